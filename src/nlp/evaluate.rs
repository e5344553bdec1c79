//! Evaluation on a treebank with gold tokenization: UPOS, XPOS, lemma accuracy, UAS and
//! LAS over all tokens (punctuation included), and tag + parse speed.

use std::time::{Duration, Instant};

use super::Nlp;
use super::conllu::TreebankSentence;
use crate::model::Upos;

/// Evaluation figures. Accuracies are percentages.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// Sentences evaluated.
    pub sentences: usize,
    /// Tokens evaluated.
    pub tokens: usize,
    /// UPOS accuracy.
    pub upos: f64,
    /// XPOS accuracy.
    pub xpos: f64,
    /// Lemma accuracy (exact string).
    pub lemma: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score (head and full relation with subtype).
    pub las: f64,
    /// Time spent tagging and parsing.
    pub tag_parse_time: Duration,
    /// Tokens tagged and parsed per second (one thread).
    pub tokens_per_second: f64,
}

/// Tags, lemmatises and parses every sentence with gold tokens and scores the result.
pub fn evaluate(nlp: &Nlp, sents: &[TreebankSentence]) -> Scores {
    let (mut upos, mut xpos, mut lemma, mut uas, mut las, mut n) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut elapsed = Duration::ZERO;
    for s in sents {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let t = Instant::now();
        let tags = nlp.tagger().tag(&forms);
        let up: Vec<Upos> = tags.iter().map(|(u, _)| *u).collect();
        let xp: Vec<&str> = tags.iter().map(|(_, x)| *x).collect();
        let parse = nlp.parser().parse(&forms, &up, &xp);
        elapsed += t.elapsed();
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            upos += usize::from(up[i].as_str() == w.upos);
            xpos += usize::from(xp[i] == w.xpos);
            lemma += usize::from(nlp.lemmatizer().lemmatize(forms[i], xp[i]) == w.lemma);
            if let Some((head, rel)) = parse.get(i) {
                let h = head.map_or(0, |h| h + 1);
                if h == w.head {
                    uas += 1;
                    las += usize::from(*rel == w.deprel);
                }
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    Scores {
        sentences: sents.len(),
        tokens: n,
        upos: pct(upos),
        xpos: pct(xpos),
        lemma: pct(lemma),
        uas: pct(uas),
        las: pct(las),
        tag_parse_time: elapsed,
        tokens_per_second: n as f64 / elapsed.as_secs_f64().max(1e-9),
    }
}
