//! Stage 4 (resolve) through its public contract: hand-built parsed articles and
//! triples in, entities and ids out. All sentences are written for these tests.

mod resolve_support;

use actorgraph::model::{AnnotatedArticle, ArgKind, Argument, SentenceKind, Span, Triple};
use actorgraph::model::{Entity, EntityType};
use actorgraph::resolve::{self, Resolver};
use proptest::prelude::*;
use resolve_support::{arg, article, ids, one_doc, resolve_all, sent, triple};

/// Document A: a titled person with an apposition, a newspaper, a pronoun, a surname.
fn doc_a() -> (AnnotatedArticle, Vec<Triple>) {
    use SentenceKind::Body;
    let doc = article(
        "a",
        vec![
            // Sir Marcus Bell , Norway's fisheries minister , told the Harbour Gazette .
            sent(
                0,
                Body,
                "Sir/PROPN/3/compound Marcus/PROPN/3/compound Bell/PROPN/10/nsubj ,/PUNCT/8/punct Norway/PROPN/8/nmod:poss 's/PART/5/case fisheries/NOUN/8/compound minister/NOUN/3/appos ,/PUNCT/8/punct told/VERB/0/root the/DET/13/det Harbour/PROPN/13/compound Gazette/PROPN/10/obj ./PUNCT/10/punct",
            ),
            // He warned the country .
            sent(
                1,
                Body,
                "He/PRON/2/nsubj warned/VERB/0/root the/DET/4/det country/NOUN/2/obj ./PUNCT/2/punct",
            ),
            // Bell met the Commission .
            sent(
                2,
                Body,
                "Bell/PROPN/2/nsubj met/VERB/0/root the/DET/4/det Commission/PROPN/2/obj ./PUNCT/2/punct",
            ),
            // It praised him .
            sent(
                3,
                Body,
                "It/PRON/2/nsubj praised/VERB/0/root him/PRON/2/obj ./PUNCT/2/punct",
            ),
            // Photo by Ann Lee / Fjord Images
            sent(
                4,
                SentenceKind::Caption,
                "Photo/NOUN/0/root by/ADP/4/case Ann/PROPN/4/compound Lee/PROPN/1/nmod",
            ),
        ],
    );
    let t = vec![
        triple(
            arg(&doc, 0, 0..3, 2, ArgKind::Name),
            arg(&doc, 0, 11..13, 12, ArgKind::Name),
        ),
        triple(
            arg(&doc, 1, 0..1, 0, ArgKind::Pronoun),
            arg(&doc, 1, 2..4, 3, ArgKind::Description),
        ),
        triple(
            arg(&doc, 2, 0..1, 0, ArgKind::Name),
            arg(&doc, 2, 2..4, 3, ArgKind::Description),
        ),
        triple(
            arg(&doc, 3, 0..1, 0, ArgKind::Pronoun),
            arg(&doc, 3, 2..3, 2, ArgKind::Pronoun),
        ),
        triple(
            arg(&doc, 4, 2..4, 3, ArgKind::Name),
            arg(&doc, 4, 0..1, 0, ArgKind::Phrase),
        ),
    ];
    (doc, t)
}

/// Document B: the same person without the title, lower-cased surname, the acronym of
/// the newspaper, a country alias, and a group.
fn doc_b() -> (AnnotatedArticle, Vec<Triple>) {
    use SentenceKind::Body;
    let doc = article(
        "b",
        vec![
            // Marcus bell told the HG about U.S. hackers .
            sent(
                0,
                Body,
                "Marcus/PROPN/2/compound bell/NOUN/3/nsubj told/VERB/0/root the/DET/5/det HG/PROPN/3/obj about/ADP/8/case U.S./PROPN/8/compound hackers/NOUN/3/obl ./PUNCT/3/punct",
            ),
            // The Harbour Gazette ( HG ) said Russian officials attacked America .
            sent(
                1,
                Body,
                "The/DET/3/det Harbour/PROPN/3/compound Gazette/PROPN/7/nsubj (/PUNCT/5/punct HG/PROPN/3/appos )/PUNCT/5/punct said/VERB/0/root Russian/ADJ/9/amod officials/NOUN/10/nsubj attacked/VERB/7/ccomp America/PROPN/10/obj ./PUNCT/7/punct",
            ),
            // Tony Blair met Cherie Blair .
            sent(
                2,
                Body,
                "Tony/PROPN/2/compound Blair/PROPN/3/nsubj met/VERB/0/root Cherie/PROPN/5/compound Blair/PROPN/3/obj ./PUNCT/3/punct",
            ),
        ],
    );
    let t = vec![
        triple(
            arg(&doc, 0, 0..2, 1, ArgKind::Name),
            arg(&doc, 0, 3..5, 4, ArgKind::Name),
        ),
        triple(
            arg(&doc, 1, 7..9, 8, ArgKind::Group),
            arg(&doc, 1, 10..11, 10, ArgKind::Name),
        ),
        triple(
            arg(&doc, 2, 0..2, 1, ArgKind::Name),
            arg(&doc, 2, 3..5, 4, ArgKind::Name),
        ),
        triple(
            arg(&doc, 0, 0..2, 1, ArgKind::Name),
            arg(&doc, 0, 6..8, 7, ArgKind::Group),
        ),
    ];
    (doc, t)
}

/// Document C: only the surname of a person who is unique in the corpus, and another
/// Blair by surname only (ambiguous: two Blairs).
fn doc_c() -> (AnnotatedArticle, Vec<Triple>) {
    use SentenceKind::Body;
    let doc = article(
        "c",
        vec![
            // Bell thanked Blair .
            sent(
                0,
                Body,
                "Bell/PROPN/2/nsubj thanked/VERB/0/root Blair/PROPN/2/obj ./PUNCT/2/punct",
            ),
        ],
    );
    let t = vec![triple(
        arg(&doc, 0, 0..1, 0, ArgKind::Name),
        arg(&doc, 0, 2..3, 2, ArgKind::Name),
    )];
    (doc, t)
}

fn entity<'a>(es: &'a [Entity], id: &str) -> &'a Entity {
    es.iter().find(|e| e.id.as_str() == id).unwrap_or_else(|| {
        panic!(
            "no {id} in {:?}",
            es.iter().map(|e| e.id.as_str()).collect::<Vec<_>>()
        )
    })
}

#[test]
fn in_document_coreference() {
    let (pairs, es) = resolve_all(&[doc_a()]);
    assert_eq!(
        ids(&pairs),
        vec![
            Some(("person.marcus-bell", "org.harbour-gazette")),
            Some(("person.marcus-bell", "place.norway")),
            // `the Commission` is not the European one when the article names no such body.
            Some(("person.marcus-bell", "org.commission")),
            // `It` after `Bell met the Commission`: no subject names an organisation, so
            // the pronoun is left unresolved and the triple out.
            None,
            // Caption: dropped.
            None,
        ]
    );
    let bell = entity(&es, "person.marcus-bell");
    assert!(
        bell.aliases.contains("Sir Marcus Bell"),
        "{:?}",
        bell.aliases
    );
    assert!(bell.aliases.contains("Bell"));
    assert!(
        bell.roles.contains("Norway 's fisheries minister")
            || bell.roles.iter().any(|r| r.contains("fisheries minister")),
        "{:?}",
        bell.roles
    );
    assert_eq!(entity(&es, "place.norway").wikidata.as_deref(), Some("Q20"));
    assert!(entity(&es, "place.norway").country);
    assert!(
        es.iter().all(|e| !e.label.contains("Lee")),
        "credit became an entity"
    );
}

#[test]
fn across_documents() {
    let (pairs, es) = resolve_all(&[doc_a(), doc_b(), doc_c()]);
    let p = ids(&pairs);
    // b: `Marcus bell` = `Sir Marcus Bell`; `HG` = `Harbour Gazette` (defined in b).
    assert_eq!(p[5], Some(("person.marcus-bell", "org.harbour-gazette")));
    // Group node with its own words, part of Russia; America = United States.
    assert_eq!(
        p[6],
        Some(("group.russia-officials", "place.united-states"))
    );
    assert_eq!(
        entity(&es, "group.russia-officials")
            .part_of
            .as_ref()
            .map(|i| i.as_str()),
        Some("place.russia")
    );
    let hackers = p[8].map(|(_, t)| t).expect("kept");
    assert!(hackers.starts_with("group."), "{hackers}");
    assert_eq!(
        entity(&es, hackers).part_of.as_ref().map(|i| i.as_str()),
        Some("place.united-states")
    );
    // Tony Blair ≠ Cherie Blair.
    assert_eq!(p[7], Some(("person.tony-blair", "person.cherie-blair")));
    // c: `Bell` joins the only Bell of the corpus; `Blair` is ambiguous and stays apart.
    assert_eq!(p[9], Some(("person.marcus-bell", "person.blair")));
    let bell = entity(&es, "person.marcus-bell");
    assert_eq!(bell.documents, 3);
    assert!(bell.aliases.contains("Marcus bell"));
    let hg = entity(&es, "org.harbour-gazette");
    assert!(hg.aliases.contains("HG"));
}

#[test]
fn finish_does_not_depend_on_order() {
    let docs = [doc_a(), doc_b(), doc_c()];
    let (p1, e1) = resolve_all(&docs);
    let rev = [doc_c(), doc_b(), doc_a()];
    let (p2, e2) = resolve_all(&rev);
    assert_eq!(e1, e2);
    let mut p1s: Vec<_> = p1.into_iter().flatten().collect();
    let mut p2s: Vec<_> = p2.into_iter().flatten().collect();
    p1s.sort();
    p2s.sort();
    assert_eq!(p1s, p2s);
    let ids: Vec<&str> = e1.iter().map(|e| e.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(ids, sorted, "ids sorted and unique");
}

#[test]
fn every_returned_local_id_maps_to_an_entity() {
    let docs = [doc_a(), doc_b(), doc_c()];
    let mut r = Resolver::new();
    let mut all = Vec::new();
    for (doc, triples) in &docs {
        let d = resolve::document(doc, triples);
        for i in 0..triples.len() {
            if let Some(rf) = d.refs(i) {
                all.push((doc.article.id.clone(), rf));
            }
        }
        r.add(&doc.article.id, d);
    }
    let res = r.finish();
    for (doc, rf) in &all {
        assert!(res.entity_id(doc, rf.actor).is_some());
        assert!(res.entity_id(doc, rf.target).is_some());
    }
    let es = res.into_entities();
    assert!(es.iter().any(|e| e.kind == EntityType::Group));
}

#[test]
fn phrases_become_things() {
    use SentenceKind::Body;
    let doc = article(
        "p",
        vec![sent(
            0,
            Body,
            "Norway/PROPN/2/nsubj rejected/VERB/0/root the/DET/4/det proposal/NOUN/2/obj ./PUNCT/2/punct",
        )],
    );
    let t = vec![triple(
        arg(&doc, 0, 0..1, 0, ArgKind::Name),
        arg(&doc, 0, 2..4, 3, ArgKind::Phrase),
    )];
    let (pairs, es) = resolve_all(&[(doc, t)]);
    assert_eq!(
        ids(&pairs),
        vec![Some(("place.norway", "thing.proposal.p"))]
    );
    assert_eq!(entity(&es, "thing.proposal.p").kind, EntityType::Other);
}

#[test]
fn byline_actor_is_dropped() {
    let doc = article(
        "y",
        vec![sent(
            0,
            SentenceKind::Byline,
            "Ann/PROPN/2/compound Lee/PROPN/3/nsubj reports/VERB/0/root Norway/PROPN/3/obj",
        )],
    );
    let t = vec![triple(
        arg(&doc, 0, 0..2, 1, ArgKind::Name),
        arg(&doc, 0, 3..4, 3, ArgKind::Name),
    )];
    let (pairs, _) = resolve_all(&[(doc, t)]);
    assert_eq!(pairs, vec![None]);
}

fn arb_kind() -> impl Strategy<Value = ArgKind> {
    prop_oneof![
        Just(ArgKind::Name),
        Just(ArgKind::Group),
        Just(ArgKind::Pronoun),
        Just(ArgKind::Description),
        Just(ArgKind::Phrase),
        Just(ArgKind::Unknown),
    ]
}

fn arb_arg() -> impl Strategy<Value = Argument> {
    (
        0usize..6,
        0usize..20,
        0usize..20,
        0usize..25,
        arb_kind(),
        "[A-Za-z .']{0,12}",
    )
        .prop_map(|(s, a, b, h, kind, text)| {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            Argument {
                text,
                span: Span::new(0, 0),
                sentence: s,
                tokens: lo..hi,
                head: h,
                kind,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_triples_never_panic(args in proptest::collection::vec((arb_arg(), arb_arg(), proptest::option::of(arb_arg())), 0..8)) {
        let (doc, _) = doc_a();
        let triples: Vec<Triple> = args
            .into_iter()
            .map(|(a, t, s)| {
                let mut tr = triple(a, t);
                tr.attributed_to = s;
                tr
            })
            .collect();
        let d = resolve::document(&doc, &triples);
        let mut r = Resolver::new();
        let refs: Vec<_> = (0..triples.len()).map(|i| d.refs(i)).collect();
        r.add("a", d);
        let res = r.finish();
        for rf in refs.into_iter().flatten() {
            prop_assert!(res.entity_id("a", rf.actor).is_some());
            prop_assert!(res.entity_id("a", rf.target).is_some());
        }
    }
}

/// Document D: a metonym subject puts its country in focus; `X (Y)` aliases; a credit
/// line written as body text.
fn doc_d() -> (AnnotatedArticle, Vec<Triple>) {
    use SentenceKind::Body;
    let doc = article(
        "d",
        vec![
            // Norway criticized Sweden .
            sent(
                0,
                Body,
                "Norway/PROPN/2/nsubj criticized/VERB/0/root Sweden/PROPN/2/obj ./PUNCT/2/punct",
            ),
            // The Kremlin says the country was targeted .
            sent(
                1,
                Body,
                "The/DET/2/det Kremlin/PROPN/3/nsubj says/VERB/0/root the/DET/5/det country/NOUN/7/nsubj:pass was/AUX/7/aux:pass targeted/VERB/3/ccomp ./PUNCT/3/punct",
            ),
            // Experts blamed ZX 41 ( Grey Heron ) .
            sent(
                2,
                Body,
                "Experts/NOUN/2/nsubj blamed/VERB/0/root ZX/PROPN/2/obj 41/NUM/3/nummod (/PUNCT/7/punct Grey/PROPN/7/compound Heron/PROPN/3/appos )/PUNCT/7/punct",
            ),
            // Photo : Ann Lee | Fjord Agency
            sent(
                3,
                Body,
                "Photo/NOUN/0/root :/PUNCT/1/punct Ann/PROPN/4/compound Lee/PROPN/1/appos |/PUNCT/7/punct Fjord/PROPN/7/compound Agency/PROPN/1/list",
            ),
        ],
    );
    let t = vec![
        triple(
            arg(&doc, 1, 1..2, 1, ArgKind::Name),
            arg(&doc, 1, 3..5, 4, ArgKind::Description),
        ),
        triple(
            arg(&doc, 2, 0..1, 0, ArgKind::Phrase),
            arg(&doc, 2, 2..4, 2, ArgKind::Name),
        ),
        triple(
            arg(&doc, 3, 2..4, 3, ArgKind::Name),
            arg(&doc, 3, 5..7, 6, ArgKind::Name),
        ),
    ];
    (doc, t)
}

#[test]
fn metonym_focus_aliases_and_credit_lines() {
    let (pairs, es) = resolve_all(&[doc_d()]);
    assert_eq!(
        ids(&pairs),
        vec![
            Some(("org.kremlin", "place.russia")),
            Some(("thing.experts", "org.grey-heron")),
            None
        ]
    );
    assert_eq!(
        entity(&es, "org.kremlin")
            .part_of
            .as_ref()
            .map(|i| i.as_str()),
        Some("place.russia")
    );
    assert!(entity(&es, "org.grey-heron").aliases.contains("ZX 41"));
    assert!(es.iter().all(|e| !e.label.contains("Ann Lee")));
}

#[test]
fn titles_expletives_and_known_phrases() {
    use SentenceKind::Body;
    let doc = article(
        "e",
        vec![
            // President Ivan Petrov signed the treaty .
            sent(
                0,
                Body,
                "President/PROPN/4/nsubj Ivan/PROPN/3/compound Petrov/PROPN/1/appos signed/VERB/0/root the/DET/6/det treaty/NOUN/4/obj ./PUNCT/4/punct",
            ),
            // It follows from WikiLeaks .
            sent(
                1,
                Body,
                "It/PRON/2/expl follows/VERB/0/root from/ADP/4/case WikiLeaks/NOUN/2/obl ./PUNCT/2/punct",
            ),
            // Petrov praised WikiLeaks .
            sent(
                2,
                Body,
                "Petrov/PROPN/2/nsubj praised/VERB/0/root WikiLeaks/NOUN/2/obj ./PUNCT/2/punct",
            ),
        ],
    );
    let t = vec![
        triple(
            arg(&doc, 0, 0..1, 0, ArgKind::Name),
            arg(&doc, 0, 4..6, 5, ArgKind::Phrase),
        ),
        triple(
            arg(&doc, 1, 0..1, 0, ArgKind::Pronoun),
            arg(&doc, 1, 3..4, 3, ArgKind::Phrase),
        ),
        triple(
            arg(&doc, 2, 0..1, 0, ArgKind::Name),
            arg(&doc, 2, 2..3, 2, ArgKind::Phrase),
        ),
    ];
    let (pairs, es) = resolve_all(&[(doc, t)]);
    // A title alone is the person named after it; an expletive `it` is dropped.
    assert_eq!(
        ids(&pairs),
        vec![
            Some(("person.ivan-petrov", "thing.treaty.e")),
            None,
            Some(("person.ivan-petrov", "org.wikileaks"))
        ]
    );
    assert_eq!(
        entity(&es, "org.wikileaks").wikidata.as_deref(),
        Some("Q359")
    );
    assert!(
        entity(&es, "person.ivan-petrov")
            .roles
            .contains("President")
    );
}

#[test]
fn a_country_in_parentheses_is_a_nationality_not_another_name() {
    use SentenceKind::Body;
    // Lena Voss ( US ) beat Mara Quill ( Canada ) .
    let (pairs, _) = one_doc(
        "paren",
        vec![sent(
            0,
            Body,
            "Lena/PROPN/2/compound Voss/PROPN/6/nsubj (/PUNCT/4/punct US/PROPN/2/appos )/PUNCT/4/punct beat/VERB/0/root Mara/PROPN/8/compound Quill/PROPN/6/obj (/PUNCT/10/punct Canada/PROPN/8/appos )/PUNCT/10/punct ./PUNCT/6/punct",
        )],
        &[
            ((0, 0..2, 1, ArgKind::Name), (0, 3..4, 3, ArgKind::Name)),
            ((0, 0..2, 1, ArgKind::Name), (0, 6..8, 7, ArgKind::Name)),
            ((0, 6..8, 7, ArgKind::Name), (0, 9..10, 9, ArgKind::Name)),
        ],
    );
    assert_eq!(
        ids(&pairs),
        vec![
            Some(("person.lena-voss", "place.united-states")),
            Some(("person.lena-voss", "person.mara-quill")),
            Some(("person.mara-quill", "place.canada")),
        ]
    );
}

#[test]
fn a_name_containing_a_country_acronym_is_not_its_expansion() {
    use SentenceKind::Body;
    // U.S. Sarvex said the U.S. economy slowed .
    let (pairs, _) = one_doc(
        "acr",
        vec![sent(
            0,
            Body,
            "U.S./PROPN/2/compound Sarvex/PROPN/3/nsubj said/VERB/0/root the/DET/6/det U.S./PROPN/6/compound economy/NOUN/7/nsubj slowed/VERB/3/ccomp ./PUNCT/3/punct",
        )],
        &[((0, 0..2, 1, ArgKind::Name), (0, 4..5, 4, ArgKind::Name))],
    );
    assert_eq!(
        ids(&pairs),
        vec![Some(("org.u-s-sarvex", "place.united-states"))]
    );
}

fn exchange_doc(id: &str, city: &str) -> (AnnotatedArticle, Vec<Triple>) {
    use SentenceKind::Body;
    // The <City> Stock Exchange fined Zorvik . The Exchange fined Pellam .
    let doc = article(
        id,
        vec![
            sent(
                0,
                Body,
                &format!(
                    "The/DET/4/det {city}/PROPN/4/compound Stock/PROPN/4/compound Exchange/PROPN/5/nsubj fined/VERB/0/root Zorvik/PROPN/5/obj ./PUNCT/5/punct"
                ),
            ),
            sent(
                1,
                Body,
                "The/DET/2/det Exchange/PROPN/3/nsubj fined/VERB/0/root Pellam/PROPN/3/obj ./PUNCT/3/punct",
            ),
        ],
    );
    let t = vec![
        triple(
            arg(&doc, 0, 1..4, 3, ArgKind::Name),
            arg(&doc, 0, 5..6, 5, ArgKind::Name),
        ),
        triple(
            arg(&doc, 1, 1..2, 1, ArgKind::Name),
            arg(&doc, 1, 3..4, 3, ArgKind::Name),
        ),
    ];
    (doc, t)
}

#[test]
fn a_bare_head_word_does_not_join_two_bodies_of_one_kind() {
    let (pairs, es) = resolve_all(&[exchange_doc("x1", "Dunmore"), exchange_doc("x2", "Kelby")]);
    let actors: Vec<&str> = pairs
        .iter()
        .map(|p| p.as_ref().expect("kept").0.as_str())
        .collect();
    assert_eq!(
        actors,
        vec![
            "org.dunmore-stock-exchange",
            "org.dunmore-stock-exchange",
            "org.kelby-stock-exchange",
            "org.kelby-stock-exchange",
        ]
    );
    assert!(
        !entity(&es, "org.kelby-stock-exchange")
            .aliases
            .contains("Exchange")
    );
}

#[test]
fn descriptions_with_other_modifiers_or_plural_heads_stay_apart() {
    use SentenceKind::Body;
    let (pairs, _) = one_doc(
        "desc",
        vec![
            // The Harlow Stock Exchange fined Zorvik .
            sent(
                0,
                Body,
                "The/DET/4/det Harlow/PROPN/4/compound Stock/PROPN/4/compound Exchange/PROPN/5/nsubj fined/VERB/0/root Zorvik/PROPN/5/obj ./PUNCT/5/punct",
            ),
            // The Frankfurt exchange fined the unions .
            sent(
                1,
                Body,
                "The/DET/3/det Frankfurt/PROPN/3/compound exchange/NOUN/4/nsubj fined/VERB/0/root the/DET/6/det unions/NOUN/4/obj/union ./PUNCT/4/punct",
            ),
            // The exchange fined the union .
            sent(
                2,
                Body,
                "The/DET/2/det exchange/NOUN/3/nsubj fined/VERB/0/root the/DET/5/det union/NOUN/3/obj ./PUNCT/3/punct",
            ),
        ],
        &[
            ((0, 1..4, 3, ArgKind::Name), (0, 5..6, 5, ArgKind::Name)),
            (
                (1, 0..3, 2, ArgKind::Description),
                (1, 4..6, 5, ArgKind::Description),
            ),
            (
                (2, 0..2, 1, ArgKind::Description),
                (2, 3..5, 4, ArgKind::Description),
            ),
        ],
    );
    assert_eq!(
        ids(&pairs),
        vec![
            Some(("org.harlow-stock-exchange", "org.zorvik")),
            // Unresolved descriptions of bodies are organisations by their head noun.
            Some(("org.frankfurt-exchange", "org.unions.desc")),
            // The named exchange; `the union` is no EU when the article names none. Both
            // unions are this article's own (their ids carry its id).
            Some(("org.harlow-stock-exchange", "org.union.desc")),
        ]
    );
}

#[test]
fn a_station_named_after_a_city_lends_no_surname() {
    use SentenceKind::Body;
    // BBC Harwick reported Pellam .
    let d1 = article(
        "s1",
        vec![sent(
            0,
            Body,
            "BBC/PROPN/2/compound Harwick/PROPN/3/nsubj reported/VERB/0/root Pellam/PROPN/3/obj ./PUNCT/3/punct",
        )],
    );
    // Fans in Harwick cheered Zorvik .
    let d2 = article(
        "s2",
        vec![sent(
            0,
            Body,
            "Fans/NOUN/5/nsubj in/ADP/3/case Harwick/PROPN/1/nmod cheered/VERB/0/root Zorvik/PROPN/4/obj ./PUNCT/4/punct",
        )],
    );
    let t1 = vec![triple(
        arg(&d1, 0, 0..2, 1, ArgKind::Name),
        arg(&d1, 0, 3..4, 3, ArgKind::Name),
    )];
    let t2 = vec![triple(
        arg(&d2, 0, 2..3, 2, ArgKind::Name),
        arg(&d2, 0, 4..5, 4, ArgKind::Name),
    )];
    let (pairs, _) = resolve_all(&[(d1, t1), (d2, t2)]);
    assert_eq!(pairs[0].as_ref().expect("kept").0, "org.bbc-harwick");
    assert_eq!(pairs[1].as_ref().expect("kept").0, "place.harwick");
}

#[test]
fn a_title_links_to_the_one_person_who_carries_it_in_the_article() {
    use SentenceKind::Body;
    let (pairs, _) = one_doc(
        "title",
        vec![
            // Chancellor Oswin Tarrant met Pellam .
            sent(
                0,
                Body,
                "Chancellor/PROPN/3/compound Oswin/PROPN/3/compound Tarrant/PROPN/4/nsubj met/VERB/0/root Pellam/PROPN/4/obj ./PUNCT/4/punct",
            ),
            // The chancellor praised the minister .
            sent(
                1,
                Body,
                "The/DET/2/det chancellor/NOUN/3/nsubj praised/VERB/0/root the/DET/5/det minister/NOUN/3/obj ./PUNCT/3/punct",
            ),
        ],
        &[
            ((0, 0..3, 2, ArgKind::Name), (0, 4..5, 4, ArgKind::Name)),
            (
                (1, 0..2, 1, ArgKind::Description),
                (1, 3..5, 4, ArgKind::Description),
            ),
        ],
    );
    assert_eq!(
        ids(&pairs),
        vec![
            Some(("person.oswin-tarrant", "org.pellam")),
            // No minister is named: `the minister` stays a phrase, typed by its head.
            Some(("person.oswin-tarrant", "person.minister.title")),
        ]
    );
}

#[test]
fn a_single_letter_argument_is_dropped() {
    use SentenceKind::Body;
    // P rose .
    let (pairs, _) = one_doc(
        "letter",
        vec![sent(
            0,
            Body,
            "P/NOUN/2/nsubj rose/VERB/0/root Zorvik/PROPN/2/obj ./PUNCT/2/punct",
        )],
        &[((0, 0..1, 0, ArgKind::Name), (0, 2..3, 2, ArgKind::Name))],
    );
    assert_eq!(ids(&pairs), vec![None]);
}

#[test]
fn the_company_is_the_article_s_main_company_and_the_government_its_country_s() {
    use SentenceKind::Body;
    let (pairs, _) = resolve_support::one_doc(
        "company",
        vec![
            // Zorvik Holdings bought Pellam .
            sent(
                0,
                Body,
                "Zorvik/PROPN/2/compound Holdings/PROPN/3/nsubj bought/VERB/0/root Pellam/PROPN/3/obj ./PUNCT/3/punct",
            ),
            // The company thanked Norway .
            sent(
                1,
                Body,
                "The/DET/2/det company/NOUN/3/nsubj thanked/VERB/0/root Norway/PROPN/3/obj ./PUNCT/3/punct",
            ),
            // The government welcomed the company .
            sent(
                2,
                Body,
                "The/DET/2/det government/NOUN/3/nsubj welcomed/VERB/0/root the/DET/5/det company/NOUN/3/obj ./PUNCT/3/punct",
            ),
        ],
        &[
            ((0, 0..2, 1, ArgKind::Name), (0, 3..4, 3, ArgKind::Name)),
            (
                (1, 0..2, 1, ArgKind::Description),
                (1, 3..4, 3, ArgKind::Name),
            ),
            (
                (2, 0..2, 1, ArgKind::Description),
                (2, 3..5, 4, ArgKind::Description),
            ),
        ],
    );
    assert_eq!(
        ids(&pairs),
        vec![
            Some(("org.zorvik-holdings", "org.pellam")),
            Some(("org.zorvik-holdings", "place.norway")),
            Some(("group.norway-government", "org.zorvik-holdings")),
        ]
    );
}

#[test]
fn a_name_whose_shares_trade_is_an_organisation() {
    use SentenceKind::Body;
    let (pairs, es) = resolve_support::one_doc(
        "shares",
        vec![
            // Voss Kettering met Mara Quill .
            sent(
                0,
                Body,
                "Voss/PROPN/2/compound Kettering/PROPN/3/nsubj met/VERB/0/root Mara/PROPN/5/compound Quill/PROPN/3/obj ./PUNCT/3/punct",
            ),
            // Voss Kettering shares fell .
            sent(
                1,
                Body,
                "Voss/PROPN/2/compound Kettering/PROPN/3/compound shares/NOUN/4/nsubj/share fell/VERB/0/root ./PUNCT/4/punct",
            ),
        ],
        &[((0, 0..2, 1, ArgKind::Name), (0, 3..5, 4, ArgKind::Name))],
    );
    assert_eq!(
        ids(&pairs),
        vec![Some(("org.voss-kettering", "person.mara-quill"))]
    );
    let e = es
        .iter()
        .find(|e| e.id.0 == "org.voss-kettering")
        .expect("entity");
    assert_eq!(e.kind, EntityType::Organization);
}

/// An article where `the board` approved `the merger`, analysts praised the Redhaven
/// council, and its spokesman blamed inflation.
fn board_doc(id: &str) -> (AnnotatedArticle, Vec<Triple>) {
    use SentenceKind::Body;
    let doc = article(
        id,
        vec![
            // The board approved the merger .
            sent(
                0,
                Body,
                "The/DET/2/det board/NOUN/3/nsubj approved/VERB/0/root the/DET/5/det merger/NOUN/3/obj ./PUNCT/3/punct",
            ),
            // Analysts praised the Redhaven council .
            sent(
                1,
                Body,
                "Analysts/NOUN/2/nsubj/analyst praised/VERB/0/root the/DET/5/det Redhaven/PROPN/5/compound council/NOUN/2/obj ./PUNCT/2/punct",
            ),
            // Its spokesman blamed inflation .
            sent(
                2,
                Body,
                "Its/PRON/2/nmod:poss spokesman/NOUN/3/nsubj blamed/VERB/0/root inflation/NOUN/3/obj ./PUNCT/3/punct",
            ),
        ],
    );
    let t = vec![
        triple(
            arg(&doc, 0, 1..2, 1, ArgKind::Phrase),
            arg(&doc, 0, 4..5, 4, ArgKind::Phrase),
        ),
        triple(
            arg(&doc, 1, 0..1, 0, ArgKind::Phrase),
            arg(&doc, 1, 3..5, 4, ArgKind::Phrase),
        ),
        triple(
            arg(&doc, 2, 1..2, 1, ArgKind::Phrase),
            arg(&doc, 2, 3..4, 3, ArgKind::Phrase),
        ),
    ];
    (doc, t)
}

#[test]
fn a_phrase_for_one_thing_of_its_article_joins_no_other_article() {
    let (pairs, es) = resolve_all(&[board_doc("north"), board_doc("south")]);
    let got = ids(&pairs);
    // `the board`, `the merger`, `its spokesman` and the people and bodies of a story
    // (`analysts`) are each article's own, their ids carrying the article's; a name
    // (`the Redhaven council`) and a bare idea (`inflation`) are the same everywhere.
    for (doc, half) in [("north", &got[..3]), ("south", &got[3..])] {
        let own = |id: &str| format!("{id}.{doc}");
        assert_eq!(
            half[0],
            Some((own("org.board").as_str(), own("thing.merger").as_str()))
        );
        let (analysts, council) = half[1].expect("kept");
        assert!(
            analysts.ends_with(&format!(".analysts.{doc}")),
            "{analysts}"
        );
        assert_eq!(council, "org.redhaven-council");
        assert_eq!(
            half[2],
            Some((own("person.spokesman").as_str(), "thing.inflation"))
        );
    }
    let board = entity(&es, "org.board.north");
    assert_eq!((board.kind, board.documents), (EntityType::Organization, 1));
    assert_eq!(entity(&es, "org.redhaven-council").documents, 2);
    assert_eq!(entity(&es, "thing.inflation").documents, 2);
}
