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
//!
//! - [`mention`] finds and types names and group mentions in one parsed sentence
//!   ([`recognize`] is its NER view, evaluated on UNER-EWT).
//! - [`doc`] clusters the mentions of one article (coreference) and maps each triple's
//!   arguments to document-local entities ([`LocalId`]).
//! - [`gazetteer`] knows countries (from `keshvar`), organisations, metonyms, media and a
//!   few people, with Wikidata QIDs.
//!
//! # Decisions
//!
//! - **Groups** (`Russian officials`, `US intelligence agencies`) are separate nodes of
//!   type [`EntityType::Group`], labelled with their own words, with
//!   [`Entity::part_of`] pointing at the country or organisation they belong to. The
//!   statement stays on the group, so `Russian officials deny X` is not read as
//!   `Russia denies X`; the link lets a user roll groups up. A group's id is made of its
//!   owner's canonical name and its own words (`group.russia-officials`,
//!   `group.united-states-intelligence-agencies`), so another spelling of the owner in a
//!   later article (`U.S.` for `US`) does not move it.
//! - **Metonyms**: `Kremlin`, `Downing Street`, `White House` are organisation nodes
//!   with `part_of` their country; never merged into it. A capital city that acts as
//!   the subject of a verb (`Brussels has upped its provisions`) becomes an organisation
//!   node with the city's name (`org.brussels`) and `part_of` what it stands for
//!   (European Union); the same city after a preposition (`in Brussels`) is the place
//!   (`place.brussels`).
//! - **Persons across documents** merge on their full name, titles stripped and case
//!   folded (`Sir Julian King` = `Julian king`). A surname alone joins a full name only
//!   inside one document, or across documents when exactly one person of the corpus
//!   has that surname; `Tony Blair` and `Cherie Blair` never merge.
//! - **Acronyms** merge with the multi-word name whose initials they are when a
//!   document uses both or writes `Name (ACR)`, or when the gazetteer lists them.
//! - **Ids** are `<prefix>.<slug>` of the label; gazetteer entities take the
//!   gazetteer label, so their id does not change when documents are added.
//!   Two clusters with one id are numbered `-2`, `-3`… in the order of their sorted
//!   surface forms.

use std::collections::BTreeSet;
use std::fmt;

use crate::model::{AnnotatedArticle, Triple};

pub mod doc;
pub mod gazetteer;
pub mod mention;
mod resolver;

pub use mention::recognize;
pub use resolver::{EntityMap, Resolution, Resolver};

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
    /// The entity a group belongs to (`group.russia-officials` → `place.russia`).
    pub part_of: Option<EntityId>,
    /// Roles seen in appositions (`EU security commissioner`), sorted.
    pub roles: BTreeSet<String>,
    /// How many mentions resolved to it.
    pub mentions: usize,
    /// How many documents mention it.
    pub documents: usize,
}

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
enum Origin {
    /// A name (or an ad-hoc name from an argument).
    #[default]
    Name,
    /// Created from a gazetteer entry.
    Entry,
    /// A group: `<owner key>|<group words>`.
    Group(String),
    /// A capital acting as an institution: the gazetteer label.
    Metonym(String),
    /// A phrase: its lower-cased words.
    Thing(String),
}

/// Surface forms and their counts, sorted by form. Most entities have one or two forms, so a
/// sorted vector (one small allocation) replaces a B-tree map (a node of about 370 bytes
/// each).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct FormCounts(Vec<(String, usize)>);

impl FormCounts {
    /// Adds `n` sightings of `form`.
    fn add(&mut self, form: String, n: usize) {
        match self.0.binary_search_by(|(f, _)| f.as_str().cmp(&form)) {
            Ok(i) => self.0[i].1 += n,
            Err(i) => self.0.insert(i, (form, n)),
        }
    }

    /// The forms, sorted.
    fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(f, _)| f)
    }

    /// The forms and their counts, sorted by form.
    fn iter(&self) -> impl Iterator<Item = (&String, &usize)> {
        self.0.iter().map(|(f, n)| (f, n))
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl IntoIterator for FormCounts {
    type Item = (String, usize);
    type IntoIter = std::vec::IntoIter<(String, usize)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// The summary of one document-local entity: names and counts, no text. Equal summaries
/// from different documents are kept once by the [`Resolver`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct LocalEntity {
    kind: EntityType,
    entry: Option<gazetteer::EntryId>,
    origin: Origin,
    /// Surface forms (title and leading `the` stripped) and how often each was seen.
    forms: FormCounts,
    /// Forms with their title (`Sir Julian King`).
    titled: BTreeSet<String>,
    roles: BTreeSet<String>,
    /// Index of the local entity it is part of (a local index while building, then a
    /// [`LocalId`] value).
    part_of: Option<usize>,
    mentions: usize,
    /// Seen with a person title at least once.
    titled_person: bool,
}

impl Default for LocalEntity {
    fn default() -> LocalEntity {
        LocalEntity {
            kind: EntityType::Other,
            entry: None,
            origin: Origin::Name,
            forms: FormCounts::default(),
            titled: BTreeSet::new(),
            roles: BTreeSet::new(),
            part_of: None,
            mentions: 0,
            titled_person: false,
        }
    }
}

/// One document's mentions, clustered into document-local entities.
#[derive(Clone, Debug, Default)]
pub struct DocEntities {
    refs: Vec<Option<TripleRefs>>,
    entities: Vec<LocalEntity>,
}

impl DocEntities {
    /// The entities of triple `i` (in the order given to [`document`]), or `None` when the
    /// triple must be dropped (its actor is an unresolved pronoun, a byline, noise).
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

/// Resolves the mentions of one article: see [`doc`].
pub fn document(doc: &AnnotatedArticle, triples: &[Triple]) -> DocEntities {
    doc::document(doc, triples)
}
