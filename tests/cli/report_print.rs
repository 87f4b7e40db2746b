//! The print layout of the HTML report, checked without a browser: the
//! sample office's yearly report keeps every table and chart inside the A4
//! content width and no heading apart from what follows it.
//! `scripts/print-check.sh` prints it with headless Chromium and counts pages.

use crate::support::run_in;
use std::path::Path;

fn sample_yearly() -> String {
    let records = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    let run = run_in(
        &records,
        &[
            "--records",
            records.to_str().unwrap(),
            "report",
            "yearly",
            "--year",
            "2025",
            "--format",
            "html",
        ],
        &[],
    );
    run.ok();
    run.stdout.clone()
}

/// The number in "NNmm" after `key` in the style sheet.
fn mm_after(css: &str, key: &str) -> Vec<f64> {
    let at = css
        .find(key)
        .unwrap_or_else(|| panic!("no `{key}` in the style"));
    let rest = &css[at + key.len()..];
    let end = rest.find(';').unwrap();
    rest[..end]
        .split_whitespace()
        .map(|v| v.trim_end_matches("mm").parse().unwrap())
        .collect()
}

/// Rough widths of Liberation Sans (Arial metrics) at 8 pt: 0.5 em a
/// character, 0.55 bold.
const EM_MM: f64 = 8.0 * 0.3528;

/// The narrowest a table can be without breaking a word: per column the
/// longest word of any cell (a number cell does not wrap at all), plus padding.
fn min_width_mm(table: &str) -> f64 {
    let mut columns: Vec<f64> = Vec::new();
    for row in table.split("<tr>").skip(1) {
        for (i, cell) in row.split("</t").filter(|c| c.contains("<t")).enumerate() {
            let numeric = cell.contains("class=\"num\"");
            let header = cell.contains("<th");
            let cell = cell.replace("<wbr>", "");
            let text = cell.rsplit('>').next().unwrap_or("");
            let text = text.replace("&amp;", "&").replace("&quot;", "\"");
            let longest = if numeric {
                text.chars().count()
            } else {
                text.split([' ', '-', '/'])
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(0)
            };
            let per = if header { 0.55 } else { 0.5 };
            // Padding 1 mm each side (the style sheet's `padding: 0.2mm 1mm`), border.
            let width = longest as f64 * per * EM_MM + 2.0 + 0.3;
            if columns.len() <= i {
                columns.push(0.0);
            }
            columns[i] = columns[i].max(width);
        }
    }
    columns.iter().sum()
}

#[test]
fn nothing_is_wider_than_an_a4_page() {
    let html = sample_yearly();
    let css = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    assert!(css.contains("size: A4"));
    let margins = mm_after(css, "@page { size: A4; margin: ");
    let content = 210.0 - margins[1] - margins[3];
    assert!(content > 170.0, "{content}");
    assert!(css.contains("body {") && css.contains("font-size: 8pt;"));
    // Columns: three to a row (gap 4 mm), two (gap 5 mm), or the whole width.
    let third = (content - 2.0 * 4.0) / 3.0;
    let half = (content - 5.0) / 2.0;
    assert!(css.contains(".cols3 { columns: 3; column-gap: 4mm; }"));
    assert!(css.contains(".cols2 { columns: 2; column-gap: 5mm; }"));
    assert!(css.contains("grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 2.5mm 5mm"));
    assert!(css.contains("svg { display: block; width: 100%; max-width: 100%"));

    let mut tables = 0;
    for (part, container) in split_by_container(&html) {
        for t in part.split("<table>").skip(1) {
            let t = &t[..t.find("</table>").unwrap()];
            let room = match container {
                "cols3" => third,
                "cols2" | "grid2" => half,
                _ => content,
            };
            let need = min_width_mm(t);
            assert!(
                need <= room,
                "a table needs {need:.1} mm in a column of {room:.1} mm: {}",
                &t[..t.len().min(300)]
            );
            tables += 1;
        }
    }
    assert!(tables >= 15, "only {tables} tables");
    for svg in html.split("<svg ").skip(1) {
        let width: f64 = svg
            .split("width=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .unwrap();
        let viewbox: Vec<f64> = svg
            .split("viewBox=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .split(' ')
            .map(|v| v.parse().unwrap())
            .collect();
        assert_eq!(viewbox[2], width, "scaled by its viewBox");
        // Every text ends inside the viewBox (labels are cut to fit).
        for text in svg.split("<text x=\"").skip(1) {
            let x: f64 = text.split('"').next().unwrap().parse().unwrap();
            let content = text.split('>').nth(1).unwrap().split('<').next().unwrap();
            let len = content.chars().count() as f64 * 5.5;
            let end = if text.contains("text-anchor=\"end\"") {
                x
            } else if text.contains("text-anchor=\"middle\"") {
                x + len / 2.0
            } else {
                x + len
            };
            assert!(end <= width + 0.5, "`{content}` ends at {end} of {width}");
        }
    }
}

/// The HTML cut at each grid container, with the container's class.
fn split_by_container(html: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = html;
    let mut current = "page";
    loop {
        let next = [
            "<div class=\"cols3\">",
            "<div class=\"cols2\">",
            "<div class=\"grid2\">",
            "<div class=\"wide\">",
        ]
        .iter()
        .filter_map(|m| rest.find(m).map(|i| (i, *m)))
        .min();
        match next {
            None => {
                out.push((rest, current));
                return out;
            }
            Some((i, marker)) => {
                out.push((&rest[..i], current));
                current = marker
                    .trim_start_matches("<div class=\"")
                    .trim_end_matches("\">");
                rest = &rest[i + marker.len()..];
            }
        }
    }
}

#[test]
fn headings_stay_with_what_follows_and_the_summary_comes_first() {
    let html = sample_yearly();
    assert!(html.contains("h2, h3 { break-after: avoid; page-break-after: avoid; }"));
    assert!(html.contains(".block { break-inside: avoid;"));
    for tag in ["<h2>", "<h3>"] {
        for after in html.split(tag).skip(1) {
            let close = if tag == "<h2>" { "</h2>" } else { "</h3>" };
            let next = after[after.find(close).unwrap() + close.len()..].trim_start();
            assert!(
                next.starts_with("<div") || next.starts_with("<table") || next.starts_with("<p"),
                "a heading followed by {}",
                &next[..next.len().min(60)]
            );
        }
    }
    // The key figures and the targets come before every section.
    let summary = html.find("id=\"summary\"").unwrap();
    let targets = html.find("<h3>Zielwerte des Jahres 2025</h3>").unwrap();
    let first_section = html.find("id=\"consultations\"").unwrap();
    assert!(summary < targets && targets < first_section);
    assert!(html.find("class=\"cards\"").unwrap() < targets);
}
