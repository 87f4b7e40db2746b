//! `quartier event list`.

use super::newest_first;
use crate::cli::Globals;
use crate::commands::shared::{
    DateFilter, date_time_cell, load_listed, print_json, print_table, table,
};
use crate::error::Result;
use crate::model::Kind;

/// List events, newest first.
///
/// Only the month folders the date filters reach
/// are read.
///
/// Example: quartier event list --from 2026-01-01 --kind network
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: crate::commands::shared::Filters<ListFilters>,
    #[command(flatten)]
    pub dates: DateFilter,
    /// table (default) or ics: an iCalendar file to publish (titles, place,
    /// time and languages only), e.g. --format ics --from heute --out veranstaltungen.ics
    #[arg(long, value_enum, default_value_t = EventListFormat::Table)]
    pub format: EventListFormat,
    /// With --format ics: write to FILE (`-`: standard output, the default)
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

crate::filter_set!(ListFilters = Event);

/// What `event list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EventListFormat {
    Table,
    Ics,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let wanted = args.filters.wanted(&store, &config)?;
    let loaded = load_listed(&store, &config, Kind::Event, Some(&args.dates))?;
    let mut events = wanted.keep(&loaded.records.events, |e| args.dates.matches(e.date));
    events.sort_by(|a, b| newest_first(a, b));
    args.limit.apply(&mut events, globals.json);
    if args.format == EventListFormat::Ics {
        // oldest first, as a calendar reads
        let text = crate::ics::events(
            events.iter().rev().copied(),
            &config,
            crate::ics::Options {
                with_codes: false,
                lang,
                stamp: chrono::Utc::now(),
            },
        );
        let out = args.out.unwrap_or_else(|| "-".into());
        return crate::out::write(&out, store.root(), text.as_bytes());
    }
    if args.out.is_some() {
        return Err(crate::error::CommandError::usage(crate::tr!(
            "event.out-needs-ics"
        )));
    }
    if globals.json {
        return print_json(&events);
    }
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.title",
            "ui.heading.kind",
            "ui.heading.status",
            "ui.heading.participants",
        ],
    );
    for e in &events {
        t.add_row(vec![
            date_time_cell(e.date, e.time, lang),
            e.id.clone(),
            e.title.clone(),
            e.kind.label(lang).to_string(),
            e.status.label(lang).to_string(),
            e.participants
                .map(|p| p.total.to_string())
                .unwrap_or_default(),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
