#!/usr/bin/env python3
"""Precision and recall of `tolk check` (all lint rules, with sources and the glossary) against the
expected findings in Corpora/*/gold.json; findings on the clean pairs must be zero.

A finding counts when file, line, column and rule match a gold finding.
usage: scripts/eval-lint.py [--tolk .build/release/tolk]
"""
import argparse
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tolk", default=os.path.join(ROOT, ".build/release/tolk"))
    args = parser.parse_args()
    run = subprocess.run([args.tolk, "check", "--format", "json", "Corpora"], capture_output=True, text=True, cwd=ROOT)
    if run.returncode not in (0, 1):
        raise SystemExit(run.stderr)
    found = {(f["path"], f["line"], f["column"], f["rule"]) for f in map(json.loads, run.stdout.splitlines())}
    gold, clean = set(), []
    for pair in sorted(os.listdir(os.path.join(ROOT, "Corpora"))):
        path = os.path.join(ROOT, "Corpora", pair, "gold.json")
        if not os.path.exists(path):
            continue
        findings = json.load(open(path, encoding="utf-8"))["findings"]
        if not findings:
            clean.append(pair)
        gold |= {(f"Corpora/{pair}/{f['file']}", f["line"], f["column"], f["rule"]) for f in findings}
    correct = found & gold
    precision = len(correct) / max(len(found), 1)
    recall = len(correct) / max(len(gold), 1)
    print(f"lint findings: {len(found)} reported, {len(gold)} expected, {len(correct)} correct")
    print(f"precision {precision:.3f}, recall {recall:.3f}")
    print(f"findings on the clean pairs: {sum(1 for f in found if any(f'/{p}/' in f[0] for p in clean))}")
    for f in sorted(found - gold):
        print("  not expected:", f)
    for f in sorted(gold - found):
        print("  missed:", f)


if __name__ == "__main__":
    main()
