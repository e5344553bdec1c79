//! Training the whole pipeline from treebank sentences: tagger, lemmatizer and parser.
//!
//! The parser is trained on jack-knifed tags (each fold of the training data tagged by a
//! tagger trained on the other folds), so it learns from tags as noisy as the ones it will
//! see. Training is deterministic for a seed: folds are fixed, shuffles use [`Rng`].
//!
//! [`train_with_silver`] adds parser training data from raw text by tri-training agreement
//! (see [`super::silver`]): a left-to-right parser without word classes and right-to-left
//! partners parse the text, and the parser is trained on the treebank plus the sentences on
//! which the left-to-right parser agrees with a partner.
//!
//! [`Rng`]: crate::rng::Rng

use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::Nlp;
use super::clusters::WordClusters;
use super::conllu::TreebankSentence;
use super::lemma::Lemmatizer;
use super::parser::{Parser, ParserTrainOptions, TrainSentence};
use super::silver::{self, SilverOptions, SilverReport};
use super::tagger::{TagSentence, Tagger, TaggerTrainOptions};
use crate::model::Upos;

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Seed for every random choice.
    pub seed: u64,
    /// Tagger epochs (0: the default).
    pub tagger_epochs: usize,
    /// Parser epochs (0: the parser's default).
    pub parser_epochs: usize,
    /// Jack-knife folds for the parser's training tags (1: gold tags).
    pub folds: usize,
    /// Tagger weights below this are pruned.
    pub prune: f32,
    /// Skip parser training (an untrained parser is stored), for quick tagger trials.
    pub no_parser: bool,
    /// Word classes from unlabelled text, for the parser (empty: none).
    pub clusters: WordClusters,
    /// Whether the tagger uses the word classes too.
    pub tagger_clusters: bool,
    /// The parser's pruning threshold (0: the parser's default).
    pub parser_prune: f32,
    /// Use the word classes only in the right-to-left partner that makes silver data, not in
    /// the final parser (whose parsing then costs no class lookups).
    pub silver_clusters_only: bool,
    /// Train the final parser this many times (seeds `seed`, `seed + 1`, …, in parallel)
    /// and keep the mean of their weights ([`Parser::train_averaged`]); 0 or 1: one parser.
    pub parser_average: usize,
}

/// Default tagger epochs.
pub const DEFAULT_TAGGER_EPOCHS: usize = 12;

/// How long each stage took.
#[derive(Clone, Debug, Default)]
pub struct TrainReport {
    /// Stage name and wall time, in order.
    pub stages: Vec<(String, Duration)>,
    /// Accuracy of the jack-knifed tags on the training data (UPOS), in percent.
    pub jackknife_upos: f64,
    /// Silver data counts (all zero without silver text).
    pub silver: SilverReport,
}

/// Converts a treebank sentence to a tagger training sentence.
pub fn tag_sentence(s: &TreebankSentence) -> TagSentence {
    TagSentence {
        forms: s.words.iter().map(|w| w.form.clone()).collect(),
        tags: s
            .words
            .iter()
            .map(|w| (Upos::parse(&w.upos).unwrap_or(Upos::X), w.xpos.clone()))
            .collect(),
    }
}

/// Converts a treebank sentence to a parser training sentence, with the treebank's own tags.
pub fn parse_sentence(s: &TreebankSentence) -> TrainSentence {
    TrainSentence {
        forms: s.words.iter().map(|w| w.form.clone()).collect(),
        upos: s
            .words
            .iter()
            .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
            .collect(),
        xpos: s.words.iter().map(|w| w.xpos.clone()).collect(),
        heads: s.words.iter().map(|w| w.head).collect(),
        deprels: s.words.iter().map(|w| w.deprel.clone()).collect(),
    }
}

/// Trains the tagger on every sentence, and the jack-knife fold taggers that tag the
/// parser's training data (stages 1 and 2 of [`train`]): the tagger and the parser's
/// training sentences. Separate so that parser trials can reuse the tagged data.
pub fn tagger_and_parser_data(
    sents: &[TreebankSentence],
    opts: &TrainOptions,
    report: &mut TrainReport,
) -> (Tagger, Vec<TrainSentence>) {
    let tag_data: Vec<TagSentence> = sents.iter().map(tag_sentence).collect();
    let tag_opts = TaggerTrainOptions {
        epochs: if opts.tagger_epochs == 0 {
            DEFAULT_TAGGER_EPOCHS
        } else {
            opts.tagger_epochs
        },
        seed: opts.seed,
        prune: opts.prune,
        clusters: if opts.tagger_clusters {
            opts.clusters.clone()
        } else {
            WordClusters::empty()
        },
    };

    // Stage 1: tagger on everything, plus the jack-knife folds, in parallel.
    let t = Instant::now();
    let folds = opts.folds.max(1);
    let jobs: Vec<Option<usize>> = std::iter::once(None)
        .chain((0..folds).filter(|_| folds > 1).map(Some))
        .collect();
    let mut results: Vec<(Option<usize>, Tagger)> = jobs
        .par_iter()
        .map(|job| {
            let data: Vec<TagSentence> = match job {
                None => tag_data.clone(),
                Some(k) => tag_data
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds != *k)
                    .map(|(_, s)| s.clone())
                    .collect(),
            };
            let mut o = tag_opts.clone();
            o.seed = opts.seed.wrapping_add(job.map_or(0, |k| k as u64 + 1));
            (*job, Tagger::train(&data, &o))
        })
        .collect();
    let (_, tagger) = results.remove(0);
    report
        .stages
        .push(("tagger (with jack-knife folds)".to_owned(), t.elapsed()));

    // Stage 2: jack-knifed tags for the parser.
    let t = Instant::now();
    let mut parser_data: Vec<TrainSentence> = Vec::with_capacity(sents.len());
    let (mut right, mut total) = (0usize, 0usize);
    for (i, s) in sents.iter().enumerate() {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let fold_tagger = if folds > 1 {
            &results[i % folds].1
        } else {
            &tagger
        };
        let (upos, xpos): (Vec<Upos>, Vec<String>) = if folds > 1 {
            fold_tagger
                .tag(&forms)
                .into_iter()
                .map(|(u, x)| (u, x.to_owned()))
                .unzip()
        } else {
            tag_data[i].tags.iter().cloned().unzip()
        };
        for (u, g) in upos.iter().zip(&tag_data[i].tags) {
            right += usize::from(*u == g.0);
            total += 1;
        }
        parser_data.push(TrainSentence {
            forms: forms.iter().map(|f| (*f).to_owned()).collect(),
            upos,
            xpos,
            heads: s.words.iter().map(|w| w.head).collect(),
            deprels: s.words.iter().map(|w| w.deprel.clone()).collect(),
        });
    }
    report.jackknife_upos = 100.0 * right as f64 / total.max(1) as f64;
    report
        .stages
        .push(("jack-knife tagging".to_owned(), t.elapsed()));

    (tagger, parser_data)
}

/// Trains tagger, lemmatizer and parser.
pub fn train(sents: &[TreebankSentence], opts: &TrainOptions) -> (Nlp, TrainReport) {
    train_with_silver(sents, opts, &[], &SilverOptions::default())
}

/// Trains tagger, lemmatizer and parser; with raw `texts`, the parser is then trained
/// again on the treebank plus silver sentences from them (see [`super::silver`]).
pub fn train_with_silver(
    sents: &[TreebankSentence],
    opts: &TrainOptions,
    texts: &[&str],
    silver_opts: &SilverOptions,
) -> (Nlp, TrainReport) {
    let mut report = TrainReport::default();
    let (tagger, mut parser_data) = tagger_and_parser_data(sents, opts, &mut report);

    // Stage 3: lemmatizer.
    let t = Instant::now();
    let lemmatizer = Lemmatizer::train(sents.iter().flat_map(|s| {
        s.words
            .iter()
            .map(|w| (w.form.as_str(), w.xpos.as_str(), w.lemma.as_str()))
    }));
    report.stages.push(("lemmatizer".to_owned(), t.elapsed()));

    // Stage 4: parser; with silver text, first the parsers that make the silver data: a
    // left-to-right parser without word classes, right-to-left partners without them
    // (seeds `seed`, `seed + 1`, …) and, when there are word classes, one with them, so
    // that their errors differ.
    let t = Instant::now();
    let parser_opts = ParserTrainOptions {
        epochs: opts.parser_epochs,
        seed: opts.seed,
        clusters: if opts.silver_clusters_only && !texts.is_empty() {
            WordClusters::default()
        } else {
            opts.clusters.clone()
        },
        prune: opts.parser_prune,
    };
    let silver_on = !texts.is_empty()
        && !opts.no_parser
        && (silver_opts.partners > 0 || !opts.clusters.is_empty());
    if !silver_on {
        let parser = Parser::train_averaged(&parser_data, &parser_opts, opts.parser_average);
        report.stages.push(("parser".to_owned(), t.elapsed()));
        return (Nlp::from_parts(tagger, lemmatizer, parser), report);
    }
    let plain = ParserTrainOptions {
        clusters: WordClusters::default(),
        prune: 0.0,
        ..parser_opts.clone()
    };
    let mut partner_opts: Vec<ParserTrainOptions> = (0..silver_opts.partners)
        .map(|k| ParserTrainOptions {
            seed: opts.seed.wrapping_add(k as u64),
            ..plain.clone()
        })
        .collect();
    if !opts.clusters.is_empty() {
        partner_opts.push(ParserTrainOptions {
            prune: 0.0,
            clusters: opts.clusters.clone(),
            ..parser_opts.clone()
        });
    }
    let (forward, partners) = rayon::join(
        || Parser::train(&parser_data, &plain),
        || {
            partner_opts
                .par_iter()
                .map(|o| silver::train_reversed(&parser_data, o))
                .collect::<Vec<_>>()
        },
    );
    report.stages.push((
        format!("parsers for silver (1 + {} right-to-left)", partners.len()),
        t.elapsed(),
    ));

    // Stage 5: silver sentences on which the forward parser agrees with a partner.
    let t = Instant::now();
    let (silver_data, silver_report) =
        silver::silver_sentences(&tagger, &forward, &partners, texts, silver_opts);
    report.silver = silver_report;
    report
        .stages
        .push(("silver parsing".to_owned(), t.elapsed()));

    // Stage 6: the parser, on treebank and silver.
    let t = Instant::now();
    parser_data.extend(silver_data);
    let parser = Parser::train_averaged(&parser_data, &parser_opts, opts.parser_average);
    report
        .stages
        .push(("parser on treebank + silver".to_owned(), t.elapsed()));

    (Nlp::from_parts(tagger, lemmatizer, parser), report)
}
