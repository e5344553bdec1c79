//! End-to-end evaluation of typed names on IOB2 data: each sentence's raw text goes
//! through the whole pipeline (segmentation, tokenization, tagging, parsing, names), and the
//! names found are mapped back to the gold tokens by byte offsets; a name that does not
//! start and end on gold token boundaries counts as a false positive.

use rayon::prelude::*;

use super::iob2::{self, Iob2Sentence, LabelledSpan};
use super::score::Score;
use super::uner_label;
use crate::model::{AnnotatedArticle, Article, EntityType, Origin, Sentence};
use crate::nlp::Nlp;

/// Which names are scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum System {
    /// The trained recognizer's names ([`Sentence::names`]).
    Model,
    /// The rule-based mention detection of `resolve` ([`crate::resolve::recognize`]),
    /// which the pipeline's entities are made of.
    Rules,
}

/// The labels scored.
pub const LABELS: [&str; 3] = ["PER", "ORG", "LOC"];

/// The names a system finds in an annotated sentence, as token ranges and types.
fn names(s: &Sentence, system: System) -> Vec<(std::ops::Range<usize>, EntityType)> {
    match system {
        System::Model => s.names.iter().map(|n| (n.tokens.clone(), n.kind)).collect(),
        System::Rules => crate::resolve::recognize(s),
    }
}

/// The predicted names of one IOB2 sentence, on its gold tokens, and the gold names.
pub fn predict(
    nlp: &Nlp,
    s: &Iob2Sentence,
    system: System,
) -> (Vec<LabelledSpan>, Vec<LabelledSpan>) {
    let (text, ranges) = iob2::raw_text(s);
    let article = Article {
        id: s.id.clone().unwrap_or_default(),
        title: None,
        date: None,
        url: None,
        text,
        origin: Origin {
            path: String::new(),
            line: None,
        },
    };
    let doc: AnnotatedArticle = nlp.annotate(article);
    let n = ranges.len();
    let mut pred = Vec::new();
    for sentence in &doc.sentences {
        for (r, kind) in names(sentence, system) {
            let Some(label) = uner_label(kind) else {
                continue;
            };
            if r.start >= r.end || r.end > sentence.tokens.len() {
                continue;
            }
            let (start, end) = (
                sentence.tokens[r.start].span.start,
                sentence.tokens[r.end - 1].span.end,
            );
            let a = ranges.iter().position(|g| g.start == start);
            let b = ranges.iter().position(|g| g.end == end);
            let tokens = match (a, b) {
                (Some(a), Some(b)) if a <= b => a..b + 1,
                // Not on gold boundaries: a range no gold name has.
                _ => n + pred.len()..n + pred.len() + 1,
            };
            pred.push(LabelledSpan {
                tokens,
                label: label.to_owned(),
            });
        }
    }
    (iob2::spans(&s.tags), pred)
}

/// Scores a system on IOB2 sentences (in parallel; the result does not depend on the
/// thread count).
pub fn evaluate(nlp: &Nlp, sentences: &[Iob2Sentence], system: System) -> Score {
    let pairs: Vec<_> = sentences
        .par_iter()
        .map(|s| predict(nlp, s, system))
        .collect();
    let mut score = Score::new(&LABELS);
    for (gold, pred) in &pairs {
        score.add(gold, pred);
    }
    score
}
