//! Reads our own `graph.jsonld` back into a [`KnowledgeGraph`] (for `actorgraph diff`).
//!
//! This is not a general JSON-LD processor: it reads the [format](super) the writer writes,
//! checks its `formatVersion`, and rebuilds entities, relations, evidence and articles from
//! the entity, statement, evidence and article nodes (the direct `rel:` triples repeat the
//! statements and are skipped).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::sync::Arc;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::decode_segment;
use super::wire::{NodeIn, OneOrMany};
use crate::export::{ExportError, FORMAT_VERSION, OLDEST_READABLE_VERSION, clean_confidence};
use crate::graph::{ArticleMeta, Evidence, KnowledgeGraph, Relation, RelationId};
use crate::model::{CharSpan, Modality, Polarity, Span};
use crate::model::{Entity, EntityId, EntityType};

/// Reads a `graph.jsonld` written by this version of actorgraph.
///
/// Fails with [`ExportError::UnsupportedVersion`] on another format version and with
/// [`ExportError::Malformed`] (naming the node) on anything this format does not write.
///
/// The nodes are read one at a time as the parser meets them (no tree of the whole
/// document, no list of its nodes): entities and articles go into the graph at once,
/// evidence into a map by id until the statements that list it take it, and identical
/// sentence texts share one allocation. So memory holds the graph being built, not the
/// file several times over.
pub fn read_graph(path: &Path) -> Result<KnowledgeGraph, ExportError> {
    let file = File::open(path).map_err(|source| ExportError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut reading = Reading::default();
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, file));
    DocumentSeed(&mut reading)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| malformed(path, format!("not an actorgraph graph.jsonld: {e}")))?;
    reading.finish(path)
}

fn malformed(path: &Path, message: String) -> ExportError {
    ExportError::Malformed {
        path: path.to_path_buf(),
        message,
    }
}

/// A statement node, kept until every node has been read (its entities may come later),
/// with its evidence as it arrives.
struct StatementIn {
    id: String,
    identifier: Option<String>,
    subject: Option<String>,
    object: Option<String>,
    action: Option<String>,
    lemma: Option<String>,
    /// The ids it lists, and the evidence of each once read.
    evidence: Vec<(String, Option<Evidence>)>,
}

/// What has been read so far. Errors in nodes are kept, not returned at once, so that a
/// file of another version says so (its Dataset node is checked first) wherever the
/// Dataset node stands, and the first bad node in file order is the one named.
///
/// Our writer puts each statement's evidence right after it, so evidence goes straight
/// into its statement: `wanted` holds only the ids a statement listed and that have not
/// come yet, and `early` only evidence read before the statement listing it (none in our
/// files). An evidence node goes to the first statement listing its id that has none yet
/// (our writer never repeats an id; a statement left without one is an error).
#[derive(Default)]
struct Reading {
    /// The first Dataset node's `formatVersion` (`Some(None)`: it has none).
    version: Option<Option<serde_json::Value>>,
    graph: KnowledgeGraph,
    statements: Vec<StatementIn>,
    /// Evidence ids listed by a statement and not read yet: the statement and the place.
    wanted: HashMap<String, (usize, usize)>,
    /// Evidence read before any statement listed it.
    early: HashMap<String, Evidence>,
    /// The first bad entity, article or evidence node: its id and what is wrong.
    error: Option<(String, String)>,
    /// Sentence texts, shared by every piece of evidence quoting them.
    quotes: HashSet<Arc<str>>,
}

impl Reading {
    fn add(&mut self, node: NodeIn) {
        if has_type(&node, "Dataset") && self.version.is_none() {
            self.version = Some(node.format_version.clone());
        }
        if self.error.is_some() && !has_type(&node, "Statement") {
            // what follows a bad node is never used; only the Dataset node still matters
            return;
        }
        let fail = |what: String| Some((node.id.clone(), what));
        if has_type(&node, "Entity") {
            match entity(&node) {
                Ok(e) => self.graph.add_entity(e),
                Err(m) => self.error = fail(m),
            }
        } else if has_type(&node, "NewsArticle") {
            match node.identifier.clone() {
                Some(id) => self.graph.add_article(ArticleMeta {
                    id,
                    title: node.headline,
                    date: node.date_published,
                    url: node.url,
                }),
                None => self.error = fail("no identifier".to_owned()),
            }
        } else if has_type(&node, "Evidence") {
            match evidence_of(&node, &mut self.quotes) {
                Ok(e) => match self.wanted.remove(&node.id) {
                    Some((statement, place)) => {
                        self.statements[statement].evidence[place].1 = Some(e);
                    }
                    None => {
                        self.early.entry(node.id).or_insert(e);
                    }
                },
                Err(m) => self.error = fail(m),
            }
        } else if has_type(&node, "Statement") {
            let statement = self.statements.len();
            let mut evidence = Vec::with_capacity(node.evidence.len());
            for (place, id) in node.evidence.into_iter().enumerate() {
                let item = self.early.remove(&id);
                if item.is_none() && !self.wanted.contains_key(&id) {
                    self.wanted.insert(id.clone(), (statement, place));
                }
                evidence.push((id, item));
            }
            self.statements.push(StatementIn {
                id: node.id,
                identifier: node.identifier,
                subject: node.subject,
                object: node.object,
                action: node.action,
                lemma: node.lemma,
                evidence,
            });
        }
    }

    fn finish(self, path: &Path) -> Result<KnowledgeGraph, ExportError> {
        let Reading {
            version,
            mut graph,
            statements,
            wanted,
            early,
            error,
            quotes,
        } = self;
        drop((wanted, early, quotes));
        check_version(path, version)?;
        if let Some((id, what)) = error {
            return Err(malformed(path, format!("node {id}: {what}")));
        }
        for node in statements {
            let ctx = |what: &str| malformed(path, format!("node {}: {what}", node.id));
            let mut items = Vec::with_capacity(node.evidence.len());
            for (id, item) in node.evidence {
                items.push(item.ok_or_else(|| ctx(&format!("evidence {id} is missing")))?);
            }
            let relation = Relation::new(
                RelationId(node.identifier.ok_or_else(|| ctx("no identifier"))?),
                EntityId(reference(node.subject.as_deref(), "entity/").map_err(|m| ctx(&m))?),
                node.action.ok_or_else(|| ctx("no action"))?,
                node.lemma.ok_or_else(|| ctx("no lemma"))?,
                EntityId(reference(node.object.as_deref(), "entity/").map_err(|m| ctx(&m))?),
                items,
            );
            graph
                .add_relation(relation)
                .map_err(|e| ctx(&e.to_string()))?;
        }
        Ok(graph)
    }
}

fn check_version(
    path: &Path,
    version: Option<Option<serde_json::Value>>,
) -> Result<(), ExportError> {
    let Some(version) = version else {
        return Err(malformed(
            path,
            "no Dataset node: not a graph.jsonld written by actorgraph".to_owned(),
        ));
    };
    match version {
        Some(serde_json::Value::Number(n))
            if n.as_u64().is_some_and(|v| {
                (u64::from(OLDEST_READABLE_VERSION)..=u64::from(FORMAT_VERSION)).contains(&v)
            }) =>
        {
            Ok(())
        }
        Some(serde_json::Value::String(s)) => Err(malformed(
            path,
            format!("formatVersion must be a number, found the string \"{s}\""),
        )),
        Some(other) => Err(ExportError::UnsupportedVersion {
            path: path.to_path_buf(),
            found: other.to_string(),
            supported: FORMAT_VERSION,
        }),
        None => Err(malformed(
            path,
            "the Dataset node has no formatVersion".to_owned(),
        )),
    }
}

/// The document: `@graph` is read node by node into the [`Reading`]; every other key
/// (the `@context`) is skipped.
struct DocumentSeed<'r>(&'r mut Reading);

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON-LD document with an `@graph` list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "@graph" {
                if seen {
                    return Err(de::Error::duplicate_field("@graph"));
                }
                seen = true;
                map.next_value_seed(NodesSeed(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if !seen {
            return Err(de::Error::missing_field("@graph"));
        }
        Ok(())
    }
}

/// The `@graph` list, each node handed to the [`Reading`] as soon as it is parsed.
struct NodesSeed<'r>(&'r mut Reading);

impl<'de> DeserializeSeed<'de> for NodesSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for NodesSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(node) = seq.next_element::<NodeIn>()? {
            self.0.add(node);
        }
        Ok(())
    }
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

fn evidence_of(node: &NodeIn, quotes: &mut HashSet<Arc<str>>) -> Result<Evidence, String> {
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
        quote: {
            let quote = node.quote.as_deref().ok_or("no quote")?;
            match quotes.get(quote) {
                Some(shared) => Arc::clone(shared),
                None => {
                    let shared = Arc::<str>::from(quote);
                    quotes.insert(Arc::clone(&shared));
                    shared
                }
            }
        },
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
            .and_then(confidence)
            .ok_or("no confidence")?,
        extractor: node.extractor.clone().ok_or("no extractor")?,
    })
}

/// A confidence as the writer would write it (in `[0, 1]`, three decimals), so that a graph
/// read back writes the same confidence again; `None` when it is no finite number.
fn confidence(text: &str) -> Option<f32> {
    let value = text.parse::<f64>().ok().filter(|c| c.is_finite())?;
    Some(clean_confidence(value) as f32)
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

#[cfg(test)]
mod tests {
    use super::*;

    const DATASET: &str = r#"{"id": "dataset", "type": ["Dataset"], "formatVersion": 2}"#;
    const ENTITIES: &str = r#"{"id": "entity/org.a", "type": ["Entity", "Organization"], "identifier": "org.a", "name": "A", "entityType": "Organization", "mentionCount": 1, "documentCount": 1},
{"id": "entity/org.b", "type": ["Entity", "Organization"], "identifier": "org.b", "name": "B", "entityType": "Organization", "mentionCount": 1, "documentCount": 1}"#;
    const STATEMENT: &str = r#"{"id": "relation/r", "type": ["Statement"], "identifier": "org.a--buy--org.b", "subject": "entity/org.a", "object": "entity/org.b", "action": "buy", "lemma": "buy", "evidence": ["relation/r/evidence/0"]}"#;
    const EVIDENCE: &str = r#"{"id": "relation/r/evidence/0", "type": ["Evidence"], "derivedFrom": "article/d", "sentence": 0, "byteStart": 0, "byteEnd": 8, "charStart": 0, "charEnd": 8, "quote": "A buys B", "surface": "buys", "polarity": "positive", "modality": "asserted", "confidence": "0.500", "extractor": "clauses"}"#;

    fn read(nodes: &[&str]) -> Result<KnowledgeGraph, ExportError> {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("graph.jsonld");
        let text = format!("{{\"@graph\": [\n{}\n]}}", nodes.join(",\n"));
        std::fs::write(&path, text).expect("written");
        read_graph(&path)
    }

    #[test]
    fn evidence_before_its_statement_reads_as_after_it() {
        let after = read(&[DATASET, ENTITIES, STATEMENT, EVIDENCE]).expect("reads");
        let before = read(&[EVIDENCE, DATASET, STATEMENT, ENTITIES]).expect("reads");
        assert_eq!(after.relations().len(), 1);
        assert!(crate::diff::diff(&after, &before).is_empty());
    }

    #[test]
    fn confidences_read_as_written() {
        // what the writer writes reads as it did when parsed straight to f32
        for k in 0..=1000 {
            let text = format!("{}.{:03}", k / 1000, k % 1000);
            assert_eq!(confidence(&text), text.parse::<f32>().ok(), "{text}");
        }
        // what it does not write reads as what it would write: issue #22, found by the
        // graph_jsonld fuzz target (a fourth decimal changed the graph on a round trip)
        assert_eq!(confidence("0.6885"), Some(0.689));
        assert_eq!(confidence("1.5"), Some(1.0));
        assert_eq!(confidence("-2"), Some(0.0));
        assert_eq!(confidence("NaN"), None);
        assert_eq!(confidence("inf"), None);
    }

    #[test]
    fn evidence_listed_twice_is_missing_the_second_time() {
        let twice = STATEMENT.replace(
            r#"["relation/r/evidence/0"]"#,
            r#"["relation/r/evidence/0", "relation/r/evidence/0"]"#,
        );
        let e = read(&[DATASET, ENTITIES, &twice, EVIDENCE]).expect_err("refused");
        assert!(
            e.to_string()
                .contains("evidence relation/r/evidence/0 is missing"),
            "{e}"
        );
    }

    #[test]
    fn the_version_is_checked_before_the_nodes_wherever_the_dataset_stands() {
        let bad_entity = r#"{"id": "entity/x", "type": ["Entity"], "identifier": "x"}"#;
        let future = DATASET.replace("2}", "99}");
        let e = read(&[bad_entity, &future]).expect_err("refused");
        assert!(matches!(e, ExportError::UnsupportedVersion { .. }), "{e}");
        let e = read(&[bad_entity, DATASET]).expect_err("refused");
        assert!(
            e.to_string().contains("node entity/x: no entityType"),
            "{e}"
        );
    }
}
