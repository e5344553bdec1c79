// graphology-graphml and graphology-gexf load our GraphML and GEXF into a multigraph, with
// the same counts as nodes.csv / edges.csv and every attribute; jsonld.js (safe mode, no
// remote loading) expands graph.jsonld. Exits 77 when a package is missing.
const fs = require('fs');
const path = require('path');

function skip(what) { console.log(`skipped: ${what} not installed`); process.exit(77); }
function fail(msg) { console.log(`FAIL: ${msg}`); process.exit(1); }

let graphology, graphml, gexf, jsonld;
try {
  graphology = require('graphology');
  graphml = require('graphology-graphml');
  gexf = require('graphology-gexf');
  jsonld = require('jsonld');
} catch (e) {
  skip('graphology / graphology-graphml / graphology-gexf / jsonld (npm)');
}

const out = process.argv[2];
const lines = (name) => fs.readFileSync(path.join(out, name), 'utf8').split('\n').filter((l) => l.length > 0);
const nodeCount = lines('nodes.csv').length - 1;
// edges.csv cells never hold line breaks for ids; count rows by their Source column.
const edgeCount = lines('edges.csv').length - 1;

function checkGraph(name, g, nodeAttrs, edgeAttrs) {
  if (g.order !== nodeCount) fail(`${name}: ${g.order} nodes, expected ${nodeCount}`);
  if (g.size !== edgeCount) fail(`${name}: ${g.size} edges, expected ${edgeCount}`);
  g.forEachNode((n, a) => {
    for (const k of nodeAttrs) if (!(k in a)) fail(`${name}: node ${n} lacks ${k}`);
  });
  g.forEachEdge((e, a) => {
    for (const k of edgeAttrs) if (!(k in a)) fail(`${name}: edge ${e} lacks ${k}`);
  });
}

const gm = graphml.parse(graphology.MultiDirectedGraph, fs.readFileSync(path.join(out, 'graph.graphml'), 'utf8'));
checkGraph('graphology-graphml', gm,
  ['label', 'entity_type', 'country', 'wikidata', 'aliases', 'mention_count', 'document_count'],
  ['label', 'action', 'weight', 'polarity', 'modality', 'confidence', 'evidence_count', 'documents']);
const gx = gexf.parse(graphology.MultiDirectedGraph, fs.readFileSync(path.join(out, 'graph.gexf'), 'utf8'));
checkGraph('graphology-gexf', gx,
  ['label', 'entity_type', 'country', 'wikidata', 'aliases', 'mention_count', 'color', 'size'],
  ['label', 'kind', 'weight', 'action', 'polarity', 'modality', 'confidence', 'documents']);
gx.forEachNode((n, a) => {
  if (!Array.isArray(a.aliases)) fail(`graphology-gexf: aliases of ${n} is not a list: ${JSON.stringify(a.aliases)}`);
});

const doc = JSON.parse(fs.readFileSync(path.join(out, 'graph.jsonld'), 'utf8'));
const noRemote = async (url) => { fail(`jsonld.js tried to load ${url}`); };
jsonld.expand(doc, { safe: true, documentLoader: noRemote }).then((expanded) => {
  if (expanded.length !== doc['@graph'].length) fail(`jsonld.js: ${expanded.length} nodes, expected ${doc['@graph'].length}`);
  console.log(`ok: graphology-graphml and graphology-gexf (${gm.order} nodes, ${gm.size} edges), jsonld.js safe expand (${expanded.length} nodes)`);
}).catch((e) => fail(`jsonld.js safe mode: ${e.message} ${JSON.stringify(e.details || {}).slice(0, 500)}`));
