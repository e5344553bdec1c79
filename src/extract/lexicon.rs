//! Closed word lists the extractors consult: speech and attribution verbs, hedges,
//! negations, event nouns and their verbs, and spelling normalisation.
//!
//! Every list is general English (news register); none is keyed to a particular article.

use std::borrow::Cow;

use crate::model::Modality;

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

/// The class of a reporting (speech or cognition) verb lemma, if it is one.
pub(crate) fn speech_class(lemma: &str) -> Option<SpeechClass> {
    const CLAIM: &[&str] = &[
        "say",
        "tell",
        "claim",
        "allege",
        "assert",
        "state",
        "insist",
        "argue",
        "report",
        "write",
        "add",
        "announce",
        "suggest",
        "believe",
        "think",
        "suspect",
        "accuse",
        "charge",
        "contend",
        "maintain",
        "testify",
        "declare",
        "explain",
        "note",
        "conclude",
        "assess",
        "reckon",
        "indicate",
        "acknowledge",
        "admit",
        "concede",
        "stress",
        "emphasize",
        "tweet",
        "complain",
        "speculate",
        "assume",
        "signal",
        "allege",
        "inform",
        "brief",
        "recount",
        "reiterate",
        "repeat",
        "observe",
        "remark",
        "comment",
        "agree",
        "estimate",
        "confirm",
        "blame",
        "describe",
        "tell",
        "answer",
        "reply",
        "respond",
        "boast",
        "announce",
        "propose",
    ];
    const FEAR: &[&str] = &[
        "warn",
        "fear",
        "worry",
        "hope",
        "expect",
        "predict",
        "caution",
        "forecast",
        "anticipate",
    ];
    const DENY: &[&str] = &[
        "deny", "reject", "dismiss", "refute", "dispute", "rebut", "disclaim",
    ];
    if DENY.contains(&lemma) {
        Some(SpeechClass::Deny)
    } else if FEAR.contains(&lemma) {
        Some(SpeechClass::Fear)
    } else if CLAIM.contains(&lemma) {
        Some(SpeechClass::Claim)
    } else {
        None
    }
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
    matches!(
        lemma,
        "involve" | "engage" | "implicate" | "embroil" | "entangle"
    )
}

/// True for a word shaped like a nationality adjective (`russian`, `chinese`, `french`).
pub(crate) fn looks_demonym(lower: &str) -> bool {
    ["an", "ese", "ish", "ch", "i", "ic"]
        .iter()
        .any(|s| lower.len() > 4 && lower.ends_with(s))
}

/// Modal auxiliaries that make a statement a possibility.
pub(crate) fn is_possible_aux(lemma: &str) -> bool {
    matches!(lemma, "may" | "might" | "could" | "would" | "should")
}

/// Adverbs that hedge: alleged or possible.
pub(crate) fn hedge_adverb(lemma: &str) -> Option<Modality> {
    match lemma {
        "allegedly" | "reportedly" | "supposedly" | "purportedly" | "apparently" | "ostensibly" => {
            Some(Modality::Alleged)
        }
        "possibly" | "perhaps" | "maybe" | "probably" | "likely" | "potentially"
        | "conceivably" => Some(Modality::Possible),
        _ => None,
    }
}

/// Adjectives that hedge an event noun (`alleged interference`).
pub(crate) fn hedge_adjective(lemma: &str) -> Option<Modality> {
    match lemma {
        "alleged" | "suspected" | "reported" | "purported" | "supposed" | "apparent" => {
            Some(Modality::Alleged)
        }
        "possible" | "potential" | "likely" | "probable" | "planned" | "threatened"
        | "proposed" => Some(Modality::Possible),
        _ => None,
    }
}

/// Negation words (`not`, `never`, `no`).
pub(crate) fn is_negation(lemma: &str) -> bool {
    matches!(
        lemma,
        "not" | "n't" | "never" | "no" | "neither" | "nor" | "nobody" | "nothing"
    )
}

/// Verbs heading an infinitive that make what follows a possibility (`plans to expand`).
pub(crate) fn intention_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "plan"
            | "threaten"
            | "intend"
            | "want"
            | "seek"
            | "hope"
            | "aim"
            | "propose"
            | "prepare"
            | "consider"
            | "promise"
            | "vow"
            | "expect"
            | "plot"
            | "wish"
            | "offer"
            | "pledge"
    )
}

/// Verbs with an event-noun object whose subject is the event's agent
/// (`launched an attack on`, `expanded cooperation with`).
pub(crate) fn support_verb(lemma: &str) -> Option<Modality> {
    match lemma {
        "launch" | "conduct" | "carry" | "stage" | "mount" | "expand" | "deepen" | "strengthen"
        | "increase" | "step" | "boost" | "intensify" | "continue" | "resume" | "begin"
        | "start" | "pursue" | "make" | "escalate" | "extend" | "improve" | "enhance"
        | "announce" | "confirm" | "admit" | "acknowledge" | "concede" | "undertake"
        | "orchestrate" | "have" | "step up" | "carry out" => Some(Modality::Asserted),
        "propose" | "plan" | "seek" | "offer" | "threaten" | "consider" | "promise" | "pledge" => {
            Some(Modality::Possible)
        }
        "deny" | "reject" | "dismiss" | "refute" | "dispute" => Some(Modality::Denied),
        _ => None,
    }
}

/// The verb of a deverbal event noun (`interference` → `interfere`), if known.
pub(crate) fn event_verb(noun: &str) -> Option<Cow<'static, str>> {
    const TABLE: &[(&str, &str)] = &[
        ("interference", "interfere"),
        ("intervention", "intervene"),
        ("involvement", "involve"),
        ("cooperation", "cooperate"),
        ("co-operation", "cooperate"),
        ("collaboration", "collaborate"),
        ("coordination", "coordinate"),
        ("annexation", "annex"),
        ("invasion", "invade"),
        ("occupation", "occupy"),
        ("attack", "attack"),
        ("cyberattack", "attack"),
        ("assault", "assault"),
        ("offensive", "attack"),
        ("raid", "raid"),
        ("strike", "strike"),
        ("airstrike", "strike"),
        ("bombing", "bomb"),
        ("support", "support"),
        ("backing", "back"),
        ("investment", "invest"),
        ("acquisition", "acquire"),
        ("purchase", "purchase"),
        ("sale", "sell"),
        ("agreement", "agree"),
        ("negotiation", "negotiate"),
        ("withdrawal", "withdraw"),
        ("deployment", "deploy"),
        ("sanction", "sanction"),
        ("threat", "threaten"),
        ("pressure", "pressure"),
        ("influence", "influence"),
        ("meddling", "meddle"),
        ("hacking", "hack"),
        ("hack", "hack"),
        ("espionage", "spy"),
        ("spying", "spy"),
        ("surveillance", "monitor"),
        ("campaign", "campaign"),
        ("criticism", "criticize"),
        ("condemnation", "condemn"),
        ("accusation", "accuse"),
        ("denial", "deny"),
        ("rejection", "reject"),
        ("approval", "approve"),
        ("refusal", "refuse"),
        ("recognition", "recognize"),
        ("ban", "ban"),
        ("boycott", "boycott"),
        ("arrest", "arrest"),
        ("funding", "fund"),
        ("financing", "finance"),
        ("donation", "donate"),
        ("payment", "pay"),
        ("loan", "lend"),
        ("aid", "aid"),
        ("assistance", "assist"),
        ("help", "help"),
        ("partnership", "partner"),
        ("alliance", "ally"),
        ("merger", "merge"),
        ("takeover", "take over"),
        ("bid", "bid"),
        ("offer", "offer"),
        ("proposal", "propose"),
        ("request", "request"),
        ("demand", "demand"),
        ("appeal", "appeal"),
        ("complaint", "complain"),
        ("challenge", "challenge"),
        ("opposition", "oppose"),
        ("resistance", "resist"),
        ("protest", "protest"),
        ("dispute", "dispute"),
        ("competition", "compete"),
        ("contribution", "contribute"),
        ("participation", "participate"),
        ("engagement", "engage"),
        ("commitment", "commit"),
        ("dependence", "depend"),
        ("reliance", "rely"),
        ("export", "export"),
        ("import", "import"),
        ("trade", "trade"),
        ("leak", "leak"),
        ("theft", "steal"),
        ("infiltration", "infiltrate"),
        ("manipulation", "manipulate"),
        ("interrogation", "interrogate"),
        ("investigation", "investigate"),
        ("inquiry", "investigate"),
        ("probe", "probe"),
        ("prosecution", "prosecute"),
        ("persecution", "persecute"),
        ("detention", "detain"),
        ("expulsion", "expel"),
        ("appointment", "appoint"),
        ("nomination", "nominate"),
        ("dismissal", "dismiss"),
        ("resignation", "resign"),
        ("visit", "visit"),
        ("meeting", "meet"),
        ("talks", "talk"),
        ("dialogue", "talk"),
        ("war", "wage war"),
        ("aggression", "attack"),
        ("retaliation", "retaliate"),
        ("response", "respond"),
        ("reaction", "react"),
        ("intrusion", "intrude"),
        ("incursion", "intrude"),
        ("violation", "violate"),
        ("breach", "breach"),
        ("seizure", "seize"),
        ("capture", "capture"),
        ("control", "control"),
        ("takeover", "take over"),
        ("embargo", "embargo"),
        ("blockade", "blockade"),
        ("subsidy", "subsidize"),
        ("regulation", "regulate"),
        ("oversight", "oversee"),
        ("endorsement", "endorse"),
        ("praise", "praise"),
        ("warning", "warn"),
        ("claim", "claim"),
        ("threatening", "threaten"),
    ];
    let noun = noun.to_ascii_lowercase();
    let singular = noun
        .strip_suffix('s')
        .filter(|s| s.len() > 3)
        .unwrap_or(&noun);
    for (n, v) in TABLE {
        if *n == noun || *n == singular {
            return Some(Cow::Borrowed(v));
        }
    }
    // Gerund nouns: `smuggling` → `smuggle`, `shipping` → `ship`.
    if let Some(stem) = noun.strip_suffix("ing").filter(|s| s.len() >= 3) {
        let b = stem.as_bytes();
        let last = b[b.len() - 1];
        let prev = b[b.len() - 2];
        let vowel = |c: u8| b"aeiou".contains(&c);
        if last == b'l' && !vowel(prev) && prev != b'l' {
            return Some(Cow::Owned(format!("{stem}e")));
        }
        if last == prev && !vowel(last) && !matches!(last, b'l' | b's' | b'f' | b'z') {
            return Some(Cow::Owned(stem[..stem.len() - 1].to_owned()));
        }
        return Some(Cow::Owned(stem.to_owned()));
    }
    None
}

/// Head nouns of quantity phrases to look through (`a total of 110 attempts` → `attempts`).
pub(crate) fn is_quantity_noun(lemma: &str) -> bool {
    matches!(
        lemma,
        "total"
            | "number"
            | "lot"
            | "lots"
            | "series"
            | "couple"
            | "handful"
            | "majority"
            | "dozen"
            | "dozens"
            | "hundred"
            | "hundreds"
            | "thousand"
            | "thousands"
            | "million"
            | "millions"
            | "kind"
            | "type"
            | "sort"
            | "range"
            | "wave"
            | "string"
            | "spate"
            | "flurry"
            | "raft"
            | "slew"
            | "bunch"
            | "array"
            | "variety"
            | "set"
            | "amount"
            | "part"
            | "some"
            | "all"
            | "many"
            | "most"
            | "one"
            | "rest"
    )
}

/// Vague adjectives trimmed from non-entity phrases (`separate attempts` → `attempts`).
pub(crate) fn is_vague_adjective(lemma: &str) -> bool {
    matches!(
        lemma,
        "separate"
            | "several"
            | "many"
            | "various"
            | "numerous"
            | "other"
            | "further"
            | "additional"
            | "more"
            | "some"
            | "certain"
            | "such"
            | "same"
            | "different"
            | "few"
            | "multiple"
            | "countless"
            | "much"
            | "own"
            | "total"
            | "whole"
            | "entire"
            | "new"
    )
}

/// Nouns of time: an oblique headed by one is a circumstance, not a target.
pub(crate) fn is_time_noun(lemma: &str) -> bool {
    matches!(
        lemma,
        "year"
            | "month"
            | "week"
            | "day"
            | "time"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "tonight"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "hour"
            | "minute"
            | "decade"
            | "century"
            | "period"
            | "weekend"
            | "past"
            | "future"
            | "moment"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "era"
            | "season"
            | "quarter"
            | "interview"
            | "statement"
            | "speech"
            | "way"
            | "part"
            | "term"
            | "recent"
            | "end"
            | "beginning"
            | "start"
            | "run-up"
    )
}

/// Prepositions that introduce a target (`interfere in`, `cooperate with`).
pub(crate) fn is_argument_preposition(prep: &str) -> bool {
    matches!(
        prep,
        "with"
            | "against"
            | "on"
            | "in"
            | "into"
            | "to"
            | "from"
            | "for"
            | "about"
            | "at"
            | "over"
            | "of"
            | "toward"
            | "towards"
            | "onto"
            | "upon"
            | "among"
            | "between"
            | "across"
            | "through"
            | "behind"
            | "around"
            | "out of"
    )
}

/// Personal pronouns: these are emitted with kind Pronoun for coreference.
pub(crate) fn is_personal_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "he" | "she" | "they" | "it" | "him" | "her" | "them" | "we" | "us" | "i" | "me" | "you"
    )
}

/// Relative pronouns, replaced by the noun the relative clause modifies.
pub(crate) fn is_relative_pronoun(lower: &str) -> bool {
    matches!(lower, "who" | "which" | "that" | "whom" | "whose")
}

/// Nouns naming people or bodies that act (`officials`, `hackers`, `government`).
pub(crate) fn is_agentive_noun(lemma: &str) -> bool {
    const LIST: &[&str] = &[
        "official",
        "government",
        "bloc",
        "agency",
        "service",
        "servant",
        "police",
        "army",
        "troops",
        "troop",
        "military",
        "court",
        "ministry",
        "minister",
        "president",
        "leader",
        "party",
        "company",
        "firm",
        "group",
        "state",
        "country",
        "nation",
        "authority",
        "administration",
        "parliament",
        "council",
        "committee",
        "commission",
        "union",
        "bank",
        "regulator",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "source",
        "team",
        "board",
        "investor",
        "people",
        "public",
        "voter",
        "citizen",
        "resident",
        "student",
        "worker",
        "staff",
        "expert",
        "analyst",
        "diplomat",
        "envoy",
        "ambassador",
        "secretary",
        "chancellor",
        "premier",
        "chief",
        "head",
        "director",
        "executive",
        "boss",
        "chairman",
        "chair",
        "institution",
        "organization",
        "organisation",
        "network",
        "movement",
        "coalition",
        "alliance",
        "opposition",
        "rebel",
        "militant",
        "intelligence",
        "embassy",
        "prosecutor",
        "judge",
        "lawyer",
        "newspaper",
        "paper",
        "media",
        "press",
        "broadcaster",
        "website",
        "hacker",
        "attacker",
        "spy",
        "force",
        "navy",
        "regime",
        "cabinet",
        "senate",
        "congress",
        "lawmaker",
        "legislator",
        "mp",
        "senator",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "pope",
        "office",
        "department",
        "bureau",
        "unit",
        "club",
        "player",
        "manager",
        "coach",
        "star",
        "singer",
        "actor",
        "director",
        "author",
        "researcher",
        "scientist",
        "doctor",
        "family",
        "man",
        "woman",
        "child",
        "member",
        "employee",
    ];
    let lemma = lemma.to_ascii_lowercase();
    if LIST.contains(&lemma.as_str()) {
        return true;
    }
    const NOT: &[&str] = &[
        "number",
        "matter",
        "water",
        "paper",
        "order",
        "border",
        "power",
        "letter",
        "center",
        "centre",
        "computer",
        "server",
        "quarter",
        "chapter",
        "corner",
        "winter",
        "summer",
        "error",
        "factor",
        "sector",
        "monitor",
        "mirror",
        "terror",
        "horror",
        "meter",
        "filter",
        "register",
        "cluster",
        "disaster",
        "character",
        "river",
        "tower",
        "dinner",
        "layer",
    ];
    if NOT.contains(&lemma.as_str()) {
        return false;
    }
    ["er", "or", "ist", "ian", "ant", "ent"]
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
