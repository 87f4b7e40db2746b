//! Finds personal contact data in free text: e-mail addresses, phone numbers,
//! IBANs and full birth dates. Records are pseudonymous; these never belong
//! in the notes of clients, appointments or referrals.

use regex::Regex;
use std::sync::LazyLock;

/// Also the spelled-out `name(at)example.org` and `name [at] example.org`.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[A-Za-z0-9._%+-]+(?:@|\s?[(\[]at[)\]]\s?)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
    )
    .unwrap()
});

/// A phone number: `+49 …`, `0049 …` or a leading `0`, then digits with
/// spaces, `/`, `-` or `()` between them; at least 7 digits in all.
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\+|\b0)[0-9][0-9 /()\-]{5,}[0-9]").unwrap());

/// Words that make a number before them a file or customer number
/// (`Az. 0815/2026`, `Kundennummer 012345678`), unless a phone word is there too.
static FILE_NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\baz\b|aktenzeichen|zeichen|\bnr\b|nummer|vorgang|kunden|\bref\b|ticket|\bid\b)",
    )
    .unwrap()
});

static PHONE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(tel|phon|fon\b|handy|mobil|fax|whatsapp|signal|anruf|ruf)").unwrap()
});

/// Words that make an old date an event (arrival, a decision), not a birth date.
static EVENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\bseit\b|\bvom\b|\bab\b|\bbis\b|einreise|eingereist|ankunft|bescheid|schreiben|zeugnis|abschluss|heirat|\bsince\b|\bfrom\b|\buntil\b|arriv)").unwrap()
});

/// Up to `n` characters of `text` before byte `end`.
fn before(text: &str, end: usize, n: usize) -> &str {
    let head = &text[..end];
    let start = head.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &head[start..]
}

static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b").unwrap()
});

/// Full dates: 12.03.1985, 12.3.85, 1985-03-12, 12/03/1985, 12. März 1985,
/// 12 March 1985, March 12, 1985.
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:Jan(?:uar|uary)?|J[äa]n(?:ner)?|Feb(?:ruar|ruary)?|M[äa]r(?:z|ch)?|Apr(?:il)?|Mai|May|Jun(?:i|e)?|Jul(?:i|y)?|Aug(?:ust)?|Sep(?:t|tember)?|O[kc]t(?:ober)?|Nov(?:ember)?|De[zc](?:ember)?)\.?";
    Regex::new(&format!(
        r"(?i)\b(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?(?P<y1>\d{{4}}|\d{{2}})|(?P<y2>\d{{4}})-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/(?P<y3>\d{{4}})|\d{{1,2}}\.?\s{month}\s(?P<y4>\d{{4}})|{month}\s\d{{1,2}},?\s(?P<y5>\d{{4}}))\b"
    ))
    .unwrap()
});

/// Words that mark a date as a birth date.
static BIRTH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(geb\.|geboren|geburt|born|birth|\bdob\b|\bd\.o\.b|\*\s*$)").unwrap()
});

/// What kinds of personal data `text` seems to contain, one phrase each.
pub fn scan(text: &str) -> Vec<&'static str> {
    let mut hits = Vec::new();
    if EMAIL.is_match(text) {
        hits.push("an e-mail address");
    }
    // Phone numbers, IBANs and dates hold digits; most notes hold none, and
    // the patterns below are slow on text with umlauts.
    if !text.chars().any(char::is_numeric) {
        return hits;
    }
    let ibans: Vec<_> = IBAN
        .find_iter(text)
        .filter(|m| is_iban(m.as_str()))
        .map(|m| m.range())
        .collect();
    let outside_ibans =
        |r: std::ops::Range<usize>| !ibans.iter().any(|i| i.start <= r.start && r.end <= i.end);
    if PHONE.find_iter(text).any(|m| {
        let context = before(text, m.start(), 30);
        outside_ibans(m.range())
            && looks_like_phone(m.as_str())
            && (!FILE_NUMBER_WORD.is_match(context) || PHONE_WORD.is_match(context))
    }) {
        hits.push("a phone number");
    }
    if !ibans.is_empty() {
        hits.push("an IBAN");
    }
    if has_birth_date(text) {
        hits.push("a full birth date");
    }
    hits
}

fn looks_like_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if !(7..=15).contains(&digits) {
        return false;
    }
    // A date like 01.10.2026 never matches (dots are not separators here),
    // but a span like "0 - 30 - 55" of loose numbers should not either.
    let groups = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .count();
    groups <= 4 || s.starts_with('+')
}

/// ISO 13616 check digits (mod 97).
fn is_iban(s: &str) -> bool {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&compact.len()) {
        return false;
    }
    let (head, tail) = compact.split_at(4);
    let mut remainder: u32 = 0;
    for c in tail.chars().chain(head.chars()) {
        let v = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        remainder = if v >= 10 {
            (remainder * 100 + v) % 97
        } else {
            (remainder * 10 + v) % 97
        };
    }
    remainder == 1
}

/// A full date with a birth word shortly before it, or a full date so long
/// ago (more than 14 years) that it is most likely a birth date — unless a
/// word before it makes it an event (`seit`, `Bescheid vom`, `Einreise`).
fn has_birth_date(text: &str) -> bool {
    use chrono::Datelike;
    let this_year = std::cell::OnceCell::new();
    FULL_DATE.captures_iter(text).any(|c| {
        let Some(m) = c.get(0) else {
            return false;
        };
        let context = before(text, m.start(), 25);
        if BIRTH_WORD.is_match(context) {
            return true;
        }
        if EVENT_WORD.is_match(context) {
            return false;
        }
        let year = ["y1", "y2", "y3", "y4", "y5"]
            .iter()
            .find_map(|g| c.name(g))
            .and_then(|y| y.as_str().parse::<i32>().ok());
        matches!(year, Some(y) if y >= 1000 && y < *this_year.get_or_init(|| crate::dates::today().year()) - 14)
    })
}

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn finds_contact_data() {
        assert_eq!(
            scan("schreibt an max.muster@example.org"),
            ["an e-mail address"]
        );
        assert_eq!(scan("Handy 0176 12345678"), ["a phone number"]);
        assert_eq!(scan("Tel. +49 341 1234567"), ["a phone number"]);
        assert_eq!(scan("Tel 0341/123456"), ["a phone number"]);
        assert_eq!(scan("IBAN DE89 3704 0044 0532 0130 00"), ["an IBAN"]);
        assert_eq!(scan("IBAN DE89370400440532013000"), ["an IBAN"]);
        assert_eq!(scan("geb. 12.03.1985"), ["a full birth date"]);
        assert_eq!(scan("born 2019-04-02"), ["a full birth date"]);
        assert_eq!(scan("Sohn, 03.04.1990"), ["a full birth date"]);
        assert_eq!(scan("geboren seit 01.03.1990"), ["a full birth date"]);
        assert_eq!(
            scan("Mail: max.muster(at)example.org"),
            ["an e-mail address"]
        );
        assert_eq!(scan("Tel.-Nr. 0341 123456"), ["a phone number"]);
        assert_eq!(scan("Telefonnummer 0176 1234567"), ["a phone number"]);
        assert_eq!(scan("geb. 3. März 1985"), ["a full birth date"]);
        assert_eq!(scan("Tochter *12 Mai 2019"), ["a full birth date"]);
        assert_eq!(scan("born March 12, 2001"), ["a full birth date"]);
        assert_eq!(scan("Mutter, 7. Oktober 1970"), ["a full birth date"]);
    }

    #[test]
    fn leaves_ordinary_notes_alone() {
        for ok in [
            "Termin am 12.03.2026 beim Jobcenter",
            "Infoabend 2026-10-14 um 18:00",
            "Kosten 1.250,00 € für den Kurs, Eigenanteil 35 €",
            "wohnt nahe Karl-Heine-Straße",
            "Aktenzeichen 123-45",
            "Kurs B1, 600 UE, 25 Teilnehmende",
            "Wartezeit 3 Monate, Rückruf 10:30",
            "DE89 ist keine IBAN",
            "Az. 0815/2026-12",
            "Aktenzeichen 0815-2026",
            "Kundennummer 012345678",
            "BG-Nummer 07501BG0012345",
            "Bescheid vom 03.02.2011",
            "in Deutschland seit 2010-05-01",
            "Zeitraum 01.10.–31.10.2026",
            "PLZ 04177 Leipzig",
            "treffen uns at example.org",
            "Termin am 3. März 2026 beim Amt",
            "Kurs ab Mai 2026",
            "seit März 2015 in Leipzig",
        ] {
            assert!(scan(ok).is_empty(), "{ok}: {:?}", scan(ok));
        }
    }
}
