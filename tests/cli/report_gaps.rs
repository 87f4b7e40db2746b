//! Reports a funder accepts, the rest of it: the yearly workbook holds the
//! series, `check --completeness` takes the period of the report, a seal is
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
    // the monthly workbook has no series
    let month = f.parent().join("monat.xlsx");
    october(&f, &["--format", "xlsx", "--out", month.to_str().unwrap()]);
    assert!(sheets(&month).iter().all(|(n, _)| !n.contains("2026")));
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
