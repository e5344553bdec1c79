//! Issue #22 (https://github.com/actorgraph/actorgraph/issues/22): no single article can
//! stall a corpus. An article over its work budget (`--max-article-tokens`, a tenth of it
//! for proper nouns) is read up to its last whole sentence within the budget, with a
//! warning naming it; the cut depends on the text alone, so the outputs do not depend on
//! the machine's speed. The articles are generated here from our own word lists.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `n` sentences of 10 tokens each (9 words and a full stop), from a fixed word list.
fn article(n: usize) -> String {
    let sentences = [
        "The council approved the budget for the new hospital",
        "The mayor thanked the nurses who worked through winter",
        "Residents complained about heavy traffic near the old bridge",
    ];
    (0..n)
        .map(|i| format!("{}.", sentences[i % sentences.len()]))
        .collect::<Vec<_>>()
        .join(" ")
}

fn build(input: &Path, out: &Path, extra: &[&str]) -> Output {
    bin()
        .args(["build", s(input), "--out", s(out), "--json"])
        .args(extra)
        .output()
        .expect("the binary runs")
}

fn summary(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("a JSON summary")
}

#[test]
fn an_article_over_its_budget_is_cut_at_a_sentence_with_a_warning() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("long-story.txt");
    fs::write(&input, article(300)).expect("write");
    let out = tmp.path().join("out");
    let o = build(&input, &out, &["--max-article-tokens", "1000"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("long-story.txt: article \"long-story\" cut short"),
        "{err}"
    );
    assert!(err.contains("first 100 of 300 sentences"), "{err}");
    assert!(err.contains("(1000 of 3000 tokens)"), "{err}");
    let sum = summary(&o);
    assert_eq!(sum["cut_articles"], 1, "{sum}");
    assert_eq!(sum["sentences"], 100, "{sum}");
    assert_eq!(sum["words"], 900, "the words read: {sum}");
    // statements only from the part read
    let statements = fs::read_to_string(out.join("statements.jsonl")).expect("statements");
    assert!(!statements.is_empty());
    for line in statements.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        assert!(v["sentence"].as_u64().expect("sentence") < 100, "{v}");
    }

    // within the budget, nothing is cut
    let o = build(&input, &tmp.path().join("whole"), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("cut short"), "{}", stderr(&o));
    assert_eq!(summary(&o)["sentences"], 300);
}

#[test]
fn the_cut_does_not_depend_on_threads() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("a.txt");
    fs::write(&input, article(120)).expect("write");
    let mut outputs = Vec::new();
    for j in ["1", "2"] {
        let out = tmp.path().join(format!("out{j}"));
        let o = build(&input, &out, &["--max-article-tokens", "500", "-j", j]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        outputs.push(fs::read(out.join("graph.jsonld")).expect("graph"));
    }
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn names_have_a_tenth_of_the_budget() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("names.txt");
    // 4 names in every sentence of 10 tokens: the name budget (100 of 1000) ends first
    let text: Vec<String> = (0..200)
        .map(|i| {
            format!(
                "Maria Lopez met Tom Baker in the town hall {}.",
                ["today", "again"][i % 2]
            )
        })
        .collect();
    fs::write(&input, text.join(" ")).expect("write");
    let o = build(
        &input,
        &tmp.path().join("out"),
        &["--max-article-tokens", "1000"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("first 25 of 200 sentences"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn strict_makes_a_cut_an_error_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("a.txt");
    fs::write(&input, article(50)).expect("write");
    let out = tmp.path().join("out");
    let o = build(&input, &out, &["--max-article-tokens", "100", "--strict"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 article cut short"), "{}", stderr(&o));
    assert!(!out.exists());
    let o = build(&input, &out, &["--max-article-tokens", "0"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
