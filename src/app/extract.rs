//! `actorgraph extract`: statements from single sentences, one per line, for
//! sentence-level measurement (CaRB) and quick looks.
//!
//! With `--format carb` the extractors run in Open IE mode ([`Extractors::open`]) and
//! print CaRB's tabbed lines; with `--format jsonl` they run in actor mode
//! ([`Extractors::all`]) and print one JSON object per statement:
//! `{"line", "sentence", "actor", "actor_kind", "action", "lemma", "surface", "target",
//! "target_kind", "polarity", "modality", "attributed_to", "confidence", "extractor"}`.

use std::io::{BufRead, BufWriter, Write};

use anyhow::Context as _;

use super::Outcome;
use crate::cli::{ExtractArgs, ExtractFormat};
use actorgraph::extract::{self, Extractors, carb};
use actorgraph::model::{ArgKind, Article, Origin, SentenceKind, Triple};
use actorgraph::nlp::Nlp;

/// Runs `actorgraph extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let file = std::fs::File::open(&args.sentences)
        .with_context(|| format!("opening {}", args.sentences.display()))?;
    let nlp = Nlp::load_default().context("loading the English model")?;
    let extractors = match args.format {
        ExtractFormat::Carb => Extractors::open(),
        ExtractFormat::Jsonl => Extractors::all(),
    };
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = BufWriter::new(sink);
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", args.sentences.display()))?;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let article = Article {
            id: format!("line-{}", n + 1),
            title: None,
            date: None,
            url: None,
            text: text.to_owned(),
            origin: Origin {
                path: args.sentences.display().to_string(),
                line: Some(n + 1),
            },
        };
        let mut doc = nlp.annotate(article);
        // every line is a sentence of running text, whatever it looks like
        for s in &mut doc.sentences {
            s.kind = SentenceKind::Body;
        }
        for t in extract::run(&extractors, &doc) {
            let out = match args.format {
                ExtractFormat::Carb => carb::line(text, &t),
                ExtractFormat::Jsonl => Some(json_line(n + 1, &t)),
            };
            if let Some(out) = out {
                writeln!(w, "{out}")?;
            }
        }
    }
    w.flush()?;
    Ok(Outcome::Success)
}

fn kind(k: ArgKind) -> &'static str {
    match k {
        ArgKind::Name => "name",
        ArgKind::Group => "group",
        ArgKind::Pronoun => "pronoun",
        ArgKind::Description => "description",
        ArgKind::Phrase => "phrase",
        ArgKind::Unknown => "unknown",
    }
}

fn json_line(line: usize, t: &Triple) -> String {
    serde_json::json!({
        "line": line,
        "sentence": t.sentence,
        "actor": t.actor.text,
        "actor_kind": kind(t.actor.kind),
        "action": t.action.label,
        "lemma": t.action.lemma,
        "surface": t.action.surface,
        "target": t.target.text,
        "target_kind": kind(t.target.kind),
        "polarity": t.polarity.as_str(),
        "modality": t.modality.as_str(),
        "attributed_to": t.attributed_to.as_ref().map(|a| a.text.clone()),
        "confidence": t.confidence,
        "extractor": t.extractor,
    })
    .to_string()
}
