//! `quartier report`: ESF activity reports: monthly, quarterly, yearly, period (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// ESF activity reports: monthly, quarterly, yearly, period
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier report` is not built yet"))
}
