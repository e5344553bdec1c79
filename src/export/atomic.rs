//! Writing a file all at once: into a temporary file in the same folder, then renamed over
//! the target, so readers see the old file or the new one, never half of one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::ExportError;

/// Writes `path` through `body`, buffered, via a temporary file renamed into place.
/// On failure the temporary file is removed and `path` is left as it was.
pub(crate) fn write<F>(path: &Path, body: F) -> Result<(), ExportError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let tmp = temp_path(path);
    let result = write_tmp(&tmp, body).and_then(|()| fs::rename(&tmp, path));
    result.map_err(|source| {
        // Best effort: the temporary file may not exist if creating it failed.
        let _ = fs::remove_file(&tmp);
        ExportError::Io {
            path: path.to_path_buf(),
            source,
        }
    })
}

fn write_tmp<F>(tmp: &Path, body: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(tmp)?;
    let mut w = BufWriter::with_capacity(1 << 16, file);
    body(&mut w)?;
    let file: File = w.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// `dir/.name.<pid>.tmp`: hidden, unique per process, and in the same folder (so the
/// rename never crosses file systems).
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        write(&path, |w| w.write_all(b"good")).expect("first write");
        let err = write(&path, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("interrupted"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&path).expect("read"), "good");
        let left: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "temporary file removed");
    }
}
