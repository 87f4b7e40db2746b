//! `quartier man`: the manual page.

use crate::cli::{Cli, Globals};
use crate::error::{CommandError, Result};
use clap::CommandFactory;

/// Print the manual page (roff).
///
/// Example: quartier man > ~/.local/share/man/man1/quartier.1
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _globals: &Globals) -> Result<()> {
    let man = clap_mangen::Man::new(Cli::command());
    man.render(&mut std::io::stdout())
        .map_err(|e| CommandError::data(format!("cannot write the manual page: {e}")))
}
