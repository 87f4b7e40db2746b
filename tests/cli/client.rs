//! `quartier client new|list|show|edit`: pseudonymous clients.

use crate::support::{Folder, TODAY};

/// The code and path `client new` printed (`K-XXXXXX<TAB>path`).
fn new_code(f: &Folder, args: &[&str]) -> (String, String) {
    let mut full = vec!["client", "new"];
    full.extend_from_slice(args);
    let run = f.run(&full);
    run.ok();
    let line = run.stdout.trim_end();
    let (code, path) = line
        .split_once('\t')
        .unwrap_or_else(|| panic!("expected `code<TAB>path`, got {line:?}"));
    (code.to_string(), path.to_string())
}

fn is_code(s: &str) -> bool {
    s.strip_prefix("K-").is_some_and(|rest| {
        (4..=12).contains(&rest.len())
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    })
}

fn client_files(f: &Folder) -> usize {
    std::fs::read_dir(f.path("clients"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().ends_with(".toml"))
                .count()
        })
        .unwrap_or(0)
}

fn ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .expect("a JSON array")
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn new_prints_a_fresh_code_and_records_today_as_first_contact() {
    let f = Folder::new();
    let (code, path) = new_code(&f, &[]);
    assert!(is_code(&code), "{code}");
    assert!(path.ends_with(&format!("clients/{code}.toml")), "{path}");
    let text = f.read(&format!("clients/{code}.toml"));
    assert!(text.contains(&format!("id = \"{code}\"")), "{text}");
    assert!(text.contains(&format!("first_contact = {TODAY}")), "{text}");
    let (second, _) = new_code(&f, &[]);
    assert_ne!(code, second, "every client gets a new code");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn new_takes_every_field_and_normalises_codes() {
    let f = Folder::new();
    let (code, _) = new_code(
        &f,
        &[
            "--gender",
            "f",
            "--birth-year",
            "1990",
            "--origin",
            "sy",
            "--languages",
            "AR,ku",
            "--languages",
            "de",
            "--residence",
            "recognised-refugee",
            "--district",
            "lindenau",
            "--employment",
            "unemployed",
            "--consent",
            "yesterday",
            "--first-contact",
            "2026-10-01",
            "--notes",
            "kommt mit zwei Kindern",
        ],
    );
    let text = f.read(&format!("clients/{code}.toml"));
    for line in [
        "first_contact = 2026-10-01",
        "gender = \"f\"",
        "birth_year = 1990",
        "origin = \"SY\"",
        "languages = [\"ar\", \"ku\", \"de\"]",
        "residence = \"recognised-refugee\"",
        "district = \"Lindenau\"",
        "employment = \"unemployed\"",
        "consent = 2026-11-24",
        "notes = \"kommt mit zwei Kindern\"",
    ] {
        assert!(text.contains(line), "`{line}` missing:\n{text}");
    }
    f.run(&["check", "--strict"]).ok();
    let (outside, _) = new_code(&f, &["--district", "outside"]);
    assert!(
        f.read(&format!("clients/{outside}.toml"))
            .contains("district = \"outside\"")
    );
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn new_with_json_prints_id_and_path() {
    let f = Folder::new();
    let v = f.run(&["--json", "client", "new"]).ok().json();
    let id = v["id"].as_str().unwrap();
    assert!(is_code(id), "{id}");
    let path = v["path"].as_str().unwrap();
    assert!(path.ends_with(&format!("clients/{id}.toml")), "{path}");
    assert!(std::path::Path::new(path).is_file());
}

#[test]
fn new_refuses_bad_values_with_exit_2_and_writes_nothing() {
    let f = Folder::new();
    f.english();
    f.run(&["client", "new", "--first-contact", "2026-02-30"])
        .code(2)
        .has("2026-02-30");
    f.run(&["client", "new", "--consent", "31.11.2026"]).code(2);
    f.run(&["client", "new", "--origin", "Syria"])
        .code(2)
        .has("ISO 3166-1");
    f.run(&["client", "new", "--origin", "QQ"])
        .code(2)
        .has("`QQ`");
    f.run(&["client", "new", "--languages", "ar,arabic"])
        .code(2)
        .has("`arabic` is not an ISO 639-1 language code");
    f.run(&["client", "new", "--district", "Grünau"])
        .code(2)
        .has("`Grünau` is not a district")
        .has("Lindenau, Plagwitz, outside");
    f.run(&["client", "new", "--gender", "w"]).code(2);
    f.run(&["client", "new", "--residence", "refugee"]).code(2);
    f.run(&["client", "new", "--birth-year", "2031"])
        .code(2)
        .has("birth-year");
    assert_eq!(client_files(&f), 0);
}

#[test]
fn new_has_no_flags_for_names_or_contact_data() {
    let f = Folder::new();
    for flag in ["--name", "--address", "--phone", "--email", "--birth-date"] {
        f.run(&["client", "new", flag, "x"])
            .code(2)
            .has("unbekannte Option");
    }
    assert_eq!(client_files(&f), 0);
}

#[test]
fn new_refuses_contact_data_in_notes_for_privacy() {
    let f = Folder::new();
    f.english();
    f.run(&["client", "new", "--notes", "Handy 0176 12345678"])
        .code(2)
        .has("privacy")
        .has("phone number");
    f.run(&["client", "new", "--notes", "schreibt an max@example.org"])
        .code(2)
        .has("e-mail address");
    f.run(&["client", "new", "--notes", "geb. 12.03.1985"])
        .code(2)
        .has("birth date");
    assert_eq!(client_files(&f), 0);
    new_code(&f, &["--notes", "Termin beim Jobcenter am 12.03.2026"]);
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn new_fails_cleanly_when_the_folder_cannot_be_written() {
    let f = Folder::new();
    f.write("clients", "not a folder");
    f.run(&["client", "new"])
        .code(1)
        .has("clients")
        .lacks("panicked");
    assert_eq!(f.read("clients"), "not a folder");
}

#[test]
fn new_fails_cleanly_in_a_read_only_folder() {
    use std::os::unix::fs::PermissionsExt;
    let f = Folder::new();
    let dir = f.path("clients");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    if crate::partner::permissions_ignored(&dir) {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("note: skipped — running as root, a read-only folder is still writable");
        return;
    }
    let run = f.run(&["client", "new"]);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    run.code(1).has("clients").lacks("panicked");
    assert_eq!(client_files(&f), 0);
}

#[test]
fn new_with_commit_commits_the_one_file() {
    let f = Folder::new();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(f.root())
            .args(["-c", "user.name=Test", "-c", "user.email=test@localhost"])
            .args(args)
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "--quiet"]);
    git(&["add", "-A"]);
    git(&["commit", "--quiet", "-m", "start"]);
    f.write("clients/unrelated.txt", "not to be committed");
    let (code, _) = new_code(&f, &["--commit"]);
    assert_eq!(
        git(&["log", "-1", "--format=%s"]).trim(),
        format!("client: new {code}")
    );
    let files = git(&["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), format!("clients/{code}.toml"));
}

/// Three clients with different districts, origins and first contacts.
fn clients(f: &Folder) {
    f.write(
        "clients/K-AAAA11.toml",
        "id = \"K-AAAA11\"\nfirst_contact = 2026-03-05\ngender = \"f\"\norigin = \"SY\"\nlanguages = [\"ar\"]\nresidence = \"asylum-seeker\"\ndistrict = \"Lindenau\"\nconsent = 2026-03-05\n",
    );
    f.write(
        "clients/K-BBBB22.toml",
        "id = \"K-BBBB22\"\nfirst_contact = 2026-11-02\ngender = \"m\"\norigin = \"AF\"\nlanguages = [\"fa\"]\nresidence = \"tolerated\"\ndistrict = \"Plagwitz\"\n",
    );
    f.write(
        "clients/K-CCCC33.toml",
        "id = \"K-CCCC33\"\nfirst_contact = 2026-07-20\ngender = \"f\"\norigin = \"UA\"\nresidence = \"residence-permit\"\ndistrict = \"outside\"\nbirth_year = 1980\n",
    );
}

#[test]
fn list_is_newest_first_and_filters_by_the_obvious_keys() {
    let f = Folder::new();
    clients(&f);
    let list = |args: &[&str]| {
        let mut full = vec!["--json", "client", "list"];
        full.extend_from_slice(args);
        ids(&f.run(&full).ok().json())
    };
    assert_eq!(list(&[]), ["K-BBBB22", "K-CCCC33", "K-AAAA11"]);
    assert_eq!(list(&["--district", "Lindenau"]), ["K-AAAA11"]);
    assert_eq!(list(&["--district", "outside"]), ["K-CCCC33"]);
    assert_eq!(list(&["--residence", "tolerated"]), ["K-BBBB22"]);
    assert_eq!(list(&["--origin", "ua"]), ["K-CCCC33"]);
    assert_eq!(list(&["--gender", "f"]), ["K-CCCC33", "K-AAAA11"]);
    assert_eq!(list(&["--language", "fa"]), ["K-BBBB22"]);
    assert_eq!(list(&["--without-consent"]), ["K-BBBB22", "K-CCCC33"]);
    assert_eq!(list(&["--month", "2026-11"]), ["K-BBBB22"]);
    assert_eq!(
        list(&["--from", "2026-03-06", "--to", "2026-11-01"]),
        ["K-CCCC33"]
    );
    assert_eq!(list(&["--to", "2026-03-05"]), ["K-AAAA11"]);
    let v = f.run(&["--json", "client", "list"]).ok().json();
    assert_eq!(v[1]["birth_year"], 1980, "TOML keys in JSON");
    assert_eq!(v[1]["first_contact"], "2026-07-20");
}

#[test]
fn list_shows_labels_and_refuses_bad_filters() {
    let f = Folder::new();
    clients(&f);
    f.run(&["client", "list"])
        .ok()
        .has("Erstkontakt")
        .has("Asylsuchend")
        .has("weiblich");
    f.run(&["client", "list", "--lang", "en"])
        .ok()
        .has("First contact")
        .has("Asylum seeker")
        .has("female");
    f.run(&["client", "list", "--district", "Grünau"])
        .code(2)
        .has("Lindenau, Plagwitz, outside");
    f.run(&["client", "list", "--origin", "XY"]).code(2);
    f.run(&["client", "list", "--from", "2026-02-30"]).code(2);
    f.run(&["client", "list", "--district", "Plagwitz", "--gender", "f"])
        .ok()
        .has("keine Einträge");
}

/// Consultations and referrals of K-AAAA11 (and one of another client).
fn history(f: &Folder) {
    f.write(
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter\"\nkind = \"authority\"\n",
    );
    f.write(
        "appointments/2026/03/apt-20260305-aaaa.toml",
        "id = \"apt-20260305-aaaa\"\ndate = 2026-03-05\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AAAA11\"\ntopics = [\"residence\"]\nlanguage = \"ar\"\nstaff = \"eb\"\n",
    );
    f.write(
        "appointments/2026/10/apt-20261012-bbbb.toml",
        "id = \"apt-20261012-bbbb\"\ndate = 2026-10-12\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AAAA11\"\ntopics = [\"employment\", \"housing\"]\n",
    );
    f.write(
        "appointments/2026/11/apt-20261103-cccc.toml",
        "id = \"apt-20261103-cccc\"\ndate = 2026-11-03\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-BBBB22\"\n",
    );
    f.write(
        "referrals/2026/10/ref-20261012-dddd.toml",
        "id = \"ref-20261012-dddd\"\ndate = 2026-10-12\nclient = \"K-AAAA11\"\npartner = \"jobcenter\"\ntopic = \"employment\"\nappointment = \"apt-20261012-bbbb\"\nstatus = \"open\"\nfollow_up = 2026-12-01\n",
    );
}

#[test]
fn show_has_the_client_with_consultations_and_referrals_newest_first() {
    let f = Folder::new();
    clients(&f);
    history(&f);
    f.run(&["check", "--strict"]).ok();
    let v = f.run(&["--json", "client", "show", "AAAA11"]).ok().json();
    // SPEC v2: the record's object plus `linked`
    assert_eq!(v["id"], "K-AAAA11");
    assert_eq!(v["origin"], "SY");
    let consultations: Vec<_> = v["linked"]["appointments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(consultations, ["apt-20261012-bbbb", "apt-20260305-aaaa"]);
    assert_eq!(v["linked"]["referrals"][0]["id"], "ref-20261012-dddd");
    assert_eq!(v["linked"]["referrals"].as_array().unwrap().len(), 1);
    // a wide table: piped tables are 80 columns wide and shorten long text
    let text = f
        .run_env(&["client", "show", "K-AAAA11"], &[("COLUMNS", "200")])
        .ok()
        .all();
    for needed in [
        "f — weiblich",
        "asylum-seeker — Asylsuchend",
        "employment — Arbeit/Ausbildung",
        "Beratungen: 2",
        "Vermittlungen: 1",
        "jobcenter",
    ] {
        assert!(text.contains(needed), "`{needed}` missing:\n{text}");
    }
    assert!(!text.contains("apt-20261103-cccc"), "{text}");
    let newer = text.find("apt-20261012-bbbb").unwrap();
    let older = text.find("apt-20260305-aaaa").unwrap();
    assert!(newer < older, "newest first:\n{text}");
    f.run(&["client", "show", "AAAA11", "--lang", "en"])
        .ok()
        .has("f — female")
        .has("Consultations: 2")
        .has("Referrals: 1");
}

#[test]
fn show_fails_on_unknown_and_ambiguous_codes() {
    let f = Folder::new();
    f.client("K-AB12", "");
    f.client("K-CD12", "");
    f.run(&["client", "show", "ZZ99"])
        .code(1)
        .has("Klient/in mit der Kennung `ZZ99` gibt es nicht (Ablageordner");
    f.run(&["client", "show", "12"])
        .code(1)
        .has("K-AB12")
        .has("K-CD12");
    f.run(&["client", "edit", "12", "--gender", "f"])
        .code(1)
        .has("K-AB12")
        .has("K-CD12");
}

#[test]
fn edit_changes_only_the_given_keys_and_keeps_comments() {
    let f = Folder::new();
    f.write(
        "clients/K-AAAA11.toml",
        "# Erstgespräch im Stadtteilladen\nid = \"K-AAAA11\"\nfirst_contact = 2026-03-05  # vor Ort\ngender = \"f\"\ndistrict = \"Lindenau\"\nnotes = \"braucht Dolmetscherin\"\n",
    );
    f.run(&[
        "client",
        "edit",
        "AAAA11",
        "--consent",
        "2026-11-20",
        "--residence",
        "residence-permit",
        "--languages",
        "ar,de",
        "--district",
        "plagwitz",
        "--birth-year",
        "1985",
    ])
    .ok()
    .has("K-AAAA11\t");
    let text = f.read("clients/K-AAAA11.toml");
    assert!(
        text.starts_with("# Erstgespräch im Stadtteilladen\n"),
        "{text}"
    );
    for line in [
        "first_contact = 2026-03-05  # vor Ort\n",
        "gender = \"f\"\n",
        "district = \"Plagwitz\"\n",
        "notes = \"braucht Dolmetscherin\"\n",
        "consent = 2026-11-20",
        "residence = \"residence-permit\"",
        "languages = [\"ar\", \"de\"]",
        "birth_year = 1985",
    ] {
        assert!(text.contains(line), "`{line}` missing:\n{text}");
    }
    f.run(&["check", "--strict"]).ok();
    f.run(&["client", "edit", "AAAA11", "--consent", "", "--notes", ""])
        .ok();
    let text = f.read("clients/K-AAAA11.toml");
    assert!(!text.contains("consent"), "{text}");
    assert!(!text.contains("notes"), "{text}");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn edit_refuses_bad_values_and_contact_data_and_leaves_the_file() {
    let f = Folder::new();
    f.english();
    f.client("K-AAAA11", "gender = \"f\"");
    let before = f.read("clients/K-AAAA11.toml");
    f.run(&[
        "client",
        "edit",
        "AAAA11",
        "--notes",
        "Tel. +49 341 1234567",
    ])
    .code(2)
    .has("privacy");
    f.run(&["client", "edit", "AAAA11", "--origin", "Syrien"])
        .code(2);
    f.run(&["client", "edit", "AAAA11", "--district", "Mitte"])
        .code(2)
        .has("Lindenau, Plagwitz, outside");
    f.run(&["client", "edit", "AAAA11", "--first-contact", "2026-02-30"])
        .code(2);
    f.run(&["client", "edit", "AAAA11", "--languages", "xx"])
        .code(2);
    assert_eq!(f.read("clients/K-AAAA11.toml"), before);
}

#[test]
fn edit_with_json_prints_id_and_path() {
    let f = Folder::new();
    f.client("K-AAAA11", "");
    let v = f
        .run(&["--json", "client", "edit", "AAAA11", "--gender", "d"])
        .ok()
        .json();
    assert_eq!(v["id"], "K-AAAA11");
    assert!(
        v["path"]
            .as_str()
            .unwrap()
            .ends_with("clients/K-AAAA11.toml")
    );
    assert!(f.read("clients/K-AAAA11.toml").contains("gender = \"d\""));
}

#[test]
fn edit_without_flags_opens_the_editor() {
    let f = Folder::new();
    f.client("K-AAAA11", "gender = \"unknown\"");
    f.run_env(
        &["client", "edit", "AAAA11"],
        &[("EDITOR", "sed -i s/unknown/m/")],
    )
    .ok();
    assert!(f.read("clients/K-AAAA11.toml").contains("gender = \"m\""));
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn help_of_every_client_command_has_an_example() {
    let f = Folder::new();
    for sub in [
        &["client", "--help"][..],
        &["client", "new", "--help"],
        &["client", "list", "--help"],
        &["client", "show", "--help"],
        &["client", "edit", "--help"],
    ] {
        f.run(sub).ok().has("Beispiel: quartier client");
    }
}

#[test]
fn merge_moves_every_reference_and_removes_the_second_code() {
    let f = Folder::new();
    f.client("K-AAAA", "gender = \"f\"\nbirth_year = 1990");
    f.write(
        "clients/K-BBBB.toml",
        "id = \"K-BBBB\"\nfirst_contact = 2026-01-02\ngender = \"m\"\nconsent = 2026-01-02\n",
    );
    f.write(
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter\"\nkind = \"authority\"\n",
    );
    f.write(
        "appointments/2026/01/apt-20260105-ab12.toml",
        "id = \"apt-20260105-ab12\"\ndate = 2026-01-05\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-BBBB\" # war K-BBBB\n",
    );
    f.write(
        "referrals/2026/01/ref-20260105-cd34.toml",
        "id = \"ref-20260105-cd34\"\ndate = 2026-01-05\nclient = \"K-BBBB\"\npartner = \"jobcenter\"\ntopic = \"employment\"\nstatus = \"open\"\n",
    );
    f.run(&["check", "--strict"]).ok();
    let before = f
        .run(&[
            "--json",
            "report",
            "period",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
        ])
        .ok()
        .json();
    f.run(&["client", "merge", "aaaa", "k-bbbb"])
        .ok()
        .has("K-BBBB → K-AAAA");
    assert!(!f.exists("clients/K-BBBB.toml"));
    let apt = f.read("appointments/2026/01/apt-20260105-ab12.toml");
    assert!(apt.contains("client = \"K-AAAA\" # war K-BBBB"), "{apt}");
    assert!(
        f.read("referrals/2026/01/ref-20260105-cd34.toml")
            .contains("client = \"K-AAAA\"")
    );
    let kept = f.read("clients/K-AAAA.toml");
    assert!(kept.contains("first_contact = 2026-01-02"), "{kept}");
    assert!(kept.contains("consent = 2026-01-02"), "{kept}");
    assert!(kept.contains("gender = \"f\""), "{kept}");
    f.run(&["check", "--strict"]).ok();
    let after = f
        .run(&[
            "--json",
            "report",
            "period",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
        ])
        .ok()
        .json();
    assert_eq!(before["consultations"], after["consultations"]);
    assert_eq!(before["referrals"], after["referrals"]);
    assert_eq!(after["clients"]["unique"], 1);
    f.run(&["client", "merge", "K-AAAA", "K-AAAA"]).code(2);
    f.run(&["client", "merge", "K-AAAA", "K-CCCC"]).code(1);
}

/// `erased` is the tool's (`client erase`, `retention`): no flag sets or
/// removes it, and help does not offer it.
#[test]
fn erased_is_no_flag_of_new_or_edit() {
    let f = Folder::new();
    f.english();
    f.run(&["client", "new", "--erased", "2026-11-01"]).code(2);
    f.run(&["client", "new", "--help"]).ok().lacks("--erased");
    f.client("K-7F3A", "");
    f.run(&["client", "edit", "7F3A", "--erased", "2026-11-01"])
        .code(2);
    f.run(&["client", "edit", "7F3A", "--help"])
        .ok()
        .lacks("--erased");
    f.run(&["client", "edit", "7F3A", "--unset", "erased"])
        .code(2)
        .has("set by quartier");
    assert_eq!(client_files(&f), 1);
}
