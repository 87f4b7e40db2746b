//! `quartier referral list`.

use super::newest_first;
use crate::cli::Globals;
use crate::commands::shared::date_cell;
use crate::commands::shared::{DateFilter, cell, load_listed, print_json, print_table, table};
use crate::error::Result;
use crate::model::{Kind, Lang, Referral, ReferralStatus};
use chrono::NaiveDate;

/// List referrals, newest first.
///
/// `--open` keeps the open ones, `--due` the
/// open ones whose follow-up day has come.
///
/// Example: quartier referral list --due --staff eb
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only open referrals
    #[arg(long)]
    pub open: bool,
    /// Only open referrals whose follow-up day is today or earlier
    #[arg(long)]
    pub due: bool,
    #[command(flatten)]
    pub filters: crate::commands::shared::Filters<ListFilters>,
    #[command(flatten)]
    pub dates: DateFilter,
    #[command(flatten)]
    pub limit: crate::commands::shared::Limit,
}

crate::filter_set!(ListFilters = Referral);

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let today = crate::dates::today();
    let wanted = args.filters.wanted(&store, &config)?;
    let loaded = load_listed(&store, &config, Kind::Referral, Some(&args.dates))?;
    let is_open = |r: &Referral| r.status == ReferralStatus::Open;
    let mut referrals = wanted.keep(&loaded.records.referrals, |r| {
        args.dates.matches(r.date)
            && (!args.open || is_open(r))
            && (!args.due || (is_open(r) && r.follow_up.is_some_and(|f| f <= today)))
    });
    referrals.sort_by(|a, b| newest_first(a, b));
    args.limit.apply(&mut referrals, globals.json);
    if globals.json {
        return print_json(&referrals);
    }
    let mut t = table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.client",
            "ui.heading.partner",
            "ui.heading.topic",
            "ui.heading.status",
            "ui.heading.follow-up",
            "ui.heading.staff",
        ],
    );
    for r in &referrals {
        t.add_row(vec![
            date_cell(r.date, lang),
            r.id.clone(),
            r.client.clone(),
            r.partner.clone(),
            config.topic_label(&r.topic, lang),
            r.status.label(lang).to_string(),
            follow_up_cell(r, today, lang),
            cell(&r.staff),
        ]);
    }
    print_table(t, lang);
    Ok(())
}

/// The follow-up day, marked when an open referral is overdue.
pub fn follow_up_cell(r: &Referral, today: NaiveDate, lang: Lang) -> String {
    match r.follow_up {
        Some(f) if r.status == ReferralStatus::Open && f < today => {
            format!(
                "{} {}",
                date_cell(f, lang),
                crate::i18n::t_in(lang, "ui.referral.list.overdue")
            )
        }
        Some(f) => date_cell(f, lang),
        None => String::new(),
    }
}
