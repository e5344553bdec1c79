//! Builds a small JSONL corpus written by a test through the binary and reads back its
//! `statements.jsonl`.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Writes `corpus` to `dir/corpus.jsonl`, runs `actorgraph build --quiet` into `dir/out`
/// and returns the statements, one JSON object per line.
pub fn statements(dir: &Path, corpus: &str) -> Vec<Value> {
    let input = dir.join("corpus.jsonl");
    std::fs::write(&input, corpus).expect("write corpus");
    let out = dir.join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(["build", "--quiet", "--out"])
        .arg(&out)
        .arg(&input)
        .status()
        .expect("the binary runs");
    assert!(status.success());
    std::fs::read_to_string(out.join("statements.jsonl"))
        .expect("statements.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}
