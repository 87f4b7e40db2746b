//! `quartier partner add|list|show|edit`: the partner organisations and the
//! directory of competences.

use crate::support::Folder;

const ADD: &[&str] = &[
    "partner",
    "add",
    "--id",
    "mieterverein",
    "--name",
    "Mieterverein Leipzig e.V.",
    "--kind",
    "housing",
    "--offers",
    "housing,benefits",
    "--languages",
    "de",
    "--languages",
    "AR",
];

/// Three partners: who helps with housing in Arabic is only `mieterverein`.
fn directory(f: &Folder) {
    f.write(
        "partners/mieterverein.toml",
        "id = \"mieterverein\"\nname = \"Mieterverein Leipzig e.V.\"\nkind = \"housing\"\noffers = [\"housing\", \"benefits\"]\nlanguages = [\"de\", \"ar\"]\n",
    );
    f.write(
        "partners/wohnhilfe.toml",
        "id = \"wohnhilfe\"\nname = \"Wohnhilfe West\"\nkind = \"counselling\"\noffers = [\"housing\"]\nlanguages = [\"de\", \"fa\"]\n",
    );
    f.write(
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter Leipzig\"\nkind = \"authority\"\noffers = [\"employment\", \"benefits\"]\nlanguages = [\"de\", \"ar\", \"en\"]\n",
    );
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .expect("a JSON array")
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn add_writes_a_valid_record_with_lists_from_commas_and_repetition() {
    let f = Folder::new();
    f.run(ADD)
        .ok()
        .has("mieterverein\t")
        .has("partners/mieterverein.toml");
    let text = f.read("partners/mieterverein.toml");
    assert!(text.contains("kind = \"housing\""), "{text}");
    assert!(
        text.contains("offers = [\"housing\", \"benefits\"]"),
        "{text}"
    );
    assert!(text.contains("languages = [\"de\", \"ar\"]"), "{text}");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn add_with_json_prints_id_and_path() {
    let f = Folder::new();
    let mut args = vec!["--json"];
    args.extend_from_slice(ADD);
    let v = f.run(&args).ok().json();
    assert_eq!(v["id"], "mieterverein");
    assert!(
        v["path"]
            .as_str()
            .unwrap()
            .ends_with("partners/mieterverein.toml")
    );
}

#[test]
fn add_without_terminal_names_every_missing_flag() {
    let f = Folder::new();
    f.run(&["partner", "add", "--offers", "housing"])
        .code(2)
        .has("--id")
        .has("--name")
        .has("--kind");
    assert!(!f.exists("partners"));
}

#[test]
fn add_refuses_unknown_topics_languages_and_slugs_with_exit_2() {
    let f = Folder::new();
    f.english();
    let mut bad_topic = ADD.to_vec();
    bad_topic[9] = "housing,wohnen";
    f.run(&bad_topic)
        .code(2)
        .has("`wohnen` is not a topic code")
        .has("housing");
    let mut bad_language = ADD.to_vec();
    bad_language[13] = "arabic";
    f.run(&bad_language)
        .code(2)
        .has("`arabic` is not an ISO 639-1 language code");
    let mut bad_slug = ADD.to_vec();
    bad_slug[3] = "Mieter Verein";
    f.run(&bad_slug).code(2).has("not a valid slug");
    f.run(&[
        "partner", "add", "--id", "x", "--name", "X", "--kind", "shop",
    ])
    .code(2)
    .has("shop");
    assert!(!f.exists("partners/mieterverein.toml"));
}

#[test]
fn add_knows_office_topics_from_the_settings() {
    let f = Folder::new();
    f.write(
        "quartier.toml",
        &format!(
            "{}\n[topics.codes]\ndebts = {{ de = \"Schulden\", en = \"Debts\" }}\n",
            crate::support::CONFIG
        ),
    );
    f.run(&[
        "partner",
        "add",
        "--id",
        "schuldnerberatung",
        "--name",
        "Schuldnerberatung",
        "--kind",
        "counselling",
        "--offers",
        "debts",
    ])
    .ok();
    f.run(&["partner", "show", "schuldnerberatung"])
        .ok()
        .has("debts — Schulden");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn add_refuses_a_slug_that_exists() {
    let f = Folder::new();
    f.english();
    f.run(ADD).ok();
    let before = f.read("partners/mieterverein.toml");
    f.run(ADD).code(1).has("exists already");
    assert_eq!(f.read("partners/mieterverein.toml"), before);
}

#[test]
fn list_answers_who_helps_with_what_in_which_language() {
    let f = Folder::new();
    directory(&f);
    let all = f.run(&["--json", "partner", "list"]).ok().json();
    assert_eq!(
        ids(&all),
        ["jobcenter", "mieterverein", "wohnhilfe"],
        "sorted by name"
    );
    let housing = f
        .run(&["--json", "partner", "list", "--offers", "housing"])
        .ok()
        .json();
    assert_eq!(ids(&housing), ["mieterverein", "wohnhilfe"]);
    let housing_arabic = f
        .run(&[
            "--json",
            "partner",
            "list",
            "--offers",
            "housing",
            "--language",
            "ar",
        ])
        .ok()
        .json();
    assert_eq!(ids(&housing_arabic), ["mieterverein"]);
    assert_eq!(housing_arabic[0]["languages"][1], "ar", "TOML keys in JSON");
    let authorities = f
        .run(&["--json", "partner", "list", "--kind", "authority"])
        .ok()
        .json();
    assert_eq!(ids(&authorities), ["jobcenter"]);
    let nobody = f
        .run(&[
            "--json",
            "partner",
            "list",
            "--offers",
            "health",
            "--language",
            "ar",
        ])
        .ok()
        .json();
    assert_eq!(ids(&nobody), Vec::<String>::new());
}

#[test]
fn list_shows_labels_in_the_chosen_language() {
    let f = Folder::new();
    directory(&f);
    f.run(&["partner", "list", "--offers", "housing"])
        .ok()
        .has("Angebote")
        .has("Wohnen")
        .has("Beratungsstelle")
        .lacks("Jobcenter");
    // the labels are checked in a wide table (piped tables are 80 columns wide)
    f.run_env(&["partner", "list", "--lang", "en"], &[("COLUMNS", "200")])
        .ok()
        .has("Offers")
        .has("Authority")
        .has("Benefits/finances");
    f.run(&["partner", "list", "--offers", "health"])
        .ok()
        .has("keine Einträge");
}

#[test]
fn list_refuses_unknown_topic_and_language_with_exit_2() {
    let f = Folder::new();
    directory(&f);
    f.run(&["partner", "list", "--offers", "wohnen"])
        .code(2)
        .has("`wohnen` ist kein Themen-Code");
    f.run(&["partner", "list", "--language", "xx"])
        .code(2)
        .has("ISO 639-1");
    f.run(&["partner", "list", "--kind", "shop"]).code(2);
}

/// A client with consent and referrals of them to `mieterverein`.
fn referrals(f: &Folder) {
    f.client("K-7F3A2B", "consent = 2026-01-10");
    f.write(
        "referrals/2026/03/ref-20260302-aaaa.toml",
        "id = \"ref-20260302-aaaa\"\ndate = 2026-03-02\nclient = \"K-7F3A2B\"\npartner = \"mieterverein\"\ntopic = \"housing\"\nstatus = \"done\"\nclosed = 2026-04-01\n",
    );
    f.write(
        "referrals/2026/10/ref-20261005-bbbb.toml",
        "id = \"ref-20261005-bbbb\"\ndate = 2026-10-05\nclient = \"K-7F3A2B\"\npartner = \"mieterverein\"\ntopic = \"benefits\"\nstatus = \"open\"\n",
    );
    f.write(
        "referrals/2026/06/ref-20260610-cccc.toml",
        "id = \"ref-20260610-cccc\"\ndate = 2026-06-10\nclient = \"K-7F3A2B\"\npartner = \"jobcenter\"\ntopic = \"employment\"\nstatus = \"open\"\n",
    );
}

#[test]
fn show_lists_the_referrals_to_the_partner_newest_first_with_counts() {
    let f = Folder::new();
    directory(&f);
    referrals(&f);
    let v = f
        .run(&["--json", "partner", "show", "mieterverein"])
        .ok()
        .json();
    // SPEC v2: the record's object plus `linked`
    assert_eq!(v["id"], "mieterverein");
    assert_eq!(v["offers"][0], "housing");
    let refs: Vec<_> = v["linked"]["referrals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["ref-20261005-bbbb", "ref-20260302-aaaa"]);
    let with_status = |s: &str| {
        v["linked"]["referrals"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == s)
            .count()
    };
    assert_eq!(with_status("open"), 1);
    assert_eq!(with_status("done"), 1);
    assert_eq!(with_status("failed"), 0);
    let text = f.run(&["partner", "show", "verein"]).ok().all();
    assert!(text.contains("housing — Wohnen"), "{text}");
    assert!(text.contains("offen 1"), "{text}");
    assert!(text.contains("erfolgreich 1"), "{text}");
    let newer = text.find("ref-20261005-bbbb").unwrap();
    let older = text.find("ref-20260302-aaaa").unwrap();
    assert!(newer < older, "newest first:\n{text}");
    assert!(!text.contains("ref-20260610-cccc"), "{text}");
    f.run(&["partner", "show", "mieterverein", "--lang", "en"])
        .ok()
        .has("housing — Housing")
        .has("Referrals")
        .has("Offers");
}

#[test]
fn show_fails_on_unknown_and_ambiguous_ids() {
    let f = Folder::new();
    directory(&f);
    f.write(
        "partners/wohnverein.toml",
        "id = \"wohnverein\"\nname = \"Wohnverein\"\nkind = \"association\"\n",
    );
    f.run(&["partner", "show", "caritas"])
        .code(1)
        .has("Partner mit der Kennung `caritas` gibt es nicht (Ablageordner");
    f.run(&["partner", "show", "verein"])
        .code(1)
        .has("mieterverein")
        .has("wohnverein");
    f.run(&["partner", "edit", "verein", "--notes", "x"])
        .code(1)
        .has("mieterverein")
        .has("wohnverein");
}

#[test]
fn edit_changes_only_the_given_keys_and_keeps_comments() {
    let f = Folder::new();
    f.write(
        "partners/mieterverein.toml",
        "# Ansprechpartnerin: Frau Beispiel\nid = \"mieterverein\"\nname = \"Mieterverein\"  # offizieller Name\nkind = \"housing\"\noffers = [\"housing\"]\nnotes = \"dienstags offen\"\n",
    );
    f.run(&[
        "partner",
        "edit",
        "mieterverein",
        "--languages",
        "de,ar",
        "--offers",
        "housing",
        "--offers",
        "benefits",
        "--phone",
        "0341 1234567",
    ])
    .ok()
    .has("partners/mieterverein.toml");
    let text = f.read("partners/mieterverein.toml");
    assert!(
        text.starts_with("# Ansprechpartnerin: Frau Beispiel\n"),
        "{text}"
    );
    assert!(
        text.contains("name = \"Mieterverein\"  # offizieller Name\n"),
        "{text}"
    );
    assert!(
        text.contains("offers = [\"housing\", \"benefits\"]"),
        "{text}"
    );
    assert!(text.contains("languages = [\"de\", \"ar\"]"), "{text}");
    assert!(text.contains("phone = \"0341 1234567\""), "{text}");
    assert!(text.contains("notes = \"dienstags offen\""), "{text}");
    f.run(&["check", "--strict"]).ok();
    f.run(&["partner", "edit", "mieterverein", "--notes", ""])
        .ok();
    let text = f.read("partners/mieterverein.toml");
    assert!(!text.contains("notes"), "empty value removes: {text}");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn edit_with_json_prints_id_and_path() {
    let f = Folder::new();
    directory(&f);
    let v = f
        .run(&["--json", "partner", "edit", "hilfe", "--kind", "legal"])
        .ok()
        .json();
    assert_eq!(v["id"], "wohnhilfe");
    assert!(
        f.read("partners/wohnhilfe.toml")
            .contains("kind = \"legal\"")
    );
}

#[test]
fn edit_refuses_bad_values_and_leaves_the_file() {
    let f = Folder::new();
    f.english();
    directory(&f);
    let before = f.read("partners/wohnhilfe.toml");
    f.run(&["partner", "edit", "wohnhilfe", "--offers", "wohnen"])
        .code(2)
        .has("not a topic code");
    f.run(&["partner", "edit", "wohnhilfe", "--languages", "persian"])
        .code(2)
        .has("ISO 639-1");
    f.run(&["partner", "edit", "wohnhilfe", "--name", ""])
        .code(2);
    assert_eq!(f.read("partners/wohnhilfe.toml"), before);
}

#[test]
fn edit_without_flags_opens_the_editor() {
    let f = Folder::new();
    directory(&f);
    f.run_env(
        &["partner", "edit", "wohnhilfe"],
        &[("EDITOR", "sed -i s/Wohnhilfe\\ West/Wohnhilfe\\ Lindenau/")],
    )
    .ok()
    .has("partners/wohnhilfe.toml");
    let text = f.read("partners/wohnhilfe.toml");
    assert!(text.contains("name = \"Wohnhilfe Lindenau\""), "{text}");
    f.run(&["check", "--strict"]).ok();
}

/// Whether this process may write where the permissions say it may not
/// (root): then read-only folders prove nothing.
pub fn permissions_ignored(dir: &std::path::Path) -> bool {
    let probe = dir.join(".probe");
    let ignored = std::fs::write(&probe, "x").is_ok();
    let _ = std::fs::remove_file(probe);
    ignored
}

#[test]
fn edit_in_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let f = Folder::new();
    directory(&f);
    let dir = f.path("partners");
    let before = f.read("partners/wohnhilfe.toml");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    if permissions_ignored(&dir) {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("note: skipped — running as root, a read-only folder is still writable");
        return;
    }
    let run = f.run(&["partner", "edit", "wohnhilfe", "--kind", "legal"]);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    run.code(1).has("partners").lacks("panicked");
    assert_eq!(f.read("partners/wohnhilfe.toml"), before);
}

#[test]
fn help_of_every_partner_command_has_an_example() {
    let f = Folder::new();
    for sub in [
        &["partner", "--help"][..],
        &["partner", "add", "--help"],
        &["partner", "list", "--help"],
        &["partner", "show", "--help"],
        &["partner", "edit", "--help"],
    ] {
        f.run(sub).ok().has("Beispiel: quartier partner");
    }
}
