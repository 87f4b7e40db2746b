//! Each section's figures in JSON order, with the shares of its breakdowns:
//! the one list every renderer lays out. A share is worked out here
//! ([`Shares::share`]), against the base its section names; the renderers
//! count, sum and divide nothing.

use super::contacts::{ContactFigures, OrganisationFigures};
use super::{
    Breakdown, Clients, Consultations, Events, ParticipantSums, Quality, Referrals, Report,
    Sponsors, YearToDate, percent_tenths,
};
use std::borrow::Cow;

/// One figure of a section: a count or a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure<'a> {
    Count(&'static str, u64),
    Breakdown(Shares<'a>),
}

/// A breakdown with what its shares are shares of.
#[derive(Debug, Clone, PartialEq)]
pub struct Shares<'a> {
    pub section: &'static str,
    pub key: &'static str,
    pub counts: Cow<'a, Breakdown>,
    /// `None` where shares mean nothing (the deadline figures: `met` is part
    /// of `due`, `overdue` is not).
    base: Option<u64>,
}

impl Shares<'_> {
    /// `section.key`, the JSON path.
    pub fn path(&self) -> String {
        format!("{}.{}", self.section, self.key)
    }

    /// Whether the breakdown has a share column at all.
    pub fn has_shares(&self) -> bool {
        self.base.is_some()
    }

    pub fn count(&self, code: &str) -> u64 {
        self.counts.get(code).copied().unwrap_or(0)
    }

    /// The share of `code` in tenths of a percent; None without a base or
    /// for a base of 0.
    pub fn share(&self, code: &str) -> Option<u64> {
        self.base.and_then(|b| percent_tenths(self.count(code), b))
    }
}

fn shares<'a>(
    section: &'static str,
    key: &'static str,
    counts: &'a Breakdown,
    base: u64,
) -> Figure<'a> {
    Figure::Breakdown(Shares {
        section,
        key,
        counts: Cow::Borrowed(counts),
        base: Some(base),
    })
}

impl Consultations {
    /// Shares of held consultations.
    pub fn figures(&self) -> Vec<Figure<'_>> {
        let s = "consultations";
        vec![
            Figure::Count("held", self.held),
            Figure::Count("cancelled", self.cancelled),
            Figure::Count("no_show", self.no_show),
            Figure::Count("minutes", self.minutes),
            Figure::Count("family_members", self.family_members),
            Figure::Count("with_interpreter", self.with_interpreter),
            shares(s, "by_topic", &self.by_topic, self.held),
            shares(s, "by_language", &self.by_language, self.held),
            shares(s, "by_channel", &self.by_channel, self.held),
        ]
    }
}

impl Clients {
    /// Shares of distinct clients.
    pub fn figures(&self) -> Vec<Figure<'_>> {
        let (s, base) = ("clients", self.unique);
        vec![
            Figure::Count("unique", self.unique),
            Figure::Count("new", self.new),
            Figure::Count("in_area", self.in_area),
            shares(s, "by_gender", &self.by_gender, base),
            shares(s, "by_age_group", &self.by_age_group, base),
            shares(s, "by_origin", &self.by_origin, base),
            shares(s, "by_residence", &self.by_residence, base),
            shares(s, "by_employment", &self.by_employment, base),
            shares(s, "by_district", &self.by_district, base),
        ]
    }
}

impl Referrals {
    /// Shares of referrals made.
    pub fn figures(&self) -> Vec<Figure<'_>> {
        vec![
            Figure::Count("made", self.made),
            Figure::Count("done", self.done),
            Figure::Count("failed", self.failed),
            Figure::Count("withdrawn", self.withdrawn),
            Figure::Count("open_at_end", self.open_at_end),
            Figure::Count("overdue", self.overdue),
            shares("referrals", "by_partner", &self.by_partner, self.made),
            shares("referrals", "by_topic", &self.by_topic, self.made),
        ]
    }
}

impl Events {
    /// Shares of events held; `participants` and `list` on their own.
    pub fn figures(&self) -> Vec<Figure<'_>> {
        vec![
            Figure::Count("held", self.held),
            shares("events", "by_kind", &self.by_kind, self.held),
        ]
    }
}

impl ParticipantSums {
    /// `events.participants`.
    pub fn figures(&self) -> Vec<Figure<'_>> {
        vec![
            Figure::Count("total", self.total),
            Figure::Count("women", self.women),
            Figure::Count("men", self.men),
            Figure::Count("diverse", self.diverse),
            Figure::Count("migrants", self.migrants),
        ]
    }
}

impl Sponsors {
    /// Shares of sponsor meetings, continuation of active sponsors, the
    /// deadlines without shares; `stale` (a list of slugs) on its own.
    pub fn figures(&self) -> Vec<Figure<'_>> {
        let s = "sponsors";
        vec![
            Figure::Count("meetings", self.meetings),
            Figure::Count("active", self.active),
            Figure::Count("network_events", self.network_events),
            shares(s, "by_sponsor", &self.by_sponsor, self.meetings),
            shares(s, "by_field", &self.by_field, self.meetings),
            shares(s, "continuation", &self.continuation, self.active),
            Figure::Breakdown(Shares {
                section: s,
                key: "deadlines",
                counts: Cow::Owned(self.deadlines.breakdown()),
                base: None,
            }),
        ]
    }
}

impl ContactFigures {
    /// Shares of short contacts.
    pub fn figures(&self) -> Vec<Figure<'_>> {
        let (s, base) = ("contacts", self.total);
        vec![
            Figure::Count("total", self.total),
            shares(s, "by_kind", &self.by_kind, base),
            shares(s, "by_topic", &self.by_topic, base),
            shares(s, "by_language", &self.by_language, base),
            Figure::Count("referred", self.referred),
        ]
    }
}

impl OrganisationFigures {
    /// Shares of organisation consultations.
    pub fn figures(&self) -> Vec<Figure<'_>> {
        let (s, base) = ("organisations", self.consultations);
        vec![
            Figure::Count("consultations", self.consultations),
            Figure::Count("organisations", self.organisations),
            shares(s, "by_partner_kind", &self.by_partner_kind, base),
            shares(s, "by_topic", &self.by_topic, base),
        ]
    }
}

impl Quality {
    /// The number of records behind each figure, in JSON order.
    pub fn counts(&self) -> Vec<(&'static str, u64)> {
        self.figures()
            .into_iter()
            .map(|(k, ids)| (k, ids.len() as u64))
            .collect()
    }
}

impl YearToDate {
    /// Every figure in `TARGET_KEYS` order.
    pub fn counts(&self) -> Vec<(&'static str, u64)> {
        crate::model::config::TARGET_KEYS
            .iter()
            .filter_map(|k| self.figure(k).map(|v| (*k, v)))
            .collect()
    }
}

impl Report {
    /// The sections of counts and breakdowns in JSON order, each under its
    /// JSON key (`events.participants`, `events.list`, `sponsors.stale`,
    /// `quality` and what follows are not among them).
    pub fn sections(&self) -> [(&'static str, Vec<Figure<'_>>); 7] {
        [
            ("consultations", self.consultations.figures()),
            ("clients", self.clients.figures()),
            ("referrals", self.referrals.figures()),
            ("events", self.events.figures()),
            ("sponsors", self.sponsors.figures()),
            ("contacts", self.contacts.figures()),
            ("organisations", self.organisations.figures()),
        ]
    }

    /// The breakdown at `path` (`clients.by_gender`), if there is one.
    pub fn breakdown(&self, path: &str) -> Option<Shares<'_>> {
        self.sections()
            .into_iter()
            .flat_map(|(_, figures)| figures)
            .find_map(|f| match f {
                Figure::Breakdown(b) if b.path() == path => Some(b),
                Figure::Breakdown(_) | Figure::Count(..) => None,
            })
    }
}

/// The counts of `figures`, in their order.
pub fn counts<'a>(figures: &[Figure<'a>]) -> Vec<(&'static str, u64)> {
    figures
        .iter()
        .filter_map(|f| match f {
            Figure::Count(k, n) => Some((*k, *n)),
            Figure::Breakdown(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Period;
    use crate::store::Records;
    use std::collections::BTreeSet;

    fn report() -> Report {
        let config = toml::from_str("[office]\nname = \"x\"\n").unwrap();
        let period = Period::month(2026, 10).unwrap();
        super::super::build(
            &Records::default(),
            &config,
            period,
            super::super::ReportKind::Monthly,
        )
        .unwrap()
    }

    /// Every count and breakdown a section has in the JSON is one of its
    /// figures, and nothing else is: a new figure that is not listed here
    /// would be missing from every renderer.
    #[test]
    fn the_sections_list_every_figure_of_the_json_once() {
        let r = report();
        let json = serde_json::to_value(&r).unwrap();
        for (section, figures) in r.sections() {
            let listed: Vec<&str> = figures
                .iter()
                .map(|f| match f {
                    Figure::Count(k, _) => *k,
                    Figure::Breakdown(b) => b.key,
                })
                .collect();
            let unique: BTreeSet<&str> = listed.iter().copied().collect();
            assert_eq!(unique.len(), listed.len(), "{section}: {listed:?}");
            let in_json: BTreeSet<&str> = json[section]
                .as_object()
                .unwrap()
                .iter()
                .filter(|(k, v)| {
                    v.is_u64() || v.is_object() && !matches!(k.as_str(), "participants")
                })
                .map(|(k, _)| k.as_str())
                .collect();
            assert_eq!(unique, in_json, "{section}");
        }
        let quality: BTreeSet<&str> = r.quality.counts().iter().map(|(k, _)| *k).collect();
        let in_json: BTreeSet<&str> = json["quality"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(quality, in_json);
    }

    #[test]
    fn shares_are_of_the_base_their_section_names() {
        let mut r = report();
        r.consultations.held = 3;
        r.consultations.by_topic = Breakdown::from([("housing".to_string(), 2)]);
        r.sponsors.meetings = 4;
        r.sponsors.active = 2;
        r.sponsors.continuation = Breakdown::from([("open".to_string(), 1)]);
        r.sponsors.deadlines.due = 2;
        let topic = r.breakdown("consultations.by_topic").unwrap();
        assert_eq!(topic.share("housing"), Some(667));
        assert_eq!(topic.share("work"), Some(0));
        let continuation = r.breakdown("sponsors.continuation").unwrap();
        assert_eq!(continuation.share("open"), Some(500));
        let deadlines = r.breakdown("sponsors.deadlines").unwrap();
        assert!(!deadlines.has_shares());
        assert_eq!((deadlines.count("due"), deadlines.share("due")), (2, None));
        let clients = r.breakdown("clients.by_gender").unwrap();
        assert!(clients.has_shares());
        assert_eq!(clients.share("female"), None, "a base of 0 has no share");
        assert!(r.breakdown("events.list").is_none());
    }
}
