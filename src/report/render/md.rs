//! `--format md`: a Markdown document for the archive or an e-mail.

use super::{Layout, Table};
use crate::report::labels::word;

pub fn render(layout: &Layout) -> String {
    let mut out = format!(
        "# {}\n\n**{}**  \n",
        escape(&layout.title),
        escape(&layout.office)
    );
    let header: Vec<String> = layout
        .header
        .iter()
        .map(|(label, value)| format!("{}: {}", escape(label), escape(value)))
        .collect();
    out.push_str(&header.join("  \n"));
    out.push('\n');
    for section in &layout.sections {
        out.push_str(&format!("\n## {}\n", escape(&section.title)));
        for table in &section.tables {
            out.push('\n');
            table_md(&mut out, table, layout);
        }
    }
    out.push_str("\n---\n\n");
    let footer: Vec<String> = layout.footer.iter().map(|l| escape(l)).collect();
    out.push_str(&footer.join("  \n"));
    out.push('\n');
    out
}

fn table_md(out: &mut String, t: &Table, layout: &Layout) {
    if let Some(caption) = &t.caption {
        out.push_str(&format!("### {}\n\n", escape(caption)));
    }
    if t.rows.is_empty() {
        match &t.caption {
            Some(_) => out.push_str(&format!("_{}_\n", word("none", layout.lang))),
            None => out.push_str(&format!(
                "{}: _{}_\n",
                escape(&t.header[0]),
                word("none", layout.lang)
            )),
        }
        return;
    }
    row(out, &t.header);
    let rule: Vec<String> = t
        .numeric
        .iter()
        .map(|n| {
            if *n {
                "---:".to_string()
            } else {
                "---".to_string()
            }
        })
        .collect();
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for r in &t.rows {
        row(out, r);
    }
}

fn row(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
    out.push_str(&format!("| {} |\n", cells.join(" | ")));
}

/// Text that Markdown shows as it is: markup characters get a backslash,
/// line breaks become spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_in_record_text_is_escaped() {
        assert_eq!(escape("a|b *c* <x>"), "a\\|b \\*c\\* \\<x\\>");
        assert_eq!(escape("zwei\nZeilen"), "zwei Zeilen");
    }
}
