//! Beside the pipeline: what changed between two graphs (two corpus versions).
//!
//! STUB: the diff helper replaces this. The public surface below is the contract.

use crate::graph::KnowledgeGraph;

/// The differences between two graphs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphDiff {
    _private: (),
}

impl GraphDiff {
    /// True when the graphs are the same.
    pub fn is_empty(&self) -> bool {
        true
    }
}

/// Compares two graphs, keyed by entity and relation ids.
pub fn diff(_old: &KnowledgeGraph, _new: &KnowledgeGraph) -> GraphDiff {
    GraphDiff::default()
}
