//! Interop: the outputs of a small graph open in the real clients (xmllint XSD / RELAX NG,
//! networkx, igraph<1, rdflib + SPARQL, pyld, pyoxigraph, jsonschema, graphology and
//! jsonld.js). Each client runs through its script in `tests/interop/`; a client that is not
//! installed is reported as "skipped: X not installed". `scripts/interop.sh` installs them
//! all (into `.venv`), as CI does.

#[path = "support/skip.rs"]
mod skip;

#[path = "export_fixture/mod.rs"]
mod fixture;

use std::path::{Path, PathBuf};
use std::process::Command;

use actorgraph::export::{self, ExportOptions, Format};

const CHECKS: [&str; 7] = [
    "xmllint",
    "networkx",
    "igraph",
    "rdflib",
    "pyld",
    "pyoxigraph",
    "jsonschema",
];

fn python() -> Option<PathBuf> {
    let venv = Path::new(".venv/bin/python");
    if venv.exists() {
        return Some(venv.to_path_buf());
    }
    let found = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    found.then(|| PathBuf::from("python3"))
}

/// Runs one check; returns false (after printing why) when its client is missing.
fn run(mut cmd: Command, name: &str) -> bool {
    cmd.env("INTEROP_SCHEMAS", "../shared/schemas")
        .env("INTEROP_SPARQL_TARGET", "NATO")
        .env("INTEROP_SPARQL_EXPECT", "^European Union$")
        .env("NODE_PATH", ".venv/node/node_modules");
    let out = cmd.output().expect("run an interop check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0) => {
            println!("{name}: {}", stdout.trim());
            true
        }
        Some(77) => {
            skip::optional(&format!("{name}: {}", stdout.trim()));
            false
        }
        _ => panic!("{name} rejected our files:\n{stdout}\n{stderr}"),
    }
}

#[test]
#[ignore = "needs the interop clients (scripts/interop.sh installs them) and ../shared; run with cargo test -- --include-ignored"]
fn real_clients_open_every_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = ExportOptions {
        formats: Format::ALL.to_vec(),
        base_iri: export::DEFAULT_BASE_IRI.into(),
        min_confidence: 0.0,
    };
    export::write_all(
        dir.path(),
        &fixture::graph(),
        &fixture::statements(),
        &options,
    )
    .expect("export");
    let out = dir.path().to_str().expect("utf-8 temp path").to_owned();
    let Some(python) = python() else {
        skip::skip("python3 not installed (every Python client)");
        return;
    };
    let mut ran = 0;
    for name in CHECKS {
        let mut cmd = Command::new(&python);
        cmd.arg(format!("tests/interop/check_{name}.py")).arg(&out);
        ran += usize::from(run(cmd, name));
    }
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if node {
        let mut cmd = Command::new("node");
        cmd.arg("tests/interop/check_graphology.js").arg(&out);
        ran += usize::from(run(cmd, "graphology"));
    } else {
        skip::optional("graphology: node not installed");
    }
    println!("{ran} of {} clients ran", CHECKS.len() + 1);
}
