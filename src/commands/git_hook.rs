//! `quartier git-hook install`: a git pre-commit hook, so that a broken
//! record or personal data cannot be committed by hand either (SPEC §4).
//! The hook runs `quartier git-hook pre-commit`, which refuses a commit
//! when `check` finds an error anywhere in the folder, or when a file being
//! committed — its staged version — holds a privacy finding (free-text
//! fields and comments). Other warnings (an old `planned` record, unknown
//! staff) never block a commit.

use crate::cli::Globals;
use crate::error::{CommandError, Result};
use crate::git::Repo;
use crate::model::Kind;
use crate::store::{Finding, atomic_write};
use clap::Subcommand;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

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
    /// What the installed hook runs (also by hand: would a commit of the
    /// staged files go through?)
    PreCommit,
}

/// Install a pre-commit hook that runs `quartier git-hook pre-commit` before every commit.
///
/// A commit is refused while check finds errors in the records, or personal
/// data (e-mail, phone, IBAN, birth date) in a file being committed, also
/// one made with `git commit` by hand. Each clone needs its own (git does
/// not copy hooks).
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
        HookCommand::PreCommit => pre_commit(globals),
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
            return Err(CommandError::data(crate::tr!(
                "git-hook.foreign-hook",
                path = hook.display()
            )));
        }
        let backup = hooks.join("pre-commit.before-quartier");
        std::fs::rename(&hook, &backup)
            .map_err(|e| CommandError::io(crate::error::IoAction::KeepOldHookAs, &backup, &e))?;
        println!(
            "{}",
            crate::tr!("git-hook.kept-old", path = backup.display())
        );
    }
    std::fs::create_dir_all(&hooks)
        .map_err(|e| CommandError::io(crate::error::IoAction::Create, &hooks, &e))?;
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
        "{}",
        crate::tr!(
            "git-hook.installed",
            path = hook.display(),
            top = repo.top.display(),
            root = store.root().display()
        )
    );
    Ok(())
}

/// The hook: git runs it at the top of the working tree, so the records
/// folder is given relative to it.
fn hook_script(exe: Option<&Path>, records: &str) -> String {
    let exe = exe
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| "quartier".into());
    // in the language of the person who installs it, `$installed_by` left
    // for the shell to fill in
    let not_found = sh_double_quoted(&crate::tr!("git-hook.script-not-found", path = "\u{0}"))
        .replace('\u{0}', "$installed_by");
    format!(
        r#"#!/bin/sh
{MARK}, written by `quartier git-hook install`.
# Refuses a commit while `quartier check` finds errors in the records folder,
# or personal data (privacy warnings) in a file being committed.
# To commit anyway once (not recommended): git commit --no-verify
records={records}
installed_by={exe}
quartier=$installed_by
if [ ! -x "$quartier" ]; then
    quartier=$(command -v quartier) || {{
        echo "{not_found}" >&2
        exit 1
    }}
fi
exec "$quartier" --records "$records" git-hook pre-commit >&2
"#,
        records = sh_quote(records),
        exe = sh_quote(&exe),
    )
}

/// Refuses (exit 1) when check finds an error anywhere, or the staged
/// version of a record being committed holds personal data.
fn pre_commit(globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let repo = Repo::open(store.root())?;
    let errors: Vec<Finding> = crate::check::check_folder(&store)
        .into_iter()
        .filter(Finding::is_error)
        .collect();
    let mut privacy = Vec::new();
    for path in staged(&repo.top)? {
        let Ok(rel) = path.strip_prefix(&repo.prefix) else {
            continue;
        };
        let Some(kind) = record_kind(rel) else {
            continue;
        };
        let text = staged_text(&repo.top, &path)?;
        let found = privacy_findings(
            &config,
            kind,
            &store.root().join(rel),
            &text,
            &crate::tr!("check.hook.remove-and-stage"),
        );
        // a file broken in the work tree as it is staged: check named it
        privacy.extend(found.into_iter().filter(|f| !errors.contains(f)));
    }
    for f in errors.iter().chain(&privacy) {
        println!("{f}");
    }
    if errors.is_empty() && privacy.is_empty() {
        return Ok(());
    }
    Err(CommandError::data(crate::tr!(
        "check.hook.refused",
        errors = errors.len(),
        privacy = privacy.len()
    )))
}

/// What the rule book finds in `text`, the record of `kind` at `path`, that
/// keeps it from being shared: its privacy findings (free-text keys, the
/// topics of sponsor meetings, comments — the one walk of `rules::single`)
/// and text that is no TOML at all, each an error; `fix` says what to do.
/// Other findings are `check`'s to report.
pub fn privacy_findings(
    config: &crate::model::Config,
    kind: Kind,
    path: &Path,
    text: &str,
    fix: &str,
) -> Vec<Finding> {
    let ctx = crate::model::read::Context {
        config,
        today: crate::dates::today(),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (_, problems) = crate::model::read::read_record(kind, text, &ctx, None);
    problems
        .into_iter()
        .filter(|p| SHARED_REFUSES.contains(&p.code.as_str()))
        .map(|p| {
            let line = p.span.map(|s| crate::store::line_of(text, s.start));
            let text = match p.code.as_str() {
                "toml-syntax" => p.message,
                _ => format!("{} ({fix})", p.message),
            };
            let msg = crate::i18n::findings::Msg {
                code: p.code,
                text,
                args: p.args,
            };
            Finding::error(path, line, msg)
        })
        .collect()
}

/// The finding codes that refuse sharing a file.
const SHARED_REFUSES: [&str; 3] = ["privacy-field", "privacy-comment", "toml-syntax"];

/// The record kind of a `.toml` file at `rel` below the records folder.
pub fn record_kind(rel: &Path) -> Option<Kind> {
    if rel.extension().is_none_or(|e| e != "toml") {
        return None;
    }
    let first = rel.components().next()?.as_os_str().to_str()?;
    Kind::from_folder(first)
}

/// A git command at the top of the work tree. Git gives a hook the index
/// being committed in `GIT_INDEX_FILE`, maybe relative to the hook's working
/// directory: it is made absolute so that it holds wherever git runs.
fn git_at(top: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(top);
    if let Some(index) = std::env::var_os("GIT_INDEX_FILE").map(PathBuf::from)
        && index.is_relative()
        && let Ok(cwd) = std::env::current_dir()
    {
        cmd.env("GIT_INDEX_FILE", cwd.join(index));
    }
    cmd
}

fn git_output(top: &Path, args: &[&OsStr]) -> Result<Vec<u8>> {
    let out = git_at(top)
        .args(args)
        .output()
        .map_err(|e| CommandError::io(crate::error::IoAction::RunGit, top, &e))?;
    if !out.status.success() {
        return Err(CommandError::data(crate::tr!(
            "git-hook.git-failed",
            args = args
                .iter()
                .map(|a| a.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" "),
            dir = top.display(),
            said = String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}

/// The files added, copied, changed or renamed in the index (relative to the top).
fn staged(top: &Path) -> Result<Vec<PathBuf>> {
    let args = [
        "diff",
        "--cached",
        "--name-only",
        "-z",
        "--diff-filter=ACMR",
    ]
    .map(OsStr::new);
    let out = git_output(top, &args)?;
    Ok(out
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned()))
        .collect())
}

/// The staged content of `path` (not the work tree's: that may differ).
fn staged_text(top: &Path, path: &Path) -> Result<String> {
    let mut spec = std::ffi::OsString::from(":");
    spec.push(path.as_os_str());
    let out = git_output(top, &[OsStr::new("cat-file"), OsStr::new("blob"), &spec])?;
    Ok(String::from_utf8_lossy(&out).into_owned())
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

/// `text` made safe between double quotes of sh: nothing in it expands.
fn sh_double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '"' | '`' | '$') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| CommandError::io(crate::error::IoAction::MakeExecutable, path, &e))
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> crate::model::Config {
        toml::from_str("[office]\nname = \"x\"\n").unwrap()
    }

    /// (line, code) of what the hook refuses in `text`.
    fn refused(kind: Kind, text: &str) -> Vec<(Option<usize>, &'static str)> {
        let mut out: Vec<_> = privacy_findings(&config(), kind, Path::new("x.toml"), text, "fix")
            .into_iter()
            .inspect(|f| assert!(f.is_error()))
            .map(|f| (f.line, f.code.as_str()))
            .collect();
        out.sort();
        out
    }

    /// (line, code) of the privacy findings `check` (the rule book) reports.
    fn checked(kind: Kind, text: &str) -> Vec<(Option<usize>, &'static str)> {
        let config = config();
        let ctx = crate::model::read::Context {
            config: &config,
            today: crate::dates::today(),
        };
        let (_, problems) = crate::model::read::read_record(kind, text, &ctx, None);
        let mut out: Vec<_> = problems
            .into_iter()
            .filter(|p| p.code.as_str().starts_with("privacy"))
            .map(|p| {
                (
                    p.span.map(|s| crate::store::line_of(text, s.start)),
                    p.code.as_str(),
                )
            })
            .collect();
        out.sort();
        out
    }

    /// The hook judges by the rule book's one walk: every free-text key the
    /// schema has (nested `[[consents]]` notes too) and comments, on the
    /// lines `check` names; sponsors' and partners' contact data is wanted.
    #[test]
    fn the_hook_refuses_what_the_rule_book_finds() {
        let event = "id = \"evt-20261001-ab12\"\ndate = 2026-10-01\ntitle = \"Infoabend mit Frau Y. 0176 12345678\"\n# Mail max(at)example(dot)org\nkind = \"info\"\nstatus = \"planned\"\nlocation = \"Stadtteilladen\"\n";
        let want = vec![(Some(3), "privacy-field"), (Some(4), "privacy-comment")];
        assert_eq!(refused(Kind::Event, event), want);
        assert_eq!(checked(Kind::Event, event), want);
        let client = "id = \"K-1001\"\nfirst_contact = 2026-01-10\n\n[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\nnotes = \"per Mail an k.mueller@example.org\"\n";
        assert_eq!(refused(Kind::Client, client), [(Some(7), "privacy-field")]);
        assert_eq!(checked(Kind::Client, client), refused(Kind::Client, client));
        let partner = "id = \"amt\"\nname = \"Amt\"\nkind = \"authority\"\nphone = \"0341 1234567\"\n# Tel 0341 1234567\n";
        assert!(refused(Kind::Partner, partner).is_empty());
    }

    /// Every free-text key of every kind's schema is judged by the hook: a
    /// key added as free text is scanned by check, every write and the hook
    /// alike, because all three ask the rule book.
    #[test]
    fn every_free_text_key_is_refused_by_the_hook() {
        for kind in Kind::ALL {
            for spec in crate::schema::of(kind)
                .fields
                .iter()
                .filter(|f| f.is_free_text())
            {
                let key = spec.key;
                let text = format!("{key} = \"Tel. 0341 1234567\"\n");
                let codes = refused(kind, &text);
                assert_eq!(codes, checked(kind, &text), "{kind:?} {key}");
                assert!(
                    codes.contains(&(Some(1), "privacy-field")),
                    "{kind:?} {key}: {codes:?}"
                );
            }
        }
    }

    /// A staged file that is no TOML is refused and named, never passed.
    #[test]
    fn a_file_that_is_no_toml_is_refused() {
        assert_eq!(
            refused(Kind::Client, "id = \"K-1001\"\nnotes = \"offen\n"),
            [(Some(2), "toml-syntax")]
        );
    }

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
        assert!(s.contains(r#""$quartier" --records "$records" git-hook pre-commit"#));
    }

    /// The script's one message of its own speaks the installer's language
    /// (German in the tests) and names where it looked.
    #[test]
    fn the_hook_says_in_german_when_it_finds_no_quartier() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("pre-commit");
        std::fs::write(
            &script,
            hook_script(Some(Path::new("/nonexistent/$HOME/quartier")), "records"),
        )
        .unwrap();
        let out = std::process::Command::new("/bin/sh")
            .arg(&script)
            .env("PATH", dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            said.trim_end(),
            "pre-commit: quartier wurde nicht gefunden (nicht unter /nonexistent/$HOME/quartier, nicht im PATH): installieren Sie es, oder führen Sie `quartier git-hook install` erneut aus"
        );
    }

    #[test]
    fn double_quoted_text_does_not_expand() {
        assert_eq!(
            sh_double_quoted(r#"a "$b" `c` \d"#),
            r#"a \"\$b\" \`c\` \\d"#
        );
    }
}
