//! Stage 5: the knowledge graph.
//!
//! A [`KnowledgeGraph`] holds one node per [`Entity`] and one edge per
//! (actor, action, target): a [`Relation`], weighted by its [`Evidence`], which it holds
//! or which its builder keeps (then the relation holds only its [`Tally`]).
//! Identity is ours: [`EntityId`] and [`RelationId`]. petgraph's `NodeIndex` never leaves
//! this module; [`KnowledgeGraph::entities`] and [`KnowledgeGraph::relations`] give
//! everything in id order.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::Arc;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use rustc_hash::FxHashMap;

pub mod layout;

use crate::model::{CharSpan, Modality, Polarity, Span};
use crate::model::{Entity, EntityEvidence, EntityId};
use crate::slug::slugify;

/// A stable relation id: `<actor id>--<action slug>--<target id>`.
///
/// Slugs never hold two dashes in a row, so the parts can be split back.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationId(pub String);

impl RelationId {
    /// The id of the relation `actor → action → target`.
    ///
    /// ```
    /// use actorgraph::graph::RelationId;
    /// use actorgraph::model::EntityId;
    /// let id = RelationId::new(
    ///     &EntityId("org.european-commission".into()),
    ///     "cooperate with",
    ///     &EntityId("org.nato".into()),
    /// );
    /// assert_eq!(id.as_str(), "org.european-commission--cooperate-with--org.nato");
    /// ```
    pub fn new(actor: &EntityId, action: &str, target: &EntityId) -> RelationId {
        RelationId(format!(
            "{}--{}--{}",
            actor.as_str(),
            slugify(action),
            target.as_str()
        ))
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One piece of evidence for a relation: a statement in one sentence of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Article id.
    pub doc: String,
    /// Sentence index in the article.
    pub sentence: usize,
    /// Bytes of the statement in the article.
    pub span: Span,
    /// Characters of the statement in the article (for RDF tools, which count characters).
    pub char_span: CharSpan,
    /// The sentence text, shared with the [`Statement`] it comes from.
    pub quote: Arc<str>,
    /// The action as written.
    pub surface: String,
    /// Polarity of this statement.
    pub polarity: Polarity,
    /// Modality of this statement.
    pub modality: Modality,
    /// Who the text says claims it.
    pub attributed_to: Option<EntityId>,
    /// Confidence of this statement.
    pub confidence: f32,
    /// Extractor id.
    pub extractor: String,
}

/// A relation's evidence in numbers: everything the graph-level outputs (GraphML, GEXF,
/// CSV, the JSON-LD relation node) read of it, so that they do not need the evidence itself.
///
/// It counts distinct sentences, not statements: a sentence is keyed by its text with
/// whitespace normalised ([`sentence_key`]; actor, action and target are the relation's),
/// so the same sentence in duplicate articles counts once in the statements, polarity,
/// modality and confidence, while every article stays among the documents
/// ([issue #18](https://github.com/actorgraph/actorgraph/issues/18)).
///
/// It grows with the documents behind the relation, not with the text of its statements:
/// a build keeps the tallies in memory and the evidence on disk (see
/// [`KnowledgeGraph::count_evidence`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    /// Distinct sentences counted.
    statements: usize,
    /// Statements counted, repeated sentences included: the pieces of evidence.
    evidence: usize,
    /// Of which negative.
    negative: usize,
    /// Statements by modality, in [`Modality`] order (asserted, alleged, possible, denied).
    modalities: [usize; 4],
    /// `Π(1 − cᵢ)` over the statements' confidences, multiplied in evidence order.
    miss: f64,
    /// The article ids behind the relation, sorted, each once.
    documents: Vec<Arc<str>>,
    /// The [`sentence_key`]s counted, sorted, each once.
    sentences: Vec<u64>,
    /// Who the statements are attributed to, sorted, each once (of every statement,
    /// repeated sentences included).
    attributed_to: Vec<EntityId>,
}

impl Default for Tally {
    fn default() -> Tally {
        Tally {
            statements: 0,
            evidence: 0,
            negative: 0,
            modalities: [0; 4],
            miss: 1.0,
            documents: Vec::new(),
            sentences: Vec::new(),
            attributed_to: Vec::new(),
        }
    }
}

impl Tally {
    /// The tally of `evidence`, taken in the order given.
    pub fn of(evidence: &[Evidence]) -> Tally {
        let mut tally = Tally::default();
        for e in evidence {
            tally.count(
                &e.doc,
                sentence_key(&e.quote),
                e.polarity,
                e.modality,
                e.confidence,
                None,
            );
            tally.attribute(e.attributed_to.as_ref());
        }
        tally
    }

    /// Counts one statement of the sentence keyed `sentence` ([`sentence_key`]): in full
    /// the first time the sentence is seen, else only its document. `shared` is `doc` as a
    /// shared string, when the caller has one (so that the relations of one article share
    /// its id).
    fn count(
        &mut self,
        doc: &str,
        sentence: u64,
        polarity: Polarity,
        modality: Modality,
        confidence: f32,
        shared: Option<&Arc<str>>,
    ) {
        self.evidence += 1;
        if let Err(at) = self.sentences.binary_search(&sentence) {
            reserve_one_while_short(&mut self.sentences);
            self.sentences.insert(at, sentence);
            self.count_sentence(polarity, modality, confidence);
        }
        self.add_document(doc, shared);
    }

    /// Adds the source a statement is attributed to, if any, once.
    fn attribute(&mut self, source: Option<&EntityId>) {
        if let Some(source) = source
            && let Err(at) = self.attributed_to.binary_search(source)
        {
            self.attributed_to.insert(at, source.clone());
        }
    }

    /// Counts a sentence not seen before.
    fn count_sentence(&mut self, polarity: Polarity, modality: Modality, confidence: f32) {
        self.statements += 1;
        if polarity == Polarity::Negative {
            self.negative += 1;
        }
        self.modalities[modality_index(modality)] += 1;
        self.miss *= 1.0 - f64::from(confidence);
    }

    /// Adds `doc` to the documents, once.
    fn add_document(&mut self, doc: &str, shared: Option<&Arc<str>>) {
        // Evidence usually comes sorted by document: the new one is last or already there.
        if self.documents.last().is_some_and(|d| **d == *doc) {
            return;
        }
        if let Err(at) = self.documents.binary_search_by(|d| (**d).cmp(doc)) {
            let doc = shared.map_or_else(|| Arc::from(doc), Arc::clone);
            reserve_one_while_short(&mut self.documents);
            self.documents.insert(at, doc);
        }
    }

    /// Number of distinct sentences counted (statements of the same sentence text in
    /// several articles count once).
    pub fn statements(&self) -> usize {
        self.statements
    }

    /// Number of statements counted, a sentence repeated in several articles once per
    /// article: the pieces of evidence.
    pub fn evidence(&self) -> usize {
        self.evidence
    }

    /// The article ids behind the relation, sorted, each once.
    pub fn documents(&self) -> &[Arc<str>] {
        &self.documents
    }

    /// The entities the statements are attributed to, sorted, each once.
    pub fn attributed_to(&self) -> &[EntityId] {
        &self.attributed_to
    }
}

/// The key of a sentence for [`Tally`]: FNV-1a of its whitespace-separated words, each
/// followed by a zero byte, so the same sentence with other spacing or line breaks has the
/// same key. Stable ([`crate::hash::Fnv1a`]), though nothing stores it.
pub fn sentence_key(text: &str) -> u64 {
    let mut h = crate::hash::Fnv1a::default();
    for word in text.split_whitespace() {
        h.write(word.as_bytes());
        h.write(&[0]);
    }
    h.value()
}

/// Makes room for one more item, exactly, while `list` is short: most relations have a few
/// statements and documents, so their lists grow one at a time rather than to the usual
/// minimum of four.
fn reserve_one_while_short<T>(list: &mut Vec<T>) {
    if list.len() < 8 {
        list.reserve_exact(1);
    }
}

fn modality_index(m: Modality) -> usize {
    match m {
        Modality::Asserted => 0,
        Modality::Alleged => 1,
        Modality::Possible => 2,
        Modality::Denied => 3,
    }
}

const MODALITIES: [Modality; 4] = [
    Modality::Asserted,
    Modality::Alleged,
    Modality::Possible,
    Modality::Denied,
];

/// One edge: every statement with the same actor, action label and target.
///
/// Its evidence is either held here, in [`Relation::evidence`] (graphs read back from a
/// file, graphs built with [`KnowledgeGraph::add_evidence`]), or kept elsewhere by whoever
/// built the graph (the build pipeline keeps it on disk), which then leaves
/// [`Relation::evidence`] empty and gives one key per statement in
/// [`Relation::evidence_keys`]. Either way [`Relation::tally`] counts it, and every method
/// here reads the tally.
#[derive(Clone, Debug)]
pub struct Relation {
    /// Stable id.
    pub id: RelationId,
    /// Actor entity.
    pub actor: EntityId,
    /// Normalised action label (`cooperate with`).
    pub action: String,
    /// Lemma of the action's main word (`cooperate`).
    pub lemma: String,
    /// Target entity.
    pub target: EntityId,
    /// Evidence held in memory, sorted by (doc, sentence, span, extractor, surface); empty
    /// when it is kept elsewhere (see [`Relation::evidence_keys`]).
    pub evidence: Vec<Evidence>,
    /// When the evidence is kept outside the graph: the key of each statement, in evidence
    /// order, as given to [`KnowledgeGraph::count_evidence`] (what a key means is up to the
    /// one who keeps the evidence). Empty when [`Relation::evidence`] holds it.
    pub evidence_keys: Vec<u64>,
    /// The evidence in numbers. [`KnowledgeGraph::add_relation`] and
    /// [`KnowledgeGraph::finish`] recompute it from [`Relation::evidence`] when that is not
    /// empty; [`Relation::new`] computes it.
    pub tally: Tally,
}

impl PartialEq for Relation {
    /// Same id, ends, action and lemma, and the same evidence: compared statement by
    /// statement when both hold it, else by key and tally.
    fn eq(&self, other: &Relation) -> bool {
        let same_evidence = if self.evidence.is_empty() && other.evidence.is_empty() {
            self.evidence_keys == other.evidence_keys && self.tally == other.tally
        } else {
            self.evidence == other.evidence
        };
        self.id == other.id
            && self.actor == other.actor
            && self.action == other.action
            && self.lemma == other.lemma
            && self.target == other.target
            && same_evidence
    }
}

impl Relation {
    /// A relation holding `evidence` (sorted by (doc, sentence, span, extractor, surface),
    /// as [`KnowledgeGraph::finish`] sorts it), with its tally.
    pub fn new(
        id: RelationId,
        actor: EntityId,
        action: String,
        lemma: String,
        target: EntityId,
        evidence: Vec<Evidence>,
    ) -> Relation {
        Relation {
            tally: Tally::of(&evidence),
            id,
            actor,
            action,
            lemma,
            target,
            evidence,
            evidence_keys: Vec::new(),
        }
    }

    /// Number of distinct sentences behind the edge: a sentence repeated in duplicate
    /// articles counts once (see [`Tally`]).
    pub fn weight(&self) -> usize {
        self.tally.statements
    }

    /// Number of statements behind the edge, each repeat of a sentence included: the
    /// length of its evidence.
    pub fn evidence_count(&self) -> usize {
        self.tally.evidence
    }

    /// The entities its statements are attributed to (who the text says claims them),
    /// sorted by id, each once; empty when the text names no source.
    pub fn attributed_to(&self) -> &[EntityId] {
        &self.tally.attributed_to
    }

    /// The article ids behind the edge, sorted, each once.
    pub fn documents(&self) -> Vec<&str> {
        self.tally.documents.iter().map(|d| &**d).collect()
    }

    /// The polarity most statements give (ties go to positive).
    pub fn polarity(&self) -> Polarity {
        if self.tally.negative * 2 > self.tally.statements {
            Polarity::Negative
        } else {
            Polarity::Positive
        }
    }

    /// The modality most statements give; ties go to the surer one
    /// (asserted, then alleged, possible, denied).
    pub fn modality(&self) -> Modality {
        let mut best = Modality::Asserted;
        let mut best_count = 0;
        for (m, c) in MODALITIES.into_iter().zip(self.tally.modalities) {
            if c > best_count {
                best = m;
                best_count = c;
            }
        }
        best
    }

    /// Combined confidence: the noisy-or of the distinct sentences' confidences,
    /// `1 − Π(1 − cᵢ)`, rounded to three decimals. More independent evidence, more
    /// confidence; a sentence repeated in duplicate articles is not independent and counts once.
    pub fn confidence(&self) -> f64 {
        ((1.0 - self.tally.miss) * 1000.0).round() / 1000.0
    }
}

/// Title, date and url of an article, for the outputs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    /// Article id.
    pub id: String,
    /// Title, if known.
    pub title: Option<String>,
    /// Date, if known.
    pub date: Option<String>,
    /// URL, if known.
    pub url: Option<String>,
}

/// The graph: entities, relations between them, and the articles behind them.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Entity, Relation>,
    nodes: FxHashMap<EntityId, NodeIndex>,
    articles: BTreeMap<String, ArticleMeta>,
    /// Entities named as sources by evidence counted with
    /// [`KnowledgeGraph::count_evidence`] (kept out of [`Relation::evidence`]).
    attributed: BTreeSet<EntityId>,
    /// Why each entity is what it is, when the resolver said so
    /// ([`KnowledgeGraph::add_entity_with_evidence`]).
    evidence: BTreeMap<EntityId, EntityEvidence>,
}

/// Building a graph failed: an edge names an entity that is not in it.
#[derive(Debug, thiserror::Error)]
#[error("relation {relation} names unknown entity {entity}")]
pub struct GraphError {
    /// The relation.
    pub relation: RelationId,
    /// The missing entity.
    pub entity: EntityId,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    /// Adds an entity, replacing any with the same id.
    pub fn add_entity(&mut self, entity: Entity) {
        match self.nodes.get(&entity.id) {
            Some(&ix) => self.graph[ix] = entity,
            None => {
                let id = entity.id.clone();
                let ix = self.graph.add_node(entity);
                self.nodes.insert(id, ix);
            }
        }
    }

    /// Adds an entity with the evidence for its type and forms (written to
    /// `entities.jsonl`), replacing any with the same id.
    pub fn add_entity_with_evidence(&mut self, entity: Entity, evidence: EntityEvidence) {
        self.evidence.insert(entity.id.clone(), evidence);
        self.add_entity(entity);
    }

    /// The evidence of an entity added with [`KnowledgeGraph::add_entity_with_evidence`].
    pub fn entity_evidence(&self, id: &EntityId) -> Option<&EntityEvidence> {
        self.evidence.get(id)
    }

    /// Records an article's metadata.
    pub fn add_article(&mut self, meta: ArticleMeta) {
        self.articles.insert(meta.id.clone(), meta);
    }

    /// Adds one statement as evidence of the relation `actor → action → target`,
    /// creating the edge when it is new. Both entities must be in the graph.
    pub fn add_evidence(
        &mut self,
        actor: &EntityId,
        action: &str,
        lemma: &str,
        target: &EntityId,
        evidence: Evidence,
    ) -> Result<(), GraphError> {
        let relation = self.edge(actor, action, lemma, target)?;
        relation.tally.count(
            &evidence.doc,
            sentence_key(&evidence.quote),
            evidence.polarity,
            evidence.modality,
            evidence.confidence,
            None,
        );
        relation.tally.attribute(evidence.attributed_to.as_ref());
        reserve_one_while_short(&mut relation.evidence);
        relation.evidence.push(evidence);
        Ok(())
    }

    /// Counts one statement in the tally of the relation `actor → action → target` without
    /// keeping it, creating the edge when it is new: for a builder that keeps the evidence
    /// elsewhere (the pipeline keeps it on disk) and finds it again by `key`, which is
    /// appended to [`Relation::evidence_keys`]. Both entities must be in the graph.
    ///
    /// Statements must come in evidence order for each relation (by doc, sentence, span,
    /// extractor, surface): [`KnowledgeGraph::finish`] does not sort keys. `doc` is the
    /// statement's article id, shared between the relations it supports.
    pub fn count_evidence(
        &mut self,
        statement: &Statement,
        doc: &Arc<str>,
        key: u64,
    ) -> Result<(), GraphError> {
        if let Some(source) = &statement.attributed_to
            && !self.attributed.contains(&source.id)
        {
            self.attributed.insert(source.id.clone());
        }
        let relation = self.edge(
            &statement.actor.id,
            &statement.action.label,
            &statement.action.lemma,
            &statement.target.id,
        )?;
        relation.tally.count(
            doc,
            sentence_key(&statement.text),
            statement.polarity,
            statement.modality,
            statement.confidence,
            Some(doc),
        );
        relation
            .tally
            .attribute(statement.attributed_to.as_ref().map(|a| &a.id));
        reserve_one_while_short(&mut relation.evidence_keys);
        relation.evidence_keys.push(key);
        Ok(())
    }

    /// The relation `actor → action → target`, created empty when it is new.
    fn edge(
        &mut self,
        actor: &EntityId,
        action: &str,
        lemma: &str,
        target: &EntityId,
    ) -> Result<&mut Relation, GraphError> {
        let id = RelationId::new(actor, action, target);
        let a = self.node(actor, &id)?;
        let b = self.node(target, &id)?;
        let existing = self
            .graph
            .edges_connecting(a, b)
            .find(|e| e.weight().id == id)
            .map(|e| {
                use petgraph::visit::EdgeRef;
                e.id()
            });
        let ix = match existing {
            Some(ix) => ix,
            None => {
                let relation = Relation {
                    id,
                    actor: actor.clone(),
                    action: action.to_owned(),
                    lemma: lemma.to_owned(),
                    target: target.clone(),
                    evidence: Vec::new(),
                    evidence_keys: Vec::new(),
                    tally: Tally::default(),
                };
                self.graph.add_edge(a, b, relation)
            }
        };
        Ok(&mut self.graph[ix])
    }

    /// Adds a whole relation (used when reading a graph back), replacing any with its id.
    /// When it holds its evidence, its tally is recomputed from it.
    pub fn add_relation(&mut self, mut relation: Relation) -> Result<(), GraphError> {
        if !relation.evidence.is_empty() {
            relation.tally = Tally::of(&relation.evidence);
        }
        let a = self.node(&relation.actor, &relation.id)?;
        let b = self.node(&relation.target, &relation.id)?;
        let existing = self
            .graph
            .edges_connecting(a, b)
            .find(|e| e.weight().id == relation.id)
            .map(|e| {
                use petgraph::visit::EdgeRef;
                e.id()
            });
        match existing {
            Some(ix) => self.graph[ix] = relation,
            None => {
                self.graph.add_edge(a, b, relation);
            }
        }
        Ok(())
    }

    fn node(&self, entity: &EntityId, relation: &RelationId) -> Result<NodeIndex, GraphError> {
        self.nodes.get(entity).copied().ok_or_else(|| GraphError {
            relation: relation.clone(),
            entity: entity.clone(),
        })
    }

    /// Sorts every relation's evidence held in memory by (doc, sentence, span, extractor,
    /// surface), so output is the same whatever order statements were added in, recomputes
    /// those relations' tallies in that order, and frees the spare capacity of the lists.
    /// Call once after the last [`KnowledgeGraph::add_evidence`] or
    /// [`KnowledgeGraph::count_evidence`].
    pub fn finish(&mut self) {
        for relation in self.graph.edge_weights_mut() {
            if !relation.evidence.is_empty() {
                relation.evidence.shrink_to_fit();
                relation.evidence.sort_by(|a, b| {
                    (&a.doc, a.sentence, a.span, &a.extractor, &a.surface).cmp(&(
                        &b.doc,
                        b.sentence,
                        b.span,
                        &b.extractor,
                        &b.surface,
                    ))
                });
                relation.tally = Tally::of(&relation.evidence);
            }
            relation.evidence_keys.shrink_to_fit();
            relation.tally.documents.shrink_to_fit();
            relation.tally.sentences.shrink_to_fit();
        }
    }

    /// The entity with this id.
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.nodes.get(id).map(|&ix| &self.graph[ix])
    }

    /// All entities, sorted by id.
    pub fn entities(&self) -> Vec<&Entity> {
        let mut all: Vec<&Entity> = self.graph.node_weights().collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    }

    /// All relations, sorted by id.
    pub fn relations(&self) -> Vec<&Relation> {
        let mut all: Vec<&Relation> = self.graph.edge_weights().collect();
        all.sort_by(|a, b| a.id.cmp(&b.id));
        all
    }

    /// All articles, sorted by id.
    pub fn articles(&self) -> impl Iterator<Item = &ArticleMeta> {
        self.articles.values()
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relations.
    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The graph drawn at a confidence floor: the relations whose
    /// [`Relation::confidence`] is at least `min`, the entities they connect or name as a
    /// source ([`Relation::attributed_to`]), and every article. An entity left without any
    /// such relation is left out, as a node with no edge only clutters a drawing; the
    /// statements that name it are still in `statements.jsonl`.
    pub fn at_confidence(&self, min: f64) -> KnowledgeGraph {
        let relations: Vec<&Relation> = self
            .graph
            .edge_weights()
            .filter(|r| r.confidence() >= min)
            .collect();
        let mut keep: BTreeSet<&EntityId> = BTreeSet::new();
        for r in &relations {
            keep.insert(&r.actor);
            keep.insert(&r.target);
            keep.extend(r.attributed_to());
        }
        let mut out = KnowledgeGraph::new();
        for e in self.graph.node_weights().filter(|e| keep.contains(&e.id)) {
            out.add_entity(e.clone());
        }
        for r in relations {
            // Both ends were kept above.
            if let (Some(&a), Some(&b)) = (out.nodes.get(&r.actor), out.nodes.get(&r.target)) {
                out.graph.add_edge(a, b, r.clone());
            }
        }
        out.articles = self.articles.clone();
        out.attributed = self
            .attributed
            .iter()
            .filter(|a| keep.contains(a))
            .cloned()
            .collect();
        out
    }

    /// Removes entities that no relation touches and that are not named in any
    /// evidence's attribution. Returns how many were removed.
    pub fn prune_isolated(&mut self) -> usize {
        let mut attributed: BTreeSet<EntityId> = self
            .graph
            .edge_weights()
            .flat_map(|r| r.evidence.iter().filter_map(|e| e.attributed_to.clone()))
            .collect();
        attributed.extend(self.attributed.iter().cloned());
        let lonely: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&ix| {
                self.graph.neighbors_undirected(ix).next().is_none()
                    && !attributed.contains(&self.graph[ix].id)
            })
            .collect();
        for &ix in &lonely {
            if let Some(e) = self.graph.remove_node(ix) {
                self.nodes.remove(&e.id);
                self.evidence.remove(&e.id);
            }
        }
        lonely.len()
    }
}

/// A reference from a statement to an entity, with the words the sentence used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRef {
    /// The entity.
    pub id: EntityId,
    /// The mention as written in the sentence (`the Union`, `Sir Julian King`, `he`).
    pub mention: String,
    /// True when [`EntityRef::mention`] is a pronoun that coreference resolved to
    /// [`EntityRef::id`] (the entity's label gives the name it stands for).
    pub pronoun: bool,
}

/// A resolved statement: one line of `statements.jsonl`, and one [`Evidence`] of a relation.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Article id.
    pub doc: String,
    /// Sentence index in the article.
    pub sentence: usize,
    /// Bytes of the statement in the article.
    pub span: Span,
    /// Characters of the statement in the article.
    pub char_span: CharSpan,
    /// The sentence text, shared with the statements of the same sentence and with the
    /// [`Evidence`] built from this statement.
    pub text: Arc<str>,
    /// Who acts.
    pub actor: EntityRef,
    /// The action.
    pub action: crate::model::Action,
    /// To whom or what.
    pub target: EntityRef,
    /// Positive or negative.
    pub polarity: Polarity,
    /// Asserted, alleged, possible or denied.
    pub modality: Modality,
    /// Who claims it, when the text says.
    pub attributed_to: Option<EntityRef>,
    /// In `[0, 1]`.
    pub confidence: f32,
    /// Extractor id.
    pub extractor: String,
}

impl Statement {
    /// This statement as one piece of its relation's evidence (the sentence text is shared,
    /// not copied).
    pub fn evidence(&self) -> Evidence {
        Evidence {
            doc: self.doc.clone(),
            sentence: self.sentence,
            span: self.span,
            char_span: self.char_span,
            quote: Arc::clone(&self.text),
            surface: self.action.surface.clone(),
            polarity: self.polarity,
            modality: self.modality,
            attributed_to: self.attributed_to.as_ref().map(|a| a.id.clone()),
            confidence: self.confidence,
            extractor: self.extractor.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Action;

    fn statement(doc: &str, sentence: usize, negative: bool, confidence: f32) -> Statement {
        let entity = |id: &str| EntityRef {
            id: EntityId(id.to_owned()),
            mention: id.to_owned(),
            pronoun: false,
        };
        Statement {
            doc: doc.to_owned(),
            sentence,
            span: Span::new(10 * sentence, 10 * sentence + 9),
            char_span: CharSpan::new(10 * sentence, 10 * sentence + 9),
            text: Arc::from(format!("Ada met Bo ({sentence}).")),
            actor: entity("person.ada"),
            action: Action {
                label: "meet".into(),
                lemma: "meet".into(),
                surface: "met".into(),
            },
            target: entity("person.bo"),
            polarity: if negative {
                Polarity::Negative
            } else {
                Polarity::Positive
            },
            modality: if negative {
                Modality::Denied
            } else {
                Modality::Asserted
            },
            attributed_to: negative.then(|| entity("person.cy")),
            confidence,
            extractor: "clauses".into(),
        }
    }

    fn graph() -> KnowledgeGraph {
        let mut g = KnowledgeGraph::new();
        for id in ["person.ada", "person.bo", "person.cy"] {
            g.add_entity(Entity {
                id: EntityId(id.into()),
                label: id.into(),
                kind: crate::model::EntityType::Person,
                country: false,
                wikidata: None,
                aliases: BTreeSet::new(),
                part_of: None,
                roles: BTreeSet::new(),
                mentions: 1,
                documents: 1,
            });
        }
        g
    }

    #[test]
    fn counted_evidence_tallies_like_evidence_held() {
        let statements = [
            statement("d1", 0, false, 0.9),
            statement("d1", 2, true, 0.55),
            statement("d2", 1, true, 0.7),
            statement("d3", 4, true, 0.123),
        ];
        let mut held = graph();
        // Added in any order: `finish` sorts and tallies.
        for s in statements.iter().rev() {
            let (a, l, t) = (&s.actor.id, &s.action, &s.target.id);
            held.add_evidence(a, &l.label, &l.lemma, t, s.evidence())
                .expect("entities known");
        }
        held.finish();
        let mut counted = graph();
        for (key, s) in statements.iter().enumerate() {
            let doc: Arc<str> = Arc::from(s.doc.as_str());
            counted
                .count_evidence(s, &doc, key as u64)
                .expect("entities known");
        }
        counted.finish();
        let (h, c) = (held.relations()[0], counted.relations()[0]);
        assert_eq!(h.tally, c.tally);
        assert!(c.evidence.is_empty());
        assert_eq!(c.evidence_keys, [0, 1, 2, 3]);
        assert_eq!((c.weight(), c.polarity()), (4, Polarity::Negative));
        assert_eq!(c.modality(), Modality::Denied);
        assert_eq!(c.documents(), ["d1", "d2", "d3"]);
        assert_eq!(c.attributed_to(), [EntityId("person.cy".into())]);
        assert_eq!(c.confidence(), h.confidence());
        assert_eq!(h.tally, Tally::of(&h.evidence));
        // The source named only in counted evidence keeps its entity.
        assert_eq!(counted.prune_isolated(), 0);
        assert!(counted.entity(&EntityId("person.cy".into())).is_some());
    }

    /// [Issue #18](https://github.com/actorgraph/actorgraph/issues/18): the same sentence in
    /// two articles (a duplicate article) is one sentence of evidence, in two documents.
    #[test]
    fn issue_18_duplicate_sentence_counts_once() {
        let mut first = statement("d1", 0, false, 0.6);
        let mut copy = statement("d2", 3, false, 0.6);
        first.text = Arc::from("Ada met  Bo\nin Paris.");
        copy.text = Arc::from("Ada met Bo in Paris.");
        let other = statement("d2", 4, false, 0.5);
        let mut held = graph();
        for s in [&copy, &other, &first] {
            let (a, l, t) = (&s.actor.id, &s.action, &s.target.id);
            held.add_evidence(a, &l.label, &l.lemma, t, s.evidence())
                .expect("entities known");
        }
        held.finish();
        let mut counted = graph();
        for (key, s) in [&first, &copy, &other].into_iter().enumerate() {
            let doc: Arc<str> = Arc::from(s.doc.as_str());
            counted
                .count_evidence(s, &doc, key as u64)
                .expect("entities known");
        }
        counted.finish();
        for g in [&held, &counted] {
            let r = g.relations()[0];
            assert_eq!(r.weight(), 2, "two distinct sentences");
            assert_eq!(r.evidence_count(), 3);
            assert_eq!(r.documents(), ["d1", "d2"]);
            // 1 − (1 − 0.6)(1 − 0.5), not 1 − 0.4·0.4·0.5.
            assert_eq!(r.confidence(), 0.8);
        }
        assert_eq!(held.relations()[0].evidence.len(), 3, "all evidence kept");
        assert_eq!(counted.relations()[0].evidence_keys, [0, 1, 2]);
        assert_eq!(held.relations()[0].tally, counted.relations()[0].tally);
        // Alone, the copied sentence gives weight 1 in two documents.
        let alone = Relation::new(
            RelationId("a--meet--b".into()),
            EntityId("a".into()),
            "meet".into(),
            "meet".into(),
            EntityId("b".into()),
            vec![first.evidence(), copy.evidence()],
        );
        assert_eq!((alone.weight(), alone.documents()), (1, vec!["d1", "d2"]));
        assert_eq!(alone.confidence(), 0.6);
    }

    #[test]
    fn relation_documents_are_sorted_each_once() {
        let evidence = |doc: &str| Evidence {
            doc: doc.to_owned(),
            sentence: 0,
            span: Span { start: 0, end: 1 },
            char_span: CharSpan { start: 0, end: 1 },
            quote: "x".into(),
            surface: "met".to_owned(),
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
            attributed_to: None,
            confidence: 0.5,
            extractor: "test".to_owned(),
        };
        let r = Relation::new(
            RelationId("a--meet--b".to_owned()),
            EntityId("a".to_owned()),
            "meet".to_owned(),
            "meet".to_owned(),
            EntityId("b".to_owned()),
            ["d2", "d1", "d2", "d3", "d1"].map(evidence).to_vec(),
        );
        assert_eq!(r.documents(), ["d1", "d2", "d3"]);
    }
}
