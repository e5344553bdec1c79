//! Corpus versions: input order does not change the bytes, and adding articles keeps every
//! id that was already there (the diff keys on them).

#[path = "support/skip.rs"]
mod skip;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn build(inputs: &[PathBuf], out: &Path) {
    let mut args = vec!["build"];
    args.extend(inputs.iter().map(|p| s(p)));
    args.extend(["--out", s(out), "--quiet"]);
    let o = run(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn assert_same_outputs(a: &Path, b: &Path) {
    let names: BTreeSet<_> = fs::read_dir(a)
        .expect("out")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(names.len() >= 5, "{names:?}");
    for name in names {
        let x = fs::read(a.join(&name)).expect("read");
        let y = fs::read(b.join(&name)).expect("read");
        assert!(x == y, "{name:?} differs with the input order");
    }
}

/// Ids of entities and relations in a `statements.jsonl`.
fn ids(out: &Path) -> (BTreeSet<String>, BTreeSet<String>) {
    let text = fs::read_to_string(out.join("statements.jsonl")).expect("statements");
    let mut entities = BTreeSet::new();
    let mut relations = BTreeSet::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let actor = v["actor"]["id"].as_str().expect("actor id").to_owned();
        let target = v["target"]["id"].as_str().expect("target id").to_owned();
        let action = v["action"]["label"].as_str().expect("action").to_owned();
        relations.insert(format!("{actor} | {action} | {target}"));
        entities.insert(actor);
        entities.insert(target);
    }
    (entities, relations)
}

#[test]
fn example_corpus_in_two_orders_gives_identical_bytes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let files = files_in(&dir);
    let mut reversed = files.clone();
    reversed.reverse();
    let tmp = tempfile::tempdir().expect("tempdir");
    build(&files, &tmp.path().join("forward"));
    build(&reversed, &tmp.path().join("reversed"));
    assert_same_outputs(&tmp.path().join("forward"), &tmp.path().join("reversed"));
}

fn seeds() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    if !dir.is_dir() {
        skip::skip("../shared/corpus/seeds is absent");
        return None;
    }
    Some(files_in(&dir))
}

#[test]
#[ignore = "needs ../shared (the evaluation data); run with cargo test -- --include-ignored"]
fn seeds_in_two_orders_give_identical_bytes() {
    let Some(files) = seeds() else { return };
    let mut reversed = files.clone();
    reversed.reverse();
    let tmp = tempfile::tempdir().expect("tempdir");
    build(&files, &tmp.path().join("forward"));
    build(&reversed, &tmp.path().join("reversed"));
    assert_same_outputs(&tmp.path().join("forward"), &tmp.path().join("reversed"));
}

#[test]
#[ignore = "needs ../shared (the evaluation data); run with cargo test -- --include-ignored"]
fn adding_an_article_keeps_every_id_and_the_diff_names_it() {
    let Some(files) = seeds() else { return };
    assert_eq!(files.len(), 3);
    let tmp = tempfile::tempdir().expect("tempdir");
    let old = tmp.path().join("old");
    let new = tmp.path().join("new");
    build(&files[..2], &old);
    build(&files, &new);

    let (old_entities, old_relations) = ids(&old);
    let (new_entities, new_relations) = ids(&new);
    let lost: Vec<_> = old_entities.difference(&new_entities).collect();
    assert!(
        lost.is_empty(),
        "entity ids lost when an article was added: {lost:?}"
    );
    let lost: Vec<_> = old_relations.difference(&new_relations).collect();
    assert!(
        lost.is_empty(),
        "relations lost when an article was added: {lost:?}"
    );
    assert!(
        new_relations.len() > old_relations.len(),
        "the third article adds relations"
    );

    // diff(old, new) differs (exit 1) and names the new article; diff(new, new) is empty.
    let o = run(&["diff", s(&old), s(&new), "--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let third = files[2]
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(&third),
        "the diff names {third}"
    );
    let o = run(&["diff", s(&new), s(&new)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
