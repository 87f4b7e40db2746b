//! The workbook against the other formats: a sheet for every breakdown of
//! the JSON (the sponsors' continuation and deadlines included) with shares
//! of the right base, valid sheet names, and `consultations.by_channel`
//! the same in json, csv, xlsx and table.

use crate::report::{october, sample};
use crate::report_gaps::sheets;
use crate::report_v2::cell_text;
use crate::support::Folder;
use calamine::Data;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

type Counts = BTreeMap<String, u64>;

/// The sample with a sponsor whose continuation is secured, deadlines due
/// in October (one met, one handed in late) and one overdue since
/// September, and consultations on the phone and by video.
fn folder() -> Folder {
    let f = sample();
    f.write(
        "sponsors/stadtwerk.toml",
        "id = \"stadtwerk\"\nname = \"Stadtwerk Kultur\"\nproject = \"Hofkultur\"\nfield = \"civic-education\"\nstart = 2026-01-01\ncontinuation = \"secured\"\n\n\
         [[deadlines]]\nkind = \"sachbericht\"\ndue = 2026-10-10\ndone = 2026-10-08\n\n\
         [[deadlines]]\nkind = \"mittelabruf\"\ndue = 2026-10-20\ndone = 2026-10-27\n\n\
         [[deadlines]]\nkind = \"verwendungsnachweis\"\ndue = 2026-09-30\n",
    );
    for (id, client, channel) in [
        ("apt-20261013-a101", "K-BBBB", "phone"),
        ("apt-20261014-a102", "K-DDDD", "video"),
    ] {
        f.write(
            &format!("appointments/2026/10/{id}.toml"),
            &format!(
                "id = \"{id}\"\ndate = 2026-10-{}\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"{client}\"\nchannel = \"{channel}\"\ntopics = [\"housing\"]\nduration = 30\n",
                &id[10..12]
            ),
        );
    }
    f
}

fn counts(v: &Value) -> Counts {
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, n)| (k.clone(), n.as_u64().unwrap()))
        .collect()
}

/// Every breakdown of the report's JSON: `section.key` → counts.
fn json_breakdowns(j: &Value) -> BTreeMap<String, Counts> {
    let mut out = BTreeMap::new();
    for (section, v) in j.as_object().unwrap() {
        if [
            "period",
            "office",
            "targets",
            "year_to_date",
            "quality",
            "source",
        ]
        .contains(&section.as_str())
        {
            continue;
        }
        for (key, m) in v.as_object().into_iter().flatten() {
            let numbers = m.as_object().is_some_and(|o| o.values().all(Value::is_u64));
            if numbers && key != "participants" {
                out.insert(format!("{section}.{key}"), counts(m));
            }
        }
    }
    out
}

/// round(100 × n / base, 1), halves away from zero.
fn share(n: u64, base: u64) -> f64 {
    ((2000 * n + base) / (2 * base)) as f64 / 10.0
}

fn sheet_counts(rows: &[Vec<Data>]) -> Counts {
    rows[1..]
        .iter()
        .map(|r| (cell_text(&r[0]), cell_text(&r[2]).parse().unwrap()))
        .collect()
}

#[test]
fn every_breakdown_has_a_sheet_with_shares_of_its_own_base() {
    let f = folder();
    let j = october(&f, &["--format", "json"]).json();
    october(&f, &["--format", "xlsx", "--out", "o.xlsx"]);
    let book = sheets(&f.parent().join("o.xlsx"));

    let mut taken = BTreeSet::new();
    for (name, _) in &book {
        assert!(name.chars().count() <= 31, "{name:?} is too long");
        assert!(
            !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{name:?}"
        );
        assert!(!name.starts_with('\'') && !name.ends_with('\''), "{name:?}");
        assert!(taken.insert(name.to_lowercase()), "{name:?} twice");
    }

    let by_name: BTreeMap<&str, &Vec<Vec<Data>>> =
        book.iter().map(|(n, rows)| (n.as_str(), rows)).collect();
    let breakdown_sheets: Vec<&Vec<Vec<Data>>> = book
        .iter()
        .filter(|(_, rows)| rows[0].get(2).map(cell_text).as_deref() == Some("Anzahl"))
        .map(|(_, rows)| rows)
        .collect();
    let want = json_breakdowns(&j);
    assert!(want.contains_key("sponsors.continuation") && want.contains_key("sponsors.deadlines"));
    // One sheet per breakdown, each with the counts of one of them.
    let mut got: Vec<Counts> = breakdown_sheets.iter().map(|r| sheet_counts(r)).collect();
    let mut expected: Vec<Counts> = want.values().cloned().collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    // Counts and shares are numbers.
    for rows in &breakdown_sheets {
        for r in &rows[1..] {
            assert!(matches!(r[2], Data::Float(_)), "{r:?}");
            assert!(matches!(r.get(3), Some(Data::Float(_)) | None), "{r:?}");
        }
    }

    // The shares of each breakdown are of its own base.
    let s = &j["sponsors"];
    let check = |name: &str, path: &str, base: Option<u64>| {
        let rows = by_name
            .get(name)
            .unwrap_or_else(|| panic!("no sheet {name:?} in {:?}", by_name.keys()));
        assert_eq!(sheet_counts(rows), want[path], "{name}");
        for r in &rows[1..] {
            let n: u64 = cell_text(&r[2]).parse().unwrap();
            match base {
                Some(b) => assert_eq!(r[3], Data::Float(share(n, b)), "{name} {r:?}"),
                None => assert_eq!(r.len(), 3, "{name}: no shares, {r:?}"),
            }
        }
    };
    let active = s["active"].as_u64().unwrap();
    let meetings = s["meetings"].as_u64().unwrap();
    assert_ne!(active, meetings, "the test tells the two bases apart");
    check(
        "Verstetigung (aktive Träger)",
        "sponsors.continuation",
        Some(active),
    );
    check("Fristen der Projektträger", "sponsors.deadlines", None);
    check(
        "Termine nach Projektträger",
        "sponsors.by_sponsor",
        Some(meetings),
    );
    check(
        "Beratungen nach Kanal",
        "consultations.by_channel",
        j["consultations"]["held"].as_u64(),
    );
    let deadlines = counts(&s["deadlines"]);
    assert!(deadlines["due"] > deadlines["met"] && deadlines["overdue"] > 0);
}

#[test]
fn by_channel_agrees_in_json_csv_xlsx_and_table() {
    let f = folder();
    let j = october(&f, &["--format", "json"]).json();
    let want = counts(&j["consultations"]["by_channel"]);
    let held = j["consultations"]["held"].as_u64().unwrap();
    assert!(want.len() >= 3, "{want:?}");
    assert_eq!(want.values().sum::<u64>(), held);

    // csv: section;key;label;value
    let csv = october(&f, &["--format", "csv"]).stdout.clone();
    let mut labels = BTreeMap::new();
    let mut from_csv = Counts::new();
    for line in csv.trim_start_matches('\u{feff}').lines() {
        let cells: Vec<&str> = line.split(';').collect();
        if cells[0] == "consultations.by_channel" {
            labels.insert(cells[1].to_string(), cells[2].to_string());
            from_csv.insert(cells[1].to_string(), cells[3].parse().unwrap());
        }
    }
    assert_eq!(from_csv, want, "csv");

    // xlsx: code, label, count, share
    october(&f, &["--format", "xlsx", "--out", "k.xlsx"]);
    let book = sheets(&f.parent().join("k.xlsx"));
    let (_, rows) = book
        .iter()
        .find(|(n, _)| n == "Beratungen nach Kanal")
        .expect("a sheet of the channels");
    assert_eq!(sheet_counts(rows), want, "xlsx");
    let xlsx_share: BTreeMap<String, f64> = rows[1..]
        .iter()
        .map(|r| match r[3] {
            Data::Float(x) => (cell_text(&r[0]), x),
            ref other => panic!("a share, not {other:?}"),
        })
        .collect();
    for r in &rows[1..] {
        assert_eq!(cell_text(&r[1]), labels[&cell_text(&r[0])], "xlsx label");
    }

    // table: label ┆ count ┆ share, under the breakdown's heading
    let table = october(&f, &[]).stdout.clone();
    let mut from_table = Counts::new();
    let mut inside = false;
    for line in table.lines() {
        if line.contains("Beratungen nach Kanal") {
            inside = true;
            continue;
        }
        if inside && line.starts_with('└') {
            break;
        }
        if inside && line.starts_with('│') {
            let cells: Vec<String> = line
                .trim_matches('│')
                .split('┆')
                .map(|c| c.trim().to_string())
                .collect();
            let code = labels
                .iter()
                .find(|(_, l)| **l == cells[0])
                .map(|(c, _)| c.clone())
                .unwrap_or_else(|| panic!("{:?} is no channel label", cells[0]));
            let shown = format!("{:.1} %", xlsx_share[&code]).replace('.', ",");
            assert_eq!(cells[2], shown, "table share of {code}");
            from_table.insert(code, cells[1].parse().unwrap());
        }
    }
    assert_eq!(from_table, want, "table");
}
