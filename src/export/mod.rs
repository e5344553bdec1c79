//! Stage 6: the graph and statements → files.
//!
//! STUB: the export helper replaces this. The public surface below is the contract.

use std::path::{Path, PathBuf};

use crate::graph::{KnowledgeGraph, Statement};

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
}

/// How to write outputs.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Which formats to write.
    pub formats: Vec<Format>,
    /// Base IRI of the JSON-LD ids.
    pub base_iri: String,
}

/// Writing an output failed.
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
}

/// Writes every chosen format into `dir`, each to a temporary file renamed into place.
/// Returns the paths written.
pub fn write_all(
    _dir: &Path,
    _graph: &KnowledgeGraph,
    _statements: &[Statement],
    _options: &ExportOptions,
) -> Result<Vec<PathBuf>, ExportError> {
    Ok(Vec::new())
}
