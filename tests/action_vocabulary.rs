//! No junk lemmas (issue #18): every action of the BBC and Reuters builds is a verb.
//!
//! The test reads `../shared/corpus/bbc-news-2225.jsonl` and `reuters-21578.jsonl` (it skips
//! with a message when they are absent), annotates and extracts every `STEP`th article of
//! each through the library in parallel (a sample, to stay near a minute in the debug test
//! profile), and checks each action's lemma against a vocabulary built here, apart from the
//! pipeline's own check (`nlp::morph::is_plausible_verb`): the lemma is letters and hyphens,
//! at least two letters, and its head word is a verb, noun or adjective lemma of the UD
//! treebanks in `../shared/treebanks` or a verb of the model's tagger lexicon, in either
//! spelling, or one of
//! those behind a prefix (`re-`, `co-`, `out-`…) or after a hyphen (`fast-track`).
//! A few lemmas fail that are verbs missing from both vocabularies or misspellings in the
//! source (`forsee`, `aquire`) or stems still cut wrongly: at most [`MAX_UNKNOWN`]
//! statements may fail.

#[path = "support/skip.rs"]
mod skip;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use actorgraph::corpus::{self, CorpusOptions};
use actorgraph::extract::{self, Extractors};
use actorgraph::model::Article;
use actorgraph::nlp::Nlp;
use actorgraph::nlp::conllu;
use actorgraph::nlp::morph::american;
use rayon::prelude::*;

/// Every `STEP`th article of each corpus is built.
const STEP: usize = 12;

/// Statements of the sample whose lemma neither vocabulary knows. Measured 249 of 14,134 on
/// 2026-12-07, then 264 after the extraction changes of the same day added statements (the
/// list read: the new ones are real verbs such as `rouse`, `wrestle`, `woo`): most are real verbs missing from the treebanks (`widen`, `stabilize`,
/// `tender`), about 20 the source's misspellings (`sufffer`, `tesitify`) and about 25 stems
/// still cut wrongly (`trad` from `TRADING`, `triall`, `eas`, `fil` from `filings`). A
/// regression guard: lower it as the lemmatizer improves; raise it only after reading the
/// list the test prints. 238 of 12,472 after gerund nouns got their dropped `e` back
/// (`trading` → `trade`, not `trad`; issue #18, session of 2026-12-07).
const MAX_UNKNOWN: usize = 250;

/// Prefixes a verb takes without changing (`reappoint`, `co-host`, `outbid`).
const PREFIXES: &[&str] = &[
    "counter", "inter", "cross", "under", "over", "fore", "with", "out", "mis", "dis", "pre",
    "co-", "re-", "co", "re", "un", "up", "de", "be", "en",
];

fn shared() -> Option<PathBuf> {
    ["../shared", "../../shared"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.join("corpus/reuters-21578.jsonl").exists() && p.join("treebanks").exists())
}

/// Verb, noun and adjective lemmas of every CoNLL-U file under `treebanks`: English words
/// (many news verbs occur there only as nouns, `shrug`, `unveil` not at all), so that a
/// stem cut wrongly (`totall`, `chaire`) fails; nouns read as verbs are the pipeline's
/// own check.
fn treebank_verbs(treebanks: &Path) -> BTreeSet<String> {
    let mut verbs = BTreeSet::new();
    let mut dirs = vec![treebanks.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("treebank folder reads") {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "conllu") {
                for s in conllu::read_file(&path).expect("treebank reads") {
                    for t in &s.words {
                        if matches!(t.upos.as_str(), "VERB" | "NOUN" | "ADJ") {
                            verbs.insert(t.lemma.to_lowercase());
                        }
                    }
                }
            }
        }
    }
    verbs
}

struct Vocabulary {
    verbs: BTreeSet<String>,
}

impl Vocabulary {
    fn known(&self, w: &str) -> bool {
        self.verbs.contains(w) || self.verbs.contains(american(w).as_ref())
    }

    /// Whether `lemma` is a verb: letters and hyphens, two letters or more, and a known head
    /// word, maybe behind a prefix or after a hyphen.
    fn is_verb(&self, lemma: &str) -> bool {
        let Some(head) = lemma.split_whitespace().next() else {
            return false;
        };
        let letters = lemma
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        letters
            && head.len() >= 2
            && (self.known(head)
                || PREFIXES.iter().any(|p| {
                    head.strip_prefix(p)
                        .is_some_and(|r| r.len() >= 3 && self.known(r))
                })
                || head
                    .rsplit_once('-')
                    .is_some_and(|(_, r)| r.len() >= 2 && self.known(r)))
    }
}

fn sample(path: &Path) -> Vec<Article> {
    let options = CorpusOptions {
        strict: false,
        max_article_bytes: 10_000_000,
    };
    let mut corpus = corpus::open(&[path.to_path_buf()], options).expect("corpus opens");
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(article) = corpus.next().expect("corpus reads") {
        if i % STEP == 0 {
            out.push(article);
        }
        i += 1;
    }
    out
}

#[test]
#[ignore = "needs ../shared (the evaluation data); run with cargo test -- --include-ignored"]
fn issue_18_every_action_lemma_is_a_verb() {
    let Some(shared) = shared() else {
        skip::skip("../shared (corpora and treebanks) is absent");
        return;
    };
    let nlp = Nlp::load_default().expect("built-in model");
    let mut verbs = treebank_verbs(&shared.join("treebanks"));
    verbs.extend(nlp.tagger().known_verbs().iter().cloned());
    let vocabulary = Vocabulary { verbs };
    let extractors = Extractors::all();
    let mut unknown: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut total = 0;
    for name in ["bbc-news-2225.jsonl", "reuters-21578.jsonl"] {
        let articles = sample(&shared.join("corpus").join(name));
        let actions: Vec<(String, String)> = articles
            .into_par_iter()
            .flat_map_iter(|a| {
                let doc = nlp.annotate(a);
                extract::run(&extractors, &doc)
                    .into_iter()
                    .map(|t| (t.action.lemma, t.action.surface))
            })
            .collect();
        total += actions.len();
        for (lemma, surface) in actions {
            if !vocabulary.is_verb(&lemma) {
                unknown.entry(lemma).or_insert((0, surface)).0 += 1;
            }
        }
    }
    let count: usize = unknown.values().map(|(n, _)| n).sum();
    eprintln!("{count} of {total} sampled statements have an unknown action lemma:");
    for (lemma, (n, surface)) in &unknown {
        eprintln!("  {lemma} ×{n} ({surface})");
    }
    assert!(total > 1000, "the sample yields statements ({total})");
    assert!(
        count <= MAX_UNKNOWN,
        "{count} statements with unknown action lemmas (at most {MAX_UNKNOWN})"
    );
}
