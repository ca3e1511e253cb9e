#include "castgraph/io.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unistd.h>
#include <vector>

#include "castgraph/error.hpp"

namespace castgraph {

std::string read_file(const std::string& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw IoError(path + ": is a directory, expected a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path + ": cannot open for reading: " + std::strerror(errno));
    std::string content;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size > 0) {
        content.resize(static_cast<std::size_t>(size));
        in.seekg(0, std::ios::beg);
        in.read(content.data(), static_cast<std::streamsize>(content.size()));
    } else {  // pipes and special files report no size
        content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (in.bad()) throw IoError(path + ": read failed");
    return content;
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (path == "-") {
        write(std::cout);
        std::cout.flush();
        if (!std::cout) throw IoError("standard output: write failed");
        return;
    }
    const std::filesystem::path target(path);
    std::error_code ec;
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) throw IoError(target.parent_path().string() + ": cannot create directory: " + ec.message());
    // Temporary name in the same directory so the rename stays on one file system.
    const std::filesystem::path temporary =
        target.string() + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
    {
        // Outputs run to gigabytes: write in large blocks, not the default 8 KB.
        std::vector<char> buffer(std::size_t{1} << 20);
        std::ofstream out;
        out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        out.open(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError(temporary.string() + ": cannot open for writing: " + std::strerror(errno));
        try {
            write(out);
        } catch (...) {
            out.close();
            std::filesystem::remove(temporary, ec);
            throw;
        }
        out.flush();
        if (!out) {
            std::filesystem::remove(temporary, ec);
            throw IoError(temporary.string() + ": write failed");
        }
    }
    std::filesystem::rename(temporary, target, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw IoError(path + ": cannot rename temporary file into place: " + ec.message());
    }
}

}  // namespace castgraph
