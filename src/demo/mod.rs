//! Synthetic records folders: the embedded sample (`records/`, scale 1) and
//! bigger folders for benchmarks.
//!
//! The same seed and scale always give the same bytes: all randomness comes
//! from a small seeded generator, ids included, and nothing depends on the
//! calendar. Every record is built as a typed model record and written by
//! `model::write`, so it is valid by construction.
//!
//! Scale 1 is one office from January 2025 to October 2026. Scale K holds about
//! K times as many records: it reaches further back in years and adds more
//! offices' worth of work per month, so that months do not get absurdly dense.

use crate::model::write::to_toml;
use crate::model::*;
use chrono::{Datelike, Months, NaiveDate, NaiveTime, TimeDelta, Weekday};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

mod clients;
mod contacts;
mod material;
mod meetings;
mod office;
mod plans;
mod rng;
mod seeds;
#[cfg(test)]
mod tests;

use material::*;
use rng::Rng;
use seeds::*;

/// The seed of the committed sample folder `records/`.
pub const SAMPLE_SEED: u64 = 2025;

/// The largest `--scale`: about a million records.
pub const MAX_SCALE: u32 = 1000;

/// The last day of the data: nothing later is `done`, closed or new, except a
/// few `planned` appointments and events in December and January.
pub fn data_end() -> NaiveDate {
    ymd(2026, 10, 31)
}

/// Months of one sample period (January 2025 to October 2026).
const PERIOD_MONTHS: u32 = 22;

/// No data before this, whatever the scale.
const EARLIEST_START: (i32, u32) = (2000, 1);

/// A generated folder: the settings file and every record.
#[derive(Debug, Clone)]
pub struct Sample {
    pub config: String,
    pub records: Vec<Record>,
}

impl Sample {
    /// Every file of the folder as (path relative to the folder, text).
    pub fn files(&self) -> Vec<(PathBuf, String)> {
        let mut files = vec![
            (
                PathBuf::from(crate::store::CONFIG_FILE),
                self.config.clone(),
            ),
            (
                PathBuf::from(".gitignore"),
                crate::commands::init::GITIGNORE.to_string(),
            ),
        ];
        files.par_extend(
            self.records
                .par_iter()
                .map(|r| (record_path(r), to_toml(r))),
        );
        files
    }

    /// Writes the folder into `dir`, which must not exist or be empty.
    /// Returns how many records were written.
    pub fn write_to(&self, dir: &Path) -> crate::error::Result<usize> {
        use crate::error::CommandError;
        match std::fs::read_dir(dir) {
            Ok(mut entries) => {
                if entries.next().is_some() {
                    return Err(CommandError::data(crate::tr!(
                        "demo.not-empty",
                        path = dir.display()
                    )));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                let what = if dir.is_file() {
                    crate::error::IoAction::UseNotAFile
                } else {
                    crate::error::IoAction::Read
                };
                return Err(CommandError::io(what, dir, &e));
            }
        }
        // Everything is written into a hidden folder next to `dir` and renamed
        // into place at the end: a full disk or an error leaves nothing
        // half-made (no 0-byte record, no half a folder).
        let staging = Staging::create(dir)?;
        let files = self.files();
        let folders: BTreeSet<PathBuf> = files
            .iter()
            .filter_map(|(rel, _)| rel.parent().map(|p| staging.path.join(p)))
            .collect();
        for folder in folders {
            std::fs::create_dir_all(&folder)
                .map_err(|e| CommandError::io(crate::error::IoAction::Create, &folder, &e))?;
        }
        files.par_iter().try_for_each(|(rel, text)| {
            let path = staging.path.join(rel);
            std::fs::write(&path, text)
                .map_err(|e| CommandError::io(crate::error::IoAction::Write, &dir.join(rel), &e))
        })?;
        staging.finish(dir)?;
        Ok(self.records.len())
    }
}

/// A hidden folder beside the one `demo generate` writes, removed again
/// (with what is in it, and the parent folders made for it) unless
/// [`Staging::finish`] renamed it into place.
struct Staging {
    path: PathBuf,
    made: Vec<PathBuf>,
    done: bool,
}

impl Staging {
    fn create(dir: &Path) -> crate::error::Result<Staging> {
        use crate::error::CommandError;
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut made = Vec::new();
        let mut up = parent.as_path();
        while std::fs::symlink_metadata(up).is_err() {
            made.push(up.to_path_buf());
            match up.parent() {
                Some(p) if !p.as_os_str().is_empty() => up = p,
                _ => break,
            }
        }
        let mut staging = Staging {
            path: PathBuf::new(),
            made,
            done: false,
        };
        std::fs::create_dir_all(&parent)
            .map_err(|e| CommandError::io(crate::error::IoAction::Create, &parent, &e))?;
        let name = dir
            .file_name()
            .map_or_else(|| "records".into(), |n| n.to_string_lossy().into_owned());
        let path = parent.join(format!(".{name}.quartier-demo-{}", std::process::id()));
        std::fs::create_dir(&path)
            .map_err(|e| CommandError::io(crate::error::IoAction::Create, &path, &e))?;
        staging.path = path;
        Ok(staging)
    }

    /// Renames the staging folder to `dir` (which is missing or empty).
    fn finish(mut self, dir: &Path) -> crate::error::Result<()> {
        std::fs::rename(&self.path, dir)
            .map_err(|e| crate::error::CommandError::io(crate::error::IoAction::Create, dir, &e))?;
        self.done = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        if !self.path.as_os_str().is_empty() {
            let _ = std::fs::remove_dir_all(&self.path);
        }
        for p in &self.made {
            let _ = std::fs::remove_dir(p);
        }
    }
}

/// Where a record lives below the records folder.
pub fn record_path(record: &Record) -> PathBuf {
    let mut path = PathBuf::from(record.kind().folder());
    if let Some(d) = record.date() {
        path.push(format!("{:04}", d.year()));
        path.push(format!("{:02}", d.month()));
    }
    path.push(format!("{}.toml", record.id()));
    path
}

/// Generates the folder of `seed` at `scale` (1 ..= [`MAX_SCALE`]).
pub fn generate(seed: u64, scale: u32) -> Sample {
    let scale = scale.clamp(1, MAX_SCALE);
    let mut g = Generator::new(seed, scale);
    g.staff();
    g.partners();
    g.sponsors();
    g.sponsor_plans();
    g.consultations();
    g.planned_consultations();
    g.sponsor_meetings();
    g.events();
    // drawn last, so that the records above stay as they were before
    g.organisation_partners();
    g.organisation_consultations();
    g.contacts();
    let config = g.config_text(seed, scale);
    let mut records = Vec::with_capacity(
        g.sponsors.len()
            + g.partners.len()
            + g.clients.len()
            + g.appointments.len()
            + g.referrals.len()
            + g.events.len()
            + g.contacts.len(),
    );
    records.extend(g.sponsors.into_iter().map(|s| Record::Sponsor(s.record)));
    records.extend(g.partners.into_iter().map(Record::Partner));
    records.extend(g.clients.into_iter().map(|c| Record::Client(c.record)));
    records.extend(g.appointments.into_iter().map(Record::Appointment));
    records.extend(g.referrals.into_iter().map(Record::Referral));
    records.extend(g.events.into_iter().map(Record::Event));
    records.extend(g.contacts.into_iter().map(Record::Contact));
    Sample { config, records }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid calendar date")
}

fn days(d: NaiveDate, n: i64) -> NaiveDate {
    d + TimeDelta::days(n)
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("a valid time")
}

/// Public holidays in Saxony with a fixed date, and the days around Christmas.
fn is_closed(d: NaiveDate) -> bool {
    matches!(
        (d.month(), d.day()),
        (1, 1) | (5, 1) | (10, 3) | (10, 31) | (12, 24) | (12, 25) | (12, 26) | (12, 31)
    )
}

fn is_workday(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_closed(d)
}

/// The first workday on or after `d`.
fn workday_from(mut d: NaiveDate) -> NaiveDate {
    while !is_workday(d) {
        d = days(d, 1);
    }
    d
}

fn month_start(y: i32, m: u32) -> NaiveDate {
    ymd(y, m, 1)
}

fn month_end(y: i32, m: u32) -> NaiveDate {
    month_start(y, m) + Months::new(1) - TimeDelta::days(1)
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

struct Staff {
    initials: String,
    name: String,
    /// Accompanies the project sponsors (most sponsor meetings are theirs).
    sponsors: bool,
}

/// A sponsor and what its meetings should look like.
struct PlannedSponsor {
    record: Sponsor,
    /// No meeting after this day (the sample's "stale" sponsor).
    meetings_until: Option<NaiveDate>,
}

/// A client and what the generator needs to know about them.
struct Person {
    record: Client,
    last_visit: Option<NaiveDate>,
    active_until: NaiveDate,
}

struct Generator {
    rng: Rng,
    /// Offices' worth of work per month, in thousandths.
    density: u64,
    start: NaiveDate,
    end: NaiveDate,
    ids: HashSet<String>,
    staff: Vec<Staff>,
    partners: Vec<Partner>,
    sponsors: Vec<PlannedSponsor>,
    clients: Vec<Person>,
    appointments: Vec<Appointment>,
    referrals: Vec<Referral>,
    events: Vec<Event>,
    contacts: Vec<Contact>,
}

fn ceil_sqrt(n: u32) -> u32 {
    (1..=n).find(|k| k * k >= n).unwrap_or(1)
}
