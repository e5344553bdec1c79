"""rdflib parses graph.jsonld; SPARQL over the direct triples answers "who cooperates with X?".

Environment: INTEROP_SPARQL_TARGET (default NATO) names X; INTEROP_SPARQL_EXPECT, a regex,
must match one of the names found (no check when unset).
"""
import os
import re

from common import check, dataset_counts, jsonld_for_check, outdir, skip

try:
    import rdflib
except ImportError:
    skip("rdflib")

out = outdir()
counts = dataset_counts(out)
source, sampled = jsonld_for_check(out)
g = rdflib.Graph()
g.parse(source, format="json-ld")
check(len(g) > 0, "no triples")
RDF = rdflib.RDF
AG = rdflib.Namespace("https://actorgraph.example/ns#")
REL = "https://actorgraph.example/ns/rel/"
statements = set(g.subjects(RDF.type, RDF.Statement))
entities = set(g.subjects(RDF.type, AG.Entity))
direct = [t for t in g if str(t[1]).startswith(REL)]
want = counts["relationCount"] if sampled is None else sampled
check(len(statements) == want, f"{len(statements)} rdf:Statement, expected {want}")
check(len(entities) == counts["entityCount"], f"{len(entities)} entities, expected {counts['entityCount']}")
check(len(direct) == counts["relationCount"], f"{len(direct)} direct triples, expected {counts['relationCount']}")

target = os.environ.get("INTEROP_SPARQL_TARGET", "NATO")
query = """
PREFIX rel: <https://actorgraph.example/ns/rel/>
PREFIX schema: <http://schema.org/>
SELECT ?name WHERE { ?x rel:cooperate_with ?t . ?t schema:name ?target . ?x schema:name ?name }
"""
names = sorted({str(row[0]) for row in g.query(query, initBindings={"target": rdflib.Literal(target)})})
expect = os.environ.get("INTEROP_SPARQL_EXPECT")
if expect:
    check(any(re.search(expect, n) for n in names), f"who cooperates with {target}? {names}, expected /{expect}/")
scope = "" if sampled is None else f" (sample: first {sampled} relations)"
print(f"ok: rdflib {rdflib.__version__}{scope}: {len(g)} triples, {len(statements)} statements; "
      f"who cooperates with {target}? {names}")
