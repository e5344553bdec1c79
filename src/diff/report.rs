//! A [`GraphDiff`] for people (text) and for scripts (JSON).
//!
//! # Text
//!
//! A header naming both versions with their sizes, then one group per kind of change:
//! relations added, changed and removed, entities added, changed and removed, articles.
//! Inside a group the biggest changes come first (by weight, by how much changed), ties
//! by id. Entities whose only change is their mention or document count are counted, not
//! listed. Colour (green added, red removed, yellow changed) only when asked for.
//!
//! # JSON
//!
//! One object, pretty-printed, keys in a fixed order, every list sorted by id:
//!
//! ```text
//! {
//!   "format": "actorgraph-diff",
//!   "version": 1,
//!   "old": {"label": …, "articles": n, "entities": n, "relations": n},
//!   "new": {…},
//!   "equal": bool,
//!   "summary": {"entities": {"added": n, "removed": n, "changed": n}, "relations": {…}, "articles": {…}},
//!   "entities": {
//!     "added":   [Entity],
//!     "removed": [Entity],
//!     "changed": [{"id", "fields": [names], "label"?: {"old","new"}, "type"?: {"old","new"},
//!                  "country"?, "wikidata"?, "part_of"?, "aliases"?: {"added","removed"},
//!                  "roles"?: {"added","removed"}, "mentions"?: {"old","new"}, "documents"?: {"old","new"}}]
//!   },
//!   "moved_entities": [{"old": id, "new": id}],
//!   "relations": {
//!     "added":   [Relation],
//!     "removed": [Relation],
//!     "changed": [{"id", "actor", "action", "target", "fields": [names],
//!                  "weight": {"old","new"}, "confidence": {"old","new"},
//!                  "polarity": {"old","new"}, "modality": {"old","new"},
//!                  "documents": {"added": [ids], "removed": [ids]},
//!                  "evidence": {"added": [Evidence], "removed": [Evidence]},
//!                  "action_label"?: {"old","new"}, "lemma"?: {"old","new"}}]
//!   },
//!   "moved_relations": [{"old": id, "new": [ids]}],
//!   "articles": {"added": [Article], "removed": [Article], "changed": [{"id", "old": Article, "new": Article}]}
//! }
//! ```
//!
//! - Entity: `{"id", "label", "type", "country", "wikidata"?, "aliases", "part_of"?, "roles",
//!   "mentions", "documents"}`.
//! - Relation: `{"id", "actor", "action", "lemma", "target", "weight", "confidence",
//!   "polarity", "modality", "documents": [ids]}`.
//! - Evidence: `{"doc", "sentence", "span": [start, end], "surface", "polarity", "modality",
//!   "confidence", "extractor", "attributed_to"?}`.
//! - Article: `{"id", "title"?, "date"?, "url"?}`.
//! - `moved_entities` pairs each removed entity with the entities of the new graph that
//!   carry its label or an alias as label or alias ([`super::likely_moves`]): probably the
//!   same thing under another id. `moved_relations` (after `relations`) gives each removed
//!   relation whose statements all went to relations added or changed, with those
//!   relations' ids ([`super::relation_moves`]). The text report lists both as
//!   *re-identified*, not removed; the `removed` lists here keep them (a diff replays).
//!   Their counts are `summary.entities.moved` and `summary.relations.moved`.
//! - Keys marked `?` are left out when empty. `fields` names what changed (see
//!   [`EntityChange::fields`] and [`RelationChange::fields`]); old/new pairs of a changed
//!   relation are always present, equal or not.
//! - `version` grows when a key is removed or changes meaning; new keys may appear
//!   within a version.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::{Change, EntityChange, GraphDiff, RelationChange, SetChange};
use crate::graph::{ArticleMeta, Evidence, KnowledgeGraph, Relation, RelationId};
use crate::model::{Entity, EntityId};

/// The version of the JSON format written by [`write_json`].
pub const JSON_FORMAT_VERSION: u32 = 1;

/// One of the two versions compared: a label for people (a path, a date) and the graph.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// How to name this version in outputs.
    pub label: &'a str,
    /// The graph.
    pub graph: &'a KnowledgeGraph,
}

/// Text output settings.
#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    /// Colour with ANSI escapes.
    pub color: bool,
}

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn added(&self, t: &str) -> String {
        self.wrap("32", t)
    }
    fn removed(&self, t: &str) -> String {
        self.wrap("31", t)
    }
    fn changed(&self, t: &str) -> String {
        self.wrap("33", t)
    }
    fn bold(&self, t: &str) -> String {
        self.wrap("1", t)
    }
}

fn size(g: &KnowledgeGraph) -> String {
    format!(
        "{}, {}, {}",
        count(g.articles().count(), "article"),
        count(g.entity_count(), "entity"),
        count(g.relation_count(), "relation")
    )
}

/// `1 article`, `2 articles`, `1 entity`, `3 entities`.
fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// Writes the diff for people. Writes `No differences.` when the diff is empty.
pub fn write_text<W: Write>(
    mut w: W,
    old: Side<'_>,
    new: Side<'_>,
    diff: &GraphDiff,
    options: TextOptions,
) -> io::Result<()> {
    let p = Paint { on: options.color };
    writeln!(
        w,
        "{} {} ({})",
        p.removed("---"),
        old.label,
        size(old.graph)
    )?;
    writeln!(w, "{} {} ({})", p.added("+++"), new.label, size(new.graph))?;
    if diff.is_empty() {
        writeln!(w, "No differences.")?;
        return Ok(());
    }
    let name = |id: &EntityId| -> String {
        new.graph
            .entity(id)
            .or_else(|| old.graph.entity(id))
            .map_or_else(|| id.to_string(), |e| e.label.clone())
    };
    let arrow = |actor: &EntityId, action: &str, target: &EntityId| {
        format!("{} —{}→ {}", name(actor), action, name(target))
    };

    // Removed ids whose names or statements live on under other ids are listed apart, as
    // re-identified: nothing of them was lost.
    let moves = super::likely_moves(diff, new.graph);
    let relation_moves = super::relation_moves(diff);
    let r = &diff.relations;
    let (r_moved, r_gone): (Vec<&Relation>, Vec<&Relation>) = r.removed.iter().partition(|x| {
        relation_moves
            .binary_search_by(|m| m.old.cmp(&x.id))
            .is_ok()
    });
    writeln!(w)?;
    writeln!(
        w,
        "{} {} added, {} removed, {}{} changed",
        p.bold("Relations:"),
        r.added.len(),
        r_gone.len(),
        reidentified(r_moved.len()),
        r.changed.len()
    )?;
    let e = &diff.entities;
    let (e_moved, e_gone): (Vec<&Entity>, Vec<&Entity>) = e
        .removed
        .iter()
        .partition(|x| moved_to(&moves, &x.id).next().is_some());
    let substantive = e.changed.iter().filter(|c| c.is_substantive()).count();
    writeln!(
        w,
        "{} {} added, {} removed, {}{} changed ({} in mention counts only)",
        p.bold("Entities:"),
        e.added.len(),
        e_gone.len(),
        reidentified(e_moved.len()),
        e.changed.len(),
        e.changed.len() - substantive
    )?;
    let a = &diff.articles;
    writeln!(
        w,
        "{} {} added, {} removed, {} changed",
        p.bold("Articles:"),
        a.added.len(),
        a.removed.len(),
        a.changed.len()
    )?;

    let relations = |w: &mut W, title: &str, list: &[&Relation], sign: char| -> io::Result<()> {
        if list.is_empty() {
            return Ok(());
        }
        heading(w, &p, title, list.len(), "heaviest first")?;
        for rel in by_weight(list.iter().copied()) {
            let line = format!("{sign} {}", arrow(&rel.actor, &rel.action, &rel.target));
            let line = if sign == '+' {
                p.added(&line)
            } else {
                p.removed(&line)
            };
            writeln!(w, "  {line}  {}", relation_facts(rel))?;
        }
        Ok(())
    };
    relations(
        &mut w,
        "Relations added",
        &r.added.iter().collect::<Vec<_>>(),
        '+',
    )?;
    if !r.changed.is_empty() {
        heading(&mut w, &p, "Relations changed", r.changed.len(), BIGGEST)?;
        for c in biggest_first(r.changed.iter(), |c| (c.magnitude(), c.id.as_str())) {
            let line = format!("~ {}", arrow(&c.actor, &c.action, &c.target));
            writeln!(w, "  {}  {}", p.changed(&line), relation_change_facts(c))?;
        }
    }
    if !r_moved.is_empty() {
        heading(
            &mut w,
            &p,
            "Relations re-identified: their statements are now on other relations",
            r_moved.len(),
            "heaviest first",
        )?;
        for rel in by_weight(r_moved.iter().copied()) {
            let line = format!("~ {}", arrow(&rel.actor, &rel.action, &rel.target));
            let now: Vec<String> = relation_moves
                .binary_search_by(|m| m.old.cmp(&rel.id))
                .map(|i| {
                    relation_moves[i]
                        .new
                        .iter()
                        .map(|id| {
                            // The new homes are relations the diff adds or changes, both
                            // lists sorted by id.
                            let ends = if let Ok(i) = r.added.binary_search_by(|x| x.id.cmp(id)) {
                                let n = &r.added[i];
                                Some((&n.actor, &n.action, &n.target))
                            } else if let Ok(i) = r.changed.binary_search_by(|x| x.id.cmp(id)) {
                                let n = &r.changed[i];
                                Some((&n.actor, &n.action, &n.target))
                            } else {
                                None
                            };
                            // An end that changed shows its id: the label may be the same.
                            let end = |old: &EntityId, now: &EntityId| {
                                if old == now {
                                    name(now)
                                } else {
                                    format!("{} ({now})", name(now))
                                }
                            };
                            ends.map_or_else(
                                || id.to_string(),
                                |(a, act, t)| {
                                    format!(
                                        "{} —{act}→ {}",
                                        end(&rel.actor, a),
                                        end(&rel.target, t)
                                    )
                                },
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            writeln!(
                w,
                "  {}  {}; now {}",
                p.changed(&line),
                relation_facts(rel),
                now.join(", ")
            )?;
        }
    }
    relations(&mut w, "Relations removed", &r_gone, '-')?;
    if !e.added.is_empty() {
        heading(&mut w, &p, "Entities added", e.added.len(), MOST_MENTIONED)?;
        for ent in by_mentions(&e.added) {
            writeln!(
                w,
                "  {}  {}",
                p.added(&format!("+ {}", ent.label)),
                entity_facts(ent)
            )?;
        }
    }
    if substantive > 0 {
        heading(&mut w, &p, "Entities changed", substantive, BIGGEST)?;
        let changed = e.changed.iter().filter(|c| c.is_substantive());
        for c in biggest_first(changed, |c| (c.magnitude(), c.id.as_str())) {
            let line = format!("~ {}", name(&c.id));
            writeln!(
                w,
                "  {}  ({}) {}",
                p.changed(&line),
                c.id,
                entity_change_facts(c)
            )?;
        }
    }
    if !e_moved.is_empty() {
        heading(
            &mut w,
            &p,
            "Entities re-identified: their names are now on other entities",
            e_moved.len(),
            MOST_MENTIONED,
        )?;
        for ent in by_mentions(e_moved.iter().copied()) {
            let now: Vec<&str> = moved_to(&moves, &ent.id).collect();
            writeln!(
                w,
                "  {}  {}; now {}",
                p.changed(&format!("~ {}", ent.label)),
                entity_facts(ent),
                now.join(", ")
            )?;
        }
    }
    if !e_gone.is_empty() {
        heading(&mut w, &p, "Entities removed", e_gone.len(), MOST_MENTIONED)?;
        for ent in by_mentions(e_gone.iter().copied()) {
            writeln!(
                w,
                "  {}  {}",
                p.removed(&format!("- {}", ent.label)),
                entity_facts(ent)
            )?;
        }
    }
    if !a.is_empty() {
        writeln!(w, "\n{}", p.bold("Articles"))?;
        for art in &a.added {
            writeln!(w, "  {}", p.added(&format!("+ {}", article_line(art))))?;
        }
        for c in &a.changed {
            writeln!(w, "  {}", p.changed(&format!("~ {}", article_line(&c.new))))?;
        }
        for art in &a.removed {
            writeln!(w, "  {}", p.removed(&format!("- {}", article_line(art))))?;
        }
    }
    Ok(())
}

const BIGGEST: &str = "biggest change first";
const MOST_MENTIONED: &str = "most mentioned first";

/// A section heading of the text report: `Title (count), order`, after a blank line.
fn heading(
    w: &mut impl Write,
    p: &Paint,
    title: &str,
    count: usize,
    order: &str,
) -> io::Result<()> {
    writeln!(w, "\n{}", p.bold(&format!("{title} ({count}), {order}")))
}

/// Changes sorted by `key` = (magnitude, id): biggest first, then by id.
fn biggest_first<'a, C>(
    changes: impl Iterator<Item = &'a C>,
    key: impl Fn(&C) -> (usize, &str),
) -> Vec<&'a C> {
    let mut out: Vec<&C> = changes.collect();
    out.sort_by(|x, y| {
        let ((mx, ix), (my, iy)) = (key(x), key(y));
        my.cmp(&mx).then_with(|| ix.cmp(iy))
    });
    out
}

fn by_weight<'a>(relations: impl IntoIterator<Item = &'a Relation>) -> Vec<&'a Relation> {
    let mut out: Vec<&Relation> = relations.into_iter().collect();
    out.sort_by(|x, y| y.weight().cmp(&x.weight()).then_with(|| x.id.cmp(&y.id)));
    out
}

fn by_mentions<'a>(entities: impl IntoIterator<Item = &'a Entity>) -> Vec<&'a Entity> {
    let mut out: Vec<&Entity> = entities.into_iter().collect();
    out.sort_by(|x, y| y.mentions.cmp(&x.mentions).then_with(|| x.id.cmp(&y.id)));
    out
}

/// The new ids that carry the names of removed entity `old` (`moves` sorted by old id).
fn moved_to<'a>(moves: &'a [super::Moved], old: &'a EntityId) -> impl Iterator<Item = &'a str> {
    let first = moves.partition_point(|m| m.old < *old);
    moves[first..]
        .iter()
        .take_while(move |m| m.old == *old)
        .map(|m| m.new.as_str())
}

/// `, n re-identified` when `n` is not zero.
fn reidentified(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!("{n} re-identified, ")
    }
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn relation_facts(r: &Relation) -> String {
    let docs: Vec<String> = r.documents().into_iter().map(str::to_owned).collect();
    let mut out = format!("weight {}, confidence {}", r.weight(), r.confidence());
    if r.polarity() != crate::model::Polarity::Positive {
        let _ = write!(out, ", {}", r.polarity().as_str());
    }
    if r.modality() != crate::model::Modality::Asserted {
        let _ = write!(out, ", {}", r.modality().as_str());
    }
    let _ = write!(out, "; articles {}", list(&docs));
    out
}

fn relation_change_facts(c: &RelationChange) -> String {
    let mut parts = Vec::new();
    let delta = c.weight_delta();
    if delta != 0 {
        parts.push(format!(
            "weight {} → {} ({delta:+})",
            c.weight.old, c.weight.new
        ));
    } else {
        parts.push(format!("weight {}", c.weight.new));
    }
    if !c.documents_added.is_empty() {
        parts.push(format!("new articles {}", list(&c.documents_added)));
    }
    if !c.documents_removed.is_empty() {
        parts.push(format!("dropped articles {}", list(&c.documents_removed)));
    }
    if c.documents_added.is_empty()
        && c.documents_removed.is_empty()
        && (!c.evidence_added.is_empty() || !c.evidence_removed.is_empty())
    {
        parts.push(format!(
            "statements +{} −{}",
            c.evidence_added.len(),
            c.evidence_removed.len()
        ));
    }
    if c.confidence.differs() {
        parts.push(format!(
            "confidence {} → {}",
            c.confidence.old, c.confidence.new
        ));
    }
    if c.polarity.differs() {
        parts.push(format!(
            "polarity {} → {}",
            c.polarity.old.as_str(),
            c.polarity.new.as_str()
        ));
    }
    if c.modality.differs() {
        parts.push(format!(
            "modality {} → {}",
            c.modality.old.as_str(),
            c.modality.new.as_str()
        ));
    }
    if let Some(a) = &c.action_change {
        parts.push(format!("action {:?} → {:?}", a.old, a.new));
    }
    if let Some(l) = &c.lemma_change {
        parts.push(format!("lemma {:?} → {:?}", l.old, l.new));
    }
    parts.join("; ")
}

fn entity_facts(e: &Entity) -> String {
    let mut out = format!("({}, {}) mentions {}", e.id, e.kind.as_str(), e.mentions);
    if !e.aliases.is_empty() {
        let aliases: Vec<String> = e.aliases.iter().cloned().collect();
        let _ = write!(out, "; aliases {}", list(&aliases));
    }
    out
}

fn set_facts(name: &str, c: &SetChange<String>) -> Option<String> {
    if c.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = c.added.iter().map(|a| format!("+{a}")).collect();
    parts.extend(c.removed.iter().map(|r| format!("−{r}")));
    Some(format!("{name} {}", parts.join(", ")))
}

fn opt(o: &Option<impl std::fmt::Display>) -> String {
    o.as_ref()
        .map_or_else(|| "none".to_owned(), ToString::to_string)
}

fn entity_change_facts(c: &EntityChange) -> String {
    let mut parts = Vec::new();
    if let Some(l) = &c.label {
        parts.push(format!("label {:?} → {:?}", l.old, l.new));
    }
    if let Some(k) = &c.kind {
        parts.push(format!("type {} → {}", k.old.as_str(), k.new.as_str()));
    }
    if let Some(x) = &c.country {
        parts.push(format!("country {} → {}", x.old, x.new));
    }
    if let Some(x) = &c.wikidata {
        parts.push(format!("wikidata {} → {}", opt(&x.old), opt(&x.new)));
    }
    if let Some(x) = &c.part_of {
        parts.push(format!("part of {} → {}", opt(&x.old), opt(&x.new)));
    }
    parts.extend(set_facts("aliases", &c.aliases));
    parts.extend(set_facts("roles", &c.roles));
    if let Some(m) = &c.mentions {
        parts.push(format!("mentions {} → {}", m.old, m.new));
    }
    parts.join("; ")
}

fn article_line(a: &ArticleMeta) -> String {
    match &a.title {
        Some(t) => format!("{} {t:?}", a.id),
        None => a.id.clone(),
    }
}

// ---------------------------------------------------------------------------------------
// JSON wire types: serialize-only, separate from the domain types.

#[derive(Serialize)]
struct JsonDiff<'a> {
    format: &'static str,
    version: u32,
    old: JsonSide<'a>,
    new: JsonSide<'a>,
    equal: bool,
    summary: JsonSummary,
    entities: JsonChanges<JsonEntity<'a>, JsonEntityChange<'a>>,
    moved_entities: Vec<JsonMoved<'a>>,
    relations: JsonChanges<JsonRelation<'a>, JsonRelationChange<'a>>,
    moved_relations: Vec<JsonMovedRelation<'a>>,
    articles: JsonChanges<JsonArticle<'a>, JsonArticleChange<'a>>,
}

#[derive(Serialize)]
struct JsonMoved<'a> {
    old: &'a str,
    new: &'a str,
}

#[derive(Serialize)]
struct JsonMovedRelation<'a> {
    old: &'a str,
    new: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonSide<'a> {
    label: &'a str,
    articles: usize,
    entities: usize,
    relations: usize,
}

#[derive(Serialize)]
struct JsonCounts {
    added: usize,
    removed: usize,
    changed: usize,
    /// Of the removed, how many live on under other ids (entities and relations only).
    #[serde(skip_serializing_if = "Option::is_none")]
    moved: Option<usize>,
}

#[derive(Serialize)]
struct JsonSummary {
    entities: JsonCounts,
    relations: JsonCounts,
    articles: JsonCounts,
}

#[derive(Serialize)]
struct JsonChanges<T, C> {
    added: Vec<T>,
    removed: Vec<T>,
    changed: Vec<C>,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    country: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    wikidata: Option<&'a str>,
    aliases: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<&'a str>,
    roles: Vec<&'a str>,
    mentions: usize,
    documents: usize,
}

#[derive(Serialize)]
struct OldNew<T> {
    old: T,
    new: T,
}

#[derive(Serialize)]
struct AddedRemoved<T> {
    added: Vec<T>,
    removed: Vec<T>,
}

#[derive(Serialize)]
struct JsonEntityChange<'a> {
    id: &'a str,
    fields: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<OldNew<&'a str>>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<OldNew<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<OldNew<bool>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wikidata: Option<OldNew<Option<&'a str>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<OldNew<Option<&'a str>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    aliases: Option<AddedRemoved<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<AddedRemoved<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mentions: Option<OldNew<usize>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    documents: Option<OldNew<usize>>,
}

#[derive(Serialize)]
struct JsonRelation<'a> {
    id: &'a str,
    actor: &'a str,
    action: &'a str,
    lemma: &'a str,
    target: &'a str,
    weight: usize,
    confidence: f64,
    polarity: &'static str,
    modality: &'static str,
    documents: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    doc: &'a str,
    sentence: usize,
    span: [usize; 2],
    surface: &'a str,
    polarity: &'static str,
    modality: &'static str,
    confidence: f32,
    extractor: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    attributed_to: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRelationChange<'a> {
    id: &'a str,
    actor: &'a str,
    action: &'a str,
    target: &'a str,
    fields: Vec<&'static str>,
    weight: OldNew<usize>,
    confidence: OldNew<f64>,
    polarity: OldNew<&'static str>,
    modality: OldNew<&'static str>,
    documents: AddedRemoved<&'a str>,
    evidence: AddedRemoved<JsonEvidence<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    action_label: Option<OldNew<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lemma: Option<OldNew<&'a str>>,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonArticleChange<'a> {
    id: &'a str,
    old: JsonArticle<'a>,
    new: JsonArticle<'a>,
}

fn json_entity(e: &Entity) -> JsonEntity<'_> {
    JsonEntity {
        id: e.id.as_str(),
        label: &e.label,
        kind: e.kind.as_str(),
        country: e.country,
        wikidata: e.wikidata.as_deref(),
        aliases: e.aliases.iter().map(String::as_str).collect(),
        part_of: e.part_of.as_ref().map(EntityId::as_str),
        roles: e.roles.iter().map(String::as_str).collect(),
        mentions: e.mentions,
        documents: e.documents,
    }
}

fn pair<'a, T, U>(c: &'a Change<T>, f: impl Fn(&'a T) -> U) -> OldNew<U> {
    OldNew {
        old: f(&c.old),
        new: f(&c.new),
    }
}

fn set_pair(c: &SetChange<String>) -> Option<AddedRemoved<&str>> {
    (!c.is_empty()).then(|| AddedRemoved {
        added: c.added.iter().map(String::as_str).collect(),
        removed: c.removed.iter().map(String::as_str).collect(),
    })
}

fn json_entity_change(c: &EntityChange) -> JsonEntityChange<'_> {
    JsonEntityChange {
        id: c.id.as_str(),
        fields: c.fields(),
        label: c.label.as_ref().map(|x| pair(x, String::as_str)),
        kind: c.kind.as_ref().map(|x| pair(x, |k| k.as_str())),
        country: c.country.as_ref().map(|x| pair(x, |b| *b)),
        wikidata: c.wikidata.as_ref().map(|x| pair(x, |w| w.as_deref())),
        part_of: c
            .part_of
            .as_ref()
            .map(|x| pair(x, |p| p.as_ref().map(EntityId::as_str))),
        aliases: set_pair(&c.aliases),
        roles: set_pair(&c.roles),
        mentions: c.mentions.as_ref().map(|x| pair(x, |n| *n)),
        documents: c.documents.as_ref().map(|x| pair(x, |n| *n)),
    }
}

fn json_relation(r: &Relation) -> JsonRelation<'_> {
    JsonRelation {
        id: r.id.as_str(),
        actor: r.actor.as_str(),
        action: &r.action,
        lemma: &r.lemma,
        target: r.target.as_str(),
        weight: r.weight(),
        confidence: r.confidence(),
        polarity: r.polarity().as_str(),
        modality: r.modality().as_str(),
        documents: r.documents().into_iter().collect(),
    }
}

fn json_evidence(e: &Evidence) -> JsonEvidence<'_> {
    JsonEvidence {
        doc: &e.doc,
        sentence: e.sentence,
        span: [e.span.start, e.span.end],
        surface: &e.surface,
        polarity: e.polarity.as_str(),
        modality: e.modality.as_str(),
        confidence: e.confidence,
        extractor: &e.extractor,
        attributed_to: e.attributed_to.as_ref().map(EntityId::as_str),
    }
}

fn json_relation_change(c: &RelationChange) -> JsonRelationChange<'_> {
    JsonRelationChange {
        id: c.id.as_str(),
        actor: c.actor.as_str(),
        action: &c.action,
        target: c.target.as_str(),
        fields: c.fields(),
        weight: pair(&c.weight, |w| *w),
        confidence: pair(&c.confidence, |x| *x),
        polarity: pair(&c.polarity, |x| x.as_str()),
        modality: pair(&c.modality, |x| x.as_str()),
        documents: AddedRemoved {
            added: c.documents_added.iter().map(String::as_str).collect(),
            removed: c.documents_removed.iter().map(String::as_str).collect(),
        },
        evidence: AddedRemoved {
            added: c.evidence_added.iter().map(json_evidence).collect(),
            removed: c.evidence_removed.iter().map(json_evidence).collect(),
        },
        action_label: c.action_change.as_ref().map(|x| pair(x, String::as_str)),
        lemma: c.lemma_change.as_ref().map(|x| pair(x, String::as_str)),
    }
}

fn json_article(a: &ArticleMeta) -> JsonArticle<'_> {
    JsonArticle {
        id: &a.id,
        title: a.title.as_deref(),
        date: a.date.as_deref(),
        url: a.url.as_deref(),
    }
}

fn json_side<'a>(s: Side<'a>) -> JsonSide<'a> {
    JsonSide {
        label: s.label,
        articles: s.graph.articles().count(),
        entities: s.graph.entity_count(),
        relations: s.graph.relation_count(),
    }
}

fn counts<T, C>(c: &super::Changes<T, C>, moved: Option<usize>) -> JsonCounts {
    JsonCounts {
        added: c.added.len(),
        removed: c.removed.len(),
        changed: c.changed.len(),
        moved,
    }
}

/// Writes the diff as JSON (see the module docs for the format), followed by a newline.
pub fn write_json<W: Write>(
    mut w: W,
    old: Side<'_>,
    new: Side<'_>,
    diff: &GraphDiff,
) -> io::Result<()> {
    let moves = super::likely_moves(diff, new.graph);
    let relation_moves = super::relation_moves(diff);
    let moved_entities = moves
        .iter()
        .map(|m| &m.old)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let doc = JsonDiff {
        format: "actorgraph-diff",
        version: JSON_FORMAT_VERSION,
        old: json_side(old),
        new: json_side(new),
        equal: diff.is_empty(),
        summary: JsonSummary {
            entities: counts(&diff.entities, Some(moved_entities)),
            relations: counts(&diff.relations, Some(relation_moves.len())),
            articles: counts(&diff.articles, None),
        },
        entities: JsonChanges {
            added: diff.entities.added.iter().map(json_entity).collect(),
            removed: diff.entities.removed.iter().map(json_entity).collect(),
            changed: diff
                .entities
                .changed
                .iter()
                .map(json_entity_change)
                .collect(),
        },
        moved_entities: moves
            .iter()
            .map(|m| JsonMoved {
                old: m.old.as_str(),
                new: m.new.as_str(),
            })
            .collect(),
        moved_relations: relation_moves
            .iter()
            .map(|m| JsonMovedRelation {
                old: m.old.as_str(),
                new: m.new.iter().map(RelationId::as_str).collect(),
            })
            .collect(),
        relations: JsonChanges {
            added: diff.relations.added.iter().map(json_relation).collect(),
            removed: diff.relations.removed.iter().map(json_relation).collect(),
            changed: diff
                .relations
                .changed
                .iter()
                .map(json_relation_change)
                .collect(),
        },
        articles: JsonChanges {
            added: diff.articles.added.iter().map(json_article).collect(),
            removed: diff.articles.removed.iter().map(json_article).collect(),
            changed: diff
                .articles
                .changed
                .iter()
                .map(|c| JsonArticleChange {
                    id: &c.new.id,
                    old: json_article(&c.old),
                    new: json_article(&c.new),
                })
                .collect(),
        },
    };
    serde_json::to_writer_pretty(&mut w, &doc).map_err(io::Error::other)?;
    writeln!(w)
}
