//! Any text read as any kind of record: no panic, every problem points into
//! the text, a record that is dropped always has an error, and a record read
//! without errors writes back to a file that reads as the same record.

#![no_main]

use libfuzzer_sys::fuzz_target;
use quartier::model::read::{Context, Placement, Severity, read_record};
use quartier::model::write::to_toml;
use quartier::model::{Config, Kind};
use std::sync::LazyLock;

static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    let mut text = quartier::model::config::DEFAULT_CONFIG.to_string();
    text.push_str("\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n");
    toml::from_str(&text).expect("the default config parses")
});

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = Kind::ALL[usize::from(selector) % Kind::ALL.len()];
    let ctx = Context {
        config: &CONFIG,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
    };
    let placement = (selector & 0x80 != 0).then_some(Placement {
        stem: "apt-20261125-x7k2",
        year_month: Some((2026, 11)),
    });
    let (record, problems) = read_record(kind, text, &ctx, placement);
    for p in &problems {
        if let Some(span) = &p.span {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "span {span:?} outside the text ({} bytes): {}",
                text.len(),
                p.message
            );
        }
        assert!(!p.message.is_empty());
    }
    let errors = problems.iter().any(|p| p.severity == Severity::Error);
    let Some(record) = record else {
        assert!(errors, "record dropped without an error: {problems:?}");
        return;
    };
    assert_eq!(record.kind(), kind);
    if errors {
        return;
    }
    let written = to_toml(&record);
    let (again, problems2) = read_record(kind, &written, &ctx, None);
    assert!(
        !problems2.iter().any(|p| p.severity == Severity::Error),
        "a valid record wrote an invalid file:\n{written}\n{problems2:?}"
    );
    assert_eq!(
        again.as_ref(),
        Some(&record),
        "round trip changed the record:\n{written}"
    );
    // Nothing the person wrote is dropped silently: every key with a value
    // other than its default is written back.
    let ours: toml::Table = toml::from_str(&written).expect("written record is TOML");
    if let Ok(theirs) = toml::from_str::<toml::Table>(text) {
        for (key, value) in &theirs {
            let default = match value {
                toml::Value::Boolean(b) => !b,
                toml::Value::Integer(n) => *n == 0,
                toml::Value::Array(a) => a.is_empty(),
                _ => false,
            };
            assert!(
                default || ours.contains_key(key),
                "`{key}` = {value} was dropped:\n--- read\n{text}\n--- written\n{written}"
            );
        }
    }
});
