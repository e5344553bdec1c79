//! The build cache (`actorgraph build --cache DIR`): each article's record (what stages
//! 2–4 made of it, `pipeline/record.rs`) kept under a key of its content, so the next build
//! of a corpus version processes only new or changed articles and reads the rest back.
//!
//! # Layout
//!
//! `DIR/v1/<2 hex digits>/<32 hex digits>.agc`, one file per article. The key is two
//! unrelated 64-bit hashes (`hash_bytes` and FNV-1a) of the article (id, title, date, URL, text), the partial format version, the
//! pipeline fingerprint (model and code, [`super::partial::fingerprint`]) and the work
//! budget (`--max-article-tokens`), the only option that changes what an article yields.
//! A file holds the magic bytes `AGCACHE\0`, the format version (u32), the fingerprint and
//! the budget (u64 each), the record's length (u32), the record and its check (u64).
//!
//! # Safety and size
//!
//! An entry is written to a temporary file in its folder and renamed into place, so a
//! reader sees a whole entry or none, whether builds run at once or one is killed; an
//! entry that fails its check (a torn write after a power cut) is a miss and is written
//! again. Each build sets the modification time of the entries it reads; at its end,
//! entries unused for [`MAX_AGE_DAYS`] days and temporary files older than an hour are
//! removed, so the cache holds the articles of the corpus versions built in the last month.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use super::DocOutput;
use super::partial::{VERSION, fingerprint};
use super::record;
use crate::codec::ByteWriter;
use crate::hash::{Fnv1a, finish, hash_bytes};
use crate::model::Article;

const MAGIC: &[u8; 8] = b"AGCACHE\0";
/// Entries not read or written for this many days are removed at the end of a build.
pub const MAX_AGE_DAYS: u64 = 30;
const HEADER: usize = 8 + 4 + 8 + 8 + 4;

/// A cache folder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    max_article_tokens: u64,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

/// A cache entry could not be written, or the folder made.
#[derive(Debug, thiserror::Error)]
#[error("cache {}", path.display())]
pub struct CacheError {
    /// The file or folder.
    pub path: PathBuf,
    /// The cause.
    #[source]
    pub source: io::Error,
}

impl Cache {
    /// Opens (and makes) the cache in `dir` for builds with this work budget.
    pub fn open(dir: &Path, max_article_tokens: u64) -> Result<Cache, CacheError> {
        let dir = dir.join(format!("v{VERSION}"));
        fs::create_dir_all(&dir).map_err(|source| CacheError {
            path: dir.clone(),
            source,
        })?;
        Ok(Cache {
            dir,
            max_article_tokens,
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        })
    }

    /// Articles read back from the cache, and articles processed, so far.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.hits.load(Ordering::Relaxed),
            self.misses.load(Ordering::Relaxed),
        )
    }

    /// The entry's file for `article`.
    pub(super) fn path_of(&self, article: &Article) -> PathBuf {
        let mut w = ByteWriter::new();
        w.u32(VERSION);
        w.u64(fingerprint());
        w.u64(self.max_article_tokens);
        w.var_str(&article.id);
        for s in [&article.title, &article.date, &article.url] {
            match s {
                None => w.u8(0),
                Some(s) => {
                    w.u8(1);
                    w.var_str(s);
                }
            }
        }
        w.var_str(&article.text);
        // two unrelated hashes: word-wise FxHash-style and byte-wise FNV-1a
        let a = hash_bytes(1, &w.buf);
        let mut fnv = Fnv1a::default();
        fnv.write(&w.buf);
        let b = finish(fnv.value());
        let key = format!("{a:016x}{b:016x}");
        self.dir.join(&key[..2]).join(format!("{key}.agc"))
    }

    /// The cached record of `article` at `path`, or `None` (missing, of another build,
    /// damaged, or of another article: its id, title, date and URL must match).
    pub(super) fn get(&self, path: &Path, article: &Article) -> Option<DocOutput> {
        let got = read_entry(path, self.max_article_tokens).filter(|out| {
            let m = &out.meta;
            (&m.id, &m.title, &m.date, &m.url)
                == (&article.id, &article.title, &article.date, &article.url)
        });
        if got.is_some() {
            self.hits.fetch_add(1, Ordering::Relaxed);
        } else {
            self.misses.fetch_add(1, Ordering::Relaxed);
        }
        got
    }

    /// Stores `doc`'s record at `path` (a temporary file, then a rename).
    pub(super) fn put(&self, path: &Path, doc: &DocOutput) -> Result<(), CacheError> {
        let folder = path.parent().unwrap_or(&self.dir);
        let err = |source| CacheError {
            path: folder.to_owned(),
            source,
        };
        fs::create_dir_all(folder).map_err(err)?;
        let mut w = ByteWriter::new();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.u64(fingerprint());
        w.u64(self.max_article_tokens);
        w.u32(0);
        record::encode(doc, &mut w);
        let len = w.buf.len() - HEADER;
        let len32 = u32::try_from(len)
            .map_err(|_| err(io::Error::other("one document's record exceeds 4 GiB")))?;
        w.buf[HEADER - 4..HEADER].copy_from_slice(&len32.to_le_bytes());
        let c = hash_bytes(3, &w.buf[HEADER..]);
        w.u64(c);
        let mut builder = tempfile::Builder::new();
        builder.prefix(".tmp");
        // shareable like any file the user writes (the umask applies), not 0600
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let mut tmp = builder.tempfile_in(folder).map_err(err)?;
        tmp.write_all(&w.buf).map_err(err)?;
        tmp.persist(path).map_err(|e| err(e.error))?;
        Ok(())
    }

    /// Removes entries unused for [`MAX_AGE_DAYS`] days and temporary files older than an
    /// hour (left by killed builds). Returns the number removed.
    pub fn prune(&self) -> Result<usize, CacheError> {
        let now = SystemTime::now();
        let old = Duration::from_secs(MAX_AGE_DAYS * 24 * 3600);
        let hour = Duration::from_secs(3600);
        let mut removed = 0;
        let list = |dir: &Path| {
            fs::read_dir(dir).map_err(|source| CacheError {
                path: dir.to_owned(),
                source,
            })
        };
        for folder in list(&self.dir)?.flatten() {
            let Ok(entries) = fs::read_dir(folder.path()) else {
                continue;
            };
            for e in entries.flatten() {
                let name = e.file_name();
                let name = name.to_string_lossy();
                let limit = if name.starts_with(".tmp") {
                    hour
                } else if name.ends_with(".agc") {
                    old
                } else {
                    continue;
                };
                let age = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| now.duration_since(t).ok());
                // removed by a build running at the same time: fine
                if age.is_some_and(|a| a > limit) && fs::remove_file(e.path()).is_ok() {
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }
}

fn read_entry(path: &Path, max_article_tokens: u64) -> Option<DocOutput> {
    let mut file = File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    if bytes.len() < HEADER + 8 || &bytes[..8] != MAGIC {
        return None;
    }
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().expect("4 bytes"));
    let u64_at = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
    if u32_at(8) != VERSION || u64_at(12) != fingerprint() || u64_at(20) != max_article_tokens {
        return None;
    }
    let len = u32_at(28) as usize;
    if bytes.len() != HEADER + len + 8 {
        return None;
    }
    let body = &bytes[HEADER..HEADER + len];
    if hash_bytes(3, body) != u64_at(HEADER + len) {
        return None;
    }
    let doc = record::decode(body).ok()?;
    // Mark it used, for `prune` (best effort: a read-only cache still works).
    let _ = file.set_modified(SystemTime::now());
    Some(doc)
}
