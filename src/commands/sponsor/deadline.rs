//! `quartier sponsor deadline add|done`: a sponsor's deadlines
//! (`[[deadlines]]`). A deadline is named by its sponsor, `--kind` and
//! `--due`, which are unique together — no positions that shift when one is
//! added. The rest of the file (comments, order) stays as it was.

use crate::cli::Globals;
use crate::commands::fields::{Naming, change_record};
use crate::commands::shared::{Change, CommitArg, date_arg, report_written};
use crate::error::{CommandError, Result};
use crate::model::{Deadline, DeadlineKind, Kind, Record, Sponsor};
use chrono::NaiveDate;

/// A sponsor's deadlines (Sachbericht, Mittelabruf, …): add, done.
///
/// A deadline is named by the sponsor, --kind and --due; a sponsor has at
/// most one deadline of a kind on a day.
///
/// Example: quartier sponsor deadline add kinderhaus-lindenau --kind sachbericht --due 2027-01-31
/// Example: quartier sponsor deadline done kinderhaus-lindenau --kind sachbericht --due 2027-01-31
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Add(AddArgs),
    Done(DoneArgs),
}

/// Add a deadline to a sponsor
///
/// Example: quartier sponsor deadline add kinderhaus-lindenau --kind mittelabruf --due 15.01.2027
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// Sponsor slug (or a unique end of it)
    pub sponsor: String,
    /// sachbericht, mittelabruf, verwendungsnachweis, participant-data or other
    #[arg(long)]
    pub kind: DeadlineKind,
    /// The day it has to be handed in by
    #[arg(long, value_parser = date_arg)]
    pub due: NaiveDate,
    /// The day it was handed in, when it already was
    #[arg(long, value_parser = date_arg)]
    pub done: Option<NaiveDate>,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

/// Mark a sponsor's deadline as handed in (today unless --date)
///
/// Example: quartier sponsor deadline done kinderhaus-lindenau --kind sachbericht --due 2027-01-31 --date gestern
#[derive(Debug, clap::Args)]
pub struct DoneArgs {
    /// Sponsor slug (or a unique end of it)
    pub sponsor: String,
    #[arg(long)]
    pub kind: DeadlineKind,
    /// The due date that names the deadline
    #[arg(long, value_parser = date_arg)]
    pub due: NaiveDate,
    /// The day it was handed in [default: today]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    match args.command {
        Command::Add(a) => add(a, globals),
        Command::Done(a) => done(a, globals),
    }
}

/// How the findings of a deadline change name their cause.
const NAMED: &[(&str, &str)] = &[
    ("deadlines.kind", "--kind"),
    ("deadlines.due", "--due"),
    ("deadlines.notes", "--notes"),
];

/// The sponsor's deadline of `kind` due on `due`.
fn find(s: &mut Sponsor, kind: DeadlineKind, due: NaiveDate) -> Option<&mut Deadline> {
    s.deadlines
        .iter_mut()
        .find(|d| d.kind == kind && d.due == due)
}

fn add(args: AddArgs, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Sponsor, &args.sponsor)?;
    // the rule book judges the change (done in the future, listed twice)
    let flags: Vec<(&str, &str)> = NAMED
        .iter()
        .copied()
        .chain([("deadlines.done", "--done")])
        .collect();
    let named = Naming {
        command: "sponsor deadline add",
        flags: &flags,
    };
    let (_, path) = change_record(&store, &config, Kind::Sponsor, &path, named, |r| {
        let Record::Sponsor(s) = r else {
            return Ok(());
        };
        if find(s, args.kind, args.due).is_some() {
            return Err(CommandError::data(crate::tr!(
                "deadline.exists",
                id = id,
                kind = args.kind.code(),
                due = crate::report::labels::date(args.due, crate::i18n::lang())
            )));
        }
        s.deadlines.push(Deadline {
            kind: args.kind,
            due: args.due,
            done: args.done,
            notes: args.notes.clone().filter(|n| !n.trim().is_empty()),
        });
        Ok(())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Sponsor,
            verb: "deadline add",
            id: &id,
            path: &path,
            moved_from: None,
        },
    )
}

fn done(args: DoneArgs, globals: &Globals) -> Result<()> {
    let day = args.date.unwrap_or_else(crate::dates::today);
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Sponsor, &args.sponsor)?;
    let flags: Vec<(&str, &str)> = NAMED
        .iter()
        .copied()
        .chain([("deadlines.done", "--date")])
        .collect();
    let named = Naming {
        command: "sponsor deadline done",
        flags: &flags,
    };
    let (record, path) = change_record(&store, &config, Kind::Sponsor, &path, named, |r| {
        let Record::Sponsor(s) = r else {
            return Ok(());
        };
        let known: Vec<String> = s
            .deadlines
            .iter()
            .map(|d| format!("--kind {} --due {}", d.kind.code(), d.due))
            .collect();
        let Some(d) = find(s, args.kind, args.due) else {
            return Err(CommandError::data(crate::tr!(
                "deadline.no-such",
                id = id,
                kind = args.kind.code(),
                due = crate::report::labels::date(args.due, crate::i18n::lang()),
                known = if known.is_empty() {
                    crate::tr!("deadline.none-yet")
                } else {
                    known.join("; ")
                }
            )));
        };
        if let Some(old) = d.done {
            return Err(CommandError::data(crate::tr!(
                "deadline.already-done",
                id = id,
                kind = args.kind.code(),
                due = crate::report::labels::date(args.due, crate::i18n::lang()),
                old = crate::report::labels::date(old, crate::i18n::lang())
            )));
        }
        d.done = Some(day);
        Ok(())
    })?;
    if let Record::Sponsor(s) = &record
        && let Some(d) = s
            .deadlines
            .iter()
            .find(|d| d.kind == args.kind && d.due == args.due)
        && !d.met()
        && !globals.json
    {
        eprintln!(
            "{}",
            crate::tr_in!(
                globals.lang(&config),
                "deadline.late",
                days = (day - args.due).num_days()
            )
        );
    }
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Sponsor,
            verb: "deadline done",
            id: &id,
            path: &path,
            moved_from: None,
        },
    )
}
