//! A change decided on one read of a record's file is made to that read and
//! guarded by the compare-and-swap against it: when the file changed after
//! the read, the change is "changed meanwhile" (exit 1), never a refusal of
//! the stale text (exit 2) nor a change made to a text it was not decided on.

use super::*;

const REF: &str = "referrals/2026/11/ref-20261120-cd34.toml";
const HEAD: &str = "id = \"ref-20261120-cd34\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"mieterverein\"\ntopic = \"housing\"\n";

fn folder(referral: &str) -> (tempfile::TempDir, Store, Config, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "quartier.toml",
            "[office]\nname = \"x\"\n\n[staff]\nmk = \"M. K.\"\n".to_string(),
        ),
        (
            "clients/K-7F3A.toml",
            "id = \"K-7F3A\"\nfirst_contact = 2026-01-10\nconsent = 2026-01-10\n".to_string(),
        ),
        (
            "partners/mieterverein.toml",
            "id = \"mieterverein\"\nname = \"Mieterverein\"\nkind = \"housing\"\n".to_string(),
        ),
        (REF, format!("{HEAD}{referral}")),
    ];
    for (rel, text) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let config = store.config().unwrap();
    let path = dir.path().join(REF);
    (dir, store, config, path)
}

const NAMED: Naming = Naming {
    command: "referral edit",
    flags: &[("status", "--status"), ("closed", "--closed")],
};

/// `status = "failed"` as `referral edit --status failed` decides it on a
/// referral that has a `closed` day already: no `closed` of its own.
fn fail_it(doc: &mut DocumentMut) -> Result<()> {
    doc["status"] = toml_edit::value("failed");
    Ok(())
}

#[test]
fn a_change_decided_on_a_read_the_file_no_longer_holds_is_changed_meanwhile() {
    let closed = "status = \"done\"\nclosed = 2026-11-20\nstaff = \"mk\"\n";
    let (_dir, store, config, path) = folder(closed);
    let read = crate::store::read_text(&path).unwrap();
    // a colleague reopens it after it was read: status open, no closed
    std::fs::write(&path, format!("{HEAD}status = \"open\"\nstaff = \"mk\"\n")).unwrap();
    let reopened = std::fs::read_to_string(&path).unwrap();
    // made to the file as it is now, the change would be a failed referral
    // without `closed`: exit 2 blaming --status for the colleague's change
    let e = change_file(
        &store,
        &config,
        Kind::Referral,
        &path,
        &read,
        NAMED,
        fail_it,
    )
    .unwrap_err();
    assert!(e.is_changed_meanwhile(), "{e}");
    assert_eq!(e.exit_code(), 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), reopened);
    // on the text it holds now, the same change is judged on its own
    let e = change_file(
        &store,
        &config,
        Kind::Referral,
        &path,
        &reopened,
        NAMED,
        fail_it,
    )
    .unwrap_err();
    assert!(!e.is_changed_meanwhile(), "{e}");
    assert_eq!(e.exit_code(), 2, "{e}");
    assert!(e.to_string().contains("--status"), "{e}");
}

#[test]
fn a_refusal_of_a_stale_read_is_changed_meanwhile_and_of_the_current_text_the_refusal() {
    let open = "status = \"open\"\nstaff = \"mk\"\n";
    let (_dir, store, config, path) = folder(open);
    // a text read while a write replaced the file (the old length of the new
    // file, as `read_text` once read it): `done` without its `closed` line
    let cut = format!("{HEAD}status = \"done\"\n");
    std::fs::write(
        &path,
        format!("{HEAD}status = \"done\"\nclosed = 2026-11-20\nstaff = \"mk\"\n"),
    )
    .unwrap();
    let notes = |doc: &mut DocumentMut| -> Result<()> {
        doc["notes"] = toml_edit::value("Rückruf");
        Ok(())
    };
    let e = change_file(&store, &config, Kind::Referral, &path, &cut, NAMED, notes).unwrap_err();
    assert!(e.is_changed_meanwhile(), "{e}");
    let now = crate::store::read_text(&path).unwrap();
    let (record, _) =
        change_file(&store, &config, Kind::Referral, &path, &now, NAMED, notes).unwrap();
    assert!(matches!(record, Record::Referral(r) if r.notes.as_deref() == Some("Rückruf")));
}
