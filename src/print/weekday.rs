//! Weekday names in the flyer's languages, from the glibc locale data that
//! chrono's `unstable-locales` feature compiles in (`pure-rust-locales`),
//! not typed by hand.

use chrono::{Datelike, Locale, NaiveDate, Weekday};

/// The locale whose names a flyer language uses.
pub fn locale(language: &str) -> Option<Locale> {
    Some(match language {
        "de" => Locale::de_DE,
        "en" => Locale::en_GB,
        "ar" => Locale::ar_SY,
        "fa" => Locale::fa_IR,
        "ru" => Locale::ru_RU,
        "uk" => Locale::uk_UA,
        "tr" => Locale::tr_TR,
        _ => return None,
    })
}

/// The full name of `day` in `language`, capitalised where the script has
/// capitals ("понеділок" → "Понеділок"); `None` for a language without data.
pub fn name(day: Weekday, language: &str) -> Option<String> {
    let locale = locale(language)?;
    // 2024-01-01 was a Monday.
    let monday = NaiveDate::from_ymd_opt(2024, 1, 1)?;
    let date = monday + chrono::Days::new(u64::from(day.num_days_from_monday()));
    debug_assert_eq!(date.weekday(), day);
    let name = date.format_localized("%A", locale).to_string();
    let mut chars = name.chars();
    Some(match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_flyer_language() {
        assert_eq!(name(Weekday::Fri, "de").as_deref(), Some("Freitag"));
        assert_eq!(name(Weekday::Tue, "en").as_deref(), Some("Tuesday"));
        assert_eq!(name(Weekday::Fri, "ar").as_deref(), Some("الجمعة"));
        assert_eq!(name(Weekday::Tue, "fa").as_deref(), Some("سه\u{200c}شنبه"));
        assert_eq!(name(Weekday::Fri, "ru").as_deref(), Some("Пятница"));
        assert_eq!(name(Weekday::Mon, "uk").as_deref(), Some("Понеділок"));
        assert_eq!(name(Weekday::Wed, "tr").as_deref(), Some("Çarşamba"));
        assert_eq!(name(Weekday::Wed, "xx"), None);
    }
}
