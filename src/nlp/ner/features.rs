//! The recognizer's features: per token, static ones (words ±2, shape, affixes, tags,
//! word classes, gazetteer matches, title and first-name lists) computed once per sentence,
//! and history ones (the two previous labels, alone and with the word, shape and tag)
//! added while decoding left to right.
//!
//! Keys are stable hashes ([`crate::hash`]): the model file stores them.

use crate::hash::{finish, hash_str, mix};
use crate::model::{EntityType, Upos};
use crate::nlp::clusters::WordClusters;
use crate::resolve::gazetteer::Gazetteer;
use crate::words::{is_first_name, is_person_title};

/// Longest gazetteer name tried, in tokens.
const MAX_GAZ_TOKENS: usize = 5;

/// What the features of one sentence are computed from.
pub struct Input<'a> {
    /// Word forms as the models see them ([`crate::nlp::plain_quotes`]).
    pub forms: &'a [&'a str],
    /// Their UPOS.
    pub upos: &'a [Upos],
    /// Their XPOS.
    pub xpos: &'a [&'a str],
    /// Per token, the rule-based mention detection's name covering it
    /// ([`rule_marks`]); empty when not computed.
    pub rules: &'a [u64],
}

/// Per token of a parsed sentence: the name the rule-based mention detection
/// ([`crate::resolve::recognize`]) puts over it, as type code × 8 + position (1 begin,
/// 2 inside, 3 last, 4 unit); 0 for none. The recognizer learns when to trust them.
pub fn rule_marks(sentence: &crate::model::Sentence) -> Vec<u64> {
    let mut marks = vec![0u64; sentence.tokens.len()];
    for (r, kind) in crate::resolve::recognize(sentence) {
        if r.end > marks.len() {
            continue;
        }
        let len = r.len();
        for (k, m) in marks[r.clone()].iter_mut().enumerate() {
            let pos = match (k == 0, k + 1 == len) {
                (true, true) => 4,
                (true, false) => 1,
                (false, true) => 3,
                (false, false) => 2,
            };
            *m = gaz_kind(kind) * 8 + pos;
        }
    }
    marks
}

/// The per-token attributes of a sentence, hashed.
pub struct Prepared {
    /// Static feature keys of each token, when computed for all (training).
    statics: Vec<Vec<u64>>,
    /// What they are made of.
    cols: Columns,
    /// Per token: whether it may begin a name (a capital or digit first, a proper noun,
    /// or under a gazetteer or rule name); the others are left out when not inside one.
    pub may_begin: Vec<bool>,
}

/// The short shape of a word: letters as `X`/`x`, digits as `d`, other characters kept,
/// runs of one class collapsed (`McDonald` → `XxXx`, `U.S.` → `X.X.`, `1987` → `d`).
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if Some(k) != last || !matches!(k, 'X' | 'x' | 'd') {
            out.push(k);
        }
        last = Some(k);
        if out.len() > 12 {
            break;
        }
    }
    out
}

fn gaz_kind(kind: EntityType) -> u64 {
    match kind {
        EntityType::Person => 1,
        EntityType::Organization => 2,
        EntityType::Place => 3,
        _ => 4,
    }
}

/// Per token: the gazetteer match covering it, as (kind code, position 1 = begin,
/// 2 = inside, 3 = last, 4 = unit, country flag); 0 for none. Longest match first, left to
/// right, over words with a capital or digit start.
fn gazetteer_marks(forms: &[&str]) -> Vec<u64> {
    let gaz = Gazetteer::get();
    let n = forms.len();
    let mut marks = vec![0u64; n];
    let mut i = 0;
    let mut buf = String::new();
    while i < n {
        if !forms[i].chars().next().is_some_and(char::is_uppercase) {
            i += 1;
            continue;
        }
        let mut found = None;
        for len in (1..=MAX_GAZ_TOKENS.min(n - i)).rev() {
            if !forms[i + len - 1]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                continue;
            }
            buf.clear();
            for (k, f) in forms[i..i + len].iter().enumerate() {
                if k > 0 {
                    buf.push(' ');
                }
                buf.push_str(f);
            }
            if let Some(id) = gaz.lookup(&buf) {
                found = Some((len, gaz.entry(id)));
                break;
            }
        }
        match found {
            Some((len, e)) => {
                let kind = gaz_kind(e.kind) * 2 + u64::from(e.country);
                for k in 0..len {
                    let pos = match (k == 0, k + 1 == len) {
                        (true, true) => 4,
                        (true, false) => 1,
                        (false, true) => 3,
                        (false, false) => 2,
                    };
                    marks[i + k] = kind * 8 + pos;
                }
                i += len;
            }
            None => i += 1,
        }
    }
    marks
}

fn lower(word: &str) -> String {
    let mut buf = String::new();
    crate::hash::normalise(word, &mut buf);
    buf
}

/// Hashes a template id with values.
#[inline]
fn key(template: u64, values: &[u64]) -> u64 {
    let mut h = template.wrapping_add(0x4e45_5200);
    for v in values {
        h = mix(h, *v);
    }
    finish(h)
}

const NONE: u64 = 0x5eed;

/// The per-token columns the static features are made of.
struct Columns {
    lowers: Vec<String>,
    words: Vec<u64>,
    form_hashes: Vec<u64>,
    shapes: Vec<u64>,
    upos: Vec<u64>,
    xpos: Vec<u64>,
    classes: Vec<(u64, u64)>,
    gaz: Vec<u64>,
    rules: Vec<u64>,
    demonym: Vec<bool>,
    all_caps: u64,
}

fn at(v: &[u64], i: isize) -> u64 {
    if i < 0 {
        1
    } else {
        v.get(i as usize).copied().unwrap_or(2)
    }
}

impl Columns {
    fn new(input: &Input<'_>, clusters: &WordClusters) -> Columns {
        let lowers: Vec<String> = input.forms.iter().map(|f| lower(f)).collect();
        let words: Vec<u64> = lowers.iter().map(|w| hash_str(w)).collect();
        let form_hashes: Vec<u64> = input.forms.iter().map(|f| hash_str(f)).collect();
        let shapes: Vec<u64> = input.forms.iter().map(|f| hash_str(&shape(f))).collect();
        let upos: Vec<u64> = input.upos.iter().map(|u| *u as u64 + 1).collect();
        let xpos: Vec<u64> = input.xpos.iter().map(|x| hash_str(x)).collect();
        let classes: Vec<(u64, u64)> = input
            .forms
            .iter()
            .map(|f| {
                clusters.get(f).map_or((NONE, NONE), |(c, fi)| {
                    (u64::from(c) + 1, u64::from(fi) + 1)
                })
            })
            .collect();
        let gazetteer = Gazetteer::get();
        let demonym = input
            .forms
            .iter()
            .map(|f| gazetteer.demonym(f).is_some())
            .collect();
        let (mut upper, mut total) = (0usize, 0usize);
        for c in input
            .forms
            .iter()
            .flat_map(|f| f.chars())
            .filter(|c| c.is_alphabetic())
        {
            total += 1;
            upper += usize::from(c.is_uppercase());
        }
        Columns {
            lowers,
            words,
            form_hashes,
            shapes,
            upos,
            xpos,
            classes,
            gaz: gazetteer_marks(input.forms),
            rules: input.rules.to_vec(),
            demonym,
            all_caps: u64::from(total >= 8 && upper * 10 >= total * 9),
        }
    }

    /// The static feature keys of token `i`.
    fn statics(&self, i: usize) -> Vec<u64> {
        let n = self.words.len();
        let ii = i as isize;
        let (words, shapes, upos, gaz, rules) = (
            &self.words,
            &self.shapes,
            &self.upos,
            &self.gaz,
            &self.rules[..],
        );
        let lowers = &self.lowers;
        let w = &lowers[i];
        let chars: Vec<char> = w.chars().collect();
        let pre3: String = chars.iter().take(3).collect();
        let suf3: String = chars[chars.len().saturating_sub(3)..].iter().collect();
        let suf4: String = chars[chars.len().saturating_sub(4)..].iter().collect();
        let prev_title = i > 0 && is_person_title(lowers[i - 1].trim_end_matches('.'));
        let fname = |j: usize| u64::from(is_first_name(&lowers[j]));
        let fine = |j: isize| {
            if j < 0 || j as usize >= n {
                NONE - 1
            } else {
                self.classes[j as usize].1
            }
        };
        let all_caps = self.all_caps;
        vec![
            key(0, &[]),
            key(1, &[words[i]]),
            key(2, &[at(words, ii - 1)]),
            key(3, &[at(words, ii + 1)]),
            key(4, &[at(words, ii - 2)]),
            key(5, &[at(words, ii + 2)]),
            key(6, &[self.form_hashes[i]]),
            key(7, &[shapes[i]]),
            key(8, &[at(shapes, ii - 1), shapes[i]]),
            key(9, &[shapes[i], at(shapes, ii + 1)]),
            key(10, &[hash_str(&pre3)]),
            key(11, &[hash_str(&suf3)]),
            key(12, &[hash_str(&suf4)]),
            key(13, &[upos[i]]),
            key(14, &[at(upos, ii - 1), upos[i]]),
            key(15, &[upos[i], at(upos, ii + 1)]),
            key(16, &[self.xpos[i]]),
            key(17, &[self.classes[i].1]),
            key(18, &[self.classes[i].0]),
            key(19, &[fine(ii - 1)]),
            key(20, &[fine(ii + 1)]),
            key(21, &[gaz[i]]),
            key(22, &[at(gaz, ii - 1)]),
            key(23, &[at(gaz, ii + 1)]),
            key(24, &[u64::from(prev_title)]),
            key(25, &[fname(i)]),
            key(26, &[if i > 0 { fname(i - 1) } else { 2 }]),
            key(27, &[u64::from(self.demonym[i])]),
            key(28, &[all_caps, shapes[i]]),
            key(29, &[u64::from(i == 0), shapes[i]]),
            key(30, &[at(words, ii - 1), words[i]]),
            key(31, &[upos[i], shapes[i]]),
            key(32, &[self.classes[i].1, shapes[i]]),
            key(33, &[gaz[i], upos[i]]),
            key(34, &[all_caps, words[i]]),
            key(35, &[words[i], at(words, ii + 1)]),
            key(36, &[at(rules, ii)]),
            key(37, &[at(rules, ii - 1), at(rules, ii)]),
            key(38, &[at(rules, ii), at(rules, ii + 1)]),
            key(39, &[at(rules, ii), gaz[i]]),
            key(45, &[at(rules, ii), shapes[i]]),
        ]
    }
}

/// Computes the columns of a sentence and, with `all`, the static features of every token
/// (for training); without, [`Prepared::statics`] computes a token's when it is scored.
pub fn prepare(input: &Input<'_>, clusters: &WordClusters, all: bool) -> Prepared {
    let n = input.forms.len();
    let cols = Columns::new(input, clusters);
    let may_begin: Vec<bool> = (0..n)
        .map(|i| {
            input.forms[i]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || input.upos[i] == Upos::Propn
                || cols.gaz[i] != 0
                || input.rules.get(i).is_some_and(|&r| r != 0)
        })
        .collect();
    let statics = if all {
        (0..n).map(|i| cols.statics(i)).collect()
    } else {
        Vec::new()
    };
    Prepared {
        statics,
        cols,
        may_begin,
    }
}

impl Prepared {
    /// The history features of token `i` given the two previous labels.
    pub fn history(&self, i: usize, p1: u8, p2: u8) -> [u64; 5] {
        let (w, s, u) = (self.cols.words[i], self.cols.shapes[i], self.cols.upos[i]);
        let (p1, p2) = (u64::from(p1) + 1, u64::from(p2) + 1);
        [
            key(40, &[p1]),
            key(41, &[p1, p2]),
            key(42, &[p1, w]),
            key(43, &[p1, s]),
            key(44, &[p1, u]),
        ]
    }

    /// The static feature keys of token `i`: stored ones when computed for all tokens,
    /// otherwise computed now.
    pub fn statics(&self, i: usize) -> std::borrow::Cow<'_, [u64]> {
        match self.statics.get(i) {
            Some(f) => std::borrow::Cow::Borrowed(f),
            None => std::borrow::Cow::Owned(self.cols.statics(i)),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.cols.words.len()
    }

    /// Whether the sentence has no token.
    pub fn is_empty(&self) -> bool {
        self.cols.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("McDonald"), "XxXx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1987"), "d");
        assert_eq!(shape("e-mail"), "x-x");
    }
}
