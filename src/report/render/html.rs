//! `--format html`: one self-contained, print-ready A4 page — office header,
//! the tables and inline SVG bar charts. No scripts, nothing loaded from
//! anywhere; every text from the records is escaped.

use super::{Layout, Table};
use crate::model::Lang;
use crate::report::Report;
use crate::report::labels::{self, word};

const STYLE: &str = "@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: \"Liberation Sans\", \"DejaVu Sans\", Arial, Helvetica, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 180mm; line-height: 1.35; }
header { border-bottom: 2px solid #1f4e79; padding-bottom: 4mm; margin-bottom: 5mm; }
h1 { font-size: 17pt; margin: 0 0 2mm 0; color: #1f4e79; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm 0; color: #1f4e79; border-bottom: 1px solid #c8d3e0; padding-bottom: 1mm; }
h3 { font-size: 10.5pt; margin: 3mm 0 1mm 0; }
.office { font-weight: bold; font-size: 11.5pt; margin: 0 0 1mm 0; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0.5mm 4mm; margin: 0; }
dt { color: #444; } dd { margin: 0; }
section { break-inside: auto; }
.block { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3mm 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8d3e0; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #eef3f8; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
p.none { color: #555; margin: 1mm 0 3mm 0; }
svg { display: block; width: 100%; height: auto; margin: 1mm 0 3mm 0; }
svg text { font-family: inherit; font-size: 11px; fill: #111; }
svg .bar { fill: #2e75b6; } svg .over { fill: #548235; } svg .rule { stroke: #c00000; stroke-width: 1.5; }
footer { margin-top: 8mm; border-top: 1px solid #c8d3e0; padding-top: 2mm; font-size: 8.5pt; color: #444; }
@media print { body { max-width: none; } a { color: inherit; text-decoration: none; } }
";

/// The breakdowns drawn as bar charts, below their tables.
const CHARTS: [&str; 4] = [
    "consultations.by_topic",
    "clients.by_district",
    "clients.by_gender",
    "clients.by_age_group",
];

pub fn render(report: &Report, layout: &Layout, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        lang.code(),
        escape(&format!("{} – {}", layout.title, layout.office))
    ));
    out.push_str(&format!(
        "<header>\n<h1>{}</h1>\n<p class=\"office\">{}</p>\n<dl>\n",
        escape(&layout.title),
        escape(&layout.office)
    ));
    for (label, value) in &layout.header {
        out.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            escape(label),
            escape(value)
        ));
    }
    out.push_str("</dl>\n</header>\n");
    for section in &layout.sections {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            section.key,
            escape(&section.title)
        ));
        for table in &section.tables {
            out.push_str("<div class=\"block\">\n");
            table_html(&mut out, table, lang);
            if CHARTS.contains(&table.path.as_str()) && !table.rows.is_empty() {
                out.push_str(&bar_chart(table));
            }
            if table.path == "targets" {
                out.push_str(&targets_chart(report, layout, lang));
            }
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("<footer>\n");
    for line in &layout.footer {
        out.push_str(&format!("<div>{}</div>\n", escape(line)));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

fn table_html(out: &mut String, t: &Table, lang: Lang) {
    if let Some(caption) = &t.caption {
        out.push_str(&format!("<h3>{}</h3>\n", escape(caption)));
    }
    if t.rows.is_empty() {
        let what = match &t.caption {
            Some(_) => String::new(),
            None => format!("{}: ", escape(&t.header[0])),
        };
        out.push_str(&format!(
            "<p class=\"none\">{what}{}</p>\n",
            word("none", lang)
        ));
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for (i, h) in t.header.iter().enumerate() {
        out.push_str(&format!("<th{}>{}</th>", class(t, i), escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", class(t, i), escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn class(t: &Table, column: usize) -> &'static str {
    if t.numeric.get(column).copied().unwrap_or(false) {
        " class=\"num\""
    } else {
        ""
    }
}

const CHART_WIDTH: u64 = 640;
const LABEL_WIDTH: u64 = 210;
const BAR_SPACE: u64 = 360;
const ROW_HEIGHT: u64 = 22;

/// Horizontal bars of a two-column (label, count) table.
fn bar_chart(t: &Table) -> String {
    let values: Vec<u64> = t
        .rows
        .iter()
        .map(|r| r.get(1).and_then(|v| v.parse().ok()).unwrap_or(0))
        .collect();
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let height = ROW_HEIGHT * t.rows.len() as u64 + 6;
    let mut svg = svg_open(height, &t.header[0]);
    for (i, (row, value)) in t.rows.iter().zip(&values).enumerate() {
        let y = 3 + ROW_HEIGHT * i as u64;
        let width = (value * BAR_SPACE).div_ceil(max).max(u64::from(*value > 0));
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL_WIDTH - 8,
            y + 15,
            escape(&shorten(&row[0]))
        ));
        svg.push_str(&format!(
            "<rect class=\"bar\" x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{width}\" height=\"{}\"/>",
            y + 3,
            ROW_HEIGHT - 6
        ));
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\">{value}</text>",
            LABEL_WIDTH + width + 6,
            y + 15
        ));
    }
    svg.push_str("</svg>\n");
    svg
}

/// Target vs actual: bars of the percentage reached, a red line at 100 %.
fn targets_chart(report: &Report, layout: &Layout, lang: Lang) -> String {
    let Some(targets) = &report.targets else {
        return String::new();
    };
    let lines: Vec<_> = targets
        .0
        .iter()
        .filter(|t| t.percent_tenths.is_some())
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    let scale = lines
        .iter()
        .filter_map(|t| t.percent_tenths)
        .max()
        .unwrap_or(1000)
        .clamp(1000, 2000);
    let height = ROW_HEIGHT * lines.len() as u64 + 22;
    let mut svg = svg_open(height, labels::section("targets", layout.lang));
    for (i, t) in lines.iter().enumerate() {
        let tenths = t.percent_tenths.unwrap_or(0).min(scale);
        let y = 3 + ROW_HEIGHT * i as u64;
        let width = (tenths * BAR_SPACE)
            .div_ceil(scale)
            .max(u64::from(tenths > 0));
        let class = if tenths >= 1000 { "over" } else { "bar" };
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL_WIDTH - 8,
            y + 15,
            escape(&shorten(labels::figure("targets", t.key, lang)))
        ));
        svg.push_str(&format!(
            "<rect class=\"{class}\" x=\"{LABEL_WIDTH}\" y=\"{}\" width=\"{width}\" height=\"{}\"/>",
            y + 3,
            ROW_HEIGHT - 6
        ));
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\">{} ({} / {})</text>",
            LABEL_WIDTH + width + 6,
            y + 15,
            escape(&labels::percent(t.percent_tenths, lang)),
            t.actual,
            t.target
        ));
    }
    let x100 = LABEL_WIDTH + 1000 * BAR_SPACE / scale;
    let bottom = ROW_HEIGHT * lines.len() as u64 + 4;
    svg.push_str(&format!(
        "<line class=\"rule\" x1=\"{x100}\" y1=\"1\" x2=\"{x100}\" y2=\"{bottom}\"/><text x=\"{x100}\" y=\"{}\" text-anchor=\"middle\">100 %</text>",
        bottom + 14
    ));
    svg.push_str("</svg>\n");
    svg
}

fn svg_open(height: u64, title: &str) -> String {
    format!(
        "<svg viewBox=\"0 0 {CHART_WIDTH} {height}\" width=\"{CHART_WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{0}\"><title>{0}</title>",
        escape(title)
    )
}

/// Labels longer than the label column are cut with an ellipsis.
fn shorten(label: &str) -> String {
    const MAX: usize = 32;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(MAX - 1).collect();
        s.push('…');
        s
    }
}

/// Text safe in HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_text_cannot_open_tags() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(shorten("Wohnen"), "Wohnen");
        assert_eq!(shorten(&"x".repeat(40)).chars().count(), 32);
    }
}
