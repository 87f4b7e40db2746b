//! `quartier check`: one test per rule of SPEC §1.3, each with a fixture and
//! the finding it must give; broken files of every kind; check never writes.

use crate::support::{Folder, run_in};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SPONSOR: &str = "sponsors/jugendwerk.toml";
const PARTNER: &str = "partners/caritas.toml";
const CLIENT: &str = "clients/K-AB12.toml";
const CONSULTATION: &str = "appointments/2026/11/apt-20261120-a1b2.toml";
const MEETING: &str = "appointments/2026/11/apt-20261121-s1s2.toml";
const REFERRAL: &str = "referrals/2026/11/ref-20261120-r1r2.toml";
const EVENT: &str = "events/2026/11/evt-20261118-e1e2.toml";

const SPONSOR_TEXT: &str = r#"id = "jugendwerk"
name = "Jugendwerk e.V."
project = "Lernwerkstatt"
field = "youth-education"
start = 2026-01-01
"#;

const PARTNER_TEXT: &str = r#"id = "caritas"
name = "Caritas Migrationsberatung"
kind = "counselling"
offers = ["residence", "family"]
languages = ["de", "ar"]
"#;

const CLIENT_TEXT: &str = r#"id = "K-AB12"
first_contact = 2026-01-10
consent = 2026-01-10
"#;

const CONSULTATION_TEXT: &str = r#"id = "apt-20261120-a1b2"
date = 2026-11-20
kind = "consultation"
status = "done"
client = "K-AB12"
topics = ["residence"]
"#;

const MEETING_TEXT: &str = r#"id = "apt-20261121-s1s2"
date = 2026-11-21
kind = "sponsor"
status = "done"
sponsor = "jugendwerk"
"#;

const REFERRAL_TEXT: &str = r#"id = "ref-20261120-r1r2"
date = 2026-11-20
client = "K-AB12"
partner = "caritas"
topic = "residence"
status = "open"
appointment = "apt-20261120-a1b2"
"#;

const EVENT_TEXT: &str = r#"id = "evt-20261118-e1e2"
date = 2026-11-18
title = "Netzwerktreffen"
kind = "network"
status = "done"
partners = ["caritas"]
sponsors = ["jugendwerk"]

[participants]
total = 12
women = 6
men = 5
diverse = 0
migrants = 4
"#;

/// A clean folder with one record of every kind, all referring to each other.
fn valid() -> Folder {
    let f = Folder::new();
    f.write(SPONSOR, SPONSOR_TEXT)
        .write(PARTNER, PARTNER_TEXT)
        .write(CLIENT, CLIENT_TEXT)
        .write(CONSULTATION, CONSULTATION_TEXT)
        .write(MEETING, MEETING_TEXT)
        .write(REFERRAL, REFERRAL_TEXT)
        .write(EVENT, EVENT_TEXT);
    f
}

/// `text` with the line that sets `key` replaced by `line` ("" drops it).
fn set(text: &str, key: &str, line: &str) -> String {
    let mut found = false;
    let mut out: Vec<&str> = Vec::new();
    for l in text.lines() {
        if l.split('=').next().is_some_and(|k| k.trim() == key) && !found {
            found = true;
            if !line.is_empty() {
                out.push(line);
            }
        } else {
            out.push(l);
        }
    }
    if !found {
        // new keys go before a trailing table
        let at = out
            .iter()
            .position(|l| l.starts_with('['))
            .unwrap_or(out.len());
        out.insert(at, line);
    }
    out.join("\n") + "\n"
}

/// The one finding line about `path`, e.g. "…/clients/K-AB12.toml:3: error: …".
fn lines_about(stdout: &str, rel: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| l.contains(&format!("{rel}:")))
        .map(str::to_string)
        .collect()
}

#[test]
fn clean_folder_passes() {
    let f = valid();
    f.english();
    f.run(&["check", "--strict"])
        .ok()
        .has("no problems found")
        .lacks("error")
        .lacks("warning");
    assert!(f.run(&["check"]).stdout.is_empty());
}

#[test]
fn toml_syntax_error_names_file_and_line() {
    let f = valid();
    f.english();
    f.write(
        CLIENT,
        "id = \"K-AB12\"\nfirst_contact = 2026-01-10\nnotes = \"unclosed\n",
    );
    f.run(&["check"])
        .code(1)
        .has(&format!("{CLIENT}:3: error: TOML syntax"));
}

/// The TOML reader's own words speak German too (the `toml` crate's are English).
#[test]
fn toml_syntax_errors_speak_german() {
    let f = valid();
    f.write(
        CLIENT,
        "id = \"K-AB12\"\nfirst_contact = 2026-01-10\nnotes = verschoben\n",
    );
    f.run(&["check"])
        .code(1)
        .has(&format!(
            "{CLIENT}:3: error: TOML-Syntax: Text muss in Anführungszeichen stehen; erwartet: Text in Anführungszeichen"
        ))
        .lacks("string values");
    f.write(
        "quartier.toml",
        &crate::support::CONFIG.replace("language = \"de\"", "language = de"),
    );
    f.run(&["check"])
        .code(1)
        .has("quartier.toml:5: error: TOML-Syntax: Text muss in Anführungszeichen stehen");
}

#[test]
fn conflict_markers_name_file_and_line() {
    let f = Folder::new();
    f.english();
    f.write("clients/K-AB12.toml", "id = \"K-AB12\"\n<<<<<<< HEAD\nfirst_contact = 2026-01-10\n=======\nfirst_contact = 2026-01-11\n>>>>>>> other\n");
    f.run(&["check"])
        .code(1)
        .has("clients/K-AB12.toml:2: error: git conflict marker")
        .has("clients/K-AB12.toml:4: error: git conflict marker")
        .has("clients/K-AB12.toml:6: error: git conflict marker");
}

#[test]
fn unknown_keys_are_errors_with_their_line() {
    let f = valid();
    f.english();
    f.write(CLIENT, &set(CLIENT_TEXT, "gendr", "gendr = \"f\""));
    f.write(EVENT, &(EVENT_TEXT.to_string() + "children = 3\n"));
    f.run(&["check"])
        .code(1)
        .has(&format!("{CLIENT}:4: error: unknown key `gendr`"))
        .has("did you mean `gender`?")
        .has(&format!(
            "{EVENT}:15: error: unknown key `participants.children`"
        ));
}

#[test]
fn missing_required_fields_per_kind() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            SPONSOR,
            SPONSOR_TEXT,
            &["id", "name", "project", "field", "start"],
        ),
        (PARTNER, PARTNER_TEXT, &["id", "name", "kind"]),
        (CLIENT, CLIENT_TEXT, &["id", "first_contact"]),
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            &["id", "date", "kind", "status", "client"],
        ),
        (MEETING, MEETING_TEXT, &["sponsor"]),
        (
            REFERRAL,
            REFERRAL_TEXT,
            &["id", "date", "client", "partner", "topic", "status"],
        ),
        (
            EVENT,
            EVENT_TEXT,
            &["id", "date", "title", "kind", "status"],
        ),
    ];
    for (rel, text, keys) in cases {
        for key in *keys {
            let f = valid();
            f.english();
            f.write(rel, &set(text, key, ""));
            let run = f.run(&["check"]);
            run.code(1).has(&format!(
                "{rel}:1: error: required field `{key}` is missing"
            ));
        }
    }
    let f = valid();
    // a key missing from a table is placed at its header
    f.write(EVENT, &EVENT_TEXT.replace("total = 12\n", ""));
    f.run(&["check"]).code(1).has(&format!(
        "{EVENT}:9: error: Pflichtfeld `participants.total` fehlt"
    ));
}

#[test]
fn wrong_types_are_errors_with_their_line() {
    let cases = [
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            "duration",
            "duration = \"45\"",
            "`duration` must be a whole number, not a string",
        ),
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            "interpreter",
            "interpreter = \"yes\"",
            "`interpreter` must be true or false",
        ),
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            "topics",
            "topics = \"residence\"",
            "`topics` must be a list of strings",
        ),
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            "date",
            "date = \"2026-11-20\"",
            "`date` must be a TOML date without quotes",
        ),
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            "time",
            "time = 1030",
            "`time` must be a time like 10:30:00",
        ),
        (
            CLIENT,
            CLIENT_TEXT,
            "birth_year",
            "birth_year = 1990.5",
            "`birth_year` must be a whole number, not a decimal number",
        ),
        (
            CLIENT,
            CLIENT_TEXT,
            "first_contact",
            "first_contact = 2026-01-10T10:00:00",
            "`first_contact` must be a date",
        ),
        (
            SPONSOR,
            SPONSOR_TEXT,
            "name",
            "name = 5",
            "`name` must be a string in quotes, not a whole number",
        ),
        (
            EVENT,
            EVENT_TEXT,
            "partners",
            "partners = [\"caritas\", 3]",
            "`partners` must be a list of strings",
        ),
    ];
    for (rel, text, key, line, message) in cases {
        let f = valid();
        f.english();
        let changed = set(text, key, line);
        let line_no = changed.lines().position(|l| l == line).unwrap() + 1;
        f.write(rel, &changed);
        f.run(&["check"])
            .code(1)
            .has(&format!("{rel}:{line_no}: error: {message}"));
    }
    let f = valid();
    f.write(
        EVENT,
        &EVENT_TEXT.replace(
            "[participants]\ntotal = 12\nwomen = 6\nmen = 5\ndiverse = 0\nmigrants = 4\n",
            "participants = 12\n",
        ),
    );
    f.run(&["check"])
        .code(1)
        .has("`participants` muss eine Tabelle [participants] sein");
}

#[test]
fn wrong_enum_values_list_the_choices() {
    let cases = [
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            "status",
            "status = \"finished\"",
            "`status` = \"finished\" is not one of planned | done | cancelled | no-show",
        ),
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            "kind",
            "kind = \"visit\"",
            "`kind` = \"visit\" is not one of consultation | sponsor",
        ),
        (
            CLIENT,
            CLIENT_TEXT,
            "gender",
            "gender = \"w\"",
            "`gender` = \"w\" is not one of f | m | d | unknown",
        ),
        (
            CLIENT,
            CLIENT_TEXT,
            "residence",
            "residence = \"asylum\"",
            "`residence` = \"asylum\" is not one of",
        ),
        (
            CLIENT,
            CLIENT_TEXT,
            "employment",
            "employment = \"jobless\"",
            "`employment` = \"jobless\" is not one of",
        ),
        (
            SPONSOR,
            SPONSOR_TEXT,
            "field",
            "field = \"sports\"",
            "`field` = \"sports\" is not one of youth-education | civic-education | employment-integration",
        ),
        (
            SPONSOR,
            SPONSOR_TEXT,
            "status",
            "status = \"paused\"",
            "`status` = \"paused\" is not one of active | ended",
        ),
        (
            PARTNER,
            PARTNER_TEXT,
            "kind",
            "kind = \"ngo\"",
            "`kind` = \"ngo\" is not one of authority",
        ),
        (
            REFERRAL,
            REFERRAL_TEXT,
            "status",
            "status = \"closed\"",
            "`status` = \"closed\" is not one of open | done | failed | withdrawn",
        ),
        (
            REFERRAL,
            REFERRAL_TEXT,
            "topic",
            "topic = \"debts\"",
            "`debts` is not a topic code",
        ),
        (
            EVENT,
            EVENT_TEXT,
            "kind",
            "kind = \"party\"",
            "`kind` = \"party\" is not one of info | network | workshop | other",
        ),
        (
            EVENT,
            EVENT_TEXT,
            "status",
            "status = \"held\"",
            "`status` = \"held\" is not one of planned | done | cancelled",
        ),
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            "topics",
            "topics = [\"residence\", \"debts\"]",
            "`debts` is not a topic code",
        ),
    ];
    for (rel, text, key, line, message) in cases {
        let f = valid();
        f.english();
        let changed = set(text, key, line);
        let line_no = changed.lines().position(|l| l == line).unwrap() + 1;
        f.write(rel, &changed);
        f.run(&["check"])
            .code(1)
            .has(&format!("{rel}:{line_no}: error: {message}"));
    }
}

#[test]
fn wrong_enum_values_list_the_choices_with_german_labels() {
    let cases = [
        (
            CONSULTATION,
            CONSULTATION_TEXT,
            "status",
            "status = \"finished\"",
            "`status` = \"finished\" ist keiner von planned (geplant) | done (stattgefunden) | cancelled (abgesagt) | no-show (nicht erschienen)",
        ),
        (
            CLIENT,
            CLIENT_TEXT,
            "gender",
            "gender = \"w\"",
            "`gender` = \"w\" ist keiner von f (weiblich) | m (männlich) | d (divers) | unknown (unbekannt)",
        ),
    ];
    for (rel, text, key, line, message) in cases {
        let f = valid();
        let changed = set(text, key, line);
        let line_no = changed.lines().position(|l| l == line).unwrap() + 1;
        f.write(rel, &changed);
        f.run(&["check"])
            .code(1)
            .has(&format!("{rel}:{line_no}: error: {message}"));
    }
}

#[test]
fn office_topic_codes_are_accepted() {
    let f = valid();
    f.write(
        "quartier.toml",
        &(crate::support::CONFIG.to_string()
            + "\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n"),
    );
    f.write(REFERRAL, &set(REFERRAL_TEXT, "topic", "topic = \"debts\""));
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn id_must_match_the_file_name() {
    let f = valid();
    f.english();
    f.write(CLIENT, &set(CLIENT_TEXT, "id", "id = \"K-CD34\""));
    f.run(&["check"]).code(1).has(&format!(
        "{CLIENT}:1: error: id `K-CD34` does not match the file name `K-AB12.toml`"
    ));
}

#[test]
fn id_must_have_its_kind_s_shape() {
    let f = valid();
    f.english();
    f.write(
        "clients/K-1.toml",
        "id = \"K-1\"\nfirst_contact = 2026-01-10\n",
    );
    f.write(
        "sponsors/Jugend_Werk.toml",
        &set(SPONSOR_TEXT, "id", "id = \"Jugend_Werk\""),
    );
    f.run(&["check"])
        .code(1)
        .has("clients/K-1.toml:1: error: id `K-1` is not a valid client id")
        .has("sponsors/Jugend_Werk.toml:1: error: id `Jugend_Werk` is not a valid sponsor id");
}

#[test]
fn id_mismatch_is_reported_even_when_fields_are_missing() {
    let f = valid();
    f.english();
    f.write(CLIENT, "id = \"K-CD34\"\n");
    f.run(&["check"])
        .code(1)
        .has(&format!("{CLIENT}:1: error: id `K-CD34` does not match"))
        .has("required field `first_contact` is missing");
}

#[test]
fn record_in_the_wrong_month_folder() {
    let f = valid();
    f.english();
    let rel = "appointments/2026/10/apt-20261120-a1b2.toml";
    std::fs::remove_file(f.path(CONSULTATION)).unwrap();
    f.write(rel, CONSULTATION_TEXT);
    f.run(&["check"])
        .code(1)
        .has(&format!(
            "{rel}:2: error: date 2026-11-20 does not belong in folder 2026/10: `quartier appointment edit apt-20261120-a1b2 --date 2026-11-20` moves the file to appointments/2026/11/ (or correct the date)"
        ));
}

#[test]
fn record_in_the_wrong_kind_folder() {
    let f = valid();
    f.english();
    std::fs::remove_file(f.path(PARTNER)).unwrap();
    f.write("sponsors/caritas.toml", PARTNER_TEXT);
    std::fs::remove_file(f.path(CONSULTATION)).unwrap();
    let rel = "referrals/2026/11/apt-20261120-a1b2.toml";
    f.write(rel, CONSULTATION_TEXT);
    let run = f.run(&["check"]);
    run.code(1)
        .has("sponsors/caritas.toml: error: file in the wrong place: this partner belongs in partners/caritas.toml")
        .has(&format!("{rel}: error: file in the wrong place: this appointment belongs in appointments/2026/11/apt-20261120-a1b2.toml"))
        // the misplaced files' ids are not reported as missing elsewhere
        .lacks("which does not exist");
    // one clear finding, not a list of unknown keys
    assert_eq!(
        lines_about(&run.stdout, "sponsors/caritas.toml").len(),
        1,
        "{}",
        run.stdout
    );
}

#[test]
fn record_too_deep_or_too_shallow() {
    let f = valid();
    f.english();
    std::fs::remove_file(f.path(CONSULTATION)).unwrap();
    std::fs::remove_file(f.path(CLIENT)).unwrap();
    f.write("appointments/apt-20261120-a1b2.toml", CONSULTATION_TEXT);
    f.write("clients/2026/K-AB12.toml", CLIENT_TEXT);
    f.write(
        "events/2026/13/evt-20261118-e2e3.toml",
        &EVENT_TEXT.replace("e1e2", "e2e3"),
    );
    f.run(&["check"])
        .code(1)
        .has("appointments/apt-20261120-a1b2.toml: error: file in the wrong place: this appointment belongs in appointments/2026/11/apt-20261120-a1b2.toml")
        .has("clients/2026/K-AB12.toml: error: file in the wrong place: this client belongs in clients/K-AB12.toml")
        .has("events/2026/13/evt-20261118-e2e3.toml: error: file in the wrong place: this event belongs in events/2026/11/evt-20261118-e2e3.toml");
}

#[test]
fn toml_file_outside_the_record_folders() {
    let f = valid();
    f.english();
    f.write(
        "client/K-CD34.toml",
        "id = \"K-CD34\"\nfirst_contact = 2026-01-10\n",
    );
    f.write("notes.toml", "x = 1\n");
    f.write("reports/monthly.html", "<html></html>");
    f.run(&["check"])
        .code(1)
        .has("client/K-CD34.toml: error: file in the wrong place")
        .has("notes.toml: error: file in the wrong place")
        .lacks("monthly.html");
}

#[test]
fn other_files_in_record_folders_are_warnings() {
    let f = valid();
    f.english();
    f.write("clients/K-AB12.toml~", CLIENT_TEXT);
    f.run(&["check"])
        .ok()
        .has("clients/K-AB12.toml~: warning: is not a record");
}

#[test]
fn duplicate_ids() {
    let f = valid();
    f.english();
    // a copy under another name that kept the id
    f.write(
        "appointments/2026/11/apt-20261120-zzzz.toml",
        CONSULTATION_TEXT,
    );
    f.run(&["check"])
        .code(1)
        .has("apt-20261120-zzzz.toml:1: error: duplicate id `apt-20261120-a1b2`");
}

#[test]
fn references_to_records_that_do_not_exist() {
    let f = valid();
    f.english();
    f.write(
        CONSULTATION,
        &set(CONSULTATION_TEXT, "client", "client = \"K-GONE\""),
    );
    f.write(
        MEETING,
        &set(MEETING_TEXT, "sponsor", "sponsor = \"gone-sponsor\""),
    );
    f.write(
        REFERRAL,
        &set(
            &set(
                &set(REFERRAL_TEXT, "client", "client = \"K-NONE\""),
                "partner",
                "partner = \"gone-partner\"",
            ),
            "appointment",
            "appointment = \"apt-20261101-zzzz\"",
        ),
    );
    f.write(
        EVENT,
        &set(
            &set(
                EVENT_TEXT,
                "partners",
                "partners = [\"caritas\", \"nobody\"]",
            ),
            "sponsors",
            "sponsors = [\"nosponsor\"]",
        ),
    );
    f.run(&["check"])
        .code(1)
        .has(&format!("{CONSULTATION}:5: error: `client` refers to client `K-GONE`, which does not exist"))
        .has(&format!("{MEETING}:5: error: `sponsor` refers to sponsor `gone-sponsor`, which does not exist"))
        .has(&format!("{REFERRAL}:3: error: `client` refers to client `K-NONE`, which does not exist"))
        .has(&format!("{REFERRAL}:4: error: `partner` refers to partner `gone-partner`, which does not exist"))
        .has(&format!("{REFERRAL}:7: error: `appointment` refers to appointment `apt-20261101-zzzz`, which does not exist"))
        .has(&format!("{EVENT}:6: error: `partners` refers to partner `nobody`, which does not exist"))
        .has(&format!("{EVENT}:7: error: `sponsors` refers to sponsor `nosponsor`, which does not exist"));
}

#[test]
fn a_reference_to_a_broken_record_is_not_called_missing() {
    let f = valid();
    f.write(CLIENT, "id = \"K-AB12\"\nfirst_contact = 2026-13-01\n");
    let run = f.run(&["check"]);
    run.code(1)
        .has(&format!("{CLIENT}:2: error"))
        .lacks("does not exist");
}

#[test]
fn referral_without_consent_is_a_warning() {
    let f = valid();
    f.english();
    f.write(CLIENT, &set(CLIENT_TEXT, "consent", ""));
    f.run(&["check"])
        .ok()
        .has(&format!("{REFERRAL}:3: warning: referral passes data of client K-AB12 on, but the client has no `consent` date"));
    f.run(&["check", "--strict"])
        .code(1)
        .has(&format!("{REFERRAL}:3: error: referral passes data"));

    f.write(CLIENT, &set(CLIENT_TEXT, "consent", "consent = 2026-11-21"));
    f.run(&["check"])
        .ok()
        .has("warning: referral passes data of client K-AB12 on, but the client consented only on 2026-11-21");

    // consent on the day of the referral is in time
    f.write(CLIENT, &set(CLIENT_TEXT, "consent", "consent = 2026-11-20"));
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn closed_must_match_the_status() {
    let f = valid();
    f.english();
    f.write(
        REFERRAL,
        &set(REFERRAL_TEXT, "closed", "closed = 2026-11-22"),
    );
    f.run(&["check"]).code(1).has(&format!(
        "{REFERRAL}:8: error: an `open` referral has no `closed` date"
    ));
    f.write(REFERRAL, &set(REFERRAL_TEXT, "status", "status = \"done\""));
    f.run(&["check"]).code(1).has(&format!(
        "{REFERRAL}:6: error: a `done` referral needs the date it was closed"
    ));
    let closed = set(
        &set(REFERRAL_TEXT, "status", "status = \"failed\""),
        "closed",
        "closed = 2026-11-22",
    );
    f.write(REFERRAL, &closed);
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn participant_counts_must_add_up() {
    let f = valid();
    f.english();
    f.write(EVENT, &EVENT_TEXT.replace("women = 6", "women = 9"));
    f.run(&["check"]).code(1).has(
        "error: participants do not add up: women + men + diverse = 14 is more than total = 12",
    );
    f.write(EVENT, &EVENT_TEXT.replace("migrants = 4", "migrants = 13"));
    f.run(&["check"])
        .code(1)
        .has("error: participants: migrants = 13 is more than total = 12");
    f.write(EVENT, &EVENT_TEXT.replace("diverse = 0", "diverse = -1"));
    f.run(&["check"]).code(1).has(&format!(
        "{EVENT}:13: error: `participants.diverse` must not be negative (-1)"
    ));
    let without = EVENT_TEXT.split("[participants]").next().unwrap();
    f.write(EVENT, without);
    f.run(&["check"]).code(1).has(&format!(
        "{EVENT}:5: error: a `done` event needs its participants"
    ));
    // a planned event has no participants yet
    f.write(EVENT, &set(without, "status", "status = \"planned\""));
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn negative_duration_and_family_members() {
    let f = valid();
    f.english();
    f.write(
        CONSULTATION,
        &set(
            &set(CONSULTATION_TEXT, "duration", "duration = -30"),
            "family_members",
            "family_members = -2",
        ),
    );
    f.run(&["check"])
        .code(1)
        .has(&format!(
            "{CONSULTATION}:7: error: `duration` must not be negative (-30 minutes)"
        ))
        .has(&format!(
            "{CONSULTATION}:8: error: `family_members` must not be negative (-2)"
        ));
}

#[test]
fn birth_year_in_the_future() {
    let f = valid();
    f.english();
    f.write(CLIENT, &set(CLIENT_TEXT, "birth_year", "birth_year = 2027"));
    f.run(&["check"]).code(1).has(&format!(
        "{CLIENT}:4: error: `birth_year` 2027 lies in the future"
    ));
    f.write(CLIENT, &set(CLIENT_TEXT, "birth_year", "birth_year = 2026"));
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn language_and_country_codes_must_be_iso() {
    let f = valid();
    f.english();
    f.write(
        CLIENT,
        &set(
            &set(CLIENT_TEXT, "origin", "origin = \"QQ\""),
            "languages",
            "languages = [\"ar\", \"arabic\"]",
        ),
    );
    f.write(
        CONSULTATION,
        &set(CONSULTATION_TEXT, "language", "language = \"AR\""),
    );
    f.write(
        PARTNER,
        &set(PARTNER_TEXT, "languages", "languages = [\"de\", \"qq\"]"),
    );
    f.write(
        EVENT,
        &set(EVENT_TEXT, "languages", "languages = [\"fa\", \"zz\"]"),
    );
    f.run(&["check"])
        .code(1)
        .has(&format!(
            "{CLIENT}:4: error: `origin` = \"QQ\" is not an ISO 3166-1 alpha-2 country code"
        ))
        .has(&format!(
            "{CLIENT}:5: error: `arabic` is not an ISO 639-1 language code"
        ))
        .has(&format!(
            "{CONSULTATION}:7: error: `AR` is not an ISO 639-1 language code"
        ))
        .has(&format!(
            "{PARTNER}:5: error: `qq` is not an ISO 639-1 language code"
        ))
        .has("error: `zz` is not an ISO 639-1 language code");
    f.write(CLIENT, &set(CLIENT_TEXT, "origin", "origin = \"sy\""));
    f.run(&["check"])
        .code(1)
        .has("`origin` = \"sy\" is not an ISO 3166-1");
    f.write(CLIENT, &set(CLIENT_TEXT, "origin", "origin = \"SY\""));
    f.write(CONSULTATION, CONSULTATION_TEXT);
    f.write(PARTNER, PARTNER_TEXT);
    f.write(
        EVENT,
        &set(EVENT_TEXT, "languages", "languages = [\"fa\", \"uk\"]"),
    );
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn done_in_the_future_is_an_error() {
    let f = valid();
    f.english();
    let apt = "appointments/2026/12/apt-20261201-f1f2.toml";
    f.write(
        apt,
        &CONSULTATION_TEXT
            .replace("2026-11-20", "2026-12-01")
            .replace("20261120-a1b2", "20261201-f1f2"),
    );
    let evt = "events/2026/11/evt-20261126-f3f4.toml";
    f.write(
        evt,
        &EVENT_TEXT
            .replace("2026-11-18", "2026-11-26")
            .replace("20261118-e1e2", "20261126-f3f4"),
    );
    f.run(&["check"])
        .code(1)
        .has(&format!("{apt}:4: error: an appointment dated 2026-12-01 is marked `done` but lies in the future"))
        .has(&format!("{evt}:5: error: an event dated 2026-11-26 is marked `done` but lies in the future"));
    // planned ones may lie ahead; today's may be done
    f.write(
        apt,
        &set(
            &CONSULTATION_TEXT
                .replace("2026-11-20", "2026-12-01")
                .replace("20261120-a1b2", "20261201-f1f2"),
            "status",
            "status = \"planned\"",
        ),
    );
    f.write(
        evt,
        &EVENT_TEXT
            .replace("2026-11-18", "2026-11-25")
            .replace("20261118-e1e2", "20261125-f3f4"),
    );
    std::fs::rename(f.path(evt), f.path("events/2026/11/evt-20261125-f3f4.toml")).unwrap();
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn privacy_warnings_in_notes() {
    let f = valid();
    f.english();
    f.write(
        CLIENT,
        &set(
            CLIENT_TEXT,
            "notes",
            "notes = \"Tochter schreibt an max.muster@example.org\"",
        ),
    );
    f.write(
        CONSULTATION,
        &set(
            CONSULTATION_TEXT,
            "notes",
            "notes = \"Rückruf unter 0176 12345678\"",
        ),
    );
    f.write(
        REFERRAL,
        &set(
            REFERRAL_TEXT,
            "notes",
            "notes = \"Konto DE89 3704 0044 0532 0130 00, geb. 12.03.1985\"",
        ),
    );
    let run = f.run(&["check"]);
    run.ok()
        .has(&format!(
            "{CLIENT}:4: warning: privacy: `notes` seems to contain an e-mail address"
        ))
        .has(&format!(
            "{CONSULTATION}:7: warning: privacy: `notes` seems to contain a phone number"
        ))
        .has(&format!(
            "{REFERRAL}:8: warning: privacy: `notes` seems to contain an IBAN"
        ))
        .has(&format!(
            "{REFERRAL}:8: warning: privacy: `notes` seems to contain a full birth date"
        ));
    f.run(&["check", "--strict"])
        .code(1)
        .has(&format!("{CLIENT}:4: error: privacy"));
}

#[test]
fn contact_fields_of_sponsors_and_partners_are_no_privacy_problem() {
    let f = valid();
    f.write(
        SPONSOR,
        &(SPONSOR_TEXT.to_string()
            + "contact = \"Frau Muster, 0341 1234567\"\nemail = \"info@jugendwerk.example\"\nphone = \"+49 341 1234567\"\nnotes = \"Büro: buero@jugendwerk.example\"\n"),
    );
    f.write(
        PARTNER,
        &(PARTNER_TEXT.to_string()
            + "address = \"Georg-Schwarz-Str. 1, 04177 Leipzig\"\nphone = \"0341 7654321\"\nemail = \"beratung@caritas.example\"\nwebsite = \"https://caritas.example\"\n"),
    );
    f.run(&["check", "--strict"]).ok();
}

#[cfg(unix)]
#[test]
fn symlinks_are_warnings_and_not_followed() {
    let f = valid();
    f.english();
    let outside = f.parent().join("elsewhere.toml");
    std::fs::write(&outside, "this is not = = toml").unwrap();
    std::os::unix::fs::symlink(&outside, f.path("clients/K-LN01.toml")).unwrap();
    std::os::unix::fs::symlink(f.parent(), f.path("archive")).unwrap();
    let run = f.run(&["check"]);
    run.ok()
        .has("clients/K-LN01.toml: warning: is a symbolic link and was not followed")
        .has("archive: warning: is a symbolic link")
        .lacks("TOML syntax")
        .lacks("elsewhere");
    f.run(&["check", "--strict"])
        .code(1)
        .has("clients/K-LN01.toml: error: is a symbolic link");
}

#[test]
fn strict_turns_warnings_into_errors() {
    let f = valid();
    f.english();
    f.write(
        CLIENT,
        &set(CLIENT_TEXT, "notes", "notes = \"mail: a.b@example.org\""),
    );
    let run = f.run(&["check"]);
    run.ok()
        .has("warning: privacy")
        .has("0 errors, 1 warning\n");
    let run = f.run(&["check", "--strict"]);
    run.code(1).has("error: privacy").lacks("warning: privacy");
}

#[test]
fn config_problems_name_quartier_toml_and_other_files_are_still_checked() {
    let f = valid();
    f.english();
    f.write(
        "quartier.toml",
        &crate::support::CONFIG
            .replace("language = \"de\"", "language = \"fr\"\ncolour = \"blue\"")
            .replace("[targets.2026]", "[targets.next]"),
    );
    f.write(CLIENT, &set(CLIENT_TEXT, "gendr", "gendr = \"f\""));
    let run = f.run(&["check"]);
    run.code(1)
        .has("quartier.toml:5: error: `office.language` = \"fr\" is not one of de | en")
        .has("quartier.toml:6: error: unknown key `office.colour`")
        .has("quartier.toml:16: error: [targets.next]: the key must be a year")
        .has(&format!("{CLIENT}:4: error: unknown key `gendr`"));
    // districts were still read: a client's district is no false alarm
    f.write(
        CLIENT,
        &set(CLIENT_TEXT, "district", "district = \"Plagwitz\""),
    );
    f.run(&["check"]).code(1).lacks("K-AB12");
}

#[test]
fn config_syntax_error_names_its_line_and_records_are_still_checked() {
    let f = valid();
    f.english();
    f.write(
        "quartier.toml",
        &crate::support::CONFIG.replace("name = \"Testviertel\"", "name = \"Testviertel"),
    );
    f.write(
        CLIENT,
        &set(CLIENT_TEXT, "district", "district = \"Plagwitz\""),
    );
    f.write(
        CONSULTATION,
        &set(CONSULTATION_TEXT, "duration", "duration = -5"),
    );
    let run = f.run(&["check"]);
    run.code(1)
        .has("quartier.toml:8: error: TOML syntax")
        .has(&format!(
            "{CONSULTATION}:7: error: `duration` must not be negative"
        ))
        .lacks(&format!("{CLIENT}:"));

    f.write(
        "quartier.toml",
        &crate::support::CONFIG.replace(
            "[staff]\n",
            "[staff]\n<<<<<<< HEAD\nab = \"A. B.\"\n=======\ncd = \"C. D.\"\n>>>>>>> theirs\n",
        ),
    );
    f.run(&["check"])
        .code(1)
        .has("quartier.toml:12: error: git conflict marker")
        .has("quartier.toml:16: error: git conflict marker")
        .lacks(&format!("{CLIENT}:"));
}

#[test]
fn config_keys_the_spec_names_are_accepted() {
    let f = valid();
    f.write(
        "quartier.toml",
        r#"[office]
name = "Stadtteilmanagement Soziale Integration Leipziger Westen"
operator = "Beispielträger gGmbH"
programme = "ESF 2014–2020, Nachhaltige Soziale Stadtentwicklung"
language = "en"

[area]
name = "Leipziger Westen"
districts = ["Altlindenau", "Lindenau", "Neulindenau", "Leutzsch",
             "Plagwitz", "Kleinzschocher"]

[staff]
eb = "E. B."

[targets.2026]
consultations = 300
unique_clients = 150
events = 10
event_participants = 250
sponsor_meetings = 60
referrals = 100
new_clients = 80

[sponsors]
stale_after_days = 60

[topics.codes]
debts = { de = "Schulden", en = "Debts" }

[git]
auto_commit = true
"#,
    );
    f.run(&["check", "--strict"]).ok();
}

/// Everything in the folder: path → (kind of entry, size, content of small files).
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (String, u64, Option<Vec<u8>>)> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(root).follow_links(false) {
        let e = e.unwrap();
        let meta = e.path().symlink_metadata().unwrap();
        let content =
            (meta.is_file() && meta.len() < 2_000_000).then(|| std::fs::read(e.path()).unwrap());
        let modified = format!("{:?} {:?}", meta.file_type(), meta.modified().ok());
        out.insert(e.path().to_path_buf(), (modified, meta.len(), content));
    }
    out
}

/// A folder with every kind of broken file at once.
fn broken() -> Folder {
    let f = valid();
    f.write("clients/K-EMPTY1.toml", "");
    f.write("clients/K-BLANK1.toml", "\n  \n");
    std::fs::write(
        f.path("clients/K-LATIN1.toml"),
        b"id = \"K-LATIN1\"\nfirst_contact = 2026-01-10\nnotes = \"Gr\xfc\xdfe\"\n",
    )
    .unwrap();
    f.write("clients/K-CONF1.toml", "id = \"K-CONF1\"\n<<<<<<< HEAD\nfirst_contact = 2026-01-10\n=======\nfirst_contact = 2026-01-12\n>>>>>>> b\n");
    let huge = std::fs::File::create(f.path("clients/K-HUGE1.toml")).unwrap();
    huge.set_len(50 * 1024 * 1024).unwrap();
    f.write(
        "appointments/2026/02/apt-20260228-bad1.toml",
        "id = \"apt-20260228-bad1\"\ndate = 2026-02-30\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AB12\"\n",
    );
    f.write(
        "events/2026/11/evt-20261110-bad2.toml",
        &EVENT_TEXT
            .replace("e1e2", "bad2")
            .replace("2026-11-18", "2026-11-10")
            .replace("total = 12", "total = \"twelve\""),
    );
    f.write(
        "referrals/2026/11/ref-20261121-bad3.toml",
        &REFERRAL_TEXT
            .replace("r1r2", "bad3")
            .replace("2026-11-20", "2026-11-21")
            .replace("caritas", "gone"),
    );
    f.write("partners/half.toml", "id = \"half\"\nname = \"Half");
    #[cfg(unix)]
    std::os::unix::fs::symlink("K-AB12.toml", f.path("clients/K-LINK1.toml")).unwrap();
    f
}

#[test]
fn every_broken_file_gets_a_finding_naming_it() {
    let f = broken();
    f.english();
    let run = f.run(&["check"]);
    run.code(1);
    for (rel, what) in [
        ("clients/K-EMPTY1.toml", ": error: the file is empty"),
        ("clients/K-BLANK1.toml", ": error: the file is empty"),
        (
            "clients/K-LATIN1.toml",
            ": error: not UTF-8 text (invalid byte on line 3)",
        ),
        ("clients/K-CONF1.toml", ":2: error: git conflict marker"),
        (
            "clients/K-HUGE1.toml",
            ": error: the file is 52.4 MB, far too large for a record",
        ),
        (
            "appointments/2026/02/apt-20260228-bad1.toml",
            ":2: error: TOML syntax: invalid date",
        ),
        (
            "events/2026/11/evt-20261110-bad2.toml",
            ":10: error: `participants.total` must be a whole number",
        ),
        (
            "referrals/2026/11/ref-20261121-bad3.toml",
            ":4: error: `partner` refers to partner `gone`",
        ),
        ("partners/half.toml", ":2: error: TOML syntax"),
        #[cfg(unix)]
        ("clients/K-LINK1.toml", ": warning: is a symbolic link"),
    ] {
        run.has(&format!("{rel}{what}"));
    }
    // the good records are still read and checked: nothing about them
    for good in [
        SPONSOR,
        PARTNER,
        CLIENT,
        CONSULTATION,
        MEETING,
        REFERRAL,
        EVENT,
    ] {
        assert!(
            lines_about(&run.stdout, good).is_empty(),
            "{good}:\n{}",
            run.stdout
        );
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // every finding line has the compiler form
    let form = regex::Regex::new(r"^\S+?(:\d+)?: (error|warning): \S").unwrap();
    for line in run.stdout.lines() {
        assert!(form.is_match(line), "not a finding line: {line}");
    }
}

#[test]
fn check_never_changes_a_file() {
    let f = broken();
    f.write(".quartier-abc123.tmp", "id = \"K-HALF\"\nfirst_con");
    let before = snapshot(f.root());
    f.run(&["check"]).code(1);
    f.run(&["check", "--strict", "--json"]).code(1);
    assert_eq!(before, snapshot(f.root()));
}

#[test]
fn json_prints_an_array_of_findings() {
    let f = valid();
    f.english();
    f.write(
        CLIENT,
        &set(CLIENT_TEXT, "notes", "notes = \"a.b@example.org\""),
    );
    f.write(CONSULTATION, &set(CONSULTATION_TEXT, "status", ""));
    let run = f.run(&["check", "--json"]);
    run.code(1);
    let findings = run.json();
    let list = findings.as_array().expect("an array");
    assert_eq!(list.len(), 2, "{findings:#}");
    let missing = list
        .iter()
        .find(|x| x["severity"] == "error")
        .expect("the error");
    assert!(missing["path"].as_str().unwrap().ends_with(CONSULTATION));
    assert_eq!(missing["line"], 1, "{findings:#}");
    assert!(
        missing["message"]
            .as_str()
            .unwrap()
            .contains("`status` is missing")
    );
    let privacy = list.iter().find(|x| x["severity"] == "warning").unwrap();
    assert!(privacy["path"].as_str().unwrap().ends_with(CLIENT));
    assert_eq!(privacy["line"], 4);

    let clean = valid().run(&["check", "--json"]);
    clean.ok();
    assert_eq!(clean.json(), serde_json::json!([]));
}

#[test]
fn crlf_and_byte_order_mark_are_accepted() {
    let f = valid();
    f.english();
    let text = "\u{feff}".to_string() + &CLIENT_TEXT.replace('\n', "\r\n");
    f.write(CLIENT, &text);
    f.write(EVENT, &EVENT_TEXT.replace('\n', "\r\n"));
    f.run(&["check", "--strict"]).ok();
    // lines still count right
    f.write(
        CLIENT,
        &("\u{feff}".to_string()
            + &set(CLIENT_TEXT, "gendr", "gendr = \"f\"").replace('\n', "\r\n")),
    );
    f.run(&["check"])
        .code(1)
        .has(&format!("{CLIENT}:4: error: unknown key `gendr`"));
}

/// A write temporary is ignored while a write may be in progress; older
/// than a minute, a crash left it, and `check` names it with the command
/// that removes it. Record locks are never named.
#[test]
fn leftover_temporary_files_are_ignored_until_stale_then_named() {
    let f = valid();
    let temps = [
        "clients/.quartier-x7Yq2b.tmp",
        "appointments/2026/11/.quartier-a8b9c0.tmp",
        ".quartier-c1d2e3.tmp",
    ];
    f.write(temps[0], "id = \"K-AB12\"\nfirst_cont");
    f.write(temps[1], "id = \"apt-2026");
    f.write(temps[2], "[office]\nna");
    f.write(".quartier-lock-K-AB12", "");
    f.run(&["check", "--strict"]).ok().lacks(".quartier-");
    for rel in temps.iter().chain([&".quartier-lock-K-AB12"]) {
        f.age(rel);
    }
    let r = f.run(&["check"]);
    r.ok().lacks(".quartier-lock");
    for rel in temps {
        let rm = format!("rm '{}'", f.path(rel).display());
        assert!(
            r.stdout
                .lines()
                .any(|l| l.contains(rel) && l.contains("warning") && l.contains(&rm)),
            "{rel} named with `{rm}`:\n{}",
            r.stdout
        );
    }
    f.run(&["check", "--strict"])
        .code(1)
        .has(".quartier-x7Yq2b.tmp");
    for rel in temps {
        std::fs::remove_file(f.path(rel)).unwrap();
    }
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn finding_paths_are_reachable_from_the_working_directory() {
    let f = valid();
    f.write(CLIENT, &set(CLIENT_TEXT, "gendr", "gendr = \"f\""));
    let run = run_in(f.parent(), &["--records", "records", "check"], &[]);
    run.code(1).has(&format!("records/{CLIENT}:4: error"));
    let path = run
        .stdout
        .lines()
        .next()
        .unwrap()
        .split(':')
        .next()
        .unwrap();
    assert!(f.parent().join(path).is_file(), "{path}");

    let sub = f.path("appointments/2026");
    let run = run_in(&sub, &["check"], &[]);
    run.code(1);
    let path = run
        .stdout
        .lines()
        .next()
        .unwrap()
        .split(':')
        .next()
        .unwrap();
    assert!(path.ends_with(CLIENT), "{path}");
    assert!(sub.join(path).is_file(), "{path} from {}", sub.display());
}

#[test]
fn output_is_sorted_by_file_and_line_after_the_settings() {
    let f = broken();
    f.english();
    f.write(
        "quartier.toml",
        &crate::support::CONFIG.replace("[sponsors]", "[sponsors]\nstale = 3"),
    );
    let run = f.run(&["check"]);
    let again = f.run(&["check"]);
    assert_eq!(run.stdout, again.stdout);
    assert!(
        run.stdout
            .lines()
            .next()
            .unwrap()
            .contains("quartier.toml:21: error: unknown key `sponsors.stale`"),
        "{}",
        run.stdout
    );
    let paths: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn consultation_and_sponsor_meeting_keep_their_own_fields() {
    let f = valid();
    f.english();
    f.write(
        CONSULTATION,
        &set(CONSULTATION_TEXT, "sponsor", "sponsor = \"jugendwerk\""),
    );
    f.write(
        MEETING,
        &set(
            &set(MEETING_TEXT, "client", "client = \"K-AB12\""),
            "language",
            "language = \"de\"",
        ),
    );
    f.run(&["check"])
        .code(1)
        .has(&format!(
            "{CONSULTATION}:7: error: an appointment of kind `consultation` has no `sponsor` (only sponsor meetings have one)"
        ))
        .has(&format!(
            "{MEETING}:6: error: an appointment of kind `sponsor` has no `client` (only consultations have one)"
        ))
        .has(&format!(
            "{MEETING}:7: error: `language` belongs to consultations of clients, not to an appointment of kind `sponsor`"
        ));
}

#[test]
fn missing_folder_is_an_error_not_a_panic() {
    let f = Folder::bare();
    f.run(&["check"]).code(1).has("kein Ablageordner");
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_findings_in_text_and_json() {
    use std::os::unix::ffi::OsStrExt;
    let f = valid();
    f.english();
    let name = std::ffi::OsStr::from_bytes(b"K-\xff\xfe.toml");
    std::fs::write(f.path("clients").join(name), CLIENT_TEXT).unwrap();
    f.run(&["check"])
        .code(1)
        .has("error: the file name is not UTF-8");
    let run = f.run(&["check", "--json"]);
    run.code(1);
    let findings = run.json();
    assert_eq!(findings.as_array().unwrap().len(), 1, "{findings:#}");
    assert!(findings[0]["path"].as_str().unwrap().contains("clients/K-"));
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_output_without_a_panic() {
    let f = valid();
    for i in 0..1500 {
        f.write(&format!("clients/K-{i:04}.toml"), "");
    }
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("\"$0\" --records \"$1\" check | head -n 1 >/dev/null; exit 0")
        .arg(env!("CARGO_BIN_EXE_quartier"))
        .arg(f.root())
        .env("QUARTIER_TODAY", crate::support::TODAY)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
