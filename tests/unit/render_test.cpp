#include "castgraph/render.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "castgraph/error.hpp"

namespace castgraph {
namespace {

// A host and two guests on one episode, one guest on another alone.
PropertyGraph people_graph() {
    PropertyGraph graph;
    const auto node = [&](const std::string& id, NodeLabel label, const std::string& name) {
        Node n;
        n.id = id;
        n.label = label;
        n.name = name;
        if (label == NodeLabel::Software) n.aliases = {"Clawdbot"};
        return graph.add_node(n);
    };
    const auto one = node("episode:s/one", NodeLabel::Episode, "One");
    const auto two = node("episode:s/two", NodeLabel::Episode, "Two");
    const auto host = node("person:host", NodeLabel::Person, "Host");
    const auto ann = node("person:ann", NodeLabel::Person, "Ann");
    const auto bob = node("person:bob", NodeLabel::Person, "Bob");
    const auto tool = node("software:openclaw", NodeLabel::Software, "OpenClaw");
    graph.add_relationship(host, one, Relationship(RelType::Hosted));
    graph.add_relationship(ann, one, Relationship(RelType::GuestOn));
    graph.add_relationship(bob, one, Relationship(RelType::GuestOn));
    graph.add_relationship(bob, two, Relationship(RelType::GuestOn));
    Relationship mention(RelType::Mentions);
    mention.set_timestamps_s({4185});
    graph.add_relationship(one, tool, mention);
    graph.freeze();
    return graph;
}

TEST(RenderViews, GuestNetworkJoinsPeopleOfOneEpisode) {
    const auto view = make_view(people_graph(), "guests");
    ASSERT_EQ(view.nodes.size(), 3u);
    EXPECT_EQ(view.nodes[0].label, "Ann");  // id order
    EXPECT_EQ(view.nodes[2].label, "Host");
    EXPECT_NE(view.nodes[2].color, view.nodes[0].color) << "hosts and guests differ in colour";
    EXPECT_GT(view.nodes[1].font_size, view.nodes[0].font_size) << "Bob was on two episodes";
    EXPECT_EQ(view.edges.size(), 3u);  // Ann-Bob, Ann-Host, Bob-Host
    for (const auto& edge : view.edges) EXPECT_EQ(edge.weight, 1u);
}

TEST(RenderViews, MaxNodesKeepsThePeopleWithTheMostEpisodes) {
    const auto view = make_view(people_graph(), "guests", 2);
    ASSERT_EQ(view.nodes.size(), 2u);
    EXPECT_EQ(view.nodes[0].label, "Ann");  // one episode, like Host, but the smaller id
    EXPECT_EQ(view.nodes[1].label, "Bob");  // two episodes
    ASSERT_EQ(view.edges.size(), 1u);
    EXPECT_EQ(view.edges[0].from, 0u);
    EXPECT_EQ(view.edges[0].to, 1u);
    EXPECT_EQ(view.nodes_before_limit, 3u);
    EXPECT_NE(view.title.find("the 2 of 3 people with the most episodes"), std::string::npos) << view.title;
    EXPECT_EQ(make_view(people_graph(), "guests", 3).nodes_before_limit, 0u) << "no cut at the limit";
    EXPECT_EQ(make_view(people_graph(), "full", 2).nodes.size(), 2u);
}

TEST(RenderViews, HostsViewPointsFromHostToGuests) {
    const auto view = make_view(people_graph(), "hosts");
    EXPECT_EQ(view.nodes.size(), 3u);
    ASSERT_EQ(view.edges.size(), 2u);
    for (const auto& edge : view.edges) EXPECT_EQ(view.nodes[edge.from].label, "Host");
}

TEST(RenderViews, EgoFindsAnAliasAndShowsChapterTimes) {
    const auto view = make_view(people_graph(), "ego:clawdbot");
    ASSERT_EQ(view.nodes.size(), 2u);
    ASSERT_EQ(view.edges.size(), 1u);
    EXPECT_EQ(view.edges[0].label, "MENTIONS @ 1:09:45");
}

TEST(RenderViews, UnknownNamesAndViewsAreErrors) {
    try {
        (void)make_view(people_graph(), "ego:OpenClow");
        FAIL();
    } catch (const NotFoundError& error) {
        EXPECT_NE(std::string(error.what()).find("closest: OpenClaw"), std::string::npos) << error.what();
    }
    EXPECT_THROW((void)make_view(people_graph(), "everything"), UsageError);
}

TEST(RenderViews, RendersSvgInProcess) {
    RenderOptions options;
    options.format = "svg";
    std::ostringstream out;
    render_view(make_view(people_graph(), "guests"), options, out);
    const auto svg = out.str();
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find(">Host</text>"), std::string::npos);
    options.format = "gif";
    EXPECT_THROW(render_view(make_view(people_graph(), "guests"), options, out), UsageError);
}

}  // namespace
}  // namespace castgraph
