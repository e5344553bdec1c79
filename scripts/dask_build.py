#!/usr/bin/env python3
"""Build the graph of a JSONL corpus on a Dask cluster: map, then merge as a tree.

Each partition of the corpus (a block of lines) goes to a worker, which runs
`actorgraph build PART.jsonl --partial PART.agp` and hands back the partial graph's bytes.
Partials are merged pairwise up a tree (`Bag.fold` with `split_every=2`), each merge running
`actorgraph merge A B --partial AB` on a worker; the client writes the outputs from the last
one with `actorgraph merge ROOT --out DIR`. The outputs are byte-identical to one
`actorgraph build CORPUS --out DIR`, whatever the partitions and the tree.

    .venv/bin/pip install dask distributed
    python3 scripts/dask_build.py corpus.jsonl --out out --partitions 4
    python3 scripts/dask_build.py s3-or-shared/corpus.jsonl --out out \\
        --scheduler tcp://scheduler:8786 --binary /opt/actorgraph/bin/actorgraph

Without `--scheduler` it starts a `LocalCluster` (one process a core, one thread each, so
each worker runs one `actorgraph` with `-j 1`). On a real cluster the corpus path must be
readable by the workers (a shared file system, or any URL `dask.bag.read_text` reads) and the
binary installed at `--binary` on every worker; partials travel as bytes between workers, so
no shared scratch space is needed. Every binary must be the same build: a partial made by
another model or version of actorgraph is refused.
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time


def run(cmd):
    """Runs a command; its stderr goes into the error when it fails."""
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode(errors='replace')}")


def map_partition(lines, binary, extra):
    """One partition's lines → its partial graph, as bytes (a one-element list)."""
    with tempfile.TemporaryDirectory(prefix="actorgraph-map-") as tmp:
        corpus = os.path.join(tmp, "part.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for line in lines:
                f.write(line if line.endswith("\n") else line + "\n")
        part = os.path.join(tmp, "part.agp")
        run([binary, "build", corpus, "--partial", part, "--quiet", "-j", "1", *extra])
        with open(part, "rb") as f:
            return [f.read()]


def merge_two(a, b, binary):
    """Merges two partial graphs (bytes); `None` is the empty start of a fold."""
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
    p.add_argument("corpus", help="a JSONL corpus (one article a line)")
    p.add_argument("--out", required=True, help="the output folder")
    p.add_argument("--partitions", type=int, default=4, help="blocks of the corpus (default 4)")
    p.add_argument("--scheduler", help="a Dask scheduler address; default: a LocalCluster")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="LocalCluster workers")
    p.add_argument("--binary", default="actorgraph", help="the actorgraph binary on the workers")
    p.add_argument("--max-article-tokens", type=int, help="passed to every map step")
    args = p.parse_args()

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    binary = os.path.abspath(args.binary) if os.path.sep in args.binary else args.binary
    extra = [] if args.max_article_tokens is None else ["--max-article-tokens", str(args.max_article_tokens)]
    started = time.perf_counter()
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    with client:
        ready = time.perf_counter()
        size = os.path.getsize(args.corpus) if os.path.exists(args.corpus) else None
        blocksize = None if size is None else max(1, math.ceil(size / args.partitions))
        lines = db.read_text(args.corpus, blocksize=blocksize)
        if lines.npartitions != args.partitions:
            lines = lines.repartition(npartitions=args.partitions)
        partials = lines.map_partitions(map_partition, binary, extra)
        root = partials.fold(
            lambda acc, part: merge_two(acc, part, binary),
            lambda a, b: merge_two(a, b, binary),
            initial=None,
            split_every=2,
        ).compute()
        mapped = time.perf_counter()
    if root is None:
        sys.exit("no partitions")
    with tempfile.TemporaryDirectory(prefix="actorgraph-root-") as tmp:
        path = os.path.join(tmp, "root.agp")
        with open(path, "wb") as f:
            f.write(root)
        run([binary, "merge", path, "--out", args.out, "--quiet"])
    done = time.perf_counter()
    print(
        f"dask: {lines.npartitions} partitions, cluster start {ready - started:.1f} s, "
        f"map and merge tree {mapped - ready:.1f} s, outputs {done - mapped:.1f} s, "
        f"total {done - started:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
