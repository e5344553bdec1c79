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
//! | `e_weight` | edge | `weight` | double | number of statements |
//! | `e_polarity` | edge | `polarity` | string | `positive` or `negative` (majority) |
//! | `e_modality` | edge | `modality` | string | `asserted`, `alleged`, `possible`, `denied` (majority) |
//! | `e_confidence` | edge | `confidence` | double | noisy-or of the statements, three decimals |
//! | `e_evidence` | edge | `evidence_count` | int | number of statements |
//! | `e_document_count` | edge | `document_count` | int | number of articles |
//! | `e_documents` | edge | `documents` | string | JSON list of article ids |
//!
//! Gephi merges parallel edges (same source and target, different action) on GraphML
//! import unless told otherwise: in the import report choose an edge-merge strategy that
//! does not merge (where the Gephi version offers one), or open `graph.gexf`, whose edge
//! `kind` keeps them apart.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{FORMAT_VERSION, format_confidence, json_list, xml, xml_id};
use crate::graph::{KnowledgeGraph, Relation};
use crate::model::Entity;

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// The keys, in document order: (id, for, attr.name, attr.type).
const KEYS: [(&str, &str, &str, &str); 21] = [
    ("g_format", "graph", "format_version", "int"),
    ("g_generator", "graph", "generator", "string"),
    ("n_label", "node", "label", "string"),
    ("n_type", "node", "entity_type", "string"),
    ("n_country", "node", "country", "boolean"),
    ("n_wikidata", "node", "wikidata", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_roles", "node", "roles", "string"),
    ("n_part_of", "node", "part_of", "string"),
    ("n_mentions", "node", "mention_count", "int"),
    ("n_documents", "node", "document_count", "int"),
    ("e_label", "edge", "label", "string"),
    ("e_action", "edge", "action", "string"),
    ("e_lemma", "edge", "lemma", "string"),
    ("e_weight", "edge", "weight", "double"),
    ("e_polarity", "edge", "polarity", "string"),
    ("e_modality", "edge", "modality", "string"),
    ("e_confidence", "edge", "confidence", "double"),
    ("e_evidence", "edge", "evidence_count", "int"),
    ("e_document_count", "edge", "document_count", "int"),
    ("e_documents", "edge", "documents", "string"),
];

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
    // A buffer of our own: quick-xml's many small writes are inlined into it rather than
    // each a call through `dyn Write`.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
    let mut x = Writer::new_with_indent(&mut buffered, b' ', 2);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    x.create_element("graphml")
        .with_attributes([
            ("xmlns", NS),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
        ])
        .write_inner_content(|x| {
            for (id, domain, name, ty) in KEYS {
                x.create_element("key")
                    .with_attributes([
                        ("id", id),
                        ("for", domain),
                        ("attr.name", name),
                        ("attr.type", ty),
                    ])
                    .write_empty()?;
            }
            x.create_element("graph")
                .with_attributes([("id", "actorgraph"), ("edgedefault", "directed")])
                .write_inner_content(|x| {
                    data(x, "g_format", &FORMAT_VERSION.to_string())?;
                    data(x, "g_generator", "actorgraph")?;
                    for entity in graph.entities() {
                        node(x, entity)?;
                    }
                    for relation in graph.relations() {
                        edge(x, relation)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    x.get_mut().write_all(b"\n")?;
    buffered.flush()
}

fn node<W: Write>(x: &mut Writer<W>, e: &Entity) -> io::Result<()> {
    x.create_element("node")
        .with_attribute(("id", xml_id(e.id.as_str()).as_str()))
        .write_inner_content(|x| {
            data(x, "n_label", &e.label)?;
            data(x, "n_type", e.kind.as_str())?;
            data(x, "n_country", if e.country { "true" } else { "false" })?;
            data(x, "n_wikidata", e.wikidata.as_deref().unwrap_or(""))?;
            data(
                x,
                "n_aliases",
                &json_list(e.aliases.iter().map(String::as_str)),
            )?;
            data(x, "n_roles", &json_list(e.roles.iter().map(String::as_str)))?;
            data(
                x,
                "n_part_of",
                e.part_of.as_ref().map(|p| p.as_str()).unwrap_or(""),
            )?;
            data(x, "n_mentions", &e.mentions.to_string())?;
            data(x, "n_documents", &e.documents.to_string())
        })?;
    Ok(())
}

fn edge<W: Write>(x: &mut Writer<W>, r: &Relation) -> io::Result<()> {
    let documents = r.documents();
    x.create_element("edge")
        .with_attributes([
            ("id", xml_id(r.id.as_str()).as_str()),
            ("source", xml_id(r.actor.as_str()).as_str()),
            ("target", xml_id(r.target.as_str()).as_str()),
        ])
        .write_inner_content(|x| {
            data(x, "e_label", &r.action)?;
            data(x, "e_action", &r.action)?;
            data(x, "e_lemma", &r.lemma)?;
            data(x, "e_weight", &format!("{}.0", r.weight()))?;
            data(x, "e_polarity", r.polarity().as_str())?;
            data(x, "e_modality", r.modality().as_str())?;
            data(x, "e_confidence", &format_confidence(r.confidence()))?;
            data(x, "e_evidence", &r.weight().to_string())?;
            data(x, "e_document_count", &documents.len().to_string())?;
            data(x, "e_documents", &json_list(documents.iter().copied()))
        })?;
    Ok(())
}

fn data<W: Write>(x: &mut Writer<W>, key: &str, value: &str) -> io::Result<()> {
    x.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::from_escaped(partial_escape(xml::text(value))))?;
    Ok(())
}
