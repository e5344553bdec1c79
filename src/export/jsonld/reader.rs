//! Reads our own `graph.jsonld` back into a [`KnowledgeGraph`] (for `actorgraph diff`).
//!
//! This is not a general JSON-LD processor: it reads the [format](super) the writer writes,
//! checks its `formatVersion`, and rebuilds entities, relations, evidence and articles from
//! the entity, statement, evidence and article nodes (the direct `rel:` triples repeat the
//! statements and are skipped).

use std::collections::{BTreeSet, HashMap};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::decode_segment;
use super::wire::{DocumentIn, NodeIn, OneOrMany};
use crate::export::{ExportError, FORMAT_VERSION, OLDEST_READABLE_VERSION};
use crate::graph::{ArticleMeta, Evidence, KnowledgeGraph, Relation, RelationId};
use crate::model::{CharSpan, Modality, Polarity, Span};
use crate::model::{Entity, EntityId, EntityType};

/// Reads a `graph.jsonld` written by this version of actorgraph.
///
/// Fails with [`ExportError::UnsupportedVersion`] on another format version and with
/// [`ExportError::Malformed`] (naming the node) on anything this format does not write.
pub fn read_graph(path: &Path) -> Result<KnowledgeGraph, ExportError> {
    let file = File::open(path).map_err(|source| ExportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let document: DocumentIn = serde_json::from_reader(BufReader::with_capacity(1 << 16, file))
        .map_err(|e| malformed(path, format!("not an actorgraph graph.jsonld: {e}")))?;
    from_nodes(path, document.graph)
}

fn malformed(path: &Path, message: String) -> ExportError {
    ExportError::Malformed {
        path: path.to_path_buf(),
        message,
    }
}

fn from_nodes(path: &Path, nodes: Vec<NodeIn>) -> Result<KnowledgeGraph, ExportError> {
    let dataset = nodes
        .iter()
        .find(|n| has_type(n, "Dataset"))
        .ok_or_else(|| {
            malformed(
                path,
                "no Dataset node: not a graph.jsonld written by actorgraph".to_owned(),
            )
        })?;
    match &dataset.format_version {
        Some(serde_json::Value::Number(n))
            if n.as_u64().is_some_and(|v| {
                (u64::from(OLDEST_READABLE_VERSION)..=u64::from(FORMAT_VERSION)).contains(&v)
            }) => {}
        Some(serde_json::Value::String(s)) => {
            return Err(malformed(
                path,
                format!("formatVersion must be a number, found the string \"{s}\""),
            ));
        }
        Some(other) => {
            let found = match other {
                serde_json::Value::String(s) => s.clone(),
                v => v.to_string(),
            };
            return Err(ExportError::UnsupportedVersion {
                path: path.to_path_buf(),
                found,
                supported: FORMAT_VERSION,
            });
        }
        None => {
            return Err(malformed(
                path,
                "the Dataset node has no formatVersion".to_owned(),
            ));
        }
    }

    let mut graph = KnowledgeGraph::new();
    let mut evidence: HashMap<String, Evidence> = HashMap::new();
    let mut statements = Vec::new();
    for node in nodes {
        let ctx = |what: &str| malformed(path, format!("node {}: {what}", node.id));
        if has_type(&node, "Entity") {
            graph.add_entity(entity(&node).map_err(|m| ctx(&m))?);
        } else if has_type(&node, "NewsArticle") {
            graph.add_article(ArticleMeta {
                id: node
                    .identifier
                    .clone()
                    .ok_or_else(|| ctx("no identifier"))?,
                title: node.headline.clone(),
                date: node.date_published.clone(),
                url: node.url.clone(),
            });
        } else if has_type(&node, "Evidence") {
            let e = evidence_of(&node).map_err(|m| ctx(&m))?;
            evidence.insert(node.id.clone(), e);
        } else if has_type(&node, "Statement") {
            statements.push(node);
        }
    }
    for node in statements {
        let ctx = |what: &str| malformed(path, format!("node {}: {what}", node.id));
        let mut items = Vec::with_capacity(node.evidence.len());
        for id in &node.evidence {
            items.push(
                evidence
                    .remove(id)
                    .ok_or_else(|| ctx(&format!("evidence {id} is missing")))?,
            );
        }
        let relation = Relation::new(
            RelationId(
                node.identifier
                    .clone()
                    .ok_or_else(|| ctx("no identifier"))?,
            ),
            EntityId(reference(node.subject.as_deref(), "entity/").map_err(|m| ctx(&m))?),
            node.action.clone().ok_or_else(|| ctx("no action"))?,
            node.lemma.clone().ok_or_else(|| ctx("no lemma"))?,
            EntityId(reference(node.object.as_deref(), "entity/").map_err(|m| ctx(&m))?),
            items,
        );
        graph
            .add_relation(relation)
            .map_err(|e| ctx(&e.to_string()))?;
    }
    Ok(graph)
}

fn has_type(node: &NodeIn, ty: &str) -> bool {
    match &node.types {
        OneOrMany::One(t) => t == ty,
        OneOrMany::Many(ts) => ts.iter().any(|t| t == ty),
    }
}

/// Decodes a relative reference `prefix` + segment back to our id.
fn reference(iri: Option<&str>, prefix: &str) -> Result<String, String> {
    let iri = iri.ok_or_else(|| format!("missing reference to {prefix}…"))?;
    iri.strip_prefix(prefix)
        .and_then(decode_segment)
        .ok_or_else(|| format!("reference {iri:?} is not {prefix}<id>"))
}

fn entity(node: &NodeIn) -> Result<Entity, String> {
    let kind = node.entity_type.as_deref().ok_or("no entityType")?;
    Ok(Entity {
        id: EntityId(node.identifier.clone().ok_or("no identifier")?),
        label: node.name.clone().ok_or("no name")?,
        kind: EntityType::parse(kind).ok_or_else(|| format!("unknown entityType {kind:?}"))?,
        country: has_type(node, "Country"),
        wikidata: match &node.same_as {
            Some(iri) => Some(
                iri.strip_prefix("wd:")
                    .or_else(|| iri.strip_prefix("http://www.wikidata.org/entity/"))
                    .and_then(decode_segment)
                    .ok_or_else(|| format!("sameAs {iri:?} is not a Wikidata IRI"))?,
            ),
            None => None,
        },
        aliases: node.alternate_name.iter().cloned().collect::<BTreeSet<_>>(),
        part_of: match &node.part_of {
            Some(p) => Some(EntityId(reference(Some(p), "entity/")?)),
            None => None,
        },
        roles: node.role.iter().cloned().collect(),
        mentions: node.mention_count.ok_or("no mentionCount")?,
        documents: node.document_count.ok_or("no documentCount")?,
    })
}

fn evidence_of(node: &NodeIn) -> Result<Evidence, String> {
    let doc = match &node.derived_from {
        Some(OneOrMany::One(iri)) => reference(Some(iri), "article/")?,
        _ => return Err("derivedFrom must name one article".to_owned()),
    };
    let need = |v: Option<usize>, name: &str| v.ok_or_else(|| format!("no {name}"));
    Ok(Evidence {
        doc,
        sentence: need(node.sentence, "sentence")?,
        span: Span {
            start: need(node.byte_start, "byteStart")?,
            end: need(node.byte_end, "byteEnd")?,
        },
        char_span: CharSpan {
            start: need(node.char_start, "charStart")?,
            end: need(node.char_end, "charEnd")?,
        },
        quote: node.quote.clone().ok_or("no quote")?.into(),
        surface: node.surface.clone().ok_or("no surface")?,
        polarity: polarity(node.polarity.as_deref())?,
        modality: modality(node.modality.as_deref())?,
        attributed_to: match &node.attributed_to {
            Some(a) => Some(EntityId(reference(Some(a), "entity/")?)),
            None => None,
        },
        confidence: node
            .confidence
            .as_deref()
            .and_then(|c| c.parse::<f32>().ok())
            .filter(|c| c.is_finite())
            .ok_or("no confidence")?,
        extractor: node.extractor.clone().ok_or("no extractor")?,
    })
}

fn polarity(s: Option<&str>) -> Result<Polarity, String> {
    [Polarity::Positive, Polarity::Negative]
        .into_iter()
        .find(|p| Some(p.as_str()) == s)
        .ok_or_else(|| format!("unknown polarity {s:?}"))
}

fn modality(s: Option<&str>) -> Result<Modality, String> {
    [
        Modality::Asserted,
        Modality::Alleged,
        Modality::Possible,
        Modality::Denied,
    ]
    .into_iter()
    .find(|m| Some(m.as_str()) == s)
    .ok_or_else(|| format!("unknown modality {s:?}"))
}
