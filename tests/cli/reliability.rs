//! Reliability: many processes writing at once, processes killed mid-write,
//! hostile ids, paths and text, symlinks, folders that cannot be written, and
//! the privacy and consent warnings of `check`.

use crate::support::{Folder, Run, TODAY};
use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Starts `quartier --records <root> ARGS` without waiting for it.
fn spawn(f: &Folder, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_quartier"))
        .arg("--records")
        .arg(f.root())
        .args(args)
        .current_dir(f.parent())
        .env_remove("QUARTIER_RECORDS")
        .env_remove("EDITOR")
        .env_remove("VISUAL")
        .env("QUARTIER_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start quartier")
}

/// A small random number below `below`, different on every call.
fn random_below(below: u64) -> u64 {
    RandomState::new().hash_one(std::time::Instant::now()) % below
}

/// `sponsor add` of `slug` with every required flag but `--name`.
fn sponsor_args(slug: &str) -> Vec<String> {
    let id = format!("--id={slug}");
    [
        "sponsor",
        "add",
        &id,
        "--project",
        "Projekt",
        "--field",
        "civic-education",
        "--start",
        "2026-01-01",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// `sponsor add` of `slug` named "Träger e.V.".
fn sponsor_add(slug: &str) -> Vec<String> {
    let mut args = sponsor_args(slug);
    args.extend(["--name".to_string(), "Träger e.V.".to_string()]);
    args
}

/// Files below `dir` (recursively), as paths relative to it.
fn files_below(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(
                files_below(&p)
                    .into_iter()
                    .map(|s| format!("{}/{s}", e.file_name().to_string_lossy())),
            );
        } else {
            out.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    out.sort();
    out
}

// --- Many writers at once -------------------------------------------------

#[test]
fn parallel_sponsor_adds_all_land_and_check_stays_clean() {
    let f = Folder::new();
    let slugs: Vec<String> = (0..16).map(|i| format!("traeger-{i:02}")).collect();
    let children: Vec<Child> = slugs
        .iter()
        .map(|s| {
            let args = sponsor_add(s);
            spawn(&f, &args.iter().map(String::as_str).collect::<Vec<_>>())
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let files = files_below(&f.path("sponsors"));
    let expected: Vec<String> = slugs.iter().map(|s| format!("{s}.toml")).collect();
    assert_eq!(files, expected, "every record, no temporary files left");
    f.run(&["check", "--strict"]).ok();
    let listed = f.run(&["--json", "sponsor", "list"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 16);
}

#[test]
fn parallel_adds_of_the_same_slug_write_exactly_one_file() {
    let f = Folder::new();
    let args = sponsor_add("gleicher-name");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let children: Vec<Child> = (0..10).map(|_| spawn(&f, &args)).collect();
    let outcomes: Vec<_> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let won = outcomes.iter().filter(|o| o.status.success()).count();
    assert_eq!(won, 1, "exactly one process writes the record");
    for o in outcomes.iter().filter(|o| !o.status.success()) {
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&o.stderr).contains("gibt es schon"));
    }
    assert_eq!(files_below(&f.path("sponsors")), ["gleicher-name.toml"]);
    f.run(&["check", "--strict"]).ok();
}

/// Runs `count` copies of `args` at once; returns each one's `{"id", "path"}`.
fn all_at_once(f: &Folder, count: usize, args: &[&str]) -> Vec<serde_json::Value> {
    let mut full = vec!["--json"];
    full.extend_from_slice(args);
    let children: Vec<Child> = (0..count).map(|_| spawn(f, &full)).collect();
    children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            serde_json::from_slice(&out.stdout).expect("JSON with id and path")
        })
        .collect()
}

#[test]
fn parallel_client_new_gives_distinct_codes() {
    let f = Folder::new();
    let written = all_at_once(&f, 16, &["client", "new", "--consent", "today"]);
    let codes: HashSet<&str> = written.iter().map(|w| w["id"].as_str().unwrap()).collect();
    assert_eq!(codes.len(), 16, "{codes:?}");
    assert_eq!(files_below(&f.path("clients")).len(), 16);
    f.run(&["check", "--strict"]).ok();
    let listed = f.run(&["--json", "client", "list"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 16);
}

#[test]
fn parallel_appointment_add_on_the_same_day_gives_distinct_ids() {
    let f = Folder::new();
    f.client("K-AB12", "consent = 2026-01-10");
    let written = all_at_once(
        &f,
        24,
        &[
            "appointment",
            "add",
            "--date",
            "today",
            "--client",
            "K-AB12",
        ],
    );
    let ids: HashSet<&str> = written.iter().map(|w| w["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 24, "{ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("apt-20261125-")));
    let files = files_below(&f.path("appointments/2026/11"));
    assert_eq!(
        files.len(),
        24,
        "every record, no temporary file: {files:?}"
    );
    f.run(&["check", "--strict"]).ok();
    let listed = f
        .run(&["--json", "appointment", "list", "--month", "2026-11"])
        .ok()
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 24);
}

// --- Killed while writing -------------------------------------------------

const LERNHAUS: &str = "# Träger seit 2025 — Kommentar bleibt\nid = \"lernhaus\"\nname = \"Lernhaus e.V.\"\nproject = \"Hausaufgabenhilfe\"\nfield = \"youth-education\"  # Bereich 1\nstart = 2025-01-01\nstatus = \"active\"\nnotes = \"Anfang\"\n";

#[test]
fn processes_killed_mid_write_never_leave_a_broken_record() {
    let f = Folder::new();
    f.write("sponsors/lernhaus.toml", LERNHAUS);
    // 15 kills, one in each fifteenth of 0..25 ms (before: 30 anywhere in it)
    let mut points = crate::support::KillPoints::new(15);
    for round in 0..points.rounds() {
        // Large notes make the write take long enough to be hit.
        let size = 1_000 + random_below(100_000) as usize;
        let notes = format!("Runde {round}: {}", "Ä".repeat(size / 2));
        let end = format!("2026-{:02}-15", 1 + round % 12);
        let args: Vec<&str> = if round % 3 == 2 {
            vec!["sponsor", "end", "lernhaus", "--date", &end]
        } else {
            vec!["sponsor", "edit", "lernhaus", "--notes", &notes]
        };
        let at = points.at(round, Duration::from_millis(25));
        let mut child = spawn(&f, &args);
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();

        let what = format!("round {round}, {size} bytes, killed after {at:?}, {points}");
        let text = f.read("sponsors/lernhaus.toml");
        assert!(
            text.starts_with("# Träger seit 2025 — Kommentar bleibt\nid = \"lernhaus\"\n"),
            "{what}: the record lost its head:\n{}",
            &text[..text.len().min(300)]
        );
        assert!(text.ends_with('\n') || text.ends_with('"'), "{what}");
        let check = f.run(&["check", "--strict"]);
        assert_eq!(check.code, 0, "{what}:\n{}", check.all());
    }
    f.run(&["sponsor", "show", "lernhaus"]).ok();
    // Whatever temporary files the killed processes left are hidden, and
    // no record file other than the one edited exists.
    let visible: Vec<String> = files_below(&f.path("sponsors"))
        .into_iter()
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(visible, ["lernhaus.toml"]);
}

#[test]
fn new_records_killed_mid_write_are_either_whole_or_absent() {
    let f = Folder::new();
    f.client("K-AB12", "consent = 2026-01-10");
    f.write(
        "appointments/2026/11/apt-20261120-ab12.toml",
        "# Erstgespräch\nid = \"apt-20261120-ab12\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-AB12\"\n",
    );
    // 15 kills, one in each fifteenth of 0..25 ms (before: 30 anywhere in
    // it), five of each command
    let mut points = crate::support::KillPoints::new(15);
    for round in 0..points.rounds() {
        let notes = format!(
            "Runde {round}: {}",
            "Ö".repeat(1_000 + random_below(50_000) as usize)
        );
        let args: Vec<&str> = match round % 3 {
            0 => vec!["client", "new", "--notes", &notes],
            1 => vec![
                "appointment",
                "add",
                "--date",
                "today",
                "--client",
                "K-AB12",
                "--notes",
                &notes,
            ],
            _ => vec!["appointment", "edit", "ab12", "--notes", &notes],
        };
        let at = points.at(round, Duration::from_millis(25));
        let mut child = spawn(&f, &args);
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
        let check = f.run(&["check", "--strict"]);
        assert_eq!(
            check.code,
            0,
            "round {round} ({}), killed after {at:?}, {points}:\n{}",
            args[0],
            check.all()
        );
    }
    let text = f.read("appointments/2026/11/apt-20261120-ab12.toml");
    assert!(
        text.starts_with("# Erstgespräch\n"),
        "{}",
        &text[..text.len().min(200)]
    );
    let clients = f.run(&["--json", "client", "list"]).ok().json();
    let appointments = f.run(&["--json", "appointment", "list"]).ok().json();
    let visible = |dir: &str| {
        files_below(&f.path(dir))
            .into_iter()
            .filter(|n| !n.rsplit('/').next().unwrap_or(n).starts_with('.'))
            .count()
    };
    assert_eq!(clients.as_array().unwrap().len(), visible("clients"));
    assert_eq!(
        appointments.as_array().unwrap().len(),
        visible("appointments")
    );
}

/// Fresh write temporaries (a write may be in progress) are ignored by
/// everything; once stale only `check` names them, `list` and `show` still
/// ignore them.
#[test]
fn leftover_temporary_files_are_ignored_by_list_and_show_and_named_by_check_once_stale() {
    let f = Folder::new();
    f.write("sponsors/lernhaus.toml", LERNHAUS);
    f.write(
        "sponsors/.quartier-a1B2c3.tmp",
        "id = \"lernhaus\"\nname = \"Lern",
    );
    f.write("sponsors/.quartier-x9.toml", "not toml at all [[[");
    f.write(
        "appointments/2026/11/.quartier-q7.tmp",
        "id = \"apt-20261125-x7k2\"\ndate = 2026-11-25\nkind = \"consul",
    );
    f.run(&["check", "--strict"]).ok().lacks(".quartier-");
    let listed = f.run(&["--json", "sponsor", "list"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    f.run(&["sponsor", "show", "a1B2c3"])
        .code(1)
        .lacks("panicked");
    f.run(&["sponsor", "show", "lernhaus"]).ok();

    for rel in [
        "sponsors/.quartier-a1B2c3.tmp",
        "sponsors/.quartier-x9.toml",
        "appointments/2026/11/.quartier-q7.tmp",
    ] {
        f.age(rel);
    }
    f.run(&["check"])
        .ok()
        .has(".quartier-a1B2c3.tmp")
        .has(".quartier-q7.tmp")
        .has("rm '")
        .lacks(".quartier-x9.toml");
    let listed = f.run(&["--json", "sponsor", "list"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    f.run(&["sponsor", "show", "a1B2c3"])
        .code(1)
        .lacks("panicked");
}

// --- Hostile ids and paths ------------------------------------------------

fn long(n: usize) -> String {
    "a".repeat(n)
}

#[test]
fn hostile_id_flags_are_refused_without_touching_the_disk() {
    let f = Folder::new();
    f.english();
    let long_slug = long(64);
    let huge = long(100_000);
    for bad in [
        "../escape",
        "../../etc/passwd",
        "/tmp/absolute",
        "a/b",
        "..",
        ".",
        ".hidden",
        "-leading-dash",
        "Gross",
        "with space",
        "tab\there",
        "line\nbreak",
        "ümlaut",
        long_slug.as_str(),
        huge.as_str(),
    ] {
        let args = sponsor_add(bad);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        f.run(&args)
            .code(2)
            .has("not a valid slug")
            .lacks("panicked");
    }
    assert!(!f.exists("sponsors"), "nothing was written");
    assert!(!f.parent().join("escape.toml").exists());
    assert!(!Path::new("/tmp/absolute.toml").exists());
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn an_id_with_a_nul_byte_cannot_even_be_passed() {
    // The operating system refuses NUL in arguments; inside files it is an
    // invalid id (see `hostile_ids_inside_files_are_errors`).
    let err = Command::new(env!("CARGO_BIN_EXE_quartier"))
        .args(["sponsor", "show", "a\0b"])
        .output()
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
}

#[test]
fn hostile_id_arguments_to_show_edit_and_end_find_nothing() {
    let f = Folder::new();
    f.write("sponsors/lernhaus.toml", LERNHAUS);
    // A file outside the records folder that `..` would reach.
    std::fs::write(f.parent().join("outside.toml"), LERNHAUS).unwrap();
    let huge = long(100_000);
    for bad in [
        "../outside",
        "../../outside",
        "/etc/passwd",
        "sponsors/lernhaus",
        "..",
        "*",
        "lernhaus.toml",
        "",
        " ",
        huge.as_str(),
    ] {
        for cmd in [
            vec!["sponsor", "show", bad],
            vec!["sponsor", "edit", bad, "--notes", "x"],
            vec!["sponsor", "end", bad],
            vec!["edit", bad],
            vec!["client", "show", bad],
            vec!["client", "edit", bad, "--notes", "x"],
            vec!["appointment", "show", bad],
            vec!["appointment", "done", bad],
            vec!["appointment", "edit", bad, "--notes", "x"],
            vec!["appointment", "add", "--date", "today", "--client", bad],
            vec!["appointment", "add", "--date", "today", "--sponsor", bad],
        ] {
            let r = f.run(&cmd);
            assert!(
                r.code == 1 || r.code == 2,
                "{cmd:?} must fail cleanly: {r:?}"
            );
            r.lacks("panicked");
        }
    }
    assert_eq!(f.read("sponsors/lernhaus.toml"), LERNHAUS);
    assert!(!f.exists("appointments"), "no appointment was written");
    assert_eq!(
        std::fs::read_to_string(f.parent().join("outside.toml")).unwrap(),
        LERNHAUS
    );
}

#[test]
fn hostile_ids_inside_files_are_errors() {
    let f = Folder::new();
    f.english();
    let huge = long(200_000);
    let cases = [
        ("sponsors/escape.toml", "../../escape".to_string()),
        ("sponsors/abs.toml", "/etc/passwd".to_string()),
        ("sponsors/nul.toml", "nul\\u0000byte".to_string()),
        ("sponsors/huge.toml", huge),
        ("clients/K-AB12.toml", "K-AB12/../../x".to_string()),
        (
            "appointments/2026/11/apt-20261125-x7k2.toml",
            "apt-20261125-x7k2/../../../x".to_string(),
        ),
    ];
    for (path, id) in &cases {
        let body = if path.starts_with("sponsors") {
            format!(
                "id = \"{id}\"\nname = \"N\"\nproject = \"P\"\nfield = \"civic-education\"\nstart = 2026-01-01\n"
            )
        } else if path.starts_with("clients") {
            format!("id = \"{id}\"\nfirst_contact = 2026-01-10\n")
        } else {
            format!(
                "id = \"{id}\"\ndate = 2026-11-25\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AB12\"\n"
            )
        };
        f.write(path, &body);
    }
    let r = f.run(&["check"]);
    r.code(1).lacks("panicked");
    for (path, _) in &cases {
        let name = Path::new(path).file_name().unwrap().to_str().unwrap();
        assert!(
            r.stdout
                .lines()
                .any(|l| l.contains(name) && l.contains("error: id `")),
            "no id error for {path}:\n{}",
            r.stdout
        );
    }
    // The listing refuses to work on broken records instead of guessing.
    f.run(&["sponsor", "list"]).code(1).has("escape.toml");
    assert!(!f.parent().join("escape.toml").exists());
}

#[test]
fn a_huge_or_binary_file_is_reported_not_read() {
    let f = Folder::new();
    f.english();
    f.write(
        "sponsors/big.toml",
        &format!("notes = \"{}\"\n", "x".repeat(2 * 1024 * 1024)),
    );
    std::fs::write(f.path("sponsors/binary.toml"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    f.run(&["check"])
        .code(1)
        .has("big.toml: error: the file is")
        .has("binary.toml: error: not UTF-8")
        .lacks("panicked");
}

// --- Symlinks -------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_symlinked_record_file_is_never_followed() {
    use std::os::unix::fs::symlink;
    let f = Folder::new();
    f.english();
    // Outside the folder: a file that would be an error if it were read.
    let outside = f.parent().join("secret.toml");
    std::fs::write(&outside, "id = \"secret\"\npassword = \"hunter2\"\n").unwrap();
    std::fs::create_dir_all(f.path("sponsors")).unwrap();
    symlink(&outside, f.path("sponsors/secret.toml")).unwrap();
    f.run(&["check"])
        .ok()
        .has("sponsors/secret.toml: warning:")
        .has("symbolic link")
        .lacks("hunter2")
        .lacks("password");
    f.run(&["check", "--strict"]).code(1);
    f.run(&["sponsor", "show", "secret"])
        .code(1)
        .lacks("hunter2");
    f.run(&["sponsor", "edit", "secret", "--notes", "x"])
        .code(1);
    f.run(&["sponsor", "end", "secret"]).code(1);
    assert_eq!(
        std::fs::read_to_string(&outside).unwrap(),
        "id = \"secret\"\npassword = \"hunter2\"\n"
    );
    let listed = f.run(&["--json", "sponsor", "list"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), 0);
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_is_never_followed_nor_written_through() {
    use std::os::unix::fs::symlink;
    let f = Folder::new();
    f.english();
    let outside = f.parent().join("elsewhere");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("lernhaus.toml"), LERNHAUS).unwrap();
    symlink(&outside, f.path("sponsors")).unwrap();
    // A symlinked month folder of a dated kind as well.
    let months = f.parent().join("months");
    std::fs::create_dir_all(months.join("11")).unwrap();
    std::fs::write(months.join("11/apt-20261125-x7k2.toml"), "broken = [").unwrap();
    std::fs::create_dir_all(f.path("appointments")).unwrap();
    symlink(&months, f.path("appointments/2026")).unwrap();

    f.run(&["check"])
        .ok()
        .has("sponsors: warning:")
        .has("appointments/2026: warning:")
        .lacks("lernhaus")
        .lacks("broken");
    f.run(&["sponsor", "show", "lernhaus"]).code(1);
    f.run(&["sponsor", "edit", "lernhaus", "--notes", "x"])
        .code(1);
    f.run(&["sponsor", "end", "lernhaus"]).code(1);
    let args = sponsor_add("neu");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    f.run(&args).code(1).has("symbolic link").lacks("panicked");
    assert_eq!(files_below(&outside), ["lernhaus.toml"]);
    assert_eq!(
        std::fs::read_to_string(outside.join("lernhaus.toml")).unwrap(),
        LERNHAUS
    );
    f.client("K-AB12", "consent = 2026-01-10");
    f.run(&[
        "appointment",
        "add",
        "--date",
        "today",
        "--client",
        "K-AB12",
    ])
    .code(1)
    .has("symbolic link")
    .lacks("panicked");
    assert_eq!(files_below(&months), ["11/apt-20261125-x7k2.toml"]);
    let clients = f.parent().join("clients-elsewhere");
    std::fs::create_dir_all(&clients).unwrap();
    std::fs::rename(f.path("clients"), f.parent().join("clients-old")).unwrap();
    symlink(&clients, f.path("clients")).unwrap();
    f.run(&["client", "new"])
        .code(1)
        .has("symbolic link")
        .lacks("panicked");
    assert!(files_below(&clients).is_empty());
}

// --- Folders that cannot be written ----------------------------------------

#[test]
fn a_file_where_the_record_folder_must_be_is_a_clear_error() {
    let f = Folder::new();
    f.write("sponsors", "I am a file, not a folder\n");
    let args = sponsor_add("lernhaus");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    f.run(&args)
        .code(1)
        .has("sponsors")
        .has("nicht möglich")
        .lacks("panicked");
    assert_eq!(f.read("sponsors"), "I am a file, not a folder\n");
    f.run(&["check"])
        .code(1)
        .has("sponsors: error:")
        .has("ist kein Ordner");
}

#[test]
fn a_file_where_a_month_folder_must_be_is_a_clear_error() {
    let f = Folder::new();
    f.write("sponsors/lernhaus.toml", LERNHAUS);
    f.write("appointments/2026", "not a folder");
    f.client("K-AB12", "consent = 2026-01-10");
    f.run(&[
        "appointment",
        "add",
        "--date",
        "today",
        "--client",
        "K-AB12",
    ])
    .code(1)
    .has("appointments/2026")
    .has("nicht möglich")
    .lacks("panicked");
    assert_eq!(f.read("appointments/2026"), "not a folder");
    f.run(&["check"])
        .ok()
        .has("appointments/2026: warning:")
        .lacks("panicked");
    f.run(&["check", "--strict"]).code(1);
}

/// Makes a folder unwritable even for root (ext4's immutable flag) and
/// undoes it when dropped, also when the test fails.
struct Immutable<'a>(&'a Path);

impl<'a> Immutable<'a> {
    fn set(dir: &'a Path) -> Option<Immutable<'a>> {
        let ok = Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Immutable(dir))
    }
}

impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(self.0).status();
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_cleanly_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let f = Folder::new();
    f.write("sponsors/lernhaus.toml", LERNHAUS);
    let dir = f.path("sponsors");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = dir.join("probe");
    let _guard = if std::fs::write(&probe, "x").is_ok() {
        // Root ignores permission bits: use the immutable flag instead.
        std::fs::remove_file(&probe).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        match Immutable::set(&dir) {
            Some(g) => Some(g),
            None => {
                eprintln!(
                    "skipped: running as root on a file system without chattr +i; \
                     see a_file_where_the_record_folder_must_be_is_a_clear_error"
                );
                return;
            }
        }
    } else {
        None
    };
    f.run(&["sponsor", "edit", "lernhaus", "--notes", "neu"])
        .code(1)
        .has("nicht möglich")
        .has("sponsors")
        .lacks("panicked");
    f.run(&["sponsor", "end", "lernhaus"])
        .code(1)
        .lacks("panicked");
    let args = sponsor_add("zweiter");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    f.run(&args).code(1).has("nicht möglich").lacks("panicked");
    assert_eq!(f.read("sponsors/lernhaus.toml"), LERNHAUS);
    drop(_guard);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    f.run(&["check", "--strict"]).ok();
}

// --- Hostile free text ----------------------------------------------------

const NASTY_TEXTS: &[&str] = &[
    "Er sagte: \"Hallo\" und 'tschüss'",
    "zwei\nZeilen\r\nund CRLF",
    "[table]\nkey = \"value\"\n[[array]]",
    "Backslash \\ und \\n und \\u00e9 und \\\" wörtlich",
    "\"\"\" drei Anführungszeichen ''' und noch mehr \"\"\"\"",
    "# kein Kommentar = 1",
    "Tab\tund Steuerzeichen \u{1b}[31m rot \u{7f}",
    "<<<<<<< HEAD\n=======\n>>>>>>> ende",
    "Ümläute, ß, €, مرحبا, Привіт, 你好, 𝄞",
    "   führende und folgende Leerzeichen   ",
];

#[test]
fn free_text_round_trips_through_add_and_show() {
    let f = Folder::new();
    for (i, text) in NASTY_TEXTS.iter().enumerate() {
        let slug = format!("text-{i}");
        let mut args = sponsor_args(&slug);
        args.extend(["--notes".to_string(), text.to_string()]);
        args.extend(["--name".to_string(), format!("Name {text}")]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        f.run(&args).ok();
        let shown = f.run(&["--json", "sponsor", "show", &slug]).ok().json();
        assert_eq!(shown["notes"], *text, "notes of {slug}");
        assert_eq!(shown["name"], format!("Name {text}"));
    }
    f.run(&["check", "--strict"]).ok();
    let listed = f.run(&["--json", "sponsor", "list"]).ok().json();
    assert_eq!(listed.as_array().unwrap().len(), NASTY_TEXTS.len());
}

#[test]
fn free_text_round_trips_through_edit_and_keeps_the_comments() {
    let f = Folder::new();
    f.write("sponsors/lernhaus.toml", LERNHAUS);
    for text in NASTY_TEXTS {
        f.run(&[
            "sponsor",
            "edit",
            "lernhaus",
            "--notes",
            text,
            "--contact",
            text,
        ])
        .ok();
        let shown = f
            .run(&["--json", "sponsor", "show", "lernhaus"])
            .ok()
            .json();
        assert_eq!(shown["notes"], *text);
        assert_eq!(shown["contact"], *text);
        let file = f.read("sponsors/lernhaus.toml");
        assert!(file.starts_with("# Träger seit 2025 — Kommentar bleibt\n"));
        assert!(file.contains("field = \"youth-education\"  # Bereich 1\n"));
        f.run(&["check", "--strict"]).ok();
    }
}

// --- Privacy and consent --------------------------------------------------

fn consultation(id: &str, notes: &str) -> String {
    format!(
        "id = \"{id}\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AB12\"\nnotes = \"\"\"\n{notes}\"\"\"\n"
    )
}

#[test]
fn contact_data_in_notes_is_a_privacy_warning_and_an_error_when_strict() {
    let cases = [
        ("schreibt an max.muster@example.org", "e-mail address"),
        ("Mail: max.muster(at)example.org", "e-mail address"),
        ("Handy 0176 12345678", "phone number"),
        ("Rückruf unter +49 341 1234567", "phone number"),
        ("Tel. 0341/9876543", "phone number"),
        ("Konto DE89 3704 0044 0532 0130 00", "IBAN"),
        ("Tochter geb. 12.03.2015", "full birth date"),
        ("geboren am 3.4.1988 in Aleppo", "full birth date"),
        ("Vater, 1975-06-30", "full birth date"),
    ];
    // One folder holds every case, each in a client and an appointment of
    // its own, so one `check` (and one `check --strict`) judges them all;
    // each file must have its own line naming what it holds.
    let f = Folder::new();
    f.english();
    let mut expected = Vec::new();
    for (i, (notes, what)) in cases.iter().enumerate() {
        let code = format!("K-AB1{i}");
        let client = format!("clients/{code}.toml");
        f.write(
            &client,
            &format!(
                "id = \"{code}\"\nfirst_contact = 2026-01-10\nconsent = 2026-01-10\nnotes = \"{notes}\"\n"
            ),
        );
        let id = format!("apt-20261120-ab1{i}");
        let appointment = format!("appointments/2026/11/{id}.toml");
        f.write(
            &appointment,
            &consultation(&id, notes).replace("K-AB12", &code),
        );
        expected.push((client, *what));
        expected.push((appointment, *what));
    }
    let has_line = |r: &Run, path: &str, level: &str, what: &str| {
        assert!(
            r.stdout
                .lines()
                .any(|l| l.contains(&format!("{path}:")) && l.contains(level) && l.contains(what)),
            "no `{level}` line for {path} naming {what}:\n{}",
            r.stdout
        );
    };
    let r = f.run(&["check"]);
    r.ok();
    for (path, what) in &expected {
        has_line(&r, path, "warning: privacy:", what);
    }
    let r = f.run(&["check", "--strict"]);
    r.code(1);
    for (path, what) in &expected {
        has_line(&r, path, "error: privacy:", what);
    }
    // The writing commands refuse the same text outright.
    let f = Folder::new();
    f.english();
    f.client("K-AB12", "consent = 2026-01-10");
    for (notes, what) in cases {
        f.run(&[
            "appointment",
            "add",
            "--date",
            "today",
            "--client",
            "K-AB12",
            "--notes",
            notes,
        ])
        .code(2)
        .has(what);
        f.run(&["client", "new", "--notes", notes])
            .code(2)
            .has(what);
        assert!(!f.exists("appointments"));
        assert_eq!(files_below(&f.path("clients")), ["K-AB12.toml"]);
    }
}

#[test]
fn referral_notes_and_outcome_are_scanned_too() {
    let f = Folder::new();
    f.english();
    f.client("K-AB12", "consent = 2026-01-10");
    f.write(
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter\"\nkind = \"authority\"\n",
    );
    f.write(
        "referrals/2026/11/ref-20261120-ab12.toml",
        "id = \"ref-20261120-ab12\"\ndate = 2026-11-20\nclient = \"K-AB12\"\npartner = \"jobcenter\"\ntopic = \"employment\"\nstatus = \"open\"\nnotes = \"Frau S., Tel. 0176 1234 5678\"\noutcome = \"Antwort an s.m@example.org\"\n",
    );
    f.run(&["check"])
        .ok()
        .has("ref-20261120-ab12.toml:7: warning: privacy: `notes`")
        .has("phone number")
        .has("ref-20261120-ab12.toml:8: warning: privacy: `outcome`")
        .has("e-mail address");
    f.run(&["check", "--strict"]).code(1);
}

#[test]
fn ordinary_notes_are_not_flagged() {
    // one folder, one `check --strict`: each note in an appointment of its
    // own day and in a client of its own, so a finding names its file
    let f = Folder::new();
    f.client("K-AB12", "consent = 2026-01-10");
    let mut files = Vec::new();
    for (i, notes) in [
        "Infoabend am 14.10.2026 um 18:00 im Stadtteilladen",
        "Termin 2026-12-03, 10:30 Uhr beim Jobcenter",
        "Rückruf zwischen 09:30 und 11:15",
        "Kurskosten 1.250,00 €, Eigenanteil 35 € bzw. 12,50 EUR",
        "wohnt in der Georg-Schwarz-Straße, nahe Karl-Heine-Kanal",
        "Aktenzeichen 54.3-2026/118",
        "Az. 123-45 der Ausländerbehörde",
        "Az. 0815/2026-12, Kundennummer 012345678",
        "in Deutschland seit 01.03.2008, Bescheid vom 03.02.2011",
        "Antrag für den Zeitraum 01.10.–31.10.2026 gestellt",
        "Bescheid vom 12.11.2026, Frist 26.11.2026",
        "Kurs B1, 600 UE, 25 Teilnehmende, Raum 0.12",
        "Familie mit 3 Kindern (4, 7 und 12 Jahre)",
        "Miete 640,00 € warm, Kaution 3 Monatsmieten",
    ]
    .into_iter()
    .enumerate()
    {
        let day = i + 1;
        let id = format!("apt-202611{day:02}-ab12");
        let rel = format!("appointments/2026/11/{id}.toml");
        f.write(
            &rel,
            &consultation(&id, notes)
                .replace("date = 2026-11-20", &format!("date = 2026-11-{day:02}")),
        );
        let code = format!("K-N{day:03}");
        let client = format!("clients/{code}.toml");
        f.write(
            &client,
            &format!(
                "id = \"{code}\"\nfirst_contact = 2026-01-10\nconsent = 2026-01-10\nnotes = \"{notes}\"\n"
            ),
        );
        files.push(format!("{rel} and {client}: `{notes}`"));
    }
    let r = f.run(&["check", "--strict"]);
    assert_eq!(
        r.code,
        0,
        "a note was flagged:\n{}\n{}\nthe notes:\n{}",
        r.stdout,
        r.stderr,
        files.join("\n")
    );
    assert!(
        f.run(&["--json", "appointment", "list"])
            .stdout
            .matches("apt-202611")
            .count()
            >= 14,
        "the fourteen appointments are read"
    );
}

fn referral_folder(consent: Option<&str>) -> Folder {
    let f = Folder::new();
    f.client(
        "K-AB12",
        &consent
            .map(|c| format!("consent = {c}"))
            .unwrap_or_default(),
    );
    f.write(
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter\"\nkind = \"authority\"\n",
    );
    f.write(
        "referrals/2026/11/ref-20261120-ab12.toml",
        "id = \"ref-20261120-ab12\"\ndate = 2026-11-20\nclient = \"K-AB12\"\npartner = \"jobcenter\"\ntopic = \"employment\"\nstatus = \"open\"\n",
    );
    f
}

#[test]
fn a_referral_without_consent_is_a_warning_and_an_error_when_strict() {
    let f = referral_folder(None);
    f.run(&["check"])
        .ok()
        .has("referrals/2026/11/ref-20261120-ab12.toml")
        .has("warning:")
        .has("consent");
    f.run(&["check", "--strict"])
        .code(1)
        .has("error:")
        .has("consent");
}

#[test]
fn consent_given_after_the_referral_is_too_late() {
    let f = referral_folder(Some("2026-11-21"));
    f.run(&["check"]).ok().has("warning:").has("2026-11-21");
    f.run(&["check", "--strict"]).code(1);
}

#[test]
fn consent_on_or_before_the_referral_date_is_enough() {
    for day in ["2026-11-20", "2026-01-10"] {
        let f = referral_folder(Some(day));
        f.run(&["check", "--strict"]).ok().lacks("consent");
    }
}

// --- Inputs found by fuzzing and review, kept as regression tests ----------

#[test]
fn a_leap_second_time_is_an_error_not_silently_dropped() {
    let f = Folder::new();
    f.english();
    f.client("K-AB12", "consent = 2026-01-10");
    f.write(
        "appointments/2026/11/apt-20261120-ab12.toml",
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\ntime = 10:30:60\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AB12\"\n",
    );
    f.run(&["check"])
        .code(1)
        .has("apt-20261120-ab12.toml:3: error: `time` = 10:30:60 is not a time of day");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_posing_as_a_record_does_not_hang_check() {
    let f = Folder::new();
    f.english();
    std::fs::create_dir_all(f.path("sponsors")).unwrap();
    let made = Command::new("mkfifo")
        .arg(f.path("sponsors/pipe.toml"))
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let mut child = spawn(&f, &["check"]);
    // A guard against hanging forever, not a timing assertion.
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("check hangs on a named pipe");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = child.wait_with_output().unwrap();
    assert_eq!(status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("pipe.toml: error: ist keine gewöhnliche Datei"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_reported_not_a_crash() {
    use std::os::unix::ffi::OsStrExt;
    let f = Folder::new();
    f.english();
    f.write("sponsors/lernhaus.toml", LERNHAUS);
    let name = std::ffi::OsStr::from_bytes(b"\xff\xfe.toml");
    std::fs::write(f.path("sponsors").join(name), LERNHAUS).unwrap();
    std::fs::create_dir_all(f.path("appointments/2026/11")).unwrap();
    std::fs::write(f.path("appointments/2026/11").join(name), "x").unwrap();
    let r = f.run(&["check"]);
    r.code(1).lacks("panicked");
    let named = r
        .stdout
        .lines()
        .filter(|l| l.contains("error: the file name is not UTF-8"))
        .count();
    assert_eq!(named, 2, "{}", r.stdout);
    // Commands that read everything refuse to work on a broken folder.
    f.run(&["sponsor", "show", "lernhaus"])
        .code(1)
        .has("not UTF-8")
        .lacks("panicked");
}

#[test]
fn a_record_too_large_to_read_back_is_never_written() {
    let f = Folder::new();
    f.english();
    // A control character is one byte on the command line but six in the
    // file (`\u0001`): two such fields make a file larger than the 1 MB a
    // record may be, which no command could read again.
    let controls = "\u{1}".repeat(100_000);
    let mut args = sponsor_add("steuerzeichen");
    args.extend(["--notes".to_string(), controls.clone()]);
    let one: Vec<&str> = args.iter().map(String::as_str).collect();
    f.run(&one).ok();
    let shown = f
        .run(&["--json", "sponsor", "show", "steuerzeichen"])
        .ok()
        .json();
    assert_eq!(shown["notes"], controls);

    let mut args = sponsor_add("zu-gross");
    args.extend(["--notes".to_string(), controls.clone()]);
    args.extend(["--contact".to_string(), controls.clone()]);
    let two: Vec<&str> = args.iter().map(String::as_str).collect();
    f.run(&two).code(1).has("more than a record may be");
    assert!(!f.exists("sponsors/zu-gross.toml"));
    f.run(&["sponsor", "edit", "steuerzeichen", "--contact", &controls])
        .code(1)
        .has("more than a record may be");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn free_text_round_trips_through_appointment_and_client_notes() {
    let f = Folder::new();
    f.client("K-AB12", "consent = 2026-01-10");
    for text in NASTY_TEXTS {
        let v = f
            .run(&[
                "--json",
                "appointment",
                "add",
                "--date",
                "today",
                "--client",
                "K-AB12",
                "--notes",
                text,
            ])
            .ok()
            .json();
        let id = v["id"].as_str().unwrap();
        let shown = f.run(&["--json", "appointment", "show", id]).ok().json();
        let notes = shown
            .get("appointment")
            .unwrap_or(&shown)
            .get("notes")
            .cloned();
        assert_eq!(notes, Some(serde_json::json!(text)), "{shown}");
        let v = f
            .run(&["--json", "client", "new", "--notes", text])
            .ok()
            .json();
        let code = v["id"].as_str().unwrap();
        let shown = f.run(&["--json", "client", "show", code]).ok().json();
        let notes = shown.get("client").unwrap_or(&shown).get("notes").cloned();
        assert_eq!(notes, Some(serde_json::json!(text)), "{shown}");
    }
    f.run(&["check", "--strict"]).ok();
}
