//! The output folder as one unit: after a kill, a crash or a full disk at any moment it
//! holds the complete old set of outputs or the complete new one, never a mix.
//!
//! [`OutputFolder::prepare`] creates a hidden staging folder beside the output folder (same
//! parent, so every rename stays on one file system), named
//! `.<name>.actorgraph-new-<pid>-<8 random letters or digits>`. [`OutputFolder::write`]
//! writes every output into it, syncs the files and the folder, carries over the files
//! that are not ours (hard links: same bytes, no copy), then swaps it in:
//!
//! - on Linux and macOS, one `renameat2(RENAME_EXCHANGE)` (`renamex_np(RENAME_SWAP)`)
//!   exchanges the two folders atomically; the staging name then holds the old set, which
//!   is removed;
//! - where the exchange is not available (other systems, file systems that refuse it), the
//!   old folder is renamed to `.<name>.actorgraph-old-<pid>-<…>` and the staging folder to
//!   `<name>`: a kill between the two renames leaves no `<name>` but the complete old set
//!   under the hidden name, which the next run renames back before anything else;
//! - a first build (no old folder) is one plain rename.
//!
//! The next run removes what a killed run left: staging and old folders of this output
//! folder whose process is gone (the strict name pattern above, folders only, nothing
//! else), and, inside the output folder, the temporary files of the per-file writer of
//! earlier versions (`.graph.gexf.XXXXXX.tmp` and the like, for our file names only).
//!
//! Files of the output folder that are not ours (a notes file, a link) are carried over
//! into the new set; a folder or a FIFO, socket or device inside it is refused before any
//! work starts, since it cannot be carried over by a link. Our outputs that this run does
//! not write (a `--format` subset over a full build) are not carried over: they are
//! reported as removed. The output folder may be a symbolic link (its target is replaced;
//! the link stays), but not the current folder or one above it (the swap would leave the
//! shell in a removed folder).

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::fault::{self, Fault};
use super::{ExportError, ExportOptions, Format, StatementSource, write_all_from};
use crate::graph::KnowledgeGraph;

/// An output folder being replaced: the staging folder beside it and what was found in it.
#[derive(Debug)]
pub struct OutputFolder {
    /// The folder as the caller named it (messages and returned paths).
    shown: PathBuf,
    /// The real folder: symbolic links resolved, absolute.
    target: PathBuf,
    staging: TempDir,
    /// Leftovers of killed runs removed when preparing.
    leftovers: usize,
}

/// What [`OutputFolder::write`] did.
#[derive(Debug)]
pub struct Written {
    /// The outputs, in [`Format::ALL`] order, under the folder's name as given.
    pub files: Vec<PathBuf>,
    /// Our outputs of an earlier build that this run's formats left out: not in the new set.
    pub removed: Vec<PathBuf>,
    /// Files that are not ours, carried over into the new set.
    pub kept: Vec<PathBuf>,
}

/// What one entry of an output folder is to us.
#[derive(Debug, PartialEq, Eq)]
enum Entry {
    /// One of our output files (`graph.gexf`).
    Output,
    /// A temporary file of ours (`.graph.gexf.a1B2c3.tmp`).
    Temporary,
    /// A file or symbolic link that is not ours: carried over.
    Foreign,
    /// A folder, FIFO, socket or device that is not ours: refused.
    Refused(&'static str),
}

impl OutputFolder {
    /// Checks that `out` can be the output folder and makes its staging folder, before any
    /// work is done: removes what killed runs left, refuses an output folder that holds a
    /// folder or a special file, the current folder or one above it, and a path that exists
    /// but is not a folder. The parent folders of `out` are created if missing.
    pub fn prepare(out: &Path) -> Result<OutputFolder, ExportError> {
        let refuse = |message: String| ExportError::OutputFolder {
            path: out.to_path_buf(),
            message,
        };
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ExportError::Io { path, source }
        };
        let target = match fs::symlink_metadata(out) {
            Ok(meta) if meta.is_dir() || meta.file_type().is_symlink() => match fs::metadata(out) {
                Ok(m) if m.is_dir() => fs::canonicalize(out).map_err(io_err(out))?,
                Ok(_) => return Err(refuse("exists and is not a folder".into())),
                Err(_) => {
                    return Err(refuse(
                        "is a symbolic link to a folder that does not exist".into(),
                    ));
                }
            },
            Ok(_) => return Err(refuse("exists and is not a folder".into())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let name = out
                    .file_name()
                    .ok_or_else(|| refuse("names no folder".into()))?;
                let parent = match out.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                fs::create_dir_all(parent).map_err(io_err(parent))?;
                fs::canonicalize(parent).map_err(io_err(parent))?.join(name)
            }
            Err(e) => return Err(io_err(out)(e)),
        };
        if let Ok(cwd) = std::env::current_dir().and_then(fs::canonicalize)
            && cwd.starts_with(&target)
        {
            return Err(refuse(
                "is the current folder or holds it; a build replaces its output folder as a \
                 whole, so give it a folder of its own (like --out out)"
                    .into(),
            ));
        }
        let (parent, name) = match (target.parent(), target.file_name()) {
            (Some(p), Some(n)) => (p.to_path_buf(), n.to_owned()),
            _ => return Err(refuse("the root folder cannot be an output folder".into())),
        };
        let leftovers = clean_leftovers(&parent, &name, &target).map_err(io_err(&parent))?;
        let mut permissions = None;
        if let Ok(meta) = fs::metadata(&target) {
            for entry in fs::read_dir(&target).map_err(io_err(&target))? {
                let entry = entry.map_err(io_err(&target))?;
                if let Entry::Refused(what) = classify(&entry) {
                    return Err(refuse(format!(
                        "holds {}, {what} that is not an actorgraph output; a build replaces \
                         its output folder as a whole and carries over only files, so move it \
                         or choose another output folder",
                        entry.file_name().to_string_lossy()
                    )));
                }
            }
            permissions = Some(meta.permissions());
        }
        let prefix = format!(
            ".{}.actorgraph-new-{}-",
            name.to_string_lossy(),
            std::process::id()
        );
        let staging = tempfile::Builder::new()
            .prefix(&prefix)
            .rand_bytes(8)
            .tempdir_in(&parent)
            .map_err(|source| ExportError::OutputFolder {
                path: out.to_path_buf(),
                message: format!("cannot write beside it in {} ({source})", parent.display()),
            })?;
        if let Some(p) = permissions {
            fs::set_permissions(staging.path(), p).map_err(io_err(staging.path()))?;
        }
        Ok(OutputFolder {
            shown: out.to_path_buf(),
            target,
            staging,
            leftovers,
        })
    }

    /// The staging folder the outputs are written into.
    pub fn staging(&self) -> &Path {
        self.staging.path()
    }

    /// How many leftovers of killed runs (staging and old folders) [`OutputFolder::prepare`]
    /// removed.
    pub fn leftovers_removed(&self) -> usize {
        self.leftovers
    }

    /// Writes every chosen format into the staging folder, then swaps it in as the output
    /// folder. On an error nothing of the output folder has changed and the staging
    /// folder is removed.
    pub fn write(
        self,
        graph: &KnowledgeGraph,
        statements: &(impl StatementSource + ?Sized),
        options: &ExportOptions,
    ) -> Result<Written, ExportError> {
        let staged =
            write_all_from(self.staging(), graph, statements, options).map_err(|e| match e {
                // name the output as the user knows it, not the hidden staging folder
                ExportError::Io { path, source } => ExportError::Io {
                    path: path
                        .file_name()
                        .map_or(path.clone(), |n| self.shown.join(n)),
                    source: io::Error::new(source.kind(), plain_message(&source)),
                },
                other => other,
            })?;
        let files = staged
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| self.shown.join(n))
            .collect();
        let (removed, kept) = self.swap(&options.formats)?;
        Ok(Written {
            files,
            removed,
            kept,
        })
    }

    /// Carries over what is not ours, syncs, and swaps the staging folder in.
    fn swap(self, written: &[Format]) -> Result<(Vec<PathBuf>, Vec<PathBuf>), ExportError> {
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| ExportError::Io { path, source }
        };
        let staging = self.staging.path();
        let names: Vec<&str> = written
            .iter()
            .flat_map(|f| f.file_names().iter().copied())
            .collect();
        let mut removed = Vec::new();
        let mut kept = Vec::new();
        let exists = fs::symlink_metadata(&self.target).is_ok();
        if exists {
            let mut entries: Vec<fs::DirEntry> = fs::read_dir(&self.target)
                .map_err(io_err(&self.target))?
                .collect::<io::Result<_>>()
                .map_err(io_err(&self.target))?;
            entries.sort_by_key(fs::DirEntry::file_name);
            for entry in entries {
                let name = entry.file_name();
                match classify(&entry) {
                    Entry::Output => {
                        if !names.iter().any(|n| OsStr::new(n) == name) {
                            removed.push(self.shown.join(&name));
                        }
                    }
                    Entry::Temporary => {}
                    Entry::Foreign => {
                        carry_over(&entry.path(), &staging.join(&name))
                            .map_err(io_err(&entry.path()))?;
                        kept.push(self.shown.join(&name));
                    }
                    Entry::Refused(what) => {
                        return Err(ExportError::OutputFolder {
                            path: self.shown.clone(),
                            message: format!(
                                "{} ({what}) appeared during the build; nothing was replaced",
                                name.to_string_lossy()
                            ),
                        });
                    }
                }
            }
        }
        sync_dir(staging).map_err(io_err(staging))?;
        fault::kill_at(Fault::KillBeforeSwap);
        if !exists {
            fs::rename(staging, &self.target).map_err(io_err(&self.target))?;
        } else if !exchange(staging, &self.target).map_err(io_err(&self.target))? {
            self.swap_by_two_renames()?;
        }
        fault::kill_at(Fault::KillAfterSwap);
        if let Some(parent) = self.target.parent() {
            sync_dir(parent).map_err(io_err(parent))?;
        }
        // the staging name now holds the old set (or nothing): dropping it removes it; a
        // failure here leaves a leftover that the next run removes
        drop(self.staging);
        Ok((removed, kept))
    }

    /// The fallback swap: old folder aside, staging folder in, old folder removed.
    fn swap_by_two_renames(&self) -> Result<(), ExportError> {
        let staging = self.staging.path();
        let old = staging.with_file_name(
            staging
                .file_name()
                .map(|n| {
                    n.to_string_lossy()
                        .replacen(".actorgraph-new-", ".actorgraph-old-", 1)
                })
                .unwrap_or_default(),
        );
        fs::rename(&self.target, &old).map_err(|source| ExportError::Io {
            path: self.target.clone(),
            source,
        })?;
        fault::kill_at(Fault::KillMidFallback);
        if let Err(source) = fs::rename(staging, &self.target) {
            // put the old set back; if even that fails the next run restores it
            let _ = fs::rename(&old, &self.target);
            return Err(ExportError::Io {
                path: self.target.clone(),
                source,
            });
        }
        let _ = fs::remove_dir_all(&old);
        Ok(())
    }
}

/// An I/O error's message without the temporary file's path that `tempfile` appends.
fn plain_message(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" at path \"") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Exchanges two folders atomically. False when the system or file system cannot.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    if matches!(fault::fault(), Fault::NoExchange | Fault::KillMidFallback) {
        return Ok(false);
    }
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e)
            if e == rustix::io::Errno::INVAL
                || e == rustix::io::Errno::NOSYS
                || e == rustix::io::Errno::NOTSUP =>
        {
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// What `entry` of an output folder is to us. Symbolic links are never followed.
fn classify(entry: &fs::DirEntry) -> Entry {
    let name = entry.file_name();
    let Ok(kind) = entry.file_type() else {
        return Entry::Foreign;
    };
    if kind.is_symlink() {
        return Entry::Foreign;
    }
    if kind.is_dir() {
        return Entry::Refused("a folder");
    }
    if !kind.is_file() {
        return Entry::Refused("a FIFO, socket or device");
    }
    let name = name.to_string_lossy();
    if is_output_name(&name) {
        Entry::Output
    } else if is_temporary_name(&name) {
        Entry::Temporary
    } else {
        Entry::Foreign
    }
}

fn is_output_name(name: &str) -> bool {
    Format::ALL.iter().any(|f| f.file_names().contains(&name))
}

/// `.actorgraph-write-test.tmp` (the writability probe of earlier versions) or
/// `.<output>.<6 letters or digits>.tmp` (the per-file writer's temporary files).
fn is_temporary_name(name: &str) -> bool {
    if name == ".actorgraph-write-test.tmp" {
        return true;
    }
    let Some(rest) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let Some((output, random)) = rest.rsplit_once('.') else {
        return false;
    };
    is_output_name(output) && random.len() == 6 && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether `name` is a staging or old folder of ours, for any output folder:
/// `.<name>.actorgraph-new-<pid>-<8 letters or digits>` or the same with `old`. The
/// corpus walk never reads into one.
pub fn is_work_folder_name(name: &OsStr) -> bool {
    work_folder_parts(name).is_some()
}

/// The output folder name, whether it is an old folder, and the process id of a work
/// folder's name.
fn work_folder_parts(name: &OsStr) -> Option<(&str, bool, u32)> {
    let name = name.to_str()?.strip_prefix('.')?;
    let (base, rest) = name.rsplit_once(".actorgraph-")?;
    let (old, rest) = if let Some(r) = rest.strip_prefix("new-") {
        (false, r)
    } else {
        (true, rest.strip_prefix("old-")?)
    };
    let (pid, random) = rest.split_once('-')?;
    let ok = !base.is_empty()
        && !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && random.len() == 8
        && random.bytes().all(|b| b.is_ascii_alphanumeric());
    ok.then_some((base, old, pid.parse().ok()?))
}

/// Removes the staging and old folders of `name` in `parent` whose process is gone; first,
/// when `target` is missing, renames an old folder back (a fallback swap killed between
/// its renames). Returns how many it removed or restored.
fn clean_leftovers(parent: &Path, name: &OsStr, target: &Path) -> io::Result<usize> {
    let name = name.to_string_lossy();
    let mut found: Vec<(PathBuf, bool)> = Vec::new();
    for entry in fs::read_dir(parent)? {
        let entry = entry?;
        let file_name = entry.file_name();
        let Some((base, old, pid)) = work_folder_parts(&file_name) else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if base == name && is_dir && !process_alive(pid) {
            found.push((entry.path(), old));
        }
    }
    found.sort();
    let mut count = 0;
    if fs::symlink_metadata(target).is_err()
        && let Some((old, _)) = found.iter().find(|(_, old)| *old)
    {
        fs::rename(old, target)?;
        count += 1;
    }
    for (path, _) in found {
        if fs::symlink_metadata(&path).is_ok() {
            fs::remove_dir_all(&path)?;
            count += 1;
        }
    }
    Ok(count)
}

/// Whether another process with this id runs (ours never counts: what it left is old).
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let Ok(pid) = i32::try_from(pid) else {
        return false;
    };
    match rustix::process::Pid::from_raw(pid) {
        Some(pid) => match rustix::process::test_kill_process(pid) {
            Ok(()) => true,
            Err(e) => e == rustix::io::Errno::PERM,
        },
        None => false,
    }
}

#[cfg(not(unix))]
fn process_alive(pid: u32) -> bool {
    // no cheap check: only this process's own leftovers are known to be dead
    pid != std::process::id()
}

/// A hard link of a regular file; a symbolic link is made again with the same target.
fn carry_over(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if fs::symlink_metadata(from)?.file_type().is_symlink() {
        return std::os::unix::fs::symlink(fs::read_link(from)?, to);
    }
    fs::hard_link(from, to)
}

/// Makes a folder's entries durable (a no-op where folders cannot be opened).
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_folder_names_are_recognised_strictly() {
        let yes = |n: &str| is_work_folder_name(OsStr::new(n));
        assert!(yes(".out.actorgraph-new-123-aB3dE5gH"));
        assert!(yes(".my.out.actorgraph-old-9-00000000"));
        assert!(!yes("out.actorgraph-new-123-aB3dE5gH"), "not hidden");
        assert!(!yes(".out.actorgraph-new-123-aB3dE5g"), "7 random");
        assert!(!yes(".out.actorgraph-tmp-123-aB3dE5gH"), "kind");
        assert!(!yes(".out.actorgraph-new-12a-aB3dE5gH"), "pid");
        assert!(!yes("..actorgraph-new-1-aB3dE5gH"), "no name");
        assert!(!yes(".out.actorgraph-new-1-aB3dE5gH.bak"));
    }

    #[test]
    fn temporary_names_are_ours_only() {
        assert!(is_temporary_name(".graph.gexf.a1B2c3.tmp"));
        assert!(is_temporary_name(".nodes.csv.000000.tmp"));
        assert!(is_temporary_name(".actorgraph-write-test.tmp"));
        assert!(!is_temporary_name(".notes.txt.a1B2c3.tmp"), "not our file");
        assert!(!is_temporary_name(".graph.gexf.a1B2c.tmp"));
        assert!(!is_temporary_name("graph.gexf.a1B2c3.tmp"));
    }
}
