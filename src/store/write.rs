//! Writing record files: atomically (temporary file in the same folder,
//! fsync, rename), never over another record, and through toml_edit when a
//! person's file changes so that their comments and layout stay.

use super::lock::RecordLock;
use super::{Finding, Store};
use crate::error::{CommandError, Result, StoreError};
use crate::model::read::Placement;
use crate::model::{Config, IdScheme, Kind, Record};
use chrono::{Datelike, NaiveDate};
use std::io::Write;
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, Value};

const ID_ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// How often a fresh random id is tried before giving up.
const ID_ATTEMPTS: usize = 64;

fn random_chars(alphabet: &[u8], n: usize) -> Result<String> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes)
        .map_err(|e| CommandError::data(crate::tr!("writing.no-randomness", problem = e)))?;
    Ok(bytes
        .iter()
        .map(|b| alphabet[*b as usize % alphabet.len()] as char)
        .collect())
}

/// `<prefix>-YYYYMMDD-xxxx` with four random characters.
pub fn new_dated_id(kind: Kind, date: NaiveDate) -> Result<String> {
    let prefix = kind.id_prefix().ok_or_else(|| {
        CommandError::usage(crate::tr!("writing.no-generated-id", kind = kind.label()))
    })?;
    Ok(format!(
        "{prefix}-{:04}{:02}{:02}-{}",
        date.year(),
        date.month(),
        date.day(),
        random_chars(ID_ALPHABET, 4)?
    ))
}

/// `K-` and six random characters (no 0/O, 1/I look-alikes).
pub fn new_client_code() -> Result<String> {
    Ok(format!("K-{}", random_chars(CODE_ALPHABET, 6)?))
}

/// Writes `text` to `path` atomically: a hidden temporary file in the same
/// folder, flushed to disk, then renamed over the target.
pub fn atomic_write(path: &Path, text: &[u8]) -> Result<(), StoreError> {
    let tmp = temp_in(path)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = tmp.as_file().set_permissions(meta.permissions());
    }
    let tmp = write_temp(tmp, path, text)?;
    tmp.persist(path)
        .map_err(|e| StoreError::io(crate::error::IoAction::Write, path, e.error))?;
    sync_dir(path);
    Ok(())
}

/// Like [`atomic_write`], but fails with `AlreadyExists` instead of replacing a file.
fn atomic_create(path: &Path, text: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(super::temp::PREFIX)
        .suffix(super::temp::SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(text)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(path);
    Ok(())
}

fn temp_in(path: &Path) -> Result<tempfile::NamedTempFile, StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    tempfile::Builder::new()
        .prefix(super::temp::PREFIX)
        .suffix(super::temp::SUFFIX)
        .tempfile_in(dir)
        .map_err(|e| StoreError::io(crate::error::IoAction::WriteToFolder, dir, e))
}

fn write_temp(
    mut tmp: tempfile::NamedTempFile,
    path: &Path,
    text: &[u8],
) -> Result<tempfile::NamedTempFile, StoreError> {
    tmp.write_all(text)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| StoreError::io(crate::error::IoAction::Write, path, e))?;
    Ok(tmp)
}

fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

/// The text of a new record file, as `create` writes it.
pub fn record_text(record: &Record) -> String {
    let mut doc = crate::model::write::to_document(record);
    escape_marker_lines(&mut doc);
    doc.to_string()
}

/// Rewrites string values with a line that starts like a git conflict marker
/// (`<<<<<<<`, `=======`, `>>>>>>>`) as one-line strings with `\n` escapes:
/// written as multi-line strings they would put such a line into the file,
/// and a file with one is taken for an unresolved conflict.
fn escape_marker_lines(doc: &mut DocumentMut) {
    fn fix(v: &mut Value) {
        match v {
            Value::String(s) if !super::load::conflict_markers(s.value()).is_empty() => {
                let decor = s.decor().clone();
                if let Ok(mut one_line) = basic_string(s.value()).parse::<Value>() {
                    *one_line.decor_mut() = decor;
                    *v = one_line;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(fix),
            Value::InlineTable(t) => t.iter_mut().for_each(|(_, v)| fix(v)),
            _ => {}
        }
    }
    for (_, item) in doc.iter_mut() {
        if let Some(v) = item.as_value_mut() {
            fix(v);
        } else if let Some(t) = item.as_table_like_mut() {
            for (_, item) in t.iter_mut() {
                if let Some(v) = item.as_value_mut() {
                    fix(v);
                }
            }
        }
    }
}

/// `s` as a one-line TOML basic string, every line break and control
/// character escaped.
fn basic_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Fails when the path to a record passes a symbolic link below the root:
/// quartier never reads or writes through links.
pub(super) fn refuse_links(root: &Path, path: &Path) -> Result<()> {
    let Ok(rel) = path.strip_prefix(root) else {
        return Ok(());
    };
    let mut here = root.to_path_buf();
    for part in rel {
        here.push(part);
        if std::fs::symlink_metadata(&here).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(CommandError::data(crate::tr!(
                "writing.link",
                path = here.display()
            )));
        }
    }
    Ok(())
}

impl Store {
    /// Writes an already validated record text as a new file: atomically,
    /// never over an existing file (`AlreadyExists` then), never through a
    /// symbolic link. For writers that build many records (`import`).
    pub fn create_new_file(&self, path: &Path, text: &[u8]) -> std::io::Result<()> {
        refuse_links(self.root(), path).map_err(|e| std::io::Error::other(e.message))?;
        atomic_create(path, text)
    }

    /// Checks a record on its own, as `check` would, before it is written.
    pub fn validate_text(
        &self,
        kind: Kind,
        text: &str,
        path: &Path,
        config: &Config,
        placement: Option<Placement>,
    ) -> std::result::Result<Record, Vec<Finding>> {
        let (record, findings) = self.judge_text(kind, text, path, config, placement);
        match record {
            Some(r) if !crate::rules::refuses(&findings) => Ok(r),
            _ => Err(findings),
        }
    }

    /// Every finding `check --strict` would have for `text` as a new record
    /// at `path`, and the record when it can be read: the verdict of
    /// [`Store::validate_text`] with the warnings a write tolerates kept, for
    /// writers that list them (`import`).
    pub fn judge_text(
        &self,
        kind: Kind,
        text: &str,
        path: &Path,
        config: &Config,
        placement: Option<Placement>,
    ) -> (Option<Record>, Vec<Finding>) {
        // the rule book: what `check --strict` would flag stops the write
        let (record, mut findings) =
            crate::rules::validate_write(self, config, kind, text, path, placement);
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.len() as u64 > super::MAX_RECORD_BYTES {
            findings.push(Finding::error(
                path,
                None,
                crate::finding!(
                    "record-too-large",
                    size = format!("{:.1}", text.len() as f64 / 1_000_000.0)
                ),
            ));
        }
        for line in super::load::conflict_markers(text) {
            findings.push(Finding::error(
                path,
                Some(line),
                crate::finding!("marker-line"),
            ));
        }
        (record, findings)
    }

    /// Writes a new record. `make` builds it from a candidate id (`None` for
    /// sponsors and partners, whose slug is given); generated ids are retried
    /// on collision, a given slug that exists is an error.
    pub fn create(
        &self,
        config: &Config,
        kind: Kind,
        date: Option<NaiveDate>,
        mut make: impl FnMut(Option<String>) -> Record,
    ) -> Result<(Record, PathBuf)> {
        for _ in 0..ID_ATTEMPTS {
            let fresh = match kind.id_scheme() {
                IdScheme::Slug => None,
                IdScheme::ClientCode => Some(new_client_code()?),
                IdScheme::Dated { .. } => Some(new_dated_id(
                    kind,
                    date.ok_or_else(|| CommandError::usage(crate::tr!("writing.date-needed")))?,
                )?),
            };
            let record = make(fresh);
            let path = self.path_for(kind, record.id(), record.date())?;
            refuse_links(self.root(), &path)?;
            let text = record_text(&record);
            let stem = record.id().to_string();
            let ym = record.date().map(|d| (d.year(), d.month()));
            self.validate_text(
                kind,
                &text,
                &path,
                config,
                Some(Placement {
                    stem: &stem,
                    year_month: ym,
                }),
            )
            .map_err(|f| findings_said(kind, f))?;
            let dir = path.parent().unwrap_or(self.root());
            std::fs::create_dir_all(dir)
                .map_err(|e| CommandError::io(crate::error::IoAction::CreateFolder, dir, &e))?;
            match atomic_create(&path, text.as_bytes()) {
                Ok(()) => return Ok((record, path)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if kind.is_named() {
                        return Err(CommandError::data(crate::tr!(
                            "writing.exists",
                            kind = kind.label(),
                            id = record.id(),
                            path = path.display()
                        )));
                    }
                }
                Err(e) => return Err(CommandError::io(crate::error::IoAction::Write, &path, &e)),
            }
        }
        Err(CommandError::data(crate::tr!(
            "writing.no-free-id",
            kind = kind.label(),
            tries = ID_ATTEMPTS
        )))
    }

    /// Changes an existing record through toml_edit, keeping every comment and
    /// the layout; the result is validated before it replaces the file. When
    /// the date moves to another month, the file moves with it. Refused with
    /// "changed meanwhile" when the file changed after it was read here.
    pub fn update(
        &self,
        config: &Config,
        kind: Kind,
        path: &Path,
        change: impl FnOnce(&mut DocumentMut) -> Result<()>,
    ) -> Result<(Record, PathBuf)> {
        let text = super::file::read_text(path)
            .map_err(|m| CommandError::data(format!("{}: {m}", path.display())))?;
        self.update_read(config, kind, path, &text, change)
    }

    /// [`Store::update`] of the text `read` the command already read from
    /// `path` and took its decisions on: `change` gets that text, and the
    /// compare-and-swap guards that very text. A refusal (of `change`, of
    /// the rule book) while the file no longer holds `read` was judged on a
    /// stale text: it is "changed meanwhile" (exit 1), never the refusal.
    pub fn update_read(
        &self,
        config: &Config,
        kind: Kind,
        path: &Path,
        read: &str,
        change: impl FnOnce(&mut DocumentMut) -> Result<()>,
    ) -> Result<(Record, PathBuf)> {
        let judged = changed_text(path, read, change).and_then(|new_text| {
            // a change asked for by flags or a form: refused in the person's words
            let (record, target) =
                self.judge_replacement(config, kind, path, &new_text, true, |_| Ok(()))?;
            Ok((new_text, record, target))
        });
        let (new_text, record, target) = judged.map_err(|e| stale_or(path, read, e))?;
        self.swap(path, read, &new_text, record, target)
    }

    /// Changes an existing record as a typed record: `change` gets what the
    /// file holds, the result is put into the file by the schema-driven
    /// writer (`model::write::update_document`: unchanged values, comments
    /// and unknown keys stay) and then judged like every write — refused
    /// when `check --strict` would flag it.
    pub fn update_record(
        &self,
        config: &Config,
        kind: Kind,
        path: &Path,
        change: impl FnOnce(&mut Record) -> Result<()>,
    ) -> Result<(Record, PathBuf)> {
        self.update(config, kind, path, |doc| {
            let ctx = crate::model::read::Context {
                config,
                today: crate::dates::today(),
            };
            let text = doc.to_string();
            let (record, _) = crate::model::read::read_record(kind, &text, &ctx, None);
            let mut record = record.ok_or_else(|| {
                CommandError::data(crate::tr!(
                    "writing.unreadable",
                    path = path.display(),
                    kind = kind.label()
                ))
            })?;
            change(&mut record)?;
            crate::model::write::update_document(doc, &record);
            Ok(())
        })
    }

    /// Replaces a record's file, which held `read` when the command read it,
    /// with `text` once it is valid and `extra` accepts it (e.g. that its
    /// references exist); moves it when its date now belongs in another
    /// month folder.
    ///
    /// Compare and swap: under the record's lock the file is read again and
    /// must still hold `read`; otherwise nothing is written and the error is
    /// [`StoreError::ChangedMeanwhile`]. A move first writes the new text
    /// in place, then renames the file into its new month (never over
    /// another file): at no moment are there two copies, and a crash in
    /// between leaves the changed record in the old folder, which `check`
    /// names with the folder it belongs in.
    pub fn replace_validated_with(
        &self,
        config: &Config,
        kind: Kind,
        path: &Path,
        read: &str,
        text: &str,
        extra: impl FnOnce(&Record) -> Result<()>,
    ) -> Result<(Record, PathBuf)> {
        // `quartier edit`: the person saw the file, refused in its words
        let (record, target) = self.judge_replacement(config, kind, path, text, false, extra)?;
        self.swap(path, read, text, record, target)
    }

    /// The verdict on `text` as the new content of `path`: the record and
    /// the path it belongs at, or what refuses it — with `said`, each
    /// finding as a person typing flags is told it ([`Finding::said`]).
    fn judge_replacement(
        &self,
        config: &Config,
        kind: Kind,
        path: &Path,
        text: &str,
        said: bool,
        extra: impl FnOnce(&Record) -> Result<()>,
    ) -> Result<(Record, PathBuf)> {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let record = self
            .validate_text(
                kind,
                text,
                path,
                config,
                Some(Placement {
                    stem: &stem,
                    year_month: None,
                }),
            )
            .map_err(|f| {
                if said {
                    findings_said(kind, f)
                } else {
                    findings_error(f)
                }
            })?;
        extra(&record)?;
        let target = self.path_for(kind, record.id(), record.date())?;
        Ok((record, target))
    }

    /// The compare-and-swap and the write (and move) of a judged `text`.
    fn swap(
        &self,
        path: &Path,
        read: &str,
        text: &str,
        record: Record,
        target: PathBuf,
    ) -> Result<(Record, PathBuf)> {
        refuse_links(self.root(), path)?;
        refuse_links(self.root(), &target)?;
        if text == read && target == path {
            return Ok((record, target)); // nothing to change
        }
        let _lock = RecordLock::acquire(self.root(), record.id())?;
        match std::fs::read(path) {
            Ok(now) if now == read.as_bytes() => {}
            Ok(_) => return Err(changed_meanwhile(path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(changed_meanwhile(path));
            }
            Err(e) => return Err(CommandError::io(crate::error::IoAction::Read, path, &e)),
        }
        atomic_write(path, text.as_bytes())?;
        if target != path {
            let dir = target.parent().unwrap_or(self.root());
            std::fs::create_dir_all(dir)
                .map_err(|e| CommandError::io(crate::error::IoAction::CreateFolder, dir, &e))?;
            crash_point("move");
            rename_noreplace(path, &target).map_err(|e| {
                CommandError::data(crate::tr!(
                    "writing.not-moved",
                    path = path.display(),
                    target = target.display(),
                    problem = crate::error::IoProblem(&e)
                ))
            })?;
            sync_dir(&target);
            sync_dir(path);
        }
        Ok((record, target))
    }
}

/// `read` with `change` made to it, keeping its line endings and byte
/// order mark (toml_edit writes `\n` and none).
fn changed_text(
    path: &Path,
    read: &str,
    change: impl FnOnce(&mut DocumentMut) -> Result<()>,
) -> Result<String> {
    let mut doc: DocumentMut = read.parse().map_err(|e: toml_edit::TomlError| {
        CommandError::data(crate::tr!(
            "writing.not-toml",
            path = path.display(),
            problem = crate::i18n::toml_errors::localize(e.message())
        ))
    })?;
    change(&mut doc)?;
    escape_marker_lines(&mut doc);
    let mut new_text = doc.to_string();
    if read.contains("\r\n") {
        new_text = new_text.replace("\r\n", "\n").replace('\n', "\r\n");
    }
    if read.starts_with('\u{feff}') && !new_text.starts_with('\u{feff}') {
        new_text.insert(0, '\u{feff}');
    }
    Ok(new_text)
}

/// `refusal` of a change judged on `read`, or "changed meanwhile" when the
/// file no longer holds `read`: then the refusal is about a stale text.
pub fn stale_or(path: &Path, read: &str, refusal: CommandError) -> CommandError {
    if refusal.is_changed_meanwhile() {
        return refusal;
    }
    match std::fs::read(path) {
        Ok(now) if now == read.as_bytes() => refusal,
        Ok(_) => changed_meanwhile(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => changed_meanwhile(path),
        Err(_) => refusal,
    }
}

fn changed_meanwhile(path: &Path) -> CommandError {
    StoreError::ChangedMeanwhile {
        path: path.to_path_buf(),
    }
    .into()
}

/// Renames `from` to `to`, failing (`AlreadyExists`) instead of replacing a
/// file at `to`.
fn rename_noreplace(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let a = CString::new(from.as_os_str().as_bytes())?;
        let b = CString::new(to.as_os_str().as_bytes())?;
        // SAFETY: both are valid NUL-terminated paths that outlive the call.
        let rc = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                a.as_ptr(),
                libc::AT_FDCWD,
                b.as_ptr(),
                libc::RENAME_NOREPLACE,
            )
        };
        if rc == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        // file systems without RENAME_NOREPLACE: check, then rename
        if e.raw_os_error() != Some(libc::EINVAL) {
            return Err(e);
        }
    }
    if std::fs::symlink_metadata(to).is_ok() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            crate::tr!("writing.exists-path", path = to.display()),
        ));
    }
    std::fs::rename(from, to)
}

/// Stops the process here when `QUARTIER_CRASH_AT` names this point: the
/// tests use it to show what a crash (power cut, kill -9) at that moment
/// leaves behind. Without the variable it does nothing.
pub(crate) fn crash_point(name: &str) {
    if std::env::var_os("QUARTIER_CRASH_AT").is_some_and(|v| v == name) {
        std::process::abort();
    }
}

/// Findings that stop a write, as one error: the errors, and the warnings
/// `check --strict` would turn into errors, in `check`'s words (a person
/// who edited the file saw its keys).
pub fn findings_error(findings: Vec<Finding>) -> CommandError {
    refusal(findings, &|f| f.to_string())
}

/// [`findings_error`] for a new record of `kind` made from flags or a
/// form: each finding as the person who asked for it is told it (keys by
/// label, days as the office reads them: [`Finding::said`]), at file and line.
fn findings_said(kind: Kind, findings: Vec<Finding>) -> CommandError {
    let lang = crate::i18n::lang();
    refusal(findings, &|f| {
        Finding {
            message: f.said(kind, lang),
            ..f.clone()
        }
        .to_string()
    })
}

fn refusal(findings: Vec<Finding>, line: &dyn Fn(&Finding) -> String) -> CommandError {
    CommandError::data(
        findings
            .iter()
            .filter(|f| f.is_error() || !f.tolerated_on_write)
            .map(line)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_the_documented_shape() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let id = new_dated_id(Kind::Appointment, d).unwrap();
        assert!(crate::model::read::is_dated_id(&id, "apt"), "{id}");
        assert!(id.starts_with("apt-20261125-"));
        let code = new_client_code().unwrap();
        assert!(crate::model::read::is_client_code(&code), "{code}");
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn atomic_create_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        atomic_create(&p, b"one").unwrap();
        let e = atomic_create(&p, b"two").unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "one");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Runs this test binary's test `name` in a shell with a file size limit
    /// (in 512-byte or 1 KiB blocks, as the shell counts), so that writing a
    /// large file stops half way as on a full disk. `ignore_signal` makes the
    /// write fail with an error; otherwise the process is killed mid-write.
    #[cfg(unix)]
    fn run_limited(name: &str, target: &Path, ignore_signal: bool) -> std::process::ExitStatus {
        let trap = if ignore_signal { "trap '' XFSZ; " } else { "" };
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{trap}ulimit -f 16; exec \"$0\" \"$@\""))
            .arg(std::env::current_exe().unwrap())
            .args(["--exact", name, "--test-threads=1", "--nocapture"])
            .env("QUARTIER_TEST_WRITE_TARGET", target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
    }

    const OLD: &str = "id = \"K-AB12\"\nfirst_contact = 2026-01-10\n";

    fn large_record() -> Vec<u8> {
        format!("{OLD}notes = \"{}\"\n", "x".repeat(512 * 1024)).into_bytes()
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_write_leaves_the_old_file() {
        if let Some(target) = std::env::var_os("QUARTIER_TEST_WRITE_TARGET") {
            let e = atomic_write(Path::new(&target), &large_record()).unwrap_err();
            assert!(
                matches!(&e, StoreError::Io { what: crate::error::IoAction::Write, path, .. } if path == Path::new(&target)),
                "{e:?}"
            );
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("K-AB12.toml");
        std::fs::write(&p, OLD).unwrap();
        let status = run_limited(
            "store::write::tests::a_failed_write_leaves_the_old_file",
            &p,
            true,
        );
        assert!(status.success(), "{status}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), OLD);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["K-AB12.toml"], "the temporary file is removed");
    }

    #[cfg(unix)]
    #[test]
    fn a_crash_mid_write_leaves_the_old_file_and_a_temporary_file_that_is_ignored() {
        if let Some(target) = std::env::var_os("QUARTIER_TEST_WRITE_TARGET") {
            let _ = atomic_write(Path::new(&target), &large_record());
            return;
        }
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join("quartier.toml"),
            "[office]\nname = \"x\"\n",
        )
        .unwrap();
        std::fs::create_dir(root.path().join("clients")).unwrap();
        let p = root.path().join("clients/K-AB12.toml");
        std::fs::write(&p, OLD).unwrap();
        let status = run_limited(
            "store::write::tests::a_crash_mid_write_leaves_the_old_file_and_a_temporary_file_that_is_ignored",
            &p,
            false,
        );
        assert!(!status.success(), "the writer was killed: {status}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), OLD);
        let leftovers: Vec<_> = std::fs::read_dir(root.path().join("clients"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| crate::store::temp::is_write_temporary(std::ffi::OsStr::new(n)))
            .collect();
        assert_eq!(
            leftovers.len(),
            1,
            "a half-written temporary file stays behind"
        );

        let store = Store::open(root.path()).unwrap();
        let config = store.config().unwrap();
        let loaded = store.load(&config, &super::super::Scope::all());
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        assert_eq!(loaded.records.clients.len(), 1);
        assert_eq!(loaded.records.clients[0].id, "K-AB12");
        assert!(
            store
                .list_ids(Kind::Client)
                .iter()
                .all(|(id, _)| id == "K-AB12")
        );
        assert!(crate::check::check_folder(&store).is_empty());
    }

    #[test]
    fn update_keeps_line_endings_byte_order_mark_and_comments() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join("quartier.toml"),
            "[office]\nname = \"x\"\n",
        )
        .unwrap();
        std::fs::create_dir(root.path().join("clients")).unwrap();
        let p = root.path().join("clients/K-AB12.toml");
        let old = "\u{feff}# Erstkontakt im Laden\r\nid = \"K-AB12\"\r\nfirst_contact = 2026-01-10 # Montag\r\n";
        std::fs::write(&p, old).unwrap();
        let store = Store::open(root.path()).unwrap();
        let config = store.config().unwrap();
        store
            .update(&config, Kind::Client, &p, |doc| {
                doc["gender"] = toml_edit::value("f");
                Ok(())
            })
            .unwrap();
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "\u{feff}# Erstkontakt im Laden\r\nid = \"K-AB12\"\r\nfirst_contact = 2026-01-10 # Montag\r\ngender = \"f\"\r\n"
        );
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_the_typed_changed_meanwhile() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join("quartier.toml"),
            "[office]\nname = \"x\"\n",
        )
        .unwrap();
        std::fs::create_dir(root.path().join("clients")).unwrap();
        let p = root.path().join("clients/K-AB12.toml");
        let read = "id = \"K-AB12\"\nfirst_contact = 2026-01-10\n";
        std::fs::write(&p, format!("{read}gender = \"m\"\n")).unwrap();
        let store = Store::open(root.path()).unwrap();
        let config = store.config().unwrap();
        let new = format!("{read}gender = \"f\"\n");
        let e = store
            .replace_validated_with(&config, Kind::Client, &p, read, &new, |_| Ok(()))
            .unwrap_err();
        assert!(e.is_changed_meanwhile(), "{e}");
        assert_eq!(e.exit_code(), 1);
        assert!(std::fs::read_to_string(&p).unwrap().contains("\"m\""));
    }
}
