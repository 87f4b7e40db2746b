//! Dates as people type them on the command line, and the periods of reports.

use chrono::{Datelike, Days, Local, Months, NaiveDate, NaiveTime};

/// Today's date. `QUARTIER_TODAY=YYYY-MM-DD` pins it, so that tests and
/// reproductions of an old report see the day they expect.
pub fn today() -> NaiveDate {
    std::env::var("QUARTIER_TODAY")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| Local::now().date_naive())
}

/// `YYYY-MM-DD`, `today`, `yesterday` or `tomorrow`.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    parse_date_relative(s, today())
}

pub fn parse_date_relative(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let s = s.trim();
    match s {
        "today" | "heute" => Ok(today),
        "yesterday" | "gestern" => Ok(today - Days::new(1)),
        "tomorrow" | "morgen" => Ok(today + Days::new(1)),
        _ => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .filter(|_| is_iso_date_shape(s))
            .or_else(|| german_date(s))
            .ok_or_else(|| {
                format!("`{s}` is not a date: use YYYY-MM-DD (e.g. 2026-11-25), TT.MM.JJJJ (25.11.2026), today, yesterday or tomorrow")
            }),
    }
}

/// `TT.MM.JJJJ` or `T.M.JJJJ`, as German spreadsheets and people write dates.
fn german_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(d, 1..=2) || !digits(m, 1..=2) || !digits(y, 4..=4) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
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

/// `HH:MM` (or `HH:MM:SS`).
pub fn parse_time(s: &str) -> Result<NaiveTime, String> {
    let s = s.trim();
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .map_err(|_| format!("`{s}` is not a time: use HH:MM, e.g. 09:30"))
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
            return Err(format!("the period starts ({from}) after it ends ({to})"));
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

/// `YYYY-MM`.
pub fn parse_month(s: &str) -> Result<Period, String> {
    let err = || format!("`{s}` is not a month: use YYYY-MM, e.g. 2026-10");
    let (y, m) = s.trim().split_once('-').ok_or_else(err)?;
    if !digits(y, 4) || !digits(m, 2) {
        return Err(err());
    }
    let y: i32 = y.parse().map_err(|_| err())?;
    let m: u32 = m.parse().map_err(|_| err())?;
    Period::month(y, m).ok_or_else(err)
}

/// `YYYY-Qn`.
pub fn parse_quarter(s: &str) -> Result<Period, String> {
    let err = || format!("`{s}` is not a quarter: use YYYY-Qn, e.g. 2026-Q3");
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
pub fn parse_year(s: &str) -> Result<Period, String> {
    let err = || format!("`{s}` is not a year: use YYYY, e.g. 2026");
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
        let t = d("2026-03-01");
        assert_eq!(parse_date_relative("today", t), Ok(t));
        assert_eq!(parse_date_relative("yesterday", t), Ok(d("2026-02-28")));
        assert_eq!(parse_date_relative("tomorrow", t), Ok(d("2026-03-02")));
        assert_eq!(parse_date_relative("2024-02-29", t), Ok(d("2024-02-29")));
        for bad in [
            "2026-02-30",
            "2026-2-3",
            "26-01-01",
            "",
            "01.02.26x",
            "2026-01-01x",
        ] {
            assert!(parse_date_relative(bad, t).is_err(), "{bad}");
        }
    }

    #[test]
    fn periods() {
        assert_eq!(parse_month("2024-02").unwrap().to, d("2024-02-29"));
        assert_eq!(parse_month("2026-12").unwrap().to, d("2026-12-31"));
        assert!(parse_month("2026-13").is_err() && parse_month("2026-1").is_err());
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
