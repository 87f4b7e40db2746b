//! The error every command returns, and the exit code it maps to.

use std::fmt;

/// Exit 0: done. 1: a data problem (invalid record, failed check, not found,
/// an I/O or git failure). 2: the command line was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitKind {
    Data = 1,
    Usage = 2,
}

#[derive(Debug)]
pub struct CommandError {
    pub kind: ExitKind,
    pub message: String,
}

impl CommandError {
    pub fn data(message: impl Into<String>) -> Self {
        CommandError {
            kind: ExitKind::Data,
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        CommandError {
            kind: ExitKind::Usage,
            message: message.into(),
        }
    }

    /// A data error that has already been printed in full (e.g. `check`'s findings).
    pub fn silent() -> Self {
        CommandError::data("")
    }

    pub fn exit_code(&self) -> i32 {
        self.kind as i32
    }

    /// An I/O failure on `path`, said so that a person knows what to do.
    pub fn io(what: &str, path: &std::path::Path, err: &std::io::Error) -> Self {
        let hint = match err.kind() {
            std::io::ErrorKind::PermissionDenied => ": check the folder's permissions",
            std::io::ErrorKind::NotFound => ": it does not exist",
            std::io::ErrorKind::StorageFull => ": the disk is full; free some space and try again",
            std::io::ErrorKind::ReadOnlyFilesystem => ": the file system is read-only",
            _ => "",
        };
        CommandError::data(format!("cannot {what} {}: {err}{hint}", path.display()))
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CommandError {}

pub type Result<T, E = CommandError> = std::result::Result<T, E>;
