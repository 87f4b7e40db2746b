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
/// and each row stays one line; a heading is never broken inside a word.
/// When even that is too wide, text columns are left out if that makes it
/// fit, and a line under the table names them. Longer than the screen, it goes through the
/// pager (see [`super::pager`]).
pub fn print_table(mut t: Table, lang: Lang) {
    if t.row_count() == 0 {
        println!("{}", crate::i18n::t_in(lang, "ui.output.nothing-found"));
        return;
    }
    let width = screen_width();
    let hidden = fit(&mut t, width);
    let mut text = format!("{t}\n");
    if !hidden.is_empty() {
        let note = crate::tr_in!(
            lang,
            "ui.output.hidden-columns",
            columns = hidden.join(", ")
        );
        for line in wrap_words(&note, usize::from(width)) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    if !super::pager::page(&text) {
        let _ = write_stdout(text.as_bytes());
    }
}

/// The width tables fit: the terminal's, else [`piped_width`].
pub fn screen_width() -> u16 {
    super::pager::terminal_width().unwrap_or_else(piped_width)
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
/// narrower than the longest word of their heading, so a heading wraps
/// only between words) and are shortened with `…`, one line a row. When
/// the narrowest such table is still wider than `width`, text columns are
/// hidden if that makes it fit; their headings are returned.
pub fn fit(t: &mut Table, width: u16) -> Vec<String> {
    use comfy_table::{ColumnConstraint, Width};
    let columns = t.column_count();
    let headings: Vec<String> = t
        .header()
        .map(|h| h.cell_iter().map(|c| c.content()).collect())
        .unwrap_or_default();
    let heading = |i: usize| headings.get(i).map_or("", String::as_str);
    let atomic: Vec<bool> = (0..columns)
        .map(|i| {
            t.row_iter().all(|row| {
                row.cell_iter()
                    .nth(i)
                    .is_none_or(|c| is_atomic(&c.content()))
            })
        })
        .collect();
    let content: Vec<u16> = (0..columns)
        .map(|i| {
            t.row_iter()
                .filter_map(|row| row.cell_iter().nth(i).map(|c| line_width(&c.content())))
                .max()
                .unwrap_or(0)
        })
        .collect();
    // The narrowest each column may get, without its padding.
    let least: Vec<u16> = (0..columns)
        .map(|i| {
            let word = longest_word(heading(i));
            if atomic[i] {
                content[i].max(line_width(heading(i)))
            } else {
                word.max(content[i].min(6))
            }
        })
        .collect();
    // Too wide: text columns (shortened anyway) are left out from the
    // right, the first of them (a name or title) last — but only when that
    // makes the table fit. Ids, codes, dates and labels are never left out:
    // a table whose whole ids do not fit stays wider than the screen.
    let first_text = atomic.iter().position(|a| !a);
    let mut order: Vec<usize> = (1..columns)
        .rev()
        .filter(|&i| !atomic[i] && Some(i) != first_text)
        .collect();
    order.extend(first_text.filter(|&i| i > 0));
    // Each shown column: its width, 2 of padding and 1 of border; one more border.
    let total = |hidden: &[bool]| -> usize {
        (0..columns)
            .filter(|&i| !hidden[i])
            .map(|i| usize::from(least[i]) + 3)
            .sum::<usize>()
            + 1
    };
    let mut hidden = vec![false; columns];
    for i in order {
        if total(&hidden) <= usize::from(width) {
            break;
        }
        hidden[i] = true;
    }
    if total(&hidden) > usize::from(width) {
        hidden = vec![false; columns];
    }
    for (i, column) in t.column_iter_mut().enumerate() {
        if hidden[i] {
            column.set_constraint(ColumnConstraint::Hidden);
        } else if atomic[i] {
            column.set_constraint(ColumnConstraint::ContentWidth);
        } else {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                least[i].max(1) + 2,
            )));
        }
    }
    for row in t.row_iter_mut() {
        row.max_height(1);
    }
    t.set_truncation_indicator("…").set_width(width);
    (0..columns)
        .filter(|&i| hidden[i])
        .map(|i| heading(i).to_string())
        .collect()
}

/// The widest line of a cell.
fn line_width(s: &str) -> u16 {
    s.lines().map(text_width).max().unwrap_or(0)
}

/// The longest word of a heading: its column is never narrower.
fn longest_word(s: &str) -> u16 {
    s.split_whitespace().map(text_width).max().unwrap_or(0)
}

/// `text` in lines of at most `width` characters, broken between words
/// (a longer word stays whole on its own line).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
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
