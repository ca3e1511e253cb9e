#include "castgraph/cypher_text.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "castgraph/error.hpp"
#include "castgraph/exporter.hpp"

namespace castgraph {
namespace {

TEST(CypherText, StringLiteralsTable) {
    struct Row {
        std::string text;
        std::string literal;
    };
    const std::vector<Row> rows = {
        {"plain", "'plain'"},
        {"x'}) DETACH DELETE n //", "'x\\'}) DETACH DELETE n //'"},
        {"back\\slash", "'back\\\\slash'"},
        {"ends with \\", "'ends with \\\\'"},
        {"say \"hi\"", "'say \\\"hi\\\"'"},
        {"line\nbreak\r\ttab", "'line\\nbreak\\r\\ttab'"},
        {std::string("nul\0bell\x07", 9), "'nul\\u0000bell\\u0007'"},
        {"emoji 🎙 and עברית", "'emoji 🎙 and עברית'"},
        {"", "''"},
    };
    for (const auto& row : rows) EXPECT_EQ(cypher_string(row.text), row.literal) << row.text;
}

// Long enough for the writer's block-at-a-time path, with each character to escape
// at every position.
TEST(CypherText, LongStringsEscapedWhereverTheCharacterIs) {
    const std::vector<std::pair<char, std::string>> escapes = {
        {'\\', "\\\\"}, {'\'', "\\'"}, {'"', "\\\""}, {'\n', "\\n"}, {'\x7f', "\\u007F"}, {'\x01', "\\u0001"}};
    for (std::size_t length = 1; length <= 80; ++length) {
        for (std::size_t at = 0; at < length; ++at) {
            for (const auto& [character, escaped] : escapes) {
                std::string text(length, 'b');
                text[at] = character;
                const auto expected = "'" + std::string(at, 'b') + escaped + std::string(length - at - 1, 'b') + "'";
                ASSERT_EQ(cypher_string(text), expected) << "length " << length << " at " << at;
            }
            std::string accented(length, 'b');
            accented.replace(at, 1, "\u00e9");  // two bytes of UTF-8 pass through
            ASSERT_EQ(cypher_string(accented), "'" + accented + "'");
            for (const char lone : {'\x80', '\xff'}) {  // any byte from 0x80 on passes through as it is
                std::string text(length, 'b');
                text[at] = lone;
                ASSERT_EQ(cypher_string(text), "'" + text + "'");
            }
        }
    }
}

TEST(CypherText, IdentifiersTable) {
    EXPECT_EQ(cypher_identifier("Person"), "Person");
    EXPECT_EQ(cypher_identifier("CO_APPEARS_WITH"), "CO_APPEARS_WITH");
    EXPECT_EQ(cypher_identifier("episode_count"), "episode_count");
    EXPECT_EQ(cypher_identifier("has space"), "`has space`");
    EXPECT_EQ(cypher_identifier("1st"), "`1st`");
    EXPECT_EQ(cypher_identifier("a`b"), "`a``b`");
    EXPECT_EQ(cypher_identifier("x) DETACH DELETE (n"), "`x) DETACH DELETE (n`");
    EXPECT_EQ(cypher_identifier(""), "``");
}

PropertyGraph people(std::size_t count) {
    PropertyGraph graph;
    for (std::size_t i = 0; i < count; ++i) {
        Node node;
        node.id = "person:p" + std::to_string(100 + i);
        node.label = NodeLabel::Person;
        node.name = "P" + std::to_string(i);
        graph.add_node(node);
    }
    graph.freeze();
    return graph;
}

std::string script(const PropertyGraph& graph, const ExportOptions& options) {
    std::ostringstream out;
    find_exporter("cypher").write(graph, options, out);
    return out.str();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t count = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
    return count;
}

TEST(CypherExporter, BatchesAndTransactions) {
    ExportOptions options;
    options.cypher_batch_size = 2;
    options.cypher_transaction_size = 4;
    const auto text = script(people(5), options);
    EXPECT_EQ(occurrences(text, "CREATE CONSTRAINT "), 9u) << "one per label, before any data";
    EXPECT_LT(text.rfind("CREATE CONSTRAINT"), text.find(":begin"));
    EXPECT_EQ(occurrences(text, "UNWIND ["), 3u);  // 2 + 2 + 1 rows
    EXPECT_EQ(occurrences(text, ":begin\n"), 2u);  // 4 rows, then 1
    EXPECT_EQ(occurrences(text, ":commit\n"), 2u);
    EXPECT_NE(text.find("MERGE (n:Person {id: row.id}) SET n += row.props SET n:Entity;"), std::string::npos);

    options.cypher_flavor = "plain";
    const auto plain = script(people(5), options);
    EXPECT_EQ(occurrences(plain, ":begin"), 0u);
    EXPECT_EQ(occurrences(plain, "UNWIND ["), 3u);
    options.cypher_flavor = "browser";
    EXPECT_THROW(script(people(1), options), UsageError);
}

}  // namespace
}  // namespace castgraph
