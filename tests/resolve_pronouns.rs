//! Pronouns resolve only to a clear antecedent (`resolve::doc`'s pronoun rules): the
//! subjects before them, closest first, with type, gender and quotation marks respected;
//! anything else leaves the triple out. All sentences are written for these tests.

mod resolve_support;

use actorgraph::model::{ArgKind, SentenceKind::Body};
use resolve_support::{ids, one_doc, sent};

const PRON: ArgKind = ArgKind::Pronoun;
const NAME: ArgKind = ArgKind::Name;

#[test]
fn a_pronoun_follows_the_subject_before_it_not_the_nearest_name() {
    let (pairs, _) = one_doc(
        "chain",
        vec![
            // Lena Voss visited the Tarsk Institute .
            sent(
                0,
                Body,
                "Lena/PROPN/2/compound Voss/PROPN/3/nsubj visited/VERB/0/root the/DET/6/det Tarsk/PROPN/6/compound Institute/PROPN/3/obj ./PUNCT/3/punct",
            ),
            // She praised Pellam .
            sent(
                1,
                Body,
                "She/PRON/2/nsubj praised/VERB/0/root Pellam/PROPN/2/obj ./PUNCT/2/punct",
            ),
        ],
        &[((1, 0..1, 0, PRON), (1, 2..3, 2, NAME))],
    );
    assert_eq!(ids(&pairs), vec![Some(("person.lena-voss", "org.pellam"))]);
}

#[test]
fn another_person_named_between_subject_and_pronoun_leaves_it_out() {
    let (pairs, _) = one_doc(
        "rival",
        vec![
            // Lena Voss met Mara Quill .
            sent(
                0,
                Body,
                "Lena/PROPN/2/compound Voss/PROPN/3/nsubj met/VERB/0/root Mara/PROPN/5/compound Quill/PROPN/3/obj ./PUNCT/3/punct",
            ),
            // She praised Pellam .
            sent(
                1,
                Body,
                "She/PRON/2/nsubj praised/VERB/0/root Pellam/PROPN/2/obj ./PUNCT/2/punct",
            ),
        ],
        &[((1, 0..1, 0, PRON), (1, 2..3, 2, NAME))],
    );
    // Either woman could have praised Pellam.
    assert_eq!(ids(&pairs), vec![None]);
}

#[test]
fn the_names_of_what_was_said_do_not_rival_the_speaker() {
    let (pairs, _) = one_doc(
        "speaker",
        vec![
            // Lena Voss spoke .
            sent(
                0,
                Body,
                "Lena/PROPN/2/compound Voss/PROPN/3/nsubj spoke/VERB/0/root ./PUNCT/3/punct",
            ),
            // Tarrant thanked Mara Quill , she said .
            sent(
                1,
                Body,
                "Tarrant/PROPN/2/nsubj thanked/VERB/7/ccomp Mara/PROPN/4/compound Quill/PROPN/2/obj ,/PUNCT/2/punct she/PRON/7/nsubj said/VERB/0/root/say ./PUNCT/7/punct",
            ),
        ],
        &[((1, 5..6, 5, PRON), (1, 0..1, 0, NAME))],
    );
    assert_eq!(
        ids(&pairs),
        vec![Some(("person.lena-voss", "person.tarrant"))]
    );
}

#[test]
fn an_object_pronoun_is_never_the_subject_of_its_own_clause() {
    let (pairs, _) = one_doc(
        "object",
        vec![
            // Mara Quill arrived .
            sent(
                0,
                Body,
                "Mara/PROPN/2/compound Quill/PROPN/3/nsubj arrived/VERB/0/root ./PUNCT/3/punct",
            ),
            // Lena Voss praised her .
            sent(
                1,
                Body,
                "Lena/PROPN/2/compound Voss/PROPN/3/nsubj praised/VERB/0/root her/PRON/3/obj ./PUNCT/3/punct",
            ),
        ],
        &[((1, 0..2, 1, NAME), (1, 3..4, 3, PRON))],
    );
    assert_eq!(
        ids(&pairs),
        vec![Some(("person.lena-voss", "person.mara-quill"))]
    );
}

#[test]
fn a_title_tells_the_gender() {
    let (pairs, _) = one_doc(
        "gender",
        vec![
            // Mrs Lena Voss met Mr Oswin Tarrant .
            sent(
                0,
                Body,
                "Mrs/PROPN/3/compound Lena/PROPN/3/compound Voss/PROPN/4/nsubj met/VERB/0/root Mr/PROPN/7/compound Oswin/PROPN/7/compound Tarrant/PROPN/4/obj ./PUNCT/4/punct",
            ),
            // He praised Pellam .
            sent(
                1,
                Body,
                "He/PRON/2/nsubj praised/VERB/0/root Pellam/PROPN/2/obj ./PUNCT/2/punct",
            ),
            // She thanked Pellam .
            sent(
                2,
                Body,
                "She/PRON/2/nsubj thanked/VERB/0/root Pellam/PROPN/2/obj ./PUNCT/2/punct",
            ),
        ],
        &[
            ((1, 0..1, 0, PRON), (1, 2..3, 2, NAME)),
            ((2, 0..1, 0, PRON), (2, 2..3, 2, NAME)),
        ],
    );
    assert_eq!(
        ids(&pairs),
        vec![
            Some(("person.oswin-tarrant", "org.pellam")),
            Some(("person.lena-voss", "org.pellam")),
        ]
    );
}

#[test]
fn a_subject_that_could_be_meant_but_names_no_one_leaves_the_pronoun_out() {
    let (pairs, _) = one_doc(
        "unclear",
        vec![
            // Mr Oswin Tarrant met the minister .
            sent(
                0,
                Body,
                "Mr/PROPN/3/compound Oswin/PROPN/3/compound Tarrant/PROPN/4/nsubj met/VERB/0/root the/DET/6/det minister/NOUN/4/obj ./PUNCT/4/punct",
            ),
            // The minister said he backed Pellam .
            sent(
                1,
                Body,
                "The/DET/2/det minister/NOUN/3/nsubj said/VERB/0/root he/PRON/5/nsubj backed/VERB/3/ccomp Pellam/PROPN/5/obj ./PUNCT/3/punct",
            ),
        ],
        &[((1, 3..4, 3, PRON), (1, 5..6, 5, NAME))],
    );
    assert_eq!(ids(&pairs), vec![None]);
}

#[test]
fn it_needs_a_named_subject_and_a_common_noun_subject_blocks_it() {
    let (pairs, _) = one_doc(
        "it",
        vec![
            // Zorvik Holdings bought Pellam .
            sent(
                0,
                Body,
                "Zorvik/PROPN/2/compound Holdings/PROPN/3/nsubj bought/VERB/0/root Pellam/PROPN/3/obj ./PUNCT/3/punct",
            ),
            // It paid cash .
            sent(
                1,
                Body,
                "It/PRON/2/nsubj paid/VERB/0/root cash/NOUN/2/obj ./PUNCT/2/punct",
            ),
            // The deal angered Quorra .
            sent(
                2,
                Body,
                "The/DET/2/det deal/NOUN/3/nsubj angered/VERB/0/root Quorra/PROPN/3/obj ./PUNCT/3/punct",
            ),
            // It hurt Quorra .
            sent(
                3,
                Body,
                "It/PRON/2/nsubj hurt/VERB/0/root Quorra/PROPN/2/obj ./PUNCT/2/punct",
            ),
        ],
        &[
            ((1, 0..1, 0, PRON), (1, 2..3, 2, ArgKind::Phrase)),
            ((3, 0..1, 0, PRON), (3, 2..3, 2, NAME)),
        ],
    );
    assert_eq!(
        ids(&pairs),
        vec![Some(("org.zorvik-holdings", "thing.cash")), None]
    );
}

#[test]
fn a_pronoun_inside_a_quote_does_not_reach_outside_it() {
    let (pairs, _) = one_doc(
        "quote",
        vec![
            // Lena Voss spoke .
            sent(
                0,
                Body,
                "Lena/PROPN/2/compound Voss/PROPN/3/nsubj spoke/VERB/0/root ./PUNCT/3/punct",
            ),
            // " She praised Pellam , " said Mara Quill .
            sent(
                1,
                Body,
                "\"/PUNCT/3/punct She/PRON/3/nsubj praised/VERB/7/ccomp Pellam/PROPN/3/obj ,/PUNCT/3/punct \"/PUNCT/3/punct said/VERB/0/root Mara/PROPN/9/compound Quill/PROPN/7/nsubj ./PUNCT/7/punct",
            ),
        ],
        &[
            ((1, 1..2, 1, PRON), (1, 3..4, 3, NAME)),
            ((1, 7..9, 8, NAME), (1, 3..4, 3, NAME)),
        ],
    );
    assert_eq!(
        ids(&pairs),
        vec![None, Some(("person.mara-quill", "org.pellam"))]
    );
}

#[test]
fn a_described_person_is_the_one_the_article_gave_that_role() {
    let (pairs, _) = one_doc(
        "described",
        vec![
            // TV presenter Kat Dealey hosted the show .
            sent(
                0,
                Body,
                "TV/PROPN/2/compound presenter/NOUN/3/nmod:desc Kat/PROPN/5/nsubj Dealey/PROPN/3/flat hosted/VERB/0/root the/DET/7/det show/NOUN/5/obj ./PUNCT/5/punct",
            ),
            // The presenter praised Pellam .
            sent(
                1,
                Body,
                "The/DET/2/det presenter/NOUN/3/nsubj praised/VERB/0/root Pellam/PROPN/3/obj ./PUNCT/3/punct",
            ),
        ],
        &[((1, 0..2, 1, ArgKind::Description), (1, 3..4, 3, NAME))],
    );
    assert_eq!(ids(&pairs), vec![Some(("person.kat-dealey", "org.pellam"))]);
}

#[test]
fn the_company_is_the_lead_s_subject_before_one_named_since() {
    let (pairs, _) = one_doc(
        "lead",
        vec![
            // Zorvik Holdings sued Pellam Corp .
            sent(
                0,
                Body,
                "Zorvik/PROPN/2/compound Holdings/PROPN/3/nsubj sued/VERB/0/root Pellam/PROPN/5/compound Corp/PROPN/3/obj ./PUNCT/3/punct",
            ),
            // Pellam Corp denied wrongdoing .
            sent(
                1,
                Body,
                "Pellam/PROPN/2/compound Corp/PROPN/3/nsubj denied/VERB/0/root wrongdoing/NOUN/3/obj ./PUNCT/3/punct",
            ),
            // The company praised Tarsk .
            sent(
                2,
                Body,
                "The/DET/2/det company/NOUN/3/nsubj praised/VERB/0/root Tarsk/PROPN/3/obj ./PUNCT/3/punct",
            ),
        ],
        &[((2, 0..2, 1, ArgKind::Description), (2, 3..4, 3, NAME))],
    );
    assert_eq!(
        ids(&pairs),
        vec![Some(("org.zorvik-holdings", "org.tarsk"))]
    );
}

#[test]
fn it_before_take_or_cost_with_an_infinitive_is_no_one() {
    let (pairs, _) = one_doc(
        "extraposed",
        vec![
            // Tarsk Oil repaired the pipeline .
            sent(
                0,
                Body,
                "Tarsk/PROPN/2/compound Oil/PROPN/3/nsubj repaired/VERB/0/root the/DET/5/det pipeline/NOUN/3/obj ./PUNCT/3/punct",
            ),
            // It took Pellam a year to finish it .
            sent(
                1,
                Body,
                "It/PRON/2/nsubj took/VERB/0/root Pellam/PROPN/2/iobj a/DET/5/det year/NOUN/2/obj to/PART/7/mark finish/VERB/2/xcomp it/PRON/7/obj ./PUNCT/2/punct",
            ),
        ],
        &[((1, 0..1, 0, PRON), (1, 2..3, 2, NAME))],
    );
    // `It` is the finishing, not Tarsk Oil: the statement is left out.
    assert_eq!(ids(&pairs), vec![None]);
}
