//! Test helpers for the diff tests: a small hand-made pair of graph versions (our own
//! made-up facts), a canonical form to compare graphs, and where `../shared` is.

#![allow(dead_code)] // each test file uses a different part

#[path = "../support/skip.rs"]
pub mod skip;

use std::collections::BTreeSet;
use std::path::PathBuf;

use actorgraph::diff::canonical_evidence_order;
use actorgraph::graph::{ArticleMeta, Evidence, KnowledgeGraph, Relation};
use actorgraph::model::{CharSpan, Modality, Polarity, Span};
use actorgraph::model::{Entity, EntityId, EntityType};

/// `../shared` from the crate root, or `$ACTORGRAPH_SHARED`; `None` (with a message) when
/// absent.
pub fn shared(what: &str) -> Option<PathBuf> {
    let root = std::env::var_os("ACTORGRAPH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared"));
    let path = root.join(what);
    if path.exists() {
        Some(path)
    } else {
        skip::skip(&format!("{} not found", path.display()));
        None
    }
}

/// True when `cmd` runs (`cmd --version` exits).
pub fn cmd_exists(cmd: &str, arg: &str) -> bool {
    std::process::Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn entity(
    id: &str,
    label: &str,
    kind: EntityType,
    aliases: &[&str],
    mentions: usize,
) -> Entity {
    Entity {
        id: EntityId(id.into()),
        label: label.into(),
        kind,
        country: false,
        wikidata: None,
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        part_of: None,
        roles: BTreeSet::new(),
        mentions,
        documents: 1,
    }
}

pub struct Fact<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub target: &'a str,
    pub doc: &'a str,
    pub sentence: usize,
    pub polarity: Polarity,
    pub modality: Modality,
    pub confidence: f32,
}

pub fn fact<'a>(
    actor: &'a str,
    action: &'a str,
    target: &'a str,
    doc: &'a str,
    sentence: usize,
) -> Fact<'a> {
    Fact {
        actor,
        action,
        target,
        doc,
        sentence,
        polarity: Polarity::Positive,
        modality: Modality::Asserted,
        confidence: 0.6,
    }
}

pub fn build(entities: Vec<Entity>, facts: &[Fact<'_>], docs: &[(&str, &str)]) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    for e in entities {
        g.add_entity(e);
    }
    for (id, title) in docs {
        g.add_article(ArticleMeta {
            id: (*id).into(),
            title: Some((*title).into()),
            date: None,
            url: None,
        });
    }
    for f in facts {
        let start = f.sentence * 40;
        let evidence = Evidence {
            doc: f.doc.into(),
            sentence: f.sentence,
            span: Span::new(start, start + 30),
            char_span: CharSpan::new(start, start + 30),
            // One sentence per (doc, sentence): a relation's weight counts distinct sentences.
            quote: format!(
                "{} {} {} ({}, {}).",
                f.actor, f.action, f.target, f.doc, f.sentence
            )
            .into(),
            surface: f.action.into(),
            polarity: f.polarity,
            modality: f.modality,
            attributed_to: None,
            confidence: f.confidence,
            extractor: "clauses".into(),
        };
        let lemma = f.action.split(' ').next().unwrap_or_default();
        g.add_evidence(
            &EntityId(f.actor.into()),
            f.action,
            lemma,
            &EntityId(f.target.into()),
            evidence,
        )
        .expect("fixture entities exist");
    }
    g.finish();
    g
}

/// Version 1 of a made-up harbour story: two articles.
pub fn harbour_v1() -> KnowledgeGraph {
    use EntityType::*;
    build(
        vec![
            entity("org.port-authority", "Port Authority", Organization, &[], 3),
            entity(
                "org.dockers-union",
                "Dockers Union",
                Organization,
                &["the union"],
                4,
            ),
            entity("place.northhaven", "Northhaven", Place, &[], 2),
            entity("person.ada-morrow", "Morrow", Person, &[], 1),
            entity("org.ferry-line", "Ferry Line", Organization, &[], 1),
        ],
        &[
            fact(
                "org.dockers-union",
                "criticise",
                "org.port-authority",
                "h001",
                0,
            ),
            fact(
                "org.dockers-union",
                "criticise",
                "org.port-authority",
                "h002",
                1,
            ),
            fact("org.port-authority", "meet", "org.dockers-union", "h001", 2),
            fact("person.ada-morrow", "lead", "org.dockers-union", "h002", 0),
            fact("org.ferry-line", "leave", "place.northhaven", "h002", 3),
        ],
        &[
            ("h001", "Dockers walk out"),
            ("h002", "Talks stall at the harbour"),
        ],
    )
}

/// Version 2: a third article, a corrected second one, a fuller name for Morrow.
pub fn harbour_v2() -> KnowledgeGraph {
    use EntityType::*;
    let mut denied = fact("org.port-authority", "meet", "org.dockers-union", "h003", 0);
    denied.polarity = Polarity::Negative;
    let mut denied2 = fact("org.port-authority", "meet", "org.dockers-union", "h003", 1);
    denied2.polarity = Polarity::Negative;
    denied2.modality = Modality::Denied;
    build(
        vec![
            entity("org.port-authority", "Port Authority", Organization, &[], 5),
            entity(
                "org.dockers-union",
                "Dockers Union",
                Organization,
                &["the union", "DU"],
                6,
            ),
            entity("place.northhaven", "Northhaven", Place, &[], 2),
            entity("person.ada-morrow", "Ada Morrow", Person, &["Morrow"], 2),
            entity(
                "org.harbour-council",
                "Harbour Council",
                Organization,
                &[],
                2,
            ),
        ],
        &[
            fact(
                "org.dockers-union",
                "criticise",
                "org.port-authority",
                "h001",
                0,
            ),
            fact(
                "org.dockers-union",
                "criticise",
                "org.port-authority",
                "h002",
                1,
            ),
            fact(
                "org.dockers-union",
                "criticise",
                "org.port-authority",
                "h003",
                2,
            ),
            fact(
                "org.dockers-union",
                "criticise",
                "org.port-authority",
                "h003",
                3,
            ),
            fact("org.port-authority", "meet", "org.dockers-union", "h001", 2),
            denied,
            denied2,
            fact("person.ada-morrow", "lead", "org.dockers-union", "h002", 0),
            fact(
                "org.harbour-council",
                "support",
                "org.dockers-union",
                "h003",
                4,
            ),
            fact("org.harbour-council", "fund", "place.northhaven", "h003", 5),
        ],
        &[
            ("h001", "Dockers walk out"),
            ("h002", "Talks stall at the harbour"),
            ("h003", "Council backs the dockers"),
        ],
    )
}

/// A graph's content in a canonical order: entities and relations by id, evidence in
/// canonical order, articles by id.
pub fn canonical(g: &KnowledgeGraph) -> (Vec<Entity>, Vec<Relation>, Vec<ArticleMeta>) {
    let entities = g.entities().into_iter().cloned().collect();
    let relations = g
        .relations()
        .into_iter()
        .map(|r| {
            let mut r = r.clone();
            r.evidence.sort_by(canonical_evidence_order);
            r
        })
        .collect();
    let articles = g.articles().cloned().collect();
    (entities, relations, articles)
}
