//! `actorgraph diff`. STUB.

use super::Outcome;
use crate::cli::DiffArgs;

/// Runs `actorgraph diff`.
pub fn run(_args: DiffArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}
