//! The evidence spool: every statement's evidence, written to an unnamed temporary file
//! while the graph is built, and read back relation by relation while `graph.jsonld` is
//! written.
//!
//! The graph keeps only each relation's [`Tally`](crate::graph::Tally) and one key per
//! statement (where its record is), so memory grows with relations and the documents
//! behind them, not with the text of the statements. A record is self-contained (the
//! sentence text is repeated for each statement of a sentence), so any one can be read
//! alone: relations are written in id order, their evidence lies in document order.
//! The file is private to the process and removed by the operating system when it is
//! closed, even on a crash. The encoding is the statement spool's (little-endian integers,
//! strings as a length and UTF-8 bytes) and never leaves the process.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

use super::spool::{corrupt, get_polarity_modality, put_polarity_modality};
use crate::codec::{ByteReader, ByteWriter};
use crate::graph::{Evidence, Statement};
use crate::model::EntityId;
use crate::model::{CharSpan, Span};

/// Bits of a key that hold the record's length; the rest hold its offset.
const LEN_BITS: u32 = 24;

/// Writes evidence records; each write returns the record's key.
pub(super) struct EvidenceSpool {
    out: BufWriter<File>,
    /// Bytes written so far: where the next record starts.
    written: u64,
    /// One record's encoding, reused.
    buffer: ByteWriter,
    /// Extractor ids seen, written as their index here.
    extractors: Vec<String>,
}

impl EvidenceSpool {
    /// A spool on a new unnamed temporary file.
    pub(super) fn new() -> io::Result<EvidenceSpool> {
        Ok(EvidenceSpool {
            out: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            written: 0,
            buffer: ByteWriter::new(),
            extractors: Vec::new(),
        })
    }

    /// Appends the evidence of one statement; returns its key: the record's offset and
    /// length in one number.
    pub(super) fn write(&mut self, s: &Statement) -> io::Result<u64> {
        self.buffer.buf.clear();
        let w = &mut self.buffer;
        w.str64(&s.doc);
        w.usize(s.sentence);
        for n in [s.span.start, s.span.end, s.char_span.start, s.char_span.end] {
            w.usize(n);
        }
        w.str64(&s.text);
        w.str64(&s.action.surface);
        put_polarity_modality(w, s.polarity, s.modality);
        match &s.attributed_to {
            Some(a) => {
                w.u8(1);
                w.str64(a.id.as_str());
            }
            None => w.u8(0),
        }
        w.f32(s.confidence);
        let extractor = match self.extractors.iter().position(|e| *e == s.extractor) {
            Some(i) => i,
            None => {
                self.extractors.push(s.extractor.clone());
                self.extractors.len() - 1
            }
        };
        w.usize(extractor);
        let len = self.buffer.buf.len() as u64;
        if len >= 1 << LEN_BITS || self.written >= 1 << (64 - LEN_BITS) {
            return Err(io::Error::other(
                "evidence spool: a statement over 16 MiB, or the spool over 1 TiB",
            ));
        }
        self.out.write_all(&self.buffer.buf)?;
        let key = (self.written << LEN_BITS) | len;
        self.written += len;
        Ok(key)
    }

    /// Ends writing; records can then be read back by key, in any order.
    pub(super) fn into_reader(self) -> io::Result<EvidenceReader> {
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        Ok(EvidenceReader {
            file: Mutex::new(file),
            extractors: self.extractors,
        })
    }
}

/// Reads evidence records back by key, from any thread.
pub(super) struct EvidenceReader {
    file: Mutex<File>,
    extractors: Vec<String>,
}

impl EvidenceReader {
    /// The evidence of the records `keys`, in that order, into `out` (cleared first).
    pub(super) fn read(&self, keys: &[u64], out: &mut Vec<Evidence>) -> io::Result<()> {
        out.clear();
        let mut bytes = Vec::new();
        let mut file = self
            .file
            .lock()
            .map_err(|_| io::Error::other("evidence spool: a reader panicked"))?;
        for &key in keys {
            let offset = key >> LEN_BITS;
            let len = usize::try_from(key & ((1 << LEN_BITS) - 1)).expect("24 bits fit");
            bytes.resize(len, 0);
            file.seek(SeekFrom::Start(offset))?;
            file.read_exact(&mut bytes)?;
            out.push(self.decode(&mut ByteReader::new(&bytes))?);
        }
        Ok(())
    }

    fn decode(&self, r: &mut ByteReader<'_>) -> io::Result<Evidence> {
        let doc = r.str64()?.to_owned();
        let sentence = r.usize()?;
        let span = Span::new(r.usize()?, r.usize()?);
        let char_span = CharSpan::new(r.usize()?, r.usize()?);
        let quote: Arc<str> = Arc::from(r.str64()?);
        let surface = r.str64()?.to_owned();
        let (polarity, modality) = get_polarity_modality(r)?;
        let attributed_to = match r.u8()? {
            0 => None,
            1 => Some(EntityId(r.str64()?.to_owned())),
            _ => return Err(corrupt("attribution flag")),
        };
        let confidence = r.f32()?;
        let extractor = self
            .extractors
            .get(r.usize()?)
            .ok_or_else(|| corrupt("extractor"))?
            .clone();
        if !r.is_empty() {
            return Err(corrupt("evidence length"));
        }
        Ok(Evidence {
            doc,
            sentence,
            span,
            char_span,
            quote,
            surface,
            polarity,
            modality,
            attributed_to,
            confidence,
            extractor,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::EntityRef;
    use crate::model::{Action, Modality, Polarity};

    fn statement(doc: &str, sentence: usize, attributed: bool) -> Statement {
        let entity = |id: &str| EntityRef {
            id: EntityId(id.to_owned()),
            mention: id.to_owned(),
            pronoun: false,
        };
        Statement {
            doc: doc.to_owned(),
            sentence,
            span: Span::new(12 * sentence, 12 * sentence + 30),
            char_span: CharSpan::new(11 * sentence, 11 * sentence + 29),
            text: Arc::from("The Ærø council will meet the ferry company."),
            actor: entity("org.aero-council"),
            action: Action {
                label: "meet".into(),
                lemma: "meet".into(),
                surface: "will meet".into(),
            },
            target: entity("org.ferry-company"),
            polarity: Polarity::Positive,
            modality: if attributed {
                Modality::Alleged
            } else {
                Modality::Possible
            },
            attributed_to: attributed.then(|| entity("person.tom-vale")),
            confidence: 0.7,
            extractor: if attributed { "speech" } else { "clauses" }.to_owned(),
        }
    }

    #[test]
    fn records_come_back_by_key_in_any_order() {
        let statements = [
            statement("a", 0, false),
            statement("b", 3, true),
            statement("b", 4, false),
        ];
        let mut spool = EvidenceSpool::new().expect("temp file");
        let keys: Vec<u64> = statements
            .iter()
            .map(|s| spool.write(s).expect("write"))
            .collect();
        let reader = spool.into_reader().expect("reader");
        let mut back = Vec::new();
        let backwards: Vec<u64> = keys.iter().rev().copied().collect();
        reader.read(&backwards, &mut back).expect("read");
        let expected: Vec<Evidence> = statements.iter().rev().map(Statement::evidence).collect();
        assert_eq!(back, expected);
        reader.read(&keys[1..2], &mut back).expect("read one");
        assert_eq!(back, [statements[1].evidence()]);
        let past = ((keys[2] >> LEN_BITS) + 1000) << LEN_BITS | 10;
        assert!(reader.read(&[past], &mut back).is_err(), "no record there");
    }
}
