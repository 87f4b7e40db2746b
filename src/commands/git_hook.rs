//! `quartier git-hook install`: a git pre-commit hook that runs `quartier
//! check`, so that a broken record cannot be committed by hand either.

use crate::cli::Globals;
use crate::error::{CommandError, Result};
use crate::git::Repo;
use crate::store::atomic_write;
use clap::Subcommand;
use std::path::Path;

/// Git hooks of the records repository (`install`).
///
/// Example: quartier git-hook install
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: HookCommand,
}

#[derive(Debug, Subcommand)]
pub enum HookCommand {
    Install(InstallArgs),
}

/// Install a pre-commit hook that runs `quartier check` before every commit.
///
/// A commit is refused while check finds errors in the records, also one made
/// with `git commit` by hand. Each clone needs its own (git does not copy hooks).
///
/// Example: quartier git-hook install
#[derive(Debug, clap::Args)]
pub struct InstallArgs {
    /// Replace a pre-commit hook that quartier did not write (it is kept as
    /// pre-commit.before-quartier)
    #[arg(long)]
    pub force: bool,
}

/// The line that tells our hook from anyone else's.
const MARK: &str = "# quartier pre-commit hook";

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    match args.command {
        HookCommand::Install(a) => install(a, globals),
    }
}

fn install(args: InstallArgs, globals: &Globals) -> Result<()> {
    let store = globals.store()?;
    let repo = Repo::open(store.root())?;
    let hooks = repo.hooks_dir()?;
    let hook = hooks.join("pre-commit");
    if let Ok(existing) = std::fs::read(&hook)
        && !String::from_utf8_lossy(&existing).contains(MARK)
    {
        if !args.force {
            return Err(CommandError::data(format!(
                "{} exists and was not written by quartier; nothing was changed. Add `quartier --records <folder> check` to it yourself, or replace it with `quartier git-hook install --force` (the old one is kept as pre-commit.before-quartier)",
                hook.display()
            )));
        }
        let backup = hooks.join("pre-commit.before-quartier");
        std::fs::rename(&hook, &backup)
            .map_err(|e| CommandError::io("keep the old hook as", &backup, &e))?;
        println!("kept the old hook as {}", backup.display());
    }
    std::fs::create_dir_all(&hooks).map_err(|e| CommandError::io("create", &hooks, &e))?;
    let exe = std::env::current_exe().ok();
    let records = if repo.prefix.as_os_str().is_empty() {
        ".".to_string()
    } else {
        git_style(&repo.prefix)
    };
    let script = hook_script(exe.as_deref(), &records);
    atomic_write(&hook, script.as_bytes())?;
    make_executable(&hook)?;
    println!(
        "installed {}: every commit in {} now runs `quartier check` on {} and is refused while it finds errors",
        hook.display(),
        repo.top.display(),
        store.root().display()
    );
    Ok(())
}

/// The hook: git runs it at the top of the working tree, so the records
/// folder is given relative to it.
fn hook_script(exe: Option<&Path>, records: &str) -> String {
    let exe = exe
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| "quartier".into());
    format!(
        r#"#!/bin/sh
{MARK}, written by `quartier git-hook install`.
# Refuses a commit while `quartier check` finds errors in the records folder.
# To commit anyway once (not recommended): git commit --no-verify
records={records}
installed_by={exe}
quartier=$installed_by
if [ ! -x "$quartier" ]; then
    quartier=$(command -v quartier) || {{
        echo "pre-commit: quartier was not found (not at $installed_by, not on PATH): install it, or run 'quartier git-hook install' again" >&2
        exit 1
    }}
fi
if ! "$quartier" --records "$records" check >&2; then
    echo "pre-commit: commit refused, 'quartier check' found errors in the records (listed above): fix them, then commit again" >&2
    exit 1
fi
"#,
        records = sh_quote(records),
        exe = sh_quote(&exe),
    )
}

/// A relative path with `/` between its parts.
fn git_style(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// `text` as one word for sh.
fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| CommandError::io("make executable", path, &e))
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_for_sh() {
        assert_eq!(
            sh_quote("/opt/my tools/quartier"),
            "'/opt/my tools/quartier'"
        );
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
    }

    #[test]
    fn the_hook_calls_the_binary_by_path_with_a_fallback_on_path() {
        let s = hook_script(Some(Path::new("/usr/local/bin/quartier")), "records");
        assert!(s.starts_with("#!/bin/sh\n"));
        assert!(s.contains(MARK));
        assert!(s.contains("installed_by='/usr/local/bin/quartier'"));
        assert!(s.contains("records='records'"));
        assert!(s.contains("command -v quartier"));
        assert!(s.contains(r#""$quartier" --records "$records" check"#));
    }
}
