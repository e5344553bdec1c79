//! Stage 1: read articles from files, folders, JSONL and stdin.
//!
//! An *input* is a path given on the command line: a `.txt`/`.md` file (one article),
//! a `.jsonl` file (one article per line), a folder (searched recursively, in sorted
//! order, for those files), or `-` (JSONL on stdin). A [`Corpus`] streams the articles of
//! all inputs in order, one at a time, so memory does not grow with the corpus.
//!
//! # What happens with bad input
//!
//! | case | kind | what happens |
//! |---|---|---|
//! | an input path that does not exist | error | the run stops (exit 2) before anything is written |
//! | a file inside a folder with another extension | skipped | counted in the summary, no message |
//! | a file that cannot be read (permissions, dangling link) | warning | skipped, named, counted |
//! | a text file that is not UTF-8 | warning | skipped, named with the byte offset |
//! | a binary file (NUL bytes) | warning | skipped, named |
//! | an empty (or blank) text file | warning | skipped, named |
//! | a JSONL line that is not JSON, or lacks `id`/`text` | warning | that line skipped, named `file:line` |
//! | a JSONL line that is not UTF-8 | warning | that line skipped, named `file:line` |
//! | a JSONL record with an empty `text` | warning | skipped, named `file:line` |
//! | two articles with one id | error | the run stops (exit 2), naming both places |
//! | an article over the size limit (`--max-article-mb`, 10 MB by default; a 50 MB single-line file) | warning | skipped without being parsed, named |
//!
//! `--strict` turns every warning into an error.
//! An article's id is its file name without extension, or its JSONL `id`.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::model::{Article, Origin};

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
}

#[derive(Deserialize)]
struct JsonlRecord {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

/// Opens the inputs: checks that each exists and lists the files of folders.
pub fn open(inputs: &[PathBuf], options: CorpusOptions) -> Result<Corpus, CorpusError> {
    let mut sources = Vec::new();
    let mut skipped_files = 0;
    for input in inputs {
        if input.as_os_str() == "-" {
            sources.push(Source::Stdin);
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
            walk(input, &mut sources, &mut skipped_files)?;
        } else {
            // A file named explicitly is read whatever its extension: JSONL if it says so.
            match extension(input).as_deref() {
                Some("jsonl") => sources.push(Source::Jsonl(input.clone())),
                _ => sources.push(Source::Text(input.clone())),
            }
        }
    }
    Ok(Corpus {
        sources: sources.into_iter(),
        current: None,
        seen: FxHashMap::default(),
        diagnostics: Vec::new(),
        skipped_files,
        options,
    })
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

fn walk(dir: &Path, out: &mut Vec<Source>, skipped: &mut usize) -> Result<(), CorpusError> {
    let io_err = |source| CorpusError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_err)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        // `metadata` follows links; a dangling link is reported when read.
        let is_dir = std::fs::metadata(&path)
            .map(|m| m.is_dir())
            .unwrap_or(false);
        if is_dir {
            walk(&path, out, skipped)?;
            continue;
        }
        match extension(&path).as_deref() {
            Some("txt") | Some("md") => out.push(Source::Text(path)),
            Some("jsonl") => out.push(Source::Jsonl(path)),
            _ => *skipped += 1,
        }
    }
    Ok(())
}

impl Corpus {
    /// Files inside folders that were not articles (other extensions).
    pub fn skipped_files(&self) -> usize {
        self.skipped_files
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
                        self.current = None;
                        continue;
                    }
                },
                None => match self.sources.next() {
                    None => return Ok(None),
                    Some(Source::Text(path)) => read_text(&path, self.options.max_article_bytes),
                    Some(Source::Jsonl(path)) => {
                        match File::open(&path) {
                            Ok(file) => {
                                self.current = Some(JsonlReader {
                                    path: path.display().to_string(),
                                    reader: Box::new(BufReader::with_capacity(1 << 16, file)),
                                    line: 0,
                                    buf: Vec::new(),
                                    max: self.options.max_article_bytes,
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
    let text = check_text(bytes).map_err(fail)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Article {
        id,
        title: None,
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

/// Checks that bytes are usable article text.
fn check_text(bytes: Vec<u8>) -> Result<String, String> {
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
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            let origin = Origin {
                path: self.path.clone(),
                line: Some(self.line),
            };
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
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err(fail("`id` must be a non-empty string or a number".into())),
        None => return Err(fail("missing `id`".into())),
    };
    let text = record.text.ok_or_else(|| fail("missing `text`".into()))?;
    if text.trim().is_empty() {
        return Err(fail("empty `text`, skipped".into()));
    }
    if text.contains('\0') {
        return Err(fail("`text` contains NUL characters, skipped".into()));
    }
    Ok(Article {
        id,
        title: record.title,
        date: record.date,
        url: record.url,
        text,
        origin,
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
