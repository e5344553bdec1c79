//! Criterion benches of the pipeline stages on the committed example corpus.
//!
//! Run with `cargo bench`; CI compiles them (`cargo bench --no-run`).
//! Each bench checks its result inside the loop, so a stage that silently does nothing
//! is caught rather than measured.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::{Path, PathBuf};

use actorgraph::corpus::{self, CorpusOptions};
use actorgraph::export::{self, ExportOptions, Format};
use actorgraph::extract::{self, Extractors};
use actorgraph::model::Article;
use actorgraph::nlp::{Nlp, segment};
use actorgraph::pipeline::{self, BuildOptions};
use actorgraph::resolve;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus")
}

fn articles() -> Vec<Article> {
    let options = CorpusOptions {
        strict: true,
        max_article_bytes: 10_000_000,
    };
    let mut corpus = corpus::open(&[example_dir()], options).expect("example corpus");
    let mut out = Vec::new();
    while let Some(a) = corpus.next().expect("readable") {
        out.push(a);
    }
    out
}

fn stages(c: &mut Criterion) {
    let nlp = Nlp::load_default().expect("built-in model");
    let extractors = Extractors::all();
    let articles = articles();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let annotated: Vec<_> = articles.iter().map(|a| nlp.annotate(a.clone())).collect();
    let triples: Vec<_> = annotated
        .iter()
        .map(|d| extract::run(&extractors, d))
        .collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| segment::split(black_box(&a.text)).len())
                .sum();
            assert!(n > 0);
        })
    });
    group.bench_function("annotate (segment + tag + lemma + parse)", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .map(|a| nlp.annotate(black_box(a.clone())).sentences.len())
                .sum();
            assert!(n > 0);
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            let n: usize = annotated
                .iter()
                .map(|d| extract::run(&extractors, black_box(d)).len())
                .sum();
            assert!(n > 0);
        })
    });
    group.bench_function("resolve (per document)", |b| {
        b.iter(|| {
            for (d, t) in annotated.iter().zip(&triples) {
                black_box(resolve::document(d, t));
            }
        })
    });
    group.bench_function("build (all stages, no output)", |b| {
        b.iter(|| {
            let options = CorpusOptions {
                strict: true,
                max_article_bytes: 10_000_000,
            };
            let mut corpus = corpus::open(&[example_dir()], options).expect("corpus");
            let build = pipeline::build(
                &mut corpus,
                &nlp,
                &extractors,
                BuildOptions {
                    chunk_size: 64,
                    max_article_tokens: pipeline::DEFAULT_MAX_ARTICLE_TOKENS,
                },
                &|_, _| {},
            )
            .expect("build");
            assert!(build.graph.relation_count() > 0);
        })
    });
    let options = CorpusOptions {
        strict: true,
        max_article_bytes: 10_000_000,
    };
    let mut corpus = corpus::open(&[example_dir()], options).expect("corpus");
    let build = pipeline::build(
        &mut corpus,
        &nlp,
        &extractors,
        BuildOptions {
            chunk_size: 64,
            max_article_tokens: pipeline::DEFAULT_MAX_ARTICLE_TOKENS,
        },
        &|_, _| {},
    )
    .expect("build");
    let dir = tempfile::tempdir().expect("tempdir");
    let export_options = ExportOptions {
        formats: vec![
            Format::GraphMl,
            Format::Gexf,
            Format::JsonLd,
            Format::Csv,
            Format::Statements,
        ],
        base_iri: "https://actorgraph.example/kg/".into(),
        min_confidence: 0.0,
    };
    group.bench_function("export (all formats)", |b| {
        b.iter(|| {
            let written = export::write_all_from(
                dir.path(),
                &build.graph,
                &build.statements,
                &export_options,
            )
            .expect("export");
            assert!(written.len() >= 5);
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
