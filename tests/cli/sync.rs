//! `quartier sync` (SPEC v2 §2): check first, save every record change in one
//! commit, a backup ref, `--abort` that undoes only the pull and loses
//! nothing done meanwhile, recovery after a killed sync, records deleted on
//! one side and changed on the other.

use crate::git::{APPOINTMENT, Office, appointment, conflicting_edits, read, write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn tracked(office: &Office, dir: &Path) -> String {
    office.git_ok(dir, "admin", &["ls-files"])
}

fn on_server(office: &Office, rel: &str) -> bool {
    office
        .git(
            &office.bare,
            "admin",
            &["cat-file", "-e", &format!("main:{rel}")],
        )
        .status
        .success()
}

fn status(office: &Office, dir: &Path) -> String {
    office.git_ok(
        dir,
        "admin",
        &["status", "--porcelain", "--untracked-files=all"],
    )
}

#[test]
fn uncommitted_record_changes_are_saved_in_one_commit_and_other_files_left_alone() {
    let office = Office::new();
    let bob = office.clone_as("bob");
    let changed = appointment("apt-20261120-ab12", 20, 90, "not committed");
    write(&bob, APPOINTMENT, &changed);
    write(
        &bob,
        "clients/K-3003.toml",
        "id = \"K-3003\"\nfirst_contact = 2026-11-25\n",
    );
    write(&bob, "notizen.txt", "private, not a record\n");

    office
        .quartier(&bob, "Bob", &["sync"])
        .ok()
        .has("notizen.txt");
    let message = office.git_ok(&bob, "admin", &["log", "-1", "--format=%B"]);
    assert!(message.contains("apt-20261120-ab12"), "{message}");
    assert!(message.contains("K-3003"), "{message}");
    assert!(on_server(&office, "clients/K-3003.toml"));
    assert_eq!(office.server_head(), office.head(&bob));
    // the other file is neither committed nor touched
    assert_eq!(status(&office, &bob), "?? notizen.txt\n");
    assert_eq!(read(&bob, "notizen.txt"), "private, not a record\n");
    // where the branch was before the pull is kept in a ref git knows
    let backup = office.git_ok(&bob, "admin", &["rev-parse", "refs/quartier/sync-backup"]);
    assert_eq!(backup.trim(), office.head(&bob));
}

#[test]
fn check_errors_stop_the_sync_before_it_saves_or_pulls() {
    let office = Office::new();
    let alice = office.clone_as("alice");
    let bob = office.clone_as("bob");
    write(
        &alice,
        "clients/K-2002.toml",
        "id = \"K-2002\"\nfirst_contact = 2026-11-02\n",
    );
    office.commit_all(&alice, "Alice", "client");
    office.quartier(&alice, "Alice", &["sync"]).ok();
    let bad = "appointments/2026/11/apt-20261124-bad1.toml";
    write(
        &bob,
        bad,
        &appointment("apt-20261124-bad1", 24, 30, "x").replace("kind =", "kindd ="),
    );
    let before = office.head(&bob);
    office
        .quartier(&bob, "Bob", &["sync"])
        .code(1)
        .has("apt-20261124-bad1.toml");
    assert_eq!(office.head(&bob), before, "nothing committed");
    assert!(!bob.join("clients/K-2002.toml").exists(), "nothing pulled");
    assert!(!tracked(&office, &bob).contains("bad1"));
}

/// A phone number in a note is only a `check` warning, and a clone without
/// the pre-commit hook (`init` does not install it) let `sync` commit and
/// push it. Now sync refuses personal data in a record it would share, like
/// the hook, and saves and pulls nothing; an old warning elsewhere (already
/// committed) does not stop it.
#[test]
fn personal_data_in_a_record_to_be_shared_stops_the_sync() {
    let office = Office::new();
    let bob = office.clone_as("bob");
    let before = office.head(&bob);
    let noted = appointment("apt-20261120-ab12", 20, 90, "Rückruf unter 0176 12345678");
    write(&bob, APPOINTMENT, &noted);
    write(
        &bob,
        "clients/K-3003.toml",
        "id = \"K-3003\"\nfirst_contact = 2026-11-25\n# Mail an max(at)example(dot)org\n",
    );
    office
        .quartier(&bob, "Bob", &["sync"])
        .code(1)
        .has(APPOINTMENT)
        .has("clients/K-3003.toml")
        .has("Datenschutz");
    assert_eq!(office.head(&bob), before, "nothing committed");
    assert!(!on_server(&office, "clients/K-3003.toml"));
    assert_eq!(read(&bob, APPOINTMENT), noted, "the file is left as it is");
    // fixed, it goes out
    write(
        &bob,
        APPOINTMENT,
        &appointment("apt-20261120-ab12", 20, 90, "Rückruf vereinbart"),
    );
    write(
        &bob,
        "clients/K-3003.toml",
        "id = \"K-3003\"\nfirst_contact = 2026-11-25\n",
    );
    office.quartier(&bob, "Bob", &["sync"]).ok();
    assert!(on_server(&office, "clients/K-3003.toml"));
}

#[test]
fn abort_undoes_only_the_pull_and_keeps_what_was_done_meanwhile() {
    let office = Office::new();
    let (_alice, bob) = conflicting_edits(&office);
    let mine = office.head(&bob);
    office.quartier(&bob, "Bob", &["sync"]).code(1);
    assert!(office.rebase_in_progress(&bob));

    // while the sync waits: a record added with --commit, an uncommitted new client
    let added = office
        .quartier(
            &bob,
            "Bob",
            &[
                "--json",
                "appointment",
                "add",
                "--client",
                "K-1001",
                "--date",
                "2026-11-24",
                "--commit",
            ],
        )
        .ok()
        .json();
    let added = added["path"].as_str().unwrap().to_string();
    write(
        &bob,
        "clients/K-4004.toml",
        "id = \"K-4004\"\nfirst_contact = 2026-11-24\n",
    );

    office
        .quartier(&bob, "Bob", &["sync", "--abort"])
        .ok()
        .has("Abgleich abgebrochen");
    assert!(!office.rebase_in_progress(&bob));
    assert_eq!(
        office.head(&bob),
        mine,
        "the pull is undone, my commit stays"
    );
    assert!(read(&bob, APPOINTMENT).contains("bob: housing only"));
    assert!(
        Path::new(&added).is_file(),
        "the record added meanwhile is kept"
    );
    assert!(bob.join("clients/K-4004.toml").is_file());
    office.quartier(&bob, "Bob", &["check"]).ok();
}

/// Bob's sync is interrupted half-way through its rebase (as by kill -9 or
/// a power cut: the rebase waits, no conflict); he adds a record; the next
/// `sync` finishes everything.
#[test]
fn a_sync_interrupted_in_its_rebase_is_recovered_by_the_next_sync() {
    let office = Office::new();
    let alice = office.clone_as("alice");
    let bob = office.clone_as("bob");
    write(
        &alice,
        "clients/K-2002.toml",
        "id = \"K-2002\"\nfirst_contact = 2026-11-02\n",
    );
    office.commit_all(&alice, "Alice", "client");
    office.quartier(&alice, "Alice", &["sync"]).ok();
    for n in 1..=2 {
        write(
            &bob,
            &format!("clients/K-B00{n}.toml"),
            &format!("id = \"K-B00{n}\"\nfirst_contact = 2026-11-0{n}\n"),
        );
        office.commit_all(&bob, "Bob", &format!("client {n}"));
    }
    office.git_ok(&bob, "Bob", &["fetch", "--quiet"]);
    // a rebase that stops after its first step, with no conflict
    office.git_ok(
        &bob,
        "Bob",
        &[
            "-c",
            "sequence.editor=sed -i 2ibreak",
            "rebase",
            "-i",
            "--quiet",
            "@{u}",
        ],
    );
    assert!(office.rebase_in_progress(&bob));
    office
        .quartier(
            &bob,
            "Bob",
            &["client", "new", "--first-contact", "2026-11-20", "--commit"],
        )
        .ok();
    office.quartier(&bob, "Bob", &["sync"]).ok();
    assert!(!office.rebase_in_progress(&bob));
    assert_eq!(office.server_head(), office.head(&bob));
    let server = office.git_ok(
        &office.bare,
        "admin",
        &["ls-tree", "-r", "--name-only", "main"],
    );
    let clients = server.lines().filter(|l| l.starts_with("clients/")).count();
    assert_eq!(
        clients, 5,
        "K-1001, Alice's, Bob's two and the one added meanwhile:\n{server}"
    );
    assert_eq!(status(&office, &bob), "");
}

/// A git killed while its rebase applied a commit can leave that commit's
/// new file in the working folder, untracked; undoing the pull must not stop
/// on it (`rebase --abort` refuses to overwrite untracked files). Found by
/// `killing_syncs_at_random_moments_loses_nothing` about once in a dozen runs.
#[test]
fn a_new_record_a_killed_rebase_left_untracked_does_not_stop_the_next_sync() {
    let office = Office::new();
    let alice = office.clone_as("alice");
    let bob = office.clone_as("bob");
    write(
        &alice,
        "clients/K-2002.toml",
        "id = \"K-2002\"\nfirst_contact = 2026-11-02\n",
    );
    office.commit_all(&alice, "Alice", "client");
    office.quartier(&alice, "Alice", &["sync"]).ok();
    let text = |n: u32| format!("id = \"K-B00{n}\"\nfirst_contact = 2026-11-0{n}\n");
    for n in 1..=2 {
        write(&bob, &format!("clients/K-B00{n}.toml"), &text(n));
        office.commit_all(&bob, "Bob", &format!("client {n}"));
    }
    office.git_ok(&bob, "Bob", &["fetch", "--quiet"]);
    // the rebase stops before its second step, whose new file is on disk
    // already, as a git killed in the middle of that step leaves it
    office.git_ok(
        &bob,
        "Bob",
        &[
            "-c",
            "sequence.editor=sed -i 2ibreak",
            "rebase",
            "-i",
            "--quiet",
            "@{u}",
        ],
    );
    assert!(office.rebase_in_progress(&bob));
    write(&bob, "clients/K-B002.toml", &text(2));
    assert!(status(&office, &bob).contains("?? clients/K-B002.toml"));
    office.quartier(&bob, "Bob", &["sync"]).ok();
    assert!(!office.rebase_in_progress(&bob));
    assert_eq!(office.server_head(), office.head(&bob));
    let server = office.git_ok(
        &office.bare,
        "admin",
        &["ls-tree", "-r", "--name-only", "main"],
    );
    let clients: Vec<&str> = server
        .lines()
        .filter(|l| l.starts_with("clients/"))
        .collect();
    assert_eq!(clients.len(), 4, "K-1001, Alice's and Bob's two:\n{server}");
    assert_eq!(read(&bob, "clients/K-B002.toml"), text(2));
    assert_eq!(status(&office, &bob), "");
}

/// A git killed while its rebase wrote a pulled record leaves it cut short
/// (found by `killing_syncs_at_random_moments_loses_nothing`: an empty
/// clients/K-A007.toml stopped the next sync with "die Datei ist leer").
/// Undoing the pull must not keep that as a change made meanwhile.
#[test]
fn a_pulled_record_a_killed_rebase_cut_short_is_not_kept_as_a_change() {
    let office = Office::new();
    let alice = office.clone_as("alice");
    let bob = office.clone_as("bob");
    let full = "id = \"K-2002\"\nfirst_contact = 2026-11-02\nnotes = \"Erstgespräch im Büro\"\n";
    write(&alice, "clients/K-2002.toml", full);
    office.commit_all(&alice, "Alice", "client");
    office.quartier(&alice, "Alice", &["sync"]).ok();
    write(
        &bob,
        "clients/K-B001.toml",
        "id = \"K-B001\"\nfirst_contact = 2026-11-01\n",
    );
    office.commit_all(&bob, "Bob", "client");
    office.git_ok(&bob, "Bob", &["fetch", "--quiet"]);
    // the rebase stops right after checking out Alice's side
    office.git_ok(
        &bob,
        "Bob",
        &[
            "-c",
            "sequence.editor=sed -i 1ibreak",
            "rebase",
            "-i",
            "--quiet",
            "@{u}",
        ],
    );
    assert!(office.rebase_in_progress(&bob));
    // cut after 20 bytes, in the middle of a line (an empty file is cut after 0)
    write(&bob, "clients/K-2002.toml", &full[..20]);
    office.quartier(&bob, "Bob", &["sync"]).ok();
    assert!(!office.rebase_in_progress(&bob));
    assert_eq!(office.server_head(), office.head(&bob));
    assert_eq!(read(&bob, "clients/K-2002.toml"), full);
    assert_eq!(status(&office, &bob), "");
}

/// As the issue reproduced it: a sync stopped half-way through its rebase
/// (kill -9), records added meanwhile — with `--commit`, uncommitted, and an
/// edit — then `sync --abort`: the pull is undone, nothing of what was done
/// meanwhile is lost (it removed 3 records before), and the next sync
/// shares everything.
#[test]
fn abort_after_an_interrupted_rebase_keeps_every_record_added_meanwhile() {
    let office = Office::new();
    let alice = office.clone_as("alice");
    let bob = office.clone_as("bob");
    write(
        &alice,
        "clients/K-2002.toml",
        "id = \"K-2002\"\nfirst_contact = 2026-11-02\n",
    );
    office.commit_all(&alice, "Alice", "client");
    office.quartier(&alice, "Alice", &["sync"]).ok();
    for n in 1..=2 {
        write(
            &bob,
            &format!("clients/K-B00{n}.toml"),
            &format!("id = \"K-B00{n}\"\nfirst_contact = 2026-11-0{n}\n"),
        );
        office.commit_all(&bob, "Bob", &format!("client {n}"));
    }
    office.git_ok(&bob, "Bob", &["fetch", "--quiet"]);
    office.git_ok(
        &bob,
        "Bob",
        &[
            "-c",
            "sequence.editor=sed -i 2ibreak",
            "rebase",
            "-i",
            "--quiet",
            "@{u}",
        ],
    );
    assert!(office.rebase_in_progress(&bob));
    let added = office
        .quartier(
            &bob,
            "Bob",
            &[
                "--json",
                "client",
                "new",
                "--first-contact",
                "2026-11-20",
                "--commit",
            ],
        )
        .ok()
        .json();
    let added = added["path"].as_str().unwrap().to_string();
    write(
        &bob,
        "clients/K-4004.toml",
        "id = \"K-4004\"\nfirst_contact = 2026-11-24\n",
    );
    let edited = appointment("apt-20261120-ab12", 20, 75, "bob meanwhile");
    write(&bob, APPOINTMENT, &edited);

    office.quartier(&bob, "Bob", &["sync", "--abort"]).ok();
    assert!(!office.rebase_in_progress(&bob));
    for rel in [
        "clients/K-B001.toml",
        "clients/K-B002.toml",
        "clients/K-4004.toml",
    ] {
        assert!(bob.join(rel).is_file(), "{rel} is lost");
    }
    assert!(
        Path::new(&added).is_file(),
        "the record added with --commit is lost"
    );
    assert_eq!(
        read(&bob, APPOINTMENT),
        edited,
        "the edit made meanwhile is reverted"
    );
    office.quartier(&bob, "Bob", &["sync"]).ok();
    let server = office.git_ok(
        &office.bare,
        "admin",
        &["ls-tree", "-r", "--name-only", "main"],
    );
    let clients = server.lines().filter(|l| l.starts_with("clients/")).count();
    assert_eq!(
        clients, 6,
        "K-1001, Alice's, Bob's two, the two added meanwhile:\n{server}"
    );
    assert_eq!(status(&office, &bob), "");
}

/// Whether a process of group `pgid` is still alive (zombies are dead: the
/// init process reaps them).
fn group_alive(pgid: u32) -> bool {
    std::fs::read_dir("/proc").unwrap().flatten().any(|e| {
        std::fs::read_to_string(e.path().join("stat")).is_ok_and(|stat| {
            // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses
            let rest = stat.rsplit_once(") ").map_or("", |(_, r)| r);
            let mut f = rest.split(' ');
            let state = f.next();
            f.nth(1) == Some(pgid.to_string().as_str()) && state != Some("Z")
        })
    })
}

#[test]
fn killing_syncs_at_random_moments_loses_nothing() {
    let office = Office::new();
    let alice = office.clone_as("alice");
    let bob = office.clone_as("bob");
    // Six rounds, each killing Bob's sync in its sixth of the time a sync
    // takes (Alice's sync of the same round, which saves, pulls and pushes
    // as his does), so every run reaches the save, the pull and the push.
    let mut points = crate::support::KillPoints::new(6);
    let mut expected = 1; // K-1001
    let mut kills = 0;
    for round in 0..points.rounds() {
        write(
            &alice,
            &format!("clients/K-A{round:03}.toml"),
            &format!("id = \"K-A{round:03}\"\nfirst_contact = 2026-11-02\n"),
        );
        let alice_sync = Instant::now();
        office.quartier(&alice, "Alice", &["sync"]).ok();
        let window = alice_sync.elapsed().mul_f64(1.2);
        write(
            &bob,
            &format!("clients/K-B{round:03}.toml"),
            &format!("id = \"K-B{round:03}\"\nfirst_contact = 2026-11-03\n"),
        );
        expected += 2;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_quartier"));
        cmd.args(["--records", bob.to_str().unwrap(), "sync"])
            .env("QUARTIER_TODAY", crate::support::TODAY)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (k, v) in office.env("Bob") {
            cmd.env(k, v);
        }
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
        let at = points.at(round, window);
        let mut child = cmd.spawn().unwrap();
        std::thread::sleep(at);
        let killed = child.try_wait().unwrap().is_none();
        if killed {
            // the whole group, git included, as a power cut would
            // SAFETY: killpg of the group we just made.
            unsafe { libc::killpg(child.id() as i32, libc::SIGKILL) };
            kills += 1;
        }
        let _ = child.wait();
        // the group's other processes may still be dying (and holding the
        // sync's lock) when its leader is reaped
        let dying = Instant::now();
        while killed && group_alive(child.id()) {
            assert!(dying.elapsed() < Duration::from_secs(10), "{points}");
            std::thread::sleep(Duration::from_millis(2));
        }
        // a killed git leaves its own lock files (index.lock, refs/…/main.lock);
        // git's message says to remove them, and people do
        for e in walkdir::WalkDir::new(bob.join(".git"))
            .into_iter()
            .flatten()
        {
            let name = e.file_name().to_string_lossy();
            if name.ends_with(".lock") && !name.starts_with("quartier-") {
                let _ = std::fs::remove_file(e.path());
            }
        }
        // meanwhile Bob records one more
        write(
            &bob,
            &format!("clients/K-C{round:03}.toml"),
            &format!("id = \"K-C{round:03}\"\nfirst_contact = 2026-11-04\n"),
        );
        expected += 1;
        let what = format!(
            "round {round}, {} after {at:?} of {window:?}, {points}",
            if killed { "killed" } else { "not killed" }
        );
        let r = office.quartier(&bob, "Bob", &["sync"]);
        assert_eq!(r.code, 0, "{what}\n{}{}", r.stdout, r.stderr);
        let server = office.git_ok(
            &office.bare,
            "admin",
            &["ls-tree", "-r", "--name-only", "main"],
        );
        let clients = server.lines().filter(|l| l.starts_with("clients/")).count();
        assert_eq!(clients, expected, "{what}:\n{server}");
        assert_eq!(status(&office, &bob), "", "{what}");
    }
    eprintln!("{kills} syncs killed ({points})");
}

#[test]
fn a_record_deleted_on_one_side_and_changed_on_the_other_waits_for_a_choice() {
    for keep in [true, false] {
        let office = Office::new();
        let alice = office.clone_as("alice");
        let bob = office.clone_as("bob");
        office.git_ok(&alice, "Alice", &["rm", "--quiet", APPOINTMENT]);
        office.git_ok(&alice, "Alice", &["commit", "--quiet", "-m", "delete"]);
        office.quartier(&alice, "Alice", &["sync"]).ok();
        write(
            &bob,
            APPOINTMENT,
            &appointment("apt-20261120-ab12", 20, 75, "bob's change"),
        );
        office.commit_all(&bob, "Bob", "edit");

        let r = office.quartier(&bob, "Bob", &["sync"]);
        r.code(1)
            .has("apt-20261120-ab12")
            .has("sync --keep apt-20261120-ab12")
            .has("sync --drop apt-20261120-ab12")
            .lacks("<<<<<<<")
            .lacks("git -C");
        let server = office.server_head();
        // a plain sync pushes nothing until one is chosen
        office
            .quartier(&bob, "Bob", &["sync"])
            .code(1)
            .has("--keep");
        assert_eq!(office.server_head(), server);

        let choice = if keep { "--keep" } else { "--drop" };
        office.quartier(&bob, "Bob", &["sync", choice, "ab12"]).ok();
        assert!(!office.rebase_in_progress(&bob));
        assert_eq!(office.server_head(), office.head(&bob));
        assert_eq!(on_server(&office, APPOINTMENT), keep, "{choice}");
        assert_eq!(bob.join(APPOINTMENT).exists(), keep, "{choice}");
        if keep {
            assert!(read(&bob, APPOINTMENT).contains("bob's change"));
        }
    }
}

#[test]
fn detached_head_advice_names_the_real_branch() {
    let office = Office::new();
    let bob = office.clone_as("bob");
    office.git_ok(&bob, "Bob", &["branch", "--quiet", "-m", "main", "buero"]);
    office.git_ok(&bob, "Bob", &["checkout", "--quiet", "--detach"]);
    office
        .quartier(&bob, "Bob", &["sync"])
        .code(1)
        .has("switch buero");
}
