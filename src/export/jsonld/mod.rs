//! `graph.jsonld`: the graph as JSON-LD 1.0, for RDF tools and for `actorgraph diff`.
//!
//! # Format (version [`FORMAT_VERSION`](super::FORMAT_VERSION))
//!
//! One JSON object with two keys:
//!
//! - `@context`: inline, never a remote URL (processors then work offline). It is
//!   `schemas/context.jsonld` (embedded at build time, [`CONTEXT`]) plus `@base`, the
//!   `--base-iri` ([`DEFAULT_BASE_IRI`](super::DEFAULT_BASE_IRI) by default). No `@version`
//!   (pyoxigraph 0.4 rejects 1.1), no `@vocab`: every key is a defined term or a `rel:`
//!   compact IRI, so no processor drops anything.
//! - `@graph`: one node per line, in this order: the `Dataset` node, the articles (by id),
//!   the entities (by id), then each relation (by id) as a `Statement` node followed by its
//!   `Evidence` nodes (in evidence order). There is no top-level `@id` beside `@graph`
//!   (rdflib would then put every triple in a named graph).
//!
//! Ids are relative to `@base`; each is a fixed prefix plus our id, percent-encoded outside
//! `A–Z a–z 0–9 - . _ ~`:
//!
//! | node | `id` | `type` | keys |
//! |---|---|---|---|
//! | dataset | `dataset` | `Dataset` | `name`, `formatVersion`, `entityCount`, `relationCount`, `evidenceCount`, `articleCount` |
//! | article | `article/<doc>` | `NewsArticle` | `identifier`, `headline`, `datePublished`, `url` (when known) |
//! | entity | `entity/<entity id>` | `Entity` + schema.org type (below) | `identifier`, `name`, `entityType`, `alternateName`, `sameAs` (Wikidata IRI), `role`, `partOf`, `mentionCount`, `documentCount`, and one `rel:<action>` key per outgoing action |
//! | relation | `relation/<relation id>` | `Statement` (`rdf:Statement`) | `identifier`, `subject`, `predicate`, `object`, `action`, `lemma`, `weight`, `confidence`, `polarity`, `modality`, `documentCount`, `derivedFrom` (articles), `evidence` |
//! | evidence | `relation/<relation id>/evidence/<n>` | `Evidence` | `derivedFrom` (article), `sentence`, `byteStart`, `byteEnd`, `charStart`, `charEnd`, `quote`, `surface`, `polarity`, `modality`, `attributedTo`, `confidence`, `extractor` |
//!
//! Entity types: Person → `schema:Person`, Organization → `schema:Organization`,
//! Place → `schema:Place` (and `schema:Country` for sovereign countries), Event →
//! `schema:Event`, Group → `ag:Group`, Other → `schema:Thing`.
//!
//! Direct triples: each relation is also one triple from actor to target whose predicate is
//! `rel:` + the action label with `_` for spaces (`rel:cooperate_with`), or
//! `rel:not_cooperate_with` when most of its statements are negative. So "who cooperates
//! with NATO?" is
//!
//! ```sparql
//! PREFIX rel: <https://actorgraph.example/ns/rel/>
//! PREFIX schema: <http://schema.org/>
//! SELECT ?name WHERE { ?x rel:cooperate_with ?n . ?n schema:name "NATO" . ?x schema:name ?name }
//! ```
//!
//! The statement node's `predicate` is the same IRI. Confidences are `xsd:decimal` strings
//! with three decimals; counts and offsets are JSON integers; `charStart`/`charEnd` count
//! characters (what RDF tools count), `byteStart`/`byteEnd` bytes (what our spans count).
//!
//! Stability: within a format version, terms are only added. [`read_graph`] reads this
//! format back and refuses other versions with a clear error. The JSON Schema is
//! `schemas/graph.schema.json`; every term is documented in `schemas/README.md`.

mod reader;
mod wire;
mod writer;

pub use reader::read_graph;
pub use writer::JsonLdWriter;

/// The JSON-LD context, `schemas/context.jsonld`, as embedded in every `graph.jsonld`
/// (before `@base` is added).
pub const CONTEXT: &str = include_str!("../../../schemas/context.jsonld");

/// The namespace of the direct-triple predicates (`rel:` in the context).
pub const REL_NAMESPACE: &str = "https://actorgraph.example/ns/rel/";

/// Percent-encodes `id` for one IRI path segment: UTF-8 bytes outside `A–Z a–z 0–9 - . _ ~`
/// become `%XX`; a segment of dots only is encoded too (it would mean "up one folder").
///
/// ```
/// use actorgraph::export::jsonld::iri_segment;
/// assert_eq!(iri_segment("org.nato"), "org.nato");
/// assert_eq!(iri_segment("bbc/001 x"), "bbc%2F001%20x");
/// assert_eq!(iri_segment(".."), "%2E%2E");
/// assert_eq!(iri_segment("place.åland"), "place.%C3%A5land");
/// ```
pub fn iri_segment(id: &str) -> String {
    let dots_only = !id.is_empty() && id.bytes().all(|b| b == b'.');
    let plain = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~' | b'.');
    if !dots_only && id.bytes().all(plain) {
        // The usual case (our ids are slugs): nothing to escape.
        return id.to_owned();
    }
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'~')
            || (b == b'.' && !dots_only);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes [`iri_segment`]; `None` when the result is not UTF-8 or an escape is broken.
pub(crate) fn decode_segment(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The local name of the direct-triple predicate of an action (`cooperate with` →
/// `cooperate_with`, or `not_cooperate_with` when `negative`).
///
/// ```
/// use actorgraph::export::jsonld::predicate_name;
/// assert_eq!(predicate_name("cooperate with", false), "cooperate_with");
/// assert_eq!(predicate_name("impose sanctions on", true), "not_impose_sanctions_on");
/// assert_eq!(predicate_name("...", false), "related_to");
/// ```
pub fn predicate_name(action: &str, negative: bool) -> String {
    let slug = crate::slug::slugify(action).replace('-', "_");
    let slug = if slug.is_empty() {
        "related_to".to_owned()
    } else {
        iri_segment(&slug)
    };
    if negative {
        format!("not_{slug}")
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_round_trip() {
        for id in ["org.nato", "a b/c%d", "..", "place.åland", "日本"] {
            assert_eq!(decode_segment(&iri_segment(id)).as_deref(), Some(id));
        }
    }
}
