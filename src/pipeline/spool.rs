//! The spool: each document's pending statements, written to an unnamed temporary file
//! while the corpus is read and read back, document by document and in any order (each
//! document's [`Slot`] says where it is), once the resolver has clustered the entities: once
//! to build the graph, once more to write `statements.jsonl`.
//!
//! It keeps statements (sentence text, mentions, actions) out of memory, so memory grows
//! with entities and relations, not with statements. The file is
//! private to the process and removed by the operating system when it is closed, even on a
//! crash. The encoding is ours and never leaves the process: little-endian integers, strings
//! as a length and UTF-8 bytes, and a flag that says a statement shares the previous one's
//! sentence, so the sentence text is read back once per sentence.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

use super::{Mention, Pending};
use crate::codec::{ByteReader, ByteWriter};
use crate::model::{Action, CharSpan, Modality, Polarity, Span};
use crate::resolve::LocalId;

/// Writes documents' pending statements.
pub(super) struct Spool {
    out: BufWriter<File>,
    /// Bytes written so far: where the next document starts.
    written: u64,
    /// One document's encoding, reused.
    buffer: ByteWriter,
    /// Extractor ids seen, written as their index here.
    extractors: Vec<&'static str>,
}

/// Where one document's statements are in the spool.
#[derive(Clone, Copy, Debug)]
pub(super) struct Slot {
    offset: u64,
    len: u32,
}

impl Spool {
    /// A spool on a new unnamed temporary file.
    pub(super) fn new() -> io::Result<Spool> {
        Ok(Spool {
            out: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            written: 0,
            buffer: ByteWriter::new(),
            extractors: Vec::new(),
        })
    }

    /// Appends one document's pending statements; returns where they are.
    pub(super) fn write_doc(&mut self, pending: &[Pending]) -> io::Result<Slot> {
        self.buffer.buf.clear();
        let w = &mut self.buffer;
        w.usize(pending.len());
        let mut previous: Option<&Arc<str>> = None;
        for p in pending {
            w.usize(p.sentence);
            for n in [p.span.start, p.span.end, p.char_span.start, p.char_span.end] {
                w.usize(n);
            }
            match previous {
                Some(text) if Arc::ptr_eq(text, &p.text) => w.u8(1),
                _ => {
                    w.u8(0);
                    w.str64(&p.text);
                }
            }
            previous = Some(&p.text);
            put_argument(w, &p.actor);
            put_argument(w, &p.target);
            match &p.attributed_to {
                Some(a) => {
                    w.u8(1);
                    put_argument(w, a);
                }
                None => w.u8(0),
            }
            w.str64(&p.action.label);
            w.str64(&p.action.lemma);
            w.str64(&p.action.surface);
            put_polarity_modality(w, p.polarity, p.modality);
            w.f32(p.confidence);
            let extractor = match self.extractors.iter().position(|&e| e == p.extractor) {
                Some(i) => i,
                None => {
                    self.extractors.push(p.extractor);
                    self.extractors.len() - 1
                }
            };
            w.usize(extractor);
        }
        let len = u32::try_from(self.buffer.buf.len())
            .map_err(|_| io::Error::other("one document's statements exceed 4 GiB"))?;
        self.out.write_all(&self.buffer.buf)?;
        let slot = Slot {
            offset: self.written,
            len,
        };
        self.written += u64::from(len);
        Ok(slot)
    }

    /// Ends writing; documents can then be read back in any order.
    pub(super) fn into_reader(self) -> io::Result<SpoolReader> {
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        Ok(SpoolReader {
            file: Mutex::new(file),
            extractors: self.extractors,
        })
    }
}

/// Reads documents back by their [`Slot`], from any thread.
pub(super) struct SpoolReader {
    file: Mutex<File>,
    extractors: Vec<&'static str>,
}

impl SpoolReader {
    /// The pending statements of the document at `slot`.
    pub(super) fn read_doc(&self, slot: Slot) -> io::Result<Vec<Pending>> {
        let mut bytes = vec![0u8; slot.len as usize];
        {
            let mut file = self
                .file
                .lock()
                .map_err(|_| io::Error::other("statement spool: a reader panicked"))?;
            file.seek(SeekFrom::Start(slot.offset))?;
            file.read_exact(&mut bytes)?;
        }
        let r = &mut ByteReader::new(&bytes);
        let n = r.usize()?;
        let mut out: Vec<Pending> = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let sentence = r.usize()?;
            let span = Span::new(r.usize()?, r.usize()?);
            let char_span = CharSpan::new(r.usize()?, r.usize()?);
            let text = match (r.u8()?, out.last()) {
                (1, Some(last)) => Arc::clone(&last.text),
                (0, _) => Arc::from(r.str64()?),
                _ => return Err(corrupt("sentence flag")),
            };
            let actor = get_argument(r)?;
            let target = get_argument(r)?;
            let attributed_to = match r.u8()? {
                0 => None,
                1 => Some(get_argument(r)?),
                _ => return Err(corrupt("attribution flag")),
            };
            let action = Action {
                label: r.str64()?.to_owned(),
                lemma: r.str64()?.to_owned(),
                surface: r.str64()?.to_owned(),
            };
            let (polarity, modality) = get_polarity_modality(r)?;
            let confidence = r.f32()?;
            let extractor = *self
                .extractors
                .get(r.usize()?)
                .ok_or_else(|| corrupt("extractor"))?;
            out.push(Pending {
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
            return Err(corrupt("document length"));
        }
        Ok(out)
    }
}

pub(super) fn corrupt(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("statement spool: bad {what}"),
    )
}

fn put_argument(w: &mut ByteWriter, (local, mention): &(LocalId, Mention)) {
    w.u32(local.0);
    w.u8(u8::from(mention.pronoun));
    w.str64(&mention.text);
}

/// Writes a statement's polarity and modality, a byte each.
pub(super) fn put_polarity_modality(w: &mut ByteWriter, polarity: Polarity, modality: Modality) {
    let p = match polarity {
        Polarity::Positive => 0,
        Polarity::Negative => 1,
    };
    let m = match modality {
        Modality::Asserted => 0,
        Modality::Alleged => 1,
        Modality::Possible => 2,
        Modality::Denied => 3,
    };
    w.u8(p);
    w.u8(m);
}

/// Reads what [`put_polarity_modality`] wrote.
pub(super) fn get_polarity_modality(r: &mut ByteReader<'_>) -> io::Result<(Polarity, Modality)> {
    let polarity = match r.u8()? {
        0 => Polarity::Positive,
        1 => Polarity::Negative,
        _ => return Err(corrupt("polarity")),
    };
    let modality = match r.u8()? {
        0 => Modality::Asserted,
        1 => Modality::Alleged,
        2 => Modality::Possible,
        3 => Modality::Denied,
        _ => return Err(corrupt("modality")),
    };
    Ok((polarity, modality))
}

fn get_argument(r: &mut ByteReader<'_>) -> io::Result<(LocalId, Mention)> {
    let local = LocalId(r.u32()?);
    let pronoun = match r.u8()? {
        0 => false,
        1 => true,
        _ => return Err(corrupt("pronoun flag")),
    };
    Ok((
        local,
        Mention {
            text: r.str64()?.to_owned(),
            pronoun,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(sentence: usize, text: &Arc<str>, extractor: &'static str) -> Pending {
        let mention = |text: &str, pronoun| Mention {
            text: text.to_owned(),
            pronoun,
        };
        Pending {
            sentence,
            span: Span::new(10 * sentence, 10 * sentence + text.len()),
            char_span: CharSpan::new(9 * sentence, 9 * sentence + 7),
            text: Arc::clone(text),
            actor: (LocalId(1), mention("She", true)),
            target: (LocalId(7), mention("the Ærø ferry", false)),
            attributed_to: (sentence == 2).then(|| (LocalId(3), mention("Tom Vale", false))),
            action: Action {
                label: "cooperate with".into(),
                lemma: "cooperate".into(),
                surface: "will cooperate with".into(),
            },
            polarity: if sentence == 2 {
                Polarity::Negative
            } else {
                Polarity::Positive
            },
            modality: if sentence == 2 {
                Modality::Denied
            } else {
                Modality::Possible
            },
            confidence: 0.85,
            extractor,
        }
    }

    #[test]
    fn documents_come_back_by_slot_with_shared_sentences() {
        let one: Arc<str> = Arc::from("She may cooperate with the Ærø ferry.");
        let two: Arc<str> = Arc::from("Tom Vale said she would not.");
        let docs = [
            vec![
                pending(1, &one, "clauses"),
                pending(1, &one, "events"),
                pending(2, &two, "clauses"),
            ],
            Vec::new(),
            vec![pending(2, &two, "speech")],
        ];
        let mut spool = Spool::new().expect("temp file");
        let slots: Vec<Slot> = docs
            .iter()
            .map(|d| spool.write_doc(d).expect("write"))
            .collect();
        let reader = spool.into_reader().expect("rewind");
        // Backwards, to show documents come back by slot, not in file order.
        for (d, &slot) in docs.iter().zip(&slots).rev() {
            let back = reader.read_doc(slot).expect("read");
            assert_eq!(back.len(), d.len());
            for (a, b) in d.iter().zip(&back) {
                assert_eq!(a.sentence, b.sentence);
                assert_eq!((a.span, a.char_span), (b.span, b.char_span));
                assert_eq!(a.text, b.text);
                assert_eq!(a.actor.0, b.actor.0);
                assert_eq!(a.actor.1.text, b.actor.1.text);
                assert_eq!(a.actor.1.pronoun, b.actor.1.pronoun);
                assert_eq!(a.target.1.text, b.target.1.text);
                assert_eq!(
                    a.attributed_to.as_ref().map(|x| (x.0, &x.1.text)),
                    b.attributed_to.as_ref().map(|x| (x.0, &x.1.text))
                );
                assert_eq!(a.action, b.action);
                assert_eq!((a.polarity, a.modality), (b.polarity, b.modality));
                assert_eq!(a.confidence.to_bits(), b.confidence.to_bits());
                assert_eq!(a.extractor, b.extractor);
            }
            if d.len() == 3 {
                assert!(
                    Arc::ptr_eq(&back[0].text, &back[1].text),
                    "one copy per sentence"
                );
                assert!(!Arc::ptr_eq(&back[1].text, &back[2].text));
            }
        }
        let past = Slot {
            offset: slots[2].offset + u64::from(slots[2].len),
            len: 8,
        };
        assert!(
            reader.read_doc(past).is_err(),
            "nothing after the last document"
        );
    }
}
