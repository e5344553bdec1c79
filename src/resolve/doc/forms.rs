//! The words of one document's names and lines, on their own: which sentences names may
//! come from (not credits), pronouns and determiners, media names, and the acronym and
//! parenthesis tests that decide whether two forms may be one name. No state: the
//! builder in `mod.rs` asks, these answer.

use super::words::{
    BODY_NOUNS, COMPANY_NOUNS, CREDIT_WORDS, DETERMINERS, INSTITUTION_HEADS,
    INSTITUTION_QUALIFIERS, MEDIA_HEADS, NOT_INITIALS, OTHER_PRONOUNS, PEOPLE_NOUNS, PERSON_NOUNS,
    PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS,
};
use crate::model::{Argument, EntityType, Sentence, SentenceKind, Token, Upos};
use crate::resolve::gazetteer::{Gazetteer, normalize};
use crate::resolve::local::LocalEntity;
use crate::resolve::mention::is_acronym;

/// True for sentences entities may come from: body text and headlines.
pub(super) fn text_sentence(s: &Sentence) -> bool {
    matches!(s.kind, SentenceKind::Body | SentenceKind::Headline) && !credit_line(s)
}

/// A line with a credit word or separator and no verb (`Picture by A B / X Images`).
pub(super) fn credit_line(s: &Sentence) -> bool {
    let text: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
    let verbless = !s
        .tokens
        .iter()
        .any(|t| t.upos == Upos::Verb || t.upos == Upos::Aux);
    verbless && (is_credit(&text.join(" ")) || text.iter().any(|w| *w == "/" || *w == "|"))
}

/// True for photo credits and agency tags (`PA Wire / PA Images`, `… via Getty Images`).
pub fn is_credit(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    text.contains(" / ")
        || text.contains(" | ")
        || words.iter().any(|w| CREDIT_WORDS.contains(&w.as_str()))
        || words.last().is_some_and(|w| w == "wire")
}

pub(super) fn is_pronoun(word: &str) -> bool {
    let w = word.to_lowercase();
    PERSON_PRONOUNS.contains(&w.as_str())
        || THING_PRONOUNS.contains(&w.as_str())
        || PLURAL_PRONOUNS.contains(&w.as_str())
        || OTHER_PRONOUNS.contains(&w.as_str())
}

/// The words that narrow a description's head (`Frankfurt` in `the Frankfurt exchange`,
/// `pilots` in `the pilots union`, `German` in `the German bank`): nouns and proper nouns
/// before the head, and capitalised adjectives (demonyms), normalised.
pub(super) fn description_modifiers(s: &Sentence, arg: &Argument) -> Vec<String> {
    let end = arg.head.min(arg.tokens.end);
    (arg.tokens.start..end)
        .filter_map(|i| s.tokens.get(i))
        .filter(|t| {
            matches!(t.upos, Upos::Noun | Upos::Propn)
                || t.upos == Upos::Adj && t.form.chars().next().is_some_and(char::is_uppercase)
        })
        .map(|t| normalize(&t.form))
        .filter(|w| !w.is_empty() && !w.contains(' '))
        .collect()
}

/// Drops a leading determiner or possessive pronoun and surrounding punctuation.
pub fn strip_determiner(text: &str) -> String {
    let trimmed = text.trim_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != ')');
    let mut words: Vec<&str> = trimmed.split_whitespace().collect();
    while words.len() > 1 && DETERMINERS.contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
    }
    words.join(" ")
}

/// True for a name that says which kind of state institution but not whose (`Finance
/// Ministry`, `Ministry of Finance`, `Stock Exchange`, `Supreme Court`; `key` normalised):
/// every country has one, so it names one only inside its article.
pub(super) fn is_unqualified_institution(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    words.len() >= 2
        && words.iter().any(|w| INSTITUTION_HEADS.contains(w))
        && words
            .iter()
            .all(|w| INSTITUTION_HEADS.contains(w) || INSTITUTION_QUALIFIERS.contains(w))
}

pub(super) fn is_media_name(form: &str) -> bool {
    let last = form.rsplit(' ').next().unwrap_or("").to_lowercase();
    MEDIA_HEADS.contains(&last.as_str())
}

/// `A (B)` names one thing twice only for compatible sides: `Name (Country)`,
/// `Name (Club)` or `Actor (Film)` give a nationality, team or work, not another name.
/// After a person the parenthesis is a party, team, country or film, never another name;
/// a gazetteer place in the parentheses only restates the same entry; a place and a
/// non-place meet only when the parenthesis is the acronym of one of the other side's
/// names (`Long Name (LN)`).
pub(super) fn parenthesis_is_identity(a: &LocalEntity, b: &LocalEntity, inner: &str) -> bool {
    let gaz = Gazetteer::get();
    let is_place_entry = |e: &LocalEntity| {
        e.entry
            .is_some_and(|id| gaz.entry(id).kind == EntityType::Place)
    };
    if a.kind == EntityType::Person {
        return false;
    }
    if (is_place_entry(a) || is_place_entry(b)) && a.entry != b.entry {
        return false;
    }
    if (a.kind == EntityType::Place) != (b.kind == EntityType::Place) {
        let acr = inner.replace('.', "");
        return is_acronym(inner)
            && a.forms
                .keys()
                .any(|f| initials_of(f).is_some_and(|i| i == acr));
    }
    true
}

/// True when a word of `name` is itself the acronym `acr` (`U.S. Steel`, `US Sprint`):
/// such a name contains the short form, it does not expand it.
pub(super) fn contains_acronym_word(name: &str, acr: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .any(|w| w.replace('.', "") == acr)
}

/// Initials of a multi-word name, skipping function words (`Financial Times` → `FT`).
pub(super) fn initials_of(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return None;
    }
    let mut out = String::new();
    for w in words {
        if NOT_INITIALS.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        let c = w.chars().next()?;
        if !c.is_uppercase() {
            return None;
        }
        out.push(c);
    }
    (out.len() >= 2).then_some(out)
}

/// The year of an article's date as written (`26-FEB-1987 15:01:01.79`, `2005-03-01`):
/// its first run of four digits between 1800 and 2199.
pub(super) fn article_year(date: Option<&str>) -> Option<i32> {
    let date = date?;
    date.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse::<i32>().ok())
        .find(|y| (1800..2200).contains(y))
}

/// The type a phrase takes from its head noun: a body (`the company`, `banks`, `the
/// government`) is an organisation, a person noun a person (`the spokesman`) or, in the
/// plural, a group of people (`analysts`, `people`); anything else stays `Other`.
pub(super) fn phrase_kind(head: &Token) -> EntityType {
    if head.upos != Upos::Noun {
        return EntityType::Other;
    }
    let lemma = head.lemma.to_lowercase();
    let lemma = lemma.as_str();
    if COMPANY_NOUNS.contains(&lemma) || BODY_NOUNS.contains(&lemma) {
        EntityType::Organization
    } else if PERSON_NOUNS.contains(&lemma) || PEOPLE_NOUNS.contains(&lemma) {
        if head.xpos == "NNS" || lemma == "people" {
            EntityType::Group
        } else {
            EntityType::Person
        }
    } else {
        EntityType::Other
    }
}

#[cfg(test)]
mod tests {
    use super::article_year;

    #[test]
    fn a_ministry_without_a_country_is_no_one_s_in_particular() {
        use super::is_unqualified_institution as f;
        assert!(f("finance ministry") && f("ministry of finance") && f("stock exchange"));
        assert!(f("the central bank") && f("supreme court"));
        assert!(!f("tokyo stock exchange") && !f("bank of france") && !f("ministry"));
        assert!(!f("security council") && !f("home office"));
    }

    #[test]
    fn the_year_of_a_date_as_written() {
        assert_eq!(article_year(Some("26-FEB-1987 15:01:01.79")), Some(1987));
        assert_eq!(article_year(Some("2005-03-01")), Some(2005));
        assert_eq!(article_year(Some("1 March 2005")), Some(2005));
        assert_eq!(article_year(Some("12345 0099")), None);
        assert_eq!(article_year(None), None);
    }
}
