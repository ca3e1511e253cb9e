#!/usr/bin/python3
"""Check schemas/episode.schema.json against the real output of `castgraph parse`.

Usage: /usr/bin/python3 tests/schema/validate_episodes.py <castgraph-binary> <repo-root>

1. The schema itself must be a valid draft 2020-12 schema.
2. `castgraph parse examples/latent-space-listing.txt` must exit 0 and its output must validate.
3. Deliberately broken variants of that output must each be rejected, at the expected place;
   a few still-valid variants (null duration, no entity list, ...) must be accepted.

Prints "N passed, M failed" last and exits non-zero when M > 0. Nothing is skipped: a missing
jsonschema module is a failure.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile

from schema_checks import Checks, Draft202012Validator, describe, finish, jsonschema, jsonschema_version, leaf_errors


# ---------------------------------------------------------------------------
# Broken and still-valid variants of the parsed document.
# Each mutation edits the document in place; `expected` is the JSON path (as a list)
# at which the validator must report an error for a broken variant.


def first_episode_with(doc, predicate, what):
    for index, episode in enumerate(doc["episodes"]):
        if predicate(episode):
            return index, episode
    raise LookupError(f"the sample output has no episode with {what}; the variant cannot be built")


def with_chapters(doc):
    return first_episode_with(doc, lambda e: e["chapters"], "chapters")


def with_quotes(doc):
    return first_episode_with(doc, lambda e: e["quotes"], "quotes")


def with_entities(doc):
    return first_episode_with(doc, lambda e: e["entity_list"] and e["entity_list"]["items"], "entity items")


def with_guests(doc):
    return first_episode_with(doc, lambda e: e["guests"], "guests")


def broken_variants():
    """(name, mutate) where mutate(doc) edits doc and returns the path that must be rejected."""
    variants = []

    def variant(name):
        def register(mutate):
            variants.append((name, mutate))
            return mutate
        return register

    @variant("version 2")
    def _(doc):
        doc["version"] = 2
        return ["version"]

    @variant("version as string \"1\"")
    def _(doc):
        doc["version"] = "1"
        return ["version"]

    @variant("unknown format")
    def _(doc):
        doc["format"] = "castgraph-episode"
        return ["format"]

    @variant("missing top-level episodes")
    def _(doc):
        del doc["episodes"]
        return []

    @variant("episodes is an object")
    def _(doc):
        doc["episodes"] = {"0": doc["episodes"][0]}
        return ["episodes"]

    @variant("extra top-level property")
    def _(doc):
        doc["generator"] = "castgraph"
        return []

    @variant("episode without title")
    def _(doc):
        del doc["episodes"][0]["title"]
        return ["episodes", 0]

    @variant("episode with empty title")
    def _(doc):
        doc["episodes"][0]["title"] = ""
        return ["episodes", 0, "title"]

    @variant("episode title null")
    def _(doc):
        doc["episodes"][0]["title"] = None
        return ["episodes", 0, "title"]

    @variant("id without episode: prefix")
    def _(doc):
        doc["episodes"][0]["id"] = doc["episodes"][0]["id"][len("episode:"):]
        return ["episodes", 0, "id"]

    @variant("episode without entity_list key (writer always writes it, null when none)")
    def _(doc):
        del doc["episodes"][0]["entity_list"]
        return ["episodes", 0]

    @variant("episode with extra property")
    def _(doc):
        doc["episodes"][0]["season"] = 3
        return ["episodes", 0]

    @variant("duration_s as string \"1:24:44\"")
    def _(doc):
        doc["episodes"][0]["duration_s"] = "1:24:44"
        return ["episodes", 0, "duration_s"]

    @variant("duration_s negative")
    def _(doc):
        doc["episodes"][0]["duration_s"] = -1
        return ["episodes", 0, "duration_s"]

    @variant("duration_s fractional 84.5")
    def _(doc):
        doc["episodes"][0]["duration_s"] = 84.5
        return ["episodes", 0, "duration_s"]

    @variant("duration_s above 2^32-1")
    def _(doc):
        doc["episodes"][0]["duration_s"] = 2**32
        return ["episodes", 0, "duration_s"]

    @variant("languages is a string")
    def _(doc):
        doc["episodes"][0]["languages"] = "EN"
        return ["episodes", 0, "languages"]

    @variant("tag is a number")
    def _(doc):
        doc["episodes"][0]["tags"] = [42]
        return ["episodes", 0, "tags", 0]

    @variant("guest missing affiliation")
    def _(doc):
        i, episode = with_guests(doc)
        del episode["guests"][0]["affiliation"]
        return ["episodes", i, "guests", 0]

    @variant("guest affiliation null")
    def _(doc):
        i, episode = with_guests(doc)
        episode["guests"][0]["affiliation"] = None
        return ["episodes", i, "guests", 0, "affiliation"]

    @variant("chapter missing start_s")
    def _(doc):
        i, episode = with_chapters(doc)
        del episode["chapters"][0]["start_s"]
        return ["episodes", i, "chapters", 0]

    @variant("chapter with negative start_s")
    def _(doc):
        i, episode = with_chapters(doc)
        episode["chapters"][0]["start_s"] = -5
        return ["episodes", i, "chapters", 0, "start_s"]

    @variant("chapter start_s null")
    def _(doc):
        i, episode = with_chapters(doc)
        episode["chapters"][0]["start_s"] = None
        return ["episodes", i, "chapters", 0, "start_s"]

    @variant("chapter start_s as timecode string")
    def _(doc):
        i, episode = with_chapters(doc)
        episode["chapters"][0]["start_s"] = "01:21"
        return ["episodes", i, "chapters", 0, "start_s"]

    @variant("chapter with extra property")
    def _(doc):
        i, episode = with_chapters(doc)
        episode["chapters"][0]["end_s"] = 81
        return ["episodes", i, "chapters", 0]

    @variant("quote chapter negative")
    def _(doc):
        i, episode = with_quotes(doc)
        episode["quotes"][0]["chapter"] = -1
        return ["episodes", i, "quotes", 0, "chapter"]

    @variant("quote chapter as string")
    def _(doc):
        i, episode = with_quotes(doc)
        episode["quotes"][0]["chapter"] = "0"
        return ["episodes", i, "quotes", 0, "chapter"]

    @variant("quote missing text")
    def _(doc):
        i, episode = with_quotes(doc)
        del episode["quotes"][0]["text"]
        return ["episodes", i, "quotes", 0]

    @variant("entity item with extra property")
    def _(doc):
        i, episode = with_entities(doc)
        episode["entity_list"]["items"][0]["canonical"] = "normalized-name"
        return ["episodes", i, "entity_list", "items", 0]

    @variant("entity item with empty name")
    def _(doc):
        i, episode = with_entities(doc)
        episode["entity_list"]["items"][0]["name"] = ""
        return ["episodes", i, "entity_list", "items", 0, "name"]

    @variant("entity item missing type")
    def _(doc):
        i, episode = with_entities(doc)
        del episode["entity_list"]["items"][0]["type"]
        return ["episodes", i, "entity_list", "items", 0]

    @variant("entity list language \"de\"")
    def _(doc):
        i, episode = with_entities(doc)
        episode["entity_list"]["language"] = "de"
        return ["episodes", i, "entity_list", "language"]

    @variant("entity list language upper-case \"EN\"")
    def _(doc):
        i, episode = with_entities(doc)
        episode["entity_list"]["language"] = "EN"
        return ["episodes", i, "entity_list", "language"]

    @variant("entity list is an array")
    def _(doc):
        i, episode = with_entities(doc)
        episode["entity_list"] = episode["entity_list"]["items"]
        return ["episodes", i, "entity_list"]

    @variant("source line as string")
    def _(doc):
        doc["episodes"][0]["source"]["line"] = "5"
        return ["episodes", 0, "source", "line"]

    @variant("source line negative")
    def _(doc):
        doc["episodes"][0]["source"]["line"] = -1
        return ["episodes", 0, "source", "line"]

    @variant("source missing file")
    def _(doc):
        del doc["episodes"][0]["source"]["file"]
        return ["episodes", 0, "source"]

    return variants


def valid_variants():
    """(name, mutate): documents the writer can produce that the schema must accept."""

    def null_duration(doc):
        doc["episodes"][0]["duration_s"] = None

    def no_entity_list(doc):
        _, episode = with_entities(doc)
        episode["entity_list"] = None

    def summary_quote(doc):
        _, episode = with_quotes(doc)
        episode["quotes"][0]["chapter"] = None

    def empty_episode_arrays(doc):
        episode = doc["episodes"][0]
        for key in ("guests", "languages", "chapters", "quotes", "tags"):
            episode[key] = []
        episode["summary"] = ""
        episode["published"] = ""
        episode["podcast"] = ""

    def no_episodes(doc):
        doc["episodes"] = []

    def max_uint32(doc):
        doc["episodes"][0]["duration_s"] = 2**32 - 1
        doc["episodes"][0]["source"]["line"] = 0

    return [
        ("duration_s null", null_duration),
        ("entity_list null", no_entity_list),
        ("quote chapter null (quote in summary)", summary_quote),
        ("empty arrays and strings", empty_episode_arrays),
        ("no episodes", no_episodes),
        ("duration_s 2^32-1, source line 0", max_uint32),
    ]


# ---------------------------------------------------------------------------


def main(argv):
    if len(argv) != 3:
        print(f"usage: {argv[0]} <castgraph-binary> <repo-root>", file=sys.stderr)
        return 2
    binary, repo_root = argv[1], argv[2]
    checks = Checks()
    print(f"jsonschema {jsonschema_version()}")

    # 1. The schema is itself valid.
    schema_path = os.path.join(repo_root, "schemas", "episode.schema.json")
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            raise jsonschema.SchemaError(f"$schema is {schema.get('$schema')!r}, expected draft 2020-12")
        checks.ok(f"schema {schema_path} is a valid draft 2020-12 schema")
    except (OSError, ValueError, jsonschema.SchemaError) as error:
        checks.fail(f"schema {schema_path} is a valid draft 2020-12 schema", [str(error)])
        return finish(checks)
    validator = Draft202012Validator(schema)

    # 2. The real output of `castgraph parse` validates.
    listing = os.path.join(repo_root, "examples", "latent-space-listing.txt")
    with tempfile.TemporaryDirectory(prefix="castgraph-schema-") as tmp:
        out_path = os.path.join(tmp, "episodes.json")
        command = [binary, "parse", listing, "-o", out_path]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as error:
            checks.fail(f"run {' '.join(command)}", [str(error)])
            return finish(checks)
        if run.returncode != 0:
            checks.fail(f"castgraph parse exits 0 (got {run.returncode})",
                        (run.stdout + run.stderr).splitlines()[-20:])
            return finish(checks)
        checks.ok("castgraph parse exits 0")
        try:
            with open(out_path, encoding="utf-8") as f:
                document = json.load(f)
        except (OSError, ValueError) as error:
            checks.fail("castgraph parse output is readable JSON", [str(error)])
            return finish(checks)

    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    episodes = document.get("episodes") if isinstance(document, dict) else None
    count = len(episodes) if isinstance(episodes, list) else "?"
    if errors:
        checks.fail(f"parse output ({count} episodes) validates: {len(errors)} error(s)", describe(errors))
        return finish(checks)
    if not episodes:
        checks.fail("parse output has episodes to validate (got none)")
        return finish(checks)
    checks.ok(f"parse output ({count} episodes) validates against the schema")

    # 3. Broken variants are rejected at the expected place.
    for name, mutate in broken_variants():
        doc = copy.deepcopy(document)
        try:
            expected = mutate(doc)
        except LookupError as error:
            checks.fail(f"reject: {name}", [str(error)])
            continue
        errors = list(validator.iter_errors(doc))
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in expected)
        if not errors:
            checks.fail(f"reject: {name}", [f"the schema ACCEPTED a broken document (expected an error at {where})"])
        elif not any(list(e.absolute_path) == expected for e in errors + leaf_errors(errors)):
            checks.fail(f"reject: {name}", [f"rejected, but not at {where}:"] + describe(errors))
        else:
            checks.ok(f"reject: {name} ({where})")

    # ... and still-valid variants are accepted.
    for name, mutate in valid_variants():
        doc = copy.deepcopy(document)
        try:
            mutate(doc)
        except LookupError as error:
            checks.fail(f"accept: {name}", [str(error)])
            continue
        errors = list(validator.iter_errors(doc))
        if errors:
            checks.fail(f"accept: {name}", describe(errors))
        else:
            checks.ok(f"accept: {name}")

    return finish(checks)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
