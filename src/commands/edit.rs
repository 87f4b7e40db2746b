//! `quartier edit ID`: a record in the user's editor, validated before it
//! replaces the file.

use crate::cli::{Globals, interactive};
use crate::commands::shared::{Change, CommitArg, check_references, report_written};
use crate::error::{CommandError, Result};
use crate::model::{Config, Kind};
use crate::store::Store;
use std::path::Path;
use std::process::Command;

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

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (kind, id, path) = store.resolve_any(&args.id)?;
    edit_in_editor(globals, &store, &config, kind, &id, &path, &args.commit)
}

/// The editor command: $VISUAL, else $EDITOR, else vi.
fn editor() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Edits a copy of `path`; only a valid result replaces the record.
pub fn edit_in_editor(
    globals: &Globals,
    store: &Store,
    config: &Config,
    kind: Kind,
    id: &str,
    path: &Path,
    commit: &CommitArg,
) -> Result<()> {
    let original = std::fs::read_to_string(path).map_err(|e| CommandError::io("read", path, &e))?;
    let dir = path.parent().unwrap_or(store.root());
    let copy = tempfile::Builder::new()
        .prefix(".quartier-edit-")
        .suffix(".toml")
        .tempfile_in(dir)
        .map_err(|e| CommandError::io("make a working copy in", dir, &e))?;
    std::fs::write(copy.path(), &original)
        .map_err(|e| CommandError::io("write", copy.path(), &e))?;
    loop {
        let status = Command::new("sh")
            .arg("-c")
            .arg(format!("{} \"$1\"", editor()))
            .arg("quartier-editor")
            .arg(copy.path())
            .status()
            .map_err(|e| {
                CommandError::data(format!("cannot start the editor `{}`: {e}", editor()))
            })?;
        if !status.success() {
            return Err(CommandError::data(format!(
                "the editor `{}` failed ({status}); {} was not changed",
                editor(),
                path.display()
            )));
        }
        let edited = std::fs::read_to_string(copy.path())
            .map_err(|e| CommandError::io("read", copy.path(), &e))?;
        if edited == original {
            eprintln!("no changes; {} stays as it was", path.display());
            return Ok(());
        }
        let result = store.replace_validated_with(config, kind, path, &edited, |record| {
            check_references(store, record)
        });
        match result {
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
            Err(e) => {
                eprintln!("{}", e.message);
                if interactive() && ask_again()? {
                    continue;
                }
                return Err(CommandError::data(format!(
                    "the edit was not valid; {} was kept unchanged",
                    path.display()
                )));
            }
        }
    }
}

fn ask_again() -> Result<bool> {
    inquire::Confirm::new("Nochmals bearbeiten? / Edit again? (no = keep the old file)")
        .with_default(true)
        .prompt()
        .map_err(|e| CommandError::usage(format!("cannot ask: {e}")))
}
