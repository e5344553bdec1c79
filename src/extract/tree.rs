//! [`Parse`]: one sentence's dependency tree, repaired and indexed once, shared by every
//! extractor; and the phrase builder that turns a head token into an [`Argument`].
//!
//! The sentence's heads already form one tree (see [`crate::model::Sentence::new`]), so
//! every walk over it terminates. The linguistic repairs of module `repair` fix known
//! parse errors (two subjects on one verb, a complement clause read as a relative clause,
//! …); `rel`, `upos`, `head` and `lemma` answer with the repaired tree.

use crate::model::{AnnotatedArticle, ArgKind, Argument, Sentence, Span, Token, Upos, base_rel};

use super::{lexicon, repair};

/// How much of a noun phrase an argument keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgStyle {
    /// The meaningful core for the graph: determiners, numbers, vague adjectives and
    /// pronoun possessives are dropped, quantity heads are looked through
    /// (`a total of 110 separate attempts to hack its servers` → `attempts to hack servers`).
    Trimmed,
    /// The whole phrase (minus relative clauses, appositions and conjuncts), for Open IE.
    Full,
}

/// One sentence with its tree indexed: children lists, lower-case forms and lemmas.
#[derive(Debug)]
pub struct Parse<'a> {
    doc: &'a AnnotatedArticle,
    sentence: &'a Sentence,
    heads: Vec<Option<usize>>,
    rels: Vec<&'a str>,
    upos: Vec<Upos>,
    children: Vec<Vec<usize>>,
    lemmas: Vec<String>,
    lower: Vec<String>,
}

impl<'a> Parse<'a> {
    /// Indexes (and repairs) the tree of one sentence of `doc`.
    pub fn new(doc: &'a AnnotatedArticle, sentence: &'a Sentence) -> Parse<'a> {
        let n = sentence.tokens.len();
        // A `Sentence` is one tree (see `Sentence::new`): no head to check here.
        let heads: Vec<Option<usize>> = sentence.tokens.iter().map(|t| t.head).collect();
        let lower: Vec<String> = sentence
            .tokens
            .iter()
            .map(|t| t.form.to_lowercase())
            .collect();
        let lemmas = sentence
            .tokens
            .iter()
            .zip(&lower)
            .map(|(t, low)| {
                let lemma = t.lemma.trim_matches(|c: char| !c.is_alphanumeric());
                let l = if lemma.is_empty() || lemma == "_" {
                    low.clone()
                } else {
                    lemma
                        .rsplit(char::is_whitespace)
                        .next()
                        .unwrap_or(lemma)
                        .to_lowercase()
                };
                match crate::nlp::morph::american(&l) {
                    // unchanged: keep the string we have rather than copy it
                    std::borrow::Cow::Borrowed(us) if us == l => l,
                    us => us.into_owned(),
                }
            })
            .collect();
        let mut draft = repair::Draft {
            heads,
            rels: sentence.tokens.iter().map(|t| t.deprel).collect(),
            upos: sentence.tokens.iter().map(|t| t.upos).collect(),
            lemmas,
            lower,
        };
        repair::apply(&mut draft, &sentence.tokens);
        let repair::Draft {
            heads,
            rels,
            upos,
            lemmas,
            lower,
        } = draft;
        let mut children = vec![Vec::new(); n];
        for (i, h) in heads.iter().enumerate() {
            if let Some(h) = *h {
                children[h].push(i);
            }
        }
        Parse {
            doc,
            sentence,
            heads,
            rels,
            upos,
            children,
            lemmas,
            lower,
        }
    }

    /// The article.
    pub fn doc(&self) -> &'a AnnotatedArticle {
        self.doc
    }

    /// The sentence.
    pub fn sentence(&self) -> &'a Sentence {
        self.sentence
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// True when the sentence has no token.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// Token `i`.
    pub fn token(&self, i: usize) -> &'a Token {
        &self.sentence.tokens[i]
    }

    /// The (repaired) head of token `i`.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i]
    }

    /// The dependents of token `i`, in order.
    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// The full relation of token `i` (`nsubj:pass`).
    pub fn rel(&self, i: usize) -> &'a str {
        self.rels[i]
    }

    /// The relation of token `i` without its subtype (`nsubj`).
    pub fn base(&self, i: usize) -> &'a str {
        base_rel(self.rel(i))
    }

    /// Lower-case, American-spelled lemma of token `i`.
    pub fn lemma(&self, i: usize) -> &str {
        &self.lemmas[i]
    }

    /// Lower-case form of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// Part of speech of token `i`.
    pub fn upos(&self, i: usize) -> Upos {
        self.upos[i]
    }

    /// The first child of `i` whose full relation or base relation is `rel`.
    pub(crate) fn child(&self, i: usize, rel: &str) -> Option<usize> {
        self.children[i]
            .iter()
            .copied()
            .find(|&c| self.rel(c) == rel || self.base(c) == rel)
    }

    /// The children of `i` whose full relation is `rel` or whose base relation is `rel`.
    pub(crate) fn children_rel<'s>(
        &'s self,
        i: usize,
        rel: &'s str,
    ) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel || self.base(c) == rel)
    }

    /// True when `i` is a noun-like head (noun, proper noun, pronoun, number).
    pub(crate) fn is_nominal(&self, i: usize) -> bool {
        matches!(
            self.upos(i),
            Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num | Upos::X | Upos::Sym
        )
    }

    /// True when `i` acts as a verb: tagged VERB, or a noun or adjective mis-tagged but
    /// carrying a subject and no copula.
    pub(crate) fn is_verbal(&self, i: usize) -> bool {
        match self.upos(i) {
            Upos::Verb => self.child(i, "cop").is_none(),
            Upos::Noun => {
                self.child(i, "cop").is_none()
                    && self.child(i, "nsubj").is_some()
                    && self.child(i, "obj").is_some()
            }
            _ => false,
        }
    }

    /// True when `v` is a passive verb (auxiliary `be` of the passive, a passive subject,
    /// or a participle modifying a noun).
    pub(crate) fn is_passive(&self, v: usize) -> bool {
        self.children[v]
            .iter()
            .any(|&c| matches!(self.rel(c), "aux:pass" | "nsubj:pass" | "csubj:pass"))
            || (self.base(v) == "acl"
                && self.token(v).xpos == "VBN"
                && self.child(v, "nsubj").is_none())
    }

    /// The preposition of a nominal (`in`, `according to`), from its `case` children;
    /// the possessive `'s` is not a preposition.
    pub(crate) fn preposition(&self, n: usize) -> Option<String> {
        let c = self.children[n].iter().copied().find(|&c| {
            self.base(c) == "case" && !matches!(self.lower(c), "'s" | "'" | "’s" | "’") && c < n
        })?;
        let mut p = self.lower(c).to_owned();
        for f in self.children_rel(c, "fixed") {
            p.push(' ');
            p.push_str(self.lower(f));
        }
        Some(p)
    }

    /// The infinitive or subordinating mark of a clause (`to`, `that`, `of`).
    pub(crate) fn mark(&self, v: usize) -> Option<&str> {
        self.children[v]
            .iter()
            .copied()
            .find(|&c| self.base(c) == "mark" || (self.base(c) == "case" && c < v))
            .map(|c| self.lemma(c))
    }

    /// `h` and its conjuncts (`the NSA, CIA and FBI` → three heads).
    pub(crate) fn conjuncts(&self, h: usize) -> Vec<usize> {
        let mut out = vec![h];
        let mut i = 0;
        while i < out.len() && out.len() < 16 {
            let cur = out[i];
            for c in self.children_rel(cur, "conj") {
                if !out.contains(&c) && self.is_nominal(c) == self.is_nominal(h) {
                    out.push(c);
                }
            }
            i += 1;
        }
        out.sort_unstable();
        out
    }

    /// True when a modifier of `v` (or of the clause it depends on) negates it.
    pub(crate) fn negated(&self, v: usize) -> bool {
        self.children[v].iter().any(|&c| {
            matches!(self.base(c), "advmod" | "neg" | "aux" | "det")
                && lexicon::is_negation(self.lemma(c))
                || self.lower(c) == "n't"
        })
    }

    /// Evidence bytes for a token range.
    pub(crate) fn span_of(&self, first: usize, last: usize) -> Span {
        let a = self.token(first).span;
        let b = self.token(last).span;
        if b.end >= a.start {
            Span::new(a.start, b.end)
        } else {
            a
        }
    }

    /// Joins tokens with the spacing the text has between them (a single space when
    /// they are not adjacent).
    pub(crate) fn join(&self, toks: &[usize]) -> String {
        let text = &self.doc.article.text;
        let mut out = String::new();
        for (k, &i) in toks.iter().enumerate() {
            if k > 0 {
                let prev = toks[k - 1];
                let gap = if prev + 1 == i {
                    let (a, b) = (self.token(prev).span.end, self.token(i).span.start);
                    if a <= b { text.get(a..b) } else { None }
                } else {
                    None
                };
                match gap {
                    Some(g) if g.len() <= 3 && g.trim().is_empty() => {
                        out.push_str(if g.is_empty() { "" } else { " " })
                    }
                    _ => out.push(' '),
                }
            }
            out.push_str(&self.token(i).form);
        }
        out
    }

    /// The head an argument at `head` really stands for: a relative pronoun stands for the
    /// noun its clause modifies; a common noun with a named apposition (`the minister,
    /// Jane Doe`) stands for the name; with [`ArgStyle::Trimmed`], a quantity noun
    /// (`a total of 110 attacks`) stands for what it counts.
    pub(crate) fn real_head(&self, mut head: usize, style: ArgStyle) -> usize {
        for _ in 0..4 {
            if lexicon::is_relative_pronoun(self.lower(head)) && self.upos(head) == Upos::Pron {
                let mut v = self.heads[head];
                // the pronoun's clause, up through conjuncts
                while let Some(x) = v {
                    if self.rel(x) == "acl:relcl" {
                        break;
                    }
                    v = if self.base(x) == "conj" {
                        self.heads[x]
                    } else {
                        None
                    };
                }
                if let Some(ante) = v.and_then(|x| self.heads[x]) {
                    head = ante;
                    continue;
                }
            }
            if matches!(self.upos(head), Upos::Noun)
                && let Some(a) = self
                    .children_rel(head, "appos")
                    .find(|&a| self.upos(a) == Upos::Propn)
            {
                head = a;
                continue;
            }
            if style == ArgStyle::Trimmed
                && matches!(
                    self.upos(head),
                    Upos::Noun | Upos::Num | Upos::Pron | Upos::Det | Upos::Adj
                )
                && lexicon::is_quantity_noun(self.lemma(head))
                && let Some(n) = self
                    .children_rel(head, "nmod")
                    .find(|&n| self.preposition(n).as_deref() == Some("of") && self.is_nominal(n))
            {
                head = n;
                continue;
            }
            break;
        }
        head
    }

    /// Builds the argument headed by `head`, or `None` when nothing meaningful is left
    /// (a bare number, a relative pronoun with no antecedent, punctuation).
    pub fn argument(&self, head: usize, style: ArgStyle) -> Option<Argument> {
        let head = self.real_head(head, style);
        if matches!(
            self.upos(head),
            Upos::Det
                | Upos::Adp
                | Upos::Cconj
                | Upos::Sconj
                | Upos::Part
                | Upos::Punct
                | Upos::Aux
                | Upos::Intj
        ) {
            return None;
        }
        let toks = self.phrase_tokens(head, style);
        let (&first, &last) = (toks.first()?, toks.last()?);
        let kind = self.kind(head, &toks);
        let toks: Vec<usize> = match (style, kind) {
            // keep `the` for descriptions only; other determiners go
            (ArgStyle::Trimmed, ArgKind::Description) => toks,
            (ArgStyle::Trimmed, _) => toks
                .into_iter()
                .filter(|&t| !(t != head && self.base(t) == "det" && self.heads[t] == Some(head)))
                .collect(),
            _ => toks,
        };
        let (first, last) = (
            toks.first().copied().unwrap_or(first),
            toks.last().copied().unwrap_or(last),
        );
        // a parse gone wrong gives a sprawling phrase: keep the head and its close modifiers
        let toks = if style == ArgStyle::Trimmed && toks.len() > 10 {
            let close: Vec<usize> = toks
                .iter()
                .copied()
                .filter(|&t| {
                    t == head
                        || (self.heads[t] == Some(head)
                            && matches!(
                                self.base(t),
                                "compound" | "flat" | "amod" | "det" | "fixed"
                            ))
                })
                .collect();
            close
        } else {
            toks
        };
        let (first, last) = (
            toks.first().copied().unwrap_or(first),
            toks.last().copied().unwrap_or(last),
        );
        let text = trim_punctuation(&self.join(&toks)).to_owned();
        if text.trim().is_empty() || !text.chars().any(char::is_alphanumeric) {
            return None;
        }
        if style == ArgStyle::Trimmed && text.chars().all(|c| !c.is_alphabetic()) {
            return None;
        }
        Some(self.phrase(text, first, last, head, kind))
    }

    /// The argument `text` of kind `kind`, covering tokens `first..=last`, headed by `head`.
    fn phrase(
        &self,
        text: String,
        first: usize,
        last: usize,
        head: usize,
        kind: ArgKind,
    ) -> Argument {
        Argument {
            text,
            span: self.span_of(first, last),
            sentence: self.sentence.index,
            tokens: first..last + 1,
            head,
            kind,
        }
    }

    /// The whole subtree of `head` as a phrase (a reported clause for Open IE), without
    /// its leading `that` and edge punctuation.
    pub(crate) fn clause_argument(&self, head: usize) -> Option<Argument> {
        let mut toks = vec![head];
        let mut stack = vec![head];
        while let Some(n) = stack.pop() {
            for &c in &self.children[n] {
                if !(n == head && self.base(c) == "mark" && c < head) {
                    toks.push(c);
                    stack.push(c);
                }
            }
        }
        toks.sort_unstable();
        while toks.len() > 1 && self.upos(toks[0]) == Upos::Punct {
            toks.remove(0);
        }
        while toks.len() > 1 && self.upos(toks[toks.len() - 1]) == Upos::Punct {
            toks.pop();
        }
        let (&first, &last) = (toks.first()?, toks.last()?);
        let text = self.join(&toks);
        if !text.chars().any(char::is_alphanumeric) {
            return None;
        }
        Some(self.phrase(text, first, last, head, ArgKind::Phrase))
    }

    /// The placeholder actor of an agentless passive, anchored on the verb.
    pub(crate) fn unknown(&self, verb: usize) -> Argument {
        Argument {
            text: "unknown".to_owned(),
            span: self.token(verb).span,
            sentence: self.sentence.index,
            tokens: verb..verb + 1,
            head: verb,
            kind: ArgKind::Unknown,
        }
    }

    /// The tokens of the phrase headed by `head`, sorted.
    fn phrase_tokens(&self, head: usize, style: ArgStyle) -> Vec<usize> {
        let name = self.upos(head) == Upos::Propn;
        let mut out = vec![head];
        let mut stack: Vec<(usize, usize)> = vec![(head, 0)];
        while let Some((node, depth)) = stack.pop() {
            for &c in &self.children[node] {
                if self.keep_child(head, node, c, depth, style, name) {
                    out.push(c);
                    stack.push((c, depth + 1));
                }
            }
        }
        out.sort_unstable();
        // names: only the contiguous run around the head
        if name && style == ArgStyle::Trimmed {
            let pos = out
                .iter()
                .position(|&t| t == head)
                .expect("head is in its phrase");
            let mut lo = pos;
            while lo > 0 && out[lo - 1] + 1 == out[lo] && self.name_part(out[lo - 1]) {
                lo -= 1;
            }
            let mut hi = pos;
            while hi + 1 < out.len() && out[hi] + 1 == out[hi + 1] && self.name_part(out[hi + 1]) {
                hi += 1;
            }
            out = out[lo..=hi].to_vec();
        }
        // strip punctuation and function words at the edges
        while out.len() > 1 && self.edge_junk(out[0]) {
            out.remove(0);
        }
        while out.len() > 1 && self.edge_junk(out[out.len() - 1]) {
            out.pop();
        }
        out
    }

    fn name_part(&self, t: usize) -> bool {
        matches!(self.upos(t), Upos::Propn | Upos::Num | Upos::X)
            || matches!(self.lower(t), "-" | "." | "&" | "of")
            // `Securities and Exchange Commission`, joined by `repair::coordinated_name`
            || (self.lower(t) == "and" && self.base(t) == "flat")
            || (self.upos(t) == Upos::Adj && self.token(t).form.starts_with(char::is_uppercase))
    }

    fn edge_junk(&self, t: usize) -> bool {
        matches!(
            self.upos(t),
            Upos::Punct | Upos::Cconj | Upos::Adp | Upos::Sconj | Upos::Part
        ) && !matches!(self.lower(t), "'s" | "’s")
    }

    fn keep_child(
        &self,
        head: usize,
        node: usize,
        c: usize,
        depth: usize,
        style: ArgStyle,
        name: bool,
    ) -> bool {
        let rel = self.rel(c);
        let base = self.base(c);
        if matches!(
            base,
            "appos"
                | "parataxis"
                | "conj"
                | "cc"
                | "advcl"
                | "dep"
                | "discourse"
                | "vocative"
                | "reparandum"
                | "list"
                | "orphan"
                | "dislocated"
                | "ccomp"
        ) || rel == "acl:relcl"
        {
            return false;
        }
        if base == "punct" {
            return matches!(self.lower(c), "-" | "." | "&" | "/" | "'")
                && c > head.min(node)
                && depth > 0
                || (matches!(self.lower(c), "-" | "&")
                    && self.children[node].iter().any(|&o| o > c)
                    && self.children[node]
                        .iter()
                        .any(|&o| o < c && self.base(o) != "punct"));
        }
        if node == head {
            if matches!(
                base,
                "case" | "mark" | "cop" | "aux" | "nsubj" | "csubj" | "expl"
            ) {
                return false;
            }
            if self.is_verbal(head) && matches!(base, "advmod" | "obl") {
                return false;
            }
        }
        if style == ArgStyle::Full {
            return depth < 6;
        }
        if depth >= 3 {
            // Deep in the phrase only what a kept word cannot lose: its preposition, its
            // number and the words of its name (`a 19.9 % stake in the firm`, not
            // `% stake firm`).
            return matches!(
                base,
                "case" | "nummod" | "compound" | "flat" | "fixed" | "goeswith"
            ) && rel != "compound:prt";
        }
        if name && node == head {
            return matches!(
                base,
                "compound"
                    | "flat"
                    | "fixed"
                    | "goeswith"
                    | "nummod"
                    | "amod"
                    | "det"
                    | "nmod"
                    | "case"
            ) && rel != "nmod:poss"
                && !matches!(base, "nmod" if self.preposition(c).is_some());
        }
        match base {
            "det" => node == head && !lexicon::is_negation(self.lemma(c)) && depth == 0,
            // `70p`, `12 mln dlrs`, `500 jobs`, `a 47 pct stake`, `sales of 1.2 mln dlrs`,
            // `a 19.9 % stake`: a number stays with the noun it counts or measures
            "nummod" => true,
            "advmod" => false,
            "amod" => !lexicon::is_vague_adjective(self.lemma(c)) && self.lemma(c) != "alleged",
            "nmod" if rel == "nmod:poss" => self.upos(c) != Upos::Pron,
            "acl" => self.mark(c) == Some("to"),
            "nmod" => self.preposition(c).is_none_or(|p| {
                matches!(
                    p.as_str(),
                    "of" | "in"
                        | "on"
                        | "against"
                        | "with"
                        | "to"
                        | "for"
                        | "from"
                        | "about"
                        | "over"
                        | "into"
                )
            }),
            "aux" | "nsubj" | "expl" | "cop" => false,
            "obl" => depth == 0 && self.preposition(c).is_some(),
            _ => true,
        }
    }

    /// The kind of the phrase headed by `head` (tokens `toks`).
    fn kind(&self, head: usize, toks: &[usize]) -> ArgKind {
        let low = self.lower(head);
        match self.upos(head) {
            Upos::Pron if lexicon::is_personal_pronoun(low) => return ArgKind::Pronoun,
            Upos::Propn => return ArgKind::Name,
            _ => {}
        }
        let form = &self.token(head).form;
        if form.len() >= 2
            && form
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && form.chars().any(|c| c.is_ascii_uppercase())
        {
            return ArgKind::Name;
        }
        if self.upos(head) != Upos::Noun {
            return ArgKind::Phrase;
        }
        let named_modifier = toks.iter().any(|&t| {
            t < head
                && self.heads[t] == Some(head)
                && ((self.upos(t) == Upos::Propn && self.rel(t) != "nmod:poss")
                    || (matches!(self.base(t), "amod" | "compound")
                        && self.token(t).form.starts_with(char::is_uppercase)
                        && (t != 0 || lexicon::looks_demonym(self.lower(t)))
                        && self.upos(t) != Upos::Det))
        });
        if named_modifier {
            return ArgKind::Group;
        }
        let definite = toks.iter().any(|&t| {
            self.heads[t] == Some(head)
                && ((self.base(t) == "det"
                    && matches!(self.lower(t), "the" | "this" | "that" | "these" | "those"))
                    || (self.rel(t) == "nmod:poss"))
        });
        if definite && toks.len() <= 4 {
            ArgKind::Description
        } else {
            ArgKind::Phrase
        }
    }
}

/// Strips quotes and clause punctuation a tokenizer left on the edges of a phrase
/// (`"Crimea",` → `Crimea`), keeping an abbreviation's final period (`U.S.`).
fn trim_punctuation(text: &str) -> &str {
    let mut t = text.trim_matches(|c: char| {
        matches!(
            c,
            ',' | ';'
                | ':'
                | '"'
                | '“'
                | '”'
                | '\''
                | '‘'
                | '’'
                | '('
                | ')'
                | '['
                | ']'
                | '—'
                | '–'
                | '-'
                | '!'
                | '?'
        ) || c.is_whitespace()
    });
    while let Some(stripped) = t.strip_suffix('.') {
        let word = stripped.rsplit(' ').next().unwrap_or(stripped);
        let abbreviation =
            word.contains('.') || (word.len() <= 3 && word.chars().all(|c| c.is_ascii_uppercase()));
        if abbreviation {
            break;
        }
        t = stripped.trim_end_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '"' | '”' | '\'' | '’') || c.is_whitespace()
        });
    }
    t
}
