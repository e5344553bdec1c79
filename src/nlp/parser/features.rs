//! Per-token attributes and the feature templates: about 100 structural templates (words,
//! tags, suffixes, shapes of stack and buffer words, their children and labels, valency,
//! distance) and 28 labelling ones, each hashed to one `u64` key.

use std::collections::HashMap;

use super::transition::State;
use crate::hash::{IdBuild, finish, hash_str, mix, word_key};
use crate::model::Upos;
use crate::nlp::clusters::WordClusters;

/// Hash value of the unknown word.
pub(super) const UNK: u64 = 0x5555_0001;
/// Attribute value of a missing position (no such stack word, no such child).
const NONE_ATTR: u64 = 0x5555_0002;
/// Attribute value of the artificial ROOT.
const ROOT_ATTR: u64 = 0x5555_0003;

/// Per-token hashed attributes. Index `n` is ROOT, `n + 1` is the missing position.
#[derive(Default)]
pub(super) struct Attrs {
    pub(super) w: Vec<u64>,
    pub(super) p: Vec<u64>,
    pub(super) u: Vec<u64>,
    pub(super) suf: Vec<u64>,
    pub(super) shape: Vec<u64>,
    pub(super) pre: Vec<u64>,
    /// Coarse and fine word class.
    pub(super) c: Vec<u64>,
    pub(super) f: Vec<u64>,
    /// Whether the parser has word classes (else `c` and `f` are all unknown and the
    /// class features are left out).
    pub(super) has_classes: bool,
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
    /// Every attribute column.
    fn columns(&mut self) -> [&mut Vec<u64>; 8] {
        [
            &mut self.w,
            &mut self.p,
            &mut self.u,
            &mut self.suf,
            &mut self.shape,
            &mut self.pre,
            &mut self.c,
            &mut self.f,
        ]
    }

    /// Fills the attributes of a sentence, then those of ROOT and the missing position.
    pub(super) fn fill(
        &mut self,
        vocab: &HashMap<u64, (), IdBuild>,
        clusters: &WordClusters,
        forms: &[&str],
        upos: &[Upos],
        xpos: &[&str],
    ) {
        for v in self.columns() {
            v.clear();
        }
        self.has_classes = !clusters.is_empty();
        let mut buf = String::new();
        for (i, form) in forms.iter().enumerate() {
            let wh = word_key(form, &mut buf);
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
        for v in self.columns() {
            v.push(ROOT_ATTR);
            v.push(NONE_ATTR);
        }
    }
}

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
pub(super) fn move_features(st: &State, a: &Attrs, out: &mut Vec<u64>) {
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
pub(super) fn label_features(st: &State, a: &Attrs, h: usize, d: usize, out: &mut Vec<u64>) {
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
