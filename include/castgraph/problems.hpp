// Per-record problems found while reading input. A problem names where it was
// found (file, line, column) and why; the record it concerns is skipped and
// counted by reason. In strict mode the first problem is fatal (InputError).
//
// Not thread-safe: one ProblemLog per reading thread, merged afterwards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace castgraph {

struct SourceLocation {
    std::string file;
    std::uint32_t line = 0;    // 1-based; 0 when unknown
    std::uint32_t column = 0;  // 1-based byte column; 0 when unknown

    [[nodiscard]] std::string to_string() const;
};

struct Problem {
    SourceLocation where;
    std::string reason;   // stable machine-readable code, e.g. "invalid-timestamp"
    std::string message;  // what was wrong, for people
    std::string skipped;  // what was dropped: "episode", "chapter", "entity-list item", "line", ...

    [[nodiscard]] std::string to_string() const;
};

class ProblemLog {
public:
    // echo: write each problem as a warning when it is reported. A log filled on a
    // helper thread does not echo; merging it into one that does writes its problems
    // then, in order.
    explicit ProblemLog(bool strict = false, bool echo = true) : strict_(strict), echo_(echo) {}

    // Records a problem and logs it as a warning; throws InputError in strict mode.
    void report(Problem problem);

    [[nodiscard]] bool strict() const noexcept { return strict_; }
    [[nodiscard]] const std::vector<Problem>& problems() const noexcept { return problems_; }
    [[nodiscard]] std::size_t count() const noexcept { return problems_.size(); }
    // Number of skipped records by what was skipped ("chapter" -> 2, ...).
    [[nodiscard]] std::map<std::string, std::size_t> skipped_by_kind() const;
    // Number of problems by reason code.
    [[nodiscard]] std::map<std::string, std::size_t> count_by_reason() const;
    // "2 skipped: 1 chapter (invalid-timestamp), 1 line (stray-line)".
    [[nodiscard]] std::string summary() const;

    // Reports another log's problems after this one's, as if reported here.
    void merge(const ProblemLog& other);

private:
    bool strict_;
    bool echo_;
    std::vector<Problem> problems_;
};

}  // namespace castgraph
