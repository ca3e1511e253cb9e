# CASTGRAPH_SANITIZE: AddressSanitizer and UndefinedBehaviorSanitizer on everything built
# here (the suite then runs under them; any report fails the test that hit it).
# CASTGRAPH_FUZZ: libFuzzer targets in tests/fuzz (clang only); the libraries get
# coverage instrumentation so the fuzzer sees inside them.
option(CASTGRAPH_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(CASTGRAPH_FUZZ "Build the libFuzzer targets (needs clang)" OFF)

if(CASTGRAPH_SANITIZE OR CASTGRAPH_FUZZ)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
if(CASTGRAPH_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CASTGRAPH_FUZZ needs clang (configure with CXX=clang++)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
