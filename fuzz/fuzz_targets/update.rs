//! A person's record file changed the way `edit`/`end` change it (toml_edit
//! through `set_str`/`set_date`/`set_value`): no panic, the result is TOML,
//! the changed keys hold the new values and every other key is untouched.

#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use quartier::commands::shared::{set_date, set_str, set_value};
use toml_edit::{DocumentMut, Value};

const CHANGED: [&str; 3] = ["status", "end", "notes"];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (text, notes) = text
        .split_once('\u{0}')
        .unwrap_or((text, "a \"note\"\n[x]\\u00e9"));
    let Ok(before) = text.parse::<DocumentMut>() else {
        return;
    };
    let mut doc = before.clone();
    let end = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    set_str(&mut doc, "status", "ended");
    set_date(&mut doc, "end", end);
    set_value(&mut doc, "notes", Value::from(notes));
    let out = doc.to_string();
    let after: DocumentMut = out.parse().unwrap_or_else(|e| {
        panic!("the changed file is not TOML: {e}\n--- before\n{text}\n--- after\n{out}")
    });
    assert_eq!(
        after.get("status").and_then(|i| i.as_str()),
        Some("ended"),
        "{out}"
    );
    assert_eq!(
        after.get("notes").and_then(|i| i.as_str()),
        Some(notes),
        "{out}"
    );
    assert_eq!(
        after
            .get("end")
            .and_then(|i| i.as_datetime())
            .map(|d| d.to_string()),
        Some("2026-06-30".to_string()),
        "{out}"
    );
    for (key, item) in before.iter() {
        if CHANGED.contains(&key) {
            continue;
        }
        let now = after.get(key).map(|i| i.to_string());
        assert_eq!(now, Some(item.to_string()), "key `{key}` changed:\n{out}");
    }
});
