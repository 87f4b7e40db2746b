//! Id and code lookup is the same everywhere: `show`, the reference flags
//! of every `add`/`edit` and the `list` filters all take the full id, any
//! unique start or end of it, in any case, client codes also without `K-`.

use crate::support::Folder;

/// One client, partner, sponsor and appointment with easy-to-shorten ids.
fn folder() -> Folder {
    let f = Folder::new();
    f.client("K-AM9JLP", "consent = 2026-01-10");
    f.write(
        "partners/mieterverein.toml",
        "id = \"mieterverein\"\nname = \"Mieterverein\"\nkind = \"housing\"\n",
    );
    f.write(
        "sponsors/kinderbuero-west.toml",
        "id = \"kinderbuero-west\"\nname = \"Kinderbüro West e.V.\"\nproject = \"Lernwerkstatt\"\nfield = \"youth-education\"\nstart = 2026-01-01\n",
    );
    f.write(
        "appointments/2026/11/apt-20261120-ab12.toml",
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\ntime = 09:00\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AM9JLP\"\nstaff = \"mk\"\n",
    );
    f
}

/// Runs a writing command with `--json` and returns the written file's text.
fn written(f: &Folder, args: &[&str]) -> String {
    let mut full = vec!["--json"];
    full.extend_from_slice(args);
    let run = f.run(&full);
    run.ok();
    let rel = run.json()["path"].as_str().unwrap().to_string();
    let rel = rel
        .strip_prefix(f.root().to_str().unwrap())
        .unwrap_or(&rel)
        .trim_start_matches('/')
        .trim_start_matches("records/")
        .to_string();
    f.read(&rel)
}

/// The forms a person types for K-AM9JLP: all of them must work alike.
const CLIENT_FORMS: [&str; 5] = ["am9jlp", "am9", "k-am9", "9jlp", "K-AM9JLP"];

#[test]
fn show_takes_every_form_of_a_client_code() {
    let f = folder();
    for q in CLIENT_FORMS {
        f.run(&["client", "show", q]).ok().has("K-AM9JLP");
    }
}

#[test]
fn appointment_add_takes_the_forms_show_takes() {
    let f = folder();
    for (i, q) in CLIENT_FORMS.iter().enumerate() {
        let time = format!("1{i}:00");
        let text = written(
            &f,
            &[
                "appointment",
                "add",
                "--client",
                q,
                "--date",
                "2026-11-21",
                "--time",
                &time,
            ],
        );
        assert!(text.contains("client = \"K-AM9JLP\""), "{q}: {text}");
    }
    let text = written(
        &f,
        &[
            "appointment",
            "add",
            "--sponsor",
            "KINDERBUERO",
            "--date",
            "2026-11-21",
        ],
    );
    assert!(text.contains("sponsor = \"kinderbuero-west\""), "{text}");
}

#[test]
fn referral_add_takes_short_forms_of_client_partner_and_appointment() {
    let f = folder();
    let text = written(
        &f,
        &[
            "referral",
            "add",
            "--client",
            "am9",
            "--partner",
            "MIETER",
            "--appointment",
            "AB12",
            "--topic",
            "housing",
        ],
    );
    assert!(text.contains("client = \"K-AM9JLP\""), "{text}");
    assert!(text.contains("partner = \"mieterverein\""), "{text}");
    assert!(
        text.contains("appointment = \"apt-20261120-ab12\""),
        "{text}"
    );
}

#[test]
fn event_add_takes_short_forms_of_partners_and_sponsors() {
    let f = folder();
    let text = written(
        &f,
        &[
            "event",
            "add",
            "--date",
            "2026-12-03",
            "--title",
            "Infoabend",
            "--kind",
            "info",
            "--partners",
            "Mieter",
            "--sponsors",
            "west",
        ],
    );
    assert!(text.contains("\"mieterverein\""), "{text}");
    assert!(text.contains("\"kinderbuero-west\""), "{text}");
}

#[test]
fn edit_flags_take_short_forms() {
    let f = folder();
    f.client("K-ZZ77QQ", "consent = 2026-01-10");
    f.run(&["appointment", "edit", "ab12", "--client", "zz77"])
        .ok();
    let text = f.read("appointments/2026/11/apt-20261120-ab12.toml");
    assert!(text.contains("client = \"K-ZZ77QQ\""), "{text}");
}

#[test]
fn list_filters_take_short_forms() {
    let f = folder();
    f.write(
        "referrals/2026/11/ref-20261121-cd34.toml",
        "id = \"ref-20261121-cd34\"\ndate = 2026-11-21\nclient = \"K-AM9JLP\"\npartner = \"mieterverein\"\ntopic = \"housing\"\nstatus = \"open\"\n",
    );
    for q in CLIENT_FORMS {
        let v = f
            .run(&["--json", "appointment", "list", "--client", q])
            .ok()
            .json();
        assert_eq!(v.as_array().unwrap().len(), 1, "{q}: {v}");
        let v = f
            .run(&["--json", "referral", "list", "--client", q])
            .ok()
            .json();
        assert_eq!(v.as_array().unwrap().len(), 1, "{q}: {v}");
    }
    let v = f
        .run(&["--json", "referral", "list", "--partner", "MIETER"])
        .ok()
        .json();
    assert_eq!(v.as_array().unwrap().len(), 1, "{v}");
}

#[test]
fn unknown_filter_values_are_usage_errors_with_suggestions() {
    let f = folder();
    f.run(&["appointment", "list", "--topic", "wohnen"])
        .code(2)
        .has("housing (Wohnen)");
    f.run(&["event", "list", "--topic", "housng"])
        .code(2)
        .has("housing");
    f.run(&["referral", "list", "--topic", "wohnen"])
        .code(2)
        .has("housing");
    f.run(&["partner", "list", "--offers", "wohnen"])
        .code(2)
        .has("housing");
    f.run(&["referral", "list", "--partner", "nope"])
        .code(2)
        .has("partner list");
    f.run(&["event", "list", "--partner", "mieterverien"])
        .code(2)
        .has("mieterverein");
    f.run(&["event", "list", "--sponsor", "nope"]).code(2);
    f.run(&["appointment", "list", "--sponsor", "nope"]).code(2);
    f.run(&["appointment", "list", "--client", "K-AM9JLQ"])
        .code(2)
        .has("K-AM9JLP");
    f.run(&["appointment", "list", "--staff", "ebb"])
        .code(2)
        .has("eb");
    f.run(&["referral", "list", "--staff", "xy"])
        .code(2)
        .has("mk");
    f.run(&["client", "list", "--language", "xx"]).code(2);
    // Known values without records: an empty list, exit 0.
    let v = f
        .run(&["--json", "appointment", "list", "--topic", "health"])
        .ok()
        .json();
    assert_eq!(v.as_array().unwrap().len(), 0);
    let v = f
        .run(&["--json", "appointment", "list", "--staff", "EB"])
        .ok()
        .json();
    assert_eq!(v.as_array().unwrap().len(), 0);
    let v = f
        .run(&["--json", "appointment", "list", "--staff", "mk"])
        .ok()
        .json();
    assert_eq!(v.as_array().unwrap().len(), 1);
}
