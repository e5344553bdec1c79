//! Part-of-speech tagger: a greedy, left-to-right averaged perceptron predicting a joint
//! (UPOS, XPOS) tag.
//!
//! Features: the word and its neighbours (±2), prefixes and suffixes (1–4), word shape,
//! capitalisation, hyphen and digit flags, the previous two predicted tags, the
//! ambiguity class of frequent words (the set of tags they had in training), and a small
//! lexicon signal for unknown inflected verbs: a word ending in `-s`, `-ed` or `-ing`
//! whose stem is a known verb lemma (news verbs missing from web text, like
//! `cooperates`), or whose stem ends in a verb-forming suffix (`-ate`, `-ize`, `-ify`).
//! Frequent unambiguous words are tagged from a tag dictionary.
//!
//! Weights are averaged, pruned and quantised to `i16` when the model is saved.

mod train;

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

use super::clusters::WordClusters;
use super::model::{BundleError, ByteReader, ByteWriter};
use crate::hash::{hash_bytes, hash_mix};
use crate::model::Upos;

/// One training sentence: forms and their gold (UPOS, XPOS).
#[derive(Clone, Debug)]
pub struct TagSentence {
    /// Word forms.
    pub forms: Vec<String>,
    /// Gold tags.
    pub tags: Vec<(Upos, String)>,
}

/// Tagger training settings.
#[derive(Clone, Debug, Default)]
pub struct TaggerTrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Weights whose absolute averaged value is below this are dropped when saving.
    pub prune: f32,
    /// Word classes from unlabelled text (empty: no class features).
    pub clusters: WordClusters,
}

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    classes: Vec<(Upos, &'static str)>,
    /// The weights, in their lookup layout (also how they are saved).
    probe: Probe,
    tagdict: FxHashMap<String, u8>,
    ambig: FxHashMap<String, u64>,
    verbs: FxHashSet<String>,
    /// Word classes (may be empty).
    clusters: WordClusters,
}

// Feature template ids (hash seeds).
const F_BIAS: u64 = 1;
const F_W0: u64 = 2;
const F_SUF: u64 = 3;
const F_PRE: u64 = 4;
const F_SHAPE: u64 = 5;
const F_CAP: u64 = 6;
const F_HYPH: u64 = 7;
const F_DIGIT: u64 = 8;
const F_WM1: u64 = 9;
const F_WM2: u64 = 10;
const F_WP1: u64 = 11;
const F_WP2: u64 = 12;
const F_SUFM1: u64 = 13;
const F_SUFP1: u64 = 14;
const F_WM1W0: u64 = 15;
const F_W0WP1: u64 = 16;
const F_AMB0: u64 = 17;
const F_AMBP1: u64 = 18;
const F_AMBP2: u64 = 19;
const F_AMBM1: u64 = 20;
const F_VSTEM: u64 = 21;
const F_VSUF: u64 = 22;
const F_VLEMMA: u64 = 23;
const F_CAPM1: u64 = 24;
const F_CAPP1: u64 = 25;
const F_P1: u64 = 30;
const F_P2: u64 = 31;
const F_P1P2: u64 = 32;
const F_P1W0: u64 = 33;
const F_P1SUF: u64 = 34;
const F_P1AMBP1: u64 = 35;
const F_FORM: u64 = 36;
const F_CL0: u64 = 40;
const F_CLF0: u64 = 41;
const F_CLFM1: u64 = 42;
const F_CLFP1: u64 = 43;
const F_CLF0P1: u64 = 44;

/// Open-addressing lookup from a feature to its weights, for tagging. A slot is 16
/// bytes: the key's high 32 bits (never 0; 0 marks an empty slot), the feature's first
/// two weights inline, and `start << 8 | len` of the rest in `extra`. Two thirds of the
/// features have exactly two weights (one perceptron update), so most lookups touch a
/// single cache line. A weight is packed as `q << 8 | class` with `q` its 16-bit value.
#[derive(Clone, Debug, Default)]
struct Probe {
    mask: usize,
    slots: Vec<[u32; 4]>,
    extra: Vec<u32>,
    scale: f32,
}

/// Weights addressable by a [`Probe`] slot (24 bits of start).
const MAX_CELLS: usize = 1 << 24;

#[inline]
fn probe_tag(key: u64) -> u32 {
    ((key >> 32) as u32) | 1
}

impl Probe {
    fn new(index: &FxHashMap<u64, (u32, u16)>, cells: &[(u8, f32)]) -> Probe {
        let mut keys: Vec<(&u64, &(u32, u16))> = index.iter().collect();
        keys.sort_unstable();
        let max = cells.iter().fold(0f32, |m, (_, w)| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let pack = |&(c, w): &(u8, f32)| {
            let q = (w / scale).round().clamp(-32767.0, 32767.0) as i32;
            ((q << 8) as u32) | u32::from(c)
        };
        let cap = (keys.len() + keys.len() / 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![[0u32; 4]; cap];
        let mut extra = Vec::new();
        for (&k, &(start, len)) in keys {
            let row = &cells[start as usize..start as usize + len as usize];
            let mut slot = [probe_tag(k), 0, 0, 0];
            for (x, cell) in slot[1..3].iter_mut().zip(row) {
                *x = pack(cell);
            }
            if row.len() > 2 {
                let rest = &row[2..];
                slot[3] = (extra.len() as u32) << 8 | rest.len().min(255) as u32;
                extra.extend(rest.iter().map(pack));
            }
            let mut i = k as usize & mask;
            while slots[i][0] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = slot;
        }
        Probe {
            mask,
            slots,
            extra,
            scale,
        }
    }

    /// Reads the layout [`Tagger::to_bytes`] writes, checking that every lookup stays in
    /// bounds and every class is below `classes`.
    fn read(r: &mut ByteReader<'_>, classes: usize) -> Result<Probe, BundleError> {
        let bad = |what: &str| BundleError::Malformed(format!("tagger weights: {what}"));
        let scale = r.f32()?;
        let cap = r.count(16)?;
        if !cap.is_power_of_two() || cap < 16 || !scale.is_finite() {
            return Err(bad("bad table size"));
        }
        let slots: Vec<[u32; 4]> = r
            .u32s(4 * cap)?
            .chunks_exact(4)
            .map(|s| [s[0], s[1], s[2], s[3]])
            .collect();
        let n = r.count(4)?;
        if n >= MAX_CELLS {
            return Err(bad("too many weights"));
        }
        let extra = r.u32s(n)?;
        let class_ok = |c: &u32| ((c & 0xff) as usize) < classes;
        let slots_ok = slots.iter().filter(|s| s[0] != 0).all(|s| {
            let (start, len) = ((s[3] >> 8) as usize, (s[3] & 0xff) as usize);
            start + len <= n && s[1..3].iter().all(class_ok)
        });
        if !slots_ok || !extra.iter().all(class_ok) || !slots.iter().any(|s| s[0] == 0) {
            return Err(bad("slots out of bounds"));
        }
        Ok(Probe {
            mask: cap - 1,
            slots,
            extra,
            scale,
        })
    }

    /// Adds the weights of every feature in `feats` to `scores`. All first probes are
    /// loaded before any is compared, so their cache misses overlap.
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let mut acc = [0i32; 256];
        let mut first = [[0u32; 4]; 64];
        for feats in feats.chunks(first.len()) {
            for (x, &f) in first.iter_mut().zip(feats) {
                *x = self.slots[f as usize & self.mask];
            }
            for (&f, &s0) in feats.iter().zip(first.iter()) {
                let tag = probe_tag(f);
                let mut i = f as usize & self.mask;
                let mut s = s0;
                loop {
                    if s[0] == tag {
                        // An unused inline weight is 0: it adds nothing to class 0.
                        for c in [s[1], s[2]] {
                            acc[(c & 0xff) as usize] += (c as i32) >> 8;
                        }
                        let (start, len) = ((s[3] >> 8) as usize, (s[3] & 0xff) as usize);
                        for &c in &self.extra[start..start + len] {
                            acc[(c & 0xff) as usize] += (c as i32) >> 8;
                        }
                        break;
                    }
                    if s[0] == 0 {
                        break;
                    }
                    i = (i + 1) & self.mask;
                    s = self.slots[i];
                }
            }
        }
        for (s, &a) in scores.iter_mut().zip(&acc) {
            *s = a as f32 * self.scale;
        }
    }
}

/// Context of one word, precomputed once per sentence.
struct WordContext<'f> {
    /// The form in lower case (borrowed when it already is).
    lower: Cow<'f, str>,
    norm_hash: u64,
    cap: u8,
    /// Ambiguity class (see [`Lexicon::amb`]).
    amb: u64,
    /// Hash of the last three characters.
    suf3: u64,
    /// Coarse and fine word class, or 0.
    class: (u64, u64),
}

fn norm(lower: &str) -> Cow<'_, str> {
    if lower.chars().any(|c| c.is_ascii_digit()) {
        Cow::Owned(
            lower
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .take(12)
                .collect(),
        )
    } else {
        Cow::Borrowed(lower)
    }
}

/// `form` in lower case, without a copy when it is ASCII with no capital (most words).
fn lower_case(form: &str) -> Cow<'_, str> {
    if form
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(form)
    } else {
        Cow::Owned(form.to_lowercase())
    }
}

/// 0 lower, 1 Title, 2 ALLCAPS, 3 other/none.
fn cap_class(form: &str) -> u8 {
    let mut chars = form.chars().filter(|c| c.is_alphabetic());
    match chars.next() {
        None => 3,
        Some(c) if c.is_lowercase() => 0,
        Some(_) => {
            let rest: Vec<char> = chars.collect();
            if rest.is_empty() || rest.iter().all(|c| c.is_uppercase()) {
                if rest.is_empty() { 1 } else { 2 }
            } else if rest.iter().all(|c| c.is_lowercase()) {
                1
            } else {
                3
            }
        }
    }
}

/// The word's shape (`Xxxx`, `dd-dd`), runs of a class capped at two, written into `buf`
/// (at most 16 bytes: it stops once past 12); returns its length.
fn shape_into(form: &str, buf: &mut [u8; 16]) -> usize {
    let mut len = 0;
    let mut last = ' ';
    let mut run = 0;
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = s;
        }
        len += s.encode_utf8(&mut buf[len..]).len();
        if len > 12 {
            break;
        }
    }
    len
}

/// Hash of the word's shape, without allocating.
fn shape_hash(form: &str) -> u64 {
    let mut buf = [0u8; 16];
    let len = shape_into(form, &mut buf);
    hash_bytes(F_SHAPE, &buf[..len])
}

#[cfg(test)]
fn shape(form: &str) -> String {
    let mut buf = [0u8; 16];
    let len = shape_into(form, &mut buf);
    String::from_utf8_lossy(&buf[..len]).into_owned()
}

fn suffix(s: &str, n: usize) -> &str {
    let start = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[start..]
}

fn prefix(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Stems a word could have as an inflected verb form, with the inflection's name.
pub(crate) fn verb_stems(lower: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let undouble = |s: &str| -> Option<String> {
        let b = s.as_bytes();
        let n = b.len();
        (n >= 3 && b[n - 1] == b[n - 2] && !b"aeiouslz".contains(&b[n - 1]))
            .then(|| s[..n - 1].to_owned())
    };
    if let Some(s) = lower.strip_suffix("ing").filter(|s| s.len() >= 2) {
        out.push(("ing", s.to_owned()));
        out.push(("ing", format!("{s}e")));
        if let Some(u) = undouble(s) {
            out.push(("ing", u));
        }
    }
    if let Some(s) = lower.strip_suffix("ed").filter(|s| s.len() >= 2) {
        out.push(("ed", s.to_owned()));
        out.push(("ed", format!("{s}e")));
        if let Some(u) = undouble(s) {
            out.push(("ed", u));
        }
        if let Some(t) = s.strip_suffix('i') {
            out.push(("ed", format!("{t}y")));
        }
    }
    if let Some(s) = lower
        .strip_suffix('s')
        .filter(|s| s.len() >= 2 && !s.ends_with('s'))
    {
        out.push(("s", s.to_owned()));
        if let Some(t) = s.strip_suffix('e') {
            out.push(("s", t.to_owned()));
        }
        if let Some(t) = s.strip_suffix("ie") {
            out.push(("s", format!("{t}y")));
        }
    }
    out
}

const VERB_SUFFIXES: [&str; 6] = ["ate", "ize", "ise", "ify", "en", "ect"];

struct Lexicon<'a> {
    tagdict: &'a FxHashMap<String, u8>,
    ambig: &'a FxHashMap<String, u64>,
    verbs: &'a FxHashSet<String>,
    clusters: &'a WordClusters,
}

impl Lexicon<'_> {
    fn words<'f>(&self, forms: &[&'f str]) -> Vec<WordContext<'f>> {
        forms
            .iter()
            .map(|f| {
                let lower = lower_case(f);
                let norm = norm(&lower);
                let norm_hash = hash_bytes(0, norm.as_bytes());
                WordContext {
                    cap: cap_class(f),
                    amb: self.ambig.get(&*lower).copied().unwrap_or(2),
                    suf3: hash_bytes(0, suffix(&lower, 3).as_bytes()),
                    class: self
                        .clusters
                        .get(f)
                        .map_or((0, 0), |(c, f)| (u64::from(c) + 1, u64::from(f) + 1)),
                    lower,
                    norm_hash,
                }
            })
            .collect()
    }

    /// Ambiguity class of a word: 1 outside the sentence, 2 for a word not in the
    /// lexicon, else the hash of the tags it had in training.
    fn amb(w: Option<&WordContext>) -> u64 {
        w.map_or(1, |w| w.amb)
    }

    /// Features that do not depend on predicted tags.
    fn static_features(&self, forms: &[&str], words: &[WordContext], i: usize, out: &mut Vec<u64>) {
        let w = &words[i];
        let get = |j: isize| -> Option<&WordContext> {
            let k = i as isize + j;
            (k >= 0).then(|| words.get(k as usize)).flatten()
        };
        let nh = |w: Option<&WordContext>| w.map_or(0x5151, |w| w.norm_hash);
        out.push(hash_mix(F_BIAS, 0));
        out.push(hash_mix(F_W0, w.norm_hash));
        out.push(hash_bytes(F_FORM, forms[i].as_bytes()));
        for n in 1..=4 {
            out.push(hash_mix(
                hash_bytes(F_SUF, suffix(&w.lower, n).as_bytes()),
                n as u64,
            ));
        }
        for n in 1..=3 {
            out.push(hash_mix(
                hash_bytes(F_PRE, prefix(&w.lower, n).as_bytes()),
                n as u64,
            ));
        }
        out.push(shape_hash(forms[i]));
        out.push(hash_mix(F_CAP, u64::from(w.cap) * 2 + u64::from(i == 0)));
        if w.lower.contains('-') {
            out.push(hash_mix(F_HYPH, 0));
        }
        if w.lower.bytes().any(|b| b.is_ascii_digit()) {
            out.push(hash_mix(F_DIGIT, 0));
        }
        out.push(hash_mix(F_WM1, nh(get(-1))));
        out.push(hash_mix(F_WM2, nh(get(-2))));
        out.push(hash_mix(F_WP1, nh(get(1))));
        out.push(hash_mix(F_WP2, nh(get(2))));
        let suf3 = |w: Option<&WordContext>| w.map_or(0x77, |w| w.suf3);
        out.push(hash_mix(F_SUFM1, suf3(get(-1))));
        out.push(hash_mix(F_SUFP1, suf3(get(1))));
        out.push(hash_mix(hash_mix(F_WM1W0, nh(get(-1))), w.norm_hash));
        out.push(hash_mix(hash_mix(F_W0WP1, w.norm_hash), nh(get(1))));
        out.push(hash_mix(F_AMB0, Self::amb(Some(w))));
        out.push(hash_mix(F_AMBP1, Self::amb(get(1))));
        out.push(hash_mix(F_AMBP2, Self::amb(get(2))));
        out.push(hash_mix(F_AMBM1, Self::amb(get(-1))));
        out.push(hash_mix(F_CAPM1, get(-1).map_or(9, |w| u64::from(w.cap))));
        out.push(hash_mix(F_CAPP1, get(1).map_or(9, |w| u64::from(w.cap))));
        if !self.clusters.is_empty() {
            let fine = |w: Option<&WordContext>| w.map_or(0xffff, |w| w.class.1);
            out.push(hash_mix(F_CL0, w.class.0));
            out.push(hash_mix(F_CLF0, w.class.1));
            out.push(hash_mix(F_CLFM1, fine(get(-1))));
            out.push(hash_mix(F_CLFP1, fine(get(1))));
            out.push(hash_mix(hash_mix(F_CLF0P1, w.class.1), fine(get(1))));
        }
        // Lexicon signal for inflected verbs.
        if self.verbs.contains(&*w.lower) {
            out.push(hash_mix(F_VLEMMA, 0));
        }
        let mut seen = 0u8;
        for (infl, stem) in verb_stems(&w.lower) {
            let bit = match infl {
                "ing" => 1,
                "ed" => 2,
                _ => 4,
            };
            if seen & bit != 0 {
                continue;
            }
            if self.verbs.contains(&stem) {
                seen |= bit;
                out.push(hash_bytes(F_VSTEM, infl.as_bytes()));
            } else if let Some(sfx) = VERB_SUFFIXES
                .iter()
                .find(|s| stem.len() > s.len() + 2 && stem.ends_with(*s))
            {
                seen |= bit;
                out.push(hash_mix(
                    hash_bytes(F_VSUF, infl.as_bytes()),
                    hash_bytes(0, sfx.as_bytes()),
                ));
            }
        }
    }
}

/// Adds the features that depend on the previous predicted tags.
fn dynamic_features(words: &[WordContext], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let w = &words[i];
    out.push(hash_mix(F_P1, p1));
    out.push(hash_mix(F_P2, p2));
    out.push(hash_mix(F_P1P2, p1 * 1024 + p2));
    out.push(hash_mix(hash_mix(F_P1W0, p1), w.norm_hash));
    out.push(hash_mix(hash_mix(F_P1SUF, p1), w.suf3));
    let next = words.get(i + 1).map_or(0x99, |w| w.norm_hash);
    out.push(hash_mix(hash_mix(F_P1AMBP1, p1), next));
}

const START: u64 = 1000;
const START2: u64 = 1001;

fn argmax(scores: &[f32]) -> u8 {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best as u8
}

impl Tagger {
    /// The verb lexicon: lower-case base forms tagged `VB` in the training data, plus the
    /// lemmatizer's known verb lemmas.
    pub fn known_verbs(&self) -> &FxHashSet<String> {
        &self.verbs
    }

    /// Tags a sentence; returns one class per form.
    pub fn tag(&self, forms: &[&str]) -> Vec<(Upos, &'static str)> {
        let lex = Lexicon {
            tagdict: &self.tagdict,
            ambig: &self.ambig,
            verbs: &self.verbs,
            clusters: &self.clusters,
        };
        let words = lex.words(forms);
        let mut scores = vec![0.0f32; self.classes.len()];
        let mut feats = Vec::with_capacity(64);
        let (mut p1, mut p2) = (START, START2);
        let mut out = Vec::with_capacity(forms.len());
        for i in 0..forms.len() {
            let guess = if let Some(d) = self.tagdict.get(forms[i]) {
                *d
            } else {
                feats.clear();
                lex.static_features(forms, &words, i, &mut feats);
                dynamic_features(&words, i, p1, p2, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                self.probe.score(&feats, &mut scores);
                argmax(&scores)
            };
            p2 = p1;
            p1 = u64::from(guess);
            let (u, x) = &self.classes[guess as usize];
            out.push((*u, *x));
        }
        out
    }

    /// Zeroes weights whose absolute value is below `threshold` (a zero weight adds
    /// nothing, so tagging is as if they were dropped).
    pub fn prune(&mut self, threshold: f32) {
        let limit = threshold / self.probe.scale;
        let small = |c: &u32| (((*c as i32) >> 8).unsigned_abs() as f32) < limit;
        for slot in &mut self.probe.slots {
            if slot[0] != 0 {
                for c in &mut slot[1..3] {
                    if small(c) {
                        *c &= 0xff;
                    }
                }
            }
        }
        for c in &mut self.probe.extra {
            if small(c) {
                *c &= 0xff;
            }
        }
    }

    /// Number of non-zero weights.
    pub fn weight_count(&self) -> usize {
        let nonzero = |c: &u32| (*c >> 8) != 0;
        let inline: usize = self
            .probe
            .slots
            .iter()
            .map(|s| s[1..3].iter().filter(|c| nonzero(c)).count())
            .sum();
        inline + self.probe.extra.iter().filter(|c| nonzero(c)).count()
    }

    /// Serialises the tagger (weights quantised to `i16`).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.u32(self.classes.len() as u32);
        for (u, x) in &self.classes {
            w.u8(u.index() as u8);
            w.str(x);
        }
        let mut dict: Vec<(&String, &u8)> = self.tagdict.iter().collect();
        dict.sort();
        w.u32(dict.len() as u32);
        for (f, c) in dict {
            w.str(f);
            w.u8(*c);
        }
        let mut amb: Vec<(&String, &u64)> = self.ambig.iter().collect();
        amb.sort();
        w.u32(amb.len() as u32);
        for (f, h) in amb {
            w.str(f);
            w.u64(*h);
        }
        let mut verbs: Vec<&String> = self.verbs.iter().collect();
        verbs.sort();
        w.u32(verbs.len() as u32);
        for v in verbs {
            w.str(v);
        }
        // The weights in their lookup layout, so loading is a copy.
        let p = &self.probe;
        w.f32(p.scale);
        w.u32(p.slots.len() as u32);
        for slot in &p.slots {
            for &x in slot {
                w.u32(x);
            }
        }
        w.u32(p.extra.len() as u32);
        for &x in &p.extra {
            w.u32(x);
        }
        if !self.clusters.is_empty() {
            w.bytes(&self.clusters.to_bytes());
        }
        w.buf
    }

    /// Reads a tagger written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, BundleError> {
        Tagger::read(bytes, false)
    }

    /// Reads a tagger of the first format (bundle section `TAGR`), whose weights are
    /// saved as a sorted list of features; the lookup table is built on loading.
    pub fn from_legacy_bytes(bytes: &[u8]) -> Result<Tagger, BundleError> {
        Tagger::read(bytes, true)
    }

    fn read(bytes: &[u8], legacy: bool) -> Result<Tagger, BundleError> {
        let mut r = ByteReader::new(bytes);
        let n = r.count(5)?;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = *Upos::ALL
                .get(r.u8()? as usize)
                .ok_or_else(|| BundleError::Malformed("bad UPOS".into()))?;
            classes.push((u, crate::model::intern(r.str()?)));
        }
        if classes.is_empty() {
            return Err(BundleError::Malformed("tagger without classes".into()));
        }
        let check = |c: u8| -> Result<u8, BundleError> {
            if (c as usize) < n {
                Ok(c)
            } else {
                Err(BundleError::Malformed("bad tag class".into()))
            }
        };
        let m = r.count(5)?;
        let mut tagdict = FxHashMap::default();
        for _ in 0..m {
            let f = r.str()?.to_owned();
            tagdict.insert(f, check(r.u8()?)?);
        }
        let m = r.count(12)?;
        let mut ambig = FxHashMap::default();
        for _ in 0..m {
            let f = r.str()?.to_owned();
            ambig.insert(f, r.u64()?);
        }
        let m = r.count(4)?;
        let mut verbs = FxHashSet::default();
        for _ in 0..m {
            verbs.insert(r.str()?.to_owned());
        }
        let probe = if legacy {
            read_legacy_weights(&mut r, n)?
        } else {
            Probe::read(&mut r, n)?
        };
        // Word classes came later: a tagger without them ends here.
        let clusters = if r.is_empty() {
            WordClusters::empty()
        } else {
            WordClusters::from_bytes(r.bytes()?)?
        };
        Ok(Tagger {
            clusters,
            classes,
            probe,
            tagdict,
            ambig,
            verbs,
        })
    }
}

/// Weights of the first format: scale, then per feature its key and quantised cells.
fn read_legacy_weights(r: &mut ByteReader<'_>, classes: usize) -> Result<Probe, BundleError> {
    let scale = r.f32()?;
    let m = r.count(9)?;
    let mut index = FxHashMap::default();
    index.reserve(m);
    let mut cells = Vec::with_capacity(m * 2);
    for _ in 0..m {
        let k = r.u64()?;
        let len = r.u8()?;
        let start = cells.len();
        for _ in 0..len {
            let c = r.u8()?;
            if usize::from(c) >= classes {
                return Err(BundleError::Malformed("bad tag class".into()));
            }
            cells.push((c, f32::from(r.i16()?) * scale));
        }
        index.insert(k, (start as u32, u16::from(len)));
    }
    if cells.len() >= MAX_CELLS {
        return Err(BundleError::Malformed("tagger has too many weights".into()));
    }
    Ok(Probe::new(&index, &cells))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    fn sent(s: &str) -> TagSentence {
        let mut forms = Vec::new();
        let mut tags = Vec::new();
        for tok in s.split(' ') {
            let (f, t) = tok.rsplit_once('/').expect("form/TAG");
            let (u, x) = t.split_once(':').expect("UPOS:XPOS");
            forms.push(f.to_owned());
            tags.push((Upos::parse(u).expect("upos"), x.to_owned()));
        }
        TagSentence { forms, tags }
    }

    #[test]
    fn learns_a_toy_language() {
        let data: Vec<TagSentence> = [
            "the/DET:DT dog/NOUN:NN runs/VERB:VBZ ./PUNCT:.",
            "a/DET:DT cat/NOUN:NN sleeps/VERB:VBZ ./PUNCT:.",
            "the/DET:DT cats/NOUN:NNS run/VERB:VBP ./PUNCT:.",
            "dogs/NOUN:NNS sleep/VERB:VBP ./PUNCT:.",
        ]
        .iter()
        .map(|s| sent(s))
        .collect();
        let t = Tagger::train(
            &data,
            &TaggerTrainOptions {
                epochs: 5,
                seed: 1,
                prune: 0.0,
                ..Default::default()
            },
        );
        let tags = t.tag(&["the", "cat", "runs", "."]);
        assert_eq!(tags[0], (Upos::Det, "DT"));
        assert_eq!(tags[1], (Upos::Noun, "NN"));
        let again = Tagger::from_bytes(&t.to_bytes()).expect("round trip");
        assert_eq!(again.tag(&["the", "cat", "runs", "."]), tags);
        assert!(t.tag(&[]).is_empty());
    }

    #[test]
    fn reads_the_first_format() {
        // One class and one feature (the bias) with one weight, as the first format
        // wrote it; then the same tagger in the current format.
        let mut w = ByteWriter::new();
        w.u32(2);
        for (u, x) in [(Upos::Noun, "NN"), (Upos::Verb, "VB")] {
            w.u8(u.index() as u8);
            w.str(x);
        }
        w.u32(0); // tag dictionary
        w.u32(0); // ambiguity classes
        w.u32(0); // verbs
        w.f32(1.0 / 32767.0);
        w.u32(1);
        w.u64(hash_mix(F_BIAS, 0));
        w.u8(1);
        w.u8(1);
        w.i16(32767);
        let legacy = Tagger::from_legacy_bytes(&w.buf).expect("first format");
        assert_eq!(legacy.tag(&["walk"]), vec![(Upos::Verb, "VB")]);
        assert_eq!(legacy.weight_count(), 1);
        let bytes = legacy.to_bytes();
        let current = Tagger::from_bytes(&bytes).expect("current format");
        assert_eq!(current.tag(&["walk"]), vec![(Upos::Verb, "VB")]);
        assert_eq!(current.to_bytes(), bytes);
        assert!(
            Tagger::from_bytes(&w.buf).is_err(),
            "formats are told apart"
        );
        for cut in 0..bytes.len() {
            assert!(Tagger::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn probe_scores_like_the_index() {
        // Rows of 1 to 6 weights over 40 classes, so both inline and extra weights occur.
        let mut rng = Rng::new(3);
        let mut index = FxHashMap::default();
        let mut cells = Vec::new();
        let mut keys = Vec::new();
        for _ in 0..3000 {
            let k = rng.next_u64();
            let len = 1 + (rng.next_u64() % 6) as usize;
            let start = cells.len();
            for c in 0..len {
                let w = (rng.next_u64() % 2001) as f32 / 100.0 - 10.0;
                cells.push(((c * 7 % 40) as u8, w));
            }
            index.insert(k, (start as u32, len as u16));
            keys.push(k);
        }
        let probe = Probe::new(&index, &cells);
        for round in 0..100 {
            let feats: Vec<u64> = (0..70)
                .map(|i| {
                    if i % 2 == 0 {
                        keys[(rng.next_u64() % keys.len() as u64) as usize]
                    } else {
                        rng.next_u64() ^ round
                    }
                })
                .collect();
            let mut want = [0f32; 40];
            for f in &feats {
                if let Some(&(start, len)) = index.get(f) {
                    for &(c, w) in &cells[start as usize..start as usize + len as usize] {
                        want[c as usize] += w;
                    }
                }
            }
            let mut got = [0f32; 40];
            probe.score(&feats, &mut got);
            for (w, g) in want.iter().zip(&got) {
                assert!((w - g).abs() < 0.01, "{w} vs {g}");
            }
        }
    }

    #[test]
    fn verb_stems_cover_inflections() {
        let stems: Vec<String> = verb_stems("cooperates")
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert!(stems.contains(&"cooperate".to_owned()));
        let stems: Vec<String> = verb_stems("stopped").into_iter().map(|(_, s)| s).collect();
        assert!(stems.contains(&"stop".to_owned()));
        let stems: Vec<String> = verb_stems("hoping").into_iter().map(|(_, s)| s).collect();
        assert!(stems.contains(&"hope".to_owned()));
    }

    #[test]
    fn helpers_handle_unicode() {
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(prefix("é", 3), "é");
        assert_eq!(shape("McDonald's"), "XxXxx'x");
        for w in ["McDonald's", "U.S.", "1,200", "naïve", "Ærø-2024", ""] {
            assert_eq!(shape_hash(w), hash_bytes(F_SHAPE, shape(w).as_bytes()));
        }
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,200"), "d,dd");
        assert_eq!(shape("Ærø-2024"), "Xxx-dd");
        // Stops once past 12 bytes.
        assert_eq!(shape("a-b-c-d-e-f-g-h"), "x-x-x-x-x-x-x");
        assert_eq!(cap_class("NATO"), 2);
        assert_eq!(cap_class("Nato"), 1);
        assert_eq!(cap_class("nato"), 0);
    }
}
