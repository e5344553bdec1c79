//! A small knowledge graph built in code, shared by the export tests and the interop test:
//! entities with aliases and Wikidata ids, two parallel edges between the same pair, a
//! negated alleged statement with an attribution, a group that is part of a country.
//! The sentences are made up for these tests.

use std::collections::BTreeSet;

use actorgraph::graph::{ArticleMeta, EntityRef, KnowledgeGraph, Statement};
use actorgraph::model::{Action, CharSpan, Modality, Polarity, Span};
use actorgraph::model::{Entity, EntityId, EntityType};

/// Entity ids used below.
pub const EU: &str = "org.european-union";
pub const NATO: &str = "org.nato";
pub const RUSSIA: &str = "place.russia";
pub const BERG: &str = "person.anna-berg";
pub const OFFICIALS: &str = "group.russian-officials";

fn entity(id: &str, label: &str, kind: EntityType, qid: Option<&str>, aliases: &[&str]) -> Entity {
    Entity {
        id: EntityId(id.into()),
        label: label.into(),
        kind,
        country: false,
        wikidata: qid.map(Into::into),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        part_of: None,
        roles: BTreeSet::new(),
        mentions: 1,
        documents: 1,
    }
}

/// The entities, deliberately not in id order.
pub fn entities() -> Vec<Entity> {
    let mut eu = entity(
        EU,
        "European Union",
        EntityType::Organization,
        Some("Q458"),
        &["EU", "the Union"],
    );
    eu.mentions = 5;
    eu.documents = 2;
    let mut nato = entity(
        NATO,
        "NATO",
        EntityType::Organization,
        Some("Q7184"),
        &["North Atlantic Treaty Organization"],
    );
    nato.mentions = 4;
    nato.documents = 2;
    let mut russia = entity(
        RUSSIA,
        "Russia",
        EntityType::Place,
        Some("Q159"),
        &["Moscow"],
    );
    russia.country = true;
    russia.mentions = 3;
    let mut berg = entity(
        BERG,
        "Anna Berg",
        EntityType::Person,
        None,
        &["Berg", "Ms \"Anna\" Berg"],
    );
    berg.roles.insert("foreign minister, Ruritania".into());
    berg.mentions = 2;
    let mut officials = entity(OFFICIALS, "Russian officials", EntityType::Group, None, &[]);
    officials.part_of = Some(EntityId(RUSSIA.into()));
    vec![russia, nato, officials, berg, eu]
}

/// One statement of the fixture: (doc, sentence, byte span, text, actor, mention, action
/// label, lemma, surface, target, mention, polarity, modality, attribution, confidence).
struct Row {
    doc: &'static str,
    sentence: usize,
    start: usize,
    text: &'static str,
    actor: (&'static str, &'static str),
    action: (&'static str, &'static str, &'static str),
    target: (&'static str, &'static str),
    polarity: Polarity,
    modality: Modality,
    attributed_to: Option<(&'static str, &'static str)>,
    confidence: f32,
}

fn rows() -> Vec<Row> {
    vec![
        Row {
            doc: "doc-a",
            sentence: 0,
            start: 0,
            text: "The EU will cooperate with NATO on cyber defence & drills.",
            actor: (EU, "The EU"),
            action: ("cooperate with", "cooperate", "will cooperate with"),
            target: (NATO, "NATO"),
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            attributed_to: None,
            confidence: 0.9,
        },
        Row {
            doc: "doc-a",
            sentence: 2,
            start: 120,
            text: "Ms Berg said Russia did not interfere in the Union's vote, \"as alleged\".",
            actor: (RUSSIA, "Russia"),
            action: ("interfere in", "interfere", "did not interfere in"),
            target: (EU, "the Union"),
            polarity: Polarity::Negative,
            modality: Modality::Alleged,
            attributed_to: Some((BERG, "Ms Berg")),
            confidence: 0.6,
        },
        Row {
            doc: "doc-b",
            sentence: 1,
            start: 40,
            text: "Brussels and NATO cooperate closely, the Union says.",
            actor: (EU, "Brussels"),
            action: ("cooperate with", "cooperate", "cooperate"),
            target: (NATO, "NATO"),
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            attributed_to: None,
            confidence: 0.75,
        },
        Row {
            doc: "doc-b",
            sentence: 3,
            start: 200,
            text: "The Union criticised NATO over its spending.",
            actor: (EU, "The Union"),
            action: ("criticise", "criticise", "criticised"),
            target: (NATO, "NATO"),
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            attributed_to: None,
            confidence: 0.8,
        },
        Row {
            doc: "doc-b",
            sentence: 5,
            start: 310,
            text: "Russian officials met Anna Berg in Tallinn.",
            actor: (OFFICIALS, "Russian officials"),
            action: ("meet", "meet", "met"),
            target: (BERG, "Anna Berg"),
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            attributed_to: None,
            confidence: 0.85,
        },
    ]
}

/// The statements, sorted by (doc, sentence, span).
pub fn statements() -> Vec<Statement> {
    rows()
        .into_iter()
        .map(|r| {
            let chars = r.text.chars().count();
            Statement {
                doc: r.doc.into(),
                sentence: r.sentence,
                span: Span::new(r.start, r.start + r.text.len()),
                char_span: CharSpan::new(r.start, r.start + chars),
                text: r.text.into(),
                actor: EntityRef {
                    id: EntityId(r.actor.0.into()),
                    mention: r.actor.1.into(),
                    pronoun: false,
                },
                action: Action {
                    label: r.action.0.into(),
                    lemma: r.action.1.into(),
                    surface: r.action.2.into(),
                },
                target: EntityRef {
                    id: EntityId(r.target.0.into()),
                    mention: r.target.1.into(),
                    pronoun: false,
                },
                polarity: r.polarity,
                modality: r.modality,
                attributed_to: r.attributed_to.map(|(id, m)| EntityRef {
                    id: EntityId(id.into()),
                    mention: m.into(),
                    pronoun: false,
                }),
                confidence: r.confidence,
                extractor: "clauses".into(),
            }
        })
        .collect()
}

/// The graph of [`statements`], built in the order given (`reverse` adds everything
/// backwards, to check that output does not depend on insertion order).
pub fn graph_in_order(reverse: bool) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let mut ents = entities();
    let mut stmts = statements();
    let mut articles = vec![
        ArticleMeta {
            id: "doc-a".into(),
            title: Some("EU & NATO agree on \"cyber\" drills".into()),
            date: Some("2026-03-01".into()),
            url: Some("https://news.example.org/a?id=1&lang=en".into()),
        },
        ArticleMeta {
            id: "doc-b".into(),
            title: Some("Union weighs alliance ties".into()),
            date: None,
            url: None,
        },
    ];
    if reverse {
        ents.reverse();
        stmts.reverse();
        articles.reverse();
    }
    for e in ents {
        g.add_entity(e);
    }
    for a in articles {
        g.add_article(a);
    }
    for s in stmts {
        let evidence = s.evidence();
        g.add_evidence(
            &s.actor.id,
            &s.action.label,
            &s.action.lemma,
            &s.target.id,
            evidence,
        )
        .expect("fixture entities exist");
    }
    g.finish();
    g
}

/// The fixture graph.
pub fn graph() -> KnowledgeGraph {
    graph_in_order(false)
}
