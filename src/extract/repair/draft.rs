//! The [`Draft`]: the mutable parts of a tree while the repairs rewrite it, and the
//! questions every repair asks of it.

use crate::model::{Upos, base_rel};

/// The mutable parts of a tree while it is repaired.
pub(crate) struct Draft<'a> {
    /// Head of each token (`None` for a root).
    pub heads: Vec<Option<usize>>,
    /// Full relation of each token.
    pub rels: Vec<&'a str>,
    /// Part of speech of each token.
    pub upos: Vec<Upos>,
    /// Lower-case, American-spelled lemma of each token.
    pub lemmas: Vec<String>,
    /// Lower-case form of each token.
    pub lower: Vec<String>,
}

impl<'a> Draft<'a> {
    pub(super) fn len(&self) -> usize {
        self.heads.len()
    }

    pub(super) fn base(&self, i: usize) -> &str {
        base_rel(self.rels[i])
    }

    pub(super) fn children(&self, h: usize) -> Vec<usize> {
        (0..self.len())
            .filter(|&c| self.heads[c] == Some(h))
            .collect()
    }

    pub(super) fn children_base(&self, h: usize, base: &str) -> Vec<usize> {
        (0..self.len())
            .filter(|&c| self.heads[c] == Some(h) && self.base(c) == base)
            .collect()
    }

    /// True when `d` is `h` or below it.
    pub(super) fn dominates(&self, h: usize, mut d: usize) -> bool {
        for _ in 0..=self.len() {
            if d == h {
                return true;
            }
            match self.heads[d] {
                Some(x) => d = x,
                None => return false,
            }
        }
        false
    }

    /// First and last token of the subtree of `h`.
    ///
    /// Linear in the sentence: each token's path to the root is walked once and its
    /// verdict (inside or outside the subtree) remembered for the tokens below it.
    pub(super) fn extent(&self, h: usize) -> (usize, usize) {
        const INSIDE: u8 = 1;
        const OUTSIDE: u8 = 2;
        let n = self.len();
        let mut state = vec![0u8; n];
        state[h] = INSIDE;
        let (mut lo, mut hi) = (h, h);
        let mut path = Vec::new();
        for t in 0..n {
            let mut d = t;
            let verdict = loop {
                if state[d] != 0 {
                    break state[d];
                }
                path.push(d);
                match self.heads[d] {
                    Some(x) if path.len() <= n => d = x,
                    _ => break OUTSIDE,
                }
            };
            for p in path.drain(..) {
                state[p] = verdict;
            }
            if verdict == INSIDE {
                lo = lo.min(t);
                hi = hi.max(t);
            }
        }
        (lo, hi)
    }

    pub(super) fn is_possessive_mark(&self, t: usize) -> bool {
        self.base(t) == "case" && matches!(self.lower[t].as_str(), "'s" | "’s" | "'" | "’")
    }

    pub(super) fn has_possessive(&self, n: usize) -> bool {
        self.children(n).iter().any(|&c| self.is_possessive_mark(c))
    }

    /// Puts `new` in the place of `old` (its head and relation) and `old` under `new` as
    /// `rel`; first the children of `old` that `moves` accepts go under `new`, keeping
    /// their relations (unless that would make a cycle).
    pub(super) fn promote(
        &mut self,
        new: usize,
        old: usize,
        rel: &'a str,
        moves: impl Fn(usize) -> bool,
    ) {
        let (gov, old_rel) = (self.heads[old], self.rels[old]);
        for c in self.children(old) {
            if moves(c) {
                let r = self.rels[c];
                self.attach(c, new, r);
            }
        }
        self.heads[new] = gov;
        self.rels[new] = old_rel;
        self.heads[old] = Some(new);
        self.rels[old] = rel;
    }

    /// Moves `t` under `head` with relation `rel`, unless that would make a cycle.
    pub(super) fn attach(&mut self, t: usize, head: usize, rel: &'a str) -> bool {
        if t == head || self.dominates(t, head) {
            return false;
        }
        self.heads[t] = Some(head);
        self.rels[t] = rel;
        true
    }
}

pub(super) fn is_quote(form: &str) -> bool {
    matches!(
        form,
        "\"" | "'" | "“" | "”" | "‘" | "’" | "``" | "''" | "«" | "»"
    )
}
