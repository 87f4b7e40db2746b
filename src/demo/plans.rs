//! Sponsors' plans: planned participants, continuation states and
//! deadlines (Mittelabruf each quarter, participant data each half year, a
//! Sachbericht each year, the Verwendungsnachweis after the end). Derived
//! from each sponsor's dates alone — no random draws — so that adding them
//! changes no other record of the sample.

use super::*;

/// (slug, continuation, notes) of the sample's own sponsors.
const CONTINUATIONS: &[(&str, Continuation, &str)] = &[
    ("kinderhaus-lindenau", Continuation::Open, ""),
    (
        "arbeit-im-quartier",
        Continuation::Planned,
        "Übernahme in die Regelförderung der Stadt ist beantragt; Entscheidung im Frühjahr.",
    ),
    (
        "demokratieladen-plagwitz",
        Continuation::Secured,
        "Folgeförderung durch die Stiftung ab 2028 zugesagt.",
    ),
    (
        "frauenbildungswerk-lindenau",
        Continuation::Ending,
        "Die Kurse gehen teilweise an den Frauentreff Plagwitz über.",
    ),
];

/// The sponsor whose latest Mittelabruf is still not handed in.
const LATE_PAYER: &str = "stadtteilakademie-west";

impl Generator {
    pub(super) fn sponsor_plans(&mut self) {
        let window_from = self.start;
        let data_end = self.end;
        let window_to = data_end + Months::new(6);
        for (n, planned) in self.sponsors.iter_mut().enumerate() {
            let s = &mut planned.record;
            s.planned_participants = Some(
                match s.field {
                    Field::YouthEducation => 60,
                    Field::CivicEducation => 120,
                    Field::EmploymentIntegration => 40,
                } + (s.id.len() as u64 % 5) * 10,
            );
            if let Some((_, c, notes)) = CONTINUATIONS.iter().find(|(id, _, _)| *id == s.id) {
                s.continuation = *c;
                s.continuation_notes = (!notes.is_empty()).then(|| notes.to_string());
            } else if s.status == SponsorStatus::Ended {
                s.continuation = [
                    Continuation::Secured,
                    Continuation::Ending,
                    Continuation::Open,
                ][n % 3];
            }
            let last = s.end.unwrap_or(window_to).min(window_to);
            let mut due: Vec<(DeadlineKind, NaiveDate)> = Vec::new();
            let mut month = month_start(s.start.year(), s.start.month());
            while month <= last {
                let (y, m) = (month.year(), month.month());
                // Quarter ends in March, June, September, December.
                if m % 3 == 0 {
                    due.push((DeadlineKind::Mittelabruf, days(month_end(y, m), 15)));
                }
                if m == 6 || m == 12 {
                    due.push((
                        DeadlineKind::ParticipantData,
                        month_end(y, m) + Months::new(1),
                    ));
                }
                if m == 12 {
                    due.push((DeadlineKind::Sachbericht, ymd(y + 1, 3, 31)));
                }
                month = month + Months::new(1);
            }
            if let Some(end) = s.end {
                let v = end + Months::new(6);
                due.push((
                    DeadlineKind::Verwendungsnachweis,
                    month_end(v.year(), v.month()),
                ));
            }
            due.retain(|(_, d)| window_from <= *d && *d <= window_to);
            due.sort_by_key(|(kind, day)| (*day, *kind));
            let late_payer_last = due
                .iter()
                .filter(|(k, d)| *k == DeadlineKind::Mittelabruf && *d <= data_end)
                .map(|(_, d)| *d)
                .max();
            s.deadlines = due
                .into_iter()
                .enumerate()
                .map(|(i, (kind, due))| {
                    let skipped = s.id == LATE_PAYER && Some(due) == late_payer_last;
                    let offset: i64 = if (i + n) % 6 == 5 {
                        3 + ((i + n) % 7) as i64
                    } else {
                        -(((i + n) % 9) as i64)
                    };
                    let done = days(due, offset);
                    Deadline {
                        kind,
                        due,
                        done: (!skipped && done <= data_end).then_some(done),
                        notes: None,
                    }
                })
                .collect();
        }
    }
}
