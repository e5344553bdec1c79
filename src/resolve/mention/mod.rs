//! Mention detection in one tagged, parsed [`Sentence`]: proper-name spans, acronyms and
//! group mentions (`Russian officials`, `US intelligence agencies`), each with a type.
//!
//! - A **name** is a maximal run of proper nouns (`PROPN`, or capitalised words linked to
//!   one by `compound`/`flat`), joined across `of`/`for`/`de`/`&` when a proper noun
//!   follows (`Bank of England`), with leading titles stripped (`Sir Julian King` →
//!   `Julian King`, title `Sir`) and split before an inner title (`US President Donald
//!   Trump` → `US`, `Donald Trump`).
//! - Its **type** comes from, in order: the gazetteer; a title (person); the head word
//!   (`Commission`, `Agency`, `Times` → organisation; `Sea`, `City` → place; `Summit`,
//!   `Election` → event); an acronym (organisation); a known first name (person); the
//!   trained name recognizer's type when it found a name of the same tokens
//!   ([`Sentence::names`]); the context (after `in`/`from`/`to` → place); and the shape
//!   (two or three capitalised words → person).
//! - A **group** is a plural noun such as `officials` or `agencies` modified by a demonym
//!   (`Russian`) or by a country or organisation name (`US`, `NATO`).

use std::borrow::Cow;
use std::ops::Range;

use super::gazetteer::{EntryId, Gazetteer};
use crate::model::{EntityType, Sentence, Token, Upos};
use crate::words::{MONTHS_ALSO_NAMES, WordSet, is_month, is_weekday};
use words::{
    CONNECTORS, EVENT_HEADS, GROUP_HEADS, HOLIDAYS, NAME_PARTICLES, NOT_NAMES, ORG_HEADS,
    ORG_STARTS, PEOPLE_WORDS, PLACE_HEADS, TITLES,
};

mod words;

pub use words::SPEECH_VERBS;

/// One name or group mention found in a sentence (the pipeline's argument `Mention` is
/// another thing: the words of a triple argument).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMention {
    /// Tokens of the mention (without a stripped title).
    pub tokens: Range<usize>,
    /// Coarse type.
    pub kind: EntityType,
    /// The name as written, title stripped (`Julian King`).
    pub text: String,
    /// A stripped title (`Sir`, `President`), when there was one.
    pub title: Option<String>,
    /// The gazetteer entry, when the name is known.
    pub entry: Option<EntryId>,
    /// For a group: the entry or name of what it belongs to, and its token range.
    pub group_of: Option<GroupOf>,
}

/// What a group mention belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupOf {
    /// The modifier as written (`Russian`, `US`).
    pub text: String,
    /// Its gazetteer entry, when known.
    pub entry: Option<EntryId>,
    /// The rest of the group words, lower-cased (`intelligence agencies`).
    pub rest: String,
}

/// Labels the name mentions of a tagged sentence, for evaluation against NER data
/// (persons, organisations, places, events, others). Groups are not returned.
pub fn recognize(sentence: &Sentence) -> Vec<(Range<usize>, EntityType)> {
    names(sentence)
        .into_iter()
        .map(|m| (m.tokens, m.kind))
        .collect()
}

/// All mentions of a sentence: names and groups, in token order.
pub fn mentions(sentence: &Sentence) -> Vec<NameMention> {
    let mut out = names(sentence);
    out.extend(groups(sentence, &out));
    out.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    out
}

static TITLE_SET: WordSet = WordSet::new(TITLES);
static NOT_NAME_SET: WordSet = WordSet::new(NOT_NAMES);
static ORG_HEAD_SET: WordSet = WordSet::new(ORG_HEADS);
static PLACE_HEAD_SET: WordSet = WordSet::new(PLACE_HEADS);
static EVENT_HEAD_SET: WordSet = WordSet::new(EVENT_HEADS);
static ORG_START_SET: WordSet = WordSet::new(ORG_STARTS);

/// Titles that also start multi-word organisation names and so only count as titles when
/// followed by a person-like name (`General Motors` is not a person).
fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLE_SET.contains(&w) && w != "st" && w != "saint"
}

/// Titles that make a name a person on their own (`Mr`, `Sir`, `President`).
fn is_person_title(word: &str) -> bool {
    crate::words::is_person_title(&word.trim_end_matches('.').to_lowercase())
}

/// Days and months that are not also names (`May`, `June` are).
fn is_date_word(word: &str) -> bool {
    let w = lower(word);
    is_weekday(&w) || (is_month(&w) && !MONTHS_ALSO_NAMES.contains(&w.as_ref()))
}

/// True for a word that is never a name on its own: a day, a month or one of
/// [`NOT_NAMES`] (`word` lower case, without final dots).
fn is_not_name_word(word: &str) -> bool {
    is_weekday(word) || is_month(word) || NOT_NAME_SET.contains(word)
}

/// Lower-case form without trailing dots.
/// The word without final dots, in lower case; borrowed when it already is (no copy for
/// the common lower-case ASCII word).
fn lower(word: &str) -> Cow<'_, str> {
    let w = word.trim_end_matches('.');
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True for acronyms: two to six capitals, digits or dots, at least two capitals
/// (`EU`, `U.S.`, `G7`, `NATO`).
pub fn is_acronym(word: &str) -> bool {
    // One pass, stopping at the first character an acronym cannot have (most words fail
    // on their first or second letter).
    let (mut chars, mut letters, mut caps) = (0, 0, 0);
    for c in word.chars() {
        chars += 1;
        let upper = c.is_uppercase();
        if chars > 8 || !(upper || c.is_ascii_digit() || matches!(c, '.' | '&' | '-')) {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
        caps += usize::from(upper);
    }
    chars >= 2 && caps >= 2 && caps == letters
}

/// True when most alphabetic words of the sentence are in capitals (a shouted headline),
/// where capitals say nothing.
fn shouting(sentence: &Sentence) -> bool {
    let words: Vec<&Token> = sentence
        .tokens
        .iter()
        .filter(|t| t.form.chars().any(char::is_alphabetic))
        .collect();
    words.len() >= 4 && words.iter().filter(|t| is_acronym(&t.form)).count() * 2 > words.len()
}

/// True when the token can be part of a name.
fn nameish(sentence: &Sentence, i: usize, shout: bool) -> bool {
    let t = &sentence.tokens[i];
    if !t.form.chars().any(char::is_alphanumeric) {
        return false;
    }
    if t.upos == Upos::Propn {
        return capitalised(&t.form)
            || t.form.chars().any(char::is_uppercase)
            || linked_to_propn(sentence, i);
    }
    if !shout && is_acronym(&t.form) && matches!(t.upos, Upos::Noun | Upos::X | Upos::Adj) {
        return true;
    }
    // A capitalised noun or adjective inside a compound/flat name (`Financial Times`);
    // first in the sentence only when it is a demonym (always capitalised, so its case
    // says something there too: `Ruritanian Airways said`).
    if capitalised(&t.form)
        && matches!(t.upos, Upos::Noun | Upos::Adj | Upos::Num | Upos::X)
        && (i > 0 || Gazetteer::get().demonym(&t.form).is_some())
    {
        return linked_to_propn(sentence, i)
            && Gazetteer::get()
                .demonym(&t.form)
                .is_none_or(|_| next_is_propn(sentence, i));
    }
    // A lower-case word glued to a proper noun by `flat` (`Julian king`).
    if matches!(t.upos, Upos::Noun) && t.form.chars().all(char::is_lowercase) && i > 0 {
        let prev = &sentence.tokens[i - 1];
        return prev.upos == Upos::Propn
            && capitalised(&prev.form)
            && (prev.head == Some(i) && prev.deprel.starts_with("compound")
                || t.head == Some(i - 1) && t.deprel.starts_with("flat"))
            && sentence
                .tokens
                .get(i + 1)
                .is_none_or(|n| n.upos != Upos::Noun && n.upos != Upos::Propn)
            && is_first_name(&prev.form);
    }
    false
}

fn next_is_propn(sentence: &Sentence, i: usize) -> bool {
    sentence
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.upos == Upos::Propn)
}

/// True when the token is related to a neighbouring proper noun by a name relation.
fn linked_to_propn(sentence: &Sentence, i: usize) -> bool {
    let t = &sentence.tokens[i];
    let near = |j: usize| {
        sentence
            .tokens
            .get(j)
            .is_some_and(|n| n.upos == Upos::Propn)
    };
    let rel =
        |d: &str| d.starts_with("compound") || d.starts_with("flat") || d == "amod" || d == "nmod";
    if let Some(h) = t.head
        && near(h)
        && h.abs_diff(i) <= 3
        && rel(t.deprel)
    {
        return true;
    }
    sentence.tokens.iter().enumerate().any(|(j, n)| {
        n.head == Some(i)
            && near(j)
            && j.abs_diff(i) <= 2
            && (n.deprel.starts_with("compound") || n.deprel.starts_with("flat"))
    }) || (t.upos == Upos::Propn && capitalised(&t.form))
}

/// Name spans of a sentence, typed.
fn names(sentence: &Sentence) -> Vec<NameMention> {
    let shout = shouting(sentence);
    let n = sentence.tokens.len();
    let is_name: Vec<bool> = (0..n).map(|i| nameish(sentence, i, shout)).collect();
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_name[i] {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < n && is_name[end] && !breaks_run(sentence, end) {
                end += 1;
                continue;
            }
            // A number after a lone acronym (`APT 28`).
            if end < n
                && end - start == 1
                && sentence.tokens[end].upos == Upos::Num
                && sentence.tokens[end]
                    .form
                    .chars()
                    .all(|c| c.is_ascii_digit())
                && is_acronym(&sentence.tokens[start].form)
            {
                end += 1;
                continue;
            }
            // A possessive inside a company's name (`Moody's Investors Service Inc`,
            // `Smith's Foods Corp`): the name words after it end in a legal suffix.
            if end < n && end > start && matches!(sentence.tokens[end].form.as_str(), "'s" | "’s")
            {
                let glued = sentence.tokens[end - 1].span.end == sentence.tokens[end].span.start;
                let tail = (end + 1..n)
                    .take_while(|&k| {
                        let t = &sentence.tokens[k];
                        capitalised(&t.form)
                            && (is_name[k] || matches!(t.upos, Upos::Noun | Upos::Propn))
                    })
                    .last();
                if glued
                    && let Some(last) = tail
                    && is_legal_suffix(&sentence.tokens[last].form)
                {
                    end = last + 1;
                    continue;
                }
            }
            // `Standard and Poor's Corp`: one word, `and`, one word with a possessive, and a
            // legal suffix is one company (without the possessive, `Texaco and Pennzoil Co`
            // are two).
            if end - start == 1
                && end + 4 <= n
                && matches!(lower(&sentence.tokens[end].form).as_ref(), "and" | "&")
                && capitalised(&sentence.tokens[end + 1].form)
                && matches!(sentence.tokens[end + 2].form.as_str(), "'s" | "’s")
                && sentence.tokens[end + 1].span.end == sentence.tokens[end + 2].span.start
                && let Some(suffix) = (end + 3..n)
                    .take_while(|&k| capitalised(&sentence.tokens[k].form))
                    .find(|&k| is_legal_suffix(&sentence.tokens[k].form))
            {
                end = suffix + 1;
                continue;
            }
            // A hyphen between name words (`al-Sadr` written `al - Sadr`).
            if end + 1 < n && end > start && sentence.tokens[end].form == "-" {
                let (prev, hy, next) = (
                    &sentence.tokens[end - 1],
                    &sentence.tokens[end],
                    &sentence.tokens[end + 1],
                );
                let glued = prev.span.end == hy.span.start && hy.span.end == next.span.start;
                let particle = NAME_PARTICLES.contains(&prev.form.as_str());
                if (glued || particle || (prev.upos == Upos::Propn && next.upos == Upos::Propn))
                    && (is_name[end + 1] || next.upos == Upos::Propn)
                {
                    end += 2;
                    continue;
                }
            }
            // `Securities and Exchange Commission`: a capitalised plural noun, `and`, and a
            // name ending in an organisation's head word (not `Texaco and Pennzoil Co`).
            if end - start == 1
                && end + 2 < n
                && matches!(sentence.tokens[start].xpos, "NNPS" | "NNS")
                && matches!(lower(&sentence.tokens[end].form).as_ref(), "and" | "&")
            {
                let tail = (end + 1..n)
                    .take_while(|&k| is_name[k] && capitalised(&sentence.tokens[k].form))
                    .last();
                if let Some(last) = tail
                    && last >= end + 2
                    && is_org_head(&sentence.tokens[last].form)
                {
                    end = last + 1;
                    continue;
                }
            }
            // A connector followed by a proper noun (`Bank of England`, `Bank of the West`),
            // unless the name before is a person's (`Ann Lee of the Courier`) or the name
            // after is an acronym.
            if end + 1 < n && CONNECTORS.contains(&lower(&sentence.tokens[end].form).as_ref()) {
                let mut k = end + 1;
                if lower(&sentence.tokens[k].form) == "the" && k + 1 < n {
                    k += 1;
                }
                if is_name[k]
                    && capitalised(&sentence.tokens[k].form)
                    && !is_title(&sentence.tokens[start].form)
                    && !is_first_name(&sentence.tokens[start].form)
                    && !is_acronym(&sentence.tokens[k].form)
                {
                    end = k + 1;
                    continue;
                }
            }
            break;
        }
        runs.push(start..end);
        i = end;
    }
    let mut out = Vec::new();
    for run in runs {
        for part in split_run(sentence, run) {
            if let Some(m) = name_mention(sentence, part) {
                out.push(m);
            }
        }
    }
    // `X (Y)` where Y is a name keeps Y as its own mention: the caller links them.
    out
}

/// True when token `i` starts a new name even though it follows one: a conjunct, a new
/// appositive, or a possessive boundary.
fn breaks_run(sentence: &Sentence, i: usize) -> bool {
    let t = &sentence.tokens[i];
    let prev = &sentence.tokens[i - 1];
    if prev.form.ends_with("'s") || prev.form == "'s" {
        return true;
    }
    // Two acronyms side by side, or a gazetteer country followed by more name words where
    // the country is a compound modifier of a title (`US President Donald Trump`).
    if (t.deprel == "conj" || t.deprel == "appos" && t.head.is_some_and(|h| h < i))
        && prev.head != Some(i)
    {
        return true;
    }
    // Dates after a name (`Fallujah Wednesday`).
    is_date_word(&t.form) || is_date_word(&prev.form)
}

/// Splits a run before an inner title (`US President Donald Trump`) and between a known
/// country or organisation and the name after it when the two are not one name.
fn split_run(sentence: &Sentence, run: Range<usize>) -> Vec<Range<usize>> {
    let gaz = Gazetteer::get();
    let form = |i: usize| sentence.tokens[i].form.as_str();
    let mut parts = Vec::new();
    let mut start = run.start;
    for i in run.clone() {
        if i > start && is_title(form(i)) && i + 1 < run.end && !is_title(form(i - 1)) {
            let whole: Vec<&str> = (start..run.end).map(form).collect();
            if gaz.lookup(&whole.join(" ")).is_none() {
                parts.push(start..i);
                start = i;
            }
        }
    }
    parts.push(start..run.end);
    // A leading gazetteer place followed by a person-like name (`Russia Vladimir Putin`).
    let mut out = Vec::new();
    for p in parts {
        let whole: Vec<&str> = p.clone().map(form).collect();
        if p.len() >= 3
            && gaz.lookup(&whole.join(" ")).is_none()
            && let Some(e) = gaz.lookup(form(p.start))
            && gaz.entry(e).kind == EntityType::Place
            && is_first_name(form(p.start + 1))
        {
            out.push(p.start..p.start + 1);
            out.push(p.start + 1..p.end);
            continue;
        }
        out.push(p);
    }
    out
}

/// Nationality and religion nouns (`Iraqis`, `Muslims`, `Palestinian`): groups, not names.
fn is_people_word(word: &str) -> bool {
    let gaz = Gazetteer::get();
    let singular = word.strip_suffix('s').unwrap_or(word);
    let lower = word.to_lowercase();
    gaz.demonym(word).is_some()
        || gaz.demonym(singular).is_some()
        || PEOPLE_WORDS.contains(&lower.as_str())
        || lower.ends_with("ists") && word.chars().next().is_some_and(char::is_uppercase)
}

/// True for a generic head word of organisation names (`Exchange`, `Bank`, `Corp`): on its
/// own it names nothing across documents.
pub fn is_org_head(word: &str) -> bool {
    ORG_HEAD_SET.contains(&lower(word))
}

/// True for a company's legal form written after its name (`Inc`, `Corp.`, `Plc`).
fn is_legal_suffix(word: &str) -> bool {
    matches!(
        lower(word.trim_end_matches('.')).as_ref(),
        "inc" | "corp" | "corporation" | "co" | "ltd" | "llc" | "plc" | "ag" | "sa" | "nv"
    )
}

/// True for words that are never names (`Sunday`, `March`, `God`).
pub fn is_not_name(text: &str) -> bool {
    text.split_whitespace().all(|w| is_not_name_word(&lower(w)))
}

/// True when every word is a title (`President`, `Prime Minister`).
pub fn is_title_only(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .all(|w| TITLE_SET.contains(&lower(w)) || w.eq_ignore_ascii_case("elect"))
}

fn forms_first<'a>(sentence: &'a Sentence, tokens: &Range<usize>) -> &'a str {
    sentence
        .tokens
        .get(tokens.start)
        .map(|t| t.form.as_str())
        .unwrap_or("")
}

/// True when a name begins with a known first name (`Frederick Tsang`, `Dudley Taft`).
pub fn starts_with_first_name(name: &str) -> bool {
    name.split_whitespace().next().is_some_and(is_first_name)
}

fn is_first_name(word: &str) -> bool {
    crate::words::is_first_name(&lower(word))
}

/// True for a multi-word name shaped like a person's (`Vernon Walters`, `A Mehrtens`):
/// two to four words, no acronym (`BBC Liverpool`), no organisation head word, and a
/// first word that is a first name, an initial, or at least no known place, body or
/// demonym (`Manchester United-Arsenal`).
pub fn is_person_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=4).contains(&words.len())
        || words
            .iter()
            .any(|w| is_acronym(w) || ORG_HEAD_SET.contains(&lower(w)))
    {
        return false;
    }
    let first = words[0].trim_end_matches('.');
    if is_first_name(first) || first.chars().count() == 1 {
        return true;
    }
    let gaz = Gazetteer::get();
    gaz.lookup(first).is_none() && gaz.demonym(first).is_none()
}

/// The number of leading words (one or two) of `forms` that make a demonym (`Russian`,
/// `West German`), if they do.
fn demonym_prefix(forms: &[&str]) -> Option<usize> {
    let gaz = Gazetteer::get();
    if forms.len() >= 2 && gaz.demonym(&format!("{} {}", forms[0], forms[1])).is_some() {
        return Some(2);
    }
    forms
        .first()
        .is_some_and(|f| gaz.demonym(f).is_some())
        .then_some(1)
}

/// Types one name span and strips its title.
fn name_mention(sentence: &Sentence, run: Range<usize>) -> Option<NameMention> {
    let gaz = Gazetteer::get();
    let toks = &sentence.tokens[run.clone()];
    let forms: Vec<&str> = toks.iter().map(|t| t.form.as_str()).collect();
    let full = join_forms(toks);
    // Known as a whole, title included (`Prime Minister` is not a name, `Sir` is no org).
    if let Some(e) = gaz.lookup(&full) {
        return Some(gazetteer_mention(sentence, run, full, None, e));
    }
    // A demonym of more than one word (`West German`) is no name, as `German` is none.
    if forms.len() > 1 && gaz.demonym(&full).is_some() {
        return None;
    }
    // Strip leading titles, but not from an organisation's name (`General Motors Corp`,
    // `National Bank`).
    let mut start = 0;
    let mut title: Vec<&str> = Vec::new();
    let corporate = forms
        .last()
        .is_some_and(|w| is_org_head(w.trim_end_matches('.')));
    while !corporate && start + 1 < forms.len() && is_title(forms[start]) {
        title.push(forms[start]);
        start += 1;
    }
    // Strip a leading demonym or party adjective before a person-like name
    // (`Republican Donald Trump`).
    if forms.len() - start >= 3
        && gaz.demonym(forms[start]).is_some()
        && is_first_name(forms[start + 1])
    {
        start += 1;
    }
    // Strip a leading demonym (`Russian`, `West German`) before a name the gazetteer knows:
    // `Ruritanian Gazprom` is Gazprom. Before other words it stays, as part of the name
    // (`British Airways` is no airways).
    if let Some(n) = demonym_prefix(&forms[start..])
        && start + n < forms.len()
        && gaz
            .lookup(&join_forms(&toks[start + n..]))
            .is_some_and(|e| !gaz.entry(e).country)
    {
        start += n;
    }
    let tokens = run.start + start..run.end;
    let name_toks = &sentence.tokens[tokens.clone()];
    let text = join_forms(name_toks);
    let words: Vec<String> = name_toks
        .iter()
        .map(|t| lower(&t.form).into_owned())
        .collect();
    if words
        .iter()
        .all(|w| is_not_name_word(w) || TITLE_SET.contains(w))
    {
        return None;
    }
    if words.iter().all(|w| !w.chars().any(char::is_alphabetic)) {
        return None;
    }
    if name_toks.len() == 1 && is_people_word(&name_toks[0].form) {
        return None;
    }
    // A single letter (`S and P`, a list label) is never a name.
    if name_toks.len() == 1
        && name_toks[0]
            .form
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            == 1
    {
        return None;
    }
    let title = (!title.is_empty()).then(|| title.join(" "));
    if let Some(e) = gaz.lookup(&text) {
        return Some(gazetteer_mention(sentence, tokens, text, title, e));
    }
    let kind = if words.len() == 1 && HOLIDAYS.contains(&words[0].as_str()) {
        EntityType::Event
    } else {
        name_type(sentence, &tokens, &words, title.as_deref())
    };
    Some(NameMention {
        tokens,
        kind,
        text,
        title,
        entry: None,
        group_of: None,
    })
}

fn gazetteer_mention(
    sentence: &Sentence,
    tokens: Range<usize>,
    text: String,
    title: Option<String>,
    e: EntryId,
) -> NameMention {
    let gaz = Gazetteer::get();
    let entry = gaz.entry(e);
    let mut kind = entry.kind;
    let mut id = Some(e);
    // A capital city that acts (`Brussels has upped…`) stands for an institution: see the
    // module doc of `resolve`.
    if entry.metonym_of.is_some() && acts(sentence, &tokens) {
        kind = EntityType::Organization;
        id = Some(e);
    }
    NameMention {
        tokens,
        kind,
        text,
        title,
        entry: id,
        group_of: None,
    }
}

/// True when the name is the subject of a verb (not after a preposition).
pub fn acts(sentence: &Sentence, tokens: &Range<usize>) -> bool {
    let Some(head) = name_head(sentence, tokens) else {
        return false;
    };
    let t = &sentence.tokens[head];
    t.deprel.starts_with("nsubj")
        && !sentence
            .children(head)
            .any(|c| sentence.tokens[c].deprel == "case")
}

/// The syntactic head of a token range: the token whose head lies outside the range.
pub fn name_head(sentence: &Sentence, tokens: &Range<usize>) -> Option<usize> {
    tokens
        .clone()
        .find(|&i| sentence.tokens[i].head.is_none_or(|h| !tokens.contains(&h)))
        .or_else(|| tokens.clone().last())
}

/// Joins token forms with single spaces, except around hyphens and before `.`.
pub fn join_forms(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            let prev = &tokens[k - 1];
            let glued = prev.span.end == t.span.start && prev.span.end > 0;
            if !glued {
                out.push(' ');
            }
        }
        out.push_str(&t.form);
    }
    out
}

fn name_type(
    sentence: &Sentence,
    tokens: &Range<usize>,
    words: &[String],
    title: Option<&str>,
) -> EntityType {
    let last = words.last().map(String::as_str).unwrap_or("");
    let first = words.first().map(String::as_str).unwrap_or("");
    if title.is_some_and(|t| t.split(' ').any(is_person_title)) {
        return EntityType::Person;
    }
    if ORG_HEAD_SET.contains(last) {
        return EntityType::Organization;
    }
    if EVENT_HEAD_SET.contains(last) && words.len() > 1 {
        return EntityType::Event;
    }
    if PLACE_HEAD_SET.contains(last) && words.len() > 1 {
        return EntityType::Place;
    }
    if words.len() > 1 && ORG_START_SET.contains(first) {
        return EntityType::Organization;
    }
    let forms: Vec<&str> = tokens
        .clone()
        .map(|i| sentence.tokens[i].form.as_str())
        .collect();
    if forms.len() == 1 && is_acronym(forms[0]) {
        return EntityType::Organization;
    }
    // A name led by a country or a demonym (`Ruritania Telecom`, `West German Steel`) is a
    // body, unless a first name follows (`Republican Anna Novak` was stripped before).
    if let Some(n) = demonym_prefix(&forms).or_else(|| {
        let gaz = Gazetteer::get();
        gaz.lookup(forms_first(sentence, tokens))
            .is_some_and(|e| gaz.entry(e).country)
            .then_some(1)
    }) && words.len() > n
        && !is_first_name(&words[n])
    {
        return EntityType::Organization;
    }
    if words.len() >= 2 && is_first_name(first) {
        return EntityType::Person;
    }
    // The trained recognizer (`nlp::ner`), when it found a name of exactly these tokens,
    // decides before the weaker cues below (context, shape, relation).
    if let Some(m) = sentence.names.iter().find(|m| m.tokens == *tokens) {
        return m.kind;
    }
    let head = name_head(sentence, tokens);
    let case = head.and_then(|h| {
        sentence
            .children(h)
            .find(|&c| sentence.tokens[c].deprel == "case")
            .map(|c| lower(&sentence.tokens[c].form))
    });
    if let Some(case) = case.as_deref()
        && matches!(
            case,
            "in" | "from"
                | "to"
                | "at"
                | "near"
                | "across"
                | "throughout"
                | "into"
                | "outside"
                | "inside"
                | "around"
        )
    {
        return EntityType::Place;
    }
    let alpha = forms.iter().all(|f| {
        f.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
    });
    let shaped = forms.first().is_some_and(|f| capitalised(f))
        && forms.last().is_some_and(|f| capitalised(f))
        && forms.iter().all(|f| {
            capitalised(f)
                || *f == "-"
                || CONNECTORS.contains(&f.to_lowercase().as_str())
                || matches!(*f, "al" | "el" | "bin" | "abu")
        });
    // An acronym first (`BBC Liverpool`, `IBM Japan`) makes a unit of a body, not a person.
    if (2..=5).contains(&forms.len()) && alpha && shaped && !is_acronym(forms[0]) {
        return EntityType::Person;
    }
    if forms.len() == 1 {
        // A single unknown word: by its relation (measured on UNER-EWT dev).
        if let Some(h) = head {
            let t = &sentence.tokens[h];
            let rel = t.deprel.split(':').next().unwrap_or("");
            if t.deprel == "nmod:poss"
                || matches!(rel, "nsubj" | "root" | "vocative" | "flat" | "iobj")
            {
                return EntityType::Person;
            }
            if matches!(rel, "obj") {
                return EntityType::Organization;
            }
            if case.as_deref() == Some("of")
                || matches!(rel, "compound" | "conj" | "appos" | "nmod" | "obl")
            {
                return EntityType::Place;
            }
        }
        return EntityType::Person;
    }
    EntityType::Organization
}

/// Group mentions: a group head noun modified by a demonym or a known name.
fn groups(sentence: &Sentence, names: &[NameMention]) -> Vec<NameMention> {
    let gaz = Gazetteer::get();
    let mut out = Vec::new();
    for (h, head) in sentence.tokens.iter().enumerate() {
        if head.upos != Upos::Noun || !GROUP_HEADS.contains(&head.form.to_lowercase().as_str()) {
            continue;
        }
        // Modifiers left of the head: amod/compound/nmod:poss chain down to the first
        // demonym or name.
        let mut start = h;
        let mut owner: Option<(String, Option<EntryId>, usize)> = None;
        let mut k = h;
        while k > 0 {
            let j = k - 1;
            let t = &sentence.tokens[j];
            let attached = t.head.is_some_and(|x| x > j && x <= h);
            if !attached
                || !(t.deprel == "amod"
                    || t.deprel.starts_with("compound")
                    || t.deprel == "nmod:poss"
                    || t.deprel == "flat")
            {
                break;
            }
            if let Some(e) = gaz.demonym(&t.form) {
                owner = Some((t.form.clone(), Some(e), j));
                start = j;
                break;
            }
            if let Some(m) = names.iter().find(|m| m.tokens.contains(&j)) {
                if matches!(m.kind, EntityType::Place | EntityType::Organization) {
                    owner = Some((m.text.clone(), m.entry, m.tokens.start));
                    start = m.tokens.start;
                }
                break;
            }
            if t.form == "'s" {
                break;
            }
            k = j;
        }
        let Some((text, entry, at)) = owner else {
            continue;
        };
        // Skip `'s` possessives: `Russia's government` is the country's government, kept
        // as a group too, but without the possessive marker in its words.
        let rest: Vec<&str> = (at + 1..=h)
            .map(|i| sentence.tokens[i].form.as_str())
            .filter(|f| *f != "'s" && *f != "’s" && !f.chars().all(|c| !c.is_alphanumeric()))
            .collect();
        if rest.is_empty() {
            continue;
        }
        let all = join_forms(&sentence.tokens[start..h + 1]);
        out.push(NameMention {
            tokens: start..h + 1,
            kind: EntityType::Group,
            text: all,
            title: None,
            entry: None,
            group_of: Some(GroupOf {
                text,
                entry,
                rest: rest.join(" ").to_lowercase(),
            }),
        });
    }
    out
}

#[cfg(test)]
pub(crate) mod tests;
