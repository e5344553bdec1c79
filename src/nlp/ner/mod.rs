//! The trained name recognizer: typed names (person, organisation, place) in a tagged
//! sentence.
//!
//! - **Model:** an averaged perceptron over BILOU labels of three types (13 labels),
//!   decoded greedily left to right, with transitions that break a name forbidden.
//! - **Features** ([`features`]): words ±2, shape, affixes, UPOS and XPOS, the parser's
//!   word classes, gazetteer matches (countries, organisations, people), title words and
//!   first names, and the two previous labels.
//! - **Training** ([`train`]): UniversalNER EWT dev, plus silver names that spaCy's small
//!   English model gave news text, corrected by the gazetteer (`scripts/ner_silver.py`,
//!   `actorgraph model train-ner`).
//! - **File:** a bundle ([`crate::nlp::model`]) with one section `NERW`: the label count,
//!   the scale of the quantised weights, then the sorted feature keys, each with its 13
//!   weights as `i16`. `models/en-ner.agm` is compiled in when it exists at build time.
//! - **Evaluation:** [`iob2`] reads UniversalNER files, [`score`] counts exact spans and
//!   types; `actorgraph model evaluate-ner` runs the whole pipeline from each sentence's
//!   raw text.

pub mod evaluate;
pub mod features;
pub mod iob2;
pub mod score;
pub mod train;

use std::collections::HashMap;
use std::ops::Range;

use crate::codec::{ByteReader, ByteWriter};
use crate::hash::IdBuild;
use crate::model::{EntityType, NameSpan, Sentence, Upos};
use crate::nlp::clusters::WordClusters;
use crate::nlp::model::{self, BundleError};

use self::features::{Input, Prepared, prepare, rule_marks};

/// The three name types, in label order.
pub const TYPES: [EntityType; 3] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Place,
];

/// UniversalNER's name of a type (`PER`, `ORG`, `LOC`).
pub fn uner_label(kind: EntityType) -> Option<&'static str> {
    match kind {
        EntityType::Person => Some("PER"),
        EntityType::Organization => Some("ORG"),
        EntityType::Place => Some("LOC"),
        _ => None,
    }
}

/// The type of a UniversalNER label.
pub fn uner_type(label: &str) -> Option<EntityType> {
    match label {
        "PER" => Some(EntityType::Person),
        "ORG" => Some(EntityType::Organization),
        "LOC" => Some(EntityType::Place),
        _ => None,
    }
}

/// Number of labels: `O`, then B, I, L, U of each type.
pub const LABELS: usize = 1 + 4 * TYPES.len();

const B: u8 = 0;
const I: u8 = 1;
const L: u8 = 2;
const U: u8 = 3;

fn label(t: usize, part: u8) -> u8 {
    1 + 4 * t as u8 + part
}

fn part(l: u8) -> Option<(usize, u8)> {
    (l > 0).then(|| (((l - 1) / 4) as usize, (l - 1) % 4))
}

/// Whether label `next` may follow `prev`: inside a name only its continuation, outside
/// only `O`, a begin or a unit.
fn allowed(prev: u8, next: u8) -> bool {
    match (part(prev), part(next)) {
        (Some((t, B | I)), Some((u, I | L))) => t == u,
        (Some((_, B | I)), _) => false,
        (_, Some((_, I | L))) => false,
        _ => true,
    }
}

/// BILOU labels of names over `n` tokens.
pub fn encode(n: usize, names: &[(Range<usize>, usize)]) -> Vec<u8> {
    let mut out = vec![0u8; n];
    for (r, t) in names {
        if r.end > n || r.start >= r.end {
            continue;
        }
        if r.len() == 1 {
            out[r.start] = label(*t, U);
        } else {
            out[r.start] = label(*t, B);
            for o in &mut out[r.start + 1..r.end - 1] {
                *o = label(*t, I);
            }
            out[r.end - 1] = label(*t, L);
        }
    }
    out
}

/// Names of a label sequence (a name cut short by the sentence's end still counts).
pub fn decode(labels: &[u8]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        match part(l) {
            Some((t, B)) => start = Some((i, t)),
            Some((t, U)) => {
                out.push((i..i + 1, t));
                start = None;
            }
            Some((t, L)) => {
                if let Some((s, st)) = start.take()
                    && st == t
                {
                    out.push((s..i + 1, t));
                }
            }
            Some(_) => {}
            None => start = None,
        }
    }
    if let Some((s, t)) = start {
        out.push((s..labels.len(), t));
    }
    out
}

/// A trained recognizer.
#[derive(Clone, Debug, Default)]
pub struct Recognizer {
    /// Row of each feature key in `weights`.
    rows: HashMap<u64, u32, IdBuild>,
    /// [`LABELS`] weights per row, quantised.
    weights: Vec<i16>,
    /// Weight of one quantisation step.
    scale: f32,
}

impl Recognizer {
    /// A recognizer from averaged weights: rows whose largest weight is below `prune` are
    /// dropped, the rest quantised to 16 bits.
    pub(crate) fn from_weights(mut rows: Vec<(u64, [f32; LABELS])>, prune: f32) -> Recognizer {
        rows.retain(|(_, w)| w.iter().any(|x| x.abs() >= prune));
        rows.sort_by_key(|(k, _)| *k);
        let max = rows
            .iter()
            .flat_map(|(_, w)| w.iter())
            .fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32_000.0 } else { 1.0 };
        let mut map = HashMap::with_capacity_and_hasher(rows.len(), IdBuild::default());
        let mut weights = Vec::with_capacity(rows.len() * LABELS);
        for (i, (k, w)) in rows.iter().enumerate() {
            map.insert(*k, i as u32);
            weights.extend(w.iter().map(|x| (x / scale).round() as i16));
        }
        Recognizer {
            rows: map,
            weights,
            scale,
        }
    }

    /// Number of feature rows.
    pub fn feature_count(&self) -> usize {
        self.rows.len()
    }

    fn add_row(&self, key: u64, scores: &mut [i32; LABELS]) {
        if let Some(&r) = self.rows.get(&key) {
            let row = &self.weights[r as usize * LABELS..(r as usize + 1) * LABELS];
            for (s, w) in scores.iter_mut().zip(row) {
                *s += i32::from(*w);
            }
        }
    }

    /// The labels of a prepared sentence, greedily left to right.
    pub(crate) fn label(&self, p: &Prepared) -> Vec<u8> {
        let mut out: Vec<u8> = Vec::with_capacity(p.len());
        for i in 0..p.len() {
            let p1 = if i > 0 { out[i - 1] } else { 0 };
            let p2 = if i > 1 { out[i - 2] } else { 0 };
            // Outside a name, a lower-case word that is no proper noun and under no
            // gazetteer or rule name begins none: not scored (most of the words of news).
            if !p.may_begin[i] && !matches!(part(p1), Some((_, B | I))) {
                out.push(0);
                continue;
            }
            let mut scores = [0i32; LABELS];
            for &f in p.statics(i).iter() {
                self.add_row(f, &mut scores);
            }
            for f in p.history(i, p1, p2) {
                self.add_row(f, &mut scores);
            }
            let last = i + 1 == p.len();
            let best = (0..LABELS as u8)
                .filter(|&l| allowed(p1, l) && !(last && matches!(part(l), Some((_, B | I)))))
                .max_by_key(|&l| (scores[l as usize], std::cmp::Reverse(l)))
                .unwrap_or(0);
            out.push(best);
        }
        out
    }

    /// The typed names of a tagged and parsed sentence (`forms` as the models see them,
    /// [`crate::nlp::plain_quotes`]).
    pub fn recognize(
        &self,
        sentence: &Sentence,
        forms: &[&str],
        clusters: &WordClusters,
    ) -> Vec<NameSpan> {
        if forms.is_empty() || self.rows.is_empty() || forms.len() != sentence.tokens.len() {
            return Vec::new();
        }
        let upos: Vec<Upos> = sentence.tokens.iter().map(|t| t.upos).collect();
        let xpos: Vec<&str> = sentence.tokens.iter().map(|t| t.xpos).collect();
        let rules = rule_marks(sentence);
        let p = prepare(
            &Input {
                forms,
                upos: &upos,
                xpos: &xpos,
                rules: &rules,
            },
            clusters,
            false,
        );
        decode(&self.label(&p))
            .into_iter()
            .map(|(tokens, t)| NameSpan {
                tokens,
                kind: TYPES[t],
            })
            .collect()
    }

    /// Writes the model file (a bundle with one `NERW` section).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut rows: Vec<(u64, u32)> = self.rows.iter().map(|(k, r)| (*k, *r)).collect();
        rows.sort_unstable();
        let mut w = ByteWriter::new();
        w.u32(LABELS as u32);
        w.f32(self.scale);
        w.u32(rows.len() as u32);
        for (k, r) in rows {
            w.u64(k);
            for x in &self.weights[r as usize * LABELS..(r as usize + 1) * LABELS] {
                w.i16(*x);
            }
        }
        model::write_bundle(&[(*b"NERW", &w.buf)])
    }

    /// Reads a model file written by [`Recognizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, BundleError> {
        let sections = model::read_bundle(bytes)?;
        let mut r = ByteReader::new(model::section(&sections, b"NERW")?);
        let labels = r.u32()?;
        if labels as usize != LABELS {
            return Err(BundleError::Malformed(format!(
                "name recognizer with {labels} labels (expected {LABELS})"
            )));
        }
        let scale = r.f32()?;
        let n = r.count(8 + 2 * LABELS)?;
        let mut rows = HashMap::with_capacity_and_hasher(n, IdBuild::default());
        let mut weights = Vec::with_capacity(n * LABELS);
        for i in 0..n {
            rows.insert(r.u64()?, i as u32);
            for _ in 0..LABELS {
                weights.push(r.i16()?);
            }
        }
        Ok(Recognizer {
            rows,
            weights,
            scale,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trip_and_transitions() {
        let names = vec![(0..2, 0), (3..4, 2), (5..8, 1)];
        let l = encode(8, &names);
        assert_eq!(decode(&l), names);
        assert!(allowed(0, label(0, B)));
        assert!(!allowed(0, label(0, I)));
        assert!(!allowed(label(0, B), label(1, L)));
        assert!(allowed(label(0, B), label(0, L)));
        assert!(!allowed(label(0, I), 0));
        // A name cut short by the end of the sentence is kept.
        assert_eq!(decode(&[label(2, B), label(2, I)]), vec![(0..2, 2)]);
    }
}
