#include "castgraph/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace castgraph {

spdlog::logger& logger() {
    static const std::shared_ptr<spdlog::logger> instance = [] {
        auto created = spdlog::stderr_logger_mt("castgraph");
        created->set_pattern("castgraph: %l: %v");
        created->set_level(spdlog::level::warn);
        return created;
    }();
    return *instance;
}

}  // namespace castgraph
