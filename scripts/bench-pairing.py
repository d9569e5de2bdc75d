#!/usr/bin/env python3
"""Pairing at scale: N sources x N translations made from Corpora/ (each copy gets its own URL id
and its own numbers, dates and names), half of the translations with their URL line and half text
only. Reports whole-process wall time, peak RSS and accuracy.

usage: scripts/bench-pairing.py [N] [--tolk .build/release/tolk]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Corpora")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=10000)
    parser.add_argument("--tolk", default=os.path.join(ROOT, ".build/release/tolk"))
    args = parser.parse_args()
    bases = sorted(d for d in os.listdir(CORPUS) if os.path.exists(os.path.join(CORPUS, d, "meta.json")))
    texts = {b: (open(os.path.join(CORPUS, b, "vi.txt"), encoding="utf-8").read(),
                 open(os.path.join(CORPUS, b, "nb.txt"), encoding="utf-8").read()) for b in bases}
    root = tempfile.mkdtemp(prefix="tolk-pair-bench-")
    sources, translations = os.path.join(root, "sources"), os.path.join(root, "translations")
    expected = {}
    for k in range(args.n):
        base = bases[k % len(bases)]
        vi, nb = texts[base]
        article_id = 2_000_000 + k
        day, month, year = 1 + k % 28, 1 + (k // 28) % 12, 2000 + (k // 336) % 40
        amount = f"{k * 7 + 13},{k % 10}"
        name = "".join(chr(ord("a") + (k // 26 ** i) % 26) for i in range(4)).capitalize()
        vi_extra = f"Theo ông Nguyễn {name}, dự án số {k} trị giá {amount} tỷ đồng được phê duyệt ngày {day}/{month}/{year}."
        nb_extra = f"Ifølge Nguyen {name} ble prosjekt nummer {k} til {amount} milliarder dong godkjent {day}/{month}/{year}."
        folder = os.path.join(sources, f"a{k:05d}")
        os.makedirs(folder)
        url = f"https://www.vietnamplus.vn/bai-viet-so-{k}-post{article_id}.vnp"
        open(os.path.join(folder, "vi.txt"), "w", encoding="utf-8").write(vi.replace("\n(TTXVN/Vietnam+)", f"\n{vi_extra}\n\n(TTXVN/Vietnam+)"))
        json.dump({"source_url": url}, open(os.path.join(folder, "meta.json"), "w"))
        page = nb.replace("\n(TTXVN/Vietnam+)", f"\n{nb_extra}\n\n(TTXVN/Vietnam+)")
        page = re.sub(r"^Kilde: \S+$", f"Kilde: {url}" if k % 2 == 0 else "", page, flags=re.M)
        os.makedirs(translations, exist_ok=True)
        path = os.path.join(translations, f"t{k:05d}.txt")
        open(path, "w", encoding="utf-8").write(page)
        expected[path] = os.path.join(folder, "vi.txt")
    start = time.time()
    if os.environ.get("KEEP"):
        print("kept", root)
    run = subprocess.run(["/usr/bin/time", "-f", "%M", args.tolk, "pair", "--sources", sources, "--translations", translations],
                         capture_output=True, text=True, check=True)
    wall = time.time() - start
    rss_kib = int(run.stderr.strip().splitlines()[-1])
    correct = sum(1 for line in run.stdout.splitlines() if json.loads(line)["source"] == expected[json.loads(line)["translation"]])
    print(f"{args.n} sources x {args.n} translations: {wall:.1f} s wall, peak RSS {rss_kib // 1024} MiB, accuracy {correct / args.n:.4f}")
    wrong = [line for line in run.stdout.splitlines() if json.loads(line)["source"] != expected[json.loads(line)["translation"]]]
    for line in wrong[:3]:
        print("wrong:", line[:300])
    if not os.environ.get("KEEP"):
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
