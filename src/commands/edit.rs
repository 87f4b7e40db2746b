//! `quartier edit ID`: a record in the user's editor, validated before it
//! replaces the file.

use crate::cli::{Globals, interactive};
use crate::commands::shared::{Change, CommitArg, check_references, report_written};
use crate::error::{CommandError, Result};
use crate::model::{Config, Kind};
use crate::store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// Open a record (by id or a unique end of it) in $VISUAL or $EDITOR (else
/// vi). When you save, quartier checks it: a valid record replaces the old
/// file; an invalid one is shown with its problems, and you can edit again or
/// keep the old file.
///
/// Example: quartier edit x7k2
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of any record, or a unique end of it
    pub id: String,
    #[command(flatten)]
    pub commit: CommitArg,
}

/// Set to `1` when `$EDITOR` needs no terminal (a script such as `sed -i …`):
/// then `edit` runs it without one too.
pub const EDITOR_NO_TERMINAL: &str = "QUARTIER_EDITOR_NO_TERMINAL";

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (kind, id, path) = store.resolve_any(&args.id)?;
    edit_in_editor(globals, &store, &config, kind, &id, &path, &args.commit)
}

fn editor_needs_no_terminal() -> bool {
    std::env::var(EDITOR_NO_TERMINAL).is_ok_and(|v| v == "1")
}

/// The editor command: $VISUAL, else $EDITOR, else vi.
fn editor() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Edits a copy of `path`; only a valid result replaces the record, and only
/// when the file is still what was read (else "changed meanwhile", and the
/// edited text is kept and named). The copy lives in a private temporary
/// folder outside the records folder, removed when the edit ends — also
/// when the terminal is closed (SIGHUP), or on SIGTERM/SIGINT.
pub fn edit_in_editor(
    globals: &Globals,
    store: &Store,
    config: &Config,
    kind: Kind,
    id: &str,
    path: &Path,
    commit: &CommitArg,
) -> Result<()> {
    if !interactive() && !editor_needs_no_terminal() {
        // cron or a pipe: an editor would wait for a person who is not there
        return Err(CommandError::usage(crate::tr!(
            "edit.needs-terminal",
            kind = kind.name(),
            id = id,
            var = EDITOR_NO_TERMINAL
        )));
    }
    let original = crate::store::read_utf8(path)
        .map_err(|e| CommandError::io(crate::error::IoAction::Read, path, &e))?;
    let work = WorkCopy::new(id, &original)?;
    loop {
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("{} \"$1\"", editor()))
            .arg("quartier-editor")
            .arg(&work.file)
            .status()
            .map_err(|e| {
                CommandError::data(crate::tr!(
                    "edit.cannot-start",
                    editor = editor(),
                    error = e
                ))
            })?;
        if !status.success() {
            return Err(CommandError::data(crate::tr!(
                "edit.editor-failed",
                editor = editor(),
                status = status,
                path = path.display()
            )));
        }
        let edited = crate::store::read_utf8(&work.file)
            .map_err(|e| CommandError::io(crate::error::IoAction::Read, &work.file, &e))?;
        let result =
            store.replace_validated_with(config, kind, path, &original, &edited, |record| {
                // refused exactly when `check --strict` would flag it (privacy included)
                crate::commands::fields::write::judge_file(kind, path, &edited, config)?;
                check_references(store, record)
            });
        match result {
            Ok((_, new_path)) if edited == original && new_path == path => {
                eprintln!("{}", crate::tr!("edit.no-changes", path = path.display()));
                return Ok(());
            }
            // unchanged but filed under the wrong month (e.g. a move cut
            // short by a crash): saving puts it where it belongs
            Ok((_, new_path)) => {
                let change = Change {
                    kind,
                    verb: "edit",
                    id,
                    path: &new_path,
                    moved_from: (new_path != path).then_some(path),
                };
                return report_written(globals, store, config, commit, change);
            }
            Err(e) if e.is_changed_meanwhile() => {
                let kept = work.keep();
                return Err(CommandError::data(crate::tr!(
                    "edit.changed-meanwhile",
                    path = path.display(),
                    kept = kept.display(),
                    id = id
                )));
            }
            Err(e) => {
                eprintln!("{}", e.message);
                if interactive() && ask_again()? {
                    continue;
                }
                let kept = work.keep();
                return Err(CommandError::data(crate::tr!(
                    "edit.not-valid-kept",
                    path = path.display(),
                    kept = kept.display()
                )));
            }
        }
    }
}

/// The copy a person edits: `<id>.toml` in a private folder (mode 0700) in
/// the system's temporary folder, never in the records folder. Removed when
/// dropped or on SIGHUP/SIGTERM/SIGINT, unless [`WorkCopy::keep`] was called.
struct WorkCopy {
    file: PathBuf,
    dir: Arc<Mutex<Option<tempfile::TempDir>>>,
    signals: Option<signal_hook::iterator::Handle>,
}

impl WorkCopy {
    fn new(id: &str, text: &str) -> Result<WorkCopy> {
        let dir = tempfile::Builder::new()
            .prefix("quartier-edit-")
            .tempdir()
            .map_err(|e| {
                CommandError::io(
                    crate::error::IoAction::MakeWorkingCopy,
                    &std::env::temp_dir(),
                    &e,
                )
            })?;
        let file = dir.path().join(format!("{id}.toml"));
        std::fs::write(&file, text)
            .map_err(|e| CommandError::io(crate::error::IoAction::Write, &file, &e))?;
        let dir = Arc::new(Mutex::new(Some(dir)));
        let signals = clean_up_on_signals(Arc::clone(&dir));
        Ok(WorkCopy { file, dir, signals })
    }

    /// Keeps the copy (and its folder) after the command ends; returns its path.
    fn keep(&self) -> PathBuf {
        if let Ok(mut dir) = self.dir.lock()
            && let Some(d) = dir.take()
        {
            let _ = d.keep();
        }
        self.file.clone()
    }
}

impl Drop for WorkCopy {
    fn drop(&mut self) {
        if let Some(h) = &self.signals {
            h.close();
        }
        if let Ok(mut dir) = self.dir.lock() {
            dir.take();
        }
    }
}

/// A thread that, on SIGHUP, SIGTERM or SIGINT, removes the working copy
/// and then ends the process as the signal would have.
fn clean_up_on_signals(
    dir: Arc<Mutex<Option<tempfile::TempDir>>>,
) -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT]).ok()?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            if let Ok(mut d) = dir.lock() {
                d.take();
            }
            let _ = signal_hook::low_level::emulate_default_handler(sig);
            std::process::exit(128 + sig);
        }
    });
    Some(handle)
}

fn ask_again() -> Result<bool> {
    let question = crate::tr!("edit.again");
    let yes = crate::tr!("edit.again-yes");
    let no = crate::tr!("edit.again-no");
    let not_understood = crate::tr!("edit.again-not-understood");
    let keys = crate::tr!("edit.again-keys");
    let formatter = |answer: bool| if answer { yes.clone() } else { no.clone() };
    let default_formatter = |_: bool| keys.clone();
    inquire::Confirm::new(&question)
        .with_default(true)
        .with_parser(&|answer| crate::i18n::yes_no(answer).ok_or(()))
        .with_formatter(&formatter)
        .with_default_value_formatter(&default_formatter)
        .with_error_message(&not_understood)
        .prompt()
        .map_err(|e| CommandError::usage(crate::tr!("edit.cannot-ask", error = e)))
}
