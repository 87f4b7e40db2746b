//! Erasure (Art. 17 GDPR) and retention (Art. 5(1)(e)) of clients, as SPEC
//! §4 has them: the client file goes, and with it every free text about the
//! person (notes, outcomes, comments of their appointments and referrals);
//! their appointments and referrals get a fresh random code whose client
//! file keeps only what the counted figures and the consent rule need — so
//! every past and sealed figure, and `check`, stay the same. The result is
//! pseudonymous, not anonymous.
//!
//! [`plan`] works out every change without writing; [`apply`] writes them
//! (new client first, then each record by compare-and-swap, then the old
//! client is removed), so a dry run and the real run do the same thing.

mod history;
mod log;
mod text;

pub use history::{PurgeFiles, old_blobs, purge_steps, write_purge_files};
pub use log::{LOG_FILE, LogLine, append as append_log};

use crate::error::{CommandError, Result};
use crate::model::{Config, Kind};
use crate::store::{Records, Store};
use chrono::NaiveDate;
use std::path::PathBuf;

/// One record file rewritten.
#[derive(Debug, Clone)]
pub struct Rewrite {
    pub kind: Kind,
    pub id: String,
    pub path: PathBuf,
    pub old: String,
    pub new: String,
}

/// Everything the erasure of one client changes.
#[derive(Debug, Clone)]
pub struct Erasure {
    pub code: String,
    pub new_code: String,
    pub client_path: PathBuf,
    pub new_client_path: PathBuf,
    pub new_client_text: String,
    pub records: Vec<Rewrite>,
}

impl Erasure {
    pub fn count(&self, kind: Kind) -> usize {
        self.records.iter().filter(|r| r.kind == kind).count()
    }
}

/// The free-text keys removed from a client's records: what the schema
/// marks as free text (`notes`, `outcome`, and whatever free text a later
/// version adds). Topics stay: in a client's consultations they are codes
/// the figures count.
fn free_text_keys(kind: Kind) -> Vec<&'static str> {
    crate::schema::of(kind)
        .fields()
        .filter(|f| f.is_free_text())
        .map(|f| f.key)
        .collect()
}

/// The changes that erase client `code` (an exact code), given every record.
/// `taken` are codes that must not be given out (other erasures of the same run).
pub fn plan(
    store: &Store,
    records: &Records,
    code: &str,
    today: NaiveDate,
    taken: &[String],
) -> Result<Erasure> {
    let client = records
        .clients
        .iter()
        .find(|c| c.id == code)
        .ok_or_else(|| CommandError::data(crate::tr!("erase.no-client", code = code)))?;
    let new_code = fresh_code(records, taken)?;
    let client_path = store.root().join(&client.path);
    let old_client = read(&client_path)?;
    let (new_client_text, _) = text::skeleton(&old_client, &new_code, today)
        .map_err(|e| CommandError::data(format!("{}: {e}", client_path.display())))?;
    let new_client_path = store
        .root()
        .join(Kind::Client.folder())
        .join(format!("{new_code}.toml"));
    let mut rewrites = Vec::new();
    let appointments = records
        .appointments
        .iter()
        .filter(|a| a.client.as_deref() == Some(code))
        .map(|a| (Kind::Appointment, a.id.clone(), store.root().join(&a.path)));
    let referrals = records
        .referrals
        .iter()
        .filter(|r| r.client == code)
        .map(|r| (Kind::Referral, r.id.clone(), store.root().join(&r.path)));
    for (kind, id, path) in appointments.chain(referrals) {
        let old = read(&path)?;
        let (new, _) = text::rewrite(&old, &new_code, &free_text_keys(kind))
            .map_err(|e| CommandError::data(format!("{}: {e}", path.display())))?;
        rewrites.push(Rewrite {
            kind,
            id,
            path,
            old,
            new,
        });
    }
    Ok(Erasure {
        code: code.to_string(),
        new_code,
        client_path,
        new_client_path,
        new_client_text,
        records: rewrites,
    })
}

fn read(path: &std::path::Path) -> Result<String> {
    crate::store::read_text(path)
        .map_err(|m| CommandError::data(format!("{}: {m}", path.display())))
}

/// A random client code no client has (and none of `taken`).
fn fresh_code(records: &Records, taken: &[String]) -> Result<String> {
    for _ in 0..20 {
        let code = crate::store::new_client_code()?;
        if !records.clients.iter().any(|c| c.id == code) && !taken.contains(&code) {
            return Ok(code);
        }
    }
    Err(CommandError::data(crate::tr!("erase.no-free-code")))
}

/// Writes one erasure: the new client file (never over another), each
/// record by compare-and-swap (refused when it changed since [`plan`] read
/// it), then removes the old client file. Returns every path it changed.
pub fn apply(store: &Store, config: &Config, e: &Erasure) -> Result<Vec<PathBuf>> {
    create_new(&e.new_client_path, &e.new_client_text)?;
    let mut changed = vec![e.new_client_path.clone()];
    for r in &e.records {
        let written =
            store.replace_validated_with(config, r.kind, &r.path, &r.old, &r.new, |_| Ok(()))?;
        changed.push(written.1);
    }
    std::fs::remove_file(&e.client_path)
        .map_err(|err| CommandError::io(crate::error::IoAction::Remove, &e.client_path, &err))?;
    changed.push(e.client_path.clone());
    Ok(changed)
}

/// Writes `text` to a new file at `path` atomically, failing when it exists.
fn create_new(path: &std::path::Path, text: &str) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(CommandError::data(crate::tr!(
            "erase.exists",
            path = path.display()
        )));
    }
    Ok(crate::store::atomic_write(path, text.as_bytes())?)
}

/// The day of the last contact with each client: the latest of
/// `first_contact`, their appointments' dates (any status), their
/// referrals' dates and `closed` days (SPEC §4).
pub fn last_contacts(records: &Records) -> Vec<(String, NaiveDate)> {
    let mut last: std::collections::HashMap<&str, NaiveDate> = records
        .clients
        .iter()
        .map(|c| (c.id.as_str(), c.first_contact))
        .collect();
    let mut see = |code: &str, day: NaiveDate| {
        if let Some(d) = last.get_mut(code)
            && day > *d
        {
            *d = day;
        }
    };
    for a in &records.appointments {
        if let Some(c) = &a.client {
            see(c, a.date);
        }
    }
    for r in &records.referrals {
        see(&r.client, r.date);
        if let Some(closed) = r.closed {
            see(&r.client, closed);
        }
    }
    let mut out: Vec<(String, NaiveDate)> =
        last.into_iter().map(|(c, d)| (c.to_string(), d)).collect();
    out.sort();
    out
}
