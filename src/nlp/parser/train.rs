//! Training: the averaged perceptron with the dynamic oracle and error exploration, the
//! training-time comma convention, and the mean of parsers trained with different seeds.

use std::collections::HashMap;

use super::decode::{argmax_label, argmax_legal};
use super::features::{Attrs, label_features, move_features};
use super::transition::{N_MOVES, SHIFT, State};
use super::weights::{TrainWeights, WeightTable};
use super::{
    DEFAULT_PRUNE, PUNCT_ATTR, Parser, ParserTrainOptions, ROOT_LABEL, TrainSentence, punct_index,
};
use crate::hash::{IdBuild, word_key};
use crate::rng::Rng;

/// Default number of training epochs.
const DEFAULT_EPOCHS: usize = 12;
/// Words seen fewer times than this in training share the unknown-word feature.
const MIN_WORD_COUNT: u32 = 2;
/// Probability (per cent) of following the model's own (possibly wrong) move once exploring.
const EXPLORE_P: usize = 90;
/// Labelling feature rows whose averaged weights are all below this are dropped.
const PRUNE_LABELS: f32 = 1.0;
/// Pruning applies only when training on at least this many tokens.
const PRUNE_MIN_TOKENS: usize = 50_000;

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
                *counts.entry(word_key(f, &mut buf)).or_insert(0) += 1;
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
        let mut moves = TrainWeights::new(N_MOVES);
        let mut labeller = TrainWeights::new(labels.len());
        let mut rng = Rng::splitmix(options.seed ^ 0x7061_7273_6572);
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
            rng.shuffle(&mut order);
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

    /// A parser whose weights are the mean of `parsers`' (trained on the same data with
    /// different seeds), with label shortcuts learnt on `data`: greedy decoding with the sum
    /// of their scores, at one parser's number of lookups. `None` when they differ in labels,
    /// vocabulary or word classes, or one was read from bytes (which keep no training keys).
    pub(super) fn average(parsers: &[Parser], data: &[TrainSentence]) -> Option<Parser> {
        let first = parsers.first()?;
        if parsers.iter().any(|p| {
            p.labels != first.labels
                || p.vocab != first.vocab
                || p.clusters.len() != first.clusters.len()
                || p.moves.keys.is_empty()
        }) {
            return None;
        }
        let moves: Vec<&WeightTable> = parsers.iter().map(|p| &p.moves).collect();
        let labeller: Vec<&WeightTable> = parsers.iter().map(|p| &p.labeller).collect();
        let mut out = Parser {
            moves: WeightTable::mean(&moves),
            labeller: WeightTable::mean(&labeller),
            label_shortcuts: HashMap::default(),
            ..first.clone()
        };
        out.learn_shortcuts(data);
        Some(out)
    }
}
