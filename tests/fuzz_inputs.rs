//! Issue #22 (https://github.com/actorgraph/actorgraph/issues/22): the fuzz targets'
//! checks (`fuzz/src/checks.rs`, the same code the afl binaries run) replayed on their
//! seeds (`fuzz/seeds/<target>/`) and on the inputs the fuzzers found
//! (`tests/fuzz/<target>/`, each a crash, a slow input or a broken invariant before its
//! fix; fuzzer-made or invented bytes). `scripts/fuzz.sh` runs the fuzzers themselves.

#[path = "../fuzz/src/checks.rs"]
#[allow(dead_code)] // `framed`/`split_records` are the afl crate's too
mod checks;

use std::path::Path;

/// Replays the seeds and the regression inputs of `target`; each folder must hold some.
fn replay(target: &str, check: fn(&[u8])) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = checks::replay_dir(&root.join("fuzz/seeds").join(target), check);
    assert!(seeds > 0, "no seeds for {target}");
    let found = root.join("tests/fuzz").join(target);
    if found.is_dir() {
        checks::replay_dir(&found, check);
    }
}

#[test]
fn corpus_text_inputs() {
    replay("corpus_text", checks::corpus_text);
}

#[test]
fn corpus_jsonl_inputs() {
    replay("corpus_jsonl", checks::corpus_jsonl);
}

#[test]
fn graph_jsonld_inputs() {
    replay("graph_jsonld", checks::graph_jsonld);
}

#[test]
fn partial_inputs() {
    replay("partial", checks::partial);
}

/// The framing the partial target writes is the one the reader accepts: no record is
/// read back as damaged framing (a target that framed wrongly would only test the checks).
#[test]
fn partial_framing_is_valid() {
    let bytes = checks::framed(&[]);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("empty.agp");
    std::fs::write(&path, bytes).expect("written");
    let mut readers =
        actorgraph::pipeline::partial::open_all(&[path]).expect("a valid empty partial");
    let build = actorgraph::pipeline::merge(&mut readers, &|_, _| {}).expect("merges");
    assert_eq!(build.progress.documents, 0);
    assert_eq!(
        checks::split_records(&[2, 0, b'a', b'b', 5, 0, b'c']),
        vec![&b"ab"[..], &b"c"[..]]
    );
}
