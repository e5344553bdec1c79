//! Runs a parsed command line. Each subcommand lives in its own file.

mod build;
mod diff;
mod extract;
mod merge;
mod model;
mod ner;
mod progress;

use crate::cli::{Cli, Command, ModelCommand};

/// How a successful run ended, for the exit code.
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: `diff` found differences.
    Different,
}

/// Runs the command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Model(ModelCommand::Train(args)) => model::train(args),
        Command::Model(ModelCommand::Evaluate(args)) => model::evaluate(args),
        Command::Model(ModelCommand::Clusters(args)) => model::clusters(args),
        Command::Model(ModelCommand::EvaluateNer(args)) => ner::evaluate(args),
        Command::Model(ModelCommand::TrainNer(args)) => ner::train(args),
    }
}

/// `1 sentence`, `2 sentences`, `1 entity`, `3 entities`: every count a person reads.
pub(crate) fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}
