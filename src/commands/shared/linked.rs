//! What `show --json` prints (SPEC §2): the record's object, the same as
//! its element in `list --json`, plus `linked` — the records that refer to
//! it, by folder (`{"appointments": [...], "referrals": [...], …}`). Which
//! keys refer to which kind comes from the schema (`Ref`/`Refs` keys, also
//! inside arrays of tables such as a client's `[[consents]]`).

use crate::error::{CommandError, Result};
use crate::model::Config;
use crate::model::{Kind, Record};
use crate::store::{Records, Scope, Store};
use serde_json::{Map, Value};

/// The records of `kind` as JSON objects, newest first.
fn objects(records: &Records, kind: Kind) -> Vec<Value> {
    fn all<T: serde::Serialize>(items: &[crate::store::Entry<T>]) -> Vec<Value> {
        items
            .iter()
            .filter_map(|e| serde_json::to_value(&e.record).ok())
            .collect()
    }
    let mut out = match kind {
        Kind::Sponsor => all(&records.sponsors),
        Kind::Partner => all(&records.partners),
        Kind::Client => all(&records.clients),
        Kind::Appointment => all(&records.appointments),
        Kind::Referral => all(&records.referrals),
        Kind::Event => all(&records.events),
        Kind::Contact => all(&records.contacts),
    };
    let key = |v: &Value| {
        (
            v.get("date")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            v.get("time")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            v.get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        )
    };
    out.sort_by_key(|v| std::cmp::Reverse(key(v)));
    out
}

/// The records that refer to `kind`/`id`, by the folder of their kind;
/// every kind that can refer to `kind` has its (maybe empty) list.
pub fn linked(records: &Records, kind: Kind, id: &str) -> Map<String, Value> {
    let mut out = Map::new();
    for schema in crate::schema::all() {
        if !schema.fields().any(|f| f.refers_to(kind)) {
            continue;
        }
        let hits: Vec<Value> = objects(records, schema.kind)
            .into_iter()
            .filter(|v| crate::schema::refers_to_id(schema.fields, v, kind, id))
            .collect();
        out.insert(schema.kind.folder().to_string(), Value::Array(hits));
    }
    out
}

/// Prints `record` with its `linked` records as `show --json` does.
pub fn print_show_json(record: &Record, records: &Records) -> Result<()> {
    let mut value = serde_json::to_value(record)
        .map_err(|e| CommandError::data(crate::tr!("out.cannot-write-json", error = e)))?;
    if let Value::Object(o) = &mut value {
        o.insert(
            "linked".into(),
            Value::Object(linked(records, record.kind(), record.id())),
        );
    }
    let text = serde_json::to_string_pretty(&value)
        .map_err(|e| CommandError::data(crate::tr!("out.cannot-write-json", error = e)))?;
    println!("{text}");
    Ok(())
}

/// Loads every record and prints `record` as `show --json` does.
pub fn print_show_linked(store: &Store, config: &Config, record: &Record) -> Result<()> {
    let loaded = store.load(config, &Scope::all());
    super::lookup::refuse_errors(&loaded)?;
    print_show_json(record, &loaded.records)
}
