//! `quartier contact` (v2): short contacts — a walk-in, a phone call, a
//! message — with someone who is not (yet) a client. Every flag comes from
//! the schema (`schema/contact.rs`); nothing here knows a key but the list
//! filters.

mod add;
mod edit;
mod list;
mod show;

use crate::cli::Globals;
use crate::error::Result;
use crate::model::Contact;

crate::flag_sets! {
    AddFlags = Contact, Add;
    EditFlags = Contact, Edit;
}

/// Short contacts without a client code: add, list, show, edit.
///
/// Example: quartier contact add --kind phone --topics residence --referred-to auslaenderbehoerde
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

/// Newest first: date, then time, then id, all descending.
pub fn newest_first(a: &Contact, b: &Contact) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then(b.time.cmp(&a.time))
        .then(b.id.cmp(&a.id))
}
