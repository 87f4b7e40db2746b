//! (v2) `report series` (SPEC §3.2): the year-to-date figures of every
//! month (or quarter) of a year, the whole year, and the year before — the
//! first thing a Sachbericht needs. Every row, `total` and `previous_year`
//! is computed over its own span (distinct clients are distinct over that
//! span), never summed from the rows.

use super::build::{missing_references, totals};
use super::{Source, YearToDate};
use crate::dates::Period;
use crate::model::Client;
use crate::store::{Finding, Records};
use chrono::NaiveDate;
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
    let clients: HashMap<&str, &Client> = records
        .clients
        .iter()
        .map(|e| (e.id.as_str(), &e.record))
        .collect();
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
