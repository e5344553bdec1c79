//! Lemmatizer: dictionary form of a word given its Penn Treebank tag.
//!
//! In order: an exceptions table learnt from the treebank (exact form + XPOS, then lower
//! case form + XPOS → lemma); proper nouns keep the form's case; a hand-written table of
//! irregular verbs and nouns (`told` → `tell`, `children` → `child`); then suffix
//! edit-script rules learnt per XPOS for unknown words (`-ies` → `-y` for `NNS`).
//!
//! [`american`] maps British spellings of a lemma to American ones, for action labels.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::model::{BundleError, ByteReader, ByteWriter};

mod words;

use words::{
    FINAL_E_STEMS, IRREGULAR_NOUNS, IRREGULAR_VERBS, ISE_KEEP, LL_PREFIXES, NEVER_VERBS,
    NEWS_VERBS, NOT_VERB_ENDINGS, OUR_STEMS, OUR_TAILS, SHORT_VERBS, SPELLINGS, VERB_PREFIXES,
    VERBS_WITH_NOUN_ENDINGS,
};

/// Every verb lemma the lemmatizer and tagger know without training data.
pub fn known_verb_lemmas() -> impl Iterator<Item = &'static str> {
    IRREGULAR_VERBS
        .iter()
        .map(|(l, _, _)| *l)
        .chain(NEWS_VERBS.iter().copied())
}

/// Whether an action with lemma `lemma`, written `surface` in the text, can be a verb: the
/// lemma's words are letters (and hyphens), its head word has a vowel, is not one or two
/// letters (`be`, `go`, `up` are), has no noun or adjective ending (`electronic`, `hopeful`,
/// `industry`), and no word of the surface is a word that is never a verb (`pending`,
/// `dlrs`). A tagging error makes such words verbs; a statement on them is noise.
pub fn is_plausible_verb(lemma: &str, surface: &str) -> bool {
    let Some(head) = lemma.split_whitespace().next() else {
        return false;
    };
    let letters = lemma
        .split_whitespace()
        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
    let short = head.chars().count() <= 2 && !SHORT_VERBS.contains(&head);
    let noun_ending = NOT_VERB_ENDINGS.iter().any(|e| head.ends_with(e))
        && !VERBS_WITH_NOUN_ENDINGS.iter().any(|e| head.ends_with(e));
    let never = surface
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| NEVER_VERBS.contains(&w.to_lowercase().as_str()));
    letters && !short && !noun_ending && !never && head.bytes().any(is_vowel_or_y)
}

/// Past and participle forms → the first lemma of [`IRREGULAR_VERBS`] that has the form
/// (either way round: a `VBD` may be a participle form and a `VBN` a past one).
fn irregular_verbs() -> &'static FxHashMap<&'static str, &'static str> {
    static TABLE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = FxHashMap::default();
        for (lemma, past, part) in IRREGULAR_VERBS {
            for form in past.split('|').chain(part.split('|')) {
                m.entry(form).or_insert(*lemma);
            }
        }
        m
    })
}

/// Plural → singular of [`IRREGULAR_NOUNS`] (the first entry wins).
fn irregular_nouns() -> &'static FxHashMap<&'static str, &'static str> {
    static TABLE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = FxHashMap::default();
        for (plural, singular) in IRREGULAR_NOUNS {
            m.entry(*plural).or_insert(*singular);
        }
        m
    })
}

fn irregular(lower: &str, xpos: &str) -> Option<&'static str> {
    match xpos {
        "VBD" | "VBN" => irregular_verbs().get(lower).copied(),
        "NNS" | "NNPS" => irregular_nouns().get(lower).copied(),
        _ => None,
    }
}

/// Title-case adjectives that look like nationalities keep their case (`Bolivian`).
fn is_nationality(form: &str) -> bool {
    let mut chars = form.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && ["an", "ese", "ish", "i", "ic"]
            .iter()
            .any(|s| form.ends_with(s))
}

/// Lemmas decided by the shape of the word, before the learnt tables.
fn special(form: &str, xpos: &str) -> Option<String> {
    let has_digit = form.bytes().any(|b| b.is_ascii_digit());
    match xpos {
        "NNP" => {
            let n = form.chars().count();
            if n >= 5 && form.chars().all(|c| c.is_ascii_uppercase()) {
                let mut out: String = form[..1].to_owned();
                out.push_str(&form[1..].to_ascii_lowercase());
                Some(out)
            } else {
                Some(form.to_owned())
            }
        }
        "CD" if has_digit => {
            let plain = form
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
            Some(if plain {
                form.replace(',', "")
            } else {
                form.to_owned()
            })
        }
        "SYM" | "LS" | "ADD" => Some(form.to_owned()),
        _ if !form.chars().any(char::is_alphanumeric) => Some(form.to_owned()),
        _ if has_digit && form.chars().any(char::is_alphabetic) => Some(form.to_owned()),
        _ => None,
    }
}

/// A trained lemmatizer.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    exact: Table<String>,
    lower: Table<String>,
    rules: Table<(u8, String)>,
    /// Verb lemmas that choose among the stems of an unknown `-ed`/`-ing` form (the tagger's
    /// verb lexicon, given by [`Lemmatizer::know_verbs`]; not part of the file format).
    verbs: FxHashSet<String>,
}

/// A map keyed by (word or suffix, XPOS), stored per tag so that a lookup needs no key
/// string built for it. Its serialised keys are `word\tXPOS`.
#[derive(Clone, Debug)]
struct Table<V> {
    by_xpos: FxHashMap<String, FxHashMap<String, V>>,
}

impl<V> Default for Table<V> {
    fn default() -> Table<V> {
        Table {
            by_xpos: FxHashMap::default(),
        }
    }
}

impl<V> Table<V> {
    fn get(&self, word: &str, xpos: &str) -> Option<&V> {
        self.by_xpos.get(xpos)?.get(word)
    }

    /// The words of one tag.
    fn tag(&self, xpos: &str) -> Option<&FxHashMap<String, V>> {
        self.by_xpos.get(xpos)
    }

    fn insert(&mut self, word: &str, xpos: &str, v: V) {
        self.by_xpos
            .entry(xpos.to_owned())
            .or_default()
            .insert(word.to_owned(), v);
    }

    /// Inserts under a serialised `word\tXPOS` key.
    fn insert_key(&mut self, key: &str, v: V) -> Result<(), BundleError> {
        let (word, xpos) = key
            .rsplit_once('\t')
            .ok_or_else(|| BundleError::Malformed(format!("lemmatizer key {key:?} has no tab")))?;
        self.insert(word, xpos, v);
        Ok(())
    }

    fn remove(&mut self, word: &str, xpos: &str) {
        if let Some(m) = self.by_xpos.get_mut(xpos) {
            m.remove(word);
        }
    }

    /// Every entry under its serialised key, sorted by key.
    fn entries(&self) -> Vec<(String, &V)> {
        let mut out: Vec<(String, &V)> = self
            .by_xpos
            .iter()
            .flat_map(|(xpos, m)| m.iter().map(move |(w, v)| (key(w, xpos), v)))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }
}

const MAX_SUFFIX: usize = 6;

fn key(form: &str, xpos: &str) -> String {
    let mut k = String::with_capacity(form.len() + xpos.len() + 1);
    k.push_str(form);
    k.push('\t');
    k.push_str(xpos);
    k
}

fn is_proper(xpos: &str) -> bool {
    xpos == "NNP" || xpos == "NNPS"
}

/// Edit script turning `from` into `to`: chars to strip from the end, then text to append.
fn edit_script(from: &str, to: &str) -> (usize, String) {
    let common = from
        .chars()
        .zip(to.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let strip = from.chars().count() - common;
    let append: String = to.chars().skip(common).collect();
    (strip, append)
}

fn apply_script(form: &str, strip: usize, append: &str) -> Option<String> {
    let n = form.chars().count();
    if strip >= n {
        return None;
    }
    let cut = form
        .char_indices()
        .nth(n - strip)
        .map_or(form.len(), |(i, _)| i);
    Some(format!("{}{}", &form[..cut], append))
}

fn most_frequent<K: Ord + Clone>(counts: &BTreeMap<K, u32>) -> Option<(K, u32)> {
    let mut best: Option<(&K, u32)> = None;
    for (k, n) in counts {
        if best.is_none_or(|(_, b)| *n > b) {
            best = Some((k, *n));
        }
    }
    best.map(|(k, n)| (k.clone(), n))
}

impl Lemmatizer {
    /// Learns from (form, xpos, lemma) triples.
    pub fn train<'a>(words: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Lemmatizer {
        let mut exact: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        let mut lower: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        let mut types: BTreeMap<(String, String, String), ()> = BTreeMap::new();
        for (form, xpos, lemma) in words {
            if lemma == "_" || lemma.is_empty() {
                continue;
            }
            *exact
                .entry(key(form, xpos))
                .or_default()
                .entry(lemma.to_owned())
                .or_default() += 1;
            let lf = form.to_lowercase();
            if !is_proper(xpos) {
                *lower
                    .entry(key(&lf, xpos))
                    .or_default()
                    .entry(lemma.to_owned())
                    .or_default() += 1;
            }
            types.insert((xpos.to_owned(), lf, lemma.to_lowercase()), ());
        }
        // Suffix rules, counted over word types.
        let mut rule_counts: BTreeMap<String, BTreeMap<(usize, String), u32>> = BTreeMap::new();
        for (xpos, lf, ll) in types.keys() {
            let script = edit_script(lf, ll);
            let chars: Vec<char> = lf.chars().collect();
            for n in 0..=MAX_SUFFIX.min(chars.len().saturating_sub(1)) {
                let sfx: String = chars[chars.len() - n..].iter().collect();
                *rule_counts
                    .entry(key(&sfx, xpos))
                    .or_default()
                    .entry(script.clone())
                    .or_default() += 1;
            }
        }
        let mut rules = Table::default();
        for (k, counts) in &rule_counts {
            let total: u32 = counts.values().sum();
            let Some(((strip, append), n)) = most_frequent(counts) else {
                continue;
            };
            let is_default = k.starts_with('\t');
            if (is_default || total >= 2) && n * 2 > total && strip < 256 {
                let (sfx, xpos) = k.rsplit_once('\t').expect("key has a tab");
                rules.insert(sfx, xpos, (strip as u8, append));
            }
        }
        let mut lem = Lemmatizer {
            exact: Table::default(),
            lower: Table::default(),
            rules,
            verbs: FxHashSet::default(),
        };
        for (k, counts) in &lower {
            if let Some((l, _)) = most_frequent(counts) {
                let (form, xpos) = k.rsplit_once('\t').expect("key has a tab");
                lem.lower.insert(form, xpos, l);
            }
        }
        // Drop lower-case entries the rules already produce.
        for (k, want) in &lower {
            let (form, xpos) = k.rsplit_once('\t').expect("key has a tab");
            let Some(want) = most_frequent(want).map(|(l, _)| l) else {
                continue;
            };
            if special(form, xpos).unwrap_or_else(|| lem.by_rules(form, xpos)) == want {
                lem.lower.remove(form, xpos);
            }
        }
        for (k, counts) in &exact {
            if let Some((l, _)) = most_frequent(counts) {
                let (form, xpos) = k.rsplit_once('\t').expect("key has a tab");
                // Keep only entries the rest of the lemmatizer would get wrong.
                let without = lem.lemmatize_inner(form, xpos, false);
                if without != l {
                    lem.exact.insert(form, xpos, l);
                }
            }
        }
        lem
    }

    fn by_rules(&self, form: &str, xpos: &str) -> String {
        self.by_rules_lower(form, &form.to_lowercase(), xpos)
    }

    /// [`Lemmatizer::by_rules`] given the lower-case form `lf` as well.
    fn by_rules_lower(&self, form: &str, lf: &str, xpos: &str) -> String {
        let keep_case = is_proper(xpos) || (xpos.starts_with("JJ") && is_nationality(form));
        let base = if keep_case { form } else { lf };
        if let Some(l) = irregular(lf, xpos) {
            return l.to_owned();
        }
        if matches!(xpos, "VBD" | "VBN" | "VBG")
            && let Some(l) = self.inflected_verb(lf, xpos)
        {
            return l;
        }
        let Some(rules) = self.rules.tag(xpos) else {
            return base.to_owned();
        };
        // Suffixes of 0..=MAX_SUFFIX characters (never the whole word), longest first.
        let n_chars = lf.chars().count();
        let longest = MAX_SUFFIX.min(n_chars.saturating_sub(1));
        let starts = lf
            .char_indices()
            .map(|(b, _)| b)
            .skip(n_chars - longest)
            .chain(std::iter::once(lf.len()));
        for start in starts {
            if let Some((strip, append)) = rules.get(&lf[start..])
                && let Some(l) = apply_script(base, *strip as usize, append)
            {
                let inflected = lf.ends_with("ed") || lf.ends_with("ing");
                if matches!(xpos, "VBD" | "VBN" | "VBG") && inflected {
                    if needs_final_e(&l) {
                        return l + "e";
                    }
                    if let Some(stem) = l.strip_suffix('e')
                        && vowel_pair_takes_no_e(stem)
                    {
                        return stem.to_owned();
                    }
                }
                return l;
            }
        }
        base.to_owned()
    }

    /// Adds verb lemmas to the lexicon that chooses among the stems of unknown `-ed` and
    /// `-ing` forms (`favored` → `favor`, not `favore`). [`crate::nlp::Nlp`] gives it the
    /// tagger's verbs when it loads a model.
    pub fn know_verbs(&mut self, verbs: impl IntoIterator<Item = String>) {
        self.verbs.extend(verbs);
    }

    /// Whether `lemma` is a verb the lexicon knows, in either spelling (`favour`, `favor`).
    fn is_known_verb(&self, lemma: &str) -> bool {
        static BUILT_IN: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
        let built_in = BUILT_IN.get_or_init(|| known_verb_lemmas().collect());
        let known = |w: &str| self.verbs.contains(w) || built_in.contains(w);
        known(lemma) || {
            let us = american(lemma);
            us != lemma && known(&us)
        }
    }

    /// The lemma of a regular `-ed`/`-ing` form by English spelling rules, the verb
    /// lexicon choosing among the candidate stems; `None` for a word these rules do not
    /// cover (then the learnt suffix rules decide).
    ///
    /// In order: a prefix on an irregular verb (`underwritten` → `underwrite`); the form
    /// itself when it is a verb in `-eed` (`exceed`) or its stem has no vowel (`string`); the first
    /// candidate stem the lexicon knows, also behind a prefix (`reuniting` → `reunite`);
    /// then spelling alone: `-ying` after one letter is `-ie` (`vying` → `vie`), `-ied` is
    /// `-y`, a doubled consonant is undoubled (`starring` → `star`) except `-ss`, `-zz`,
    /// `-ff` and `-ll` (British `totalled` → `total` but `recalled` → `recall`), a
    /// one-syllable consonant–vowel–consonant stem takes an `e` (`lined` → `line`); other
    /// stems are left to the learnt rules.
    fn inflected_verb(&self, lf: &str, xpos: &str) -> Option<String> {
        if !lf.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            return None;
        }
        if xpos != "VBG" {
            for p in VERB_PREFIXES {
                if let Some(rest) = lf.strip_prefix(p)
                    && rest.len() >= 3
                    && let Some(l) = irregular_verbs().get(rest)
                {
                    return Some(format!("{p}{l}"));
                }
            }
        }
        let (stem, ing) = match (lf.strip_suffix("ing"), lf.strip_suffix("ed")) {
            (Some(s), _) if xpos == "VBG" => (s, true),
            (_, Some(s)) if xpos != "VBG" => (s, false),
            _ => return None,
        };
        let verb_in_eed = lf.ends_with("eed") && self.is_known_verb(lf);
        if stem.len() < 2 || verb_in_eed || !stem.bytes().any(is_vowel_or_y) {
            return (stem.len() >= 2 || ing).then(|| lf.to_owned());
        }
        let candidates = stem_candidates(stem, ing);
        if let Some(c) = candidates.iter().find(|c| self.is_known_verb(c)) {
            return Some(c.clone());
        }
        for p in VERB_PREFIXES {
            if let Some(rest) = stem.strip_prefix(p)
                && rest.len() >= 3
                && let Some(c) = stem_candidates(rest, ing)
                    .into_iter()
                    .find(|c| self.is_known_verb(c))
            {
                return Some(format!("{p}{c}"));
            }
        }
        spelled_stem(stem, ing)
    }

    /// The lemma of `form` tagged `xpos` (Penn Treebank tag).
    pub fn lemmatize(&self, form: &str, xpos: &str) -> String {
        self.lemmatize_inner(form, xpos, true)
    }

    fn lemmatize_inner(&self, form: &str, xpos: &str, use_exact: bool) -> String {
        if use_exact && let Some(l) = self.exact.get(form, xpos) {
            return l.clone();
        }
        if let Some(l) = special(form, xpos) {
            return l;
        }
        let lf = form.to_lowercase();
        if !is_proper(xpos)
            && let Some(l) = self.lower.get(&lf, xpos)
        {
            return l.clone();
        }
        self.by_rules_lower(form, &lf, xpos)
    }

    /// Serialises the lemmatizer.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        for map in [&self.exact, &self.lower] {
            let entries = map.entries();
            w.u32(entries.len() as u32);
            for (k, v) in entries {
                w.str(&k);
                w.str(v);
            }
        }
        let rules = self.rules.entries();
        w.u32(rules.len() as u32);
        for (k, (strip, append)) in rules {
            w.str(&k);
            w.u8(*strip);
            w.str(append);
        }
        w.buf
    }

    /// Reads a lemmatizer written by [`Lemmatizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Lemmatizer, BundleError> {
        let mut r = ByteReader::new(bytes);
        let mut maps = [Table::default(), Table::default()];
        for map in &mut maps {
            let n = r.count(8)?;
            for _ in 0..n {
                let k = r.str()?;
                map.insert_key(k, r.str()?.to_owned())?;
            }
        }
        let n = r.count(9)?;
        let mut rules = Table::default();
        for _ in 0..n {
            let k = r.str()?;
            let strip = r.u8()?;
            rules.insert_key(k, (strip, r.str()?.to_owned()))?;
        }
        let [exact, lower] = maps;
        Ok(Lemmatizer {
            exact,
            lower,
            rules,
            verbs: FxHashSet::default(),
        })
    }
}

fn is_vowel_or_y(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Number of vowel groups (`y` after a consonant counts): roughly the syllables.
fn syllables(w: &str) -> usize {
    let b = w.as_bytes();
    (0..b.len())
        .filter(|&i| {
            let v = is_vowel(b[i]) || (b[i] == b'y' && i > 0 && !is_vowel(b[i - 1]));
            v && (i == 0 || !(is_vowel(b[i - 1]) || b[i - 1] == b'y' && i > 1))
        })
        .count()
}

/// A one-syllable stem ending consonant–vowel–consonant (`lin`, `hop`; not `w`, `x`, `y`):
/// such a verb would have doubled its consonant, so an undoubled form had a final `e`.
fn is_short_cvc(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    n >= 2
        && syllables(stem) == 1
        && !is_vowel_or_y(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x')
        && is_vowel(b[n - 2])
        && (n == 2 || !is_vowel(b[n - 3]))
}

/// The stem with its doubled final consonant undoubled (`starr` → `star`).
fn undoubled(stem: &str) -> Option<&str> {
    let b = stem.as_bytes();
    let n = b.len();
    (n >= 3 && b[n - 1] == b[n - 2] && !is_vowel_or_y(b[n - 1])).then(|| &stem[..n - 1])
}

/// The verb candidates of the stem left by stripping `-ing` (`ing`) or `-ed`, most likely
/// first.
fn stem_candidates(stem: &str, ing: bool) -> Vec<String> {
    let mut out = Vec::with_capacity(3);
    if ing && stem.len() == 2 && stem.ends_with('y') {
        out.push(format!("{}ie", &stem[..1]));
    }
    if !ing && let Some(t) = stem.strip_suffix('i') {
        out.push(format!("{t}y"));
    }
    if !ing && stem.ends_with('e') {
        out.push(format!("{stem}e"));
    }
    if let Some(u) = undoubled(stem) {
        out.push(u.to_owned());
        out.push(stem.to_owned());
    } else if is_short_cvc(stem) {
        out.push(format!("{stem}e"));
        out.push(stem.to_owned());
    } else {
        out.push(stem.to_owned());
        out.push(format!("{stem}e"));
    }
    out
}

/// The lemma of an `-ed`/`-ing` stem by spelling alone (see [`Lemmatizer::inflected_verb`]);
/// `None` for a stem that spelling does not decide (the learnt rules do).
fn spelled_stem(stem: &str, ing: bool) -> Option<String> {
    if ing && stem.len() == 2 && stem.ends_with('y') {
        return Some(format!("{}ie", &stem[..1]));
    }
    if !ing && let Some(t) = stem.strip_suffix('i') {
        return Some(if t.len() >= 2 {
            format!("{t}y")
        } else {
            format!("{stem}e")
        });
    }
    if !ing && stem.ends_with('e') {
        // `freed`, `agreed`: the verb ends in `-ee`
        return Some(format!("{stem}e"));
    }
    if let Some(u) = undoubled(stem) {
        return Some(match stem.as_bytes()[stem.len() - 1] {
            b's' | b'z' | b'f' => stem.to_owned(),
            b'l' if !british_ll(u) => stem.to_owned(),
            _ => u.to_owned(),
        });
    }
    is_short_cvc(stem).then(|| format!("{stem}e"))
}

/// A stem ending in two vowels and a consonant after which English writes no silent `e`
/// (`chair`, `plead`, `float`, `scoop`, `shout`); `s`, `z`, `v`, `c`, `g` (`cause`,
/// `seize`, `leave`) and `-eat`, `-iat`, `-uat` (`create`, `negotiate`) may take one.
fn vowel_pair_takes_no_e(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 3 || is_vowel_or_y(b[n - 1]) || matches!(b[n - 1], b's' | b'z' | b'v' | b'c' | b'g') {
        return false;
    }
    let pair = &stem[n - 3..n - 1];
    match pair {
        "ai" | "oa" | "oo" | "ou" | "ee" | "ei" | "au" | "oi" => true,
        "ea" => b[n - 1] != b't',
        _ => false,
    }
}

/// Whether `base` (the stem with one `l` of `-ll` removed) is a verb of two or more
/// syllables, which British spelling doubles (`total` → `totalled`, `travel` →
/// `travelling`), rather than a one-syllable `-ll` verb behind a prefix (`recall`).
fn british_ll(base: &str) -> bool {
    syllables(base) >= 2
        && base
            .strip_suffix('l')
            .is_some_and(|b| b.ends_with(|c: char| "aeiou".contains(c)))
        && !LL_PREFIXES
            .iter()
            .any(|p| base.strip_prefix(p).is_some_and(|r| syllables(r) == 1))
}

/// Stems of unknown verbs left by stripping `-ed`/`-ing` that lost a final `e`
/// (`declin` → `decline`, `interfer` → `interfere`, `argu` → `argue`), by English spelling
/// patterns: words never end in `v`, `u`, `z`, a lone `c` or `-ced`; consonant + `in`/`id`/`il`/`le`
/// endings, `-ate`, `-ise`, `-use`, `-ose`, `-ude`, `-ure`… and a short list of the rest.
fn needs_final_e(stem: &str) -> bool {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 || stem.ends_with('e') || !stem.is_ascii() {
        return false;
    }
    if FINAL_E_STEMS.contains(&stem) {
        return true;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let last = b[n - 1];
    let prev = b[n - 2];
    let before = if n >= 3 { b[n - 3] } else { b'a' };
    let ends = |s: &str| stem.ends_with(s);
    match last {
        b'v' | b'u' => true,
        b'z' => prev != b'z',
        b'c' => true,
        b'l' => {
            matches!(
                prev,
                b'b' | b'c' | b'd' | b'f' | b'g' | b'k' | b'p' | b't' | b'z'
            ) || (prev == b'i' && !vowel(before) && n >= 4)
        }
        b'n' => prev == b'i' && !vowel(before) && n >= 5,
        b'd' => {
            // `conced`, `preced`, `reced`: no English verb ends in `-ced`
            ends("ced")
                || (prev == b'i' && !vowel(before) && n >= 4)
                || ends("ud") && n >= 4 && !vowel(before)
                || (prev == b'o' && !vowel(before) && n >= 4)
                || (prev == b'a' && !vowel(before) && n >= 4)
        }
        b'g' => matches!(prev, b'r' | b'd' | b'l') || (prev == b'a' && n >= 5),
        b'b' => prev == b'i' && n >= 4,
        b'k' => prev == b'o' && !vowel(before),
        b't' => {
            (ends("at") && !ends("eat") && !ends("oat") && n >= 5)
                || (ends("ut") && n >= 5 && !vowel(before))
        }
        b's' => {
            matches!(prev, b'r' | b'n' | b'p')
                || ends("os")
                || (ends("as") && !ends("ias"))
                || (ends("is") && n >= 4)
                || ends("ys")
                || (ends("us")
                    && !ends("ous")
                    && !matches!(stem, "focus" | "bonus" | "bus" | "census" | "bias"))
        }
        b'm' => ends("sum"),
        b'r' => {
            (ends("ar") && !ends("ear") && !ends("oar") && n >= 4)
                || (ends("ir") && !ends("stir") && !ends("air"))
                || (ends("ur") && !ends("our") && n >= 5)
                // `centr`, `manoeuvr`, `massacr`: no English word ends consonant + `r`
                || (!vowel(prev) && prev != b'r' && prev != b'y')
        }
        b'i' => n == 2,
        _ => false,
    }
}

/// Maps a British spelling of a lemma to the American one (`organise` → `organize`,
/// `labour` → `labor`, `co-operate` → `cooperate`, `defence` → `defense`,
/// `centre` → `center`, `programme` → `program`); other lemmas come back unchanged.
///
/// ```
/// use actorgraph::nlp::lemma::american;
/// assert_eq!(american("co-operate"), "cooperate");
/// assert_eq!(american("criticise"), "criticize");
/// assert_eq!(american("honour"), "honor");
/// assert_eq!(american("tour"), "tour");
/// assert_eq!(american("advise"), "advise");
/// ```
pub fn american(lemma: &str) -> Cow<'_, str> {
    static SPELLING_MAP: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    let spellings = SPELLING_MAP.get_or_init(|| SPELLINGS.iter().copied().collect());
    if let Some(us) = spellings.get(lemma) {
        return Cow::Borrowed(us);
    }
    if let Some(rest) = lemma.strip_prefix("co-o") {
        return Cow::Owned(format!("coo{rest}"));
    }
    // every `-our` rewrite needs `our` in the word
    if lemma.as_bytes().windows(3).any(|w| w == b"our") {
        for stem in OUR_STEMS {
            if let Some(rest) = lemma.strip_prefix(stem).and_then(|r| r.strip_prefix("our"))
                && OUR_TAILS.contains(&rest)
            {
                return Cow::Owned(format!("{stem}or{rest}"));
            }
        }
    }
    for (uk, us) in [("isation", "ization"), ("ise", "ize"), ("yse", "yze")] {
        if let Some(stem) = lemma.strip_suffix(uk) {
            let keep = lemma.ends_with("wise")
                || ISE_KEEP
                    .iter()
                    .any(|k| lemma == *k || (k.len() >= 6 && lemma.ends_with(k)));
            if !keep
                && stem.chars().count() >= 3
                && stem.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            {
                return Cow::Owned(format!("{stem}{us}"));
            }
        }
    }
    Cow::Borrowed(lemma)
}

#[cfg(test)]
mod tests;
