//! Reports a funder accepts, the rest of it: the yearly workbook holds the
//! series, monthly and quarterly ones the months so far beside the year
//! before (a January among them, an empty month as zeros), `check --completeness` takes the period of the report, a seal is
//! rebuilt with the topic codes it was made with.

use crate::report::{october, sample};
use crate::support::Folder;
use calamine::{Data, Reader, Xlsx};
use serde_json::Value;

pub fn sheets(path: &std::path::Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let rows = book
                .worksheet_range(&n)
                .unwrap()
                .rows()
                .map(|r| r.to_vec())
                .collect();
            (n, rows)
        })
        .collect()
}

#[test]
fn the_yearly_workbook_holds_the_year_month_by_month() {
    let f = sample();
    let out = f.parent().join("jahr.xlsx");
    f.run(&[
        "report",
        "yearly",
        "--year",
        "2026",
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ])
    .ok();
    let series = f
        .run(&["report", "series", "--year", "2026", "--format", "json"])
        .ok()
        .json();
    let book = sheets(&out);
    let (name, rows) = book
        .iter()
        .find(|(n, _)| n.contains("2026"))
        .unwrap_or_else(|| {
            panic!(
                "no series sheet in {:?}",
                book.iter().map(|(n, _)| n).collect::<Vec<_>>()
            )
        });
    assert_eq!(book.last().unwrap().0, *name, "the series comes last");
    // a heading, twelve months, the year, the year before
    assert_eq!(rows.len(), 1 + 12 + 2, "{rows:?}");
    assert_eq!(rows[10][0], Data::String("Oktober".into()));
    let oct = &series["rows"][9];
    assert_eq!(rows[10][1], Data::String("2026-10-01".into()));
    // the figures are numbers, the same as the series' JSON
    assert_eq!(
        rows[10][3],
        Data::Float(oct["consultations"].as_f64().unwrap())
    );
    assert_eq!(
        rows[13][3],
        Data::Float(series["total"]["consultations"].as_f64().unwrap())
    );
    assert_eq!(
        rows[14][3],
        Data::Float(series["previous_year"]["consultations"].as_f64().unwrap())
    );
}

/// The figures of a series JSON row in the order of a workbook's columns.
const KEYS: [&str; 9] = [
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

/// The series sheet of a monthly or quarterly workbook, checked against
/// `report series --json` of its year and the year before: a row per month
/// from January to `last` with the same month of the year before beside
/// every figure, then the year to date (the report's `year_to_date`) beside
/// the same span of the year before (`year_before`'s `year_to_date`).
/// Returns the rows.
fn check_months_beside(
    f: &Folder,
    book: &[(String, Vec<Vec<Data>>)],
    (year, last): (i32, usize),
    report: &Value,
    year_before: &Value,
) -> Vec<Vec<Data>> {
    let series = |y: i32| {
        f.run(&[
            "report",
            "series",
            "--year",
            &y.to_string(),
            "--format",
            "json",
        ])
        .ok()
        .json()
    };
    let (this, before) = (series(year), series(year - 1));
    let (name, rows) = book
        .iter()
        .find(|(n, _)| n.contains(&year.to_string()))
        .unwrap_or_else(|| {
            panic!(
                "no series sheet in {:?}",
                book.iter().map(|(n, _)| n).collect::<Vec<_>>()
            )
        });
    assert_eq!(book.last().unwrap().0, *name, "the series comes last");
    assert_eq!(
        rows.len(),
        1 + last + 1,
        "a heading, {last} months, the span: {rows:?}"
    );
    assert_eq!(rows[0].len(), 3 + 2 * KEYS.len(), "{:?}", rows[0]);
    let number = |v: &Value| Data::Float(v.as_f64().unwrap());
    for (i, row) in rows[1..=last].iter().enumerate() {
        assert_eq!(
            row[1],
            Data::String(this["rows"][i]["from"].as_str().unwrap().into())
        );
        assert_eq!(
            row[2],
            Data::String(this["rows"][i]["to"].as_str().unwrap().into())
        );
        for (k, key) in KEYS.iter().enumerate() {
            assert_eq!(
                row[3 + 2 * k],
                number(&this["rows"][i][key]),
                "month {i} {key}"
            );
            assert_eq!(
                row[4 + 2 * k],
                number(&before["rows"][i][key]),
                "month {i} {key}, a year before"
            );
        }
    }
    let span = &rows[last + 1];
    assert_eq!(span[1], Data::String(format!("{year}-01-01")));
    assert_eq!(
        span[2],
        Data::String(report["period"]["to"].as_str().unwrap().into())
    );
    for (k, key) in KEYS.iter().enumerate() {
        assert_eq!(
            span[3 + 2 * k],
            number(&report["year_to_date"][key]),
            "{key}"
        );
        assert_eq!(
            span[4 + 2 * k],
            number(&year_before["year_to_date"][key]),
            "{key} a year before"
        );
    }
    rows.clone()
}

#[test]
fn monthly_and_quarterly_workbooks_hold_the_months_beside_the_year_before() {
    let f = sample();
    let out = |name: &str| f.parent().join(name);
    october(
        &f,
        &[
            "--format",
            "xlsx",
            "--out",
            out("monat.xlsx").to_str().unwrap(),
        ],
    );
    let report = october(&f, &["--format", "json"]).json();
    let year_before = f
        .run(&[
            "report", "monthly", "--month", "2025-10", "--format", "json",
        ])
        .ok()
        .json();
    let rows = check_months_beside(
        &f,
        &sheets(&out("monat.xlsx")),
        (2026, 10),
        &report,
        &year_before,
    );
    assert_eq!(rows[10][0], Data::String("Oktober".into()));
    assert_eq!(
        rows[0][3],
        Data::String("durchgeführte Beratungen 2026".into())
    );
    assert_eq!(
        rows[0][4],
        Data::String("durchgeführte Beratungen 2025".into())
    );
    // The sample has consultations in October, so the test can fail.
    assert_ne!(rows[10][3], Data::Float(0.0));

    let quarter = |q: &str| {
        f.run(&["report", "quarterly", "--quarter", q, "--format", "json"])
            .ok()
            .json()
    };
    f.run(&[
        "report",
        "quarterly",
        "--quarter",
        "2026-Q3",
        "--format",
        "xlsx",
        "--out",
        out("quartal.xlsx").to_str().unwrap(),
    ])
    .ok();
    check_months_beside(
        &f,
        &sheets(&out("quartal.xlsx")),
        (2026, 9),
        &quarter("2026-Q3"),
        &quarter("2025-Q3"),
    );
}

#[test]
fn a_january_workbook_sets_january_beside_january_not_december() {
    let f = sample();
    let consultation = |date: &str, id: &str| {
        let (y, m) = (&date[..4], &date[5..7]);
        f.write(
            &format!("appointments/{y}/{m}/{id}.toml"),
            &format!("id = \"{id}\"\ndate = {date}\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AAAA\"\n"),
        );
    };
    consultation("2025-12-31", "apt-20251231-b001");
    consultation("2026-01-02", "apt-20260102-b002");
    consultation("2026-01-20", "apt-20260120-b003");
    consultation("2025-01-31", "apt-20250131-b004");
    let january = |y: &str| {
        f.run(&[
            "report",
            "monthly",
            "--month",
            &format!("{y}-01"),
            "--format",
            "json",
        ])
        .ok()
        .json()
    };
    let out = f.parent().join("januar.xlsx");
    f.run(&[
        "report",
        "monthly",
        "--month",
        "2026-01",
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
    ])
    .ok();
    let rows = check_months_beside(
        &f,
        &sheets(&out),
        (2026, 1),
        &january("2026"),
        &january("2025"),
    );
    // The two January consultations of 2026 beside the one of January 2025;
    // 31 December 2025 is in neither.
    assert_eq!(rows[1][3], Data::Float(2.0));
    assert_eq!(rows[1][4], Data::Float(1.0));
    assert_eq!(rows[2][3], Data::Float(2.0));
    assert_eq!(rows[2][4], Data::Float(1.0));
}

#[test]
fn a_month_without_records_is_a_row_of_zeros() {
    let f = sample();
    let series = f
        .run(&["report", "series", "--year", "2026", "--format", "json"])
        .ok()
        .json();
    let empty: Vec<usize> = (0..12)
        .filter(|&i| KEYS.iter().all(|k| series["rows"][i][k] == 0))
        .collect();
    assert!(
        !empty.is_empty() && empty[0] < 9,
        "the sample has an empty month before October: {empty:?}"
    );
    let out = f.parent().join("monat.xlsx");
    october(&f, &["--format", "xlsx", "--out", out.to_str().unwrap()]);
    let book = sheets(&out);
    let rows = &book.last().unwrap().1;
    for &i in empty.iter().filter(|&&i| i < 10) {
        let row = &rows[1 + i];
        assert_eq!(
            row[1],
            Data::String(series["rows"][i]["from"].as_str().unwrap().into())
        );
        for k in 0..KEYS.len() {
            assert_eq!(row[3 + 2 * k], Data::Float(0.0), "month {i}: {row:?}");
        }
    }
    // The table and csv of the series have the empty month's row too.
    let csv = f
        .run(&["report", "series", "--year", "2026", "--format", "csv"])
        .ok()
        .stdout
        .clone();
    let key = &series["rows"][empty[0]]["from"].as_str().unwrap()[..7];
    let line = csv
        .lines()
        .find(|l| l.starts_with(&format!("{key};")))
        .unwrap_or_else(|| panic!("no row {key} in {csv}"));
    assert!(line.split(';').skip(3).all(|v| v == "0"), "{line}");
}

fn quality_folder() -> Folder {
    let f = Folder::new();
    f.client("K-7F3A", "");
    for (id, date) in [
        ("apt-20260310-aaaa", "2026-03-10"),
        ("apt-20261012-bbbb", "2026-10-12"),
    ] {
        let month = &date[5..7];
        f.write(
            &format!("appointments/2026/{month}/{id}.toml"),
            &format!("id = \"{id}\"\ndate = {date}\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\n"),
        );
    }
    f.run(&["check"]).ok();
    f
}

fn without_topics(f: &Folder, args: &[&str]) -> Vec<String> {
    let mut full = vec!["--json", "check", "--completeness"];
    full.extend_from_slice(args);
    let j = f.run(&full).ok().json();
    let mut files: Vec<String> = j["quality"]["consultations_without_topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .trim_end_matches(".toml")
                .to_string()
        })
        .collect();
    files.sort();
    files
}

#[test]
fn completeness_lists_the_records_of_the_period_asked_for() {
    let f = quality_folder();
    let both = vec!["apt-20260310-aaaa", "apt-20261012-bbbb"];
    assert_eq!(without_topics(&f, &[]), both, "this year so far");
    assert_eq!(
        without_topics(&f, &["--month", "2026-10"]),
        vec!["apt-20261012-bbbb"]
    );
    assert_eq!(
        without_topics(&f, &["--month", "10.2026"]),
        vec!["apt-20261012-bbbb"]
    );
    assert_eq!(
        without_topics(&f, &["--quarter", "2026-Q1"]),
        vec!["apt-20260310-aaaa"]
    );
    assert_eq!(
        without_topics(&f, &["--year", "2025"]),
        Vec::<String>::new()
    );
    assert_eq!(
        without_topics(&f, &["--from", "2026-03-10", "--to", "2026-10-11"]),
        vec!["apt-20260310-aaaa"]
    );
    let j = f
        .run(&["--json", "check", "--completeness", "--quarter", "2026-Q4"])
        .ok()
        .json();
    assert_eq!(j["period"]["from"], "2026-10-01");
    assert_eq!(j["period"]["to"], "2026-12-31");
    f.run(&["check", "--completeness", "--from", "2026-03-01"])
        .code(2);
    f.run(&[
        "check",
        "--completeness",
        "--month",
        "2026-10",
        "--year",
        "2026",
    ])
    .code(2);
    f.run(&["check", "--month", "2026-10"])
        .code(2)
        .has("--completeness");
    f.run(&[
        "check",
        "--completeness",
        "--from",
        "2026-10-01",
        "--to",
        "2026-03-01",
    ])
    .code(2);
}

#[test]
fn a_seal_is_rebuilt_with_the_topic_codes_it_was_made_with() {
    let f = sample();
    f.english();
    let config = format!(
        "{}\n[topics.codes]\ndebts = {{ de = \"Schulden\", en = \"Debts\" }}\n",
        f.read("quartier.toml")
    );
    f.write("quartier.toml", &config);
    f.write(
        "appointments/2026/10/apt-20261027-a011.toml",
        "id = \"apt-20261027-a011\"\ndate = 2026-10-27\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-BBBB\"\ntopics = [\"debts\"]\n",
    );
    quartier::git::init_repository(f.root()).unwrap();
    let held = october(&f, &["--format", "json"]).json()["consultations"]["held"]
        .as_u64()
        .unwrap();
    october(&f, &["--seal"]);
    let sealed: Value =
        serde_json::from_str(&f.read("reports/sealed/monthly-2026-10.json")).unwrap();
    assert!(
        sealed["versions"][0]["settings"]["topics"]
            .as_array()
            .unwrap()
            .contains(&Value::from("debts"))
    );
    // the office drops its own topic, and a consultation is added later
    f.write(
        "quartier.toml",
        &config.replace("debts = { de = \"Schulden\", en = \"Debts\" }\n", ""),
    );
    f.write(
        "appointments/2026/10/apt-20261028-a010.toml",
        "id = \"apt-20261028-a010\"\ndate = 2026-10-28\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-BBBB\"\n",
    );
    // the record with the dropped topic is an error of its own, and the
    // seal is still rebuilt (with `debts`) and its change named
    f.run(&["check"])
        .code(1)
        .has("apt-20261027-a011.toml:")
        .has(&format!(
            "reports/sealed/monthly-2026-10.json: error: consultations.held was {held}, the records now give {}",
            held + 1
        ));
}

/// SPEC §3.7: `amended` holds an entry "for every seal of that year with
/// more than one version" — one per seal, with its latest amendment (the
/// seal file keeps every version and reason).
#[test]
fn a_seal_amended_twice_is_one_entry_of_the_yearly_report_with_its_latest_reason() {
    let f = sample();
    quartier::git::init_repository(f.root()).unwrap();
    october(&f, &["--seal"]);
    for (n, reason) in [(1, "erste Korrektur"), (2, "zweite Korrektur")] {
        f.write(
            &format!("appointments/2026/10/apt-20261028-b00{n}.toml"),
            &format!("id = \"apt-20261028-b00{n}\"\ndate = 2026-10-28\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-BBBB\"\n"),
        );
        october(&f, &["--seal", "--amend", "--reason", reason]);
    }
    let sealed: Value =
        serde_json::from_str(&f.read("reports/sealed/monthly-2026-10.json")).unwrap();
    assert_eq!(sealed["versions"].as_array().unwrap().len(), 3);
    let year = f
        .run(&["report", "yearly", "--year", "2026", "--format", "json"])
        .ok()
        .json();
    let amended = year["amended"].as_array().unwrap();
    assert_eq!(amended.len(), 1, "{amended:?}");
    assert_eq!(amended[0]["report"], "monthly-2026-10");
    assert_eq!(amended[0]["reason"], "zweite Korrektur");
    assert_eq!(amended[0]["at"], sealed["versions"][2]["sealed_at"]);
}
