//! `actorgraph merge`: the reduce step. Reads partial graphs (from `build --partial` or
//! `merge --partial`) and writes either the outputs of one build of all their documents,
//! or one partial graph holding them all.

use std::time::Instant;

use anyhow::Context;

use super::build::{
    AtomicFile, PartialSummary, Written, print_partial_summary, worker_pool, write_outputs,
};
use super::count;
use super::progress::Reporter;
use crate::cli::{MergeArgs, OutputFormat};
use actorgraph::export::folder::OutputFolder;
use actorgraph::export::jsonld::JsonLdWriter;
use actorgraph::export::{ExportOptions, Format};
use actorgraph::pipeline::{self, Progress, partial};

/// Runs `actorgraph merge`.
pub fn run(args: MergeArgs) -> anyhow::Result<super::Outcome> {
    let started = Instant::now();
    if args.threads == Some(0) {
        anyhow::bail!("--threads must be at least 1");
    }
    let mut readers = partial::open_all(&args.parts)?;
    let budget = readers.first().map_or(0, |r| r.max_article_tokens());
    if let Some(path) = &args.partial {
        let target = AtomicFile::new(path)?;
        let (out, documents) = partial::merge_partials(
            &mut readers,
            std::io::BufWriter::with_capacity(1 << 16, target.file()),
            path,
            budget,
        )?;
        out.into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("writing {}", path.display()))?;
        let bytes = target.commit()?;
        print_partial_summary(
            PartialSummary {
                documents: usize::try_from(documents).unwrap_or(usize::MAX),
                skipped_inputs: 0,
                cut_articles: 0,
                words: None,
                partial: path.display().to_string(),
                bytes,
                cached: None,
                processed: None,
                seconds: started.elapsed().as_secs_f64(),
            },
            args.json,
            args.quiet,
        )?;
        return Ok(super::Outcome::Success);
    }

    let mut formats: Vec<Format> = if args.format.is_empty() {
        Format::ALL.to_vec()
    } else {
        args.format.iter().map(|&f| format_of(f)).collect()
    };
    formats.sort();
    formats.dedup();
    if !(0.0..=1.0).contains(&args.min_confidence) {
        anyhow::bail!("--min-confidence must be a number from 0 to 1");
    }
    JsonLdWriter::new(&args.base_iri).context("--base-iri")?;
    let export = ExportOptions {
        formats,
        base_iri: args.base_iri,
        min_confidence: args.min_confidence,
    };
    let folder = OutputFolder::prepare(&args.out)?;
    let pool = worker_pool(args.threads)?;
    let reporter = Reporter::new(args.quiet, None);
    let on_progress = |p: Progress, warnings: &[actorgraph::corpus::Diagnostic]| {
        reporter.update(p, warnings);
    };
    let build = match pool.install(|| pipeline::merge(&mut readers, &on_progress)) {
        Ok(build) => build,
        Err(e) => {
            reporter.finish();
            return Err(e.into());
        }
    };
    if args.strict && !build.warnings.is_empty() {
        reporter.finish();
        anyhow::bail!(
            "{} cut short by --max-article-tokens (--strict); nothing written",
            count(build.warnings.len(), "article")
        );
    }
    if build.progress.documents == 0 {
        reporter.finish();
        drop(folder);
        anyhow::bail!(
            "no articles to merge: the partial graphs are empty; nothing written to {}",
            args.out.display()
        );
    }
    write_outputs(
        build,
        folder,
        Written {
            out: &args.out,
            export: &export,
            json: args.json,
            quiet: args.quiet,
            skipped: (0, 0),
            cached: None,
        },
        &pool,
        &reporter,
        started,
    )?;
    Ok(super::Outcome::Success)
}

fn format_of(f: OutputFormat) -> Format {
    match f {
        OutputFormat::Graphml => Format::GraphMl,
        OutputFormat::Gexf => Format::Gexf,
        OutputFormat::Jsonld => Format::JsonLd,
        OutputFormat::Csv => Format::Csv,
        OutputFormat::Statements => Format::Statements,
        OutputFormat::Entities => Format::Entities,
        OutputFormat::Html => Format::Html,
    }
}
