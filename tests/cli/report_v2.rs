//! Round 2 of `quartier report`: the label column and decimal comma of the
//! CSV, the xlsx workbook read back, the series, the quality section, age
//! at first contact by ESF regulation, sealed reports, and the print layout
//! of the HTML (checked without a browser; scripts/print-check.sh prints it).

use crate::report::{flatten, october, sample, split_csv};
use crate::support::{Folder, Run};
use calamine::{Data, Reader, Xlsx};
use serde_json::Value;
use std::collections::BTreeMap;

// ---------------------------------------------------------------- CSV and xlsx

/// CSV rows (section, key) → (label, value), checking BOM and header.
fn parse_csv4(text: &str) -> BTreeMap<(String, String), (String, String)> {
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 BOM");
    let mut lines = split_csv(body).into_iter();
    assert_eq!(
        lines.next().unwrap(),
        vec!["section", "key", "label", "value"]
    );
    let mut out = BTreeMap::new();
    for f in lines {
        assert_eq!(f.len(), 4, "{f:?}");
        let old = out.insert((f[0].clone(), f[1].clone()), (f[2].clone(), f[3].clone()));
        assert!(old.is_none(), "one row per figure: {f:?}");
    }
    out
}

/// The JSON's scalars the CSV way, numbers with `decimal`.
fn expected(json: &Value, decimal: &str) -> BTreeMap<(String, String), String> {
    let mut e = BTreeMap::new();
    flatten("", json, &mut e);
    e.into_iter()
        .map(|(k, v)| {
            let v = if v.parse::<f64>().is_ok() && v.contains('.') {
                v.replace('.', decimal)
            } else {
                v
            };
            (k, v)
        })
        .collect()
}

#[test]
fn csv_has_labels_and_a_decimal_comma_in_german() {
    let f = sample();
    let json = october(&f, &["--format", "json"]).json();
    let de = parse_csv4(&october(&f, &["--format", "csv"]).stdout);
    let values: BTreeMap<_, _> = de
        .iter()
        .map(|(k, (_, v))| (k.clone(), v.clone()))
        .collect();
    assert_eq!(values, expected(&json, ","));
    let key = |s: &str, k: &str| (s.to_string(), k.to_string());
    assert_eq!(de[&key("targets.consultations", "percent")].1, "41,7");
    assert_eq!(
        de[&key("consultations", "held")].0,
        "durchgeführte Beratungen"
    );
    assert_eq!(de[&key("clients.by_origin", "SY")].0, "Syrien (SY)");
    assert_eq!(
        de[&key("consultations.by_language", "ar")].0,
        "Arabisch (ar)"
    );
    for ((section, key), (label, _)) in &de {
        assert!(!label.is_empty(), "{section};{key} has no label");
    }

    let en = parse_csv4(&october(&f, &["--format", "csv", "--lang", "en"]).stdout);
    let values: BTreeMap<_, _> = en
        .iter()
        .map(|(k, (_, v))| (k.clone(), v.clone()))
        .collect();
    assert_eq!(values, expected(&json, "."));
    assert_eq!(en[&key("targets.consultations", "percent")].1, "41.7");
    assert_eq!(en[&key("clients.by_origin", "SY")].0, "Syria (SY)");
}

/// Every cell of a sheet as text.
fn sheet(path: &std::path::Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("a workbook calamine reads");
    let range = book.worksheet_range(name).expect("the sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

fn sheet_names(path: &std::path::Path) -> Vec<String> {
    let book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    book.sheet_names()
}

pub fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(x) if x.fract() == 0.0 => format!("{}", *x as i64),
        Data::Float(x) => format!("{x}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

#[test]
fn xlsx_figures_agree_with_json_and_numbers_are_numbers() {
    let f = sample();
    let json = october(&f, &["--format", "json"]).json();
    october(&f, &["--format", "xlsx", "--out", "october.xlsx"]);
    let path = f.parent().join("october.xlsx");
    let names = sheet_names(&path);
    assert_eq!(names[0], "Kennzahlen");
    assert!(
        names.iter().any(|n| n == "Beratungen nach Thema"),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n == "nach Herkunftsland"), "{names:?}");
    let rows = sheet(&path, "Kennzahlen");
    assert_eq!(cell_text(&rows[0][0]), "Abschnitt");
    let mut got = BTreeMap::new();
    for r in &rows[1..] {
        let value = r.get(3).map(cell_text).unwrap_or_default();
        got.insert((cell_text(&r[0]), cell_text(&r[1])), value);
        if cell_text(&r[0]) == "consultations" && cell_text(&r[1]) == "held" {
            assert!(matches!(r[3], Data::Float(_)), "a number, not text");
        }
    }
    let numbers = |m: BTreeMap<(String, String), String>| -> BTreeMap<(String, String), String> {
        m.into_iter()
            .map(|(k, v)| match v.parse::<f64>() {
                Ok(x) if !v.is_empty() => (k, format!("{x}")),
                _ => (k, v),
            })
            .collect()
    };
    assert_eq!(numbers(got), numbers(expected(&json, ".")));

    let origin = sheet(&path, "nach Herkunftsland");
    let sy = origin.iter().find(|r| cell_text(&r[0]) == "SY").unwrap();
    assert_eq!(cell_text(&sy[1]), "Syrien (SY)");
    assert_eq!(
        cell_text(&sy[2]),
        json["clients"]["by_origin"]["SY"].to_string()
    );
    assert!(
        matches!(sy[3], Data::Float(x) if (x - 33.3).abs() < 1e-9),
        "{:?}",
        sy[3]
    );
    // English sheet names with --lang en.
    october(
        &f,
        &["--format", "xlsx", "--lang", "en", "--out", "en.xlsx"],
    );
    assert_eq!(sheet_names(&f.parent().join("en.xlsx"))[0], "Figures");
}

#[test]
fn table_shows_country_and_language_names() {
    let f = sample();
    october(&f, &[])
        .has("Syrien (SY)")
        .has("Arabisch (ar)")
        .has("Ukrainisch (uk)");
    october(&f, &["--lang", "en"])
        .has("Syria (SY)")
        .has("Arabic (ar)");
    october(&f, &["--format", "md"]).has("Syrien (SY)");
    october(&f, &["--format", "html"]).has("Syrien (SY)");
}

// ---------------------------------------------------------------- quality

#[test]
fn quality_counts_what_would_make_the_figures_wrong() {
    let f = sample();
    // A past appointment still planned (today is 2026-11-25 in the tests).
    f.write(
        "appointments/2026/10/apt-20261027-p001.toml",
        "id = \"apt-20261027-p001\"\ndate = 2026-10-27\nkind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-AAAA\"\n",
    );
    f.write(
        "events/2026/10/evt-20261030-e009.toml",
        "id = \"evt-20261030-e009\"\ndate = 2026-10-30\ntitle = \"Hoffest\"\nkind = \"info\"\nstatus = \"done\"\n[participants]\ntotal = 40\nwomen = 10\nmen = 10\n",
    );
    let j = october(&f, &["--format", "json"]).json();
    let q = &j["quality"];
    // apt a004 has neither topics nor duration.
    assert_eq!(q["consultations_without_topics"], 1);
    assert_eq!(q["consultations_without_duration"], 1);
    assert_eq!(q["events_without_split"], 1);
    assert_eq!(q["planned_in_past"], 1);
    // K-DDDD lacks origin, residence, employment.
    assert_eq!(q["clients_incomplete"], 1);
    // ref r003: K-CCCC never consented.
    assert_eq!(q["referrals_without_consent"], 1);

    let listed = f.run(&["check", "--completeness"]).ok().stdout.clone();
    assert!(
        listed.contains("appointments/2026/10/apt-20261020-a004.toml"),
        "{listed}"
    );
    assert!(
        listed.contains("appointments/2026/10/apt-20261027-p001.toml"),
        "{listed}"
    );
    assert!(
        listed.contains("events/2026/10/evt-20261030-e009.toml"),
        "{listed}"
    );
    assert!(listed.contains("clients/K-DDDD.toml"), "{listed}");
    assert!(
        listed.contains("referrals/2026/10/ref-20261023-r003.toml"),
        "{listed}"
    );
    assert!(listed.contains("Beratungen ohne Thema (1)"), "{listed}");
    assert!(listed.contains("Beratungen ohne Dauer (2)"), "{listed}");
    let j = f.run(&["--json", "check", "--completeness"]).ok().json();
    assert_eq!(
        j["quality"]["planned_in_past"],
        serde_json::json!(["appointments/2026/10/apt-20261027-p001.toml"])
    );
}

// ---------------------------------------------------------------- age at first contact

fn ages(regulation: Option<&str>) -> Value {
    let f = Folder::new();
    let esf = regulation.map_or(String::new(), |r| format!("[esf]\nregulation = \"{r}\"\n"));
    f.write("quartier.toml", &format!("[office]\nname = \"x\"\n{esf}"));
    // Aged at first contact: 17 (18 at the end of 2026), 24, 29, 54, 55, unknown.
    for (code, first, born) in [
        ("K-A001", "2025-12-30", Some(2008)),
        ("K-A002", "2026-02-01", Some(2002)),
        ("K-A003", "2026-03-01", Some(1997)),
        ("K-A004", "2026-03-01", Some(1972)),
        ("K-A005", "2026-03-01", Some(1971)),
        ("K-A006", "2026-03-01", None),
    ] {
        let born = born.map_or(String::new(), |b| format!("birth_year = {b}\n"));
        f.write(
            &format!("clients/{code}.toml"),
            &format!("id = \"{code}\"\nfirst_contact = {first}\n{born}"),
        );
        f.write(
            &format!("appointments/2026/10/apt-20261005-{}.toml", &code[2..].to_lowercase()),
            &format!(
                "id = \"apt-20261005-{}\"\ndate = 2026-10-05\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"{code}\"\n",
                &code[2..].to_lowercase()
            ),
        );
    }
    let run = f.run(&[
        "report", "monthly", "--month", "2026-10", "--format", "json",
    ]);
    run.ok();
    run.json()["clients"]["by_age_group"].clone()
}

#[test]
fn age_is_counted_at_first_contact_in_the_bands_of_the_regulation() {
    let plus =
        serde_json::json!({"under-18": 1, "18-29": 2, "30-54": 1, "55-plus": 1, "unknown": 1});
    assert_eq!(ages(None), plus);
    assert_eq!(ages(Some("2021/1057")), plus);
    assert_eq!(
        ages(Some("1304/2013")),
        serde_json::json!({"under-25": 2, "25-54": 2, "55-plus": 1, "unknown": 1})
    );
}

#[test]
fn an_unknown_regulation_is_an_error_in_check() {
    let f = Folder::new();
    f.write(
        "quartier.toml",
        "[office]\nname = \"x\"\n[esf]\nregulation = \"2007\"\n",
    );
    f.run(&["check"]).code(1).has("esf.regulation");
}

// ---------------------------------------------------------------- series

fn series(f: &Folder, extra: &[&str]) -> Run {
    let mut args = vec!["report", "series", "--year", "2026"];
    args.extend_from_slice(extra);
    let run = f.run(&args);
    run.ok();
    run
}

#[test]
fn a_series_has_every_month_and_counts_each_span_on_its_own() {
    let f = sample();
    // Across the year boundary: K-AAAA also on 31.12.2025.
    f.write(
        "appointments/2025/12/apt-20251231-b001.toml",
        "id = \"apt-20251231-b001\"\ndate = 2025-12-31\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AAAA\"\n",
    );
    let j = series(&f, &["--format", "json"]).json();
    let keys: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["year", "by", "rows", "total", "previous_year", "source"]
    );
    assert_eq!(j["by"], "month");
    let rows = j["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 12);
    assert_eq!(rows[0]["from"], "2026-01-01");
    assert_eq!(rows[1]["to"], "2026-02-28");
    // A month without records is a row of zeros.
    for key in ["consultations", "unique_clients", "events", "referrals"] {
        assert_eq!(rows[0][key], 0, "january {key}");
        assert_eq!(rows[11][key], 0, "december {key}");
    }
    assert_eq!(rows[9]["consultations"], 4);
    assert_eq!(rows[9]["unique_clients"], 3);
    assert_eq!(rows[2]["consultations"], 1);
    // Distinct over the year, not summed: K-AAAA, K-BBBB, K-CCCC, K-DDDD.
    assert_eq!(j["total"]["unique_clients"], 4);
    assert_eq!(j["total"]["consultations"], 5);
    // 31.12.2025 belongs to the year before, not to January.
    assert_eq!(j["previous_year"]["consultations"], 1);
    assert_eq!(j["previous_year"]["unique_clients"], 1);

    let q = series(&f, &["--by", "quarter", "--format", "json"]).json();
    assert_eq!(q["rows"].as_array().unwrap().len(), 4);
    assert_eq!(q["rows"][3]["consultations"], 4);
    assert_eq!(q["rows"][2]["sponsor_meetings"], 1);
}

#[test]
fn series_formats_agree_with_the_json() {
    let f = sample();
    let j = series(&f, &["--format", "json"]).json();
    let keys = [
        "consultations",
        "unique_clients",
        "new_clients",
        "events",
        "event_participants",
        "sponsor_meetings",
        "referrals",
        "contacts",
        "organisation_consultations",
    ];
    let mut want: Vec<Vec<String>> = j["rows"]
        .as_array()
        .unwrap()
        .iter()
        .chain([&j["total"], &j["previous_year"]])
        .map(|r| keys.iter().map(|k| r[k].to_string()).collect())
        .collect();
    assert_eq!(want.len(), 14);

    let csv = series(&f, &["--format", "csv"]).stdout.clone();
    let lines = split_csv(csv.strip_prefix('\u{feff}').unwrap());
    assert_eq!(lines[0][0], "Zeitraum");
    assert_eq!(lines[1][0], "2026-01");
    assert_eq!(lines[13][0], "total");
    assert_eq!(lines[14][0], "previous_year");
    let got: Vec<Vec<String>> = lines[1..].iter().map(|l| l[3..].to_vec()).collect();
    assert_eq!(got, want);

    series(&f, &["--format", "xlsx", "--out", "s.xlsx"]);
    let rows = sheet(
        &f.parent().join("s.xlsx"),
        &sheet_names(&f.parent().join("s.xlsx"))[0],
    );
    let got: Vec<Vec<String>> = rows[1..]
        .iter()
        .map(|r| {
            assert!(matches!(r[3], Data::Float(_)));
            r[3..].iter().map(cell_text).collect()
        })
        .collect();
    assert_eq!(got, want);

    let table = series(&f, &[]).stdout.clone();
    let cells: Vec<Vec<String>> = table
        .lines()
        .filter(|l| l.starts_with('│'))
        .map(|l| {
            l.trim_matches('│')
                .split('┆')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .filter(|c: &Vec<String>| c.len() > 1 && c[1].parse::<u64>().is_ok())
        .map(|c| c[1..].to_vec())
        .collect();
    assert_eq!(cells, want);
    for line in table.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    let html = series(&f, &["--format", "html"]).stdout.clone();
    assert!(html.contains("<svg") && html.contains("Oktober"));
    want.clear();
}

#[test]
fn a_series_cannot_be_sealed() {
    let f = sample();
    f.run(&["report", "series", "--year", "2025", "--seal"])
        .code(2);
}

#[test]
fn snapshot_series() {
    let f = sample();
    insta::assert_snapshot!("series_table", series(&f, &[]).stdout);
    insta::assert_snapshot!("series_md", series(&f, &["--format", "md"]).stdout);
    insta::assert_snapshot!("series_csv", series(&f, &["--format", "csv"]).stdout);
    insta::assert_snapshot!("series_json", series(&f, &["--format", "json"]).stdout);
    insta::assert_snapshot!("series_html", series(&f, &["--format", "html"]).stdout);
}

#[test]
fn snapshot_xlsx_read_back() {
    let f = sample();
    october(&f, &["--format", "xlsx", "--out", "o.xlsx"]);
    let path = f.parent().join("o.xlsx");
    let mut text = String::new();
    for name in sheet_names(&path) {
        text.push_str(&format!("## {name}\n"));
        for r in sheet(&path, &name) {
            let cells: Vec<String> = r.iter().map(cell_text).collect();
            text.push_str(&cells.join(" | "));
            text.push('\n');
        }
    }
    insta::assert_snapshot!("october_xlsx", text);
}

// ---------------------------------------------------------------- seals

#[test]
fn seal_then_correction_then_amendment() {
    let f = sample();
    quartier::git::init_repository(f.root()).unwrap();
    let seal = "reports/sealed/monthly-2026-10.json";
    october(&f, &["--seal", "--format", "json"])
        .ok()
        .has("versiegelt: ")
        .lacks("sealed: ");
    let sealed: Value = serde_json::from_str(&f.read(seal)).unwrap();
    assert_eq!(sealed["name"], "monthly-2026-10");
    assert_eq!(sealed["kind"], "monthly");
    assert_eq!(sealed["versions"].as_array().unwrap().len(), 1);
    let v = &sealed["versions"][0];
    assert_eq!(v["reason"], Value::Null);
    assert_eq!(v["report"]["consultations"]["held"], 4);
    assert_eq!(v["settings"]["esf"]["regulation"], "2021/1057");
    assert_eq!(
        v["settings"]["area"]["districts"],
        serde_json::json!(["Lindenau", "Plagwitz"])
    );
    assert!(v["sealed_at"].as_str().unwrap().contains('T'));
    let log = std::process::Command::new("git")
        .args(["log", "--format=%s", "-1", "--", seal])
        .current_dir(f.root())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&log.stdout).contains("monthly-2026-10"));
    f.run(&["check"]).ok();

    // Sealing again needs --amend; a running month cannot be sealed.
    f.run(&["report", "monthly", "--month", "2026-10", "--seal"])
        .code(1)
        .has("--amend");
    f.run(&["report", "monthly", "--month", "2026-11", "--seal"])
        .code(1)
        .has("der Zeitraum endet am 30.11.2026");

    // A correction: one more consultation held in October.
    f.write(
        "appointments/2026/10/apt-20261028-a010.toml",
        "id = \"apt-20261028-a010\"\ndate = 2026-10-28\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-BBBB\"\nduration = 30\ntopics = [\"employment\"]\n",
    );
    f.run(&["check"])
        .code(1)
        .has("reports/sealed/monthly-2026-10.json: error: consultations.held war 4, die Datensätze ergeben jetzt 5");
    // The report itself still works.
    october(&f, &[]);

    f.run(&[
        "report", "monthly", "--month", "2026-10", "--seal", "--amend",
    ])
    .code(2);
    october(
        &f,
        &[
            "--seal",
            "--amend",
            "--reason",
            "Beratung vom 28.10. nachgetragen",
        ],
    );
    let sealed: Value = serde_json::from_str(&f.read(seal)).unwrap();
    assert_eq!(sealed["versions"].as_array().unwrap().len(), 2);
    assert_eq!(
        sealed["versions"][1]["reason"],
        "Beratung vom 28.10. nachgetragen"
    );
    assert_eq!(sealed["versions"][1]["report"]["consultations"]["held"], 5);
    f.run(&["check"]).ok();
    // The amendment committed the record it accounts for.
    let status = std::process::Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(f.root())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&status.stdout), "");

    let year = f
        .run(&["report", "yearly", "--year", "2026", "--format", "json"])
        .ok()
        .json();
    let keys: Vec<&str> = year
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.last(), Some(&"amended"));
    assert_eq!(year["amended"][0]["report"], "monthly-2026-10");
    assert_eq!(
        year["amended"][0]["reason"],
        "Beratung vom 28.10. nachgetragen"
    );
}

#[test]
fn a_seal_uses_its_stored_settings_and_other_versions_only_warn() {
    let f = sample();
    quartier::git::init_repository(f.root()).unwrap();
    october(&f, &["--seal"]);
    // A later change of a setting the figures depend on does not make the
    // seal drift: it is rebuilt with the settings it was made with.
    let config = f
        .read("quartier.toml")
        .replace("stale_after_days = 60", "stale_after_days = 5");
    assert_ne!(config, f.read("quartier.toml"));
    f.write("quartier.toml", &config);
    let now = october(&f, &["--format", "json"]).json();
    assert_ne!(now["sponsors"]["stale"], serde_json::json!(["jobbruecke"]));
    f.run(&["check"]).ok();
    // A seal of another quartier version: one warning, never an error.
    let seal = "reports/sealed/monthly-2026-10.json";
    let text = f
        .read(seal)
        .replace("\"quartier\": \"0.1.0\"", "\"quartier\": \"0.0.1\"");
    f.write(seal, &text);
    f.write(
        "appointments/2026/10/apt-20261028-a010.toml",
        "id = \"apt-20261028-a010\"\ndate = 2026-10-28\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-BBBB\"\n",
    );
    let run = f.run(&["check"]);
    run.ok();
    assert_eq!(
        run.stdout.matches("monthly-2026-10.json: warning").count(),
        1,
        "{}",
        run.stdout
    );
}

#[test]
fn a_birth_year_after_the_first_contact_is_an_error_in_check() {
    let f = Folder::new();
    f.write("quartier.toml", "[office]\nname = \"x\"\n");
    f.write(
        "clients/K-A001.toml",
        "id = \"K-A001\"\nfirst_contact = 2020-05-01\nbirth_year = 2021\n",
    );
    f.run(&["check"]).code(1).has(
        "clients/K-A001.toml:3: error: `birth_year` 2021 liegt nach dem Erstkontakt (2020-05-01)",
    );
}

#[test]
fn no_seal_over_records_with_errors() {
    let f = sample();
    quartier::git::init_repository(f.root()).unwrap();
    f.write(
        "appointments/2026/10/apt-20261011-bad1.toml",
        "id = \"apt-20261011-bad1\"\ndate = 2026-10-11\nkind = \"consultation\"\nstatus = \"maybe\"\n",
    );
    f.run(&["report", "monthly", "--month", "2026-10", "--seal"])
        .code(1)
        .has("apt-20261011-bad1.toml")
        .has("kein Siegel erstellt");
    assert!(!f.exists("reports/sealed/monthly-2026-10.json"));
    // Nothing to amend before a first seal.
    f.run(&[
        "report", "monthly", "--month", "2025-10", "--seal", "--amend", "--reason", "x",
    ])
    .code(1)
    .has("es gibt kein Siegel zum Ändern");
}
