//! The union of two graph versions as GraphML or GEXF, for Gephi and friends.
//!
//! Every entity and relation of either version appears once, with a `status`
//! (`added`, `removed`, `changed`, `unchanged`, see [`Status`]) and its colour:
//! green added, red removed, orange changed, grey unchanged.
//!
//! # GraphML
//!
//! Valid against the GraphML 1.0 XSD. Keys (all written explicitly on every element, since
//! some readers ignore key defaults):
//!
//! - graph: `version_old`, `version_new` (the two labels).
//! - node: `label`, `entity_type`, `status`, `changes` (comma-separated field names, see
//!   [`EntityChange::fields`](super::EntityChange::fields)), `label_old`, `mention_count_old`,
//!   `mention_count_new` (0 on the side it is missing from), `color` (`#rrggbb`), `r`, `g`, `b`.
//! - edge: `label` and `action` (the action label), `status`, `changes`, `weight` (new weight,
//!   or old for removed edges), `weight_old`, `weight_new` (0 when missing), `confidence_old`,
//!   `confidence_new` (only on the sides where the edge exists), `polarity`, `modality`,
//!   `articles_added`, `articles_removed` (JSON lists of article ids), `color`, `r`, `g`, `b`.
//!
//! # GEXF
//!
//! GEXF 1.3, valid against its RELAX NG schema, `mode="dynamic"` with
//! `timeformat="integer"` and `timerepresentation="timestamp"`: the old version is
//! timestamp 1 and the new one timestamp 2 (their labels are in `<meta><description>`).
//! Nodes and edges carry `timestamps="[1, 2]"`, `"[1]"` (removed) or `"[2]"` (added), so
//! Gephi's timeline shows what appeared and disappeared. Attributes are static, with the
//! two versions' values side by side (networkx cannot read timestamped attribute values):
//! node `status`, `entity_type`, `changes`, `label_old`, `mention_count_old`,
//! `mention_count_new`; edge `status`, `action`, `changes`, `weight_old`, `weight_new`,
//! `confidence_old`, `confidence_new` (only where the edge exists), `polarity`, `modality`,
//! `articles_added`, `articles_removed`. Edges have `kind` = action so Gephi keeps parallel
//! edges apart, and `weight` = the new weight (old for removed edges); `viz:color` gives
//! the status colour.
//!
//! # HTML
//!
//! `graph.html`'s page ([`crate::export::html`]) of the union, nodes and edges coloured by
//! status (the filters can hide each status); an edge's evidence is the new version's (the
//! old one's for a removed edge), with the pieces the new version added marked `added` and
//! those it dropped shown too, marked `removed`.
//!
//! All writers sort nodes and edges by id, so the output is deterministic.

use std::io::{self, Write};

use quick_xml::Writer;
use rustc_hash::FxHashMap;

use super::report::Side;
use super::{EntityChange, GraphDiff, RelationChange, Status, merge};
use crate::export::graph_xml::{self, Attribute, GexfHead, Kind, Row, Table, TextEscape};
use crate::export::graphml::weight;
use crate::export::html::{self, Page, PageEvidence};
use crate::graph::{ArticleMeta, Evidence, Relation};
use crate::model::Entity;

/// One entity or relation of the union: its versions, status and change.
struct UnionRow<'a, T, C> {
    old: Option<&'a T>,
    new: Option<&'a T>,
    status: Status,
    change: Option<&'a C>,
}

type NodeRow<'a> = UnionRow<'a, Entity, EntityChange>;
type EdgeRow<'a> = UnionRow<'a, Relation, RelationChange>;

impl<'a, T, C> UnionRow<'a, T, C> {
    fn current(&self) -> &'a T {
        self.new
            .or(self.old)
            .expect("a union row has at least one side")
    }

    /// Whether the row is in the old version, the new one: GEXF `timestamps`.
    fn timestamps(&self) -> &'static str {
        match (self.old.is_some(), self.new.is_some()) {
            (true, true) => "[1, 2]",
            (true, false) => "[1]",
            _ => "[2]",
        }
    }
}

/// The union of `old` and `new` (both sorted by id), with the changes of `changed`.
fn rows<'a, T, C>(
    old: &[&'a T],
    new: &[&'a T],
    changed: &'a [C],
    id: fn(&T) -> &str,
    change_id: fn(&C) -> &str,
) -> Vec<UnionRow<'a, T, C>> {
    let changes: FxHashMap<&str, &C> = changed.iter().map(|c| (change_id(c), c)).collect();
    merge(old, new, |x, y| id(x).cmp(id(y)))
        .into_iter()
        .map(|(x, y)| {
            let (x, y) = (x.copied(), y.copied());
            let change = y.or(x).and_then(|t| changes.get(id(t)).copied());
            let status = match (x, y) {
                (Some(_), None) => Status::Removed,
                (None, Some(_)) => Status::Added,
                _ if change.is_some() => Status::Changed,
                _ => Status::Unchanged,
            };
            UnionRow {
                old: x,
                new: y,
                status,
                change,
            }
        })
        .collect()
}

fn nodes<'a>(old: Side<'a>, new: Side<'a>, diff: &'a GraphDiff) -> Vec<NodeRow<'a>> {
    let (a, b) = (old.graph.entities(), new.graph.entities());
    rows(
        &a,
        &b,
        &diff.entities.changed,
        |e| e.id.as_str(),
        |c| c.id.as_str(),
    )
}

fn edges<'a>(old: Side<'a>, new: Side<'a>, diff: &'a GraphDiff) -> Vec<EdgeRow<'a>> {
    let (a, b) = (old.graph.relations(), new.graph.relations());
    rows(
        &a,
        &b,
        &diff.relations.changed,
        |r| r.id.as_str(),
        |c| c.id.as_str(),
    )
}

/// The statuses of the HTML page, in the order of its status codes.
const PAGE_STATUSES: [Status; 4] = [
    Status::Unchanged,
    Status::Added,
    Status::Removed,
    Status::Changed,
];

fn page_status(status: Status) -> u8 {
    match status {
        Status::Unchanged => 0,
        Status::Added => 1,
        Status::Removed => 2,
        Status::Changed => 3,
    }
}

/// Writes the union as a self-contained web page (see the module doc).
pub fn write_html(
    w: &mut dyn Write,
    old: Side<'_>,
    new: Side<'_>,
    diff: &GraphDiff,
) -> io::Result<()> {
    let node_rows = nodes(old, new, diff);
    let edge_rows = edges(old, new, diff);
    let mut articles: Vec<&ArticleMeta> = new.graph.articles().collect();
    let known: std::collections::BTreeSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    articles.extend(
        old.graph
            .articles()
            .filter(|a| !known.contains(a.id.as_str())),
    );
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    let page = Page {
        title: format!("actorgraph diff: {} → {}", old.label, new.label),
        versions: Some((old.label, new.label)),
        statuses: PAGE_STATUSES
            .iter()
            .map(|&s| (s.as_str(), s.hex()))
            .collect(),
        entities: node_rows
            .iter()
            .map(|r| (r.current(), page_status(r.status)))
            .collect(),
        relations: edge_rows
            .iter()
            .map(|r| (r.current(), page_status(r.status)))
            .collect(),
        articles,
    };
    html::write_page(w, &page, &UnionEvidence(&edge_rows))
}

/// The evidence of each union edge, with what changed marked.
struct UnionEvidence<'a, 'b>(&'b [EdgeRow<'a>]);

impl PageEvidence for UnionEvidence<'_, '_> {
    fn with_evidence(
        &self,
        index: usize,
        relation: &Relation,
        f: &mut html::EvidenceFn<'_>,
    ) -> io::Result<()> {
        let Some(change) = self.0.get(index).and_then(|row| row.change) else {
            return f(&relation.evidence, &[]);
        };
        let added = page_status(Status::Added);
        let mut evidence: Vec<Evidence> = relation.evidence.clone();
        let mut statuses: Vec<u8> = evidence
            .iter()
            .map(|e| {
                if change.evidence_added.contains(e) {
                    added
                } else {
                    0
                }
            })
            .collect();
        evidence.extend(change.evidence_removed.iter().cloned());
        statuses.resize(evidence.len(), page_status(Status::Removed));
        f(&evidence, &statuses)
    }
}

/// The changed fields, comma-separated (empty when nothing changed).
fn joined(fields: Option<Vec<&str>>) -> String {
    fields.map(|f| f.join(",")).unwrap_or_default()
}

/// A compact JSON list (`["a","b"]`), as the union has always written its article lists.
fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).expect("a list of strings serializes")
}

fn documents_added(row: &EdgeRow<'_>) -> String {
    json_list(&match (row.old, row.new, row.change) {
        (_, _, Some(c)) => c.documents_added.clone(),
        (None, Some(r), _) => r.documents().into_iter().map(str::to_owned).collect(),
        _ => Vec::new(),
    })
}

fn documents_removed(row: &EdgeRow<'_>) -> String {
    json_list(&match (row.old, row.new, row.change) {
        (_, _, Some(c)) => c.documents_removed.clone(),
        (Some(r), None, _) => r.documents().into_iter().map(str::to_owned).collect(),
        _ => Vec::new(),
    })
}

/// Collapses whitespace runs (GEXF labels are `xsd:token`).
fn token(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn weight_of(r: Option<&Relation>) -> String {
    r.map_or(0, Relation::weight).to_string()
}

fn mentions_of(e: Option<&Entity>) -> String {
    e.map_or(0, |e| e.mentions).to_string()
}

fn confidence_of(r: Option<&Relation>) -> Option<String> {
    r.map(|r| r.confidence().to_string())
}

const GRAPHML_GRAPH: Table = Table {
    class: "graph",
    escape: TextEscape::Quotes,
    attributes: &[
        Attribute::new("g_old", "version_old", Kind::String),
        Attribute::new("g_new", "version_new", Kind::String),
    ],
};

const GRAPHML_NODES: Table = Table {
    class: "node",
    escape: TextEscape::Quotes,
    attributes: &[
        Attribute::new("n_label", "label", Kind::String),
        Attribute::new("n_type", "entity_type", Kind::String),
        Attribute::new("n_status", "status", Kind::String),
        Attribute::new("n_changes", "changes", Kind::String),
        Attribute::new("n_label_old", "label_old", Kind::String),
        Attribute::new("n_mentions_old", "mention_count_old", Kind::Int),
        Attribute::new("n_mentions_new", "mention_count_new", Kind::Int),
        Attribute::new("n_color", "color", Kind::String),
        Attribute::new("n_r", "r", Kind::Int),
        Attribute::new("n_g", "g", Kind::Int),
        Attribute::new("n_b", "b", Kind::Int),
    ],
};

const GRAPHML_EDGES: Table = Table {
    class: "edge",
    escape: TextEscape::Quotes,
    attributes: &[
        Attribute::new("e_label", "label", Kind::String),
        Attribute::new("e_action", "action", Kind::String),
        Attribute::new("e_status", "status", Kind::String),
        Attribute::new("e_changes", "changes", Kind::String),
        Attribute::new("e_weight", "weight", Kind::Double),
        Attribute::new("e_weight_old", "weight_old", Kind::Int),
        Attribute::new("e_weight_new", "weight_new", Kind::Int),
        Attribute::new("e_conf_old", "confidence_old", Kind::Double),
        Attribute::new("e_conf_new", "confidence_new", Kind::Double),
        Attribute::new("e_polarity", "polarity", Kind::String),
        Attribute::new("e_modality", "modality", Kind::String),
        Attribute::new("e_articles_added", "articles_added", Kind::String),
        Attribute::new("e_articles_removed", "articles_removed", Kind::String),
        Attribute::new("e_color", "color", Kind::String),
        Attribute::new("e_r", "r", Kind::Int),
        Attribute::new("e_g", "g", Kind::Int),
        Attribute::new("e_b", "b", Kind::Int),
    ],
};

/// Writes the union of both versions as GraphML (see the module docs for the keys).
pub fn write_graphml<W: Write>(
    w: W,
    old: Side<'_>,
    new: Side<'_>,
    diff: &GraphDiff,
) -> io::Result<()> {
    let tables = [&GRAPHML_GRAPH, &GRAPHML_NODES, &GRAPHML_EDGES];
    graph_xml::graphml(w, "diff", tables, |x| {
        GRAPHML_GRAPH.graphml_values(x, |row| {
            row.put(old.label)?;
            row.put(new.label)
        })?;
        for row in nodes(old, new, diff) {
            graphml_node(x, &row)?;
        }
        for row in edges(old, new, diff) {
            graphml_edge(x, &row)?;
        }
        Ok(())
    })
}

fn graphml_node<W: Write>(x: &mut Writer<W>, row: &NodeRow<'_>) -> io::Result<()> {
    let e = row.current();
    graph_xml::node(x, e.id.as_str(), &[], |x| {
        GRAPHML_NODES.graphml_values(x, |values| {
            values.put(&e.label)?;
            values.put(e.kind.as_str())?;
            values.put(row.status.as_str())?;
            values.put(&joined(row.change.map(EntityChange::fields)))?;
            values.put(row.old.map_or("", |o| o.label.as_str()))?;
            values.put(&mentions_of(row.old))?;
            values.put(&mentions_of(row.new))?;
            color_values(values, row.status)
        })
    })
}

fn graphml_edge<W: Write>(x: &mut Writer<W>, row: &EdgeRow<'_>) -> io::Result<()> {
    let r = row.current();
    let ids = [r.id.as_str(), r.actor.as_str(), r.target.as_str()];
    graph_xml::edge(x, ids, &[], |x| {
        GRAPHML_EDGES.graphml_values(x, |values| {
            values.put(&r.action)?;
            values.put(&r.action)?;
            values.put(row.status.as_str())?;
            values.put(&joined(row.change.map(RelationChange::fields)))?;
            values.put(&weight(r))?;
            edge_comparison(values, row)?;
            color_values(values, row.status)
        })
    })
}

/// The colour of a status: `#rrggbb`, then r, g and b.
fn color_values<W: Write>(values: &mut Row<'_, W>, status: Status) -> io::Result<()> {
    let (r, g, b) = status.rgb();
    values.put(&status.hex())?;
    values.put(&r.to_string())?;
    values.put(&g.to_string())?;
    values.put(&b.to_string())
}

/// The values both formats give an edge in the same order: the two weights and
/// confidences, polarity, modality, the articles added and removed.
fn edge_comparison<W: Write>(values: &mut Row<'_, W>, row: &EdgeRow<'_>) -> io::Result<()> {
    let r = row.current();
    values.put(&weight_of(row.old))?;
    values.put(&weight_of(row.new))?;
    values.put_some(confidence_of(row.old).as_deref())?;
    values.put_some(confidence_of(row.new).as_deref())?;
    values.put(r.polarity().as_str())?;
    values.put(r.modality().as_str())?;
    values.put(&documents_added(row))?;
    values.put(&documents_removed(row))
}

const GEXF_NODES: Table = Table {
    class: "node",
    escape: TextEscape::Quotes,
    attributes: &[
        Attribute::gexf("status", Kind::String),
        Attribute::gexf("entity_type", Kind::String),
        Attribute::gexf("changes", Kind::String),
        Attribute::gexf("label_old", Kind::String),
        Attribute::gexf("mention_count_old", Kind::Int),
        Attribute::gexf("mention_count_new", Kind::Int),
    ],
};

const GEXF_EDGES: Table = Table {
    class: "edge",
    escape: TextEscape::Quotes,
    attributes: &[
        Attribute::gexf("status", Kind::String),
        Attribute::gexf("action", Kind::String),
        Attribute::gexf("changes", Kind::String),
        Attribute::gexf("weight_old", Kind::Int),
        Attribute::gexf("weight_new", Kind::Int),
        Attribute::gexf("confidence_old", Kind::Double),
        Attribute::gexf("confidence_new", Kind::Double),
        Attribute::gexf("polarity", Kind::String),
        Attribute::gexf("modality", Kind::String),
        Attribute::gexf("articles_added", Kind::String),
        Attribute::gexf("articles_removed", Kind::String),
    ],
};

/// Writes the union of both versions as a dynamic GEXF 1.3 graph with a two-step timeline
/// (see the module docs).
pub fn write_gexf<W: Write>(
    w: W,
    old: Side<'_>,
    new: Side<'_>,
    diff: &GraphDiff,
) -> io::Result<()> {
    let description = format!(
        "union of two versions: 1 = {}, 2 = {}",
        old.label, new.label
    );
    let head = GexfHead {
        creator: "actorgraph diff",
        description: &description,
        graph: &[
            ("defaultedgetype", "directed"),
            ("mode", "dynamic"),
            ("timeformat", "integer"),
            ("timerepresentation", "timestamp"),
        ],
        tables: [&GEXF_NODES, &GEXF_EDGES],
    };
    graph_xml::gexf(w, &head, |x| {
        graph_xml::list(x, "nodes", None, |x| {
            nodes(old, new, diff)
                .iter()
                .try_for_each(|row| gexf_node(x, row))
        })?;
        graph_xml::list(x, "edges", None, |x| {
            edges(old, new, diff)
                .iter()
                .try_for_each(|row| gexf_edge(x, row))
        })
    })
}

fn gexf_node<W: Write>(x: &mut Writer<W>, row: &NodeRow<'_>) -> io::Result<()> {
    let e = row.current();
    let label = token(&e.label);
    let attributes = [("label", label.as_str()), ("timestamps", row.timestamps())];
    graph_xml::node(x, e.id.as_str(), &attributes, |x| {
        GEXF_NODES.gexf_values(x, |values| {
            values.put(row.status.as_str())?;
            values.put(e.kind.as_str())?;
            values.put(&joined(row.change.map(EntityChange::fields)))?;
            values.put(&row.old.map_or(String::new(), |o| token(&o.label)))?;
            values.put(&mentions_of(row.old))?;
            values.put(&mentions_of(row.new))
        })?;
        graph_xml::viz_color(x, row.status.rgb())
    })
}

fn gexf_edge<W: Write>(x: &mut Writer<W>, row: &EdgeRow<'_>) -> io::Result<()> {
    let r = row.current();
    let ids = [r.id.as_str(), r.actor.as_str(), r.target.as_str()];
    let action = token(&r.action);
    let weight = weight(r);
    let attributes = [
        ("kind", action.as_str()),
        ("label", action.as_str()),
        ("weight", weight.as_str()),
        ("timestamps", row.timestamps()),
    ];
    graph_xml::edge(x, ids, &attributes, |x| {
        GEXF_EDGES.gexf_values(x, |values| {
            values.put(row.status.as_str())?;
            values.put(&r.action)?;
            values.put(&joined(row.change.map(RelationChange::fields)))?;
            edge_comparison(values, row)
        })?;
        graph_xml::viz_color(x, row.status.rgb())
    })
}
