//! `--limit N` on every list, and `agenda --mine` (table, JSON and ICS).

use crate::support::Folder;

fn appointment(f: &Folder, id: &str, date: &str, staff: &str, status: &str) {
    let (y, m) = (&date[0..4], &date[5..7]);
    f.write(
        &format!("appointments/{y}/{m}/{id}.toml"),
        &format!(
            "id = \"{id}\"\ndate = {date}\nkind = \"consultation\"\nstatus = \"{status}\"\nclient = \"K-7F3A\"\nstaff = \"{staff}\"\n"
        ),
    );
}

fn folder() -> Folder {
    let f = Folder::new();
    f.client("K-7F3A", "consent = 2026-01-10");
    appointment(&f, "apt-20261102-aaaa", "2026-11-02", "eb", "done");
    appointment(&f, "apt-20261110-bbbb", "2026-11-10", "mk", "done");
    appointment(&f, "apt-20261120-cccc", "2026-11-20", "eb", "done");
    appointment(&f, "apt-20261126-dddd", "2026-11-26", "eb", "planned");
    appointment(&f, "apt-20261127-eeee", "2026-11-27", "mk", "planned");
    f
}

fn ids(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn limit_keeps_the_newest_n_and_says_so() {
    let f = folder();
    let run = f.run(&["--json", "appointment", "list", "--limit", "2"]);
    assert_eq!(
        ids(&run.ok().stdout),
        ["apt-20261127-eeee", "apt-20261126-dddd"]
    );
    f.run(&["appointment", "list", "--limit", "2"])
        .ok()
        .has("apt-20261127-eeee")
        .lacks("apt-20261120-cccc");
    let run = f.run(&["appointment", "list", "--limit", "2"]);
    assert!(run.stderr.contains("2 von 5 Einträgen gezeigt"), "{run:?}");
    // more than there are: everything, no note
    let run = f.run(&["appointment", "list", "--limit", "50"]);
    run.ok();
    assert!(run.stderr.is_empty(), "{run:?}");
    f.run(&["appointment", "list", "--limit", "zwei"]).code(2);
}

#[test]
fn every_list_command_takes_limit() {
    let f = folder();
    for kind in [
        "sponsor",
        "partner",
        "client",
        "appointment",
        "referral",
        "event",
        "contact",
    ] {
        f.run(&["--json", kind, "list", "--limit", "1"]).ok();
    }
}

#[test]
fn agenda_mine_keeps_the_personal_staff_records() {
    let f = folder();
    // without personal staff: a usage error that names the file
    f.run(&["agenda", "--mine"])
        .code(2)
        .has("staff = \"eb\"")
        .has("config.toml");
    std::fs::create_dir_all(f.parent().join("quartier")).unwrap();
    std::fs::write(f.parent().join("quartier/config.toml"), "staff = \"eb\"\n").unwrap();
    let run = f.run(&["--json", "agenda", "--mine"]);
    let v: serde_json::Value = serde_json::from_str(&run.ok().stdout).unwrap();
    let planned: Vec<&str> = v["appointments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(planned, ["apt-20261126-dddd"]);
    let run = f.run(&["--json", "agenda"]);
    let all: serde_json::Value = serde_json::from_str(&run.ok().stdout).unwrap();
    assert_eq!(all["appointments"].as_array().unwrap().len(), 2);
    let run = f.run(&["agenda", "--mine", "--format", "ics"]);
    let ics = &run.ok().stdout;
    assert!(ics.contains("apt-20261126-dddd@quartier"), "{ics}");
    assert!(!ics.contains("apt-20261127-eeee"), "{ics}");
}
