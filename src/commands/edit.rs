//! `quartier edit`: Open a record in $EDITOR and validate it before it replaces the file (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Open a record in $EDITOR and validate it before it replaces the file
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier edit` is not built yet"))
}
