//! What a diff removed that lives on under another id.
//!
//! Adding articles can change how older ones are read: an entity's type (so its id,
//! `person.electronic-arts` → `org.electronic-arts`) or who a surname stands for. The ids
//! then change although nothing was lost, and a plain diff lists the old ids as removed.
//! These functions find them again, so reports can say *re-identified* instead of
//! *removed*: an entity by its names, a relation by its statements.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::GraphDiff;
use crate::graph::{Evidence, KnowledgeGraph, RelationId};
use crate::model::EntityId;

/// A removed entity that the new graph seems to know under another id: an entity of the
/// new graph has the removed one's label or one of its aliases as its label or one of its
/// aliases (compared without case).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moved {
    /// The id in the old graph.
    pub old: EntityId,
    /// The id in the new graph that carries its name.
    pub new: EntityId,
}

/// For each entity `diff` removes, the entities of `new` that carry one of its names (see
/// [`Moved`]), sorted. Linear in the size of `new`.
pub fn likely_moves(diff: &GraphDiff, new: &KnowledgeGraph) -> Vec<Moved> {
    if diff.entities.removed.is_empty() {
        return Vec::new();
    }
    let mut wanted: FxHashMap<String, Vec<&EntityId>> = FxHashMap::default();
    for e in &diff.entities.removed {
        let names: BTreeSet<String> = std::iter::once(&e.label)
            .chain(&e.aliases)
            .map(|n| n.to_lowercase())
            .collect();
        for n in names {
            wanted.entry(n).or_default().push(&e.id);
        }
    }
    let mut out = BTreeSet::new();
    for e in new.entities() {
        for name in std::iter::once(&e.label).chain(&e.aliases) {
            if let Some(olds) = wanted.get(&name.to_lowercase()) {
                for old in olds {
                    if **old != e.id {
                        out.insert(Moved {
                            old: (*old).clone(),
                            new: e.id.clone(),
                        });
                    }
                }
            }
        }
    }
    out.into_iter().collect()
}

/// A removed relation whose every statement is still in the new graph, on other
/// relations: its actor or target was re-identified (or its action reads differently).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MovedRelation {
    /// The id in the old graph.
    pub old: RelationId,
    /// The relations of the new graph that hold its statements, sorted.
    pub new: Vec<RelationId>,
}

/// A statement's identity across versions: its article, sentence, span, surface and
/// action.
type StatementKey<'a> = (&'a str, usize, usize, usize, &'a str, &'a str);

fn key<'a>(e: &'a Evidence, action: &'a str) -> StatementKey<'a> {
    (
        &e.doc,
        e.sentence,
        e.span.start,
        e.span.end,
        &e.surface,
        action,
    )
}

/// A relation of the new graph that may hold a moved statement: id, actor, target.
type Home<'a> = (&'a RelationId, &'a EntityId, &'a EntityId);

/// The relations `diff` removes whose statements all went to relations it adds or changes
/// (see [`MovedRelation`]), sorted by old id. A statement's new home has the same article,
/// sentence, span, surface and action, and shares the actor or the target when one of the
/// candidates does (the end that was not re-identified). Linear in the size of the diff.
pub fn relation_moves(diff: &GraphDiff) -> Vec<MovedRelation> {
    if diff.relations.removed.is_empty() {
        return Vec::new();
    }
    let added = diff.relations.added.iter().flat_map(|r| {
        let home: Home<'_> = (&r.id, &r.actor, &r.target);
        r.evidence.iter().map(move |e| (key(e, &r.action), home))
    });
    let changed = diff.relations.changed.iter().flat_map(|c| {
        let home: Home<'_> = (&c.id, &c.actor, &c.target);
        c.evidence_added
            .iter()
            .map(move |e| (key(e, &c.action), home))
    });
    let mut homes: FxHashMap<StatementKey<'_>, Vec<Home<'_>>> = FxHashMap::default();
    for (k, home) in added.chain(changed) {
        homes.entry(k).or_default().push(home);
    }
    let mut out: Vec<MovedRelation> = diff
        .relations
        .removed
        .iter()
        .filter(|r| !r.evidence.is_empty())
        .filter_map(|r| {
            let mut new = BTreeSet::new();
            for e in &r.evidence {
                let candidates = homes.get(&key(e, &r.action))?;
                let sharing = |h: &&Home<'_>| *h.1 == r.actor || *h.2 == r.target;
                let any_shares = candidates.iter().any(|h| sharing(&h));
                new.extend(
                    candidates
                        .iter()
                        .filter(|h| !any_shares || sharing(h))
                        .map(|h| h.0.clone()),
                );
            }
            Some(MovedRelation {
                old: r.id.clone(),
                new: new.into_iter().collect(),
            })
        })
        .collect();
    out.sort();
    out
}
