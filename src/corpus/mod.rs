//! Stage 1: read articles. STUB: replaced by the real reader next.

use crate::model::Article;

/// Reading the corpus failed.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// Not readable.
    #[error("reading {path}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// Reads one text file as an article (STUB).
pub fn read_text(path: &std::path::Path) -> Result<Article, CorpusError> {
    let text = std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Article {
        id,
        title: None,
        date: None,
        url: None,
        text,
        origin: crate::model::Origin {
            path: path.display().to_string(),
            line: None,
        },
    })
}
