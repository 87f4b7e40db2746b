//! Age at first contact and the age bands of the ESF regulations (SPEC v2
//! §3.1): the ESF counts characteristics at entry, so a client's age is the
//! year of `first_contact` minus `birth_year`, banded by `[esf] regulation`.

use crate::model::{Lang, Regulation};

/// The band codes of `regulation` in order, `unknown` last.
pub fn bands(regulation: Regulation) -> &'static [&'static str] {
    match regulation {
        Regulation::Esf2021 => &["under-18", "18-29", "30-54", "55-plus", super::UNKNOWN],
        Regulation::Esf2014 => &["under-25", "25-54", "55-plus", super::UNKNOWN],
    }
}

/// The band of someone born in `birth_year` whose first contact lies in
/// `first_contact_year`.
pub fn band(
    regulation: Regulation,
    birth_year: Option<i64>,
    first_contact_year: i64,
) -> &'static str {
    let Some(age) = birth_year.map(|b| first_contact_year - b) else {
        return super::UNKNOWN;
    };
    match regulation {
        Regulation::Esf2021 => match age {
            ..18 => "under-18",
            18..30 => "18-29",
            30..55 => "30-54",
            _ => "55-plus",
        },
        Regulation::Esf2014 => match age {
            ..25 => "under-25",
            25..55 => "25-54",
            _ => "55-plus",
        },
    }
}

/// The label of a band code in `lang`.
pub fn label(code: &str, lang: Lang) -> Option<&'static str> {
    Some(match code {
        "under-18" => crate::i18n::t_in(lang, "report.under-18"),
        "under-25" => crate::i18n::t_in(lang, "report.under-25"),
        "18-29" => "18–29",
        "25-54" => "25–54",
        "30-54" => "30–54",
        "55-plus" => crate::i18n::t_in(lang, "report.55-and-older"),
        _ => return None,
    })
}

/// Where a band code stands in the order of the bands of any regulation.
pub fn position(code: &str) -> Option<usize> {
    ["under-18", "under-25", "18-29", "25-54", "30-54", "55-plus"]
        .iter()
        .position(|c| *c == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_of_esf_plus_2021_1057() {
        let b = |y| band(Regulation::Esf2021, y, 2026);
        assert_eq!(b(Some(2009)), "under-18"); // 17 in the year of first contact
        assert_eq!(b(Some(2020)), "under-18");
        assert_eq!(b(Some(2008)), "18-29");
        assert_eq!(b(Some(1997)), "18-29");
        assert_eq!(b(Some(1996)), "30-54");
        assert_eq!(b(Some(1972)), "30-54");
        assert_eq!(b(Some(1971)), "55-plus");
        assert_eq!(b(None), "unknown");
    }

    #[test]
    fn bands_of_esf_2014_1304_2013() {
        let b = |y| band(Regulation::Esf2014, y, 2020);
        assert_eq!(b(Some(1996)), "under-25");
        assert_eq!(b(Some(1995)), "25-54");
        assert_eq!(b(Some(1966)), "25-54");
        assert_eq!(b(Some(1965)), "55-plus");
        assert_eq!(b(None), "unknown");
        for code in bands(Regulation::Esf2014) {
            assert!(*code == "unknown" || label(code, Lang::De).is_some());
        }
    }
}
