//! Turning what a person types (`x7k2`, `apt-20261125-x7k2`, `K-7F3A`) into
//! the one record file it means. Input never becomes a path itself: it is
//! only compared with the names of files that exist.

use super::Store;
use crate::error::{CommandError, Result};
use crate::model::Kind;
use std::path::PathBuf;
use walkdir::WalkDir;

impl Store {
    /// Every record file of `kind` as (id, path), sorted by id.
    pub fn list_ids(&self, kind: Kind) -> Vec<(String, PathBuf)> {
        let dir = self.root().join(kind.folder());
        let depth = if kind.is_dated() { 3 } else { 1 };
        if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            return Vec::new();
        }
        let mut out: Vec<(String, PathBuf)> = WalkDir::new(&dir)
            .follow_links(false)
            .follow_root_links(false)
            .min_depth(depth)
            .max_depth(depth)
            .into_iter()
            .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .filter_map(|e| {
                let name = e.file_name().to_str()?;
                let id = name.strip_suffix(".toml")?;
                Some((id.to_string(), e.path().to_path_buf()))
            })
            .collect();
        out.sort();
        out
    }

    /// Whether a record of `kind` with exactly this id exists.
    pub fn exists(&self, kind: Kind, id: &str) -> bool {
        if self.find_exact(kind, id).is_some() {
            return true;
        }
        // A dated record filed under another month still counts.
        kind.is_dated()
            && crate::model::read::is_valid_id(kind, id)
            && self.list_ids(kind).iter().any(|(i, _)| i == id)
    }

    /// The file of the record with exactly this id, looked up where it
    /// belongs (a dated id names its month), without listing any folder.
    pub fn find_exact(&self, kind: Kind, id: &str) -> Option<PathBuf> {
        if !crate::model::read::is_valid_id(kind, id) {
            return None;
        }
        let date = if kind.is_dated() {
            let day = id.split('-').nth(1)?;
            Some(chrono::NaiveDate::parse_from_str(day, "%Y%m%d").ok()?)
        } else {
            None
        };
        let path = self.path_for(kind, id, date).ok()?;
        (super::write::refuse_links(self.root(), &path).is_ok()
            && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()))
        .then_some(path)
    }

    /// The record of `kind` whose id is `query` or ends with `query`.
    pub fn resolve(&self, kind: Kind, query: &str) -> Result<(String, PathBuf)> {
        // Client codes are upper case, every other id lower case: `7f3a` finds K-7F3A.
        let query = if kind == Kind::Client {
            query.trim().to_ascii_uppercase()
        } else {
            query.trim().to_ascii_lowercase()
        };
        let query = query.as_str();
        if let Some(path) = self.find_exact(kind, query) {
            return Ok((query.to_string(), path));
        }
        if query.is_empty()
            || !query
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(CommandError::data(format!(
                "no {} `{query}`: ids hold only letters, digits and `-`",
                kind.name()
            )));
        }
        let ids = self.list_ids(kind);
        if let Some(exact) = ids.iter().find(|(id, _)| id == query) {
            return Ok(exact.clone());
        }
        let matches: Vec<_> = ids
            .iter()
            .filter(|(id, _)| id.ends_with(query) && id.len() > query.len())
            .collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(CommandError::data(format!(
                "no {} with id `{query}` in {}: `quartier {} list` shows them",
                kind.name(),
                self.root().display(),
                kind.name()
            ))),
            many => Err(CommandError::data(format!(
                "`{query}` matches {} {}s; give more of the id:\n{}",
                many.len(),
                kind.name(),
                many.iter()
                    .map(|(id, p)| format!("  {id}  ({})", p.display()))
                    .collect::<Vec<_>>()
                    .join("\n")
            ))),
        }
    }

    /// Like [`Store::resolve`] across every kind (for `quartier edit ID`).
    pub fn resolve_any(&self, query: &str) -> Result<(Kind, String, PathBuf)> {
        let mut found = Vec::new();
        let mut errors = Vec::new();
        for kind in Kind::ALL {
            match self.resolve(kind, query) {
                Ok((id, path)) => found.push((kind, id, path)),
                Err(e) if e.message.contains("matches") => errors.push(e.message),
                Err(_) => {}
            }
        }
        match found.len() {
            1 if errors.is_empty() => Ok(found.remove(0)),
            0 if errors.is_empty() => Err(CommandError::data(format!(
                "no record with id `{query}` in {}",
                self.root().display()
            ))),
            _ => {
                let mut lines: Vec<String> = found
                    .iter()
                    .map(|(k, id, p)| format!("  {id}  ({}, {})", k.name(), p.display()))
                    .collect();
                lines.extend(errors);
                Err(CommandError::data(format!(
                    "`{query}` is ambiguous; give more of the id:\n{}",
                    lines.join("\n")
                )))
            }
        }
    }
}
