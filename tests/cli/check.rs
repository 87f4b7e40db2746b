//! `quartier check`: one test per rule of SPEC §1.3.

use crate::support::Folder;

#[test]
fn clean_folder_passes() {
    let f = Folder::new();
    f.client("K-AB12", "consent = 2026-01-10");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn conflict_markers_name_file_and_line() {
    let f = Folder::new();
    f.write("clients/K-AB12.toml", "id = \"K-AB12\"\n<<<<<<< HEAD\nfirst_contact = 2026-01-10\n=======\nfirst_contact = 2026-01-11\n>>>>>>> other\n");
    f.run(&["check"])
        .code(1)
        .has("clients/K-AB12.toml:2: error: git conflict marker");
}
