//! End-to-end tests of the `actorgraph` command: inputs, bad input, outputs, exit codes.
//!
//! Each test gets its own temporary folder. The articles are our own sentences.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

const GOOD: &str = "Council approves new budget\n\n\
The city council approved the new budget on Monday.\n\n\
The mayor thanked the council and promised to cut waiting times at hospitals.\n";

const OTHER: &str = "The transport union criticised the rail company after a week of delays.\n\n\
The company said it would hire more drivers.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(&path, bytes).expect("write fixture");
    path
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

fn statements(out: &Path) -> Vec<serde_json::Value> {
    fs::read_to_string(out.join("statements.jsonl"))
        .expect("statements.jsonl written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn builds_a_folder_and_writes_every_output() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    write(&input, "council.txt", GOOD.as_bytes());
    write(&input, "nested/rail.md", OTHER.as_bytes());
    write(&input, "notes.csv", b"a,b\n");
    let out = tmp.path().join("out");
    let o = run(&["build", s(&input), "--out", s(&out), "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for f in [
        "graph.graphml",
        "graph.gexf",
        "graph.jsonld",
        "statements.jsonl",
    ] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).expect("--json summary");
    assert_eq!(summary["documents"], 2);
    assert_eq!(summary["skipped_files"], 1);
    let st = statements(&out);
    assert!(!st.is_empty(), "no statements from plain news sentences");
    let docs: Vec<&str> = st.iter().filter_map(|v| v["doc"].as_str()).collect();
    assert!(
        docs.iter().all(|d| *d == "council" || *d == "rail"),
        "{docs:?}"
    );
    for v in &st {
        for key in [
            "doc",
            "sentence",
            "span",
            "text",
            "actor",
            "action",
            "target",
            "polarity",
            "modality",
            "attributed_to",
            "confidence",
            "extractor",
        ] {
            assert!(v.get(key).is_some(), "statement lacks {key}: {v}");
        }
        for side in ["actor", "target"] {
            for key in ["id", "label", "type", "mention"] {
                assert!(v[side].get(key).is_some(), "{side} lacks {key}: {v}");
            }
        }
        // The span slices the sentence out of the document.
        let doc = v["doc"].as_str().expect("doc");
        let text = if doc == "council" { GOOD } else { OTHER };
        let start = v["span"][0].as_u64().expect("start") as usize;
        let end = v["span"][1].as_u64().expect("end") as usize;
        assert_eq!(&text[start..end], v["text"].as_str().expect("text"));
    }
}

#[test]
fn missing_input_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("nope.txt");
    let o = run(&["build", s(&missing), "--out", s(&tmp.path().join("out"))]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("nope.txt"), "{}", stderr(&o));
    assert!(
        !tmp.path().join("out").exists(),
        "nothing is written when an input is missing"
    );
}

#[test]
fn unwritable_output_is_an_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = write(tmp.path(), "a.txt", GOOD.as_bytes());
    let blocker = write(tmp.path(), "file-not-dir", b"x");
    let o = run(&["build", s(&input), "--out", s(&blocker.join("out"))]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("file-not-dir"), "{}", stderr(&o));
}

#[test]
fn bad_files_are_skipped_with_a_warning_naming_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    write(&input, "good.txt", GOOD.as_bytes());
    write(&input, "latin1.txt", b"The caf\xe9 closed.\n");
    write(&input, "binary.txt", b"\x7fELF\x00\x01\x02");
    write(&input, "empty.txt", b"");
    write(&input, "blank.md", b"  \n\n ");
    #[cfg(unix)]
    std::os::unix::fs::symlink(input.join("gone.txt"), input.join("dangling.txt"))
        .expect("symlink");
    let out = tmp.path().join("out");
    let o = run(&["build", s(&input), "--out", s(&out)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    for (file, why) in [
        ("latin1.txt", "not UTF-8"),
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("blank.md", "empty"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(why)),
            "no warning for {file}:\n{err}"
        );
    }
    #[cfg(unix)]
    assert!(
        err.lines()
            .any(|l| l.contains("dangling.txt") && l.contains("cannot read")),
        "{err}"
    );
    assert!(statements(&out).iter().all(|v| v["doc"] == "good"));

    // --strict turns the first warning into an error.
    let o = run(&[
        "build",
        s(&input),
        "--out",
        s(&tmp.path().join("strict")),
        "--strict",
    ]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--strict"), "{}", stderr(&o));
}

#[test]
fn malformed_jsonl_lines_are_named_by_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let lines = [
        serde_json::json!({"id": "a", "text": GOOD}).to_string(),
        "{broken".to_owned(),
        serde_json::json!({"text": "no id"}).to_string(),
        String::new(),
        serde_json::json!({"id": "b", "title": "Rail", "text": OTHER}).to_string(),
    ];
    let mut bytes = lines.join("\n").into_bytes();
    bytes.extend_from_slice(b"\n\xff\xfe\n");
    let input = write(tmp.path(), "news.jsonl", &bytes);
    let out = tmp.path().join("out");
    let o = run(&["build", s(&input), "--out", s(&out)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("news.jsonl:2: malformed JSON"), "{err}");
    assert!(err.contains("news.jsonl:3: missing `id`"), "{err}");
    assert!(err.contains("news.jsonl:6: not UTF-8"), "{err}");
    let docs: std::collections::BTreeSet<String> = statements(&out)
        .iter()
        .filter_map(|v| v["doc"].as_str().map(str::to_owned))
        .collect();
    assert!(docs.iter().all(|d| d == "a" || d == "b"), "{docs:?}");
}

#[test]
fn duplicate_ids_are_an_error_and_keep_old_outputs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let good = write(tmp.path(), "one/story.txt", GOOD.as_bytes());
    let o = run(&["build", s(&good), "--out", s(&out)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let before = fs::read(out.join("graph.graphml")).expect("first build");

    let again = write(tmp.path(), "two/story.txt", OTHER.as_bytes());
    let o = run(&["build", s(&good), s(&again), "--out", s(&out)]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("duplicate article id \"story\""), "{err}");
    assert!(
        err.contains("one/story.txt") && err.contains("two/story.txt"),
        "{err}"
    );
    assert_eq!(
        fs::read(out.join("graph.graphml")).expect("still there"),
        before
    );
    let leftovers: Vec<_> = fs::read_dir(&out)
        .expect("out")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn oversized_single_line_file_is_skipped_quickly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    write(&input, "good.txt", GOOD.as_bytes());
    let big = "word ".repeat(10_000_000); // 50 MB on one line
    write(&input, "dump.txt", big.as_bytes());
    let started = std::time::Instant::now();
    let o = run(&["build", s(&input), "--out", s(&tmp.path().join("out"))]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o)
            .lines()
            .any(|l| l.contains("dump.txt") && l.contains("size limit")),
        "{}",
        stderr(&o)
    );
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn reads_jsonl_from_stdin() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    let mut child = bin()
        .args(["build", "-", "--out", s(&out), "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let line = serde_json::json!({"id": "piped", "text": GOOD}).to_string();
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(line.as_bytes())
        .expect("write stdin");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        o.stdout.is_empty() && o.stderr.is_empty(),
        "--quiet prints nothing"
    );
    assert!(statements(&out).iter().all(|v| v["doc"] == "piped"));
}

#[test]
fn output_bytes_do_not_depend_on_threads() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let tmp = tempfile::tempdir().expect("tempdir");
    let one = tmp.path().join("one");
    let four = tmp.path().join("four");
    for (dir, j) in [(&one, "1"), (&four, "4")] {
        let o = run(&["build", s(&example), "--out", s(dir), "-j", j, "--quiet"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
    }
    let mut names: Vec<_> = fs::read_dir(&one)
        .expect("out")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for name in names {
        let a = fs::read(one.join(&name)).expect("read");
        let b = fs::read(four.join(&name)).expect("read");
        assert!(a == b, "{name:?} differs between -j1 and -j4");
    }
}
