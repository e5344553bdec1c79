//! Repairs of clause attachment: an adverb as the root, a complement clause read as a
//! relative clause or a reduced relative, a time noun read as a modifier, a gerund of an
//! event noun.

use crate::model::{Token, Upos};

use super::draft::Draft;
use crate::extract::lexicon;

/// `However, Jane Doe, the party's chair conceded that …` with the adverb as the root,
/// the name as the subject (or the object) of the comma and the verb as a clause (`acl`)
/// of the apposition: a sentence cannot be headed by an adverb, a conjunction or a
/// punctuation mark, and none of them takes an object. When such a root (or a punctuation
/// mark under it) holds exactly one subject or object and
/// a finite verb (or a participle with a complement clause) without subject or
/// subordinator hangs inside that subject's phrase, the verb becomes the root and takes
/// the subject; the old root becomes its modifier.
pub(super) fn adverb_root(d: &mut Draft<'_>, tokens: &[Token]) {
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

/// `She warned on Monday that the talks would fail` with the `that` clause attached as a
/// relative clause of `Monday`: a clause that opens with `that`, gives `that` no role of
/// subject or object, and has a subject of its own is the complement of the reporting
/// verb that governs the noun (when that verb has no complement yet).
pub(super) fn complement_as_relative(d: &mut Draft<'_>) {
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

/// `They used the broker Helix Capital accounts` with `accounts` a caseless `nmod` of `broker`:
/// a plain `nmod` needs a preposition, so a noun right after its head noun with none is
/// the head of the phrase, and the noun before it a compound.
pub(super) fn caseless_nmod(d: &mut Draft<'_>) {
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
        // what opens the phrase (determiner, preposition, possessor) goes to its new head
        d.promote(m, n, "compound", |c| c < n);
    }
}

/// `She denied the payments had reached the party` with `payments` the object of
/// `denied` and `reached` attached elsewhere without a subject: a finite verb (one with
/// a tense or modal auxiliary) whose clause starts right after the
/// object of a reporting verb, and that has no subject, takes the object as its subject
/// and becomes the reporting verb's complement.
pub(super) fn bare_complement(d: &mut Draft<'_>) {
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
                && x != v
                // `denied the charges and resigned` is a coordination, not a complement
                && d.base(x) != "conj"
                && d.upos[n_end + 1] != Upos::Punct
                && d.extent(x).0 == n_end + 1
                && !d.dominates(n, x)
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
pub(super) fn that_with_object(d: &mut Draft<'_>, tokens: &[Token]) {
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

/// `She was accused of involvement in planning the raid` with `planning` a clause of the
/// verb: a gerund opened by a preposition right after an event noun that is an argument
/// of the same verb belongs to the noun (`involvement in planning`).
pub(super) fn gerund_after_event_noun(d: &mut Draft<'_>, tokens: &[Token]) {
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

/// `The plan will fail, an official predicted.` parsed with the reporting verb as an
/// adverbial clause of the reported verb: a reporting verb after a comma, with a subject of
/// its own and nothing else it governs but punctuation (no subordinator, object or
/// complement), that closes the sentence is the main verb, and what it follows is what was
/// said (the orientation the parser gives `…, an official said.`).
pub(super) fn closing_reporter(d: &mut Draft<'_>) {
    let roots: Vec<usize> = (0..d.len()).filter(|&t| d.heads[t].is_none()).collect();
    let [r] = roots[..] else { return };
    let Some(v) = d.children(r).into_iter().find(|&v| {
        v > r
            && d.upos[v] == Upos::Verb
            && matches!(d.base(v), "advcl" | "dep" | "conj")
            && lexicon::speech_class(&d.lemmas[v]).is_some()
    }) else {
        return;
    };
    let kids = d.children(v);
    let subject = kids.iter().filter(|&&c| d.base(c) == "nsubj").count() == 1;
    let others = kids.iter().all(|&c| {
        matches!(d.base(c), "nsubj" | "punct" | "aux" | "advmod")
            && !(d.base(c) == "advmod" && c > v)
    });
    let (start, end) = d.extent(v);
    // the comma is the clause's first token or the one before it
    let comma_before = d.lower[start] == "," || start > 0 && d.lower[start - 1] == ",";
    let closes = (end + 1..d.len()).all(|t| d.upos[t] == Upos::Punct);
    if !(subject && others && comma_before && closes) {
        return;
    }
    d.promote(v, r, "ccomp", |c| c > end);
}
