//! `quartier client`: pseudonymous clients of the asylum interface. There
//! are deliberately no flags for names, addresses, phone numbers or e-mail.

mod edit;
mod list;
mod merge;
mod new;
mod show;

use crate::cli::Globals;
use crate::error::Result;

crate::flag_sets! {
    AddFlags = Client, Add;
    EditFlags = Client, Edit;
}

/// Pseudonymous clients: new, list, show, edit. A client is a code such as
/// K-7F3A2B — never a name, address, phone number or full birth date.
///
/// Example: quartier client new --gender f --birth-year 1990 --origin SY --languages ar --district Lindenau
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    New(new::Args),
    List(list::Args),
    Show(show::Args),
    Edit(edit::Args),
    Merge(merge::Args),
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    match args.command {
        Command::New(a) => new::run(a, globals),
        Command::List(a) => list::run(a, globals),
        Command::Show(a) => show::run(a, globals),
        Command::Edit(a) => edit::run(a, globals),
        Command::Merge(a) => merge::run(a, globals),
    }
}
