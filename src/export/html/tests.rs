//! Tests of the page writer: its bytes for a small graph, determinism and escaping.

use super::*;
use crate::graph::{Relation, Statement};
use crate::model::{CharSpan, EntityId, Span};
use std::collections::BTreeSet;
use std::sync::Arc;

fn entity(id: &str, label: &str, kind: EntityType, mentions: usize) -> Entity {
    Entity {
        id: EntityId(id.into()),
        label: label.into(),
        kind,
        country: false,
        wikidata: None,
        aliases: BTreeSet::new(),
        part_of: None,
        roles: BTreeSet::new(),
        mentions,
        documents: 1,
    }
}

fn evidence(doc: &str, quote: &str) -> Evidence {
    Evidence {
        doc: doc.into(),
        sentence: 0,
        span: Span {
            start: 0,
            end: quote.len(),
        },
        char_span: CharSpan {
            start: 0,
            end: quote.chars().count(),
        },
        quote: Arc::from(quote),
        surface: "cooperates with".into(),
        polarity: Polarity::Positive,
        modality: Modality::Asserted,
        attributed_to: None,
        confidence: 0.9,
        extractor: "clauses".into(),
    }
}

/// A small graph, its entities and relations added in the order given.
fn graph(order: &[usize], quote: &str) -> KnowledgeGraph {
    let entities = [
        entity(
            "org.european-union",
            "European Union",
            EntityType::Organization,
            3,
        ),
        entity("org.nato", "NATO", EntityType::Organization, 5),
        entity("person.julian-king", "Julian King", EntityType::Person, 2),
        entity("place.russia", "Russia", EntityType::Place, 4),
    ];
    let relations = [
        ("org.european-union", "cooperate with", "org.nato"),
        ("person.julian-king", "warn", "place.russia"),
        ("org.nato", "criticise", "place.russia"),
        ("org.european-union", "criticise", "org.nato"),
    ];
    let mut g = KnowledgeGraph::new();
    for &i in order {
        g.add_entity(entities[i].clone());
    }
    for &i in order {
        let (a, action, t) = relations[i];
        let (a, t) = (EntityId(a.into()), EntityId(t.into()));
        let r = Relation::new(
            crate::graph::RelationId::new(&a, action, &t),
            a,
            action.into(),
            "x".into(),
            t,
            vec![evidence("doc-1", quote)],
        );
        g.add_relation(r).expect("both ends are in the graph");
    }
    g.add_article(ArticleMeta {
        id: "doc-1".into(),
        title: Some("EU and NATO".into()),
        date: Some("2018-03-01".into()),
        url: None,
    });
    g
}

fn page(g: &KnowledgeGraph) -> String {
    let mut out = Vec::new();
    write(&mut out, g, &[] as &[Statement]).expect("writing to memory");
    String::from_utf8(out).expect("the page is UTF-8")
}

/// The data block of a page, parsed.
fn data_of(page: &str) -> serde_json::Value {
    let start = page
        .find(r#"id="actorgraph-data">"#)
        .expect("the data block")
        + r#"id="actorgraph-data">"#.len();
    let end = start + page[start..].find("</script>").expect("its end");
    serde_json::from_str(&page[start..end]).expect("the data block is JSON")
}

#[test]
fn same_graph_same_bytes_in_any_order() {
    let quote = "The European Union cooperates with NATO.";
    let first = page(&graph(&[0, 1, 2, 3], quote));
    assert_eq!(first, page(&graph(&[3, 1, 0, 2], quote)));
    assert_eq!(first, page(&graph(&[2, 3, 1, 0], quote)));
    // The writer uses no thread pool of its own; a page written inside pools of one and of
    // four threads is the same.
    for threads in [1, 4] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        assert_eq!(first, pool.install(|| page(&graph(&[1, 0, 3, 2], quote))));
    }
}

#[test]
fn the_data_block_holds_the_graph_in_columns() {
    let text = page(&graph(
        &[0, 1, 2, 3],
        "The European Union cooperates with NATO.",
    ));
    let data = data_of(&text);
    let s = |v: &serde_json::Value| data["s"][v.as_u64().expect("an index") as usize].clone();
    let labels: Vec<_> = data["n"]["label"]
        .as_array()
        .expect("labels")
        .iter()
        .map(s)
        .collect();
    assert_eq!(labels, ["European Union", "NATO", "Julian King", "Russia"]);
    assert_eq!(data["e"]["a"], serde_json::json!([0, 0, 1, 2]));
    assert_eq!(data["e"]["t"], serde_json::json!([1, 1, 3, 3]));
    assert_eq!(s(&data["e"]["act"][0]), "cooperate with");
    assert_eq!(data["e"]["ev"], serde_json::json!([0, 1, 2, 3, 4]));
    assert_eq!(data["e"]["c"][0], 900);
    assert_eq!(
        s(&data["x"]["s"][0]),
        "The European Union cooperates with NATO."
    );
    assert_eq!(s(&data["docs"]["title"][0]), "EU and NATO");
    assert_eq!(data["n"]["x"].as_array().map(Vec::len), Some(4));
    assert!(text.contains("<title>actorgraph: 4 entities, 4 relations</title>"));
}

#[test]
fn a_quote_cannot_close_the_data_block() {
    let quote = "NATO said </script><script>alert(1)</script> and <!-- that --> too.";
    let text = page(&graph(&[0, 1, 2, 3], quote));
    let start = text
        .find(r#"id="actorgraph-data">"#)
        .expect("the data block");
    let end = start + text[start..].find("</script>").expect("its end");
    let block = &text[start..end];
    assert!(!block.contains("<script"), "{block}");
    assert!(!block.contains("<!--"));
    // The quote is intact once parsed.
    let data = data_of(&text);
    let i = data["x"]["s"][0].as_u64().expect("an index") as usize;
    assert_eq!(data["s"][i], quote);
    // The page has the data block and the one script of ours, nothing else.
    assert_eq!(text.matches("<script").count(), 2);
    assert_eq!(text.matches("</script>").count(), 2);
}

#[test]
fn the_page_is_self_contained() {
    let text = page(&graph(
        &[0, 1, 2, 3],
        "The European Union cooperates with NATO.",
    ));
    for needle in [
        "src=",
        "http://",
        "https://",
        "fetch(",
        "XMLHttpRequest",
        "import(",
    ] {
        assert!(!text.contains(needle), "the page contains {needle}");
    }
    for script in SCRIPTS {
        assert!(!script.contains("</script"));
        assert!(script.lines().count() < 1000);
    }
}
