// Reads a listing page with the installed library and prints the episode count.
#include <castgraph/ingest.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    castgraph::ProblemLog problems;
    const auto episodes = castgraph::read_episodes(argv[1], problems);
    std::cout << "episodes: " << episodes.size() << '\n';
    return problems.count() == 0 ? 0 : 1;
}
