//! IBANs in print or electronic form, with spaces or dashes, in upper or
//! lower case — validated by the `iban_validate` crate (country length and
//! BBAN format from its registry, ISO 13616 mod-97 check digits), so that a
//! code like `DE89` or a wrong check digit is no alarm.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A country code, two check digits, then groups of letters and digits.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z]{2}[0-9]{2}(?:[ -]?[a-z0-9]{1,4}){3,8}").expect("IBAN pattern")
});

/// The byte ranges of valid IBANs in `text`.
pub fn find(text: &str) -> Vec<Range<usize>> {
    CANDIDATE
        .find_iter(text)
        .filter_map(|m| longest_valid(m.as_str()).map(|len| m.start()..m.start() + len))
        .collect()
}

/// The byte ranges of everything shaped like an IBAN, valid or not: digits
/// in them are an account number (maybe mistyped), never a phone number.
pub fn shaped(text: &str) -> Vec<Range<usize>> {
    CANDIDATE
        .find_iter(text)
        .filter(|m| {
            m.as_str()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .count()
                >= 15
        })
        .map(|m| m.range())
        .collect()
}

/// The length in bytes of the longest prefix of `candidate` that ends at a
/// group boundary and is a valid IBAN (the pattern may run into the next word).
fn longest_valid(candidate: &str) -> Option<usize> {
    let mut ends: Vec<usize> = candidate
        .char_indices()
        .filter(|&(_, c)| c == ' ' || c == '-')
        .map(|(i, _)| i)
        .collect();
    ends.push(candidate.len());
    ends.into_iter()
        .rev()
        .find(|&end| is_iban(&candidate[..end]))
}

/// Whether `s` (spaces and dashes allowed, any case) is a valid IBAN.
pub fn is_iban(s: &str) -> bool {
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    compact.parse::<iban::Iban>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_one_iban() {
        for s in [
            "DE89370400440532013000",
            "DE89 3704 0044 0532 0130 00",
            "de89 3704 0044 0532 0130 00",
            "DE89-3704-0044-0532-0130-00",
        ] {
            assert!(is_iban(s), "{s}");
        }
        assert!(!is_iban("DE89 3704 0044 0532 0130 01"));
        assert!(!is_iban("DE89"));
    }

    #[test]
    fn the_match_stops_before_the_next_word() {
        let text = "IBAN DE89 3704 0044 0532 0130 00 bei der Sparkasse";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].clone()], "DE89 3704 0044 0532 0130 00");
    }
}
