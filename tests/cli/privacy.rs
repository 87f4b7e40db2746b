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
    crate::support::no_auto_maintenance(cmd);
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
        said.contains("apt-20261120-ab12.toml:7") && said.contains("Telefonnummer"),
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
        said.contains("K-1001.toml:3") && said.contains("Kommentar"),
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

/// A hash of every file of the folder (outside `.git`) and the git HEAD.
fn checksum(f: &Folder) -> String {
    use std::collections::BTreeMap;
    use std::hash::{Hash, Hasher};
    let mut files = BTreeMap::new();
    for e in walk(f.root()) {
        let rel = e.strip_prefix(f.root()).unwrap().to_path_buf();
        files.insert(rel, std::fs::read(&e).unwrap());
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    files.hash(&mut h);
    format!("{:x} {}", h.finish(), head(f))
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Every file's text outside `.git`, joined.
fn all_text(f: &Folder) -> String {
    walk(f.root())
        .into_iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The JSON of a report without its `source` (the commit changes), of the
/// records folder at `root`.
fn figures(root: &Path, args: &[&str]) -> serde_json::Value {
    let mut full = vec!["--records", root.to_str().unwrap(), "report"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--format", "json"]);
    let mut v = crate::support::run_in(root.parent().unwrap(), &full, &[])
        .ok()
        .json();
    v.as_object_mut().unwrap().remove("source");
    v
}

const REPORTS: &[&[&str]] = &[
    &["monthly", "--month", "2026-10"],
    &["monthly", "--month", "2026-11"],
    &["yearly", "--year", "2026"],
    &["yearly", "--year", "2020"],
    &["period", "--from", "2019-01-01", "--to", "2026-11-24"],
];

fn all_figures(f: &Folder) -> Vec<serde_json::Value> {
    figures_of(f.root())
}

fn figures_of(root: &Path) -> Vec<serde_json::Value> {
    REPORTS.iter().map(|a| figures(root, a)).collect()
}

/// An office with a client to erase (K-1001), another (K-2002) and an old
/// one (K-0LD1, last contact 2020).
fn office() -> Folder {
    let f = Folder::new();
    f.write(
        "partners/amt.toml",
        "id = \"amt\"\nname = \"Sozialamt\"\nkind = \"authority\"\n",
    );
    f.write(
        "clients/K-1001.toml",
        "# Frau aus Aleppo, Schwester in Halle\nid = \"K-1001\"\nfirst_contact = 2026-10-02\ngender = \"f\"\nbirth_year = 1990\norigin = \"SY\"\nlanguages = [\"ar\"]\nresidence = \"tolerated\"\ndistrict = \"Lindenau\"\nemployment = \"unemployed\"\nconsent = 2026-10-02\nnotes = \"Mann im Krankenhaus\"\n",
    );
    f.client("K-2002", "gender = \"m\"\norigin = \"AF\"");
    f.write(
        "clients/K-0LD1.toml",
        "id = \"K-0LD1\"\nfirst_contact = 2019-05-06\ngender = \"m\"\nbirth_year = 1970\norigin = \"IQ\"\nconsent = 2019-05-06\nnotes = \"Sohn in Erfurt\"\n",
    );
    let apt = |id: &str, date: &str, client: &str, notes: &str| {
        let (y, m) = (&date[..4], &date[5..7]);
        let comment = if client == "K-1001" {
            "# Dolmetscherin: Frau S.\n"
        } else {
            ""
        };
        f.write(
            &format!("appointments/{y}/{m}/{id}.toml"),
            &format!("id = \"{id}\"\ndate = {date}\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"{client}\"\ntopics = [\"housing\", \"health\"]\nduration = 45\nlanguage = \"ar\"\n{comment}notes = \"{notes}\"\n"),
        );
    };
    apt(
        "apt-20261005-aa01",
        "2026-10-05",
        "K-1001",
        "Wohnung zu klein, Mann im Krankenhaus",
    );
    apt(
        "apt-20261112-aa02",
        "2026-11-12",
        "K-1001",
        "Kita-Platz für die Tochter",
    );
    apt("apt-20261020-bb01", "2026-10-20", "K-2002", "Jobcenter");
    apt("apt-20200303-cc01", "2020-03-03", "K-0LD1", "Rente");
    f.write(
        "referrals/2026/10/ref-20261006-aa01.toml",
        "id = \"ref-20261006-aa01\"\ndate = 2026-10-06\nclient = \"K-1001\"\npartner = \"amt\"\ntopic = \"benefits\"\nstatus = \"done\"\nclosed = 2026-10-30\noutcome = \"Bescheid da, Mann weiter krank\"\nnotes = \"Termin am Amt\"\n",
    );
    f.write(
        "referrals/2020/03/ref-20200304-cc01.toml",
        "id = \"ref-20200304-cc01\"\ndate = 2020-03-04\nclient = \"K-0LD1\"\npartner = \"amt\"\ntopic = \"benefits\"\nstatus = \"done\"\nclosed = 2020-06-30\noutcome = \"Rente bewilligt\"\n",
    );
    repo(&f);
    f
}

#[test]
fn erase_keeps_every_figure_removes_the_person_and_commits() {
    let f = office();
    let before = all_figures(&f);
    let check_before = f.run(&["check"]).ok().stdout.clone();

    // The dry run names what it would change and changes nothing.
    let sum = checksum(&f);
    f.run(&["client", "erase", "1001", "--dry-run"])
        .ok()
        .has("K-1001")
        .has("apt-20261005-aa01.toml")
        .has("ref-20261006-aa01.toml");
    assert_eq!(checksum(&f), sum);

    let run = f.run(&["client", "erase", "1001"]);
    run.ok()
        .has("pseudonym")
        .has("git filter-repo --strip-blobs-with-ids")
        .has("--replace-message")
        .has("grep -c -e K-1001");
    assert!(!f.exists("clients/K-1001.toml"));
    let text = all_text(&f);
    for gone in [
        "K-1001",
        "Krankenhaus",
        "Aleppo",
        "Tochter",
        "Frau S.",
        "Bescheid da",
        "Termin am Amt",
    ] {
        assert!(!text.contains(gone), "{gone} is still in the folder");
    }
    // The other client's notes stay.
    assert!(text.contains("Jobcenter"));

    // The new code's file: the counted characteristics, consent, erased.
    let new = f.read("appointments/2026/10/apt-20261005-aa01.toml");
    let code = new
        .lines()
        .find_map(|l| l.strip_prefix("client = \""))
        .unwrap()
        .trim_end_matches('"')
        .to_string();
    let client = f.read(&format!("clients/{code}.toml"));
    assert_eq!(
        client,
        format!(
            "id = \"{code}\"\nfirst_contact = 2026-10-02\ngender = \"f\"\nbirth_year = 1990\norigin = \"SY\"\nresidence = \"tolerated\"\nemployment = \"unemployed\"\ndistrict = \"Lindenau\"\nconsent = 2026-10-02\nerased = {TODAY}\n"
        )
    );
    // The log has counts, no code.
    let log = f.read("retention-log.toml");
    assert!(
        log.contains("kind = \"erase\"")
            && log.contains("appointments = 2")
            && log.contains("referrals = 1"),
        "{log}"
    );
    assert!(!log.contains("K-"), "{log}");
    // Committed, nothing left over; the commit message names no code.
    assert_eq!(git_ok(&f, &["status", "--porcelain"]), "");
    let msg = git_ok(&f, &["log", "-1", "--format=%s"]);
    assert!(msg.starts_with("erase:") && !msg.contains("K-"), "{msg}");

    // Every figure of every period is the same, and check says the same.
    assert_eq!(all_figures(&f), before);
    assert_eq!(f.run(&["check"]).ok().stdout, check_before);

    // Erased once is enough.
    f.run(&["client", "erase", &code]).code(1).has("erased");
}

#[test]
fn retention_erases_clients_whose_last_contact_is_before_the_cut_off() {
    let f = office();
    let before = all_figures(&f);
    let sum = checksum(&f);
    // K-2002's last contact is 2026-10-20, K-1001's 2026-11-12, K-0LD1's 2020-06-30 (closed).
    let dry = f.run(&["retention", "--before", "2020-06-30"]);
    dry.ok().has("0 Klient/innen");
    let dry = f.run(&["retention", "--before", "2023-01-01", "--dry-run"]);
    dry.ok()
        .has("K-0LD1")
        .has("letzter Kontakt: 30.06.2020")
        .lacks("K-1001")
        .lacks("K-2002")
        .has("1 Klient/innen, 1 Termine, 1 Vermittlungen");
    assert_eq!(checksum(&f), sum, "the dry run changed the folder");
    // whatever --staff holds would be kept in the log: initials of [staff] only
    for args in [
        &[
            "retention",
            "--before",
            "2023-01-01",
            "--apply",
            "--staff",
            "Frau Y., 0176 12345678",
        ][..],
        &["client", "erase", "K-1001", "--staff", "max@example.org"],
    ] {
        f.run(args).code(2).has("[staff]");
        assert_eq!(checksum(&f), sum, "{args:?} changed the folder");
    }

    f.run(&[
        "retention",
        "--before",
        "2023-01-01",
        "--apply",
        "--staff",
        "eb",
    ])
    .ok()
    .has("filter-repo");
    assert!(!f.exists("clients/K-0LD1.toml"));
    let text = all_text(&f);
    assert!(
        !text.contains("Rente") && !text.contains("Sohn in Erfurt") && !text.contains("K-0LD1")
    );
    let log: toml::Table = f.read("retention-log.toml").parse().unwrap();
    let run = &log["runs"].as_array().unwrap()[0];
    assert_eq!(run["kind"].as_str(), Some("retention"));
    assert_eq!(
        run["before"].as_datetime().unwrap().to_string(),
        "2023-01-01"
    );
    assert_eq!(run["clients"].as_integer(), Some(1));
    assert_eq!(run["staff"].as_str(), Some("eb"));
    // the log holds counts, days and initials only: no code, no text of a record
    let raw = f.read("retention-log.toml");
    for r in log["runs"].as_array().unwrap() {
        for key in r.as_table().unwrap().keys() {
            assert!(
                [
                    "kind",
                    "date",
                    "before",
                    "clients",
                    "appointments",
                    "referrals",
                    "staff"
                ]
                .contains(&key.as_str()),
                "unexpected key `{key}` in the log:\n{raw}"
            );
        }
    }
    for personal in ["K-", "Rente", "IQ", "1970", "Erfurt", "amt"] {
        assert!(!raw.contains(personal), "{personal} in the log:\n{raw}");
    }
    assert_eq!(git_ok(&f, &["status", "--porcelain"]), "");
    assert_eq!(all_figures(&f), before);
    f.run(&["check"]).ok();

    // Erased clients are skipped the next time.
    f.run(&["retention", "--before", "2023-01-01"])
        .ok()
        .has("0 Klient/innen");
}

/// Outside git the erasure is still done: it says it is not committed and
/// gives no history-purge steps (decided on git's typed error, not its text).
#[test]
fn retention_outside_git_erases_and_says_it_is_not_committed() {
    let f = Folder::new();
    f.write(
        "clients/K-0LD1.toml",
        "id = \"K-0LD1\"\nfirst_contact = 2019-05-06\nconsent = 2019-05-06\n",
    );
    f.run(&[
        "retention",
        "--before",
        "2023-01-01",
        "--apply",
        "--staff",
        "eb",
    ])
    .ok()
    .has("nicht gespeichert: der Ordner ist kein Git-Repository")
    .lacks("filter-repo");
    assert!(!f.exists("clients/K-0LD1.toml"));
}

#[test]
fn erase_and_retention_keep_sealed_reports_identical() {
    let f = office();
    f.run(&["report", "monthly", "--month", "2026-10", "--seal"])
        .ok();
    f.run(&["report", "yearly", "--year", "2020", "--seal"])
        .ok();
    let sealed = |name: &str| f.read(&format!("reports/sealed/{name}.json"));
    let (oct, y2020) = (sealed("monthly-2026-10"), sealed("yearly-2020"));
    f.run(&["check", "--strict"]).ok();

    f.run(&["client", "erase", "K-1001"]).ok();
    f.run(&["retention", "--before", "2023-01-01", "--apply"])
        .ok();
    // check rebuilds every sealed report from the records and finds no difference.
    f.run(&["check", "--strict"]).ok().lacks("was");
    assert_eq!(sealed("monthly-2026-10"), oct);
    assert_eq!(sealed("yearly-2020"), y2020);
}

/// `git` with the test's environment in `dir`.
fn git_in(dir: &Path, home: &Path, args: &[&str]) -> String {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir).args(args);
    git_env(&mut cmd, home);
    let out = cmd.output().expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} in {}:\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every object in a repository, as text (what a server still holds).
fn every_object(dir: &Path, home: &Path) -> String {
    git_in(
        dir,
        home,
        &["cat-file", "--batch-all-objects", "--batch", "--unordered"],
    )
}

/// The printed purge steps, followed one by one on a server (a bare
/// repository) and a mirror clone, with the real `git filter-repo`: every
/// earlier version of the erased person's records is gone from the server's
/// objects — also a note's wording from before it was last changed — while
/// the same note text in another client's record stays, the current state
/// is unchanged and a fresh clone gives the same figures. The first steps
/// replaced removed texts as strings: they missed earlier wordings and
/// turned another record's `notes = "Jobcenter"` into `notes = ***`.
#[test]
fn the_printed_purge_steps_remove_every_old_version_and_nothing_else() {
    if Command::new("git")
        .args(["filter-repo", "--version"])
        .output()
        .map_or(true, |o| !o.status.success())
    {
        eprintln!("skipped: git filter-repo is not installed");
        return;
    }
    let f = office();
    let home = f.parent().to_path_buf();
    // an earlier wording of a note, and a note that another client's record has too
    f.run(&["appointment", "edit", "aa01", "--notes", "Wohnung zu klein"])
        .ok();
    f.run(&["appointment", "edit", "aa02", "--notes", "Jobcenter"])
        .ok();
    git_ok(&f, &["commit", "--quiet", "-am", "notes"]);
    let before = all_figures(&f);
    let run = f.run(&["client", "erase", "K-1001"]);
    run.ok();
    let server = home.join("server.git");
    git_in(
        &home,
        &home,
        &[
            "clone",
            "--quiet",
            "--bare",
            f.root().to_str().unwrap(),
            server.to_str().unwrap(),
        ],
    );
    let url = server.to_str().unwrap();
    let step = |n: &str| -> String {
        run.stdout
            .lines()
            .find_map(|l| l.trim_start().strip_prefix(&format!("{n}. ")))
            .unwrap_or_else(|| panic!("no step {n}:\n{}", run.stdout))
            .to_string()
    };
    // 2./3. backup and a fresh mirror copy
    assert!(step("3").contains("git clone --mirror SERVER-ADRESSE"));
    let purge = home.join("records-bereinigen.git");
    git_in(
        &home,
        &home,
        &["clone", "--quiet", "--mirror", url, purge.to_str().unwrap()],
    );
    assert!(every_object(&purge, &home).contains("Krankenhaus"));
    // 4. exactly the printed command
    let filter = step("4");
    let args: Vec<&str> = filter.split_whitespace().collect();
    assert_eq!(args[..2], ["git", "filter-repo"], "{filter}");
    for file in args.iter().filter(|a| a.starts_with('/')) {
        let mode = std::fs::metadata(file).unwrap().permissions();
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(mode.mode() & 0o777, 0o600, "{file}");
    }
    git_in(&purge, &home, &args[1..]);
    // 5. the check, then the push and the server's clean-up
    assert!(step("5").contains("grep -c -e K-1001"));
    let log = git_in(&purge, &home, &["log", "--all", "-p"]);
    assert_eq!(log.matches("K-1001").count(), 0, "{log}");
    git_in(
        &purge,
        &home,
        &["push", "--quiet", "--force", "--mirror", url],
    );
    git_in(
        &server,
        &home,
        &["reflog", "expire", "--expire=now", "--all"],
    );
    git_in(&server, &home, &["gc", "--quiet", "--prune=now"]);
    let objects = every_object(&server, &home);
    for gone in [
        "K-1001",
        "Krankenhaus",
        "Wohnung zu klein",
        "Aleppo",
        "Tochter",
        "Frau S.",
        "Bescheid da",
        "Termin am Amt",
    ] {
        assert!(!objects.contains(gone), "{gone} is still on the server");
    }
    // the other client's notes stay, as they were
    assert!(objects.contains("notes = \"Jobcenter\""));
    assert!(!objects.contains("***"));
    // 6. a fresh clone: the same records as before the purge, the same figures
    let fresh = home.join("fresh");
    git_in(
        &home,
        &home,
        &["clone", "--quiet", url, fresh.to_str().unwrap()],
    );
    for rel in [
        "appointments/2026/10/apt-20261020-bb01.toml",
        "appointments/2026/10/apt-20261005-aa01.toml",
        "retention-log.toml",
    ] {
        assert_eq!(
            std::fs::read_to_string(fresh.join(rel)).unwrap(),
            f.read(rel),
            "{rel}"
        );
    }
    crate::support::run_in(&home, &["--records", fresh.to_str().unwrap(), "check"], &[]).ok();
    assert_eq!(figures_of(&fresh), before);
}

/// A withdrawal of consent changes no figure of any period (reports made
/// before and after are the same), and refuses later referrals only.
#[test]
fn withdrawal_keeps_every_figure() {
    let f = office();
    let before = all_figures(&f);
    f.run(&[
        "client",
        "consent",
        "K-1001",
        "--scope",
        "referral",
        "--date",
        "2026-10-02",
    ])
    .ok();
    let consented = all_figures(&f);
    assert_eq!(consented, before);
    f.run(&[
        "client",
        "consent",
        "K-1001",
        "--withdraw",
        "--date",
        "2026-11-01",
    ])
    .ok();
    assert_eq!(all_figures(&f), before);
    f.run(&["check", "--strict"]).ok();
    f.run(&[
        "referral",
        "add",
        "--client",
        "K-1001",
        "--partner",
        "amt",
        "--topic",
        "benefits",
        "--date",
        "2026-11-20",
    ])
    .code(1)
    .has("wurde am 01.11.2026 widerrufen (Vermittlung vom 20.11.2026)");
    assert_eq!(all_figures(&f), before);
}
