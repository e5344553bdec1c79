//! The encoding of one document's [`DocEntities`] in a partial graph
//! ([`pipeline::partial`](crate::pipeline::partial)) and in the build cache: what the
//! [`Resolver`](super::Resolver) needs of a document, so a merge can resolve the corpus
//! without reading the article again.
//!
//! Encoded: every [`LocalEntity`] (type, gazetteer entry, origin, forms with counts and
//! merge rules, titled forms, roles, `part_of`, mentions, the two flags) and the lower-case
//! word counts. Not encoded: `refs`, which only [`pipeline`](crate::pipeline) reads, while
//! the article is processed, to give each statement its local entities; the statements
//! carry those ids themselves.
//!
//! Numbers are [`ByteWriter::var`] numbers, strings [`ByteWriter::var_str`] strings, sets
//! sorted as in memory. Encoding and decoding destructure every struct without `..`, so a
//! field added to [`DocEntities`] or [`LocalEntity`] does not compile until it is encoded
//! here (and the format version in `pipeline/partial.rs` is raised).

use std::collections::BTreeSet;

use super::gazetteer::Gazetteer;
use super::local::{DocEntities, FormCounts, LocalEntity, LocalOrigin};
use crate::codec::{ByteReader, ByteWriter, DecodeError};
use crate::model::{EntityType, MergeRules};

/// Appends `doc`'s entity summaries and word counts to `w`.
pub(crate) fn encode(doc: &DocEntities, w: &mut ByteWriter) {
    let DocEntities {
        refs: _,
        entities,
        lower_words,
    } = doc;
    w.var(entities.len() as u64);
    for e in entities {
        encode_entity(e, w);
    }
    w.var(lower_words.len() as u64);
    for (word, n) in lower_words {
        w.var_str(word);
        w.var(u64::from(*n));
    }
}

fn encode_entity(e: &LocalEntity, w: &mut ByteWriter) {
    let LocalEntity {
        kind,
        entry,
        origin,
        forms,
        titled,
        roles,
        part_of,
        mentions,
        titled_person,
        org_context,
    } = e;
    w.u8(type_index(*kind));
    option(w, *entry);
    match origin {
        LocalOrigin::Name => w.u8(0),
        LocalOrigin::Entry => w.u8(1),
        LocalOrigin::Group(s) => {
            w.u8(2);
            w.var_str(s);
        }
        LocalOrigin::Metonym(s) => {
            w.u8(3);
            w.var_str(s);
        }
        LocalOrigin::Thing(s) => {
            w.u8(4);
            w.var_str(s);
        }
        LocalOrigin::Specific(s) => {
            w.u8(5);
            w.var_str(s);
        }
    }
    w.var(forms.len() as u64);
    for (form, n, rules) in forms.with_rules() {
        w.var_str(form);
        w.var(n as u64);
        w.u16(rules.bits());
    }
    for set in [titled, roles] {
        w.var(set.len() as u64);
        for s in set {
            w.var_str(s);
        }
    }
    option(w, *part_of);
    w.var(*mentions as u64);
    w.u8(u8::from(*titled_person) | (u8::from(*org_context) << 1));
}

/// Reads what [`encode`] wrote. `refs` come back empty.
pub(crate) fn decode(r: &mut ByteReader<'_>) -> Result<DocEntities, DecodeError> {
    let n = r.var_count(6)?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        entities.push(decode_entity(r, n)?);
    }
    let n = r.var_count(2)?;
    let mut lower_words = Vec::with_capacity(n);
    for _ in 0..n {
        let word = r.var_str()?.to_owned();
        let at = r.position();
        let count = u32::try_from(r.var()?).map_err(|_| DecodeError::Range(at))?;
        lower_words.push((word, count));
    }
    Ok(DocEntities {
        refs: Vec::new(),
        entities,
        lower_words,
    })
}

fn decode_entity(r: &mut ByteReader<'_>, count: usize) -> Result<LocalEntity, DecodeError> {
    let at = r.position();
    let kind = *EntityType::ALL
        .get(usize::from(r.u8()?))
        .ok_or(DecodeError::Invalid(at, "entity type"))?;
    let at = r.position();
    let entry = get_option(r)?;
    if entry.is_some_and(|e| e >= Gazetteer::get().len()) {
        return Err(DecodeError::Invalid(at, "gazetteer entry"));
    }
    let at = r.position();
    let origin = match r.u8()? {
        0 => LocalOrigin::Name,
        1 => LocalOrigin::Entry,
        2 => LocalOrigin::Group(r.var_str()?.to_owned()),
        3 => LocalOrigin::Metonym(r.var_str()?.to_owned()),
        4 => LocalOrigin::Thing(r.var_str()?.to_owned()),
        5 => LocalOrigin::Specific(r.var_str()?.to_owned()),
        _ => return Err(DecodeError::Invalid(at, "entity origin")),
    };
    let n = r.var_count(4)?;
    let mut forms = FormCounts::default();
    for _ in 0..n {
        let form = r.var_str()?.to_owned();
        let count = r.var_usize()?;
        let at = r.position();
        let rules = MergeRules::from_bits(r.u16()?).ok_or(DecodeError::Invalid(at, "rules"))?;
        forms.add(form, count, rules);
    }
    let mut sets: [BTreeSet<String>; 2] = [BTreeSet::new(), BTreeSet::new()];
    for set in &mut sets {
        let n = r.var_count(1)?;
        for _ in 0..n {
            set.insert(r.var_str()?.to_owned());
        }
    }
    let [titled, roles] = sets;
    let at = r.position();
    let part_of = get_option(r)?;
    if part_of.is_some_and(|p| p >= count) {
        return Err(DecodeError::Invalid(at, "part_of"));
    }
    let mentions = r.var_usize()?;
    let at = r.position();
    let flags = r.u8()?;
    if flags > 3 {
        return Err(DecodeError::Invalid(at, "entity flags"));
    }
    Ok(LocalEntity {
        kind,
        entry,
        origin,
        forms,
        titled,
        roles,
        part_of,
        mentions,
        titled_person: flags & 1 != 0,
        org_context: flags & 2 != 0,
    })
}

fn type_index(kind: EntityType) -> u8 {
    let i = EntityType::ALL
        .iter()
        .position(|&k| k == kind)
        .expect("EntityType::ALL lists every type");
    u8::try_from(i).expect("a handful of types")
}

/// `None` as 0, `Some(v)` as `v + 1`.
fn option(w: &mut ByteWriter, v: Option<usize>) {
    w.var(v.map_or(0, |v| v as u64 + 1));
}

fn get_option(r: &mut ByteReader<'_>) -> Result<Option<usize>, DecodeError> {
    let v = r.var_usize()?;
    Ok(v.checked_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::Nlp;
    use crate::resolve::document;

    /// A real document's entities (names, a group, titles, an acronym, a phrase) come back
    /// field for field: a field the encoder forgot shows up in the `Debug` comparison.
    #[test]
    fn a_real_documents_entities_round_trip() {
        let Ok(nlp) = Nlp::load_default() else {
            eprintln!("skipped: no built-in model");
            return;
        };
        let article = crate::model::Article {
            id: "a1".into(),
            title: None,
            date: Some("2019-03-02".into()),
            url: None,
            text: "Finance Minister Anna Novak of East Ruritania met officials of the \
                   Harbour Trading Company (HTC) in Oslo on Monday. Novak said the company \
                   would cooperate with Norway. Ruritanian officials criticised the deal, \
                   and the spokesman said the banks had warned HTC."
                .into(),
            origin: crate::model::Origin {
                path: "t".into(),
                line: None,
            },
        };
        let doc = nlp.annotate(article);
        let triples = crate::extract::run(&crate::extract::Extractors::all(), &doc);
        let entities = document(&doc, &triples);
        assert!(entities.entities.len() >= 3, "{:?}", entities.entities);
        assert!(!entities.lower_words.is_empty());
        let mut w = ByteWriter::new();
        encode(&entities, &mut w);
        let mut r = ByteReader::new(&w.buf);
        let back = decode(&mut r).expect("decodes");
        assert!(r.is_empty(), "every byte read");
        assert_eq!(
            format!("{:?}", back.entities),
            format!("{:?}", entities.entities)
        );
        assert_eq!(back.lower_words, entities.lower_words);
        // Damage anywhere is an error or a different value, never a panic.
        for i in 0..w.buf.len() {
            let mut bad = w.buf.clone();
            bad[i] ^= 0xff;
            let _ = decode(&mut ByteReader::new(&bad));
            let _ = decode(&mut ByteReader::new(&w.buf[..i]));
        }
    }
}
