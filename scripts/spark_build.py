#!/usr/bin/env python3
"""Build the graph of a JSONL corpus with Spark: mapPartitions, then treeAggregate.

Each partition of the corpus RDD runs `actorgraph build PART.jsonl --partial PART.agp` on
its executor (`mapPartitions`) and yields the partial graph's bytes; `treeAggregate` merges
them up a tree, each merge running `actorgraph merge A B --partial AB` on an executor; the
driver writes the outputs from the root with `actorgraph merge ROOT --out DIR`. The outputs
are byte-identical to one `actorgraph build CORPUS --out DIR`.

    .venv/bin/pip install pyspark          # and a Java runtime (Debian: default-jre-headless)
    python3 scripts/spark_build.py corpus.jsonl --out out --partitions 4 --master 'local[2]'
    spark-submit scripts/spark_build.py hdfs:///corpus.jsonl --out out \\
        --binary /opt/actorgraph/bin/actorgraph

Why `mapPartitions` and not `RDD.pipe`: `pipe` reads a command's output as lines of text,
and a partial graph is binary (and the map step needs the whole partition before it can
sort its documents). Every executor needs the same actorgraph build at `--binary`; a
partial made by another model or version is refused.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time


def run(cmd):
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode(errors='replace')}")


def map_partition(lines, binary, extra):
    """One partition's lines → its partial graph's bytes (nothing for an empty partition)."""
    with tempfile.TemporaryDirectory(prefix="actorgraph-map-") as tmp:
        corpus = os.path.join(tmp, "part.jsonl")
        n = 0
        with open(corpus, "w", encoding="utf-8") as f:
            for line in lines:
                f.write(line + "\n")
                n += 1
        if n == 0:
            return
        part = os.path.join(tmp, "part.agp")
        run([binary, "build", corpus, "--partial", part, "--quiet", "-j", "1", *extra])
        with open(part, "rb") as f:
            yield f.read()


def merge_two(a, b, binary):
    """Merges two partial graphs (bytes); `None` is treeAggregate's zero value."""
    if a is None:
        return b
    if b is None:
        return a
    with tempfile.TemporaryDirectory(prefix="actorgraph-merge-") as tmp:
        paths = []
        for i, data in enumerate((a, b)):
            paths.append(os.path.join(tmp, f"{i}.agp"))
            with open(paths[-1], "wb") as f:
                f.write(data)
        out = os.path.join(tmp, "merged.agp")
        run([binary, "merge", *paths, "--partial", out, "--quiet"])
        with open(out, "rb") as f:
            return f.read()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", help="a JSONL corpus (any path or URL Spark's textFile reads)")
    p.add_argument("--out", required=True, help="the output folder (on the driver)")
    p.add_argument("--partitions", type=int, default=4, help="partitions of the corpus (default 4)")
    p.add_argument("--master", help="Spark master, e.g. 'local[2]'; default: spark-submit's")
    p.add_argument("--binary", default="actorgraph", help="the actorgraph binary on the executors")
    p.add_argument("--depth", type=int, default=2, help="treeAggregate depth (default 2)")
    p.add_argument("--max-article-tokens", type=int, help="passed to every map step")
    args = p.parse_args()

    from pyspark.sql import SparkSession

    binary = os.path.abspath(args.binary) if os.path.sep in args.binary else args.binary
    extra = [] if args.max_article_tokens is None else ["--max-article-tokens", str(args.max_article_tokens)]
    started = time.perf_counter()
    builder = SparkSession.builder.appName("actorgraph")
    if args.master:
        builder = builder.master(args.master)
    spark = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    ready = time.perf_counter()
    try:
        lines = sc.textFile(args.corpus, minPartitions=args.partitions)
        if lines.getNumPartitions() > args.partitions:
            lines = lines.coalesce(args.partitions)
        partitions = lines.getNumPartitions()
        root = lines.mapPartitions(lambda it: map_partition(it, binary, extra)).treeAggregate(
            None,
            lambda acc, part: merge_two(acc, part, binary),
            lambda a, b: merge_two(a, b, binary),
            depth=args.depth,
        )
    finally:
        mapped = time.perf_counter()
        spark.stop()
    if root is None:
        sys.exit("the corpus is empty")
    with tempfile.TemporaryDirectory(prefix="actorgraph-root-") as tmp:
        path = os.path.join(tmp, "root.agp")
        with open(path, "wb") as f:
            f.write(root)
        run([binary, "merge", path, "--out", args.out, "--quiet"])
    done = time.perf_counter()
    print(
        f"spark: {partitions} partitions, session start {ready - started:.1f} s, "
        f"map and treeAggregate {mapped - ready:.1f} s, outputs {done - mapped:.1f} s, "
        f"total {done - started:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
