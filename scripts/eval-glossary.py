#!/usr/bin/env python3
"""Precision and recall of `tolk glossary check` against the glossary findings in Corpora/*/gold.json.

A finding counts when file, line, column and rule all match a gold finding (rules glossary-*).
usage: scripts/eval-glossary.py [--tolk .build/release/tolk] [--glossary Glossaries/vi-nb.tbx]
"""
import argparse
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tolk", default=os.path.join(ROOT, ".build/release/tolk"))
    parser.add_argument("--glossary", default="Glossaries/vi-nb.tbx")
    args = parser.parse_args()
    run = subprocess.run([args.tolk, "glossary", "check", "--glossary", args.glossary, "--format", "json", "Corpora"],
                         capture_output=True, text=True, cwd=ROOT)
    if run.returncode not in (0, 1):
        raise SystemExit(run.stderr)
    found = {(f["path"], f["line"], f["column"], f["rule"]) for f in map(json.loads, run.stdout.splitlines())}
    gold = set()
    clean_pairs = []
    for pair in sorted(os.listdir(os.path.join(ROOT, "Corpora"))):
        path = os.path.join(ROOT, "Corpora", pair, "gold.json")
        if not os.path.exists(path):
            continue
        findings = json.load(open(path, encoding="utf-8"))["findings"]
        if not findings:
            clean_pairs.append(pair)
        for f in findings:
            if f["rule"].startswith("glossary-"):
                gold.add((f"Corpora/{pair}/{f['file']}", f["line"], f["column"], f["rule"]))
    correct = found & gold
    print(f"glossary findings: {len(found)} reported, {len(gold)} in gold, {len(correct)} correct")
    print(f"precision {len(correct) / max(len(found), 1):.3f}, recall {len(correct) / max(len(gold), 1):.3f}")
    on_clean = [f for f in found if any(f"/{p}/" in f[0] for p in clean_pairs)]
    print(f"findings on the clean pairs: {len(on_clean)}")
    for f in sorted(found - gold):
        print("  not in gold:", f)
    for f in sorted(gold - found):
        print("  missed:", f)


if __name__ == "__main__":
    main()
