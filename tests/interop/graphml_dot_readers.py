#!/usr/bin/python3
"""The real readers of our GraphML and DOT load them, with every value intact.

Usage: /usr/bin/python3 tests/interop/graphml_dot_readers.py <castgraph-binary> <repo-root>

For the sample and for a graph of hostile names (tests/data/hostile-names.json):
  - NetworkX (networkx.read_graphml, Python warnings as errors) and igraph
    (Graph.Read_GraphML) read the GraphML, plain and yEd flavour; node and edge counts,
    and the attributes of named nodes and edges, equal those of our graph file;
  - Graphviz reads the DOT: `dot -Tsvg` exits 0 with an empty stderr, and pygraphviz
    (Graphviz's own cgraph reader) sees the same nodes, edges and attributes.
GraphML values are compared after removing the characters XML 1.0 forbids (documented);
DOT text values are escStrings, compared after undoubling backslashes (documented).
A missing reader is a failure, never a skip. Prints "N passed, M failed" last.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "schema"))
from schema_checks import Checks, finish  # noqa: E402

try:
    import networkx
    import igraph
    import pygraphviz
except ImportError as error:  # no skipping: this test exists to run the real readers
    print(f"FAIL: cannot import a reader ({error}); install python3-networkx python3-igraph python3-pygraphviz")
    sys.exit(1)

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ENTITY_LABELS = {"Person", "Organization", "Software", "Product", "Concept", "Other"}


def xml_safe(text):
    return XML_FORBIDDEN.sub("", text)


def undouble(text):
    return text.replace("\\\\", "\\")


def verdict(checks, passed, name, details=()):
    (checks.ok(name) if passed else checks.fail(name, list(details)))


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, **kwargs)


def expected_node_values(node):
    """The values our exporters promise for a node, as the readers should return them."""
    values = {"kind": node["label"], "label": node["name"], "name": node["name"]}
    # An empty text is not written (documented): readers see no value.
    if node["label"] in ENTITY_LABELS:
        values.update(aliases=node["aliases"], source_types=node["source_types"],
                      episode_count=node["episode_count"])
    elif node["label"] == "Episode":
        values.update(podcast=node["podcast"], languages=node["languages"], summary=node["summary"])
        if node["duration_s"] is not None:
            values["duration_s"] = node["duration_s"]
    return {key: value for key, value in values.items() if value != ""}


def decoded(key, value):
    """A reader's value back in our types: JSON lists parsed, numbers as int."""
    if key in ("aliases", "source_types", "languages", "evidence", "episodes", "timestamps_s", "sightings"):
        return json.loads(value)
    if key in ("episode_count", "duration_s", "count", "weight"):
        return int(value)
    return value


def compare_nodes(checks, what, graph, read_value, clean):
    mismatches = []
    for node in graph["nodes"]:
        for key, want in expected_node_values(node).items():
            got = read_value(node["id"], key)
            want_clean = clean(want) if isinstance(want, str) else ([clean(w) for w in want] if isinstance(want, list) and want and isinstance(want[0], str) else want)
            if got is None or decoded(key, got) != want_clean:
                mismatches.append(f"{node['id']}.{key}: read {got!r}, expected {want_clean!r}")
    verdict(checks, not mismatches, f"{what}: every node's kind, label, name and properties equal ours",
            mismatches[:5])


def compare_edges(checks, name, graph, multigraph):
    """Every relationship, by its edge id e<N>, has its endpoints and properties."""
    read = {key: (u, v, data) for u, v, key, data in multigraph.edges(keys=True, data=True)}
    mismatches = []
    for index, rel in enumerate(graph["relationships"]):
        edge = read.get(f"e{index}")
        if edge is None:
            mismatches.append(f"e{index} missing")
            continue
        u, v, data = edge
        if (u, v) != (rel["from"], rel["to"]):
            mismatches.append(f"e{index}: endpoints {u} -> {v}")
        if data.get("undirected") != (rel["type"] == "CO_APPEARS_WITH"):
            mismatches.append(f"e{index}: undirected {data.get('undirected')}")
        for key, want in rel.items():
            if key in ("from", "to") or want == "":
                continue
            got = data.get(key)
            if got is None or (decoded(key, got) if isinstance(got, str) and key != "type" and key != "description" else got) != (xml_safe(want) if isinstance(want, str) else want):
                mismatches.append(f"e{index}.{key}: read {got!r}, expected {want!r}")
    verdict(checks, not mismatches, f"{name} NetworkX: every edge's endpoints and properties equal ours", mismatches[:5])


def check_graphml(checks, name, graph, path, flavor):
    nodes, rels = len(graph["nodes"]), len(graph["relationships"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            nx_graph = networkx.read_graphml(path)
        except Exception as error:
            checks.fail(f"{name} {flavor}: networkx.read_graphml reads it", [repr(error)[:300]])
            return
    verdict(checks, (nx_graph.number_of_nodes(), nx_graph.number_of_edges()) == (nodes, rels),
            f"{name} {flavor}: NetworkX counts {nodes} nodes and {rels} edges",
            [f"read {nx_graph.number_of_nodes()} nodes, {nx_graph.number_of_edges()} edges"])
    if flavor == "plain":
        def nx_value(node_id, key):
            value = nx_graph.nodes[node_id].get(key) if node_id in nx_graph else None
            return json.dumps(value) if isinstance(value, list) else value
        compare_nodes(checks, f"{name} NetworkX", graph, nx_value, xml_safe)
        types_ok = all(isinstance(d.get("undirected"), bool) for _, _, d in nx_graph.edges(data=True))
        verdict(checks, types_ok, f"{name} NetworkX: booleans read as booleans")
        compare_edges(checks, name, graph, networkx.read_graphml(path, force_multigraph=True))
    else:
        labels_ok = all(nx_graph.nodes[n["id"]].get("label") == xml_safe(n["name"]) for n in graph["nodes"])
        verdict(checks, labels_ok, f"{name} yed: NetworkX sees every node's label")

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # igraph reports reader problems as RuntimeWarning
            ig_graph = igraph.Graph.Read_GraphML(path)
    except Exception as error:
        checks.fail(f"{name} {flavor}: igraph Read_GraphML reads it", [repr(error)[:300]])
        return
    verdict(checks, (ig_graph.vcount(), ig_graph.ecount()) == (nodes, rels),
            f"{name} {flavor}: igraph counts {nodes} nodes and {rels} edges",
            [f"read {ig_graph.vcount()} nodes, {ig_graph.ecount()} edges"])
    if flavor == "plain":
        by_id = {v["id"]: v for v in ig_graph.vs}
        def ig_value(node_id, key):
            vertex = by_id.get(node_id)
            if vertex is None or key not in ig_graph.vs.attributes():
                return None
            value = vertex[key]
            if isinstance(value, float):
                return None if value != value else int(value)  # igraph reads long as float, absent as NaN
            return value if value != "" else None
        compare_nodes(checks, f"{name} igraph", graph, ig_value, xml_safe)


def check_dot(checks, name, graph, path):
    nodes, rels = len(graph["nodes"]), len(graph["relationships"])
    result = run(["dot", "-Tsvg", "-o", os.devnull, path], text=True)
    verdict(checks, result.returncode == 0 and result.stderr == "",
            f"{name}: dot -Tsvg reads the DOT with no warning", [result.stderr[:300]])
    try:
        agraph = pygraphviz.AGraph(path)
    except Exception as error:
        checks.fail(f"{name}: pygraphviz (cgraph) reads the DOT", [repr(error)[:300]])
        return
    verdict(checks, (agraph.number_of_nodes(), agraph.number_of_edges()) == (nodes, rels),
            f"{name}: Graphviz counts {nodes} nodes and {rels} edges",
            [f"read {agraph.number_of_nodes()} nodes, {agraph.number_of_edges()} edges"])

    def dot_value(node_id, key):
        if not agraph.has_node(node_id):
            return None
        value = agraph.get_node(node_id).attr.get(key)
        if value in (None, ""):
            return None
        return value if key in ("episode_count", "duration_s") else undouble(value)
    compare_nodes(checks, f"{name} Graphviz", graph, dot_value, lambda text: text)
    edge_types = sorted(undouble(e.attr["type"]) for e in agraph.edges())
    verdict(checks, edge_types == sorted(r["type"] for r in graph["relationships"]),
            f"{name}: Graphviz reads every edge's type")


def main():
    binary, root = sys.argv[1], sys.argv[2]
    checks = Checks()
    print(f"networkx {networkx.__version__}, igraph {igraph.__version__}, pygraphviz {pygraphviz.__version__}")
    work = tempfile.mkdtemp()
    inputs = {
        "sample": [os.path.join(root, "examples", "latent-space-listing.txt"),
                   "--aliases", os.path.join(root, "examples", "aliases.json")],
        "hostile": [os.path.join(root, "tests", "data", "hostile-names.json")],
    }
    for name, arguments in inputs.items():
        graph_path = os.path.join(work, f"{name}.json")
        built = run([binary, "build", *arguments, "-o", graph_path], text=True)
        if built.returncode != 0:
            checks.fail(f"{name}: castgraph build exits 0", [built.stderr[:500]])
            continue
        graph = json.load(open(graph_path, encoding="utf-8"))
        for flavor in ("plain", "yed"):
            out = os.path.join(work, f"{name}.{flavor}.graphml")
            exported = run([binary, "export", graph_path, "--format", "graphml", "--graphml-flavor", flavor, "-o", out],
                           text=True)
            verdict(checks, exported.returncode == 0, f"{name}: export graphml {flavor}", [exported.stderr])
            check_graphml(checks, name, graph, out, flavor)
        out = os.path.join(work, f"{name}.dot")
        exported = run([binary, "export", graph_path, "--format", "dot", "-o", out], text=True)
        verdict(checks, exported.returncode == 0, f"{name}: export dot", [exported.stderr])
        check_dot(checks, name, graph, out)

        if name == "hostile":
            hostile = json.load(open(os.path.join(root, "tests", "data", "hostile-names.json"), encoding="utf-8"))
            forms = {n["name"] for n in graph["nodes"]} | {a for n in graph["nodes"] for a in n.get("aliases", [])}
            missing = [i["name"] for e in hostile["episodes"] for i in e["entity_list"]["items"] if i["name"] not in forms]
            verdict(checks, not missing, "hostile: every input name is in the graph as written", missing)
    return finish(checks)


if __name__ == "__main__":
    sys.exit(main())
