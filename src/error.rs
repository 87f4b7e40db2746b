//! The errors of the library layers, and the one place that chooses the
//! exit code of each.
//!
//! The store returns [`StoreError`] — a typed enum callers can match on
//! (`AmbiguousId` vs `NoSuchRecord`, …) instead of reading message text.
//! Commands return [`CommandError`]; `From<StoreError> for CommandError`
//! and `From<GitError> for CommandError` (below) are where a store or git
//! error becomes the command's error, with the exit code its `exit_kind` chose.

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
    #[error("{}", crate::tr!("store.not-a-folder", path = path.display()))]
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
    #[error("{}", crate::tr!("store.not-an-id", kind = kind.label(), query = query))]
    NotAnId { kind: Kind, query: String },

    /// (kind, id, date) names no file.
    #[error(transparent)]
    BadPath(#[from] PathError),

    /// The record (or the text about to be written) has errors.
    #[error("{}", findings_text(.0))]
    Invalid(Vec<Finding>),

    /// The file changed after the command read it (compare and swap of
    /// `Store::replace_validated_with`); nothing was written.
    #[error("{}", crate::tr!("store.changed-meanwhile", path = path.display()))]
    ChangedMeanwhile { path: PathBuf },

    /// An I/O failure, said so that a person knows what to do.
    #[error("{}", io_text(what, path, source))]
    Io {
        what: IoAction,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl StoreError {
    pub fn io(what: IoAction, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
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
        format!(
            " — {}",
            crate::tr!("store.did-you-mean", ids = close.join(", "))
        )
    };
    match kind {
        Some(kind) => crate::tr!(
            "store.no-such-record",
            kind = kind.label(),
            cmd = kind.name(),
            query = query,
            root = root.display(),
            hint = hint
        ),
        None => crate::tr!(
            "store.no-such-id",
            query = query,
            root = root.display(),
            hint = hint
        ),
    }
}

fn ambiguous(kind: Option<Kind>, query: &str, matches: &[(Kind, String, PathBuf)]) -> String {
    match kind {
        Some(kind) => format!(
            "{}\n{}",
            crate::tr!(
                "store.ambiguous-kind",
                query = query,
                count = matches.len(),
                kind = kind.label()
            ),
            matches
                .iter()
                .map(|(_, id, p)| format!("  {id}  ({})", p.display()))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        None => format!(
            "{}\n{}",
            crate::tr!("store.ambiguous", query = query),
            matches
                .iter()
                .map(|(k, id, p)| format!("  {id}  ({}, {})", k.label(), p.display()))
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

/// What could not be done with a file or folder: the verb of the sentence
/// [`StoreError::Io`] says, one catalogue id (`io.*`) each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoAction {
    Read,
    Write,
    Create,
    CreateFolder,
    Delete,
    Remove,
    Open,
    Lock,
    LockRecordIn,
    Find,
    WriteToFolder,
    KeepPermissions,
    KeepOldHookAs,
    MakeTempIndex,
    CopyIndex,
    MakeWorkingCopy,
    MakeExecutable,
    RunGit,
    UseNotAFile,
}

impl IoAction {
    /// "cannot VERB PATH" in the interface language.
    pub fn text(self, path: &std::path::Path) -> String {
        let path = path.display();
        match self {
            IoAction::Read => crate::tr!("io.read", path = path),
            IoAction::Write => crate::tr!("io.write", path = path),
            IoAction::Create => crate::tr!("io.create", path = path),
            IoAction::CreateFolder => crate::tr!("io.create-the-folder", path = path),
            IoAction::Delete => crate::tr!("io.delete", path = path),
            IoAction::Remove => crate::tr!("io.remove", path = path),
            IoAction::Open => crate::tr!("io.open", path = path),
            IoAction::Lock => crate::tr!("io.lock", path = path),
            IoAction::LockRecordIn => crate::tr!("io.lock-the-record-in", path = path),
            IoAction::Find => crate::tr!("io.find", path = path),
            IoAction::WriteToFolder => crate::tr!("io.write-to-the-folder", path = path),
            IoAction::KeepPermissions => crate::tr!("io.keep-the-permissions-of", path = path),
            IoAction::KeepOldHookAs => crate::tr!("io.keep-the-old-hook-as", path = path),
            IoAction::MakeTempIndex => crate::tr!("io.make-a-temporary-index-in", path = path),
            IoAction::CopyIndex => crate::tr!("io.copy-the-index", path = path),
            IoAction::MakeWorkingCopy => crate::tr!("io.make-a-working-copy-in", path = path),
            IoAction::MakeExecutable => crate::tr!("io.make-executable", path = path),
            IoAction::RunGit => crate::tr!("io.run-git-in", path = path),
            IoAction::UseNotAFile => crate::tr!("io.use-not-a-file", path = path),
        }
    }
}

/// "PATH: VERB not possible: PROBLEM: HINT" in the interface language.
fn io_text(what: &IoAction, path: &std::path::Path, err: &std::io::Error) -> String {
    let (problem, said) = io_problem_in(crate::i18n::lang(), err);
    crate::tr!(
        "store.io",
        what = what.text(path),
        problem = problem,
        hint = if said { String::new() } else { io_hint(err) }
    )
}

/// An error of the operating system as a person reads it: in German by
/// its kind (the system's own text is English: "No such file or directory
/// (os error 2)"), in English the system's text. `{problem}` of a message.
pub struct IoProblem<'a>(pub &'a std::io::Error);

impl fmt::Display for IoProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&io_problem_in(crate::i18n::lang(), self.0).0)
    }
}

/// The text of `err` in `lang`, and whether it is the catalogue's (which
/// then says what [`io_hint`] would add).
fn io_problem_in(lang: crate::model::Lang, err: &std::io::Error) -> (String, bool) {
    use std::io::ErrorKind as K;
    if is_not_utf8(err) {
        // not the system's words but ours, in either language
        return (
            crate::i18n::t_in(lang, "io.kind.not-utf8").to_string(),
            true,
        );
    }
    let id = match err.kind() {
        K::NotFound => "io.kind.not-found",
        K::PermissionDenied => "io.kind.permission-denied",
        K::AlreadyExists => "io.kind.already-exists",
        K::IsADirectory => "io.kind.is-a-directory",
        K::NotADirectory => "io.kind.not-a-directory",
        K::DirectoryNotEmpty => "io.kind.directory-not-empty",
        K::StorageFull => "io.kind.storage-full",
        K::ReadOnlyFilesystem => "io.kind.read-only",
        K::FileTooLarge => "io.kind.too-large",
        K::CrossesDevices => "io.kind.crosses-devices",
        K::InvalidFilename => "io.kind.invalid-filename",
        K::TimedOut => "io.kind.timed-out",
        K::BrokenPipe => "io.kind.broken-pipe",
        _ => return (err.to_string(), false),
    };
    match lang {
        crate::model::Lang::De => (crate::i18n::t_in(lang, id).to_string(), true),
        crate::model::Lang::En => (err.to_string(), false),
    }
}

/// Text that is not UTF-8, as [`crate::store::read_utf8`] reports it.
fn is_not_utf8(err: &std::io::Error) -> bool {
    err.get_ref()
        .is_some_and(|inner| inner.is::<std::string::FromUtf8Error>())
}

fn io_hint(err: &std::io::Error) -> String {
    let id = match err.kind() {
        std::io::ErrorKind::PermissionDenied => "io.hint-permissions",
        std::io::ErrorKind::NotFound => "io.hint-missing",
        std::io::ErrorKind::StorageFull => "io.hint-full",
        std::io::ErrorKind::ReadOnlyFilesystem => "io.hint-read-only",
        _ => return String::new(),
    };
    format!(": {}", crate::i18n::t(id))
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
    pub fn io(what: IoAction, path: &std::path::Path, err: &std::io::Error) -> Self {
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

impl From<crate::git::GitError> for CommandError {
    fn from(e: crate::git::GitError) -> Self {
        CommandError {
            kind: e.exit_kind(),
            message: e.to_string(),
            cause: None,
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
        assert!(e.message.ends_with("meinten Sie K-0001?"), "{}", e.message);
        let e: CommandError = PathError::BadId {
            kind: Kind::Sponsor,
            id: "A B".into(),
        }
        .into();
        assert_eq!(e.exit_code(), 2);
        let e: CommandError = StoreError::io(
            crate::error::IoAction::Write,
            "r/x.toml",
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        )
        .into();
        assert!(
            e.message.starts_with("r/x.toml: Schreiben nicht möglich: "),
            "{}",
            e.message
        );
        assert!(
            e.message.ends_with("Rechte des Ordners prüfen"),
            "{}",
            e.message
        );
    }

    /// The system's English text is not shown in German: the kind's words
    /// are, with what to do where there is something.
    #[test]
    fn system_errors_speak_german() {
        let e: CommandError = StoreError::io(
            crate::error::IoAction::Read,
            "r/x.toml",
            std::io::Error::from_raw_os_error(2),
        )
        .into();
        assert_eq!(
            e.message,
            "r/x.toml: Lesen nicht möglich: das gibt es nicht"
        );
        let e: CommandError = StoreError::io(
            crate::error::IoAction::Write,
            "r/x.toml",
            std::io::Error::from_raw_os_error(13),
        )
        .into();
        assert_eq!(
            e.message,
            "r/x.toml: Schreiben nicht möglich: keine Berechtigung; Rechte des Ordners prüfen"
        );
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(
            IoProblem(&full).to_string(),
            "die Festplatte ist voll; Platz schaffen und noch einmal versuchen"
        );
        let (en, said) = io_problem_in(
            crate::model::Lang::En,
            &std::io::Error::from_raw_os_error(2),
        );
        assert_eq!(
            (en.as_str(), said),
            ("No such file or directory (os error 2)", false)
        );
        // a kind without words of its own keeps the system's text
        let odd = std::io::Error::other("strange");
        assert_eq!(IoProblem(&odd).to_string(), "strange");
    }

    /// Text that is not UTF-8 is told by the error's type, not its words:
    /// what `read_utf8` reports is said as such, an `InvalidData` error
    /// that merely mentions UTF-8 keeps its own text.
    #[test]
    fn text_that_is_not_utf8_is_known_by_its_type() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("rules.toml");
        std::fs::write(&file, b"PK\x03\x04\xff\xfe").unwrap();
        let err = crate::store::read_utf8(&file).unwrap_err();
        assert_eq!(
            io_problem_in(crate::model::Lang::De, &err),
            (
                "kein Text in UTF-8 (eine Tabelle oder ein Dokument?)".to_string(),
                true
            )
        );
        assert_eq!(
            io_problem_in(crate::model::Lang::En, &err),
            (
                "not UTF-8 text (a spreadsheet or document?)".to_string(),
                true
            )
        );
        let worded = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        );
        assert_eq!(
            io_problem_in(crate::model::Lang::De, &worded),
            ("stream did not contain valid UTF-8".to_string(), false)
        );
        std::fs::write(&file, "ä = 1\n").unwrap();
        assert_eq!(crate::store::read_utf8(&file).unwrap(), "ä = 1\n");
    }
}
