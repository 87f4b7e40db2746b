//! Sealed reports (SPEC v2 §3.7): `report … --seal` keeps the JSON of a
//! handed-in report with the settings it was made with in
//! `reports/sealed/<name>.json` and commits it; `--seal --amend --reason`
//! appends a version; [`drift`] (run by `check`) rebuilds every seal from
//! the current records with the stored settings and names each figure that
//! changed. Yearly reports list the amended seals of their year
//! ([`amendments`]).

use crate::dates::Period;
use crate::model::{Config, EsfSettings, Kind};
use crate::report::{Amendment, ReportKind};
use crate::store::{Finding, Store};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where seals live, inside the records folder.
pub const DIR: &str = "reports/sealed";

/// Why no seal was made.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("{}", crate::tr!("seal.not-ended", name = name, to = crate::report::labels::date(*to, crate::i18n::lang())))]
    NotEnded { name: String, to: NaiveDate },
    #[error("{}", crate::tr!("seal.exists", path = .0.display()))]
    Exists(PathBuf),
    #[error("{}", crate::tr!("seal.nothing-to-amend", path = .0.display()))]
    NothingToAmend(PathBuf),
    #[error("{}", crate::tr!("seal.records", count = .0))]
    Records(usize),
    #[error("{}", crate::tr!("seal.unreadable", path = path.display(), why = why))]
    Unreadable { path: PathBuf, why: String },
    #[error("{0}")]
    Write(#[from] crate::error::CommandError),
    #[error(transparent)]
    Store(#[from] crate::error::StoreError),
    #[error(transparent)]
    Git(#[from] crate::git::GitError),
}

/// A seal file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seal {
    pub name: String,
    pub kind: String,
    pub period: SealPeriod,
    pub versions: Vec<Version>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// One sealed version of the report, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub sealed_at: String,
    pub sealed_by: String,
    pub quartier: String,
    pub commit: Option<String>,
    pub reason: Option<String>,
    pub settings: Settings,
    pub report: Value,
}

/// The settings a report's figures depend on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub esf: EsfSettings,
    pub area: AreaSettings,
    pub sponsors: SponsorSettings,
    pub topics: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaSettings {
    pub districts: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SponsorSettings {
    pub stale_after_days: i64,
}

impl Settings {
    pub fn of(config: &Config) -> Settings {
        Settings {
            esf: config.esf,
            area: AreaSettings {
                districts: config.area.districts.clone(),
            },
            sponsors: SponsorSettings {
                stale_after_days: config.sponsors.stale_after_days,
            },
            topics: config.topic_codes(),
        }
    }

    /// `config` with these settings in place of its own. The topic codes
    /// the seal was made with are known again (a code removed from
    /// `[topics.codes]` since, labelled by itself), so that records holding
    /// it can still be read and the sealed figures rebuilt; codes added since
    /// stay known too (a correction may use one).
    pub fn applied_to(&self, config: &Config) -> Config {
        let mut c = config.clone();
        c.esf = self.esf;
        c.area.districts = self.area.districts.clone();
        c.sponsors.stale_after_days = self.sponsors.stale_after_days;
        for code in &self.topics {
            if !c.is_topic(code) {
                c.topics.codes.insert(
                    code.clone(),
                    crate::model::config::TopicLabels {
                        de: code.clone(),
                        en: code.clone(),
                    },
                );
            }
        }
        c
    }
}

/// The seal's name: `monthly-2026-10`, `quarterly-2026-Q3`, `yearly-2025`,
/// `period-2026-03-01-2026-05-31`.
pub fn name(kind: ReportKind, period: Period) -> String {
    let to = period.to;
    match kind {
        ReportKind::Monthly => format!("monthly-{}-{:02}", to.year(), to.month()),
        ReportKind::Quarterly => format!("quarterly-{}-Q{}", to.year(), (to.month() - 1) / 3 + 1),
        ReportKind::Yearly => format!("yearly-{}", to.year()),
        ReportKind::Period => format!("period-{}-{}", period.from, period.to),
    }
}

/// The path of the seal `name` in the records folder `root`.
pub fn path(root: &Path, name: &str) -> PathBuf {
    root.join(DIR).join(format!("{name}.json"))
}

/// What a seal command asks for.
#[derive(Debug, Clone)]
pub struct Request {
    pub kind: ReportKind,
    pub period: Period,
    /// `--amend --reason`: the reason of the new version.
    pub amend: Option<String>,
    pub today: NaiveDate,
}

/// Seals (or amends) the report of `request` and commits the seal — an
/// amendment together with the uncommitted record changes it accounts
/// for. Returns the report sealed and the seal's path. Record errors are
/// printed by the caller from `Err(Records)`'s findings, passed back in
/// `findings`.
pub fn seal(
    store: &Store,
    config: &Config,
    request: &Request,
    findings: &mut Vec<Finding>,
) -> Result<(crate::report::Report, PathBuf), SealError> {
    let name = name(request.kind, request.period);
    if request.period.to >= request.today {
        return Err(SealError::NotEnded {
            name,
            to: request.period.to,
        });
    }
    let file = path(store.root(), &name);
    let existing = read(&file)?;
    let mut seal = match (existing, &request.amend) {
        (Some(_), None) => return Err(SealError::Exists(file)),
        (None, Some(_)) => return Err(SealError::NothingToAmend(file)),
        (Some(seal), Some(_)) => seal,
        (None, None) => Seal {
            name: name.clone(),
            kind: request.kind.code().to_string(),
            period: SealPeriod {
                from: request.period.from,
                to: request.period.to,
            },
            versions: Vec::new(),
        },
    };
    let report = match crate::report::make(store, config, request.period, request.kind) {
        Ok(r) => r,
        Err(errors) => {
            let n = errors.len();
            findings.extend(errors);
            return Err(SealError::Records(n));
        }
    };
    seal.versions.push(Version {
        sealed_at: chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        sealed_by: identity(store.root()),
        quartier: env!("CARGO_PKG_VERSION").to_string(),
        commit: report.source.commit.clone(),
        reason: request.amend.clone(),
        settings: Settings::of(config),
        report: serde_json::to_value(&report).unwrap_or(Value::Null),
    });
    let mut text = serde_json::to_string_pretty(&seal).unwrap_or_default();
    text.push('\n');
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            crate::error::CommandError::data(crate::tr!(
                "seal.cannot-create",
                path = dir.display(),
                problem = crate::error::IoProblem(&e)
            ))
        })?;
    }
    crate::store::atomic_write(&file, text.as_bytes())?;
    let mut paths = vec![file.clone()];
    let message = match &request.amend {
        None => format!("seal {name}"),
        Some(reason) => {
            paths.extend(uncommitted_records(store.root()));
            format!("seal {name}: amended ({reason})")
        }
    };
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    crate::git::commit_paths(store.root(), &refs, &message)?;
    Ok((report, file))
}

/// The seal at `file`, None when there is none.
pub fn read(file: &Path) -> Result<Option<Seal>, SealError> {
    let text = match crate::store::read_utf8(file) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(SealError::Unreadable {
                path: file.to_path_buf(),
                why: crate::error::IoProblem(&e).to_string(),
            });
        }
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| SealError::Unreadable {
            path: file.to_path_buf(),
            why: e.to_string(),
        })
}

/// Every seal file in the records folder, sorted by name.
fn seal_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(DIR))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// The amended seals of `year` for a yearly report: one entry for each seal
/// of a period in that year with more than one version, with the latest
/// amendment's time and reason.
pub fn amendments(root: &Path, year: i32) -> Vec<Amendment> {
    seal_files(root)
        .iter()
        .filter_map(|f| read(f).ok().flatten())
        .filter(|s| s.period.from.year() == year && s.versions.len() > 1)
        .filter_map(|s| {
            let last = s.versions.last()?;
            Some(Amendment {
                report: s.name.clone(),
                at: last.sealed_at.clone(),
                reason: last.reason.clone(),
            })
        })
        .collect()
}

/// The git identity for `sealed_by` (personal initials are not known here).
fn identity(root: &Path) -> String {
    crate::git::git_ok(root, &["config", "user.name"])
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Uncommitted record files and `quartier.toml`: what an amendment accounts for.
fn uncommitted_records(root: &Path) -> Vec<PathBuf> {
    let Ok(repo) = crate::git::Repo::open(root) else {
        return Vec::new();
    };
    let Ok(changes) = repo.uncommitted() else {
        return Vec::new();
    };
    changes
        .into_iter()
        .filter_map(|c| {
            let rel = c.path.strip_prefix(&repo.prefix).ok()?.to_path_buf();
            let first = rel.components().next()?.as_os_str().to_str()?.to_string();
            let is_record = Kind::ALL.iter().any(|k| k.folder() == first)
                || rel == Path::new(crate::store::CONFIG_FILE);
            is_record.then(|| repo.top.join(&c.path))
        })
        .collect()
}

/// `check`: every sealed report rebuilt from the current records with its
/// stored settings and compared with its last version. A difference is an
/// error naming the seal and the figure; a seal made by another quartier
/// version gets one warning instead. A seal that cannot be rebuilt (the
/// records have errors, which `check` reports) is skipped.
pub fn drift(store: &Store, config: &Config) -> Vec<Finding> {
    let mut out = Vec::new();
    for file in seal_files(store.root()) {
        let seal = match read(&file) {
            Ok(Some(s)) => s,
            Ok(None) => continue,
            Err(e) => {
                out.push(Finding::error(
                    &file,
                    None,
                    crate::finding!("seal-unreadable", problem = e),
                ));
                continue;
            }
        };
        let (Some(last), Some(kind)) = (seal.versions.last(), ReportKind::from_code(&seal.kind))
        else {
            out.push(Finding::error(&file, None, crate::finding!("seal-broken")));
            continue;
        };
        let Ok(period) = Period::new(seal.period.from, seal.period.to) else {
            continue;
        };
        let settings = last.settings.applied_to(config);
        let Ok(report) = crate::report::make::build_from(store, &settings, period, kind) else {
            continue;
        };
        let now = serde_json::to_value(&report).unwrap_or(Value::Null);
        let changes = differences(&last.report, &now);
        if changes.is_empty() {
            continue;
        }
        if last.quartier != env!("CARGO_PKG_VERSION") {
            out.push(Finding::warning(
                &file,
                None,
                crate::finding!(
                    "seal-other-version",
                    version = last.quartier,
                    this = env!("CARGO_PKG_VERSION"),
                    count = changes.len(),
                    first = changes[0].text()
                ),
            ));
            continue;
        }
        for change in changes {
            out.push(Finding::error(
                &file,
                None,
                crate::finding!(
                    "seal-figure-changed",
                    key = change.key,
                    was = change.was,
                    now = change.now
                ),
            ));
        }
    }
    out
}

/// The sections a seal does not hold the records to: they may change.
const NOT_COMPARED: [&str; 5] = ["quality", "targets", "office", "source", "amended"];

/// "consultations.held was 61, the records now give 62" for every figure
/// or list that differs.
pub fn differences(sealed: &Value, now: &Value) -> Vec<Change> {
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    flatten("", sealed, &mut a);
    flatten("", now, &mut b);
    let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    // A figure the seal does not hold (a seal older than the figure, e.g.
    // `contacts` before v2) that the records give as 0 did not change.
    let unchanged = |k: &String| match (a.get(k), b.get(k)) {
        (None, Some(now)) => now.as_u64() == Some(0),
        (was, now) => was == now,
    };
    keys.into_iter()
        .filter(|k| !unchanged(k))
        .map(|k| {
            let was = a.get(k).map_or_else(|| absent(b.get(k)), show);
            let now = b.get(k).map_or_else(|| absent(a.get(k)), show);
            Change {
                key: k.clone(),
                was,
                now,
            }
        })
        .collect()
}

/// One figure of a seal that the records now give otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub key: String,
    pub was: String,
    pub now: String,
}

impl Change {
    /// "consultations.held was 61, the records now give 62".
    pub fn text(&self) -> String {
        crate::tr!(
            "seal.change",
            key = self.key,
            was = self.was,
            now = self.now
        )
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A breakdown key that is absent holds 0.
fn absent(other: Option<&Value>) -> String {
    match other {
        Some(Value::Number(_)) => "0".into(),
        _ => "nothing".into(),
    }
}

fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, Value>) {
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if prefix.is_empty() && NOT_COMPARED.contains(&k.as_str()) {
                    continue;
                }
                flatten(&join(k), v, out);
            }
        }
        // `events.list`: by id, titles aside.
        Value::Array(items) if items.iter().all(Value::is_object) && !items.is_empty() => {
            for item in items {
                let id = item.get("id").map(show).unwrap_or_default();
                if let Value::Object(map) = item {
                    for (k, v) in map {
                        if k != "title" && k != "id" {
                            flatten(&format!("{prefix}[{id}].{k}"), v, out);
                        }
                    }
                    out.insert(format!("{prefix}[{id}]"), Value::Bool(true));
                }
            }
        }
        other => {
            out.insert(prefix.to_string(), other.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(key: &str, was: &str, now: &str) -> Change {
        Change {
            key: key.into(),
            was: was.into(),
            now: now.into(),
        }
    }
    use serde_json::json;

    #[test]
    fn names_of_seals() {
        let p = Period::month(2026, 10).unwrap();
        assert_eq!(name(ReportKind::Monthly, p), "monthly-2026-10");
        let q = Period::quarter(2026, 3).unwrap();
        assert_eq!(name(ReportKind::Quarterly, q), "quarterly-2026-Q3");
        assert_eq!(
            name(ReportKind::Yearly, Period::year(2025).unwrap()),
            "yearly-2025"
        );
        assert_eq!(name(ReportKind::Period, p), "period-2026-10-01-2026-10-31");
    }

    #[test]
    fn differences_name_the_figure_and_skip_what_may_change() {
        let sealed = json!({
            "consultations": {"held": 61, "by_topic": {"housing": 3}},
            "events": {"list": [{"id": "e1", "title": "A", "participants": 5}]},
            "sponsors": {"stale": ["a"]},
            "quality": {"planned_in_past": 1}, "source": {"commit": "x"}
        });
        let now = json!({
            "consultations": {"held": 62, "by_topic": {"housing": 3, "work": 1}},
            "events": {"list": [{"id": "e1", "title": "B", "participants": 5}]},
            "sponsors": {"stale": ["a", "b"]},
            "quality": {"planned_in_past": 0}, "source": {"commit": "y"}
        });
        assert_eq!(
            differences(&sealed, &now),
            vec![
                change("consultations.by_topic.work", "0", "1"),
                change("consultations.held", "61", "62"),
                change("sponsors.stale", "[\"a\"]", "[\"a\",\"b\"]"),
            ]
        );
        assert!(differences(&sealed, &sealed).is_empty());
    }

    #[test]
    fn a_figure_newer_than_the_seal_is_no_difference_while_it_is_zero() {
        let sealed = json!({"consultations": {"held": 3}});
        let now = json!({
            "consultations": {"held": 3},
            "contacts": {"total": 0, "referred": 0},
            "year_to_date": {"contacts": 0}
        });
        assert!(differences(&sealed, &now).is_empty());
        let now = json!({"consultations": {"held": 3}, "contacts": {"total": 2}});
        assert_eq!(
            differences(&sealed, &now),
            vec![change("contacts.total", "0", "2")]
        );
    }
}
