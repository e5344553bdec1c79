//! Stage 4: mentions → entities.
//!
//! - An [`Entity`] is one real-world actor or thing: a person, organisation, place, group,
//!   event, or (for non-name targets) a phrase node of type [`EntityType::Other`].
//! - An [`EntityId`] is its stable id, `<type>.<slug>` (`place.russia`, `org.nato`,
//!   `person.julian-king`), computed from content only, so it does not depend on input
//!   order or thread count.
//!
//! Resolution runs in two steps: [`document`] resolves the mentions of one article
//! (pure, runs in parallel), then a [`Resolver`] folds the documents together and
//! [`Resolver::finish`] assigns the corpus-wide entities.

use std::collections::BTreeSet;
use std::fmt;

use crate::model::{AnnotatedArticle, Triple};

/// A stable entity id: `<type>.<slug>`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub String);

impl EntityId {
    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Coarse entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, agency, party, government body, newspaper…
    Organization,
    /// A country, city or region.
    Place,
    /// A group of people described by affiliation (`Russian officials`).
    Group,
    /// An election, summit, war…
    Event,
    /// Anything else (phrases that are targets but not names).
    Other,
}

impl EntityType {
    /// Every type, in order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
        EntityType::Group,
        EntityType::Event,
        EntityType::Other,
    ];

    /// The name used in outputs (`Person`, `Organization`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
            EntityType::Group => "Group",
            EntityType::Event => "Event",
            EntityType::Other => "Other",
        }
    }

    /// The id prefix (`person`, `org`, `place`, `group`, `event`, `thing`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "org",
            EntityType::Place => "place",
            EntityType::Group => "group",
            EntityType::Event => "event",
            EntityType::Other => "thing",
        }
    }

    /// Parses [`EntityType::as_str`].
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.iter().copied().find(|t| t.as_str() == s)
    }
}

/// One resolved entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Stable id.
    pub id: EntityId,
    /// Canonical label: the fullest name seen (`Julian King`, `European Commission`).
    pub label: String,
    /// Coarse type.
    pub kind: EntityType,
    /// True for sovereign countries (typed `schema:Country` in JSON-LD).
    pub country: bool,
    /// Wikidata QID (`Q159`), when the gazetteer knows the entity.
    pub wikidata: Option<String>,
    /// Other names seen for it (`Sir Julian King`, `King`), sorted.
    pub aliases: BTreeSet<String>,
    /// The entity a group belongs to (`group.russian-officials` → `place.russia`).
    pub part_of: Option<EntityId>,
    /// Roles seen in appositions (`EU security commissioner`), sorted.
    pub roles: BTreeSet<String>,
    /// How many mentions resolved to it.
    pub mentions: usize,
    /// How many documents mention it.
    pub documents: usize,
}

/// STUB below: the resolve helper replaces it. The public surface is the contract.
///
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

/// One document's mentions, clustered into document-local entities.
#[derive(Clone, Debug, Default)]
pub struct DocEntities {
    refs: Vec<Option<TripleRefs>>,
}

impl DocEntities {
    /// The entities of triple `i` (in the order given to [`document`]), or `None` when the
    /// triple must be dropped (its actor is an unresolved pronoun, a byline, noise).
    pub fn refs(&self, i: usize) -> Option<TripleRefs> {
        self.refs.get(i).copied().flatten()
    }
}

/// Resolves the mentions of one article.
pub fn document(_doc: &AnnotatedArticle, triples: &[Triple]) -> DocEntities {
    DocEntities {
        refs: vec![None; triples.len()],
    }
}

/// Folds documents into corpus-wide entities.
#[derive(Debug, Default)]
pub struct Resolver {
    _private: (),
}

impl Resolver {
    /// A resolver with no documents.
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// Adds one document's entities.
    pub fn add(&mut self, _doc: &str, _entities: DocEntities) {}

    /// Clusters everything added into entities with stable ids. The result does not depend
    /// on the order documents were added in.
    pub fn finish(self) -> Resolution {
        Resolution {
            entities: Vec::new(),
        }
    }
}

/// The corpus-wide entities.
#[derive(Debug)]
pub struct Resolution {
    entities: Vec<Entity>,
}

impl Resolution {
    /// The entity a document-local id became.
    pub fn entity_id(&self, _doc: &str, _local: LocalId) -> Option<&EntityId> {
        None
    }

    /// All entities, sorted by id.
    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }
}
