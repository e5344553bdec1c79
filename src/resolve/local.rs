//! Document-local entities: what [`document`](super::document) makes of one article and
//! the [`Resolver`](super::Resolver) folds into corpus-wide entities.

use std::collections::{BTreeMap, BTreeSet};

use super::gazetteer;
use crate::model::{EntityType, MergeRule, MergeRules, Sentence};

/// A document-local entity number, valid within one [`DocEntities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalId(pub u32);

/// The entities of one statement, as local ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TripleRefs {
    /// Actor.
    pub actor: LocalId,
    /// Target.
    pub target: LocalId,
    /// Source of an attributed statement.
    pub attributed_to: Option<LocalId>,
}

/// Where a local entity came from, beyond its names: decides its cross-document key.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum LocalOrigin {
    /// A name (or an ad-hoc name from an argument).
    #[default]
    Name,
    /// Created from a gazetteer entry.
    Entry,
    /// A group: `<owner key>|<group words>`.
    Group(String),
    /// A capital acting as an institution: the gazetteer label.
    Metonym(String),
    /// A phrase for what a kind of thing is in general (`interest rates`, `analysts`,
    /// `inflation`): its lower-cased words, the same thing in every article.
    Thing(String),
    /// A phrase for one thing of its article (`the board`, `its report`, `a spokesman`,
    /// a headline's `Government`): its lower-cased words. Another article's `the board` is
    /// another board, so it never joins an entity of another article.
    Specific(String),
}

impl LocalOrigin {
    /// True for a phrase, general or specific.
    pub(super) fn is_phrase(&self) -> bool {
        matches!(self, LocalOrigin::Thing(_) | LocalOrigin::Specific(_))
    }
}

/// Surface forms with their counts and the rules that put them on the entity, sorted by
/// form. Most entities have one or two forms, so a sorted vector (one small allocation)
/// replaces a B-tree map (a node of about 370 bytes each).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct FormCounts(Vec<(String, usize, MergeRules)>);

impl FormCounts {
    /// Adds `n` sightings of `form`, put there by `rules`.
    pub(super) fn add(&mut self, form: String, n: usize, rules: MergeRules) {
        match self.0.binary_search_by(|(f, _, _)| f.as_str().cmp(&form)) {
            Ok(i) => {
                self.0[i].1 += n;
                self.0[i].2.extend(rules);
            }
            Err(i) => self.0.insert(i, (form, n, rules)),
        }
    }

    /// Adds `rule` to every form (the forms of an entity merged into another).
    pub(super) fn add_rule(&mut self, rule: MergeRule) {
        for (_, _, r) in &mut self.0 {
            r.insert(rule);
        }
    }

    /// The forms, sorted.
    pub(super) fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(f, _, _)| f)
    }

    /// The forms, their counts and rules, sorted by form.
    pub(super) fn with_rules(&self) -> impl Iterator<Item = (&String, usize, MergeRules)> {
        self.0.iter().map(|(f, n, r)| (f, *n, *r))
    }

    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl IntoIterator for FormCounts {
    type Item = (String, usize, MergeRules);
    type IntoIter = std::vec::IntoIter<(String, usize, MergeRules)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The summary of one document-local entity: names and counts, no text. Equal summaries
/// from different documents are kept once by the [`Resolver`](super::Resolver).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct LocalEntity {
    pub(super) kind: EntityType,
    pub(super) entry: Option<gazetteer::EntryId>,
    pub(super) origin: LocalOrigin,
    /// Surface forms (title and leading `the` stripped) and how often each was seen.
    pub(super) forms: FormCounts,
    /// Forms with their title (`Sir Julian King`).
    pub(super) titled: BTreeSet<String>,
    pub(super) roles: BTreeSet<String>,
    /// Index of the local entity it is part of (a local index while building, then a
    /// [`LocalId`] value).
    pub(super) part_of: Option<usize>,
    pub(super) mentions: usize,
    /// Seen with a person title at least once.
    pub(super) titled_person: bool,
    /// Seen as an organisation by its context (`Fiat shares`, `Chelsea manager`).
    pub(super) org_context: bool,
}

impl Default for LocalEntity {
    fn default() -> LocalEntity {
        LocalEntity {
            kind: EntityType::Other,
            entry: None,
            origin: LocalOrigin::Name,
            forms: FormCounts::default(),
            titled: BTreeSet::new(),
            roles: BTreeSet::new(),
            part_of: None,
            mentions: 0,
            titled_person: false,
            org_context: false,
        }
    }
}

/// One document's mentions, clustered into document-local entities.
#[derive(Clone, Debug, Default)]
pub struct DocEntities {
    pub(super) refs: Vec<Option<TripleRefs>>,
    pub(super) entities: Vec<LocalEntity>,
    /// Every all-lower-case word of the article's text sentences and how often it occurs,
    /// sorted: summed over the corpus, it tells a common word (`trade`, `world`) from a
    /// name (`Blair`).
    pub(super) lower_words: Vec<(String, u32)>,
}

impl DocEntities {
    /// The entities of triple `i` (in the order given to [`document`](super::document)), or
    /// `None` when the triple must be dropped (its actor is an unresolved pronoun, a byline,
    /// noise).
    pub fn refs(&self, i: usize) -> Option<TripleRefs> {
        self.refs.get(i).copied().flatten()
    }

    /// Number of document-local entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when the document has no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// The all-lower-case alphabetic words (three letters or more) of `sentences` with their
/// counts, sorted by word.
pub(super) fn lower_words<'a>(sentences: impl Iterator<Item = &'a Sentence>) -> Vec<(String, u32)> {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for s in sentences {
        for t in &s.tokens {
            let w = t.form.as_str();
            if w.len() >= 3 && w.chars().all(|c| c.is_lowercase()) {
                *counts.entry(w).or_default() += 1;
            }
        }
    }
    counts.into_iter().map(|(w, n)| (w.to_owned(), n)).collect()
}
