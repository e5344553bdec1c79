//! Weight tables: the final, quantised tables in their lookup layouts, and the
//! averaged-perceptron table used while training.

use std::collections::HashMap;

use super::transition::N_MOVES;
use crate::hash::IdBuild;

/// Final weights: rows of `nc` weights in key order, plus an open-addressing lookup table.
///
/// Two layouts, chosen by `nc`:
/// - **moves** (`nc == 3`): one 4-byte slot per key, with a 14-bit tag and the row as two
///   9-bit differences from its first weight. Only the differences between move scores
///   matter to the argmax, so storing `w1 - w0` and `w2 - w0` loses nothing but precision,
///   and halves the table (4 MB for the shipped model, as for the one before it). The table's size is what limits
///   parsing speed (cache and TLB misses), and this layout parses as accurately as the
///   16-bit one (EWT test UAS 85.04 against 84.94, PUD 83.03 against 82.99).
/// - **labels** (any other `nc`): a slot points at the row's non-zero weights (labelling
///   rows have about 5 of 51), so a lookup touches two small cache lines, not a dense row.
#[derive(Debug, Clone)]
pub(super) struct WeightTable {
    pub(super) nc: usize,
    /// Sorted keys; key `i` owns row `i` of `q` (kept for serialisation).
    pub(super) keys: Vec<u64>,
    /// Quantised weights: weight = `q * scale`.
    pub(super) q: Vec<i16>,
    pub(super) scale: f32,
    pub(super) mask: usize,
    /// Moves layout: `tag << 18 | d2 << 9 | d1`, 0 for an empty slot.
    pub(super) moves: Vec<u32>,
    /// Weight of one unit of a moves-layout difference.
    pub(super) diff_scale: f32,
    /// Labels layout: per slot `[tag, start << 8 | len]`, a run of `cells`.
    pub(super) slots: Vec<[u32; 2]>,
    /// Sparse rows: the non-zero weights, each `q << 8 | class`.
    pub(super) cells: Vec<u32>,
}

/// Weights a sparse table can address (24 bits of start in a slot).
pub(super) const MAX_CELLS: usize = 1 << 24;
/// Bits of each difference in the moves layout.
const DIFF_BITS: u32 = 9;
/// Bits of the tag in the moves layout.
const MOVE_TAG_SHIFT: u32 = 2 * DIFF_BITS;

/// 32-bit tag of the labels layout (never 0, which marks an empty slot).
#[inline]
fn tag_of(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

/// Tag bits of the moves layout, in place (never 0).
#[inline]
fn move_tag(key: u64) -> u32 {
    ((key >> 40) as u32 | 1) << MOVE_TAG_SHIFT
}

/// Sign-extends the `DIFF_BITS` low bits of `x`.
#[inline]
fn diff(x: u32) -> i32 {
    const SHIFT: u32 = 32 - DIFF_BITS;
    ((x << SHIFT) as i32) >> SHIFT
}

impl WeightTable {
    /// Quantises float rows to 16 bits and builds the lookup table.
    pub(super) fn quantise(nc: usize, keys: Vec<u64>, w: &[f32]) -> WeightTable {
        let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let q = w
            .iter()
            .map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        WeightTable::build(nc, keys, q, scale)
    }

    pub(super) fn build(nc: usize, keys: Vec<u64>, q: Vec<i16>, scale: f32) -> WeightTable {
        // A load factor between 1/3 and 2/3: probes stay short, and the table stays small
        // (its size in cache is what parsing speed depends on).
        let cap = (keys.len() * 3 / 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut t = WeightTable {
            nc,
            keys,
            q,
            scale,
            mask,
            moves: Vec::new(),
            diff_scale: 0.0,
            slots: Vec::new(),
            cells: Vec::new(),
        };
        if nc == N_MOVES {
            let rows = || {
                t.q.chunks_exact(3).map(|r| {
                    (
                        i32::from(r[1]) - i32::from(r[0]),
                        i32::from(r[2]) - i32::from(r[0]),
                    )
                })
            };
            let max = rows().fold(1, |m, (a, b)| m.max(a.abs()).max(b.abs()));
            let step = max as f32 / ((1 << (DIFF_BITS - 1)) - 1) as f32;
            let field = (1u32 << DIFF_BITS) - 1;
            let mut slots = vec![0u32; cap];
            for (&k, (d1, d2)) in t.keys.iter().zip(rows()) {
                let d1 = (d1 as f32 / step).round() as i32 as u32 & field;
                let d2 = (d2 as f32 / step).round() as i32 as u32 & field;
                let mut i = k as usize & mask;
                while slots[i] != 0 {
                    i = (i + 1) & mask;
                }
                slots[i] = move_tag(k) | d2 << DIFF_BITS | d1;
            }
            t.moves = slots;
            t.diff_scale = step * scale;
        } else {
            t.slots = vec![[0, 0]; cap];
            for (r, &k) in t.keys.iter().enumerate() {
                let start = t.cells.len();
                let row = &t.q[r * nc..(r + 1) * nc];
                t.cells.extend(
                    row.iter()
                        .enumerate()
                        .filter(|(_, w)| **w != 0)
                        .map(|(c, &w)| ((i32::from(w) << 8) as u32) | c as u32),
                );
                let len = t.cells.len() - start;
                let mut i = k as usize & mask;
                while t.slots[i][0] != 0 {
                    i = (i + 1) & mask;
                }
                t.slots[i] = [tag_of(k), (start as u32) << 8 | len as u32];
            }
        }
        t
    }

    /// The mean of tables of one shape, over the union of their keys (a missing row
    /// counts as zeros): scoring with it sums the tables' scores.
    pub(super) fn mean(tables: &[&WeightTable]) -> WeightTable {
        let nc = tables[0].nc;
        let mut keys: Vec<u64> = tables.iter().flat_map(|t| t.keys.iter().copied()).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut w = vec![0f32; keys.len() * nc];
        for t in tables {
            for (r, k) in t.keys.iter().enumerate() {
                let i = keys.binary_search(k).expect("key of the union");
                for c in 0..nc {
                    w[i * nc + c] += f32::from(t.q[r * nc + c]) * t.scale / tables.len() as f32;
                }
            }
        }
        WeightTable::quantise(nc, keys, &w)
    }

    /// Moves layout: the summed differences `w1 - w0` and `w2 - w0` of the rows of `feats`,
    /// in units of `diff_scale`.
    #[inline]
    pub(super) fn move_sums(&self, feats: &[u64]) -> (i32, i32) {
        let (mut a1, mut a2) = (0i32, 0i32);
        let mut first = [0u32; 128];
        let tags = u32::MAX << MOVE_TAG_SHIFT;
        for feats in feats.chunks(first.len()) {
            for (x, &f) in first.iter_mut().zip(feats) {
                *x = self.moves[f as usize & self.mask];
            }
            for (&f, &s0) in feats.iter().zip(first.iter()) {
                let tag = move_tag(f);
                let mut i = f as usize & self.mask;
                let mut s = s0;
                loop {
                    if s & tags == tag {
                        a1 += diff(s);
                        a2 += diff(s >> DIFF_BITS);
                        break;
                    }
                    if s == 0 {
                        break;
                    }
                    i = (i + 1) & self.mask;
                    s = self.moves[i];
                }
            }
        }
        (a1, a2)
    }

    /// Sums the rows of `feats` into `scores[..nc]`; for the moves layout, scores are
    /// relative to the first move's (which scores 0).
    ///
    /// The first slot of every feature is loaded in a branch-free pass first, so the cache
    /// misses overlap instead of waiting on each other.
    #[inline(never)]
    pub(super) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let nc = self.nc;
        scores[..nc].fill(0.0);
        if nc == N_MOVES {
            let (a1, a2) = self.move_sums(feats);
            scores[1] = a1 as f32 * self.diff_scale;
            scores[2] = a2 as f32 * self.diff_scale;
            return;
        }
        // Pass 1 loads every first slot; pass 2 probes them for each feature's run of
        // weights; pass 3 loads the first weight of every run, and pass 4 adds the runs.
        // Each pass's loads are independent of each other, so their cache misses overlap
        // (a run's weights are a second miss after its slot's).
        let mut acc = [0i32; 256];
        let mut first = [[0u32; 2]; 64];
        let mut runs = [0u32; 64];
        for feats in feats.chunks(first.len()) {
            for (x, &f) in first.iter_mut().zip(feats) {
                *x = self.slots[f as usize & self.mask];
            }
            let mut n = 0;
            for (&f, &s0) in feats.iter().zip(first.iter()) {
                let tag = tag_of(f);
                let mut i = f as usize & self.mask;
                let mut s = s0;
                loop {
                    if s[0] == tag {
                        // An empty run (every weight quantised to 0) is skipped.
                        runs[n] = s[1];
                        n += usize::from(s[1] & 0xff != 0);
                        break;
                    }
                    if s[0] == 0 {
                        break;
                    }
                    i = (i + 1) & self.mask;
                    s = self.slots[i];
                }
            }
            let mut touch = 0u32;
            for &r in &runs[..n] {
                touch ^= self.cells[(r >> 8) as usize];
            }
            std::hint::black_box(touch);
            for &r in &runs[..n] {
                let start = (r >> 8) as usize;
                let len = (r & 0xff) as usize;
                for &c in &self.cells[start..start + len] {
                    acc[(c & 0xff) as usize] += (c as i32) >> 8;
                }
            }
        }
        for (s, &a) in scores[..nc].iter_mut().zip(&acc) {
            *s = a as f32 * self.scale;
        }
    }
}

/// A table during training: current weights plus the running sums for averaging.
pub(super) struct TrainWeights {
    pub(super) nc: usize,
    pub(super) index: HashMap<u64, u32, IdBuild>,
    pub(super) w: Vec<f32>,
    /// Sum of `time * delta` per weight (Daume's averaging trick).
    pub(super) u: Vec<f64>,
}

impl TrainWeights {
    pub(super) fn new(nc: usize) -> TrainWeights {
        TrainWeights {
            nc,
            index: HashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
        }
    }

    pub(super) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let nc = self.nc;
        scores[..nc].fill(0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * nc..r as usize * nc + nc];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += *w;
                }
            }
        }
    }

    pub(super) fn update(&mut self, feats: &[u64], class: usize, delta: f32, time: f64) {
        let nc = self.nc;
        for &f in feats {
            let next = self.index.len() as u32;
            let r = *self.index.entry(f).or_insert(next) as usize;
            if r == next as usize {
                self.w.resize(self.w.len() + nc, 0.0);
                self.u.resize(self.u.len() + nc, 0.0);
            }
            self.w[r * nc + class] += delta;
            self.u[r * nc + class] += time * f64::from(delta);
        }
    }

    /// The averaged weights, with rows whose weights are all small dropped. Rows are
    /// renumbered in key order so the result does not depend on insertion order.
    pub(super) fn average(self, time: f64, prune_below: f32) -> WeightTable {
        let nc = self.nc;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut out_keys = Vec::new();
        let mut out_w = Vec::new();
        let mut row = vec![0f32; nc];
        for (k, r) in keys {
            let r = r as usize;
            let mut keep = false;
            for (c, x) in row.iter_mut().enumerate() {
                let avg = f64::from(self.w[r * nc + c]) - self.u[r * nc + c] / time;
                *x = avg as f32;
                keep |= x.abs() >= prune_below;
            }
            if keep {
                out_keys.push(k);
                out_w.extend_from_slice(&row);
            }
        }
        WeightTable::quantise(nc, out_keys, &out_w)
    }
}
