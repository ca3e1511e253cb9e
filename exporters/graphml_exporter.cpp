#include "graphml_exporter.hpp"

#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <utf8proc.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "castgraph/error.hpp"
#include "castgraph/export_values.hpp"
#include "castgraph/text.hpp"

namespace castgraph {
namespace {

// XML 1.0 allows tab, newline, carriage return, U+0020..U+D7FF, U+E000..U+FFFD
// and U+10000..U+10FFFF; anything else cannot be written, even escaped.
bool allowed_in_xml(utf8proc_int32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// True when every byte is printable ASCII, tab or a line break: nearly all text,
// which then needs no decoding.
bool plain_ascii(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD) || byte == 0x7F) return false;
    }
    return true;
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

// Markup is written straight into a large buffer, in the layout libxml2's indenting
// writer gives (two spaces a level, text elements on one line, empty ones closed
// with "/>"); values that need escaping go through libxml2's own escaping, the
// functions that writer calls. Most values need none, and skipping the writer's
// per-call machinery makes the export several times faster.
class XmlWriter {
public:
    explicit XmlWriter(std::ostream& out) : out_(out) {
        // A document declaring UTF-8, as libxml2's writer keeps one: without it the
        // attribute escaping turns every non-ASCII character into a reference.
        if (!document_) throw Error(ErrorCategory::internal, "graphml: cannot create the XML document");
        document_->encoding = xmlStrdup(x("UTF-8"));
        buffer_.reserve(kFlushAt + 64 * 1024);
    }

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
    void attribute(const char* name, std::string_view value) {
        buffer_ += ' ';
        buffer_ += name;
        buffer_ += "=\"";
        if (plain_attribute(value)) {
            buffer_ += value;
        } else {
            const std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> escaped(xmlBufferCreate(), xmlBufferFree);
            if (!escaped) throw Error(ErrorCategory::internal, "graphml: out of memory escaping an attribute");
            xmlAttrSerializeTxtContent(escaped.get(), document_.get(), nullptr, x(xml_safe(value)));
            buffer_.append(reinterpret_cast<const char*>(xmlBufferContent(escaped.get())),
                           static_cast<std::size_t>(xmlBufferLength(escaped.get())));
        }
        buffer_ += '"';
    }
    void text(std::string_view value) {
        close_start_tag("");
        open_.back().has_text = true;
        if (plain_text(value)) {
            buffer_ += value;
            return;
        }
        const std::unique_ptr<xmlChar, void (*)(xmlChar*)> escaped(
            xmlEncodeSpecialChars(nullptr, x(plain_ascii(value) ? std::string(value) : xml_safe(value))),
            [](xmlChar* text) { xmlFree(text); });
        if (!escaped) throw Error(ErrorCategory::internal, "graphml: out of memory escaping a value");
        buffer_ += reinterpret_cast<const char*>(escaped.get());
    }
    void element(const char* name, std::string_view value) {
        start(name);
        text(value);
        end();
    }

private:
    struct Open {
        const char* name;
        bool has_text;
    };
    static constexpr std::size_t kFlushAt = 1 << 20;

    // Printable ASCII without the characters libxml2 escapes in text: < > & " and CR.
    static bool plain_text(std::string_view text) {
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte >= 0x7F || (byte < 0x20 && byte != 0x9 && byte != 0xA) || c == '<' || c == '>' || c == '&' ||
                c == '"')
                return false;
        }
        return true;
    }
    // In attributes libxml2 also writes tab and line breaks as references.
    static bool plain_attribute(std::string_view text) {
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte >= 0x7F || byte < 0x20 || c == '<' || c == '>' || c == '&' || c == '"') return false;
        }
        return true;
    }
    void close_start_tag(const char* after) {
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
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> document_{xmlNewDoc(x("1.0")), xmlFreeDoc};
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
    const auto& node_cols = node_columns();
    for (const auto vertex : graph.nodes_in_order()) {
        const auto& node = graph.node(vertex);
        xml.start("node");
        xml.attribute("id", node.id);
        for (const auto& value : node_values(node)) {
            xml.start("data");
            xml.attribute("key", key_id("n_", node_cols[value.column].name));
            xml.text(value.text);
            xml.end();
        }
        if (yed) yed_graphics(xml, node);
        xml.end();
    }
    const auto& edge_cols = relationship_columns();
    std::size_t index = 0;
    const RelationshipValues relationship_values(graph, ListParts::Text);
    std::vector<Value> values;
    for (const auto edge : graph.relationships_in_order()) {
        xml.start("edge");
        xml.attribute("id", "e" + std::to_string(index++));
        xml.attribute("source", graph.node(boost::source(edge, graph.graph())).id);
        xml.attribute("target", graph.node(boost::target(edge, graph.graph())).id);
        relationship_values.fill(graph.relationship(edge), values);
        for (const auto& value : values) {
            xml.start("data");
            xml.attribute("key", key_id("e_", edge_cols[value.column].name));
            xml.text(value.text);
            xml.end();
        }
        xml.end();
    }
    xml.end();  // graph
    xml.end();  // graphml
    xml.end_document();
}

}  // namespace castgraph
