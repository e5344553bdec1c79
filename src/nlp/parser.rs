//! Transition-based dependency parser producing UD relations.
//!
//! # Design
//!
//! - **Transitions:** arc-hybrid (Kuhlmann et al. 2011) with the artificial ROOT at the end of
//!   the buffer (Ballesteros and Nivre 2013). Three unlabelled moves: `SHIFT`, `LEFT` (the
//!   first buffer word becomes the head of the stack top) and `RIGHT` (the second stack word
//!   becomes the head of the stack top). A word attached to ROOT is allowed only when it is
//!   the last word on the stack, so every parse is a tree with exactly one root.
//! - **Labels:** when a word is attached it is complete (arc-hybrid attaches a word only
//!   once it has all its dependents), so a second averaged perceptron labels the arc right
//!   away from features of the head, the dependent and the dependent's children. The labels
//!   then feed the structural features of later moves.
//! - **Training:** averaged perceptron with the Goldberg and Nivre (2013) dynamic oracle and
//!   error exploration; pure, deterministic for a given seed.
//! - **Features:** about 100 structural and 28 labelling templates (words, PTB and UD tags,
//!   suffixes, shapes of stack and buffer words, their leftmost/rightmost children and
//!   labels, valency, distance), hashed to `u64` and looked up once each in an
//!   open-addressing table (4-byte slots with the move weights inline as differences;
//!   sparse rows for the labeller, see `Table`). Weights are saved as 16-bit integers.
//!   No allocation per move.
//! - **Punctuation convention:** before training, a comma that closes a fronted
//!   `advcl`/`obl`/`advmod`/`amod` is re-attached from the modifier to its governor
//!   (see `attach_commas_to_governor`): the convention of UD English-PUD (news), where
//!   EWT's own choice cost about 300 PUD commas. It costs about 0.5 UAS on EWT test.
//! - **Punctuation labels:** a `PUNCT` word always gets `punct` (as in every EWT sentence).
//! - **Averaging:** [`Parser::train_averaged`] takes the mean of the weights of parsers
//!   trained with different seeds. Scores are linear in the weights, so it decodes with the sum of
//!   their scores (an ensemble) at one parser's number of lookups; its tables hold the
//!   union of their features.
//! - **Label shortcuts:** arcs whose label a small key (dependent word and tag, head tag,
//!   direction) fixes take it from a table learnt from the parser's own labels on its
//!   training data, instead of 28 weight lookups (see `label_key`).
//!
//! The serialized form ([`Parser::to_bytes`], format 3) stores the pruned, quantised tables
//! in their lookup layout (see `Table`), so loading copies arrays, then the label shortcuts;
//! format 2 (no shortcuts) and format 1 (sorted keys and 16-bit rows) still load. Optional
//! word classes ([`WordClusters`]) add 14 structural and 4 labelling features.
//!
//! # Measured
//!
//! Figures of the shipped model are in `models/README.md`. The first trial of this parser
//! (EWT train only, 12 epochs, seed 1, gold tokenization and gold tags, every token scored,
//! `cargo run --release --example parser_eval`) gave UAS / LAS 87.57 / 85.65 on EWT test and
//! 85.99 / 83.53 on PUD; through the whole pipeline, on jack-knifed and predicted tags,
//! 84.29 / 80.73 and 82.17 / 78.14: tagging errors cost about 3.3 UAS.
//! `parser_eval --jackknife CACHE` retrains only the parser on cached jack-knifed tags (about
//! two minutes) and scores it through the whole pipeline, for parser trials.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::clusters::WordClusters;
use crate::model::Upos;

/// A trained dependency parser.
#[derive(Debug, Clone)]
pub struct Parser {
    /// Relation names; index [`ROOT_LABEL`] is `root`.
    labels: Vec<&'static str>,
    /// Known (frequent) normalised word hashes; other words map to [`UNK`].
    vocab: HashMap<u64, (), IdBuild>,
    /// Structural model: one row of [`N_MOVES`] weights per feature.
    moves: Table,
    /// Word classes (may be empty).
    clusters: WordClusters,
    /// Labelling model: one row of `labels.len()` weights per feature.
    labeller: Table,
    /// Index of `punct` in `labels` (`usize::MAX` when absent): punctuation always gets it.
    punct: usize,
    /// Labels taken from a small table instead of the labeller (see `label_key`).
    label_shortcuts: HashMap<u64, u8, IdBuild>,
}

fn punct_index(labels: &[&str]) -> usize {
    labels
        .iter()
        .position(|&l| l == "punct")
        .unwrap_or(usize::MAX)
}

/// Hashed UPOS attribute of punctuation.
const PUNCT_ATTR: u64 = 0x100 + Upos::Punct as u64;

/// Relations of fronted dependents whose following comma we attach to the governor.
const FRONTED: [&str; 4] = ["advcl", "obl", "advmod", "amod"];

/// Training-time tree normalisation for one punctuation convention.
///
/// UD English-EWT attaches the comma after a fronted modifier to the modifier
/// (`In October[obl] ,→October the team met`); UD English-PUD (news) and the UD guideline
/// reading "punctuation attaches to the head of the clause" attach it to the governor
/// (`,→met`). We train on the latter: for a comma at `i` whose gold head `d < i` is an
/// `advcl`/`obl`/`advmod`/`amod` with its own head `g > i`, and whose subtree ends at the
/// comma, the comma is re-attached to `g`. Heads are 0-based with ROOT = `n`.
fn attach_commas_to_governor(forms: &[String], deprels: &[String], gh: &mut [u32]) {
    let n = forms.len();
    // Rightmost descendant of every word (excluding commas' own attachment choices below).
    let mut right = (0..n).collect::<Vec<usize>>();
    for i in 0..n {
        let mut h = gh[i] as usize;
        let mut steps = 0;
        while h < n && steps <= n {
            if right[h] < i {
                right[h] = i;
            }
            h = gh[h] as usize;
            steps += 1;
        }
    }
    for i in 0..n {
        if forms[i] != "," {
            continue;
        }
        let d = gh[i] as usize;
        if d >= i || d >= n {
            continue;
        }
        let g = gh[d] as usize;
        let base = deprels[d].split(':').next().unwrap_or("");
        if g > i && g < n && right[d] == i && FRONTED.contains(&base) {
            gh[i] = g as u32;
        }
    }
}

/// Training settings.
#[derive(Debug, Clone, Default)]
pub struct ParserTrainOptions {
    /// Passes over the data; 0 picks the default.
    pub epochs: usize,
    /// Seed for shuffling and exploration.
    pub seed: u64,
    /// Word classes learnt from unlabelled text (empty: no class features).
    pub clusters: WordClusters,
    /// Structural feature rows whose averaged weights are all below this are dropped
    /// (0 picks [`DEFAULT_PRUNE`]). Higher keeps a smaller, faster table: trained on the
    /// treebank plus silver data, 2.0 keeps the parser about as large as 1.5 does on the
    /// treebank alone.
    pub prune: f32,
}

/// Default of [`ParserTrainOptions::prune`].
pub const DEFAULT_PRUNE: f32 = 1.5;

/// One training sentence with gold (or jack-knifed) tags and a gold tree.
#[derive(Debug, Clone)]
pub struct TrainSentence {
    /// Word forms.
    pub forms: Vec<String>,
    /// Universal POS tags.
    pub upos: Vec<Upos>,
    /// Penn Treebank tags.
    pub xpos: Vec<String>,
    /// Heads: 0 for the root, else the 1-based index of the head.
    pub heads: Vec<usize>,
    /// Dependency relations with subtype.
    pub deprels: Vec<String>,
}

impl TrainSentence {
    /// Applies the comma convention [`Parser::train`] trains on (see
    /// `attach_commas_to_governor`) to the 1-based heads, for data the parser must not
    /// convert itself (a sentence read right to left).
    pub fn commas_to_governor(&mut self) {
        let n = self.forms.len();
        if self.heads.len() != n || self.deprels.len() != n {
            return;
        }
        let mut gh: Vec<u32> = self
            .heads
            .iter()
            .map(|&h| {
                if h == 0 || h > n {
                    n as u32
                } else {
                    (h - 1) as u32
                }
            })
            .collect();
        attach_commas_to_governor(&self.forms, &self.deprels, &mut gh);
        for (h, &g) in self.heads.iter_mut().zip(&gh) {
            if (g as usize) < n {
                *h = g as usize + 1;
            }
        }
    }
}

/// The parser bytes are not a parser this version can read.
#[derive(Debug, thiserror::Error)]
pub enum ParserModelError {
    /// Bad or truncated bytes.
    #[error("bad parser model: {0}")]
    Malformed(String),
}

/// Default number of training epochs.
const DEFAULT_EPOCHS: usize = 12;
/// Index of the `root` relation in [`Parser::labels`].
const ROOT_LABEL: usize = 0;
/// Number of structural moves.
const N_MOVES: usize = 3;
const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
/// Words seen fewer times than this in training share the unknown-word feature.
const MIN_WORD_COUNT: u32 = 2;
/// Probability of following the model's own (possibly wrong) move once exploring.
const EXPLORE_P: u64 = 90;
/// Labelling feature rows whose averaged weights are all below this are dropped.
const PRUNE_LABELS: f32 = 1.0;
/// Pruning applies only when training on at least this many tokens.
const PRUNE_MIN_TOKENS: usize = 50_000;

const MAGIC: &[u8; 8] = b"AGPARS03";
/// Format 4: format 3 for a parser with word classes, whose structural features leave out
/// [`REPLACED_BY_CLASSES`]. A format-3 parser with word classes read every template, so it
/// can't be read any more (none was released).
const MAGIC_V4: &[u8; 8] = b"AGPARS04";
/// Format 2: format 3 without the label shortcuts.
const MAGIC_V2: &[u8; 8] = b"AGPARS02";
/// The previous format: no word classes.
const MAGIC_V1: &[u8; 8] = b"AGPARS01";

/// Hash value of the unknown word.
const UNK: u64 = 0x5555_0001;
/// Attribute value of a missing position (no such stack word, no such child).
const NONE_ATTR: u64 = 0x5555_0002;
/// Attribute value of the artificial ROOT.
const ROOT_ATTR: u64 = 0x5555_0003;

// ---------------------------------------------------------------------------------------
// Hashing

/// A hasher that passes through `u64` keys that are already well mixed.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdBuild = BuildHasherDefault<IdHasher>;

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(23) ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[inline]
fn finish(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k
}

/// Stable hash of a string (FNV-1a then mixed).
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(h)
}

// ---------------------------------------------------------------------------------------
// Weight tables

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
struct Table {
    nc: usize,
    /// Sorted keys; key `i` owns row `i` of `q` (kept for serialisation).
    keys: Vec<u64>,
    /// Quantised weights: weight = `q * scale`.
    q: Vec<i16>,
    scale: f32,
    mask: usize,
    /// Moves layout: `tag << 18 | d2 << 9 | d1`, 0 for an empty slot.
    moves: Vec<u32>,
    /// Weight of one unit of a moves-layout difference.
    diff_scale: f32,
    /// Labels layout: per slot `[tag, start << 8 | len]`, a run of `cells`.
    slots: Vec<[u32; 2]>,
    /// Sparse rows: the non-zero weights, each `q << 8 | class`.
    cells: Vec<u32>,
}

/// Weights a sparse table can address (24 bits of start in a slot).
const MAX_CELLS: usize = 1 << 24;
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

impl Table {
    /// Quantises float rows to 16 bits and builds the lookup table.
    fn quantise(nc: usize, keys: Vec<u64>, w: &[f32]) -> Table {
        let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let q = w
            .iter()
            .map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Table::build(nc, keys, q, scale)
    }

    fn build(nc: usize, keys: Vec<u64>, q: Vec<i16>, scale: f32) -> Table {
        // A load factor between 1/3 and 2/3: probes stay short, and the table stays small
        // (its size in cache is what parsing speed depends on).
        let cap = (keys.len() * 3 / 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut t = Table {
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
    fn mean(tables: &[&Table]) -> Table {
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
        Table::quantise(nc, keys, &w)
    }

    /// Moves layout: the summed differences `w1 - w0` and `w2 - w0` of the rows of `feats`,
    /// in units of `diff_scale`.
    #[inline]
    fn move_sums(&self, feats: &[u64]) -> (i32, i32) {
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
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
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
struct TrainTable {
    nc: usize,
    index: HashMap<u64, u32, IdBuild>,
    w: Vec<f32>,
    /// Sum of `time * delta` per weight (Daume's averaging trick).
    u: Vec<f64>,
}

impl TrainTable {
    fn new(nc: usize) -> TrainTable {
        TrainTable {
            nc,
            index: HashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
        }
    }

    fn score(&self, feats: &[u64], scores: &mut [f32]) {
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

    fn update(&mut self, feats: &[u64], class: usize, delta: f32, time: f64) {
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
    fn average(self, time: f64, prune_below: f32) -> Table {
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
        Table::quantise(nc, out_keys, &out_w)
    }
}

// ---------------------------------------------------------------------------------------
// Sentence attributes and parser state

/// Per-token hashed attributes. Index `n` is ROOT, `n + 1` is the missing position.
#[derive(Default)]
struct Attrs {
    w: Vec<u64>,
    p: Vec<u64>,
    u: Vec<u64>,
    suf: Vec<u64>,
    shape: Vec<u64>,
    pre: Vec<u64>,
    /// Coarse and fine word class.
    c: Vec<u64>,
    f: Vec<u64>,
    /// Whether the parser has word classes (else `c` and `f` are all unknown and the
    /// class features are left out).
    has_classes: bool,
}

pub(crate) fn normalise(form: &str, buf: &mut String) {
    buf.clear();
    for c in form.chars() {
        if c.is_ascii_digit() {
            buf.push('0');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

fn shape_hash(form: &str) -> u64 {
    let mut h: u64 = 0x1234;
    let mut last = ' ';
    let mut len = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            h = mix(h, k as u64);
            last = k;
            len += 1;
            if len >= 5 {
                break;
            }
        }
    }
    finish(h)
}

impl Attrs {
    fn fill(
        &mut self,
        vocab: &HashMap<u64, (), IdBuild>,
        clusters: &WordClusters,
        forms: &[&str],
        upos: &[Upos],
        xpos: &[&str],
    ) {
        for v in [
            &mut self.w,
            &mut self.p,
            &mut self.u,
            &mut self.suf,
            &mut self.shape,
            &mut self.pre,
            &mut self.c,
            &mut self.f,
        ] {
            v.clear();
        }
        self.has_classes = !clusters.is_empty();
        let mut buf = String::new();
        for (i, form) in forms.iter().enumerate() {
            normalise(form, &mut buf);
            let wh = hash_str(&buf);
            self.w.push(if vocab.contains_key(&wh) { wh } else { UNK });
            if self.has_classes {
                let (c, f) = clusters.get_hash(wh).map_or((UNK, UNK), |(c, f)| {
                    (0x400 + u64::from(c), 0x800 + u64::from(f))
                });
                self.c.push(c);
                self.f.push(f);
            }
            let suf_start = buf.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            self.suf.push(hash_str(&buf[suf_start..]));
            let pre_end = buf.char_indices().nth(2).map_or(buf.len(), |(b, _)| b);
            self.pre.push(hash_str(&buf[..pre_end]).wrapping_add(7));
            self.shape.push(shape_hash(form));
            self.p.push(hash_str(xpos.get(i).copied().unwrap_or("_")));
            self.u
                .push(upos.get(i).map_or(99, |u| u.index() as u64) + 0x100);
        }
        for v in [
            &mut self.w,
            &mut self.p,
            &mut self.u,
            &mut self.suf,
            &mut self.shape,
            &mut self.pre,
            &mut self.c,
            &mut self.f,
        ] {
            v.push(ROOT_ATTR);
            v.push(NONE_ATTR);
        }
    }
}

/// Arc-hybrid configuration. Tokens are `0..n`, ROOT is `n`, "none" is `n + 1`.
struct State {
    n: usize,
    stack: Vec<u32>,
    /// Front of the buffer; the buffer is `b..=n`.
    b: usize,
    heads: Vec<u32>,
    labels: Vec<u8>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    fn new() -> State {
        State {
            n: 0,
            stack: Vec::new(),
            b: 0,
            heads: Vec::new(),
            labels: Vec::new(),
            lc1: Vec::new(),
            lc2: Vec::new(),
            rc1: Vec::new(),
            rc2: Vec::new(),
            nl: Vec::new(),
            nr: Vec::new(),
            lset: Vec::new(),
            rset: Vec::new(),
        }
    }

    fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        let none = (n + 1) as u32;
        for v in [
            &mut self.heads,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 2, none);
        }
        for v in [&mut self.labels, &mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 2, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 2, 0);
        }
    }

    fn terminal(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    fn legal(&self) -> [bool; N_MOVES] {
        let k = self.stack.len();
        let at_root = self.b == self.n;
        [!at_root, k >= 1 && (!at_root || k == 1), k >= 2]
    }

    #[inline]
    fn s(&self, i: usize) -> usize {
        let k = self.stack.len();
        if i < k {
            self.stack[k - 1 - i] as usize
        } else {
            self.n + 1
        }
    }

    #[inline]
    fn buf(&self, i: usize) -> usize {
        let j = self.b + i;
        if j <= self.n { j } else { self.n + 1 }
    }

    /// The (head, dependent) pair a move would create.
    fn arc(&self, mv: usize) -> (usize, usize) {
        match mv {
            LEFT => (self.b, self.s(0)),
            _ => (self.s(1), self.s(0)),
        }
    }

    fn apply(&mut self, mv: usize, label: usize) {
        match mv {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            _ => {
                let (h, d) = self.arc(mv);
                self.stack.pop();
                self.heads[d] = h as u32;
                self.labels[d] = label as u8;
                let bit = 1u64 << (label % 64);
                if d < h {
                    self.lc2[h] = self.lc1[h];
                    self.lc1[h] = d as u32;
                    self.nl[h] = self.nl[h].saturating_add(1);
                    self.lset[h] |= bit;
                } else {
                    self.rc2[h] = self.rc1[h];
                    self.rc1[h] = d as u32;
                    self.nr[h] = self.nr[h].saturating_add(1);
                    self.rset[h] |= bit;
                }
            }
        }
    }

    /// Dynamic-oracle cost of each move against gold heads `gh` (ROOT = n).
    fn costs(&self, gh: &[u32]) -> [u32; N_MOVES] {
        let n = self.n;
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b0 = self.b;
        let in_buf = |x: u32| (x as usize) >= b0 && (x as usize) <= n;
        let mut c = [u32::MAX; N_MOVES];
        let legal = self.legal();
        let s0_kids_in_buf = if s0 < n {
            (b0..n).filter(|&d| gh[d] as usize == s0).count() as u32
        } else {
            0
        };
        if legal[SHIFT] {
            let mut k = 0;
            for (i, &x) in self.stack.iter().enumerate() {
                let x = x as usize;
                if gh[x] as usize == b0 {
                    k += 1;
                }
                if gh[b0] as usize == x && i + 1 < self.stack.len() {
                    k += 1;
                }
            }
            c[SHIFT] = k;
        }
        if legal[LEFT] {
            let g = gh[s0];
            let lost = g as usize != b0 && ((g as usize == s1 && s1 < n) || in_buf(g));
            c[LEFT] = s0_kids_in_buf + u32::from(lost);
        }
        if legal[RIGHT] {
            let g = gh[s0];
            let lost = g as usize != s1 && in_buf(g);
            c[RIGHT] = s0_kids_in_buf + u32::from(lost);
        }
        c
    }
}

// ---------------------------------------------------------------------------------------
// Features

#[inline]
fn f1(t: u64, a: u64) -> u64 {
    finish(mix(mix(t, a), 0))
}
#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(t, a), b), 1))
}
#[inline]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(t, a), b), c), 2))
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=5 => d as u64,
        6..=8 => 6,
        9..=14 => 7,
        _ => 8,
    }
}

/// Number of structural features, [`move_features`]'s output.
const MOVE_FEATURES: usize = 98;
/// Number of word-class features [`move_features`] adds when the parser has word classes.
const CLASS_FEATURES: usize = 14;

/// Structural templates a parser with word classes leaves out (indices into
/// [`move_features`]'s list), chosen by how much each weighed in the decisions of a parser
/// with every template on its training data (the sum, over its uses, of its row's largest
/// score difference): the eight word-pair templates, whose class-pair counterparts
/// generalise them; two more of the least weight (the word of `s0`'s rightmost child, the
/// suffixes of `s0` and `b0`); and two that repeat others (in arc-hybrid parsing a word's
/// left children are all attached before it is shifted, so the set of their labels tells
/// what its two nearest left labels tell: both templates had the same weights). With them
/// left out, such a parser makes about as many lookups as one without word classes, and
/// parses as accurately as with them (`models/README.md`).
const REPLACED_BY_CLASSES: [usize; 12] = [16, 17, 18, 21, 24, 26, 51, 54, 65, 82, 84, 92];

/// The structural templates a parser with word classes keeps, in order.
const KEPT_WITH_CLASSES: [usize; MOVE_FEATURES - REPLACED_BY_CLASSES.len()] = {
    let mut kept = [0; MOVE_FEATURES - REPLACED_BY_CLASSES.len()];
    let (mut i, mut j) = (0, 0);
    while i < MOVE_FEATURES {
        let mut replaced = false;
        let mut k = 0;
        while k < REPLACED_BY_CLASSES.len() {
            replaced |= REPLACED_BY_CLASSES[k] == i;
            k += 1;
        }
        if !replaced {
            kept[j] = i;
            j += 1;
        }
        i += 1;
    }
    assert!(
        j == kept.len(),
        "REPLACED_BY_CLASSES holds distinct templates"
    );
    kept
};

/// Structural features of a configuration.
#[inline(never)]
fn move_features(st: &State, a: &Attrs, out: &mut Vec<u64>) {
    out.clear();
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (w, p, u) = (&a.w, &a.p, &a.u);
    let (c, fc) = (&a.c, &a.f);
    let s0l1 = st.lc1[s0] as usize;
    let s0l2 = st.lc2[s0] as usize;
    let s0r1 = st.rc1[s0] as usize;
    let s0r2 = st.rc2[s0] as usize;
    let s1l1 = st.lc1[s1] as usize;
    let s1r1 = st.rc1[s1] as usize;
    let b0l1 = st.lc1[b0] as usize;
    let b0l2 = st.lc2[b0] as usize;
    let l = |x: usize| u64::from(st.labels[x]) + 0x200;
    let none = st.n + 1;
    let dist = if s0 < none && b0 < none {
        bucket(b0 - s0)
    } else {
        9
    };
    let dist2 = if s1 < none && s0 < none {
        bucket(s0 - s1)
    } else {
        9
    };
    let wp = |x: usize| mix(w[x], p[x]);
    let (s0wp, s1wp, b0wp) = (wp(s0), wp(s1), wp(b0));
    let vl0 = u64::from(st.nl[s0]);
    let vr0 = u64::from(st.nr[s0]);
    let vlb = u64::from(st.nl[b0]);
    let mut t = 0u64;
    let mut id = || {
        t += 1;
        t
    };
    let k = st.stack.len().min(4) as u64;
    let rem = bucket(st.n - st.b.min(st.n));
    let s0p1 = if s0 < st.n { s0 + 1 } else { none };
    let s0m1 = if s0 < st.n && s0 > 0 { s0 - 1 } else { none };
    let b0m1 = if b0 < none && b0 > 0 { b0 - 1 } else { none };
    // One array literal (evaluated in order, so `id()` numbers the templates as listed):
    // no capacity check per feature.
    let feats: [u64; MOVE_FEATURES] = [
        // Unigrams.
        f1(id(), w[s0]),
        f1(id(), p[s0]),
        f1(id(), s0wp),
        f1(id(), w[s1]),
        f1(id(), p[s1]),
        f1(id(), s1wp),
        f1(id(), w[b0]),
        f1(id(), p[b0]),
        f1(id(), b0wp),
        f1(id(), w[b1]),
        f1(id(), p[b1]),
        f1(id(), wp(b1)),
        f1(id(), w[b2]),
        f1(id(), p[b2]),
        f1(id(), p[s2]),
        f1(id(), w[s2]),
        // Pairs.
        f2(id(), s0wp, b0wp),
        f2(id(), s0wp, w[b0]),
        f2(id(), w[s0], b0wp),
        f2(id(), s0wp, p[b0]),
        f2(id(), p[s0], b0wp),
        f2(id(), w[s0], w[b0]),
        f2(id(), p[s0], p[b0]),
        f2(id(), p[b0], p[b1]),
        f2(id(), s1wp, s0wp),
        f2(id(), p[s1], p[s0]),
        f2(id(), w[s1], w[s0]),
        f2(id(), p[s1], s0wp),
        f2(id(), s1wp, p[s0]),
        f2(id(), w[b0], w[b1]),
        f2(id(), b0wp, p[b1]),
        f2(id(), p[s1], p[b0]),
        f2(id(), w[s1], p[b0]),
        f2(id(), p[s1], w[b0]),
        // Triples.
        f3(id(), p[b0], p[b1], p[b2]),
        f3(id(), p[s0], p[b0], p[b1]),
        f3(id(), p[s1], p[s0], p[b0]),
        f3(id(), p[s2], p[s1], p[s0]),
        f3(id(), p[s0], p[s0l1], p[b0]),
        f3(id(), p[s0], p[s0r1], p[b0]),
        f3(id(), p[s0], p[b0], p[b0l1]),
        f3(id(), p[s1], p[s1r1], p[s0]),
        f3(id(), p[s1], p[s0], p[s0r1]),
        f3(id(), p[s1], p[s0], p[s0l1]),
        f3(id(), w[s0], p[b0], p[b1]),
        f3(id(), p[s1], p[s0], p[b1]),
        f3(id(), u[s1], u[s0], u[b0]),
        // Distance.
        f2(id(), w[s0], dist),
        f2(id(), p[s0], dist),
        f2(id(), w[b0], dist),
        f2(id(), p[b0], dist),
        f3(id(), w[s0], w[b0], dist),
        f3(id(), p[s0], p[b0], dist),
        f3(id(), p[s1], p[s0], dist2),
        f3(id(), w[s1], w[s0], dist2),
        // Valency.
        f2(id(), w[s0], vr0),
        f2(id(), p[s0], vr0),
        f2(id(), w[s0], vl0),
        f2(id(), p[s0], vl0),
        f2(id(), w[b0], vlb),
        f2(id(), p[b0], vlb),
        f2(id(), p[s1], u64::from(st.nr[s1])),
        // Children.
        f1(id(), w[s0l1]),
        f1(id(), p[s0l1]),
        f1(id(), l(s0l1)),
        f1(id(), w[s0r1]),
        f1(id(), p[s0r1]),
        f1(id(), l(s0r1)),
        f1(id(), w[b0l1]),
        f1(id(), p[b0l1]),
        f1(id(), l(b0l1)),
        f2(id(), p[s1r1], l(s1r1)),
        f2(id(), p[s1l1], l(s1l1)),
        f2(id(), p[s0l2], l(s0l2)),
        f2(id(), p[s0r2], l(s0r2)),
        f2(id(), p[b0l2], l(b0l2)),
        f3(id(), p[s0], l(s0l1), l(s0l2)),
        f3(id(), p[s0], l(s0r1), l(s0r2)),
        f3(id(), p[b0], l(b0l1), l(b0l2)),
        f2(id(), s0wp, l(s0r1)),
        f2(id(), s0wp, l(s0l1)),
        f2(id(), b0wp, l(b0l1)),
        // Label sets.
        f2(id(), p[s0], st.lset[s0]),
        f2(id(), p[s0], st.rset[s0]),
        f2(id(), p[b0], st.lset[b0]),
        f2(id(), p[s1], st.rset[s1]),
        f3(id(), p[s0], st.lset[s0], p[b0]),
        // Lexical back-off.
        f1(id(), a.suf[b0]),
        f1(id(), a.shape[b0]),
        f1(id(), a.suf[s0]),
        f1(id(), a.shape[s0]),
        f1(id(), a.suf[b1]),
        f2(id(), a.suf[s0], a.suf[b0]),
        // Global position.
        f3(id(), k, p[s0], p[b0]),
        f3(id(), rem, p[s0], p[b0]),
        // Linear context of s0.
        f3(id(), p[s0m1], p[s0], p[b0]),
        f3(id(), p[s0], p[s0p1], p[b0]),
        f3(id(), p[s0], p[b0m1], p[b0]),
    ];
    if a.has_classes {
        let kept: [u64; KEPT_WITH_CLASSES.len()] =
            std::array::from_fn(|j| feats[KEPT_WITH_CLASSES[j]]);
        out.extend_from_slice(&kept);
        let class_feats: [u64; CLASS_FEATURES] = [
            f1(id(), c[s0]),
            f1(id(), fc[s0]),
            f1(id(), c[b0]),
            f1(id(), fc[b0]),
            f1(id(), fc[s1]),
            f1(id(), fc[b1]),
            f2(id(), fc[s0], fc[b0]),
            f2(id(), c[s0], c[b0]),
            f2(id(), fc[s0], p[b0]),
            f2(id(), p[s0], fc[b0]),
            f2(id(), fc[s1], fc[s0]),
            f3(id(), c[s1], c[s0], c[b0]),
            f3(id(), c[s0], c[b0], dist),
            f3(id(), p[s0], c[s0r1], fc[b0]),
        ];
        out.extend_from_slice(&class_feats);
    } else {
        out.extend_from_slice(&feats);
    }
}

/// Labelling features for the arc `h -> d`.
fn label_features(st: &State, a: &Attrs, h: usize, d: usize, out: &mut Vec<u64>) {
    out.clear();
    let (w, p, u) = (&a.w, &a.p, &a.u);
    let none = st.n + 1;
    let dir = u64::from(d < h) + 0x300;
    let dist = if h < st.n { bucket(h.abs_diff(d)) } else { 10 };
    let dl1 = st.lc1[d] as usize;
    let dr1 = st.rc1[d] as usize;
    let hl1 = st.lc1[h] as usize;
    let hr1 = st.rc1[h] as usize;
    let dp1 = if d + 1 < st.n { d + 1 } else { none };
    let dm1 = if d > 0 { d - 1 } else { none };
    let l = |x: usize| u64::from(st.labels[x]) + 0x200;
    let dwp = mix(w[d], p[d]);
    let hwp = mix(w[h], p[h]);
    let mut t = 1000u64;
    let mut id = || {
        t += 1;
        t
    };
    out.push(f2(id(), w[d], dir));
    out.push(f2(id(), p[d], dir));
    out.push(f2(id(), dwp, dir));
    out.push(f2(id(), w[h], dir));
    out.push(f2(id(), p[h], dir));
    out.push(f2(id(), hwp, dir));
    out.push(f3(id(), p[d], p[h], dir));
    out.push(f3(id(), w[d], p[h], dir));
    out.push(f3(id(), p[d], w[h], dir));
    out.push(f3(id(), w[d], w[h], dir));
    out.push(f3(id(), mix(p[d], p[h]), dist, dir));
    out.push(f2(id(), a.suf[d], p[d]));
    out.push(f2(id(), a.shape[d], dir));
    out.push(f3(id(), p[d], p[dl1], l(dl1)));
    out.push(f3(id(), p[d], p[dr1], l(dr1)));
    out.push(f2(id(), p[d], st.lset[d]));
    out.push(f2(id(), p[d], st.rset[d]));
    out.push(f3(id(), p[h], st.lset[h], dir));
    out.push(f3(id(), p[h], st.rset[h], dir));
    out.push(f3(id(), p[d], p[h], st.lset[d]));
    out.push(f3(id(), p[d], p[h], l(if d < h { hl1 } else { hr1 })));
    out.push(f3(id(), p[d], p[dp1], p[h]));
    out.push(f3(id(), p[dm1], p[d], p[h]));
    out.push(f3(id(), u[d], u[h], w[dl1]));
    out.push(f3(
        id(),
        w[d],
        u[h],
        mix(u64::from(st.nl[d]), u64::from(st.nr[d])),
    ));
    out.push(f3(id(), p[d], w[dl1], p[h]));
    out.push(f3(id(), p[h], p[hl1], p[d]));
    out.push(f2(id(), a.pre[d], p[h]));
    if a.has_classes {
        out.push(f2(id(), a.f[d], dir));
        out.push(f3(id(), a.f[d], a.f[h], dir));
        out.push(f3(id(), a.c[d], p[h], dir));
        out.push(f3(id(), p[d], a.f[h], dir));
    }
}

// ---------------------------------------------------------------------------------------
// Training

/// splitmix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn argmax_legal(scores: &[f32], legal: &[bool; N_MOVES]) -> usize {
    let mut best = usize::MAX;
    for m in 0..N_MOVES {
        if legal[m] && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

fn argmax_label(scores: &[f32]) -> usize {
    let mut best = 1.min(scores.len() - 1);
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

impl Parser {
    /// Trains a parser on gold trees, then its label shortcuts. Pure (no I/O) and
    /// deterministic for a given seed.
    pub fn train(data: &[TrainSentence], options: &ParserTrainOptions) -> Parser {
        let mut parser = Parser::train_weights(data, options);
        parser.learn_shortcuts(data);
        parser
    }

    /// Trains `n` parsers (seeds `options.seed`, `options.seed + 1`, …, in parallel) and
    /// returns their mean (see `average`) with its label shortcuts; `n` ≤ 1 is
    /// [`Parser::train`].
    pub fn train_averaged(
        data: &[TrainSentence],
        options: &ParserTrainOptions,
        n: usize,
    ) -> Parser {
        use rayon::prelude::*;
        if n <= 1 {
            return Parser::train(data, options);
        }
        let parsers: Vec<Parser> = (0..n as u64)
            .into_par_iter()
            .map(|k| {
                let options = ParserTrainOptions {
                    seed: options.seed.wrapping_add(k),
                    ..options.clone()
                };
                Parser::train_weights(data, &options)
            })
            .collect();
        Parser::average(&parsers, data).expect("parsers trained on the same data have one shape")
    }

    /// The weights of [`Parser::train`], without label shortcuts.
    fn train_weights(data: &[TrainSentence], options: &ParserTrainOptions) -> Parser {
        let epochs = if options.epochs == 0 {
            DEFAULT_EPOCHS
        } else {
            options.epochs
        };
        // Labels: root first, then sorted.
        let mut names: Vec<String> = data
            .iter()
            .flat_map(|s| s.deprels.iter().cloned())
            .filter(|l| l != "root")
            .collect();
        names.sort();
        names.dedup();
        let mut labels: Vec<&'static str> = vec!["root"];
        labels.extend(names.iter().map(|n| crate::model::intern(n)));
        // Labels are stored in a byte; a treebank with more relations keeps the first 255.
        labels.truncate(255);
        let label_index: HashMap<&str, usize> =
            labels.iter().enumerate().map(|(i, &l)| (l, i)).collect();
        // Vocabulary.
        let mut counts: HashMap<u64, u32, IdBuild> = HashMap::default();
        let mut buf = String::new();
        for s in data {
            for f in &s.forms {
                normalise(f, &mut buf);
                *counts.entry(hash_str(&buf)).or_insert(0) += 1;
            }
        }
        let vocab: HashMap<u64, (), IdBuild> = counts
            .iter()
            .filter(|&(_, &c)| c >= MIN_WORD_COUNT)
            .map(|(&k, _)| (k, ()))
            .collect();

        let punct = punct_index(&labels);
        // Pruning keeps a full-treebank parser small; on small data it would drop too much.
        let prune = data.iter().map(|s| s.forms.len()).sum::<usize>() >= PRUNE_MIN_TOKENS;
        let prune_moves = if options.prune > 0.0 {
            options.prune
        } else {
            DEFAULT_PRUNE
        };
        let mut moves = TrainTable::new(N_MOVES);
        let mut labeller = TrainTable::new(labels.len());
        let mut rng = Rng(options.seed ^ 0x7061_7273_6572);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut st = State::new();
        let mut attrs = Attrs::default();
        let mut feats = Vec::new();
        let mut lfeats = Vec::new();
        let mut scores = vec![0f32; labels.len().max(N_MOVES)];
        let mut gh: Vec<u32> = Vec::new();
        let mut gl: Vec<usize> = Vec::new();
        let mut time = 1f64;
        for epoch in 0..epochs {
            for i in (1..order.len()).rev() {
                let j = rng.below(i as u64 + 1) as usize;
                order.swap(i, j);
            }
            for &si in &order {
                let s = &data[si];
                let n = s.forms.len();
                if n == 0 || s.heads.len() != n || s.deprels.len() != n {
                    continue;
                }
                let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
                let xpos: Vec<&str> = s.xpos.iter().map(String::as_str).collect();
                attrs.fill(&vocab, &options.clusters, &forms, &s.upos, &xpos);
                gh.clear();
                gh.extend(
                    s.heads
                        .iter()
                        .map(|&h| if h == 0 { n as u32 } else { (h - 1) as u32 }),
                );
                gh.push(n as u32 + 1);
                gh.push(n as u32 + 1);
                attach_commas_to_governor(&s.forms, &s.deprels, &mut gh);
                gl.clear();
                gl.extend(
                    s.deprels
                        .iter()
                        .map(|l| label_index.get(l.as_str()).copied().unwrap_or(ROOT_LABEL)),
                );
                st.reset(n);
                while !st.terminal() {
                    move_features(&st, &attrs, &mut feats);
                    moves.score(&feats, &mut scores);
                    let legal = st.legal();
                    let pred = argmax_legal(&scores, &legal);
                    let costs = st.costs(&gh);
                    let min_cost = (0..N_MOVES)
                        .filter(|&m| legal[m])
                        .map(|m| costs[m])
                        .min()
                        .unwrap_or(0);
                    let zero = [
                        legal[0] && costs[0] == min_cost,
                        legal[1] && costs[1] == min_cost,
                        legal[2] && costs[2] == min_cost,
                    ];
                    let best = argmax_legal(&scores, &zero);
                    if costs[pred] > min_cost {
                        moves.update(&feats, best, 1.0, time);
                        moves.update(&feats, pred, -1.0, time);
                    }
                    time += 1.0;
                    let follow = if epoch >= 1 && rng.below(100) < EXPLORE_P {
                        pred
                    } else {
                        best
                    };
                    let mut label = 0;
                    if follow != SHIFT {
                        let (h, d) = st.arc(follow);
                        if h == n {
                            label = ROOT_LABEL;
                        } else if punct != usize::MAX && attrs.u[d] == PUNCT_ATTR {
                            label = punct;
                        } else {
                            label_features(&st, &attrs, h, d, &mut lfeats);
                            labeller.score(&lfeats, &mut scores);
                            label = argmax_label(&scores[..labels.len()]);
                            let gold = gl[d];
                            if gold != ROOT_LABEL && gold != label && gh[d] as usize == h {
                                labeller.update(&lfeats, gold, 1.0, time);
                                labeller.update(&lfeats, label, -1.0, time);
                            }
                        }
                    }
                    st.apply(follow, label);
                }
            }
        }
        Parser {
            punct,
            labels,
            vocab,
            moves: moves.average(time, if prune { prune_moves } else { 1e-6 }),
            clusters: options.clusters.clone(),
            labeller: labeller.average(time, if prune { PRUNE_LABELS } else { 1e-6 }),
            label_shortcuts: HashMap::default(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Parsing

impl Parser {
    /// Parses one sentence: per word, `None` for the root or the 0-based head index, and the
    /// relation with subtype. Always a well-formed tree with exactly one root.
    pub fn parse(
        &self,
        forms: &[&str],
        upos: &[Upos],
        xpos: &[&str],
    ) -> Vec<(Option<usize>, &'static str)> {
        let n = forms.len();
        if n == 0 {
            return Vec::new();
        }
        let mut dec = Decoder::new(self.labels.len());
        dec.attrs
            .fill(&self.vocab, &self.clusters, forms, upos, xpos);
        self.decode(&mut dec, None);
        let st = &dec.st;
        (0..n)
            .map(|i| {
                let h = st.heads[i] as usize;
                let head = if h >= n { None } else { Some(h) };
                let label = if head.is_none() {
                    ROOT_LABEL
                } else {
                    usize::from(st.labels[i])
                };
                (head, self.labels.get(label).copied().unwrap_or("dep"))
            })
            .collect()
    }

    /// Parses the sentence in `dec.attrs` into `dec.st`. With `counts`, every label is the
    /// labeller's and is counted under its shortcut key; without, known shortcuts are taken.
    fn decode(&self, dec: &mut Decoder, mut counts: Option<&mut LabelCounts>) {
        let Decoder {
            st,
            attrs,
            feats,
            lfeats,
            scores,
        } = dec;
        let n = attrs.w.len() - 2;
        let use_shortcuts = counts.is_none();
        st.reset(n);
        while !st.terminal() {
            let legal = st.legal();
            let mv = if legal.iter().filter(|&&x| x).count() == 1 {
                legal.iter().position(|&x| x).expect("one legal move")
            } else {
                move_features(st, attrs, feats);
                self.moves.score(feats, scores);
                argmax_legal(scores, &legal)
            };
            let mut label = ROOT_LABEL;
            if mv != SHIFT {
                let (h, d) = st.arc(mv);
                if h != n && self.punct != usize::MAX && attrs.u[d] == PUNCT_ATTR {
                    label = self.punct;
                } else if h != n && self.labels.len() > 1 {
                    let key = label_key(attrs, h, d);
                    let short = if use_shortcuts {
                        self.label_shortcuts.get(&key)
                    } else {
                        None
                    };
                    label = match short {
                        Some(&l) => usize::from(l),
                        None => {
                            label_features(st, attrs, h, d, lfeats);
                            self.labeller.score(lfeats, scores);
                            let l = argmax_label(&scores[..self.labels.len()]);
                            if let Some(c) = counts.as_deref_mut() {
                                c.entry(key).or_insert_with(|| vec![0; self.labels.len()])[l] += 1;
                            }
                            l
                        }
                    };
                }
            }
            st.apply(mv, label);
        }
    }

    /// Whether the parser reads word classes.
    pub fn has_clusters(&self) -> bool {
        !self.clusters.is_empty()
    }

    /// A parser whose weights are the mean of `parsers`' (trained on the same data with
    /// different seeds), with label shortcuts learnt on `data`: greedy decoding with the sum
    /// of their scores, at one parser's number of lookups. `None` when they differ in labels,
    /// vocabulary or word classes, or one was read from bytes (which keep no training keys).
    fn average(parsers: &[Parser], data: &[TrainSentence]) -> Option<Parser> {
        let first = parsers.first()?;
        if parsers.iter().any(|p| {
            p.labels != first.labels
                || p.vocab != first.vocab
                || p.clusters.len() != first.clusters.len()
                || p.moves.keys.is_empty()
        }) {
            return None;
        }
        let moves: Vec<&Table> = parsers.iter().map(|p| &p.moves).collect();
        let labeller: Vec<&Table> = parsers.iter().map(|p| &p.labeller).collect();
        let mut out = Parser {
            moves: Table::mean(&moves),
            labeller: Table::mean(&labeller),
            label_shortcuts: HashMap::default(),
            ..first.clone()
        };
        out.learn_shortcuts(data);
        Some(out)
    }

    /// Learns the label shortcuts from the parser's own labels on `data`, replacing any it
    /// had (see `label_key`). [`Parser::train`] does this on its training data; a parser read
    /// from an older format, which has none, gains them this way.
    pub fn learn_shortcuts(&mut self, data: &[TrainSentence]) {
        self.label_shortcuts.clear();
        let mut counts = LabelCounts::default();
        let mut dec = Decoder::new(self.labels.len());
        for s in data {
            if s.forms.is_empty() {
                continue;
            }
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let xpos: Vec<&str> = s.xpos.iter().map(String::as_str).collect();
            dec.attrs
                .fill(&self.vocab, &self.clusters, &forms, &s.upos, &xpos);
            self.decode(&mut dec, Some(&mut counts));
        }
        self.label_shortcuts = counts
            .iter()
            .filter_map(|(&key, row)| {
                let total: u32 = row.iter().sum();
                let (best, &top) = row
                    .iter()
                    .enumerate()
                    .max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i)))?;
                let agree = f64::from(top) >= SHORTCUT_AGREE * f64::from(total);
                (total >= SHORTCUT_MIN && agree).then_some((key, u8::try_from(best).ok()?))
            })
            .collect();
    }
}

/// Scratch space of one parse.
struct Decoder {
    st: State,
    attrs: Attrs,
    feats: Vec<u64>,
    lfeats: Vec<u64>,
    scores: Vec<f32>,
}

impl Decoder {
    fn new(labels: usize) -> Decoder {
        Decoder {
            st: State::new(),
            attrs: Attrs::default(),
            feats: Vec::with_capacity(128),
            lfeats: Vec::with_capacity(64),
            scores: vec![0f32; labels.max(N_MOVES)],
        }
    }
}

// ---------------------------------------------------------------------------------------
// Label shortcuts

/// The labeller's choices per shortcut key, while learning shortcuts.
type LabelCounts = HashMap<u64, Vec<u32>, IdBuild>;

/// Occurrences a label key needs in the training data before it can become a shortcut.
const SHORTCUT_MIN: u32 = 20;
/// Share of a key's occurrences on which the labeller must have chosen the same label.
const SHORTCUT_AGREE: f64 = 0.99;

/// Shortcut key of an arc from `h` to `d`: the dependent's word (or unknown), its PTB tag,
/// the head's PTB tag and the direction.
///
/// Many labels are fixed by this alone: a determiner before its noun is `det`, `of` before
/// its noun is `case`. After training, the parser labels its own training data and keeps,
/// as shortcuts, the keys seen at least [`SHORTCUT_MIN`] times on which the labeller chose
/// the same label at least [`SHORTCUT_AGREE`] of the time; parsing then takes their label
/// from one small hash probe instead of 28 weight lookups. On the treebank-only model they
/// covered about 37% of the labelled arcs and changed no EWT test label. Shortcuts for moves, keyed
/// on the tags of the stack and buffer words, and an early exit when the weightiest
/// features already decide the move were tried and dropped: both cost 0.05–0.15 UAS for
/// a few per cent of speed (`models/README.md`).
#[inline]
fn label_key(a: &Attrs, h: usize, d: usize) -> u64 {
    finish(mix(
        mix(mix(mix(0x1abe, a.w[d]), a.p[d]), a.p[h]),
        u64::from(d < h),
    ))
}

// ---------------------------------------------------------------------------------------
// Serialization

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ParserModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| ParserModelError::Malformed("truncated".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ParserModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, ParserModelError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn f32(&mut self) -> Result<f32, ParserModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

/// Writes a table in its lookup layout, the arrays [`Table::score`] reads, so that loading
/// is a copy: nc, slot count, scale, the slots, then (labels layout) the cells.
fn write_table(t: &Table, out: &mut Vec<u8>) {
    put_u32(out, t.nc as u32);
    put_u32(out, (t.mask + 1) as u32);
    if t.nc == N_MOVES {
        put_u32(out, t.diff_scale.to_bits());
        out.reserve(4 * t.moves.len());
        for &slot in &t.moves {
            put_u32(out, slot);
        }
    } else {
        put_u32(out, t.scale.to_bits());
        out.reserve(8 * t.slots.len() + 4 * t.cells.len());
        for slot in &t.slots {
            put_u32(out, slot[0]);
            put_u32(out, slot[1]);
        }
        put_u32(out, t.cells.len() as u32);
        for &cell in &t.cells {
            put_u32(out, cell);
        }
    }
}

/// `n` little-endian `u32`s.
fn read_u32s(r: &mut Reader<'_>, n: usize) -> Result<Vec<u32>, ParserModelError> {
    let bytes = r.take(
        n.checked_mul(4)
            .ok_or_else(|| ParserModelError::Malformed("bad table size".into()))?,
    )?;
    Ok(bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

/// Reads a table written by [`write_table`], checking that every lookup stays in bounds.
fn read_lookup_table(r: &mut Reader<'_>) -> Result<Table, ParserModelError> {
    let bad = |what: &str| ParserModelError::Malformed(format!("bad table: {what}"));
    let nc = r.u32()? as usize;
    let cap = r.u32()? as usize;
    let scale = r.f32()?;
    if nc == 0 || nc > 255 || !cap.is_power_of_two() || cap < 16 || !scale.is_finite() {
        return Err(bad("size"));
    }
    let mut t = Table {
        nc,
        keys: Vec::new(),
        q: Vec::new(),
        scale: 1.0,
        mask: cap - 1,
        moves: Vec::new(),
        diff_scale: 0.0,
        slots: Vec::new(),
        cells: Vec::new(),
    };
    if nc == N_MOVES {
        t.diff_scale = scale;
        t.moves = read_u32s(r, cap)?;
        if !t.moves.contains(&0) {
            return Err(bad("no empty slot"));
        }
    } else {
        t.scale = scale;
        let flat = read_u32s(r, 2 * cap)?;
        t.slots = flat.chunks_exact(2).map(|s| [s[0], s[1]]).collect();
        let n = r.u32()? as usize;
        if n >= MAX_CELLS {
            return Err(bad("too many weights"));
        }
        t.cells = read_u32s(r, n)?;
        let rows_fit = t.slots.iter().filter(|s| s[0] != 0).all(|s| {
            let (start, len) = ((s[1] >> 8) as usize, (s[1] & 0xff) as usize);
            start + len <= n
        });
        if !rows_fit || !t.slots.iter().any(|s| s[0] == 0) {
            return Err(bad("slots"));
        }
        if t.cells.iter().any(|&c| (c & 0xff) as usize >= nc) {
            return Err(bad("class out of range"));
        }
    }
    Ok(t)
}

/// Reads a table of the first format (keys and quantised rows) and builds its lookup layout.
fn read_table(r: &mut Reader<'_>) -> Result<Table, ParserModelError> {
    let nc = r.u32()? as usize;
    let rows = r.u32()? as usize;
    let scale = r.f32()?;
    if nc == 0
        || nc > 255
        || rows.saturating_mul(nc) > r.bytes.len()
        || rows.saturating_mul(nc) >= MAX_CELLS
        || !scale.is_finite()
    {
        return Err(ParserModelError::Malformed("bad table size".into()));
    }
    let mut keys = Vec::with_capacity(rows);
    let mut q = Vec::with_capacity(rows * nc);
    for _ in 0..rows {
        let k = r.u64()?;
        if keys.last().is_some_and(|&last| last >= k) {
            return Err(ParserModelError::Malformed(
                "table keys out of order".into(),
            ));
        }
        keys.push(k);
        let b = r.take(2 * nc)?;
        q.extend(b.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])));
    }
    Ok(Table::build(nc, keys, q, scale))
}

impl Parser {
    /// Serializes the parser (pruned, 16-bit quantised weights; byte-identical for equal
    /// parsers).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(if self.clusters.is_empty() {
            MAGIC
        } else {
            MAGIC_V4
        });
        put_u32(&mut out, self.labels.len() as u32);
        for l in &self.labels {
            put_u32(&mut out, l.len() as u32);
            out.extend_from_slice(l.as_bytes());
        }
        let mut vocab: Vec<u64> = self.vocab.keys().copied().collect();
        vocab.sort_unstable();
        put_u32(&mut out, vocab.len() as u32);
        for v in vocab {
            put_u64(&mut out, v);
        }
        write_table(&self.moves, &mut out);
        write_table(&self.labeller, &mut out);
        let clusters = self.clusters.to_bytes();
        put_u32(&mut out, clusters.len() as u32);
        out.extend_from_slice(&clusters);
        let mut rows: Vec<(u64, u8)> = self.label_shortcuts.iter().map(|(&k, &v)| (k, v)).collect();
        rows.sort_unstable();
        put_u32(&mut out, rows.len() as u32);
        for (k, v) in rows {
            put_u64(&mut out, k);
            out.push(v);
        }
        out
    }

    /// Reads a parser written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ParserModelError> {
        let mut r = Reader { bytes, pos: 0 };
        let magic = r.take(MAGIC.len())?;
        let v1 = magic == MAGIC_V1;
        let v2 = magic == MAGIC_V2;
        let v4 = magic == MAGIC_V4;
        if magic != MAGIC && !v1 && !v2 && !v4 {
            return Err(ParserModelError::Malformed("bad magic".into()));
        }
        let nl = r.u32()? as usize;
        if nl == 0 || nl > 255 {
            return Err(ParserModelError::Malformed("bad label count".into()));
        }
        let mut labels = Vec::with_capacity(nl);
        for _ in 0..nl {
            let len = r.u32()? as usize;
            let s = std::str::from_utf8(r.take(len)?)
                .map_err(|_| ParserModelError::Malformed("label is not UTF-8".into()))?;
            labels.push(crate::model::intern(s));
        }
        let nv = r.u32()? as usize;
        if nv.saturating_mul(8) > bytes.len() {
            return Err(ParserModelError::Malformed("bad vocabulary size".into()));
        }
        let mut vocab = HashMap::default();
        vocab.reserve(nv);
        for _ in 0..nv {
            vocab.insert(r.u64()?, ());
        }
        let (moves, labeller) = if v1 {
            (read_table(&mut r)?, read_table(&mut r)?)
        } else {
            (read_lookup_table(&mut r)?, read_lookup_table(&mut r)?)
        };
        if moves.nc != N_MOVES || labeller.nc != labels.len() {
            return Err(ParserModelError::Malformed(
                "table shape does not match".into(),
            ));
        }
        let clusters = if v1 {
            WordClusters::empty()
        } else {
            let len = r.u32()? as usize;
            WordClusters::from_bytes(r.take(len)?)
                .map_err(|e| ParserModelError::Malformed(e.to_string()))?
        };
        if clusters.is_empty() == v4 {
            return Err(ParserModelError::Malformed(if v4 {
                "format 4 without word classes".into()
            } else {
                "a parser with word classes of an older feature set: retrain it".into()
            }));
        }
        let mut label_shortcuts = HashMap::default();
        if !v1 && !v2 {
            let len = r.u32()? as usize;
            if len.saturating_mul(9) > bytes.len() - r.pos {
                return Err(ParserModelError::Malformed("bad shortcut count".into()));
            }
            label_shortcuts.reserve(len);
            for _ in 0..len {
                let key = r.u64()?;
                let label = r.take(1)?[0];
                if usize::from(label) >= labels.len() {
                    return Err(ParserModelError::Malformed("bad label shortcut".into()));
                }
                label_shortcuts.insert(key, label);
            }
        }
        if r.pos != bytes.len() {
            return Err(ParserModelError::Malformed("trailing bytes".into()));
        }
        Ok(Parser {
            clusters,
            label_shortcuts,
            punct: punct_index(&labels),
            labels,
            vocab,
            moves,
            labeller,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(forms: &[&str], upos: &[Upos], heads: &[usize], rels: &[&str]) -> TrainSentence {
        TrainSentence {
            forms: forms.iter().map(|s| s.to_string()).collect(),
            upos: upos.to_vec(),
            xpos: upos.iter().map(|u| u.as_str().to_owned()).collect(),
            heads: heads.to_vec(),
            deprels: rels.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn learns_a_toy_grammar() {
        use Upos::*;
        let data = vec![
            sent(
                &["Ann", "sees", "Bob", "."],
                &[Propn, Verb, Propn, Punct],
                &[2, 0, 2, 2],
                &["nsubj", "root", "obj", "punct"],
            ),
            sent(
                &["Bob", "likes", "Ann", "."],
                &[Propn, Verb, Propn, Punct],
                &[2, 0, 2, 2],
                &["nsubj", "root", "obj", "punct"],
            ),
            sent(
                &["the", "cat", "sleeps"],
                &[Det, Noun, Verb],
                &[2, 3, 0],
                &["det", "nsubj", "root"],
            ),
        ];
        let p = Parser::train(
            &data,
            &ParserTrainOptions {
                epochs: 10,
                seed: 1,
                ..Default::default()
            },
        );
        let out = p.parse(
            &["Ann", "likes", "Bob", "."],
            &[Propn, Verb, Propn, Punct],
            &["PROPN", "VERB", "PROPN", "PUNCT"],
        );
        assert_eq!(out[1], (None, "root"));
        assert_eq!(out[0], (Some(1), "nsubj"));
        assert_eq!(out[2], (Some(1), "obj"));
    }

    /// The first format: labels, vocabulary, then each table as sorted keys and rows.
    fn to_first_format(p: &Parser) -> Vec<u8> {
        let mut out = MAGIC_V1.to_vec();
        put_u32(&mut out, p.labels.len() as u32);
        for l in &p.labels {
            put_u32(&mut out, l.len() as u32);
            out.extend_from_slice(l.as_bytes());
        }
        let mut vocab: Vec<u64> = p.vocab.keys().copied().collect();
        vocab.sort_unstable();
        put_u32(&mut out, vocab.len() as u32);
        for v in vocab {
            put_u64(&mut out, v);
        }
        for t in [&p.moves, &p.labeller] {
            put_u32(&mut out, t.nc as u32);
            put_u32(&mut out, t.keys.len() as u32);
            put_u32(&mut out, t.scale.to_bits());
            for (r, &k) in t.keys.iter().enumerate() {
                put_u64(&mut out, k);
                for q in &t.q[r * t.nc..(r + 1) * t.nc] {
                    out.extend_from_slice(&q.to_le_bytes());
                }
            }
        }
        out
    }

    fn toy_parser(clusters: WordClusters) -> (Parser, Vec<TrainSentence>) {
        use Upos::*;
        let mut data = Vec::new();
        for (a, b) in [("Ann", "Bob"), ("Bob", "Cy"), ("Cy", "Ann"), ("Dee", "Bob")] {
            data.push(sent(
                &[a, "sees", b, "."],
                &[Propn, Verb, Propn, Punct],
                &[2, 0, 2, 2],
                &["nsubj", "root", "obj", "punct"],
            ));
            data.push(sent(
                &["the", "dog", "of", a, "barks"],
                &[Det, Noun, Adp, Propn, Verb],
                &[2, 5, 4, 2, 0],
                &["det", "nsubj", "case", "nmod", "root"],
            ));
        }
        let options = ParserTrainOptions {
            epochs: 8,
            seed: 2,
            clusters,
            prune: 0.0,
        };
        (Parser::train(&data, &options), data)
    }

    #[test]
    fn an_average_of_parsers_scores_with_their_mean_weights() {
        let (a, data) = toy_parser(WordClusters::empty());
        let b = Parser::train(
            &data,
            &ParserTrainOptions {
                epochs: 8,
                seed: 3,
                prune: 0.0,
                ..Default::default()
            },
        );
        let mean = Parser::average(&[a.clone(), b.clone()], &data).expect("one shape");
        // Every feature of either parser, scored alone, gets the mean of their rows.
        let keys: Vec<u64> = a.moves.keys.iter().chain(&b.moves.keys).copied().collect();
        assert!(mean.moves.keys.len() >= a.moves.keys.len().max(b.moves.keys.len()));
        let step = mean.moves.scale + a.moves.scale + b.moves.scale;
        for &k in &keys {
            let (sa, sb) = (dense(&a.moves, &[k]), dense(&b.moves, &[k]));
            let sm = dense(&mean.moves, &[k]);
            for c in 0..N_MOVES {
                let want = (sa[c] + sb[c]) / 2.0;
                assert!(
                    (sm[c] - want).abs() <= step,
                    "{k}: {} against {want}",
                    sm[c]
                );
            }
        }
        // It still parses the toy grammar, and the mean of one parser parses like it.
        let gold: Vec<Vec<(Option<usize>, &str)>> = data
            .iter()
            .map(|s| {
                s.heads
                    .iter()
                    .zip(&s.deprels)
                    .map(|(&h, r)| (h.checked_sub(1), crate::model::intern(r)))
                    .collect()
            })
            .collect();
        assert_eq!(parses(&mean, &data), gold);
        let one = Parser::average(std::slice::from_ref(&a), &data).expect("one parser");
        assert_eq!(parses(&one, &data), parses(&a, &data));
        // Parsers with other labels do not average.
        let mut other = b.clone();
        other.labels.push("extra");
        assert!(Parser::average(&[a, other], &data).is_none());
    }

    #[test]
    fn label_shortcuts_follow_the_labeller() {
        let (toy, data) = toy_parser(WordClusters::empty());
        assert!(
            toy.label_shortcuts.is_empty(),
            "too few occurrences for a shortcut"
        );
        // Six times the data: every key is seen at least SHORTCUT_MIN times.
        let data: Vec<TrainSentence> = data.iter().cycle().take(6 * data.len()).cloned().collect();
        let options = ParserTrainOptions {
            epochs: 4,
            seed: 2,
            prune: 0.0,
            ..Default::default()
        };
        let p = Parser::train(&data, &options);
        // `the` → `dog`, `of` → a name, `dog` → `barks`: the keys of the other arcs hold
        // one name each, seen six times.
        assert_eq!(p.label_shortcuts.len(), 3, "{:?}", p.label_shortcuts);
        let mut plain = p.clone();
        plain.label_shortcuts.clear();
        assert_eq!(parses(&p, &data), parses(&plain, &data));
        let back = Parser::from_bytes(&p.to_bytes()).expect("round trip");
        assert_eq!(back.label_shortcuts, p.label_shortcuts);
        plain.learn_shortcuts(&data);
        assert_eq!(plain.label_shortcuts, p.label_shortcuts);
    }

    fn parses(p: &Parser, data: &[TrainSentence]) -> Vec<Vec<(Option<usize>, &'static str)>> {
        data.iter()
            .map(|s| {
                let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
                let xpos: Vec<&str> = s.xpos.iter().map(String::as_str).collect();
                p.parse(&forms, &s.upos, &xpos)
            })
            .collect()
    }

    #[test]
    fn reads_back_its_own_and_the_first_format() {
        let (p, data) = toy_parser(WordClusters::empty());
        let want = parses(&p, &data);
        let bytes = p.to_bytes();
        let back = Parser::from_bytes(&bytes).expect("current format");
        assert_eq!(parses(&back, &data), want);
        assert_eq!(back.to_bytes(), bytes, "byte-identical after a round trip");
        let mut first = Parser::from_bytes(&to_first_format(&p)).expect("first format");
        assert_eq!(parses(&first, &data), want);
        first.learn_shortcuts(&data);
        assert_eq!(first.to_bytes(), bytes);
        // Every cut is an error, never a panic or an endless probe.
        for cut in (0..bytes.len()).step_by(7) {
            assert!(Parser::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn keeps_its_word_classes() {
        let sents: Vec<Vec<&str>> = ["Ann", "Bob", "Cy", "Dee"]
            .iter()
            .flat_map(|n| {
                [
                    vec![*n, "sees", "the", "dog"],
                    vec!["the", "dog", "sees", *n],
                ]
            })
            .collect();
        let clusters = WordClusters::train(
            &sents,
            &crate::nlp::clusters::ClusterOptions {
                coarse: 2,
                fine: 4,
                iterations: 5,
                min_count: 1,
            },
        );
        assert!(!clusters.is_empty());
        let (p, data) = toy_parser(clusters);
        let back = Parser::from_bytes(&p.to_bytes()).expect("round trip");
        assert_eq!(back.clusters.len(), p.clusters.len());
        assert_eq!(parses(&back, &data), parses(&p, &data));
        assert_eq!(parses(&p, &data)[0][0], (Some(1), "nsubj"));
    }

    /// Dense reference: the sum of the 16-bit rows of the features present.
    fn dense(t: &Table, feats: &[u64]) -> Vec<f32> {
        let mut out = vec![0f32; t.nc];
        for f in feats {
            if let Ok(r) = t.keys.binary_search(f) {
                for (o, &q) in out.iter_mut().zip(&t.q[r * t.nc..(r + 1) * t.nc]) {
                    *o += f32::from(q) * t.scale;
                }
            }
        }
        out
    }

    fn random_table(nc: usize, rows: usize, rng: &mut Rng) -> Table {
        let mut keys: Vec<u64> = (0..rows).map(|_| rng.next()).collect();
        keys.sort_unstable();
        keys.dedup();
        let w: Vec<f32> = (0..keys.len() * nc)
            .map(|_| match rng.below(3) {
                0 => 0.0,
                _ => (rng.below(2001) as f32 - 1000.0) / 100.0,
            })
            .collect();
        Table::quantise(nc, keys, &w)
    }

    #[test]
    fn tables_score_like_the_dense_rows() {
        let mut rng = Rng(7);
        let mut off = 0;
        for nc in [3, 5, 51] {
            let t = random_table(nc, 5000, &mut rng);
            for _ in 0..200 {
                // Half the features are in the table, half are not; more than one chunk
                // of the scoring loops.
                let feats: Vec<u64> = (0..150)
                    .map(|i| {
                        if i % 2 == 0 {
                            t.keys[rng.below(t.keys.len() as u64) as usize]
                        } else {
                            rng.next()
                        }
                    })
                    .collect();
                let want = dense(&t, &feats);
                let mut got = vec![0f32; nc];
                t.score(&feats, &mut got);
                if nc == N_MOVES {
                    // Differences from the first move, to the 9-bit precision (half a
                    // step of 20/255 per feature), except when an absent feature's
                    // 14-bit tag collides: at this table's load (0.61) its probes pass
                    // about 4 slots, so about 1 in 4,000 absent lookups (75 a score).
                    let tolerance = 0.5 * 20.0 / 255.0 * 75.0;
                    off +=
                        usize::from((1..3).any(|m| (want[m] - want[0] - got[m]).abs() > tolerance));
                } else {
                    for (w, g) in want.iter().zip(&got) {
                        assert!((w - g).abs() < 1e-3, "{w} vs {g}");
                    }
                }
            }
        }
        assert!(off <= 10, "{off} of 200 move scores off");
    }

    #[test]
    fn rejects_bad_bytes() {
        assert!(Parser::from_bytes(b"nonsense").is_err());
        assert!(Parser::from_bytes(b"").is_err());
    }
}
