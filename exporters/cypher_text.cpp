#include "castgraph/cypher_text.hpp"

#include <cstdio>

#include "internal/plain_run.hpp"

namespace castgraph {

namespace {

// What a Cypher string literal escapes besides controls.
constexpr internal::PlainRun kCypherPlain{'\\', '\'', '"'};

}  // namespace

void append_cypher_string(std::string& out, std::string_view text) {
    out += '\'';
    std::size_t plain_from = 0;  // runs of characters that need no escape are copied whole
    for (std::size_t i = kCypherPlain(text); i < text.size(); ++i) {
        const char c = text[i];
        const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
        if (!control && c != '\\' && c != '\'' && c != '"') {  // UTF-8 passes through: Cypher source is Unicode
            // Only after an ASCII byte: in text of other scripts a run would end at once.
            if (static_cast<unsigned char>(c) < 0x80) i += kCypherPlain(text.substr(i + 1));
            continue;
        }
        out.append(text, plain_from, i - plain_from);
        plain_from = i + 1;
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        case '"': out += "\\\""; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += escape;
        }
        }
    }
    out.append(text, plain_from);
    out += '\'';
}

std::string cypher_string(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    append_cypher_string(out, text);
    return out;
}

std::string cypher_identifier(std::string_view name) {
    bool plain = !name.empty() && !(name.front() >= '0' && name.front() <= '9');
    for (const char c : name)
        plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
    if (plain) return std::string(name);
    std::string out = "`";
    for (const char c : name) {
        if (c == '`') out += '`';
        out += c;
    }
    out += '`';
    return out;
}

}  // namespace castgraph
