//! `quartier check`: every problem in every record file, one line each.

use crate::cli::Globals;
use crate::error::{CommandError, Result};
use crate::store::Finding;
use std::io::Write;

/// Check quartier.toml and every record in the folder and print each problem
/// as `path:line: error|warning: message` (a count goes to stderr). With
/// --json: an array of {path, line, severity, code, message}. Never changes a file.
/// Exit 0 when there is no error, 1 otherwise.
///
/// Example: quartier check --strict
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Treat warnings (privacy, consent, symlinks) as errors
    #[arg(long)]
    pub strict: bool,
    /// List the files behind each data-quality figure of a report's period
    /// [default: this year so far] (consultations without topics or duration,
    /// events without the split, past records still planned, incomplete
    /// clients, referrals without consent)
    #[arg(long)]
    pub completeness: bool,
    #[command(flatten)]
    pub period: crate::commands::report::completeness::PeriodArgs,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    if args.completeness {
        return crate::commands::report::completeness::run(&args.period, globals);
    }
    if args.period.given() {
        return Err(CommandError::usage(crate::tr!(
            "check.period-without-completeness"
        )));
    }
    let store = globals.store()?;
    let progress = crate::progress::spinner("check");
    let mut findings = crate::check::check_folder(&store);
    progress.finish_and_clear();
    if args.strict {
        for f in &mut findings {
            f.severity = crate::model::read::Severity::Error;
        }
    }
    print(&findings, globals.json);
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.len() - errors;
    if !globals.json {
        if findings.is_empty() {
            eprintln!(
                "{}",
                crate::tr!("check.clean", path = store.root().display())
            );
        } else {
            eprintln!("{}", crate::i18n::findings::summary(errors, warnings));
        }
    }
    if errors > 0 {
        Err(CommandError::silent())
    } else {
        Ok(())
    }
}

/// Prints the findings; a closed pipe (`quartier check | head`) just ends the output.
fn print(findings: &[Finding], json: bool) {
    let mut out = std::io::stdout().lock();
    let _ = if json {
        serde_json::to_writer_pretty(&mut out, findings)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        findings.iter().try_for_each(|f| writeln!(out, "{f}"))
    };
}
