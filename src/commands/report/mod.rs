//! `quartier report`: ESF activity reports of a month, quarter, year or any
//! period, and the month-by-month series of a year, in six formats, to
//! standard output or (atomically) to a file; `--seal` keeps a handed-in
//! report (SPEC §3.7). The work is the library's: `report::make`,
//! `report::series`, `seal`.

pub mod completeness;

use crate::cli::Globals;
use crate::dates::{self, Period};
use crate::error::{CommandError, Result};
use crate::report::ReportKind;
use crate::report::render::{self, Format, Target};
use crate::report::series::By;
use crate::store::Finding;
use chrono::{Datelike, NaiveDate};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// ESF activity reports: what the office did in a month, quarter, year or
/// any period — consultations, clients, referrals, events, sponsors, the
/// year to date and the year's targets. Refuses to report over records with
/// errors (run `quartier check`).
///
/// Example: quartier report monthly --previous --format html --out reports/monthly.html
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: ReportCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum ReportCommand {
    Monthly(MonthlyArgs),
    Quarterly(QuarterlyArgs),
    Yearly(YearlyArgs),
    Period(PeriodArgs),
    Series(SeriesArgs),
}

/// The monthly report for the city, with the year to date and the targets.
///
/// Example: quartier report monthly --month 2026-10 --format md
#[derive(Debug, clap::Args)]
pub struct MonthlyArgs {
    /// The month [default: the current month]
    #[arg(long, value_name = "YYYY-MM", value_parser = dates::parse_month)]
    pub month: Option<Period>,
    /// The month before the current one (for cron)
    #[arg(long, conflicts_with = "month")]
    pub previous: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub seal: SealArgs,
}

/// The quarterly report, with the year to date and the targets.
///
/// Example: quartier report quarterly --quarter 2026-Q3
#[derive(Debug, clap::Args)]
pub struct QuarterlyArgs {
    /// The quarter [default: the current quarter]
    #[arg(long, value_name = "YYYY-Qn", value_parser = dates::parse_quarter)]
    pub quarter: Option<Period>,
    /// The quarter before the current one (for cron)
    #[arg(long, conflicts_with = "quarter")]
    pub previous: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub seal: SealArgs,
}

/// The yearly report for the funder, with the year's targets.
///
/// Example: quartier report yearly --previous --format html --out jahresbericht.html
#[derive(Debug, clap::Args)]
pub struct YearlyArgs {
    /// The year [default: the current year]
    #[arg(long, value_name = "YYYY", value_parser = dates::parse_year)]
    pub year: Option<Period>,
    /// The year before the current one (for cron)
    #[arg(long, conflicts_with = "year")]
    pub previous: bool,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub seal: SealArgs,
}

/// A report of any period, first and last day included (no year to date,
/// no targets).
///
/// Example: quartier report period --from 2026-03-01 --to 2026-05-31
#[derive(Debug, clap::Args)]
pub struct PeriodArgs {
    /// The first day (YYYY-MM-DD, today, yesterday)
    #[arg(long, value_name = "DATE", value_parser = dates::parse_date)]
    pub from: NaiveDate,
    /// The last day (YYYY-MM-DD, today, yesterday)
    #[arg(long, value_name = "DATE", value_parser = dates::parse_date)]
    pub to: NaiveDate,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub seal: SealArgs,
}

/// The year month by month (or quarter by quarter), the whole year and the
/// year before: consultations, clients, events, participants, sponsor
/// meetings, referrals. A series cannot be sealed.
///
/// Example: quartier report series --year 2026 --by quarter --format xlsx --out verlauf.xlsx
#[derive(Debug, clap::Args)]
pub struct SeriesArgs {
    /// The year [default: the current year]
    #[arg(long, value_name = "YYYY", value_parser = dates::parse_year)]
    pub year: Option<Period>,
    /// One row per month or per quarter
    #[arg(long, value_enum, default_value_t = By::Month)]
    pub by: By,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Sealing a report that is handed in (SPEC §3.7).
#[derive(Debug, Clone, clap::Args)]
pub struct SealArgs {
    /// Also keep this report in reports/sealed/ and commit it; `check` then
    /// reports any later change of its figures. Only for a period that has ended.
    #[arg(long)]
    pub seal: bool,
    /// With --seal: add a new version to an existing seal (needs --reason)
    #[arg(long, requires = "seal", requires = "reason")]
    pub amend: bool,
    /// With --seal --amend: why the handed-in figures change
    #[arg(long, value_name = "TEXT", requires = "amend")]
    pub reason: Option<String>,
}

/// Options every report takes.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format [default: table; json with --json]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE (atomically) and print nothing
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let today = dates::today();
    let this_month = || Period::month(today.year(), today.month()).expect("a real month");
    let (kind, period, output, seal) = match args.command {
        ReportCommand::Series(a) => {
            let year = a.year.map_or(today.year(), |p| p.to.year());
            return series(year, a.by, a.output, globals);
        }
        ReportCommand::Monthly(a) => {
            let period = match (a.month, a.previous) {
                (_, true) => dates::previous_month(today),
                (Some(p), false) => p,
                (None, false) => this_month(),
            };
            (ReportKind::Monthly, period, a.output, a.seal)
        }
        ReportCommand::Quarterly(a) => {
            let period = match (a.quarter, a.previous) {
                (_, true) => dates::previous_quarter(today),
                (Some(p), false) => p,
                (None, false) => Period::quarter(today.year(), (today.month() - 1) / 3 + 1)
                    .expect("a real quarter"),
            };
            (ReportKind::Quarterly, period, a.output, a.seal)
        }
        ReportCommand::Yearly(a) => {
            let period = match (a.year, a.previous) {
                (_, true) => dates::previous_year(today),
                (Some(p), false) => p,
                (None, false) => Period::year(today.year()).expect("a real year"),
            };
            (ReportKind::Yearly, period, a.output, a.seal)
        }
        ReportCommand::Period(a) => {
            let period = Period::new(a.from, a.to)
                .map_err(|e| CommandError::usage(crate::tr!("report.from-after-to", date = e)))?;
            (ReportKind::Period, period, a.output, a.seal)
        }
    };
    make(kind, period, output, seal, globals)
}

fn make(
    kind: ReportKind,
    period: Period,
    output: OutputArgs,
    seal: SealArgs,
    globals: &Globals,
) -> Result<()> {
    let (store, config) = globals.open()?;
    if let Some(out) = &output.out {
        crate::out::target(out, store.root())?; // refused before any work
    }
    let lang = globals.print_lang(&config);
    let format = format_of(&output, globals);
    let report = if seal.seal {
        let request = crate::seal::Request {
            kind,
            period,
            amend: seal.reason.filter(|_| seal.amend),
            today: dates::today(),
        };
        let mut findings = Vec::new();
        match crate::seal::seal(&store, &config, &request, &mut findings) {
            Ok((report, path)) => {
                eprintln!("{}", crate::tr!("seal.done", path = path.display()));
                report
            }
            Err(e) => {
                for f in &findings {
                    eprintln!("{f}");
                }
                return Err(CommandError::data(e.to_string()));
            }
        }
    } else {
        crate::report::make(&store, &config, period, kind).map_err(|f| refuse(&f))?
    };
    let target = Target {
        terminal: output.out.is_none() && std::io::stdout().is_terminal(),
    };
    // the funder's workbook holds the year month by month as well
    let xlsx = format == Format::Xlsx;
    let series = if kind == ReportKind::Yearly && xlsx {
        Some(
            crate::report::make::series(&store, &config, period.to.year(), By::Month)
                .map_err(|f| refuse(&f))?,
        )
    } else {
        None
    };
    let beside = if kind.has_series_sheet() && xlsx {
        Some(crate::report::make::beside(&store, &config, period.to).map_err(|f| refuse(&f))?)
    } else {
        None
    };
    let months = series
        .as_ref()
        .map(render::Months::Year)
        .or(beside.as_ref().map(render::Months::ToDate));
    let bytes = render::render_with_series(&report, format, &config, lang, target, months)
        .map_err(render_error)?;
    emit(&output, store.root(), &bytes)
}

fn series(year: i32, by: By, output: OutputArgs, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    if let Some(out) = &output.out {
        crate::out::target(out, store.root())?; // refused before any work
    }
    let lang = globals.print_lang(&config);
    let format = format_of(&output, globals);
    let series = crate::report::make::series(&store, &config, year, by).map_err(|f| refuse(&f))?;
    let target = Target {
        terminal: output.out.is_none() && std::io::stdout().is_terminal(),
    };
    let bytes =
        render::series::render(&series, format, &config, lang, target).map_err(render_error)?;
    emit(&output, store.root(), &bytes)
}

fn format_of(output: &OutputArgs, globals: &Globals) -> Format {
    output.format.unwrap_or(if globals.json {
        Format::Json
    } else {
        Format::Table
    })
}

fn render_error(e: render::RenderError) -> CommandError {
    CommandError::data(e.to_string())
}

fn emit(output: &OutputArgs, root: &Path, bytes: &[u8]) -> Result<()> {
    if output.format == Some(Format::Xlsx)
        && output.out.is_none()
        && std::io::stdout().is_terminal()
    {
        return Err(CommandError::usage(crate::tr!("report.xlsx-needs-out")));
    }
    match &output.out {
        Some(path) => crate::out::write(path, root, bytes),
        None => print(bytes),
    }
}

/// Prints the findings on stderr; the error says why there is no report.
fn refuse(findings: &[Finding]) -> CommandError {
    for f in findings {
        eprintln!("{f}");
    }
    CommandError::data(crate::tr!(
        "report.no-report-errors",
        count = findings.len()
    ))
}

fn print(text: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CommandError::data(crate::tr!(
                "out.cannot-write-report",
                error = crate::error::IoProblem(&e)
            )))
        }
        _ => Ok(()),
    }
}
