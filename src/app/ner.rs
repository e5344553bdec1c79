//! `actorgraph model evaluate-ner|train-ner`: score typed names end to end on an IOB2
//! file; train the name recognizer on gold IOB2 and silver names.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;

use super::Outcome;
use crate::cli::{EvaluateNerArgs, NerSystem, TrainNerArgs};
use actorgraph::export::atomic;
use actorgraph::nlp::Nlp;
use actorgraph::nlp::ner::evaluate::{self, System};
use actorgraph::nlp::ner::iob2::{self, Iob2Sentence};
use actorgraph::nlp::ner::train::{self, LabelledText, NerTrainOptions};
use actorgraph::nlp::ner::{Recognizer, TYPES, uner_type};
use actorgraph::rng::Rng;

fn read_iob2(path: &Path) -> anyhow::Result<Vec<Iob2Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    iob2::parse(&text).with_context(|| format!("reading {}", path.display()))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Runs `actorgraph model evaluate-ner`.
pub fn evaluate(args: EvaluateNerArgs) -> anyhow::Result<Outcome> {
    let mut nlp = Nlp::load_default()?;
    if let Some(p) = &args.recognizer {
        let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
        let r =
            Recognizer::from_bytes(&bytes).with_context(|| format!("loading {}", p.display()))?;
        nlp = nlp.with_recognizer(Some(r));
    }
    let system = match args.system {
        NerSystem::Model => System::Model,
        NerSystem::Rules => System::Rules,
    };
    anyhow::ensure!(
        system == System::Rules || nlp.recognizer().is_some(),
        "no name recognizer: train one with `actorgraph model train-ner` and rebuild, pass \
         --recognizer FILE, or score --system rules"
    );
    let sentences = read_iob2(&args.file)?;
    let start = Instant::now();
    let score = evaluate::evaluate(&nlp, &sentences, system);
    if args.errors {
        let mut err = std::io::stderr().lock();
        for s in &sentences {
            let (gold, pred) = evaluate::predict(&nlp, s, system);
            let show = |v: &[iob2::LabelledSpan]| {
                v.iter()
                    .filter(|x| evaluate::LABELS.contains(&x.label.as_str()))
                    .map(|x| match s.tokens.get(x.tokens.clone()) {
                        Some(t) => format!("{}:{}", t.join(" "), x.label),
                        None => format!("(off-token):{}", x.label),
                    })
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            let (g, p) = (show(&gold), show(&pred));
            if g != p {
                writeln!(err, "{}\n  gold: {g}\n  pred: {p}", s.tokens.join(" "))?;
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let mut out = std::io::stdout().lock();
    let all = score.overall();
    if args.json {
        let obj = |c: actorgraph::nlp::ner::score::Counts| {
            serde_json::json!({
                "precision": round3(c.precision()),
                "recall": round3(c.recall()),
                "f1": round3(c.f1()),
                "gold": c.gold(),
                "predicted": c.tp + c.fp,
                "correct": c.tp,
            })
        };
        let mut v = serde_json::json!({
            "file": args.file.display().to_string(),
            "system": match system { System::Model => "model", System::Rules => "rules" },
            "sentences": sentences.len(),
            "overall": obj(all),
        });
        for l in evaluate::LABELS {
            v[l] = obj(score.label(l));
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        writeln!(
            out,
            "{}: {} sentences, {:.1} s",
            args.file.display(),
            sentences.len(),
            seconds
        )?;
        writeln!(out, "type   gold   P      R      F1")?;
        for l in evaluate::LABELS {
            let c = score.label(l);
            writeln!(
                out,
                "{l:<6} {:<6} {:.3}  {:.3}  {:.3}",
                c.gold(),
                c.precision(),
                c.recall(),
                c.f1()
            )?;
        }
        writeln!(
            out,
            "all    {:<6} {:.3}  {:.3}  {:.3}",
            all.gold(),
            all.precision(),
            all.recall(),
            all.f1()
        )?;
    }
    Ok(Outcome::Success)
}

/// A text and its names (bytes, type index into [`TYPES`]).
type OwnedText = (String, Vec<(std::ops::Range<usize>, usize)>);

/// One line of the silver file.
#[derive(serde::Deserialize)]
struct SilverLine {
    text: String,
    ents: Vec<(usize, usize, String)>,
}

/// Whether most letters of a text are capitals (a headline in capitals: the teacher is
/// unreliable there).
fn mostly_caps(text: &str) -> bool {
    let (mut up, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        all += 1;
        up += usize::from(c.is_uppercase());
    }
    all >= 8 && up * 10 >= all * 8
}

/// A silver name without what UniversalNER leaves out of names: a leading `the` and a
/// trailing possessive `'s` (the teacher includes the first, sometimes the second).
fn trim_name(text: &str, r: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let mut s = text.get(r.clone())?;
    let mut start = r.start;
    for the in ["the ", "The ", "THE "] {
        if let Some(rest) = s.strip_prefix(the) {
            start += the.len();
            s = rest;
        }
    }
    for pos in ["'s", "’s"] {
        if let Some(rest) = s.strip_suffix(pos) {
            s = rest;
        }
    }
    let s = s.trim_end();
    (!s.is_empty()).then(|| start..start + s.len())
}

/// Reads silver texts: character offsets become byte offsets; texts in capitals are left
/// out, and with `upper_every` every Nth text is also added in capitals.
fn read_silver(path: &Path, upper_every: usize) -> anyhow::Result<Vec<OwnedText>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let l: SilverLine = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}", path.display(), n + 1))?;
        if mostly_caps(&l.text) {
            continue;
        }
        let bytes: Vec<usize> = l
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(l.text.len()))
            .collect();
        let names: Vec<_> = l
            .ents
            .iter()
            .filter_map(|(a, b, label)| {
                let t = TYPES.iter().position(|k| Some(*k) == uner_type(label))?;
                let r = trim_name(&l.text, *bytes.get(*a)?..*bytes.get(*b)?)?;
                Some((r, t))
            })
            .collect();
        if upper_every > 0 && n % upper_every == 0 {
            let upper = l.text.to_uppercase();
            if upper.len() == l.text.len() {
                out.push((upper, names.clone()));
            }
        }
        out.push((l.text, names));
    }
    Ok(out)
}

/// Runs `actorgraph model train-ner`.
pub fn train(args: TrainNerArgs) -> anyhow::Result<Outcome> {
    let start = Instant::now();
    anyhow::ensure!(
        !args.gold.is_empty() || !args.silver.is_empty(),
        "nothing to train on: give --gold IOB2 files and/or --silver JSONL files"
    );
    // Without the built-in recognizer: its names are not features.
    let nlp = Nlp::load_default()?.with_recognizer(None);
    let mut gold_texts = Vec::new();
    for p in &args.gold {
        for s in read_iob2(p)? {
            let (text, ranges) = iob2::raw_text(&s);
            let names: Vec<_> = iob2::spans(&s.tags)
                .into_iter()
                .filter_map(|sp| {
                    let t = TYPES
                        .iter()
                        .position(|k| Some(*k) == uner_type(&sp.label))?;
                    Some((
                        ranges[sp.tokens.start].start..ranges[sp.tokens.end - 1].end,
                        t,
                    ))
                })
                .collect();
            gold_texts.push((text, names));
        }
    }
    let gold_in: Vec<LabelledText<'_>> = gold_texts
        .iter()
        .map(|(text, names)| LabelledText {
            text,
            names: names.clone(),
            gazetteer: false,
        })
        .collect();
    let gold = train::examples_of_all(&nlp, &gold_in, true);
    eprintln!(
        "gold: {} of {} sentences on our tokens, {} names",
        gold.len(),
        gold_in.len(),
        gold.iter().map(|e| e.names()).sum::<usize>()
    );
    let mut silver_texts = Vec::new();
    for p in &args.silver {
        silver_texts.extend(read_silver(p, args.upper_every)?);
    }
    let silver_in: Vec<LabelledText<'_>> = silver_texts
        .iter()
        .map(|(text, names)| LabelledText {
            text,
            names: names.clone(),
            gazetteer: true,
        })
        .collect();
    let silver_all = train::examples_of_all(&nlp, &silver_in, false);
    let mut rng = Rng::new(args.seed.max(1));
    let keep = (args.empty_keep.clamp(0.0, 1.0) * 1_000_000.0) as usize;
    let n_silver = silver_all.len();
    let silver: Vec<_> = silver_all
        .into_iter()
        .filter(|e| e.names() > 0 || rng.below(1_000_000) < keep)
        .collect();
    eprintln!(
        "silver: {} texts, {} sentences kept of {}, {} names, {} tokens",
        silver_in.len(),
        silver.len(),
        n_silver,
        silver.iter().map(|e| e.names()).sum::<usize>(),
        silver.iter().map(|e| e.len()).sum::<usize>()
    );
    let mut examples = silver;
    let gold_count = gold.len();
    // Gold sentences `gold_repeat` times: the examples are referenced, not copied.
    let mut data: Vec<&train::Example> = examples.iter().collect();
    for _ in 0..args.gold_repeat.max(1) {
        data.extend(gold.iter());
    }
    let opts = NerTrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        prune: args.prune,
    };
    let r = train::train_refs(&data, &opts);
    examples.clear();
    let bytes = r.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    atomic::write(&args.out, |w| w.write_all(&bytes))?;
    eprintln!(
        "wrote {} ({} feature rows, {:.1} MB; {} gold sentences x{}) in {:.0} s",
        args.out.display(),
        r.feature_count(),
        bytes.len() as f64 / 1e6,
        gold_count,
        args.gold_repeat.max(1),
        start.elapsed().as_secs_f64()
    );
    Ok(Outcome::Success)
}
