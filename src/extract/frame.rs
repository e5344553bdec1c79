//! The parts of a clause every extractor needs: its subjects, its `xcomp` chain, its
//! targets, its modality and polarity, and who it is attributed to.

use crate::model::{ArgKind, Argument, Modality, Polarity, Upos};

use super::lexicon::{self, SpeechClass};
use super::tree::{ArgStyle, Parse};

/// Which actors an extractor keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Actor-focused, for the graph: actors are names, groups, descriptions, pronouns or
    /// agentive nouns (`officials`, `hackers`); phrases are trimmed; a copular clause only
    /// as a named speaker's claim.
    Actors,
    /// Open IE, for CaRB: any subject, whole phrases, copular clauses, one n-ary
    /// extraction per predicate.
    Open,
}

impl Policy {
    /// The argument style of this policy.
    pub(crate) fn style(self) -> ArgStyle {
        match self {
            Policy::Actors => ArgStyle::Trimmed,
            Policy::Open => ArgStyle::Full,
        }
    }

    /// True when `arg` may be an actor under this policy.
    pub(crate) fn actor_ok(self, p: &Parse<'_>, arg: &Argument) -> bool {
        match self {
            Policy::Open => true,
            Policy::Actors if fragment(p, arg) => false,
            Policy::Actors => match arg.kind {
                ArgKind::Name | ArgKind::Group | ArgKind::Pronoun | ArgKind::Unknown => true,
                ArgKind::Description | ArgKind::Phrase => {
                    p.upos(arg.head) == Upos::Noun && {
                        let l = p.lemma(arg.head);
                        lexicon::is_agentive_noun(l)
                            || lexicon::is_agentive_noun(l.trim_end_matches('s'))
                    }
                }
            },
        }
    }

    /// True when `arg` may be a target under this policy.
    pub(crate) fn target_ok(self, p: &Parse<'_>, arg: &Argument) -> bool {
        match self {
            Policy::Open => true,
            Policy::Actors if fragment(p, arg) => false,
            Policy::Actors => {
                let bad_pronoun = p.upos(arg.head) == Upos::Pron && arg.kind != ArgKind::Pronoun;
                let expletive = p.rel(arg.head) == "expl";
                // `denied saying …`: a speech act, not a participant
                let clause = p.upos(arg.head) == Upos::Verb
                    && p.token(arg.head).xpos == "VBG"
                    && lexicon::speech_class(p.lemma(arg.head)).is_some();
                !bad_pronoun && !expletive && !clause
            }
        }
    }
}

/// An argument that is a scrap of a phrase, not a participant: a single letter, a unit
/// abbreviation without its number (`p` from `70p`, `mln`), or one word said over and over
/// (`blah blah blah`, filler left in a wire story).
fn fragment(p: &Parse<'_>, arg: &Argument) -> bool {
    let mut words = arg.text.split_whitespace().map(str::to_lowercase);
    let repeated = words.next().is_some_and(|first| {
        let rest: Vec<String> = words.collect();
        !rest.is_empty() && rest.iter().all(|w| *w == first)
    });
    if repeated {
        return true;
    }
    let letters = arg.text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = arg.text.chars().any(|c| c.is_ascii_digit());
    (letters <= 1 && !digits && arg.kind != ArgKind::Pronoun)
        || (arg.text.split_whitespace().count() == 1
            && lexicon::is_unit_abbreviation(&arg.text.to_lowercase()))
        || (p.upos(arg.head) == Upos::Num && arg.text.split_whitespace().count() == 1)
        || (arg.text.split_whitespace().count() == 1
            && lexicon::is_empty_noun(&arg.text.to_lowercase()))
}

/// True when `arg` is `I`/`me` inside a quotation (an odd number of quote marks before
/// it): in `"I will sue," Smith said` the pronoun is the speaker.
pub(crate) fn quoted_first_person(p: &Parse<'_>, arg: &Argument) -> bool {
    arg.kind == ArgKind::Pronoun
        && matches!(p.lower(arg.head), "i" | "me")
        && (0..arg.head)
            .filter(|&t| matches!(p.lower(t), "\"" | "“" | "”" | "``" | "''"))
            .count()
            % 2
            == 1
}

/// The speaker a quoted `I` stands for (`"I will sue," Smith said` → Smith), when the
/// clause is attributed to someone who is not a pronoun.
pub(crate) fn quoted_speaker(p: &Parse<'_>, arg: &Argument, ctx: &Context) -> Option<Argument> {
    ctx.attributed_to
        .as_ref()
        .filter(|who| who.kind != ArgKind::Pronoun && quoted_first_person(p, arg))
        .cloned()
}

/// How sure the text is of a clause, and on whose word.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Context {
    pub modality: Modality,
    pub polarity: Polarity,
    pub attributed_to: Option<Argument>,
}

/// The first (nominal or clausal) subject child of `h`.
fn subject_of(p: &Parse<'_>, h: usize) -> Option<usize> {
    p.children(h)
        .iter()
        .copied()
        .find(|&c| matches!(p.base(c), "nsubj" | "csubj"))
}

/// The nominal subject (`nsubj`) of `h`, if any: the one a subjectless adjunct or
/// purpose clause of `h` shares.
fn nominal_subject_of(p: &Parse<'_>, h: usize) -> Option<usize> {
    p.children(h)
        .iter()
        .copied()
        .find(|&c| p.base(c) == "nsubj")
}

/// The subjects of predicate `v` (heads, conjuncts expanded), looking through
/// coordination, control, relative clauses and participles. The flag is true when the
/// subject was inherited rather than found on `v` itself.
pub(crate) fn subjects(p: &Parse<'_>, v: usize) -> (Vec<usize>, bool) {
    if let Some(s) = subject_of(p, v) {
        return (p.conjuncts(s), false);
    }
    let mut cur = v;
    for _ in 0..6 {
        let Some(h) = p.head(cur) else {
            return (Vec::new(), true);
        };
        // `called on members to reject` with the infinitive parsed as an adverbial
        if p.base(cur) == "advcl"
            && p.mark(cur) == Some("to")
            && let Some(o) = called_on(p, h, cur, &["on", "upon"])
        {
            return (p.conjuncts(o), true);
        }
        match p.rel(cur) {
            "conj" if p.is_verbal(h) => {
                if let Some(s) = subject_of(p, h) {
                    return (p.conjuncts(s), true);
                }
                cur = h;
            }
            "xcomp" => {
                if let Some(o) = p.child(h, "obj").or_else(|| p.child(h, "iobj")) {
                    return (p.conjuncts(o), true);
                }
                if let Some(o) = called_on(p, h, cur, &["on", "upon", "to"]) {
                    return (p.conjuncts(o), true);
                }
                if let Some(s) = subject_of(p, h) {
                    return (p.conjuncts(s), true);
                }
                cur = h;
            }
            "acl:relcl" => return (vec![h], true),
            "acl" if p.token(cur).xpos == "VBG" || p.mark(cur) == Some("to") && !p.is_verbal(h) => {
                return if p.token(cur).xpos == "VBG" {
                    (vec![h], true)
                } else {
                    (Vec::new(), true)
                };
            }
            "advcl" | "obl"
                if matches!(p.mark(cur), Some("of" | "for")) && accusation_verb(p.lemma(h)) =>
            {
                if let Some(o) = p.child(h, "obj") {
                    return (p.conjuncts(o), true);
                }
                if let Some(s) = p.child(h, "nsubj:pass") {
                    return (p.conjuncts(s), true);
                }
                return (Vec::new(), true);
            }
            // `X was fined after making remarks`, `X invoked the right in destroying Y`: a
            // subjectless gerund adjunct takes the main clause's subject
            "advcl"
                if p.token(cur).xpos == "VBG"
                    && matches!(
                        p.mark(cur),
                        Some("after" | "before" | "while" | "since" | "upon" | "in" | "on")
                    ) =>
            {
                if let Some(s) = nominal_subject_of(p, h) {
                    return (p.conjuncts(s), true);
                }
                return (Vec::new(), true);
            }
            "advcl" if p.mark(cur).is_none_or(|m| m == "to" || m == "by") => {
                if let Some(s) = nominal_subject_of(p, h) {
                    return (p.conjuncts(s), true);
                }
                cur = h;
            }
            _ => return (Vec::new(), true),
        }
    }
    (Vec::new(), true)
}

/// The one a directive verb `h` calls on, appeals to, …, before its infinitive `x`
/// (`called on members to reject`, `appealed to donors to give`): the doer of `x`.
fn called_on(p: &Parse<'_>, h: usize, x: usize, preps: &[&str]) -> Option<usize> {
    if !lexicon::directive_verb(p.lemma(h)) {
        return None;
    }
    p.children(h).iter().copied().find(|&c| {
        p.base(c) == "obl"
            && c < x
            && p.preposition(c)
                .is_some_and(|q| preps.contains(&q.as_str()))
    })
}

/// The chain of verbs starting at `v` joined by subject-control `xcomp`
/// (`attempt to influence`), `v` first.
pub(crate) fn chain(p: &Parse<'_>, v: usize) -> Vec<usize> {
    let mut out = vec![v];
    let mut cur = v;
    while out.len() < 5 {
        if p.child(cur, "obj").is_some() || p.child(cur, "iobj").is_some() || p.is_passive(cur) {
            break;
        }
        let next = p
            .children_rel(cur, "xcomp")
            .find(|&x| p.upos(x) == Upos::Verb && !out.contains(&x));
        match next {
            Some(x) if lexicon::speech_class(p.lemma(cur)).is_none() => {
                out.push(x);
                cur = x;
            }
            _ => break,
        }
    }
    out
}

/// True when `x` is the `xcomp` link of a chain that starts higher up (so it is not a
/// predicate of its own).
pub(crate) fn is_chained(p: &Parse<'_>, x: usize) -> bool {
    if p.rel(x) != "xcomp" || p.upos(x) != Upos::Verb {
        return false;
    }
    let Some(h) = p.head(x) else { return false };
    p.is_verbal(h) && chain(p, h).contains(&x)
}

/// A target of a predicate: its head and the preposition that introduces it.
#[derive(Clone, Debug)]
pub(crate) struct TargetSlot {
    pub head: usize,
    pub prep: Option<String>,
}

/// The direct and prepositional targets of verb `f`; the `by` agent of a passive is
/// not among them.
pub(crate) fn targets(p: &Parse<'_>, f: usize, open: bool) -> Vec<TargetSlot> {
    let passive = p.is_passive(f);
    let mut out = Vec::new();
    for &c in p.children(f) {
        match p.base(c) {
            "obj" | "iobj" => {
                for o in p.conjuncts(c) {
                    out.push(TargetSlot {
                        head: o,
                        prep: None,
                    });
                }
            }
            "obl" | "nmod" => {
                if matches!(p.rel(c), "obl:tmod" | "obl:npmod" | "obl:agent") && !open {
                    continue;
                }
                let Some(prep) = p.preposition(c) else {
                    continue;
                };
                if passive && prep == "by" || prep == "according to" {
                    continue;
                }
                if !open
                    && (!lexicon::is_argument_preposition(&prep)
                        || lexicon::is_time_noun(p.lemma(c))
                        || p.upos(c) == Upos::Num
                        || p.upos(c) == Upos::Adv)
                {
                    continue;
                }
                for o in p.conjuncts(c) {
                    out.push(TargetSlot {
                        head: o,
                        prep: Some(prep.clone()),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The `by` agent of passive `v`, if any.
pub(crate) fn agent(p: &Parse<'_>, v: usize) -> Option<usize> {
    p.children(v)
        .iter()
        .copied()
        .find(|&c| matches!(p.base(c), "obl" | "nmod") && p.preposition(c).as_deref() == Some("by"))
}

/// The modality and polarity a chain of verbs carries by itself (modals, hedging
/// adverbs, intention verbs, negation).
pub(crate) fn own_modality(p: &Parse<'_>, chain: &[usize]) -> (Modality, Polarity) {
    let mut modality = Modality::Asserted;
    let mut verbs: Vec<usize> = chain.to_vec();
    // a conjunct shares the auxiliaries of the verb it is coordinated with
    if let Some(&v0) = chain.first()
        && p.rel(v0) == "conj"
        && !p.children(v0).iter().any(|&c| p.base(c) == "aux")
        && let Some(h) = p.head(v0)
    {
        verbs.push(h);
    }
    // `urged banks to cut rates`, `called on members to reject it`: what the object is
    // asked to do has not happened
    if let Some(&v0) = chain.first()
        && (p.rel(v0) == "xcomp" || p.base(v0) == "advcl" && p.mark(v0) == Some("to"))
        && let Some(h) = p.head(v0)
        && lexicon::directive_verb(p.lemma(h))
    {
        modality = Modality::Possible;
    }
    // `is ready to commit`, `was keen to sign`, `is unable to pay`: a readiness is not a deed
    let mut negative = false;
    if let Some(&v0) = chain.first()
        && p.rel(v0) == "xcomp"
        && let Some(h) = p.head(v0)
        && p.upos(h) == Upos::Adj
        && let Some(negated) = lexicon::readiness_adjective(p.lemma(h))
    {
        modality = Modality::Possible;
        negative = negated;
    }
    for (k, &v) in verbs.iter().enumerate() {
        // `if …`, `unless …`; an embedded question (`asked whether he sensed a shift`)
        if conditional(p, v)
            || p.mark(v) == Some("whether")
            || p.base(v) == "ccomp" && p.mark(v) == Some("if")
        {
            modality = Modality::Possible;
        }
        for &c in p.children(v) {
            let l = p.lemma(c);
            match p.base(c) {
                "aux" if lexicon::is_possible_aux(l) => modality = Modality::Possible,
                // `if the union strikes, the company will close the plant`
                "advcl" if conditional(p, c) => modality = Modality::Possible,
                "advmod" => {
                    if let Some(m) = lexicon::hedge_adverb(l) {
                        modality = m;
                    }
                }
                _ => {}
            }
        }
        if p.negated(v) || (k + 1 == chain.len() && negated_object(p, v)) {
            negative = !negative;
        }
        if k + 1 < chain.len() && lexicon::intention_verb(p.lemma(v)) {
            modality = Modality::Possible;
        }
    }
    (
        modality,
        if negative {
            Polarity::Negative
        } else {
            Polarity::Positive
        },
    )
}

/// True when the direct object or the subject of `v` is negated by `no` (`X has no
/// connection with Y`, `X made no contingency plans`, `No bank has bought Y`).
fn negated_object(p: &Parse<'_>, v: usize) -> bool {
    ["obj", "nsubj"].into_iter().any(|rel| {
        p.child(v, rel).is_some_and(|o| {
            p.children(o)
                .iter()
                .any(|&d| p.base(d) == "det" && p.lemma(d) == "no")
        })
    })
}

/// True when `v` heads a conditional clause (`if …`, `unless …`).
fn conditional(p: &Parse<'_>, v: usize) -> bool {
    p.base(v) == "advcl" && matches!(p.mark(v), Some("if" | "unless"))
}

/// True when `c` is an `according to X` phrase.
fn according_to(p: &Parse<'_>, c: usize) -> bool {
    matches!(p.base(c), "obl" | "nmod" | "advmod")
        && p.preposition(c).as_deref() == Some("according to")
}

/// Nouns that introduce a reported proposition (`the suggestion that …`).
fn proposition_noun(lemma: &str) -> bool {
    matches!(
        lemma,
        "suggestion"
            | "claim"
            | "allegation"
            | "accusation"
            | "report"
            | "rumor"
            | "charge"
            | "assertion"
            | "idea"
            | "notion"
            | "belief"
            | "fear"
            | "concern"
            | "suspicion"
            | "speculation"
            | "theory"
            | "view"
            | "warning"
            | "contention"
            | "argument"
            | "hope"
            | "expectation"
            | "impression"
            | "rumour"
            | "condition"
    )
}

/// Verbs whose `of`/`for` complement is alleged (`accused Russia of meddling`).
pub(crate) fn accusation_verb(lemma: &str) -> bool {
    matches!(
        lemma,
        "accuse"
            | "suspect"
            | "charge"
            | "blame"
            | "allege"
            | "convict"
            | "criticize"
            | "condemn"
            | "fault"
    )
}

/// The modality a verb gives its `of`/`for` complement: alleged after accusing
/// (`accused Russia of meddling`), denied after clearing (`cleared them of avoiding tests`).
fn complement_modality(lemma: &str, mark: Option<&str>) -> Option<Modality> {
    match mark {
        Some("of" | "for") if accusation_verb(lemma) => Some(Modality::Alleged),
        Some("of") if matches!(lemma, "clear" | "acquit" | "exonerate" | "absolve") => {
            Some(Modality::Denied)
        }
        _ => None,
    }
}

/// Who a clause headed by `v` is attributed to, and the modality that gives it.
/// `None` when the text states it itself.
pub(crate) fn attribution(
    p: &Parse<'_>,
    v: usize,
    style: ArgStyle,
) -> Option<(Option<Argument>, Modality)> {
    let speaker_of = |h: usize| -> Option<Argument> {
        if p.is_passive(h) {
            return agent(p, h).and_then(|a| p.argument(a, style));
        }
        let (subs, _) = subjects(p, h);
        subs.first().and_then(|&s| p.argument(s, style))
    };
    let mut cur = v;
    for _ in 0..8 {
        for &c in p.children(cur) {
            if according_to(p, c) {
                return Some((p.argument(c, style), Modality::Alleged));
            }
            // `…, according to X` attached to an argument of the clause
            if matches!(p.base(c), "obj" | "obl" | "nsubj")
                && let Some(g) = p.children(c).iter().copied().find(|&g| according_to(p, g))
            {
                return Some((p.argument(g, style), Modality::Alleged));
            }
            // `…, it was claimed (in court)` parsed as a conjunct of the clause
            if p.base(c) == "conj"
                && c > cur
                && lexicon::speech_class(p.lemma(c)).is_some()
                && p.is_passive(c)
                && p.child(c, "ccomp").is_none()
                && p.children(c)
                    .iter()
                    .any(|&s| p.base(s) == "nsubj" && p.lower(s) == "it")
            {
                let who = agent(p, c).and_then(|a| p.argument(a, style));
                return Some((who, Modality::Alleged));
            }
            if p.base(c) == "parataxis"
                && let Some(cls) = lexicon::speech_class(p.lemma(c))
                && p.child(c, "ccomp").is_none()
            {
                return Some((speaker_of(c), cls.modality()));
            }
        }
        let h = p.head(cur)?;
        // `accused Russia of meddling` (alleged), `cleared them of avoiding tests` (denied),
        // by whoever accused or cleared; a gerund hung on the object as if on the verb.
        let governor = match p.base(cur) {
            "advcl" | "obl" => Some(h),
            "acl" if p.base(h) == "obj" => p.head(h),
            _ => None,
        };
        if let Some(g) = governor
            && let Some(m) = complement_modality(p.lemma(g), p.mark(cur))
        {
            return Some((speaker_of(g), m));
        }
        match p.base(cur) {
            "xcomp" if lexicon::speech_class(p.lemma(h)).is_some() => {
                let cls = lexicon::speech_class(p.lemma(h)).expect("checked");
                return Some((speaker_of(h), cls.modality()));
            }
            "conj" | "xcomp" => cur = h,
            "ccomp" | "parataxis" | "acl" if p.is_verbal(h) || p.upos(h) == Upos::Verb => {
                let cls = lexicon::speech_class(p.lemma(h))?;
                if p.base(cur) == "acl"
                    || (p.base(cur) == "parataxis" && lexicon::speech_class(p.lemma(cur)).is_some())
                {
                    return None;
                }
                return Some((speaker_of(h), cls.modality()));
            }
            "ccomp" | "acl" if p.upos(h) == Upos::Noun && proposition_noun(p.lemma(h)) => {
                if let Some(g) = p.head(h)
                    && p.base(h) == "obj"
                    && let Some(cls) = lexicon::speech_class(p.lemma(g))
                {
                    let m = if cls == SpeechClass::Deny {
                        Modality::Denied
                    } else {
                        Modality::Alleged
                    };
                    return Some((speaker_of(g), m));
                }
                return Some((None, Modality::Alleged));
            }
            // `denied meddling in …` with the gerund attached as `advcl`: as `xcomp`
            "advcl"
                if p.mark(cur).is_none()
                    && p.token(cur).xpos == "VBG"
                    && cur > h
                    && lexicon::speech_class(p.lemma(h)).is_some() =>
            {
                let cls = lexicon::speech_class(p.lemma(h)).expect("checked");
                return Some((speaker_of(h), cls.modality()));
            }
            "advcl" => cur = h,
            // A relative clause or an argument is part of the clause around it: `insisted
            // that theirs was the party that understood…` is the insisting's content.
            "acl" | "obj" | "iobj" | "nsubj" | "obl" | "nmod" | "appos" | "ccomp"
                if p.rel(cur) != "acl" || p.upos(h) != Upos::Verb =>
            {
                cur = h
            }
            _ => return None,
        }
    }
    None
}

/// A statement reported by a sentence-final speech clause (`S, the officials said.`,
/// `S, said Mr X.`) the parser did not hang the statement under (it made the speech verb
/// a conjunct, or the statement an adverbial): the speaker and the modality of the speech
/// verb when `v` lies before the comma that opens that clause.
pub(crate) fn final_reporting_clause(
    p: &Parse<'_>,
    v: usize,
    style: ArgStyle,
) -> Option<(Option<Argument>, Modality)> {
    // The clause after the last comma: short, one verb, a speech verb with its subject.
    let comma = (0..p.len()).rev().find(|&i| p.token(i).form == ",")?;
    if v >= comma {
        return None;
    }
    let rest: Vec<usize> = (comma + 1..p.len())
        .filter(|&i| p.upos(i) != Upos::Punct)
        .collect();
    if rest.is_empty() || rest.len() > 7 {
        return None;
    }
    let verbs: Vec<usize> = rest
        .iter()
        .copied()
        .filter(|&i| p.upos(i) == Upos::Verb)
        .collect();
    let &[r] = verbs.as_slice() else {
        return None;
    };
    let cls = lexicon::speech_class(p.lemma(r))?;
    if !matches!(p.base(r), "root" | "conj" | "parataxis") || p.child(r, "ccomp").is_some() {
        return None;
    }
    let (subs, _) = subjects(p, r);
    let &subject = subs.first()?;
    if subject <= comma {
        return None;
    }
    Some((p.argument(subject, style), cls.modality()))
}

/// True when the sentence is a question: it asks, it does not state.
fn is_question(p: &Parse<'_>) -> bool {
    (0..p.len())
        .rev()
        .map(|i| p.token(i).form.as_str())
        .find(|f| !matches!(*f, "\"" | "'" | "\u{201d}" | "''" | ")"))
        == Some("?")
}

/// True when a verb above the clause of `top` (not a coordinated one) makes what it holds
/// possible: a modal (`could leave anglers facing court`), a conditional, a hedge.
fn inherited_possible(p: &Parse<'_>, top: usize) -> bool {
    let mut cur = top;
    for _ in 0..8 {
        let Some(h) = p.head(cur) else {
            return false;
        };
        if p.base(cur) == "conj" || p.base(cur) == "parataxis" {
            cur = h;
            continue;
        }
        if p.is_verbal(h) || p.upos(h) == Upos::Verb {
            let (m, _) = own_modality(p, &[h]);
            if m == Modality::Possible {
                return true;
            }
            if lexicon::speech_class(p.lemma(h)).is_some() {
                return false;
            }
        }
        cur = h;
    }
    false
}

/// The full context of a clause: its own modality and polarity, then its attribution.
pub(crate) fn context(p: &Parse<'_>, chain: &[usize], style: ArgStyle) -> Context {
    let (mut own, mut polarity) = own_modality(p, chain);
    let top = chain.first().copied().unwrap_or(0);
    if own == Modality::Asserted && (inherited_possible(p, top) || is_question(p)) {
        own = Modality::Possible;
    }
    match attribution(p, top, style).or_else(|| final_reporting_clause(p, top, style)) {
        Some((who, m)) => {
            let modality = if own == Modality::Asserted { m } else { own };
            if m == Modality::Denied {
                polarity = Polarity::Negative;
            }
            Context {
                modality,
                polarity,
                attributed_to: who,
            }
        }
        None => Context {
            modality: own,
            polarity,
            attributed_to: None,
        },
    }
}

/// The action label of a chain: lemmas with `to` between infinitives, particles kept
/// (`attempt to influence`, `step up`).
pub(crate) fn chain_label(p: &Parse<'_>, chain: &[usize]) -> String {
    let mut out = String::new();
    for (k, &v) in chain.iter().enumerate() {
        if k > 0 {
            out.push(' ');
            if p.mark(v) == Some("to") {
                out.push_str("to ");
            }
        }
        out.push_str(p.lemma(v));
        for prt in p.children_rel(v, "compound:prt") {
            out.push(' ');
            out.push_str(p.lemma(prt));
        }
    }
    out
}

/// Surface tokens of a chain: auxiliaries, negation, the verbs, `to`, particles.
pub(crate) fn chain_surface_tokens(p: &Parse<'_>, chain: &[usize]) -> Vec<usize> {
    let mut toks = Vec::new();
    for &v in chain {
        toks.push(v);
        for &c in p.children(v) {
            let keep = match p.base(c) {
                "aux" | "mark" => c < v && (p.base(c) == "aux" || p.lemma(c) == "to"),
                "advmod" => lexicon::is_negation(p.lemma(c)) || p.lower(c) == "n't",
                "compound" => p.rel(c) == "compound:prt",
                _ => false,
            };
            if keep {
                toks.push(c);
            }
        }
    }
    toks.sort_unstable();
    toks.dedup();
    toks
}
