//! `quartier client`: Pseudonymous clients: new, list, show, edit (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Pseudonymous clients: new, list, show, edit
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier client` is not built yet"))
}
