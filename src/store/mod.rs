//! The records folder on disk: finding it, reading and validating every file
//! in it (in parallel), and writing records atomically. Nothing else in the
//! program touches record files.

mod batch;
mod file;
mod load;
mod lock;
mod pathspec;
mod records;
mod resolve;
mod settings;
mod settled;
pub mod temp;
mod write;

pub use file::{read_text, read_utf8};
pub use load::{conflict_markers, to_finding as problem_finding};
pub use pathspec::Pathspec;
pub use records::{Entry, LoadResult, MonthRange, Records, Scope};
pub(crate) use settled::SettledIndex;
pub use write::{atomic_write, new_client_code, new_dated_id, record_text, stale_or};

use crate::error::{CommandError, Result, StoreError};
use crate::i18n::findings::{Code, Msg};
use crate::model::read::Severity;
use crate::model::{Config, Kind};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "quartier.toml";

/// Files larger than this are no records; they are reported, never read.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;

/// One line of `check`: a problem in one file. `code` names the finding
/// (its entry in the catalogue, `check --json`'s `code`); `message` is its
/// text in the interface language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    pub line: Option<usize>,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// A warning a write still goes through with (SPEC §4: a referral
    /// without covering consent); every other finding of `check --strict`
    /// stops a write.
    #[serde(skip)]
    pub tolerated_on_write: bool,
    /// The key the finding is about (`notes`, `participants.total`): its
    /// `key` argument, else the key written on its line.
    #[serde(skip)]
    pub key: Option<String>,
    /// Its arguments by name (the values it names), in no language.
    #[serde(skip)]
    pub args: crate::i18n::findings::Args,
}

/// Paths as text even when a file name is not UTF-8, so that no finding is lost.
fn lossy_path<S: serde::Serializer>(path: &Path, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

impl Finding {
    pub fn error(path: impl Into<PathBuf>, line: Option<usize>, msg: Msg) -> Self {
        Finding::new(path, line, Severity::Error, msg)
    }

    pub fn warning(path: impl Into<PathBuf>, line: Option<usize>, msg: Msg) -> Self {
        Finding::new(path, line, Severity::Warning, msg)
    }

    pub fn new(
        path: impl Into<PathBuf>,
        line: Option<usize>,
        severity: Severity,
        msg: Msg,
    ) -> Self {
        Finding {
            path: path.into(),
            line,
            severity,
            code: msg.code,
            key: msg.key().map(str::to_string),
            message: msg.text,
            tolerated_on_write: false,
            args: msg.args,
        }
    }

    /// Whether `other` is the same finding: the same code about the same
    /// key with the same arguments, in whichever words — what tells a
    /// problem a file had before from one a change brings in.
    pub fn is_same(&self, other: &Finding) -> bool {
        self.code == other.code && self.key == other.key && self.args == other.args
    }

    /// The finding as a person answering a form or typing flags for a
    /// record of `kind` is told it: the same text filled with the same
    /// arguments, keys by their schema label in `lang` (also a key of
    /// another kind the text names, a client's `consent` in a referral's
    /// finding), days as the office reads them. `message` is `check`'s.
    pub fn said(&self, kind: Kind, lang: crate::model::Lang) -> String {
        crate::i18n::findings::said_about(kind, lang, self.code.as_str(), &self.args, &self.message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The line of the key this finding is about, to blame a flag, a form's
    /// answer or an import column for it: none for a missing key, whose
    /// line is that of its table (the header, or line 1 of the file).
    pub fn key_line(&self) -> Option<usize> {
        self.line.filter(|_| self.code.as_str() != "missing-key")
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // one line per finding: a message quoting a file name is escaped too
        let (path, message) = (escaped(&self.path), escaped_text(&self.message));
        match self.line {
            Some(line) => write!(f, "{path}:{line}: {sev}: {message}"),
            None => write!(f, "{path}: {sev}: {message}"),
        }
    }
}

/// A path as one line of text: line breaks, tabs and other control
/// characters in a file name are written as escapes (`\n`, `\u{1b}`), so that
/// no file name can forge a finding line or move the terminal's cursor.
pub fn escaped(path: &Path) -> String {
    escaped_text(&path.to_string_lossy())
}

fn escaped_text(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Frees `records` on another thread: freeing a hundred thousand records
/// takes a while, and a command that is about to end need not wait for it.
/// A few are freed here: starting a thread costs more than freeing them.
pub fn drop_in_background(records: Records) {
    if records.len() < 1_000 {
        return drop(records);
    }
    // Should no thread start, the records are freed here.
    let _ = std::thread::Builder::new().spawn(move || drop(records));
}

/// The top-level key, or `table.key`, written on each line of `text`
/// (1-based), so that a finding's line names the key (and the flag) behind it.
pub fn keys_by_line(text: &str) -> std::collections::BTreeMap<usize, String> {
    let mut out = std::collections::BTreeMap::new();
    let mut table: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            table = Some(name.trim_matches(['[', ']']).trim().to_string());
            continue;
        }
        if t.starts_with('#') || t.is_empty() {
            continue;
        }
        if let Some((key, _)) = t.split_once('=') {
            let key = key.trim().trim_matches('"').to_string();
            let full = match &table {
                Some(tbl) => format!("{tbl}.{key}"),
                None => key,
            };
            out.insert(i + 1, full);
        }
    }
    out
}

/// 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// An opened records folder.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// The records folder at `root`, which must hold `quartier.toml`.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store> {
        let root = root.into();
        if !root.join(CONFIG_FILE).is_file() {
            return Err(StoreError::NotARecordsFolder { path: root }.into());
        }
        Ok(Store { root })
    }

    /// Finds the records folder: `--records`, else `$QUARTIER_RECORDS`, else
    /// the nearest folder upwards from `cwd` holding `quartier.toml`, else `./records`.
    pub fn discover(flag: Option<&Path>, env: Option<&Path>, cwd: &Path) -> PathBuf {
        if let Some(dir) = flag.or(env).filter(|p| !p.as_os_str().is_empty()) {
            return dir.to_path_buf();
        }
        let mut here = Some(cwd);
        while let Some(dir) = here {
            if dir.join(CONFIG_FILE).is_file() {
                match foreign_owner(dir) {
                    None => return relative_to(dir, cwd),
                    // as git does with safe.directory: another user's folder is not trusted
                    Some(uid) => eprintln!(
                        "quartier: {}",
                        crate::tr!(
                            "writing.foreign-folder",
                            path = dir.display(),
                            file = CONFIG_FILE,
                            uid = uid
                        )
                    ),
                }
            }
            here = dir.parent();
        }
        PathBuf::from("records")
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Reads and checks `quartier.toml`; any problem in it fails.
    pub fn config(&self) -> std::result::Result<Config, Vec<Finding>> {
        let (config, findings) = self.config_checked();
        if findings.is_empty() {
            Ok(config)
        } else {
            Err(findings)
        }
    }

    /// Reads the config or fails with its findings.
    pub fn config_or_fail(&self) -> Result<Config> {
        self.config().map_err(|findings| {
            CommandError::data(
                findings
                    .iter()
                    .map(|f| f.to_string())
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })
    }

    /// The file of a record, from its (validated) id and date.
    pub fn path_for(&self, kind: Kind, id: &str, date: Option<NaiveDate>) -> Result<PathBuf> {
        Ok(self.root.join(kind.relative_path(id, date)?))
    }
}

/// The owner of `dir` when it is neither the user nor root.
fn foreign_owner(dir: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let uid = std::fs::metadata(dir).ok()?.uid();
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        (uid != me && uid != 0).then_some(uid)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// `dir` as seen from `cwd`, so that paths in messages stay short.
fn relative_to(dir: &Path, cwd: &Path) -> PathBuf {
    if dir == cwd {
        return PathBuf::from(".");
    }
    match dir.strip_prefix(cwd) {
        Ok(rel) => rel.to_path_buf(),
        Err(_) => dir.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_from_offsets() {
        let t = "a\nb\nc";
        assert_eq!(line_of(t, 0), 1);
        assert_eq!(line_of(t, 2), 2);
        assert_eq!(line_of(t, 4), 3);
        assert_eq!(line_of(t, 99), 3);
    }

    #[test]
    fn findings_are_the_same_by_code_key_and_values_not_by_wording() {
        let f = |lang, value: &str| {
            Finding::error(
                "r/x.toml",
                Some(3),
                Msg::new_in(
                    lang,
                    "unknown-staff",
                    &[("key", &"staff"), ("value", &value)],
                ),
            )
        };
        let (de, en) = (
            f(crate::model::Lang::De, "zz"),
            f(crate::model::Lang::En, "zz"),
        );
        assert_ne!(de.message, en.message);
        assert!(de.is_same(&en), "the same finding in other words");
        assert_eq!(de.key.as_deref(), Some("staff"));
        assert!(
            !de.is_same(&f(crate::model::Lang::De, "yy")),
            "another value"
        );
        let other_key = Finding::error(
            "r/x.toml",
            Some(3),
            Msg::new_in(
                crate::model::Lang::De,
                "unknown-staff",
                &[("key", &"x"), ("value", &"zz")],
            ),
        );
        assert!(!de.is_same(&other_key), "another key");
        // a finding without a `key` argument is about the key on its line
        let text = "id = \"a\"\n[participants]\ntotal = 3\n";
        let p = crate::model::read::Problem::error(
            Some(text.find("3").unwrap()..text.len()),
            Msg::new_in(
                crate::model::Lang::En,
                "participants-migrants",
                &[("migrants", &4), ("total", &3)],
            ),
        );
        let at = super::problem_finding(Path::new("x"), text, p);
        assert_eq!(at.key.as_deref(), Some("participants.total"));
    }

    #[test]
    fn finding_lines_read_like_a_compiler() {
        let msg = |code, args: &[(&'static str, &dyn std::fmt::Display)]| {
            Msg::new_in(crate::model::Lang::En, code, args)
        };
        let f = Finding::error(
            "r/clients/K-1234.toml",
            Some(3),
            msg("unknown-key", &[("key", &"gendr"), ("known", &"gender")]),
        );
        assert_eq!(
            f.to_string(),
            "r/clients/K-1234.toml:3: error: unknown key `gendr` (known keys: gender)"
        );
        assert_eq!(f.code.as_str(), "unknown-key");
        let w = Finding::warning("r/x.toml", None, msg("symlink", &[]));
        assert!(
            w.to_string()
                .starts_with("r/x.toml: warning: is a symbolic link")
        );
        let de = Finding::warning(
            "r/x.toml",
            None,
            Msg::new_in(crate::model::Lang::De, "symlink", &[]),
        );
        assert!(
            de.to_string()
                .starts_with("r/x.toml: warning: ist ein symbolischer Link"),
            "{de}"
        );
    }
}
