//! `quartier event`: Information events and network meetings: add, list, show, edit, done, cancel (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Information events and network meetings: add, list, show, edit, done, cancel
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier event` is not built yet"))
}
