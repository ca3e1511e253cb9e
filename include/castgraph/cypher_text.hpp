// Cypher literals and identifiers that cannot become code: every string is a
// quoted literal with backslash, quotes, newlines and control characters
// escaped; every label, type or key that is not a plain identifier is
// backtick-quoted with backticks doubled.
#pragma once

#include <string>
#include <string_view>

namespace castgraph {

// 'text' with \\, \', \", \n, \r, \t, \b, \f and \uXXXX for other controls.
std::string cypher_string(std::string_view text);
// The same literal, appended to out (a script of millions of rows builds no temporaries).
void append_cypher_string(std::string& out, std::string_view text);

// name as it is when it is a plain identifier (letters, digits, '_', not starting
// with a digit), else `name` with ` doubled.
std::string cypher_identifier(std::string_view name);

}  // namespace castgraph
