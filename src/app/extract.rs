//! `actorgraph extract`. STUB.

use super::Outcome;
use crate::cli::ExtractArgs;

/// Runs `actorgraph extract`.
pub fn run(_args: ExtractArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("not implemented yet")
}
