//! The crate's union–find over dense indices `0..n`.
//!
//! The root of a set is always its smallest index, so the result of a sequence of unions
//! does not depend on the order of the two arguments, and the survivor of a merge is the
//! element created first. `find` halves paths as it walks; `root` walks without changing
//! anything.

/// Disjoint sets of indices; the smaller index is the root.
#[derive(Clone, Debug, Default)]
pub(super) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singletons, `0..n`.
    pub(super) fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// Adds a singleton and returns its index.
    pub(super) fn push(&mut self) -> usize {
        let i = self.parent.len();
        self.parent.push(i);
        i
    }

    /// The root of `x`'s set, halving the path on the way.
    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// The root of `x`'s set, without touching the paths.
    pub(super) fn root(&self, mut x: usize) -> usize {
        while self.parent[x] != x {
            x = self.parent[x];
        }
        x
    }

    /// True when `x` is the root of its set.
    pub(super) fn is_root(&self, x: usize) -> bool {
        self.parent[x] == x
    }

    /// Joins the sets of `a` and `b`. Returns `(kept, gone)`, the two old roots, the
    /// smaller one kept, or `None` when they were already one set.
    pub(super) fn union(&mut self, a: usize, b: usize) -> Option<(usize, usize)> {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return None;
        }
        let (keep, gone) = if a < b { (a, b) } else { (b, a) };
        self.parent[gone] = keep;
        Some((keep, gone))
    }
}

#[cfg(test)]
mod tests {
    use super::UnionFind;

    #[test]
    fn the_smaller_index_is_the_root() {
        let mut uf = UnionFind::new(4);
        assert_eq!(uf.union(3, 1), Some((1, 3)));
        assert_eq!(uf.union(1, 3), None);
        assert_eq!(uf.push(), 4);
        assert_eq!(uf.union(4, 3), Some((1, 4)));
        assert_eq!(uf.union(0, 4), Some((0, 1)));
        assert_eq!(uf.root(4), 0);
        assert_eq!(uf.find(3), 0);
        assert!(uf.is_root(0) && !uf.is_root(1) && uf.is_root(2));
    }
}
