//! Partial graphs, merge and the build cache (issue #20): for any partition of a corpus
//! and any merge tree, the merged outputs are the bytes of one build; damaged, foreign and
//! overlapping partials are refused with errors naming them; a cached build gives the bytes
//! of a plain one.
//!
//! The articles are our own invented sentences.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use actorgraph::corpus::{self, CorpusOptions};
use actorgraph::export::{self, ExportOptions, Format, folder::OutputFolder};
use actorgraph::extract::Extractors;
use actorgraph::nlp::Nlp;
use actorgraph::pipeline::{self, BuildOptions, NlpSource, PartialReader, partial};
use proptest::prelude::*;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

const NAMES: [&str; 10] = [
    "Anna Novak",
    "Tom Vale",
    "the Harbour Trading Company",
    "Norway",
    "Sweden",
    "East Ruritania",
    "the city council",
    "Minister Anna Novak",
    "the transport union",
    "Vale",
];
const ACTIONS: [&str; 8] = [
    "met",
    "criticised",
    "signed a deal with",
    "will cooperate with",
    "accused",
    "praised",
    "sued",
    "did not support",
];

/// One JSONL line: an article of invented sentences, chosen by `picks`.
fn article(id: usize, picks: &[(usize, usize, usize)]) -> String {
    let mut text = String::new();
    for &(a, v, t) in picks {
        let (a, t) = (NAMES[a % NAMES.len()], NAMES[t % NAMES.len()]);
        let mut sentence = format!("{a} {} {t} on Monday. ", ACTIONS[v % ACTIONS.len()]);
        if let Some(first) = sentence.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        text.push_str(&sentence);
        if v % 3 == 0 {
            text.push_str(&format!("{a} said the talks would go on.\n\n"));
        }
    }
    serde_json::json!({"id": format!("doc-{id:03}"), "title": format!("Story {id}"), "text": text})
        .to_string()
}

fn write_jsonl(path: &Path, lines: &[String]) {
    let mut body = lines.join("\n");
    body.push('\n');
    fs::write(path, body).expect("write corpus");
}

fn nlp() -> &'static Nlp {
    static NLP: OnceLock<Nlp> = OnceLock::new();
    NLP.get_or_init(|| Nlp::load_default().expect("built-in model"))
}

fn options() -> BuildOptions {
    BuildOptions {
        chunk_size: 3,
        max_article_tokens: pipeline::DEFAULT_MAX_ARTICLE_TOKENS,
    }
}

fn open(path: &Path) -> corpus::Corpus {
    corpus::open(
        &[path.to_owned()],
        CorpusOptions {
            strict: true,
            max_article_bytes: 10_000_000,
        },
    )
    .expect("corpus")
}

fn export_options() -> ExportOptions {
    ExportOptions {
        formats: Format::ALL.to_vec(),
        base_iri: export::DEFAULT_BASE_IRI.to_owned(),
        min_confidence: 0.5,
    }
}

/// Every output file of a folder, by name.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .expect("output folder")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    out.sort();
    out
}

fn write_build(build: &pipeline::Build, dir: &Path) -> Vec<(String, Vec<u8>)> {
    OutputFolder::prepare(dir)
        .expect("output folder")
        .write(&build.graph, &build.statements, &export_options())
        .expect("outputs written");
    files(dir)
}

/// The map step in the library: a partial of the articles in `corpus`.
fn map(corpus: &Path, out: &Path) {
    let file = fs::File::create(out).expect("partial file");
    pipeline::build_partial(
        &mut open(corpus),
        &NlpSource::Ready(nlp()),
        &Extractors::all(),
        options(),
        None,
        &|_, _| {},
        std::io::BufWriter::new(file),
    )
    .expect("map step");
}

fn merge_files(inputs: &[PathBuf], out: &Path) {
    let mut readers = partial::open_all(inputs).expect("open partials");
    let file = fs::File::create(out).expect("merged file");
    partial::merge_partials(
        &mut readers,
        std::io::BufWriter::new(file),
        out,
        pipeline::DEFAULT_MAX_ARTICLE_TOKENS as u64,
    )
    .expect("merge");
}

/// A corpus of 2 to 9 invented articles, a part for each article (0–3, so some parts may
/// be empty), and the pairs to merge in order (indices into the list of partials left).
type Case = (
    Vec<Vec<(usize, usize, usize)>>,
    Vec<usize>,
    Vec<(usize, usize)>,
);

fn case() -> impl Strategy<Value = Case> {
    let doc = prop::collection::vec((0..10usize, 0..8usize, 0..10usize), 1..4);
    prop::collection::vec(doc, 2..9).prop_flat_map(|docs| {
        let n = docs.len();
        (
            Just(docs),
            prop::collection::vec(0..4usize, n),
            prop::collection::vec((0..8usize, 0..8usize), 3),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Random corpora, random partitions, random merge trees: the bytes of one build.
    #[test]
    fn any_partition_and_merge_tree_gives_the_bytes_of_one_build((docs, parts, tree) in case()) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let lines: Vec<String> = docs.iter().enumerate().map(|(i, d)| article(i, d)).collect();
        let whole = tmp.path().join("whole.jsonl");
        write_jsonl(&whole, &lines);
        let one = pipeline::build(&mut open(&whole), nlp(), &Extractors::all(), options(), &|_, _| {})
            .expect("build");
        let expected = write_build(&one, &tmp.path().join("one"));

        let mut partials = Vec::new();
        for p in 0..4 {
            let mine: Vec<String> = lines.iter().zip(&parts).filter(|&(_, &q)| q == p)
                .map(|(l, _)| l.clone()).collect();
            if mine.is_empty() {
                continue;
            }
            let corpus = tmp.path().join(format!("part{p}.jsonl"));
            write_jsonl(&corpus, &mine);
            let out = tmp.path().join(format!("part{p}.agp"));
            map(&corpus, &out);
            partials.push(out);
        }
        // Merge pairs chosen by `tree` until at most two are left, then merge the rest at once.
        for (step, &(a, b)) in tree.iter().enumerate() {
            if partials.len() <= 2 {
                break;
            }
            let a = a % partials.len();
            let mut b = b % partials.len();
            if a == b {
                b = (b + 1) % partials.len();
            }
            let out = tmp.path().join(format!("merged{step}.agp"));
            // either order: merging is commutative
            merge_files(&[partials[b].clone(), partials[a].clone()], &out);
            let (hi, lo) = (a.max(b), a.min(b));
            partials.remove(hi);
            partials.remove(lo);
            partials.push(out);
        }
        let mut readers = partial::open_all(&partials).expect("open");
        let merged = pipeline::merge(&mut readers, &|_, _| {}).expect("merge");
        let got = write_build(&merged, &tmp.path().join("merged"));
        prop_assert_eq!(got.len(), expected.len());
        for ((name, a), (_, b)) in got.iter().zip(&expected) {
            prop_assert!(a == b, "{} differs from one build's", name);
        }
        // The partial of the whole corpus is the same bytes as the merged partials.
        let root = tmp.path().join("root.agp");
        merge_files(&partials, &root);
        let direct = tmp.path().join("direct.agp");
        map(&whole, &direct);
        prop_assert!(fs::read(&root).expect("root") == fs::read(&direct).expect("direct"));
    }
}

/// Three partials of an invented corpus, made with the binary.
fn three_partials(dir: &Path) -> (PathBuf, [PathBuf; 3]) {
    let lines: Vec<String> = (0..9)
        .map(|i| article(i, &[(i, i, i + 3), (i + 1, i + 2, i + 5)]))
        .collect();
    let whole = dir.join("whole.jsonl");
    write_jsonl(&whole, &lines);
    let parts = [0, 1, 2].map(|p| {
        let corpus = dir.join(format!("p{p}.jsonl"));
        let mine: Vec<String> = lines.iter().skip(p).step_by(3).cloned().collect();
        write_jsonl(&corpus, &mine);
        let out = dir.join(format!("p{p}.agp"));
        let o = run(&["build", s(&corpus), "--partial", s(&out), "--quiet"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        out
    });
    (whole, parts)
}

#[test]
fn merge_command_writes_the_outputs_of_one_build() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (whole, [a, b, c]) = three_partials(tmp.path());
    let one = tmp.path().join("one");
    let o = run(&["build", s(&whole), "--out", s(&one), "--quiet"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // ((c + a) + b) as a tree, and all three at once
    let ca = tmp.path().join("ca.agp");
    let o = run(&["merge", s(&c), s(&a), "--partial", s(&ca), "--quiet"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for (name, inputs) in [("tree", vec![&b, &ca]), ("flat", vec![&a, &b, &c])] {
        let out = tmp.path().join(name);
        let mut args = vec!["merge"];
        args.extend(inputs.iter().map(|p| s(p)));
        args.extend(["--out", s(&out), "--quiet"]);
        let o = run(&args);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let (got, want) = (files(&out), files(&one));
        assert_eq!(got.len(), want.len());
        for ((n, x), (_, y)) in got.iter().zip(&want) {
            assert!(x == y, "{name}: {n} differs from one build's");
        }
    }
}

#[test]
fn the_same_document_in_two_partials_is_an_error_naming_both() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (_, [a, b, _]) = three_partials(tmp.path());
    let ab = tmp.path().join("ab.agp");
    let o = run(&["merge", s(&a), s(&b), "--partial", s(&ab), "--quiet"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = tmp.path().join("out");
    let o = run(&["merge", s(&ab), s(&b), "--out", s(&out)]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("document id \"doc-001\""), "{err}");
    assert!(err.contains("ab.agp") && err.contains("p1.agp"), "{err}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn damaged_truncated_and_foreign_files_are_refused_by_name() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (_, [a, _, _]) = three_partials(tmp.path());
    let bytes = fs::read(&a).expect("partial");
    let out = tmp.path().join("out");
    let check = |name: &str, bytes: &[u8], expect: &str| {
        let path = tmp.path().join(name);
        fs::write(&path, bytes).expect("write");
        let o = run(&["merge", s(&path), "--out", s(&out)]);
        assert_eq!(code(&o), 2, "{name}");
        let err = stderr(&o);
        assert!(err.contains(name) && err.contains(expect), "{name}: {err}");
        assert!(!out.exists(), "{name}: nothing written");
    };
    // a flipped byte in the middle of a document
    let mut flipped = bytes.clone();
    let mid = bytes.len() / 2;
    flipped[mid] ^= 0x20;
    check("flipped.agp", &flipped, "damaged partial graph");
    check(
        "cut.agp",
        &bytes[..bytes.len() - 20],
        "damaged partial graph",
    );
    check("header.agp", &bytes[..20], "damaged partial graph");
    let mut longer = bytes.clone();
    longer.push(0);
    check("longer.agp", &longer, "bytes after the end");
    check("text.agp", b"{\"id\": 1}\n", "not a partial graph");
    // another version: the header's check is made again, so only the version is wrong
    let mut v2 = bytes.clone();
    v2[10..14].copy_from_slice(&2u32.to_le_bytes());
    let header_check = actorgraph::hash::hash_bytes(partial::CHECK_SEED, &v2[..30]);
    v2[30..38].copy_from_slice(&header_check.to_le_bytes());
    check("v2.agp", &v2, "format version 2");
    let mut other = bytes.clone();
    other[14] ^= 1;
    let header_check = actorgraph::hash::hash_bytes(partial::CHECK_SEED, &other[..30]);
    other[30..38].copy_from_slice(&header_check.to_le_bytes());
    check("other-model.agp", &other, "another model or version");
    // the reader of the library says the same
    let e = PartialReader::open(&tmp.path().join("v2.agp"))
        .err()
        .expect("refused");
    assert!(e.to_string().contains("version 2"), "{e}");
}

#[test]
fn a_cached_build_reads_back_unchanged_articles_and_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let lines: Vec<String> = (0..8)
        .map(|i| article(i, &[(i, i + 1, i + 4), (i + 2, i, i + 1)]))
        .collect();
    let old = tmp.path().join("old.jsonl");
    write_jsonl(&old, &lines[..6]);
    let mut changed = lines.clone();
    changed[2] = article(2, &[(5, 5, 1)]);
    let new = tmp.path().join("new.jsonl");
    write_jsonl(&new, &changed);
    let cache = tmp.path().join("cache");
    let summary = |o: &Output| -> serde_json::Value {
        assert_eq!(code(o), 0, "{}", stderr(o));
        serde_json::from_slice(&o.stdout).expect("JSON summary")
    };
    let first = tmp.path().join("first");
    let o = run(&[
        "build",
        s(&old),
        "--out",
        s(&first),
        "--cache",
        s(&cache),
        "--json",
    ]);
    let j = summary(&o);
    assert_eq!(
        (j["cached"].as_u64(), j["processed"].as_u64()),
        (Some(0), Some(6))
    );
    let second = tmp.path().join("second");
    let o = run(&[
        "build",
        s(&new),
        "--out",
        s(&second),
        "--cache",
        s(&cache),
        "--json",
    ]);
    let j = summary(&o);
    // 5 unchanged articles read back; 1 changed and 2 new processed
    assert_eq!(
        (j["cached"].as_u64(), j["processed"].as_u64()),
        (Some(5), Some(3))
    );
    let plain = tmp.path().join("plain");
    let o = run(&["build", s(&new), "--out", s(&plain), "--quiet"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(files(&second), files(&plain));

    // Damaged entries are misses, processed again; the outputs do not change.
    let entries: Vec<PathBuf> = fs::read_dir(cache.join("v1"))
        .expect("cache folder")
        .flat_map(|d| fs::read_dir(d.expect("entry").path()).expect("fan-out folder"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "agc"))
        .collect();
    assert_eq!(entries.len(), 9, "6 old articles, 1 changed and 2 new");
    for entry in &entries {
        let mut bytes = fs::read(entry).expect("entry");
        let last = bytes.len() - 12;
        bytes[last] ^= 1;
        fs::write(entry, bytes).expect("damage");
    }
    let third = tmp.path().join("third");
    let o = run(&[
        "build",
        s(&new),
        "--out",
        s(&third),
        "--cache",
        s(&cache),
        "--json",
    ]);
    let j = summary(&o);
    assert_eq!(
        (j["cached"].as_u64(), j["processed"].as_u64()),
        (Some(0), Some(8))
    );
    assert_eq!(files(&third), files(&plain));

    // The map step reads the cache too, and its partial merges to the same bytes.
    let part = tmp.path().join("new.agp");
    let o = run(&[
        "build",
        s(&new),
        "--partial",
        s(&part),
        "--cache",
        s(&cache),
        "--json",
    ]);
    let j = summary(&o);
    assert_eq!(
        (j["cached"].as_u64(), j["processed"].as_u64()),
        (Some(8), Some(0))
    );
    let merged = tmp.path().join("merged");
    let o = run(&["merge", s(&part), "--out", s(&merged), "--quiet"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(files(&merged), files(&plain));
}

#[test]
fn concurrent_cached_builds_share_one_cache_and_old_leftovers_are_pruned() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let lines: Vec<String> = (0..12)
        .map(|i| article(i, &[(i, i + 3, i + 1), (i + 4, i + 1, i)]))
        .collect();
    let corpus = tmp.path().join("c.jsonl");
    write_jsonl(&corpus, &lines);
    let cache = tmp.path().join("cache");
    // A temporary file left by a killed build two hours ago, and an entry unused for
    // 40 days: both go at the end of the next build.
    let stale_dir = cache.join("v1").join("00");
    fs::create_dir_all(&stale_dir).expect("mkdir");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(40 * 24 * 3600);
    let hours = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 3600);
    for (name, when) in [(".tmpkilled", hours), ("0000.agc", old)] {
        let f = fs::File::create(stale_dir.join(name)).expect("stale file");
        f.set_modified(when).expect("set mtime");
    }
    let outs: Vec<PathBuf> = (0..3).map(|i| tmp.path().join(format!("out{i}"))).collect();
    let children: Vec<_> = outs
        .iter()
        .map(|out| {
            bin()
                .args([
                    "build",
                    s(&corpus),
                    "--out",
                    s(out),
                    "--cache",
                    s(&cache),
                    "-q",
                ])
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("wait").success());
    }
    let plain = tmp.path().join("plain");
    let o = run(&["build", s(&corpus), "--out", s(&plain), "--quiet"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for out in &outs {
        assert_eq!(files(out), files(&plain), "{}", out.display());
    }
    let left: Vec<String> = fs::read_dir(cache.join("v1"))
        .expect("cache")
        .flat_map(|d| fs::read_dir(d.expect("entry").path()).expect("fan-out folder"))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 12, "one entry per article: {left:?}");
    assert!(
        left.iter().all(|n| n.ends_with(".agc") && n != "0000.agc"),
        "{left:?}"
    );
}
