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
//!   `weight` is the number of distinct sentences (a sentence repeated in duplicate
//!   articles counts once).
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
//! | `confidence` | edge | double | noisy-or of the distinct sentences, three decimals |
//! | `evidence_count` | edge | integer | statements, each repeat of a sentence counted |
//! | `document_count` | edge | integer | articles |
//! | `documents` | edge | liststring | article ids |
//! | `attributed_to` | edge | liststring | entity ids the statements are attributed to |

use std::io::{self, Write};

use quick_xml::Writer;

use super::FORMAT_VERSION;
use super::graph_xml::{self, GexfHead};
use super::graphml::{EDGES, NODES, entity_values, relation_values, weight};
use crate::graph::{KnowledgeGraph, Relation};
use crate::model::{Entity, EntityType};

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
    let description = format!("actorgraph knowledge graph, format version {FORMAT_VERSION}");
    let head = GexfHead {
        creator: "actorgraph",
        description: &description,
        graph: &[("defaultedgetype", "directed"), ("mode", "static")],
        tables: [&NODES, &EDGES],
    };
    graph_xml::gexf(w, &head, |x| {
        let entities = graph.entities();
        graph_xml::list(x, "nodes", Some(entities.len()), |x| {
            entities.iter().try_for_each(|e| node(x, e))
        })?;
        let relations = graph.relations();
        graph_xml::list(x, "edges", Some(relations.len()), |x| {
            relations.iter().try_for_each(|r| edge(x, r))
        })
    })
}

fn node<W: Write>(x: &mut Writer<W>, e: &Entity) -> io::Result<()> {
    graph_xml::node(x, e.id.as_str(), &[("label", &e.label)], |x| {
        NODES.gexf_values(x, |row| entity_values(row, e))?;
        graph_xml::viz_color(x, color(e.kind))?;
        x.create_element("viz:size")
            .with_attribute(("value", size(e.mentions).as_str()))
            .write_empty()?;
        Ok(())
    })
}

fn edge<W: Write>(x: &mut Writer<W>, r: &Relation) -> io::Result<()> {
    let ids = [r.id.as_str(), r.actor.as_str(), r.target.as_str()];
    let attributes = [
        ("label", r.action.as_str()),
        ("kind", r.action.as_str()),
        ("weight", &weight(r)),
    ];
    graph_xml::edge(x, ids, &attributes, |x| {
        EDGES.gexf_values(x, |row| relation_values(row, r))
    })
}
