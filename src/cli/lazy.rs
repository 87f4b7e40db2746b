//! The command line of a start: [`Cli`] with each command's arguments made
//! only when it is the command given (clap's `Command::defer`). Building
//! every command's arguments was two thirds of a start's instructions, and
//! a start needs one command's. Help, version and usage errors are never
//! rendered from this tree: `cli::main` parses them again with the whole,
//! localized tree, and so do the help, manual pages and completions.

use super::{Cli, Globals};
use crate::commands::{BY_NAME, Command};
use clap::{ArgMatches, FromArgMatches, Parser};

// [`Cli`] with the commands made when used: its attributes and its doc
// comment (about, long about and so the help flag's text) are Cli's, and
// its group has Cli's name (tests::the_lazy_tree_accepts_what_the_whole_tree_accepts).
/// Records and ESF activity reports for a neighbourhood management office.
///
/// Example: quartier report monthly --previous
#[derive(Debug, Parser)]
#[command(
    name = "quartier",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[group(id = "Cli")]
pub(super) struct LazyCli {
    #[command(flatten)]
    globals: Globals,
    #[command(subcommand)]
    command: Lazy,
}

impl From<LazyCli> for Cli {
    fn from(lazy: LazyCli) -> Cli {
        Cli {
            globals: lazy.globals,
            command: lazy.command.0,
        }
    }
}

/// [`Command`], read from the same matches.
#[derive(Debug)]
struct Lazy(Command);

impl FromArgMatches for Lazy {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        Command::from_arg_matches(m).map(Lazy)
    }

    fn from_arg_matches_mut(m: &mut ArgMatches) -> Result<Self, clap::Error> {
        Command::from_arg_matches_mut(m).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(m)
    }
}

impl clap::Subcommand for Lazy {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        BY_NAME.iter().fold(cmd, |cmd, (name, augment)| {
            cmd.subcommand(clap::Command::new(*name).defer(*augment))
        })
    }

    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        <Command as clap::Subcommand>::has_subcommand(name)
    }
}

#[cfg(test)]
mod tests;
