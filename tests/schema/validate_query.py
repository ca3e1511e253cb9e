#!/usr/bin/python3
"""Every query and recommendation the CLI answers on the sample validates against
schemas/query-result.schema.json, and the columns list is each row's keys.

Usage: /usr/bin/python3 tests/schema/validate_query.py <castgraph-binary> <repo-root>
Prints "N passed, M failed" last.
"""

import json
import os
import subprocess
import sys
import tempfile

from schema_checks import Checks, Draft202012Validator, describe, finish

QUESTIONS = [
    ["query", "who-mentioned", "OpenClaw"],
    ["query", "who-mentioned", "Claude Code", "--include-descriptions"],
    ["query", "episodes", "swyx"],
    ["query", "neighbors", "OpenClaw", "--depth", "2", "--type", "MENTIONS,GUEST_ON"],
    ["query", "path", "Kyle Daigle", "Alex Rives"],
    ["query", "top", "--label", "Person", "-k", "5"],
    ["recommend", "--episode", "GitHub's Agent Era"],
    ["recommend", "--episode", "Devin's 80% Moment"],
    ["recommend", "--entity", "OpenClaw", "--method", "jaccard"],
    ["recommend", "--person", "Kyle Daigle"],
]


def main():
    binary, root = sys.argv[1], sys.argv[2]
    checks = Checks()
    schema = json.load(open(os.path.join(root, "schemas", "query-result.schema.json")))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    graph = os.path.join(tempfile.mkdtemp(), "sample.json")
    subprocess.run([binary, "build", os.path.join(root, "examples", "latent-space-listing.txt"),
                    "--aliases", os.path.join(root, "examples", "aliases.json"), "-o", graph], check=True)
    for question in QUESTIONS:
        command, rest = question[0], question[1:]
        if command == "query":
            arguments = [binary, "query", graph, *rest, "--json"]
        else:
            arguments = [binary, "recommend", graph, *rest, "--json"]
        run = subprocess.run(arguments, capture_output=True, text=True)
        name = " ".join(question)
        if run.returncode != 0:
            checks.fail(name, [run.stderr])
            continue
        document = json.loads(run.stdout)
        errors = list(validator.iter_errors(document))
        keys_ok = all(list(row.keys()) == document["columns"] for row in document["rows"])
        if not errors and keys_ok:
            checks.ok(f"{name}: {len(document['rows'])} rows validate")
        else:
            checks.fail(name, describe(errors[:3]) + ([] if keys_ok else ["row keys differ from columns"]))
    return finish(checks)


if __name__ == "__main__":
    sys.exit(main())
