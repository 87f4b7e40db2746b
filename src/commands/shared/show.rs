//! One record as a two-column table of labelled fields (`show`).

use super::output::table;
use crate::error::{CommandError, Result};
use crate::model::{Code, Config, Lang, Record};

/// Prints one record as a two-column table of its fields, codes with their
/// labels. Office-specific topic codes and staff names need the settings:
/// use [`print_record_with`] where they are at hand.
pub fn print_record(record: &Record, lang: Lang) -> Result<()> {
    print_rows(record_rows(record, None, lang)?, lang);
    Ok(())
}

/// Like [`print_record`], with the office's topic labels and staff names.
pub fn print_record_with(record: &Record, config: &Config, lang: Lang) -> Result<()> {
    print_rows(record_rows(record, Some(config), lang)?, lang);
    Ok(())
}

fn print_rows(rows: Vec<(String, String)>, lang: Lang) {
    let mut t = table(lang, &["ui.heading.field", "ui.heading.value"]);
    for (key, shown) in rows {
        t.add_row(vec![key, shown]);
    }
    fit_wrapped(&mut t);
    println!("{t}");
}

/// Fits a `show` table to the screen: the labels keep their width, the
/// values wrap between words (nothing of them is left out).
fn fit_wrapped(t: &mut comfy_table::Table) {
    if let Some(label) = t.column_mut(0) {
        label.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
    t.set_width(super::output::screen_width());
}

/// The (label, shown value) rows of a record, in the order of its keys.
pub fn record_rows(
    record: &Record,
    config: Option<&Config>,
    lang: Lang,
) -> Result<Vec<(String, String)>> {
    let value = serde_json::to_value(record)
        .map_err(|e| CommandError::data(crate::tr!("out.cannot-show-record", error = e)))?;
    let serde_json::Value::Object(map) = value else {
        return Ok(Vec::new());
    };
    Ok(map
        .iter()
        .map(|(key, v)| {
            let shown = shown_value(record, &map, key, v, config, lang);
            (
                crate::schema::label(record.kind(), key, lang).to_string(),
                shown,
            )
        })
        .collect())
}

/// `code — label` of a code of the vocabulary `C`; anything else as it is.
pub fn code_with_label<C: Code>(code: &str, lang: Lang) -> String {
    match C::from_code(code) {
        Some(c) => format!("{code} — {}", c.label(lang)),
        None => code.to_string(),
    }
}

/// `code — label` of a topic code (built-in, or the office's when `config` is given).
pub fn topic_with_label(code: &str, config: Option<&Config>, lang: Lang) -> String {
    let label = match config {
        Some(c) if c.is_topic(code) => Some(c.topic_label(code, lang)),
        _ => crate::model::BuiltinTopic::from_code(code).map(|t| t.label(lang).to_string()),
    };
    match label {
        Some(l) if l != code => format!("{code} — {l}"),
        _ => code.to_string(),
    }
}

/// Topic codes with their labels, comma-separated (for table cells).
pub fn topics_with_labels(codes: &[String], config: Option<&Config>, lang: Lang) -> String {
    codes
        .iter()
        .map(|c| topic_with_label(c, config, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value as `show` prints it, by the type of its key in the schema:
/// codes with their labels, staff initials with the name, yes/no, lists.
fn shown_value(
    record: &Record,
    all: &serde_json::Map<String, serde_json::Value>,
    key: &str,
    v: &serde_json::Value,
    config: Option<&Config>,
    lang: Lang,
) -> String {
    use serde_json::Value as J;
    let kind = record.kind();
    let Some(spec) = crate::schema::of(kind).field(key) else {
        return v.as_str().map_or_else(|| v.to_string(), str::to_string);
    };
    let free_words = spec
        .ty
        .free_words_when()
        .is_some_and(|c| c.holds(|k| all.get(k).and_then(J::as_str)));
    shown(spec, kind, key, v, free_words, config, lang)
}

/// The value `v` of the key `key` (`table.key` inside a table) with `spec`.
fn shown(
    spec: &crate::schema::FieldSpec,
    kind: crate::model::Kind,
    key: &str,
    v: &serde_json::Value,
    free_words: bool,
    config: Option<&Config>,
    lang: Lang,
) -> String {
    use crate::schema::FieldType;
    use serde_json::Value as J;
    let text = |v: &J| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    let items = |v: &J| match v {
        J::Array(items) => items.iter().map(text).collect::<Vec<_>>(),
        other => vec![text(other)],
    };
    match spec.ty {
        FieldType::Code(vocab) => {
            let s = text(v);
            match (vocab.label)(&s, lang) {
                Some(l) => format!("{s} — {l}"),
                None => s,
            }
        }
        FieldType::Codes(vocab) => items(v)
            .iter()
            .map(|s| match (vocab.label)(s, lang) {
                Some(l) => format!("{s} — {l}"),
                None => s.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        FieldType::Topic | FieldType::Topics { .. } if !free_words => items(v)
            .iter()
            .map(|t| topic_with_label(t, config, lang))
            .collect::<Vec<_>>()
            .join("\n"),
        FieldType::Staff => {
            let s = text(v);
            match config.map(|c| c.staff_name(&s)) {
                Some(name) if name != s => format!("{s} — {name}"),
                _ => s,
            }
        }
        FieldType::Table(_) => match v {
            J::Object(o) => o
                .iter()
                .map(|(k, n)| {
                    format!(
                        "{} {n}",
                        crate::schema::label(kind, &format!("{key}.{k}"), lang)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
            other => text(other),
        },
        FieldType::Bool => match v {
            J::Bool(b) => lang
                .pick(
                    if *b { "ja" } else { "nein" },
                    if *b { "yes" } else { "no" },
                )
                .to_string(),
            other => text(other),
        },
        FieldType::Date => match v.as_str().and_then(|d| d.parse().ok()) {
            Some(d) => crate::report::labels::date(d, lang),
            None => text(v),
        },
        FieldType::Language | FieldType::Languages => items(v)
            .iter()
            .map(|c| with_name(c, crate::names::language(c, lang)))
            .collect::<Vec<_>>()
            .join(", "),
        FieldType::Country => {
            let c = text(v);
            let name = crate::names::country(&c, lang);
            with_name(&c, name)
        }
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Time
        | FieldType::Minutes
        | FieldType::Count
        | FieldType::Year
        | FieldType::Topic
        | FieldType::Topics { .. }
        | FieldType::District
        | FieldType::Ref(_)
        | FieldType::Refs(_) => items(v).join(", "),
        // one line per entry (a deadline, a consent): its keys by label,
        // each value shown by its own type
        FieldType::Tables(sub) => match v {
            J::Array(entries) => entries
                .iter()
                .map(|e| {
                    sub.iter()
                        .filter_map(|g| {
                            let value = e.get(g.key)?;
                            let inner = format!("{key}.{}", g.key);
                            Some(format!(
                                "{} {}",
                                g.label(lang),
                                shown(g, kind, &inner, value, false, config, lang)
                            ))
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            other => text(other),
        },
    }
}

/// `ar — Arabisch`, or the code alone when no name is known.
fn with_name(code: &str, name: String) -> String {
    if name == code {
        name
    } else {
        format!("{code} — {name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn config() -> Config {
        toml::from_str(
            "[office]\nname = \"Test\"\n[area]\nname = \"Viertel\"\ndistricts = [\"Lindenau\", \"Plagwitz\"]\n[staff]\neb = \"E. B.\"\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n",
        )
        .unwrap()
    }

    fn row<'a>(rows: &'a [(String, String)], label: &str) -> &'a str {
        &rows
            .iter()
            .find(|(l, _)| l == label)
            .unwrap_or_else(|| panic!("no row {label}: {rows:?}"))
            .1
    }

    #[test]
    fn records_show_codes_with_their_labels() {
        use crate::model::*;
        let sponsor = Record::Sponsor(Sponsor::new(
            "lernhaus".into(),
            "Lernhaus".into(),
            "Hausaufgaben".into(),
            Field::YouthEducation,
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            SponsorStatus::Active,
        ));
        let rows = record_rows(&sponsor, None, Lang::De).unwrap();
        assert_eq!(
            row(&rows, "Förderbereich"),
            "youth-education — Kinder- und Jugendbildung"
        );
        assert_eq!(row(&rows, "Status"), "active — aktiv");
        assert_eq!(row(&rows, "Beginn"), "01.01.2026");
        let rows = record_rows(&sponsor, None, Lang::En).unwrap();
        assert_eq!(row(&rows, "Field"), "youth-education — Youth education");
        assert_eq!(row(&rows, "Start"), "2026-01-01");

        let partner = Record::Partner(Partner {
            offers: vec!["housing".into(), "debts".into()],
            languages: vec!["ar".into()],
            ..Partner::new("p".into(), "P".into(), PartnerKind::Counselling)
        });
        let rows = record_rows(&partner, Some(&config()), Lang::De).unwrap();
        assert_eq!(row(&rows, "Art"), "counselling — Beratungsstelle");
        assert_eq!(row(&rows, "Angebote"), "housing — Wohnen\ndebts — Schulden");
        assert_eq!(row(&rows, "Sprachen"), "ar — Arabisch");
        let rows = record_rows(&partner, None, Lang::De).unwrap();
        assert_eq!(
            row(&rows, "Angebote"),
            "housing — Wohnen\ndebts",
            "office topics need the settings"
        );
    }

    #[test]
    fn appointments_show_staff_names_and_booleans() {
        use crate::model::*;
        let a = Record::Appointment(Appointment {
            duration: Some(45),
            staff: Some("eb".into()),
            client: Some("K-AAAA".into()),
            topics: vec!["residence".into()],
            language: Some("ar".into()),
            interpreter: true,
            family_members: 2,
            ..Appointment::new(
                "apt-20261125-abcd".into(),
                NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
                AppointmentKind::Consultation,
                AppointmentStatus::NoShow,
            )
        });
        let rows = record_rows(&a, Some(&config()), Lang::En).unwrap();
        assert_eq!(row(&rows, "Status"), "no-show — no-show");
        assert_eq!(row(&rows, "Kind"), "consultation — Consultation");
        assert_eq!(row(&rows, "Staff"), "eb — E. B.");
        assert_eq!(row(&rows, "Interpreter"), "yes");
        assert_eq!(
            row(&rows, "Topics"),
            "residence — Residence/asylum procedure"
        );
        assert_eq!(row(&rows, "Duration (min)"), "45");
    }
}
