#!/usr/bin/env python3
"""Precision and recall of `tolk check` (all lint rules, with sources and the glossary) against the
expected findings in Corpora/*/gold.json; findings not in gold on the clean pairs must be zero.

A finding counts when file, line, column and rule match a gold finding.
usage: scripts/eval-lint.py [--tolk .build/release/tolk]
"""
import argparse
import os

from corpus_gold import ROOT, read_gold, report, run_findings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tolk", default=os.path.join(ROOT, ".build/release/tolk"))
    args = parser.parse_args()
    found = run_findings([args.tolk, "check", "--format", "json", "Corpora"])
    report("lint", found, *read_gold())


if __name__ == "__main__":
    main()
