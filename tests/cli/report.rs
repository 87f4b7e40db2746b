//! `quartier report`: periods, formats, the figures agreeing across formats,
//! cron use, refusing broken data, and reading only what a report needs.

use crate::support::{Folder, Run};
use quartier::model::{Config, Lang};
use quartier::report::{Names, labels};
use serde_json::Value;
use std::collections::BTreeMap;

/// Targets chosen so that percentages need rounding (5/12 → 41.7, 4/3 → 133.3).
const CONFIG: &str = r#"[office]
name = "Stadtteilmanagement Test"
operator = "Testträger gGmbH"
programme = "ESF Test"
language = "de"

[area]
name = "Testviertel"
districts = ["Lindenau", "Plagwitz"]

[targets.2026]
consultations = 12
unique_clients = 3
new_clients = 9
events = 3
event_participants = 300
sponsor_meetings = 8
referrals = 6
contacts = 8
organisation_consultations = 0

[sponsors]
stale_after_days = 60
"#;

/// A small, fixed records folder with something in every section of October 2026.
pub fn sample() -> Folder {
    let f = Folder::new();
    f.write("quartier.toml", CONFIG);
    f.write(
        "clients/K-AAAA.toml",
        "id = \"K-AAAA\"\nfirst_contact = 2026-01-15\ngender = \"f\"\nbirth_year = 1990\norigin = \"SY\"\nlanguages = [\"ar\", \"de\"]\nresidence = \"asylum-seeker\"\ndistrict = \"Lindenau\"\nemployment = \"unemployed\"\nconsent = 2026-01-15\n",
    );
    f.write(
        "clients/K-BBBB.toml",
        "id = \"K-BBBB\"\nfirst_contact = 2026-10-03\ngender = \"m\"\nbirth_year = 2010\norigin = \"UA\"\nresidence = \"residence-permit\"\ndistrict = \"Plagwitz\"\nemployment = \"in-education\"\nconsent = 2026-10-03\n",
    );
    f.client("K-CCCC", "");
    f.write(
        "clients/K-DDDD.toml",
        "id = \"K-DDDD\"\nfirst_contact = 2026-10-20\ngender = \"d\"\nbirth_year = 1960\ndistrict = \"outside\"\n",
    );
    f.write(
        "sponsors/lesewelt.toml",
        "id = \"lesewelt\"\nname = \"Lesewelt e.V.\"\nproject = \"Lesepaten\"\nfield = \"youth-education\"\nstart = 2025-01-01\n",
    );
    f.write(
        "sponsors/demokratie-werkstatt.toml",
        "id = \"demokratie-werkstatt\"\nname = \"Demokratie-Werkstatt gGmbH\"\nproject = \"Mitreden\"\nfield = \"civic-education\"\nstart = 2026-03-01\nend = 2026-10-15\nstatus = \"ended\"\n",
    );
    f.write(
        "sponsors/jobbruecke.toml",
        "id = \"jobbruecke\"\nname = \"Jobbrücke West\"\nproject = \"Ankommen in Arbeit\"\nfield = \"employment-integration\"\nstart = 2025-06-01\n",
    );
    f.write(
        "partners/auslaenderbehoerde.toml",
        "id = \"auslaenderbehoerde\"\nname = \"Ausländerbehörde Leipzig\"\nkind = \"authority\"\n",
    );
    f.write(
        "partners/mieterverein.toml",
        "id = \"mieterverein\"\nname = \"Mieterverein Leipzig e.V.\"\nkind = \"housing\"\noffers = [\"housing\"]\n",
    );
    let consultation = |id: &str, date: &str, status: &str, client: &str, extra: &str| {
        let (y, m) = (&date[..4], &date[5..7]);
        f.write(
            &format!("appointments/{y}/{m}/{id}.toml"),
            &format!(
                "id = \"{id}\"\ndate = {date}\nkind = \"consultation\"\nstatus = \"{status}\"\nclient = \"{client}\"\n{extra}\n"
            ),
        );
    };
    consultation(
        "apt-20261002-a001",
        "2026-10-02",
        "done",
        "K-AAAA",
        "duration = 60\ntopics = [\"residence\", \"housing\"]\nlanguage = \"ar\"\ninterpreter = true\nfamily_members = 2",
    );
    consultation(
        "apt-20261009-a002",
        "2026-10-09",
        "done",
        "K-BBBB",
        "duration = 45\ntopics = [\"education\"]\nlanguage = \"uk\"",
    );
    consultation(
        "apt-20261016-a003",
        "2026-10-16",
        "done",
        "K-AAAA",
        "duration = 30\ntopics = [\"housing\"]\nlanguage = \"ar\"",
    );
    consultation("apt-20261020-a004", "2026-10-20", "done", "K-DDDD", "");
    consultation("apt-20261023-a005", "2026-10-23", "cancelled", "K-CCCC", "");
    consultation("apt-20261030-a006", "2026-10-30", "no-show", "K-CCCC", "");
    consultation(
        "apt-20260310-a007",
        "2026-03-10",
        "done",
        "K-CCCC",
        "topics = [\"language\"]",
    );
    let meeting = |id: &str, date: &str, sponsor: &str| {
        let (y, m) = (&date[..4], &date[5..7]);
        f.write(
            &format!("appointments/{y}/{m}/{id}.toml"),
            &format!(
                "id = \"{id}\"\ndate = {date}\nkind = \"sponsor\"\nstatus = \"done\"\nsponsor = \"{sponsor}\"\nduration = 90\n"
            ),
        );
    };
    meeting("apt-20261007-s001", "2026-10-07", "lesewelt");
    meeting("apt-20261014-s002", "2026-10-14", "demokratie-werkstatt");
    meeting("apt-20260915-s003", "2026-09-15", "lesewelt");
    f.write(
        "referrals/2026/09/ref-20260920-r001.toml",
        "id = \"ref-20260920-r001\"\ndate = 2026-09-20\nclient = \"K-AAAA\"\npartner = \"auslaenderbehoerde\"\ntopic = \"residence\"\nstatus = \"open\"\nfollow_up = 2026-10-15\n",
    );
    f.write(
        "referrals/2026/10/ref-20261016-r002.toml",
        "id = \"ref-20261016-r002\"\ndate = 2026-10-16\nclient = \"K-AAAA\"\npartner = \"mieterverein\"\ntopic = \"housing\"\nstatus = \"done\"\nclosed = 2026-10-28\n",
    );
    // K-CCCC has not consented: a warning, which does not stop a report.
    f.write(
        "referrals/2026/10/ref-20261023-r003.toml",
        "id = \"ref-20261023-r003\"\ndate = 2026-10-23\nclient = \"K-CCCC\"\npartner = \"mieterverein\"\ntopic = \"housing\"\nstatus = \"open\"\nfollow_up = 2026-11-10\n",
    );
    f.write(
        "events/2026/10/evt-20261008-e001.toml",
        "id = \"evt-20261008-e001\"\ndate = 2026-10-08\ntitle = \"Infoabend: Wohnen & Miete <Leipzig>; \\\"Fragen\\\"\"\nkind = \"info\"\nstatus = \"done\"\n[participants]\ntotal = 25\nwomen = 15\nmen = 9\ndiverse = 1\nmigrants = 20\n",
    );
    f.write(
        "events/2026/10/evt-20261021-e002.toml",
        "id = \"evt-20261021-e002\"\ndate = 2026-10-21\ntitle = \"Netzwerktreffen der Träger\"\nkind = \"network\"\nstatus = \"done\"\nsponsors = [\"lesewelt\", \"jobbruecke\"]\n[participants]\ntotal = 8\nwomen = 5\nmen = 3\ndiverse = 0\nmigrants = 2\n",
    );
    f.write(
        "events/2026/10/evt-20261029-e003.toml",
        "id = \"evt-20261029-e003\"\ndate = 2026-10-29\ntitle = \"Sprachcafé\"\nkind = \"info\"\nstatus = \"cancelled\"\n",
    );
    f.write(
        "events/2026/05/evt-20260512-e004.toml",
        "id = \"evt-20260512-e004\"\ndate = 2026-05-12\ntitle = \"Workshop Bewerbung\"\nkind = \"workshop\"\nstatus = \"done\"\n[participants]\ntotal = 12\nwomen = 6\nmen = 6\ndiverse = 0\nmigrants = 10\n",
    );
    // (v2) short contacts and consultations of an organisation
    f.write(
        "partners/kita-sonnenschein.toml",
        "id = \"kita-sonnenschein\"\nname = \"Kita Sonnenschein\"\nkind = \"education\"\n",
    );
    for (id, date, text) in [
        (
            "con-20261012-c001",
            "2026-10-12",
            "kind = \"walk-in\"\ntopics = [\"residence\", \"housing\"]\nlanguage = \"ar\"\nreferred_to = [\"auslaenderbehoerde\", \"mieterverein\"]\n",
        ),
        (
            "con-20261021-c002",
            "2026-10-21",
            "kind = \"phone\"\ntopics = [\"housing\"]\n",
        ),
        ("con-20260905-c003", "2026-09-05", "kind = \"phone\"\n"),
    ] {
        let (y, m) = (&date[..4], &date[5..7]);
        f.write(
            &format!("contacts/{y}/{m}/{id}.toml"),
            &format!("id = \"{id}\"\ndate = {date}\n{text}"),
        );
    }
    for (id, date, topics) in [
        (
            "apt-20261006-o001",
            "2026-10-06",
            "[\"intercultural-opening\", \"education\"]",
        ),
        (
            "apt-20261027-o002",
            "2026-10-27",
            "[\"intercultural-opening\"]",
        ),
    ] {
        f.write(
            &format!("appointments/2026/10/{id}.toml"),
            &format!(
                "id = \"{id}\"\ndate = {date}\nkind = \"organisation\"\nstatus = \"done\"\npartner = \"kita-sonnenschein\"\ntopics = {topics}\nduration = 90\n"
            ),
        );
    }
    f
}

const OCTOBER: [&str; 4] = ["report", "monthly", "--month", "2026-10"];

pub fn october(f: &Folder, extra: &[&str]) -> Run {
    let mut args = OCTOBER.to_vec();
    args.extend_from_slice(extra);
    let run = f.run(&args);
    run.ok();
    run
}

// ---------------------------------------------------------------- figures

#[test]
fn the_sample_october_in_json() {
    let f = sample();
    let j = october(&f, &["--format", "json"]).json();
    assert_eq!(j["period"]["from"], "2026-10-01");
    assert_eq!(j["period"]["to"], "2026-10-31");
    assert_eq!(j["office"]["name"], "Stadtteilmanagement Test");
    assert_eq!(j["office"]["area"], "Testviertel");
    let c = &j["consultations"];
    assert_eq!(c["held"], 4);
    assert_eq!(c["cancelled"], 1);
    assert_eq!(c["no_show"], 1);
    assert_eq!(c["minutes"], 135);
    assert_eq!(c["family_members"], 2);
    assert_eq!(c["with_interpreter"], 1);
    assert_eq!(
        c["by_topic"],
        serde_json::json!({"education": 1, "housing": 2, "residence": 1})
    );
    assert_eq!(
        c["by_language"],
        serde_json::json!({"ar": 2, "uk": 1, "unknown": 1})
    );
    let cl = &j["clients"];
    assert_eq!(
        (cl["unique"].as_u64(), cl["new"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(cl["in_area"], 2);
    assert_eq!(
        cl["by_age_group"],
        serde_json::json!({"under-18": 1, "30-54": 1, "55-plus": 1})
    );
    assert_eq!(
        cl["by_district"],
        serde_json::json!({"Lindenau": 1, "Plagwitz": 1, "outside": 1})
    );
    assert_eq!(
        cl["by_origin"],
        serde_json::json!({"SY": 1, "UA": 1, "unknown": 1})
    );
    let r = &j["referrals"];
    assert_eq!(r["made"], 2);
    assert_eq!(r["done"], 1);
    assert_eq!(r["open_at_end"], 2);
    assert_eq!(r["overdue"], 1);
    assert_eq!(r["by_partner"], serde_json::json!({"mieterverein": 2}));
    let e = &j["events"];
    assert_eq!(e["held"], 2);
    assert_eq!(e["participants"]["total"], 33);
    assert_eq!(e["list"][0]["id"], "evt-20261008-e001");
    assert_eq!(e["list"][1]["participants"], 8);
    let s = &j["sponsors"];
    assert_eq!(s["meetings"], 2);
    assert_eq!(s["active"], 3);
    assert_eq!(s["network_events"], 1);
    assert_eq!(
        s["by_sponsor"],
        serde_json::json!({"demokratie-werkstatt": 1, "jobbruecke": 0, "lesewelt": 1})
    );
    assert_eq!(s["stale"], serde_json::json!(["jobbruecke"]));
    let y = &j["year_to_date"];
    assert_eq!(y["consultations"], 5);
    assert_eq!(y["unique_clients"], 4);
    assert_eq!(y["events"], 3);
    assert_eq!(y["event_participants"], 45);
    assert_eq!(y["sponsor_meetings"], 3);
    assert_eq!(y["referrals"], 3);
    assert_eq!(y["contacts"], 3);
    assert_eq!(y["organisation_consultations"], 2);
    let k = &j["contacts"];
    assert_eq!(k["total"], 2);
    assert_eq!(k["referred"], 1);
    assert_eq!(k["by_kind"], serde_json::json!({"walk-in": 1, "phone": 1}));
    assert_eq!(
        k["by_topic"],
        serde_json::json!({"residence": 1, "housing": 2})
    );
    assert_eq!(k["by_language"], serde_json::json!({"ar": 1, "unknown": 1}));
    let o = &j["organisations"];
    assert_eq!(o["consultations"], 2);
    assert_eq!(o["organisations"], 1);
    assert_eq!(o["by_partner_kind"], serde_json::json!({"education": 2}));
    assert_eq!(
        o["by_topic"],
        serde_json::json!({"intercultural-opening": 2, "education": 1})
    );
    // they are neither consultations of clients nor referrals
    assert_eq!(j["consultations"]["held"], 4);
    assert_eq!(j["referrals"]["made"], 2);
    let t = &j["targets"];
    assert_eq!(
        t["contacts"],
        serde_json::json!({"target": 8, "actual": 3, "percent": 37.5})
    );
    assert_eq!(
        t["organisation_consultations"],
        serde_json::json!({"target": 0, "actual": 2, "percent": null})
    );
    assert_eq!(
        t["consultations"],
        serde_json::json!({"target": 12, "actual": 5, "percent": 41.7})
    );
    assert_eq!(t["unique_clients"]["percent"], 133.3);
    assert_eq!(t["sponsor_meetings"]["percent"], 37.5);
    assert_eq!(t["new_clients"]["percent"], 44.4);
    assert_eq!(
        j["source"],
        serde_json::json!({"commit": null, "dirty": null})
    );
}

#[test]
fn json_keys_are_exactly_those_of_the_spec() {
    let f = sample();
    let j = october(&f, &["--format", "json"]).json();
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let sorted = |k: &[&str]| {
        let mut k: Vec<String> = k.iter().map(|s| s.to_string()).collect();
        k.sort();
        k
    };
    assert_eq!(
        keys(&j),
        sorted(&[
            "period",
            "office",
            "consultations",
            "clients",
            "referrals",
            "events",
            "sponsors",
            "contacts",
            "organisations",
            "year_to_date",
            "quality",
            "targets",
            "source"
        ])
    );
    // in the order of SPEC §3.2
    let order: Vec<&str> = j.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        order,
        [
            "period",
            "office",
            "consultations",
            "clients",
            "referrals",
            "events",
            "sponsors",
            "contacts",
            "organisations",
            "quality",
            "year_to_date",
            "targets",
            "source"
        ]
    );
    assert_eq!(
        keys(&j["contacts"]),
        sorted(&["total", "by_kind", "by_topic", "by_language", "referred"])
    );
    assert_eq!(
        keys(&j["organisations"]),
        sorted(&[
            "consultations",
            "organisations",
            "by_partner_kind",
            "by_topic"
        ])
    );
    assert_eq!(
        keys(&j["year_to_date"]),
        sorted(&[
            "consultations",
            "unique_clients",
            "new_clients",
            "events",
            "event_participants",
            "sponsor_meetings",
            "referrals",
            "contacts",
            "organisation_consultations"
        ])
    );
    assert_eq!(
        keys(&j["consultations"]),
        sorted(&[
            "held",
            "cancelled",
            "no_show",
            "minutes",
            "family_members",
            "with_interpreter",
            "by_topic",
            "by_language",
            "by_channel"
        ])
    );
    assert_eq!(
        keys(&j["clients"]),
        sorted(&[
            "unique",
            "new",
            "in_area",
            "by_gender",
            "by_age_group",
            "by_origin",
            "by_residence",
            "by_employment",
            "by_district"
        ])
    );
    assert_eq!(
        keys(&j["referrals"]),
        sorted(&[
            "made",
            "done",
            "failed",
            "withdrawn",
            "open_at_end",
            "overdue",
            "by_partner",
            "by_topic"
        ])
    );
    assert_eq!(
        keys(&j["events"]),
        sorted(&["held", "by_kind", "participants", "list"])
    );
    assert_eq!(
        keys(&j["events"]["list"][0]),
        sorted(&["date", "id", "title", "kind", "participants"])
    );
    assert_eq!(
        keys(&j["sponsors"]),
        sorted(&[
            "continuation",
            "deadlines",
            "meetings",
            "active",
            "network_events",
            "by_sponsor",
            "by_field",
            "stale"
        ])
    );
    assert_eq!(keys(&j["source"]), sorted(&["commit", "dirty"]));
    for breakdown in [&j["consultations"]["by_topic"], &j["clients"]["by_gender"]] {
        assert!(breakdown.as_object().unwrap().values().all(|v| v != 0));
    }
}

#[test]
fn year_to_date_and_targets_depend_on_the_kind_of_report() {
    let f = sample();
    let quarter = f
        .run(&[
            "report",
            "quarterly",
            "--quarter",
            "2026-Q4",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(quarter["year_to_date"]["consultations"], 5);
    assert!(quarter["targets"].is_object());

    let year = f
        .run(&["report", "yearly", "--year", "2026", "--format", "json"])
        .ok()
        .json();
    assert!(year.get("year_to_date").is_none());
    assert_eq!(year["targets"]["consultations"]["actual"], 5);
    assert_eq!(year["period"]["to"], "2026-12-31");

    let period = f
        .run(&[
            "report",
            "period",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "--format",
            "json",
        ])
        .ok()
        .json();
    assert!(period.get("year_to_date").is_none());
    assert!(period.get("targets").is_none());
    assert_eq!(period["consultations"]["held"], 4);

    let last_year = f
        .run(&[
            "report", "monthly", "--month", "2025-10", "--format", "json",
        ])
        .ok()
        .json();
    assert!(last_year.get("targets").is_none(), "no [targets.2025]");
    assert!(last_year.get("year_to_date").is_some());
}

#[test]
fn previous_is_relative_to_today() {
    let f = sample();
    let period = |args: &[&str]| {
        let mut all = vec!["report"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        let j = f.run(&all).ok().json();
        (
            j["period"]["from"].as_str().unwrap().to_string(),
            j["period"]["to"].as_str().unwrap().to_string(),
        )
    };
    let p = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        period(&["monthly", "--previous"]),
        p("2026-10-01", "2026-10-31")
    );
    assert_eq!(
        period(&["quarterly", "--previous"]),
        p("2026-07-01", "2026-09-30")
    );
    assert_eq!(
        period(&["yearly", "--previous"]),
        p("2025-01-01", "2025-12-31")
    );
    assert_eq!(period(&["monthly"]), p("2026-11-01", "2026-11-30"));
    assert_eq!(
        period(&["period", "--from", "yesterday", "--to", "today"]),
        p("2026-11-24", "2026-11-25")
    );
}

// ---------------------------------------------------------------- formats agree

/// CSV rows as (section, key) → value, checking the BOM and the header.
fn parse_csv(text: &str) -> BTreeMap<(String, String), String> {
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 BOM");
    let mut lines = split_csv(body).into_iter();
    assert_eq!(
        lines.next().unwrap(),
        vec!["section", "key", "label", "value"]
    );
    let mut out = BTreeMap::new();
    for fields in lines {
        assert_eq!(fields.len(), 4, "{fields:?}");
        let old = out.insert((fields[0].clone(), fields[1].clone()), fields[3].clone());
        assert!(old.is_none(), "one row per figure: {fields:?}");
    }
    out
}

/// A small RFC 4180 reader with `;`.
pub fn split_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ';') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the file ends with a newline"
    );
    rows
}

/// Every scalar of the JSON as (section, key) → value text, the CSV way.
pub fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<(String, String), String>) {
    let mut child = |key: String, v: &Value| match v {
        Value::Object(_) | Value::Array(_) => {
            let path = if prefix.is_empty() {
                key
            } else {
                format!("{prefix}.{key}")
            };
            flatten(&path, v, out);
        }
        Value::String(s) => {
            out.insert((prefix.to_string(), key), s.clone());
        }
        Value::Null => {
            out.insert((prefix.to_string(), key), String::new());
        }
        other => {
            out.insert((prefix.to_string(), key), other.to_string());
        }
    };
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| child(k.clone(), v)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| child(i.to_string(), v)),
        _ => unreachable!(),
    }
}

#[test]
fn csv_holds_every_json_figure_and_nothing_else() {
    let f = sample();
    let json = october(&f, &["--format", "json"]).json();
    let csv = parse_csv(&october(&f, &["--format", "csv", "--lang", "en"]).stdout);
    let mut expected = BTreeMap::new();
    flatten("", &json, &mut expected);
    assert_eq!(csv, expected);
    assert_eq!(
        csv[&("consultations.by_topic".to_string(), "housing".to_string())],
        "2"
    );
    assert_eq!(
        csv[&("targets.consultations".to_string(), "percent".to_string())],
        "41.7"
    );
}

/// The table output as section title → tables, each a header and rows of cells.
type Tables = BTreeMap<String, Vec<(Vec<String>, Vec<Vec<String>>)>>;

fn parse_table(text: &str) -> Tables {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Tables = BTreeMap::new();
    let mut section = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if i + 1 < lines.len()
            && !line.is_empty()
            && lines[i + 1].chars().all(|c| c == '-')
            && lines[i + 1].chars().count() == line.chars().count()
        {
            section = line.to_string();
            i += 2;
            continue;
        }
        if line.starts_with('┌') {
            let mut header = None;
            let mut rows = Vec::new();
            i += 1;
            while !lines[i].starts_with('└') {
                let l = lines[i];
                if l.starts_with('│') {
                    let cells: Vec<String> = l
                        .trim_matches('│')
                        .split('┆')
                        .map(|c| c.trim().to_string())
                        .collect();
                    if header.is_none() {
                        header = Some(cells);
                    } else {
                        rows.push(cells);
                    }
                }
                i += 1;
            }
            out.entry(section.clone())
                .or_default()
                .push((header.unwrap(), rows));
        }
        i += 1;
    }
    out
}

fn table_value(tables: &Tables, section: &str, first_header: &str, label: &str) -> Vec<String> {
    let candidates = &tables[section];
    let (_, rows) = candidates
        .iter()
        .find(|(h, _)| h[0] == first_header)
        .unwrap_or_else(|| panic!("no table `{first_header}` in `{section}`"));
    rows.iter()
        .find(|r| r[0] == label)
        .map(|r| r[1..].to_vec())
        .unwrap_or_else(|| panic!("no row `{label}` in `{first_header}` of `{section}`"))
}

#[test]
fn table_shows_every_json_figure() {
    let f = sample();
    let json = october(&f, &["--format", "json"]).json();
    let text = october(&f, &["--lang", "en"]).stdout.clone();
    let tables = parse_table(&text);
    let lang = Lang::En;
    let config: Config = toml::from_str(CONFIG).unwrap();
    let names = Names {
        partners: [
            ("auslaenderbehoerde", "Ausländerbehörde Leipzig"),
            ("mieterverein", "Mieterverein Leipzig e.V."),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect(),
        sponsors: [
            ("lesewelt", "Lesewelt e.V."),
            ("demokratie-werkstatt", "Demokratie-Werkstatt gGmbH"),
            ("jobbruecke", "Jobbrücke West"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect(),
    };
    let figure_header = labels::word("figure", lang);
    let mut checked = 0;
    for section in [
        "consultations",
        "clients",
        "referrals",
        "events",
        "sponsors",
        "contacts",
        "organisations",
        "quality",
    ] {
        let title = labels::section(section, lang);
        for (key, value) in json[section].as_object().unwrap() {
            match value {
                Value::Number(n) => {
                    let cells = table_value(
                        &tables,
                        title,
                        figure_header,
                        labels::figure(section, key, lang),
                    );
                    assert_eq!(cells, vec![n.to_string()], "{section}.{key}");
                    checked += 1;
                }
                Value::Object(map) if key == "participants" => {
                    for (k, v) in map {
                        let cells = table_value(
                            &tables,
                            title,
                            figure_header,
                            labels::figure("events.participants", k, lang),
                        );
                        assert_eq!(cells, vec![v.to_string()], "participants.{k}");
                        checked += 1;
                    }
                }
                Value::Object(map) => {
                    let path = format!("{section}.{key}");
                    let header = labels::figure(section, key, lang);
                    let (_, rows) = tables[title]
                        .iter()
                        .find(|(h, _)| h[0] == header)
                        .unwrap_or_else(|| panic!("no table for {path}"));
                    assert_eq!(rows.len(), map.len(), "{path}");
                    for (code, n) in map {
                        let label = labels::key(&path, code, lang, &config, &names);
                        let cells = table_value(&tables, title, header, &label);
                        // The count, then its share (the deadlines have none).
                        assert_eq!(cells[0], n.to_string(), "{path}.{code}");
                        if path == "sponsors.deadlines" {
                            assert_eq!(cells.len(), 1, "{path}.{code}: {cells:?}");
                        } else {
                            assert!(cells[1].ends_with('%'), "{path}.{code}: {cells:?}");
                        }
                        checked += 1;
                    }
                }
                Value::Array(items) if key == "list" => {
                    for item in items {
                        let date = item["date"].as_str().unwrap();
                        let cells = table_value(&tables, title, labels::word("date", lang), date);
                        assert_eq!(
                            cells.last().unwrap(),
                            &item["participants"].to_string(),
                            "{date}"
                        );
                        checked += 1;
                    }
                }
                Value::Array(items) => {
                    let header = labels::stale_heading(60, lang);
                    let (_, rows) = tables[title].iter().find(|(h, _)| h[0] == header).unwrap();
                    let shown: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
                    let expected: Vec<String> = items
                        .iter()
                        .map(|s| {
                            labels::key(
                                "sponsors.stale",
                                s.as_str().unwrap(),
                                lang,
                                &config,
                                &names,
                            )
                        })
                        .collect();
                    assert_eq!(shown, expected);
                    checked += 1;
                }
                other => panic!("unexpected {section}.{key}: {other}"),
            }
        }
    }
    let ytd_title = tables
        .keys()
        .find(|k| k.starts_with(labels::section("year_to_date", lang)))
        .unwrap()
        .clone();
    for (key, v) in json["year_to_date"].as_object().unwrap() {
        let cells = table_value(
            &tables,
            &ytd_title,
            figure_header,
            labels::figure("year_to_date", key, lang),
        );
        assert_eq!(cells, vec![v.to_string()], "year_to_date.{key}");
        checked += 1;
    }
    for (key, t) in json["targets"].as_object().unwrap() {
        let cells = table_value(
            &tables,
            "Targets of the year 2026",
            figure_header,
            labels::figure("targets", key, lang),
        );
        assert_eq!(
            cells,
            vec![
                t["target"].to_string(),
                t["actual"].to_string(),
                t["percent"]
                    .as_f64()
                    .map_or("–".to_string(), |p| format!("{p:.1} %"))
            ],
            "targets.{key}"
        );
        checked += 1;
    }
    assert!(checked > 60, "only {checked} figures compared");
}

#[test]
fn table_fits_80_columns_without_a_terminal() {
    let f = sample();
    for lang in ["de", "en"] {
        let out = october(&f, &["--lang", lang]).stdout.clone();
        for line in out.lines() {
            assert!(
                line.chars().count() <= 80,
                "{} chars: {line}",
                line.chars().count()
            );
        }
    }
}

// ---------------------------------------------------------------- snapshots

#[test]
fn snapshot_table() {
    insta::assert_snapshot!("october_table", october(&sample(), &[]).stdout);
}

#[test]
fn snapshot_table_english() {
    insta::assert_snapshot!(
        "october_table_en",
        october(&sample(), &["--lang", "en"]).stdout
    );
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!("october_md", october(&sample(), &["--format", "md"]).stdout);
}

#[test]
fn snapshot_csv() {
    insta::assert_snapshot!(
        "october_csv",
        october(&sample(), &["--format", "csv"]).stdout
    );
}

#[test]
fn snapshot_json() {
    insta::assert_snapshot!(
        "october_json",
        october(&sample(), &["--format", "json"]).stdout
    );
}

#[test]
fn snapshot_html() {
    insta::assert_snapshot!(
        "october_html",
        october(&sample(), &["--format", "html"]).stdout
    );
}

#[test]
fn html_is_self_contained_print_ready_and_escaped() {
    let f = sample();
    let html = october(&f, &["--format", "html"]).stdout.clone();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"de\">"));
    assert!(html.contains("@page") && html.contains("size: A4"));
    for forbidden in [
        "<script", "http://", "https://", "@import", "url(", "<link", "<img",
    ] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert!(
        html.matches("<svg").count() >= 5,
        "topic, district, gender, age, target charts"
    );
    for header in [
        "Stadtteilmanagement Test",
        "Testträger gGmbH",
        "ESF Test",
        "Testviertel",
        "01.10.2026 – 31.10.2026",
    ] {
        assert!(html.contains(header), "{header}");
    }
    assert!(html.contains("Infoabend: Wohnen &amp; Miete &lt;Leipzig&gt;; &quot;Fragen&quot;"));
    assert!(!html.contains("<Leipzig>"));
}

#[test]
fn english_labels_with_lang_en() {
    let f = sample();
    october(&f, &[])
        .has("Monatsbericht Oktober 2026")
        .has("Wohnen");
    october(&f, &["--lang", "en", "--format", "md"])
        .has("# Monthly report October 2026")
        .has("| Housing | 2 |")
        .lacks("Beratungen");
}

#[test]
fn global_json_flag_prints_json() {
    let f = sample();
    let j = f
        .run(&["--json", "report", "monthly", "--month", "2026-10"])
        .ok()
        .json();
    assert_eq!(j["consultations"]["held"], 4);
}

// ---------------------------------------------------------------- cron and --out

#[test]
fn previous_month_to_a_file_prints_nothing() {
    let f = sample();
    let out = f.parent().join("reports");
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("monthly-latest.html");
    let run = f.run(&[
        "report",
        "monthly",
        "--previous",
        "--format",
        "html",
        "--out",
        file.to_str().unwrap(),
    ]);
    run.ok();
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("Monatsbericht Oktober 2026"));
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "monthly-latest.html")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // The next run replaces the file.
    let run = f.run(&[
        "report",
        "monthly",
        "--previous",
        "--out",
        file.to_str().unwrap(),
    ]);
    run.ok();
    assert_eq!(run.stdout, "");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("Monatsbericht Oktober 2026\n")
    );
}

#[test]
fn out_into_a_missing_folder_fails_on_stderr() {
    let f = sample();
    let file = f.parent().join("nowhere").join("r.csv");
    let run = f.run(&[
        "report",
        "monthly",
        "--previous",
        "--format",
        "csv",
        "--out",
        file.to_str().unwrap(),
    ]);
    run.code(1);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("nowhere"), "{}", run.stderr);
}

// ---------------------------------------------------------------- usage errors

#[test]
fn bad_periods_are_usage_errors() {
    let f = sample();
    for (args, says) in [
        (vec!["monthly", "--month", "2026-13"], "2026-13"),
        (vec!["monthly", "--month", "10-2026"], "11.2026"),
        (
            vec!["monthly", "--month", "2026-10", "--previous"],
            "--previous",
        ),
        (vec!["quarterly", "--quarter", "2026-Q5"], "2026-Q3"),
        (vec!["quarterly", "--quarter", "2026-4"], "2026-4"),
        (vec!["yearly", "--year", "26"], "kein Jahr"),
        (
            vec!["period", "--from", "2026-02-30", "--to", "2026-03-31"],
            "2026-02-30",
        ),
        (
            vec!["period", "--from", "2026-01-01", "--to", "31.02.2026"],
            "31.02.2026",
        ),
        (vec!["period", "--from", "2026-01-01"], "--to"),
        (
            vec!["period", "--from", "2026-10-02", "--to", "2026-10-01"],
            "der Zeitraum beginnt (02.10.2026) nach seinem Ende (01.10.2026)",
        ),
        (vec!["monthly", "--format", "pdf"], "pdf"),
    ] {
        let mut all = vec!["report"];
        all.extend_from_slice(&args);
        let run = f.run(&all);
        run.code(2).has(says);
        assert_eq!(run.stdout, "", "{args:?}");
    }
}

// ---------------------------------------------------------------- broken data

#[test]
fn a_broken_record_stops_the_report_and_is_named() {
    let f = sample();
    f.write(
        "events/2026/10/evt-20261012-bad1.toml",
        "id = \"evt-20261012-bad1\"\ndate = 2026-10-12\ntitle = \"x\"\nkind = \"info\"\nstatus = \"done\"\nparticipans = 3\n",
    );
    let file = f.parent().join("out.json");
    let run = f.run(&[
        "report",
        "monthly",
        "--month",
        "2026-10",
        "--format",
        "json",
        "--out",
        file.to_str().unwrap(),
    ]);
    run.code(1)
        .has("evt-20261012-bad1.toml")
        .has("error")
        .has("participans");
    assert_eq!(run.stdout, "");
    assert!(!file.exists());
}

#[test]
fn a_consultation_of_a_missing_client_stops_the_report() {
    let f = sample();
    f.write(
        "appointments/2026/10/apt-20261013-gone.toml",
        "id = \"apt-20261013-gone\"\ndate = 2026-10-13\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-GONE\"\n",
    );
    let run = f.run(&OCTOBER);
    run.code(1).has("apt-20261013-gone.toml").has("K-GONE");
    assert_eq!(run.stdout, "");
}

#[test]
fn warnings_do_not_stop_a_report() {
    let f = sample();
    // ref-20261023-r003 has a consent warning; add a privacy warning too.
    f.write(
        "appointments/2026/10/apt-20261015-note.toml",
        "id = \"apt-20261015-note\"\ndate = 2026-10-15\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AAAA\"\nnotes = \"Rückruf unter 0341 1234567\"\n",
    );
    f.run(&["check"]).has("warning");
    let j = october(&f, &["--format", "json"]).json();
    assert_eq!(j["consultations"]["held"], 5);
}

// ---------------------------------------------------------------- what is read

#[test]
fn a_report_reads_only_what_it_needs() {
    let f = sample();
    let broken = "id = \"oops\"\nthis is not toml\n";
    // Before the year to date and the stale window, after the period, a later year:
    f.write("appointments/2026/07/apt-20260701-bad1.toml", broken);
    f.write("appointments/2025/03/apt-20250301-bad1.toml", broken);
    f.write("events/2025/12/evt-20251201-bad1.toml", broken);
    f.write("events/2026/11/evt-20261101-bad1.toml", broken);
    f.write("referrals/2026/11/ref-20261101-bad1.toml", broken);
    f.write("appointments/2027/01/apt-20270101-bad1.toml", broken);
    let run = f.run(&[
        "report", "monthly", "--month", "2026-10", "--format", "json",
    ]);
    // apt-20260701 lies in the year to date: it is read and stops the report.
    run.code(1).has("apt-20260701-bad1.toml");
    for not_read in [
        "apt-20250301-bad1",
        "evt-20251201-bad1",
        "evt-20261101-bad1",
        "ref-20261101-bad1",
        "apt-20270101-bad1",
    ] {
        run.lacks(not_read);
    }
    std::fs::remove_file(f.path("appointments/2026/07/apt-20260701-bad1.toml")).unwrap();
    october(&f, &["--format", "json"]);

    // A yearly report of last year reads no later year.
    let run = f.run(&["report", "yearly", "--year", "2025", "--format", "json"]);
    run.code(1)
        .has("apt-20250301-bad1")
        .has("evt-20251201-bad1");
    std::fs::remove_file(f.path("appointments/2025/03/apt-20250301-bad1.toml")).unwrap();
    std::fs::remove_file(f.path("events/2025/12/evt-20251201-bad1.toml")).unwrap();
    f.run(&["report", "yearly", "--year", "2025", "--format", "json"])
        .ok();

    // Referrals are read back to the beginning: an old one may still be open.
    f.write("referrals/2019/05/ref-20190501-bad1.toml", broken);
    f.run(&OCTOBER).code(1).has("ref-20190501-bad1.toml");
}

#[test]
fn a_report_reads_the_clients_it_counts_and_not_the_others() {
    let f = sample();
    // A client nobody in the year to date met: not read, so not in the way.
    f.write("clients/K-OLD1.toml", "id = \"K-OLD1\"\nthis is not toml\n");
    let j = october(&f, &["--format", "json"]).json();
    assert_eq!(j["clients"]["unique"], 3);
    f.run(&["check"]).code(1).has("K-OLD1.toml");

    // A client the report counts is read: a broken one stops the report.
    f.write(
        "clients/K-DDDD.toml",
        "id = \"K-DDDD\"\nfirst_contact = 2026-10-20\ngendr = \"d\"\n",
    );
    f.run(&OCTOBER)
        .code(1)
        .has("clients/K-DDDD.toml")
        .has("gendr")
        .lacks("K-OLD1");
}

#[test]
fn a_referral_to_a_client_without_a_file_stops_the_report() {
    let f = sample();
    f.write(
        "referrals/2019/05/ref-20190501-gone.toml",
        "id = \"ref-20190501-gone\"\ndate = 2019-05-01\nclient = \"K-GONE\"\npartner = \"mieterverein\"\ntopic = \"housing\"\nstatus = \"open\"\n",
    );
    f.run(&OCTOBER)
        .code(1)
        .has("ref-20190501-gone.toml")
        .has("K-GONE");
    // The client exists (its file is not read: the report does not count it).
    f.client("K-GONE", "");
    let j = october(&f, &["--format", "json"]).json();
    assert_eq!(j["referrals"]["open_at_end"], 3);
}

#[test]
fn an_old_open_referral_counts_at_the_end_of_the_period() {
    let f = sample();
    f.write(
        "referrals/2024/02/ref-20240201-old1.toml",
        "id = \"ref-20240201-old1\"\ndate = 2024-02-01\nclient = \"K-AAAA\"\npartner = \"auslaenderbehoerde\"\ntopic = \"residence\"\nstatus = \"open\"\nfollow_up = 2024-03-01\n",
    );
    let j = october(&f, &["--format", "json"]).json();
    assert_eq!(j["referrals"]["open_at_end"], 3);
    assert_eq!(j["referrals"]["overdue"], 2);
}

#[test]
fn the_stale_window_reaches_into_last_year() {
    let f = sample();
    f.write(
        "sponsors/winter.toml",
        "id = \"winter\"\nname = \"Winterhilfe\"\nproject = \"P\"\nfield = \"civic-education\"\nstart = 2025-01-01\n",
    );
    f.write(
        "appointments/2025/12/apt-20251215-w001.toml",
        "id = \"apt-20251215-w001\"\ndate = 2025-12-15\nkind = \"sponsor\"\nstatus = \"done\"\nsponsor = \"winter\"\n",
    );
    let j = f
        .run(&[
            "report", "monthly", "--month", "2026-01", "--format", "json",
        ])
        .ok()
        .json();
    let stale: Vec<&str> = j["sponsors"]["stale"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(!stale.contains(&"winter"), "met 47 days before: {stale:?}");
    assert!(stale.contains(&"jobbruecke"));
    assert_eq!(j["year_to_date"]["sponsor_meetings"], 0);
}

// ---------------------------------------------------------------- source

#[test]
fn source_names_the_commit_and_uncommitted_changes() {
    let f = sample();
    quartier::git::init_repository(f.root()).unwrap();
    let head = quartier::git::head(f.root()).unwrap();
    let j = october(&f, &["--format", "json"]).json();
    assert_eq!(j["source"]["commit"], head.as_str());
    assert_eq!(j["source"]["dirty"], false);
    october(&f, &[]).has(&head);
    october(&f, &["--format", "md"]).has(&head);
    october(&f, &["--format", "html"]).has(&head);
    october(&f, &["--format", "csv"]).has(&format!("source;commit;Datenstand: Commit;{head}"));

    f.client("K-EEEE", "");
    let j = october(&f, &["--format", "json"]).json();
    assert_eq!(j["source"]["dirty"], true);
    october(&f, &["--format", "csv"]).has("source;dirty;nicht committete Änderungen;true");
    october(&f, &["--lang", "en"]).has("uncommitted changes");
}

#[test]
fn dirty_is_only_about_the_files_the_report_read() {
    let f = sample();
    quartier::git::init_repository(f.root()).unwrap();
    // a later month and a file outside the record folders: the October report read neither
    f.write(
        "appointments/2026/11/apt-20261120-zz01.toml",
        "id = \"apt-20261120-zz01\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-AAAA\"\n",
    );
    f.write("notizen.txt", "Einkaufsliste\n");
    let j = october(&f, &["--format", "json"]).json();
    assert_eq!(j["source"]["dirty"], false);
    // the November report reads November
    let nov = f
        .run(&[
            "report", "monthly", "--month", "2026-11", "--format", "json",
        ])
        .ok()
        .json();
    assert_eq!(nov["source"]["dirty"], true);
    // a deleted record of October makes October dirty
    let october_file = std::fs::read_dir(f.path("appointments/2026/10"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::remove_file(october_file).unwrap();
    let j = october(&f, &["--format", "json"]).json();
    assert_eq!(j["source"]["dirty"], true);
}
