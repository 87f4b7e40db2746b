//! `quartier import` judges every row by the whole rule book, like any
//! other write: a row is refused exactly when `check --strict` would flag
//! the record it gives (the consent warning a write tolerates excepted);
//! ids given twice in one sheet; `.ods` workbooks.

use crate::support::*;
use std::io::Write;
use std::path::Path;

fn sheet_and_rules(f: &Folder, sheet: &str, text: &str, rules: &str) -> (String, String) {
    let s = f.parent().join(sheet);
    let r = f.parent().join(format!("{sheet}.rules.toml"));
    std::fs::write(&s, text).unwrap();
    std::fs::write(&r, rules).unwrap();
    (s.display().to_string(), r.display().to_string())
}

fn import(f: &Folder, kind: &str, sheet: &str, rules: &str) -> Run {
    f.run(&["import", kind, sheet, "--rules", rules])
}

fn files_under(root: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    out.sort();
    out
}

/// The finding `check` has for `text` as the file `rel`, without its place.
fn check_message(f: &Folder, rel: &str, text: &str) -> String {
    f.write(rel, text);
    let run = f.run(&["check", "--strict"]);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains(rel.rsplit('/').next().unwrap()))
        .unwrap_or_else(|| panic!("check has nothing for {rel}:\n{}", run.all()))
        .to_string();
    std::fs::remove_file(f.path(rel)).unwrap();
    line.split_once(": error: ")
        .or_else(|| line.split_once(": warning: "))
        .unwrap()
        .1
        .to_string()
}

const APPOINTMENTS: &str = "Datum;Code;Kürzel\n\
03.02.2026;7F3A;eb\n\
04.02.2026;7F3A;zz\n\
05.01.2026;7F3A;eb\n";

const APPOINTMENT_RULES: &str = "[columns]\nDatum = \"date\"\nCode = \"client\"\n\"Kürzel\" = \"staff\"\n[constants]\nkind = \"consultation\"\n";

#[test]
fn a_row_check_strict_would_flag_is_refused_with_checks_words_and_its_column() {
    let f = Folder::new();
    f.client("K-7F3A", "");
    let (sheet, rules) = sheet_and_rules(&f, "termine.csv", APPOINTMENTS, APPOINTMENT_RULES);
    let run = import(&f, "appointment", &sheet, &rules);
    run.code(1).has("1 von 3 Zeilen");
    // unknown initials: only a warning in `check`, but `check --strict` flags
    // it, so the row is refused like `appointment add` refuses it
    let staff = check_message(
        &f,
        "appointments/2026/02/apt-20260204-abcd.toml",
        "id = \"apt-20260204-abcd\"\ndate = 2026-02-04\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\nstaff = \"zz\"\n",
    );
    run.has(&format!(
        "termine.csv:3: error: {staff} (Spalte \"Kürzel\")"
    ));
    // a cross rule: dated before the client's first contact
    let early = check_message(
        &f,
        "appointments/2026/01/apt-20260105-abcd.toml",
        "id = \"apt-20260105-abcd\"\ndate = 2026-01-05\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\nstaff = \"eb\"\n",
    );
    run.has(&format!("termine.csv:4: error: {early} (Spalte \"Datum\")"));
    let written = files_under(&f.path("appointments"));
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(written[0].contains("date = 2026-02-03"));
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn referrals_follow_the_consent_rules_of_every_write() {
    let f = Folder::new();
    f.client("K-7F3A", "");
    f.client(
        "K-2B9C",
        "[[consents]]\ndate = 2026-01-10\nscope = \"processing\"\n\n[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\nwithdrawn = 2026-03-01\n",
    );
    f.write(
        "partners/amt.toml",
        "id = \"amt\"\nname = \"Amt\"\nkind = \"authority\"\n",
    );
    let (sheet, rules) = sheet_and_rules(
        &f,
        "vermittlungen.csv",
        "Datum;Code;Stelle;Thema\n\
         02.02.2026;2B9C;amt;residence\n\
         03.03.2026;2B9C;amt;residence\n\
         04.02.2026;7F3A;amt;housing\n",
        "[columns]\nDatum = \"date\"\nCode = \"client\"\nStelle = \"partner\"\nThema = \"topic\"\n",
    );
    let run = import(&f, "referral", &sheet, &rules);
    // after the withdrawal: refused; without any consent: written, warned
    run.code(1)
        .has("vermittlungen.csv:3: error:")
        .has("vermittlungen.csv:4: warning:")
        .lacks("vermittlungen.csv:2:")
        .lacks("vermittlungen.csv:4: error:")
        .has("2 von 3 Zeilen");
    let written = files_under(&f.path("referrals"));
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(written.iter().all(|t| !t.contains("2026-03-03")));
    // what was written is what `check` accepts, with the same warning
    f.run(&["check"]).ok().has("warning:");
    f.run(&["check", "--strict"]).code(1);
}

#[test]
fn an_id_given_twice_in_one_sheet_is_written_once_and_named() {
    let f = Folder::new();
    let (sheet, rules) = sheet_and_rules(
        &f,
        "klienten.csv",
        "Code;Erstkontakt;Jahrgang\nK-AB12;12.01.2026;1990\nK-CD34;12.01.2026;1980\nk-ab12;13.01.2026;1991\n",
        "[columns]\nCode = \"id\"\nErstkontakt = \"first_contact\"\nJahrgang = \"birth_year\"\n",
    );
    let run = import(&f, "client", &sheet, &rules);
    run.code(1)
        .has("klienten.csv:4: error: die Kennung `K-AB12` steht schon in Zeile 2")
        .has("(Spalte \"Code\")")
        .has("2 von 3 Zeilen");
    assert!(f.read("clients/K-AB12.toml").contains("birth_year = 1990"));
    assert!(f.exists("clients/K-CD34.toml"));
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn import_speaks_the_interface_language() {
    let f = Folder::new();
    f.client("K-7F3A", "");
    let (sheet, rules) = sheet_and_rules(
        &f,
        "termine.csv",
        "Datum;Code;Dauer;Dolmetscher\n03.02.2026;7F3A;lang;vielleicht\n",
        "[columns]\nDatum = \"date\"\nCode = \"client\"\nDauer = \"duration\"\nDolmetscher = \"interpreter\"\n[constants]\nkind = \"consultation\"\n",
    );
    import(&f, "appointment", &sheet, &rules)
        .code(1)
        .has("Spalte \"Dauer\" (`duration`): `lang` ist keine ganze Zahl")
        .has("Spalte \"Dolmetscher\" (`interpreter`): `vielleicht` ist weder ja noch nein")
        .has("0 von 1 Zeilen");
    f.run(&[
        "--lang",
        "en",
        "import",
        "appointment",
        &sheet,
        "--rules",
        &rules,
    ])
    .code(1)
    .has("column \"Dauer\" (`duration`): `lang` is not a whole number")
    .has("wrote 0 of 1 rows");
    f.run(&["import", "termin", &sheet, "--rules", &rules])
        .code(2)
        .has("`termin` ist keine Art von Datensatz");
    let missing = f.parent().join("fehlt.toml");
    f.run(&[
        "import",
        "appointment",
        &sheet,
        "--rules",
        missing.to_str().unwrap(),
    ])
    .code(1)
    .has("die Regeldatei lässt sich nicht lesen");
}

/// A minimal OpenDocument spreadsheet (what LibreOffice saves): a zip with
/// the `mimetype` first and stored, the manifest and `content.xml`.
fn write_ods(path: &Path, rows: &[&[Cell]]) {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#)
        .unwrap();
    let mut body = String::new();
    for row in rows {
        body.push_str("<table:table-row>");
        for cell in row.iter() {
            body.push_str(&match cell {
                Cell::Text(t) => format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>"
                ),
                Cell::Date(d, shown) => format!(
                    "<table:table-cell office:value-type=\"date\" office:date-value=\"{d}\"><text:p>{shown}</text:p></table:table-cell>"
                ),
                Cell::Number(n) => format!(
                    "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
                ),
                Cell::Empty => "<table:table-cell/>".to_string(),
            });
        }
        body.push_str("</table:table-row>");
    }
    zip.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet><table:table table:name="Beratungen">{body}</table:table></office:spreadsheet></office:body>
</office:document-content>"#
    )
    .unwrap();
    zip.finish().unwrap();
}

enum Cell {
    Text(&'static str),
    Date(&'static str, &'static str),
    Number(i64),
    Empty,
}

#[test]
fn an_ods_workbook_is_imported_like_the_csv() {
    use Cell::*;
    let f = Folder::new();
    f.client("K-7F3A", "");
    let sheet = f.parent().join("beratungen.ods");
    write_ods(
        &sheet,
        &[
            &[
                Text("Datum"),
                Text("Code"),
                Text("Themen"),
                Text("Dauer"),
                Text("Bemerkung"),
            ],
            &[
                Date("2026-03-03", "03.03.26"),
                Text("7F3A"),
                Text("Aufenthalt, Wohnen"),
                Number(45),
                Empty,
            ],
            &[
                Date("2026-03-04", "04.03.26"),
                Text("K-9999"),
                Text("Wohnen"),
                Number(30),
                Empty,
            ],
            &[
                Date("2026-03-05", "05.03.26"),
                Text("7F3A"),
                Text("Wohnen"),
                Number(20),
                Text("Mail an max.mustermann@example.org"),
            ],
        ],
    );
    let rules = f.parent().join("regeln.toml");
    std::fs::write(
        &rules,
        "[columns]\nDatum = \"date\"\nCode = \"client\"\nThemen = \"topics\"\nDauer = \"duration\"\nBemerkung = \"notes\"\n[values.topics]\nAufenthalt = \"residence\"\nWohnen = \"housing\"\n[constants]\nkind = \"consultation\"\n",
    )
    .unwrap();
    let (sheet, rules) = (sheet.display().to_string(), rules.display().to_string());
    let run = import(&f, "appointment", &sheet, &rules);
    run.code(1)
        .has("beratungen.ods:3: error: `client` verweist auf Klient/in `K-9999`")
        .has("beratungen.ods:4: error: Datenschutz: `notes` (Spalte \"Bemerkung\") scheint eine E-Mail-Adresse")
        .has("1 von 3 Zeilen aus beratungen.ods als neue Einträge (Termin) geschrieben");
    let written = files_under(&f.path("appointments"));
    assert_eq!(written.len(), 1, "{written:?}");
    for line in [
        "date = 2026-03-03",
        "client = \"K-7F3A\"",
        "topics = [\"residence\", \"housing\"]",
        "duration = 45",
    ] {
        assert!(
            written[0].contains(line),
            "{line} missing in {}",
            written[0]
        );
    }
    assert!(written.iter().all(|t| !t.contains("example.org")));
    import(&f, "appointment", &sheet, &rules)
        .code(1)
        .has("1 schon früher importiert");
    assert_eq!(files_under(&f.path("appointments")).len(), 1);
}

/// A rules file that is no text (a workbook given as `--rules` by mistake)
/// is refused naming the file and saying so, in German and in English;
/// nothing is written.
#[test]
fn a_rules_file_that_is_no_text_is_said_to_be_none() {
    let f = Folder::new();
    let (sheet, _) = sheet_and_rules(&f, "clients.csv", "code\nK-7F3A2B\n", "");
    let rules = f.parent().join("rules.xlsx");
    std::fs::write(&rules, b"PK\x03\x04\xff\xfe\x00binary").unwrap();
    let rules = rules.display().to_string();
    import(&f, "client", &sheet, &rules)
        .code(1)
        .has(&rules)
        .has("kein Text in UTF-8");
    f.run(&[
        "--lang", "en", "import", "client", &sheet, "--rules", &rules,
    ])
    .code(1)
    .has("not UTF-8 text");
    assert!(files_under(&f.path("clients")).is_empty());
}
