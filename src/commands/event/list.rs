//! `quartier event list`.

use super::newest_first;
use crate::cli::Globals;
use crate::commands::shared::{
    DateFilter, date_time_cell, filter_ref, filter_topic, print_json, print_table, refuse_errors,
    table,
};
use crate::error::Result;
use crate::model::{EventKind, EventStatus, Kind};
use crate::store::Scope;

/// List events, newest first.
///
/// Only the month folders the date filters reach
/// are read.
///
/// Example: quartier event list --from 2026-01-01 --kind network
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    pub status: Option<EventStatus>,
    #[arg(long)]
    pub kind: Option<EventKind>,
    /// Only events with this topic
    #[arg(long)]
    pub topic: Option<String>,
    /// Only events with this partner (slug or a unique end of it)
    #[arg(long)]
    pub partner: Option<String>,
    /// Only events with this sponsor (slug or a unique end of it)
    #[arg(long)]
    pub sponsor: Option<String>,
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

/// What `event list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EventListFormat {
    Table,
    Ics,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let partner = filter_ref(&store, Kind::Partner, "--partner", &args.partner)?;
    let topic = filter_topic(&config, "--topic", &args.topic)?;
    let sponsor = filter_ref(&store, Kind::Sponsor, "--sponsor", &args.sponsor)?;
    let scope = Scope {
        events: vec![args.dates.month_range()],
        ..Scope::default()
    };
    let loaded = store.load(&config, &scope);
    refuse_errors(&loaded)?;
    let mut events: Vec<_> = loaded
        .records
        .events
        .iter()
        .map(|e| &e.record)
        .filter(|e| args.dates.matches(e.date))
        .filter(|e| args.status.is_none_or(|s| e.status == s))
        .filter(|e| args.kind.is_none_or(|k| e.kind == k))
        .filter(|e| topic.as_ref().is_none_or(|t| e.topics.contains(t)))
        .filter(|e| partner.as_ref().is_none_or(|p| e.partners.contains(p)))
        .filter(|e| sponsor.as_ref().is_none_or(|s| e.sponsors.contains(s)))
        .collect();
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
