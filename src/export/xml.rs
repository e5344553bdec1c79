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
}
