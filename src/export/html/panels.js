// actorgraph's graph.html, part 3 of 3: search, filters, the entity and relation panels,
// and start-up. Text from the data only ever goes into the page as text nodes.

var $ = function (id) { return document.getElementById(id); };
var panel = $("panel"), body = $("panel-body");

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
  (children || []).forEach(function (c) {
    node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  });
  return node;
}

function badge(text) {
  return el("span", { class: "badge" }, [text]);
}

function link(text, onClick) {
  var a = el("a", { class: "go", tabindex: "0", role: "button" }, [text]);
  a.addEventListener("click", onClick);
  a.addEventListener("keydown", function (ev) { if (ev.key === "Enter") onClick(); });
  return a;
}

function confidence(c) {
  return (c / 1000).toFixed(3);
}

function update() {
  computeVisible();
  slots = parallelSlots();
  var hidden = visible.candidates - Math.min(visible.candidates, state.limit);
  var counts = $("counts");
  counts.textContent = visible.nodes.length + " / " + N + " entities, " + visible.edges.length +
    " / " + E + " relations shown";
  counts.dataset.nodes = visible.nodes.length;
  counts.dataset.edges = visible.edges.length;
  $("more").disabled = hidden <= 0;
  $("more").textContent = hidden > 0 ? "Show more (" + hidden + " hidden)" : "All shown";
  redraw();
}

function openPanel(children) {
  body.textContent = "";
  children.forEach(function (c) { body.appendChild(c); });
  panel.hidden = false;
  panel.scrollTop = 0;
}

function clearSelection() {
  state.node = -1;
  state.edge = -1;
  panel.hidden = true;
  redraw();
}

// Brings a node into view: pinned (drawn whatever the limit) and centred.
function reveal(i) {
  if (!visible.isNode[i]) {
    state.pinned.add(i);
    update();
  }
}

// Centres the view on a point of the layout, in the part the panel leaves free.
function centreOnPoint(x, y) {
  var covered = panel.hidden ? 0 : Math.min(panel.offsetWidth, view.w / 2);
  view.cx = x + covered / 2 / view.k;
  view.cy = y;
}

function centreOn(i) {
  view.k = Math.max(view.k, view.fitK * 2);
  centreOnPoint(NODES.x[i], NODES.y[i]);
}

function selectNode(i, centre) {
  state.node = i;
  state.edge = -1;
  reveal(i);
  openPanel(nodePanel(i));
  if (centre) centreOn(i);
  redraw();
}

function selectEdge(e) {
  state.edge = e;
  state.node = -1;
  reveal(EDGES.a[e]);
  reveal(EDGES.t[e]);
  update();
  openPanel(edgePanel(e));
}

// A diff page's status badge, left out for what did not change.
function status(code) {
  return IS_DIFF && code > 0 ? [badge(D.statuses[code])] : [];
}

// An entity: what it is, then its relations grouped by action, with counts.
function nodePanel(i) {
  var parts = [el("h2", null, [nodeLabel(i)])];
  var meta = [D.types[NODES.type[i]], NODES.id[i] >= 0 ? str(NODES.id[i]) : "",
    NODES.m[i] + " mentions", NODES.d[i] + " articles"];
  if (NODES.wd[i] >= 0) meta.push("Wikidata " + str(NODES.wd[i]));
  parts.push(el("div", { class: "meta" }, status(NODES.st[i]).concat([meta.join(" · ")])));
  if (NODES.al[i].length) {
    parts.push(el("div", { class: "meta" }, ["Also: " + NODES.al[i].map(str).join("; ")]));
  }
  parts.push(groups("Does", relationsOf(i, OUT), true));
  parts.push(groups("Is the target of", relationsOf(i, IN), false));
  return parts;
}

function groups(title, rels, outgoing) {
  var byAction = new Map();
  rels.forEach(function (e) {
    var a = actionLabel(e);
    if (!byAction.has(a)) byAction.set(a, []);
    byAction.get(a).push(e);
  });
  var names = Array.from(byAction.keys());
  var weight = function (a) {
    return byAction.get(a).reduce(function (s, e) { return s + EDGES.w[e]; }, 0);
  };
  names.sort(function (x, y) { return weight(y) - weight(x) || (x < y ? -1 : x > y ? 1 : 0); });
  var list = el("ul");
  names.forEach(function (a) {
    var items = el("ul");
    byAction.get(a).sort(function (x, y) { return EDGES.w[y] - EDGES.w[x] || x - y; })
      .forEach(function (e) {
        var other = outgoing ? EDGES.t[e] : EDGES.a[e];
        items.appendChild(el("li", null, [link(nodeLabel(other), function () { selectEdge(e); }),
          " (" + EDGES.w[e] + ")"].concat(status(EDGES.st[e]))));
      });
    var n = byAction.get(a).length;
    list.appendChild(el("li", null, [el("strong", null, [a]),
      " — " + n + (n === 1 ? " relation, " : " relations, ") + weight(a) + " sentences", items]));
  });
  return el("section", null, [el("h3", null, [title + " (" + rels.length + ")"]), list]);
}

// A relation: its numbers, then every piece of evidence.
function edgePanel(e) {
  var a = EDGES.a[e], t = EDGES.t[e];
  var head = el("h2", null, [link(nodeLabel(a), function () { selectNode(a, true); }),
    " → " + actionLabel(e) + " → ", link(nodeLabel(t), function () { selectNode(t, true); })]);
  var meta = ["weight " + EDGES.w[e], "confidence " + confidence(EDGES.c[e]),
    D.modalities[EDGES.mod[e]], EDGES.neg[e] ? "negative" : "positive", EDGES.d[e] + " articles"];
  var parts = [head, el("div", { class: "meta" }, status(EDGES.st[e]).concat([meta.join(" · ")]))];
  var from = EDGES.ev[e], to = EDGES.ev[e + 1];
  parts.push(el("h3", null, ["Evidence (" + (to - from) + ")"]));
  for (var k = from; k < to; k++) parts.push(quote(k, a, t));
  return parts;
}

function names(i) {
  var all = [nodeLabel(i)].concat(NODES.al[i].map(str));
  nodeLabel(i).split(/\s+/).forEach(function (w) { if (w.length >= 4) all.push(w); });
  return all;
}

// The sentence with the actor, the target and the action marked.
function quote(k, a, t) {
  var text = S[EVIDENCE.s[k]];
  var marks = [];
  find(text, names(a), "actor", marks);
  find(text, names(t), "target", marks);
  find(text, [str(EVIDENCE.sf[k])], "action", marks);
  marks.sort(function (x, y) { return x[0] - y[0]; });
  var p = el("p"), at = 0;
  marks.forEach(function (m) {
    if (m[0] < at) return;
    p.appendChild(document.createTextNode(text.slice(at, m[0])));
    p.appendChild(el("mark", { class: m[2] }, [text.slice(m[0], m[1])]));
    at = m[1];
  });
  p.appendChild(document.createTextNode(text.slice(at)));
  var docId = EVIDENCE.doc[k], row = DOC_ROW.get(docId);
  var source = [];
  if (row !== undefined && D.docs.title[row] >= 0) {
    var title = str(D.docs.title[row]), url = D.docs.url[row] >= 0 ? str(D.docs.url[row]) : "";
    source.push(/^https?:\/\//.test(url) ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, [title]) : el("strong", null, [title]));
    source.push(" ");
  }
  var info = [str(docId)];
  if (row !== undefined && D.docs.date[row] >= 0) info.push(str(D.docs.date[row]));
  source.push(info.join(" · "));
  var badges = [badge(D.modalities[EVIDENCE.mod[k]]), badge(EVIDENCE.neg[k] ? "negative" : "positive"),
    badge("confidence " + confidence(EVIDENCE.c[k]))];
  if (EVIDENCE.att[k] >= 0) badges.push(badge("according to " + str(EVIDENCE.att[k])));
  var cls = "quote";
  if (IS_DIFF && EVIDENCE.st[k] > 0) {
    cls += " " + D.statuses[EVIDENCE.st[k]];
    badges.unshift(badge(D.statuses[EVIDENCE.st[k]]));
  }
  return el("div", { class: cls }, [p, el("div", { class: "meta" }, source), el("div", null, badges)]);
}

// The first, longest occurrence of any of the names (case-insensitively when lower-casing
// keeps the length).
function find(text, candidates, cls, marks) {
  var lower = text.toLowerCase(), fold = lower.length === text.length;
  var best = null;
  candidates.forEach(function (name) {
    if (!name) return;
    var at = fold ? lower.indexOf(name.toLowerCase()) : text.indexOf(name);
    while (at >= 0 && overlaps(at, at + name.length, marks)) {
      at = fold ? lower.indexOf(name.toLowerCase(), at + 1) : text.indexOf(name, at + 1);
    }
    if (at >= 0 && (!best || name.length > best[1] - best[0] || (name.length === best[1] - best[0] && at < best[0]))) {
      best = [at, at + name.length, cls];
    }
  });
  if (best) marks.push(best);
}

function overlaps(from, to, marks) {
  return marks.some(function (m) { return from < m[1] && m[0] < to; });
}

// Search box: suggestions as one types, and Enter (or picking one) selects the best match.
var searchBox = $("search");
searchBox.addEventListener("input", function (ev) {
  // A suggestion picked from the list.
  if (ev.inputType === "insertReplacementText" || ev.inputType === undefined) {
    runSearch();
    return;
  }
  var list = $("search-names");
  list.textContent = "";
  searchNodes(searchBox.value, 12).forEach(function (i) {
    list.appendChild(el("option", { value: nodeLabel(i) }));
  });
});
function runSearch() {
  var found = searchNodes(searchBox.value, 1);
  if (found.length) selectNode(found[0], true);
}
searchBox.addEventListener("keydown", function (ev) {
  if (ev.key === "Enter") {
    ev.preventDefault();
    runSearch();
  }
});

// Filters.
function checkboxes(box, labels, colors, chosen) {
  labels.forEach(function (name, k) {
    var input = el("input", { type: "checkbox" });
    input.checked = true;
    input.addEventListener("change", function () {
      chosen[k] = input.checked;
      update();
    });
    box.appendChild(el("label", null, [input, el("i", { style: "color:" + colors[k] }, ["● "]), name]));
  });
}
checkboxes($("types"), D.types, D.typeColors, state.types);
if (IS_DIFF) {
  $("statuses").hidden = false;
  checkboxes($("statuses"), D.statuses, D.statusColors, state.statuses);
}
$("min-weight").addEventListener("input", function () {
  state.minWeight = Math.max(1, parseInt(this.value, 10) || 1);
  update();
});
$("min-confidence").addEventListener("input", function () {
  state.minConfidence = Math.min(1, Math.max(0, parseFloat(this.value) || 0));
  update();
});
$("modality").addEventListener("change", function () {
  state.modality = this.value;
  update();
});
$("action-filter").addEventListener("input", function () {
  state.action = this.value.trim().toLowerCase();
  update();
});
$("toggle-filters").addEventListener("click", function () {
  var f = $("filters");
  f.hidden = !f.hidden;
  this.setAttribute("aria-expanded", String(!f.hidden));
  resize();
  redraw();
});
$("filters").addEventListener("submit", function (ev) { ev.preventDefault(); });
$("more").addEventListener("click", function () {
  state.limit *= 2;
  update();
});
$("fit").addEventListener("click", function () {
  fit();
  redraw();
});
$("close").addEventListener("click", clearSelection);
document.addEventListener("keydown", function (ev) {
  if (ev.key === "Escape" && !panel.hidden) clearSelection();
});

function legend() {
  var box = $("legend");
  var labels = IS_DIFF ? D.statuses : D.types, colors = IS_DIFF ? D.statusColors : D.typeColors;
  labels.forEach(function (name, k) {
    box.appendChild(el("span", null, [el("i", { style: "background:" + colors[k] }), name]));
  });
}

// For tests and scripts: what is drawn, what is selected, and where a relation is.
window.actorgraph = {
  drawn: drawn,
  redrawNow: draw,
  firstRender: function () { return firstRender; },
  selected: function () {
    return {
      node: state.node >= 0 ? str(NODES.id[state.node]) : null,
      edge: state.edge >= 0 ? [nodeLabel(EDGES.a[state.edge]), actionLabel(state.edge), nodeLabel(EDGES.t[state.edge])] : null
    };
  },
  // The canvas point (CSS pixels) where a click selects the relation actor → action →
  // target, after bringing it into view; null when there is no such relation.
  edgePoint: function (actor, action, target) {
    for (var e = 0; e < E; e++) {
      if (nodeLabel(EDGES.a[e]) !== actor || actionLabel(e) !== action || nodeLabel(EDGES.t[e]) !== target) continue;
      reveal(EDGES.a[e]);
      reveal(EDGES.t[e]);
      var ax = NODES.x[EDGES.a[e]], ay = NODES.y[EDGES.a[e]], tx = NODES.x[EDGES.t[e]], ty = NODES.y[EDGES.t[e]];
      // Zoomed so that the relation is about 240 pixels long.
      var length = Math.sqrt((ax - tx) * (ax - tx) + (ay - ty) * (ay - ty));
      if (length > 0) view.k = 240 / length;
      centreOnPoint((ax + tx) / 2, (ay + ty) / 2);
      draw();
      var s = segment(e);
      for (var f = 0.5; f < 0.95; f += 0.05) {
        for (var side = -1; side <= 1; side += 2) {
          var u = 0.5 + (f - 0.5) * side;
          var x = s[0] + (s[2] - s[0]) * u, y = s[1] + (s[3] - s[1]) * u;
          if (hitTest(x, y).edge === e) return [x, y];
        }
      }
      return null;
    }
    return null;
  }
};

$("title").textContent = IS_DIFF ? "Changes: " + D.versions[0] + " → " + D.versions[1] : "actorgraph";
legend();
resize();
update();
fit();
draw();
