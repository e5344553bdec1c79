//! The morphology the extractors use, in one small interface: the American spelling of a
//! lemma, the verbs an `-ed` form could come from, and whether an action can be a verb. The extractors use these functions
//! and nothing else of [`super::lemma`] or [`super::tagger`].

use std::borrow::Cow;

/// The American spelling of a lemma (`organise` → `organize`, `co-operate` →
/// `cooperate`); other lemmas come back unchanged (borrowed).
///
/// ```
/// use actorgraph::nlp::morph::american;
/// assert_eq!(american("criticise"), "criticize");
/// assert_eq!(american("tour"), "tour");
/// ```
pub fn american(lemma: &str) -> Cow<'_, str> {
    super::lemma::american(lemma)
}

/// The stems `form` could be the `-ed` form of (`denied` → `deny`), in the order the
/// tagger's stemmer proposes them; `form` may have capitals.
///
/// ```
/// use actorgraph::nlp::morph::ed_stems;
/// assert!(ed_stems("Denied").contains(&"deny".to_owned()));
/// ```
pub fn ed_stems(form: &str) -> Vec<String> {
    super::tagger::verb_stems(&form.to_lowercase())
        .into_iter()
        .filter(|(inflection, _)| *inflection == "ed")
        .map(|(_, stem)| stem)
        .collect()
}

/// Whether an action with this lemma and surface can be a verb: not a unit, abbreviation,
/// `-ing` noun or preposition a tagging error made a verb (`dlrs`, `pending`, `versus`),
/// nor a word with a noun or adjective ending (`electronics`, `hopefuls`).
///
/// ```
/// use actorgraph::nlp::morph::is_plausible_verb;
/// assert!(is_plausible_verb("acquire", "acquired"));
/// assert!(!is_plausible_verb("pend", "pending"));
/// assert!(!is_plausible_verb("dlr", "dlrs"));
/// ```
pub fn is_plausible_verb(lemma: &str, surface: &str) -> bool {
    super::lemma::is_plausible_verb(lemma, surface)
}
