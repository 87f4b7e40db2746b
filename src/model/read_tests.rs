use super::*;
use crate::model::write::to_toml;
use proptest::prelude::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn config() -> Config {
    let text = "[office]\nname = \"x\"\n[area]\ndistricts = [\"Lindenau\", \"Plagwitz\"]\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n";
    toml::from_str(text).unwrap()
}

/// Writes the record, reads it back in its own place; nothing may differ
/// and nothing may be found.
fn round_trip(record: Record) {
    let config = config();
    let ctx = Context {
        config: &config,
        today: date(2026, 11, 25),
    };
    let text = to_toml(&record);
    let placement = Placement {
        stem: record.id(),
        year_month: record.date().map(|d| (d.year(), d.month())),
    };
    let (back, problems) = read_record(record.kind(), &text, &ctx, Some(placement));
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
    assert_eq!(back.as_ref(), Some(&record), "{text}");
}

fn full() -> Vec<Record> {
    let text = Some("Rückfrage: \"Kita\" — Termin\nzweite Zeile \\ mit Backslash".to_string());
    vec![
        Record::Sponsor(Sponsor {
            id: "jugendwerk".into(),
            name: "Jugendwerk e.V.".into(),
            project: "Lernwerkstatt".into(),
            field: Field::CivicEducation,
            start: date(2026, 1, 1),
            end: Some(date(2026, 12, 31)),
            contact: Some("Frau Muster".into()),
            email: Some("info@jugendwerk.example".into()),
            phone: Some("0341 1234567".into()),
            status: SponsorStatus::Ended,
            notes: text.clone(),
            planned_participants: Some(120),
            continuation: Continuation::Secured,
            continuation_notes: text.clone(),
            deadlines: vec![
                Deadline {
                    kind: DeadlineKind::Sachbericht,
                    due: date(2026, 6, 30),
                    done: Some(date(2026, 7, 2)),
                    notes: text.clone(),
                },
                Deadline {
                    kind: DeadlineKind::ParticipantData,
                    due: date(2026, 6, 30),
                    done: None,
                    notes: None,
                },
            ],
        }),
        Record::Partner(Partner {
            id: "caritas".into(),
            name: "Caritas".into(),
            kind: PartnerKind::LanguageCourse,
            offers: vec!["language".into(), "debts".into()],
            languages: vec!["de".into(), "ar".into(), "uk".into()],
            address: Some("Georg-Schwarz-Str. 1".into()),
            phone: Some("0341 7654321".into()),
            email: Some("beratung@caritas.example".into()),
            website: Some("https://caritas.example".into()),
            notes: text.clone(),
        }),
        Record::Client(Client {
            id: "K-7F3A".into(),
            first_contact: date(2026, 1, 10),
            gender: Gender::Diverse,
            birth_year: Some(1990),
            origin: Some("SY".into()),
            languages: vec!["ar".into(), "de".into()],
            residence: Residence::RecognisedRefugee,
            district: Some("Plagwitz".into()),
            employment: Employment::LongTermUnemployed,
            consent: Some(date(2026, 1, 10)),
            erased: Some(date(2026, 3, 1)),
            notes: text.clone(),
            consents: vec![
                crate::model::consent::Consent {
                    date: date(2026, 2, 1),
                    scope: ConsentScope::Referral,
                    partners: vec!["caritas".into()],
                    except: Vec::new(),
                    until: Some(date(2027, 1, 31)),
                    withdrawn: None,
                    notes: Some("mündlich, mit Dolmetscherin".into()),
                },
                crate::model::consent::Consent {
                    date: date(2026, 1, 10),
                    scope: ConsentScope::Referral,
                    partners: Vec::new(),
                    except: vec!["jobcenter-west".into()],
                    until: None,
                    withdrawn: Some(date(2026, 2, 20)),
                    notes: None,
                },
            ],
        }),
        Record::Appointment(Appointment {
            id: "apt-20261120-a1b2".into(),
            date: date(2026, 11, 20),
            time: NaiveTime::from_hms_opt(10, 30, 0),
            duration: Some(45),
            kind: AppointmentKind::Consultation,
            status: AppointmentStatus::NoShow,
            staff: Some("eb".into()),
            client: Some("K-7F3A".into()),
            sponsor: None,
            partner: None,
            topics: vec!["residence".into(), "debts".into()],
            language: Some("ar".into()),
            interpreter: true,
            family_members: 2,
            channel: Some(Channel::Video),
            notes: text.clone(),
        }),
        Record::Appointment(Appointment {
            id: "apt-20261121-s1s2".into(),
            date: date(2026, 11, 21),
            time: NaiveTime::from_hms_opt(14, 0, 0),
            duration: Some(60),
            kind: AppointmentKind::Sponsor,
            status: AppointmentStatus::Done,
            staff: Some("mk".into()),
            client: None,
            sponsor: Some("jugendwerk".into()),
            partner: None,
            topics: vec!["Verwendungsnachweis".into(), "Zwischenbericht 2026".into()],
            language: None,
            interpreter: false,
            family_members: 0,
            channel: None,
            notes: text.clone(),
        }),
        Record::Referral(Referral {
            id: "ref-20261120-r1r2".into(),
            date: date(2026, 11, 20),
            client: "K-7F3A".into(),
            partner: "caritas".into(),
            topic: "debts".into(),
            appointment: Some("apt-20261120-a1b2".into()),
            status: ReferralStatus::Withdrawn,
            follow_up: Some(date(2026, 12, 1)),
            closed: Some(date(2026, 11, 24)),
            outcome: Some("kein Bedarf mehr".into()),
            staff: Some("eb".into()),
            notes: text.clone(),
        }),
        Record::Event(Event {
            id: "evt-20261118-e1e2".into(),
            date: date(2026, 11, 18),
            time: NaiveTime::from_hms_opt(18, 0, 0),
            title: "Infoabend \"Wohnen\"".into(),
            kind: EventKind::Info,
            status: EventStatus::Done,
            topics: vec!["housing".into()],
            location: Some("Stadtteilladen".into()),
            partners: vec!["caritas".into()],
            sponsors: vec!["jugendwerk".into()],
            languages: vec!["de".into(), "fa".into()],
            interpreter: true,
            notes: text.clone(),
            participants: Some(Participants {
                total: 30,
                women: 14,
                men: 12,
                diverse: 1,
                migrants: 20,
            }),
        }),
        Record::Contact(Contact {
            id: "con-20261124-c1c2".into(),
            date: date(2026, 11, 24),
            time: NaiveTime::from_hms_opt(11, 15, 0),
            kind: ContactKind::WalkIn,
            topics: vec!["residence".into(), "debts".into()],
            language: Some("fa".into()),
            interpreter: true,
            duration: Some(15),
            referred_to: vec!["caritas".into(), "p".into()],
            staff: Some("eb".into()),
            notes: text.clone(),
        }),
        Record::Appointment(Appointment {
            id: "apt-20261117-o1o2".into(),
            date: date(2026, 11, 17),
            time: NaiveTime::from_hms_opt(10, 0, 0),
            duration: Some(90),
            kind: AppointmentKind::Organisation,
            status: AppointmentStatus::Done,
            staff: Some("mk".into()),
            client: None,
            sponsor: None,
            partner: Some("caritas".into()),
            topics: vec!["intercultural-opening".into()],
            language: None,
            interpreter: false,
            family_members: 0,
            channel: Some(Channel::Video),
            notes: text,
        }),
    ]
}

fn minimal() -> Vec<Record> {
    vec![
        Record::Sponsor(Sponsor {
            id: "s".into(),
            name: "S".into(),
            project: "P".into(),
            field: Field::YouthEducation,
            start: date(2026, 1, 1),
            end: None,
            contact: None,
            email: None,
            phone: None,
            status: SponsorStatus::Active,
            notes: None,
            planned_participants: None,
            continuation: Continuation::Open,
            continuation_notes: None,
            deadlines: Vec::new(),
        }),
        Record::Partner(Partner {
            id: "p".into(),
            name: "P".into(),
            kind: PartnerKind::Other,
            offers: vec![],
            languages: vec![],
            address: None,
            phone: None,
            email: None,
            website: None,
            notes: None,
        }),
        Record::Client(Client {
            id: "K-0000".into(),
            first_contact: date(2026, 1, 10),
            gender: Gender::Unknown,
            birth_year: None,
            origin: None,
            languages: vec![],
            residence: Residence::Unknown,
            district: None,
            employment: Employment::Unknown,
            consent: None,
            erased: None,
            notes: None,
            consents: Vec::new(),
        }),
        Record::Appointment(Appointment {
            id: "apt-20261231-zzzz".into(),
            date: date(2026, 12, 31),
            time: None,
            duration: None,
            kind: AppointmentKind::Consultation,
            status: AppointmentStatus::Planned,
            staff: None,
            client: Some("K-0000".into()),
            sponsor: None,
            partner: None,
            topics: vec![],
            language: None,
            interpreter: false,
            family_members: 0,
            channel: None,
            notes: None,
        }),
        Record::Referral(Referral {
            id: "ref-20260101-0000".into(),
            date: date(2026, 1, 1),
            client: "K-0000".into(),
            partner: "p".into(),
            topic: "other".into(),
            appointment: None,
            status: ReferralStatus::Open,
            follow_up: None,
            closed: None,
            outcome: None,
            staff: None,
            notes: None,
        }),
        Record::Event(Event {
            id: "evt-20270105-a0a0".into(),
            date: date(2027, 1, 5),
            time: None,
            title: "T".into(),
            kind: EventKind::Other,
            status: EventStatus::Planned,
            topics: vec![],
            location: None,
            partners: vec![],
            sponsors: vec![],
            languages: vec![],
            interpreter: false,
            notes: None,
            participants: None,
        }),
        Record::Contact(Contact {
            id: "con-20260101-0000".into(),
            date: date(2026, 1, 1),
            time: None,
            kind: ContactKind::Other,
            topics: vec![],
            language: None,
            interpreter: false,
            duration: None,
            referred_to: vec![],
            staff: None,
            notes: None,
        }),
    ]
}

#[test]
fn every_kind_round_trips_with_all_optional_fields() {
    let records = full();
    let kinds: std::collections::BTreeSet<Kind> = records.iter().map(Record::kind).collect();
    assert_eq!(kinds.len(), Kind::ALL.len());
    for r in records {
        round_trip(r);
    }
}

/// The writer takes a record's values from its `Serialize` form by key:
/// a struct field without a schema row would silently not be written.
#[test]
fn every_key_a_record_serializes_has_a_schema_row() {
    fn keys_in(
        kind: Kind,
        fields: &[crate::schema::FieldSpec],
        object: &serde_json::Value,
        at: &str,
    ) {
        for (key, value) in object.as_object().expect("an object") {
            let f = fields.iter().find(|f| f.key == key).unwrap_or_else(|| {
                panic!(
                    "{} `{at}{key}` is serialized but has no schema row",
                    kind.name()
                )
            });
            let sub = f.ty.subfields().unwrap_or_default();
            match value {
                serde_json::Value::Object(_) => keys_in(kind, sub, value, &format!("{key}.")),
                serde_json::Value::Array(items) if !sub.is_empty() => {
                    for i in items {
                        keys_in(kind, sub, i, &format!("{key}."));
                    }
                }
                _ => {}
            }
        }
    }
    for r in full() {
        let json = serde_json::to_value(&r).unwrap();
        keys_in(r.kind(), crate::schema::of(r.kind()).fields, &json, "");
    }
}

#[test]
fn every_kind_round_trips_with_no_optional_fields() {
    let records = minimal();
    assert_eq!(records.len(), Kind::ALL.len());
    for r in records {
        round_trip(r);
    }
}

proptest! {
    #[test]
    fn free_text_and_numbers_round_trip(
        notes in "[\\PC\n\t\r]*",
        title in "[^\\s]\\PC{0,40}",
        duration in 0i64..100_000,
        family in 0i64..20,
        total in 0i64..10_000,
    ) {
        let Record::Appointment(mut a) = full().remove(3) else { unreachable!() };
        a.notes = Some(notes.clone());
        a.duration = Some(duration);
        a.family_members = family;
        round_trip(Record::Appointment(a));
        let Record::Event(mut e) = full().remove(6) else { unreachable!() };
        e.title = title;
        e.notes = Some(notes);
        e.participants = Some(Participants { total, women: 0, men: total, diverse: 0, migrants: total / 2 });
        round_trip(Record::Event(e));
    }
}

/// The full records give every key of the schema a value (nested keys too;
/// over the records of a kind together, as keys such as an appointment's
/// `client` and `sponsor` exclude each other), so the round trip above
/// covers each: a key added to the schema but left unset there — or unread
/// by `convert` — fails.
#[test]
fn the_full_records_hold_every_key_of_the_schema() {
    let mut seen = std::collections::BTreeSet::new();
    for r in full() {
        let json = serde_json::to_value(&r).unwrap();
        crate::schema::visit(
            crate::schema::of(r.kind()).fields,
            &json,
            &mut |_, key, _| {
                seen.insert((r.kind(), key.to_string()));
            },
        );
    }
    for (kind, key, spec) in crate::schema::every_field() {
        if spec.ty.subfields().is_none() {
            assert!(
                seen.contains(&(kind, key.clone())),
                "no full {} of read_tests.rs holds `{key}`",
                kind.name()
            );
        }
    }
}
