//! `quartier import`: German CSV and xlsx lists with good, bad and
//! privacy-refused rows; dry runs and second runs write nothing.

use crate::support::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The consultation list of the office as German Excel saves it: BOM, `;`,
/// CRLF, a quoted note with a line break, TT.MM.JJJJ.
const CSV: &str = "\u{feff}Datum;Uhrzeit;Klient-Code;Themen;Sprache;Dolmetscher;Dauer (Min.);Bemerkung;Interne Notiz\r\n\
03.02.2026;10:00;7f3a;Aufenthalt, Wohnen;Arabisch;ja;45;\"Unterlagen für ABH\r\nvorbereitet\";nur-intern\r\n\
04.02.2026;11:30;K-2B9C;Arbeit;Farsi;nein;30;;y\r\n\
05.02.2026;9:00;K-9999;Wohnen;;;;;z\r\n\
06.02.2026;9:00;7F3A;Gesundheit;Arabisch;;60;Rückruf unter 0341 1234567;w\r\n\
31.02.2026;9:00;7F3A;Gesundheit;;;60;;v\r\n\
07.02.2026;14:00;7F3A;Familie;Arabisch;;-5;;u\r\n";

const RULES: &str = r#"
[columns]
Datum = "date"
Uhrzeit = "time"
"Klient-Code" = "client"
Themen = "topics"
Sprache = "language"
Dolmetscher = "interpreter"
"Dauer (Min.)" = "duration"
Bemerkung = "notes"

[values.topics]
Aufenthalt = "residence"
Wohnen = "housing"
Arbeit = "employment"
Gesundheit = "health"
Familie = "family"

[values.language]
Arabisch = "ar"
Farsi = "fa"

[constants]
kind = "consultation"
staff = "eb"
"#;

fn git(root: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder with two clients, committed, and the sheet and rules beside it.
fn office() -> Folder {
    let f = Folder::new();
    f.client("K-7F3A", "").client("K-2B9C", "");
    git(f.root(), &["init", "--quiet"]);
    git(f.root(), &["add", "-A"]);
    git(f.root(), &["commit", "--quiet", "-m", "start"]);
    std::fs::write(f.parent().join("beratungen.csv"), CSV).unwrap();
    std::fs::write(f.parent().join("regeln.toml"), RULES).unwrap();
    f
}

/// SHA-256 of every file below the folder (git's included), by path.
fn checksums(root: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            let hash: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            (
                e.path().strip_prefix(root).unwrap().display().to_string(),
                hash,
            )
        })
        .collect()
}

fn appointment_files(f: &Folder) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(f.path("appointments"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    files.sort();
    files
}

fn import(f: &Folder, sheet: &str, extra: &[&str]) -> Run {
    let sheet = f.parent().join(sheet);
    let rules = f.parent().join("regeln.toml");
    let mut args = vec![
        "import",
        "appointment",
        sheet.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    f.run(&args)
}

#[test]
fn a_german_csv_writes_the_good_rows_lists_the_bad_ones_and_commits_once() {
    let f = office();
    let run = import(&f, "beratungen.csv", &[]);
    run.code(1)
        .has("beratungen.csv:4: error: `client` verweist auf Klient/in `K-9999`, aber diese Kennung gibt es nicht")
        .has("beratungen.csv:5: error: Datenschutz: `notes` (Spalte \"Bemerkung\")")
        .has("beratungen.csv:6: error: Spalte \"Datum\" (`date`): `31.02.2026`: diesen Tag gibt es nicht")
        .has("beratungen.csv:7: error:")
        .has("Interne Notiz")
        .has("2 von 6 Zeilen aus beratungen.csv als neue Einträge (Termin) geschrieben")
        .has("4 fehlerhafte Zeilen nicht geschrieben");
    let files = appointment_files(&f);
    assert_eq!(files.len(), 2, "{files:?}");
    let first = files
        .iter()
        .find(|t| t.contains("date = 2026-02-03"))
        .unwrap();
    for line in [
        "time = 10:00:00",
        "client = \"K-7F3A\"",
        "topics = [\"residence\", \"housing\"]",
        "language = \"ar\"",
        "interpreter = true",
        "duration = 45",
        "Unterlagen für ABH\nvorbereitet",
        "kind = \"consultation\"",
        "status = \"done\"",
    ] {
        assert!(first.contains(line), "{line} missing in\n{first}");
    }
    assert!(
        first
            .lines()
            .any(|l| l.starts_with("import = \"") && l.len() == "import = \"\"".len() + 64)
    );
    // nothing of the refused row, nothing of an unmapped column
    assert!(
        files
            .iter()
            .all(|t| !t.contains("1234567") && !t.contains("2026-02-06"))
    );
    assert!(files.iter().all(|t| !t.contains("nur-intern")));
    f.run(&["check"]).ok();
    let log = git(f.root(), &["log", "--format=%s"]);
    assert_eq!(
        log.lines().next(),
        Some("import: 2 appointment records from beratungen.csv")
    );
    assert_eq!(log.lines().count(), 2, "one commit for the whole import");
    assert_eq!(git(f.root(), &["status", "--porcelain"]), "");
}

#[test]
fn a_bad_row_gets_the_finding_check_gives_for_the_same_record() {
    let f = office();
    let run = import(&f, "beratungen.csv", &[]);
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("beratungen.csv:7: error:"))
        .unwrap_or_else(|| panic!("{}", run.all()))
        .to_string();
    // the same record as a file: check's message for it
    f.write(
        "appointments/2026/02/apt-20260207-abcd.toml",
        "id = \"apt-20260207-abcd\"\ndate = 2026-02-07\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\nduration = -5\n",
    );
    let check = f.run(&["check"]);
    let finding = check
        .stdout
        .lines()
        .find(|l| l.contains("apt-20260207-abcd.toml:6: error:"))
        .unwrap();
    let message = finding.split(": error: ").nth(1).unwrap();
    assert!(
        line.ends_with(&format!(
            "beratungen.csv:7: error: {message} (Spalte \"Dauer (Min.)\")"
        )),
        "{line}\n{message}"
    );
}

#[test]
fn a_dry_run_writes_nothing_and_a_second_run_writes_nothing_new() {
    let f = office();
    let before = checksums(f.root());
    import(&f, "beratungen.csv", &["--dry-run"])
        .code(1)
        .has("Probelauf: 2 von 6 Zeilen aus beratungen.csv würden als neue Einträge (Termin) geschrieben; nichts wurde geschrieben");
    assert_eq!(checksums(f.root()), before, "the dry run changed files");

    import(&f, "beratungen.csv", &[]).code(1);
    let after_first = checksums(f.root());
    assert_ne!(after_first, before);
    let again = import(&f, "beratungen.csv", &[]);
    again
        .code(1)
        .has("0 von 6 Zeilen aus beratungen.csv als neue Einträge (Termin) geschrieben")
        .has("2 schon früher importiert");
    assert_eq!(
        checksums(f.root()),
        after_first,
        "the second run changed files"
    );

    // with the bad rows fixed, only they are written
    let fixed = CSV
        .replace("K-9999", "K-2B9C")
        .replace("Rückruf unter 0341 1234567", "Rückruf vereinbart")
        .replace("31.02.2026", "28.02.2026")
        .replace(";-5;", ";50;");
    std::fs::write(f.parent().join("beratungen.csv"), fixed).unwrap();
    let run = import(&f, "beratungen.csv", &["--lang", "en"]);
    run.ok().has(
        "wrote 4 of 6 rows of beratungen.csv as appointment records; 2 already imported (skipped)",
    );
    assert_eq!(appointment_files(&f).len(), 6);
    f.run(&["check"]).ok();
}

#[test]
fn an_xlsx_sheet_with_date_cells_is_imported_like_the_csv() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let f = office();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Beratungen").unwrap();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let time = Format::new().set_num_format("hh:mm");
    let headers = [
        "Datum",
        "Uhrzeit",
        "Klient-Code",
        "Themen",
        "Sprache",
        "Dolmetscher",
        "Dauer (Min.)",
        "Bemerkung",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows: [(u8, &str, &str, &str, f64, &str); 4] = [
        (
            3,
            "7F3A",
            "Aufenthalt",
            "Arabisch",
            45.0,
            "Antrag besprochen",
        ),
        (4, "K-2B9C", "Arbeit; Wohnen", "Farsi", 30.0, ""),
        (
            5,
            "7F3A",
            "Gesundheit",
            "Arabisch",
            60.0,
            "Mail an max.mustermann@example.org",
        ),
        (6, "7F3A", "Unbekannt", "Arabisch", 60.0, ""),
    ];
    for (i, (day, code, topics, lang, minutes, notes)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        let d = ExcelDateTime::from_ymd(2026, 3, *day).unwrap();
        sheet.write_datetime_with_format(r, 0, &d, &date).unwrap();
        let t = ExcelDateTime::from_hms(9 + i as u16, 30, 0).unwrap();
        sheet.write_datetime_with_format(r, 1, &t, &time).unwrap();
        sheet.write_string(r, 2, *code).unwrap();
        sheet.write_string(r, 3, *topics).unwrap();
        sheet.write_string(r, 4, *lang).unwrap();
        sheet.write_boolean(r, 5, i == 0).unwrap();
        sheet.write_number(r, 6, *minutes).unwrap();
        if !notes.is_empty() {
            sheet.write_string(r, 7, *notes).unwrap();
        }
    }
    book.save(f.parent().join("beratungen.xlsx")).unwrap();

    let before = checksums(f.root());
    import(&f, "beratungen.xlsx", &["--dry-run"])
        .code(1)
        .has("2 von 4 Zeilen");
    assert_eq!(checksums(f.root()), before);

    let run = import(&f, "beratungen.xlsx", &[]);
    run.code(1)
        .has("beratungen.xlsx:4: error: Datenschutz: `notes` (Spalte \"Bemerkung\") scheint eine E-Mail-Adresse")
        .has("beratungen.xlsx:5: error: `Unbekannt` ist kein Themen-Code")
        .has("2 von 4 Zeilen aus beratungen.xlsx als neue Einträge (Termin) geschrieben");
    let files = appointment_files(&f);
    assert_eq!(files.len(), 2);
    let first = files
        .iter()
        .find(|t| t.contains("date = 2026-03-03"))
        .unwrap();
    assert!(first.contains("time = 09:30:00"), "{first}");
    assert!(
        first.contains("interpreter = true") && first.contains("duration = 45"),
        "{first}"
    );
    let second = files
        .iter()
        .find(|t| t.contains("date = 2026-03-04"))
        .unwrap();
    assert!(
        second.contains("topics = [\"employment\", \"housing\"]"),
        "{second}"
    );
    assert!(files.iter().all(|t| !t.contains("example.org")));
    let after = checksums(f.root());
    import(&f, "beratungen.xlsx", &[])
        .code(1)
        .has("2 schon früher importiert");
    assert_eq!(checksums(f.root()), after);
    f.run(&["check"]).ok();
}

#[test]
fn rules_naming_a_missing_column_stop_before_anything_is_read() {
    let f = office();
    std::fs::write(
        f.parent().join("regeln.toml"),
        format!("{RULES}\n[columns.extra]\n"),
    )
    .unwrap();
    import(&f, "beratungen.csv", &[]).code(1).has("regeln.toml");
    std::fs::write(
        f.parent().join("regeln.toml"),
        format!(
            "{}\n[values.notiz]\nA = \"b\"\n",
            RULES.replace("\"notes\"", "\"notiz\"")
        ),
    )
    .unwrap();
    // named by [columns] and by [values.notiz]: listed once
    import(&f, "beratungen.csv", &[])
        .code(1)
        .has("Termin kennt keinen Schlüssel notiz: möglich sind id, date, time");
    std::fs::write(
        f.parent().join("regeln.toml"),
        RULES.replace("Uhrzeit = ", "Zeit = "),
    )
    .unwrap();
    let before = checksums(f.root());
    import(&f, "beratungen.csv", &[])
        .code(1)
        .has("die Regeln nennen Spalten, die es nicht gibt")
        .has("Zeit");
    assert_eq!(checksums(f.root()), before);
}

#[test]
fn clients_are_imported_with_their_codes_and_checked() {
    let f = office();
    std::fs::write(
        f.parent().join("klienten.csv"),
        "Code,Erstkontakt,Geschlecht,Jahrgang,Herkunft,Stadtteil\nK-AB12,12.01.2026,w,1990,SY,Lindenau\nK-7F3A,12.01.2026,m,1985,AF,Plagwitz\nK-CD34,13.01.2026,x,1985,AF,Plagwitz\n",
    )
    .unwrap();
    std::fs::write(
        f.parent().join("klienten.toml"),
        "[columns]\nCode = \"id\"\nErstkontakt = \"first_contact\"\nGeschlecht = \"gender\"\nJahrgang = \"birth_year\"\nHerkunft = \"origin\"\nStadtteil = \"district\"\n[values.gender]\nw = \"f\"\nm = \"m\"\n",
    )
    .unwrap();
    let sheet = f.parent().join("klienten.csv");
    let rules = f.parent().join("klienten.toml");
    let run = f.run(&[
        "import",
        "client",
        sheet.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ]);
    run.code(1)
        .has("klienten.csv:3: error: Klient/in `K-7F3A` gibt es schon")
        .has("klienten.csv:4: error:")
        .has("1 von 3 Zeilen");
    let text = f.read("clients/K-AB12.toml");
    assert!(
        text.contains("gender = \"f\"") && text.contains("birth_year = 1990"),
        "{text}"
    );
    f.run(&["check"]).ok();
}

/// The block after the line "```LANG" that follows `after` in docs/IMPORT.md.
fn doc_block(lang: &str, after: &str) -> String {
    let doc = include_str!("../../docs/IMPORT.md");
    let from = doc.find(after).expect("heading in docs/IMPORT.md");
    let rest = &doc[from..];
    let start = rest.find(&format!("```{lang}\n")).unwrap() + lang.len() + 4;
    let end = start + rest[start..].find("\n```").unwrap();
    rest[start..end].to_string() + "\n"
}

#[test]
fn the_worked_example_of_the_docs_does_what_the_docs_say() {
    let f = Folder::new();
    for code in ["K-7F3A", "K-2B9C", "K-4D1E"] {
        f.write(
            &format!("clients/{code}.toml"),
            &format!("id = \"{code}\"\nfirst_contact = 2024-09-01\n"),
        );
    }
    git(f.root(), &["init", "--quiet"]);
    git(f.root(), &["add", "-A"]);
    git(f.root(), &["commit", "--quiet", "-m", "start"]);
    let example = "Ein vollständiges Beispiel";
    let csv = f.parent().join("beratungen-2025.csv");
    let rules = f.parent().join("beratungen.toml");
    std::fs::write(&csv, doc_block("csv", example)).unwrap();
    std::fs::write(&rules, doc_block("toml", example)).unwrap();
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "import".to_string(),
            "appointment".into(),
            csv.display().to_string(),
            "--rules".into(),
            rules.display().to_string(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let run = |extra: &[&'static str]| {
        let a = args(extra);
        f.run(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    run(&["--dry-run"])
        .code(1)
        .has(
            &doc_block("text", "Erst ein Probelauf")
                .lines()
                .next()
                .unwrap()
                .replace("beratungen-2025.csv", &csv.display().to_string()),
        )
        .has("beratungen-2025.csv:7: error: `client` verweist auf Klient/in `K-9Z9Z`, aber diese Kennung gibt es nicht")
        .has("nicht übernommene Spalten (in den Regeln nicht zugeordnet): Kanal, Name (intern)")
        .has(
            "Probelauf: 4 von 6 Zeilen aus beratungen-2025.csv würden als neue Einträge (Termin) geschrieben",
        );
    run(&[]).code(1).has("4 von 6 Zeilen");
    assert_eq!(
        git(f.root(), &["log", "-1", "--format=%s"]).trim(),
        "import: 4 appointment records from beratungen-2025.csv"
    );
    let written = appointment_files(&f);
    let first = written
        .iter()
        .find(|t| t.contains("date = 2025-01-06\ntime = 10:00:00"))
        .unwrap();
    let shown = doc_block("toml", "Ein geschriebener Termin");
    for line in shown
        .lines()
        .filter(|l| !l.starts_with("id =") && !l.starts_with("import ="))
    {
        assert!(
            first.contains(line),
            "`{line}` of the docs missing in\n{first}"
        );
    }
    let mut fixed = std::fs::read_to_string(&csv).unwrap();
    fixed = fixed.replace("Rückruf unter 0341 1234567", "Rückruf vereinbart");
    std::fs::write(&csv, fixed).unwrap();
    f.write(
        "clients/K-9Z9Z.toml",
        "id = \"K-9Z9Z\"\nfirst_contact = 2024-09-01\n",
    );
    run(&[]).ok().has("4 schon früher importiert");
    assert_eq!(appointment_files(&f).len(), 6);
    f.run(&["check"]).ok();
}
