//! `quartier client list`.

use crate::cli::Globals;
use crate::commands::shared::date_cell;
use crate::commands::shared::{
    DateFilter, cell, flag_value, print_json, print_table, refuse_errors, table,
};
use crate::error::Result;
use crate::model::{Employment, Gender, Kind, Residence};
use crate::schema::FieldType;
use crate::store::Scope;

/// List clients, newest first contact first. `--from/--to/--month` filter by
/// the day of the first contact.
///
/// Example: quartier client list --district Lindenau --residence asylum-seeker --month 2026-11
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only clients living in this district (or `outside`)
    #[arg(long)]
    pub district: Option<String>,
    #[arg(long)]
    pub residence: Option<Residence>,
    /// Only clients from this country (ISO 3166-1 alpha-2)
    #[arg(long, value_name = "CC")]
    pub origin: Option<String>,
    #[arg(long)]
    pub gender: Option<Gender>,
    #[arg(long)]
    pub employment: Option<Employment>,
    /// Only clients who speak this language (ISO 639-1)
    #[arg(long, value_name = "LANG", alias = "languages")]
    pub language: Option<String>,
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

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let district = args
        .district
        .as_deref()
        .map(|d| flag_value(&FieldType::District, "--district", d, &config))
        .transpose()?;
    let origin = args
        .origin
        .as_deref()
        .map(|o| flag_value(&FieldType::Country, "--origin", o, &config))
        .transpose()?;
    let language = args
        .language
        .as_deref()
        .map(|l| flag_value(&FieldType::Language, "--language", l, &config))
        .transpose()?;
    let today = crate::dates::today();
    let scope = Scope::undated_kinds(&[Kind::Client]);
    let loaded = store.load(&config, &scope);
    refuse_errors(&loaded)?;
    let mut clients: Vec<_> = loaded
        .records
        .clients
        .iter()
        .map(|e| &e.record)
        .filter(|c| district.is_none() || c.district == district)
        .filter(|c| origin.is_none() || c.origin == origin)
        .filter(|c| args.residence.is_none_or(|r| c.residence == r))
        .filter(|c| args.gender.is_none_or(|g| c.gender == g))
        .filter(|c| args.employment.is_none_or(|e| c.employment == e))
        .filter(|c| {
            language
                .as_deref()
                .is_none_or(|l| c.languages.iter().any(|cl| cl == l))
        })
        .filter(|c| {
            !args.without_consent
                || !crate::model::consent::entries(c.consent, &c.consents)
                    .iter()
                    .any(|e| {
                        e.scope == crate::model::ConsentScope::Processing && e.covers_day(today)
                    })
        })
        .filter(|c| {
            args.consent_expiring.is_none_or(|days| {
                !crate::model::consent::expiring(&c.consents, today, days.into()).is_empty()
            })
        })
        .filter(|c| args.dates.matches(c.first_contact))
        .collect();
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
            consent_cell(c, today),
        ]);
    }
    print_table(t, lang);
    Ok(())
}

/// The consent column: the plain `consent` date, or the entries in force
/// today as `scope from–until`.
fn consent_cell(c: &crate::model::Client, today: chrono::NaiveDate) -> String {
    let mut parts: Vec<String> = c.consent.map(|d| d.to_string()).into_iter().collect();
    for e in c.consents.iter().filter(|e| e.covers_day(today)) {
        let until = e.until.map(|u| u.to_string()).unwrap_or_default();
        parts.push(format!("{} {}–{until}", e.scope.code(), e.date));
    }
    parts.join(", ")
}
