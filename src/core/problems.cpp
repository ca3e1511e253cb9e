#include "castgraph/problems.hpp"

#include "castgraph/error.hpp"
#include "castgraph/log.hpp"

namespace castgraph {

std::string SourceLocation::to_string() const {
    std::string text = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        text += ':' + std::to_string(line);
        if (column > 0) text += ':' + std::to_string(column);
    }
    return text;
}

std::string Problem::to_string() const {
    std::string text = where.to_string() + ": " + message;
    if (!skipped.empty()) text += " (" + skipped + " skipped)";
    return text;
}

void ProblemLog::report(Problem problem) {
    if (strict_) throw InputError(problem.to_string());
    if (echo_) logger().warn("{}", problem.to_string());
    problems_.push_back(std::move(problem));
}

std::map<std::string, std::size_t> ProblemLog::skipped_by_kind() const {
    std::map<std::string, std::size_t> counts;
    for (const auto& problem : problems_)
        if (!problem.skipped.empty()) ++counts[problem.skipped];
    return counts;
}

std::map<std::string, std::size_t> ProblemLog::count_by_reason() const {
    std::map<std::string, std::size_t> counts;
    for (const auto& problem : problems_) ++counts[problem.reason];
    return counts;
}

std::string ProblemLog::summary() const {
    std::string text = std::to_string(problems_.size()) + " problem" + (problems_.size() == 1 ? "" : "s");
    if (problems_.empty()) return text;
    text += " (";
    bool first = true;
    for (const auto& [reason, count] : count_by_reason()) {
        if (!first) text += ", ";
        text += std::to_string(count) + ' ' + reason;
        first = false;
    }
    text += ')';
    const auto skipped = skipped_by_kind();
    if (!skipped.empty()) {
        text += "; skipped:";
        first = true;
        for (const auto& [kind, count] : skipped) {
            text += (first ? " " : ", ") + std::to_string(count) + ' ' + kind;
            first = false;
        }
    }
    return text;
}

void ProblemLog::merge(const ProblemLog& other) {
    for (const auto& problem : other.problems_) report(problem);
}

}  // namespace castgraph
