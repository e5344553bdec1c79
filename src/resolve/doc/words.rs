//! The word lists of document resolution: pronouns, determiners, credit words, media name
//! heads. Lower case; the logic that reads them is in the parent module.

/// Pronouns that refer to a person.
pub(super) const PERSON_PRONOUNS: &[&str] = &[
    "he", "him", "his", "she", "her", "hers", "himself", "herself",
];

/// Pronouns that refer to a thing.
pub(super) const THING_PRONOUNS: &[&str] = &["it", "its", "itself"];

/// Plural pronouns.
pub(super) const PLURAL_PRONOUNS: &[&str] = &["they", "them", "their", "theirs", "themselves"];

/// Common nouns for a person: a subject headed by one (`the minister`, `the striker`) could
/// be what `he` or `she` means, so it ends a pronoun's search unresolved. Titles count too
/// (see `mention::is_title_only`).
pub(super) const PERSON_NOUNS: &[&str] = &[
    "actor",
    "actress",
    "analyst",
    "author",
    "boss",
    "boy",
    "candidate",
    "champion",
    "chief",
    "child",
    "coach",
    "daughter",
    "defender",
    "director",
    "doctor",
    "economist",
    "employee",
    "executive",
    "father",
    "founder",
    "friend",
    "girl",
    "husband",
    "journalist",
    "lawyer",
    "man",
    "manager",
    "mother",
    "official",
    "owner",
    "player",
    "producer",
    "singer",
    "son",
    "spokesman",
    "spokeswoman",
    "star",
    "striker",
    "student",
    "teacher",
    "victim",
    "wife",
    "winner",
    "woman",
    "worker",
    "writer",
];

/// Nouns of a person's trade or standing that news puts before a name (`TV presenter X`,
/// `film star X`) and later uses alone (`the presenter`), beside [`PERSON_NOUNS`].
pub(super) const PERSON_ROLE_NOUNS: &[&str] = &[
    "presenter",
    "host",
    "comedian",
    "musician",
    "rapper",
    "guitarist",
    "drummer",
    "dancer",
    "model",
    "designer",
    "novelist",
    "poet",
    "playwright",
    "artist",
    "chef",
    "athlete",
    "sprinter",
    "runner",
    "boxer",
    "golfer",
    "goalkeeper",
    "midfielder",
    "forward",
    "captain",
    "skipper",
    "jockey",
    "cyclist",
    "swimmer",
    "batsman",
    "bowler",
    "businessman",
    "businesswoman",
    "tycoon",
    "entrepreneur",
    "banker",
    "billionaire",
    "millionaire",
    "broadcaster",
    "commentator",
    "columnist",
    "editor",
    "reporter",
    "correspondent",
    "photographer",
    "campaigner",
    "activist",
    "scientist",
    "professor",
    "researcher",
    "judge",
    "prosecutor",
    "detective",
    "surgeon",
    "priest",
    "bishop",
    "archbishop",
    "cardinal",
    "songwriter",
];

/// More nouns for people, beside [`PERSON_NOUNS`], that make a phrase a person or, in the
/// plural, a group (`analysts`, `dealers`, `shareholders`).
pub(super) const PEOPLE_NOUNS: &[&str] = &[
    "people",
    "person",
    "dealer",
    "trader",
    "investor",
    "banker",
    "shareholder",
    "stockholder",
    "bondholder",
    "creditor",
    "reporter",
    "customer",
    "consumer",
    "minister",
    "source",
    "expert",
    "voter",
    "resident",
    "lawmaker",
    "legislator",
    "diplomat",
    "politician",
    "fan",
    "parent",
    "citizen",
    "farmer",
    "member",
    "leader",
    "critic",
    "observer",
    "buyer",
    "seller",
    "officer",
    "soldier",
    "activist",
    "user",
    "viewer",
    "listener",
    "reader",
    "passenger",
    "patient",
    "teenager",
    "adult",
    "athlete",
    "rival",
    "opponent",
    "supporter",
    "campaigner",
    "protester",
    "chancellor",
    "premier",
    "president",
    "secretary",
    "governor",
    "senator",
    "spokesperson",
    "negotiator",
    "regulator",
    "prosecutor",
    "investigator",
    "judge",
    "chairman",
    "chairwoman",
    "employer",
];

/// Nouns for bodies, beside [`COMPANY_NOUNS`], that make a phrase an organisation or, in
/// the plural, a group (`the government`, `the club`, `ministries`).
pub(super) const BODY_NOUNS: &[&str] = &[
    "government",
    "club",
    "police",
    "party",
    "board",
    "agency",
    "ministry",
    "council",
    "team",
    "committee",
    "court",
    "administration",
    "authority",
    "parliament",
    "department",
    "institution",
    "organisation",
    "organization",
    "university",
    "school",
    "hospital",
    "exchange",
    "fund",
    "opposition",
    "side",
    "squad",
    "broadcaster",
    "newspaper",
    "network",
    "operator",
    "supplier",
    "maker",
    "giant",
    "unit",
    "subsidiary",
    "union",
];

/// Singular nouns by which news refers to the article's own company (`the company said`).
pub(super) const COMPANY_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "corporation",
    "carrier",
    "airline",
    "retailer",
    "lender",
    "insurer",
    "bank",
    "conglomerate",
    "manufacturer",
    "carmaker",
    "chipmaker",
];

/// Nouns only an organisation's name modifies (`Fiat shares`, `Costco's chairman`,
/// `Merrill Lynch analyst`): the name is an organisation's, whatever its shape.
pub(super) const ORG_CONTEXT_NOUNS: &[&str] = &[
    "share",
    "shareholder",
    "stock",
    "subsidiary",
    "unit",
    "division",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "employee",
    "analyst",
    "economist",
    "strategist",
    "plant",
    "factory",
];

/// Nouns an organisation's name modifies, and a person's too (`Glazer's bid`,
/// `Mourinho's squad`): they retype only names that are not shaped like a person's.
pub(super) const OWNED_CONTEXT_NOUNS: &[&str] = &[
    "stake", "bid", "takeover", "merger", "profit", "revenue", "earnings",
];

/// Nouns a club's name modifies (`Chelsea manager`, `Arsenal striker`): the name is a
/// club's, even where it is also a place's (but not a person's: `Mourinho's squad`).
pub(super) const CLUB_CONTEXT_NOUNS: &[&str] = &[
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "squad",
    "coach",
    "boss",
    "fan",
    "supporter",
];

/// Determiners and possessives dropped from the front of a phrase.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
    "your", "some", "any", "such",
];

/// Determiners that point at one thing (or one set) of the article: `the board`, `this
/// deal`, `a spokesman`; not `some`, `any`, `such`, which stay general.
pub(super) const SPECIFIC_DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "that", "these", "those"];

/// Other pronouns: never a mention of their own.
pub(super) const OTHER_PRONOUNS: &[&str] = &[
    "i", "me", "we", "us", "you", "our", "my", "your", "this", "that", "which", "who", "what",
];

/// Words of photo credits (`Getty Images`, `Picture by …`).
pub(super) const CREDIT_WORDS: &[&str] = &[
    "images",
    "getty",
    "shutterstock",
    "photo",
    "photos",
    "picture",
    "pictures",
    "credit",
    "copyright",
    "nurphoto",
    "photographer",
];

/// Last words of newspaper and broadcaster names (`Times`, `Post`).
pub(super) const MEDIA_HEADS: &[&str] = &[
    "times",
    "post",
    "news",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "telegraph",
    "press",
    "daily",
];

/// Function words skipped when taking the initials of a name.
pub(super) const NOT_INITIALS: &[&str] = &["of", "the", "for", "and", "&", "de", "on", "in"];

/// Titles that are no role (`Mr`, `Sir`): not kept among a person's roles.
pub(super) const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "dr", "lord", "lady",
];

/// Heads of state institutions every country has (`Finance Ministry`, `Stock Exchange`,
/// `Supreme Court`): a name made of one of these and [`INSTITUTION_QUALIFIERS`] only says
/// which kind, not whose.
pub(super) const INSTITUTION_HEADS: &[&str] = &[
    "army",
    "assembly",
    "bank",
    "cabinet",
    "court",
    "exchange",
    "ministries",
    "ministry",
    "navy",
    "parliament",
    "police",
];

/// Words that say which institution of a kind, not whose (`Finance`, `Foreign`, `Stock`).
pub(super) const INSTITUTION_QUALIFIERS: &[&str] = &[
    "affairs",
    "agriculture",
    "and",
    "central",
    "commerce",
    "defence",
    "defense",
    "economic",
    "economy",
    "education",
    "energy",
    "environment",
    "federal",
    "finance",
    "foreign",
    "health",
    "high",
    "industry",
    "interior",
    "international",
    "justice",
    "labor",
    "labour",
    "national",
    "of",
    "oil",
    "state",
    "stock",
    "supreme",
    "the",
    "trade",
    "transport",
];
