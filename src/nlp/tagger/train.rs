//! Training the tagger: an averaged perceptron over the static and dynamic features, with
//! a tag dictionary for frequent unambiguous words.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{
    Lexicon, Probe, START, START2, TagSentence, Tagger, TaggerTrainOptions, argmax,
    dynamic_features,
};
use crate::hash::hash_bytes;
use crate::model::Upos;
use crate::rng::Rng;

/// A training sentence with its static features, gold classes and tag-dictionary hits.
type Prepared = (Vec<Vec<u64>>, Vec<u8>, Vec<Option<u8>>);

#[derive(Clone, Copy)]
struct Cell {
    class: u8,
    w: f32,
    total: f64,
    ts: u32,
}

struct Trainer {
    n: usize,
    weights: FxHashMap<u64, Vec<Cell>>,
    now: u32,
}

impl Trainer {
    fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(cells) = self.weights.get(f) {
                for c in cells {
                    scores[c.class as usize] += c.w;
                }
            }
        }
    }

    fn update(&mut self, feats: &[u64], truth: u8, guess: u8) {
        let now = self.now;
        for f in feats {
            let cells = self.weights.entry(*f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let pos = match cells.iter().position(|c| c.class == class) {
                    Some(p) => p,
                    None => {
                        cells.push(Cell {
                            class,
                            w: 0.0,
                            total: 0.0,
                            ts: now,
                        });
                        cells.len() - 1
                    }
                };
                let c = &mut cells[pos];
                c.total += f64::from(now - c.ts) * f64::from(c.w);
                c.ts = now;
                c.w += delta;
            }
        }
    }
}

impl Tagger {
    /// Trains a tagger.
    pub fn train(sents: &[TagSentence], opts: &TaggerTrainOptions) -> Tagger {
        // Classes, sorted for determinism.
        let mut class_set: Vec<(Upos, String)> = sents
            .iter()
            .flat_map(|s| s.tags.iter().cloned())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        if class_set.is_empty() {
            class_set.push((Upos::X, "XX".to_owned()));
        }
        class_set.truncate(255);
        let class_of: FxHashMap<(Upos, String), u8> = class_set
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i as u8))
            .collect();
        // Word statistics.
        let mut counts: FxHashMap<String, FxHashMap<u8, u32>> = FxHashMap::default();
        let mut form_counts: FxHashMap<String, FxHashMap<u8, u32>> = FxHashMap::default();
        let mut verbs = FxHashSet::default();
        for s in sents {
            for (f, t) in s.forms.iter().zip(&s.tags) {
                let c = class_of.get(t).copied().unwrap_or(0);
                *counts
                    .entry(f.to_lowercase())
                    .or_default()
                    .entry(c)
                    .or_default() += 1;
                *form_counts
                    .entry(f.clone())
                    .or_default()
                    .entry(c)
                    .or_default() += 1;
                if t.0 == Upos::Verb && t.1 == "VB" {
                    verbs.insert(f.to_lowercase());
                }
            }
        }
        for v in crate::nlp::lemma::known_verb_lemmas() {
            verbs.insert(v.to_owned());
        }
        let mut tagdict = FxHashMap::default();
        for (form, tags) in &form_counts {
            let total: u32 = tags.values().sum();
            let (best, n) = tags
                .iter()
                .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
                .expect("non-empty");
            if total >= 20 && f64::from(*n) / f64::from(total) >= 0.99 {
                tagdict.insert(form.clone(), *best);
            }
        }
        let mut ambig = FxHashMap::default();
        for (w, tags) in &counts {
            let total: u32 = tags.values().sum();
            if total >= 3 {
                let mut classes: Vec<u8> = tags
                    .iter()
                    .filter(|(_, n)| **n * 20 >= total)
                    .map(|(c, _)| *c)
                    .collect();
                classes.sort_unstable();
                ambig.insert(w.clone(), hash_bytes(3, &classes) | 4);
            }
        }
        let lex = Lexicon {
            tagdict: &tagdict,
            ambig: &ambig,
            verbs: &verbs,
            clusters: &opts.clusters,
        };
        // Precompute static features and gold classes.
        let mut data: Vec<Prepared> = Vec::with_capacity(sents.len());
        for s in sents {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let words = lex.words(&forms);
            let mut feats = Vec::with_capacity(forms.len());
            for i in 0..forms.len() {
                let mut f = Vec::with_capacity(40);
                lex.static_features(&forms, &words, i, &mut f);
                feats.push(f);
            }
            let gold: Vec<u8> = s
                .tags
                .iter()
                .map(|t| class_of.get(t).copied().unwrap_or(0))
                .collect();
            let dict: Vec<Option<u8>> =
                forms.iter().map(|f| lex.tagdict.get(*f).copied()).collect();
            data.push((feats, gold, dict));
        }
        let n = class_set.len();
        let mut tr = Trainer {
            n,
            weights: FxHashMap::default(),
            now: 0,
        };
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = Rng::new(opts.seed);
        let mut scores = vec![0.0f32; tr.n];
        let mut feats = Vec::with_capacity(64);
        for _ in 0..opts.epochs.max(1) {
            rng.shuffle(&mut order);
            for &si in &order {
                let (sf, gold, dict) = &data[si];
                let (mut p1, mut p2) = (START, START2);
                // Dynamic features need the words again; recompute them cheaply.
                let forms: Vec<&str> = sents[si].forms.iter().map(String::as_str).collect();
                let words = lex.words(&forms);
                for i in 0..sf.len() {
                    tr.now += 1;
                    let guess = if let Some(d) = dict[i] {
                        d
                    } else {
                        feats.clear();
                        feats.extend_from_slice(&sf[i]);
                        dynamic_features(&words, i, p1, p2, &mut feats);
                        tr.score(&feats, &mut scores);
                        let g = argmax(&scores);
                        if g != gold[i] {
                            tr.update(&feats, gold[i], g);
                        }
                        g
                    };
                    p2 = p1;
                    p1 = u64::from(guess);
                }
            }
        }
        // Average and prune.
        let now = f64::from(tr.now.max(1));
        let mut keys: Vec<u64> = tr.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut index = FxHashMap::default();
        let mut cells = Vec::new();
        for k in keys {
            let start = cells.len();
            let mut row: Vec<(u8, f32)> = tr.weights[&k]
                .iter()
                .map(|c| {
                    (
                        c.class,
                        ((c.total + (now - f64::from(c.ts)) * f64::from(c.w)) / now) as f32,
                    )
                })
                .filter(|(_, w)| w.abs() >= opts.prune && *w != 0.0)
                .collect();
            row.sort_by_key(|(c, _)| *c);
            if row.is_empty() {
                continue;
            }
            cells.extend(row);
            index.insert(k, (start as u32, (cells.len() - start) as u16));
        }
        Tagger {
            classes: class_set
                .into_iter()
                .map(|(u, x)| (u, crate::model::intern(&x)))
                .collect(),
            probe: Probe::new(&index, &cells),
            tagdict,
            ambig,
            verbs,
            clusters: opts.clusters.clone(),
        }
    }
}
