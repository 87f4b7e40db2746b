//! `quartier client show`.

use crate::cli::Globals;
use crate::commands::shared::date_cell;
use crate::commands::shared::{
    cell, load_one, print_record_with, print_show_linked, print_table, refuse_errors, table,
    topic_with_label, topics_with_labels,
};
use crate::error::Result;
use crate::model::{Kind, Record};
use crate::store::Scope;

/// Show one client with their consultations and referrals, newest first.
///
/// Example: quartier client show 7F3A2B
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Client code (or a unique end of it)
    pub id: String,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let (record, _path) = load_one(&store, &config, Kind::Client, &args.id)?;
    let Record::Client(client) = &record else {
        unreachable!("resolved a client")
    };
    let loaded = store.load(&config, &Scope::all());
    refuse_errors(&loaded)?;
    let mut consultations: Vec<_> = loaded
        .records
        .appointments
        .iter()
        .filter(|a| a.client.as_deref() == Some(&client.id))
        .map(|e| &e.record)
        .collect();
    consultations.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then(b.time.cmp(&a.time))
            .then(b.id.cmp(&a.id))
    });
    let mut referrals: Vec<_> = loaded
        .records
        .referrals
        .iter()
        .filter(|r| r.client == client.id)
        .map(|e| &e.record)
        .collect();
    referrals.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    if globals.json {
        return print_show_linked(&store, &config, &record);
    }
    print_record_with(&record, &config, lang)?;
    println!(
        "\n{}: {}",
        crate::i18n::t_in(lang, "ui.client.show.consultations"),
        consultations.len()
    );
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.status",
            "ui.heading.topics",
            "ui.heading.language",
            "ui.heading.staff-2",
        ],
    );
    for a in &consultations {
        t.add_row(vec![
            date_cell(a.date, lang),
            a.id.clone(),
            a.status.label(lang).to_string(),
            topics_with_labels(&a.topics, Some(&config), lang),
            cell(&a.language),
            cell(&a.staff),
        ]);
    }
    print_table(t, lang);
    println!(
        "\n{}: {}",
        crate::i18n::t_in(lang, "ui.client.show.referrals"),
        referrals.len()
    );
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.partner",
            "ui.heading.topic",
            "ui.heading.status",
            "ui.heading.follow-up",
            "ui.heading.closed",
        ],
    );
    for r in &referrals {
        t.add_row(vec![
            date_cell(r.date, lang),
            r.id.clone(),
            r.partner.clone(),
            topic_with_label(&r.topic, Some(&config), lang),
            r.status.label(lang).to_string(),
            r.follow_up.map(|d| date_cell(d, lang)).unwrap_or_default(),
            r.closed.map(|d| date_cell(d, lang)).unwrap_or_default(),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
