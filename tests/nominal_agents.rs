//! Event nouns led by a name, through the whole pipeline (issue #18): a country or body
//! before a listed event noun whose theme follows is its agent; a prize or a gerund noun
//! is not. The article is written here.

#[path = "support/build.rs"]
mod build;

const CORPUS: &str = r#"{"id": "ban-report", "title": "Ban criticised", "text": "The U.S. ban on cod exports to Norway angered Oslo. The director welcomed the Oscar nominations for the film. Yukos filing for bankruptcy surprised traders."}
"#;

#[test]
fn a_country_before_an_event_noun_with_its_theme_is_the_agent() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let statements = build::statements(tmp.path(), CORPUS);
    let nominal: Vec<(&str, &str, &str)> = statements
        .iter()
        .filter(|s| s["extractor"] == "nominal")
        .map(|s| {
            (
                s["actor"]["label"].as_str().unwrap_or(""),
                s["action"]["label"].as_str().unwrap_or(""),
                s["target"]["mention"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        nominal
            .iter()
            .any(|&(a, l, t)| a == "United States" && l == "ban" && t.contains("cod exports")),
        "{nominal:#?}"
    );
    // a prize awards nothing, and `filing` is no verb `fil`
    assert!(
        nominal
            .iter()
            .all(|&(a, l, _)| !a.contains("Oscar") && !a.contains("Yukos") && l != "fil"),
        "{nominal:#?}"
    );
}
