//! Values into a TOML document: a fresh one in schema order (`add`), or a
//! person's file changed in place (`edit`) — a replaced value keeps its
//! comment, a new key is appended, a removed key goes with its line, and the
//! keys of a table (`[participants]`) keep the table's comments.

use super::flags::{Given, Raw};
use super::resolve::Values;
use crate::commands::shared::{remove_key, set_value};
use crate::model::Kind;
use crate::schema::{DefaultValue, FieldType, Nesting};
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;
use toml_edit::{DocumentMut, Item, Table, Value};

/// A new record of `kind` holding `values`, keys in schema order.
pub fn fresh(kind: Kind, values: &Values) -> DocumentMut {
    let mut doc = DocumentMut::new();
    for f in crate::schema::of(kind).fields() {
        match f.ty.subfields() {
            Some(sub) if matches!(f.ty, FieldType::Table(_)) => {
                let mut table = Table::new();
                for g in sub {
                    if let Some(Some(v)) = values.get(&format!("{}.{}", f.key, g.key)) {
                        table.insert(g.key, Item::Value(v.clone()));
                    }
                }
                if !table.is_empty() {
                    doc.insert(f.key, Item::Table(table));
                }
            }
            Some(_) => {}
            None => {
                if let Some(Some(v)) = values.get(f.key) {
                    doc.insert(f.key, Item::Value(v.clone()));
                }
            }
        }
    }
    doc
}

/// Puts `values` into a person's file, keeping everything else as it is.
pub fn apply(doc: &mut DocumentMut, values: &Values) {
    let mut nested: BTreeMap<&str, Vec<(&str, &Option<toml_edit::Value>)>> = BTreeMap::new();
    for (key, value) in values {
        match key.split_once('.') {
            Some((table, inner)) => nested.entry(table).or_default().push((inner, value)),
            None => match value {
                Some(v) => set_value(doc, key, v.clone()),
                None => remove_key(doc, key),
            },
        }
    }
    for (table_key, items) in nested {
        if doc.get(table_key).and_then(Item::as_table).is_none() {
            if items.iter().all(|(_, v)| v.is_none()) {
                continue;
            }
            doc.insert(table_key, Item::Table(Table::new()));
        }
        let Some(table) = doc.get_mut(table_key).and_then(Item::as_table_mut) else {
            continue;
        };
        for (key, value) in items {
            match (table.get_mut(key), value) {
                (Some(Item::Value(old)), Some(new)) => {
                    let decor = old.decor().clone();
                    *old = new.clone();
                    *old.decor_mut() = decor;
                }
                (_, Some(new)) => {
                    table.insert(key, Item::Value(new.clone()));
                }
                (_, None) => {
                    table.remove(key);
                }
            }
        }
        if table.is_empty() {
            doc.remove(table_key);
        }
    }
}

/// The values a record's file holds, as if they had been given: the keys
/// of `kind`'s schema by what their TOML values are (a table's keys as
/// `table.key`), so that a form over a record that exists asks only what it
/// lacks. Generated ids and arrays of tables (`[[consents]]`) are left out,
/// as is a value no flag could give (a float, an inline table).
pub fn given_of(kind: Kind, doc: &DocumentMut) -> Given {
    let mut given = Given::default();
    for f in crate::schema::of(kind).fields() {
        let Some(item) = doc.get(f.key) else {
            continue;
        };
        if f.default == DefaultValue::Generated {
            continue;
        }
        match f.ty.nesting() {
            Nesting::Table(sub) => {
                for g in sub {
                    if let Some(raw) = item.get(g.key).and_then(Item::as_value).and_then(raw_of) {
                        given.set(&format!("{}.{}", f.key, g.key), raw);
                    }
                }
            }
            Nesting::Tables(_) => {}
            Nesting::Value => {
                if let Some(raw) = item.as_value().and_then(raw_of) {
                    given.set(f.key, raw);
                }
            }
        }
    }
    given
}

/// A TOML value as the flag value it would have been.
fn raw_of(v: &Value) -> Option<Raw> {
    Some(match v {
        Value::String(s) => Raw::Text(s.value().clone()),
        Value::Integer(n) => Raw::Int(*n.value()),
        Value::Boolean(b) => Raw::Bool(*b.value()),
        Value::Datetime(d) => {
            let d = d.value();
            match (d.date, d.time, d.offset) {
                (Some(day), None, None) => Raw::Date(NaiveDate::from_ymd_opt(
                    i32::from(day.year),
                    u32::from(day.month),
                    u32::from(day.day),
                )?),
                (None, Some(t), None) => Raw::Time(NaiveTime::from_hms_opt(
                    u32::from(t.hour),
                    u32::from(t.minute),
                    u32::from(t.second.unwrap_or(0)),
                )?),
                _ => return None,
            }
        }
        Value::Array(items) => Raw::List(
            items
                .iter()
                .map(|i| i.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()?,
        ),
        Value::Float(_) | Value::InlineTable(_) => return None,
    })
}

pub use crate::store::keys_by_line;

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::Value;

    #[test]
    fn apply_keeps_comments_and_removes_empty_keys() {
        let mut doc: DocumentMut = "# head\nid = \"a\"\nnotes = \"x\"  # why\nstatus = \"done\"\n\n[participants]\n# counted at the door\ntotal = 3\n"
            .parse()
            .unwrap();
        let mut values = Values::new();
        values.insert("notes".into(), Some(Value::from("y")));
        values.insert("status".into(), None);
        values.insert("participants.total".into(), Some(Value::from(5)));
        values.insert("participants.women".into(), Some(Value::from(2)));
        values.insert("time".into(), None);
        apply(&mut doc, &values);
        assert_eq!(
            doc.to_string(),
            "# head\nid = \"a\"\nnotes = \"y\"  # why\n\n[participants]\n# counted at the door\ntotal = 5\nwomen = 2\n"
        );
    }

    #[test]
    fn a_file_read_back_as_given_values() {
        let doc: DocumentMut = "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\ntime = 09:30:00\nkind = \"consultation\"\ntopics = [\"housing\"]\ninterpreter = true\nduration = 45\n"
            .parse()
            .unwrap();
        let g = given_of(Kind::Appointment, &doc);
        assert_eq!(g.get("id"), None, "a generated id is no answer");
        assert_eq!(g.date("date"), NaiveDate::from_ymd_opt(2026, 11, 20));
        assert_eq!(
            g.get("time"),
            Some(&Raw::Time(NaiveTime::from_hms_opt(9, 30, 0).unwrap()))
        );
        assert_eq!(g.text("kind"), Some("consultation"));
        assert_eq!(g.get("topics"), Some(&Raw::List(vec!["housing".into()])));
        assert_eq!(g.get("interpreter"), Some(&Raw::Bool(true)));
        assert_eq!(g.get("duration"), Some(&Raw::Int(45)));
        assert_eq!(g.get("language"), None);
        let event: DocumentMut = "title = \"x\"\n[participants]\ntotal = 4\n"
            .parse()
            .unwrap();
        assert_eq!(
            given_of(Kind::Event, &event).get("participants.total"),
            Some(&Raw::Int(4))
        );
    }

    #[test]
    fn fresh_records_follow_the_schema_order_and_lines_name_keys() {
        let mut values = Values::new();
        values.insert("notes".into(), Some(Value::from("n")));
        values.insert("id".into(), Some(Value::from("evt-20261120-abcd")));
        values.insert("participants.total".into(), Some(Value::from(4)));
        values.insert("title".into(), Some(Value::from("Infoabend")));
        let text = fresh(Kind::Event, &values).to_string();
        assert_eq!(
            text,
            "id = \"evt-20261120-abcd\"\ntitle = \"Infoabend\"\nnotes = \"n\"\n\n[participants]\ntotal = 4\n"
        );
        let lines = keys_by_line(&text);
        assert_eq!(lines[&2], "title");
        assert_eq!(lines[&6], "participants.total");
    }
}
