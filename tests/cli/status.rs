//! `quartier status`: unsaved, unshared, problems, past `planned` records.

use crate::support::Folder;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const PLANNED_PAST: &str = "id = \"apt-20261101-pa01\"\ndate = 2026-11-01\nkind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-1001\"\n";

#[test]
fn without_git_it_says_nothing_is_saved_or_shared() {
    let f = Folder::new();
    f.client("K-1001", "consent = 2026-01-10");
    f.run(&["status"])
        .ok()
        .has("Kein git-Ordner")
        .has("Prüfung: keine Probleme.");
    let json = f.run(&["--json", "status"]).ok().json();
    assert!(json["git"].is_null());
    assert_eq!(json["errors"], 0);
}

#[test]
fn names_unsaved_records_unshared_commits_problems_and_past_planned() {
    let f = Folder::new();
    f.client("K-1001", "consent = 2026-01-10");
    let tmp = f.parent();
    let bare = tmp.join("server.git");
    git(tmp, &["init", "--quiet", "--bare", bare.to_str().unwrap()]);
    git(f.root(), &["init", "--quiet", "-b", "main"]);
    git(f.root(), &["add", "-A"]);
    git(f.root(), &["commit", "--quiet", "-m", "start"]);
    git(
        f.root(),
        &["remote", "add", "origin", bare.to_str().unwrap()],
    );
    git(f.root(), &["push", "--quiet", "-u", "origin", "main"]);
    f.run(&["status"])
        .ok()
        .has("Alles gesichert.")
        .has("Alles Gesicherte ist geteilt (origin/main).");

    // one saved but unshared commit, one unsaved record, one problem
    f.write("appointments/2026/11/apt-20261101-pa01.toml", PLANNED_PAST);
    git(f.root(), &["add", "-A"]);
    git(f.root(), &["commit", "--quiet", "-m", "planned"]);
    f.client("K-1002", "gendr = \"f\"");
    let run = f.run(&["status"]);
    run.ok()
        .has("1 Datei(en) nicht gesichert")
        .has("neu")
        .has("K-1002.toml")
        .has("1 gesicherte Änderung(en) noch nicht geteilt mit origin/main")
        .has("Prüfung: 1 Fehler")
        .has("gendr")
        .has("01.11.2026")
        .has("apt-20261101-pa01");

    let json = f.run(&["--json", "status"]).ok().json();
    assert_eq!(json["git"]["unshared"], 1);
    assert_eq!(json["git"]["unsaved"][0]["change"], "new");
    assert_eq!(json["git"]["unsaved"][0]["id"], "K-1002");
    assert_eq!(json["errors"], 1);
    assert_eq!(json["past_planned"][0]["id"], "apt-20261101-pa01");
    assert_eq!(json["past_planned"].as_array().unwrap().len(), 1);

    f.run(&["--lang", "en", "status"])
        .ok()
        .has("1 file(s) not saved")
        .has("1 saved change(s) not yet shared with origin/main");
}

#[test]
fn a_future_planned_record_is_not_past() {
    let f = Folder::new();
    f.client("K-1001", "consent = 2026-01-10");
    f.write(
        "appointments/2026/12/apt-20261202-pa02.toml",
        &PLANNED_PAST
            .replace("20261101-pa01", "20261202-pa02")
            .replace("2026-11-01", "2026-12-02"),
    );
    let json = f.run(&["--json", "status"]).ok().json();
    assert_eq!(json["past_planned"].as_array().unwrap().len(), 0);
}

#[test]
fn topics_lists_built_in_and_office_codes_with_both_labels() {
    let f = Folder::new();
    let config = format!(
        "{}\n[topics.codes]\ndebts = {{ de = \"Schulden\", en = \"Debts\" }}\n",
        crate::support::CONFIG
    );
    f.write("quartier.toml", &config);
    let run = f.run(&["topics"]);
    run.ok()
        .has("residence")
        .has("Aufenthalt")
        .has("debts")
        .has("Schulden");
    let json = f.run(&["--json", "topics"]).ok().json();
    let list = json.as_array().unwrap();
    assert_eq!(list.last().unwrap()["code"], "debts");
    assert_eq!(list.last().unwrap()["en"], "Debts");
    assert!(
        list.iter()
            .any(|t| t["code"] == "housing" && t["de"] != t["en"])
    );
}

#[test]
fn piped_tables_fit_80_columns_and_never_cut_ids_codes_or_dates() {
    let f = Folder::new();
    f.write(
        "partners/jobcenter-leipzig-west.toml",
        "id = \"jobcenter-leipzig-west\"\nname = \"Jobcenter Leipzig, Geschäftsstelle West, Team Integration und Ausbildung\"\nkind = \"authority\"\noffers = [\"employment\", \"benefits\", \"recognition\", \"language\"]\nlanguages = [\"de\", \"en\", \"ar\", \"fa\", \"ru\", \"uk\"]\nphone = \"0341 913 10705\"\n",
    );
    let out = f.run(&["partner", "list"]);
    out.ok()
        .has("jobcenter-leipzig-west")
        .has("0341 913 10705")
        .has("…");
    for line in out.stdout.lines() {
        assert!(line.chars().count() <= 80, "wider than 80: {line}");
    }
    // each record stays one line: the id appears on exactly one line
    assert_eq!(
        out.stdout
            .lines()
            .filter(|l| l.contains("jobcenter-leipzig-west"))
            .count(),
        1
    );
}

/// A merge left half-way by git: `status` and `sync` name it in German
/// (what it is, not only git's word); `status --json` keeps the stable name.
#[test]
fn a_merge_in_progress_is_named_in_german_and_stably_in_json() {
    let f = Folder::new();
    f.write("notiz.txt", "eins\n");
    git(f.root(), &["init", "--quiet", "-b", "main"]);
    git(f.root(), &["add", "-A"]);
    git(f.root(), &["commit", "--quiet", "-m", "start"]);
    git(f.root(), &["checkout", "--quiet", "-b", "other"]);
    f.write("notiz.txt", "zwei\n");
    git(f.root(), &["commit", "--quiet", "-am", "other"]);
    git(f.root(), &["checkout", "--quiet", "main"]);
    f.write("notiz.txt", "drei\n");
    git(f.root(), &["commit", "--quiet", "-am", "main"]);
    let merge = Command::new("git")
        .arg("-C")
        .arg(f.root())
        .args(["merge", "--quiet", "other"])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .unwrap();
    assert!(!merge.status.success(), "the merge stops on its conflict");
    f.run(&["status"])
        .ok()
        .has("Wartet auf Abschluss: git merge (ein Zusammenführen hat angehalten)");
    let json = f.run(&["--json", "status"]).ok().json();
    assert_eq!(json["git"]["in_progress"], "git merge");
    f.run(&["sync"])
        .code(1)
        .has("ist ein git merge (ein Zusammenführen hat angehalten) im Gange")
        .lacks("git-git");
    f.run(&["--lang", "en", "status"])
        .ok()
        .has("Waiting to be finished: git merge —");
}
