//! The interface language: German by default, `--lang`, the personal
//! `language`, `office.language`; the personal `staff` default.

use crate::support::{Folder, run_in};

#[test]
fn help_is_german_by_default_and_english_with_lang_en() {
    let dir = crate::support::tempdir();
    run_in(dir.path(), &["--help"], &[])
        .ok()
        .has("Aufruf: quartier [OPTIONEN] <BEFEHL>")
        .has("Befehle:")
        .has("Optionen:")
        .has("Ablage und ESF-Tätigkeitsberichte")
        .has("Beispiel: quartier report monthly --previous")
        .has("Hilfe anzeigen")
        .lacks("Usage:");
    run_in(dir.path(), &["--lang", "en", "--help"], &[])
        .ok()
        .has("Usage: quartier [OPTIONS] <COMMAND>")
        .has("Records and ESF activity reports")
        .has("Example: quartier report monthly --previous")
        .lacks("Aufruf");
}

#[test]
fn schema_flags_take_the_schema_help_in_the_interface_language() {
    let dir = crate::support::tempdir();
    run_in(dir.path(), &["appointment", "add", "--help"], &[])
        .ok()
        .has("Dauer in Minuten");
    run_in(
        dir.path(),
        &["--lang=en", "appointment", "add", "--help"],
        &[],
    )
    .ok()
    .has("Length in minutes");
}

#[test]
fn personal_and_office_language_choose_the_interface() {
    let f = Folder::new();
    f.client("K-7F3A", "");
    let bad = [
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "3/12/2026",
    ];
    f.run(&bad).code(2).has("ist kein Datum");
    std::fs::create_dir_all(f.parent().join("quartier")).unwrap();
    std::fs::write(
        f.parent().join("quartier/config.toml"),
        "language = \"en\"\n",
    )
    .unwrap();
    f.run(&bad).code(2).has("is not a date");
    let mut de = vec!["--lang", "de"];
    de.extend(bad);
    f.run(&de).code(2).has("ist kein Datum");
    std::fs::remove_file(f.parent().join("quartier/config.toml")).unwrap();
    f.write(
        "quartier.toml",
        &crate::support::CONFIG.replace("language = \"de\"", "language = \"en\""),
    );
    f.run(&bad).code(2).has("is not a date");
}

#[test]
fn the_personal_staff_is_the_default_staff_and_a_broken_file_is_named() {
    let f = Folder::new();
    f.client("K-7F3A", "");
    std::fs::create_dir_all(f.parent().join("quartier")).unwrap();
    std::fs::write(f.parent().join("quartier/config.toml"), "staff = \"mk\"\n").unwrap();
    let v = f
        .run(&["--json", "appointment", "add", "--client", "K-7F3A"])
        .ok()
        .json();
    let text = std::fs::read_to_string(v["path"].as_str().unwrap()).unwrap();
    assert!(text.contains("staff = \"mk\""), "{text}");
    let v = f
        .run(&[
            "--json",
            "appointment",
            "add",
            "--client",
            "K-7F3A",
            "--staff",
            "eb",
        ])
        .ok()
        .json();
    let text = std::fs::read_to_string(v["path"].as_str().unwrap()).unwrap();
    assert!(text.contains("staff = \"eb\""), "{text}");
    std::fs::write(f.parent().join("quartier/config.toml"), "staf = \"mk\"\n").unwrap();
    f.run(&["appointment", "list"])
        .ok()
        .has("config.toml wird nicht beachtet");
}

#[test]
fn initials_in_capitals_are_written_as_the_staff_list_spells_them() {
    // `staff = "MK"` personally, `--staff EB` typed: refused before
    // ("steht nicht unter [staff]"), now `mk` and `eb`
    let f = Folder::new();
    f.client("K-7F3A", "");
    std::fs::create_dir_all(f.parent().join("quartier")).unwrap();
    std::fs::write(f.parent().join("quartier/config.toml"), "staff = \"MK\"\n").unwrap();
    let v = f
        .run(&["--json", "appointment", "add", "--client", "K-7F3A"])
        .ok()
        .json();
    let text = std::fs::read_to_string(v["path"].as_str().unwrap()).unwrap();
    assert!(text.contains("staff = \"mk\""), "{text}");
    let v = f
        .run(&[
            "--json", "contact", "add", "--kind", "phone", "--staff", "EB",
        ])
        .ok()
        .json();
    let text = std::fs::read_to_string(v["path"].as_str().unwrap()).unwrap();
    assert!(text.contains("staff = \"eb\""), "{text}");
    // initials of no one stay refused
    f.run(&["contact", "add", "--kind", "phone", "--staff", "XY"])
        .code(2)
        .has("XY");
    f.run(&["check", "--strict"]).ok();
}

/// Tables and `show` are the interface: they follow the personal
/// `language` like the messages do; a report is handed in and stays in
/// `office.language`.
#[test]
fn tables_follow_the_personal_language_and_reports_the_office() {
    let f = Folder::new();
    f.write(
        "quartier.toml",
        &crate::support::CONFIG.replace("language = \"de\"", "language = \"en\""),
    );
    f.client("K-7F3A", "gender = \"f\"");
    f.run(&["client", "list"]).ok().has("Gender").has("female");
    std::fs::create_dir_all(f.parent().join("quartier")).unwrap();
    std::fs::write(
        f.parent().join("quartier/config.toml"),
        "language = \"de\"\n",
    )
    .unwrap();
    f.run(&["client", "list"])
        .ok()
        .has("Geschlecht")
        .has("weiblich")
        .lacks("Gender");
    f.run(&["client", "show", "K-7F3A"])
        .ok()
        .has("Geschlecht")
        .lacks("Gender");
    f.run(&["client", "show", "nope"])
        .code(1)
        .has("gibt es nicht");
    // the report is the office's, in English
    f.run(&["report", "monthly", "--month", "2026-01"])
        .ok()
        .has("Monthly report January 2026")
        .lacks("Monatsbericht");
}

/// The placeholders of flag values are German words in the German help
/// and in clap's errors (`--date <DATUM>`), English with `--lang en`.
#[test]
fn value_placeholders_speak_the_interface_language() {
    let f = Folder::new();
    f.run(&["appointment", "add", "--help"])
        .ok()
        .has("--date <DATUM>")
        .has("--records <ORDNER>")
        .lacks("<DATE>");
    f.run(&["appointment", "add", "--date"])
        .code(2)
        .has("`--date <DATUM>` braucht einen Wert");
    f.run(&["--lang", "en", "appointment", "add", "--help"])
        .ok()
        .has("--date <DATE>");
}
