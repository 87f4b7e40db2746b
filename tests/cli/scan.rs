//! The privacy scan on every free-text field and every write path (SPEC
//! §1.3, §4), derived from the schema: every key the schema marks as free
//! text (nested ones such as `consents.notes`, and topics where they are free
//! words) of every scanned kind gets a phone number through `check
//! --strict`, `quartier edit`, the `edit` flags and the `add` flags (or the
//! command that writes the nested entry). A free-text key a later version
//! adds is covered without touching this file; a new record kind does not
//! compile here until it has a fixture. Comments are scanned as well.

use crate::support::Folder;
use quartier::model::Kind;
use quartier::schema::{self, FieldSpec, FieldType};
use toml_edit::{DocumentMut, Item, value};

const HOSTILE: &str = "Rückruf unter 0176 12345678";

/// A valid record, and how commands write one like it.
struct Fixture {
    rel: &'static str,
    id: &'static str,
    text: &'static str,
    /// `add` (or `client new`) with every required flag but free text.
    add: &'static [&'static str],
    /// For a nested free-text key: the command that writes such an entry.
    nested: &'static [(&'static str, &'static [&'static str])],
}

const CLIENT: &str = "id = \"K-7F3A\"\nfirst_contact = 2026-01-10\n\n[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\n";

/// The records of `kind` the test can put free text into. Each kind must
/// have one (no wildcard arm: a new kind does not compile until it has).
fn fixtures(kind: Kind) -> Vec<Fixture> {
    match kind {
        Kind::Client => vec![Fixture {
            rel: "clients/K-7F3A.toml",
            id: "K-7F3A",
            text: CLIENT,
            add: &["client", "new", "--first-contact", "2026-01-10"],
            nested: &[(
                "consents.notes",
                &["client", "consent", "K-7F3A", "--scope", "processing"],
            )],
        }],
        Kind::Appointment => vec![
            Fixture {
                rel: "appointments/2026/11/apt-20261120-ab12.toml",
                id: "apt-20261120-ab12",
                text: "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\nstaff = \"eb\"\n",
                add: &[
                    "appointment",
                    "add",
                    "--kind",
                    "consultation",
                    "--client",
                    "K-7F3A",
                    "--date",
                    "2026-11-20",
                    "--staff",
                    "eb",
                ],
                nested: &[],
            },
            Fixture {
                rel: "appointments/2026/11/apt-20261121-sp12.toml",
                id: "apt-20261121-sp12",
                text: "id = \"apt-20261121-sp12\"\ndate = 2026-11-21\nkind = \"sponsor\"\nstatus = \"done\"\nsponsor = \"kinderbuero-west\"\nstaff = \"eb\"\ntopics = [\"Verstetigung\"]\n",
                add: &[
                    "appointment",
                    "add",
                    "--kind",
                    "sponsor",
                    "--sponsor",
                    "kinderbuero-west",
                    "--date",
                    "2026-11-21",
                    "--staff",
                    "eb",
                ],
                nested: &[],
            },
        ],
        Kind::Referral => vec![Fixture {
            rel: "referrals/2026/11/ref-20261120-cd34.toml",
            id: "ref-20261120-cd34",
            text: "id = \"ref-20261120-cd34\"\ndate = 2026-11-20\nclient = \"K-7F3A\"\npartner = \"mieterverein\"\ntopic = \"housing\"\nstatus = \"done\"\nclosed = 2026-11-22\nstaff = \"eb\"\n",
            add: &[
                "referral",
                "add",
                "--client",
                "K-7F3A",
                "--partner",
                "mieterverein",
                "--topic",
                "housing",
                "--date",
                "2026-11-20",
                "--staff",
                "eb",
            ],
            nested: &[],
        }],
        Kind::Event => vec![Fixture {
            rel: "events/2026/11/evt-20261120-ev12.toml",
            id: "evt-20261120-ev12",
            text: "id = \"evt-20261120-ev12\"\ndate = 2026-11-20\ntitle = \"Infoabend Wohnen\"\nkind = \"info\"\nstatus = \"done\"\n\n[participants]\ntotal = 5\n",
            add: &[
                "event",
                "add",
                "--date",
                "2026-11-20",
                "--title",
                "Infoabend",
                "--kind",
                "info",
                "--total",
                "5",
            ],
            nested: &[],
        }],
        Kind::Contact => vec![Fixture {
            rel: "contacts/2026/11/con-20261120-co12.toml",
            id: "con-20261120-co12",
            text: "id = \"con-20261120-co12\"\ndate = 2026-11-20\nkind = \"phone\"\nreferred_to = [\"mieterverein\"]\nstaff = \"eb\"\n",
            add: &[
                "contact",
                "add",
                "--kind",
                "phone",
                "--referred-to",
                "mieterverein",
                "--date",
                "2026-11-20",
                "--staff",
                "eb",
            ],
            nested: &[],
        }],
        // not scanned (their contact data is wanted): never asked for
        Kind::Sponsor | Kind::Partner => Vec::new(),
    }
}

/// The office: the client, a partner and a sponsor every fixture refers to.
fn office() -> Folder {
    let f = Folder::new();
    f.write("clients/K-7F3A.toml", CLIENT);
    f.write(
        "partners/mieterverein.toml",
        "id = \"mieterverein\"\nname = \"Mieterverein\"\nkind = \"housing\"\n",
    );
    f.write(
        "sponsors/kinderbuero-west.toml",
        "id = \"kinderbuero-west\"\nname = \"Kinderbüro West e.V.\"\nproject = \"Lernwerkstatt\"\nfield = \"youth-education\"\nstart = 2026-01-01\n",
    );
    f
}

/// `text` with `path` (`notes`, `consents.notes`) set to the hostile text,
/// as the schema's type wants it (a string, or a list of free words).
fn hostile(text: &str, path: &str, spec: &FieldSpec) -> String {
    let mut doc: DocumentMut = text.parse().unwrap();
    let v = match spec.ty {
        FieldType::Topics { .. } => value(toml_edit::Array::from_iter([HOSTILE])),
        _ => value(HOSTILE),
    };
    let mut keys = path.split('.');
    let first = keys.next().unwrap();
    match keys.next() {
        None => doc[first] = v,
        Some(sub) => match &mut doc[first] {
            Item::ArrayOfTables(a) => a.get_mut(0).expect("an entry")[sub] = v,
            Item::Table(t) => t[sub] = v,
            other => panic!("{path}: no table to put it in ({other:?})"),
        },
    }
    doc.to_string()
}

/// Every free-text key of every scanned kind, from the schema.
fn free_text_keys() -> Vec<(Kind, String, &'static FieldSpec)> {
    let keys: Vec<_> = schema::every_field()
        .into_iter()
        .filter(|(k, _, spec)| quartier::privacy::is_scanned(*k) && spec.may_hold_free_text())
        .collect();
    assert!(keys.len() >= 8, "the schema marks free text: {keys:?}");
    keys
}

/// The fixture of `kind` in which `check --strict` flags `key` when it holds
/// the hostile text (e.g. topics are free words in sponsor meetings only).
fn fixture_for(kind: Kind, key: &str, spec: &FieldSpec) -> Fixture {
    for fx in fixtures(kind) {
        let f = office();
        f.write(fx.rel, &hostile(fx.text, key, spec));
        let r = f.run(&["check", "--strict", "--json"]);
        let flagged = r.code == 1
            && r.json().as_array().unwrap().iter().any(|x| {
                x["code"] == "privacy-field"
                    && x["message"]
                        .as_str()
                        .is_some_and(|m| m.contains(&format!("`{key}`")))
            });
        if flagged {
            return fx;
        }
    }
    panic!(
        "no fixture of {} can hold `{key}`: add one to fixtures()",
        kind.name()
    );
}

#[test]
fn every_free_text_key_is_refused_on_every_write_path() {
    let mut covered = Vec::new();
    for (kind, key, spec) in free_text_keys() {
        let fx = fixture_for(kind, &key, spec);
        let what = format!("{}.{key}", kind.name());
        let f = office();
        f.english();
        f.write(fx.rel, fx.text);
        f.run(&["check", "--strict"]).ok();
        let before = f.read(fx.rel);
        let files = walk(f.root()).len();

        // `quartier edit`: exit 1, the file unchanged
        let replacement = f.parent().join("replacement.toml");
        std::fs::write(&replacement, hostile(fx.text, &key, spec)).unwrap();
        let editor = format!("cp {}", replacement.display());
        f.run_env(&["edit", fx.id], &[("EDITOR", editor.as_str())])
            .code(1)
            .has("privacy");
        assert_eq!(f.read(fx.rel), before, "{what}: quartier edit wrote it");

        let short = fx.id.rsplit('-').next().unwrap();
        if key.contains('.') {
            // a nested entry: the command that writes one
            let (_, cmd) = fx
                .nested
                .iter()
                .find(|(k, _)| *k == key)
                .unwrap_or_else(|| panic!("{what}: name the command that writes it in fixtures()"));
            let mut args = cmd.to_vec();
            args.extend(["--notes", HOSTILE]);
            f.run(&args).code(2).has("privacy");
        } else {
            // the edit flags: exit 2, the file unchanged
            let flag = format!("--{}", spec.flag());
            f.run(&[kind.name(), "edit", short, &flag, HOSTILE])
                .code(2)
                .has("privacy");
            // the add flags (the fixture's own value of this flag left out)
            let mut args: Vec<&str> = Vec::new();
            let mut i = 0;
            while i < fx.add.len() {
                if fx.add[i] == flag {
                    i += 2;
                    continue;
                }
                args.push(fx.add[i]);
                i += 1;
            }
            args.extend([flag.as_str(), HOSTILE]);
            f.run(&args).code(2).has("privacy");
        }
        assert_eq!(f.read(fx.rel), before, "{what}: a flag wrote it");
        f.run(&["check", "--strict"]).ok();
        assert_eq!(
            walk(f.root()).len(),
            files,
            "{what}: nothing new was written"
        );
        covered.push(what);
    }
    for must in [
        "client.notes",
        "client.consents.notes",
        "appointment.notes",
        "appointment.topics",
        "referral.notes",
        "referral.outcome",
        "event.title",
        "event.location",
        "event.notes",
        "contact.notes",
    ] {
        assert!(covered.iter().any(|c| c == must), "{must}: {covered:?}");
    }
}

/// What a person writes into a comment is scanned as well: `check` warns
/// (an error with `--strict`), so `quartier edit` and flag changes refuse
/// such a file; sponsors' and partners' comments are not scanned.
#[test]
fn comments_are_scanned_on_every_path() {
    for fx in [
        Kind::Client,
        Kind::Appointment,
        Kind::Referral,
        Kind::Event,
        Kind::Contact,
    ]
    .into_iter()
    .flat_map(fixtures)
    {
        let f = office();
        f.english();
        let commented = format!("{}# Rückruf 0176.1234.5678\n", fx.text);
        f.write(fx.rel, &commented);
        f.run(&["check"])
            .ok()
            .has(&format!("{}:", fx.rel))
            .has("warning: privacy: a comment seems to contain a phone number");
        f.run(&["check", "--strict"]).code(1);
        f.write(fx.rel, fx.text);
        let replacement = f.parent().join("replacement.toml");
        std::fs::write(&replacement, &commented).unwrap();
        let editor = format!("cp {}", replacement.display());
        f.run_env(&["edit", fx.id], &[("EDITOR", editor.as_str())])
            .code(1)
            .has("a comment");
        assert_eq!(f.read(fx.rel), fx.text, "{}", fx.rel);
    }
    let f = office();
    let partner = f.read("partners/mieterverein.toml")
        + "phone = \"0341 1234567\" # Frau Y.: 0176 12345678\n";
    f.write("partners/mieterverein.toml", &partner);
    f.run(&["check", "--strict"]).ok();
}

/// Every file below `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

/// An event title with a phone number passed `check --strict` and was
/// copied into all report formats. Now every report that would print it is
/// refused (exit 1) naming the file; a phone number in a client's notes
/// (which no report prints) is a warning that does not stop a report.
#[test]
fn a_report_never_prints_contact_data() {
    let f = office();
    f.english();
    let rel = "events/2026/11/evt-20261120-ev12.toml";
    f.write(
        rel,
        "id = \"evt-20261120-ev12\"\ndate = 2026-11-20\ntitle = \"Infoabend mit Frau Yilmaz 0176 12345678\"\nkind = \"info\"\nstatus = \"done\"\n\n[participants]\ntotal = 5\n",
    );
    let xlsx = f.parent().join("bericht.xlsx");
    for format in ["table", "md", "csv", "json", "html", "xlsx"] {
        let mut args = vec![
            "report", "monthly", "--month", "2026-11", "--format", format,
        ];
        if format == "xlsx" {
            args.extend(["--out", xlsx.to_str().unwrap()]);
        }
        f.run(&args)
            .code(1)
            .has(rel)
            .has("privacy: `title`")
            .has("quartier event edit evt-20261120-ev12 --title");
        let printed = f.run(&args).stdout;
        assert!(!printed.contains("12345678"), "{format}: {printed}");
    }
    assert!(!xlsx.exists());
    f.run(&["report", "yearly", "--year", "2026"])
        .code(1)
        .has(rel);
    f.run(&["report", "monthly", "--month", "2026-10"]).ok();
    f.run(&["event", "edit", "ev12", "--title", "Infoabend Wohnen"])
        .ok();
    f.write(
        "clients/K-7F3A.toml",
        &(CLIENT.replace(
            "[[consents]]",
            "notes = \"Handy 0176 12345678\"\n\n[[consents]]",
        )),
    );
    let r = f.run(&["report", "monthly", "--month", "2026-11", "--format", "md"]);
    r.ok().has("Infoabend Wohnen").lacks("12345678");
}

/// The commands that write one free-text key on the side — closing a
/// referral with its outcome, a consent entry with its notes — refuse
/// contact data from their flags as well (exit 2, nothing written).
#[test]
fn status_commands_refuse_contact_data() {
    let f = office();
    f.english();
    let referral = &fixtures(Kind::Referral)[0];
    let open = referral.text.replace(
        "status = \"done\"\nclosed = 2026-11-22\n",
        "status = \"open\"\n",
    );
    f.write(referral.rel, &open);
    f.run(&["check", "--strict"]).ok();
    f.run(&[
        "referral",
        "close",
        "cd34",
        "--status",
        "done",
        "--outcome",
        HOSTILE,
    ])
    .code(2)
    .has("privacy");
    assert_eq!(f.read(referral.rel), open);
    f.run(&[
        "client",
        "consent",
        "K-7F3A",
        "--scope",
        "referral",
        "--notes",
        "per Mail an max(at)example(dot)org",
    ])
    .code(2)
    .has("privacy");
    assert_eq!(f.read("clients/K-7F3A.toml"), CLIENT);
}
