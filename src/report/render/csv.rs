//! `--format csv`: one row per figure, `section;key;value`, UTF-8 with BOM
//! and `;` so that German spreadsheets open it right. Sections and keys are
//! the JSON names: `consultations;held;12`, `consultations.by_topic;housing;7`,
//! `events.list.0;title;…`.

use crate::report::{Breakdown, Report};

const BOM: &str = "\u{feff}";

pub fn render(report: &Report) -> String {
    let mut out = String::from(BOM);
    line(&mut out, "section", "key", "value");
    for (section, key, value) in rows(report) {
        line(&mut out, &section, &key, &value);
    }
    out
}

/// Every figure as (section, key, value), in report order.
pub fn rows(report: &Report) -> Vec<(String, String, String)> {
    let mut rows = Rows::default();
    rows.add("period", "from", report.period.from);
    rows.add("period", "to", report.period.to);
    rows.text("office", "name", &report.office.name);
    rows.text("office", "area", &report.office.area);

    let c = &report.consultations;
    rows.add("consultations", "held", c.held);
    rows.add("consultations", "cancelled", c.cancelled);
    rows.add("consultations", "no_show", c.no_show);
    rows.add("consultations", "minutes", c.minutes);
    rows.add("consultations", "family_members", c.family_members);
    rows.add("consultations", "with_interpreter", c.with_interpreter);
    rows.breakdown("consultations.by_topic", &c.by_topic);
    rows.breakdown("consultations.by_language", &c.by_language);

    let c = &report.clients;
    rows.add("clients", "unique", c.unique);
    rows.add("clients", "new", c.new);
    rows.add("clients", "in_area", c.in_area);
    rows.breakdown("clients.by_gender", &c.by_gender);
    rows.breakdown("clients.by_age_group", &c.by_age_group);
    rows.breakdown("clients.by_origin", &c.by_origin);
    rows.breakdown("clients.by_residence", &c.by_residence);
    rows.breakdown("clients.by_employment", &c.by_employment);
    rows.breakdown("clients.by_district", &c.by_district);

    let r = &report.referrals;
    rows.add("referrals", "made", r.made);
    rows.add("referrals", "done", r.done);
    rows.add("referrals", "failed", r.failed);
    rows.add("referrals", "withdrawn", r.withdrawn);
    rows.add("referrals", "open_at_end", r.open_at_end);
    rows.add("referrals", "overdue", r.overdue);
    rows.breakdown("referrals.by_partner", &r.by_partner);
    rows.breakdown("referrals.by_topic", &r.by_topic);

    let e = &report.events;
    rows.add("events", "held", e.held);
    rows.breakdown("events.by_kind", &e.by_kind);
    let p = &e.participants;
    rows.add("events.participants", "total", p.total);
    rows.add("events.participants", "women", p.women);
    rows.add("events.participants", "men", p.men);
    rows.add("events.participants", "diverse", p.diverse);
    rows.add("events.participants", "migrants", p.migrants);
    for (i, event) in e.list.iter().enumerate() {
        let section = format!("events.list.{i}");
        rows.add(&section, "date", event.date);
        rows.add(&section, "id", &event.id);
        rows.text(&section, "title", &event.title);
        rows.add(&section, "kind", &event.kind);
        rows.add(&section, "participants", event.participants);
    }

    let s = &report.sponsors;
    rows.add("sponsors", "meetings", s.meetings);
    rows.add("sponsors", "active", s.active);
    rows.add("sponsors", "network_events", s.network_events);
    rows.breakdown("sponsors.by_sponsor", &s.by_sponsor);
    rows.breakdown("sponsors.by_field", &s.by_field);
    for (i, slug) in s.stale.iter().enumerate() {
        rows.add("sponsors.stale", i, slug);
    }

    if let Some(y) = &report.year_to_date {
        for key in crate::model::config::TARGET_KEYS {
            if let Some(v) = y.figure(key) {
                rows.add("year_to_date", key, v);
            }
        }
    }
    if let Some(targets) = &report.targets {
        for t in &targets.0 {
            let section = format!("targets.{}", t.key);
            rows.add(&section, "target", t.target);
            rows.add(&section, "actual", t.actual);
            let percent = t
                .percent_tenths
                .map(|p| format!("{}.{}", p / 10, p % 10))
                .unwrap_or_default();
            rows.add(&section, "percent", percent);
        }
    }

    rows.add(
        "source",
        "commit",
        report.source.commit.as_deref().unwrap_or(""),
    );
    let dirty = report.source.dirty.map_or(String::new(), |d| d.to_string()); // as JSON null
    rows.add("source", "dirty", dirty);
    rows.0
}

#[derive(Default)]
struct Rows(Vec<(String, String, String)>);

impl Rows {
    fn add(&mut self, section: &str, key: impl ToString, value: impl ToString) {
        self.0
            .push((section.to_string(), key.to_string(), value.to_string()));
    }

    /// Text a person typed: a leading `=`, `+`, `-` or `@` would make a
    /// spreadsheet run it as a formula, so it gets a `'` in front.
    fn text(&mut self, section: &str, key: &str, value: &str) {
        let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{value}")
        } else {
            value.to_string()
        };
        self.add(section, key, value);
    }

    fn breakdown(&mut self, section: &str, map: &Breakdown) {
        for (code, n) in map {
            self.add(section, code, n);
        }
    }
}

fn line(out: &mut String, section: &str, key: &str, value: &str) {
    out.push_str(&field(section));
    out.push(';');
    out.push_str(&field(key));
    out.push(';');
    out.push_str(&field(value));
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
        let mut rows = Rows::default();
        rows.text("events.list.0", "title", "=HYPERLINK(\"x\")");
        rows.text("events.list.1", "title", "Frühstück");
        assert_eq!(rows.0[0].2, "'=HYPERLINK(\"x\")");
        assert_eq!(rows.0[1].2, "Frühstück");
    }
}
