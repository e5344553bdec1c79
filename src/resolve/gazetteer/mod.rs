//! The gazetteer: known countries, organisations, government metonyms, news media and a
//! few heads of state, each with its type and (when we are sure of it) its Wikidata QID.
//!
//! - Countries come from the `keshvar` crate (ISO names, the first English common name and
//!   the nationality adjective, i.e. the demonym), completed by [`COUNTRY_ROWS`]: our own
//!   label, aliases (`U.S.`, `America`, `Britain`, `UK`), extra demonyms and the QID.
//! - Everything else is the hand-written [`ROWS`] table.
//! - Government metonyms (`Kremlin`, `Downing Street`, `White House`) are organisations with
//!   a [`Entry::part_of`] link to their country; they are never merged into the country.
//!   Capital cities used as actors (`Brussels has upped…`) are handled by
//!   [`Entry::metonym_of`]: see the module doc of [`crate::resolve`].
//!
//! QIDs: only the ones we are sure of are listed; an entry without one is still typed.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::model::EntityType;
use crate::slug::fold_accent;

mod rows;

pub use rows::{COUNTRY_ROWS, ROWS, Row};
use rows::{CountryRow, DATED_ALIASES, SHORT_FORMS};

/// One known entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Canonical label (`United States`, `European Commission`).
    pub label: String,
    /// Coarse type.
    pub kind: EntityType,
    /// True for sovereign countries.
    pub country: bool,
    /// Wikidata QID, when known for sure.
    pub qid: Option<&'static str>,
    /// True for news media (what `the newspaper` can refer to).
    pub media: bool,
    /// For a metonym (`Kremlin`), the label of the entry it stands for (`Russia`).
    pub part_of: Option<&'static str>,
    /// For a capital city, the label of what it stands for when it acts (`Brussels` →
    /// `European Union`).
    pub metonym_of: Option<&'static str>,
}

/// The gazetteer, built once.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_name: FxHashMap<String, usize>,
    by_demonym: FxHashMap<String, usize>,
    short_forms: FxHashMap<&'static str, usize>,
    /// The aliases whose referent changed ([`DatedAlias`]).
    dated: Vec<DatedAlias>,
}

/// An alias whose referent changed (`EC`: the European Community, later the Commission).
#[derive(Debug)]
struct DatedAlias {
    /// The alias, normalised.
    alias: String,
    /// The first year it no longer names `then`.
    until: i32,
    /// The older entry.
    then: EntryId,
    /// Names (normalised; each a name of some entry) that, written in an article, settle
    /// the older reading.
    cues: Vec<String>,
}

/// How an article reads the aliases whose referent changed: made by
/// [`Gazetteer::reading`], used by [`Gazetteer::as_of`].
#[derive(Clone, Debug, Default)]
pub struct AliasReading {
    /// For each dated alias, whether the article reads it as the older entry.
    older: Vec<bool>,
}

/// Index of an [`Entry`] in the gazetteer.
pub type EntryId = usize;

/// Normalises a name for lookups: accents folded, lower case, dots and apostrophes
/// dropped, a leading `the` dropped, spaces collapsed (`The U.S.` → `us`).
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        // ASCII (the common case) needs no accent folding nor Unicode case mapping.
        let c = if c.is_ascii() { c } else { fold_accent(c) };
        if c == '.' || c == '\'' || c == '’' {
            continue;
        }
        if c.is_alphanumeric() || c == '&' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => out,
    }
}

impl Gazetteer {
    /// The shared gazetteer.
    pub fn get() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut g = Gazetteer {
            entries: Vec::new(),
            by_name: FxHashMap::default(),
            by_demonym: FxHashMap::default(),
            short_forms: FxHashMap::default(),
            dated: Vec::new(),
        };
        let rows: HashMap<&str, &CountryRow> = COUNTRY_ROWS.iter().map(|r| (r.0, r)).collect();
        let mut alpha2: Vec<keshvar::Alpha2> = keshvar::SUPPORTED_ALPHA2_LIST.to_vec();
        alpha2.sort_by_key(|a| a.to_string());
        for code in alpha2 {
            let country = code.to_country();
            let code_str = code.to_string();
            let row = rows.get(code_str.as_str());
            let first_common = country
                .unofficial_name_list()
                .first()
                .copied()
                .filter(|n| n.is_ascii() && !n.contains(['(', ',']));
            let label = match row {
                Some(r) if !r.1.is_empty() => r.1.to_owned(),
                _ => first_common.unwrap_or(country.iso_short_name()).to_owned(),
            };
            let id = g.push(Entry {
                label: label.clone(),
                kind: EntityType::Place,
                country: true,
                qid: row.and_then(|r| (!r.3.is_empty()).then_some(r.3)),
                media: false,
                part_of: None,
                metonym_of: None,
            });
            let mut names = vec![label, country.iso_short_name().to_owned()];
            names.extend(first_common.map(str::to_owned));
            if let Some(r) = row {
                names.extend(r.2.iter().map(|s| (*s).to_owned()));
            }
            for n in names {
                if !n.contains(['(', ',']) {
                    g.name(&n, id);
                }
            }
            let mut demonyms: Vec<String> = Vec::new();
            if let Some(d) = country.maybe_nationality() {
                demonyms.push(d.to_owned());
            }
            if let Some(r) = row {
                demonyms.extend(r.4.iter().map(|s| (*s).to_owned()));
            }
            for d in demonyms {
                g.by_demonym.entry(normalize(&d)).or_insert(id);
            }
        }
        for row in ROWS {
            let id = g.push(Entry {
                label: row.label.to_owned(),
                kind: row.kind,
                country: false,
                qid: (!row.qid.is_empty()).then_some(row.qid),
                media: row.media,
                part_of: row.part_of,
                metonym_of: row.metonym_of,
            });
            g.name(row.label, id);
            for a in row.aliases {
                g.name(a, id);
            }
            for d in row.demonyms {
                g.by_demonym.entry(normalize(d)).or_insert(id);
            }
        }
        for &(alias, until, label, cues) in DATED_ALIASES {
            if let Some(&then) = g.by_name.get(&normalize(label)) {
                debug_assert!(
                    cues.iter().all(|c| g.by_name.contains_key(&normalize(c))),
                    "a dated alias's cues are gazetteer names"
                );
                g.dated.push(DatedAlias {
                    alias: normalize(alias),
                    until,
                    then,
                    cues: cues.iter().map(|c| normalize(c)).collect(),
                });
            }
        }
        for (short, label) in SHORT_FORMS {
            if let Some(&id) = g.by_name.get(&normalize(label)) {
                g.short_forms.insert(short, id);
            }
        }
        g
    }

    fn push(&mut self, entry: Entry) -> EntryId {
        self.entries.push(entry);
        self.entries.len() - 1
    }

    fn name(&mut self, name: &str, id: EntryId) {
        let key = normalize(name);
        if !key.is_empty() {
            // First writer wins: the hand-written rows come after keshvar's, and country
            // names must not be taken over by an organisation alias.
            self.by_name.entry(key).or_insert(id);
        }
    }

    /// The entry with this id.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id]
    }

    /// Looks up a name as written. Names with no capital letter are never looked up, so
    /// the pronoun `us` is not the United States.
    pub fn lookup(&self, name: &str) -> Option<EntryId> {
        if !name.chars().any(char::is_uppercase) {
            return None;
        }
        self.by_name.get(&normalize(name)).copied()
    }

    /// Looks up a demonym (`Russian`, `French`), capitalised as written.
    pub fn demonym(&self, word: &str) -> Option<EntryId> {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        self.by_demonym.get(&normalize(word)).copied()
    }

    /// How an article of `year` (if known) that writes `names` (with their entries) reads
    /// the aliases whose referent changed: as the older entry when the article is older
    /// than the change, names the older entry, or writes a cue (`EC Commission`).
    pub fn reading<'a>(
        &self,
        year: Option<i32>,
        names: impl IntoIterator<Item = (&'a str, Option<EntryId>)>,
    ) -> AliasReading {
        let mut older: Vec<bool> = self
            .dated
            .iter()
            .map(|d| year.is_some_and(|y| y < d.until))
            .collect();
        if older.iter().all(|&o| o) {
            return AliasReading { older };
        }
        // Cues are names the gazetteer knows, so only names with an entry are read.
        for (name, entry) in names {
            let Some(entry) = entry else {
                continue;
            };
            let key = normalize(name);
            for (d, o) in self.dated.iter().zip(older.iter_mut()) {
                *o = *o || entry == d.then || d.cues.contains(&key);
            }
        }
        AliasReading { older }
    }

    /// The entry that `name` (found as entry `id`) stands for in an article read as
    /// `reading`: a dated alias read the older way gives the older entry (`EC` in 1987 is
    /// the European Community); anything else keeps `id`.
    pub fn as_of(&self, id: EntryId, name: &str, reading: &AliasReading) -> EntryId {
        if !reading.older.contains(&true) {
            return id;
        }
        let key = normalize(name);
        self.dated
            .iter()
            .zip(&reading.older)
            .find(|(d, older)| **older && d.alias == key)
            .map_or(id, |(d, _)| d.then)
    }

    /// What a definite short form (`the Commission`, `the Union`) stands for when the
    /// document names nothing closer.
    pub fn short_form(&self, head: &str) -> Option<EntryId> {
        self.short_forms.get(head.to_lowercase().as_str()).copied()
    }

    /// Finds an entry by its canonical label.
    pub fn by_label(&self, label: &str) -> Option<EntryId> {
        self.entries.iter().position(|e| e.label == label)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when empty (never, in practice).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`normalize`] without its ASCII shortcut.
    fn normalize_by_chars(name: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in name.chars() {
            let c = fold_accent(c);
            if c == '.' || c == '\'' || c == '’' {
                continue;
            }
            if c.is_alphanumeric() || c == '&' {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.extend(c.to_lowercase());
            } else {
                space = true;
            }
        }
        match out.strip_prefix("the ") {
            Some(rest) => rest.to_owned(),
            None => out,
        }
    }

    #[test]
    fn normalize_shortcut_changes_nothing() {
        for name in [
            "The U.S.",
            "  Côte d’Ivoire ",
            "AT&T Inc.",
            "São-Tomé",
            "O'Neill",
            "ÉTATS-UNIS",
            "the the",
            "İstanbul",
            "Ⅻ Corps",
            "",
        ] {
            assert_eq!(normalize(name), normalize_by_chars(name), "{name:?}");
        }
    }

    fn label(name: &str) -> Option<String> {
        let g = Gazetteer::get();
        g.lookup(name).map(|id| g.entry(id).label.clone())
    }

    #[test]
    fn country_aliases_resolve_to_one_entry() {
        for n in [
            "U.S.",
            "US",
            "United States",
            "America",
            "the United States",
            "USA",
        ] {
            assert_eq!(label(n).as_deref(), Some("United States"), "{n}");
        }
        for n in ["Britain", "UK", "United Kingdom", "Great Britain"] {
            assert_eq!(label(n).as_deref(), Some("United Kingdom"), "{n}");
        }
        assert_eq!(label("Russian Federation").as_deref(), Some("Russia"));
        assert_eq!(label("us"), None);
    }

    #[test]
    fn an_alias_reads_as_of_the_article_year() {
        let g = Gazetteer::get();
        let ec = g.lookup("EC").expect("EC");
        assert_eq!(g.entry(ec).label, "European Commission");
        let label = |y, names: &[&str]| {
            let r = g.reading(y, names.iter().map(|n| (*n, g.lookup(n))));
            g.entry(g.as_of(ec, "E.C.", &r)).label.as_str()
        };
        assert_eq!(label(Some(1987), &[]), "European Community");
        assert_eq!(label(Some(2005), &[]), "European Commission");
        assert_eq!(label(None, &["EC"]), "European Commission");
        assert_eq!(label(None, &["EC Commission"]), "European Community");
        assert_eq!(
            label(Some(2005), &["European Economic Community"]),
            "European Community"
        );
        let eu = g.lookup("EU").expect("EU");
        let old = g.reading(Some(1987), []);
        assert_eq!(g.as_of(eu, "EU", &old), eu);
    }

    #[test]
    fn qids_and_demonyms() {
        let g = Gazetteer::get();
        let ru = g.lookup("Russia").expect("russia");
        assert_eq!(g.entry(ru).qid, Some("Q159"));
        assert!(g.entry(ru).country);
        assert_eq!(g.demonym("Russian"), Some(ru));
        assert_eq!(
            g.demonym("French").map(|i| g.entry(i).label.as_str()),
            Some("France")
        );
        assert_eq!(g.demonym("russian"), None);
        let eu = g.lookup("EU").expect("eu");
        assert_eq!(g.entry(eu).qid, Some("Q458"));
        assert_eq!(g.short_form("Union"), Some(eu));
    }

    #[test]
    fn england_is_not_the_united_kingdom() {
        assert_eq!(label("England").as_deref(), Some("England"));
    }

    #[test]
    fn table_is_large_enough() {
        assert!(Gazetteer::get().len() > 400);
        assert!(ROWS.len() + COUNTRY_ROWS.len() > 200);
    }
}
