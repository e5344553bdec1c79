//! Sentence segmentation and tokenization with byte offsets. STUB: one sentence per
//! non-empty line, tokens split on whitespace. The nlp-text work replaces it.

use crate::model::{SentenceKind, Span};

/// A sentence before tagging: its span, its kind and its token spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawSentence {
    /// Bytes of the sentence in the text.
    pub span: Span,
    /// Body, headline, caption or byline.
    pub kind: SentenceKind,
    /// Bytes of each token, in order, inside `span`.
    pub tokens: Vec<Span>,
}

/// Splits `text` into sentences and tokens.
pub fn split(text: &str) -> Vec<RawSentence> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let mut tokens = Vec::new();
        let mut start = None;
        for (i, c) in line.char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    tokens.push(Span::new(offset + s, offset + i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            tokens.push(Span::new(offset + s, offset + line.len()));
        }
        if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
            let span = Span::new(first.start, last.end);
            out.push(RawSentence {
                span,
                kind: SentenceKind::Body,
                tokens,
            });
        }
        offset += line.len();
    }
    out
}
