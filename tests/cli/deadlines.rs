//! Sponsors' deadlines and continuation: `sponsor deadline add|done`,
//! `check`, `agenda` and the report's `sponsors.deadlines` and
//! `sponsors.continuation`. Today is 2026-11-25.

use crate::support::Folder;

fn sponsor(f: &Folder, id: &str, end: &str, extra: &str) {
    f.write(
        &format!("sponsors/{id}.toml"),
        &format!(
            "# Träger seit 2026\nid = \"{id}\"\nname = \"{id} e.V.\"\nproject = \"Projekt\"\nfield = \"youth-education\"\nstart = 2026-01-01\n{end}{extra}"
        ),
    );
}

fn folder() -> Folder {
    let f = Folder::new();
    sponsor(&f, "lesewelt", "end = 2027-03-31\n", "");
    sponsor(
        &f,
        "jobbruecke",
        "end = 2028-12-31\n",
        "continuation = \"planned\"\n",
    );
    f
}

#[test]
fn add_and_done_keep_the_file_and_name_a_deadline_by_kind_and_due() {
    let f = folder();
    f.english();
    f.run(&[
        "sponsor",
        "deadline",
        "add",
        "lesewelt",
        "--kind",
        "sachbericht",
        "--due",
        "2026-11-20",
        "--notes",
        "Zwischenbericht",
    ])
    .ok();
    f.run(&[
        "sponsor",
        "deadline",
        "add",
        "lese",
        "--kind",
        "mittelabruf",
        "--due",
        "2026-12-15",
    ])
    .ok();
    let text = f.read("sponsors/lesewelt.toml");
    assert!(text.starts_with("# Träger seit 2026\n"), "{text}");
    assert_eq!(text.matches("[[deadlines]]").count(), 2, "{text}");
    // The same kind and due date again: refused, nothing written.
    f.run(&[
        "sponsor",
        "deadline",
        "add",
        "lesewelt",
        "--kind",
        "sachbericht",
        "--due",
        "2026-11-20",
    ])
    .code(1)
    .has("already has");
    assert_eq!(f.read("sponsors/lesewelt.toml"), text);
    // Done late: written, with a note on how late.
    f.run(&[
        "sponsor",
        "deadline",
        "done",
        "lesewelt",
        "--kind",
        "sachbericht",
        "--due",
        "2026-11-20",
        "--date",
        "2026-11-24",
    ])
    .ok()
    .has("handed in 4 day(s) after the deadline");
    assert!(
        f.read("sponsors/lesewelt.toml")
            .contains("done = 2026-11-24")
    );
    f.run(&[
        "sponsor",
        "deadline",
        "done",
        "lesewelt",
        "--kind",
        "sachbericht",
        "--due",
        "2026-11-20",
    ])
    .code(1)
    .has("already marked done");
    // An unknown one lists the sponsor's deadlines.
    f.run(&[
        "sponsor",
        "deadline",
        "done",
        "lesewelt",
        "--kind",
        "verwendungsnachweis",
        "--due",
        "2026-11-20",
    ])
    .code(1)
    .has("--kind mittelabruf --due 2026-12-15");
    f.run(&[
        "sponsor",
        "deadline",
        "done",
        "lesewelt",
        "--kind",
        "mittelabruf",
        "--due",
        "2026-12-15",
        "--date",
        "2026-12-01",
    ])
    .code(2)
    .has("future");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn check_finds_duplicates_and_done_in_the_future() {
    let f = folder();
    f.english();
    sponsor(
        &f,
        "doppelt",
        "",
        "\n[[deadlines]]\nkind = \"sachbericht\"\ndue = 2026-06-30\n\n[[deadlines]]\nkind = \"sachbericht\"\ndue = 2026-06-30\ndone = 2026-12-24\n\n[[deadlines]]\nkind = \"bericht\"\ndue = 2026-06-30\n",
    );
    f.run(&["check"])
        .code(1)
        .has("sponsors/doppelt.toml:")
        .has("already has a sachbericht deadline due 2026-06-30")
        .has("lies in the future")
        .has("`deadlines[3].kind` = \"bericht\"");
}

#[test]
fn agenda_lists_due_and_overdue_deadlines_and_open_continuations() {
    let f = folder();
    sponsor(
        &f,
        "lesewelt",
        "end = 2027-03-31\n",
        "\n[[deadlines]]\nkind = \"sachbericht\"\ndue = 2026-11-20\n\n[[deadlines]]\nkind = \"mittelabruf\"\ndue = 2026-12-01\n\n[[deadlines]]\nkind = \"verwendungsnachweis\"\ndue = 2027-03-31\n\n[[deadlines]]\nkind = \"participant-data\"\ndue = 2026-11-10\ndone = 2026-11-12\n",
    );
    let v = f.run(&["--json", "agenda", "--days", "14"]).ok().json();
    let due: Vec<(String, bool)> = v["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["kind"].as_str().unwrap().to_string(),
                d["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        due,
        [
            ("sachbericht".to_string(), true),
            ("mittelabruf".to_string(), false)
        ]
    );
    // lesewelt ends 2027-03-31 (within 6 months) with continuation open; jobbruecke is planned.
    let open: Vec<&str> = v["open_continuations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["sponsor"].as_str().unwrap())
        .collect();
    assert_eq!(open, ["lesewelt"]);
    f.run(&["agenda"])
        .ok()
        .has("Fristen der Träger")
        .has("20.11.2026 (überfällig)")
        .has("Verstetigung noch offen");
    // A reminder about today, not a finding.
    f.run(&["check", "--strict"]).ok().lacks("lesewelt");
}

#[test]
fn report_counts_deadlines_due_met_overdue_and_continuation_of_active_sponsors() {
    let f = Folder::new();
    sponsor(
        &f,
        "lesewelt",
        "end = 2027-03-31\n",
        "continuation = \"secured\"\n\n[[deadlines]]\nkind = \"mittelabruf\"\ndue = 2026-10-05\ndone = 2026-10-05\n\n[[deadlines]]\nkind = \"sachbericht\"\ndue = 2026-10-10\ndone = 2026-10-20\n\n[[deadlines]]\nkind = \"participant-data\"\ndue = 2026-10-20\ndone = 2026-11-03\n\n[[deadlines]]\nkind = \"other\"\ndue = 2026-10-31\n\n[[deadlines]]\nkind = \"verwendungsnachweis\"\ndue = 2026-11-15\n",
    );
    // Ends mid-October: still active in October, and counted as open.
    sponsor(&f, "mitte", "end = 2026-10-15\n", "");
    sponsor(
        &f,
        "vorbei",
        "end = 2026-09-30\n",
        "continuation = \"ending\"\n",
    );
    let v = f
        .run(&[
            "report", "monthly", "--month", "2026-10", "--format", "json",
        ])
        .ok()
        .json();
    insta::assert_json_snapshot!(
        "october_sponsor_deadlines_and_continuation",
        serde_json::json!({
            "continuation": v["sponsors"]["continuation"],
            "deadlines": v["sponsors"]["deadlines"],
            "active": v["sponsors"]["active"],
        })
    );
    assert_eq!(
        v["sponsors"]["deadlines"],
        serde_json::json!({"due": 4, "met": 1, "overdue": 2})
    );
    let nov = f
        .run(&[
            "report", "monthly", "--month", "2026-11", "--format", "json",
        ])
        .ok()
        .json();
    assert_eq!(
        nov["sponsors"]["deadlines"],
        serde_json::json!({"due": 1, "met": 0, "overdue": 2})
    );
    assert_eq!(
        nov["sponsors"]["continuation"],
        serde_json::json!({"secured": 1})
    );
    f.run(&["report", "monthly", "--month", "2026-10"])
        .ok()
        .has("Aktive Projektträger nach Verstetigung")
        .has("gesichert")
        .has("davon fristgerecht erledigt")
        .has("Fristen der Projektträger");
}

#[test]
fn status_reminds_of_an_open_continuation_and_check_stays_clean() {
    let f = folder();
    let v = f.run(&["--json", "status"]).ok().json();
    assert_eq!(v["open_continuations"][0]["sponsor"], "lesewelt");
    assert_eq!(v["open_continuations"].as_array().unwrap().len(), 1);
    f.run(&["status"])
        .ok()
        .has("Verstetigung noch offen")
        .has("lesewelt");
    // Ended, or continuation planned: no reminder.
    sponsor(
        &f,
        "lesewelt",
        "end = 2027-03-31\n",
        "continuation = \"planned\"\n",
    );
    let v = f.run(&["--json", "status"]).ok().json();
    assert_eq!(v["open_continuations"], serde_json::json!([]));
}
