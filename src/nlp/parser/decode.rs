//! Greedy decoding: one best legal move at a time, each attached word labelled at once (by
//! a label shortcut, the punctuation rule, or the labeller); and learning the label
//! shortcuts from the parser's own decoding.

use super::features::{Attrs, label_features, move_features};
use super::shortcuts::{self, LabelCounts, label_key};
use super::transition::{N_MOVES, SHIFT, State};
use super::{PUNCT_ATTR, Parser, ROOT_LABEL, TrainSentence};
use crate::model::Upos;
use crate::nlp::clusters::WordClusters;

/// The legal move with the highest score.
pub(super) fn argmax_legal(scores: &[f32], legal: &[bool; N_MOVES]) -> usize {
    let mut best = usize::MAX;
    for m in 0..N_MOVES {
        if legal[m] && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

/// The best label other than `root` (index 0).
pub(super) fn argmax_label(scores: &[f32]) -> usize {
    let mut best = 1.min(scores.len() - 1);
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

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

    /// The parser's word classes (empty for a parser without them); the name recognizer
    /// reads them too.
    pub fn clusters(&self) -> &WordClusters {
        &self.clusters
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
        self.label_shortcuts = shortcuts::choose(&counts);
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
