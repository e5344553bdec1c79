//! Word classes learnt from unlabelled text, as features for the parser.
//!
//! A treebank of 230,000 words sees few of the names and words of news; plain text sees
//! many more. Words that occur in the same contexts get the same class, and a class
//! feature lets the parser treat an unseen `Gazprom` like a seen `Siemens` (Koo, Carreras
//! and Collins 2008 showed this with Brown clusters).
//!
//! # Algorithm
//!
//! The exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998) for a class
//! bigram model: start from words assigned round-robin by frequency, then move each word,
//! most frequent first, to the class that most increases the likelihood
//! `Σ N(c, c') log N(c, c') − 2 Σ N(c) log N(c)`, until few words move. It is flat (no
//! hierarchy, unlike Brown clustering), so two clusterings are kept: a coarse and a fine one.
//! Words are normalised like the parser's (lower case, digits as `0`). Deterministic: no
//! randomness, a fixed visiting order, sequential updates.

use std::collections::HashMap;

use super::model::{BundleError, ByteReader, ByteWriter};
use crate::hash::{IdBuild, hash_str, normalise, word_key};

/// Clustering settings.
#[derive(Clone, Debug)]
pub struct ClusterOptions {
    /// Classes of the coarse clustering (at most 256).
    pub coarse: usize,
    /// Classes of the fine clustering (at most 65,536).
    pub fine: usize,
    /// Passes over the vocabulary, at most.
    pub iterations: usize,
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions {
            coarse: 32,
            fine: 256,
            iterations: 8,
            min_count: 3,
        }
    }
}

/// Coarse and fine class of each clustered word, keyed by the hash of its normalised form.
#[derive(Clone, Debug, Default)]
pub struct WordClusters {
    map: HashMap<u64, (u8, u16), IdBuild>,
}

const MAGIC: &[u8; 8] = b"AGCLUS01";

impl WordClusters {
    /// No classes: every word is unknown.
    pub fn empty() -> WordClusters {
        WordClusters::default()
    }

    /// Number of clustered words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word is clustered.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The (coarse, fine) classes of a word, given the hash of its normalised form.
    pub(crate) fn get_hash(&self, h: u64) -> Option<(u8, u16)> {
        self.map.get(&h).copied()
    }

    /// The (coarse, fine) classes of a word as written.
    pub fn get(&self, form: &str) -> Option<(u8, u16)> {
        if self.map.is_empty() {
            // No classes (a treebank-only model): no normalised copy of every word.
            return None;
        }
        let mut buf = String::new();
        self.get_hash(word_key(form, &mut buf))
    }

    /// Learns classes from sentences of tokens.
    pub fn train<S, I>(sentences: I, opts: &ClusterOptions) -> WordClusters
    where
        I: IntoIterator<Item = S>,
        S: IntoIterator,
        S::Item: AsRef<str>,
    {
        let corpus = Corpus::read(sentences, opts.min_count);
        let coarse = exchange(&corpus, opts.coarse.clamp(2, 256), opts.iterations);
        let fine = exchange(&corpus, opts.fine.clamp(2, 65_536), opts.iterations);
        let mut map = HashMap::default();
        for (i, w) in corpus.words.iter().enumerate() {
            map.insert(hash_str(w), (coarse[i] as u8, fine[i] as u16));
        }
        WordClusters { map }
    }

    /// Serialises the classes (sorted by key, so the bytes are deterministic).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut entries: Vec<(u64, (u8, u16))> = self.map.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable();
        let mut w = ByteWriter::new();
        w.bytes(MAGIC);
        w.u32(entries.len() as u32);
        for (k, (c, f)) in entries {
            w.u64(k);
            w.u8(c);
            w.u16(f);
        }
        w.buf
    }

    /// Reads classes written by [`WordClusters::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<WordClusters, BundleError> {
        let mut r = ByteReader::new(bytes);
        if r.bytes()? != MAGIC {
            return Err(BundleError::Malformed("not a word-cluster table".into()));
        }
        let n = r.count(11)?;
        let mut map = HashMap::with_capacity_and_hasher(n, IdBuild::default());
        for _ in 0..n {
            let k = r.u64()?;
            let c = r.u8()?;
            let f = r.u16()?;
            map.insert(k, (c, f));
        }
        Ok(WordClusters { map })
    }
}

/// Word ids and bigram counts of the training text.
struct Corpus {
    /// Clustered words (normalised), most frequent first. Ids `words.len()` (rare words)
    /// and `words.len() + 1` (sentence boundary) are clustered too but not kept.
    words: Vec<String>,
    /// Count of each id.
    counts: Vec<i64>,
    /// Successors of each id: `succ[succ_at[w]..succ_at[w + 1]]`, as (id, count).
    succ_at: Vec<usize>,
    succ: Vec<(u32, i64)>,
    pred_at: Vec<usize>,
    pred: Vec<(u32, i64)>,
}

impl Corpus {
    fn read<S, I>(sentences: I, min_count: u32) -> Corpus
    where
        I: IntoIterator<Item = S>,
        S: IntoIterator,
        S::Item: AsRef<str>,
    {
        const BOUNDARY: u32 = u32::MAX;
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut stream: Vec<u32> = vec![BOUNDARY];
        let mut buf = String::new();
        for s in sentences {
            for t in s {
                normalise(t.as_ref(), &mut buf);
                let id = match ids.get(buf.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = names.len() as u32;
                        ids.insert(buf.clone(), id);
                        names.push(buf.clone());
                        id
                    }
                };
                stream.push(id);
            }
            stream.push(BOUNDARY);
        }
        let mut raw = vec![0u32; names.len()];
        for &t in &stream {
            if t != BOUNDARY {
                raw[t as usize] += 1;
            }
        }
        let mut kept: Vec<u32> = (0..names.len() as u32)
            .filter(|&i| raw[i as usize] >= min_count)
            .collect();
        kept.sort_by(|&a, &b| {
            raw[b as usize]
                .cmp(&raw[a as usize])
                .then_with(|| names[a as usize].cmp(&names[b as usize]))
        });
        let v = kept.len() as u32;
        let (rare, boundary) = (v, v + 1);
        let mut remap = vec![rare; names.len()];
        for (new, &old) in kept.iter().enumerate() {
            remap[old as usize] = new as u32;
        }
        let ids: Vec<u32> = stream
            .iter()
            .map(|&t| {
                if t == BOUNDARY {
                    boundary
                } else {
                    remap[t as usize]
                }
            })
            .collect();
        let n = v as usize + 2;
        let mut counts = vec![0i64; n];
        for &t in &ids {
            counts[t as usize] += 1;
        }
        let mut pairs: Vec<u64> = ids
            .windows(2)
            .map(|p| u64::from(p[0]) << 32 | u64::from(p[1]))
            .collect();
        let (succ_at, succ) = adjacency(&mut pairs, n);
        for p in &mut pairs {
            *p = p.rotate_left(32);
        }
        let (pred_at, pred) = adjacency(&mut pairs, n);
        let words = kept.iter().map(|&i| names[i as usize].clone()).collect();
        Corpus {
            words,
            counts,
            succ_at,
            succ,
            pred_at,
            pred,
        }
    }
}

/// Sorts `(from << 32 | to)` pairs and counts them into adjacency lists.
fn adjacency(pairs: &mut [u64], n: usize) -> (Vec<usize>, Vec<(u32, i64)>) {
    pairs.sort_unstable();
    let mut at = vec![0usize; n + 1];
    let mut out: Vec<(u32, i64)> = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let p = pairs[i];
        let mut j = i;
        while j < pairs.len() && pairs[j] == p {
            j += 1;
        }
        at[(p >> 32) as usize + 1] += 1;
        out.push((p as u32, (j - i) as i64));
        i = j;
    }
    for k in 0..n {
        at[k + 1] += at[k];
    }
    (at, out)
}

/// `x ln x`, from a table for small counts.
struct XLogX {
    small: Vec<f64>,
}

impl XLogX {
    fn new() -> XLogX {
        XLogX {
            small: (0..1 << 16)
                .map(|x: i64| {
                    if x > 0 {
                        x as f64 * (x as f64).ln()
                    } else {
                        0.0
                    }
                })
                .collect(),
        }
    }

    #[inline]
    fn f(&self, x: i64) -> f64 {
        if let Some(&v) = self.small.get(x as usize) {
            v
        } else {
            x as f64 * (x as f64).ln()
        }
    }
}

/// Exchange clustering into `k` classes: the class of every id of `corpus`.
fn exchange(corpus: &Corpus, k: usize, iterations: usize) -> Vec<u32> {
    let n = corpus.counts.len();
    let mut class: Vec<u32> = (0..n).map(|i| (i % k) as u32).collect();
    let mut nc = vec![0i64; k];
    let mut ncc = vec![0i64; k * k];
    let mut nct = vec![0i64; k * k];
    for (w, &c) in class.iter().enumerate() {
        nc[c as usize] += corpus.counts[w];
        for &(v, cnt) in &corpus.succ[corpus.succ_at[w]..corpus.succ_at[w + 1]] {
            let cv = class[v as usize] as usize;
            ncc[c as usize * k + cv] += cnt;
            nct[cv * k + c as usize] += cnt;
        }
    }
    let f = XLogX::new();
    let mut right = vec![0i64; k];
    let mut left = vec![0i64; k];
    let (mut touched_r, mut touched_l): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 0..n {
            let nw = corpus.counts[w];
            if nw == 0 {
                continue;
            }
            let a = class[w] as usize;
            let mut selfc = 0i64;
            for &(v, cnt) in &corpus.succ[corpus.succ_at[w]..corpus.succ_at[w + 1]] {
                if v as usize == w {
                    selfc += cnt;
                    continue;
                }
                let c = class[v as usize] as usize;
                if right[c] == 0 {
                    touched_r.push(c);
                }
                right[c] += cnt;
            }
            for &(v, cnt) in &corpus.pred[corpus.pred_at[w]..corpus.pred_at[w + 1]] {
                if v as usize == w {
                    continue;
                }
                let c = class[v as usize] as usize;
                if left[c] == 0 {
                    touched_l.push(c);
                }
                left[c] += cnt;
            }
            // Take w out of its class.
            for &c in &touched_r {
                ncc[a * k + c] -= right[c];
                nct[c * k + a] -= right[c];
            }
            for &c in &touched_l {
                ncc[c * k + a] -= left[c];
                nct[a * k + c] -= left[c];
            }
            ncc[a * k + a] -= selfc;
            nct[a * k + a] -= selfc;
            nc[a] -= nw;
            // The best class to put it back in (its own on ties).
            let gain = |t: usize| {
                let mut d = 0.0;
                let row = &ncc[t * k..t * k + k];
                for &c in &touched_r {
                    if c != t {
                        let x = row[c];
                        d += f.f(x + right[c]) - f.f(x);
                    }
                }
                let col = &nct[t * k..t * k + k];
                for &c in &touched_l {
                    if c != t {
                        let x = col[c];
                        d += f.f(x + left[c]) - f.f(x);
                    }
                }
                let x = row[t];
                d += f.f(x + right[t] + left[t] + selfc) - f.f(x);
                d - 2.0 * (f.f(nc[t] + nw) - f.f(nc[t]))
            };
            let mut best = a;
            let mut best_gain = gain(a);
            for t in 0..k {
                if t != a {
                    let g = gain(t);
                    if g > best_gain + 1e-9 {
                        best = t;
                        best_gain = g;
                    }
                }
            }
            // Put it there.
            for &c in &touched_r {
                ncc[best * k + c] += right[c];
                nct[c * k + best] += right[c];
            }
            for &c in &touched_l {
                ncc[c * k + best] += left[c];
                nct[best * k + c] += left[c];
            }
            ncc[best * k + best] += selfc;
            nct[best * k + best] += selfc;
            nc[best] += nw;
            class[w] = best as u32;
            moved += usize::from(best != a);
            for &c in &touched_r {
                right[c] = 0;
            }
            for &c in &touched_l {
                left[c] = 0;
            }
            touched_r.clear();
            touched_l.clear();
        }
        if moved * 1000 < n {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        // Two families of words in different frames: animals after "the", before "ran";
        // numbers after "took", before "steps".
        let mut sents: Vec<Vec<&str>> = Vec::new();
        for animal in ["dog", "cat", "horse", "goat"] {
            for num in ["two", "three", "five", "nine"] {
                sents.push(vec!["the", animal, "ran", "and", "took", num, "steps"]);
            }
        }
        let opts = ClusterOptions {
            coarse: 4,
            fine: 8,
            iterations: 10,
            min_count: 2,
        };
        let cl = WordClusters::train(&sents, &opts);
        let fine = |w: &str| cl.get(w).expect("clustered").1;
        assert_eq!(fine("dog"), fine("cat"));
        assert_eq!(fine("horse"), fine("goat"));
        assert_eq!(fine("two"), fine("nine"));
        assert_ne!(fine("dog"), fine("two"));
        assert!(cl.get("zebra").is_none());
        let back = WordClusters::from_bytes(&cl.to_bytes()).expect("round trip");
        assert_eq!(back.get("Dog"), cl.get("dog"));
        assert_eq!(back.to_bytes(), cl.to_bytes());
    }
}
