//! Tree repairs: local, general fixes for dependency-parse errors that our parser makes
//! on news text and that would otherwise cost a statement or give it the wrong actor.
//!
//! Each repair recognises a configuration that a well-formed tree of English cannot have
//! (two subjects on one verb, a relative clause in which `that` has no role) or a
//! lemma the lemmatiser cut short, and rewrites only the arcs involved. They run once,
//! in order, when a [`Parse`](super::Parse) is built:
//!
//! 1. [`split_name`]: `Ann Lee, Bo Chan and Cy Park` parsed with `Bo` and `Chan` as two
//!    conjuncts: two capitalised proper nouns with nothing between them are one name.
//! 2. [`flat_name_head`]: `Julian Okafor` with the first name tagged as an adjective
//!    heading the surname as `flat`: it is a proper noun.
//! 3. [`adverb_root`]: `However, Jane Doe, the party's chair conceded that …` parsed with
//!    the adverb as the root and the verb as a clause of the subject's apposition: the
//!    verb is the root and takes the subject.
//! 4. [`possessor_subject`]: `Ruritania's Prime Minister Jane Doe warned` parsed with both
//!    `Ruritania` and `Doe` as subjects: the one carrying `'s` is the possessor of the
//!    next one.
//! 5. [`subordinator_subject`]: `The dispute began after the ministry published a report`
//!    parsed with `after` as a preposition of `ministry` and two subjects on `published`:
//!    `after` is the mark of the clause and the first subject does not belong to it.
//! 6. [`that_as_subject`]: `Officials warned that the plan would fail` parsed with `that`
//!    as a second subject of `fail`: it is the clause's subordinator.
//! 7. [`fronted_apposition`]: `The country's finance minister, Jane Doe warned` parsed with
//!    the title phrase as a bare oblique or a second subject of the verb: it is an
//!    apposition of the subject.
//! 8. [`name_before_apposition`]: `Jane Doe, the minister's chief of staff said` parsed
//!    with the name as a compound of `chief`: the name heads the subject and the
//!    description is its apposition.
//! 9. [`quoted_speaker`]: `"We will appeal," Jane Doe, the club's lawyer, told reporters`
//!    parsed with the speaker hanging inside the quotation: it is the reporting verb's
//!    subject.
//! 10. [`complement_as_relative`]: `She warned on Monday that the talks would fail` parsed
//!     with the `that` clause as a relative clause of `Monday`: when `that` has no role
//!     inside the clause and the clause has its own subject, it is the reporting verb's
//!     complement.
//! 11. [`caseless_nmod`]: `used the broker Helix Capital accounts` parsed with
//!     `accounts` a bare `nmod` of `broker`: a noun right after a noun, with no
//!     preposition, heads the phrase.
//! 12. [`participle_as_object`]: `The report says Ruritania has "meddled" in the vote`
//!     parsed (the quotes derail it) with `has` as the main verb and `meddled` as its
//!     object: a past participle cannot be the object of `have`, it is the predicate and
//!     `have` its auxiliary.
//! 13. [`stative_adjective`]: `Two firms were involved in the fraud` parsed with
//!     `involved` as an adjective after a copula: a participle of the stative-passive
//!     lexicon (`involve`, `engage`, `implicate`…) is the passive verb.
//! 14. [`adjective_after_have`]: `The minister had repeatedly denied bribery claims`
//!     parsed with `denied` as an adjective of `claims` and `had` as the verb: a
//!     participle right after `have` whose verb is a reporting or support verb of the
//!     lexicon (and not a hedge like `alleged`) is the predicate.
//! 15. [`perfect_adjective`]: the same participle parsed as an adjective that carries
//!     `had` as its auxiliary: an adjective takes no perfect `have`, it is the verb.
//! 16. [`subject_before_clause`]: `Governor-elect Jane Doe had rejected the offer` parsed
//!     with `Doe` the object of `elect` and `rejected` a subjectless `parataxis`: a clause
//!     with an auxiliary needs a subject, and the name right before it is it.
//! 17. [`bare_complement`]: `She denied the payments had reached the party` parsed with
//!     `payments` as the object of `denied` and `reached` hanging elsewhere without a
//!     subject: a finite clause with no subject right after a reporting verb's object is
//!     the verb's complement, and the object is its subject.
//! 18. [`that_with_object`]: `He said that local courts blocked the plan` parsed with
//!     `that` (the verb's object or complement) taking `courts` as its object and
//!     `blocked` as a reduced relative of `courts`: a subordinating `that` heads no noun,
//!     so the participle-looking verb is the reported clause and the noun its subject.
//! 19. [`gerund_after_event_noun`]: `She was accused of involvement in planning the raid`
//!     parsed with `planning` a clause of `accused`: a gerund right after an event noun
//!     (`involvement in planning`) belongs to the noun.
//! 20. [`lemma_final_e`]: a reporting verb lemmatised without its final `e`
//!     (`conceded` → `conced`) gets it back when the lexicon knows the full lemma.
//!
//! The parsers we train differ in their habits, so a repair accepts the configurations
//! of more than one of them (`that` as the object or as the complement of `said`), and
//! leaves a tree that is already right alone.

use crate::model::{Token, Upos};

use super::lexicon;

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

/// Subordinating words that the parser sometimes takes for a preposition of the
/// following subject (`after the ministry published …`).
const SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "until", "till", "once", "as", "because", "while", "when",
    "although", "though", "whereas", "unless",
];

impl<'a> Draft<'a> {
    fn len(&self) -> usize {
        self.heads.len()
    }

    fn base(&self, i: usize) -> &str {
        super::tree::base_rel(self.rels[i])
    }

    fn children(&self, h: usize) -> Vec<usize> {
        (0..self.len())
            .filter(|&c| self.heads[c] == Some(h))
            .collect()
    }

    fn children_base(&self, h: usize, base: &str) -> Vec<usize> {
        (0..self.len())
            .filter(|&c| self.heads[c] == Some(h) && self.base(c) == base)
            .collect()
    }

    /// True when `d` is `h` or below it.
    fn dominates(&self, h: usize, mut d: usize) -> bool {
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
    fn extent(&self, h: usize) -> (usize, usize) {
        let mut lo = h;
        let mut hi = h;
        for t in 0..self.len() {
            if self.dominates(h, t) {
                lo = lo.min(t);
                hi = hi.max(t);
            }
        }
        (lo, hi)
    }

    fn is_possessive_mark(&self, t: usize) -> bool {
        self.base(t) == "case" && matches!(self.lower[t].as_str(), "'s" | "’s" | "'" | "’")
    }

    fn has_possessive(&self, n: usize) -> bool {
        self.children(n).iter().any(|&c| self.is_possessive_mark(c))
    }

    /// Moves `t` under `head` with relation `rel`, unless that would make a cycle.
    fn attach(&mut self, t: usize, head: usize, rel: &'a str) -> bool {
        if t == head || self.dominates(t, head) {
            return false;
        }
        self.heads[t] = Some(head);
        self.rels[t] = rel;
        true
    }
}

/// Runs every repair, in order.
pub(crate) fn apply(d: &mut Draft<'_>, tokens: &[Token]) {
    split_name(d, tokens);
    flat_name_head(d, tokens);
    adverb_root(d, tokens);
    possessor_subject(d);
    subordinator_subject(d);
    that_as_subject(d);
    fronted_apposition(d, tokens);
    name_before_apposition(d);
    quoted_speaker(d, tokens);
    complement_as_relative(d);
    caseless_nmod(d);
    participle_as_object(d, tokens);
    stative_adjective(d, tokens);
    adjective_after_have(d, tokens);
    perfect_adjective(d, tokens);
    subject_before_clause(d);
    bare_complement(d);
    that_with_object(d, tokens);
    gerund_after_event_noun(d, tokens);
    lemma_final_e(d, tokens);
}

/// The verbs with two or more (active or passive) subjects, with those subjects in order.
fn double_subjects(d: &Draft<'_>) -> Vec<Vec<usize>> {
    // One pass over the tokens instead of one per verb: subjects grouped by head, each
    // group in token order, the groups in the order of their verbs.
    let mut by_head: Vec<Vec<usize>> = vec![Vec::new(); d.len()];
    for c in 0..d.len() {
        if let Some(h) = d.heads[c]
            && d.base(c) == "nsubj"
        {
            by_head[h].push(c);
        }
    }
    by_head.into_iter().filter(|s| s.len() >= 2).collect()
}

/// `Ruritania's Prime Minister Jane Doe warned …` with two subjects on `warned`: a subject
/// ending in a possessive `'s` right before the next subject's phrase is its possessor.
pub(crate) fn possessor_subject(d: &mut Draft<'_>) {
    for subjects in double_subjects(d) {
        for w in subjects.windows(2) {
            let (a, b) = (w[0], w[1]);
            if !d.has_possessive(a) {
                continue;
            }
            let (_, a_end) = d.extent(a);
            let (b_start, _) = d.extent(b);
            if a_end + 1 == b_start {
                d.attach(a, b, "nmod:poss");
            }
        }
    }
}

/// `The dispute began after the ministry published a report` with `after` a `case` of
/// `ministry` and two subjects on `published`: the word is the clause's mark, and the
/// earlier subject (whose own verb the parser missed) leaves the clause.
pub(crate) fn subordinator_subject(d: &mut Draft<'_>) {
    for subjects in double_subjects(d) {
        let Some(v) = d.heads[subjects[0]] else {
            continue;
        };
        for w in subjects.windows(2) {
            let (a, b) = (w[0], w[1]);
            let Some(c) = d
                .children_base(b, "case")
                .into_iter()
                .find(|&c| c > a && c < b && SUBORDINATORS.contains(&d.lower[c].as_str()))
            else {
                continue;
            };
            if d.attach(c, v, "mark") {
                d.upos[c] = Upos::Sconj;
                d.rels[a] = "dep";
            }
        }
    }
}

/// `The country's finance minister, Jane Doe warned …` with `minister` a bare `obl` of
/// the verb, or a second subject, right before `, Doe` (the verb's last subject): the
/// title phrase is an apposition of the subject.
pub(crate) fn fronted_apposition(d: &mut Draft<'_>, tokens: &[Token]) {
    // This repair only relabels arcs `appos` and `punct`, so no token becomes a subject
    // while it runs: the subjects found up front, rechecked as the loop goes, are all the
    // candidates.
    let subjects: Vec<usize> = (0..d.len()).filter(|&c| d.base(c) == "nsubj").collect();
    for v in 0..d.len() {
        let Some(s) = subjects
            .iter()
            .copied()
            .rfind(|&c| d.heads[c] == Some(v) && d.base(c) == "nsubj")
        else {
            continue;
        };
        for o in d.children(v) {
            if !(d.rels[o] == "obl" || (d.base(o) == "nsubj" && o != s))
                || o > s
                || !matches!(d.upos[o], Upos::Noun)
                || d.children(o)
                    .iter()
                    .any(|&c| d.base(c) == "case" && !d.is_possessive_mark(c))
            {
                continue;
            }
            let (_, o_end) = d.extent(o);
            let (s_start, _) = d.extent(s);
            let comma = o_end + 1;
            if comma + 1 == s_start
                && tokens[comma].form == ","
                && matches!(d.upos[s], Upos::Propn)
                && d.attach(o, s, "appos")
            {
                d.attach(comma, o, "punct");
            }
        }
    }
}

/// `Jane Doe, the minister's chief of staff said …` with `Jane` a `compound` of `chief`:
/// a name followed by a comma and a fresh noun phrase (one opening with a determiner or a
/// possessive) heads the subject, and the description is its apposition.
pub(crate) fn name_before_apposition(d: &mut Draft<'_>) {
    for h in 0..d.len() {
        if d.upos[h] != Upos::Noun || d.base(h) != "nsubj" {
            continue;
        }
        let Some(name) = d
            .children_base(h, "compound")
            .into_iter()
            .find(|&c| d.upos[c] == Upos::Propn)
        else {
            continue;
        };
        // the name's own run: the word and its `flat` parts right after it
        let mut end = name;
        while end + 1 < h && d.heads[end + 1] == Some(name) && d.base(end + 1) == "flat" {
            end += 1;
        }
        let comma = end + 1;
        if comma + 1 >= h || d.lower[comma] != "," {
            continue;
        }
        // the phrase after the comma must open afresh
        let opener = comma + 1;
        let fresh = d.upos[opener] == Upos::Det && d.dominates(h, opener)
            || d.has_possessive(opener) && d.extent(opener).1 < h;
        if !fresh {
            continue;
        }
        let (Some(gov), rel) = (d.heads[h], d.rels[h]) else {
            continue;
        };
        // the name takes the subject's place; what followed the comma moves to `h`
        for c in d.children(name) {
            if c > comma {
                if d.has_possessive(c) {
                    d.attach(c, h, "nmod:poss");
                } else {
                    d.attach(c, h, d.rels[c]);
                }
            }
        }
        d.heads[name] = Some(gov);
        d.rels[name] = rel;
        d.heads[h] = Some(name);
        d.rels[h] = "appos";
        d.heads[comma] = Some(h);
        d.rels[comma] = "punct";
    }
}

/// `She warned on Monday that the talks would fail` with the `that` clause attached as a
/// relative clause of `Monday`: a clause that opens with `that`, gives `that` no role of
/// subject or object, and has a subject of its own is the complement of the reporting
/// verb that governs the noun (when that verb has no complement yet).
pub(crate) fn complement_as_relative(d: &mut Draft<'_>) {
    for r in 0..d.len() {
        if d.rels[r] != "acl:relcl" {
            continue;
        }
        let Some(n) = d.heads[r] else { continue };
        let Some(v) = d.heads[n] else { continue };
        if d.upos[v] != Upos::Verb
            || lexicon::speech_class(&d.lemmas[v]).is_none()
            || !matches!(d.base(n), "obl" | "obj" | "iobj")
            || !d.children_base(v, "ccomp").is_empty()
        {
            continue;
        }
        let (start, _) = d.extent(r);
        if d.lower[start] != "that"
            || d.heads[start] != Some(r)
            || matches!(d.base(start), "nsubj" | "obj" | "csubj")
        {
            continue;
        }
        if !d.children_base(r, "nsubj").into_iter().any(|s| s != start) {
            continue;
        }
        if d.attach(r, v, "ccomp") {
            d.rels[start] = "mark";
            d.upos[start] = Upos::Sconj;
        }
    }
}

/// A verb lemmatised without its final `e` (`conceded` → `conced`) gets it back when
/// the lexicon knows the lemma with it.
pub(crate) fn lemma_final_e(d: &mut Draft<'_>, tokens: &[Token]) {
    for (i, t) in tokens.iter().enumerate() {
        if !matches!(d.upos[i], Upos::Verb | Upos::Adj) || lexicon::is_known_verb(&d.lemmas[i]) {
            continue;
        }
        let with_e = format!("{}e", d.lemmas[i]);
        let lower = t.form.to_lowercase();
        if lexicon::is_known_verb(&with_e)
            && (lower.starts_with(&with_e) || lower.starts_with(&d.lemmas[i]))
        {
            d.lemmas[i] = with_e;
        }
    }
}

/// `… Ruritania has "meddled" in the vote` with `has` the verb and `meddled` (a past
/// participle, `VBN`) its object: the participle takes `has`'s place in the tree, `has`
/// becomes its auxiliary and hands over its other dependents.
pub(crate) fn participle_as_object(d: &mut Draft<'_>, tokens: &[Token]) {
    for v in 0..d.len() {
        if d.lemmas[v] != "have" || !matches!(d.upos[v], Upos::Verb | Upos::Aux) {
            continue;
        }
        let Some(o) = d
            .children_base(v, "obj")
            .into_iter()
            .find(|&o| o > v && d.upos[o] == Upos::Verb && tokens[o].xpos == "VBN")
        else {
            continue;
        };
        // nothing but quotes and adverbs between `has` and the participle
        if !(v + 1..o).all(|t| {
            d.upos[t] == Upos::Adv || (d.upos[t] == Upos::Punct && is_quote(&tokens[t].form))
        }) {
            continue;
        }
        let (gov, rel) = (d.heads[v], d.rels[v]);
        for c in d.children(v) {
            if c != o {
                let r = d.rels[c];
                d.attach(c, o, r);
            }
        }
        d.heads[o] = gov;
        d.rels[o] = rel;
        d.heads[v] = Some(o);
        d.rels[v] = "aux";
        d.upos[v] = Upos::Aux;
    }
}

fn is_quote(form: &str) -> bool {
    matches!(
        form,
        "\"" | "'" | "“" | "”" | "‘" | "’" | "``" | "''" | "«" | "»"
    )
}

/// `Two firms were involved in the fraud` with `involved` an adjective (`JJ`) under a
/// copula: a participle whose verb is in the stative-passive lexicon becomes the passive
/// verb (copula → `aux:pass`, subject → `nsubj:pass`).
pub(crate) fn stative_adjective(d: &mut Draft<'_>, tokens: &[Token]) {
    for (a, token) in tokens.iter().enumerate() {
        if d.upos[a] != Upos::Adj {
            continue;
        }
        let lower = token.form.to_lowercase();
        let Some(stem) = lower.strip_suffix('d') else {
            continue;
        };
        let verb = [stem, stem.strip_suffix('e').unwrap_or(stem)]
            .into_iter()
            .find(|v| lexicon::stative_passive(v));
        let Some(verb) = verb else { continue };
        let cops: Vec<usize> = d
            .children_base(a, "cop")
            .into_iter()
            .filter(|&c| d.lemmas[c] == "be")
            .collect();
        if cops.is_empty() {
            continue;
        }
        for c in cops {
            d.rels[c] = "aux:pass";
        }
        for s in d.children(a) {
            if d.rels[s] == "nsubj" {
                d.rels[s] = "nsubj:pass";
            }
        }
        d.upos[a] = Upos::Verb;
        d.lemmas[a] = verb.to_owned();
    }
}

/// The verb lemma of a participle form the lemmatiser left as an adjective (`denied` →
/// `deny`), when the lexicon knows that verb.
fn participle_verb(form: &str) -> Option<String> {
    crate::nlp::tagger::verb_stems(&form.to_lowercase())
        .into_iter()
        .filter(|(inflection, _)| *inflection == "ed")
        .map(|(_, stem)| stem)
        .find(|stem| lexicon::is_known_verb(stem))
}

/// `The minister had repeatedly denied bribery claims` with `had` the verb, `claims` its
/// object and `denied` an adjective of `claims`: the participle right after `have` (only
/// adverbs between) becomes the predicate, `have` its auxiliary. Only for verbs the
/// lexicon knows and never for hedges (`had alleged links` keeps its adjective).
pub(crate) fn adjective_after_have(d: &mut Draft<'_>, tokens: &[Token]) {
    for h in 0..d.len() {
        if d.lemmas[h] != "have" || !matches!(d.upos[h], Upos::Aux | Upos::Verb) {
            continue;
        }
        let Some(a) = (h + 1..d.len()).find(|&t| d.upos[t] != Upos::Adv) else {
            continue;
        };
        if d.upos[a] != Upos::Adj
            || !matches!(tokens[a].xpos, "JJ" | "VBN" | "VBD")
            || lexicon::hedge_adjective(&tokens[a].form.to_lowercase()).is_some()
        {
            continue;
        }
        let Some(n) = d.heads[a] else { continue };
        if n <= a || d.heads[n] != Some(h) || d.base(n) != "obj" || d.base(a) != "amod" {
            continue;
        }
        let Some(verb) = participle_verb(&tokens[a].form) else {
            continue;
        };
        let (gov, rel) = (d.heads[h], d.rels[h]);
        d.heads[a] = gov;
        d.rels[a] = rel;
        for c in d.children(h) {
            if c != a {
                let r = d.rels[c];
                d.attach(c, a, r);
            }
        }
        d.heads[h] = Some(a);
        d.rels[h] = "aux";
        d.upos[h] = Upos::Aux;
        d.upos[a] = Upos::Verb;
        d.lemmas[a] = verb;
    }
}

/// `She denied the payments had reached the party` with `payments` the object of
/// `denied` and `reached` attached elsewhere without a subject: a finite verb (one with
/// a tense or modal auxiliary) whose clause starts right after the
/// object of a reporting verb, and that has no subject, takes the object as its subject
/// and becomes the reporting verb's complement.
pub(crate) fn bare_complement(d: &mut Draft<'_>) {
    for v in 0..d.len() {
        if d.upos[v] != Upos::Verb
            || lexicon::speech_class(&d.lemmas[v]).is_none()
            || !d.children_base(v, "ccomp").is_empty()
        {
            continue;
        }
        let Some(n) = d.children_base(v, "obj").into_iter().find(|&n| n > v) else {
            continue;
        };
        let (_, n_end) = d.extent(n);
        let Some(x) = (0..d.len()).find(|&x| {
            d.upos[x] == Upos::Verb
                && x > n_end
                && d.extent(x).0 == n_end + 1
                && !d.dominates(n, x)
                && x != v
                // `denied the charges and resigned` is a coordination, not a complement
                && d.base(x) != "conj"
                && d.upos[n_end + 1] != Upos::Punct
                && !d.children(x).iter().any(|&c| matches!(d.base(c), "cc" | "mark"))
        }) else {
            continue;
        };
        let subjectless = !d
            .children(x)
            .iter()
            .any(|&c| matches!(d.base(c), "nsubj" | "csubj" | "expl"));
        // a tense or modal auxiliary: a bare `VBD`/`VBZ` is too often a tagging error
        // (`the debt owed to`, `in EU funds`)
        let finite = d.children(x).iter().any(|&c| {
            d.base(c) == "aux"
                && c < x
                && matches!(
                    d.lemmas[c].as_str(),
                    "have"
                        | "be"
                        | "will"
                        | "would"
                        | "may"
                        | "might"
                        | "can"
                        | "could"
                        | "shall"
                        | "should"
                        | "must"
                        | "do"
                )
        });
        if !subjectless || !finite || d.dominates(x, v) {
            continue;
        }
        let passive = d.children(x).iter().any(|&c| d.rels[c] == "aux:pass");
        if d.attach(x, v, "ccomp") {
            d.attach(n, x, if passive { "nsubj:pass" } else { "nsubj" });
        }
    }
}

/// `He said that local courts blocked the plan` with `that` (tagged as a subordinator)
/// the object or the complement of `said`, `courts` the object of `that` and `blocked`
/// (`VBD`/`VBN`) a reduced relative of `courts`: `blocked` becomes the complement of the
/// verb `that` hangs from, with `that` as its mark and `courts` as its subject. A participle with a
/// `by` agent (`courts appointed by the king`) is a real reduced relative and stays.
pub(crate) fn that_with_object(d: &mut Draft<'_>, tokens: &[Token]) {
    for t in 0..d.len() {
        if d.lower[t] != "that" || d.upos[t] != Upos::Sconj {
            continue;
        }
        let Some(v) = d.heads[t] else { continue };
        // `that` itself may be the verb's complement (the parser's `that` heads the clause)
        if d.upos[v] != Upos::Verb || d.children_base(v, "ccomp").into_iter().any(|c| c != t) {
            continue;
        }
        let Some(n) = d
            .children(t)
            .into_iter()
            .find(|&n| n > t && matches!(d.upos[n], Upos::Noun | Upos::Propn | Upos::Pron))
        else {
            continue;
        };
        let Some(x) = d.children_base(n, "acl").into_iter().find(|&x| {
            x > n
                && d.upos[x] == Upos::Verb
                && matches!(tokens[x].xpos, "VBD" | "VBN")
                && !d
                    .children(x)
                    .iter()
                    .any(|&c| matches!(d.base(c), "nsubj" | "mark"))
                && !d.children_base(x, "obl").into_iter().any(|o| {
                    d.children_base(o, "case")
                        .into_iter()
                        .any(|c| d.lower[c] == "by")
                })
        }) else {
            continue;
        };
        if d.attach(x, v, "ccomp") {
            d.attach(t, x, "mark");
            d.attach(n, x, "nsubj");
        }
    }
}

/// `Julian Okafor` with the capitalised first name tagged as an adjective and the surname
/// its `flat` part: `flat` joins the parts of a name, so a capitalised adjective heading a
/// proper noun that way is a proper noun.
pub(crate) fn flat_name_head(d: &mut Draft<'_>, tokens: &[Token]) {
    for (a, token) in tokens.iter().enumerate() {
        if d.upos[a] == Upos::Adj
            && token.form.starts_with(char::is_uppercase)
            && d.children_base(a, "flat")
                .into_iter()
                .any(|c| c > a && d.upos[c] == Upos::Propn)
        {
            d.upos[a] = Upos::Propn;
        }
    }
}

/// `Ann Lee, Bo Chan and Cy Park` with `Bo` and `Chan` two conjuncts of `Lee`: conjuncts
/// are separated by a comma or a conjunction, so a capitalised proper-noun conjunct right
/// after another one, with no dependents of its own, is the rest of that name (`flat`).
pub(crate) fn split_name(d: &mut Draft<'_>, tokens: &[Token]) {
    let capital = |t: usize| tokens[t].form.starts_with(char::is_uppercase);
    for b in 1..d.len() {
        let a = b - 1;
        if d.base(a) == "conj"
            && d.base(b) == "conj"
            && d.heads[a] == d.heads[b]
            && d.upos[a] == Upos::Propn
            && d.upos[b] == Upos::Propn
            && capital(a)
            && capital(b)
            && d.children(a).iter().all(|&c| c < a)
            && d.children(b).is_empty()
        {
            d.attach(b, a, "flat");
        }
    }
}

/// `However, Jane Doe, the party's chair conceded that …` with the adverb as the root,
/// the name as the subject (or the object) of the comma and the verb as a clause (`acl`)
/// of the apposition: a sentence cannot be headed by an adverb, a conjunction or a
/// punctuation mark, and none of them takes an object. When such a root (or a punctuation
/// mark under it) holds exactly one subject or object and
/// a finite verb (or a participle with a complement clause) without subject or
/// subordinator hangs inside that subject's phrase, the verb becomes the root and takes
/// the subject; the old root becomes its modifier.
pub(crate) fn adverb_root(d: &mut Draft<'_>, tokens: &[Token]) {
    let roots: Vec<usize> = (0..d.len()).filter(|&t| d.heads[t].is_none()).collect();
    let [r] = roots[..] else { return };
    let rel = match d.upos[r] {
        Upos::Adv => "advmod",
        Upos::Cconj => "cc",
        Upos::Punct => "punct",
        _ => return,
    };
    let holders: Vec<usize> = std::iter::once(r)
        .chain(
            d.children(r)
                .into_iter()
                .filter(|&c| d.upos[c] == Upos::Punct),
        )
        .collect();
    let subjects: Vec<usize> = holders
        .iter()
        .flat_map(|&h| d.children(h))
        .filter(|&c| matches!(d.base(c), "nsubj" | "obj"))
        .collect();
    let [s] = subjects[..] else { return };
    let Some(v) = (s + 1..d.len()).find(|&v| {
        d.upos[v] == Upos::Verb
            // a past participle only with a complement clause (`conceded that …`): a
            // reduced relative (`the chief appointed on Sunday`) has none
            && (matches!(tokens[v].xpos, "VBD" | "VBZ" | "VBP")
                || tokens[v].xpos == "VBN" && !d.children_base(v, "ccomp").is_empty())
            && d.dominates(s, v)
            && !d
                .children(v)
                .iter()
                .any(|&c| matches!(d.base(c), "nsubj" | "csubj" | "expl" | "mark"))
    }) else {
        return;
    };
    d.heads[v] = None;
    d.rels[v] = "root";
    d.attach(s, v, "nsubj");
    for h in holders {
        for c in d.children(h) {
            if d.upos[c] == Upos::Punct {
                d.attach(c, v, "punct");
            }
        }
    }
    d.attach(r, v, rel);
}

/// `Officials warned that the plan would fail` with `that` read as a second subject of
/// `fail`: a `that` opening a clause that has another subject after it is the clause's
/// subordinator (and a relative clause so opened is a content clause, `acl`).
pub(crate) fn that_as_subject(d: &mut Draft<'_>) {
    for subjects in double_subjects(d) {
        let first = subjects[0];
        let Some(v) = d.heads[first] else { continue };
        if d.lower[first] == "that"
            && d.children(first).is_empty()
            && d.extent(v).0 == first
            && subjects[1..].iter().all(|&s| s > first)
        {
            d.rels[first] = "mark";
            d.upos[first] = Upos::Sconj;
            // with `that` a subordinator the clause is a noun's content clause (`no doubt
            // that prices will rise`), not a relative clause with a gap
            if d.rels[v] == "acl:relcl" {
                d.rels[v] = "acl";
            }
        }
    }
}

/// `"We will appeal," Jane Doe, the club's lawyer, told reporters` with the speaker's
/// name (and its apposition) attached inside the quotation and the reporting verb left
/// without a subject: the phrase between the closing quote and the verb, when it hangs
/// into the quoted clause that the verb governs, is the verb's subject; later nouns after
/// a comma are its appositions.
pub(crate) fn quoted_speaker(d: &mut Draft<'_>, tokens: &[Token]) {
    for v in 0..d.len() {
        if d.upos[v] != Upos::Verb
            || lexicon::speech_class(&d.lemmas[v]).is_none()
            || d.children(v)
                .iter()
                .any(|&c| matches!(d.base(c), "nsubj" | "csubj" | "expl"))
        {
            continue;
        }
        let Some(q) = (0..v).rev().find(|&t| is_quote(&tokens[t].form)) else {
            continue;
        };
        let span = q + 1..v;
        let roots: Vec<usize> = span
            .clone()
            .filter(|&t| d.heads[t].is_none_or(|h| !span.contains(&h)))
            .collect();
        let Some(first) = span.clone().find(|&t| d.upos[t] != Upos::Punct) else {
            continue;
        };
        // the speaker opens the span and hangs across the quote into `v`'s quotation
        if !roots.contains(&first) {
            continue;
        }
        let Some(h) = d.heads[first] else { continue };
        // the quotation is `v`'s complement, or (as in EWT) `v` is its `parataxis`
        let quotation = match d.heads[v] {
            Some(p) if d.base(v) == "parataxis" && p < q => p,
            _ => v,
        };
        if h >= q
            || !d.dominates(quotation, h)
            || !span.clone().any(|t| {
                d.dominates(first, t) && matches!(d.upos[t], Upos::Propn | Upos::Noun | Upos::Pron)
            })
        {
            continue;
        }
        // the rest: commas and appositions, nothing else
        let mut plan: Vec<(usize, &'static str)> = Vec::new();
        let mut ok = true;
        for &r in roots
            .iter()
            .filter(|&&r| r > first && d.heads[r] != Some(v))
        {
            // the apposition's comma may hang from it or stand before it
            let (lo, _) = d.extent(r);
            if d.upos[r] == Upos::Punct {
                plan.push((r, "punct"));
            } else if matches!(d.upos[r], Upos::Noun | Upos::Propn)
                && (d.lower[lo] == "," || d.lower[lo - 1] == ",")
            {
                plan.push((r, "appos"));
            } else {
                ok = false;
                break;
            }
        }
        if ok && d.attach(first, v, "nsubj") {
            for (r, rel) in plan {
                d.attach(r, first, rel);
            }
            speaker_name(d, tokens, first);
        }
    }
}

/// The speaker phrase that [`quoted_speaker`] moved, when the tagger read its first name
/// as an adjective (`Julian` over `King`, then `, EU commissioner` as a conjunct): a
/// capitalised adjective heading the proper noun right after it is a name, and a noun
/// after a comma in it is an apposition.
fn speaker_name(d: &mut Draft<'_>, tokens: &[Token], first: usize) {
    let next = first + 1;
    if d.upos[first] != Upos::Adj
        || !tokens[first].form.starts_with(char::is_uppercase)
        || next >= d.len()
        || d.heads[next] != Some(first)
        || d.upos[next] != Upos::Propn
    {
        return;
    }
    d.upos[first] = Upos::Propn;
    d.attach(next, first, "flat");
    for c in d.children_base(first, "conj") {
        let (lo, _) = d.extent(c);
        if matches!(d.upos[c], Upos::Noun | Upos::Propn)
            && (d.lower[lo] == "," || lo > 0 && d.lower[lo - 1] == ",")
        {
            d.attach(c, first, "appos");
        }
    }
}

/// `They used the broker Helix Capital accounts` with `accounts` a caseless `nmod` of `broker`:
/// a plain `nmod` needs a preposition, so a noun right after its head noun with none is
/// the head of the phrase, and the noun before it a compound.
pub(crate) fn caseless_nmod(d: &mut Draft<'_>) {
    for m in 0..d.len() {
        // a bare time noun is a temporal modifier (`members last November`), not a head
        if d.rels[m] != "nmod"
            || !matches!(d.upos[m], Upos::Noun | Upos::Propn)
            || lexicon::is_time_noun(&d.lemmas[m])
        {
            continue;
        }
        let Some(n) = d.heads[m] else { continue };
        if n > m
            || !matches!(d.upos[n], Upos::Noun | Upos::Propn)
            || d.extent(m).0 != n + 1
            // only words of a noun phrase's pre-head between the two nouns (no preposition,
            // subordinator or copula that the parser hung elsewhere)
            || !(n + 1..m).all(|t| {
                matches!(d.upos[t], Upos::Noun | Upos::Propn | Upos::Num | Upos::Adj)
            })
            || d.children(m).iter().any(|&c| d.base(c) == "case")
            || d.children(n).iter().any(|&c| c > n && c != m)
        {
            continue;
        }
        let (gov, rel) = (d.heads[n], d.rels[n]);
        // what opens the phrase (determiner, preposition, possessor) goes to its new head
        for c in d.children(n) {
            if c < n {
                let r = d.rels[c];
                d.attach(c, m, r);
            }
        }
        d.heads[m] = gov;
        d.rels[m] = rel;
        d.heads[n] = Some(m);
        d.rels[n] = "compound";
    }
}

/// `The minister had denied the claims` with `denied` an adjective that carries the
/// auxiliary `had`: an adjective takes no perfect `have`, so a participle with one is the
/// verb (when the lexicon knows it).
pub(crate) fn perfect_adjective(d: &mut Draft<'_>, tokens: &[Token]) {
    for (a, token) in tokens.iter().enumerate() {
        if d.upos[a] != Upos::Adj
            || !matches!(token.xpos, "JJ" | "VBN" | "VBD")
            || !d
                .children_base(a, "aux")
                .into_iter()
                .any(|c| c < a && d.lemmas[c] == "have")
        {
            continue;
        }
        if let Some(verb) = participle_verb(&token.form) {
            d.upos[a] = Upos::Verb;
            d.lemmas[a] = verb;
        }
    }
}

/// `Governor-elect Jane Doe had rejected the offer` with `Doe` the object of a word before
/// it and `rejected` (with its auxiliary) a `parataxis` or `dep` without a subject: a
/// clause with a tense or modal auxiliary needs a subject, and the name that ends right
/// before the clause is it.
pub(crate) fn subject_before_clause(d: &mut Draft<'_>) {
    for x in 0..d.len() {
        if d.upos[x] != Upos::Verb || !matches!(d.base(x), "parataxis" | "dep") {
            continue;
        }
        let kids = d.children(x);
        if kids
            .iter()
            .any(|&c| matches!(d.base(c), "nsubj" | "csubj" | "expl" | "mark" | "cc"))
            || !kids.iter().any(|&c| c < x && d.base(c) == "aux")
        {
            continue;
        }
        let Some(h) = d.heads[x] else { continue };
        let (start, _) = d.extent(x);
        let Some(n) = d.children(h).into_iter().find(|&n| {
            matches!(d.base(n), "obj" | "nsubj")
                && d.upos[n] == Upos::Propn
                && d.extent(n).1 + 1 == start
        }) else {
            continue;
        };
        d.attach(n, x, "nsubj");
    }
}

/// `She was accused of involvement in planning the raid` with `planning` a clause of the
/// verb: a gerund opened by a preposition right after an event noun that is an argument
/// of the same verb belongs to the noun (`involvement in planning`).
pub(crate) fn gerund_after_event_noun(d: &mut Draft<'_>, tokens: &[Token]) {
    for (g, token) in tokens.iter().enumerate() {
        if d.base(g) != "advcl" || d.upos[g] != Upos::Verb || token.xpos != "VBG" {
            continue;
        }
        let Some(v) = d.heads[g] else { continue };
        let (start, _) = d.extent(g);
        if d.heads[start] != Some(g)
            || d.base(start) != "mark"
            || d.lower[start] == "of"
            || !lexicon::is_argument_preposition(&d.lower[start])
        {
            continue;
        }
        let Some(n) = d.children(v).into_iter().find(|&n| {
            matches!(d.base(n), "obl" | "obj")
                && d.upos[n] == Upos::Noun
                && lexicon::event_verb(&d.lemmas[n]).is_some()
                // the gerund follows the noun itself (`payment in return for dropping`
                // has a phrase between them)
                && d.extent(n).1 == n
                && n + 1 == start
        }) else {
            continue;
        };
        d.attach(g, n, "acl");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    /// Tokens from `form lemma UPOS XPOS head rel` rows (heads 1-based, 0 = root).
    fn tokens(rows: &[&str]) -> Vec<Token> {
        rows.iter()
            .map(|r| {
                let f: Vec<&str> = r.split_whitespace().collect();
                let head: usize = f[4].parse().expect("head");
                Token {
                    span: Span::new(0, 0),
                    form: f[0].to_owned(),
                    lemma: f[1].to_owned(),
                    upos: match f[2] {
                        "PROPN" => Upos::Propn,
                        "NOUN" => Upos::Noun,
                        "VERB" => Upos::Verb,
                        "AUX" => Upos::Aux,
                        "ADJ" => Upos::Adj,
                        "ADP" => Upos::Adp,
                        "DET" => Upos::Det,
                        "PART" => Upos::Part,
                        "SCONJ" => Upos::Sconj,
                        "CCONJ" => Upos::Cconj,
                        "ADV" => Upos::Adv,
                        "PRON" => Upos::Pron,
                        "NUM" => Upos::Num,
                        _ => Upos::Punct,
                    },
                    xpos: crate::model::intern(f[3]),
                    head: head.checked_sub(1),
                    deprel: crate::model::intern(f[5]),
                }
            })
            .collect()
    }

    fn repaired(toks: &[Token]) -> (Vec<Option<usize>>, Vec<String>, Vec<String>) {
        let d = repaired_draft(toks);
        let rels = d.rels.iter().map(|r| (*r).to_owned()).collect();
        (d.heads, rels, d.lemmas)
    }

    fn repaired_draft(toks: &[Token]) -> Draft<'_> {
        let mut d = Draft {
            heads: toks.iter().map(|t| t.head).collect(),
            rels: toks.iter().map(|t| t.deprel).collect(),
            upos: toks.iter().map(|t| t.upos).collect(),
            lemmas: toks.iter().map(|t| t.lemma.to_lowercase()).collect(),
            lower: toks.iter().map(|t| t.form.to_lowercase()).collect(),
        };
        apply(&mut d, toks);
        d
    }

    /// Head (1-based, 0 for a root) and relation of token `i` (1-based).
    fn arc_of<'a>(d: &Draft<'a>, i: usize) -> (usize, &'a str) {
        (d.heads[i - 1].map_or(0, |h| h + 1), d.rels[i - 1])
    }

    #[test]
    fn that_before_a_second_subject_is_the_subordinator() {
        let toks = tokens(&[
            "Dahl Dahl PROPN NNP 2 nsubj",
            "warned warn VERB VBD 0 root",
            "that that PRON WDT 7 nsubj",
            "Norway Norway PROPN NNP 7 nsubj",
            "would would AUX MD 7 aux",
            "be be AUX VB 7 cop",
            "unprepared unprepared ADJ JJ 2 ccomp",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 3), (7, "mark"));
        assert_eq!(d.upos[2], Upos::Sconj);
        assert_eq!(arc_of(&d, 4), (7, "nsubj"));
    }

    #[test]
    fn that_clause_of_a_noun_is_no_relative_clause() {
        // `There is no doubt that prices will rise`
        let toks = tokens(&[
            "There there PRON EX 2 expl",
            "is be VERB VBZ 0 root",
            "no no DET DT 4 det",
            "doubt doubt NOUN NN 2 nsubj",
            "that that PRON WDT 8 nsubj",
            "prices price NOUN NNS 8 nsubj",
            "will will AUX MD 8 aux",
            "rise rise VERB VB 4 acl:relcl",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 5), (8, "mark"));
        assert_eq!(arc_of(&d, 8), (4, "acl"));
    }

    #[test]
    fn time_noun_after_a_noun_stays_a_modifier() {
        // `They voted off two members last November`
        let toks = tokens(&[
            "They they PRON PRP 2 nsubj",
            "voted vote VERB VBD 0 root",
            "off off ADP RP 2 compound:prt",
            "two two NUM CD 5 nummod",
            "members member NOUN NNS 2 obj",
            "last last ADJ JJ 7 amod",
            "November November PROPN NNP 5 nmod",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!((heads[4], rels[4].as_str()), (Some(1), "obj"));
        assert_eq!((heads[6], rels[6].as_str()), (Some(4), "nmod"));
    }

    #[test]
    fn that_as_complement_with_a_noun_object_opens_the_clause() {
        let toks = tokens(&[
            "Lund Lund PROPN NNP 2 nsubj",
            "said say VERB VBD 0 root",
            "that that SCONJ IN 2 ccomp",
            "rural rural ADJ JJ 5 amod",
            "clinics clinic NOUN NNS 3 obj",
            "closed close VERB VBD 5 acl",
            "wards ward NOUN NNS 6 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 6), (2, "ccomp"));
        assert_eq!(arc_of(&d, 3), (6, "mark"));
        assert_eq!(arc_of(&d, 5), (6, "nsubj"));
    }

    #[test]
    fn speaker_after_a_quotation_is_the_subject() {
        let toks = tokens(&[
            "\" \" PUNCT `` 4 punct",
            "Prices price NOUN NNS 4 nsubj",
            "will will AUX MD 4 aux",
            "rise rise VERB VB 15 ccomp",
            ", , PUNCT , 4 punct",
            "\" \" PUNCT '' 4 punct",
            "Mara Mara ADJ JJ 4 conj",
            "Lind Lind PROPN NNP 7 flat",
            ", , PUNCT , 13 punct",
            "the the DET DT 11 det",
            "bank bank NOUN NN 13 nmod:poss",
            "'s 's PART POS 11 case",
            "economist economist NOUN NN 4 conj",
            ", , PUNCT , 4 punct",
            "told tell VERB VBD 0 root",
            "reporters reporter NOUN NNS 15 obj",
            ". . PUNCT . 15 punct",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (15, "nsubj"));
        assert_eq!(d.upos[6], Upos::Propn);
        assert_eq!(arc_of(&d, 13), (7, "appos"));
        assert_eq!(arc_of(&d, 14), (7, "punct"));
        // the quotation itself stays the complement
        assert_eq!(arc_of(&d, 4), (15, "ccomp"));
    }

    #[test]
    fn speaker_with_a_subject_already_is_left_alone() {
        let toks = tokens(&[
            "\" \" PUNCT `` 3 punct",
            "Prices price NOUN NNS 3 nsubj",
            "rise rise VERB VBP 8 ccomp",
            ", , PUNCT , 3 punct",
            "\" \" PUNCT '' 3 punct",
            "Mara Mara PROPN NNP 8 nsubj",
            "Lind Lind PROPN NNP 6 flat",
            "said say VERB VBD 0 root",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!((heads[5], rels[5].as_str()), (Some(7), "nsubj"));
        assert_eq!((heads[2], rels[2].as_str()), (Some(7), "ccomp"));
    }

    #[test]
    fn adverb_root_hands_over_to_the_verb() {
        let toks = tokens(&[
            "Still still ADV RB 0 root",
            ", , PUNCT , 1 punct",
            "Ana Ana PROPN NNP 2 nsubj",
            "Ruiz Ruiz PROPN NNP 3 flat",
            ", , PUNCT , 9 punct",
            "the the DET DT 7 det",
            "mayor mayor NOUN NN 9 nmod:poss",
            "'s 's PART POS 7 case",
            "deputy deputy NOUN NN 3 appos",
            "conceded concede VERB VBN 9 acl",
            "on on ADP IN 12 case",
            "Friday Friday PROPN NNP 10 obl",
            "that that SCONJ IN 16 mark",
            "funds fund NOUN NNS 16 nsubj",
            "were be AUX VBD 16 cop",
            "missing missing ADJ JJ 10 ccomp",
            ". . PUNCT . 2 punct",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 10), (0, "root"));
        assert_eq!(arc_of(&d, 3), (10, "nsubj"));
        assert_eq!(arc_of(&d, 1), (10, "advmod"));
        assert_eq!(arc_of(&d, 2), (10, "punct"));
        assert_eq!(arc_of(&d, 17), (10, "punct"));
        assert_eq!(arc_of(&d, 9), (3, "appos"));
    }

    #[test]
    fn adverb_root_hands_over_a_name_read_as_an_object() {
        // the same sentence, with the name the comma's object
        let toks = tokens(&[
            "Still still ADV RB 0 root",
            ", , PUNCT , 1 punct",
            "Ana Ana PROPN NNP 2 obj",
            "Ruiz Ruiz PROPN NNP 3 flat",
            ", , PUNCT , 7 punct",
            "the the DET DT 7 det",
            "deputy deputy NOUN NN 3 appos",
            "conceded concede VERB VBN 7 acl",
            "that that SCONJ IN 12 mark",
            "funds fund NOUN NNS 12 nsubj",
            "were be AUX VBD 12 cop",
            "missing missing ADJ JJ 8 ccomp",
            ". . PUNCT . 1 punct",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 8), (0, "root"));
        assert_eq!(arc_of(&d, 3), (8, "nsubj"));
        assert_eq!(arc_of(&d, 1), (8, "advmod"));
        assert_eq!(arc_of(&d, 13), (8, "punct"));
    }

    #[test]
    fn a_speaker_inside_the_quotation_of_a_parataxis_verb_is_its_subject() {
        // EWT's orientation: the reporting verb a `parataxis` of the quotation, and the
        // speaker's first name read as an adjective conjunct of the quotation
        let toks = tokens(&[
            "\" \" PUNCT `` 4 punct",
            "We we PRON PRP 4 nsubj",
            "will will AUX MD 4 aux",
            "appeal appeal VERB VB 0 root",
            ", , PUNCT , 4 punct",
            "\" \" PUNCT '' 4 punct",
            "Ana Ana ADJ JJ 4 conj",
            "Ruiz Ruiz PROPN NNP 7 obj",
            ", , PUNCT , 11 punct",
            "club club NOUN NN 11 compound",
            "lawyer lawyer NOUN NN 7 conj",
            ", , PUNCT , 13 punct",
            "told tell VERB VBD 4 parataxis",
            "reporters reporter NOUN NNS 13 obj",
            ". . PUNCT . 4 punct",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (13, "nsubj"));
        assert_eq!(d.upos[6], Upos::Propn);
        assert_eq!(arc_of(&d, 8), (7, "flat"));
        assert_eq!(arc_of(&d, 11), (7, "appos"));
        assert_eq!(arc_of(&d, 13), (4, "parataxis"));
    }

    #[test]
    fn reduced_relative_under_an_adverb_root_stays() {
        // `Still, the deputy appointed on Friday.`: a participle without a complement
        let toks = tokens(&[
            "Still still ADV RB 0 root",
            ", , PUNCT , 1 punct",
            "the the DET DT 4 det",
            "deputy deputy NOUN NN 2 nsubj",
            "appointed appoint VERB VBN 4 acl",
            "on on ADP IN 7 case",
            "Friday Friday PROPN NNP 5 obl",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 1), (0, "root"));
        assert_eq!(arc_of(&d, 5), (4, "acl"));
    }

    #[test]
    fn caseless_nmod_heads_its_phrase() {
        let toks = tokens(&[
            "They they PRON PRP 2 nsubj",
            "used use VERB VBD 0 root",
            "the the DET DT 4 det",
            "broker broker NOUN NN 2 obj",
            "Helix Helix PROPN NNP 7 compound",
            "Capital Capital PROPN NNP 7 compound",
            "accounts account NOUN NNS 4 nmod",
            "and and CCONJ CC 11 cc",
            "the the DET DT 11 det",
            "bank bank NOUN NN 11 compound",
            "vaults vault NOUN NNS 7 conj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (2, "obj"));
        assert_eq!(arc_of(&d, 4), (7, "compound"));
        assert_eq!(arc_of(&d, 3), (7, "det"));
        assert_eq!(arc_of(&d, 11), (7, "conj"));
    }

    #[test]
    fn a_title_read_as_a_second_subject_is_an_apposition() {
        // `The city's chief planner, Ana Ruiz warned …` with both phrases subjects
        let toks = tokens(&[
            "The the DET DT 2 det",
            "city city NOUN NN 5 nmod:poss",
            "'s 's PART POS 2 case",
            "chief chief ADJ JJ 5 amod",
            "planner planner NOUN NN 9 nsubj",
            ", , PUNCT , 9 punct",
            "Ana Ana PROPN NNP 8 compound",
            "Ruiz Ruiz PROPN NNP 9 nsubj",
            "warned warn VERB VBD 0 root",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 5), (8, "appos"));
        assert_eq!(arc_of(&d, 6), (5, "punct"));
        assert_eq!(arc_of(&d, 8), (9, "nsubj"));
    }

    #[test]
    fn adjacent_name_conjuncts_are_one_name() {
        // `Ann Lee, Bo Chan and Cy Park left` with `Bo` and `Chan` read as two conjuncts
        let toks = tokens(&[
            "Ann Ann PROPN NNP 2 compound",
            "Lee Lee PROPN NNP 9 nsubj",
            ", , PUNCT , 4 punct",
            "Bo Bo PROPN NNP 2 conj",
            "Chan Chan PROPN NNP 2 conj",
            "and and CCONJ CC 7 cc",
            "Cy Cy PROPN NNP 2 conj",
            "Park Park PROPN NNP 7 flat",
            "left leave VERB VBD 0 root",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 5), (4, "flat"));
        assert_eq!(arc_of(&d, 4), (2, "conj"));
        assert_eq!(arc_of(&d, 7), (2, "conj"));
        // separated by a conjunction, two conjuncts stay two
        let toks = tokens(&[
            "Lee Lee PROPN NNP 4 nsubj",
            "and and CCONJ CC 3 cc",
            "Chan Chan PROPN NNP 1 conj",
            "left leave VERB VBD 0 root",
        ]);
        assert_eq!(arc_of(&repaired_draft(&toks), 3), (1, "conj"));
    }

    #[test]
    fn nmod_with_a_misplaced_marker_is_not_a_compound() {
        // `They cited the record of fraud` with `of` hung from `fraud` as a marker
        let toks = tokens(&[
            "They they PRON PRP 2 nsubj",
            "cited cite VERB VBD 0 root",
            "the the DET DT 4 det",
            "record record NOUN NN 2 obj",
            "of of SCONJ IN 6 mark",
            "fraud fraud NOUN NN 4 nmod",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!((heads[3], rels[3].as_str()), (Some(1), "obj"));
        assert_eq!((heads[5], rels[5].as_str()), (Some(3), "nmod"));
    }

    #[test]
    fn perfect_participle_is_a_verb_and_takes_the_name_before_it() {
        let toks = tokens(&[
            "Governor Governor PROPN NNP 3 nsubj",
            "- - PUNCT HYPH 1 punct",
            "elect elect VERB VB 0 root",
            "Ana Ana PROPN NNP 3 obj",
            "Ruiz Ruiz PROPN NNP 4 flat",
            "had have AUX VBD 8 aux",
            "firmly firmly ADV RB 8 advmod",
            "denied denied ADJ JJ 3 parataxis",
            "the the DET DT 10 det",
            "claims claim NOUN NNS 8 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(d.upos[7], Upos::Verb);
        assert_eq!(d.lemmas[7], "deny");
        assert_eq!(arc_of(&d, 4), (8, "nsubj"));
    }

    #[test]
    fn gerund_after_the_event_nouns_phrase_stays() {
        // `They offered support in return for dropping the case`
        let toks = tokens(&[
            "They they PRON PRP 2 nsubj",
            "offered offer VERB VBD 0 root",
            "support support NOUN NN 2 obj",
            "in in ADP IN 5 case",
            "return return NOUN NN 3 nmod",
            "for for SCONJ IN 7 mark",
            "dropping drop VERB VBG 2 advcl",
            "the the DET DT 9 det",
            "case case NOUN NN 7 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (2, "advcl"));
    }

    #[test]
    fn gerund_after_an_event_noun_belongs_to_it() {
        let toks = tokens(&[
            "Dahl Dahl PROPN NNP 3 nsubj:pass",
            "was be AUX VBD 3 aux:pass",
            "accused accuse VERB VBN 0 root",
            "of of ADP IN 5 case",
            "involvement involvement NOUN NN 3 obl",
            "in in SCONJ IN 7 mark",
            "rigging rig VERB VBG 3 advcl",
            "the the DET DT 9 det",
            "vote vote NOUN NN 7 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (5, "acl"));
    }

    #[test]
    fn participle_verbs_come_from_the_lexicon() {
        assert_eq!(participle_verb("denied").as_deref(), Some("deny"));
        assert_eq!(participle_verb("admitted").as_deref(), Some("admit"));
        assert_eq!(participle_verb("conceded").as_deref(), Some("concede"));
        assert_eq!(participle_verb("limited"), None);
    }

    #[test]
    fn possessor_needs_adjacent_subjects() {
        // `Oslo's envoy, in turn, Dahl warned`: the phrases are not adjacent, so no repair
        let toks = tokens(&[
            "Oslo Oslo PROPN NNP 7 nsubj",
            "'s 's PART POS 1 case",
            "envoy envoy NOUN NN 1 dep",
            ", , PUNCT , 7 punct",
            "again again ADV RB 7 advmod",
            "Dahl Dahl PROPN NNP 7 nsubj",
            "warned warn VERB VBD 0 root",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!(heads[0], Some(6));
        assert_eq!(rels[0], "nsubj");
    }

    #[test]
    fn possessor_subject_moves_under_the_name() {
        let toks = tokens(&[
            "Oslo Oslo PROPN NNP 4 nsubj",
            "'s 's PART POS 1 case",
            "Dahl Dahl PROPN NNP 4 nsubj",
            "warned warn VERB VBD 0 root",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!((heads[0], rels[0].as_str()), (Some(2), "nmod:poss"));
    }

    #[test]
    fn lemma_gets_its_final_e_back() {
        let toks = tokens(&[
            "Dahl Dahl PROPN NNP 2 nsubj",
            "conceded conced VERB VBD 0 root",
        ]);
        let (_, _, lemmas) = repaired(&toks);
        assert_eq!(lemmas[1], "concede");
    }
}
