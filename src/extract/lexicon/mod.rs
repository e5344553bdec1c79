//! Closed word lists the extractors consult: speech and attribution verbs, hedges,
//! negations, event nouns and their verbs, and spelling normalisation.
//!
//! Every list is general English (news register); none is keyed to a particular article.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::model::Modality;
use crate::words::{is_month, is_weekday};

mod words;

use words::{
    AGENTIVE_ENDINGS, AGENTIVE_NOUNS, ALLEGING_ADJECTIVES, ALLEGING_ADVERBS, ARGUMENT_PREPOSITIONS,
    ASSERTING_SUPPORT_VERBS, CLAIM_VERBS, CLAUSAL_SPEECH_VERBS, CURRENCIES, DEMONYM_ENDINGS,
    DENY_VERBS, DENYING_SUPPORT_VERBS, DIRECTIVE_VERBS, EMPTY_NOUNS, EVENT_VERBS, FEAR_VERBS,
    INTENTION_VERBS, LIGHT_VERB_OBJECTS, MAGNITUDES, NEGATED_READINESS_ADJECTIVES, NEGATIONS,
    NOT_AGENTIVE_NOUNS, NOT_EVENT_ING_NOUNS, PERSONAL_PRONOUNS, POSSIBILITY_ADJECTIVES,
    POSSIBILITY_ADVERBS, POSSIBILITY_SUPPORT_VERBS, POSSIBLE_AUXILIARIES, QUANTITY_NOUNS,
    READINESS_ADJECTIVES, RELATIVE_PRONOUNS, STATIVE_PASSIVES, TIME_NOUNS, UNDERGOER_NOUNS,
    UNIT_ABBREVIATIONS, VAGUE_ADJECTIVES,
};

/// How a reporting verb colours the clause it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SpeechClass {
    /// `say`, `claim`, `believe`: the reported clause is alleged by the speaker.
    Claim,
    /// `warn`, `fear`, `expect`: the reported clause is a possibility.
    Fear,
    /// `deny`, `reject`: the reported clause is denied (and negative).
    Deny,
}

impl SpeechClass {
    /// The modality of a clause reported by a verb of this class.
    pub(crate) fn modality(self) -> Modality {
        match self {
            SpeechClass::Claim => Modality::Alleged,
            SpeechClass::Fear => Modality::Possible,
            SpeechClass::Deny => Modality::Denied,
        }
    }
}

/// The class of the first list that has `lemma` (lists are tried in order).
fn class_of<T: Copy>(lemma: &str, lists: &[(&[&str], T)]) -> Option<T> {
    lists
        .iter()
        .find(|(words, _)| words.contains(&lemma))
        .map(|&(_, class)| class)
}

/// The class of a reporting (speech or cognition) verb lemma, if it is one.
pub(crate) fn speech_class(lemma: &str) -> Option<SpeechClass> {
    class_of(
        lemma,
        &[
            (DENY_VERBS, SpeechClass::Deny),
            (FEAR_VERBS, SpeechClass::Fear),
            (CLAIM_VERBS, SpeechClass::Claim),
        ],
    )
}

/// Reporting verbs whose object, in news, is what was said and never an addressee or a
/// theme of their own (`said the product…`, `thinks IPTV is…`). Not among them: verbs
/// with addressees (`tell`, `warn`, `accuse`) and those with themes as well as clauses
/// (`claimed the title`, `concluded a deal`, `observed a ceasefire`, `explained the plan`,
/// `suggested state funding`, `added flights`).
pub(crate) fn clausal_speech_verb(lemma: &str) -> bool {
    CLAUSAL_SPEECH_VERBS.contains(&lemma)
}

/// True when the lexicon knows `lemma` as a verb of some class (reporting, intention,
/// support or stative passive): used to restore a lemma the lemmatiser cut short.
pub(crate) fn is_known_verb(lemma: &str) -> bool {
    speech_class(lemma).is_some()
        || intention_verb(lemma)
        || support_verb(lemma).is_some()
        || stative_passive(lemma)
}

/// Passive participles that describe the subject's own part in something
/// (`was involved in`), so the subject is the actor.
pub(crate) fn stative_passive(lemma: &str) -> bool {
    STATIVE_PASSIVES.contains(&lemma)
}

/// True for a word shaped like a nationality adjective (`russian`, `chinese`, `french`).
pub(crate) fn looks_demonym(lower: &str) -> bool {
    DEMONYM_ENDINGS
        .iter()
        .any(|s| lower.len() > 4 && lower.ends_with(s))
}

/// Modal auxiliaries that make a statement a possibility.
pub(crate) fn is_possible_aux(lemma: &str) -> bool {
    POSSIBLE_AUXILIARIES.contains(&lemma)
}

/// Adverbs that hedge: alleged or possible.
pub(crate) fn hedge_adverb(lemma: &str) -> Option<Modality> {
    class_of(
        lemma,
        &[
            (ALLEGING_ADVERBS, Modality::Alleged),
            (POSSIBILITY_ADVERBS, Modality::Possible),
        ],
    )
}

/// Adjectives that hedge an event noun (`alleged interference`).
pub(crate) fn hedge_adjective(lemma: &str) -> Option<Modality> {
    class_of(
        lemma,
        &[
            (ALLEGING_ADJECTIVES, Modality::Alleged),
            (POSSIBILITY_ADJECTIVES, Modality::Possible),
        ],
    )
}

/// Negation words (`not`, `never`, `no`).
pub(crate) fn is_negation(lemma: &str) -> bool {
    NEGATIONS.contains(&lemma)
}

/// Verbs heading an infinitive that make what follows a possibility (`plans to expand`).
pub(crate) fn intention_verb(lemma: &str) -> bool {
    INTENTION_VERBS.contains(&lemma)
}

/// Verbs whose object is asked or allowed to do what their infinitive says (`urged
/// banks to cut rates`): that infinitive is a possibility, not a fact.
pub(crate) fn directive_verb(lemma: &str) -> bool {
    DIRECTIVE_VERBS.contains(&lemma)
}

/// Verbs with an event-noun object whose subject is the event's agent
/// (`launched an attack on`, `expanded cooperation with`).
pub(crate) fn support_verb(lemma: &str) -> Option<Modality> {
    class_of(
        lemma,
        &[
            (ASSERTING_SUPPORT_VERBS, Modality::Asserted),
            (POSSIBILITY_SUPPORT_VERBS, Modality::Possible),
            (DENYING_SUPPORT_VERBS, Modality::Denied),
        ],
    )
}

/// For an adjective that takes a to-infinitive of what may yet happen (`ready`, `keen`,
/// `unable`), whether it negates it (`unable`, `unwilling`, `unlikely`, `reluctant`).
pub(crate) fn readiness_adjective(lemma: &str) -> Option<bool> {
    let lemma = lemma.to_ascii_lowercase();
    if READINESS_ADJECTIVES.contains(&lemma.as_str()) {
        Some(false)
    } else if NEGATED_READINESS_ADJECTIVES.contains(&lemma.as_str()) {
        Some(true)
    } else {
        None
    }
}

/// Whether an event noun's possessor alone is the one it is done to (`the minister's
/// dismissal`).
pub(crate) fn is_undergoer_noun(lemma: &str) -> bool {
    let lemma = lemma.to_ascii_lowercase();
    UNDERGOER_NOUNS.contains(&lemma.as_str())
        || lemma
            .strip_suffix('s')
            .is_some_and(|s| UNDERGOER_NOUNS.contains(&s))
}

/// The verb of a deverbal event noun (`interference` → `interfere`), if known.
pub(crate) fn event_verb(noun: &str) -> Option<Cow<'static, str>> {
    // every noun of every sentence comes here: a table, not a scan of the list
    static TABLE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut m = FxHashMap::default();
        for &(n, v) in EVENT_VERBS {
            m.entry(n).or_insert(v);
        }
        m
    });
    let noun = noun.to_ascii_lowercase();
    let singular = noun
        .strip_suffix('s')
        .filter(|s| s.len() > 3)
        .unwrap_or(&noun);
    if let Some(v) = table.get(noun.as_str()).or_else(|| table.get(singular)) {
        return Some(Cow::Borrowed(v));
    }
    // Gerund nouns: `smuggling` → `smuggle`, `shipping` → `ship`, `trading` → `trade`;
    // not the -ing nouns that name things (`building`, `earnings`, `shareholding`).
    let gerund = noun.strip_suffix("ing").filter(|s| s.len() >= 3)?;
    if NOT_EVENT_ING_NOUNS.contains(&noun.as_str()) || NOT_EVENT_ING_NOUNS.contains(&singular) {
        return None;
    }
    Some(Cow::Owned(gerund_verb(gerund)))
}

/// The verb of a gerund's stem by English spelling: a doubled final consonant was added
/// (`shipp` → `ship`), and a final `e` dropped where the stem could not end a verb as it
/// stands (`smuggl`, `restructur`, `produc`, `liv`, `combin`, `eas`) or where a
/// one-syllable verb without the `e` would have doubled its consonant (`trad`, `rul`,
/// `tak`: `trading` is not `tradding`).
fn gerund_verb(stem: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    let last = b[n - 1];
    let prev = b[n - 2];
    let vowel = |c: u8| b"aeiou".contains(&c);
    let with_e = || format!("{stem}e");
    let vowels = stem.bytes().filter(|&c| vowel(c) || c == b'y').count();
    if last == prev && !vowel(last) && !matches!(last, b'l' | b's' | b'f' | b'z') {
        return stem[..n - 1].to_owned();
    }
    // `travelling`, `controlling`: British doubling after an unstressed vowel
    if n >= 5 && (stem.ends_with("ell") || stem.ends_with("oll")) && vowels >= 2 {
        return stem[..n - 1].to_owned();
    }
    let single_vowel_before = vowel(prev) && (n < 3 || !vowel(b[n - 3]));
    let needs_e = (last == b'l' && !vowel(prev) && prev != b'l')
        || matches!(last, b'v' | b'u')
        || (last == b'c' && prev != b'c')
        || (last == b'r' && prev == b'u')
        || (matches!(last, b'z' | b's') && vowel(prev) && !stem.ends_with("us"))
        || (last == b'n' && prev == b'i' && n >= 3 && !vowel(b[n - 3]))
        || (last == b't' && prev == b'a' && vowels >= 2 && !matches!(b[n - 3], b'e' | b'o'))
        || (last == b'k' && prev == b'a' && single_vowel_before)
        || (last == b'd' && single_vowel_before && vowels >= 2 && prev != b'e')
        || (vowels == 1 && single_vowel_before && !matches!(last, b'w' | b'x' | b'y'));
    if needs_e { with_e() } else { stem.to_owned() }
}

/// Head nouns of quantity phrases to look through (`a total of 110 attempts` → `attempts`).
pub(crate) fn is_quantity_noun(lemma: &str) -> bool {
    QUANTITY_NOUNS.contains(&lemma)
}

/// Vague adjectives trimmed from non-entity phrases (`separate attempts` → `attempts`).
pub(crate) fn is_vague_adjective(lemma: &str) -> bool {
    VAGUE_ADJECTIVES.contains(&lemma)
}

/// A currency noun (`pounds`, `dollars`).
pub(crate) fn is_currency(lower: &str) -> bool {
    CURRENCIES.contains(&lower)
}

/// A magnitude after a number (`m` of `5m`, `bn`, `million`).
pub(crate) fn is_magnitude(lower: &str) -> bool {
    MAGNITUDES.contains(&lower)
}

/// Unit abbreviations that mean nothing without their number (`p` of `70p`, `mln`).
pub(crate) fn is_unit_abbreviation(lemma: &str) -> bool {
    UNIT_ABBREVIATIONS.contains(&lemma)
}

/// Nouns of time: an oblique headed by one is a circumstance, not a target. The days and
/// months are in [`crate::words`].
pub(crate) fn is_time_noun(lemma: &str) -> bool {
    is_weekday(lemma) || is_month(lemma) || TIME_NOUNS.contains(&lemma)
}

/// Prepositions that introduce a target (`interfere in`, `cooperate with`).
pub(crate) fn is_argument_preposition(prep: &str) -> bool {
    ARGUMENT_PREPOSITIONS.contains(&prep)
}

/// Personal pronouns: these are emitted with kind Pronoun for coreference.
pub(crate) fn is_personal_pronoun(lower: &str) -> bool {
    PERSONAL_PRONOUNS.contains(&lower)
}

/// True when verb `verb` and its object noun `noun` (lemmas) make one predicate (`take
/// place`, `play a role`): the object is no target of its own.
pub(crate) fn is_light_verb_object(verb: &str, noun: &str) -> bool {
    let noun = noun.to_ascii_lowercase();
    LIGHT_VERB_OBJECTS
        .binary_search_by(|(v, _)| (*v).cmp(verb))
        .is_ok_and(|i| LIGHT_VERB_OBJECTS[i].1.contains(&noun.as_str()))
}

/// Relative pronouns, replaced by the noun the relative clause modifies.
pub(crate) fn is_relative_pronoun(lower: &str) -> bool {
    RELATIVE_PRONOUNS.contains(&lower)
}

/// True for a noun that says nothing alone (`way`, `lot`) or a currency without its
/// amount (`dollars`).
pub(crate) fn is_empty_noun(lower: &str) -> bool {
    EMPTY_NOUNS.contains(&lower)
}

/// Nouns naming people or bodies that act (`officials`, `hackers`, `government`).
pub(crate) fn is_agentive_noun(lemma: &str) -> bool {
    let lemma = lemma.to_ascii_lowercase();
    if AGENTIVE_NOUNS.contains(&lemma.as_str()) {
        return true;
    }
    if NOT_AGENTIVE_NOUNS.contains(&lemma.as_str()) {
        return false;
    }
    AGENTIVE_ENDINGS
        .iter()
        .any(|s| lemma.len() > s.len() + 3 && lemma.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::lemma::american;

    #[test]
    fn spelling_is_unified() {
        assert_eq!(american("co-operate"), "cooperate");
        assert_eq!(american("criticise"), "criticize");
        assert_eq!(american("organisation"), "organization");
        assert_eq!(american("analyse"), "analyze");
        assert_eq!(american("advise"), "advise");
        assert_eq!(american("raise"), "raise");
        assert_eq!(american("defence"), "defense");
        assert_eq!(american("interfere"), "interfere");
    }

    #[test]
    fn event_nouns_map_to_verbs() {
        assert_eq!(event_verb("interference").as_deref(), Some("interfere"));
        assert_eq!(event_verb("Attacks").as_deref(), Some("attack"));
        assert_eq!(event_verb("smuggling").as_deref(), Some("smuggle"));
        assert_eq!(event_verb("shipping").as_deref(), Some("ship"));
        // the `e` a gerund dropped, by spelling
        for (noun, verb) in [
            ("trading", "trade"),
            ("filing", "file"),
            ("ruling", "rule"),
            ("easing", "ease"),
            ("restructuring", "restructure"),
            ("refinancing", "refinance"),
            ("combining", "combine"),
            ("undertaking", "undertake"),
            ("negotiating", "negotiate"),
            ("including", "include"),
            ("arguing", "argue"),
            ("living", "live"),
            ("travelling", "travel"),
            ("lending", "lend"),
            ("funding", "fund"),
            ("bidding", "bid"),
            ("visiting", "visit"),
            ("offering", "offer"),
            ("lobbying", "lobby"),
            ("processing", "process"),
            ("training", "train"),
            ("spending", "spend"),
        ] {
            assert_eq!(event_verb(noun).as_deref(), Some(verb), "{noun}");
        }
        // -ing nouns that name things
        assert_eq!(event_verb("buildings"), None);
        assert_eq!(event_verb("shareholding"), None);
        assert_eq!(event_verb("table"), None);
    }

    #[test]
    fn agentive_nouns() {
        assert!(is_agentive_noun("officials".trim_end_matches('s')));
        assert!(is_agentive_noun("attacker"));
        assert!(!is_agentive_noun("number"));
        assert!(!is_agentive_noun("table"));
    }
}
