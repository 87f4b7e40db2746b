//! The errors of the library layers, and the one place that chooses the
//! exit code of each.
//!
//! The store returns [`StoreError`] — a typed enum callers can match on
//! (`AmbiguousId` vs `NoSuchRecord`, …) instead of reading message text.
//! Commands return [`CommandError`]; `From<StoreError> for CommandError`
//! (below) is where a store error gets its exit code.

use crate::model::{Kind, PathError};
use crate::store::Finding;
use std::fmt;
use std::path::PathBuf;

/// Exit 0: done. 1: a data problem (invalid record, failed check, not found,
/// an I/O or git failure). 2: the command line was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    Data = 1,
    Usage = 2,
}

/// What went wrong in the records folder.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{} is not a records folder (no quartier.toml): create one with `quartier init {}` or pass --records DIR",
        path.display(),
        path.display()
    )]
    NotARecordsFolder { path: PathBuf },

    /// No record of `kind` (or of any kind, `None`) is named by `query`;
    /// `close` holds ids that look like it.
    #[error("{}", no_such_record(*kind, query, root, close))]
    NoSuchRecord {
        kind: Option<Kind>,
        query: String,
        root: PathBuf,
        close: Vec<String>,
    },

    /// `query` names more than one record: (kind, id, path) of each.
    #[error("{}", ambiguous(*kind, query, matches))]
    AmbiguousId {
        kind: Option<Kind>,
        query: String,
        matches: Vec<(Kind, String, PathBuf)>,
    },

    /// What was typed cannot be an id at all.
    #[error("no {} `{query}`: ids hold only letters, digits and `-`", kind.name())]
    NotAnId { kind: Kind, query: String },

    /// (kind, id, date) names no file.
    #[error(transparent)]
    BadPath(#[from] PathError),

    /// The record (or the text about to be written) has errors.
    #[error("{}", findings_text(.0))]
    Invalid(Vec<Finding>),

    /// The file changed after the command read it (compare and swap of
    /// `Store::replace_validated_with`); nothing was written.
    #[error(
        "{}: the record was changed meanwhile (by another command or program); nothing was written: run the command again",
        path.display()
    )]
    ChangedMeanwhile { path: PathBuf },

    /// An I/O failure, said so that a person knows what to do.
    #[error("cannot {what} {}: {source}{}", path.display(), io_hint(source))]
    Io {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl StoreError {
    pub fn io(what: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            what,
            path: path.into(),
            source,
        }
    }

    /// The exit kind of each store error — the one place that decides it.
    pub fn exit_kind(&self) -> ExitKind {
        match self {
            StoreError::NotARecordsFolder { .. }
            | StoreError::NoSuchRecord { .. }
            | StoreError::AmbiguousId { .. }
            | StoreError::NotAnId { .. }
            | StoreError::Invalid(_)
            | StoreError::ChangedMeanwhile { .. }
            | StoreError::Io { .. } => ExitKind::Data,
            StoreError::BadPath(_) => ExitKind::Usage,
        }
    }
}

fn no_such_record(
    kind: Option<Kind>,
    query: &str,
    root: &std::path::Path,
    close: &[String],
) -> String {
    let hint = if close.is_empty() {
        String::new()
    } else {
        format!(" — did you mean {}?", close.join(", "))
    };
    match kind {
        Some(kind) => format!(
            "no {} with id `{query}` in {}: `quartier {} list` shows them{hint}",
            kind.name(),
            root.display(),
            kind.name()
        ),
        None => format!("no record with id `{query}` in {}{hint}", root.display()),
    }
}

fn ambiguous(kind: Option<Kind>, query: &str, matches: &[(Kind, String, PathBuf)]) -> String {
    match kind {
        Some(kind) => format!(
            "`{query}` matches {} {}s; give more of the id:\n{}",
            matches.len(),
            kind.name(),
            matches
                .iter()
                .map(|(_, id, p)| format!("  {id}  ({})", p.display()))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        None => format!(
            "`{query}` is ambiguous; give more of the id:\n{}",
            matches
                .iter()
                .map(|(k, id, p)| format!("  {id}  ({}, {})", k.name(), p.display()))
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn findings_text(findings: &[Finding]) -> String {
    findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| f.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn io_hint(err: &std::io::Error) -> &'static str {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => ": check the folder's permissions",
        std::io::ErrorKind::NotFound => ": it does not exist",
        std::io::ErrorKind::StorageFull => ": the disk is full; free some space and try again",
        std::io::ErrorKind::ReadOnlyFilesystem => ": the file system is read-only",
        _ => "",
    }
}

/// The error every command returns: the message for the person and the exit code.
#[derive(Debug)]
pub struct CommandError {
    pub kind: ExitKind,
    pub message: String,
    /// The store error it was made from, for callers that act on what
    /// happened (`quartier edit` keeps the text on `ChangedMeanwhile`).
    pub cause: Option<Box<StoreError>>,
}

impl CommandError {
    pub fn data(message: impl Into<String>) -> Self {
        CommandError {
            kind: ExitKind::Data,
            message: message.into(),
            cause: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        CommandError {
            kind: ExitKind::Usage,
            message: message.into(),
            cause: None,
        }
    }

    /// Whether it says that a record changed after it was read.
    pub fn is_changed_meanwhile(&self) -> bool {
        matches!(
            self.cause.as_deref(),
            Some(StoreError::ChangedMeanwhile { .. })
        )
    }

    /// A data error that has already been printed in full (e.g. `check`'s findings).
    pub fn silent() -> Self {
        CommandError::data("")
    }

    pub fn exit_code(&self) -> i32 {
        self.kind as i32
    }

    /// An I/O failure on `path`, said so that a person knows what to do.
    pub fn io(what: &'static str, path: &std::path::Path, err: &std::io::Error) -> Self {
        StoreError::io(what, path, std::io::Error::new(err.kind(), err.to_string())).into()
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        CommandError {
            kind: e.exit_kind(),
            message: e.to_string(),
            cause: Some(Box::new(e)),
        }
    }
}

impl From<PathError> for CommandError {
    fn from(e: PathError) -> Self {
        StoreError::from(e).into()
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CommandError {}

pub type Result<T, E = CommandError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_come_from_the_error_kind() {
        let e: CommandError = StoreError::NoSuchRecord {
            kind: Some(Kind::Client),
            query: "K-0000".into(),
            root: "r".into(),
            close: vec!["K-0001".into()],
        }
        .into();
        assert_eq!(e.exit_code(), 1);
        assert!(e.message.ends_with("did you mean K-0001?"), "{}", e.message);
        let e: CommandError = PathError::BadId {
            kind: Kind::Sponsor,
            id: "A B".into(),
        }
        .into();
        assert_eq!(e.exit_code(), 2);
        let e: CommandError = StoreError::io(
            "write",
            "r/x.toml",
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        )
        .into();
        assert!(e.message.starts_with("cannot write r/x.toml: "));
        assert!(e.message.ends_with("check the folder's permissions"));
    }
}
