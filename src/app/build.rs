//! `actorgraph build`. STUB.

use super::Outcome;
use crate::cli::BuildArgs;

/// Runs `actorgraph build`.
pub fn run(_args: BuildArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}
