//! Stage 3: parsed sentences → actor–action–target [`Triple`]s.
//!
//! STUB: the extract helper replaces this. The public surface below is the contract.

use crate::model::{AnnotatedArticle, Triple};

/// The set of extractors a run uses.
#[derive(Clone, Debug)]
pub struct Extractors {
    _private: (),
}

impl Extractors {
    /// Every built-in extractor.
    pub fn all() -> Extractors {
        Extractors { _private: () }
    }
}

/// Runs the extractors over every body sentence of an article.
pub fn run(_extractors: &Extractors, _doc: &AnnotatedArticle) -> Vec<Triple> {
    Vec::new()
}
