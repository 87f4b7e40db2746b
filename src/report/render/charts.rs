//! Inline SVG bar charts for the HTML report: no scripts, nothing loaded.
//! Every chart is drawn in a fixed viewBox and scaled to the width of its
//! grid cell (`width: 100%`), so none is wider than the page; texts are
//! kept inside the viewBox.

use super::Table;
use super::html::escape;

/// The width of a chart's viewBox; charts stand two to a row.
pub const WIDTH: u64 = 340;
const LABEL: u64 = 118;
const ROW: u64 = 17;
/// Room right of the longest bar for its value ("122,2 % (550 / 450)").
const VALUE_ROOM: u64 = 112;

/// Horizontal bars of a (label, count, …) table.
pub fn bars(t: &Table) -> String {
    let values: Vec<u64> = t
        .rows
        .iter()
        .map(|r| r.get(1).and_then(|v| v.parse().ok()).unwrap_or(0))
        .collect();
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let space = WIDTH - LABEL - 40;
    let height = ROW * t.rows.len() as u64 + 4;
    let mut svg = open(height, &t.header[0]);
    for (i, (row, value)) in t.rows.iter().zip(&values).enumerate() {
        let y = 2 + ROW * i as u64;
        let width = (value * space).div_ceil(max).max(u64::from(*value > 0));
        bar_row(
            &mut svg,
            y,
            &row[0],
            width,
            "bar",
            &value.to_string(),
            width,
        );
    }
    svg.push_str("</svg>\n");
    svg
}

/// One target per row: the bar is the share reached, the red rule 100 %.
/// `lines` are (label, percent in tenths, text beside the bar).
pub fn targets(title: &str, lines: &[(String, u64, String)]) -> String {
    if lines.is_empty() {
        return String::new();
    }
    let scale = lines
        .iter()
        .map(|l| l.1)
        .max()
        .unwrap_or(1000)
        .clamp(1000, 2000);
    let space = WIDTH - LABEL - VALUE_ROOM;
    let height = ROW * lines.len() as u64 + 18;
    let mut svg = open(height, title);
    let x100 = LABEL + 1000 * space / scale;
    for (i, (label, tenths, text)) in lines.iter().enumerate() {
        let tenths = (*tenths).min(scale);
        let y = 2 + ROW * i as u64;
        let width = (tenths * space).div_ceil(scale).max(u64::from(tenths > 0));
        let class = if tenths >= 1000 { "over" } else { "bar" };
        // The text right of the bar and of the 100 % rule, never across it.
        let text_at = (LABEL + width).max(x100) - LABEL;
        bar_row(&mut svg, y, label, width, class, text, text_at);
    }
    let bottom = ROW * lines.len() as u64 + 3;
    svg.push_str(&format!(
        "<line class=\"rule\" x1=\"{x100}\" y1=\"1\" x2=\"{x100}\" y2=\"{bottom}\"/><text x=\"{x100}\" y=\"{}\" text-anchor=\"middle\">100 %</text>",
        bottom + 12
    ));
    svg.push_str("</svg>\n");
    svg
}

/// Vertical bars, one per period, for the series: `bars` are (label, value).
pub fn columns(title: &str, bars: &[(String, u64)]) -> String {
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let (width, height, top, base) = (WIDTH * 2, 150u64, 14u64, 128u64);
    let step = (width - 20) / bars.len().max(1) as u64;
    let mut svg = format!(
        "<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{0}\"><title>{0}</title>",
        escape(title)
    );
    for (i, (label, value)) in bars.iter().enumerate() {
        let x = 10 + step * i as u64;
        let h = (value * (base - top)).div_ceil(max);
        svg.push_str(&format!(
            "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\"/>",
            x + 4,
            base - h,
            step - 8
        ));
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{value}</text>",
            x + step / 2,
            base - h - 3
        ));
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x + step / 2,
            base + 14,
            escape(label)
        ));
    }
    svg.push_str("</svg>\n");
    svg
}

fn open(height: u64, title: &str) -> String {
    format!(
        "<svg viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{0}\"><title>{0}</title>",
        escape(title)
    )
}

/// One labelled bar; its text starts `text_at` right of the label column.
fn bar_row(
    svg: &mut String,
    y: u64,
    label: &str,
    width: u64,
    class: &str,
    text: &str,
    text_at: u64,
) {
    svg.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        LABEL - 5,
        y + 11,
        escape(&shorten(label))
    ));
    svg.push_str(&format!(
        "<rect class=\"{class}\" x=\"{LABEL}\" y=\"{}\" width=\"{width}\" height=\"{}\"/>",
        y + 2,
        ROW - 5
    ));
    svg.push_str(&format!(
        "<text x=\"{}\" y=\"{}\">{}</text>",
        LABEL + text_at + 4,
        y + 11,
        escape(text)
    ));
}

/// Labels longer than the label column are cut with an ellipsis.
pub fn shorten(label: &str) -> String {
    const MAX: usize = 21;
    if label.chars().count() <= MAX {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(MAX - 1).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(shorten("Wohnen"), "Wohnen");
        assert_eq!(shorten(&"x".repeat(40)).chars().count(), 21);
    }

    #[test]
    fn the_longest_target_text_stays_inside_the_chart() {
        // 200 % or more is drawn at the scale's end; its text needs VALUE_ROOM.
        let svg = targets("t", &[("a".into(), 5000, "500,0 % (550 / 110)".into())]);
        let x: u64 = svg
            .split("<text x=\"")
            .nth(2)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .unwrap();
        // 19 characters of 10 px text are about 19 × 5.5 px wide.
        assert!(x + 19 * 11 / 2 <= WIDTH, "{x}");
    }
}
