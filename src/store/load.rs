//! Finding record files (never following symlinks) and reading them on all
//! cores into typed records plus findings.

use super::file::{open_folder, open_in, open_no_follow, read_regular_file, read_text};
use super::records::{LoadResult, Records, Scope};
use super::{Finding, Store, line_of};
use crate::finding;
use crate::model::read::{Context, Placement, Problem, Severity, is_valid_id, read_record};
use crate::model::*;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What reading one file gave: the kind it was read as, the record and the
/// findings.
type ReadOutcome = (Kind, Option<Record>, Vec<Finding>);

/// A file found by the walk, with where it sits.
struct Candidate {
    rel: PathBuf,
    /// The kind it is read as: its folder's, or the one its file name shows.
    kind: Kind,
    year_month: Option<(i32, u32)>,
    /// Not where a record of its kind belongs: read for its problems, never loaded.
    misplaced: bool,
    /// The walk saw a regular file (not a link, folder or device), so that it
    /// can be opened without looking at it by path first.
    regular: bool,
    /// It sits right in the folder of its unit, and is opened relative to it.
    direct: bool,
}

/// A piece of the walk that is read on its own, so that walking and
/// reading go on together on every core: a folder (a month folder, or the
/// folder of an undated kind) walked and read as a whole, or the files found
/// above the month folders.
enum Unit {
    Folder { dir: PathBuf },
    Files(Vec<Candidate>),
}

/// What one [`Unit`] gave: the findings of its walk, its files and what
/// reading each of them gave.
type UnitOutcome = (Vec<Finding>, Vec<Candidate>, Vec<ReadOutcome>);

/// Record files that exist but could not be loaded, as (kind, file stem): a
/// reference to one of them is not reported as missing.
pub(crate) type Unloaded = Vec<(Kind, String)>;

impl Store {
    /// Reads every record in `scope`, validating each file on its own.
    pub fn load(&self, config: &Config, scope: &Scope) -> LoadResult {
        self.load_with_unloaded(config, scope).0
    }

    /// Like [`Store::load`], leaving unread the referrals `index` knows
    /// were made before the months a report counts and closed before them
    /// (`super::settled`): they are in no figure. The index learns from
    /// what is read and is saved.
    pub(crate) fn load_indexed(
        &self,
        config: &Config,
        scope: &Scope,
        index: Option<super::SettledIndex>,
    ) -> LoadResult {
        let loaded = self.load_inner(config, scope, index.as_ref()).0;
        if let Some(index) = index {
            index.save();
        }
        loaded
    }

    /// Like [`Store::load`], also naming the record files that could not be loaded.
    pub(crate) fn load_with_unloaded(
        &self,
        config: &Config,
        scope: &Scope,
    ) -> (LoadResult, Unloaded) {
        self.load_inner(config, scope, None)
    }

    fn load_inner(
        &self,
        config: &Config,
        scope: &Scope,
        settled: Option<&super::SettledIndex>,
    ) -> (LoadResult, Unloaded) {
        let mut findings = Vec::new();
        let units = self.plan(scope, &mut findings);
        let ctx = Context {
            config,
            today: crate::dates::today(),
        };
        // First every unit's walk, then the reading of all files found: each
        // on every core when there are many (crate::par), so that a small
        // folder is read without starting the thread pool.
        let walked: Vec<(Vec<Finding>, Vec<Candidate>, Option<std::fs::File>)> =
            crate::par::map_owned(units, |unit| {
                let (walked, candidates, folder) = match unit {
                    Unit::Files(candidates) => (Vec::new(), candidates, None),
                    Unit::Folder { dir } => {
                        let (mut walked, mut candidates) = (Vec::new(), Vec::new());
                        self.walk_folder(&dir, true, scope, &mut walked, &mut candidates);
                        candidates.sort_unstable_by(|a, b| {
                            a.rel
                                .as_os_str()
                                .as_encoded_bytes()
                                .cmp(b.rel.as_os_str().as_encoded_bytes())
                        });
                        (walked, candidates, open_folder(&dir))
                    }
                };
                let candidates = match settled {
                    Some(index) => candidates
                        .into_iter()
                        .filter(|c| {
                            c.kind != Kind::Referral
                                || c.misplaced
                                || !index.skips(&self.root, &c.rel, c.year_month)
                        })
                        .collect(),
                    None => candidates,
                };
                (walked, candidates, folder)
            });
        let files: Vec<(usize, usize)> = walked
            .iter()
            .enumerate()
            .flat_map(|(u, (_, candidates, _))| (0..candidates.len()).map(move |i| (u, i)))
            .collect();
        let mut read: Vec<ReadOutcome> = crate::par::map(&files, |&(u, i)| {
            let (_, candidates, folder) = &walked[u];
            self.read_candidate(&candidates[i], &ctx, folder.as_ref())
        })
        .into_iter()
        .rev()
        .collect();
        let outcomes: Vec<UnitOutcome> = walked
            .into_iter()
            .map(|(walked, candidates, _)| {
                let read = (0..candidates.len()).filter_map(|_| read.pop()).collect();
                (walked, candidates, read)
            })
            .collect();
        let mut records = Records::default();
        let mut unloaded = Unloaded::new();
        for (mut walked, candidates, read) in outcomes {
            findings.append(&mut walked);
            for (c, (kind, record, mut f)) in candidates.into_iter().zip(read) {
                if let Some(index) = settled
                    && kind == Kind::Referral
                    && !c.misplaced
                {
                    let errors = f.iter().any(Finding::is_error);
                    index.saw(&self.root, &c.rel, record.as_ref(), errors);
                }
                match record {
                    Some(record) => records.push(c.rel, record),
                    None => {
                        let stem = file_stem(&c.rel);
                        unloaded.push((kind, stem.clone()));
                        if let Some(k) = c
                            .rel
                            .iter()
                            .next()
                            .and_then(|f| Kind::from_folder(f.to_str()?))
                        {
                            unloaded.push((k, stem));
                        }
                    }
                }
                findings.append(&mut f);
            }
        }
        records.sort();
        findings.sort();
        (LoadResult { records, findings }, unloaded)
    }

    /// Reads one file given by its path relative to the root.
    pub fn read_file(&self, rel: &Path, config: &Config) -> (Option<Record>, Vec<Finding>) {
        let ctx = Context {
            config,
            today: crate::dates::today(),
        };
        let mut findings = Vec::new();
        match classify(rel, &mut findings, &self.root, false) {
            Some(c) => {
                let (_, r, f) = self.read_candidate(&c, &ctx, None);
                (r, f)
            }
            None => (None, findings),
        }
    }

    /// Reads the records of the undated `kind` with these ids, each from
    /// where it belongs. An id without a file is left out without a finding:
    /// whatever refers to it reports it missing.
    pub fn load_ids<'a>(
        &self,
        config: &Config,
        kind: Kind,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> LoadResult {
        let mut findings = Vec::new();
        let mut records = Records::default();
        let dir = self.root.join(kind.folder());
        if kind.is_dated() || !self.is_real_folder(kind, &dir, &mut findings) {
            return LoadResult { records, findings };
        }
        let ctx = Context {
            config,
            today: crate::dates::today(),
        };
        let folder = open_folder(&dir);
        let candidates: Vec<Candidate> = ids
            .into_iter()
            .filter(|id| is_valid_id(kind, id))
            .filter_map(|id| {
                let rel = Path::new(kind.folder()).join(format!("{id}.toml"));
                classify(&rel, &mut findings, &self.root, true)
            })
            .collect();
        let read: Vec<Option<ReadOutcome>> = crate::par::map(&candidates, |c| {
            let opened = match &folder {
                Some(folder) => open_in(folder, file_name(&c.rel)),
                None => open_no_follow(&self.root.join(&c.rel)),
            };
            match opened {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                opened => Some(self.check_file(c, &ctx, read_regular_file(opened))),
            }
        });
        for (c, outcome) in candidates.into_iter().zip(read) {
            if let Some((_, record, mut f)) = outcome {
                if let Some(record) = record {
                    records.push(c.rel, record);
                }
                findings.append(&mut f);
            }
        }
        records.sort();
        findings.sort();
        LoadResult { records, findings }
    }

    /// The ids of the records of the undated `kind` that have a file, as
    /// `list_ids` finds them, from one look at the folder.
    pub fn id_set(&self, kind: Kind) -> std::collections::HashSet<String> {
        let dir = self.root.join(kind.folder());
        if kind.is_dated() || !self.is_real_folder(kind, &dir, &mut Vec::new()) {
            return Default::default();
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Default::default();
        };
        entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                let id = name.strip_suffix(".toml")?;
                (!id.starts_with('.')).then(|| id.to_string())
            })
            .collect()
    }

    /// Whether `dir`, the folder of `kind`, exists and is a real folder: a
    /// link is reported and never followed, a file in its place is an error.
    fn is_real_folder(&self, kind: Kind, dir: &Path, findings: &mut Vec<Finding>) -> bool {
        match std::fs::symlink_metadata(dir) {
            Err(_) => false,
            Ok(m) if m.file_type().is_symlink() => {
                findings.push(Finding::warning(dir, None, finding!("folder-link")));
                false
            }
            Ok(m) if !m.is_dir() => {
                findings.push(Finding::error(
                    dir,
                    None,
                    finding!("not-a-folder", kind = kind.label()),
                ));
                false
            }
            Ok(_) => true,
        }
    }

    /// The folders of the kinds in `scope`, split into units that can be
    /// read in parallel: each wanted month folder of a dated kind is one,
    /// and so is the folder of each undated kind.
    fn plan(&self, scope: &Scope, findings: &mut Vec<Finding>) -> Vec<Unit> {
        let mut units = Vec::new();
        for kind in Kind::ALL {
            if !kind.is_dated() && !scope.wants_undated(kind) {
                continue;
            }
            if kind.is_dated() && scope.months_of(kind).is_empty() {
                continue;
            }
            let dir = self.root.join(kind.folder());
            if !self.is_real_folder(kind, &dir, findings) {
                continue;
            }
            if kind.is_dated() {
                let mut loose = Vec::new();
                self.walk_dated(&dir, kind, scope, findings, &mut loose, &mut units);
                if !loose.is_empty() {
                    units.push(Unit::Files(loose));
                }
            } else {
                units.push(Unit::Folder { dir });
            }
        }
        // In the order of their folders, so that the records come nearly sorted.
        units.sort_by(|a, b| match (a, b) {
            (Unit::Folder { dir: a }, Unit::Folder { dir: b }) => a
                .as_os_str()
                .as_encoded_bytes()
                .cmp(b.as_os_str().as_encoded_bytes()),
            (Unit::Folder { .. }, Unit::Files(_)) => std::cmp::Ordering::Less,
            (Unit::Files(_), Unit::Folder { .. }) => std::cmp::Ordering::Greater,
            (Unit::Files(_), Unit::Files(_)) => std::cmp::Ordering::Equal,
        });
        units
    }

    /// Walks the folder `dir` of a dated `kind` down to its month folders:
    /// each wanted month folder becomes a unit of its own (never opened
    /// here); files elsewhere (in the wrong place) are collected in `out`.
    fn walk_dated(
        &self,
        dir: &Path,
        kind: Kind,
        scope: &Scope,
        findings: &mut Vec<Finding>,
        out: &mut Vec<Candidate>,
        months: &mut Vec<Unit>,
    ) {
        for_each_entry(dir, findings, |path, is_dir, is_file, findings| {
            let rel = path.strip_prefix(&self.root).unwrap_or(&path);
            if !is_dir {
                self.collect(rel, is_file, false, scope, findings, out);
            } else if folder_year(rel)
                .is_none_or(|y| scope.months_of(kind).iter().any(|r| r.overlaps_year(y)))
            {
                for_each_entry(&path, findings, |path, is_dir, is_file, findings| {
                    let rel = path.strip_prefix(&self.root).unwrap_or(&path);
                    if !is_dir {
                        self.collect(rel, is_file, false, scope, findings, out);
                    } else if let Some(ym) = folder_month(rel) {
                        if scope.wants(kind, Some(ym)) {
                            months.push(Unit::Folder { dir: path });
                        }
                    } else {
                        self.walk_folder(&path, false, scope, findings, out);
                    }
                });
            }
        });
    }

    /// Collects the record files `scope` wants in `dir` and the folders below
    /// it. `direct`: `dir` is the folder of a unit, whose files are opened
    /// relative to it.
    fn walk_folder(
        &self,
        dir: &Path,
        direct: bool,
        scope: &Scope,
        findings: &mut Vec<Finding>,
        out: &mut Vec<Candidate>,
    ) {
        for_each_entry(dir, findings, |path, is_dir, is_file, findings| {
            if is_dir {
                self.walk_folder(&path, false, scope, findings, out);
            } else {
                let rel = path.strip_prefix(&self.root).unwrap_or(&path);
                self.collect(rel, is_file, direct, scope, findings, out);
            }
        });
    }

    /// Adds the file `rel` to `out` when it may be a record `scope` wants.
    fn collect(
        &self,
        rel: &Path,
        regular: bool,
        direct: bool,
        scope: &Scope,
        findings: &mut Vec<Finding>,
        out: &mut Vec<Candidate>,
    ) {
        if let Some(mut c) = classify(rel, findings, &self.root, regular)
            && scope.wants(c.kind, c.year_month)
        {
            c.direct = direct;
            out.push(c);
        }
    }

    /// Reads and checks one file; `folder` is the open folder of its unit.
    fn read_candidate(
        &self,
        c: &Candidate,
        ctx: &Context,
        folder: Option<&std::fs::File>,
    ) -> ReadOutcome {
        let path = self.root.join(&c.rel);
        let read = match (c.regular, folder) {
            (true, Some(folder)) if c.direct => {
                read_regular_file(open_in(folder, file_name(&c.rel)))
            }
            (true, _) => read_regular_file(open_no_follow(&path)),
            (false, _) => read_text(&path),
        };
        self.check_file(c, ctx, read)
    }

    /// Checks what reading the file of `c` gave.
    fn check_file(
        &self,
        c: &Candidate,
        ctx: &Context,
        read: Result<String, crate::i18n::findings::Msg>,
    ) -> ReadOutcome {
        let path = self.root.join(&c.rel);
        let mut findings = Vec::new();
        let text = match read {
            Ok(t) => t,
            Err(message) => {
                findings.push(Finding::error(&path, None, message));
                return (c.kind, None, findings);
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let markers = conflict_markers(text);
        if !markers.is_empty() {
            for line in markers {
                findings.push(Finding::error(
                    &path,
                    Some(line),
                    finding!("conflict-marker"),
                ));
            }
            return (c.kind, None, findings);
        }
        if text.trim().is_empty() {
            findings.push(Finding::error(
                &path,
                None,
                finding!("empty-file", kind = c.kind.label()),
            ));
            return (c.kind, None, findings);
        }
        let stem = file_stem(&c.rel);
        let placement = Placement {
            stem: &stem,
            year_month: if c.misplaced { None } else { c.year_month },
        };
        let (mut record, mut problems) = read_record(c.kind, text, ctx, Some(placement));
        let mut kind = c.kind;
        let mut misplaced = c.misplaced;
        if !misplaced
            && problems.iter().any(|p| p.severity == Severity::Error)
            && let Some((other, r, p)) = read_as_other_kind(c.kind, text, ctx, &stem)
        {
            (kind, record, problems, misplaced) = (other, r, p, true);
        }
        if misplaced {
            let date = record.as_ref().and_then(Record::date);
            findings.push(Finding::error(
                &path,
                None,
                finding!(
                    "wrong-folder",
                    kind = kind.label(),
                    place = expected_place(kind, &stem, date)
                ),
            ));
            record = None;
        }
        findings.extend(problems.into_iter().map(|p| to_finding(&path, text, p)));
        (kind, record, findings)
    }
}

/// The one other kind a faulty file reads as without any error, if there is
/// one: a record put in the wrong folder.
fn read_as_other_kind(
    kind: Kind,
    text: &str,
    ctx: &Context,
    stem: &str,
) -> Option<(Kind, Option<Record>, Vec<Problem>)> {
    let mut clean = Kind::ALL
        .into_iter()
        .filter(|k| *k != kind)
        .filter_map(|k| {
            let placement = Placement {
                stem,
                year_month: None,
            };
            let (record, problems) = read_record(k, text, ctx, Some(placement));
            let ok = record.is_some() && !problems.iter().any(|p| p.severity == Severity::Error);
            ok.then_some((k, record, problems))
        });
    let first = clean.next()?;
    clean.next().is_none().then_some(first)
}

/// Where a record of `kind` named `stem` belongs, relative to the root.
fn expected_place(kind: Kind, stem: &str, date: Option<chrono::NaiveDate>) -> String {
    use chrono::Datelike;
    match (kind.is_dated(), date) {
        (false, _) => format!("{}/{stem}.toml", kind.folder()),
        (true, Some(d)) => format!(
            "{}/{:04}/{:02}/{stem}.toml",
            kind.folder(),
            d.year(),
            d.month()
        ),
        (true, None) => format!("{}/YYYY/MM/{stem}.toml", kind.folder()),
    }
}

/// The last part of a (UTF-8) path, without parsing all of it.
fn file_name(rel: &Path) -> &str {
    let rel = rel.to_str().unwrap_or_default();
    rel.rsplit(std::path::MAIN_SEPARATOR).next().unwrap_or(rel)
}

fn file_stem(rel: &Path) -> String {
    let name = file_name(rel);
    name.strip_suffix(".toml").unwrap_or(name).to_string()
}

/// The kind whose ids look like `stem` (dated ids and client codes; a slug
/// could be a sponsor's or a partner's).
fn kind_of_id(stem: &str) -> Option<Kind> {
    [
        Kind::Client,
        Kind::Appointment,
        Kind::Referral,
        Kind::Event,
        Kind::Contact,
    ]
    .into_iter()
    .find(|k| is_valid_id(*k, stem))
}

pub fn to_finding(path: &Path, text: &str, p: Problem) -> Finding {
    let line = p.span.map(|s| line_of(text, s.start));
    let key = crate::i18n::findings::arg(&p.args, "key")
        .map(str::to_string)
        .or_else(|| {
            let line = line.filter(|_| p.code.as_str() != "missing-key")?;
            super::keys_by_line(text).remove(&line)
        });
    Finding {
        path: path.to_path_buf(),
        line,
        severity: p.severity,
        code: p.code,
        message: p.message,
        tolerated_on_write: false,
        key,
        args: p.args,
    }
}

/// Calls `f(path, is_dir, is_file, findings)` for each entry of the folder
/// `dir` in the order the file system gives them (no sorting, no lookup by
/// path), skipping hidden entries (naming a stale write temporary among
/// them) and reporting links, which are never followed.
fn for_each_entry(
    dir: &Path,
    findings: &mut Vec<Finding>,
    mut f: impl FnMut(PathBuf, bool, bool, &mut Vec<Finding>),
) {
    let cannot_read = |path: &Path, e: std::io::Error| {
        Finding::error(
            path,
            None,
            finding!(
                "cannot-read-entry",
                path = path.display(),
                problem = crate::error::IoProblem(&e)
            ),
        )
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return findings.push(cannot_read(dir, e)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                findings.push(cannot_read(dir, e));
                continue;
            }
        };
        if entry.file_name().as_encoded_bytes().first() == Some(&b'.') {
            // a write a crash interrupted leaves its temporary behind
            if let Some(stale) = super::temp::stale(&entry.path(), SystemTime::now()) {
                findings.push(stale);
            }
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Err(e) => findings.push(cannot_read(&path, e)),
            Ok(ft) if ft.is_symlink() => {
                findings.push(Finding::warning(path, None, finding!("record-link")))
            }
            // a folder named like a record would pass unseen: name it
            Ok(ft) if ft.is_dir() && entry.file_name().as_encoded_bytes().ends_with(b".toml") => {
                findings.push(Finding::error(
                    path,
                    None,
                    finding!("folder-named-like-record"),
                ))
            }
            Ok(ft) => f(path, ft.is_dir(), ft.is_file(), findings),
        }
    }
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

pub(super) fn parse_year_month(y: &str, m: &str) -> Option<(i32, u32)> {
    if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let m: u32 = m.parse().ok()?;
    (1..=12).contains(&m).then_some((y.parse().ok()?, m))
}

/// Where a file below the root belongs. Files that are no records are
/// findings; records in the wrong place are read (for their problems) but
/// marked misplaced.
/// `regular`: the walk saw a regular file.
fn classify(
    rel: &Path,
    findings: &mut Vec<Finding>,
    root: &Path,
    regular: bool,
) -> Option<Candidate> {
    let parts: Option<Vec<&str>> = rel.iter().map(|p| p.to_str()).collect();
    let Some(parts) = parts else {
        findings.push(Finding::error(
            root.join(rel),
            None,
            finding!("name-not-utf8"),
        ));
        return None;
    };
    let folder_kind = parts.first().and_then(|f| Kind::from_folder(f))?;
    let name = *parts.last()?;
    let Some(stem) = name.strip_suffix(".toml") else {
        findings.push(Finding::warning(root.join(rel), None, finding!("not-toml")));
        return None;
    };
    let kind = kind_of_id(stem).unwrap_or(folder_kind);
    let year_month = if folder_kind.is_dated() && parts.len() == 4 {
        parse_year_month(parts[1], parts[2])
    } else {
        None
    };
    let right_depth = if folder_kind.is_dated() {
        year_month.is_some()
    } else {
        parts.len() == 2
    };
    Some(Candidate {
        rel: rel.to_path_buf(),
        kind,
        year_month,
        misplaced: kind != folder_kind || !right_depth,
        regular,
        direct: false,
    })
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
