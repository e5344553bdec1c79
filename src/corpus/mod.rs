//! Stage 1: read articles from files, folders, JSONL and stdin.
//!
//! An *input* is a path given on the command line: a `.txt`/`.md` file (one article),
//! an `.html`/`.htm` file (one article: its text, markup removed, its `title` as the title;
//! see `html.rs`), a `.jsonl` file (one article per line), a folder (searched recursively,
//! in sorted order, for those files), or `-` (JSONL on stdin). A [`Corpus`] streams the articles of
//! all inputs in order, one at a time, so memory does not grow with the corpus.
//!
//! # What happens with bad input
//!
//! | case | kind | what happens |
//! |---|---|---|
//! | an input path that does not exist | error | the run stops (exit 2) before anything is written |
//! | a file inside a folder with another extension | skipped | counted in the summary, no message |
//! | a file that cannot be read (permissions, dangling link) | warning | skipped, named, counted |
//! | a FIFO, socket or device (in a folder or named) | warning | skipped without being opened, named |
//! | a symbolic link back to a folder being walked | warning | skipped, named as a loop |
//! | a folder reached a second time through another link | warning | skipped, named |
//! | the output folder (`--out`) inside an input folder | skipped | never read, no message |
//! | a UTF-16 text file (byte-order mark `FF FE`/`FE FF`) | decoded | read as its text |
//! | a UTF-16 JSONL file | warning | skipped, named as UTF-16 (JSONL must be UTF-8) |
//! | a UTF-8 byte-order mark | stripped | spans count from after it |
//! | a text file that is not UTF-8 | warning | skipped, named with the byte offset |
//! | a binary file (NUL bytes) | warning | skipped, named |
//! | an HTML file with no text outside its markup | warning | skipped, named |
//! | an empty (or blank) text file | warning | skipped, named |
//! | a JSONL line that is not JSON, or lacks `id`/`text` | warning | that line skipped, named `file:line` |
//! | a JSONL field of the wrong type (`"title": 5`) | warning | that line skipped, naming the field |
//! | a JSONL line that is not UTF-8 | warning | that line skipped, named `file:line` |
//! | a JSONL record with an empty `text` | warning | skipped, named `file:line` |
//! | two articles with one id | error | the run stops (exit 2), naming both places |
//! | an article over the size limit (`--max-article-mb`, 10 MB by default; a 50 MB single-line file) | warning | skipped without being parsed, named |
//!
//! `--strict` turns every warning into an error.
//! An article's id is its file name without extension, or its JSONL `id`: a string, or a
//! number kept as its exact JSON text (`18446744073709551617` stays that, not a float).

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::{Article, Origin};

mod html;

/// Reading the corpus failed in a way that stops the run.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// An input named on the command line does not exist.
    #[error("input not found: {path}")]
    Missing {
        /// The path as given.
        path: PathBuf,
    },
    /// Reading failed for a reason other than bad data.
    #[error("reading {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// Two articles have the same id.
    #[error("duplicate article id {id:?}: at {first} and at {second}")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first seen.
        first: Origin,
        /// Where it was seen again.
        second: Origin,
    },
    /// A warning, raised to an error by `--strict`.
    #[error("{0} (--strict)")]
    Strict(Diagnostic),
}

/// A problem with one file or line that was skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where.
    pub origin: Origin,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// How to read.
#[derive(Clone, Copy, Debug)]
pub struct CorpusOptions {
    /// Turn warnings into errors.
    pub strict: bool,
    /// Articles (files or JSONL lines) larger than this many bytes are skipped.
    pub max_article_bytes: u64,
}

/// One unit of work found in the inputs.
#[derive(Debug)]
enum Source {
    Text(PathBuf),
    Jsonl(PathBuf),
    Stdin,
}

/// The articles of all inputs, streamed in order.
pub struct Corpus {
    sources: std::vec::IntoIter<Source>,
    current: Option<JsonlReader>,
    seen: FxHashMap<String, Origin>,
    diagnostics: Vec<Diagnostic>,
    skipped_files: usize,
    options: CorpusOptions,
    /// Bytes of all inputs (`None` when stdin is one).
    bytes_total: Option<u64>,
    /// Bytes of the inputs done with (the current JSONL file's lines are added as read).
    bytes_done: u64,
}

impl fmt::Debug for Corpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Corpus")
            .field("seen", &self.seen.len())
            .finish_non_exhaustive()
    }
}

struct JsonlReader {
    path: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
    max: u64,
    /// Set when the rest of the file is not to be read (a UTF-16 file).
    done: bool,
    /// Bytes read so far.
    bytes: u64,
}

/// One JSONL line, each field kept as raw JSON so that a wrong type names its field and
/// a numeric id keeps its exact text.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object")]
struct JsonlRecord<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    text: Option<&'a RawValue>,
    #[serde(borrow)]
    title: Option<&'a RawValue>,
    #[serde(borrow)]
    date: Option<&'a RawValue>,
    #[serde(borrow)]
    url: Option<&'a RawValue>,
}

/// Opens the inputs: checks that each exists and lists the files of folders.
pub fn open(inputs: &[PathBuf], options: CorpusOptions) -> Result<Corpus, CorpusError> {
    open_skipping(inputs, options, None)
}

/// [`open`], never walking into `skip_dir` (the build's output folder, so that a build of
/// `.` does not read its own `statements.jsonl` back). A file named explicitly is read
/// even inside it.
pub fn open_skipping(
    inputs: &[PathBuf],
    options: CorpusOptions,
    skip_dir: Option<&Path>,
) -> Result<Corpus, CorpusError> {
    let mut walk = Walk {
        sources: Vec::new(),
        skipped: 0,
        diagnostics: Vec::new(),
        seen_dirs: FxHashMap::default(),
        skip_dir: skip_dir.and_then(|d| std::fs::canonicalize(d).ok()),
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            walk.sources.push(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|source| {
            if source.kind() == io::ErrorKind::NotFound {
                CorpusError::Missing {
                    path: input.clone(),
                }
            } else {
                CorpusError::Io {
                    path: input.clone(),
                    source,
                }
            }
        })?;
        if meta.is_dir() {
            walk.dir(input, &mut FxHashSet::default())?;
        } else if let Some(kind) = special_kind(&meta) {
            walk.diagnostics.push(not_regular(input, kind));
        } else {
            // A file named explicitly is read whatever its extension: JSONL if it says so.
            match extension(input).as_deref() {
                Some("jsonl") => walk.sources.push(Source::Jsonl(input.clone())),
                _ => walk.sources.push(Source::Text(input.clone())),
            }
        }
    }
    let bytes_total = walk
        .sources
        .iter()
        .map(|s| match s {
            Source::Text(p) | Source::Jsonl(p) => Some(file_size(p)),
            Source::Stdin => None,
        })
        .sum();
    let mut corpus = Corpus {
        bytes_total,
        bytes_done: 0,
        sources: walk.sources.into_iter(),
        current: None,
        seen: FxHashMap::default(),
        diagnostics: Vec::new(),
        skipped_files: walk.skipped,
        options,
    };
    for d in walk.diagnostics {
        corpus.warn(d)?;
    }
    Ok(corpus)
}

/// The size of a file (0 when it cannot be read: it is reported when read).
fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// What a FIFO, socket or device is called in a warning; `None` for files and folders.
fn special_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let ft = meta.file_type();
    if ft.is_file() || ft.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if ft.is_socket() {
            return Some("a socket");
        }
        if ft.is_block_device() || ft.is_char_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

fn not_regular(path: &Path, kind: &str) -> Diagnostic {
    Diagnostic {
        origin: Origin {
            path: path.display().to_string(),
            line: None,
        },
        message: format!("{kind}, not a regular file: skipped without reading"),
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// The folder walk: what it found so far.
struct Walk {
    sources: Vec<Source>,
    skipped: usize,
    diagnostics: Vec<Diagnostic>,
    /// Each folder walked, by its canonical path, with the path it was first reached by.
    seen_dirs: FxHashMap<PathBuf, PathBuf>,
    /// The output folder, canonical.
    skip_dir: Option<PathBuf>,
}

impl Walk {
    /// Walks `dir` in sorted order; `ancestors` are the canonical folders above it.
    fn dir(&mut self, dir: &Path, ancestors: &mut FxHashSet<PathBuf>) -> Result<(), CorpusError> {
        let io_err = |source| CorpusError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let canonical = std::fs::canonicalize(dir).map_err(io_err)?;
        if self.skip_dir.as_ref() == Some(&canonical) {
            return Ok(());
        }
        let origin = Origin {
            path: dir.display().to_string(),
            line: None,
        };
        if ancestors.contains(&canonical) {
            self.diagnostics.push(Diagnostic {
                origin,
                message: format!(
                    "symbolic link loop: leads back to {}, skipped",
                    canonical.display()
                ),
            });
            return Ok(());
        }
        if let Some(first) = self.seen_dirs.get(&canonical) {
            self.diagnostics.push(Diagnostic {
                origin,
                message: format!(
                    "the same folder as {}, already read: skipped",
                    first.display()
                ),
            });
            return Ok(());
        }
        self.seen_dirs.insert(canonical.clone(), dir.to_path_buf());
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io_err)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        ancestors.insert(canonical.clone());
        for path in entries {
            // `metadata` follows links; a dangling link is reported when read.
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    // a build's staging folder (or what a killed build left) is never input
                    if !path
                        .file_name()
                        .is_some_and(crate::export::folder::is_work_folder_name)
                    {
                        self.dir(&path, ancestors)?;
                    }
                    continue;
                }
                Ok(meta) => {
                    if let Some(kind) = special_kind(&meta) {
                        self.diagnostics.push(not_regular(&path, kind));
                        continue;
                    }
                }
                Err(_) => {}
            }
            match extension(&path).as_deref() {
                Some("txt") | Some("md") | Some("html") | Some("htm") => {
                    self.sources.push(Source::Text(path))
                }
                Some("jsonl") => self.sources.push(Source::Jsonl(path)),
                _ => self.skipped += 1,
            }
        }
        ancestors.remove(&canonical);
        Ok(())
    }
}

impl Corpus {
    /// Files inside folders that were not articles (other extensions).
    pub fn skipped_files(&self) -> usize {
        self.skipped_files
    }

    /// Bytes of all inputs, to measure progress against (`None` when stdin is one).
    pub fn bytes_total(&self) -> Option<u64> {
        self.bytes_total
    }

    /// Bytes of the inputs read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_done + self.current.as_ref().map_or(0, |r| r.bytes)
    }

    /// Warnings so far: files and lines that were skipped.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The next article, or `None` at the end. Bad files and lines are recorded as
    /// [`Diagnostic`]s and skipped (or, with `strict`, returned as errors).
    #[allow(clippy::should_implement_trait)] // fallible, so not an Iterator
    pub fn next(&mut self) -> Result<Option<Article>, CorpusError> {
        loop {
            let next = match self.current.as_mut() {
                Some(reader) => match reader.next_record()? {
                    Some(item) => item,
                    None => {
                        self.bytes_done += self.current.as_ref().map_or(0, |r| r.bytes);
                        self.current = None;
                        continue;
                    }
                },
                None => match self.sources.next() {
                    None => return Ok(None),
                    Some(Source::Text(path)) => {
                        self.bytes_done += file_size(&path);
                        read_text(&path, self.options.max_article_bytes)
                    }
                    Some(Source::Jsonl(path)) => {
                        match File::open(&path) {
                            Ok(file) => {
                                self.current = Some(JsonlReader {
                                    path: path.display().to_string(),
                                    reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                                    line: 0,
                                    buf: Vec::new(),
                                    max: self.options.max_article_bytes,
                                    done: false,
                                    bytes: 0,
                                })
                            }
                            Err(e) => self.warn(Diagnostic {
                                origin: Origin {
                                    path: path.display().to_string(),
                                    line: None,
                                },
                                message: format!("cannot read: {e}"),
                            })?,
                        }
                        continue;
                    }
                    Some(Source::Stdin) => {
                        self.current = Some(JsonlReader {
                            path: "<stdin>".into(),
                            reader: Box::new(BufReader::new(io::stdin())),
                            line: 0,
                            buf: Vec::new(),
                            max: self.options.max_article_bytes,
                            done: false,
                            bytes: 0,
                        });
                        continue;
                    }
                },
            };
            match next {
                Ok(article) => {
                    if let Some(first) = self.seen.get(&article.id) {
                        return Err(CorpusError::DuplicateId {
                            id: article.id.clone(),
                            first: first.clone(),
                            second: article.origin.clone(),
                        });
                    }
                    self.seen.insert(article.id.clone(), article.origin.clone());
                    return Ok(Some(article));
                }
                Err(diagnostic) => self.warn(diagnostic)?,
            }
        }
    }

    fn warn(&mut self, diagnostic: Diagnostic) -> Result<(), CorpusError> {
        if self.options.strict {
            return Err(CorpusError::Strict(diagnostic));
        }
        self.diagnostics.push(diagnostic);
        Ok(())
    }
}

fn read_text(path: &Path, max: u64) -> Result<Article, Diagnostic> {
    let origin = Origin {
        path: path.display().to_string(),
        line: None,
    };
    let fail = |message: String| Diagnostic {
        origin: origin.clone(),
        message,
    };
    let mut file = File::open(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > max {
        return Err(fail(too_big(len, max)));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    let mut text = check_text(bytes).map_err(fail)?;
    let mut title = None;
    if matches!(extension(path).as_deref(), Some("html") | Some("htm")) {
        let page = html::to_text(&text);
        if page.text.is_empty() {
            return Err(fail(
                "no text left once its HTML markup is removed, skipped".into(),
            ));
        }
        text = page.text;
        title = page.title;
    }
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Article {
        id,
        title,
        date: None,
        url: None,
        text,
        origin,
    })
}

fn too_big(len: u64, max: u64) -> String {
    format!(
        "{:.1} MB is over the article size limit of {:.1} MB (--max-article-mb), skipped",
        len as f64 / 1e6,
        max as f64 / 1e6
    )
}

/// The byte order of a UTF-16 byte-order mark at the start of `bytes`.
fn utf16_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("little-endian"),
        [0xFE, 0xFF, ..] => Some("big-endian"),
        _ => None,
    }
}

/// Decodes UTF-16 text after its byte-order mark.
fn decode_utf16(bytes: &[u8], order: &str) -> Result<String, String> {
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Err(format!(
            "UTF-16 ({order}) with an odd number of bytes, skipped"
        ));
    }
    let units = body.chunks_exact(2).map(|c| match order {
        "big-endian" => u16::from_be_bytes([c[0], c[1]]),
        _ => u16::from_le_bytes([c[0], c[1]]),
    });
    char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| {
            c.map_err(|_| {
                format!(
                    "UTF-16 ({order}) with an invalid unit at byte {}, skipped",
                    2 + 2 * i
                )
            })
        })
        .collect()
}

/// Checks that bytes are usable article text (UTF-8, or UTF-16 with a byte-order mark).
fn check_text(bytes: Vec<u8>) -> Result<String, String> {
    let bytes = match utf16_bom(&bytes) {
        Some(order) => decode_utf16(&bytes, order)?.into_bytes(),
        None => bytes,
    };
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), skipped".into());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 (invalid byte at offset {}), skipped",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err("empty, skipped".into());
    }
    // A byte-order mark is not part of the text.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

impl JsonlReader {
    /// The next record: `Ok(None)` at the end, `Ok(Some(Err))` for a bad line.
    fn next_record(&mut self) -> Result<Option<Result<Article, Diagnostic>>, CorpusError> {
        loop {
            self.buf.clear();
            let n = self
                .reader
                .read_until(b'\n', &mut self.buf)
                .map_err(|source| CorpusError::Io {
                    path: PathBuf::from(&self.path),
                    source,
                })?;
            if n == 0 || self.done {
                return Ok(None);
            }
            self.bytes += n as u64;
            self.line += 1;
            let origin = Origin {
                path: self.path.clone(),
                line: Some(self.line),
            };
            if self.line == 1 {
                if let Some(order) = utf16_bom(&self.buf) {
                    self.done = true;
                    let message =
                        format!("UTF-16 ({order}) file: JSONL must be UTF-8, whole file skipped");
                    return Ok(Some(Err(Diagnostic { origin, message })));
                }
                // A UTF-8 byte-order mark is not part of the first record.
                if self.buf.starts_with("\u{feff}".as_bytes()) {
                    self.buf.drain(..3);
                }
            }
            if self.buf.len() as u64 > self.max {
                let message = too_big(self.buf.len() as u64, self.max);
                return Ok(Some(Err(Diagnostic { origin, message })));
            }
            let line = match std::str::from_utf8(&self.buf) {
                Ok(line) => line.trim(),
                Err(e) => {
                    let message =
                        format!("not UTF-8 (invalid byte at column {})", e.valid_up_to() + 1);
                    return Ok(Some(Err(Diagnostic { origin, message })));
                }
            };
            if line.is_empty() {
                continue;
            }
            return Ok(Some(parse_record(line, origin)));
        }
    }
}

fn parse_record(line: &str, origin: Origin) -> Result<Article, Diagnostic> {
    let fail = |message: String| Diagnostic {
        origin: origin.clone(),
        message,
    };
    let record: JsonlRecord =
        serde_json::from_str(line).map_err(|e| fail(format!("malformed JSON: {e}")))?;
    let id = match record.id {
        Some(raw) => match raw.get().as_bytes().first() {
            // a number keeps its exact text: 2^64 and 2^64 + 1 are two ids
            Some(b'-' | b'0'..=b'9') => raw.get().to_owned(),
            _ => match serde_json::from_str::<String>(raw.get()) {
                Ok(s) if !s.trim().is_empty() => s,
                _ => return Err(fail("`id` must be a non-empty string or a number".into())),
            },
        },
        None => return Err(fail("missing `id`".into())),
    };
    let text = string_field("text", record.text)
        .map_err(fail)?
        .ok_or_else(|| fail("missing `text`".into()))?;
    // A byte-order mark is not part of the text: spans count from after it.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(fail("empty `text`, skipped".into()));
    }
    if text.contains('\0') {
        return Err(fail("`text` contains NUL characters, skipped".into()));
    }
    Ok(Article {
        id,
        title: string_field("title", record.title).map_err(fail)?,
        date: string_field("date", record.date).map_err(fail)?,
        url: string_field("url", record.url).map_err(fail)?,
        text,
        origin,
    })
}

/// A field that must be a string (or null, or absent); a wrong type names the field.
fn string_field(name: &str, raw: Option<&RawValue>) -> Result<Option<String>, String> {
    let Some(raw) = raw else { return Ok(None) };
    serde_json::from_str::<Option<String>>(raw.get()).map_err(|_| {
        let found = match raw.get().as_bytes().first() {
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b't' | b'f') => "a boolean",
            _ => "a number",
        };
        format!("`{name}` must be a string, found {found}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin {
            path: "x.jsonl".into(),
            line: Some(3),
        }
    }

    #[test]
    fn parses_a_record_with_metadata() {
        let a = parse_record(
            r#"{"id":"a1","title":"T","date":"2017-01-02","url":"https://e.org/a","text":"Hello."}"#,
            origin(),
        )
        .expect("valid record");
        assert_eq!(a.id, "a1");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.text, "Hello.");
    }

    #[test]
    fn numeric_ids_are_accepted() {
        let a = parse_record(r#"{"id":42,"text":"Hi."}"#, origin()).expect("valid");
        assert_eq!(a.id, "42");
    }

    /// Issue #22: 2^64 and 2^64 + 1 are one `f64`; as text they are two ids.
    #[test]
    fn numeric_ids_keep_their_exact_text() {
        for id in [
            "18446744073709551616",
            "18446744073709551617",
            "-5",
            "1.50",
            "1e3",
        ] {
            let a =
                parse_record(&format!(r#"{{"id":{id},"text":"Hi."}}"#), origin()).expect("valid");
            assert_eq!(a.id, id);
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_a_record_text() {
        let a = parse_record("{\"id\":\"b\",\"text\":\"\u{feff}Hi.\"}", origin()).expect("valid");
        assert_eq!(a.text, "Hi.");
    }

    #[test]
    fn utf16_text_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Hi \u{1F600}.".encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(check_text(le).expect("le"), "Hi \u{1F600}.");
        assert_eq!(check_text(be).expect("be"), "Hi \u{1F600}.");
        let err = check_text(vec![0xFF, 0xFE, b'a']).expect_err("odd");
        assert!(err.contains("UTF-16"), "{err}");
    }

    #[test]
    fn bad_records_name_the_line() {
        for (line, want) in [
            ("{not json", "malformed JSON"),
            (r#"{"text":"x"}"#, "missing `id`"),
            (r#"{"id":"a"}"#, "missing `text`"),
            (r#"{"id":"a","text":"  "}"#, "empty `text`"),
            (r#"{"id":[1],"text":"x"}"#, "`id` must be"),
        ] {
            let d = parse_record(line, origin()).expect_err(line);
            assert!(d.message.contains(want), "{line}: {}", d.message);
            assert_eq!(d.to_string().split(':').nth(1), Some("3"), "{d}");
        }
    }

    #[test]
    fn text_checks() {
        assert!(
            check_text(b"a\0b".to_vec())
                .expect_err("nul")
                .contains("binary")
        );
        assert!(
            check_text(vec![b'a', 0xff])
                .expect_err("utf8")
                .contains("offset 1")
        );
        assert!(
            check_text(b" \n ".to_vec())
                .expect_err("blank")
                .contains("empty")
        );
        assert_eq!(
            check_text("\u{feff}Hi".as_bytes().to_vec()).expect("bom"),
            "Hi"
        );
    }
}
