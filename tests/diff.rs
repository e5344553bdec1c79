//! `diff` on a small hand-made pair of graph versions: snapshots of every output format,
//! schema validation of the union graphs (xmllint), and loading them with networkx.

mod diff_support;

use std::path::Path;
use std::process::Command;

use actorgraph::diff::report::{self, Side, TextOptions};
use actorgraph::diff::{Status, diff, union};
use actorgraph::graph::KnowledgeGraph;
use diff_support::{cmd_exists, harbour_v1, harbour_v2, shared};

fn sides<'a>(old: &'a KnowledgeGraph, new: &'a KnowledgeGraph) -> (Side<'a>, Side<'a>) {
    (
        Side {
            label: "v1",
            graph: old,
        },
        Side {
            label: "v2",
            graph: new,
        },
    )
}

fn render(
    f: impl Fn(&mut Vec<u8>, Side<'_>, Side<'_>, &actorgraph::diff::GraphDiff) -> std::io::Result<()>,
) -> String {
    let (a, b) = (harbour_v1(), harbour_v2());
    let d = diff(&a, &b);
    let (old, new) = sides(&a, &b);
    let mut out = Vec::new();
    f(&mut out, old, new, &d).expect("writing to a Vec");
    String::from_utf8(out).expect("UTF-8 output")
}

fn text() -> String {
    render(|w, o, n, d| report::write_text(w, o, n, d, TextOptions { color: false }))
}

fn json() -> String {
    render(|w, o, n, d| report::write_json(w, o, n, d))
}

fn graphml() -> String {
    render(|w, o, n, d| union::write_graphml(w, o, n, d))
}

fn gexf() -> String {
    render(|w, o, n, d| union::write_gexf(w, o, n, d))
}

#[test]
fn text_report() {
    insta::assert_snapshot!(text());
}

#[test]
fn text_report_colours_only_when_asked() {
    assert!(!text().contains('\x1b'));
    let coloured = render(|w, o, n, d| report::write_text(w, o, n, d, TextOptions { color: true }));
    assert!(coloured.contains("\x1b[32m+ "));
}

#[test]
fn text_report_of_equal_graphs() {
    let g = harbour_v1();
    let d = diff(&g, &g);
    assert!(d.is_empty());
    let mut out = Vec::new();
    let (old, new) = sides(&g, &g);
    report::write_text(&mut out, old, new, &d, TextOptions { color: false }).expect("write");
    let out = String::from_utf8(out).expect("UTF-8");
    assert!(out.ends_with("No differences.\n"), "{out}");
}

#[test]
fn json_report() {
    insta::assert_snapshot!(json());
}

#[test]
fn json_report_is_versioned_and_sorted() {
    let v: serde_json::Value = serde_json::from_str(&json()).expect("valid JSON");
    assert_eq!(v["format"], "actorgraph-diff");
    assert_eq!(v["version"], report::JSON_FORMAT_VERSION);
    assert_eq!(v["equal"], false);
    for kind in ["entities", "relations"] {
        for group in ["added", "removed", "changed"] {
            let ids: Vec<&str> = v[kind][group]
                .as_array()
                .expect("a list")
                .iter()
                .map(|x| x["id"].as_str().expect("an id"))
                .collect();
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            assert_eq!(ids, sorted, "{kind}.{group} sorted by id");
        }
    }
}

#[test]
fn diff_finds_the_facts_of_the_new_article() {
    let d = diff(&harbour_v1(), &harbour_v2());
    let added: Vec<&str> = d.relations.added.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        added,
        [
            "org.harbour-council--fund--place.northhaven",
            "org.harbour-council--support--org.dockers-union"
        ]
    );
    let removed: Vec<&str> = d.relations.removed.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(removed, ["org.ferry-line--leave--place.northhaven"]);
    let criticise = d
        .relations
        .changed
        .iter()
        .find(|c| c.id.as_str() == "org.dockers-union--criticise--org.port-authority")
        .expect("criticise changed");
    assert_eq!((criticise.weight.old, criticise.weight.new), (2, 4));
    assert_eq!(criticise.documents_added, ["h003"]);
    let meet = d
        .relations
        .changed
        .iter()
        .find(|c| c.id.as_str() == "org.port-authority--meet--org.dockers-union")
        .expect("meet changed");
    assert!(meet.polarity.differs());
    let morrow = d
        .entities
        .changed
        .iter()
        .find(|c| c.id.as_str() == "person.ada-morrow")
        .expect("Morrow changed");
    assert_eq!(morrow.fields(), ["label", "aliases", "mentions"]);
}

#[test]
fn union_graphml() {
    insta::assert_snapshot!(graphml());
}

#[test]
fn union_gexf() {
    insta::assert_snapshot!(gexf());
}

#[test]
fn union_carries_every_status() {
    let g = graphml();
    for s in [
        Status::Added,
        Status::Removed,
        Status::Changed,
        Status::Unchanged,
    ] {
        assert!(
            g.contains(&format!(">{}<", s.as_str())),
            "no {s:?} in the GraphML"
        );
    }
    let x = gexf();
    assert!(x.contains(r#"timestamps="[1]""#) && x.contains(r#"timestamps="[2]""#));
    assert!(x.contains(r#"timestamps="[1, 2]""#));
}

fn write_tmp(dir: &Path, name: &str, content: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).expect("write temp file");
    path
}

fn xmllint(args: &[&str], file: &Path) {
    let out = Command::new("xmllint")
        .args(["--noout", "--nonet"])
        .args(args)
        .arg(file)
        .output()
        .expect("xmllint runs");
    assert!(
        out.status.success(),
        "xmllint rejected {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[ignore = "needs ../shared (schemas) and xmllint; run with cargo test -- --include-ignored"]
fn union_graphml_is_xsd_valid() {
    let Some(xsd) = shared("schemas/graphml/graphml.xsd") else {
        return;
    };
    if !cmd_exists("xmllint", "--version") {
        diff_support::skip::skip("xmllint not installed");
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = write_tmp(tmp.path(), "union.graphml", &graphml());
    xmllint(&["--schema", xsd.to_str().expect("UTF-8 path")], &file);
}

#[test]
#[ignore = "needs ../shared (schemas) and xmllint; run with cargo test -- --include-ignored"]
fn union_gexf_passes_relax_ng() {
    let Some(rng) = shared("schemas/gexf-1.3/gexf.rng") else {
        return;
    };
    if !cmd_exists("xmllint", "--version") {
        diff_support::skip::skip("xmllint not installed");
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = write_tmp(tmp.path(), "union.gexf", &gexf());
    xmllint(&["--relaxng", rng.to_str().expect("UTF-8 path")], &file);
}

const NETWORKX_CHECK: &str = r#"
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1], force_multigraph=True)
x = nx.read_gexf(sys.argv[2])
statuses = sorted(set(d["status"] for _, d in g.nodes(data=True)))
edge_statuses = sorted(set(d["status"] for _, _, d in g.edges(data=True)))
print(g.number_of_nodes(), g.number_of_edges(), x.number_of_nodes(), x.number_of_edges(),
      ",".join(statuses), ",".join(edge_statuses))
"#;

#[test]
#[ignore = "needs networkx (scripts/interop.sh installs it); run with cargo test -- --include-ignored"]
fn networkx_loads_both_union_graphs() {
    let has_networkx = Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_networkx {
        diff_support::skip::skip("networkx not installed");
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let gml = write_tmp(tmp.path(), "union.graphml", &graphml());
    let gx = write_tmp(tmp.path(), "union.gexf", &gexf());
    let out = Command::new("python3")
        .arg("-c")
        .arg(NETWORKX_CHECK)
        .arg(&gml)
        .arg(&gx)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 6 entities (5 old + 1 added), 6 relations (4 old + 2 added), in both files.
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "6 6 6 6 added,changed,removed,unchanged added,changed,removed,unchanged"
    );
}
