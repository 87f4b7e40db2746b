//! Display names of country and language codes in the interface language,
//! from the CLDR data that ICU4X compiles in (`icu_experimental`
//! display names): `SY` → "Syrien" / "Syria", `ar` → "Arabisch" / "Arabic".
//!
//! Codes CLDR has no name for fall back in this order: the English CLDR
//! name, the English ISO 639-3 name (`isolang`, e.g. for `gsg`), the code
//! itself. `XX` (stateless or unresolved, SPEC v2) is the office's own code
//! and carries its own words. Nothing here is a hand-typed list of names.

use crate::model::Lang;
use icu_experimental::displaynames::multi::{LanguageDisplayNames, RegionDisplayNames};
use icu_experimental::displaynames::{DisplayNamesOptions, DisplayNamesPreferences};
use icu_locale_core::subtags::{Language, Region};
use icu_locale_core::{Locale, locale};

/// The office's code for a person without a state or whose origin is unresolved.
pub const STATELESS: &str = "XX";

fn prefs(lang: Lang) -> DisplayNamesPreferences {
    let locale: Locale = match lang {
        Lang::De => locale!("de"),
        Lang::En => locale!("en"),
    };
    (&locale).into()
}

fn cldr_country(code: &str, lang: Lang) -> Option<String> {
    let region = Region::try_from_str(code).ok()?;
    let names = RegionDisplayNames::try_new(prefs(lang), DisplayNamesOptions::default()).ok()?;
    names.of(region).map(str::to_string)
}

fn cldr_language(code: &str, lang: Lang) -> Option<String> {
    let language = Language::try_from_str(code).ok()?;
    let names = LanguageDisplayNames::try_new(prefs(lang), DisplayNamesOptions::default()).ok()?;
    names.of(language).map(str::to_string)
}

/// The name of an ISO 3166-1 alpha-2 country code (`SY`, `XK`, `XX`) in
/// `lang`; the code itself when no name is known.
pub fn country(code: &str, lang: Lang) -> String {
    if code == STATELESS {
        return crate::i18n::t_in(lang, "ui.names.stateless-unresolved").to_string();
    }
    cldr_country(code, lang)
        .or_else(|| cldr_country(code, Lang::En))
        .unwrap_or_else(|| code.to_string())
}

/// The name of an ISO 639-1 (or 639-3) language code (`ar`, `rom`) in
/// `lang`; the code itself when no name is known.
pub fn language(code: &str, lang: Lang) -> String {
    cldr_language(code, lang)
        .or_else(|| cldr_language(code, Lang::En))
        .or_else(|| isolang::Language::from_639_3(code).map(|l| l.to_name().to_string()))
        .unwrap_or_else(|| code.to_string())
}

/// A name as compared: trimmed, lower case.
fn folded(name: &str) -> Option<String> {
    let name = name.trim().to_lowercase();
    (!name.is_empty()).then_some(name)
}

/// The code of a language named in German or English, as people type it
/// into a form or a flag (`arabisch`, `Arabic`, `Ukrainisch`, `Romani`);
/// `None` when no language a record may hold has that name.
pub fn language_code(name: &str) -> Option<String> {
    let wanted = folded(name)?;
    let display: Vec<LanguageDisplayNames> = [Lang::De, Lang::En]
        .into_iter()
        .filter_map(|l| {
            LanguageDisplayNames::try_new(prefs(l), DisplayNamesOptions::default()).ok()
        })
        .collect();
    isolang::languages().find_map(|l| {
        let code = l.to_639_1().unwrap_or_else(|| l.to_639_3());
        let language = Language::try_from_str(code).ok();
        let named = display
            .iter()
            .filter_map(|d| language.and_then(|x| d.of(x)))
            .chain([l.to_name()])
            .any(|n| n.to_lowercase() == wanted);
        named.then(|| code.to_string())
    })
}

/// The code of a country named in German or English (`Syrien`, `syria`,
/// `Kosovo`, `staatenlos`); `None` when no country has that name.
pub fn country_code(name: &str) -> Option<String> {
    let wanted = folded(name)?;
    if ["staatenlos", "ungeklärt", "stateless", "unresolved"].contains(&wanted.as_str()) {
        return Some(STATELESS.to_string());
    }
    let display: Vec<RegionDisplayNames> = [Lang::De, Lang::En]
        .into_iter()
        .filter_map(|l| RegionDisplayNames::try_new(prefs(l), DisplayNamesOptions::default()).ok())
        .collect();
    rust_iso3166::ALL_ALPHA2
        .iter()
        .chain(&["XK"])
        .find(|code| {
            let region = Region::try_from_str(code).ok();
            display
                .iter()
                .filter_map(|d| region.and_then(|r| d.of(r)))
                .any(|n| n.to_lowercase() == wanted)
        })
        .map(|code| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_in_german_and_english() {
        assert_eq!(country("SY", Lang::De), "Syrien");
        assert_eq!(country("SY", Lang::En), "Syria");
        assert_eq!(country("DE", Lang::De), "Deutschland");
        assert_eq!(country("UA", Lang::De), "Ukraine");
        assert_eq!(country("XK", Lang::De), "Kosovo");
        assert_eq!(country("XX", Lang::En), "stateless/unresolved");
        assert_eq!(country("QQ", Lang::De), "QQ");
        assert_eq!(country("unknown", Lang::De), "unknown");
    }

    #[test]
    fn languages_in_german_and_english() {
        assert_eq!(language("ar", Lang::De), "Arabisch");
        assert_eq!(language("ar", Lang::En), "Arabic");
        assert_eq!(language("fa", Lang::De), "Persisch");
        assert_eq!(language("uk", Lang::En), "Ukrainian");
        assert_eq!(language("rom", Lang::De), "Romani");
        assert!(language("gsg", Lang::En).contains("Sign Language"));
        assert_eq!(language("qqq", Lang::De), "qqq");
    }

    #[test]
    fn names_as_people_type_them_give_the_code() {
        assert_eq!(language_code("arabisch").as_deref(), Some("ar"));
        assert_eq!(language_code(" Arabic ").as_deref(), Some("ar"));
        assert_eq!(language_code("Ukrainisch").as_deref(), Some("uk"));
        assert_eq!(language_code("persisch").as_deref(), Some("fa"));
        assert_eq!(language_code("Romani").as_deref(), Some("rom"));
        assert_eq!(language_code("Dari").as_deref(), Some("prs"));
        assert_eq!(language_code("Klingonisch ohne Wörterbuch"), None);
        assert_eq!(language_code(""), None);
        assert_eq!(country_code("Syrien").as_deref(), Some("SY"));
        assert_eq!(country_code("syria").as_deref(), Some("SY"));
        assert_eq!(country_code("Afghanistan").as_deref(), Some("AF"));
        assert_eq!(country_code("Kosovo").as_deref(), Some("XK"));
        assert_eq!(country_code("staatenlos").as_deref(), Some("XX"));
        assert_eq!(country_code("Atlantis"), None);
    }

    #[test]
    fn every_code_found_by_name_is_one_a_record_may_hold() {
        for name in [
            "Arabisch", "Romani", "Dari", "Tigrinya", "Kurdisch", "Paschtu",
        ] {
            if let Some(code) = language_code(name) {
                assert!(crate::model::iso::is_language(&code), "{name} -> {code}");
            }
        }
        for code in ["SY", "AF", "UA", "XK", "ER", "IQ"] {
            let name = country(code, Lang::De);
            assert_eq!(country_code(&name).as_deref(), Some(code), "{name}");
        }
    }
}
