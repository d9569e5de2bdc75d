#!/usr/bin/env python3
"""Strict and lax precision, recall and F1 of `tolk align` (vecalign bead format).

Precision is over the predicted beads (insertions and deletions included), recall over the gold
beads that have both sides, against predicted beads that have both sides. A bead counts strictly
when it equals a gold bead; laxly when some source index of it is linked by gold to some of its
target indices. This is the measure of the sentence-alignment literature (vecalign, Bleualign).

usage:
  scripts/eval-align.py textberg        Text+Berg de-fr dev (../shared/data/textberg-dev)
  scripts/eval-align.py corpus          paragraph beads of Corpora/*/gold.json (vi -> nb)
  scripts/eval-align.py stress          the corpus's paragraphs as one long pair (--input lines), with
                                        and without the glossary, whole and with every k-th nb
                                        paragraph removed (k = 3, 5; every offset): harder than
                                        `corpus`, and long enough for the lexical model
  scripts/eval-align.py gap             Text+Berg dev copied 216 times (~100k lines a side, each line
                                        marked with its copy) with 6,000 French lines cut out in the
                                        middle: the copies in order, and in a shuffled order of
                                        10-bead chunks (copies then differ as articles do)
  scripts/eval-align.py score GOLD TEST two vecalign files
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOLK = os.environ.get("TOLK", os.path.join(ROOT, ".build/release/tolk"))


def parse(lines):
    beads = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        src, tgt = line.split(":")[:2]
        to_ids = lambda side: tuple(int(x) for x in side.strip()[1:-1].split(",") if x.strip())
        beads.append((to_ids(src), to_ids(tgt)))
    return beads


def counts(gold, test):
    """Strict and lax true/false positives of `test` beads measured against `gold` beads."""
    gold = {b for b in gold if b[0] or b[1]}
    links = defaultdict(set)
    for src, tgt in gold:
        for s in src:
            links[s].update(tgt)
    tp_strict = fp_strict = tp_lax = fp_lax = 0
    for bead in {b for b in test if b[0] or b[1]}:
        if bead in gold:
            tp_strict += 1
            tp_lax += 1
            continue
        fp_strict += 1
        linked = set().union(*(links[s] for s in bead[0])) if bead[0] else set()
        if linked & set(bead[1]):
            tp_lax += 1
        else:
            fp_lax += 1
    return [tp_strict, fp_strict, tp_lax, fp_lax]


def score(pairs):
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in pairs:
        p = [a + b for a, b in zip(p, counts(gold, test))]
        both = lambda beads: [b for b in beads if b[0] and b[1]]
        r = [a + b for a, b in zip(r, counts(both(test), both(gold)))]
    ratio = lambda tp, fp: tp / (tp + fp) if tp + fp else 0.0
    f1 = lambda a, b: 2 * a * b / (a + b) if a + b else 0.0
    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return {"precision_strict": ps, "recall_strict": rs, "f1_strict": f1(ps, rs),
            "precision_lax": pl, "recall_lax": rl, "f1_lax": f1(pl, rl)}


def show(name, result):
    print(f"{name}: strict P {result['precision_strict']:.3f} R {result['recall_strict']:.3f} F1 {result['f1_strict']:.3f}"
          f" | lax P {result['precision_lax']:.3f} R {result['recall_lax']:.3f} F1 {result['f1_lax']:.3f}")


def align(args):
    return parse(subprocess.run([TOLK, "align"] + args, capture_output=True, text=True, check=True).stdout.splitlines())


def corpus_units():
    """The corpus's headline, lede, paragraph and caption texts per pair and its gold beads."""
    pairs = []
    for pair in sorted(os.listdir(os.path.join(ROOT, "Corpora"))):
        folder = os.path.join(ROOT, "Corpora", pair)
        if not os.path.exists(os.path.join(folder, "gold.json")):
            continue
        def units(name):
            page = subprocess.run([TOLK, "extract", "--format", "json", os.path.join(folder, name)],
                                  capture_output=True, text=True, check=True).stdout.splitlines()[0]
            return [e["text"].replace("\n", " ") for e in json.loads(page)["elements"]
                    if e["kind"] in ("headline", "lede", "paragraph", "caption")]
        pairs.append((units("vi.txt"), units("nb.txt"), parse(json.load(open(os.path.join(folder, "gold.json")))["alignment"])))
    return pairs


def stress():
    import tempfile
    source, target, gold = [], [], []
    for vi, nb, beads in corpus_units():
        gold += [(tuple(s + len(source) for s in src), tuple(t + len(target) for t in tgt)) for src, tgt in beads]
        source += vi
        target += nb
    glossary = os.path.join(ROOT, "Glossaries", "vi-nb.tbx")
    with tempfile.TemporaryDirectory() as work:
        def run(nb_lines, with_glossary):
            paths = [os.path.join(work, "vi.txt"), os.path.join(work, "nb.txt")]
            for path, lines in zip(paths, (source, nb_lines)):
                with open(path, "w") as out:
                    out.write("\n".join(lines) + "\n")
            return align(["--src-lang", "vi", "--tgt-lang", "nb", "--unit", "paragraph"]
                         + (["--glossary", glossary] if with_glossary else []) + paths)
        for with_glossary in (True, False):
            label = "glossary" if with_glossary else "no glossary"
            show(f"corpus as one pair ({len(source)} x {len(target)}), {label}", score([(gold, run(target, with_glossary))]))
            for k in (3, 5):
                results = []
                for start in range(k):
                    removed = set(range(start, len(target), k))
                    renumber = {t: n for n, t in enumerate(t for t in range(len(target)) if t not in removed)}
                    shifted = [(src, tuple(renumber[t] for t in tgt if t not in removed)) for src, tgt in gold]
                    kept = [line for t, line in enumerate(target) if t not in removed]
                    results.append(([b for b in shifted if b[0] or b[1]], run(kept, with_glossary)))
                show(f"  1 in {k} nb paragraphs removed, {label}", score(results))


def gap():
    import random
    import re
    import tempfile
    import time
    data = os.path.join(os.path.dirname(ROOT), "shared", "data", "textberg-dev")
    de = open(os.path.join(data, "dev.de")).read().splitlines()
    fr = open(os.path.join(data, "dev.fr")).read().splitlines()
    beads = [tuple([int(x) for x in re.findall(r"\d+", side)] for side in line.split(":"))
             for line in open(os.path.join(data, "dev.defr")).read().splitlines()]
    cut = range(50000, 56000)
    for shuffled in (False, True):
        chooser = random.Random(1)
        source, target, gold = [], [], []
        for k in range(216):
            order = list(range(len(beads)))
            if shuffled:
                chunks = [order[i:i + 10] for i in range(0, len(order), 10)]
                chooser.shuffle(chunks)
                order = [b for chunk in chunks for b in chunk]
            for b in order:
                src, tgt = beads[b]
                gold.append((tuple(range(len(source), len(source) + len(src))), tuple(range(len(target), len(target) + len(tgt)))))
                source += [de[x] + f" ({k})" for x in src]
                target += [fr[x] + f" ({k})" for x in tgt]
        renumber = lambda t: t if t < cut.start else t - len(cut)
        gold = [(src, tuple(renumber(t) for t in tgt if t not in cut)) for src, tgt in gold]
        gold = [b for b in gold if b[0] or b[1]]
        with tempfile.TemporaryDirectory() as work:
            paths = [os.path.join(work, "long.de"), os.path.join(work, "long.fr")]
            for path, lines in zip(paths, (source, [line for t, line in enumerate(target) if t not in cut])):
                with open(path, "w") as out:
                    out.write("\n".join(lines) + "\n")
            start = time.time()
            test = align(["--src-lang", "de", "--tgt-lang", "fr"] + paths)
            label = "shuffled chunks" if shuffled else "copies in order"
            show(f"{len(source)} x {len(target) - len(cut)}, {label}, {time.time() - start:.1f} s", score([(gold, test)]))


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else "textberg"
    if what == "score":
        show("score", score([(parse(open(sys.argv[2])), parse(open(sys.argv[3])))]))
    elif what == "textberg":
        data = os.path.join(os.path.dirname(ROOT), "shared", "data", "textberg-dev")
        test = align(["--src-lang", "de", "--tgt-lang", "fr", os.path.join(data, "dev.de"), os.path.join(data, "dev.fr")])
        show("Text+Berg dev (de-fr)", score([(parse(open(os.path.join(data, "dev.defr"))), test)]))
    elif what == "corpus":
        pairs = []
        glossary = os.path.join(ROOT, "Glossaries", "vi-nb.tbx")
        for pair in sorted(os.listdir(os.path.join(ROOT, "Corpora"))):
            folder = os.path.join(ROOT, "Corpora", pair)
            if not os.path.exists(os.path.join(folder, "gold.json")):
                continue
            gold = parse(json.load(open(os.path.join(folder, "gold.json")))["alignment"])
            test = align(["--src-lang", "vi", "--tgt-lang", "nb", "--input", "article", "--glossary", glossary,
                          os.path.join(folder, "vi.txt"), os.path.join(folder, "nb.txt")])
            pairs.append((gold, test))
            one = score([(gold, test)])
            if one["f1_strict"] < 1:
                print(f"  {pair}: strict F1 {one['f1_strict']:.3f}")
        show(f"Corpus paragraphs (vi-nb, {len(pairs)} pairs)", score(pairs))
    elif what == "stress":
        stress()
    elif what == "gap":
        gap()


if __name__ == "__main__":
    main()
