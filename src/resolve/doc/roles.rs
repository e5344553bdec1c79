//! The roles of a person mention: an apposition (`X, EU security commissioner,`), the
//! noun phrase it is an apposition of (`France's defence minister, X`), a descriptor
//! before the name (`TV presenter X`) and a stripped title (`President`).

use std::ops::Range;

use super::words::HONORIFICS;
use crate::model::{EntityType, Sentence, Upos};
use crate::resolve::mention::{NameMention, join_forms, name_head};

/// Roles of a mention from the parse: an appositive noun phrase (`X, EU security
/// commissioner,`), the noun phrase it is an appositive of (`France's defence minister,
/// X`), and a stripped title (`President`).
pub(super) fn roles(s: &Sentence, m: &NameMention) -> Vec<String> {
    let mut out = Vec::new();
    if m.kind != EntityType::Person {
        return out;
    }
    if let Some(t) = &m.title {
        let honorific = HONORIFICS.contains(&t.trim_end_matches('.').to_lowercase().as_str());
        if !honorific {
            out.push(t.clone());
        }
    }
    let Some(h) = name_head(s, &m.tokens) else {
        return out;
    };
    for c in s.children(h) {
        let t = &s.tokens[c];
        // `TV presenter X`, `film star X`: a descriptor right before the name
        if t.deprel == "nmod:desc" && t.upos == Upos::Noun && c < m.tokens.start {
            let r = subtree(s, c);
            if r.end == m.tokens.start
                && let Some(role) = role_text(s, r)
            {
                out.push(role);
            }
            continue;
        }
        if t.deprel == "appos" && t.upos == Upos::Noun {
            let r = subtree(s, c);
            if let Some(role) = role_text(s, r) {
                out.push(role);
            }
        }
    }
    let t = &s.tokens[h];
    if t.deprel == "appos"
        && let Some(p) = t.head
        && s.tokens[p].upos == Upos::Noun
        && p < m.tokens.start
    {
        let r = subtree(s, p);
        if let Some(role) = role_text(s, r.start..m.tokens.start.min(r.end)) {
            out.push(role);
        }
    }
    out
}

fn role_text(s: &Sentence, mut r: Range<usize>) -> Option<String> {
    let skip = |i: usize| {
        s.tokens
            .get(i)
            .is_some_and(|t| t.upos == Upos::Punct || t.upos == Upos::Det)
    };
    while r.start < r.end && skip(r.start) {
        r.start += 1;
    }
    while r.end > r.start
        && s.tokens
            .get(r.end - 1)
            .is_some_and(|t| t.upos == Upos::Punct)
    {
        r.end -= 1;
    }
    if r.is_empty() || r.len() > 8 || r.end > s.tokens.len() {
        return None;
    }
    if s.tokens[r.clone()]
        .iter()
        .any(|t| t.upos == Upos::Punct && t.form != "-" && t.form != "'s")
    {
        return None;
    }
    Some(join_forms(&s.tokens[r]))
}

/// Token range covered by the subtree of `root` (assumed projective).
fn subtree(s: &Sentence, root: usize) -> Range<usize> {
    let (mut lo, mut hi) = (root, root);
    let mut stack = vec![root];
    // A `Sentence` is one tree, so this walk visits each token once.
    while let Some(x) = stack.pop() {
        lo = lo.min(x);
        hi = hi.max(x);
        stack.extend(s.children(x));
    }
    lo..hi + 1
}
