//! Any text through the date, time and period parsers of the command line:
//! no panic, and every period that parses has the months it should.

#![no_main]

use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;
use quartier::dates::{
    Period, parse_date_relative, parse_month, parse_quarter, parse_time, parse_year,
    previous_month, previous_quarter, previous_year,
};

fn check_months(p: &Period) {
    let months = p.months();
    assert_eq!(months.first(), Some(&(p.from.year(), p.from.month())));
    assert_eq!(months.last(), Some(&(p.to.year(), p.to.month())));
    assert!(months.windows(2).all(|w| w[0] < w[1]));
    let span = (p.to.year() - p.from.year()) * 12 + p.to.month() as i32 - p.from.month() as i32;
    assert_eq!(months.len() as i32, span + 1);
    let ytd = p.year_to_date();
    assert!(ytd.from <= ytd.to && ytd.to == p.to);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    // Two halves: a period from the first date to the second.
    let (a, b) = text.split_once('|').unwrap_or((text, text));
    let da = parse_date_relative(a, today);
    let db = parse_date_relative(b, today);
    if let Ok(d) = da {
        assert_eq!(
            parse_date_relative(&d.format("%Y-%m-%d").to_string(), today),
            Ok(d)
        );
        for p in [previous_month(d), previous_quarter(d), previous_year(d)] {
            assert!(p.to < d);
            check_months(&p);
        }
    }
    if let (Ok(from), Ok(to)) = (da, db) {
        match Period::new(from, to) {
            Ok(p) => {
                check_months(&p);
                assert!(p.contains(from) && p.contains(to));
            }
            Err(e) => assert!(from > to && !e.is_empty()),
        }
    }
    if let Ok(t) = parse_time(text) {
        assert_eq!(parse_time(&t.format("%H:%M:%S").to_string()), Ok(t));
    }
    if let Ok(p) = parse_month(text) {
        check_months(&p);
        assert_eq!(p.months().len(), 1);
        assert_eq!(parse_month(&p.from.format("%Y-%m").to_string()), Ok(p));
    }
    if let Ok(p) = parse_quarter(text) {
        check_months(&p);
        assert_eq!(p.months().len(), 3);
    }
    if let Ok(p) = parse_year(text) {
        check_months(&p);
        assert_eq!(p.months().len(), 12);
        assert_eq!(parse_year(&p.from.format("%Y").to_string()), Ok(p));
    }
});
