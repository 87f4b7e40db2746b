//! `quartier appointment`: Consultations and sponsor meetings: add, list, show, edit, done, cancel, no-show (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Consultations and sponsor meetings: add, list, show, edit, done, cancel, no-show
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data(
        "`quartier appointment` is not built yet",
    ))
}
