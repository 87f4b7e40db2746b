//! `quartier event add`.

use super::{Counts, default_status};
use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, Need, check_languages, check_topics, clean_list, date_arg, report_written,
    resolve_ref, time_arg, warn_about,
};
use crate::error::{CommandError, Result};
use crate::model::{Event, EventKind, EventStatus, Kind, Record};
use chrono::{NaiveDate, NaiveTime};

/// Add an event.
///
/// The status is `done` for today or earlier (then the
/// participant counts are needed, at least `--total`) and `planned` for a later day.
///
/// Example: quartier event add --date 2026-11-20 --title "Infoabend Wohnen" --kind info --topics housing --total 18 --women 10 --men 8 --migrants 15
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Day: YYYY-MM-DD, today, yesterday, tomorrow [default: today]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// Start time, HH:MM
    #[arg(long, value_parser = time_arg)]
    pub time: Option<NaiveTime>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub kind: Option<EventKind>,
    /// [default: done when the day has come, else planned]
    #[arg(long)]
    pub status: Option<EventStatus>,
    /// Topic codes; commas or repetition
    #[arg(long, value_delimiter = ',')]
    pub topics: Vec<String>,
    #[arg(long)]
    pub location: Option<String>,
    /// Partner slugs; commas or repetition
    #[arg(long, value_delimiter = ',')]
    pub partners: Vec<String>,
    /// Sponsor slugs (for network meetings); commas or repetition
    #[arg(long, value_delimiter = ',')]
    pub sponsors: Vec<String>,
    /// ISO 639-1 codes; commas or repetition
    #[arg(long, value_delimiter = ',')]
    pub languages: Vec<String>,
    /// Interpreting was offered
    #[arg(long)]
    pub interpreter: bool,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub counts: Counts,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let today = crate::dates::today();
    let date = args.date.unwrap_or(today);
    let status = args.status.unwrap_or_else(|| default_status(date, today));
    if status == EventStatus::Done && date > today {
        return Err(CommandError::usage(format!(
            "an event on {date} lies in the future and cannot be `done` yet: leave out --status (it becomes `planned`) and run `quartier event done ID --total N` afterwards"
        )));
    }
    let mut need = Need::new();
    let title = need.text("--title", "Titel:", args.title.clone())?;
    let kind = need.code("--kind", "Art der Veranstaltung:", args.kind, lang)?;
    let mut counts = args.counts.clone();
    if status == EventStatus::Done {
        counts.total = need.parsed("--total", "Teilnehmende insgesamt:", counts.total, |s| {
            s.trim()
                .parse::<u32>()
                .map_err(|_| format!("`{s}` is not a count"))
        })?;
    }
    need.finish()?;
    let (Some(title), Some(kind)) = (title, kind) else {
        unreachable!("Need::finish fails when a value is missing")
    };
    let participants = if counts.total.is_some() {
        Some(counts.resolve(None)?)
    } else if counts.any() {
        return Err(CommandError::usage(
            "participant counts need --total as well",
        ));
    } else {
        None
    };
    let topics = clean_list(&args.topics);
    check_topics(&config, &topics, "--topics")?;
    let languages = check_languages(&clean_list(&args.languages), "--languages")?;
    let partners = clean_list(&args.partners)
        .iter()
        .map(|p| resolve_ref(&store, Kind::Partner, "--partners", p))
        .collect::<Result<Vec<_>>>()?;
    let sponsors = clean_list(&args.sponsors)
        .iter()
        .map(|s| resolve_ref(&store, Kind::Sponsor, "--sponsors", s))
        .collect::<Result<Vec<_>>>()?;
    let event = Event {
        id: String::new(),
        date,
        time: args.time,
        title,
        kind,
        status,
        topics,
        location: args.location,
        partners,
        sponsors,
        languages,
        interpreter: args.interpreter,
        notes: args.notes,
        participants,
    };
    let (record, path) = store.create(&config, Kind::Event, Some(date), |id| {
        Record::Event(Event {
            id: id.unwrap_or_default(),
            ..event.clone()
        })
    })?;
    warn_about(&store, &config, &path);
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Event,
            verb: "add",
            id: record.id(),
            path: &path,
            moved_from: None,
        },
    )
}
