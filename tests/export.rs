//! Export: snapshots of every format on a small graph built in code, the JSON-LD round
//! trip, a strict reading of the JSON-LD into test-only structs, determinism, errors.

#[path = "export_fixture/mod.rs"]
mod fixture;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use actorgraph::export::{self, ExportError, ExportOptions, Format, jsonld};
use serde::Deserialize;

fn options(formats: &[Format]) -> ExportOptions {
    ExportOptions {
        formats: formats.to_vec(),
        base_iri: export::DEFAULT_BASE_IRI.into(),
        min_confidence: 0.0,
    }
}

/// Writes every format of the fixture into a fresh temp dir.
fn write_fixture() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let written = export::write_all(
        dir.path(),
        &fixture::graph(),
        &fixture::statements(),
        &options(&Format::ALL),
    )
    .expect("export");
    (dir, written)
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).expect("output file")
}

#[test]
fn writes_every_file_and_nothing_else() {
    let (dir, written) = write_fixture();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "graph.graphml",
            "graph.gexf",
            "graph.jsonld",
            "nodes.csv",
            "edges.csv",
            "statements.jsonl",
            "entities.jsonl",
            "graph.html"
        ]
    );
    let mut on_disk: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(on_disk.len(), 8, "no temporary files left: {on_disk:?}");
}

#[test]
fn snapshots() {
    let (dir, _) = write_fixture();
    for name in [
        "graph.graphml",
        "graph.gexf",
        "graph.jsonld",
        "nodes.csv",
        "edges.csv",
        "statements.jsonl",
    ] {
        insta::assert_snapshot!(name, read(dir.path(), name));
    }
}

#[test]
fn output_does_not_depend_on_insertion_order() {
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    let all = options(&Format::ALL);
    export::write_all(
        a.path(),
        &fixture::graph_in_order(false),
        &fixture::statements(),
        &all,
    )
    .expect("export");
    export::write_all(
        b.path(),
        &fixture::graph_in_order(true),
        &fixture::statements(),
        &all,
    )
    .expect("export");
    for name in [
        "graph.graphml",
        "graph.gexf",
        "graph.jsonld",
        "nodes.csv",
        "edges.csv",
        "statements.jsonl",
    ] {
        assert_eq!(read(a.path(), name), read(b.path(), name), "{name} differs");
    }
}

#[test]
fn only_chosen_formats_are_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let written = export::write_all(
        dir.path(),
        &fixture::graph(),
        &[],
        &options(&[Format::Csv, Format::Gexf]),
    )
    .expect("export");
    assert_eq!(
        written,
        [
            dir.path().join("graph.gexf"),
            dir.path().join("nodes.csv"),
            dir.path().join("edges.csv")
        ]
    );
}

#[test]
fn jsonld_round_trip_gives_the_same_graph() {
    let (dir, _) = write_fixture();
    let original = fixture::graph();
    let read = jsonld::read_graph(&dir.path().join("graph.jsonld")).expect("read back");
    assert_eq!(read.entities(), original.entities());
    assert_eq!(read.relations(), original.relations());
    assert_eq!(
        read.articles().collect::<Vec<_>>(),
        original.articles().collect::<Vec<_>>()
    );
    // Writing what was read gives the same bytes.
    let again = tempfile::tempdir().expect("temp dir");
    export::write_all(again.path(), &read, &[], &options(&[Format::JsonLd])).expect("export");
    assert_eq!(
        fs::read(again.path().join("graph.jsonld")).expect("x"),
        fs::read(dir.path().join("graph.jsonld")).expect("y")
    );
}

#[test]
fn read_graph_refuses_another_format_version() {
    let (dir, _) = write_fixture();
    let path = dir.path().join("graph.jsonld");
    let text =
        read(dir.path(), "graph.jsonld").replace("\"formatVersion\":2,", "\"formatVersion\":99,");
    fs::write(&path, text).expect("write");
    let err = jsonld::read_graph(&path).expect_err("version 99 is unknown");
    assert!(
        matches!(err, ExportError::UnsupportedVersion { ref found, supported: 2, .. } if found == "99"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("format version 99 is not supported"),
        "{err}"
    );
}

#[test]
fn read_graph_says_what_is_wrong() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("graph.jsonld");
    fs::write(&path, r#"{"@graph": [{"id": "x", "type": "Thing"}]}"#).expect("write");
    let err = jsonld::read_graph(&path).expect_err("no dataset node");
    assert!(err.to_string().contains("no Dataset node"), "{err}");
    fs::write(&path, "not json").expect("write");
    assert!(matches!(
        jsonld::read_graph(&path),
        Err(ExportError::Malformed { .. })
    ));
    assert!(matches!(
        jsonld::read_graph(&dir.path().join("missing.jsonld")),
        Err(ExportError::Read { .. })
    ));
}

#[test]
fn base_iri_is_checked_and_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let g = fixture::graph();
    for bad in ["kg/", "https://example.org/kg", "https://exa mple.org/"] {
        let opts = ExportOptions {
            formats: vec![Format::JsonLd],
            base_iri: bad.into(),
            min_confidence: 0.0,
        };
        assert!(
            matches!(
                export::write_all(dir.path(), &g, &[], &opts),
                Err(ExportError::BaseIri(_))
            ),
            "{bad}"
        );
    }
    let opts = ExportOptions {
        formats: vec![Format::JsonLd],
        base_iri: "urn:example:kg#".into(),
        min_confidence: 0.0,
    };
    export::write_all(dir.path(), &g, &[], &opts).expect("a URN base is fine");
    assert!(read(dir.path(), "graph.jsonld").contains(r#""@base": "urn:example:kg#""#));
}

#[test]
fn a_statement_about_an_unknown_entity_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut statements = fixture::statements();
    statements[0].target.id = actorgraph::model::EntityId("org.nobody".into());
    let err = export::write_all(
        dir.path(),
        &fixture::graph(),
        &statements,
        &options(&[Format::Statements]),
    )
    .expect_err("unknown entity");
    assert!(err.to_string().contains("org.nobody"), "{err}");
    assert!(!dir.path().join("statements.jsonl").exists());
}

// ---- The JSON-LD, read strictly: every key of every node is known. ----

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    #[serde(rename = "@context")]
    context: serde_json::Map<String, serde_json::Value>,
    #[serde(rename = "@graph")]
    graph: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)] // fields are read by Debug and by serde's checks
struct DatasetIn {
    id: String,
    #[serde(rename = "type")]
    types: Vec<String>,
    name: String,
    format_version: u32,
    entity_count: usize,
    relation_count: usize,
    evidence_count: usize,
    article_count: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)] // fields are read by Debug and by serde's checks
struct ArticleIn {
    id: String,
    #[serde(rename = "type")]
    types: Vec<String>,
    identifier: String,
    headline: Option<String>,
    date_published: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)] // fields are read by Debug and by serde's checks
struct EntityIn {
    id: String,
    #[serde(rename = "type")]
    types: Vec<String>,
    identifier: String,
    name: String,
    entity_type: String,
    alternate_name: Option<Vec<String>>,
    same_as: Option<String>,
    role: Option<Vec<String>>,
    part_of: Option<String>,
    mention_count: usize,
    document_count: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // fields are read by Debug and by serde's checks
struct IdIn {
    id: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)] // fields are read by Debug and by serde's checks
struct StatementIn {
    id: String,
    #[serde(rename = "type")]
    types: Vec<String>,
    identifier: String,
    subject: String,
    predicate: String,
    object: String,
    action: String,
    lemma: String,
    weight: usize,
    confidence: String,
    polarity: String,
    modality: String,
    document_count: usize,
    derived_from: Vec<String>,
    evidence: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[allow(dead_code)] // fields are read by Debug and by serde's checks
struct EvidenceIn {
    id: String,
    #[serde(rename = "type")]
    types: Vec<String>,
    derived_from: String,
    sentence: usize,
    byte_start: usize,
    byte_end: usize,
    char_start: usize,
    char_end: usize,
    quote: String,
    surface: String,
    polarity: String,
    modality: String,
    attributed_to: Option<String>,
    confidence: String,
    extractor: String,
}

#[test]
fn jsonld_nodes_have_only_known_keys_and_every_key_is_a_term() {
    let (dir, _) = write_fixture();
    let doc: Document =
        serde_json::from_str(&read(dir.path(), "graph.jsonld")).expect("strict document");
    let terms: BTreeSet<&str> = doc.context.keys().map(String::as_str).collect();
    assert!(!terms.contains("@version") && !terms.contains("@vocab"));
    let mut counts = [0usize; 5];
    let mut direct = BTreeSet::new();
    for node in &doc.graph {
        let object = node.as_object().expect("every node is an object");
        for key in object.keys() {
            assert!(
                terms.contains(key.as_str()) || key.starts_with("rel:"),
                "undefined term {key}"
            );
        }
        let types: Vec<String> =
            serde_json::from_value(node["type"].clone()).expect("type is a list");
        let first = types.first().map(String::as_str);
        match first {
            Some("Dataset") => {
                let d: DatasetIn = serde_json::from_value(node.clone()).expect("dataset");
                assert_eq!(d.format_version, 2);
                counts[0] += 1;
            }
            Some("NewsArticle") => {
                let _: ArticleIn = serde_json::from_value(node.clone()).expect("article");
                counts[1] += 1;
            }
            Some("Entity") => {
                let mut plain = object.clone();
                let links: Vec<String> = object
                    .keys()
                    .filter(|k| k.starts_with("rel:"))
                    .cloned()
                    .collect();
                for key in links {
                    let targets: Vec<IdIn> =
                        serde_json::from_value(plain.remove(&key).expect("key"))
                            .expect("direct triple targets");
                    for t in targets {
                        direct.insert(format!(
                            "{} {key} {}",
                            object["id"].as_str().expect("id"),
                            t.id
                        ));
                    }
                }
                let _: EntityIn =
                    serde_json::from_value(serde_json::Value::Object(plain)).expect("entity");
                counts[2] += 1;
            }
            Some("Statement") => {
                let _: StatementIn = serde_json::from_value(node.clone()).expect("statement");
                counts[3] += 1;
            }
            Some("Evidence") => {
                let _: EvidenceIn = serde_json::from_value(node.clone()).expect("evidence");
                counts[4] += 1;
            }
            other => panic!("unexpected node type {other:?}"),
        }
    }
    assert_eq!(
        counts,
        [1, 2, 5, 4, 5],
        "dataset, articles, entities, statements, evidence"
    );
    let expected: BTreeSet<String> = [
        "entity/group.russian-officials rel:meet entity/person.anna-berg",
        "entity/org.european-union rel:cooperate_with entity/org.nato",
        "entity/org.european-union rel:criticise entity/org.nato",
        "entity/place.russia rel:not_interfere_in entity/org.european-union",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(direct, expected, "one direct triple per relation");
}

#[test]
fn context_file_is_the_embedded_context() {
    let file: serde_json::Value = serde_json::from_str(
        &fs::read_to_string("schemas/context.jsonld").expect("schemas/context.jsonld"),
    )
    .expect("valid JSON");
    assert_eq!(
        file,
        serde_json::from_str::<serde_json::Value>(jsonld::CONTEXT).expect("valid JSON")
    );
    assert!(file["@context"].is_object());
}

#[test]
fn statements_lines_follow_the_contract() {
    let (dir, _) = write_fixture();
    let text = read(dir.path(), "statements.jsonl");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), fixture::statements().len());
    let first = &lines[0];
    assert_eq!(first["doc"], "doc-a");
    assert_eq!(first["span"], serde_json::json!([0, 58]));
    assert_eq!(first["actor"]["label"], "European Union");
    assert_eq!(first["actor"]["type"], "Organization");
    assert_eq!(
        first["actor"]["aliases"],
        serde_json::json!(["EU", "the Union"])
    );
    assert_eq!(first["action"]["surface"], "will cooperate with");
    assert_eq!(first["confidence"], 0.9);
    assert_eq!(lines[1]["attributed_to"]["id"], fixture::BERG);
    assert_eq!(lines[1]["polarity"], "negative");
    assert!(lines[0]["attributed_to"].is_null());
}

/// A `formatVersion` written as a string is named as such, not as an unknown version.
#[test]
fn read_graph_names_a_string_format_version() {
    let (dir, _) = write_fixture();
    let path = dir.path().join("graph.jsonld");
    let text = read(dir.path(), "graph.jsonld")
        .replace("\"formatVersion\":2,", "\"formatVersion\":\"2\",");
    fs::write(&path, text).expect("write");
    let err = jsonld::read_graph(&path).expect_err("a string is not a version");
    assert!(
        err.to_string()
            .contains("formatVersion must be a number, found the string \"2\""),
        "{err}"
    );
}

/// Outputs of released format versions stay readable: `tests/compat/v1/graph.jsonld` is the
/// fixture graph as format version 1 wrote it. Never regenerate it; add `v2/` beside it.
#[test]
fn reads_format_version_1() {
    let read =
        jsonld::read_graph(Path::new("tests/compat/v1/graph.jsonld")).expect("v1 stays readable");
    let original = fixture::graph();
    assert_eq!(read.entities(), original.entities());
    assert_eq!(read.relations(), original.relations());
}
