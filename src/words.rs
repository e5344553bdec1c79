//! Word lists that more than one stage reads: the days of the week and the months (the
//! extractors' time nouns, name detection's non-names and name breaks, the sentence
//! splitter's date lines, which take them capitalised: [`capitalised_in`]).
//!
//! Each stage keeps its own lists beside its logic (`resolve/mention/words.rs`,
//! `extract/lexicon/words.rs`, `nlp/lemma/words.rs`, `nlp/segment/words.rs`); a list moves
//! here only when two stages need the same words. Every word is lower case. A stage that
//! needs a different membership says so with a named subset here (as
//! [`MONTHS_ALSO_NAMES`]), not with a copy of the list.

/// The days of the week.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months of the year, in full.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Months that are also names or common words (`May`, `June`, `march`): name detection
/// does not end a name at them.
pub(crate) const MONTHS_ALSO_NAMES: &[&str] = &["march", "may", "june"];

/// True for a day of the week (`monday`).
pub(crate) fn is_weekday(lower: &str) -> bool {
    WEEKDAYS.contains(&lower)
}

/// True for a month written in full (`january`).
pub(crate) fn is_month(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

/// True when `word` is a word of `list` with its first letter in capitals (`Monday` for
/// `monday`), the rest as listed.
pub(crate) fn capitalised_in(word: &str, list: &[&str]) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next().filter(char::is_ascii_uppercase) else {
        return false;
    };
    let rest = chars.as_str();
    let first = first.to_ascii_lowercase();
    list.iter()
        .any(|w| w.strip_prefix(first).is_some_and(|r| r == rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_words_of_a_list() {
        assert!(capitalised_in("Monday", WEEKDAYS));
        assert!(capitalised_in("May", MONTHS));
        assert!(!capitalised_in("monday", WEEKDAYS));
        assert!(!capitalised_in("MONDAY", WEEKDAYS));
        assert!(!capitalised_in("Mon", WEEKDAYS));
        assert!(!capitalised_in("", MONTHS));
        assert!(is_weekday("sunday") && is_month("june") && !is_month("jun"));
    }
}
