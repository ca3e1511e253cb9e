#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace castgraph::test {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

inline std::string sample_path() { return std::string(CASTGRAPH_EXAMPLES_DIR) + "/latent-space-listing.txt"; }

}  // namespace castgraph::test
