# All dependencies come from Debian's packages (see .ci/install-deps), found through
# their CMake packages or pkg-config imported targets. Nothing is vendored.
find_package(Boost 1.74 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(spdlog 1.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(LibXml2 2.9 REQUIRED)
find_package(simdjson 3.0 REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc libcgraph)
