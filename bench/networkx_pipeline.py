#!/usr/bin/python3
"""The castgraph job done the way a Python user would: regular expressions + NetworkX.

Usage:
    bench/networkx_pipeline.py FILE... --graphml OUT.graphml --cypher OUT.cypher

Stages (each timed; one JSON line on stderr at the end):
  parse    read listing pages (README.md, "Input formats" -> "Listing pages") with regular
           expressions: title, duration, languages, podcast + relative date, summary,
           chapters with timestamps, quotes, entity lists (English and French), tags,
           guests named in the title.
  resolve  merge entity-list items on normalized names (NFKC, case folding, accents
           stripped, punctuation and whitespace collapsed) within one kind; `A / B` and
           `Name (ACR)` give two names of one entity.
  graph    networkx.MultiDiGraph with Episode, Podcast, Topic and entity nodes and PART_OF,
           GUEST_ON, MENTIONS (entity-list items, and known names found in chapter texts by
           one regular-expression alternation), CO_APPEARS_WITH (among the entities an
           episode features: its list and its title's guests; weight and episodes) and
           TAGGED edges.
  graphml  networkx.write_graphml (list values stringified as JSON).
  cypher   a script of MERGE statements with escaped strings.
"""

import argparse
import functools
import hashlib
import itertools
import json
import re
import resource
import sys
import time
import unicodedata
from collections import Counter, defaultdict

import networkx as nx

# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

_PUNCT_RUN = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=None)
def normalize(text):
    """NFKC + casefold + accents stripped + punctuation/whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _PUNCT_RUN.sub(" ", text).strip()


def slugify(text, max_len=None):
    text = unicodedata.normalize("NFKC", text).casefold().replace("'", "").replace("\u2019", "")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    slug = _PUNCT_RUN.sub("-", text).strip("-")
    if max_len is not None and len(slug) > max_len:
        cut = slug.rfind("-", 0, max_len)
        slug = slug[: cut if cut >= max_len // 2 else max_len]
    return slug


def episode_id(podcast, title):
    title_slug = slugify(title) or "untitled"
    if len(title_slug) > 60:
        title_slug = slugify(title, 60) + "-" + hashlib.sha1(title_slug.encode()).hexdigest()[:6]
    return f"episode:{slugify(podcast, 40) or 'unknown'}/{title_slug}"


# ---------------------------------------------------------------------------
# Parse
# ---------------------------------------------------------------------------

DURATION_RE = re.compile(r"\d{1,3}:\d{2}(?::\d{2})?")
LANGS_RE = re.compile(r"[A-Za-z]{2,3}(?:/[A-Za-z]{2,3})*")
TAGS_RE = re.compile(r"(?:#[^#\s]+)+")
PODCAST_DATE_RE = re.compile(
    r"(.*?)\s*((?:il y a|depuis) .+|(?:an?|\d+) \S+ ago|yesterday|today|hier|aujourd.hui|just now)", re.I)
CHAPTER_RE = re.compile(r"(?:^| )## \[(\d{1,3}:\d{2}(?::\d{2})?)\] ")
ENTITIES_RE = re.compile(r"(?:^| )## Entit(?:ies|és)\b")
QUOTE_RE = re.compile(r'> \*"(.*?)"\*(?= |$)')
ITEM_RE = re.compile(r'(?:^|\s)- \*\*(.+?)\*\* \(((?:[^()]|\([^()]*\))*)\)\s*:\s*(.*?)(?=\s- \*\*|$)')
PERSON_NAME_RE = re.compile(
    r"[^\W\d_][\w'’.-]*(?: (?:van|von|de|der|den|da|di|du|del|la|le|bin|al|[^\W\d_][\w'’.-]*)){1,4}")
GUEST_ON_RE = re.compile(r"(?:^|:\s+)([^:]+?)\s+on\s")
LEADING_SYMBOLS_RE = re.compile(r"^[\W_]+")


def seconds(stamp):
    parts = [int(p) for p in stamp.split(":")]
    return parts[0] * 3600 + parts[1] * 60 + parts[2] if len(parts) == 3 else parts[0] * 60 + parts[1]


def looks_like_person(name):
    return bool(PERSON_NAME_RE.fullmatch(name)) and name[0].isupper() and name.split()[-1][0].isupper()


def title_guests(title):
    """Guests named in a title: `— A`, `— A & B`, `— A, Org`, `Guest - Title`, `Title: Guest on X`."""
    if "\u2014" in title:
        tail = title.rsplit("\u2014", 1)[1]
        guests = []
        for part in re.split(r" & | and | et ", tail):
            name, _, org = part.partition(",")
            name, org = name.strip(), org.strip()
            if not looks_like_person(name):
                guests = []
                break
            guests.append((name, org))
        if guests:
            return guests
    stripped = LEADING_SYMBOLS_RE.sub("", title)  # "⚡️ Matt Pocock - ..."
    head, sep, _ = stripped.partition(" - ")
    if sep and "," not in head and looks_like_person(head.strip()):
        return [(head.strip(), "")]
    for m in GUEST_ON_RE.finditer(stripped):
        if looks_like_person(m.group(1).strip()):
            return [(m.group(1).strip(), "")]
    return []


def parse_body(body, ep):
    ent_match = ENTITIES_RE.search(body)
    text_part = body[: ent_match.start()] if ent_match else body
    marks = list(CHAPTER_RE.finditer(text_part))
    summary = text_part[: marks[0].start()] if marks else text_part
    ep["summary"] = QUOTE_RE.sub("", summary).strip()
    chapters = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text_part)
        content = text_part[m.end():end]
        quotes = QUOTE_RE.findall(content)
        chapters.append({"start_s": seconds(m.group(1)), "text": QUOTE_RE.sub("", content).strip(),
                         "quotes": quotes})
    ep["chapters"] = chapters
    if ent_match:
        section = body[ent_match.end():]
        ep["entity_language"] = "fr" if "Entités" in ent_match.group(0) else "en"
        ep["items"] = [{"name": m.group(1).strip(), "type": m.group(2).strip(), "description": m.group(3).strip()}
                       for m in ITEM_RE.finditer(section)]
    else:
        ep["items"] = []


def parse_listing(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    n = len(lines)
    is_duration = [bool(DURATION_RE.fullmatch(line.strip())) for line in lines]

    def starts_episode(i):
        return i + 1 < n and lines[i].strip() and not is_duration[i] and is_duration[i + 1]

    episodes = []
    i = 0
    while i < n:
        if not starts_episode(i):
            i += 1
            continue
        title = " ".join(lines[i].split())
        ep = {"title": title, "duration_s": seconds(lines[i + 1].strip()), "podcast": "", "published": "",
              "languages": [], "summary": "", "chapters": [], "items": [], "tags": [], "source": f"{path}:{i + 1}"}
        i += 2

        def more():
            return i < n and not starts_episode(i)

        if more() and LANGS_RE.fullmatch(lines[i].strip()):
            ep["languages"] = lines[i].strip().split("/")
            i += 1
        watch = more() and lines[i].strip().lower() == "watch with captions"
        if watch:
            i += 1
        if more() and lines[i].strip() and lines[i].strip() != title and not TAGS_RE.fullmatch(lines[i].strip()):
            m = PODCAST_DATE_RE.fullmatch(lines[i].strip())
            if m or watch:
                ep["podcast"], ep["published"] = (m.group(1), m.group(2)) if m else (lines[i].strip(), "")
                i += 1
        while more() and not lines[i].strip():
            i += 1
        seen_title = False
        if more() and " ".join(lines[i].split()) == title:
            seen_title = True
            i += 1
            while more() and not lines[i].strip():
                i += 1
        if more() and not TAGS_RE.fullmatch(lines[i].strip()) and (seen_title or "## " in lines[i]):
            parse_body(lines[i], ep)
            i += 1
        while more() and not lines[i].strip():
            i += 1
        if more() and TAGS_RE.fullmatch(lines[i].strip()):
            ep["tags"] = [t for t in lines[i].strip().split("#") if t]
            i += 1
        ep["guests"] = title_guests(title)
        ep["id"] = episode_id(ep["podcast"], title)
        episodes.append(ep)
    return episodes


# ---------------------------------------------------------------------------
# Resolve
# ---------------------------------------------------------------------------

TYPE_MAP = {
    "person": "Person", "people": "Person", "personne": "Person", "guest": "Person", "host": "Person",
    "invite": "Person", "animateur": "Person", "researcher": "Person", "chercheur": "Person",
    "organization": "Organization", "organisation": "Organization", "org": "Organization",
    "company": "Organization", "entreprise": "Organization", "societe": "Organization", "startup": "Organization",
    "lab": "Organization", "laboratoire": "Organization", "laboratory": "Organization",
    "institution": "Organization", "university": "Organization", "conference": "Organization",
    "event": "Organization", "evenement": "Organization", "podcast": "Organization",
    "software": "Software", "logiciel": "Software", "tool": "Software", "outil": "Software",
    "library": "Software", "framework": "Software", "model": "Software", "modele": "Software",
    "database": "Software", "base de donnees": "Software", "platform": "Software", "plateforme": "Software",
    "service": "Software", "app": "Software", "application": "Software", "dataset": "Software",
    "product": "Product", "produit": "Product", "hardware": "Product", "materiel": "Product",
    "device": "Product", "feature": "Product",
    "concept": "Concept", "technique": "Concept", "method": "Concept", "methode": "Concept",
    "idea": "Concept", "theory": "Concept", "topic": "Concept", "architecture": "Concept",
    "protocol": "Concept", "protocole": "Concept", "algorithm": "Concept", "paper": "Concept",
}
ACRONYM_RE = re.compile(r"(.+?)\s*\(([^()]+)\)$")


def kind_of(raw_type):
    key = normalize(raw_type)
    if key in TYPE_MAP:
        return TYPE_MAP[key]
    for part in raw_type.split("/"):
        k = TYPE_MAP.get(normalize(part))
        if k:
            return k
    return "Other"


def surface_forms(raw):
    """`A / B` -> [A, B]; `Name (ACR)` -> [Name, ACR]; otherwise [raw]. The first is the main name."""
    raw = raw.strip().rstrip(".,;:")
    if " / " in raw:
        return [p.strip() for p in raw.split(" / ") if p.strip()]
    m = ACRONYM_RE.match(raw)
    if m:
        return [m.group(1).strip(), m.group(2).strip()]
    return [raw]


class UnionFind:
    def __init__(self):
        self.parent = {}

    def find(self, x):
        parent = self.parent
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(episodes):
    """Returns (entities, item_entity): entities by id, and for each (episode index, item index) its id."""
    uf = UnionFind()
    item_keys = []
    for e, ep in enumerate(episodes):
        for k, item in enumerate(ep["items"]):
            kind = kind_of(item["type"])
            forms = surface_forms(item["name"])
            keys = [(kind, key) for key in map(normalize, forms) if key] or [(kind, item["name"])]
            for key in keys[1:]:
                uf.union(keys[0], key)
            item_keys.append((e, k, kind, forms, keys[0]))

    clusters = defaultdict(list)
    for e, k, kind, forms, key in item_keys:
        clusters[uf.find(key)].append((e, k, kind, forms))

    entities = {}
    item_entity = {}
    used_ids = Counter()
    for root in sorted(clusters):
        members = clusters[root]
        kind = members[0][2]
        main_names = Counter(forms[0] for _, _, _, forms in members)
        canonical = max(main_names.items(), key=lambda kv: (kv[1], len(kv[0].split()), kv[0]))[0]
        base = f"{kind.lower()}:{slugify(canonical) or 'unnamed'}"
        used_ids[base] += 1
        ent_id = base if used_ids[base] == 1 else f"{base}-{used_ids[base]}"
        aliases = sorted({f for _, _, _, forms in members for f in forms} |
                         {episodes[e]["items"][k]["name"] for e, k, _, _ in members})
        entities[ent_id] = {
            "id": ent_id, "label": kind, "name": canonical, "aliases": aliases,
            "source_types": sorted({episodes[e]["items"][k]["type"] for e, k, _, _ in members}),
            "episodes": sorted({episodes[e]["id"] for e, _, _, _ in members}),
        }
        for e, k, _, _ in members:
            item_entity[(e, k)] = ent_id
    return entities, item_entity


# ---------------------------------------------------------------------------
# Graph
# ---------------------------------------------------------------------------

def build_graph(episodes, entities, item_entity):
    G = nx.MultiDiGraph()
    for ent in entities.values():
        G.add_node(ent["id"], label=ent["label"], name=ent["name"], aliases=ent["aliases"],
                   source_types=ent["source_types"], episode_count=len(ent["episodes"]))

    # Names for guests and for text mentions. A name of two entities is ambiguous and skipped.
    by_form = defaultdict(set)
    person_by_norm = {}
    for ent in entities.values():
        for form in ent["aliases"]:
            for f in surface_forms(form):
                by_form[f].add(ent["id"])
            by_form[form].add(ent["id"])
            if ent["label"] == "Person":
                for f in surface_forms(form):
                    person_by_norm.setdefault(normalize(f), ent["id"])
    form_entity = {f: next(iter(ids)) for f, ids in by_form.items()
                   if len(ids) == 1 and len(f) > 1 and any(c.isalpha() for c in f)}
    names = sorted(form_entity, key=len, reverse=True)
    mention_re = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)") if names else None

    co_episodes = defaultdict(list)
    podcasts = {}
    for e, ep in enumerate(episodes):
        ep_id = ep["id"]
        G.add_node(ep_id, label="Episode", name=ep["title"], podcast=ep["podcast"], published=ep["published"],
                   duration_s=ep["duration_s"], languages=ep["languages"], summary=ep["summary"])
        if ep["podcast"]:
            pod_id = "podcast:" + slugify(ep["podcast"])
            if pod_id not in podcasts:
                podcasts[pod_id] = ep["podcast"]
                G.add_node(pod_id, label="Podcast", name=ep["podcast"])
            G.add_edge(ep_id, pod_id, key="PART_OF", type="PART_OF")
        for tag in ep["tags"]:
            topic = "topic:" + tag.lower()
            if topic not in G:
                G.add_node(topic, label="Topic", name=tag)
            G.add_edge(ep_id, topic, key="TAGGED", type="TAGGED")

        # MENTIONS from the entity list, then from chapter texts.
        mentions = {}
        for k, item in enumerate(ep["items"]):
            ent_id = item_entity[(e, k)]
            m = mentions.setdefault(ent_id, {"in_entity_list": False, "description": "", "count": 0,
                                             "timestamps_s": [], "evidence": []})
            m["in_entity_list"] = True
            m["description"] = m["description"] or item["description"]
            m["count"] += 1
            if "entity-list" not in m["evidence"]:
                m["evidence"].append("entity-list")
        if mention_re is not None:
            for chapter in ep["chapters"]:
                text = chapter["text"] + " " + " ".join(chapter["quotes"])
                for hit in mention_re.findall(text):
                    ent_id = form_entity[hit]
                    m = mentions.setdefault(ent_id, {"in_entity_list": False, "description": "", "count": 0,
                                                     "timestamps_s": [], "evidence": []})
                    m["count"] += 1
                    if chapter["start_s"] not in m["timestamps_s"]:
                        m["timestamps_s"].append(chapter["start_s"])
                    if "chapter" not in m["evidence"]:
                        m["evidence"].append("chapter")
        for ent_id, m in mentions.items():
            G.add_edge(ep_id, ent_id, key="MENTIONS", type="MENTIONS", **m)

        # GUEST_ON: a title guest is the Person of that name, or a new Person seen only in titles.
        for name, _org in ep["guests"]:
            person = person_by_norm.get(normalize(name))
            if person is None:
                person = "person:" + slugify(name)
                if person not in G:
                    G.add_node(person, label="Person", name=name, aliases=[name], source_types=["title"],
                               episode_count=0)
                person_by_norm[normalize(name)] = person
            G.add_edge(person, ep_id, key="GUEST_ON", type="GUEST_ON",
                       evidence=["title", "entity-list"] if person in mentions else ["title"])

        # Co-appearance among the entities the episode features: its list and its guests.
        featured = {ent_id for ent_id, m in mentions.items() if m["in_entity_list"]}
        featured.update(person_by_norm[normalize(name)] for name, _org in ep["guests"])
        for a, b in itertools.combinations(sorted(featured), 2):
            co_episodes[(a, b)].append(ep_id)

    for (a, b), episodes in co_episodes.items():
        G.add_edge(a, b, key="CO_APPEARS_WITH", type="CO_APPEARS_WITH", weight=len(episodes), episodes=episodes)
    return G


# ---------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------

def write_graphml(G, path):
    # GraphML holds scalars only: lists become JSON strings.
    for _, data in G.nodes(data=True):
        for key, value in data.items():
            if isinstance(value, list):
                data[key] = json.dumps(value, ensure_ascii=False)
    for _, _, data in G.edges(data=True):
        for key, value in data.items():
            if isinstance(value, list):
                data[key] = json.dumps(value, ensure_ascii=False)
    nx.write_graphml(G, path)


_CYPHER_ESCAPES = str.maketrans({"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


LIST_KEYS = {"aliases", "source_types", "languages", "timestamps_s", "evidence", "episodes"}


def cypher_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(cypher_value(v) for v in value) + "]"
    return "'" + str(value).translate(_CYPHER_ESCAPES) + "'"


def cypher_props(var, data, skip):
    # List properties were stringified for GraphML; Cypher gets them back as lists.
    return ", ".join(f"{var}.{k} = {cypher_value(json.loads(v) if k in LIST_KEYS and isinstance(v, str) else v)}"
                     for k, v in data.items() if k != skip)


def write_cypher(G, path):
    labels = sorted({data.get("label", "Node") for _, data in G.nodes(data=True)})
    with open(path, "w", encoding="utf-8") as out:
        out.write("// castgraph benchmark: NetworkX pipeline\n")
        for label in labels:
            out.write(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE;\n")
        node_label = {}
        for node, data in G.nodes(data=True):
            label = node_label[node] = data.get("label", "Node")
            sets = cypher_props("n", data, "label")
            out.write(f"MERGE (n:{label} {{id: {cypher_value(node)}}})" + (f" SET {sets}" if sets else "") + ";\n")
        for a, b, data in G.edges(data=True):
            sets = cypher_props("r", data, "type")
            out.write(f"MATCH (a:{node_label[a]} {{id: {cypher_value(a)}}}), (b:{node_label[b]} {{id: {cypher_value(b)}}}) "
                      f"MERGE (a)-[r:{data['type']}]->(b)" + (f" SET {sets}" if sets else "") + ";\n")


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--graphml", required=True)
    ap.add_argument("--cypher", required=True)
    args = ap.parse_args()

    times = {}
    cpu = {}
    clock = {"wall": time.perf_counter(), "cpu": time.process_time()}
    t0, c0 = clock["wall"], clock["cpu"]

    def lap(stage):
        now, now_cpu = time.perf_counter(), time.process_time()
        times[stage] = now - clock["wall"]
        cpu[stage] = now_cpu - clock["cpu"]
        clock["wall"], clock["cpu"] = now, now_cpu

    episodes = []
    for path in args.files:
        episodes.extend(parse_listing(path))
    unique = {}
    for ep in episodes:  # the same episode read twice: keep the first
        unique.setdefault(ep["id"], ep)
    duplicates = len(episodes) - len(unique)
    episodes = list(unique.values())
    lap("parse_s")

    entities, item_entity = resolve(episodes)
    lap("resolve_s")

    G = build_graph(episodes, entities, item_entity)
    lap("graph_s")

    write_graphml(G, args.graphml)
    lap("graphml_s")

    write_cypher(G, args.cypher)
    lap("cypher_s")

    times["total_s"] = time.perf_counter() - t0
    cpu["total_s"] = time.process_time() - c0
    result = {
        "episodes": len(episodes),
        "duplicate_episodes": duplicates,
        "items": sum(len(ep["items"]) for ep in episodes),
        "entities": len(entities),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        **{k: round(v, 3) for k, v in times.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "cpu": {k: round(v, 3) for k, v in cpu.items()},  # process CPU seconds per stage (busy machines)
    }
    print(json.dumps(result), file=sys.stderr)


if __name__ == "__main__":
    main()
