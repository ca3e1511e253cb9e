#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "castgraph/error.hpp"
#include "castgraph/io.hpp"
#include "test_support.hpp"

namespace castgraph {
namespace {

class FileTextTest : public ::testing::Test {
protected:
    void SetUp() override {
        directory_ = std::filesystem::temp_directory_path() /
                     ("castgraph-io-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(directory_);
    }
    void TearDown() override { std::filesystem::remove_all(directory_); }

    std::string write(const std::string& name, const std::string& content) const {
        const auto path = (directory_ / name).string();
        std::ofstream(path, std::ios::binary) << content;
        return path;
    }

    std::filesystem::path directory_;
};

TEST_F(FileTextTest, MappedFileHoldsTheSameBytesAsReadFile) {
    const auto sample = test::sample_path();
    const FileText file(sample);
    EXPECT_EQ(file.view(), read_file(sample));
    EXPECT_GT(file.view().size(), 10000U);
}

// Kilobytes of the process's memory that hold pages of the mapping starting at address.
std::size_t resident_kb_of_mapping(const void* address) {
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool in_mapping = false;
    while (std::getline(smaps, line)) {
        if (line.find('-') != std::string::npos && line.find(' ') > line.find('-') && std::isxdigit(line[0])) {
            in_mapping = std::stoull(line.substr(0, line.find('-')), nullptr, 16) == reinterpret_cast<std::uintptr_t>(address);
        } else if (in_mapping && line.rfind("Rss:", 0) == 0) {
            return std::stoull(line.substr(4));
        }
    }
    ADD_FAILURE() << "no mapping at " << address << " in /proc/self/smaps";
    return 0;
}

TEST_F(FileTextTest, PartsLetGoLeaveMemoryAndReadTheSameAfter) {
    std::string content;
    for (int i = 0; content.size() < (std::size_t{8} << 20); ++i) content += "line " + std::to_string(i) + "\n";
    const FileText file(write("large.txt", content));
    std::size_t sum = 0;
    for (const char c : file.view()) sum += static_cast<unsigned char>(c);  // every page in memory
    ASSERT_GT(sum, 0u);
    const auto before = resident_kb_of_mapping(file.view().data());
    EXPECT_GE(before, 8000u);
    file.let_go(file.view().substr(1000, std::size_t{6} << 20));  // not page-aligned at either end
    const auto after = resident_kb_of_mapping(file.view().data());
    EXPECT_LE(after, before - 6000) << "6 MB let go";
    EXPECT_EQ(file.view(), content) << "pages let go are read from the file again";
    EXPECT_EQ(file.view().substr(996, 8), content.substr(996, 8)) << "the page at the part's start is kept";

    file.let_go(std::string_view("not the file's bytes"));  // nothing to do, and no harm
    EXPECT_EQ(file.view(), content);
}

TEST_F(FileTextTest, TextReadIntoMemoryIsKeptWhenLetGo) {
    const auto path = write("small.txt", "small text\n");
    // Standard input is read into memory; a part of it let go must stay readable.
    const auto stdin_copy = ::dup(STDIN_FILENO);
    ASSERT_GE(stdin_copy, 0);
    const auto file_descriptor = ::open(path.c_str(), O_RDONLY);
    ASSERT_GE(file_descriptor, 0);
    ASSERT_EQ(::dup2(file_descriptor, STDIN_FILENO), STDIN_FILENO);
    ::close(file_descriptor);
    {
        const FileText file("-");
        file.let_go(file.view());
        EXPECT_EQ(file.view(), "small text\n");
    }
    ::dup2(stdin_copy, STDIN_FILENO);
    ::close(stdin_copy);
    std::cin.clear();  // read to its end above, by the C stream beneath it too
    std::clearerr(stdin);
}

TEST_F(FileTextTest, BytesOfEveryValueAndNoTerminatorAreKept) {
    std::string content;
    for (int byte = 0; byte < 256; ++byte) content.push_back(static_cast<char>(byte));
    content += "no newline at the end";
    const FileText file(write("bytes.bin", content));
    EXPECT_EQ(file.view(), content);
}

TEST_F(FileTextTest, EmptyFileIsEmpty) {
    const FileText file(write("empty.txt", ""));
    EXPECT_TRUE(file.view().empty());
}

TEST_F(FileTextTest, MissingFileAndDirectoryAreNamed) {
    const auto missing = (directory_ / "missing.txt").string();
    try {
        const FileText file(missing);
        FAIL() << "no error for a missing file";
    } catch (const IoError& error) {
        EXPECT_NE(std::string(error.what()).find(missing + ": cannot open for reading"), std::string::npos) << error.what();
    }
    try {
        const FileText file(directory_.string());
        FAIL() << "no error for a directory";
    } catch (const IoError& error) {
        EXPECT_NE(std::string(error.what()).find(directory_.string() + ": is a directory"), std::string::npos)
            << error.what();
    }
}

TEST_F(FileTextTest, AtomicWriteReplacesAFileAndLeavesNoTemporary) {
    const auto path = write("out.txt", "old contents that are longer");
    write_file_atomically(path, [](std::ostream& out) { out << "new"; });
    EXPECT_EQ(read_file(path), "new");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(directory_), std::filesystem::directory_iterator()), 1);
}

// A new file named without a directory goes into the working directory.
TEST_F(FileTextTest, AtomicWriteMakesANewFileNamedWithoutADirectory) {
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(directory_);
    try {
        write_file_atomically("new.json", [](std::ostream& out) { out << "{}"; });
    } catch (...) {
        std::filesystem::current_path(previous);
        throw;
    }
    std::filesystem::current_path(previous);
    EXPECT_EQ(read_file((directory_ / "new.json").string()), "{}");
}

// A rename would put a regular file where the FIFO (or /dev/null) was, and a
// reader waiting on it would get nothing.
TEST_F(FileTextTest, AtomicWriteToAFifoWritesIntoIt) {
    const auto fifo = (directory_ / "pipe").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    ASSERT_GE(reader, 0);
    write_file_atomically(fifo, [](std::ostream& out) { out << "through the pipe"; });
    char received[64] = {};
    const auto count = ::read(reader, received, sizeof received);
    ::close(reader);
    EXPECT_EQ(std::string(received, count > 0 ? static_cast<std::size_t>(count) : 0), "through the pipe");
    EXPECT_TRUE(std::filesystem::is_fifo(fifo));
}

}  // namespace
}  // namespace castgraph
