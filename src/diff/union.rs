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
//! Both writers sort nodes and edges by id, so the output is deterministic.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use rustc_hash::FxHashMap;

use super::report::Side;
use super::{EntityChange, GraphDiff, RelationChange, Status, merge};
use crate::graph::Relation;
use crate::model::Entity;

/// One entity of the union: its versions and status.
struct NodeRow<'a> {
    old: Option<&'a Entity>,
    new: Option<&'a Entity>,
    status: Status,
    change: Option<&'a EntityChange>,
}

impl<'a> NodeRow<'a> {
    fn current(&self) -> &'a Entity {
        self.new
            .or(self.old)
            .expect("a union row has at least one side")
    }
}

/// One relation of the union.
struct EdgeRow<'a> {
    old: Option<&'a Relation>,
    new: Option<&'a Relation>,
    status: Status,
    change: Option<&'a RelationChange>,
}

impl<'a> EdgeRow<'a> {
    fn current(&self) -> &'a Relation {
        self.new
            .or(self.old)
            .expect("a union row has at least one side")
    }
}

fn status(old: bool, new: bool, changed: bool) -> Status {
    match (old, new) {
        (true, false) => Status::Removed,
        (false, true) => Status::Added,
        _ if changed => Status::Changed,
        _ => Status::Unchanged,
    }
}

fn nodes<'a>(old: Side<'a>, new: Side<'a>, diff: &'a GraphDiff) -> Vec<NodeRow<'a>> {
    let changes: FxHashMap<&str, &EntityChange> = diff
        .entities
        .changed
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let (a, b) = (old.graph.entities(), new.graph.entities());
    merge(&a, &b, |x, y| x.id.cmp(&y.id))
        .into_iter()
        .map(|(x, y)| {
            let x = x.copied();
            let y = y.copied();
            let id = y.or(x).map(|e| e.id.as_str()).unwrap_or_default();
            let change = changes.get(id).copied();
            NodeRow {
                old: x,
                new: y,
                status: status(x.is_some(), y.is_some(), change.is_some()),
                change,
            }
        })
        .collect()
}

fn edges<'a>(old: Side<'a>, new: Side<'a>, diff: &'a GraphDiff) -> Vec<EdgeRow<'a>> {
    let changes: FxHashMap<&str, &RelationChange> = diff
        .relations
        .changed
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let (a, b) = (old.graph.relations(), new.graph.relations());
    merge(&a, &b, |x, y| x.id.cmp(&y.id))
        .into_iter()
        .map(|(x, y)| {
            let x = x.copied();
            let y = y.copied();
            let id = y.or(x).map(|r| r.id.as_str()).unwrap_or_default();
            let change = changes.get(id).copied();
            EdgeRow {
                old: x,
                new: y,
                status: status(x.is_some(), y.is_some(), change.is_some()),
                change,
            }
        })
        .collect()
}

fn entity_changes(row: &NodeRow<'_>) -> String {
    row.change.map(|c| c.fields().join(",")).unwrap_or_default()
}

fn relation_changes(row: &EdgeRow<'_>) -> String {
    row.change.map(|c| c.fields().join(",")).unwrap_or_default()
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).expect("a list of strings serializes")
}

fn documents_added(row: &EdgeRow<'_>) -> Vec<String> {
    match (row.old, row.new, row.change) {
        (_, _, Some(c)) => c.documents_added.clone(),
        (None, Some(r), _) => r.documents().into_iter().map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

fn documents_removed(row: &EdgeRow<'_>) -> Vec<String> {
    match (row.old, row.new, row.change) {
        (_, _, Some(c)) => c.documents_removed.clone(),
        (Some(r), None, _) => r.documents().into_iter().map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// Collapses whitespace runs (GEXF labels are `xsd:token`).
fn token(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn empty<W: Write>(w: &mut Writer<W>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let mut e = BytesStart::new(name);
    for a in attrs {
        e.push_attribute(*a);
    }
    w.write_event(Event::Empty(e))
}

fn start<W: Write>(w: &mut Writer<W>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let mut e = BytesStart::new(name);
    for a in attrs {
        e.push_attribute(*a);
    }
    w.write_event(Event::Start(e))
}

fn end<W: Write>(w: &mut Writer<W>, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn text_element<W: Write>(
    w: &mut Writer<W>,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> io::Result<()> {
    start(w, name, attrs)?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    end(w, name)
}

fn data<W: Write>(w: &mut Writer<W>, key: &str, value: &str) -> io::Result<()> {
    text_element(w, "data", &[("key", key)], value)
}

const GRAPHML_KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_old", "graph", "version_old", "string"),
    ("g_new", "graph", "version_new", "string"),
    ("n_label", "node", "label", "string"),
    ("n_type", "node", "entity_type", "string"),
    ("n_status", "node", "status", "string"),
    ("n_changes", "node", "changes", "string"),
    ("n_label_old", "node", "label_old", "string"),
    ("n_mentions_old", "node", "mention_count_old", "int"),
    ("n_mentions_new", "node", "mention_count_new", "int"),
    ("n_color", "node", "color", "string"),
    ("n_r", "node", "r", "int"),
    ("n_g", "node", "g", "int"),
    ("n_b", "node", "b", "int"),
    ("e_label", "edge", "label", "string"),
    ("e_action", "edge", "action", "string"),
    ("e_status", "edge", "status", "string"),
    ("e_changes", "edge", "changes", "string"),
    ("e_weight", "edge", "weight", "double"),
    ("e_weight_old", "edge", "weight_old", "int"),
    ("e_weight_new", "edge", "weight_new", "int"),
    ("e_conf_old", "edge", "confidence_old", "double"),
    ("e_conf_new", "edge", "confidence_new", "double"),
    ("e_polarity", "edge", "polarity", "string"),
    ("e_modality", "edge", "modality", "string"),
    ("e_articles_added", "edge", "articles_added", "string"),
    ("e_articles_removed", "edge", "articles_removed", "string"),
    ("e_color", "edge", "color", "string"),
    ("e_r", "edge", "r", "int"),
    ("e_g", "edge", "g", "int"),
    ("e_b", "edge", "b", "int"),
];

fn weight_of(r: Option<&Relation>) -> usize {
    r.map_or(0, Relation::weight)
}

fn mentions_of(e: Option<&Entity>) -> usize {
    e.map_or(0, |e| e.mentions)
}

/// Writes the union of both versions as GraphML (see the module docs for the keys).
pub fn write_graphml<W: Write>(
    w: W,
    old: Side<'_>,
    new: Side<'_>,
    diff: &GraphDiff,
) -> io::Result<()> {
    let mut w = Writer::new_with_indent(w, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    )?;
    for (id, target, name, ty) in GRAPHML_KEYS {
        empty(
            &mut w,
            "key",
            &[
                ("id", id),
                ("for", target),
                ("attr.name", name),
                ("attr.type", ty),
            ],
        )?;
    }
    start(
        &mut w,
        "graph",
        &[("id", "diff"), ("edgedefault", "directed")],
    )?;
    data(&mut w, "g_old", old.label)?;
    data(&mut w, "g_new", new.label)?;

    for row in nodes(old, new, diff) {
        let e = row.current();
        start(&mut w, "node", &[("id", e.id.as_str())])?;
        data(&mut w, "n_label", &e.label)?;
        data(&mut w, "n_type", e.kind.as_str())?;
        data(&mut w, "n_status", row.status.as_str())?;
        data(&mut w, "n_changes", &entity_changes(&row))?;
        data(
            &mut w,
            "n_label_old",
            row.old.map_or("", |o| o.label.as_str()),
        )?;
        data(&mut w, "n_mentions_old", &mentions_of(row.old).to_string())?;
        data(&mut w, "n_mentions_new", &mentions_of(row.new).to_string())?;
        color_data(&mut w, "n", row.status)?;
        end(&mut w, "node")?;
    }
    for row in edges(old, new, diff) {
        let r = row.current();
        start(
            &mut w,
            "edge",
            &[
                ("id", r.id.as_str()),
                ("source", r.actor.as_str()),
                ("target", r.target.as_str()),
            ],
        )?;
        data(&mut w, "e_label", &r.action)?;
        data(&mut w, "e_action", &r.action)?;
        data(&mut w, "e_status", row.status.as_str())?;
        data(&mut w, "e_changes", &relation_changes(&row))?;
        data(&mut w, "e_weight", &format!("{:.1}", r.weight() as f64))?;
        data(&mut w, "e_weight_old", &weight_of(row.old).to_string())?;
        data(&mut w, "e_weight_new", &weight_of(row.new).to_string())?;
        if let Some(o) = row.old {
            data(&mut w, "e_conf_old", &o.confidence().to_string())?;
        }
        if let Some(n) = row.new {
            data(&mut w, "e_conf_new", &n.confidence().to_string())?;
        }
        data(&mut w, "e_polarity", r.polarity().as_str())?;
        data(&mut w, "e_modality", r.modality().as_str())?;
        data(
            &mut w,
            "e_articles_added",
            &json_list(&documents_added(&row)),
        )?;
        data(
            &mut w,
            "e_articles_removed",
            &json_list(&documents_removed(&row)),
        )?;
        color_data(&mut w, "e", row.status)?;
        end(&mut w, "edge")?;
    }
    end(&mut w, "graph")?;
    end(&mut w, "graphml")?;
    w.into_inner().write_all(b"\n")
}

fn color_data<W: Write>(w: &mut Writer<W>, prefix: &str, status: Status) -> io::Result<()> {
    let (r, g, b) = status.rgb();
    data(w, &format!("{prefix}_color"), &status.hex())?;
    data(w, &format!("{prefix}_r"), &r.to_string())?;
    data(w, &format!("{prefix}_g"), &g.to_string())?;
    data(w, &format!("{prefix}_b"), &b.to_string())
}

fn timestamps(old: bool, new: bool) -> &'static str {
    match (old, new) {
        (true, true) => "[1, 2]",
        (true, false) => "[1]",
        _ => "[2]",
    }
}

const GEXF_NODE_ATTRIBUTES: &[(&str, &str)] = &[
    ("status", "string"),
    ("entity_type", "string"),
    ("changes", "string"),
    ("label_old", "string"),
    ("mention_count_old", "integer"),
    ("mention_count_new", "integer"),
];

const GEXF_EDGE_ATTRIBUTES: &[(&str, &str)] = &[
    ("status", "string"),
    ("action", "string"),
    ("changes", "string"),
    ("weight_old", "integer"),
    ("weight_new", "integer"),
    ("confidence_old", "double"),
    ("confidence_new", "double"),
    ("polarity", "string"),
    ("modality", "string"),
    ("articles_added", "string"),
    ("articles_removed", "string"),
];

fn attvalue<W: Write>(w: &mut Writer<W>, id: &str, value: &str) -> io::Result<()> {
    empty(w, "attvalue", &[("for", id), ("value", value)])
}

fn viz_color<W: Write>(w: &mut Writer<W>, status: Status) -> io::Result<()> {
    let (r, g, b) = status.rgb();
    let (r, g, b) = (r.to_string(), g.to_string(), b.to_string());
    empty(w, "viz:color", &[("r", &r), ("g", &g), ("b", &b)])
}

/// Writes the union of both versions as a dynamic GEXF 1.3 graph with a two-step timeline
/// (see the module docs).
pub fn write_gexf<W: Write>(
    w: W,
    old: Side<'_>,
    new: Side<'_>,
    diff: &GraphDiff,
) -> io::Result<()> {
    let mut w = Writer::new_with_indent(w, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("version", "1.3"),
        ],
    )?;
    start(&mut w, "meta", &[])?;
    text_element(&mut w, "creator", &[], "actorgraph diff")?;
    text_element(
        &mut w,
        "description",
        &[],
        &format!(
            "union of two versions: 1 = {}, 2 = {}",
            old.label, new.label
        ),
    )?;
    end(&mut w, "meta")?;
    start(
        &mut w,
        "graph",
        &[
            ("defaultedgetype", "directed"),
            ("mode", "dynamic"),
            ("timeformat", "integer"),
            ("timerepresentation", "timestamp"),
        ],
    )?;
    for (class, attributes) in [
        ("node", GEXF_NODE_ATTRIBUTES),
        ("edge", GEXF_EDGE_ATTRIBUTES),
    ] {
        start(
            &mut w,
            "attributes",
            &[("class", class), ("mode", "static")],
        )?;
        for (id, ty) in attributes {
            empty(
                &mut w,
                "attribute",
                &[("id", id), ("title", id), ("type", ty)],
            )?;
        }
        end(&mut w, "attributes")?;
    }

    start(&mut w, "nodes", &[])?;
    for row in nodes(old, new, diff) {
        let e = row.current();
        let label = token(&e.label);
        start(
            &mut w,
            "node",
            &[
                ("id", e.id.as_str()),
                ("label", &label),
                (
                    "timestamps",
                    timestamps(row.old.is_some(), row.new.is_some()),
                ),
            ],
        )?;
        start(&mut w, "attvalues", &[])?;
        attvalue(&mut w, "status", row.status.as_str())?;
        attvalue(&mut w, "entity_type", e.kind.as_str())?;
        attvalue(&mut w, "changes", &entity_changes(&row))?;
        attvalue(
            &mut w,
            "label_old",
            &row.old.map_or(String::new(), |o| token(&o.label)),
        )?;
        attvalue(
            &mut w,
            "mention_count_old",
            &mentions_of(row.old).to_string(),
        )?;
        attvalue(
            &mut w,
            "mention_count_new",
            &mentions_of(row.new).to_string(),
        )?;
        end(&mut w, "attvalues")?;
        viz_color(&mut w, row.status)?;
        end(&mut w, "node")?;
    }
    end(&mut w, "nodes")?;

    start(&mut w, "edges", &[])?;
    for row in edges(old, new, diff) {
        let r = row.current();
        let action = token(&r.action);
        let weight = format!("{:.1}", r.weight() as f64);
        start(
            &mut w,
            "edge",
            &[
                ("id", r.id.as_str()),
                ("source", r.actor.as_str()),
                ("target", r.target.as_str()),
                ("kind", &action),
                ("label", &action),
                ("weight", &weight),
                (
                    "timestamps",
                    timestamps(row.old.is_some(), row.new.is_some()),
                ),
            ],
        )?;
        start(&mut w, "attvalues", &[])?;
        attvalue(&mut w, "status", row.status.as_str())?;
        attvalue(&mut w, "action", &r.action)?;
        attvalue(&mut w, "changes", &relation_changes(&row))?;
        attvalue(&mut w, "weight_old", &weight_of(row.old).to_string())?;
        attvalue(&mut w, "weight_new", &weight_of(row.new).to_string())?;
        if let Some(o) = row.old {
            attvalue(&mut w, "confidence_old", &o.confidence().to_string())?;
        }
        if let Some(n) = row.new {
            attvalue(&mut w, "confidence_new", &n.confidence().to_string())?;
        }
        attvalue(&mut w, "polarity", r.polarity().as_str())?;
        attvalue(&mut w, "modality", r.modality().as_str())?;
        attvalue(&mut w, "articles_added", &json_list(&documents_added(&row)))?;
        attvalue(
            &mut w,
            "articles_removed",
            &json_list(&documents_removed(&row)),
        )?;
        end(&mut w, "attvalues")?;
        viz_color(&mut w, row.status)?;
        end(&mut w, "edge")?;
    }
    end(&mut w, "edges")?;
    end(&mut w, "graph")?;
    end(&mut w, "gexf")?;
    w.into_inner().write_all(b"\n")
}
