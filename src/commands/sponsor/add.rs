//! `quartier sponsor add`.

use crate::cli::Globals;
use crate::commands::shared::{Change, CommitArg, Need, date_arg, report_written};
use crate::error::{CommandError, Result};
use crate::model::read::is_slug;
use crate::model::{Field, Kind, Record, Sponsor, SponsorStatus};
use chrono::NaiveDate;

/// Add an ESF project sponsor. `--id` is the short name (slug) used in other
/// records, e.g. `kinderbuero-west`.
///
/// Example: quartier sponsor add --id kinderbuero-west --name "Kinderbüro West e.V." --project "Lernwerkstatt" --field youth-education --start 2026-01-01
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Slug: lower-case letters, digits and `-`
    #[arg(long)]
    pub id: Option<String>,
    /// Organisation
    #[arg(long)]
    pub name: Option<String>,
    /// Project title
    #[arg(long)]
    pub project: Option<String>,
    #[arg(long)]
    pub field: Option<Field>,
    /// First day of the project
    #[arg(long, value_parser = date_arg)]
    pub start: Option<NaiveDate>,
    /// Last day of the project
    #[arg(long, value_parser = date_arg)]
    pub end: Option<NaiveDate>,
    /// Contact role or person at the sponsor
    #[arg(long)]
    pub contact: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long, default_value = "active")]
    pub status: SponsorStatus,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let mut need = Need::new();
    let id = need.text("--id", "Kurzname (slug), z. B. kinderbuero-west:", args.id)?;
    let name = need.text("--name", "Organisation:", args.name)?;
    let project = need.text("--project", "Projekt:", args.project)?;
    let field = need.code("--field", "Förderbereich:", args.field, lang)?;
    let start = need.parsed(
        "--start",
        "Projektbeginn (YYYY-MM-DD):",
        args.start,
        date_arg,
    )?;
    need.finish()?;
    let (Some(id), Some(name), Some(project), Some(field), Some(start)) =
        (id, name, project, field, start)
    else {
        unreachable!("Need::finish fails when a value is missing")
    };
    if !is_slug(&id) {
        return Err(CommandError::usage(format!(
            "--id `{id}` is not a valid slug: lower-case letters, digits and `-`, e.g. kinderbuero-west"
        )));
    }
    let sponsor = Sponsor {
        id,
        name,
        project,
        field,
        start,
        end: args.end,
        contact: args.contact,
        email: args.email,
        phone: args.phone,
        status: args.status,
        planned_participants: None,
        continuation: None,
        continuation_notes: None,
        notes: args.notes,
        deadlines: Vec::new(),
    };
    let (record, path) = store.create(&config, Kind::Sponsor, None, |_| {
        Record::Sponsor(sponsor.clone())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Sponsor,
            verb: "add",
            id: record.id(),
            path: &path,
            moved_from: None,
        },
    )
}
