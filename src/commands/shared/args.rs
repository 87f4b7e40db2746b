//! Flag types and value parsers the record commands share: dates, times,
//! months, `--commit` and the date filter of every `list`.

use crate::dates::{InputError, Period, parse_date, parse_duration, parse_month, parse_time};
use chrono::{NaiveDate, NaiveTime};

/// clap value parser for `--date`-like flags: every form of [`parse_date`].
pub fn date_arg(s: &str) -> std::result::Result<NaiveDate, InputError> {
    parse_date(s)
}

/// clap value parser for `--time`: HH:MM, H:MM, H.
pub fn time_arg(s: &str) -> std::result::Result<NaiveTime, InputError> {
    parse_time(s)
}

/// clap value parser for `--month`: YYYY-MM, MM.JJJJ, M/JJJJ.
pub fn month_arg(s: &str) -> std::result::Result<Period, InputError> {
    parse_month(s)
}

/// clap value parser for `--duration`: 45, 45min, 1h, 1:30.
pub fn duration_arg(s: &str) -> std::result::Result<u32, InputError> {
    parse_duration(s)
}

/// `--commit`: also commit the touched file.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CommitArg {
    /// Also `git commit` the record this command writes
    #[arg(long)]
    pub commit: bool,
}

/// `--from`, `--to`, `--month` of every `list`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DateFilter {
    /// Only records dated on or after this day (YYYY-MM-DD, today, yesterday)
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Only records dated on or before this day
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Only records of this month (YYYY-MM)
    #[arg(long, value_parser = month_arg, value_name = "YYYY-MM", conflicts_with_all = ["from", "to"])]
    pub month: Option<Period>,
}

impl DateFilter {
    pub fn matches(&self, d: NaiveDate) -> bool {
        if let Some(m) = &self.month {
            return m.contains(d);
        }
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    /// The month folders a listing must read (all when unbounded).
    pub fn month_range(&self) -> crate::store::MonthRange {
        use chrono::Datelike;
        let (from, to) = match &self.month {
            Some(m) => (Some(m.from), Some(m.to)),
            None => (self.from, self.to),
        };
        crate::store::MonthRange {
            from: from.map(|d| (d.year(), d.month())),
            to: to.map(|d| (d.year(), d.month())),
        }
    }
}

/// `--limit N` of every `list`: only the first N rows (newest first).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Limit {
    /// Show only the first N records
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

impl Limit {
    /// Keeps the first N of `items` (already sorted); when some are left
    /// out and a table is shown, says so on standard error.
    pub fn apply<T>(&self, items: &mut Vec<T>, json: bool) {
        let Some(n) = self.limit else { return };
        let total = items.len();
        if total > n {
            items.truncate(n);
            if !json {
                eprintln!("{}", crate::tr!("list.limited", shown = n, total = total));
            }
        }
    }
}
