//! A reader for CoNLL-U treebanks (UD English-EWT, PUD), used to train and evaluate
//! the models and by tests that need gold parses.
//!
//! Multi-word token lines (`1-2`) and empty nodes (`1.1`) are skipped: the models work on
//! syntactic words.

use std::io::BufRead;

/// One syntactic word of a treebank sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Word form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal POS tag as written (`PROPN`).
    pub upos: String,
    /// Language-specific tag (`NNP`).
    pub xpos: String,
    /// Morphological features (`Number=Sing`), `_` when none.
    pub feats: String,
    /// Head: 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    /// Dependency relation with subtype.
    pub deprel: String,
    /// The MISC column (`SpaceAfter=No`).
    pub misc: String,
}

impl Word {
    /// True when the MISC column says no space follows the word.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// One treebank sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreebankSentence {
    /// `# sent_id`.
    pub id: String,
    /// `# text`.
    pub text: String,
    /// True when a `# newdoc` comment opens the sentence.
    pub new_doc: bool,
    /// True when a `# newpar` comment opens the sentence.
    pub new_par: bool,
    /// Syntactic words.
    pub words: Vec<Word>,
}

/// A malformed CoNLL-U line.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    /// Reading failed.
    #[error("reading treebank")]
    Io(#[from] std::io::Error),
    /// A word line does not have ten columns or a numeric head.
    #[error("line {line}: {message}")]
    Malformed {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads every sentence of a CoNLL-U stream.
pub fn read(reader: impl BufRead) -> Result<Vec<TreebankSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut current = TreebankSentence::default();
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.words.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(id) = comment.strip_prefix("sent_id = ") {
                current.id = id.to_owned();
            } else if let Some(text) = comment.strip_prefix("text = ") {
                current.text = text.to_owned();
            } else if comment.starts_with("newdoc") {
                current.new_doc = true;
            } else if comment.starts_with("newpar") {
                current.new_par = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError::Malformed {
                line: n + 1,
                message: format!("expected 10 columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let head = cols[6]
            .parse::<usize>()
            .map_err(|_| ConlluError::Malformed {
                line: n + 1,
                message: format!("head {:?} is not a number", cols[6]),
            })?;
        current.words.push(Word {
            form: cols[1].to_owned(),
            lemma: cols[2].to_owned(),
            upos: cols[3].to_owned(),
            xpos: cols[4].to_owned(),
            feats: cols[5].to_owned(),
            head,
            deprel: cols[7].to_owned(),
            misc: cols[9].to_owned(),
        });
    }
    if !current.words.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// Reads a CoNLL-U file.
pub fn read_file(path: &std::path::Path) -> Result<Vec<TreebankSentence>, ConlluError> {
    let file = std::fs::File::open(path)?;
    read(std::io::BufReader::new(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_multiword_lines() {
        let text = "# newdoc id = d1\n# sent_id = s1\n# text = It's fine.\n\
1-2\tIt's\t_\t_\t_\t_\t_\t_\t_\t_\n\
1\tIt\tit\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2\t's\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_\n\
3\tfine\tfine\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No\n\
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let sents = read(text.as_bytes()).expect("valid conllu");
        assert_eq!(sents.len(), 1);
        assert_eq!(sents[0].id, "s1");
        assert!(sents[0].new_doc);
        assert_eq!(sents[0].words.len(), 4);
        assert_eq!(sents[0].words[2].head, 0);
        assert!(sents[0].words[2].no_space_after());
    }

    #[test]
    fn names_the_bad_line() {
        let err = read("1\tx\n".as_bytes()).expect_err("two columns");
        assert!(err.to_string().starts_with("line 1:"), "{err}");
    }
}
