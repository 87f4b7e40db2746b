//! A sponsor's deadline (`[[deadlines]]` of `sponsors/<slug>.toml`): a
//! Sachbericht, Mittelabruf, Verwendungsnachweis or participant data due on
//! a day, and the day it was handed in. A deadline is named by its sponsor,
//! kind and due date, which are unique together (a `check` error otherwise).

use super::codes::DeadlineKind;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub due: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// Where a deadline stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeadlineState {
    /// Handed in on or before the day.
    Done,
    /// Not handed in, due on the day or later.
    Due,
    /// Not handed in by the day, due before it — or due on the day itself
    /// when the day is a report's last day (SPEC §3.1).
    Overdue,
}

impl Deadline {
    /// Handed in by `day` (on or before it).
    pub fn done_by(&self, day: NaiveDate) -> bool {
        self.done.is_some_and(|d| d <= day)
    }

    /// Handed in on or before its due date.
    pub fn met(&self) -> bool {
        self.done.is_some_and(|d| d <= self.due)
    }

    /// Where it stands on `today` (agenda: due today is not yet overdue).
    pub fn state_on(&self, today: NaiveDate) -> DeadlineState {
        if self.done_by(today) {
            DeadlineState::Done
        } else if self.due < today {
            DeadlineState::Overdue
        } else {
            DeadlineState::Due
        }
    }

    /// Overdue at the end `to` of a report period: due ≤ `to`, not done by `to`.
    pub fn overdue_at(&self, to: NaiveDate) -> bool {
        self.due <= to && !self.done_by(to)
    }

    /// `sachbericht 2026-12-15`, how commands name it.
    pub fn name(&self) -> String {
        format!("{} {}", self.kind.code(), self.due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn met_late_overdue() {
        let mut x = Deadline {
            kind: DeadlineKind::Sachbericht,
            due: d(10, 15),
            done: Some(d(10, 20)),
            notes: None,
        };
        assert!(!x.met(), "done late");
        assert!(x.overdue_at(d(10, 19)) && !x.overdue_at(d(10, 31)));
        assert_eq!(x.state_on(d(10, 16)), DeadlineState::Overdue);
        assert_eq!(x.state_on(d(10, 20)), DeadlineState::Done);
        x.done = None;
        assert!(
            x.overdue_at(d(10, 15)),
            "due on `to` and not done is overdue"
        );
        assert_eq!(
            x.state_on(d(10, 15)),
            DeadlineState::Due,
            "agenda: due today"
        );
        x.done = Some(d(10, 15));
        assert!(x.met() && !x.overdue_at(d(10, 15)));
    }
}
