//! The `list` filters are the schema's (`schema::Filter`): every filter of
//! every kind, tried on the committed sample, keeps exactly the records whose
//! key holds the value (a list key: among its items; a record without the
//! key holds its default), and refuses a value
//! that is none (exit 2) — so a filter added to the schema is tested here
//! without a line of its own.

use crate::support::{CONFIG, Folder, run_in, tempdir};
use quartier::schema;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

/// The values `record` holds under `key`: its string, or the strings of its list.
fn values<'a>(record: &'a Value, key: &str) -> Vec<&'a str> {
    match record.get(key) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        Some(_) | None => Vec::new(),
    }
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_schema_filter_keeps_the_records_holding_its_value() {
    let cwd = tempdir();
    let records = sample();
    let records = records.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["--records", records, "--json"];
        all.extend_from_slice(args);
        run_in(cwd.path(), &all, &[])
    };
    let (mut tried, mut defaults) = (0, 0);
    for s in schema::all() {
        let kind = s.kind.name();
        let all = run(&[kind, "list"]).ok().json();
        for f in s.filters {
            let flag = format!("--{}", f.flag_name());
            // the value most records hold, so that the filter has much to keep
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for r in all.as_array().unwrap() {
                for v in values(r, f.key) {
                    *counts.entry(v).or_default() += 1;
                }
            }
            let value = counts
                .iter()
                .max_by_key(|(_, n)| **n)
                .map(|(v, _)| v.to_string())
                .unwrap_or_else(|| panic!("{kind}: no sample record holds `{}`", f.key));
            let wanted: Vec<String> = all
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| values(r, f.key).contains(&value.as_str()))
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect();
            let kept = run(&[kind, "list", &flag, &value]).ok().json();
            assert_eq!(ids(&kept), wanted, "{kind} list {flag} {value}");
            assert!(
                wanted.len() < all.as_array().unwrap().len(),
                "{kind} list {flag} {value}: keeps everything, proves nothing"
            );
            run(&[kind, "list", &flag, "zz-none-such"]).code(2);
            // the default: held by the records without the key too
            if let schema::DefaultValue::Value(default) = s.field(f.key).unwrap().default {
                let wanted: Vec<String> = all
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|r| r.get(f.key).is_none() || values(r, f.key).contains(&default))
                    .map(|r| r["id"].as_str().unwrap().to_string())
                    .collect();
                let kept = run(&[kind, "list", &flag, default]).ok().json();
                assert_eq!(ids(&kept), wanted, "{kind} list {flag} {default}");
                defaults += 1;
            }
            tried += 1;
        }
    }
    assert!(tried >= 30, "{tried} filters");
    assert!(defaults >= 4, "{defaults} filters on keys with a default");
}

/// `--staff` reads initials as `add --staff` does: `EB` is `eb` of
/// `[staff]`, and a former colleague's (`[staff.former]`), valid in the old
/// records that hold them, are found too; unknown ones are exit 2.
#[test]
fn staff_filters_take_capitals_and_former_staff() {
    let f = Folder::new();
    f.write(
        "quartier.toml",
        &format!("{CONFIG}\n[staff.former]\nhk = \"H. K.\"\n"),
    );
    f.client("K-7F3A", "");
    for (id, staff) in [("20261120-ab12", "eb"), ("20261121-cd34", "hk")] {
        f.write(
            &format!("appointments/2026/11/apt-{id}.toml"),
            &format!(
                "id = \"apt-{id}\"\ndate = 2026-11-{}\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-7F3A\"\nstaff = \"{staff}\"\n",
                &id[6..8]
            ),
        );
    }
    f.run(&["check", "--strict"]).ok();
    let listed = |staff: &str| {
        ids(&f
            .run(&["--json", "appointment", "list", "--staff", staff])
            .ok()
            .json())
    };
    assert_eq!(listed("EB"), ["apt-20261120-ab12"]);
    assert_eq!(listed("hk"), ["apt-20261121-cd34"]);
    assert_eq!(listed("HK"), ["apt-20261121-cd34"]);
    f.run(&["appointment", "list", "--staff", "ZZ"])
        .code(2)
        .has("eb, mk");
}
