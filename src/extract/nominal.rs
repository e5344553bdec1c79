//! The `nominal` extractor: events named by nouns.
//!
//! - **Inputs:** deverbal event nouns (`interference`, `cooperation`, `annexation`,
//!   `attack`, gerund nouns like `smuggling`; see `lexicon::event_verb`).
//! - **Outputs:** agent → verb of the noun (+ preposition) → target. The agent is a
//!   possessive (`Russia's interference in the vote`), a `by` phrase (`attacks by
//!   hackers`), a nationality adjective (`Russian interference`), a country or body the
//!   name recognizer found before a listed noun whose theme follows (`U.S. ban on
//!   imports`; not `the Iraq invasion`, where the name may be the theme), or the subject of a
//!   support verb whose object the noun is (`The bloc expanded cooperation with NATO`;
//!   `Moscow denied involvement in …`, which is denied). The target is a prepositional
//!   modifier of the noun: `of` is dropped (`annexation of Crimea` → `annex`), and so are
//!   `on`/`against`/`over` after a noun that is its own verb (`sanctions on X` →
//!   `sanction`). Hedging adjectives (`alleged`, `suspected`, `planned`) set the
//!   modality; the surrounding clause's attribution applies.
//! - **Known failure modes:** an event noun not in the table is missed; an agentive
//!   possessive that is really a theme (`the city's bombing`) gives a wrong actor.
//! - **Example:** `The ministry condemned the group's alleged attack on the embassy`
//!   gives `group → attack → embassy` (alleged).

use crate::model::{EntityType, Modality, Polarity, Triple, Upos};

use super::found::{Extractor, Found, triple};
use super::frame::{self, Policy};
use super::lexicon;
use super::tree::Parse;

/// Event-noun extraction (see the module docs).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Nominal {
    /// Actor-focused or Open IE.
    pub policy: Policy,
}

impl Extractor for Nominal {
    fn id(&self) -> &'static str {
        "nominal"
    }

    fn extract(&self, p: &Parse<'_>, out: &mut Vec<Triple>) {
        for n in 0..p.len() {
            if p.upos(n) != Upos::Noun {
                continue;
            }
            let Some(verb) = lexicon::event_verb(p.lemma(n)) else {
                continue;
            };
            self.event(p, n, &verb, out);
        }
    }
}

/// Nouns that are also their own verb, so `on`/`against` add nothing to the label.
fn zero_derived(noun_lemma: &str, verb: &str) -> bool {
    noun_lemma == verb || noun_lemma.trim_end_matches('s') == verb || verb == "sue"
}

impl Nominal {
    fn event(&self, p: &Parse<'_>, n: usize, verb: &str, out: &mut Vec<Triple>) {
        let style = self.policy.style();
        let mut pattern = 0.65f32;
        let mut support: Option<Modality> = None;
        // the agent
        let mut agents: Vec<usize> = Vec::new();
        // `the chairman's suspension from the party`: a noun of what is done to someone
        // takes its possessor as the one it is done to, unless an `of` phrase names that
        // (`Brazil's suspension of payments`)
        let possessor_is_theme = lexicon::is_undergoer_noun(p.lemma(n))
            && !p
                .children(n)
                .iter()
                .any(|&c| p.base(c) == "nmod" && p.preposition(c).as_deref() == Some("of"));
        for &c in p.children(n) {
            let is_agent = (p.rel(c) == "nmod:poss" && !possessor_is_theme)
                || (matches!(p.base(c), "nmod" | "obl")
                    && p.preposition(c).as_deref() == Some("by"))
                || (p.base(c) == "amod"
                    && p.upos(c) == Upos::Adj
                    && p.token(c).form.starts_with(char::is_uppercase)
                    && c > 0);
            if is_agent && agents.is_empty() {
                agents = p.conjuncts(c);
            }
        }
        let mut ctx_verb: Option<usize> = None;
        let mut accused: Option<usize> = None;
        if agents.is_empty()
            && matches!(p.base(n), "obl" | "nmod")
            && matches!(p.preposition(n).as_deref(), Some("of" | "for"))
            && let Some(g) = p.head(n)
            && frame::accusation_verb(p.lemma(g))
        {
            // `accused X of interference in …`, `X was accused of involvement in …`
            if let Some(o) = p.child(g, "obj").or_else(|| p.child(g, "nsubj:pass")) {
                agents = p.conjuncts(o);
                accused = Some(g);
                pattern = 0.6;
            }
        }
        if agents.is_empty() {
            // the subject of a support verb: `launched an attack on`, `denied involvement in`
            if matches!(p.base(n), "obj" | "xcomp" | "ccomp")
                && let Some(g) = p.head(n)
                && p.is_verbal(g)
            {
                let mut lemma = p.lemma(g).to_owned();
                if let Some(prt) = p.child(g, "compound:prt") {
                    lemma = format!("{lemma} {}", p.lemma(prt));
                }
                let m = lexicon::support_verb(&lemma).or_else(|| lexicon::support_verb(p.lemma(g)));
                if let Some(m) = m {
                    let (subs, _) = frame::subjects(p, g);
                    if !p.is_passive(g) {
                        agents = subs;
                    }
                    support = Some(m);
                    pattern = 0.55;
                    ctx_verb = Some(g);
                }
            }
        }
        // a country or body named before a listed event noun whose theme follows it (`U.S.
        // complaints about the impact`, `NATO strikes on the depot`): with the theme in the
        // phrase after, the name before is the agent; alone (`the Iraq invasion`) it may be
        // the theme itself. Not a person or a prize (`Oscar nominations for`), not a gerund
        // noun (`Yukos filing for`), and not a court's country (`a US lawsuit against`).
        let mut compound_agent = false;
        if agents.is_empty()
            && !p.lemma(n).ends_with("ing")
            && verb != "sue"
            && let Some(c) = p.children(n).iter().copied().find(|&c| {
                c < n
                    && p.rel(c) == "compound"
                    && p.upos(c) == Upos::Propn
                    && p.sentence().names.iter().any(|name| {
                        name.tokens.contains(&c)
                            && name.tokens.end <= n
                            && matches!(name.kind, EntityType::Organization | EntityType::Place)
                    })
            })
        {
            agents = vec![c];
            compound_agent = true;
            pattern = 0.55;
        }
        if agents.is_empty() {
            return;
        }
        // the targets
        let mut slots: Vec<(usize, String)> = Vec::new();
        for &c in p.children(n) {
            if !matches!(p.base(c), "nmod" | "obl") || p.rel(c) == "nmod:poss" {
                continue;
            }
            let Some(prep) = p.preposition(c) else {
                continue;
            };
            if prep == "by"
                || !lexicon::is_argument_preposition(&prep)
                || lexicon::is_time_noun(p.lemma(c))
            {
                continue;
            }
            let label = if prep == "of"
                || (zero_derived(p.lemma(n), verb)
                    && matches!(prep.as_str(), "on" | "against" | "over"))
            {
                verb.to_owned()
            } else {
                format!("{verb} {prep}")
            };
            for h in p.conjuncts(c) {
                slots.push((h, label.clone()));
            }
        }
        // `involvement in ordering a campaign`: a gerund clause as the target (not after a
        // name before the noun: `the Paris agreement on stabilizing …` is no agreeing)
        for &c in p.children(n) {
            if !compound_agent
                && p.base(c) == "acl"
                && p.token(c).xpos == "VBG"
                && let Some(prep) = p.mark(c)
                && lexicon::is_argument_preposition(prep)
                && prep != "of"
            {
                slots.push((c, format!("{verb} {prep}")));
            }
        }
        if slots.is_empty() {
            return;
        }
        // the context: hedging adjectives, the support verb, the clause around the noun
        let mut host = p.head(n);
        let mut steps = 0;
        while let Some(h) = host {
            if p.is_verbal(h) || steps > 6 {
                break;
            }
            host = p.head(h);
            steps += 1;
        }
        let host = ctx_verb.or(host.filter(|&h| p.is_verbal(h)));
        let mut ctx = match host {
            Some(h) => {
                let chain = [h];
                let mut c = frame::context(p, &chain, style);
                if support.is_none() {
                    // the host verb's own modals do not hedge an event it merely mentions
                    if c.attributed_to.is_none() {
                        c.modality = Modality::Asserted;
                    }
                    c.polarity = Polarity::Positive;
                }
                c
            }
            None => frame::Context {
                modality: Modality::Asserted,
                polarity: Polarity::Positive,
                attributed_to: None,
            },
        };
        match support {
            Some(Modality::Denied) => {
                ctx.modality = Modality::Denied;
                ctx.polarity = Polarity::Negative;
                if let Some(g) = ctx_verb {
                    ctx.attributed_to = frame::subjects(p, g)
                        .0
                        .first()
                        .and_then(|&s| p.argument(s, style));
                }
            }
            Some(Modality::Possible) if ctx.modality == Modality::Asserted => {
                ctx.modality = Modality::Possible
            }
            _ => {}
        }
        if let Some(g) = accused {
            ctx.modality = Modality::Alleged;
            ctx.attributed_to = if p.is_passive(g) {
                frame::agent(p, g).and_then(|a| p.argument(a, style))
            } else {
                frame::subjects(p, g)
                    .0
                    .first()
                    .and_then(|&s| p.argument(s, style))
            };
        }
        for &c in p.children(n) {
            if p.base(c) == "amod"
                && let Some(m) = lexicon::hedge_adjective(p.lemma(c))
            {
                ctx.modality = m;
            }
        }
        let surface_word = &p.token(n).form;
        for &a in &agents {
            let Some(actor) = p.argument(a, style) else {
                continue;
            };
            if !self.policy.actor_ok(p, &actor) {
                continue;
            }
            for (t, label) in &slots {
                let Some(target) = p.argument(*t, style) else {
                    continue;
                };
                if target.head == actor.head || !self.policy.target_ok(p, &target) {
                    continue;
                }
                let prep = label.strip_prefix(verb).unwrap_or("").trim();
                let surface = if prep.is_empty() {
                    surface_word.clone()
                } else {
                    format!("{surface_word} {prep}")
                };
                let found = Found {
                    actor: actor.clone(),
                    label: label.clone(),
                    lemma: verb.to_owned(),
                    surface,
                    target,
                    pattern,
                    predicate: n,
                };
                out.push(triple(p, found, &ctx, self.id()));
            }
        }
    }
}
