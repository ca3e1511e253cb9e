#!/usr/bin/python3
"""Writes the large hostile inputs (too big to commit) into a directory, deterministically.

Usage: generate.py DIR
  long-line.txt    a page whose summary is one 10 MB line
  big-list.txt     one episode with 100,000 entity-list items
  deep.json        episode JSON nested 100,000 arrays deep
  huge.json        episode JSON with 20,000 episodes (about 15 MB)
  nul-bytes.txt    NUL bytes in a title, a summary and a name
"""

import json
import os
import random
import sys

HEAD = "{title}\n1:00:00\nEN\nWatch with Captions\nHostile Showil y a 1 jour\n\n{title}\n\n{body}\n\n#hostile\n"


def page(title, body):
    return HEAD.format(title=title, body=body)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20261126)

    def word():
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 9))).capitalize()

    sentence = "Kyle Daigle talks about OpenClaw and GitHub while nobody stops. "
    summary = (sentence * (10 * 1024 * 1024 // len(sentence) + 1))[: 10 * 1024 * 1024]
    with open(os.path.join(out, "long-line.txt"), "w", encoding="utf-8") as handle:
        handle.write(page("A Very Long Line — Kyle Daigle",
                          summary + " ## [00:00] Intro OpenClaw. ## Entities - **OpenClaw** (Software): agent. - **Kyle Daigle** (Person): guest."))

    items = " ".join(f"- **{word()} {word()}** (Person): person number {i}." for i in range(100000))
    with open(os.path.join(out, "big-list.txt"), "w", encoding="utf-8") as handle:
        handle.write(page("One Hundred Thousand Entities — Ann Example", f"Summary. ## [00:00] Intro Text. ## Entities {items}"))

    with open(os.path.join(out, "deep.json"), "w", encoding="utf-8") as handle:
        handle.write('{"format": "castgraph-episodes", "version": 1, "episodes": ' + "[" * 100000 + "]" * 100000 + "}")

    episodes = []
    for i in range(20000):
        episodes.append({"title": f"Episode {i} — {word()} {word()}", "podcast": "Huge Show", "summary": sentence * 3,
                         "entity_list": {"header": "Entities", "language": "en",
                                         "items": [{"name": f"{word()} {word()}", "type": "Person", "description": "x"},
                                                   {"name": "OpenClaw", "type": "Software", "description": "agent"}]},
                         "tags": ["huge"]})
    with open(os.path.join(out, "huge.json"), "w", encoding="utf-8") as handle:
        json.dump({"format": "castgraph-episodes", "version": 1, "episodes": episodes}, handle)

    with open(os.path.join(out, "nul-bytes.txt"), "w", encoding="utf-8") as handle:
        handle.write(page("Nul\0Title — Ann Example", "Sum\0mary. ## [00:00] Intro Text\0here. ## Entities - **Na\0me** (Person): x. - **Ann Example** (Person): guest."))


if __name__ == "__main__":
    main()
