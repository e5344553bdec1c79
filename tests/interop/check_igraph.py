"""igraph (python-igraph < 1; 1.0 reads GraphML edge ids wrongly) Read_GraphML."""
from common import EDGE_ATTRS, NODE_ATTRS, check, expected, outdir, path, skip

try:
    import igraph
except ImportError:
    skip("igraph")

out = outdir()
nodes, edges = expected(out)
g = igraph.Graph.Read_GraphML(path(out, "graph.graphml"))
check(g.is_directed(), "not directed")
check(g.vcount() == len(nodes), f"{g.vcount()} vertices, expected {len(nodes)}")
check(g.ecount() == len(edges), f"{g.ecount()} edges, expected {len(edges)}")
missing = [a for a in NODE_ATTRS if a not in g.vs.attributes()]
check(not missing, f"vertex attributes missing: {missing}")
missing = [a for a in EDGE_ATTRS if a not in g.es.attributes()]
check(not missing, f"edge attributes missing: {missing}")
check(sorted(g.vs["id"]) == sorted(n["Id"] for n in nodes), "vertex ids differ from nodes.csv")
if g.ecount():
    check(sorted(g.es["id"]) == sorted(e["Id"] for e in edges), "edge ids differ from edges.csv")
print(f"ok: igraph {igraph.__version__} Read_GraphML: {g.vcount()} vertices, {g.ecount()} edges, all attributes")
