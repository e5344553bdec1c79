//! Silver training data for the parser by tri-training agreement (Li, Zhang and Chen 2014;
//! Weiss et al. 2015).
//!
//! Raw text is segmented, tokenized and tagged, then parsed by a left-to-right parser and by
//! partners trained on the same data reading every sentence right to left
//! ([`train_reversed`]; see `train::train_with_silver` for which). Body sentences of a
//! reasonable length on which the forward parser and a partner agree on every head and
//! every label ([`agreed`]) are added to the parser's training data. Plain self-training
//! (every parse of the first parser) brought nothing in our trials; the agreement filter
//! keeps 10–15% of the news sentences, parsed with about 94 UAS (measured on the agreed part
//! of UD English-PUD).
//!
//! The right-to-left parser's training trees get the comma convention of
//! [`Parser::train`] (a comma closing a fronted modifier attaches to the governor) in
//! reading order first; the comma's form is then renamed ([`REVERSED_COMMA`]) so the
//! parser's own conversion, which assumes reading order, leaves the reversed trees alone.
//! Pure: no I/O.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::parser::{Parser, ParserTrainOptions, TrainSentence};
use super::tagger::Tagger;
use super::{plain_quotes, segment};
use crate::hash::hash_words;
use crate::model::{SentenceKind, Upos};

/// The comma's form in reversed sentences (see the module doc).
pub const REVERSED_COMMA: &str = ",,";

/// A parse: per word, the 0-based head (`None` for the root) and the relation.
pub type Parse = Vec<(Option<usize>, &'static str)>;

/// Which sentences become silver data.
#[derive(Clone, Debug)]
pub struct SilverOptions {
    /// Shortest sentence kept, in tokens.
    pub min_tokens: usize,
    /// Longest sentence kept, in tokens.
    pub max_tokens: usize,
    /// At most this many silver tokens are kept (whole sentences, in the order of a hash
    /// of their words, so a limit samples the whole text).
    pub max_silver_tokens: usize,
    /// Right-to-left partner parsers without word classes (seeds `seed`, `seed + 1`, …);
    /// training with word classes adds one partner that has them. A sentence is kept when
    /// the forward parser agrees with any partner.
    pub partners: usize,
}

impl Default for SilverOptions {
    fn default() -> SilverOptions {
        SilverOptions {
            min_tokens: 5,
            max_tokens: 40,
            max_silver_tokens: usize::MAX,
            partners: 2,
        }
    }
}

/// Counts of one silver run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SilverReport {
    /// Distinct body sentences of the allowed length that were parsed.
    pub sentences: usize,
    /// Their tokens.
    pub tokens: usize,
    /// Sentences on which the main parser agrees with a partner.
    pub agreed: usize,
    /// Their tokens.
    pub agreed_tokens: usize,
    /// Sentences kept (agreed, within `max_silver_tokens`).
    pub kept: usize,
    /// Their tokens.
    pub kept_tokens: usize,
}

fn reverse_form(f: &str) -> String {
    if f == "," {
        REVERSED_COMMA.to_owned()
    } else {
        f.to_owned()
    }
}

/// The training sentence read right to left (comma convention applied first).
pub fn reversed(s: &TrainSentence) -> TrainSentence {
    let n = s.forms.len();
    let mut s = s.clone();
    s.commas_to_governor();
    TrainSentence {
        forms: s.forms.iter().rev().map(|f| reverse_form(f)).collect(),
        upos: s.upos.iter().rev().copied().collect(),
        xpos: s.xpos.iter().rev().cloned().collect(),
        heads: s
            .heads
            .iter()
            .rev()
            .map(|&h| if h == 0 || h > n { 0 } else { n + 1 - h })
            .collect(),
        deprels: s.deprels.iter().rev().cloned().collect(),
    }
}

/// Trains the right-to-left parser on the same data as the main one.
pub fn train_reversed(data: &[TrainSentence], options: &ParserTrainOptions) -> Parser {
    let data: Vec<TrainSentence> = data.iter().map(reversed).collect();
    Parser::train(&data, options)
}

/// Parses with a right-to-left parser and maps the result back to reading order.
pub fn parse_reversed(parser: &Parser, forms: &[&str], upos: &[Upos], xpos: &[&str]) -> Parse {
    let n = forms.len();
    let rforms: Vec<String> = forms.iter().rev().map(|f| reverse_form(f)).collect();
    let rforms: Vec<&str> = rforms.iter().map(String::as_str).collect();
    let rupos: Vec<Upos> = upos.iter().rev().copied().collect();
    let rxpos: Vec<&str> = xpos.iter().rev().copied().collect();
    let mut out = parser.parse(&rforms, &rupos, &rxpos);
    out.reverse();
    for (h, _) in &mut out {
        *h = h.map(|h| n - 1 - h);
    }
    out
}

/// The training sentence for tagged words when parses `a` and `b` agree on every head and
/// label; `None` when they differ anywhere (or have the wrong length).
pub fn agreed(
    forms: &[&str],
    upos: &[Upos],
    xpos: &[&str],
    a: &Parse,
    b: &Parse,
) -> Option<TrainSentence> {
    let n = forms.len();
    if a != b || a.len() != n || upos.len() != n || xpos.len() != n {
        return None;
    }
    Some(TrainSentence {
        forms: forms.iter().map(|f| (*f).to_owned()).collect(),
        upos: upos.to_vec(),
        xpos: xpos.iter().map(|x| (*x).to_owned()).collect(),
        heads: a.iter().map(|(h, _)| h.map_or(0, |h| h + 1)).collect(),
        deprels: a.iter().map(|(_, l)| (*l).to_owned()).collect(),
    })
}

/// One candidate sentence: its key, length and the agreed tree, if any.
type Candidate = (u64, usize, Option<TrainSentence>);

/// The candidate sentences of one text.
fn candidates(
    tagger: &Tagger,
    forward: &Parser,
    backward: &[Parser],
    text: &str,
    options: &SilverOptions,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for raw in segment::split(text) {
        let n = raw.tokens.len();
        if raw.kind != SentenceKind::Body || n < options.min_tokens || n > options.max_tokens {
            continue;
        }
        let plain: Vec<_> = raw
            .tokens
            .iter()
            .filter_map(|t| text.get(t.range()))
            .map(plain_quotes)
            .collect();
        if plain.len() != n {
            continue;
        }
        let forms: Vec<&str> = plain.iter().map(|f| f.as_ref()).collect();
        let tags = tagger.tag(&forms);
        let upos: Vec<Upos> = tags.iter().map(|t| t.0).collect();
        let xpos: Vec<&str> = tags.iter().map(|t| t.1).collect();
        let a = forward.parse(&forms, &upos, &xpos);
        let tree = backward.iter().find_map(|b| {
            let b = parse_reversed(b, &forms, &upos, &xpos);
            agreed(&forms, &upos, &xpos, &a, &b)
        });
        out.push((hash_words(&forms), n, tree));
    }
    out
}

/// Silver sentences from raw texts: body sentences of the allowed length, each once, tagged
/// by `tagger` and kept when `forward` agrees with one of the `backward` parsers (right to
/// left, see [`train_reversed`]). Texts are parsed in parallel; the result is deterministic:
/// sentences come out in the order of a hash of their words.
pub fn silver_sentences(
    tagger: &Tagger,
    forward: &Parser,
    backward: &[Parser],
    texts: &[&str],
    options: &SilverOptions,
) -> (Vec<TrainSentence>, SilverReport) {
    let per_text: Vec<Vec<Candidate>> = texts
        .par_iter()
        .map(|text| candidates(tagger, forward, backward, text, options))
        .collect();
    let mut report = SilverReport::default();
    // The same words always get the same tags and trees, so which copy is kept is moot.
    let mut found: BTreeMap<u64, Option<TrainSentence>> = BTreeMap::new();
    for (key, n, s) in per_text.into_iter().flatten() {
        if found.contains_key(&key) {
            continue;
        }
        report.sentences += 1;
        report.tokens += n;
        if s.is_some() {
            report.agreed += 1;
            report.agreed_tokens += n;
        }
        found.insert(key, s);
    }
    let mut out = Vec::new();
    for s in found.into_values().flatten() {
        if report.kept_tokens >= options.max_silver_tokens {
            break;
        }
        report.kept += 1;
        report.kept_tokens += s.forms.len();
        out.push(s);
    }
    (out, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(words: &[(&str, Upos, usize, &str)]) -> TrainSentence {
        TrainSentence {
            forms: words.iter().map(|w| w.0.to_owned()).collect(),
            upos: words.iter().map(|w| w.1).collect(),
            xpos: words.iter().map(|_| "_".to_owned()).collect(),
            heads: words.iter().map(|w| w.2).collect(),
            deprels: words.iter().map(|w| w.3.to_owned()).collect(),
        }
    }

    #[test]
    fn reversal_mirrors_heads_and_renames_commas() {
        // "Yesterday , the cat slept ." with the comma on the fronted obl.
        let s = sentence(&[
            ("Yesterday", Upos::Noun, 5, "obl:tmod"),
            (",", Upos::Punct, 1, "punct"),
            ("the", Upos::Det, 4, "det"),
            ("cat", Upos::Noun, 5, "nsubj"),
            ("slept", Upos::Verb, 0, "root"),
            (".", Upos::Punct, 5, "punct"),
        ]);
        let r = reversed(&s);
        assert_eq!(
            r.forms,
            [".", "slept", "cat", "the", REVERSED_COMMA, "Yesterday"]
        );
        // The comma moved to the governor (`slept`, 2nd when reversed) before reversal.
        assert_eq!(r.heads, [2, 0, 2, 3, 2, 2]);
        assert_eq!(r.deprels[5], "obl:tmod");
        assert_eq!(r.upos[4], Upos::Punct);
    }

    #[test]
    fn agreement_needs_every_head_and_label() {
        let forms = ["Ships", "sail", "north", "."];
        let upos = [Upos::Noun, Upos::Verb, Upos::Adv, Upos::Punct];
        let xpos = ["NNS", "VBP", "RB", "."];
        let a: Parse = vec![
            (Some(1), "nsubj"),
            (None, "root"),
            (Some(1), "advmod"),
            (Some(1), "punct"),
        ];
        let s = agreed(&forms, &upos, &xpos, &a, &a.clone()).expect("identical parses agree");
        assert_eq!(s.heads, [2, 0, 2, 2]);
        assert_eq!(s.deprels, ["nsubj", "root", "advmod", "punct"]);
        assert_eq!(s.xpos, ["NNS", "VBP", "RB", "."]);
        let mut other_label = a.clone();
        other_label[2].1 = "obl";
        assert!(agreed(&forms, &upos, &xpos, &a, &other_label).is_none());
        let mut other_head = a.clone();
        other_head[3].0 = Some(2);
        assert!(agreed(&forms, &upos, &xpos, &a, &other_head).is_none());
        assert!(agreed(&forms[..3], &upos[..3], &xpos[..3], &a, &a).is_none());
    }

    /// Hand-written training sentences: (form, UPOS, XPOS, head, relation).
    type Word = (&'static str, Upos, &'static str, usize, &'static str);

    const TINY: [&[Word]; 3] = [
        &[
            ("The", Upos::Det, "DT", 2, "det"),
            ("ministers", Upos::Noun, "NNS", 3, "nsubj"),
            ("met", Upos::Verb, "VBD", 0, "root"),
            ("in", Upos::Adp, "IN", 5, "case"),
            ("Paris", Upos::Propn, "NNP", 3, "obl"),
            (".", Upos::Punct, ".", 3, "punct"),
        ],
        &[
            ("The", Upos::Det, "DT", 2, "det"),
            ("unions", Upos::Noun, "NNS", 3, "nsubj"),
            ("struck", Upos::Verb, "VBD", 0, "root"),
            ("in", Upos::Adp, "IN", 5, "case"),
            ("Lyon", Upos::Propn, "NNP", 3, "obl"),
            (".", Upos::Punct, ".", 3, "punct"),
        ],
        &[
            ("Farmers", Upos::Noun, "NNS", 2, "nsubj"),
            ("protested", Upos::Verb, "VBD", 0, "root"),
            ("in", Upos::Adp, "IN", 4, "case"),
            ("Rome", Upos::Propn, "NNP", 2, "obl"),
            (".", Upos::Punct, ".", 2, "punct"),
        ],
    ];

    fn tiny_models() -> (Tagger, Parser, Vec<Parser>) {
        let tag_data: Vec<super::super::tagger::TagSentence> = TINY
            .iter()
            .map(|s| super::super::tagger::TagSentence {
                forms: s.iter().map(|w| w.0.to_owned()).collect(),
                tags: s.iter().map(|w| (w.1, w.2.to_owned())).collect(),
            })
            .collect();
        let tagger = Tagger::train(
            &tag_data,
            &super::super::tagger::TaggerTrainOptions {
                epochs: 10,
                seed: 1,
                prune: 0.0,
                clusters: Default::default(),
            },
        );
        let data: Vec<TrainSentence> = TINY
            .iter()
            .map(|s| TrainSentence {
                forms: s.iter().map(|w| w.0.to_owned()).collect(),
                upos: s.iter().map(|w| w.1).collect(),
                xpos: s.iter().map(|w| w.2.to_owned()).collect(),
                heads: s.iter().map(|w| w.3).collect(),
                deprels: s.iter().map(|w| w.4.to_owned()).collect(),
            })
            .collect();
        let opts = ParserTrainOptions {
            epochs: 10,
            seed: 1,
            ..Default::default()
        };
        (
            tagger,
            Parser::train(&data, &opts),
            vec![train_reversed(&data, &opts)],
        )
    }

    #[test]
    fn silver_sentences_are_distinct_agreed_and_deterministic() {
        let (tagger, forward, backward) = tiny_models();
        // The right-to-left parser maps its parse of a training sentence back to the tree.
        let forms = ["The", "ministers", "met", "in", "Paris", "."];
        let tags = tagger.tag(&forms);
        let upos: Vec<Upos> = tags.iter().map(|t| t.0).collect();
        let xpos: Vec<&str> = tags.iter().map(|t| t.1).collect();
        let b = parse_reversed(&backward[0], &forms, &upos, &xpos);
        assert_eq!(b.len(), 6);
        assert_eq!(b.iter().filter(|p| p.0.is_none()).count(), 1);

        let texts = [
            "The ministers met in Paris.\n\nFarmers protested in Rome. Too short.",
            "The ministers met in Paris. The unions struck in Lyon.",
        ];
        let options = SilverOptions::default();
        let (silver, report) = silver_sentences(&tagger, &forward, &backward, &texts, &options);
        // Three distinct body sentences of 5 to 40 tokens; "Too short." is left out.
        assert_eq!(report.sentences, 3);
        assert_eq!(report.tokens, 17);
        assert_eq!(report.kept, silver.len());
        // The tiny parsers have learnt their training sentences, so they agree on them.
        assert!(report.agreed >= 1 && report.agreed <= 3);
        assert_eq!(report.kept, report.agreed);
        for s in &silver {
            let n = s.forms.len();
            assert!(s.heads.iter().all(|&h| h <= n));
            assert_eq!(s.heads.iter().filter(|&&h| h == 0).count(), 1);
        }
        // The order of the texts does not change the result.
        let swapped = [texts[1], texts[0]];
        let (again, _) = silver_sentences(&tagger, &forward, &backward, &swapped, &options);
        assert_eq!(
            again.iter().map(|s| &s.forms).collect::<Vec<_>>(),
            silver.iter().map(|s| &s.forms).collect::<Vec<_>>()
        );
        // A token budget keeps whole sentences, stopping once it is reached.
        let limited = SilverOptions {
            max_silver_tokens: 1,
            ..SilverOptions::default()
        };
        let (few, r) = silver_sentences(&tagger, &forward, &backward, &texts, &limited);
        assert_eq!(few.len(), silver.len().min(1));
        assert_eq!(r.kept, few.len());
    }
}
