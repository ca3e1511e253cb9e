// libFuzzer target: parse_title_guests on arbitrary bytes, and
// split_chapter_heading on the same text made valid UTF-8 with whitespace
// collapsed (the form the listing parser passes it).
//
// Checks: no crash, sanitizer report or exception; every guest name has 2 to 5
// words and is, like its affiliation, a piece of the title (valid UTF-8 when the
// title is); the same title gives the same guests; a heading split gives a
// non-empty heading and text that are the start and the end of the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "castgraph/listing_parser.hpp"
#include "castgraph/title_parser.hpp"
#include "fuzz_support.hpp"

using namespace castgraph;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::silence_logger();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string title(reinterpret_cast<const char*>(data), size);
    const bool valid = !find_invalid_utf8(title);

    const auto guests = parse_title_guests(title);
    std::vector<std::string> names;
    for (const auto& guest : guests) {
        const auto words = split_words(guest.name);
        CASTGRAPH_FUZZ_CHECK(words.size() >= 2 && words.size() <= 5,
                             "guest name " + fuzz::printable(guest.name) + " has " + std::to_string(words.size()) + " words");
        CASTGRAPH_FUZZ_CHECK(title.find(guest.name) != std::string::npos,
                             "guest name " + fuzz::printable(guest.name) + " is not in the title");
        CASTGRAPH_FUZZ_CHECK(title.find(guest.affiliation) != std::string::npos,
                             "affiliation " + fuzz::printable(guest.affiliation) + " is not in the title");
        if (valid) {
            fuzz::check_utf8(guest.name, "guest name");
            fuzz::check_utf8(guest.affiliation, "guest affiliation");
        }
        names.push_back(guest.name);
    }
    CASTGRAPH_FUZZ_CHECK(parse_title_guests(title) == guests, "parse_title_guests is not deterministic");

    // Chapter headings: the listing parser passes collapsed, valid UTF-8 text.
    const auto text = collapse_whitespace(repair_utf8(title));
    const auto heading = split_chapter_heading(text, names);
    fuzz::check_utf8(heading.title, "chapter heading");
    fuzz::check_utf8(heading.text, "chapter text");
    const auto full = trim(text);
    if (heading.text.empty()) {
        CASTGRAPH_FUZZ_CHECK(heading.title == full, "unsplit heading " + fuzz::printable(heading.title) +
                                                        " is not the whole text " + fuzz::printable(full));
    } else {
        CASTGRAPH_FUZZ_CHECK(!heading.title.empty(), "split with an empty heading: " + fuzz::printable(full));
        CASTGRAPH_FUZZ_CHECK(full.substr(0, heading.title.size()) == heading.title,
                             "heading " + fuzz::printable(heading.title) + " does not start " + fuzz::printable(full));
        CASTGRAPH_FUZZ_CHECK(full.size() >= heading.text.size() &&
                                 full.substr(full.size() - heading.text.size()) == heading.text,
                             "text " + fuzz::printable(heading.text) + " does not end " + fuzz::printable(full));
        CASTGRAPH_FUZZ_CHECK(heading.title.size() + heading.text.size() < full.size(),
                             "heading and text overlap in " + fuzz::printable(full));
    }
    return 0;
}
