//! Tests of name recognition, on sentences written for them.

use super::*;
use crate::model::{SentenceKind, Span};

/// The three-pass definition the one-pass [`is_acronym`] replaced.
fn is_acronym_by_counts(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let caps = word.chars().filter(|c| c.is_uppercase()).count();
    (2..=8).contains(&word.chars().count())
        && caps >= 2
        && caps == letters
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&' || c == '-')
}

#[test]
fn is_acronym_agrees_with_the_counting_definition() {
    for w in [
        "",
        "E",
        "EU",
        "U.S.",
        "G7",
        "NATO",
        "AT&T",
        "UK-EU",
        "ABCDEFGH",
        "ABCDEFGHI",
        "Eu",
        "eu",
        "ÉU",
        "ÉTATS",
        "Ⅻ",
        "ⅫⅫ",
        "G",
        "77",
        "A1",
        "A.B.",
        "US$",
        "BBC's",
        "ⒶⒷ",
        "ΑΒΓ",
    ] {
        assert_eq!(is_acronym(w), is_acronym_by_counts(w), "{w:?}");
    }
}

/// Builds a sentence from `form/UPOS/head/deprel[/XPOS]` items (head 1-based, 0 = root).
pub(crate) fn sent(index: usize, spec: &str) -> Sentence {
    let mut tokens = Vec::new();
    let mut pos = 0;
    for item in spec.split_whitespace() {
        let parts: Vec<&str> = item.split('/').collect();
        let form = parts[0].replace('_', " ");
        let upos = Upos::parse(parts[1]).expect("upos");
        let head: usize = parts[2].parse().expect("head");
        let deprel = parts[3].to_owned();
        let span = Span::new(pos, pos + form.len());
        pos += form.len() + 1;
        let lemma = if upos == Upos::Propn {
            form.clone()
        } else {
            form.to_lowercase()
        };
        tokens.push(Token {
            span,
            form,
            upos,
            xpos: parts.get(4).map_or("", |x| crate::model::intern(x)),
            lemma,
            head: head.checked_sub(1),
            deprel: crate::model::intern(&deprel),
        });
    }
    Sentence::new(index, Span::new(0, pos), SentenceKind::Body, tokens)
}

fn check(spec: &str, expect: &[(&str, EntityType)]) {
    check_sentence(&sent(0, spec), spec, expect);
}

/// The names and types `mentions` finds in `s` are `expect`.
fn check_sentence(s: &Sentence, spec: &str, expect: &[(&str, EntityType)]) {
    let got: Vec<(String, EntityType)> =
        mentions(s).into_iter().map(|m| (m.text, m.kind)).collect();
    let want: Vec<(String, EntityType)> =
        expect.iter().map(|(t, k)| ((*t).to_owned(), *k)).collect();
    assert_eq!(got, want, "{spec}");
}

#[test]
fn titles_are_stripped_and_make_persons() {
    check(
        "Sir/PROPN/3/compound Marcus/PROPN/3/flat Bell/PROPN/4/nsubj spoke/VERB/0/root ./PUNCT/4/punct",
        &[("Marcus Bell", EntityType::Person)],
    );
}

#[test]
fn a_title_word_begins_an_organisation_s_name() {
    check(
        "General/PROPN/3/compound Zorvik/PROPN/3/compound Corp/PROPN/4/nsubj rose/VERB/0/root",
        &[("General Zorvik Corp", EntityType::Organization)],
    );
}

#[test]
fn a_plural_noun_and_a_body_s_name_are_one_name() {
    check(
        "the/DET/2/det Harbours/PROPN/6/nsubj/NNPS and/CCONJ/5/cc Ports/PROPN/5/compound Commission/PROPN/2/conj fined/VERB/0/root",
        &[("Harbours and Ports Commission", EntityType::Organization)],
    );
}

#[test]
fn table_labels_and_single_letters_are_not_names() {
    check("Shr/PROPN/0/root 22/NUM/3/nummod cts/NOUN/1/appos", &[]);
    check(
        "S/PROPN/4/nsubj and/CCONJ/3/cc P/PROPN/1/conj rose/VERB/0/root",
        &[],
    );
    check("Blah/PROPN/0/root blah/NOUN/1/compound", &[]);
}

#[test]
fn head_words_make_organisations() {
    check(
        "the/DET/3/det Fisheries/PROPN/3/compound Agency/PROPN/4/nsubj met/VERB/0/root",
        &[("Fisheries Agency", EntityType::Organization)],
    );
    check(
        "the/DET/3/det Harbour/PROPN/3/compound Times/PROPN/4/nsubj wrote/VERB/0/root",
        &[("Harbour Times", EntityType::Organization)],
    );
}

#[test]
fn gazetteer_types_countries_and_acronyms() {
    check(
        "Norway/PROPN/2/nsubj joined/VERB/0/root NATO/PROPN/2/obj",
        &[
            ("Norway", EntityType::Place),
            ("NATO", EntityType::Organization),
        ],
    );
}

#[test]
fn inner_title_splits_the_run() {
    check(
        "US/PROPN/4/compound President/PROPN/4/compound Donald/PROPN/4/compound Trump/PROPN/5/nsubj left/VERB/0/root",
        &[
            ("US", EntityType::Place),
            ("Donald Trump", EntityType::Person),
        ],
    );
}

#[test]
fn prepositions_make_places() {
    check(
        "she/PRON/2/nsubj lives/VERB/0/root in/ADP/4/case Quillport/PROPN/2/obl",
        &[("Quillport", EntityType::Place)],
    );
}

#[test]
fn connectors_join_names() {
    check(
        "the/DET/2/det Bank/PROPN/5/nsubj of/ADP/4/case Lorland/PROPN/2/nmod cut/VERB/0/root rates/NOUN/5/obj",
        &[("Bank of Lorland", EntityType::Organization)],
    );
}

#[test]
fn groups_keep_their_words_and_owner() {
    let s = sent(
        0,
        "Russian/ADJ/2/amod officials/NOUN/3/nsubj denied/VERB/0/root it/PRON/3/obj",
    );
    let m = mentions(&s);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].kind, EntityType::Group);
    assert_eq!(m[0].text, "Russian officials");
    let of = m[0].group_of.as_ref().expect("owner");
    assert_eq!(of.rest, "officials");
    assert_eq!(
        of.entry.map(|e| Gazetteer::get().entry(e).label.as_str()),
        Some("Russia")
    );
}

#[test]
fn country_compound_groups() {
    let s = sent(
        0,
        "US/PROPN/3/compound intelligence/NOUN/3/compound agencies/NOUN/4/nsubj believe/VERB/0/root",
    );
    let m = mentions(&s);
    assert_eq!(
        m.iter()
            .map(|m| (m.text.as_str(), m.kind))
            .collect::<Vec<_>>(),
        vec![
            ("US", EntityType::Place),
            ("US intelligence agencies", EntityType::Group)
        ]
    );
}

#[test]
fn capital_that_acts_is_an_institution() {
    let s = sent(0, "Brussels/PROPN/2/nsubj acted/VERB/0/root");
    assert_eq!(mentions(&s)[0].kind, EntityType::Organization);
    let s = sent(
        0,
        "they/PRON/2/nsubj met/VERB/0/root in/ADP/4/case Brussels/PROPN/2/obl",
    );
    assert_eq!(mentions(&s)[0].kind, EntityType::Place);
}

#[test]
fn days_are_not_names() {
    check(
        "he/PRON/2/nsubj left/VERB/0/root on/ADP/4/case Monday/PROPN/2/obl",
        &[],
    );
}

#[test]
fn a_demonym_of_two_words_is_no_name() {
    check(
        "West/PROPN/2/compound German/PROPN/3/nsubj rose/VERB/0/root ./PUNCT/3/punct",
        &[],
    );
    check(
        "West/PROPN/2/compound Germany/PROPN/3/nsubj rose/VERB/0/root ./PUNCT/3/punct",
        &[("West Germany", EntityType::Place)],
    );
}

#[test]
fn a_demonym_stays_in_a_name_unless_the_rest_is_a_known_name() {
    // First in the sentence too: a demonym's capital says nothing about position.
    check(
        "Norwegian/ADJ/2/amod Fjordlines/PROPN/3/nsubj/NNPS said/VERB/0/root",
        &[("Norwegian Fjordlines", EntityType::Organization)],
    );
    check(
        "shares/NOUN/5/nsubj in/ADP/4/case Norwegian/ADJ/4/amod Fjordlines/PROPN/1/nmod fell/VERB/0/root",
        &[("Norwegian Fjordlines", EntityType::Organization)],
    );
    // `Russian Gazprom` is Gazprom; `West German Bundesbank` the Bundesbank.
    check(
        "Russian/ADJ/2/amod Gazprom/PROPN/3/nsubj said/VERB/0/root",
        &[("Gazprom", EntityType::Organization)],
    );
    check(
        "the/DET/4/det West/PROPN/4/compound German/ADJ/4/amod Bundesbank/PROPN/5/nsubj said/VERB/0/root",
        &[("Bundesbank", EntityType::Organization)],
    );
    // Led by a two-word demonym, an unknown name is a body, not a person.
    check(
        "West/PROPN/3/compound German/ADJ/3/amod Fjordbank/PROPN/4/nsubj said/VERB/0/root",
        &[("West German Fjordbank", EntityType::Organization)],
    );
}

/// Like [`check`], with every `'s` glued to the word before it, as the tokenizer leaves it.
fn check_glued(spec: &str, expect: &[(&str, EntityType)]) {
    let loose = sent(0, spec);
    let mut tokens = loose.tokens.clone();
    let mut shift = 0;
    for t in &mut tokens {
        if t.form == "'s" {
            shift += 1;
        }
        t.span = Span::new(t.span.start - shift, t.span.end - shift);
    }
    let end = tokens.last().map_or(0, |t| t.span.end);
    let s = Sentence::new(0, Span::new(0, end), SentenceKind::Body, tokens);
    check_sentence(&s, spec, expect);
}

#[test]
fn a_possessive_inside_a_company_s_name_keeps_it_whole() {
    check_glued(
        "Tarrow/PROPN/3/nmod:poss 's/PART/1/case Investors/NOUN/6/nsubj/NNS Service/PROPN/5/compound Inc/PROPN/6/nsubj said/VERB/0/root",
        &[("Tarrow's Investors Service Inc", EntityType::Organization)],
    );
    check_glued(
        "Dunmore/PROPN/6/nsubj and/CCONJ/3/cc Pell/PROPN/1/conj 's/PART/1/case Corp/PROPN/6/nsubj said/VERB/0/root",
        &[("Dunmore and Pell's Corp", EntityType::Organization)],
    );
    // Without a legal suffix the possessive is a boundary: Pell's investors are people.
    check_glued(
        "Pell/PROPN/3/nmod:poss 's/PART/1/case Investors/NOUN/4/nsubj/NNS said/VERB/0/root",
        &[("Pell", EntityType::Person)],
    );
}
