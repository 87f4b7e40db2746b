//! Saying what a writing command wrote (text or JSON) and committing it
//! when `--commit` or `[git] auto_commit` asks for it.

use super::args::CommitArg;
use crate::cli::Globals;
use crate::error::Result;
use crate::model::{Config, Kind};
use crate::store::Store;
use serde::Serialize;
use std::path::Path;

/// `{"id": …, "path": …}` of a written record.
#[derive(Serialize)]
struct Written<'a> {
    id: &'a str,
    path: String,
}

/// What a writing command did to one record.
pub struct Change<'a> {
    pub kind: Kind,
    /// `add`, `edit`, `close`, … — the word of the commit message.
    pub verb: &'a str,
    pub id: &'a str,
    pub path: &'a Path,
    /// The record's old file when the change moved it to another month.
    pub moved_from: Option<&'a Path>,
}

/// Prints what a writing command wrote and commits it when asked to.
pub fn report_written(
    globals: &Globals,
    store: &Store,
    config: &Config,
    commit: &CommitArg,
    change: Change,
) -> Result<()> {
    // The record is written: say so first, so that a failing commit never hides which file it was.
    if globals.json {
        let w = Written {
            id: change.id,
            path: change.path.display().to_string(),
        };
        println!("{}", serde_json::to_string(&w).unwrap_or_default());
    } else {
        println!("{}\t{}", change.id, change.path.display());
    }
    if commit.commit || config.git.auto_commit {
        let mut paths: Vec<&Path> = vec![change.path];
        paths.extend(change.moved_from);
        if let Err(e) = crate::git::commit_paths(
            store.root(),
            &paths,
            &format!("{}: {} {}", change.kind.name(), change.verb, change.id),
        ) {
            // The write succeeded (exit 0): a script that ran the command again
            // would record it twice. The next `quartier sync` commits it.
            let why = match e {
                crate::git::GitError::NotCommitted(why) => *why,
                other => other,
            };
            eprintln!(
                "quartier: {}",
                crate::tr!(
                    "git.saved-not-committed",
                    path = change.path.display(),
                    why = why,
                    root = store.root().display()
                )
            );
        }
    }
    Ok(())
}
