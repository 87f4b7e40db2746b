//! Checking and normalising values typed on the command line: topic,
//! language and country codes, districts, birth years, free text (privacy),
//! staff initials and list flags.

use crate::error::{CommandError, Result};
use crate::model::Config;

/// Topic codes checked against the office's topics; exit 2 on an unknown one.
pub fn check_topics(config: &Config, topics: &[String], flag: &str) -> Result<()> {
    for t in topics {
        if !config.is_topic(t) {
            return Err(CommandError::usage(format!(
                "{flag}: `{t}` is not a topic code; use one of {}",
                config.topic_codes().join(", ")
            )));
        }
    }
    Ok(())
}

/// The items of a list flag (`--x a,b` or `--x a --x b`): trimmed, empty ones dropped.
pub fn list_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect()
}

/// ISO 639-1 language codes (any case in, lower case out); exit 2 on another.
pub fn check_languages(codes: &[String], flag: &str) -> Result<Vec<String>> {
    list_items(codes)
        .iter()
        .map(|c| check_language(c, flag))
        .collect()
}

/// One ISO 639-1 language code (any case in, lower case out); exit 2 on another.
pub fn check_language(code: &str, flag: &str) -> Result<String> {
    let lower = code.trim().to_ascii_lowercase();
    if crate::model::iso::is_language(&lower) {
        Ok(lower)
    } else {
        Err(CommandError::usage(format!(
            "{flag}: `{code}` is not an ISO 639-1 language code (two letters, e.g. ar, fa, uk, de)"
        )))
    }
}

/// An ISO 3166-1 alpha-2 country code (any case in, upper case out); exit 2 on another.
pub fn check_country(code: &str, flag: &str) -> Result<String> {
    let upper = code.trim().to_ascii_uppercase();
    if crate::model::iso::is_country(&upper) {
        Ok(upper)
    } else {
        Err(CommandError::usage(format!(
            "{flag}: `{code}` is not an ISO 3166-1 alpha-2 country code (two letters, e.g. SY, AF, UA)"
        )))
    }
}

/// A district of `[area]` (any case in, the configured spelling out) or
/// `outside`; exit 2 naming the valid ones otherwise.
pub fn check_district(config: &Config, district: &str, flag: &str) -> Result<String> {
    let wanted = district.trim();
    if wanted.eq_ignore_ascii_case("outside") {
        return Ok("outside".to_string());
    }
    config
        .area
        .districts
        .iter()
        .find(|d| d.to_lowercase() == wanted.to_lowercase())
        .cloned()
        .ok_or_else(|| {
            let mut valid = config.area.districts.clone();
            valid.push("outside".to_string());
            CommandError::usage(format!(
                "{flag}: `{district}` is not a district of {}; use one of {}",
                if config.area.name.is_empty() {
                    "the area"
                } else {
                    &config.area.name
                },
                valid.join(", ")
            ))
        })
}

/// A plausible birth year: from 1900 up to this year; exit 2 otherwise.
pub fn check_birth_year(year: i64) -> Result<()> {
    use chrono::Datelike;
    let this_year = i64::from(crate::dates::today().year());
    if (1900..=this_year).contains(&year) {
        Ok(())
    } else {
        Err(CommandError::usage(format!(
            "--birth-year {year} is not plausible: give a year from 1900 to {this_year}"
        )))
    }
}

/// Refuses free text that holds personal contact data (exit 2): records
/// are pseudonymous, and `check` would warn about it.
pub fn refuse_contact_data(flag: &str, text: &Option<String>) -> Result<()> {
    let Some(text) = text else { return Ok(()) };
    let hits = crate::privacy::scan(text);
    if hits.is_empty() {
        Ok(())
    } else {
        Err(CommandError::usage(format!(
            "privacy: {flag} seems to contain {}; records are pseudonymous and must not hold personal contact data — leave it out; nothing was written",
            hits.join(" and ")
        )))
    }
}
/// Warns when initials are not listed under [staff] of quartier.toml.
pub fn warn_unknown_staff(config: &Config, staff: &Option<String>) {
    if let Some(s) = staff
        && !config.staff.is_empty()
        && !config.staff.contains_key(s)
    {
        eprintln!(
            "warning: --staff `{s}` is not listed under [staff] in quartier.toml (known: {})",
            config.staff.keys().cloned().collect::<Vec<_>>().join(", ")
        );
    }
}
/// A list flag's values: trimmed, non-empty, each once, in the order given.
pub fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o == i) {
            out.push(i.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        toml::from_str(
            "[office]\nname = \"Test\"\n[area]\nname = \"Viertel\"\ndistricts = [\"Lindenau\", \"Plagwitz\"]\n[staff]\neb = \"E. B.\"\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n",
        )
        .unwrap()
    }

    #[test]
    fn codes_are_checked_and_normalised() {
        let c = config();
        assert_eq!(check_country("sy", "--origin").unwrap(), "SY");
        assert_eq!(check_country("QQ", "--origin").unwrap_err().exit_code(), 2);
        assert_eq!(
            check_languages(&["AR".into(), "".into(), " de ".into()], "--languages").unwrap(),
            ["ar", "de"]
        );
        assert_eq!(
            check_language("arabic", "--language")
                .unwrap_err()
                .exit_code(),
            2
        );
        assert_eq!(
            check_district(&c, "plagwitz", "--district").unwrap(),
            "Plagwitz"
        );
        assert_eq!(
            check_district(&c, "Outside", "--district").unwrap(),
            "outside"
        );
        let e = check_district(&c, "Grünau", "--district").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(
            e.message.contains("Lindenau, Plagwitz, outside"),
            "{}",
            e.message
        );
        assert_eq!(check_birth_year(1899).unwrap_err().exit_code(), 2);
        assert!(check_birth_year(1990).is_ok());
        assert!(refuse_contact_data("--notes", &Some("Kurs ab März".into())).is_ok());
        let e = refuse_contact_data("--notes", &Some("mail a@b.de".into())).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("privacy"), "{}", e.message);
    }
}
