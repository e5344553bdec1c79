//! Dev harness for the dependency parser: trains on UD English-EWT, evaluates UAS/LAS with
//! gold tags on EWT dev/test and PUD, and reports parsing speed.
//!
//! ```text
//! cargo run --release --example parser_eval -- [--treebanks DIR] [--epochs N] [--seed S]
//!     [--train-dev] [--save FILE] [--load FILE] [--dump DIR] [--repeat K]
//! ```
//!
//! `DIR` defaults to `../shared/treebanks` (relative to the crate root).
//!
//! With `--jackknife CACHE` the parser trains like `actorgraph model train --with-dev` does:
//! on EWT train + dev with jack-knifed predicted tags (computed once and cached in `CACHE`,
//! a CoNLL-U file; delete it when the tagger changes), and is then scored through the whole
//! pipeline with the built-in model's tagger (`nlp::evaluate`), so a parser change can be
//! tried in minutes without retraining the taggers. `--bundle FILE` writes a full model
//! bundle with the new parser. `--silver FILE [--silver-tokens N]` appends the first `N`
//! tokens (whole sentences; default all) of a silver CoNLL-U from `examples/silver.rs` to
//! the training data. `--shortcuts-only` does not train: it relearns the label shortcuts of
//! the built-in parser on the jack-knifed data (`Parser::learn_shortcuts`) and scores that;
//! `--average N` trains N seeds and keeps their mean (`Parser::train_averaged`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use actorgraph::model::Upos;
use actorgraph::nlp::conllu::{self, TreebankSentence};
use actorgraph::nlp::parser::{Parser, ParserTrainOptions, TrainSentence};
use actorgraph::nlp::train::parse_sentence;
use actorgraph::nlp::{Nlp, evaluate as nlp_eval, train as nlp_train};

/// CPU time of this thread in seconds, so speed figures survive a busy machine.
fn cpu_secs() -> f64 {
    cpu_time::ThreadTime::try_now().map_or(0.0, |t| t.as_duration().as_secs_f64())
}

fn evaluate(
    parser: &Parser,
    name: &str,
    sents: &[TreebankSentence],
    dump: Option<&Path>,
    repeat: usize,
) {
    let data: Vec<TrainSentence> = sents.iter().map(parse_sentence).collect();
    let (mut total, mut uas, mut las) = (0usize, 0usize, 0usize);
    let (mut ptotal, mut puas) = (0usize, 0usize);
    // Best of `repeat` runs, so speed figures survive a busy machine.
    let (mut secs, mut cpu) = (f64::MAX, f64::MAX);
    let mut outs = Vec::with_capacity(data.len());
    for _ in 0..repeat.max(1) {
        outs.clear();
        let start = Instant::now();
        let cpu0 = cpu_secs();
        for s in &data {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            let xpos: Vec<&str> = s.xpos.iter().map(String::as_str).collect();
            outs.push(parser.parse(&forms, &s.upos, &xpos));
        }
        secs = secs.min(start.elapsed().as_secs_f64());
        cpu = cpu.min(cpu_secs() - cpu0);
    }
    for (s, out) in data.iter().zip(&outs) {
        for (i, o) in out.iter().enumerate() {
            let gold = if s.heads[i] == 0 {
                None
            } else {
                Some(s.heads[i] - 1)
            };
            total += 1;
            let punct = s.upos[i] == Upos::Punct;
            ptotal += usize::from(punct);
            if o.0 == gold {
                uas += 1;
                puas += usize::from(punct);
                if o.1 == s.deprels[i] {
                    las += 1;
                }
            }
        }
    }
    if let Some(dir) = dump {
        let mut text = String::new();
        for (s, out) in data.iter().zip(&outs) {
            for (i, o) in out.iter().enumerate() {
                let h = o.0.map_or(0, |h| h + 1);
                text.push_str(&format!(
                    "{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t{}\t{}\n",
                    i + 1,
                    s.forms[i],
                    s.upos[i],
                    s.xpos[i],
                    h,
                    o.1,
                    s.heads[i],
                    s.deprels[i]
                ));
            }
            text.push('\n');
        }
        let file = dir.join(format!("{}.pred.tsv", name.replace(' ', "_")));
        if let Err(e) = std::fs::write(&file, text) {
            eprintln!("cannot write {}: {e}", file.display());
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "{name:10} UAS {:.2}  LAS {:.2}  punct-UAS {:.2}  non-punct UAS {:.2}  ({total} tokens, {:.0} tokens/s wall, {:.0} tokens/s CPU)",
        pct(uas, total),
        pct(las, total),
        pct(puas, ptotal),
        pct(uas - puas, total - ptotal),
        total as f64 / secs,
        total as f64 / cpu
    );
}

/// Writes tagged training sentences as CoNLL-U (predicted tags in the UPOS/XPOS columns).
fn write_cache(path: &Path, data: &[TrainSentence]) -> anyhow::Result<()> {
    let mut text = String::new();
    for s in data {
        for i in 0..s.forms.len() {
            text.push_str(&format!(
                "{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                i + 1,
                s.forms[i],
                s.upos[i],
                s.xpos[i],
                s.heads[i],
                s.deprels[i]
            ));
        }
        text.push('\n');
    }
    std::fs::write(path, text)?;
    Ok(())
}

/// Settings of a `--jackknife` trial.
struct Trial {
    cache: PathBuf,
    epochs: usize,
    seed: u64,
    repeat: usize,
    bundle: Option<String>,
    clusters: Option<String>,
    dump: Option<PathBuf>,
    /// Silver CoNLL-U (from `examples/silver.rs`) appended to the training data.
    silver: Option<PathBuf>,
    /// How many silver tokens to take, from the start of the file (whole sentences).
    silver_tokens: usize,
    /// Seeds whose mean is the parser (`Parser::train_averaged`).
    average: usize,
    /// Relearn the built-in parser's label shortcuts instead of training.
    shortcuts_only: bool,
    /// Retrain the tagger with word classes (ignores the cache).
    tagger_clusters: bool,
}

/// Trains on jack-knifed tags and scores through the whole pipeline.
fn jackknife_trial(dir: &Path, trial: Trial) -> anyhow::Result<()> {
    let Trial {
        cache,
        epochs,
        seed,
        repeat,
        bundle,
        clusters,
        dump,
        silver,
        silver_tokens,
        average,
        shortcuts_only,
        tagger_clusters,
    } = trial;
    let cache = cache.as_path();
    let clusters = match clusters {
        Some(path) => actorgraph::nlp::clusters::WordClusters::from_bytes(&std::fs::read(path)?)?,
        None => Default::default(),
    };
    let ewt = |split: &str| {
        conllu::read_file(&dir.join(format!("ud-english-ewt/en_ewt-ud-{split}.conllu")))
    };
    let mut new_tagger = None;
    let data: Vec<TrainSentence> = if cache.exists() && !tagger_clusters {
        conllu::read_file(cache)?
            .iter()
            .map(parse_sentence)
            .collect()
    } else {
        let mut sents = ewt("train")?;
        sents.extend(ewt("dev")?);
        let opts = nlp_train::TrainOptions {
            seed: 1,
            tagger_epochs: 0,
            parser_epochs: 0,
            folds: 4,
            prune: 0.3,
            no_parser: false,
            clusters: clusters.clone(),
            tagger_clusters,
            parser_prune: 0.0,
            parser_average: 1,
            silver_clusters_only: false,
        };
        let start = Instant::now();
        let mut report = nlp_train::TrainReport::default();
        let (tagger, data) = nlp_train::tagger_and_parser_data(&sents, &opts, &mut report);
        println!(
            "jack-knifed {} sentences in {:.1} s (UPOS {:.2})",
            data.len(),
            start.elapsed().as_secs_f64(),
            report.jackknife_upos
        );
        write_cache(cache, &data)?;
        if tagger_clusters {
            new_tagger = Some(tagger);
        }
        data
    };
    let mut data = data;
    if let Some(path) = silver {
        let (mut sents, mut tokens) = (0, 0);
        for s in conllu::read_file(&path)? {
            if tokens >= silver_tokens {
                break;
            }
            tokens += s.words.len();
            sents += 1;
            data.push(parse_sentence(&s));
        }
        println!(
            "added {sents} silver sentences ({tokens} tokens) from {}",
            path.display()
        );
    }
    let start = Instant::now();
    let parser = if shortcuts_only {
        let mut p = Nlp::load_default()?.parser().clone();
        p.learn_shortcuts(&data);
        p
    } else {
        let options = ParserTrainOptions {
            epochs,
            seed,
            clusters,
            ..Default::default()
        };
        Parser::train_averaged(&data, &options, average)
    };
    let bytes = parser.to_bytes();
    println!(
        "trained on {} sentences in {:.1} s, {} bytes",
        data.len(),
        start.elapsed().as_secs_f64(),
        bytes.len()
    );
    let parser = Parser::from_bytes(&bytes)?;
    let base = Nlp::load_default()?;
    let tagger = new_tagger.unwrap_or_else(|| base.tagger().clone());
    let nlp = Nlp::from_parts(tagger, base.lemmatizer().clone(), parser);
    if let Some(path) = bundle {
        std::fs::write(&path, nlp.to_bytes())?;
    }
    let clock = || std::time::Duration::from_secs_f64(cpu_secs());
    let test = ewt("test")?;
    let pud = conllu::read_file(&dir.join("ud-english-pud/en_pud-ud-test.conllu"))?;
    for (name, sents) in [("EWT test", &test), ("PUD", &pud)] {
        if let Some(dir) = &dump {
            let mut text = String::new();
            for s in sents.iter() {
                let nlp_eval::Annotation {
                    upos: up, parse, ..
                } = nlp_eval::annotate_gold(&nlp, s);
                for (i, w) in s.words.iter().enumerate() {
                    text.push_str(&format!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                        i + 1,
                        w.form,
                        w.upos,
                        up[i],
                        w.head,
                        parse[i].0.map_or(0, |h| h + 1),
                        w.deprel,
                        parse[i].1
                    ));
                }
                text.push('\n');
            }
            std::fs::write(dir.join(format!("{}.tsv", name.replace(' ', "_"))), text)?;
        }
        let s = nlp_eval::evaluate_with_clock(&nlp, sents, 0, repeat, &clock);
        let parse = s.tag_parse_time.saturating_sub(s.tag_time).as_secs_f64();
        println!(
            "{name:10} UPOS {:.2}  UAS {:.2}  LAS {:.2}  tag+parse {:.0} tok/s  parse {:.0} tok/s",
            s.upos,
            s.uas,
            s.las,
            s.tokens_per_second,
            s.tokens as f64 / parse.max(1e-9)
        );
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let dir = get("--treebanks").map(PathBuf::from).unwrap_or_else(|| {
        let p = PathBuf::from("../shared/treebanks");
        if p.exists() {
            p
        } else {
            PathBuf::from("../../shared/treebanks")
        }
    });
    let epochs: usize = get("--epochs").map(|e| e.parse()).transpose()?.unwrap_or(0);
    let seed: u64 = get("--seed").map(|e| e.parse()).transpose()?.unwrap_or(1);
    if let Some(cache) = get("--jackknife") {
        let repeat: usize = get("--repeat").map(|e| e.parse()).transpose()?.unwrap_or(1);
        return jackknife_trial(
            &dir,
            Trial {
                cache: PathBuf::from(cache),
                epochs,
                seed,
                repeat,
                bundle: get("--bundle"),
                clusters: get("--clusters"),
                dump: get("--dump").map(PathBuf::from),
                silver: get("--silver").map(PathBuf::from),
                silver_tokens: get("--silver-tokens")
                    .map(|e| e.parse())
                    .transpose()?
                    .unwrap_or(usize::MAX),
                average: get("--average")
                    .map(|e| e.parse())
                    .transpose()?
                    .unwrap_or(1),
                shortcuts_only: args.iter().any(|a| a == "--shortcuts-only"),
                tagger_clusters: args.iter().any(|a| a == "--tagger-clusters"),
            },
        );
    }
    let ewt = |split: &str| {
        conllu::read_file(&dir.join(format!("ud-english-ewt/en_ewt-ud-{split}.conllu")))
    };
    let dev = ewt("dev")?;
    let test = ewt("test")?;
    let pud = conllu::read_file(&dir.join("ud-english-pud/en_pud-ud-test.conllu"))?;
    let parser = if let Some(path) = get("--load") {
        let start = Instant::now();
        let bytes = std::fs::read(&path)?;
        let p = Parser::from_bytes(&bytes)?;
        println!(
            "loaded {path} ({} bytes) in {:.3} s",
            bytes.len(),
            start.elapsed().as_secs_f64()
        );
        p
    } else {
        let mut train: Vec<TrainSentence> = ewt("train")?.iter().map(parse_sentence).collect();
        if args.iter().any(|a| a == "--train-dev") {
            train.extend(dev.iter().map(parse_sentence));
        }
        let start = Instant::now();
        let p = Parser::train(
            &train,
            &ParserTrainOptions {
                epochs,
                seed,
                ..Default::default()
            },
        );
        println!(
            "trained on {} sentences in {:.1} s",
            train.len(),
            start.elapsed().as_secs_f64()
        );
        let bytes = p.to_bytes();
        println!("serialized: {} bytes", bytes.len());
        if let Some(path) = get("--save") {
            std::fs::write(Path::new(&path), &bytes)?;
        }
        let start = Instant::now();
        let q = Parser::from_bytes(&bytes)?;
        println!("reloaded in {:.3} s", start.elapsed().as_secs_f64());
        q
    };
    let dump = get("--dump").map(PathBuf::from);
    let repeat: usize = get("--repeat").map(|e| e.parse()).transpose()?.unwrap_or(1);
    evaluate(&parser, "EWT dev", &dev, dump.as_deref(), repeat);
    evaluate(&parser, "EWT test", &test, dump.as_deref(), repeat);
    evaluate(&parser, "PUD", &pud, dump.as_deref(), repeat);
    Ok(())
}
