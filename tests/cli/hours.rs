//! `[[hours]]` in `quartier.toml`: read, checked, shown by `agenda`.

use crate::support::{CONFIG, Folder};

pub const HOURS: &str = r#"
[[hours]]
day = "friday"
from = 10:00:00
to = 16:00:00
kind = "asylum"
location = "Stadtteilladen, Merseburger Straße 1"
languages = ["de", "ar", "fa"]

[[hours]]
day = "wednesday"
from = 14:00:00
to = 16:00:00
kind = "organisation"
location = "Stadtteilbüro"
"#;

fn folder_with_hours() -> Folder {
    let f = Folder::new();
    f.write("quartier.toml", &format!("{CONFIG}{HOURS}"));
    f
}

#[test]
fn agenda_shows_todays_hours_only() {
    // 2026-11-25 is a Wednesday.
    let f = folder_with_hours();
    // a wide table: piped tables are 80 columns wide and shorten long text
    f.run_env(&["agenda"], &[("COLUMNS", "200")])
        .ok()
        .has("Sprechstunden heute")
        .has("14:00–16:00")
        .has("Interkulturelle Öffnung")
        .lacks("10:00–16:00");
    let json = f.run(&["--json", "agenda"]).ok().json();
    assert_eq!(
        json["hours"],
        serde_json::json!([{"day": "wednesday", "from": "14:00", "to": "16:00",
            "kind": "organisation", "location": "Stadtteilbüro", "languages": []}])
    );
    let friday = f.run_env(&["--json", "agenda"], &[("QUARTIER_TODAY", "2026-11-27")]);
    assert_eq!(
        friday.ok().json()["hours"][0]["languages"],
        serde_json::json!(["de", "ar", "fa"])
    );
}

#[test]
fn agenda_without_hours_today_says_nothing_about_them() {
    let f = folder_with_hours();
    f.run_env(&["agenda"], &[("QUARTIER_TODAY", "2026-11-26")])
        .ok()
        .lacks("Sprechstunden heute");
    Folder::new()
        .run(&["agenda"])
        .ok()
        .lacks("Sprechstunden heute");
}

#[test]
fn check_names_a_bad_hour_with_its_line() {
    let f = Folder::new();
    f.write(
        "quartier.toml",
        &format!("{CONFIG}\n[[hours]]\nday = \"freitag\"\nfrom = 16:00:00\nto = 10:00:00\nkind = \"asylum\"\n"),
    );
    let run = f.run(&["check"]);
    run.code(1)
        .has("quartier.toml:")
        .has("hours[1].day")
        .has("friday")
        .has("hours[1].to");
}
