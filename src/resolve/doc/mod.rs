//! In-document resolution: mentions of one article clustered into document-local
//! entities, and each triple's arguments mapped to them.
//!
//! Rules, in the order they apply:
//! - a gazetteer name is one entity per entry (`U.S.`, `US`, `America`);
//! - a name already seen (same normalised text, titles stripped) is that entity;
//! - a person name that is a word suffix of a person seen earlier or later in the
//!   document is that person (`Merkel` → `Angela Merkel`, `Le Drian`), when only one
//!   person fits;
//! - an acronym is the one multi-word name of the document with those initials
//!   (`FT` → `Financial Times`), and `X (Y)` makes Y another name of X;
//! - `the Commission`, `the Union`: the nearest earlier entity whose name ends with that
//!   word, else the gazetteer's default (`European Commission`, `European Union`);
//! - a name that modifies an organisation's noun (`Fiat shares`, `Costco chairman`,
//!   `Chelsea manager`) is an organisation, unless the gazetteer, a person title, a first
//!   name or a demonym says otherwise (module `context`);
//! - `the company`, `the firm`, `the bank`…: the organisation the article has named most
//!   so far (a subject weighs 3), `the government`: the group `<country> government` of
//!   the country in focus (module `generic`);
//! - `the country`, `the state`, `the nation`: the country in focus (last named);
//!   `the newspaper`, `the publication`: the last news medium named;
//! - pronouns: only a clear antecedent, read from the subjects before the pronoun
//!   (see the `pronoun` module); an unresolved pronoun drops the triple;
//! - `the country`, `the state` prefer the country of a subject of the same sentence
//!   (`the Kremlin says the country…` → Russia) and count demonyms (`German chancellor`)
//!   as naming their country;
//! - a title alone (`President`) is the person named right after it, else dropped;
//!   an expletive `it` (`it follows from`) is dropped;
//! - a phrase headed by a common noun (`US election`) is a phrase, not the name inside;
//! - bylines and captions ([`SentenceKind`]), verbless
//!   credit lines and credit forms (`… Images`, `… / PA`) never become entities: their
//!   triples are dropped;
//! - other phrases (`ArgKind::Phrase`, unresolved descriptions) become `Other`
//!   entities keyed by their words without a leading determiner.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::gazetteer::{EntryId, Gazetteer, normalize};
use super::local::{DocEntities, LocalEntity, LocalId, LocalOrigin, TripleRefs, lower_words};
use super::mention::{self, NameMention, is_acronym, name_head};
use super::union_find::UnionFind;
use crate::model::{
    AnnotatedArticle, ArgKind, Argument, EntityType, MergeRule, MergeRules, Sentence, SentenceKind,
    Triple, Upos,
};

mod context;
mod forms;
mod generic;
mod pronoun;
mod roles;
mod sport;
mod words;

use forms::{
    article_year, contains_acronym_word, description_modifiers, initials_of, is_media_name,
    is_pronoun, is_unqualified_institution, parenthesis_is_identity, phrase_kind, text_sentence,
};
pub use forms::{is_credit, strip_determiner};
use roles::roles;
use words::{COMPANY_NOUNS, SPECIFIC_DETERMINERS};

/// One mention occurrence in the document.
#[derive(Debug)]
struct Occ {
    sentence: usize,
    mention: NameMention,
}

/// Builds the local entities of one document.
struct Builder<'a> {
    doc: &'a AnnotatedArticle,
    ents: Vec<LocalEntity>,
    sets: UnionFind,
    by_entry: HashMap<EntryId, usize>,
    by_key: HashMap<String, usize>,
    /// (sentence, first token, entity) of every mention, in text order.
    seen: Vec<(usize, usize, usize)>,
    /// Countries in focus: (sentence, token, entry, subject) for country names, demonyms and
    /// the countries of subjects (`the Kremlin says` → Russia).
    focus: Vec<(usize, usize, EntryId, bool)>,
    /// The entity of each mention, by (sentence, first token, end token).
    at: HashMap<(usize, usize, usize), usize>,
    /// The type a phrase entity's head noun gives it (`analysts`: a group), applied when
    /// the document is done so that pronouns still read phrases as things.
    phrase_kinds: HashMap<usize, EntityType>,
    /// The article is a sports report: countries named as sides are teams.
    sports: bool,
}

/// Resolves the mentions of one article: see the module doc.
pub fn document(doc: &AnnotatedArticle, triples: &[Triple]) -> DocEntities {
    let mut b = Builder {
        doc,
        ents: Vec::new(),
        sets: UnionFind::default(),
        by_entry: HashMap::new(),
        by_key: HashMap::new(),
        seen: Vec::new(),
        at: HashMap::new(),
        focus: Vec::new(),
        phrase_kinds: HashMap::new(),
        sports: sport::is_sports_article(doc),
    };
    let mut occs = Vec::new();
    for s in &doc.sentences {
        if !text_sentence(s) {
            continue;
        }
        for m in mention::mentions(s) {
            if is_credit(&m.text) {
                continue;
            }
            occs.push(Occ {
                sentence: s.index,
                mention: m,
            });
        }
    }
    // Aliases whose referent changed, read as of the article (`EC` in 1987).
    let gaz = Gazetteer::get();
    let reading = gaz.reading(
        article_year(doc.article.date.as_deref()),
        occs.iter()
            .map(|o| (o.mention.text.as_str(), o.mention.entry)),
    );
    for o in &mut occs {
        o.mention.entry = o
            .mention
            .entry
            .map(|e| gaz.as_of(e, &o.mention.text, &reading));
    }
    let mut occ_ent = Vec::with_capacity(occs.len());
    for o in &occs {
        let e = b.assign(o);
        occ_ent.push(e);
        b.seen.push((o.sentence, o.mention.tokens.start, e));
        b.note_focus(o, e);
        b.at.insert(
            (o.sentence, o.mention.tokens.start, o.mention.tokens.end),
            e,
        );
    }
    b.note_demonyms();
    b.note_org_context(&occs, &occ_ent);
    b.link_parentheses(&occs, &occ_ent);
    b.merge_surnames();
    b.merge_acronyms();
    // Roles from appositions and titles.
    for (o, &e) in occs.iter().zip(&occ_ent) {
        if let Some(s) = b.sentence(o.sentence) {
            let roles = roles(s, &o.mention);
            let e = b.find(e);
            b.ents[e].roles.extend(roles);
        }
    }
    let refs: Vec<Option<TripleRefs>> = triples
        .iter()
        .map(|t| {
            let actor = b.argument(&t.actor)?;
            let target = b.argument(&t.target)?;
            let attributed_to = t.attributed_to.as_ref().and_then(|a| b.argument(a));
            Some((actor, target, attributed_to))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|r| {
            r.map(|(a, t, s)| TripleRefs {
                actor: LocalId(a as u32),
                target: LocalId(t as u32),
                attributed_to: s.map(|s| LocalId(s as u32)),
            })
        })
        .collect();
    b.finish(refs)
}

/// True when a person's title or role `held` (normalised words) contains `title` (at its
/// end when `at_end`), not right after a word of rank: `Foreign Minister` holds
/// `minister`; `Deputy Prime Minister` does not hold `prime minister`, nor `former
/// chancellor` `chancellor`.
fn holds_title(held: &str, title: &str, at_end: bool) -> bool {
    const RANKS: &[&str] = &[
        "deputy",
        "vice",
        "former",
        "ex",
        "acting",
        "shadow",
        "assistant",
        "junior",
        "under",
        "associate",
        "interim",
        "late",
    ];
    let held: Vec<&str> = held.split(' ').collect();
    let title: Vec<&str> = title.split(' ').collect();
    if title.is_empty() || held.len() < title.len() {
        return false;
    }
    let last = held.len() - title.len();
    let first = if at_end { last } else { 0 };
    (first..=last)
        .any(|i| held[i..i + title.len()] == title[..] && (i == 0 || !RANKS.contains(&held[i - 1])))
}

impl Builder<'_> {
    fn sentence(&self, index: usize) -> Option<&Sentence> {
        self.doc
            .sentences
            .get(index)
            .filter(|s| s.index == index)
            .or_else(|| self.doc.sentences.iter().find(|s| s.index == index))
    }

    fn find(&mut self, e: usize) -> usize {
        self.sets.find(e)
    }

    /// Merges `b` into `a` (the survivor is the one created first) by `rule`, which every
    /// form of both then carries.
    fn union(&mut self, a: usize, b: usize, rule: MergeRule) {
        let Some((keep, gone)) = self.sets.union(a, b) else {
            return;
        };
        let mut g = std::mem::take(&mut self.ents[gone]);
        g.forms.add_rule(rule);
        let k = &mut self.ents[keep];
        k.forms.add_rule(rule);
        for (f, n, r) in g.forms {
            k.forms.add(f, n, r);
        }
        k.titled.extend(g.titled);
        k.roles.extend(g.roles);
        k.mentions += g.mentions;
        if k.entry.is_none() {
            k.entry = g.entry;
        }
        // A phrase that turns out to be a name (or a group) takes that name's key.
        if k.origin.is_phrase() && !g.origin.is_phrase() {
            k.origin = g.origin;
        }
        if k.part_of.is_none() {
            k.part_of = g.part_of;
        }
        if k.kind != g.kind && g.mentions > 0 {
            // A gazetteer type or a person seen with a title wins; else the first.
            if g.entry.is_some()
                || (g.kind == EntityType::Person
                    && k.kind != EntityType::Person
                    && k.entry.is_none()
                    && g.titled_person)
            {
                k.kind = g.kind;
            }
        }
        k.titled_person |= g.titled_person;
        k.org_context |= g.org_context;
    }

    fn new_entity(&mut self, kind: EntityType) -> usize {
        self.ents.push(LocalEntity {
            kind,
            ..LocalEntity::default()
        });
        self.sets.push()
    }

    /// The entity of a gazetteer entry, created (with no mention) when needed.
    fn entry_entity(&mut self, id: EntryId) -> usize {
        if let Some(&e) = self.by_entry.get(&id) {
            return self.find(e);
        }
        let entry = Gazetteer::get().entry(id);
        let e = self.new_entity(entry.kind);
        self.ents[e].entry = Some(id);
        self.ents[e].origin = LocalOrigin::Entry;
        if let Some(of) = entry.part_of.and_then(|l| Gazetteer::get().by_label(l)) {
            let p = self.entry_entity(of);
            self.ents[e].part_of = Some(p);
        }
        self.by_entry.insert(id, e);
        e
    }

    /// Adds a form (seen once) to an entity, put there by `rule`; a rule that joins names
    /// (`surname`, `short-form`) goes on the names already there too.
    fn add_form(&mut self, e: usize, form: &str, title: Option<&str>, rule: MergeRule) {
        let e = self.find(e);
        let ent = &mut self.ents[e];
        if ent.forms.keys().any(|f| f == form) {
            // The same form seen again is no merge: only counted.
            ent.forms.add(form.to_owned(), 1, MergeRules::default());
        } else {
            if matches!(
                rule,
                MergeRule::Surname | MergeRule::ShortForm | MergeRule::SameGroup
            ) {
                ent.forms.add_rule(rule);
            }
            ent.forms.add(form.to_owned(), 1, MergeRules::of(rule));
        }
        ent.mentions += 1;
        if let Some(t) = title {
            ent.titled.insert(format!("{t} {form}"));
        }
    }

    fn assign(&mut self, o: &Occ) -> usize {
        let m = &o.mention;
        let gaz = Gazetteer::get();
        if let Some(of) = &m.group_of {
            let owner_key = of
                .entry
                .map(|e| gaz.entry(e).label.clone())
                .unwrap_or_else(|| of.text.clone());
            let key = format!("group:{}|{}", normalize(&owner_key), of.rest);
            let rule = if self.by_key.contains_key(&key) {
                MergeRule::SameGroup
            } else {
                MergeRule::OwnName
            };
            let e = match self.by_key.get(&key) {
                Some(&e) => self.find(e),
                None => {
                    let e = self.new_entity(EntityType::Group);
                    let owner = match of.entry {
                        Some(id) => Some(self.entry_entity(id)),
                        None => self.by_key.get(&normalize(&of.text)).copied(),
                    };
                    self.ents[e].part_of = owner;
                    self.ents[e].origin =
                        LocalOrigin::Group(format!("{}|{}", normalize(&owner_key), of.rest));
                    self.by_key.insert(key, e);
                    e
                }
            };
            self.add_form(e, &m.text, None, rule);
            return e;
        }
        if let Some(id) = m.entry {
            let entry = gaz.entry(id);
            let side = self.sports
                && sport::fields_sides(entry)
                && self
                    .sentence(o.sentence)
                    .is_some_and(|s| sport::plays_as_side(s, &m.tokens));
            if side {
                // A country on the field: this article's side, part of the country.
                let key = format!("side:{}", normalize(&entry.label));
                let (e, rule) = match self.by_key.get(&key) {
                    Some(&e) => (self.find(e), MergeRule::SameName),
                    None => {
                        let e = self.new_entity(EntityType::Organization);
                        let country = self.entry_entity(id);
                        self.ents[e].part_of = Some(country);
                        self.ents[e].origin =
                            LocalOrigin::Specific(format!("{} side", normalize(&entry.label)));
                        self.by_key.insert(key, e);
                        (e, MergeRule::OwnName)
                    }
                };
                self.add_form(e, &m.text, None, rule);
                return e;
            }
            if entry.metonym_of.is_some() && m.kind == EntityType::Organization {
                // A capital acting as an institution: its own node, part of what it stands for.
                let key = format!("metonym:{}", normalize(&entry.label));
                let e = match self.by_key.get(&key) {
                    Some(&e) => self.find(e),
                    None => {
                        let e = self.new_entity(EntityType::Organization);
                        let of = entry
                            .metonym_of
                            .and_then(|l| gaz.by_label(l))
                            .map(|p| self.entry_entity(p));
                        self.ents[e].part_of = of;
                        self.ents[e].origin = LocalOrigin::Metonym(entry.label.clone());
                        self.by_key.insert(key, e);
                        e
                    }
                };
                self.add_form(e, &m.text, m.title.as_deref(), MergeRule::Gazetteer);
                return e;
            }
            let e = self.entry_entity(id);
            self.add_form(e, &m.text, m.title.as_deref(), MergeRule::Gazetteer);
            if m.title.is_some() && m.kind == EntityType::Person {
                self.ents[e].titled_person = true;
            }
            return e;
        }
        let key = normalize(&m.text);
        if let Some(&e) = self.by_key.get(&key) {
            let e = self.find(e);
            self.add_form(e, &m.text, m.title.as_deref(), MergeRule::SameName);
            return e;
        }
        // `the Commission` → the nearest earlier name ending with that word.
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() == 1 && self.after_the(o) {
            if let Some(e) = self.head_word(words[0], o.sentence, m.tokens.start) {
                // A mention of it, not a name of it: `Exchange` names every exchange.
                let e = self.find(e);
                self.ents[e].mentions += 1;
                return e;
            }
            if let Some(id) = gaz.short_form(words[0])
                && self.by_entry.contains_key(&id)
            {
                let e = self.entry_entity(id);
                self.add_form(e, &m.text, None, MergeRule::ShortForm);
                return e;
            }
        }
        // A surname of a person seen earlier.
        if (m.kind == EntityType::Person || (words.len() <= 2 && !is_acronym(&m.text)))
            && let Some(e) = self.person_with_suffix(&key)
        {
            self.add_form(e, &m.text, m.title.as_deref(), MergeRule::Surname);
            return e;
        }
        let e = self.new_entity(m.kind);
        self.ents[e].titled_person = m.title.is_some() && m.kind == EntityType::Person;
        if is_unqualified_institution(&key) {
            // `the Finance Ministry`: this article's country's, not every country's.
            self.ents[e].origin = LocalOrigin::Specific(key.clone());
        }
        self.by_key.insert(key, e);
        self.add_form(e, &m.text, m.title.as_deref(), MergeRule::OwnName);
        e
    }

    /// True when the mention follows `the`.
    fn after_the(&self, o: &Occ) -> bool {
        let start = o.mention.tokens.start;
        start > 0
            && self
                .sentence(o.sentence)
                .and_then(|s| s.tokens.get(start - 1))
                .is_some_and(|t| t.form.eq_ignore_ascii_case("the"))
    }

    /// The nearest earlier non-person entity with a name ending in `word`.
    fn head_word(&mut self, word: &str, sentence: usize, token: usize) -> Option<usize> {
        let seen: Vec<usize> = self
            .seen
            .iter()
            .rev()
            .filter(|(s, t, _)| (*s, *t) < (sentence, token))
            .map(|&(_, _, e)| e)
            .collect();
        for e in seen {
            let e = self.find(e);
            let ent = &self.ents[e];
            if matches!(ent.kind, EntityType::Person | EntityType::Group) {
                continue;
            }
            let mut names: Vec<String> = ent.forms.keys().map(|f| normalize(f)).collect();
            if let Some(id) = ent.entry {
                names.push(normalize(&Gazetteer::get().entry(id).label));
            }
            if names
                .iter()
                .any(|n| n.split(' ').count() > 1 && n.rsplit(' ').next() == Some(word))
            {
                return Some(e);
            }
        }
        None
    }

    /// The unique person whose name ends with the words of `key` (and is longer).
    fn person_with_suffix(&mut self, key: &str) -> Option<usize> {
        let mut found: BTreeSet<usize> = BTreeSet::new();
        for e in 0..self.ents.len() {
            if !self.sets.is_root(e) || self.ents[e].kind != EntityType::Person {
                continue;
            }
            let mut names: Vec<String> = self.ents[e].forms.keys().map(|f| normalize(f)).collect();
            if let Some(id) = self.ents[e].entry {
                names.push(normalize(&Gazetteer::get().entry(id).label));
            }
            if names.iter().any(|n| {
                n.len() > key.len()
                    && n.ends_with(key)
                    && n.as_bytes()[n.len() - key.len() - 1] == b' '
            }) {
                found.insert(e);
            }
        }
        (found.len() == 1).then(|| *found.iter().next().expect("one"))
    }

    /// Surname-only persons named before the full name (`Putin … Vladimir Putin`).
    fn merge_surnames(&mut self) {
        for e in 0..self.ents.len() {
            if !self.sets.is_root(e)
                || self.ents[e].entry.is_some()
                || self.ents[e].forms.is_empty()
            {
                continue;
            }
            if !matches!(
                self.ents[e].kind,
                EntityType::Person | EntityType::Organization
            ) {
                continue;
            }
            let keys: Vec<String> = self.ents[e].forms.keys().map(|f| normalize(f)).collect();
            if keys
                .iter()
                .any(|k| k.contains(' ') && self.ents[e].kind == EntityType::Organization)
            {
                continue;
            }
            if keys.iter().any(|k| k.split(' ').count() > 2) {
                continue;
            }
            let mut target = None;
            for k in &keys {
                if let Some(p) = self.person_with_suffix(k)
                    && p != e
                {
                    target = Some(p);
                }
            }
            if let Some(p) = target {
                if self.ents[e].kind == EntityType::Organization
                    && keys.iter().any(|k| is_acronym(k))
                {
                    continue;
                }
                self.union(p, e, MergeRule::Surname);
            }
        }
    }

    /// Acronyms to the one multi-word name with those initials.
    fn merge_acronyms(&mut self) {
        let mut initials: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for e in 0..self.ents.len() {
            if !self.sets.is_root(e) || self.ents[e].kind == EntityType::Group {
                continue;
            }
            for f in self.ents[e].forms.keys() {
                if let Some(i) = initials_of(f)
                    && !contains_acronym_word(f, &i)
                {
                    initials.entry(i).or_default().insert(e);
                }
            }
        }
        for e in 0..self.ents.len() {
            if !self.sets.is_root(e) {
                continue;
            }
            let acr: Vec<String> = self.ents[e]
                .forms
                .keys()
                .filter(|f| is_acronym(f))
                .map(|f| f.replace('.', ""))
                .collect();
            for a in acr {
                let Some(cands) = initials.get(&a) else {
                    continue;
                };
                let cands: BTreeSet<usize> = cands
                    .iter()
                    .map(|&c| self.find_ro(c))
                    .filter(|&c| c != self.find_ro(e))
                    .collect();
                if cands.len() == 1 {
                    let c = *cands.iter().next().expect("one");
                    let (ea, eb) = (self.ents[e].entry, self.ents[c].entry);
                    // A known acronym (`US`, `EU`) has its expansions in the gazetteer:
                    // an unknown long name with the same initials is something else.
                    if (ea.is_some() || eb.is_some()) && ea != eb {
                        continue;
                    }
                    self.union(c, e, MergeRule::Acronym);
                }
            }
        }
    }

    fn find_ro(&self, e: usize) -> usize {
        self.sets.root(e)
    }

    /// `Name (Other Name)`: the second is another name of the first.
    fn link_parentheses(&mut self, occs: &[Occ], occ_ent: &[usize]) {
        for k in 0..occs.len().saturating_sub(1) {
            let (a, b) = (&occs[k], &occs[k + 1]);
            if a.sentence != b.sentence
                || a.mention.group_of.is_some()
                || b.mention.group_of.is_some()
            {
                continue;
            }
            let Some(s) = self.sentence(a.sentence) else {
                continue;
            };
            let open = a.mention.tokens.end;
            let paren = s.tokens.get(open).is_some_and(|t| t.form == "(")
                && b.mention.tokens.start == open + 1
                && s.tokens
                    .get(b.mention.tokens.end)
                    .is_some_and(|t| t.form == ")");
            if !paren {
                continue;
            }
            let (ea, eb) = (self.find(occ_ent[k]), self.find(occ_ent[k + 1]));
            let (na, nb) = (&self.ents[ea], &self.ents[eb]);
            if na.entry.is_some() && nb.entry.is_some() && na.entry != nb.entry {
                continue;
            }
            if !parenthesis_is_identity(na, nb, &b.mention.text) {
                continue;
            }
            self.union(ea, eb, MergeRule::Parenthesis);
        }
    }

    /// Records the country a mention puts in focus, if any.
    fn note_focus(&mut self, o: &Occ, e: usize) {
        let gaz = Gazetteer::get();
        let Some(s) = self.sentence(o.sentence) else {
            return;
        };
        let head = name_head(s, &o.mention.tokens);
        let rel = head.map(|h| s.tokens[h].deprel).unwrap_or_default();
        let subject = rel.starts_with("nsubj");
        let modifier = rel.starts_with("compound") || rel == "amod";
        let e = self.find(e);
        let ent = &self.ents[e];
        let mut country = ent.entry.filter(|&id| gaz.entry(id).country);
        if country.is_none() {
            if let Some(of) = &o.mention.group_of {
                country = of.entry.filter(|&id| gaz.entry(id).country);
            } else if let Some(p) = ent.part_of {
                let p = self.find_ro(p);
                country = self.ents[p].entry.filter(|&id| gaz.entry(id).country);
            }
        }
        if let Some(c) = country
            && (!modifier || subject)
        {
            self.focus
                .push((o.sentence, o.mention.tokens.start, c, subject));
        }
    }

    /// Demonym adjectives (`German chancellor`) put their country in focus too.
    fn note_demonyms(&mut self) {
        let gaz = Gazetteer::get();
        let mut found = Vec::new();
        for s in &self.doc.sentences {
            if !text_sentence(s) {
                continue;
            }
            for (i, t) in s.tokens.iter().enumerate() {
                if (t.upos == Upos::Adj || t.upos == Upos::Propn && t.deprel == "amod")
                    && let Some(c) = gaz.demonym(&t.form).filter(|&c| gaz.entry(c).country)
                {
                    found.push((s.index, i, c, false));
                }
            }
        }
        self.focus.extend(found);
        self.focus.sort();
    }

    /// `the country`: a country of a subject in the same sentence, else the last country
    /// named or implied within three sentences.
    fn focus_country(&mut self, arg: &Argument) -> Option<usize> {
        let at = (arg.sentence, arg.tokens.start);
        let same = self
            .focus
            .iter()
            .rev()
            .find(|f| f.0 == arg.sentence && f.3 && (f.0, f.1) < at)
            .or_else(|| {
                self.focus
                    .iter()
                    .rev()
                    .find(|f| (f.0, f.1) < at && f.0 + 3 >= arg.sentence)
            })
            .map(|f| f.2)?;
        Some(self.entry_entity(same))
    }

    /// The local entity of one argument, or `None` when it must be dropped.
    fn argument(&mut self, arg: &Argument) -> Option<usize> {
        let s = self.sentence(arg.sentence)?;
        if !text_sentence(s) || is_credit(&arg.text) {
            return None;
        }
        match arg.kind {
            ArgKind::Unknown => None,
            ArgKind::Pronoun => {
                let e = self.pronoun(arg)?;
                self.ents[e].mentions += 1;
                Some(e)
            }
            ArgKind::Name | ArgKind::Group => self
                .covering(arg)
                .or_else(|| self.description(arg))
                .or_else(|| self.adhoc(arg)),
            ArgKind::Description => self
                .covering_head(arg)
                .or_else(|| self.description(arg))
                .or_else(|| self.thing(arg)),
            ArgKind::Phrase => self
                .covering_exact(arg)
                .or_else(|| self.known_phrase(arg))
                .or_else(|| self.thing(arg)),
        }
    }

    /// The entities of mentions inside the argument: the one holding its head, else the
    /// group or name that covers most of it.
    fn covering(&mut self, arg: &Argument) -> Option<usize> {
        if let Some(e) = self.covering_head(arg) {
            return Some(e);
        }
        // A common noun heads the phrase (`US election`): not the name inside it.
        let s = self.sentence(arg.sentence)?;
        if s.tokens.get(arg.head).is_some_and(|t| {
            t.upos == Upos::Noun && t.form.chars().next().is_some_and(char::is_lowercase)
        }) {
            return self.description(arg).or_else(|| self.thing(arg));
        }
        let hit = self
            .seen
            .iter()
            .filter(|(s, t, _)| *s == arg.sentence && arg.tokens.contains(t))
            .map(|&(_, _, e)| e)
            .next_back()?;
        Some(self.find(hit))
    }

    fn covering_head(&mut self, arg: &Argument) -> Option<usize> {
        let s = self.sentence(arg.sentence)?;
        let ms = mention::mentions(s);
        let m = ms
            .iter()
            .filter(|m| m.tokens.contains(&arg.head))
            .max_by_key(|m| m.tokens.len())?;
        let hit = *self.at.get(&(arg.sentence, m.tokens.start, m.tokens.end))?;
        Some(self.find(hit))
    }

    /// A phrase whose words are exactly one known mention (`Russia`, `the EU`).
    fn covering_exact(&mut self, arg: &Argument) -> Option<usize> {
        let s = self.sentence(arg.sentence)?;
        let ms = mention::mentions(s);
        let mut toks = arg.tokens.clone();
        while toks.start < toks.end
            && s.tokens
                .get(toks.start)
                .is_some_and(|t| matches!(t.upos, Upos::Det | Upos::Punct))
        {
            toks.start += 1;
        }
        let m = ms.iter().find(|m| m.tokens == toks)?;
        let hit = *self.at.get(&(arg.sentence, m.tokens.start, m.tokens.end))?;
        Some(self.find(hit))
    }

    /// `the country`, `the newspaper`, `the Commission`.
    fn description(&mut self, arg: &Argument) -> Option<usize> {
        let s = self.sentence(arg.sentence)?;
        let head = s.tokens.get(arg.head)?;
        if head.upos == Upos::Pron {
            return None;
        }
        let word = head.lemma.to_lowercase();
        // `the countries`, `the unions`: a plural is not one named entity.
        if head.form.to_lowercase() != word {
            return None;
        }
        let before = (arg.sentence, arg.tokens.start);
        let modifiers = description_modifiers(s, arg);
        let gaz = Gazetteer::get();
        if arg.kind != ArgKind::Name
            && let Some(e) = self.person_with_title(arg)
        {
            self.ents[e].mentions += 1;
            return Some(e);
        }
        let e = match word.as_str() {
            "country" | "state" | "nation" => self.focus_country(arg),
            "government" if modifiers.is_empty() => self.country_government(arg),
            w if modifiers.is_empty() && COMPANY_NOUNS.contains(&w) => self.main_company(arg, w),
            "newspaper" | "paper" | "publication" | "broadcaster" | "outlet" | "magazine"
            | "daily" => self.last(before, |ent| {
                ent.entry.is_some_and(|id| gaz.entry(id).media)
                    || ent.kind == EntityType::Organization
                        && ent.forms.keys().any(|f| is_media_name(f))
            }),
            _ => {
                // A modifier must be one of the entity's words (`the Frankfurt exchange` is
                // not the London Stock Exchange; `the pilots union` is not the EU).
                let found = self
                    .head_word(&word, before.0, before.1)
                    .filter(|&e| self.names_contain(e, &modifiers));
                // The body a bare `the union` stands for only when the article names it.
                found.or_else(|| {
                    gaz.short_form(&word)
                        .filter(|id| modifiers.is_empty() && self.by_entry.contains_key(id))
                        .map(|id| self.entry_entity(id))
                })
            }
        }?;
        let e = self.find(e);
        self.ents[e].mentions += 1;
        Some(e)
    }

    /// True when every word of `words` is a word of one of the entity's names.
    fn names_contain(&self, e: usize, words: &[String]) -> bool {
        let ent = &self.ents[self.find_ro(e)];
        let mut names: Vec<String> = ent.forms.keys().map(|f| normalize(f)).collect();
        if let Some(id) = ent.entry {
            let entry = Gazetteer::get().entry(id);
            names.push(normalize(&entry.label));
        }
        words
            .iter()
            .all(|w| names.iter().any(|n| n.split(' ').any(|x| x == w)))
    }

    /// The entity of the last mention before `at` whose entity passes `ok`.
    fn last(&mut self, at: (usize, usize), ok: impl Fn(&LocalEntity) -> bool) -> Option<usize> {
        let seen: Vec<usize> = self
            .seen
            .iter()
            .rev()
            .filter(|(s, t, _)| (*s, *t) < at)
            .map(|&(_, _, e)| e)
            .collect();
        for e in seen {
            let e = self.find(e);
            if ok(&self.ents[e]) {
                return Some(e);
            }
        }
        None
    }

    /// A name argument with no detected mention: an entity from its own words.
    fn adhoc(&mut self, arg: &Argument) -> Option<usize> {
        let text = strip_determiner(&arg.text);
        if text.is_empty() || !text.chars().any(char::is_alphabetic) {
            return None;
        }
        // Table labels and single letters (`S and P`) are never names.
        if mention::is_not_name(&text) || text.chars().filter(|c| c.is_alphabetic()).count() == 1 {
            return None;
        }
        if mention::is_title_only(&text) {
            return self
                .titled_person_after(arg)
                .or_else(|| self.person_with_title(arg));
        }
        let gaz = Gazetteer::get();
        if let Some(id) = gaz.lookup(&text) {
            let e = self.entry_entity(id);
            self.add_form(e, &text, None, MergeRule::Gazetteer);
            return Some(e);
        }
        if !text.chars().any(char::is_uppercase) {
            return self.thing(arg);
        }
        let key = normalize(&text);
        if let Some(&e) = self.by_key.get(&key) {
            let e = self.find(e);
            self.add_form(e, &text, None, MergeRule::SameName);
            return Some(e);
        }
        let kind = if arg.kind == ArgKind::Group {
            EntityType::Group
        } else {
            EntityType::Organization
        };
        let e = self.new_entity(kind);
        self.by_key.insert(key, e);
        self.add_form(e, &text, None, MergeRule::OwnName);
        Some(e)
    }

    /// A title alone (`President`): the person named right after it, if any.
    fn titled_person_after(&mut self, arg: &Argument) -> Option<usize> {
        let end = arg.tokens.end;
        let hits: Vec<usize> = self
            .seen
            .iter()
            .filter(|(s, t, _)| *s == arg.sentence && *t >= end && *t <= end + 5)
            .map(|&(_, _, e)| e)
            .collect();
        for e in hits {
            let e = self.find(e);
            if self.ents[e].kind == EntityType::Person {
                return Some(e);
            }
        }
        None
    }

    /// `the chancellor`, `the home secretary`: the one person named earlier in the article
    /// with that title before the name (`Chancellor Gordon Brown`) or as a role (`Gordon
    /// Brown, the chancellor`). None when no person or several persons carry it.
    /// Also `the presenter`, `the film star`: a singular person noun of up to three words,
    /// for the one person the article gave it as a role (`TV presenter X`, `X, the star`).
    fn person_with_title(&mut self, arg: &Argument) -> Option<usize> {
        let text = strip_determiner(&arg.text);
        let words: Vec<&str> = text.split_whitespace().collect();
        let described = (1..=3).contains(&words.len())
            && words.iter().all(|w| w.chars().all(char::is_lowercase))
            && words.last().is_some_and(|w| {
                words::PERSON_NOUNS.contains(w) || words::PERSON_ROLE_NOUNS.contains(w)
            });
        if !mention::is_title_only(&text) && !described {
            return None;
        }
        self.titled_person(&text, (arg.sentence, arg.tokens.start))
    }

    /// The one person seen before `at` who carries `title` (normalised words of a title:
    /// `chancellor`, `prime minister`) before a name or as a role; `None` when none or
    /// several do, or the title is only an honorific (`Mr`, `Lady`).
    fn titled_person(&mut self, text: &str, at: (usize, usize)) -> Option<usize> {
        let title = normalize(text);
        if title.is_empty()
            || title.split(' ').all(|w| {
                matches!(
                    w,
                    "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "sir" | "dame" | "lord" | "lady"
                )
            })
        {
            return None;
        }
        let seen: Vec<usize> = self
            .seen
            .iter()
            .filter(|(s, t, _)| (*s, *t) < at)
            .map(|&(_, _, e)| e)
            .collect();
        let mut found: BTreeSet<usize> = BTreeSet::new();
        for e in seen {
            let e = self.find(e);
            let ent = &self.ents[e];
            if ent.kind != EntityType::Person {
                continue;
            }
            let titled = ent.titled.iter().any(|t| {
                let name_len = ent
                    .forms
                    .keys()
                    .filter(|f| t.ends_with(f.as_str()))
                    .map(String::len)
                    .max()
                    .unwrap_or(0);
                let head = &t[..t.len() - name_len];
                holds_title(&normalize(head), &title, false)
            });
            let role = ent
                .roles
                .iter()
                .any(|r| holds_title(&normalize(r), &title, true));
            if titled || role {
                found.insert(e);
            }
        }
        (found.len() == 1).then(|| *found.iter().next().expect("one"))
    }

    /// A phrase that is a gazetteer name (`WikiLeaks` tagged as a common noun).
    fn known_phrase(&mut self, arg: &Argument) -> Option<usize> {
        let text = strip_determiner(&arg.text);
        let id = Gazetteer::get().lookup(&text)?;
        let e = self.entry_entity(id);
        self.add_form(e, &text, None, MergeRule::Gazetteer);
        Some(e)
    }

    /// An `Other` entity for a phrase.
    fn thing(&mut self, arg: &Argument) -> Option<usize> {
        let text = strip_determiner(&arg.text);
        if text.is_empty() || !text.chars().any(char::is_alphabetic) {
            return None;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() == 1 && (is_pronoun(words[0])) {
            return None;
        }
        let key = format!("thing:{}", text.to_lowercase());
        let sentence = self.doc.sentences.get(arg.sentence);
        let head = sentence.and_then(|s| s.tokens.get(arg.head));
        // A determiner (`the board`, `its report`) or a headline's bare singular
        // (`Board approves merger`) points at one thing of this article; a bare plural or
        // mass noun in running text (`analysts`, `inflation`) names the kind.
        let determined = sentence.is_some_and(|s| {
            s.tokens.iter().any(|t| {
                t.head == Some(arg.head)
                    && (t.deprel == "nmod:poss"
                        || t.xpos == "PRP$"
                        || t.base_rel() == "det"
                            && SPECIFIC_DETERMINERS.contains(&t.form.to_lowercase().as_str()))
            })
        });
        let singular = head.is_some_and(|t| t.xpos == "NN");
        let headline = sentence.is_some_and(|s| s.kind == SentenceKind::Headline);
        // People and bodies are those of this article even bare, singular or plural
        // (`told parliament`, `company spokesman`, `analysts said`, `banks lent`): the
        // analysts of one story are not those of another. Only things and ideas
        // (`interest rates`, `inflation`) are the same in every article.
        let one_body = head.is_some_and(|t| {
            matches!(
                phrase_kind(t),
                EntityType::Organization | EntityType::Person | EntityType::Group
            )
        });
        // A phrase qualified by a name (`the Redhaven council`, `the Reagan
        // administration`) is that same thing in every article.
        let named = sentence.is_some_and(|s| {
            s.tokens
                .get(arg.tokens.clone())
                .is_some_and(|ts| ts.iter().any(|t| t.upos == Upos::Propn))
        });
        let specific = !named && (determined || singular && headline || one_body);
        let rule = if self.by_key.contains_key(&key) {
            MergeRule::SameName
        } else {
            MergeRule::OwnName
        };
        let e = match self.by_key.get(&key) {
            Some(&e) => {
                let e = self.find(e);
                if specific && let LocalOrigin::Thing(k) = &self.ents[e].origin {
                    self.ents[e].origin = LocalOrigin::Specific(k.clone());
                }
                e
            }
            None => {
                let e = self.new_entity(EntityType::Other);
                let words = text.to_lowercase();
                self.ents[e].origin = if specific {
                    LocalOrigin::Specific(words)
                } else {
                    LocalOrigin::Thing(words)
                };
                self.by_key.insert(key, e);
                self.phrase_kinds
                    .insert(e, head.map_or(EntityType::Other, phrase_kind));
                e
            }
        };
        self.add_form(e, &text, None, rule);
        Some(e)
    }

    fn finish(mut self, refs: Vec<Option<TripleRefs>>) -> DocEntities {
        // Compact: survivors in creation order get ids 0..n.
        let n = self.ents.len();
        let mut new_id = vec![usize::MAX; n];
        let mut next = 0;
        for (e, slot) in new_id.iter_mut().enumerate() {
            if self.sets.is_root(e) {
                *slot = next;
                next += 1;
            }
        }
        let map: Vec<usize> = (0..n).map(|e| new_id[self.find_ro(e)]).collect();
        let mut ents = Vec::with_capacity(next);
        for e in 0..n {
            if self.sets.is_root(e) {
                let mut ent = std::mem::take(&mut self.ents[e]);
                ent.part_of = ent.part_of.map(|p| map[p]).filter(|&p| p != map[e]);
                // Only a phrase still alone takes its head's type (one merged with a name
                // keeps the name's).
                if ent.kind == EntityType::Other
                    && ent.forms.len() == 1
                    && let Some(&k) = self.phrase_kinds.get(&e)
                {
                    ent.kind = k;
                }
                ents.push(ent);
            }
        }
        let remap = |l: LocalId| LocalId(map[l.0 as usize] as u32);
        let refs = refs
            .into_iter()
            .map(|r| {
                r.map(|r| TripleRefs {
                    actor: remap(r.actor),
                    target: remap(r.target),
                    attributed_to: r.attributed_to.map(remap),
                })
            })
            .collect();
        DocEntities {
            refs,
            entities: ents,
            lower_words: lower_words(self.doc.sentences.iter().filter(|s| text_sentence(s))),
        }
    }
}

#[cfg(test)]
mod title_tests {
    use super::holds_title;

    #[test]
    fn a_rank_before_a_title_is_another_office() {
        assert!(holds_title("prime minister", "prime minister", true));
        assert!(holds_title("foreign minister", "minister", true));
        assert!(holds_title(
            "british prime minister",
            "prime minister",
            false
        ));
        assert!(!holds_title(
            "deputy prime minister",
            "prime minister",
            false
        ));
        assert!(!holds_title("former chancellor", "chancellor", true));
        assert!(!holds_title(
            "prime minister s spokesman",
            "prime minister",
            true
        ));
    }
}
