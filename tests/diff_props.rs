//! Properties of `diff` on generated graphs:
//!
//! - `diff(g, g)` is empty;
//! - `diff(b, a)` mirrors `diff(a, b)` (added ↔ removed, every change reversed);
//! - applying `diff(a, b)` to `a` gives `b`, and applying the reversed diff to `b` gives `a`.
//!
//! The generator draws from small pools (ids, labels, actions, documents) so that two
//! graphs share most of their ids and differ in the fields that matter.

mod diff_support;

use std::collections::BTreeSet;

use actorgraph::diff::{apply, diff};
use actorgraph::graph::{ArticleMeta, Evidence, KnowledgeGraph};
use actorgraph::model::{CharSpan, Modality, Polarity, Span};
use actorgraph::model::{Entity, EntityId, EntityType};
use diff_support::canonical;
use proptest::prelude::*;

const LABELS: [&str; 3] = ["Alpha", "Alpha Group", "Beta"];
const ALIASES: [&str; 3] = ["A", "the group", "AG"];
// "meet" and "Meet" share a slug, so one relation id can change its action's spelling.
const ACTIONS: [&str; 4] = ["meet", "Meet", "attack", "side with"];
const LEMMAS: [&str; 2] = ["meet", "side"];
const DOCS: [&str; 3] = ["d0", "d1", "d2"];

fn entity_id(i: usize) -> EntityId {
    EntityId(format!("org.e{i}"))
}

fn entity(i: usize) -> impl Strategy<Value = Entity> {
    (
        0..LABELS.len(),
        prop::sample::select(vec![EntityType::Organization, EntityType::Person]),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec!["Q1", "Q2"])),
        prop::collection::btree_set(prop::sample::select(ALIASES.to_vec()), 0..3),
        prop::option::of(0..4usize),
        prop::collection::btree_set(prop::sample::select(vec!["mayor", "chair"]), 0..2),
        (1..4usize, 1..3usize),
    )
        .prop_map(
            move |(
                label,
                kind,
                country,
                wikidata,
                aliases,
                part_of,
                roles,
                (mentions, documents),
            )| {
                Entity {
                    id: entity_id(i),
                    label: LABELS[label].into(),
                    kind,
                    country,
                    wikidata: wikidata.map(str::to_owned),
                    aliases: aliases.into_iter().map(str::to_owned).collect(),
                    part_of: part_of.map(entity_id),
                    roles: roles.into_iter().map(str::to_owned).collect(),
                    mentions,
                    documents,
                }
            },
        )
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (
        prop::sample::select(DOCS.to_vec()),
        0..3usize,
        any::<bool>(),
        prop::sample::select(vec![
            Modality::Asserted,
            Modality::Alleged,
            Modality::Denied,
        ]),
        prop::sample::select(vec![0.5f32, 0.9]),
        prop::option::of(0..4usize),
        any::<bool>(),
    )
        .prop_map(
            |(doc, sentence, negative, modality, confidence, attributed, quote)| {
                let start = sentence * 20;
                Evidence {
                    doc: doc.into(),
                    sentence,
                    span: Span::new(start, start + 10),
                    char_span: CharSpan::new(start, start + 10),
                    quote: if quote {
                        "One met two."
                    } else {
                        "One met two again."
                    }
                    .into(),
                    surface: "met".into(),
                    polarity: if negative {
                        Polarity::Negative
                    } else {
                        Polarity::Positive
                    },
                    modality,
                    attributed_to: attributed.map(entity_id),
                    confidence,
                    extractor: "clauses".into(),
                }
            },
        )
}

type RelationSpec = (usize, usize, usize, usize, Vec<Evidence>);

fn relation() -> impl Strategy<Value = RelationSpec> {
    (
        0..4usize,
        0..ACTIONS.len(),
        0..4usize,
        0..LEMMAS.len(),
        prop::collection::vec(evidence(), 1..4),
    )
}

fn article() -> impl Strategy<Value = ArticleMeta> {
    (
        prop::sample::select(DOCS.to_vec()),
        prop::option::of(prop::sample::select(vec!["T1", "T2"])),
    )
        .prop_map(|(id, title)| ArticleMeta {
            id: id.into(),
            title: title.map(str::to_owned),
            date: None,
            url: None,
        })
}

type Spec = (Vec<Entity>, Vec<RelationSpec>, Vec<ArticleMeta>);

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec(any::<bool>(), 4),
        prop::collection::vec(relation(), 0..6),
        prop::collection::vec(article(), 0..3),
    )
        .prop_flat_map(|(present, relations, articles)| {
            let present: Vec<usize> = present
                .iter()
                .enumerate()
                .filter(|(_, p)| **p)
                .map(|(i, _)| i)
                .collect();
            let entities: Vec<_> = present.iter().map(|&i| entity(i)).collect();
            (entities, Just(relations), Just(articles))
        })
}

fn graph() -> impl Strategy<Value = KnowledgeGraph> {
    spec().prop_map(|(entities, relations, articles)| build(entities, relations, articles))
}

/// One small edit of a graph's spec, so that pairs differ in a single field.
#[derive(Clone, Debug)]
enum Edit {
    /// Replace an entity with another drawn with the same id.
    Entity(usize, Entity),
    /// Change one statement's confidence.
    Confidence(usize, usize),
    /// Flip one statement's polarity.
    Polarity(usize, usize),
    /// Drop one statement.
    DropStatement(usize, usize),
    /// Add a statement to a relation.
    AddStatement(usize, Evidence),
    /// Change a relation's action spelling or lemma.
    Action(usize, usize, usize),
    /// Drop a relation spec.
    DropRelation(usize),
    /// Retitle or drop an article.
    Article(usize, Option<ArticleMeta>),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..4usize)
            .prop_flat_map(|i| (Just(i), entity(i)))
            .prop_map(|(i, e)| Edit::Entity(i, e)),
        (0..6usize, 0..3usize).prop_map(|(r, e)| Edit::Confidence(r, e)),
        (0..6usize, 0..3usize).prop_map(|(r, e)| Edit::Polarity(r, e)),
        (0..6usize, 0..3usize).prop_map(|(r, e)| Edit::DropStatement(r, e)),
        (0..6usize, evidence()).prop_map(|(r, e)| Edit::AddStatement(r, e)),
        (0..6usize, 0..ACTIONS.len(), 0..LEMMAS.len()).prop_map(|(r, a, l)| Edit::Action(r, a, l)),
        (0..6usize).prop_map(Edit::DropRelation),
        (0..3usize, prop::option::of(article())).prop_map(|(i, a)| Edit::Article(i, a)),
    ]
}

fn edit_spec(spec: &mut Spec, edit: Edit) {
    let (entities, relations, articles) = spec;
    let nr = relations.len();
    match edit {
        Edit::Entity(i, e) => {
            if let Some(slot) = entities.iter_mut().find(|x| x.id == e.id) {
                *slot = e;
            } else if !entities.is_empty() {
                let k = i % entities.len();
                let id = entities[k].id.clone();
                entities[k] = Entity { id, ..e };
            }
        }
        Edit::Confidence(r, k) if nr > 0 => {
            let ev = &mut relations[r % nr].4;
            let k = k % ev.len();
            ev[k].confidence = if ev[k].confidence > 0.7 { 0.5 } else { 0.9 };
        }
        Edit::Polarity(r, k) if nr > 0 => {
            let ev = &mut relations[r % nr].4;
            let k = k % ev.len();
            ev[k].polarity = match ev[k].polarity {
                Polarity::Positive => Polarity::Negative,
                Polarity::Negative => Polarity::Positive,
            };
        }
        Edit::DropStatement(r, k) if nr > 0 => {
            let ev = &mut relations[r % nr].4;
            if ev.len() > 1 {
                let k = k % ev.len();
                ev.remove(k);
            }
        }
        Edit::AddStatement(r, e) if nr > 0 => relations[r % nr].4.push(e),
        Edit::Action(r, a, l) if nr > 0 => {
            relations[r % nr].1 = a;
            relations[r % nr].3 = l;
        }
        Edit::DropRelation(r) if nr > 0 => {
            relations.remove(r % nr);
        }
        Edit::Article(i, a) if !articles.is_empty() => {
            let k = i % articles.len();
            match a {
                Some(a) => articles[k].title = a.title,
                None => {
                    articles.remove(k);
                }
            }
        }
        _ => {}
    }
}

/// A graph and a slightly edited copy.
fn close_pair() -> impl Strategy<Value = (KnowledgeGraph, KnowledgeGraph)> {
    (spec(), prop::collection::vec(edit(), 1..4)).prop_map(|(spec, edits)| {
        let mut edited = spec.clone();
        for e in edits {
            edit_spec(&mut edited, e);
        }
        let (e, r, a) = spec;
        let (e2, r2, a2) = edited;
        (build(e, r, a), build(e2, r2, a2))
    })
}

fn build(
    entities: Vec<Entity>,
    relations: Vec<RelationSpec>,
    articles: Vec<ArticleMeta>,
) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let ids: BTreeSet<EntityId> = entities.iter().map(|e| e.id.clone()).collect();
    for e in entities {
        g.add_entity(e);
    }
    for (actor, action, target, lemma, evidence) in relations {
        let (a, t) = (entity_id(actor), entity_id(target));
        if !ids.contains(&a) || !ids.contains(&t) {
            continue;
        }
        for e in evidence {
            g.add_evidence(&a, ACTIONS[action], LEMMAS[lemma], &t, e)
                .expect("both entities exist");
        }
    }
    for a in articles {
        g.add_article(a);
    }
    g.finish();
    g
}

fn check_mirror(a: &KnowledgeGraph, b: &KnowledgeGraph) {
    assert_eq!(diff(b, a), diff(a, b).reversed());
}

fn check_apply(a: &KnowledgeGraph, b: &KnowledgeGraph) {
    let d = diff(a, b);
    let b2 = apply(a, &d).expect("a diff fits the graph it was made from");
    assert_eq!(canonical(&b2), canonical(b));
    assert!(diff(&b2, b).is_empty());
    let a2 = apply(b, &d.reversed()).expect("the reversed diff fits the new graph");
    assert_eq!(canonical(&a2), canonical(a));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn diff_of_a_graph_with_itself_is_empty(g in graph()) {
        prop_assert!(diff(&g, &g).is_empty());
        prop_assert!(diff(&g, &g.clone()).is_empty());
    }

    #[test]
    fn diffs_mirror_each_other(a in graph(), b in graph()) {
        check_mirror(&a, &b);
    }

    #[test]
    fn applying_the_diff_gives_the_new_graph(a in graph(), b in graph()) {
        check_apply(&a, &b);
    }

    #[test]
    fn close_graphs_mirror_and_apply((a, b) in close_pair()) {
        check_mirror(&a, &b);
        check_apply(&a, &b);
    }
}

/// The action's spelling can change under one relation id (`meet` → `Meet`); the mirror
/// and apply properties must hold for that too.
#[test]
fn action_spelling_change_mirrors_and_applies() {
    let e = |i| Entity {
        id: entity_id(i),
        label: LABELS[0].into(),
        kind: EntityType::Organization,
        country: false,
        wikidata: None,
        aliases: BTreeSet::new(),
        part_of: None,
        roles: BTreeSet::new(),
        mentions: 1,
        documents: 1,
    };
    let statement = Evidence {
        doc: "d0".into(),
        sentence: 0,
        span: Span::new(0, 10),
        char_span: CharSpan::new(0, 10),
        quote: "One met two.".into(),
        surface: "met".into(),
        polarity: Polarity::Positive,
        modality: Modality::Asserted,
        attributed_to: None,
        confidence: 0.5,
        extractor: "clauses".into(),
    };
    let a = build(
        vec![e(0), e(1)],
        vec![(0, 0, 1, 0, vec![statement.clone()])],
        vec![],
    );
    let b = build(
        vec![e(0), e(1)],
        vec![(0, 1, 1, 1, vec![statement])],
        vec![],
    );
    let d = diff(&a, &b);
    assert_eq!(d.relations.changed.len(), 1);
    assert_eq!(d.relations.changed[0].fields(), ["action", "lemma"]);
    check_mirror(&a, &b);
    check_apply(&a, &b);
}
