//! Finding record files (never following symlinks) and reading them on all
//! cores into typed records plus findings.

use super::{Finding, MAX_RECORD_BYTES, Store, line_of};
use crate::model::read::{Context, Placement, Problem, read_record};
use crate::model::*;
use rayon::prelude::*;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A record with the file it was read from (relative to the records root).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<T> {
    pub path: PathBuf,
    pub record: T,
}

impl<T> Deref for Entry<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.record
    }
}

/// Every record read, by kind, each list sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Records {
    pub sponsors: Vec<Entry<Sponsor>>,
    pub partners: Vec<Entry<Partner>>,
    pub clients: Vec<Entry<Client>>,
    pub appointments: Vec<Entry<Appointment>>,
    pub referrals: Vec<Entry<Referral>>,
    pub events: Vec<Entry<Event>>,
}

impl Records {
    pub fn len(&self) -> usize {
        self.sponsors.len()
            + self.partners.len()
            + self.clients.len()
            + self.appointments.len()
            + self.referrals.len()
            + self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn push(&mut self, path: PathBuf, record: Record) {
        match record {
            Record::Sponsor(record) => self.sponsors.push(Entry { path, record }),
            Record::Partner(record) => self.partners.push(Entry { path, record }),
            Record::Client(record) => self.clients.push(Entry { path, record }),
            Record::Appointment(record) => self.appointments.push(Entry { path, record }),
            Record::Referral(record) => self.referrals.push(Entry { path, record }),
            Record::Event(record) => self.events.push(Entry { path, record }),
        }
    }

    fn sort(&mut self) {
        self.sponsors.sort_by(|a, b| a.id.cmp(&b.id));
        self.partners.sort_by(|a, b| a.id.cmp(&b.id));
        self.clients.sort_by(|a, b| a.id.cmp(&b.id));
        self.appointments.sort_by(|a, b| a.id.cmp(&b.id));
        self.referrals.sort_by(|a, b| a.id.cmp(&b.id));
        self.events.sort_by(|a, b| a.id.cmp(&b.id));
    }
}

/// Inclusive range of `YYYY/MM` folders; an open end reaches the first or last folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MonthRange {
    pub from: Option<(i32, u32)>,
    pub to: Option<(i32, u32)>,
}

impl MonthRange {
    pub const ALL: MonthRange = MonthRange {
        from: None,
        to: None,
    };

    pub fn contains(&self, ym: (i32, u32)) -> bool {
        self.from.is_none_or(|f| ym >= f) && self.to.is_none_or(|t| ym <= t)
    }

    pub fn overlaps_year(&self, year: i32) -> bool {
        self.from.is_none_or(|f| f <= (year, 12)) && self.to.is_none_or(|t| t >= (year, 1))
    }
}

/// Which files to read. Dated kinds are read by month folder.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub undated: bool,
    pub appointments: Vec<MonthRange>,
    pub referrals: Vec<MonthRange>,
    pub events: Vec<MonthRange>,
}

impl Scope {
    /// Everything.
    pub fn all() -> Scope {
        Scope {
            undated: true,
            appointments: vec![MonthRange::ALL],
            referrals: vec![MonthRange::ALL],
            events: vec![MonthRange::ALL],
        }
    }

    fn months_of(&self, kind: Kind) -> &[MonthRange] {
        match kind {
            Kind::Appointment => &self.appointments,
            Kind::Referral => &self.referrals,
            Kind::Event => &self.events,
            _ => &[],
        }
    }

    fn wants(&self, kind: Kind, ym: Option<(i32, u32)>) -> bool {
        if !kind.is_dated() {
            return self.undated;
        }
        match ym {
            Some(ym) => self.months_of(kind).iter().any(|r| r.contains(ym)),
            None => !self.months_of(kind).is_empty(),
        }
    }
}

pub struct LoadResult {
    pub records: Records,
    pub findings: Vec<Finding>,
}

impl LoadResult {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// What reading one file gave: the record (with its path) and the findings.
type ReadOutcome = (Option<(PathBuf, Record)>, Vec<Finding>);

/// A file found by the walk, with where it sits.
struct Candidate {
    rel: PathBuf,
    kind: Kind,
    year_month: Option<(i32, u32)>,
}

impl Store {
    /// Reads every record in `scope`, validating each file on its own.
    pub fn load(&self, config: &Config, scope: &Scope) -> LoadResult {
        let mut findings = Vec::new();
        let candidates = self.walk(scope, &mut findings);
        let ctx = Context {
            config,
            today: crate::dates::today(),
        };
        let read: Vec<ReadOutcome> = candidates
            .par_iter()
            .map(|c| self.read_candidate(c, &ctx))
            .collect();
        let mut records = Records::default();
        for (record, mut f) in read {
            if let Some((path, record)) = record {
                records.push(path, record);
            }
            findings.append(&mut f);
        }
        records.sort();
        findings.sort();
        LoadResult { records, findings }
    }

    /// Reads one file given by its path relative to the root.
    pub fn read_file(&self, rel: &Path, config: &Config) -> (Option<Record>, Vec<Finding>) {
        let ctx = Context {
            config,
            today: crate::dates::today(),
        };
        let mut findings = Vec::new();
        match classify(rel, &mut findings, &self.root) {
            Some(c) => {
                let (r, f) = self.read_candidate(&c, &ctx);
                (r.map(|(_, r)| r), f)
            }
            None => (None, findings),
        }
    }

    fn walk(&self, scope: &Scope, findings: &mut Vec<Finding>) -> Vec<Candidate> {
        let mut out = Vec::new();
        for kind in Kind::ALL {
            if !kind.is_dated() && !scope.undated {
                continue;
            }
            if kind.is_dated() && scope.months_of(kind).is_empty() {
                continue;
            }
            let dir = self.root.join(kind.folder());
            match std::fs::symlink_metadata(&dir) {
                Err(_) => continue,
                Ok(m) if m.file_type().is_symlink() => {
                    findings.push(Finding::warning(
                        &dir,
                        None,
                        "is a symbolic link; quartier does not follow links: replace it with a real folder",
                    ));
                    continue;
                }
                Ok(m) if !m.is_dir() => {
                    findings.push(Finding::error(
                        &dir,
                        None,
                        format!(
                            "is not a folder: {} records belong in a folder of this name; move the file away",
                            kind.name()
                        ),
                    ));
                    continue;
                }
                Ok(_) => {}
            }
            let mut walker = WalkDir::new(&dir)
                .follow_links(false)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            while let Some(entry) = walker.next() {
                let entry = match entry {
                    Ok(e) => e,
                    Err(e) => {
                        let path = e.path().map_or(dir.clone(), Path::to_path_buf);
                        findings.push(Finding::error(path, None, format!("cannot read: {e}")));
                        continue;
                    }
                };
                if entry.depth() == 0 {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(&self.root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                let ft = entry.file_type();
                if ft.is_symlink() {
                    findings.push(Finding::warning(
                        entry.path(),
                        None,
                        "is a symbolic link and was not followed: replace it with the real file or remove it",
                    ));
                    continue;
                }
                if ft.is_dir() {
                    if kind.is_dated() {
                        // Skip whole year/month folders outside the scope.
                        if let Some(ym) = folder_month(&rel)
                            && !scope.wants(kind, Some(ym))
                        {
                            walker.skip_current_dir();
                        } else if let Some(y) = folder_year(&rel)
                            && !scope.months_of(kind).iter().any(|r| r.overlaps_year(y))
                        {
                            walker.skip_current_dir();
                        }
                    }
                    continue;
                }
                if let Some(c) = classify(&rel, findings, &self.root)
                    && scope.wants(c.kind, c.year_month)
                {
                    out.push(c);
                }
            }
        }
        out
    }

    fn read_candidate(&self, c: &Candidate, ctx: &Context) -> ReadOutcome {
        let path = self.root.join(&c.rel);
        let mut findings = Vec::new();
        let text = match read_text(&path) {
            Ok(t) => t,
            Err(message) => {
                findings.push(Finding::error(&path, None, message));
                return (None, findings);
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let markers = conflict_markers(text);
        if !markers.is_empty() {
            for line in markers {
                findings.push(Finding::error(
                    &path,
                    Some(line),
                    "git conflict marker: this record was changed on two sides; keep the right version, delete the marker lines, then run `quartier check`",
                ));
            }
            return (None, findings);
        }
        if text.trim().is_empty() {
            findings.push(Finding::error(
                &path,
                None,
                format!(
                    "the file is empty: fill in the {} or delete the file",
                    c.kind.name()
                ),
            ));
            return (None, findings);
        }
        let stem = c
            .rel
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let placement = Placement {
            stem: &stem,
            year_month: c.year_month,
        };
        let (record, problems) = read_record(c.kind, text, ctx, Some(placement));
        findings.extend(problems.into_iter().map(|p| to_finding(&path, text, p)));
        (record.map(|r| (c.rel.clone(), r)), findings)
    }
}

pub fn to_finding(path: &Path, text: &str, p: Problem) -> Finding {
    Finding {
        path: path.to_path_buf(),
        line: p.span.map(|s| line_of(text, s.start)),
        severity: p.severity,
        message: p.message,
    }
}

/// Reads a file as UTF-8 text, refusing anything that cannot be a record.
pub fn read_text(path: &Path) -> Result<String, String> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        // A named pipe or device would block or never end; a link is not followed.
        return Err(
            "is not a regular file and was not read: move it out of the records folder".to_string(),
        );
    }
    if meta.len() > MAX_RECORD_BYTES {
        return Err(format!(
            "the file is {:.1} MB, far too large for a record (at most 1 MB): it is not a record; move it out of the records folder",
            meta.len() as f64 / 1_000_000.0
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {}): save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// Lines (1-based) that start with a git conflict marker.
pub fn conflict_markers(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            l.starts_with("<<<<<<<")
                || l.starts_with(">>>>>>>")
                || l.starts_with("|||||||")
                || l.trim_end() == "======="
        })
        .map(|(i, _)| i + 1)
        .collect()
}

fn folder_year(rel: &Path) -> Option<i32> {
    let parts: Vec<_> = rel.iter().collect();
    if parts.len() != 2 {
        return None;
    }
    let y = parts[1].to_str()?;
    (y.len() == 4).then(|| y.parse().ok()).flatten()
}

fn folder_month(rel: &Path) -> Option<(i32, u32)> {
    let parts: Vec<_> = rel.iter().collect();
    if parts.len() != 3 {
        return None;
    }
    parse_year_month(parts[1].to_str()?, parts[2].to_str()?)
}

fn parse_year_month(y: &str, m: &str) -> Option<(i32, u32)> {
    if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let m: u32 = m.parse().ok()?;
    (1..=12).contains(&m).then_some((y.parse().ok()?, m))
}

/// Where a file below the root belongs; files that are not records in the
/// right place become findings.
fn classify(rel: &Path, findings: &mut Vec<Finding>, root: &Path) -> Option<Candidate> {
    let full = root.join(rel);
    if rel.to_str().is_none() {
        findings.push(Finding::error(
            &full,
            None,
            "the file name is not UTF-8 text and was not read: rename it to its id (a-z, 0-9, -)",
        ));
        return None;
    }
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    let kind = parts.first().and_then(|f| Kind::from_folder(f))?;
    let name = *parts.last()?;
    if !name.ends_with(".toml") {
        findings.push(Finding::warning(
            &full,
            None,
            "is not a record (not a .toml file) and was ignored: move it out of the records folder",
        ));
        return None;
    }
    let expected = if kind.is_dated() {
        format!("{}/YYYY/MM/<id>.toml", kind.folder())
    } else {
        format!("{}/<id>.toml", kind.folder())
    };
    let year_month = if kind.is_dated() {
        if parts.len() != 4 {
            findings.push(Finding::error(
                &full,
                None,
                format!(
                    "file in the wrong place: {} records belong in {expected}",
                    kind.name()
                ),
            ));
            return None;
        }
        match parse_year_month(parts[1], parts[2]) {
            Some(ym) => Some(ym),
            None => {
                findings.push(Finding::error(
                    &full,
                    None,
                    format!("file in the wrong place: `{}/{}` is not a YYYY/MM folder; {} records belong in {expected}", parts[1], parts[2], kind.name()),
                ));
                return None;
            }
        }
    } else {
        if parts.len() != 2 {
            findings.push(Finding::error(
                &full,
                None,
                format!(
                    "file in the wrong place: {} records belong in {expected}",
                    kind.name()
                ),
            ));
            return None;
        }
        None
    };
    Some(Candidate {
        rel: rel.to_path_buf(),
        kind,
        year_month,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflict_markers_are_found_by_line() {
        let t = "id = \"a\"\n<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> theirs\n";
        assert_eq!(conflict_markers(t), vec![2, 4, 6]);
        assert!(conflict_markers("notes = \"=======\"\n").is_empty());
    }

    #[test]
    fn month_ranges() {
        let r = MonthRange {
            from: Some((2026, 1)),
            to: Some((2026, 10)),
        };
        assert!(r.contains((2026, 1)) && r.contains((2026, 10)));
        assert!(!r.contains((2025, 12)) && !r.contains((2026, 11)));
        assert!(MonthRange::ALL.contains((1999, 1)));
    }

    #[test]
    fn year_month_folders() {
        assert_eq!(parse_year_month("2026", "03"), Some((2026, 3)));
        assert_eq!(parse_year_month("2026", "13"), None);
        assert_eq!(parse_year_month("2026", "3"), None);
        assert_eq!(parse_year_month("..", "03"), None);
    }
}
