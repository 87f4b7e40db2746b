//! Phone numbers: national (`0176 12345678`, `0341/123456`, `0176.1234.5678`,
//! `(0341) 123456`) and international (`+49 (0)341 123456`, `0049 341 …`).
//!
//! A candidate must look like a phone number in length *and* grouping: an
//! area code of 3 to 6 digits starting with one `0`, then at most four
//! subscriber groups; 8 to 13 digits in all (9 to 15 after a country code).
//! Dates never are (their first group has two digits), nor are form and file
//! numbers — `Formular 0815-2024-01` has a year as a group and a short tail,
//! and a document word before a number makes it a file number unless a phone
//! word is there too. After a phone word (`Tel.`, `Handy`, …) a local
//! number without area code counts as well.

use super::text::before;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Where a phone number may start: `+` and a digit, `(0`, or a `0` at a word start.
static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+[1-9]|\(0[1-9]|\b0[0-9])[0-9 /().\-]*[0-9]").expect("phone pattern")
});

/// A phone word, then a number (maybe without area code).
static AFTER_PHONE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\btel\b|telefon|handy|mobil|\bfon\b|rufnummer|whatsapp|fax)(?:nummer|nr)?[.:\s-]*(?:nr\.?)?[.:\s]*([1-9][0-9 /-]{4,}[0-9])\b")
        .expect("phone word pattern")
});

/// Words that make a number a file, customer or form number.
static DOCUMENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\baz\b|aktenzeichen|zeichen|\bnr\b|vorgang|kunden|\bref\b|ticket|\bid\b|formular|vordruck|rechnung|antrag|bescheid|steuer|versicherung|seite|\bbg\b)",
    )
    .expect("document word pattern")
});

/// Words that make a number a phone number whatever else is near it.
static PHONE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\btel\b|tel\.|telefon|phon|\bfon\b|handy|mobil|fax|whatsapp|signal|telegram|anruf|rufnummer|erreichbar|call)").expect("phone word pattern")
});

/// Whether `text` holds a phone number outside the given IBAN-shaped ranges.
pub fn contains(text: &str, ibans: &[Range<usize>]) -> bool {
    let outside = |r: &Range<usize>| !ibans.iter().any(|i| i.start <= r.start && r.end <= i.end);
    let found = CANDIDATE.find_iter(text).any(|m| {
        let r = m.range();
        // `+` right after a letter or digit is arithmetic, not a phone number.
        if !outside(&r)
            || text[..r.start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            return false;
        }
        let context = before(text, r.start, 30);
        let phone_word = PHONE_WORD.is_match(context);
        let document = DOCUMENT_WORD.is_match(before(text, r.start, 25));
        match longest_phone(m.as_str()) {
            Some(_) => !document || phone_word,
            None => phone_word && loose_phone(m.as_str()),
        }
    });
    found
        || AFTER_PHONE_WORD.captures_iter(text).any(|c| {
            let n = c.get(1).expect("group 1");
            let digits = n.as_str().bytes().filter(u8::is_ascii_digit).count();
            outside(&n.range()) && (5..=13).contains(&digits)
        })
}

/// After a phone word: any number from `0` with 7 to 13 digits that is not a date.
fn loose_phone(s: &str) -> bool {
    let g = groups(s);
    let digits: usize = g.iter().map(|x| x.digits.len()).sum();
    (7..=13).contains(&digits)
        && g.first()
            .is_some_and(|f| f.digits.len() >= 3 && f.digits.starts_with('0'))
}

/// A digit group and the separator text before it.
struct Group<'a> {
    sep: &'a str,
    digits: &'a str,
}

fn groups(s: &str) -> Vec<Group<'_>> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let sep_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (sep, tail) = rest.split_at(sep_len);
        let dig_len = tail
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(tail.len());
        let (digits, tail) = tail.split_at(dig_len);
        if !digits.is_empty() {
            out.push(Group { sep, digits });
        }
        rest = tail;
    }
    out
}

/// The digit count of the longest run of leading groups of `candidate`
/// that is shaped like a phone number. Only groups after a plain space may
/// be left off (another number may follow); `0815-2024-01` stays whole.
fn longest_phone(candidate: &str) -> Option<usize> {
    let all = groups(candidate);
    (1..=all.len()).rev().find_map(|n| {
        let cut_ok = all
            .get(n)
            .is_none_or(|next| next.sep.trim().is_empty() || next.sep.trim() == "(");
        cut_ok.then(|| phone_shape(&all[..n])).flatten()
    })
}

/// The digit count when `g` is shaped like a phone number.
fn phone_shape(g: &[Group<'_>]) -> Option<usize> {
    if g.iter().skip(1).any(|x| x.sep.len() > 3) {
        return None;
    }
    let first = g.first()?;
    if first.sep.ends_with('+') || first.digits.starts_with("00") {
        return international(g);
    }
    if !first.digits.starts_with('0') {
        return None;
    }
    let digits: usize = g.iter().map(|x| x.digits.len()).sum();
    if g.len() == 1 {
        // Unseparated: a mobile or landline number of 10 to 13 digits.
        return (10..=13).contains(&digits).then_some(digits);
    }
    let sub = &g[1..];
    let area_ok = (3..=6).contains(&first.digits.len());
    let sub_ok = sub.len() <= 4
        && sub.iter().all(|x| (2..=8).contains(&x.digits.len()))
        && (sub.len() < 3 || sub.iter().all(|x| x.digits.len() <= 4));
    let dotted_date = sub.iter().any(|x| x.sep.contains('.')) && is_date_like(&join(g));
    let file_like = sub.len() >= 2
        && sub[..sub.len() - 1].iter().any(|x| is_year(x.digits))
        && sub.last().is_some_and(|x| x.digits.len() <= 2)
        && sub.iter().any(|x| x.sep.contains(['-', '/']));
    (area_ok && sub_ok && !dotted_date && !file_like && (9..=13).contains(&digits))
        .then_some(digits)
}

/// `+49 …`, `0049 …`: the country code, the trunk `(0)` some write after it,
/// then groups of 2 to 8 digits; 9 to 15 digits after the `+` or `00`.
fn international(g: &[Group<'_>]) -> Option<usize> {
    let first = g.first()?;
    let cc = first.digits.strip_prefix("00").unwrap_or(first.digits);
    let rest: Vec<&Group<'_>> = g
        .iter()
        .skip(1)
        .filter(|x| !(x.digits == "0" && x.sep.ends_with('(')))
        .collect();
    let digits = cc.len() + rest.iter().map(|x| x.digits.len()).sum::<usize>();
    let ok = !cc.is_empty()
        && !cc.starts_with('0')
        && (9..=15).contains(&digits)
        && rest.len() <= 5
        && rest.iter().all(|x| (2..=8).contains(&x.digits.len()));
    ok.then_some(digits)
}

fn join(g: &[Group<'_>]) -> String {
    g.iter().map(|x| format!("{}{}", x.sep, x.digits)).collect()
}

fn is_year(digits: &str) -> bool {
    digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"))
}

/// `dd.mm.yy(yy)` or `dd.mm.` — a date, not a phone number.
fn is_date_like(s: &str) -> bool {
    let parts: Vec<&str> = s.trim().split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .take(2)
            .all(|p| (1..=2).contains(&p.trim().len()))
}

#[cfg(test)]
mod tests {
    use super::contains;

    #[test]
    fn shapes() {
        for yes in [
            "0176 12345678",
            "0176-12345678",
            "0176/12345678",
            "0176.1234.5678",
            "017612345678",
            "(0341) 123456",
            "0341 12 34 56",
            "0341 1234-56",
            "+49 (0)341 123456",
            "+49 176 12345678",
            "+4917612345678",
            "0049 341 1234567",
            "+963 944 123 456",
            "Tel. 4912345",
        ] {
            assert!(contains(yes, &[]), "{yes}");
        }
        for no in [
            "Formular 0815-2024-01",
            "0815-2024-01",
            "Aktenzeichen 123/45",
            "01.10.2026",
            "Kundennummer 012345678",
            "PLZ 04177",
            "08.00-12.00 Uhr",
            "3+49 Personen",
            "Telefonat am 12.03.2026",
        ] {
            assert!(!contains(no, &[]), "{no}");
        }
    }
}
