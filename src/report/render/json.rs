//! `--format json`: the report object of SPEC §3.2.

pub fn render(report: &impl serde::Serialize) -> String {
    let mut text = serde_json::to_string_pretty(report).expect("a report is plain data");
    text.push('\n');
    text
}
