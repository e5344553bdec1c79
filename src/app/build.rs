//! `actorgraph build`: read the corpus, build the graph, write the outputs, print a summary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;

use super::progress::Reporter;
use super::{Outcome, count};
use crate::cli::{BuildArgs, OutputFormat};
use actorgraph::corpus::{self, CorpusOptions};
use actorgraph::export::folder::OutputFolder;
use actorgraph::export::jsonld::JsonLdWriter;
use actorgraph::export::{ExportOptions, Format};
use actorgraph::extract::Extractors;
use actorgraph::nlp::Nlp;
use actorgraph::pipeline::{self, BuildOptions, Cache, NlpSource, Progress};

/// A validated build configuration (no clap types beyond this point).
struct BuildConfig {
    inputs: Vec<PathBuf>,
    out: PathBuf,
    export: ExportOptions,
    threads: Option<usize>,
    strict: bool,
    max_article_bytes: u64,
    max_article_tokens: usize,
    quiet: bool,
    json: bool,
}

impl BuildConfig {
    fn from_args(args: BuildArgs) -> anyhow::Result<BuildConfig> {
        let mut formats: Vec<Format> = if args.format.is_empty() {
            Format::ALL.to_vec()
        } else {
            args.format
                .iter()
                .map(|f| match f {
                    OutputFormat::Graphml => Format::GraphMl,
                    OutputFormat::Gexf => Format::Gexf,
                    OutputFormat::Jsonld => Format::JsonLd,
                    OutputFormat::Csv => Format::Csv,
                    OutputFormat::Statements => Format::Statements,
                    OutputFormat::Entities => Format::Entities,
                    OutputFormat::Html => Format::Html,
                })
                .collect()
        };
        formats.sort();
        formats.dedup();
        if !(args.max_article_mb > 0.0 && args.max_article_mb.is_finite()) {
            anyhow::bail!("--max-article-mb must be a positive number");
        }
        if !(0.0..=1.0).contains(&args.min_confidence) {
            anyhow::bail!("--min-confidence must be a number from 0 to 1");
        }
        if args.threads == Some(0) {
            anyhow::bail!("--threads must be at least 1");
        }
        if args.max_article_tokens == 0 {
            anyhow::bail!("--max-article-tokens must be at least 1");
        }
        // checked now, not after the whole corpus ran
        JsonLdWriter::new(&args.base_iri).context("--base-iri")?;
        let threads = args.threads.map(|n| cap_threads(n, args.quiet));
        Ok(BuildConfig {
            inputs: args.inputs,
            out: args.out,
            export: ExportOptions {
                formats,
                base_iri: args.base_iri,
                min_confidence: args.min_confidence,
            },
            threads,
            strict: args.strict,
            max_article_bytes: (args.max_article_mb * 1e6) as u64,
            max_article_tokens: args.max_article_tokens,
            quiet: args.quiet,
            json: args.json,
        })
    }
}

/// Runs `actorgraph build`.
pub fn run(args: BuildArgs) -> anyhow::Result<Outcome> {
    let partial = args.partial.clone();
    let cache_dir = args.cache.clone();
    let config = BuildConfig::from_args(args)?;
    let started = Instant::now();
    let mut corpus = corpus::open_skipping(
        &config.inputs,
        CorpusOptions {
            strict: config.strict,
            max_article_bytes: config.max_article_bytes,
        },
        partial.is_none().then_some(&config.out),
    )?;
    let cache = match &cache_dir {
        Some(dir) => Some(Cache::open(dir, config.max_article_tokens as u64)?),
        None => None,
    };
    if let Some(path) = partial {
        return run_partial(&config, &mut corpus, cache.as_ref(), &path, started);
    }
    // the output folder is checked (and its staging folder made) before any work is done
    let folder = OutputFolder::prepare(&config.out)?;
    if folder.leftovers_removed() > 0 && !config.quiet {
        eprintln!(
            "note: removed {} left beside {} by an interrupted build",
            count(folder.leftovers_removed(), "work folder"),
            config.out.display()
        );
    }
    // With a cache the model is loaded only if an article is not in it.
    let nlp = match cache {
        Some(_) => NlpSource::lazy(Nlp::load_default),
        // leaked: the process ends after the build, and the OS takes the model back at once
        None => NlpSource::Ready(Box::leak(Box::new(
            Nlp::load_default().context("loading the English model")?,
        ))),
    };
    let extractors = Extractors::all();

    let pool = worker_pool(config.threads)?;
    let reporter = Reporter::new(config.quiet, corpus.bytes_total());
    let on_progress = |p: Progress, warnings: &[actorgraph::corpus::Diagnostic]| {
        reporter.update(p, warnings);
    };
    let options = BuildOptions {
        chunk_size: 64 * pool.current_num_threads(),
        max_article_tokens: config.max_article_tokens,
    };
    let build = pool.install(|| {
        pipeline::build_cached(
            &mut corpus,
            &nlp,
            &extractors,
            options,
            cache.as_ref(),
            &on_progress,
        )
    });
    let build = match build {
        Ok(build) => build,
        Err(e) => {
            reporter.finish();
            return Err(e.into());
        }
    };
    if config.strict && !build.warnings.is_empty() {
        reporter.finish();
        anyhow::bail!(
            "{} cut short by --max-article-tokens (--strict); nothing written",
            count(build.warnings.len(), "article")
        );
    }
    if build.progress.documents == 0 {
        reporter.finish();
        // removes the (empty) staging folder; the output folder was never touched
        drop(folder);
        anyhow::bail!(
            "no articles to build: every input was skipped ({}, {}); nothing written to {}",
            count(corpus.diagnostics().len(), "warning"),
            count(corpus.skipped_files(), "other file"),
            config.out.display()
        );
    }
    let cached = match &cache {
        Some(cache) => Some(cache_summary(cache)?),
        None => None,
    };
    let skipped = (corpus.diagnostics().len(), corpus.skipped_files());
    write_outputs(
        build,
        folder,
        Written {
            out: &config.out,
            export: &config.export,
            json: config.json,
            quiet: config.quiet,
            skipped,
            cached,
        },
        &pool,
        &reporter,
        started,
    )?;
    // The process ends right after: let the OS take back the model at once.
    std::mem::forget(nlp);
    std::mem::forget(extractors);
    Ok(Outcome::Success)
}

/// What the outputs are written with, and what the summary adds.
pub(super) struct Written<'a> {
    pub(super) out: &'a Path,
    pub(super) export: &'a ExportOptions,
    pub(super) json: bool,
    pub(super) quiet: bool,
    /// Skipped inputs and other files of the corpus.
    pub(super) skipped: (usize, usize),
    /// Articles read back from the cache and processed, and cache entries pruned.
    pub(super) cached: Option<(usize, usize, usize)>,
}

/// Prunes the cache; returns the articles read back, processed and entries removed.
fn cache_summary(cache: &Cache) -> anyhow::Result<(usize, usize, usize)> {
    let (hits, misses) = cache.counts();
    let pruned = cache.prune()?;
    Ok((hits, misses, pruned))
}

/// Writes a build's outputs into `folder` and prints the summary.
pub(super) fn write_outputs(
    build: pipeline::Build,
    folder: OutputFolder,
    w: Written<'_>,
    pool: &rayon::ThreadPool,
    reporter: &Reporter,
    started: Instant,
) -> anyhow::Result<()> {
    reporter.phase(&format!("writing outputs to {}", w.out.display()));
    let written = pool
        .install(|| folder.write(&build.graph, &build.statements, w.export))
        .with_context(|| format!("writing outputs to {}", w.out.display()));
    reporter.finish();
    let written = written?;

    let seconds = started.elapsed().as_secs_f64();
    let summary = Summary {
        documents: build.progress.documents,
        skipped_inputs: w.skipped.0,
        skipped_files: w.skipped.1,
        cached: w.cached.map(|c| c.0),
        processed: w.cached.map(|c| c.1),
        cache_pruned: w.cached.map(|c| c.2),
        cut_articles: build.progress.cut,
        sentences: build.progress.sentences,
        words: build.progress.words,
        statements: build.statements.len(),
        entities: build.graph.entity_count(),
        relations: build.graph.relation_count(),
        seconds,
        build_seconds: build.seconds,
        words_per_second: build.progress.words as f64 / build.seconds.max(1e-9),
        outputs: shown(&written.files),
        removed: shown(&written.removed),
        kept: shown(&written.kept),
    };
    summary.print(w.json, w.quiet)?;
    // The process ends right after: let the OS take back the graph and the statements at
    // once rather than freeing millions of small allocations one by one.
    std::mem::forget(build);
    Ok(())
}

/// `build --partial FILE`: the map step.
fn run_partial(
    config: &BuildConfig,
    corpus: &mut corpus::Corpus,
    cache: Option<&Cache>,
    path: &Path,
    started: Instant,
) -> anyhow::Result<Outcome> {
    let nlp = NlpSource::lazy(Nlp::load_default);
    let extractors = Extractors::all();
    let pool = worker_pool(config.threads)?;
    let reporter = Reporter::new(config.quiet, corpus.bytes_total());
    let on_progress = |p: Progress, warnings: &[actorgraph::corpus::Diagnostic]| {
        reporter.update(p, warnings);
    };
    let options = BuildOptions {
        chunk_size: 64 * pool.current_num_threads(),
        max_article_tokens: config.max_article_tokens,
    };
    let target = AtomicFile::new(path)?;
    let made = pool.install(|| {
        pipeline::build_partial(
            corpus,
            &nlp,
            &extractors,
            options,
            cache,
            &on_progress,
            std::io::BufWriter::new(target.file()),
        )
    });
    reporter.finish();
    let (out, progress, warnings) = made?;
    out.into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("writing {}", path.display()))?;
    if config.strict && !warnings.is_empty() {
        anyhow::bail!(
            "{} cut short by --max-article-tokens (--strict); nothing written",
            count(warnings.len(), "article")
        );
    }
    let bytes = target.commit()?;
    let cached = match cache {
        Some(cache) => Some(cache_summary(cache)?),
        None => None,
    };
    let seconds = started.elapsed().as_secs_f64();
    print_partial_summary(
        PartialSummary {
            documents: progress.documents,
            skipped_inputs: corpus.diagnostics().len(),
            cut_articles: progress.cut,
            words: Some(progress.words),
            partial: path.display().to_string(),
            bytes,
            cached: cached.map(|c| c.0),
            processed: cached.map(|c| c.1),
            seconds,
        },
        config.json,
        config.quiet,
    )?;
    std::mem::forget(nlp);
    Ok(Outcome::Success)
}

/// A file written under a temporary name beside its place and renamed into it when
/// complete, so a reader never sees half a partial graph.
pub(super) struct AtomicFile {
    path: PathBuf,
    tmp: tempfile::NamedTempFile,
}

impl AtomicFile {
    pub(super) fn new(path: &Path) -> anyhow::Result<AtomicFile> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".actorgraph-partial");
        // readable like any file the user writes (the umask applies), not 0600
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let tmp = builder
            .tempfile_in(dir)
            .with_context(|| format!("writing {}", path.display()))?;
        Ok(AtomicFile {
            path: path.to_owned(),
            tmp,
        })
    }

    pub(super) fn file(&self) -> &std::fs::File {
        self.tmp.as_file()
    }

    /// Moves the file into place; returns its size.
    pub(super) fn commit(self) -> anyhow::Result<u64> {
        let bytes = self
            .tmp
            .as_file()
            .metadata()
            .with_context(|| format!("writing {}", self.path.display()))?
            .len();
        self.tmp
            .persist(&self.path)
            .map_err(|e| e.error)
            .with_context(|| format!("writing {}", self.path.display()))?;
        Ok(bytes)
    }
}

/// What `build --partial` and `merge --partial` did.
#[derive(serde::Serialize)]
pub(super) struct PartialSummary {
    pub(super) documents: usize,
    pub(super) skipped_inputs: usize,
    pub(super) cut_articles: usize,
    /// Words of the articles read (`build --partial` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) words: Option<usize>,
    /// The file written.
    pub(super) partial: String,
    /// Its size.
    pub(super) bytes: u64,
    /// Articles read back from the cache (with `--cache`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) cached: Option<usize>,
    /// Articles processed (with `--cache`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) processed: Option<usize>,
    pub(super) seconds: f64,
}

pub(super) fn print_partial_summary(
    s: PartialSummary,
    json: bool,
    quiet: bool,
) -> anyhow::Result<()> {
    if json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &s)?;
        writeln!(out)?;
    } else if !quiet {
        let cached = match (s.cached, s.processed) {
            (Some(c), Some(p)) => format!(" ({c} from the cache, {p} processed)"),
            _ => String::new(),
        };
        let words = s
            .words
            .map_or(String::new(), |w| format!(", {}", count(w, "word")));
        eprintln!(
            "{}{cached}{words} → {} ({:.1} MB) in {:.2} s",
            count(s.documents, "document"),
            s.partial,
            s.bytes as f64 / 1e6,
            s.seconds
        );
    }
    Ok(())
}

/// `-j n` capped at the machine's parallelism, with a note when capped.
/// The worker threads of a build or merge: `threads` of them (already capped), or rayon's
/// default of one per core.
pub(super) fn worker_pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        b = b.num_threads(n);
    }
    b.build().context("starting worker threads")
}

fn cap_threads(n: usize, quiet: bool) -> usize {
    let have = std::thread::available_parallelism().map_or(n, |p| p.get());
    if n <= have {
        return n;
    }
    if !quiet {
        eprintln!("note: -j {n} is more than the {have} CPUs available; using {have}");
    }
    have
}

fn shown(paths: &[PathBuf]) -> Vec<String> {
    paths.iter().map(|p| p.display().to_string()).collect()
}

/// What a build did.
#[derive(serde::Serialize)]
struct Summary {
    documents: usize,
    skipped_inputs: usize,
    skipped_files: usize,
    /// Articles read back from the cache (with `--cache`).
    #[serde(skip_serializing_if = "Option::is_none")]
    cached: Option<usize>,
    /// Articles processed (with `--cache`).
    #[serde(skip_serializing_if = "Option::is_none")]
    processed: Option<usize>,
    /// Cache entries removed, unused for 30 days (with `--cache`).
    #[serde(skip_serializing_if = "Option::is_none")]
    cache_pruned: Option<usize>,
    /// Articles over `--max-article-tokens`, read in part.
    cut_articles: usize,
    sentences: usize,
    words: usize,
    statements: usize,
    entities: usize,
    relations: usize,
    /// The whole run, from start-up to the last output written.
    seconds: f64,
    /// Reading, annotating and resolving the corpus (no start-up, no writing).
    build_seconds: f64,
    /// Words per second of `build_seconds`: the corpus alone.
    words_per_second: f64,
    outputs: Vec<String>,
    /// Outputs of an earlier build that this run's `--format` left out, removed.
    removed: Vec<String>,
    /// Files in the output folder that are not ours, carried over into the new one.
    kept: Vec<String>,
}

impl Summary {
    fn print(&self, json: bool, quiet: bool) -> anyhow::Result<()> {
        let mut out = std::io::stdout().lock();
        if json {
            serde_json::to_writer(&mut out, self)?;
            writeln!(out)?;
        } else if !quiet {
            let mut err = std::io::stderr().lock();
            let cut = if self.cut_articles > 0 {
                format!(", {} cut short", self.cut_articles)
            } else {
                String::new()
            };
            writeln!(
                err,
                "{} ({} skipped, {}{cut}), {}, {}",
                count(self.documents, "document"),
                self.skipped_inputs,
                count(self.skipped_files, "other file"),
                count(self.sentences, "sentence"),
                count(self.words, "word")
            )?;
            // words/s of the corpus alone: start-up and writing would dominate a small one
            writeln!(
                err,
                "{}, {}, {} in {:.2} s (the corpus alone {:.2} s: {:.0} words/s)",
                count(self.statements, "statement"),
                count(self.entities, "entity"),
                count(self.relations, "relation"),
                self.seconds,
                self.build_seconds,
                self.words_per_second
            )?;
            if let (Some(c), Some(p), Some(r)) = (self.cached, self.processed, self.cache_pruned) {
                writeln!(
                    err,
                    "cache: {c} read back, {p} processed, {} removed",
                    count(r, "unused entry")
                )?;
            }
            for o in &self.outputs {
                writeln!(err, "wrote {o}")?;
            }
            for o in &self.removed {
                writeln!(err, "removed {o} (an older output; not in --format)")?;
            }
            for o in &self.kept {
                writeln!(err, "kept {o} (not an actorgraph output)")?;
            }
        }
        Ok(())
    }
}
