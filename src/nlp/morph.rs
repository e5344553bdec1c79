//! The morphology the extractors use, in one small interface: the American spelling of a
//! lemma, and the verbs an `-ed` form could come from. The extractors use these functions
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
