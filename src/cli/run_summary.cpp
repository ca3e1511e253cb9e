#include "run_summary.hpp"

#include "castgraph/log.hpp"

namespace castgraph::cli {

void report_run_summary(const std::string& command, std::size_t files, std::size_t episodes,
                        const ProblemLog& problems, const std::string& kept) {
    const auto line = command + ": read " + std::to_string(files) + (files == 1 ? " file" : " files") + ", kept " +
                      std::to_string(episodes) + (episodes == 1 ? " episode" : " episodes") +
                      (kept.empty() ? "" : ", " + kept) + "; " + problems.summary();
    if (problems.count() > 0)
        logger().warn("{}", line);
    else
        logger().info("{}", line);
}

}  // namespace castgraph::cli
