#include "castgraph/io.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

FileText::FileText(const std::string& path) {
    if (path != "-") {
        const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        struct stat status {};
        if (descriptor >= 0 && ::fstat(descriptor, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
            const auto size = static_cast<std::size_t>(status.st_size);
            void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, descriptor, 0);
            ::close(descriptor);
            if (mapping != MAP_FAILED) {
                mapping_ = mapping;
                mapped_size_ = size;
                view_ = std::string_view(static_cast<const char*>(mapping), size);
                return;
            }
        } else if (descriptor >= 0) {
            ::close(descriptor);
        }
    }
    // Anything that cannot be mapped is read the ordinary way, which also names what is wrong.
    owned_ = read_file(path);
    view_ = owned_;
}

FileText::~FileText() {
    if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
}

void FileText::let_go(std::string_view part) const noexcept {
    if (mapping_ == nullptr || part.empty()) return;
    const auto mapped = reinterpret_cast<std::uintptr_t>(mapping_);
    auto begin = reinterpret_cast<std::uintptr_t>(part.data());
    auto end = begin + part.size();
    if (begin < mapped || end > mapped + mapped_size_) return;  // not this file's bytes
    // Only pages wholly inside the part: the pages at its ends hold its neighbours' bytes.
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    begin = (begin + page - 1) / page * page;
    end = end / page * page;
    // The mapping is private and never written, so its pages are the file's: they
    // are dropped, not lost. Failing to drop them costs memory only.
    if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

namespace {

// Calls write(stream) on the file at path, opened (and truncated) for writing.
void write_to(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
    // Outputs run to gigabytes: write in large blocks, not the default 8 KB.
    std::vector<char> buffer(std::size_t{1} << 20);
    std::ofstream out;
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.open(path, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError(path.string() + ": cannot open for writing: " + std::strerror(errno));
    write(out);
    out.flush();
    if (!out) throw IoError(path.string() + ": write failed");
}

}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (path == "-") {
        write(std::cout);
        std::cout.flush();
        if (!std::cout) throw IoError("standard output: write failed");
        return;
    }
    const std::filesystem::path target(path);
    // A device or pipe (/dev/null, a FIFO a loader reads) is written in place: a rename
    // would replace it with a regular file. A target that does not exist yet is no such thing.
    std::error_code status_error;
    const auto status = std::filesystem::status(target, status_error);
    if (!status_error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
        !std::filesystem::is_directory(status)) {
        write_to(target, write);
        return;
    }
    std::error_code ec;
    if (target.has_parent_path()) {
        std::filesystem::create_directories(target.parent_path(), ec);
        if (ec) throw IoError(target.parent_path().string() + ": cannot create directory: " + ec.message());
    }
    // Temporary name in the same directory so the rename stays on one file system.
    const std::filesystem::path temporary =
        target.string() + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
    try {
        write_to(temporary, write);
    } catch (...) {
        std::filesystem::remove(temporary, ec);
        throw;
    }
    std::filesystem::rename(temporary, target, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw IoError(path + ": cannot rename temporary file into place: " + ec.message());
    }
}

}  // namespace castgraph
