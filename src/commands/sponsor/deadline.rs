//! `quartier sponsor deadline add|done`: a sponsor's deadlines
//! (`[[deadlines]]`). A deadline is named by its sponsor, `--kind` and
//! `--due`, which are unique together — no positions that shift when one is
//! added. The rest of the file (comments, order) stays as it was.

use crate::cli::Globals;
use crate::commands::shared::{Change, CommitArg, date_arg, report_written};
use crate::error::{CommandError, Result};
use crate::model::write::date_value;
use crate::model::{DeadlineKind, Kind, Record};
use chrono::NaiveDate;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

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

fn not_in_future(day: NaiveDate, flag: &str) -> Result<()> {
    let today = crate::dates::today();
    if day > today {
        return Err(CommandError::usage(format!(
            "{flag} {day} lies in the future: a deadline is done on the day it was handed in"
        )));
    }
    Ok(())
}

/// The entries of `[[deadlines]]`, created when absent.
fn entries(doc: &mut DocumentMut) -> Result<&mut ArrayOfTables> {
    if doc.get("deadlines").is_none() {
        doc.insert("deadlines", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    doc.get_mut("deadlines")
        .and_then(Item::as_array_of_tables_mut)
        .ok_or_else(|| {
            CommandError::data(
                "`deadlines` in this file is not a list of [[deadlines]] tables: run `quartier check` and fix it first".to_string(),
            )
        })
}

fn names(t: &Table, kind: DeadlineKind, due: NaiveDate) -> bool {
    t.get("kind").and_then(Item::as_str) == Some(kind.code())
        && t.get("due")
            .and_then(Item::as_datetime)
            .is_some_and(|d| d.to_string() == due.to_string())
}

fn add(args: AddArgs, globals: &Globals) -> Result<()> {
    if let Some(d) = args.done {
        not_in_future(d, "--done")?;
    }
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Sponsor, &args.sponsor)?;
    let (_, path) = store.update(&config, Kind::Sponsor, &path, |doc| {
        let list = entries(doc)?;
        if list.iter().any(|t| names(t, args.kind, args.due)) {
            return Err(CommandError::data(format!(
                "{id} already has a {} deadline due {}: nothing was written",
                args.kind.code(),
                args.due
            )));
        }
        let mut t = Table::new();
        t.insert("kind", toml_edit::value(args.kind.code()));
        t.insert("due", Item::Value(date_value(args.due)));
        if let Some(d) = args.done {
            t.insert("done", Item::Value(date_value(d)));
        }
        if let Some(n) = &args.notes {
            t.insert("notes", toml_edit::value(n.as_str()));
        }
        list.push(t);
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
    not_in_future(day, "--date")?;
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Sponsor, &args.sponsor)?;
    let (record, path) = store.update(&config, Kind::Sponsor, &path, |doc| {
        let list = entries(doc)?;
        let known: Vec<String> = list
            .iter()
            .map(|t| {
                format!(
                    "--kind {} --due {}",
                    t.get("kind").and_then(Item::as_str).unwrap_or("?"),
                    t.get("due")
                        .and_then(Item::as_datetime)
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                )
            })
            .collect();
        let Some(t) = list.iter_mut().find(|t| names(t, args.kind, args.due)) else {
            return Err(CommandError::data(format!(
                "{id} has no {} deadline due {}; its deadlines: {}",
                args.kind.code(),
                args.due,
                if known.is_empty() {
                    "none (add one with `quartier sponsor deadline add`)".to_string()
                } else {
                    known.join("; ")
                }
            )));
        };
        if let Some(old) = t.get("done").and_then(Item::as_datetime) {
            return Err(CommandError::data(format!(
                "{id}: the {} deadline due {} was already marked done on {old}; to correct it use `quartier edit {id}`",
                args.kind.code(),
                args.due
            )));
        }
        t.insert("done", Item::Value(date_value(day)));
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
            match globals.lang(&config) {
                crate::model::Lang::De => format!(
                    "Hinweis: {} Tag(e) nach der Frist abgegeben.",
                    (day - args.due).num_days()
                ),
                crate::model::Lang::En => format!(
                    "note: handed in {} day(s) after the deadline.",
                    (day - args.due).num_days()
                ),
            }
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
