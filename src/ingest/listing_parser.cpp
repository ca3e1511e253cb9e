#include "castgraph/listing_parser.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_set>

#include "castgraph/parallel.hpp"
#include "castgraph/text.hpp"
#include "castgraph/timecode.hpp"
#include "castgraph/title_parser.hpp"
#include "internal/pattern.hpp"

namespace castgraph {
namespace {

struct Line {
    std::string_view text;
    std::uint32_t number = 0;  // 1-based
};

// Calls line(text) for each line of text: split at '\n', a '\r' before it dropped,
// and no line after a final '\n'.
template <typename OnLine>
void for_each_line(std::string_view text, const OnLine& on_line) {
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        on_line(line);
        start = end + 1;
    }
}

// How many lines for_each_line finds.
std::size_t count_lines(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
           (!text.empty() && text.back() != '\n' ? 1 : 0);
}

bool is_blank(std::string_view line) { return trim(line).empty(); }

bool is_duration(std::string_view line) {
    static const auto pattern = internal::compile_pattern(R"(\d{1,3}:\d{2}(?::\d{2})?)");
    const auto text = trim(line);
    // Asked of every line, twice, to find where episodes start: a line that cannot
    // match (4 to 9 bytes led by a digit) is refused before the regex is run.
    if (text.size() < 4 || text.size() > 9 || text[0] < '0' || text[0] > '9') return false;
    return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *pattern);
}

bool is_language_list(std::string_view line) {
    static const auto pattern = internal::compile_pattern(R"([A-Za-z]{2,3}(?:/[A-Za-z]{2,3})*)");
    const auto text = trim(line);
    return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *pattern);
}

bool is_watch_line(std::string_view line) { return normalize_text(line) == "watch with captions"; }

bool is_tags_line(std::string_view line) {
    static const auto pattern = internal::compile_pattern(R"((?:#[^#\s]+)+)");
    const auto text = trim(line);
    if (!text.starts_with('#')) return false;  // the regex's first byte, checked without running it
    return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *pattern);
}

// Splits "Latent Spaceil y a 1 jour" into podcast and relative date.
std::pair<std::string, std::string> split_podcast_and_date(std::string_view line) {
    static const auto pattern = internal::compile_pattern(
        R"((?i)^(.*?)\s*((?:il y a|depuis) .+|(?:an?|\d+) \S+ ago|yesterday|today|hier|aujourd.hui|just now)$)");
    const auto text = trim(line);
    std::string podcast;
    std::string date;
    if (RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *pattern, &podcast, &date))
        return {podcast, date};
    return {std::string(text), ""};
}

std::vector<std::string> parse_tags(std::string_view line) {
    std::vector<std::string> tags;
    const auto text = trim(line);
    std::size_t start = 0;
    while ((start = text.find('#', start)) != std::string_view::npos) {
        auto end = text.find('#', start + 1);
        if (end == std::string_view::npos) end = text.size();
        if (end > start + 1) tags.emplace_back(text.substr(start + 1, end - start - 1));
        start = end;
    }
    return tags;
}

std::vector<std::string> parse_languages(std::string_view line) {
    std::vector<std::string> languages;
    const auto text = trim(line);
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = std::min(text.find('/', start), text.size());
        if (end > start) languages.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return languages;
}

// ---- chapter heading heuristic -------------------------------------------------

utf8proc_int32_t first_letter(std::string_view word) {
    const auto* cursor = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
    auto remaining = static_cast<utf8proc_ssize_t>(word.size());
    while (remaining > 0) {
        utf8proc_int32_t codepoint = 0;
        const auto used = utf8proc_iterate(cursor, remaining, &codepoint);
        if (used <= 0) return 0;
        const auto category = utf8proc_category(codepoint);
        if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) return codepoint;
        if (category == UTF8PROC_CATEGORY_ND) return 0;
        if (codepoint != '"' && codepoint != '\'' && codepoint != '(' && codepoint != 0x201C &&
            codepoint != 0x00AB && codepoint != '*')
            return 0;
        cursor += used;
        remaining -= used;
    }
    return 0;
}

// Printable ASCII folds byte for byte (letters to lower case, '`' to '\''), so a
// word of it is never shorter folded than written.
bool is_printable_ascii(std::string_view word) {
    return std::all_of(word.begin(), word.end(), [](char c) { return c > ' ' && c < 0x7F; });
}

bool is_small_word(std::string_view word) {
    static const std::unordered_set<std::string> words = {
        "a",   "an",  "the", "and", "or",  "nor",  "but", "for",  "in",   "on",   "of",   "to",
        "vs",  "vs.", "via", "with", "at", "by",   "from", "into", "as",   "per",  "over", "up",
        "de",  "du",  "des", "la",  "le",  "les",  "l'",  "et",   "ou",   "en",   "à",    "au",
        "aux", "pour", "par", "sur", "dans", "avec", "sans", "vers", "chez", "un",  "une",  "d'",
        "entre", "&",  "\u2014", "\u2013", "-"};
    if (word.size() > 5 && is_printable_ascii(word)) return false;  // none folds from so long a word
    return words.count(normalize_text(word)) > 0;
}

bool is_question_word(std::string_view word) {
    static const std::unordered_set<std::string> words = {"how", "why", "what", "when", "where", "who",
                                                          "which", "comment", "pourquoi", "qui", "quand"};
    if (word.size() > 8 && is_printable_ascii(word)) return false;  // none folds from so long a word
    return words.count(normalize_text(word)) > 0;
}

// True when the word is lower case and not a small word: a content word of a
// sentence ("opens", "retrace").
bool is_lower_content_word(std::string_view word) {
    const auto letter = first_letter(word);
    return letter != 0 && utf8proc_category(letter) == UTF8PROC_CATEGORY_LL && !is_small_word(word);
}

bool ends_with_any(std::string_view word, std::string_view characters) {
    return !word.empty() && characters.find(word.back()) != std::string_view::npos;
}

}  // namespace

namespace {

std::string name_word_key(std::string_view word) {
    std::string key = normalize_text(word);
    while (!key.empty() && std::string_view(",.:;?!\"").find(key.back()) != std::string_view::npos) key.pop_back();
    if (key.size() > 2 && key.compare(key.size() - 2, 2, "'s") == 0) key.resize(key.size() - 2);
    return key;
}

}  // namespace

bool KnownNameWords::is_lower_case_token(std::string_view key) const {
    return std::find(lower_case_tokens.begin(), lower_case_tokens.end(), key) != lower_case_tokens.end();
}

bool KnownNameWords::is_pair(std::string_view first_key, std::string_view second_key) const {
    return std::any_of(pairs.begin(), pairs.end(),
                       [&](const auto& pair) { return pair.second == second_key && pair.first == first_key; });
}

KnownNameWords known_name_words(const std::vector<std::string>& known_names) {
    KnownNameWords known;
    for (const auto& name : known_names) {
        std::string previous_key;
        bool first = true;
        for (const auto part : split_words(name)) {
            auto key = name_word_key(part);
            // Only names written in lower case ("swyx") count as capitalised words;
            // capitalised name words ("Five Levels ...") are capitalised already.
            const auto letter = first_letter(part);
            if (letter != 0 && utf8proc_category(letter) == UTF8PROC_CATEGORY_LL) known.lower_case_tokens.push_back(key);
            if (!first) known.pairs.emplace_back(std::move(previous_key), key);
            previous_key = std::move(key);
            first = false;
        }
    }
    return known;
}

ChapterHeading split_chapter_heading(std::string_view heading_and_text, const std::vector<std::string>& known_names) {
    return split_chapter_heading(heading_and_text, known_name_words(known_names));
}

namespace {

// The words of a text as split_words makes them (by next_word), split only as far as
// they are asked for: a chapter's heading ends within its first few words of a hundred.
class WordsOnDemand {
public:
    explicit WordsOnDemand(std::string_view text) : text_(text) {}

    // True when the text has a word at `index`.
    bool has(std::size_t index) {
        while (words_.size() <= index && split_next()) {
        }
        return words_.size() > index;
    }
    // The word at `index`, which has(index) found.
    std::string_view operator[](std::size_t index) {
        has(index);
        return words_[index];
    }

private:
    bool split_next() {
        const auto word = next_word(text_, cursor_);
        if (word.empty()) return false;
        words_.push_back(word);
        return true;
    }

    std::string_view text_;
    std::size_t cursor_ = 0;
    std::vector<std::string_view> words_;
};

}  // namespace

ChapterHeading split_chapter_heading(std::string_view heading_and_text, const KnownNameWords& known) {
    const auto full = trim(heading_and_text);
    WordsOnDemand words(full);
    const auto name_key = name_word_key;
    const auto& name_tokens = known.lower_case_tokens;
    const auto& name_pairs = known.pairs;
    auto is_name_token = [&](std::string_view word) {
        return !name_tokens.empty() && known.is_lower_case_token(name_key(word));
    };
    auto is_capitalised = [&](std::string_view word) {
        const auto letter = first_letter(word);
        return (letter != 0 && utf8proc_category(letter) == UTF8PROC_CATEGORY_LU) || is_name_token(word);
    };
    auto is_lower = [&](std::string_view word) { return is_lower_content_word(word) && !is_name_token(word); };
    auto is_conjunction = [](std::string_view word) { return word == "and" || word == "et" || word == "&"; };

    // Where the text of a candidate start k really begins: back to the start of a
    // known name ("Ivan | Burazin describes") and of a compound subject ("Brandon et RJ").
    auto sentence_start = [&](std::size_t k) {
        while (true) {
            if (k >= 2 && !name_pairs.empty() && known.is_pair(name_key(words[k - 1]), name_key(words[k])) &&
                !ends_with_any(words[k - 1], ",;:?!")) {
                --k;
            } else if (k >= 3 && is_conjunction(words[k - 1]) && is_capitalised(words[k - 2]) &&
                       !ends_with_any(words[k - 2], ",;:?!")) {
                k -= 2;
            } else {
                return k;
            }
        }
    };
    // A heading does not end on a particle, an article or a lone question word.
    auto acceptable = [&](std::size_t k) {
        if (k == 0) return false;
        const auto last = words[k - 1];
        if (is_small_word(last) || ends_with_any(last, ",;:")) return false;
        if (k == 1 && is_question_word(last)) return false;
        const auto remainder = full.substr(static_cast<std::size_t>(words[k].data() - full.data()));
        // A short remainder without a sentence end is part of the heading ("What Daytona is").
        return words.has(k + 7) || remainder.find(". ") != std::string_view::npos ||
               ends_with_any(remainder, ".!?");
    };
    auto split_at = [&](std::size_t k) {
        const auto previous = words[k - 1];
        const auto heading = full.substr(0, static_cast<std::size_t>(previous.data() + previous.size() - full.data()));
        const auto remainder = full.substr(static_cast<std::size_t>(words[k].data() - full.data()));
        return ChapterHeading{std::string(trim(heading)), std::string(trim(remainder))};
    };

    // Rule A: a capitalised word followed by a lower-case content word starts a
    // sentence ("Kyle opens", "Rives retrace").
    auto is_number = [](std::string_view word) { return !word.empty() && word[0] >= '0' && word[0] <= '9'; };
    for (std::size_t k = 1; words.has(k + 1); ++k) {
        if (!is_capitalised(words[k])) continue;
        // The verb may follow a version number ("Gemma 4 hérite") or the French
        // auxiliary "a" ("Google a annoncé").
        auto verb = k + 1;
        if (words.has(verb + 1) && (is_number(words[verb]) || words[verb] == "a") && is_lower(words[verb + 1]))
            ++verb;
        if (!is_lower(words[verb])) continue;
        const auto start = sentence_start(k);
        if (acceptable(start)) return split_at(start);
    }
    // Rule B, for sentence-case headings: a capitalised word right after a
    // lower-case content word ("physics research | After GPT-5's release").
    bool sentence_case = false;
    for (std::size_t k = 1; words.has(k); ++k) {
        if (is_lower(words[k - 1])) sentence_case = true;
        if (!sentence_case || !is_capitalised(words[k]) || is_name_token(words[k])) continue;
        if (!is_lower(words[k - 1]) && !ends_with_any(words[k - 1], "?!")) continue;
        if (acceptable(k)) return split_at(k);
    }
    return {std::string(full), ""};
}

namespace {

constexpr std::string_view kQuoteOpen = "> *\"";

// One "## ..." section of a body line.
struct Section {
    enum class Kind { summary, chapter, entities, unknown } kind = Kind::summary;
    std::size_t begin = 0;  // offset of the "##" marker in the body (0 for the summary)
    std::string_view marker;
    std::string_view content;
};

// Finds section markers: "## [" or "## Word" at the start or after a space.
std::vector<Section> split_sections(std::string_view body) {
    std::vector<Section> sections;
    std::vector<std::size_t> markers;
    for (std::size_t at = body.find("## "); at != std::string_view::npos; at = body.find("## ", at + 3)) {
        if (at > 0 && body[at - 1] != ' ') continue;
        if (at + 3 >= body.size()) continue;
        const char next = body[at + 3];
        if (next == '[' || static_cast<unsigned char>(next) >= 0x80 || std::isalpha(static_cast<unsigned char>(next)))
            markers.push_back(at);
    }
    const auto first = markers.empty() ? body.size() : markers.front();
    sections.push_back({Section::Kind::summary, 0, {}, body.substr(0, first)});
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const auto begin = markers[i];
        const auto end = i + 1 < markers.size() ? markers[i + 1] : body.size();
        const auto piece = body.substr(begin, end - begin);
        Section section;
        section.begin = begin;
        if (piece[3] == '[') {
            section.kind = Section::Kind::chapter;
            const auto close = piece.find(']');
            section.marker = close == std::string_view::npos ? piece.substr(3) : piece.substr(3, close - 2);
            section.content = close == std::string_view::npos ? std::string_view{} : piece.substr(close + 1);
        } else {
            auto word_end = piece.find_first_of(" -:", 3);
            if (word_end == std::string_view::npos) word_end = piece.size();
            section.marker = piece.substr(3, word_end - 3);
            section.content = piece.substr(word_end);
            const auto header = normalize_text(section.marker);
            section.kind = (header == "entities" || header == "entites") ? Section::Kind::entities
                                                                          : Section::Kind::unknown;
        }
        sections.push_back(section);
    }
    return sections;
}

class EpisodeBodyParser {
public:
    EpisodeBodyParser(Episode& episode, ProblemLog& problems, std::string_view body, const Line& line)
        : episode_(episode), problems_(problems), body_(body), line_(line) {}

    void parse() {
        const auto sections = split_sections(body_);
        // The entity list first: its names help split chapter headings.
        for (const auto& section : sections)
            if (section.kind == Section::Kind::entities) parse_entities(section);
        std::vector<std::string> known_names;
        if (episode_.entity_list)
            for (const auto& item : episode_.entity_list->items) known_names.push_back(item.name);
        for (const auto& guest : episode_.guests) known_names.push_back(guest.name);
        const auto known_words = known_name_words(known_names);

        for (const auto& section : sections) {
            switch (section.kind) {
            case Section::Kind::summary: {
                std::string storage;
                episode_.summary = collapse_whitespace(extract_quotes(section.content, std::nullopt, storage));
                break;
            }
            case Section::Kind::chapter: parse_chapter(section, known_words); break;
            case Section::Kind::entities: break;
            case Section::Kind::unknown:
                report(section.begin, "unknown-section",
                       "unknown section header '## " + std::string(section.marker) +
                           "', expected '## [MM:SS]', '## Entities' or '## Entités'",
                       "section");
                break;
            }
        }
    }

private:
    void report(std::size_t offset, std::string reason, std::string message, std::string skipped) {
        problems_.report({{episode_.source_file, line_.number, static_cast<std::uint32_t>(offset + 1)},
                          std::move(reason),
                          std::move(message),
                          std::move(skipped)});
    }

    std::size_t offset_of(std::string_view piece) const {
        return static_cast<std::size_t>(piece.data() - body_.data());
    }

    // Moves quotes "> *"..."*" out of a text into episode_.quotes; returns the rest,
    // which is the text itself when it has none and is otherwise made in `rest`.
    std::string_view extract_quotes(std::string_view text, std::optional<std::uint32_t> chapter, std::string& rest) {
        if (text.find(kQuoteOpen) == std::string_view::npos) return text;
        std::size_t cursor = 0;
        while (true) {
            const auto open = text.find(kQuoteOpen, cursor);
            if (open == std::string_view::npos) break;
            const auto content_begin = open + kQuoteOpen.size();
            // The quote ends at '"*' followed by a space or the end of the text.
            auto close = text.find("\"*", content_begin);
            while (close != std::string_view::npos && close + 2 < text.size() && text[close + 2] != ' ')
                close = text.find("\"*", close + 1);
            if (close == std::string_view::npos) {
                report(offset_of(text.substr(open)), "unterminated-quote",
                       "quote opened with '> *\"' is not closed with '\"*'", "quote");
                rest.append(text.substr(cursor, open - cursor));
                cursor = text.size();
                break;
            }
            rest.append(text.substr(cursor, open - cursor));
            episode_.quotes.push_back({collapse_whitespace(text.substr(content_begin, close - content_begin)), chapter});
            cursor = close + 2;
        }
        rest.append(text.substr(std::min(cursor, text.size())));
        return rest;
    }

    void parse_chapter(const Section& section, const KnownNameWords& known_names) {
        const auto stamp = section.marker.size() >= 2 ? section.marker.substr(1, section.marker.size() - 2)
                                                      : std::string_view{};
        const auto start = parse_timecode(stamp);
        if (section.content.data() == nullptr || !start) {
            report(section.begin + 3, "invalid-timestamp",
                   "invalid chapter timestamp '" + std::string(section.marker) +
                       "', expected [MM:SS], [H:MM:SS] or [HH:MM:SS]",
                   "chapter");
            return;
        }
        const auto index = static_cast<std::uint32_t>(episode_.chapters.size());
        std::string storage;
        const auto text = extract_quotes(section.content, index, storage);
        auto heading = split_chapter_heading(collapse_whitespace(text), known_names);
        episode_.chapters.push_back({*start, std::move(heading.title), std::move(heading.text)});
    }

    void parse_entities(const Section& section) {
        EntityList list;
        list.header = std::string(section.marker);
        list.language = normalize_text(section.marker) == "entites" ? "fr" : "en";
        const auto content = section.content;
        // Items start with "- **" at the start of the content or after a space.
        std::vector<std::size_t> starts;
        for (auto at = content.find("- **"); at != std::string_view::npos; at = content.find("- **", at + 4))
            if (at == 0 || content[at - 1] == ' ') starts.push_back(at);
        const auto lead = trim(content.substr(0, starts.empty() ? content.size() : starts.front()));
        if (!lead.empty())
            report(offset_of(lead), "unknown-entity-shape",
                   "text in the entity list that is not an item '- **Name** (Type): description': '" +
                       std::string(lead.substr(0, 60)) + "'",
                   "entity-list text");
        for (std::size_t i = 0; i < starts.size(); ++i) {
            const auto end = i + 1 < starts.size() ? starts[i + 1] : content.size();
            parse_entity_item(content.substr(starts[i] + 2, end - starts[i] - 2), list);
        }
        if (episode_.entity_list) {
            report(section.begin, "duplicate-entity-list", "a second entity list in one episode; items appended",
                   "");
            auto& items = episode_.entity_list->items;
            items.insert(items.end(), list.items.begin(), list.items.end());
        } else {
            episode_.entity_list = std::move(list);
        }
    }

    // "**Name** (Type): description" or "**Name** (Type) : description".
    void parse_entity_item(std::string_view item, EntityList& list) {
        const auto offset = offset_of(item);
        auto fail = [&](const std::string& what) {
            report(offset, "unknown-entity-shape",
                   what + " in entity-list item '" + std::string(trim(item).substr(0, 60)) +
                       "', expected '**Name** (Type): description'",
                   "entity-list item");
        };
        const auto name_end = item.find("**", 2);
        if (name_end == std::string_view::npos) return fail("unterminated name");
        const auto name = trim(item.substr(2, name_end - 2));
        if (name.empty()) return fail("empty name");
        auto rest = item.substr(name_end + 2);
        rest = trim(rest);
        if (rest.empty() || rest.front() != '(') return fail("missing '(Type)'");
        int depth = 0;
        std::size_t close = std::string_view::npos;
        for (std::size_t i = 0; i < rest.size(); ++i) {
            if (rest[i] == '(') ++depth;
            if (rest[i] == ')' && --depth == 0) {
                close = i;
                break;
            }
        }
        if (close == std::string_view::npos) return fail("unterminated '(Type'");
        const auto type = trim(rest.substr(1, close - 1));
        if (type.empty()) return fail("empty type");
        auto after = trim(rest.substr(close + 1));
        if (after.empty() || after.front() != ':') return fail("missing ':' after the type");
        list.items.push_back({std::string(name), std::string(type), collapse_whitespace(after.substr(1))});
    }

    Episode& episode_;
    ProblemLog& problems_;
    std::string_view body_;
    const Line& line_;
};

// A page split into lines. Lines with invalid UTF-8 are parsed from a repaired
// copy so the page's structure survives; the episode holding one is then skipped whole.
struct PageLines {
    std::vector<Line> lines;
    std::vector<std::deque<std::string>> repaired;  // own the text of repaired lines, a deque a part
    std::map<std::uint32_t, std::size_t> invalid_utf8;  // line number -> byte offset

    // Lines are found and checked on every core, in parts of the page that end at a
    // newline: a first pass counts each part's lines, so each knows where its own go.
    explicit PageLines(std::string_view text) {
        constexpr std::size_t kPartBytes = std::size_t{4} << 20;
        std::vector<std::size_t> starts = {0};
        for (auto at = kPartBytes; at < text.size(); at = starts.back() + kPartBytes) {
            const auto newline = text.find('\n', at);
            if (newline == std::string_view::npos || newline + 1 >= text.size()) break;
            starts.push_back(newline + 1);
        }
        starts.push_back(text.size());
        const auto parts = starts.size() - 1;
        const auto part_text = [&](std::size_t part) {
            return text.substr(starts[part], starts[part + 1] - starts[part]);
        };
        std::vector<std::size_t> first_line(parts + 1, 0);
        for_each_index_in_parallel(0, parts, 1,
                                   [&](std::size_t part) { first_line[part + 1] = count_lines(part_text(part)); });
        std::partial_sum(first_line.begin(), first_line.end(), first_line.begin());
        resize_touched(lines, first_line.back());
        repaired.resize(parts);
        std::vector<std::vector<std::pair<std::uint32_t, std::size_t>>> invalid(parts);
        for_each_index_in_parallel(0, parts, 1, [&](std::size_t part) {
            auto index = first_line[part];
            for_each_line(part_text(part), [&](std::string_view text_of_line) {
                auto& line = lines[index];
                line = {text_of_line, static_cast<std::uint32_t>(++index)};
                if (const auto bad = find_invalid_utf8(line.text)) {
                    invalid[part].emplace_back(line.number, *bad);
                    line.text = repaired[part].emplace_back(repair_utf8(line.text));
                }
            });
        });
        for (const auto& found : invalid) invalid_utf8.insert(found.begin(), found.end());
    }
};

// Parses the episodes of a range of a page's lines. Ranges start at an episode's
// title (or the page's first line), so ranges parsed apart give what one pass would.
class ListingParser {
public:
    ListingParser(const PageLines& page, const std::string& source, ProblemLog& problems)
        : lines_(page.lines), invalid_utf8_(page.invalid_utf8), source_(source), problems_(problems) {}

    // A title is a non-blank line directly followed by a duration line.
    bool is_episode_start(std::size_t i) const {
        return i + 1 < lines_.size() && !is_blank(lines_[i].text) && !is_duration(lines_[i].text) &&
               is_duration(lines_[i + 1].text);
    }

    std::vector<Episode> parse(std::size_t begin, std::size_t end) {
        std::vector<Episode> episodes;
        std::size_t i = begin;
        bool seen_episode = begin > 0;
        while (i < end) {
            if (is_episode_start(i)) {
                seen_episode = true;
                auto episode = parse_episode(i);
                if (episode) episodes.push_back(std::move(*episode));
                continue;
            }
            const auto& line = lines_[i];
            if (!is_blank(line.text)) {
                if (!seen_episode) {
                    // Page chrome before the first episode ("LaiDub", "Podcasts").
                    if (const auto bad = invalid_utf8_.find(line.number); bad != invalid_utf8_.end())
                        report(line, bad->second, "invalid-utf8", "invalid UTF-8 in the page header", "line");
                } else {
                    report_unexpected_line(i, "between episodes");
                }
            }
            ++i;
        }
        return episodes;
    }

private:
    static std::string excerpt(std::string_view text) {
        text = trim(text);
        if (text.size() <= 60) return std::string(text);
        auto cut = std::size_t{57};
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        return std::string(text.substr(0, cut)) + "...";
    }

    void report(const Line& line, std::size_t column, std::string reason, std::string message, std::string skipped) {
        problems_.report({{source_, line.number, static_cast<std::uint32_t>(column == 0 ? 0 : column + 1)},
                          std::move(reason),
                          std::move(message),
                          std::move(skipped)});
    }

    // A line that fits no slot of the format. The last line of a file is most
    // likely an episode cut off before its duration.
    void report_unexpected_line(std::size_t i, const std::string& where) {
        if (next_nonblank(i + 1) >= lines_.size())
            report(lines_[i], 0, "truncated-episode",
                   "'" + excerpt(lines_[i].text) + "' is followed by the end of the file, expected a duration line",
                   "line");
        else
            report(lines_[i], 0, "stray-line",
                   "stray line '" + excerpt(lines_[i].text) + "' " + where +
                       ", expected an episode title followed by a duration",
                   "line");
    }

    std::size_t next_nonblank(std::size_t i) const {
        while (i < lines_.size() && is_blank(lines_[i].text)) ++i;
        return i;
    }

    std::optional<Episode> parse_episode(std::size_t& i) {
        const auto first_line = i;
        Episode episode;
        episode.source_file = source_;
        episode.source_line = lines_[i].number;
        episode.title = collapse_whitespace(lines_[i].text);
        ++i;
        const auto& duration_line = lines_[i];
        if (const auto duration = parse_timecode(trim(duration_line.text)))
            episode.duration_s = *duration;
        else
            report(duration_line, 0, "invalid-duration",
                   "invalid duration '" + excerpt(duration_line.text) + "', expected MM:SS or H:MM:SS", "duration");
        ++i;
        auto at = [&](std::size_t index) -> std::string_view {
            return index < lines_.size() ? lines_[index].text : std::string_view{};
        };
        auto ends_episode = [&](std::size_t index) { return index >= lines_.size() || is_episode_start(index); };
        if (!ends_episode(i) && is_language_list(at(i))) episode.languages = parse_languages(at(i++));
        bool seen_watch_line = false;
        if (!ends_episode(i) && is_watch_line(at(i))) {
            seen_watch_line = true;
            ++i;
        }
        const auto title_key = normalize_text(episode.title);
        // The podcast line follows "Watch with Captions", or is known by its relative date.
        if (!ends_episode(i) && !is_blank(at(i)) && normalize_text(at(i)) != title_key && !is_tags_line(at(i))) {
            auto [podcast, date] = split_podcast_and_date(at(i));
            if (seen_watch_line || !date.empty()) {
                episode.podcast = std::move(podcast);
                episode.published = std::move(date);
                ++i;
            }
        }
        i = next_nonblank(i);
        bool seen_title_again = false;
        if (!ends_episode(i) && normalize_text(at(i)) == title_key) {
            seen_title_again = true;
            i = next_nonblank(i + 1);
        }
        // The body follows the repeated title; without it, only a line with sections is a body.
        std::optional<std::size_t> body_index;
        if (!ends_episode(i) && !is_tags_line(at(i)) &&
            (seen_title_again || at(i).find("## ") != std::string_view::npos))
            body_index = i++;
        i = next_nonblank(i);
        if (!ends_episode(i) && is_tags_line(at(i))) episode.tags = parse_tags(at(i++));
        // Anything else before the next episode is a stray line.
        for (i = next_nonblank(i); !ends_episode(i); i = next_nonblank(i + 1))
            report_unexpected_line(i, "after the episode '" + excerpt(episode.title) + "'");

        // An episode with invalid UTF-8 anywhere is skipped whole: its text cannot be trusted.
        for (auto index = first_line; index < i; ++index) {
            if (const auto bad = invalid_utf8_.find(lines_[index].number); bad != invalid_utf8_.end()) {
                report(lines_[index], bad->second, "invalid-utf8",
                       "invalid UTF-8 in the episode '" + excerpt(episode.title) + "'", "episode");
                return std::nullopt;
            }
        }
        episode.guests = parse_title_guests(episode.title);
        if (body_index) EpisodeBodyParser(episode, problems_, lines_[*body_index].text, lines_[*body_index]).parse();
        episode.id = make_episode_id(episode.podcast, episode.title);
        release_spare_capacity(episode);
        return episode;
    }

    const std::vector<Line>& lines_;
    const std::map<std::uint32_t, std::size_t>& invalid_utf8_;
    const std::string& source_;
    ProblemLog& problems_;
};

}  // namespace

std::vector<Episode> parse_listing(std::string_view text, const std::string& source_name, ProblemLog& problems,
                                   const std::function<void(std::string_view)>& parsed) {
    const PageLines page(text);
    const auto line_count = page.lines.size();
    // Ranges of about 2,000 lines (some 200 episodes), each beginning at a title.
    constexpr std::size_t kLinesPerRange = 2000;
    std::vector<std::size_t> bounds = {0};
    const ListingParser finder(page, source_name, problems);
    for (auto at = kLinesPerRange; at < line_count; at += kLinesPerRange) {
        auto start = std::max(at, bounds.back() + 1);
        while (start < line_count && !finder.is_episode_start(start)) ++start;
        if (start >= line_count) break;
        bounds.push_back(start);
        at = start;
    }
    bounds.push_back(line_count);
    if (bounds.size() == 2) {
        auto episodes = ListingParser(page, source_name, problems).parse(0, line_count);
        if (parsed) parsed(text);
        return episodes;
    }
    // Where a line starts in the text; a repaired line's text is a copy, so the next
    // line's start stands in for it (a part let go is then a little larger or smaller).
    const auto offset_of_line = [&](std::size_t i) {
        const auto begin = reinterpret_cast<std::uintptr_t>(text.data());
        for (; i < line_count; ++i) {
            const auto at = reinterpret_cast<std::uintptr_t>(page.lines[i].text.data());
            if (at >= begin && at - begin <= text.size()) return static_cast<std::size_t>(at - begin);
        }
        return text.size();
    };

    // Each range on its own thread with its own problem log; both joined in page order.
    const auto ranges = bounds.size() - 1;
    std::vector<std::vector<Episode>> range_episodes(ranges);
    std::vector<ProblemLog> logs;
    for (std::size_t r = 0; r < ranges; ++r) logs.emplace_back(problems.strict(), false);
    std::vector<std::function<void()>> tasks;
    for (std::size_t r = 0; r < ranges; ++r)
        tasks.emplace_back([&, r] {
            range_episodes[r] = ListingParser(page, source_name, logs[r]).parse(bounds[r], bounds[r + 1]);
            if (parsed) {
                const auto from = offset_of_line(bounds[r]);
                parsed(text.substr(from, std::max(from, offset_of_line(bounds[r + 1])) - from));
            }
        });
    run_in_parallel(tasks);
    std::size_t total = 0;
    for (const auto& range : range_episodes) total += range.size();
    for (std::size_t r = 0; r < ranges; ++r) problems.merge(logs[r]);
    // Moved into place on every core: a million episodes, one after another, took a third of a second.
    std::vector<Episode> episodes;
    resize_touched(episodes, total);  // a million episodes are half a gigabyte of fresh pages
    std::vector<std::size_t> first_of_range(ranges + 1, 0);
    for (std::size_t r = 0; r < ranges; ++r) first_of_range[r + 1] = first_of_range[r] + range_episodes[r].size();
    for_each_index_in_parallel(0, ranges, 16, [&](std::size_t r) {
        std::move(range_episodes[r].begin(), range_episodes[r].end(),
                  episodes.begin() + static_cast<std::ptrdiff_t>(first_of_range[r]));
        std::vector<Episode>().swap(range_episodes[r]);
    });
    return episodes;
}

}  // namespace castgraph
