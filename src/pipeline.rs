//! The build: corpus → nlp → extract → resolve → graph.
//!
//! Articles are pulled from the [`Corpus`] in chunks; each chunk's articles are annotated,
//! extracted and resolved in parallel (rayon), then folded into the [`Resolver`] in input
//! order. Only per-document summaries survive a chunk: the local entity tables go to the
//! resolver (which keeps each distinct summary once), and the statements to a spool (an
//! unnamed temporary file); never the article text. Once entities are resolved the spool is
//! read back one document group at a time, to build the graph, and again by
//! [`Statements`] while `statements.jsonl` is written. Building the graph counts each
//! statement in its relation's [`Tally`](crate::graph::Tally) and writes its evidence to a
//! second temporary file, read back relation by relation while `graph.jsonld` is written:
//! memory holds no statement text after a document group is done. Everything that reaches the outputs
//! is sorted by content, so the bytes do not depend on the number of threads or on the
//! order of the inputs.
//!
//! The build splits at the fold: [`build_partial`] (the map step) writes each article's
//! result to a partial graph ([`partial`]) instead of folding it, and [`merge`] (the reduce
//! step) folds the documents of partial graphs exactly as [`build`] folds articles, so its
//! outputs are the same bytes. [`build_cached`] reads each article's result back from a
//! [`Cache`] when it holds it.

pub mod cache;
mod evidence;
pub mod partial;
mod record;
mod spool;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::corpus::{Corpus, CorpusError, Diagnostic};
use crate::export;
use crate::extract::{self, Extractors};
use crate::graph::{
    ArticleMeta, EntityRef, Evidence, GraphError, KnowledgeGraph, Relation, Statement,
};
use crate::model::{
    Action, AnnotatedArticle, ArgKind, Argument, Article, CharSpan, Modality, Polarity, Span,
};
use crate::nlp::Nlp;
use crate::resolve::{self, DocEntities, EntityMap, LocalId, Resolver};

pub use cache::{Cache, CacheError};
pub use partial::{PartialError, PartialReader};

/// Building failed.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The corpus could not be read.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// The resolver returned a statement whose entity is unknown (a bug).
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// The temporary file that holds statements during the build failed.
    #[error("temporary statement file")]
    Spool(#[source] std::io::Error),
    /// The temporary file that holds the relations' evidence, from the build until
    /// `graph.jsonld` is written, failed.
    #[error("temporary evidence file (unnamed, in {dir})")]
    Evidence {
        /// The folder of temporary files it is in.
        dir: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The English model could not be loaded.
    #[error("loading the English model: {0}")]
    Model(String),
    /// The build cache failed.
    #[error(transparent)]
    Cache(#[from] CacheError),
    /// A partial graph could not be read.
    #[error(transparent)]
    Partial(#[from] PartialError),
    /// The resolver lost an entity it had handed out (a bug).
    #[error("document {doc}: local entity {local} has no corpus entity")]
    Unresolved {
        /// Article id.
        doc: String,
        /// Local id.
        local: u32,
    },
}

/// How to build.
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions {
    /// Articles handed to the thread pool at once.
    pub chunk_size: usize,
    /// The work budget of one article, in tokens: an article with more is read up to the
    /// last whole sentence within the budget and the rest is left out, with a warning
    /// ([`Nlp::annotate_within`]). It bounds an article's time (the cost of a sentence is
    /// bounded) without making the output depend on the machine's speed.
    pub max_article_tokens: usize,
}

/// The default of [`BuildOptions::max_article_tokens`] (`--max-article-tokens`): about two
/// seconds of one core of the development machine, twenty times the longest BBC article.
pub const DEFAULT_MAX_ARTICLE_TOKENS: usize = 100_000;

/// What a build is doing, for the progress line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Phase {
    /// Reading the articles, annotating them, extracting and resolving each one.
    #[default]
    Reading,
    /// Resolving entities across the corpus and building the graph.
    Resolving,
}

/// Counts reported while building and at the end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Articles processed.
    pub documents: usize,
    /// Whitespace-separated words of their texts.
    pub words: usize,
    /// Sentences found.
    pub sentences: usize,
    /// Statements kept after resolution.
    pub statements: usize,
    /// Articles cut short by [`BuildOptions::max_article_tokens`].
    pub cut: usize,
    /// What the build is doing.
    pub phase: Phase,
    /// Bytes of the inputs read.
    pub bytes_read: u64,
    /// Bytes of all inputs (`None` when stdin is one).
    pub bytes_total: Option<u64>,
}

/// The result of a build.
#[derive(Debug)]
pub struct Build {
    /// The graph, with isolated entities pruned.
    pub graph: KnowledgeGraph,
    /// Every statement, sorted by (doc, sentence, span, extractor, actor, action, target),
    /// read back from disk when written.
    pub statements: Statements,
    /// Final counts.
    pub progress: Progress,
    /// Wall-clock seconds of the build (without writing outputs).
    pub seconds: f64,
    /// Articles cut short by the work budget, one warning each naming the article.
    pub warnings: Vec<Diagnostic>,
}

/// A statement whose entities are still document-local.
struct Pending {
    sentence: usize,
    span: Span,
    char_span: CharSpan,
    /// The sentence, shared by every statement of the sentence and later by its
    /// [`Statement`] and [`Evidence`].
    text: Arc<str>,
    actor: (LocalId, Mention),
    target: (LocalId, Mention),
    attributed_to: Option<(LocalId, Mention)>,
    action: Action,
    polarity: Polarity,
    modality: Modality,
    confidence: f32,
    extractor: &'static str,
}

/// How an argument was written: its words, and whether they are a pronoun (which the
/// outputs keep as written, marked resolved: [`EntityRef::pronoun`]).
#[derive(Clone)]
struct Mention {
    text: String,
    pronoun: bool,
}

impl Mention {
    fn of(argument: Argument) -> Mention {
        Mention {
            pronoun: argument.kind == ArgKind::Pronoun,
            text: argument.text,
        }
    }
}

/// What one article leaves behind.
struct DocOutput {
    meta: ArticleMeta,
    words: usize,
    sentences: usize,
    pending: Vec<Pending>,
    entities: DocEntities,
    /// The warning when the article was over its work budget.
    cut: Option<Diagnostic>,
}

/// Runs stages 2–4 on one article. Pure: no I/O.
fn process(nlp: &Nlp, extractors: &Extractors, article: Article, budget: usize) -> DocOutput {
    let words = article.text.split_whitespace().count();
    let meta = ArticleMeta {
        id: article.id.clone(),
        title: article.title.clone(),
        date: article.date.clone(),
        url: article.url.clone(),
    };
    let origin = article.origin.clone();
    let (doc, cut): (AnnotatedArticle, _) = nlp.annotate_within(article, budget);
    let words = match (&cut, doc.sentences.last()) {
        (None, _) => words,
        (Some(_), None) => 0,
        (Some(_), Some(last)) => doc
            .article
            .text
            .get(..last.span.end)
            .map_or(0, |t| t.split_whitespace().count()),
    };
    let cut = cut.map(|c| Diagnostic {
        origin,
        message: format!(
            "article {:?} cut short: over its work budget ({budget} tokens, a tenth of them \
             names; --max-article-tokens), only its first {} of {} sentences ({} of {} tokens) \
             were read",
            meta.id, c.sentences_read, c.sentences, c.tokens_read, c.tokens
        ),
    });
    let triples = extract::run(extractors, &doc);
    let entities = resolve::document(&doc, &triples);
    let char_starts = char_offsets(&doc);
    let mut pending = Vec::with_capacity(triples.len());
    // Triples come sentence by sentence: share each sentence's text between its statements.
    let mut shared: Option<(Span, Arc<str>)> = None;
    for (i, t) in triples.into_iter().enumerate() {
        let Some(refs) = entities.refs(i) else {
            continue;
        };
        if t.claim && refs.attributed_to.is_none() {
            continue;
        }
        let text = &doc.article.text;
        let (char_start, char_end) = char_starts
            .get(t.sentence)
            .copied()
            .unwrap_or_else(|| (char_index(text, t.span.start), char_index(text, t.span.end)));
        let quote = match &shared {
            Some((span, quote)) if *span == t.span => Arc::clone(quote),
            _ => {
                let quote: Arc<str> = Arc::from(text.get(t.span.range()).unwrap_or_default());
                shared = Some((t.span, Arc::clone(&quote)));
                quote
            }
        };
        pending.push(Pending {
            sentence: t.sentence,
            span: t.span,
            char_span: CharSpan::new(char_start, char_end),
            text: quote,
            actor: (refs.actor, Mention::of(t.actor)),
            target: (refs.target, Mention::of(t.target)),
            attributed_to: refs.attributed_to.zip(t.attributed_to.map(Mention::of)),
            action: t.action,
            polarity: t.polarity,
            modality: t.modality,
            confidence: t.confidence,
            extractor: t.extractor,
        });
    }
    pending.shrink_to_fit();
    DocOutput {
        meta,
        words,
        sentences: doc.sentences.len(),
        pending,
        entities,
        cut,
    }
}

/// Character offsets of each sentence's span, computed in one pass.
fn char_offsets(doc: &AnnotatedArticle) -> Vec<(usize, usize)> {
    let text = &doc.article.text;
    let mut out = Vec::with_capacity(doc.sentences.len());
    let (mut byte, mut chars) = (0usize, 0usize);
    for s in &doc.sentences {
        if s.span.start < byte || s.span.end > text.len() {
            // Out of order or out of bounds: fall back to counting from the start.
            out.push((char_index(text, s.span.start), char_index(text, s.span.end)));
            continue;
        }
        chars += text
            .get(byte..s.span.start)
            .map_or(0, |t| t.chars().count());
        let start = chars;
        chars += text.get(s.span.range()).map_or(0, |t| t.chars().count());
        byte = s.span.end;
        out.push((start, chars));
    }
    out
}

fn char_index(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .map_or(0, |t| t.chars().count())
}

/// Where a build's English model comes from: loaded already, or loaded on first use (a
/// build whose articles all come from the cache never loads it).
pub enum NlpSource<'a> {
    /// A loaded model.
    Ready(&'a Nlp),
    /// A loader, run at most once, when the first article must be processed.
    Lazy(
        Box<std::sync::OnceLock<Result<Nlp, String>>>,
        fn() -> Result<Nlp, crate::nlp::NlpError>,
    ),
}

impl NlpSource<'_> {
    /// A source that loads the model with `load` when first needed.
    pub fn lazy(load: fn() -> Result<Nlp, crate::nlp::NlpError>) -> NlpSource<'static> {
        NlpSource::Lazy(Box::default(), load)
    }

    fn get(&self) -> Result<&Nlp, PipelineError> {
        match self {
            NlpSource::Ready(nlp) => Ok(nlp),
            NlpSource::Lazy(cell, load) => cell
                .get_or_init(|| load().map_err(|e| format!("{e:#}")))
                .as_ref()
                .map_err(|e| PipelineError::Model(e.clone())),
        }
    }
}

/// Builds the graph from every article of `corpus`, calling `on_progress` after each chunk
/// and when the phase changes, with the warnings that came up since the last call (the
/// corpus's skipped files and lines, articles cut short), so they can be shown as they
/// happen.
pub fn build(
    corpus: &mut Corpus,
    nlp: &Nlp,
    extractors: &Extractors,
    options: BuildOptions,
    on_progress: &(dyn Fn(Progress, &[Diagnostic]) + Sync),
) -> Result<Build, PipelineError> {
    build_cached(
        corpus,
        &NlpSource::Ready(nlp),
        extractors,
        options,
        None,
        on_progress,
    )
}

/// [`build`], reading each article's result from `cache` when it holds it and storing
/// the others there ([`Cache`]); the outputs are the same bytes as without the cache.
pub fn build_cached(
    corpus: &mut Corpus,
    nlp: &NlpSource<'_>,
    extractors: &Extractors,
    options: BuildOptions,
    cache: Option<&Cache>,
    on_progress: &(dyn Fn(Progress, &[Diagnostic]) + Sync),
) -> Result<Build, PipelineError> {
    let started = Instant::now();
    let mut fold = Fold::new()?;
    let (progress, warnings) = read_corpus(
        corpus,
        nlp,
        extractors,
        options,
        cache,
        on_progress,
        &mut |out| fold.add(out),
    )?;
    fold.finish(progress, warnings, started)
}

/// The map step: processes every article of `corpus` (reading and filling `cache` when
/// given) and writes their records to `out` as a partial graph ([`partial`]), without
/// resolving anything across documents. Returns the writer, the counts and the warnings.
pub fn build_partial<W: std::io::Write>(
    corpus: &mut Corpus,
    nlp: &NlpSource<'_>,
    extractors: &Extractors,
    options: BuildOptions,
    cache: Option<&Cache>,
    on_progress: &(dyn Fn(Progress, &[Diagnostic]) + Sync),
    out: W,
) -> Result<(W, Progress, Vec<Diagnostic>), PipelineError> {
    let mut records = partial::RecordSpool::new().map_err(PipelineError::Spool)?;
    let (progress, warnings) = read_corpus(
        corpus,
        nlp,
        extractors,
        options,
        cache,
        on_progress,
        &mut |out| records.add(&out).map_err(PipelineError::Spool),
    )?;
    debug_assert_eq!(records.len(), progress.documents);
    let (out, _) = records
        .write_to(out, options.max_article_tokens as u64)
        .map_err(PipelineError::Spool)?;
    Ok((out, progress, warnings))
}

/// The reduce step: resolves the documents of partial graphs into the graph that one
/// [`build`] of the same documents makes, byte for byte. Reads each input once, front to
/// back, one document at a time.
pub fn merge(
    inputs: &mut [PartialReader],
    on_progress: &(dyn Fn(Progress, &[Diagnostic]) + Sync),
) -> Result<Build, PipelineError> {
    let started = Instant::now();
    let mut fold = Fold::new()?;
    let mut progress = Progress {
        bytes_total: None,
        ..Progress::default()
    };
    let mut warnings = Vec::new();
    let mut fresh = Vec::new();
    partial::for_each_doc(inputs, |out| {
        count(&mut progress, &out, &mut fresh, &mut warnings);
        if progress.documents.is_multiple_of(1024) {
            on_progress(progress, &fresh);
            fresh.clear();
        }
        fold.add(out)
    })?;
    on_progress(progress, &fresh);
    progress.phase = Phase::Resolving;
    on_progress(progress, &[]);
    fold.finish(progress, warnings, started)
}

/// Counts one document in `progress`, and its warning.
fn count(
    progress: &mut Progress,
    out: &DocOutput,
    fresh: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) {
    if let Some(cut) = &out.cut {
        progress.cut += 1;
        fresh.push(cut.clone());
        warnings.push(cut.clone());
    }
    progress.documents += 1;
    progress.words += out.words;
    progress.sentences += out.sentences;
}

/// Reads the corpus chunk by chunk, processes each chunk's articles in parallel (or reads
/// them from the cache), and hands each result to `sink` in input order.
fn read_corpus(
    corpus: &mut Corpus,
    nlp: &NlpSource<'_>,
    extractors: &Extractors,
    options: BuildOptions,
    cache: Option<&Cache>,
    on_progress: &(dyn Fn(Progress, &[Diagnostic]) + Sync),
    sink: &mut dyn FnMut(DocOutput) -> Result<(), PipelineError>,
) -> Result<(Progress, Vec<Diagnostic>), PipelineError> {
    let mut progress = Progress {
        bytes_total: corpus.bytes_total(),
        ..Progress::default()
    };
    let mut warnings = Vec::new();
    // the corpus's warnings already handed to `on_progress`
    let mut told = 0;
    let mut fresh = Vec::new();
    let chunk_size = options.chunk_size.max(1);
    let budget = options.max_article_tokens;
    loop {
        let mut chunk = Vec::with_capacity(chunk_size);
        while chunk.len() < chunk_size {
            match corpus.next()? {
                Some(article) => chunk.push(article),
                None => break,
            }
        }
        if chunk.is_empty() {
            break;
        }
        // Cache look-ups first; the model is loaded (once, outside the thread pool's
        // work) only when an article must be processed.
        let looked: Vec<(Article, Option<PathBuf>, Option<DocOutput>)> = match cache {
            None => chunk.into_iter().map(|a| (a, None, None)).collect(),
            Some(cache) => chunk
                .into_par_iter()
                .map(|article| {
                    let path = cache.path_of(&article);
                    let mut hit = cache.get(&path, &article);
                    if let Some(cut) = hit.as_mut().and_then(|out| out.cut.as_mut()) {
                        // the warning names where the article is now
                        cut.origin = article.origin.clone();
                    }
                    (article, Some(path), hit)
                })
                .collect(),
        };
        if looked.iter().any(|(_, _, hit)| hit.is_none()) {
            nlp.get()?;
        }
        let outputs: Vec<Result<DocOutput, PipelineError>> = looked
            .into_par_iter()
            .map(|(article, path, hit)| {
                if let Some(out) = hit {
                    return Ok(out);
                }
                let out = process(nlp.get()?, extractors, article, budget);
                if let (Some(cache), Some(path)) = (cache, path) {
                    cache.put(&path, &out)?;
                }
                Ok(out)
            })
            .collect();
        fresh.clear();
        fresh.extend_from_slice(&corpus.diagnostics()[told..]);
        told = corpus.diagnostics().len();
        for out in outputs {
            let out = out?;
            count(&mut progress, &out, &mut fresh, &mut warnings);
            sink(out)?;
        }
        progress.bytes_read = corpus.bytes_read();
        on_progress(progress, &fresh);
    }
    progress.bytes_read = corpus.bytes_read();
    progress.phase = Phase::Resolving;
    on_progress(progress, &corpus.diagnostics()[told..]);
    Ok((progress, warnings))
}

/// The corpus-wide fold of documents' results: the resolver, each document's metadata and
/// its statements on the spool.
struct Fold {
    resolver: Resolver,
    docs: Vec<(ArticleMeta, spool::Slot)>,
    spool: spool::Spool,
}

impl Fold {
    fn new() -> Result<Fold, PipelineError> {
        Ok(Fold {
            resolver: Resolver::new(),
            docs: Vec::new(),
            spool: spool::Spool::new().map_err(PipelineError::Spool)?,
        })
    }

    fn add(&mut self, out: DocOutput) -> Result<(), PipelineError> {
        self.resolver.add(&out.meta.id, out.entities);
        let slot = self
            .spool
            .write_doc(&out.pending)
            .map_err(PipelineError::Spool)?;
        self.docs.push((out.meta, slot));
        Ok(())
    }

    /// Resolves the entities, builds the graph and reads the statements back once.
    fn finish(
        self,
        mut progress: Progress,
        warnings: Vec<Diagnostic>,
        started: Instant,
    ) -> Result<Build, PipelineError> {
        let Fold {
            resolver,
            docs,
            spool,
        } = self;
        progress.phase = Phase::Resolving;
        let resolution = resolver.finish();
        let (entities, map) = resolution.into_parts_with_evidence();
        let mut graph = KnowledgeGraph::new();
        for (entity, evidence) in entities {
            graph.add_entity_with_evidence(entity, evidence);
        }
        // Documents in id order; documents sharing an id stay in input order, as one group.
        let mut order: Vec<u32> = (0..docs.len())
            .map(|d| u32::try_from(d).expect("fewer than 2^32 documents"))
            .collect();
        order.sort_by(|&a, &b| docs[a as usize].0.id.cmp(&docs[b as usize].0.id));
        let mut statements = Statements {
            spool: spool.into_reader().map_err(PipelineError::Spool)?,
            evidence: None,
            docs: Vec::with_capacity(docs.len()),
            order,
            map,
            count: 0,
        };
        for (meta, slot) in docs {
            statements.docs.push((meta.id.clone(), slot));
            graph.add_article(meta);
        }
        // The first pass over the spool: every statement is counted in its relation's tally
        // and its evidence goes to the evidence spool (mentions unused). A group is one
        // article id, and groups come in id order: so each relation's statements, taken in
        // (sentence, span, extractor, surface) order within the group (ties in walk order),
        // arrive in evidence order, as `KnowledgeGraph::finish` would sort them.
        let mut spooled = evidence::EvidenceSpool::new().map_err(evidence_error)?;
        let mut count = 0;
        let mut by_evidence: Vec<usize> = Vec::new();
        statements.walk(|group| {
            count += group.len();
            let Some(first) = group.first() else {
                return Ok::<_, PipelineError>(());
            };
            let doc: Arc<str> = Arc::from(first.doc.as_str());
            by_evidence.clear();
            by_evidence.extend(0..group.len());
            by_evidence.sort_by(|&a, &b| {
                let (a, b) = (&group[a], &group[b]);
                (a.sentence, a.span, &a.extractor, &a.action.surface).cmp(&(
                    b.sentence,
                    b.span,
                    &b.extractor,
                    &b.action.surface,
                ))
            });
            for &i in &by_evidence {
                let s = &group[i];
                let key = spooled.write(s).map_err(evidence_error)?;
                graph.count_evidence(s, &doc, key)?;
            }
            Ok(())
        })?;
        statements.evidence = Some(spooled.into_reader().map_err(evidence_error)?);
        statements.count = count;
        graph.finish();
        graph.prune_isolated();
        progress.statements = count;
        Ok(Build {
            graph,
            statements,
            progress,
            seconds: started.elapsed().as_secs_f64(),
            warnings,
        })
    }
}

/// A failure of the evidence spool, naming where it is.
fn evidence_error(source: std::io::Error) -> PipelineError {
    PipelineError::Evidence {
        dir: std::env::temp_dir(),
        source,
    }
}

/// The statements of a build, kept on the spool and read back, document by document, each
/// time they are needed: memory holds one document's statements at a time. They also hold
/// the evidence of the build's relations (which the graph counts but does not keep), read
/// back relation by relation by [`export::StatementSource::with_evidence`].
pub struct Statements {
    spool: spool::SpoolReader,
    /// Every statement's evidence, by the keys in [`Relation::evidence_keys`].
    evidence: Option<evidence::EvidenceReader>,
    /// Each document's id and place on the spool, in input order.
    docs: Vec<(String, spool::Slot)>,
    /// Document numbers sorted by id (input order among equal ids).
    order: Vec<u32>,
    map: EntityMap,
    count: usize,
}

impl std::fmt::Debug for Statements {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Statements")
            .field("documents", &self.docs.len())
            .field("statements", &self.count)
            .finish()
    }
}

impl Statements {
    /// Number of statements.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when the build found no statement.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Calls `f` on the statements of each article id in turn, ids in order, each group
    /// sorted by (doc, sentence, span, extractor, actor, action, target), one statement per
    /// fact and sentence. Each side keeps the words of the text (`he`), marked
    /// [`EntityRef::pronoun`] when coreference resolved a pronoun to its entity.
    fn walk<E: From<PipelineError>>(
        &self,
        mut f: impl FnMut(&[Statement]) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut statements: Vec<Statement> = Vec::new();
        let mut at = 0;
        while at < self.order.len() {
            // One group: the documents with this id.
            let id = &self.docs[self.order[at] as usize].0;
            statements.clear();
            while let Some(&d) = self.order.get(at) {
                let (doc, slot) = &self.docs[d as usize];
                if doc != id {
                    break;
                }
                at += 1;
                let pending = self.spool.read_doc(*slot).map_err(PipelineError::Spool)?;
                for p in pending {
                    let entity = |local: LocalId, mention: Mention| {
                        let id = self.map.entity_id(doc, local).cloned().ok_or_else(|| {
                            PipelineError::Unresolved {
                                doc: doc.clone(),
                                local: local.0,
                            }
                        })?;
                        Ok::<_, PipelineError>(EntityRef {
                            id,
                            mention: mention.text,
                            pronoun: mention.pronoun,
                        })
                    };
                    statements.push(Statement {
                        doc: doc.clone(),
                        sentence: p.sentence,
                        span: p.span,
                        char_span: p.char_span,
                        text: p.text,
                        actor: entity(p.actor.0, p.actor.1)?,
                        action: p.action,
                        target: entity(p.target.0, p.target.1)?,
                        polarity: p.polarity,
                        modality: p.modality,
                        attributed_to: match p.attributed_to {
                            Some((local, mention)) => Some(entity(local, mention)?),
                            None => None,
                        },
                        confidence: p.confidence,
                        extractor: p.extractor.to_owned(),
                    });
                }
            }
            // One sentence can yield the same statement twice (two extractors, two readings
            // of one clause): keep the first in sort order, so an edge's weight counts
            // sentences.
            sort_statements(&mut statements);
            statements.dedup_by(|later, first| same_fact(first, later));
            f(&statements)?;
        }
        Ok(())
    }
}

impl export::StatementSource for Statements {
    /// Every statement names entities of the graph it was built with: nothing to check.
    fn check(&self, _graph: &KnowledgeGraph) -> Result<(), export::ExportError> {
        Ok(())
    }

    fn for_each(
        &self,
        _graph: &KnowledgeGraph,
        f: &mut dyn FnMut(&Statement) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.walk(|group| group.iter().try_for_each(|s| f(s).map_err(WalkError::Io)))
            .map_err(|e| match e {
                WalkError::Io(e) => e,
                WalkError::Pipeline(e) => std::io::Error::other(e),
            })
    }

    /// The relation's own evidence when it holds it; else its statements' records read
    /// back from the evidence spool by [`Relation::evidence_keys`].
    fn with_evidence(
        &self,
        relation: &Relation,
        f: &mut dyn FnMut(&[Evidence]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        if relation.evidence_keys.is_empty() {
            return f(&relation.evidence);
        }
        let reader = self.evidence.as_ref().ok_or_else(|| {
            std::io::Error::other(format!(
                "relation {}: its evidence was kept by another build",
                relation.id
            ))
        })?;
        let mut evidence = Vec::with_capacity(relation.evidence_keys.len());
        reader
            .read(&relation.evidence_keys, &mut evidence)
            .map_err(|e| std::io::Error::other(evidence_error(e)))?;
        f(&evidence)
    }
}

/// A failure while writing statements read back from the spool.
enum WalkError {
    Io(std::io::Error),
    Pipeline(PipelineError),
}

impl From<PipelineError> for WalkError {
    fn from(e: PipelineError) -> WalkError {
        WalkError::Pipeline(e)
    }
}

/// Sorts by [`statement_key`], ties kept in input order (as a stable sort would), without
/// the stable sort's buffer of half the statements: sorts their indices and moves each
/// statement into place along the permutation's cycles.
fn sort_statements(statements: &mut [Statement]) {
    let mut order: Vec<usize> = (0..statements.len()).collect();
    order.sort_by(|&a, &b| statement_key(&statements[a]).cmp(&statement_key(&statements[b])));
    // Position i receives the statement at order[i]; a finished position is marked by
    // order[i] == i.
    for start in 0..order.len() {
        let mut current = start;
        loop {
            let next = order[current];
            order[current] = current;
            if next == start || next == current {
                break;
            }
            statements.swap(current, next);
            current = next;
        }
    }
}

fn same_fact(a: &Statement, b: &Statement) -> bool {
    a.doc == b.doc
        && a.sentence == b.sentence
        && a.actor.id == b.actor.id
        && a.action.label == b.action.label
        && a.target.id == b.target.id
}

type StatementKey<'a> = (
    &'a str,
    usize,
    Span,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    Polarity,
    Modality,
    Option<&'a str>,
);

fn statement_key(s: &Statement) -> StatementKey<'_> {
    (
        &s.doc,
        s.sentence,
        s.span,
        s.actor.id.as_str(),
        &s.action.label,
        s.target.id.as_str(),
        &s.extractor,
        s.polarity,
        s.modality,
        s.attributed_to.as_ref().map(|a| a.id.as_str()),
    )
}
