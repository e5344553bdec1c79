//! Repairs of verb forms (participles read as adjectives or objects, reporting-verb
//! lemmas cut short) and of amounts written after their currency.

use crate::model::{Token, Upos};

use super::draft::{Draft, is_quote};
use crate::extract::lexicon;
use crate::nlp::morph;

/// A verb lemmatised without its final `e` (`conceded` → `conced`) gets it back when
/// the lexicon knows the lemma with it.
pub(super) fn lemma_final_e(d: &mut Draft<'_>, tokens: &[Token]) {
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
pub(super) fn participle_as_object(d: &mut Draft<'_>, tokens: &[Token]) {
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
        d.promote(o, v, "aux", |c| c != o);
        d.upos[v] = Upos::Aux;
    }
}

/// `Two firms were involved in the fraud` with `involved` an adjective (`JJ`) under a
/// copula: a participle whose verb is in the stative-passive lexicon becomes the passive
/// verb (copula → `aux:pass`, subject → `nsubj:pass`).
pub(super) fn stative_adjective(d: &mut Draft<'_>, tokens: &[Token]) {
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
pub(super) fn participle_verb(form: &str) -> Option<String> {
    morph::ed_stems(form)
        .into_iter()
        .find(|stem| lexicon::is_known_verb(stem))
}

/// `The minister had repeatedly denied bribery claims` with `had` the verb, `claims` its
/// object and `denied` an adjective of `claims`: the participle right after `have` (only
/// adverbs between) becomes the predicate, `have` its auxiliary. Only for verbs the
/// lexicon knows and never for hedges (`had alleged links` keeps its adjective).
pub(super) fn adjective_after_have(d: &mut Draft<'_>, tokens: &[Token]) {
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

/// `The minister had denied the claims` with `denied` an adjective that carries the
/// auxiliary `had`: an adjective takes no perfect `have`, so a participle with one is the
/// verb (when the lexicon knows it).
pub(super) fn perfect_adjective(d: &mut Draft<'_>, tokens: &[Token]) {
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

/// `received more than pounds 7m in gifts` (news that writes the currency before the
/// amount) parsed with `m` a conjunct of `pounds` and `5` hanging from `m`: a currency noun
/// right before a number takes that number as its `nummod`, and a magnitude right after
/// the number (`m`, `bn`, `million`) is the number's.
pub(super) fn currency_amount(d: &mut Draft<'_>) {
    for c in 0..d.len().saturating_sub(1) {
        let num = c + 1;
        if !lexicon::is_currency(&d.lower[c]) || d.upos[num] != Upos::Num {
            continue;
        }
        let mag =
            (num + 1 < d.len() && lexicon::is_magnitude(&d.lower[num + 1])).then_some(num + 1);
        if d.heads[num] == Some(c)
            && d.rels[num] == "nummod"
            && mag.is_none_or(|m| d.heads[m] == Some(num))
        {
            continue;
        }
        if let Some(m) = mag {
            for ch in d.children(m) {
                if ch != num {
                    let r = d.rels[ch];
                    d.attach(ch, c, r);
                }
            }
        }
        if d.attach(num, c, "nummod")
            && let Some(m) = mag
        {
            d.attach(m, num, "compound");
        }
    }
}
