#!/usr/bin/env python3
"""tolk on Apache Spark: check an archive of translations against their sources.

    python3 integrations/spark/tolk_spark.py --sources DIR --translations DIR [--glossary FILE] --out DIR
        [--master local[2]] [--tolk PATH] [--input-format text|jsonl|parquet] [--partitions N]

Three stages, each done by tolk itself so the answers are those of
`tolk check --sources DIR --translations DIR --format json`:

1. Fingerprint (distributed): every page goes through `tolk pair --fingerprint` on the executors.
   A fingerprint is small (URL, slug words, image names, anchors).
2. Pair (driver): the fingerprints are collected and paired by `tolk pair --source-fingerprints ...
   --translation-fingerprints ...`, tolk's own Pairer. Pairing needs every source at once (a URL, a
   slug or the rarest shared anchors decide, and one source goes to one translation), so splitting
   it by partition would change answers; fingerprints are what make one place affordable
   (about 1-2 KB per page: a million pages is a few GB on the driver).
3. Check (distributed): each pair becomes a JSON Lines record piped through `tolk check --jsonl`;
   glossary and binary are shipped to the executors with `SparkContext.addFile`.

Writes OUT/findings/ (JSON Lines, the keys of `tolk check --format json`, sorted by path, line,
column, rule) and OUT/summary.json (counts per article and rule). Exit 0 when the job ran, findings
or not; 1 when it could not (a page tolk cannot read, a failed stage).
"""

import argparse
import json
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import threading
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


class JobError(Exception):
    """A failure the job reports in one line (exit 1)."""


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", required=True, help="folder (or dataset, see --input-format) of source articles")
    parser.add_argument("--translations", required=True, help="folder (or dataset) of translated pages")
    parser.add_argument("--glossary", help="a glossary (.tbx or .csv) shipped to the executors")
    parser.add_argument("--config", help="a .tolk.yml shipped to the executors (not searched for, unlike tolk check's)")
    parser.add_argument("--out", required=True, help="output folder: findings/ and summary.json")
    parser.add_argument("--master", default="local[2]", help="Spark master (local[2], yarn, spark://host:7077)")
    parser.add_argument("--tolk", default=None, help="the tolk binary, built for the executors' OS (default: .build/release/tolk)")
    parser.add_argument(
        "--input-format", choices=["text", "jsonl", "parquet"], default="text",
        help="text: .txt/.md files below each folder; jsonl/parquet: records with 'path' and 'text' (and 'url' for sources)")
    parser.add_argument("--partitions", type=int, default=None, help="partitions of each stage (default: Spark's parallelism)")
    parser.add_argument("--source-lang", default="vi")
    parser.add_argument("--target-lang", default="nb")
    return parser.parse_args(argv)


# ------------------------------------------------------------------------------------------ pages

def is_language_file(name):
    """`vi.txt`, `nb.md`: a stem of at most three lower-case letters names the page's language."""
    stem = os.path.splitext(name)[0]
    return 0 < len(stem) <= 3 and stem.isalpha() and stem == stem.lower()


def given_path(uri, folder):
    """The path of `uri` (as Spark lists it) written under `folder` as the user gave it, as tolk does."""
    local = uri[len("file:"):] if uri.startswith("file:") else uri
    while local.startswith("//"):
        local = local[1:]
    base = os.path.abspath(folder) if "://" not in folder else folder
    rel = posixpath.relpath(local, base) if "://" not in folder else local[len(base.rstrip("/")) + 1:]
    return posixpath.join(folder.rstrip("/") or "/", rel)


def wanted(name, language, corpus_layout):
    """The pages tolk check takes from a folder: .txt/.md, no README.md; files named after a
    language only for that language; in one corpus folder, only the language files."""
    if not (name.endswith(".txt") or name.endswith(".md")) or name.lower() == "readme.md":
        return False
    if is_language_file(name):
        return os.path.splitext(name)[0] == language
    return not corpus_layout


def read_folder(spark, folder, partitions):
    """(path as given, text) of every .txt, .md and meta.json file below `folder`, read once, in
    `partitions` partitions (Spark would make one per few files)."""
    files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
             .option("pathGlobFilter", "{*.txt,*.md,meta.json}").load(folder).select("path", "content").rdd)

    def decode(row):
        path = given_path(row["path"], folder)
        try:
            return path, bytes(row["content"]).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise JobError(f"{path}: invalid UTF-8 at byte offset {error.start}") from None

    return files.map(decode).coalesce(partitions)


def source_urls(files):
    """Folder -> `source_url` of the meta.json there (small: collected to the driver)."""
    def url(item):
        try:
            value = json.loads(item[1]).get("source_url")
        except (ValueError, AttributeError):
            value = None
        return posixpath.dirname(item[0]), value if isinstance(value, str) else None

    return dict(files.filter(lambda item: posixpath.basename(item[0]) == "meta.json").map(url).collect())


def read_sides(spark, args, partitions):
    """RDDs of (path, text, url) for the sources and the translations, cached."""
    if args.input_format in ("jsonl", "parquet"):
        def records(folder, with_urls):
            frame = spark.read.json(folder) if args.input_format == "jsonl" else spark.read.parquet(folder)
            if not {"path", "text"} <= set(frame.columns):
                raise JobError(f"{folder}: records need 'path' and 'text' (found {sorted(frame.columns)})")
            has_url = with_urls and "url" in frame.columns
            return frame.rdd.map(lambda row: (row["path"], row["text"], row["url"] if has_url else None)).coalesce(partitions)
        return records(args.sources, True).cache(), records(args.translations, False).cache()

    corpus_layout = args.sources == args.translations  # as tolk check compares them
    source_files = read_folder(spark, args.sources, partitions).cache()
    translation_files = source_files if corpus_layout else read_folder(spark, args.translations, partitions)
    urls = spark.sparkContext.broadcast(source_urls(source_files))

    def side(files, language, with_urls):
        pages = files.filter(lambda item: wanted(posixpath.basename(item[0]), language, corpus_layout))
        return pages.map(lambda item: (item[0], item[1], urls.value.get(posixpath.dirname(item[0])) if with_urls else None))

    return side(source_files, args.source_lang, True).cache(), side(translation_files, args.target_lang, False).cache()


# ------------------------------------------------------------------------------------ tolk pipes

def pipe_partition(records, binary_name, argv, ok_codes):
    """Feeds JSON lines to a tolk process and yields its output lines (a writer thread keeps both
    pipes moving, so a large partition cannot deadlock). A record the writer could not send fails
    the task rather than ending tolk's input early."""
    from pyspark import SparkFiles

    binary = SparkFiles.get(binary_name)
    if not os.access(binary, os.X_OK):
        os.chmod(binary, 0o755)
    args = [binary] + [SparkFiles.get(a[len("@file:"):]) if a.startswith("@file:") else a for a in argv]
    process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    errors, failures = [], []

    def feed():
        try:
            for record in records:
                process.stdin.write(record.encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass
        except Exception as error:  # noqa: BLE001 - handed to the task below
            failures.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    def drain():
        errors.append(process.stderr.read())

    threads = [threading.Thread(target=feed), threading.Thread(target=drain)]
    for thread in threads:
        thread.start()
    try:
        for line in process.stdout:
            yield line.decode("utf-8")
    finally:
        if process.poll() is None and failures:
            process.kill()
        for thread in threads:
            thread.join()
        code = process.wait()
    if failures:
        raise failures[0]
    if code not in ok_codes:
        raise RuntimeError(f"tolk {' '.join(argv)} exited {code}: {b''.join(errors).decode('utf-8', 'replace').strip()}")


def fingerprints(pages, language, binary_name):
    records = pages.map(lambda p: json.dumps({"path": p[0], "text": p[1], "language": language, "url": p[2]}, ensure_ascii=False))
    # tolk pair --fingerprint exits 1 when a page could not be read (its error line says which).
    lines = records.mapPartitions(lambda part: pipe_partition(part, binary_name, ["pair", "--fingerprint"], (0, 1))).collect()
    # A page that could not be fingerprinted is answered by a line with an "error".
    failures = [value for value in map(json.loads, lines) if "error" in value]
    if failures:
        raise JobError("; ".join(f["error"] if f["error"].startswith(f"{f.get('path')}:") else f"{f.get('path')}: {f['error']}"
                                 for f in failures[:10]))
    if len(lines) != pages.count():
        raise JobError(f"{language}: {len(lines)} fingerprints for {pages.count()} pages")
    # In path order, as tolk lists a folder: the Pairer breaks ties by order.
    return sorted(lines, key=lambda line: json.loads(line)["path"])


def pair_on_driver(tolk, source_lines, translation_lines):
    with tempfile.TemporaryDirectory(prefix="tolk-spark-") as scratch:
        paths = []
        for name, lines in (("sources.jsonl", source_lines), ("translations.jsonl", translation_lines)):
            path = os.path.join(scratch, name)
            with open(path, "w", encoding="utf-8") as handle:
                handle.writelines(lines)
            paths.append(path)
        done = subprocess.run([tolk, "pair", "--source-fingerprints", paths[0], "--translation-fingerprints", paths[1]],
                              capture_output=True)
        if done.returncode != 0:
            raise JobError(f"tolk pair exited {done.returncode}: {done.stderr.decode('utf-8', 'replace').strip()}")
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines() if line.strip()]


def check(records, binary_name, glossary, config):
    argv = ["check", "--jsonl"] + (["--renderings", "--glossary", "@file:" + os.path.basename(glossary)] if glossary else []) \
        + (["--config", "@file:" + os.path.basename(config)] if config else [])
    return records.mapPartitions(lambda part: pipe_partition(part, binary_name, argv, (0, 1)))


def corpus_findings(tolk, glossary, config, rendering_lines):
    """glossary-inconsistent-corpus, the one check that reads every article: tolk reads each
    record's renderings (in the order of the translations' paths, as tolk check has them)."""
    ordered = sorted(rendering_lines, key=lambda line: json.loads(line)["id"])
    with tempfile.TemporaryDirectory(prefix="tolk-spark-") as scratch:
        path = os.path.join(scratch, "renderings.jsonl")
        with open(path, "w", encoding="utf-8") as handle:
            handle.writelines(ordered)
        done = subprocess.run([tolk, "check", "--corpus-renderings", path, "--glossary", glossary, "--format", "json"]
                              + (["--config", config] if config else []), capture_output=True)
    if done.returncode not in (0, 1):
        raise JobError(f"tolk check --corpus-renderings exited {done.returncode}: {done.stderr.decode('utf-8', 'replace').strip()}")
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines() if line.strip()]


# ------------------------------------------------------------------------------------------- job

def run(args):
    tolk = os.path.abspath(args.tolk or os.path.join(REPO, ".build/release/tolk"))
    if not os.access(tolk, os.X_OK):
        raise JobError(f"{tolk}: no tolk binary (build it with `swift build -c release` or give --tolk)")
    for given in (args.glossary, args.config):
        if given and not os.path.isfile(given):
            raise JobError(f"{given}: no such file")

    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(args.master).appName("tolk check")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        context = spark.sparkContext
        context.addFile(tolk)
        for given in (args.glossary, args.config):
            if given:
                context.addFile(os.path.abspath(given))
        partitions = args.partitions or context.defaultParallelism
        sources, translations = read_sides(spark, args, partitions)
        if translations.isEmpty():
            raise JobError(f"{args.translations}: no {args.target_lang}.txt pages in this folder or below it")
        if args.sources != args.translations and sources.isEmpty():
            raise JobError(f"{args.sources}: no {args.source_lang}.txt pages in this folder or below it")

        binary_name = os.path.basename(tolk)
        pairs = pair_on_driver(
            tolk, fingerprints(sources, args.source_lang, binary_name), fingerprints(translations, args.target_lang, binary_name))
        if len(pairs) != translations.count():
            raise JobError(f"tolk pair answered for {len(pairs)} of {translations.count()} translations")
        pair_frame = context.parallelize([(p["translation"], p["source"]) for p in pairs], partitions)
        by_source = (pair_frame.filter(lambda kv: kv[1] is not None).map(lambda kv: (kv[1], kv[0]))
                     .join(sources.map(lambda p: (p[0], (p[1], p[2]))), partitions)
                     .map(lambda kv: (kv[1][0], (kv[0], kv[1][1][0], kv[1][1][1]))))
        joined = translations.map(lambda p: (p[0], p[1])).leftOuterJoin(by_source, partitions)

        def record(item):
            path, (text, source) = item
            value = {"id": path, "translation": text, "translation_path": path}
            if source is not None:
                value.update({"source": source[1], "source_path": source[0], "source_url": source[2]})
            return json.dumps(value, ensure_ascii=False)

        # Each line is a finding ("rule"), a record's renderings ("renderings") or a bad record ("error").
        lines = check(joined.map(record), binary_name, args.glossary, args.config).map(lambda line: (line, json.loads(line))).cache()
        bad = lines.filter(lambda item: "error" in item[1]).map(lambda item: item[1]["error"]).take(10)
        if bad:
            raise JobError("; ".join(bad))

        def finding(value):
            value = dict(value)
            value.pop("id", None)
            return value

        per_article = lines.filter(lambda item: "rule" in item[1]).map(lambda item: finding(item[1]))
        across = corpus_findings(tolk, args.glossary, args.config,
                                 lines.filter(lambda item: "renderings" in item[1]).map(lambda item: item[0]).collect()) \
            if args.glossary else []
        findings = per_article.union(context.parallelize(across, 1)) \
            .sortBy(lambda f: (f["path"], f["line"], f["column"], f["rule"]), numPartitions=max(1, min(partitions, 64))).cache()
        out = os.path.abspath(args.out)
        os.makedirs(out, exist_ok=True)
        text = findings.map(lambda f: json.dumps(f, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
        spark.createDataFrame(text.map(lambda s: (s,)), "value string").write.mode("overwrite").text(os.path.join(out, "findings"))

        counts = findings.map(lambda f: ((f["path"], f["rule"]), 1)).reduceByKey(lambda a, b: a + b).collect()
        write_summary(out, pairs, counts)
        total = sum(n for _, n in counts)
        print(f"tolk-spark: {len(pairs)} translations, {total} findings -> {out}/findings, {out}/summary.json", file=sys.stderr)
    finally:
        spark.stop()


def write_summary(out, pairs, counts):
    articles = defaultdict(Counter)
    for (path, rule), n in counts:
        articles[path][rule] += n
    rules = Counter()
    for per_rule in articles.values():
        rules.update(per_rule)
    summary = {
        "translations": len(pairs),
        "paired": sum(1 for p in pairs if p["source"] is not None),
        "findings": sum(rules.values()),
        "rules": dict(sorted(rules.items())),
        "articles": {path: dict(sorted(articles[path].items())) for path in sorted(articles)},
    }
    scratch = os.path.join(out, ".summary.json.tmp")
    with open(scratch, "w", encoding="utf-8") as handle:
        json.dump(summary, handle, ensure_ascii=False, indent=2, sort_keys=False)
        handle.write("\n")
    os.replace(scratch, os.path.join(out, "summary.json"))


def main(argv=None):
    args = parse_args(argv)
    try:
        run(args)
    except JobError as error:
        print(f"tolk-spark: error: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a failed Spark stage: the task's own error says why
        text = str(error)
        found = [re.search(r"(?:^|[.\s])(?:JobError|RuntimeError|UnicodeEncodeError): (.*)", line) for line in text.splitlines()]
        reason = next((match.group(1) for match in found if match), None)
        print(f"tolk-spark: error: {reason or (text.strip().splitlines() or [type(error).__name__])[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
