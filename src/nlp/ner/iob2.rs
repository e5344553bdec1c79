//! IOB2 files as UniversalNER writes them: one token a line (`id`, `form`, `tag`, then
//! annotator columns), `# sent_id = …` and `# text = …` comments, a blank line after each
//! sentence. Tags are `O`, `B-X` and `I-X`; an `I-X` that does not continue an `X` starts
//! a name (the lenient reading of IOB2).

use std::ops::Range;

/// One sentence of an IOB2 file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Iob2Sentence {
    /// `# sent_id`, when given.
    pub id: Option<String>,
    /// `# text`, when given.
    pub text: Option<String>,
    /// The tokens.
    pub tokens: Vec<String>,
    /// Their tags (`O`, `B-PER`, `I-ORG`…), one per token.
    pub tags: Vec<String>,
}

/// A name of a sentence: tokens and label (`PER`, `ORG`, `LOC`, or whatever the file has).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LabelledSpan {
    /// Token range.
    pub tokens: Range<usize>,
    /// Label without its `B-`/`I-` prefix.
    pub label: String,
}

/// A line of an IOB2 file is not one this reader understands.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {msg}")]
pub struct Iob2Error {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub msg: String,
}

/// Reads the sentences of an IOB2 text. Multi-word token ranges (`3-4`) and empty nodes
/// (`5.1`), which CoNLL-U-derived files may keep, are skipped.
pub fn parse(text: &str) -> Result<Vec<Iob2Sentence>, Iob2Error> {
    let mut out = Vec::new();
    let mut cur = Iob2Sentence {
        id: None,
        text: None,
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    let flush = |cur: &mut Iob2Sentence, out: &mut Vec<Iob2Sentence>| {
        if !cur.tokens.is_empty() {
            out.push(std::mem::replace(
                cur,
                Iob2Sentence {
                    id: None,
                    text: None,
                    tokens: Vec::new(),
                    tags: Vec::new(),
                },
            ));
        } else {
            cur.id = None;
            cur.text = None;
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut out);
        } else if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(id) = c.strip_prefix("sent_id =") {
                cur.id = Some(id.trim().to_owned());
            } else if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.strip_prefix(' ').unwrap_or(t).to_owned());
            }
        } else {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                return Err(Iob2Error {
                    line: n + 1,
                    msg: format!(
                        "expected at least 3 tab-separated columns, found {}",
                        cols.len()
                    ),
                });
            }
            if cols[0].contains(['-', '.']) {
                continue;
            }
            let tag = cols[2].trim();
            if !(tag == "O" || tag.starts_with("B-") || tag.starts_with("I-")) {
                return Err(Iob2Error {
                    line: n + 1,
                    msg: format!("tag {tag:?} is not O, B-X or I-X"),
                });
            }
            cur.tokens.push(cols[1].to_owned());
            cur.tags.push(tag.to_owned());
        }
    }
    flush(&mut cur, &mut out);
    Ok(out)
}

/// The names of a tag sequence.
pub fn spans(tags: &[String]) -> Vec<LabelledSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let label = tags[i]
            .strip_prefix("B-")
            .or_else(|| tags[i].strip_prefix("I-"));
        let Some(label) = label else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && tags[j].strip_prefix("I-") == Some(label) {
            j += 1;
        }
        out.push(LabelledSpan {
            tokens: i..j,
            label: label.to_owned(),
        });
        i = j;
    }
    out
}

/// The raw text of a sentence and each token's byte range in it: the `# text` comment
/// when every token is found in it in order (only white space between them), otherwise the
/// tokens joined by single spaces.
pub fn raw_text(s: &Iob2Sentence) -> (String, Vec<Range<usize>>) {
    if let Some(text) = &s.text
        && let Some(ranges) = align(text, &s.tokens)
    {
        return (text.clone(), ranges);
    }
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(s.tokens.len());
    for t in &s.tokens {
        if !text.is_empty() {
            text.push(' ');
        }
        ranges.push(text.len()..text.len() + t.len());
        text.push_str(t);
    }
    (text, ranges)
}

/// Each token's byte range in `text`, when the tokens are `text` in order with only white
/// space between and around them.
fn align(text: &str, tokens: &[String]) -> Option<Vec<Range<usize>>> {
    let mut pos = 0;
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        pos += skipped;
        if t.is_empty() || !text[pos..].starts_with(t.as_str()) {
            return None;
        }
        out.push(pos..pos + t.len());
        pos += t.len();
    }
    text[pos..].trim().is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# sent_id = x-1\n# text = Ana Lund visited Ruritania.\n\
        1\tAna\tB-PER\t-\n2\tLund\tI-PER\t-\n3\tvisited\tO\t-\n4\tRuritania\tB-LOC\t-\n5\t.\tO\t-\n\n\
        # sent_id = x-2\n1\tAcme\tI-ORG\n2\tsaw\tO\n3\tBo\tB-PER\n4\tKay\tB-PER\n\n";

    #[test]
    fn reads_sentences_comments_and_spans() {
        let s = parse(FILE).expect("valid");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id.as_deref(), Some("x-1"));
        assert_eq!(s[0].text.as_deref(), Some("Ana Lund visited Ruritania."));
        assert_eq!(s[1].text, None);
        let sp = spans(&s[0].tags);
        assert_eq!(
            sp,
            vec![
                LabelledSpan {
                    tokens: 0..2,
                    label: "PER".into()
                },
                LabelledSpan {
                    tokens: 3..4,
                    label: "LOC".into()
                }
            ]
        );
        // A leading I- starts a name; B- after B- starts another.
        let sp: Vec<_> = spans(&s[1].tags)
            .into_iter()
            .map(|s| (s.tokens, s.label))
            .collect();
        assert_eq!(
            sp,
            vec![
                (0..1, "ORG".into()),
                (2..3, "PER".into()),
                (3..4, "PER".into())
            ]
        );
    }

    #[test]
    fn rebuilds_text_with_offsets() {
        let s = parse(FILE).expect("valid");
        let (text, r) = raw_text(&s[0]);
        assert_eq!(text, "Ana Lund visited Ruritania.");
        assert_eq!(&text[r[3].clone()], "Ruritania");
        assert_eq!(&text[r[4].clone()], ".");
        let (text, r) = raw_text(&s[1]);
        assert_eq!(text, "Acme saw Bo Kay");
        assert_eq!(r[3], 12..15);
        // A text that does not hold the tokens falls back to joining them.
        let mut bad = s[0].clone();
        bad.text = Some("Something else".into());
        assert_eq!(raw_text(&bad).0, "Ana Lund visited Ruritania .");
    }

    #[test]
    fn rejects_bad_lines() {
        assert_eq!(parse("1\tA\n").expect_err("two columns").line, 1);
        assert!(parse("1\tA\tX-PER\n").is_err());
        let s = parse("1-2\tdon't\t_\n1\tdo\tO\n2\tn't\tO\n").expect("skips ranges");
        assert_eq!(s[0].tokens, vec!["do", "n't"]);
    }
}
