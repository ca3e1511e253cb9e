// File helpers. Outputs are written atomically: to a temporary file beside the
// target, then renamed, so an interrupted run leaves the old file or none.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace castgraph {

// Whole file (or standard input for "-"). Throws IoError.
std::string read_file(const std::string& path);

// Calls write(stream) on a temporary file and renames it to path; "-" writes to
// standard output. Creates missing parent directories. Throws IoError.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace castgraph
