//! `quartier demo`: Generate a synthetic records folder (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Generate a synthetic records folder
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier demo` is not built yet"))
}
