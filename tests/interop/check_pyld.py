"""pyld expands graph.jsonld and converts it to RDF with a document loader that refuses every
remote fetch, and drops no term: every key of every node comes out expanded."""
from common import check, fail, jsonld_for_check, outdir, skip

try:
    from pyld import jsonld
except ImportError:
    skip("pyld")
import json

out = outdir()
source, sampled = jsonld_for_check(out)
with open(source, encoding="utf-8") as f:
    doc = json.load(f)


def no_remote(url, options=None):
    fail(f"pyld tried to load {url}: the context must be inline")


options = {"documentLoader": no_remote}
expanded = jsonld.expand(doc, options)
by_id = {n["@id"]: n for n in expanded}
check(len(by_id) == len(doc["@graph"]), f"{len(by_id)} expanded nodes for {len(doc['@graph'])} nodes")
base = doc["@context"]["@base"]
for node in doc["@graph"]:
    full = base + node["id"]
    check(full in by_id, f"node {node['id']} lost in expansion")
    keys = [k for k in node if k not in ("id", "type")]
    kept = [k for k in by_id[full] if not k.startswith("@")]
    check(len(kept) == len(keys), f"node {node['id']}: {len(keys)} keys, {len(kept)} after expansion (a term was dropped)")
nquads = jsonld.to_rdf(doc, dict(options, format="application/n-quads"))
lines = [l for l in nquads.splitlines() if l.strip()]
check(len(lines) > 0, "to_rdf gave nothing")
check(all(l.endswith(" .") and l.count(" <") >= 1 for l in lines), "to_rdf gave a quad that is not in the default graph form")
check(not any(l.rstrip(" .").endswith(">") and l.count("> <") == 3 for l in lines), "a quad is in a named graph")
scope = "" if sampled is None else f" on a sample (first {sampled} relations)"
print(f"ok: pyld{scope}: expand ({len(expanded)} nodes, no term dropped), to_rdf ({len(lines)} quads)")
