#include "castgraph/exporter.hpp"

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <span>
#include <sstream>
#include <tuple>

#include "castgraph/error.hpp"
#include "castgraph/export_values.hpp"
#include "castgraph/parallel.hpp"

namespace castgraph {
namespace {

// Two people on one episode, one with a hostile name, and their co-appearance.
PropertyGraph small_graph() {
    PropertyGraph graph;
    Node episode;
    episode.id = "episode:show/one";
    episode.label = NodeLabel::Episode;
    episode.name = "One \"quoted\" episode";
    episode.podcast = "Show";
    const auto e = graph.add_node(episode);
    Node hostile;
    hostile.id = "person:a";
    hostile.label = NodeLabel::Person;
    hostile.name = "A\x01<b&c>\\\" node";
    hostile.aliases = {"x\"y"};
    hostile.episode_count = 1;
    const auto a = graph.add_node(hostile);
    Node plain;
    plain.id = "person:b";
    plain.label = NodeLabel::Person;
    plain.name = "node";
    plain.episode_count = 1;
    const auto b = graph.add_node(plain);
    Relationship guest(RelType::GuestOn);
    guest.evidence = {Evidence::Title};
    graph.add_relationship(a, e, guest);
    Relationship co(RelType::CoAppearsWith);
    co.set_weight(1);
    co.set_episodes(std::vector{e});
    graph.add_relationship(b, a, co);
    graph.freeze();
    return graph;
}

std::string exported(std::string_view format, const ExportOptions& options = {}) {
    std::ostringstream out;
    find_exporter(format).write(small_graph(), options, out);
    return out.str();
}

TEST(ExporterRegistry, ListsFormatsAndNamesThemOnError) {
    EXPECT_EQ(exporter_names(), "graphml, dot, jsonld, cypher, neo4j-csv, recsys");
    try {
        (void)find_exporter("gexf");
        FAIL() << "gexf is not a format";
    } catch (const UsageError& error) {
        EXPECT_STREQ(error.what(), "usage error: unknown export format 'gexf', choose one of graphml, dot, jsonld, cypher, neo4j-csv, recsys");
    }
}

TEST(ExportValues, ListsJsonBooleansAndAbsentValues) {
    const auto graph = small_graph();
    const auto& episode = graph.node(*graph.find("episode:show/one"));
    std::map<std::string, std::string> values;
    for (const auto& value : node_values(graph, episode)) values[std::string(node_columns()[value.column].name)] = value.text;
    EXPECT_EQ(values.at("kind"), "Episode");
    EXPECT_EQ(values.at("languages"), "[]");
    EXPECT_FALSE(values.contains("duration_s")) << "unknown duration is absent, not 0";
    EXPECT_FALSE(values.contains("summary")) << "empty text is absent";
    const auto& edges = graph.relationships_in_order();
    std::map<std::string, std::string> rel;
    for (const auto& value : RelationshipValues(graph)(graph.relationship(edges.back())))
        rel[std::string(relationship_columns()[value.column].name)] = value.text;
    EXPECT_EQ(rel.at("type"), "CO_APPEARS_WITH");
    EXPECT_EQ(rel.at("undirected"), "true");
    EXPECT_EQ(rel.at("episodes"), "[\"episode:show/one\"]");

    // The same list as elements: ids, or the episodes' vertices for writers that keep each id's text.
    const auto episodes_of = [&](ListParts parts) {
        for (const auto& value : RelationshipValues(graph, parts)(graph.relationship(edges.back())))
            if (relationship_columns()[value.column].name == "episodes") return value;
        return Value{};
    };
    const auto ids = episodes_of(ListParts::Items);
    EXPECT_EQ(ids.items, std::vector<std::string>{"episode:show/one"});
    EXPECT_TRUE(ids.nodes.empty());
    const auto vertices = episodes_of(ListParts::ItemsAsNodes);
    EXPECT_TRUE(vertices.items.empty());
    EXPECT_TRUE(vertices.text.empty());
    ASSERT_EQ(vertices.nodes.size(), 1u);
    EXPECT_EQ(graph.node(vertices.nodes[0]).id, "episode:show/one");
    // Text for a writer that escapes each episode's id once: the vertices, no text.
    const auto text_vertices = episodes_of(ListParts::TextWithNodes);
    EXPECT_TRUE(text_vertices.items.empty());
    EXPECT_TRUE(text_vertices.text.empty());
    ASSERT_EQ(text_vertices.nodes.size(), 1u);
    EXPECT_EQ(text_vertices.nodes[0], vertices.nodes[0]);
}

// Two mentions, the first with a description and timestamps, the second with neither.
PropertyGraph mentions_graph() {
    PropertyGraph graph;
    Node episode;
    episode.id = "episode:show/one";
    episode.label = NodeLabel::Episode;
    const auto e = graph.add_node(episode);
    Node tool;
    tool.id = "software:tool";
    tool.label = NodeLabel::Software;
    const auto t = graph.add_node(tool);
    Node person;
    person.id = "person:p";
    person.label = NodeLabel::Person;
    const auto p = graph.add_node(person);
    Relationship described(RelType::Mentions);
    described.evidence = {Evidence::EntityList, Evidence::Chapter};
    described.in_entity_list = true;
    described.description = "A \"tool\"";
    described.set_timestamps_s({60, 4185});
    described.set_count(3);
    graph.add_relationship(e, t, described);
    Relationship bare(RelType::Mentions);
    bare.evidence = {Evidence::Summary};
    bare.set_count(1);
    graph.add_relationship(e, p, bare);
    graph.freeze();
    return graph;
}

std::map<std::string, std::pair<std::string, std::vector<std::string>>> by_name(const std::vector<Value>& values) {
    std::map<std::string, std::pair<std::string, std::vector<std::string>>> named;
    for (const auto& value : values) named[std::string(relationship_columns()[value.column].name)] = {value.text, value.items};
    return named;
}

TEST(ExportValues, FillReusesRowsAndMakesOnlyTheListPartsAsked) {
    const auto graph = mentions_graph();
    const auto& edges = graph.relationships_in_order();
    ASSERT_EQ(edges.size(), 2u);
    const RelationshipValues both(graph, ListParts::Both);
    const auto described = by_name(both(graph.relationship(edges[1])));
    ASSERT_EQ(graph.node(boost::target(edges[1], graph.graph())).id, "software:tool");
    EXPECT_EQ(described.at("description").first, "A \"tool\"");
    EXPECT_EQ(described.at("timestamps_s"), std::make_pair(std::string("[60,4185]"), std::vector<std::string>{"60", "4185"}));
    EXPECT_EQ(described.at("evidence"),
              std::make_pair(std::string(R"(["chapter","entity-list"])"), std::vector<std::string>{"chapter", "entity-list"}));
    EXPECT_EQ(described.at("count").first, "3");

    // One vector for both rows, the longer first: the second row has no stale values.
    std::vector<Value> reused;
    both.fill(graph.relationship(edges[1]), reused);
    both.fill(graph.relationship(edges[0]), reused);
    const auto bare = by_name(reused);
    EXPECT_EQ(bare, by_name(both(graph.relationship(edges[0]))));
    EXPECT_FALSE(bare.contains("description")) << "empty text is absent";
    EXPECT_EQ(bare.at("timestamps_s"), std::make_pair(std::string("[]"), std::vector<std::string>{}));
    EXPECT_EQ(bare.at("evidence").second, std::vector<std::string>{"summary"});

    const auto text = by_name(RelationshipValues(graph, ListParts::Text)(graph.relationship(edges[1])));
    EXPECT_EQ(text.at("timestamps_s"), std::make_pair(std::string("[60,4185]"), std::vector<std::string>{}));
    const auto text_with_nodes = by_name(RelationshipValues(graph, ListParts::TextWithNodes)(graph.relationship(edges[1])));
    EXPECT_EQ(text_with_nodes, text) << "lists other than lists of nodes as in Text";
    const auto items = by_name(RelationshipValues(graph, ListParts::Items)(graph.relationship(edges[1])));
    EXPECT_EQ(items.at("timestamps_s"), std::make_pair(std::string(), std::vector<std::string>{"60", "4185"}));
    const auto presence = by_name(RelationshipValues(graph, ListParts::Presence)(graph.relationship(edges[1])));
    EXPECT_EQ(presence.size(), described.size()) << "every column the row has, lists left empty";
    EXPECT_EQ(presence.at("evidence"), std::make_pair(std::string(), std::vector<std::string>{}));
}

// Writers format rows from the visitor directly: it must see the same columns, in
// the same order, as the values RelationshipValues makes, and number them as
// relationship_columns() names them.
TEST(ExportValues, VisitorSeesTheColumnsFillMakes) {
    struct Recorder {
        std::vector<std::size_t> columns;
        std::vector<std::string> texts;
        void text(std::size_t column, std::string_view value) {
            columns.push_back(column);
            texts.emplace_back(value);
        }
        void boolean(std::size_t column, bool) { columns.push_back(column); }
        void number(std::size_t column, std::uint64_t) { columns.push_back(column); }
        void evidence(std::size_t column, EvidenceSet) { columns.push_back(column); }
        void numbers(std::size_t column, std::span<const std::uint32_t>) { columns.push_back(column); }
        void nodes(std::size_t column, std::span<const std::uint32_t>) { columns.push_back(column); }
    };
    const auto& names = relationship_columns();
    EXPECT_EQ(names.at(kRelationshipType).name, "type");
    EXPECT_EQ(names.at(kRelationshipDescription).name, "description");
    EXPECT_EQ(names.at(kRelationshipTimestampsS).name, "timestamps_s");
    EXPECT_EQ(names.at(kRelationshipEpisodes).name, "episodes");
    EXPECT_EQ(names.size(), std::size_t{kRelationshipEpisodes} + 1);
    std::size_t rows = 0;
    for (const auto& graph : {mentions_graph(), small_graph()}) {
        const RelationshipValues values(graph, ListParts::Both);
        for (const auto edge : graph.relationships_in_order()) {
            const auto& relationship = graph.relationship(edge);
            Recorder recorder;
            visit_relationship_values(relationship, recorder);
            std::vector<std::size_t> filled;
            for (const auto& value : values(relationship)) filled.push_back(value.column);
            EXPECT_EQ(recorder.columns, filled) << rel_type_name(relationship.type);
            EXPECT_EQ(recorder.texts.front(), rel_type_name(relationship.type));
            ++rows;
        }
    }
    EXPECT_EQ(rows, 4u);
}

// One vector for every node, in an order where a node with fewer values or fewer
// list items follows one with more: each gets exactly its own values, in column order.
TEST(ExportValues, FillNodeValuesReusesOneVector) {
    const auto graph = small_graph();
    const auto text_of = [](std::span<const Value> values) {
        std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> named;
        for (const auto& value : values) {
            EXPECT_TRUE(value.nodes.empty());
            named.emplace_back(node_columns()[value.column].name, value.text, value.items);
        }
        return named;
    };
    std::vector<Value> reused;
    for (const auto* id : {"person:a", "episode:show/one", "person:b", "person:a"}) {
        const auto& node = graph.node(*graph.find(id));
        const auto count = fill_node_values(graph, node, reused);
        ASSERT_LE(count, reused.size());
        EXPECT_EQ(text_of(std::span(reused).first(count)), text_of(node_values(graph, node))) << id;
    }
    const auto& b = graph.node(*graph.find("person:b"));
    const auto values = text_of(std::span(reused).first(fill_node_values(graph, b, reused)));
    ASSERT_EQ(values.size(), 7u) << "kind, label, name, aliases, source_types, episode_count, sightings";
    EXPECT_EQ(values[3], std::make_tuple(std::string("aliases"), std::string("[]"), std::vector<std::string>{}))
        << "no alias left from person:a";
    EXPECT_EQ(std::get<1>(values[6]), "[]");
}

// A directory format's files, kept in memory.
class MemorySink : public FileSink {
public:
    void write_file(const std::string& name, const std::function<void(std::ostream&)>& write) override {
        std::ostringstream out;
        write(out);
        const std::lock_guard lock(mutex_);
        files[name] = out.str();
    }
    std::map<std::string, std::string> files;

private:
    std::mutex mutex_;
};

TEST(Neo4jCsvExporter, QuotesEveryFieldAndKeepsArrayElementsApart) {
    auto graph = mentions_graph();
    MemorySink sink;
    find_exporter("neo4j-csv").write_files(graph, {}, sink);
    EXPECT_EQ(sink.files.at("relationships_MENTIONS.csv"),
              ":START_ID,:END_ID,:TYPE,evidence:string[],in_entity_list:boolean,description,timestamps_s:long[],count:long\n"
              "\"episode:show/one\",\"person:p\",\"MENTIONS\",\"summary\",\"false\",,\"\",\"1\"\n"
              "\"episode:show/one\",\"software:tool\",\"MENTIONS\",\"chapter\x1f" "entity-list\",\"true\",\"A \"\"tool\"\"\","
              "\"60\x1f" "4185\",\"3\"\n");
    const auto hostile = small_graph();
    MemorySink hostile_sink;
    find_exporter("neo4j-csv").write_files(hostile, {}, hostile_sink);
    const auto& people = hostile_sink.files.at("nodes_Person.csv");
    EXPECT_NE(people.find("\"x\"\"y\""), std::string::npos) << people;
    EXPECT_TRUE(hostile_sink.files.contains("import.sh"));
}

TEST(Neo4jCsvExporter, SameFilesOnOneThreadAsOnSeveral) {
    const auto graph = small_graph();
    MemorySink one;
    set_thread_count(1);
    find_exporter("neo4j-csv").write_files(graph, {}, one);
    MemorySink several;
    set_thread_count(4);
    find_exporter("neo4j-csv").write_files(graph, {}, several);
    set_thread_count(0);
    EXPECT_EQ(one.files, several.files);
    EXPECT_EQ(one.files.size(), 5u);  // Episode and Person nodes, GUEST_ON, CO_APPEARS_WITH, import.sh
}

// GraphML and Cypher write relationships' values straight from the graph: every
// value of a MENTIONS row, escaped for each format, and none of a bare row's absent
// ones (rows in target id order).
TEST(RelationshipRows, GraphmlAndCypherWriteEveryValueOfAMention) {
    const auto graph = mentions_graph();
    std::ostringstream graphml;
    find_exporter("graphml").write(graph, {}, graphml);
    EXPECT_NE(graphml.str().find(R"(    <edge id="e0" source="episode:show/one" target="person:p">
      <data key="e_type">MENTIONS</data>
      <data key="e_undirected">false</data>
      <data key="e_evidence">[&quot;summary&quot;]</data>
      <data key="e_in_entity_list">false</data>
      <data key="e_timestamps_s">[]</data>
      <data key="e_count">1</data>
    </edge>
    <edge id="e1" source="episode:show/one" target="software:tool">
      <data key="e_type">MENTIONS</data>
      <data key="e_undirected">false</data>
      <data key="e_evidence">[&quot;chapter&quot;,&quot;entity-list&quot;]</data>
      <data key="e_in_entity_list">true</data>
      <data key="e_description">A &quot;tool&quot;</data>
      <data key="e_timestamps_s">[60,4185]</data>
      <data key="e_count">3</data>
    </edge>
)"),
              std::string::npos)
        << graphml.str();
    std::ostringstream cypher;
    find_exporter("cypher").write(graph, {}, cypher);
    EXPECT_NE(cypher.str().find(
                  R"({from: 'episode:show/one', to: 'software:tool', props: {evidence: ['chapter', 'entity-list'], in_entity_list: true, description: 'A \"tool\"', timestamps_s: [60, 4185], count: 3}})"),
              std::string::npos)
        << cypher.str();
    EXPECT_NE(cypher.str().find(
                  R"({from: 'episode:show/one', to: 'person:p', props: {evidence: ['summary'], in_entity_list: false, timestamps_s: [], count: 1}})"),
              std::string::npos)
        << cypher.str();
}

TEST(GraphmlExporter, DeclaresKeysFirstEscapesAndDropsForbiddenCharacters) {
    const auto xml = exported("graphml");
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"", 0), 0u);
    EXPECT_LT(xml.rfind("<key "), xml.find("<graph "));
    EXPECT_NE(xml.find("<key id=\"n_episode_count\" for=\"node\" attr.name=\"episode_count\" attr.type=\"long\"/>"),
              std::string::npos);
    EXPECT_NE(xml.find("<data key=\"n_name\">A&lt;b&amp;c&gt;\\&quot; node</data>"), std::string::npos)
        << "U+0001 removed, markup escaped";
    EXPECT_EQ(xml.find('\x01'), std::string::npos);
    EXPECT_NE(xml.find("<edge id=\"e1\" source=\"person:a\" target=\"person:b\">"), std::string::npos)
        << "CO_APPEARS_WITH stored from the smaller id";
    EXPECT_NE(xml.find("<data key=\"e_undirected\">true</data>"), std::string::npos);
    EXPECT_EQ(xml.find("n_duration_s\">"), std::string::npos);
    EXPECT_EQ(xml.find("y:NodeLabel"), std::string::npos);
}

TEST(GraphmlExporter, AttributesKeepUtf8AndEscapeMarkupAsLibxml2Does) {
    PropertyGraph graph;
    for (const auto* id : {"person:ma\u0142gorzata", "person:a\"b<c>&\td", "person:line\nbreak\r\x7f\uFFFE\U0001F399"}) {
        Node node;
        node.id = id;
        node.label = NodeLabel::Person;
        node.name = std::string("text\r\n\t\x7f\uFFFF\U0001F399 <&>\"'") + id;
        graph.add_node(node);
    }
    graph.freeze();
    std::ostringstream out;
    find_exporter("graphml").write(graph, {}, out);
    const auto xml = out.str();
    EXPECT_NE(xml.find("<node id=\"person:ma\u0142gorzata\">"), std::string::npos) << "UTF-8 as written, not &#x142;";
    EXPECT_NE(xml.find("<node id=\"person:a&quot;b&lt;c&gt;&amp;&#9;d\">"), std::string::npos);
    EXPECT_NE(xml.find("<node id=\"person:line&#10;break&#13;\x7f\U0001F399\">"), std::string::npos)
        << "line breaks as references, U+FFFE dropped";
    EXPECT_NE(xml.find(">text&#13;\n\t\x7f\U0001F399 &lt;&amp;&gt;&quot;'person:line\nbreak&#13;\x7f\U0001F399</data>"),
              std::string::npos)
        << "in text only CR is a reference; U+FFFE and U+FFFF dropped";
}

// Names long enough for the writer's block-at-a-time path, with each character
// libxml2 escapes or drops at every position.
TEST(GraphmlExporter, LongTextsEscapedWhereverTheCharacterIs) {
    const std::vector<std::pair<std::string, std::string>> escapes = {
        {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"\r", "&#13;"},
        {"\x01", ""}, {"\uFFFE", ""}, {"\u00e9", "\u00e9"}, {"\n", "\n"}};
    PropertyGraph graph;
    std::vector<std::string> expected;
    for (const std::size_t length : {31, 32, 33, 64, 70}) {
        for (std::size_t at = 0; at < length; ++at) {
            for (const auto& [character, escaped] : escapes) {
                Node node;
                node.id = "person:" + std::to_string(graph.node_count());
                node.label = NodeLabel::Person;
                node.name = std::string(at, 'n') + character + std::string(length - at - 1, 'n');
                graph.add_node(node);
                expected.push_back("<data key=\"n_name\">" + std::string(at, 'n') + escaped +
                                   std::string(length - at - 1, 'n') + "</data>");
            }
        }
    }
    graph.freeze();
    std::ostringstream out;
    find_exporter("graphml").write(graph, {}, out);
    const auto xml = out.str();
    for (const auto& line : expected) ASSERT_NE(xml.find(line), std::string::npos) << line;
}

// The same for attributes (node ids), whose table also escapes line breaks and tabs.
TEST(GraphmlExporter, LongAttributesEscapedWhereverTheCharacterIs) {
    const std::vector<std::pair<std::string, std::string>> escapes = {
        {"&", "&amp;"}, {"<", "&lt;"}, {"\"", "&quot;"}, {"\n", "&#10;"}, {"\t", "&#9;"}, {"\u00e9", "\u00e9"}};
    PropertyGraph graph;
    std::vector<std::string> expected;
    for (const std::size_t length : {31, 33, 70}) {
        for (std::size_t at = 0; at < length; ++at) {
            for (const auto& [character, escaped] : escapes) {
                Node node;
                node.id = std::string(at, 'i') + character + std::string(length - at - 1, 'i');
                node.label = NodeLabel::Person;
                node.name = "n";
                graph.add_node(node);
                expected.push_back("<node id=\"" + std::string(at, 'i') + escaped + std::string(length - at - 1, 'i') +
                                   "\">");
            }
        }
    }
    graph.freeze();
    std::ostringstream out;
    find_exporter("graphml").write(graph, {}, out);
    const auto xml = out.str();
    for (const auto& line : expected) ASSERT_NE(xml.find(line), std::string::npos) << line;
}

TEST(GraphmlExporter, YedFlavorAddsNodeLabels) {
    ExportOptions options;
    options.graphml_flavor = "yed";
    const auto xml = exported("graphml", options);
    EXPECT_NE(xml.find("xmlns:y=\"http://www.yworks.com/xml/graphml\""), std::string::npos);
    EXPECT_NE(xml.find("<y:NodeLabel>node</y:NodeLabel>"), std::string::npos);
    options.graphml_flavor = "gephi";
    EXPECT_THROW(exported("graphml", options), UsageError);
}

TEST(DotExporter, GraphvizReadsBackIdsAndLabels) {
    const auto dot = exported("dot");
    Agraph_t* graph = agmemread(dot.c_str());
    ASSERT_NE(graph, nullptr) << dot;
    EXPECT_EQ(agnnodes(graph), 3);
    EXPECT_EQ(agnedges(graph), 2);
    auto* hostile = agnode(graph, const_cast<char*>("person:a"), 0);
    ASSERT_NE(hostile, nullptr);
    // escString: backslashes doubled, so Graphviz shows the name as written.
    EXPECT_STREQ(agget(hostile, const_cast<char*>("label")), "A\x01<b&c>\\\\\" node");
    EXPECT_STREQ(agget(hostile, const_cast<char*>("kind")), "Person");
    auto* keyword = agnode(graph, const_cast<char*>("person:b"), 0);
    ASSERT_NE(keyword, nullptr);
    EXPECT_STREQ(agget(keyword, const_cast<char*>("label")), "node");
    auto* episode = agnode(graph, const_cast<char*>("episode:show/one"), 0);
    EXPECT_STREQ(agget(episode, const_cast<char*>("label")), "One \"quoted\" episode");
    agclose(graph);
}

}  // namespace
}  // namespace castgraph
