#!/usr/bin/python3
"""Our Jaccard and Adamic-Adar scores equal NetworkX's on the sample's co-appearance graph.

Usage: /usr/bin/python3 tests/interop/similarity_networkx.py <castgraph-binary> <repo-root>

The co-appearance graph is rebuilt here from the graph file's CO_APPEARS_WITH relationships
as an undirected networkx.Graph; networkx.jaccard_coefficient and networkx.adamic_adar_index
score every pair with a common neighbour. The recsys export's similarity.csv must list exactly
those pairs with the same scores (to 1e-12), and `castgraph recommend --entity` must rank
OpenClaw's related entities by the same scores. Prints "N passed, M failed" last.
"""

import csv
import itertools
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "schema"))
from schema_checks import Checks, finish  # noqa: E402

try:
    import networkx
except ImportError as error:
    print(f"FAIL: cannot import networkx ({error}); install Debian's python3-networkx")
    sys.exit(1)


def main():
    binary, root = sys.argv[1], sys.argv[2]
    checks = Checks()
    work = tempfile.mkdtemp()
    graph_path = os.path.join(work, "sample.json")
    subprocess.run([binary, "build", os.path.join(root, "examples", "latent-space-listing.txt"),
                    "--aliases", os.path.join(root, "examples", "aliases.json"), "-o", graph_path], check=True)
    graph = json.load(open(graph_path, encoding="utf-8"))
    subprocess.run([binary, "export", graph_path, "--format", "recsys", "-o", os.path.join(work, "recsys")], check=True)

    g = networkx.Graph()
    g.add_edges_from((r["from"], r["to"]) for r in graph["relationships"] if r["type"] == "CO_APPEARS_WITH")
    pairs = sorted({tuple(sorted((a, b))) for w in g for a, b in itertools.combinations(g[w], 2)})
    jaccard = {(a, b): s for a, b, s in networkx.jaccard_coefficient(g, pairs)}
    adamic_adar = {(a, b): s for a, b, s in networkx.adamic_adar_index(g, pairs)}

    ours = {"jaccard": {}, "adamic_adar": {}}
    with open(os.path.join(work, "recsys", "similarity.csv"), newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            ours[row["measure"]][(row["a"], row["b"])] = float(row["score"])
    for measure, theirs in (("jaccard", jaccard), ("adamic_adar", adamic_adar)):
        same_pairs = set(ours[measure]) == set(theirs)
        worst = max((abs(ours[measure][p] - theirs[p]) for p in theirs if p in ours[measure]), default=0.0)
        if same_pairs and worst <= 1e-12:
            checks.ok(f"{measure}: {len(theirs)} pairs, equal to networkx (largest difference {worst:.1e})")
        else:
            checks.fail(f"{measure} equals networkx", [f"pairs equal: {same_pairs} ({len(ours[measure])} vs {len(theirs)})",
                                                      f"largest difference {worst}"])

    for method, theirs in (("adamic-adar", adamic_adar), ("jaccard", jaccard)):
        run = subprocess.run([binary, "recommend", graph_path, "--entity", "OpenClaw", "--method", method, "-k", "1000", "--json"],
                             capture_output=True, text=True, check=True)
        rows = json.loads(run.stdout)["rows"]
        expected = {}
        for (a, b), score in theirs.items():
            if "software:openclaw" in (a, b) and score > 0:
                expected[b if a == "software:openclaw" else a] = score
        got = {row["id"]: row["score"] for row in rows}
        close = set(got) == set(expected) and all(abs(got[k] - expected[k]) <= 1e-6 for k in expected)
        order = [row["id"] for row in rows] == sorted(expected, key=lambda k: (-round(expected[k], 6), k))
        if close and order:
            checks.ok(f"recommend --entity OpenClaw --method {method}: {len(rows)} entities ranked by networkx's scores")
        else:
            checks.fail(f"recommend --entity OpenClaw --method {method} ranks by networkx's scores",
                        [f"same set: {set(got) == set(expected)}", f"order: {order}"])
    return finish(checks)


if __name__ == "__main__":
    sys.exit(main())
