//! `quartier client edit`.

use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, check_birth_year, check_country, check_district, check_languages, date_arg,
    refuse_contact_data, remove_key, report_written, set_date, set_int, set_list,
    set_or_remove_str, set_str,
};
use crate::error::Result;
use crate::model::{Employment, Gender, Kind, Residence};
use chrono::NaiveDate;

/// Change fields of a client; the rest of the file (comments, order)
/// stays. An empty value (`--notes ""`, `--district ""`, `--consent ""`)
/// removes the field. Without field flags, opens the record in
/// $VISUAL/$EDITOR.
///
/// Example: quartier client edit 7F3A2B --consent today --residence residence-permit
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Client code (or a unique end of it)
    pub id: String,
    #[arg(long)]
    pub gender: Option<Gender>,
    /// Year of birth only (never the full date)
    #[arg(long, value_name = "YYYY")]
    pub birth_year: Option<i64>,
    /// Country of origin, ISO 3166-1 alpha-2 (e.g. SY, AF, UA)
    #[arg(long, value_name = "CC")]
    pub origin: Option<String>,
    /// Languages spoken, ISO 639-1 (comma-separated or repeated; replaces the list)
    #[arg(long, value_delimiter = ',', value_name = "LANG")]
    pub languages: Option<Vec<String>>,
    #[arg(long)]
    pub residence: Option<Residence>,
    /// A district of the area (see quartier.toml) or `outside`
    #[arg(long)]
    pub district: Option<String>,
    #[arg(long)]
    pub employment: Option<Employment>,
    /// Day the client agreed to the data processing ("" removes it)
    #[arg(long, value_parser = date_or_empty, value_name = "DATE")]
    pub consent: Option<DateOrEmpty>,
    /// Day of the first contact
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub first_contact: Option<NaiveDate>,
    /// Free text — no names or contact data
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

/// A date, or none for an empty value (which removes the field).
#[derive(Debug, Clone, Copy)]
pub struct DateOrEmpty(Option<NaiveDate>);

fn date_or_empty(s: &str) -> std::result::Result<DateOrEmpty, String> {
    if s.trim().is_empty() {
        Ok(DateOrEmpty(None))
    } else {
        date_arg(s)
            .map(|d| DateOrEmpty(Some(d)))
            .map_err(|e| e.to_string())
    }
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    if let Some(y) = args.birth_year {
        check_birth_year(y)?;
    }
    let origin = match args.origin.as_deref().map(str::trim) {
        Some("") => Some(String::new()),
        Some(o) => Some(check_country(o, "--origin")?),
        None => None,
    };
    let languages = args
        .languages
        .as_deref()
        .map(|l| check_languages(l, "--languages"))
        .transpose()?;
    let district = match args.district.as_deref().map(str::trim) {
        Some("") => Some(String::new()),
        Some(d) => Some(check_district(&config, d, "--district")?),
        None => None,
    };
    refuse_contact_data("--notes", &args.notes)?;
    let (id, path) = store.resolve(Kind::Client, &args.id)?;
    let no_flags = args.gender.is_none()
        && args.birth_year.is_none()
        && origin.is_none()
        && languages.is_none()
        && args.residence.is_none()
        && district.is_none()
        && args.employment.is_none()
        && args.consent.is_none()
        && args.first_contact.is_none()
        && args.notes.is_none();
    if no_flags {
        return crate::commands::edit::edit_in_editor(
            globals,
            &store,
            &config,
            Kind::Client,
            &id,
            &path,
            &args.commit,
        );
    }
    let (_, path) = store.update(&config, Kind::Client, &path, |doc| {
        if let Some(g) = args.gender {
            set_str(doc, "gender", g.code());
        }
        if let Some(y) = args.birth_year {
            set_int(doc, "birth_year", y);
        }
        set_or_remove_str(doc, "origin", &origin);
        if let Some(l) = &languages {
            set_list(doc, "languages", l);
        }
        if let Some(r) = args.residence {
            set_str(doc, "residence", r.code());
        }
        set_or_remove_str(doc, "district", &district);
        if let Some(e) = args.employment {
            set_str(doc, "employment", e.code());
        }
        match args.consent {
            Some(DateOrEmpty(Some(d))) => set_date(doc, "consent", d),
            Some(DateOrEmpty(None)) => remove_key(doc, "consent"),
            None => {}
        }
        if let Some(d) = args.first_contact {
            set_date(doc, "first_contact", d);
        }
        set_or_remove_str(doc, "notes", &args.notes);
        Ok(())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Client,
            verb: "edit",
            id: &id,
            path: &path,
            moved_from: None,
        },
    )
}
