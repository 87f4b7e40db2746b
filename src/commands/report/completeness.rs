//! `quartier check --completeness [--month M | --quarter Q | --year Y |
//! --from D --to D]`: the files behind each figure of the report's
//! `quality` section over that period (default: this year so far) — what
//! to fix before the report of that period is handed in.

use crate::cli::Globals;
use crate::dates::{self, Period};
use crate::error::{CommandError, Result};
use crate::report::ReportKind;
use crate::report::labels;
use chrono::{Datelike, NaiveDate};
use std::io::Write;

/// The period whose `quality` figures are listed: the period of the report
/// about to be handed in.
#[derive(Debug, Clone, Default, clap::Args)]
#[group(id = "completeness-period", multiple = true)]
pub struct PeriodArgs {
    /// With --completeness: a month, as `report monthly --month`
    #[arg(long, value_name = "YYYY-MM", value_parser = dates::parse_month,
          conflicts_with_all = ["quarter", "year", "from", "to"])]
    pub month: Option<Period>,
    /// With --completeness: a quarter, as `report quarterly --quarter`
    #[arg(long, value_name = "YYYY-Qn", value_parser = dates::parse_quarter,
          conflicts_with_all = ["year", "from", "to"])]
    pub quarter: Option<Period>,
    /// With --completeness: a year, as `report yearly --year`
    #[arg(long, value_name = "YYYY", value_parser = dates::parse_year,
          conflicts_with_all = ["from", "to"])]
    pub year: Option<Period>,
    /// With --completeness: the first day of any period (with --to)
    #[arg(long, value_name = "DATE", value_parser = dates::parse_date, requires = "to")]
    pub from: Option<NaiveDate>,
    /// With --completeness: the last day of any period (with --from)
    #[arg(long, value_name = "DATE", value_parser = dates::parse_date, requires = "from")]
    pub to: Option<NaiveDate>,
}

impl PeriodArgs {
    /// Whether any period flag was given.
    pub fn given(&self) -> bool {
        self.month.is_some()
            || self.quarter.is_some()
            || self.year.is_some()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// The chosen period; without a flag the year so far (1 January to today).
    pub fn period(&self, today: NaiveDate) -> Result<Period> {
        if let Some(p) = self.month.or(self.quarter).or(self.year) {
            return Ok(p);
        }
        let (from, to) = match (self.from, self.to) {
            (Some(from), Some(to)) => (from, to),
            _ => (today.with_ordinal(1).unwrap_or(today), today),
        };
        Period::new(from, to)
            .map_err(|e| CommandError::usage(crate::tr!("report.from-after-to", date = e)))
    }
}

pub fn run(args: &PeriodArgs, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.print_lang(&config);
    let period = args.period(dates::today())?;
    let report = crate::report::make::build_from(&store, &config, period, ReportKind::Period)
        .map_err(|findings| {
            for f in &findings {
                eprintln!("{f}");
            }
            CommandError::data(crate::tr!(
                "report.completeness-errors",
                count = findings.len()
            ))
        })?;
    let figures = report.quality.figures();
    let mut out = std::io::stdout().lock();
    let written = if globals.json {
        let map: serde_json::Map<String, serde_json::Value> = figures
            .iter()
            .map(|(k, paths)| (k.to_string(), serde_json::json!(paths)))
            .collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "period": {"from": period.from, "to": period.to},
                "quality": map
            }))
            .unwrap_or_default()
        )
    } else {
        let mut text = format!(
            "{} {} – {}\n",
            labels::section("quality", lang),
            labels::date(period.from, lang),
            labels::date(period.to, lang)
        );
        for (key, paths) in figures {
            text.push_str(&format!(
                "{} ({}){}\n",
                labels::figure("quality", key, lang),
                paths.len(),
                if paths.is_empty() { "" } else { ":" }
            ));
            for p in paths {
                text.push_str(&format!("  {}\n", store.root().join(p).display()));
            }
        }
        out.write_all(text.as_bytes())
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CommandError::data(crate::tr!(
                "out.cannot-write-output",
                error = crate::error::IoProblem(&e)
            )))
        }
        _ => Ok(()),
    }
}
