//! Printing: standard output that tolerates `| head`, JSON arrays, tables
//! that fit the terminal, and table cells.

use crate::error::{CommandError, Result};
use crate::model::{Code, Lang};
use chrono::{NaiveDate, NaiveTime};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

/// Writes generated text to standard output. A reader that stops early
/// (`| head`) is no error; any other write failure is (exit 1).
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CommandError::data(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

/// Prints records as a JSON array with their TOML keys.
pub fn print_json<T: Serialize>(items: &[T]) -> Result<()> {
    let text = serde_json::to_string_pretty(items)
        .map_err(|e| CommandError::data(format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// A table: labels picked by language, wrapped to the terminal's width
/// (not wrapped when the output is not a terminal).
pub fn table(lang: Lang, headers: &[(&str, &str)]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(
            headers
                .iter()
                .map(|(de, en)| lang.pick(de, en))
                .collect::<Vec<_>>(),
        );
    t
}

/// Prints a table, or a short line when there is nothing to show.
pub fn print_table(t: Table, lang: Lang) {
    if t.row_count() == 0 {
        println!("{}", lang.pick("(keine Einträge)", "(nothing found)"));
    } else {
        println!("{t}");
    }
}
/// The value of `Option<String>` for a table cell.
pub fn cell(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// Label of a code in the chosen language.
pub fn label<C: Code>(c: C, lang: Lang) -> &'static str {
    c.label(lang)
}
/// A date as a table cell, with the time when there is one.
pub fn date_time_cell(date: NaiveDate, time: Option<NaiveTime>) -> String {
    match time {
        Some(t) => format!("{date} {}", t.format("%H:%M")),
        None => date.to_string(),
    }
}
