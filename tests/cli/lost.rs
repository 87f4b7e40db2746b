//! Nothing is ever lost (SPEC §1): changes are compare-and-swap ("changed
//! meanwhile"), a move to another month never leaves two copies, and
//! `quartier edit` keeps its working copy outside the records folder.

use crate::support::{Folder, TODAY};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const REF: &str = "referrals/2026/11/ref-20261120-cd34.toml";
const APT_ID: &str = "apt-20261120-ab12";
const NOV: &str = "appointments/2026/11/apt-20261120-ab12.toml";
const OCT: &str = "appointments/2026/10/apt-20261120-ab12.toml";

fn folder() -> Folder {
    let f = Folder::new();
    f.client("K-7F3A", "consent = 2026-01-10");
    f.write(
        "partners/mieterverein.toml",
        "id = \"mieterverein\"\nname = \"Mieterverein\"\nkind = \"housing\"\n",
    );
    f.write(
        NOV,
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\nstaff = \"mk\"\nduration = 30\n",
    );
    f
}

fn referral(f: &Folder) {
    f.write(
        REF,
        "id = \"ref-20261120-cd34\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"mieterverein\"\ntopic = \"housing\"\nstatus = \"open\"\nstaff = \"mk\"\n",
    );
}

/// The binary as a child process (no terminal, the tests' day).
fn spawn(f: &Folder, args: &[&str], env: &[(&str, &str)]) -> std::process::Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quartier"));
    cmd.arg("--records")
        .arg(f.root())
        .args(args)
        .env_remove("QUARTIER_RECORDS")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .env("QUARTIER_TODAY", TODAY)
        .env("QUARTIER_EDITOR_NO_TERMINAL", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().expect("start quartier")
}

/// Every file named `<id>.toml` below `dir`.
fn copies(root: &Path, id: &str) -> Vec<PathBuf> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_str() == Some(&format!("{id}.toml")))
        .map(|e| e.path().to_path_buf())
        .collect()
}

#[test]
fn two_changes_of_one_record_at_once_never_lose_one_silently() {
    let f = folder();
    let mut refused = 0;
    for round in 0..30 {
        referral(&f);
        let outcome = format!("Termin vereinbart {round}");
        let notes = format!("Rückruf {round}");
        let close = spawn(
            &f,
            &[
                "referral",
                "close",
                "cd34",
                "--status",
                "done",
                "--outcome",
                &outcome,
            ],
            &[],
        );
        let edit = spawn(&f, &["referral", "edit", "cd34", "--notes", &notes], &[]);
        let (close, edit) = (
            close.wait_with_output().unwrap(),
            edit.wait_with_output().unwrap(),
        );
        let text = f.read(REF);
        for (out, needle) in [(&close, &outcome), (&edit, &notes)] {
            let said = String::from_utf8_lossy(&out.stderr);
            match out.status.code() {
                Some(0) => assert!(
                    text.contains(needle.as_str()),
                    "round {round}: exit 0 but `{needle}` is missing:\n{text}"
                ),
                Some(1) => {
                    // the catalogue's text (German by default, SPEC v2)
                    assert!(
                        said.contains("inzwischen geändert") || said.contains("meanwhile"),
                        "round {round}: {said}"
                    );
                    refused += 1;
                }
                other => panic!("round {round}: exit {other:?}: {said}"),
            }
        }
    }
    eprintln!("{refused} of 60 changes were refused as changed meanwhile");
    // no lock file is left behind
    assert!(!std::fs::read_dir(f.root()).unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with(".quartier-lock")
    }));
}

#[test]
fn two_closes_of_one_referral_at_once_close_it_once() {
    let f = folder();
    for round in 0..20 {
        referral(&f);
        let outcomes = [format!("Termin {round} A"), format!("Termin {round} B")];
        let children: Vec<_> = outcomes
            .iter()
            .map(|o| {
                spawn(
                    &f,
                    &[
                        "referral",
                        "close",
                        "cd34",
                        "--status",
                        "done",
                        "--outcome",
                        o,
                    ],
                    &[],
                )
            })
            .collect();
        let outs: Vec<_> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let text = f.read(REF);
        let mut written = 0;
        for (out, outcome) in outs.iter().zip(&outcomes) {
            let said = String::from_utf8_lossy(&out.stderr);
            match out.status.code() {
                Some(0) => {
                    // a second close over the first would lose the first outcome
                    assert!(
                        text.contains(outcome.as_str()),
                        "round {round}: exit 0 but `{outcome}` is missing:\n{text}"
                    );
                    written += 1;
                }
                Some(1) => assert!(
                    said.contains("inzwischen geändert") || said.contains("schon abgeschlossen"),
                    "round {round}: {said}"
                ),
                other => panic!("round {round}: exit {other:?}: {said}"),
            }
        }
        assert_eq!(written, 1, "round {round}: closed by {written}:\n{text}");
    }
}

/// A script used as $EDITOR: first a colleague changes the record with
/// another command, then the person's edit is made in the copy.
fn editor_racing_a_colleague(f: &Folder) -> PathBuf {
    let script = f.parent().join("editor.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nQUARTIER_TODAY={TODAY} '{}' --records '{}' appointment edit {APT_ID} --duration 90 >/dev/null || exit 9\nsed -i 's/status = \"done\"/status = \"done\"\\nnotes = \"meine Notiz\"/' \"$1\"\n",
            env!("CARGO_BIN_EXE_quartier"),
            f.root().display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[test]
fn an_edit_session_never_overwrites_a_change_made_meanwhile_and_keeps_the_edit() {
    let f = folder();
    let tmp = f.parent().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let script = editor_racing_a_colleague(&f);
    let r = f.run_env(
        &["edit", APT_ID],
        &[
            ("EDITOR", script.to_str().unwrap()),
            ("TMPDIR", tmp.to_str().unwrap()),
        ],
    );
    r.code(1).has("inzwischen geändert");
    let text = f.read(NOV);
    assert!(
        text.contains("duration = 90"),
        "the colleague's change stays:\n{text}"
    );
    assert!(!text.contains("meine Notiz"));
    // the edited text is kept outside the records folder, and its path is printed
    let kept = copies(&tmp, APT_ID);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(r.all().contains(kept[0].to_str().unwrap()), "{}", r.all());
    let kept_text = std::fs::read_to_string(&kept[0]).unwrap();
    assert!(kept_text.contains("meine Notiz") && kept_text.contains("duration = 30"));
    assert_eq!(copies(f.root(), APT_ID), vec![f.path(NOV)]);
}

#[test]
fn the_working_copy_is_outside_the_records_and_removed_when_the_terminal_closes() {
    for signal in [libc::SIGHUP, libc::SIGTERM, libc::SIGINT] {
        let f = folder();
        let tmp = f.parent().join("tmp");
        std::fs::create_dir(&tmp).unwrap();
        let mut child = spawn(
            &f,
            &["edit", APT_ID],
            &[
                ("EDITOR", "sleep 2; true"),
                ("TMPDIR", tmp.to_str().unwrap()),
            ],
        );
        let start = Instant::now();
        while copies(&tmp, APT_ID).is_empty() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no working copy in TMPDIR"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(
            copies(f.root(), APT_ID),
            vec![f.path(NOV)],
            "no copy in the records"
        );
        std::thread::sleep(Duration::from_millis(50));
        // SAFETY: a plain kill(2) of our own child.
        unsafe { libc::kill(child.id() as i32, signal) };
        let status = child.wait().unwrap();
        assert!(!status.success(), "signal {signal}: {status}");
        let left: Vec<_> = std::fs::read_dir(&tmp)
            .unwrap()
            .filter_map(|e| e.ok())
            .collect();
        assert!(
            left.is_empty(),
            "signal {signal}: the working copy is removed: {left:?}"
        );
        let hidden = walkdir::WalkDir::new(f.root())
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .count();
        assert_eq!(
            hidden, 0,
            "signal {signal}: nothing hidden left in the records"
        );
    }
}

#[test]
fn a_crash_in_the_middle_of_a_move_leaves_one_copy_that_check_explains() {
    let f = folder();
    let r = f.run_env(
        &["appointment", "edit", APT_ID, "--date", "2026-10-15"],
        &[("QUARTIER_CRASH_AT", "move")],
    );
    assert_ne!(r.code, 0, "the command was stopped");
    assert_eq!(copies(f.root(), APT_ID).len(), 1, "one copy");
    assert!(
        f.read(NOV).contains("date = 2026-10-15"),
        "the change is kept"
    );
    // check names where it belongs and the command that puts it there
    let check = f.run(&["check"]);
    check.code(1).has(NOV).has("2026/10");
    let repair = check
        .stdout
        .split('`')
        .find(|s| s.starts_with("quartier "))
        .unwrap_or_else(|| panic!("no command named:\n{}", check.stdout));
    assert_eq!(
        repair,
        "quartier appointment edit apt-20261120-ab12 --date 2026-10-15"
    );
    let args: Vec<&str> = repair.split(' ').skip(1).collect();
    f.run(&args).ok();
    assert_eq!(copies(f.root(), APT_ID), vec![f.path(OCT)]);
    f.run(&["check"]).ok();
    // `quartier edit` (saved unchanged) repairs it as well
    let r = f.run_env(
        &["appointment", "edit", APT_ID, "--date", "2026-11-03"],
        &[("QUARTIER_CRASH_AT", "move")],
    );
    assert_ne!(r.code, 0);
    f.run_env(&["edit", "ab12"], &[("EDITOR", "true")]).ok();
    assert_eq!(copies(f.root(), APT_ID), vec![f.path(NOV)]);
    f.run(&["check"]).ok();
}

#[test]
fn killing_moves_at_random_moments_never_leaves_two_copies() {
    let f = folder();
    // The window: the middle of three moves that nobody kills (to October,
    // back, to October). Then twenty rounds move it back and forth, each
    // killed in its twentieth of that time, where 60 rounds with kills in
    // 0..40 ms came after the end of the move in about half of them.
    let mut took: Vec<Duration> = ["2026-10-15", "2026-11-20", "2026-10-15"]
        .iter()
        .map(|date| {
            crate::support::time_of(
                Command::new(env!("CARGO_BIN_EXE_quartier"))
                    .arg("--records")
                    .arg(f.root())
                    .args(["appointment", "edit", APT_ID, "--date", date])
                    .env("QUARTIER_TODAY", TODAY)
                    .stdin(Stdio::null()),
            )
        })
        .collect();
    took.sort();
    let window = took[1].mul_f64(1.1);
    assert_eq!(copies(f.root(), APT_ID), vec![f.path(OCT)]);
    let mut points = crate::support::KillPoints::new(20);
    let mut kills = 0;
    let mut repaired = 0;
    let dates = ["2026-11-20", "2026-10-15"];
    for round in 0..points.rounds() {
        let found = copies(f.root(), APT_ID);
        assert_eq!(found.len(), 1, "round {round}: {found:?} ({points})");
        // a file left in the old month by an earlier kill moves with this command too
        let at = points.at(round, window);
        let mut child = spawn(
            &f,
            &[
                "appointment",
                "edit",
                APT_ID,
                "--date",
                dates[round as usize % 2],
            ],
            &[],
        );
        std::thread::sleep(at);
        if child.try_wait().unwrap().is_none() {
            let _ = child.kill();
            kills += 1;
        }
        let _ = child.wait();
        let what = format!("round {round}, killed after {at:?} of {window:?}, {points}");
        let found = copies(f.root(), APT_ID);
        assert_eq!(found.len(), 1, "{what}: {found:?}");
        let text = std::fs::read_to_string(&found[0]).unwrap();
        assert!(
            text.contains("kind = \"consultation\""),
            "{what}: whole file: {text}"
        );
        let check = f.run(&["--lang", "en", "check"]);
        if check.code != 0 {
            // killed between writing and moving: the one copy waits in the old month
            assert!(
                check.code == 1 && check.all().contains("does not belong in folder"),
                "{what}: {}",
                check.all()
            );
            f.run_env(&["edit", APT_ID], &[("EDITOR", "true")]).ok();
            f.run(&["check"]).ok();
            repaired += 1;
        }
    }
    eprintln!("{repaired} moves were cut between writing and moving and repaired");
    eprintln!("{kills} moves killed ({points})");
    assert!(kills > 0, "no kill landed: the loop proves nothing");
}
