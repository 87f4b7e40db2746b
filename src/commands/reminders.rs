//! What the office's mandate adds to the morning screen (`agenda`, `status`):
//! today's consultation hours from `[[hours]]`. Reminders about today, never
//! `check` findings (SPEC §1.3).

use crate::commands::shared::{print_table, table};
use crate::model::hours::{self, Hours};
use crate::model::{Code, Config, Lang};
use chrono::NaiveDate;
use serde::Serialize;

/// A consultation hour held today, as `agenda --json` prints it.
#[derive(Debug, Serialize)]
pub struct TodaysHour<'a> {
    pub day: &'static str,
    pub from: String,
    pub to: String,
    pub kind: &'static str,
    pub location: Option<&'a str>,
    pub languages: &'a [String],
}

/// The consultation hours held on `today`, earliest first.
pub fn todays_hours(config: &Config, today: NaiveDate) -> Vec<TodaysHour<'_>> {
    hours::on(&config.hours, today)
        .into_iter()
        .map(|h: &Hours| TodaysHour {
            day: hours::day_code(h.day),
            from: h.from.format("%H:%M").to_string(),
            to: h.to.format("%H:%M").to_string(),
            kind: h.kind.code(),
            location: h.location.as_deref(),
            languages: &h.languages,
        })
        .collect()
}

/// Prints today's hours as a small table; nothing at all on a day without one.
pub fn print_todays_hours(config: &Config, lang: Lang, today: NaiveDate) {
    let todays = hours::on(&config.hours, today);
    if todays.is_empty() {
        return;
    }
    println!(
        "{}",
        lang.pick("Sprechstunden heute", "Consultation hours today")
    );
    let mut t = table(
        lang,
        &[
            ("Zeit", "Time"),
            ("Sprechstunde", "Hour"),
            ("Ort", "Location"),
            ("Sprachen", "Languages"),
        ],
    );
    for h in todays {
        t.add_row(vec![
            h.span_text(),
            h.kind.label(lang).to_string(),
            h.location.clone().unwrap_or_default(),
            h.languages.join(", "),
        ]);
    }
    print_table(t, lang);
    println!();
}
