//! `quartier retention --before DATE [--dry-run|--apply]` (SPEC §4): erases
//! every client whose last contact lies before DATE, as `client erase`
//! does; and the part both commands share — listing what an erasure
//! changes, writing it, logging and committing it, and printing how to
//! purge the old versions from the git history.

use crate::cli::Globals;
use crate::commands::shared::date_arg;
use crate::erasure::{self, Erasure, LogLine};
use crate::error::{CommandError, Result};
use crate::git::{GitError, Repo};
use crate::model::{Config, Kind, Lang};
use crate::store::{Records, Scope, Store};
use crate::tr;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Delete the personal data of clients after the retention period.
///
/// Every client whose last contact (first contact, appointments, referrals
/// and their closing) lies before DATE is erased like `client erase` does:
/// the client file and all free text about them go; their appointments and
/// referrals keep counting under a fresh code, so past and sealed figures
/// stay the same. Without --apply nothing is changed (a dry run): it lists
/// the clients and counts. --apply commits and writes a line without any
/// personal data to retention-log.toml.
///
/// Example: quartier retention --before 2023-01-01 --apply
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Erase clients whose last contact lies before this day
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub before: NaiveDate,
    /// Only list and count, change nothing (the default)
    #[arg(long, conflicts_with = "apply")]
    pub dry_run: bool,
    /// Erase them, commit, and log the run
    #[arg(long)]
    pub apply: bool,
    /// Your initials for the retention log
    #[arg(long)]
    pub staff: Option<String>,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let staff = log_staff(&config, args.staff.clone())?;
    let today = crate::dates::today();
    if args.before > today {
        return Err(CommandError::usage(crate::tr_in!(
            lang,
            "ui.retention.before-problem",
            date = crate::report::labels::date(args.before, lang),
            problem = crate::i18n::t_in(lang, "ui.retention.the-cut-off-lies-in")
        )));
    }
    let records = load_clean(&store, &config)?;
    let erased = erased_codes(&store, &records)?;
    let due: Vec<(String, NaiveDate)> = erasure::last_contacts(&records)
        .into_iter()
        .filter(|(code, last)| *last < args.before && !erased.contains(code))
        .collect();
    let mut plans: Vec<Erasure> = Vec::new();
    for (code, _) in &due {
        let taken: Vec<String> = plans.iter().map(|p| p.new_code.clone()).collect();
        plans.push(erasure::plan(&store, &records, code, today, &taken)?);
    }
    for ((code, last), p) in due.iter().zip(&plans) {
        println!(
            "{code}\t{}: {}\t{} {}, {} {}",
            crate::i18n::t_in(lang, "ui.retention.last-contact"),
            crate::report::labels::date(*last, lang),
            p.count(Kind::Appointment),
            crate::i18n::t_in(lang, "ui.retention.appointments"),
            p.count(Kind::Referral),
            crate::i18n::t_in(lang, "ui.retention.referrals"),
        );
    }
    let line = LogLine {
        kind: "retention",
        date: today,
        before: Some(args.before),
        clients: plans.len(),
        appointments: plans.iter().map(|p| p.count(Kind::Appointment)).sum(),
        referrals: plans.iter().map(|p| p.count(Kind::Referral)).sum(),
        staff,
    };
    println!(
        "{}: {} {}, {} {}, {} {}",
        crate::i18n::t_in(lang, "ui.retention.in-all"),
        line.clients,
        crate::i18n::t_in(lang, "ui.retention.clients"),
        line.appointments,
        crate::i18n::t_in(lang, "ui.retention.appointments"),
        line.referrals,
        crate::i18n::t_in(lang, "ui.retention.referrals"),
    );
    if !args.apply {
        println!(
            "{}",
            crate::i18n::t_in(lang, "ui.retention.dry-run-nothing-was-changed")
        );
        return Ok(());
    }
    if plans.is_empty() {
        return Ok(());
    }
    carry_out(&store, &config, lang, &plans, &line)
}

/// Every record, refusing (exit 1) while any file has an error: a record
/// that cannot be read might belong to the client and would be missed.
pub fn load_clean(store: &Store, config: &Config) -> Result<Records> {
    let loaded = store.load(config, &Scope::all());
    let errors: Vec<String> = loaded
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| f.to_string())
        .collect();
    if !errors.is_empty() {
        return Err(CommandError::data(format!(
            "{}\n{}",
            errors.join("\n"),
            tr!("ui.retention.nothing-erased-errors")
        )));
    }
    Ok(loaded.records)
}

/// Codes of clients erased before (their file holds `erased`).
pub fn erased_codes(store: &Store, records: &Records) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for c in &records.clients {
        let path = store.root().join(&c.path);
        let text = crate::store::read_text(&path)
            .map_err(|m| CommandError::data(format!("{}: {m}", path.display())))?;
        if text
            .parse::<toml::Table>()
            .is_ok_and(|t| t.contains_key("erased"))
        {
            out.push(c.id.clone());
        }
    }
    Ok(out)
}

/// The initials for the retention log: `--staff`, else the personal
/// `staff`. They must be initials of `[staff]` or `[staff.former]` (exit 2
/// otherwise): whatever was typed would be kept in the log, which holds no
/// personal data (a `--staff "Frau Y., 0176 …"` was written into it).
pub fn log_staff(config: &Config, given: Option<String>) -> Result<Option<String>> {
    let from_flag = given.is_some();
    let Some(staff) = given.or_else(crate::personal::staff) else {
        return Ok(None);
    };
    let staff = crate::schema::value::normalise(&crate::schema::FieldType::Staff, &staff, config);
    let listed = config.is_staff(&staff);
    let initials = (1..=8).contains(&staff.len())
        && staff
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if listed || (config.staff.is_empty() && config.former_staff.is_empty() && initials) {
        return Ok(Some(staff));
    }
    if !from_flag {
        // a personal setting that does not fit this office: leave it out
        return Ok(None);
    }
    Err(CommandError::usage(tr!(
        "ui.retention.unknown-staff",
        staff = staff,
        known = config.staff.keys().cloned().collect::<Vec<_>>().join(", ")
    )))
}

/// Writes the erasures, logs and commits them, and prints what changed and
/// how to purge the history.
pub fn carry_out(
    store: &Store,
    config: &Config,
    lang: Lang,
    plans: &[Erasure],
    line: &LogLine,
) -> Result<()> {
    let mut changed: Vec<PathBuf> = Vec::new();
    for p in plans {
        changed.extend(erasure::apply(store, config, p)?);
    }
    changed.push(erasure::append_log(store.root(), line)?);
    for p in &changed {
        println!(
            "{}\t{}",
            crate::i18n::t_in(lang, "ui.retention.changed"),
            p.display()
        );
    }
    let message = format!(
        "{}: {} client(s), {} appointment(s), {} referral(s) (Art. 17 GDPR)",
        line.kind, line.clients, line.appointments, line.referrals
    );
    let in_git = match Repo::open(store.root()) {
        Ok(_) => {
            let paths: Vec<&Path> = changed.iter().map(PathBuf::as_path).collect();
            crate::git::commit_paths(store.root(), &paths, &message)?;
            println!(
                "{}: {message}",
                crate::i18n::t_in(lang, "ui.retention.committed")
            );
            true
        }
        Err(GitError::NotARepository { .. } | GitError::NotAWorkTree { .. }) => {
            println!(
                "{}",
                crate::i18n::t_in(lang, "ui.retention.not-committed-the-folder-is")
            );
            false
        }
        // The erasure is written: say why it is not committed, do not fail.
        Err(e) => {
            println!(
                "{}: {e}",
                crate::i18n::t_in(lang, "ui.retention.not-committed")
            );
            false
        }
    };
    println!(
        "{}",
        crate::i18n::t_in(lang, "ui.retention.the-result-is-pseudonymous-not")
    );
    if in_git {
        let files = erasure::write_purge_files(store.root(), plans)?;
        println!("{}", erasure::purge_steps(lang, plans, &files));
    }
    Ok(())
}
