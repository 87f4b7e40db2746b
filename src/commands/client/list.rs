//! `quartier client list`.

use crate::cli::Globals;
use crate::commands::shared::date_cell;
use crate::commands::shared::{DateFilter, cell, load_listed, print_json, print_table, table};
use crate::error::Result;
use crate::model::Kind;

/// List clients, newest first contact first. `--from/--to/--month` filter by
/// the day of the first contact.
///
/// Example: quartier client list --district Lindenau --residence asylum-seeker --month 2026-11
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: crate::commands::shared::Filters<ListFilters>,
    /// Only clients with no consent to the data processing on record
    #[arg(long)]
    pub without_consent: bool,
    /// Only clients with a consent that expires (`until`) within DAYS days
    #[arg(long, value_name = "DAYS")]
    pub consent_expiring: Option<u32>,
    #[command(flatten)]
    pub dates: DateFilter,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

crate::filter_set!(ListFilters = Client);

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let wanted = args.filters.wanted(&store, &config)?;
    let today = crate::dates::today();
    let loaded = load_listed(&store, &config, Kind::Client, Some(&args.dates))?;
    let mut clients = wanted.keep(&loaded.records.clients, |c| {
        let without_consent = || {
            !crate::model::consent::entries(c.consent, &c.consents)
                .iter()
                .any(|e| e.scope == crate::model::ConsentScope::Processing && e.covers_day(today))
        };
        let expiring = |days: u32| {
            !crate::model::consent::expiring(&c.consents, today, days.into()).is_empty()
        };
        (!args.without_consent || without_consent())
            && args.consent_expiring.is_none_or(expiring)
            && args.dates.matches(c.first_contact)
    });
    clients.sort_by(|a, b| {
        b.first_contact
            .cmp(&a.first_contact)
            .then_with(|| a.id.cmp(&b.id))
    });
    args.limit.apply(&mut clients, globals.json);
    if globals.json {
        return print_json(&clients);
    }
    let mut t = table(
        lang,
        &[
            "ui.heading.code",
            "ui.heading.first-contact",
            "ui.heading.gender",
            "ui.heading.born",
            "ui.heading.origin",
            "ui.heading.residence",
            "ui.heading.district",
            "ui.heading.consent",
        ],
    );
    for c in &clients {
        t.add_row(vec![
            c.id.clone(),
            date_cell(c.first_contact, lang),
            c.gender.label(lang).to_string(),
            c.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            cell(&c.origin),
            c.residence.label(lang).to_string(),
            cell(&c.district),
            consent_cell(c, today, lang),
        ]);
    }
    print_table(t, lang);
    Ok(())
}

/// The consent column: the plain `consent` date, or the entries in force
/// today as `scope from–until`, days as the office reads them.
fn consent_cell(
    c: &crate::model::Client,
    today: chrono::NaiveDate,
    lang: crate::model::Lang,
) -> String {
    let mut parts: Vec<String> = c.consent.map(|d| date_cell(d, lang)).into_iter().collect();
    for e in c.consents.iter().filter(|e| e.covers_day(today)) {
        let until = e.until.map(|u| date_cell(u, lang)).unwrap_or_default();
        parts.push(format!(
            "{} {}–{until}",
            e.scope.code(),
            date_cell(e.date, lang)
        ));
    }
    parts.join(", ")
}
