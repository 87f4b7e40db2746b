//! `quartier init`: a new records folder with settings, layout and a git
//! repository whose first commit holds only the files init wrote. Nothing
//! half-made stays behind: when any step fails (a full disk, git failing),
//! what init made is removed again and the command fails.

use crate::cli::Globals;
use crate::error::{CommandError, Result};
use crate::model::Kind;
use crate::model::config::config_template;
use crate::store::{CONFIG_FILE, atomic_write};
use std::path::{Path, PathBuf};

/// Create a new records folder: quartier.toml with the Leipziger Westen
/// defaults, one folder per record kind, a .gitignore, a git repository and a
/// first commit of exactly these files.
///
/// Example: quartier init ~/stm-records
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to create it [default: --records, else ./records]
    pub dir: Option<PathBuf>,
    /// Make the records folder in a folder that already holds files (they
    /// are left alone and not committed)
    #[arg(long)]
    pub force: bool,
}

/// Tool temporary files (`.quartier-*`: write temporaries, record locks),
/// editor backups, and saved reports — but not sealed report figures, which
/// are shared.
pub const GITIGNORE: &str = "# written by quartier init\n.quartier-*\n*~\n*.swp\n.#*\n.DS_Store\n/reports/*\n!/reports/sealed/\n";

/// The settings init writes: the defaults, commented in the interface
/// language, committing every change.
pub fn initial_config() -> String {
    config_template(crate::i18n::lang()).replace("auto_commit = false", "auto_commit = true ")
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let dir = args
        .dir
        .or_else(|| globals.records.clone())
        .unwrap_or_else(|| PathBuf::from("records"));
    if dir.join(CONFIG_FILE).exists() {
        return Err(CommandError::data(crate::tr!(
            "init.exists",
            dir = dir.display(),
            file = CONFIG_FILE
        )));
    }
    let existed = dir.exists();
    if existed {
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| CommandError::io(crate::error::IoAction::Read, &dir, &e))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect::<Vec<_>>();
        if !entries.is_empty() && !args.force {
            let mut shown: Vec<_> = entries.iter().take(5).cloned().collect();
            if entries.len() > 5 {
                shown.push("…".into());
            }
            return Err(CommandError::data(crate::tr!(
                "init.not-empty",
                dir = dir.display(),
                files = shown.join(", "),
                inside = dir.join("records").display()
            )));
        }
    }
    let had_git = dir.join(".git").exists();
    let git = git_installed();
    let result = create_layout(&dir).and_then(|written| {
        if git {
            crate::git::init_with_files(&dir, &written).map_err(CommandError::from)
        } else {
            Ok(())
        }
    });
    if let Err(e) = result {
        undo(&dir, existed, had_git);
        return Err(CommandError::data(format!(
            "{}\n{}",
            e.message,
            crate::tr!("init.undone", dir = dir.display())
        )));
    }
    println!("{}", crate::tr!("init.created", dir = dir.display()));
    if git {
        println!("{}", crate::tr!("init.git"));
    } else {
        eprintln!(
            "quartier: {}",
            crate::tr!("init.no-git", dir = dir.display())
        );
    }
    println!(
        "{}",
        crate::tr!("init.next", file = dir.join(CONFIG_FILE).display())
    );
    Ok(())
}

fn git_installed() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok()
}

/// Removes what a failed init made: the whole folder when init created it,
/// else only its own files (and the git folder when there was none).
fn undo(dir: &Path, existed: bool, had_git: bool) {
    if !existed {
        let _ = std::fs::remove_dir_all(dir);
        return;
    }
    for (rel, _) in own_files() {
        let _ = std::fs::remove_file(dir.join(&rel));
    }
    for kind in Kind::ALL {
        let _ = std::fs::remove_dir(dir.join(kind.folder()));
    }
    if !had_git {
        let _ = std::fs::remove_dir_all(dir.join(".git"));
    }
}

/// The files init writes, relative to the folder, with their content.
fn own_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = Kind::ALL
        .iter()
        .map(|k| (Path::new(k.folder()).join(".gitkeep"), Vec::new()))
        .collect();
    files.push((PathBuf::from(".gitignore"), GITIGNORE.as_bytes().to_vec()));
    // last: a folder with quartier.toml is a records folder
    files.push((PathBuf::from(CONFIG_FILE), initial_config().into_bytes()));
    files
}

/// Writes quartier.toml, .gitignore and the record folders; returns the
/// files written (below `dir`).
pub fn create_layout(dir: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)
        .map_err(|e| CommandError::io(crate::error::IoAction::Create, dir, &e))?;
    for kind in Kind::ALL {
        let sub = dir.join(kind.folder());
        std::fs::create_dir_all(&sub)
            .map_err(|e| CommandError::io(crate::error::IoAction::Create, &sub, &e))?;
    }
    let mut written = Vec::new();
    for (rel, bytes) in own_files() {
        let path = dir.join(&rel);
        // git keeps no empty folders; an existing .gitkeep is kept as it is
        if rel.ends_with(".gitkeep") && path.exists() {
            continue;
        }
        atomic_write(&path, &bytes)?;
        written.push(rel);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_writes_auto_commit_true() {
        let text = initial_config();
        assert!(text.contains("auto_commit = true"), "{text}");
        let (config, problems) = crate::model::read::read_config(&text);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(config.unwrap().git.auto_commit);
    }
}
