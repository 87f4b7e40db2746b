//! `quartier referral list`.

use super::newest_first;
use crate::cli::Globals;
use crate::commands::shared::date_cell;
use crate::commands::shared::{
    DateFilter, cell, filter_ref, filter_staff, filter_topic, print_json, print_table,
    refuse_errors, table,
};
use crate::error::Result;
use crate::model::{Kind, Lang, Referral, ReferralStatus};
use crate::store::Scope;
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
    #[arg(long)]
    pub status: Option<ReferralStatus>,
    /// Client code (or a unique end of it)
    #[arg(long)]
    pub client: Option<String>,
    /// Partner slug (or a unique end of it)
    #[arg(long)]
    pub partner: Option<String>,
    #[arg(long)]
    pub topic: Option<String>,
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
    let today = crate::dates::today();
    let client = filter_ref(&store, Kind::Client, "--client", &args.client)?;
    let topic = filter_topic(&config, "--topic", &args.topic)?;
    let staff = filter_staff(&config, "--staff", &args.staff)?;
    let partner = filter_ref(&store, Kind::Partner, "--partner", &args.partner)?;
    let scope = Scope {
        referrals: vec![args.dates.month_range()],
        ..Scope::default()
    };
    let loaded = store.load(&config, &scope);
    refuse_errors(&loaded)?;
    let is_open = |r: &Referral| r.status == ReferralStatus::Open;
    let mut referrals: Vec<_> = loaded
        .records
        .referrals
        .iter()
        .map(|e| &e.record)
        .filter(|r| args.dates.matches(r.date))
        .filter(|r| !args.open || is_open(r))
        .filter(|r| !args.due || (is_open(r) && r.follow_up.is_some_and(|f| f <= today)))
        .filter(|r| args.status.is_none_or(|s| r.status == s))
        .filter(|r| client.as_ref().is_none_or(|c| r.client == *c))
        .filter(|r| partner.as_ref().is_none_or(|p| r.partner == *p))
        .filter(|r| topic.as_ref().is_none_or(|t| r.topic == *t))
        .filter(|r| staff.is_none() || r.staff == staff)
        .collect();
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
