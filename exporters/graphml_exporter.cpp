#include "graphml_exporter.hpp"

#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/error.hpp"
#include "castgraph/export_values.hpp"
#include "castgraph/text.hpp"
#include "internal/json_text.hpp"
#include "internal/plain_run.hpp"

namespace castgraph {
namespace {

// XML 1.0 allows tab, newline, carriage return, U+0020..U+D7FF, U+E000..U+FFFD
// and U+10000..U+10FFFF; anything else cannot be written, even escaped.
bool allowed_in_xml(utf8proc_int32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

std::string xml_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        utf8proc_int32_t c = -1;
        const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                             static_cast<utf8proc_ssize_t>(text.size() - pos), &c);
        if (length <= 0) {  // invalid UTF-8 cannot reach an exporter; drop the byte if it does
            ++pos;
            continue;
        }
        if (allowed_in_xml(c)) out.append(text.substr(pos, static_cast<std::size_t>(length)));
        pos += static_cast<std::size_t>(length);
    }
    return out;
}

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }
const xmlChar* x(const std::string& text) { return reinterpret_cast<const xmlChar*>(text.c_str()); }

// What libxml2 writes for each ASCII character: itself, an entity or character
// reference, or nothing for the characters XML cannot hold. Asked of libxml2 once
// per character, so the output stays libxml2's own while most text is copied in
// runs instead of passing through its per-value calls.
struct Escapes {
    std::array<std::string, 128> written;
    std::array<bool, 128> verbatim{};  // written as it is
    // Finds runs of characters all written as they are; none when libxml2 escapes more
    // printable characters than a PlainRun can look for.
    std::optional<internal::PlainRun> plain;
};

Escapes escapes_of(const std::function<std::string(const std::string&)>& escape) {
    Escapes table;
    for (std::size_t byte = 1; byte < table.written.size(); ++byte) {
        const auto character = std::string(1, static_cast<char>(byte));
        if (allowed_in_xml(static_cast<utf8proc_int32_t>(byte))) table.written[byte] = escape(character);
        table.verbatim[byte] = table.written[byte] == character;
    }
    std::vector<unsigned char> printable_escaped;
    for (unsigned char byte = 0x20; byte < 0x7F; ++byte)
        if (!table.verbatim[byte]) printable_escaped.push_back(byte);
    if (printable_escaped.size() <= internal::PlainRun::kMaxSpecials) table.plain.emplace(printable_escaped);
    return table;
}

const Escapes& text_escapes() {
    static const Escapes table = escapes_of([](const std::string& character) {
        const std::unique_ptr<xmlChar, void (*)(xmlChar*)> escaped(xmlEncodeSpecialChars(nullptr, x(character)),
                                                                  [](xmlChar* text) { xmlFree(text); });
        if (!escaped) throw Error(ErrorCategory::internal, "graphml: out of memory escaping a value");
        return std::string(reinterpret_cast<const char*>(escaped.get()));
    });
    return table;
}

const Escapes& attribute_escapes() {
    static const Escapes table = [] {
        // A document declaring UTF-8, as libxml2's writer keeps one: without it the
        // attribute escaping turns every non-ASCII character into a reference.
        const std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> document(xmlNewDoc(x("1.0")), xmlFreeDoc);
        if (!document) throw Error(ErrorCategory::internal, "graphml: cannot create the XML document");
        document->encoding = xmlStrdup(x("UTF-8"));
        return escapes_of([&](const std::string& character) {
            const std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> escaped(xmlBufferCreate(), xmlBufferFree);
            if (!escaped) throw Error(ErrorCategory::internal, "graphml: out of memory escaping an attribute");
            xmlAttrSerializeTxtContent(escaped.get(), document.get(), nullptr, x(character));
            return std::string(reinterpret_cast<const char*>(xmlBufferContent(escaped.get())),
                               static_cast<std::size_t>(xmlBufferLength(escaped.get())));
        });
    }();
    return table;
}

// Markup is written straight into a large buffer, in the layout libxml2's indenting
// writer gives (two spaces a level, text elements on one line, empty ones closed
// with "/>"); values are escaped as libxml2's own escaping functions, the ones that
// writer calls, escape them. Skipping the writer's per-call machinery makes the
// export several times faster.
class XmlWriter {
public:
    explicit XmlWriter(std::ostream& out) : out_(out) { buffer_.reserve(kFlushAt + 64 * 1024); }

    void start_document() { buffer_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }
    void end_document() {
        while (!open_.empty()) end();
        flush();
    }
    void start(const char* element) {
        close_start_tag("\n");
        indent();
        buffer_ += '<';
        buffer_ += element;
        open_.push_back({element, false});
        start_tag_open_ = true;
    }
    void end() {
        const auto element = open_.back();
        open_.pop_back();
        if (start_tag_open_) {
            buffer_ += "/>\n";
            start_tag_open_ = false;
        } else {
            if (!element.has_text) indent();
            buffer_ += "</";
            buffer_ += element.name;
            buffer_ += ">\n";
        }
        if (buffer_.size() >= kFlushAt) flush();
    }
    void attribute(std::string_view name, std::string_view value) {
        buffer_ += ' ';
        buffer_ += name;
        buffer_ += "=\"";
        append_escaped(buffer_, value, attribute_escapes());
        buffer_ += '"';
    }
    // A value escaped beforehand, by escaped_attribute().
    void escaped_attribute(std::string_view name, std::string_view escaped) {
        buffer_ += ' ';
        buffer_ += name;
        buffer_ += "=\"";
        buffer_ += escaped;
        buffer_ += '"';
    }
    static std::string escaped_attribute(std::string_view value) {
        std::string escaped;
        append_escaped(escaped, value, attribute_escapes());
        return escaped;
    }
    void text(std::string_view value) {
        close_start_tag("");
        open_.back().has_text = true;
        append_escaped(buffer_, value, text_escapes());
    }
    void element(const char* name, std::string_view value) {
        start(name);
        text(value);
        end();
    }
    // The buffer, for a caller that appends whole elements at the current depth, laid
    // out as start(), attribute(), text() and end() would lay them out: millions of
    // edges skip their per-call bookkeeping. flush_if_full() after each element.
    std::string& raw() {
        close_start_tag("\n");
        return buffer_;
    }
    void flush_if_full() {
        if (buffer_.size() >= kFlushAt) flush();
    }
    static void append_text(std::string& out, std::string_view value) { append_escaped(out, value, text_escapes()); }

private:
    struct Open {
        const char* name;  // a literal, as it is read again when the element ends
        bool has_text;
    };
    static constexpr std::size_t kFlushAt = 1 << 20;

    // UTF-8 passes through as libxml2 passes it in a UTF-8 document, but for the
    // code points XML cannot hold (U+FFFE, U+FFFF), which are dropped like
    // invalid bytes.
    static void append_escaped(std::string& out, std::string_view text, const Escapes& escapes) {
        std::size_t run = 0;  // start of the bytes copied as they are
        std::size_t pos = 0;
        const auto replace = [&](std::size_t length, std::string_view with) {
            out.append(text.data() + run, pos - run);
            out += with;
            pos += length;
            run = pos;
        };
        while (pos < text.size()) {
            // Only at an ASCII byte: in text of other scripts a run would end at once.
            if (escapes.plain && static_cast<unsigned char>(text[pos]) < 0x80) {
                pos += (*escapes.plain)(text.substr(pos));
                if (pos == text.size()) break;
            }
            const auto byte = static_cast<unsigned char>(text[pos]);
            if (byte < 0x80) {
                if (escapes.verbatim[byte]) ++pos;
                else replace(1, escapes.written[byte]);
                continue;
            }
            utf8proc_int32_t c = -1;
            const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                                 static_cast<utf8proc_ssize_t>(text.size() - pos), &c);
            if (length <= 0) replace(1, "");
            else if (!allowed_in_xml(c)) replace(static_cast<std::size_t>(length), "");
            else pos += static_cast<std::size_t>(length);
        }
        out.append(text.data() + run, text.size() - run);
    }
    void close_start_tag(std::string_view after) {
        if (!start_tag_open_) return;
        buffer_ += '>';
        buffer_ += after;
        start_tag_open_ = false;
    }
    void indent() { buffer_.append(2 * open_.size(), ' '); }
    void flush() {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        if (!out_) throw IoError("graphml: write failed");
        buffer_.clear();
    }

    std::ostream& out_;
    std::string buffer_;
    std::vector<Open> open_;
    bool start_tag_open_ = false;
};

const char* graphml_type(ValueType type) {
    switch (type) {
    case ValueType::Long: return "long";
    case ValueType::Boolean: return "boolean";
    case ValueType::String:
    case ValueType::StringList:
    case ValueType::LongList:
    case ValueType::Json: return "string";
    }
    return "string";
}

std::string key_id(const char* prefix, std::string_view name) { return std::string(prefix) + std::string(name); }

void declare_keys(XmlWriter& xml, bool yed) {
    const auto declare = [&](const char* domain, const char* prefix, const std::vector<Column>& columns) {
        for (const auto& column : columns) {
            xml.start("key");
            xml.attribute("id", key_id(prefix, column.name));
            xml.attribute("for", domain);
            xml.attribute("attr.name", std::string(column.name));
            xml.attribute("attr.type", graphml_type(column.type));
            xml.end();
        }
    };
    declare("node", "n_", node_columns());
    declare("edge", "e_", relationship_columns());
    if (yed) {
        xml.start("key");
        xml.attribute("id", "n_graphics");
        xml.attribute("for", "node");
        // attr.name and attr.type keep igraph from warning about an untyped key.
        xml.attribute("attr.name", "graphics");
        xml.attribute("attr.type", "string");
        xml.attribute("yfiles.type", "nodegraphics");
        xml.end();
    }
}

void yed_graphics(XmlWriter& xml, const Node& node) {
    const auto label = xml_safe(node.name);
    // Wide enough for the label at yEd's default 12 pt font.
    const auto width = std::to_string(std::max<std::size_t>(40, 8 * decode_utf8(label).size() + 16));
    xml.start("data");
    xml.attribute("key", "n_graphics");
    xml.start("y:ShapeNode");
    xml.start("y:Geometry");
    xml.attribute("height", "30.0");
    xml.attribute("width", width + ".0");
    xml.end();
    xml.start("y:Fill");
    xml.attribute("color", std::string(label_color(node.label)));
    xml.attribute("transparent", "false");
    xml.end();
    xml.element("y:NodeLabel", node.name);
    xml.start("y:Shape");
    xml.attribute("type", node.label == NodeLabel::Episode ? "rectangle" : "roundrectangle");
    xml.end();
    xml.end();
    xml.end();
}

// An edge's values, written straight into the text as the element writer would lay
// them out. Numbers, booleans and lists of numbers hold no character XML escapes:
// they are copied. Other texts are escaped, and each column's last one is kept
// escaped, as types repeat from edge to edge.
struct EscapedText {
    std::string last;
    std::string escaped;
};
struct EdgeData {
    std::string& out;
    const std::vector<std::string>& data_tags;
    const std::vector<std::string>& evidence_texts;
    const std::vector<std::string>& episode_texts;
    std::vector<EscapedText>& escaped;
    bool any = false;

    // One <data> element: its start tag, what write() appends, its end tag.
    template <typename Write>
    void data(std::size_t column, Write write) {
        if (!any) out += "\">\n";
        any = true;
        out += data_tags[column];
        write();
        out += "</data>\n";
    }
    // The visitor's calls (see visit_relationship_values).
    void text(std::size_t column, std::string_view value) {
        data(column, [&] {
            auto& column_text = escaped[column];
            if (value != column_text.last) {
                column_text.last = value;
                column_text.escaped.clear();
                XmlWriter::append_text(column_text.escaped, value);
            }
            out += column_text.escaped;
        });
    }
    void boolean(std::size_t column, bool value) {
        data(column, [&] { out += value ? std::string_view("true") : std::string_view("false"); });
    }
    void number(std::size_t column, std::uint64_t value) {
        data(column, [&] { append_decimal(out, value); });
    }
    void evidence(std::size_t column, EvidenceSet evidence) {
        data(column, [&] { out += evidence_texts[evidence.bits()]; });
    }
    void numbers(std::size_t column, std::span<const std::uint32_t> numbers) {
        data(column, [&] { internal::append_json_numbers(out, numbers); });
    }
    void nodes(std::size_t column, std::span<const std::uint32_t> vertices) {
        // The JSON array's brackets and commas are written as they are.
        data(column, [&] {
            out += '[';
            for (std::size_t i = 0; i < vertices.size(); ++i) {
                if (i > 0) out += ',';
                out += episode_texts[vertices[i]];
            }
            out += ']';
        });
    }
};

}  // namespace

GraphmlExporter::GraphmlExporter() { xmlInitParser(); }

void GraphmlExporter::write(const PropertyGraph& graph, const ExportOptions& options, std::ostream& out) const {
    if (options.graphml_flavor != "plain" && options.graphml_flavor != "yed")
        throw UsageError("unknown GraphML flavor '" + options.graphml_flavor + "', choose plain or yed");
    const bool yed = options.graphml_flavor == "yed";
    XmlWriter xml(out);
    xml.start_document();
    xml.start("graphml");
    xml.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns");
    xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    if (yed) xml.attribute("xmlns:y", "http://www.yworks.com/xml/graphml");
    xml.attribute("xsi:schemaLocation",
                  "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    declare_keys(xml, yed);

    xml.start("graph");
    xml.attribute("id", "castgraph");
    xml.attribute("edgedefault", "directed");
    // Key ids by column, made once for the millions of <data> elements.
    const auto key_ids = [](const char* prefix, const std::vector<Column>& columns) {
        std::vector<std::string> ids;
        for (const auto& column : columns) ids.push_back(key_id(prefix, column.name));
        return ids;
    };
    const auto node_keys = key_ids("n_", node_columns());
    // Each node's id escaped once: ids are the ends of millions of relationships.
    std::vector<std::string> ids(graph.node_count());
    for (PropertyGraph::Vertex vertex = 0; vertex < ids.size(); ++vertex)
        ids[vertex] = XmlWriter::escaped_attribute(graph.node(vertex).id);
    std::vector<Value> node_properties;  // reused from node to node
    for (const auto vertex : graph.nodes_in_order()) {
        const auto& node = graph.node(vertex);
        xml.start("node");
        xml.escaped_attribute("id", ids[vertex]);
        const auto count = fill_node_values(graph, node, node_properties);
        for (const auto& value : std::span(node_properties).first(count)) {
            xml.start("data");
            xml.attribute("key", node_keys[value.column]);
            xml.text(value.text);
            xml.end();
        }
        if (yed) yed_graphics(xml, node);
        xml.end();
    }
    // Each column's "<data>" start tag, at an edge's depth.
    std::vector<std::string> edge_data_tags;
    for (const auto& key : key_ids("e_", relationship_columns())) {
        edge_data_tags.emplace_back("      <data key=\"");
        edge_data_tags.back() += XmlWriter::escaped_attribute(key);
        edge_data_tags.back() += "\">";
    }
    // Each episode's id as the JSON string a list of episodes holds, escaped as text
    // once: such lists are most of the text of a large graph's edges.
    std::vector<std::string> episode_texts(graph.node_count());
    for (PropertyGraph::Vertex vertex = 0; vertex < episode_texts.size(); ++vertex) {
        if (graph.node(vertex).label != NodeLabel::Episode) continue;
        std::string quoted;
        internal::append_json_string(quoted, graph.node(vertex).id);
        XmlWriter::append_text(episode_texts[vertex], quoted);
    }
    // Each evidence list's JSON text, escaped once.
    std::vector<std::string> evidence_texts;
    for (std::size_t bits = 0; bits < EvidenceSet::kCount; ++bits)
        XmlWriter::append_text(evidence_texts.emplace_back(), evidence_json_text(EvidenceSet::from_bits(bits)));
    std::vector<EscapedText> escaped(relationship_columns().size());
    std::size_t index = 0;
    for (const auto edge : graph.relationships_in_order()) {
        auto& text = xml.raw();
        text += "    <edge id=\"e";
        append_decimal(text, index++);
        text += "\" source=\"";
        text += ids[boost::source(edge, graph.graph())];
        text += "\" target=\"";
        text += ids[boost::target(edge, graph.graph())];
        EdgeData data{text, edge_data_tags, evidence_texts, episode_texts, escaped};
        visit_relationship_values(graph.relationship(edge), data);
        text += data.any ? "    </edge>\n" : "\"/>\n";
        xml.flush_if_full();
    }
    xml.end();  // graph
    xml.end();  // graphml
    xml.end_document();
}

}  // namespace castgraph
