//! (v2) Short contacts (`contacts/YYYY/MM/con-…`) and consultations of
//! organisations (`appointment --kind organisation --partner SLUG`):
//! add/list/show/edit, their rules in `check` and on every write path,
//! delete and search.

use crate::support::Folder;

const PARTNERS: [(&str, &str); 3] = [
    (
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter Leipzig\"\nkind = \"authority\"\n",
    ),
    (
        "partners/caritas.toml",
        "id = \"caritas\"\nname = \"Caritas Migrationsberatung\"\nkind = \"counselling\"\n",
    ),
    (
        "partners/kita-sonnenschein.toml",
        "id = \"kita-sonnenschein\"\nname = \"Kita Sonnenschein\"\nkind = \"education\"\n",
    ),
];

fn folder() -> Folder {
    let f = Folder::new();
    for (path, text) in PARTNERS {
        f.write(path, text);
    }
    f
}

fn add_contact(f: &Folder, args: &[&str]) -> (String, String) {
    let mut full = vec!["--json", "contact", "add"];
    full.extend_from_slice(args);
    let out = f.run(&full).ok().json();
    (
        out["id"].as_str().unwrap().to_string(),
        out["path"].as_str().unwrap().to_string(),
    )
}

#[test]
fn a_contact_is_written_from_flags_in_schema_order_in_its_month() {
    let f = folder();
    let (id, path) = add_contact(
        &f,
        &[
            "--date",
            "20.11.2026",
            "--time",
            "10:30",
            "--kind",
            "walk-in",
            "--topics",
            "residence,housing",
            "--language",
            "ar",
            "--interpreter",
            "--duration",
            "15min",
            "--referred-to",
            "jobcenter,caritas",
            "--staff",
            "eb",
            "--notes",
            "fragt nach Wohnberechtigungsschein",
        ],
    );
    assert!(id.starts_with("con-20261120-"), "{id}");
    assert!(
        path.ends_with(&format!("contacts/2026/11/{id}.toml")),
        "{path}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        format!(
            "id = \"{id}\"\ndate = 2026-11-20\ntime = 10:30:00\nkind = \"walk-in\"\ntopics = [\"residence\", \"housing\"]\nlanguage = \"ar\"\ninterpreter = true\nduration = 15\nreferred_to = [\"jobcenter\", \"caritas\"]\nstaff = \"eb\"\nnotes = \"fragt nach Wohnberechtigungsschein\"\n"
        )
    );
    f.run(&["check", "--strict"]).ok();
    // without a date: today
    let (today, _) = add_contact(&f, &["--kind", "phone"]);
    assert!(today.starts_with("con-20261125-"), "{today}");
}

#[test]
fn without_a_terminal_a_missing_kind_is_named() {
    let f = folder();
    f.run(&["contact", "add", "--topics", "residence"])
        .code(2)
        .has("--kind");
    f.run(&["contact", "add", "--kind", "fax"])
        .code(2)
        .has("walk-in");
    assert!(!f.exists("contacts/2026"));
}

#[test]
fn a_contact_in_the_future_is_refused_and_an_error_of_check() {
    let f = folder();
    f.english();
    f.run(&["contact", "add", "--kind", "phone", "--date", "morgen"])
        .code(2)
        .has("--date")
        .has("lies in the future")
        .has("Nothing was written.");
    f.write(
        "contacts/2026/12/con-20261201-fut1.toml",
        "id = \"con-20261201-fut1\"\ndate = 2026-12-01\nkind = \"phone\"\n",
    );
    f.run(&["check"])
        .code(1)
        .has("contacts/2026/12/con-20261201-fut1.toml:2: error: a contact dated 2026-12-01 lies in the future");
}

#[test]
fn check_judges_contact_files_like_every_other_kind() {
    let f = folder();
    f.english();
    f.write(
        "contacts/2026/11/con-20261110-bad1.toml",
        "id = \"con-20261110-bad1\"\ndate = 2026-11-10\nkind = \"visit\"\ntopics = [\"housing\", \"housing\"]\nlanguage = \"arabic\"\nreferred_to = [\"nobody\"]\nclient = \"K-1234\"\n",
    );
    // a contact in the wrong month folder, and one without a kind
    f.write(
        "contacts/2026/10/con-20261111-mis1.toml",
        "id = \"con-20261111-mis1\"\ndate = 2026-11-11\nkind = \"phone\"\n",
    );
    f.write(
        "contacts/2026/11/con-20261112-nok1.toml",
        "id = \"con-20261112-nok1\"\ndate = 2026-11-12\n",
    );
    let run = f.run(&["check"]);
    run.code(1)
        .has("con-20261110-bad1.toml:3: error: `kind` = \"visit\" is not one of walk-in | phone | email | message | other")
        .has("con-20261110-bad1.toml:4: warning: `topics`: `housing` is listed twice")
        .has("con-20261110-bad1.toml:5: error: `arabic` is not an ISO 639-1 language code")
        .has("con-20261110-bad1.toml:7: error: unknown key `client`")
        .has("con-20261111-mis1.toml:2: error: date 2026-11-11 does not belong in folder 2026/10")
        .has("con-20261112-nok1.toml")
        .has("required field `kind` is missing");
    std::fs::remove_file(f.path("contacts/2026/11/con-20261110-bad1.toml")).unwrap();
    f.write(
        "contacts/2026/11/con-20261110-ref1.toml",
        "id = \"con-20261110-ref1\"\ndate = 2026-11-10\nkind = \"phone\"\nreferred_to = [\"jobcenter\", \"nobody\"]\n",
    );
    f.run(&["check"])
        .code(1)
        .has("con-20261110-ref1.toml:4: error: `referred_to` refers to partner `nobody`, which does not exist");
}

#[test]
fn the_privacy_scan_covers_contacts_on_every_path() {
    let f = folder();
    f.english();
    f.run(&[
        "contact",
        "add",
        "--kind",
        "phone",
        "--notes",
        "ruft zurück: 0176 12345678",
    ])
    .code(2)
    .has("--notes")
    .has("phone number");
    assert!(!f.exists("contacts/2026"));
    f.write(
        "contacts/2026/11/con-20261110-pri1.toml",
        "id = \"con-20261110-pri1\"\ndate = 2026-11-10\nkind = \"email\"\nnotes = \"schrieb von anna.muster@example.org\"\n",
    );
    f.run(&["check"]).ok().has(
        "con-20261110-pri1.toml:4: warning: privacy: `notes` seems to contain an e-mail address",
    );
    f.run(&["check", "--strict"]).code(1);
    // an edit that leaves the finding in place is refused too
    f.run(&["contact", "edit", "pri1", "--duration", "5"])
        .code(1)
        .has("nothing was written");
}

#[test]
fn a_referral_target_must_exist_and_keeps_its_partner_from_being_deleted() {
    let f = folder();
    f.run(&[
        "contact",
        "add",
        "--kind",
        "phone",
        "--referred-to",
        "jobcentre",
    ])
    .code(1)
    .has("jobcentre");
    let (id, path) = add_contact(&f, &["--kind", "phone", "--referred-to", "jobcenter"]);
    f.run(&["delete", "jobcenter", "--yes"])
        .code(1)
        .has(&id)
        .has("referred_to");
    assert!(f.exists("partners/jobcenter.toml"));
    f.run(&["delete", &id, "--yes"]).ok();
    assert!(!std::path::Path::new(&path).exists());
    f.run(&["delete", "jobcenter", "--yes"]).ok();
}

#[test]
fn list_filters_and_refuses_unknown_values() {
    let f = folder();
    let (a, _) = add_contact(
        &f,
        &[
            "--date",
            "2026-11-03",
            "--kind",
            "walk-in",
            "--topics",
            "residence",
            "--language",
            "ar",
            "--referred-to",
            "jobcenter,caritas",
            "--staff",
            "eb",
        ],
    );
    let (b, _) = add_contact(
        &f,
        &[
            "--date",
            "2026-11-20",
            "--kind",
            "phone",
            "--topics",
            "housing",
            "--staff",
            "mk",
        ],
    );
    let (c, _) = add_contact(&f, &["--date", "2026-10-30", "--kind", "phone"]);
    let ids = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["--json", "contact", "list"];
        full.extend_from_slice(args);
        f.run(&full)
            .ok()
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&[]), vec![b.clone(), a.clone(), c.clone()]);
    assert_eq!(ids(&["--kind", "phone"]), vec![b.clone(), c.clone()]);
    assert_eq!(ids(&["--month", "2026-11"]), vec![b.clone(), a.clone()]);
    assert_eq!(ids(&["--referred-to", "caritas"]), vec![a.clone()]);
    assert_eq!(ids(&["--topic", "housing"]), vec![b.clone()]);
    assert_eq!(ids(&["--language", "AR"]), vec![a.clone()]);
    assert_eq!(ids(&["--staff", "mk"]), vec![b.clone()]);
    f.run(&["contact", "list", "--topic", "wohnen"])
        .code(2)
        .has("housing");
    f.run(&["contact", "list", "--referred-to", "nobody"])
        .code(2);
    f.run(&["contact", "list", "--staff", "zz"]).code(2);
    f.run(&["contact", "list"])
        .ok()
        .has(&a)
        .has("Besuch ohne Termin")
        .has("Arabisch")
        .has("jobcenter, caritas");
    f.run(&["--lang", "en", "contact", "list"])
        .ok()
        .has("Walk-in")
        .has("Referred to");
}

#[test]
fn show_json_is_the_list_element_plus_linked_and_partners_link_back() {
    let f = folder();
    let (id, _) = add_contact(
        &f,
        &[
            "--date",
            "2026-11-03",
            "--kind",
            "message",
            "--referred-to",
            "caritas",
        ],
    );
    let shown = f.run(&["--json", "contact", "show", &id]).ok().json();
    let listed = f.run(&["--json", "contact", "list"]).ok().json();
    let mut without_linked = shown.clone();
    let linked = without_linked
        .as_object_mut()
        .unwrap()
        .remove("linked")
        .unwrap();
    assert_eq!(without_linked, listed[0]);
    // nothing refers to a contact
    assert_eq!(linked, serde_json::json!({}));
    let partner = f.run(&["--json", "partner", "show", "caritas"]).ok().json();
    assert_eq!(partner["linked"]["contacts"][0]["id"], id.as_str());
    f.run(&["contact", "show", &id[id.len() - 4..]])
        .ok()
        .has("Caritas Migrationsberatung")
        .has("Verwiesen an");
}

#[test]
fn edit_changes_keys_keeps_comments_and_moves_the_file_with_its_date() {
    let f = folder();
    f.english();
    f.write(
        "contacts/2026/11/con-20261110-ed01.toml",
        "# Anruf am Vormittag\nid = \"con-20261110-ed01\"\ndate = 2026-11-10\nkind = \"phone\" # Rückruf\nnotes = \"Termin vereinbart\"\n",
    );
    f.run(&[
        "contact",
        "edit",
        "ed01",
        "--referred-to",
        "jobcenter",
        "--unset",
        "notes",
    ])
    .ok();
    let text = f.read("contacts/2026/11/con-20261110-ed01.toml");
    assert!(text.starts_with("# Anruf am Vormittag\n"), "{text}");
    assert!(text.contains("kind = \"phone\" # Rückruf"), "{text}");
    assert!(text.contains("referred_to = [\"jobcenter\"]"), "{text}");
    assert!(!text.contains("notes"), "{text}");
    f.run(&["contact", "edit", "ed01", "--date", "2026-10-30"])
        .ok();
    assert!(!f.exists("contacts/2026/11/con-20261110-ed01.toml"));
    assert!(f.exists("contacts/2026/10/con-20261110-ed01.toml"));
    f.run(&["contact", "edit", "ed01", "--date", "2026-12-30"])
        .code(2)
        .has("future");
    f.run(&["contact", "edit", "ed01", "--unset", "kind"])
        .code(2);
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn search_finds_the_free_text_of_contacts() {
    let f = folder();
    let (id, _) = add_contact(&f, &["--kind", "walk-in", "--notes", "Frage zum Kitaplatz"]);
    f.run(&["search", "kitaplatz"])
        .ok()
        .has(&id)
        .has("Kurzkontakt");
}

#[test]
fn organisation_consultations_name_their_partner_and_nothing_of_a_client() {
    let f = folder();
    f.client("K-1001", "consent = 2026-01-10");
    // --partner alone says the kind
    let out = f
        .run(&[
            "--json",
            "appointment",
            "add",
            "--partner",
            "kita-sonnenschein",
            "--date",
            "2026-11-17",
            "--topics",
            "intercultural-opening,education",
            "--duration",
            "1:30",
        ])
        .ok()
        .json();
    let text = std::fs::read_to_string(out["path"].as_str().unwrap()).unwrap();
    assert!(text.contains("kind = \"organisation\""), "{text}");
    assert!(text.contains("partner = \"kita-sonnenschein\""), "{text}");
    assert!(text.contains("status = \"done\""), "{text}");
    f.run(&["appointment", "add", "--kind", "organisation"])
        .code(2)
        .has("--partner");
    f.run(&[
        "appointment",
        "add",
        "--kind",
        "organisation",
        "--partner",
        "kita-sonnenschein",
        "--client",
        "K-1001",
    ])
    .code(2)
    .has("--client");
    f.run(&[
        "appointment",
        "add",
        "--kind",
        "consultation",
        "--client",
        "K-1001",
        "--partner",
        "caritas",
    ])
    .code(2)
    .has("--partner");
    f.run(&[
        "appointment",
        "add",
        "--partner",
        "kita-sonnenschein",
        "--topics",
        "Elternabend",
    ])
    .code(2)
    .has("Elternabend");
    f.run(&["appointment", "add", "--partner", "nobody"])
        .code(1)
        .has("nobody");
    let listed = f
        .run(&["--json", "appointment", "list", "--partner", "kita"])
        .ok()
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    f.run(&["appointment", "list", "--kind", "organisation"])
        .ok()
        .has("Organisationsberatung")
        .has("kita-sonnenschein");
    f.run(&["delete", "kita-sonnenschein", "--yes"])
        .code(1)
        .has("partner");
}

#[test]
fn check_enforces_the_organisation_rules_in_files() {
    let f = folder();
    f.english();
    f.client("K-1001", "consent = 2026-01-10");
    f.write(
        "appointments/2026/11/apt-20261117-org1.toml",
        "id = \"apt-20261117-org1\"\ndate = 2026-11-17\nkind = \"organisation\"\nstatus = \"done\"\ntopics = [\"intercultural-opening\"]\n",
    );
    f.write(
        "appointments/2026/11/apt-20261118-org2.toml",
        "id = \"apt-20261118-org2\"\ndate = 2026-11-18\nkind = \"organisation\"\nstatus = \"done\"\npartner = \"caritas\"\nclient = \"K-1001\"\nfamily_members = 2\n",
    );
    f.write(
        "appointments/2026/11/apt-20261119-org3.toml",
        "id = \"apt-20261119-org3\"\ndate = 2026-11-19\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-1001\"\npartner = \"caritas\"\n",
    );
    f.run(&["check"])
        .code(1)
        .has("apt-20261117-org1.toml:3: error: an appointment of kind `organisation` needs the organisation consulted")
        .has("apt-20261118-org2.toml:6: error: an appointment of kind `organisation` has no `client`")
        .has("apt-20261118-org2.toml:7: error: `family_members` belongs to consultations of clients")
        .has("apt-20261119-org3.toml:6: error: an appointment of kind `consultation` has no `partner`");
}

#[test]
fn intercultural_opening_is_a_built_in_topic() {
    let f = folder();
    f.run(&["topics"])
        .ok()
        .has("intercultural-opening")
        .has("Interkulturelle Öffnung");
    f.run(&["--lang", "en", "topics"])
        .ok()
        .has("Intercultural opening");
}

#[test]
fn during_a_consultation_hour_the_time_defaults_to_now() {
    let f = folder();
    // the tests' today, 2026-11-25, is a Wednesday
    f.write(
        "quartier.toml",
        &format!(
            "{}\n[[hours]]\nday = \"wednesday\"\nfrom = 10:00:00\nto = 16:00:00\nkind = \"asylum\"\n",
            crate::support::CONFIG
        ),
    );
    f.client("K-1001", "consent = 2026-01-10");
    let add = |args: &[&str], now: &str| -> String {
        let mut full = vec!["--json"];
        full.extend_from_slice(args);
        let out = f.run_env(&full, &[("QUARTIER_NOW", now)]).ok().json();
        std::fs::read_to_string(out["path"].as_str().unwrap()).unwrap()
    };
    let text = add(&["contact", "add", "--kind", "walk-in"], "11:42");
    assert!(text.contains("time = 11:42:00"), "{text}");
    let text = add(&["appointment", "add", "--client", "K-1001"], "15:59");
    assert!(text.contains("time = 15:59:00"), "{text}");
    // outside the hour, on another day, or with --time: no default / the given time
    let text = add(&["contact", "add", "--kind", "phone"], "16:30");
    assert!(!text.contains("time ="), "{text}");
    let text = add(
        &["contact", "add", "--kind", "phone", "--date", "gestern"],
        "11:00",
    );
    assert!(!text.contains("time ="), "{text}");
    let text = add(
        &["contact", "add", "--kind", "phone", "--time", "9:15"],
        "11:00",
    );
    assert!(text.contains("time = 09:15:00"), "{text}");
    // events are not recorded as they happen: no default
    let text = add(
        &[
            "event",
            "add",
            "--title",
            "Infoabend",
            "--kind",
            "info",
            "--total",
            "5",
        ],
        "11:00",
    );
    assert!(!text.contains("time ="), "{text}");
}

#[test]
fn a_planned_organisation_consultation_is_in_the_agenda_calendar_by_its_name() {
    let f = folder();
    f.run(&[
        "appointment",
        "add",
        "--partner",
        "kita-sonnenschein",
        "--date",
        "2026-12-01",
        "--time",
        "10:00",
        "--topics",
        "intercultural-opening",
    ])
    .ok();
    let out = f.parent().join("agenda.ics");
    f.run(&["agenda", "--format", "ics", "--out", out.to_str().unwrap()])
        .ok();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("SUMMARY:Organisationsberatung: Kita Sonnenschein"),
        "{text}"
    );
    assert!(text.contains("Interkulturelle Öffnung"), "{text}");
    f.run(&["agenda"]).ok().has("kita-sonnenschein");
}

#[test]
fn the_same_contact_typed_twice_is_written_and_said() {
    // found in a week through the forms: one walk-in entered twice at the
    // same minute with the same answers, and nothing said so
    let f = Folder::new();
    let walk_in = [
        "contact",
        "add",
        "--kind",
        "walk-in",
        "--date",
        "2026-11-24",
        "--time",
        "15:00",
        "--topics",
        "health",
        "--language",
        "ar",
    ];
    f.run(&walk_in).ok().lacks("Warnung");
    let second = f.run(&walk_in);
    second.ok().has("gibt es schon einen gleichen Kurzkontakt");
    let first = f.run(&["--json", "contact", "list"]).ok().json();
    assert_eq!(first.as_array().unwrap().len(), 2, "{first}");
    // another minute, another kind or topic is another contact
    let mut other = walk_in;
    other[7] = "15:05";
    f.run(&other).ok().lacks("Warnung");
    let mut phone = walk_in;
    phone[3] = "phone";
    f.run(&phone).ok().lacks("Warnung");
}
