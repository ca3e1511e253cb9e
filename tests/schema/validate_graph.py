#!/usr/bin/python3
"""Check schemas/graph.schema.json and the graph's invariants against the real output of
`castgraph build`.

Usage: /usr/bin/python3 tests/schema/validate_graph.py <castgraph-binary> <repo-root>

1. The schema is a valid draft 2020-12 schema, and the sample's graph validates.
2. Invariants, recomputed here independently of the C++ code: endpoints exist with the
   labels DESIGN.md gives; CO_APPEARS_WITH is stored once with from < to and equals the
   pairs of entities featured by the same episodes (list items, guests, hosts);
   ASSOCIATED_WITH weights count MENTIONS joined with TAGGED; CO_APPEARS_WITH weights
   equal their episode counts; episode_count equals the episodes
   linked by MENTIONS, GUEST_ON or HOSTED; nobody is GUEST_ON and HOSTED for one episode.
3. Broken variants are rejected by the schema at the expected place.

Prints "N passed, M failed" last; exits non-zero when M > 0.
"""

import collections
import copy
import itertools
import json
import os
import subprocess
import sys

from schema_checks import Checks, Draft202012Validator, describe, finish, jsonschema_version

ENTITY_LABELS = {"Person", "Organization", "Software", "Product", "Concept", "Other"}
ENDPOINTS = {
    "PART_OF": ({"Episode"}, {"Podcast"}),
    "GUEST_ON": ({"Person"}, {"Episode"}),
    "HOSTED": ({"Person"}, {"Episode"}),
    "AFFILIATED_WITH": ({"Person"}, {"Organization"}),
    "MENTIONS": ({"Episode"}, ENTITY_LABELS),
    "CO_APPEARS_WITH": (ENTITY_LABELS, ENTITY_LABELS),
    "TAGGED": ({"Episode"}, {"Topic"}),
    "ASSOCIATED_WITH": (ENTITY_LABELS, {"Topic"}),
}


def verdict(checks, passed, name, details=()):
    if passed:
        checks.ok(name)
    else:
        checks.fail(name, details)


def invariants(checks, graph):
    nodes = {node["id"]: node for node in graph["nodes"]}
    rels = graph["relationships"]
    by_type = collections.defaultdict(list)
    for rel in rels:
        by_type[rel["type"]].append(rel)

    bad = [r for r in rels if nodes.get(r["from"], {}).get("label") not in ENDPOINTS[r["type"]][0]
           or nodes.get(r["to"], {}).get("label") not in ENDPOINTS[r["type"]][1]]
    verdict(checks, not bad, "endpoints exist with the labels of the model",
                                            [json.dumps(r)[:200] for r in bad[:5]])

    ids = [n["id"] for n in graph["nodes"]]
    verdict(checks, ids == sorted(ids) and len(set(ids)) == len(ids), "node ids unique and sorted")
    order = [(r["type"], r["from"], r["to"]) for r in rels]
    type_rank = {t: i for i, t in enumerate(ENDPOINTS)}
    keyed = [(type_rank[t], f, to) for t, f, to in order]
    verdict(checks, keyed == sorted(keyed) and len(set(order)) == len(order), 
        "relationships unique and in (type, from, to) order")

    mentioned = collections.defaultdict(set)  # episode -> entities
    featured = collections.defaultdict(set)  # episode -> its list items, guests and hosts
    for rel in by_type["MENTIONS"]:
        mentioned[rel["from"]].add(rel["to"])
        if rel["in_entity_list"]:
            featured[rel["from"]].add(rel["to"])
    for rel in by_type["GUEST_ON"] + by_type["HOSTED"]:
        featured[rel["to"]].add(rel["from"])
    expected_pairs = collections.defaultdict(list)
    for episode in sorted(featured):
        for a, b in itertools.combinations(sorted(featured[episode]), 2):
            expected_pairs[(a, b)].append(episode)
    actual_pairs = {(r["from"], r["to"]): r["episodes"] for r in by_type["CO_APPEARS_WITH"]}
    verdict(checks, actual_pairs == dict(expected_pairs), 
        f"CO_APPEARS_WITH equals the pairs featured together ({len(expected_pairs)} pairs)",
        [f"missing {k}" for k in list(set(expected_pairs) - set(actual_pairs))[:3]]
        + [f"extra {k}" for k in list(set(actual_pairs) - set(expected_pairs))[:3]])

    tags = collections.defaultdict(set)
    for rel in by_type["TAGGED"]:
        tags[rel["from"]].add(rel["to"])
    expected_assoc = collections.Counter()
    for episode in sorted(mentioned):
        for entity in mentioned[episode]:
            for topic in tags[episode]:
                expected_assoc[(entity, topic)] += 1
    actual_assoc = {(r["from"], r["to"]): r["weight"] for r in by_type["ASSOCIATED_WITH"]}
    verdict(checks, actual_assoc == dict(expected_assoc), 
        f"ASSOCIATED_WITH weights count MENTIONS joined with TAGGED ({len(expected_assoc)} pairs)")

    verdict(checks, all(r["weight"] == len(r["episodes"]) for r in by_type["CO_APPEARS_WITH"]), 
        "CO_APPEARS_WITH weight is the number of its episodes")

    linked = collections.defaultdict(set)
    for rel in by_type["MENTIONS"]:
        linked[rel["to"]].add(rel["from"])
    for rel in by_type["GUEST_ON"] + by_type["HOSTED"]:
        linked[rel["from"]].add(rel["to"])
    wrong = [n["id"] for n in graph["nodes"] if n["label"] in ENTITY_LABELS and n["episode_count"] != len(linked[n["id"]])]
    verdict(checks, not wrong, "episode_count counts linked episodes", wrong[:5])

    guests = {(r["from"], r["to"]) for r in by_type["GUEST_ON"]}
    hosts = {(r["from"], r["to"]) for r in by_type["HOSTED"]}
    verdict(checks, not guests & hosts, "no person is GUEST_ON and HOSTED for one episode",
                                                       [str(p) for p in guests & hosts])


def broken_variants():
    def first(doc, predicate):
        return next(i for i, item in enumerate(doc) if predicate(item))

    def node_of(label):
        return lambda doc: first(doc["nodes"], lambda n: n["label"] == label)

    def rel_of(kind):
        return lambda doc: first(doc["relationships"], lambda r: r["type"] == kind)

    variants = []

    def variant(name, mutate):
        variants.append((name, mutate))

    def set_node(label, key, value):
        def mutate(doc):
            index = node_of(label)(doc)
            doc["nodes"][index][key] = value
            return ["nodes", index]
        return mutate

    def set_rel(kind, key, value):
        def mutate(doc):
            index = rel_of(kind)(doc)
            doc["relationships"][index][key] = value
            return ["relationships", index]
        return mutate

    def drop_rel(kind, key):
        def mutate(doc):
            index = rel_of(kind)(doc)
            del doc["relationships"][index][key]
            return ["relationships", index]
        return mutate

    variant("version 2", lambda d: (d.__setitem__("version", 2), ["version"])[1])
    variant("unknown format", lambda d: (d.__setitem__("format", "castgraph-episodes"), ["format"])[1])
    variant("missing id_changes", lambda d: (d.pop("id_changes"), [])[1])
    variant("unknown label", set_node("Person", "label", "Human"))
    variant("entity without sightings", lambda d: (d["nodes"][node_of("Person")(d)].pop("sightings"), ["nodes", node_of("Person")(d)])[1])
    variant("entity id with episode prefix", set_node("Software", "id", "episode:x/y"))
    variant("negative episode_count", set_node("Concept", "episode_count", -1))
    variant("episode duration as text", set_node("Episode", "duration_s", "1:24:44"))
    variant("episode with entity fields", set_node("Episode", "aliases", []))
    variant("topic with empty name", set_node("Topic", "name", ""))
    variant("unknown relationship type", set_rel("MENTIONS", "type", "LIKES"))
    variant("MENTIONS without timestamps_s", drop_rel("MENTIONS", "timestamps_s"))
    variant("MENTIONS with in_entity_list as 0/1", set_rel("MENTIONS", "in_entity_list", 1))
    variant("MENTIONS with count 0", set_rel("MENTIONS", "count", 0))
    variant("MENTIONS with unknown evidence", set_rel("MENTIONS", "evidence", ["rumour"]))
    variant("GUEST_ON from an episode", set_rel("GUEST_ON", "from", "episode:x/y"))
    variant("CO_APPEARS_WITH with weight 0", set_rel("CO_APPEARS_WITH", "weight", 0))
    variant("CO_APPEARS_WITH with repeated episodes", set_rel("CO_APPEARS_WITH", "episodes", ["episode:a/b", "episode:a/b"]))
    variant("PART_OF with evidence", set_rel("PART_OF", "evidence", ["title"]))
    variant("id change to a topic", lambda d: (d.__setitem__("id_changes", [{"old_id": "person:a", "new_id": "topic:b"}]), ["id_changes", 0, "new_id"])[1])
    return variants


def main():
    binary, root = sys.argv[1], sys.argv[2]
    checks = Checks()
    print(f"jsonschema {jsonschema_version()}")
    schema = json.load(open(os.path.join(root, "schemas", "graph.schema.json")))
    try:
        Draft202012Validator.check_schema(schema)
        checks.ok("graph.schema.json is a valid draft 2020-12 schema")
    except Exception as error:  # report and stop: nothing else can be checked
        checks.fail("graph.schema.json is a valid draft 2020-12 schema", [str(error)[:300]])
        return finish(checks)
    validator = Draft202012Validator(schema)

    run = subprocess.run([binary, "build", os.path.join(root, "examples", "latent-space-listing.txt"),
                          "--aliases", os.path.join(root, "examples", "aliases.json")],
                         capture_output=True, text=True)
    if run.returncode != 0:
        checks.fail("castgraph build exits 0", [run.stderr])
        return finish(checks)
    graph = json.loads(run.stdout)
    errors = list(validator.iter_errors(graph))
    verdict(checks, not errors, "the sample's graph validates", describe(errors[:5]))
    invariants(checks, graph)

    for name, mutate in broken_variants():
        doc = copy.deepcopy(graph)
        expected = mutate(doc)
        errors = list(validator.iter_errors(doc))
        paths = [list(e.absolute_path) for e in errors]
        if not errors:
            checks.fail(f"rejects: {name}", ["accepted"])
        elif any(p[: len(expected)] == expected for p in paths):
            checks.ok(f"rejects: {name}")
        else:
            checks.fail(f"rejects: {name} at {expected}", describe(errors[:3]))
    return finish(checks)


if __name__ == "__main__":
    sys.exit(main())
