//! Command-line flags (clap derive types only). `app` turns them into validated configs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn a corpus of news articles into a knowledge graph of who did what to whom.
#[derive(Debug, Parser)]
#[command(name = "actorgraph", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the graph from articles: folders, .txt/.md files, .jsonl files, or - for JSONL on stdin.
    Build(BuildArgs),
    /// Merge partial graphs (from `build --partial`) into the outputs of one build of all
    /// their documents, or into one partial graph.
    Merge(MergeArgs),
    /// Show what changed between two builds (output folders or graph.jsonld files).
    #[command(after_help = "Exit status: 0 if the builds are equal, 1 if they differ, 2 on error.")]
    Diff(DiffArgs),
    /// Extract statements from single sentences (one per line), e.g. for CaRB.
    Extract(ExtractArgs),
    /// Train or evaluate the English tagger, lemmatizer and parser.
    #[command(subcommand)]
    Model(ModelCommand),
}

/// Output formats of `build`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// graph.graphml
    Graphml,
    /// graph.gexf
    Gexf,
    /// graph.jsonld
    Jsonld,
    /// nodes.csv and edges.csv
    Csv,
    /// statements.jsonl
    Statements,
    /// entities.jsonl: each entity's type evidence, names and merge rules
    Entities,
    /// graph.html: the graph in a browser, with the evidence of every edge
    Html,
}

/// `actorgraph build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Input files or folders; - reads JSONL from stdin.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(long, short, default_value = "out")]
    pub out: PathBuf,
    /// Outputs to write (comma-separated); all by default.
    #[arg(long, value_delimiter = ',')]
    pub format: Vec<OutputFormat>,
    /// Base IRI for the JSON-LD ids.
    #[arg(long, default_value = "https://actorgraph.example/kg/")]
    pub base_iri: String,
    /// Write to graph.graphml, graph.gexf, graph.jsonld and the CSV files only the
    /// relations whose confidence is at least this (0 to 1), and only the entities those
    /// relations name; statements.jsonl keeps every statement.
    #[arg(long, default_value_t = 0.5)]
    pub min_confidence: f64,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Skip articles larger than this (in MB).
    #[arg(long, default_value_t = 10.0)]
    pub max_article_mb: f64,
    /// The work budget of one article, in tokens (about 2 s of one core per 100,000): an
    /// article with more is read up to its last whole sentence within the budget, with a
    /// warning naming it, so no article can stall a corpus.
    #[arg(long, default_value_t = actorgraph::pipeline::DEFAULT_MAX_ARTICLE_TOKENS)]
    pub max_article_tokens: usize,
    /// Treat skipped inputs (bad files, bad lines) and articles cut short as errors.
    #[arg(long)]
    pub strict: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// The map step: write a partial graph of these articles to FILE (for `merge`) instead
    /// of the outputs; nothing is resolved across documents.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["out", "format", "base_iri", "min_confidence"])]
    pub partial: Option<PathBuf>,
    /// Keep each article's result in DIR, under a key of its content, the model and the
    /// options, and read back those already there: a new corpus version processes only
    /// its new and changed articles. Entries unused for 30 days are removed.
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
}

/// `actorgraph merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Partial graphs, from `build --partial` or `merge --partial`.
    #[arg(required = true)]
    pub parts: Vec<PathBuf>,
    /// Write one partial graph holding every document to FILE, instead of the outputs.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["out", "format", "base_iri", "min_confidence"])]
    pub partial: Option<PathBuf>,
    /// Output folder.
    #[arg(long, short, default_value = "out")]
    pub out: PathBuf,
    /// Outputs to write (comma-separated); all by default.
    #[arg(long, value_delimiter = ',')]
    pub format: Vec<OutputFormat>,
    /// Base IRI for the JSON-LD ids.
    #[arg(long, default_value = "https://actorgraph.example/kg/")]
    pub base_iri: String,
    /// As for `build`: the confidence a relation needs to be in the graph files.
    #[arg(long, default_value_t = 0.5)]
    pub min_confidence: f64,
    /// Worker threads for writing (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Treat articles cut short by the work budget as errors.
    #[arg(long)]
    pub strict: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Formats of `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Text for people.
    Text,
    /// JSON for scripts.
    Json,
    /// A union graph with a status on every node and edge.
    Graphml,
    /// A union graph with status, colours and a two-version timeline.
    Gexf,
    /// A self-contained web page of the union graph, coloured by change, with the evidence.
    Html,
}

/// `actorgraph diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old build: an output folder or its graph.jsonld.
    pub old: PathBuf,
    /// The new build.
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

/// When to colour text output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// CaRB's tab-separated format: sentence, confidence, predicate, arg1, arg2.
    Carb,
    /// One statement per line as JSON.
    Jsonl,
}

/// `actorgraph extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A file with one sentence per line.
    #[arg(long)]
    pub sentences: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "carb")]
    pub format: ExtractFormat,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// `actorgraph model …`.
#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Train the tagger, lemmatizer and parser on a UD treebank folder (train split).
    Train(TrainArgs),
    /// Evaluate on a CoNLL-U file (gold tokenization).
    Evaluate(EvaluateArgs),
    /// Learn word classes from unlabelled text, for `model train --clusters`.
    Clusters(ClustersArgs),
    /// Score typed names (PER, ORG, LOC) end to end on an IOB2 file (UniversalNER):
    /// each sentence's raw text runs through the whole pipeline; exact span and type.
    EvaluateNer(EvaluateNerArgs),
    /// Train the name recognizer on IOB2 files and silver names (`scripts/ner_silver.py`).
    TrainNer(TrainNerArgs),
}

/// Which names `model evaluate-ner` scores.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NerSystem {
    /// The trained name recognizer.
    Model,
    /// The rule-based mention detection the entities are built from.
    Rules,
}

/// `actorgraph model evaluate-ner`.
#[derive(Debug, Args)]
pub struct EvaluateNerArgs {
    /// An IOB2 file (token, tag columns; `# text` comments are used when present).
    pub file: PathBuf,
    /// Print the scores as JSON (`overall` and per type, each with precision, recall, f1).
    #[arg(long)]
    pub json: bool,
    /// Which names to score.
    #[arg(long, value_enum, default_value = "model")]
    pub system: NerSystem,
    /// A name recognizer file (default: the built-in one).
    #[arg(long)]
    pub recognizer: Option<PathBuf>,
    /// Also print every sentence whose names differ from the gold ones (to stderr).
    #[arg(long)]
    pub errors: bool,
}

/// `actorgraph model train-ner`.
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Gold IOB2 files (UniversalNER EWT dev; never a test split).
    #[arg(long, num_args = 1..)]
    pub gold: Vec<PathBuf>,
    /// Silver JSONL files written by `scripts/ner_silver.py`.
    #[arg(long, num_args = 1..)]
    pub silver: Vec<PathBuf>,
    /// Where to write the recognizer.
    #[arg(long, default_value = "models/en-ner.agm")]
    pub out: PathBuf,
    /// Passes over the data.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// Seed of the shuffles.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Feature rows whose averaged weights are all below this are dropped.
    #[arg(long, default_value_t = 0.05)]
    pub prune: f32,
    /// Each gold sentence is seen this many times an epoch.
    #[arg(long, default_value_t = 3)]
    pub gold_repeat: usize,
    /// Also train on an upper-cased copy of every Nth silver text (0: none), for
    /// all-caps headlines.
    #[arg(long, default_value_t = 0)]
    pub upper_every: usize,
    /// The share of silver sentences without names that are kept (chosen by a generator
    /// seeded with `--seed`, so the choice is deterministic).
    #[arg(long, default_value_t = 0.3)]
    pub empty_keep: f64,
}

/// `actorgraph model clusters`.
#[derive(Debug, Args)]
pub struct ClustersArgs {
    /// Corpus inputs, as for `build` (folders, `.txt`/`.md`, JSONL, `-` for stdin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Also learn from the word forms of this treebank folder's `*-train.conllu` and
    /// `*-dev.conllu`.
    #[arg(long)]
    pub treebank: Option<PathBuf>,
    /// Where to write the word classes.
    #[arg(long)]
    pub out: PathBuf,
    /// Classes of the coarse clustering.
    #[arg(long, default_value_t = 32)]
    pub coarse: usize,
    /// Classes of the fine clustering.
    #[arg(long, default_value_t = 256)]
    pub fine: usize,
    /// Words seen fewer times get no class.
    #[arg(long, default_value_t = 3)]
    pub min_count: u32,
}

/// `actorgraph model train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Folder holding `*-train.conllu` (and `*-dev.conllu`, used for reporting).
    #[arg(long)]
    pub treebank: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "models/en-ewt.agm")]
    pub out: PathBuf,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Training epochs (0: the default for each component).
    #[arg(long, default_value_t = 0)]
    pub epochs: usize,
    /// Train on at most this many sentences (for quick trials and tests).
    #[arg(long)]
    pub limit: Option<usize>,
    /// Jack-knife folds for the parser's training tags (1: train the parser on gold tags).
    #[arg(long, default_value_t = 4)]
    pub folds: usize,
    /// Also train on `*-dev.conllu` (for the final model, once settled).
    #[arg(long)]
    pub with_dev: bool,
    /// Tagger weights below this absolute value are dropped when saving.
    #[arg(long, default_value_t = 0.3)]
    pub prune: f32,
    /// Train only the tagger and lemmatizer (the parser is left untrained), for quick trials.
    #[arg(long)]
    pub no_parser: bool,
    /// Word classes for the parser, written by `model clusters`.
    #[arg(long)]
    pub clusters: Option<PathBuf>,
    /// Give the word classes to the tagger too.
    #[arg(long, requires = "clusters")]
    pub tagger_clusters: bool,
    /// Parser feature rows whose weights are all below this are dropped (default 1.5;
    /// higher makes a smaller, faster parser).
    #[arg(long)]
    pub parser_prune: Option<f32>,
    /// Raw text (files, folders or `.jsonl`, as `build` reads) for silver parser data: the
    /// parser is trained with the sentences on which a left-to-right parser and a
    /// right-to-left partner agree.
    #[arg(long, num_args = 1..)]
    pub silver: Vec<PathBuf>,
    /// At most this many silver tokens (whole sentences; default: all agreed ones).
    #[arg(long)]
    pub silver_tokens: Option<usize>,
    /// Right-to-left partner parsers without word classes (seeds `seed`, `seed + 1`, …),
    /// besides the one with word classes that `--clusters` adds.
    #[arg(long, default_value_t = 2)]
    pub silver_partners: usize,
    /// Use the word classes of `--clusters` only for the silver data's right-to-left
    /// partner, not in the final parser (no class lookups when parsing).
    #[arg(long, requires = "clusters")]
    pub silver_clusters_only: bool,
    /// Train the parser N times (seeds `seed`, `seed + 1`, …) and keep the mean of their
    /// weights: an ensemble at one parser's parsing cost, N times the training work.
    #[arg(long, default_value_t = 1)]
    pub parser_average: usize,
}

/// `actorgraph model evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// A CoNLL-U file.
    #[arg(long)]
    pub treebank: PathBuf,
    /// A model file (default: the built-in model).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Prune tagger weights below this before evaluating (to choose a pruning threshold).
    #[arg(long)]
    pub prune_tagger: Option<f32>,
    /// Also list the N most frequent UPOS and lemma errors.
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
    /// Run the speed pass N times and report the fastest (best of N).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub repeat: usize,
}
