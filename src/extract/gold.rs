//! Gold trees as articles: turns CoNLL-U sentences (a treebank, or the hand-written
//! fixtures of the extract tests) into an [`AnnotatedArticle`], so the extractors can be
//! developed and measured without the parser's errors.

use crate::model::{AnnotatedArticle, Article, Origin, Sentence, SentenceKind, Span, Token, Upos};
use crate::nlp::conllu::TreebankSentence;

/// One article whose text is the sentences' words, joined with single spaces (none where
/// the treebank says `SpaceAfter=No`), one sentence per line. A sentence whose `sent_id`
/// contains `headline`, `caption` or `byline` gets that kind; the others are body text.
pub fn article(id: &str, sentences: &[TreebankSentence]) -> AnnotatedArticle {
    let mut text = String::new();
    let mut out = Vec::with_capacity(sentences.len());
    for (index, s) in sentences.iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        let start = text.len();
        let mut tokens = Vec::with_capacity(s.words.len());
        for (k, w) in s.words.iter().enumerate() {
            let a = text.len();
            text.push_str(&w.form);
            let span = Span::new(a, text.len());
            if k + 1 < s.words.len() && !w.no_space_after() {
                text.push(' ');
            }
            tokens.push(Token {
                span,
                form: w.form.clone(),
                upos: Upos::parse(&w.upos).unwrap_or(Upos::X),
                xpos: crate::model::intern(&w.xpos),
                lemma: w.lemma.clone(),
                head: w.head.checked_sub(1),
                deprel: crate::model::intern(&w.deprel),
            });
        }
        let kind = if s.id.contains("headline") {
            SentenceKind::Headline
        } else if s.id.contains("caption") {
            SentenceKind::Caption
        } else if s.id.contains("byline") {
            SentenceKind::Byline
        } else {
            SentenceKind::Body
        };
        out.push(Sentence::new(
            index,
            Span::new(start, text.len()),
            kind,
            tokens,
        ));
    }
    AnnotatedArticle {
        article: Article {
            id: id.to_owned(),
            title: None,
            date: None,
            url: None,
            text,
            origin: Origin {
                path: format!("{id}.conllu"),
                line: None,
            },
        },
        sentences: out,
    }
}
