#!/usr/bin/python3
"""A JSON-LD processor (pyld, Debian's python3-pyld) reads our JSON-LD with every network
access refused, and turns it into the RDF we mean.

Usage: /usr/bin/python3 tests/interop/jsonld_offline.py <castgraph-binary> <repo-root>

- sockets are disabled and pyld's document loader refuses every URL, so a remote @context
  (or any fetch) fails the test;
- the sample's JSON-LD is expanded and converted to N-Quads; the number of triples equals
  the number the mapping promises, counted here from our graph file independently;
- exact triples: Kyle Daigle is an actor (and cg:guest) of the GitHub episode, swyx its
  cg:host, the episode mentions OpenClaw (with its chapter times on the mention node);
  types, duration and language are schema.org's;
- the embedded @context equals schemas/castgraph.context.jsonld; --base-iri moves every IRI;
- the hostile-names graph converts too, names intact.
Prints "N passed, M failed" last. A missing pyld is a failure, never a skip.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "schema"))
from schema_checks import Checks, finish  # noqa: E402

try:
    from pyld import jsonld
except ImportError as error:
    print(f"FAIL: cannot import pyld ({error}); install Debian's python3-pyld")
    sys.exit(1)


def refuse_network(*args, **kwargs):
    raise OSError("network access refused by the test")


socket.socket = refuse_network
socket.create_connection = refuse_network
socket.getaddrinfo = refuse_network


def refuse_document(url, options=None):
    raise jsonld.JsonLdError(f"offline: refused to load {url}", "jsonld.LoadDocumentError", code="loading document failed")


jsonld.set_document_loader(refuse_document)

SCHEMA = "https://schema.org/"
CG = "https://castgraph.dev/vocab#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ENTITY_LABELS = {"Person", "Organization", "Software", "Product", "Concept", "Other"}


def verdict(checks, passed, name, details=()):
    (checks.ok(name) if passed else checks.fail(name, list(details)))


def expected_triples(graph):
    """Triples the mapping promises, counted from the graph file (see exporters/jsonld_exporter.hpp)."""
    by_type = {}
    for rel in graph["relationships"]:
        by_type.setdefault(rel["type"], []).append(rel)
    count = 0
    for node in graph["nodes"]:
        count += 3  # rdf:type, cg:id, name
        if node["label"] in ENTITY_LABELS:
            count += len(node["aliases"]) + len(set(node["source_types"])) + 1
            count += sum(1 for r in by_type.get("AFFILIATED_WITH", []) if r["from"] == node["id"])
        elif node["label"] == "Topic":
            count += 1
        elif node["label"] == "Episode":
            count += bool(node["summary"]) + bool(node["published"]) + (node["duration_s"] is not None)
            count += len({language.lower() for language in node["languages"]})
            count += sum(1 for r in by_type.get("PART_OF", []) if r["from"] == node["id"])
            count += sum(1 for r in by_type.get("TAGGED", []) if r["from"] == node["id"])
            guests = {r["from"] for r in by_type.get("GUEST_ON", []) if r["to"] == node["id"]}
            hosts = {r["from"] for r in by_type.get("HOSTED", []) if r["to"] == node["id"]}
            count += len(guests | hosts) + len(guests) + len(hosts)
            for rel in by_type.get("MENTIONS", []):
                if rel["from"] == node["id"]:
                    # mentions, mention link, and on the mention node: type, entity,
                    # inEntityList, count, evidence, timestamps, description
                    count += 2 + 4 + len(rel["evidence"]) + len(set(rel["timestamps_s"])) + bool(rel["description"])
    return count


def to_nquads(path):
    document = json.load(open(path, encoding="utf-8"))
    return document, jsonld.to_rdf(document, {"format": "application/n-quads"})


def main():
    binary, root = sys.argv[1], sys.argv[2]
    checks = Checks()
    work = tempfile.mkdtemp()
    graph_path = os.path.join(work, "sample.json")
    subprocess.run([binary, "build", os.path.join(root, "examples", "latent-space-listing.txt"),
                    "--aliases", os.path.join(root, "examples", "aliases.json"), "-o", graph_path], check=True)
    graph = json.load(open(graph_path, encoding="utf-8"))
    out = os.path.join(work, "sample.jsonld")
    subprocess.run([binary, "export", graph_path, "--format", "jsonld", "-o", out], check=True)

    try:
        document, nquads = to_nquads(out)
    except Exception as error:
        checks.fail("pyld converts the sample's JSON-LD to N-Quads offline", [repr(error)[:500]])
        return finish(checks)
    checks.ok("pyld converts the sample's JSON-LD to N-Quads offline")
    lines = [line for line in nquads.splitlines() if line.strip()]
    expected = expected_triples(graph)
    verdict(checks, len(lines) == expected, f"{expected} triples, as the mapping promises", [f"got {len(lines)}"])
    shipped = json.load(open(os.path.join(root, "schemas", "castgraph.context.jsonld"), encoding="utf-8"))
    verdict(checks, isinstance(document["@context"], dict) and document["@context"] == shipped["@context"],
            "the @context is embedded and equals schemas/castgraph.context.jsonld")

    github = next(n["id"] for n in graph["nodes"] if n["label"] == "Episode" and n["name"].startswith("GitHub's Agent Era"))
    episode = f"<urn:castgraph:{github}>"
    triples = set(lines)
    for triple, name in [
        (f"{episode} <{SCHEMA}actor> <urn:castgraph:person:kyle-daigle> .", "Kyle Daigle is an actor of the GitHub episode"),
        (f"{episode} <{CG}guest> <urn:castgraph:person:kyle-daigle> .", "Kyle Daigle is its guest"),
        (f"{episode} <{CG}host> <urn:castgraph:person:swyx> .", "swyx is its host"),
        (f"{episode} <{SCHEMA}actor> <urn:castgraph:person:swyx> .", "swyx is an actor too"),
        (f"{episode} <{SCHEMA}mentions> <urn:castgraph:software:openclaw> .", "the episode mentions OpenClaw"),
        (f"{episode} <{RDF_TYPE}> <{SCHEMA}PodcastEpisode> .", "the episode is a schema:PodcastEpisode"),
        (f"{episode} <{SCHEMA}partOfSeries> <urn:castgraph:podcast:latent-space> .", "it is part of the Latent Space series"),
        (f"<urn:castgraph:podcast:latent-space> <{RDF_TYPE}> <{SCHEMA}PodcastSeries> .", "Latent Space is a schema:PodcastSeries"),
        (f"{episode} <{SCHEMA}keywords> <urn:castgraph:topic:github> .", "the github tag is a keyword"),
        (f"<urn:castgraph:topic:github> <{RDF_TYPE}> <{SCHEMA}DefinedTerm> .", "a topic is a schema:DefinedTerm"),
        (f"<urn:castgraph:person:kyle-daigle> <{RDF_TYPE}> <{SCHEMA}Person> .", "Kyle Daigle is a schema:Person"),
        (f"<urn:castgraph:software:openclaw> <{RDF_TYPE}> <{SCHEMA}SoftwareApplication> .", "OpenClaw is a schema:SoftwareApplication"),
        (f"<urn:castgraph:software:openclaw> <{SCHEMA}alternateName> \"Clawdbot\" .", "Clawdbot is an alternateName of OpenClaw"),
        (f"<urn:castgraph:person:alex-rives> <{SCHEMA}affiliation> <urn:castgraph:organization:biohub> .", "Alex Rives is affiliated with BioHub"),
    ]:
        verdict(checks, triple in triples, name, [triple])
    duration = next(n["duration_s"] for n in graph["nodes"] if n["id"] == github)
    iso = "PT" + (f"{duration // 3600}H" if duration >= 3600 else "") + (f"{duration % 3600 // 60}M" if duration % 3600 >= 60 else "") + (f"{duration % 60}S" if duration % 60 else "")
    verdict(checks, f"{episode} <{SCHEMA}timeRequired> \"{iso}\" ." in triples, f"timeRequired is the ISO 8601 duration {iso}")
    verdict(checks, f"{episode} <{SCHEMA}inLanguage> \"en\" ." in triples, "inLanguage is a BCP 47 tag (en)")
    mention_nodes = {line.split(" ")[2] for line in lines if line.startswith(f"{episode} <{CG}mention> ")}
    openclaw_mention = [node for node in mention_nodes if f"{node} <{CG}entity> <urn:castgraph:software:openclaw> ." in triples]
    times = {line.split(" ")[2] for line in lines if openclaw_mention and line.startswith(f"{openclaw_mention[0]} <{CG}timestampsS> ")}
    verdict(checks, times == {'"4185"^^<http://www.w3.org/2001/XMLSchema#integer>', '"4470"^^<http://www.w3.org/2001/XMLSchema#integer>'},
            "the mention of OpenClaw carries the chapter times 4185 and 4470", [str(times)])

    based = os.path.join(work, "based.jsonld")
    subprocess.run([binary, "export", graph_path, "--format", "jsonld", "--base-iri", "https://example.org/kg/", "-o", based], check=True)
    _, based_quads = to_nquads(based)
    verdict(checks, f"<https://example.org/kg/{github}> <{SCHEMA}mentions> <https://example.org/kg/software:openclaw> ." in based_quads
            and "urn:castgraph:" not in based_quads, "--base-iri moves every IRI")

    hostile_graph = os.path.join(work, "hostile.json")
    subprocess.run([binary, "build", os.path.join(root, "tests", "data", "hostile-names.json"), "-o", hostile_graph], check=True)
    hostile_out = os.path.join(work, "hostile.jsonld")
    subprocess.run([binary, "export", hostile_graph, "--format", "jsonld", "-o", hostile_out], check=True)
    try:
        hostile_doc, hostile_quads = to_nquads(hostile_out)
        expanded = jsonld.expand(hostile_doc)
        names = {value["@value"] for node in expanded for value in node.get(f"{SCHEMA}name", [])}
        wanted = {n["name"] for n in json.load(open(hostile_graph, encoding="utf-8"))["nodes"]}
        verdict(checks, names == wanted, "hostile names expand intact", sorted(wanted ^ names)[:5])
    except Exception as error:
        checks.fail("hostile names convert offline", [repr(error)[:500]])
    return finish(checks)


if __name__ == "__main__":
    sys.exit(main())
