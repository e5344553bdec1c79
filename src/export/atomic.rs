//! Writing a file all at once: into a temporary file in the same folder, then renamed over
//! the target, so readers see the old file or the new one, never half of one.
//!
//! The one atomic write of the crate: the exporters, `actorgraph diff -o`, `actorgraph model
//! train` and the `upgrade_model` example all write through [`write()`].

use std::io::{self, BufWriter, Write};
use std::path::Path;

use tempfile::NamedTempFile;

use super::ExportError;

/// Writes `path` through `body`, buffered, via a temporary file in the same folder renamed
/// into place. On failure the temporary file is removed, `path` is left as it was, and the
/// error ([`ExportError::Io`]) names `path`.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("out.txt");
/// actorgraph::export::atomic::write(&path, |w| w.write_all(b"done")).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "done");
/// ```
pub fn write<F>(path: &Path, body: F) -> Result<(), ExportError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    write_via_temp(path, body).map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn write_via_temp<F>(path: &Path, body: F) -> io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    // Dropping the temporary file on any early return deletes it.
    let mut w = BufWriter::with_capacity(1 << 16, temp_file_beside(path)?);
    body(&mut w)?;
    let tmp = w.into_inner().map_err(io::IntoInnerError::into_error)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A hidden temporary file (`.name.XXXXXX.tmp`) in the folder of `path`, so the rename
/// never crosses file systems; created with the permissions `File::create` would give.
fn temp_file_beside(path: &Path) -> io::Result<NamedTempFile> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile's own default is 0600; the outputs are ordinary files (0666 less umask).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

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

    #[test]
    fn errors_name_the_target() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("out.txt");
        let err = write(&path, |w| w.write_all(b"x")).expect_err("no such folder");
        assert!(err.to_string().contains("out.txt"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_not_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        write(&path, |w| w.write_all(b"x")).expect("write");
        let plain = dir.path().join("plain.txt");
        fs::File::create(&plain).expect("create");
        let mode = |p: &Path| fs::metadata(p).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&plain));
    }
}
