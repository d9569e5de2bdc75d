#!/usr/bin/env python3
"""Compares two sets of findings (JSON Lines files or folders of part files) as multisets of whole
findings (every key but a stream's `id`); prints the differences and exits 1 when there are any."""
import json
import os
import sys
from collections import Counter


def load(target):
    files = [os.path.join(target, name) for name in sorted(os.listdir(target)) if name.startswith("part-")] \
        if os.path.isdir(target) else [target]
    found = Counter()
    for name in files:
        with open(name, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    f = json.loads(line)
                    f.pop("id", None)
                    found[json.dumps(f, sort_keys=True, ensure_ascii=False)] += 1
    return found


a, b = load(sys.argv[1]), load(sys.argv[2])
only_a, only_b = a - b, b - a
for key in sorted(only_a):
    print("only in", sys.argv[1], key)
for key in sorted(only_b):
    print("only in", sys.argv[2], key)
print(f"{sum(a.values())} and {sum(b.values())} findings; {sum(only_a.values()) + sum(only_b.values())} differ")
sys.exit(1 if only_a or only_b else 0)
