#!/usr/bin/env python3
"""Writes a corpus of COPIES x the bundled pairs (corpus layout: OUT/<article>-<k>/vi.txt, nb.txt,
meta.json) for scale and agreement tests. Each copy gets its own article id (in meta.json's
source_url and the translation's source line), and some copies render a glossary concept with
another admitted term, so the check across articles has something to find.

    scripts/gen-corpus.py COPIES OUT [--flat]   (--flat: OUT/sources/*.txt and OUT/translations/*.txt, no meta.json)
"""
import json
import os
import re
import sys

copies, out = int(sys.argv[1]), sys.argv[2]
flat = "--flat" in sys.argv[3:]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Corpora")
variants = [("Vietnams kommunistparti", "det vietnamesiske kommunistpartiet"), ("Vietnams nyhetsbyrå", "VNA")]
for k in range(copies):
    for article in sorted(os.listdir(root)):
        folder = os.path.join(root, article)
        if not os.path.isfile(os.path.join(folder, "nb.txt")):
            continue
        source = open(os.path.join(folder, "vi.txt"), encoding="utf-8").read()
        translation = open(os.path.join(folder, "nb.txt"), encoding="utf-8").read()
        meta = json.load(open(os.path.join(folder, "meta.json"), encoding="utf-8"))

        def renumber(text):
            return re.sub(r"post(\d+)", lambda m: f"post{int(m.group(1)) * 10000 + k}", text)

        translation = renumber(translation)
        meta["source_url"] = renumber(meta["source_url"])
        old, new = variants[k % len(variants)]
        if k % 3 == 1:
            translation = translation.replace(old, new)
        name = f"{article}-{k}"
        if flat:
            for side, text in (("sources", source), ("translations", translation)):
                os.makedirs(os.path.join(out, side), exist_ok=True)
                open(os.path.join(out, side, name + ".txt"), "w", encoding="utf-8").write(text)
        else:
            os.makedirs(os.path.join(out, name), exist_ok=True)
            open(os.path.join(out, name, "vi.txt"), "w", encoding="utf-8").write(source)
            open(os.path.join(out, name, "nb.txt"), "w", encoding="utf-8").write(translation)
            json.dump(meta, open(os.path.join(out, name, "meta.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)
