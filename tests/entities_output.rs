//! `entities.jsonl`: every entity of the build with the evidence for its type and, for
//! every name it carries, the rules that put that name there. Built from the example
//! corpus (our own articles) and from articles written here.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn build(inputs: &[&Path], out: &Path) {
    let mut args: Vec<&std::ffi::OsStr> = vec!["build".as_ref()];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    args.extend(["--out".as_ref(), out.as_os_str(), "--quiet".as_ref()]);
    let status = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(&args)
        .status()
        .expect("the binary runs");
    assert!(status.success());
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// Lower-cased letters and digits, one space between words: names that differ only in
/// case, accents or punctuation are the same written name.
fn words(form: &str) -> String {
    form.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn rules(form: &Value) -> Vec<&str> {
    form["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r.as_str().expect("a rule name"))
        .collect()
}

/// Every name has a rule, and an entity with two different names has, on each of them,
/// a rule that joins names (not only `own-name` / `same-name`).
fn check_reasons(entities: &[Value]) {
    for e in entities {
        let forms = e["forms"].as_array().expect("forms");
        assert!(!forms.is_empty(), "{e}");
        let distinct: BTreeSet<String> = forms
            .iter()
            .map(|f| words(f["form"].as_str().expect("form")))
            .collect();
        for f in forms {
            let r = rules(f);
            assert!(!r.is_empty(), "a name without a rule: {e}");
            if distinct.len() > 1 {
                assert!(
                    r.iter().any(|r| *r != "own-name" && *r != "same-name"),
                    "a merged name without a merge rule: {e}"
                );
            }
        }
    }
}

#[test]
fn every_entity_of_the_example_corpus_is_listed_with_reasons() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    build(&[&corpus], &out);
    let entities = lines(&out.join("entities.jsonl"));
    assert!(!entities.is_empty());
    let ids: Vec<&str> = entities
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(ids, sorted, "sorted by id, each once");
    // Every entity a statement names is listed.
    for s in lines(&out.join("statements.jsonl")) {
        for slot in ["actor", "target"] {
            let id = s[slot]["id"].as_str().expect("entity id");
            assert!(ids.binary_search(&id).is_ok(), "{id} not in entities.jsonl");
        }
    }
    for e in &entities {
        assert!(e["type_from"].is_string(), "{e}");
        assert!(e["type_votes"].is_object(), "{e}");
        assert_eq!(e["format_version"], 2);
    }
    check_reasons(&entities);
}

#[test]
fn merges_carry_the_rule_that_made_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("harbour.txt");
    std::fs::write(
        &a,
        "Harbour board reshuffled\n\n\
         Lena Voss, the harbour master, criticised the Harbour Workers Federation (HWF) on Monday.\n\n\
         Voss said the HWF had delayed the new terminal for two years.\n",
    )
    .expect("write");
    let b = dir.path().join("terminal.txt");
    std::fs::write(
        &b,
        "Terminal plans revived\n\n\
         Lena Voss praised the city council on Friday.\n",
    )
    .expect("write");
    let out = dir.path().join("out");
    build(&[&a, &b], &out);
    let entities = lines(&out.join("entities.jsonl"));
    check_reasons(&entities);
    let voss = entities
        .iter()
        .find(|e| e["label"] == "Lena Voss")
        .unwrap_or_else(|| panic!("Lena Voss is an entity: {entities:?}"));
    assert_eq!(voss["type"], "Person");
    let forms = voss["forms"].as_array().expect("forms");
    let rules_of = |name: &str| {
        forms
            .iter()
            .find(|f| f["form"] == name)
            .map(rules)
            .unwrap_or_else(|| panic!("{name} is a form of {voss}"))
    };
    assert!(rules_of("Voss").contains(&"surname"), "{voss}");
    assert!(rules_of("Lena Voss").contains(&"corpus-name"), "{voss}");
    assert_eq!(voss["documents"], 2);
    let hwf = entities
        .iter()
        .find(|e| {
            e["forms"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| f["form"] == "HWF"))
        })
        .unwrap_or_else(|| panic!("HWF is a form: {entities:?}"));
    let hwf_forms = hwf["forms"].as_array().expect("forms");
    assert!(
        hwf_forms
            .iter()
            .any(|f| f["form"] == "Harbour Workers Federation"),
        "{hwf}"
    );
    for f in hwf_forms {
        let r = rules(f);
        assert!(
            r.contains(&"parenthesis") || r.contains(&"acronym"),
            "{hwf}"
        );
    }
}
