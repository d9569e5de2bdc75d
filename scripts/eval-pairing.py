#!/usr/bin/env python3
"""Pairing accuracy of `tolk pair` on test sets generated from Corpora/.

Scenarios, each a folder of sources and a folder of translations:
  url          translations as published (source URL line)
  altered-url  the URL line rewritten: http, mobile host, query, fragment, trailing slash
  slug-only    the URL line without the article id (slug only)
  images-only  no URL line; image file names and captions kept
  text-only    no URL line, no image file names
  missing-url  three sources removed; their translations keep the URL line (expect "no source")
  missing-text three sources removed; all translations text-only (expect "no source" for those three)

usage: scripts/eval-pairing.py [--tolk .build/release/tolk] [--keep DIR]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Corpora")
URL_LINE = re.compile(r"^Kilde: (\S+)$", re.M)
IMAGE_LINE = re.compile(r"^\S+\.(jpe?g|png|gif|webp)\n", re.M | re.I)


def pairs():
    return sorted(d for d in os.listdir(CORPUS) if os.path.exists(os.path.join(CORPUS, d, "meta.json")))


def variant(text, kind):
    if kind in ("url", "missing-url"):
        return text
    if kind == "altered-url":
        return URL_LINE.sub(lambda m: "Kilde: " + m.group(1).replace("https://www.", "http://m.") + "/?utm_source=facebook#comments", text)
    if kind == "slug-only":
        return URL_LINE.sub(lambda m: "Kilde: " + re.sub(r"-post\d+\.vnp$", ".vnp", m.group(1)), text)
    text = URL_LINE.sub("", text)
    if kind == "images-only":
        return text
    return IMAGE_LINE.sub("", text)  # text-only, missing-text


def build(root, kind, missing):
    sources, translations = os.path.join(root, kind, "sources"), os.path.join(root, kind, "translations")
    os.makedirs(sources)
    os.makedirs(translations)
    expected = {}
    for pair in pairs():
        if pair not in missing:
            os.makedirs(os.path.join(sources, pair))
            for name in ("vi.txt", "meta.json"):
                shutil.copy(os.path.join(CORPUS, pair, name), os.path.join(sources, pair, name))
        text = open(os.path.join(CORPUS, pair, "nb.txt"), encoding="utf-8").read()
        path = os.path.join(translations, f"{pair}-{kind}.txt")
        open(path, "w", encoding="utf-8").write(variant(text, kind))
        expected[path] = None if pair in missing else os.path.join(sources, pair, "vi.txt")
    return sources, translations, expected


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tolk", default=os.path.join(ROOT, ".build/release/tolk"))
    parser.add_argument("--keep", help="write the test sets here instead of a temporary folder")
    args = parser.parse_args()
    root = args.keep or tempfile.mkdtemp(prefix="tolk-pairing-")
    all_pairs = pairs()
    missing = set(all_pairs[1::3])  # three of the eight
    kinds = ["url", "altered-url", "slug-only", "images-only", "text-only", "missing-url", "missing-text"]
    totals = {"cases": 0, "correct": 0}
    url_predicted = url_correct = none_predicted = none_correct = 0
    print(f"{'scenario':13} cases correct")
    for kind in kinds:
        sources, translations, expected = build(root, kind, missing if kind.startswith("missing") else set())
        out = subprocess.run([args.tolk, "pair", "--sources", sources, "--translations", translations],
                             capture_output=True, text=True, check=True).stdout
        correct = 0
        for line in out.splitlines():
            result = json.loads(line)
            want = expected[result["translation"]]
            ok = result["source"] == want
            correct += ok
            if not ok:
                print(f"  wrong: {os.path.basename(result['translation'])} -> {result['source']} ({result['method']}: {result['evidence'][:2]})")
            if result["source"] is None:
                none_predicted += 1
                none_correct += ok
            elif result["method"] == "url":
                url_predicted += 1
                url_correct += ok
        totals["cases"] += len(expected)
        totals["correct"] += correct
        print(f"{kind:13} {len(expected):5} {correct:7}")
    accuracy = totals["correct"] / totals["cases"]
    print(f"accuracy {accuracy:.3f} ({totals['correct']}/{totals['cases']})")
    print(f"precision of url matches {url_correct}/{url_predicted}, of 'no source' answers {none_correct}/{none_predicted}")
    if not args.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
