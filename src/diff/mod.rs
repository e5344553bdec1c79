//! Beside the pipeline: what changed between two graphs (two corpus versions).
//!
//! - A [`GraphDiff`] lists what one [`KnowledgeGraph`] (the *old* version) lacks or has
//!   that another (the *new* version) does not, keyed by our stable ids: [`EntityId`],
//!   [`RelationId`] and article ids. Never by petgraph indices.
//! - Entities, relations and articles are each *added* (only in the new graph), *removed*
//!   (only in the old one) or *changed* (in both, with different content); see [`Status`].
//! - A relation's change is recorded at the level of its evidence (statements added and
//!   dropped); what users read (weight, documents, confidence, polarity, modality) is
//!   derived from it and kept beside it in [`RelationChange`].
//!
//! [`diff`] computes the difference in `O(n log n)` (sorted merges, no pairwise loops),
//! [`apply`] replays it, so that `apply(a, &diff(a, b))` equals `b` up to the order of
//! equal-keyed evidence (see [`canonical_evidence_order`]).
//! [`report`] renders a diff for people (text) and scripts (JSON); [`union`] writes the
//! union of both graphs as GraphML or GEXF with a status on every node and edge.

mod moves;
pub mod report;
pub mod union;

pub use moves::{Moved, MovedRelation, likely_moves, relation_moves};

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::graph::{ArticleMeta, Evidence, GraphError, KnowledgeGraph, Relation, RelationId};
use crate::model::{Entity, EntityId, EntityType};
use crate::model::{Modality, Polarity};

/// A value before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Change<T> {
    /// In the old graph.
    pub old: T,
    /// In the new graph.
    pub new: T,
}

impl<T: PartialEq> Change<T> {
    /// The pair, or `None` when both sides are equal.
    pub fn of(old: T, new: T) -> Option<Change<T>> {
        if old == new {
            None
        } else {
            Some(Change { old, new })
        }
    }

    /// True when the value differs.
    pub fn differs(&self) -> bool {
        self.old != self.new
    }
}

/// Members added to and removed from a set, each sorted.
#[derive(Clone, Debug, PartialEq)]
pub struct SetChange<T> {
    /// In the new set only.
    pub added: Vec<T>,
    /// In the old set only.
    pub removed: Vec<T>,
}

impl<T: Ord + Clone> SetChange<T> {
    /// The difference between two sorted sets.
    pub fn of(old: &BTreeSet<T>, new: &BTreeSet<T>) -> SetChange<T> {
        SetChange {
            added: new.difference(old).cloned().collect(),
            removed: old.difference(new).cloned().collect(),
        }
    }

    /// True when the sets are equal.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }

    /// Applies the change to `set`.
    fn apply(&self, set: &mut BTreeSet<T>) {
        for r in &self.removed {
            set.remove(r);
        }
        set.extend(self.added.iter().cloned());
    }
}

/// Where an item stands between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Only in the new graph.
    Added,
    /// Only in the old graph.
    Removed,
    /// In both, with different content.
    Changed,
    /// In both, the same.
    Unchanged,
}

impl Status {
    /// The wire name: `added`, `removed`, `changed`, `unchanged`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Changed => "changed",
            Status::Unchanged => "unchanged",
        }
    }

    /// The colour the union graphs give it, as RGB: green, red, orange, grey.
    pub fn rgb(self) -> (u8, u8, u8) {
        match self {
            Status::Added => (44, 160, 44),
            Status::Removed => (214, 39, 40),
            Status::Changed => (255, 127, 14),
            Status::Unchanged => (170, 170, 170),
        }
    }

    /// The colour as `#rrggbb`.
    ///
    /// ```
    /// use actorgraph::diff::Status;
    /// assert_eq!(Status::Added.hex(), "#2ca02c");
    /// ```
    pub fn hex(self) -> String {
        let (r, g, b) = self.rgb();
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// Added, removed and changed items of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Changes<T, C> {
    /// Only in the new graph, sorted by id.
    pub added: Vec<T>,
    /// Only in the old graph, sorted by id.
    pub removed: Vec<T>,
    /// In both with different content, sorted by id.
    pub changed: Vec<C>,
}

impl<T, C> Default for Changes<T, C> {
    fn default() -> Self {
        Changes {
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
        }
    }
}

impl<T, C> Changes<T, C> {
    /// True when nothing was added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// How an entity present in both graphs changed. Fields that did not change are `None`
/// (or empty).
#[derive(Clone, Debug, PartialEq)]
pub struct EntityChange {
    /// The entity.
    pub id: EntityId,
    /// Canonical label.
    pub label: Option<Change<String>>,
    /// Coarse type.
    pub kind: Option<Change<EntityType>>,
    /// Sovereign-country flag.
    pub country: Option<Change<bool>>,
    /// Wikidata QID.
    pub wikidata: Option<Change<Option<String>>>,
    /// The entity it is part of.
    pub part_of: Option<Change<Option<EntityId>>>,
    /// Aliases added and removed.
    pub aliases: SetChange<String>,
    /// Roles added and removed.
    pub roles: SetChange<String>,
    /// Mention count.
    pub mentions: Option<Change<usize>>,
    /// Document count.
    pub documents: Option<Change<usize>>,
}

impl EntityChange {
    /// Compares two versions of one entity; `None` when they are equal.
    pub fn of(old: &Entity, new: &Entity) -> Option<EntityChange> {
        if old == new {
            return None;
        }
        Some(EntityChange {
            id: new.id.clone(),
            label: Change::of(old.label.clone(), new.label.clone()),
            kind: Change::of(old.kind, new.kind),
            country: Change::of(old.country, new.country),
            wikidata: Change::of(old.wikidata.clone(), new.wikidata.clone()),
            part_of: Change::of(old.part_of.clone(), new.part_of.clone()),
            aliases: SetChange::of(&old.aliases, &new.aliases),
            roles: SetChange::of(&old.roles, &new.roles),
            mentions: Change::of(old.mentions, new.mentions),
            documents: Change::of(old.documents, new.documents),
        })
    }

    /// True when more than the mention and document counts changed: the label, type,
    /// aliases, roles, Wikidata id, country flag or parent.
    pub fn is_substantive(&self) -> bool {
        self.label.is_some()
            || self.kind.is_some()
            || self.country.is_some()
            || self.wikidata.is_some()
            || self.part_of.is_some()
            || !self.aliases.is_empty()
            || !self.roles.is_empty()
    }

    /// How big the change is, to list the biggest first: one per changed field, one per
    /// alias or role added or removed.
    pub fn magnitude(&self) -> usize {
        usize::from(self.label.is_some())
            + usize::from(self.kind.is_some())
            + usize::from(self.country.is_some())
            + usize::from(self.wikidata.is_some())
            + usize::from(self.part_of.is_some())
            + self.aliases.added.len()
            + self.aliases.removed.len()
            + self.roles.added.len()
            + self.roles.removed.len()
    }

    /// The names of the fields that changed, in a fixed order
    /// (`label`, `type`, `country`, `wikidata`, `part_of`, `aliases`, `roles`, `mentions`,
    /// `documents`).
    pub fn fields(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let flags = [
            (self.label.is_some(), "label"),
            (self.kind.is_some(), "type"),
            (self.country.is_some(), "country"),
            (self.wikidata.is_some(), "wikidata"),
            (self.part_of.is_some(), "part_of"),
            (!self.aliases.is_empty(), "aliases"),
            (!self.roles.is_empty(), "roles"),
            (self.mentions.is_some(), "mentions"),
            (self.documents.is_some(), "documents"),
        ];
        for (on, name) in flags {
            if on {
                out.push(name);
            }
        }
        out
    }

    fn apply(&self, e: &mut Entity) {
        if let Some(c) = &self.label {
            e.label.clone_from(&c.new);
        }
        if let Some(c) = &self.kind {
            e.kind = c.new;
        }
        if let Some(c) = &self.country {
            e.country = c.new;
        }
        if let Some(c) = &self.wikidata {
            e.wikidata.clone_from(&c.new);
        }
        if let Some(c) = &self.part_of {
            e.part_of.clone_from(&c.new);
        }
        self.aliases.apply(&mut e.aliases);
        self.roles.apply(&mut e.roles);
        if let Some(c) = &self.mentions {
            e.mentions = c.new;
        }
        if let Some(c) = &self.documents {
            e.documents = c.new;
        }
    }
}

/// How a relation present in both graphs changed.
///
/// The recorded change is the evidence added and dropped (plus the action label and lemma,
/// should they differ in spelling under the same id); the other fields are derived from
/// the two versions for reports, old and new values side by side even when equal.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationChange {
    /// The relation.
    pub id: RelationId,
    /// Actor entity.
    pub actor: EntityId,
    /// Action label in the new graph.
    pub action: String,
    /// Target entity.
    pub target: EntityId,
    /// The action label, when its spelling changed under the same id.
    pub action_change: Option<Change<String>>,
    /// The lemma, when it changed.
    pub lemma_change: Option<Change<String>>,
    /// Statements in the new version only, in [`canonical_evidence_order`].
    pub evidence_added: Vec<Evidence>,
    /// Statements in the old version only, in [`canonical_evidence_order`].
    pub evidence_removed: Vec<Evidence>,
    /// Number of statements.
    pub weight: Change<usize>,
    /// Combined confidence ([`Relation::confidence`]).
    pub confidence: Change<f64>,
    /// Majority polarity.
    pub polarity: Change<Polarity>,
    /// Majority modality.
    pub modality: Change<Modality>,
    /// Articles behind the new version but not the old one, sorted.
    pub documents_added: Vec<String>,
    /// Articles behind the old version but not the new one, sorted.
    pub documents_removed: Vec<String>,
}

impl RelationChange {
    /// Compares two versions of one relation; `None` when they are equal (same evidence as
    /// a multiset, same action and lemma).
    pub fn of(old: &Relation, new: &Relation) -> Option<RelationChange> {
        let (evidence_added, evidence_removed) = evidence_difference(&old.evidence, &new.evidence);
        let action_change = Change::of(old.action.clone(), new.action.clone());
        let lemma_change = Change::of(old.lemma.clone(), new.lemma.clone());
        if evidence_added.is_empty()
            && evidence_removed.is_empty()
            && action_change.is_none()
            && lemma_change.is_none()
        {
            return None;
        }
        let old_docs: BTreeSet<&str> = old.documents().into_iter().collect();
        let new_docs: BTreeSet<&str> = new.documents().into_iter().collect();
        Some(RelationChange {
            id: new.id.clone(),
            actor: new.actor.clone(),
            action: new.action.clone(),
            target: new.target.clone(),
            action_change,
            lemma_change,
            evidence_added,
            evidence_removed,
            weight: Change {
                old: old.weight(),
                new: new.weight(),
            },
            confidence: Change {
                old: old.confidence(),
                new: new.confidence(),
            },
            polarity: Change {
                old: old.polarity(),
                new: new.polarity(),
            },
            modality: Change {
                old: old.modality(),
                new: new.modality(),
            },
            documents_added: new_docs
                .difference(&old_docs)
                .map(|d| (*d).to_owned())
                .collect(),
            documents_removed: old_docs
                .difference(&new_docs)
                .map(|d| (*d).to_owned())
                .collect(),
        })
    }

    /// Change in weight, new minus old.
    pub fn weight_delta(&self) -> i64 {
        i64::try_from(self.weight.new).unwrap_or(i64::MAX)
            - i64::try_from(self.weight.old).unwrap_or(i64::MAX)
    }

    /// How big the change is, to list the biggest first: statements added and dropped,
    /// plus one for each of polarity, modality, action and lemma that changed.
    pub fn magnitude(&self) -> usize {
        self.evidence_added.len()
            + self.evidence_removed.len()
            + usize::from(self.polarity.differs())
            + usize::from(self.modality.differs())
            + usize::from(self.action_change.is_some())
            + usize::from(self.lemma_change.is_some())
    }

    /// The names of what changed, in a fixed order (`action`, `lemma`, `weight`,
    /// `evidence`, `documents`, `confidence`, `polarity`, `modality`).
    pub fn fields(&self) -> Vec<&'static str> {
        let flags = [
            (self.action_change.is_some(), "action"),
            (self.lemma_change.is_some(), "lemma"),
            (self.weight.differs(), "weight"),
            (
                !self.evidence_added.is_empty() || !self.evidence_removed.is_empty(),
                "evidence",
            ),
            (
                !self.documents_added.is_empty() || !self.documents_removed.is_empty(),
                "documents",
            ),
            (self.confidence.differs(), "confidence"),
            (self.polarity.differs(), "polarity"),
            (self.modality.differs(), "modality"),
        ];
        flags
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| name)
            .collect()
    }

    fn apply(&self, r: &mut Relation) -> Result<(), ApplyError> {
        if let Some(c) = &self.action_change {
            r.action.clone_from(&c.new);
        }
        if let Some(c) = &self.lemma_change {
            r.lemma.clone_from(&c.new);
        }
        let mut old: Vec<Evidence> = std::mem::take(&mut r.evidence);
        old.sort_by(canonical_evidence_order);
        let mut removed: Vec<&Evidence> = self.evidence_removed.iter().collect();
        removed.sort_by(|a, b| canonical_evidence_order(a, b));
        let mut kept = Vec::with_capacity(old.len() + self.evidence_added.len());
        let mut drop = removed.into_iter().peekable();
        for e in old {
            if drop
                .peek()
                .is_some_and(|d| canonical_evidence_order(d, &e) == Ordering::Equal)
            {
                drop.next();
            } else {
                kept.push(e);
            }
        }
        if drop.next().is_some() {
            return Err(ApplyError::Mismatch(format!(
                "relation {} lacks evidence the diff removes",
                self.id
            )));
        }
        kept.extend(self.evidence_added.iter().cloned());
        kept.sort_by(canonical_evidence_order);
        r.evidence = kept;
        Ok(())
    }
}

/// How an article's metadata changed.
pub type ArticleChange = Change<ArticleMeta>;

/// The differences between two graphs, keyed by entity, relation and article ids.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphDiff {
    /// Entities added, removed and changed.
    pub entities: Changes<Entity, EntityChange>,
    /// Relations added, removed and changed.
    pub relations: Changes<Relation, RelationChange>,
    /// Articles added, removed and changed (title, date, url).
    pub articles: Changes<ArticleMeta, ArticleChange>,
}

impl GraphDiff {
    /// True when the graphs are the same.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.relations.is_empty() && self.articles.is_empty()
    }

    /// The diff from `new` back to `old`: added and removed swapped, every change reversed.
    pub fn reversed(&self) -> GraphDiff {
        GraphDiff {
            entities: Changes {
                added: self.entities.removed.clone(),
                removed: self.entities.added.clone(),
                changed: self.entities.changed.iter().map(reverse_entity).collect(),
            },
            relations: Changes {
                added: self.relations.removed.clone(),
                removed: self.relations.added.clone(),
                changed: self
                    .relations
                    .changed
                    .iter()
                    .map(reverse_relation)
                    .collect(),
            },
            articles: Changes {
                added: self.articles.removed.clone(),
                removed: self.articles.added.clone(),
                changed: self.articles.changed.iter().map(flip).collect(),
            },
        }
    }
}

fn flip<T: Clone>(c: &Change<T>) -> Change<T> {
    Change {
        old: c.new.clone(),
        new: c.old.clone(),
    }
}

fn flip_set<T: Clone>(c: &SetChange<T>) -> SetChange<T> {
    SetChange {
        added: c.removed.clone(),
        removed: c.added.clone(),
    }
}

fn reverse_entity(c: &EntityChange) -> EntityChange {
    EntityChange {
        id: c.id.clone(),
        label: c.label.as_ref().map(flip),
        kind: c.kind.as_ref().map(flip),
        country: c.country.as_ref().map(flip),
        wikidata: c.wikidata.as_ref().map(flip),
        part_of: c.part_of.as_ref().map(flip),
        aliases: flip_set(&c.aliases),
        roles: flip_set(&c.roles),
        mentions: c.mentions.as_ref().map(flip),
        documents: c.documents.as_ref().map(flip),
    }
}

fn reverse_relation(c: &RelationChange) -> RelationChange {
    RelationChange {
        id: c.id.clone(),
        actor: c.actor.clone(),
        action: c
            .action_change
            .as_ref()
            .map_or_else(|| c.action.clone(), |a| a.old.clone()),
        target: c.target.clone(),
        action_change: c.action_change.as_ref().map(flip),
        lemma_change: c.lemma_change.as_ref().map(flip),
        evidence_added: c.evidence_removed.clone(),
        evidence_removed: c.evidence_added.clone(),
        weight: flip(&c.weight),
        confidence: flip(&c.confidence),
        polarity: flip(&c.polarity),
        modality: flip(&c.modality),
        documents_added: c.documents_removed.clone(),
        documents_removed: c.documents_added.clone(),
    }
}

/// A total order on evidence: the order [`KnowledgeGraph::finish`] sorts by (document,
/// sentence, byte span, extractor, surface), then the remaining fields, so that two pieces
/// of evidence compare equal exactly when every field is equal (confidence compared with
/// [`f32::total_cmp`]).
pub fn canonical_evidence_order(a: &Evidence, b: &Evidence) -> Ordering {
    (&a.doc, a.sentence, a.span, &a.extractor, &a.surface)
        .cmp(&(&b.doc, b.sentence, b.span, &b.extractor, &b.surface))
        .then_with(|| {
            (
                a.char_span,
                &a.quote,
                a.polarity,
                a.modality,
                &a.attributed_to,
            )
                .cmp(&(
                    b.char_span,
                    &b.quote,
                    b.polarity,
                    b.modality,
                    &b.attributed_to,
                ))
        })
        .then_with(|| a.confidence.total_cmp(&b.confidence))
}

/// Evidence in `new` only and in `old` only, as multisets, each in canonical order.
fn evidence_difference(old: &[Evidence], new: &[Evidence]) -> (Vec<Evidence>, Vec<Evidence>) {
    let mut added = Vec::new();
    let mut removed = Vec::new();
    // Fast path: the same evidence in the same order (the common case for unchanged edges).
    if old.len() == new.len()
        && old
            .iter()
            .zip(new)
            .all(|(a, b)| canonical_evidence_order(a, b) == Ordering::Equal)
    {
        return (added, removed);
    }
    let mut a: Vec<&Evidence> = old.iter().collect();
    let mut b: Vec<&Evidence> = new.iter().collect();
    a.sort_by(|x, y| canonical_evidence_order(x, y));
    b.sort_by(|x, y| canonical_evidence_order(x, y));
    for pair in merge(&a, &b, |x, y| canonical_evidence_order(x, y)) {
        match pair {
            (Some(x), None) => removed.push((*x).clone()),
            (None, Some(y)) => added.push((*y).clone()),
            _ => {}
        }
    }
    (added, removed)
}

/// Walks two sorted slices together, pairing items that compare equal. Each item appears
/// once; duplicates pair up one to one.
pub(crate) fn merge<'a, T>(
    a: &'a [T],
    b: &'a [T],
    cmp: impl Fn(&T, &T) -> Ordering,
) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let order = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => cmp(x, y),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match order {
            Ordering::Less => {
                out.push((a.get(i), None));
                i += 1;
            }
            Ordering::Greater => {
                out.push((None, b.get(j)));
                j += 1;
            }
            Ordering::Equal => {
                out.push((a.get(i), b.get(j)));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Compares two graphs, keyed by entity and relation ids.
///
/// Runs in `O(n log n)` in the number of entities, relations and statements.
///
/// ```
/// use actorgraph::diff::diff;
/// use actorgraph::graph::KnowledgeGraph;
/// let g = KnowledgeGraph::new();
/// assert!(diff(&g, &g).is_empty());
/// ```
pub fn diff(old: &KnowledgeGraph, new: &KnowledgeGraph) -> GraphDiff {
    let mut out = GraphDiff::default();

    let (a, b) = (old.entities(), new.entities());
    for pair in merge(&a, &b, |x, y| x.id.cmp(&y.id)) {
        match pair {
            (Some(x), None) => out.entities.removed.push((*x).clone()),
            (None, Some(y)) => out.entities.added.push((*y).clone()),
            (Some(x), Some(y)) => out.entities.changed.extend(EntityChange::of(x, y)),
            (None, None) => {}
        }
    }

    let (a, b) = (old.relations(), new.relations());
    for pair in merge(&a, &b, |x, y| x.id.cmp(&y.id)) {
        match pair {
            (Some(x), None) => out.relations.removed.push((*x).clone()),
            (None, Some(y)) => out.relations.added.push((*y).clone()),
            (Some(x), Some(y)) => out.relations.changed.extend(RelationChange::of(x, y)),
            (None, None) => {}
        }
    }

    let a: Vec<&ArticleMeta> = old.articles().collect();
    let b: Vec<&ArticleMeta> = new.articles().collect();
    for pair in merge(&a, &b, |x, y| x.id.cmp(&y.id)) {
        match pair {
            (Some(x), None) => out.articles.removed.push((*x).clone()),
            (None, Some(y)) => out.articles.added.push((*y).clone()),
            (Some(x), Some(y)) => out
                .articles
                .changed
                .extend(Change::of((*x).clone(), (*y).clone())),
            (None, None) => {}
        }
    }
    out
}

/// Applying a diff failed: it does not fit the graph.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The diff names something the graph lacks, or adds something it already has.
    #[error("diff does not fit the graph: {0}")]
    Mismatch(String),
    /// A relation names an entity that is not in the result.
    #[error(transparent)]
    Graph(#[from] GraphError),
}

/// Applies `diff` to `graph`: the graph `diff` leads to from `graph`.
///
/// `apply(a, &diff(a, b))` has the entities, relations and articles of `b`, with each
/// relation's evidence in [`canonical_evidence_order`].
pub fn apply(graph: &KnowledgeGraph, diff: &GraphDiff) -> Result<KnowledgeGraph, ApplyError> {
    let mut out = KnowledgeGraph::new();

    carry_over(
        &graph.entities(),
        &diff.entities.removed,
        &diff.entities.changed,
        (|e| e.id.as_str(), |c| c.id.as_str()),
        |c, e| {
            c.apply(e);
            Ok(())
        },
        |e| {
            out.add_entity(e);
            Ok(())
        },
        "entities",
    )?;
    for e in &diff.entities.added {
        if graph.entity(&e.id).is_some() {
            return Err(ApplyError::Mismatch(format!(
                "entity {} is already there",
                e.id
            )));
        }
        out.add_entity(e.clone());
    }

    let old_relations = graph.relations();
    carry_over(
        &old_relations,
        &diff.relations.removed,
        &diff.relations.changed,
        (|r| r.id.as_str(), |c| c.id.as_str()),
        |c, r| c.apply(r),
        |r| Ok(out.add_relation(r)?),
        "relations",
    )?;
    for r in &diff.relations.added {
        if old_relations.binary_search_by(|x| x.id.cmp(&r.id)).is_ok() {
            return Err(ApplyError::Mismatch(format!(
                "relation {} is already there",
                r.id
            )));
        }
        let mut r = r.clone();
        r.evidence.sort_by(canonical_evidence_order);
        out.add_relation(r)?;
    }

    let removed: BTreeSet<&str> = diff
        .articles
        .removed
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    for a in graph.articles() {
        if !removed.contains(a.id.as_str()) {
            out.add_article(a.clone());
        }
    }
    for c in &diff.articles.changed {
        out.add_article(c.new.clone());
    }
    for a in &diff.articles.added {
        out.add_article(a.clone());
    }
    Ok(out)
}

/// How to read the ids of the items and changes given to [`carry_over`].
type Ids<T, C> = (fn(&T) -> &str, fn(&C) -> &str);

/// Gives `keep` the items of `old` (sorted by id) without the `removed` ones, the `changed`
/// ones changed by `change`, in order; fails if a removed or changed `what` is not in `old`.
fn carry_over<T: Clone, C>(
    old: &[&T],
    removed: &[T],
    changed: &[C],
    (id, change_id): Ids<T, C>,
    mut change: impl FnMut(&C, &mut T) -> Result<(), ApplyError>,
    mut keep: impl FnMut(T) -> Result<(), ApplyError>,
    what: &str,
) -> Result<(), ApplyError> {
    let removed: BTreeSet<&str> = removed.iter().map(id).collect();
    let mut changes: Vec<(&str, &C)> = changed.iter().map(|c| (change_id(c), c)).collect();
    changes.sort_by(|x, y| x.0.cmp(y.0));
    let mut seen = 0;
    for &item in old {
        if removed.contains(id(item)) {
            seen += 1;
            continue;
        }
        let mut item = item.clone();
        if let Ok(i) = changes.binary_search_by(|(c, _)| (*c).cmp(id(&item))) {
            change(changes[i].1, &mut item)?;
            seen += 1;
        }
        keep(item)?;
    }
    if seen != removed.len() + changes.len() {
        return Err(ApplyError::Mismatch(format!(
            "{what} removed or changed are missing"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CharSpan, Span};

    fn entity(id: &str, label: &str) -> Entity {
        Entity {
            id: EntityId(id.into()),
            label: label.into(),
            kind: EntityType::Organization,
            country: false,
            wikidata: None,
            aliases: BTreeSet::new(),
            part_of: None,
            roles: BTreeSet::new(),
            mentions: 1,
            documents: 1,
        }
    }

    fn evidence(doc: &str, sentence: usize) -> Evidence {
        Evidence {
            doc: doc.into(),
            sentence,
            span: Span::new(0, 10),
            char_span: CharSpan::new(0, 10),
            quote: format!("A met B ({doc}, {sentence}).").into(),
            surface: "met".into(),
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            attributed_to: None,
            confidence: 0.5,
            extractor: "clauses".into(),
        }
    }

    fn graph(docs: &[&str]) -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        g.add_entity(entity("org.a", "A"));
        g.add_entity(entity("org.b", "B"));
        for (i, d) in docs.iter().enumerate() {
            let (a, b) = (EntityId("org.a".into()), EntityId("org.b".into()));
            g.add_evidence(&a, "meet", "meet", &b, evidence(d, i))
                .expect("entities exist");
        }
        g.finish();
        g
    }

    #[test]
    fn same_graph_is_empty() {
        let g = graph(&["d1", "d2"]);
        assert!(diff(&g, &g).is_empty());
    }

    #[test]
    fn evidence_added_changes_weight_and_documents() {
        let d = diff(&graph(&["d1"]), &graph(&["d1", "d2"]));
        assert_eq!(d.relations.changed.len(), 1);
        let c = &d.relations.changed[0];
        assert_eq!(c.weight, Change { old: 1, new: 2 });
        assert_eq!(c.documents_added, vec!["d2".to_owned()]);
        assert!(c.documents_removed.is_empty());
        assert_eq!(
            c.fields(),
            vec!["weight", "evidence", "documents", "confidence"]
        );
    }

    #[test]
    fn apply_replays_and_reversed_undoes() {
        let (a, b) = (graph(&["d1", "d3"]), graph(&["d1", "d2"]));
        let d = diff(&a, &b);
        let b2 = apply(&a, &d).expect("diff fits");
        assert!(diff(&b2, &b).is_empty());
        let a2 = apply(&b, &d.reversed()).expect("reversed diff fits");
        assert!(diff(&a2, &a).is_empty());
    }

    #[test]
    fn a_removed_entity_whose_name_moved_is_found() {
        let old = graph(&["d1"]);
        let mut new = KnowledgeGraph::new();
        new.add_entity(entity("org.a", "A"));
        let mut full = entity("org.bee-corp", "Bee Corp");
        full.aliases.insert("b".into());
        new.add_entity(full);
        let d = diff(&old, &new);
        assert_eq!(
            likely_moves(&d, &new),
            vec![Moved {
                old: EntityId("org.b".into()),
                new: EntityId("org.bee-corp".into())
            }]
        );
    }

    #[test]
    fn a_removed_relation_whose_statements_moved_is_found() {
        // `org.a` becomes `person.a` in the new version; d1's statement moves with it.
        let old = graph(&["d1"]);
        let mut new = KnowledgeGraph::new();
        new.add_entity(Entity {
            kind: EntityType::Person,
            ..entity("person.a", "A")
        });
        new.add_entity(entity("org.b", "B"));
        let (a, b) = (EntityId("person.a".into()), EntityId("org.b".into()));
        new.add_evidence(&a, "meet", "meet", &b, evidence("d1", 0))
            .expect("entities exist");
        new.finish();
        let d = diff(&old, &new);
        assert_eq!(d.relations.removed.len(), 1);
        let moves = relation_moves(&d);
        assert_eq!(moves.len(), 1);
        assert_eq!(moves[0].old, d.relations.removed[0].id);
        assert_eq!(moves[0].new, vec![d.relations.added[0].id.clone()]);
        assert_eq!(
            likely_moves(&d, &new).len(),
            1,
            "org.a's name is on person.a"
        );

        // With d1 and d2 before and only d2 after, d1's statement is gone.
        let gone = graph(&["d1", "d2"]);
        let mut only_d2 = KnowledgeGraph::new();
        only_d2.add_entity(entity("person.a", "A"));
        only_d2.add_entity(entity("org.b", "B"));
        only_d2
            .add_evidence(&a, "meet", "meet", &b, evidence("d2", 1))
            .expect("entities exist");
        only_d2.finish();
        let d = diff(&gone, &only_d2);
        assert!(relation_moves(&d).is_empty(), "d1's statement is gone");
    }

    #[test]
    fn apply_refuses_a_diff_that_does_not_fit() {
        let d = diff(&graph(&[]), &KnowledgeGraph::new());
        assert!(apply(&KnowledgeGraph::new(), &d).is_err());
    }
}
