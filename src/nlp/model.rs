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
/// The bundle version this code writes and reads.
pub const VERSION: u32 = 1;

/// A bundle's bytes are not a bundle this version can read.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// The data ended in the middle of a value.
    #[error("model data ends early (at byte {0})")]
    Truncated(usize),
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

/// Appends little-endian values to a byte buffer.
#[derive(Debug, Default)]
pub struct ByteWriter {
    /// The bytes written so far.
    pub buf: Vec<u8>,
}

impl ByteWriter {
    /// An empty writer.
    pub fn new() -> ByteWriter {
        ByteWriter::default()
    }
    /// Writes a byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// Writes a `u16`.
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a `u32`.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a `u64`.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an `i16`.
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an `f32`.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a length-prefixed string.
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    /// Writes length-prefixed bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        self.u32(u32::try_from(b.len()).expect("section under 4 GiB"));
        self.buf.extend_from_slice(b);
    }
}

/// Reads little-endian values from a byte slice.
#[derive(Debug)]
pub struct ByteReader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    /// A reader at the start of `data`.
    pub fn new(data: &'a [u8]) -> ByteReader<'a> {
        ByteReader { data, pos: 0 }
    }
    /// True when every byte was read.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }
    /// Takes `n` raw bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], BundleError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(BundleError::Truncated(self.pos))?;
        let s = self
            .data
            .get(self.pos..end)
            .ok_or(BundleError::Truncated(self.pos))?;
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], BundleError> {
        let s = self.take(N)?;
        Ok(s.try_into().expect("take returned N bytes"))
    }
    /// Reads a byte.
    pub fn u8(&mut self) -> Result<u8, BundleError> {
        Ok(self.array::<1>()?[0])
    }
    /// Reads a `u16`.
    pub fn u16(&mut self) -> Result<u16, BundleError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    /// Reads a `u32`.
    pub fn u32(&mut self) -> Result<u32, BundleError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    /// Reads a `u64`.
    pub fn u64(&mut self) -> Result<u64, BundleError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    /// Reads an `i16`.
    pub fn i16(&mut self) -> Result<i16, BundleError> {
        Ok(i16::from_le_bytes(self.array()?))
    }
    /// Reads an `f32`.
    pub fn f32(&mut self) -> Result<f32, BundleError> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    /// Reads `n` little-endian `u32`s.
    pub fn u32s(&mut self, n: usize) -> Result<Vec<u32>, BundleError> {
        let len = n.checked_mul(4).ok_or(BundleError::Truncated(self.pos))?;
        Ok(self
            .take(len)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    /// Reads a length-prefixed byte string.
    pub fn bytes(&mut self) -> Result<&'a [u8], BundleError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    /// Reads a length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str, BundleError> {
        let at = self.pos;
        let b = self.bytes()?;
        std::str::from_utf8(b)
            .map_err(|_| BundleError::Malformed(format!("bad UTF-8 at byte {at}")))
    }
    /// Reads a count and checks it against the bytes left (each item takes at least
    /// `min_item` bytes), so corrupt data cannot ask for huge allocations.
    pub fn count(&mut self, min_item: usize) -> Result<usize, BundleError> {
        let n = self.u32()? as usize;
        let left = self.data.len().saturating_sub(self.pos);
        if n.saturating_mul(min_item.max(1)) > left {
            return Err(BundleError::Truncated(self.pos));
        }
        Ok(n)
    }
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
        let tag: [u8; 4] = r.take(4)?.try_into().expect("four bytes");
        let len = usize::try_from(r.u64()?).map_err(|_| BundleError::Truncated(r.pos))?;
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

/// A small, stable 64-bit hash (FxHash-style mixing over 8-byte words), used for feature
/// keys. Stable across platforms and crate versions, because models store its values.
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = seed.wrapping_mul(K) ^ (bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
    }
    finish(h)
}

/// Combines a hash with a number (a template id, a tag).
pub fn hash_mix(h: u64, v: u64) -> u64 {
    finish((h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95))
}

fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

/// A small deterministic random number generator (xorshift64*), for shuffling.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(hash_mix(seed, 0x9e37_79b9_7f4a_7c15) | 1)
    }
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// Shuffles a slice (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
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

    #[test]
    fn hash_is_stable() {
        assert_eq!(hash_bytes(1, b"hello"), hash_bytes(1, b"hello"));
        assert_ne!(hash_bytes(1, b"hello"), hash_bytes(2, b"hello"));
        assert_ne!(
            hash_bytes(1, b"hello world!"),
            hash_bytes(1, b"hello world?")
        );
    }
}
