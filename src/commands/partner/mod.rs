//! `quartier partner`: Partner organisations and the directory of competences: add, list, show, edit (not built yet).

use crate::cli::Globals;
use crate::error::{CommandError, Result};

/// Partner organisations and the directory of competences: add, list, show, edit
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    Err(CommandError::data("`quartier partner` is not built yet"))
}
