//! `quartier appointment add|list|show|edit|done|cancel|no-show`.

use crate::support::Folder;
use std::process::Command;

/// A folder with a consenting client, a second client and a sponsor.
fn folder() -> Folder {
    let f = Folder::new();
    f.client("K-7F3A", "consent = 2026-01-10");
    f.client("K-7F3B", "");
    f.write(
        "sponsors/kinderbuero-west.toml",
        "id = \"kinderbuero-west\"\nname = \"Kinderbüro West e.V.\"\nproject = \"Lernwerkstatt\"\nfield = \"youth-education\"\nstart = 2026-01-01\n",
    );
    f
}

/// Writes an appointment file by hand.
fn apt(f: &Folder, id: &str, date: &str, body: &str) {
    let (y, m) = (&date[0..4], &date[5..7]);
    f.write(
        &format!("appointments/{y}/{m}/{id}.toml"),
        &format!("id = \"{id}\"\ndate = {date}\n{body}\n"),
    );
}

/// The one file in `dir` (relative to the records root).
fn only_file(f: &Folder, dir: &str) -> String {
    let entries: Vec<_> = std::fs::read_dir(f.path(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    format!("{dir}/{}", entries[0])
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn add_consultation_today_is_done_and_passes_strict_check() {
    let f = folder();
    f.run(&[
        "appointment",
        "add",
        "--kind",
        "consultation",
        "--client",
        "K-7F3A",
        "--time",
        "09:30",
        "--duration",
        "45",
        "--topics",
        "residence,housing",
        "--topics",
        "benefits",
        "--language",
        "ar",
        "--interpreter",
        "--family-members",
        "2",
        "--staff",
        "eb",
        "--notes",
        "Folgetermin vereinbart",
    ])
    .ok()
    .has("apt-20261125-")
    .has("appointments/2026/11/");
    let text = f.read(&only_file(&f, "appointments/2026/11"));
    for line in [
        "date = 2026-11-25",
        "duration = 45",
        "kind = \"consultation\"",
        "status = \"done\"",
        "client = \"K-7F3A\"",
        "topics = [\"residence\", \"housing\", \"benefits\"]",
        "language = \"ar\"",
        "interpreter = true",
        "family_members = 2",
        "staff = \"eb\"",
    ] {
        assert!(text.contains(line), "`{line}` missing in\n{text}");
    }
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn add_tomorrow_is_planned_and_lands_in_its_month_folder() {
    let f = folder();
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "tomorrow",
    ])
    .ok();
    let text = f.read(&only_file(&f, "appointments/2026/11"));
    assert!(text.contains("status = \"planned\""), "{text}");
    assert!(text.contains("date = 2026-11-26"), "{text}");
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "2027-01-04",
    ])
    .ok()
    .has("appointments/2027/01/apt-20270104-");
    let text = f.read(&only_file(&f, "appointments/2027/01"));
    assert!(text.contains("status = \"planned\""), "{text}");
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "yesterday",
    ])
    .ok();
    f.run(&["--json", "appointment", "list", "--status", "done"])
        .ok()
        .has("2026-11-24");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn add_with_json_prints_id_and_path_of_the_new_file() {
    let f = folder();
    let v = f
        .run(&["--json", "appointment", "add", "--client", "K-7F3A"])
        .ok()
        .json();
    let id = v["id"].as_str().unwrap();
    assert!(id.starts_with("apt-20261125-") && id.len() == 17, "{id}");
    let path = v["path"].as_str().unwrap();
    assert!(
        path.ends_with(&format!("appointments/2026/11/{id}.toml")),
        "{path}"
    );
    assert!(std::path::Path::new(path).is_file());
    assert_eq!(v.as_object().unwrap().len(), 2);
}

#[test]
fn add_sponsor_meeting_takes_free_topics_and_a_unique_end_of_the_slug() {
    let f = folder();
    f.english();
    f.run(&[
        "appointment",
        "add",
        "--sponsor",
        "west",
        "--topics",
        "Mittelabruf,Verwendungsnachweis",
        "--staff",
        "mk",
    ])
    .ok();
    let text = f.read(&only_file(&f, "appointments/2026/11"));
    assert!(text.contains("kind = \"sponsor\""), "{text}");
    assert!(text.contains("sponsor = \"kinderbuero-west\""), "{text}");
    assert!(text.contains("\"Mittelabruf\""), "{text}");
    f.run(&["check", "--strict"]).ok();
    f.run(&[
        "appointment",
        "add",
        "--sponsor",
        "kinderbuero-west",
        "--language",
        "ar",
    ])
    .code(2)
    .has("--language")
    .has("kind = `consultation`");
}

#[test]
fn add_without_terminal_names_the_missing_flags() {
    let f = folder();
    f.run(&["appointment", "add"]).code(2).has("--kind");
    f.run(&["appointment", "add", "--kind", "consultation"])
        .code(2)
        .has("--client");
    f.run(&["appointment", "add", "--kind", "sponsor"])
        .code(2)
        .has("--sponsor");
    f.run(&[
        "appointment",
        "add",
        "--kind",
        "consultation",
        "--sponsor",
        "kinderbuero-west",
    ])
    .code(2)
    .has("--client");
    assert!(!f.exists("appointments"));
}

#[test]
fn add_refuses_unknown_references_with_close_matches() {
    let f = folder();
    f.english();
    f.run(&["appointment", "add", "--client", "K-7F3C"])
        .code(1)
        .has("K-7F3C")
        .has("does not exist")
        .has("K-7F3A")
        .has("K-7F3B");
    // `7F3` starts both codes (without `K-`): ambiguous, both named.
    f.run(&["appointment", "add", "--client", "7F3"])
        .code(1)
        .has("K-7F3A")
        .has("K-7F3B");
    f.run(&["appointment", "add", "--client", "QQQ"])
        .code(1)
        .has("does not exist");
    f.run(&["appointment", "add", "--sponsor", "kinderbuero-ost"])
        .code(1)
        .has("kinderbuero-west");
    assert!(!f.exists("appointments"));
}

#[test]
fn add_refuses_bad_dates_times_topics_and_languages() {
    let f = folder();
    let base = ["appointment", "add", "--client", "K-7F3A"];
    for (flag, value, says) in [
        ("--date", "2026-13-01", "kein Datum"),
        ("--date", "32.11.2026", "kein Datum"),
        ("--date", "31.11.2026", "diesen Tag gibt es nicht"),
        ("--time", "25:00", "keine Uhrzeit"),
        ("--topics", "residence,asyl", "`asyl` ist kein Themen-Code"),
        ("--language", "arabic", "ISO 639-1"),
        ("--duration", "-5", ""),
    ] {
        let mut args = base.to_vec();
        args.extend([flag, value]);
        f.run(&args).code(2).has(says);
    }
    assert!(!f.exists("appointments"));
}

#[test]
fn add_refuses_a_done_appointment_in_the_future() {
    let f = folder();
    f.english();
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--date",
        "2026-12-01",
        "--status",
        "done",
    ])
    .code(2)
    .has("future");
    assert!(!f.exists("appointments"));
}

fn git(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .envs(GIT_ENV.iter().copied())
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const GIT_ENV: &[(&str, &str)] = &[
    ("GIT_AUTHOR_NAME", "Test"),
    ("GIT_AUTHOR_EMAIL", "test@example.org"),
    ("GIT_COMMITTER_NAME", "Test"),
    ("GIT_COMMITTER_EMAIL", "test@example.org"),
];

#[test]
fn add_with_commit_commits_exactly_the_new_file() {
    let f = folder();
    git(f.root(), &["init", "--quiet"]);
    git(f.root(), &["add", "-A"]);
    git(f.root(), &["commit", "--quiet", "-m", "start"]);
    f.write(
        "partners/unrelated.toml",
        "id = \"unrelated\"\nname = \"U\"\nkind = \"other\"\n",
    );
    let v = f
        .run_env(
            &[
                "--json",
                "appointment",
                "add",
                "--client",
                "K-7F3A",
                "--commit",
            ],
            GIT_ENV,
        )
        .ok()
        .json();
    let id = v["id"].as_str().unwrap();
    assert_eq!(
        git(f.root(), &["log", "-1", "--format=%s"]).trim(),
        format!("appointment: add {id}")
    );
    assert_eq!(
        git(f.root(), &["show", "--name-only", "--format=", "HEAD"]).trim(),
        format!("appointments/2026/11/{id}.toml")
    );
    assert!(
        git(
            f.root(),
            &["status", "--porcelain", "--untracked-files=all"]
        )
        .contains("partners/unrelated.toml")
    );
}

#[test]
fn done_cancel_and_no_show_change_only_the_status() {
    let f = folder();
    apt(
        &f,
        "apt-20261120-ab12",
        "2026-11-20",
        "# Beratung am Vormittag\nkind = \"consultation\"\nstatus = \"planned\"  # noch offen\nclient = \"K-7F3A\"\ntopics = [\"housing\"]",
    );
    f.run(&["appointment", "no-show", "ab12"])
        .ok()
        .has("apt-20261120-ab12");
    let text = f.read("appointments/2026/11/apt-20261120-ab12.toml");
    assert_eq!(
        text,
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\n# Beratung am Vormittag\nkind = \"consultation\"\nstatus = \"no-show\"  # noch offen\nclient = \"K-7F3A\"\ntopics = [\"housing\"]\n"
    );
    f.run(&["appointment", "cancel", "ab12"]).ok();
    assert!(
        f.read("appointments/2026/11/apt-20261120-ab12.toml")
            .contains("status = \"cancelled\"  # noch offen")
    );
    f.run(&["appointment", "done", "apt-20261120-ab12"]).ok();
    assert!(
        f.read("appointments/2026/11/apt-20261120-ab12.toml")
            .contains("status = \"done\"  # noch offen")
    );
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn done_refuses_an_appointment_in_the_future() {
    let f = folder();
    f.english();
    apt(
        &f,
        "apt-20261201-cd34",
        "2026-12-01",
        "kind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-7F3A\"",
    );
    let before = f.read("appointments/2026/12/apt-20261201-cd34.toml");
    f.run(&["appointment", "done", "cd34"])
        .code(2)
        .has("future");
    assert_eq!(
        f.read("appointments/2026/12/apt-20261201-cd34.toml"),
        before
    );
    f.run(&["appointment", "cancel", "cd34"]).ok();
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn ids_take_a_unique_end_and_ambiguous_ones_list_the_candidates() {
    let f = folder();
    let body = "kind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-7F3A\"";
    apt(&f, "apt-20261120-ab12", "2026-11-20", body);
    apt(&f, "apt-20261121-cd12", "2026-11-21", body);
    f.run(&["appointment", "cancel", "12"])
        .code(1)
        .has("apt-20261120-ab12")
        .has("apt-20261121-cd12");
    f.run(&["appointment", "show", "nope"]).code(1).has("nope");
    f.run(&["appointment", "show", "cd12"])
        .ok()
        .has("apt-20261121-cd12");
}

/// Five appointments over three months.
fn history(f: &Folder) {
    apt(
        f,
        "apt-20261003-aaaa",
        "2026-10-03",
        "kind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\ntopics = [\"housing\"]\nstaff = \"eb\"",
    );
    apt(
        f,
        "apt-20261105-bbbb",
        "2026-11-05",
        "time = 14:00:00\nkind = \"consultation\"\nstatus = \"no-show\"\nclient = \"K-7F3B\"\nstaff = \"mk\"",
    );
    apt(
        f,
        "apt-20261105-cccc",
        "2026-11-05",
        "time = 09:00:00\nkind = \"sponsor\"\nstatus = \"done\"\nsponsor = \"kinderbuero-west\"\nstaff = \"eb\"",
    );
    apt(
        f,
        "apt-20261120-dddd",
        "2026-11-20",
        "kind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\ntopics = [\"residence\", \"housing\"]\nstaff = \"mk\"",
    );
    apt(
        f,
        "apt-20261210-eeee",
        "2026-12-10",
        "kind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-7F3B\"",
    );
}

#[test]
fn list_is_newest_first_and_filters() {
    let f = folder();
    history(&f);
    let list = |extra: &[&str]| {
        let mut args = vec!["--json", "appointment", "list"];
        args.extend_from_slice(extra);
        ids(&f.run(&args).ok().json())
    };
    assert_eq!(
        list(&[]),
        [
            "apt-20261210-eeee",
            "apt-20261120-dddd",
            "apt-20261105-bbbb",
            "apt-20261105-cccc",
            "apt-20261003-aaaa"
        ]
    );
    assert_eq!(
        list(&["--month", "2026-11"]),
        [
            "apt-20261120-dddd",
            "apt-20261105-bbbb",
            "apt-20261105-cccc"
        ]
    );
    assert_eq!(
        list(&["--from", "2026-11-06", "--to", "2026-12-31"]),
        ["apt-20261210-eeee", "apt-20261120-dddd"]
    );
    assert_eq!(list(&["--status", "planned"]), ["apt-20261210-eeee"]);
    assert_eq!(list(&["--kind", "sponsor"]), ["apt-20261105-cccc"]);
    assert_eq!(
        list(&["--sponsor", "kinderbuero-west"]),
        ["apt-20261105-cccc"]
    );
    assert_eq!(
        list(&["--staff", "mk"]),
        ["apt-20261120-dddd", "apt-20261105-bbbb"]
    );
    assert_eq!(
        list(&["--client", "7F3B"]),
        ["apt-20261210-eeee", "apt-20261105-bbbb"]
    );
    assert_eq!(
        list(&["--topic", "housing"]),
        ["apt-20261120-dddd", "apt-20261003-aaaa"]
    );
    let v = f
        .run(&["--json", "appointment", "list", "--month", "2026-10"])
        .ok()
        .json();
    assert_eq!(v[0]["topics"][0], "housing");
    assert_eq!(v[0]["client"], "K-7F3A");
    f.run(&["appointment", "list", "--month", "2026-13"])
        .code(2);
}

#[test]
fn list_tables_in_german_and_english() {
    let f = folder();
    history(&f);
    f.run(&["appointment", "list"])
        .ok()
        .has("Datum")
        .has("Beratung")
        .has("Trägertermin")
        .has("nicht erschienen")
        .has("Wohnen");
    // the labels are checked in a wide table (piped tables are 80 columns wide)
    f.run_env(
        &["appointment", "list", "--lang", "en"],
        &[("COLUMNS", "200")],
    )
    .ok()
    .has("Date")
    .has("Consultation")
    .has("Sponsor meeting")
    .has("no-show")
    .has("Housing");
    f.run(&["appointment", "list", "--month", "2025-01"])
        .ok()
        .has("(keine Einträge)");
}

#[test]
fn list_reads_only_the_months_it_needs() {
    let f = folder();
    history(&f);
    f.write(
        "appointments/2026/10/apt-20261001-brok.toml",
        "id = \"apt-20261001-brok\"\ndate = 2026-10-01\nkind = \"consultatio\"\n",
    );
    f.run(&["appointment", "list", "--month", "2026-11"]).ok();
    f.run(&["appointment", "list", "--from", "2026-11-01"]).ok();
    f.run(&["appointment", "list"])
        .code(1)
        .has("apt-20261001-brok.toml");
}

#[test]
fn show_lists_the_referrals_that_came_from_the_appointment() {
    let f = folder();
    history(&f);
    f.write(
        "partners/jobcenter-west.toml",
        "id = \"jobcenter-west\"\nname = \"Jobcenter\"\nkind = \"authority\"\n",
    );
    f.write(
        "referrals/2026/11/ref-20261120-r1r1.toml",
        "id = \"ref-20261120-r1r1\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nappointment = \"apt-20261120-dddd\"\nstatus = \"open\"\n",
    );
    f.write(
        "referrals/2026/10/ref-20261003-r2r2.toml",
        "id = \"ref-20261003-r2r2\"\ndate = 2026-10-03\nclient = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"housing\"\nappointment = \"apt-20261003-aaaa\"\nstatus = \"open\"\n",
    );
    let v = f
        .run(&["--json", "appointment", "show", "dddd"])
        .ok()
        .json();
    // SPEC v2: the record's object plus `linked`
    assert_eq!(v["id"], "apt-20261120-dddd");
    assert_eq!(ids(&v["linked"]["referrals"]), ["ref-20261120-r1r1"]);
    f.run(&["appointment", "show", "dddd"])
        .ok()
        .has("ref-20261120-r1r1")
        .lacks("ref-20261003-r2r2")
        .has("Vermittlungen");
}

#[test]
fn edit_changes_fields_keeps_comments_and_moves_the_file_with_its_date() {
    let f = folder();
    f.english();
    apt(
        &f,
        "apt-20261120-ab12",
        "2026-11-20",
        "# von Hand\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"  # Stammklientin",
    );
    f.run(&[
        "appointment",
        "edit",
        "ab12",
        "--date",
        "2026-10-30",
        "--duration",
        "30",
        "--topics",
        "health",
    ])
    .ok()
    .has("appointments/2026/10/apt-20261120-ab12.toml");
    assert!(!f.exists("appointments/2026/11/apt-20261120-ab12.toml"));
    let text = f.read("appointments/2026/10/apt-20261120-ab12.toml");
    assert!(text.contains("# von Hand\nkind"), "{text}");
    assert!(
        text.contains("client = \"K-7F3A\"  # Stammklientin"),
        "{text}"
    );
    assert!(text.contains("date = 2026-10-30"), "{text}");
    assert!(text.contains("duration = 30"), "{text}");
    assert!(text.contains("topics = [\"health\"]"), "{text}");
    f.run(&["appointment", "edit", "ab12", "--topics", "gesundheit"])
        .code(2);
    f.run(&["appointment", "edit", "ab12", "--client", "K-0000"])
        .code(1);
    f.run(&["appointment", "edit", "ab12", "--date", "2026-12-24"])
        .code(2)
        .has("future");
    assert_eq!(f.read("appointments/2026/10/apt-20261120-ab12.toml"), text);
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn an_ambiguous_reference_lists_the_candidates() {
    let f = folder();
    f.english();
    f.client("K-AB12", "");
    f.client("K-CD12", "");
    f.run(&["appointment", "add", "--client", "12"])
        .code(1)
        .has("K-AB12")
        .has("K-CD12")
        .has("give more of the id");
    f.run(&["appointment", "list", "--client", "12"])
        .code(1)
        .has("K-AB12");
    f.run(&["appointment", "add", "--client", "AB12"]).ok();
    f.run(&["--json", "appointment", "list", "--client", "AB12"])
        .ok()
        .has("\"client\": \"K-AB12\"");
    assert!(
        f.read(&only_file(&f, "appointments/2026/11"))
            .contains("client = \"K-AB12\"")
    );
}

#[test]
fn add_keeps_contact_data_out_and_normalises_the_language() {
    let f = folder();
    f.english();
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--notes",
        "erreichbar unter 0176 12345678",
    ])
    .code(2)
    .has("privacy");
    assert!(!f.exists("appointments"));
    f.run(&[
        "appointment",
        "add",
        "--client",
        "K-7F3A",
        "--language",
        "AR",
    ])
    .ok();
    assert!(
        f.read(&only_file(&f, "appointments/2026/11"))
            .contains("language = \"ar\"")
    );
}

/// A meeting changed to another kind with that kind's partner drops the
/// other kinds' partner — for every kind, organisation consultations too.
#[test]
fn edit_to_another_kind_replaces_the_partner_of_every_kind() {
    let f = folder();
    f.write(
        "partners/sportverein.toml",
        "id = \"sportverein\"\nname = \"SV Lindenau\"\nkind = \"association\"\n",
    );
    apt(
        &f,
        "apt-20261120-org1",
        "2026-11-20",
        "kind = \"organisation\"\nstatus = \"done\"\npartner = \"sportverein\"",
    );
    let rel = "appointments/2026/11/apt-20261120-org1.toml";
    f.run(&[
        "appointment",
        "edit",
        "org1",
        "--kind",
        "consultation",
        "--client",
        "K-7F3A",
    ])
    .ok();
    let text = f.read(rel);
    assert!(text.contains("client = \"K-7F3A\""), "{text}");
    assert!(!text.contains("partner"), "{text}");
    f.run(&[
        "appointment",
        "edit",
        "org1",
        "--kind",
        "organisation",
        "--partner",
        "sportverein",
    ])
    .ok();
    let text = f.read(rel);
    assert!(text.contains("partner = \"sportverein\""), "{text}");
    assert!(!text.contains("client"), "{text}");
    f.run(&["check", "--strict"]).ok();
}
