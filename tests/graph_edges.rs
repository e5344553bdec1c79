//! What an edge says about its evidence ([issue #18](https://github.com/actorgraph/actorgraph/issues/18)):
//! a sentence repeated in duplicate articles counts once, attribution reaches the graph
//! files, and a resolved pronoun shows the words of the text beside its entity.

use std::fs;
use std::path::Path;

use actorgraph::corpus::{self, CorpusOptions};
use actorgraph::export::{self, ExportOptions, Format};
use actorgraph::extract::Extractors;
use actorgraph::nlp::Nlp;
use actorgraph::pipeline::{self, BuildOptions};

/// Our own articles: two copies of one article, a claim with a source, and a two-sentence
/// article whose second sentence starts with a pronoun.
const CORPUS: &str = r#"{"id": "copy-a", "text": "The Redhaven council condemned the Blue Line ferry company on Tuesday."}
{"id": "copy-b", "text": "The Redhaven council condemned the Blue Line ferry company on Tuesday."}
{"id": "claim", "text": "Mayor Tom Vale said the Redhaven council had attacked the Blue Line ferry company."}
{"id": "visit", "text": "Mayor Tom Vale visited the port of Redhaven on Monday. He criticised the ferry company Blue Line for the delays."}
"#;

/// Builds [`CORPUS`] and writes every format into `dir/out`, every relation.
fn build_into(dir: &Path) -> pipeline::Build {
    build_at(dir, 0.0)
}

/// Builds [`CORPUS`] and writes every format into `dir/out` at a confidence floor.
fn build_at(dir: &Path, min_confidence: f64) -> pipeline::Build {
    let input = dir.join("corpus.jsonl");
    fs::write(&input, CORPUS).expect("write corpus");
    let options = CorpusOptions {
        strict: true,
        max_article_bytes: 10_000_000,
    };
    let mut corpus = corpus::open(&[input], options).expect("corpus");
    let nlp = Nlp::load_default().expect("built-in model");
    let build = pipeline::build(
        &mut corpus,
        &nlp,
        &Extractors::all(),
        BuildOptions {
            chunk_size: 2,
            max_article_tokens: pipeline::DEFAULT_MAX_ARTICLE_TOKENS,
        },
        &|_, _| {},
    )
    .expect("build");
    let export_options = ExportOptions {
        formats: Format::ALL.to_vec(),
        base_iri: export::DEFAULT_BASE_IRI.to_owned(),
        min_confidence,
    };
    export::write_all_from(
        &dir.join("out"),
        &build.graph,
        &build.statements,
        &export_options,
    )
    .expect("write");
    build
}

fn relation<'g>(build: &'g pipeline::Build, id: &str) -> &'g actorgraph::graph::Relation {
    build
        .graph
        .relations()
        .into_iter()
        .find(|r| r.id.as_str() == id)
        .unwrap_or_else(|| panic!("no relation {id}"))
}

#[test]
fn issue_18_a_sentence_in_two_copies_has_weight_one_and_two_documents() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let build = build_into(tmp.path());
    let r = relation(
        &build,
        "org.redhaven-council--condemn--org.blue-line-ferry-company",
    );
    assert_eq!(r.weight(), 1);
    assert_eq!(r.evidence_count(), 2);
    assert_eq!(r.documents(), ["copy-a", "copy-b"]);
    let edges = fs::read_to_string(tmp.path().join("out/edges.csv")).expect("edges.csv");
    let row = edges
        .lines()
        .find(|l| l.contains("--condemn--"))
        .expect("edge row");
    assert!(
        row.contains(",1.0,condemn,") && row.contains(r#""[""copy-a"", ""copy-b""]""#),
        "{row}"
    );
    // Both statements stay in statements.jsonl and in the JSON-LD evidence.
    let statements =
        fs::read_to_string(tmp.path().join("out/statements.jsonl")).expect("statements");
    assert_eq!(statements.matches(r#""label":"condemn""#).count(), 2);
    let read = export::jsonld::read_graph(&tmp.path().join("out/graph.jsonld")).expect("read");
    let back = read
        .relations()
        .into_iter()
        .find(|x| x.id == r.id)
        .expect("read back");
    assert_eq!((back.weight(), back.evidence.len()), (1, 2));
}

#[test]
fn issue_18_attribution_is_on_the_edges_of_every_graph_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let build = build_into(tmp.path());
    let r = relation(
        &build,
        "org.redhaven-council--attack--org.blue-line-ferry-company",
    );
    let ids: Vec<&str> = r.attributed_to().iter().map(|a| a.as_str()).collect();
    assert_eq!(ids, ["person.tom-vale"]);
    let out = tmp.path().join("out");
    let graphml = fs::read_to_string(out.join("graph.graphml")).expect("graphml");
    assert!(
        graphml.contains(r#"attr.name="attributed_to""#),
        "key declared"
    );
    assert!(
        graphml.contains(r#"<data key="e_attributed_to">["person.tom-vale"]</data>"#),
        "graphml value"
    );
    let gexf = fs::read_to_string(out.join("graph.gexf")).expect("gexf");
    assert!(
        gexf.contains(r#"<attvalue for="attributed_to" value="[&quot;person.tom-vale&quot;]"/>"#),
        "gexf value"
    );
    let edges = fs::read_to_string(out.join("edges.csv")).expect("edges.csv");
    assert!(
        edges
            .lines()
            .next()
            .expect("header")
            .ends_with(",AttributedTo")
    );
    let row = edges
        .lines()
        .find(|l| l.contains("--attack--"))
        .expect("row");
    assert!(row.ends_with(r#","[""person.tom-vale""]""#), "{row}");
}

#[test]
fn issue_18_a_resolved_pronoun_keeps_its_words() {
    let tmp = tempfile::tempdir().expect("tempdir");
    build_into(tmp.path());
    let statements =
        fs::read_to_string(tmp.path().join("out/statements.jsonl")).expect("statements");
    let line = statements
        .lines()
        .find(|l| l.contains(r#""text":"He criticised"#) && l.contains(r#""surface":"criticised""#))
        .expect("the pronoun's statement");
    let row: serde_json::Value = serde_json::from_str(line).expect("json");
    let actor = &row["actor"];
    assert_eq!(actor["mention"], "He");
    assert_eq!(actor["pronoun"], true);
    assert_eq!(actor["id"], "person.tom-vale");
    assert_eq!(actor["label"], "Tom Vale");
    assert_eq!(row["target"]["pronoun"], false);
}

/// `--min-confidence`: the graph files drop the relations below the floor and the entities
/// left without a relation; statements.jsonl keeps everything.
#[test]
fn issue_18_the_graph_files_keep_relations_at_the_confidence_floor() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let build = build_at(tmp.path(), 0.7);
    let below: Vec<String> = build
        .graph
        .relations()
        .iter()
        .filter(|r| r.confidence() < 0.7)
        .map(|r| r.id.to_string())
        .collect();
    assert!(!below.is_empty(), "the corpus has relations below 0.7");
    let out = tmp.path().join("out");
    let edges = fs::read_to_string(out.join("edges.csv")).expect("edges.csv");
    let graphml = fs::read_to_string(out.join("graph.graphml")).expect("graphml");
    let gexf = fs::read_to_string(out.join("graph.gexf")).expect("gexf");
    for id in &below {
        assert!(!edges.contains(id.as_str()), "{id} in edges.csv");
        assert!(!graphml.contains(id.as_str()), "{id} in graph.graphml");
        assert!(!gexf.contains(id.as_str()), "{id} in graph.gexf");
    }
    let read = export::jsonld::read_graph(&out.join("graph.jsonld")).expect("read");
    assert!(read.relations().iter().all(|r| r.confidence() >= 0.7));
    assert!(read.relation_count() > 0 && read.relation_count() < build.graph.relation_count());
    // `the delays` is named only by a relation below the floor: not a node any more.
    // Being `the` delays of one article, its id carries that article's.
    let nodes = fs::read_to_string(out.join("nodes.csv")).expect("nodes.csv");
    assert!(
        build
            .graph
            .entity(&actorgraph::model::EntityId("thing.delays.visit".into()))
            .is_some()
    );
    assert!(!nodes.contains("thing.delays"), "{nodes}");
    // Every statement is still in statements.jsonl.
    let statements = fs::read_to_string(out.join("statements.jsonl")).expect("statements");
    assert_eq!(statements.lines().count(), build.statements.len());
    assert!(statements.contains("thing.delays"));
}
