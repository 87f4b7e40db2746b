//! The checks that need more than one file: duplicate ids, references to
//! records that do not exist, the consent rule for referrals, and files that
//! sit outside the record folders. Single-file checks happen while reading
//! (`model::read`).

use crate::model::{AppointmentKind, Config, Kind};
use crate::store::{CONFIG_FILE, Entry, Finding, LoadResult, Records, Scope, Store, line_of};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use toml::de::{DeTable, DeValue};
use walkdir::WalkDir;

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
    findings.extend(strays(store.root()));
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
/// findings say what is wrong.
fn relations(root: &Path, records: &Records, unloaded: &HashSet<(Kind, &str)>) -> Vec<Finding> {
    let mut out = Vec::new();
    duplicates(root, records, &mut out);

    let sponsors: HashSet<&str> = records.sponsors.iter().map(|e| e.id.as_str()).collect();
    let partners: HashSet<&str> = records.partners.iter().map(|e| e.id.as_str()).collect();
    let clients: HashMap<&str, _> = records
        .clients
        .iter()
        .map(|e| (e.id.as_str(), &e.record))
        .collect();
    let appointments: HashMap<&str, _> = records
        .appointments
        .iter()
        .map(|e| (e.id.as_str(), &e.record))
        .collect();

    let mut missing = |path: &Path, key: &str, what: Kind, id: &str| {
        if unloaded.contains(&(what, id)) {
            return;
        }
        let path = root.join(path);
        out.push(Finding::error(
            &path,
            key_line(&path, key, id),
            format!(
                "`{key}` refers to {} `{id}`, which does not exist: fix the id or add the {} first",
                what.name(),
                what.name()
            ),
        ));
    };

    for a in &records.appointments {
        match a.kind {
            AppointmentKind::Consultation => {
                if let Some(c) = &a.client
                    && !clients.contains_key(c.as_str())
                {
                    missing(&a.path, "client", Kind::Client, c);
                }
            }
            AppointmentKind::Sponsor => {
                if let Some(s) = &a.sponsor
                    && !sponsors.contains(s.as_str())
                {
                    missing(&a.path, "sponsor", Kind::Sponsor, s);
                }
            }
        }
    }
    let mut warnings = Vec::new();
    for r in &records.referrals {
        match clients.get(r.client.as_str()) {
            None => missing(&r.path, "client", Kind::Client, &r.client),
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
        if !partners.contains(r.partner.as_str()) {
            missing(&r.path, "partner", Kind::Partner, &r.partner);
        }
        if let Some(a) = &r.appointment {
            match appointments.get(a.as_str()) {
                None => missing(&r.path, "appointment", Kind::Appointment, a),
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
    }
    for e in &records.events {
        for p in &e.partners {
            if !partners.contains(p.as_str()) {
                missing(&e.path, "partners", Kind::Partner, p);
            }
        }
        for s in &e.sponsors {
            if !sponsors.contains(s.as_str()) {
                missing(&e.path, "sponsors", Kind::Sponsor, s);
            }
        }
    }
    out.append(&mut warnings);
    out
}

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
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            let own = e.depth() == 1
                && (e.file_name() == CONFIG_FILE
                    || e.file_name().to_str().and_then(Kind::from_folder).is_some());
            let other_folder = e.file_type().is_dir() && e.path().join(CONFIG_FILE).exists();
            e.depth() == 0 || !(hidden || own || other_folder)
        });
    for entry in walker.flatten() {
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path();
        if entry.path_is_symlink() {
            out.push(Finding::warning(
                path,
                None,
                "is a symbolic link and was not followed: replace it with the real file or folder, or remove it",
            ));
        } else if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "toml") {
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
    out
}
