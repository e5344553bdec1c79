//! Small helpers shared by the XML writers.

use std::borrow::Cow;

/// Text safe for XML 1.0: characters XML forbids (C0 controls other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF) are dropped. Escaping `<`, `&`, quotes is quick-xml's job.
pub(crate) fn text(s: &str) -> Cow<'_, str> {
    if s.chars().all(allowed) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| allowed(c)).collect())
    }
}

/// Like [`text`], for attribute values: also turns tabs and line breaks into spaces, which
/// XML parsers would do anyway (attribute-value normalisation), so what we write is what
/// they read.
pub(crate) fn attr(s: &str) -> Cow<'_, str> {
    if s.chars()
        .all(|c| allowed(c) && !matches!(c, '\t' | '\n' | '\r'))
    {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .filter(|&c| allowed(c))
                .map(|c| {
                    if matches!(c, '\t' | '\n' | '\r') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect(),
        )
    }
}

/// An id made safe for XML `NMTOKEN`s: ASCII letters, digits, `.`, `-`, `_` and letters
/// from U+00C0 up are kept; anything else becomes `_`. Our ids (`type.slug`,
/// `actor--action--target`) come through unchanged.
pub(crate) fn id(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric()
                || matches!(c, '.' | '-' | '_')
                || (c >= '\u{C0}' && c.is_alphabetic())
            {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_what_xml_forbids() {
        assert_eq!(text("a\u{1}b\nc"), "ab\nc");
        assert_eq!(attr("a\u{1}b\nc"), "ab c");
        assert!(matches!(text("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn xml_ids_keep_ours() {
        assert_eq!(
            id("org.nato--cooperate-with--place.åland"),
            "org.nato--cooperate-with--place.åland"
        );
        assert_eq!(id("thing.a b²"), "thing.a_b_");
    }
}
