//! `quartier appointment show`.

use crate::cli::Globals;
use crate::commands::shared::date_cell;
use crate::commands::shared::{
    load_one, print_record_with, print_show_linked, print_table, refuse_errors, table,
};
use crate::error::Result;
use crate::model::{Kind, Record};
use crate::store::{MonthRange, Scope};

/// Show one appointment and the referrals that came from it.
///
/// Example: quartier appointment show x7k2
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Appointment id (or a unique end of it)
    pub id: String,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let (record, _path) = load_one(&store, &config, Kind::Appointment, &args.id)?;
    let Record::Appointment(appointment) = &record else {
        unreachable!("resolved an appointment")
    };
    let loaded = store.load(
        &config,
        &Scope {
            referrals: vec![MonthRange::ALL],
            ..Scope::default()
        },
    );
    refuse_errors(&loaded)?;
    let mut referrals: Vec<_> = loaded
        .records
        .referrals
        .iter()
        .map(|e| &e.record)
        .filter(|r| r.appointment.as_deref() == Some(appointment.id.as_str()))
        .collect();
    referrals.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    if globals.json {
        return print_show_linked(&store, &config, &record);
    }
    print_record_with(&record, &config, lang)?;
    println!(
        "\n{}",
        crate::i18n::t_in(lang, "ui.appointment.show.referrals")
    );
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.partner",
            "ui.heading.topic",
            "ui.heading.status",
        ],
    );
    for r in &referrals {
        t.add_row(vec![
            date_cell(r.date, lang),
            r.id.clone(),
            r.partner.clone(),
            config.topic_label(&r.topic, lang),
            r.status.label(lang).to_string(),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
