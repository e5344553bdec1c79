//! The build keeps each relation's evidence on disk, not in the graph (issue #8, memory
//! that grows with entities and relations, not with the corpus): the graph files it writes
//! must be the bytes the same graph gives with its evidence held in memory.

use std::fs;
use std::path::Path;

use actorgraph::corpus::{self, CorpusOptions};
use actorgraph::export::{self, ExportOptions, Format, jsonld};
use actorgraph::extract::Extractors;
use actorgraph::nlp::Nlp;
use actorgraph::pipeline::{self, BuildOptions};

/// Builds part of the example corpus (a path below the crate root), `chunk_size` articles
/// at a time.
fn build_example(path: &str, chunk_size: usize) -> pipeline::Build {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let corpus_options = CorpusOptions {
        strict: true,
        max_article_bytes: 10_000_000,
    };
    let mut corpus = corpus::open(&[example], corpus_options).expect("example corpus");
    let nlp = Nlp::load_default().expect("built-in model");
    pipeline::build(
        &mut corpus,
        &nlp,
        &Extractors::all(),
        BuildOptions {
            chunk_size,
            max_article_tokens: pipeline::DEFAULT_MAX_ARTICLE_TOKENS,
        },
        &|_, _| {},
    )
    .expect("build")
}

fn options(formats: &[Format]) -> ExportOptions {
    ExportOptions {
        formats: formats.to_vec(),
        base_iri: export::DEFAULT_BASE_IRI.to_owned(),
        min_confidence: 0.0,
    }
}

#[test]
fn spooled_evidence_writes_the_bytes_of_evidence_in_memory() {
    let build = build_example("examples/corpus", 2);
    let relations = build.graph.relations();
    assert!(!relations.is_empty());
    for r in &relations {
        assert!(r.evidence.is_empty(), "{}: evidence kept in memory", r.id);
        assert_eq!(r.evidence_keys.len(), r.evidence_count(), "{}", r.id);
        assert!(r.weight() <= r.evidence_count(), "{}", r.id);
    }
    let evidence: usize = relations.iter().map(|r| r.evidence_count()).sum();
    assert_eq!(evidence, build.statements.len());

    let tmp = tempfile::tempdir().expect("tempdir");
    let built = tmp.path().join("built");
    export::write_all_from(
        &built,
        &build.graph,
        &build.statements,
        &options(&Format::ALL),
    )
    .expect("write the build");

    // Read back, the graph holds its evidence: every graph file must come out the same.
    let read = jsonld::read_graph(&built.join("graph.jsonld")).expect("read back");
    let in_memory: Vec<usize> = read.relations().iter().map(|r| r.evidence.len()).collect();
    let counted: Vec<usize> = relations.iter().map(|r| r.evidence_count()).collect();
    assert_eq!(in_memory, counted);
    let again = tmp.path().join("again");
    let graph_formats = [Format::GraphMl, Format::Gexf, Format::JsonLd, Format::Csv];
    let written =
        export::write_all(&again, &read, &[], &options(&graph_formats)).expect("write again");
    assert_eq!(written.len(), 5);
    for path in written {
        let name = path.file_name().expect("file name");
        let a = fs::read(built.join(name)).expect("built file");
        let b = fs::read(&path).expect("rewritten file");
        assert!(
            a == b,
            "{name:?} differs between spooled and in-memory evidence"
        );
    }
    let left: Vec<_> = fs::read_dir(&built)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn a_graph_without_its_evidence_source_is_an_error_not_a_short_file() {
    let build = build_example("examples/corpus/harbour-talks.txt", 4);
    assert!(build.graph.relation_count() > 0);
    let tmp = tempfile::tempdir().expect("tempdir");
    // Written with no statements, the JSON-LD writer has no evidence for the build's
    // relations: it must fail rather than write relations without their evidence.
    let err = export::write_all(tmp.path(), &build.graph, &[], &options(&[Format::JsonLd]))
        .expect_err("evidence missing");
    let message = format!("{:#}", anyhow::Error::from(err));
    assert!(message.contains("graph.jsonld"), "{message}");
    assert!(message.contains("statements counted"), "{message}");
    assert!(!tmp.path().join("graph.jsonld").exists());
}
