//! `graph.html`: the graph as one self-contained web page, to look at the graph and check
//! every edge against its sentences without installing anything.
//!
//! # Format (version [`PAGE_VERSION`])
//!
//! One HTML5 file, UTF-8, that needs no network and reads no other file: the style
//! (`html/viewer.css`), the code (`html/*.js`, our own plain JavaScript drawing on a
//! canvas) and the data are all inside. The data is one `<script type="application/json"
//! id="actorgraph-data">` block of column arrays: each string once in a table `s` and
//! referred to by index (`-1` for none), numbers as integers.
//!
//! | key | value |
//! |---|---|
//! | `v` | [`PAGE_VERSION`] |
//! | `title` | the page title |
//! | `versions` | `null`, or `[old, new]`: the two labels of a diff page |
//! | `types`, `typeColors` | entity type names and their colours (as in GEXF) |
//! | `statuses`, `statusColors` | a diff page's status names and colours (else empty) |
//! | `modalities` | modality names, in the order of the `mod` codes |
//! | `s` | the string table |
//! | `n` | entities, sorted by id: `id`, `label`, `type`, `x`, `y` (layout, integers), `m` (mentions), `d` (documents), `al` (aliases, lists), `wd` (Wikidata QID), `st` (status) |
//! | `e` | relations, sorted by id: `a`, `t` (actor and target, entity rows), `act` (action), `w` (weight), `c` (confidence × 1000), `mod`, `neg` (1 when negative), `d` (documents), `st` (status), `ev` (offsets into `x`: relation `i` has evidence rows `ev[i]..ev[i+1]`) |
//! | `x` | evidence: `doc` (article id), `s` (the sentence), `sf` (action as written), `mod`, `neg`, `att` (label of who it is attributed to), `c` (confidence × 1000), `st` (a diff page's status of this piece: added, removed or unchanged) |
//! | `docs` | articles, sorted by id: `id`, `title`, `date`, `url` |
//!
//! The layout is [`crate::graph::layout`] (seeded), so the same graph gives the same bytes.
//! Every `<` inside the data is written `\u003c`, so no text can close the block.

use std::io::{self, Write};

use rustc_hash::FxHashMap;

use super::{StatementSource, clean_confidence, gexf};
use crate::graph::{ArticleMeta, Evidence, KnowledgeGraph, Relation, layout};
use crate::model::{Entity, EntityType, Modality, Polarity};

/// The version of the page's data block (`v`).
pub const PAGE_VERSION: u32 = 1;

/// The seed of the layout's start positions.
pub const LAYOUT_SEED: u64 = 0x6163_746f_7267_7261;

const TEMPLATE: &str = include_str!("html/page.html");
const STYLE: &str = include_str!("html/viewer.css");
const SCRIPTS: [&str; 3] = [
    include_str!("html/data.js"),
    include_str!("html/draw.js"),
    include_str!("html/panels.js"),
];

/// One page to write: entities and relations (each sorted by id) with an optional status
/// (an index into [`Page::statuses`]), and the articles.
pub struct Page<'a> {
    /// The page title.
    pub title: String,
    /// A diff page's two version labels.
    pub versions: Option<(&'a str, &'a str)>,
    /// Status names and `#rrggbb` colours (empty for a build's page).
    pub statuses: Vec<(&'static str, String)>,
    /// The entities, sorted by id, each with its status.
    pub entities: Vec<(&'a Entity, u8)>,
    /// The relations, sorted by id, each with its status.
    pub relations: Vec<(&'a Relation, u8)>,
    /// The articles, sorted by id.
    pub articles: Vec<&'a ArticleMeta>,
}

/// Receives a relation's evidence and the status of each piece (empty when none).
pub type EvidenceFn<'f> = dyn FnMut(&[Evidence], &[u8]) -> io::Result<()> + 'f;

/// Gives a relation's evidence to the page writer: the pieces, and (on a diff page) the
/// status of each piece (empty when there is none).
pub trait PageEvidence {
    /// Calls `f` with the evidence of `relations[index]` of the page.
    fn with_evidence(
        &self,
        index: usize,
        relation: &Relation,
        f: &mut EvidenceFn<'_>,
    ) -> io::Result<()>;
}

/// A build's evidence: from its [`StatementSource`].
struct FromSource<'a, S: ?Sized>(&'a S);

impl<S: StatementSource + ?Sized> PageEvidence for FromSource<'_, S> {
    fn with_evidence(
        &self,
        _index: usize,
        relation: &Relation,
        f: &mut EvidenceFn<'_>,
    ) -> io::Result<()> {
        self.0
            .with_evidence(relation, &mut |evidence| f(evidence, &[]))
    }
}

/// Writes `graph` as `graph.html`, each relation's evidence from `source`.
///
/// ```
/// use actorgraph::graph::KnowledgeGraph;
/// use actorgraph::graph::Statement;
/// let mut out = Vec::new();
/// let none: &[Statement] = &[];
/// actorgraph::export::html::write(&mut out, &KnowledgeGraph::new(), none).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("<!DOCTYPE html>"));
/// assert!(text.contains(r#"<script type="application/json" id="actorgraph-data">"#));
/// ```
pub fn write(
    w: &mut dyn Write,
    graph: &KnowledgeGraph,
    source: &(impl StatementSource + ?Sized),
) -> io::Result<()> {
    let entities: Vec<(&Entity, u8)> = graph.entities().into_iter().map(|e| (e, 0)).collect();
    let relations: Vec<(&Relation, u8)> = graph.relations().into_iter().map(|r| (r, 0)).collect();
    let page = Page {
        title: format!(
            "actorgraph: {} entities, {} relations",
            entities.len(),
            relations.len()
        ),
        versions: None,
        statuses: Vec::new(),
        entities,
        relations,
        articles: graph.articles().collect(),
    };
    write_page(w, &page, &FromSource(source))
}

/// Writes a [`Page`].
pub fn write_page(
    w: &mut dyn Write,
    page: &Page<'_>,
    evidence: &dyn PageEvidence,
) -> io::Result<()> {
    let data = data(page, evidence)?;
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    let mut rest = TEMPLATE;
    for marker in ["{{title}}", "{{style}}", "{{data}}", "{{script}}"] {
        let (head, tail) = rest
            .split_once(marker)
            .ok_or_else(|| io::Error::other(format!("page template lacks {marker}")))?;
        w.write_all(head.as_bytes())?;
        match marker {
            "{{title}}" => w.write_all(html_text(&page.title).as_bytes())?,
            "{{style}}" => w.write_all(STYLE.as_bytes())?,
            "{{data}}" => write_escaped(&mut w, &data)?,
            _ => {
                for script in SCRIPTS {
                    w.write_all(script.as_bytes())?;
                }
            }
        }
        rest = tail;
    }
    w.write_all(rest.as_bytes())?;
    w.flush()
}

/// JSON bytes with every `<` as `\u003c` (it only occurs inside strings), so that neither
/// `</script>` nor `<!--` can appear in the block.
fn write_escaped(w: &mut impl Write, json: &[u8]) -> io::Result<()> {
    for chunk in json.split_inclusive(|&b| b == b'<') {
        match chunk.split_last() {
            Some((b'<', head)) => {
                w.write_all(head)?;
                w.write_all(b"\\u003c")?;
            }
            _ => w.write_all(chunk)?,
        }
    }
    Ok(())
}

/// Text for an HTML element.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The string table: each string once, in order of first use.
#[derive(Default)]
struct Strings<'a> {
    index: FxHashMap<&'a str, i64>,
    all: Vec<&'a str>,
}

impl<'a> Strings<'a> {
    fn id(&mut self, s: &'a str) -> i64 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.all.len() as i64;
        self.index.insert(s, i);
        self.all.push(s);
        i
    }

    fn opt(&mut self, s: Option<&'a str>) -> i64 {
        s.map_or(-1, |s| self.id(s))
    }
}

/// The evidence columns.
#[derive(Default)]
struct EvidenceColumns {
    doc: Vec<i64>,
    sentence: Vec<i64>,
    surface: Vec<i64>,
    modality: Vec<i64>,
    negative: Vec<i64>,
    attributed: Vec<i64>,
    confidence: Vec<i64>,
    status: Vec<i64>,
}

fn modality_code(m: Modality) -> i64 {
    match m {
        Modality::Asserted => 0,
        Modality::Alleged => 1,
        Modality::Possible => 2,
        Modality::Denied => 3,
    }
}

fn type_code(t: EntityType) -> i64 {
    EntityType::ALL.iter().position(|&x| x == t).unwrap_or(0) as i64
}

fn thousandths(c: f64) -> i64 {
    (clean_confidence(c) * 1000.0).round() as i64
}

/// The page's data block as JSON.
fn data(page: &Page<'_>, source: &dyn PageEvidence) -> io::Result<Vec<u8>> {
    let ids: Vec<&str> = page.entities.iter().map(|(e, _)| e.id.as_str()).collect();
    let row = |id: &str| -> Option<usize> { ids.binary_search(&id).ok() };
    let mut links: Vec<(usize, usize, f64)> = Vec::with_capacity(page.relations.len());
    for (r, _) in &page.relations {
        if let (Some(a), Some(b)) = (row(r.actor.as_str()), row(r.target.as_str())) {
            links.push((a, b, r.weight() as f64));
        }
    }
    let positions = layout::layout(&ids, &links, LAYOUT_SEED);

    // The evidence's texts, read one relation at a time, are kept here so that the string
    // table can point into them.
    let mut texts: Vec<String> = Vec::new();
    let mut s = Strings::default();
    let mut out: Vec<u8> = Vec::with_capacity(1 << 20);
    let o = &mut out;
    write!(o, "{{\"v\":{PAGE_VERSION},\"title\":")?;
    json_str(o, &page.title)?;
    o.extend_from_slice(b",\"versions\":");
    match page.versions {
        Some((old, new)) => {
            o.push(b'[');
            json_str(o, old)?;
            o.push(b',');
            json_str(o, new)?;
            o.push(b']');
        }
        None => o.extend_from_slice(b"null"),
    }
    let names = |o: &mut Vec<u8>, key: &str, items: &mut dyn Iterator<Item = String>| {
        write!(o, ",\"{key}\":[")?;
        for (i, item) in items.enumerate() {
            if i > 0 {
                o.push(b',');
            }
            json_str(o, &item)?;
        }
        o.push(b']');
        io::Result::Ok(())
    };
    names(
        o,
        "types",
        &mut EntityType::ALL.iter().map(|t| t.as_str().to_owned()),
    )?;
    names(
        o,
        "typeColors",
        &mut EntityType::ALL.iter().map(|&t| {
            let (r, g, b) = gexf::color(t);
            format!("#{r:02x}{g:02x}{b:02x}")
        }),
    )?;
    names(
        o,
        "statuses",
        &mut page.statuses.iter().map(|s| s.0.to_owned()),
    )?;
    names(
        o,
        "statusColors",
        &mut page.statuses.iter().map(|s| s.1.clone()),
    )?;
    names(
        o,
        "modalities",
        &mut [
            Modality::Asserted,
            Modality::Alleged,
            Modality::Possible,
            Modality::Denied,
        ]
        .iter()
        .map(|m| m.as_str().to_owned()),
    )?;

    // Entities.
    let es = &page.entities;
    o.extend_from_slice(b",\"n\":{");
    let ids_col: Vec<i64> = es.iter().map(|(e, _)| s.id(e.id.as_str())).collect();
    ints(o, "id", &ids_col, true)?;
    let labels: Vec<i64> = es.iter().map(|(e, _)| s.id(&e.label)).collect();
    ints(o, "label", &labels, false)?;
    let types: Vec<i64> = es.iter().map(|(e, _)| type_code(e.kind)).collect();
    ints(o, "type", &types, false)?;
    let xs: Vec<i64> = positions.iter().map(|p| i64::from(p.0)).collect();
    ints(o, "x", &xs, false)?;
    let ys: Vec<i64> = positions.iter().map(|p| i64::from(p.1)).collect();
    ints(o, "y", &ys, false)?;
    let mentions: Vec<i64> = es.iter().map(|(e, _)| e.mentions as i64).collect();
    ints(o, "m", &mentions, false)?;
    let docs: Vec<i64> = es.iter().map(|(e, _)| e.documents as i64).collect();
    ints(o, "d", &docs, false)?;
    o.extend_from_slice(b",\"al\":[");
    for (i, (e, _)) in es.iter().enumerate() {
        if i > 0 {
            o.push(b',');
        }
        let aliases: Vec<i64> = e.aliases.iter().map(|a| s.id(a)).collect();
        int_list(o, &aliases)?;
    }
    o.push(b']');
    let wikidata: Vec<i64> = es
        .iter()
        .map(|(e, _)| s.opt(e.wikidata.as_deref()))
        .collect();
    ints(o, "wd", &wikidata, false)?;
    let status: Vec<i64> = es.iter().map(|(_, st)| i64::from(*st)).collect();
    ints(o, "st", &status, false)?;
    o.push(b'}');

    // Relations and their evidence.
    let label_of = |id: &str| -> String {
        match row(id) {
            Some(i) => es[i].0.label.clone(),
            None => id.to_owned(),
        }
    };
    let rs = &page.relations;
    let mut x = EvidenceColumns::default();
    let mut offsets: Vec<i64> = Vec::with_capacity(rs.len() + 1);
    offsets.push(0);
    let mut text_cols: Vec<[usize; 4]> = Vec::new();
    for (i, (r, _)) in rs.iter().enumerate() {
        source.with_evidence(i, r, &mut |evidence, statuses| {
            for (k, ev) in evidence.iter().enumerate() {
                let mut keep = |t: &str| {
                    texts.push(t.to_owned());
                    texts.len() - 1
                };
                let att = ev.attributed_to.as_ref().map(|a| label_of(a.as_str()));
                let att = att.as_deref();
                text_cols.push([
                    keep(&ev.doc),
                    keep(&ev.quote),
                    keep(&ev.surface),
                    att.map_or(usize::MAX, &mut keep),
                ]);
                x.modality.push(modality_code(ev.modality));
                x.negative
                    .push(i64::from(ev.polarity == Polarity::Negative));
                x.confidence.push(thousandths(f64::from(ev.confidence)));
                x.status
                    .push(statuses.get(k).map_or(0, |&st| i64::from(st)));
            }
            Ok(())
        })?;
        offsets.push(text_cols.len() as i64);
    }
    let actors: Vec<i64> = rs
        .iter()
        .map(|(r, _)| index_of(&row, r.actor.as_str()))
        .collect();
    let targets: Vec<i64> = rs
        .iter()
        .map(|(r, _)| index_of(&row, r.target.as_str()))
        .collect();
    let actions: Vec<i64> = rs.iter().map(|(r, _)| s.id(&r.action)).collect();
    for cols in &text_cols {
        x.doc.push(s.id(&texts[cols[0]]));
        x.sentence.push(s.id(&texts[cols[1]]));
        x.surface.push(s.id(&texts[cols[2]]));
        x.attributed.push(match texts.get(cols[3]) {
            Some(t) => s.id(t),
            None => -1,
        });
    }
    o.extend_from_slice(b",\"e\":{");
    ints(o, "a", &actors, true)?;
    ints(o, "t", &targets, false)?;
    ints(o, "act", &actions, false)?;
    let col = |f: &dyn Fn(&Relation) -> i64| -> Vec<i64> { rs.iter().map(|(r, _)| f(r)).collect() };
    ints(o, "w", &col(&|r| r.weight() as i64), false)?;
    ints(o, "c", &col(&|r| thousandths(r.confidence())), false)?;
    ints(o, "mod", &col(&|r| modality_code(r.modality())), false)?;
    ints(
        o,
        "neg",
        &col(&|r| i64::from(r.polarity() == Polarity::Negative)),
        false,
    )?;
    ints(o, "d", &col(&|r| r.tally.documents().len() as i64), false)?;
    let status: Vec<i64> = rs.iter().map(|(_, st)| i64::from(*st)).collect();
    ints(o, "st", &status, false)?;
    ints(o, "ev", &offsets, false)?;
    o.extend_from_slice(b"},\"x\":{");
    ints(o, "doc", &x.doc, true)?;
    ints(o, "s", &x.sentence, false)?;
    ints(o, "sf", &x.surface, false)?;
    ints(o, "mod", &x.modality, false)?;
    ints(o, "neg", &x.negative, false)?;
    ints(o, "att", &x.attributed, false)?;
    ints(o, "c", &x.confidence, false)?;
    ints(o, "st", &x.status, false)?;
    o.extend_from_slice(b"},\"docs\":{");
    let arts = &page.articles;
    let doc_ids: Vec<i64> = arts.iter().map(|a| s.id(&a.id)).collect();
    ints(o, "id", &doc_ids, true)?;
    let titles: Vec<i64> = arts.iter().map(|a| s.opt(a.title.as_deref())).collect();
    ints(o, "title", &titles, false)?;
    let dates: Vec<i64> = arts.iter().map(|a| s.opt(a.date.as_deref())).collect();
    ints(o, "date", &dates, false)?;
    let urls: Vec<i64> = arts.iter().map(|a| s.opt(a.url.as_deref())).collect();
    ints(o, "url", &urls, false)?;
    o.extend_from_slice(b"},\"s\":[");
    for (i, text) in s.all.iter().enumerate() {
        if i > 0 {
            o.push(b',');
        }
        json_str(o, text)?;
    }
    o.extend_from_slice(b"]}");
    Ok(out)
}

fn index_of(row: &dyn Fn(&str) -> Option<usize>, id: &str) -> i64 {
    row(id).map_or(-1, |i| i as i64)
}

fn json_str(o: &mut Vec<u8>, s: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *o, s).map_err(io::Error::from)
}

/// `"key":[1,2,3]`, after a comma unless `first`.
fn ints(o: &mut Vec<u8>, key: &str, values: &[i64], first: bool) -> io::Result<()> {
    if !first {
        o.push(b',');
    }
    write!(o, "\"{key}\":")?;
    int_list(o, values)
}

fn int_list(o: &mut Vec<u8>, values: &[i64]) -> io::Result<()> {
    o.push(b'[');
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            o.push(b',');
        }
        write!(o, "{v}")?;
    }
    o.push(b']');
    Ok(())
}

#[cfg(test)]
#[path = "html/tests.rs"]
mod tests;
