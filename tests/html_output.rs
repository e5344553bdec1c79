//! `graph.html` end to end: `build --format html` and `diff --format html` write one
//! self-contained page whose bytes depend only on the input
//! ([issue #21](https://github.com/actorgraph/actorgraph/issues/21)).

mod diff_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use actorgraph::export::{self, ExportOptions, Format};
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

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

/// The page's data block, parsed.
fn data(page: &str) -> serde_json::Value {
    let open = r#"<script type="application/json" id="actorgraph-data">"#;
    let start = page.find(open).expect("the data block") + open.len();
    let end = start + page[start..].find("</script>").expect("its end");
    serde_json::from_str(&page[start..end]).expect("the data block is JSON")
}

/// The example corpus's files, in name order.
fn example_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("examples/corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn build_writes_one_page_with_the_same_bytes_for_any_order_and_thread_count() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let files = example_files();
    let mut pages = Vec::new();
    for (name, threads, reversed) in [("a", "1", false), ("b", "2", true), ("c", "3", false)] {
        let out = tmp.path().join(name);
        let mut args = vec![
            "build", "--format", "html", "--quiet", "-j", threads, "--out",
        ];
        args.push(s(&out));
        let mut inputs: Vec<&str> = files.iter().map(|p| s(p)).collect();
        if reversed {
            inputs.reverse();
        }
        args.extend(inputs);
        let o = run(&args);
        assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
        let written: Vec<String> = fs::read_dir(&out)
            .expect("output folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(written, ["graph.html"]);
        pages.push(fs::read(out.join("graph.html")).expect("graph.html"));
    }
    assert!(pages.iter().all(|p| p == &pages[0]), "the pages differ");

    let page = String::from_utf8(pages.swap_remove(0)).expect("UTF-8");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        page.matches("<script").count(),
        2,
        "the data and our code, nothing else"
    );
    let d = data(&page);
    let nodes = d["n"]["id"].as_array().expect("node ids").len();
    let edges = d["e"]["a"].as_array().expect("edge actors").len();
    assert!(nodes > 0 && edges > 0);
    assert_eq!(d["n"]["x"].as_array().map(Vec::len), Some(nodes));
    assert_eq!(d["e"]["ev"].as_array().map(Vec::len), Some(edges + 1));
    let evidence = d["x"]["s"].as_array().expect("evidence").len();
    assert_eq!(d["e"]["ev"][edges].as_u64(), Some(evidence as u64));
    assert!(page.contains(&format!(
        "<title>actorgraph: {nodes} entities, {edges} relations</title>"
    )));
}

#[test]
fn diff_writes_the_union_as_a_page() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let options = ExportOptions {
        formats: vec![Format::JsonLd],
        base_iri: "https://actorgraph.example/kg/".into(),
        min_confidence: 0.0,
    };
    let (v1, v2) = (tmp.path().join("v1"), tmp.path().join("v2"));
    export::write_all(&v1, &harbour_v1(), &[], &options).expect("v1");
    export::write_all(&v2, &harbour_v2(), &[], &options).expect("v2");
    let out = tmp.path().join("changes.html");
    let o = run(&["diff", s(&v1), s(&v2), "--format", "html", "-o", s(&out)]);
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    let page = fs::read_to_string(&out).expect("the page");
    let d = data(&page);
    assert_eq!(d["versions"], serde_json::json!([s(&v1), s(&v2)]));
    assert_eq!(
        d["statuses"],
        serde_json::json!(["unchanged", "added", "removed", "changed"])
    );
    let codes = |v: &serde_json::Value| -> Vec<u64> {
        let mut c: Vec<u64> = v
            .as_array()
            .expect("codes")
            .iter()
            .filter_map(serde_json::Value::as_u64)
            .collect();
        c.sort();
        c.dedup();
        c
    };
    // The harbour versions add, remove and change relations.
    assert_eq!(codes(&d["e"]["st"]), [0, 1, 2, 3]);
    // The same diff gives the same bytes.
    let again = tmp.path().join("again.html");
    run(&["diff", s(&v1), s(&v2), "--format", "html", "-o", s(&again)]);
    assert_eq!(fs::read(&again).expect("again"), page.as_bytes());
}
