//! The TOML of an erasure: the client's skeleton file and their records
//! without free text and without comments (toml_edit, so key order and the
//! keys the tool does not change stay as they were).

use toml_edit::{DocumentMut, Item, Table, Value};

/// What the skeleton keeps of a client file: what the figures count and
/// the consent rule needs (SPEC §4), in this order.
const KEPT: &[&str] = &[
    "first_contact",
    "gender",
    "birth_year",
    "origin",
    "residence",
    "employment",
    "district",
    "consent",
];

/// The skeleton client file for `new_code`, and the raw texts removed with
/// the old file (its notes, consent notes, comments).
pub fn skeleton(
    old: &str,
    new_code: &str,
    today: chrono::NaiveDate,
) -> Result<(String, Vec<String>), String> {
    let old_doc = parse(old)?;
    let mut removed = comments(old);
    for (key, item) in old_doc.iter() {
        if !KEPT.contains(&key) && key != "id" && key != "consents" {
            removed.extend(raw_lines(item));
        }
    }
    let mut doc = DocumentMut::new();
    doc["id"] = toml_edit::value(new_code);
    for key in KEPT {
        if let Some(item) = old_doc.get(key) {
            doc[*key] = item.clone();
        }
    }
    doc["erased"] = Item::Value(date_value(today));
    if let Some(Item::ArrayOfTables(entries)) = old_doc.get("consents") {
        let mut entries = entries.clone();
        for t in entries.iter_mut() {
            if let Some(notes) = t.remove("notes") {
                removed.extend(raw_lines(&notes));
            }
        }
        doc["consents"] = Item::ArrayOfTables(entries);
    }
    strip_table(doc.as_table_mut());
    doc.set_trailing("");
    Ok((doc.to_string(), removed))
}

/// `old` with `client` set to `new_code`, the keys in `free_text` and every
/// comment removed; and the raw texts removed.
pub fn rewrite(
    old: &str,
    new_code: &str,
    free_text: &[&str],
) -> Result<(String, Vec<String>), String> {
    let mut doc = parse(old)?;
    let mut removed = comments(old);
    for key in free_text {
        if let Some(item) = doc.remove(key) {
            removed.extend(raw_lines(&item));
        }
    }
    doc["client"] = toml_edit::value(new_code);
    strip_table(doc.as_table_mut());
    doc.set_trailing("");
    let mut text = doc.to_string();
    if old.contains("\r\n") {
        text = text.replace('\n', "\r\n");
    }
    Ok((text, removed))
}

fn parse(text: &str) -> Result<DocumentMut, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.parse::<DocumentMut>().map_err(|e| {
        crate::tr!(
            "erase.not-toml",
            error = crate::i18n::toml_errors::localize(e.message())
        )
    })
}

fn date_value(day: chrono::NaiveDate) -> Value {
    day.to_string()
        .parse::<Value>()
        .expect("a date is a TOML value")
}

/// The lines of an item's raw TOML text, for the history purge.
fn raw_lines(item: &Item) -> Vec<String> {
    let raw = match item {
        Item::Value(v) => v.clone().decorated("", "").to_string(),
        Item::None | Item::Table(_) | Item::ArrayOfTables(_) => item.to_string(),
    };
    raw.lines()
        .map(str::trim)
        .filter(|l| l.chars().count() >= 4)
        .map(str::to_string)
        .collect()
}

/// The comment lines of a text, as they stand in the file.
fn comments(text: &str) -> Vec<String> {
    crate::privacy::toml_comments(text)
        .into_iter()
        .map(|c| format!("#{}", c.text).trim().to_string())
        .filter(|c| c.chars().count() >= 4)
        .collect()
}

fn strip_table(t: &mut Table) {
    t.decor_mut().clear();
    let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    for k in keys {
        if let Some(mut key) = t.key_mut(&k) {
            key.leaf_decor_mut().clear();
            key.dotted_decor_mut().clear();
        }
        if let Some(item) = t.get_mut(&k) {
            strip_item(item);
        }
    }
}

fn strip_item(item: &mut Item) {
    match item {
        Item::None => {}
        Item::Value(v) => strip_value(v),
        Item::Table(t) => strip_table(t),
        Item::ArrayOfTables(a) => a.iter_mut().for_each(strip_table),
    }
}

fn strip_value(v: &mut Value) {
    v.decor_mut().clear();
    match v {
        Value::Array(a) => {
            a.set_trailing("");
            a.set_trailing_comma(false);
            a.iter_mut().for_each(strip_value);
        }
        Value::InlineTable(t) => {
            let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
            for k in keys {
                if let Some(mut key) = t.key_mut(&k) {
                    key.leaf_decor_mut().clear();
                }
                if let Some(x) = t.get_mut(&k) {
                    strip_value(x);
                }
            }
        }
        Value::String(_)
        | Value::Integer(_)
        | Value::Float(_)
        | Value::Boolean(_)
        | Value::Datetime(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_keeps_counted_characteristics_and_consents_only() {
        let old = "# Frau aus Aleppo, Tel 0176 12345678\nid = \"K-OLD1\"\nfirst_contact = 2024-03-01\ngender = \"f\"\nbirth_year = 1990\norigin = \"SY\"\nlanguages = [\"ar\"]\nresidence = \"tolerated\" # seit 2019\ndistrict = \"Lindenau\"\nemployment = \"unemployed\"\nnotes = \"Mann im Krankenhaus\"\n\n[[consents]]\ndate = 2024-03-01\nscope = \"referral\"\npartners = [\"amt\"]\nnotes = \"mündlich, Tochter übersetzte\"\n";
        let (text, removed) = skeleton(
            old,
            "K-NEW2",
            chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        )
        .unwrap();
        assert_eq!(
            text,
            "id = \"K-NEW2\"\nfirst_contact = 2024-03-01\ngender = \"f\"\nbirth_year = 1990\norigin = \"SY\"\nresidence = \"tolerated\"\nemployment = \"unemployed\"\ndistrict = \"Lindenau\"\nerased = 2026-11-25\n\n[[consents]]\ndate = 2024-03-01\nscope = \"referral\"\npartners = [\"amt\"]\n"
        );
        for gone in ["Aleppo", "Krankenhaus", "Tochter", "seit 2019", "\"ar\""] {
            assert!(!text.contains(gone), "{gone}");
            assert!(
                removed.iter().any(|r| r.contains(gone)),
                "{gone}: {removed:?}"
            );
        }
    }

    #[test]
    fn a_record_loses_free_text_and_comments_and_gets_the_new_code() {
        let old = "id = \"ref-20240310-ab12\" # Rückruf bei Frau Y.\ndate = 2024-03-10\nclient = \"K-OLD1\"\npartner = \"amt\"\ntopic = \"benefits\"\nstatus = \"done\"\nclosed = 2024-04-01\noutcome = \"\"\"\nBescheid da,\nMann krank\n\"\"\"\nnotes = \"x\"\n";
        let (text, removed) = rewrite(old, "K-NEW2", &["notes", "outcome"]).unwrap();
        assert_eq!(
            text,
            "id = \"ref-20240310-ab12\"\ndate = 2024-03-10\nclient = \"K-NEW2\"\npartner = \"amt\"\ntopic = \"benefits\"\nstatus = \"done\"\nclosed = 2024-04-01\n"
        );
        assert!(removed.contains(&"Bescheid da,".to_string()), "{removed:?}");
        assert!(removed.contains(&"Mann krank".to_string()), "{removed:?}");
        assert!(removed.iter().any(|r| r.contains("Frau Y.")), "{removed:?}");
    }
}
