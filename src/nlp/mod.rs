//! Stage 2: raw text → sentences, tokens, tags, lemmas and dependency parses.
//!
//! STUB: the nlp helper replaces this with the real segmenter, tokenizer, tagger,
//! lemmatizer and parser. The public surface below is the contract with the rest.

pub mod conllu;
pub mod segment;

use crate::model::{AnnotatedArticle, Article};

/// Loading or using a model failed.
#[derive(Debug, thiserror::Error)]
pub enum NlpError {
    /// The model bytes are not a model this version can read.
    #[error("bad model: {0}")]
    Model(String),
}

/// The loaded English models.
#[derive(Debug)]
pub struct Nlp {
    _private: (),
}

impl Nlp {
    /// Loads the model compiled into the binary.
    pub fn load_default() -> Result<Nlp, NlpError> {
        Err(NlpError::Model("not built yet".into()))
    }

    /// Annotates one article.
    pub fn annotate(&self, article: Article) -> AnnotatedArticle {
        AnnotatedArticle {
            article,
            sentences: Vec::new(),
        }
    }
}
