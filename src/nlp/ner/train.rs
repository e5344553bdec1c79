//! Training the recognizer: examples from raw text with names as byte ranges (gold or
//! silver), tagged by our own pipeline, then an averaged perceptron with the gold history
//! (teacher forcing), a fixed-seed shuffle each epoch, and pruned, quantised weights.
//! The same examples, options and seed give the same bytes.

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

use super::features::{Input, Prepared, prepare, rule_marks};
use super::{LABELS, Recognizer, TYPES, allowed, encode};
use crate::hash::IdBuild;
use crate::nlp::{Nlp, plain_quotes, segment};
use crate::resolve::gazetteer::Gazetteer;
use crate::rng::Rng;

/// Training settings.
#[derive(Clone, Debug)]
pub struct NerTrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffles.
    pub seed: u64,
    /// Rows whose averaged weights are all below this are dropped.
    pub prune: f32,
}

/// One training sentence: its features and gold labels.
pub struct Example {
    prepared: Prepared,
    gold: Vec<u8>,
}

impl Example {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.gold.len()
    }

    /// Whether the sentence has no token.
    pub fn is_empty(&self) -> bool {
        self.gold.is_empty()
    }

    /// Number of names.
    pub fn names(&self) -> usize {
        super::decode(&self.gold).len()
    }
}

/// A text with its names as byte ranges and type indices into [`TYPES`].
pub struct LabelledText<'a> {
    /// The raw text.
    pub text: &'a str,
    /// Names: bytes of the text and type index.
    pub names: Vec<(Range<usize>, usize)>,
    /// Correct the types by the gazetteer and add the countries it knows that no name
    /// covers (for silver labels).
    pub gazetteer: bool,
}

/// The examples of a text: our sentences and tokens, with the names that start and end on
/// token boundaries. With `whole`, a text any of whose names does not map onto our tokens
/// gives no example at all; otherwise only the sentences holding such a name are left out.
pub fn examples(nlp: &Nlp, t: &LabelledText<'_>, whole: bool) -> Vec<Example> {
    let raw = segment::split(t.text);
    let mut placed = vec![false; t.names.len()];
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (si, s) in raw.iter().enumerate() {
        let spans: Vec<_> = s
            .tokens
            .iter()
            .copied()
            .filter(|x| !x.is_empty() && t.text.get(x.range()).is_some())
            .collect();
        if spans.is_empty() {
            continue;
        }
        let forms: Vec<&str> = spans.iter().map(|x| &t.text[x.range()]).collect();
        let plain: Vec<_> = forms.iter().map(|f| plain_quotes(f)).collect();
        let plain: Vec<&str> = plain.iter().map(|f| f.as_ref()).collect();
        let (first, last) = (spans[0].start, spans[spans.len() - 1].end);
        let mut names = Vec::new();
        let mut ok = true;
        for (k, (r, ty)) in t.names.iter().enumerate() {
            if r.end <= first || r.start >= last {
                continue;
            }
            let a = spans.iter().position(|x| x.start == r.start);
            let b = spans.iter().position(|x| x.end == r.end);
            match (a, b) {
                (Some(a), Some(b)) if a <= b => {
                    names.push((a..b + 1, *ty));
                    placed[k] = true;
                }
                _ => ok = false,
            }
        }
        if !ok {
            bad.push(si);
            continue;
        }
        if t.gazetteer {
            correct(&plain, &mut names);
        }
        let sentence = nlp.annotate_tokens(t.text, si, s.span, s.kind, &spans);
        let upos: Vec<_> = sentence.tokens.iter().map(|t| t.upos).collect();
        let xpos: Vec<&str> = sentence.tokens.iter().map(|t| t.xpos).collect();
        let rules = rule_marks(&sentence);
        let prepared = prepare(
            &Input {
                forms: &plain,
                upos: &upos,
                xpos: &xpos,
                rules: &rules,
            },
            nlp.parser().clusters(),
            true,
        );
        out.push(Example {
            prepared,
            gold: encode(plain.len(), &names),
        });
    }
    if whole && (!bad.is_empty() || placed.iter().any(|p| !p)) {
        return Vec::new();
    }
    out
}

/// Silver corrections where the gazetteer knows better: a name it lists takes its type
/// (person, organisation or place), and a country it lists that no name covers is added.
fn correct(forms: &[&str], names: &mut Vec<(Range<usize>, usize)>) {
    let gaz = Gazetteer::get();
    for (r, ty) in names.iter_mut() {
        let text = forms[r.clone()].join(" ");
        if let Some(id) = gaz.lookup(&text)
            && let Some(t) = TYPES.iter().position(|k| *k == gaz.entry(id).kind)
        {
            *ty = t;
        }
    }
    let mut covered = vec![false; forms.len()];
    for (r, _) in names.iter() {
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
    }
    let place = TYPES
        .iter()
        .position(|k| *k == crate::model::EntityType::Place)
        .expect("Place is a type");
    let mut i = 0;
    while i < forms.len() {
        let mut step = 1;
        for len in (1..=3.min(forms.len() - i)).rev() {
            if covered[i..i + len].iter().any(|c| *c)
                || !forms[i].chars().next().is_some_and(char::is_uppercase)
            {
                continue;
            }
            let text = forms[i..i + len].join(" ");
            if let Some(id) = gaz.lookup(&text)
                && gaz.entry(id).country
            {
                names.push((i..i + len, place));
                step = len;
                break;
            }
        }
        i += step;
    }
    names.sort_by_key(|(r, _)| r.start);
}

/// Trains a recognizer on examples (in the order given, shuffled per epoch with `seed`;
/// an example given twice is seen twice an epoch).
pub fn train_refs(examples: &[&Example], opts: &NerTrainOptions) -> Recognizer {
    let mut rows: HashMap<u64, usize, IdBuild> = HashMap::default();
    let mut keys: Vec<u64> = Vec::new();
    let mut w: Vec<[f32; LABELS]> = Vec::new();
    let mut total: Vec<[f32; LABELS]> = Vec::new();
    let mut stamp: Vec<u64> = Vec::new();
    let mut t: u64 = 0;
    let mut rng = Rng::new(opts.seed.max(1));
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats: Vec<u64> = Vec::with_capacity(64);
    for _ in 0..opts.epochs.max(1) {
        rng.shuffle(&mut order);
        for &e in &order {
            let ex = &examples[e];
            for i in 0..ex.len() {
                t += 1;
                let p1 = if i > 0 { ex.gold[i - 1] } else { 0 };
                let p2 = if i > 1 { ex.gold[i - 2] } else { 0 };
                feats.clear();
                feats.extend_from_slice(&ex.prepared.statics(i));
                feats.extend_from_slice(&ex.prepared.history(i, p1, p2));
                let mut scores = [0f32; LABELS];
                for f in &feats {
                    if let Some(&r) = rows.get(f) {
                        for (s, x) in scores.iter_mut().zip(&w[r]) {
                            *s += x;
                        }
                    }
                }
                let gold = ex.gold[i];
                let pred = (0..LABELS as u8)
                    .filter(|&l| allowed(p1, l))
                    .max_by(|&a, &b| {
                        scores[a as usize]
                            .total_cmp(&scores[b as usize])
                            .then(b.cmp(&a))
                    })
                    .unwrap_or(0);
                if pred == gold {
                    continue;
                }
                for f in &feats {
                    let r = *rows.entry(*f).or_insert_with(|| {
                        keys.push(*f);
                        w.push([0.0; LABELS]);
                        total.push([0.0; LABELS]);
                        stamp.push(t);
                        w.len() - 1
                    });
                    let age = (t - stamp[r]) as f32;
                    for (tot, x) in total[r].iter_mut().zip(&w[r]) {
                        *tot += age * x;
                    }
                    stamp[r] = t;
                    w[r][gold as usize] += 1.0;
                    w[r][pred as usize] -= 1.0;
                }
            }
        }
    }
    let t = t.max(1);
    let averaged: Vec<(u64, [f32; LABELS])> = keys
        .iter()
        .enumerate()
        .map(|(r, k)| {
            let age = (t - stamp[r]) as f32;
            let mut a = [0f32; LABELS];
            for (j, x) in a.iter_mut().enumerate() {
                *x = (total[r][j] + age * w[r][j]) / t as f32;
            }
            (*k, a)
        })
        .collect();
    Recognizer::from_weights(averaged, opts.prune)
}

/// [`examples`] of many texts, in parallel, in input order.
pub fn examples_of_all(nlp: &Nlp, texts: &[LabelledText<'_>], whole: bool) -> Vec<Example> {
    texts
        .par_iter()
        .map(|t| examples(nlp, t, whole))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect()
}

/// An example from tokens already tagged (for tests and callers with their own tagger).
pub fn example_from_tagged(
    forms: &[&str],
    upos: &[crate::model::Upos],
    xpos: &[&str],
    names: &[(Range<usize>, usize)],
    clusters: &crate::nlp::clusters::WordClusters,
) -> Example {
    Example {
        prepared: prepare(
            &Input {
                forms,
                upos,
                xpos,
                rules: &[],
            },
            clusters,
            true,
        ),
        gold: encode(forms.len(), names),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Upos;
    use crate::nlp::clusters::WordClusters;

    fn invented() -> Vec<Example> {
        let cl = WordClusters::empty();
        let mk = |s: &str, names: &[(Range<usize>, usize)]| {
            let forms: Vec<&str> = s.split(' ').collect();
            let upos: Vec<Upos> = forms
                .iter()
                .map(|f| {
                    if f.chars().next().is_some_and(char::is_uppercase) {
                        Upos::Propn
                    } else {
                        Upos::Verb
                    }
                })
                .collect();
            let xpos: Vec<&str> = upos
                .iter()
                .map(|u| if *u == Upos::Propn { "NNP" } else { "VBD" })
                .collect();
            example_from_tagged(&forms, &upos, &xpos, names, &cl)
        };
        vec![
            mk("Anna Novak visited Ruritania", &[(0..2, 0), (3..4, 2)]),
            mk("Harbour Media hired Anna Novak", &[(0..2, 1), (3..5, 0)]),
            mk("Ruritania welcomed Bo Lind", &[(0..1, 2), (2..4, 0)]),
            mk("Bo Lind left Harbour Media", &[(0..2, 0), (3..5, 1)]),
        ]
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let opts = NerTrainOptions {
            epochs: 5,
            seed: 3,
            prune: 0.0,
        };
        let ex = invented();
        let refs: Vec<&Example> = ex.iter().collect();
        let a = train_refs(&refs, &opts).to_bytes();
        let b = train_refs(&refs, &opts).to_bytes();
        assert_eq!(a, b, "same examples and seed give the same bytes");
        let r = Recognizer::from_bytes(&a).expect("reads back");
        assert_eq!(r.to_bytes(), a);
        let labels = r.label(&ex[0].prepared);
        assert_eq!(labels, ex[0].gold, "learns its training sentence");
        let other = train_refs(
            &refs,
            &NerTrainOptions {
                seed: 4,
                ..opts.clone()
            },
        );
        assert!(other.feature_count() > 0);
    }
}
