//! Issue #22 (https://github.com/actorgraph/actorgraph/issues/22): HTML articles are read
//! as their text. `<script>` content once gave statements; now markup is removed, the
//! content of scripts and styles dropped, character references decoded, and the page's
//! `title` becomes the article's title. The page is our own.

use std::fs;
use std::process::Command;

const PAGE: &str = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\
<title>Council &amp; budget</title>\
<style>p { color: red }</style>\
<script>var story = \"The hackers attacked the bank.\"; if (a < b) {}</script>\
</head><body><nav><a href=\"/\">Home</a></nav>\
<h1>Budget approved</h1>\
<p>The city council approved the new budget on Monday.</p>\
<!-- The rebels seized the airport. -->\
<p>The mayor thanked the council &mdash; and promised to cut waiting times.</p>\
</body></html>";

#[test]
fn issue_22_html_markup_and_scripts_are_not_read_as_text() {
    let tmp = tempfile::tempdir().expect("tempdir");
    fs::create_dir(tmp.path().join("in")).expect("mkdir");
    fs::write(tmp.path().join("in/story.html"), PAGE).expect("write");
    let out = tmp.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(["build"])
        .arg(tmp.path().join("in"))
        .arg("--out")
        .arg(&out)
        .arg("--json")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).expect("summary");
    assert_eq!(summary["documents"], 1, "read, not skipped: {summary}");
    let statements = fs::read_to_string(out.join("statements.jsonl")).expect("statements");
    assert!(statements.contains("approve"), "{statements}");
    for hidden in [
        "hackers",
        "rebels",
        "color",
        "<p>",
        "&mdash;",
        "Home Budget",
    ] {
        assert!(!statements.contains(hidden), "{hidden} read: {statements}");
    }
    for line in statements.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let text = v["text"].as_str().expect("text");
        assert!(!text.contains('<') && !text.contains('&'), "{text}");
    }
    let graph = fs::read_to_string(out.join("graph.jsonld")).expect("graph");
    assert!(
        graph.contains("Council & budget"),
        "the title is the article's"
    );
}
