//! Training, bundle and annotation tests for the NLP models.
//!
//! Tests that need UD English-EWT (`../shared/treebanks`) skip with a message when it is
//! absent; the others train a toy model on a few hand-written sentences.

#[path = "support/skip.rs"]
mod skip;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use actorgraph::model::{Article, Origin};
use actorgraph::nlp::Nlp;
use actorgraph::nlp::clusters::{ClusterOptions, WordClusters};
use actorgraph::nlp::conllu::{self, TreebankSentence};
use actorgraph::nlp::evaluate::evaluate;
use actorgraph::nlp::silver::SilverOptions;
use actorgraph::nlp::train::{TrainOptions, train, train_with_silver};
use proptest::prelude::*;

/// The shared treebank folder: `../shared` from the crate root (or one level up, for
/// worktrees kept in a subfolder).
fn treebanks() -> Option<PathBuf> {
    ["../shared/treebanks", "../../shared/treebanks"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.join("ud-english-ewt/en_ewt-ud-train.conllu").exists())
}

fn read(path: &Path) -> Vec<TreebankSentence> {
    conllu::read_file(path).expect("treebank reads")
}

fn options(epochs: usize) -> TrainOptions {
    TrainOptions {
        seed: 7,
        tagger_epochs: epochs,
        parser_epochs: epochs,
        folds: 2,
        prune: 0.0,
        no_parser: false,
        clusters: Default::default(),
        tagger_clusters: false,
        parser_prune: 0.0,
        parser_average: 1,
        silver_clusters_only: false,
    }
}

/// A few sentences of our own, annotated in the UD English style.
const TOY: &str = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tattacks\tattack\tNOUN\tNNS\t_\t3\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tdenied\tdeny\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\treport\treport\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\ttold\ttell\tVERB\tVBD\t_\t0\troot\t_\t_
3\treporters\treporter\tNOUN\tNNS\t_\t2\tobj\t_\t_
4\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_
5\ttalks\ttalk\tNOUN\tNNS\t_\t6\tnsubj\t_\t_
6\tfailed\tfail\tVERB\tVBD\t_\t2\tccomp\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcompanies\tcompany\tNOUN\tNNS\t_\t4\tnsubj\t_\t_
3\twill\twill\tAUX\tMD\t_\t4\taux\t_\t_
4\tcooperate\tcooperate\tVERB\tVB\t_\t0\troot\t_\t_
5\twith\twith\tADP\tIN\t_\t7\tcase\t_\t_
6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
7\tinquiry\tinquiry\tNOUN\tNN\t_\t4\tobl\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tNATO\tNATO\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\twarned\twarn\tVERB\tVBD\t_\t0\troot\t_\t_
3\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\tagain\tagain\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

fn toy_data() -> Vec<TreebankSentence> {
    conllu::read(TOY.as_bytes()).expect("toy treebank is valid")
}

fn toy_model() -> &'static Nlp {
    static MODEL: OnceLock<Nlp> = OnceLock::new();
    MODEL.get_or_init(|| train(&toy_data(), &options(3)).0)
}

fn article(text: &str) -> Article {
    Article {
        id: "t".into(),
        title: None,
        date: None,
        url: None,
        text: text.into(),
        origin: Origin {
            path: "<test>".into(),
            line: None,
        },
    }
}

#[test]
fn bundle_round_trip_is_exact() {
    let nlp = toy_model();
    let bytes = nlp.to_bytes();
    let again = Nlp::from_bytes(&bytes).expect("bundle reads back");
    assert_eq!(again.to_bytes(), bytes);
    let text = "The minister warned Moscow. She told reporters that talks failed.";
    assert_eq!(again.annotate(article(text)), nlp.annotate(article(text)));
}

#[test]
fn corrupt_bundles_are_errors_not_panics() {
    let bytes = toy_model().to_bytes();
    assert!(Nlp::from_bytes(b"").is_err());
    assert!(Nlp::from_bytes(b"AGM\0").is_err());
    for cut in [5, 12, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            Nlp::from_bytes(&bytes[..cut]).is_err(),
            "truncated at {cut}"
        );
    }
}

#[test]
fn training_is_deterministic() {
    let a = train(&toy_data(), &options(3)).0.to_bytes();
    let b = train(&toy_data(), &options(3)).0.to_bytes();
    assert_eq!(a, b);
}

#[test]
fn silver_training_uses_every_partner_and_is_deterministic() {
    // Raw text of our own, close to the toy treebank's sentences.
    let texts = [
        "The minister condemned the report. Russia denied the attacks.\n\nNATO warned the companies again.",
        "She told reporters that the talks failed. The companies will cooperate with the minister.",
    ];
    let forms: Vec<Vec<String>> = toy_data()
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
        .collect();
    let classes = WordClusters::train(
        &forms,
        &ClusterOptions {
            coarse: 2,
            fine: 4,
            iterations: 2,
            min_count: 1,
        },
    );
    assert!(!classes.is_empty());
    let opts = TrainOptions {
        clusters: classes,
        parser_prune: 2.0,
        parser_average: 1,
        silver_clusters_only: false,
        ..options(3)
    };
    let silver = SilverOptions {
        min_tokens: 3,
        ..SilverOptions::default()
    };
    let (nlp, report) = train_with_silver(&toy_data(), &opts, &texts, &silver);
    // Two partners without word classes and one with them.
    assert!(
        report.stages.iter().any(|(s, _)| s.contains("1 + 3")),
        "{:?}",
        report.stages
    );
    assert_eq!(report.silver.sentences, 5, "{:?}", report.silver);
    assert!(report.silver.agreed <= report.silver.sentences);
    let (again, _) = train_with_silver(&toy_data(), &opts, &texts, &silver);
    assert_eq!(nlp.to_bytes(), again.to_bytes());
    assert!(nlp.parser().has_clusters());
    // Word classes only for the partner, and the final parser the mean of two seeds.
    let only = TrainOptions {
        silver_clusters_only: true,
        parser_average: 2,
        ..opts.clone()
    };
    let (a, report) = train_with_silver(&toy_data(), &only, &texts, &silver);
    assert!(report.stages.iter().any(|(s, _)| s.contains("1 + 3")));
    assert!(!a.parser().has_clusters());
    let (b, _) = train_with_silver(&toy_data(), &only, &texts, &silver);
    assert_eq!(a.to_bytes(), b.to_bytes());
    // Without text, no silver stage: the same model as `train`.
    let (plain, report) = train_with_silver(&toy_data(), &options(3), &[], &silver);
    assert_eq!(report.silver.sentences, 0);
    assert_eq!(
        plain.to_bytes(),
        train(&toy_data(), &options(3)).0.to_bytes()
    );
}

#[test]
fn annotate_fills_every_field() {
    let text = "NATO warned Moscow again.\n\nThe companies will cooperate.";
    let out = toy_model().annotate(article(text));
    assert_eq!(out.sentences.len(), 2);
    for (i, s) in out.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert_eq!(s.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
        for t in &s.tokens {
            assert_eq!(&text[t.span.range()], t.form);
            assert!(!t.lemma.is_empty() && !t.xpos.is_empty() && !t.deprel.is_empty());
        }
    }
    let s = toy_model().annotate_sentence("She told reporters that talks failed.");
    assert_eq!(s.tokens[1].lemma, "tell");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn annotate_never_panics_and_spans_slice_the_text(text in "\\PC{0,120}|[a-zA-Z .,'\"\\n-]{0,200}") {
        let out = toy_model().annotate(article(&text));
        for s in &out.sentences {
            prop_assert!(text.get(s.span.range()).is_some());
            prop_assert_eq!(s.tokens.iter().filter(|t| t.head.is_none()).count(), usize::from(!s.tokens.is_empty()));
            for (i, t) in s.tokens.iter().enumerate() {
                prop_assert_eq!(&text[t.span.range()], t.form.as_str());
                prop_assert!(t.head.is_none_or(|h| h < s.tokens.len() && h != i));
            }
        }
        let one = toy_model().annotate_sentence(&text);
        for t in &one.tokens {
            prop_assert_eq!(&text[t.span.range()], t.form.as_str());
        }
    }
}

#[test]
#[ignore = "needs ../shared (the evaluation data); run with cargo test -- --include-ignored"]
fn small_ewt_model_reaches_floors() {
    let Some(dir) = treebanks() else {
        skip::skip("../shared/treebanks not found");
        return;
    };
    let mut train_set = read(&dir.join("ud-english-ewt/en_ewt-ud-train.conllu"));
    train_set.truncate(600);
    let mut test = read(&dir.join("ud-english-ewt/en_ewt-ud-test.conllu"));
    test.truncate(200);
    let (nlp, _) = train(&train_set, &options(3));
    let s = evaluate(&nlp, &test, 0);
    eprintln!(
        "tiny model: UPOS {:.1} XPOS {:.1} lemma {:.1} UAS {:.1} LAS {:.1}",
        s.upos, s.xpos, s.lemma, s.uas, s.las
    );
    assert!(s.upos >= 88.0, "UPOS {}", s.upos);
    assert!(s.xpos >= 87.0, "XPOS {}", s.xpos);
    assert!(s.lemma >= 94.0, "lemma {}", s.lemma);
    assert!(s.uas >= 62.0, "UAS {}", s.uas);
    assert!(s.las >= 54.0, "LAS {}", s.las);
}

#[test]
#[ignore = "needs ../shared (the evaluation data); run with cargo test -- --include-ignored"]
fn small_ewt_training_is_deterministic() {
    let Some(dir) = treebanks() else {
        skip::skip("../shared/treebanks not found");
        return;
    };
    let mut data = read(&dir.join("ud-english-ewt/en_ewt-ud-train.conllu"));
    data.truncate(100);
    let a = train(&data, &options(2)).0.to_bytes();
    let b = train(&data, &options(2)).0.to_bytes();
    assert_eq!(a, b);
}

#[test]
fn default_model_loads_or_says_how_to_train_one() {
    match Nlp::load_default() {
        Ok(nlp) => {
            let s = nlp.annotate_sentence("The ministers cooperated with the inquiry.");
            assert_eq!(s.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
            assert_eq!(s.tokens[2].lemma, "cooperate");
        }
        Err(e) => assert!(e.to_string().contains("model train"), "{e}"),
    }
}

#[test]
fn speed_pass_keeps_the_fastest_of_the_repeats() {
    use std::cell::Cell;
    use std::time::Duration;
    // A clock that advances 5 ms per reading, except that readings 1..=4 (the first
    // repeat's tagging and parsing) each see 20 ms pass.
    let reads = Cell::new(0u64);
    let now = Cell::new(Duration::ZERO);
    let clock = || {
        let k = reads.get();
        reads.set(k + 1);
        now.set(now.get() + Duration::from_millis(if (1..=4).contains(&k) { 20 } else { 5 }));
        now.get()
    };
    let data = toy_data();
    let one = actorgraph::nlp::evaluate::evaluate_with_clock(toy_model(), &data, 0, 1, &clock);
    assert_eq!(reads.get(), 4, "one pass reads the clock four times");
    assert_eq!(one.tag_time, Duration::from_millis(20));
    reads.set(0);
    let three = actorgraph::nlp::evaluate::evaluate_with_clock(toy_model(), &data, 0, 3, &clock);
    assert_eq!(reads.get(), 12, "three passes");
    assert_eq!(three.tag_time, Duration::from_millis(5));
    assert_eq!(three.tag_parse_time, Duration::from_millis(10));
    assert_eq!(
        three.upos, one.upos,
        "accuracy does not depend on the repeats"
    );
}
