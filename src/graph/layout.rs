//! A deterministic force-directed layout for drawing the graph: ForceAtlas2 (Jacomy et al.
//! 2014, the layout Gephi users know) with Barnes–Hut repulsion.
//!
//! - Nodes are keyed by their id; everything is put in key order first, so the positions
//!   depend on the nodes and edges given, never on the order they are given in.
//! - Start positions come from a hash of each key (seeded), so they are the same in every run.
//! - `f64`, a fixed number of iterations (fewer for bigger graphs, see [`iterations`]), and
//!   the coordinates rounded to integers at the end: the same input gives the same numbers
//!   on every run and every thread count.
//! - Parallel (rayon, in the current pool) where that cannot change a bit: each node's
//!   force is summed on its own, in a fixed order (its quadtree walk, then gravity, then
//!   its links in link order), from the positions and the quadtree of the iteration, which
//!   no one writes meanwhile; each node's move reads only its own forces. What adds up
//!   over all nodes (the quadtree, the swinging and traction) is done on one thread, in
//!   node order.
//!
//! Forces, as in Gephi's ForceAtlas2: repulsion `kr·(d₁+1)(d₂+1)/dist` between every pair
//! of nodes (by degree `d`, approximated by a quadtree beyond [`THETA`]), linear attraction
//! `w·dist` along each edge of weight `w`, and "strong gravity" `kg·(d+1)·dist` towards the
//! centre (it keeps the many small components of a news graph near the main one; weaker on
//! bigger graphs, see [`gravity`]), with ForceAtlas2's adaptive speed (swinging and
//! traction).
//!
//! Leaves are not simulated. A leaf is a node all of whose links go to one other node (on
//! the BBC build's page, 13,000 of 21,000 nodes): it joins that node as one body, its mass
//! added to the body's, and is placed around it when the simulation is done, at twice
//! the distance where its forces balance. So a big graph simulates a third of its nodes,
//! with the iterations and gravity of its full size (a smaller system settles at least as
//! well in as many).
//!
//! Written here (about 400 lines of code) rather than taken from a crate: `forceatlas2` is
//! AGPL-3.0, and `fa2` uses rayon and documents no promise of the same numbers for every
//! thread count, which the page's bytes need.

use rayon::prelude::*;

use crate::hash::hash_str;

/// Barnes–Hut accuracy: a quadtree cell whose side is less than `THETA` times its distance
/// acts as one body (Gephi's default, 1.2).
pub const THETA: f64 = 1.2;

/// Repulsion strength (`kr`, ForceAtlas2's "scaling").
const SCALING: f64 = 2.0;

/// Gravity strength (`kg`) for a graph of `nodes` nodes: `100 / n` within `[0.01, 1]`.
///
/// Strong gravity keeps a small graph's many components close together (the seeds' 78
/// nodes: 1), but on a big graph it presses everything into one even disc; at 0.01 the BBC
/// graph's main component shows its clusters (sport, politics, business) with the small
/// components in a ring around it, as in Gephi.
///
/// ```
/// use actorgraph::graph::layout::gravity;
/// assert_eq!(gravity(78), 1.0);
/// assert_eq!(gravity(1_000), 0.1);
/// assert_eq!(gravity(21_000), 0.01);
/// ```
pub fn gravity(nodes: usize) -> f64 {
    (100.0 / nodes.max(1) as f64).clamp(0.01, 1.0)
}

/// ForceAtlas2's jitter tolerance.
const JITTER_TOLERANCE: f64 = 1.0;

/// A quadtree subdivides at most this often; deeper bodies share one cell.
const MAX_DEPTH: u32 = 48;

/// The largest absolute coordinate written: positions are scaled to `±EXTENT`.
pub const EXTENT: f64 = 10_000.0;

/// The number of iterations for a graph of `nodes` nodes (leaves included): 300 up to
/// 2,000 nodes, fewer above (each iteration costs about `n·log n`), at least 60.
///
/// ```
/// use actorgraph::graph::layout::iterations;
/// assert_eq!(iterations(50), 300);
/// assert_eq!(iterations(26_000), 60);
/// ```
pub fn iterations(nodes: usize) -> usize {
    match nodes {
        0..=2_000 => 300,
        2_001..=8_000 => 150,
        8_001..=16_000 => 90,
        _ => 60,
    }
}

/// Lays out nodes keyed by `keys` (unique) joined by `edges` (indices into `keys`, and a
/// weight), from start positions seeded by `seed`. Returns each node's position, in the
/// order of `keys`, as integers within `±EXTENT`.
///
/// ```
/// use actorgraph::graph::layout::layout;
/// let keys = ["a", "b", "c"];
/// let edges = [(0, 1, 1.0), (1, 2, 1.0)];
/// let p = layout(&keys, &edges, 7);
/// assert_eq!(p.len(), 3);
/// // The same nodes and edges in another order: the same position for each key.
/// let q = layout(&["c", "a", "b"], &[(1, 2, 1.0), (2, 0, 1.0)], 7);
/// assert_eq!((p[0], p[1], p[2]), (q[1], q[2], q[0]));
/// ```
pub fn layout(keys: &[&str], edges: &[(usize, usize, f64)], seed: u64) -> Vec<(i32, i32)> {
    let n = keys.len();
    if n == 0 {
        return Vec::new();
    }
    // Key order, whatever order the caller used.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| keys[a].cmp(keys[b]));
    let mut rank = vec![0usize; n];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut links: Vec<(usize, usize, f64)> = edges
        .iter()
        .filter(|&&(a, b, _)| a < n && b < n && a != b)
        .map(|&(a, b, w)| {
            let (a, b) = (rank[a], rank[b]);
            let w = if w.is_finite() && w > 0.0 { w } else { 1.0 };
            (a.min(b), a.max(b), w)
        })
        .collect();
    links.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(x.2.total_cmp(&y.2)));

    let mut mass = vec![1.0f64; n];
    for &(a, b, _) in &links {
        mass[a] += 1.0;
        mass[b] += 1.0;
    }
    let spread = (n as f64).sqrt() * 10.0;
    let mut x = vec![0.0f64; n];
    let mut y = vec![0.0f64; n];
    for (r, &i) in order.iter().enumerate() {
        let h = hash_str(keys[i]) ^ seed.rotate_left(17);
        x[r] = unit(crate::hash::hash_mix(h, 1)) * spread;
        y[r] = unit(crate::hash::hash_mix(h, 2)) * spread;
    }

    // Leaves are not simulated: each is carried by the node it hangs on (its mass joins
    // that node's) and placed around it at the end.
    let parent = parents(n, &links);
    let mut body_of = vec![usize::MAX; n];
    let mut bodies: Vec<usize> = Vec::with_capacity(n);
    for i in 0..n {
        if parent[i].is_none() {
            body_of[i] = bodies.len();
            bodies.push(i);
        }
    }
    let mut body_mass: Vec<f64> = bodies.iter().map(|&i| mass[i]).collect();
    for i in 0..n {
        if let Some(p) = parent[i] {
            body_mass[body_of[p]] += mass[i];
        }
    }
    let body_links: Vec<(usize, usize, f64)> = links
        .iter()
        .filter(|&&(a, b, _)| parent[a].is_none() && parent[b].is_none())
        .map(|&(a, b, w)| (body_of[a], body_of[b], w))
        .collect();
    let mut bx: Vec<f64> = bodies.iter().map(|&i| x[i]).collect();
    let mut by: Vec<f64> = bodies.iter().map(|&i| y[i]).collect();
    let adjacency = Adjacency::new(bodies.len(), &body_links);
    let mut state = Forces::new(bodies.len(), gravity(n));
    let mut speed = Speed::new();
    for _ in 0..iterations(n) {
        state.step(&bx, &by, &body_mass, &adjacency);
        speed.apply(&mut bx, &mut by, &body_mass, &state);
    }
    for (b, &i) in bodies.iter().enumerate() {
        x[i] = bx[b];
        y[i] = by[b];
    }
    place_leaves(&parent, &links, &mass, keys, &order, seed, &mut x, &mut y);

    let max = x.iter().chain(y.iter()).fold(
        0.0f64,
        |m, v| if v.is_finite() { m.max(v.abs()) } else { m },
    );
    let scale = if max > 0.0 { EXTENT / max } else { 1.0 };
    let round = |v: f64| -> i32 {
        if v.is_finite() {
            // Within ±EXTENT, so the cast cannot overflow.
            (v * scale).round().clamp(-EXTENT, EXTENT) as i32
        } else {
            0
        }
    };
    (0..n)
        .map(|i| (round(x[rank[i]]), round(y[rank[i]])))
        .collect()
}

/// Where each node hangs, if it is a leaf: a node all of whose links go to one other node,
/// which is not itself a leaf (of two nodes linked only to each other, the second in key
/// order hangs on the first).
fn parents(n: usize, links: &[(usize, usize, f64)]) -> Vec<Option<usize>> {
    const NONE: usize = usize::MAX;
    const MANY: usize = usize::MAX - 1;
    let mut only = vec![NONE; n];
    let mut note = |i: usize, j: usize| {
        only[i] = match only[i] {
            NONE => j,
            k if k == j => j,
            _ => MANY,
        }
    };
    for &(a, b, _) in links {
        note(a, b);
        note(b, a);
    }
    (0..n)
        .map(|i| {
            let p = only[i];
            (p < n && (only[p] != i || i > p)).then_some(p)
        })
        .collect()
}

/// The golden angle, which spreads the leaves of one node evenly over a disc.
const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;

/// How far out leaves are placed, in units of the distance where their forces balance.
///
/// Measured on the BBC build's page: at 2, 3% of the nodes have another node within 10
/// units (of ±10,000), against 24% when every node was simulated, and linked nodes are
/// closer (mean link length over mean distance 0.051, against 0.066); at 1 leaves crowd
/// their node (25%), at 3 and 4 they spread without parting more (3.4%, 3.2%).
const LEAF_SPREAD: f64 = 2.0;

/// Places each leaf around the node it hangs on: the `j`-th of its `k` leaves (in key
/// order) at the golden angle from the one before, starting from an angle hashed from the
/// node's key, at `LEAF_SPREAD·r·√((j+1)/k)`, where `r` is the distance at which a leaf's
/// attraction (`w·r`) balances the repulsion of its node and of half its fellow leaves
/// (`kr·m·(M + L/2)/r`): leaves fill a disc around their node, as ForceAtlas2 draws them.
#[allow(clippy::too_many_arguments)] // one private step of `layout`, reading its arrays
fn place_leaves(
    parent: &[Option<usize>],
    links: &[(usize, usize, f64)],
    mass: &[f64],
    keys: &[&str],
    order: &[usize],
    seed: u64,
    x: &mut [f64],
    y: &mut [f64],
) {
    let n = parent.len();
    // Each leaf's total link weight; each node's leaf count and leaf mass.
    let mut weight = vec![0.0f64; n];
    for &(a, b, w) in links {
        if parent[a] == Some(b) {
            weight[a] += w;
        }
        if parent[b] == Some(a) {
            weight[b] += w;
        }
    }
    let mut count = vec![0usize; n];
    let mut leaf_mass = vec![0.0f64; n];
    for i in 0..n {
        if let Some(p) = parent[i] {
            count[p] += 1;
            leaf_mass[p] += mass[i];
        }
    }
    let mut placed = vec![0usize; n];
    for i in 0..n {
        let Some(p) = parent[i] else { continue };
        let j = placed[p];
        placed[p] += 1;
        let k = count[p] as f64;
        let r = (SCALING * mass[i] * (mass[p] + leaf_mass[p] / 2.0) / weight[i].max(1e-9)).sqrt();
        let h = hash_str(keys[order[p]]) ^ seed.rotate_left(17);
        let angle = (unit(crate::hash::hash_mix(h, 3)) + 1.0) * std::f64::consts::PI
            + j as f64 * GOLDEN_ANGLE;
        let rho = LEAF_SPREAD * r * ((j + 1) as f64 / k).sqrt();
        x[i] = x[p] + rho * angle.cos();
        y[i] = y[p] + rho * angle.sin();
    }
}

/// A hash mapped to `[-1, 1)`.
fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 52) as f64 - 1.0
}

/// Each node's links, in link order: the other end and the weight (compressed rows).
struct Adjacency {
    /// Node `i`'s links are `links[start[i]..start[i + 1]]`.
    start: Vec<usize>,
    links: Vec<(usize, f64)>,
}

impl Adjacency {
    fn new(n: usize, links: &[(usize, usize, f64)]) -> Adjacency {
        let mut start = vec![0usize; n + 1];
        for &(a, b, _) in links {
            start[a + 1] += 1;
            start[b + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut out = vec![(0usize, 0.0f64); start[n]];
        for &(a, b, w) in links {
            out[fill[a]] = (b, w);
            fill[a] += 1;
            out[fill[b]] = (a, w);
            fill[b] += 1;
        }
        Adjacency { start, links: out }
    }

    fn of(&self, i: usize) -> &[(usize, f64)] {
        &self.links[self.start[i]..self.start[i + 1]]
    }
}

/// The forces of one iteration, and those of the one before (for the swinging).
struct Forces {
    dx: Vec<f64>,
    dy: Vec<f64>,
    old_dx: Vec<f64>,
    old_dy: Vec<f64>,
    tree: QuadTree,
    /// [`gravity`] of the graph.
    gravity: f64,
}

impl Forces {
    fn new(n: usize, gravity: f64) -> Forces {
        Forces {
            dx: vec![0.0; n],
            dy: vec![0.0; n],
            old_dx: vec![0.0; n],
            old_dy: vec![0.0; n],
            tree: QuadTree::default(),
            gravity,
        }
    }

    /// The forces on every node. Each node's sum is its own, in a fixed order, so the
    /// numbers do not depend on the threads.
    fn step(&mut self, x: &[f64], y: &[f64], mass: &[f64], adjacency: &Adjacency) {
        std::mem::swap(&mut self.dx, &mut self.old_dx);
        std::mem::swap(&mut self.dy, &mut self.old_dy);
        self.tree.build(x, y, mass);
        let (tree, gravity) = (&self.tree, self.gravity);
        self.dx
            .par_iter_mut()
            .zip(self.dy.par_iter_mut())
            .enumerate()
            .with_min_len(256)
            .for_each_init(Vec::new, |stack, (i, (dx, dy))| {
                let (fx, fy) = tree.repulsion(i, x, y, mass, stack);
                // The same operations, in the same order, as summing the repulsion, the
                // gravity and then every link in link order into a zeroed array.
                let (mut fx, mut fy) = (0.0 + fx, 0.0 + fy);
                // Strong gravity, kg·m·distance towards the centre.
                fx -= x[i] * gravity * mass[i];
                fy -= y[i] * gravity * mass[i];
                // Linear attraction along each link.
                for &(j, w) in adjacency.of(i) {
                    fx -= (x[i] - x[j]) * w;
                    fy -= (y[i] - y[j]) * w;
                }
                *dx = fx;
                *dy = fy;
            });
    }
}

/// ForceAtlas2's adaptive speed: global speed from the swinging and traction of all nodes,
/// each node slowed down by its own swinging.
struct Speed {
    speed: f64,
    efficiency: f64,
}

impl Speed {
    fn new() -> Speed {
        Speed {
            speed: 1.0,
            efficiency: 1.0,
        }
    }

    fn apply(&mut self, x: &mut [f64], y: &mut [f64], mass: &[f64], f: &Forces) {
        let n = x.len() as f64;
        let mut swinging = 0.0;
        let mut traction = 0.0;
        for (i, m) in mass.iter().enumerate() {
            let (sx, sy) = (f.old_dx[i] - f.dx[i], f.old_dy[i] - f.dy[i]);
            swinging += m * (sx * sx + sy * sy).sqrt();
            let (tx, ty) = (f.old_dx[i] + f.dx[i], f.old_dy[i] + f.dy[i]);
            traction += 0.5 * m * (tx * tx + ty * ty).sqrt();
        }
        if swinging <= 0.0 || traction <= 0.0 {
            return;
        }
        let estimated = 0.05 * n.sqrt();
        let min_jitter = estimated.sqrt();
        let mut jitter =
            JITTER_TOLERANCE * min_jitter.max((estimated * traction / (n * n)).min(10.0));
        let min_efficiency = 0.05;
        if swinging / traction > 2.0 {
            if self.efficiency > min_efficiency {
                self.efficiency *= 0.5;
            }
            jitter = jitter.max(JITTER_TOLERANCE);
        }
        let target = jitter * self.efficiency * traction / swinging;
        if swinging > jitter * traction {
            if self.efficiency > min_efficiency {
                self.efficiency *= 0.7;
            }
        } else if self.speed < 1000.0 {
            self.efficiency *= 1.3;
        }
        self.speed += (target - self.speed).min(0.5 * self.speed);
        let speed = self.speed;
        x.par_iter_mut()
            .zip(y.par_iter_mut())
            .enumerate()
            .with_min_len(1024)
            .for_each(|(i, (x, y))| {
                let (sx, sy) = (f.old_dx[i] - f.dx[i], f.old_dy[i] - f.dy[i]);
                let swing = mass[i] * (sx * sx + sy * sy).sqrt();
                let factor = speed / (1.0 + (speed * swing).sqrt());
                *x += f.dx[i] * factor;
                *y += f.dy[i] * factor;
            });
    }
}

/// No child.
const NONE: u32 = u32::MAX;

/// One square of the quadtree: its bodies' total mass and centre of mass, and either its
/// four children or (a leaf) its one body.
#[derive(Clone, Copy)]
struct Cell {
    x0: f64,
    y0: f64,
    size: f64,
    mass: f64,
    /// `Σ m·x` while building, then the centre of mass.
    mx: f64,
    /// `Σ m·y` while building, then the centre of mass.
    my: f64,
    /// Bodies inside.
    count: u32,
    /// The body of a leaf holding one body.
    body: u32,
    /// First of the four children (consecutive), or [`NONE`].
    children: u32,
    depth: u32,
}

/// A Barnes–Hut quadtree, rebuilt every iteration into the same arena.
#[derive(Default)]
struct QuadTree {
    cells: Vec<Cell>,
}

impl QuadTree {
    fn build(&mut self, x: &[f64], y: &[f64], mass: &[f64]) {
        self.cells.clear();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for i in 0..x.len() {
            x0 = x0.min(x[i]);
            y0 = y0.min(y[i]);
            x1 = x1.max(x[i]);
            y1 = y1.max(y[i]);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-9) * 1.000_001;
        self.cells.push(Cell::empty(x0, y0, size, 0));
        for i in 0..x.len() {
            self.insert(i as u32, x[i], y[i], mass[i], x, y);
        }
        // From here on `mx`, `my` hold the centre of mass itself.
        for cell in &mut self.cells {
            if cell.mass > 0.0 {
                cell.mx /= cell.mass;
                cell.my /= cell.mass;
            }
        }
    }

    fn insert(&mut self, body: u32, bx: f64, by: f64, m: f64, x: &[f64], y: &[f64]) {
        let mut c = 0usize;
        loop {
            let cell = &mut self.cells[c];
            cell.mass += m;
            cell.mx += m * bx;
            cell.my += m * by;
            cell.count += 1;
            if cell.count == 1 {
                cell.body = body;
                return;
            }
            if cell.children == NONE {
                if cell.depth >= MAX_DEPTH {
                    // Coincident bodies: the cell keeps them as one mass.
                    cell.body = NONE;
                    return;
                }
                // Split the leaf: its body moves down into a child.
                let old = cell.body;
                cell.body = NONE;
                let (x0, y0, half, depth) = (cell.x0, cell.y0, cell.size / 2.0, cell.depth + 1);
                let first = self.cells.len() as u32;
                self.cells[c].children = first;
                for k in 0..4 {
                    let cx = x0 + if k & 1 == 1 { half } else { 0.0 };
                    let cy = y0 + if k & 2 == 2 { half } else { 0.0 };
                    self.cells.push(Cell::empty(cx, cy, half, depth));
                }
                if old != NONE {
                    let (ox, oy) = (x[old as usize], y[old as usize]);
                    let k = self.cells[c].quadrant(ox, oy);
                    // The leaf held that one body: its mass is the cell's before this one.
                    let om = self.cells[c].mass - m;
                    let child = &mut self.cells[(first + k) as usize];
                    child.mass = om;
                    child.mx = om * ox;
                    child.my = om * oy;
                    child.count = 1;
                    child.body = old;
                }
            }
            let cell = &self.cells[c];
            c = (cell.children + cell.quadrant(bx, by)) as usize;
        }
    }

    /// The repulsion on body `i` from all the others.
    fn repulsion(
        &self,
        i: usize,
        x: &[f64],
        y: &[f64],
        mass: &[f64],
        stack: &mut Vec<u32>,
    ) -> (f64, f64) {
        let (xi, yi, mi) = (x[i], y[i], mass[i]);
        let (mut fx, mut fy) = (0.0, 0.0);
        stack.clear();
        stack.push(0);
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.count == 0 || (cell.count == 1 && cell.body == i as u32) {
                continue;
            }
            let (ex, ey) = (xi - cell.mx, yi - cell.my);
            let d2 = ex * ex + ey * ey;
            let leaf = cell.children == NONE;
            if leaf || cell.size * cell.size < THETA * THETA * d2 {
                if d2 > 0.0 {
                    let f = SCALING * mi * cell.mass / d2;
                    fx += ex * f;
                    fy += ey * f;
                }
            } else {
                let first = cell.children;
                for k in first..first + 4 {
                    if self.cells[k as usize].count > 0 {
                        stack.push(k);
                    }
                }
            }
        }
        (fx, fy)
    }
}

impl Cell {
    fn empty(x0: f64, y0: f64, size: f64, depth: u32) -> Cell {
        Cell {
            x0,
            y0,
            size,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            count: 0,
            body: NONE,
            children: NONE,
            depth,
        }
    }

    /// The child quadrant (0–3) of a point: bit 0 right half, bit 1 upper half.
    fn quadrant(&self, px: f64, py: f64) -> u32 {
        let half = self.size / 2.0;
        u32::from(px >= self.x0 + half) | (u32::from(py >= self.y0 + half) << 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: usize) -> (Vec<String>, Vec<(usize, usize, f64)>) {
        let keys: Vec<String> = (0..n).map(|i| format!("node.{i:04}")).collect();
        let edges = (0..n).map(|i| (i, (i + 1) % n, 1.0)).collect();
        (keys, edges)
    }

    #[test]
    fn same_input_same_positions_in_any_order() {
        let (keys, edges) = ring(200);
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let first = layout(&refs, &edges, 1);
        assert_eq!(first, layout(&refs, &edges, 1));
        // Reversed nodes (edges renumbered, reversed too): the same position per key.
        let rev: Vec<&str> = refs.iter().rev().copied().collect();
        let n = refs.len();
        let rev_edges: Vec<(usize, usize, f64)> = edges
            .iter()
            .rev()
            .map(|&(a, b, w)| (n - 1 - b, n - 1 - a, w))
            .collect();
        let second = layout(&rev, &rev_edges, 1);
        for i in 0..n {
            assert_eq!(first[i], second[n - 1 - i]);
        }
        // Another seed, another picture.
        assert_ne!(first, layout(&refs, &edges, 2));
    }

    /// A graph big enough to be split between threads: a ring with chords and a hub, a
    /// leaf on every fourth ring node (two links to one of them), pairs linked only to
    /// each other, and a node without links.
    fn tangle(n: usize) -> (Vec<String>, Vec<(usize, usize, f64)>) {
        let (mut keys, mut edges) = ring(n);
        for i in 0..n {
            edges.push((i, (i * 7 + 3) % n, (i % 3) as f64 + 1.0));
            if i % 5 == 0 {
                edges.push((0, i, 1.0));
            }
            if i % 4 == 0 {
                keys.push(format!("leaf.{i:04}"));
                edges.push((i, keys.len() - 1, 1.0));
                if i % 8 == 0 {
                    edges.push((keys.len() - 1, i, 2.0));
                }
            }
            if i % 50 == 0 {
                keys.push(format!("pair.{i:04}.a"));
                keys.push(format!("pair.{i:04}.b"));
                edges.push((keys.len() - 1, keys.len() - 2, 1.0));
            }
        }
        keys.push("alone".to_owned());
        (keys, edges)
    }

    #[test]
    fn leaves_hang_on_their_node() {
        let (keys, edges) = tangle(400);
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let p = layout(&refs, &edges, 5);
        let dist = |a: (i32, i32), b: (i32, i32)| {
            (((a.0 - b.0) as f64).powi(2) + ((a.1 - b.1) as f64).powi(2)).sqrt()
        };
        let mut pairs: Vec<f64> = (0..p.len())
            .flat_map(|a| (0..a).map(move |b| (a, b)))
            .map(|(a, b)| dist(p[a], p[b]))
            .collect();
        pairs.sort_by(f64::total_cmp);
        let median = pairs[pairs.len() / 2];
        let mut leaves = 0;
        for &(a, b, _) in &edges {
            // `.b` of a pair hangs on `.a`: the first in key order stays a body.
            let is_leaf = |k: &str| k.starts_with("leaf.") || k.ends_with(".b");
            let (node, leaf) = if is_leaf(&keys[a]) { (b, a) } else { (a, b) };
            if is_leaf(&keys[leaf]) {
                leaves += 1;
                let hang = dist(p[node], p[leaf]);
                assert!(hang > 0.0, "{} on {}", keys[leaf], keys[node]);
                assert!(hang < median / 4.0, "{}: {hang} vs {median}", keys[leaf]);
            }
        }
        assert_eq!(leaves, 100 + 50 + 8);
        // The node without links is placed too, and distinct.
        let mut distinct = p.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), p.len());
    }

    #[test]
    fn leaves_in_any_order() {
        let (keys, edges) = tangle(300);
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let n = refs.len();
        let first = layout(&refs, &edges, 9);
        let rev: Vec<&str> = refs.iter().rev().copied().collect();
        let rev_edges: Vec<(usize, usize, f64)> = edges
            .iter()
            .rev()
            .map(|&(a, b, w)| (n - 1 - b, n - 1 - a, w))
            .collect();
        let second = layout(&rev, &rev_edges, 9);
        for i in 0..n {
            assert_eq!(first[i], second[n - 1 - i], "{}", refs[i]);
        }
    }

    #[test]
    fn same_positions_on_any_number_of_threads() {
        let (keys, edges) = tangle(3_000);
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool")
                .install(|| layout(&refs, &edges, 3))
        };
        let one = on(1);
        assert_eq!(one, on(2));
        assert_eq!(one, on(3));
    }

    #[test]
    fn positions_are_spread_within_the_extent() {
        let (keys, edges) = ring(60);
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let p = layout(&refs, &edges, 0);
        let max = p.iter().map(|&(x, y)| x.abs().max(y.abs())).max();
        assert_eq!(max, Some(EXTENT as i32));
        let mut distinct = p.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), p.len());
        // Neighbours on the ring end up closer than the average pair.
        let dist = |a: (i32, i32), b: (i32, i32)| {
            (((a.0 - b.0) as f64).powi(2) + ((a.1 - b.1) as f64).powi(2)).sqrt()
        };
        let linked: f64 = edges.iter().map(|&(a, b, _)| dist(p[a], p[b])).sum::<f64>() / 60.0;
        let all: f64 = (0..60)
            .flat_map(|a| (0..60).map(move |b| (a, b)))
            .map(|(a, b)| dist(p[a], p[b]))
            .sum::<f64>()
            / 3600.0;
        assert!(linked < all / 2.0, "{linked} vs {all}");
    }

    /// The positions of a small graph, frozen: a change to the layout changes every page's
    /// bytes, so it should be deliberate.
    #[test]
    fn snapshot_of_a_small_graph() {
        let keys = [
            "org.eu",
            "org.nato",
            "person.king",
            "place.russia",
            "thing.aid",
        ];
        let edges = [(0, 1, 2.0), (2, 3, 1.0), (1, 3, 1.0), (0, 4, 1.0)];
        let p = layout(&keys, &edges, 0x6163_746f_7267_7261);
        assert_eq!(
            format!("{p:?}"),
            "[(-3734, 2325), (-1585, -2650), (-7812, -7165), (4685, -735), (10000, -660)]"
        );
    }

    #[test]
    fn degenerate_inputs() {
        assert!(layout(&[], &[], 0).is_empty());
        assert_eq!(layout(&["a"], &[(0, 0, 1.0), (0, 5, 1.0)], 0).len(), 1);
    }
}
