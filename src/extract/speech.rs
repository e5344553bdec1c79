//! The `speech` extractor: the speech act itself.
//!
//! - **Inputs:** reporting verbs (`say`, `tell`, `warn`, `accuse`, `deny`, `reject`,
//!   `claim`, `believe`, `concede`, …; see `lexicon::speech_class`).
//! - **Outputs:** speaker → verb → addressee or object (`X told the newspaper`,
//!   `X accused Y`, `X rejected the suggestion`, `X denied meddling`; `say`, `insist`,
//!   `think` and the like take no object target: see `lexicon::clausal_speech_verb`); a prepositional
//!   addressee or topic (`said to reporters`, `warned of attacks`) with the preposition in
//!   the label. The subject of the reported clause is never the target: `X warned that
//!   Y would …` has no speech edge here (the reported clause is `Y → …`, attributed to X).
//!   In Open IE mode the reported clause itself is the second argument.
//!   The reported clause is not emitted here: [`super::Clauses`] emits it with
//!   `attributed_to` set to the speaker (see `frame::attribution`).
//! - **Known failure modes:** a quote split over sentences loses its speaker; `it was
//!   reported that` has no speaker, so no speech act.
//! - **Example:** `The minister told the paper that the army would withdraw` gives
//!   `minister → tell → paper` here and `army → withdraw` (possible, attributed to the
//!   minister) from `clauses`.

use crate::model::{Argument, Triple};

use super::found::{Extractor, Found, triple};
use super::frame::{self, Policy};
use super::lexicon;
use super::tree::Parse;

/// Speech acts (see the module docs).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Speech {
    /// Actor-focused or Open IE.
    pub policy: Policy,
}

impl Extractor for Speech {
    fn id(&self) -> &'static str {
        "speech"
    }

    fn extract(&self, p: &Parse<'_>, out: &mut Vec<Triple>) {
        for v in 0..p.len() {
            if !p.is_verbal(v)
                || lexicon::speech_class(p.lemma(v)).is_none()
                || frame::is_chained(p, v)
            {
                continue;
            }
            self.act(p, v, out);
        }
    }
}

impl Speech {
    fn act(&self, p: &Parse<'_>, v: usize, out: &mut Vec<Triple>) {
        let style = self.policy.style();
        let open = self.policy == Policy::Open;
        let chain = [v];
        let ctx = frame::context(p, &chain, style);
        let speakers: Vec<Argument> = if p.is_passive(v) {
            match frame::agent(p, v) {
                Some(a) => p
                    .conjuncts(a)
                    .into_iter()
                    .filter_map(|h| p.argument(h, style))
                    .collect(),
                None => Vec::new(),
            }
        } else {
            frame::subjects(p, v)
                .0
                .into_iter()
                .filter_map(|h| p.argument(h, style))
                .collect()
        };
        let speakers: Vec<Argument> = speakers
            .into_iter()
            .filter(|a| self.policy.actor_ok(p, a))
            // `"I don't expect a recovery," the minister said`: `I` is the minister
            .map(|a| {
                if open {
                    return a;
                }
                frame::quoted_speaker(p, &a, &ctx).unwrap_or(a)
            })
            .collect();
        if speakers.is_empty() {
            return;
        }
        let lemma = p.lemma(v).to_owned();
        let label = frame::chain_label(p, &chain);
        let surface = p.join(&frame::chain_surface_tokens(p, &chain));
        // (target, label, surface, pattern)
        let mut targets: Vec<(Argument, String, String, f32)> = Vec::new();
        let passive = p.is_passive(v);
        // `said`, `insisted`, `thinks` take what was said, not an addressee: an object of
        // theirs is the reported clause's subject misparsed (`the company said the
        // product …`) or a fragment, never a target
        let clausal = !open && lexicon::clausal_speech_verb(&lemma);
        for &c in p.children(v) {
            match p.base(c) {
                "obj" | "iobj" if clausal => {}
                // an object comes after its verb: one before it is a misparsed apposition
                "obj" | "iobj" if !passive && c > v => {
                    for h in p.conjuncts(c) {
                        if let Some(t) = p.argument(h, style) {
                            targets.push((t, label.clone(), surface.clone(), 0.9));
                        }
                    }
                }
                "obl" => {
                    let Some(prep) = p.preposition(c) else {
                        continue;
                    };
                    if !matches!(
                        prep.as_str(),
                        "to" | "about" | "of" | "against" | "on" | "over"
                    ) || (passive && prep == "by")
                        || lexicon::is_time_noun(p.lemma(c))
                        || p.upos(c) == crate::model::Upos::Num
                    {
                        continue;
                    }
                    if let Some(t) = p.argument(c, style) {
                        let (l, s) = if prep == "to" && !open {
                            (label.clone(), surface.clone())
                        } else {
                            (format!("{label} {prep}"), format!("{surface} {prep}"))
                        };
                        targets.push((t, l, s, 0.8));
                    }
                }
                // `denied meddling in …`: a bare gerund after the verb, which parsers
                // often attach as `advcl`; one with a marker (`after meeting …`) is not it
                "xcomp" | "ccomp" | "advcl"
                    if (p.token(c).xpos == "VBG" || p.upos(c) == crate::model::Upos::Noun)
                        && p.child(c, "nsubj").is_none()
                        // before the verb it is reported content (`S, the officials said`)
                        && c > v
                        && (p.base(c) != "advcl" || p.child(c, "mark").is_none())
                        && !open
                        && !clausal =>
                {
                    if let Some(t) = p.argument(c, style) {
                        targets.push((t, label.clone(), surface.clone(), 0.8));
                    }
                }
                _ => {}
            }
        }
        let clause = p.children(v).iter().copied().find(|&c| {
            (p.base(c) == "ccomp" || (open && p.base(c) == "parataxis"))
                && p.upos(c) != crate::model::Upos::Punct
        });
        if open && let Some(c) = clause.and_then(|c| p.clause_argument(c)) {
            targets.push((c, label.clone(), surface.clone(), 0.85));
        }
        for (target, l, s, pattern) in targets {
            if !self.policy.target_ok(p, &target) {
                continue;
            }
            for a in &speakers {
                if a.head == target.head {
                    continue;
                }
                let found = Found {
                    actor: a.clone(),
                    label: l.clone(),
                    lemma: lemma.clone(),
                    surface: s.clone(),
                    target: target.clone(),
                    pattern,
                    predicate: v,
                };
                out.push(triple(p, found, &ctx, self.id()));
            }
        }
    }
}
