"""Helpers shared by the interop checks.

Each check is a script `check_<client>.py OUTDIR [options]` that exits 0 when the client
accepts our files, 77 (printing "skipped: <tool> not installed") when the client is
missing, and 1 with a message otherwise.
"""
import atexit
import csv
import json
import os
import sys
import tempfile

SKIP = 77


def skip(tool):
    print(f"skipped: {tool} not installed")
    sys.exit(SKIP)


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def outdir():
    if len(sys.argv) < 2:
        fail("usage: check_*.py OUTDIR")
    return sys.argv[1]


def path(out, name):
    p = os.path.join(out, name)
    check(os.path.exists(p), f"{p} is missing")
    return p


def expected(out):
    """Node and edge counts, from nodes.csv/edges.csv (one row per entity / relation)."""
    with open(path(out, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(path(out, "edges.csv"), newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    return nodes, edges


def dataset_counts(out):
    """entityCount / relationCount from graph.jsonld's Dataset node (second line of @graph)."""
    with open(path(out, "graph.jsonld"), encoding="utf-8") as f:
        for line in f:
            if line.startswith('{"id":"dataset"'):
                return json.loads(line.rstrip().rstrip(","))
    # Not laid out as we write it (reformatted by hand?): read the whole document.
    with open(path(out, "graph.jsonld"), encoding="utf-8") as f:
        for node in json.load(f).get("@graph", []):
            if node.get("id") == "dataset":
                return node
    fail("graph.jsonld has no dataset node")


NODE_ATTRS = ["label", "entity_type", "country", "wikidata", "aliases", "roles", "part_of",
              "mention_count", "document_count"]
EDGE_ATTRS = ["label", "action", "lemma", "weight", "polarity", "modality", "confidence",
              "evidence_count", "document_count", "documents"]
GEXF_NODE_ATTRS = ["label", "entity_type", "country", "wikidata", "aliases", "roles", "part_of",
                   "mention_count", "document_count"]
GEXF_EDGE_ATTRS = ["label", "weight", "action", "lemma", "polarity", "modality", "confidence",
                   "evidence_count", "document_count", "documents"]


def jsonld_for_check(out):
    """graph.jsonld, or a sample of it when INTEROP_JSONLD_SAMPLE=N is set (for the pure-Python
    JSON-LD processors, which take many minutes on a BBC-sized build).

    The sample keeps the context, the Dataset node, every article and entity (so every direct
    triple) and the first N relations with their evidence. Returns (path, statements kept or
    None for the whole file)."""
    full = path(out, "graph.jsonld")
    n = os.environ.get("INTEROP_JSONLD_SAMPLE")
    if not n:
        return full, None
    n = int(n)
    with open(full, encoding="utf-8") as f:
        doc = json.load(f)
    kept, statements = [], 0
    for node in doc["@graph"]:
        types = node.get("type", [])
        if "Statement" in types:
            statements += 1
        if "Statement" in types or "Evidence" in types:
            if statements > n:
                continue
        kept.append(node)
    doc["@graph"] = kept
    fd, sample = tempfile.mkstemp(suffix=".jsonld", prefix="graph-sample-")
    atexit.register(os.remove, sample)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return sample, min(n, statements)
