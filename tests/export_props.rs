//! Properties of the export on random graphs with hostile strings (quotes, `<`, `&`,
//! control characters, slashes and spaces in ids, non-ASCII): the JSON-LD reads back to the
//! same graph, and the GraphML and GEXF stay well-formed XML.

use std::collections::BTreeSet;

use actorgraph::export::{self, ExportOptions, Format, jsonld};
use actorgraph::graph::{ArticleMeta, Evidence, KnowledgeGraph};
use actorgraph::model::{CharSpan, Modality, Polarity, Span};
use actorgraph::model::{Entity, EntityId, EntityType};
use actorgraph::slug::slugify;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,12}",
        "\\PC{0,12}",
        prop::collection::vec(prop::char::any(), 0..8).prop_map(|v| v.into_iter().collect()),
        Just("<a & \"b\" 'c'>\u{1}\n\t".to_owned()),
    ]
}

/// (kind, label, wikidata, aliases, country)
type EntitySpec = (usize, String, Option<u32>, BTreeSet<String>, bool);
/// (actor, target, action, mention, quote, sentence, confidence, negative, modality, attributed)
type StatementSpec = (
    usize,
    usize,
    String,
    String,
    String,
    usize,
    u16,
    bool,
    u8,
    Option<usize>,
);

#[derive(Debug, Clone)]
struct Spec {
    entities: Vec<EntitySpec>,
    statements: Vec<StatementSpec>,
}

fn spec() -> impl Strategy<Value = Spec> {
    let entity = (
        0usize..6,
        text(),
        prop::option::of(1u32..100_000),
        prop::collection::btree_set(text(), 0..3),
        any::<bool>(),
    );
    prop::collection::vec(entity, 1..6).prop_flat_map(|entities| {
        let n = entities.len();
        let statement = (
            0..n,
            0..n,
            text(),
            text(),
            text(),
            0usize..50,
            0u16..=1000,
            any::<bool>(),
            0u8..4,
            prop::option::of(0..n),
        );
        (Just(entities), prop::collection::vec(statement, 0..8)).prop_map(
            |(entities, statements)| Spec {
                entities,
                statements,
            },
        )
    })
}

fn build(spec: &Spec) -> KnowledgeGraph {
    let mut g = KnowledgeGraph::new();
    let mut ids = Vec::new();
    for (i, (kind, label, qid, aliases, country)) in spec.entities.iter().enumerate() {
        let kind = EntityType::ALL[*kind];
        // The index keeps ids distinct whatever the label slugs to.
        let id = EntityId(format!("{}.{}{}", kind.id_prefix(), slugify(label), i));
        g.add_entity(Entity {
            id: id.clone(),
            label: label.clone(),
            kind,
            country: *country,
            wikidata: qid.map(|q| format!("Q{q}")),
            aliases: aliases.clone(),
            part_of: ids.first().cloned(),
            roles: aliases.iter().take(1).cloned().collect(),
            mentions: i * 3,
            documents: i,
        });
        ids.push(id);
    }
    for (a, b, action, doc, quote, sentence, conf, negative, modality, attributed) in
        &spec.statements
    {
        g.add_article(ArticleMeta {
            id: doc.clone(),
            title: Some(quote.clone()),
            date: None,
            url: Some(action.clone()),
        });
        let evidence = Evidence {
            doc: doc.clone(),
            sentence: *sentence,
            span: Span::new(*sentence, sentence + quote.len()),
            char_span: CharSpan::new(*sentence, sentence + quote.chars().count()),
            quote: quote.as_str().into(),
            surface: action.clone(),
            polarity: if *negative {
                Polarity::Negative
            } else {
                Polarity::Positive
            },
            modality: [
                Modality::Asserted,
                Modality::Alleged,
                Modality::Possible,
                Modality::Denied,
            ][usize::from(*modality)],
            attributed_to: attributed.map(|i| ids[i].clone()),
            confidence: f32::from(*conf) / 1000.0,
            extractor: "prop".into(),
        };
        g.add_evidence(&ids[*a], action, &slugify(action), &ids[*b], evidence)
            .expect("entities exist");
    }
    g.finish();
    g
}

fn well_formed(xml: &str) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(format!("at {}: {e}", reader.buffer_position())),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn jsonld_round_trips_and_xml_is_well_formed(spec in spec()) {
        let graph = build(&spec);
        let dir = tempfile::tempdir().expect("temp dir");
        let options = ExportOptions {
            formats: vec![Format::JsonLd, Format::GraphMl, Format::Gexf, Format::Csv],
            base_iri: export::DEFAULT_BASE_IRI.into(),
            min_confidence: 0.0,
        };
        export::write_all(dir.path(), &graph, &[], &options).expect("export");
        let back = jsonld::read_graph(&dir.path().join("graph.jsonld")).expect("read back");
        prop_assert_eq!(back.entities(), graph.entities());
        prop_assert_eq!(back.relations(), graph.relations());
        prop_assert_eq!(back.articles().collect::<Vec<_>>(), graph.articles().collect::<Vec<_>>());
        for name in ["graph.graphml", "graph.gexf"] {
            let xml = std::fs::read_to_string(dir.path().join(name)).expect("xml");
            prop_assert!(well_formed(&xml).is_ok(), "{} not well-formed: {:?}", name, well_formed(&xml));
            prop_assert!(!xml.chars().any(|c| c < ' ' && !matches!(c, '\n' | '\t' | '\r')), "{} has a control character", name);
        }
    }
}
