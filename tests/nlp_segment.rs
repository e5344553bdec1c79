//! Sentence segmentation and tokenization: hand-written cases, a property test, and
//! sentence / token F1 against UD English-PUD and EWT test.
//!
//! Treebank tests read `../shared/treebanks` (or `$ACTORGRAPH_SHARED/treebanks` when that
//! variable is set) and skip with a message when it is absent.
//!
//! How the treebank figures are computed:
//! - Sentences: paragraphs are rebuilt from the `# text` lines, grouped by `# newpar` /
//!   `# newdoc` and joined by one space; [`split`] runs on each paragraph and its
//!   sentence spans are compared with the gold spans (exact start and end): precision,
//!   recall and F1 over spans.
//! - Tokens: [`tokenize_sentence`] runs on each gold sentence's `# text`; the gold tokens
//!   are the syntactic words (what the CoNLL-U reader returns, multi-word token lines
//!   skipped), located in the text by their forms. EWT splits clitics into syntactic words
//!   the same way our tokenizer does (`ca` `n't`), so this is a like-for-like comparison.
//!   Sentences whose words do not spell out the text (a handful of typo fixes) are skipped
//!   and counted. F1 is over exact token spans.

#[path = "support/skip.rs"]
mod skip;

use std::path::{Path, PathBuf};

use actorgraph::model::{SentenceKind, Span};
use actorgraph::nlp::conllu::{TreebankSentence, read_file};
use actorgraph::nlp::segment::{RawSentence, split, tokenize_sentence};
use proptest::prelude::*;

fn sentences(text: &str) -> Vec<&str> {
    split(text).iter().map(|s| &text[s.span.range()]).collect()
}

fn kinds(text: &str) -> Vec<(String, SentenceKind)> {
    split(text)
        .iter()
        .map(|s| (text[s.span.range()].to_owned(), s.kind))
        .collect()
}

fn tokens(text: &str) -> Vec<&str> {
    tokenize_sentence(text)
        .tokens
        .iter()
        .map(|t| &text[t.range()])
        .collect()
}

fn check_split(text: &str, expect: &[&str]) {
    assert_eq!(sentences(text), expect, "sentences of {text:?}");
}

fn check_tokens(text: &str, expect: &[&str]) {
    assert_eq!(tokens(text), expect, "tokens of {text:?}");
}

/// Every invariant the rest of the pipeline relies on.
fn check_invariants(text: &str, sents: &[RawSentence]) {
    let mut last_end = 0;
    for s in sents {
        assert!(s.span.start <= s.span.end && s.span.end <= text.len());
        assert!(
            s.span.start >= last_end,
            "sentences overlap or go backwards"
        );
        assert!(!s.tokens.is_empty(), "sentence without tokens");
        assert_eq!(s.tokens.first().map(|t| t.start), Some(s.span.start));
        assert_eq!(s.tokens.last().map(|t| t.end), Some(s.span.end));
        let mut prev_end = s.span.start;
        for t in &s.tokens {
            assert!(t.start < t.end, "empty token");
            assert!(t.start >= prev_end, "tokens overlap or go backwards");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prev_end = t.end;
        }
        last_end = s.span.end;
    }
}

#[test]
fn abbreviations_keep_sentences_whole() {
    check_split(
        "Mr. Bell and Mrs. Ortiz met Ms. Park and Dr. Yu at No. 10 on Sept. 3. The talks ended.",
        &[
            "Mr. Bell and Mrs. Ortiz met Ms. Park and Dr. Yu at No. 10 on Sept. 3.",
            "The talks ended.",
        ],
    );
    check_split(
        "Gen. Amos, Gov. Reyes, Sen. Wu and Rep. Hall spoke on St. Mark's Day. Nobody listened.",
        &[
            "Gen. Amos, Gov. Reyes, Sen. Wu and Rep. Hall spoke on St. Mark's Day.",
            "Nobody listened.",
        ],
    );
    check_split(
        "Acme Inc. bought Widget Corp. and Foo Ltd. from Bar Co. in Feb. last year. It paid cash.",
        &[
            "Acme Inc. bought Widget Corp. and Foo Ltd. from Bar Co. in Feb. last year.",
            "It paid cash.",
        ],
    );
    check_split(
        "The U.S. and the U.K. disagree, e.g. on tariffs, i.e. taxes. Talks resume at 9 a.m. on Monday.",
        &[
            "The U.S. and the U.K. disagree, e.g. on tariffs, i.e. taxes.",
            "Talks resume at 9 a.m. on Monday.",
        ],
    );
    check_split(
        "It was Smith vs. Jones. John F. Kennedy was quoted. Growth was 3.5 percent.",
        &[
            "It was Smith vs. Jones.",
            "John F. Kennedy was quoted.",
            "Growth was 3.5 percent.",
        ],
    );
    check_split(
        "They need vitamin C. The rest is fine. George W. Bush agreed.",
        &[
            "They need vitamin C.",
            "The rest is fine.",
            "George W. Bush agreed.",
        ],
    );
    check_split(
        "He moved to the U.S. The move was hard.",
        &["He moved to the U.S.", "The move was hard."],
    );
    check_split(
        "Sales rose at Acme Inc. The shares fell.",
        &["Sales rose at Acme Inc.", "The shares fell."],
    );
}

#[test]
fn ellipses_and_decimals() {
    check_split(
        "Prices rose 2.5 per cent... Then they fell. Wait... what?",
        &[
            "Prices rose 2.5 per cent...",
            "Then they fell.",
            "Wait... what?",
        ],
    );
}

#[test]
fn quotes_open_and_close() {
    check_split(
        "\"We waited for weeks.\" We are still waiting, she said.",
        &[
            "\"We waited for weeks.\"",
            "We are still waiting, she said.",
        ],
    );
    check_split(
        "The board met twice. \"Nothing changed,\" a member said.",
        &[
            "The board met twice.",
            "\"Nothing changed,\" a member said.",
        ],
    );
    check_split(
        "\u{201C}Why?\u{201D} he asked. \u{201C}Because.\u{201D}",
        &["\u{201C}Why?\u{201D} he asked.", "\u{201C}Because.\u{201D}"],
    );
    check_split(
        "\"Stop!\" she shouted. Nobody did.",
        &["\"Stop!\" she shouted.", "Nobody did."],
    );
    check_split(
        "(The deal closed later.) Shares rose.",
        &["(The deal closed later.)", "Shares rose."],
    );
}

#[test]
fn paragraphs_headlines_bullets() {
    let text = "Council approves new budget\n\nThe council voted on Tuesday\nand the motion passed. Two members abstained.\n\nKey points\n- Taxes stay flat\n* Parks get more money.\n• Roads are repaired";
    assert_eq!(
        kinds(text),
        vec![
            ("Council approves new budget".into(), SentenceKind::Headline),
            (
                "The council voted on Tuesday\nand the motion passed.".into(),
                SentenceKind::Body
            ),
            ("Two members abstained.".into(), SentenceKind::Body),
            ("Key points".into(), SentenceKind::Headline),
            ("Taxes stay flat".into(), SentenceKind::Headline),
            ("Parks get more money.".into(), SentenceKind::Body),
            ("Roads are repaired".into(), SentenceKind::Headline),
        ]
    );
    // A single newline after a title line ends it.
    check_split(
        "Markets in turmoil\nStocks fell sharply on Monday.",
        &["Markets in turmoil", "Stocks fell sharply on Monday."],
    );
}

#[test]
fn captions_and_bylines() {
    let text = "Ministers meet in Brussels\n\nBy Ann Lee, Europe Correspondent\n\nPicture by Sam Hill PA Wire / PA Images\n\nDelegates arrive on Monday. (AP Photo/Kim Ray)\n\nTom Fry | NurPhoto via Getty Images\n\nPhoto: Reuters\n\nThe ministers agreed a plan.\n\nReporting by Ann Lee; Editing by Bo Chan";
    let got = kinds(text);
    let k: Vec<SentenceKind> = got.iter().map(|(_, k)| *k).collect();
    use SentenceKind::*;
    assert_eq!(
        k,
        vec![
            Headline, Byline, Caption, Caption, Caption, Caption, Caption, Body, Byline
        ],
        "{got:?}"
    );
}

#[test]
fn more_credits_and_bylines() {
    use SentenceKind::*;
    let text = "Image copyright Getty Images\n\nGetty Images\n\nREUTERS/Ann Lee\n\nBy contrast, the firm grew. By Monday it was over.\n\nBy JOHN SMITH and Mary Jones\n\nPublished 10:42 GMT, 5 March 2019\n\nTuesday 12 May 2020 10.42 BST";
    let got = kinds(text);
    let k: Vec<SentenceKind> = got.iter().map(|(_, k)| *k).collect();
    assert_eq!(
        k,
        vec![
            Caption, Caption, Caption, Body, Body, Byline, Byline, Byline
        ],
        "{got:?}"
    );
}

#[test]
fn wrapped_lines_join_and_titles_end() {
    check_split(
        "The minister said on Monday that the plan,\nwhich was agreed last year, would go ahead.",
        &[
            "The minister said on Monday that the plan,\nwhich was agreed last year, would go ahead.",
        ],
    );
    check_split(
        "Budget 2024\nWhat it means for you",
        &["Budget 2024", "What it means for you"],
    );
}

#[test]
fn datelines_are_split_off_as_bylines() {
    let text = "LONDON (Reuters) - The bank raised rates. Markets fell.\n\nWASHINGTON, Jan 5 - Lawmakers met.\n\n(Reuters) -";
    let got = kinds(text);
    assert_eq!(
        got,
        vec![
            ("LONDON (Reuters) -".into(), SentenceKind::Byline),
            ("The bank raised rates.".into(), SentenceKind::Body),
            ("Markets fell.".into(), SentenceKind::Body),
            ("WASHINGTON, Jan 5 -".into(), SentenceKind::Byline),
            ("Lawmakers met.".into(), SentenceKind::Body),
            ("(Reuters) -".into(), SentenceKind::Byline),
        ]
    );
    // An all-caps word before a dash inside running text is not a dateline.
    assert_eq!(
        kinds("NATO - the alliance - met on Monday."),
        vec![(
            "NATO - the alliance - met on Monday.".into(),
            SentenceKind::Body
        )]
    );
}

#[test]
fn tokens_follow_ewt() {
    check_tokens(
        "I can't, you won't, they don't.",
        &[
            "I", "ca", "n't", ",", "you", "wo", "n't", ",", "they", "do", "n't", ".",
        ],
    );
    check_tokens(
        "She's here, we're off, I'll go, they've left, he'd say, I'm in.",
        &[
            "She", "'s", "here", ",", "we", "'re", "off", ",", "I", "'ll", "go", ",", "they",
            "'ve", "left", ",", "he", "'d", "say", ",", "I", "'m", "in", ".",
        ],
    );
    check_tokens(
        "It\u{2019}s the firm\u{2019}s view",
        &["It", "\u{2019}s", "the", "firm", "\u{2019}s", "view"],
    );
    check_tokens(
        "a 20-year-old long-term co-operative e-mail",
        &[
            "a",
            "20",
            "-",
            "year",
            "-",
            "old",
            "long",
            "-",
            "term",
            "co-operative",
            "e-mail",
        ],
    );
    check_tokens(
        "$2,000 and \u{A3}3.5m, 20% up",
        &[
            "$", "2,000", "and", "\u{A3}", "3.5", "m", ",", "20", "%", "up",
        ],
    );
    check_tokens(
        "See https://example.com/a?b=c, or mail ann@example.org.",
        &[
            "See",
            "https://example.com/a?b=c",
            ",",
            "or",
            "mail",
            "ann@example.org",
            ".",
        ],
    );
    check_tokens(
        "U.S. firms, Acme Inc. and No. 7",
        &["U.S.", "firms", ",", "Acme", "Inc.", "and", "No.", "7"],
    );
    check_tokens(
        "\"Yes,\" (she) said...",
        &["\"", "Yes", ",", "\"", "(", "she", ")", "said", "..."],
    );
    check_tokens(
        "apples, pears, etc.",
        &["apples", ",", "pears", ",", "etc", "."],
    );
    check_tokens("the players' union", &["the", "players", "'", "union"]);
    // Pre-tokenized PTB-style text (CaRB lines) keeps its tokens.
    check_tokens(
        "He said `` it 's fine '' and did n't stop .",
        &[
            "He", "said", "``", "it", "'s", "fine", "''", "and", "did", "n't", "stop", ".",
        ],
    );
    check_tokens(
        "Jean's 1980's '90s 9am 3.5bn",
        &["Jean", "'s", "1980's", "'90s", "9", "am", "3.5", "bn"],
    );
    check_tokens(
        "call 555-0100 or 212-555-0199 in 1990-1995",
        &[
            "call",
            "555-0100",
            "or",
            "212-555-0199",
            "in",
            "1990",
            "-",
            "1995",
        ],
    );
}

#[test]
fn offsets_slice_the_source() {
    let text = "  Caf\u{E9} owners\u{2014}angry\u{2014}said: \u{201C}We\u{2019}re closing.\u{201D}\r\n\r\nNext\tday ";
    let sents = split(text);
    check_invariants(text, &sents);
    let toks: Vec<&str> = sents
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| &text[t.range()]))
        .collect();
    assert_eq!(
        toks,
        [
            "Caf\u{E9}",
            "owners",
            "\u{2014}",
            "angry",
            "\u{2014}",
            "said",
            ":",
            "\u{201C}",
            "We",
            "\u{2019}re",
            "closing",
            ".",
            "\u{201D}",
            "Next",
            "day"
        ]
    );
}

#[test]
fn empty_and_odd_input() {
    assert!(split("").is_empty());
    assert!(split(" \n\n\t \r\n").is_empty());
    let one = tokenize_sentence("");
    assert!(one.tokens.is_empty());
    assert_eq!(one.span, Span::new(0, 0));
    for text in [
        "\u{0}\u{1}abc\u{7f}",
        "...",
        "\u{FEFF}Hello.",
        "'",
        "-",
        "a\u{301}b",
        "\u{200B}\u{200B}",
        "....!!!???",
    ] {
        check_invariants(text, &split(text));
    }
}

/// Found by fuzzing: splitting the period off a sentence-final `etc.` shifted token
/// indices against the line-break flags (index out of bounds).
#[test]
fn regression_final_abbrev_before_line_break() {
    let text = "Fruit, nuts etc.\nKey facts\nMore here";
    check_invariants(text, &split(text));
    assert_eq!(
        kinds(text),
        vec![
            ("Fruit, nuts etc.".into(), SentenceKind::Body),
            ("Key facts".into(), SentenceKind::Headline),
            ("More here".into(), SentenceKind::Headline),
        ]
    );
}

#[test]
fn tokenize_sentence_never_splits() {
    let s = tokenize_sentence("He left. She stayed.");
    assert_eq!(s.kind, SentenceKind::Body);
    assert_eq!(s.span, Span::new(0, 20));
    assert_eq!(s.tokens.len(), 6);
}

#[test]
fn long_line_is_linear() {
    let unit = "Mr. Li's firm, Acme Inc., said the U.S. deal (worth $2,000) was \"fine\"... ";
    let text = unit.repeat(20_000); // 1.5 MB in one line
    let start = std::time::Instant::now();
    let sents = split(&text);
    check_invariants(&text, &sents);
    assert!(
        start.elapsed().as_secs() < 10,
        "too slow: {:?}",
        start.elapsed()
    );
    let no_space = "a".repeat(1_000_000);
    let sents = split(&no_space);
    assert_eq!(sents.len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn random_text_keeps_invariants(text in "\\PC{0,200}") {
        check_invariants(&text, &split(&text));
        let one = tokenize_sentence(&text);
        check_invariants(&text, std::slice::from_ref(&one).iter().filter(|s| !s.tokens.is_empty()).cloned().collect::<Vec<_>>().as_slice());
    }

    #[test]
    fn newsy_text_keeps_invariants(text in "([A-Za-z]{1,6}|[.,!?'\"()\\-$%’“”…\n ]|U\\.S\\.|Mr\\.|can't| ){0,60}") {
        check_invariants(&text, &split(&text));
    }
}

// ---------------------------------------------------------------- treebanks

fn treebanks() -> Option<PathBuf> {
    let base = std::env::var_os("ACTORGRAPH_SHARED")
        .map_or_else(|| PathBuf::from("../shared"), PathBuf::from);
    let dir = base.join("treebanks");
    if dir.exists() {
        Some(dir)
    } else {
        skip::skip(&format!("{} is absent", dir.display()));
        None
    }
}

#[derive(Default, Debug)]
struct Counts {
    gold: usize,
    pred: usize,
    hit: usize,
}

impl Counts {
    fn f1(&self) -> f64 {
        let p = self.hit as f64 / self.pred.max(1) as f64;
        let r = self.hit as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn debug() -> bool {
    std::env::var_os("SEGMENT_DEBUG").is_some()
}

/// Sentence span F1 over paragraphs rebuilt from `# text` lines, and boundary F1
/// (sentence ends inside a paragraph; the paragraph's own end is not counted).
fn sentence_f1(sents: &[TreebankSentence]) -> (Counts, Counts) {
    let mut counts = Counts::default();
    let mut bounds = Counts::default();
    let mut i = 0;
    while i < sents.len() {
        let mut j = i + 1;
        while j < sents.len() && !sents[j].new_par && !sents[j].new_doc {
            j += 1;
        }
        let mut text = String::new();
        let mut gold = Vec::new();
        for s in &sents[i..j] {
            if !text.is_empty() {
                text.push(' ');
            }
            let t = s.text.trim();
            gold.push(Span::new(text.len(), text.len() + t.len()));
            text.push_str(t);
        }
        let pred: Vec<Span> = split(&text).iter().map(|s| s.span).collect();
        counts.gold += gold.len();
        counts.pred += pred.len();
        let hits = pred
            .iter()
            .filter(|p| gold.binary_search(p).is_ok())
            .count();
        counts.hit += hits;
        // Boundaries: sentence ends inside the paragraph.
        let ends = |v: &[Span]| -> Vec<usize> {
            v.iter()
                .map(|x| x.end)
                .filter(|&e| e < text.len())
                .collect()
        };
        let (gold_ends, pred_ends) = (ends(&gold), ends(&pred));
        bounds.gold += gold_ends.len();
        bounds.pred += pred_ends.len();
        bounds.hit += pred_ends
            .iter()
            .filter(|e| gold_ends.binary_search(e).is_ok())
            .count();
        if debug() && hits != gold.len().max(pred.len()) {
            eprintln!(
                "PARA gold: {:?}",
                gold.iter().map(|g| &text[g.range()]).collect::<Vec<_>>()
            );
            eprintln!(
                "     pred: {:?}",
                pred.iter().map(|g| &text[g.range()]).collect::<Vec<_>>()
            );
        }
        i = j;
    }
    (counts, bounds)
}

/// Gold word spans of one sentence, located in its text; `None` when they don't spell it.
fn gold_tokens(s: &TreebankSentence) -> Option<Vec<Span>> {
    let text = &s.text;
    let mut pos = 0;
    let mut out = Vec::new();
    for w in &s.words {
        while let Some(c) = text[pos..].chars().next() {
            if c.is_whitespace() {
                pos += c.len_utf8();
            } else {
                break;
            }
        }
        if !text[pos..].starts_with(w.form.as_str()) {
            return None;
        }
        out.push(Span::new(pos, pos + w.form.len()));
        pos += w.form.len();
    }
    Some(out)
}

fn token_f1(sents: &[TreebankSentence]) -> (Counts, usize) {
    let mut counts = Counts::default();
    let mut skipped = 0;
    for s in sents {
        let Some(gold) = gold_tokens(s) else {
            skipped += 1;
            continue;
        };
        let pred = tokenize_sentence(&s.text).tokens;
        counts.gold += gold.len();
        counts.pred += pred.len();
        let hits = pred
            .iter()
            .filter(|p| gold.binary_search(p).is_ok())
            .count();
        counts.hit += hits;
        if debug() && hits != gold.len().max(pred.len()) {
            let t = &s.text;
            let g: Vec<&str> = gold
                .iter()
                .filter(|g| pred.binary_search(g).is_err())
                .map(|g| &t[g.range()])
                .collect();
            let p: Vec<&str> = pred
                .iter()
                .filter(|p| gold.binary_search(p).is_err())
                .map(|p| &t[p.range()])
                .collect();
            eprintln!("TOK gold-only {g:?} pred-only {p:?}");
        }
    }
    (counts, skipped)
}

fn evaluate(path: &Path, name: &str, sent_floor: f64, tok_floor: f64) {
    let sents = read_file(path).expect("treebank reads");
    let (s, b) = sentence_f1(&sents);
    let (t, skipped) = token_f1(&sents);
    println!(
        "{name}: sentence F1 {:.4} (gold {}, pred {}, hit {}); boundary F1 {:.4}; token F1 {:.4} (gold {}, pred {}, hit {}, {} sentences skipped)",
        s.f1(),
        s.gold,
        s.pred,
        s.hit,
        b.f1(),
        t.f1(),
        t.gold,
        t.pred,
        t.hit,
        skipped
    );
    assert!(
        s.f1() >= sent_floor,
        "{name} sentence F1 {:.4} below {sent_floor}",
        s.f1()
    );
    assert!(
        t.f1() >= tok_floor,
        "{name} token F1 {:.4} below {tok_floor}",
        t.f1()
    );
}

#[test]
#[ignore = "needs ../shared (the evaluation data); run with cargo test -- --include-ignored"]
fn treebank_pud() {
    let Some(dir) = treebanks() else { return };
    evaluate(
        &dir.join("ud-english-pud/en_pud-ud-test.conllu"),
        "PUD",
        0.995,
        0.999,
    );
}

#[test]
#[ignore = "needs ../shared (the evaluation data); run with cargo test -- --include-ignored"]
fn treebank_ewt_test() {
    let Some(dir) = treebanks() else { return };
    evaluate(
        &dir.join("ud-english-ewt/en_ewt-ud-test.conllu"),
        "EWT test",
        0.84,
        0.99,
    );
}

/// CaRB lines are already tokenized (PTB style, one space between tokens):
/// [`tokenize_sentence`] should give back the whitespace-separated tokens, except that
/// it splits hyphenated words the EWT way (`long-term` → `long` `-` `term`, PTB keeps
/// them whole) and PTB's escaped slash `\/`.
#[test]
#[ignore = "needs ../shared (the evaluation data); run with cargo test -- --include-ignored"]
fn carb_lines_keep_their_tokens() {
    let base = std::env::var_os("ACTORGRAPH_SHARED")
        .map_or_else(|| PathBuf::from("../shared"), PathBuf::from);
    let path = base.join("eval/carb/dev.txt");
    if !path.exists() {
        skip::skip(&format!("{} is absent", path.display()));
        return;
    }
    let text = std::fs::read_to_string(&path).expect("CaRB dev reads");
    let (mut same, mut total) = (0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        total += 1;
        let got = tokens(line);
        let want: Vec<&str> = line
            .split_whitespace()
            .flat_map(|w| {
                if w.contains(['-', '\\']) {
                    tokens(w)
                } else {
                    vec![w]
                }
            })
            .collect();
        if got == want {
            same += 1;
        } else if debug() {
            eprintln!("CARB {got:?}");
        }
    }
    let share = same as f64 / total as f64;
    println!("CaRB dev: {same}/{total} lines keep their tokens ({share:.4})");
    assert!(
        share >= 0.97,
        "only {share:.4} of CaRB lines keep their tokens"
    );
}
