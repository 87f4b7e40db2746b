//! `--format html`: one self-contained, print-ready A4 document (SPEC §3.3):
//! the office header, the key figures with the targets at the top of page
//! 1, charts in a grid, then the sections with their small tables side by
//! side (percentages beside counts). CSS paged media keeps every table and
//! chart whole (`break-inside: avoid`) and no heading alone at the bottom of
//! a page (`break-after: avoid`); columns are `minmax(0, 1fr)` and long
//! words wrap, so nothing is wider than the page. No scripts, nothing loaded
//! from anywhere; every text from the records is escaped.

use super::charts;
use super::{Layout, Section, Table};
use crate::model::Lang;
use crate::report::Report;
use crate::report::labels::{self, word};

/// The page: A4 with these margins leaves 182 mm × 265 mm for content.
pub const STYLE: &str = "@page { size: A4; margin: 14mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: \"Liberation Sans\", \"DejaVu Sans\", Arial, Helvetica, sans-serif; font-size: 8pt; color: #111; margin: 0 auto; max-width: 182mm; line-height: 1.2; overflow-wrap: anywhere; }
header.top { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2mm 6mm; border-bottom: 2px solid #1f4e79; padding-bottom: 2mm; margin-bottom: 3mm; }
h1 { font-size: 15pt; margin: 0; color: #1f4e79; grid-column: 1 / -1; }
h2 { font-size: 11pt; margin: 3.5mm 0 1.5mm 0; color: #1f4e79; border-bottom: 1px solid #c8d3e0; padding-bottom: 0.5mm; }
h3 { font-size: 9pt; margin: 0 0 1mm 0; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.office { font-weight: bold; font-size: 10.5pt; margin: 0; }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.3mm 3mm; margin: 0; }
dt { color: #444; } dd { margin: 0; }
.cards { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 2mm; margin: 0 0 2.5mm 0; }
.card { border: 1px solid #c8d3e0; border-radius: 1.5mm; padding: 1.5mm; background: #f5f8fb; break-inside: avoid; }
.card .n { font-size: 14pt; font-weight: bold; color: #1f4e79; display: block; }
.card .l { font-size: 7.5pt; color: #333; display: block; }
.grid2 { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 2.5mm 5mm; align-items: start; }
.cols3 { columns: 3; column-gap: 4mm; }
.cols2 { columns: 2; column-gap: 5mm; }
.block { break-inside: avoid; page-break-inside: avoid; min-width: 0; margin: 0 0 2mm 0; }
.wide { margin: 1.5mm 0 2mm 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8d3e0; padding: 0.2mm 1mm; text-align: left; vertical-align: top; }
th { background: #eef3f8; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; overflow-wrap: normal; }
p.none { color: #555; margin: 0 0 1mm 0; }
svg { display: block; width: 100%; max-width: 100%; height: auto; }
svg text { font-family: inherit; font-size: 10px; fill: #111; }
svg .bar { fill: #2e75b6; } svg .over { fill: #548235; } svg .rule { stroke: #c00000; stroke-width: 1.5; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; min-width: 0; }
figcaption { font-weight: bold; font-size: 8.5pt; margin: 0 0 0.5mm 0; }
footer { margin-top: 4mm; border-top: 1px solid #c8d3e0; padding-top: 1.5mm; font-size: 7.5pt; color: #444; break-inside: avoid; }
@media screen { body { padding: 8mm 0; } }
";

/// The breakdowns drawn as bar charts, in the chart grid of page 1.
pub const CHARTS: [&str; 4] = [
    "consultations.by_topic",
    "clients.by_district",
    "clients.by_gender",
    "clients.by_age_group",
];

pub fn render(report: &Report, layout: &Layout, lang: Lang) -> String {
    let mut out = open(&format!("{} – {}", layout.title, layout.office), lang);
    header(&mut out, layout);
    summary(&mut out, report, layout, lang);
    charts_grid(&mut out, layout);
    for section in &layout.sections {
        if section.key != "targets" {
            section_html(&mut out, section, lang);
        }
    }
    close(&mut out, &layout.footer);
    out
}

/// `<!DOCTYPE html>` … `<body>` with the style sheet.
pub fn open(title: &str, lang: Lang) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        lang.code(),
        escape(title)
    )
}

/// The footer lines and the end of the document.
pub fn close(out: &mut String, footer: &[String]) {
    out.push_str("<footer>\n");
    for line in footer {
        out.push_str(&format!("<div>{}</div>\n", escape(line)));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
}

/// The office header: title, office, operator, programme, area, period.
pub fn header(out: &mut String, layout: &Layout) {
    out.push_str(&format!(
        "<header class=\"top\">\n<h1>{}</h1>\n<p class=\"office\">{}</p>\n<dl>\n",
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
}

/// The key figures as cards, and the targets (table and chart) beside each other.
fn summary(out: &mut String, report: &Report, layout: &Layout, lang: Lang) {
    out.push_str(&format!(
        "<section id=\"summary\">\n<h2>{}</h2>\n<div class=\"cards\">\n",
        escape(word("key_figures", lang))
    ));
    for (label, value) in &layout.summary {
        out.push_str(&format!(
            "<div class=\"card\"><span class=\"n\">{}</span><span class=\"l\">{}</span></div>\n",
            escape(value),
            escape(label)
        ));
    }
    out.push_str("</div>\n");
    if let Some(section) = layout.sections.iter().find(|s| s.key == "targets") {
        out.push_str(&format!(
            "<h3>{}</h3>\n<div class=\"grid2\">\n",
            escape(&section.title)
        ));
        for table in &section.tables {
            out.push_str("<div class=\"block\">\n");
            table_html(out, table, lang);
            out.push_str("</div>\n");
        }
        out.push_str(&format!(
            "<figure>{}</figure>\n</div>\n",
            targets_chart(report, lang)
        ));
    }
    out.push_str("</section>\n");
}

/// The charts of page 1, two to a row.
fn charts_grid(out: &mut String, layout: &Layout) {
    let tables: Vec<&Table> = CHARTS
        .iter()
        .filter_map(|path| layout.table(path))
        .filter(|t| !t.rows.is_empty())
        .collect();
    if tables.is_empty() {
        return;
    }
    out.push_str("<section id=\"charts\">\n<div class=\"grid2\">\n");
    for t in tables {
        out.push_str(&format!(
            "<figure>\n<figcaption>{}</figcaption>\n{}</figure>\n",
            escape(&chart_caption(t, layout)),
            charts::bars(t)
        ));
    }
    out.push_str("</div>\n</section>\n");
}

/// "Beratene Personen: nach Geschlecht"; a caption of its own stays.
fn chart_caption(t: &Table, layout: &Layout) -> String {
    let section = t.path.split('.').next().unwrap_or("");
    let heading = t.header[0].as_str();
    match labels::section(section, layout.lang) {
        "" => heading.to_string(),
        s if heading.starts_with(char::is_lowercase) => format!("{s}: {heading}"),
        _ => heading.to_string(),
    }
}

/// A section: its heading, then its small tables flowing in three columns
/// (two when a label is long, such as a partner's name), each table whole;
/// a table of more than three columns (the events held) takes the whole
/// width below them.
pub fn section_html(out: &mut String, section: &Section, lang: Lang) {
    let (small, wide): (Vec<&Table>, Vec<&Table>) =
        section.tables.iter().partition(|t| !is_wide(t));
    let columns = if small.iter().any(|t| has_long_labels(t)) {
        "cols2"
    } else {
        "cols3"
    };
    out.push_str(&format!(
        "<section id=\"{}\">\n<h2>{}</h2>\n<div class=\"{columns}\">\n",
        section.key,
        escape(&section.title)
    ));
    for table in small {
        out.push_str("<div class=\"block\">\n");
        table_html(out, table, lang);
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
    for table in wide {
        out.push_str("<div class=\"wide\">\n");
        table_html(out, table, lang);
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

/// Tables of more than three columns take the whole width.
pub fn is_wide(t: &Table) -> bool {
    t.header.len() > 3
}

/// Labels that would wrap into several lines in a third of the page, or
/// hold a word too long for it ("Informationsveranstaltung").
fn has_long_labels(t: &Table) -> bool {
    t.rows.iter().any(|r| {
        r[0].chars().count() > 30 || r[0].split([' ', '-', '/']).any(|w| w.chars().count() > 20)
    })
}

pub fn table_html(out: &mut String, t: &Table, lang: Lang) {
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
            out.push_str(&format!("<td{}>{}</td>", class(t, i), breakable(cell)));
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

/// Target against actual: bars of the percentage reached, a rule at 100 %.
fn targets_chart(report: &Report, lang: Lang) -> String {
    let Some(targets) = &report.targets else {
        return String::new();
    };
    let lines: Vec<(String, u64, String)> = targets
        .0
        .iter()
        .filter_map(|t| {
            let tenths = t.percent_tenths?;
            Some((
                labels::figure("targets", t.key, lang).to_string(),
                tenths,
                format!(
                    "{} ({} / {})",
                    labels::percent(Some(tenths), lang),
                    t.actual,
                    t.target
                ),
            ))
        })
        .collect();
    charts::targets(labels::section("targets", lang), &lines)
}

/// Escaped text that may break after a `/` ("Aufenthalt/Asylverfahren").
fn breakable(s: &str) -> String {
    escape(s).replace('/', "/<wbr>")
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
}
