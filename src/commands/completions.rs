//! `quartier completions SHELL`: shell completion scripts.

use crate::cli::{Cli, Globals};
use crate::commands::shared::write_stdout;
use crate::error::Result;
use clap::CommandFactory;
use clap_complete::Shell;

/// Print a completion script for your shell. Needs no records folder.
///
/// Example: quartier completions bash > ~/.local/share/bash-completion/completions/quartier
#[derive(Debug, clap::Args)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell
    pub shell: Shell,
}

pub fn run(args: Args, _globals: &Globals) -> Result<()> {
    // Shells that show descriptions (zsh, fish) show them in the interface language.
    let mut cmd = crate::i18n::help::localize(Cli::command(), crate::i18n::lang());
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "quartier", &mut script);
    write_stdout(&script)
}
