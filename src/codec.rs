//! The crate's byte codec: little-endian fixed-width integers, floats and length-prefixed
//! strings, written to a `Vec<u8>` and read back from a slice.
//!
//! The model files (the bundle, the tagger, the lemmatizer, the parser and the word
//! classes) are written with it. The encoding is part of their formats: integers are
//! little-endian and fixed-width, strings and byte strings are a `u32` byte length then
//! the bytes. The pipeline's spool files (temporary, never leaving the process) use it too,
//! with `u64` numbers and lengths ([`ByteWriter::usize`], [`ByteWriter::str64`]). A read past the end is an error ([`DecodeError`]), never a panic, and
//! [`ByteReader::count`] bounds counts by the bytes left, so corrupt data cannot ask for
//! huge allocations.

/// The bytes end early or hold a value that is not what was expected.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    /// The data ended in the middle of a value.
    #[error("data ends early (at byte {0})")]
    Truncated(usize),
    /// A string is not UTF-8.
    #[error("bad UTF-8 at byte {0}")]
    Utf8(usize),
    /// A number does not fit a `usize`.
    #[error("number out of range at byte {0}")]
    Range(usize),
    /// A value that no writer writes (an unknown tag, a flag other than 0 or 1).
    #[error("bad {1} at byte {0}")]
    Invalid(usize, &'static str),
}

impl From<DecodeError> for std::io::Error {
    fn from(e: DecodeError) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::InvalidData, e)
    }
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
    /// Writes a `usize` as a `u64`.
    pub fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }
    /// Writes a string prefixed with its `u64` length.
    pub fn str64(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    /// Writes a number in LEB128 (7 bits a byte, low bits first): one byte below 128.
    pub fn var(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    /// Writes a string prefixed with its [`var`](ByteWriter::var) length.
    pub fn var_str(&mut self, s: &str) {
        self.var(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
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
    /// Bytes read so far.
    pub fn position(&self) -> usize {
        self.pos
    }
    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }
    /// True when every byte was read.
    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }
    /// Takes `n` raw bytes.
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self
            .pos
            .checked_add(n)
            .ok_or(DecodeError::Truncated(self.pos))?;
        let s = self
            .data
            .get(self.pos..end)
            .ok_or(DecodeError::Truncated(self.pos))?;
        self.pos = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    /// Reads a byte.
    pub fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.array::<1>()?[0])
    }
    /// Reads a `u16`.
    pub fn u16(&mut self) -> Result<u16, DecodeError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    /// Reads a `u32`.
    pub fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    /// Reads a `u64`.
    pub fn u64(&mut self) -> Result<u64, DecodeError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    /// Reads an `i16`.
    pub fn i16(&mut self) -> Result<i16, DecodeError> {
        Ok(i16::from_le_bytes(self.array()?))
    }
    /// Reads an `f32`.
    pub fn f32(&mut self) -> Result<f32, DecodeError> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    /// Reads `n` little-endian `u32`s.
    pub fn u32s(&mut self, n: usize) -> Result<Vec<u32>, DecodeError> {
        let len = n.checked_mul(4).ok_or(DecodeError::Truncated(self.pos))?;
        Ok(self
            .take(len)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    /// Reads a `usize` written as a `u64`.
    pub fn usize(&mut self) -> Result<usize, DecodeError> {
        let at = self.pos;
        usize::try_from(self.u64()?).map_err(|_| DecodeError::Range(at))
    }
    /// Reads a string prefixed with its `u64` length.
    pub fn str64(&mut self) -> Result<&'a str, DecodeError> {
        let n = self.usize()?;
        let at = self.pos;
        std::str::from_utf8(self.take(n)?).map_err(|_| DecodeError::Utf8(at))
    }
    /// Reads a flag written as one byte, 0 or 1.
    pub fn flag(&mut self, what: &'static str) -> Result<bool, DecodeError> {
        let at = self.pos;
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(DecodeError::Invalid(at, what)),
        }
    }
    /// Reads a number written by [`ByteWriter::var`].
    pub fn var(&mut self) -> Result<u64, DecodeError> {
        let at = self.pos;
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(DecodeError::Range(at));
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(DecodeError::Range(at))
    }
    /// Reads a [`var`](ByteReader::var) number as a `usize`.
    pub fn var_usize(&mut self) -> Result<usize, DecodeError> {
        let at = self.pos;
        usize::try_from(self.var()?).map_err(|_| DecodeError::Range(at))
    }
    /// Reads a count written by [`ByteWriter::var`], checked against the bytes left (each
    /// item takes at least `min_item` bytes), so corrupt data cannot ask for huge
    /// allocations.
    pub fn var_count(&mut self, min_item: usize) -> Result<usize, DecodeError> {
        let at = self.pos;
        let n = self.var_usize()?;
        if n.saturating_mul(min_item.max(1)) > self.remaining() {
            return Err(DecodeError::Truncated(at));
        }
        Ok(n)
    }
    /// Reads a string written by [`ByteWriter::var_str`].
    pub fn var_str(&mut self) -> Result<&'a str, DecodeError> {
        let n = self.var_usize()?;
        let at = self.pos;
        std::str::from_utf8(self.take(n)?).map_err(|_| DecodeError::Utf8(at))
    }
    /// Reads a length-prefixed byte string.
    pub fn bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    /// Reads a length-prefixed UTF-8 string.
    pub fn str(&mut self) -> Result<&'a str, DecodeError> {
        let at = self.pos;
        let b = self.bytes()?;
        std::str::from_utf8(b).map_err(|_| DecodeError::Utf8(at))
    }
    /// Reads a count and checks it against the bytes left (each item takes at least
    /// `min_item` bytes), so corrupt data cannot ask for huge allocations.
    pub fn count(&mut self, min_item: usize) -> Result<usize, DecodeError> {
        let n = self.u32()? as usize;
        let left = self.data.len().saturating_sub(self.pos);
        if n.saturating_mul(min_item.max(1)) > left {
            return Err(DecodeError::Truncated(self.pos));
        }
        Ok(n)
    }
}
