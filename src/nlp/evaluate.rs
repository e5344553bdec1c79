//! Evaluation on a treebank with gold tokenization: UPOS, XPOS, lemma accuracy, UAS and
//! LAS over all tokens (punctuation included), and tag + parse speed.

use std::borrow::Cow;
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
    /// Of which tagging.
    pub tag_time: Duration,
    /// Tokens tagged and parsed per second (one thread).
    pub tokens_per_second: f64,
    /// Most frequent errors, `(kind, "gold → predicted", count)`, when asked for.
    pub errors: Vec<(&'static str, String, usize)>,
}

/// Predicted tags and parse of one sentence.
#[derive(Clone, Debug)]
pub struct Annotation<'a> {
    /// The forms as the models saw them (typographic quotes made plain).
    pub forms: Vec<Cow<'a, str>>,
    /// UPOS of each word.
    pub upos: Vec<Upos>,
    /// PTB tag of each word.
    pub xpos: Vec<&'static str>,
    /// Head (`None` for the root) and relation of each word.
    pub parse: Vec<(Option<usize>, &'static str)>,
}

/// Tags and parses a treebank sentence's gold tokens, as [`evaluate`] scores them (quotes
/// made plain, as in a build).
pub fn annotate_gold<'a>(nlp: &Nlp, s: &'a TreebankSentence) -> Annotation<'a> {
    let plain: Vec<Cow<'a, str>> = s
        .words
        .iter()
        .map(|w| super::plain_quotes(&w.form))
        .collect();
    let forms: Vec<&str> = plain.iter().map(|f| f.as_ref()).collect();
    let tags = nlp.tagger().tag(&forms);
    let upos: Vec<Upos> = tags.iter().map(|(u, _)| *u).collect();
    let xpos: Vec<&'static str> = tags.iter().map(|(_, x)| *x).collect();
    let parse = nlp.parser().parse(&forms, &upos, &xpos);
    Annotation {
        forms: plain,
        upos,
        xpos,
        parse,
    }
}

/// Tags, lemmatises and parses every sentence with gold tokens and scores the result.
/// `top_errors` most frequent errors of each kind are listed (0: none). Speed is measured
/// in wall time; see [`evaluate_with_clock`].
pub fn evaluate(nlp: &Nlp, sents: &[TreebankSentence], top_errors: usize) -> Scores {
    let start = Instant::now();
    evaluate_with_clock(nlp, sents, top_errors, 1, &|| start.elapsed())
}

/// Like [`evaluate`], with the clock used for the speed figure (e.g. the thread's CPU
/// time, so a busy machine does not distort it). The speed pass tags and parses every
/// sentence once more, reading the clock only before and after; with `repeat` above 1 it
/// runs that many times and keeps the fastest tagging and the fastest parsing (the usual
/// "best of N", which filters out other processes' interference).
pub fn evaluate_with_clock(
    nlp: &Nlp,
    sents: &[TreebankSentence],
    top_errors: usize,
    repeat: usize,
    clock: &dyn Fn() -> Duration,
) -> Scores {
    let mut errs: std::collections::BTreeMap<(&'static str, String), usize> = Default::default();
    let (mut upos, mut xpos, mut lemma, mut uas, mut las, mut n) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for s in sents {
        let Annotation {
            forms,
            upos: up,
            xpos: xp,
            parse,
        } = annotate_gold(nlp, s);
        for (i, w) in s.words.iter().enumerate() {
            n += 1;
            upos += usize::from(up[i].as_str() == w.upos);
            xpos += usize::from(xp[i] == w.xpos);
            let l = nlp.lemmatizer().lemmatize(&forms[i], xp[i]);
            lemma += usize::from(l == w.lemma);
            if top_errors > 0 {
                if up[i].as_str() != w.upos {
                    *errs
                        .entry(("upos", format!("{} {} → {}", w.form, w.upos, up[i])))
                        .or_default() += 1;
                }
                if l != w.lemma {
                    *errs
                        .entry((
                            "lemma",
                            format!("{} {}/{} → {} {}", w.form, w.xpos, w.lemma, xp[i], l),
                        ))
                        .or_default() += 1;
                }
            }
            if let Some((head, rel)) = parse.get(i) {
                let h = head.map_or(0, |h| h + 1);
                if h == w.head {
                    uas += 1;
                    las += usize::from(*rel == w.deprel);
                }
            }
        }
    }
    let mut errors: Vec<(&'static str, String, usize)> =
        errs.into_iter().map(|((k, e), n)| (k, e, n)).collect();
    errors.sort_by(|a, b| a.0.cmp(b.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    let mut kept: Vec<(&'static str, String, usize)> = Vec::new();
    for e in errors {
        if kept.iter().filter(|k| k.0 == e.0).count() < top_errors {
            kept.push(e);
        }
    }
    let plain: Vec<Vec<_>> = sents
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| super::plain_quotes(&w.form))
                .collect()
        })
        .collect();
    let forms: Vec<Vec<&str>> = plain
        .iter()
        .map(|s| s.iter().map(|f| f.as_ref()).collect())
        .collect();
    let (mut tag_time, mut parse_time) = (Duration::MAX, Duration::MAX);
    for _ in 0..repeat.max(1) {
        let before = clock();
        let tagged: Vec<Vec<(Upos, &str)>> = forms.iter().map(|f| nlp.tagger().tag(f)).collect();
        tag_time = tag_time.min(clock().saturating_sub(before));
        let before = clock();
        let mut heads = 0usize;
        let (mut up, mut xp): (Vec<Upos>, Vec<&str>) = (Vec::new(), Vec::new());
        for (f, tags) in forms.iter().zip(&tagged) {
            up.clear();
            xp.clear();
            up.extend(tags.iter().map(|(u, _)| *u));
            xp.extend(tags.iter().map(|(_, x)| *x));
            heads += nlp.parser().parse(f, &up, &xp).len();
        }
        parse_time = parse_time.min(clock().saturating_sub(before));
        debug_assert_eq!(heads, n);
    }
    let elapsed = tag_time + parse_time;
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
        tag_time,
        tokens_per_second: n as f64 / elapsed.as_secs_f64().max(1e-9),
        errors: kept,
    }
}
