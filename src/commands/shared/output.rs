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
        Err(e) => Err(CommandError::data(crate::tr!(
            "out.cannot-write-stdout",
            error = crate::error::IoProblem(&e)
        ))),
    }
}

/// Prints records as a JSON array with their TOML keys.
pub fn print_json<T: Serialize>(items: &[T]) -> Result<()> {
    let text = serde_json::to_string_pretty(items)
        .map_err(|e| CommandError::data(crate::tr!("out.cannot-write-json", error = e)))?;
    println!("{text}");
    Ok(())
}

/// A table: headings are catalogue ids (`ui.heading.…`) shown in `lang`,
/// wrapped to the terminal's width (not wrapped when the output is not a terminal).
pub fn table(lang: Lang, headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(
            headers
                .iter()
                .map(|id| crate::i18n::t_in(lang, id))
                .collect::<Vec<_>>(),
        );
    t
}

/// Prints a table, or a short line when there is nothing to show. The
/// table fits the terminal (80 columns when piped): columns of ids, codes,
/// dates and numbers keep their width, text columns are shortened with `…`
/// and each row stays one line. Longer than the screen, it goes through the
/// pager (see [`super::pager`]).
pub fn print_table(mut t: Table, lang: Lang) {
    if t.row_count() == 0 {
        println!("{}", crate::i18n::t_in(lang, "ui.output.nothing-found"));
        return;
    }
    fit(
        &mut t,
        super::pager::terminal_width().unwrap_or_else(piped_width),
    );
    let text = format!("{t}\n");
    if !super::pager::page(&text) {
        let _ = write_stdout(text.as_bytes());
    }
}

/// The width of a table whose output is not a terminal: `$COLUMNS`, else 80.
pub fn piped_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&c| c >= 20)
        .unwrap_or(80)
}

/// Makes `t` fit `width` columns without cutting an id, a code or a date:
/// such columns keep their width, text columns share the rest (never
/// narrower than their heading) and are shortened with `…`, one line a row.
pub fn fit(t: &mut Table, width: u16) {
    use comfy_table::{ColumnConstraint, Width};
    let columns = t.column_count();
    let header: Vec<u16> = t
        .header()
        .map(|h| h.cell_iter().map(|c| text_width(&c.content())).collect())
        .unwrap_or_default();
    let atomic: Vec<bool> = (0..columns)
        .map(|i| {
            t.row_iter().all(|row| {
                row.cell_iter()
                    .nth(i)
                    .is_none_or(|c| is_atomic(&c.content()))
            })
        })
        .collect();
    for (i, column) in t.column_iter_mut().enumerate() {
        if atomic.get(i).copied().unwrap_or(false) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        } else if let Some(&w) = header.get(i) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                w.clamp(1, 6) + 2,
            )));
        }
    }
    for row in t.row_iter_mut() {
        row.max_height(1);
    }
    t.set_truncation_indicator("…").set_width(width);
}

fn text_width(s: &str) -> u16 {
    u16::try_from(s.chars().count()).unwrap_or(u16::MAX)
}

/// The longest label that is never shortened (`nicht erschienen`,
/// `2025-04-01 (überfällig)`): longer text, names and lists may be.
const SHORT_TEXT: usize = 24;

/// A cell that must never be cut or wrapped: one word (an id, code, slug,
/// number or date), a short label of at most three words, a date with its
/// time, or a phone number. Longer text and lists may be shortened.
fn is_atomic(content: &str) -> bool {
    let words = content.split_whitespace().count();
    words <= 1
        || words <= 3 && content.chars().count() <= SHORT_TEXT
        || is_date_time(content)
        || content
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_ascii_digit() || "+()/-".contains(c)))
}

fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    b.len() == 16
        && b[10] == b' '
        && b[13] == b':'
        && digits(11..13)
        && digits(14..16)
        && (b[4] == b'-' && b[7] == b'-' || b[2] == b'.' && b[5] == b'.')
}

/// The value of `Option<String>` for a table cell.
pub fn cell(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// Label of a code in the chosen language.
pub fn label<C: Code>(c: C, lang: Lang) -> &'static str {
    c.label(lang)
}
/// A date as a table cell: `31.10.2026` in German, `2026-10-31` in English.
pub fn date_cell(date: NaiveDate, lang: Lang) -> String {
    crate::report::labels::date(date, lang)
}

/// A date as a table cell, with the time when there is one.
pub fn date_time_cell(date: NaiveDate, time: Option<NaiveTime>, lang: Lang) -> String {
    match time {
        Some(t) => format!("{} {}", date_cell(date, lang), t.format("%H:%M")),
        None => date_cell(date, lang),
    }
}
