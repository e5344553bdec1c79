//! Cross-document resolution: document-local entities folded into corpus-wide
//! [`Entity`]s with stable ids.
//!
//! Each local entity gives keys; entities sharing a key are one entity (union–find over
//! documents sorted by id, so the result does not depend on the order they were added):
//! - a gazetteer entry: its label;
//! - a group: owner and words (`russia|officials`);
//! - a phrase: its lower-cased words;
//! - a person: every full name (titles stripped, case and accents folded) that is not a
//!   word suffix of another name of the same entity; a surname alone waits for the end and
//!   joins the one person of the corpus with that surname, if there is exactly one; so does
//!   a single word typed organisation or place, unless the corpus writes it in lower case
//!   at least as often (`Trade`, `World`: common words, not surnames);
//! - other names: every form, normalised, but an acronym spelled out in the same article
//!   (`African Development Bank (ADB)`), which names different bodies in different
//!   articles.
//!
//! Memory grows with distinct entity summaries, not with documents: equal summaries (the same
//! names, counts and roles in another article) are stored once, and a document keeps only
//! the 4-byte index of each of its summaries; the clustering works on 4-byte node numbers.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::gazetteer::{Gazetteer, normalize};
use super::local::{DocEntities, LocalEntity, LocalId, LocalOrigin};
use super::mention::{is_acronym, is_org_head, is_person_shaped};
use super::union_find::UnionFind;
use crate::model::{Entity, EntityId, EntityType};
use crate::model::{EntityEvidence, FormEvidence, MergeRule, MergeRules};
use crate::slug::slugify;

/// Folds documents into corpus-wide entities.
#[derive(Debug, Default)]
pub struct Resolver {
    /// Each distinct local-entity summary and its number.
    summaries: FxHashMap<LocalEntity, u32>,
    /// Each document, in the order added: its id and where its entities start in `locals`.
    docs: Vec<(String, u32)>,
    /// The summary number of every document's entities, document after document.
    locals: Vec<u32>,
    /// How often each all-lower-case word occurs in the corpus (summed over documents).
    lower_words: FxHashMap<String, u32>,
}

impl Resolver {
    /// A resolver with no documents.
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// Adds one document's entities (only their summaries are kept, each distinct one once).
    pub fn add(&mut self, doc: &str, entities: DocEntities) {
        self.docs.push((doc.to_owned(), index(self.locals.len())));
        for (w, n) in entities.lower_words {
            *self.lower_words.entry(w).or_default() += n;
        }
        for e in entities.entities {
            let next = index(self.summaries.len());
            let n = *self.summaries.entry(e).or_insert(next);
            self.locals.push(n);
        }
    }

    /// Clusters everything added into entities with stable ids. The result does not depend
    /// on the order documents were added in.
    pub fn finish(self) -> Resolution {
        let Resolver {
            summaries,
            docs,
            locals,
            lower_words,
        } = self;
        let mut table: Vec<Option<LocalEntity>> = vec![None; summaries.len()];
        for (e, n) in summaries {
            table[n as usize] = Some(e);
        }
        let table: Vec<LocalEntity> = table
            .into_iter()
            .map(|e| e.expect("summary numbers are dense"))
            .collect();
        let range =
            |d: usize| docs[d].1 as usize..docs.get(d + 1).map_or(locals.len(), |x| x.1 as usize);
        // Documents sorted by id, then by content (a stable sort: equal ones keep their order).
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by(|&a, &b| {
            docs[a]
                .0
                .cmp(&docs[b].0)
                .then_with(|| summary_cmp(&locals[range(a)], &locals[range(b)], &table))
        });
        // Nodes: every document's entities, documents in sorted order.
        let mut node_start: Vec<u32> = Vec::with_capacity(docs.len() + 1);
        let mut node_sum: Vec<u32> = Vec::with_capacity(locals.len());
        let mut node_doc: Vec<u32> = Vec::with_capacity(locals.len());
        for (p, &d) in order.iter().enumerate() {
            node_start.push(index(node_sum.len()));
            for &s in &locals[range(d)] {
                node_sum.push(s);
                node_doc.push(index(p));
            }
        }
        node_start.push(index(node_sum.len()));
        let sorted_ids: Vec<String> = {
            let mut docs = docs;
            order
                .iter()
                .map(|&d| std::mem::take(&mut docs[d].0))
                .collect()
        };
        drop(locals);
        let nodes = node_sum.len();
        let ent = |n: usize| -> &LocalEntity { &table[node_sum[n] as usize] };

        // Keys, computed once per summary. Nodes with one summary have the same keys, so a
        // later one joins the first; a summary without keys stays a cluster of its own.
        let mut uf = UnionFind::new(nodes);
        let mut keys: BTreeMap<String, u32> = BTreeMap::new();
        let mut first_node: Vec<u32> = vec![u32::MAX; table.len()];
        let mut surname_of: Vec<Option<String>> = vec![None; table.len()];
        let mut has_keys: Vec<bool> = vec![false; table.len()];
        let mut surnames: Vec<(u32, u32)> = Vec::new();
        for (n, &s) in node_sum.iter().enumerate() {
            let s = s as usize;
            if first_node[s] == u32::MAX {
                first_node[s] = index(n);
                let (ks, surname) = node_keys(&table[s]);
                has_keys[s] = !ks.is_empty();
                for k in ks {
                    match keys.get(&k) {
                        Some(&first) => {
                            uf.union(first as usize, n);
                        }
                        None => {
                            keys.insert(k, index(n));
                        }
                    }
                }
                surname_of[s] = surname;
            } else if has_keys[s] {
                uf.union(first_node[s] as usize, n);
            }
            if surname_of[s].is_some() {
                surnames.push((index(n), index(s)));
            }
        }
        // Surnames alone: the one person of the corpus with that surname, if unique. Every
        // summary listed here has keys (a gazetteer entry or a full name), so all its nodes
        // are one cluster and its first node stands for them.
        let mut by_surname: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
        for (s, e) in table.iter().enumerate() {
            if first_node[s] == u32::MAX {
                continue;
            }
            let person_entry = e
                .entry
                .is_some_and(|id| Gazetteer::get().entry(id).kind == EntityType::Person);
            // A phrase typed by its head noun (`chairman of Southampton`) is no name.
            if e.kind != EntityType::Person && !person_entry || e.origin.is_phrase() {
                continue;
            }
            // Only a person whose name has a person's shape lends its surname (`BBC
            // Liverpool`, `Series A. Moody` are not persons, whatever their type says).
            let shaped =
                person_entry || e.titled_person || e.forms.keys().any(|f| is_person_shaped(f));
            if !shaped {
                continue;
            }
            for f in e.forms.keys().map(|f| normalize(f)).chain(
                e.entry
                    .map(|id| normalize(&Gazetteer::get().entry(id).label)),
            ) {
                let words: Vec<&str> = f.split(' ').collect();
                for k in 1..words.len() {
                    by_surname
                        .entry(words[k..].join(" "))
                        .or_default()
                        .insert(first_node[s]);
                }
            }
        }
        // Single words typed organisation or place that are the surname of a person of the
        // corpus are that person (`Blair` as an object is not a company), unless the corpus
        // writes the word in lower case at least as often as it names something with it
        // alone (`Trade`, `World` are common words, not someone's surname).
        let mut uses = vec![0usize; table.len()];
        for &s in &node_sum {
            uses[s as usize] += 1;
        }
        let mut single_names: FxHashMap<String, usize> = FxHashMap::default();
        for (e, &u) in table.iter().zip(&uses) {
            for (f, n, _) in e.forms.with_rules() {
                if !f.contains(' ') {
                    *single_names.entry(normalize(f)).or_default() += n * u;
                }
            }
        }
        let common = |f: &str| {
            let lower = lower_words.get(f).map_or(0, |&n| n as usize);
            lower >= 2 && lower >= single_names.get(f).copied().unwrap_or(0)
        };
        let mut forced: Vec<Option<String>> = vec![None; table.len()];
        for (s, e) in table.iter().enumerate() {
            if e.entry.is_none()
                && e.origin == LocalOrigin::Name
                && matches!(e.kind, EntityType::Organization | EntityType::Place)
                && e.forms.len() == 1
            {
                let f = normalize(e.forms.keys().next().expect("one form"));
                if !f.contains(' ')
                    && !e.forms.keys().any(|k| is_acronym(k))
                    && by_surname.contains_key(&f)
                    && !common(&f)
                {
                    forced[s] = Some(f);
                }
            }
        }
        for (n, &s) in node_sum.iter().enumerate() {
            let s = s as usize;
            if forced[s].is_some() {
                surnames.push((index(n), index(s)));
            }
        }
        for &(n, s) in &surnames {
            let n = n as usize;
            let s = s as usize;
            let name = surname_of[s]
                .as_ref()
                .or(forced[s].as_ref())
                .expect("a listed node has a surname");
            let own = uf.find(n);
            let roots: BTreeSet<usize> = by_surname
                .get(name)
                .into_iter()
                .flatten()
                .map(|&m| uf.find(m as usize))
                .filter(|&r| r != own)
                .collect();
            if roots.len() == 1 {
                let r = *roots.iter().next().expect("one");
                uf.union(r, n);
            } else {
                let k = format!("surname:{name}");
                match keys.get(&k) {
                    Some(&first) => {
                        uf.union(first as usize, n);
                    }
                    None => {
                        keys.insert(k, index(n));
                    }
                }
            }
        }
        drop(keys);
        drop(by_surname);
        drop(single_names);
        drop(uses);
        drop(lower_words);
        // Clusters, numbered in the order of their first node (the union–find root).
        let mut cluster_of: Vec<u32> = vec![0; nodes];
        let mut clusters = 0usize;
        for n in 0..nodes {
            let r = uf.find(n);
            cluster_of[n] = if r == n {
                clusters += 1;
                index(clusters - 1)
            } else {
                cluster_of[r]
            };
        }
        drop(uf);
        // Members of each cluster, in node order.
        let mut member_start: Vec<u32> = vec![0; clusters + 1];
        for &c in &cluster_of {
            member_start[c as usize + 1] += 1;
        }
        for c in 0..clusters {
            member_start[c + 1] += member_start[c];
        }
        let mut members: Vec<u32> = vec![0; nodes];
        {
            let mut fill = member_start.clone();
            for (n, &c) in cluster_of.iter().enumerate() {
                members[fill[c as usize] as usize] = index(n);
                fill[c as usize] += 1;
            }
        }
        let cluster = |c: usize| &members[member_start[c] as usize..member_start[c + 1] as usize];
        let mut built: Vec<(Entity, String, EntityEvidence)> = (0..clusters)
            .map(|c| {
                let person = cluster(c)
                    .iter()
                    .any(|&n| forced[node_sum[n as usize] as usize].is_some());
                build(
                    cluster(c).iter().map(|&n| ent(n as usize)),
                    cluster(c).iter().map(|&n| node_doc[n as usize] as usize),
                    person,
                )
            })
            .collect();
        // A phrase specific to its article (`the board`) is one node per article: its id
        // carries the article's, so adding or removing other articles never renumbers it.
        for (c, (e, _, _)) in built.iter_mut().enumerate() {
            let &first = cluster(c).first().expect("a cluster has a node");
            if matches!(ent(first as usize).origin, LocalOrigin::Specific(_)) {
                let doc = &sorted_ids[node_doc[first as usize] as usize];
                e.id = EntityId(format!("{}.{}", e.id.0, slugify(doc)));
            }
        }
        // Ids, with collisions numbered in the order of their content keys.
        let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, (e, _, _)) in built.iter().enumerate() {
            by_id.entry(e.id.0.clone()).or_default().push(i);
        }
        for (_, mut idx) in by_id {
            if idx.len() < 2 {
                continue;
            }
            idx.sort_by(|&a, &b| built[a].1.cmp(&built[b].1));
            for (k, &i) in idx.iter().enumerate().skip(1) {
                let id = format!("{}-{}", built[i].0.id.0, k + 1);
                built[i].0.id = EntityId(id);
            }
        }
        // part_of: the first member that has one, mapped to its cluster.
        for c in 0..clusters {
            let part = cluster(c).iter().find_map(|&n| {
                let n = n as usize;
                let p = ent(n).part_of?;
                let d = node_doc[n] as usize;
                let (start, end) = (node_start[d] as usize, node_start[d + 1] as usize);
                let pn = start + p;
                if pn >= end {
                    return None;
                }
                let pc = cluster_of[pn] as usize;
                (pc != c).then(|| built[pc].0.id.clone())
            });
            built[c].0.part_of = part;
        }
        // Entities sorted by id; each node points at its entity's place in that order.
        let mut by_position: Vec<usize> = (0..clusters).collect();
        by_position.sort_by(|&a, &b| built[a].0.id.cmp(&built[b].0.id));
        let mut position = vec![0u32; clusters];
        for (i, &c) in by_position.iter().enumerate() {
            position[c] = index(i);
        }
        let node_entity: Vec<u32> = cluster_of.iter().map(|&c| position[c as usize]).collect();
        let mut slots: Vec<Option<(Entity, EntityEvidence)>> =
            built.into_iter().map(|(e, _, v)| Some((e, v))).collect();
        let (entities, evidence): (Vec<Entity>, Vec<EntityEvidence>) = by_position
            .iter()
            .map(|&c| slots[c].take().expect("each cluster once"))
            .unzip();
        let ids = entities.iter().map(|e| e.id.clone()).collect();
        Resolution {
            entities,
            evidence,
            map: EntityMap {
                sorted_docs: sorted_ids,
                node_start,
                node_entity,
                ids,
            },
        }
    }
}

/// A count or position as a `u32`: the resolver numbers nodes and summaries in 32 bits.
fn index(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 document entities")
}

/// Orders two documents with the same id by content: their entities' sorted forms.
fn summary_cmp(a: &[u32], b: &[u32], table: &[LocalEntity]) -> Ordering {
    let forms = |s: &u32| table[*s as usize].forms.keys().collect::<Vec<&String>>();
    a.iter().map(forms).cmp(b.iter().map(forms))
}

/// The keys of a local entity, and its surname when it is a surname-only person.
fn node_keys(e: &LocalEntity) -> (Vec<String>, Option<String>) {
    let gaz = Gazetteer::get();
    match &e.origin {
        LocalOrigin::Group(k) => return (vec![format!("g:{k}")], None),
        LocalOrigin::Thing(k) => return (vec![format!("t:{k}")], None),
        // No key: each article's node stays a cluster of its own.
        LocalOrigin::Specific(_) => return (Vec::new(), None),
        LocalOrigin::Metonym(k) => return (vec![format!("m:{}", normalize(k))], None),
        LocalOrigin::Name | LocalOrigin::Entry => {}
    }
    if let Some(id) = e.entry {
        return (vec![format!("e:{}", gaz.entry(id).label)], None);
    }
    let forms: Vec<String> = e
        .forms
        .keys()
        .map(|f| normalize(f))
        .filter(|f| !f.is_empty())
        .collect();
    if e.kind == EntityType::Person {
        let full: Vec<String> = forms
            .iter()
            .filter(|f| {
                f.contains(' ')
                    && !forms
                        .iter()
                        .any(|g| g.len() > f.len() && g.ends_with(&format!(" {f}")))
            })
            .map(|f| format!("n:{f}"))
            .collect();
        if full.is_empty() {
            let surname = forms.iter().max_by_key(|f| f.len()).cloned();
            return (Vec::new(), surname);
        }
        return (full, None);
    }
    if e.kind == EntityType::Group {
        return (forms.iter().map(|f| format!("g:{f}")).collect(), None);
    }
    // An acronym the article spelled out (`African Development Bank (ADB)`) is that
    // article's name for it, not a key: another article's `ADB` may be another bank.
    let spelled_out = e.forms.keys().any(|f| !is_acronym(f));
    let acronyms: BTreeSet<String> = e
        .forms
        .keys()
        .filter(|f| is_acronym(f))
        .map(|f| normalize(f))
        .collect();
    (
        specific_forms(&forms)
            .filter(|f| !(spelled_out && acronyms.contains(*f)))
            .map(|f| format!("n:{f}"))
            .collect(),
        None,
    )
}

/// The forms of a non-person that name it across documents: not a word-suffix of a longer
/// form of it (`Stock Exchange` of `Tokyo Stock Exchange`), and not a bare generic head
/// (`Exchange`, `Bank`, `Corp`), which names every body of that kind.
fn specific_forms(forms: &[String]) -> impl Iterator<Item = &String> {
    forms.iter().filter(|f| {
        let generic = f.split(' ').count() == 1 && is_org_head(f);
        let suffix = forms
            .iter()
            .any(|g| g.len() > f.len() && g.ends_with(&format!(" {f}")));
        !(generic || suffix)
    })
}

/// One entity from its local entities (documents given by index), plus a content key.
fn build<'a>(
    members: impl Iterator<Item = &'a LocalEntity>,
    docs: impl Iterator<Item = usize>,
    person: bool,
) -> (Entity, String, EntityEvidence) {
    let gaz = Gazetteer::get();
    let members: Vec<&LocalEntity> = members.collect();
    let documents = docs.collect::<BTreeSet<usize>>().len();
    let mut forms: BTreeMap<String, usize> = BTreeMap::new();
    let mut aliases: BTreeSet<String> = BTreeSet::new();
    let mut roles = BTreeSet::new();
    let mut mentions = 0;
    let mut votes: BTreeMap<EntityType, usize> = BTreeMap::new();
    let mut entry = None;
    let mut metonym = None;
    let mut rules: BTreeMap<String, MergeRules> = BTreeMap::new();
    let joined = members.len() > 1;
    let context = members.iter().any(|m| m.org_context);
    for m in &members {
        let corpus = corpus_rule(m, person);
        for (f, n, r) in m.forms.with_rules() {
            *forms.entry(f.clone()).or_default() += n;
            let slot = rules.entry(f.clone()).or_default();
            slot.extend(r);
            if joined {
                slot.insert(corpus);
            }
        }
        aliases.extend(m.titled.iter().cloned());
        roles.extend(m.roles.iter().cloned());
        mentions += m.mentions;
        *votes.entry(m.kind).or_default() += m.mentions.max(1)
            + if m.titled_person { 100 } else { 0 }
            + if m.org_context && m.kind == EntityType::Organization {
                100
            } else {
                0
            };
        if entry.is_none() {
            entry = m.entry;
        }
        if let LocalOrigin::Metonym(l) = &m.origin {
            metonym = Some(l.clone());
        }
    }
    let vote = votes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| *k)
        .unwrap_or(EntityType::Other);
    let (kind, label, country, wikidata) = match (entry, &metonym) {
        (Some(id), _) => {
            let e = gaz.entry(id);
            (e.kind, e.label.clone(), e.country, e.qid.map(str::to_owned))
        }
        (None, Some(l)) => (EntityType::Organization, l.clone(), false, None),
        (None, None) => {
            let kind = if person { EntityType::Person } else { vote };
            (kind, fullest(&forms, kind), false, None)
        }
    };
    let evidence = EntityEvidence {
        type_from: match (entry, &metonym) {
            (Some(_), _) => "gazetteer",
            (None, Some(_)) => "metonym",
            (None, None) if person => "corpus surname",
            (None, None) if kind == EntityType::Organization && context => "context",
            (None, None) => "mentions",
        },
        type_votes: votes,
        forms: forms
            .iter()
            .map(|(f, &n)| FormEvidence {
                form: f.clone(),
                mentions: n,
                rules: rules.get(f).copied().unwrap_or_default().names(),
            })
            .collect(),
    };
    aliases.extend(forms.keys().cloned());
    aliases.remove(&label);
    let content: Vec<&String> = forms.keys().collect();
    let content = format!("{}|{:?}", kind.as_str(), content);
    // A group's id comes from its key (its owner's canonical name and its own words), not
    // from its most frequent spelling, so `US officials` and `U.S. officials` in a later
    // article do not move it.
    let group_key = members.iter().find_map(|m| match &m.origin {
        LocalOrigin::Group(k) if kind == EntityType::Group => Some(k.replace('|', " ")),
        _ => None,
    });
    let mut slug = slugify(group_key.as_deref().unwrap_or(&label));
    if slug.is_empty() {
        slug = "x".to_owned();
    }
    let id = EntityId(format!("{}.{}", kind.id_prefix(), slug));
    (
        Entity {
            id,
            label,
            kind,
            country,
            wikidata,
            aliases,
            part_of: None,
            roles,
            mentions,
            documents,
        },
        content,
        evidence,
    )
}

/// The rule by which a local entity joins others across articles: the kind of key it
/// shares with them (see [`node_keys`]).
fn corpus_rule(e: &LocalEntity, person: bool) -> MergeRule {
    match &e.origin {
        LocalOrigin::Group(_) => MergeRule::CorpusGroup,
        LocalOrigin::Thing(_) | LocalOrigin::Specific(_) => MergeRule::CorpusPhrase,
        LocalOrigin::Metonym(_) | LocalOrigin::Entry => MergeRule::CorpusGazetteer,
        LocalOrigin::Name if e.entry.is_some() => MergeRule::CorpusGazetteer,
        LocalOrigin::Name => {
            let full_name = e.forms.keys().any(|f| normalize(f).contains(' '));
            if (person || e.kind == EntityType::Person) && !full_name {
                MergeRule::CorpusSurname
            } else {
                MergeRule::CorpusName
            }
        }
    }
}

/// The fullest name: most words, then most frequent, then most capitalised words, then
/// alphabetical; for groups and phrases, the most frequent first.
fn fullest(forms: &BTreeMap<String, usize>, kind: EntityType) -> String {
    let caps = |f: &str| {
        f.split(' ')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
    };
    let words = |f: &str| {
        if is_acronym(f) {
            0
        } else {
            f.split(' ').count()
        }
    };
    forms
        .iter()
        .max_by(|(a, na), (b, nb)| {
            let by_words = words(a).cmp(&words(b));
            let by_count = na.cmp(nb);
            let first = if matches!(kind, EntityType::Group | EntityType::Other) {
                by_count.then(by_words)
            } else {
                by_words.then(by_count)
            };
            first
                .then_with(|| caps(a).cmp(&caps(b)))
                .then_with(|| b.cmp(a))
        })
        .map(|(f, _)| f.clone())
        .unwrap_or_default()
}

/// The corpus-wide entities, and which one each document-local entity became.
#[derive(Debug)]
pub struct Resolution {
    entities: Vec<Entity>,
    /// The evidence of each entity, in the order of `entities`.
    evidence: Vec<EntityEvidence>,
    map: EntityMap,
}

impl Resolution {
    /// The entity a document-local id became. With two documents of one id, the first in
    /// content order answers for both.
    pub fn entity_id(&self, doc: &str, local: LocalId) -> Option<&EntityId> {
        self.map.entity_id(doc, local)
    }

    /// All entities, sorted by id.
    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    /// All entities (sorted by id) and the map from document-local ids to their ids.
    pub fn into_parts(self) -> (Vec<Entity>, EntityMap) {
        (self.entities, self.map)
    }

    /// All entities (sorted by id) with the evidence of each, and the map from
    /// document-local ids to their ids.
    pub fn into_parts_with_evidence(self) -> (Vec<(Entity, EntityEvidence)>, EntityMap) {
        (
            self.entities.into_iter().zip(self.evidence).collect(),
            self.map,
        )
    }
}

/// Which entity each document-local entity became: 4 bytes a document entity, plus the
/// document ids and the entity ids.
#[derive(Debug)]
pub struct EntityMap {
    /// Document ids, sorted (a stable sort by content for equal ids).
    sorted_docs: Vec<String>,
    /// Where each document's nodes start in `node_entity` (one more entry at the end).
    node_start: Vec<u32>,
    /// The entity of each node, as its index in `ids`.
    node_entity: Vec<u32>,
    /// Entity ids, sorted.
    ids: Vec<EntityId>,
}

impl EntityMap {
    /// The entity a document-local id became. With two documents of one id, the first in
    /// content order answers for both.
    pub fn entity_id(&self, doc: &str, local: LocalId) -> Option<&EntityId> {
        let p = self.sorted_docs.partition_point(|d| d.as_str() < doc);
        if self.sorted_docs.get(p).map(String::as_str) != Some(doc) {
            return None;
        }
        let start = self.node_start[p] as usize;
        let end = self.node_start[p + 1] as usize;
        let n = start + local.0 as usize;
        if n >= end {
            return None;
        }
        self.ids.get(self.node_entity[n] as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::super::local::FormCounts;
    use super::*;

    fn person(forms: &[&str]) -> LocalEntity {
        let mut counts = FormCounts::default();
        for f in forms {
            counts.add((*f).to_owned(), 1, MergeRules::of(MergeRule::OwnName));
        }
        LocalEntity {
            kind: EntityType::Person,
            forms: counts,
            mentions: forms.len(),
            ..LocalEntity::default()
        }
    }

    fn doc(entities: Vec<LocalEntity>) -> DocEntities {
        DocEntities {
            refs: Vec::new(),
            entities,
            lower_words: Vec::new(),
        }
    }

    fn place(form: &str) -> LocalEntity {
        LocalEntity {
            kind: EntityType::Place,
            ..person(&[form])
        }
    }

    /// Two documents name `Ann Trade` and the place-typed word `Trade`; the second also
    /// writes `trade` in lower case `lower` times.
    fn trade_corpus(lower: u32) -> Vec<Entity> {
        let mut r = Resolver::new();
        r.add("d1", doc(vec![person(&["Ann Trade"])]));
        let mut d2 = doc(vec![place("Trade")]);
        d2.lower_words = vec![("trade".to_owned(), lower)];
        r.add("d2", d2);
        r.finish().into_entities()
    }

    #[test]
    fn a_single_word_is_a_surname_unless_the_corpus_writes_it_in_lower_case() {
        let ids = |es: Vec<Entity>| es.into_iter().map(|e| e.id.0).collect::<Vec<_>>();
        assert_eq!(ids(trade_corpus(1)), ["person.ann-trade"]);
        assert_eq!(ids(trade_corpus(2)), ["person.ann-trade", "place.trade"]);
    }

    #[test]
    fn equal_summaries_are_kept_once_and_still_count_per_document() {
        let mut r = Resolver::new();
        r.add("d3", doc(vec![person(&["Ivo Marsh"]), person(&["Marsh"])]));
        r.add("d1", doc(vec![person(&["Ivo Marsh"])]));
        r.add("d2", doc(vec![person(&["Ivo Marsh"]), person(&["Marsh"])]));
        assert_eq!(r.summaries.len(), 2, "one copy of each distinct summary");
        assert_eq!(r.locals.len(), 5);
        let res = r.finish();
        let ivo = EntityId("person.ivo-marsh".into());
        for (d, locals) in [("d1", 1), ("d2", 2), ("d3", 2)] {
            for l in 0..locals {
                assert_eq!(res.entity_id(d, LocalId(l)), Some(&ivo), "{d} {l}");
            }
            assert_eq!(res.entity_id(d, LocalId(locals)), None);
        }
        assert_eq!(res.entity_id("d0", LocalId(0)), None);
        let entities = res.into_entities();
        assert_eq!(entities.len(), 1);
        assert_eq!(entities[0].documents, 3);
        assert_eq!(entities[0].mentions, 5);
    }
}
