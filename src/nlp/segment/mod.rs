//! Sentence segmentation for news text, with byte offsets and sentence kinds.
//!
//! [`split`] cuts an article into [`RawSentence`]s; [`tokenize_sentence`] tokenizes one
//! sentence given on its own (a CaRB line) without splitting it. Tokens come from
//! [`crate::nlp::tokenize`] (UD English-EWT conventions).
//!
//! # How sentences are found
//! - A *paragraph* ends at a blank line. Inside a paragraph a single newline is a hard
//!   break (it ends the sentence) unless the text is visibly wrapped: the next line starts
//!   with a lower-case letter, or the line ends with a comma or a hyphen.
//! - A line starting with a bullet (`- `, `* `, `• `, `· `, `– `) is its own item: one
//!   sentence (or more) per item; the bullet mark itself belongs to no sentence.
//! - Inside a line, a sentence ends after `.`, `?`, `!`, `…` or `...` plus any closing
//!   quotes and brackets, when the next word starts with a capital, a digit or an opening
//!   quote. Abbreviations keep their period and mostly do not end a sentence: titles
//!   (`Mr.`, `Gen.`), initials (`John F. Kennedy`), `No. 5`, `Jan. 5`, `e.g.`, `vs.`; others
//!   (`U.S.`, `Inc.`, `a.m.`, `etc.`) end one only before a typical sentence opener
//!   (`The`, `He`, `But`, …). `?`/`!` after a closing quote followed by a lower-case word
//!   (`"Why?" he asked.`) does not end the sentence; a lower-case word right after a plain
//!   `.`/`?`/`!` does start one (informal text). No boundary when the next token is glued
//!   to the mark (`file.txt`, `end.Next`). A straight quote glued to the previous word
//!   closes (it stays with its sentence); one glued to the next word opens (it starts the
//!   next). A sentence-final `etc.`/`Inc.` gives its period back as a token, as EWT does.
//! - A sentence longer than [`MAX_SENTENCE_TOKENS`] (200) tokens, a run without sentence
//!   punctuation, is cut into pieces of at most that many, preferably after `;`, `:` or
//!   `,`, at a line break or before a conjunction (issue #22).
//! - Datelines (`LONDON (Reuters) -`, `WASHINGTON, Jan 5 -`) at the start of a paragraph
//!   are split off as their own [`SentenceKind::Byline`] sentence, dash included, so the
//!   body sentence after them parses cleanly.
//!
//! # Sentence kinds
//! - [`SentenceKind::Caption`]: photo captions and credits (`Picture by …`, `Photo: …`,
//!   `… via Getty Images`, `(AP Photo/…)`, `… / Reuters`). A paragraph ending in a credit
//!   is a caption as a whole.
//! - [`SentenceKind::Byline`]: `By Jane Smith[, Title]`, `Reporting by …`, agency tags,
//!   publication times, datelines.
//! - [`SentenceKind::Headline`]: a whole line without final sentence punctuation, at most
//!   30 tokens.
//! - [`SentenceKind::Body`]: everything else.
//!
//! # Measured (`cargo test --test nlp_segment -- --nocapture`)
//! Paragraphs rebuilt from the treebanks' `# text` lines (joined by a space), exact
//! sentence-span F1: UD English-PUD 0.997, EWT test 0.844 (boundary F1 0.998 / 0.879; the
//! `sentencex` crate scores 0.994 / 0.828 span F1 on the same data). EWT's misses are
//! mostly e-mail and forum lines with no punctuation at all. The scanner is linear: about
//! 30 MB/s of CPU time on news text in release.

use crate::model::{SentenceKind, Span};
use crate::nlp::tokenize::{Abbrev, abbrev_class, tokenize_into};
use crate::words::{MONTHS, WEEKDAYS, capitalised_in};

mod words;

use words::{
    AGENCIES, BYLINE_LINES, BYLINE_PREFIXES, CAPTION_MARKERS, CAPTION_PREFIXES, CUT_BEFORE,
    DATE_WORDS, OPENERS, SPEECH_VERBS,
};

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

/// Splits `text` (a whole article) into sentences and tokens.
pub fn split(text: &str) -> Vec<RawSentence> {
    let mut out = Vec::new();
    let mut para: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut line_start = 0;
    while line_start <= text.len() {
        let line_end = bytes[line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |p| line_start + p);
        let (cs, ce) = trim_range(text, line_start, line_end);
        if cs == ce {
            flush_paragraph(text, &para, &mut out);
            para.clear();
        } else {
            para.push((cs, ce));
        }
        line_start = line_end + 1;
    }
    flush_paragraph(text, &para, &mut out);
    out
}

/// Tokenizes one sentence given on its own; it is never split further.
pub fn tokenize_sentence(text: &str) -> RawSentence {
    let mut tokens = Vec::new();
    tokenize_into(text, 0, text.len(), &mut tokens);
    let n = tokens.len();
    if n > 0 {
        split_final_abbrev(text, &mut tokens, n - 1);
    }
    let span = match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => Span::new(a.start, b.end),
        _ => Span::new(0, 0),
    };
    RawSentence {
        span,
        kind: SentenceKind::Body,
        tokens,
    }
}

/// Trims whitespace and control characters off `text[s..e]`.
fn trim_range(text: &str, s: usize, e: usize) -> (usize, usize) {
    let line = &text[s..e];
    let skip = |c: char| c.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}';
    let t = line.trim_start_matches(skip);
    let cs = s + (line.len() - t.len());
    let t = t.trim_end_matches(skip);
    (cs, cs + t.len())
}

/// Per-token flag: a forced sentence start (hard line break, bullet item).
const HARD: u8 = 1;

/// Bullet marks at the start of a line.
fn bullet_len(line: &str) -> usize {
    let mut chars = line.chars();
    let Some(c) = chars.next() else { return 0 };
    if !matches!(c, '-' | '*' | '•' | '·' | '–' | '—' | '▪' | '►' | '‣' | '◦') {
        return 0;
    }
    match chars.next() {
        Some(n) if n.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// True when the newline between `prev` and `next` is a wrap inside running text.
fn soft_break(prev: &str, next: &str) -> bool {
    if bullet_len(next) > 0 {
        return false;
    }
    if next.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    prev.ends_with([',', '-', '\u{2010}'])
}

fn flush_paragraph(text: &str, lines: &[(usize, usize)], out: &mut Vec<RawSentence>) {
    if lines.is_empty() {
        return;
    }
    let mut toks: Vec<Span> = Vec::new();
    let mut flags: Vec<u8> = Vec::new();
    let mut prev: Option<&str> = None;
    for &(s, e) in lines {
        let line = &text[s..e];
        let b = bullet_len(line);
        let hard = prev.is_none_or(|p| !soft_break(p, line));
        let first = toks.len();
        tokenize_into(text, s + b, e, &mut toks);
        flags.resize(toks.len(), 0);
        if hard && first < toks.len() {
            flags[first] |= HARD;
        }
        prev = Some(line);
    }
    if toks.is_empty() {
        return;
    }
    let bounds = boundaries(text, &mut toks, &mut flags);
    let first_out = out.len();
    let n = toks.len();
    let mut dateline_done = false;
    for (a, b) in bounds {
        let whole_line = flags[a] & HARD != 0 && (b == n || flags[b] & HARD != 0);
        if !dateline_done {
            dateline_done = true;
            if let Some(d) = dateline_end(text, &toks, a, b) {
                push(out, text, &toks, a, d, SentenceKind::Byline);
                if d < b {
                    let kind = classify(text, &toks, d, b, false);
                    push(out, text, &toks, d, b, kind);
                }
                continue;
            }
        }
        let kind = classify(text, &toks, a, b, whole_line);
        push(out, text, &toks, a, b, kind);
    }
    // A paragraph of several sentences that ends in a photo credit is a caption.
    let para = &mut out[first_out..];
    if para.len() >= 2
        && let Some(last) = para.last()
        && last.kind == SentenceKind::Caption
        && para
            .iter()
            .all(|s| matches!(s.kind, SentenceKind::Body | SentenceKind::Caption))
    {
        for s in para.iter_mut() {
            s.kind = SentenceKind::Caption;
        }
    }
}

/// The most tokens one sentence may have; a longer run without sentence punctuation
/// is cut into pieces of at most this many tokens (preferably after `;`, `:` or `,`, at
/// a line break or before a conjunction).
///
/// News sentences are rarely over 100 tokens: of the BBC corpus's 41,766 sentences the
/// bound cuts one (a rugby squad list). It keeps the parse and the repairs of one sentence, whose
/// tree walks are not all linear, at a bounded cost, so a build's time is about linear
/// in the length of its articles whatever their punctuation.
pub const MAX_SENTENCE_TOKENS: usize = 200;

/// Pushes the sentence of tokens `[a, b)`, cut into pieces of at most
/// [`MAX_SENTENCE_TOKENS`] tokens when it is longer; each piece keeps `kind`.
fn push(
    out: &mut Vec<RawSentence>,
    text: &str,
    toks: &[Span],
    a: usize,
    b: usize,
    kind: SentenceKind,
) {
    let mut a = a;
    while a < b {
        let end = piece_end(text, toks, a, b);
        let span = Span::new(toks[a].start, toks[end - 1].end);
        out.push(RawSentence {
            span,
            kind,
            tokens: toks[a..end].to_vec(),
        });
        a = end;
    }
}

/// Where the piece of a long sentence that starts at token `a` ends (exclusive): `b`
/// when `[a, b)` is within [`MAX_SENTENCE_TOKENS`]; otherwise the best cut in the last
/// three quarters of the bound: after `;`, else after `:` or before a line break, else
/// after `,`, else before a coordinating conjunction (`and`, `but`, `or`…), the latest of
/// the best kind; with none of them, right at the bound.
fn piece_end(text: &str, toks: &[Span], a: usize, b: usize) -> usize {
    if b - a <= MAX_SENTENCE_TOKENS {
        return b;
    }
    let limit = a + MAX_SENTENCE_TOKENS;
    let mut best = (0u8, limit);
    for c in (a + MAX_SENTENCE_TOKENS / 4..=limit).rev() {
        let score = cut_score(text, toks, c);
        if score > best.0 {
            best = (score, c);
            if score == 4 {
                break;
            }
        }
    }
    best.1
}

/// How good a cut between tokens `c - 1` and `c` is (0: no reason to cut there).
fn cut_score(text: &str, toks: &[Span], c: usize) -> u8 {
    match tok(text, toks, c - 1) {
        ";" => return 4,
        ":" => return 3,
        _ => {}
    }
    if text[toks[c - 1].end..toks[c].start].contains('\n') {
        return 3;
    }
    if tok(text, toks, c - 1) == "," {
        return 2;
    }
    let next = tok(text, toks, c);
    if CUT_BEFORE.iter().any(|w| next.eq_ignore_ascii_case(w)) {
        return 1;
    }
    0
}

fn tok<'a>(text: &'a str, toks: &[Span], i: usize) -> &'a str {
    &text[toks[i].range()]
}

/// True when token `i` is glued to the token before it.
fn glued_before(toks: &[Span], i: usize) -> bool {
    i > 0 && toks[i - 1].end == toks[i].start
}

fn glued_after(toks: &[Span], i: usize) -> bool {
    i + 1 < toks.len() && toks[i].end == toks[i + 1].start
}

fn is_quote(t: &str) -> bool {
    matches!(t, "\"" | "'" | "``" | "''")
}

/// A token that closes a quotation or bracket after a sentence end.
fn is_closer(toks: &[Span], t: &str, i: usize) -> bool {
    match t {
        ")" | "]" | "}" | "\u{201D}" | "\u{2019}" | "\u{BB}" | "''" => true,
        _ if is_quote(t) => glued_before(toks, i) || !glued_after(toks, i),
        _ => false,
    }
}

/// A token that opens a quotation or bracket.
fn is_opener(toks: &[Span], t: &str, i: usize) -> bool {
    match t {
        "(" | "[" | "{" | "\u{201C}" | "\u{2018}" | "\u{AB}" | "``" => true,
        _ if is_quote(t) => glued_after(toks, i) && !glued_before(toks, i),
        _ => false,
    }
}

/// Sentence-final punctuation: `.`, `?`, `!`, runs of them, `…`.
fn is_terminal(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '?' | '!' | '…'))
}

/// Finds sentence boundaries in one paragraph; returns token ranges `[a, b)`.
///
/// May split a sentence-final abbreviation token (`etc.` → `etc` `.`), as EWT does.
fn boundaries(text: &str, toks: &mut Vec<Span>, flags: &mut Vec<u8>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Token indices whose final period must be split off, found during the scan.
    let mut to_split: Vec<usize> = Vec::new();
    let n = toks.len();
    while i < n {
        if i > start && flags[i] & HARD != 0 {
            if is_final_abbrev(tok(text, toks, i - 1)) {
                to_split.push(i - 1);
            }
            out.push((start, i));
            start = i;
        }
        let t = tok(text, toks, i);
        let abbrev = t.len() > 1 && t.ends_with('.') && !is_terminal(t);
        if !(is_terminal(t) || abbrev) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && flags[j] & HARD == 0 && is_closer(toks, tok(text, toks, j), j) {
            j += 1;
        }
        if j >= n || flags[j] & HARD != 0 {
            if abbrev && j == i + 1 && is_final_abbrev(t) {
                to_split.push(i);
            }
            i = j;
            continue;
        }
        // `end.Next`, `file.vcf`: no space after the mark, no boundary.
        if glued_before(toks, j) {
            i = j;
            continue;
        }
        if ends_sentence(text, toks, i, j, abbrev) {
            if abbrev && j == i + 1 && is_final_abbrev(t) {
                to_split.push(i);
            }
            out.push((start, j));
            start = j;
        }
        i = j;
    }
    if start < n {
        if is_final_abbrev(tok(text, toks, n - 1)) {
            to_split.push(n - 1);
        }
        out.push((start, n));
    }
    if to_split.is_empty() {
        return out;
    }
    // Split the periods off: token indices after each split move by one.
    to_split.sort_unstable();
    to_split.dedup();
    let mut new_toks = Vec::with_capacity(n + to_split.len());
    let mut new_flags = Vec::with_capacity(n + to_split.len());
    let mut shift = vec![0usize; n + 1];
    let mut k = 0;
    for (idx, t) in toks.iter().enumerate() {
        shift[idx] = k;
        if k < to_split.len() && to_split[k] == idx {
            new_toks.push(Span::new(t.start, t.end - 1));
            new_toks.push(Span::new(t.end - 1, t.end));
            new_flags.extend([flags[idx], 0]);
            k += 1;
        } else {
            new_toks.push(*t);
            new_flags.push(flags[idx]);
        }
    }
    shift[n] = k;
    *toks = new_toks;
    *flags = new_flags;
    out.into_iter()
        .map(|(a, b)| (a + shift[a], b + shift[b]))
        .collect()
}

/// Abbreviations whose period EWT splits off at the end of a sentence (`etc.`, `Inc.`).
fn is_final_abbrev(t: &str) -> bool {
    let Some(word) = t.strip_suffix('.') else {
        return false;
    };
    if word.contains('.') || word.is_empty() || matches!(word, "Jr" | "Sr") {
        return false;
    }
    matches!(abbrev_class(word), Some(Abbrev::Other | Abbrev::Initial))
}

/// Splits the period off a sentence-final abbreviation token at `i`.
fn split_final_abbrev(text: &str, toks: &mut Vec<Span>, i: usize) {
    if is_final_abbrev(tok(text, toks, i)) {
        let t = toks[i];
        toks[i] = Span::new(t.start, t.end - 1);
        toks.insert(i + 1, Span::new(t.end - 1, t.end));
    }
}

/// Decides whether the sentence ends after the terminal token `i`, given the next
/// token `j` (after closing quotes and brackets).
fn ends_sentence(text: &str, toks: &[Span], i: usize, j: usize, abbrev: bool) -> bool {
    let t = tok(text, toks, i);
    let mut k = j;
    let mut opened = false;
    while k < toks.len() && is_opener(toks, tok(text, toks, k), k) {
        k += 1;
        opened = true;
    }
    if k >= toks.len() {
        return opened;
    }
    let next = tok(text, toks, k);
    let Some(c) = next.chars().next() else {
        return false;
    };
    let upper = c.is_uppercase();
    let lower = c.is_lowercase();
    if abbrev {
        let word = &t[..t.len() - 1];
        return match abbrev_class(word) {
            Some(Abbrev::Title | Abbrev::Inner | Abbrev::Number) => false,
            // `John F. Kennedy` goes on; `vitamin C. The` ends.
            Some(Abbrev::Initial) => OPENERS.contains(&next) && !matches!(next, "A" | "I"),
            Some(Abbrev::Month) => !c.is_ascii_digit() && (opened || OPENERS.contains(&next)),
            // Unknown: a word kept with its period by the tokenizer rules (`U.S.` style).
            _ => {
                if word.eq_ignore_ascii_case("etc") {
                    upper || opened
                } else {
                    (opened && upper) || OPENERS.contains(&next)
                }
            }
        };
    }
    // Symbols that continue a sentence rather than start one.
    if matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '%' | '.' | '?' | '!') {
        return false;
    }
    if lower {
        // `"Why?" he asked.` and `Wait... what?` go on; a lower-case word right after a
        // plain period or ?/! starts a new (informal) sentence: known abbreviations
        // already kept their period inside the word.
        let closed = j > i + 1;
        return !closed && !opened && (t == "." || t.contains(['?', '!']));
    }
    if t.contains(['?', '!']) {
        // `"Why?" Smith asked.`: a quote closed after ?/! and a speech verb next.
        if j > i + 1
            && !opened
            && k + 1 < toks.len()
            && SPEECH_VERBS.contains(&tok(text, toks, k + 1))
        {
            return false;
        }
        return true;
    }
    if t.starts_with("..") || t == "…" {
        return upper || opened;
    }
    true
}

/// Finds a dateline (`LONDON (Reuters) -`, `WASHINGTON, Jan 5 -`) at the start of the
/// sentence `[a, b)`; returns the index of the first token after the dash.
fn dateline_end(text: &str, toks: &[Span], a: usize, b: usize) -> Option<usize> {
    let mut agency = false;
    let mut caps_first = false;
    for k in a..b.min(a + 16) {
        let t = tok(text, toks, k);
        if matches!(t, "-" | "--" | "\u{2013}" | "\u{2014}") {
            let spaced_before = k > a && !glued_before(toks, k);
            let spaced_after = k + 1 >= b || !glued_after(toks, k);
            if !(spaced_before && spaced_after) {
                return None;
            }
            // Without an agency tag, an all-caps opener (`NATO - the alliance …`) is a
            // dateline only when a capitalised sentence follows the dash.
            let body_follows = k + 1 < b
                && tok(text, toks, k + 1)
                    .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '\u{201C}');
            let alone = k + 1 >= b;
            return (agency || (caps_first && (body_follows || alone))).then_some(k + 1);
        }
        let first = t.chars().next()?;
        if k == a {
            caps_first = t.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && t.chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '\'' || c == '-');
            if t == "(" {
                caps_first = false;
            } else if !first.is_uppercase() {
                return None;
            }
        }
        if t == "("
            && k + 2 < b
            && tok(text, toks, k + 2) == ")"
            && AGENCIES.contains(&tok(text, toks, k + 1))
        {
            agency = true;
        }
        let ok = first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(t, "," | "." | "(" | ")" | "/" | "'s");
        if !ok {
            return None;
        }
    }
    None
}

fn ends_with_terminal(text: &str, toks: &[Span], a: usize, b: usize) -> bool {
    let mut k = b;
    while k > a {
        let t = tok(text, toks, k - 1);
        if is_closer(toks, t, k - 1) || is_quote(t) {
            k -= 1;
            continue;
        }
        return is_terminal(t) || (t.len() > 1 && t.ends_with('.'));
    }
    false
}

/// Decides the kind of the sentence `[a, b)`; `whole_line` when it fills its line.
fn classify(text: &str, toks: &[Span], a: usize, b: usize, whole_line: bool) -> SentenceKind {
    let s = &text[toks[a].start..toks[b - 1].end];
    let terminal = ends_with_terminal(text, toks, a, b);
    // Cheap first-byte filters keep this fast on ordinary body sentences.
    let first = s.as_bytes()[0];
    if matches!(first, b'P' | b'I' | b'M' | b'C' | b'F' | b'(' | 0xC2)
        && CAPTION_PREFIXES.iter().any(|p| s.starts_with(p))
    {
        return SentenceKind::Caption;
    }
    if (whole_line || first == b'(') && BYLINE_PREFIXES.iter().any(|p| s.starts_with(p)) {
        return SentenceKind::Byline;
    }
    // Credits are short and end without a period, or sit in brackets.
    if (!terminal || first == b'(' || s.ends_with(')'))
        && s.len() <= 400
        && CAPTION_MARKERS.iter().any(|m| s.contains(m))
    {
        return SentenceKind::Caption;
    }
    if !whole_line {
        return SentenceKind::Body;
    }
    let bare = s
        .trim_matches(|c: char| matches!(c, '(' | ')' | '-' | '\u{2013}' | '\u{2014}' | ' ' | '.'));
    if BYLINE_LINES.contains(&bare) {
        return SentenceKind::Byline;
    }
    if is_by_line(text, toks, a, b) || is_date_line(text, toks, a, b) {
        return SentenceKind::Byline;
    }
    if [
        "Published",
        "Updated",
        "Last updated",
        "First published",
        "Posted",
    ]
    .iter()
    .any(|p| s.starts_with(p))
        && b - a <= 20
        && s.bytes().any(|c| c.is_ascii_digit())
    {
        return SentenceKind::Byline;
    }
    if !terminal && b - a <= 30 {
        return SentenceKind::Headline;
    }
    SentenceKind::Body
}

/// A line holding only a date or time (`5 March 2019`, `Tuesday 12 May 2020 10.42 BST`).
fn is_date_line(text: &str, toks: &[Span], a: usize, b: usize) -> bool {
    if b - a > 12 {
        return false;
    }
    let mut digits = false;
    let mut named = false;
    for k in a..b {
        let t = tok(text, toks, k);
        if t.starts_with(|c: char| c.is_ascii_digit()) {
            digits = true;
        } else if capitalised_in(t, WEEKDAYS)
            || capitalised_in(t, MONTHS)
            || DATE_WORDS.contains(&t)
        {
            named = true;
        } else if !matches!(
            t,
            "," | "-" | "|" | "/" | "." | ":" | "th" | "st" | "nd" | "rd"
        ) {
            return false;
        }
    }
    digits && named
}

/// `By Jane Smith`, `By JANE SMITH and John Doe, Political Editor`.
fn is_by_line(text: &str, toks: &[Span], a: usize, b: usize) -> bool {
    let first = tok(text, toks, a);
    if !(first == "By" || first == "BY") || b - a < 2 || b - a > 16 {
        return false;
    }
    let name = tok(text, toks, a + 1);
    if !name.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    (a + 1..b).all(|k| {
        let t = tok(text, toks, k);
        t.starts_with(|c: char| c.is_uppercase())
            || matches!(
                t,
                "," | "and"
                    | "of"
                    | "for"
                    | "in"
                    | "the"
                    | "de"
                    | "van"
                    | "von"
                    | "|"
                    | "-"
                    | "."
                    | "'s"
                    | "at"
                    | "&"
            )
            || t.contains('@')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        let got: Vec<&str> = split(input)
            .iter()
            .map(|s| &input[s.span.range()])
            .collect();
        assert_eq!(got, expect, "sentences of {input:?}");
    }

    #[test]
    fn abbreviations_do_not_split() {
        check(
            "Mr. Smith met Gen. Lee in the U.S. on Jan. 5. They talked.",
            &[
                "Mr. Smith met Gen. Lee in the U.S. on Jan. 5.",
                "They talked.",
            ],
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        check(
            "It took weeks.\" We are done. \"Why?\" he asked.",
            &["It took weeks.\"", "We are done.", "\"Why?\" he asked."],
        );
    }

    /// Issue #22: a run without sentence punctuation is cut into bounded pieces that
    /// cover every token once, in order.
    #[test]
    fn long_runs_are_cut_into_bounded_pieces() {
        let words = [
            "the",
            "council",
            "met",
            "officials",
            "from",
            "every",
            "town",
        ];
        let text: String = (0..5_000)
            .map(|i| words[i % words.len()])
            .collect::<Vec<_>>()
            .join(" ");
        let sentences = split(&text);
        assert!(sentences.len() >= 5_000 / MAX_SENTENCE_TOKENS);
        let mut next = 0;
        for s in &sentences {
            assert!(
                s.tokens.len() <= MAX_SENTENCE_TOKENS,
                "{} tokens",
                s.tokens.len()
            );
            assert_eq!(s.kind, SentenceKind::Body);
            assert_eq!(s.span.start, s.tokens[0].start);
            assert!(s.tokens[0].start >= next);
            next = s.span.end;
        }
        let total: usize = sentences.iter().map(|s| s.tokens.len()).sum();
        assert_eq!(total, 5_000);
        assert_eq!(next, text.len());
    }

    #[test]
    fn long_runs_prefer_a_semicolon_then_a_comma_then_a_conjunction() {
        let filler = |n: usize| vec!["word"; n].join(" ");
        let with = |sep: &str| format!("{} {sep} {}", filler(120), filler(300));
        let first = |text: &str| {
            let s = split(text);
            text[s[0].span.range()].to_owned()
        };
        assert!(first(&with(";")).ends_with("word ;"));
        assert!(first(&with(",")).ends_with("word ,"));
        assert!(first(&with("and")).ends_with("word"));
        assert_eq!(split(&with("and"))[0].tokens.len(), 120);
        // `;` wins over a later comma
        let both = format!("{} ; {} , {}", filler(100), filler(50), filler(300));
        assert_eq!(split(&both)[0].tokens.len(), 101);
        // a sentence within the bound is untouched
        assert_eq!(split(&filler(MAX_SENTENCE_TOKENS)).len(), 1);
    }
}
