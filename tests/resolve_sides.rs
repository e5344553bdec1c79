//! Countries on the field and phrases of one article, through the whole pipeline
//! (issue #19: a node never holds two different things). The articles are written here.

#[path = "support/build.rs"]
mod build;

use std::path::Path;

use serde_json::Value;

const CORPUS: &str = r#"{"id": "derby-report", "title": "Norway edge Sweden", "text": "Norway beat Sweden 24-17 in the championship match on Saturday. The Norway coach praised his squad after the match. Sweden lost to Norway despite a late try from their winger. The referee sent off a Sweden defender for a high tackle, and the fly-half kicked a penalty. Norway face Denmark in the tournament next week."}
{"id": "trade-report", "title": "Norway and Sweden sign fishing pact", "text": "Norway signed a fishing agreement with Sweden on Monday. The board of the Nordic Fish Council approved the agreement. Sweden will cut its quotas in the North Sea."}
{"id": "port-report", "title": "Harbour board fined", "text": "The board fined the Kelby ferry company on Friday. Analysts criticised the Kelby ferry company."}
"#;

fn build(dir: &Path) -> Vec<Value> {
    build::statements(dir, CORPUS)
}

/// The entity ids that `doc`'s statements give `label` on either side.
fn ids_of(statements: &[Value], doc: &str, label: &str) -> Vec<String> {
    let mut ids: Vec<String> = statements
        .iter()
        .filter(|s| s["doc"] == doc)
        .flat_map(|s| [&s["actor"], &s["target"]])
        .filter(|e| e["label"] == label)
        .map(|e| e["id"].as_str().expect("an id").to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn a_country_that_plays_is_its_article_s_side_and_not_the_country() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let statements = build(tmp.path());
    // The sports report's Norway and Sweden are that article's sides: organisations whose
    // ids carry the article's id.
    let norway = ids_of(&statements, "derby-report", "Norway");
    assert_eq!(norway, vec!["org.norway.derby-report"], "{statements:#?}");
    let sweden = ids_of(&statements, "derby-report", "Sweden");
    assert_eq!(sweden, vec!["org.sweden.derby-report"]);
    // The trade story's Norway is the country.
    assert_eq!(
        ids_of(&statements, "trade-report", "Norway"),
        vec!["place.norway"]
    );
}

#[test]
fn the_board_of_one_article_is_not_the_board_of_another() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let statements = build(tmp.path());
    let boards: Vec<String> = statements
        .iter()
        .flat_map(|s| [&s["actor"], &s["target"]])
        .filter(|e| e["label"] == "board")
        .map(|e| e["id"].as_str().expect("an id").to_owned())
        .collect();
    assert!(
        boards.iter().all(|id| id == "org.board.port-report"),
        "{boards:?}"
    );
    assert!(!boards.is_empty());
    // A phrase qualified by a name is the same thing wherever it is written.
    let ferry = ids_of(&statements, "port-report", "Kelby ferry company");
    assert_eq!(ferry.len(), 1, "{ferry:?}");
    assert!(!ferry[0].ends_with(".port-report"), "{ferry:?}");
}
