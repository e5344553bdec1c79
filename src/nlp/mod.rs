//! Stage 2: raw text → sentences, tokens, tags, lemmas and dependency parses.
//!
//! [`Nlp::annotate`] runs, for each article: [`segment::split`] (sentences and tokens with
//! byte offsets) → [`tagger::Tagger`] (UPOS + PTB XPOS) → [`lemma::Lemmatizer`] →
//! [`parser::Parser`] (UD relations). The three trained components live in one model
//! bundle ([`model`]); the default one, trained on UD English-EWT (CC BY-SA 4.0), is
//! compiled into the binary when `models/en-ewt.agm` exists at build time.
//!
//! Training ([`train`]) and evaluation ([`evaluate`]) read treebanks; everything else here is
//! pure.

pub mod clusters;
pub mod conllu;
pub mod evaluate;
pub mod lemma;
pub mod model;
pub mod morph;
pub mod ner;
pub mod parser;
pub mod segment;
pub mod silver;
pub mod tagger;
pub mod tokenize;
pub mod train;

use std::borrow::Cow;

use crate::model::{AnnotatedArticle, Article, Sentence, SentenceKind, Span, Token, Upos};

use self::lemma::Lemmatizer;
use self::ner::Recognizer;
use self::parser::Parser;
use self::tagger::Tagger;

/// Loading or using a model failed.
#[derive(Debug, thiserror::Error)]
pub enum NlpError {
    /// The model bytes are not a bundle this version can read, or lack a section.
    #[error("bad model")]
    Bundle(#[from] model::BundleError),
    /// A section of the bundle (`"tagger"`, `"lemmatizer"`) is not one this version can read.
    #[error("bad model: {section} section")]
    Section {
        /// Which section.
        section: &'static str,
        /// What is wrong with it.
        #[source]
        source: model::BundleError,
    },
    /// The parser section is not a parser this version can read.
    #[error("bad model")]
    Parser(#[from] parser::ParserModelError),
    /// The name recognizer's file is not one this version can read.
    #[error("bad name recognizer model")]
    Recognizer(#[source] model::BundleError),
    /// The binary was built without a model.
    #[error(
        "no built-in model; train one with `actorgraph model train --treebank ../shared/treebanks/ud-english-ewt` and rebuild (or pass a model file)"
    )]
    NoBuiltInModel,
}

/// What [`Nlp::annotate_within`] left out of an article over its budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cut {
    /// Sentences annotated (the first ones).
    pub sentences_read: usize,
    /// Sentences of the article.
    pub sentences: usize,
    /// Tokens of the sentences annotated.
    pub tokens_read: usize,
    /// Tokens of the article.
    pub tokens: usize,
}

/// The loaded English models: tagger, lemmatizer and parser, and optionally the name
/// recognizer ([`ner`]).
#[derive(Debug, Clone)]
pub struct Nlp {
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
    ner: Option<Recognizer>,
}

#[cfg(actorgraph_model)]
static DEFAULT_MODEL: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/en-ewt.agm"));

#[cfg(actorgraph_ner_model)]
static DEFAULT_NER_MODEL: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/models/en-ner.agm"));

impl Nlp {
    /// Loads the model compiled into the binary (`models/en-ewt.agm` at build time).
    pub fn load_default() -> Result<Nlp, NlpError> {
        #[cfg(actorgraph_model)]
        {
            let nlp = Nlp::from_bytes(DEFAULT_MODEL)?;
            #[cfg(actorgraph_ner_model)]
            let nlp = nlp.with_recognizer(Some(
                Recognizer::from_bytes(DEFAULT_NER_MODEL).map_err(NlpError::Recognizer)?,
            ));
            Ok(nlp)
        }
        #[cfg(not(actorgraph_model))]
        {
            Err(NlpError::NoBuiltInModel)
        }
    }

    /// Reads a model bundle.
    pub fn from_bytes(bytes: &[u8]) -> Result<Nlp, NlpError> {
        let sections = model::read_bundle(bytes)?;
        // `TAGW` holds the tagger with its weights in lookup layout; bundles before it have
        // `TAGR`, whose lookup table is built on loading.
        let tagger_section = model::section(&sections, b"TAGW")
            .map(|t| (t, false))
            .or_else(|_| model::section(&sections, b"TAGR").map(|t| (t, true)))?;
        let (l, p) = (
            model::section(&sections, b"LEMM")?,
            model::section(&sections, b"PARS")?,
        );
        let (tagger, (lemmatizer, parser)) = rayon::join(
            || match tagger_section {
                (t, false) => Tagger::from_bytes(t),
                (t, true) => Tagger::from_legacy_bytes(t),
            },
            || (Lemmatizer::from_bytes(l), Parser::from_bytes(p)),
        );
        let section = |section| move |source| NlpError::Section { section, source };
        let tagger = tagger.map_err(section("tagger"))?;
        let mut lemmatizer = lemmatizer.map_err(section("lemmatizer"))?;
        lemmatizer.know_verbs(tagger.known_verbs().iter().cloned());
        let parser = parser?;
        Ok(Nlp {
            tagger,
            lemmatizer,
            parser,
            ner: None,
        })
    }

    /// Builds a pipeline from trained components.
    pub fn from_parts(tagger: Tagger, mut lemmatizer: Lemmatizer, parser: Parser) -> Nlp {
        lemmatizer.know_verbs(tagger.known_verbs().iter().cloned());
        Nlp {
            tagger,
            lemmatizer,
            parser,
            ner: None,
        }
    }

    /// The pipeline with this name recognizer (or none): annotated sentences then carry
    /// its names ([`Sentence::names`]).
    pub fn with_recognizer(mut self, ner: Option<Recognizer>) -> Nlp {
        self.ner = ner;
        self
    }

    /// The name recognizer, when one is loaded.
    pub fn recognizer(&self) -> Option<&Recognizer> {
        self.ner.as_ref()
    }

    /// Writes the model bundle.
    pub fn to_bytes(&self) -> Vec<u8> {
        let t = self.tagger.to_bytes();
        let l = self.lemmatizer.to_bytes();
        let p = self.parser.to_bytes();
        model::write_bundle(&[(*b"TAGW", &t), (*b"LEMM", &l), (*b"PARS", &p)])
    }

    /// The tagger, to change it (e.g. prune it).
    pub fn tagger_mut(&mut self) -> &mut Tagger {
        &mut self.tagger
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// The lemmatizer.
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// The parser.
    pub fn parser(&self) -> &Parser {
        &self.parser
    }

    /// Annotates one article: every sentence of every kind is tagged, lemmatised and parsed.
    pub fn annotate(&self, article: Article) -> AnnotatedArticle {
        self.annotate_within(article, usize::MAX).0
    }

    /// [`Nlp::annotate`] within a work budget of `max_tokens` tokens: sentences are
    /// annotated in order while their tokens add up to at most `max_tokens`, and kept while
    /// their proper nouns add up to at most a tenth of it (resolving an article compares
    /// its names with each other, so names cost more than other tokens); the sentences
    /// after are left out (the text stays whole), and [`Cut`] says how many. The cost of a
    /// sentence is bounded ([`segment::MAX_SENTENCE_TOKENS`]), so the budget bounds an
    /// article's time, and it depends on the text alone, not on the machine's speed.
    pub fn annotate_within(
        &self,
        article: Article,
        max_tokens: usize,
    ) -> (AnnotatedArticle, Option<Cut>) {
        let mut raw = segment::split(&article.text);
        let lengths: Vec<usize> = raw.iter().map(|s| s.tokens.len()).collect();
        let within = |budget: usize, costs: &mut dyn Iterator<Item = usize>| {
            let mut used = 0usize;
            let mut keep = 0;
            for cost in costs {
                used = used.saturating_add(cost);
                if used > budget {
                    break;
                }
                keep += 1;
            }
            keep
        };
        raw.truncate(within(max_tokens, &mut lengths.iter().copied()));
        let mut sentences: Vec<Sentence> = raw
            .into_iter()
            .enumerate()
            .map(|(index, s)| self.annotate_tokens(&article.text, index, s.span, s.kind, &s.tokens))
            .collect();
        // Names cost more than their tokens: resolving one article compares its names with
        // each other. At most a tenth of the budget may be proper nouns.
        let keep = within(
            max_tokens / 10,
            &mut sentences
                .iter()
                .map(|s| s.tokens.iter().filter(|t| t.upos == Upos::Propn).count()),
        );
        sentences.truncate(keep);
        let cut = (keep < lengths.len()).then(|| Cut {
            sentences_read: keep,
            sentences: lengths.len(),
            tokens_read: lengths[..keep].iter().sum(),
            tokens: lengths.iter().sum(),
        });
        (AnnotatedArticle { article, sentences }, cut)
    }

    /// Annotates `text` as one sentence (for CaRB-style sentence-per-line input).
    pub fn annotate_sentence(&self, text: &str) -> Sentence {
        let raw = segment::tokenize_sentence(text);
        self.annotate_tokens(text, 0, raw.span, raw.kind, &raw.tokens)
    }

    /// Tags, lemmatises and parses one sentence whose token spans index into `text`.
    /// Spans that do not slice `text` are dropped rather than panicking.
    pub fn annotate_tokens(
        &self,
        text: &str,
        index: usize,
        span: Span,
        kind: SentenceKind,
        tokens: &[Span],
    ) -> Sentence {
        let spans: Vec<Span> = tokens
            .iter()
            .copied()
            .filter(|t| !t.is_empty() && text.get(t.range()).is_some())
            .collect();
        let forms: Vec<&str> = spans.iter().map(|t| &text[t.range()]).collect();
        let plain: Vec<Cow<'_, str>> = forms.iter().map(|f| plain_quotes(f)).collect();
        let plain: Vec<&str> = plain.iter().map(|f| f.as_ref()).collect();
        let tags = self.tagger.tag(&plain);
        let upos: Vec<_> = tags.iter().map(|(u, _)| *u).collect();
        let xpos: Vec<&str> = tags.iter().map(|(_, x)| *x).collect();
        let mut parse = self.parser.parse(&plain, &upos, &xpos);
        if parse.len() != forms.len() {
            parse = (0..forms.len())
                .map(|i| {
                    (
                        if i == 0 { None } else { Some(0) },
                        if i == 0 { "root" } else { "dep" },
                    )
                })
                .collect();
        }
        let tokens = forms
            .iter()
            .zip(&plain)
            .zip(&spans)
            .zip(tags.iter().zip(parse))
            .map(|(((form, plain), span), ((u, x), (head, deprel)))| Token {
                span: *span,
                form: (*form).to_owned(),
                upos: *u,
                xpos: x,
                lemma: self.lemmatizer.lemmatize(plain, x),
                head,
                deprel,
            })
            .collect();
        let sentence = Sentence::new(index, span, kind, tokens);
        match &self.ner {
            Some(ner) => {
                let names = ner.recognize(&sentence, &plain, self.parser.clusters());
                sentence.with_names(names)
            }
            None => sentence,
        }
    }
}

/// The form the models see: typographic quotes and apostrophes (`“ ” „ ‘ ’`) become
/// ASCII ones, as in almost all of the training treebank (EWT writes `"` 20 times as
/// often as `“`), so `has “interfered”` and `Russia’s` tag like their plain spellings.
/// The token keeps its form as written.
///
/// ```
/// use actorgraph::nlp::plain_quotes;
/// assert_eq!(plain_quotes("“"), "\"");
/// assert_eq!(plain_quotes("n’t"), "n't");
/// assert_eq!(plain_quotes("Russia"), "Russia");
/// ```
pub fn plain_quotes(form: &str) -> Cow<'_, str> {
    if !form.contains(['“', '”', '„', '‘', '’']) {
        return Cow::Borrowed(form);
    }
    Cow::Owned(
        form.chars()
            .map(|c| match c {
                '“' | '”' | '„' => '"',
                '‘' | '’' => '\'',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use crate::model::{Sentence, SentenceKind, Span, Token, Upos};

    fn token(head: Option<usize>, deprel: &'static str) -> Token {
        Token {
            span: Span::default(),
            form: String::new(),
            upos: Upos::X,
            xpos: "",
            lemma: String::new(),
            head,
            deprel,
        }
    }

    #[test]
    fn a_sentence_is_one_tree_with_one_root() {
        let tokens = vec![
            token(Some(1), "a"),
            token(Some(0), "b"),
            token(None, "root"),
            token(None, "root"),
            token(Some(9), "c"),
        ];
        let s = Sentence::new(0, Span::default(), SentenceKind::Body, tokens);
        assert_eq!(s.root(), Some(2));
        assert_eq!(s.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
        assert_eq!(s.tokens[3].deprel, "dep");
        for i in 0..s.tokens.len() {
            let mut cur = i;
            let mut steps = 0;
            while let Some(h) = s.tokens[cur].head {
                cur = h;
                steps += 1;
                assert!(steps <= s.tokens.len(), "cycle through {i}");
            }
        }
    }
}
