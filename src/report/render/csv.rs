//! `--format csv` (SPEC §3.3 v2): one row per figure,
//! `section;key;label;value`, UTF-8 with BOM and `;`. Sections and keys are
//! the JSON names (`consultations;held;…`, `consultations.by_topic;housing;…`,
//! `events.list.0;title;…`, `sponsors.stale;0;…;slug`); labels are in the
//! report's language, and in German the decimal separator is a comma
//! (`41,7`) so that German Excel and LibreOffice read numbers as numbers.
//! A `null` percent is an empty value.

use super::figures::{self, Value};
use crate::model::{Config, Lang};
use crate::report::Report;

const BOM: &str = "\u{feff}";

pub fn render(report: &Report, config: &Config, lang: Lang) -> String {
    let mut out = String::from(BOM);
    line(
        &mut out,
        &["section", "key", "label", "value"].map(String::from),
    );
    let decimal = decimal(lang);
    for row in figures::rows(report, config, lang) {
        let value = match &row.value {
            Value::Text(s) => defuse(s),
            v => v.text(decimal),
        };
        line(&mut out, &[row.section, row.key, defuse(&row.label), value]);
    }
    out
}

/// The decimal separator spreadsheets expect in `lang`.
pub fn decimal(lang: Lang) -> char {
    match lang {
        Lang::De => ',',
        Lang::En => '.',
    }
}

/// A header line of column labels followed by rows of cells, for tables
/// such as the series.
pub fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    line(&mut out, header);
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| defuse(c)).collect();
        line(&mut out, &cells);
    }
    out
}

/// Text a person typed: a leading `=`, `+`, `-` or `@` would make a
/// spreadsheet run it as a formula, so it gets a `'` in front.
pub fn defuse(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

fn line(out: &mut String, cells: &[String]) {
    let fields: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&fields.join(";"));
    out.push('\n');
}

/// A field, quoted when it holds `;`, a quote, a line break or edge spaces.
fn field(s: &str) -> String {
    let needs_quotes = s.contains([';', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("housing"), "housing");
        assert_eq!(field("Café; Abend"), "\"Café; Abend\"");
        assert_eq!(field("Das \"Fest\""), "\"Das \"\"Fest\"\"\"");
        assert_eq!(field("zwei\nZeilen"), "\"zwei\nZeilen\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("Frühstück"), "Frühstück");
    }

    #[test]
    fn percent_uses_the_decimal_comma_in_german() {
        assert_eq!(Value::Percent(Some(417)).text(decimal(Lang::De)), "41,7");
        assert_eq!(Value::Percent(Some(417)).text(decimal(Lang::En)), "41.7");
        assert_eq!(Value::Percent(None).text(','), "");
    }
}
