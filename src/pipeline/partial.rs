//! Partial graphs: the map step's output (`actorgraph build --partial FILE`) and the reduce
//! step's input and output (`actorgraph merge`).
//!
//! A partial graph holds, for each of its documents, what a build keeps of an article
//! after stages 2–4: its statements with their evidence (sentence, spans, mentions, action,
//! polarity, modality, confidence, extractor) and the summaries of its document-local
//! entities that the corpus-wide resolver folds. Nothing in it is resolved across
//! documents, so partials merge by concatenation: [`merge_partials`] writes one holding the
//! documents of all, and [`super::merge`] resolves them into the same graph, byte for byte,
//! that one `build` of those documents makes, whatever the partition and the merge tree.
//!
//! # Format (version 1)
//!
//! ```text
//! header   "AGPARTIAL\0" (10 bytes)
//!          format version        u32 LE   (1)
//!          pipeline fingerprint  u64 LE   (the model and the code that made the records)
//!          max-article-tokens    u64 LE   (the work budget the records were made with)
//!          header check          u64 LE   (hash of the 30 bytes before it)
//! records  one per document, in article-id order (documents sharing an id in input order):
//!          b'D', length u32 LE, the record (`pipeline/record.rs`), check u64 LE
//! end      b'E', document count u64 LE, check u64 LE (hash of the count and of every
//!          record check, so a lost or reordered record is seen)
//! ```
//!
//! Checks are [`hash_bytes`] values. A file that does not start with the magic bytes, has
//! another version, was made by another model or code ([`fingerprint`]) or another work
//! budget, fails a check, ends early or has bytes after its end is refused with an error
//! naming it. Documents come in id order so that every merge tree gives the same file and
//! a merge reads each input once, front to back, holding one record of each in memory.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use super::DocOutput;
use super::record;
use crate::codec::ByteWriter;
use crate::hash::hash_bytes;

/// The first bytes of every partial graph.
pub const MAGIC: &[u8; 10] = b"AGPARTIAL\0";
/// The format version written (and the only one read).
pub const VERSION: u32 = 1;

/// Seed of the checks ([`hash_bytes`]).
pub const CHECK_SEED: u64 = 0x5041_5254_4941_4c31;

/// The identity of the model and of the code that make a document's record (a hash of the
/// model file and of the sources, computed when the binary is built). Partials and cache
/// entries of another fingerprint are refused: their records could differ from ours.
pub fn fingerprint() -> u64 {
    u64::from_str_radix(env!("ACTORGRAPH_FINGERPRINT"), 16).expect("build.rs writes 16 hex digits")
}

/// A partial graph could not be read, written or merged.
#[derive(Debug, thiserror::Error)]
pub enum PartialError {
    /// Reading or writing failed.
    #[error("{}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The file is not a partial graph of a version this binary reads.
    #[error("{}: {msg}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        msg: String,
    },
    /// The file is damaged (a check failed, it ends early, or a record does not decode).
    #[error("{}: damaged partial graph: {msg}", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Where and how.
        msg: String,
    },
    /// Two inputs of a merge hold the same document id.
    #[error("document id {id:?} is in both {} and {}", first.display(), second.display())]
    Duplicate {
        /// The id.
        id: String,
        /// One input holding it.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// The inputs of a merge were made with different work budgets.
    #[error(
        "{} was made with --max-article-tokens {theirs}, {} with {ours}: build both with one budget",
        path.display(), other.display()
    )]
    Budget {
        /// The file.
        path: PathBuf,
        /// Its budget.
        theirs: u64,
        /// The first input.
        other: PathBuf,
        /// The first input's budget.
        ours: u64,
    },
}

fn check(bytes: &[u8]) -> u64 {
    hash_bytes(CHECK_SEED, bytes)
}

/// Writes a partial graph, record by record, to any writer. Records must come in id order
/// (writing checks it).
pub struct PartialWriter<W: Write> {
    out: W,
    count: u64,
    end: ByteWriter,
    last_id: Option<String>,
}

impl<W: Write> PartialWriter<W> {
    /// Starts a partial graph made with this work budget.
    pub fn new(mut out: W, max_article_tokens: u64) -> io::Result<PartialWriter<W>> {
        let mut h = ByteWriter::new();
        h.buf.extend_from_slice(MAGIC);
        h.u32(VERSION);
        h.u64(fingerprint());
        h.u64(max_article_tokens);
        let c = check(&h.buf);
        h.u64(c);
        out.write_all(&h.buf)?;
        Ok(PartialWriter {
            out,
            count: 0,
            end: ByteWriter::new(),
            last_id: None,
        })
    }

    /// Appends one document's encoded record.
    fn record(&mut self, bytes: &[u8]) -> io::Result<()> {
        let id = record::peek_id(bytes).map_err(io::Error::from)?;
        if self.last_id.as_deref().is_some_and(|last| last > id) {
            return Err(io::Error::other(format!(
                "documents out of id order ({id:?} after {:?})",
                self.last_id
            )));
        }
        self.last_id = Some(id.to_owned());
        let len = u32::try_from(bytes.len())
            .map_err(|_| io::Error::other("one document's record exceeds 4 GiB"))?;
        let c = check(bytes);
        self.out.write_all(b"D")?;
        self.out.write_all(&len.to_le_bytes())?;
        self.out.write_all(bytes)?;
        self.out.write_all(&c.to_le_bytes())?;
        self.end.u64(c);
        self.count += 1;
        Ok(())
    }

    /// Writes the end; returns the writer and the number of documents.
    pub fn finish(mut self) -> io::Result<(W, u64)> {
        let mut tail = ByteWriter::new();
        tail.u64(self.count);
        self.end.buf.extend_from_slice(&tail.buf);
        let c = check(&self.end.buf);
        self.out.write_all(b"E")?;
        self.out.write_all(&tail.buf)?;
        self.out.write_all(&c.to_le_bytes())?;
        self.out.flush()?;
        Ok((self.out, self.count))
    }
}

/// Reads a partial graph front to back, one record at a time.
pub struct PartialReader {
    path: PathBuf,
    input: BufReader<File>,
    max_article_tokens: u64,
    /// The current record, once read.
    record: Vec<u8>,
    /// Record checks so far, for the end check.
    checks: ByteWriter,
    count: u64,
    done: bool,
}

impl PartialReader {
    /// Opens a partial graph and checks its header.
    pub fn open(path: &Path) -> Result<PartialReader, PartialError> {
        let io_err = |source| PartialError::Io {
            path: path.to_owned(),
            source,
        };
        let file = File::open(path).map_err(io_err)?;
        let mut input = BufReader::with_capacity(1 << 16, file);
        let mut header = [0u8; 38];
        let format = |msg: String| PartialError::Format {
            path: path.to_owned(),
            msg,
        };
        let got = read_up_to(&mut input, &mut header).map_err(io_err)?;
        if got < MAGIC.len() || &header[..MAGIC.len()] != MAGIC {
            return Err(format(
                "not a partial graph (made by `actorgraph build --partial` or `actorgraph merge --partial`)"
                    .into(),
            ));
        }
        if got < header.len() {
            return Err(PartialError::Damaged {
                path: path.to_owned(),
                msg: "the header ends early".into(),
            });
        }
        let u32_at = |i: usize| u32::from_le_bytes(header[i..i + 4].try_into().expect("4 bytes"));
        let u64_at = |i: usize| u64::from_le_bytes(header[i..i + 8].try_into().expect("8 bytes"));
        if check(&header[..30]) != u64_at(30) {
            return Err(PartialError::Damaged {
                path: path.to_owned(),
                msg: "the header check fails".into(),
            });
        }
        let version = u32_at(10);
        if version != VERSION {
            return Err(format(format!(
                "partial graph format version {version}; this actorgraph reads version {VERSION} only"
            )));
        }
        let theirs = u64_at(14);
        if theirs != fingerprint() {
            return Err(format(format!(
                "made by another model or version of actorgraph (fingerprint {theirs:016x}, \
                 this one {:016x}); make it again with this binary",
                fingerprint()
            )));
        }
        Ok(PartialReader {
            path: path.to_owned(),
            input,
            max_article_tokens: u64_at(22),
            record: Vec::new(),
            checks: ByteWriter::new(),
            count: 0,
            done: false,
        })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The work budget its documents were made with.
    pub fn max_article_tokens(&self) -> u64 {
        self.max_article_tokens
    }

    fn damaged(&self, msg: impl Into<String>) -> PartialError {
        PartialError::Damaged {
            path: self.path.clone(),
            msg: msg.into(),
        }
    }

    /// Reads the next record into [`PartialReader::current`]; `false` at the end (after
    /// checking it).
    fn advance(&mut self) -> Result<bool, PartialError> {
        if self.done {
            return Ok(false);
        }
        let n = self.count;
        let mut tag = [0u8; 1];
        self.read_exact(&mut tag, n)?;
        match tag[0] {
            b'D' => {
                let mut len = [0u8; 4];
                self.read_exact(&mut len, n)?;
                let len = u32::from_le_bytes(len) as usize;
                let mut record = std::mem::take(&mut self.record);
                record.clear();
                // grows with what is really read, so a damaged length asks for no more
                // memory than the file holds
                let got = (&mut self.input)
                    .take(len as u64)
                    .read_to_end(&mut record)
                    .map_err(|source| PartialError::Io {
                        path: self.path.clone(),
                        source,
                    })?;
                self.record = record;
                if got < len {
                    return Err(self.damaged(format!("document {} ends early", n + 1)));
                }
                let mut c = [0u8; 8];
                self.read_exact(&mut c, n)?;
                let c = u64::from_le_bytes(c);
                if check(&self.record) != c {
                    return Err(self.damaged(format!("document {} fails its check", n + 1)));
                }
                self.checks.u64(c);
                self.count += 1;
                Ok(true)
            }
            b'E' => {
                let mut tail = [0u8; 16];
                self.read_exact(&mut tail, n)?;
                let count = u64::from_le_bytes(tail[..8].try_into().expect("8 bytes"));
                self.checks.buf.extend_from_slice(&tail[..8]);
                if count != self.count
                    || check(&self.checks.buf)
                        != u64::from_le_bytes(tail[8..].try_into().expect("8 bytes"))
                {
                    return Err(self.damaged(format!(
                        "the end check fails ({} documents read, {count} written)",
                        self.count
                    )));
                }
                let mut more = [0u8; 1];
                if read_up_to(&mut self.input, &mut more).map_err(|source| PartialError::Io {
                    path: self.path.clone(),
                    source,
                })? > 0
                {
                    return Err(self.damaged("bytes after the end"));
                }
                self.done = true;
                Ok(false)
            }
            _ => Err(self.damaged(format!("no document {} where expected", n + 1))),
        }
    }

    fn read_exact(&mut self, buf: &mut [u8], n: u64) -> Result<(), PartialError> {
        let got = read_up_to(&mut self.input, buf).map_err(|source| PartialError::Io {
            path: self.path.clone(),
            source,
        })?;
        if got < buf.len() {
            return Err(self.damaged(format!(
                "the file ends early, after {n} documents (no end mark)"
            )));
        }
        Ok(())
    }

    /// The id of the record last read.
    fn current_id(&self) -> Result<&str, PartialError> {
        record::peek_id(&self.record).map_err(|e| PartialError::Damaged {
            path: self.path.clone(),
            msg: format!("document {}: {e}", self.count),
        })
    }
}

/// Reads until `buf` is full or the input ends; returns the bytes read.
fn read_up_to(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match input.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Opens every input and checks they were made with one work budget.
pub fn open_all(paths: &[PathBuf]) -> Result<Vec<PartialReader>, PartialError> {
    let readers = paths
        .iter()
        .map(|p| PartialReader::open(p))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(first) = readers.first()
        && let Some(other) = readers
            .iter()
            .find(|r| r.max_article_tokens != first.max_article_tokens)
    {
        return Err(PartialError::Budget {
            path: other.path.clone(),
            theirs: other.max_article_tokens,
            other: first.path.clone(),
            ours: first.max_article_tokens,
        });
    }
    Ok(readers)
}

/// Walks the inputs' records in id order (a k-way merge: each input is read once, front
/// to back, one record of each in memory), calling `f` with each record's input and bytes.
/// The same id in two inputs is [`PartialError::Duplicate`]; documents sharing an id
/// within one input stay in its order.
fn walk_merged<E: From<PartialError>>(
    readers: &mut [PartialReader],
    mut f: impl FnMut(&mut PartialReader) -> Result<(), E>,
) -> Result<(), E> {
    let mut live: Vec<usize> = Vec::with_capacity(readers.len());
    for (i, r) in readers.iter_mut().enumerate() {
        if r.advance()? {
            live.push(i);
        }
    }
    // Few inputs: a linear scan for the smallest id beats a heap's bookkeeping and keeps
    // the comparison of equal ids (the duplicate check) in one place.
    while !live.is_empty() {
        let mut best = 0;
        for k in 1..live.len() {
            let (a, b) = (live[k], live[best]);
            match readers[a].current_id()?.cmp(readers[b].current_id()?) {
                std::cmp::Ordering::Less => best = k,
                std::cmp::Ordering::Equal => {
                    return Err(E::from(PartialError::Duplicate {
                        id: readers[a].current_id()?.to_owned(),
                        first: readers[b].path.clone(),
                        second: readers[a].path.clone(),
                    }));
                }
                std::cmp::Ordering::Greater => {}
            }
        }
        let i = live[best];
        let id = readers[i].current_id()?.to_owned();
        f(&mut readers[i])?;
        if readers[i].advance()? {
            if readers[i].current_id()? < id.as_str() {
                return Err(E::from(readers[i].damaged(format!(
                    "document {} is out of id order",
                    readers[i].count
                ))));
            }
        } else {
            live.remove(best);
        }
    }
    Ok(())
}

/// Merges partial graphs into one, written to `out` (documents of all inputs, in id
/// order). Returns the number of documents.
/// `out_path` names the output in errors.
pub fn merge_partials<W: Write>(
    readers: &mut [PartialReader],
    out: W,
    out_path: &Path,
    max_article_tokens: u64,
) -> Result<(W, u64), PartialError> {
    let out_error = |source| PartialError::Io {
        path: out_path.to_owned(),
        source,
    };
    let mut writer = PartialWriter::new(out, max_article_tokens).map_err(out_error)?;
    walk_merged::<PartialError>(readers, |r| writer.record(&r.record).map_err(out_error))?;
    writer.finish().map_err(out_error)
}

/// Calls `f` on every document of the inputs, decoded, in id order.
pub(super) fn for_each_doc(
    readers: &mut [PartialReader],
    mut f: impl FnMut(DocOutput) -> Result<(), super::PipelineError>,
) -> Result<(), super::PipelineError> {
    walk_merged(readers, |r| {
        let doc = record::decode(&r.record)
            .map_err(|e| r.damaged(format!("document {}: {e}", r.count)))?;
        f(doc)
    })
}

/// Writes documents' records, in any order, to an unnamed temporary file, then out in
/// id order as a partial graph: the map step's writer.
pub(super) struct RecordSpool {
    file: BufWriter<File>,
    /// Each record's id, offset and length, in input order.
    index: Vec<(String, u64, u32)>,
    written: u64,
    buffer: ByteWriter,
}

impl RecordSpool {
    pub(super) fn new() -> io::Result<RecordSpool> {
        Ok(RecordSpool {
            file: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            index: Vec::new(),
            written: 0,
            buffer: ByteWriter::new(),
        })
    }

    pub(super) fn add(&mut self, doc: &DocOutput) -> io::Result<()> {
        self.buffer.buf.clear();
        record::encode(doc, &mut self.buffer);
        let len = u32::try_from(self.buffer.buf.len())
            .map_err(|_| io::Error::other("one document's record exceeds 4 GiB"))?;
        self.file.write_all(&self.buffer.buf)?;
        self.index.push((doc.meta.id.clone(), self.written, len));
        self.written += u64::from(len);
        Ok(())
    }

    /// Documents so far.
    pub(super) fn len(&self) -> usize {
        self.index.len()
    }

    /// Writes the partial graph to `out`; returns the writer and the document count.
    pub(super) fn write_to<W: Write>(
        self,
        out: W,
        max_article_tokens: u64,
    ) -> io::Result<(W, u64)> {
        use std::io::{Seek, SeekFrom};
        let RecordSpool {
            file, mut index, ..
        } = self;
        let mut file = file.into_inner().map_err(|e| e.into_error())?;
        // stable: documents sharing an id keep their input order
        index.sort_by(|a, b| a.0.cmp(&b.0));
        let mut writer = PartialWriter::new(out, max_article_tokens)?;
        let mut bytes = Vec::new();
        for (_, offset, len) in index {
            bytes.resize(len as usize, 0);
            file.seek(SeekFrom::Start(offset))?;
            file.read_exact(&mut bytes)?;
            writer.record(&bytes)?;
        }
        writer.finish()
    }
}
