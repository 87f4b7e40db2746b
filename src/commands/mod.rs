//! One module per command: a clap `Args` struct whose doc comment is the help
//! text, and one `run` function. Groups of sub-commands are folders.

pub mod agenda;
pub mod agenda_consents;
pub mod appointment;
pub mod check;
pub mod client;
pub mod completions;
pub mod contact;
pub mod delete;
pub mod demo;
pub mod directory;
pub mod edit;
pub mod event;
pub mod fields;
pub mod flyer;
pub mod form;
pub mod git_hook;
pub mod import;
pub mod init;
pub mod log;
pub mod man;
pub mod partner;
pub mod referral;
pub mod reminders;
pub mod report;
pub mod retention;
pub mod search;
pub mod shared;
pub mod sponsor;
pub mod status;
pub mod sync;
pub mod topics;

use crate::cli::Globals;
use crate::error::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::Args),
    Check(check::Args),
    Sponsor(sponsor::Args),
    Partner(partner::Args),
    Client(client::Args),
    Appointment(appointment::Args),
    Referral(referral::Args),
    Event(event::Args),
    Contact(contact::Args),
    Agenda(agenda::Args),
    Search(search::Args),
    Status(status::Args),
    Topics(topics::Args),
    Report(report::Args),
    Directory(directory::Args),
    Flyer(flyer::Args),
    Edit(edit::Args),
    Delete(delete::Args),
    Retention(retention::Args),
    Sync(sync::Args),
    Log(log::Args),
    GitHook(git_hook::Args),
    Import(import::Args),
    Completions(completions::Args),
    Man(man::Args),
    Demo(demo::Args),
}

/// What adds a command's arguments to its (empty) clap command.
pub(crate) type MakeArgs = fn(clap::Command) -> clap::Command;

/// Every [`Command`] by name with the function that makes its arguments, in
/// the enum's order: the parse of a start (`crate::cli`) makes only the
/// arguments of the command given. `cli::lazy::tests` holds it to the enum.
pub(crate) const BY_NAME: &[(&str, MakeArgs)] = &[
    ("init", <init::Args as clap::Args>::augment_args),
    ("check", <check::Args as clap::Args>::augment_args),
    ("sponsor", <sponsor::Args as clap::Args>::augment_args),
    ("partner", <partner::Args as clap::Args>::augment_args),
    ("client", <client::Args as clap::Args>::augment_args),
    (
        "appointment",
        <appointment::Args as clap::Args>::augment_args,
    ),
    ("referral", <referral::Args as clap::Args>::augment_args),
    ("event", <event::Args as clap::Args>::augment_args),
    ("contact", <contact::Args as clap::Args>::augment_args),
    ("agenda", <agenda::Args as clap::Args>::augment_args),
    ("search", <search::Args as clap::Args>::augment_args),
    ("status", <status::Args as clap::Args>::augment_args),
    ("topics", <topics::Args as clap::Args>::augment_args),
    ("report", <report::Args as clap::Args>::augment_args),
    ("directory", <directory::Args as clap::Args>::augment_args),
    ("flyer", <flyer::Args as clap::Args>::augment_args),
    ("edit", <edit::Args as clap::Args>::augment_args),
    ("delete", <delete::Args as clap::Args>::augment_args),
    ("retention", <retention::Args as clap::Args>::augment_args),
    ("sync", <sync::Args as clap::Args>::augment_args),
    ("log", <log::Args as clap::Args>::augment_args),
    ("git-hook", <git_hook::Args as clap::Args>::augment_args),
    ("import", <import::Args as clap::Args>::augment_args),
    (
        "completions",
        <completions::Args as clap::Args>::augment_args,
    ),
    ("man", <man::Args as clap::Args>::augment_args),
    ("demo", <demo::Args as clap::Args>::augment_args),
];

pub fn run(command: Command, globals: &Globals) -> Result<()> {
    match command {
        Command::Init(a) => init::run(a, globals),
        Command::Check(a) => check::run(a, globals),
        Command::Sponsor(a) => sponsor::run(a, globals),
        Command::Partner(a) => partner::run(a, globals),
        Command::Client(a) => client::run(a, globals),
        Command::Appointment(a) => appointment::run(a, globals),
        Command::Referral(a) => referral::run(a, globals),
        Command::Event(a) => event::run(a, globals),
        Command::Contact(a) => contact::run(a, globals),
        Command::Agenda(a) => agenda::run(a, globals),
        Command::Search(a) => search::run(a, globals),
        Command::Status(a) => status::run(a, globals),
        Command::Topics(a) => topics::run(a, globals),
        Command::Report(a) => report::run(a, globals),
        Command::Directory(a) => directory::run(a, globals),
        Command::Flyer(a) => flyer::run(a, globals),
        Command::Edit(a) => edit::run(a, globals),
        Command::Delete(a) => delete::run(a, globals),
        Command::Retention(a) => retention::run(a, globals),
        Command::Sync(a) => sync::run(a, globals),
        Command::Log(a) => log::run(a, globals),
        Command::GitHook(a) => git_hook::run(a, globals),
        Command::Import(a) => import::run(a, globals),
        Command::Completions(a) => completions::run(a, globals),
        Command::Man(a) => man::run(a, globals),
        Command::Demo(a) => demo::run(a, globals),
    }
}
