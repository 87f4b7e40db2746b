//! The values of `list` filters (`--topic`, `--staff`, …): a value that
//! matches nothing known is a usage error (exit 2) naming close matches,
//! never an empty list; a known value without records is an empty list.

use crate::error::{CommandError, Result};
use crate::model::similar::edit_distance;
use crate::model::{Config, Lang};
use crate::tr;

/// A `--topic` filter: a topic code (any case, trimmed), or exit 2 with
/// the codes that are spelt alike or whose German or English label holds
/// the text (`wohnen` → `housing (Wohnen)`).
pub fn filter_topic(config: &Config, flag: &str, value: &Option<String>) -> Result<Option<String>> {
    let Some(v) = value else { return Ok(None) };
    let wanted = v.trim().to_lowercase();
    if config.is_topic(&wanted) {
        return Ok(Some(wanted));
    }
    let close = topic_suggestions(config, &wanted);
    let hint = if close.is_empty() {
        tr!(
            "ui.filters.topic-use-one",
            codes = config.topic_codes().join(", ")
        )
    } else {
        tr!("ui.filters.did-you-mean", close = close.join(", "))
    };
    Err(CommandError::usage(tr!(
        "ui.filters.not-a-topic",
        flag = flag,
        value = v.trim(),
        hint = hint
    )))
}

/// Topic codes near `text`, each with its German label: spelt alike (at
/// most two edits) or with a label (German or English) holding the text.
pub fn topic_suggestions(config: &Config, text: &str) -> Vec<String> {
    let text = text.trim().to_lowercase();
    if text.is_empty() {
        return Vec::new();
    }
    config
        .topic_codes()
        .into_iter()
        .filter(|code| {
            let de = config.topic_label(code, Lang::De).to_lowercase();
            let en = config.topic_label(code, Lang::En).to_lowercase();
            edit_distance(code, &text) <= 2
                || de.contains(&text)
                || en.contains(&text)
                || (text.len() >= 4 && (de.starts_with(&text[..4]) || en.starts_with(&text[..4])))
        })
        .map(|code| format!("{code} ({})", config.topic_label(&code, Lang::De)))
        .collect()
}

/// A `--staff` filter: initials listed under `[staff]` or `[staff.former]`
/// (any case: `MS` is `ms`, read as `add --staff` reads them), or exit 2
/// naming the close ones; without a `[staff]` list any initials pass.
pub fn filter_staff(config: &Config, flag: &str, value: &Option<String>) -> Result<Option<String>> {
    let Some(v) = value else { return Ok(None) };
    let wanted = v.trim();
    if config.staff.is_empty() {
        return Ok(Some(wanted.to_string()));
    }
    let known = crate::schema::value::normalise(&crate::schema::FieldType::Staff, wanted, config);
    if config.is_staff(&known) {
        return Ok(Some(known));
    }
    let known: Vec<&String> = config.staff.keys().collect();
    let close: Vec<&&String> = known
        .iter()
        .filter(|k| edit_distance(&k.to_lowercase(), &wanted.to_lowercase()) <= 1)
        .collect();
    Err(CommandError::usage(crate::tr!(
        "filter.staff-unknown",
        flag = flag,
        wanted = wanted,
        hint = if close.is_empty() {
            crate::tr!(
                "filter.staff-known",
                known = known
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            crate::tr!(
                "store.did-you-mean",
                ids = close
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        toml::from_str("[office]\nname = \"T\"\n[staff]\neb = \"E. B.\"\nmk = \"M. K.\"\n").unwrap()
    }

    #[test]
    fn unknown_filter_values_fail_with_suggestions() {
        let c = config();
        assert_eq!(
            filter_topic(&c, "--topic", &Some(" Housing ".into())).unwrap(),
            Some("housing".into())
        );
        let e = filter_topic(&c, "--topic", &Some("wohnen".into())).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("housing (Wohnen)"), "{}", e.message);
        let e = filter_topic(&c, "--topic", &Some("housng".into())).unwrap_err();
        assert!(e.message.contains("housing"), "{}", e.message);
        assert_eq!(
            filter_staff(&c, "--staff", &Some("EB".into())).unwrap(),
            Some("eb".into())
        );
        let mut former = c.clone();
        former.former_staff.insert("hk".into(), "H. K.".into());
        assert_eq!(
            filter_staff(&former, "--staff", &Some("HK".into())).unwrap(),
            Some("hk".into())
        );
        let e = filter_staff(&c, "--staff", &Some("ebb".into())).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("eb"), "{}", e.message);
        assert_eq!(filter_topic(&c, "--topic", &None).unwrap(), None);
    }
}
