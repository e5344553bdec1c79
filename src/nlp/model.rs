//! The model bundle: one compact binary file holding the tagger, the lemmatizer and the
//! parser.
//!
//! # Format (version 1)
//!
//! ```text
//! magic   b"AGM\0"        4 bytes
//! version u32 LE          currently 1
//! count   u32 LE          number of sections
//! section* { tag [u8; 4], length u64 LE, payload [u8; length] }
//! ```
//!
//! Sections are `TAGW` (tagger), `LEMM` (lemmatizer) and `PARS` (parser), each written by
//! its component's `to_bytes`. Unknown sections are skipped, so later versions can add some.
//! Bundles written before the tagger's weights were stored in lookup layout have `TAGR`
//! instead of `TAGW` (read by `Tagger::from_legacy_bytes`).
//! All integers are little-endian; strings are a `u32` byte length followed by UTF-8.

/// First four bytes of every bundle.
pub const MAGIC: &[u8; 4] = b"AGM\0";
pub use crate::codec::{ByteReader, ByteWriter, DecodeError};

/// The bundle version this code writes and reads.
pub const VERSION: u32 = 1;

/// A bundle's bytes are not a bundle this version can read.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// The data ended in the middle of a value, or a string is not UTF-8.
    #[error("malformed model data")]
    Decode(#[from] DecodeError),
    /// Wrong magic bytes.
    #[error("not an actorgraph model (bad magic bytes)")]
    BadMagic,
    /// A version this code does not read.
    #[error("model version {0} is not supported (expected {VERSION})")]
    Version(u32),
    /// A required section is absent.
    #[error("model has no {0:?} section")]
    Missing(String),
    /// A value is out of range.
    #[error("malformed model: {0}")]
    Malformed(String),
}

/// A section of a bundle: its tag and its payload.
pub type Section<'a> = ([u8; 4], &'a [u8]);

/// Writes a bundle from its sections, in the order given.
pub fn write_bundle(sections: &[([u8; 4], &[u8])]) -> Vec<u8> {
    let total: usize = sections.iter().map(|(_, b)| b.len() + 12).sum();
    let mut w = ByteWriter {
        buf: Vec::with_capacity(total + 12),
    };
    w.buf.extend_from_slice(MAGIC);
    w.u32(VERSION);
    w.u32(u32::try_from(sections.len()).expect("few sections"));
    for (tag, bytes) in sections {
        w.buf.extend_from_slice(tag);
        w.u64(bytes.len() as u64);
        w.buf.extend_from_slice(bytes);
    }
    w.buf
}

/// Splits a bundle into its sections.
pub fn read_bundle(data: &[u8]) -> Result<Vec<Section<'_>>, BundleError> {
    let mut r = ByteReader::new(data);
    if r.take(4).map_err(|_| BundleError::BadMagic)? != MAGIC {
        return Err(BundleError::BadMagic);
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(BundleError::Version(version));
    }
    let n = r.count(12)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let mut tag = [0u8; 4];
        tag.copy_from_slice(r.take(4)?);
        let len = r.usize()?;
        out.push((tag, r.take(len)?));
    }
    Ok(out)
}

/// Finds a section by tag.
pub fn section<'a>(
    sections: &[([u8; 4], &'a [u8])],
    tag: &[u8; 4],
) -> Result<&'a [u8], BundleError> {
    sections
        .iter()
        .find(|(t, _)| t == tag)
        .map(|(_, b)| *b)
        .ok_or_else(|| BundleError::Missing(String::from_utf8_lossy(tag).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_round_trip() {
        let b = write_bundle(&[(*b"TAGR", b"abc"), (*b"LEMM", b"")]);
        let s = read_bundle(&b).expect("valid");
        assert_eq!(section(&s, b"TAGR").expect("tagger"), b"abc");
        assert_eq!(section(&s, b"LEMM").expect("lemma"), b"");
        assert!(section(&s, b"PARS").is_err());
    }

    #[test]
    fn rejects_garbage() {
        assert!(matches!(read_bundle(b"nope"), Err(BundleError::BadMagic)));
        let mut b = write_bundle(&[(*b"TAGR", b"abc")]);
        b.truncate(b.len() - 1);
        assert!(read_bundle(&b).is_err());
        b[4] = 9;
        assert!(matches!(read_bundle(&b), Err(BundleError::Version(_))));
    }
}
