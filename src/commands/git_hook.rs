//! `quartier git-hook`: Install a pre-commit hook that runs quartier check (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Install a pre-commit hook that runs quartier check
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier git-hook` is not built yet"))
}
