//! `quartier referral`: clients referred to partner organisations, followed
//! up until they are closed.

mod add;
mod close;
mod edit;
mod list;
mod show;

use crate::cli::Globals;
use crate::error::{CommandError, Result};

crate::flag_sets! {
    AddFlags = Referral, Add;
    EditFlags = Referral, Edit;
}
use crate::model::{Client, Referral, ReferralStatus};
use crate::store::Store;
use chrono::NaiveDate;

/// Referrals of clients to partners: add, list, show, edit, close.
///
/// Example: quartier referral list --due
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Add(add::Args),
    List(list::Args),
    Show(show::Args),
    Edit(edit::Args),
    Close(close::Args),
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    match args.command {
        Command::Add(a) => add::run(a, globals),
        Command::List(a) => list::run(a, globals),
        Command::Show(a) => show::run(a, globals),
        Command::Edit(a) => edit::run(a, globals),
        Command::Close(a) => close::run(a, globals),
    }
}

/// Newest first: date, then id, both descending.
pub fn newest_first(a: &Referral, b: &Referral) -> std::cmp::Ordering {
    b.date.cmp(&a.date).then(b.id.cmp(&a.id))
}

/// The warning `check` gives when a referral passes on data of a client
/// whose consent does not cover it (SPEC §1.2), as the person is told it
/// (keys by label, days as the office reads them); None when it is covered.
pub fn consent_warning(client: &Client, referral: &Referral) -> Option<String> {
    crate::rules::consent::referral_uncovered(referral, client).map(|(m, _)| {
        format!(
            "warning: {}",
            m.said(crate::model::Kind::Referral, crate::i18n::lang())
        )
    })
}

/// The client record of `id`, when it can be read.
pub fn read_client(store: &Store, config: &crate::model::Config, id: &str) -> Option<Client> {
    let path = store.path_for(crate::model::Kind::Client, id, None).ok()?;
    let rel = path.strip_prefix(store.root()).ok()?.to_path_buf();
    let Some(crate::model::Record::Client(c)) = store.read_file(&rel, config).0 else {
        return None;
    };
    Some(c)
}

/// The `closed` date a status needs: none while open; for a closed referral
/// the given day (default today). Whether the day fits (not before the
/// referral, not ahead) is the rule book's (`rules::single`).
pub fn closed_date(
    status: ReferralStatus,
    closed: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Option<NaiveDate>> {
    if status == ReferralStatus::Open {
        if closed.is_some() {
            return Err(CommandError::usage(crate::tr!("referral.open-no-closed")));
        }
        return Ok(None);
    }
    Ok(Some(closed.unwrap_or(today)))
}
