//! Full birth dates. Every date form staff write is found (`12.03.1990`,
//! `12.3.90`, `12-03-1990`, `1990-03-12`, `12/03/1990`, `12. März 1990`,
//! `March 12, 1990`, and `19900312` or `12.03.` next to a birth word); then
//! the words around it decide:
//!
//! 1. a date inside a range (`01.01.2010 bis 31.12.2010`) is a period, never
//!    a birth date;
//! 2. a birth word before it (`geb.`, `geboren`, `Geburtsdatum`, `born`,
//!    `DOB`, `*`) in the same sentence and nearer than any word of rule 3,
//!    or `geboren` right after it: a birth date;
//! 3. a word of an event, contract, benefit, residence, course or
//!    appointment (`seit`, `Mietvertrag`, `Leistungen`,
//!    `Aufenthaltserlaubnis`, `Kurs`, `Termin`, …) before it in the same
//!    sentence, or after it in the same clause: not a birth date (a comma
//!    ends the clause — in `Ehemann, 11.09.1975, arbeitet auf dem Bau` the
//!    work is not what the date is about);
//! 4. a family word before it (`Sohn`, `Tochter`, `Mutter`, …): a birth date;
//! 5. otherwise a date before 2014 — the first ESF period the office's
//!    records can belong to — is about a person's past, most likely a birth
//!    date; a later one is an ordinary date. (A fixed year, not "14 years
//!    ago", so that `check` judges the records, not the calendar.)

use super::text::{after, before, cue_after, cue_before};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

const MONTH: &str = r"(?:jan(?:uar|uary)?|j[äa]n(?:ner)?|feb(?:ruar|ruary)?|m[äa]r(?:z|ch)?|apr(?:il)?|mai|may|jun(?:i|e)?|jul(?:i|y)?|aug(?:ust)?|sep(?:t|tember)?|o[kc]t(?:ober)?|nov(?:ember)?|de[zc](?:ember)?)\.?";

/// Numeric dates; each alternative names day, month and year groups.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>\d{4}|\d{2})|(?P<d2>\d{1,2})-(?P<m2>\d{1,2})-(?P<y2>\d{4}|\d{2})|(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4}|\d{2})|(?P<y4>\d{4})-(?P<m4>\d{1,2})-(?P<d4>\d{1,2}))\b",
    )
    .expect("numeric date pattern")
});

/// `12. März 1990`, `12 March 1990`, `March 12, 1990`.
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:\d{{1,2}}\.?\s{MONTH}\s(?P<y1>\d{{4}})|{MONTH}\s\d{{1,2}},?\s(?P<y2>\d{{4}}))\b"
    ))
    .expect("named date pattern")
});

/// `19900312` or `12031990`: a birth date only next to a birth word.
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{8}\b").expect("compact date pattern"));

/// `12.03.` with no year: with `birth_year` in the record it is a full birth
/// date too, but only next to a birth word.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.(?:[^0-9]|$)").expect("day-month pattern")
});

static BIRTH_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(geb\.|\bgeb\b|geboren|geburt|born|birth|\bdob\b|d\.o\.b\.?|\*)")
        .expect("birth word pattern")
});

static BIRTH_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\W{0,3}(?:geboren|geb\.|born)").expect("birth word after"));

/// Words of events, contracts, benefits, residence, courses, appointments.
static CONTEXT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(\bseit\b|\bvom\b|\bab\b|\bbis\b|\bzum\b|einreise|eingereist|ankunft|angekommen|bescheid|schreiben|brief|zeugnis|abschluss|prüfung|heirat|hochzeit|vertrag|leistung|bewillig|bezug|aufenthalt|duldung|gestattung|fiktion|titel|gültig|befristet|abgelaufen|kurs|schule|ausbildung|studium|termin|beratung|gespräch|anhörung|interview|frist|eingang|eingegangen|antrag|beantragt|kündigung|umzug|eingezogen|ausgezogen|arbeit|job|\bsince\b|\bfrom\b|\buntil\b|valid|expir|arriv|contract|course|benefit|residence|permit|appointment|meeting|hearing|decision)",
    )
    .expect("context word pattern")
});

static FAMILY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(sohn|tochter|\bkind|mutter|vater|ehefrau|ehemann|bruder|schwester|enkel|baby|\bson\b|daughter|mother|father|wife|husband|child)")
        .expect("family word pattern")
});

/// Words that join two dates into a range.
static RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:-|–|—|bis(?:\s+zum)?|to|until|und)\s*$").expect("range pattern")
});

/// The year before which a date with no explaining word counts as a birth date.
const RECORDS_BEGIN: i32 = 2014;

/// One date found in a text.
struct DateAt {
    range: Range<usize>,
    /// Four-digit year; `None` for `12.03.`.
    year: Option<i32>,
    /// Found only as a birth date next to a birth word (`19900312`, `12.03.`).
    needs_birth_word: bool,
}

/// Whether `text` holds a full birth date.
pub fn contains(text: &str) -> bool {
    let dates = dates(text);
    dates.iter().enumerate().any(|(i, d)| {
        let in_range =
            |a: &DateAt, b: &DateAt| RANGE_JOIN.is_match(&text[a.range.end..b.range.start]);
        if (i > 0 && in_range(&dates[i - 1], d)) || dates.get(i + 1).is_some_and(|n| in_range(d, n))
        {
            return false;
        }
        let window = before(text, d.range.start, 30);
        let following = after(text, d.range.end, 25);
        let birth = cue_before(&BIRTH_WORD, window);
        let context = cue_before(&CONTEXT_WORD, window);
        // The nearer word decides: "Mutter geb. 1965, Einreise 12.03.2010".
        if birth.is_some() && birth >= context || BIRTH_AFTER.is_match(following) {
            return true;
        }
        // After it, only its own clause counts: "Ehemann, 11.09.1975, arbeitet …".
        let own_clause = following.split(',').next().unwrap_or_default();
        if d.needs_birth_word || context.is_some() || cue_after(&CONTEXT_WORD, own_clause) {
            return false;
        }
        if cue_before(&FAMILY_WORD, window).is_some() {
            return true;
        }
        d.year.is_some_and(|y| y < RECORDS_BEGIN)
    })
}

/// Every date in `text`, in order, without overlaps.
fn dates(text: &str) -> Vec<DateAt> {
    let mut out: Vec<DateAt> = Vec::new();
    for c in NUMERIC.captures_iter(text) {
        let pick = |names: [&str; 4]| names.iter().find_map(|n| c.name(n)).map(|m| m.as_str());
        let (Some(d), Some(m), Some(y)) = (
            pick(["d1", "d2", "d3", "d4"]),
            pick(["m1", "m2", "m3", "m4"]),
            pick(["y1", "y2", "y3", "y4"]),
        ) else {
            continue;
        };
        if let Some(year) = valid(d, m, y) {
            let range = c.get(0).expect("whole match").range();
            out.push(DateAt {
                range,
                year: Some(year),
                needs_birth_word: false,
            });
        }
    }
    for c in NAMED.captures_iter(text) {
        let year = c
            .name("y1")
            .or(c.name("y2"))
            .and_then(|y| y.as_str().parse().ok());
        let range = c.get(0).expect("whole match").range();
        out.push(DateAt {
            range,
            year,
            needs_birth_word: false,
        });
    }
    for m in COMPACT.find_iter(text) {
        let s = m.as_str();
        let ymd = valid(&s[6..8], &s[4..6], &s[..4]).filter(|y| *y >= 1900);
        let dmy = valid(&s[..2], &s[2..4], &s[4..]).filter(|y| *y >= 1900);
        if let Some(year) = ymd.or(dmy) {
            out.push(DateAt {
                range: m.range(),
                year: Some(year),
                needs_birth_word: true,
            });
        }
    }
    for c in DAY_MONTH.captures_iter(text) {
        let (d, m) = (&c["d"], &c["m"]);
        let whole = c.get(0).expect("whole match");
        let end = whole.start() + whole.as_str().rfind('.').expect("a dot") + 1;
        if valid(d, m, "2000").is_some() {
            out.push(DateAt {
                range: whole.start()..end,
                year: None,
                needs_birth_word: true,
            });
        }
    }
    out.sort_by_key(|d| (d.range.start, std::cmp::Reverse(d.range.end)));
    let mut kept: Vec<DateAt> = Vec::new();
    for d in out {
        if kept.last().is_none_or(|k| d.range.start >= k.range.end) {
            kept.push(d);
        }
    }
    kept
}

/// The four-digit year when day, month and year make a date.
fn valid(d: &str, m: &str, y: &str) -> Option<i32> {
    let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
    let y: i32 = y.parse().ok()?;
    let year = match y {
        0..=29 => 2000 + y,
        30..=99 => 1900 + y,
        _ => y,
    };
    (chrono::NaiveDate::from_ymd_opt(year, m, d).is_some() && (1900..=2099).contains(&year))
        .then_some(year)
}

#[cfg(test)]
mod tests {
    use super::contains;

    #[test]
    fn birth_dates() {
        for yes in [
            "geb. 12.03.1985",
            "geb. 12-03-1990",
            "geboren 19900312",
            "DOB 12.3.90",
            "Geburtsdatum: 1990-03-12",
            "ist am 12.03.1990 geboren",
            "Geburtstag am 12.03., Jahrgang steht im Datensatz",
            "Sohn, 03.04.2016",
            "Tochter *12 Mai 2019",
            "Notiz: 03.04.1990",
            "Vater, 01.02.1970, arbeitet in der Küche",
        ] {
            assert!(contains(yes), "{yes}");
        }
        for no in [
            "Leistungen 01.01.2010 bis 31.12.2010",
            "Mietvertrag 12.03.2010",
            "Termin am 12.03.2026",
            "Zeitraum 01.10.–31.10.2026",
            "Einreise 12.03.2010, Mutter geb. 1965",
            "Rechnungsnummer 19900312",
            "Aufenthaltserlaubnis gültig bis 12.03.2012",
            "Integrationskurs 03.02.2012 begonnen",
            "am 12.03. zur Beratung",
            "12.03.2010 eingereist, seitdem in Leipzig",
        ] {
            assert!(!contains(no), "{no}");
        }
    }
}
