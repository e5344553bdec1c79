//! actorgraph turns a corpus of news articles into a knowledge graph of who did what to whom.
//!
//! The pipeline has six stages, each a module with one entry point and a typed hand-off:
//!
//! 1. [`corpus`]: read articles from folders, files, JSONL or stdin → [`model::Article`].
//! 2. [`nlp`]: split sentences, tokenize, tag, lemmatize and parse → [`model::AnnotatedArticle`].
//! 3. [`extract`]: find actor–action–target statements in the parses → [`model::Triple`]s.
//! 4. [`resolve`]: turn mentions into entities, inside a document and across the corpus
//!    → [`resolve::Resolution`] with stable [`model::EntityId`]s.
//! 5. [`graph`]: one edge per (actor, action, target), weighted by its evidence
//!    → [`graph::KnowledgeGraph`].
//! 6. [`export`]: GraphML, GEXF, JSON-LD, CSV and `statements.jsonl`.
//!
//! Beside them, [`diff`] compares two graphs (two corpus versions).
//! [`pipeline`] runs the stages; it can also stop after stage 4 and write a partial graph
//! ([`pipeline::partial`]), merge partial graphs into the graph one build would make
//! ([`pipeline::merge`]), and keep each article's result in a cache ([`pipeline::Cache`]).
//!
//! Only [`corpus`] and [`export`] do I/O; the stages in between are pure functions.

pub mod codec;
pub mod corpus;
pub mod diff;
pub mod export;
pub mod extract;
pub mod graph;
pub mod hash;
pub mod model;
pub mod nlp;
pub mod pipeline;
pub mod resolve;
pub mod rng;
pub mod slug;
mod words;
