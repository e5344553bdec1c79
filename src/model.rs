//! The vocabulary every stage shares.
//!
//! - An [`Article`] is one input document: its id, optional metadata and its text.
//! - A [`Sentence`] is a run of [`Token`]s with a byte [`Span`] in the article text,
//!   tagged, lemmatised and parsed by [`crate::nlp`].
//! - A [`Triple`] is one actor–action–target statement found by an extractor,
//!   with its evidence (sentence, span), polarity, modality and attribution.
//!   Its [`Argument`]s are still mentions (words of one sentence); [`crate::resolve`]
//!   turns them into entities.
//!
//! Domain types here do not derive `Serialize`: what goes to disk goes through the
//! wire types of [`crate::export`].

use std::fmt;
use std::ops::Range;

/// A half-open byte range `[start, end)` in an article's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The byte range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// A half-open range `[start, end)` of characters (Unicode scalar values) in an article's
/// text: the positions RDF tools and other consumers that count characters expect. Kept
/// apart from the byte [`Span`] so that the two cannot be mixed up; the article text
/// converts one into the other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CharSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl CharSpan {
    /// A character span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> CharSpan {
        debug_assert!(start <= end, "char span start {start} after end {end}");
        CharSpan { start, end }
    }
}

/// Where an article came from, for messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file (or `<stdin>`) the article was read from.
    pub path: String,
    /// The 1-based line, for JSONL input.
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => write!(f, "{}", self.path),
        }
    }
}

/// One input document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The document id: the file name without extension, or the JSONL `id`.
    pub id: String,
    /// Title, when the input gives one.
    pub title: Option<String>,
    /// Publication date as given (ISO 8601 preferred), when known.
    pub date: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// The full text. Every [`Span`] of this article indexes into it.
    pub text: String,
    /// Where it was read from.
    pub origin: Origin,
}

/// A typed name found by the trained name recognizer: a token range of one sentence and
/// its type (only [`EntityType::Person`], [`EntityType::Organization`] and
/// [`EntityType::Place`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameSpan {
    /// The tokens of the name.
    pub tokens: std::ops::Range<usize>,
    /// Its type.
    pub kind: EntityType,
}

/// Universal part-of-speech tags (UD v2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // the UD tag names are their own documentation
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// Every tag, in a fixed order (the order of [`Upos::index`]).
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The UD spelling, e.g. `PROPN`.
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Parses the UD spelling.
    ///
    /// ```
    /// use actorgraph::model::Upos;
    /// assert_eq!(Upos::parse("PROPN"), Some(Upos::Propn));
    /// assert_eq!(Upos::parse("propn"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }

    /// Position in [`Upos::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The one `'static` copy of a tag or relation name.
///
/// Tags and relations come from small closed sets (the model's tag and relation names, about
/// a hundred), so each distinct name is allocated once for the life of the process and every
/// [`Token`] shares it: no allocation per token. Names outside those sets (gold treebank
/// tokens, test fixtures) are added once each.
pub fn intern(name: &str) -> &'static str {
    static NAMES: std::sync::OnceLock<std::sync::RwLock<std::collections::HashSet<&'static str>>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(Default::default);
    let known = names
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .get(name)
        .copied();
    if let Some(known) = known {
        return known;
    }
    let mut names = names
        .write()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    leaked
}

/// One token of a sentence, with its annotations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token in the article text.
    pub span: Span,
    /// The word as written (the slice of the text at `span`).
    pub form: String,
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag (`NNP`, `VBD`, …), from the closed set of the model's tags (see
    /// [`intern`]).
    pub xpos: &'static str,
    /// Dictionary form, lower case except for proper nouns (`told` → `tell`).
    pub lemma: String,
    /// Index of the head token in the same sentence; `None` for the root.
    pub head: Option<usize>,
    /// UD dependency relation, with subtype (`nsubj:pass`, `obl`, `compound:prt`), from the
    /// closed set of the model's relations (see [`intern`]).
    pub deprel: &'static str,
}

impl Token {
    /// The relation without its subtype (`nsubj:pass` → `nsubj`); see [`base_rel`].
    pub fn base_rel(&self) -> &'static str {
        base_rel(self.deprel)
    }
}

/// A UD relation without its subtype (`nsubj:pass` → `nsubj`, `obl` → `obl`). A byte scan:
/// relations are short and extractors call this for every child they look at.
///
/// ```
/// use actorgraph::model::base_rel;
/// assert_eq!(base_rel("nsubj:pass"), "nsubj");
/// assert_eq!(base_rel("obl"), "obl");
/// ```
pub fn base_rel(rel: &str) -> &str {
    match rel.bytes().position(|b| b == b':') {
        Some(at) => &rel[..at],
        None => rel,
    }
}

/// What role a sentence plays in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SentenceKind {
    /// Running text: the sentences statements come from.
    Body,
    /// A title or heading line (no final punctuation, short, own paragraph).
    Headline,
    /// A photo caption or credit (`Picture by …`, `… via Getty Images`).
    Caption,
    /// A byline, dateline or agency tag.
    Byline,
}

/// One sentence of an article.
///
/// Its heads always form one tree: [`Sentence::new`], the only way to build one, gives
/// every token but one a head in range, makes the remaining token the root, and breaks
/// cycles. Walks up or down the tree (heads, [`Sentence::children`]) therefore terminate,
/// and no later stage re-checks the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// 0-based position in the article, counting every sentence of every kind.
    pub index: usize,
    /// Bytes of the whole sentence in the article text.
    pub span: Span,
    /// Body text, headline, caption or byline.
    pub kind: SentenceKind,
    /// Tokens in order; heads index into this vector and form one tree.
    pub tokens: Vec<Token>,
    /// Typed names found by the trained name recognizer (`nlp::ner`), in token order;
    /// empty when no recognizer ran. Set by [`Sentence::with_names`].
    pub names: Vec<NameSpan>,
    /// The one token without a head (`None` only for a sentence without tokens). Private,
    /// so that a `Sentence` is built only by [`Sentence::new`].
    root: Option<usize>,
}

impl Sentence {
    /// A sentence whose tokens' heads are made one tree with exactly one root: the first
    /// token without a head (or the first token, when every token has one) is the root;
    /// other roots and tokens whose head is out of range or themselves attach to it (a
    /// relation `root` becomes `dep`); a token whose head chain never reaches the root (a
    /// cycle) attaches to the root too. A parse that already is one tree is kept as it is.
    pub fn new(index: usize, span: Span, kind: SentenceKind, mut tokens: Vec<Token>) -> Sentence {
        let root = one_tree(&mut tokens);
        Sentence {
            index,
            span,
            kind,
            tokens,
            names: Vec::new(),
            root,
        }
    }

    /// The sentence with the names of a recognizer; names whose tokens are out of range or
    /// empty are dropped.
    pub fn with_names(mut self, mut names: Vec<NameSpan>) -> Sentence {
        let n = self.tokens.len();
        names.retain(|m| m.tokens.start < m.tokens.end && m.tokens.end <= n);
        names.sort_by_key(|m| (m.tokens.start, m.tokens.end));
        self.names = names;
        self
    }

    /// The root token (`None` only for a sentence without tokens).
    pub fn root(&self) -> Option<usize> {
        self.root
    }

    /// Indices of the tokens whose head is `head`, in order.
    pub fn children(&self, head: usize) -> impl Iterator<Item = usize> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == Some(head))
            .map(|(i, _)| i)
    }
}

/// Makes the heads of `tokens` one tree (see [`Sentence::new`]) and returns its root.
fn one_tree(tokens: &mut [Token]) -> Option<usize> {
    let n = tokens.len();
    if n == 0 {
        return None;
    }
    let root = tokens.iter().position(|t| t.head.is_none()).unwrap_or(0);
    tokens[root].head = None;
    for (i, t) in tokens.iter_mut().enumerate() {
        if i == root {
            continue;
        }
        if t.head.is_none_or(|h| h >= n || h == i) {
            t.head = Some(root);
            if t.deprel == "root" {
                t.deprel = "dep";
            }
        }
    }
    // Break cycles: walk up from every token; if it never reaches the root, attach it there.
    for start in 0..n {
        let mut cur = start;
        let mut steps = 0;
        while let Some(h) = tokens[cur].head {
            cur = h;
            steps += 1;
            if steps > n {
                tokens[start].head = Some(root);
                break;
            }
        }
    }
    Some(root)
}

/// An article with its sentences annotated: the output of [`crate::nlp`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatedArticle {
    /// The article itself.
    pub article: Article,
    /// All its sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// Whether a statement says something happens or does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Polarity {
    /// `Russia interfered`.
    Positive,
    /// `Russia did not interfere`.
    Negative,
}

impl Polarity {
    /// Lower-case wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

/// How sure the text is of a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Modality {
    /// Stated as fact by the text itself.
    Asserted,
    /// Claimed by someone, reported, accused of, allegedly.
    Alleged,
    /// May, might, could, plans to, threatens to.
    Possible,
    /// Denied by the one it is about (`Moscow has denied meddling`).
    Denied,
}

impl Modality {
    /// Lower-case wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Alleged => "alleged",
            Modality::Possible => "possible",
            Modality::Denied => "denied",
        }
    }
}

/// The action of a statement.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Action {
    /// Normalised label: lemma + particle + preposition (`cooperate with`, `impose sanctions on`).
    pub label: String,
    /// Lemma of the main verb or event noun (`cooperate`).
    pub lemma: String,
    /// The words as written (`is co-operating with`).
    pub surface: String,
}

/// What kind of phrase an argument is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ArgKind {
    /// A proper name or acronym (`Julian King`, `NATO`).
    Name,
    /// A group described by a nationality or organisation (`Russian officials`).
    Group,
    /// A personal pronoun, to be resolved by coreference.
    Pronoun,
    /// A definite description (`the Commission`, `the country`), to be resolved if possible.
    Description,
    /// Any other noun phrase (`attempts to hack servers`).
    Phrase,
    /// No actor in the text (an agentless passive).
    Unknown,
}

/// An actor, target or source of a statement, as written in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Argument {
    /// The trimmed phrase (`attempts to hack servers`), or the name.
    pub text: String,
    /// Bytes of the phrase in the article text (from its first to its last kept token).
    pub span: Span,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// Token range of the phrase in that sentence.
    pub tokens: Range<usize>,
    /// The head token of the phrase.
    pub head: usize,
    /// What kind of phrase it is.
    pub kind: ArgKind,
}

/// One actor–action–target statement, as the extractors produce it.
#[derive(Clone, Debug, PartialEq)]
pub struct Triple {
    /// The sentence it was found in (index into the article's sentences).
    pub sentence: usize,
    /// Evidence: bytes of the statement in the article (the sentence's span).
    pub span: Span,
    /// Who acts.
    pub actor: Argument,
    /// What they do.
    pub action: Action,
    /// To whom or what.
    pub target: Argument,
    /// Said to happen, or said not to.
    pub polarity: Polarity,
    /// Asserted, alleged, possible or denied.
    pub modality: Modality,
    /// Who the text says claims it, when not the text itself.
    pub attributed_to: Option<Argument>,
    /// In `[0, 1]`; how it is computed is documented by each extractor.
    pub confidence: f32,
    /// Id of the extractor that found it (`clauses`, `nominal`, `speech`).
    pub extractor: &'static str,
    /// Stands only as the claim of its speaker (a reported clause whose subject is no
    /// actor, a reported copular clause): dropped when `attributed_to` resolves to no
    /// entity, since a claim shown without its claimant reads as the text's own.
    pub claim: bool,
}

// Entities: what `resolve` makes of mentions, and what graph, export and diff read.

/// A stable entity id: `<type>.<slug>`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub String);

impl EntityId {
    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Coarse entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    /// A person.
    Person,
    /// A company, agency, party, government body, newspaper…
    Organization,
    /// A country, city or region.
    Place,
    /// A group of people described by affiliation (`Russian officials`).
    Group,
    /// An election, summit, war…
    Event,
    /// Anything else (phrases that are targets but not names).
    Other,
}

impl EntityType {
    /// Every type, in order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
        EntityType::Group,
        EntityType::Event,
        EntityType::Other,
    ];

    /// The name used in outputs (`Person`, `Organization`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
            EntityType::Group => "Group",
            EntityType::Event => "Event",
            EntityType::Other => "Other",
        }
    }

    /// The id prefix (`person`, `org`, `place`, `group`, `event`, `thing`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "org",
            EntityType::Place => "place",
            EntityType::Group => "group",
            EntityType::Event => "event",
            EntityType::Other => "thing",
        }
    }

    /// Parses [`EntityType::as_str`].
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.iter().copied().find(|t| t.as_str() == s)
    }
}

/// Why one entity is what it is: the evidence for its type, and every form it was seen
/// under with the rules that put that form on it (written to `entities.jsonl`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityEvidence {
    /// Where the type came from: `gazetteer`, `metonym` (a capital acting as an
    /// institution), `corpus surname` (a lone word that is the surname of a person of the
    /// corpus), `context` (an organisation by the nouns its name modifies) or `mentions`
    /// (the vote below).
    pub type_from: &'static str,
    /// Mentions of each type among the entity's document-local parts (a part seen with a
    /// person title weighs 100 more), as voted.
    pub type_votes: std::collections::BTreeMap<EntityType, usize>,
    /// Every surface form (titles and a leading `the` stripped), sorted.
    pub forms: Vec<FormEvidence>,
}

/// One surface form of an entity and why it belongs there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormEvidence {
    /// The form as written (`Mr Blair` is `Blair` here, its title stripped).
    pub form: String,
    /// How often it was seen.
    pub mentions: usize,
    /// The rules that put it on this entity, by name ([`MergeRule::name`]), sorted.
    pub rules: Vec<&'static str>,
}

/// A rule that puts a form on an entity, within one article or across articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MergeRule {
    /// The form began the entity in its article.
    OwnName,
    /// The same name, normalised (case, accents, titles), as a form already on it.
    SameName,
    /// The same group words of the same owner (`US officials`, `U.S. officials`).
    SameGroup,
    /// A name of the gazetteer entry the entity is (`U.S.` for the United States).
    Gazetteer,
    /// A surname of the one person the article names with it (`Merkel`).
    Surname,
    /// A definite short form the gazetteer knows, in an article naming the body (`the Union`).
    ShortForm,
    /// An acronym of the one name with those initials in the article (`PCS`).
    Acronym,
    /// `X (Y)`: Y given as another name of X in the article.
    Parenthesis,
    /// A description standing for a named entity of the article (`the government` for
    /// the government of the country in focus).
    Description,
    /// Across articles: the same gazetteer entry.
    CorpusGazetteer,
    /// Across articles: the same full name.
    CorpusName,
    /// Across articles: a surname alone, joined to the one person of the corpus with it.
    CorpusSurname,
    /// Across articles: the same group of the same owner (`Russian officials`).
    CorpusGroup,
    /// Across articles: the same phrase.
    CorpusPhrase,
}

impl MergeRule {
    /// Every rule, in order.
    pub const ALL: [MergeRule; 14] = [
        MergeRule::OwnName,
        MergeRule::SameName,
        MergeRule::SameGroup,
        MergeRule::Gazetteer,
        MergeRule::Surname,
        MergeRule::ShortForm,
        MergeRule::Acronym,
        MergeRule::Parenthesis,
        MergeRule::Description,
        MergeRule::CorpusGazetteer,
        MergeRule::CorpusName,
        MergeRule::CorpusSurname,
        MergeRule::CorpusGroup,
        MergeRule::CorpusPhrase,
    ];

    /// The rule's name in `entities.jsonl`.
    ///
    /// ```
    /// use actorgraph::model::MergeRule;
    /// assert_eq!(MergeRule::Acronym.name(), "acronym");
    /// assert_eq!(MergeRule::CorpusSurname.name(), "corpus-surname");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            MergeRule::OwnName => "own-name",
            MergeRule::SameName => "same-name",
            MergeRule::SameGroup => "same-group",
            MergeRule::Gazetteer => "gazetteer",
            MergeRule::Surname => "surname",
            MergeRule::ShortForm => "short-form",
            MergeRule::Acronym => "acronym",
            MergeRule::Parenthesis => "parenthesis",
            MergeRule::Description => "description",
            MergeRule::CorpusGazetteer => "corpus-gazetteer",
            MergeRule::CorpusName => "corpus-name",
            MergeRule::CorpusSurname => "corpus-surname",
            MergeRule::CorpusGroup => "corpus-group",
            MergeRule::CorpusPhrase => "corpus-phrase",
        }
    }

    /// True for a rule that joins two names that are not the same written name: every
    /// rule but `own-name` and `same-name`.
    pub fn joins(self) -> bool {
        !matches!(self, MergeRule::OwnName | MergeRule::SameName)
    }

    /// The rule's bit in a [`MergeRules`] set.
    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of [`MergeRule`]s, two bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MergeRules(u16);

impl MergeRules {
    /// The set of one rule.
    pub fn of(rule: MergeRule) -> MergeRules {
        MergeRules(rule.bit())
    }

    /// Adds a rule.
    pub fn insert(&mut self, rule: MergeRule) {
        self.0 |= rule.bit();
    }

    /// Adds every rule of another set.
    pub fn extend(&mut self, other: MergeRules) {
        self.0 |= other.0;
    }

    /// The set as bits, one per rule in [`MergeRule::ALL`] order (the partial-graph format
    /// stores them).
    pub fn bits(self) -> u16 {
        self.0
    }

    /// The set of these bits, or `None` when a bit names no rule.
    pub fn from_bits(bits: u16) -> Option<MergeRules> {
        let known = MergeRule::ALL.iter().fold(0u16, |a, r| a | r.bit());
        (bits & !known == 0).then_some(MergeRules(bits))
    }

    /// The rules' names, in [`MergeRule::ALL`] order.
    pub fn names(self) -> Vec<&'static str> {
        MergeRule::ALL
            .into_iter()
            .filter(|r| self.0 & r.bit() != 0)
            .map(MergeRule::name)
            .collect()
    }
}

/// One resolved entity.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Stable id.
    pub id: EntityId,
    /// Canonical label: the fullest name seen (`Julian King`, `European Commission`).
    pub label: String,
    /// Coarse type.
    pub kind: EntityType,
    /// True for sovereign countries (typed `schema:Country` in JSON-LD).
    pub country: bool,
    /// Wikidata QID (`Q159`), when the gazetteer knows the entity.
    pub wikidata: Option<String>,
    /// Other names seen for it (`Sir Julian King`, `King`), sorted.
    pub aliases: std::collections::BTreeSet<String>,
    /// The entity a group belongs to (`group.russia-officials` → `place.russia`).
    pub part_of: Option<EntityId>,
    /// Roles seen in appositions (`EU security commissioner`), sorted.
    pub roles: std::collections::BTreeSet<String>,
    /// How many mentions resolved to it.
    pub mentions: usize,
    /// How many documents mention it.
    pub documents: usize,
}
