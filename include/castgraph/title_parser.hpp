// Guests and affiliations from an episode title. Recognized forms (all occur on
// real listing pages):
//   "Title — Guest"                 "Title— Guest"
//   "Title — A & B"                 "Title — A, Org & B, Org2"
//   "Title — Guest, Org"            "Guest - Title" (leading emoji allowed)
//   "Title: Guest on Topic"         "Guest on Topic"
// A guest segment is accepted only when each name looks like a person's name
// (2 to 5 words, the first letter of the first and last word upper case).
#pragma once

#include <string_view>
#include <vector>

#include "castgraph/episode.hpp"

namespace castgraph {

std::vector<Guest> parse_title_guests(std::string_view title);

}  // namespace castgraph
