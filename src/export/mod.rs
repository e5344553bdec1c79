//! Stage 6: the graph and statements → files.
//!
//! Every output is a [`Format`]; [`write_all`] writes the chosen ones into a folder:
//!
//! | format | files | for |
//! |---|---|---|
//! | [`Format::GraphMl`] | `graph.graphml` | networkx, igraph, yEd, Gephi, graphology |
//! | [`Format::Gexf`] | `graph.gexf` | Gephi (first-class: parallel edges stay apart), graphology |
//! | [`Format::JsonLd`] | `graph.jsonld` | RDF tools (rdflib, oxigraph, jsonld.js), and `actorgraph diff` |
//! | [`Format::Csv`] | `nodes.csv`, `edges.csv` | Gephi's spreadsheet import, pandas, spreadsheets |
//! | [`Format::Statements`] | `statements.jsonl` | scorers and scripts: one statement per line |
//! | [`Format::Entities`] | `entities.jsonl` | checking the nodes: each entity's type evidence, names and the rules that merged them |
//! | [`Format::Html`] | `graph.html` | people: the graph in a browser, every edge with its sentences, no install |
//!
//! Each writer documents its wire format (fields, ordering, stability) in its module doc.
//! All outputs share one [`FORMAT_VERSION`]; the schemas and the attribute reference are in
//! `schemas/` (see `schemas/README.md`).
//!
//! Every file is
//! - written through a `BufWriter` into a temporary file in the same folder and renamed over
//!   the target at the end, so an interrupted run never leaves half a file over a good one;
//!   A build writes the whole folder as one unit ([`folder::OutputFolder`]: a staging folder
//!   swapped in by one rename), so a kill or a full disk leaves the old set or the new one;
//! - byte-deterministic: nodes, edges and evidence in id order, one number format
//!   (confidences with three decimals), no timestamps, no tool version.

pub mod atomic;
pub mod csv;
pub mod entities;
mod fault;
pub mod folder;
pub mod gexf;
pub(crate) mod graph_xml;
pub mod graphml;
pub mod html;
pub mod jsonld;
pub mod statements;
mod xml;

use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::graph::{Evidence, KnowledgeGraph, Relation, Statement};

/// The version of every output format (GraphML keys, GEXF attributes, JSON-LD vocabulary,
/// CSV columns, `statements.jsonl` fields). Raised when a field changes meaning or
/// disappears; adding a field keeps it. Version 2: an edge's `weight` counts distinct
/// sentences and a resolved pronoun's `mention` is the text's own word (see CHANGELOG).
pub const FORMAT_VERSION: u32 = 2;

/// The oldest format version `diff` reads back (`graph.jsonld` of version 1 differs from 2
/// only in what `weight` counts and in the mentions of resolved pronouns).
pub const OLDEST_READABLE_VERSION: u32 = 1;

/// The default base IRI of the JSON-LD ids (`--base-iri`).
pub const DEFAULT_BASE_IRI: &str = "https://actorgraph.example/kg/";

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `graph.graphml`.
    GraphMl,
    /// `graph.gexf`.
    Gexf,
    /// `graph.jsonld`.
    JsonLd,
    /// `nodes.csv` and `edges.csv`.
    Csv,
    /// `statements.jsonl`.
    Statements,
    /// `entities.jsonl`.
    Entities,
    /// `graph.html`.
    Html,
}

impl Format {
    /// Every format, in the order [`write_all`] writes them.
    pub const ALL: [Format; 7] = [
        Format::GraphMl,
        Format::Gexf,
        Format::JsonLd,
        Format::Csv,
        Format::Statements,
        Format::Entities,
        Format::Html,
    ];

    /// The name used by `--format`.
    ///
    /// ```
    /// use actorgraph::export::Format;
    /// assert_eq!(Format::GraphMl.name(), "graphml");
    /// assert_eq!(Format::JsonLd.name(), "jsonld");
    /// assert_eq!(Format::Statements.name(), "statements");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::JsonLd => "jsonld",
            Format::Csv => "csv",
            Format::Statements => "statements",
            Format::Entities => "entities",
            Format::Html => "html",
        }
    }

    /// Parses [`Format::name`] (case-insensitive).
    ///
    /// ```
    /// use actorgraph::export::Format;
    /// assert_eq!(Format::from_name("GEXF"), Some(Format::Gexf));
    /// assert_eq!(Format::from_name("csv"), Some(Format::Csv));
    /// assert_eq!(Format::from_name("dot"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The extension of the format's files, without the dot.
    ///
    /// ```
    /// use actorgraph::export::Format;
    /// assert_eq!(Format::GraphMl.file_extension(), "graphml");
    /// assert_eq!(Format::Statements.file_extension(), "jsonl");
    /// ```
    pub fn file_extension(self) -> &'static str {
        match self {
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::JsonLd => "jsonld",
            Format::Csv => "csv",
            Format::Statements | Format::Entities => "jsonl",
            Format::Html => "html",
        }
    }

    /// The format with this file extension (no dot, case-insensitive).
    ///
    /// ```
    /// use actorgraph::export::Format;
    /// assert_eq!(Format::from_extension("jsonl"), Some(Format::Statements));
    /// assert_eq!(Format::from_extension("JSONLD"), Some(Format::JsonLd));
    /// assert_eq!(Format::from_extension("xml"), None);
    /// ```
    pub fn from_extension(extension: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.file_extension().eq_ignore_ascii_case(extension))
    }

    /// The media type of the format's files.
    ///
    /// ```
    /// use actorgraph::export::Format;
    /// assert_eq!(Format::JsonLd.media_type(), "application/ld+json");
    /// assert_eq!(Format::Gexf.media_type(), "application/gexf+xml");
    /// assert_eq!(Format::Csv.media_type(), "text/csv");
    /// ```
    pub fn media_type(self) -> &'static str {
        match self {
            Format::GraphMl => "application/graphml+xml",
            Format::Gexf => "application/gexf+xml",
            Format::JsonLd => "application/ld+json",
            Format::Csv => "text/csv",
            Format::Statements | Format::Entities => "application/jsonl",
            Format::Html => "text/html",
        }
    }

    /// The files the format writes, relative to the output folder.
    ///
    /// ```
    /// use actorgraph::export::Format;
    /// assert_eq!(Format::Csv.file_names(), &["nodes.csv", "edges.csv"]);
    /// assert_eq!(Format::GraphMl.file_names(), &["graph.graphml"]);
    /// ```
    pub fn file_names(self) -> &'static [&'static str] {
        match self {
            Format::GraphMl => &["graph.graphml"],
            Format::Gexf => &["graph.gexf"],
            Format::JsonLd => &["graph.jsonld"],
            Format::Csv => &["nodes.csv", "edges.csv"],
            Format::Statements => &["statements.jsonl"],
            Format::Entities => &["entities.jsonl"],
            Format::Html => &["graph.html"],
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How to write outputs.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Which formats to write (duplicates are written once).
    pub formats: Vec<Format>,
    /// Base IRI of the JSON-LD ids ([`DEFAULT_BASE_IRI`] by default): an absolute IRI
    /// ending in `/` or `#`.
    pub base_iri: String,
    /// The graph files (GraphML, GEXF, JSON-LD, CSV) hold only the relations whose
    /// confidence (as written, three decimals) is at least this, and the entities those
    /// relations name ([`KnowledgeGraph::at_confidence`]); `statements.jsonl` keeps every
    /// statement. `0` writes the whole graph; the command line's default is
    /// [`DEFAULT_MIN_CONFIDENCE`].
    pub min_confidence: f64,
}

/// The `--min-confidence` of `actorgraph build` by default: an edge is drawn when its
/// evidence is more likely right than not. On the seed corpus it keeps 49 of the 56
/// relations, the European Union–NATO cooperation among them; what it leaves out rests on
/// resolved pronouns and bare phrases.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.5;

/// Writing or reading an output failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// I/O on a file.
    #[error("writing {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// Reading a file back failed on I/O.
    #[error("reading {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A file read back is not what we write.
    #[error("{path}: {message}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A file read back has a format version this build does not know.
    #[error(
        "{path}: format version {found} is not supported (this actorgraph reads versions {OLDEST_READABLE_VERSION} to {supported}); rebuild it with this version"
    )]
    UnsupportedVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: String,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The output folder cannot be used or replaced (see [`folder`]).
    #[error("output folder {path}: {message}")]
    OutputFolder {
        /// The folder, as given.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// `--base-iri` is not an absolute IRI ending in `/` or `#`.
    #[error("base IRI {0:?} must be an absolute IRI ending in / or # (like {DEFAULT_BASE_IRI})")]
    BaseIri(String),
    /// A statement names an entity the graph does not have.
    #[error(
        "statement in {doc} (sentence {sentence}) names entity {entity}, which is not in the graph"
    )]
    UnknownEntity {
        /// Article of the statement.
        doc: String,
        /// Sentence of the statement.
        sentence: usize,
        /// The missing entity.
        entity: String,
    },
}

/// Statements to write into `statements.jsonl`: a slice in memory, or a source that reads
/// them back one at a time (the build's, so that they never are all in memory at once).
pub trait StatementSource: Sync {
    /// Fails on the first statement that names an entity `graph` does not have, so a file
    /// is not started that [`StatementSource::for_each`] could not finish.
    fn check(&self, graph: &KnowledgeGraph) -> Result<(), ExportError>;

    /// Calls `f` on every statement, in the order they are written; stops at the first error.
    fn for_each(
        &self,
        graph: &KnowledgeGraph,
        f: &mut dyn FnMut(&Statement) -> io::Result<()>,
    ) -> io::Result<()>;

    /// Calls `f` once with the evidence of `relation`, in evidence order (the JSON-LD
    /// writer's evidence nodes). The default gives [`Relation::evidence`]; a source whose
    /// build kept the evidence out of the graph (its relations have
    /// [`Relation::evidence_keys`]) reads it back.
    fn with_evidence(
        &self,
        relation: &Relation,
        f: &mut dyn FnMut(&[Evidence]) -> io::Result<()>,
    ) -> io::Result<()> {
        f(&relation.evidence)
    }
}

impl StatementSource for [Statement] {
    fn check(&self, graph: &KnowledgeGraph) -> Result<(), ExportError> {
        statements::check(graph, self)
    }

    fn for_each(
        &self,
        _graph: &KnowledgeGraph,
        f: &mut dyn FnMut(&Statement) -> io::Result<()>,
    ) -> io::Result<()> {
        self.iter().try_for_each(f)
    }
}

/// Writes every chosen format into `dir` (created if missing), each file to a temporary
/// file renamed into place. Returns the paths written, in [`Format::ALL`] order.
pub fn write_all(
    dir: &Path,
    graph: &KnowledgeGraph,
    statements: &[Statement],
    options: &ExportOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    write_all_from(dir, graph, statements, options)
}

/// [`write_all`] with the statements from any [`StatementSource`].
pub fn write_all_from(
    dir: &Path,
    graph: &KnowledgeGraph,
    statements: &(impl StatementSource + ?Sized),
    options: &ExportOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    // Everything that can fail before writing is checked first, so bad input writes nothing.
    let selected: Vec<Format> = Format::ALL
        .into_iter()
        .filter(|f| options.formats.contains(f))
        .collect();
    let jsonld_writer = if selected.contains(&Format::JsonLd) {
        Some(jsonld::JsonLdWriter::new(&options.base_iri)?)
    } else {
        None
    };
    if selected.contains(&Format::Statements) {
        statements.check(graph)?;
    }
    // The graph files show the relations at or above the confidence floor; statements.jsonl
    // names entities of the whole graph.
    let filtered;
    let full = graph;
    let graph = if options.min_confidence > 0.0 {
        filtered = full.at_confidence(options.min_confidence);
        &filtered
    } else {
        full
    };
    // One job per file, written in parallel: each is independent and atomic.
    let mut jobs: Vec<(PathBuf, FileJob<'_>)> = Vec::new();
    for format in selected {
        match format {
            Format::GraphMl => jobs.push((dir.join("graph.graphml"), FileJob::GraphMl)),
            Format::Gexf => jobs.push((dir.join("graph.gexf"), FileJob::Gexf)),
            Format::JsonLd => {
                if let Some(writer) = &jsonld_writer {
                    jobs.push((dir.join("graph.jsonld"), FileJob::JsonLd(writer)));
                }
            }
            Format::Csv => {
                jobs.push((dir.join("nodes.csv"), FileJob::Nodes));
                jobs.push((dir.join("edges.csv"), FileJob::Edges));
            }
            Format::Statements => jobs.push((dir.join("statements.jsonl"), FileJob::Statements)),
            Format::Entities => jobs.push((dir.join("entities.jsonl"), FileJob::Entities)),
            Format::Html => jobs.push((dir.join("graph.html"), FileJob::Html)),
        }
    }
    // Longest first on a shared queue (each worker takes the next file when it is done), so
    // the biggest file never starts last and leaves the other workers idle at the end.
    let mut queue: Vec<usize> = (0..jobs.len()).collect();
    queue.sort_by_key(|&i| jobs[i].1.rank());
    let results: Vec<Mutex<Option<Result<(), ExportError>>>> =
        jobs.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let workers = rayon::current_num_threads().clamp(1, jobs.len().max(1));
    (0..workers).into_par_iter().for_each(|_| {
        while let Some(&i) = queue.get(next.fetch_add(1, Ordering::Relaxed)) {
            let (path, job) = &jobs[i];
            let result = atomic::write(path, |w| {
                fault::before_file()?;
                match job {
                    FileJob::GraphMl => graphml::write(w, graph),
                    FileJob::Gexf => gexf::write(w, graph),
                    FileJob::JsonLd(writer) => writer.write_with(w, graph, statements),
                    FileJob::Nodes => csv::write_nodes(w, graph),
                    FileJob::Edges => csv::write_edges(w, graph),
                    FileJob::Statements => statements::write_from(w, full, statements),
                    FileJob::Entities => entities::write(w, full),
                    FileJob::Html => html::write(w, graph, statements),
                }
            });
            if result.is_ok() {
                fault::after_file();
            }
            *results[i].lock().expect("no writer panicked") = Some(result);
        }
    });
    let results = results.into_iter().map(|r| {
        r.into_inner()
            .expect("no writer panicked")
            .expect("every file was written")
    });
    // The first error in file order, so the message does not depend on timing.
    results.into_iter().collect::<Result<(), _>>()?;
    Ok(jobs.into_iter().map(|(path, _)| path).collect())
}

/// One output file of [`write_all`].
enum FileJob<'a> {
    GraphMl,
    Gexf,
    JsonLd(&'a jsonld::JsonLdWriter),
    Nodes,
    Edges,
    Statements,
    Entities,
    Html,
}

impl FileJob<'_> {
    /// Where the file goes in the writing queue: the slowest first (measured on a large
    /// corpus: JSON-LD, the page (its layout), statements, GEXF, GraphML, then the two CSV
    /// files).
    fn rank(&self) -> u8 {
        match self {
            FileJob::JsonLd(_) => 0,
            FileJob::Html => 1,
            FileJob::Statements => 2,
            FileJob::Gexf => 3,
            FileJob::GraphMl => 4,
            FileJob::Edges => 5,
            FileJob::Nodes => 6,
            FileJob::Entities => 7,
        }
    }
}

/// A confidence as written everywhere: clamped to `[0, 1]`, three decimals, `0.000` for
/// NaN.
///
/// ```
/// use actorgraph::export::format_confidence;
/// assert_eq!(format_confidence(0.9), "0.900");
/// assert_eq!(format_confidence(f64::NAN), "0.000");
/// assert_eq!(format_confidence(1.7), "1.000");
/// ```
pub fn format_confidence(value: f64) -> String {
    format!("{:.3}", clean_confidence(value))
}

/// A confidence clamped to `[0, 1]` and rounded to three decimals (`0` for NaN).
pub(crate) fn clean_confidence(value: f64) -> f64 {
    if value.is_nan() {
        return 0.0;
    }
    (value.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

/// A JSON array of strings on one line, `["a", "b"]`: the list encoding of GraphML, GEXF
/// (`liststring`, as Gephi writes it) and CSV cells.
pub(crate) fn json_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(64);
    out.push(b'[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        serde_json::to_writer(&mut out, item).expect("a string always serializes");
    }
    out.push(b']');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_list_quotes_and_escapes() {
        assert_eq!(json_list(["a", "b \"c\""]), r#"["a", "b \"c\""]"#);
        assert_eq!(json_list(Vec::<&str>::new()), "[]");
    }
}
