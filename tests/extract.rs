//! Data-driven tests of stage 3: every `tests/fixtures/extract/*.conllu` file (gold trees
//! of sentences in our own words) is run through all extractors and the triples are
//! snapshotted; plus the contract every extractor keeps on arbitrary trees.

use std::fmt::Write as _;

use actorgraph::extract::{self, Extractor, Extractors, Parse};
use actorgraph::model::{AnnotatedArticle, Argument, Triple};
use actorgraph::nlp::conllu;

fn load(path: &std::path::Path) -> AnnotatedArticle {
    let sentences = conllu::read_file(path).expect("fixture is valid CoNLL-U");
    let id = path.file_stem().expect("file name").to_string_lossy();
    extract::gold::article(&id, &sentences)
}

fn arg(a: &Argument) -> String {
    format!("{} [{:?}]", a.text, a.kind)
}

fn render(doc: &AnnotatedArticle, triples: &[Triple]) -> String {
    let mut out = String::new();
    for s in &doc.sentences {
        let _ = writeln!(out, "# {}", &doc.article.text[s.span.range()]);
        for t in triples.iter().filter(|t| t.sentence == s.index) {
            let _ = write!(
                out,
                "{} -> {} -> {} | {} {} | {:.2} {} | surface: {}",
                arg(&t.actor),
                t.action.label,
                arg(&t.target),
                t.modality.as_str(),
                t.polarity.as_str(),
                t.confidence,
                t.extractor,
                t.action.surface,
            );
            if let Some(a) = &t.attributed_to {
                let _ = write!(out, " | according to {}", arg(a));
            }
            if t.claim {
                out.push_str(" | claim");
            }
            out.push('\n');
        }
        for (name, role) in extract::roles(doc, s) {
            let _ = writeln!(out, "role: {} = {role}", name.text);
        }
    }
    out
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/extract/*.conllu", |path| {
        let doc = load(path);
        let triples = extract::run(&Extractors::all(), &doc);
        insta::assert_snapshot!(render(&doc, &triples));
    });
}

#[test]
fn open_mode_fixtures() {
    insta::glob!("fixtures/extract/*.conllu", |path| {
        let doc = load(path);
        let triples = extract::run(&Extractors::open(), &doc);
        let mut out = String::new();
        for t in &triples {
            let text = &doc.article.text[doc.sentences[t.sentence].span.range()];
            if let Some(line) = extract::carb::line(text, t) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        insta::assert_snapshot!(out);
    });
}

#[test]
fn run_is_deterministic_and_sorted() {
    let doc = load(std::path::Path::new(
        "tests/fixtures/extract/svo_coordination.conllu",
    ));
    let a = extract::run(&Extractors::all(), &doc);
    let b = extract::run(&Extractors::all(), &doc);
    assert_eq!(a, b);
    assert_eq!(a.len(), 3, "one statement per coordinated subject: {a:#?}");
}

#[test]
fn registry_round_trips_through_serde() {
    let all = Extractors::all();
    let json = serde_json::to_string(&all).expect("serialisable");
    assert!(json.contains(r#""type":"Clauses""#), "{json}");
    let back: Extractors = serde_json::from_str(&json).expect("deserialisable");
    assert_eq!(back, all);
}

mod contract {
    //! Every extractor, on arbitrary trees: no panic, spans inside the text, arguments
    //! non-empty and inside their sentence, confidence in [0, 1].
    use super::*;
    use actorgraph::model::{Article, Origin, Sentence, SentenceKind, Span, Token, Upos};
    use proptest::prelude::*;

    const WORDS: &[(&str, Upos, &str)] = &[
        ("the", Upos::Det, "DT"),
        ("Russia", Upos::Propn, "NNP"),
        ("said", Upos::Verb, "VBD"),
        ("attacked", Upos::Verb, "VBN"),
        ("interference", Upos::Noun, "NN"),
        ("in", Upos::Adp, "IN"),
        ("by", Upos::Adp, "IN"),
        ("to", Upos::Part, "TO"),
        ("which", Upos::Pron, "WDT"),
        ("he", Upos::Pron, "PRP"),
        ("not", Upos::Part, "RB"),
        ("may", Upos::Aux, "MD"),
        (",", Upos::Punct, ","),
        ("total", Upos::Noun, "NN"),
        ("of", Upos::Adp, "IN"),
        ("2016", Upos::Num, "CD"),
        ("denied", Upos::Verb, "VBD"),
        ("'s", Upos::Part, "POS"),
    ];
    const RELS: &[&str] = &[
        "nsubj",
        "nsubj:pass",
        "obj",
        "iobj",
        "obl",
        "obl:agent",
        "nmod",
        "nmod:poss",
        "amod",
        "det",
        "case",
        "mark",
        "aux",
        "aux:pass",
        "xcomp",
        "ccomp",
        "advcl",
        "acl",
        "acl:relcl",
        "conj",
        "cc",
        "appos",
        "parataxis",
        "compound",
        "compound:prt",
        "flat",
        "fixed",
        "punct",
        "advmod",
        "cop",
        "root",
        "dep",
    ];

    fn sentence_strategy() -> impl Strategy<Value = Vec<(usize, usize, usize)>> {
        proptest::collection::vec((0..WORDS.len(), 0..40usize, 0..RELS.len()), 1..24)
    }

    fn build(spec: &[(usize, usize, usize)]) -> AnnotatedArticle {
        let mut text = String::new();
        let mut tokens = Vec::new();
        let n = spec.len();
        for &(w, h, r) in spec {
            if !text.is_empty() {
                text.push(' ');
            }
            let (form, upos, xpos) = WORDS[w];
            let start = text.len();
            text.push_str(form);
            // heads: any index, sometimes out of range, sometimes none
            let head = if h == 0 {
                None
            } else {
                Some((h - 1) % (n + 2))
            };
            tokens.push(Token {
                span: Span::new(start, text.len()),
                form: form.to_owned(),
                upos,
                xpos,
                lemma: form.to_lowercase(),
                head,
                deprel: RELS[r],
            });
        }
        let span = Span::new(0, text.len());
        AnnotatedArticle {
            article: Article {
                id: "random".into(),
                title: None,
                date: None,
                url: None,
                text,
                origin: Origin {
                    path: "random".into(),
                    line: None,
                },
            },
            sentences: vec![Sentence::new(0, span, SentenceKind::Body, tokens)],
        }
    }

    fn check_arg(doc: &AnnotatedArticle, a: &Argument) {
        assert!(!a.text.trim().is_empty(), "empty argument {a:?}");
        assert!(
            a.span.end <= doc.article.text.len() && a.span.start <= a.span.end,
            "{a:?}"
        );
        let n = doc.sentences[a.sentence].tokens.len();
        assert!(
            a.tokens.start < a.tokens.end && a.tokens.end <= n && a.head < n,
            "{a:?}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]
        #[test]
        fn extractors_keep_the_contract(spec in sentence_strategy()) {
            let doc = build(&spec);
            for policy in [Extractors::all(), Extractors::open()] {
                for e in &policy.list {
                    let parse = Parse::new(&doc, &doc.sentences[0]);
                    let mut out = Vec::new();
                    e.extract(&parse, &mut out);
                    for t in &out {
                        prop_assert_eq!(t.extractor, e.id());
                        prop_assert!((0.0..=1.0).contains(&t.confidence));
                        prop_assert!(t.span.end <= doc.article.text.len());
                        check_arg(&doc, &t.actor);
                        check_arg(&doc, &t.target);
                        if let Some(a) = &t.attributed_to {
                            check_arg(&doc, a);
                        }
                        prop_assert!(!t.action.label.trim().is_empty());
                    }
                }
                let _ = extract::run(&policy, &doc);
                let _ = extract::roles(&doc, &doc.sentences[0]);
            }
        }
    }
}
