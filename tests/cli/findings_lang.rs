//! `check`'s findings, its summary line and the write refusals speak the
//! interface language (German by default, English with `--lang en`); the
//! line format `path:line: error|warning: message` and `check --json`'s
//! typed `code` stay the same in both.

use crate::support::Folder;

/// One client with an unknown key (an error on line 3) and a phone number
/// in its notes (a privacy warning).
fn folder() -> Folder {
    let f = Folder::new();
    f.client(
        "K-7F3A",
        "bogus = 1\nnotes = \"Rückruf unter 0176 12345678\"",
    );
    f
}

#[test]
fn a_check_finding_and_the_summary_in_german_and_in_english() {
    let f = folder();
    f.run(&["check"])
        .code(1)
        .has("clients/K-7F3A.toml:3: error: unbekannter Schlüssel `bogus` (bekannte Schlüssel: id,")
        .has("clients/K-7F3A.toml:4: warning: Datenschutz: `notes` scheint eine Telefonnummer zu enthalten")
        .has("1 Fehler, 1 Warnung\n")
        .lacks("unknown key")
        .lacks("error(s)");
    f.run(&["--lang", "en", "check"])
        .code(1)
        .has("clients/K-7F3A.toml:3: error: unknown key `bogus` (known keys: id,")
        .has("clients/K-7F3A.toml:4: warning: privacy: `notes` seems to contain a phone number")
        .has("1 error, 1 warning\n")
        .lacks("unbekannter");
}

#[test]
fn the_summary_counts_in_the_plural() {
    let f = folder();
    f.client("K-8G4B", "bogus = 1\nnotes = \"Mail an max@example.org\"");
    f.run(&["check"]).code(1).has("2 Fehler, 2 Warnungen\n");
    f.run(&["--lang", "en", "check"])
        .code(1)
        .has("2 errors, 2 warnings\n");
}

#[test]
fn check_json_carries_the_code_of_each_finding() {
    let f = folder();
    let run = f.run(&["check", "--json"]);
    run.code(1);
    let json = run.json();
    let findings = json.as_array().expect("an array");
    let codes: Vec<&str> = findings
        .iter()
        .map(|x| x["code"].as_str().expect("a code"))
        .collect();
    assert_eq!(codes, ["unknown-key", "privacy-field"], "{json:#}");
    for x in findings {
        for key in ["path", "line", "severity", "message"] {
            assert!(x.get(key).is_some(), "{key} missing: {x}");
        }
    }
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["line"], 3);
    let en = f.run(&["--lang", "en", "check", "--json"]).json();
    assert_eq!(en[0]["code"], "unknown-key");
    assert!(
        en[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("unknown key `bogus`"),
        "{en:#}"
    );
}

#[test]
fn a_write_refusal_names_the_flag_in_german() {
    let f = Folder::new();
    let add = [
        "appointment",
        "add",
        "--client",
        "K-XXXX",
        "--date",
        "2026-11-20",
        "--kind",
        "consultation",
    ];
    f.run(&add)
        .code(1)
        .has("--client: Klient/in `K-XXXX` gibt es nicht; mit `quartier client list` sehen Sie alle. Es wurde nichts geschrieben.")
        .lacks("Nothing was written");
    f.run(&[&["--lang", "en"][..], &add[..]].concat())
        .code(1)
        .has("--client: client `K-XXXX` does not exist; `quartier client list` shows them. Nothing was written.");
    assert!(!f.exists("appointments/2026"));
}

#[test]
fn a_rule_book_refusal_of_a_flag_is_german() {
    let f = Folder::new();
    f.client("K-7F3A", "");
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "2026-11-20",
        "--kind",
        "consultation",
        "--staff",
        "zz",
    ])
    .code(2)
    .has("--staff: (check --strict) `staff` = \"zz\" steht nicht unter [staff] oder [staff.former] in quartier.toml (bekannt: eb, mk)")
    .has("Es wurde nichts geschrieben.");
}
