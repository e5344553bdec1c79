//! Transition-based dependency parser producing UD relations (skeleton; the trained
//! parser follows).

use crate::model::Upos;

/// A trained dependency parser.
#[derive(Debug, Clone)]
pub struct Parser {
    _private: (),
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct ParserTrainOptions {
    /// Passes over the data; 0 picks the default.
    pub epochs: usize,
    /// Seed for shuffling and exploration.
    pub seed: u64,
}

/// One training sentence with gold (or jack-knifed) tags and a gold tree.
#[derive(Debug, Clone)]
pub struct TrainSentence {
    /// Word forms.
    pub forms: Vec<String>,
    /// Universal POS tags.
    pub upos: Vec<Upos>,
    /// Penn Treebank tags.
    pub xpos: Vec<String>,
    /// Heads: 0 for the root, else the 1-based index of the head.
    pub heads: Vec<usize>,
    /// Dependency relations with subtype.
    pub deprels: Vec<String>,
}

/// The parser bytes are not a parser this version can read.
#[derive(Debug, thiserror::Error)]
pub enum ParserModelError {
    /// Bad or truncated bytes.
    #[error("bad parser model: {0}")]
    Malformed(String),
}

impl Parser {
    /// Trains a parser. Pure: no I/O.
    pub fn train(_data: &[TrainSentence], _options: &ParserTrainOptions) -> Parser {
        Parser { _private: () }
    }

    /// Parses one sentence: per word, `None` for the root or the 0-based head index, and the
    /// relation with subtype.
    pub fn parse(
        &self,
        forms: &[&str],
        _upos: &[Upos],
        _xpos: &[&str],
    ) -> Vec<(Option<usize>, String)> {
        (0..forms.len())
            .map(|i| {
                if i == 0 {
                    (None, "root".to_owned())
                } else {
                    (Some(0), "dep".to_owned())
                }
            })
            .collect()
    }

    /// Serializes the parser.
    pub fn to_bytes(&self) -> Vec<u8> {
        b"AGPARSER0".to_vec()
    }

    /// Reads a parser written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ParserModelError> {
        if bytes.starts_with(b"AGPARSER") {
            Ok(Parser { _private: () })
        } else {
            Err(ParserModelError::Malformed("bad magic".into()))
        }
    }
}
