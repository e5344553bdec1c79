//! The parser's model file format.
//!
//! ```text
//! magic     b"AGPARS0N"  8 bytes, N the format version (see `Format`)
//! labels    u32 count, then per label a u32 byte length and UTF-8
//! vocab     u32 count, then sorted u64 word keys
//! moves     the structural table (`write_table`)
//! labeller  the labelling table
//! clusters  u32 byte length, then the word classes (formats 2 to 4)
//! shortcuts u32 count, then sorted (u64 key, u8 label) pairs (formats 3 and 4)
//! ```
//!
//! All integers are little-endian ([`crate::codec`]). Equal parsers give equal bytes.

use std::collections::HashMap;

use super::transition::N_MOVES;
use super::weights::{MAX_CELLS, WeightTable};
use super::{Parser, ParserModelError, punct_index};
use crate::codec::{ByteReader, ByteWriter};
use crate::nlp::clusters::WordClusters;

/// A version of the parser format, named by the last byte of its magic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    /// No word classes; each table as sorted keys and 16-bit rows.
    V1,
    /// Tables in lookup layout, word classes, no label shortcuts.
    V2,
    /// Format 2 with label shortcuts: what a parser without word classes writes.
    V3,
    /// Format 3 for a parser with word classes, whose structural features leave out the
    /// templates word classes replace. A format-3 parser with word classes read every
    /// template, so it can't be read any more (none was released).
    V4,
}

impl Format {
    /// Every format, oldest first.
    const ALL: [Format; 4] = [Format::V1, Format::V2, Format::V3, Format::V4];

    /// The eight bytes a file of this format starts with.
    pub(super) fn magic(self) -> &'static [u8; 8] {
        match self {
            Format::V1 => b"AGPARS01",
            Format::V2 => b"AGPARS02",
            Format::V3 => b"AGPARS03",
            Format::V4 => b"AGPARS04",
        }
    }

    /// The format whose magic `bytes` are.
    fn from_magic(bytes: &[u8]) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.magic() == bytes)
    }

    /// Whether the tables are in lookup layout (else sorted keys and rows).
    fn lookup_tables(self) -> bool {
        self != Format::V1
    }

    /// Whether the word classes follow the tables.
    fn has_clusters_section(self) -> bool {
        self != Format::V1
    }

    /// Whether the label shortcuts end the file.
    fn has_shortcuts(self) -> bool {
        matches!(self, Format::V3 | Format::V4)
    }
}

/// Writes a table in its lookup layout, the arrays `WeightTable::score` reads, so that loading
/// is a copy: nc, slot count, scale, the slots, then (labels layout) the cells.
fn write_table(t: &WeightTable, out: &mut ByteWriter) {
    out.u32(t.nc as u32);
    out.u32((t.mask + 1) as u32);
    if t.nc == N_MOVES {
        out.f32(t.diff_scale);
        out.buf.reserve(4 * t.moves.len());
        for &slot in &t.moves {
            out.u32(slot);
        }
    } else {
        out.f32(t.scale);
        out.buf.reserve(8 * t.slots.len() + 4 * t.cells.len());
        for slot in &t.slots {
            out.u32(slot[0]);
            out.u32(slot[1]);
        }
        out.u32(t.cells.len() as u32);
        for &cell in &t.cells {
            out.u32(cell);
        }
    }
}

/// Reads a table written by [`write_table`], checking that every lookup stays in bounds.
fn read_lookup_table(r: &mut ByteReader<'_>) -> Result<WeightTable, ParserModelError> {
    let bad = |what: &str| ParserModelError::Malformed(format!("bad table: {what}"));
    let nc = r.u32()? as usize;
    let cap = r.u32()? as usize;
    let scale = r.f32()?;
    if nc == 0 || nc > 255 || !cap.is_power_of_two() || cap < 16 || !scale.is_finite() {
        return Err(bad("size"));
    }
    let mut t = WeightTable {
        nc,
        keys: Vec::new(),
        q: Vec::new(),
        scale: 1.0,
        mask: cap - 1,
        moves: Vec::new(),
        diff_scale: 0.0,
        slots: Vec::new(),
        cells: Vec::new(),
    };
    if nc == N_MOVES {
        t.diff_scale = scale;
        t.moves = r.u32s(cap)?;
        if !t.moves.contains(&0) {
            return Err(bad("no empty slot"));
        }
    } else {
        t.scale = scale;
        let flat = r.u32s(2 * cap)?;
        t.slots = flat.chunks_exact(2).map(|s| [s[0], s[1]]).collect();
        let n = r.u32()? as usize;
        if n >= MAX_CELLS {
            return Err(bad("too many weights"));
        }
        t.cells = r.u32s(n)?;
        let rows_fit = t.slots.iter().filter(|s| s[0] != 0).all(|s| {
            let (start, len) = ((s[1] >> 8) as usize, (s[1] & 0xff) as usize);
            start + len <= n
        });
        if !rows_fit || !t.slots.iter().any(|s| s[0] == 0) {
            return Err(bad("slots"));
        }
        if t.cells.iter().any(|&c| (c & 0xff) as usize >= nc) {
            return Err(bad("class out of range"));
        }
    }
    Ok(t)
}

/// Reads a table of the first format (keys and quantised rows) and builds its lookup layout.
fn read_table(r: &mut ByteReader<'_>) -> Result<WeightTable, ParserModelError> {
    let nc = r.u32()? as usize;
    let rows = r.u32()? as usize;
    let scale = r.f32()?;
    if nc == 0
        || nc > 255
        || rows.saturating_mul(nc) > r.remaining()
        || rows.saturating_mul(nc) >= MAX_CELLS
        || !scale.is_finite()
    {
        return Err(ParserModelError::Malformed("bad table size".into()));
    }
    let mut keys = Vec::with_capacity(rows);
    let mut q = Vec::with_capacity(rows * nc);
    for _ in 0..rows {
        let k = r.u64()?;
        if keys.last().is_some_and(|&last| last >= k) {
            return Err(ParserModelError::Malformed(
                "table keys out of order".into(),
            ));
        }
        keys.push(k);
        let b = r.take(2 * nc)?;
        q.extend(b.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])));
    }
    Ok(WeightTable::build(nc, keys, q, scale))
}

impl Parser {
    /// The format [`Parser::to_bytes`] writes for this parser.
    fn format(&self) -> Format {
        if self.clusters.is_empty() {
            Format::V3
        } else {
            Format::V4
        }
    }

    /// Serializes the parser (pruned, 16-bit quantised weights; byte-identical for equal
    /// parsers).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = ByteWriter::new();
        out.buf.extend_from_slice(self.format().magic());
        out.u32(self.labels.len() as u32);
        for l in &self.labels {
            out.str(l);
        }
        let mut vocab: Vec<u64> = self.vocab.keys().copied().collect();
        vocab.sort_unstable();
        out.u32(vocab.len() as u32);
        for v in vocab {
            out.u64(v);
        }
        write_table(&self.moves, &mut out);
        write_table(&self.labeller, &mut out);
        out.bytes(&self.clusters.to_bytes());
        let mut rows: Vec<(u64, u8)> = self.label_shortcuts.iter().map(|(&k, &v)| (k, v)).collect();
        rows.sort_unstable();
        out.u32(rows.len() as u32);
        for (k, v) in rows {
            out.u64(k);
            out.u8(v);
        }
        out.buf
    }

    /// Reads a parser written by [`Parser::to_bytes`], in any format this version reads.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ParserModelError> {
        let mut r = ByteReader::new(bytes);
        let format = Format::from_magic(r.take(8)?).ok_or(ParserModelError::Magic)?;
        let nl = r.u32()? as usize;
        if nl == 0 || nl > 255 {
            return Err(ParserModelError::Malformed("bad label count".into()));
        }
        let mut labels = Vec::with_capacity(nl);
        for _ in 0..nl {
            labels.push(crate::model::intern(r.str()?));
        }
        let nv = r.u32()? as usize;
        if nv.saturating_mul(8) > bytes.len() {
            return Err(ParserModelError::Malformed("bad vocabulary size".into()));
        }
        let mut vocab = HashMap::default();
        vocab.reserve(nv);
        for _ in 0..nv {
            vocab.insert(r.u64()?, ());
        }
        let (moves, labeller) = if format.lookup_tables() {
            (read_lookup_table(&mut r)?, read_lookup_table(&mut r)?)
        } else {
            (read_table(&mut r)?, read_table(&mut r)?)
        };
        if moves.nc != N_MOVES || labeller.nc != labels.len() {
            return Err(ParserModelError::Malformed(
                "table shape does not match".into(),
            ));
        }
        let clusters = if format.has_clusters_section() {
            WordClusters::from_bytes(r.bytes()?).map_err(ParserModelError::Clusters)?
        } else {
            WordClusters::empty()
        };
        let v4 = format == Format::V4;
        if clusters.is_empty() == v4 {
            return Err(ParserModelError::Malformed(if v4 {
                "format 4 without word classes".into()
            } else {
                "a parser with word classes of an older feature set: retrain it".into()
            }));
        }
        let mut label_shortcuts = HashMap::default();
        if format.has_shortcuts() {
            let len = r.u32()? as usize;
            if len.saturating_mul(9) > r.remaining() {
                return Err(ParserModelError::Malformed("bad shortcut count".into()));
            }
            label_shortcuts.reserve(len);
            for _ in 0..len {
                let key = r.u64()?;
                let label = r.u8()?;
                if usize::from(label) >= labels.len() {
                    return Err(ParserModelError::Malformed("bad label shortcut".into()));
                }
                label_shortcuts.insert(key, label);
            }
        }
        if !r.is_empty() {
            return Err(ParserModelError::Malformed("trailing bytes".into()));
        }
        Ok(Parser {
            clusters,
            label_shortcuts,
            punct: punct_index(&labels),
            labels,
            vocab,
            moves,
            labeller,
        })
    }
}
