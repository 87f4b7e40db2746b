//! Sharing through git: a bare "office server" repository and one clone per
//! staff member in a temporary folder (no network). Records are written as
//! TOML files and committed with git directly; `quartier sync`, `log` and
//! `git-hook` do the rest.

use crate::support::{CONFIG, Run, run_in};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub(crate) const APPOINTMENT: &str = "appointments/2026/11/apt-20261120-ab12.toml";

/// The office's shared repository and the staff's clones.
pub(crate) struct Office {
    pub(crate) tmp: tempfile::TempDir,
    pub(crate) bare: PathBuf,
}

impl Office {
    /// A shared repository holding the settings, a client and one appointment:
    /// a copy of [`template`] (made once per test process).
    pub(crate) fn new() -> Office {
        let tmp = crate::support::tempdir();
        copy_tree(template(), tmp.path());
        let bare = tmp.path().join("server/records.git");
        Office { tmp, bare }
    }

    /// The office as `git init --bare`, a first clone and a pushed commit make it.
    fn build(tmp: tempfile::TempDir) -> Office {
        let home = tmp.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::write(
            home.join(".gitconfig"),
            // git's automatic housekeeping: see support::no_auto_maintenance
            "[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n[maintenance]\n\tauto = false\n",
        )
        .unwrap();
        let bare = tmp.path().join("server/records.git");
        std::fs::create_dir_all(&bare).unwrap();
        let office = Office { tmp, bare };
        office.git_ok(&office.bare, "admin", &["init", "--quiet", "--bare"]);
        let seed = office.clone_as("seed");
        write(&seed, "quartier.toml", CONFIG);
        write(
            &seed,
            "clients/K-1001.toml",
            "id = \"K-1001\"\nfirst_contact = 2026-01-10\nconsent = 2026-01-10\n",
        );
        write(
            &seed,
            APPOINTMENT,
            &appointment("apt-20261120-ab12", 20, 30, "first talk"),
        );
        office.commit_all(&seed, "admin", "records folder");
        office.git_ok(&seed, "admin", &["push", "--quiet", "-u", "origin", "main"]);
        std::fs::remove_dir_all(&seed).unwrap();
        office
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// `git clone` of the shared repository into `<tmp>/<name>`.
    pub(crate) fn clone_as(&self, name: &str) -> PathBuf {
        let dir = self.path(name);
        let bare = self.bare.to_str().unwrap().to_string();
        self.git_ok(
            self.tmp.path(),
            name,
            &["clone", "--quiet", &bare, dir.to_str().unwrap()],
        );
        dir
    }

    /// The environment of one staff member: their identity, a private HOME,
    /// no system git configuration.
    pub(crate) fn env(&self, who: &str) -> Vec<(String, String)> {
        let email = format!("{}@example.org", who.to_lowercase());
        let home = self.path("home").to_str().unwrap().to_string();
        vec![
            ("HOME".into(), home.clone()),
            ("XDG_CONFIG_HOME".into(), format!("{home}/.config")),
            ("GIT_CONFIG_NOSYSTEM".into(), "1".into()),
            ("GIT_AUTHOR_NAME".into(), who.into()),
            ("GIT_AUTHOR_EMAIL".into(), email.clone()),
            ("GIT_COMMITTER_NAME".into(), who.into()),
            ("GIT_COMMITTER_EMAIL".into(), email),
            ("LC_ALL".into(), "C".into()),
        ]
    }

    pub(crate) fn git(&self, dir: &Path, who: &str, args: &[&str]) -> std::process::Output {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(dir).args(args);
        for (k, v) in self.env(who) {
            cmd.env(k, v);
        }
        cmd.output().expect("git runs")
    }

    #[track_caller]
    pub(crate) fn git_ok(&self, dir: &Path, who: &str, args: &[&str]) -> String {
        let out = self.git(dir, who, args);
        assert!(
            out.status.success(),
            "git {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub(crate) fn commit_all(&self, dir: &Path, who: &str, message: &str) {
        self.git_ok(dir, who, &["add", "-A"]);
        self.git_ok(dir, who, &["commit", "--quiet", "-m", message]);
    }

    pub(crate) fn head(&self, dir: &Path) -> String {
        self.git_ok(dir, "admin", &["rev-parse", "HEAD"])
            .trim()
            .to_string()
    }

    pub(crate) fn server_head(&self) -> String {
        self.git_ok(&self.bare, "admin", &["rev-parse", "main"])
            .trim()
            .to_string()
    }

    /// `quartier --records DIR ARGS` as `who`.
    pub(crate) fn quartier(&self, dir: &Path, who: &str, args: &[&str]) -> Run {
        let mut full = vec!["--records", dir.to_str().unwrap()];
        full.extend_from_slice(args);
        let env = self.env(who);
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        run_in(self.tmp.path(), &full, &env)
    }

    pub(crate) fn rebase_in_progress(&self, dir: &Path) -> bool {
        let gd = self.git_ok(dir, "admin", &["rev-parse", "--absolute-git-dir"]);
        Path::new(gd.trim()).join("rebase-merge").is_dir()
    }
}

/// The office every test copies (`home/`, `server/records.git`): building
/// it takes five git processes, copying it none. It lives below cargo's
/// temporary folder for tests, one per test process.
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let tmp = tempfile::Builder::new()
            .prefix("office-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .unwrap();
        Office::build(tmp).tmp.keep()
    })
}

/// Copies the folders and files below `from` into `to`.
fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).min_depth(1) {
        let e = e.unwrap();
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

pub(crate) fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

pub(crate) fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap()
}

/// A held consultation of client K-1001 on 2026-11-`day`.
pub(crate) fn appointment(id: &str, day: u32, minutes: u32, notes: &str) -> String {
    format!(
        "id = \"{id}\"\ndate = 2026-11-{day:02}\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-1001\"\ntopics = [\"housing\"]\nduration = {minutes}\nnotes = \"{notes}\"\n"
    )
}

/// Alice and Bob change the same line of the same record; Alice pushes
/// first, Bob's sync stops on the conflict.
pub(crate) fn conflicting_edits(office: &Office) -> (PathBuf, PathBuf) {
    let alice = office.clone_as("alice");
    let bob = office.clone_as("bob");
    write(
        &alice,
        APPOINTMENT,
        &appointment("apt-20261120-ab12", 20, 45, "alice: housing and school"),
    );
    office.commit_all(&alice, "Alice", "appointment: edit apt-20261120-ab12");
    office.quartier(&alice, "Alice", &["sync"]).ok();
    write(
        &bob,
        APPOINTMENT,
        &appointment("apt-20261120-ab12", 20, 60, "bob: housing only"),
    );
    office.commit_all(&bob, "Bob", "appointment: edit apt-20261120-ab12 (bob)");
    (alice, bob)
}

#[test]
fn records_added_at_the_same_time_on_two_laptops_sync_without_conflicts() {
    let office = Office::new();
    let alice = office.clone_as("alice");
    let bob = office.clone_as("bob");
    let a_rel = "appointments/2026/11/apt-20261124-a1a1.toml";
    let b_rel = "appointments/2026/11/apt-20261124-b2b2.toml";
    write(
        &alice,
        a_rel,
        &appointment("apt-20261124-a1a1", 24, 30, "alice's"),
    );
    office.commit_all(&alice, "Alice", "appointment: add apt-20261124-a1a1");
    write(
        &bob,
        b_rel,
        &appointment("apt-20261124-b2b2", 24, 40, "bob's"),
    );
    write(
        &bob,
        "clients/K-2002.toml",
        "id = \"K-2002\"\nfirst_contact = 2026-11-24\n",
    );
    office.commit_all(&bob, "Bob", "appointment: add apt-20261124-b2b2");

    office
        .quartier(&alice, "Alice", &["sync"])
        .ok()
        .has("1 Commit(s) zu origin/main hochgeladen");
    office
        .quartier(&bob, "Bob", &["sync"])
        .ok()
        .has("1 neue(r) Commit(s) von origin/main")
        .has("1 Commit(s) zu");
    office
        .quartier(&alice, "Alice", &["sync"])
        .ok()
        .has("1 neue(r) Commit(s)")
        .has("nichts hochzuladen");

    for dir in [&alice, &bob] {
        assert!(dir.join(a_rel).is_file() && dir.join(b_rel).is_file());
        assert!(dir.join("clients/K-2002.toml").is_file());
        office.quartier(dir, "Alice", &["check"]).ok();
    }
    assert_eq!(office.head(&alice), office.head(&bob));
    assert_eq!(office.head(&alice), office.server_head());
    office
        .quartier(&bob, "Bob", &["sync"])
        .ok()
        .has("nichts Neues")
        .has("nichts hochzuladen");
}

#[test]
fn the_same_record_changed_on_both_sides_stops_the_sync_and_names_it() {
    let office = Office::new();
    let (alice, bob) = conflicting_edits(&office);
    let bob_commit = office.head(&bob);
    let server_before = office.server_head();

    office
        .quartier(&bob, "Bob", &["sync"])
        .code(1)
        .has("apt-20261120-ab12")
        .has(&bob.join(APPOINTMENT).display().to_string())
        .has("quartier edit apt-20261120-ab12")
        .has("quartier sync --abort")
        .has("nichts wurde hochgeladen")
        .lacks("Commit(s) zu");

    // git understands the state, and nothing went to the server.
    assert!(office.rebase_in_progress(&bob));
    assert_eq!(office.server_head(), server_before);
    // Both versions can be recovered from git.
    let shared = office.git_ok(
        &bob,
        "Bob",
        &["show", &format!("origin/main:{APPOINTMENT}")],
    );
    assert!(shared.contains("alice: housing and school"));
    let mine = office.git_ok(
        &bob,
        "Bob",
        &["show", &format!("{bob_commit}:{APPOINTMENT}")],
    );
    assert!(mine.contains("bob: housing only"));
    // The file holds both between markers, and check reports them by record.
    let text = read(&bob, APPOINTMENT);
    assert!(text.contains("<<<<<<<") && text.contains("alice:") && text.contains("bob:"));
    office
        .quartier(&bob, "Bob", &["check"])
        .code(1)
        .has(&format!("{}:", bob.join(APPOINTMENT).display()))
        .has("Git-Konfliktmarkierung");
    let _ = alice;
}

#[test]
fn a_stopped_sync_refuses_to_finish_while_markers_remain_and_finishes_once_resolved() {
    let office = Office::new();
    let (alice, bob) = conflicting_edits(&office);
    office.quartier(&bob, "Bob", &["sync"]).code(1);

    office
        .quartier(&bob, "Bob", &["sync"])
        .code(1)
        .has("Konfliktmarken")
        .has("apt-20261120-ab12");
    assert!(office.rebase_in_progress(&bob));

    let resolved = appointment("apt-20261120-ab12", 20, 60, "both: housing and school");
    write(&bob, APPOINTMENT, &resolved);
    office
        .quartier(&bob, "Bob", &["sync"])
        .ok()
        .has("der angehaltene Abgleich ist abgeschlossen")
        .has("1 Commit(s) zu");
    assert!(!office.rebase_in_progress(&bob));
    assert_eq!(office.server_head(), office.head(&bob));
    let subject = office.git_ok(&bob, "Bob", &["log", "-1", "--format=%s%n%an"]);
    assert_eq!(subject, "appointment: edit apt-20261120-ab12 (bob)\nBob\n");

    office
        .quartier(&alice, "Alice", &["sync"])
        .ok()
        .has("1 neue(r) Commit(s)");
    assert_eq!(read(&alice, APPOINTMENT), resolved);
    office.quartier(&alice, "Alice", &["check"]).ok();
}

#[test]
fn a_conflict_is_resolved_with_quartier_edit_and_finished_by_sync() {
    let office = Office::new();
    let (alice, bob) = conflicting_edits(&office);
    office.quartier(&bob, "Bob", &["sync"]).code(1);

    let resolved = appointment("apt-20261120-ab12", 20, 45, "kept alice's, added bob's");
    let editor = office.path("resolve.sh");
    let wanted = office.path("resolved.toml");
    std::fs::write(&wanted, &resolved).unwrap();
    std::fs::write(
        &editor,
        format!("#!/bin/sh\ncp '{}' \"$1\"\n", wanted.display()),
    )
    .unwrap();
    make_executable(&editor);
    let mut env = office.env("Bob");
    env.push(("EDITOR".into(), editor.to_str().unwrap().into()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let records = bob.to_str().unwrap();
    run_in(
        office.tmp.path(),
        &["--records", records, "edit", "ab12", "--commit"],
        &env,
    )
    .ok();
    assert!(
        office.rebase_in_progress(&bob),
        "edit must not finish the sync itself"
    );

    office
        .quartier(&bob, "Bob", &["sync"])
        .ok()
        .has("der angehaltene Abgleich ist abgeschlossen");
    office.quartier(&alice, "Alice", &["sync"]).ok();
    assert_eq!(read(&alice, APPOINTMENT), resolved);
}

#[test]
fn a_stopped_sync_can_be_aborted() {
    let office = Office::new();
    let (_alice, bob) = conflicting_edits(&office);
    let before = office.head(&bob);
    office.quartier(&bob, "Bob", &["sync"]).code(1);

    office
        .quartier(&bob, "Bob", &["sync", "--abort"])
        .ok()
        .has("Abgleich abgebrochen");
    assert!(!office.rebase_in_progress(&bob));
    assert_eq!(office.head(&bob), before);
    assert!(read(&bob, APPOINTMENT).contains("bob: housing only"));
    office.quartier(&bob, "Bob", &["check"]).ok();

    office
        .quartier(&bob, "Bob", &["sync", "--abort"])
        .code(1)
        .has("keinen angehaltenen Abgleich");
}

#[test]
fn broken_records_after_the_pull_are_not_pushed() {
    let office = Office::new();
    let alice = office.clone_as("alice");
    let bob = office.clone_as("bob");
    write(
        &alice,
        "appointments/2026/11/apt-20261124-bad1.toml",
        &appointment("apt-20261124-bad1", 24, 30, "x").replace("kind =", "kindd ="),
    );
    office.commit_all(&alice, "Alice", "broken by hand");
    office.git_ok(&alice, "Alice", &["push", "--quiet"]);
    let server = office.server_head();
    write(
        &bob,
        "appointments/2026/11/apt-20261124-b2b2.toml",
        &appointment("apt-20261124-b2b2", 24, 30, "fine"),
    );
    office.commit_all(&bob, "Bob", "appointment: add apt-20261124-b2b2");

    office
        .quartier(&bob, "Bob", &["sync"])
        .code(1)
        .has("apt-20261124-bad1.toml")
        .has("nichts wurde hochgeladen");
    assert_eq!(office.server_head(), server);
    assert!(
        bob.join("appointments/2026/11/apt-20261124-bad1.toml")
            .is_file()
    );
}

#[test]
fn a_push_the_server_refuses_is_a_clear_error_and_keeps_the_commit() {
    let office = Office::new();
    let bob = office.clone_as("bob");
    let hook = office.bare.join("hooks/pre-receive");
    std::fs::write(
        &hook,
        "#!/bin/sh\necho 'server closed for maintenance' >&2\nexit 1\n",
    )
    .unwrap();
    make_executable(&hook);
    let server = office.server_head();
    write(
        &bob,
        "appointments/2026/11/apt-20261124-b2b2.toml",
        &appointment("apt-20261124-b2b2", 24, 30, "fine"),
    );
    office.commit_all(&bob, "Bob", "appointment: add apt-20261124-b2b2");
    let mine = office.head(&bob);

    office
        .quartier(&bob, "Bob", &["sync"])
        .code(1)
        .has("hat das Hochladen abgelehnt")
        .has("server closed for maintenance");
    assert_eq!(office.server_head(), server);
    assert_eq!(office.head(&bob), mine);
}

#[test]
fn sync_needs_a_repository_with_an_upstream() {
    let office = Office::new();
    let alone = office.path("alone");
    write(&alone, "quartier.toml", CONFIG);
    office
        .quartier(&alone, "Bob", &["sync"])
        .code(1)
        .has("liegt in keinem git-Repository");

    office.git_ok(&alone, "Bob", &["init", "--quiet"]);
    office.commit_all(&alone, "Bob", "first");
    office
        .quartier(&alone, "Bob", &["sync"])
        .code(1)
        .has("keine gemeinsame Ablage (remote)")
        .has("git -C");

    let bare = office.bare.to_str().unwrap().to_string();
    office.git_ok(&alone, "Bob", &["remote", "add", "origin", &bare]);
    office
        .quartier(&alone, "Bob", &["sync"])
        .code(1)
        .has("keinen Gegenpart zum Abgleichen")
        .has("push -u origin main");
}

#[test]
fn log_shows_who_changed_a_record_and_when() {
    let office = Office::new();
    let (_alice, bob) = conflicting_edits(&office);
    // Bob's own history: the admin's first version, then Bob's edit.
    let run = office.quartier(&bob, "Bob", &["--lang", "en", "log", "ab12"]);
    run.ok()
        .has("apt-20261120-ab12")
        .has("Author")
        .has("Bob")
        .has("appointment: edit apt-20261120-ab12 (bob)")
        .has("admin")
        .has("records folder");
    let json = office
        .quartier(&bob, "Bob", &["--json", "log", "apt-20261120-ab12"])
        .ok()
        .json();
    let entries = json.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["author"], "Bob");
    assert_eq!(
        entries[0]["subject"],
        "appointment: edit apt-20261120-ab12 (bob)"
    );
    assert_eq!(entries[1]["author"], "admin");
    assert_eq!(entries[0]["commit"], office.head(&bob));
    assert!(entries[0]["date"].as_str().unwrap().starts_with("20"));

    // A record moved to another month keeps its history.
    let moved = "appointments/2026/12/apt-20261120-ab12.toml";
    write(
        &bob,
        moved,
        &appointment("apt-20261120-ab12", 20, 60, "x").replace("2026-11-20", "2026-12-01"),
    );
    std::fs::remove_file(bob.join(APPOINTMENT)).unwrap();
    office.commit_all(&bob, "Bob", "appointment: move apt-20261120-ab12");
    let json = office
        .quartier(&bob, "Bob", &["--json", "log", "ab12"])
        .ok()
        .json();
    assert_eq!(json.as_array().unwrap().len(), 3);

    office
        .quartier(&bob, "Bob", &["log", "zzzz"])
        .code(1)
        .has("zzzz");
}

#[test]
fn the_pre_commit_hook_blocks_a_broken_record_and_lets_a_good_one_through() {
    let office = Office::new();
    let bob = office.clone_as("bob");
    office
        .quartier(&bob, "Bob", &["git-hook", "install"])
        .ok()
        .has("pre-commit");
    let hook = bob.join(".git/hooks/pre-commit");
    assert!(is_executable(&hook));

    let bad = "appointments/2026/11/apt-20261124-bad1.toml";
    write(
        &bob,
        bad,
        &appointment("apt-20261124-bad1", 24, 30, "x").replace("K-1001", "K-9999"),
    );
    office.git_ok(&bob, "Bob", &["add", bad]);
    let out = office.git(&bob, "Bob", &["commit", "-m", "broken"]);
    assert!(!out.status.success(), "the broken record was committed");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("apt-20261124-bad1.toml") && said.contains("K-9999"),
        "{said}"
    );
    assert_eq!(office.head(&bob), office.server_head());

    write(&bob, bad, &appointment("apt-20261124-bad1", 24, 30, "x"));
    office.git_ok(&bob, "Bob", &["add", bad]);
    office.git_ok(&bob, "Bob", &["commit", "--quiet", "-m", "fixed"]);
    assert_ne!(office.head(&bob), office.server_head());

    // Installing again replaces our own hook without asking.
    office.quartier(&bob, "Bob", &["git-hook", "install"]).ok();
}

#[test]
fn a_foreign_hook_is_kept_unless_forced() {
    let office = Office::new();
    let bob = office.clone_as("bob");
    let hook = bob.join(".git/hooks/pre-commit");
    let foreign = "#!/bin/sh\n# the office's own checks\nexit 0\n";
    std::fs::write(&hook, foreign).unwrap();

    office
        .quartier(&bob, "Bob", &["git-hook", "install"])
        .code(1)
        .has("--force");
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), foreign);

    office
        .quartier(&bob, "Bob", &["git-hook", "install", "--force"])
        .ok();
    assert!(std::fs::read_to_string(&hook).unwrap().contains("quartier"));
    assert_eq!(
        std::fs::read_to_string(bob.join(".git/hooks/pre-commit.before-quartier")).unwrap(),
        foreign
    );
}

#[test]
fn the_hook_works_when_the_records_are_a_subfolder_of_the_repository() {
    let office = Office::new();
    let top = office.path("office-repo");
    let records = top.join("records");
    write(&records, "quartier.toml", CONFIG);
    write(&top, "README.txt", "the office's files\n");
    office.git_ok(&top, "Bob", &["init", "--quiet"]);
    office.commit_all(&top, "Bob", "first");
    office
        .quartier(&records, "Bob", &["git-hook", "install"])
        .ok();

    write(
        &records,
        "clients/K-4004.toml",
        "id = \"K-4004\"\nfirst_contact = 2026-11-25\ngendr = \"f\"\n",
    );
    office.git_ok(&top, "Bob", &["add", "-A"]);
    let out = office.git(&top, "Bob", &["commit", "-m", "typo"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("gendr"));

    write(
        &records,
        "clients/K-4004.toml",
        "id = \"K-4004\"\nfirst_contact = 2026-11-25\ngender = \"f\"\n",
    );
    office.git_ok(&top, "Bob", &["add", "-A"]);
    office.git_ok(&top, "Bob", &["commit", "--quiet", "-m", "client"]);
    let log = office
        .quartier(&records, "Bob", &["--json", "log", "K-4004"])
        .ok()
        .json();
    assert_eq!(log[0]["subject"], "client");
}

#[test]
fn a_conflict_in_a_records_subfolder_is_named_below_the_records_folder() {
    let office = Office::new();
    let seed = office.path("sub-seed");
    let rec = "records/clients/K-5005.toml";
    write(&seed, "records/quartier.toml", CONFIG);
    write(
        &seed,
        rec,
        "id = \"K-5005\"\nfirst_contact = 2026-01-10\nbirth_year = 1980\n",
    );
    office.git_ok(&seed, "admin", &["init", "--quiet"]);
    office.commit_all(&seed, "admin", "first");
    let server = office.path("sub-server.git");
    office.git_ok(
        office.tmp.path(),
        "admin",
        &["init", "--quiet", "--bare", server.to_str().unwrap()],
    );
    office.git_ok(
        &seed,
        "admin",
        &["remote", "add", "origin", server.to_str().unwrap()],
    );
    office.git_ok(&seed, "admin", &["push", "--quiet", "-u", "origin", "main"]);
    let clone = office.path("sub-clone");
    office.git_ok(
        office.tmp.path(),
        "Bob",
        &[
            "clone",
            "--quiet",
            server.to_str().unwrap(),
            clone.to_str().unwrap(),
        ],
    );

    write(
        &seed,
        rec,
        "id = \"K-5005\"\nfirst_contact = 2026-01-10\nbirth_year = 1981\n",
    );
    office.commit_all(&seed, "admin", "client: edit K-5005");
    office
        .quartier(&seed.join("records"), "admin", &["sync"])
        .ok();
    write(
        &clone,
        rec,
        "id = \"K-5005\"\nfirst_contact = 2026-01-10\nbirth_year = 1982\n",
    );
    office.commit_all(&clone, "Bob", "client: edit K-5005 (bob)");
    office
        .quartier(&clone.join("records"), "Bob", &["sync"])
        .code(1)
        .has(&format!("K-5005  {}", clone.join(rec).display()))
        .has("quartier edit K-5005");
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o111 != 0
}

#[test]
fn without_a_terminal_git_may_not_prompt() {
    let office = Office::new();
    let bob = office.clone_as("bob");
    let real_git = String::from_utf8(
        Command::new("sh")
            .args(["-c", "command -v git"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let bin = office.path("wrapper");
    let log = office.path("git-env.log");
    write(
        &bin,
        "git",
        &format!(
            "#!/bin/sh\necho \"prompt=$GIT_TERMINAL_PROMPT ssh=$GIT_SSH_COMMAND\" >> '{}'\nexec '{}' \"$@\"\n",
            log.display(),
            real_git.trim()
        ),
    );
    make_executable(&bin.join("git"));
    write(
        &bob,
        "appointments/2026/11/apt-20261124-b2b2.toml",
        &appointment("apt-20261124-b2b2", 24, 30, "fine"),
    );
    office.commit_all(&bob, "Bob", "appointment: add apt-20261124-b2b2");

    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let mut env = office.env("Bob");
    env.push(("PATH".into(), path));
    // Whatever the surroundings set, quartier decides.
    env.push(("GIT_TERMINAL_PROMPT".into(), "1".into()));
    env.push(("GIT_SSH_COMMAND".into(), String::new()));
    env.push(("GIT_SSH".into(), String::new()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    run_in(
        office.tmp.path(),
        &["--records", bob.to_str().unwrap(), "sync"],
        &env,
    )
    .ok();

    let calls = std::fs::read_to_string(&log).unwrap();
    assert!(calls.lines().count() > 3, "{calls}");
    assert!(calls.lines().all(|l| l.starts_with("prompt=0 ")), "{calls}");
    assert!(calls.contains("ssh=ssh -o BatchMode=yes"), "{calls}");
}

#[test]
fn a_missing_git_is_named() {
    let office = Office::new();
    let bob = office.clone_as("bob");
    let empty = office.path("no-programs");
    std::fs::create_dir_all(&empty).unwrap();
    let mut env = office.env("Bob");
    env.push(("PATH".into(), empty.to_str().unwrap().into()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    run_in(
        office.tmp.path(),
        &["--records", bob.to_str().unwrap(), "sync"],
        &env,
    )
    .code(1)
    .has("git ist nicht installiert");
}
