//! Silver training data for the parser by tri-training agreement (Li, Zhang and Chen 2014;
//! Weiss et al. 2015): raw news text is tagged with the built-in model and parsed by two
//! different parsers, parser A (the built-in one, left to right) and parser B (trained here
//! on the same data, right to left); sentences on which both agree on every head and label
//! become training data.
//!
//! ```text
//! # parser B: right-to-left, on the jack-knifed cache of `parser_eval --jackknife`
//! cargo run --release --example silver -- --train-b CACHE --save-b B.bin [--epochs N] [--seed S]
//!     [--clusters FILE]
//! # how good the agreed parses are, on a treebank (gold tokens, predicted tags)
//! cargo run --release --example silver -- --b B.bin --check TREEBANK.conllu
//! # silver CoNLL-U from raw text (`.jsonl` or folders of `.txt`, as `actorgraph` reads)
//! cargo run --release --example silver -- --b B.bin --out AGREED.conllu \
//!     [--out-self SELF.conllu] [--min 5] [--max 40] [--a BUNDLE.agm] [--agree heads] INPUT...
//! ```
//!
//! Parser B sees every sentence reversed (see `actorgraph::nlp::silver`, which
//! `actorgraph model train --silver` uses for the same recipe).
//!
//! The silver files hold body sentences of `--min..=--max` tokens, each once, in the order
//! of a hash of their words (so a prefix of the file samples the whole corpus), with the
//! predicted tags in the UPOS/XPOS columns like `parser_eval`'s cache.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use actorgraph::corpus::{self, CorpusOptions};
use actorgraph::hash::hash_words;
use actorgraph::model::{SentenceKind, Upos};
use actorgraph::nlp::conllu;
use actorgraph::nlp::parser::{Parser, ParserTrainOptions, TrainSentence};
use actorgraph::nlp::silver::{Parse, parse_reversed, reversed};
use actorgraph::nlp::train::parse_sentence;
use actorgraph::nlp::{Nlp, plain_quotes, segment};

/// One tagged sentence and its two parses.
struct Parsed {
    forms: Vec<String>,
    upos: Vec<Upos>,
    xpos: Vec<&'static str>,
    a: Parse,
    b: Parse,
}

fn parse_both(nlp: &Nlp, b: &Parser, forms: &[&str]) -> Parsed {
    let plain: Vec<String> = forms.iter().map(|f| plain_quotes(f).into_owned()).collect();
    let refs: Vec<&str> = plain.iter().map(String::as_str).collect();
    let tags = nlp.tagger().tag(&refs);
    let upos: Vec<Upos> = tags.iter().map(|t| t.0).collect();
    let xpos: Vec<&'static str> = tags.iter().map(|t| t.1).collect();
    let a = nlp.parser().parse(&refs, &upos, &xpos);
    let bp = parse_reversed(b, &refs, &upos, &xpos);
    Parsed {
        forms: plain,
        upos,
        xpos,
        a,
        b: bp,
    }
}

/// Appends one sentence as CoNLL-U with parse `p`.
fn push_conllu(text: &mut String, s: &Parsed, p: &Parse) {
    for (i, (head, rel)) in p.iter().enumerate() {
        text.push_str(&format!(
            "{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t_\t_\n",
            i + 1,
            s.forms[i],
            s.upos[i],
            s.xpos[i],
            head.map_or(0, |h| h + 1),
            rel
        ));
    }
    text.push('\n');
}

fn train_b(
    cache: &Path,
    out: &Path,
    epochs: usize,
    seed: u64,
    clusters: Option<String>,
) -> anyhow::Result<()> {
    let clusters = match clusters {
        Some(path) => actorgraph::nlp::clusters::WordClusters::from_bytes(&std::fs::read(path)?)?,
        None => Default::default(),
    };
    let data: Vec<TrainSentence> = conllu::read_file(cache)?
        .iter()
        .map(|s| reversed(&parse_sentence(s)))
        .collect();
    let start = Instant::now();
    let b = Parser::train(
        &data,
        &ParserTrainOptions {
            epochs,
            seed,
            clusters,
            ..Default::default()
        },
    );
    let bytes = b.to_bytes();
    println!(
        "parser B (right to left) trained on {} sentences in {:.1} s, {} bytes",
        data.len(),
        start.elapsed().as_secs_f64(),
        bytes.len()
    );
    std::fs::write(out, bytes)?;
    Ok(())
}

/// Scores A, B and the agreed subset against a treebank (gold tokens, predicted tags).
fn check(nlp: &Nlp, b: &Parser, path: &Path) -> anyhow::Result<()> {
    let sents = conllu::read_file(path)?;
    // [tokens, A heads, A labelled, B heads, B labelled]
    let mut all = [0usize; 5];
    let mut agreed = [0usize; 5];
    let mut agreed_sents = 0;
    for s in &sents {
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let p = parse_both(nlp, b, &forms);
        let same = p.a == p.b;
        agreed_sents += usize::from(same);
        for (i, w) in s.words.iter().enumerate() {
            let gold = w.head.checked_sub(1);
            let score = [
                1,
                usize::from(p.a[i].0 == gold),
                usize::from(p.a[i].0 == gold && p.a[i].1 == w.deprel),
                usize::from(p.b[i].0 == gold),
                usize::from(p.b[i].0 == gold && p.b[i].1 == w.deprel),
            ];
            for k in 0..5 {
                all[k] += score[k];
                if same {
                    agreed[k] += score[k];
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "{}: A UAS/LAS {:.2}/{:.2}  B UAS/LAS {:.2}/{:.2}",
        path.display(),
        pct(all[1], all[0]),
        pct(all[2], all[0]),
        pct(all[3], all[0]),
        pct(all[4], all[0])
    );
    println!(
        "  agreed on {agreed_sents} of {} sentences ({:.1}%), {} of {} tokens; A on them UAS/LAS {:.2}/{:.2}",
        sents.len(),
        pct(agreed_sents, sents.len()),
        agreed[0],
        all[0],
        pct(agreed[1], agreed[0]),
        pct(agreed[2], agreed[0])
    );
    Ok(())
}

/// Settings of a silver run.
struct SilverRun {
    inputs: Vec<PathBuf>,
    out: PathBuf,
    out_self: Option<PathBuf>,
    min: usize,
    max: usize,
    /// Agreement on heads only (A's labels are kept).
    unlabelled: bool,
}

fn silver(nlp: &Nlp, b: &Parser, run: &SilverRun) -> anyhow::Result<()> {
    let start = Instant::now();
    let mut corpus = corpus::open(
        &run.inputs,
        CorpusOptions {
            strict: false,
            max_article_bytes: 1 << 24,
        },
    )?;
    let mut seen = BTreeSet::new();
    let (mut agreed, mut selfs) = (Vec::new(), Vec::new());
    let (mut articles, mut kept, mut kept_tokens, mut agreed_tokens) = (0, 0, 0, 0);
    while let Some(article) = corpus.next()? {
        articles += 1;
        for raw in segment::split(&article.text) {
            let n = raw.tokens.len();
            if raw.kind != SentenceKind::Body || n < run.min || n > run.max {
                continue;
            }
            let forms: Vec<&str> = raw
                .tokens
                .iter()
                .filter_map(|t| article.text.get(t.range()))
                .collect();
            if forms.len() != n {
                continue;
            }
            let p = parse_both(nlp, b, &forms);
            let key = hash_words(&p.forms);
            if !seen.insert(key) {
                continue;
            }
            kept += 1;
            kept_tokens += n;
            if run.out_self.is_some() {
                let mut t = String::new();
                push_conllu(&mut t, &p, &p.a);
                selfs.push((key, t));
            }
            let same = if run.unlabelled {
                p.a.iter().zip(&p.b).all(|(x, y)| x.0 == y.0)
            } else {
                p.a == p.b
            };
            if same {
                agreed_tokens += n;
                let mut t = String::new();
                push_conllu(&mut t, &p, &p.a);
                agreed.push((key, t));
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "{articles} articles, {kept} distinct body sentences of {}..={} tokens ({kept_tokens} tokens); \
         A and B agree on {} ({:.1}%, {agreed_tokens} tokens, {:.1}%) in {:.1} s",
        run.min,
        run.max,
        agreed.len(),
        pct(agreed.len(), kept),
        pct(agreed_tokens, kept_tokens),
        start.elapsed().as_secs_f64()
    );
    for (list, path) in [
        (&mut agreed, Some(&run.out)),
        (&mut selfs, run.out_self.as_ref()),
    ] {
        if let Some(path) = path {
            list.sort();
            let text: String = list.iter().map(|(_, t)| t.as_str()).collect();
            std::fs::write(path, text)?;
        }
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut flags = std::collections::BTreeMap::new();
    let mut inputs = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if let Some(name) = args[i].strip_prefix("--") {
            let value = args
                .get(i + 1)
                .ok_or_else(|| anyhow::anyhow!("--{name} needs a value"))?;
            flags.insert(name.to_owned(), value.clone());
            i += 2;
        } else {
            inputs.push(PathBuf::from(&args[i]));
            i += 1;
        }
    }
    let get = |name: &str| flags.get(name).cloned();
    let num = |name: &str, default: usize| -> anyhow::Result<usize> {
        Ok(get(name).map(|v| v.parse()).transpose()?.unwrap_or(default))
    };
    if let Some(cache) = get("train-b") {
        let out = get("save-b").ok_or_else(|| anyhow::anyhow!("--train-b needs --save-b"))?;
        return train_b(
            Path::new(&cache),
            Path::new(&out),
            num("epochs", 0)?,
            num("seed", 1)? as u64,
            get("clusters"),
        );
    }
    let nlp = match get("a") {
        Some(path) => Nlp::from_bytes(&std::fs::read(path)?)?,
        None => Nlp::load_default()?,
    };
    let b_path = get("b").ok_or_else(|| anyhow::anyhow!("--b PARSER is required"))?;
    let b = Parser::from_bytes(&std::fs::read(b_path)?)?;
    if let Some(path) = get("check") {
        return check(&nlp, &b, Path::new(&path));
    }
    let out = get("out").ok_or_else(|| anyhow::anyhow!("--out FILE is required"))?;
    silver(
        &nlp,
        &b,
        &SilverRun {
            inputs,
            out: PathBuf::from(out),
            out_self: get("out-self").map(PathBuf::from),
            min: num("min", 5)?,
            max: num("max", 40)?,
            unlabelled: get("agree").as_deref() == Some("heads"),
        },
    )
}
