//! The `clauses` extractor: ClausIE-style statements from verbal clauses.
//!
//! - **Inputs:** every verbal predicate of a parsed sentence that is not a link of an
//!   `xcomp` chain and (in actor mode) not a reporting verb, which [`super::Speech`] handles.
//! - **Outputs:** for an active clause, one triple per (subject conjunct × target
//!   conjunct): direct objects (`X published the report`), prepositional targets with the
//!   preposition in the label (`X cooperates with Y` → `cooperate with`), and a non-entity
//!   object folded into the label when a prepositional target follows (`X imposed sanctions
//!   on Y` → `impose sanctions on`). For a passive, the `by` agent acts on the subject;
//!   with no agent, an `unknown` actor is kept only when the subject is a name or group.
//!   Subjects are inherited through coordination, control, relative clauses and
//!   participles. A speaker's reported clause whose subject is no actor, and a reported
//!   copular clause (`the union said the move was a mistake` → move → be → mistake), are
//!   the speaker's claims ([`Triple::claim`]): lower confidence, and left out when the
//!   speaker resolves to no entity.
//! - **Known failure modes:** parser errors (a verb tagged as a noun, a wrong attachment
//!   of a prepositional phrase) give wrong targets; locative `in`-phrases are kept as
//!   targets (`met in Paris`).
//! - **Example:** `The agency, which the ministry funds, has sued the firm over the leak`
//!   gives `agency → sue → firm`, `agency → sue over → leak`, `ministry → fund → agency`.

use crate::model::{ArgKind, Argument, Triple, Upos};

use super::found::{Extractor, Found, triple};
use super::frame::{self, Policy};
use super::lexicon;
use super::tree::Parse;

/// ClausIE-style clause extraction (see the module docs).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Clauses {
    /// Actor-focused or Open IE.
    pub policy: Policy,
}

impl Extractor for Clauses {
    fn id(&self) -> &'static str {
        "clauses"
    }

    fn extract(&self, p: &Parse<'_>, out: &mut Vec<Triple>) {
        for v in 0..p.len() {
            if !p.is_verbal(v) {
                self.copula(p, v, out);
                continue;
            }
            if frame::is_chained(p, v) {
                continue;
            }
            if self.policy == Policy::Actors && lexicon::speech_class(p.lemma(v)).is_some() {
                continue;
            }
            self.clause(p, v, out);
        }
    }
}

impl Clauses {
    fn clause(&self, p: &Parse<'_>, v: usize, out: &mut Vec<Triple>) {
        let style = self.policy.style();
        let open = self.policy == Policy::Open;
        let chain = frame::chain(p, v);
        let last = *chain.last().expect("a chain has a verb");
        let ctx = frame::context(p, &chain, style);
        let passive = p.is_passive(v)
            || (p.rel(v) == "conj"
                && p.token(v).xpos == "VBN"
                && p.head(v).is_some_and(|h| p.is_passive(h)));
        let (subjects, inherited) = if passive
            && p.base(v) == "acl"
            && !p.children(v).iter().any(|&c| p.base(c) == "nsubj")
        {
            (p.head(v).map(|h| vec![h]).unwrap_or_default(), true)
        } else {
            frame::subjects(p, v)
        };
        let base_label = frame::chain_label(p, &chain);
        let lemma = p.lemma(last).to_owned();
        let surface_toks = frame::chain_surface_tokens(p, &chain);
        let surface = p.join(&surface_toks);
        let mut pattern_factor = 0.95f32.powi(chain.len() as i32 - 1);
        if inherited {
            pattern_factor *= 0.9;
        }
        let id = self.id();

        if passive {
            let patients: Vec<Argument> = subjects
                .iter()
                .filter_map(|&s| p.argument(s, style))
                .filter(|a| self.policy.target_ok(p, a))
                .collect();
            let agents: Vec<Argument> = match frame::agent(p, v) {
                Some(a) => p
                    .conjuncts(a)
                    .into_iter()
                    .filter_map(|h| p.argument(h, style))
                    .collect(),
                None => Vec::new(),
            };
            if !agents.is_empty() {
                for a in agents.iter().filter(|a| self.policy.actor_ok(p, a)) {
                    for t in &patients {
                        if overlap(a, t) {
                            continue;
                        }
                        let found = Found {
                            actor: a.clone(),
                            label: base_label.clone(),
                            lemma: lemma.clone(),
                            surface: format!("{surface} by"),
                            target: t.clone(),
                            pattern: 0.85 * pattern_factor,
                            predicate: v,
                        };
                        out.push(triple(p, found, &ctx, id));
                    }
                }
            } else if !open && lexicon::stative_passive(p.lemma(v)) {
                // `X was involved in Y`: a state of X, not an act on X
                for slot in frame::targets(p, v, false)
                    .iter()
                    .filter(|s| s.prep.as_deref() == Some("in"))
                {
                    let Some(t) = p.argument(slot.head, style) else {
                        continue;
                    };
                    for a in patients.iter().filter(|a| !overlap(a, &t)) {
                        let found = Found {
                            actor: a.clone(),
                            label: format!("{base_label} in"),
                            lemma: lemma.clone(),
                            surface: format!("{surface} in"),
                            target: t.clone(),
                            pattern: 0.75 * pattern_factor,
                            predicate: v,
                        };
                        out.push(triple(p, found, &ctx, id));
                    }
                }
            } else if !open && chain.len() == 1 && !inherited {
                for t in patients
                    .iter()
                    .filter(|t| matches!(t.kind, ArgKind::Name | ArgKind::Group))
                {
                    let found = Found {
                        actor: p.unknown(v),
                        label: base_label.clone(),
                        lemma: lemma.clone(),
                        surface: surface.clone(),
                        target: t.clone(),
                        pattern: 0.5 * pattern_factor,
                        predicate: v,
                    };
                    out.push(triple(p, found, &ctx, id));
                }
            }
            if !open || !agents.is_empty() {
                return;
            }
        }

        let mut actors: Vec<Argument> = subjects
            .iter()
            .filter_map(|&s| p.argument(s, style))
            .filter(|a| self.policy.actor_ok(p, a))
            .collect();
        // the reported clause of a named speaker stands for the speech act
        // (`X said final sales would exceed …`, `X denied the attacks had influenced …`):
        // its subject may be any noun phrase, at lower confidence, and it stands only as
        // the speaker's claim
        let claim = actors.is_empty() && !open && !inherited && ctx.attributed_to.is_some();
        if claim {
            actors = subjects
                .iter()
                .filter_map(|&s| p.argument(s, style))
                .filter(|a| reported_subject_ok(p, a))
                .collect();
            pattern_factor *= 0.85;
        }
        if actors.is_empty() {
            return;
        }
        // `"I will sue," Smith said`: the quoted `I` is the speaker
        if !open {
            for a in actors.iter_mut() {
                if let Some(speaker) = frame::quoted_speaker(p, a, &ctx) {
                    *a = speaker;
                }
            }
        }
        let mut slots = frame::targets(p, last, open);
        // `the report (that) the agencies published`: the modified noun is the object
        if p.rel(v) == "acl:relcl"
            && !inherited
            && !slots.iter().any(|s| s.prep.is_none())
            && let Some(h) = p.head(v)
        {
            slots.insert(
                0,
                frame::TargetSlot {
                    head: h,
                    prep: None,
                },
            );
        }
        if open {
            self.open_clause(
                p,
                v,
                &actors,
                &slots,
                &base_label,
                &lemma,
                &surface_toks,
                &ctx,
                out,
            );
            return;
        }
        let object_slot = slots.iter().find(|s| s.prep.is_none());
        let object = object_slot.and_then(|s| p.argument(s.head, style));
        let fold = object
            .as_ref()
            .filter(|o| o.kind == ArgKind::Phrase && o.text.split_whitespace().count() <= 3);
        // `X took place`, `X took advantage of Y`: the bare object belongs to the action;
        // only a prepositional target (with the object folded into the label) is a
        // statement. A modified object is a target (`took defensive action`).
        let light = fold.is_some_and(|o| !o.text.contains(' '))
            && object_slot
                .is_some_and(|s| lexicon::is_light_verb_object(p.lemma(last), p.lemma(s.head)));
        for slot in &slots {
            if light && slot.prep.is_none() {
                continue;
            }
            let Some(target) = p.argument(slot.head, style) else {
                continue;
            };
            // With a real object, a prepositional phrase is how or with what, not whom
            // (`created a group with annual sales of …`, `shocked Ireland with a try`):
            // only a named party after the preposition is a target of its own.
            if slot.prep.is_some() && object.is_some() && !light && target.kind == ArgKind::Phrase {
                continue;
            }
            if !self.policy.target_ok(p, &target) {
                continue;
            }
            let (label, surf, pattern) = match &slot.prep {
                None => (base_label.clone(), surface.clone(), 0.9),
                Some(prep) => match fold {
                    Some(o) => (
                        format!("{base_label} {} {prep}", o.text.to_lowercase()),
                        format!("{surface} {} {prep}", o.text),
                        0.8,
                    ),
                    None => (
                        format!("{base_label} {prep}"),
                        format!("{surface} {prep}"),
                        0.8,
                    ),
                },
            };
            for a in &actors {
                if overlap(a, &target) {
                    continue;
                }
                let found = Found {
                    actor: a.clone(),
                    label: label.clone(),
                    lemma: lemma.clone(),
                    surface: surf.clone(),
                    target: target.clone(),
                    pattern: pattern * pattern_factor,
                    predicate: v,
                };
                let mut t = triple(p, found, &ctx, id);
                t.claim = claim;
                out.push(t);
            }
        }
    }

    /// Open IE: one extraction per subject with every target joined into one argument
    /// (CaRB binarises n-ary tuples the same way).
    #[allow(clippy::too_many_arguments)] // private helper of `clause`, called once
    fn open_clause(
        &self,
        p: &Parse<'_>,
        v: usize,
        actors: &[Argument],
        slots: &[frame::TargetSlot],
        label: &str,
        lemma: &str,
        surface_toks: &[usize],
        ctx: &frame::Context,
        out: &mut Vec<Triple>,
    ) {
        let style = self.policy.style();
        let mut parts: Vec<(usize, Argument, Option<&str>)> = Vec::new();
        let mut seen_obj = false;
        for s in slots {
            // conjoined objects each get their own extraction below; here the first only
            if s.prep.is_none() && seen_obj {
                continue;
            }
            seen_obj |= s.prep.is_none();
            if let Some(a) = p.argument(s.head, style) {
                parts.push((a.tokens.start, a, s.prep.as_deref()));
            }
        }
        // a clausal complement is an argument too (`said that …`, `wants to go`)
        for &c in p.children(v) {
            if matches!(p.base(c), "ccomp" | "xcomp")
                && !frame::is_chained(p, c)
                && let Some(a) = p.clause_argument(c)
            {
                parts.push((a.tokens.start, a, None));
            }
        }
        parts.sort_by_key(|(start, _, _)| *start);
        let mut surface = p.join(surface_toks);
        let passive = p.is_passive(v);
        let target = if parts.is_empty() {
            None
        } else {
            let mut text = String::new();
            for (k, (_, a, prep)) in parts.iter().enumerate() {
                // the first preposition belongs to the predicate (`was born in`)
                if k == 0 {
                    if let Some(prep) = prep {
                        surface.push(' ');
                        surface.push_str(prep);
                    }
                } else {
                    text.push(' ');
                    if let Some(prep) = prep {
                        text.push_str(prep);
                        text.push(' ');
                    }
                }
                text.push_str(&a.text);
            }
            let first = &parts[0].1;
            let last = &parts[parts.len() - 1].1;
            Some(Argument {
                text,
                span: first.span.cover(last.span),
                sentence: first.sentence,
                tokens: first.tokens.start..last.tokens.end.max(first.tokens.end),
                head: first.head,
                kind: first.kind,
            })
        };
        let Some(target) = target else { return };
        let _ = passive;
        for a in actors {
            if overlap(a, &target) && a.head == target.head {
                continue;
            }
            let found = Found {
                actor: a.clone(),
                label: label.to_owned(),
                lemma: lemma.to_owned(),
                surface: surface.clone(),
                target: target.clone(),
                pattern: 0.9,
                predicate: v,
            };
            out.push(triple(p, found, ctx, self.id()));
        }
        // the other conjoined objects
        let objs: Vec<usize> = slots
            .iter()
            .filter(|s| s.prep.is_none())
            .map(|s| s.head)
            .collect();
        for &o in objs.iter().skip(1) {
            let Some(t) = p.argument(o, style) else {
                continue;
            };
            for a in actors {
                let found = Found {
                    actor: a.clone(),
                    label: label.to_owned(),
                    lemma: lemma.to_owned(),
                    surface: p.join(surface_toks),
                    target: t.clone(),
                    pattern: 0.85,
                    predicate: v,
                };
                out.push(triple(p, found, ctx, self.id()));
            }
        }
    }

    /// A copular clause: `X is the capital of Y` → (X, is, the capital of Y). Open IE takes
    /// every one; the actor policy only the reported claim of a speaker (`the union said the
    /// move would be a mistake` → move → be → mistake, attributed to the union), at lower
    /// confidence, with a noun phrase or the quoted speaker as its subject.
    fn copula(&self, p: &Parse<'_>, v: usize, out: &mut Vec<Triple>) {
        let Some(cop) = p.child(v, "cop") else { return };
        let Some(subj) = p
            .children(v)
            .iter()
            .copied()
            .find(|&c| p.base(c) == "nsubj")
        else {
            return;
        };
        let open = self.policy == Policy::Open;
        // a relative clause (`the mess that is our system`) or a predicate that is no
        // noun phrase or adjective (`the good thing is that …`) says no claim plainly
        if !open
            && (p.rel(v) == "acl:relcl"
                || !matches!(p.upos(v), Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num))
        {
            return;
        }
        let style = self.policy.style();
        let chain = [v];
        let ctx = frame::context(p, &chain, style);
        if !open && ctx.attributed_to.is_none() {
            return;
        }
        let mut surface_toks: Vec<usize> = p
            .children(v)
            .iter()
            .copied()
            .filter(|&c| {
                (matches!(p.base(c), "aux" | "cop") && c < v)
                    || (p.base(c) == "advmod" && lexicon::is_negation(p.lemma(c)))
            })
            .collect();
        let case = p
            .children(v)
            .iter()
            .copied()
            .find(|&c| p.base(c) == "case" && c < v);
        if let Some(c) = case {
            surface_toks.push(c);
        }
        surface_toks.sort_unstable();
        // the predicate itself, not a phrase under it (`are likely in the future`)
        let Some(target) = p
            .argument(v, style)
            .filter(|t| open || (t.head == v && self.policy.target_ok(p, t)))
        else {
            return;
        };
        // `is under consideration`, `is at an early stage`: the preposition is the relation
        let label = match case {
            Some(c) if !open => format!("be {}", p.lemma(c).to_lowercase()),
            _ => "be".to_owned(),
        };
        let mut pattern = if p.upos(v) == Upos::Adj { 0.6 } else { 0.7 };
        if !open {
            pattern *= 0.85;
        }
        for s in p.conjuncts(subj) {
            let Some(mut actor) = p.argument(s, style) else {
                continue;
            };
            if !open {
                // `"I am glad," Smith said`: the quoted `I` is the speaker; other pronouns
                // and expletives (`it is`, `there are`) say too little to stand alone
                if let Some(speaker) = frame::quoted_speaker(p, &actor, &ctx) {
                    actor = speaker;
                } else if actor.kind == ArgKind::Pronoun
                    || (!self.policy.actor_ok(p, &actor) && !reported_subject_ok(p, &actor))
                {
                    continue;
                }
            }
            if overlap(&actor, &target) {
                continue;
            }
            let found = Found {
                actor,
                label: label.clone(),
                lemma: p.lemma(cop).to_owned(),
                surface: p.join(&surface_toks),
                target: target.clone(),
                pattern,
                predicate: v,
            };
            let mut t = triple(p, found, &ctx, self.id());
            t.claim = !open;
            out.push(t);
        }
    }
}

/// True when two arguments share a token.
/// A non-agent subject that may still stand as the actor of a reported clause: a noun
/// phrase headed by a common noun that is not a time or number word.
fn reported_subject_ok(p: &Parse<'_>, a: &Argument) -> bool {
    matches!(a.kind, ArgKind::Description | ArgKind::Phrase)
        && p.upos(a.head) == Upos::Noun
        && !lexicon::is_time_noun(p.lemma(a.head))
        && p.rel(a.head) != "expl"
}

fn overlap(a: &Argument, b: &Argument) -> bool {
    a.head == b.head
        || (a.tokens.start < b.tokens.end
            && b.tokens.start < a.tokens.end
            && (a.tokens.contains(&b.head) || b.tokens.contains(&a.head)))
}
