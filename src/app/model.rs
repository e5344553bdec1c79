//! `actorgraph model train|evaluate`: train the tagger, lemmatizer and parser on a
//! treebank and write the bundle; score a bundle on a CoNLL-U file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;

use super::{Outcome, count};
use crate::cli::{ClustersArgs, EvaluateArgs, TrainArgs};
use actorgraph::corpus::{self, CorpusOptions};
use actorgraph::export::atomic;
use actorgraph::nlp::clusters::{ClusterOptions, WordClusters};
use actorgraph::nlp::conllu::{self, TreebankSentence};
use actorgraph::nlp::evaluate;
use actorgraph::nlp::silver::SilverOptions;
use actorgraph::nlp::train::{self, TrainOptions};
use actorgraph::nlp::{Nlp, plain_quotes, segment};

fn files_ending(dir: &Path, suffix: &str) -> anyhow::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(suffix))
        })
        .collect();
    out.sort();
    Ok(out)
}

fn read_all(paths: &[PathBuf]) -> anyhow::Result<Vec<TreebankSentence>> {
    let mut out = Vec::new();
    for p in paths {
        out.extend(conllu::read_file(p).with_context(|| format!("reading {}", p.display()))?);
    }
    Ok(out)
}

/// Writes `bytes` to `path` (its folder created if missing) through a temporary file in
/// the same folder and a rename.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    Ok(atomic::write(path, |w| w.write_all(bytes))?)
}

/// Runs `actorgraph model train`.
pub fn train(args: TrainArgs) -> anyhow::Result<Outcome> {
    let start = Instant::now();
    let mut paths = files_ending(&args.treebank, "-train.conllu")?;
    if args.with_dev {
        paths.extend(files_ending(&args.treebank, "-dev.conllu")?);
    }
    anyhow::ensure!(
        !paths.is_empty(),
        "no *-train.conllu in {}",
        args.treebank.display()
    );
    let mut sents = read_all(&paths)?;
    if let Some(limit) = args.limit {
        sents.truncate(limit);
    }
    let tokens: usize = sents.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "read {}, {} from {} in {:.1?}",
        count(sents.len(), "sentence"),
        count(tokens, "token"),
        count(paths.len(), "file"),
        start.elapsed()
    );
    let opts = TrainOptions {
        seed: args.seed,
        tagger_epochs: args.epochs,
        parser_epochs: args.epochs,
        folds: args.folds,
        prune: args.prune,
        no_parser: args.no_parser,
        clusters: match &args.clusters {
            Some(path) => {
                let bytes =
                    std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
                WordClusters::from_bytes(&bytes)
                    .with_context(|| format!("reading word classes from {}", path.display()))?
            }
            None => WordClusters::empty(),
        },
        tagger_clusters: args.tagger_clusters,
        parser_prune: args.parser_prune.unwrap_or(0.0),
        parser_average: args.parser_average,
        silver_clusters_only: args.silver_clusters_only,
    };
    let mut texts = Vec::new();
    if !args.silver.is_empty() {
        let mut corpus = open_raw_text(&args.silver)?;
        while let Some(article) = corpus.next()? {
            texts.push(article.text);
        }
    }
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let silver_opts = SilverOptions {
        max_silver_tokens: args.silver_tokens.unwrap_or(usize::MAX),
        partners: args.silver_partners,
        ..SilverOptions::default()
    };
    let (nlp, report) = train::train_with_silver(&sents, &opts, &texts, &silver_opts);
    for (stage, time) in &report.stages {
        eprintln!("{stage:<32} {:>8.1?}", time);
    }
    if !texts.is_empty() {
        let r = &report.silver;
        eprintln!(
            "silver: {} texts, {} sentences ({} tokens); the parsers agree on {} ({:.1}%, {} tokens); kept {} ({} tokens)",
            texts.len(),
            r.sentences,
            r.tokens,
            r.agreed,
            100.0 * r.agreed as f64 / r.sentences.max(1) as f64,
            r.agreed_tokens,
            r.kept,
            r.kept_tokens
        );
    }
    if args.folds > 1 {
        eprintln!("jack-knifed UPOS on train: {:.2}%", report.jackknife_upos);
    }
    let t = Instant::now();
    let bytes = nlp.to_bytes();
    write_atomically(&args.out, &bytes)?;
    eprintln!("{:<32} {:>8.1?}", "write bundle", t.elapsed());
    writeln!(
        std::io::stdout().lock(),
        "wrote {} ({:.1} MB) in {:.1?}",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        start.elapsed()
    )?;
    Ok(Outcome::Success)
}

/// Opens unlabelled training text (any input `build` reads), skipping bad records and
/// keeping articles of any length.
fn open_raw_text(inputs: &[PathBuf]) -> anyhow::Result<corpus::Corpus> {
    Ok(corpus::open(
        inputs,
        CorpusOptions {
            strict: false,
            max_article_bytes: u64::MAX,
        },
    )?)
}

/// Runs `actorgraph model clusters`.
pub fn clusters(args: ClustersArgs) -> anyhow::Result<Outcome> {
    let start = Instant::now();
    let mut corpus = open_raw_text(&args.inputs)?;
    let mut sents: Vec<Vec<String>> = Vec::new();
    while let Some(article) = corpus.next()? {
        let text = &article.text;
        for s in segment::split(text) {
            sents.push(
                s.tokens
                    .iter()
                    .map(|t| plain_quotes(&text[t.range()]).into_owned())
                    .collect(),
            );
        }
    }
    if let Some(dir) = &args.treebank {
        let mut paths = files_ending(dir, "-train.conllu")?;
        paths.extend(files_ending(dir, "-dev.conllu")?);
        for s in read_all(&paths)? {
            sents.push(s.words.into_iter().map(|w| w.form).collect());
        }
    }
    let tokens: usize = sents.iter().map(Vec::len).sum();
    eprintln!(
        "read {}, {} in {:.1?}",
        count(sents.len(), "sentence"),
        count(tokens, "token"),
        start.elapsed()
    );
    let opts = ClusterOptions {
        coarse: args.coarse,
        fine: args.fine,
        min_count: args.min_count,
        ..ClusterOptions::default()
    };
    let clusters = WordClusters::train(&sents, &opts);
    let bytes = clusters.to_bytes();
    write_atomically(&args.out, &bytes)?;
    writeln!(
        std::io::stdout().lock(),
        "wrote {} ({} words, {:.1} MB) in {:.1?}",
        args.out.display(),
        clusters.len(),
        bytes.len() as f64 / 1e6,
        start.elapsed()
    )?;
    Ok(Outcome::Success)
}

/// Runs `actorgraph model evaluate`.
pub fn evaluate(args: EvaluateArgs) -> anyhow::Result<Outcome> {
    let t = Instant::now();
    let (mut nlp, size) = match &args.model {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            let nlp =
                Nlp::from_bytes(&bytes).with_context(|| format!("loading {}", p.display()))?;
            (nlp, bytes.len())
        }
        None => (Nlp::load_default()?, 0),
    };
    let load = t.elapsed();
    if let Some(p) = args.prune_tagger {
        nlp.tagger_mut().prune(p);
        eprintln!(
            "tagger pruned at {p}: {} weights, {:.1} MB",
            nlp.tagger().weight_count(),
            nlp.tagger().to_bytes().len() as f64 / 1e6
        );
    }
    let sents = conllu::read_file(&args.treebank)
        .with_context(|| format!("reading {}", args.treebank.display()))?;
    let s = evaluate::evaluate_with_clock(&nlp, &sents, args.errors, args.repeat, &thread_cpu_time);
    let mut out = std::io::stdout().lock();
    if args.json {
        let v = serde_json::json!({
            "treebank": args.treebank.display().to_string(),
            "sentences": s.sentences,
            "tokens": s.tokens,
            "upos": round2(s.upos),
            "xpos": round2(s.xpos),
            "lemma": round2(s.lemma),
            "uas": round2(s.uas),
            "las": round2(s.las),
            "tokens_per_second": s.tokens_per_second.round(),
            "tag_tokens_per_second": per_second(s.tokens, s.tag_time).round(),
            "parse_tokens_per_second": per_second(s.tokens, s.tag_parse_time - s.tag_time).round(),
            "load_seconds": load.as_secs_f64(),
            "model_bytes": size,
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        writeln!(
            out,
            "treebank   {} ({} sentences, {} tokens)",
            args.treebank.display(),
            s.sentences,
            s.tokens
        )?;
        writeln!(out, "UPOS       {:.2}", s.upos)?;
        writeln!(out, "XPOS       {:.2}", s.xpos)?;
        writeln!(out, "lemma      {:.2}", s.lemma)?;
        writeln!(out, "UAS        {:.2}", s.uas)?;
        writeln!(out, "LAS        {:.2}", s.las)?;
        writeln!(
            out,
            "speed      {:.0} tokens/s (tag + parse, one thread, CPU time; tag {:.0}, parse {:.0})",
            s.tokens_per_second,
            per_second(s.tokens, s.tag_time),
            per_second(s.tokens, s.tag_parse_time - s.tag_time),
        )?;
        for (kind, e, n) in &s.errors {
            writeln!(out, "  {kind:<6} {n:>4}  {e}")?;
        }
        writeln!(
            out,
            "load       {:.3} s{}",
            load.as_secs_f64(),
            if size > 0 {
                format!(" ({:.1} MB)", size as f64 / 1e6)
            } else {
                String::new()
            }
        )?;
    }
    Ok(Outcome::Success)
}

/// CPU time of the current thread (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, nanosecond
/// resolution), so the speed figure is not distorted by other processes; wall time where
/// the clock is missing. (`/proc/thread-self/schedstat`, used before, only advances at
/// scheduler ticks, 4 ms here: a best-of-N over it favoured the lucky roundings.)
fn thread_cpu_time() -> std::time::Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    cpu_time::ThreadTime::try_now().map_or_else(
        |_| START.get_or_init(Instant::now).elapsed(),
        |t| t.as_duration(),
    )
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// `n` per second of `d`.
fn per_second(n: usize, d: std::time::Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}
