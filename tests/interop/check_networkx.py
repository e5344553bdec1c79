"""networkx read_graphml (force_multigraph) and read_gexf: same counts, every attribute."""
from common import EDGE_ATTRS, GEXF_EDGE_ATTRS, GEXF_NODE_ATTRS, NODE_ATTRS, check, expected, outdir, path, skip

try:
    import networkx as nx
except ImportError:
    skip("networkx")

out = outdir()
nodes, edges = expected(out)

g = nx.read_graphml(path(out, "graph.graphml"), force_multigraph=True)
check(g.is_directed() and g.is_multigraph(), "GraphML: not a directed multigraph")
check(g.number_of_nodes() == len(nodes), f"GraphML: {g.number_of_nodes()} nodes, expected {len(nodes)}")
check(g.number_of_edges() == len(edges), f"GraphML: {g.number_of_edges()} edges, expected {len(edges)}")
check(g.graph.get("format_version") == 2, f"GraphML: graph format_version {g.graph.get('format_version')!r}")
for n, data in g.nodes(data=True):
    missing = [a for a in NODE_ATTRS if a not in data]
    check(not missing, f"GraphML node {n} lacks {missing}")
    check(isinstance(data["mention_count"], int) and isinstance(data["country"], bool), f"GraphML node {n}: types")
ids = set()
for u, v, k, data in g.edges(keys=True, data=True):
    missing = [a for a in EDGE_ATTRS if a not in data]
    check(not missing, f"GraphML edge {k} lacks {missing}")
    check(isinstance(data["weight"], float) and data["weight"] >= 1, f"GraphML edge {k}: weight {data['weight']!r}")
    ids.add(k)
want = {e["Id"] for e in edges}
check(ids == want, f"GraphML edge ids differ from edges.csv: {sorted(ids ^ want)[:5]}")

h = nx.read_gexf(path(out, "graph.gexf"))
check(h.number_of_nodes() == len(nodes), f"GEXF: {h.number_of_nodes()} nodes, expected {len(nodes)}")
check(h.number_of_edges() == len(edges), f"GEXF: {h.number_of_edges()} edges, expected {len(edges)}")
for n, data in h.nodes(data=True):
    missing = [a for a in GEXF_NODE_ATTRS if a not in data]
    check(not missing, f"GEXF node {n} lacks {missing}")
    check("viz" in data and "color" in data["viz"] and "size" in data["viz"], f"GEXF node {n} lacks viz")
# read_gexf returns a simple DiGraph when no two edges share their ends (the edge id is
# then an attribute), a MultiDiGraph otherwise.
if h.is_multigraph():
    gexf_edges = h.edges(keys=True, data=True)
else:
    gexf_edges = ((u, v, data.get("id"), data) for u, v, data in h.edges(data=True))
for u, v, k, data in gexf_edges:
    missing = [a for a in GEXF_EDGE_ATTRS if a not in data]
    check(not missing, f"GEXF edge {k} lacks {missing}")
print(f"ok: networkx {nx.__version__} read_graphml and read_gexf: {len(nodes)} nodes, {len(edges)} edges, all attributes")
