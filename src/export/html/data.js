// actorgraph's graph.html, part 1 of 3: the embedded data and the visible subgraph.
// The data block is column arrays (see src/export/html.rs); strings are indices into D.s.

var D = JSON.parse(document.getElementById("actorgraph-data").textContent);
var S = D.s;
var NODES = D.n;
var EDGES = D.e;
var EVIDENCE = D.x;
var N = NODES.id.length;
var E = EDGES.a.length;
var IS_DIFF = D.versions !== null;
var FIRST_LIMIT = 300;

function str(i) {
  return i >= 0 ? S[i] : "";
}

function nodeLabel(i) {
  return S[NODES.label[i]];
}

function actionLabel(e) {
  return S[EDGES.act[e]];
}

// Adjacency: the relations of each node, out and in (CSR arrays, relations in id order).
function adjacency(ends) {
  var start = new Int32Array(N + 1);
  var e;
  for (e = 0; e < E; e++) {
    if (ends[e] >= 0) start[ends[e] + 1]++;
  }
  for (var i = 0; i < N; i++) start[i + 1] += start[i];
  var fill = start.slice(0, N);
  var list = new Int32Array(start[N]);
  for (e = 0; e < E; e++) {
    if (ends[e] >= 0) list[fill[ends[e]]++] = e;
  }
  return { start: start, list: list };
}
var OUT = adjacency(EDGES.a);
var IN = adjacency(EDGES.t);

function relationsOf(i, adj) {
  return Array.prototype.slice.call(adj.list, adj.start[i], adj.start[i + 1]);
}

// Article rows by the string index of their id.
var DOC_ROW = new Map();
D.docs.id.forEach(function (s, i) { DOC_ROW.set(s, i); });

// What the user chose to see.
var state = {
  limit: FIRST_LIMIT,
  types: D.types.map(function () { return true; }),
  statuses: D.statuses.map(function () { return true; }),
  minWeight: 1,
  minConfidence: 0,
  modality: "all",
  action: "",
  pinned: new Set(),
  node: -1,
  edge: -1
};

// What is drawn: nodes and relations, and the counts the page states.
var visible = {
  nodes: new Int32Array(0),
  edges: new Int32Array(0),
  isNode: new Uint8Array(N),
  candidates: 0,
  passing: 0
};

function edgePasses(e) {
  var a = EDGES.a[e], t = EDGES.t[e];
  if (a < 0 || t < 0) return false;
  if (EDGES.w[e] < state.minWeight) return false;
  if (EDGES.c[e] < Math.round(state.minConfidence * 1000)) return false;
  var m = EDGES.mod[e];
  if (state.modality === "asserted" && m !== 0) return false;
  if (state.modality === "claims" && m === 3) return false;
  if (!state.types[NODES.type[a]] || !state.types[NODES.type[t]]) return false;
  if (IS_DIFF && !state.statuses[EDGES.st[e]]) return false;
  if (state.action && actionLabel(e).toLowerCase().indexOf(state.action) < 0) return false;
  return true;
}

// The most connected entities under the filters (degree, then mentions, then id order),
// up to the limit, plus the pinned ones; and the relations among them.
function computeVisible() {
  var degree = new Int32Array(N);
  var passes = new Uint8Array(E);
  var passing = 0;
  var e, i;
  for (e = 0; e < E; e++) {
    if (edgePasses(e)) {
      passes[e] = 1;
      passing++;
      degree[EDGES.a[e]]++;
      degree[EDGES.t[e]]++;
    }
  }
  var candidates = [];
  for (i = 0; i < N; i++) {
    if (degree[i] > 0) candidates.push(i);
  }
  candidates.sort(function (x, y) {
    return degree[y] - degree[x] || NODES.m[y] - NODES.m[x] || x - y;
  });
  var isNode = new Uint8Array(N);
  var nodes = [];
  for (i = 0; i < candidates.length && nodes.length < state.limit; i++) {
    isNode[candidates[i]] = 1;
    nodes.push(candidates[i]);
  }
  state.pinned.forEach(function (p) {
    if (!isNode[p]) {
      isNode[p] = 1;
      nodes.push(p);
    }
  });
  var edges = [];
  for (e = 0; e < E; e++) {
    if ((passes[e] || e === state.edge) && isNode[EDGES.a[e]] && isNode[EDGES.t[e]]) edges.push(e);
  }
  visible.nodes = Int32Array.from(nodes);
  visible.edges = Int32Array.from(edges);
  visible.isNode = isNode;
  visible.candidates = candidates.length;
  visible.passing = passing;
  visible.degree = degree;
}

// Relations drawn between the same two entities are spread apart: each gets its slot
// (-k..k) in its pair.
function parallelSlots() {
  var count = new Map();
  var slot = new Float32Array(E);
  var edges = visible.edges;
  var key = function (e) {
    var a = EDGES.a[e], t = EDGES.t[e];
    return a < t ? a * N + t : t * N + a;
  };
  for (var k = 0; k < edges.length; k++) {
    var c = key(edges[k]);
    count.set(c, (count.get(c) || 0) + 1);
  }
  var seen = new Map();
  for (k = 0; k < edges.length; k++) {
    var e = edges[k], p = key(e), m = count.get(p);
    if (m === 1) continue;
    var j = seen.get(p) || 0;
    seen.set(p, j + 1);
    // The same side whichever way the relation points.
    var sign = EDGES.a[e] < EDGES.t[e] ? 1 : -1;
    slot[e] = (j - (m - 1) / 2) * sign;
  }
  return slot;
}

// Search: the best entity for a text, by label, then alias; whole, then prefix, then part.
var LOWER = null;
function searchNodes(text, max) {
  var q = text.trim().toLowerCase();
  if (!q) return [];
  if (!LOWER) {
    // Each entity's names in lower case, made once on the first search.
    LOWER = [];
    for (var j = 0; j < N; j++) {
      LOWER.push([nodeLabel(j).toLowerCase()].concat(NODES.al[j].map(function (a) { return S[a].toLowerCase(); })));
    }
  }
  var scored = [];
  for (var i = 0; i < N; i++) {
    var names = LOWER[i];
    var best = rank(names[0], q, 0);
    for (var k = 1; k < names.length; k++) best = Math.min(best, rank(names[k], q, 1));
    if (best < 9) scored.push([best, -NODES.m[i], i]);
  }
  scored.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
  return scored.slice(0, max).map(function (s) { return s[2]; });
}

function rank(name, q, alias) {
  if (name === q) return alias;
  if (name.indexOf(q) === 0) return 2 + alias;
  if (name.indexOf(q) > 0) return 4 + alias;
  return 9;
}
