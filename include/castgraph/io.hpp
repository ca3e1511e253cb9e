// File helpers. Outputs are written atomically: to a temporary file beside the
// target, then renamed, so an interrupted run leaves the old file or none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace castgraph {

// Whole file (or standard input for "-"). Throws IoError.
std::string read_file(const std::string& path);

// A whole file's bytes, read in place: a regular file is mapped into memory, so
// gigabytes are parsed where the page cache holds them instead of zeroed and copied
// first; standard input ("-"), pipes and special files are read into memory. A
// mapped file must not be truncated while it is read. Throws IoError.
class FileText {
public:
    explicit FileText(const std::string& path);
    FileText(const FileText&) = delete;
    FileText& operator=(const FileText&) = delete;
    ~FileText();

    [[nodiscard]] std::string_view view() const { return view_; }
    // Says that a part of view() has been read and will not be soon again: a mapped
    // file's whole pages in it leave the process's memory (reading them after is
    // still right: they come from the file again). Text read into memory stays.
    void let_go(std::string_view part) const noexcept;

private:
    std::string owned_;  // when not mapped
    void* mapping_ = nullptr;
    std::size_t mapped_size_ = 0;
    std::string_view view_;
};

// Calls write(stream) on a temporary file and renames it to path; "-" writes to
// standard output, and an existing device or FIFO is written in place. Creates
// missing parent directories. Throws IoError.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace castgraph
