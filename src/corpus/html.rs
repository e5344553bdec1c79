//! HTML articles (`.html`, `.htm`) reduced to their text: tags removed, the content of
//! `script`, `style`, `noscript`, `template`, `svg`, `math`, `iframe`, `object` and `canvas`
//! dropped, comments and declarations dropped, character references decoded (every named
//! one of HTML5, through `html-escape`, and numeric ones), whitespace collapsed, and a
//! paragraph break at every block element (`p`, `div`, `br`, `li`, headings, table cells…)
//! so that a headline never runs into the first sentence. The `title` element becomes the
//! article's title, not part of its text.
//!
//! A small reader of our own rather than an HTML5 parser (`html5ever` and its tree, or
//! `scraper` on top of it, bring a dozen crates): extracting text needs no tree, only the
//! tokenizer's view of tags, quoted attribute values, comments and raw-text elements, and
//! unclosed or misnested tags cost nothing when no tree is built. Spans of statements index
//! into the extracted text (the article's `text`), not into the HTML file.

/// The text of an HTML document, and its title.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct HtmlText {
    pub(super) text: String,
    pub(super) title: Option<String>,
}

/// Elements whose content is never text to read.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
];

/// Elements that start or end a block: a paragraph break in the text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Reduces `html` to its text and title.
pub(super) fn to_text(html: &str) -> HtmlText {
    let mut out = Text::default();
    let mut title: Option<String> = None;
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let Some(lt) = html[i..].find('<').map(|p| i + p) else {
            out.push(&html[i..]);
            break;
        };
        out.push(&html[i..lt]);
        let rest = &html[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            i = after.find("-->").map_or(bytes.len(), |p| lt + 4 + p + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(bytes.len(), |p| lt + p + 1);
            continue;
        }
        let Some(tag) = Tag::read(rest) else {
            // a `<` that starts no tag is text (`a < b`)
            out.push("<");
            i = lt + 1;
            continue;
        };
        i = lt + tag.len;
        if !tag.closing && (DROPPED.contains(&tag.name.as_str()) || tag.name == "title") {
            // raw text up to the matching end tag, whatever it holds
            let end = find_end_tag(html, i, &tag.name);
            if tag.name == "title" && title.is_none() {
                let mut t = Text::default();
                t.push(&html[i..end.0]);
                title = Some(t.finish()).filter(|t| !t.is_empty());
            }
            i = end.1;
            continue;
        }
        if BLOCKS.contains(&tag.name.as_str()) {
            out.paragraph();
        }
    }
    HtmlText {
        text: out.finish(),
        title,
    }
}

/// One start or end tag.
struct Tag {
    /// Lower case.
    name: String,
    closing: bool,
    /// Bytes from `<` to `>` included.
    len: usize,
}

impl Tag {
    /// The tag at the start of `s` (which starts with `<`), if one starts there: `<` then
    /// an ASCII letter, or `</` then one. Attribute values in quotes may hold `>`.
    fn read(s: &str) -> Option<Tag> {
        let b = s.as_bytes();
        let closing = b.get(1) == Some(&b'/');
        let start = if closing { 2 } else { 1 };
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name_len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        let name = s[start..start + name_len].to_ascii_lowercase();
        let mut quote = None;
        let mut j = start + name_len;
        while j < b.len() {
            match (quote, b[j]) {
                (None, b'>') => break,
                (None, q @ (b'"' | b'\'')) => quote = Some(q),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            j += 1;
        }
        Some(Tag {
            name,
            closing,
            len: (j + 1).min(b.len()),
        })
    }
}

/// Where the text of a raw-text element that starts at `from` ends, and where reading goes
/// on after its end tag (`</name …>`, any case); the end of `html` when it is not closed.
fn find_end_tag(html: &str, from: usize, name: &str) -> (usize, usize) {
    let b = html.as_bytes();
    let mut at = from;
    while let Some(p) = html[at..].find("</") {
        let start = at + p;
        let name_end = start + 2 + name.len();
        let same = b
            .get(start + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let ends = b
            .get(name_end)
            .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/');
        if same && ends {
            let close = html[name_end..]
                .find('>')
                .map_or(b.len(), |q| name_end + q + 1);
            return (start, close);
        }
        at = start + 2;
    }
    (b.len(), b.len())
}

/// The text being built: whitespace collapsed, paragraph breaks between blocks.
#[derive(Default)]
struct Text {
    out: String,
    /// A paragraph break is due before the next text.
    pending_break: bool,
}

impl Text {
    /// Appends the text between two tags, its references decoded and its whitespace collapsed.
    fn push(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = html_escape::decode_html_entities(raw);
        let spaced = |c: char| c.is_ascii_whitespace();
        for (k, word) in decoded.split_ascii_whitespace().enumerate() {
            if self.pending_break && !self.out.is_empty() {
                let end = self.out.trim_end_matches(' ').len();
                self.out.truncate(end);
                self.out.push_str("\n\n");
            } else if (k > 0 || decoded.starts_with(spaced)) && self.open() {
                self.out.push(' ');
            }
            self.pending_break = false;
            self.out.push_str(word);
        }
        // a space before the next text when this one ended with one (`a <b>b</b>`)
        if decoded.ends_with(spaced) && self.open() && !self.pending_break {
            self.out.push(' ');
        }
    }

    /// Whether the text so far ends in a word (a space may follow).
    fn open(&self) -> bool {
        !self.out.is_empty() && !self.out.ends_with([' ', '\n'])
    }

    fn paragraph(&mut self) {
        self.pending_break = true;
    }

    fn finish(mut self) -> String {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        to_text(html).text
    }

    #[test]
    fn tags_go_and_blocks_break_paragraphs() {
        assert_eq!(
            text("<h1>Talks fail</h1><p>The union <b>rejected</b> the offer.</p>"),
            "Talks fail\n\nThe union rejected the offer."
        );
        assert_eq!(text("a<br>b<br/>c"), "a\n\nb\n\nc");
        assert_eq!(
            text("<p>one\n   two</p>\n\n<p> three </p>"),
            "one two\n\nthree"
        );
    }

    #[test]
    fn script_style_and_comments_are_dropped() {
        let html = "<html><head><title>Budget &amp; tax</title><style>p{color:red}</style>\
                    <script>var s = '</p>'; if (a<b) {}</script></head>\
                    <body><!-- ad --><p>The council approved it.</p>\
                    <SCRIPT type=\"x\">alert(1)</SCRIPT ></body></html>";
        let t = to_text(html);
        assert_eq!(t.text, "The council approved it.");
        assert_eq!(t.title.as_deref(), Some("Budget & tax"));
    }

    #[test]
    fn references_are_decoded_and_quoted_attributes_hold_brackets() {
        assert_eq!(
            text("<p title=\"a > b\">caf&eacute; &ldquo;open&rdquo; &#8212; &#x41;&nbsp;B</p>"),
            "caf\u{e9} \u{201c}open\u{201d} \u{2014} A\u{a0}B"
        );
        assert_eq!(text("&lt;script&gt; is text"), "<script> is text");
        assert_eq!(text("a < b and c"), "a < b and c");
    }

    #[test]
    fn unclosed_markup_ends_the_text_without_panicking() {
        assert_eq!(text("<p>end <script>never closed"), "end");
        assert_eq!(text("<p>end <!-- never closed"), "end");
        assert_eq!(text("<p class=\"x>never"), "");
        assert_eq!(text("<"), "<");
    }
}
