//! `quartier check` over a whole folder: every file read (the schema and
//! the single-record rules run while reading), the cross-record rules of
//! the rule book (`crate::rules::cross`), and files that sit outside the
//! record folders.

use crate::model::{Config, Kind};
use crate::store::{CONFIG_FILE, Finding, LoadResult, Records, Scope, Store};
use std::collections::HashSet;
use std::path::Path;
use std::time::SystemTime;

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
    findings.extend(crate::rules::cross::check_all(
        store.root(),
        &records,
        &unloaded,
    ));
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

/// Findings that relate records to each other (the cross rules of the rule book).
pub fn cross_checks(root: &Path, records: &Records, _config: &Config) -> Vec<Finding> {
    crate::rules::cross::check_all(root, records, &HashSet::new())
}

/// Symbolic links anywhere in the folder, and `.toml` files outside the
/// record folders (which would never be read), and write temporaries a
/// crash left. Other hidden entries (`.git`) and other records folders
/// inside this one are skipped; the record folders themselves are walked by
/// `Store::load`.
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
        let own = top
            && (name == CONFIG_FILE
                || name == crate::erasure::LOG_FILE
                || name.to_str().and_then(Kind::from_folder).is_some());
        if hidden {
            // a write a crash interrupted (quartier.toml, a report) leaves its temporary
            out.extend(crate::store::temp::stale(&path, SystemTime::now()));
            continue;
        }
        if own || (ft.is_dir() && path.join(CONFIG_FILE).exists()) {
            continue;
        }
        if ft.is_symlink() {
            out.push(Finding::warning(path, None, crate::finding!("symlink")));
        } else if ft.is_dir() {
            stray_files(&path, false, out);
        } else if ft.is_file() && path.extension().is_some_and(|e| e == "toml") {
            out.push(Finding::error(
                path,
                None,
                crate::finding!(
                    "stray-file",
                    folders = Kind::ALL.map(|k| format!("{}/", k.folder())).join(", ")
                ),
            ));
        }
    }
}
