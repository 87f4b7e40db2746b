//! `quartier partner show`.

use crate::cli::Globals;
use crate::commands::shared::date_cell;
use crate::commands::shared::{
    load_one, print_record_with, print_show_linked, print_table, refuse_errors, table,
    topic_with_label,
};
use crate::error::Result;
use crate::model::{Code, Kind, Record, ReferralStatus};
use crate::store::Scope;

/// Show one partner with the referrals to it, newest first, and how many
/// are open, done, failed and withdrawn.
///
/// Example: quartier partner show mieterverein
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Slug (or a unique end of it)
    pub id: String,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let (record, _path) = load_one(&store, &config, Kind::Partner, &args.id)?;
    let Record::Partner(partner) = &record else {
        unreachable!("resolved a partner")
    };
    let scope = Scope {
        referrals: vec![crate::store::MonthRange::ALL],
        ..Scope::default()
    };
    let loaded = store.load(&config, &scope);
    refuse_errors(&loaded)?;
    let mut referrals: Vec<_> = loaded
        .records
        .referrals
        .iter()
        .filter(|r| r.partner == partner.id)
        .map(|e| &e.record)
        .collect();
    referrals.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    let counts: Vec<(ReferralStatus, usize)> = ReferralStatus::ALL
        .iter()
        .map(|s| (*s, referrals.iter().filter(|r| r.status == *s).count()))
        .collect();
    if globals.json {
        return print_show_linked(&store, &config, &record);
    }
    print_record_with(&record, &config, lang)?;
    println!(
        "\n{}: {} ({})",
        crate::i18n::t_in(lang, "ui.partner.show.referrals"),
        referrals.len(),
        counts
            .iter()
            .map(|(s, n)| format!("{} {n}", s.label(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.client",
            "ui.heading.topic",
            "ui.heading.status",
            "ui.heading.closed",
        ],
    );
    for r in &referrals {
        t.add_row(vec![
            date_cell(r.date, lang),
            r.id.clone(),
            r.client.clone(),
            topic_with_label(&r.topic, Some(&config), lang),
            r.status.label(lang).to_string(),
            r.closed.map(|d| date_cell(d, lang)).unwrap_or_default(),
        ]);
    }
    print_table(t, lang);
    Ok(())
}
