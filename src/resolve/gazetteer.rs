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

/// Country row: ISO alpha-2 code, label override (empty: keshvar's common name), aliases,
/// QID (empty: not known for sure), extra demonyms.
type CountryRow = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static [&'static str],
);

/// Our additions to keshvar's countries.
#[rustfmt::skip]
pub const COUNTRY_ROWS: &[CountryRow] = &[
    ("US", "United States", &["U.S.", "US", "U.S.A.", "USA", "America", "United States of America", "the States"], "Q30", &["U.S.", "US"]),
    ("GB", "United Kingdom", &["UK", "U.K.", "Britain", "Great Britain"], "Q145", &["UK", "U.K."]),
    ("RU", "Russia", &["Russian Federation"], "Q159", &[]),
    ("FR", "France", &["French Republic"], "Q142", &[]),
    ("DE", "Germany", &["Federal Republic of Germany"], "Q183", &[]),
    ("CN", "China", &["People's Republic of China", "PRC"], "Q148", &[]),
    ("SE", "Sweden", &[], "Q34", &[]),
    ("IT", "Italy", &[], "Q38", &[]),
    ("ES", "Spain", &[], "Q29", &[]),
    ("NL", "Netherlands", &["Holland", "The Netherlands"], "Q55", &[]),
    ("BE", "Belgium", &[], "Q31", &[]),
    ("CH", "Switzerland", &[], "Q39", &[]),
    ("AT", "Austria", &[], "Q40", &[]),
    ("PL", "Poland", &[], "Q36", &[]),
    ("UA", "Ukraine", &[], "Q212", &[]),
    ("BY", "Belarus", &[], "Q184", &["Belarusian"]),
    ("CA", "Canada", &[], "Q16", &[]),
    ("MX", "Mexico", &[], "Q96", &[]),
    ("BR", "Brazil", &[], "Q155", &[]),
    ("AR", "Argentina", &[], "Q414", &["Argentine"]),
    ("JP", "Japan", &[], "Q17", &[]),
    ("KR", "South Korea", &["Republic of Korea"], "Q884", &[]),
    ("KP", "North Korea", &["DPRK"], "Q423", &[]),
    ("IN", "India", &[], "Q668", &[]),
    ("PK", "Pakistan", &[], "Q843", &[]),
    ("AF", "Afghanistan", &[], "Q889", &["Afghan"]),
    ("IR", "Iran", &["Islamic Republic of Iran"], "Q794", &[]),
    ("IQ", "Iraq", &[], "Q796", &[]),
    ("SY", "Syria", &[], "Q858", &[]),
    ("IL", "Israel", &[], "Q801", &[]),
    ("TR", "Turkey", &["Türkiye"], "Q43", &[]),
    ("EG", "Egypt", &[], "Q79", &[]),
    ("SA", "Saudi Arabia", &[], "Q851", &["Saudi"]),
    ("AU", "Australia", &[], "Q408", &[]),
    ("NZ", "New Zealand", &[], "Q664", &[]),
    ("NO", "Norway", &[], "Q20", &[]),
    ("FI", "Finland", &[], "Q33", &[]),
    ("DK", "Denmark", &[], "Q35", &[]),
    ("IE", "Ireland", &["Republic of Ireland"], "Q27", &[]),
    ("PT", "Portugal", &[], "Q45", &[]),
    ("GR", "Greece", &[], "Q41", &[]),
    ("HU", "Hungary", &[], "Q28", &[]),
    ("CZ", "Czech Republic", &["Czechia"], "Q213", &[]),
    ("RO", "Romania", &[], "Q218", &[]),
    ("BG", "Bulgaria", &[], "Q219", &[]),
    ("HR", "Croatia", &[], "Q224", &[]),
    ("RS", "Serbia", &[], "Q403", &[]),
    ("EE", "Estonia", &[], "Q191", &[]),
    ("LV", "Latvia", &[], "Q211", &[]),
    ("LT", "Lithuania", &[], "Q37", &[]),
    ("GE", "Georgia", &[], "Q230", &[]),
    ("AM", "Armenia", &[], "Q399", &[]),
    ("AZ", "Azerbaijan", &[], "Q227", &[]),
    ("KZ", "Kazakhstan", &[], "Q232", &[]),
    ("NG", "Nigeria", &[], "Q1033", &[]),
    ("ZA", "South Africa", &[], "Q258", &[]),
    ("ET", "Ethiopia", &[], "Q115", &[]),
    ("KE", "Kenya", &[], "Q114", &[]),
    ("MA", "Morocco", &[], "Q1028", &[]),
    ("DZ", "Algeria", &[], "Q262", &[]),
    ("TN", "Tunisia", &[], "Q948", &[]),
    ("LY", "Libya", &[], "Q1016", &[]),
    ("ID", "Indonesia", &[], "Q252", &[]),
    ("PH", "Philippines", &["The Philippines"], "Q928", &["Filipino"]),
    ("VN", "Vietnam", &["Viet Nam"], "Q881", &[]),
    ("TH", "Thailand", &[], "Q869", &["Thai"]),
    ("MY", "Malaysia", &[], "Q833", &[]),
    ("SG", "Singapore", &[], "Q334", &[]),
    ("TW", "Taiwan", &[], "Q865", &[]),
    ("CL", "Chile", &[], "Q298", &[]),
    ("CO", "Colombia", &[], "Q739", &[]),
    ("VE", "Venezuela", &[], "Q717", &[]),
    ("PE", "Peru", &[], "Q419", &[]),
    ("CU", "Cuba", &[], "Q241", &[]),
    ("LU", "Luxembourg", &[], "Q32", &[]),
    ("MT", "Malta", &[], "Q233", &[]),
    ("CY", "Cyprus", &[], "Q229", &[]),
    ("IS", "Iceland", &[], "Q189", &[]),
    ("SK", "Slovakia", &[], "Q214", &[]),
    ("SI", "Slovenia", &[], "Q215", &[]),
    ("MD", "Moldova", &[], "Q217", &[]),
    ("MK", "North Macedonia", &["Macedonia"], "Q221", &[]),
    ("AL", "Albania", &[], "Q222", &[]),
    ("BA", "Bosnia and Herzegovina", &["Bosnia"], "Q225", &["Bosnian"]),
    ("ME", "Montenegro", &[], "Q236", &[]),
    ("YE", "Yemen", &[], "Q805", &[]),
    ("JO", "Jordan", &[], "Q810", &[]),
    ("LB", "Lebanon", &[], "Q822", &[]),
    ("OM", "Oman", &[], "Q842", &[]),
    ("QA", "Qatar", &[], "Q846", &[]),
    ("AE", "United Arab Emirates", &["UAE", "U.A.E."], "Q878", &["Emirati"]),
    ("BH", "Bahrain", &[], "Q398", &[]),
    ("KW", "Kuwait", &[], "Q817", &[]),
    ("BD", "Bangladesh", &[], "Q902", &[]),
    ("LK", "Sri Lanka", &[], "Q854", &[]),
    ("NP", "Nepal", &[], "Q837", &[]),
    ("MM", "Myanmar", &["Burma"], "Q836", &[]),
    ("KH", "Cambodia", &[], "Q424", &[]),
    ("LA", "Laos", &[], "Q819", &[]),
    ("MN", "Mongolia", &[], "Q711", &[]),
    ("TJ", "Tajikistan", &[], "Q863", &[]),
    ("UZ", "Uzbekistan", &[], "Q265", &[]),
    ("TM", "Turkmenistan", &[], "Q874", &[]),
    ("KG", "Kyrgyzstan", &[], "Q813", &[]),
    ("SD", "Sudan", &[], "Q1049", &[]),
    ("SS", "South Sudan", &[], "Q958", &[]),
    ("SO", "Somalia", &[], "Q1045", &[]),
    ("UG", "Uganda", &[], "Q1036", &[]),
    ("TZ", "Tanzania", &[], "Q924", &[]),
    ("RW", "Rwanda", &[], "Q1037", &[]),
    ("CD", "Democratic Republic of the Congo", &["DR Congo", "DRC"], "Q974", &[]),
    ("CG", "Republic of the Congo", &[], "Q971", &[]),
    ("CI", "Ivory Coast", &["Côte d'Ivoire"], "Q1008", &[]),
    ("GH", "Ghana", &[], "Q117", &[]),
    ("SN", "Senegal", &[], "Q1041", &[]),
    ("ML", "Mali", &[], "Q912", &[]),
    ("NE", "Niger", &[], "Q1032", &[]),
    ("TD", "Chad", &[], "Q657", &[]),
    ("CM", "Cameroon", &[], "Q1009", &[]),
    ("AO", "Angola", &[], "Q916", &[]),
    ("MZ", "Mozambique", &[], "Q1029", &[]),
    ("ZW", "Zimbabwe", &[], "Q954", &[]),
    ("ZM", "Zambia", &[], "Q953", &[]),
    ("NA", "Namibia", &[], "Q1030", &[]),
    ("BW", "Botswana", &[], "Q963", &[]),
    ("MG", "Madagascar", &[], "Q1019", &[]),
    ("EC", "Ecuador", &[], "Q736", &[]),
    ("BO", "Bolivia", &[], "Q750", &[]),
    ("PY", "Paraguay", &[], "Q733", &[]),
    ("UY", "Uruguay", &[], "Q77", &[]),
    ("CR", "Costa Rica", &[], "Q800", &[]),
    ("PA", "Panama", &[], "Q804", &[]),
    ("GT", "Guatemala", &[], "Q774", &[]),
    ("HN", "Honduras", &[], "Q783", &[]),
    ("SV", "El Salvador", &[], "Q792", &[]),
    ("NI", "Nicaragua", &[], "Q811", &[]),
    ("DO", "Dominican Republic", &[], "Q786", &[]),
    ("HT", "Haiti", &[], "Q790", &[]),
    ("JM", "Jamaica", &[], "Q766", &[]),
    ("VA", "Vatican City", &["Holy See", "Vatican"], "Q237", &[]),
    ("PS", "Palestine", &["State of Palestine"], "", &[]),
];

/// One hand-written gazetteer row.
#[derive(Debug)]
pub struct Row {
    /// Canonical label.
    pub label: &'static str,
    /// Other names (acronyms, short forms).
    pub aliases: &'static [&'static str],
    /// Coarse type.
    pub kind: EntityType,
    /// Wikidata QID or empty.
    pub qid: &'static str,
    /// News media.
    pub media: bool,
    /// Adjectives naming members (`Republican`).
    pub demonyms: &'static [&'static str],
    /// The entry it is a metonym for, kept as a separate node linked by `part_of`.
    pub part_of: Option<&'static str>,
    /// For a city: what it stands for when it acts.
    pub metonym_of: Option<&'static str>,
}

const fn org(label: &'static str, aliases: &'static [&'static str], qid: &'static str) -> Row {
    Row {
        label,
        aliases,
        kind: EntityType::Organization,
        qid,
        media: false,
        demonyms: &[],
        part_of: None,
        metonym_of: None,
    }
}

const fn media(label: &'static str, aliases: &'static [&'static str], qid: &'static str) -> Row {
    Row {
        media: true,
        ..org(label, aliases, qid)
    }
}

const fn party(
    label: &'static str,
    aliases: &'static [&'static str],
    qid: &'static str,
    demonyms: &'static [&'static str],
) -> Row {
    Row {
        demonyms,
        ..org(label, aliases, qid)
    }
}

const fn metonym(label: &'static str, aliases: &'static [&'static str], of: &'static str) -> Row {
    Row {
        part_of: Some(of),
        ..org(label, aliases, "")
    }
}

const fn place(label: &'static str, aliases: &'static [&'static str], qid: &'static str) -> Row {
    Row {
        kind: EntityType::Place,
        ..org(label, aliases, qid)
    }
}

const fn capital(label: &'static str, qid: &'static str, of: &'static str) -> Row {
    Row {
        metonym_of: Some(of),
        ..place(label, &[], qid)
    }
}

const fn person(label: &'static str, aliases: &'static [&'static str], qid: &'static str) -> Row {
    Row {
        kind: EntityType::Person,
        ..org(label, aliases, qid)
    }
}

const fn event(label: &'static str, aliases: &'static [&'static str], qid: &'static str) -> Row {
    Row {
        kind: EntityType::Event,
        ..org(label, aliases, qid)
    }
}

/// `the <head>` short forms and what they stand for when the document names nothing
/// closer with that head word.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("commission", "European Commission"),
    ("union", "European Union"),
    ("bloc", "European Union"),
    ("alliance", "NATO"),
    ("kremlin", "Kremlin"),
    ("pentagon", "Pentagon"),
];

/// International organisations, agencies, metonyms, media, places and a few people.
#[rustfmt::skip]
pub const ROWS: &[Row] = &[
    // International organisations.
    org("European Union", &["EU", "E.U."], "Q458"),
    org("European Commission", &["EC", "EU Commission", "Commission of the European Union"], "Q8880"),
    org("European Parliament", &["EP"], "Q8889"),
    org("European Council", &[], "Q8886"),
    org("Council of the European Union", &["Council of the EU", "EU Council"], "Q8896"),
    org("European Central Bank", &["ECB"], "Q8901"),
    org("NATO", &["North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato", "N.A.T.O."], "Q7184"),
    org("United Nations", &["UN", "U.N."], "Q1065"),
    org("United Nations Security Council", &["UN Security Council", "U.N. Security Council", "UNSC", "Security Council"], "Q37470"),
    org("OSCE", &["Organization for Security and Co-operation in Europe", "Organisation for Security and Co-operation in Europe"], "Q81299"),
    org("World Health Organization", &["WHO", "World Health Organisation"], "Q7817"),
    org("International Monetary Fund", &["IMF"], "Q7804"),
    org("World Bank", &[], "Q7164"),
    org("World Trade Organization", &["WTO", "World Trade Organisation"], "Q7825"),
    org("OPEC", &["Organization of the Petroleum Exporting Countries"], "Q7795"),
    org("African Union", &["AU"], "Q7159"),
    org("ASEAN", &["Association of Southeast Asian Nations"], "Q7768"),
    org("Council of Europe", &[], "Q8908"),
    org("International Criminal Court", &["ICC"], "Q47488"),
    org("International Atomic Energy Agency", &["IAEA"], "Q826700"),
    org("International Committee of the Red Cross", &["ICRC", "Red Cross"], "Q71"),
    org("Amnesty International", &["Amnesty"], "Q42970"),
    org("Human Rights Watch", &["HRW"], "Q187052"),
    org("WikiLeaks", &["Wikileaks"], "Q359"),
    org("Interpol", &["INTERPOL"], ""),
    org("Europol", &[], ""),
    org("G7", &["Group of Seven", "G-7"], ""),
    org("G20", &["Group of Twenty", "G-20"], ""),
    org("Organisation for Economic Co-operation and Development", &["OECD"], ""),
    org("European Court of Justice", &["ECJ"], ""),
    org("European Court of Human Rights", &["ECHR"], ""),
    org("Frontex", &[], ""),
    org("Eurostat", &[], ""),
    org("Hamas", &[], ""),
    org("Hezbollah", &[], ""),
    org("Taliban", &["the Taliban"], ""),
    org("Islamic State", &["ISIS", "ISIL", "Daesh"], ""),
    org("al-Qaeda", &["Al Qaeda", "al Qaeda", "Al-Qaeda"], ""),
    // United States.
    org("CIA", &["Central Intelligence Agency", "C.I.A."], "Q37230"),
    org("FBI", &["Federal Bureau of Investigation", "F.B.I."], "Q8333"),
    org("NSA", &["National Security Agency", "N.S.A."], "Q33568"),
    org("Department of Homeland Security", &["DHS", "Homeland Security"], "Q11231"),
    org("United States Department of Defense", &["Department of Defense", "Defense Department", "DoD"], "Q11209"),
    org("United States Department of State", &["State Department", "Department of State", "US State Department", "U.S. State Department"], "Q789915"),
    org("United States Department of Justice", &["Justice Department", "Department of Justice", "DOJ"], "Q1553390"),
    org("Office of the Director of National Intelligence", &["ODNI", "Director of National Intelligence"], ""),
    org("United States Congress", &["Congress", "US Congress", "U.S. Congress"], "Q11268"),
    org("United States Senate", &["Senate", "US Senate", "U.S. Senate"], "Q66096"),
    org("United States House of Representatives", &["House of Representatives", "US House", "U.S. House"], "Q11701"),
    org("Supreme Court of the United States", &["US Supreme Court", "U.S. Supreme Court"], "Q11201"),
    org("NASA", &["National Aeronautics and Space Administration"], "Q23548"),
    org("Federal Reserve", &["Fed", "Federal Reserve System", "US Federal Reserve"], "Q53536"),
    org("Department of Homeland Security Cybersecurity and Infrastructure Security Agency", &["CISA"], ""),
    party("Democratic Party", &["Democrats", "Democratic National Committee", "DNC"], "Q29552", &["Democratic", "Democrat"]),
    party("Republican Party", &["Republicans", "GOP", "Republican National Committee", "RNC"], "Q29468", &["Republican"]),
    metonym("White House", &[], "United States"),
    metonym("Pentagon", &[], "United States"),
    metonym("Capitol Hill", &[], "United States"),
    // United Kingdom.
    org("Parliament of the United Kingdom", &["British Parliament", "UK Parliament", "Westminster"], "Q11005"),
    org("House of Commons", &[], "Q11007"),
    org("House of Lords", &[], "Q11010"),
    party("Conservative Party", &["Conservatives", "Tories", "Tory Party"], "Q9626", &["Conservative", "Tory"]),
    party("Labour Party", &["Labour"], "Q9630", &["Labour"]),
    party("Liberal Democrats", &["Lib Dems"], "Q9624", &[]),
    org("MI5", &["Security Service"], ""),
    org("MI6", &["Secret Intelligence Service", "SIS"], ""),
    org("GCHQ", &["Government Communications Headquarters"], ""),
    org("National Cyber Security Centre", &["NCSC"], ""),
    org("Foreign Office", &["Foreign and Commonwealth Office", "FCO"], ""),
    org("Home Office", &[], ""),
    org("Ministry of Defence", &["MoD"], ""),
    org("National Health Service", &["NHS"], ""),
    org("Bank of England", &[], ""),
    metonym("Downing Street", &["No 10", "Number 10", "No. 10"], "United Kingdom"),
    metonym("Whitehall", &[], "United Kingdom"),
    // Russia.
    org("FSB", &["Federal Security Service"], ""),
    org("GRU", &["Main Intelligence Directorate"], ""),
    org("SVR", &["Foreign Intelligence Service"], ""),
    org("State Duma", &["Duma"], ""),
    org("United Russia", &[], ""),
    org("Gazprom", &[], "Q102673"),
    metonym("Kremlin", &[], "Russia"),
    // Germany and France.
    org("Bundestag", &[], "Q154797"),
    org("BND", &["Federal Intelligence Service"], ""),
    org("Federal Office for the Protection of the Constitution", &["BfV"], ""),
    org("Christian Democratic Union", &["CDU"], "Q49762"),
    org("Social Democratic Party of Germany", &["SPD"], "Q49768"),
    org("Alternative for Germany", &["AfD"], ""),
    org("National Front", &["Front National", "National Rally", "Rassemblement National"], ""),
    metonym("Elysee", &["Élysée", "Elysee Palace", "Élysée Palace"], "France"),
    // Other governments' metonyms.
    metonym("Zhongnanhai", &[], "China"),
    metonym("Blue House", &[], "South Korea"),
    // Companies.
    org("Google", &["Alphabet"], "Q95"),
    org("Facebook", &[], "Q355"),
    org("Meta Platforms", &["Meta"], "Q380"),
    org("Microsoft", &["Microsoft Corp", "Microsoft Corporation"], "Q2283"),
    org("Apple Inc.", &["Apple"], "Q312"),
    org("Amazon", &["Amazon.com"], "Q3884"),
    org("Twitter", &[], "Q918"),
    org("Yahoo", &["Yahoo!"], "Q37093"),
    org("IBM", &["International Business Machines"], "Q37156"),
    org("Intel", &[], "Q248"),
    org("Samsung", &["Samsung Group"], "Q20718"),
    org("Huawei", &[], "Q160120"),
    org("Tesla", &["Tesla Inc", "Tesla Motors"], "Q478214"),
    org("Boeing", &[], "Q66"),
    org("Airbus", &[], "Q67"),
    org("Sony", &[], "Q41187"),
    org("Toyota", &[], "Q53268"),
    org("Kaspersky Lab", &["Kaspersky"], ""),
    org("CrowdStrike", &[], ""),
    org("FireEye", &[], ""),
    org("Symantec", &[], ""),
    org("YouTube", &[], ""),
    org("Instagram", &[], ""),
    org("WhatsApp", &[], ""),
    org("Telegram", &[], ""),
    // News media.
    media("BBC", &["British Broadcasting Corporation", "BBC News"], "Q9531"),
    media("Reuters", &["Thomson Reuters"], "Q130879"),
    media("Associated Press", &["AP", "The Associated Press"], "Q40469"),
    media("Agence France-Presse", &["AFP", "Agence France Presse"], "Q40464"),
    media("CNN", &["Cable News Network"], "Q48340"),
    media("The New York Times", &["New York Times", "NYT", "NY Times"], "Q9684"),
    media("The Washington Post", &["Washington Post"], "Q166032"),
    media("The Wall Street Journal", &["Wall Street Journal", "WSJ"], "Q164746"),
    media("The Guardian", &["Guardian"], "Q11148"),
    media("The Times", &["Times of London"], "Q50008"),
    media("The Economist", &["Economist"], "Q180089"),
    media("Fox News", &["Fox News Channel"], "Q186068"),
    media("Der Spiegel", &["Spiegel"], "Q131478"),
    media("Le Monde", &[], "Q12461"),
    media("The Daily Telegraph", &["Daily Telegraph", "Telegraph", "The Telegraph"], "Q192621"),
    media("The Independent", &[], "Q11149"),
    media("NBC", &["NBC News", "National Broadcasting Company"], "Q13974"),
    media("CBS", &["CBS News"], "Q43380"),
    media("ABC News", &[], ""),
    media("Financial Times", &["FT", "The Financial Times", "F.T."], ""),
    media("Bloomberg", &["Bloomberg News"], ""),
    media("Politico", &[], ""),
    media("Al Jazeera", &[], ""),
    media("Sky News", &[], ""),
    media("Daily Mail", &["The Daily Mail", "Mail Online"], ""),
    media("USA Today", &[], ""),
    media("Los Angeles Times", &["LA Times"], ""),
    media("Russia Today", &["RT"], ""),
    media("Sputnik", &[], ""),
    media("TASS", &["Tass", "ITAR-TASS"], ""),
    media("Interfax", &[], ""),
    media("RIA Novosti", &[], ""),
    media("Xinhua", &["Xinhua News Agency"], ""),
    media("Deutsche Welle", &["DW"], ""),
    media("Die Zeit", &[], ""),
    media("Frankfurter Allgemeine Zeitung", &["FAZ"], ""),
    media("Süddeutsche Zeitung", &[], ""),
    media("Le Figaro", &[], ""),
    media("Euronews", &[], ""),
    media("Dagens Nyheter", &[], ""),
    media("Axios", &[], ""),
    media("BuzzFeed News", &["BuzzFeed"], ""),
    media("The Atlantic", &[], ""),
    media("Newsweek", &[], ""),
    media("NPR", &["National Public Radio"], ""),
    media("MSNBC", &[], ""),
    // Places that are not countries.
    place("Europe", &[], "Q46"),
    place("Asia", &[], "Q48"),
    place("Africa", &[], "Q15"),
    place("Middle East", &[], "Q7204"),
    place("Baltic Sea", &[], "Q545"),
    place("Crimea", &["Crimean Peninsula"], "Q7835"),
    place("England", &[], "Q21"),
    place("Scotland", &[], "Q22"),
    place("Wales", &[], "Q25"),
    place("Northern Ireland", &[], "Q26"),
    place("California", &[], "Q99"),
    place("Texas", &[], "Q1439"),
    place("Florida", &[], "Q812"),
    place("New York City", &["NYC"], "Q60"),
    place("Hong Kong", &[], "Q8646"),
    place("Kosovo", &[], "Q1246"),
    place("Gaza", &["Gaza Strip"], ""),
    place("West Bank", &[], ""),
    place("Donbas", &["Donbass"], ""),
    place("Siberia", &[], ""),
    place("Baltics", &["Baltic states"], ""),
    place("Balkans", &[], ""),
    place("Scandinavia", &[], ""),
    place("Latin America", &[], ""),
    place("Silicon Valley", &[], ""),
    capital("Brussels", "Q239", "European Union"),
    capital("Moscow", "Q649", "Russia"),
    capital("Washington", "", "United States"),
    capital("London", "Q84", "United Kingdom"),
    capital("Paris", "Q90", "France"),
    capital("Berlin", "Q64", "Germany"),
    capital("Beijing", "Q956", "China"),
    capital("Tokyo", "Q1490", "Japan"),
    capital("Kyiv", "Q1899", "Ukraine"),
    capital("Kiev", "Q1899", "Ukraine"),
    capital("Tehran", "", "Iran"),
    capital("Ankara", "", "Turkey"),
    capital("Pyongyang", "", "North Korea"),
    capital("Damascus", "", "Syria"),
    capital("Stockholm", "", "Sweden"),
    capital("Rome", "Q220", "Italy"),
    capital("Madrid", "Q2807", "Spain"),
    place("New York", &[], ""),
    place("Los Angeles", &[], ""),
    place("Chicago", &[], ""),
    place("St Petersburg", &["Saint Petersburg", "St. Petersburg"], ""),
    place("Geneva", &[], ""),
    place("Strasbourg", &[], ""),
    place("The Hague", &[], ""),
    place("Munich", &[], ""),
    place("Warsaw", &[], ""),
    place("Vienna", &[], ""),
    // Events.
    event("World War II", &["Second World War", "WWII"], ""),
    event("World War I", &["First World War", "WWI"], ""),
    event("Cold War", &[], ""),
    event("Brexit", &[], ""),
    event("Olympic Games", &["Olympics"], ""),
    // People often named by surname alone.
    person("Vladimir Putin", &["Putin"], "Q7747"),
    person("Donald Trump", &["Trump", "Donald J. Trump"], "Q22686"),
    person("Angela Merkel", &["Merkel"], "Q567"),
    person("Barack Obama", &["Obama"], "Q76"),
    person("Emmanuel Macron", &["Macron"], "Q3052772"),
    person("Theresa May", &[], "Q264766"),
    person("Hillary Clinton", &[], "Q6294"),
    person("Joe Biden", &["Biden"], "Q6279"),
    person("Xi Jinping", &[], "Q15031"),
    person("Boris Johnson", &[], "Q180589"),
];

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
