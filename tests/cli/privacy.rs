//! Data protection as commands (SPEC §4): the pre-commit hook, consent,
//! erasure and retention, on a records folder that is a git repository.

use crate::support::{Folder, Run, TODAY};
use std::path::Path;
use std::process::{Command, Output};

/// The environment git (and through the hook, quartier) runs with.
fn git_env(cmd: &mut Command, home: &Path) {
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Bob")
        .env("GIT_AUTHOR_EMAIL", "bob@example.org")
        .env("GIT_COMMITTER_NAME", "Bob")
        .env("GIT_COMMITTER_EMAIL", "bob@example.org")
        .env("QUARTIER_TODAY", TODAY)
        .env("LC_ALL", "C");
}

fn git(f: &Folder, args: &[&str]) -> Output {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(f.root()).args(args);
    git_env(&mut cmd, f.parent());
    cmd.output().expect("git runs")
}

#[track_caller]
fn git_ok(f: &Folder, args: &[&str]) -> String {
    let out = git(f, args);
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A records folder that is a git repository with everything committed.
fn repo(f: &Folder) {
    git_ok(f, &["init", "--quiet", "-b", "main"]);
    git_ok(f, &["add", "-A"]);
    git_ok(f, &["commit", "--quiet", "-m", "records"]);
}

fn head(f: &Folder) -> String {
    git_ok(f, &["rev-parse", "HEAD"]).trim().to_string()
}

/// `git commit` of what is staged, through the hook.
fn commit(f: &Folder, message: &str) -> (bool, String) {
    let out = git(f, &["commit", "--quiet", "-m", message]);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const APT: &str = "appointments/2026/11/apt-20261120-ab12.toml";

fn appointment(notes: &str) -> String {
    format!(
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-1001\"\ntopics = [\"housing\"]\nnotes = \"{notes}\"\n"
    )
}

fn hooked() -> Folder {
    let f = Folder::new();
    f.client("K-1001", "consent = 2026-01-10");
    // An unrelated warning (a referral without consent) that must never block.
    f.client("K-3003", "");
    f.write(
        "partners/amt.toml",
        "id = \"amt\"\nname = \"Sozialamt\"\nkind = \"authority\"\nphone = \"0341 1234567\"\n",
    );
    f.write(
        "referrals/2026/11/ref-20261110-old1.toml",
        "id = \"ref-20261110-old1\"\ndate = 2026-11-10\nclient = \"K-3003\"\npartner = \"amt\"\ntopic = \"benefits\"\nstatus = \"open\"\n",
    );
    repo(&f);
    let run: Run = f.run(&["git-hook", "install"]);
    run.ok();
    f
}

#[test]
fn the_hook_refuses_personal_data_in_a_staged_file_and_ignores_other_warnings() {
    let f = hooked();
    f.run(&["check"]).ok().has("warning");

    // A clean record goes through despite the other file's warning.
    f.write(APT, &appointment("Wohnungssuche besprochen"));
    git_ok(&f, &["add", APT]);
    let (ok, said) = commit(&f, "clean");
    assert!(ok, "{said}");
    let before = head(&f);

    // A phone number in the notes: refused, naming the file and line.
    f.write(APT, &appointment("Rückruf unter 0176.1234.5678"));
    git_ok(&f, &["add", APT]);
    let (ok, said) = commit(&f, "phone");
    assert!(!ok, "committed a phone number");
    assert!(
        said.contains("apt-20261120-ab12.toml:7") && said.contains("phone"),
        "{said}"
    );
    assert_eq!(head(&f), before);

    // Fixed in the work tree but not staged: the staged version is judged.
    f.write(APT, &appointment("Rückruf vereinbart"));
    let (ok, _) = commit(&f, "still staged");
    assert!(!ok);
    git_ok(&f, &["add", APT]);
    let (ok, said) = commit(&f, "fixed");
    assert!(ok, "{said}");

    // A comment counts too.
    f.write(
        "clients/K-1001.toml",
        "id = \"K-1001\"\nfirst_contact = 2026-01-10\n# Mail: k(at)example(dot)org\nconsent = 2026-01-10\n",
    );
    git_ok(&f, &["add", "-A"]);
    let (ok, said) = commit(&f, "comment");
    assert!(!ok);
    assert!(
        said.contains("K-1001.toml:3") && said.contains("comment"),
        "{said}"
    );
}

#[test]
fn the_hook_refuses_an_error_anywhere() {
    let f = hooked();
    // A broken file that is not being committed still blocks the commit.
    f.write("clients/K-2002.toml", "id = \"K-2002\"\ngendr = \"f\"\n");
    f.write(APT, &appointment("Wohnungssuche"));
    git_ok(&f, &["add", APT]);
    let (ok, said) = commit(&f, "unrelated");
    assert!(!ok);
    assert!(
        said.contains("K-2002.toml") && said.contains("gendr"),
        "{said}"
    );
    // What the hook runs can be asked by hand.
    f.run(&["git-hook", "pre-commit"]).code(1).has("K-2002");
}
