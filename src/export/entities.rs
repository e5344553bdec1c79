//! `entities.jsonl`: one entity per line, with why it is what it is.
//!
//! # Format (version [`FORMAT_VERSION`])
//!
//! UTF-8, one JSON object per line (`\n`), entities sorted by id: every entity of the
//! build (as `statements.jsonl`, not only those of the graph files' confidence floor).
//! Keys in this order:
//!
//! | key | value |
//! |---|---|
//! | `id`, `label`, `type` | as in the graph files |
//! | `wikidata` | Wikidata QID or `null` |
//! | `country`, `part_of` | a sovereign country; the entity it belongs to (a group's owner) or `null` |
//! | `mentions`, `documents` | how many mentions resolved to it, in how many articles |
//! | `roles` | roles seen in appositions, sorted |
//! | `type_from` | where the type came from: `gazetteer`, `metonym`, `corpus surname`, `context` (an organisation by the nouns its name modifies: `Fiat shares`, `Chelsea manager`) or `mentions` (then `type_votes` decided), `null` when unknown |
//! | `type_votes` | `{type: votes}`: mentions of each type among its article-level parts (a part seen with a person title weighs 100 more) |
//! | `forms` | `[{form, mentions, rules}]`, sorted by form: every name it was seen under (titles stripped) and the rules that put that name on it |
//! | `format_version` | [`FORMAT_VERSION`] |
//!
//! Rules ([`MergeRule`](crate::model::MergeRule)): within an article `own-name` (the
//! name began the entity), `same-name` (the same name normalised), `gazetteer` (a name of
//! the gazetteer entry), `surname` (a surname of the one person named in full), `short-form`
//! (`the Union`), `acronym` (`PCS` defined beside its full name), `parenthesis` (`X (Y)`),
//! `description` (`the government` as the government of the country in focus);
//! across articles `corpus-gazetteer`, `corpus-name` (the same full name), `corpus-surname`
//! (a lone surname joined to the one person of the corpus with it), `corpus-group`,
//! `corpus-phrase`. A merge's rule goes on the names of both sides, so a name with only
//! `own-name` was never merged with anything.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::FORMAT_VERSION;
use crate::graph::KnowledgeGraph;

#[derive(Serialize)]
struct EntityLine<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    wikidata: Option<&'a str>,
    country: bool,
    part_of: Option<&'a str>,
    mentions: usize,
    documents: usize,
    roles: Vec<&'a str>,
    type_from: Option<&'static str>,
    type_votes: BTreeMap<&'static str, usize>,
    forms: Vec<FormLine<'a>>,
    format_version: u32,
}

#[derive(Serialize)]
struct FormLine<'a> {
    form: &'a str,
    mentions: usize,
    rules: &'a [&'static str],
}

/// Writes `entities.jsonl` for every entity of `graph`, sorted by id.
pub fn write(w: &mut dyn Write, graph: &KnowledgeGraph) -> io::Result<()> {
    let mut line = Vec::new();
    for e in graph.entities() {
        let evidence = graph.entity_evidence(&e.id);
        let row = EntityLine {
            id: &e.id.0,
            label: &e.label,
            kind: e.kind.as_str(),
            wikidata: e.wikidata.as_deref(),
            country: e.country,
            part_of: e.part_of.as_ref().map(|p| p.0.as_str()),
            mentions: e.mentions,
            documents: e.documents,
            roles: e.roles.iter().map(String::as_str).collect(),
            type_from: evidence.map(|v| v.type_from),
            type_votes: evidence
                .map(|v| v.type_votes.iter().map(|(k, &n)| (k.as_str(), n)).collect())
                .unwrap_or_default(),
            forms: evidence
                .map(|v| {
                    v.forms
                        .iter()
                        .map(|f| FormLine {
                            form: &f.form,
                            mentions: f.mentions,
                            rules: &f.rules,
                        })
                        .collect()
                })
                .unwrap_or_default(),
            format_version: FORMAT_VERSION,
        };
        line.clear();
        serde_json::to_writer(&mut line, &row)?;
        line.push(b'\n');
        w.write_all(&line)?;
    }
    Ok(())
}
