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
    .has("--staff: (check --strict) „Mitarbeiter/in“ = \"zz\" steht nicht unter [staff] oder [staff.former] in quartier.toml (bekannt: eb, mk)")
    .has("Es wurde nichts geschrieben.");
}

#[test]
fn a_refusal_of_flags_names_keys_by_label_and_days_as_the_office_reads_them() {
    // the person typing flags never saw the file: no `birth_year`, no ISO day
    let f = Folder::new();
    f.client("K-7F3A", "");
    f.run(&["client", "new", "--birth-year", "88"])
        .code(2)
        .has("--birth-year: „Geburtsjahr“ 88 ist nicht plausibel (vor 1900)")
        .lacks("`birth_year`");
    f.run(&["--lang", "en", "client", "new", "--birth-year", "88"])
        .code(2)
        .has("--birth-year: “Birth year” 88 is not plausible (before 1900)");
    f.run(&[
        "client",
        "consent",
        "7f3a",
        "--scope",
        "referral",
        "--date",
        "2026-11-26",
    ])
    .code(2)
    .has("--date: „Datum“ 26.11.2026 (Eintrag 1) liegt in der Zukunft")
    .lacks("consents.date");
    // a birth date is personal data, not contact data
    f.run(&["client", "new", "--notes", "geb. 10.12.1985"])
        .code(2)
        .has("--notes: (check --strict) Datenschutz: „Notizen“ scheint ein vollständiges Geburtsdatum zu enthalten; Datensätze dürfen keine persönlichen Daten enthalten")
        .lacks("Kontaktdaten");
    let event = [
        "event",
        "add",
        "--date",
        "2026-11-20",
        "--title",
        "Fest",
        "--kind",
        "workshop",
        "--status",
        "done",
        "--total",
        "23",
        "--women",
        "10",
        "--men",
        "10",
        "--diverse",
        "5",
        "--migrants",
        "3",
    ];
    f.run(&event)
        .code(2)
        .has("die Teilnehmendenzahlen gehen nicht auf: Frauen + Männer + divers = 25 ist mehr als gesamt = 23");
    assert!(!f.exists("events/2026"));

    // `check` keeps saying the key and the day as the file holds them
    f.client("K-8G4B", "birth_year = 88");
    f.run(&["check"])
        .code(1)
        .has("clients/K-8G4B.toml:3: error: `birth_year` 88 ist nicht plausibel (vor 1900)");
}

#[test]
fn client_consent_confirms_with_a_german_day_and_no_double_brackets() {
    let f = Folder::new();
    f.client("K-7F3A", "");
    f.run(&[
        "client",
        "consent",
        "7f3a",
        "--scope",
        "referral",
        "--date",
        "2026-11-24",
    ])
    .ok()
    .has("K-7F3A: Einwilligung vom 24.11.2026 eingetragen: Vermittlung (Weitergabe an Partner)")
    .lacks("))");
    f.run(&[
        "--lang",
        "en",
        "client",
        "consent",
        "7f3a",
        "--scope",
        "processing",
        "--date",
        "2026-11-24",
    ])
    .ok()
    .has("K-7F3A: consent of 2026-11-24 recorded: Data processing");
}

#[test]
fn the_stores_last_word_on_a_write_says_days_and_keys_as_the_office_reads_them() {
    // a finding about two records (the referral before the client's first
    // contact) is the store's verdict, not the flags': said the same way
    let f = Folder::new();
    f.client("K-7F3A", "consent = 2026-01-10");
    f.write(
        "partners/caritas.toml",
        "id = \"caritas\"\nname = \"Caritas\"\nkind = \"counselling\"\n",
    );
    let add = [
        "referral",
        "add",
        "--date",
        "2026-01-05",
        "--client",
        "7f3a",
        "--partner",
        "caritas",
        "--topic",
        "housing",
    ];
    f.run(&add)
        .code(1)
        .has("die Vermittlung ist auf den 05.01.2026 datiert, vor dem Erstkontakt von Klient/in K-7F3A (10.01.2026): korrigieren Sie das Datum oder „Erstkontakt“ der Klientin bzw. des Klienten")
        .lacks("2026-01-05")
        .lacks("`first_contact`");
    f.run(&[&["--lang", "en"][..], &add[..]].concat())
        .code(1)
        .has("the referral is dated 2026-01-05, before the first contact of client K-7F3A (2026-01-10): fix the date or the client's “First contact”");
    assert!(!f.exists("referrals/2026"));
}

#[test]
fn referral_add_warns_of_a_missing_consent_in_the_office_words() {
    // was: "… aber es gibt kein Datum `consent` (Vermittlung vom 2026-11-20)"
    let f = Folder::new();
    f.client("K-7F3A", "");
    f.write(
        "partners/caritas.toml",
        "id = \"caritas\"\nname = \"Caritas\"\nkind = \"counselling\"\n",
    );
    f.run(&[
        "referral", "add", "--date", "2026-11-20", "--client", "7f3a", "--partner", "caritas",
        "--topic", "housing",
    ])
    .ok()
    .has("aber es ist keine Einwilligung eingetragen (Vermittlung vom 20.11.2026): erfassen Sie zuerst die Einwilligung")
    .lacks("`consent`)");
    // check says the key and the day as the file holds them
    f.run(&["check"])
        .ok()
        .has("aber es ist keine Einwilligung (`consent`) eingetragen (Vermittlung vom 2026-11-20)");
}
