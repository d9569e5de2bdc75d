#!/usr/bin/env python3
"""Precision and recall of `tolk glossary check` against the glossary findings in Corpora/*/gold.json.

A finding counts when file, line, column and rule all match a gold finding (rules glossary-*).
usage: scripts/eval-glossary.py [--tolk .build/release/tolk] [--glossary Glossaries/vi-nb.tbx]
"""
import argparse
import os

from corpus_gold import ROOT, read_gold, report, run_findings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tolk", default=os.path.join(ROOT, ".build/release/tolk"))
    parser.add_argument("--glossary", default="Glossaries/vi-nb.tbx")
    args = parser.parse_args()
    found = run_findings([args.tolk, "glossary", "check", "--glossary", args.glossary, "--format", "json", "Corpora"])
    report("glossary", found, *read_gold("glossary-"))


if __name__ == "__main__":
    main()
