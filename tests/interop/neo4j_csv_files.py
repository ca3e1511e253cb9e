#!/usr/bin/python3
"""The neo4j-csv export reads back as neo4j-admin import reads it: RFC 4180 CSV (Python's csv
module), typed headers, arrays split on U+001F, one row per node and relationship.

Usage: /usr/bin/python3 tests/interop/neo4j_csv_files.py <castgraph-binary> <repo-root>
Checks the sample and the hostile-names graph. Prints "N passed, M failed" last.
"""

import csv
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "schema"))
from schema_checks import Checks, finish  # noqa: E402

DELIMITER = "\x1f"
TYPES = {"long": int, "boolean": lambda text: {"true": True, "false": False}[text], "string": str}


def parse(header, text):
    name, _, kind = header.partition(":")
    if kind.endswith("[]"):
        return name, [TYPES[kind[:-2]](part) for part in text.split(DELIMITER)] if text else []
    if kind in TYPES:
        return name, TYPES[kind](text)
    return name, text


def main():
    binary, root = sys.argv[1], sys.argv[2]
    checks = Checks()
    work = tempfile.mkdtemp()
    for name, arguments in {
        "sample": [os.path.join(root, "examples", "latent-space-listing.txt"), "--aliases", os.path.join(root, "examples", "aliases.json")],
        "hostile": [os.path.join(root, "tests", "data", "hostile-names.json")],
    }.items():
        graph_path = os.path.join(work, f"{name}.json")
        subprocess.run([binary, "build", *arguments, "-o", graph_path], check=True)
        graph = json.load(open(graph_path, encoding="utf-8"))
        directory = os.path.join(work, f"{name}-csv")
        subprocess.run([binary, "export", graph_path, "--format", "neo4j-csv", "-o", directory], check=True)

        nodes, problems = {}, []
        for path in sorted(glob.glob(os.path.join(directory, "nodes_*.csv"))):
            with open(path, newline="", encoding="utf-8") as handle:
                rows = list(csv.reader(handle))
            header = rows[0]
            if header[:2] != ["id:ID", ":LABEL"]:
                problems.append(f"{os.path.basename(path)} header {header[:2]}")
            for row in rows[1:]:
                values = dict(parse(h, v) for h, v in zip(header[2:], row[2:]) if v != "")
                nodes[row[0]] = (row[1].split(";"), values)
        relationships = []
        for path in sorted(glob.glob(os.path.join(directory, "relationships_*.csv"))):
            with open(path, newline="", encoding="utf-8") as handle:
                rows = list(csv.reader(handle))
            header = rows[0]
            if header[:3] != [":START_ID", ":END_ID", ":TYPE"]:
                problems.append(f"{os.path.basename(path)} header {header[:3]}")
            for row in rows[1:]:
                relationships.append((row[2], row[0], row[1], dict(parse(h, v) for h, v in zip(header[3:], row[3:]) if v != "")))
        checks.ok(f"{name}: headers are neo4j-admin's") if not problems else checks.fail(f"{name}: headers", problems)

        want_nodes = {n["id"]: n for n in graph["nodes"]}
        mismatched = [i for i, n in want_nodes.items() if i not in nodes or nodes[i][0][0] != n["label"] or nodes[i][1].get("name") != n["name"]
                      or nodes[i][1].get("aliases", []) != n.get("aliases", [])]
        (checks.ok if len(nodes) == len(want_nodes) and not mismatched else checks.fail)(
            f"{name}: {len(want_nodes)} nodes with their label, name and aliases" + ("" if not mismatched else f" ({mismatched[:3]})"))
        want_rels = sorted((r["type"], r["from"], r["to"]) for r in graph["relationships"])
        (checks.ok if sorted(r[:3] for r in relationships) == want_rels else checks.fail)(f"{name}: {len(want_rels)} relationships")
        if name == "sample":
            github = next(n["id"] for n in graph["nodes"] if n["name"].startswith("GitHub's Agent Era"))
            mention = next((r[3] for r in relationships if r[:3] == ("MENTIONS", github, "software:openclaw")), {})
            (checks.ok if mention.get("timestamps_s") == [4185, 4470] and mention.get("in_entity_list") is True
             else checks.fail)("sample: the OpenClaw mention has timestamps_s:long[] [4185, 4470] and in_entity_list:boolean true")
    return finish(checks)


if __name__ == "__main__":
    sys.exit(main())
