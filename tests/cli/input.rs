//! Dates, months, times and durations as people type them, through the flags.

use crate::support::Folder;

fn folder() -> Folder {
    let f = Folder::new();
    f.client("K-7F3A", "consent = 2026-01-10");
    f
}

fn the_appointment(f: &Folder, month: &str) -> String {
    let dir = f.path(&format!("appointments/{month}"));
    let file = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .next()
        .expect("one appointment")
        .unwrap()
        .path();
    std::fs::read_to_string(file).unwrap()
}

#[test]
fn german_date_time_and_duration_flags_are_read() {
    let f = folder();
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "3.12.2026",
        "--time",
        "9",
        "--duration",
        "45min",
    ])
    .ok();
    let text = the_appointment(&f, "2026/12");
    assert!(text.contains("date = 2026-12-03"), "{text}");
    assert!(text.contains("time = 09:00:00"), "{text}");
    assert!(text.contains("duration = 45"), "{text}");
    assert!(text.contains("status = \"planned\""), "{text}");
}

#[test]
fn hours_and_weekdays_are_read() {
    let f = folder();
    // 2026-11-25 is a Wednesday: `freitag` is the 27th.
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "freitag",
        "--time",
        "14:30",
        "--duration",
        "1:30",
    ])
    .ok();
    let text = the_appointment(&f, "2026/11");
    assert!(text.contains("date = 2026-11-27"), "{text}");
    assert!(text.contains("time = 14:30:00"), "{text}");
    assert!(text.contains("duration = 90"), "{text}");
}

#[test]
fn a_german_month_filters_a_list() {
    let f = folder();
    for date in ["24.11.", "gestern", "2.10.2026"] {
        f.run(&["appointment", "add", "--client", "K-7F3A", "--date", date])
            .ok();
    }
    let run = f.run(&["--json", "appointment", "list", "--month", "11.2026"]);
    run.ok();
    let dates: Vec<String> = run
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["date"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(dates, vec!["2026-11-24", "2026-11-24"], "{dates:?}");
    let run = f.run(&["--json", "appointment", "list", "--month", "10/2026"]);
    assert_eq!(run.json().as_array().unwrap().len(), 1);
}

#[test]
fn a_value_that_cannot_be_read_shows_the_forms_that_can() {
    let f = folder();
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "3/12/2026",
    ])
    .code(2)
    .has("`3/12/2026` ist kein Datum")
    .has("25.11.2026")
    .has("übermorgen");
    f.run(&[
        "--lang",
        "en",
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "3/12/2026",
    ])
    .code(2)
    .has("`3/12/2026` is not a date")
    .has("tomorrow");
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--duration",
        "eine Stunde",
    ])
    .code(2)
    .has("45min");
    f.run(&["appointment", "list", "--month", "Nov"])
        .code(2)
        .has("11.2026");
    assert!(!f.exists("appointments"));
}

#[test]
fn the_29th_of_february_of_a_common_year_is_refused() {
    let f = folder();
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "29.02.",
    ])
    .code(2)
    .has("den 29.02. gibt es 2026 nicht");
    assert!(!f.exists("appointments"));
}

/// Records hold codes (SPEC §1.2) and a name is refused like any bad code,
/// but the refusal names the code people meant.
#[test]
fn a_country_or_language_typed_by_name_is_refused_with_its_code() {
    let f = folder();
    f.run(&[
        "client",
        "new",
        "--first-contact",
        "1.10.2026",
        "--origin",
        "Syrien",
    ])
    .code(2)
    .has("ISO 3166-1")
    .has("meinten Sie `SY` (Syrien)?");
    f.run(&[
        "--lang",
        "en",
        "client",
        "new",
        "--first-contact",
        "1.10.2026",
        "--languages",
        "de,arabisch",
    ])
    .code(2)
    .has("ISO 639-1")
    .has("did you mean `ar` (Arabic)?");
    f.run(&["client", "list", "--origin", "Kosovo"])
        .code(2)
        .has("`XK` (Kosovo)");
    f.run(&[
        "client",
        "new",
        "--first-contact",
        "1.10.2026",
        "--origin",
        "Atlantis",
    ])
    .code(2)
    .lacks("meinten Sie");
    assert_eq!(std::fs::read_dir(f.path("clients")).unwrap().count(), 1);
}
