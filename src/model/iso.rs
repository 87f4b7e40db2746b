//! Which language and country codes records may hold (SPEC v2 §2): ISO
//! 639-1, or ISO 639-3 for a language without a 639-1 code (`rom`, `gsg`),
//! from `isolang`; ISO 3166-1 alpha-2 from `rust_iso3166`, plus `XK`
//! (Kosovo) and `XX` (stateless or unresolved). No hand-typed code list.

/// Codes in use that ISO 3166-1 does not assign: Kosovo, and stateless or unresolved.
pub const EXTRA_COUNTRIES: [&str; 2] = ["XK", "XX"];

/// Whether `code` is an ISO 639-1 code, or the ISO 639-3 code of a language
/// without one (lower case, as written in records).
pub fn is_language(code: &str) -> bool {
    match code.len() {
        2 => isolang::Language::from_639_1(code).is_some(),
        3 => isolang::Language::from_639_3(code).is_some_and(|l| l.to_639_1().is_none()),
        _ => false,
    }
}

/// Whether `code` is an ISO 3166-1 alpha-2 country code, `XK` or `XX`
/// (upper case, as written in records).
pub fn is_country(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && (EXTRA_COUNTRIES.contains(&code) || rust_iso3166::from_alpha2(code).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_codes() {
        assert!(is_language("de") && is_language("ar") && is_language("uk"));
        assert!(is_language("rom") && is_language("gsg"));
        assert!(!is_language("xx") && !is_language("DE") && !is_language("deu"));
        assert!(is_country("SY") && is_country("UA") && is_country("DE"));
        assert!(is_country("XK") && is_country("XX"));
        assert!(!is_country("QQ") && !is_country("sy") && !is_country("SYR"));
    }
}
