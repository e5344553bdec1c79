//! `graph.graphml`: the graph as GraphML 1.0, for networkx, igraph, yEd, graphology and Gephi.
//!
//! # Format (version [`FORMAT_VERSION`])
//!
//! Valid against the GraphML 1.0 XSD. One `<graph id="actorgraph" edgedefault="directed">`
//! holding one `<node>` per entity (sorted by id) and one `<edge>` per relation (sorted by
//! id). Node ids are entity ids (`org.nato`), edge ids relation ids
//! (`org.eu--cooperate-with--org.nato`): stable across runs and valid `NMTOKEN`s.
//!
//! Every `<key>` has an `attr.type`; no key has a `<default>`: every node and edge carries
//! every key of its kind explicitly (graphology ignores defaults). Unknown values are
//! empty strings. Lists are JSON arrays in a string (`["EU", "the Union"]`). No NaN or
//! infinity. `label` and `weight` are the names Gephi shows as label and edge weight; no data
//! column uses a name Gephi reserves for display (`size`, `color`, `r`, `g`, `b`, `x`, `y`, `z`).
//!
//! | key id | for | attr.name | attr.type | value |
//! |---|---|---|---|---|
//! | `g_format` | graph | `format_version` | int | [`FORMAT_VERSION`] |
//! | `g_generator` | graph | `generator` | string | `actorgraph` |
//! | `n_label` | node | `label` | string | canonical name |
//! | `n_type` | node | `entity_type` | string | `Person`, `Organization`, `Place`, `Group`, `Event`, `Other` |
//! | `n_country` | node | `country` | boolean | sovereign country |
//! | `n_wikidata` | node | `wikidata` | string | QID (`Q7184`) or empty |
//! | `n_aliases` | node | `aliases` | string | JSON list of other names |
//! | `n_roles` | node | `roles` | string | JSON list of roles seen in appositions |
//! | `n_part_of` | node | `part_of` | string | entity id a group belongs to, or empty |
//! | `n_mentions` | node | `mention_count` | int | mentions resolved to it |
//! | `n_documents` | node | `document_count` | int | articles mentioning it |
//! | `e_label` | edge | `label` | string | action label (`cooperate with`) |
//! | `e_action` | edge | `action` | string | action label (same as `label`, kept as data) |
//! | `e_lemma` | edge | `lemma` | string | lemma of the action's main word |
//! | `e_weight` | edge | `weight` | double | number of distinct sentences (a sentence repeated in duplicate articles counts once) |
//! | `e_polarity` | edge | `polarity` | string | `positive` or `negative` (majority) |
//! | `e_modality` | edge | `modality` | string | `asserted`, `alleged`, `possible`, `denied` (majority) |
//! | `e_confidence` | edge | `confidence` | double | noisy-or of the distinct sentences, three decimals |
//! | `e_evidence` | edge | `evidence_count` | int | number of statements, each repeat of a sentence counted |
//! | `e_document_count` | edge | `document_count` | int | number of articles |
//! | `e_documents` | edge | `documents` | string | JSON list of article ids |
//! | `e_attributed_to` | edge | `attributed_to` | string | JSON list of the entity ids the statements are attributed to (empty list when the text names no source) |
//!
//! Gephi merges parallel edges (same source and target, different action) on GraphML
//! import unless told otherwise: in the import report choose an edge-merge strategy that
//! does not merge (where the Gephi version offers one), or open `graph.gexf`, whose edge
//! `kind` keeps them apart.

use std::io::{self, Write};

use quick_xml::Writer;

use super::graph_xml::{self, Attribute, Kind, Row, Table, TextEscape};
use super::{FORMAT_VERSION, format_confidence, json_list};
use crate::graph::{KnowledgeGraph, Relation};
use crate::model::{Entity, EntityId};

/// The graph's keys.
const GRAPH: Table = Table {
    class: "graph",
    escape: TextEscape::Markup,
    attributes: &[
        Attribute::new("g_format", "format_version", Kind::Int),
        Attribute::new("g_generator", "generator", Kind::String),
    ],
};

/// The node keys, in document order; also `graph.gexf`'s node attributes (but the label,
/// which GEXF gives as the node's `label`).
pub(super) const NODES: Table = Table {
    class: "node",
    escape: TextEscape::Markup,
    attributes: &[
        Attribute::new("n_label", "label", Kind::String).graphml_only(),
        Attribute::new("n_type", "entity_type", Kind::String),
        Attribute::new("n_country", "country", Kind::Boolean),
        Attribute::new("n_wikidata", "wikidata", Kind::String),
        Attribute::new("n_aliases", "aliases", Kind::List),
        Attribute::new("n_roles", "roles", Kind::List),
        Attribute::new("n_part_of", "part_of", Kind::String),
        Attribute::new("n_mentions", "mention_count", Kind::Int),
        Attribute::new("n_documents", "document_count", Kind::Int),
    ],
};

/// The edge keys, in document order; also `graph.gexf`'s edge attributes (but the label and
/// weight, which GEXF gives as the edge's `label` and `weight`).
pub(super) const EDGES: Table = Table {
    class: "edge",
    escape: TextEscape::Markup,
    attributes: &[
        Attribute::new("e_label", "label", Kind::String).graphml_only(),
        Attribute::new("e_action", "action", Kind::String),
        Attribute::new("e_lemma", "lemma", Kind::String),
        Attribute::new("e_weight", "weight", Kind::Double).graphml_only(),
        Attribute::new("e_polarity", "polarity", Kind::String),
        Attribute::new("e_modality", "modality", Kind::String),
        Attribute::new("e_confidence", "confidence", Kind::Double),
        Attribute::new("e_evidence", "evidence_count", Kind::Int),
        Attribute::new("e_document_count", "document_count", Kind::Int),
        Attribute::new("e_documents", "documents", Kind::List),
        Attribute::new("e_attributed_to", "attributed_to", Kind::List),
    ],
};

/// Writes `graph` as GraphML.
///
/// ```
/// use actorgraph::graph::KnowledgeGraph;
/// let mut out = Vec::new();
/// actorgraph::export::graphml::write(&mut out, &KnowledgeGraph::new()).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"));
/// assert!(text.contains(r#"<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>"#));
/// assert!(text.ends_with("</graphml>\n"));
/// ```
pub fn write(w: &mut dyn Write, graph: &KnowledgeGraph) -> io::Result<()> {
    graph_xml::graphml(w, "actorgraph", [&GRAPH, &NODES, &EDGES], |x| {
        GRAPH.graphml_values(x, |row| {
            row.put(&FORMAT_VERSION.to_string())?;
            row.put("actorgraph")
        })?;
        for e in graph.entities() {
            graph_xml::node(x, e.id.as_str(), &[], |x| {
                NODES.graphml_values(x, |row| entity_values(row, e))
            })?;
        }
        for r in graph.relations() {
            edge(x, r)?;
        }
        Ok(())
    })
}

fn edge<W: Write>(x: &mut Writer<W>, r: &Relation) -> io::Result<()> {
    let ids = [r.id.as_str(), r.actor.as_str(), r.target.as_str()];
    graph_xml::edge(x, ids, &[], |x| {
        EDGES.graphml_values(x, |row| relation_values(row, r))
    })
}

/// The values of [`NODES`] for an entity.
pub(super) fn entity_values<W: Write>(row: &mut Row<'_, W>, e: &Entity) -> io::Result<()> {
    row.put(&e.label)?;
    row.put(e.kind.as_str())?;
    row.put(if e.country { "true" } else { "false" })?;
    row.put(e.wikidata.as_deref().unwrap_or(""))?;
    row.put(&json_list(e.aliases.iter().map(String::as_str)))?;
    row.put(&json_list(e.roles.iter().map(String::as_str)))?;
    row.put(e.part_of.as_ref().map(|p| p.as_str()).unwrap_or(""))?;
    row.put(&e.mentions.to_string())?;
    row.put(&e.documents.to_string())
}

/// The values of [`EDGES`] for a relation.
pub(super) fn relation_values<W: Write>(row: &mut Row<'_, W>, r: &Relation) -> io::Result<()> {
    let documents = r.documents();
    row.put(&r.action)?;
    row.put(&r.action)?;
    row.put(&r.lemma)?;
    row.put(&weight(r))?;
    row.put(r.polarity().as_str())?;
    row.put(r.modality().as_str())?;
    row.put(&format_confidence(r.confidence()))?;
    row.put(&r.evidence_count().to_string())?;
    row.put(&documents.len().to_string())?;
    row.put(&json_list(documents.iter().copied()))?;
    row.put(&json_list(r.attributed_to().iter().map(EntityId::as_str)))
}

/// A relation's weight as a double: its number of distinct sentences, `3.0`.
pub(crate) fn weight(r: &Relation) -> String {
    format!("{}.0", r.weight())
}
