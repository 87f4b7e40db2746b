//! (v2) `report series` (SPEC §3.2): the year-to-date figures of every
//! month (or quarter) of a year, the whole year, and the year before — the
//! first thing a Sachbericht needs. Every row, `total` and `previous_year`
//! is computed over its own span (distinct clients are distinct over that
//! span), never summed from the rows. [`Beside`] is the part of a year a
//! monthly or quarterly workbook holds: January to the report's month beside
//! the same months of the year before.

use super::build::{missing_references, totals};
use super::{Source, YearToDate};
use crate::dates::Period;
use crate::model::Client;
use crate::store::{Finding, Records};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::HashMap;

/// `--by`: the length of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// One row per month
    #[default]
    Month,
    /// One row per quarter
    Quarter,
}

impl By {
    pub fn code(self) -> &'static str {
        match self {
            By::Month => "month",
            By::Quarter => "quarter",
        }
    }
}

/// The JSON of `report series`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub year: i32,
    pub by: By,
    pub rows: Vec<SeriesRow>,
    pub total: YearToDate,
    pub previous_year: YearToDate,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesRow {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(flatten)]
    pub figures: YearToDate,
}

/// The periods of the rows of `year` by `by`, in order.
pub fn periods(year: i32, by: By) -> Vec<Period> {
    match by {
        By::Month => (1..=12).filter_map(|m| Period::month(year, m)).collect(),
        By::Quarter => (1..=4).filter_map(|q| Period::quarter(year, q)).collect(),
    }
}

/// The span a series reads: 1 January of the year before to 31 December.
pub fn span(year: i32) -> Option<Period> {
    Some(Period {
        from: Period::year(year - 1)?.from,
        to: Period::year(year)?.to,
    })
}

/// The series of `year` over `records` (which hold at least [`span`]).
/// Fails with findings when a record refers to something that does not exist.
pub fn build(
    records: &Records,
    year: i32,
    by: By,
    client_exists: &dyn Fn(&str) -> bool,
) -> Result<Series, Vec<Finding>> {
    let missing = missing_references(records, client_exists);
    if !missing.is_empty() {
        return Err(missing);
    }
    let clients = clients_of(records);
    let over = |p: Period| totals(records, &clients, p);
    let rows = periods(year, by)
        .into_iter()
        .map(|p| SeriesRow {
            from: p.from,
            to: p.to,
            figures: over(p),
        })
        .collect();
    let whole = |y: i32| Period::year(y).map(over).unwrap_or_default();
    Ok(Series {
        year,
        by,
        rows,
        total: whole(year),
        previous_year: whole(year - 1),
        source: Source::default(),
    })
}

fn clients_of(records: &Records) -> HashMap<&str, &Client> {
    records
        .clients
        .iter()
        .map(|e| (e.id.as_str(), &e.record))
        .collect()
}

/// The year of a monthly or quarterly report from January to its last
/// month, each month beside the same month of the year before, and the two
/// spans as a whole (SPEC §3.3: the workbook holds the series). Every row
/// is counted over its own span, as in [`build`]: a month here is the
/// month of `report series`, the year's span is the report's year to date.
#[derive(Debug, Clone, PartialEq)]
pub struct Beside {
    pub year: i32,
    /// (this year's month, the same month of the year before)
    pub months: Vec<(SeriesRow, SeriesRow)>,
    /// (1 January to the report's end, the same span of the year before)
    pub to_date: (SeriesRow, SeriesRow),
}

/// The same day a year before `to`; the last day of the month when `to` is
/// one (29 February gives 28 February, 28 February 2029 gives the 29th).
pub fn a_year_before(to: NaiveDate) -> Option<NaiveDate> {
    let month = Period::month(to.year(), to.month())?;
    if month.to == to {
        Some(Period::month(to.year() - 1, to.month())?.to)
    } else {
        to.with_year(to.year() - 1)
    }
}

/// What [`beside`] reads: 1 January of the year before to `to`.
pub fn beside_span(to: NaiveDate) -> Option<Period> {
    Some(Period {
        from: Period::year(to.year() - 1)?.from,
        to,
    })
}

/// [`Beside`] of the year up to `to` over `records` (which hold at least
/// [`beside_span`]). Fails with findings when a record refers to something
/// that does not exist.
pub fn beside(
    records: &Records,
    to: NaiveDate,
    client_exists: &dyn Fn(&str) -> bool,
) -> Result<Beside, Vec<Finding>> {
    let missing = missing_references(records, client_exists);
    if !missing.is_empty() {
        return Err(missing);
    }
    let clients = clients_of(records);
    let row = |p: Period| SeriesRow {
        from: p.from,
        to: p.to,
        figures: totals(records, &clients, p),
    };
    let year = to.year();
    let months = (1..=to.month())
        .filter_map(|m| Some((Period::month(year, m)?, Period::month(year - 1, m)?)))
        .map(|(this, before)| (row(this), row(before)))
        .collect();
    let to_date = |to: NaiveDate| row(Period { from: to, to }.year_to_date());
    let before = a_year_before(to).map_or(
        SeriesRow {
            from: to,
            to,
            figures: YearToDate::default(),
        },
        to_date,
    );
    let to_date = (to_date(to), before);
    Ok(Beside {
        year,
        months,
        to_date,
    })
}
