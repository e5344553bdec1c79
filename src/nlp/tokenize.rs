//! Word tokenization following the UD English-EWT conventions, with byte offsets.
//!
//! A *token* here is a syntactic word as UD English-EWT writes it:
//! - clitics are split: `can't` → `ca` `n't`, `she's` → `she` `'s`, `won't` → `wo` `n't`
//!   (straight and curly apostrophes alike); `cannot`, `gonna`, `wanna`, `gotta` are split
//!   the same way (`can` `not`, `gon` `na`);
//! - punctuation is split off, except runs of the same mark (`...`, `--`, `!!`), which stay one token;
//! - hyphenated words are split at the hyphen (`long` `-` `term`, `20` `-` `year` `-` `old`)
//!   unless the first part is a prefix EWT keeps (`co-operate`, `non-profit`, `e-mail`);
//! - numbers stay whole (`2,000`, `3.5`, `5:00`, `16/11/2004`), `%`, `$` and `£` are separate;
//! - abbreviations keep their period (`U.S.`, `Inc.`, `Mr.`, `No. 5`, initials like `F.`);
//! - URLs and e-mail addresses are one token.
//!
//! Every token is a [`Span`] slicing the original bytes: nothing is normalised, so a
//! token's text is always `&text[span.range()]`. The scanner is linear in the input.
//!
//! Token F1 against the treebanks' syntactic words (`tests/nlp_segment.rs`): UD
//! English-PUD 0.9996, EWT test 0.992 (most misses are EWT's typo repairs, `its` → `it` `s`).

use crate::model::Span;

/// What kind of abbreviation a word followed by a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title before a name (`Mr.`, `Gen.`, `St.`): a sentence never ends after it.
    Title,
    /// A month (`Jan.`, `Sept.`): no sentence end when a number follows.
    Month,
    /// `No.` before a number.
    Number,
    /// Inside a sentence only (`e.g.`, `vs.`, `cf.`).
    Inner,
    /// Any other abbreviation (`Inc.`, `etc.`, `a.m.`, `U.S.`): may end a sentence.
    Other,
    /// A single capital letter, an initial (`John F. Kennedy`).
    Initial,
}

/// Abbreviations written with a capital first letter (matched as written or with a
/// lower-case first letter for the ones in [`LOWER_ABBREVS`]).
const TITLE_ABBREVS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Gen", "Gov", "Sen", "Rep", "Reps",
    "St", "Ste", "Sgt", "Capt", "Col", "Lt", "Cmdr", "Cdr", "Adm", "Maj", "Brig", "Cpl", "Pvt",
    "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Fr", "Mt", "Ft", "Mme", "Mlle", "Atty", "Amb",
    "Sens", "Gens", "Govs", "Lieut", "Gov't",
];
const MONTH_ABBREVS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];
const OTHER_ABBREVS: &[&str] = &[
    "Inc", "Corp", "Ltd", "Co", "Cos", "Bros", "Plc", "Jr", "Sr", "Ave", "Blvd", "Rd", "Dept",
    "Univ", "Assn", "Natl", "Intl", "Fig", "Figs", "Vol", "Ph", "Esq", "Calif", "Conn", "Fla",
    "Ill", "Mass", "Mich", "Minn", "Penn", "Tenn", "Tex", "Va", "Wash", "Wis", "Ariz", "Colo",
    "Ga", "Ky", "La", "Md", "Mo", "Nev", "Okla", "Ore", "Pa", "Wyo", "Ala", "Ark", "Del", "Ind",
    "Kan", "Neb", "Vt", "Est", "Approx", "Ont",
];
/// Lower-case abbreviations.
const LOWER_ABBREVS: &[&str] = &[
    "etc", "al", "approx", "est", "dept", "govt", "ca", "cf", "vs", "viz", "pp", "vol", "fig",
    "no", "nos", "jr", "sr", "inc", "corp", "ltd", "co", "mr", "mrs", "ms", "dr", "st", "gen",
];
/// Lower-case abbreviations that never end a sentence.
const INNER_ABBREVS: &[&str] = &["vs", "cf", "viz", "v", "pp", "approx", "ca"];

/// Hyphenated first parts that EWT keeps inside one token (`co-operate`, `e-mail`).
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "mid", "pre", "anti", "re", "post", "co", "over", "pro", "multi", "ex", "sub",
    "semi", "cross", "neo", "psycho", "socio", "un", "inter", "extra", "counter", "arch", "wi",
    "micro", "macro", "mega", "ultra", "pseudo", "quasi", "bi", "tri", "intra", "trans", "infra",
    "hyper", "mini", "out", "under", "x", "de", "geo", "euro", "afro", "sino",
];

/// Classifies `word` (without its period) as an abbreviation when a period follows it.
pub(crate) fn abbrev_class(word: &str) -> Option<Abbrev> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let mut chars = word.chars();
    let first = chars.next().expect("non-empty word");
    if chars.next().is_none() {
        return if first.is_uppercase() {
            Some(Abbrev::Initial)
        } else if first == 'v' {
            Some(Abbrev::Inner)
        } else {
            None
        };
    }
    if is_dotted_acronym(word) {
        let lower = word.to_ascii_lowercase();
        return Some(if lower == "e.g" || lower == "i.e" {
            Abbrev::Inner
        } else {
            Abbrev::Other
        });
    }
    if first.is_uppercase() {
        if TITLE_ABBREVS.contains(&word) {
            return Some(Abbrev::Title);
        }
        if MONTH_ABBREVS.contains(&word) {
            return Some(Abbrev::Month);
        }
        if word == "No" || word == "Nos" {
            return Some(Abbrev::Number);
        }
        if OTHER_ABBREVS.contains(&word) {
            return Some(Abbrev::Other);
        }
        // All-caps spelling of a title or company abbreviation (MR., INC.).
        if word.len() <= 4 && word.chars().all(|c| c.is_ascii_uppercase()) {
            let mut buf = [0u8; 8];
            let n = word.len();
            buf[..n].copy_from_slice(word.as_bytes());
            buf[1..n].make_ascii_lowercase();
            let cap = std::str::from_utf8(&buf[..n]).expect("ascii");
            if TITLE_ABBREVS.contains(&cap) {
                return Some(Abbrev::Title);
            }
            if cap == "Inc" || cap == "Corp" || cap == "Ltd" || cap == "Co" {
                return Some(Abbrev::Other);
            }
        }
        return None;
    }
    if LOWER_ABBREVS.contains(&word) {
        if INNER_ABBREVS.contains(&word) {
            return Some(Abbrev::Inner);
        }
        if word == "no" || word == "nos" {
            return Some(Abbrev::Number);
        }
        return Some(Abbrev::Other);
    }
    None
}

/// `U.S`, `e.g`, `a.m`, `Ph.D`: letter runs of at most three joined by single periods.
fn is_dotted_acronym(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        if part.is_empty() || part.chars().count() > 3 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// True for characters that make up words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && is_mark(c))
}

/// Combining marks (accents written as separate code points) stay inside words.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// Characters that may join two word runs into one candidate word.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '/' | '&' | '@' | '_') || is_apostrophe(c) || is_hyphen(c)
}

/// Marks that form one token when repeated (`...`, `--`, `!!!`, `?!`).
fn is_run_mark(c: char) -> bool {
    matches!(
        c,
        '.' | '-'
            | '!'
            | '?'
            | '*'
            | '='
            | '_'
            | '~'
            | '#'
            | '+'
            | '<'
            | '>'
            | '/'
            | '\u{2014}'
            | '\u{2013}'
    )
}

/// Tokenizes `text[start..end]`, appending token spans (absolute offsets) to `out`.
///
/// `start` and `end` must lie on char boundaries.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let region = &text[start..end];
    let mut chunk_start = None;
    for (i, c) in region.char_indices() {
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            if let Some(s) = chunk_start.take() {
                tokenize_chunk(text, start + s, start + i, out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        tokenize_chunk(text, start + s, end, out);
    }
}

/// Zero-width and format characters that separate nothing but must not start tokens.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Tokenizes all of `text`.
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

/// Tokenizes one whitespace-free chunk `text[s..e]`.
fn tokenize_chunk(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    let chunk = &text[s..e];
    if looks_like_url(chunk) {
        url_chunk(text, s, e, out);
        return;
    }
    let bytes = chunk.as_bytes();
    let mut i = 0;
    while i < chunk.len() {
        let c = chunk[i..].chars().next().expect("i on a char boundary");
        if is_word_char(c) {
            let j = scan_word(chunk, i);
            i = emit_word(text, s, chunk, i, j, out);
        } else if chunk[i..].starts_with("``") || chunk[i..].starts_with("''") {
            // PTB-style quotes, as in pre-tokenized text (CaRB).
            out.push(Span::new(s + i, s + i + 2));
            i += 2;
        } else if is_apostrophe(c) && i > 0 && clitic_follows(chunk, i) {
            // `'s` after a closing bracket or quote: `(John)'s`.
            let j = scan_word(chunk, i + c.len_utf8());
            out.push(Span::new(s + i, s + j));
            i = j;
        } else if is_apostrophe(c) && year_follows(chunk, i + c.len_utf8()) {
            // `'73`, `'90s`: an abbreviated year is one token.
            let j = scan_word(chunk, i + c.len_utf8());
            out.push(Span::new(s + i, s + j));
            i = j;
        } else if is_apostrophe(c) && i == 0 && clitic_follows(chunk, i) {
            let j = scan_word(chunk, i + c.len_utf8());
            out.push(Span::new(s + i, s + j));
            i = j;
        } else if is_run_mark(c) || c == '…' {
            let mut j = i + c.len_utf8();
            if c == '!' || c == '?' {
                while j < bytes.len() && (bytes[j] == b'!' || bytes[j] == b'?') {
                    j += 1;
                }
            } else {
                while chunk[j..].starts_with(c) {
                    j += c.len_utf8();
                }
                // `.?` and `.!` are one token in EWT.
                if c == '.' && j == i + 1 {
                    while j < bytes.len() && (bytes[j] == b'!' || bytes[j] == b'?') {
                        j += 1;
                    }
                }
            }
            out.push(Span::new(s + i, s + j));
            i = j;
        } else if c == ':'
            && emoticon_len(&chunk[i..]) > 0
            && (i == 0 || !is_word_char(prev_char(chunk, i)))
        {
            let j = i + emoticon_len(&chunk[i..]);
            out.push(Span::new(s + i, s + j));
            i = j;
        } else {
            let j = i + c.len_utf8();
            out.push(Span::new(s + i, s + j));
            i = j;
        }
    }
}

/// Two digits, optionally `s`, then the end of the word: `73`, `90s`.
fn year_follows(chunk: &str, at: usize) -> bool {
    let b = &chunk.as_bytes()[at..];
    if b.len() < 2 || !b[0].is_ascii_digit() || !b[1].is_ascii_digit() {
        return false;
    }
    let rest = if b.get(2) == Some(&b's') {
        &b[3..]
    } else {
        &b[2..]
    };
    rest.first().is_none_or(|x| !x.is_ascii_alphanumeric())
}

fn prev_char(s: &str, i: usize) -> char {
    s[..i].chars().next_back().unwrap_or(' ')
}

/// Length of a simple emoticon (`:)`, `:-(`, `:D`) at the start of `s`, 0 when none.
fn emoticon_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut j = 1;
    if b.get(j) == Some(&b'-') {
        j += 1;
    }
    match b.get(j) {
        Some(b')' | b'(' | b'D' | b'P' | b'p' | b'/') => {
            let end = j + 1;
            // `:D` followed by a letter is text, not a face.
            if b.get(end).is_some_and(|x| x.is_ascii_alphanumeric()) {
                0
            } else {
                end
            }
        }
        _ => 0,
    }
}

/// True when a clitic (`s`, `re`, `ll`, `ve`, `d`, `m`) follows the apostrophe at `i`
/// and ends the word.
fn clitic_follows(chunk: &str, i: usize) -> bool {
    let apos = chunk[i..].chars().next().expect("apostrophe");
    let rest = &chunk[i + apos.len_utf8()..];
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    is_clitic(&rest[..end])
}

fn is_clitic(s: &str) -> bool {
    matches!(
        s,
        "s" | "S" | "re" | "RE" | "Re" | "ll" | "LL" | "ve" | "VE" | "d" | "D" | "m" | "M"
    )
}

/// End of the candidate word starting at `i`: word characters, and joiners that sit
/// between two word characters.
fn scan_word(chunk: &str, i: usize) -> usize {
    let mut j = i;
    let mut iter = chunk[i..].char_indices().peekable();
    while let Some((k, c)) = iter.next() {
        if is_word_char(c) {
            j = i + k + c.len_utf8();
        } else if is_joiner(c) && j == i + k && j > i {
            match iter.peek() {
                Some(&(_, n)) if is_word_char(n) => {}
                _ => break,
            }
        } else {
            break;
        }
    }
    j
}

/// Emits the tokens of the candidate word `chunk[i..j]` and returns where scanning goes on
/// (after a period the word keeps as an abbreviation, else `j`).
fn emit_word(text: &str, s: usize, chunk: &str, i: usize, j: usize, out: &mut Vec<Span>) -> usize {
    let word = &chunk[i..j];
    // Whole-word contractions without an apostrophe.
    if let Some(cut) = fused_split(word) {
        out.push(Span::new(s + i, s + i + cut));
        out.push(Span::new(s + i + cut, s + j));
        return j;
    }
    let mut tok_start = i;
    let mut run_start = i; // start of the current run of word characters
    let mut k = i;
    while k < j {
        let c = chunk[k..].chars().next().expect("char boundary");
        let cl = c.len_utf8();
        if is_word_char(c) {
            k += cl;
            continue;
        }
        // `c` is a joiner between two word characters.
        let next_end = next_run_end(chunk, k + cl, j);
        let left = &chunk[run_start..k];
        let right = &chunk[k + cl..next_end];
        let keep = match c {
            '.' | '@' | '_' => true,
            ',' => ends_digit(left) && starts_digit(right) && right_is_thousands(right),
            ':' => ends_digit(left) && starts_digit(right),
            // 16/11/2004, b/c, L/C
            '/' => (is_digits(left) && is_digits(right)) || (is_letter(left) && is_letter(right)),
            // AT&T, S&P, R&D
            '&' => left.len() <= 3 && right.len() <= 3 && is_alpha(left) && is_alpha(right),
            _ if is_hyphen(c) => {
                keep_hyphen(&chunk[tok_start..k], left, right, &chunk[next_end..j])
            }
            _ => {
                // apostrophe
                if (right == "t" || right == "T")
                    && (left.ends_with('n') || left.ends_with('N'))
                    && next_end == j
                {
                    let n_pos = k - 1;
                    if n_pos > tok_start {
                        out.push(Span::new(s + tok_start, s + n_pos));
                    }
                    out.push(Span::new(s + n_pos, s + j));
                    return j;
                }
                // `1980's` stays whole, as in EWT.
                if is_clitic(right) && next_end == j && !is_digits(left) {
                    out.push(Span::new(s + tok_start, s + k));
                    out.push(Span::new(s + k, s + j));
                    return j;
                }
                true
            }
        };
        if !keep {
            push_piece(chunk, s, tok_start, k, out);
            out.push(Span::new(s + k, s + k + cl));
            tok_start = k + cl;
        }
        run_start = k + cl;
        k += cl;
    }
    // A period right after the word: keep it when the word is an abbreviation.
    let last = &chunk[tok_start..j];
    if chunk.as_bytes().get(j) == Some(&b'.')
        && chunk.as_bytes().get(j + 1) != Some(&b'.')
        && let Some(class) = abbrev_class(last)
    {
        let keep = match class {
            Abbrev::Number => next_is_digit(text, s + j + 1),
            Abbrev::Initial => !is_roman_or_ordinal_end(text, s + j + 1),
            _ => true,
        };
        if keep {
            out.push(Span::new(s + tok_start, s + j + 1));
            return j + 1;
        }
    }
    if tok_start < j {
        push_piece(chunk, s, tok_start, j, out);
    }
    j
}

/// Pushes the token `chunk[a..b]`, splitting a number from a glued unit as EWT does
/// (`9am` → `9` `am`, `3.5bn` → `3.5` `bn`; `1970s`, `20th`, `4G` stay whole).
fn push_piece(chunk: &str, s: usize, a: usize, b: usize, out: &mut Vec<Span>) {
    let piece = &chunk[a..b];
    let bytes = piece.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        let num_end = piece
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(piece.len());
        let unit = &piece[num_end..];
        if num_end < piece.len() && piece.as_bytes()[num_end - 1].is_ascii_digit() && is_unit(unit)
        {
            out.push(Span::new(s + a, s + a + num_end));
            out.push(Span::new(s + a + num_end, s + b));
            return;
        }
    }
    out.push(Span::new(s + a, s + b));
}

/// Units written glued to a number (`9am`, `3.5bn`, `10km`).
const UNITS: &[&str] = &[
    "m", "b", "k", "g", "p", "mn", "bn", "tn", "km", "kg", "mg", "cm", "mm", "ml", "lb", "lbs",
    "ft", "mph", "kph", "mins", "min", "hrs", "hr", "sec", "secs", "yrs", "pc", "kw", "mw", "gw",
    "kwh", "ghz", "mhz", "am", "pm", "AM", "PM", "Am", "Pm", "BN", "Bn", "GB", "MB", "KB", "TB",
    "KM", "KG", "MPH",
];

fn is_unit(unit: &str) -> bool {
    UNITS.contains(&unit)
}

/// Initials keep their period unless the word is glued to what follows (`A.B` handled
/// elsewhere); kept as a hook for future exceptions.
fn is_roman_or_ordinal_end(_text: &str, _at: usize) -> bool {
    false
}

/// True when the next non-space character at or after `at` is an ASCII digit.
fn next_is_digit(text: &str, at: usize) -> bool {
    text.as_bytes()[at.min(text.len())..]
        .iter()
        .take(8)
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| b.is_ascii_digit() || *b == b'#')
}

/// End of the run of word characters starting at `k`.
fn next_run_end(chunk: &str, k: usize, j: usize) -> usize {
    chunk[k..j]
        .find(|c: char| !is_word_char(c))
        .map_or(j, |x| k + x)
}

fn ends_digit(s: &str) -> bool {
    s.as_bytes().last().is_some_and(u8::is_ascii_digit)
}

fn starts_digit(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn right_is_thousands(right: &str) -> bool {
    right.len() >= 3 && right.as_bytes()[..3].iter().all(u8::is_ascii_digit)
}

fn is_alpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

/// Exactly one letter.
fn is_letter(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none()
}

/// `Jan` … `Dec` in any case.
fn is_month(s: &str) -> bool {
    s.len() == 3
        && MONTH_ABBREVS
            .iter()
            .any(|m| m.len() == 3 && m.eq_ignore_ascii_case(s))
}

/// EWT keeps a hyphen inside the token after a known prefix (`non-profit`) and inside
/// phone-like digit groups (`555-0100`); otherwise the hyphen is its own token.
fn keep_hyphen(token_so_far: &str, left: &str, right: &str, after: &str) -> bool {
    if token_so_far.len() == left.len() && left.len() <= 7 {
        let mut buf = [0u8; 8];
        if left.is_ascii() {
            let n = left.len();
            buf[..n].copy_from_slice(left.as_bytes());
            buf[..n].make_ascii_lowercase();
            let lower = std::str::from_utf8(&buf[..n]).expect("ascii");
            if HYPHEN_PREFIXES.contains(&lower) {
                return true;
            }
        }
    }
    // Dates: 01-Feb-02.
    if (is_digits(left) && is_month(right))
        || (is_month(left) && is_digits(right) && token_so_far.contains('-'))
    {
        return true;
    }
    // Phone numbers: 555-0100, 713-853-1234 (but year ranges like 1990-1995 split).
    is_digits(left)
        && is_digits(right)
        && ((left.len() == 3 && right.len() == 4)
            || (left.len() == 3 && right.len() == 3 && phone_tail(after))
            || token_so_far.contains('-'))
}

/// `-1234` after `713-853`: the rest of a phone number.
fn phone_tail(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 5 && b[0] == b'-' && b[1..5].iter().all(u8::is_ascii_digit)
}

/// `cannot` → `can` `not`, `gonna` → `gon` `na`, `dont` → `do` `nt`: the split point.
fn fused_split(word: &str) -> Option<usize> {
    if !(5..=8).contains(&word.len()) && word.len() != 4 {
        return None;
    }
    if !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    let n = word.len();
    buf[..n].copy_from_slice(word.as_bytes());
    buf.make_ascii_lowercase();
    match &buf[..n] {
        b"cannot" | b"gonna" | b"wanna" | b"gotta" => Some(3),
        b"dont" | b"cant" | b"wont" | b"isnt" | b"aint" | b"didnt" | b"doesnt" | b"wasnt"
        | b"arent" | b"werent" | b"hasnt" | b"havent" | b"hadnt" | b"couldnt" | b"wouldnt"
        | b"shouldnt" | b"mustnt" => Some(n - 2),
        _ => None,
    }
}

/// URLs (`https://…`, `www.…`) and e-mail addresses stay one token.
fn looks_like_url(chunk: &str) -> bool {
    if chunk.len() < 5 {
        return false;
    }
    let lower_starts = |p: &str| {
        chunk.len() >= p.len() && chunk.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    let trimmed = chunk.trim_start_matches(['(', '[', '<', '"', '\'', '\u{201C}']);
    let t_starts = |p: &str| {
        trimmed.len() >= p.len() && trimmed.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    if chunk.contains("://") || lower_starts("www.") || t_starts("www.") {
        return true;
    }
    if let Some(at) = chunk.find('@') {
        let (user, host) = (&chunk[..at], &chunk[at + 1..]);
        let user_ok = user
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric());
        let host_ok = host
            .find('.')
            .is_some_and(|d| d > 0 && host[d + 1..].starts_with(|c: char| c.is_ascii_alphabetic()));
        return user_ok && host_ok;
    }
    false
}

/// Emits a URL or e-mail chunk: leading and trailing punctuation split off, the rest whole.
fn url_chunk(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    let chunk = &text[s..e];
    let mut a = 0;
    for c in chunk.chars() {
        if matches!(c, '(' | '[' | '<' | '"' | '\'' | '\u{201C}' | '\u{2018}') {
            out.push(Span::new(s + a, s + a + c.len_utf8()));
            a += c.len_utf8();
        } else {
            break;
        }
    }
    let mut b = chunk.len();
    let mut tail = Vec::new();
    while b > a {
        let c = chunk[..b].chars().next_back().expect("non-empty");
        let strip = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '\u{201D}' | '\u{2019}' | '>' => true,
            ')' => !chunk[a..b].contains('('),
            ']' => !chunk[a..b].contains('['),
            _ => false,
        };
        if !strip {
            break;
        }
        b -= c.len_utf8();
        tail.push(Span::new(s + b, s + b + c.len_utf8()));
    }
    if a < b {
        out.push(Span::new(s + a, s + b));
    }
    out.extend(tail.into_iter().rev());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        let toks: Vec<&str> = tokenize(input)
            .into_iter()
            .map(|t| &input[t.range()])
            .collect();
        assert_eq!(toks, expect, "tokens of {input:?}");
    }

    #[test]
    fn clitics_and_punctuation() {
        check(
            "I can't go, she's here.",
            &["I", "ca", "n't", "go", ",", "she", "'s", "here", "."],
        );
        check("They won’t", &["They", "wo", "n’t"]);
        check("We cannot", &["We", "can", "not"]);
    }

    #[test]
    fn abbreviations_numbers_hyphens() {
        check("the U.S. and Mr. Li", &["the", "U.S.", "and", "Mr.", "Li"]);
        check(
            "No. 5 costs $2,000 or 3.5%",
            &["No.", "5", "costs", "$", "2,000", "or", "3.5", "%"],
        );
        check(
            "a long-term co-operation",
            &["a", "long", "-", "term", "co-operation"],
        );
    }

    #[test]
    fn urls_whole() {
        check(
            "(see https://example.org/a-b.)",
            &["(", "see", "https://example.org/a-b", ".", ")"],
        );
        check("mail jo@example.com.", &["mail", "jo@example.com", "."]);
    }
}
