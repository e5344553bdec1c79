//! Writes `graph.jsonld` node by node (see the [format](super)).

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::wire::{ArticleNode, DatasetNode, EntityNode, EvidenceNode, IdRef, StatementNode};
use super::{CONTEXT, iri_segment, predicate_name};
use crate::export::{ExportError, FORMAT_VERSION, StatementSource, format_confidence};
use crate::graph::{ArticleMeta, Evidence, KnowledgeGraph, Relation, Statement};
use crate::model::Polarity;
use crate::model::{Entity, EntityType};

/// Writes a graph as JSON-LD, streaming: one wire struct per node, never the whole
/// document in memory.
///
/// ```
/// use actorgraph::export::jsonld::JsonLdWriter;
/// use actorgraph::graph::KnowledgeGraph;
/// let writer = JsonLdWriter::new("https://example.org/kg/").unwrap();
/// let mut out = Vec::new();
/// writer.write(&mut out, &KnowledgeGraph::new()).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#""@base": "https://example.org/kg/""#));
/// assert!(text.contains(r#"{"id":"dataset","type":["Dataset"],"name":"actorgraph knowledge graph","formatVersion":2,"#));
/// assert!(JsonLdWriter::new("not an iri").is_err());
/// ```
#[derive(Clone, Debug)]
pub struct JsonLdWriter {
    context: String,
}

impl JsonLdWriter {
    /// A writer whose ids are relative to `base_iri`: an absolute IRI (with a scheme) that
    /// ends in `/` or `#`.
    pub fn new(base_iri: &str) -> Result<JsonLdWriter, ExportError> {
        let scheme_ok = base_iri.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        let clean = !base_iri.contains(|c: char| c.is_whitespace() || "<>\"{}|\\^`".contains(c));
        if !scheme_ok || !clean || !(base_iri.ends_with('/') || base_iri.ends_with('#')) {
            return Err(ExportError::BaseIri(base_iri.to_owned()));
        }
        let mut document: serde_json::Value =
            serde_json::from_str(CONTEXT).expect("schemas/context.jsonld is valid JSON (tested)");
        let context = document
            .get_mut("@context")
            .and_then(|c| c.as_object_mut())
            .expect("schemas/context.jsonld has an @context object (tested)");
        context.insert(
            "@base".to_owned(),
            serde_json::Value::String(base_iri.to_owned()),
        );
        let context =
            serde_json::to_string_pretty(&document["@context"]).expect("a Value always serializes");
        Ok(JsonLdWriter { context })
    }

    /// Writes `graph`, whose relations hold their evidence ([`Relation::evidence`]).
    pub fn write(&self, w: &mut dyn Write, graph: &KnowledgeGraph) -> io::Result<()> {
        self.write_with(w, graph, &[] as &[Statement])
    }

    /// Writes `graph`, with each relation's evidence from `evidence`
    /// ([`StatementSource::with_evidence`]): for a build that kept it out of the graph.
    /// Fails when a relation's evidence does not match its weight.
    pub fn write_with(
        &self,
        w: &mut dyn Write,
        graph: &KnowledgeGraph,
        evidence: &(impl StatementSource + ?Sized),
    ) -> io::Result<()> {
        // A buffer of our own: serde_json's many small writes are inlined into it rather
        // than each a call through `dyn Write`.
        let mut buffered = io::BufWriter::with_capacity(1 << 16, w);
        self.write_to(&mut buffered, graph, evidence)?;
        buffered.flush()
    }

    fn write_to(
        &self,
        w: &mut impl Write,
        graph: &KnowledgeGraph,
        source: &(impl StatementSource + ?Sized),
    ) -> io::Result<()> {
        let entities = graph.entities();
        let relations = graph.relations();
        let articles: Vec<&ArticleMeta> = graph.articles().collect();
        w.write_all(b"{\n\"@context\": ")?;
        w.write_all(self.context.as_bytes())?;
        w.write_all(b",\n\"@graph\": [\n")?;
        node(
            w,
            &DatasetNode {
                id: "dataset",
                types: ["Dataset"],
                name: "actorgraph knowledge graph",
                format_version: FORMAT_VERSION,
                entity_count: entities.len(),
                relation_count: relations.len(),
                evidence_count: relations.iter().map(|r| r.evidence_count()).sum(),
                article_count: articles.len(),
            },
        )?;
        for article in articles {
            w.write_all(b",\n")?;
            node(w, &article_node(article))?;
        }
        // Each entity's direct links, built one entity at a time (not one map for the whole
        // graph): relations by actor, in id order for each actor, walked beside the
        // entities, which are in id order too.
        let mut by_actor: Vec<&Relation> = relations.clone();
        by_actor.sort_by(|a, b| a.actor.cmp(&b.actor));
        let mut next = by_actor.iter().peekable();
        for entity in entities {
            w.write_all(b",\n")?;
            let mut links: BTreeMap<String, Vec<IdRef>> = BTreeMap::new();
            while let Some(r) = next.next_if(|r| r.actor <= entity.id) {
                if r.actor == entity.id {
                    links
                        .entry(format!("rel:{}", predicate(r)))
                        .or_default()
                        .push(IdRef {
                            id: entity_iri(r.target.as_str()),
                        });
                }
            }
            node(w, &entity_node(entity, links))?;
        }
        for relation in relations {
            w.write_all(b",\n")?;
            node(w, &statement_node(relation))?;
            let iri = relation_iri(relation.id.as_str());
            source.with_evidence(relation, &mut |evidence| {
                if evidence.len() != relation.evidence_count() {
                    return Err(io::Error::other(format!(
                        "relation {}: {} statements counted, {} found",
                        relation.id,
                        relation.evidence_count(),
                        evidence.len()
                    )));
                }
                for (i, evidence) in evidence.iter().enumerate() {
                    w.write_all(b",\n")?;
                    node(w, &evidence_node(&iri, i, evidence))?;
                }
                Ok(())
            })?;
        }
        w.write_all(b"\n]\n}\n")
    }
}

fn node<T: serde::Serialize>(w: &mut impl Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *w, value).map_err(io::Error::from)
}

/// Relative IRI of an entity.
pub(crate) fn entity_iri(id: &str) -> String {
    format!("entity/{}", iri_segment(id))
}

/// Relative IRI of an article.
pub(crate) fn article_iri(doc: &str) -> String {
    format!("article/{}", iri_segment(doc))
}

fn relation_iri(id: &str) -> String {
    format!("relation/{}", iri_segment(id))
}

fn predicate(r: &Relation) -> String {
    predicate_name(&r.action, r.polarity() == Polarity::Negative)
}

fn schema_types(e: &Entity) -> Vec<&'static str> {
    let mut types = vec!["Entity"];
    types.push(match e.kind {
        EntityType::Person => "Person",
        EntityType::Organization => "Organization",
        EntityType::Place => "Place",
        EntityType::Group => "Group",
        EntityType::Event => "Event",
        EntityType::Other => "Thing",
    });
    if e.country {
        types.push("Country");
    }
    types
}

fn article_node(a: &ArticleMeta) -> ArticleNode<'_> {
    ArticleNode {
        id: article_iri(&a.id),
        types: ["NewsArticle"],
        identifier: &a.id,
        headline: a.title.as_deref(),
        date_published: a.date.as_deref(),
        url: a.url.as_deref(),
    }
}

fn entity_node(e: &Entity, links: BTreeMap<String, Vec<IdRef>>) -> EntityNode<'_> {
    EntityNode {
        id: entity_iri(e.id.as_str()),
        types: schema_types(e),
        identifier: e.id.as_str(),
        name: &e.label,
        entity_type: e.kind.as_str(),
        alternate_name: e.aliases.iter().map(String::as_str).collect(),
        same_as: e
            .wikidata
            .as_ref()
            .map(|q| format!("wd:{}", iri_segment(q))),
        role: e.roles.iter().map(String::as_str).collect(),
        part_of: e.part_of.as_ref().map(|p| entity_iri(p.as_str())),
        mention_count: e.mentions,
        document_count: e.documents,
        links,
    }
}

fn statement_node(r: &Relation) -> StatementNode<'_> {
    let iri = relation_iri(r.id.as_str());
    let documents = r.documents();
    StatementNode {
        identifier: r.id.as_str(),
        subject: entity_iri(r.actor.as_str()),
        predicate: format!("rel:{}", predicate(r)),
        object: entity_iri(r.target.as_str()),
        action: &r.action,
        lemma: &r.lemma,
        weight: r.weight(),
        confidence: format_confidence(r.confidence()),
        polarity: r.polarity().as_str(),
        modality: r.modality().as_str(),
        document_count: documents.len(),
        derived_from: documents.iter().map(|d| article_iri(d)).collect(),
        evidence: (0..r.evidence_count())
            .map(|i| format!("{iri}/evidence/{i}"))
            .collect(),
        id: iri,
        types: ["Statement"],
    }
}

/// The node of a relation's evidence `i`; `relation_iri` is the relation's [`relation_iri`].
fn evidence_node<'a>(relation_iri: &str, i: usize, e: &'a Evidence) -> EvidenceNode<'a> {
    EvidenceNode {
        id: format!("{relation_iri}/evidence/{i}"),
        types: ["Evidence"],
        derived_from: article_iri(&e.doc),
        sentence: e.sentence,
        byte_start: e.span.start,
        byte_end: e.span.end,
        char_start: e.char_span.start,
        char_end: e.char_span.end,
        quote: &e.quote,
        surface: &e.surface,
        polarity: e.polarity.as_str(),
        modality: e.modality.as_str(),
        attributed_to: e.attributed_to.as_ref().map(|a| entity_iri(a.as_str())),
        confidence: format_confidence(f64::from(e.confidence)),
        extractor: &e.extractor,
    }
}
