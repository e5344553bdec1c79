//! Label shortcuts: arcs whose label a small key fixes take it from a table (see
//! [`label_key`]).

use std::collections::HashMap;

use super::features::Attrs;
use crate::hash::{IdBuild, finish, mix};

/// The labeller's choices per shortcut key, while learning shortcuts.
pub(super) type LabelCounts = HashMap<u64, Vec<u32>, IdBuild>;

/// Occurrences a label key needs in the training data before it can become a shortcut.
const SHORTCUT_MIN: u32 = 20;
/// Share of a key's occurrences on which the labeller must have chosen the same label.
const SHORTCUT_AGREE: f64 = 0.99;

/// Shortcut key of an arc from `h` to `d`: the dependent's word (or unknown), its PTB tag,
/// the head's PTB tag and the direction.
///
/// Many labels are fixed by this alone: a determiner before its noun is `det`, `of` before
/// its noun is `case`. After training, the parser labels its own training data and keeps,
/// as shortcuts, the keys seen at least [`SHORTCUT_MIN`] times on which the labeller chose
/// the same label at least [`SHORTCUT_AGREE`] of the time; parsing then takes their label
/// from one small hash probe instead of 28 weight lookups. On the treebank-only model they
/// covered about 37% of the labelled arcs and changed no EWT test label. Shortcuts for moves, keyed
/// on the tags of the stack and buffer words, and an early exit when the weightiest
/// features already decide the move were tried and dropped: both cost 0.05–0.15 UAS for
/// a few per cent of speed (`models/README.md`).
#[inline]
pub(super) fn label_key(a: &Attrs, h: usize, d: usize) -> u64 {
    finish(mix(
        mix(mix(mix(0x1abe, a.w[d]), a.p[d]), a.p[h]),
        u64::from(d < h),
    ))
}

/// The shortcuts kept from the labeller's choices `counts`: the keys seen at least
/// [`SHORTCUT_MIN`] times with one label at least [`SHORTCUT_AGREE`] of the time.
pub(super) fn choose(counts: &LabelCounts) -> HashMap<u64, u8, IdBuild> {
    counts
        .iter()
        .filter_map(|(&key, row)| {
            let total: u32 = row.iter().sum();
            let (best, &top) = row
                .iter()
                .enumerate()
                .max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i)))?;
            let agree = f64::from(top) >= SHORTCUT_AGREE * f64::from(total);
            (total >= SHORTCUT_MIN && agree).then_some((key, u8::try_from(best).ok()?))
        })
        .collect()
}
