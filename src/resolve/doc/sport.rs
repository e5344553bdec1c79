//! Countries that take the field: in a sports report, `England beat Wales` is about two
//! national sides, not two places. A country named as a side becomes a team of that
//! article (an organisation, part of the country), so the country's node does not hold
//! every side that plays under its name — the rugby, football and cricket sides of one
//! country are different teams, and nothing in one article says which other article's
//! side is the same, so each article's side stays its own.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::model::{AnnotatedArticle, Sentence, Token, Upos};
use crate::resolve::gazetteer::Entry;

/// Words (lemmas, lower case) that only sports reports use often: the kinds of sport,
/// positions and officials, competitions. Words with common other senses (`game`,
/// `player`, `club`, `goal`, `final`, `manager`, `captain`) are left out.
const SPORT_WORDS: &[&str] = &[
    "athlete",
    "athletics",
    "batsman",
    "bowler",
    "centre-back",
    "champion",
    "championship",
    "coach",
    "cricket",
    "cup",
    "defender",
    "doping",
    "fixture",
    "flanker",
    "fly-half",
    "football",
    "full-back",
    "full-time",
    "goalkeeper",
    "golf",
    "half-time",
    "hamstring",
    "hat-trick",
    "hurdles",
    "indoor",
    "injury",
    "injury-time",
    "innings",
    "keeper",
    "kick",
    "kick-off",
    "league",
    "line-out",
    "lineout",
    "marathon",
    "match",
    "medal",
    "midfield",
    "midfielder",
    "olympic",
    "olympics",
    "penalty",
    "premiership",
    "quarter-final",
    "referee",
    "relay",
    "rugby",
    "scrum",
    "scrum-half",
    "semi-final",
    "sin-bin",
    "skipper",
    "soccer",
    "sprint",
    "sprinter",
    "squad",
    "stadium",
    "striker",
    "tennis",
    "touchline",
    "tournament",
    "try",
    "wicket",
    "winger",
];

/// Home nations that field their own sides though they are no sovereign state.
const HOME_NATIONS: &[&str] = &["England", "Scotland", "Wales", "Northern Ireland"];

/// True for a sports report: at least five cues, three of them different, where a cue is
/// a word of [`SPORT_WORDS`] or a score (`24-17`, `2-1`). A business story that mentions
/// one `cup` or `match` stays news.
pub(super) fn is_sports_article(doc: &AnnotatedArticle) -> bool {
    let small = |t: &Token| {
        t.upos == Upos::Num
            && (1..=2).contains(&t.form.len())
            && t.form.bytes().all(|b| b.is_ascii_digit())
    };
    let mut seen = 0usize;
    let mut distinct: BTreeSet<&str> = BTreeSet::new();
    for s in &doc.sentences {
        for w in s.tokens.windows(3) {
            if small(&w[0])
                && w[1].form == "-"
                && small(&w[2])
                && w[0].span.end == w[1].span.start
                && w[1].span.end == w[2].span.start
            {
                seen += 1;
                distinct.insert("<score>");
            }
        }
        for t in &s.tokens {
            if !matches!(t.upos, Upos::Noun | Upos::Propn | Upos::Adj) {
                continue;
            }
            if let Ok(i) = SPORT_WORDS.binary_search(&t.lemma.to_lowercase().as_str()) {
                seen += 1;
                distinct.insert(SPORT_WORDS[i]);
            }
        }
    }
    seen >= 5 && distinct.len() >= 3
}

/// True for a gazetteer entry that fields national sides: a country or a home nation.
pub(super) fn fields_sides(entry: &Entry) -> bool {
    entry.country || HOME_NATIONS.contains(&entry.label.as_str())
}

/// True when the name at `tokens` acts or is acted on as a side: a subject, an object, a
/// possessor or modifier (`England's coach`, `the Wales squad`), or after `against`,
/// `over`, `to`, `with`, `by`, `for` (`a try for England`), `v`/`vs`; a conjunct reads as its first conjunct. After `in`,
/// `at`, `from` and other places' prepositions it is the place.
pub(super) fn plays_as_side(sentence: &Sentence, tokens: &Range<usize>) -> bool {
    let inside = |i: usize| tokens.contains(&i);
    let Some(mut head) = tokens
        .clone()
        .find(|&i| sentence.tokens[i].head.is_none_or(|h| !inside(h)))
    else {
        return false;
    };
    // `England and Wales drew`: the second conjunct plays as the first does.
    for _ in 0..4 {
        let t = &sentence.tokens[head];
        match (t.base_rel(), t.head) {
            ("conj", Some(h)) => head = h,
            _ => break,
        }
    }
    let t = &sentence.tokens[head];
    match t.deprel {
        "nsubj" | "nsubj:pass" | "obj" | "iobj" | "nmod:poss" | "compound" | "vocative" => true,
        "obl" | "nmod" | "obl:agent" => sentence.tokens.iter().any(|c| {
            c.head == Some(head)
                && c.base_rel() == "case"
                && matches!(
                    c.form.to_lowercase().as_str(),
                    "against" | "over" | "to" | "with" | "by" | "for" | "v" | "vs" | "v." | "vs."
                )
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::SPORT_WORDS;

    #[test]
    fn the_word_list_is_sorted_for_binary_search() {
        assert!(SPORT_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
