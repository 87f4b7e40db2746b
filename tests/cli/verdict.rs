//! One rule book, every path: the same hostile value gets the same verdict
//! whether it comes through `add` flags, `edit` flags, `quartier edit` (an
//! editor script) or a file that `check --strict` reads. From flags it is
//! refused with exit 2, from the editor with exit 1, and nothing is written.
//! Tried on every kind with free text: appointments, contacts, events,
//! referrals and clients.

use crate::support::Folder;

const CLIENT: &str = "K-7F3A";
const APT: &str = "appointments/2026/11/apt-20261120-ab12.toml";
const PLAIN: &str = "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\nstaff = \"eb\"\n";

fn folder() -> Folder {
    let f = Folder::new();
    // a consent to the data processing covers referrals (SPEC §1.2)
    f.client(CLIENT, "consent = 2026-01-10");
    f.write(
        "partners/jobcenter-west.toml",
        "id = \"jobcenter-west\"\nname = \"Jobcenter\"\nkind = \"employment\"\n",
    );
    for t in TARGETS {
        f.write(t.file, t.plain);
    }
    f.run(&["check", "--strict"]).ok();
    f
}

/// One hostile value: the flags that carry it, and the lines an editor (or
/// a person) would put into the file instead of the lines of `replaces`.
struct Case {
    what: &'static str,
    flags: &'static [&'static str],
    /// the keys whose lines the editor replaces (none: it appends)
    replaces: &'static [&'static str],
    line: &'static str,
    says: &'static str,
}

impl Case {
    /// What the flags say: the same finding, a key by its label (the
    /// person typing flags never saw the file); `check` and `edit` say
    /// `says`, the key as the file holds it.
    fn said(&self) -> &'static str {
        match self.says {
            "`staff` = \"zz\" is not listed under [staff]" => {
                "--staff: (check --strict) “Staff” = \"zz\" is not listed under [staff]"
            }
            s => s,
        }
    }
}

/// A record every case is tried on: its file, the command that adds one
/// like it and the one that edits it.
struct Target {
    file: &'static str,
    plain: &'static str,
    add: &'static [&'static str],
    edit: &'static [&'static str],
    /// the folder `add` writes into (nothing new may appear there)
    folder: &'static str,
    cases: &'static [Case],
}

/// The hostile values; unknown staff is a `check` warning, so refused
/// when strict — and by every write.
const TARGETS: &[Target] = &[
    Target {
        file: APT,
        plain: PLAIN,
        add: &["appointment", "add", "--client", CLIENT],
        edit: &["appointment", "edit", "ab12"],
        folder: "appointments/2026/11",
        cases: &[
            Case {
                what: "unknown staff",
                flags: &["--staff", "zz"],
                replaces: &["staff"],
                line: "staff = \"zz\"",
                says: "`staff` = \"zz\" is not listed under [staff]",
            },
            Case {
                what: "phone number in free text",
                flags: &["--notes", "Rückruf unter 0176 12345678"],
                replaces: &[],
                line: "notes = \"Rückruf unter 0176 12345678\"",
                says: "privacy",
            },
            Case {
                what: "bad code",
                flags: &["--kind", "visit"],
                replaces: &["kind"],
                line: "kind = \"visit\"",
                says: "visit",
            },
            // `kind = "visit"` is also found by the rule that only
            // consultations have a client: a code no condition looks at
            // fails only by the vocabulary
            Case {
                what: "bad code of a key without conditions",
                flags: &["--channel", "fax"],
                replaces: &[],
                line: "channel = \"fax\"",
                says: "fax",
            },
            Case {
                what: "future done",
                flags: &["--date", "2026-12-01", "--status", "done"],
                replaces: &["date", "status"],
                line: "date = 2026-11-30\nstatus = \"done\"",
                says: "future",
            },
        ],
    },
    Target {
        file: "contacts/2026/11/con-20261120-cd34.toml",
        plain: "id = \"con-20261120-cd34\"\ndate = 2026-11-20\nkind = \"phone\"\nstaff = \"eb\"\n",
        add: &["contact", "add"],
        edit: &["contact", "edit", "cd34"],
        folder: "contacts/2026/11",
        cases: &[
            Case {
                what: "unknown staff",
                flags: &["--kind", "phone", "--staff", "zz"],
                replaces: &["staff"],
                line: "staff = \"zz\"",
                says: "`staff` = \"zz\" is not listed under [staff]",
            },
            Case {
                what: "phone number in free text",
                flags: &["--kind", "phone", "--notes", "Rückruf unter 0176 12345678"],
                replaces: &[],
                line: "notes = \"Rückruf unter 0176 12345678\"",
                says: "privacy",
            },
            Case {
                what: "bad code",
                flags: &["--kind", "fax"],
                replaces: &["kind"],
                line: "kind = \"fax\"",
                says: "fax",
            },
            Case {
                what: "a contact in the future",
                flags: &["--kind", "phone", "--date", "2026-12-01"],
                replaces: &["date"],
                line: "date = 2026-11-30",
                says: "future",
            },
        ],
    },
    Target {
        file: "events/2026/11/evt-20261118-m2q8.toml",
        plain: "id = \"evt-20261118-m2q8\"\ndate = 2026-11-18\ntitle = \"Infoabend\"\nkind = \"info\"\nstatus = \"planned\"\n",
        add: &["event", "add", "--title", "Infoabend"],
        edit: &["event", "edit", "m2q8"],
        folder: "events/2026/11",
        cases: &[
            Case {
                what: "phone number in free text",
                flags: &[
                    "--kind",
                    "info",
                    "--status",
                    "planned",
                    "--notes",
                    "Rückruf unter 0176 12345678",
                ],
                replaces: &[],
                line: "notes = \"Rückruf unter 0176 12345678\"",
                says: "privacy",
            },
            Case {
                what: "bad code",
                flags: &["--kind", "party", "--status", "planned"],
                replaces: &["kind"],
                line: "kind = \"party\"",
                says: "party",
            },
            Case {
                what: "future done",
                flags: &[
                    "--kind",
                    "info",
                    "--date",
                    "2026-12-01",
                    "--status",
                    "done",
                    "--total",
                    "10",
                ],
                replaces: &["date", "status"],
                line: "date = 2026-11-30\nstatus = \"done\"",
                says: "future",
            },
        ],
    },
    Target {
        file: "referrals/2026/11/ref-20261120-k3p9.toml",
        plain: "id = \"ref-20261120-k3p9\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nstatus = \"open\"\nstaff = \"eb\"\n",
        add: &[
            "referral",
            "add",
            "--client",
            CLIENT,
            "--partner",
            "jobcenter-west",
            "--topic",
            "employment",
        ],
        edit: &["referral", "edit", "k3p9"],
        folder: "referrals/2026/11",
        cases: &[
            Case {
                what: "unknown staff",
                flags: &["--staff", "zz"],
                replaces: &["staff"],
                line: "staff = \"zz\"",
                says: "`staff` = \"zz\" is not listed under [staff]",
            },
            Case {
                what: "phone number in free text",
                flags: &["--notes", "Rückruf unter 0176 12345678"],
                replaces: &[],
                line: "notes = \"Rückruf unter 0176 12345678\"",
                says: "privacy",
            },
            Case {
                what: "bad code",
                flags: &["--status", "maybe"],
                replaces: &["status"],
                line: "status = \"maybe\"",
                says: "maybe",
            },
            Case {
                what: "closed in the future",
                flags: &["--status", "done", "--closed", "2026-12-01"],
                replaces: &["status"],
                line: "status = \"done\"\nclosed = 2026-11-30",
                says: "future",
            },
        ],
    },
    Target {
        file: "clients/K-9B2C.toml",
        plain: "id = \"K-9B2C\"\nfirst_contact = 2026-01-10\n",
        add: &["client", "new"],
        edit: &["client", "edit", "9B2C"],
        folder: "clients",
        cases: &[
            Case {
                what: "phone number in free text",
                flags: &["--notes", "Rückruf unter 0176 12345678"],
                replaces: &[],
                line: "notes = \"Rückruf unter 0176 12345678\"",
                says: "privacy",
            },
            Case {
                what: "bad code",
                flags: &["--gender", "xq"],
                replaces: &[],
                line: "gender = \"xq\"",
                says: "xq",
            },
            Case {
                what: "first contact in the future",
                flags: &["--first-contact", "2026-12-01"],
                replaces: &["first_contact"],
                line: "first_contact = 2026-11-30",
                says: "future",
            },
        ],
    },
];

/// The file of `t` with `case`'s lines in place of its keys' lines.
fn hostile_text(t: &Target, case: &Case) -> String {
    let mut lines: Vec<String> = t
        .plain
        .lines()
        .filter(|l| {
            !case
                .replaces
                .iter()
                .any(|k| l.starts_with(&format!("{k} ")))
        })
        .map(str::to_string)
        .collect();
    lines.push(case.line.to_string());
    lines.join("\n") + "\n"
}

fn files_in(f: &Folder, folder: &str) -> usize {
    std::fs::read_dir(f.path(folder)).map_or(0, |d| d.count())
}

#[test]
fn add_flags_refuse_every_hostile_value_with_exit_2() {
    let f = folder();
    f.english();
    for t in TARGETS {
        let before = files_in(&f, t.folder);
        for case in t.cases {
            let mut args = t.add.to_vec();
            args.extend_from_slice(case.flags);
            let run = f.run(&args);
            run.code(2).has(case.said());
            assert!(
                !run.stderr.contains("panicked"),
                "{} {}: {}",
                t.add[0],
                case.what,
                run.stderr
            );
        }
        assert_eq!(
            files_in(&f, t.folder),
            before,
            "{}: nothing written",
            t.add[0]
        );
    }
    assert!(!f.exists("appointments/2026/12"), "nothing written");
    assert!(!f.exists("contacts/2026/12"), "nothing written");
}

#[test]
fn edit_flags_refuse_every_hostile_value_with_exit_2() {
    let f = folder();
    f.english();
    for t in TARGETS {
        for case in t.cases {
            let mut args = t.edit.to_vec();
            args.extend_from_slice(case.flags);
            f.run(&args).code(2).has(case.said());
            assert_eq!(
                f.read(t.file),
                t.plain,
                "{} {}: the file is unchanged",
                t.edit[0],
                case.what
            );
        }
    }
}

#[test]
fn quartier_edit_refuses_every_hostile_value_with_exit_1() {
    let f = folder();
    f.english();
    for t in TARGETS {
        for case in t.cases {
            let replacement = f.parent().join("replacement.toml");
            std::fs::write(&replacement, hostile_text(t, case)).unwrap();
            let editor = format!("cp {}", replacement.display());
            f.run_env(&["edit", t.edit[2]], &[("EDITOR", editor.as_str())])
                .code(1)
                .has(case.says);
            assert_eq!(
                f.read(t.file),
                t.plain,
                "{} {}: the file is unchanged",
                t.edit[0],
                case.what
            );
            std::fs::remove_file(replacement).unwrap();
        }
    }
}

#[test]
fn check_strict_flags_every_hostile_value() {
    for t in TARGETS {
        for case in t.cases {
            let f = folder();
            f.english();
            f.write(t.file, &hostile_text(t, case));
            f.run(&["check", "--strict"]).code(1).has(case.says);
        }
    }
}

/// A problem the file had before is the file's (exit 1, "fix the file"),
/// one the flags bring in is theirs (exit 2, naming the flag) — told apart
/// by the finding's code, key and values, never by its wording: another
/// unknown staff on the same key is a new finding.
#[test]
fn a_problem_the_file_had_is_exit_1_one_the_flags_bring_is_exit_2() {
    let f = folder();
    let bad = PLAIN.replace("staff = \"eb\"", "staff = \"zz\"");
    f.write(APT, &bad);
    for lang in ["de", "en"] {
        f.run(&[
            "--lang",
            lang,
            "appointment",
            "edit",
            "ab12",
            "--duration",
            "30",
        ])
        .code(1)
        .has("zz");
        f.run(&[
            "--lang",
            lang,
            "appointment",
            "edit",
            "ab12",
            "--staff",
            "yy",
        ])
        .code(2)
        .has("--staff: ")
        .has("yy");
        assert_eq!(f.read(APT), bad, "nothing written");
    }
    f.run(&["appointment", "edit", "ab12", "--staff", "eb"])
        .ok();
    assert_eq!(f.read(APT), PLAIN);
}

/// `--notes ""` removes the key on every kind (it wrote an empty string on
/// referrals), `--unset KEY` removes an optional key and refuses a required one.
#[test]
fn empty_values_and_unset_remove_keys_the_same_way_everywhere() {
    let f = folder();
    f.client(CLIENT, "consent = 2026-01-10");
    f.write(
        "partners/jobcenter-west.toml",
        "id = \"jobcenter-west\"\nname = \"Jobcenter\"\nkind = \"employment\"\n",
    );
    let referral = "referrals/2026/11/ref-20261120-k3p9.toml";
    f.write(
        referral,
        "id = \"ref-20261120-k3p9\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nstatus = \"open\"\nnotes = \"x\"  # kept until now\n",
    );
    f.run(&["referral", "edit", "k3p9", "--notes", ""]).ok();
    assert!(!f.read(referral).contains("notes"), "{}", f.read(referral));
    f.write(
        APT,
        &(PLAIN.to_string() + "time = 10:00:00\nnotes = \"y\"\n"),
    );
    f.run(&[
        "appointment",
        "edit",
        "ab12",
        "--notes",
        "",
        "--unset",
        "time",
    ])
    .ok();
    assert_eq!(f.read(APT), PLAIN);
    f.run(&["appointment", "edit", "ab12", "--unset", "date"])
        .code(2)
        .has("date");
    assert_eq!(f.read(APT), PLAIN);
    f.run(&["check", "--strict"]).ok();
}

/// Status commands change a record through the same verdict as `edit`
/// flags: what `check --strict` would flag in the changed file refuses the
/// change with exit 2, naming the flag (or the command), and nothing is
/// written. `sponsor end --date` before the start used to be a data error
/// (exit 1) found only by the store; the others had rules of their own.
#[test]
fn status_commands_refuse_what_check_strict_flags_with_exit_2() {
    let f = folder();
    f.english();
    let sponsor = "sponsors/lernhaus.toml";
    f.write(
        sponsor,
        "id = \"lernhaus\"\nname = \"Lernhaus\"\nproject = \"Hausaufgaben\"\nfield = \"youth-education\"\nstart = 2026-01-01\nstatus = \"active\"\n",
    );
    let referral = "referrals/2026/11/ref-20261120-k3p9.toml";
    f.write(
        "partners/jobcenter-west.toml",
        "id = \"jobcenter-west\"\nname = \"Jobcenter\"\nkind = \"employment\"\n",
    );
    f.client(CLIENT, "consent = 2026-01-10");
    f.write(
        referral,
        "id = \"ref-20261120-k3p9\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"jobcenter-west\"\ntopic = \"employment\"\nstatus = \"open\"\n",
    );
    let future = "appointments/2026/12/apt-20261201-cd34.toml";
    f.write(
        future,
        "id = \"apt-20261201-cd34\"\ndate = 2026-12-01\nkind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-7F3A\"\n",
    );
    let event = "events/2026/11/evt-20261118-m2q8.toml";
    f.write(
        event,
        "id = \"evt-20261118-m2q8\"\ndate = 2026-11-18\ntitle = \"Infoabend\"\nkind = \"info\"\nstatus = \"planned\"\n",
    );
    f.run(&["check", "--strict"]).ok();
    let files = [sponsor, referral, future, event, "clients/K-7F3A.toml"];
    let before: Vec<String> = files.iter().map(|p| f.read(p)).collect();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["sponsor", "end", "lernhaus", "--date", "2025-12-31"],
            &[
                "--date: ",
                "“End” 2025-12-31 lies before “Start” 2026-01-01",
            ],
        ),
        (
            &[
                "referral",
                "close",
                "k3p9",
                "--status",
                "done",
                "--outcome",
                "Rückruf unter 0176 12345678",
            ],
            &["--outcome: ", "privacy"],
        ),
        (
            &[
                "referral",
                "close",
                "k3p9",
                "--status",
                "done",
                "--date",
                "2026-11-19",
            ],
            &["--date: ", "lies before the referral date"],
        ),
        (
            &["appointment", "done", "cd34"],
            &["appointment done: ", "future"],
        ),
        (
            &["event", "done", "m2q8", "--total", "3", "--women", "5"],
            &["add up"],
        ),
        (
            &[
                "sponsor",
                "deadline",
                "add",
                "lernhaus",
                "--kind",
                "sachbericht",
                "--due",
                "2026-12-15",
                "--done",
                "2026-12-01",
            ],
            &["--done: ", "future"],
        ),
        (
            &[
                "client",
                "consent",
                "7F3A",
                "--scope",
                "referral",
                "--notes",
                "Tel 0176 12345678",
            ],
            &["--notes: ", "privacy"],
        ),
        (
            &[
                "client",
                "consent",
                "7F3A",
                "--scope",
                "referral",
                "--date",
                "2026-05-01",
                "--until",
                "2026-04-01",
            ],
            &["--until: ", "lies before"],
        ),
    ];
    for (args, says) in cases {
        let run = f.run(args);
        run.code(2);
        for s in *says {
            run.has(s);
        }
    }
    let after: Vec<String> = files.iter().map(|p| f.read(p)).collect();
    assert_eq!(after, before, "nothing was written");
    f.run(&["check", "--strict"]).ok();
}
