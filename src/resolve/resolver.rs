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
//!   joins the one person of the corpus with that surname, if there is exactly one;
//! - other names: every form, normalised.

use std::collections::{BTreeMap, BTreeSet};

use super::gazetteer::{Gazetteer, normalize};
use super::mention::is_acronym;
use super::{DocEntities, Entity, EntityId, EntityType, LocalEntity, LocalId, Origin};
use crate::slug::slugify;

/// Folds documents into corpus-wide entities.
#[derive(Debug, Default)]
pub struct Resolver {
    docs: Vec<(String, Vec<LocalEntity>)>,
}

impl Resolver {
    /// A resolver with no documents.
    pub fn new() -> Resolver {
        Resolver::default()
    }

    /// Adds one document's entities (only their summaries are kept).
    pub fn add(&mut self, doc: &str, entities: DocEntities) {
        self.docs.push((doc.to_owned(), entities.entities));
    }

    /// Clusters everything added into entities with stable ids. The result does not depend
    /// on the order documents were added in.
    pub fn finish(mut self) -> Resolution {
        self.docs.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| summary(&a.1).cmp(&summary(&b.1)))
        });
        let nodes: Vec<(usize, usize)> = self
            .docs
            .iter()
            .enumerate()
            .flat_map(|(d, (_, es))| (0..es.len()).map(move |l| (d, l)))
            .collect();
        let ent = |n: usize| -> &LocalEntity {
            let (d, l) = nodes[n];
            &self.docs[d].1[l]
        };
        let mut uf = UnionFind::new(nodes.len());
        let mut keys: BTreeMap<String, usize> = BTreeMap::new();
        let mut surnames: Vec<(usize, String)> = Vec::new();
        for n in 0..nodes.len() {
            let (ks, surname) = node_keys(ent(n));
            for k in ks {
                match keys.get(&k) {
                    Some(&first) => uf.union(first, n),
                    None => {
                        keys.insert(k, n);
                    }
                }
            }
            if let Some(s) = surname {
                surnames.push((n, s));
            }
        }
        // Surnames alone: the one person of the corpus with that surname, if unique.
        let mut by_surname: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for n in 0..nodes.len() {
            let e = ent(n);
            if e.kind != EntityType::Person
                && e.entry
                    .is_none_or(|id| Gazetteer::get().entry(id).kind != EntityType::Person)
            {
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
                        .insert(n);
                }
            }
        }
        // Single words typed organisation or place that are the surname of a person of the
        // corpus are that person (`Blair` as an object is not a company).
        let mut forced: BTreeSet<usize> = BTreeSet::new();
        for n in 0..nodes.len() {
            let e = ent(n);
            if e.entry.is_none()
                && e.origin == Origin::Name
                && matches!(e.kind, EntityType::Organization | EntityType::Place)
                && e.forms.len() == 1
            {
                let f = normalize(e.forms.keys().next().expect("one form"));
                if !f.contains(' ')
                    && !e.forms.keys().any(|k| is_acronym(k))
                    && by_surname.contains_key(&f)
                {
                    surnames.push((n, f));
                    forced.insert(n);
                }
            }
        }
        for (n, s) in &surnames {
            let own = uf.find(*n);
            let roots: BTreeSet<usize> = by_surname
                .get(s)
                .into_iter()
                .flatten()
                .map(|&m| uf.find(m))
                .filter(|&r| r != own)
                .collect();
            if roots.len() == 1 {
                let r = *roots.iter().next().expect("one");
                uf.union(r, *n);
            } else {
                let k = format!("surname:{s}");
                match keys.get(&k) {
                    Some(&first) => uf.union(first, *n),
                    None => {
                        keys.insert(k, *n);
                    }
                }
            }
        }
        // Clusters, in node order.
        let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for n in 0..nodes.len() {
            clusters.entry(uf.find(n)).or_default().push(n);
        }
        let clusters: Vec<Vec<usize>> = clusters.into_values().collect();
        let mut built: Vec<(Entity, String)> = clusters
            .iter()
            .map(|c| {
                let person = c.iter().any(|n| forced.contains(n));
                build(
                    c.iter().map(|&n| ent(n)),
                    c.iter().map(|&n| nodes[n].0),
                    person,
                )
            })
            .collect();
        // Ids, with collisions numbered in the order of their content keys.
        let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, (e, _)) in built.iter().enumerate() {
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
        let mut cluster_of = vec![0; nodes.len()];
        for (c, members) in clusters.iter().enumerate() {
            for &n in members {
                cluster_of[n] = c;
            }
        }
        // part_of: the first member that has one, mapped to its cluster.
        let node_index: BTreeMap<(usize, usize), usize> =
            nodes.iter().enumerate().map(|(n, &k)| (k, n)).collect();
        for (c, members) in clusters.iter().enumerate() {
            let part = members.iter().find_map(|&n| {
                let p = ent(n).part_of?;
                let pn = node_index.get(&(nodes[n].0, p))?;
                let pc = cluster_of[*pn];
                (pc != c).then(|| built[pc].0.id.clone())
            });
            built[c].0.part_of = part;
        }
        let mut ids: BTreeMap<String, Vec<EntityId>> = BTreeMap::new();
        for (d, (doc, es)) in self.docs.iter().enumerate() {
            let v: Vec<EntityId> = (0..es.len())
                .map(|l| built[cluster_of[node_index[&(d, l)]]].0.id.clone())
                .collect();
            ids.entry(doc.clone()).or_insert(v);
        }
        let mut entities: Vec<Entity> = built.into_iter().map(|(e, _)| e).collect();
        entities.sort_by(|a, b| a.id.cmp(&b.id));
        Resolution { entities, ids }
    }
}

/// A content summary of a document's entities, to order documents with the same id.
fn summary(es: &[LocalEntity]) -> Vec<Vec<&String>> {
    es.iter().map(|e| e.forms.keys().collect()).collect()
}

/// The keys of a local entity, and its surname when it is a surname-only person.
fn node_keys(e: &LocalEntity) -> (Vec<String>, Option<String>) {
    let gaz = Gazetteer::get();
    match &e.origin {
        Origin::Group(k) => return (vec![format!("g:{k}")], None),
        Origin::Thing(k) => return (vec![format!("t:{k}")], None),
        Origin::Metonym(k) => return (vec![format!("m:{}", normalize(k))], None),
        Origin::Name | Origin::Entry => {}
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
    (forms.iter().map(|f| format!("n:{f}")).collect(), None)
}

/// One entity from its local entities (documents given by index), plus a content key.
fn build<'a>(
    members: impl Iterator<Item = &'a LocalEntity>,
    docs: impl Iterator<Item = usize>,
    person: bool,
) -> (Entity, String) {
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
    for m in &members {
        for (f, n) in m.forms.iter() {
            *forms.entry(f.clone()).or_default() += n;
        }
        aliases.extend(m.titled.iter().cloned());
        roles.extend(m.roles.iter().cloned());
        mentions += m.mentions;
        *votes.entry(m.kind).or_default() +=
            m.mentions.max(1) + if m.titled_person { 100 } else { 0 };
        if entry.is_none() {
            entry = m.entry;
        }
        if let Origin::Metonym(l) = &m.origin {
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
    aliases.extend(forms.keys().cloned());
    aliases.remove(&label);
    let content: Vec<&String> = forms.keys().collect();
    let content = format!("{}|{:?}", kind.as_str(), content);
    // A group's id comes from its key (its owner's canonical name and its own words), not
    // from its most frequent spelling, so `US officials` and `U.S. officials` in a later
    // article do not move it.
    let group_key = members.iter().find_map(|m| match &m.origin {
        Origin::Group(k) if kind == EntityType::Group => Some(k.replace('|', " ")),
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
    )
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

/// The corpus-wide entities.
#[derive(Debug)]
pub struct Resolution {
    entities: Vec<Entity>,
    ids: BTreeMap<String, Vec<EntityId>>,
}

impl Resolution {
    /// The entity a document-local id became.
    pub fn entity_id(&self, doc: &str, local: LocalId) -> Option<&EntityId> {
        self.ids.get(doc)?.get(local.0 as usize)
    }

    /// All entities, sorted by id.
    pub fn into_entities(self) -> Vec<Entity> {
        self.entities
    }
}

/// Union–find where the smaller index is the root.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.parent[hi] = lo;
        }
    }
}
