#!/usr/bin/env bash
# Installs the interop clients (Python venv at .venv, npm packages in .venv/node/)
# and runs every client on an output folder.
#
#   scripts/interop.sh            install only
#   scripts/interop.sh OUTDIR     install, then check OUTDIR/graph.{graphml,gexf,jsonld},
#                                 OUTDIR/statements.jsonl, OUTDIR/{nodes,edges}.csv
#
# Environment: INTEROP_SKIP="rdflib pyld" skips clients by name (e.g. too slow on a big build);
# INTEROP_SPARQL_EXPECT="European Union|European Commission" (a regex) makes the SPARQL check
# require one of those names among who cooperates with NATO.
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
