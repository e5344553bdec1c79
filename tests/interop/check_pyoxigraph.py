"""pyoxigraph (0.4 or 0.5) loads graph.jsonld into a store and answers SPARQL."""
from common import check, dataset_counts, outdir, path, skip

try:
    import pyoxigraph as ox
except ImportError:
    skip("pyoxigraph")

out = outdir()
counts = dataset_counts(out)
store = ox.Store()
if hasattr(ox, "RdfFormat"):
    store.load(path=path(out, "graph.jsonld"), format=ox.RdfFormat.JSON_LD)
else:
    store.load(path(out, "graph.jsonld"), mime_type="application/ld+json")
check(len(store) > 0, "no quads")
named = list(store.named_graphs())
check(not named, f"triples landed in named graphs: {named[:3]}")
rows = list(store.query("""
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT (COUNT(?s) AS ?n) WHERE { ?s a rdf:Statement }"""))
n = int(rows[0][0].value)
check(n == counts["relationCount"], f"{n} rdf:Statement, expected {counts['relationCount']}")
print(f"ok: pyoxigraph {ox.__version__}: {len(store)} quads, {n} statements")
