// Exceptions of castgraph, grouped by category. Every message starts with its
// category ("parse error: pages.txt:41:7: ...") so a user can tell at a glance
// whether the input, the file system or the command line is at fault. Only the
// executable's main() turns them into exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace castgraph {

enum class ErrorCategory { input, io, usage, not_found, internal };

class Error : public std::runtime_error {
public:
    Error(ErrorCategory category, const std::string& message)
        : std::runtime_error(prefix(category) + message), category_(category), message_(message) {}

    [[nodiscard]] ErrorCategory category() const noexcept { return category_; }
    // The message without its category prefix, for wrapping in a more precise one.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }

    static std::string prefix(ErrorCategory category) {
        switch (category) {
        case ErrorCategory::input: return "parse error: ";
        case ErrorCategory::io: return "io error: ";
        case ErrorCategory::usage: return "usage error: ";
        case ErrorCategory::not_found: return "not found: ";
        case ErrorCategory::internal: return "internal error: ";
        }
        return "error: ";
    }

private:
    ErrorCategory category_;
    std::string message_;
};

// Bad input data: a page, record, alias file or graph file that cannot be read.
class InputError : public Error {
public:
    explicit InputError(const std::string& message) : Error(ErrorCategory::input, message) {}
};

// A file that cannot be opened, read, written or renamed.
class IoError : public Error {
public:
    explicit IoError(const std::string& message) : Error(ErrorCategory::io, message) {}
};

// A command line that asks for something impossible (unknown format, bad option value).
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message) : Error(ErrorCategory::usage, message) {}
};

// A name or id asked for on the command line that the graph does not hold.
class NotFoundError : public Error {
public:
    explicit NotFoundError(const std::string& message) : Error(ErrorCategory::not_found, message) {}
};

}  // namespace castgraph
