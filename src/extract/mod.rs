//! Stage 3: parsed sentences → actor–action–target [`Triple`]s.
//!
//! An [`Extractor`] looks at one parsed sentence (a [`Parse`], built once per sentence
//! and shared by all extractors) and appends the triples it finds. The built-in ones:
//!
//! - [`Clauses`] (`clauses`): ClausIE-style clauses over the dependency parse: active
//!   subject–verb–object, passives with their `by` agent (agentless ones only when the
//!   target is a name or group), prepositional targets (`interfere in`), `xcomp` chains
//!   (`attempt to influence`), coordination of subjects, verbs and objects, relative
//!   clauses and participles.
//! - [`Nominal`] (`nominal`): event nouns (`Russia's interference in the election`,
//!   `expanded cooperation with NATO`) and denied or admitted gerunds
//!   (`denied meddling in the election`).
//! - [`Speech`] (`speech`): the speech act itself (`X told the newspaper`,
//!   `X accused Y`, `X denied the suggestion`).
//!
//! Before any extractor runs, [`Parse`] repairs parse errors our parser is known to make
//! on news (module `repair`: two subjects on one verb, a `that` clause read as a relative
//! clause, a reporting participle read as an adjective, a complement clause without
//! `that`, …), each a general configuration with a fixture in `tests/fixtures/extract/`.
//!
//! Every clause also gets a context (module `frame`): modality (asserted, alleged, possible,
//! denied), polarity, and `attributed_to` when it is reported speech (`…, X says`,
//! `X said that …`, `according to X`, `accused of …`). The scope of a reporting verb
//! reaches through relative clauses and arguments (`insisted that theirs was the party
//! that understood …`), and a sentence-final `…, the officials said` reports what comes
//! before its comma however the parser attached it. A modal, conditional or hedge above
//! the clause (`could leave anglers facing court`), an embedded question (`asked whether
//! …`), `can`/`must`, and a sentence that asks (`…?`) make it possible, not asserted.
//!
//! # Confidence
//!
//! `confidence = pattern × actor_kind × target_kind × parse`, clamped to `[0, 1]`:
//!
//! - pattern: subject–verb–object 0.9; prepositional target 0.8; passive with agent 0.85;
//!   agentless passive 0.5; speech act 0.9 (0.6 when its target is the reported clause's
//!   subject); nominal event 0.65 (0.55 with the agent taken from a support verb); ×0.9
//!   when the subject is inherited (coordination, control, relative clause), ×0.95 per
//!   `xcomp` link.
//! - kind of the actor: name 1.0, group 0.95, description 0.85, pronoun 0.6 (read by hand, 35% of
//!   statements with a resolved pronoun were wrong against about a quarter of all),
//!   phrase 0.7, unknown 0.6; of the target: the same but phrase 0.9.
//! - parse: ×0.8 when a clause's predicate is not tagged VERB; ×0.9 in sentences over 50 tokens.
//!
//! Only [`SentenceKind::Body`] sentences are read: headlines, captions and bylines are
//! not statements of fact.

pub mod carb;
mod clauses;
mod found;
pub(crate) mod frame;
pub mod gold;
pub(crate) mod lexicon;
mod nominal;
mod repair;
mod speech;
pub mod tree;

pub use clauses::Clauses;
pub use found::Extractor;
pub use frame::Policy;
pub use nominal::Nominal;
pub use speech::Speech;
pub use tree::{ArgStyle, Parse};

use crate::model::{AnnotatedArticle, Argument, Sentence, SentenceKind, Triple, Upos};

/// A configured extractor: the registry's entry, serialisable so a run's configuration
/// can be saved.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type")]
pub enum ExtractorKind {
    /// See [`Clauses`].
    Clauses(Clauses),
    /// See [`Nominal`].
    Nominal(Nominal),
    /// See [`Speech`].
    Speech(Speech),
}

impl Extractor for ExtractorKind {
    fn id(&self) -> &'static str {
        match self {
            ExtractorKind::Clauses(e) => e.id(),
            ExtractorKind::Nominal(e) => e.id(),
            ExtractorKind::Speech(e) => e.id(),
        }
    }

    fn extract(&self, parse: &Parse<'_>, out: &mut Vec<Triple>) {
        match self {
            ExtractorKind::Clauses(e) => e.extract(parse, out),
            ExtractorKind::Nominal(e) => e.extract(parse, out),
            ExtractorKind::Speech(e) => e.extract(parse, out),
        }
    }
}

/// The set of extractors a run uses.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extractors {
    /// The extractors, run in this order.
    pub list: Vec<ExtractorKind>,
}

impl Extractors {
    /// Every built-in extractor, actor-focused (for the graph).
    pub fn all() -> Extractors {
        Extractors::with_policy(Policy::Actors)
    }

    /// Clause extraction in Open IE mode (any subject, whole phrases, speech verbs with
    /// their clause as one argument), for CaRB. Event nouns are not Open IE relations,
    /// and speech acts are clauses there.
    pub fn open() -> Extractors {
        Extractors {
            list: vec![ExtractorKind::Clauses(Clauses {
                policy: Policy::Open,
            })],
        }
    }

    fn with_policy(policy: Policy) -> Extractors {
        Extractors {
            list: vec![
                ExtractorKind::Clauses(Clauses { policy }),
                ExtractorKind::Nominal(Nominal { policy }),
                ExtractorKind::Speech(Speech { policy }),
            ],
        }
    }
}

/// Runs the extractors over every body sentence of an article. Pure; the result is
/// sorted (sentence, actor, action, target, extractor) and free of duplicates (the same
/// actor head, label and target head in one sentence is kept once, with the highest
/// confidence).
pub fn run(extractors: &Extractors, doc: &AnnotatedArticle) -> Vec<Triple> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        if sentence.kind != SentenceKind::Body || sentence.tokens.is_empty() {
            continue;
        }
        let parse = Parse::new(doc, sentence);
        for e in &extractors.list {
            e.extract(&parse, &mut out);
        }
    }
    out.retain(found::plausible_action);
    finish(out)
}

/// Sorts and deduplicates triples.
fn finish(mut out: Vec<Triple>) -> Vec<Triple> {
    out.sort_by(|a, b| {
        key(a)
            .cmp(&key(b))
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.extractor.cmp(b.extractor))
    });
    out.dedup_by(|later, first| key(later) == key(first));
    out
}

type Key<'t> = (usize, usize, usize, &'t str, usize, usize, &'t str, u8);

fn key(t: &Triple) -> Key<'_> {
    (
        t.sentence,
        t.actor.tokens.start,
        t.actor.head,
        t.action.label.as_str(),
        t.target.tokens.start,
        t.target.head,
        t.target.text.as_str(),
        t.actor.kind as u8,
    )
}

/// The roles appositions and title words give named people in a sentence
/// (`Jane Doe, the finance minister` → (`Jane Doe`, `the finance minister`);
/// `Foreign Minister Jane Doe` → (`Jane Doe`, `Foreign Minister`)).
/// The resolver may attach them to the entity.
pub fn roles(doc: &AnnotatedArticle, sentence: &Sentence) -> Vec<(Argument, String)> {
    let p = Parse::new(doc, sentence);
    let mut out = Vec::new();
    for i in 0..p.len() {
        if p.base(i) != "appos" {
            continue;
        }
        let Some(h) = p.head(i) else { continue };
        let (name, role) = match (p.upos(h), p.upos(i)) {
            (Upos::Propn, Upos::Noun) => (h, i),
            (Upos::Noun, Upos::Propn) => (i, h),
            _ => continue,
        };
        if let (Some(n), Some(r)) = (p.argument(name, ArgStyle::Trimmed), role_text(&p, role)) {
            out.push((n, r));
        }
    }
    // title words before a name (`Foreign Minister Jane Doe`)
    for i in 0..p.len() {
        if p.upos(i) != Upos::Propn || matches!(p.base(i), "compound" | "flat") {
            continue;
        }
        let Some(name) = p.argument(i, ArgStyle::Trimmed) else {
            continue;
        };
        let title: Vec<usize> = (0..name.tokens.start)
            .rev()
            .take_while(|&t| {
                p.head(t) == Some(i)
                    || p.head(t)
                        .is_some_and(|h| h < i && h >= t && p.head(h) == Some(i))
            })
            .filter(|&t| matches!(p.upos(t), Upos::Noun | Upos::Adj | Upos::Propn))
            .collect();
        if title.iter().any(|&t| p.upos(t) == Upos::Noun) {
            let mut t = title;
            t.sort_unstable();
            out.push((name, p.join(&t)));
        }
    }
    out
}

fn role_text(p: &Parse<'_>, role: usize) -> Option<String> {
    p.argument(role, ArgStyle::Full).map(|a| a.text)
}
