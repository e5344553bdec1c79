//! Repairs of subjects: two subjects on one verb (a possessor, a subordinator read as a
//! preposition), `that` read as a subject, a subject parsed under the clause that follows it.

use crate::model::{Token, Upos};

use super::draft::Draft;

/// Subordinating words that the parser sometimes takes for a preposition of the
/// following subject (`after the ministry published …`).
const SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "until", "till", "once", "as", "because", "while", "when",
    "although", "though", "whereas", "unless",
];

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
pub(super) fn possessor_subject(d: &mut Draft<'_>) {
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
pub(super) fn subordinator_subject(d: &mut Draft<'_>) {
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

/// `Officials warned that the plan would fail` with `that` read as a second subject of
/// `fail`: a `that` opening a clause that has another subject after it is the clause's
/// subordinator (and a relative clause so opened is a content clause, `acl`).
pub(super) fn that_as_subject(d: &mut Draft<'_>) {
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

/// `Governor-elect Jane Doe had rejected the offer` with `Doe` the object of a word before
/// it and `rejected` (with its auxiliary) a `parataxis` or `dep` without a subject: a
/// clause with a tense or modal auxiliary needs a subject, and the name that ends right
/// before the clause is it.
pub(super) fn subject_before_clause(d: &mut Draft<'_>) {
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

/// `Ruritanian publishing group Harbour News & Media is buying …` or `The mortgage
/// firm Ivo Marsh restated …` parsed with the description (`group`, `firm`) and the
/// words of the name as subjects of one verb: a common noun subject followed at once by
/// a run of capitalised words that are subjects too is a description of that name; the
/// name's first word heads the run (the rest its `flat` parts) and takes the description
/// as its compound, as `US software giant Microsoft` is parsed.
pub(super) fn description_before_name(d: &mut Draft<'_>, tokens: &[Token]) {
    for subjects in double_subjects(d) {
        let Some(&desc) = subjects.first() else {
            continue;
        };
        let verb = d.heads[desc];
        if d.upos[desc] != Upos::Noun
            || !tokens[desc].form.starts_with(char::is_lowercase)
            || d.extent(desc).1 != desc
        {
            continue;
        }
        let start = desc + 1;
        let mut end = start;
        while end < d.len() && name_word(tokens, end) {
            end += 1;
        }
        // The run is the name (its `The` a determiner), and some word of it is a second
        // subject of the verb; days and months are no names.
        let head = if d.upos[start] == Upos::Det {
            start + 1
        } else {
            start
        };
        if end <= head
            || !tokens[head].form.starts_with(char::is_uppercase)
            || (start..end).any(|k| {
                crate::words::is_weekday(&d.lower[k]) || crate::words::is_month(&d.lower[k])
            })
            || !(start..end).any(|k| subjects.contains(&k))
            || (start..end).any(|k| {
                d.heads[k] != verb && !d.heads[k].is_some_and(|h| (start..end).contains(&h))
            })
        {
            continue;
        }
        d.heads[head] = verb;
        d.rels[head] = "nsubj";
        for (k, t) in tokens.iter().enumerate().take(end).skip(head) {
            // a capitalised word of a name is a proper noun (`Independent`, `Media`)
            if matches!(d.upos[k], Upos::Adj | Upos::Noun) && t.form.starts_with(char::is_uppercase)
            {
                d.upos[k] = Upos::Propn;
            }
        }
        for k in start..end {
            if k != head && d.heads[k] == verb {
                d.heads[k] = Some(head);
                d.rels[k] = if k < head { "det" } else { "flat" };
            }
        }
        d.attach(desc, head, "compound");
    }
}

/// A word of a name: capitalised, or `&` / `and` between capitalised words.
fn name_word(tokens: &[Token], k: usize) -> bool {
    let capital = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.form.starts_with(char::is_uppercase))
    };
    capital(k)
        || (matches!(tokens[k].form.as_str(), "&" | "and")
            && k > 0
            && capital(k - 1)
            && capital(k + 1))
}
