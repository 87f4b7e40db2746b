//! `--out FILE` (SPEC §2): only regular files, never into the records folder
//! except `reports/` (not `reports/sealed/`), atomic, keeping permission bits.

use crate::support::Folder;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;

fn report(f: &Folder, out: &Path) -> crate::support::Run {
    f.run(&[
        "report",
        "monthly",
        "--month",
        "2026-11",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn a_named_pipe_at_the_target_is_refused_and_stays_a_pipe() {
    let f = Folder::new();
    let fifo = f.parent().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    report(&f, &fifo).code(1).has("benannte Pipe");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_device_node_at_the_target_is_refused_and_stays_a_device() {
    let f = Folder::new();
    let node = f.parent().join("null");
    // a copy of /dev/null's numbers in the temporary folder, never /dev itself
    let made = std::process::Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "3"])
        .stderr(std::process::Stdio::null())
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mknod needs root here");
        return;
    }
    report(&f, &node).code(1).has("ein Gerät");
    let ft = std::fs::symlink_metadata(&node).unwrap().file_type();
    assert!(ft.is_char_device(), "{ft:?}");
}

#[test]
fn a_symlink_at_the_target_is_refused_and_what_it_points_to_is_untouched() {
    let f = Folder::new();
    let real = f.parent().join("real.txt");
    std::fs::write(&real, "keep me").unwrap();
    let link = f.parent().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    report(&f, &link).code(1).has("symbolischer Link");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "keep me");
}

#[test]
fn a_symlink_in_the_parent_path_is_followed() {
    let f = Folder::new();
    let real = f.parent().join("berichte");
    std::fs::create_dir(&real).unwrap();
    let link = f.parent().join("ablage");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    report(&f, &link.join("nov.json")).ok();
    assert!(
        std::fs::read_to_string(real.join("nov.json"))
            .unwrap()
            .contains("\"period\"")
    );
}

#[test]
fn files_of_the_records_folder_are_refused_and_unchanged() {
    let f = Folder::new();
    f.client("K-AAAA", "");
    std::fs::create_dir_all(f.path(".git")).unwrap();
    f.write(".git/config", "[core]\n");
    for rel in [
        "quartier.toml",
        "clients/K-AAAA.toml",
        ".git/config",
        "neu.json",
    ] {
        let before = std::fs::read(f.path(rel)).ok();
        report(&f, &f.path(rel)).code(1);
        assert_eq!(std::fs::read(f.path(rel)).ok(), before, "{rel}");
    }
    // through a link to the records folder as well
    let link = f.parent().join("rec");
    std::os::unix::fs::symlink(f.root(), &link).unwrap();
    report(&f, &link.join("quartier.toml")).code(1);
    assert_eq!(f.read("quartier.toml"), crate::support::CONFIG);
}

#[test]
fn reports_may_go_into_reports_but_not_into_sealed() {
    let f = Folder::new();
    std::fs::create_dir_all(f.path("reports/sealed")).unwrap();
    report(&f, &f.path("reports/nov.json")).ok();
    assert!(f.read("reports/nov.json").contains("\"period\""));
    report(&f, &f.path("reports/sealed/2026-11.json"))
        .code(1)
        .has("sealed");
    assert!(!f.exists("reports/sealed/2026-11.json"));
}

#[test]
fn an_existing_file_is_replaced_keeping_its_permission_bits() {
    let f = Folder::new();
    let out = f.parent().join("nov.json");
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    report(&f, &out).ok();
    let meta = std::fs::metadata(&out).unwrap();
    assert_eq!(meta.permissions().mode() & 0o7777, 0o640);
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("\"period\"")
    );
    let left: Vec<_> = std::fs::read_dir(f.parent())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".quartier-"))
        .collect();
    assert!(left.is_empty(), "no temporary file is left: {left:?}");
}

#[test]
fn a_dash_is_standard_output() {
    let f = Folder::new();
    let r = report(&f, Path::new("-"));
    r.ok();
    assert!(r.stdout.contains("\"period\""));
    assert!(!f.parent().join("-").exists());
}
