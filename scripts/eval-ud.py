#!/usr/bin/env python3
"""Tokens and Sentences F1 of `tolk tokenize --format conllu` against a UD treebank.

Rebuilds the raw text from the gold CoNLL-U (sentences of a paragraph joined by a space,
paragraphs at `# newpar` separated by a blank line, SpaceAfter=No respected), runs tolk on it and
scores like the CoNLL 2018 shared task: tokens and sentences are spans over the text with all
whitespace removed, and a span counts when its start and end both match the gold span.

usage: scripts/eval-ud.py --lang nb GOLD.conllu [--tolk .build/release/tolk] [--errors N]
"""
import argparse
import subprocess
import sys


def read_conllu(text):
    """Yields (newpar, [(form, space_after)]) per sentence; multiword tokens count as one token."""
    newpar = False
    tokens = []
    skip_until = 0
    for line in text.splitlines():
        if not line:
            if tokens:
                yield newpar, tokens
            newpar, tokens, skip_until = False, [], 0
            continue
        if line.startswith("#"):
            if line.startswith("# newpar") or line.startswith("# newdoc"):
                newpar = True
            continue
        cols = line.split("\t")
        ident = cols[0]
        if "." in ident:
            continue
        if "-" in ident:
            first, last = map(int, ident.split("-"))
            skip_until = last
        elif int(ident) <= skip_until:
            continue
        tokens.append((cols[1], "SpaceAfter=No" not in cols[9]))
    if tokens:
        yield newpar, tokens


def raw_text(sentences):
    parts = []
    for index, (newpar, tokens) in enumerate(sentences):
        if index > 0:
            parts.append("\n\n" if newpar else " ")
        sentence = ""
        for form, space in tokens:
            sentence += form + (" " if space else "")
        parts.append(sentence.rstrip(" "))
    return "".join(parts) + "\n"


def spans(sentences):
    """Token spans and sentence spans over the whitespace-free character stream."""
    token_spans, sentence_spans, position = [], [], 0
    for _, tokens in sentences:
        start = position
        for form, _ in tokens:
            length = sum(1 for ch in form if not ch.isspace())
            token_spans.append((position, position + length))
            position += length
        sentence_spans.append((start, position))
    return token_spans, sentence_spans, position


def f1(gold, system):
    gold_set, system_set = set(gold), set(system)
    correct = len(gold_set & system_set)
    precision = correct / len(system_set) if system_set else 0.0
    recall = correct / len(gold_set) if gold_set else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("gold")
    parser.add_argument("--lang", required=True)
    parser.add_argument("--tolk", default=".build/release/tolk")
    parser.add_argument("--errors", type=int, default=0, help="print this many sentence and token errors")
    args = parser.parse_args()

    gold = list(read_conllu(open(args.gold, encoding="utf-8").read()))
    raw = raw_text(gold)
    result = subprocess.run([args.tolk, "tokenize", "--lang", args.lang, "--format", "conllu", "-"],
                            input=raw.encode(), capture_output=True, check=True)
    system = list(read_conllu(result.stdout.decode()))
    gold_tokens, gold_sentences, gold_length = spans(gold)
    system_tokens, system_sentences, system_length = spans(system)
    if gold_length != system_length:
        sys.exit(f"character mismatch: gold {gold_length}, system {system_length}")

    for name, g, s in (("Tokens", gold_tokens, system_tokens), ("Sentences", gold_sentences, system_sentences)):
        p, r, f = f1(g, s)
        print(f"{name:10} P {100 * p:6.2f}  R {100 * r:6.2f}  F1 {100 * f:6.2f}  (gold {len(g)}, system {len(s)})")

    if args.errors:
        stream = "".join(ch for ch in raw if not ch.isspace())
        for label, g, s in (("sentence", gold_sentences, system_sentences), ("token", gold_tokens, system_tokens)):
            missed = sorted(set(g) - set(s))[: args.errors]
            extra = sorted(set(s) - set(g))[: args.errors]
            for kind, items in (("missed", missed), ("extra", extra)):
                for start, end in items:
                    context = stream[max(0, start - 30):start] + "|" + stream[start:end][:60] + "|" + stream[end:end + 20]
                    print(f"{label} {kind}: {context}")


if __name__ == "__main__":
    main()
