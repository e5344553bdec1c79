//! Wire structs of `graph.jsonld`: one per kind of node in `@graph`, serialize-only for
//! writing ([`DatasetNode`], [`EntityNode`], [`StatementNode`], [`EvidenceNode`],
//! [`ArticleNode`]) and one lenient superset for reading ([`NodeIn`]). Field names are the
//! terms of `schemas/context.jsonld`; field order is the key order in the file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `{"id": "…"}`: a reference to another node.
#[derive(Debug, Serialize)]
pub(crate) struct IdRef {
    pub id: String,
}

/// The one `Dataset` node: what the file is and its format version.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DatasetNode {
    pub id: &'static str,
    #[serde(rename = "type")]
    pub types: [&'static str; 1],
    pub name: &'static str,
    pub format_version: u32,
    pub entity_count: usize,
    pub relation_count: usize,
    pub evidence_count: usize,
    pub article_count: usize,
}

/// An entity, with its outgoing relations as direct triples (`rel:…` keys).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct EntityNode<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub types: Vec<&'static str>,
    pub identifier: &'a str,
    pub name: &'a str,
    pub entity_type: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternate_name: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    pub mention_count: usize,
    pub document_count: usize,
    /// `rel:<action>` → targets, sorted by predicate then target.
    #[serde(flatten)]
    pub links: BTreeMap<String, Vec<IdRef>>,
}

/// A relation as an `rdf:Statement`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StatementNode<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub types: [&'static str; 1],
    pub identifier: &'a str,
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub action: &'a str,
    pub lemma: &'a str,
    pub weight: usize,
    pub confidence: String,
    pub polarity: &'static str,
    pub modality: &'static str,
    pub document_count: usize,
    pub derived_from: Vec<String>,
    pub evidence: Vec<String>,
}

/// One statement behind a relation.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct EvidenceNode<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub types: [&'static str; 1],
    pub derived_from: String,
    pub sentence: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub char_start: usize,
    pub char_end: usize,
    pub quote: &'a str,
    pub surface: &'a str,
    pub polarity: &'static str,
    pub modality: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<String>,
    pub confidence: String,
    pub extractor: &'a str,
}

/// An article.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ArticleNode<'a> {
    pub id: String,
    #[serde(rename = "type")]
    pub types: [&'static str; 1],
    pub identifier: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

// The document as read back is `reader.rs`'s `DocumentSeed`: only `@graph` matters (the
// context is ours), and its nodes are read one at a time as `NodeIn`s.

/// One string or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged, expecting = "expected a string or a list of strings")]
pub(crate) enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Any node of `@graph`, every field optional; unknown keys (the `rel:…` direct triples)
/// are ignored, since the statement nodes carry the same facts.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", expecting = "a node object")]
pub(crate) struct NodeIn {
    pub id: String,
    #[serde(rename = "type")]
    pub types: OneOrMany,
    pub format_version: Option<serde_json::Value>,
    pub identifier: Option<String>,
    pub name: Option<String>,
    pub entity_type: Option<String>,
    #[serde(default)]
    pub alternate_name: Vec<String>,
    pub same_as: Option<String>,
    #[serde(default)]
    pub role: Vec<String>,
    pub part_of: Option<String>,
    pub mention_count: Option<usize>,
    pub document_count: Option<usize>,
    pub subject: Option<String>,
    pub object: Option<String>,
    pub action: Option<String>,
    pub lemma: Option<String>,
    pub confidence: Option<String>,
    pub polarity: Option<String>,
    pub modality: Option<String>,
    pub derived_from: Option<OneOrMany>,
    #[serde(default)]
    pub evidence: Vec<String>,
    pub sentence: Option<usize>,
    pub byte_start: Option<usize>,
    pub byte_end: Option<usize>,
    pub char_start: Option<usize>,
    pub char_end: Option<usize>,
    pub quote: Option<String>,
    pub surface: Option<String>,
    pub attributed_to: Option<String>,
    pub extractor: Option<String>,
    pub headline: Option<String>,
    pub date_published: Option<String>,
    pub url: Option<String>,
}
