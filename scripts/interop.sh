#!/usr/bin/env bash
# Installs the interop clients (Python venv at .venv, npm packages in .venv/node/)
# and runs every client on an output folder.
#
#   scripts/interop.sh            install only
#   scripts/interop.sh OUTDIR     install, then check OUTDIR/graph.{graphml,gexf,jsonld},
#                                 OUTDIR/statements.jsonl, OUTDIR/{nodes,edges}.csv
#
# Clients: xmllint (GraphML XSD, GEXF RELAX NG; jing too when installed), networkx, igraph<1,
# rdflib (+ SPARQL), pyld, pyoxigraph, jsonschema, graphology(-graphml/-gexf) and jsonld.js.
# Each prints one line with its wall and CPU time; a missing client is reported as skipped.
#
# Environment:
#   INTEROP_SKIP="rdflib pyld"   leave clients out by name
#   INTEROP_JSONLD_SAMPLE=5000   rdflib and pyld (pure Python, minutes on a BBC-sized build) read
#                                every entity but only the first 5000 relations of graph.jsonld
#   INTEROP_JING=0               skip jing (xmllint's RELAX NG check still runs)
#   INTEROP_SPARQL_TARGET=NATO   the X of the SPARQL check "who cooperates with X?"
#   INTEROP_SPARQL_EXPECT='^European (Union|Commission)$'
#                                a regex one of the answers must match (no check when unset)
#   INTEROP_SCHEMAS=DIR          GraphML/GEXF schemas (default ../shared/schemas)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"
node_dir="$root/.venv/node"

if ! command -v xmllint >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq libxml2-utils) >/dev/null
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import networkx, igraph, rdflib, pyld, pyoxigraph, jsonschema' 2>/dev/null; then
  "$venv/bin/pip" install -q --disable-pip-version-check \
    networkx 'igraph<1' rdflib pyld pyoxigraph jsonschema
fi
if command -v npm >/dev/null && [ ! -d "$node_dir/node_modules/graphology-gexf" ]; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm install --silent --no-audit --no-fund --no-save \
    graphology graphology-graphml graphology-gexf jsonld @xmldom/xmldom >/dev/null)
fi

[ $# -ge 1 ] || exit 0
exec "$venv/bin/python" "$root/tests/interop/run_all.py" "$1"
