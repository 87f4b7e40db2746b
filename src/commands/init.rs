//! `quartier init`: a new records folder with settings, layout and a git repository.

use crate::cli::Globals;
use crate::error::{CommandError, Result};
use crate::model::Kind;
use crate::model::config::DEFAULT_CONFIG;
use crate::store::{CONFIG_FILE, atomic_write};
use std::path::{Path, PathBuf};

/// Create a new records folder: quartier.toml with the Leipziger Westen
/// defaults, one folder per record kind, a .gitignore, a git repository and a
/// first commit.
///
/// Example: quartier init ~/stm-records
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to create it [default: --records, else ./records]
    pub dir: Option<PathBuf>,
}

pub const GITIGNORE: &str =
    "# written by quartier init\n.quartier-*.tmp\n*~\n*.swp\n.#*\n.DS_Store\nreports/\n";

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let dir = args
        .dir
        .or_else(|| globals.records.clone())
        .unwrap_or_else(|| PathBuf::from("records"));
    if dir.join(CONFIG_FILE).exists() {
        return Err(CommandError::data(format!(
            "{} is already a records folder ({CONFIG_FILE} exists); nothing was changed",
            dir.display()
        )));
    }
    create_layout(&dir)?;
    println!("created records folder {}", dir.display());
    match crate::git::init_repository(&dir) {
        Ok(()) => println!("git repository with a first commit"),
        Err(e) => eprintln!(
            "quartier: the folder is ready, but no git repository was made: {}\n  install git (Debian/Ubuntu: `sudo apt install git`), then run `git init` and `git add -A && git commit -m 'records folder'` in {}",
            e.message,
            dir.display()
        ),
    }
    println!(
        "next: edit {} (office, staff initials, targets)",
        dir.join(CONFIG_FILE).display()
    );
    Ok(())
}

/// Writes quartier.toml, .gitignore and the record folders.
pub fn create_layout(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| CommandError::io("create", dir, &e))?;
    for kind in Kind::ALL {
        let sub = dir.join(kind.folder());
        std::fs::create_dir_all(&sub).map_err(|e| CommandError::io("create", &sub, &e))?;
        // git keeps no empty folders
        let keep = sub.join(".gitkeep");
        if !keep.exists() {
            atomic_write(&keep, b"")?;
        }
    }
    atomic_write(&dir.join(".gitignore"), GITIGNORE.as_bytes())?;
    atomic_write(&dir.join(CONFIG_FILE), DEFAULT_CONFIG.as_bytes())?;
    Ok(())
}
