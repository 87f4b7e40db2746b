//! `quartier event add|list|show|edit|done|cancel`.

use crate::support::Folder;

fn folder() -> Folder {
    let f = Folder::new();
    f.write(
        "partners/mieterverein.toml",
        "id = \"mieterverein\"\nname = \"Mieterverein Leipzig\"\nkind = \"housing\"\n",
    );
    f.write(
        "sponsors/kinderbuero-west.toml",
        "id = \"kinderbuero-west\"\nname = \"Kinderbüro West e.V.\"\nproject = \"Lernwerkstatt\"\nfield = \"youth-education\"\nstart = 2026-01-01\n",
    );
    f
}

fn event(f: &Folder, id: &str, date: &str, body: &str) {
    let (y, m) = (&date[0..4], &date[5..7]);
    f.write(
        &format!("events/{y}/{m}/{id}.toml"),
        &format!("id = \"{id}\"\ndate = {date}\n{body}\n"),
    );
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

fn add(f: &Folder, extra: &[&str]) -> crate::support::Run {
    let mut args = vec!["--json", "event", "add"];
    args.extend_from_slice(extra);
    f.run(&args)
}

#[test]
fn add_a_planned_event_with_every_field() {
    let f = folder();
    let v = add(
        &f,
        &[
            "--date",
            "2026-12-03",
            "--time",
            "17:00",
            "--title",
            "Infoabend Wohnen",
            "--kind",
            "info",
            "--topics",
            "housing,benefits",
            "--location",
            "Stadtteilladen",
            "--partners",
            "mieterverein",
            "--sponsors",
            "west",
            "--languages",
            "de",
            "--languages",
            "ar",
            "--interpreter",
            "--notes",
            "Flyer verteilt",
        ],
    )
    .ok()
    .json();
    let id = v["id"].as_str().unwrap();
    assert!(id.starts_with("evt-20261203-"), "{id}");
    let rel = format!("events/2026/12/{id}.toml");
    assert!(v["path"].as_str().unwrap().ends_with(&rel));
    let text = f.read(&rel);
    for line in [
        "title = \"Infoabend Wohnen\"",
        "kind = \"info\"",
        "status = \"planned\"",
        "topics = [\"housing\", \"benefits\"]",
        "location = \"Stadtteilladen\"",
        "partners = [\"mieterverein\"]",
        "sponsors = [\"kinderbuero-west\"]",
        "languages = [\"de\", \"ar\"]",
        "interpreter = true",
    ] {
        assert!(text.contains(line), "`{line}` missing in\n{text}");
    }
    assert!(!text.contains("[participants]"), "{text}");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn add_a_held_event_needs_and_writes_its_participants() {
    let f = folder();
    let base = [
        "--date",
        "2026-11-20",
        "--title",
        "Netzwerktreffen",
        "--kind",
        "network",
    ];
    let mut args = base.to_vec();
    add(&f, &args).code(2).has("--total");
    assert!(!f.exists("events"));
    args.extend([
        "--total",
        "18",
        "--women",
        "10",
        "--men",
        "7",
        "--diverse",
        "1",
        "--migrants",
        "12",
    ]);
    let v = add(&f, &args).ok().json();
    let text = f.read(&format!(
        "events/2026/11/{}.toml",
        v["id"].as_str().unwrap()
    ));
    assert!(text.contains("status = \"done\""), "{text}");
    assert!(
        text.contains(
            "[participants]\ntotal = 18\nwomen = 10\nmen = 7\ndiverse = 1\nmigrants = 12\n"
        ),
        "{text}"
    );
    f.run(&["check", "--strict"]).ok();
    // women + men + diverse = total: nothing to note
    assert!(!add(&f, &args).ok().all().contains("Geschlecht"));
}

/// A total without the split by flags: written, and said as the form says it.
#[test]
fn add_by_flags_with_a_total_but_no_split_notes_the_ungendered() {
    let f = folder();
    let run = add(
        &f,
        &[
            "--date",
            "2026-11-20",
            "--title",
            "Infoabend",
            "--kind",
            "info",
            "--total",
            "12",
            "--women",
            "5",
        ],
    );
    run.ok()
        .has("Hinweis: bei 7 von 12 Teilnehmenden ist kein Geschlecht erfasst (erlaubt).");
}

#[test]
fn add_refuses_counts_that_do_not_add_up_and_bad_values() {
    let f = folder();
    let ok = [
        "--date",
        "2026-11-20",
        "--title",
        "Workshop",
        "--kind",
        "workshop",
        "--total",
        "10",
    ];
    let with = |extra: &[&str]| {
        let mut args = ok.to_vec();
        args.extend_from_slice(extra);
        add(&f, &args)
    };
    with(&["--women", "6", "--men", "5"])
        .code(2)
        .has("gehen nicht auf");
    with(&["--migrants", "11"]).code(2).has("migrants");
    with(&["--women", "-1"]).code(2);
    with(&["--topics", "wohnen"])
        .code(2)
        .has("ist kein Themen-Code");
    with(&["--languages", "arabic"]).code(2).has("ISO 639-1");
    with(&["--time", "7pm"]).code(2).has("keine Uhrzeit");
    with(&["--partners", "caritas"]).code(1).has("caritas");
    with(&["--sponsors", "nobody"]).code(1).has("nobody");
    add(
        &f,
        &[
            "--title",
            "X",
            "--kind",
            "info",
            "--status",
            "done",
            "--date",
            "2026-12-01",
            "--total",
            "3",
        ],
    )
    .code(2)
    .has("Zukunft");
    add(&f, &["--kind", "info"]).code(2).has("--title");
    add(&f, &["--title", "X"]).code(2).has("--kind");
    assert!(!f.exists("events"));
}

#[test]
fn done_writes_participants_and_keeps_comments() {
    let f = folder();
    f.english();
    event(
        &f,
        "evt-20261118-m2q8",
        "2026-11-18",
        "# Infoabend im Stadtteilladen\ntitle = \"Infoabend\"\nkind = \"info\"\nstatus = \"planned\"  # Raum gebucht",
    );
    let path = "events/2026/11/evt-20261118-m2q8.toml";
    let before = f.read(path);
    f.run(&["event", "done", "m2q8"]).code(2).has("--total");
    f.run(&["event", "done", "m2q8", "--total", "5", "--women", "6"])
        .code(2)
        .has("add up");
    assert_eq!(f.read(path), before);
    f.run(&[
        "event",
        "done",
        "m2q8",
        "--total",
        "23",
        "--women",
        "14",
        "--men",
        "8",
        "--migrants",
        "17",
    ])
    .ok()
    .has("evt-20261118-m2q8")
    // fewer with a gender than in all: written, and said
    .has("1 of 23 participants have no gender recorded");
    let text = f.read(path);
    assert!(
        text.starts_with(
            "id = \"evt-20261118-m2q8\"\ndate = 2026-11-18\n# Infoabend im Stadtteilladen\n"
        ),
        "{text}"
    );
    assert!(text.contains("status = \"done\"  # Raum gebucht"), "{text}");
    assert!(
        text.contains(
            // `--diverse` not given: left out (0, as the sum rule and the report read it)
            "[participants]\ntotal = 23\nwomen = 14\nmen = 8\nmigrants = 17\n"
        ),
        "{text}"
    );
    f.run(&["check", "--strict"]).ok();
    let v = f.run(&["--json", "event", "list"]).ok().json();
    assert_eq!(v[0]["participants"]["total"], 23);
}

#[test]
fn done_refuses_the_future_and_cancel_works() {
    let f = folder();
    f.english();
    event(
        &f,
        "evt-20261203-aa11",
        "2026-12-03",
        "title = \"Netzwerktreffen\"\nkind = \"network\"\nstatus = \"planned\"",
    );
    let path = "events/2026/12/evt-20261203-aa11.toml";
    let before = f.read(path);
    f.run(&["event", "done", "aa11", "--total", "5"])
        .code(2)
        .has("future");
    assert_eq!(f.read(path), before);
    f.run(&["event", "cancel", "aa11"]).ok();
    assert!(f.read(path).contains("status = \"cancelled\""));
    f.run(&["check", "--strict"]).ok();
}

fn history(f: &Folder) {
    event(
        f,
        "evt-20261010-aaaa",
        "2026-10-10",
        "title = \"Sprachcafé\"\nkind = \"workshop\"\nstatus = \"done\"\ntopics = [\"language\"]\n[participants]\ntotal = 8",
    );
    event(
        f,
        "evt-20261105-bbbb",
        "2026-11-05",
        "time = 18:00:00\ntitle = \"Wohnen\"\nkind = \"info\"\nstatus = \"done\"\ntopics = [\"housing\"]\npartners = [\"mieterverein\"]\n[participants]\ntotal = 20",
    );
    event(
        f,
        "evt-20261105-cccc",
        "2026-11-05",
        "time = 10:00:00\ntitle = \"Trägerrunde\"\nkind = \"network\"\nstatus = \"cancelled\"\nsponsors = [\"kinderbuero-west\"]",
    );
    event(
        f,
        "evt-20261210-dddd",
        "2026-12-10",
        "title = \"Jahresabschluss\"\nkind = \"network\"\nstatus = \"planned\"\nsponsors = [\"kinderbuero-west\"]",
    );
}

#[test]
fn list_is_newest_first_and_filters() {
    let f = folder();
    history(&f);
    let list = |extra: &[&str]| {
        let mut args = vec!["--json", "event", "list"];
        args.extend_from_slice(extra);
        ids(&f.run(&args).ok().json())
    };
    assert_eq!(
        list(&[]),
        [
            "evt-20261210-dddd",
            "evt-20261105-bbbb",
            "evt-20261105-cccc",
            "evt-20261010-aaaa"
        ]
    );
    assert_eq!(
        list(&["--status", "done"]),
        ["evt-20261105-bbbb", "evt-20261010-aaaa"]
    );
    assert_eq!(
        list(&["--kind", "network"]),
        ["evt-20261210-dddd", "evt-20261105-cccc"]
    );
    assert_eq!(list(&["--topic", "language"]), ["evt-20261010-aaaa"]);
    assert_eq!(list(&["--partner", "mieterverein"]), ["evt-20261105-bbbb"]);
    assert_eq!(
        list(&["--sponsor", "west"]),
        ["evt-20261210-dddd", "evt-20261105-cccc"]
    );
    assert_eq!(
        list(&["--month", "2026-11"]),
        ["evt-20261105-bbbb", "evt-20261105-cccc"]
    );
    assert_eq!(list(&["--to", "2026-10-31"]), ["evt-20261010-aaaa"]);
    f.run(&["event", "list"])
        .ok()
        .has("Netzwerktreffen")
        .has("abgesagt")
        .has("Teilnehmende");
    f.run(&["event", "list", "--lang", "en"])
        .ok()
        .has("Network meeting")
        .has("cancelled")
        .has("Participants");
}

#[test]
fn show_names_partners_and_sponsors() {
    let f = folder();
    history(&f);
    let v = f.run(&["--json", "event", "show", "bbbb"]).ok().json();
    // SPEC v2: the record's object plus `linked` (nothing refers to an event)
    assert_eq!(v["id"], "evt-20261105-bbbb");
    assert_eq!(v["participants"]["total"], 20);
    assert_eq!(v["partners"][0], "mieterverein");
    assert!(v["linked"].as_object().unwrap().is_empty(), "{v}");
    f.run(&["event", "show", "dddd"])
        .ok()
        .has("Jahresabschluss")
        .has("Kinderbüro West e.V.");
}

#[test]
fn edit_moves_the_file_and_updates_participants_in_place() {
    let f = folder();
    f.english();
    event(
        &f,
        "evt-20261010-aaaa",
        "2026-10-10",
        "title = \"Sprachcafé\"\nkind = \"workshop\"\nstatus = \"done\"\n\n[participants]\ntotal = 8  # laut Liste\nwomen = 5",
    );
    f.run(&[
        "event",
        "edit",
        "aaaa",
        "--date",
        "2026-11-02",
        "--men",
        "3",
        "--partners",
        "mieterverein",
    ])
    .ok()
    .has("events/2026/11/evt-20261010-aaaa.toml");
    assert!(!f.exists("events/2026/10/evt-20261010-aaaa.toml"));
    let text = f.read("events/2026/11/evt-20261010-aaaa.toml");
    assert!(text.contains("total = 8  # laut Liste"), "{text}");
    assert!(text.contains("women = 5"), "{text}");
    assert!(text.contains("men = 3"), "{text}");
    assert!(text.contains("partners = [\"mieterverein\"]"), "{text}");
    f.run(&["event", "edit", "aaaa", "--men", "4"])
        .code(2)
        .has("add up");
    f.run(&["event", "edit", "aaaa", "--sponsors", "nobody"])
        .code(1);
    assert_eq!(f.read("events/2026/11/evt-20261010-aaaa.toml"), text);
    f.run(&["check", "--strict"]).ok();
}

/// A count of 0 is not written when left out, but one a person wrote stays
/// when `event done` changes the file (the typed record cannot tell it
/// from absence).
#[test]
fn done_keeps_a_zero_count_written_in_the_file() {
    let f = folder();
    event(
        &f,
        "evt-20261120-ab12",
        "2026-11-20",
        "title = \"Infoabend\"\nkind = \"info\"\nstatus = \"planned\"\n\n[participants]\ntotal = 5\nwomen = 0\nmen = 5\ndiverse = 0\n",
    );
    f.run(&["event", "done", "ab12", "--men", "4"]).ok();
    let text = f.read("events/2026/11/evt-20261120-ab12.toml");
    assert!(
        text.contains("[participants]\ntotal = 5\nwomen = 0\nmen = 4\ndiverse = 0\n"),
        "{text}"
    );
    f.run(&["check", "--strict"]).ok();
}
