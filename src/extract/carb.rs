//! CaRB's tabbed format: `SENTENCE \t CONFIDENCE \t PREDICATE \t ARG1 \t ARG2`, one
//! extraction a line, as `../shared/eval/carb/carb_score.py` reads it.

use crate::model::{ArgKind, Triple};

/// The CaRB line of one triple found in `sentence` (the sentence as given, one line).
/// `None` for a triple with no actor in the text (an agentless passive).
///
/// ```
/// # use actorgraph::extract::carb::clean;
/// assert_eq!(clean("a\tb\nc"), "a b c");
/// ```
pub fn line(sentence: &str, t: &Triple) -> Option<String> {
    if t.actor.kind == ArgKind::Unknown {
        return None;
    }
    let predicate = if t.action.surface.trim().is_empty() {
        &t.action.label
    } else {
        &t.action.surface
    };
    Some(format!(
        "{}\t{:.4}\t{}\t{}\t{}",
        clean(sentence),
        t.confidence,
        clean(predicate),
        clean(&t.actor.text),
        clean(&t.target.text)
    ))
}

/// Replaces tabs and line breaks with spaces and trims.
pub fn clean(s: &str) -> String {
    s.split(['\t', '\n', '\r'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
