//! The arc-hybrid transition system: the parser state, its moves, and the dynamic oracle.
//!
//! Tokens are `0..n`, the artificial ROOT is `n` (at the end of the buffer), and `n + 1`
//! stands for a missing position. A configuration is a stack and the front of the buffer;
//! [`State::costs`] is the Goldberg and Nivre (2013) dynamic oracle: the number of gold
//! arcs each move would make unreachable.

/// Number of structural moves.
pub(super) const N_MOVES: usize = 3;
/// Pushes the first buffer word on the stack.
pub(super) const SHIFT: usize = 0;
/// The first buffer word becomes the head of the stack top.
pub(super) const LEFT: usize = 1;
/// The second stack word becomes the head of the stack top.
pub(super) const RIGHT: usize = 2;

/// Arc-hybrid configuration. Tokens are `0..n`, ROOT is `n`, "none" is `n + 1`.
pub(super) struct State {
    pub(super) n: usize,
    pub(super) stack: Vec<u32>,
    /// Front of the buffer; the buffer is `b..=n`.
    pub(super) b: usize,
    pub(super) heads: Vec<u32>,
    pub(super) labels: Vec<u8>,
    pub(super) lc1: Vec<u32>,
    pub(super) lc2: Vec<u32>,
    pub(super) rc1: Vec<u32>,
    pub(super) rc2: Vec<u32>,
    pub(super) nl: Vec<u8>,
    pub(super) nr: Vec<u8>,
    pub(super) lset: Vec<u64>,
    pub(super) rset: Vec<u64>,
}

impl State {
    pub(super) fn new() -> State {
        State {
            n: 0,
            stack: Vec::new(),
            b: 0,
            heads: Vec::new(),
            labels: Vec::new(),
            lc1: Vec::new(),
            lc2: Vec::new(),
            rc1: Vec::new(),
            rc2: Vec::new(),
            nl: Vec::new(),
            nr: Vec::new(),
            lset: Vec::new(),
            rset: Vec::new(),
        }
    }

    pub(super) fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        let none = (n + 1) as u32;
        for v in [
            &mut self.heads,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 2, none);
        }
        for v in [&mut self.labels, &mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 2, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 2, 0);
        }
    }

    pub(super) fn terminal(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    pub(super) fn legal(&self) -> [bool; N_MOVES] {
        let k = self.stack.len();
        let at_root = self.b == self.n;
        [!at_root, k >= 1 && (!at_root || k == 1), k >= 2]
    }

    #[inline]
    pub(super) fn s(&self, i: usize) -> usize {
        let k = self.stack.len();
        if i < k {
            self.stack[k - 1 - i] as usize
        } else {
            self.n + 1
        }
    }

    #[inline]
    pub(super) fn buf(&self, i: usize) -> usize {
        let j = self.b + i;
        if j <= self.n { j } else { self.n + 1 }
    }

    /// The (head, dependent) pair a move would create.
    pub(super) fn arc(&self, mv: usize) -> (usize, usize) {
        match mv {
            LEFT => (self.b, self.s(0)),
            _ => (self.s(1), self.s(0)),
        }
    }

    pub(super) fn apply(&mut self, mv: usize, label: usize) {
        match mv {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            _ => {
                let (h, d) = self.arc(mv);
                self.stack.pop();
                self.heads[d] = h as u32;
                self.labels[d] = label as u8;
                let bit = 1u64 << (label % 64);
                if d < h {
                    self.lc2[h] = self.lc1[h];
                    self.lc1[h] = d as u32;
                    self.nl[h] = self.nl[h].saturating_add(1);
                    self.lset[h] |= bit;
                } else {
                    self.rc2[h] = self.rc1[h];
                    self.rc1[h] = d as u32;
                    self.nr[h] = self.nr[h].saturating_add(1);
                    self.rset[h] |= bit;
                }
            }
        }
    }

    /// Dynamic-oracle cost of each move against gold heads `gh` (ROOT = n).
    pub(super) fn costs(&self, gh: &[u32]) -> [u32; N_MOVES] {
        let n = self.n;
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b0 = self.b;
        let in_buf = |x: u32| (x as usize) >= b0 && (x as usize) <= n;
        let mut c = [u32::MAX; N_MOVES];
        let legal = self.legal();
        let s0_kids_in_buf = if s0 < n {
            (b0..n).filter(|&d| gh[d] as usize == s0).count() as u32
        } else {
            0
        };
        if legal[SHIFT] {
            let mut k = 0;
            for (i, &x) in self.stack.iter().enumerate() {
                let x = x as usize;
                if gh[x] as usize == b0 {
                    k += 1;
                }
                if gh[b0] as usize == x && i + 1 < self.stack.len() {
                    k += 1;
                }
            }
            c[SHIFT] = k;
        }
        if legal[LEFT] {
            let g = gh[s0];
            let lost = g as usize != b0 && ((g as usize == s1 && s1 < n) || in_buf(g));
            c[LEFT] = s0_kids_in_buf + u32::from(lost);
        }
        if legal[RIGHT] {
            let g = gh[s0];
            let lost = g as usize != s1 && in_buf(g);
            c[RIGHT] = s0_kids_in_buf + u32::from(lost);
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `the cat sat down`: `the → cat → sat ← down`, `sat` the root. Gold heads are 0-based
    /// with ROOT = `n`, padded for ROOT and the missing position as training pads them.
    fn gold() -> (usize, Vec<u32>) {
        let n = 4;
        (n, vec![1, 2, n as u32, 2, n as u32 + 1, n as u32 + 1])
    }

    /// Follows zero-cost moves (every choice, depth first) from `st` to the end; returns the
    /// head sets reached.
    fn zero_cost_ends(st: &State, gh: &[u32], out: &mut Vec<Vec<u32>>) {
        if st.terminal() {
            out.push(st.heads[..st.n].to_vec());
            return;
        }
        let legal = st.legal();
        let costs = st.costs(gh);
        let min = (0..N_MOVES)
            .filter(|&m| legal[m])
            .map(|m| costs[m])
            .min()
            .expect("a legal move before the end");
        for mv in (0..N_MOVES).filter(|&m| legal[m] && costs[m] == min) {
            let mut next = State::new();
            next.reset(st.n);
            next.stack.clone_from(&st.stack);
            next.b = st.b;
            next.heads.clone_from(&st.heads);
            next.apply(mv, 0);
            zero_cost_ends(&next, gh, out);
        }
    }

    #[test]
    fn the_oracle_reaches_the_gold_tree_from_the_start() {
        let (n, gh) = gold();
        let mut st = State::new();
        st.reset(n);
        assert_eq!(st.costs(&gh)[SHIFT], 0, "the first move is free");
        let mut ends = Vec::new();
        zero_cost_ends(&st, &gh, &mut ends);
        assert!(!ends.is_empty());
        for heads in ends {
            assert_eq!(heads, gh[..n], "every zero-cost path builds the gold tree");
        }
    }

    #[test]
    fn a_move_that_loses_an_arc_costs_it() {
        let (n, gh) = gold();
        let mut st = State::new();
        st.reset(n);
        st.apply(SHIFT, 0);
        // Stack `the`, buffer `cat …`: LEFT makes the gold arc `cat → the`; shifting `cat`
        // over `the` loses it (`the` can then only get a head below it on the stack).
        let costs = st.costs(&gh);
        assert_eq!(costs[LEFT], 0);
        assert_eq!(costs[SHIFT], 1);
        assert!(!st.legal()[RIGHT], "one word on the stack");
        // After the wrong move, following the oracle keeps every arc the mistake did not
        // touch: `cat → sat` and `sat → down`. (`the` now ends as the root or as the head
        // of `sat`: with one root allowed, the lost arc costs `sat`'s root arc too, which
        // the oracle's arc count does not see.)
        st.apply(SHIFT, 0);
        let mut ends = Vec::new();
        zero_cost_ends(&st, &gh, &mut ends);
        assert!(!ends.is_empty());
        for heads in ends {
            assert_ne!(heads[0], gh[0], "{heads:?}");
            assert_eq!((heads[1], heads[3]), (gh[1], gh[3]), "{heads:?}");
        }
    }

    #[test]
    fn every_parse_is_a_tree_with_one_root() {
        let n = 5;
        let mut st = State::new();
        st.reset(n);
        // Always the last legal move: RIGHT when it can, else LEFT, else SHIFT.
        while !st.terminal() {
            let legal = st.legal();
            let mv = (0..N_MOVES)
                .rev()
                .find(|&m| legal[m])
                .expect("a legal move");
            st.apply(mv, 0);
        }
        let roots = st.heads[..n].iter().filter(|&&h| h as usize == n).count();
        assert_eq!(roots, 1);
        assert!(st.heads[..n].iter().all(|&h| (h as usize) <= n));
    }
}
