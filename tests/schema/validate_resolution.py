#!/usr/bin/python3
"""Check schemas/resolution-report.schema.json and schemas/aliases.schema.json against real files.

Usage: /usr/bin/python3 tests/schema/validate_resolution.py <castgraph-binary> <repo-root>

1. Both schemas must be valid draft 2020-12 schemas.
2. `castgraph resolve examples/latent-space-listing.txt --aliases examples/aliases.json` must exit 0
   and its report must validate.
3. examples/aliases.json must validate against the alias schema.
4. Deliberately broken variants of the report must each be rejected, at the expected place;
   still-valid variants (refusals, fuzzy scores, empty run, ...) must be accepted.
5. Deliberately broken variants of the alias file must each be rejected, at the expected place,
   and where the reader rejects them too, `castgraph resolve --aliases` must fail naming the same
   place; still-valid variants must be accepted by both.

Prints "N passed, M failed" last and exits non-zero when M > 0. Nothing is skipped: a missing
jsonschema module is a failure.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile

from schema_checks import (Checks, Draft202012Validator, describe, finish, jsonschema, jsonschema_version, leaf_errors,
                           path_text, short)


DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"


def json_pointer(parts):
    """The JSON pointer the C++ reader puts in its messages ("/entities/0/kind"; "/" for the root)."""
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def registry():
    """A decorator that collects (name, function, extra keyword data) into `.entries`."""
    entries = []

    def variant(name, **extra):
        def register(function):
            entries.append((name, function, extra))
            return function
        return register

    variant.entries = entries
    return variant


# ---------------------------------------------------------------------------
# Broken and still-valid variants of the resolution report.
# Each mutation edits the report in place; a broken one returns the JSON path (as a list)
# at which the validator must report an error.


def first_index(doc, key, predicate, what):
    for index, entry in enumerate(doc[key]):
        if predicate(entry):
            return index, entry
    raise LookupError(f"the sample report has no {what}; the variant cannot be built")


def a_merge(doc):
    return first_index(doc, "merges", lambda m: True, "merges")


def a_curated_merge(doc):
    return first_index(doc, "merges", lambda m: m["rule"] == "curated", "curated merge (was --aliases applied?)")


def an_entity_with_aliases(doc):
    return first_index(doc, "entities", lambda e: e["aliases"], "entity with aliases")


def sample_refusal(doc, reason):
    ids = [entity["id"] for entity in doc["entities"][:2]]
    if len(ids) < 2:
        raise LookupError("the sample report has fewer than two entities; the variant cannot be built")
    return {"reason": reason, "form": "Example / Exemple", "entities": sorted(ids),
            "detail": "built by the test; the shape the writer uses"}


def with_refusal(doc, reason="ambiguous-alias"):
    doc["refused"].append(sample_refusal(doc, reason))
    doc["summary"]["refused_by_reason"][reason] = doc["summary"]["refused_by_reason"].get(reason, 0) + 1
    return len(doc["refused"]) - 1


def with_fuzzy_merge(doc, score=0.9):
    index, merge = a_merge(doc)
    doc["merges"].append({"rule": "fuzzy", "entity": merge["entity"], "forms": ["Postgresql", "Postgresqk"],
                          "score": score})
    doc["summary"]["merges_by_rule"]["fuzzy"] = doc["summary"]["merges_by_rule"].get("fuzzy", 0) + 1
    return len(doc["merges"]) - 1


report_broken = registry()


@report_broken("version 2")
def _(doc):
    doc["version"] = 2
    return ["version"]


@report_broken("unknown format")
def _(doc):
    doc["format"] = "castgraph-episodes"
    return ["format"]


@report_broken("missing top-level refused")
def _(doc):
    del doc["refused"]
    return []


@report_broken("extra top-level property")
def _(doc):
    doc["generator"] = "castgraph"
    return []


@report_broken("summary items negative")
def _(doc):
    doc["summary"]["items"] = -1
    return ["summary", "items"]


@report_broken("summary entities_after as string")
def _(doc):
    doc["summary"]["entities_after"] = "118"
    return ["summary", "entities_after"]


@report_broken("summary missing names_before")
def _(doc):
    del doc["summary"]["names_before"]
    return ["summary"]


@report_broken("summary with extra property")
def _(doc):
    doc["summary"]["merges"] = 7
    return ["summary"]


@report_broken("merges_by_rule with unknown rule")
def _(doc):
    doc["summary"]["merges_by_rule"]["soundex"] = 1
    return ["summary", "merges_by_rule"]


@report_broken("merges_by_rule count fractional")
def _(doc):
    doc["summary"]["merges_by_rule"]["exact"] = 1.5
    return ["summary", "merges_by_rule", "exact"]


@report_broken("refused_by_reason with unknown reason")
def _(doc):
    doc["summary"]["refused_by_reason"]["too-short"] = 1
    return ["summary", "refused_by_reason"]


@report_broken("refused_by_reason is an array")
def _(doc):
    doc["summary"]["refused_by_reason"] = []
    return ["summary", "refused_by_reason"]


@report_broken("item episode without episode: prefix")
def _(doc):
    doc["items"][0]["episode"] = doc["items"][0]["episode"][len("episode:"):]
    return ["items", 0, "episode"]


@report_broken("item index negative")
def _(doc):
    doc["items"][0]["index"] = -1
    return ["items", 0, "index"]


@report_broken("item index as string")
def _(doc):
    doc["items"][0]["index"] = "0"
    return ["items", 0, "index"]


@report_broken("item kind lower-case \"person\"")
def _(doc):
    doc["items"][0]["kind"] = "person"
    return ["items", 0, "kind"]


@report_broken("item kind unknown \"Place\"")
def _(doc):
    doc["items"][0]["kind"] = "Place"
    return ["items", 0, "kind"]


@report_broken("item entity id without kind prefix")
def _(doc):
    doc["items"][0]["entity"] = doc["items"][0]["entity"].split(":", 1)[1]
    return ["items", 0, "entity"]


@report_broken("item with empty raw_name")
def _(doc):
    doc["items"][0]["raw_name"] = ""
    return ["items", 0, "raw_name"]


@report_broken("item missing raw_type")
def _(doc):
    del doc["items"][0]["raw_type"]
    return ["items", 0]


@report_broken("item with extra property")
def _(doc):
    doc["items"][0]["description"] = "not written by the report"
    return ["items", 0]


@report_broken("entity id without prefix")
def _(doc):
    doc["entities"][0]["id"] = doc["entities"][0]["id"].split(":", 1)[1]
    return ["entities", 0, "id"]


@report_broken("entity id with unknown prefix \"place:\"")
def _(doc):
    doc["entities"][0]["id"] = "place:" + doc["entities"][0]["id"].split(":", 1)[1]
    return ["entities", 0, "id"]


@report_broken("entity id prefix only \"person:\"")
def _(doc):
    doc["entities"][0]["id"] = "person:"
    return ["entities", 0, "id"]


@report_broken("entity kind unknown")
def _(doc):
    doc["entities"][0]["kind"] = "Place"
    return ["entities", 0, "kind"]


@report_broken("entity aliases is a string")
def _(doc):
    doc["entities"][0]["aliases"] = "SAE"
    return ["entities", 0, "aliases"]


@report_broken("entity aliases duplicated")
def _(doc):
    index, entity = an_entity_with_aliases(doc)
    entity["aliases"].append(entity["aliases"][0])
    return ["entities", index, "aliases"]


@report_broken("entity episode without episode: prefix")
def _(doc):
    doc["entities"][0]["episodes"][0] = "latent-space/x"
    return ["entities", 0, "episodes", 0]


@report_broken("entity missing source_types")
def _(doc):
    del doc["entities"][0]["source_types"]
    return ["entities", 0]


@report_broken("entity with extra property")
def _(doc):
    doc["entities"][0]["mentions"] = [0]
    return ["entities", 0]


@report_broken("merge with 3 forms")
def _(doc):
    index, merge = a_merge(doc)
    merge["forms"].append("third form")
    return ["merges", index, "forms"]


@report_broken("merge with 1 form")
def _(doc):
    index, merge = a_merge(doc)
    del merge["forms"][1]
    return ["merges", index, "forms"]


@report_broken("merge forms as one string")
def _(doc):
    index, merge = a_merge(doc)
    merge["forms"] = " + ".join(merge["forms"])
    return ["merges", index, "forms"]


@report_broken("merge with unknown rule")
def _(doc):
    index, merge = a_merge(doc)
    merge["rule"] = "soundex"
    return ["merges", index, "rule"]


@report_broken("merge entity id without prefix")
def _(doc):
    index, merge = a_merge(doc)
    merge["entity"] = merge["entity"].split(":", 1)[1]
    return ["merges", index, "entity"]


@report_broken("merge missing entity")
def _(doc):
    index, merge = a_merge(doc)
    del merge["entity"]
    return ["merges", index]


@report_broken("merge with extra property")
def _(doc):
    index, merge = a_merge(doc)
    merge["mention"] = 3
    return ["merges", index]


@report_broken("fuzzy merge score above 1")
def _(doc):
    index = with_fuzzy_merge(doc, score=1.5)
    return ["merges", index, "score"]


@report_broken("fuzzy merge score negative")
def _(doc):
    index = with_fuzzy_merge(doc, score=-0.1)
    return ["merges", index, "score"]


@report_broken("fuzzy merge score as string")
def _(doc):
    index = with_fuzzy_merge(doc, score="0.9")
    return ["merges", index, "score"]


@report_broken("fuzzy merge without score")
def _(doc):
    index = with_fuzzy_merge(doc)
    del doc["merges"][index]["score"]
    return ["merges", index]


@report_broken("curated merge with a score (only fuzzy merges have one)")
def _(doc):
    index, merge = a_curated_merge(doc)
    merge["score"] = 1.0
    return ["merges", index]


@report_broken("refusal with unknown reason")
def _(doc):
    index = with_refusal(doc)
    doc["refused"][index]["reason"] = "too-short"
    return ["refused", index, "reason"]


@report_broken("refusal entity id without prefix")
def _(doc):
    index = with_refusal(doc)
    doc["refused"][index]["entities"][0] = doc["refused"][index]["entities"][0].split(":", 1)[1]
    return ["refused", index, "entities", 0]


@report_broken("refusal entities is a string")
def _(doc):
    index = with_refusal(doc)
    doc["refused"][index]["entities"] = doc["refused"][index]["entities"][0]
    return ["refused", index, "entities"]


@report_broken("refusal missing detail")
def _(doc):
    index = with_refusal(doc)
    del doc["refused"][index]["detail"]
    return ["refused", index]


@report_broken("refusal with extra property")
def _(doc):
    index = with_refusal(doc)
    doc["refused"][index]["rule"] = "alias"
    return ["refused", index]


report_valid = registry()


@report_valid("a refusal of every reason")
def _(doc):
    for reason in ("ambiguous-alias", "ambiguous-acronym", "distinct-pair", "kind-conflict"):
        with_refusal(doc, reason)


@report_valid("fuzzy merge with score 0.9, 0 and 1")
def _(doc):
    for score in (0.9, 0, 1):
        with_fuzzy_merge(doc, score)


@report_valid("every rule in merges_by_rule")
def _(doc):
    for rule in ("exact", "curated", "alias", "acronym", "description-alias", "org-suffix",
                 "parent-qualified", "fuzzy"):
        doc["summary"]["merges_by_rule"][rule] = 2


@report_valid("colliding id with -2 suffix, non-Latin slug")
def _(doc):
    doc["entities"][0]["id"] = "software:c-2"
    doc["entities"][1]["id"] = "concept:模型"


@report_valid("every kind on an item and an entity")
def _(doc):
    for i, kind in enumerate(("Person", "Organization", "Software", "Product", "Concept", "Other")):
        doc["items"][i % len(doc["items"])]["kind"] = kind
        doc["entities"][i % len(doc["entities"])]["kind"] = kind


@report_valid("empty run (no items, entities, merges or refusals)")
def _(doc):
    doc["summary"] = {"items": 0, "names_before": 0, "entities_after": 0,
                      "merges_by_rule": {}, "refused_by_reason": {}}
    for key in ("items", "entities", "merges", "refused"):
        doc[key] = []


@report_valid("entity without aliases")
def _(doc):
    doc["entities"][0]["aliases"] = []


# ---------------------------------------------------------------------------
# Broken and still-valid variants of the alias file. They append their own entries, so they
# do not depend on what examples/aliases.json happens to contain. `reader` says whether the C++
# reader (parse_aliases) rejects the variant too; the schema is stricter in a few places.


def append(doc, key, value):
    doc.setdefault(key, []).append(value)
    return len(doc[key]) - 1


def good_entity():
    return {"canonical": "Example Entity", "kind": "Software", "aliases": ["ExEnt", "Example"]}


aliases_broken = registry()


@aliases_broken("alias file is an array", reader=True, document=[])
def _(doc):
    return []


@aliases_broken("unknown format", reader=True)
def _(doc):
    doc["format"] = "castgraph-type-map"
    return ["format"]


@aliases_broken("version 2", reader=False)
def _(doc):
    doc["version"] = 2
    return ["version"]


@aliases_broken("entities is an object", reader=True)
def _(doc):
    doc["entities"] = {"canonical": "Example Entity", "kind": "Software"}
    return ["entities"]


@aliases_broken("entity is a string", reader=True)
def _(doc):
    return ["entities", append(doc, "entities", "Example Entity")]


@aliases_broken("entity with empty canonical", reader=True)
def _(doc):
    entity = good_entity()
    entity["canonical"] = ""
    return ["entities", append(doc, "entities", entity), "canonical"]


@aliases_broken("entity with whitespace-only canonical", reader=True)
def _(doc):
    entity = good_entity()
    entity["canonical"] = " \t "
    return ["entities", append(doc, "entities", entity), "canonical"]


@aliases_broken("entity canonical null", reader=True)
def _(doc):
    entity = good_entity()
    entity["canonical"] = None
    return ["entities", append(doc, "entities", entity), "canonical"]


@aliases_broken("entity missing canonical", reader=True)
def _(doc):
    entity = good_entity()
    del entity["canonical"]
    return ["entities", append(doc, "entities", entity)]


@aliases_broken("entity missing kind", reader=True)
def _(doc):
    entity = good_entity()
    del entity["kind"]
    return ["entities", append(doc, "entities", entity)]


@aliases_broken("entity with unknown kind \"Place\"", reader=True)
def _(doc):
    entity = good_entity()
    entity["kind"] = "Place"
    return ["entities", append(doc, "entities", entity), "kind"]


@aliases_broken("entity kind is a number", reader=True)
def _(doc):
    entity = good_entity()
    entity["kind"] = 1
    return ["entities", append(doc, "entities", entity), "kind"]


@aliases_broken("entity kind upper-case \"PERSON\" (the reader accepts it)", reader=False)
def _(doc):
    entity = good_entity()
    entity["kind"] = "PERSON"
    return ["entities", append(doc, "entities", entity), "kind"]


@aliases_broken("entity aliases is a string", reader=True)
def _(doc):
    entity = good_entity()
    entity["aliases"] = "ExEnt"
    return ["entities", append(doc, "entities", entity), "aliases"]


@aliases_broken("entity with empty alias", reader=True)
def _(doc):
    entity = good_entity()
    entity["aliases"].append("")
    return ["entities", append(doc, "entities", entity), "aliases", len(entity["aliases"]) - 1]


@aliases_broken("entity alias is a number", reader=True)
def _(doc):
    entity = good_entity()
    entity["aliases"].insert(0, 42)
    return ["entities", append(doc, "entities", entity), "aliases", 0]


@aliases_broken("entity with extra property (the reader ignores it)", reader=False)
def _(doc):
    entity = good_entity()
    entity["alias"] = ["typo for aliases"]
    return ["entities", append(doc, "entities", entity)]


@aliases_broken("distinct is an object", reader=True)
def _(doc):
    doc["distinct"] = {"Claude": "Claude Code"}
    return ["distinct"]


@aliases_broken("distinct pair of 3", reader=True)
def _(doc):
    return ["distinct", append(doc, "distinct", ["GitHub", "GitHub Copilot", "GitHub Actions"])]


@aliases_broken("distinct pair of 1", reader=True)
def _(doc):
    return ["distinct", append(doc, "distinct", ["GitHub"])]


@aliases_broken("distinct pair as a string", reader=True)
def _(doc):
    return ["distinct", append(doc, "distinct", "GitHub / GitHub Copilot")]


@aliases_broken("distinct pair with empty name", reader=True)
def _(doc):
    return ["distinct", append(doc, "distinct", ["GitHub", ""]), 1]


@aliases_broken("distinct pair with a number", reader=True)
def _(doc):
    return ["distinct", append(doc, "distinct", [1, "GitHub"]), 0]


aliases_valid = registry()


@aliases_valid("empty object")
def _(doc):
    doc.clear()


@aliases_valid("no format or version")
def _(doc):
    doc.pop("format", None)
    doc.pop("version", None)


@aliases_valid("every kind, capitalised and lower-case")
def _(doc):
    for kind in ("Person", "Organization", "Software", "Product", "Concept", "Other"):
        for spelling in (kind, kind.lower()):
            entity = good_entity()
            entity["canonical"] = f"Example {spelling} entity"
            entity["kind"] = spelling
            entity["aliases"] = [f"Ex {spelling}"]
            append(doc, "entities", entity)


@aliases_valid("entity without aliases, and with empty aliases")
def _(doc):
    entity = good_entity()
    del entity["aliases"]
    append(doc, "entities", entity)
    entity = good_entity()
    entity["canonical"] = "Other Example"
    entity["aliases"] = []
    append(doc, "entities", entity)


@aliases_valid("only distinct pairs")
def _(doc):
    doc.pop("entities", None)
    append(doc, "distinct", ["Claude", "Claude Code"])


@aliases_valid("empty entities and distinct")
def _(doc):
    doc["entities"] = []
    doc["distinct"] = []


# ---------------------------------------------------------------------------


def load_schema(checks, repo_root, name):
    schema_path = os.path.join(repo_root, "schemas", name)
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        if schema.get("$schema") != DRAFT_2020_12:
            raise jsonschema.SchemaError(f"$schema is {schema.get('$schema')!r}, expected draft 2020-12")
        checks.ok(f"schema {schema_path} is a valid draft 2020-12 schema")
    except (OSError, ValueError, jsonschema.SchemaError) as error:
        checks.fail(f"schema {schema_path} is a valid draft 2020-12 schema", [str(error)])
        return None
    return Draft202012Validator(schema)


def run(command):
    """(returncode, output) of command; returncode None when it could not run."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, str(error)
    return result.returncode, result.stdout + result.stderr


def check_rejected(checks, label, validator, doc, expected):
    """The validator rejects doc with an error at `expected`; True when it does."""
    errors = list(validator.iter_errors(doc))
    where = path_text(expected)
    if not errors:
        checks.fail(label, [f"the schema ACCEPTED a broken document (expected an error at {where})"])
        return False
    if not any(list(e.absolute_path) == expected for e in errors + leaf_errors(errors)):
        checks.fail(label, [f"rejected, but not at {where}:"] + describe(errors))
        return False
    checks.ok(f"{label} ({where})")
    return True


def check_report_variants(checks, validator, report):
    for name, mutate, _ in report_broken.entries:
        doc = copy.deepcopy(report)
        try:
            expected = mutate(doc)
        except LookupError as error:
            checks.fail(f"report: reject: {name}", [str(error)])
            continue
        check_rejected(checks, f"report: reject: {name}", validator, doc, expected)

    for name, mutate, _ in report_valid.entries:
        doc = copy.deepcopy(report)
        try:
            mutate(doc)
        except LookupError as error:
            checks.fail(f"report: accept: {name}", [str(error)])
            continue
        errors = list(validator.iter_errors(doc))
        if errors:
            checks.fail(f"report: accept: {name}", describe(errors))
        else:
            checks.ok(f"report: accept: {name}")


def check_alias_variants(checks, validator, aliases, reader):
    """reader(doc) -> (returncode, output) of `castgraph resolve --aliases <doc>`."""
    for name, mutate, extra in aliases_broken.entries:
        label = f"aliases: reject: {name}"
        doc = copy.deepcopy(extra.get("document", aliases))  # `document` replaces the whole file
        expected = mutate(doc)
        if not check_rejected(checks, label, validator, doc, expected):
            continue
        if not extra.get("reader"):
            continue
        # The reader must reject it too, naming the same place.
        returncode, output = reader(doc)
        pointer = json_pointer(expected)
        if returncode is None or returncode == 0:
            checks.fail(f"{label}: castgraph rejects it too",
                        [f"castgraph resolve --aliases exited {returncode}"] + output.splitlines()[-5:])
        elif f": {pointer}: " not in output:
            checks.fail(f"{label}: castgraph rejects it too, at {pointer}", output.splitlines()[-5:])
        else:
            checks.ok(f"{label}: castgraph rejects it too, at {pointer}")

    for name, mutate, _ in aliases_valid.entries:
        label = f"aliases: accept: {name}"
        doc = copy.deepcopy(aliases)
        mutate(doc)
        errors = list(validator.iter_errors(doc))
        if errors:
            checks.fail(label, describe(errors))
            continue
        returncode, output = reader(doc)
        if returncode != 0:
            checks.fail(f"{label}: castgraph accepts it too",
                        [f"castgraph resolve --aliases exited {returncode}"] + output.splitlines()[-5:])
        else:
            checks.ok(f"{label} (castgraph accepts it too)")


def main(argv):
    if len(argv) != 3:
        print(f"usage: {argv[0]} <castgraph-binary> <repo-root>", file=sys.stderr)
        return 2
    binary, repo_root = argv[1], argv[2]
    checks = Checks()
    print(f"jsonschema {jsonschema_version()}")

    # 1. The schemas are themselves valid.
    report_validator = load_schema(checks, repo_root, "resolution-report.schema.json")
    aliases_validator = load_schema(checks, repo_root, "aliases.schema.json")
    if report_validator is None or aliases_validator is None:
        return finish(checks)

    listing = os.path.join(repo_root, "examples", "latent-space-listing.txt")
    aliases_path = os.path.join(repo_root, "examples", "aliases.json")
    with tempfile.TemporaryDirectory(prefix="castgraph-schema-") as tmp:
        # 2. The real report of `castgraph resolve --aliases examples/aliases.json` validates.
        out_path = os.path.join(tmp, "resolution.json")
        command = [binary, "resolve", listing, "--aliases", aliases_path, "-o", out_path]
        returncode, output = run(command)
        if returncode is None:
            checks.fail(f"run {' '.join(command)}", [output])
            return finish(checks)
        if returncode != 0:
            checks.fail(f"castgraph resolve --aliases examples/aliases.json exits 0 (got {returncode})",
                        output.splitlines()[-20:])
            return finish(checks)
        checks.ok("castgraph resolve --aliases examples/aliases.json exits 0")
        try:
            with open(out_path, encoding="utf-8") as f:
                report = json.load(f)
        except (OSError, ValueError) as error:
            checks.fail("castgraph resolve report is readable JSON", [str(error)])
            return finish(checks)

        errors = sorted(report_validator.iter_errors(report), key=lambda e: list(map(str, e.absolute_path)))
        items = report.get("items") if isinstance(report, dict) else None
        entities = report.get("entities") if isinstance(report, dict) else None
        count = (f"{len(items) if isinstance(items, list) else '?'} items, "
                 f"{len(entities) if isinstance(entities, list) else '?'} entities")
        if errors:
            checks.fail(f"resolution report ({count}) validates: {len(errors)} error(s)", describe(errors))
            return finish(checks)
        if not items or not entities:
            checks.fail(f"resolution report has items and entities to validate (got {count})")
            return finish(checks)
        checks.ok(f"resolution report ({count}) validates against the schema")

        # 3. The example alias file validates.
        try:
            with open(aliases_path, encoding="utf-8") as f:
                aliases = json.load(f)
        except (OSError, ValueError) as error:
            checks.fail(f"{aliases_path} is readable JSON", [str(error)])
            return finish(checks)
        errors = list(aliases_validator.iter_errors(aliases))
        if errors:
            checks.fail(f"examples/aliases.json validates: {len(errors)} error(s)", describe(errors))
            return finish(checks)
        checks.ok(f"examples/aliases.json ({len(aliases.get('entities', []))} entities, "
                  f"{len(aliases.get('distinct', []))} distinct pairs) validates against the schema")

        # 4. Report variants.
        check_report_variants(checks, report_validator, report)

        # 5. Alias file variants, against the schema and the reader.
        variant_path = os.path.join(tmp, "aliases-variant.json")
        variant_out = os.path.join(tmp, "resolution-variant.json")

        def reader(doc):
            with open(variant_path, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False)
            return run([binary, "resolve", listing, "--aliases", variant_path, "-o", variant_out])

        check_alias_variants(checks, aliases_validator, aliases, reader)

    return finish(checks)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
