//! The generator: valid, reproducible, proportional to the scale.

use super::*;
use crate::model::read::{Context, Placement, read_record};

fn config(sample: &Sample) -> Config {
    let (config, problems) = crate::model::read::read_config(&sample.config);
    assert!(problems.is_empty(), "{problems:?}");
    config.expect("config parses")
}

#[test]
fn every_record_reads_back_without_a_problem() {
    let sample = generate(SAMPLE_SEED, 1);
    let config = config(&sample);
    let ctx = Context {
        config: &config,
        today: ymd(2026, 11, 25),
    };
    for record in &sample.records {
        let text = to_toml(record);
        let placement = Placement {
            stem: record.id(),
            year_month: record.date().map(|d| (d.year(), d.month())),
        };
        let (read, problems) = read_record(record.kind(), &text, &ctx, Some(placement));
        assert!(problems.is_empty(), "{text}\n{problems:?}");
        assert_eq!(read.as_ref(), Some(record), "{text}");
    }
}

#[test]
fn same_seed_same_records_other_seed_other_records() {
    let a = generate(7, 1);
    let b = generate(7, 1);
    let c = generate(8, 1);
    assert_eq!(a.records, b.records);
    assert_eq!(a.config, b.config);
    assert_ne!(a.records, c.records);
}

#[test]
fn scale_multiplies_the_volume() {
    let one = generate(SAMPLE_SEED, 1).records.len() as f64;
    let four = generate(SAMPLE_SEED, 4).records.len() as f64;
    assert!((3.2..4.8).contains(&(four / one)), "{one} → {four}");
    let c = config(&generate(SAMPLE_SEED, 4));
    assert!(c.staff.len() >= 6);
}

#[test]
fn nothing_done_after_the_end_of_the_data() {
    let end = data_end();
    for r in generate(SAMPLE_SEED, 2).records {
        let Some(date) = r.date() else { continue };
        if date > end {
            assert!(
                date >= ymd(2026, 12, 1) && date <= ymd(2027, 1, 31),
                "{r:?}"
            );
            match &r {
                Record::Appointment(a) => assert_eq!(a.status, AppointmentStatus::Planned),
                Record::Event(e) => assert_eq!(e.status, EventStatus::Planned),
                Record::Sponsor(_)
                | Record::Partner(_)
                | Record::Client(_)
                | Record::Referral(_)
                | Record::Contact(_) => panic!("only appointments and events lie ahead: {r:?}"),
            }
        }
    }
}

#[test]
fn the_generator_is_uniform_enough() {
    let mut rng = Rng::new(1);
    let mut counts = [0u32; 10];
    for _ in 0..10_000 {
        counts[rng.below(10) as usize] += 1;
    }
    assert!(counts.iter().all(|c| (900..1100).contains(c)), "{counts:?}");
    let mean: u64 = (0..10_000).map(|_| rng.around(2500)).sum();
    assert!((23_000..27_000).contains(&mean), "{mean}");
}

#[test]
fn the_sample_has_hours_deadlines_and_continuation_states() {
    let sample = generate(SAMPLE_SEED, 1);
    assert_eq!(config(&sample).hours.len(), 2);
    let sponsors: Vec<&Sponsor> = sample
        .records
        .iter()
        .filter_map(|r| {
            let Record::Sponsor(s) = r else { return None };
            Some(s)
        })
        .collect();
    let deadlines: Vec<&Deadline> = sponsors.iter().flat_map(|s| &s.deadlines).collect();
    assert!(
        deadlines.iter().any(|d| d.done.is_some() && !d.met()),
        "one done late"
    );
    assert!(
        deadlines
            .iter()
            .any(|d| d.done.is_none() && d.due < data_end()),
        "one overdue"
    );
    assert!(deadlines.iter().any(|d| d.due > data_end()), "some ahead");
    assert!(
        deadlines
            .iter()
            .all(|d| d.done.is_none_or(|x| x <= data_end()))
    );
    for c in [
        Continuation::Planned,
        Continuation::Secured,
        Continuation::Ending,
    ] {
        assert!(sponsors.iter().any(|s| s.continuation == c), "{c:?}");
    }
    assert!(sponsors.iter().all(|s| s.planned_participants.is_some()));
}

#[test]
fn the_sample_has_short_contacts_and_organisation_consultations() {
    let sample = generate(SAMPLE_SEED, 1);
    let contacts: Vec<&Contact> = sample
        .records
        .iter()
        .filter_map(|r| {
            let Record::Contact(c) = r else { return None };
            Some(c)
        })
        .collect();
    // about 18 a month over 22 months, walk-ins on Fridays (the asylum hour)
    assert!((250..550).contains(&contacts.len()), "{}", contacts.len());
    assert!(contacts.iter().any(|c| c.referred_to.len() >= 2));
    assert!(
        contacts
            .iter()
            .filter(|c| c.kind == ContactKind::WalkIn)
            .all(|c| c.date.weekday() == Weekday::Fri)
    );
    let organisations: Vec<&Appointment> = sample
        .records
        .iter()
        .filter_map(|r| {
            let Record::Appointment(a) = r else {
                return None;
            };
            (a.kind == AppointmentKind::Organisation).then_some(a)
        })
        .collect();
    assert!(organisations.len() >= 30, "{}", organisations.len());
    assert!(organisations.iter().all(|a| {
        a.partner.is_some()
            && a.client.is_none()
            && a.date.weekday() == Weekday::Tue
            && a.topics.iter().any(|t| t == "intercultural-opening")
    }));
}
