//! `quartier sponsor`: the ESF project sponsors the office accompanies.

mod add;
pub mod deadline;
mod edit;
mod end;
mod list;
mod show;

use crate::cli::Globals;
use crate::error::Result;

crate::flag_sets! {
    AddFlags = Sponsor, Add;
    EditFlags = Sponsor, Edit;
}

/// ESF project sponsors: add, list, show, edit, end, deadline add|done.
///
/// Example: quartier sponsor list --status active
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
    End(end::Args),
    Deadline(deadline::Args),
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    match args.command {
        Command::Add(a) => add::run(a, globals),
        Command::List(a) => list::run(a, globals),
        Command::Show(a) => show::run(a, globals),
        Command::Edit(a) => edit::run(a, globals),
        Command::End(a) => end::run(a, globals),
        Command::Deadline(a) => deadline::run(a, globals),
    }
}
