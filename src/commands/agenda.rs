//! `quartier agenda`: Planned appointments and events, due follow-ups and stale sponsors (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Planned appointments and events, due follow-ups and stale sponsors
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier agenda` is not built yet"))
}
