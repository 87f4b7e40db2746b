//! A screen made of titled tables (`agenda`): the command builds its
//! sections once, and they are either printed as terminal tables (fitted to
//! the width, through the pager) or written as one Markdown document.

use super::output::{print_table, table};
use crate::model::Lang;
use comfy_table::{ContentArrangement, Table, presets};

/// One titled table: headings are catalogue ids (`ui.heading.…`), rows the
/// cells as the terminal shows them.
#[derive(Debug)]
pub struct Section {
    pub heading: String,
    pub headers: &'static [&'static str],
    pub rows: Vec<Vec<String>>,
    /// Left out entirely without rows (today's hours, sponsor reminders);
    /// otherwise an empty section says "(keine Einträge)".
    pub omit_empty: bool,
}

impl Section {
    /// A section shown even without rows.
    pub fn new(heading: impl Into<String>, headers: &'static [&'static str]) -> Self {
        Section {
            heading: heading.into(),
            headers,
            rows: Vec::new(),
            omit_empty: false,
        }
    }

    /// A section left out without rows.
    pub fn optional(heading: impl Into<String>, headers: &'static [&'static str]) -> Self {
        Section {
            omit_empty: true,
            ..Section::new(heading, headers)
        }
    }

    fn shown(&self) -> bool {
        !(self.omit_empty && self.rows.is_empty())
    }
}

/// Prints `title` and the sections as terminal tables, a blank line before
/// each heading.
pub fn print(title: &str, sections: &[Section], lang: Lang) {
    println!("{title}");
    for s in sections.iter().filter(|s| s.shown()) {
        println!("\n{}", s.heading);
        let mut t = table(lang, s.headers);
        for row in &s.rows {
            t.add_row(row.clone());
        }
        print_table(t, lang);
    }
}

/// `title` and the sections as Markdown: a `#` title, a `##` heading and a
/// pipe table per section, every cell escaped and nothing shortened.
pub fn markdown(title: &str, sections: &[Section], lang: Lang) -> String {
    use crate::print::md_escape;
    let mut out = format!("# {}\n", md_escape(title));
    for s in sections.iter().filter(|s| s.shown()) {
        out.push_str(&format!("\n## {}\n\n", md_escape(&s.heading)));
        if s.rows.is_empty() {
            out.push_str(&format!(
                "{}\n",
                md_escape(crate::i18n::t_in(lang, "ui.output.nothing-found"))
            ));
            continue;
        }
        let mut t = Table::new();
        t.load_style(presets::ASCII_MARKDOWN)
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(
                s.headers
                    .iter()
                    .map(|id| md_escape(crate::i18n::t_in(lang, id)))
                    .collect::<Vec<_>>(),
            );
        for row in &s.rows {
            t.add_row(row.iter().map(|c| md_escape(c)).collect::<Vec<_>>());
        }
        out.push_str(&format!("{t}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections() -> Vec<Section> {
        let mut a = Section::new("Termine", &["ui.heading.id", "ui.heading.notes"]);
        a.rows.push(vec![
            "apt-1".into(),
            "a | b, *wichtig*\nzweite Zeile".into(),
        ]);
        vec![
            Section::optional("Leer und weg", &["ui.heading.id"]),
            a,
            Section::new("Leer", &["ui.heading.id"]),
        ]
    }

    #[test]
    fn markdown_has_headings_pipe_tables_and_escaped_cells() {
        let md = markdown("Agenda 1.–2.", &sections(), Lang::De);
        assert!(md.starts_with("# Agenda 1.–2.\n\n## Termine\n\n"), "{md}");
        assert!(!md.contains("Leer und weg"), "{md}");
        assert!(md.contains("\n## Leer\n\n(keine Einträge)\n"), "{md}");
        let row = md.lines().find(|l| l.contains("apt-1")).unwrap();
        assert_eq!(
            row.trim_end(),
            "| apt-1 | a \\| b, \\*wichtig\\* zweite Zeile |"
        );
        assert!(md.contains("|---"), "{md}");
    }
}
