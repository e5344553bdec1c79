//! `statements.jsonl`: one resolved statement per line.
//!
//! # Format (version [`FORMAT_VERSION`])
//!
//! UTF-8, one JSON object per line (`\n`), in the order the statements are given (the
//! pipeline gives them sorted by document, sentence and span). Keys in this order:
//!
//! | key | value |
//! |---|---|
//! | `doc` | article id |
//! | `sentence` | 0-based sentence index in the article |
//! | `span` | `[start, end]`: bytes of the statement (its sentence) in the article text |
//! | `char_span` | `[start, end]`: the same in characters (Unicode scalar values) |
//! | `text` | the sentence |
//! | `actor`, `target` | entity objects (below) |
//! | `action` | `{label, lemma, surface}`: normalised label (`cooperate with`), lemma of the main word, the words as written |
//! | `polarity` | `positive` or `negative` |
//! | `modality` | `asserted`, `alleged`, `possible` or `denied` |
//! | `attributed_to` | entity object of who the text says claims it, or `null` |
//! | `confidence` | number in `[0, 1]`, rounded to three decimals |
//! | `extractor` | id of the extractor that found it |
//! | `format_version` | [`FORMAT_VERSION`] |
//!
//! An entity object is `{id, label, type, mention, pronoun, aliases, wikidata}`: the stable
//! entity id, the graph's canonical label and type (`Person`, `Organization`, `Place`,
//! `Group`, `Event`, `Other`), the words this sentence used (`he` for a resolved pronoun),
//! `true` when those words are a pronoun that coreference resolved to this entity (so
//! `mention` and `label` together show the resolution), the entity's other names (sorted)
//! and its Wikidata QID or `null`.
//!
//! Stability: keys are only added, never renamed or removed, within a format version.
//! The JSON Schema is `schemas/statements.schema.json`.

use std::io::{self, Write};

use serde::Serialize;

use super::{ExportError, FORMAT_VERSION, StatementSource, clean_confidence};
use crate::graph::{EntityRef, KnowledgeGraph, Statement};

/// One line of `statements.jsonl` (wire struct: field order is the key order).
#[derive(Debug, Serialize)]
pub struct StatementRow<'a> {
    doc: &'a str,
    sentence: usize,
    span: [usize; 2],
    char_span: [usize; 2],
    text: &'a str,
    actor: EntityRow<'a>,
    action: ActionRow<'a>,
    target: EntityRow<'a>,
    polarity: &'static str,
    modality: &'static str,
    attributed_to: Option<EntityRow<'a>>,
    confidence: f64,
    extractor: &'a str,
    format_version: u32,
}

#[derive(Debug, Serialize)]
struct EntityRow<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    mention: &'a str,
    pronoun: bool,
    aliases: Vec<&'a str>,
    wikidata: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct ActionRow<'a> {
    label: &'a str,
    lemma: &'a str,
    surface: &'a str,
}

/// Joins each statement with its entities in `graph`. Fails on a statement that names an
/// entity the graph does not have.
pub fn rows<'a>(
    graph: &'a KnowledgeGraph,
    statements: &'a [Statement],
) -> Result<Vec<StatementRow<'a>>, ExportError> {
    statements.iter().map(|s| row(graph, s)).collect()
}

/// Joins one statement with its entities in `graph`. Fails when it names an entity the
/// graph does not have.
pub fn row<'a>(
    graph: &'a KnowledgeGraph,
    s: &'a Statement,
) -> Result<StatementRow<'a>, ExportError> {
    let entity = |r: &'a EntityRef| -> Result<EntityRow<'a>, ExportError> {
        let e = graph
            .entity(&r.id)
            .ok_or_else(|| ExportError::UnknownEntity {
                doc: s.doc.clone(),
                sentence: s.sentence,
                entity: r.id.to_string(),
            })?;
        Ok(EntityRow {
            id: e.id.as_str(),
            label: &e.label,
            kind: e.kind.as_str(),
            mention: &r.mention,
            pronoun: r.pronoun,
            aliases: e.aliases.iter().map(String::as_str).collect(),
            wikidata: e.wikidata.as_deref(),
        })
    };
    Ok(StatementRow {
        doc: &s.doc,
        sentence: s.sentence,
        span: [s.span.start, s.span.end],
        char_span: [s.char_span.start, s.char_span.end],
        text: &s.text,
        actor: entity(&s.actor)?,
        action: ActionRow {
            label: &s.action.label,
            lemma: &s.action.lemma,
            surface: &s.action.surface,
        },
        target: entity(&s.target)?,
        polarity: s.polarity.as_str(),
        modality: s.modality.as_str(),
        attributed_to: s.attributed_to.as_ref().map(entity).transpose()?,
        confidence: clean_confidence(f64::from(s.confidence)),
        extractor: &s.extractor,
        format_version: FORMAT_VERSION,
    })
}

/// Fails on the first statement that names an entity `graph` does not have, so a file is
/// not started that [`write_joined`] could not finish.
pub fn check(graph: &KnowledgeGraph, statements: &[Statement]) -> Result<(), ExportError> {
    let known = |r: &EntityRef, s: &Statement| {
        if graph.entity(&r.id).is_some() {
            Ok(())
        } else {
            Err(ExportError::UnknownEntity {
                doc: s.doc.clone(),
                sentence: s.sentence,
                entity: r.id.to_string(),
            })
        }
    };
    for s in statements {
        known(&s.actor, s)?;
        known(&s.target, s)?;
        if let Some(a) = &s.attributed_to {
            known(a, s)?;
        }
    }
    Ok(())
}

/// Writes the statements one JSON object per line, joining each with its entities as it
/// goes: the same bytes as [`write()`] over [`rows`], without holding every row at once.
/// Run [`check`] first; a statement naming an unknown entity is an I/O error here.
pub fn write_joined(
    w: &mut dyn Write,
    graph: &KnowledgeGraph,
    statements: &[Statement],
) -> io::Result<()> {
    for s in statements {
        let row = row(graph, s).map_err(io::Error::other)?;
        serde_json::to_writer(&mut *w, &row)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// [`write_joined`] over the statements of any [`StatementSource`], one at a time.
pub fn write_from(
    w: &mut dyn Write,
    graph: &KnowledgeGraph,
    statements: &(impl StatementSource + ?Sized),
) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
    statements.for_each(graph, &mut |s| {
        let row = row(graph, s).map_err(io::Error::other)?;
        serde_json::to_writer(&mut buffered, &row)?;
        buffered.write_all(b"\n")
    })?;
    buffered.flush()
}

/// Writes the rows, one JSON object per line.
pub fn write(w: &mut dyn Write, rows: &[StatementRow<'_>]) -> io::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *w, row)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}
