//! `quartier appointment list`.

use super::{newest_first, topics_cell, with_whom};
use crate::cli::Globals;
use crate::commands::shared::{
    DateFilter, cell, date_time_cell, load_listed, print_json, print_table, table,
};
use crate::error::Result;
use crate::model::Kind;

/// List appointments, newest first.
///
/// Only the month folders the date filters
/// reach are read.
///
/// Example: quartier appointment list --month 2026-11 --kind consultation --staff eb
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: crate::commands::shared::Filters<ListFilters>,
    #[command(flatten)]
    pub dates: DateFilter,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

crate::filter_set!(ListFilters = Appointment);

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let wanted = args.filters.wanted(&store, &config)?;
    let loaded = load_listed(&store, &config, Kind::Appointment, Some(&args.dates))?;
    let mut appointments =
        wanted.keep(&loaded.records.appointments, |a| args.dates.matches(a.date));
    appointments.sort_by(|a, b| newest_first(a, b));
    args.limit.apply(&mut appointments, globals.json);
    if globals.json {
        return print_json(&appointments);
    }
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.kind",
            "ui.heading.status",
            "ui.heading.with",
            "ui.heading.topics",
            "ui.heading.staff",
        ],
    );
    for a in &appointments {
        t.add_row(vec![
            date_time_cell(a.date, a.time, lang),
            a.id.clone(),
            a.kind.label(lang).to_string(),
            a.status.label(lang).to_string(),
            with_whom(a),
            topics_cell(&config, &a.topics, lang),
            cell(&a.staff),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
