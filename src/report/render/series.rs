//! `report series` in every format: one table with a row per month (or
//! quarter), the whole year and the year before beneath; `html` adds column
//! charts. The figures are those of [`Series`]; nothing is computed here.

use super::figures::Value;
use super::{Format, Layout, RenderError, Section, Table, Target, csv, html, md, table, xlsx};
use crate::model::{Config, Lang};
use crate::report::YearToDate;
use crate::report::labels::{self, word};
use crate::report::series::{Beside, By, Series, SeriesRow};
use chrono::Datelike;

/// The figures of a row, in JSON order: the year-to-date figures.
pub const KEYS: [&str; 9] = crate::model::config::TARGET_KEYS;

pub fn render(
    series: &Series,
    format: Format,
    config: &Config,
    lang: Lang,
    target: Target,
) -> Result<Vec<u8>, RenderError> {
    let layout = layout(series, config, lang);
    Ok(match format {
        Format::Json => super::json::render(series).into_bytes(),
        Format::Table => table::render(&layout, target).into_bytes(),
        Format::Md => md::render(&layout).into_bytes(),
        Format::Csv => {
            let mut header = vec![
                word("period", lang).to_string(),
                word("from", lang).to_string(),
                word("to", lang).to_string(),
            ];
            header.extend(
                KEYS.iter()
                    .map(|k| labels::figure("series", k, lang).to_string()),
            );
            let rows: Vec<Vec<String>> = lines(series)
                .into_iter()
                .map(|(key, from, to, figures)| {
                    let mut row = vec![key, from, to];
                    row.extend(numbers(&figures).iter().map(u64::to_string));
                    row
                })
                .collect();
            csv::table(&header, &rows).into_bytes()
        }
        Format::Xlsx => {
            let (header, rows) = sheet_rows(series, &layout, lang);
            xlsx::table_book(&layout.sections[0].title, &header, &rows)?
        }
        Format::Html => html_page(series, &layout, lang).into_bytes(),
    })
}

/// The header and rows of the series as a sheet: the period as shown, its
/// first and last day, and every figure as a number. `layout` is
/// [`layout`] of the same series.
pub fn sheet_rows(series: &Series, layout: &Layout, lang: Lang) -> (Vec<String>, Vec<Vec<Value>>) {
    let t = &layout.sections[0].tables[0];
    let mut header = vec![
        word("period", lang).to_string(),
        word("from", lang).to_string(),
        word("to", lang).to_string(),
    ];
    header.extend(
        KEYS.iter()
            .map(|k| labels::figure("series", k, lang).to_string()),
    );
    let rows: Vec<Vec<Value>> = lines(series)
        .into_iter()
        .zip(&t.rows)
        .map(|((_, from, to, figures), shown)| {
            let mut row = vec![
                Value::Text(shown[0].clone()),
                Value::Text(from),
                Value::Text(to),
            ];
            row.extend(numbers(&figures).into_iter().map(Value::Count));
            row
        })
        .collect();
    (header, rows)
}

/// The header and rows of a monthly or quarterly workbook's series sheet:
/// each month of the year up to the report's end with its first and last
/// day, every figure as a number beside the same figure a year before, and
/// the year to date beside the same span of the year before.
pub fn beside_rows(b: &Beside, lang: Lang) -> (Vec<String>, Vec<Vec<Value>>) {
    let mut header = vec![
        word("month", lang).to_string(),
        word("from", lang).to_string(),
        word("to", lang).to_string(),
    ];
    for k in KEYS {
        let name = labels::figure("series", k, lang);
        header.push(format!("{name} {}", b.year));
        header.push(format!("{name} {}", b.year - 1));
    }
    let row = |label: String, (this, before): &(SeriesRow, SeriesRow)| {
        let mut row = vec![
            Value::Text(label),
            Value::Text(this.from.to_string()),
            Value::Text(this.to.to_string()),
        ];
        for k in KEYS {
            row.push(Value::Count(this.figures.figure(k).unwrap_or(0)));
            row.push(Value::Count(before.figures.figure(k).unwrap_or(0)));
        }
        row
    };
    let mut rows: Vec<Vec<Value>> = b
        .months
        .iter()
        .map(|m| row(labels::month_name(m.0.from.month(), lang).to_string(), m))
        .collect();
    let last = b.to_date.0.to.month();
    let span = match last {
        1 => labels::month_name(1, lang).to_string(),
        m => format!(
            "{} – {}",
            labels::month_name(1, lang),
            labels::month_name(m, lang)
        ),
    };
    rows.push(row(format!("{} {span}", word("total", lang)), &b.to_date));
    (header, rows)
}

fn numbers(f: &YearToDate) -> Vec<u64> {
    f.counts().into_iter().map(|(_, n)| n).collect()
}

/// (key, from, to, figures) of every row, the total and the year before.
fn lines(series: &Series) -> Vec<(String, String, String, YearToDate)> {
    let mut out: Vec<_> = series
        .rows
        .iter()
        .map(|r| {
            let key = match series.by {
                By::Month => format!("{}-{:02}", r.from.year(), r.from.month()),
                By::Quarter => format!("{}-Q{}", r.from.year(), (r.from.month() - 1) / 3 + 1),
            };
            (key, r.from.to_string(), r.to.to_string(), r.figures)
        })
        .collect();
    let year = |y: i32| (format!("{y}-01-01"), format!("{y}-12-31"));
    let (from, to) = year(series.year);
    out.push(("total".into(), from, to, series.total));
    let (from, to) = year(series.year - 1);
    out.push(("previous_year".into(), from, to, series.previous_year));
    out
}

/// The series as a layout of one table.
pub fn layout(series: &Series, config: &Config, lang: Lang) -> Layout {
    let mut header = vec![word(series.by.code(), lang).to_string()];
    header.extend(KEYS.iter().map(|k| labels::short(k, lang).to_string()));
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (i, (_, _, _, figures)) in lines(series).into_iter().enumerate() {
        let label = match series.rows.get(i) {
            Some(r) => match series.by {
                By::Month => labels::month_name(r.from.month(), lang).to_string(),
                By::Quarter => format!("Q{}", (r.from.month() - 1) / 3 + 1),
            },
            None if i == series.rows.len() => format!("{} {}", word("total", lang), series.year),
            None => format!("{} {}", word("previous_year", lang), series.year - 1),
        };
        let mut row = vec![label];
        row.extend(numbers(&figures).iter().map(u64::to_string));
        rows.push(row);
    }
    let mut numeric = vec![false];
    numeric.extend(KEYS.iter().map(|_| true));
    let title = format!(
        "{} {} ({})",
        labels::section("series", lang),
        series.year,
        word(&format!("by_{}", series.by.code()), lang)
    );
    let mut head = Vec::new();
    for (key, value) in [
        ("operator", &config.office.operator),
        ("programme", &config.office.programme),
        ("area", &config.area.name),
    ] {
        if !value.is_empty() {
            head.push((word(key, lang).to_string(), value.clone()));
        }
    }
    Layout {
        lang,
        title: title.clone(),
        office: config.office.name.clone(),
        header: head,
        summary: Vec::new(),
        sections: vec![Section {
            key: "series",
            title,
            tables: vec![
                Table {
                    path: "series".into(),
                    caption: None,
                    header,
                    rows,
                    numeric,
                    codes: Vec::new(),
                },
                legend(lang),
            ],
        }],
        footer: super::footer(&series.source, lang),
    }
}

/// What the short column headings stand for.
fn legend(lang: Lang) -> Table {
    Table {
        path: "series.legend".into(),
        caption: None,
        header: vec![word("legend", lang).to_string()],
        rows: KEYS
            .iter()
            .map(|k| {
                vec![format!(
                    "{} = {}",
                    labels::short(k, lang),
                    labels::figure("series", k, lang)
                )]
            })
            .collect(),
        numeric: vec![false],
        codes: Vec::new(),
    }
}

fn html_page(series: &Series, layout: &Layout, lang: Lang) -> String {
    let mut out = html::open(&format!("{} – {}", layout.title, layout.office), lang);
    html::header(&mut out, layout);
    let t = &layout.sections[0].tables[0];
    out.push_str("<section id=\"series\">\n<div class=\"block\">\n");
    html::table_html(&mut out, t, lang);
    out.push_str("</div>\n<div class=\"block\">\n");
    html::table_html(&mut out, &layout.sections[0].tables[1], lang);
    out.push_str("</div>\n<div>\n");
    for key in ["consultations", "event_participants"] {
        let bars: Vec<(String, u64)> = series
            .rows
            .iter()
            .zip(&t.rows)
            .map(|(r, shown)| {
                let label: String = shown[0].chars().take(3).collect();
                (label, r.figures.figure(key).unwrap_or(0))
            })
            .collect();
        let title = labels::figure("series", key, lang);
        out.push_str(&format!(
            "<figure>\n<figcaption>{}</figcaption>\n{}</figure>\n",
            html::escape(title),
            super::charts::columns(title, &bars)
        ));
    }
    out.push_str("</div>\n</section>\n");
    html::close(&mut out, &layout.footer);
    out
}
