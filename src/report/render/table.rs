//! `--format table`: headed sections of comfy-table tables that fit an
//! 80-column terminal.

use super::{Layout, Table, Target};
use crate::report::labels::word;
use comfy_table::{CellAlignment, ContentArrangement, presets::UTF8_FULL_CONDENSED};

pub fn render(layout: &Layout, target: Target) -> String {
    let mut out = String::new();
    underline(&mut out, &layout.title, '=');
    out.push_str(&layout.office);
    out.push('\n');
    for (label, value) in &layout.header {
        out.push_str(&format!("{label}: {value}\n"));
    }
    for section in &layout.sections {
        out.push('\n');
        underline(&mut out, &section.title, '-');
        for table in &section.tables {
            out.push_str(&render_table(table, layout, target));
        }
    }
    out.push('\n');
    for line in &layout.footer {
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn underline(out: &mut String, text: &str, mark: char) {
    out.push_str(text);
    out.push('\n');
    out.extend(std::iter::repeat_n(mark, text.chars().count()));
    out.push('\n');
}

fn render_table(t: &Table, layout: &Layout, target: Target) -> String {
    let mut out = String::new();
    if let Some(caption) = &t.caption {
        out.push_str(caption);
        out.push('\n');
    }
    if t.rows.is_empty() {
        let what = t.caption.as_deref().unwrap_or(&t.header[0]);
        if t.caption.is_none() {
            out.push_str(&format!("{what}: {}\n", word("none", layout.lang)));
        } else {
            out.push_str(&format!("({})\n", word("none", layout.lang)));
        }
        return out;
    }
    let mut table = comfy_table::Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(t.header.clone());
    if !target.terminal {
        table.set_width(80);
    }
    for row in &t.rows {
        table.add_row(row.clone());
    }
    for (i, numeric) in t.numeric.iter().enumerate() {
        if *numeric && let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}
