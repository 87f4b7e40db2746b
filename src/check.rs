//! The checks that need more than one file: duplicate ids, references to
//! records that do not exist, the consent rule for referrals, and files that
//! sit outside the record folders. Single-file checks happen while reading
//! (`model::read`).

use crate::model::{Appointment, AppointmentKind, Client, Config, Kind, Partner, Sponsor};
use crate::store::{CONFIG_FILE, Entry, Finding, LoadResult, Records, Scope, Store, line_of};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// Reads the whole folder and returns every finding: those of `quartier.toml`
/// first (they may explain others), then by file and line. A broken
/// `quartier.toml` is reported and the records are still checked against
/// whatever settings could be read.
pub fn check_folder(store: &Store) -> Vec<Finding> {
    let (config, mut settings) = store.config_checked();
    let mut findings = Vec::new();
    let (
        LoadResult {
            records,
            findings: mut loaded,
        },
        unloaded,
    ) = store.load_with_unloaded(&config, &Scope::all());
    findings.append(&mut loaded);
    let unloaded: HashSet<(Kind, &str)> = unloaded.iter().map(|(k, s)| (*k, s.as_str())).collect();
    findings.extend(relations(store.root(), &records, &unloaded));
    crate::store::drop_in_background(records);
    findings.extend(strays(store.root()));
    // Sealed reports rebuilt with their stored settings (SPEC §3.7).
    findings.extend(crate::seal::drift(store, &config));
    findings.sort();
    findings.dedup();
    settings.sort();
    settings.append(&mut findings);
    settings
}

/// Findings that relate records to each other.
pub fn cross_checks(root: &Path, records: &Records, _config: &Config) -> Vec<Finding> {
    relations(root, records, &HashSet::new())
}

/// Duplicates, references and consent. A reference to a file that exists but
/// could not be loaded (`unloaded`) is not reported: that file's own
/// findings say what is wrong. Records are looked up in their lists, which
/// are sorted by id; the records are gone through on every core.
fn relations(root: &Path, records: &Records, unloaded: &HashSet<(Kind, &str)>) -> Vec<Finding> {
    let mut out = Vec::new();
    duplicates(root, records, &mut out);

    let missing = |path: &Path, key: &str, what: Kind, id: &str| -> Option<Finding> {
        if unloaded.contains(&(what, id)) {
            return None;
        }
        let path = root.join(path);
        Some(Finding::error(
            &path,
            key_line(&path, key, id),
            format!(
                "`{key}` refers to {} `{id}`, which does not exist: fix the id or add the {} first",
                what.name(),
                what.name()
            ),
        ))
    };

    let appointments: Vec<Finding> = records
        .appointments
        .par_iter()
        .filter_map(|a| match a.kind {
            AppointmentKind::Consultation => a
                .client
                .as_ref()
                .filter(|c| find(&records.clients, c).is_none())
                .and_then(|c| missing(&a.path, "client", Kind::Client, c)),
            AppointmentKind::Sponsor => a
                .sponsor
                .as_ref()
                .filter(|s| find(&records.sponsors, s).is_none())
                .and_then(|s| missing(&a.path, "sponsor", Kind::Sponsor, s)),
        })
        .collect();
    out.extend(appointments);

    let referrals: Vec<(Vec<Finding>, Vec<Finding>)> = records
        .referrals
        .par_iter()
        .map(|r| {
            let (mut errors, mut warnings) = (Vec::new(), Vec::new());
            match find(&records.clients, &r.client) {
                None => errors.extend(missing(&r.path, "client", Kind::Client, &r.client)),
                Some(client) => {
                    if client.consent.is_none_or(|c| c > r.date) {
                        let why = match client.consent {
                            None => "has no `consent` date".to_string(),
                            Some(c) => format!("consented only on {c}"),
                        };
                        let path = root.join(&r.path);
                        warnings.push(Finding::warning(
                            &path,
                            key_line(&path, "client", &r.client),
                            format!(
                                "referral passes data of client {} on, but the client {why} (referral dated {}): record the consent in clients/{}.toml first",
                                r.client, r.date, r.client
                            ),
                        ));
                    }
                }
            }
            if find(&records.partners, &r.partner).is_none() {
                errors.extend(missing(&r.path, "partner", Kind::Partner, &r.partner));
            }
            if let Some(a) = &r.appointment {
                match find(&records.appointments, a) {
                    None => errors.extend(missing(&r.path, "appointment", Kind::Appointment, a)),
                    Some(apt) if apt.client.as_ref().is_some_and(|c| *c != r.client) => {
                        let path = root.join(&r.path);
                        warnings.push(Finding::warning(
                            &path,
                            key_line(&path, "appointment", a),
                            format!(
                                "the referral is for client {}, but appointment `{a}` was with client {}: check both",
                                r.client,
                                apt.client.as_deref().unwrap_or_default()
                            ),
                        ));
                    }
                    Some(_) => {}
                }
            }
            (errors, warnings)
        })
        .collect();
    let mut warnings = Vec::new();
    for (mut e, mut w) in referrals {
        out.append(&mut e);
        warnings.append(&mut w);
    }

    for e in &records.events {
        for p in &e.partners {
            if find(&records.partners, p).is_none() {
                out.extend(missing(&e.path, "partners", Kind::Partner, p));
            }
        }
        for s in &e.sponsors {
            if find(&records.sponsors, s).is_none() {
                out.extend(missing(&e.path, "sponsors", Kind::Sponsor, s));
            }
        }
    }
    out.append(&mut warnings);
    out
}

/// The record with this id in a list sorted by id (the last one, should
/// there be several).
fn find<'r, T: HasId>(entries: &'r [Entry<T>], id: &str) -> Option<&'r T> {
    let end = entries.partition_point(|e| e.record.id() <= id);
    entries[..end]
        .last()
        .map(|e| &e.record)
        .filter(|r| r.id() == id)
}

/// Records with an id.
trait HasId {
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => {$(
        impl HasId for $t {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}
has_id!(Sponsor, Partner, Client, Appointment);

/// Records come sorted by id (and path), so records with the same id are
/// neighbours; each is reported against the first of them.
fn duplicates(root: &Path, records: &Records, out: &mut Vec<Finding>) {
    fn scan<T>(root: &Path, entries: &[Entry<T>], id: impl Fn(&T) -> &str, out: &mut Vec<Finding>) {
        let mut first: Option<&Entry<T>> = None;
        for e in entries {
            let this = id(&e.record);
            match first {
                Some(f) if id(&f.record) == this => {
                    let path = root.join(&e.path);
                    out.push(Finding::error(
                        &path,
                        key_line(&path, "id", this),
                        format!(
                            "duplicate id `{this}`: {} has the same id; every record needs its own",
                            root.join(&f.path).display()
                        ),
                    ));
                }
                _ => first = Some(e),
            }
        }
    }
    scan(root, &records.sponsors, |r| &r.id, out);
    scan(root, &records.partners, |r| &r.id, out);
    scan(root, &records.clients, |r| &r.id, out);
    scan(root, &records.appointments, |r| &r.id, out);
    scan(root, &records.referrals, |r| &r.id, out);
    scan(root, &records.events, |r| &r.id, out);
}

/// The line of `key` in a record file, or of `value` in the list `key` holds.
/// Read again only for files with a finding, so it costs nothing when clean.
fn key_line(path: &Path, key: &str, value: &str) -> Option<usize> {
    let text = crate::store::read_text(path).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let table = DeTable::parse(text).ok()?;
    let (_, v) = table.get_ref().iter().find(|(k, _)| k.get_ref() == key)?;
    let span = match v.get_ref() {
        DeValue::Array(items) => items
            .iter()
            .find(|i| matches!(i.get_ref(), DeValue::String(s) if s == value))
            .map_or(v.span(), |i| i.span()),
        _ => v.span(),
    };
    Some(line_of(text, span.start))
}

/// Symbolic links anywhere in the folder, and `.toml` files outside the
/// record folders (which would never be read). Hidden entries (`.git`) and
/// other records folders inside this one are skipped; the record folders
/// themselves are walked by `Store::load`.
fn strays(root: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    stray_files(root, true, &mut out);
    out
}

/// Collects the strays in `dir` and below; `top`: `dir` is the records folder.
/// Entries are looked at before any folder is opened, so the record folders
/// are never read here.
fn stray_files(dir: &Path, top: bool, out: &mut Vec<Finding>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Ok(ft) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        let hidden = name.as_encoded_bytes().first() == Some(&b'.');
        let own =
            top && (name == CONFIG_FILE || name.to_str().and_then(Kind::from_folder).is_some());
        if hidden || own || (ft.is_dir() && path.join(CONFIG_FILE).exists()) {
            continue;
        }
        if ft.is_symlink() {
            out.push(Finding::warning(
                path,
                None,
                "is a symbolic link and was not followed: replace it with the real file or folder, or remove it",
            ));
        } else if ft.is_dir() {
            stray_files(&path, false, out);
        } else if ft.is_file() && path.extension().is_some_and(|e| e == "toml") {
            out.push(Finding::error(
                path,
                None,
                format!(
                    "file in the wrong place: records belong in {}; a .toml file here is never read — move it or remove it",
                    Kind::ALL.map(|k| format!("{}/", k.folder())).join(", ")
                ),
            ));
        }
    }
}
