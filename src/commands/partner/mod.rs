//! `quartier partner`: the organisations clients are referred to, and with
//! them the directory of who helps with what, in which language.

mod add;
mod edit;
mod list;
mod show;

use crate::cli::Globals;
use crate::error::Result;

crate::flag_sets! {
    AddFlags = Partner, Add;
    EditFlags = Partner, Edit;
}

/// Partner organisations and the directory of competences: add, list, show, edit.
///
/// Example: quartier partner list --offers housing --language ar
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Add(add::Args),
    List(list::Args),
    Show(show::Args),
    Edit(edit::Args),
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    match args.command {
        Command::Add(a) => add::run(a, globals),
        Command::List(a) => list::run(a, globals),
        Command::Show(a) => show::run(a, globals),
        Command::Edit(a) => edit::run(a, globals),
    }
}
