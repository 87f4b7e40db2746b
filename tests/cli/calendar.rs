//! `agenda --format ics` and `event list --format ics`, read back by an
//! independent parser (the `ical` crate).

use crate::support::*;
use std::collections::BTreeMap;
use std::io::BufReader;

const LONG_TITLE: &str = "Infoabend: Integrationskurse, Anmeldung; Fragen zur Anerkennung von Abschlüssen und zum Familiennachzug";

fn office() -> Folder {
    let f = Folder::new();
    f.client("K-7F3A", "");
    f.write(
        "sponsors/lernwerkstatt.toml",
        "id = \"lernwerkstatt\"\nname = \"Lernwerkstatt e. V.\"\nproject = \"Lernen im Quartier\"\nfield = \"youth-education\"\nstart = 2025-01-01\n",
    );
    f.write(
        "partners/migrationsberatung.toml",
        "id = \"migrationsberatung\"\nname = \"Migrationsberatung\"\nkind = \"counselling\"\n",
    );
    let apt = |id: &str, day: &str, extra: &str| {
        f.write(
            &format!("appointments/2026/12/{id}.toml"),
            &format!("id = \"{id}\"\ndate = 2026-12-{day}\nkind = \"consultation\"\nclient = \"K-7F3A\"\ntopics = [\"residence\"]\nnotes = \"Geheime Notiz\"\n{extra}\n"),
        );
    };
    apt(
        "apt-20261201-aaaa",
        "01",
        "status = \"planned\"\ntime = 10:00:00\nduration = 45\nstaff = \"eb\"",
    );
    apt("apt-20261202-bbbb", "02", "status = \"planned\"");
    apt(
        "apt-20261203-cccc",
        "03",
        "status = \"cancelled\"\ntime = 14:30:00",
    );
    f.write(
        "appointments/2026/11/apt-20261124-dddd.toml",
        "id = \"apt-20261124-dddd\"\ndate = 2026-11-24\nkind = \"consultation\"\nclient = \"K-7F3A\"\nstatus = \"done\"\n",
    );
    f.write(
        "appointments/2026/12/apt-20261204-eeee.toml",
        "id = \"apt-20261204-eeee\"\ndate = 2026-12-04\ntime = 09:00:00\nkind = \"sponsor\"\nsponsor = \"lernwerkstatt\"\nstatus = \"planned\"\n",
    );
    f.write(
        "events/2026/12/evt-20261210-ffff.toml",
        &format!("id = \"evt-20261210-ffff\"\ndate = 2026-12-10\ntime = 17:00:00\ntitle = \"{LONG_TITLE}\"\nkind = \"info\"\nstatus = \"planned\"\nlocation = \"Stadtteilladen, Merseburger Straße 1\"\nlanguages = [\"ar\", \"fa\"]\npartners = [\"migrationsberatung\"]\nnotes = \"Geheime Notiz\"\n"),
    );
    f.write(
        "referrals/2026/11/ref-20261120-gggg.toml",
        "id = \"ref-20261120-gggg\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"migrationsberatung\"\ntopic = \"residence\"\nstatus = \"open\"\nfollow_up = 2026-12-01\nnotes = \"Geheime Notiz\"\n",
    );
    f.run(&["check"]).ok();
    f
}

/// Each VEVENT of the file as UID → (property → (params, value)).
type Entries = BTreeMap<String, BTreeMap<String, (String, String)>>;

fn parse(text: &str) -> (ical::parser::ical::component::IcalCalendar, Entries) {
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let cal = parser
        .next()
        .expect("one calendar")
        .expect("a valid calendar");
    assert!(parser.next().is_none());
    let mut entries = Entries::new();
    for e in &cal.events {
        let props: BTreeMap<String, (String, String)> = e
            .properties
            .iter()
            .map(|p| {
                let params = p
                    .params
                    .iter()
                    .flatten()
                    .map(|(k, v)| format!("{k}={}", v.join(",")))
                    .collect::<Vec<_>>()
                    .join(";");
                (
                    p.name.clone(),
                    (params, p.value.clone().unwrap_or_default()),
                )
            })
            .collect();
        for required in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
            assert!(
                props.contains_key(required),
                "{required} missing: {props:?}"
            );
        }
        entries.insert(props["UID"].1.clone(), props);
    }
    (cal, entries)
}

fn agenda_file(f: &Folder, extra: &[&str]) -> String {
    let out = f.parent().join("kalender.ics");
    let mut args = vec!["agenda", "--format", "ics", "--out", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = f.run(&args);
    run.ok();
    assert_eq!(run.stdout, "", "nothing on stdout with --out (cron)");
    std::fs::read_to_string(out).unwrap()
}

fn unescape(v: &str) -> String {
    v.replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

#[test]
fn the_agenda_calendar_reads_back_with_stable_uids_and_no_client_code() {
    let f = office();
    let text = agenda_file(&f, &[]);
    assert!(text.contains("\r\n"), "CRLF line ends");
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "lines are folded at 75 octets"
    );
    let (cal, entries) = parse(&text);
    assert_eq!(cal.timezones.len(), 1, "one VTIMEZONE");
    assert!(text.contains("TZID:Europe/Berlin"));
    let uids: Vec<&str> = entries.keys().map(String::as_str).collect();
    assert_eq!(
        uids,
        vec![
            "apt-20261201-aaaa@quartier",
            "apt-20261202-bbbb@quartier",
            "apt-20261203-cccc@quartier",
            "apt-20261204-eeee@quartier",
            "evt-20261210-ffff@quartier",
            "ref-20261120-gggg-follow-up@quartier",
        ],
        "planned and cancelled ones in the next 30 days and the due follow-up; not the done one"
    );
    let timed = &entries["apt-20261201-aaaa@quartier"];
    assert_eq!(
        timed["DTSTART"],
        ("TZID=Europe/Berlin".into(), "20261201T100000".into())
    );
    assert_eq!(
        timed["DTEND"],
        ("TZID=Europe/Berlin".into(), "20261201T104500".into())
    );
    assert_eq!(timed["SUMMARY"].1, "Beratung");
    let all_day = &entries["apt-20261202-bbbb@quartier"];
    assert_eq!(all_day["DTSTART"], ("VALUE=DATE".into(), "20261202".into()));
    assert_eq!(all_day["DTEND"], ("VALUE=DATE".into(), "20261203".into()));
    let cancelled = &entries["apt-20261203-cccc@quartier"];
    assert_eq!(cancelled["STATUS"].1, "CANCELLED");
    assert_eq!(
        cancelled["DTEND"].1, "20261203T153000",
        "60 minutes without duration"
    );
    assert!(
        entries["apt-20261204-eeee@quartier"]["SUMMARY"]
            .1
            .contains("Lernwerkstatt e. V.")
    );
    let event = &entries["evt-20261210-ffff@quartier"];
    assert_eq!(
        unescape(&event["SUMMARY"].1),
        LONG_TITLE,
        "escaped and folded, read back whole"
    );
    assert_eq!(
        unescape(&event["LOCATION"].1),
        "Stadtteilladen, Merseburger Straße 1"
    );
    let follow_up = &entries["ref-20261120-gggg-follow-up@quartier"];
    assert_eq!(
        follow_up["DTSTART"],
        ("VALUE=DATE".into(), "20261201".into())
    );
    assert!(
        !text.contains("K-7F3A"),
        "no client code without --with-codes"
    );
    assert!(!text.contains("Geheime"), "never notes");

    // a second run: the same entries under the same UIDs
    let (_, again) = parse(&agenda_file(&f, &[]));
    assert_eq!(
        again.keys().collect::<Vec<_>>(),
        entries.keys().collect::<Vec<_>>()
    );

    let with_codes = agenda_file(&f, &["--with-codes"]);
    assert!(with_codes.contains("K-7F3A"));
    assert!(!with_codes.contains("Geheime"));

    let (_, week) = parse(&agenda_file(&f, &["--days", "8"]));
    assert!(week.contains_key("apt-20261202-bbbb@quartier"));
    assert!(!week.contains_key("evt-20261210-ffff@quartier"));
}

#[test]
fn the_event_calendar_publishes_titles_places_times_and_languages_only() {
    let f = office();
    let run = f.run(&[
        "event",
        "list",
        "--format",
        "ics",
        "--from",
        "2026-12-01",
        "--lang",
        "en",
    ]);
    run.ok();
    let (_, entries) = parse(&run.stdout);
    assert_eq!(
        entries.keys().collect::<Vec<_>>(),
        vec!["evt-20261210-ffff@quartier"]
    );
    let e = &entries["evt-20261210-ffff@quartier"];
    assert_eq!(unescape(&e["DESCRIPTION"].1), "Languages: Arabic, Persian");
    assert!(!run.stdout.contains("migrationsberatung") && !run.stdout.contains("Geheime"));
    f.run(&["event", "list", "--out", "x.ics"]).code(2);
}

#[test]
fn an_ics_file_is_never_written_into_the_records() {
    let f = office();
    let inside = f.path("kalender.ics");
    f.run(&[
        "agenda",
        "--format",
        "ics",
        "--out",
        inside.to_str().unwrap(),
    ])
    .code(1);
    assert!(!inside.exists());
    f.run(&["agenda", "--out", "x.ics"])
        .code(2)
        .has("--format ics");
}

/// What a strict RFC 5545 reader insists on, checked line by line: CRLF
/// only, content lines folded at 75 octets (continuations start with one
/// space), balanced components, VERSION and PRODID once, and in every
/// VEVENT one UID, a UTC DTSTAMP, a DTSTART, an all-day DTEND as a DATE
/// after its start, TZIDs that a VTIMEZONE defines, and TEXT values with
/// `,` `;` and line breaks escaped. UIDs are unique.
fn assert_strict(text: &str) {
    assert!(text.ends_with("\r\n"));
    assert!(
        !text.replace("\r\n", "").contains(['\r', '\n']),
        "bare CR or LF"
    );
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(raw.len() <= 75, "longer than 75 octets: {raw}");
        match raw.strip_prefix(' ') {
            Some(more) => lines.last_mut().expect("continuation first").push_str(more),
            None => lines.push(raw.to_string()),
        }
    }
    let mut stack: Vec<String> = Vec::new();
    let mut tzids = std::collections::BTreeSet::new();
    let mut used_tzids = Vec::new();
    let mut uids = std::collections::BTreeSet::new();
    let mut event: Vec<(String, String, String)> = Vec::new();
    let (mut version, mut prodid) = (0, 0);
    for line in &lines {
        let (head, value) = line.split_once(':').expect("name:value");
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        match name {
            "BEGIN" => {
                stack.push(value.to_string());
                event.clear();
            }
            "END" => {
                assert_eq!(stack.pop().as_deref(), Some(value), "unbalanced END");
                if value == "VEVENT" {
                    let one = |n: &str| {
                        let found: Vec<_> = event.iter().filter(|(k, _, _)| k == n).collect();
                        assert_eq!(found.len(), 1, "{n} in {event:?}");
                        found[0].clone()
                    };
                    let uid = one("UID").2;
                    assert!(uids.insert(uid.clone()), "UID twice: {uid}");
                    let stamp = one("DTSTAMP").2;
                    assert!(
                        stamp.len() == 16 && stamp.ends_with('Z') && stamp.as_bytes()[8] == b'T',
                        "DTSTAMP {stamp}"
                    );
                    let start = one("DTSTART");
                    if start.1 == "VALUE=DATE" {
                        let end = one("DTEND");
                        assert_eq!(end.1, "VALUE=DATE");
                        assert!(end.2.len() == 8 && end.2 > start.2, "{start:?} {end:?}");
                    }
                }
            }
            "VERSION" => version += 1,
            "PRODID" => prodid += 1,
            "TZID" if stack.last().map(String::as_str) == Some("VTIMEZONE") => {
                tzids.insert(value.to_string());
            }
            _ => {}
        }
        if let Some(tz) = params.split(';').find_map(|p| p.strip_prefix("TZID=")) {
            used_tzids.push(tz.to_string());
        }
        if matches!(name, "SUMMARY" | "DESCRIPTION" | "LOCATION") {
            let mut chars = value.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => assert!(
                        matches!(chars.next(), Some('\\' | ',' | ';' | 'n' | 'N')),
                        "bad escape in {line}"
                    ),
                    ',' | ';' => panic!("unescaped {c} in {line}"),
                    _ => {}
                }
            }
        }
        if stack.last().map(String::as_str) == Some("VEVENT") && name != "BEGIN" {
            event.push((name.to_string(), params.to_string(), value.to_string()));
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    assert_eq!((version, prodid), (1, 1));
    for tz in used_tzids {
        assert!(tzids.contains(&tz), "TZID {tz} without VTIMEZONE");
    }
}

#[test]
fn sponsor_deadlines_are_all_day_entries_and_the_file_satisfies_a_strict_reader() {
    let f = office();
    f.write(
        "sponsors/lernwerkstatt.toml",
        "id = \"lernwerkstatt\"\nname = \"Lernwerkstatt e. V.\"\nproject = \"Lernen im Quartier\"\nfield = \"youth-education\"\nstart = 2025-01-01\n\n\
         [[deadlines]]\nkind = \"sachbericht\"\ndue = 2026-12-15\nnotes = \"Geheime Notiz\"\n\n\
         [[deadlines]]\nkind = \"mittelabruf\"\ndue = 2026-12-01\ndone = 2026-11-20\n\n\
         [[deadlines]]\nkind = \"verwendungsnachweis\"\ndue = 2027-02-28\n\n\
         [[deadlines]]\nkind = \"participant-data\"\ndue = 2026-11-10\n",
    );
    f.run(&["check"]).ok();
    let text = agenda_file(&f, &[]);
    assert_strict(&text);
    let (_, entries) = parse(&text);
    let deadlines: Vec<&str> = entries
        .keys()
        .filter(|u| u.starts_with("lernwerkstatt-"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        deadlines,
        vec![
            "lernwerkstatt-participant-data-2026-11-10@quartier",
            "lernwerkstatt-sachbericht-2026-12-15@quartier",
        ],
        "not handed in and due within 30 days (overdue included); not the done one, not the later one"
    );
    let d = &entries["lernwerkstatt-sachbericht-2026-12-15@quartier"];
    assert_eq!(d["DTSTART"], ("VALUE=DATE".into(), "20261215".into()));
    assert_eq!(d["DTEND"], ("VALUE=DATE".into(), "20261216".into()));
    assert_eq!(
        unescape(&d["SUMMARY"].1),
        "Frist: Sachbericht – Lernwerkstatt e. V."
    );
    // unfolded as RFC 5545 says (the `ical` reader drops a space before a fold)
    assert!(
        text.replace("\r\n ", "")
            .contains("Projekt: Lernen im Quartier")
    );
    assert!(!text.contains("Geheime"), "never notes");
    // the same UIDs on the next run, and in English only the words change
    let (_, again) = parse(&agenda_file(&f, &["--lang", "en"]));
    assert_eq!(
        again.keys().collect::<Vec<_>>(),
        entries.keys().collect::<Vec<_>>()
    );
    assert_eq!(
        unescape(&again["lernwerkstatt-sachbericht-2026-12-15@quartier"]["SUMMARY"].1),
        "Deadline: Progress report – Lernwerkstatt e. V."
    );
    let published = f.run(&["event", "list", "--format", "ics", "--from", "2026-12-01"]);
    published.ok();
    assert_strict(&published.stdout);
    assert!(!published.stdout.contains("lernwerkstatt-"), "events only");
}
