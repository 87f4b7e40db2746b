//! `quartier log`: The history of one record (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// The history of one record
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier log` is not built yet"))
}
