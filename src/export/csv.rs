//! `nodes.csv` and `edges.csv`: Gephi's spreadsheet-import convention, also fine for pandas
//! and spreadsheets.
//!
//! # Format (version [`FORMAT_VERSION`](super::FORMAT_VERSION))
//!
//! RFC 4180 CSV, UTF-8, `\n` line ends, a header row. A field is quoted (`"…"`, inner `"`
//! doubled) when it holds a comma, a quote, a line break or leading/trailing spaces.
//! Rows sorted by id. Lists are JSON arrays in one cell (`["EU", "the Union"]`); unknown
//! values are empty cells. Written by hand: the quoting rule is six lines and the files need
//! no reading back, so the `csv` crate would not earn its place.
//!
//! `nodes.csv`: `Id, Label, Type, Country, Wikidata, Aliases, Roles, PartOf, Mentions, Documents`.
//! `Id` and `Label` are Gephi's node columns; `Type` is the entity type.
//!
//! `edges.csv`: `Source, Target, Type, Id, Label, Weight, Kind, Lemma, Polarity, Modality,
//! Confidence, Evidence, DocumentCount, Documents, AttributedTo`.
//! `Source`, `Target`, `Type` (always `Directed`), `Id`, `Label` and `Weight` are Gephi's edge
//! columns; `Kind` repeats the action label (Gephi's edge type, which keeps parallel edges
//! apart where the importer supports it); `Weight` is the number of distinct sentences (a
//! sentence repeated in duplicate articles counts once), `Evidence` the number of
//! statements (each repeat counted); `Confidence` has three decimals; `AttributedTo` lists
//! the entity ids the statements are attributed to.

use std::io::{self, Write};

use super::{format_confidence, json_list};
use crate::graph::KnowledgeGraph;

const NODE_HEADER: [&str; 10] = [
    "Id",
    "Label",
    "Type",
    "Country",
    "Wikidata",
    "Aliases",
    "Roles",
    "PartOf",
    "Mentions",
    "Documents",
];

const EDGE_HEADER: [&str; 15] = [
    "Source",
    "Target",
    "Type",
    "Id",
    "Label",
    "Weight",
    "Kind",
    "Lemma",
    "Polarity",
    "Modality",
    "Confidence",
    "Evidence",
    "DocumentCount",
    "Documents",
    "AttributedTo",
];

/// Writes `nodes.csv`.
///
/// ```
/// use actorgraph::graph::KnowledgeGraph;
/// let mut out = Vec::new();
/// actorgraph::export::csv::write_nodes(&mut out, &KnowledgeGraph::new()).unwrap();
/// assert_eq!(out, b"Id,Label,Type,Country,Wikidata,Aliases,Roles,PartOf,Mentions,Documents\n");
/// ```
pub fn write_nodes(w: &mut dyn Write, graph: &KnowledgeGraph) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
    let w = &mut buffered;
    row(w, NODE_HEADER.iter().copied())?;
    for e in graph.entities() {
        let aliases = json_list(e.aliases.iter().map(String::as_str));
        let roles = json_list(e.roles.iter().map(String::as_str));
        let mentions = e.mentions.to_string();
        let documents = e.documents.to_string();
        row(
            w,
            [
                e.id.as_str(),
                &e.label,
                e.kind.as_str(),
                if e.country { "true" } else { "false" },
                e.wikidata.as_deref().unwrap_or(""),
                &aliases,
                &roles,
                e.part_of.as_ref().map(|p| p.as_str()).unwrap_or(""),
                &mentions,
                &documents,
            ],
        )?;
    }
    buffered.flush()
}

/// Writes `edges.csv`.
///
/// ```
/// use actorgraph::graph::KnowledgeGraph;
/// let mut out = Vec::new();
/// actorgraph::export::csv::write_edges(&mut out, &KnowledgeGraph::new()).unwrap();
/// assert!(out.starts_with(b"Source,Target,Type,Id,Label,Weight,"));
/// ```
pub fn write_edges(w: &mut dyn Write, graph: &KnowledgeGraph) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
    let w = &mut buffered;
    row(w, EDGE_HEADER.iter().copied())?;
    for r in graph.relations() {
        let docs = r.documents();
        let weight = format!("{}.0", r.weight());
        let confidence = format_confidence(r.confidence());
        let evidence = r.evidence_count().to_string();
        let doc_count = docs.len().to_string();
        let documents = json_list(docs.iter().copied());
        let attributed = json_list(r.attributed_to().iter().map(|a| a.as_str()));
        row(
            w,
            [
                r.actor.as_str(),
                r.target.as_str(),
                "Directed",
                r.id.as_str(),
                &r.action,
                &weight,
                &r.action,
                &r.lemma,
                r.polarity().as_str(),
                r.modality().as_str(),
                &confidence,
                &evidence,
                &doc_count,
                &documents,
                &attributed,
            ],
        )?;
    }
    buffered.flush()
}

fn row<'a>(w: &mut impl Write, fields: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        field_to(w, field)?;
    }
    w.write_all(b"\n")
}

fn field_to(w: &mut impl Write, field: &str) -> io::Result<()> {
    let quote =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if quote {
        write!(w, "\"{}\"", field.replace('"', "\"\""))
    } else {
        w.write_all(field.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str) -> String {
        let mut out = Vec::new();
        field_to(&mut out, s).expect("write to a Vec");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn quoting() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field(r#"["a", "b"]"#), r#""[""a"", ""b""]""#);
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" pad"), "\" pad\"");
        assert_eq!(field(""), "");
    }
}
