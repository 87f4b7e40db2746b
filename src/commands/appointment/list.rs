//! `quartier appointment list`.

use super::{newest_first, topics_cell, with_whom};
use crate::cli::Globals;
use crate::commands::shared::{
    DateFilter, cell, date_time_cell, filter_ref, filter_staff, filter_topic, print_json,
    print_table, refuse_errors, table,
};
use crate::error::Result;
use crate::model::{AppointmentKind, AppointmentStatus, Kind};
use crate::store::Scope;

/// List appointments, newest first.
///
/// Only the month folders the date filters
/// reach are read.
///
/// Example: quartier appointment list --month 2026-11 --kind consultation --staff eb
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    pub status: Option<AppointmentStatus>,
    #[arg(long)]
    pub kind: Option<AppointmentKind>,
    /// Staff initials
    #[arg(long)]
    pub staff: Option<String>,
    /// Client code (or a unique end of it)
    #[arg(long)]
    pub client: Option<String>,
    /// Sponsor slug (or a unique end of it)
    #[arg(long)]
    pub sponsor: Option<String>,
    /// Organisation consulted: partner slug (or a unique end of it)
    #[arg(long)]
    pub partner: Option<String>,
    /// Only appointments with this topic
    #[arg(long)]
    pub topic: Option<String>,
    #[command(flatten)]
    pub dates: DateFilter,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let client = filter_ref(&store, Kind::Client, "--client", &args.client)?;
    let topic = filter_topic(&config, "--topic", &args.topic)?;
    let staff = filter_staff(&config, "--staff", &args.staff)?;
    let sponsor = filter_ref(&store, Kind::Sponsor, "--sponsor", &args.sponsor)?;
    let partner = filter_ref(&store, Kind::Partner, "--partner", &args.partner)?;
    let scope = Scope {
        appointments: vec![args.dates.month_range()],
        ..Scope::default()
    };
    let loaded = store.load(&config, &scope);
    refuse_errors(&loaded)?;
    let mut appointments: Vec<_> = loaded
        .records
        .appointments
        .iter()
        .map(|e| &e.record)
        .filter(|a| args.dates.matches(a.date))
        .filter(|a| args.status.is_none_or(|s| a.status == s))
        .filter(|a| args.kind.is_none_or(|k| a.kind == k))
        .filter(|a| staff.is_none() || a.staff == staff)
        .filter(|a| client.is_none() || a.client == client)
        .filter(|a| sponsor.is_none() || a.sponsor == sponsor)
        .filter(|a| partner.is_none() || a.partner == partner)
        .filter(|a| topic.as_ref().is_none_or(|t| a.topics.contains(t)))
        .collect();
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
