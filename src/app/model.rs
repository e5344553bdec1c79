//! `actorgraph model train|evaluate`. STUB.

use super::Outcome;
use crate::cli::{EvaluateArgs, TrainArgs};

/// Runs `actorgraph model train`.
pub fn train(_args: TrainArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}

/// Runs `actorgraph model evaluate`.
pub fn evaluate(_args: EvaluateArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}
