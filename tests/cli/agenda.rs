//! `quartier agenda`.

use crate::support::Folder;

fn write_dated(f: &Folder, folder: &str, id: &str, date: &str, body: &str) {
    let (y, m) = (&date[0..4], &date[5..7]);
    f.write(
        &format!("{folder}/{y}/{m}/{id}.toml"),
        &format!("id = \"{id}\"\ndate = {date}\n{body}\n"),
    );
}

fn sponsor(f: &Folder, id: &str, start: &str, end: Option<&str>) {
    let end = end.map(|e| format!("end = {e}\n")).unwrap_or_default();
    f.write(
        &format!("sponsors/{id}.toml"),
        &format!(
            "id = \"{id}\"\nname = \"{id} e.V.\"\nproject = \"Projekt {id}\"\nfield = \"civic-education\"\nstart = {start}\n{end}"
        ),
    );
}

fn meeting(f: &Folder, id: &str, date: &str, sponsor: &str, status: &str) {
    write_dated(
        f,
        "appointments",
        id,
        date,
        &format!("kind = \"sponsor\"\nstatus = \"{status}\"\nsponsor = \"{sponsor}\""),
    );
}

fn consultation(f: &Folder, id: &str, date: &str, extra: &str, status: &str) {
    write_dated(
        f,
        "appointments",
        id,
        date,
        &format!("{extra}kind = \"consultation\"\nstatus = \"{status}\"\nclient = \"K-7F3A\""),
    );
}

/// Today is 2026-11-25; stale_after_days is 60 (so 2026-09-26 is the last day that counts).
fn folder() -> Folder {
    let f = Folder::new();
    // first contact before the oldest referral (SPEC v2: nothing is dated before it)
    f.write(
        "clients/K-7F3A.toml",
        "id = \"K-7F3A\"\nfirst_contact = 2025-01-01\nconsent = 2025-01-01\n",
    );
    f.write(
        "partners/jobcenter-west.toml",
        "id = \"jobcenter-west\"\nname = \"Jobcenter\"\nkind = \"authority\"\n",
    );
    consultation(
        &f,
        "apt-20261125-t0da",
        "2026-11-25",
        "time = 14:00:00\n",
        "planned",
    );
    consultation(
        &f,
        "apt-20261125-t0db",
        "2026-11-25",
        "time = 09:00:00\n",
        "planned",
    );
    consultation(&f, "apt-20261125-done", "2026-11-25", "", "done");
    consultation(&f, "apt-20261130-canc", "2026-11-30", "", "cancelled");
    consultation(&f, "apt-20261209-last", "2026-12-09", "", "planned");
    consultation(&f, "apt-20261210-late", "2026-12-10", "", "planned");
    consultation(&f, "apt-20261110-past", "2026-11-10", "", "planned");
    consultation(&f, "apt-20260901-pold", "2026-09-01", "", "planned");
    consultation(&f, "apt-20260501-gone", "2026-05-01", "", "planned");

    sponsor(&f, "recent", "2026-01-01", None);
    meeting(&f, "apt-20261101-rece", "2026-11-01", "recent", "done");
    sponsor(&f, "edge", "2026-01-01", None);
    meeting(&f, "apt-20260926-edge", "2026-09-26", "edge", "done");
    sponsor(&f, "lapsed", "2026-01-01", None);
    meeting(&f, "apt-20260925-laps", "2026-09-25", "lapsed", "done");
    meeting(&f, "apt-20261020-lapc", "2026-10-20", "lapsed", "cancelled");
    meeting(&f, "apt-20261202-lapn", "2026-12-02", "lapsed", "planned");
    sponsor(&f, "never", "2026-03-01", None);
    sponsor(&f, "ended", "2025-01-01", Some("2026-06-30"));
    sponsor(&f, "future", "2027-01-01", None);

    write_dated(
        &f,
        "events",
        "evt-20261201-info",
        "2026-12-01",
        "time = 17:00:00\ntitle = \"Infoabend\"\nkind = \"info\"\nstatus = \"planned\"",
    );
    write_dated(
        &f,
        "events",
        "evt-20261120-held",
        "2026-11-20",
        "title = \"Gehalten\"\nkind = \"info\"\nstatus = \"done\"\n[participants]\ntotal = 4",
    );
    write_dated(
        &f,
        "events",
        "evt-20270105-late",
        "2027-01-05",
        "title = \"Neujahr\"\nkind = \"network\"\nstatus = \"planned\"",
    );

    let referral = |id: &str, date: &str, rest: &str| {
        write_dated(
            &f,
            "referrals",
            id,
            date,
            &format!(
                "client = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\n{rest}"
            ),
        )
    };
    referral(
        "ref-20250310-oldo",
        "2025-03-10",
        "status = \"open\"\nfollow_up = 2025-04-01",
    );
    referral(
        "ref-20261118-dnow",
        "2026-11-18",
        "status = \"open\"\nfollow_up = 2026-11-25",
    );
    referral(
        "ref-20261120-soon",
        "2026-11-20",
        "status = \"open\"\nfollow_up = 2026-12-04",
    );
    referral(
        "ref-20261121-lat2",
        "2026-11-21",
        "status = \"open\"\nfollow_up = 2026-12-20",
    );
    referral(
        "ref-20261001-shut",
        "2026-10-01",
        "status = \"done\"\nfollow_up = 2026-10-15\nclosed = 2026-10-20",
    );
    referral("ref-20261122-nofu", "2026-11-22", "status = \"open\"");
    f
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_holds_every_section_in_order() {
    let f = folder();
    f.run(&["check", "--strict"]).ok();
    let v = f.run(&["--json", "agenda"]).ok().json();
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "hours",
            "appointments",
            "events",
            "follow_ups",
            "stale_sponsors",
            "past_planned",
            "deadlines",
            "open_continuations",
            "consents_expiring"
        ]
    );
    assert_eq!(
        ids(&v["appointments"]),
        [
            "apt-20261125-t0db",
            "apt-20261125-t0da",
            "apt-20261202-lapn",
            "apt-20261209-last"
        ]
    );
    assert_eq!(ids(&v["events"]), ["evt-20261201-info"]);
    assert_eq!(
        ids(&v["follow_ups"]),
        [
            "ref-20250310-oldo",
            "ref-20261118-dnow",
            "ref-20261120-soon"
        ]
    );
    let overdue: Vec<_> = v["follow_ups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["overdue"].as_bool().unwrap())
        .collect();
    assert_eq!(overdue, [true, false, false]);
    assert_eq!(v["follow_ups"][0]["partner"], "jobcenter-west");
    assert_eq!(ids(&v["stale_sponsors"]), ["lapsed", "never"]);
    assert_eq!(v["stale_sponsors"][0]["next_meeting"], "2026-12-02");
    assert_eq!(
        v["stale_sponsors"][1]["next_meeting"],
        serde_json::Value::Null
    );
    assert_eq!(
        ids(&v["past_planned"]),
        ["apt-20260901-pold", "apt-20261110-past"]
    );
}

#[test]
fn days_sets_how_far_ahead_it_looks() {
    let f = folder();
    let v = f.run(&["--json", "agenda", "--days", "6"]).ok().json();
    assert_eq!(
        ids(&v["appointments"]),
        ["apt-20261125-t0db", "apt-20261125-t0da"]
    );
    assert_eq!(ids(&v["events"]), ["evt-20261201-info"]);
    assert_eq!(
        ids(&v["follow_ups"]),
        ["ref-20250310-oldo", "ref-20261118-dnow"]
    );
    let v = f.run(&["--json", "agenda", "--days", "60"]).ok().json();
    assert!(ids(&v["events"]).contains(&"evt-20270105-late".to_string()));
    assert!(ids(&v["follow_ups"]).contains(&"ref-20261121-lat2".to_string()));
    f.run(&["agenda", "--days", "-1"]).code(2);
}

#[test]
fn tables_in_german_and_english() {
    let f = folder();
    f.run(&["agenda"])
        .ok()
        .has("Geplante Termine")
        .has("25.11.2026 09:00")
        .lacks("2026-11-25")
        .has("Wiedervorlagen")
        .has("01.04.2025 (überfällig)")
        .has("Träger ohne Termin seit mehr als 60 Tagen")
        .has("lapsed e.V.")
        .has("apt-20261110-past")
        .lacks("apt-20261210-late")
        .lacks("ref-20261001-shut");
    f.run(&["agenda", "--lang", "en"])
        .ok()
        .has("Planned appointments")
        .has("2026-11-25 09:00")
        .has("2025-04-01 (overdue)")
        .has("Planned events")
        .has("Referral follow-ups")
        .has("(overdue)")
        .has("Sponsors not met for more than 60 days")
        .has("to update");
}

#[test]
fn an_empty_folder_has_an_empty_agenda() {
    let f = Folder::new();
    let v = f.run(&["--json", "agenda"]).ok().json();
    for key in [
        "appointments",
        "events",
        "follow_ups",
        "stale_sponsors",
        "past_planned",
    ] {
        assert_eq!(v[key], serde_json::json!([]), "{key}");
    }
    f.run(&["agenda"]).ok().has("(keine Einträge)");
}

#[test]
fn reads_old_referrals_but_not_old_appointment_months() {
    let f = folder();
    f.write(
        "appointments/2025/02/apt-20250203-brok.toml",
        "id = \"apt-20250203-brok\"\ndate = 2025-02-03\nkind = \"consultatio\"\n",
    );
    f.write(
        "events/2025/02/evt-20250203-brok.toml",
        "id = \"evt-20250203-brok\"\ndate = 2025-02-03\n",
    );
    f.run(&["agenda"]).ok().lacks("brok");
    f.write(
        "referrals/2024/05/ref-20240502-brok.toml",
        "id = \"ref-20240502-brok\"\ndate = 2024-05-02\nstatus = \"open\"\n",
    );
    f.run(&["agenda"])
        .ok()
        .has("ref-20240502-brok.toml")
        .has("quartier check");
}

/// [`folder`] with every optional section filled: today's hours, a sponsor
/// deadline and an open continuation, a consent about to expire, and an
/// event whose long title holds a `|`.
fn full_folder() -> Folder {
    let f = folder();
    f.write(
        "quartier.toml",
        &format!("{}{}", crate::support::CONFIG, crate::hours::HOURS),
    );
    f.write(
        "sponsors/lesewelt.toml",
        "id = \"lesewelt\"\nname = \"Lesewelt e.V.\"\nproject = \"Lesen im Viertel\"\nfield = \"civic-education\"\nstart = 2026-01-01\nend = 2027-03-31\n\n[[deadlines]]\nkind = \"sachbericht\"\ndue = 2026-11-20\n\n[[deadlines]]\nkind = \"mittelabruf\"\ndue = 2026-12-01\n",
    );
    f.write(
        "clients/K-9B2C.toml",
        "id = \"K-9B2C\"\nfirst_contact = 2025-01-01\n\n[[consents]]\ndate = 2026-01-10\nscope = \"processing\"\nuntil = 2026-12-03\n",
    );
    write_dated(
        &f,
        "events",
        "evt-20261203-lang",
        "2026-12-03",
        "title = \"Nachbarschaftshilfe mit Übersetzung in fünf Sprachen | Teil zwei der Reihe\"\nkind = \"info\"\nstatus = \"planned\"",
    );
    f
}

/// Record ids and dates (German or ISO) in the order they appear.
fn ids_and_dates(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '|' || c == '│')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            ["apt-", "evt-", "ref-", "K-"]
                .iter()
                .any(|p| w.starts_with(p))
                || ["lapsed", "never", "lesewelt"].contains(w)
                || w.len() == 10
                    && w.chars().filter(|c| c.is_ascii_digit()).count() == 8
                    && (w.as_bytes()[2] == b'.' || w.as_bytes()[4] == b'-')
        })
        .map(str::to_string)
        .collect()
}

const SECTIONS_DE: [&str; 9] = [
    "Sprechstunden heute",
    "Geplante Termine",
    "Geplante Veranstaltungen",
    "Wiedervorlagen",
    "Träger ohne Termin seit mehr als 60 Tagen",
    "Fristen der Träger",
    "Verstetigung noch offen",
    "Vergangene Termine noch „geplant“",
    "Einwilligungen",
];

#[test]
fn markdown_holds_the_tables_sections_and_cells() {
    let f = full_folder();
    let wide = [("COLUMNS", "400")];
    let table = f.run_env(&["agenda"], &wide).ok().stdout.clone();
    // narrow: the Markdown is never cut to the terminal
    let md = f
        .run_env(&["agenda", "--format", "md"], &[("COLUMNS", "40")])
        .ok()
        .stdout
        .clone();
    assert!(
        md.starts_with("# Agenda 25.11.2026 – 09.12.2026\n\n## Sprechstunden heute\n\n| "),
        "{md}"
    );
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), SECTIONS_DE.len(), "{md}");
    for (h, want) in headings.iter().zip(SECTIONS_DE) {
        assert!(h.contains(want), "{h} ≠ {want}\n{md}");
        // the same heading as on the screen
        let plain = h[3..].replace('\\', "");
        assert!(table.contains(&format!("\n{plain}\n")), "{h}\n{table}");
    }
    assert!(!md.contains('│'), "{md}");
    assert!(md.contains("|---"), "{md}");
    assert!(
        md.contains(
            "| Nachbarschaftshilfe mit Übersetzung in fünf Sprachen \\| Teil zwei der Reihe |"
        ),
        "{md}"
    );
    assert!(md.contains("| 01.04.2025 (überfällig) |"), "{md}");
    assert!(md.contains("| 20.11.2026 (überfällig) |"), "{md}");
    assert!(md.contains("| 03.12.2026 "), "{md}");
    assert!(!md.contains("2026-11-25"), "{md}");
    let want = ids_and_dates(&table);
    assert!(want.contains(&"K-9B2C".to_string()), "{want:?}");
    assert!(want.contains(&"lesewelt".to_string()), "{want:?}");
    assert_eq!(ids_and_dates(&md), want);
}

#[test]
fn markdown_in_english_and_of_an_empty_folder() {
    let f = full_folder();
    let wide = [("COLUMNS", "400")];
    let table = f
        .run_env(&["agenda", "--lang", "en"], &wide)
        .ok()
        .stdout
        .clone();
    let run = f.run(&["agenda", "--lang", "en", "--format", "md"]);
    run.ok()
        .has("# Agenda 2026-11-25 – 2026-12-09\n")
        .has("\n## Planned appointments\n")
        .has("\n## Referral follow-ups\n")
        .has("\n## Sponsors not met for more than 60 days\n")
        .has("| 2025-04-01 (overdue) |")
        .has("| 2026-11-25 09:00 ")
        .lacks("25.11.2026");
    assert_eq!(ids_and_dates(&run.stdout), ids_and_dates(&table));
    Folder::new()
        .run(&["agenda", "--format", "md"])
        .ok()
        .has("\n## Geplante Termine\n\n(keine Einträge)\n")
        .lacks("Sprechstunden heute")
        .lacks("Fristen der Träger");
}

#[test]
fn markdown_goes_to_out_file_and_codes_stay_with_the_calendar() {
    let f = full_folder();
    let md = f.run(&["agenda", "--format", "md"]).ok().stdout.clone();
    let out = f.parent().join("agenda.md");
    let run = f.run(&["agenda", "--format", "md", "--out", out.to_str().unwrap()]);
    run.ok();
    assert_eq!(run.stdout, "", "nothing on stdout with --out");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);
    // the rules of every --out: never into the records
    let inside = f.path("agenda.md");
    f.run(&[
        "agenda",
        "--format",
        "md",
        "--out",
        inside.to_str().unwrap(),
    ])
    .code(1);
    assert!(!inside.exists());
    f.run(&["agenda", "--format", "md", "--with-codes"])
        .code(2)
        .has("--with-codes")
        .has("--format ics");
    f.run(&["agenda", "--out", "x.md"])
        .code(2)
        .has("--format md");
    assert!(!f.parent().join("x.md").exists() && !f.path("x.md").exists());
}
