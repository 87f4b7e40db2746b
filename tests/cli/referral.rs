//! `quartier referral add|list|show|edit|close`.

use crate::support::Folder;
use std::process::Command;

/// Two clients (one without consent), two partners, one appointment.
fn folder() -> Folder {
    let f = Folder::new();
    f.client("K-7F3A", "consent = 2026-01-10");
    f.client("K-NOCO", "");
    f.client("K-LATE", "consent = 2026-11-24");
    f.write(
        "partners/jobcenter-west.toml",
        "id = \"jobcenter-west\"\nname = \"Jobcenter Leipzig West\"\nkind = \"authority\"\n",
    );
    f.write(
        "partners/mieterverein.toml",
        "id = \"mieterverein\"\nname = \"Mieterverein\"\nkind = \"housing\"\n",
    );
    f.write(
        "appointments/2026/11/apt-20261120-ab12.toml",
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\nstaff = \"mk\"\n",
    );
    f
}

fn referral(f: &Folder, id: &str, date: &str, body: &str) {
    let (y, m) = (&date[0..4], &date[5..7]);
    f.write(
        &format!("referrals/{y}/{m}/{id}.toml"),
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
    let mut args = vec!["--json", "referral", "add"];
    args.extend_from_slice(extra);
    f.run(&args)
}

#[test]
fn add_writes_an_open_referral_that_passes_strict_check() {
    let f = folder();
    let run = add(
        &f,
        &[
            "--client",
            "K-7F3A",
            "--partner",
            "jobcenter-west",
            "--topic",
            "employment",
            "--follow-up",
            "2026-12-09",
            "--staff",
            "eb",
            "--notes",
            "Unterlagen mitgegeben",
        ],
    );
    run.ok().lacks("warning");
    let v = run.json();
    let id = v["id"].as_str().unwrap();
    assert!(id.starts_with("ref-20261125-"), "{id}");
    let rel = format!("referrals/2026/11/{id}.toml");
    assert!(v["path"].as_str().unwrap().ends_with(&rel));
    let text = f.read(&rel);
    for line in [
        "date = 2026-11-25",
        "client = \"K-7F3A\"",
        "partner = \"jobcenter-west\"",
        "topic = \"employment\"",
        "status = \"open\"",
        "follow_up = 2026-12-09",
        "staff = \"eb\"",
    ] {
        assert!(text.contains(line), "`{line}` missing in\n{text}");
    }
    assert!(!text.contains("closed"), "{text}");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn add_files_the_referral_under_its_date() {
    let f = folder();
    let v = add(
        &f,
        &[
            "--date",
            "2026-10-02",
            "--client",
            "7F3A",
            "--partner",
            "verein",
            "--topic",
            "housing",
        ],
    )
    .ok()
    .json();
    let id = v["id"].as_str().unwrap();
    assert!(id.starts_with("ref-20261002-"));
    let text = f.read(&format!("referrals/2026/10/{id}.toml"));
    assert!(text.contains("partner = \"mieterverein\""), "{text}");
    assert!(text.contains("client = \"K-7F3A\""), "{text}");
}

#[test]
fn add_from_an_appointment_takes_its_client_and_staff() {
    let f = folder();
    let v = add(
        &f,
        &[
            "--appointment",
            "ab12",
            "--partner",
            "mieterverein",
            "--topic",
            "housing",
        ],
    )
    .ok()
    .json();
    let text = f.read(&format!(
        "referrals/2026/11/{}.toml",
        v["id"].as_str().unwrap()
    ));
    assert!(
        text.contains("appointment = \"apt-20261120-ab12\""),
        "{text}"
    );
    assert!(text.contains("client = \"K-7F3A\""), "{text}");
    assert!(text.contains("staff = \"mk\""), "{text}");
    f.run(&["check", "--strict"]).ok();
    add(
        &f,
        &[
            "--appointment",
            "zz99",
            "--partner",
            "mieterverein",
            "--topic",
            "housing",
        ],
    )
    .code(1)
    .has("zz99");
}

#[test]
fn add_warns_but_writes_when_the_client_has_not_consented() {
    let f = folder();
    let run = add(
        &f,
        &[
            "--client",
            "K-NOCO",
            "--partner",
            "mieterverein",
            "--topic",
            "housing",
        ],
    );
    run.ok();
    assert!(run.stderr.contains("warning"), "{}", run.stderr);
    assert!(run.stderr.contains("consent"), "{}", run.stderr);
    let id = run.json()["id"].as_str().unwrap().to_string();
    assert!(f.exists(&format!("referrals/2026/11/{id}.toml")));
    f.run(&["check"]).ok().has("warning").has("consent");
    f.run(&["check", "--strict"]).code(1);

    let late = add(
        &f,
        &[
            "--client",
            "K-LATE",
            "--partner",
            "mieterverein",
            "--topic",
            "housing",
            "--date",
            "2026-11-23",
        ],
    );
    late.ok();
    assert!(
        late.stderr
            .contains("eingewilligt wurde erst am 24.11.2026"),
        "{}",
        late.stderr
    );
}

#[test]
fn add_without_terminal_names_the_missing_flags() {
    let f = folder();
    f.run(&["referral", "add"])
        .code(2)
        .has("--client")
        .has("--partner")
        .has("--topic");
    f.run(&[
        "referral", "add", "--client", "K-7F3A", "--topic", "housing",
    ])
    .code(2)
    .has("--partner")
    .lacks("--client,");
    assert!(!f.exists("referrals"));
}

#[test]
fn add_refuses_unknown_references_topics_and_bad_dates() {
    let f = folder();
    let ok = [
        "--client",
        "K-7F3A",
        "--partner",
        "mieterverein",
        "--topic",
        "housing",
    ];
    let with = |pairs: &[(&str, &str)]| {
        let mut args: Vec<&str> = ok.to_vec();
        for (flag, value) in pairs {
            let i = args.iter().position(|a| a == flag);
            match i {
                Some(i) => args[i + 1] = value,
                None => args.extend([*flag, *value]),
            }
        }
        add(&f, &args)
    };
    with(&[("--client", "K-9999")]).code(1).has("K-9999");
    with(&[("--partner", "caritas")]).code(1).has("caritas");
    with(&[("--topic", "wohnung")])
        .code(2)
        .has("ist kein Themen-Code");
    with(&[("--topic", "housing,health")]).code(2);
    with(&[("--date", "2026-02-30")])
        .code(2)
        .has("diesen Tag gibt es nicht");
    with(&[("--follow-up", "soon")]).code(2);
    with(&[("--follow-up", "2026-11-01")])
        .code(2)
        .has("liegt vor dem Datum");
    assert!(!f.exists("referrals"));
}

#[test]
fn close_keeps_every_comment_of_the_file() {
    let f = folder();
    referral(
        &f,
        "ref-20261110-k3p9",
        "2026-11-10",
        "# Vermittlung nach Beratung, Unterlagen kopiert\nclient = \"K-7F3A\"\npartner = \"jobcenter-west\"  # Team U25\ntopic = \"employment\"\nstatus = \"open\"  # wartet auf Rückmeldung\nfollow_up = 2026-11-24\n# Ende der Angaben",
    );
    f.run(&[
        "referral",
        "close",
        "k3p9",
        "--status",
        "done",
        "--outcome",
        "Beratungstermin wahrgenommen",
    ])
    .ok()
    .has("ref-20261110-k3p9");
    let text = f.read("referrals/2026/11/ref-20261110-k3p9.toml");
    assert!(
        text.contains("# Vermittlung nach Beratung, Unterlagen kopiert\nclient = \"K-7F3A\"\n"),
        "{text}"
    );
    assert!(
        text.contains("partner = \"jobcenter-west\"  # Team U25\n"),
        "{text}"
    );
    assert!(
        text.contains("status = \"done\"  # wartet auf Rückmeldung\n"),
        "{text}"
    );
    assert!(text.contains("# Ende der Angaben"), "{text}");
    assert!(text.contains("closed = 2026-11-25"), "{text}");
    assert!(
        text.contains("outcome = \"Beratungstermin wahrgenommen\""),
        "{text}"
    );
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn close_with_a_date_and_its_limits() {
    let f = folder();
    f.english();
    referral(
        &f,
        "ref-20261110-k3p9",
        "2026-11-10",
        "client = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nstatus = \"open\"",
    );
    let before = f.read("referrals/2026/11/ref-20261110-k3p9.toml");
    let close = |extra: &[&str]| {
        let mut args = vec!["referral", "close", "k3p9"];
        args.extend_from_slice(extra);
        f.run(&args)
    };
    close(&[]).code(2).has("--status");
    close(&["--status", "open"]).code(2);
    close(&["--status", "failed", "--date", "2026-11-09"])
        .code(2)
        .has("before");
    close(&["--status", "failed", "--date", "2026-11-26"])
        .code(2)
        .has("future");
    close(&["--status", "failed", "--date", "11/20"]).code(2);
    assert_eq!(f.read("referrals/2026/11/ref-20261110-k3p9.toml"), before);
    close(&["--status", "withdrawn", "--date", "2026-11-20"]).ok();
    let text = f.read("referrals/2026/11/ref-20261110-k3p9.toml");
    assert!(text.contains("status = \"withdrawn\""), "{text}");
    assert!(text.contains("closed = 2026-11-20"), "{text}");
    close(&["--status", "done"]).code(1).has("already closed");
    assert_eq!(f.read("referrals/2026/11/ref-20261110-k3p9.toml"), text);
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn close_with_commit_commits_the_referral() {
    let f = folder();
    referral(
        &f,
        "ref-20261110-k3p9",
        "2026-11-10",
        "client = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nstatus = \"open\"",
    );
    let env: &[(&str, &str)] = &[
        ("GIT_AUTHOR_NAME", "Test"),
        ("GIT_AUTHOR_EMAIL", "test@example.org"),
        ("GIT_COMMITTER_NAME", "Test"),
        ("GIT_COMMITTER_EMAIL", "test@example.org"),
    ];
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(f.root())
            .args(args)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "--quiet"]);
    git(&["add", "-A"]);
    git(&["commit", "--quiet", "-m", "start"]);
    f.run_env(
        &["referral", "close", "k3p9", "--status", "done", "--commit"],
        env,
    )
    .ok();
    assert_eq!(
        git(&["log", "-1", "--format=%s"]).trim(),
        "referral: close ref-20261110-k3p9"
    );
    assert_eq!(
        git(&["show", "--name-only", "--format=", "HEAD"]).trim(),
        "referrals/2026/11/ref-20261110-k3p9.toml"
    );
}

fn history(f: &Folder) {
    referral(
        f,
        "ref-20260915-aaaa",
        "2026-09-15",
        "client = \"K-7F3A\"\npartner = \"mieterverein\"\ntopic = \"housing\"\nstatus = \"open\"\nfollow_up = 2026-10-01\nstaff = \"eb\"",
    );
    referral(
        f,
        "ref-20261020-bbbb",
        "2026-10-20",
        "client = \"K-LATE\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nstatus = \"done\"\nclosed = 2026-11-02\nstaff = \"mk\"",
    );
    referral(
        f,
        "ref-20261118-cccc",
        "2026-11-18",
        "client = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nstatus = \"open\"\nfollow_up = 2026-11-25\nstaff = \"mk\"",
    );
    referral(
        f,
        "ref-20261124-dddd",
        "2026-11-24",
        "client = \"K-7F3A\"\npartner = \"mieterverein\"\ntopic = \"housing\"\nstatus = \"open\"\nfollow_up = 2026-12-08",
    );
}

#[test]
fn list_is_newest_first_and_filters() {
    let f = folder();
    history(&f);
    let list = |extra: &[&str]| {
        let mut args = vec!["--json", "referral", "list"];
        args.extend_from_slice(extra);
        ids(&f.run(&args).ok().json())
    };
    assert_eq!(
        list(&[]),
        [
            "ref-20261124-dddd",
            "ref-20261118-cccc",
            "ref-20261020-bbbb",
            "ref-20260915-aaaa"
        ]
    );
    assert_eq!(
        list(&["--open"]),
        [
            "ref-20261124-dddd",
            "ref-20261118-cccc",
            "ref-20260915-aaaa"
        ]
    );
    assert_eq!(list(&["--due"]), ["ref-20261118-cccc", "ref-20260915-aaaa"]);
    assert_eq!(list(&["--status", "done"]), ["ref-20261020-bbbb"]);
    assert_eq!(list(&["--client", "K-LATE"]), ["ref-20261020-bbbb"]);
    assert_eq!(
        list(&["--partner", "mieterverein"]),
        ["ref-20261124-dddd", "ref-20260915-aaaa"]
    );
    assert_eq!(
        list(&["--topic", "employment"]),
        ["ref-20261118-cccc", "ref-20261020-bbbb"]
    );
    assert_eq!(list(&["--staff", "eb"]), ["ref-20260915-aaaa"]);
    assert_eq!(
        list(&["--month", "2026-11"]),
        ["ref-20261124-dddd", "ref-20261118-cccc"]
    );
    assert_eq!(
        list(&["--from", "2026-10-01", "--to", "2026-11-20"]),
        ["ref-20261118-cccc", "ref-20261020-bbbb"]
    );
    f.run(&["referral", "list", "--due"])
        .ok()
        .has("Wiedervorlage")
        .has("überfällig")
        .has("offen");
    f.run(&["referral", "list", "--lang", "en"])
        .ok()
        .has("Follow-up")
        .has("overdue")
        .has("Housing");
}

#[test]
fn show_gives_the_partner_and_the_appointment() {
    let f = folder();
    referral(
        &f,
        "ref-20261120-k3p9",
        "2026-11-20",
        "client = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nappointment = \"apt-20261120-ab12\"\nstatus = \"open\"",
    );
    let v = f.run(&["--json", "referral", "show", "k3p9"]).ok().json();
    // SPEC v2: the record's object plus `linked`
    assert_eq!(v["id"], "ref-20261120-k3p9");
    assert_eq!(v["partner"], "jobcenter-west");
    assert_eq!(v["appointment"], "apt-20261120-ab12");
    f.run(&["referral", "show", "k3p9"])
        .ok()
        .has("Jobcenter Leipzig West")
        .has("apt-20261120-ab12");
    f.run(&["referral", "show", "zzzz"]).code(1);
}

#[test]
fn edit_changes_fields_and_reopens() {
    let f = folder();
    referral(
        &f,
        "ref-20261110-k3p9",
        "2026-11-10",
        "client = \"K-7F3A\"\npartner = \"jobcenter-west\"  # Team U25\ntopic = \"employment\"\nstatus = \"failed\"\nclosed = 2026-11-12",
    );
    f.run(&[
        "referral",
        "edit",
        "k3p9",
        "--status",
        "open",
        "--follow-up",
        "2026-12-01",
    ])
    .ok();
    let text = f.read("referrals/2026/11/ref-20261110-k3p9.toml");
    assert!(text.contains("status = \"open\""), "{text}");
    assert!(!text.contains("closed"), "{text}");
    assert!(text.contains("follow_up = 2026-12-01"), "{text}");
    assert!(text.contains("# Team U25"), "{text}");
    f.run(&["referral", "edit", "k3p9", "--partner", "nobody"])
        .code(1);
    f.run(&["referral", "edit", "k3p9", "--topic", "nothing"])
        .code(2);
    assert_eq!(f.read("referrals/2026/11/ref-20261110-k3p9.toml"), text);
    f.run(&["check", "--strict"]).ok();
}
