//! The gazetteer's hand-written data: additions to keshvar's countries, organisations,
//! media, metonyms, places, events and people, with their Wikidata QIDs, and the
//! `the <head>` short forms. The lookup logic is in the parent module.

use crate::model::EntityType;

/// Country row: ISO alpha-2 code, label override (empty: keshvar's common name), aliases,
/// QID (empty: not known for sure), extra demonyms.
pub(super) type CountryRow = (
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

/// A former state, with the adjectives that name its people and bodies (`West German`).
const fn former_state(
    label: &'static str,
    aliases: &'static [&'static str],
    qid: &'static str,
    demonyms: &'static [&'static str],
) -> Row {
    Row {
        demonyms,
        ..place(label, aliases, qid)
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
pub(super) const SHORT_FORMS: &[(&str, &str)] = &[
    ("commission", "European Commission"),
    ("union", "European Union"),
    ("bloc", "European Union"),
    ("alliance", "NATO"),
    ("kremlin", "Kremlin"),
    ("pentagon", "Pentagon"),
];

/// Aliases whose referent changed: in an article dated before the year given, or one that
/// names the older entry or writes one of the cues, the alias names the older entry (`EC`
/// was the European Community until the Maastricht treaty took effect in 1993, and the
/// `EC Commission` was its commission; since, news uses `EC` for the Commission). Cues must
/// be names of some row.
pub(super) const DATED_ALIASES: &[(&str, i32, &str, &[&str])] = &[(
    "EC",
    1993,
    "European Community",
    &["EC Commission", "European Community Commission"],
)];

/// International organisations, agencies, metonyms, media, places and a few people.
#[rustfmt::skip]
pub const ROWS: &[Row] = &[
    // International organisations.
    org("European Union", &["EU", "E.U."], "Q458"),
    org("European Commission", &["EC", "EU Commission", "Commission of the European Union", "EC Commission", "European Community Commission"], "Q8880"),
    org("European Community", &["European Communities", "European Economic Community", "EEC", "E.E.C.", "Common Market"], ""),
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
    party("Liberal Democrats", &["Lib Dems", "Lib Dem", "Liberal Democrat Party"], "Q9624", &["Lib Dem", "Liberal Democrat"]),
    org("MI5", &["Security Service"], ""),
    org("MI6", &["Secret Intelligence Service", "SIS"], ""),
    org("GCHQ", &["Government Communications Headquarters"], ""),
    org("National Cyber Security Centre", &["NCSC"], ""),
    org("Foreign Office", &["Foreign and Commonwealth Office", "FCO"], ""),
    org("Home Office", &[], ""),
    org("Ministry of Defence", &["MoD"], ""),
    org("National Health Service", &["NHS"], ""),
    org("Bank of England", &[], ""),
    org("Bank of Japan", &[], ""),
    org("Swiss National Bank", &[], ""),
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
    org("Deutsche Bundesbank", &["Bundesbank"], ""),
    org("Bank of France", &["Banque de France"], ""),
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
    // Former states: older archives (Reuters-21578 is from 1987) name them every day.
    former_state("West Germany", &["Federal Republic of Germany (West)"], "Q713750", &["West German"]),
    former_state("East Germany", &["German Democratic Republic", "GDR"], "Q16957", &["East German"]),
    former_state("Soviet Union", &["USSR", "U.S.S.R.", "Soviet Union", "the Soviet Union"], "Q15180", &["Soviet"]),
    former_state("Yugoslavia", &[], "Q36704", &["Yugoslav"]),
    former_state("Czechoslovakia", &[], "Q33946", &["Czechoslovak"]),
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
