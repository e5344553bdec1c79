//! What the extractors share: the [`Extractor`] trait, the [`Found`] record each of them
//! fills in, and [`triple`], which adds a finding's context and confidence (the formula of
//! the [module documentation](super)) to make a [`Triple`].

use crate::model::{Action, ArgKind, Argument, Triple, Upos};

use super::frame;
use super::tree::Parse;

/// One way of finding triples in a parsed sentence.
pub trait Extractor {
    /// The id recorded on every triple it makes (`clauses`, `nominal`, `speech`).
    fn id(&self) -> &'static str;
    /// Appends the triples found in one sentence.
    fn extract(&self, parse: &Parse<'_>, out: &mut Vec<Triple>);
}

/// What an extractor found, before the context and confidence are added.
pub(crate) struct Found {
    pub actor: Argument,
    pub label: String,
    pub lemma: String,
    pub surface: String,
    pub target: Argument,
    pub pattern: f32,
    pub predicate: usize,
}

/// Whether a triple's action can be a verb (issue #18): a tagging error that makes a unit,
/// `-ing` noun or preposition a verb (`dlrs`, `pending`, `versus`) gives no statement.
pub(crate) fn plausible_action(t: &Triple) -> bool {
    crate::nlp::morph::is_plausible_verb(&t.action.lemma, &t.action.surface)
}

/// Builds a triple from a finding and its context, computing the confidence as the
/// module documentation says.
pub(crate) fn triple(
    p: &Parse<'_>,
    f: Found,
    ctx: &frame::Context,
    extractor: &'static str,
) -> Triple {
    let actor_factor = match f.actor.kind {
        ArgKind::Name => 1.0,
        ArgKind::Group => 0.95,
        ArgKind::Description => 0.85,
        ArgKind::Pronoun => 0.6,
        ArgKind::Phrase => 0.7,
        ArgKind::Unknown => 0.6,
    };
    let target_factor = match f.target.kind {
        ArgKind::Phrase => 0.9,
        k if k == f.actor.kind => actor_factor,
        ArgKind::Name => 1.0,
        ArgKind::Group => 0.95,
        ArgKind::Description => 0.85,
        ArgKind::Pronoun => 0.6,
        ArgKind::Unknown => 0.6,
    };
    let mut parse = 1.0;
    if p.upos(f.predicate) != Upos::Verb && extractor != "nominal" {
        parse *= 0.8;
    }
    if p.len() > 50 {
        parse *= 0.9;
    }
    let confidence = (f.pattern * actor_factor * target_factor * parse).clamp(0.0, 1.0);
    let label = f
        .label
        .split_whitespace()
        .map(|w| crate::nlp::morph::american(w).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Triple {
        sentence: p.sentence().index,
        span: p.sentence().span,
        actor: f.actor,
        action: Action {
            label,
            lemma: f.lemma,
            surface: f.surface,
        },
        target: f.target,
        polarity: ctx.polarity,
        modality: ctx.modality,
        attributed_to: ctx.attributed_to.clone(),
        confidence,
        extractor,
        claim: false,
    }
}
