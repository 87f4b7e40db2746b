//! `quartier sponsor`: ESF project sponsors: add, list, show, edit, end (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// ESF project sponsors: add, list, show, edit, end
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier sponsor` is not built yet"))
}
