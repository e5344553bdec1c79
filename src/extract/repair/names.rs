//! Repairs of names: a name split in two or headed by a first name, appositions around
//! a name, and the speaker of a quotation.

use crate::model::{Token, Upos};

use super::draft::{Draft, is_quote};
use crate::extract::lexicon;

/// `Ann Lee, Bo Chan and Cy Park` with `Bo` and `Chan` two conjuncts of `Lee`: conjuncts
/// are separated by a comma or a conjunction, so a capitalised proper-noun conjunct right
/// after another one, with no dependents of its own, is the rest of that name (`flat`).
pub(super) fn split_name(d: &mut Draft<'_>, tokens: &[Token]) {
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

/// `The Securities and Exchange Commission fined …` parsed as two conjuncts, `Securities`
/// and `Exchange Commission`: a capitalised plural common noun (`Securities`, `Services`)
/// coordinated with a name of two or more capitalised words right after it is the first
/// word of one name, not a second actor. Two names (`Texaco and Pennzoil Co`) keep their
/// coordination: the first is not a common noun.
pub(super) fn coordinated_name(d: &mut Draft<'_>, tokens: &[Token]) {
    let capital = |t: usize| tokens[t].form.starts_with(char::is_uppercase);
    let last = d.len().saturating_sub(3);
    for (x, token) in tokens.iter().enumerate().take(last) {
        let and = x + 1;
        if !(capital(x)
            && matches!(token.xpos, "NNPS" | "NNS")
            && matches!(d.lower[and].as_str(), "and" | "&"))
        {
            continue;
        }
        // the conjunct: the last of a run of capitalised proper nouns right after `and`
        let run_end = (and + 1..d.len())
            .take_while(|&t| capital(t) && d.upos[t] == Upos::Propn)
            .last();
        let Some(c) = run_end else {
            continue;
        };
        if c < and + 2
            || d.heads[c] != Some(x)
            || d.base(c) != "conj"
            || (and + 1..c).any(|t| d.heads[t] != Some(c))
        {
            continue;
        }
        let (head, rel) = (d.heads[x], d.rels[x]);
        d.heads[c] = head;
        d.rels[c] = rel;
        d.attach(x, c, "compound");
        // inside one name `and` is one of its words, as `&` is in `AT&T`
        d.attach(and, c, "flat");
    }
}

/// `Julian Okafor` with the capitalised first name tagged as an adjective and the surname
/// its `flat` part: `flat` joins the parts of a name, so a capitalised adjective heading a
/// proper noun that way is a proper noun.
pub(super) fn flat_name_head(d: &mut Draft<'_>, tokens: &[Token]) {
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

/// `The country's finance minister, Jane Doe warned …` with `minister` a bare `obl` of
/// the verb, or a second subject, right before `, Doe` (the verb's last subject): the
/// title phrase is an apposition of the subject.
pub(super) fn fronted_apposition(d: &mut Draft<'_>, tokens: &[Token]) {
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
pub(super) fn name_before_apposition(d: &mut Draft<'_>) {
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

/// `"We will appeal," Jane Doe, the club's lawyer, told reporters` with the speaker's
/// name (and its apposition) attached inside the quotation and the reporting verb left
/// without a subject: the phrase between the closing quote and the verb, when it hangs
/// into the quoted clause that the verb governs, is the verb's subject; later nouns after
/// a comma are its appositions.
pub(super) fn quoted_speaker(d: &mut Draft<'_>, tokens: &[Token]) {
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

/// `East Ruritanian Finance Minister Anna Novak met …` or `U.S. Treasury Secretary
/// Ivo Marsh met …` parsed with the first word of the chain (`East`, `U.S.`) heading it
/// and the person a conjunct or a second subject: in a run of capitalised words, a
/// person's title followed by a first name and the rest of the run (two to four proper
/// nouns) is that person, and the person heads the run; the title is its compound and
/// the words before the title (the country, body or demonym) the title's.
pub(super) fn title_chain(d: &mut Draft<'_>, tokens: &[Token]) {
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let start = i;
        while i < n && chain_word(d, tokens, i) {
            i += 1;
        }
        if i == start {
            i += 1;
        } else if i - start >= 4 {
            fix_chain(d, start, i);
        }
    }
}

/// A capitalised noun, adjective or proper noun, or a lower-case proper noun between two
/// capitalised words (`von` in `Anna von Brandt`).
fn chain_word(d: &Draft<'_>, tokens: &[Token], i: usize) -> bool {
    let capital = |k: usize| tokens[k].form.starts_with(char::is_uppercase);
    (capital(i) && matches!(d.upos[i], Upos::Propn | Upos::Adj | Upos::Noun))
        || (d.upos[i] == Upos::Propn
            && i > 0
            && i + 1 < tokens.len()
            && capital(i - 1)
            && capital(i + 1))
}

fn fix_chain(d: &mut Draft<'_>, start: usize, end: usize) {
    // The last title that a first name follows, with at least one word before it and a
    // name of two to four words after it.
    let Some(title) = (start + 1..end.saturating_sub(2)).rev().find(|&t| {
        crate::words::is_person_title(d.lower[t].trim_end_matches('.'))
            && crate::words::is_first_name(&d.lower[t + 1])
    }) else {
        return;
    };
    let first = title + 1;
    if end - first > 4 || (first..end).any(|k| d.upos[k] != Upos::Propn) {
        return;
    }
    let inside = |h: Option<usize>| h.is_some_and(|h| (start..end).contains(&h));
    let roots: Vec<usize> = (start..end).filter(|&k| !inside(d.heads[k])).collect();
    if roots == [first] {
        return;
    }
    // The person keeps its own place when the parser gave it one (`UK Prime Minister Ann
    // Lee is meeting …` with `UK` a stray compound of the verb); else it takes the place
    // of the run's first word.
    let root = if roots.contains(&first) {
        first
    } else {
        match roots.first() {
            Some(&r) => r,
            None => return,
        }
    };
    let (gov, rel) = (d.heads[root], d.rels[root]);
    if gov.is_some_and(|g| (start..end).any(|k| d.dominates(k, g))) {
        return;
    }
    let saved = (d.heads.clone(), d.rels.clone());
    // Words after the run that hang from its first words belong to the person.
    for c in end..d.len() {
        if d.heads[c].is_some_and(|h| (start..first).contains(&h)) {
            d.heads[c] = Some(first);
        }
    }
    d.heads[first] = gov;
    d.rels[first] = rel;
    for k in first + 1..end {
        d.heads[k] = Some(first);
        d.rels[k] = "flat";
    }
    d.heads[title] = Some(first);
    d.rels[title] = "compound";
    for k in start..title {
        if !d.heads[k].is_some_and(|h| (start..=title).contains(&h)) {
            d.heads[k] = Some(title);
            d.rels[k] = "compound";
        }
    }
    // Every word of the run must now reach the person: undo anything else.
    if (start..end).any(|k| !d.dominates(first, k)) {
        (d.heads, d.rels) = saved;
    }
}
