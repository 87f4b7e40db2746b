//! Edge cases of every figure of SPEC §3.1, on records read from TOML text.

use super::*;
use crate::model::read::{Context, read_record};
use crate::model::{Kind, Record};
use crate::store::Entry;
use std::path::PathBuf;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const CONFIG: &str = r#"
[office]
name = "Stadtteilmanagement Test"
[area]
name = "Testviertel"
districts = ["Lindenau", "Plagwitz"]
[targets.2026]
consultations = 3
events = 8
[sponsors]
stale_after_days = 60
"#;

struct Fixture {
    config: Config,
    records: Records,
    serial: usize,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture {
            config: toml::from_str(CONFIG).unwrap(),
            records: Records::default(),
            serial: 0,
        }
    }

    fn add(&mut self, kind: Kind, text: &str) -> String {
        let ctx = Context {
            config: &self.config,
            today: d("2026-11-25"),
        };
        let (record, problems) = read_record(kind, text, &ctx, None);
        let record = record.unwrap_or_else(|| panic!("{problems:?}\n{text}"));
        assert!(
            problems
                .iter()
                .all(|p| p.severity != crate::model::read::Severity::Error),
            "{problems:?}\n{text}"
        );
        let id = record.id().to_string();
        let path = PathBuf::from(format!("{}/{id}.toml", kind.folder()));
        match record {
            Record::Sponsor(record) => self.records.sponsors.push(Entry { path, record }),
            Record::Partner(record) => self.records.partners.push(Entry { path, record }),
            Record::Client(record) => self.records.clients.push(Entry { path, record }),
            Record::Appointment(record) => self.records.appointments.push(Entry { path, record }),
            Record::Referral(record) => self.records.referrals.push(Entry { path, record }),
            Record::Event(record) => self.records.events.push(Entry { path, record }),
            Record::Contact(record) => self.records.contacts.push(Entry { path, record }),
        }
        id
    }

    fn dated_id(&mut self, prefix: &str, date: &str) -> String {
        self.serial += 1;
        format!("{prefix}-{}-{:04}", date.replace('-', ""), self.serial)
    }

    fn client(&mut self, id: &str, extra: &str) -> &mut Self {
        self.add(
            Kind::Client,
            &format!("id = \"{id}\"\nfirst_contact = 2025-06-01\n{extra}\n"),
        );
        self
    }

    fn sponsor(&mut self, slug: &str, start: &str, extra: &str) -> &mut Self {
        self.add(
            Kind::Sponsor,
            &format!(
                "id = \"{slug}\"\nname = \"Träger {slug}\"\nproject = \"P\"\nfield = \"civic-education\"\nstart = {start}\n{extra}\n"
            ),
        );
        self
    }

    fn partner(&mut self, slug: &str) -> &mut Self {
        self.add(
            Kind::Partner,
            &format!("id = \"{slug}\"\nname = \"Partner {slug}\"\nkind = \"counselling\"\n"),
        );
        self
    }

    fn consultation(&mut self, date: &str, status: &str, client: &str, extra: &str) -> String {
        let id = self.dated_id("apt", date);
        self.add(
            Kind::Appointment,
            &format!(
                "id = \"{id}\"\ndate = {date}\nkind = \"consultation\"\nstatus = \"{status}\"\nclient = \"{client}\"\n{extra}\n"
            ),
        )
    }

    fn meeting(&mut self, date: &str, status: &str, sponsor: &str) -> String {
        let id = self.dated_id("apt", date);
        self.add(
            Kind::Appointment,
            &format!(
                "id = \"{id}\"\ndate = {date}\nkind = \"sponsor\"\nstatus = \"{status}\"\nsponsor = \"{sponsor}\"\n"
            ),
        )
    }

    fn referral(&mut self, date: &str, status: &str, extra: &str) -> String {
        let id = self.dated_id("ref", date);
        self.add(
            Kind::Referral,
            &format!(
                "id = \"{id}\"\ndate = {date}\nclient = \"K-AAAA\"\npartner = \"beratung\"\ntopic = \"housing\"\nstatus = \"{status}\"\n{extra}\n"
            ),
        )
    }

    fn event(&mut self, date: &str, status: &str, kind: &str, total: i64) -> String {
        let id = self.dated_id("evt", date);
        let participants = if status == "done" {
            format!(
                "[participants]\ntotal = {total}\nwomen = 0\nmen = 0\ndiverse = 0\nmigrants = 0\n"
            )
        } else {
            String::new()
        };
        self.add(
            Kind::Event,
            &format!(
                "id = \"{id}\"\ndate = {date}\ntitle = \"Event {id}\"\nkind = \"{kind}\"\nstatus = \"{status}\"\n{participants}"
            ),
        )
    }

    fn partner_of_kind(&mut self, slug: &str, kind: &str) -> &mut Self {
        self.add(
            Kind::Partner,
            &format!("id = \"{slug}\"\nname = \"Partner {slug}\"\nkind = \"{kind}\"\n"),
        );
        self
    }

    fn contact(&mut self, date: &str, kind: &str, extra: &str) -> String {
        let id = self.dated_id("con", date);
        self.add(
            Kind::Contact,
            &format!("id = \"{id}\"\ndate = {date}\nkind = \"{kind}\"\n{extra}\n"),
        )
    }

    fn organisation(&mut self, date: &str, status: &str, partner: &str, extra: &str) -> String {
        let id = self.dated_id("apt", date);
        self.add(
            Kind::Appointment,
            &format!(
                "id = \"{id}\"\ndate = {date}\nkind = \"organisation\"\nstatus = \"{status}\"\npartner = \"{partner}\"\n{extra}\n"
            ),
        )
    }

    fn report(&self, period: Period, kind: ReportKind) -> Report {
        build(&self.records, &self.config, period, kind).unwrap()
    }

    fn october(&self) -> Report {
        self.report(Period::month(2026, 10).unwrap(), ReportKind::Monthly)
    }
}

fn map(pairs: &[(&str, u64)]) -> Breakdown {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

#[test]
fn first_and_last_day_of_the_period_count() {
    let mut f = Fixture::new();
    f.client("K-AAAA", "");
    for date in ["2026-09-30", "2026-10-01", "2026-10-31", "2026-11-01"] {
        f.consultation(date, "done", "K-AAAA", "duration = 30");
    }
    let c = f.october().consultations;
    assert_eq!(c.held, 2);
    assert_eq!(c.minutes, 60);
}

#[test]
fn consultation_statuses_minutes_family_interpreter() {
    let mut f = Fixture::new();
    f.client("K-AAAA", "");
    f.consultation(
        "2026-10-02",
        "done",
        "K-AAAA",
        "duration = 45\nfamily_members = 2\ninterpreter = true",
    );
    f.consultation("2026-10-03", "done", "K-AAAA", "family_members = 1");
    f.consultation("2026-10-04", "cancelled", "K-AAAA", "duration = 60");
    f.consultation("2026-10-05", "no-show", "K-AAAA", "");
    f.consultation("2026-10-05", "no-show", "K-AAAA", "");
    f.consultation("2026-10-06", "planned", "K-AAAA", "");
    let c = f.october().consultations;
    assert_eq!((c.held, c.cancelled, c.no_show), (2, 1, 2));
    assert_eq!(
        (c.minutes, c.family_members, c.with_interpreter),
        (45, 3, 1)
    );
}

#[test]
fn topics_count_once_per_consultation_and_none_without_topics() {
    let mut f = Fixture::new();
    f.client("K-AAAA", "");
    f.consultation(
        "2026-10-02",
        "done",
        "K-AAAA",
        "topics = [\"housing\", \"residence\"]",
    );
    f.consultation(
        "2026-10-03",
        "done",
        "K-AAAA",
        "topics = [\"housing\", \"housing\"]",
    );
    f.consultation("2026-10-04", "done", "K-AAAA", "");
    f.consultation("2026-10-05", "cancelled", "K-AAAA", "topics = [\"health\"]");
    let c = f.october().consultations;
    assert_eq!(c.held, 3);
    assert_eq!(c.by_topic, map(&[("housing", 2), ("residence", 1)]));
    assert!(!c.by_topic.contains_key(UNKNOWN));
}

#[test]
fn language_is_unknown_when_absent() {
    let mut f = Fixture::new();
    f.client("K-AAAA", "");
    f.consultation("2026-10-02", "done", "K-AAAA", "language = \"ar\"");
    f.consultation("2026-10-03", "done", "K-AAAA", "");
    f.consultation("2026-10-04", "done", "K-AAAA", "");
    assert_eq!(
        f.october().consultations.by_language,
        map(&[("ar", 1), ("unknown", 2)])
    );
}

#[test]
fn clients_are_distinct_with_unknowns_area_and_new() {
    let mut f = Fixture::new();
    f.client(
        "K-AAAA",
        "gender = \"f\"\nbirth_year = 2009\norigin = \"SY\"\ndistrict = \"Lindenau\"\nresidence = \"tolerated\"\nemployment = \"unemployed\"",
    )
    .client("K-BBBB", "birth_year = 2008\ndistrict = \"outside\"")
    .client("K-CCCC", "")
    .client("K-DDDD", "district = \"Plagwitz\"");
    // K-NEW1 had first contact in the period, K-EDGE on its last day.
    f.add(
        Kind::Client,
        "id = \"K-NEW1\"\nfirst_contact = 2026-10-01\nbirth_year = 1971",
    );
    f.add(Kind::Client, "id = \"K-EDGE\"\nfirst_contact = 2026-10-31");
    f.consultation("2026-10-02", "done", "K-AAAA", "");
    f.consultation("2026-10-09", "done", "K-AAAA", "");
    f.consultation("2026-10-03", "done", "K-BBBB", "");
    f.consultation("2026-10-04", "done", "K-CCCC", "");
    f.consultation("2026-10-05", "cancelled", "K-DDDD", "");
    f.consultation("2026-10-06", "done", "K-NEW1", "");
    f.consultation("2026-10-31", "done", "K-EDGE", "");
    let c = f.october().clients;
    assert_eq!(c.unique, 5);
    assert_eq!(c.new, 2);
    assert_eq!(
        c.in_area, 1,
        "outside, unknown and a cancelled visit do not count"
    );
    assert_eq!(c.by_gender, map(&[("f", 1), ("unknown", 4)]));
    assert_eq!(
        c.by_age_group,
        map(&[("under-18", 2), ("55-plus", 1), ("unknown", 2)]),
        "ages at first contact (2025 and 2026)"
    );
    assert_eq!(c.by_origin, map(&[("SY", 1), ("unknown", 4)]));
    assert_eq!(c.by_residence, map(&[("tolerated", 1), ("unknown", 4)]));
    assert_eq!(c.by_employment, map(&[("unemployed", 1), ("unknown", 4)]));
    assert_eq!(
        c.by_district,
        map(&[("Lindenau", 1), ("outside", 1), ("unknown", 3)])
    );
}

#[test]
fn age_is_counted_at_first_contact_whatever_the_period() {
    let mut f = Fixture::new();
    // First contact 2025-06-01 at 17; 18 by the end of 2026.
    f.client("K-AAAA", "birth_year = 2008");
    f.consultation("2025-12-20", "done", "K-AAAA", "");
    f.consultation("2026-11-05", "done", "K-AAAA", "");
    let span = Period::new(d("2025-12-01"), d("2026-11-30")).unwrap();
    assert_eq!(
        f.report(span, ReportKind::Period).clients.by_age_group,
        map(&[("under-18", 1)])
    );
    let november = f.report(Period::month(2026, 11).unwrap(), ReportKind::Monthly);
    assert_eq!(november.clients.by_age_group, map(&[("under-18", 1)]));
}

#[test]
fn referrals_made_closed_open_and_overdue() {
    let mut f = Fixture::new();
    f.client("K-AAAA", "")
        .partner("beratung")
        .partner("jobcenter");
    // made in the period
    f.referral("2026-10-01", "open", "follow_up = 2026-10-30"); // overdue
    f.referral("2026-10-31", "open", "follow_up = 2026-10-31"); // due on `to`: not overdue
    f.referral("2026-10-15", "open", ""); // no follow-up: never overdue
    f.referral("2026-10-10", "done", "closed = 2026-10-20");
    f.add(
        Kind::Referral,
        "id = \"ref-20261011-jobc\"\ndate = 2026-10-11\nclient = \"K-AAAA\"\npartner = \"jobcenter\"\ntopic = \"employment\"\nstatus = \"failed\"\nclosed = 2026-11-03",
    );
    // made before, closed in, or after, the period
    f.referral(
        "2026-03-01",
        "withdrawn",
        "closed = 2026-10-31\nfollow_up = 2026-04-01",
    );
    f.referral(
        "2026-09-30",
        "done",
        "closed = 2026-11-02\nfollow_up = 2026-10-05",
    );
    f.referral("2026-09-01", "failed", "closed = 2026-09-30");
    // made after the period
    f.referral("2026-11-01", "open", "follow_up = 2026-10-01");
    let r = f.october().referrals;
    assert_eq!(r.made, 5);
    assert_eq!(r.by_partner, map(&[("beratung", 4), ("jobcenter", 1)]));
    assert_eq!(r.by_topic, map(&[("employment", 1), ("housing", 4)]));
    assert_eq!((r.done, r.failed, r.withdrawn), (1, 0, 1));
    // three open ones, the failed one closed in November, the done one closed in November
    assert_eq!(r.open_at_end, 5);
    assert_eq!(r.overdue, 2);
}

#[test]
fn events_held_sums_list_order_and_network() {
    let mut f = Fixture::new();
    let late = f.event("2026-10-20", "done", "info", 10);
    let b = f.event("2026-10-05", "done", "network", 7);
    let a = f.event("2026-10-05", "done", "workshop", 3);
    f.event("2026-10-06", "cancelled", "info", 0);
    f.event("2026-10-07", "planned", "info", 0);
    f.event("2026-11-01", "done", "info", 50);
    let r = f.october();
    let e = &r.events;
    assert_eq!(e.held, 3);
    assert_eq!(e.participants.total, 20);
    assert_eq!(
        e.by_kind,
        map(&[("info", 1), ("network", 1), ("workshop", 1)])
    );
    let order: Vec<&str> = e.list.iter().map(|l| l.id.as_str()).collect();
    let mut expected = [a.as_str(), b.as_str()];
    expected.sort();
    assert_eq!(order, vec![expected[0], expected[1], late.as_str()]);
    assert_eq!(e.list[2].participants, 10);
    assert_eq!(e.list[2].kind, "info");
    assert_eq!(r.sponsors.network_events, 1);
}

#[test]
fn participants_are_summed_per_kind_of_person() {
    let mut f = Fixture::new();
    f.add(
        Kind::Event,
        "id = \"evt-20261002-aaaa\"\ndate = 2026-10-02\ntitle = \"A\"\nkind = \"info\"\nstatus = \"done\"\n[participants]\ntotal = 10\nwomen = 4\nmen = 5\ndiverse = 1\nmigrants = 6\n",
    );
    f.add(
        Kind::Event,
        "id = \"evt-20261003-bbbb\"\ndate = 2026-10-03\ntitle = \"B\"\nkind = \"info\"\nstatus = \"done\"\n[participants]\ntotal = 5\nwomen = 2\nmen = 2\ndiverse = 0\nmigrants = 5\n",
    );
    let p = f.october().events.participants;
    assert_eq!(
        (p.total, p.women, p.men, p.diverse, p.migrants),
        (15, 6, 7, 1, 11)
    );
}

#[test]
fn sponsors_active_by_sponsor_and_field() {
    let mut f = Fixture::new();
    f.sponsor("running", "2025-01-01", "")
        .sponsor(
            "ends-mid",
            "2025-01-01",
            "end = 2026-10-15\nstatus = \"ended\"",
        )
        .sponsor(
            "ended-before",
            "2025-01-01",
            "end = 2026-09-30\nstatus = \"ended\"",
        )
        .sponsor("starts-later", "2026-11-01", "")
        .sponsor("starts-last-day", "2026-10-31", "");
    f.add(
        Kind::Sponsor,
        "id = \"youth\"\nname = \"Y\"\nproject = \"P\"\nfield = \"youth-education\"\nstart = 2026-01-01\n",
    );
    f.meeting("2026-10-02", "done", "running");
    f.meeting("2026-10-03", "done", "running");
    f.meeting("2026-10-04", "cancelled", "running");
    f.meeting("2026-10-05", "done", "ended-before");
    f.meeting("2026-10-06", "done", "youth");
    f.meeting("2026-11-02", "done", "starts-later");
    let s = f.october().sponsors;
    assert_eq!(s.meetings, 4);
    assert_eq!(s.active, 4, "running, ends-mid, starts-last-day, youth");
    assert_eq!(
        s.by_sponsor,
        map(&[
            ("ended-before", 1),
            ("ends-mid", 0),
            ("running", 2),
            ("starts-last-day", 0),
            ("youth", 1)
        ])
    );
    assert_eq!(
        s.by_field,
        map(&[("civic-education", 3), ("youth-education", 1)])
    );
}

#[test]
fn stale_sponsors_boundary_never_met_and_ended() {
    let mut f = Fixture::new();
    f.sponsor("at-boundary", "2025-01-01", "")
        .sponsor("one-day-over", "2025-01-01", "")
        .sponsor("never-met", "2025-01-01", "")
        .sponsor("only-cancelled", "2025-01-01", "")
        .sponsor("met-after-end-of-period", "2025-01-01", "")
        .sponsor("ends-mid", "2025-01-01", "end = 2026-10-15")
        .sponsor("ends-on-to", "2025-01-01", "end = 2026-10-31")
        .sponsor("starts-later", "2026-11-01", "")
        .sponsor("fresh", "2025-01-01", "");
    // 2026-10-31 − 60 days = 2026-09-01
    f.meeting("2026-09-01", "done", "at-boundary");
    f.meeting("2026-08-31", "done", "one-day-over");
    f.meeting("2026-10-20", "cancelled", "only-cancelled");
    f.meeting("2026-11-02", "done", "met-after-end-of-period");
    f.meeting("2026-10-30", "done", "fresh");
    f.meeting("2026-05-30", "done", "fresh");
    let s = f.october().sponsors;
    assert_eq!(
        s.stale,
        vec![
            "ends-on-to",
            "met-after-end-of-period",
            "never-met",
            "one-day-over",
            "only-cancelled"
        ]
    );
}

#[test]
fn year_to_date_only_in_monthly_and_quarterly_reports() {
    let mut f = Fixture::new();
    f.client("K-AAAA", "")
        .client("K-BBBB", "")
        .partner("beratung");
    f.add(Kind::Client, "id = \"K-NEW1\"\nfirst_contact = 2026-02-01");
    f.consultation("2025-12-31", "done", "K-AAAA", "");
    f.consultation("2026-01-01", "done", "K-AAAA", "");
    f.consultation("2026-03-10", "done", "K-NEW1", "");
    f.consultation("2026-10-31", "done", "K-BBBB", "");
    f.consultation("2026-11-01", "done", "K-BBBB", "");
    f.event("2026-02-02", "done", "info", 12);
    f.event("2026-10-02", "done", "info", 8);
    f.sponsor("s", "2025-01-01", "");
    f.meeting("2026-06-01", "done", "s");
    f.referral("2026-04-01", "open", "");
    let ytd = f.october().year_to_date.unwrap();
    assert_eq!(
        ytd,
        YearToDate {
            consultations: 3,
            unique_clients: 3,
            new_clients: 1,
            events: 2,
            event_participants: 20,
            sponsor_meetings: 1,
            referrals: 1,
            contacts: 0,
            organisation_consultations: 0,
        }
    );
    let q = f.report(Period::quarter(2026, 1).unwrap(), ReportKind::Quarterly);
    assert_eq!(q.year_to_date.unwrap().consultations, 2);
    let year = f.report(Period::year(2026).unwrap(), ReportKind::Yearly);
    assert!(year.year_to_date.is_none());
    let span = Period::new(d("2026-01-01"), d("2026-10-31")).unwrap();
    assert!(f.report(span, ReportKind::Period).year_to_date.is_none());
}

#[test]
fn targets_against_year_to_date_whole_year_and_absent() {
    let mut f = Fixture::new();
    f.client("K-AAAA", "");
    f.consultation("2026-02-01", "done", "K-AAAA", "");
    f.consultation("2026-10-01", "done", "K-AAAA", "");
    f.consultation("2026-11-20", "done", "K-AAAA", "");
    f.event("2026-03-01", "done", "info", 5);
    let targets = f.october().targets.unwrap();
    let keys: Vec<&str> = targets.0.iter().map(|t| t.key).collect();
    assert_eq!(keys, vec!["consultations", "events"]);
    assert_eq!(
        (
            targets.0[0].target,
            targets.0[0].actual,
            targets.0[0].percent()
        ),
        (3, 2, Some(66.7))
    );
    assert_eq!(
        (
            targets.0[1].target,
            targets.0[1].actual,
            targets.0[1].percent()
        ),
        (8, 1, Some(12.5))
    );
    let year = f.report(Period::year(2026).unwrap(), ReportKind::Yearly);
    let t = year.targets.unwrap();
    assert_eq!((t.0[0].actual, t.0[0].percent()), (3, Some(100.0)));
    let span = Period::new(d("2026-01-01"), d("2026-12-31")).unwrap();
    assert!(f.report(span, ReportKind::Period).targets.is_none());
    let other_year = f.report(Period::month(2025, 10).unwrap(), ReportKind::Monthly);
    assert!(other_year.targets.is_none(), "no [targets.2025]");
}

#[test]
fn a_missing_client_stops_the_report() {
    let mut f = Fixture::new();
    f.client("K-AAAA", "");
    f.consultation("2026-10-02", "done", "K-GONE", "");
    let err = build(
        &f.records,
        &f.config,
        Period::month(2026, 10).unwrap(),
        ReportKind::Monthly,
    )
    .unwrap_err();
    assert_eq!(err.len(), 1);
    assert!(err[0].is_error());
    assert!(err[0].path.to_string_lossy().contains("apt-20261002"));
    assert!(err[0].message.contains("K-GONE"), "{}", err[0].message);
}

#[test]
fn empty_records_give_zeroes_and_empty_breakdowns() {
    let f = Fixture::new();
    let r = f.october();
    assert_eq!(r.consultations, Consultations::default());
    assert_eq!(r.clients, Clients::default());
    assert!(r.events.list.is_empty() && r.sponsors.stale.is_empty());
    assert_eq!(r.targets.unwrap().0[0].percent(), Some(0.0));
}

#[test]
fn contacts_count_by_kind_topic_language_and_referral_once_each() {
    let mut f = Fixture::new();
    f.partner("jobcenter").partner("caritas");
    // first and last day count, the days around them do not
    f.contact("2026-09-30", "phone", "");
    f.contact(
        "2026-10-01",
        "walk-in",
        // referred to two partners: one referred contact; a topic listed twice counts once
        "topics = [\"residence\", \"housing\", \"housing\"]\nlanguage = \"ar\"\nreferred_to = [\"jobcenter\", \"caritas\"]",
    );
    f.contact(
        "2026-10-15",
        "phone",
        "topics = [\"housing\"]\nlanguage = \"ar\"",
    );
    f.contact("2026-10-31", "message", "referred_to = [\"caritas\"]");
    f.contact("2026-11-01", "walk-in", "");
    let c = f.october().contacts;
    assert_eq!(c.total, 3);
    assert_eq!(c.referred, 2);
    assert_eq!(
        c.by_kind,
        map(&[("walk-in", 1), ("phone", 1), ("message", 1)])
    );
    assert_eq!(c.by_topic, map(&[("residence", 1), ("housing", 2)]));
    assert_eq!(c.by_language, map(&[("ar", 2), ("unknown", 1)]));
    // nothing of a contact counts as a consultation or a client
    let r = f.october();
    assert_eq!(r.consultations.held, 0);
    assert_eq!(r.clients.unique, 0);
    assert_eq!(r.referrals.made, 0);
}

#[test]
fn organisations_count_held_consultations_and_distinct_partners() {
    let mut f = Fixture::new();
    f.partner_of_kind("kita", "education")
        .partner_of_kind("sportverein", "association")
        .partner_of_kind("amt", "authority");
    // one organisation consulted twice in the month: two consultations, one organisation
    f.organisation(
        "2026-10-06",
        "done",
        "kita",
        "topics = [\"intercultural-opening\", \"education\", \"education\"]",
    );
    f.organisation(
        "2026-10-20",
        "done",
        "kita",
        "topics = [\"intercultural-opening\"]",
    );
    f.organisation("2026-10-13", "done", "sportverein", "");
    // not held, or not in the period: not counted
    f.organisation("2026-10-27", "cancelled", "amt", "");
    f.organisation("2026-10-28", "no-show", "amt", "");
    f.organisation("2026-09-29", "done", "amt", "");
    f.organisation("2026-11-03", "done", "amt", "");
    let o = f.october().organisations;
    assert_eq!(o.consultations, 3);
    assert_eq!(o.organisations, 2);
    assert_eq!(
        o.by_partner_kind,
        map(&[("education", 2), ("association", 1)])
    );
    assert_eq!(
        o.by_topic,
        map(&[("intercultural-opening", 2), ("education", 1)])
    );
    // organisation consultations are no consultations of clients or sponsor meetings
    let r = f.october();
    assert_eq!(r.consultations.held, 0);
    assert_eq!(r.consultations.cancelled, 0);
    assert_eq!(r.sponsors.meetings, 0);
}

#[test]
fn contacts_and_organisation_consultations_in_year_to_date_targets_and_series() {
    let mut f = Fixture::new();
    f.config = toml::from_str(&CONFIG.replace(
        "events = 8\n",
        "events = 8\ncontacts = 4\norganisation_consultations = 0\n",
    ))
    .unwrap();
    f.partner_of_kind("kita", "education");
    f.contact("2025-12-31", "phone", "");
    f.contact("2026-01-01", "phone", "");
    f.contact("2026-06-15", "email", "");
    f.contact("2026-10-31", "walk-in", "");
    f.contact("2026-11-01", "walk-in", "");
    f.organisation("2026-03-03", "done", "kita", "");
    f.organisation("2026-10-30", "planned", "kita", "");
    let october = f.october();
    let ytd = october.year_to_date.unwrap();
    assert_eq!((ytd.contacts, ytd.organisation_consultations), (3, 1));
    let targets = october.targets.unwrap();
    let line = |key: &str| targets.0.iter().find(|t| t.key == key).unwrap().clone();
    let contacts = line("contacts");
    assert_eq!(
        (contacts.target, contacts.actual, contacts.percent()),
        (4, 3, Some(75.0))
    );
    let orgs = line("organisation_consultations");
    assert_eq!((orgs.target, orgs.actual, orgs.percent()), (0, 1, None));
    let year = f.report(Period::year(2026).unwrap(), ReportKind::Yearly);
    assert_eq!(year.contacts.total, 4);
    assert_eq!(year.organisations.consultations, 1);
    let series = crate::report::series::build(
        &f.records,
        2026,
        crate::report::series::By::Quarter,
        &|_| true,
    )
    .unwrap();
    let per_quarter: Vec<(u64, u64)> = series
        .rows
        .iter()
        .map(|r| (r.figures.contacts, r.figures.organisation_consultations))
        .collect();
    assert_eq!(per_quarter, vec![(1, 1), (1, 0), (0, 0), (2, 0)]);
    assert_eq!(series.total.contacts, 4);
    assert_eq!(series.previous_year.contacts, 1);
}

#[test]
fn a_contact_pointed_to_a_missing_partner_stops_the_report() {
    let mut f = Fixture::new();
    f.contact("2026-10-02", "phone", "referred_to = [\"gone\"]");
    f.organisation("2026-10-03", "done", "also-gone", "");
    let err = build(
        &f.records,
        &f.config,
        Period::month(2026, 10).unwrap(),
        ReportKind::Monthly,
    )
    .unwrap_err();
    let messages: Vec<&str> = err.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(err.len(), 2, "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("`gone`")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`also-gone`")),
        "{messages:?}"
    );
}
