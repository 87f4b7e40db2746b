//! `quartier check --completeness`: the files behind each figure of the
//! report's `quality` section over this year so far — what to fix before a
//! report is handed in.

use crate::cli::Globals;
use crate::dates::{self, Period};
use crate::error::{CommandError, Result};
use crate::report::ReportKind;
use crate::report::labels;
use chrono::Datelike;
use std::io::Write;

pub fn run(globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let today = dates::today();
    let from = today.with_ordinal(1).unwrap_or(today);
    let period = Period::new(from, today).map_err(CommandError::data)?;
    let report = crate::report::make::build_from(&store, &config, period, ReportKind::Period)
        .map_err(|findings| {
            for f in &findings {
                eprintln!("{f}");
            }
            CommandError::data(format!(
                "{} error(s) in the records (listed above): fix them first — `quartier check` shows every problem",
                findings.len()
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
            Err(CommandError::data(format!("cannot write: {e}")))
        }
        _ => Ok(()),
    }
}
