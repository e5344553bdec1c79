//! The one GraphML/GEXF layer: attribute tables and document skeletons, shared by the
//! export's `graph.graphml` and `graph.gexf` and the diff's union graph.
//!
//! A [`Table`] lists the attributes of one class (graph, node or edge), in document order.
//! The same table writes the declarations (GraphML `<key>`s, GEXF `<attributes>`) and, row
//! by row, the values ([`Row::put`] takes them in declaration order), so a value can never
//! sit under a key that was not declared or in another order. Ids go through [`xml::id`],
//! text through [`xml::text`] and attribute values through [`xml::attr`], always.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};

use quick_xml::Writer;
use quick_xml::escape::{escape, partial_escape};
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::xml;

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";
const GRAPHML_SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// What an attribute holds; names its GraphML `attr.type` and GEXF `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `string` in both.
    String,
    /// A JSON list of strings: `string` in GraphML, `liststring` in GEXF.
    List,
    /// `boolean` in both.
    Boolean,
    /// `int` in GraphML, `integer` in GEXF.
    Int,
    /// `double` in both.
    Double,
}

impl Kind {
    fn graphml(self) -> &'static str {
        match self {
            Kind::String | Kind::List => "string",
            Kind::Boolean => "boolean",
            Kind::Int => "int",
            Kind::Double => "double",
        }
    }

    fn gexf(self) -> &'static str {
        match self {
            Kind::String => "string",
            Kind::List => "liststring",
            Kind::Boolean => "boolean",
            Kind::Int => "integer",
            Kind::Double => "double",
        }
    }
}

/// One attribute: declared once, given on every element of its class.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attribute {
    /// The GraphML key id (`n_label`).
    key: &'static str,
    /// The GraphML `attr.name`; the GEXF attribute id and title.
    name: &'static str,
    kind: Kind,
    /// Whether GEXF has it as an `<attvalue>` (false where GEXF carries the value as an
    /// XML attribute of the element instead: labels, weights).
    in_gexf: bool,
}

impl Attribute {
    /// An attribute with GraphML key `key` and name `name`.
    pub(crate) const fn new(key: &'static str, name: &'static str, kind: Kind) -> Attribute {
        Attribute {
            key,
            name,
            kind,
            in_gexf: true,
        }
    }

    /// A GEXF attribute (its id is its name; it has no GraphML key of its own).
    pub(crate) const fn gexf(name: &'static str, kind: Kind) -> Attribute {
        Attribute::new(name, name, kind)
    }

    /// The same attribute, left out of GEXF `<attvalues>`.
    pub(crate) const fn graphml_only(self) -> Attribute {
        Attribute {
            in_gexf: false,
            ..self
        }
    }
}

/// How GraphML `<data>` text is escaped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextEscape {
    /// `<`, `>` and `&` (the export's `graph.graphml`).
    Markup,
    /// Also `"` and `'` (the diff's union graph, as it has always been written).
    Quotes,
}

/// The attributes of one class, in document order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Table {
    /// `graph`, `node` or `edge`.
    pub(crate) class: &'static str,
    /// How GraphML text values are escaped.
    pub(crate) escape: TextEscape,
    /// The attributes.
    pub(crate) attributes: &'static [Attribute],
}

impl Table {
    /// The GraphML `<key>` declarations.
    fn declare_graphml<W: Write>(&self, x: &mut Writer<W>) -> io::Result<()> {
        for a in self.attributes {
            x.create_element("key")
                .with_attributes([
                    ("id", a.key),
                    ("for", self.class),
                    ("attr.name", a.name),
                    ("attr.type", a.kind.graphml()),
                ])
                .write_empty()?;
        }
        Ok(())
    }

    /// The GEXF `<attributes>` declaration.
    fn declare_gexf<W: Write>(&self, x: &mut Writer<W>) -> io::Result<()> {
        x.create_element("attributes")
            .with_attributes([("class", self.class), ("mode", "static")])
            .write_inner_content(|x| {
                for a in self.attributes.iter().filter(|a| a.in_gexf) {
                    x.create_element("attribute")
                        .with_attributes([
                            ("id", a.name),
                            ("title", a.name),
                            ("type", a.kind.gexf()),
                        ])
                        .write_empty()?;
                }
                Ok(())
            })?;
        Ok(())
    }

    /// One element's values as GraphML `<data>`, given by `values` in declaration order.
    pub(crate) fn graphml_values<W: Write>(
        &self,
        x: &mut Writer<W>,
        values: impl FnOnce(&mut Row<'_, W>) -> io::Result<()>,
    ) -> io::Result<()> {
        self.row(x, Flavor::GraphMl, values)
    }

    /// One element's values as a GEXF `<attvalues>`, given by `values` in declaration order
    /// (values of attributes GEXF leaves out are taken and dropped).
    pub(crate) fn gexf_values<W: Write>(
        &self,
        x: &mut Writer<W>,
        values: impl FnOnce(&mut Row<'_, W>) -> io::Result<()>,
    ) -> io::Result<()> {
        x.create_element("attvalues")
            .write_inner_content(|x| self.row(x, Flavor::Gexf, values))?;
        Ok(())
    }

    fn row<W: Write>(
        &self,
        x: &mut Writer<W>,
        flavor: Flavor,
        values: impl FnOnce(&mut Row<'_, W>) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut row = Row {
            x,
            table: self,
            flavor,
            next: 0,
        };
        values(&mut row)?;
        if row.next != self.attributes.len() {
            return Err(io::Error::other(format!(
                "{} values for the {} {} attributes",
                row.next,
                self.attributes.len(),
                self.class
            )));
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flavor {
    GraphMl,
    Gexf,
}

/// The values of one element, taken in the order of its [`Table`].
pub(crate) struct Row<'a, W: Write> {
    x: &'a mut Writer<W>,
    table: &'a Table,
    flavor: Flavor,
    next: usize,
}

impl<W: Write> Row<'_, W> {
    /// The value of the next attribute.
    pub(crate) fn put(&mut self, value: &str) -> io::Result<()> {
        self.put_some(Some(value))
    }

    /// The value of the next attribute, or nothing written for it (`None`).
    pub(crate) fn put_some(&mut self, value: Option<&str>) -> io::Result<()> {
        let Some(a) = self.table.attributes.get(self.next) else {
            return Err(io::Error::other(format!(
                "more values than the {} {} attributes",
                self.table.attributes.len(),
                self.table.class
            )));
        };
        self.next += 1;
        let Some(value) = value else { return Ok(()) };
        match self.flavor {
            Flavor::GraphMl => {
                let value = xml::text(value);
                let escaped = match self.table.escape {
                    TextEscape::Markup => partial_escape(value),
                    TextEscape::Quotes => escape(value),
                };
                self.x
                    .create_element("data")
                    .with_attribute(("key", a.key))
                    .write_text_content(BytesText::from_escaped(escaped))?;
            }
            Flavor::Gexf if a.in_gexf => {
                self.x
                    .create_element("attvalue")
                    .with_attributes([("for", a.name), ("value", &xml::attr(value))])
                    .write_empty()?;
            }
            Flavor::Gexf => {}
        }
        Ok(())
    }
}

/// Writes a GraphML document: the declaration, `<graphml>`, the keys of `tables` (graph,
/// node, edge), and a directed `<graph id=graph_id>` holding what `body` writes (the graph's
/// data, then the nodes and edges).
pub(crate) fn graphml<W: Write>(
    w: W,
    graph_id: &str,
    tables: [&Table; 3],
    body: impl FnOnce(&mut Writer<BufWriter<W>>) -> io::Result<()>,
) -> io::Result<()> {
    document(w, |x| {
        x.create_element("graphml")
            .with_attributes([
                ("xmlns", GRAPHML_NS),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                ("xsi:schemaLocation", GRAPHML_SCHEMA_LOCATION),
            ])
            .write_inner_content(|x| {
                for table in tables {
                    table.declare_graphml(x)?;
                }
                x.create_element("graph")
                    .with_attributes([("id", graph_id), ("edgedefault", "directed")])
                    .write_inner_content(body)?;
                Ok(())
            })?;
        Ok(())
    })
}

/// The head of a GEXF document.
pub(crate) struct GexfHead<'a> {
    /// `<meta><creator>`.
    pub(crate) creator: &'a str,
    /// `<meta><description>`.
    pub(crate) description: &'a str,
    /// The attributes of `<graph>`.
    pub(crate) graph: &'a [(&'a str, &'a str)],
    /// The node and edge attributes.
    pub(crate) tables: [&'a Table; 2],
}

/// Writes a GEXF 1.3 document: the declaration, `<gexf>`, `<meta>`, and a `<graph>` holding
/// the attribute declarations and what `body` writes (the nodes and edges).
pub(crate) fn gexf<W: Write>(
    w: W,
    head: &GexfHead<'_>,
    body: impl FnOnce(&mut Writer<BufWriter<W>>) -> io::Result<()>,
) -> io::Result<()> {
    document(w, |x| {
        x.create_element("gexf")
            .with_attributes([
                ("xmlns", "http://gexf.net/1.3"),
                ("xmlns:viz", "http://gexf.net/1.3/viz"),
                ("version", "1.3"),
            ])
            .write_inner_content(|x| {
                x.create_element("meta").write_inner_content(|x| {
                    x.create_element("creator")
                        .write_text_content(BytesText::new(&xml::text(head.creator)))?;
                    x.create_element("description")
                        .write_text_content(BytesText::new(&xml::text(head.description)))?;
                    Ok(())
                })?;
                x.create_element("graph")
                    .with_attributes(head.graph.iter().copied())
                    .write_inner_content(|x| {
                        for table in head.tables {
                            table.declare_gexf(x)?;
                        }
                        body(x)
                    })?;
                Ok(())
            })?;
        Ok(())
    })
}

/// The XML declaration, `root`, a final line break; buffered by a buffer of our own, so
/// quick-xml's many small writes are inlined into it rather than each a call on `w`.
fn document<W: Write>(
    w: W,
    root: impl FnOnce(&mut Writer<BufWriter<W>>) -> io::Result<()>,
) -> io::Result<()> {
    let mut x = Writer::new_with_indent(BufWriter::with_capacity(1 << 16, w), b' ', 2);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    root(&mut x)?;
    let mut buffered = x.into_inner();
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// A GEXF `<nodes>` or `<edges>` list, with a `count` if given.
pub(crate) fn list<W: Write>(
    x: &mut Writer<W>,
    name: &str,
    count: Option<usize>,
    items: impl FnOnce(&mut Writer<W>) -> io::Result<()>,
) -> io::Result<()> {
    let count = count.map(|n| n.to_string());
    let mut element = x.create_element(name);
    if let Some(count) = &count {
        element = element.with_attribute(("count", count.as_str()));
    }
    element.write_inner_content(items)?;
    Ok(())
}

/// A `<node>` with id `id` (through [`xml::id`]) and the XML attributes `attributes` (values
/// through [`xml::attr`]).
pub(crate) fn node<W: Write>(
    x: &mut Writer<W>,
    id: &str,
    attributes: &[(&str, &str)],
    inner: impl FnOnce(&mut Writer<W>) -> io::Result<()>,
) -> io::Result<()> {
    element(x, "node", &[("id", id)], attributes, inner)
}

/// An `<edge>` from `source` to `target`, ids through [`xml::id`], other XML attributes
/// through [`xml::attr`].
pub(crate) fn edge<W: Write>(
    x: &mut Writer<W>,
    [id, source, target]: [&str; 3],
    attributes: &[(&str, &str)],
    inner: impl FnOnce(&mut Writer<W>) -> io::Result<()>,
) -> io::Result<()> {
    element(
        x,
        "edge",
        &[("id", id), ("source", source), ("target", target)],
        attributes,
        inner,
    )
}

fn element<W: Write>(
    x: &mut Writer<W>,
    name: &str,
    ids: &[(&str, &str)],
    attributes: &[(&str, &str)],
    inner: impl FnOnce(&mut Writer<W>) -> io::Result<()>,
) -> io::Result<()> {
    let ids: Vec<(&str, String)> = ids.iter().map(|&(k, v)| (k, xml::id(v))).collect();
    let attributes: Vec<(&str, Cow<'_, str>)> =
        attributes.iter().map(|&(k, v)| (k, xml::attr(v))).collect();
    x.create_element(name)
        .with_attributes(ids.iter().map(|(k, v)| (*k, v.as_str())))
        .with_attributes(attributes.iter().map(|(k, v)| (*k, v.as_ref())))
        .write_inner_content(inner)?;
    Ok(())
}

/// A GEXF `<viz:color>`.
pub(crate) fn viz_color<W: Write>(x: &mut Writer<W>, (r, g, b): (u8, u8, u8)) -> io::Result<()> {
    x.create_element("viz:color")
        .with_attributes([
            ("r", r.to_string().as_str()),
            ("g", g.to_string().as_str()),
            ("b", b.to_string().as_str()),
        ])
        .write_empty()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NODES: Table = Table {
        class: "node",
        escape: TextEscape::Markup,
        attributes: &[
            Attribute::new("n_label", "label", Kind::String).graphml_only(),
            Attribute::new("n_aliases", "aliases", Kind::List),
        ],
    };

    fn written(body: impl FnOnce(&mut Writer<&mut Vec<u8>>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        body(&mut Writer::new(&mut out)).expect("written");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn one_table_declares_and_writes_both_formats() {
        let keys = written(|x| NODES.declare_graphml(x));
        assert!(keys.contains(
            r#"<key id="n_aliases" for="node" attr.name="aliases" attr.type="string"/>"#
        ));
        let attributes = written(|x| NODES.declare_gexf(x));
        assert!(!attributes.contains("label"), "{attributes}");
        assert!(attributes.contains(r#"type="liststring""#));
        let values = |x: &mut Writer<&mut Vec<u8>>| {
            node(x, "org.a b", &[("label", "A\tB")], |x| {
                NODES.gexf_values(x, |row| {
                    row.put("A\u{1}")?;
                    row.put("[\"a\"]")
                })
            })
        };
        assert_eq!(
            written(values),
            r#"<node id="org.a_b" label="A B"><attvalues><attvalue for="aliases" value="[&quot;a&quot;]"/></attvalues></node>"#
        );
    }

    #[test]
    fn values_must_match_the_table() {
        let mut out = Vec::new();
        let x = &mut Writer::new(&mut out);
        assert!(NODES.graphml_values(x, |row| row.put("one")).is_err());
        let too_many = NODES.graphml_values(x, |row| (0..3).try_for_each(|_| row.put("v")));
        assert!(too_many.is_err());
    }
}
