#include "graphml_exporter.hpp"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <utf8proc.h>

#include <memory>

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

int write_to_stream(void* context, const char* buffer, int length) {
    auto& out = *static_cast<std::ostream*>(context);
    out.write(buffer, length);
    return out ? length : -1;
}

// libxml2's streaming writer, every call checked.
class XmlWriter {
public:
    explicit XmlWriter(std::ostream& out) {
        auto* buffer = xmlOutputBufferCreateIO(write_to_stream, nullptr, &out, nullptr);
        if (buffer == nullptr) throw Error(ErrorCategory::internal, "graphml: cannot create the XML output buffer");
        writer_ = xmlNewTextWriter(buffer);  // owns the buffer from here
        if (writer_ == nullptr) {
            xmlOutputBufferClose(buffer);
            throw Error(ErrorCategory::internal, "graphml: cannot create the XML writer");
        }
        check(xmlTextWriterSetIndent(writer_, 1));
        check(xmlTextWriterSetIndentString(writer_, x("  ")));
    }
    ~XmlWriter() { xmlFreeTextWriter(writer_); }
    XmlWriter(const XmlWriter&) = delete;
    XmlWriter& operator=(const XmlWriter&) = delete;

    void start_document() { check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr)); }
    void end_document() {
        check(xmlTextWriterEndDocument(writer_));
        check(xmlTextWriterFlush(writer_));
    }
    void start(const char* element) { check(xmlTextWriterStartElement(writer_, x(element))); }
    void end() { check(xmlTextWriterEndElement(writer_)); }
    void attribute(const char* name, const std::string& value) {
        if (plain_ascii(value)) check(xmlTextWriterWriteAttribute(writer_, x(name), x(value)));
        else check(xmlTextWriterWriteAttribute(writer_, x(name), x(xml_safe(value))));
    }
    void text(const std::string& value) {
        if (plain_ascii(value)) check(xmlTextWriterWriteString(writer_, x(value)));
        else check(xmlTextWriterWriteString(writer_, x(xml_safe(value))));
    }
    void element(const char* name, const std::string& value) {
        start(name);
        text(value);
        end();
    }

private:
    static void check(int status) {
        if (status < 0) throw IoError("graphml: write failed");
    }
    xmlTextWriterPtr writer_ = nullptr;
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
    const RelationshipValues relationship_values(graph);
    for (const auto edge : graph.relationships_in_order()) {
        xml.start("edge");
        xml.attribute("id", "e" + std::to_string(index++));
        xml.attribute("source", graph.node(boost::source(edge, graph.graph())).id);
        xml.attribute("target", graph.node(boost::target(edge, graph.graph())).id);
        for (const auto& value : relationship_values(graph.relationship(edge))) {
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
