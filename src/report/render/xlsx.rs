//! `--format xlsx` (SPEC §3.3 v2): a workbook that Excel and LibreOffice
//! open, written by `rust_xlsxwriter`. A sheet "Kennzahlen" / "Figures"
//! with section, key, label and value of every figure (numbers as numbers,
//! percentages with one decimal), then one sheet per breakdown (code, label,
//! count, share), one of the events held, and the year month by month: a
//! yearly report's whole year (the series of SPEC §3.2, with the year
//! before), a monthly or quarterly report's months up to its end, each
//! beside the same month of the year before.

use super::figures::{self, Value};
use super::{Layout, Months, Table};
use crate::model::{Config, Lang};
use crate::report::Report;
use crate::report::figures::Shares;
use crate::report::labels::{self, word};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::collections::BTreeSet;

pub fn render(
    report: &Report,
    layout: &Layout,
    config: &Config,
    lang: Lang,
    months: Option<Months>,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let tenths = Format::new().set_num_format("0.0");
    let mut names = BTreeSet::new();

    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(
        crate::i18n::t_in(lang, "report.figures"),
        &mut names,
    ))?;
    let header = [
        word("section", lang),
        word("key", lang),
        word("label", lang),
        word("value", lang),
    ];
    write_header(sheet, &header, &bold)?;
    for (i, row) in figures::rows(report, config, lang).iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, &row.section)?;
        sheet.write_string(r, 1, &row.key)?;
        sheet.write_string(r, 2, &row.label)?;
        write_value(sheet, r, 3, &row.value, &tenths)?;
    }
    sheet.set_column_width(0, 26)?;
    sheet.set_column_width(1, 22)?;
    sheet.set_column_width(2, 44)?;
    sheet.set_column_width(3, 14)?;

    for table in layout.sections.iter().flat_map(|s| &s.tables) {
        if let Some(shares) = report.breakdown(&table.path) {
            let sheet = book.add_worksheet();
            sheet.set_name(sheet_name(labels::sheet(&table.path, lang), &mut names))?;
            breakdown_sheet(sheet, table, &shares, lang, &bold, &tenths)?;
        }
    }
    if !report.events.list.is_empty()
        && let Some(table) = layout.table("events.list")
    {
        let sheet = book.add_worksheet();
        let caption = table.caption.clone().unwrap_or_default();
        sheet.set_name(sheet_name(&caption, &mut names))?;
        let header: Vec<&str> = table.header.iter().map(String::as_str).collect();
        write_header(sheet, &header, &bold)?;
        for (i, e) in report.events.list.iter().enumerate() {
            let r = i as u32 + 1;
            sheet.write_string(r, 0, e.date.to_string())?;
            sheet.write_string(r, 1, &e.title)?;
            sheet.write_string(r, 2, &table.rows[i][2])?;
            sheet.write_number(r, 3, e.participants as f64)?;
        }
        sheet.set_column_width(1, 48)?;
        sheet.set_column_width(2, 20)?;
    }
    let (year, (header, rows)) = match months {
        Some(Months::Year(series)) => {
            let layout = super::series::layout(series, config, lang);
            (
                series.year,
                super::series::sheet_rows(series, &layout, lang),
            )
        }
        Some(Months::ToDate(beside)) => (beside.year, super::series::beside_rows(beside, lang)),
        None => return book.save_to_buffer(),
    };
    let sheet = book.add_worksheet();
    let title = format!("{} {year}", labels::sheet("series", lang));
    sheet.set_name(sheet_name(&title, &mut names))?;
    table_sheet(sheet, &header, &rows, &bold, &tenths)?;
    book.save_to_buffer()
}

/// A sheet of one table of figures: a header row and rows whose numeric
/// cells are numbers (the series).
pub fn table_book(
    sheet_title: &str,
    header: &[String],
    rows: &[Vec<Value>],
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let tenths = Format::new().set_num_format("0.0");
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(sheet_title, &mut BTreeSet::new()))?;
    table_sheet(sheet, header, rows, &bold, &tenths)?;
    book.save_to_buffer()
}

fn table_sheet(
    sheet: &mut Worksheet,
    header: &[String],
    rows: &[Vec<Value>],
    bold: &Format,
    tenths: &Format,
) -> Result<(), XlsxError> {
    let h: Vec<&str> = header.iter().map(String::as_str).collect();
    write_header(sheet, &h, bold)?;
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            write_value(sheet, i as u32 + 1, c as u16, v, tenths)?;
        }
    }
    sheet.set_column_width(0, 16)?;
    Ok(())
}

fn write_header(sheet: &mut Worksheet, header: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_value(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    value: &Value,
    tenths: &Format,
) -> Result<(), XlsxError> {
    match value {
        Value::Count(n) => {
            sheet.write_number(r, c, *n as f64)?;
        }
        Value::Percent(Some(t)) => {
            sheet.write_number_with_format(r, c, *t as f64 / 10.0, tenths)?;
        }
        Value::Percent(None) | Value::Flag(None) => {}
        Value::Flag(Some(b)) => {
            sheet.write_boolean(r, c, *b)?;
        }
        Value::Date(d) => {
            sheet.write_string(r, c, d.to_string())?;
        }
        Value::Text(s) => {
            sheet.write_string(r, c, s)?;
        }
    }
    Ok(())
}

fn breakdown_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    shares: &Shares,
    lang: Lang,
    bold: &Format,
    tenths: &Format,
) -> Result<(), XlsxError> {
    let mut header = vec![
        word("key", lang),
        table.header[0].as_str(),
        word("count", lang),
    ];
    if shares.has_shares() {
        header.push(word("share", lang));
    }
    write_header(sheet, &header, bold)?;
    // In the layout's reading order, each row with its code.
    for (i, (code, row)) in table.codes.iter().zip(&table.rows).enumerate() {
        let r = i as u32 + 1;
        let n = shares.count(code);
        sheet.write_string(r, 0, code)?;
        sheet.write_string(r, 1, &row[0])?;
        sheet.write_number(r, 2, n as f64)?;
        if let Some(t) = shares.share(code) {
            sheet.write_number_with_format(r, 3, t as f64 / 10.0, tenths)?;
        }
    }
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 40)?;
    Ok(())
}

/// A valid, unique sheet name: at most 31 characters, none of `[]:*?/\\`,
/// no apostrophe at either end, not Excel's reserved "History".
fn sheet_name(wanted: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let fit = |s: &str, n: usize| -> String {
        let cut: String = s.chars().take(n).collect();
        cut.trim().trim_matches('\'').trim().to_string()
    };
    let base = match fit(&clean, 31) {
        b if b.is_empty() => "Sheet".to_string(),
        b => b,
    };
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains(&name.to_lowercase()) || name.eq_ignore_ascii_case("history") {
        let suffix = format!(" {n}");
        name = fit(&base, 31 - suffix.len()) + &suffix;
        n += 1;
    }
    taken.insert(name.to_lowercase());
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Excel accepts as a sheet name.
    fn valid(name: &str) -> bool {
        let n = name.chars().count();
        (1..=31).contains(&n)
            && !name.chars().any(|c| "[]:*?/\\".contains(c))
            && !name.starts_with('\'')
            && !name.ends_with('\'')
            && !name.eq_ignore_ascii_case("history")
    }

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(sheet_name("nach Ortsteil", &mut taken), "nach Ortsteil");
        assert_eq!(sheet_name("nach Ortsteil", &mut taken), "nach Ortsteil 2");
        assert_eq!(sheet_name("NACH ORTSTEIL", &mut taken), "NACH ORTSTEIL 3");
        let wanted = [
            "x/".repeat(40),
            "a".repeat(40),
            "a".repeat(40),
            "a".repeat(29) + "b",
            "'Zitat'".into(),
            "[Januar]: *?\\".into(),
            "History".into(),
            "'".into(),
            String::new(),
            format!("{} 2", "a".repeat(29)),
        ];
        let names: Vec<String> = wanted.iter().map(|w| sheet_name(w, &mut taken)).collect();
        for name in &names {
            assert!(valid(name), "{name:?}");
        }
        let distinct: BTreeSet<String> = names
            .iter()
            .chain(["nach Ortsteil".into()].iter())
            .map(|n| n.to_lowercase())
            .collect();
        assert_eq!(distinct.len(), names.len() + 1, "{names:?}");
    }

    #[test]
    fn every_sheet_label_fits_in_both_languages() {
        let paths = [
            "consultations.by_topic",
            "consultations.by_language",
            "consultations.by_channel",
            "clients.by_gender",
            "clients.by_age_group",
            "clients.by_origin",
            "clients.by_residence",
            "clients.by_employment",
            "clients.by_district",
            "referrals.by_partner",
            "referrals.by_topic",
            "events.by_kind",
            "sponsors.by_sponsor",
            "sponsors.by_field",
            "sponsors.continuation",
            "sponsors.deadlines",
            "contacts.by_kind",
            "contacts.by_topic",
            "contacts.by_language",
            "organisations.by_partner_kind",
            "organisations.by_topic",
        ];
        for lang in [Lang::De, Lang::En] {
            let mut seen = BTreeSet::new();
            for path in paths {
                let label = labels::sheet(path, lang);
                assert!(valid(label), "{path} {lang:?}: {label:?} is no sheet name");
                assert!(seen.insert(label.to_lowercase()), "{path}: {label} twice");
            }
            let series = format!("{} 2026", labels::sheet("series", lang));
            assert!(valid(&series) && seen.insert(series.to_lowercase()));
        }
    }
}
