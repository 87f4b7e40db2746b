//! `quartier client erase CODE [--dry-run]` (Art. 17 GDPR, SPEC §4).

use crate::cli::Globals;
use crate::commands::retention::{carry_out, erased_codes, load_clean, log_staff};
use crate::erasure::{self, LogLine};
use crate::error::{CommandError, Result};
use crate::model::Kind;

/// Erase a client's personal data (right to erasure, Art. 17 GDPR).
///
/// Removes the client file and every free text about the person (notes and
/// outcomes of their appointments and referrals, comments). Their
/// appointments and referrals get a fresh random code whose client file
/// keeps only what the figures count (gender, birth year, origin,
/// residence, employment, district, first contact) and the consents — so
/// past and sealed figures stay the same. Commits, and prints how to remove
/// the old versions from the git history of every clone.
///
/// Example: quartier client erase 7F3A2B --dry-run
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Client code (K-… or a unique part of it)
    pub code: String,
    /// Show what would change, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Your initials for the retention log
    #[arg(long)]
    pub staff: Option<String>,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let staff = log_staff(&config, args.staff)?;
    let (code, _) = store.resolve(Kind::Client, &args.code)?;
    let records = load_clean(&store, &config)?;
    if erased_codes(&store, &records)?.contains(&code) {
        return Err(CommandError::data(format!(
            "{code}: {}",
            crate::i18n::t_in(lang, "ui.client.erase.was-erased-before-nothing-personal")
        )));
    }
    let today = crate::dates::today();
    let plan = erasure::plan(&store, &records, &code, today, &[])?;
    println!(
        "{code} → {}: {} {}, {} {} {}",
        plan.new_code,
        plan.count(Kind::Appointment),
        crate::i18n::t_in(lang, "ui.client.erase.appointments"),
        plan.count(Kind::Referral),
        crate::i18n::t_in(lang, "ui.client.erase.referrals"),
        crate::i18n::t_in(lang, "ui.client.erase.get-the-new-code-their"),
    );
    println!(
        "{}\t{}",
        crate::i18n::t_in(lang, "ui.client.erase.removed"),
        plan.client_path.display()
    );
    for r in &plan.records {
        println!(
            "{}\t{}",
            crate::i18n::t_in(lang, "ui.client.erase.free-text-removed"),
            r.path.display()
        );
    }
    if args.dry_run {
        println!(
            "{}",
            crate::i18n::t_in(lang, "ui.client.erase.dry-run-nothing-was-changed")
        );
        return Ok(());
    }
    let line = LogLine {
        kind: "erase",
        date: today,
        before: None,
        clients: 1,
        appointments: plan.count(Kind::Appointment),
        referrals: plan.count(Kind::Referral),
        staff,
    };
    carry_out(&store, &config, lang, std::slice::from_ref(&plan), &line)
}
