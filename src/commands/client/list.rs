//! `quartier client list`.

use crate::cli::Globals;
use crate::commands::shared::{
    DateFilter, cell, check_country, check_district, check_language, print_json, print_table,
    refuse_errors, table,
};
use crate::error::Result;
use crate::model::{Employment, Gender, Kind, Residence};
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
    #[command(flatten)]
    pub dates: DateFilter,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let district = args
        .district
        .as_deref()
        .map(|d| check_district(&config, d, "--district"))
        .transpose()?;
    let origin = args
        .origin
        .as_deref()
        .map(|o| check_country(o, "--origin"))
        .transpose()?;
    let language = args
        .language
        .as_deref()
        .map(|l| check_language(l, "--language"))
        .transpose()?;
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
        .filter(|c| !args.without_consent || c.consent.is_none())
        .filter(|c| args.dates.matches(c.first_contact))
        .collect();
    clients.sort_by(|a, b| {
        b.first_contact
            .cmp(&a.first_contact)
            .then_with(|| a.id.cmp(&b.id))
    });
    if globals.json {
        return print_json(&clients);
    }
    let mut t = table(
        lang,
        &[
            ("Code", "Code"),
            ("Erstkontakt", "First contact"),
            ("Geschlecht", "Gender"),
            ("Geburtsjahr", "Born"),
            ("Herkunft", "Origin"),
            ("Aufenthaltsstatus", "Residence"),
            ("Ortsteil", "District"),
            ("Einwilligung", "Consent"),
        ],
    );
    for c in &clients {
        t.add_row(vec![
            c.id.clone(),
            c.first_contact.to_string(),
            c.gender.label(lang).to_string(),
            c.birth_year.map(|y| y.to_string()).unwrap_or_default(),
            cell(&c.origin),
            c.residence.label(lang).to_string(),
            cell(&c.district),
            c.consent.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
