//! ESF activity reports (SPEC §3). [`build`] turns the records of a period
//! into a plain [`Report`] — every figure is computed there and nowhere else;
//! the renderers in [`render`] only lay the figures out as a table, Markdown,
//! CSV, JSON or an HTML page. [`scope`] says which month folders a report
//! has to read; [`make`] reads the records a report needs and builds it.

pub mod age;
pub mod build;
pub mod contacts;
pub mod figures;
pub mod labels;
pub mod make;
pub mod office;
pub mod quality;
pub mod render;
pub mod series;

pub use build::build;
pub use make::make;

use crate::dates::Period;
use crate::model::{Config, Kind};
use crate::store::{MonthRange, Scope};
use chrono::{Datelike, Days, NaiveDate};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::path::Path;

/// Which report: it decides the title, `year_to_date` and `targets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    Monthly,
    Quarterly,
    Yearly,
    Period,
}

impl ReportKind {
    pub const ALL: [ReportKind; 4] = [
        ReportKind::Monthly,
        ReportKind::Quarterly,
        ReportKind::Yearly,
        ReportKind::Period,
    ];

    /// As seals name it: `monthly`, `quarterly`, `yearly`, `period`.
    pub fn code(self) -> &'static str {
        match self {
            ReportKind::Monthly => "monthly",
            ReportKind::Quarterly => "quarterly",
            ReportKind::Yearly => "yearly",
            ReportKind::Period => "period",
        }
    }

    pub fn from_code(code: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Monthly and quarterly reports carry the year to date.
    pub fn has_year_to_date(self) -> bool {
        match self {
            ReportKind::Monthly | ReportKind::Quarterly => true,
            ReportKind::Yearly | ReportKind::Period => false,
        }
    }

    /// Monthly and quarterly workbooks have the series sheet (the year so
    /// far beside the year before).
    pub fn has_series_sheet(self) -> bool {
        match self {
            ReportKind::Monthly | ReportKind::Quarterly => true,
            ReportKind::Yearly | ReportKind::Period => false,
        }
    }

    /// Every report but a free period compares with the year's targets.
    pub fn has_targets(self) -> bool {
        match self {
            ReportKind::Monthly | ReportKind::Quarterly | ReportKind::Yearly => true,
            ReportKind::Period => false,
        }
    }
}

/// Counts by code; only non-zero codes are present (except `by_sponsor`).
pub type Breakdown = BTreeMap<String, u64>;

/// The key under which a missing optional value is counted.
pub const UNKNOWN: &str = "unknown";

/// Everything a report says. Serialized, it is the JSON of SPEC §3.2.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    #[serde(skip)]
    pub kind: ReportKind,
    pub period: ReportPeriod,
    pub office: OfficeInfo,
    pub consultations: Consultations,
    pub clients: Clients,
    pub referrals: Referrals,
    pub events: Events,
    pub sponsors: Sponsors,
    /// (v2) Short contacts dated in the period.
    pub contacts: contacts::ContactFigures,
    /// (v2) Consultations of organisations held in the period.
    pub organisations: contacts::OrganisationFigures,
    pub quality: Quality,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_to_date: Option<YearToDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targets: Option<TargetTable>,
    pub source: Source,
    /// Yearly reports: the sealed reports of the year that were amended (SPEC §3.7).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amended: Option<Vec<Amendment>>,
    /// Display names of the partners and sponsors the report mentions.
    #[serde(skip)]
    pub names: Names,
    /// `[sponsors] stale_after_days`, for the label of `sponsors.stale`.
    #[serde(skip)]
    pub stale_after_days: i64,
    /// `[esf] regulation`: which age bands `clients.by_age_group` holds.
    #[serde(skip)]
    pub regulation: crate::model::Regulation,
}

/// (v2) What would make the figures wrong (SPEC §3.1 `quality`): the ids of
/// the records behind each figure; the JSON holds their counts, `check
/// --completeness` lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Quality {
    #[serde(serialize_with = "count_of")]
    pub consultations_without_topics: Vec<String>,
    #[serde(serialize_with = "count_of")]
    pub consultations_without_duration: Vec<String>,
    #[serde(serialize_with = "count_of")]
    pub events_without_split: Vec<String>,
    #[serde(serialize_with = "count_of")]
    pub planned_in_past: Vec<String>,
    #[serde(serialize_with = "count_of")]
    pub clients_incomplete: Vec<String>,
    #[serde(serialize_with = "count_of")]
    pub referrals_without_consent: Vec<String>,
}

impl Quality {
    /// The figures in JSON order with the ids behind them.
    pub fn figures(&self) -> [(&'static str, &[String]); 6] {
        [
            (
                "consultations_without_topics",
                &self.consultations_without_topics,
            ),
            (
                "consultations_without_duration",
                &self.consultations_without_duration,
            ),
            ("events_without_split", &self.events_without_split),
            ("planned_in_past", &self.planned_in_past),
            ("clients_incomplete", &self.clients_incomplete),
            ("referrals_without_consent", &self.referrals_without_consent),
        ]
    }
}

fn count_of<S: Serializer>(ids: &[String], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(ids.len() as u64)
}

/// One amended seal in a yearly report's `amended`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Amendment {
    /// The seal's name (`monthly-2026-10`).
    pub report: String,
    /// When the latest version was sealed (RFC 3339).
    pub at: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReportPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfficeInfo {
    pub name: String,
    pub area: String,
    #[serde(skip)]
    pub operator: String,
    #[serde(skip)]
    pub programme: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Consultations {
    pub held: u64,
    pub cancelled: u64,
    pub no_show: u64,
    pub minutes: u64,
    pub family_members: u64,
    pub with_interpreter: u64,
    pub by_topic: Breakdown,
    pub by_language: Breakdown,
    pub by_channel: Breakdown,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Clients {
    pub unique: u64,
    pub new: u64,
    pub in_area: u64,
    pub by_gender: Breakdown,
    pub by_age_group: Breakdown,
    pub by_origin: Breakdown,
    pub by_residence: Breakdown,
    pub by_employment: Breakdown,
    pub by_district: Breakdown,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Referrals {
    pub made: u64,
    pub done: u64,
    pub failed: u64,
    pub withdrawn: u64,
    pub open_at_end: u64,
    pub overdue: u64,
    pub by_partner: Breakdown,
    pub by_topic: Breakdown,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Events {
    pub held: u64,
    pub by_kind: Breakdown,
    pub participants: ParticipantSums,
    pub list: Vec<EventLine>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ParticipantSums {
    pub total: u64,
    pub women: u64,
    pub men: u64,
    pub diverse: u64,
    pub migrants: u64,
}

/// One held event in `events.list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventLine {
    pub date: NaiveDate,
    pub id: String,
    pub title: String,
    pub kind: String,
    pub participants: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sponsors {
    pub meetings: u64,
    pub active: u64,
    pub network_events: u64,
    pub by_sponsor: Breakdown,
    pub by_field: Breakdown,
    pub stale: Vec<String>,
    /// Active sponsors by `continuation` (absent = `open`).
    pub continuation: Breakdown,
    pub deadlines: office::DeadlineFigures,
}

/// The year-to-date figures; also what targets are measured against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct YearToDate {
    pub consultations: u64,
    pub unique_clients: u64,
    pub new_clients: u64,
    pub events: u64,
    pub event_participants: u64,
    pub sponsor_meetings: u64,
    pub referrals: u64,
    /// (v2) Short contacts.
    pub contacts: u64,
    /// (v2) Consultations of organisations held.
    pub organisation_consultations: u64,
}

impl YearToDate {
    /// The figure a target of `key` (a `TARGET_KEYS` name) is measured against.
    pub fn figure(&self, key: &str) -> Option<u64> {
        Some(match key {
            "consultations" => self.consultations,
            "unique_clients" => self.unique_clients,
            "new_clients" => self.new_clients,
            "events" => self.events,
            "event_participants" => self.event_participants,
            "sponsor_meetings" => self.sponsor_meetings,
            "referrals" => self.referrals,
            "contacts" => self.contacts,
            "organisation_consultations" => self.organisation_consultations,
            _ => return None,
        })
    }
}

/// The configured targets in `TARGET_KEYS` order; JSON: `{key: {target, actual, percent}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetTable(pub Vec<TargetLine>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetLine {
    pub key: &'static str,
    pub target: u64,
    pub actual: u64,
    /// 1000 × actual / target rounded half up: the percentage in tenths.
    /// None for a target of 0, which no percentage can measure.
    pub percent_tenths: Option<u64>,
}

impl TargetLine {
    pub fn new(key: &'static str, target: u64, actual: u64) -> TargetLine {
        TargetLine {
            key,
            target,
            actual,
            percent_tenths: percent_tenths(actual, target),
        }
    }

    /// The percentage as a number with one decimal (66.7).
    pub fn percent(&self) -> Option<f64> {
        self.percent_tenths.map(|t| t as f64 / 10.0)
    }
}

/// round(1000 × actual / target), halves away from zero, in integers so
/// that no binary fraction decides a rounding.
pub fn percent_tenths(actual: u64, target: u64) -> Option<u64> {
    if target == 0 {
        return None;
    }
    let (a, t) = (u128::from(actual), u128::from(target));
    let tenths = (2000 * a + t) / (2 * t);
    Some(u64::try_from(tenths).unwrap_or(u64::MAX))
}

impl Serialize for TargetTable {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Entry {
            target: u64,
            actual: u64,
            percent: Option<f64>,
        }
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for line in &self.0 {
            map.serialize_entry(
                line.key,
                &Entry {
                    target: line.target,
                    actual: line.actual,
                    percent: line.percent(),
                },
            )?;
        }
        map.end()
    }
}

/// Where the numbers came from: the records repository's HEAD and whether
/// the folder had uncommitted changes; `dirty` is None when git could not
/// tell (no repository), and no format then claims a clean state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    pub commit: Option<String>,
    pub dirty: Option<bool>,
}

impl Source {
    /// The state of the git repository holding `dir`, `dirty` about the
    /// files `paths` name only (those the report read).
    pub fn of(dir: &Path, paths: &[crate::store::Pathspec]) -> Source {
        let commit = crate::git::head(dir);
        Source {
            dirty: commit
                .as_ref()
                .and_then(|_| crate::git::dirty_among_after_head(dir, paths)),
            commit,
        }
    }
}

/// Display names by slug; a slug without a record is shown as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    pub partners: BTreeMap<String, String>,
    pub sponsors: BTreeMap<String, String>,
}

/// The first day any figure of the report counts: the period's, or
/// 1 January with the year to date or the year's targets. A referral
/// closed before it is in no figure (`Store::load_unsettled`).
pub fn counted_from(period: Period, kind: ReportKind) -> NaiveDate {
    if kind.has_year_to_date() || kind.has_targets() {
        period.from.min(period.year_to_date().from)
    } else {
        period.from
    }
}

/// The month folders a report of `period` reads: the period, the year to
/// date, the stale window of sponsor meetings, and every referral up to the
/// end (an old referral may still be open). Nothing after `period.to`. Of
/// the undated records the sponsors and partners; of the clients only those
/// the report counts ([`build::clients_needed`]), read once these are loaded.
pub fn scope(period: Period, kind: ReportKind, config: &Config) -> Scope {
    let counted_from = counted_from(period, kind);
    let stale_from = period
        .to
        .checked_sub_days(Days::new(
            config.sponsors.stale_after_days.max(0).unsigned_abs(),
        ))
        .unwrap_or(NaiveDate::MIN);
    let month = |d: NaiveDate| Some((d.year(), d.month()));
    let to = month(period.to);
    Scope {
        undated: true,
        // Clients are read by `commands::report`: only those the report counts.
        undated_only: vec![Kind::Sponsor, Kind::Partner],
        appointments: vec![MonthRange {
            from: month(counted_from.min(stale_from)),
            to,
        }],
        referrals: vec![MonthRange { from: None, to }],
        events: vec![MonthRange {
            from: month(counted_from),
            to,
        }],
        contacts: vec![MonthRange {
            from: month(counted_from),
            to,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn config(stale: i64) -> Config {
        let mut c: Config = toml::from_str("[office]\nname = \"x\"\n").unwrap();
        c.sponsors.stale_after_days = stale;
        c
    }

    #[test]
    fn percent_rounds_half_away_from_zero_in_tenths() {
        assert_eq!(percent_tenths(2, 3), Some(667));
        assert_eq!(percent_tenths(1, 8), Some(125));
        assert_eq!(percent_tenths(1, 16), Some(63)); // 6.25 → 6.3
        assert_eq!(percent_tenths(1, 3), Some(333));
        assert_eq!(percent_tenths(0, 300), Some(0));
        assert_eq!(percent_tenths(450, 300), Some(1500));
        assert_eq!(percent_tenths(1, 0), None);
        assert_eq!(TargetLine::new("events", 3, 2).percent(), Some(66.7));
        assert_eq!(TargetLine::new("events", 8, 1).percent(), Some(12.5));
    }

    #[test]
    fn monthly_scope_reads_the_year_to_date_and_the_stale_window() {
        let p = Period::month(2026, 10).unwrap();
        let s = scope(p, ReportKind::Monthly, &config(60));
        assert_eq!(s.appointments[0].from, Some((2026, 1)));
        assert_eq!(s.appointments[0].to, Some((2026, 10)));
        assert_eq!(s.events[0].from, Some((2026, 1)));
        assert_eq!(s.referrals[0].from, None);
        assert_eq!(s.referrals[0].to, Some((2026, 10)));
        assert!(s.undated);
    }

    #[test]
    fn january_reaches_back_into_the_stale_window_for_appointments_only() {
        let p = Period::month(2026, 1).unwrap();
        let s = scope(p, ReportKind::Monthly, &config(60));
        assert_eq!(s.appointments[0].from, Some((2025, 12)));
        assert_eq!(s.events[0].from, Some((2026, 1)));
    }

    #[test]
    fn a_yearly_report_of_last_year_reads_no_later_year() {
        let p = Period::year(2025).unwrap();
        let s = scope(p, ReportKind::Yearly, &config(60));
        for r in s.appointments.iter().chain(&s.events).chain(&s.referrals) {
            assert_eq!(r.to, Some((2025, 12)));
            assert!(!r.contains((2026, 1)));
        }
        assert_eq!(s.events[0].from, Some((2025, 1)));
        assert_eq!(s.appointments[0].from, Some((2025, 1)));
    }

    #[test]
    fn a_period_report_reads_its_period_and_no_year_to_date() {
        let p = Period::new(d("2026-03-15"), d("2026-05-10")).unwrap();
        let s = scope(p, ReportKind::Period, &config(30));
        assert_eq!(s.events[0].from, Some((2026, 3)));
        assert_eq!(s.appointments[0].from, Some((2026, 3)));
        let long = Period::new(d("2024-06-01"), d("2026-02-01")).unwrap();
        let s = scope(long, ReportKind::Period, &config(30));
        assert_eq!(s.events[0].from, Some((2024, 6)));
    }
}
