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
//! The serialized form ([`Parser::to_bytes`]) stores the pruned, quantised tables in their
//! lookup layout (see `WeightTable`), so loading copies arrays, then the word classes and
//! the label shortcuts. It is format 4 for a parser with word classes (the shipped model)
//! and format 3 for one without; format 2 (no shortcuts) and format 1 (sorted keys and
//! 16-bit rows) still load (see `format::Format`). Optional word classes
//! ([`WordClusters`]) add 14 structural and 4 labelling features.
//!
//! # Layout
//!
//! - `transition`: the arc-hybrid state, its moves and the dynamic oracle;
//! - `features`: per-token attributes and the feature templates;
//! - `weights`: the weight tables (lookup layouts, and the averaged-perceptron table);
//! - `train`: training and averaging;
//! - `decode`: greedy parsing, and learning the label shortcuts;
//! - `shortcuts`: the label shortcut key and the rule that keeps a shortcut;
//! - `format`: the model file format, versions 1 to 4.
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

mod decode;
mod features;
mod format;
mod shortcuts;
#[cfg(test)]
mod tests;
mod train;
mod transition;
mod weights;

use std::collections::HashMap;

use self::weights::WeightTable;
use super::clusters::WordClusters;
use crate::hash::IdBuild;
use crate::model::Upos;

/// A trained dependency parser.
#[derive(Debug, Clone)]
pub struct Parser {
    /// Relation names; index [`ROOT_LABEL`] is `root`.
    labels: Vec<&'static str>,
    /// Known (frequent) normalised word hashes; other words map to the unknown word.
    vocab: HashMap<u64, (), IdBuild>,
    /// Structural model: one row of 3 weights (one per move) per feature.
    moves: WeightTable,
    /// Word classes (may be empty).
    clusters: WordClusters,
    /// Labelling model: one row of `labels.len()` weights per feature.
    labeller: WeightTable,
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

/// The parser bytes are not a parser this version can read.
#[derive(Debug, thiserror::Error)]
pub enum ParserModelError {
    /// The bytes end in the middle of a value.
    #[error("bad parser model")]
    Decode(#[from] crate::codec::DecodeError),
    /// The first eight bytes are not a parser format's.
    #[error("bad parser model: bad magic")]
    Magic,
    /// The word-class table inside the parser is bad.
    #[error("bad parser model: word classes")]
    Clusters(#[source] super::model::BundleError),
    /// A value is out of range, or the parts do not fit together.
    #[error("bad parser model: {0}")]
    Malformed(String),
}

/// Index of the `root` relation in [`Parser::labels`].
const ROOT_LABEL: usize = 0;
