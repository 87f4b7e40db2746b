//! `quartier sponsor show`.

use crate::cli::Globals;
use crate::commands::shared::date_cell;
use crate::commands::shared::{
    load_one, print_record_with, print_show_linked, print_table, refuse_errors, table,
};
use crate::error::Result;
use crate::model::{AppointmentKind, Kind, Record};
use crate::store::Scope;

/// Show one sponsor with its meetings and the events it took part in.
///
/// Example: quartier sponsor show kinderbuero-west
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Slug (or a unique end of it)
    pub id: String,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let (record, _path) = load_one(&store, &config, Kind::Sponsor, &args.id)?;
    let Record::Sponsor(sponsor) = &record else {
        unreachable!("resolved a sponsor")
    };
    let loaded = store.load(&config, &Scope::all());
    refuse_errors(&loaded)?;
    let mut meetings: Vec<_> = loaded
        .records
        .appointments
        .iter()
        .filter(|a| a.kind == AppointmentKind::Sponsor && a.sponsor.as_deref() == Some(&sponsor.id))
        .map(|e| &e.record)
        .collect();
    meetings.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    let mut events: Vec<_> = loaded
        .records
        .events
        .iter()
        .filter(|e| e.sponsors.contains(&sponsor.id))
        .map(|e| &e.record)
        .collect();
    events.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    if globals.json {
        return print_show_linked(&store, &config, &record);
    }
    print_record_with(&record, &config, lang)?;
    println!(
        "\n{}",
        crate::i18n::t_in(lang, "ui.sponsor.show.sponsor-meetings")
    );
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.status",
            "ui.heading.topics",
        ],
    );
    for m in &meetings {
        t.add_row(vec![
            date_cell(m.date, lang),
            m.id.clone(),
            m.status.label(lang).to_string(),
            m.topics.join(", "),
        ]);
    }
    print_table(t, lang);
    println!("\n{}", crate::i18n::t_in(lang, "ui.sponsor.show.events"));
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.title",
            "ui.heading.status",
        ],
    );
    for e in &events {
        t.add_row(vec![
            date_cell(e.date, lang),
            e.id.clone(),
            e.title.clone(),
            e.status.label(lang).to_string(),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
