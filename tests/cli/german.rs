//! German first (#16): the texts that used to be inline pairs or English
//! only, run once in German (the default) and once with `--lang en`.

use crate::support::Folder;

const APT: &str = "appointments/2026/11/apt-20261120-ab12.toml";

fn folder() -> Folder {
    let f = Folder::new();
    f.client("K-1001", "consent = 2026-01-10");
    f.client("K-2002", "");
    f.write(
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter\"\nkind = \"authority\"\n",
    );
    f.write(
        APT,
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-1001\"\n",
    );
    f.write(
        "referrals/2026/11/ref-20261120-cd34.toml",
        "id = \"ref-20261120-cd34\"\ndate = 2026-11-20\nclient = \"K-1001\"\npartner = \"jobcenter\"\ntopic = \"employment\"\nappointment = \"apt-20261120-ab12\"\nstatus = \"open\"\n",
    );
    f
}

#[test]
fn delete_refusal_speaks_german_and_english() {
    let f = folder();
    f.run(&["delete", "ab12", "--yes"])
        .code(1)
        .has("wird nicht gelöscht, andere Einträge verweisen darauf")
        .has("Ändern oder löschen Sie zuerst diese Einträge")
        .lacks("not deleted");
    f.run(&["delete", "ab12", "--yes", "--lang", "en"])
        .code(1)
        .has("not deleted, other records refer to it")
        .lacks("wird nicht");
}

#[test]
fn search_and_filters_speak_german_and_english() {
    let f = folder();
    f.run(&["search", "nirgends"]).ok().has("keine Einträge");
    f.run(&["search", "x", "--kind", "klient"])
        .code(2)
        .has("`klient` ist keine Art von Eintrag")
        .lacks("no kind of record");
    f.run(&["search", "x", "--kind", "klient", "--lang", "en"])
        .code(2)
        .has("`klient` is no kind of record");
    f.run(&["partner", "list", "--offers", "wohnen"])
        .code(2)
        .has("`wohnen` ist kein Themen-Code")
        .has("meinten Sie");
    f.run(&["partner", "list", "--offers", "wohnen", "--lang", "en"])
        .code(2)
        .has("`wohnen` is not a topic code");
}

#[test]
fn consent_merge_and_tables_speak_german_and_english() {
    let f = folder();
    f.run(&["client", "consent", "2002"])
        .code(2)
        .has("--scope processing|referral fehlt");
    f.run(&["client", "consent", "2002", "--lang", "en"])
        .code(2)
        .has("--scope processing|referral is missing");
    f.run(&["client", "merge", "K-1001", "K-1001"])
        .code(2)
        .has("zwei verschiedene Codes angeben");
    f.run(&["client", "merge", "K-1001", "K-1001", "--lang", "en"])
        .code(2)
        .has("give two different codes");
    f.run(&["client", "show", "K-1001"])
        .ok()
        .has("Feld")
        .has("Wert");
    f.run(&["client", "show", "K-1001", "--lang", "en"])
        .ok()
        .has("Field")
        .has("Value");
}

/// Words of the code that must not stand in a German sentence: the kind
/// names (folder and command words) and the English verbs of file errors.
const ENGLISH_IN_GERMAN: [&str; 9] = [
    "client `",
    "appointment `",
    "referral `",
    " unter ",
    "cannot ",
    "no client",
    "is not empty",
    "(it is a file",
    "wrote ",
];

/// Lookups, a refused delete and a file error name the kind as the office
/// does (Klient/in, Vermittlung) and say the whole sentence in German; with
/// `--lang en` the same paths speak English.
#[test]
fn kinds_and_file_errors_speak_german_and_english() {
    let f = folder();
    f.write("afile", "");
    let file = f.path("afile");
    let file = file.to_str().unwrap();
    for (args, code, german) in [
        (
            vec!["client", "show", "ZZ99"],
            1,
            "Klient/in mit der Kennung `ZZ99` gibt es nicht (Ablageordner",
        ),
        (
            vec![
                "referral",
                "add",
                "--client",
                "K-9999",
                "--partner",
                "jobcenter",
                "--topic",
                "employment",
            ],
            1,
            "--client: Klient/in `K-9999` gibt es nicht",
        ),
        (
            vec!["delete", "ab12", "--yes"],
            1,
            "Termin apt-20261120-ab12: wird nicht gelöscht",
        ),
        (
            vec!["demo", "generate", "--out", file],
            1,
            "ist eine Datei, kein Ordner: als Ordner verwenden nicht möglich",
        ),
    ] {
        let run = f.run(&args);
        run.code(code).has(german);
        for english in ENGLISH_IN_GERMAN {
            run.lacks(english);
        }
        if args[0] == "delete" {
            run.has("(Vermittlung `appointment`)");
        }
    }
    for (args, english) in [
        (vec!["client", "show", "ZZ99"], "no client with id `ZZ99`"),
        (
            vec!["delete", "ab12", "--yes"],
            "appointment apt-20261120-ab12: not deleted",
        ),
        (vec!["demo", "generate", "--out", file], "cannot use "),
    ] {
        let mut args = args;
        args.extend(["--lang", "en"]);
        f.run(&args)
            .code(1)
            .has(english)
            .lacks("Klient/in")
            .lacks("nicht");
    }
}

/// Refusals of `report period`, `flyer`, `sponsor deadline`, `event list` and the
/// `--staff` filter, English only before, in German by default and in
/// English with `--lang en`.
#[test]
fn command_refusals_speak_german_and_english() {
    let f = folder();
    f.write(
        "sponsors/stadt.toml",
        "id = \"stadt\"\nname = \"Stadt\"\nproject = \"P\"\nfield = \"youth-education\"\nstart = 2026-01-01\n",
    );
    let deadline = [
        "sponsor",
        "deadline",
        "done",
        "stadt",
        "--kind",
        "sachbericht",
        "--due",
        "2026-06-30",
    ];
    let cases: [(&[&str], i32, &str, &str); 5] = [
        (
            &[
                "report",
                "period",
                "--from",
                "2026-11-01",
                "--to",
                "2026-10-01",
            ],
            2,
            "--from darf nicht nach --to liegen",
            "must not be after",
        ),
        (
            &["flyer", "--languages", "de"],
            1,
            "in quartier.toml stehen keine Sprechzeiten",
            "has no consultation hours",
        ),
        (
            &deadline,
            1,
            "stadt hat keine Frist der Art sachbericht, fällig am 30.06.2026",
            "has no sachbericht deadline",
        ),
        (
            &["event", "list", "--out", "x.ics"],
            2,
            "--out gehört zu --format ics",
            "belongs to",
        ),
        (
            &["appointment", "list", "--staff", "XY"],
            2,
            "`XY` steht nicht als Kürzel unter [staff]",
            "are not initials",
        ),
    ];
    for (args, code, german, english) in cases {
        f.run(args).code(code).has(german).lacks(english);
    }
    for (args, code, german, english) in [cases[0], cases[2]] {
        let mut args = args.to_vec();
        args.extend(["--lang", "en"]);
        f.run(&args).code(code).has(english).lacks(german);
    }
}

/// `sync` outside a git repository and a `--out` that is a folder: the git
/// and output errors, English only before, in German and in English.
#[test]
fn sync_and_out_errors_speak_german_and_english() {
    let f = folder();
    let dir = f.parent().to_str().unwrap().to_string();
    let out = [
        "report",
        "monthly",
        "--month",
        "2026-11",
        "--out",
        dir.as_str(),
    ];
    f.run(&["sync"])
        .code(1)
        .has("liegt in keinem git-Repository")
        .has("gemeinsame Ablage")
        .lacks("is not in a git repository");
    f.run(&["sync", "--lang", "en"])
        .code(1)
        .has("is not in a git repository")
        .lacks("keinem");
    f.run(&out)
        .code(1)
        .has("keine gewöhnliche Datei (ein Ordner)")
        .lacks("regular file");
    let mut english = out.to_vec();
    english.extend(["--lang", "en"]);
    f.run(&english)
        .code(1)
        .has("is not a regular file (a folder)")
        .lacks("Ordner");
}

/// The warnings of `appointment add` (a consultation with the same client,
/// date and time) and `appointment done` on a done appointment, in German
/// and in English.
#[test]
fn appointment_warnings_speak_german_and_english() {
    let f = folder();
    let add = [
        "appointment",
        "add",
        "--client",
        "K-1001",
        "--date",
        "2026-11-20",
        "--time",
        "10:00",
    ];
    f.run(&add).ok();
    f.run(&add)
        .ok()
        .has("Warnung: für K-1001 gibt es am 20.11.2026 um 10:00 schon eine Beratung")
        .lacks("warning")
        .lacks("already");
    let mut english = add.to_vec();
    english.extend(["--lang", "en"]);
    f.run(&english)
        .ok()
        .has("warning: K-1001 already has a consultation on 2026-11-20 at 10:00")
        .lacks("Warnung");
    f.run(&["appointment", "done", "ab12"])
        .ok()
        .has("apt-20261120-ab12 ist schon `done`; es gibt nichts zu ändern");
    f.run(&["appointment", "done", "ab12", "--lang", "en"])
        .ok()
        .has("apt-20261120-ab12 is already `done`; nothing to change");
}

/// The consent column of `client list` writes its days as the other columns
/// do: 10.01.2026 in German, 2026-01-10 in English.
#[test]
fn the_consent_column_writes_days_as_the_office_reads_them() {
    let f = folder();
    f.client(
        "K-3003",
        "[[consents]]\ndate = 2026-02-01\nscope = \"referral\"\nuntil = 2027-01-31\n",
    );
    let wide = [("COLUMNS", "200")];
    f.run_env(&["client", "list"], &wide)
        .ok()
        .has("10.01.2026")
        .has("referral 01.02.2026–31.01.2027")
        .lacks("2026-01-10");
    f.run_env(&["--lang", "en", "client", "list"], &wide)
        .ok()
        .has("2026-01-10")
        .has("referral 2026-02-01–2027-01-31");
}

/// An array of tables (a sponsor's deadlines, a client's consents) is shown
/// entry by entry with the keys' labels and values as the office reads
/// them, not as JSON.
#[test]
fn show_lists_deadlines_and_consents_by_their_labels() {
    let f = folder();
    f.write(
        "sponsors/lesewelt.toml",
        "id = \"lesewelt\"\nname = \"Lesewelt e. V.\"\nproject = \"Lesen\"\nfield = \"youth-education\"\nstart = 2026-01-01\n\n[[deadlines]]\nkind = \"mittelabruf\"\ndue = 2026-04-15\ndone = 2026-04-08\n",
    );
    f.client(
        "K-3003",
        "[[consents]]\ndate = 2026-02-01\nscope = \"referral\"\nuntil = 2027-01-31\n",
    );
    let wide = [("COLUMNS", "200")];
    f.run_env(&["sponsor", "show", "lesewelt"], &wide)
        .ok()
        .has("mittelabruf — Mittelabruf, Fällig am 15.04.2026, Erledigt am 08.04.2026")
        .lacks("{\"");
    f.run_env(&["client", "show", "K-3003"], &wide)
        .ok()
        .has("Datum 01.02.2026, Bereich referral — Vermittlung")
        .lacks("{\"");
    f.run(&["referral", "show", "cd34"])
        .ok()
        .has("Aus Termin: apt-20261120-ab12 20.11.2026 (stattgefunden)");
    f.run_env(&["--lang", "en", "sponsor", "show", "lesewelt"], &wide)
        .ok()
        .has("2026-04-15")
        .lacks("{\"");
}
