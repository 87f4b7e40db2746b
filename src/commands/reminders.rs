//! What the office's mandate adds to the morning screen (`agenda`, `status`):
//! today's consultation hours from `[[hours]]`. Reminders about today, never
//! `check` findings (SPEC §1.3).

use crate::commands::shared::date_cell;
use crate::commands::shared::sections::Section;
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

/// Today's hours as a small table; left out on a day without one.
pub fn hours_section(config: &Config, lang: Lang, today: NaiveDate) -> Section {
    let mut s = Section::optional(
        crate::i18n::t_in(lang, "ui.reminders.consultation-hours-today"),
        &[
            "ui.heading.time",
            "ui.heading.hour",
            "ui.heading.location",
            "ui.heading.languages",
        ],
    );
    for h in hours::on(&config.hours, today) {
        s.rows.push(vec![
            h.span_text(),
            h.kind.label(lang).to_string(),
            h.location.clone().unwrap_or_default(),
            h.languages.join(", "),
        ]);
    }
    s
}

/// A sponsor deadline not yet handed in: due within the agenda, or overdue.
#[derive(Debug, Serialize)]
pub struct DueDeadline<'a> {
    pub sponsor: &'a str,
    pub kind: &'static str,
    pub due: NaiveDate,
    pub overdue: bool,
    pub notes: Option<&'a str>,
}

/// Deadlines not handed in by `today` and due by `until`, earliest first.
pub fn due_deadlines<'a>(
    sponsors: impl Iterator<Item = &'a crate::model::Sponsor>,
    today: NaiveDate,
    until: NaiveDate,
) -> Vec<DueDeadline<'a>> {
    let mut out: Vec<DueDeadline> = sponsors
        .flat_map(|s| s.deadlines.iter().map(move |d| (s, d)))
        .filter(|(_, d)| !d.done_by(today) && d.due <= until)
        .map(|(s, d)| DueDeadline {
            sponsor: &s.id,
            kind: d.kind.code(),
            due: d.due,
            overdue: d.due < today,
            notes: d.notes.as_deref(),
        })
        .collect();
    out.sort_by(|a, b| (a.due, a.sponsor, a.kind).cmp(&(b.due, b.sponsor, b.kind)));
    out
}

/// How far ahead a project's end makes an open continuation a reminder.
pub const CONTINUATION_MONTHS: u32 = 6;

/// An active sponsor whose project ends soon with `continuation = "open"`.
#[derive(Debug, Serialize)]
pub struct OpenContinuation {
    pub sponsor: String,
    pub name: String,
    pub end: NaiveDate,
}

/// Active sponsors running today whose end lies within
/// [`CONTINUATION_MONTHS`] months and whose continuation is still open.
pub fn open_continuations<'a>(
    sponsors: impl Iterator<Item = &'a crate::model::Sponsor>,
    today: NaiveDate,
) -> Vec<OpenContinuation> {
    let horizon = today
        .checked_add_months(chrono::Months::new(CONTINUATION_MONTHS))
        .unwrap_or(NaiveDate::MAX);
    let mut out: Vec<OpenContinuation> = sponsors
        .filter(|s| s.status == crate::model::SponsorStatus::Active && s.runs_on(today))
        .filter(|s| s.continuation() == crate::model::Continuation::Open)
        .filter_map(|s| {
            let end = s.end?;
            (end <= horizon).then_some(OpenContinuation {
                sponsor: s.id.clone(),
                name: s.name.clone(),
                end,
            })
        })
        .collect();
    out.sort_by(|a, b| (a.end, &a.sponsor).cmp(&(b.end, &b.sponsor)));
    out
}

/// The deadlines and continuation reminders; each left out when empty.
pub fn sponsor_sections(
    deadlines: &[DueDeadline],
    continuations: &[OpenContinuation],
    lang: Lang,
) -> [Section; 2] {
    let mut due = Section::optional(
        crate::i18n::t_in(lang, "ui.reminders.sponsor-deadlines"),
        &[
            "ui.heading.due",
            "ui.heading.sponsor",
            "ui.heading.deadline",
            "ui.heading.notes",
        ],
    );
    for d in deadlines {
        let kind = crate::model::DeadlineKind::from_code(d.kind).map_or(d.kind, |k| k.label(lang));
        let day = date_cell(d.due, lang);
        due.rows.push(vec![
            if d.overdue {
                format!("{day} {}", crate::i18n::t_in(lang, "ui.reminders.overdue"))
            } else {
                day
            },
            d.sponsor.to_string(),
            kind.to_string(),
            d.notes.unwrap_or_default().to_string(),
        ]);
    }
    let mut open = Section::optional(
        crate::tr_in!(
            lang,
            "agenda.continuation-open",
            months = CONTINUATION_MONTHS
        ),
        &["ui.heading.end", "ui.heading.sponsor", "ui.heading.name"],
    );
    for c in continuations {
        open.rows.push(vec![
            date_cell(c.end, lang),
            c.sponsor.clone(),
            c.name.clone(),
        ]);
    }
    [due, open]
}
