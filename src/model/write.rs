//! Writing records as TOML, derived from the schema: a record's keys are
//! the rows of `schema::of(kind)` in their order, each value typed by its
//! `FieldType`, optional keys left out when absent. The typed struct is
//! read through its `Serialize` form (field name = key), so a new optional
//! field needs nothing here.
//!
//! [`to_document`] writes a new record; [`update_document`] puts a record
//! into a person's file through toml_edit: a value that did not change is
//! left alone, a changed one keeps its comment, a key the record no longer
//! has goes, keys the schema does not know stay.

use super::*;
use crate::schema::{DefaultValue, FieldSpec, FieldType};
use chrono::{Datelike, Timelike};
use serde_json::Value as Json;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

pub fn date_value(d: NaiveDate) -> Value {
    Value::from(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: d.year() as u16,
            month: d.month() as u8,
            day: d.day() as u8,
        }),
        time: None,
        offset: None,
    })
}

pub fn time_value(t: NaiveTime) -> Value {
    Value::from(toml_edit::Datetime {
        date: None,
        time: Some(toml_edit::Time {
            hour: t.hour() as u8,
            minute: t.minute() as u8,
            second: Some(t.second() as u8),
            nanosecond: None,
        }),
        offset: None,
    })
}

pub fn list_value<S: AsRef<str>>(items: &[S]) -> Value {
    let mut a = Array::new();
    for i in items {
        a.push(i.as_ref());
    }
    Value::Array(a)
}

/// The TOML document of a new record, keys in schema order.
pub fn to_document(record: &Record) -> DocumentMut {
    let mut doc = DocumentMut::new();
    update_document(&mut doc, record);
    doc
}

/// The text of a new record file.
pub fn to_toml(record: &Record) -> String {
    to_document(record).to_string()
}

/// Makes `doc` hold `record`, keeping what a person wrote around it:
/// unchanged values stay as they are (comments, quoting), changed values
/// keep their comments, new keys are appended, absent ones removed.
pub fn update_document(doc: &mut DocumentMut, record: &Record) {
    let kind = record.kind();
    let json = serde_json::to_value(record).expect("a record serializes");
    let fields = crate::schema::of(kind).fields;
    put_fields(doc.as_table_mut(), fields, &json, kind);
}

/// The keys `fields` of the serialized `object` into `table`.
fn put_fields(table: &mut Table, fields: &[FieldSpec], object: &Json, kind: Kind) {
    for f in fields {
        let value = object.get(f.key).unwrap_or(&Json::Null);
        match f.ty {
            FieldType::Table(sub) => match value {
                Json::Object(_) => {
                    if !table.get(f.key).is_some_and(Item::is_table) {
                        table.insert(f.key, Item::Table(Table::new()));
                    }
                    if let Some(t) = table.get_mut(f.key).and_then(Item::as_table_mut) {
                        put_fields(t, sub, value, kind);
                    }
                }
                _ => {
                    table.remove(f.key);
                }
            },
            FieldType::Tables(sub) => {
                let entries = value.as_array().map(Vec::as_slice).unwrap_or_default();
                if entries.is_empty() {
                    table.remove(f.key);
                    continue;
                }
                if !table.get(f.key).is_some_and(Item::is_array_of_tables) {
                    table.insert(f.key, Item::ArrayOfTables(ArrayOfTables::new()));
                }
                let Some(list) = table.get_mut(f.key).and_then(Item::as_array_of_tables_mut) else {
                    continue;
                };
                // entries are matched by position: the i-th stays the i-th
                while list.len() > entries.len() {
                    list.remove(list.len() - 1);
                }
                for (i, entry) in entries.iter().enumerate() {
                    match list.get_mut(i) {
                        Some(t) => put_fields(t, sub, entry, kind),
                        None => {
                            let mut t = Table::new();
                            put_fields(&mut t, sub, entry, kind);
                            list.push(t);
                        }
                    }
                }
            }
            FieldType::FreeText
            | FieldType::Topics { .. }
            | FieldType::Id
            | FieldType::Text
            | FieldType::Staff
            | FieldType::Ref(_)
            | FieldType::Topic
            | FieldType::Language
            | FieldType::Country
            | FieldType::District
            | FieldType::Code(_)
            | FieldType::Codes(_)
            | FieldType::Date
            | FieldType::Time
            | FieldType::Minutes
            | FieldType::Count
            | FieldType::Year
            | FieldType::Bool
            | FieldType::Languages
            | FieldType::Refs(_) => match scalar(f, value, kind) {
                Some(new) => match table.get_mut(f.key) {
                    Some(Item::Value(old)) if same(old, &new) => {}
                    Some(Item::Value(old)) => {
                        let decor = old.decor().clone();
                        *old = new;
                        *old.decor_mut() = decor;
                    }
                    _ => {
                        table.insert(f.key, Item::Value(new));
                    }
                },
                // a value at its default is not written, but where a
                // person wrote it (`diverse = 0`) it stays
                None if holds_default(f, value, table.get(f.key)) => {}
                None => {
                    table.remove(f.key);
                }
            },
        }
    }
}

/// Whether `value` is the schema default of `f` and `old` (the file's
/// item) says the same: a `0` or `false` the typed record cannot tell
/// from absence, written by a person.
fn holds_default(f: &FieldSpec, value: &Json, old: Option<&Item>) -> bool {
    let DefaultValue::Value(d) = f.default else {
        return false;
    };
    let Ok(default) = serde_json::from_str::<Json>(d) else {
        return false;
    };
    if *value != default {
        return false;
    }
    match old.and_then(Item::as_value) {
        Some(Value::Integer(n)) => default.as_i64() == Some(*n.value()),
        Some(Value::Boolean(b)) => default.as_bool() == Some(*b.value()),
        Some(_) | None => false,
    }
}

/// The TOML value of a key that is no table, `None` when the record does
/// not have it: absent, an empty list, or a `false`/`0` default the typed
/// struct cannot tell from absence.
fn scalar(f: &FieldSpec, v: &Json, kind: Kind) -> Option<Value> {
    let mismatch = || -> ! {
        panic!(
            "the {} struct and its schema disagree on `{}` ({:?}): {v}",
            kind.name(),
            f.key,
            f.ty
        )
    };
    let text = |v: &Json| v.as_str().map(str::to_string).unwrap_or_else(|| mismatch());
    if v.is_null() {
        return None;
    }
    let at_default = match f.default {
        DefaultValue::Value(d) => {
            !f.is_always_required() && serde_json::from_str::<Json>(d).ok().as_ref() == Some(v)
        }
        DefaultValue::None
        | DefaultValue::Generated
        | DefaultValue::Today
        | DefaultValue::PersonalStaff
        | DefaultValue::NowDuringHours
        | DefaultValue::DoneWhenPast => false,
    };
    Some(match f.ty {
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Code(_)
        | FieldType::Topic
        | FieldType::Language
        | FieldType::Country
        | FieldType::District
        | FieldType::Staff
        | FieldType::Ref(_) => Value::from(text(v)),
        FieldType::Date => {
            let s = text(v);
            date_value(NaiveDate::parse_from_str(&s, "%Y-%m-%d").unwrap_or_else(|_| mismatch()))
        }
        FieldType::Time => {
            let s = text(v);
            let t = NaiveTime::parse_from_str(&s, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(&s, "%H:%M"))
                .unwrap_or_else(|_| mismatch());
            time_value(t)
        }
        FieldType::Minutes | FieldType::Count | FieldType::Year => {
            if at_default {
                return None;
            }
            Value::from(v.as_i64().unwrap_or_else(|| mismatch()))
        }
        FieldType::Bool => {
            if at_default {
                return None;
            }
            Value::from(v.as_bool().unwrap_or_else(|| mismatch()))
        }
        FieldType::Codes(_)
        | FieldType::Topics { .. }
        | FieldType::Languages
        | FieldType::Refs(_) => {
            let items: Vec<String> = v
                .as_array()
                .unwrap_or_else(|| mismatch())
                .iter()
                .map(text)
                .collect();
            if items.is_empty() {
                return None;
            }
            list_value(&items)
        }
        FieldType::Table(_) | FieldType::Tables(_) => mismatch(),
    })
}

/// Whether two TOML values hold the same data (quoting, layout and
/// comments aside), so that an unchanged value is not rewritten.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Float(x), Value::Float(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => {
            let (x, y) = (x.value(), y.value());
            x.date == y.date
                && x.offset == y.offset
                && x.time.map(|t| (t.hour, t.minute, t.second.unwrap_or(0)))
                    == y.time.map(|t| (t.hour, t.minute, t.second.unwrap_or(0)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same(a, b))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn appointment() -> Appointment {
        Appointment {
            time: NaiveTime::from_hms_opt(10, 30, 0),
            duration: Some(45),
            staff: Some("AB".into()),
            client: Some("K-7F3A2B".into()),
            topics: vec!["housing".into()],
            notes: Some("kurz".into()),
            ..Appointment::new(
                "apt-20261120-ab12".into(),
                NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                AppointmentKind::Consultation,
                AppointmentStatus::Done,
            )
        }
    }

    #[test]
    fn a_new_record_has_the_schema_order_and_leaves_absent_keys_out() {
        let text = to_toml(&Record::Appointment(appointment()));
        assert_eq!(
            text,
            "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\ntime = 10:30:00\nduration = 45\nkind = \"consultation\"\nstatus = \"done\"\nstaff = \"AB\"\nclient = \"K-7F3A2B\"\ntopics = [\"housing\"]\nnotes = \"kurz\"\n"
        );
    }

    #[test]
    fn an_update_keeps_comments_quoting_and_unknown_keys() {
        let mut doc: DocumentMut = "# Beratung\nid = 'apt-20261120-ab12'\ndate = 2026-11-20\ntime = 10:30\nduration = 45 # geschätzt\nkind = \"consultation\"\nstatus = \"planned\"  # noch offen\nstaff = \"AB\"\nclient = \"K-7F3A2B\"\ntopics = [ \"housing\" ]\nlanguage = \"ar\"\nx_local = 1\nnotes = \"kurz\"\n"
            .parse()
            .unwrap();
        let mut a = appointment();
        a.duration = Some(60);
        a.channel = Some(Channel::Phone);
        update_document(&mut doc, &Record::Appointment(a));
        assert_eq!(
            doc.to_string(),
            "# Beratung\nid = 'apt-20261120-ab12'\ndate = 2026-11-20\ntime = 10:30\nduration = 60 # geschätzt\nkind = \"consultation\"\nstatus = \"done\"  # noch offen\nstaff = \"AB\"\nclient = \"K-7F3A2B\"\ntopics = [ \"housing\" ]\nx_local = 1\nnotes = \"kurz\"\nchannel = \"phone\"\n"
        );
    }

    #[test]
    fn nested_tables_are_updated_in_place() {
        let mut doc: DocumentMut = "id = \"jugendwerk\"\n\n[[deadlines]]\n# der erste\nkind = \"sachbericht\"\ndue = 2026-12-15\n\n[[deadlines]]\nkind = \"mittelabruf\"\ndue = 2026-10-01\n".parse().unwrap();
        let deadlines = vec![Deadline {
            kind: DeadlineKind::Sachbericht,
            due: NaiveDate::from_ymd_opt(2026, 12, 15).unwrap(),
            done: NaiveDate::from_ymd_opt(2026, 12, 1),
            notes: None,
        }];
        let mut t = doc.as_table().clone();
        let json = serde_json::json!({ "deadlines": serde_json::to_value(&deadlines).unwrap() });
        let fields = crate::schema::of(Kind::Sponsor).fields;
        let deadlines_only: Vec<FieldSpec> = fields
            .iter()
            .filter(|f| f.key == "deadlines")
            .copied()
            .collect();
        put_fields(&mut t, &deadlines_only, &json, Kind::Sponsor);
        *doc.as_table_mut() = t;
        assert_eq!(
            doc.to_string(),
            "id = \"jugendwerk\"\n\n[[deadlines]]\n# der erste\nkind = \"sachbericht\"\ndue = 2026-12-15\ndone = 2026-12-01\n"
        );
    }
}
