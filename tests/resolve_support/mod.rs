//! Test helpers for the resolve tests: hand-built parsed articles (sentences written for
//! these tests), triples over them, and resolution down to entity ids.

#![allow(dead_code)] // each test file uses a different part

use actorgraph::model::Entity;
use actorgraph::model::{
    Action, AnnotatedArticle, ArgKind, Argument, Article, Modality, Origin, Polarity, Sentence,
    SentenceKind, Span, Token, Triple, Upos,
};
use actorgraph::resolve::{self, Resolver};

/// Builds a sentence from `form/UPOS/head/deprel[/lemma]` items (head 1-based, 0 = root;
/// `_` in a form is a space).
pub fn sent(index: usize, kind: SentenceKind, spec: &str) -> Sentence {
    let mut tokens = Vec::new();
    let mut pos = index * 1000;
    for item in spec.split_whitespace() {
        let parts: Vec<&str> = item.split('/').collect();
        let form = parts[0].replace('_', " ");
        let upos = Upos::parse(parts[1]).expect("upos");
        let head: usize = parts[2].parse().expect("head");
        let lemma = if let Some(l) = parts.get(4) {
            (*l).to_owned()
        } else if upos == Upos::Propn {
            form.clone()
        } else {
            form.to_lowercase()
        };
        let span = Span::new(pos, pos + form.len());
        pos += form.len() + 1;
        tokens.push(Token {
            span,
            form,
            upos,
            xpos: "",
            lemma,
            head: head.checked_sub(1),
            deprel: actorgraph::model::intern(parts[3]),
        });
    }
    let span = Span::new(index * 1000, pos);
    Sentence::new(index, span, kind, tokens)
}

pub fn article(id: &str, sentences: Vec<Sentence>) -> AnnotatedArticle {
    AnnotatedArticle {
        article: Article {
            id: id.to_owned(),
            title: None,
            date: None,
            url: None,
            text: String::new(),
            origin: Origin {
                path: format!("{id}.txt"),
                line: None,
            },
        },
        sentences,
    }
}

/// An argument over tokens `range` of sentence `s`, with its head.
pub fn arg(
    doc: &AnnotatedArticle,
    s: usize,
    range: std::ops::Range<usize>,
    head: usize,
    kind: ArgKind,
) -> Argument {
    let toks = &doc.sentences[s].tokens[range.clone()];
    let text = toks
        .iter()
        .map(|t| t.form.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Argument {
        text,
        span: Span::new(toks[0].span.start, toks[toks.len() - 1].span.end),
        sentence: s,
        tokens: range,
        head,
        kind,
    }
}

pub fn triple(actor: Argument, target: Argument) -> Triple {
    Triple {
        sentence: actor.sentence,
        span: actor.span,
        actor,
        action: Action {
            label: "act".into(),
            lemma: "act".into(),
            surface: "acts".into(),
        },
        target,
        polarity: Polarity::Positive,
        modality: Modality::Asserted,
        attributed_to: None,
        confidence: 0.5,
        extractor: "test",
        claim: false,
    }
}

/// Resolves documents (each with its triples) and returns, per triple, the actor and
/// target ids (or `None` when dropped), plus the entities.
pub fn resolve_all(
    docs: &[(AnnotatedArticle, Vec<Triple>)],
) -> (Vec<Option<(String, String)>>, Vec<Entity>) {
    let mut r = Resolver::new();
    let mut per_doc = Vec::new();
    for (doc, triples) in docs {
        let d = resolve::document(doc, triples);
        let refs: Vec<_> = (0..triples.len()).map(|i| d.refs(i)).collect();
        per_doc.push((doc.article.id.clone(), refs));
        r.add(&doc.article.id, d);
    }
    let res = r.finish();
    let mut out = Vec::new();
    for (id, refs) in per_doc {
        for rf in refs {
            out.push(rf.map(|rf| {
                let a = res
                    .entity_id(&id, rf.actor)
                    .expect("actor mapped")
                    .to_string();
                let t = res
                    .entity_id(&id, rf.target)
                    .expect("target mapped")
                    .to_string();
                (a, t)
            }));
        }
    }
    (out, res.into_entities())
}

pub fn ids(pairs: &[Option<(String, String)>]) -> Vec<Option<(&str, &str)>> {
    pairs
        .iter()
        .map(|p| p.as_ref().map(|(a, t)| (a.as_str(), t.as_str())))
        .collect()
}

/// An argument as (sentence, tokens, head, kind).
pub type ArgSpec = (usize, std::ops::Range<usize>, usize, ArgKind);

/// Resolves one document and returns its (actor, target) id pairs.
pub fn one_doc(
    id: &str,
    sentences: Vec<Sentence>,
    args: &[(ArgSpec, ArgSpec)],
) -> (Vec<Option<(String, String)>>, Vec<Entity>) {
    let doc = article(id, sentences);
    let t = args
        .iter()
        .map(|(a, b)| {
            triple(
                arg(&doc, a.0, a.1.clone(), a.2, a.3),
                arg(&doc, b.0, b.1.clone(), b.2, b.3),
            )
        })
        .collect();
    resolve_all(&[(doc, t)])
}
