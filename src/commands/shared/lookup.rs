//! Finding records a command needs: one by id, references given as flags
//! (exact, a unique end, or close matches suggested), and the ids to offer.

use crate::error::{CommandError, Result, StoreError};
use crate::model::{Config, Kind, Record};
use crate::store::{LoadResult, Store};
use std::path::{Path, PathBuf};

/// Reads one record (by id or unique suffix) or fails naming the file.
pub fn load_one(
    store: &Store,
    config: &Config,
    kind: Kind,
    query: &str,
) -> Result<(Record, PathBuf)> {
    let (_, path) = store.resolve(kind, query)?;
    let rel = path
        .strip_prefix(store.root())
        .unwrap_or(&path)
        .to_path_buf();
    let (record, findings) = store.read_file(&rel, config);
    match record {
        Some(r) if !findings.iter().any(|f| f.is_error()) => Ok((r, path)),
        _ => Err(CommandError::data(format!(
            "{}\n{}",
            findings
                .iter()
                .map(|f| f.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
            crate::tr!("lookup.fix-file", query = query)
        ))),
    }
}

/// Fails (exit 1) when `record` refers to records that do not exist.
pub fn check_references(store: &Store, record: &Record) -> Result<()> {
    // which keys refer to which kind is the schema's
    let refs = crate::schema::references(record);
    let missing: Vec<String> = refs
        .into_iter()
        .filter(|(kind, id)| !store.exists(*kind, id))
        .map(|(kind, id)| crate::tr!("lookup.does-not-exist", kind = kind.label(), id = id))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(CommandError::data(crate::tr!(
            "lookup.references-missing",
            missing = missing.join("; ")
        )))
    }
}

/// Fails with the error findings when records that a command needs are broken.
pub fn refuse_errors(loaded: &LoadResult) -> Result<()> {
    let errors: Vec<String> = loaded
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| f.to_string())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CommandError::data(format!(
            "{}\n{}",
            errors.join("\n"),
            crate::tr!("lookup.broken-files", count = errors.len())
        )))
    }
}
/// Fails (exit 1) when a referenced record does not exist.
pub fn must_exist(store: &Store, kind: Kind, id: &str) -> Result<String> {
    store.resolve(kind, id).map(|(id, _)| id).map_err(|e| {
        CommandError::data(crate::tr!(
            "lookup.must-exist",
            kind = kind.label(),
            id = id,
            why = e.to_string().lines().next().unwrap_or_default()
        ))
    })
}

/// A reference given on the command line (`--client`, `--sponsor`, …): the
/// exact id or a unique end or start of it. Unknown or ambiguous ones fail
/// (exit 1) naming `flag` and listing the candidates or close matches.
pub fn resolve_ref(store: &Store, kind: Kind, flag: &str, query: &str) -> Result<String> {
    store
        .resolve(kind, query)
        .map(|(id, _)| id)
        .map_err(|e| ref_error(kind, flag, query, e))
}

/// The message of a failed `resolve_ref`, by the kind of failure.
fn ref_error(kind: Kind, flag: &str, query: &str, e: StoreError) -> CommandError {
    let q = query.trim();
    match e {
        StoreError::AmbiguousId { matches, .. } => CommandError::data(crate::tr!(
            "lookup.ambiguous",
            flag = flag,
            query = q,
            count = matches.len(),
            kind = kind.label(),
            ids = matches
                .iter()
                .map(|(_, id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        StoreError::NoSuchRecord { close, .. } if !close.is_empty() => {
            CommandError::data(crate::tr!(
                "lookup.no-such-close",
                flag = flag,
                kind = kind.label(),
                query = q,
                close = close.join(", ")
            ))
        }
        StoreError::NoSuchRecord { .. } | StoreError::NotAnId { .. } => {
            CommandError::data(crate::tr!(
                "lookup.no-such",
                flag = flag,
                kind = kind.label(),
                cmd = kind.name(),
                query = q
            ))
        }
        other => other.into(),
    }
}

/// The id a `list` filter such as `--client` means: found as every lookup
/// finds ids; an ambiguous one fails (exit 1), an unknown one is a usage
/// error (exit 2) naming close ids, never an empty list.
pub fn filter_ref(
    store: &Store,
    kind: Kind,
    flag: &str,
    query: &Option<String>,
) -> Result<Option<String>> {
    match query {
        None => Ok(None),
        Some(q) => match store.resolve(kind, q) {
            Ok((id, _)) => Ok(Some(id)),
            Err(e @ StoreError::AmbiguousId { .. }) => Err(ref_error(kind, flag, q, e)),
            Err(StoreError::NoSuchRecord { close, .. }) if !close.is_empty() => {
                Err(CommandError::usage(crate::tr!(
                    "lookup.filter-close",
                    flag = flag,
                    kind = kind.label(),
                    query = q.trim(),
                    close = close.join(", ")
                )))
            }
            Err(_) => Err(CommandError::usage(crate::tr!(
                "lookup.filter-none",
                flag = flag,
                kind = kind.label(),
                cmd = kind.name(),
                query = q.trim()
            ))),
        },
    }
}

/// Prints the warnings (e.g. privacy) of a record just written.
pub fn warn_about(store: &Store, config: &Config, path: &Path) {
    let rel = path.strip_prefix(store.root()).unwrap_or(path);
    let (_, findings) = store.read_file(rel, config);
    for f in findings.iter().filter(|f| !f.is_error()) {
        eprintln!("{f}");
    }
}
/// Ids of `kind`, to choose from on a terminal.
pub fn record_ids(store: &Store, kind: Kind) -> Vec<String> {
    store.list_ids(kind).into_iter().map(|(id, _)| id).collect()
}
