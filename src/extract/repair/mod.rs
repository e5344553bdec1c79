//! Tree repairs: local, general fixes for dependency-parse errors that our parser makes
//! on news text and that would otherwise cost a statement or give it the wrong actor.
//!
//! Each repair recognises a configuration that a well-formed tree of English cannot have
//! (two subjects on one verb, a relative clause in which `that` has no role) or a
//! lemma the lemmatiser cut short, and rewrites only the arcs involved. They run once,
//! in order, when a [`Parse`](super::Parse) is built:
//!
//! 1. [`split_name`]: `Ann Lee, Bo Chan and Cy Park` parsed with `Bo` and `Chan` as two
//!    conjuncts: two capitalised proper nouns with nothing between them are one name.
//!    [`coordinated_name`]: `The Securities and Exchange Commission fined …` parsed as
//!    two conjuncts: a capitalised plural common noun coordinated with a name of two or
//!    more capitalised words right after it begins that name.
//! 2. [`flat_name_head`]: `Julian Okafor` with the first name tagged as an adjective
//!    heading the surname as `flat`: it is a proper noun.
//!    [`title_chain`]: `East Ruritanian Finance Minister Anna Novak met …` parsed
//!    with `West` heading the run and the person its conjunct (or a second subject): a
//!    title followed by a first name at the end of a run of capitalised words makes that
//!    person the head of the run.
//! 3. [`adverb_root`]: `However, Jane Doe, the party's chair conceded that …` parsed with
//!    the adverb as the root and the verb as a clause of the subject's apposition: the
//!    verb is the root and takes the subject.
//!    [`closing_reporter`]: `The plan will fail, an official predicted.` parsed with
//!    the reporting verb as an adverbial clause of `fail`: a reporting verb with its own
//!    subject and nothing else, after a comma, closing the sentence, is the main verb
//!    and what it follows its complement.
//! 4. [`possessor_subject`]: `Ruritania's Prime Minister Jane Doe warned` parsed with both
//!    `Ruritania` and `Doe` as subjects: the one carrying `'s` is the possessor of the
//!    next one.
//! 5. [`subordinator_subject`]: `The dispute began after the ministry published a report`
//!    parsed with `after` as a preposition of `ministry` and two subjects on `published`:
//!    `after` is the mark of the clause and the first subject does not belong to it.
//! 6. [`that_as_subject`]: `Officials warned that the plan would fail` parsed with `that`
//!    as a second subject of `fail`: it is the clause's subordinator.
//! 7. [`fronted_apposition`]: `The country's finance minister, Jane Doe warned` parsed with
//!    the title phrase as a bare oblique or a second subject of the verb: it is an
//!    apposition of the subject.
//! 8. [`name_before_apposition`]: `Jane Doe, the minister's chief of staff said` parsed
//!    with the name as a compound of `chief`: the name heads the subject and the
//!    description is its apposition.
//! 9. [`quoted_speaker`]: `"We will appeal," Jane Doe, the club's lawyer, told reporters`
//!    parsed with the speaker hanging inside the quotation: it is the reporting verb's
//!    subject.
//! 10. [`complement_as_relative`]: `She warned on Monday that the talks would fail` parsed
//!     with the `that` clause as a relative clause of `Monday`: when `that` has no role
//!     inside the clause and the clause has its own subject, it is the reporting verb's
//!     complement.
//! 11. [`caseless_nmod`]: `used the broker Helix Capital accounts` parsed with
//!     `accounts` a bare `nmod` of `broker`: a noun right after a noun, with no
//!     preposition, heads the phrase.
//! 12. [`participle_as_object`]: `The report says Ruritania has "meddled" in the vote`
//!     parsed (the quotes derail it) with `has` as the main verb and `meddled` as its
//!     object: a past participle cannot be the object of `have`, it is the predicate and
//!     `have` its auxiliary.
//! 13. [`stative_adjective`]: `Two firms were involved in the fraud` parsed with
//!     `involved` as an adjective after a copula: a participle of the stative-passive
//!     lexicon (`involve`, `engage`, `implicate`…) is the passive verb.
//! 14. [`adjective_after_have`]: `The minister had repeatedly denied bribery claims`
//!     parsed with `denied` as an adjective of `claims` and `had` as the verb: a
//!     participle right after `have` whose verb is a reporting or support verb of the
//!     lexicon (and not a hedge like `alleged`) is the predicate.
//! 15. [`perfect_adjective`]: the same participle parsed as an adjective that carries
//!     `had` as its auxiliary: an adjective takes no perfect `have`, it is the verb.
//! 16. [`subject_before_clause`]: `Governor-elect Jane Doe had rejected the offer` parsed
//!     with `Doe` the object of `elect` and `rejected` a subjectless `parataxis`: a clause
//!     with an auxiliary needs a subject, and the name right before it is it.
//! 17. [`bare_complement`]: `She denied the payments had reached the party` parsed with
//!     `payments` as the object of `denied` and `reached` hanging elsewhere without a
//!     subject: a finite clause with no subject right after a reporting verb's object is
//!     the verb's complement, and the object is its subject.
//! 18. [`that_with_object`]: `He said that local courts blocked the plan` parsed with
//!     `that` (the verb's object or complement) taking `courts` as its object and
//!     `blocked` as a reduced relative of `courts`: a subordinating `that` heads no noun,
//!     so the participle-looking verb is the reported clause and the noun its subject.
//! 19. [`gerund_after_event_noun`]: `She was accused of involvement in planning the raid`
//!     parsed with `planning` a clause of `accused`: a gerund right after an event noun
//!     (`involvement in planning`) belongs to the noun.
//! 20. [`lemma_final_e`]: a reporting verb lemmatised without its final `e`
//!     (`conceded` → `conced`) gets it back when the lexicon knows the full lemma.
//! 22. [`description_before_name`]: `Ruritanian publishing group Harbour News & Media is
//!     buying` parsed with `group` and the words of the name as subjects: the name heads,
//!     the description is its compound (run after [`possessor_subject`]).
//! 21. [`currency_amount`]: `more than pounds 7m in gifts` parsed with `m` a conjunct
//!     of `pounds`: a currency noun right before a number takes it (and its magnitude).
//!
//! The parsers we train differ in their habits, so a repair accepts the configurations
//! of more than one of them (`that` as the object or as the complement of `said`), and
//! leaves a tree that is already right alone.

use crate::model::Token;

mod clauses;
mod draft;
mod names;
mod participles;
mod subjects;

pub(crate) use self::draft::Draft;

use self::clauses::{
    adverb_root, bare_complement, caseless_nmod, closing_reporter, complement_as_relative,
    gerund_after_event_noun, that_with_object,
};
use self::names::{
    coordinated_name, flat_name_head, fronted_apposition, name_before_apposition, quoted_speaker,
    split_name, title_chain,
};
use self::participles::{
    adjective_after_have, currency_amount, lemma_final_e, participle_as_object, perfect_adjective,
    stative_adjective,
};
use self::subjects::{
    description_before_name, possessor_subject, subject_before_clause, subordinator_subject,
    that_as_subject,
};

/// Runs every repair, in order.
pub(crate) fn apply(d: &mut Draft<'_>, tokens: &[Token]) {
    split_name(d, tokens);
    coordinated_name(d, tokens);
    flat_name_head(d, tokens);
    title_chain(d, tokens);
    adverb_root(d, tokens);
    closing_reporter(d);
    possessor_subject(d);
    description_before_name(d, tokens);
    subordinator_subject(d);
    that_as_subject(d);
    fronted_apposition(d, tokens);
    name_before_apposition(d);
    quoted_speaker(d, tokens);
    complement_as_relative(d);
    caseless_nmod(d);
    participle_as_object(d, tokens);
    stative_adjective(d, tokens);
    adjective_after_have(d, tokens);
    perfect_adjective(d, tokens);
    subject_before_clause(d);
    bare_complement(d);
    that_with_object(d, tokens);
    gerund_after_event_noun(d, tokens);
    lemma_final_e(d, tokens);
    currency_amount(d);
}

#[cfg(test)]
mod tests {
    use super::participles::participle_verb;
    use super::*;
    use crate::model::{Span, Upos};

    /// Tokens from `form lemma UPOS XPOS head rel` rows (heads 1-based, 0 = root).
    fn tokens(rows: &[&str]) -> Vec<Token> {
        rows.iter()
            .map(|r| {
                let f: Vec<&str> = r.split_whitespace().collect();
                let head: usize = f[4].parse().expect("head");
                Token {
                    span: Span::new(0, 0),
                    form: f[0].to_owned(),
                    lemma: f[1].to_owned(),
                    upos: match f[2] {
                        "PROPN" => Upos::Propn,
                        "NOUN" => Upos::Noun,
                        "VERB" => Upos::Verb,
                        "AUX" => Upos::Aux,
                        "ADJ" => Upos::Adj,
                        "ADP" => Upos::Adp,
                        "DET" => Upos::Det,
                        "PART" => Upos::Part,
                        "SCONJ" => Upos::Sconj,
                        "CCONJ" => Upos::Cconj,
                        "ADV" => Upos::Adv,
                        "PRON" => Upos::Pron,
                        "NUM" => Upos::Num,
                        _ => Upos::Punct,
                    },
                    xpos: crate::model::intern(f[3]),
                    head: head.checked_sub(1),
                    deprel: crate::model::intern(f[5]),
                }
            })
            .collect()
    }

    fn repaired(toks: &[Token]) -> (Vec<Option<usize>>, Vec<String>, Vec<String>) {
        let d = repaired_draft(toks);
        let rels = d.rels.iter().map(|r| (*r).to_owned()).collect();
        (d.heads, rels, d.lemmas)
    }

    fn repaired_draft(toks: &[Token]) -> Draft<'_> {
        let mut d = Draft {
            heads: toks.iter().map(|t| t.head).collect(),
            rels: toks.iter().map(|t| t.deprel).collect(),
            upos: toks.iter().map(|t| t.upos).collect(),
            lemmas: toks.iter().map(|t| t.lemma.to_lowercase()).collect(),
            lower: toks.iter().map(|t| t.form.to_lowercase()).collect(),
        };
        apply(&mut d, toks);
        d
    }

    /// Head (1-based, 0 for a root) and relation of token `i` (1-based).
    fn arc_of<'a>(d: &Draft<'a>, i: usize) -> (usize, &'a str) {
        (d.heads[i - 1].map_or(0, |h| h + 1), d.rels[i - 1])
    }

    #[test]
    fn a_description_before_a_name_is_its_compound() {
        // `The mortgage firm Ivo Marsh restated earnings` with `firm` and `Ivo` both
        // subjects
        let toks = tokens(&[
            "The the DET DT 3 det",
            "mortgage mortgage NOUN NN 3 compound",
            "firm firm NOUN NN 6 nsubj",
            "Ivo Ivo PROPN NNP 6 nsubj",
            "Marsh Marsh PROPN NNP 4 flat",
            "restated restate VERB VBD 0 root",
            "earnings earnings NOUN NNS 6 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 4), (6, "nsubj"));
        assert_eq!(arc_of(&d, 3), (4, "compound"));
        assert_eq!(arc_of(&d, 5), (4, "flat"));
        // two subjects that are not a description and a name stay as they are
        let toks = tokens(&[
            "prices price NOUN NNS 3 nsubj",
            "analysts analyst NOUN NNS 3 nsubj",
            "said say VERB VBD 0 root",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 1), (3, "nsubj"));
    }

    #[test]
    fn a_currency_takes_the_amount_after_it() {
        // `received pounds 7m in gifts` with `m` a conjunct of `pounds`
        let toks = tokens(&[
            "received receive VERB VBD 0 root",
            "pounds pound NOUN NNS 1 obj",
            "7 7 NUM CD 4 nummod",
            "m m NOUN NNS 2 conj",
            "in in ADP IN 6 case",
            "gifts gift NOUN NNS 4 nmod",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 3), (2, "nummod"));
        assert_eq!(arc_of(&d, 4), (3, "compound"));
        assert_eq!(
            arc_of(&d, 6),
            (2, "nmod"),
            "the magnitude's dependents go to the currency"
        );
        // `fell dollars 2.15` with the number an apposition
        let toks = tokens(&[
            "fell fall VERB VBD 0 root",
            "dollars dollar NOUN NNS 1 obj",
            "2.15 2.15 NUM CD 2 appos",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 3), (2, "nummod"));
    }

    #[test]
    fn a_title_chain_is_headed_by_the_person() {
        // `East Ruritanian Finance Minister Anna Novak met Doe` with `East` heading
        // the run and the person two conjuncts of it
        let toks = tokens(&[
            "East East PROPN NNP 7 nsubj",
            "Ruritanian Ruritanian PROPN NNP 1 flat",
            "Finance Finance ADJ NNP 4 amod",
            "Minister Minister PROPN NNP 5 nmod:desc",
            "Anna Anna PROPN NNP 1 conj",
            "Novak Novak PROPN NNP 1 conj",
            "met meet VERB VBD 0 root",
            "Doe Doe PROPN NNP 7 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 5), (7, "nsubj"));
        assert_eq!(arc_of(&d, 6), (5, "flat"));
        assert_eq!(arc_of(&d, 4), (5, "compound"));
        assert_eq!(arc_of(&d, 1), (4, "compound"));
        assert_eq!(arc_of(&d, 2), (1, "flat"));
        assert_eq!(arc_of(&d, 3), (4, "amod"));
    }

    #[test]
    fn a_title_chain_keeps_a_person_already_in_place() {
        // `UK Prime Minister Ann Lee is meeting them` with `UK` a stray compound of the
        // verb: the subject stays the subject
        let toks = tokens(&[
            "UK UK PROPN NNP 7 compound",
            "Prime Prime ADJ NNP 3 amod",
            "Minister Minister PROPN NNP 4 nmod:desc",
            "Ann Ann PROPN NNP 7 nsubj",
            "Lee Lee PROPN NNP 4 flat",
            "is be AUX VBZ 7 aux",
            "meeting meet VERB VBG 0 root",
            "them they PRON PRP 7 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 4), (7, "nsubj"));
        assert_eq!(arc_of(&d, 1), (3, "compound"));
        assert_eq!(arc_of(&d, 3), (4, "compound"));
        // a run without a first name after its title is left alone
        let toks = tokens(&[
            "Bank Bank PROPN NNP 4 nsubj",
            "Governor Governor PROPN NNP 1 flat",
            "Office Office PROPN NNP 1 flat",
            "said say VERB VBD 0 root",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 1), (4, "nsubj"));
        assert_eq!(arc_of(&d, 2), (1, "flat"));
    }

    #[test]
    fn that_before_a_second_subject_is_the_subordinator() {
        let toks = tokens(&[
            "Dahl Dahl PROPN NNP 2 nsubj",
            "warned warn VERB VBD 0 root",
            "that that PRON WDT 7 nsubj",
            "Norway Norway PROPN NNP 7 nsubj",
            "would would AUX MD 7 aux",
            "be be AUX VB 7 cop",
            "unprepared unprepared ADJ JJ 2 ccomp",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 3), (7, "mark"));
        assert_eq!(d.upos[2], Upos::Sconj);
        assert_eq!(arc_of(&d, 4), (7, "nsubj"));
    }

    #[test]
    fn that_clause_of_a_noun_is_no_relative_clause() {
        // `There is no doubt that prices will rise`
        let toks = tokens(&[
            "There there PRON EX 2 expl",
            "is be VERB VBZ 0 root",
            "no no DET DT 4 det",
            "doubt doubt NOUN NN 2 nsubj",
            "that that PRON WDT 8 nsubj",
            "prices price NOUN NNS 8 nsubj",
            "will will AUX MD 8 aux",
            "rise rise VERB VB 4 acl:relcl",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 5), (8, "mark"));
        assert_eq!(arc_of(&d, 8), (4, "acl"));
    }

    #[test]
    fn time_noun_after_a_noun_stays_a_modifier() {
        // `They voted off two members last November`
        let toks = tokens(&[
            "They they PRON PRP 2 nsubj",
            "voted vote VERB VBD 0 root",
            "off off ADP RP 2 compound:prt",
            "two two NUM CD 5 nummod",
            "members member NOUN NNS 2 obj",
            "last last ADJ JJ 7 amod",
            "November November PROPN NNP 5 nmod",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!((heads[4], rels[4].as_str()), (Some(1), "obj"));
        assert_eq!((heads[6], rels[6].as_str()), (Some(4), "nmod"));
    }

    #[test]
    fn that_as_complement_with_a_noun_object_opens_the_clause() {
        let toks = tokens(&[
            "Lund Lund PROPN NNP 2 nsubj",
            "said say VERB VBD 0 root",
            "that that SCONJ IN 2 ccomp",
            "rural rural ADJ JJ 5 amod",
            "clinics clinic NOUN NNS 3 obj",
            "closed close VERB VBD 5 acl",
            "wards ward NOUN NNS 6 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 6), (2, "ccomp"));
        assert_eq!(arc_of(&d, 3), (6, "mark"));
        assert_eq!(arc_of(&d, 5), (6, "nsubj"));
    }

    #[test]
    fn speaker_after_a_quotation_is_the_subject() {
        let toks = tokens(&[
            "\" \" PUNCT `` 4 punct",
            "Prices price NOUN NNS 4 nsubj",
            "will will AUX MD 4 aux",
            "rise rise VERB VB 15 ccomp",
            ", , PUNCT , 4 punct",
            "\" \" PUNCT '' 4 punct",
            "Mara Mara ADJ JJ 4 conj",
            "Lind Lind PROPN NNP 7 flat",
            ", , PUNCT , 13 punct",
            "the the DET DT 11 det",
            "bank bank NOUN NN 13 nmod:poss",
            "'s 's PART POS 11 case",
            "economist economist NOUN NN 4 conj",
            ", , PUNCT , 4 punct",
            "told tell VERB VBD 0 root",
            "reporters reporter NOUN NNS 15 obj",
            ". . PUNCT . 15 punct",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (15, "nsubj"));
        assert_eq!(d.upos[6], Upos::Propn);
        assert_eq!(arc_of(&d, 13), (7, "appos"));
        assert_eq!(arc_of(&d, 14), (7, "punct"));
        // the quotation itself stays the complement
        assert_eq!(arc_of(&d, 4), (15, "ccomp"));
    }

    #[test]
    fn speaker_with_a_subject_already_is_left_alone() {
        let toks = tokens(&[
            "\" \" PUNCT `` 3 punct",
            "Prices price NOUN NNS 3 nsubj",
            "rise rise VERB VBP 8 ccomp",
            ", , PUNCT , 3 punct",
            "\" \" PUNCT '' 3 punct",
            "Mara Mara PROPN NNP 8 nsubj",
            "Lind Lind PROPN NNP 6 flat",
            "said say VERB VBD 0 root",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!((heads[5], rels[5].as_str()), (Some(7), "nsubj"));
        assert_eq!((heads[2], rels[2].as_str()), (Some(7), "ccomp"));
    }

    #[test]
    fn adverb_root_hands_over_to_the_verb() {
        let toks = tokens(&[
            "Still still ADV RB 0 root",
            ", , PUNCT , 1 punct",
            "Ana Ana PROPN NNP 2 nsubj",
            "Ruiz Ruiz PROPN NNP 3 flat",
            ", , PUNCT , 9 punct",
            "the the DET DT 7 det",
            "mayor mayor NOUN NN 9 nmod:poss",
            "'s 's PART POS 7 case",
            "deputy deputy NOUN NN 3 appos",
            "conceded concede VERB VBN 9 acl",
            "on on ADP IN 12 case",
            "Friday Friday PROPN NNP 10 obl",
            "that that SCONJ IN 16 mark",
            "funds fund NOUN NNS 16 nsubj",
            "were be AUX VBD 16 cop",
            "missing missing ADJ JJ 10 ccomp",
            ". . PUNCT . 2 punct",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 10), (0, "root"));
        assert_eq!(arc_of(&d, 3), (10, "nsubj"));
        assert_eq!(arc_of(&d, 1), (10, "advmod"));
        assert_eq!(arc_of(&d, 2), (10, "punct"));
        assert_eq!(arc_of(&d, 17), (10, "punct"));
        assert_eq!(arc_of(&d, 9), (3, "appos"));
    }

    #[test]
    fn adverb_root_hands_over_a_name_read_as_an_object() {
        // the same sentence, with the name the comma's object
        let toks = tokens(&[
            "Still still ADV RB 0 root",
            ", , PUNCT , 1 punct",
            "Ana Ana PROPN NNP 2 obj",
            "Ruiz Ruiz PROPN NNP 3 flat",
            ", , PUNCT , 7 punct",
            "the the DET DT 7 det",
            "deputy deputy NOUN NN 3 appos",
            "conceded concede VERB VBN 7 acl",
            "that that SCONJ IN 12 mark",
            "funds fund NOUN NNS 12 nsubj",
            "were be AUX VBD 12 cop",
            "missing missing ADJ JJ 8 ccomp",
            ". . PUNCT . 1 punct",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 8), (0, "root"));
        assert_eq!(arc_of(&d, 3), (8, "nsubj"));
        assert_eq!(arc_of(&d, 1), (8, "advmod"));
        assert_eq!(arc_of(&d, 13), (8, "punct"));
    }

    #[test]
    fn a_speaker_inside_the_quotation_of_a_parataxis_verb_is_its_subject() {
        // EWT's orientation: the reporting verb a `parataxis` of the quotation, and the
        // speaker's first name read as an adjective conjunct of the quotation
        let toks = tokens(&[
            "\" \" PUNCT `` 4 punct",
            "We we PRON PRP 4 nsubj",
            "will will AUX MD 4 aux",
            "appeal appeal VERB VB 0 root",
            ", , PUNCT , 4 punct",
            "\" \" PUNCT '' 4 punct",
            "Ana Ana ADJ JJ 4 conj",
            "Ruiz Ruiz PROPN NNP 7 obj",
            ", , PUNCT , 11 punct",
            "club club NOUN NN 11 compound",
            "lawyer lawyer NOUN NN 7 conj",
            ", , PUNCT , 13 punct",
            "told tell VERB VBD 4 parataxis",
            "reporters reporter NOUN NNS 13 obj",
            ". . PUNCT . 4 punct",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (13, "nsubj"));
        assert_eq!(d.upos[6], Upos::Propn);
        assert_eq!(arc_of(&d, 8), (7, "flat"));
        assert_eq!(arc_of(&d, 11), (7, "appos"));
        assert_eq!(arc_of(&d, 13), (4, "parataxis"));
    }

    #[test]
    fn reduced_relative_under_an_adverb_root_stays() {
        // `Still, the deputy appointed on Friday.`: a participle without a complement
        let toks = tokens(&[
            "Still still ADV RB 0 root",
            ", , PUNCT , 1 punct",
            "the the DET DT 4 det",
            "deputy deputy NOUN NN 2 nsubj",
            "appointed appoint VERB VBN 4 acl",
            "on on ADP IN 7 case",
            "Friday Friday PROPN NNP 5 obl",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 1), (0, "root"));
        assert_eq!(arc_of(&d, 5), (4, "acl"));
    }

    #[test]
    fn caseless_nmod_heads_its_phrase() {
        let toks = tokens(&[
            "They they PRON PRP 2 nsubj",
            "used use VERB VBD 0 root",
            "the the DET DT 4 det",
            "broker broker NOUN NN 2 obj",
            "Helix Helix PROPN NNP 7 compound",
            "Capital Capital PROPN NNP 7 compound",
            "accounts account NOUN NNS 4 nmod",
            "and and CCONJ CC 11 cc",
            "the the DET DT 11 det",
            "bank bank NOUN NN 11 compound",
            "vaults vault NOUN NNS 7 conj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (2, "obj"));
        assert_eq!(arc_of(&d, 4), (7, "compound"));
        assert_eq!(arc_of(&d, 3), (7, "det"));
        assert_eq!(arc_of(&d, 11), (7, "conj"));
    }

    #[test]
    fn a_title_read_as_a_second_subject_is_an_apposition() {
        // `The city's chief planner, Ana Ruiz warned …` with both phrases subjects
        let toks = tokens(&[
            "The the DET DT 2 det",
            "city city NOUN NN 5 nmod:poss",
            "'s 's PART POS 2 case",
            "chief chief ADJ JJ 5 amod",
            "planner planner NOUN NN 9 nsubj",
            ", , PUNCT , 9 punct",
            "Ana Ana PROPN NNP 8 compound",
            "Ruiz Ruiz PROPN NNP 9 nsubj",
            "warned warn VERB VBD 0 root",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 5), (8, "appos"));
        assert_eq!(arc_of(&d, 6), (5, "punct"));
        assert_eq!(arc_of(&d, 8), (9, "nsubj"));
    }

    #[test]
    fn adjacent_name_conjuncts_are_one_name() {
        // `Ann Lee, Bo Chan and Cy Park left` with `Bo` and `Chan` read as two conjuncts
        let toks = tokens(&[
            "Ann Ann PROPN NNP 2 compound",
            "Lee Lee PROPN NNP 9 nsubj",
            ", , PUNCT , 4 punct",
            "Bo Bo PROPN NNP 2 conj",
            "Chan Chan PROPN NNP 2 conj",
            "and and CCONJ CC 7 cc",
            "Cy Cy PROPN NNP 2 conj",
            "Park Park PROPN NNP 7 flat",
            "left leave VERB VBD 0 root",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 5), (4, "flat"));
        assert_eq!(arc_of(&d, 4), (2, "conj"));
        assert_eq!(arc_of(&d, 7), (2, "conj"));
        // separated by a conjunction, two conjuncts stay two
        let toks = tokens(&[
            "Lee Lee PROPN NNP 4 nsubj",
            "and and CCONJ CC 3 cc",
            "Chan Chan PROPN NNP 1 conj",
            "left leave VERB VBD 0 root",
        ]);
        assert_eq!(arc_of(&repaired_draft(&toks), 3), (1, "conj"));
    }

    #[test]
    fn nmod_with_a_misplaced_marker_is_not_a_compound() {
        // `They cited the record of fraud` with `of` hung from `fraud` as a marker
        let toks = tokens(&[
            "They they PRON PRP 2 nsubj",
            "cited cite VERB VBD 0 root",
            "the the DET DT 4 det",
            "record record NOUN NN 2 obj",
            "of of SCONJ IN 6 mark",
            "fraud fraud NOUN NN 4 nmod",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!((heads[3], rels[3].as_str()), (Some(1), "obj"));
        assert_eq!((heads[5], rels[5].as_str()), (Some(3), "nmod"));
    }

    #[test]
    fn perfect_participle_is_a_verb_and_takes_the_name_before_it() {
        let toks = tokens(&[
            "Governor Governor PROPN NNP 3 nsubj",
            "- - PUNCT HYPH 1 punct",
            "elect elect VERB VB 0 root",
            "Ana Ana PROPN NNP 3 obj",
            "Ruiz Ruiz PROPN NNP 4 flat",
            "had have AUX VBD 8 aux",
            "firmly firmly ADV RB 8 advmod",
            "denied denied ADJ JJ 3 parataxis",
            "the the DET DT 10 det",
            "claims claim NOUN NNS 8 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(d.upos[7], Upos::Verb);
        assert_eq!(d.lemmas[7], "deny");
        assert_eq!(arc_of(&d, 4), (8, "nsubj"));
    }

    #[test]
    fn gerund_after_the_event_nouns_phrase_stays() {
        // `They offered support in return for dropping the case`
        let toks = tokens(&[
            "They they PRON PRP 2 nsubj",
            "offered offer VERB VBD 0 root",
            "support support NOUN NN 2 obj",
            "in in ADP IN 5 case",
            "return return NOUN NN 3 nmod",
            "for for SCONJ IN 7 mark",
            "dropping drop VERB VBG 2 advcl",
            "the the DET DT 9 det",
            "case case NOUN NN 7 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (2, "advcl"));
    }

    #[test]
    fn gerund_after_an_event_noun_belongs_to_it() {
        let toks = tokens(&[
            "Dahl Dahl PROPN NNP 3 nsubj:pass",
            "was be AUX VBD 3 aux:pass",
            "accused accuse VERB VBN 0 root",
            "of of ADP IN 5 case",
            "involvement involvement NOUN NN 3 obl",
            "in in SCONJ IN 7 mark",
            "rigging rig VERB VBG 3 advcl",
            "the the DET DT 9 det",
            "vote vote NOUN NN 7 obj",
        ]);
        let d = repaired_draft(&toks);
        assert_eq!(arc_of(&d, 7), (5, "acl"));
    }

    #[test]
    fn participle_verbs_come_from_the_lexicon() {
        assert_eq!(participle_verb("denied").as_deref(), Some("deny"));
        assert_eq!(participle_verb("admitted").as_deref(), Some("admit"));
        assert_eq!(participle_verb("conceded").as_deref(), Some("concede"));
        assert_eq!(participle_verb("limited"), None);
    }

    #[test]
    fn possessor_needs_adjacent_subjects() {
        // `Oslo's envoy, in turn, Dahl warned`: the phrases are not adjacent, so no repair
        let toks = tokens(&[
            "Oslo Oslo PROPN NNP 7 nsubj",
            "'s 's PART POS 1 case",
            "envoy envoy NOUN NN 1 dep",
            ", , PUNCT , 7 punct",
            "again again ADV RB 7 advmod",
            "Dahl Dahl PROPN NNP 7 nsubj",
            "warned warn VERB VBD 0 root",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!(heads[0], Some(6));
        assert_eq!(rels[0], "nsubj");
    }

    #[test]
    fn possessor_subject_moves_under_the_name() {
        let toks = tokens(&[
            "Oslo Oslo PROPN NNP 4 nsubj",
            "'s 's PART POS 1 case",
            "Dahl Dahl PROPN NNP 4 nsubj",
            "warned warn VERB VBD 0 root",
        ]);
        let (heads, rels, _) = repaired(&toks);
        assert_eq!((heads[0], rels[0].as_str()), (Some(2), "nmod:poss"));
    }

    #[test]
    fn lemma_gets_its_final_e_back() {
        let toks = tokens(&[
            "Dahl Dahl PROPN NNP 2 nsubj",
            "conceded conced VERB VBD 0 root",
        ]);
        let (_, _, lemmas) = repaired(&toks);
        assert_eq!(lemmas[1], "concede");
    }
}
