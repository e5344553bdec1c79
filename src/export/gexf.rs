//! `graph.gexf`: the graph as GEXF 1.3, Gephi's own format and its first-class input.
//!
//! # Format (version [`FORMAT_VERSION`])
//!
//! Valid against the GEXF 1.3 RELAX NG schema. A static, directed `<graph>` with typed
//! `<attributes>` for nodes and edges, one `<node>` per entity (sorted by id) and one
//! `<edge>` per relation (sorted by id), ids as in GraphML (entity and relation ids).
//! `<meta>` names the creator and the format version; there is no `lastmodifieddate`, so the
//! bytes do not depend on the day.
//!
//! - Edges: `label` and `kind` are the action label, so Gephi keeps parallel edges
//!   (`EU → cooperate with → NATO` and `EU → criticise → NATO`) apart;
//!   `weight` is the number of statements.
//! - Nodes: `label` is the canonical name; `viz:color` by entity type (Person blue,
//!   Organization orange, Place green, Group purple, Event red, Other grey) and
//!   `viz:size` = `4 + 4·√mentions`, so the graph reads at once when opened.
//! - Lists are `liststring`s written as Gephi writes them: `["a", "b"]`.
//! - Every attribute is given on every node and edge (no `<default>`); unknown values are
//!   empty strings.
//!
//! | attribute id | class | type | value |
//! |---|---|---|---|
//! | `entity_type` | node | string | `Person`, `Organization`, `Place`, `Group`, `Event`, `Other` |
//! | `country` | node | boolean | sovereign country |
//! | `wikidata` | node | string | QID or empty |
//! | `aliases` | node | liststring | other names |
//! | `roles` | node | liststring | roles seen in appositions |
//! | `part_of` | node | string | entity id a group belongs to, or empty |
//! | `mention_count` | node | integer | mentions |
//! | `document_count` | node | integer | articles mentioning it |
//! | `action` | edge | string | action label |
//! | `lemma` | edge | string | lemma of the action's main word |
//! | `polarity` | edge | string | `positive` or `negative` (majority) |
//! | `modality` | edge | string | `asserted`, `alleged`, `possible`, `denied` (majority) |
//! | `confidence` | edge | double | noisy-or of the statements, three decimals |
//! | `evidence_count` | edge | integer | statements |
//! | `document_count` | edge | integer | articles |
//! | `documents` | edge | liststring | article ids |

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{FORMAT_VERSION, format_confidence, json_list, xml, xml_id};
use crate::graph::{KnowledgeGraph, Relation};
use crate::model::{Entity, EntityType};

const NODE_ATTRIBUTES: [(&str, &str); 8] = [
    ("entity_type", "string"),
    ("country", "boolean"),
    ("wikidata", "string"),
    ("aliases", "liststring"),
    ("roles", "liststring"),
    ("part_of", "string"),
    ("mention_count", "integer"),
    ("document_count", "integer"),
];

const EDGE_ATTRIBUTES: [(&str, &str); 8] = [
    ("action", "string"),
    ("lemma", "string"),
    ("polarity", "string"),
    ("modality", "string"),
    ("confidence", "double"),
    ("evidence_count", "integer"),
    ("document_count", "integer"),
    ("documents", "liststring"),
];

/// The node colour of an entity type (r, g, b).
pub fn color(kind: EntityType) -> (u8, u8, u8) {
    match kind {
        EntityType::Person => (31, 119, 180),
        EntityType::Organization => (255, 127, 14),
        EntityType::Place => (44, 160, 44),
        EntityType::Group => (148, 103, 189),
        EntityType::Event => (214, 39, 40),
        EntityType::Other => (127, 127, 127),
    }
}

/// The node size for a mention count: `4 + 4·√mentions`, one decimal.
///
/// ```
/// assert_eq!(actorgraph::export::gexf::size(0), "4.0");
/// assert_eq!(actorgraph::export::gexf::size(9), "16.0");
/// ```
pub fn size(mentions: usize) -> String {
    format!("{:.1}", 4.0 + 4.0 * (mentions as f64).sqrt())
}

/// Writes `graph` as GEXF 1.3.
///
/// ```
/// use actorgraph::graph::KnowledgeGraph;
/// let mut out = Vec::new();
/// actorgraph::export::gexf::write(&mut out, &KnowledgeGraph::new()).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
/// assert!(text.contains(r#"<attribute id="aliases" title="aliases" type="liststring"/>"#));
/// ```
pub fn write(w: &mut dyn Write, graph: &KnowledgeGraph) -> io::Result<()> {
    // A buffer of our own: quick-xml's many small writes are inlined into it rather than
    // each a call through `dyn Write`.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
    let mut x = Writer::new_with_indent(&mut buffered, b' ', 2);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    x.create_element("gexf")
        .with_attributes([
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("version", "1.3"),
        ])
        .write_inner_content(|x| {
            x.create_element("meta").write_inner_content(|x| {
                x.create_element("creator")
                    .write_text_content(BytesText::new("actorgraph"))?;
                x.create_element("description")
                    .write_text_content(BytesText::new(&format!(
                        "actorgraph knowledge graph, format version {FORMAT_VERSION}"
                    )))?;
                Ok(())
            })?;
            x.create_element("graph")
                .with_attributes([("defaultedgetype", "directed"), ("mode", "static")])
                .write_inner_content(|x| {
                    attributes(x, "node", &NODE_ATTRIBUTES)?;
                    attributes(x, "edge", &EDGE_ATTRIBUTES)?;
                    let entities = graph.entities();
                    x.create_element("nodes")
                        .with_attribute(("count", entities.len().to_string().as_str()))
                        .write_inner_content(|x| entities.iter().try_for_each(|e| node(x, e)))?;
                    let relations = graph.relations();
                    x.create_element("edges")
                        .with_attribute(("count", relations.len().to_string().as_str()))
                        .write_inner_content(|x| relations.iter().try_for_each(|r| edge(x, r)))?;
                    Ok(())
                })?;
            Ok(())
        })?;
    x.get_mut().write_all(b"\n")?;
    buffered.flush()
}

fn attributes<W: Write>(x: &mut Writer<W>, class: &str, list: &[(&str, &str)]) -> io::Result<()> {
    x.create_element("attributes")
        .with_attributes([("class", class), ("mode", "static")])
        .write_inner_content(|x| {
            for &(id, ty) in list {
                x.create_element("attribute")
                    .with_attributes([("id", id), ("title", id), ("type", ty)])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn node<W: Write>(x: &mut Writer<W>, e: &Entity) -> io::Result<()> {
    let (r, g, b) = color(e.kind);
    x.create_element("node")
        .with_attributes([
            ("id", xml_id(e.id.as_str()).as_str()),
            ("label", &xml::attr(&e.label)),
        ])
        .write_inner_content(|x| {
            x.create_element("attvalues").write_inner_content(|x| {
                value(x, "entity_type", e.kind.as_str())?;
                value(x, "country", if e.country { "true" } else { "false" })?;
                value(x, "wikidata", e.wikidata.as_deref().unwrap_or(""))?;
                value(
                    x,
                    "aliases",
                    &json_list(e.aliases.iter().map(String::as_str)),
                )?;
                value(x, "roles", &json_list(e.roles.iter().map(String::as_str)))?;
                value(
                    x,
                    "part_of",
                    e.part_of.as_ref().map(|p| p.as_str()).unwrap_or(""),
                )?;
                value(x, "mention_count", &e.mentions.to_string())?;
                value(x, "document_count", &e.documents.to_string())
            })?;
            x.create_element("viz:color")
                .with_attributes([
                    ("r", r.to_string().as_str()),
                    ("g", g.to_string().as_str()),
                    ("b", b.to_string().as_str()),
                ])
                .write_empty()?;
            x.create_element("viz:size")
                .with_attribute(("value", size(e.mentions).as_str()))
                .write_empty()?;
            Ok(())
        })?;
    Ok(())
}

fn edge<W: Write>(x: &mut Writer<W>, r: &Relation) -> io::Result<()> {
    let documents = r.documents();
    let action = xml::attr(&r.action);
    x.create_element("edge")
        .with_attributes([
            ("id", xml_id(r.id.as_str()).as_str()),
            ("source", xml_id(r.actor.as_str()).as_str()),
            ("target", xml_id(r.target.as_str()).as_str()),
            ("label", &action),
            ("kind", &action),
            ("weight", &format!("{}.0", r.weight())),
        ])
        .write_inner_content(|x| {
            x.create_element("attvalues").write_inner_content(|x| {
                value(x, "action", &r.action)?;
                value(x, "lemma", &r.lemma)?;
                value(x, "polarity", r.polarity().as_str())?;
                value(x, "modality", r.modality().as_str())?;
                value(x, "confidence", &format_confidence(r.confidence()))?;
                value(x, "evidence_count", &r.weight().to_string())?;
                value(x, "document_count", &documents.len().to_string())?;
                value(x, "documents", &json_list(documents.iter().copied()))
            })?;
            Ok(())
        })?;
    Ok(())
}

fn value<W: Write>(x: &mut Writer<W>, attribute: &str, value: &str) -> io::Result<()> {
    x.create_element("attvalue")
        .with_attributes([("for", attribute), ("value", &xml::attr(value))])
        .write_empty()?;
    Ok(())
}
