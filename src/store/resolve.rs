//! Turning what a person types (`x7k2`, `apt-20261125-x7k2`, `K-7F3A`,
//! `7f3a`) into the one record file it means. Input never becomes a path
//! itself: it is only compared with the names of files that exist.
//!
//! Failures are typed ([`StoreError::NoSuchRecord`] with close ids,
//! [`StoreError::AmbiguousId`] with the candidates), so callers decide by
//! the variant, never by the message.

use super::Store;
use crate::error::StoreError;
use crate::model::Kind;
use crate::model::similar::close_ids;
use std::path::PathBuf;
use walkdir::WalkDir;

type Resolved<T> = std::result::Result<T, StoreError>;

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
        kind.is_dated() && kind.is_valid_id(id) && self.list_ids(kind).iter().any(|(i, _)| i == id)
    }

    /// The file of the record with exactly this id, looked up where it
    /// belongs (a dated id names its month), without listing any folder.
    pub fn find_exact(&self, kind: Kind, id: &str) -> Option<PathBuf> {
        let date = if kind.is_dated() {
            Some(kind.date_of_id(id)?)
        } else {
            None
        };
        let path = self.path_for(kind, id, date).ok()?;
        (super::write::refuse_links(self.root(), &path).is_ok()
            && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()))
        .then_some(path)
    }

    /// The record of `kind` whose id is `query`, or ends or starts with it,
    /// case-insensitively (client codes are upper case, every other id
    /// lower case: `7f3a` finds K-7F3A).
    pub fn resolve(&self, kind: Kind, query: &str) -> Resolved<(String, PathBuf)> {
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
            return Err(StoreError::NotAnId {
                kind,
                query: query.to_string(),
            });
        }
        let ids = self.list_ids(kind);
        if let Some(exact) = ids.iter().find(|(id, _)| id == query) {
            return Ok(exact.clone());
        }
        let matches: Vec<_> = ids
            .iter()
            .filter(|(id, _)| id_matches(kind, id, query))
            .collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(StoreError::NoSuchRecord {
                kind: Some(kind),
                query: query.to_string(),
                root: self.root().to_path_buf(),
                close: close_ids(query, &ids.iter().map(|(id, _)| id).collect::<Vec<_>>()),
            }),
            many => Err(StoreError::AmbiguousId {
                kind: Some(kind),
                query: query.to_string(),
                matches: many
                    .iter()
                    .map(|(id, p)| (kind, id.clone(), p.clone()))
                    .collect(),
            }),
        }
    }

    /// Like [`Store::resolve`] across every kind (for `quartier edit ID`).
    pub fn resolve_any(&self, query: &str) -> Resolved<(Kind, String, PathBuf)> {
        let mut found = Vec::new();
        let mut close = Vec::new();
        for kind in Kind::ALL {
            match self.resolve(kind, query) {
                Ok((id, path)) => found.push((kind, id, path)),
                Err(StoreError::AmbiguousId { matches, .. }) => found.extend(matches),
                Err(StoreError::NoSuchRecord { close: c, .. }) => close.extend(c),
                Err(_) => {}
            }
        }
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(StoreError::NoSuchRecord {
                kind: None,
                query: query.to_string(),
                root: self.root().to_path_buf(),
                close,
            }),
            _ => Err(StoreError::AmbiguousId {
                kind: None,
                query: query.to_string(),
                matches: found,
            }),
        }
    }
}

/// Whether `query` (already in the id's case) is a proper start or end of
/// `id`; a client code also counts without its `K-` (`am9` finds K-AM9JLP).
/// The one rule every lookup (`show`, flags of `add`/`edit`, list filters)
/// goes through.
fn id_matches(kind: Kind, id: &str, query: &str) -> bool {
    let part = |id: &str| id.len() > query.len() && (id.ends_with(query) || id.starts_with(query));
    part(id)
        || (kind == Kind::Client
            && id
                .strip_prefix("K-")
                .is_some_and(|code| code.starts_with(query)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store_with(files: &[&str]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("quartier.toml"), "").unwrap();
        for f in files {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    #[test]
    fn failures_are_typed() {
        let (_d, store) = store_with(&[
            "clients/K-7F3A.toml",
            "appointments/2026/11/apt-20261125-x7k2.toml",
            "appointments/2026/11/apt-20261126-a7k2.toml",
        ]);
        assert_eq!(store.resolve(Kind::Client, "7f3a").unwrap().0, "K-7F3A");
        assert_eq!(store.resolve(Kind::Client, "7f").unwrap().0, "K-7F3A");
        assert_eq!(store.resolve(Kind::Client, "k-7f").unwrap().0, "K-7F3A");
        assert_eq!(
            store.resolve(Kind::Appointment, "apt-20261126").unwrap().0,
            "apt-20261126-a7k2"
        );
        match store.resolve(Kind::Appointment, "7k2") {
            Err(StoreError::AmbiguousId { matches, .. }) => assert_eq!(matches.len(), 2),
            other => panic!("{other:?}"),
        }
        match store.resolve(Kind::Client, "K-7F3B") {
            Err(StoreError::NoSuchRecord { close, .. }) => assert_eq!(close, vec!["K-7F3A"]),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            store.resolve(Kind::Client, "../x"),
            Err(StoreError::NotAnId { .. })
        ));
        assert!(matches!(
            store.resolve_any("7k2"),
            Err(StoreError::AmbiguousId { kind: None, .. })
        ));
        assert_eq!(store.resolve_any("x7k2").unwrap().0, Kind::Appointment);
    }
}
