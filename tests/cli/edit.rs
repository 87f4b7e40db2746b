//! `quartier edit ID`: a record in $EDITOR (here a `sed -i` command),
//! validated before it replaces the file.

use crate::support::Folder;
use std::os::unix::fs::MetadataExt;

const SPONSOR: &str = "sponsors/lernhaus.toml";
const SPONSOR_TEXT: &str = "# Träger seit 2025\nid = \"lernhaus\"\nname = \"Lernhaus e.V.\"\nproject = \"Hausaufgabenhilfe\"  # Projekttitel laut Bescheid\nfield = \"youth-education\"\nstart = 2025-01-01\n";

const OCTOBER: &str = "appointments/2026/10/apt-20261012-ab12.toml";
const NOVEMBER: &str = "appointments/2026/11/apt-20261012-ab12.toml";

fn appointment(f: &Folder) {
    f.client("K-AAAA11", "consent = 2026-01-10");
    f.write(
        OCTOBER,
        "id = \"apt-20261012-ab12\"\ndate = 2026-10-12  # verschoben?\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AAAA11\"\ntopics = [\"housing\"]\n",
    );
}

/// Files in `dir` whose names start with a dot (temporary copies).
fn hidden_files(f: &Folder, dir: &str) -> Vec<String> {
    std::fs::read_dir(f.path(dir))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

fn inode(f: &Folder, rel: &str) -> u64 {
    std::fs::metadata(f.path(rel)).unwrap().ino()
}

#[test]
fn a_valid_edit_replaces_the_file_by_rename_and_keeps_the_rest() {
    let f = Folder::new();
    f.write(SPONSOR, SPONSOR_TEXT);
    let before = inode(&f, SPONSOR);
    f.run_env(
        &["edit", "lernhaus"],
        &[(
            "EDITOR",
            "sed -i s/Lernhaus\\ e.V./Lernhaus\\ Leipzig\\ e.V./",
        )],
    )
    .ok()
    .has("lernhaus\t")
    .has(SPONSOR);
    let text = f.read(SPONSOR);
    assert_eq!(
        text,
        SPONSOR_TEXT.replace("Lernhaus e.V.", "Lernhaus Leipzig e.V."),
        "only the edited line changed"
    );
    assert_ne!(
        inode(&f, SPONSOR),
        before,
        "a new file renamed over the old one, not rewritten in place"
    );
    assert_eq!(hidden_files(&f, "sponsors"), Vec::<String>::new());
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn an_edit_with_json_prints_id_and_path() {
    let f = Folder::new();
    f.write(SPONSOR, SPONSOR_TEXT);
    let v = f
        .run_env(
            &["--json", "edit", "haus"],
            &[("EDITOR", "sed -i s/2025-01-01/2025-02-01/")],
        )
        .ok()
        .json();
    assert_eq!(v["id"], "lernhaus");
    assert!(v["path"].as_str().unwrap().ends_with(SPONSOR));
    assert!(f.read(SPONSOR).contains("start = 2025-02-01"));
}

#[test]
fn an_invalid_edit_keeps_the_old_file_and_exits_1() {
    let f = Folder::new();
    f.english();
    f.write(SPONSOR, SPONSOR_TEXT);
    let before = inode(&f, SPONSOR);
    f.run_env(
        &["edit", "lernhaus"],
        &[("EDITOR", "sed -i s/youth-education/youth/")],
    )
    .code(1)
    .has("field")
    .has("kept unchanged");
    assert_eq!(f.read(SPONSOR), SPONSOR_TEXT);
    assert_eq!(inode(&f, SPONSOR), before);
    assert_eq!(hidden_files(&f, "sponsors"), Vec::<String>::new());
    f.run_env(
        &["edit", "lernhaus"],
        &[("EDITOR", "sed -i s/^start/begin/")],
    )
    .code(1)
    .has("unknown key `begin`");
    assert_eq!(f.read(SPONSOR), SPONSOR_TEXT);
}

#[test]
fn an_edit_that_breaks_a_reference_keeps_the_old_file() {
    let f = Folder::new();
    appointment(&f);
    let before = f.read(OCTOBER);
    f.run_env(
        &["edit", "ab12"],
        &[("EDITOR", "sed -i s/K-AAAA11/K-ZZZZ99/")],
    )
    .code(1)
    .has("K-ZZZZ99")
    .has("bleibt unverändert");
    assert_eq!(f.read(OCTOBER), before);
}

#[test]
fn an_unchanged_edit_says_so_and_leaves_the_file_alone() {
    let f = Folder::new();
    f.write(SPONSOR, SPONSOR_TEXT);
    let before = inode(&f, SPONSOR);
    f.run_env(&["edit", "lernhaus"], &[("EDITOR", "true")])
        .ok()
        .has("keine Änderungen");
    assert_eq!(f.read(SPONSOR), SPONSOR_TEXT);
    assert_eq!(inode(&f, SPONSOR), before);
    assert_eq!(hidden_files(&f, "sponsors"), Vec::<String>::new());
}

#[test]
fn a_failing_editor_changes_nothing() {
    let f = Folder::new();
    f.write(SPONSOR, SPONSOR_TEXT);
    f.run_env(&["edit", "lernhaus"], &[("EDITOR", "false")])
        .code(1)
        .has("wurde nicht geändert");
    assert_eq!(f.read(SPONSOR), SPONSOR_TEXT);
    assert_eq!(hidden_files(&f, "sponsors"), Vec::<String>::new());
}

#[test]
fn a_date_change_moves_the_appointment_to_its_new_month() {
    let f = Folder::new();
    appointment(&f);
    f.run_env(
        &["edit", "apt-20261012-ab12"],
        &[("EDITOR", "sed -i s/2026-10-12/2026-11-03/")],
    )
    .ok()
    .has(NOVEMBER);
    assert!(!f.exists(OCTOBER), "the old file is gone");
    let text = f.read(NOVEMBER);
    assert!(text.contains("date = 2026-11-03  # verschoben?"), "{text}");
    assert!(text.contains("id = \"apt-20261012-ab12\""), "{text}");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn a_moved_record_is_committed_with_its_old_path() {
    let f = Folder::new();
    appointment(&f);
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(f.root())
            .args(["-c", "user.name=Test", "-c", "user.email=test@localhost"])
            .args(args)
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "--quiet"]);
    git(&["add", "-A"]);
    git(&["commit", "--quiet", "-m", "start"]);
    f.run_env(
        &["edit", "ab12", "--commit"],
        &[("EDITOR", "sed -i s/2026-10-12/2026-11-03/")],
    )
    .ok();
    assert_eq!(
        git(&["log", "-1", "--format=%s"]).trim(),
        "appointment: edit apt-20261012-ab12"
    );
    assert_eq!(git(&["status", "--porcelain"]).trim(), "");
}

#[test]
fn ids_are_found_by_suffix_across_kinds_or_listed_when_ambiguous() {
    let f = Folder::new();
    f.write(SPONSOR, SPONSOR_TEXT);
    f.write(
        "partners/rathaus.toml",
        "id = \"rathaus\"\nname = \"Rathaus\"\nkind = \"authority\"\n",
    );
    f.run(&["edit", "nowhere"])
        .code(1)
        .has("kein Eintrag mit der Kennung `nowhere`");
    f.run(&["edit", "haus"])
        .code(1)
        .has("lernhaus")
        .has("rathaus");
    assert_eq!(f.read(SPONSOR), SPONSOR_TEXT);
}

#[test]
fn help_has_an_example() {
    Folder::new()
        .run(&["edit", "--help"])
        .ok()
        .has("Beispiel: quartier edit");
}

/// SPEC §2: without a terminal nothing starts an editor — `quartier edit`
/// and a kind's `edit` without flags refuse (exit 2) instead of starting
/// vi for a cron job nobody watches, and say how to change the record
/// without one; the file is not touched. The tests' `sed` editors run
/// because they set QUARTIER_EDITOR_NO_TERMINAL=1 (support.rs).
#[test]
fn without_a_terminal_no_editor_is_started() {
    let f = Folder::new();
    f.write(SPONSOR, SPONSOR_TEXT);
    let marker = f.parent().join("editor-ran");
    let editor = format!("touch {}", marker.display());
    let env = [
        ("EDITOR", editor.as_str()),
        ("QUARTIER_EDITOR_NO_TERMINAL", ""),
    ];
    for args in [
        &["edit", "lernhaus"][..],
        &["sponsor", "edit", "lernhaus"][..],
    ] {
        f.run_env(args, &env)
            .code(2)
            .has("braucht dafür ein Terminal")
            .has("quartier sponsor edit lernhaus --FELD WERT")
            .has("QUARTIER_EDITOR_NO_TERMINAL=1");
    }
    f.run_env(&["--lang", "en", "edit", "lernhaus"], &env)
        .code(2)
        .has("needs a terminal");
    assert!(!marker.exists(), "an editor was started without a terminal");
    assert_eq!(f.read(SPONSOR), SPONSOR_TEXT);
    f.run_env(&["edit", "lernhaus"], &[("EDITOR", editor.as_str())])
        .ok();
    assert!(
        marker.exists(),
        "with QUARTIER_EDITOR_NO_TERMINAL=1 the editor runs"
    );
}
