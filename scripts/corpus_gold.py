"""The expected findings of Corpora/*/gold.json and how a tool's findings score against them.

A finding is the tuple (path, line, column, rule); it counts when all four match a gold finding.
"""
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_findings(command):
    """Runs a tolk command with --format json in the project root; returns its findings as tuples."""
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if run.returncode not in (0, 1):
        raise SystemExit(run.stderr)
    return {(f["path"], f["line"], f["column"], f["rule"]) for f in map(json.loads, run.stdout.splitlines())}


def read_gold(rule_prefix=""):
    """The gold findings whose rule starts with rule_prefix, and the pairs whose gold is empty."""
    gold, clean = set(), []
    for pair in sorted(os.listdir(os.path.join(ROOT, "Corpora"))):
        path = os.path.join(ROOT, "Corpora", pair, "gold.json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as file:
            findings = json.load(file)["findings"]
        if all(f.get("scope") == "page" for f in findings):
            clean.append(pair)
        gold |= {(f"Corpora/{pair}/{f['file']}", f["line"], f["column"], f["rule"])
                 for f in findings if f["rule"].startswith(rule_prefix)}
    return gold, clean


def report(label, found, gold, clean):
    """Prints precision, recall, findings on the clean pairs and every difference."""
    correct = found & gold
    print(f"{label} findings: {len(found)} reported, {len(gold)} in gold, {len(correct)} correct")
    print(f"precision {len(correct) / max(len(found), 1):.3f}, recall {len(correct) / max(len(gold), 1):.3f}")
    print(f"findings not in gold on the clean pairs: {sum(1 for f in found - gold if any(f'/{p}/' in f[0] for p in clean))}")
    for f in sorted(found - gold):
        print("  not in gold:", f)
    for f in sorted(gold - found):
        print("  missed:", f)
