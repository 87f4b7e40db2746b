//! The figures of the office's mandate beyond meetings (SPEC §3.1 v2):
//! sponsors' continuation plans (*Verstetigung*) and their deadlines.

use super::Breakdown;
use crate::dates::Period;
use crate::model::Sponsor;
use serde::Serialize;

/// `sponsors.deadlines`: over all sponsors' deadlines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DeadlineFigures {
    /// Due date in the period.
    pub due: u64,
    /// Of `due`, handed in on or before the due date.
    pub met: u64,
    /// Due on or before `to` and not handed in by `to`.
    pub overdue: u64,
}

impl DeadlineFigures {
    /// The three figures as a breakdown under their JSON names
    /// ([`Sponsors::figures`](super::Sponsors::figures)).
    pub fn breakdown(&self) -> Breakdown {
        Breakdown::from([
            ("due".to_string(), self.due),
            ("met".to_string(), self.met),
            ("overdue".to_string(), self.overdue),
        ])
    }
}

/// `sponsors.continuation`: the sponsors active in the period (their
/// [start, end] overlaps it) by `continuation`, absent counting as `open`.
pub fn continuation<'a>(sponsors: impl Iterator<Item = &'a Sponsor>, period: Period) -> Breakdown {
    let mut out = Breakdown::new();
    for s in sponsors.filter(|s| s.overlaps(period.from, period.to)) {
        *out.entry(s.continuation().code().to_string()).or_insert(0) += 1;
    }
    out
}

/// `sponsors.deadlines` over every deadline of `sponsors`.
pub fn deadlines<'a>(
    sponsors: impl Iterator<Item = &'a Sponsor>,
    period: Period,
) -> DeadlineFigures {
    let mut f = DeadlineFigures::default();
    for d in sponsors.flat_map(|s| s.deadlines.iter()) {
        if period.from <= d.due && d.due <= period.to {
            f.due += 1;
            if d.met() {
                f.met += 1;
            }
        }
        if d.overdue_at(period.to) {
            f.overdue += 1;
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Continuation, Deadline, DeadlineKind, Field, SponsorStatus};
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn sponsor(id: &str, end: Option<NaiveDate>, c: Option<Continuation>) -> Sponsor {
        Sponsor {
            end,
            continuation: c.unwrap_or(Continuation::Open),
            ..Sponsor::new(
                id.into(),
                id.into(),
                "P".into(),
                Field::CivicEducation,
                d(1, 1),
                SponsorStatus::Active,
            )
        }
    }

    fn deadline(kind: DeadlineKind, due: NaiveDate, done: Option<NaiveDate>) -> Deadline {
        Deadline {
            kind,
            due,
            done,
            notes: None,
        }
    }

    #[test]
    fn continuation_counts_active_sponsors_absent_as_open() {
        let october = Period::month(2026, 10).unwrap();
        let all = [
            sponsor("a", None, None),
            // Ends mid-period: still active in it.
            sponsor("b", Some(d(10, 15)), Some(Continuation::Secured)),
            sponsor("c", Some(d(9, 30)), Some(Continuation::Ending)),
            sponsor("e", None, Some(Continuation::Open)),
        ];
        let c = continuation(all.iter(), october);
        assert_eq!(
            c,
            Breakdown::from([("open".into(), 2), ("secured".into(), 1)])
        );
    }

    #[test]
    fn due_met_overdue_with_late_next_period_and_on_the_last_day() {
        let october = Period::month(2026, 10).unwrap();
        let mut s = sponsor("a", None, None);
        s.deadlines = vec![
            // Due and met on time.
            deadline(DeadlineKind::Mittelabruf, d(10, 5), Some(d(10, 5))),
            // Due in October, done late (still in October): due, not met, not overdue at the end.
            deadline(DeadlineKind::Sachbericht, d(10, 10), Some(d(10, 20))),
            // Due in October, done in November: overdue at the end of October.
            deadline(DeadlineKind::ParticipantData, d(10, 20), Some(d(11, 3))),
            // Due on the last day, not done: due and overdue.
            deadline(DeadlineKind::Other, d(10, 31), None),
            // Due in the next period: nothing yet.
            deadline(DeadlineKind::Verwendungsnachweis, d(11, 15), None),
            // Due before the period, still not done: overdue, not due.
            deadline(DeadlineKind::Mittelabruf, d(9, 1), None),
        ];
        let f = deadlines(std::iter::once(&s), october);
        assert_eq!(
            f,
            DeadlineFigures {
                due: 4,
                met: 1,
                overdue: 3
            }
        );
        let november = Period::month(2026, 11).unwrap();
        let f = deadlines(std::iter::once(&s), november);
        assert_eq!(
            f,
            DeadlineFigures {
                due: 1,
                met: 0,
                overdue: 3
            }
        );
    }
}
