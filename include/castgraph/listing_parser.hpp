// Parser for listing pages: the text form of a podcast-captions listing page
// (see examples/latent-space-listing.txt and the README's format section).
//
// Per episode: title line; duration; language pair; "Watch with Captions";
// podcast name glued to a relative date; blank; title again; blank; one body line
// holding the summary, chapters "## [MM:SS] ...", quotes "> *"..."*" and an entity
// list "## Entities - **Name** (Type): description. ..." (or "## Entités");
// then a tags line "#a#b#c". Anything after the title may be missing.
//
// Problems (stray lines, invalid timestamps, invalid UTF-8, unknown entity-list
// shapes) are reported to the ProblemLog with file, line and column; the record
// concerned is skipped and the rest kept. Thread-safe: no shared state.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "castgraph/episode.hpp"
#include "castgraph/problems.hpp"

namespace castgraph {

// parsed, when given, is called with each part of text once its episodes are
// parsed (in no particular order, from any thread): a mapped file lets those
// pages go (FileText::let_go), so a page of gigabytes is never all in memory
// beside its episodes.
std::vector<Episode> parse_listing(std::string_view text, const std::string& source_name, ProblemLog& problems,
                                   const std::function<void(std::string_view)>& parsed = {});

// Splits "Hook Kyle opens mid-sentence..." into heading "Hook" and text "Kyle
// opens ...". Listing pages glue the two together, so this is a heuristic: the
// text starts at the first capitalised word that begins a sentence (see the
// README). known_names are names from the episode's entity list, treated as
// capitalised words even when written in lower case ("swyx").
struct ChapterHeading {
    std::string title;
    std::string text;
};
ChapterHeading split_chapter_heading(std::string_view heading_and_text,
                                     const std::vector<std::string>& known_names);

// The words of an episode's known names, prepared once for all its chapters (an
// episode with many chapters and many names would otherwise cost their product).
// Keys are folded words without trailing punctuation or "'s". An episode has a few
// dozen, and a chapter asks about a few: a search along an array costs less than
// sorting or hashing them.
struct KnownNameWords {
    std::vector<std::string> lower_case_tokens;               // name words written in lower case ("swyx")
    std::vector<std::pair<std::string, std::string>> pairs;  // words that follow in a name
    bool is_lower_case_token(std::string_view key) const;
    bool is_pair(std::string_view first_key, std::string_view second_key) const;
};
KnownNameWords known_name_words(const std::vector<std::string>& known_names);
ChapterHeading split_chapter_heading(std::string_view heading_and_text, const KnownNameWords& known);

}  // namespace castgraph
