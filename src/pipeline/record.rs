//! One document's record: everything a build keeps of an article after stages 2–4
//! ([`DocOutput`]), encoded for partial graphs ([`super::partial`]) and the build cache
//! ([`super::cache`]).
//!
//! # Layout
//!
//! Numbers are LEB128 ([`ByteWriter::var`]), strings a `var` length then UTF-8, optional
//! values a flag byte (0 or 1) then the value.
//!
//! 1. The article: id (first, so a merge can read it without decoding the rest), optional
//!    title, date and URL; its word and sentence counts.
//! 2. The warning when the article was over its work budget: optional origin path, line and
//!    message.
//! 3. Its entities, as [`resolve::wire`](crate::resolve::wire) encodes them.
//! 4. Its statements: a count, then each one's sentence number, byte span, character span,
//!    the sentence text (or a flag saying it is the previous statement's), actor and
//!    target (local entity, pronoun flag, words), optional attribution, the action's label,
//!    lemma and surface, polarity, modality, confidence (`f32` bits) and extractor id.
//!
//! Field sets are destructured without `..` so a new field fails to compile until it is
//! encoded here.

use std::sync::Arc;

use super::{DocOutput, Mention, Pending};
use crate::codec::{ByteReader, ByteWriter, DecodeError};
use crate::corpus::Diagnostic;
use crate::extract::{Extractor, Extractors};
use crate::graph::ArticleMeta;
use crate::model::{Action, CharSpan, Modality, Origin, Polarity, Span};
use crate::resolve::{LocalId, wire};

/// Appends `out`'s record to `w`.
pub(super) fn encode(out: &DocOutput, w: &mut ByteWriter) {
    let DocOutput {
        meta,
        words,
        sentences,
        pending,
        entities,
        cut,
    } = out;
    let ArticleMeta {
        id,
        title,
        date,
        url,
    } = meta;
    w.var_str(id);
    for s in [title, date, url] {
        opt_str(w, s.as_deref());
    }
    w.var(*words as u64);
    w.var(*sentences as u64);
    match cut {
        None => w.u8(0),
        Some(Diagnostic { origin, message }) => {
            w.u8(1);
            w.var_str(&origin.path);
            w.var(origin.line.map_or(0, |l| l as u64 + 1));
            w.var_str(message);
        }
    }
    wire::encode(entities, w);
    w.var(pending.len() as u64);
    let mut previous: Option<&Arc<str>> = None;
    for p in pending {
        let Pending {
            sentence,
            span,
            char_span,
            text,
            actor,
            target,
            attributed_to,
            action,
            polarity,
            modality,
            confidence,
            extractor,
        } = p;
        w.var(*sentence as u64);
        for n in [span.start, span.end, char_span.start, char_span.end] {
            w.var(n as u64);
        }
        match previous {
            Some(t) if Arc::ptr_eq(t, text) || **t == **text => w.u8(1),
            _ => {
                w.u8(0);
                w.var_str(text);
            }
        }
        previous = Some(text);
        argument(w, actor);
        argument(w, target);
        match attributed_to {
            None => w.u8(0),
            Some(a) => {
                w.u8(1);
                argument(w, a);
            }
        }
        let Action {
            label,
            lemma,
            surface,
        } = action;
        w.var_str(label);
        w.var_str(lemma);
        w.var_str(surface);
        w.u8(match polarity {
            Polarity::Positive => 0,
            Polarity::Negative => 1,
        });
        w.u8(match modality {
            Modality::Asserted => 0,
            Modality::Alleged => 1,
            Modality::Possible => 2,
            Modality::Denied => 3,
        });
        w.f32(*confidence);
        w.var_str(extractor);
    }
}

/// The article id at the start of a record.
pub(super) fn peek_id(record: &[u8]) -> Result<&str, DecodeError> {
    ByteReader::new(record).var_str()
}

/// Reads a record written by [`encode`]; every byte must be used.
pub(super) fn decode(record: &[u8]) -> Result<DocOutput, DecodeError> {
    let r = &mut ByteReader::new(record);
    let id = r.var_str()?.to_owned();
    let title = get_opt_str(r)?;
    let date = get_opt_str(r)?;
    let url = get_opt_str(r)?;
    let words = r.var_usize()?;
    let sentences = r.var_usize()?;
    let cut = if r.flag("warning flag")? {
        let path = r.var_str()?.to_owned();
        let line = r.var_usize()?.checked_sub(1);
        let message = r.var_str()?.to_owned();
        Some(Diagnostic {
            origin: Origin { path, line },
            message,
        })
    } else {
        None
    };
    let entities = wire::decode(r)?;
    let n = r.var_count(12)?;
    let mut pending: Vec<Pending> = Vec::with_capacity(n);
    for _ in 0..n {
        let sentence = r.var_usize()?;
        let (start, end) = get_range(r, "byte span")?;
        let span = Span::new(start, end);
        let (start, end) = get_range(r, "character span")?;
        let char_span = CharSpan::new(start, end);
        let at = r.position();
        let text = match (r.flag("sentence flag")?, pending.last()) {
            (true, Some(last)) => Arc::clone(&last.text),
            (false, _) => Arc::from(r.var_str()?),
            (true, None) => return Err(DecodeError::Invalid(at, "sentence flag")),
        };
        // every argument is one of the document's entities (a merge resolves it there)
        let locals = entities.len();
        let actor = get_argument(r, locals)?;
        let target = get_argument(r, locals)?;
        let attributed_to = if r.flag("attribution flag")? {
            Some(get_argument(r, locals)?)
        } else {
            None
        };
        let action = Action {
            label: r.var_str()?.to_owned(),
            lemma: r.var_str()?.to_owned(),
            surface: r.var_str()?.to_owned(),
        };
        let at = r.position();
        let polarity = match r.u8()? {
            0 => Polarity::Positive,
            1 => Polarity::Negative,
            _ => return Err(DecodeError::Invalid(at, "polarity")),
        };
        let at = r.position();
        let modality = match r.u8()? {
            0 => Modality::Asserted,
            1 => Modality::Alleged,
            2 => Modality::Possible,
            3 => Modality::Denied,
            _ => return Err(DecodeError::Invalid(at, "modality")),
        };
        let confidence = r.f32()?;
        let at = r.position();
        let extractor = extractor_id(r.var_str()?).ok_or(DecodeError::Invalid(at, "extractor"))?;
        pending.push(Pending {
            sentence,
            span,
            char_span,
            text,
            actor,
            target,
            attributed_to,
            action,
            polarity,
            modality,
            confidence,
            extractor,
        });
    }
    if !r.is_empty() {
        return Err(DecodeError::Invalid(r.position(), "record length"));
    }
    Ok(DocOutput {
        meta: ArticleMeta {
            id,
            title,
            date,
            url,
        },
        words,
        sentences,
        pending,
        entities,
        cut,
    })
}

/// The extractor whose id this is (ids are `&'static str` in memory).
fn extractor_id(name: &str) -> Option<&'static str> {
    static IDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        Extractors::all()
            .list
            .iter()
            .chain(Extractors::open().list.iter())
            .map(Extractor::id)
            .collect()
    })
    .iter()
    .copied()
    .find(|&id| id == name)
}

fn opt_str(w: &mut ByteWriter, s: Option<&str>) {
    match s {
        None => w.u8(0),
        Some(s) => {
            w.u8(1);
            w.var_str(s);
        }
    }
}

fn get_opt_str(r: &mut ByteReader<'_>) -> Result<Option<String>, DecodeError> {
    Ok(if r.flag("optional string flag")? {
        Some(r.var_str()?.to_owned())
    } else {
        None
    })
}

fn argument(w: &mut ByteWriter, (local, mention): &(LocalId, Mention)) {
    let Mention { text, pronoun } = mention;
    w.var(u64::from(local.0));
    w.u8(u8::from(*pronoun));
    w.var_str(text);
}

/// A `start`, `end` pair with `start <= end`.
fn get_range(r: &mut ByteReader<'_>, what: &'static str) -> Result<(usize, usize), DecodeError> {
    let at = r.position();
    let (start, end) = (r.var_usize()?, r.var_usize()?);
    if start > end {
        return Err(DecodeError::Invalid(at, what));
    }
    Ok((start, end))
}

/// An argument whose local entity is one of the document's `locals`.
fn get_argument(r: &mut ByteReader<'_>, locals: usize) -> Result<(LocalId, Mention), DecodeError> {
    let at = r.position();
    let local = u32::try_from(r.var()?).map_err(|_| DecodeError::Range(at))?;
    if local as usize >= locals {
        return Err(DecodeError::Invalid(at, "local entity"));
    }
    let pronoun = r.flag("pronoun flag")?;
    let text = r.var_str()?.to_owned();
    Ok((LocalId(local), Mention { text, pronoun }))
}
