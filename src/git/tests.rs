//! Tests of commits and of a stopped rebase in throwaway repositories.

use super::*;
use std::fs;
use std::path::{Path, PathBuf};

/// A repository with its own identity, so that the machine's git
/// configuration cannot change what the tests see.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("records");
    fs::create_dir_all(&dir).unwrap();
    git_ok(&dir, &["init", "--quiet"]).unwrap();
    for (k, v) in [
        ("user.name", "Erika Beispiel"),
        ("user.email", "eb@example.org"),
        ("commit.gpgsign", "false"),
        ("core.hooksPath", "no-hooks"),
    ] {
        git_ok(&dir, &["config", k, v]).unwrap();
    }
    fs::write(dir.join("quartier.toml"), "[office]\n").unwrap();
    fs::write(dir.join("a.toml"), "a\n").unwrap();
    git_ok(&dir, &["add", "-A"]).unwrap();
    git_ok(&dir, &["commit", "--quiet", "-m", "first"]).unwrap();
    (tmp, dir)
}

fn status(dir: &Path) -> String {
    git_ok(dir, &["status", "--porcelain", "--untracked-files=all"]).unwrap()
}

fn last_commit_files(dir: &Path) -> String {
    git_ok(
        dir,
        &[
            "show",
            "--no-renames",
            "--name-status",
            "--format=%s%n%an",
            "HEAD",
        ],
    )
    .unwrap()
}

#[test]
fn commits_only_the_given_file_and_keeps_other_staged_changes_staged() {
    let (_tmp, dir) = repo();
    let rec = dir.join("appointments/2026/11/apt-20261125-x7k2.toml");
    fs::create_dir_all(rec.parent().unwrap()).unwrap();
    fs::write(&rec, "id = \"apt-20261125-x7k2\"\n").unwrap();
    fs::write(dir.join("a.toml"), "a changed and staged\n").unwrap();
    git_ok(&dir, &["add", "a.toml"]).unwrap();
    fs::write(dir.join("quartier.toml"), "[office]\n# modified\n").unwrap();
    fs::write(dir.join("other.toml"), "untracked\n").unwrap();

    commit_paths(&dir, &[&rec], "appointment: add apt-20261125-x7k2").unwrap();

    let shown = last_commit_files(&dir);
    assert!(shown.starts_with("appointment: add apt-20261125-x7k2\nErika Beispiel\n"));
    assert!(shown.contains("A\tappointments/2026/11/apt-20261125-x7k2.toml"));
    assert!(!shown.contains("a.toml\n") && !shown.contains("quartier.toml"));
    let st = status(&dir);
    assert!(st.contains("M  a.toml"), "a.toml no longer staged:\n{st}");
    assert!(st.contains(" M quartier.toml"), "{st}");
    assert!(st.contains("?? other.toml"), "{st}");
    assert!(!st.contains("apt-20261125-x7k2"), "{st}");
}

#[test]
fn commits_a_move_as_old_path_removed_and_new_path_added() {
    let (_tmp, dir) = repo();
    let old = dir.join("appointments/2026/11/apt-20261125-x7k2.toml");
    fs::create_dir_all(old.parent().unwrap()).unwrap();
    fs::write(&old, "id = \"apt-20261125-x7k2\"\ndate = 2026-11-25\n").unwrap();
    commit_paths(&dir, &[&old], "appointment: add").unwrap();
    fs::write(dir.join("a.toml"), "staged\n").unwrap();
    git_ok(&dir, &["add", "a.toml"]).unwrap();

    let new = dir.join("appointments/2026/12/apt-20261125-x7k2.toml");
    fs::create_dir_all(new.parent().unwrap()).unwrap();
    fs::write(&new, "id = \"apt-20261125-x7k2\"\ndate = 2026-12-01\n").unwrap();
    fs::remove_file(&old).unwrap();
    commit_paths(&dir, &[&old, &new], "appointment: edit apt-20261125-x7k2").unwrap();

    let shown = last_commit_files(&dir);
    assert!(
        shown.contains("D\tappointments/2026/11/apt-20261125-x7k2.toml")
            && shown.contains("A\tappointments/2026/12/apt-20261125-x7k2.toml"),
        "{shown}"
    );
    let st = status(&dir);
    assert_eq!(st, "M  a.toml\n");
}

#[test]
fn commits_a_removal_already_staged_with_git_rm() {
    let (_tmp, dir) = repo();
    git_ok(&dir, &["rm", "--quiet", "a.toml"]).unwrap();
    let a = dir.join("a.toml");
    commit_paths(&dir, &[&a], "remove a").unwrap();
    assert!(last_commit_files(&dir).contains("D\ta.toml"));
    assert_eq!(status(&dir), "");
}

#[test]
fn paths_may_be_relative_to_the_working_directory() {
    assert_eq!(
        relative_to_dir(
            Path::new("records"),
            Path::new("records/clients/K-7F3A.toml")
        )
        .unwrap(),
        PathBuf::from("clients/K-7F3A.toml")
    );
    assert_eq!(
        relative_to_dir(Path::new("./r/"), Path::new("r/./a/../b.toml")).unwrap(),
        PathBuf::from("b.toml")
    );
    assert!(relative_to_dir(Path::new("records"), Path::new("other/x.toml")).is_err());
}

#[test]
fn records_folder_may_be_a_subfolder_of_the_repository() {
    let (_tmp, top) = repo();
    let dir = top.join("records");
    let rec = dir.join("clients/K-7F3A.toml");
    fs::create_dir_all(rec.parent().unwrap()).unwrap();
    fs::write(&rec, "id = \"K-7F3A\"\n").unwrap();
    commit_paths(&dir, &[&rec], "client: new K-7F3A").unwrap();
    assert!(last_commit_files(&top).contains("A\trecords/clients/K-7F3A.toml"));
    fs::write(&rec, "id = \"K-7F3A\"\nbirth_year = 1990\n").unwrap();
    commit_paths(&dir, &[&rec], "client: edit K-7F3A").unwrap();

    let repo = Repo::open(&dir).unwrap();
    assert_eq!(repo.prefix, PathBuf::from("records"));
    assert_eq!(
        repo.record_id(Path::new("records/clients/K-7F3A.toml")),
        Some("K-7F3A".into())
    );
    assert_eq!(repo.record_id(Path::new("records/quartier.toml")), None);
    assert_eq!(repo.record_id(Path::new("clients/K-7F3A.toml")), None);
    assert_eq!(
        repo.shown(Path::new("records/clients/K-7F3A.toml")),
        dir.join("clients/K-7F3A.toml")
    );
    let log = repo.history(&rec).unwrap();
    let subjects: Vec<&str> = log.iter().map(|e| e.subject.as_str()).collect();
    assert_eq!(subjects, ["client: edit K-7F3A", "client: new K-7F3A"]);
    assert_eq!(log[0].author, "Erika Beispiel");
    assert_eq!(log[0].commit.len(), 40);
}

#[test]
fn unchanged_file_is_no_error_and_makes_no_commit() {
    let (_tmp, dir) = repo();
    let before = head(&dir);
    commit_paths(&dir, &[&dir.join("a.toml")], "nothing").unwrap();
    assert_eq!(head(&dir), before);
}

#[test]
fn without_an_identity_the_commit_is_made_with_the_placeholder_and_other_staged_files_stay() {
    let (_tmp, dir) = repo();
    // An empty name is no identity (git refuses it), whatever the machine's configuration says.
    git_ok(&dir, &["config", "user.name", ""]).unwrap();
    fs::write(dir.join("a.toml"), "a changed and staged\n").unwrap();
    git_ok(&dir, &["add", "a.toml"]).unwrap();
    let rec = dir.join("b.toml");
    fs::write(&rec, "b\n").unwrap();
    commit_paths(&dir, &[&rec], "b: add").unwrap();
    let shown = git_ok(
        &dir,
        &["show", "--name-status", "--format=%s%n%an <%ae>", "HEAD"],
    )
    .unwrap();
    assert!(
        shown.starts_with("b: add\nquartier <quartier@localhost>\n"),
        "{shown}"
    );
    assert!(
        shown.contains("A\tb.toml") && !shown.contains("a.toml"),
        "{shown}"
    );
    assert!(status(&dir).contains("M  a.toml"), "{}", status(&dir));
}

#[test]
fn a_refused_commit_with_an_identity_is_an_error_and_commits_nothing() {
    let (_tmp, dir) = repo();
    git_ok(&dir, &["config", "core.hooksPath", "hooks"]).unwrap();
    let hook = dir.join("hooks/pre-commit");
    fs::create_dir_all(hook.parent().unwrap()).unwrap();
    fs::write(&hook, "#!/bin/sh\necho refused by the hook >&2\nexit 1\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&hook, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let before = head(&dir);
    let rec = dir.join("b.toml");
    fs::write(&rec, "b\n").unwrap();
    let err = commit_paths(&dir, &[&rec], "b: add").unwrap_err();
    assert!(
        format!("{err:?}").contains("refused by the hook"),
        "{err:?}"
    );
    assert_eq!(head(&dir), before);
}

#[test]
fn the_first_commit_of_a_repository_without_one_is_made() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("records");
    fs::create_dir_all(&dir).unwrap();
    git_ok(&dir, &["init", "--quiet"]).unwrap();
    git_ok(&dir, &["config", "user.name", "Erika Beispiel"]).unwrap();
    git_ok(&dir, &["config", "user.email", "eb@example.org"]).unwrap();
    git_ok(&dir, &["config", "core.hooksPath", "no-hooks"]).unwrap();
    let rec = dir.join("a.toml");
    fs::write(&rec, "a\n").unwrap();
    assert_eq!(head(&dir), None);
    commit_paths(&dir, &[&rec], "a: add").unwrap();
    assert!(head(&dir).is_some());
    assert!(last_commit_files(&dir).contains("A\ta.toml"));
}

#[test]
fn a_file_git_never_knew_that_is_gone_is_an_error() {
    let (_tmp, dir) = repo();
    let nope = dir.join("nope.toml");
    let err = commit_paths(&dir, &[&nope], "x").unwrap_err();
    assert!(
        matches!(&err, GitError::UnknownFile { path } if *path == nope),
        "{err:?}"
    );
}

#[test]
fn a_folder_outside_any_repository_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let err = Repo::open(tmp.path()).unwrap_err();
    assert!(
        matches!(&err, GitError::NotARepository { dir, .. } if dir == tmp.path()),
        "{err:?}"
    );
    let command_error = crate::error::CommandError::from(err);
    assert_eq!(command_error.exit_code(), 1);
    assert!(
        command_error.message.starts_with(&format!(
            "{} liegt in keinem git-Repository (",
            tmp.path().display()
        )),
        "{}",
        command_error.message
    );
    let err = commit_paths(tmp.path(), &[&tmp.path().join("a")], "x").unwrap_err();
    assert!(matches!(err, GitError::NotARepository { .. }), "{err:?}");
}

#[test]
fn inside_the_git_folder_is_no_work_tree() {
    let (_tmp, dir) = repo();
    let err = Repo::open(&dir.join(".git")).unwrap_err();
    assert!(matches!(err, GitError::NotAWorkTree { .. }), "{err:?}");
}

#[test]
fn a_failed_git_command_keeps_what_git_said() {
    let (_tmp, dir) = repo();
    let err = git_ok(&dir, &["rev-parse", "--verify", "no-such-ref"]).unwrap_err();
    let GitError::Failed { args, said } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(args, "rev-parse --verify no-such-ref");
    assert!(!said.is_empty());
    let outside = relative_to_dir(&dir, Path::new("/elsewhere/x.toml")).unwrap_err();
    assert!(matches!(outside, GitError::OutsideFolder { .. }));
    assert_eq!(crate::error::CommandError::from(outside).exit_code(), 2);
}

#[test]
fn during_a_stopped_rebase_a_commit_is_staged_and_finishing_commits_it() {
    let (_tmp, dir) = repo();
    git_ok(&dir, &["switch", "--quiet", "-c", "shared"]).unwrap();
    fs::write(dir.join("a.toml"), "shared\n").unwrap();
    git_ok(&dir, &["commit", "--quiet", "-am", "shared edit"]).unwrap();
    git_ok(&dir, &["switch", "--quiet", "-"]).unwrap();
    fs::write(dir.join("a.toml"), "mine\n").unwrap();
    git_ok(&dir, &["commit", "--quiet", "-am", "my edit"]).unwrap();
    assert!(!git(&dir, &["rebase", "shared"]).unwrap().status.success());
    let repo = Repo::open(&dir).unwrap();
    assert_eq!(repo.in_progress().unwrap(), Some(InProgress::Rebase));
    assert_eq!(repo.unmerged().unwrap(), vec![PathBuf::from("a.toml")]);
    let Pulled::Conflicts(stopped) = repo.stopped().unwrap() else {
        panic!("no conflict");
    };
    assert_eq!(stopped.conflicts[0].git_path, "a.toml");
    assert_eq!(stopped.local_subject.as_deref(), Some("my edit"));

    let err = repo.continue_rebase().unwrap_err();
    let GitError::MarkersRemain { places, .. } = &err else {
        panic!("{err:?}");
    };
    assert!(places[0].ends_with("a.toml:1"), "{places:?}");

    fs::write(dir.join("a.toml"), "both\n").unwrap();
    let before = head(&dir);
    commit_paths(&dir, &[&dir.join("a.toml")], "edit a").unwrap();
    assert_eq!(head(&dir), before, "committed in the middle of a rebase");
    assert!(repo.unmerged().unwrap().is_empty());

    assert_eq!(repo.continue_rebase().unwrap(), Pulled::Done { commits: 0 });
    assert_eq!(repo.in_progress().unwrap(), None);
    assert_eq!(fs::read_to_string(dir.join("a.toml")).unwrap(), "both\n");
    let subjects = git_ok(&dir, &["log", "--format=%s"]).unwrap();
    assert_eq!(subjects, "my edit\nshared edit\nfirst\n");
}

#[test]
fn conflict_markers_are_found() {
    let first = |t: &str| crate::store::conflict_markers(t).first().copied();
    assert_eq!(first("a\n<<<<<<< HEAD\nb\n"), Some(2));
    assert_eq!(first("a\n=======\n"), Some(2));
    assert_eq!(first("notes = \"=======\"\n"), None);
}

/// An import of tens of thousands of records commits them all in one
/// commit: more paths than fit on a command line (2 MB on Linux).
#[test]
fn more_paths_than_a_command_line_holds_are_committed_in_one_commit() {
    let (_tmp, dir) = repo();
    // long paths (under PATH_MAX) rather than many files: fast, and the
    // same 2 MB of arguments as tens of thousands of records
    let mut deep = dir.join("clients");
    for c in 'a'..='n' {
        deep = deep.join(c.to_string().repeat(250));
    }
    fs::create_dir_all(&deep).unwrap();
    let paths: Vec<PathBuf> = (0..620)
        .map(|i| {
            let p = deep.join(format!("K-{i:06}-{}.toml", "c".repeat(20)));
            fs::write(&p, "x\n").unwrap();
            p
        })
        .collect();
    let bytes: usize = paths.iter().map(|p| p.as_os_str().len()).sum();
    assert!(bytes > 2 * 1024 * 1024, "{bytes} bytes of paths");
    fs::write(dir.join("a.toml"), "a changed, not part of it\n").unwrap();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    commit_paths(&dir, &refs, "import: 620 client records").unwrap();
    let files = git_ok(&dir, &["show", "--name-only", "--format=%s", "HEAD"]).unwrap();
    assert!(files.starts_with("import: 620 client records\n"));
    assert_eq!(
        files.lines().filter(|l| l.starts_with("clients/")).count(),
        620
    );
    assert_eq!(status(&dir).trim(), "M a.toml");
}
