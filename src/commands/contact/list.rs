//! `quartier contact list`.

use super::newest_first;
use crate::cli::Globals;
use crate::commands::shared::{
    DateFilter, cell, date_time_cell, load_listed, print_json, print_table, table,
};
use crate::error::Result;
use crate::model::Kind;

/// List short contacts, newest first.
///
/// Only the month folders the date filters reach are read.
///
/// Example: quartier contact list --month 2026-11 --kind phone --referred-to jobcenter
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: crate::commands::shared::Filters<ListFilters>,
    #[command(flatten)]
    pub dates: DateFilter,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

crate::filter_set!(ListFilters = Contact);

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let wanted = args.filters.wanted(&store, &config)?;
    let loaded = load_listed(&store, &config, Kind::Contact, Some(&args.dates))?;
    let mut contacts = wanted.keep(&loaded.records.contacts, |c| args.dates.matches(c.date));
    contacts.sort_by(|a, b| newest_first(a, b));
    args.limit.apply(&mut contacts, globals.json);
    if globals.json {
        return print_json(&contacts);
    }
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.kind",
            "ui.heading.topics",
            "ui.heading.language",
            "ui.heading.referred-to",
            "ui.heading.staff",
        ],
    );
    for c in &contacts {
        t.add_row(vec![
            date_time_cell(c.date, c.time, lang),
            c.id.clone(),
            c.kind.label(lang).to_string(),
            crate::commands::appointment::topics_cell(&config, &c.topics, lang),
            c.language
                .as_deref()
                .map(|l| crate::names::language(l, lang))
                .unwrap_or_default(),
            c.referred_to.join(", "),
            cell(&c.staff),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
