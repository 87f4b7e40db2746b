//! `quartier contact list`.

use super::newest_first;
use crate::cli::Globals;
use crate::commands::shared::{
    DateFilter, cell, date_time_cell, filter_ref, filter_staff, filter_topic, flag_value,
    print_json, print_table, refuse_errors, table,
};
use crate::error::Result;
use crate::model::{ContactKind, Kind};
use crate::schema::FieldType;
use crate::store::Scope;

/// List short contacts, newest first.
///
/// Only the month folders the date filters reach are read.
///
/// Example: quartier contact list --month 2026-11 --kind phone --referred-to jobcenter
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    pub kind: Option<ContactKind>,
    /// Only contacts about this topic
    #[arg(long)]
    pub topic: Option<String>,
    /// Only contacts in this language (ISO 639-1, e.g. ar)
    #[arg(long)]
    pub language: Option<String>,
    /// Only contacts pointed to this partner (slug or a unique end of it)
    #[arg(long)]
    pub referred_to: Option<String>,
    /// Staff initials
    #[arg(long)]
    pub staff: Option<String>,
    #[command(flatten)]
    pub dates: DateFilter,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let topic = filter_topic(&config, "--topic", &args.topic)?;
    let staff = filter_staff(&config, "--staff", &args.staff)?;
    let partner = filter_ref(&store, Kind::Partner, "--referred-to", &args.referred_to)?;
    let language = args
        .language
        .as_deref()
        .map(|l| flag_value(&FieldType::Language, "--language", l, &config))
        .transpose()?;
    let scope = Scope {
        contacts: vec![args.dates.month_range()],
        ..Scope::default()
    };
    let loaded = store.load(&config, &scope);
    refuse_errors(&loaded)?;
    let mut contacts: Vec<_> = loaded
        .records
        .contacts
        .iter()
        .map(|e| &e.record)
        .filter(|c| args.dates.matches(c.date))
        .filter(|c| args.kind.is_none_or(|k| c.kind == k))
        .filter(|c| topic.as_ref().is_none_or(|t| c.topics.contains(t)))
        .filter(|c| language.is_none() || c.language == language)
        .filter(|c| partner.as_ref().is_none_or(|p| c.referred_to.contains(p)))
        .filter(|c| staff.is_none() || c.staff == staff)
        .collect();
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
