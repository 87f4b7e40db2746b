//! `appointment add` warns when a consultation with the same client, date
//! and time exists already; the record is still written (exit 0).

use crate::support::Folder;

#[test]
fn a_second_identical_consultation_is_written_with_a_warning() {
    let f = Folder::new();
    f.client("K-7F3A", "");
    let add = |time: &str| {
        f.run(&[
            "appointment",
            "add",
            "--client",
            "K-7F3A",
            "--date",
            "2026-11-20",
            "--time",
            time,
        ])
    };
    let first = add("10:00");
    first.ok().lacks("Warnung");
    let second = add("10:00");
    second.ok();
    assert!(
        second
            .stderr
            .contains("Warnung: für K-7F3A gibt es am 20.11.2026 um 10:00 schon eine Beratung"),
        "{}",
        second.stderr
    );
    assert!(!second.stderr.contains("already has"), "{}", second.stderr);
    assert!(second.stderr.contains("K-7F3A"), "{}", second.stderr);
    let other_time = add("11:00");
    other_time.ok().lacks("Warnung");
    let v = f
        .run(&["--json", "appointment", "list", "--client", "K-7F3A"])
        .ok()
        .json();
    assert_eq!(v.as_array().unwrap().len(), 3, "{v}");
}
