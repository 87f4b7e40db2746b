//! `quartier client new`.

use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, check_birth_year, check_country, check_district, check_languages, date_arg,
    refuse_contact_data, report_written,
};
use crate::error::Result;
use crate::model::{Client, Employment, Gender, Kind, Record, Residence};
use chrono::NaiveDate;

/// Register a new client under a fresh pseudonymous code and print it
/// (`K-XXXXXX<TAB>path`). `first_contact` is today unless given. There are
/// no flags for names, addresses, phone numbers or e-mail: the records hold
/// none, and notes with contact data are refused.
///
/// Example: quartier client new --gender f --birth-year 1990 --origin SY --languages ar,de --residence recognised-refugee --district Lindenau --consent today
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    pub gender: Option<Gender>,
    /// Year of birth only (never the full date)
    #[arg(long, value_name = "YYYY")]
    pub birth_year: Option<i64>,
    /// Country of origin, ISO 3166-1 alpha-2 (e.g. SY, AF, UA)
    #[arg(long, value_name = "CC")]
    pub origin: Option<String>,
    /// Languages spoken, ISO 639-1 (comma-separated or repeated)
    #[arg(long, value_delimiter = ',', value_name = "LANG")]
    pub languages: Vec<String>,
    #[arg(long)]
    pub residence: Option<Residence>,
    /// A district of the area (see quartier.toml) or `outside`
    #[arg(long)]
    pub district: Option<String>,
    #[arg(long)]
    pub employment: Option<Employment>,
    /// Day the client agreed to the data processing
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub consent: Option<NaiveDate>,
    /// Day of the first contact [default: today]
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub first_contact: Option<NaiveDate>,
    /// Free text — no names or contact data
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    if let Some(y) = args.birth_year {
        check_birth_year(y)?;
    }
    let origin = args
        .origin
        .as_deref()
        .map(|o| check_country(o, "--origin"))
        .transpose()?;
    let languages = check_languages(&args.languages, "--languages")?;
    let district = args
        .district
        .as_deref()
        .map(|d| check_district(&config, d, "--district"))
        .transpose()?;
    let notes = args.notes.filter(|n| !n.trim().is_empty());
    refuse_contact_data("--notes", &notes)?;
    let client = Client {
        id: String::new(),
        first_contact: args.first_contact.unwrap_or_else(crate::dates::today),
        gender: args.gender.unwrap_or(Gender::Unknown),
        birth_year: args.birth_year,
        origin,
        languages,
        residence: args.residence.unwrap_or(Residence::Unknown),
        district,
        employment: args.employment.unwrap_or(Employment::Unknown),
        consent: args.consent,
        erased: None,
        notes,
        consents: Vec::new(),
    };
    let (record, path) = store.create(&config, Kind::Client, None, |code| {
        Record::Client(Client {
            id: code.unwrap_or_default(),
            ..client.clone()
        })
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Client,
            verb: "new",
            id: record.id(),
            path: &path,
            moved_from: None,
        },
    )
}
