//! The fuzz targets' checks: one function per reader, taking the fuzzer's bytes and
//! panicking when an invariant does not hold.
//!
//! The same file is the library of the `fuzz/` crate (whose `afl` binaries call it) and a
//! module of `tests/fuzz_inputs.rs` (which replays the seeds and the regression inputs
//! under plain `cargo test`), so a target is checked the same way in both.
//!
//! | function | reader | invariants |
//! |---|---|---|
//! | [`corpus_text`] | `.txt`/`.md`/`.html`/`.htm` files | see [`check_corpus`] |
//! | [`corpus_jsonl`] | `.jsonl` files | see [`check_corpus`]; every line-level warning names `file:line` |
//! | [`graph_jsonld`] | `graph.jsonld` (`diff`) | an error names the file; a graph read back is written again, read again to the same graph (`diff` of it with itself and with the copy is empty) and to the same bytes |
//! | [`partial`] | partial graphs (`build --partial`, `merge`) | an error names the file; records framed with valid checks either fail with an error naming the file or merge into a graph whose document count is the record count |

use std::error::Error;
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use actorgraph::corpus::{self, CorpusOptions};
use actorgraph::diff;
use actorgraph::export::DEFAULT_BASE_IRI;
use actorgraph::export::jsonld::{JsonLdWriter, read_graph};
use actorgraph::extract::Extractors;
use actorgraph::hash::hash_bytes;
use actorgraph::nlp::Nlp;
use actorgraph::pipeline::partial::{self, CHECK_SEED, MAGIC, VERSION};
use actorgraph::pipeline::{self, BuildOptions};

/// The work budget of one article in the corpus targets, in tokens: small, so that inputs
/// of a few kilobytes reach the budget's cut.
pub const BUDGET: usize = 2_000;

/// Internal names that a message to the user must not show.
const INTERNAL_NAMES: &[&str] = &[
    "JsonlRecord",
    "DocumentIn",
    "NodeIn",
    "OneOrMany",
    "untagged enum",
    "RawValue",
];

fn nlp() -> &'static Nlp {
    static NLP: OnceLock<Nlp> = OnceLock::new();
    NLP.get_or_init(|| Nlp::load_default().expect("the fuzz targets need the built-in model"))
}

fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool can be made")
    })
}

/// The message of an error with all its causes, as the binary prints it (`{:#}`).
fn chain(e: &dyn Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}

fn assert_user_message(message: &str) {
    for name in INTERNAL_NAMES {
        assert!(
            !message.contains(name),
            "message shows the internal name {name}: {message}"
        );
    }
}

/// The text reader: the first byte picks the extension (`.txt`, `.md`, `.html`, `.htm`),
/// the rest is the file.
pub fn corpus_text(data: &[u8]) {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    let ext = ["txt", "md", "html", "htm"][usize::from(pick % 4)];
    check_corpus(body, ext);
}

/// The JSONL reader: the bytes are the file.
pub fn corpus_jsonl(data: &[u8]) {
    check_corpus(data, "jsonl");
}

/// Reads `body` as a corpus file `doc.<ext>`, then builds it. Invariants:
///
/// - reading returns articles, warnings or an error, and never panics; every warning and
///   error names the file (and, for a JSONL line, `file:line`) and shows no internal name;
/// - an article has an id and a text that is not blank;
/// - an article annotated within [`BUDGET`] keeps at most that many tokens, and at most a
///   tenth of it in proper nouns; when it has more, it says what it left out;
/// - the build of the file reads the same articles, cuts as many as the annotation did and
///   names each cut article in a warning.
pub fn check_corpus(body: &[u8], ext: &str) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(format!("doc.{ext}"));
    fs::write(&path, body).expect("the input is written");
    let shown = path.display().to_string();
    let options = CorpusOptions {
        strict: false,
        max_article_bytes: 1 << 20,
    };
    let inputs = [path.clone()];

    let mut corpus = corpus::open(&inputs, options).expect("the file exists");
    let mut articles = 0;
    let mut cut = 0;
    let mut failed = None;
    loop {
        match corpus.next() {
            Ok(Some(article)) => {
                articles += 1;
                assert!(!article.id.is_empty(), "an article without id");
                assert!(
                    !article.text.trim().is_empty(),
                    "article {} has a blank text",
                    article.id
                );
                assert_eq!(article.origin.path, shown, "the article's origin");
                let (annotated, left_out) = nlp().annotate_within(article, BUDGET);
                let tokens: usize = annotated.sentences.iter().map(|s| s.tokens.len()).sum();
                assert!(tokens <= BUDGET, "{tokens} tokens annotated, over {BUDGET}");
                let names: usize = annotated
                    .sentences
                    .iter()
                    .flat_map(|s| &s.tokens)
                    .filter(|t| t.upos == actorgraph::model::Upos::Propn)
                    .count();
                assert!(names <= BUDGET / 10, "{names} proper nouns annotated");
                if let Some(left_out) = left_out {
                    cut += 1;
                    assert!(left_out.tokens_read <= left_out.tokens);
                    assert!(left_out.sentences_read < left_out.sentences);
                    assert_eq!(left_out.sentences_read, annotated.sentences.len());
                }
            }
            Ok(None) => break,
            Err(e) => {
                let message = chain(&e);
                assert!(
                    message.contains(&shown),
                    "error without the file: {message}"
                );
                assert_user_message(&message);
                failed = Some(message);
                break;
            }
        }
    }
    for d in corpus.diagnostics() {
        let message = d.to_string();
        assert_eq!(
            d.origin.path, shown,
            "warning about another file: {message}"
        );
        assert!(!d.message.trim().is_empty(), "a warning without a message");
        assert_user_message(&message);
    }

    let mut corpus = corpus::open(&inputs, options).expect("the file exists");
    let options = BuildOptions {
        chunk_size: 8,
        max_article_tokens: BUDGET,
    };
    let built = pool()
        .install(|| pipeline::build(&mut corpus, nlp(), &Extractors::all(), options, &|_, _| {}));
    match (built, failed) {
        (Ok(build), None) => {
            assert_eq!(build.progress.documents, articles, "articles built");
            assert_eq!(build.progress.cut, cut, "articles cut by the budget");
            assert_eq!(build.warnings.len(), cut, "one warning per cut article");
            for w in &build.warnings {
                assert_eq!(w.origin.path, shown, "a cut article's warning: {w}");
            }
            let empty = diff::diff(&build.graph, &build.graph);
            assert!(empty.is_empty(), "the built graph differs from itself");
        }
        (Err(e), Some(read)) => {
            let message = chain(&e);
            assert!(
                message.contains(&shown),
                "error without the file: {message}"
            );
            assert_eq!(message, read, "the build fails as the reader did");
        }
        (Ok(_), Some(read)) => panic!("reading failed ({read}) but the build did not"),
        (Err(e), None) => panic!("reading succeeded but the build failed: {}", chain(&e)),
    }
}

/// The `graph.jsonld` reader used by `diff`: the bytes are the file. Invariants: an error
/// names the file and shows no internal name; a graph that reads is written again, that
/// copy reads back to a graph equal to the first (`diff` empty both ways, and `diff` of
/// each with itself empty), and writing the copy gives the same bytes again.
pub fn graph_jsonld(data: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("graph.jsonld");
    fs::write(&path, data).expect("the input is written");
    let graph = match read_graph(&path) {
        Ok(graph) => graph,
        Err(e) => {
            let message = chain(&e);
            assert!(
                message.contains(&path.display().to_string()),
                "error without the file: {message}"
            );
            assert_user_message(&message);
            return;
        }
    };
    assert!(diff::diff(&graph, &graph).is_empty(), "X differs from X");
    let writer = JsonLdWriter::new(DEFAULT_BASE_IRI).expect("the default base IRI is valid");
    let mut written = Vec::new();
    writer
        .write(&mut written, &graph)
        .expect("a graph that was read can be written");
    let copy_path = dir.path().join("copy.jsonld");
    fs::write(&copy_path, &written).expect("the copy is written");
    let copy = read_graph(&copy_path)
        .unwrap_or_else(|e| panic!("the written graph does not read back: {}", chain(&e)));
    assert!(diff::diff(&graph, &copy).is_empty(), "the copy differs");
    assert!(diff::diff(&copy, &graph).is_empty(), "the copy differs");
    assert!(
        diff::diff(&copy, &copy).is_empty(),
        "the copy differs from itself"
    );
    let mut again = Vec::new();
    writer
        .write(&mut again, &copy)
        .expect("a graph that was read can be written");
    assert!(
        again == written,
        "writing the copy gives other bytes:\n{}\n---\n{}",
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&again)
    );
}

/// The partial-graph reader. The first byte picks the mode: odd, the rest is the file as
/// it is (the header and the framing are fuzzed); even, the rest is a list of records,
/// each a 2-byte little-endian length then its bytes, written into a file with a valid
/// header, valid checks and a valid end mark (so the records' contents are fuzzed past the
/// checks). Invariants: opening and merging fail with an error naming the file, or the
/// merge succeeds with one document per record, and its graph equals itself under `diff`.
pub fn partial(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("part.agp");
    let records = if mode % 2 == 1 {
        fs::write(&path, rest).expect("the input is written");
        None
    } else {
        let records = split_records(rest);
        fs::write(&path, framed(&records)).expect("the input is written");
        Some(records.len())
    };
    let shown = path.display().to_string();
    let named = |e: &dyn Error| {
        let message = chain(e);
        assert!(
            message.contains(&shown),
            "error without the file: {message}"
        );
        assert_user_message(&message);
    };
    let mut readers = match partial::open_all(std::slice::from_ref(&path)) {
        Ok(readers) => readers,
        Err(e) => {
            assert!(
                records.is_none(),
                "a valid header is refused: {}",
                chain(&e)
            );
            named(&e);
            return;
        }
    };
    match pipeline::merge(&mut readers, &|_, _| {}) {
        Ok(build) => {
            if let Some(n) = records {
                assert_eq!(build.progress.documents, n, "documents merged");
            }
            let empty = diff::diff(&build.graph, &build.graph);
            assert!(empty.is_empty(), "the merged graph differs from itself");
        }
        Err(e) => named(&e),
    }
}

/// Splits `bytes` into records, each a 2-byte little-endian length then that many bytes
/// (the last one shorter when the bytes end early).
pub fn split_records(mut bytes: &[u8]) -> Vec<&[u8]> {
    let mut records = Vec::new();
    while let [a, b, rest @ ..] = bytes {
        let len = usize::from(u16::from_le_bytes([*a, *b])).min(rest.len());
        records.push(&rest[..len]);
        bytes = &rest[len..];
    }
    records
}

/// A partial graph of these records (budget [`BUDGET`]) with a valid header, checks and
/// end mark.
pub fn framed(records: &[&[u8]]) -> Vec<u8> {
    let check = |b: &[u8]| hash_bytes(CHECK_SEED, b);
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&partial::fingerprint().to_le_bytes());
    out.extend_from_slice(&(BUDGET as u64).to_le_bytes());
    let c = check(&out);
    out.extend_from_slice(&c.to_le_bytes());
    let mut checks = Vec::new();
    for r in records {
        out.push(b'D');
        let len = u32::try_from(r.len()).expect("records of 2-byte lengths");
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(r);
        let c = check(r);
        out.extend_from_slice(&c.to_le_bytes());
        checks.extend_from_slice(&c.to_le_bytes());
    }
    let count = records.len() as u64;
    checks.extend_from_slice(&count.to_le_bytes());
    out.push(b'E');
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&check(&checks).to_le_bytes());
    out
}

/// Runs `check` on every file of `dir` (sorted), for the replay test; returns how many.
pub fn replay_dir(dir: &Path, check: fn(&[u8])) -> usize {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for file in &files {
        let bytes = fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        eprintln!("replaying {}", file.display());
        check(&bytes);
    }
    files.len()
}
