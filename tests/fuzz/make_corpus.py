#!/usr/bin/env python3
"""Regenerates the seed corpora tests/fuzz/corpus/<target>/ and the dictionaries
tests/fuzz/<target>.dict from examples/, tests/data/ and hand-made edge cases.

Usage: tests/fuzz/make_corpus.py [--castgraph PATH]
  --castgraph: a built castgraph CLI; when given, the episode-JSON corpus also gets
  `castgraph parse` output of the example episodes (otherwise a hand-written record).
Deterministic: rerunning gives the same files. Keeps every seed small (the whole
corpus stays well under 1 MB)."""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
LISTING = (REPO / "examples" / "latent-space-listing.txt").read_text(encoding="utf-8")
ALIASES = (REPO / "examples" / "aliases.json").read_bytes()
DATA = REPO / "tests" / "data"


def listing_episodes():
    """The example page split into episodes: lists of lines (title .. tags)."""
    lines = LISTING.split("\n")
    starts = [i - 1 for i, line in enumerate(lines) if line == "Watch with Captions"]
    starts = [s - 2 for s in starts]  # title, duration, languages, Watch...
    episodes = []
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        episodes.append(lines[s:end])
    return episodes


def shorten_body(body, summary_chars=400, chapters=2, chapter_chars=300, items=8):
    """Summary start, the first chapters and the first entity-list items of a body line."""
    entities_at = max(body.find("## Entities"), body.find("## Entités"))
    head, entities = (body[:entities_at], body[entities_at:]) if entities_at >= 0 else (body, "")
    parts = head.split(" ## [")
    out = parts[0][:summary_chars].rstrip()
    for part in parts[1:1 + chapters]:
        out += " ## [" + part[:chapter_chars].rstrip()
    if entities:
        pieces = entities.split(" - **")
        out += " " + " - **".join(pieces[:items + 1]).rstrip()
    return out


def short_episode(episode, **kw):
    lines = list(episode)
    body_index = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[body_index] = shorten_body(lines[body_index], **kw)
    return "\n".join(lines).rstrip("\n") + "\n"


def write(directory, name, content):
    directory.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    (directory / name).write_bytes(data)


PAGE = """{title}
{duration}
EN/FR
Watch with Captions
Showil y a 2 jours

{title}

{body}

#tag-one#tag-two
"""


def page(body, title="Edge Case Episode — Ada Lovelace", duration="10:00"):
    return PAGE.format(title=title, body=body, duration=duration)


LISTING_EDGES = {
    "empty": "",
    "only-title": "Only A Title\n",
    "title-duration": "Title Then Duration\n12:34\n",
    "title-duration-no-newline": "Title Then Duration\n1:02:03",
    "header-only": "LaiDub\n\nPodcasts\n\n",
    "truncated-chapter": page("Summary text. ## ["),
    "truncated-chapter-stamp": page("Summary text. ## [00:1"),
    "chapter-no-close": page("Summary. ## [00:00 Intro Ada speaks. ## Entities - **Ada** (Person): x."),
    "huge-timestamp": page("Summary. ## [99999999:99] Big Ada opens the show. ## [999:59] Late chapter here. "
                           "## [1:00:00:00] Four parts. ## [9:99:99] Bad minutes."),
    "huge-duration": page("Summary.", duration="999:59:59"),
    "bad-duration": "Title\n00:75\n\nTitle\n\nBody ## [00:00] Intro x.\n",
    "nul-bytes": page("Sum\x00mary ## [00:00] In\x00tro Ada explains. ## Entities - **A\x00da** (Person): x\x00.",
                      title="Nul\x00 Title — Ada Lovelace"),
    "unterminated-quote": page("Summary > *\"never closed ## [00:00] Intro > *\"quote\"*x and \"* more"),
    "quotes": page("Summary > *\"one\"* ## [00:00] Intro Ada speaks. > *\"two \"*\"* ## [00:30] Next Ada "
                   "opens. > *\"three\"*"),
    "duplicate-entities": page("S. ## Entities - **Ada** (Person): a. ## Entités - **Ada** (Personne) : b."),
    "entity-shapes": page("S. ## Entities lead text - **** (Person): x. - **A** Person: x. - **B** (Person) x. "
                          "- **C** (): x. - **D** ((Nested) Type): ok. - **E** (Unclosed: x. - **F"),
    "unknown-section": page("S. ## Foo bar ## [00:00] Intro x ## 123 ## é accent"),
    "stray-lines": "LaiDub\n\nFirst — Ada Lovelace\n10:00\nstray\n\nFirst — Ada Lovelace\n\nBody\n\n#t\n"
                   "another stray\nlast line\n",
    "same-title-twice": page("A. ## Entities - **Ada Lovelace** (Person): x.") +
                        page("A longer body. ## [00:00] Intro Ada opens. ## Entities - **Ada Lovelace** (Person): "
                             "x. - **Engine** (Concept): y."),
    "crlf": page("S. ## [00:00] Intro Ada opens the show.").replace("\n", "\r\n"),
    "em-dash-emoji-title": page("S.", title="🎙️🚀 Agents—Grace Hopper & Alan Turing, Bletchley Park"),
    "fr-date": "Épisode — Jean Dupont\n1:00\nFR\nShow de testdepuis 3 semaines\n\nÉpisode — Jean Dupont\n\n"
               "Résumé. ## Entités - **Jean Dupont** (Personne) : Animateur du podcast.\n",
    "no-watch-line": "Title X\n01:00\nLatent Spaceyesterday\nTitle X\nBody ## [00:00] Intro.\n#t\n",
    "tags-only": "Tagged Title\n01:00\n\n#a#b##c# #d\n",
}

INVALID_UTF8 = {
    "invalid-utf8-title": b"Bad \xff Title\n10:00\n\nBad \xff Title\n\nBody.\n",
    "invalid-utf8-body": page("Body ## [00:00] Intro ").encode() + b"\xc3\x28 \xe2\x82 \xf0\x9f\x98\n",
    "invalid-utf8-header": b"Lai\xc0\xafDub\n\nGood Title\n01:00\n\nGood Title\n\nBody.\n",
    "overlong-and-surrogate": page("Body").encode() + b"\xed\xa0\x80 \xc0\x80 \xf4\x90\x80\x80\n",
}

TITLES = [
    "Title — Guest Name",
    "Title— Guest Name",
    "Title — Ada Lovelace & Alan Turing",
    "Title — Alex Rives, BioHub & Noah Smith, Noahpinion",
    "Title — Alex Rives, BioHub",
    "⚡️ Matt Pocock - Why Fundamentals matter",
    "The Agent-Native Cloud: Jake Cooper on Railway's Future",
    "Jake Cooper on Railway",
    "Ludwig van Beethoven and Clara Schumann et Jean de La Fontaine",
    "—",
    " — ",
    "Title — ",
    "Title — A & ",
    "Title — Ada Lovelace,",
    "🔬How GPT-5 derived new results in theoretical physics — Alex Lupsasca",
    "👩‍👩‍👧‍👦 Family — Zoë Ångström",
    "Title — Ａｄａ Ｌｏｖｅｌａｃｅ",
    "Title \u2014\u2014 Double Dash",
    "a: b: c on d on e: F G on h",
    "",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--castgraph", help="built castgraph CLI, for episode-JSON seeds")
    args = parser.parse_args()

    corpus = HERE / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    episodes = listing_episodes()

    # ---- listing pages (fuzz_listing_parser, fuzz_pipeline) ----
    listing = corpus / "fuzz_listing_parser"
    pipeline = corpus / "fuzz_pipeline"
    for index in (0, 3, 4, 8, 10):  # English, French, French, two guests, "Guest - Title"
        write(listing, f"example-episode-{index:02d}.txt", short_episode(episodes[index]))
    write(listing, "example-episode-10-full.txt", "\n".join(episodes[10]).rstrip("\n") + "\n")
    write(listing, "example-page-head.txt",
          "LaiDub\n\nPodcasts\n\n" + "".join(short_episode(e, chapters=1, items=4) for e in episodes[:3]))
    write(listing, "bad-page.txt", (DATA / "bad-page.txt").read_bytes())
    for name, content in LISTING_EDGES.items():
        write(listing, name + ".txt", content)
    for name, content in INVALID_UTF8.items():
        write(listing, name + ".txt", content)

    # The pipeline gets pages with several episodes sharing entities, and the edge cases.
    write(pipeline, "example-page-4-episodes.txt",
          "LaiDub\n\nPodcasts\n\n" + "".join(short_episode(e, items=10) for e in episodes[3:7]))
    write(pipeline, "example-page-2-episodes.txt",
          "".join(short_episode(e, chapters=1, items=12) for e in (episodes[0], episodes[10])))
    write(pipeline, "bad-page.txt", (DATA / "bad-page.txt").read_bytes())
    for name in ("same-title-twice", "duplicate-entities", "entity-shapes", "em-dash-emoji-title", "fr-date",
                 "huge-timestamp", "nul-bytes", "quotes"):
        write(pipeline, name + ".txt", LISTING_EDGES[name])
    write(pipeline, "hosts-and-aliases.txt", page(
        "Summary with OpenClaw and swyx. ## [00:00] Intro Ada opens with Clawdbot news. ## Entities "
        "- **Shawn Wang / swyx** (Person): Host of Latent Space. - **OpenClaw** (Software): Agent (formerly "
        "Clawdbot). - **AI Engineer Europe (AIE)** (Event): Conference. - **Modular AI** (Organization): Lab. "
        "- **Modular** (Organisation): Lab. - **Google DeepMind** (Organization): Lab. - **DeepMind** "
        "(Organization): Lab. - **Lex Friedman** (Person): Host. - **Lex Fridman** (Personne): Co-animateur. "
        "- **C++** (Software): Language. - **C** (Software): Language. - **Ada Lovelace** (Person): Guest.",
        title="Agents — Ada Lovelace, Modular"))

    # ---- episode JSON (fuzz_episode_json) ----
    ejson = corpus / "fuzz_episode_json"
    write(ejson, "malformed.json", (DATA / "malformed.json").read_bytes())
    write(ejson, "hostile-names.json", (DATA / "hostile-names.json").read_bytes())
    if args.castgraph:
        for index in (0, 3):
            text = short_episode(episodes[index], chapters=2, items=5)
            out = subprocess.run([args.castgraph, "-q", "parse", "-"], input=text.encode(), check=True,
                                 capture_output=True).stdout
            write(ejson, f"example-episode-{index:02d}.json", out)
    record = {
        "id": "episode:show/edge", "title": "Edge — Ada Lovelace",
        "guests": [{"name": "Ada Lovelace", "affiliation": ""}], "podcast": "Show", "published": "il y a 1 jour",
        "duration_s": 600, "languages": ["EN", "FR"], "summary": "Sum\u0000mary",
        "chapters": [{"start_s": 0, "title": "Intro", "text": "Ada opens."}],
        "quotes": [{"text": "q", "chapter": 0}, {"text": "s", "chapter": None}],
        "entity_list": {"header": "Entities", "language": "en",
                        "items": [{"name": "Ada Lovelace", "type": "Person", "description": "x"}]},
        "tags": ["a"], "source": {"file": "p.txt", "line": 5}}
    doc = {"format": "castgraph-episodes", "version": 1, "episodes": [record]}
    write(ejson, "record.json", json.dumps(doc, ensure_ascii=False, indent=1))
    bad_records = [
        {"title": ""}, {"title": "   "}, {"podcast": "no title"}, 7, None, [],
        {"title": "q", "quotes": [{"text": "x", "chapter": 3}]},
        {"title": "d", "duration_s": -1}, {"title": "d", "duration_s": 4294967296}, {"title": "d", "duration_s": 1.5},
        {"title": "c", "chapters": [{"title": "no start"}]}, {"title": "c", "chapters": [{"start_s": 4294967295}]},
        {"title": "e", "entity_list": {"items": [{"name": " ", "type": "Person"}]}},
        {"title": "e", "entity_list": []}, {"title": "s", "source": "x"}, {"title": "t", "tags": [1]},
        {"title": "g", "guests": [{"affiliation": "x"}]}, {"title": "n", "id": "", "podcast": None},
    ]
    write(ejson, "bad-records.json", json.dumps({"format": "castgraph-episodes", "episodes": bad_records}))
    write(ejson, "empty", "")
    write(ejson, "empty-object.json", "{}")
    write(ejson, "not-object.json", "[1, 2, 3]")
    write(ejson, "wrong-format.json", '{"format": "castgraph-graph", "version": 1, "episodes": []}')
    write(ejson, "wrong-version.json", '{"format": "castgraph-episodes", "version": 2, "episodes": []}')
    write(ejson, "episodes-object.json", '{"episodes": {"title": "x"}}')
    write(ejson, "deep-array.json", "[" * 5000)
    write(ejson, "deep-format.json", '{"format": ' + "[" * 3000 + "]" * 3000 + "}")
    write(ejson, "deep-record.json", '{"episodes": [{"title": "x", "guests": ' + "[" * 3000 + "]" * 3000 + "}]}")
    write(ejson, "invalid-utf8-string.json", b'{"episodes": [{"title": "bad \xff\xfe"}]}')
    write(ejson, "escapes.json", '{"episodes": [{"title": "\\ud83d\\ude80 \\u0000 \\ud800", "summary": "\\u00e9"}]}')
    write(ejson, "duplicate-keys.json", '{"episodes": [], "episodes": [{"title": "a", "title": "b"}]}')
    write(ejson, "numbers.json", '{"version": 1.0, "episodes": [{"title": "n", "duration_s": 1e3, '
                                 '"chapters": [{"start_s": -0}]}]}')

    # ---- aliases (fuzz_aliases) ----
    aliases = corpus / "fuzz_aliases"
    write(aliases, "aliases.json", ALIASES)
    write(aliases, "minimal.json", '{"entities": [{"canonical": "OpenClaw", "kind": "software"}]}')
    write(aliases, "merge-page-names.json", json.dumps({
        "format": "castgraph-aliases", "version": 1,
        "entities": [{"canonical": "Claude", "kind": "Product", "aliases": ["Claude Code", "Clawd"]},
                     {"canonical": "Omar Sanseviero", "kind": "Person", "aliases": ["swyx"]},
                     {"canonical": "GitHub", "kind": "Organization", "aliases": ["GitHub Copilot", "DeepMind"]}],
        "distinct": [["OpenClaw", "Clawdbot"], ["swyx", "Shawn Wang"]]}))
    write(aliases, "bad-kind.json", '{"entities": [{"canonical": "X", "kind": "Planet"}]}')
    write(aliases, "empty-name.json", '{"entities": [{"canonical": " ", "kind": "Person"}]}')
    write(aliases, "distinct-triple.json", '{"distinct": [["a", "b", "c"], ["a"]]}')
    write(aliases, "not-object.json", '["format", "castgraph-aliases"]')
    write(aliases, "wrong-format.json", '{"format": "castgraph-episodes"}')
    write(aliases, "invalid-utf8.json", b'{"entities": [{"canonical": "\xc3\x28", "kind": "Person"}]}')
    write(aliases, "deep.json", '{"entities": ' + "[" * 3000 + "]" * 3000 + "}")
    write(aliases, "empty", "")
    write(aliases, "alias-is-canonical.json", json.dumps({"entities": [
        {"canonical": "OpenClaw", "kind": "Software", "aliases": ["OpenClaw", "openclaw", "OPENCLAW"]},
        {"canonical": "OpenClaw", "kind": "Product", "aliases": ["Moltbot"]}],
        "distinct": [["OpenClaw", "OpenClaw"]]}))

    # ---- titles (fuzz_title) ----
    titles = corpus / "fuzz_title"
    for n, episode in enumerate(episodes):
        write(titles, f"example-title-{n:02d}.txt", episode[0])
    for n, title in enumerate(TITLES):
        write(titles, f"edge-title-{n:02d}.txt", title)
    write(titles, "invalid-utf8.txt", b"Title \xe2\x80 \xff\xfe \xe2\x80\x94 Ada \xc3 Lovelace")
    write(titles, "nul.txt", b"Title \xe2\x80\x94 Ada\x00 Lovelace")
    write(titles, "chapter-heading.txt", "Hook Kyle opens mid-sentence, already deep in his argument. More text.")
    write(titles, "chapter-heading-fr.txt", "Brandon et RJ Gemma 4 hérite de Gemini et Google a annoncé la suite.")

    # ---- dictionaries ----
    listing_tokens = ["## ", "## [", "]", "## [00:00] ", "## [1:02:03] ", "## Entities", "## Entités",
                      "## Entites", " - **", "- **", "**", "** (", "): ", ") : ", "(Person)", "(Personne)",
                      "(Organization)", "(Software)", "(Logiciel/Base de données)", "(Concept)", "> *\"", "\"*",
                      "\"* ", "Watch with Captions", "\n", "\r\n", "\n\n", "EN/ZH", "EN/FR", "1:24:44", "14:47",
                      "99:59", "il y a 1 jour", "il y a ", "depuis ", " ago", "yesterday", "today", "hier",
                      "aujourd'hui", "just now", "#", "#tag", " — ", "—", " - ", " & ", " and ", " et ", " on ",
                      ": ", ", ", "⚡️ ", "🔬", "\u00a0", "\u2028", "\ufeff", b"\xff", b"\xc3", "\x00"]
    pipeline_tokens = listing_tokens + ["Host of ", "co-host", "Co-animateur", "Animateur du podcast ",
                                        "(formerly ", "formerly known as ", "previously called ", "anciennement ",
                                        " (AIE)", " / ", " AI", " Inc.", "Google ", "Meta FAIR"]
    json_tokens = ['"format"', '"castgraph-episodes"', '"version"', '"episodes"', '"id"', '"title"', '"guests"',
                   '"name"', '"affiliation"', '"podcast"', '"published"', '"duration_s"', '"languages"',
                   '"summary"', '"chapters"', '"start_s"', '"text"', '"quotes"', '"chapter"', '"entity_list"',
                   '"header"', '"language"', '"items"', '"type"', '"description"', '"tags"', '"source"',
                   '"file"', '"line"', "null", "true", "false", "4294967295", "4294967296", "-1", "1e9", "0.5",
                   "[", "]", "{", "}", ":", ",", '""', "\\u0000", "\\ud800", "\\udc00", "\\ud83d\\ude80", "\\\"",
                   "\\\\"]
    alias_tokens = ['"format"', '"castgraph-aliases"', '"version"', '"entities"', '"canonical"', '"kind"',
                    '"aliases"', '"distinct"', '"Person"', '"person"', '"Organization"', '"Software"',
                    '"Product"', '"Concept"', '"Other"', '"OpenClaw"', '"Clawdbot"', '"Moltbot"', '"swyx"',
                    '"Shawn Wang"', '"Claude"', '"Claude Code"', '"GitHub"', '"GitHub Copilot"',
                    '"GitHub Actions"', '"Google DeepMind"', '"DeepMind"', '"GDM"', '"Omar Sanseviero"',
                    '"Latent Space"', "[", "]", "{", "}", ":", ",", "null", "\\u0000"]
    title_tokens = [" — ", "—", "— ", " – ", " - ", " & ", " and ", " et ", " on ", ": ", ", ", " van ", " de ",
                    " bin ", "⚡️ ", "🔬", "🎙️", "\u200d", "\ufe0f", "\u00a0", "Ada ", "Lovelace", "Zoë",
                    "Hook ", " opens ", ". ", "?", "!", "'s", b"\xff", "\x00"]

    def write_dict(name, tokens):
        lines = ["# libFuzzer dictionary for %s (generated by make_corpus.py)" % name]
        for token in dict.fromkeys(tokens):
            data = token if isinstance(token, bytes) else token.encode("utf-8")
            escaped = "".join(chr(b) if 0x20 <= b < 0x7f and b not in (0x22, 0x5c) else "\\x%02X" % b
                              for b in data)
            lines.append('"%s"' % escaped)
        (HERE / (name + ".dict")).write_text("\n".join(lines) + "\n")

    write_dict("fuzz_listing_parser", listing_tokens)
    write_dict("fuzz_pipeline", pipeline_tokens)
    write_dict("fuzz_episode_json", json_tokens)
    write_dict("fuzz_aliases", alias_tokens)
    write_dict("fuzz_title", title_tokens)

    total = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
    print("corpus: %d files, %d bytes" % (sum(1 for p in corpus.rglob("*") if p.is_file()), total))
    if total >= 1_000_000:
        sys.exit("corpus too large")


if __name__ == "__main__":
    main()
