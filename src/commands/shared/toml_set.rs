//! Putting values into a person's TOML file with toml_edit: replacing a
//! value keeps its comment, a new key is appended, an empty value removes it.

use chrono::{NaiveDate, NaiveTime};
use toml_edit::{DocumentMut, Item, Value};

/// Replaces the value of `key` (keeping its trailing comment) or appends it.
pub fn set_value(doc: &mut DocumentMut, key: &str, value: Value) {
    match doc.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        _ => {
            doc.insert(key, Item::Value(value));
        }
    }
}

pub fn set_str(doc: &mut DocumentMut, key: &str, value: &str) {
    set_value(doc, key, Value::from(value));
}

pub fn set_date(doc: &mut DocumentMut, key: &str, d: NaiveDate) {
    set_value(doc, key, crate::model::write::date_value(d));
}

pub fn set_opt_str(doc: &mut DocumentMut, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        set_str(doc, key, v);
    }
}

/// Sets a text field; an empty value removes it.
pub fn set_or_remove_str(doc: &mut DocumentMut, key: &str, value: &Option<String>) {
    match value.as_deref().map(str::trim) {
        Some("") => remove_key(doc, key),
        Some(_) => set_opt_str(doc, key, value),
        None => {}
    }
}

/// Sets a list field; an empty list removes it.
pub fn set_list(doc: &mut DocumentMut, key: &str, items: &[String]) {
    if items.is_empty() {
        remove_key(doc, key);
    } else {
        set_value(doc, key, crate::model::write::list_value(items));
    }
}

pub fn set_int(doc: &mut DocumentMut, key: &str, value: i64) {
    set_value(doc, key, Value::from(value));
}

pub fn remove_key(doc: &mut DocumentMut, key: &str) {
    doc.remove(key);
}
pub fn set_time(doc: &mut DocumentMut, key: &str, t: NaiveTime) {
    set_value(doc, key, crate::model::write::time_value(t));
}

pub fn set_bool(doc: &mut DocumentMut, key: &str, b: bool) {
    set_value(doc, key, Value::from(b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_value_keeps_comments_and_order() {
        let mut doc: DocumentMut =
            "# head\nid = \"a\"\nstatus = \"open\"  # still waiting\nnotes = \"x\"\n"
                .parse()
                .unwrap();
        set_str(&mut doc, "status", "done");
        set_date(
            &mut doc,
            "closed",
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        );
        assert_eq!(
            doc.to_string(),
            "# head\nid = \"a\"\nstatus = \"done\"  # still waiting\nnotes = \"x\"\nclosed = 2026-11-01\n"
        );
    }

    #[test]
    fn empty_values_remove_fields() {
        let mut doc: DocumentMut = "id = \"a\"\nnotes = \"x\"\nlanguages = [\"de\"]\n"
            .parse()
            .unwrap();
        set_or_remove_str(&mut doc, "notes", &Some(" ".into()));
        set_list(&mut doc, "languages", &[]);
        set_or_remove_str(&mut doc, "origin", &None);
        assert_eq!(doc.to_string(), "id = \"a\"\n");
        set_list(&mut doc, "languages", &["ar".to_string()]);
        set_int(&mut doc, "birth_year", 1990);
        assert_eq!(
            doc.to_string(),
            "id = \"a\"\nlanguages = [\"ar\"]\nbirth_year = 1990\n"
        );
    }
}
