#include "castgraph/episode_json.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

#include "castgraph/text.hpp"

namespace castgraph {
namespace {

using ordered_json = nlohmann::ordered_json;
using json = nlohmann::json;

constexpr std::string_view kFormat = "castgraph-episodes";
constexpr int kVersion = 1;

ordered_json to_json(const Episode& episode) {
    ordered_json out;
    out["id"] = episode.id;
    out["title"] = episode.title;
    out["guests"] = ordered_json::array();
    for (const auto& guest : episode.guests) {
        ordered_json item;
        item["name"] = guest.name;
        item["affiliation"] = guest.affiliation;
        out["guests"].push_back(std::move(item));
    }
    out["podcast"] = episode.podcast;
    out["published"] = episode.published;
    out["duration_s"] = episode.duration_s ? ordered_json(*episode.duration_s) : ordered_json(nullptr);
    out["languages"] = episode.languages;
    out["summary"] = episode.summary;
    out["chapters"] = ordered_json::array();
    for (const auto& chapter : episode.chapters) {
        ordered_json item;
        item["start_s"] = chapter.start_s;
        item["title"] = chapter.title;
        item["text"] = chapter.text;
        out["chapters"].push_back(std::move(item));
    }
    out["quotes"] = ordered_json::array();
    for (const auto& quote : episode.quotes) {
        ordered_json item;
        item["text"] = quote.text;
        item["chapter"] = quote.chapter ? ordered_json(*quote.chapter) : ordered_json(nullptr);
        out["quotes"].push_back(std::move(item));
    }
    if (episode.entity_list) {
        ordered_json list;
        list["header"] = episode.entity_list->header;
        list["language"] = episode.entity_list->language;
        list["items"] = ordered_json::array();
        for (const auto& entity : episode.entity_list->items) {
            ordered_json item;
            item["name"] = entity.name;
            item["type"] = entity.type;
            item["description"] = entity.description;
            list["items"].push_back(std::move(item));
        }
        out["entity_list"] = std::move(list);
    } else {
        out["entity_list"] = nullptr;
    }
    out["tags"] = episode.tags;
    out["source"] = {{"file", episode.source_file}, {"line", episode.source_line}};
    return out;
}

// A field of a record that has the wrong type or is missing: the record is skipped.
struct RecordError {
    std::string pointer;
    std::string message;
};

class RecordReader {
public:
    explicit RecordReader(std::string base) : base_(std::move(base)) {}

    static const json* find(const json& object, const char* key) {
        const auto it = object.find(key);
        return it == object.end() ? nullptr : &*it;
    }

    std::string string(const json& object, const char* key, bool required, const std::string& path) const {
        const auto* value = find(object, key);
        if (!value || value->is_null()) {
            if (required) throw RecordError{path + "/" + key, "missing required string"};
            return {};
        }
        if (!value->is_string()) throw RecordError{path + "/" + key, "expected a string, found " + std::string(value->type_name())};
        auto text = value->get<std::string>();
        if (const auto bad = find_invalid_utf8(text))
            throw RecordError{path + "/" + key, "invalid UTF-8 at byte " + std::to_string(*bad)};
        return text;
    }

    static std::optional<std::uint32_t> count(const json& object, const char* key, const std::string& path) {
        const auto* value = find(object, key);
        if (!value || value->is_null()) return std::nullopt;
        if (!value->is_number_integer() || value->get<std::int64_t>() < 0 ||
            value->get<std::int64_t>() > std::numeric_limits<std::uint32_t>::max())
            throw RecordError{path + "/" + key, "expected a non-negative integer below 2^32"};
        return static_cast<std::uint32_t>(value->get<std::int64_t>());
    }

    static const json& array(const json& object, const char* key, const std::string& path) {
        static const json empty = json::array();
        const auto* value = find(object, key);
        if (!value || value->is_null()) return empty;
        if (!value->is_array()) throw RecordError{path + "/" + key, "expected an array, found " + std::string(value->type_name())};
        return *value;
    }

    static void require_object(const json& value, const std::string& path) {
        if (!value.is_object()) throw RecordError{path, "expected an object, found " + std::string(value.type_name())};
    }

    std::vector<std::string> strings(const json& object, const char* key, const std::string& path) const {
        std::vector<std::string> out;
        const auto& values = array(object, key, path);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const auto item_path = path + "/" + key + "/" + std::to_string(i);
            if (!values[i].is_string()) throw RecordError{item_path, "expected a string"};
            out.push_back(values[i].get<std::string>());
            if (find_invalid_utf8(out.back())) throw RecordError{item_path, "invalid UTF-8"};
        }
        return out;
    }

    Episode episode(const json& record, const std::string& path) const {
        require_object(record, path);
        Episode episode;
        episode.title = string(record, "title", true, path);
        if (trim(episode.title).empty()) throw RecordError{path + "/title", "empty title"};
        episode.podcast = string(record, "podcast", false, path);
        episode.id = string(record, "id", false, path);
        if (episode.id.empty()) episode.id = make_episode_id(episode.podcast, episode.title);
        const auto& guests = array(record, "guests", path);
        for (std::size_t i = 0; i < guests.size(); ++i) {
            const auto item_path = path + "/guests/" + std::to_string(i);
            require_object(guests[i], item_path);
            episode.guests.push_back({string(guests[i], "name", true, item_path),
                                      string(guests[i], "affiliation", false, item_path)});
        }
        episode.published = string(record, "published", false, path);
        episode.duration_s = count(record, "duration_s", path);
        episode.languages = strings(record, "languages", path);
        episode.summary = string(record, "summary", false, path);
        const auto& chapters = array(record, "chapters", path);
        for (std::size_t i = 0; i < chapters.size(); ++i) {
            const auto item_path = path + "/chapters/" + std::to_string(i);
            require_object(chapters[i], item_path);
            const auto start = count(chapters[i], "start_s", item_path);
            if (!start) throw RecordError{item_path + "/start_s", "missing required integer"};
            episode.chapters.push_back({*start, string(chapters[i], "title", false, item_path),
                                        string(chapters[i], "text", false, item_path)});
        }
        const auto& quotes = array(record, "quotes", path);
        for (std::size_t i = 0; i < quotes.size(); ++i) {
            const auto item_path = path + "/quotes/" + std::to_string(i);
            require_object(quotes[i], item_path);
            Quote quote{string(quotes[i], "text", true, item_path), count(quotes[i], "chapter", item_path)};
            if (quote.chapter && *quote.chapter >= episode.chapters.size())
                throw RecordError{item_path + "/chapter", "chapter index out of range"};
            episode.quotes.push_back(std::move(quote));
        }
        if (const auto* list = find(record, "entity_list"); list && !list->is_null()) {
            const auto list_path = path + "/entity_list";
            require_object(*list, list_path);
            EntityList entity_list;
            entity_list.header = string(*list, "header", false, list_path);
            entity_list.language = string(*list, "language", false, list_path);
            const auto& items = array(*list, "items", list_path);
            for (std::size_t i = 0; i < items.size(); ++i) {
                const auto item_path = list_path + "/items/" + std::to_string(i);
                require_object(items[i], item_path);
                EntityItem item{string(items[i], "name", true, item_path), string(items[i], "type", true, item_path),
                                string(items[i], "description", false, item_path)};
                if (trim(item.name).empty()) throw RecordError{item_path + "/name", "empty name"};
                entity_list.items.push_back(std::move(item));
            }
            episode.entity_list = std::move(entity_list);
        }
        episode.tags = strings(record, "tags", path);
        if (const auto* source = find(record, "source"); source && !source->is_null()) {
            require_object(*source, path + "/source");
            episode.source_file = string(*source, "file", false, path + "/source");
            episode.source_line = count(*source, "line", path + "/source").value_or(0);
        } else {
            episode.source_file = base_;
        }
        release_spare_capacity(episode);
        return episode;
    }

private:
    std::string base_;
};

// Line numbers of the records in "episodes", found by a SAX pass over the text, so
// that a bad record can be named by its line.
class RecordLineFinder : public nlohmann::json_sax<json> {
public:
    explicit RecordLineFinder(const std::size_t* position) : position_(position) {}

    std::vector<std::size_t> offsets;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override {
        if (depth_ == 2 && in_episodes_) offsets.push_back(*position_ == 0 ? 0 : *position_ - 1);
        ++depth_;
        return true;
    }
    bool key(string_t& key) override {
        if (depth_ == 1) last_top_key_ = key;
        return true;
    }
    bool end_object() override {
        --depth_;
        return true;
    }
    bool start_array(std::size_t) override {
        if (depth_ == 1) in_episodes_ = last_top_key_ == "episodes";
        ++depth_;
        return true;
    }
    bool end_array() override {
        --depth_;
        if (depth_ == 1) in_episodes_ = false;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    const std::size_t* position_;
    int depth_ = 0;
    bool in_episodes_ = false;
    std::string last_top_key_;
};

// Input iterator over the text that publishes how far the parser has read.
struct CountingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* base;
    const char* current;
    std::size_t* position;

    reference operator*() const { return *current; }
    CountingIterator& operator++() {
        ++current;
        *position = static_cast<std::size_t>(current - base);
        return *this;
    }
    CountingIterator operator++(int) {
        auto copy = *this;
        ++*this;
        return copy;
    }
    bool operator==(const CountingIterator& other) const { return current == other.current; }
    bool operator!=(const CountingIterator& other) const { return current != other.current; }
};

std::pair<std::uint32_t, std::uint32_t> line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const auto before = text.substr(0, offset);
    const auto line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
    const auto last_newline = before.rfind('\n');
    const auto column = static_cast<std::uint32_t>(offset - (last_newline == std::string_view::npos ? 0 : last_newline + 1) + 1);
    return {line, column};
}

}  // namespace

void write_episodes_json(const std::vector<Episode>& episodes, std::ostream& out) {
    ordered_json document;
    document["format"] = kFormat;
    document["version"] = kVersion;
    document["episodes"] = ordered_json::array();
    for (const auto& episode : episodes) document["episodes"].push_back(to_json(episode));
    out << document.dump(2, ' ', false, nlohmann::detail::error_handler_t::strict) << '\n';
}

namespace {

// A value for a message: scalars as written, containers by their type only, since
// printing a container nested 100,000 deep would recurse as deep.
std::string brief(const json& value) {
    if (value.is_structured()) return std::string("an ") + value.type_name();
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::vector<Episode> read_episodes_json(std::string_view text, const std::string& source_name, ProblemLog& problems) {
    json document;
    try {
        document = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& error) {
        const auto [line, column] = line_and_column(text, error.byte == 0 ? 0 : error.byte - 1);
        std::string message = error.what();
        // nlohmann's message repeats the position; keep only what was wrong.
        if (const auto at = message.find(", column "); at != std::string::npos)
            if (const auto colon = message.find(": ", at); colon != std::string::npos)
                message = message.substr(colon + 2);
        problems.report({{source_name, line, column}, "malformed-json", "malformed JSON: " + message, "file"});
        return {};
    } catch (const json::exception& error) {  // a number out of range ("1e400") has no position
        problems.report({{source_name, 0, 0}, "malformed-json", std::string("malformed JSON: ") + error.what(), "file"});
        return {};
    }
    auto file_problem = [&](const std::string& message) {
        problems.report({{source_name, 1, 0}, "invalid-episode-file", message, "file"});
        return std::vector<Episode>{};
    };
    if (!document.is_object()) return file_problem("expected a JSON object with \"episodes\"");
    if (const auto format = document.find("format"); format != document.end() && *format != kFormat)
        return file_problem("unknown format " + brief(*format) + ", expected \"" + std::string(kFormat) + "\"");
    if (const auto version = document.find("version"); version != document.end() && *version != kVersion)
        return file_problem("unsupported version " + brief(*version) + ", expected " + std::to_string(kVersion));
    const auto records = document.find("episodes");
    if (records == document.end() || !records->is_array())
        return file_problem("expected an array \"episodes\" at the top level");

    std::vector<std::size_t> record_offsets;
    std::vector<Episode> episodes;
    RecordReader reader(source_name);
    for (std::size_t i = 0; i < records->size(); ++i) {
        const auto path = "/episodes/" + std::to_string(i);
        try {
            episodes.push_back(reader.episode((*records)[i], path));
        } catch (const RecordError& error) {
            if (record_offsets.empty()) {  // only computed when a record is bad
                std::size_t position = 0;
                RecordLineFinder finder(&position);
                CountingIterator first{text.data(), text.data(), &position};
                CountingIterator last{text.data(), text.data() + text.size(), &position};
                json::sax_parse(first, last, &finder);
                record_offsets = std::move(finder.offsets);
            }
            const auto [line, column] =
                i < record_offsets.size() ? line_and_column(text, record_offsets[i]) : std::pair<std::uint32_t, std::uint32_t>{0, 0};
            problems.report({{source_name, line, column},
                             "invalid-record",
                             "episode record " + path + ": " + error.pointer + ": " + error.message,
                             "episode"});
        }
    }
    return episodes;
}

}  // namespace castgraph
