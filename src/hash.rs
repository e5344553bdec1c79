//! The crate's stable hashes, in one place.
//!
//! Every function here is **stable**: models store their values (feature keys, vocabulary
//! and word-class keys) and the silver data's order depends on them, so a change to any of
//! them is a change of format. They are not `std`'s `DefaultHasher`, whose values may
//! change between Rust versions.
//!
//! - [`hash_bytes`] and [`hash_mix`]: FxHash-style words, for the tagger's feature keys.
//! - [`hash_str`]: FNV-1a, then [`finish`]ed, for the parser's attributes and word keys.
//! - [`mix`] and [`finish`]: the parser's feature templates combine attributes with them.
//! - [`Fnv1a`]: plain 64-bit FNV-1a, for the silver sentences' identity and order.
//! - [`normalise`] and [`word_key`]: a word's normalised form (lower case, digits as `0`)
//!   and its hash, the key of the parser's vocabulary and of the word classes.
//! - [`IdHasher`] / [`IdBuild`]: a `HashMap` hasher that passes through keys that are
//!   already such hashes.

use std::hash::{BuildHasherDefault, Hasher};

/// Multiplier of [`hash_bytes`] and [`hash_mix`] (FxHash's).
const FX_K: u64 = 0x517c_c1b7_2722_0a95;
/// Multiplier of [`mix`] and of [`IdHasher::write`] (the golden ratio).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
/// FNV-1a's offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a's prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The final avalanche of MurmurHash3's 64-bit mix (first half): spreads every input bit
/// over the low bits that index hash tables.
#[inline]
pub fn finish(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k
}

/// Combines a running hash with a value (a template id, an attribute); [`finish`] the
/// result before using it as a key.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(23) ^ v).wrapping_mul(GOLDEN)
}

/// A small, stable 64-bit hash (FxHash-style mixing over 8-byte words), used for feature
/// keys. Stable across platforms and crate versions, because models store its values.
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed.wrapping_mul(FX_K) ^ (bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(FX_K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(FX_K);
    }
    finish(h)
}

/// Combines a hash with a number (a template id, a tag), finished.
pub fn hash_mix(h: u64, v: u64) -> u64 {
    finish((h.rotate_left(5) ^ v).wrapping_mul(FX_K))
}

/// 64-bit FNV-1a, fed piece by piece.
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a(FNV_OFFSET)
    }
}

impl Fnv1a {
    /// Feeds bytes.
    #[inline]
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    /// The hash of the bytes fed so far (not finished).
    pub fn value(self) -> u64 {
        self.0
    }
}

/// Stable hash of a string (FNV-1a, then [`finish`]ed).
pub fn hash_str(s: &str) -> u64 {
    let mut h = Fnv1a::default();
    h.write(s.as_bytes());
    finish(h.value())
}

/// FNV-1a of a sequence of words, each followed by a zero byte (so `["ab", "c"]` and
/// `["a", "bc"]` differ): the identity and the order of silver sentences.
pub fn hash_words<S: AsRef<str>>(words: &[S]) -> u64 {
    let mut h = Fnv1a::default();
    for w in words {
        h.write(w.as_ref().as_bytes());
        h.write(&[0]);
    }
    h.value()
}

/// Writes the normalised form of a word into `buf`: lower case, every ASCII digit `0`.
pub fn normalise(form: &str, buf: &mut String) {
    buf.clear();
    for c in form.chars() {
        if c.is_ascii_digit() {
            buf.push('0');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

/// The key of a word in the parser's vocabulary and in the word classes: the
/// [`hash_str`] of its [`normalise`]d form (`buf` is scratch space, left holding that form).
pub fn word_key(form: &str, buf: &mut String) -> u64 {
    normalise(form, buf);
    hash_str(buf)
}

/// A hasher that passes through `u64` keys that are already well mixed.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(GOLDEN);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Builds [`IdHasher`]s: the hasher of maps keyed by stable hashes.
pub type IdBuild = BuildHasherDefault<IdHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    /// Models store these values: they must never change.
    #[test]
    fn values_are_stable() {
        assert_eq!(Fnv1a::default().value(), FNV_OFFSET);
        let mut h = Fnv1a::default();
        h.write(b"a");
        assert_eq!(h.value(), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash_words(&["a"]), {
            let mut h = Fnv1a::default();
            h.write(b"a\0");
            h.value()
        });
        assert_ne!(hash_words(&["ab", "c"]), hash_words(&["a", "bc"]));
        assert_eq!(hash_str("a"), finish(0xaf63_dc4c_8601_ec8c));
    }

    #[test]
    fn hash_bytes_depends_on_seed_and_bytes() {
        assert_eq!(hash_bytes(1, b"hello"), hash_bytes(1, b"hello"));
        assert_ne!(hash_bytes(1, b"hello"), hash_bytes(2, b"hello"));
        assert_ne!(
            hash_bytes(1, b"hello world!"),
            hash_bytes(1, b"hello world?")
        );
    }
}
