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
//!
//! [`Entity`]: crate::model::Entity
//! [`Entity::part_of`]: crate::model::Entity::part_of
//! [`EntityId`]: crate::model::EntityId
//! [`EntityType::Group`]: crate::model::EntityType::Group
//! [`EntityType::Other`]: crate::model::EntityType::Other

use crate::model::{AnnotatedArticle, Triple};

pub mod doc;
pub mod gazetteer;
mod local;
pub mod mention;
mod resolver;
mod union_find;
pub(crate) mod wire;

pub use local::{DocEntities, LocalId, TripleRefs};
pub use mention::recognize;
pub use resolver::{EntityMap, Resolution, Resolver};

/// Resolves the mentions of one article: see [`doc`].
pub fn document(doc: &AnnotatedArticle, triples: &[Triple]) -> DocEntities {
    doc::document(doc, triples)
}
