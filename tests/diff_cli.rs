//! `actorgraph diff OLD NEW` end to end on two small builds written with `export::write_all`
//! (no model needed): exit codes, formats, `--output`, folders and files, bad input.

mod diff_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use actorgraph::export::{self, ExportOptions, Format};
use actorgraph::graph::KnowledgeGraph;
use diff_support::{harbour_v1, harbour_v2};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

fn write_build(dir: &Path, g: &KnowledgeGraph) -> PathBuf {
    let options = ExportOptions {
        formats: vec![Format::JsonLd],
        base_iri: "https://actorgraph.example/kg/".into(),
        min_confidence: 0.0,
    };
    export::write_all(dir, g, &[], &options).expect("write graph.jsonld");
    dir.to_path_buf()
}

struct Builds {
    _tmp: tempfile::TempDir,
    v1: PathBuf,
    v2: PathBuf,
}

fn builds() -> Builds {
    let tmp = tempfile::tempdir().expect("tempdir");
    let v1 = write_build(&tmp.path().join("v1"), &harbour_v1());
    let v2 = write_build(&tmp.path().join("v2"), &harbour_v2());
    Builds { _tmp: tmp, v1, v2 }
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn equal_builds_exit_0() {
    let b = builds();
    let o = run(&["diff", s(&b.v1), s(&b.v1)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("No differences."));
}

#[test]
fn different_builds_exit_1_and_list_the_changes() {
    let b = builds();
    let o = run(&["diff", s(&b.v1), s(&b.v2), "--color", "never"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("+ Harbour Council —support→ Dockers Union"),
        "{out}"
    );
    assert!(out.contains("weight 2 → 4 (+2)"), "{out}");
    assert!(!out.contains('\x1b'), "no colour when asked for none");
}

#[test]
fn the_round_trip_through_json_ld_keeps_the_diff() {
    // What the command reads back must diff exactly like the graphs in memory.
    let b = builds();
    let o = run(&["diff", s(&b.v1), s(&b.v2), "--format", "json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let from_files: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let (a, c) = (harbour_v1(), harbour_v2());
    let d = actorgraph::diff::diff(&a, &c);
    let mut mem = Vec::new();
    let side = |label, graph| actorgraph::diff::report::Side { label, graph };
    actorgraph::diff::report::write_json(&mut mem, side(s(&b.v1), &a), side(s(&b.v2), &c), &d)
        .expect("write");
    let in_memory: serde_json::Value = serde_json::from_slice(&mem).expect("JSON");
    assert_eq!(from_files, in_memory);
}

#[test]
fn a_graph_jsonld_file_works_like_its_folder() {
    let b = builds();
    let file = b.v2.join("graph.jsonld");
    let by_folder = run(&["diff", s(&b.v1), s(&b.v2), "--format", "json"]);
    let by_file = run(&["diff", s(&b.v1), s(&file), "--format", "json"]);
    assert_eq!(code(&by_file), 1, "{}", stderr(&by_file));
    let strip = |o: &Output| stdout(o).replace(s(&file), "").replace(s(&b.v2), "");
    assert_eq!(strip(&by_folder), strip(&by_file));
}

#[test]
fn output_goes_to_a_file_in_every_format() {
    let b = builds();
    let out_dir = tempfile::tempdir().expect("tempdir");
    for format in ["text", "json", "graphml", "gexf"] {
        let path = out_dir.path().join(format!("changes.{format}"));
        let o = run(&[
            "diff",
            s(&b.v1),
            s(&b.v2),
            "--format",
            format,
            "-o",
            s(&path),
        ]);
        assert_eq!(code(&o), 1, "{format}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{format}: nothing on stdout");
        let written = fs::read_to_string(&path).expect("output written");
        assert!(!written.is_empty());
    }
    let leftovers: Vec<_> = fs::read_dir(out_dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn missing_input_exits_2() {
    let b = builds();
    let o = run(&["diff", s(&b.v1), s(&b.v1.join("nowhere"))]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
}

#[test]
fn folder_without_graph_exits_2() {
    let b = builds();
    let empty = tempfile::tempdir().expect("tempdir");
    let o = run(&["diff", s(&b.v1), s(empty.path())]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no graph.jsonld"), "{}", stderr(&o));
}

#[test]
fn unknown_format_version_exits_2_with_a_clear_message() {
    let b = builds();
    let file = b.v2.join("graph.jsonld");
    let mut doc: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&file).expect("read")).expect("JSON");
    let version = find_version(&mut doc).expect("graph.jsonld carries a format version");
    *version = serde_json::json!(999);
    fs::write(&file, serde_json::to_string(&doc).expect("JSON")).expect("write");
    let o = run(&["diff", s(&b.v1), s(&b.v2)]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("999"), "{}", stderr(&o));
}

/// The `formatVersion` number of a graph.jsonld (not the `@context` term of that name).
fn find_version(v: &mut serde_json::Value) -> Option<&mut serde_json::Value> {
    match v {
        serde_json::Value::Object(map) => {
            if map
                .get("formatVersion")
                .is_some_and(serde_json::Value::is_number)
            {
                return map.get_mut("formatVersion");
            }
            map.values_mut().find_map(find_version)
        }
        serde_json::Value::Array(items) => items.iter_mut().find_map(find_version),
        _ => None,
    }
}

#[test]
fn colour_is_on_only_when_asked_or_on_a_terminal() {
    let b = builds();
    let o = run(&["diff", s(&b.v1), s(&b.v2), "--color", "always"]);
    assert!(stdout(&o).contains("\x1b["));
    // stdout is a pipe here: auto means no colour.
    let o = run(&["diff", s(&b.v1), s(&b.v2)]);
    assert!(!stdout(&o).contains('\x1b'));
}
