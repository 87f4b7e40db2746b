//! `quartier sync`: Pull with rebase, check, push (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Pull with rebase, check, push
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier sync` is not built yet"))
}
