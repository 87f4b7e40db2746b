//! The records folder: how it is found (SPEC §2 `--records`), how `init`
//! lays it out, and that half-written temporary files never count as records.

use crate::support::{CONFIG, Folder, run_in};
use std::path::Path;

/// A records folder at `dir` holding one client `code` with an unknown key,
/// so that `check` names exactly the folder it read.
fn marked(dir: &Path, code: &str) {
    std::fs::create_dir_all(dir.join("clients")).unwrap();
    std::fs::write(dir.join("quartier.toml"), CONFIG).unwrap();
    std::fs::write(
        dir.join(format!("clients/{code}.toml")),
        format!("id = \"{code}\"\nfirst_contact = 2026-01-10\nmark = 1\n"),
    )
    .unwrap();
}

/// Four candidate folders below one temporary folder: `flag/`, `env/`,
/// `outer/` (with `outer/inner/` another folder), and `./records`.
fn candidates() -> tempfile::TempDir {
    let tmp = crate::support::tempdir();
    let t = tmp.path();
    marked(&t.join("flag"), "K-FLAG");
    marked(&t.join("env"), "K-ENVV");
    marked(&t.join("outer"), "K-OUTR");
    marked(&t.join("outer/inner"), "K-INNR");
    std::fs::create_dir_all(t.join("outer/inner/deep/er")).unwrap();
    marked(&t.join("records"), "K-RECS");
    tmp
}

#[test]
fn records_flag_comes_first() {
    let tmp = candidates();
    let env = tmp.path().join("env");
    let run = run_in(
        &tmp.path().join("outer/inner/deep"),
        &[
            "--records",
            tmp.path().join("flag").to_str().unwrap(),
            "check",
        ],
        &[("QUARTIER_RECORDS", env.to_str().unwrap())],
    );
    run.code(1)
        .has("flag/clients/K-FLAG.toml:3:")
        .lacks("K-ENVV")
        .lacks("K-INNR");
}

#[test]
fn relative_records_flag_is_taken_from_the_working_directory() {
    let tmp = candidates();
    let run = run_in(tmp.path(), &["--records", "flag", "check"], &[]);
    run.code(1)
        .has("flag/clients/K-FLAG.toml:3: error: unbekannter Schlüssel `mark`");
    assert!(run.stdout.starts_with("flag/"), "{}", run.stdout);
}

#[test]
fn environment_comes_second() {
    let tmp = candidates();
    let env = tmp.path().join("env");
    let run = run_in(
        &tmp.path().join("outer/inner/deep"),
        &["check"],
        &[("QUARTIER_RECORDS", env.to_str().unwrap())],
    );
    run.code(1)
        .has("env/clients/K-ENVV.toml:3:")
        .lacks("K-INNR")
        .lacks("K-OUTR");
}

#[test]
fn an_empty_environment_variable_is_ignored() {
    let tmp = candidates();
    let run = run_in(tmp.path(), &["check"], &[("QUARTIER_RECORDS", "")]);
    run.code(1).has("K-RECS");
}

#[test]
fn nearest_folder_upwards_holding_quartier_toml() {
    let tmp = candidates();
    let cwd = tmp.path().join("outer/inner/deep/er");
    let run = run_in(&cwd, &["check"], &[]);
    run.code(1)
        .has("clients/K-INNR.toml:3:")
        .lacks("K-OUTR")
        .lacks("K-RECS");
    let path = run.stdout.split(':').next().unwrap();
    assert!(
        cwd.join(path).is_file(),
        "{path} is not reachable from {}",
        cwd.display()
    );

    // from the folder itself
    let run = run_in(&tmp.path().join("outer"), &["check"], &[]);
    run.code(1).has("clients/K-OUTR.toml:3:").lacks("K-INNR");
    let path = run.stdout.split(':').next().unwrap();
    assert!(tmp.path().join("outer").join(path).is_file(), "{path}");
}

#[test]
fn records_below_the_working_directory_is_the_fallback() {
    let tmp = candidates();
    let run = run_in(tmp.path(), &["check"], &[]);
    run.code(1)
        .has("records/clients/K-RECS.toml:3: error: unbekannter Schlüssel `mark`");
    assert!(run.stdout.starts_with("records/"), "{}", run.stdout);
}

#[test]
fn no_records_folder_anywhere_says_what_to_do() {
    let tmp = crate::support::tempdir();
    run_in(tmp.path(), &["check"], &[])
        .code(1)
        .has("records ist kein Ablageordner")
        .has("quartier init");
}

#[test]
fn half_written_temporary_files_are_not_records() {
    let f = Folder::new();
    f.client("K-AB12", "consent = 2026-01-10");
    // what a crash during a write leaves behind, in every kind of folder
    f.write(
        "clients/.quartier-Xy12ab.tmp",
        "id = \"K-AB12\"\nfirst_contact = 2026-0",
    );
    f.write(
        "appointments/2026/11/.quartier-Qw34cd.tmp",
        "id = \"apt-20261120-a1b2\"\nda",
    );
    f.write(".quartier-Zz99zz.tmp", "[office]\nna");
    f.run(&["check", "--strict"]).ok().lacks(".quartier-");
    f.run(&["check", "--json"]).ok();
}

#[test]
fn init_makes_a_folder_that_checks_clean() {
    let tmp = crate::support::tempdir();
    let run = run_in(tmp.path(), &["init", "stm"], &[]);
    run.ok().has("stm");
    let root = tmp.path().join("stm");
    for kind in [
        "sponsors",
        "partners",
        "clients",
        "appointments",
        "referrals",
        "events",
    ] {
        assert!(root.join(kind).is_dir(), "{kind}/");
    }
    let gitignore = std::fs::read_to_string(root.join(".gitignore")).unwrap();
    assert!(gitignore.contains(".quartier-*\n"), "{gitignore}");
    run_in(tmp.path(), &["--records", "stm", "check", "--strict"], &[]).ok();
    // and nothing was left behind by its writes
    let temps = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(temps, 0);
}

/// The settings init writes are explained in the interface language: a
/// German office reads German comments, `--lang en` gives English ones;
/// both are the same settings and check clean.
#[test]
fn init_comments_the_settings_in_the_interface_language() {
    let tmp = crate::support::tempdir();
    run_in(tmp.path(), &["init", "de"], &[]).ok();
    run_in(tmp.path(), &["--lang", "en", "init", "en"], &[]).ok();
    let german = std::fs::read_to_string(tmp.path().join("de/quartier.toml")).unwrap();
    let english = std::fs::read_to_string(tmp.path().join("en/quartier.toml")).unwrap();
    assert!(
        german.contains("# Kürzel") && german.contains("Jahresziele"),
        "{german}"
    );
    assert!(
        !german.contains("initials") && !german.contains("Settings"),
        "{german}"
    );
    assert!(
        english.contains("# initials") && english.contains("yearly targets"),
        "{english}"
    );
    for (dir, text) in [("de", &german), ("en", &english)] {
        assert!(text.contains("auto_commit = true"), "{text}");
        run_in(tmp.path(), &["--records", dir, "check", "--strict"], &[]).ok();
    }
}

/// Every temporary and lock file the tool can leave inside the records
/// folder, made with the names of `store::temp` the way the tool makes
/// them, is ignored by the `.gitignore` of `init`: none is untracked.
#[test]
fn the_gitignore_of_init_covers_every_temporary_and_lock_file() {
    use quartier::store::temp;
    let tmp = crate::support::tempdir();
    run_in(tmp.path(), &["init", "stm"], &[]).ok();
    let root = tmp.path().join("stm");
    if !root.join(".git").exists() {
        eprintln!("skipped: init made no git repository (git missing)");
        return;
    }
    let mut made = Vec::new();
    // write temporaries beside a record, quartier.toml and a report
    for dir in ["", "clients", "appointments/2026/11", "reports"] {
        let dir = root.join(dir);
        std::fs::create_dir_all(&dir).unwrap();
        let (_, path) = tempfile::Builder::new()
            .prefix(temp::PREFIX)
            .suffix(temp::SUFFIX)
            .tempfile_in(&dir)
            .unwrap()
            .keep()
            .unwrap();
        made.push(path);
    }
    // record locks, in the records folder itself
    for id in ["K-AB12", "apt-20261120-ab12", "lernhaus"] {
        let path = root.join(temp::lock_name(id));
        std::fs::write(&path, "").unwrap();
        made.push(path);
    }
    let out = std::process::Command::new("git")
        .args([
            "status",
            "--porcelain",
            "--ignored",
            "--untracked-files=all",
        ])
        .current_dir(&root)
        .env("HOME", tmp.path())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let status = String::from_utf8_lossy(&out.stdout);
    assert!(
        !status
            .lines()
            .any(|l| l.starts_with("??") && l.contains(temp::PREFIX)),
        "untracked:\n{status}"
    );
    for path in made {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            status
                .lines()
                .any(|l| l.starts_with("!! ") && l.ends_with(rel.as_str())),
            "{rel} is not ignored:\n{status}"
        );
    }
}

#[test]
fn init_never_overwrites_a_records_folder() {
    let f = Folder::new();
    f.run(&["init"]).code(1).has("schon ein Ablageordner");
    assert_eq!(f.read("quartier.toml"), CONFIG);
    run_in(f.parent(), &["init", "records"], &[]).code(1);
    assert_eq!(f.read("quartier.toml"), CONFIG);
}
