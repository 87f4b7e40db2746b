//! Dates as people type them on the command line, and the periods of reports.

use crate::model::Lang;
use crate::tr_in;
use chrono::{Datelike, Days, Local, Months, NaiveDate, NaiveTime, Weekday};

/// Today's date. `QUARTIER_TODAY=YYYY-MM-DD` pins it, so that tests and
/// reproductions of an old report see the day they expect.
pub fn today() -> NaiveDate {
    std::env::var("QUARTIER_TODAY")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| Local::now().date_naive())
}

/// The time of day now, to the minute. `QUARTIER_NOW=HH:MM` pins it (tests,
/// like `QUARTIER_TODAY`).
pub fn now() -> NaiveTime {
    std::env::var("QUARTIER_NOW")
        .ok()
        .and_then(|s| NaiveTime::parse_from_str(s.trim(), "%H:%M").ok())
        .unwrap_or_else(|| crate::model::hours::minute(Local::now().time()))
}

/// A value typed on the command line or at a prompt that cannot be read.
/// Its text (in the interface language) shows the forms that can.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Date(String),
    /// A date of the right form naming a day that does not exist (`31.04.`).
    NoSuchDay(String),
    /// `29.02.` in a year without it.
    NoLeapDay(i32),
    Month(String),
    Quarter(String),
    Year(String),
    Time(String),
    Duration(String),
}

impl InputError {
    /// The text in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            InputError::Date(input) => tr_in!(lang, "input.date", input = input),
            InputError::NoSuchDay(input) => tr_in!(lang, "input.no-such-day", input = input),
            InputError::NoLeapDay(year) => tr_in!(lang, "input.no-leap-day", year = year),
            InputError::Month(input) => tr_in!(lang, "input.month", input = input),
            InputError::Quarter(input) => tr_in!(lang, "input.quarter", input = input),
            InputError::Year(input) => tr_in!(lang, "input.year", input = input),
            InputError::Time(input) => tr_in!(lang, "input.time", input = input),
            InputError::Duration(input) => tr_in!(lang, "input.duration", input = input),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::lang()))
    }
}

impl std::error::Error for InputError {}

/// A date in any of the forms people type (see [`parse_date_relative`]).
pub fn parse_date(s: &str) -> Result<NaiveDate, InputError> {
    parse_date_relative(s, today())
}

/// `YYYY-MM-DD`, `TT.MM.JJJJ`, `T.M.JJJJ`, `TT.MM.JJ` (20JJ), `TT.MM.` (this
/// year), `heute`/`today`, `gestern`/`yesterday`, `morgen`/`tomorrow`,
/// `übermorgen`, `vorgestern`, or a weekday (`montag`, `mo`, `monday`, …:
/// the next such day, today excluded).
pub fn parse_date_relative(s: &str, today: NaiveDate) -> Result<NaiveDate, InputError> {
    let input = s.trim();
    let word = input.to_lowercase();
    let err = || InputError::Date(input.to_string());
    let days = |n: u64| today.checked_add_days(Days::new(n)).ok_or_else(err);
    let back = |n: u64| today.checked_sub_days(Days::new(n)).ok_or_else(err);
    match word.as_str() {
        "heute" | "today" => return Ok(today),
        "gestern" | "yesterday" => return back(1),
        "vorgestern" => return back(2),
        "morgen" | "tomorrow" => return days(1),
        "übermorgen" | "uebermorgen" => return days(2),
        _ => {}
    }
    if let Some(day) = weekday(&word) {
        let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        return days(if ahead == 0 { 7 } else { u64::from(ahead) });
    }
    if is_iso_date_shape(input) {
        let (y, m, d) = (&input[0..4], &input[5..7], &input[8..10]);
        return ymd(input, y.parse().map_err(|_| err())?, m, d);
    }
    let parts: Vec<&str> = input.split('.').collect();
    match parts.as_slice() {
        [d, m, ""] if short_number(d) && short_number(m) => ymd(input, today.year(), m, d),
        [d, m, y] if short_number(d) && short_number(m) && digits(y, 4) => {
            ymd(input, y.parse().map_err(|_| err())?, m, d)
        }
        [d, m, y] if short_number(d) && short_number(m) && digits(y, 2) => {
            let y: i32 = y.parse().map_err(|_| err())?;
            ymd(input, 2000 + y, m, d)
        }
        _ => Err(err()),
    }
}

/// The date of day `d` of month `m` in `year`, or why there is none.
fn ymd(input: &str, year: i32, m: &str, d: &str) -> Result<NaiveDate, InputError> {
    let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(InputError::Date(input.to_string()));
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(InputError::Date(input.to_string()));
    }
    NaiveDate::from_ymd_opt(year, m, d).ok_or_else(|| {
        if (m, d) == (2, 29) {
            InputError::NoLeapDay(year)
        } else {
            InputError::NoSuchDay(input.to_string())
        }
    })
}

/// One or two ASCII digits.
fn short_number(s: &str) -> bool {
    digits(s, 1) || digits(s, 2)
}

/// A weekday's German or English name or short form.
fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "montag" | "mo" | "monday" | "mon" => Weekday::Mon,
        "dienstag" | "di" | "tuesday" | "tue" => Weekday::Tue,
        "mittwoch" | "mi" | "wednesday" | "wed" => Weekday::Wed,
        "donnerstag" | "do" | "thursday" | "thu" => Weekday::Thu,
        "freitag" | "fr" | "friday" | "fri" => Weekday::Fri,
        "samstag" | "sonnabend" | "sa" | "saturday" | "sat" => Weekday::Sat,
        "sonntag" | "so" | "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn is_iso_date_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `HH:MM`, `H:MM`, `H` (a full hour), optionally followed by `Uhr`; also
/// `HH:MM:SS`.
pub fn parse_time(s: &str) -> Result<NaiveTime, InputError> {
    let input = s.trim();
    let err = || InputError::Time(input.to_string());
    let lower = input.to_lowercase();
    let core = lower
        .strip_suffix("uhr")
        .map_or(lower.as_str(), str::trim_end);
    let parts: Vec<&str> = core.split(':').collect();
    let (h, m, sec) = match parts.as_slice() {
        [h] if short_number(h) => (*h, "00", "00"),
        [h, m] if short_number(h) && digits(m, 2) => (*h, *m, "00"),
        [h, m, s] if short_number(h) && digits(m, 2) && digits(s, 2) => (*h, *m, *s),
        _ => return Err(err()),
    };
    let (Ok(h), Ok(m), Ok(sec)) = (h.parse(), m.parse(), sec.parse()) else {
        return Err(err());
    };
    NaiveTime::from_hms_opt(h, m, sec).ok_or_else(err)
}

/// A length in minutes: `45`, `45min` (also `45 min`, `45m`), `1h` (also
/// `1 h`, `1 Std`), `1h30`, `1:30`.
pub fn parse_duration(s: &str) -> Result<u32, InputError> {
    let input = s.trim();
    let err = || InputError::Duration(input.to_string());
    let lower = input.to_lowercase().replace(' ', "");
    let number = |t: &str| -> Result<u32, InputError> {
        if t.is_empty() || t.len() > 5 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        t.parse().map_err(|_| err())
    };
    if let Some((h, m)) = lower.split_once(':') {
        if !digits(m, 2) {
            return Err(err());
        }
        let m = number(m)?;
        if m >= 60 {
            return Err(err());
        }
        return Ok(number(h)? * 60 + m);
    }
    if let Some((h, rest)) = lower.split_once('h') {
        let rest = rest.strip_suffix("min").unwrap_or(rest);
        if rest.is_empty() {
            return Ok(number(h)? * 60);
        }
        let m = number(rest)?;
        if m >= 60 {
            return Err(err());
        }
        return Ok(number(h)? * 60 + m);
    }
    for unit in ["minuten", "minutes", "min", "m"] {
        if let Some(n) = lower.strip_suffix(unit) {
            return number(n);
        }
    }
    for unit in ["stunden", "stunde", "std"] {
        if let Some(n) = lower.strip_suffix(unit) {
            return Ok(number(n)? * 60);
        }
    }
    number(&lower)
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, String> {
        if from > to {
            let lang = crate::i18n::lang();
            return Err(crate::tr!(
                "input.period-reversed",
                from = crate::report::labels::date(from, lang),
                to = crate::report::labels::date(to, lang)
            ));
        }
        Ok(Period { from, to })
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    pub fn month(year: i32, month: u32) -> Option<Period> {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        let to = from.checked_add_months(Months::new(1))? - Days::new(1);
        Some(Period { from, to })
    }

    pub fn quarter(year: i32, quarter: u32) -> Option<Period> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let from = NaiveDate::from_ymd_opt(year, (quarter - 1) * 3 + 1, 1)?;
        let to = from.checked_add_months(Months::new(3))? - Days::new(1);
        Some(Period { from, to })
    }

    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// 1 January of `to`'s year to `to`.
    pub fn year_to_date(&self) -> Period {
        Period {
            from: NaiveDate::from_ymd_opt(self.to.year(), 1, 1).unwrap_or(self.to),
            to: self.to,
        }
    }

    /// The `(year, month)` folders the period touches, in order.
    pub fn months(&self) -> Vec<(i32, u32)> {
        let mut out = Vec::new();
        let mut y = self.from.year();
        let mut m = self.from.month();
        while (y, m) <= (self.to.year(), self.to.month()) {
            out.push((y, m));
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    }
}

/// Whether `s` is `n` ASCII digits (`str::parse` would also take a sign).
fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY-MM`, `MM.JJJJ`, `M.JJJJ`, `M/JJJJ`.
pub fn parse_month(s: &str) -> Result<Period, InputError> {
    let input = s.trim();
    let err = || InputError::Month(input.to_string());
    let (y, m) = if let Some((y, m)) = input.split_once('-') {
        if !digits(m, 2) {
            return Err(err());
        }
        (y, m)
    } else if let Some((m, y)) = input.split_once('.').or_else(|| input.split_once('/')) {
        if !short_number(m) {
            return Err(err());
        }
        (y, m)
    } else {
        return Err(err());
    };
    if !digits(y, 4) {
        return Err(err());
    }
    let y: i32 = y.parse().map_err(|_| err())?;
    let m: u32 = m.parse().map_err(|_| err())?;
    Period::month(y, m).ok_or_else(err)
}

/// `YYYY-Qn`.
pub fn parse_quarter(s: &str) -> Result<Period, InputError> {
    let err = || InputError::Quarter(s.trim().to_string());
    let (y, q) = s.trim().split_once('-').ok_or_else(err)?;
    let q = q
        .strip_prefix('Q')
        .or_else(|| q.strip_prefix('q'))
        .ok_or_else(err)?;
    if !digits(y, 4) || !digits(q, 1) {
        return Err(err());
    }
    let y: i32 = y.parse().map_err(|_| err())?;
    let q: u32 = q.parse().map_err(|_| err())?;
    Period::quarter(y, q).ok_or_else(err)
}

/// `YYYY`.
pub fn parse_year(s: &str) -> Result<Period, InputError> {
    let err = || InputError::Year(s.trim().to_string());
    let s = s.trim();
    if !digits(s, 4) {
        return Err(err());
    }
    let y: i32 = s.parse().map_err(|_| err())?;
    Period::year(y).ok_or_else(err)
}

/// The month before the one `today` lies in.
pub fn previous_month(today: NaiveDate) -> Period {
    let first = today.with_day(1).unwrap_or(today) - Days::new(1);
    Period::month(first.year(), first.month()).expect("a real month")
}

/// The quarter before the one `today` lies in.
pub fn previous_quarter(today: NaiveDate) -> Period {
    let q = (today.month() - 1) / 3 + 1;
    if q == 1 {
        Period::quarter(today.year() - 1, 4)
    } else {
        Period::quarter(today.year(), q - 1)
    }
    .expect("a real quarter")
}

/// The year before `today`'s.
pub fn previous_year(today: NaiveDate) -> Period {
    Period::year(today.year() - 1).expect("a real year")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_german_dates() {
        let today = d("2026-11-25");
        assert_eq!(
            parse_date_relative("03.02.2026", today),
            Ok(d("2026-02-03"))
        );
        assert_eq!(parse_date_relative("3.2.2026", today), Ok(d("2026-02-03")));
        assert!(parse_date_relative("31.02.2026", today).is_err());
        assert!(parse_date_relative("03.02.26.1", today).is_err());
    }

    #[test]
    fn relative_dates() {
        let t = d("2026-03-01"); // a Sunday
        assert_eq!(parse_date_relative("today", t), Ok(t));
        assert_eq!(parse_date_relative("Heute", t), Ok(t));
        assert_eq!(parse_date_relative("yesterday", t), Ok(d("2026-02-28")));
        assert_eq!(parse_date_relative("gestern", t), Ok(d("2026-02-28")));
        assert_eq!(parse_date_relative("vorgestern", t), Ok(d("2026-02-27")));
        assert_eq!(parse_date_relative("tomorrow", t), Ok(d("2026-03-02")));
        assert_eq!(parse_date_relative("morgen", t), Ok(d("2026-03-02")));
        assert_eq!(parse_date_relative("übermorgen", t), Ok(d("2026-03-03")));
        assert_eq!(parse_date_relative("2024-02-29", t), Ok(d("2024-02-29")));
        for bad in [
            "2026-02-30",
            "2026-2-3",
            "26-01-01",
            "",
            "01.02.26x",
            "2026-01-01x",
            "1.2",
            "1.2.3",
            "32.01.2026",
            "00.01.2026",
            "1.13.2026",
            "+1.2.2026",
            "1.2.026",
            "1.2.20266",
            "überübermorgen",
            "monatag",
        ] {
            assert!(parse_date_relative(bad, t).is_err(), "{bad}");
        }
    }

    #[test]
    fn german_dates() {
        let t = d("2026-11-25");
        assert_eq!(parse_date_relative("03.12.2026", t), Ok(d("2026-12-03")));
        assert_eq!(parse_date_relative("3.12.2026", t), Ok(d("2026-12-03")));
        assert_eq!(parse_date_relative("1.1.2026", t), Ok(d("2026-01-01")));
        assert_eq!(parse_date_relative(" 24.12. ", t), Ok(d("2026-12-24")));
        assert_eq!(parse_date_relative("5.1.", t), Ok(d("2026-01-05")));
        assert_eq!(parse_date_relative("24.12.26", t), Ok(d("2026-12-24")));
        assert_eq!(parse_date_relative("01.02.99", t), Ok(d("2099-02-01")));
    }

    #[test]
    fn days_that_do_not_exist_are_named() {
        let t = d("2026-11-25");
        assert_eq!(
            parse_date_relative("29.02.", t),
            Err(InputError::NoLeapDay(2026))
        );
        assert_eq!(
            parse_date_relative("29.02.", d("2028-01-01")),
            Ok(d("2028-02-29"))
        );
        assert_eq!(
            parse_date_relative("29.2.2027", t),
            Err(InputError::NoLeapDay(2027))
        );
        assert_eq!(
            parse_date_relative("31.04.2026", t),
            Err(InputError::NoSuchDay("31.04.2026".into()))
        );
        assert!(
            InputError::NoLeapDay(2026)
                .message(Lang::De)
                .contains("29.02.")
        );
    }

    #[test]
    fn weekdays_are_the_next_such_day() {
        let wed = d("2026-11-25");
        assert_eq!(wed.weekday(), Weekday::Wed);
        for (word, want) in [
            ("montag", "2026-11-30"),
            ("Mo", "2026-11-30"),
            ("monday", "2026-11-30"),
            ("dienstag", "2026-12-01"),
            ("di", "2026-12-01"),
            ("mittwoch", "2026-12-02"), // today excluded: a week ahead
            ("mi", "2026-12-02"),
            ("wednesday", "2026-12-02"),
            ("donnerstag", "2026-11-26"),
            ("do", "2026-11-26"),
            ("freitag", "2026-11-27"),
            ("fr", "2026-11-27"),
            ("friday", "2026-11-27"),
            ("samstag", "2026-11-28"),
            ("sonnabend", "2026-11-28"),
            ("sa", "2026-11-28"),
            ("sonntag", "2026-11-29"),
            ("so", "2026-11-29"),
            ("sunday", "2026-11-29"),
        ] {
            assert_eq!(parse_date_relative(word, wed), Ok(d(want)), "{word}");
        }
    }

    #[test]
    fn errors_show_the_forms_that_work() {
        let e = parse_date_relative("3/12/2026", d("2026-11-25")).unwrap_err();
        let de = e.message(Lang::De);
        assert!(
            de.contains("`3/12/2026`") && de.contains("25.11.2026") && de.contains("heute"),
            "{de}"
        );
        let en = e.message(Lang::En);
        assert!(en.contains("2026-11-25") && en.contains("today"), "{en}");
        let de = parse_duration("eine Stunde").unwrap_err().message(Lang::De);
        assert!(de.contains("45min") && de.contains("1:30"), "{de}");
        let de = parse_month("Nov").unwrap_err().message(Lang::De);
        assert!(de.contains("11.2026"), "{de}");
        let de = parse_time("halb zehn").unwrap_err().message(Lang::De);
        assert!(de.contains("9:30"), "{de}");
    }

    #[test]
    fn times() {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(parse_time("09:30"), Ok(hm(9, 30)));
        assert_eq!(parse_time("9:30"), Ok(hm(9, 30)));
        assert_eq!(parse_time("9"), Ok(hm(9, 0)));
        assert_eq!(parse_time("14"), Ok(hm(14, 0)));
        assert_eq!(parse_time("14 Uhr"), Ok(hm(14, 0)));
        assert_eq!(
            parse_time("23:59:59"),
            NaiveTime::from_hms_opt(23, 59, 59).ok_or(InputError::Time(String::new()))
        );
        for bad in [
            "24", "9:3", "9:60", "", ":30", "x", "-1", "+9", "123", "9.30",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations() {
        for (s, want) in [
            ("45", 45),
            ("45min", 45),
            ("45 min", 45),
            ("45m", 45),
            ("1h", 60),
            ("2 h", 120),
            ("1 Std", 60),
            ("1:30", 90),
            ("0:45", 45),
            ("1h30", 90),
            ("1h 30min", 90),
            ("90 Minuten", 90),
        ] {
            assert_eq!(parse_duration(s), Ok(want), "{s}");
        }
        for bad in [
            "", "min", "h", "-5", "+5", "1:3", "1:75", "1h75", "4,5", "eine", "999999",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn periods() {
        assert_eq!(parse_month("2024-02").unwrap().to, d("2024-02-29"));
        assert_eq!(parse_month("2026-12").unwrap().to, d("2026-12-31"));
        assert!(parse_month("2026-13").is_err() && parse_month("2026-1").is_err());
        assert_eq!(parse_month("11.2026").unwrap().from, d("2026-11-01"));
        assert_eq!(parse_month("2.2024").unwrap().to, d("2024-02-29"));
        assert_eq!(parse_month("3/2026").unwrap().from, d("2026-03-01"));
        assert_eq!(parse_month("12/2026").unwrap().to, d("2026-12-31"));
        for bad in [
            "13.2026", "0.2026", "11.26", "11/", "/2026", "11.2026.", "+1.2026", "Nov 2026",
        ] {
            assert!(parse_month(bad).is_err(), "{bad}");
        }
        let q = parse_quarter("2026-Q4").unwrap();
        assert_eq!((q.from, q.to), (d("2026-10-01"), d("2026-12-31")));
        assert!(parse_quarter("2026-Q5").is_err() && parse_quarter("2026-Q0").is_err());
        assert_eq!(parse_year("2025").unwrap().to, d("2025-12-31"));
        assert!(parse_year("25").is_err());
    }

    #[test]
    fn signs_are_no_digits() {
        // Found by fuzzing: `-226` was read as the year 226 BC.
        for bad in [
            "-226", "+226", "-226-01", "+999-12", "+226-Q1", "2026-+1", "2026-Q+",
        ] {
            assert!(parse_year(bad).is_err(), "{bad}");
            assert!(parse_month(bad).is_err(), "{bad}");
            assert!(parse_quarter(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_year("0999").unwrap().from, d("0999-01-01"));
    }

    #[test]
    fn previous_periods() {
        let m = previous_month(d("2026-01-15"));
        assert_eq!((m.from, m.to), (d("2025-12-01"), d("2025-12-31")));
        let q = previous_quarter(d("2026-02-01"));
        assert_eq!((q.from, q.to), (d("2025-10-01"), d("2025-12-31")));
        let q = previous_quarter(d("2026-11-25"));
        assert_eq!((q.from, q.to), (d("2026-07-01"), d("2026-09-30")));
        assert_eq!(previous_year(d("2026-11-25")).from, d("2025-01-01"));
    }

    #[test]
    fn months_of_a_period() {
        let p = Period::new(d("2025-11-15"), d("2026-02-01")).unwrap();
        assert_eq!(
            p.months(),
            vec![(2025, 11), (2025, 12), (2026, 1), (2026, 2)]
        );
        assert!(Period::new(d("2026-02-01"), d("2026-01-01")).is_err());
    }
}
