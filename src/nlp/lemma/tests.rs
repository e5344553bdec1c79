//! Tests of the lemmatizer: its rules, its file format, and the spelling of `-ed`/`-ing`
//! stems, each group in its own module.

mod final_e_tests {
    use super::super::needs_final_e;

    #[test]
    fn restores_the_e_that_inflection_dropped() {
        for stem in [
            "declin", "interfer", "argu", "involv", "organiz", "announc", "negotiat", "caus",
            "clos", "releas", "conclud", "decid", "explod", "invad", "describ", "requir", "compar",
            "manag", "urg", "judg", "troubl", "compil", "endors", "licens", "collaps", "advis",
            "assum", "execut", "invok", "interven", "secur", "escap", "chang", "conced", "preced",
        ] {
            assert!(needs_final_e(stem), "{stem}");
        }
    }

    #[test]
    fn leaves_stems_that_are_words() {
        for stem in [
            "join", "explain", "remain", "avoid", "flood", "load", "read", "look", "beat", "treat",
            "visit", "edit", "limit", "appear", "clear", "enter", "offer", "happen", "open",
            "mention", "question", "develop", "belong", "focus", "pass", "press", "fail", "boil",
            "control", "attack", "warn", "want", "form", "report", "accept", "interest", "elect",
        ] {
            assert!(!needs_final_e(stem), "{stem}");
        }
    }
}

mod rules {
    use super::super::*;

    fn toy() -> Lemmatizer {
        let data = [
            ("dogs", "NNS", "dog"),
            ("cats", "NNS", "cat"),
            ("parties", "NNS", "party"),
            ("cities", "NNS", "city"),
            ("walked", "VBD", "walk"),
            ("talked", "VBD", "talk"),
            ("was", "VBD", "be"),
            ("The", "DT", "the"),
            ("I", "PRP", "I"),
            ("Sept.", "NNP", "September"),
            ("States", "NNPS", "State"),
            ("Islands", "NNPS", "Island"),
        ];
        Lemmatizer::train(data.iter().copied())
    }

    #[test]
    fn exceptions_rules_and_case() {
        let l = toy();
        assert_eq!(l.lemmatize("dogs", "NNS"), "dog");
        assert_eq!(l.lemmatize("Dogs", "NNS"), "dog");
        assert_eq!(l.lemmatize("bodies", "NNS"), "body");
        assert_eq!(l.lemmatize("jumped", "VBD"), "jump");
        assert_eq!(l.lemmatize("told", "VBD"), "tell");
        assert_eq!(l.lemmatize("went", "VBD"), "go");
        assert_eq!(l.lemmatize("children", "NNS"), "child");
        assert_eq!(l.lemmatize("was", "VBD"), "be");
        assert_eq!(l.lemmatize("I", "PRP"), "I");
        assert_eq!(l.lemmatize("Sept.", "NNP"), "September");
        assert_eq!(l.lemmatize("Paris", "NNP"), "Paris");
        assert_eq!(l.lemmatize("Rivers", "NNPS"), "River");
        let again = Lemmatizer::from_bytes(&l.to_bytes()).expect("round trip");
        assert_eq!(again.lemmatize("bodies", "NNS"), "body");
        assert_eq!(again.lemmatize("Sept.", "NNP"), "September");
    }

    #[test]
    fn never_panics_on_odd_words() {
        let l = toy();
        for w in ["", "s", "é", "ß", "ed", "🙂🙂", "ies"] {
            let _ = l.lemmatize(w, "NNS");
            let _ = l.lemmatize(w, "VBD");
            let _ = l.lemmatize(w, "NNP");
        }
    }

    #[test]
    fn spellings_are_sorted_and_unique() {
        assert!(SPELLINGS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn american_spellings() {
        assert_eq!(american("organise"), "organize");
        assert_eq!(american("organisation"), "organization");
        assert_eq!(american("labour"), "labor");
        assert_eq!(american("favourite"), "favorite");
        assert_eq!(american("defence"), "defense");
        assert_eq!(american("programme"), "program");
        assert_eq!(american("co-ordinate"), "coordinate");
        assert_eq!(american("analyse"), "analyze");
        for same in [
            "our",
            "hour",
            "four",
            "rise",
            "surprise",
            "promise",
            "exercise",
            "franchise",
            "genre",
            "tour",
        ] {
            assert_eq!(american(same), same);
        }
    }
}

mod plausible_tests {
    use super::super::is_plausible_verb;

    #[test]
    fn verbs_pass() {
        for (lemma, surface) in [
            ("sell", "sold"),
            ("go", "went to"),
            ("take over", "took over"),
            ("panic", "panicked"),
            ("witness", "witnessed"),
            ("insist", "insisted on"),
            ("co-star", "co-starred in"),
            ("carry", "carried"),
        ] {
            assert!(is_plausible_verb(lemma, surface), "{lemma}");
        }
    }

    #[test]
    fn nouns_units_and_prepositions_fail() {
        for (lemma, surface) in [
            ("dlr", "dlrs"),
            ("de", "des"),
            ("pend", "pending"),
            ("sterl", "sterling"),
            ("electronic", "electronics"),
            ("hopeful", "hopefuls"),
            ("industry", "industries"),
            ("versu", "versus"),
            ("sale", "sales up"),
            ("4's", "4's"),
            ("", ""),
        ] {
            assert!(!is_plausible_verb(lemma, surface), "{lemma}");
        }
    }
}

mod inflection_tests {
    use super::super::{Lemmatizer, vowel_pair_takes_no_e};

    /// A toy lemmatizer that knows a few verbs, as a loaded model knows the tagger's.
    fn check(cases: &[(&str, &str, &str)]) {
        let mut l = Lemmatizer::train([("walked", "VBD", "walk"), ("talking", "VBG", "talk")]);
        l.know_verbs(
            [
                "favor", "owe", "float", "hop", "hope", "recall", "file", "unite", "stem",
            ]
            .map(String::from),
        );
        for (form, xpos, want) in cases {
            assert_eq!(l.lemmatize(form, xpos), *want, "{form}/{xpos}");
        }
    }

    #[test]
    fn the_lexicon_chooses_among_stems() {
        check(&[
            ("favoured", "VBD", "favour"),
            ("owed", "VBN", "owe"),
            ("floated", "VBD", "float"),
            ("hoped", "VBD", "hope"),
            ("hopped", "VBD", "hop"),
            ("filing", "VBG", "file"),
            ("stemmed", "VBD", "stem"),
            ("reuniting", "VBG", "reunite"),
        ]);
    }

    #[test]
    fn a_doubled_consonant_is_undoubled_without_an_e() {
        check(&[
            ("starring", "VBG", "star"),
            ("co-starred", "VBD", "co-star"),
            ("trimmed", "VBN", "trim"),
            ("shredding", "VBG", "shred"),
            ("kissed", "VBD", "kiss"),
            ("buzzing", "VBG", "buzz"),
        ]);
    }

    #[test]
    fn british_ll_belongs_to_longer_verbs() {
        check(&[
            ("totalled", "VBD", "total"),
            ("signalling", "VBG", "signal"),
            ("travelled", "VBN", "travel"),
            ("recalled", "VBD", "recall"),
            ("installed", "VBN", "install"),
            ("spelled", "VBD", "spell"),
            ("drilling", "VBG", "drill"),
        ]);
    }

    #[test]
    fn short_consonant_vowel_consonant_stems_take_an_e() {
        check(&[
            ("lined", "VBD", "line"),
            ("raking", "VBG", "rake"),
            ("mining", "VBG", "mine"),
            ("taped", "VBN", "tape"),
            ("fixed", "VBD", "fix"),
            ("rowing", "VBG", "row"),
        ]);
    }

    #[test]
    fn y_and_ie_verbs() {
        check(&[
            ("vying", "VBG", "vie"),
            ("tying", "VBG", "tie"),
            ("copied", "VBD", "copy"),
            ("tied", "VBD", "tie"),
            ("buying", "VBG", "buy"),
            ("freed", "VBD", "free"),
            ("agreed", "VBN", "agree"),
        ]);
    }

    #[test]
    fn prefixed_irregular_participles() {
        check(&[
            ("underwritten", "VBN", "underwrite"),
            ("outsold", "VBD", "outsell"),
            ("overshot", "VBD", "overshoot"),
            ("withdrew", "VBD", "withdraw"),
        ]);
    }

    #[test]
    fn misspelt_verbs_are_not_cut_further() {
        check(&[
            ("recieved", "VBD", "recieve"),
            ("aquired", "VBD", "aquire"),
            ("belived", "VBD", "belive"),
        ]);
    }

    #[test]
    fn vowel_pairs_that_take_no_silent_e() {
        for stem in [
            "chair", "plead", "float", "scoop", "shout", "raid", "appear",
        ] {
            assert!(vowel_pair_takes_no_e(stem), "{stem}");
        }
        for stem in ["caus", "seiz", "leav", "creat", "negotiat", "argu", "lin"] {
            assert!(!vowel_pair_takes_no_e(stem), "{stem}");
        }
    }
}
