//! Nothing is ever lost, the rest (SPEC §1–§3.2): `--commit` under
//! contention, `init` (non-empty folders, a full disk), the upward search,
//! `check` on forged file names and folders named like records, `dirty`
//! when git cannot tell, sums that cannot wrap.

use crate::support::{Folder, TODAY, run_in};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const GIT_ENV: &[(&str, &str)] = &[
    ("GIT_AUTHOR_NAME", "Test"),
    ("GIT_AUTHOR_EMAIL", "test@example.org"),
    ("GIT_COMMITTER_NAME", "Test"),
    ("GIT_COMMITTER_EMAIL", "test@example.org"),
    ("GIT_CONFIG_NOSYSTEM", "1"),
    // as support::no_auto_maintenance, for the processes started here
    ("GIT_CONFIG_COUNT", "1"),
    ("GIT_CONFIG_KEY_0", "maintenance.auto"),
    ("GIT_CONFIG_VALUE_0", "false"),
];

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .envs(GIT_ENV.iter().copied())
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn committed_folder() -> Folder {
    let f = Folder::new();
    f.client("K-7F3A", "consent = 2026-01-10");
    git(f.root(), &["init", "--quiet"]);
    git(f.root(), &["add", "-A"]);
    git(f.root(), &["commit", "--quiet", "-m", "start"]);
    f
}

#[test]
fn forty_concurrent_adds_with_commit_never_report_a_written_record_as_failed() {
    let f = committed_folder();
    let children: Vec<_> = (0..40)
        .map(|_| {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_quartier"));
            cmd.args(["--records", f.root().to_str().unwrap(), "--json"])
                .args(["appointment", "add", "--client", "K-7F3A", "--commit"])
                .env("QUARTIER_TODAY", TODAY)
                .envs(GIT_ENV.iter().copied())
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    let mut written = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let v: serde_json::Value = serde_json::from_str(stdout.trim())
            .unwrap_or_else(|e| panic!("{e}: {stdout} {stderr}"));
        let path = PathBuf::from(v["path"].as_str().unwrap());
        assert!(path.is_file());
        // written → exit 0; when it was not committed, stderr says it is saved
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        if !stderr.is_empty() {
            assert!(
                stderr.contains("saved") && stderr.contains("Do not run"),
                "{stderr}"
            );
        }
        written.push(path);
    }
    let log = git(f.root(), &["log", "--format=%s"]);
    let commits = log
        .lines()
        .filter(|l| l.starts_with("appointment: add"))
        .count();
    eprintln!("{commits} of 40 committed");
    assert_eq!(commits, 40, "every add committed its record");
    assert_eq!(written.len(), 40);
}

#[test]
fn init_refuses_a_folder_with_files_and_with_force_commits_only_its_own() {
    let tmp = crate::support::tempdir();
    let docs = tmp.path().join("Dokumente");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("Klientin Müller.txt"), "Name, Adresse\n").unwrap();
    run_in(tmp.path(), &["init", docs.to_str().unwrap()], GIT_ENV)
        .code(1)
        .has("--force");
    assert!(!docs.join("quartier.toml").exists());
    assert!(!docs.join(".git").exists());

    run_in(
        tmp.path(),
        &["init", "--force", docs.to_str().unwrap()],
        GIT_ENV,
    )
    .ok();
    let files = git(&docs, &["ls-files"]);
    assert!(
        !files.contains("Müller") && !files.contains("Klientin"),
        "{files}"
    );
    assert!(files.contains("quartier.toml") && files.contains(".gitignore"));
    assert!(
        std::fs::read_to_string(docs.join("quartier.toml"))
            .unwrap()
            .contains("auto_commit = true")
    );
    let ignore = std::fs::read_to_string(docs.join(".gitignore")).unwrap();
    assert!(ignore.contains("/reports/*") && ignore.contains("!/reports/sealed/"));
    assert!(
        ignore.contains(".quartier-*"),
        "tool temporary files are ignored"
    );
    // the folder checks clean
    run_in(
        tmp.path(),
        &["--records", docs.to_str().unwrap(), "check"],
        &[],
    )
    .ok();
}

/// A tiny tmpfs, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: &Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| SmallDisk(at.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn init_on_a_full_disk_fails_and_leaves_nothing_half_made() {
    let tmp = crate::support::tempdir();
    let Some(disk) = SmallDisk::mount(&tmp.path().join("disk"), "256k") else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    };
    let mut failed = 0;
    // fill the disk more and more, so that init runs out of space at every step
    for fill in (0..256).step_by(8) {
        let filler = disk.0.join("filler");
        let _ = std::fs::remove_file(&filler);
        // `fill` KiB of zeros, as much as fits (as `dd if=/dev/zero bs=1k` wrote)
        let _ = std::fs::write(&filler, vec![0u8; fill * 1024]);
        let target = disk.0.join("records");
        let r = run_in(tmp.path(), &["init", target.to_str().unwrap()], GIT_ENV);
        match r.code {
            0 => {
                run_in(
                    tmp.path(),
                    &["--records", target.to_str().unwrap(), "check"],
                    &[],
                )
                .ok();
                assert!(
                    !git(&target, &["log", "--oneline"]).is_empty(),
                    "fill {fill}k"
                );
            }
            1 => {
                failed += 1;
                assert!(
                    !target.exists(),
                    "fill {fill}k: half-made folder left:\n{}",
                    r.all()
                );
            }
            other => panic!("fill {fill}k: exit {other}: {}", r.all()),
        }
        let _ = std::fs::remove_dir_all(&target);
    }
    assert!(
        failed > 0,
        "the disk was never full: the test proves nothing"
    );
}

/// Every file below `dir` (none when it does not exist).
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                todo.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

/// `demo generate` on a disk that fills up half-way: exit 1 and nothing
/// left behind — no 0-byte record, no half a folder, no hidden staging
/// folder. Before, it left `clients/K-….toml` with 0 bytes and 64 files.
#[test]
fn demo_generate_on_a_full_disk_fails_and_leaves_nothing() {
    let tmp = crate::support::tempdir();
    let Some(disk) = SmallDisk::mount(&tmp.path().join("disk"), "256k") else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    };
    for out in ["demo", "sub/deeper/demo"] {
        let target = disk.0.join(out);
        let r = run_in(
            tmp.path(),
            &["demo", "generate", "--out", target.to_str().unwrap()],
            &[],
        );
        r.code(1).has("Festplatte ist voll");
        assert_eq!(
            files_below(&disk.0),
            Vec::<PathBuf>::new(),
            "{out}: left behind"
        );
        assert!(
            !disk.0.join("sub").exists(),
            "{out}: folders made for it are removed"
        );
    }
    // an empty folder given as --out stays (empty) and is filled when there is room
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    run_in(
        tmp.path(),
        &["demo", "generate", "--out", empty.to_str().unwrap()],
        &[],
    )
    .ok();
    assert!(empty.join("quartier.toml").is_file());
    run_in(
        tmp.path(),
        &["--records", empty.to_str().unwrap(), "check"],
        &[],
    )
    .ok();
}

#[test]
fn the_upward_search_skips_a_folder_of_another_user_and_names_it() {
    let tmp = crate::support::tempdir();
    let theirs = tmp.path().join("theirs");
    let below = theirs.join("below");
    std::fs::create_dir_all(&below).unwrap();
    std::fs::write(theirs.join("quartier.toml"), crate::support::CONFIG).unwrap();
    // SAFETY: geteuid cannot fail.
    let me = unsafe { libc::geteuid() };
    let other = if me == 65534 { 65533 } else { 65534 };
    if std::os::unix::fs::chown(&theirs, Some(other), None).is_err() {
        eprintln!("skipped: cannot give a folder to another user here (needs root)");
        return;
    }
    let r = run_in(&below, &["check"], &[]);
    r.code(1)
        .has("theirs")
        .has("gehört aber einer anderen Person");
    // with --records it is used
    run_in(
        &below,
        &["--records", theirs.to_str().unwrap(), "check"],
        &[],
    )
    .ok();
}

#[test]
fn check_escapes_line_breaks_in_file_names_and_names_folders_named_like_records() {
    let f = Folder::new();
    f.write("clients/K-AAAA\nerror: forged.toml", "id = \"K-AAAA\"\n");
    std::fs::create_dir_all(f.path("appointments/2026/11/apt-20261120-zz99.toml")).unwrap();
    let r = f.run(&["check"]);
    r.code(1).has("\\n").has("apt-20261120-zz99.toml");
    assert!(
        !r.stdout.lines().any(|l| l.starts_with("error: forged")),
        "no forged line:\n{}",
        r.stdout
    );
}

/// Without git on the PATH the report said "no uncommitted changes"
/// (`dirty: false`) although a record was changed.
#[test]
fn dirty_is_null_when_git_is_missing() {
    let f = committed_folder();
    f.client("K-NEU1", "");
    let empty = f.parent().join("no-git-here");
    std::fs::create_dir_all(&empty).unwrap();
    let path = [("PATH", empty.to_str().unwrap())];
    let r = f.run_env(
        &[
            "report", "monthly", "--month", "2026-11", "--format", "json",
        ],
        &path,
    );
    assert_eq!(
        r.ok().json()["source"]["dirty"],
        serde_json::Value::Null,
        "{}",
        r.stdout
    );
    f.run_env(
        &["--lang", "en", "report", "monthly", "--month", "2026-11"],
        &path,
    )
    .ok()
    .has("unknown")
    .lacks("no uncommitted changes");
}

#[test]
fn dirty_is_null_and_the_footer_says_unknown_when_git_cannot_tell() {
    let f = committed_folder();
    f.client("K-NEU1", "");
    std::fs::write(f.path(".git/index"), "broken").unwrap();
    let r = f.run(&[
        "--json", "report", "monthly", "--month", "2026-11", "--format", "json",
    ]);
    r.ok();
    assert_eq!(
        r.json()["source"]["dirty"],
        serde_json::Value::Null,
        "{}",
        r.stdout
    );
    f.run(&["--lang", "en", "report", "monthly", "--month", "2026-11"])
        .ok()
        .has("unknown")
        .lacks("no uncommitted changes");
}

/// A count of i64::MAX passed `check --strict`, and three of them made the
/// monthly total saturate at u64::MAX (exit 0). Now each such count is an
/// error naming its file, so every report that reads it refuses (exit 1)
/// and names the file; the same for minutes and family members. (The test
/// before this one used ids like `evt-20261100-big0`, which are invalid, so
/// the report was refused for another reason and it proved nothing.)
#[test]
fn huge_counts_are_errors_naming_the_file_and_never_a_wrapped_total() {
    let f = Folder::new();
    f.english();
    f.client("K-7F3A", "");
    let mut files = Vec::new();
    for n in 1..=3 {
        let rel = format!("events/2026/11/evt-2026110{n}-big{n}.toml");
        f.write(
            &rel,
            &format!(
                "id = \"evt-2026110{n}-big{n}\"\ndate = 2026-11-0{n}\nkind = \"info\"\ntitle = \"Info\"\nstatus = \"done\"\n[participants]\ntotal = {}\n",
                i64::MAX
            ),
        );
        files.push(rel);
    }
    let apt = "appointments/2026/11/apt-20261110-big4.toml";
    f.write(
        apt,
        &format!(
            "id = \"apt-20261110-big4\"\ndate = 2026-11-10\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\nstaff = \"eb\"\nduration = {0}\nfamily_members = {0}\n",
            i64::MAX
        ),
    );
    for args in [
        &[
            "report", "monthly", "--month", "2026-11", "--format", "json",
        ][..],
        &["report", "yearly", "--year", "2026", "--format", "csv"],
        &["check"],
    ] {
        let r = f.run(args);
        r.code(1).lacks("18446744073709551615").has("not plausible");
        for rel in files.iter().map(String::as_str).chain([apt]) {
            r.has(rel);
        }
        r.has("`participants.total`")
            .has("`duration`")
            .has("`family_members`");
    }
    f.run(&[
        "event",
        "add",
        "--date",
        "2026-11-20",
        "--title",
        "Info",
        "--kind",
        "info",
        "--total",
        "5000000",
    ])
    .code(2)
    .has("not plausible");
    // the largest plausible counts still add up exactly
    for rel in &files {
        let text = f.read(rel).replace(&i64::MAX.to_string(), "1000000");
        f.write(rel, &text);
    }
    std::fs::remove_file(f.path(apt)).unwrap();
    let r = f.run(&[
        "report", "monthly", "--month", "2026-11", "--format", "json",
    ]);
    assert_eq!(r.ok().json()["events"]["participants"]["total"], 3_000_000);
}
