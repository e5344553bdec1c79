// actorgraph's graph.html, part 2 of 3: the canvas, the camera (pan and zoom), drawing
// and hit testing.

var canvas = document.getElementById("canvas");
var ctx = canvas.getContext("2d");
var view = { cx: 0, cy: 0, k: 1, fitK: 1, w: 1, h: 1 };
var slots = new Float32Array(E);
var drawn = { nodes: 0, edges: 0, frames: 0 };
var firstRender = -1;
var pending = false;

function resize() {
  var dpr = window.devicePixelRatio || 1;
  view.w = Math.max(1, canvas.clientWidth);
  view.h = Math.max(1, canvas.clientHeight);
  canvas.width = Math.round(view.w * dpr);
  canvas.height = Math.round(view.h * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
}

function sx(i) {
  return (NODES.x[i] - view.cx) * view.k + view.w / 2;
}

function sy(i) {
  // The layout's y grows upwards, the screen's downwards.
  return (view.cy - NODES.y[i]) * view.k + view.h / 2;
}

// A node's radius on screen: by mentions, growing a little as one zooms in, and larger
// when few nodes are drawn.
function radius(i) {
  var zoom = Math.min(4, Math.max(0.6, Math.sqrt(view.k / view.fitK)));
  var few = Math.min(2.5, Math.max(1, Math.sqrt(200 / Math.max(1, visible.nodes.length))));
  return (2 + 0.45 * Math.sqrt(Math.min(NODES.m[i], 2000))) * zoom * few;
}

function nodeColor(i) {
  return IS_DIFF ? D.statusColors[NODES.st[i]] : D.typeColors[NODES.type[i]];
}

// The screen segment of a relation, moved sideways by its parallel slot.
function segment(e) {
  var a = EDGES.a[e], t = EDGES.t[e];
  var x1 = sx(a), y1 = sy(a), x2 = sx(t), y2 = sy(t);
  var s = slots[e];
  if (s !== 0) {
    var dx = x2 - x1, dy = y2 - y1, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var off = s * Math.min(7, 3 + len / 40);
    x1 += (-dy / len) * off; y1 += (dx / len) * off;
    x2 += (-dy / len) * off; y2 += (dx / len) * off;
  }
  return [x1, y1, x2, y2];
}

function fit() {
  var nodes = visible.nodes;
  if (!nodes.length) {
    view.cx = 0; view.cy = 0; view.k = view.fitK = Math.min(view.w, view.h) / 20000;
    return;
  }
  var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (var k = 0; k < nodes.length; k++) {
    var i = nodes[k];
    x0 = Math.min(x0, NODES.x[i]); x1 = Math.max(x1, NODES.x[i]);
    y0 = Math.min(y0, NODES.y[i]); y1 = Math.max(y1, NODES.y[i]);
  }
  // The part of the canvas the panel leaves free.
  var covered = panel.hidden ? 0 : Math.min(panel.offsetWidth, view.w / 2);
  view.k = Math.min((view.w - covered - 60) / Math.max(1, x1 - x0), (view.h - 60) / Math.max(1, y1 - y0));
  view.k = Math.max(view.k, 1e-4);
  view.cx = (x0 + x1) / 2 + covered / 2 / view.k;
  view.cy = (y0 + y1) / 2;
  view.fitK = view.k;
}

function redraw() {
  if (pending) return;
  pending = true;
  window.requestAnimationFrame(function () {
    pending = false;
    draw();
  });
}

// Draws the visible subgraph: relations batched by colour and width, then nodes batched
// by colour, then the labels of the larger nodes that do not overlap.
function draw() {
  ctx.clearRect(0, 0, view.w, view.h);
  var edges = visible.edges, nodes = visible.nodes;
  var sel = state.node, selEdge = state.edge;
  var batches = new Map();
  var highlighted = [];
  var arrows = edges.length <= 3000;
  for (var k = 0; k < edges.length; k++) {
    var e = edges[k];
    if (e === selEdge || (sel >= 0 && (EDGES.a[e] === sel || EDGES.t[e] === sel))) {
      highlighted.push(e);
      continue;
    }
    var width = Math.min(6, 0.6 + 0.7 * Math.sqrt(EDGES.w[e] - 1 + 1));
    var color = IS_DIFF ? D.statusColors[EDGES.st[e]] : "#8c8c8c";
    var key = color + "|" + width.toFixed(1);
    var list = batches.get(key);
    if (!list) batches.set(key, (list = []));
    list.push(e);
  }
  ctx.globalAlpha = sel >= 0 || selEdge >= 0 ? 0.25 : IS_DIFF ? 0.7 : 0.45;
  batches.forEach(function (list, key) {
    var parts = key.split("|");
    strokeEdges(list, parts[0], parseFloat(parts[1]), arrows);
  });
  ctx.globalAlpha = 1;
  highlighted.forEach(function (e) {
    strokeEdges([e], e === selEdge ? "#111" : "#444", e === selEdge ? 3.5 : 1.8, true);
  });
  drawn.edges = edges.length;

  var byColor = new Map();
  for (k = 0; k < nodes.length; k++) {
    var c = nodeColor(nodes[k]);
    var l = byColor.get(c);
    if (!l) byColor.set(c, (l = []));
    l.push(nodes[k]);
  }
  var outline = nodes.length <= 5000;
  byColor.forEach(function (list, color) {
    ctx.beginPath();
    list.forEach(function (i) {
      var r = radius(i), x = sx(i), y = sy(i);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    });
    ctx.fillStyle = color;
    ctx.fill();
    if (outline) {
      ctx.lineWidth = 1;
      ctx.strokeStyle = "#fff";
      ctx.stroke();
    }
  });
  if (sel >= 0 && visible.isNode[sel]) {
    ctx.beginPath();
    ctx.arc(sx(sel), sy(sel), radius(sel) + 3, 0, 2 * Math.PI);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = "#111";
    ctx.stroke();
  }
  drawn.nodes = nodes.length;
  drawLabels();
  drawn.frames++;
  if (firstRender < 0) firstRender = performance.now();
}

function strokeEdges(list, color, width, arrows) {
  ctx.beginPath();
  for (var k = 0; k < list.length; k++) {
    var e = list[k];
    if (EDGES.a[e] === EDGES.t[e]) {
      var i = EDGES.a[e], r = radius(i);
      ctx.moveTo(sx(i) + 2 * r, sy(i) - r);
      ctx.arc(sx(i) + r, sy(i) - r, r, 0, 2 * Math.PI);
      continue;
    }
    var s = segment(e);
    ctx.moveTo(s[0], s[1]);
    ctx.lineTo(s[2], s[3]);
    if (arrows) {
      var dx = s[2] - s[0], dy = s[3] - s[1], len = Math.sqrt(dx * dx + dy * dy);
      var back = radius(EDGES.t[e]) + 1;
      if (len > back + 10) {
        var ux = dx / len, uy = dy / len, tx = s[2] - ux * back, ty = s[3] - uy * back;
        var size = 4 + width;
        ctx.moveTo(tx - ux * size - uy * size * 0.5, ty - uy * size + ux * size * 0.5);
        ctx.lineTo(tx, ty);
        ctx.lineTo(tx - ux * size + uy * size * 0.5, ty - uy * size - ux * size * 0.5);
      }
    }
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
}

// Labels: the selected node and its neighbours first, then by mentions, as long as they
// do not overlap one already placed and the node is large enough (or among the first 60).
function drawLabels() {
  var nodes = Array.prototype.slice.call(visible.nodes);
  var first = new Set();
  if (state.node >= 0) {
    first.add(state.node);
    relationsOf(state.node, OUT).forEach(function (e) { first.add(EDGES.t[e]); });
    relationsOf(state.node, IN).forEach(function (e) { first.add(EDGES.a[e]); });
  }
  if (state.edge >= 0) {
    first.add(EDGES.a[state.edge]);
    first.add(EDGES.t[state.edge]);
  }
  nodes.sort(function (x, y) {
    return (first.has(y) ? 1 : 0) - (first.has(x) ? 1 : 0) || NODES.m[y] - NODES.m[x] || x - y;
  });
  var placed = [];
  ctx.font = "12px system-ui, sans-serif";
  ctx.textBaseline = "middle";
  ctx.lineJoin = "round";
  for (var k = 0; k < nodes.length && placed.length < 400 && k < 3000; k++) {
    var i = nodes[k];
    if (!visible.isNode[i]) continue;
    var r = radius(i);
    if (!first.has(i) && k >= 60 && r < 6) continue;
    var x = sx(i) + r + 3, y = sy(i);
    if (x < -200 || x > view.w || y < -10 || y > view.h + 10) continue;
    var text = nodeLabel(i);
    var w = ctx.measureText(text).width;
    var box = [x, y - 8, x + w, y + 8];
    var clash = false;
    for (var p = 0; p < placed.length && !clash; p++) {
      var b = placed[p];
      clash = box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3];
    }
    if (clash && !first.has(i)) continue;
    placed.push(box);
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.strokeText(text, x, y);
    ctx.fillStyle = "#222";
    ctx.fillText(text, x, y);
  }
}

// What is under a screen point: a node (the nearest within its radius), else a relation
// (the nearest within 5 pixels), else nothing.
function hitTest(px, py) {
  var best = -1, bestD = Infinity, k, i;
  var nodes = visible.nodes;
  for (k = 0; k < nodes.length; k++) {
    i = nodes[k];
    var dx = sx(i) - px, dy = sy(i) - py, d = Math.sqrt(dx * dx + dy * dy);
    if (d <= radius(i) + 2 && d < bestD) {
      best = i;
      bestD = d;
    }
  }
  if (best >= 0) return { node: best, edge: -1 };
  var edges = visible.edges;
  bestD = 5;
  for (k = 0; k < edges.length; k++) {
    var e = edges[k];
    if (EDGES.a[e] === EDGES.t[e]) continue;
    var d2 = distanceToSegment(px, py, segment(e));
    if (d2 <= bestD) {
      best = e;
      bestD = d2;
    }
  }
  return { node: -1, edge: best };
}

function distanceToSegment(px, py, s) {
  var dx = s[2] - s[0], dy = s[3] - s[1], len2 = dx * dx + dy * dy;
  var t = len2 > 0 ? ((px - s[0]) * dx + (py - s[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  var x = s[0] + t * dx - px, y = s[1] + t * dy - py;
  return Math.sqrt(x * x + y * y);
}

// Pan by dragging, zoom with the wheel (around the pointer), click to select.
var drag = null;
canvas.addEventListener("pointerdown", function (ev) {
  drag = { x: ev.clientX, y: ev.clientY, cx: view.cx, cy: view.cy, moved: false };
  canvas.setPointerCapture(ev.pointerId);
});
canvas.addEventListener("pointermove", function (ev) {
  if (!drag) return;
  var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
  if (Math.abs(dx) + Math.abs(dy) > 3) {
    drag.moved = true;
    canvas.classList.add("dragging");
  }
  if (drag.moved) {
    view.cx = drag.cx - dx / view.k;
    view.cy = drag.cy + dy / view.k;
    redraw();
  }
});
canvas.addEventListener("pointerup", function (ev) {
  var wasDrag = drag && drag.moved;
  drag = null;
  canvas.classList.remove("dragging");
  if (wasDrag) return;
  var rect = canvas.getBoundingClientRect();
  var hit = hitTest(ev.clientX - rect.left, ev.clientY - rect.top);
  if (hit.node >= 0) selectNode(hit.node, false);
  else if (hit.edge >= 0) selectEdge(hit.edge);
  else clearSelection();
});
canvas.addEventListener("wheel", function (ev) {
  ev.preventDefault();
  var rect = canvas.getBoundingClientRect();
  var px = ev.clientX - rect.left, py = ev.clientY - rect.top;
  var wx = view.cx + (px - view.w / 2) / view.k, wy = view.cy - (py - view.h / 2) / view.k;
  var factor = Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015));
  view.k = Math.min(view.fitK * 400, Math.max(view.fitK / 20, view.k * factor));
  view.cx = wx - (px - view.w / 2) / view.k;
  view.cy = wy + (py - view.h / 2) / view.k;
  redraw();
}, { passive: false });
window.addEventListener("resize", function () {
  resize();
  redraw();
});
