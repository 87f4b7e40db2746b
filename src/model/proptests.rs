//! Property tests of the record format: every valid record of every kind
//! survives writing and reading unchanged, whatever its free text holds, and
//! an update through toml_edit changes exactly the key it sets.

use super::read::{Context, Severity, read_record};
use super::*;
use crate::commands::shared::{set_date, set_str, set_value};
use chrono::{Datelike, NaiveDate, NaiveTime};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use std::sync::LazyLock;
use toml_edit::{DocumentMut, Value};

static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    toml::from_str(
        "[office]\nname = \"Test\"\n[area]\ndistricts = [\"Lindenau\", \"Plagwitz\"]\n\
         [topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n",
    )
    .unwrap()
});

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Free text as people and copy-paste produce it: TOML syntax, escapes,
/// quotes of every kind, line breaks, control characters and any Unicode.
fn free_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\"\"\"".to_string()),
        Just("'''".to_string()),
        Just("\\".to_string()),
        Just("\\n".to_string()),
        Just("\\u00e9".to_string()),
        Just("\\U0001F600".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\n[table]\n".to_string()),
        Just("[[array]]".to_string()),
        Just("key = \"value\"".to_string()),
        Just("# not a comment".to_string()),
        Just("<<<<<<< HEAD".to_string()),
        Just("=======".to_string()),
        Just("\u{0}\u{7f}\u{1b}[31m".to_string()),
        Just("\u{feff}".to_string()),
        Just("Grüße, Ärger, ß, € 35,00".to_string()),
        Just("مرحبا Привіт 你好 𝄞".to_string()),
        any::<String>(),
        "[a-z ]{1,12}",
    ];
    prop::collection::vec(pieces, 0..6).prop_map(|v| v.concat())
}

/// Text that a required field accepts: not blank.
fn required_text() -> impl Strategy<Value = String> {
    free_text().prop_filter("required text is not blank", |s| !s.trim().is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(free_text())
}

fn date_between(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let days = (to - from).num_days();
    (0..=days).prop_map(move |n| from + chrono::Days::new(n as u64))
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    date_between(
        NaiveDate::from_ymd_opt(1990, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2035, 12, 31).unwrap(),
    )
}

fn past_date() -> impl Strategy<Value = NaiveDate> {
    date_between(NaiveDate::from_ymd_opt(2015, 1, 1).unwrap(), today())
}

fn time() -> impl Strategy<Value = Option<NaiveTime>> {
    prop::option::of(
        (0u32..24, 0u32..60, 0u32..60)
            .prop_map(|(h, m, s)| NaiveTime::from_hms_opt(h, m, s).unwrap()),
    )
}

fn code<C: Code + std::fmt::Debug>() -> impl Strategy<Value = C> {
    select(C::ALL)
}

fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9][a-z0-9-]{0,62}"
}

fn client_code() -> impl Strategy<Value = String> {
    "K-[0-9A-Z]{4,12}"
}

fn dated_id(prefix: &'static str, date: NaiveDate) -> impl Strategy<Value = String> {
    "[a-z0-9]{4}".prop_map(move |s| format!("{prefix}-{}-{s}", date.format("%Y%m%d")))
}

fn languages() -> impl Strategy<Value = Vec<String>> {
    subsequence(&["de", "en", "ar", "uk", "fa", "ru", "tr", "ti"][..], 0..4)
        .prop_map(|v| v.into_iter().map(String::from).collect())
}

fn topic_codes() -> impl Strategy<Value = Vec<String>> {
    let mut codes: Vec<String> = BuiltinTopic::ALL
        .iter()
        .map(|t| t.code().to_string())
        .collect();
    codes.push("debts".to_string());
    subsequence(codes, 0..4)
}

fn slugs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(slug(), 0..3)
}

fn sponsor() -> impl Strategy<Value = Record> {
    (
        (slug(), required_text(), required_text(), code::<Field>()),
        (any_date(), prop::option::of(0u64..2000)),
        (
            opt_text(),
            opt_text(),
            opt_text(),
            code::<SponsorStatus>(),
            opt_text(),
        ),
    )
        .prop_map(
            |((id, name, project, field), (start, end), (contact, email, phone, status, notes))| {
                Record::Sponsor(Sponsor {
                    id,
                    name,
                    project,
                    field,
                    start,
                    end: end.map(|n| start + chrono::Days::new(n)),
                    contact,
                    email,
                    phone,
                    status,
                    planned_participants: None,
                    continuation: crate::model::Continuation::Open,
                    continuation_notes: None,
                    notes,
                    deadlines: Vec::new(),
                })
            },
        )
}

fn partner() -> impl Strategy<Value = Record> {
    (
        (
            slug(),
            required_text(),
            code::<PartnerKind>(),
            topic_codes(),
            languages(),
        ),
        (opt_text(), opt_text(), opt_text(), opt_text(), opt_text()),
    )
        .prop_map(
            |((id, name, kind, offers, languages), (address, phone, email, website, notes))| {
                Record::Partner(Partner {
                    id,
                    name,
                    kind,
                    offers,
                    languages,
                    address,
                    phone,
                    email,
                    website,
                    notes,
                })
            },
        )
}

fn client() -> impl Strategy<Value = Record> {
    (
        (
            client_code(),
            past_date(),
            code::<Gender>(),
            // SPEC v2: never after the year of first contact (2015 at the earliest)
            prop::option::of(1900i64..=2015),
        ),
        (
            prop::option::of(select(&["SY", "UA", "AF", "DE", "ER"][..])),
            languages(),
            code::<Residence>(),
            prop::option::of(select(&["Lindenau", "Plagwitz", "outside"][..])),
        ),
        (
            code::<Employment>(),
            // SPEC v2: a consent date in the future is an error
            prop::option::of(past_date()),
            opt_text(),
        ),
    )
        .prop_map(
            |(
                (id, first_contact, gender, birth_year),
                (origin, languages, residence, district),
                (employment, consent, notes),
            )| {
                Record::Client(Client {
                    id,
                    first_contact,
                    gender,
                    // Born no later than the year of first contact (else an error).
                    birth_year: birth_year.map(|y| y.min(i64::from(first_contact.year()))),
                    origin: origin.map(String::from),
                    languages,
                    residence,
                    district: district.map(String::from),
                    employment,
                    consent,
                    erased: None,
                    notes,
                    consents: Vec::new(),
                })
            },
        )
}

fn appointment() -> impl Strategy<Value = Record> {
    (code::<AppointmentStatus>(), code::<AppointmentKind>())
        .prop_flat_map(|(status, kind)| {
            let date = if status == AppointmentStatus::Done {
                past_date().boxed()
            } else {
                any_date().boxed()
            };
            (Just(status), Just(kind), date)
        })
        .prop_flat_map(|(status, kind, date)| {
            let details = match kind {
                AppointmentKind::Consultation => (
                    client_code().prop_map(Some).boxed(),
                    Just(None).boxed(),
                    Just(None).boxed(),
                    topic_codes().boxed(),
                    prop::option::of(select(&["de", "ar", "uk"][..]).prop_map(String::from))
                        .boxed(),
                    any::<bool>().boxed(),
                    (0i64..6).boxed(),
                ),
                AppointmentKind::Sponsor => (
                    Just(None).boxed(),
                    slug().prop_map(Some).boxed(),
                    Just(None).boxed(),
                    prop::collection::vec(free_text(), 0..3).boxed(),
                    Just(None).boxed(),
                    Just(false).boxed(),
                    Just(0i64).boxed(),
                ),
                AppointmentKind::Organisation => (
                    Just(None).boxed(),
                    Just(None).boxed(),
                    slug().prop_map(Some).boxed(),
                    topic_codes().boxed(),
                    Just(None).boxed(),
                    Just(false).boxed(),
                    Just(0i64).boxed(),
                ),
            };
            (
                (
                    dated_id("apt", date),
                    Just(date),
                    time(),
                    prop::option::of(0i64..600),
                ),
                (
                    Just(kind),
                    Just(status),
                    prop::option::of(select(&["eb", "mk"][..])),
                ),
                details,
                opt_text(),
            )
        })
        .prop_map(
            |(
                (id, date, time, duration),
                (kind, status, staff),
                (client, sponsor, partner, topics, language, interpreter, family_members),
                notes,
            )| {
                Record::Appointment(Appointment {
                    id,
                    date,
                    time,
                    duration,
                    kind,
                    status,
                    staff: staff.map(String::from),
                    client,
                    sponsor,
                    partner,
                    topics,
                    language,
                    interpreter,
                    family_members,
                    channel: None,
                    notes,
                })
            },
        )
}

fn referral() -> impl Strategy<Value = Record> {
    (code::<ReferralStatus>(), past_date())
        .prop_flat_map(|(status, date)| {
            let closed = if status == ReferralStatus::Open {
                Just(None).boxed()
            } else {
                date_between(date, today()).prop_map(Some).boxed()
            };
            (
                (dated_id("ref", date), Just(date), client_code(), slug()),
                (
                    select(BuiltinTopic::ALL).prop_map(|t| t.code().to_string()),
                    prop::option::of(dated_id("apt", date)),
                    Just(status),
                    prop::option::of(any_date()),
                    closed,
                ),
                (opt_text(), opt_text(), opt_text()),
            )
        })
        .prop_map(
            |(
                (id, date, client, partner),
                (topic, appointment, status, follow_up, closed),
                (outcome, staff, notes),
            )| {
                Record::Referral(Referral {
                    id,
                    date,
                    client,
                    partner,
                    topic,
                    appointment,
                    status,
                    follow_up,
                    closed,
                    outcome,
                    staff,
                    notes,
                })
            },
        )
}

fn participants() -> impl Strategy<Value = Participants> {
    (0i64..500)
        .prop_flat_map(|total| (Just(total), 0..=total, 0..=total))
        .prop_flat_map(|(total, women, migrants)| {
            (Just(total), Just(women), 0..=total - women, Just(migrants))
        })
        .prop_flat_map(|(total, women, men, migrants)| {
            (
                Just(total),
                Just(women),
                Just(men),
                0..=total - women - men,
                Just(migrants),
            )
        })
        .prop_map(|(total, women, men, diverse, migrants)| Participants {
            total,
            women,
            men,
            diverse,
            migrants,
        })
}

fn event() -> impl Strategy<Value = Record> {
    code::<EventStatus>()
        .prop_flat_map(|status| {
            let (date, participants) = if status == EventStatus::Done {
                (past_date().boxed(), participants().prop_map(Some).boxed())
            } else {
                (any_date().boxed(), prop::option::of(participants()).boxed())
            };
            (Just(status), date, participants)
        })
        .prop_flat_map(|(status, date, participants)| {
            (
                (dated_id("evt", date), Just(date), time(), required_text()),
                (code::<EventKind>(), Just(status), topic_codes(), opt_text()),
                (
                    slugs(),
                    slugs(),
                    languages(),
                    any::<bool>(),
                    opt_text(),
                    Just(participants),
                ),
            )
        })
        .prop_map(
            |(
                (id, date, time, title),
                (kind, status, topics, location),
                (partners, sponsors, languages, interpreter, notes, participants),
            )| {
                Record::Event(Event {
                    id,
                    date,
                    time,
                    title,
                    kind,
                    status,
                    topics,
                    location,
                    partners,
                    sponsors,
                    languages,
                    interpreter,
                    notes,
                    participants,
                })
            },
        )
}

fn contact() -> impl Strategy<Value = Record> {
    // SPEC v2 §1.3: a contact in the future is an error
    past_date()
        .prop_flat_map(|date| {
            (
                (dated_id("con", date), Just(date), time()),
                (
                    code::<ContactKind>(),
                    topic_codes(),
                    prop::option::of(select(&["de", "ar", "uk"][..]).prop_map(String::from)),
                    any::<bool>(),
                    prop::option::of(0i64..120),
                ),
                (
                    slugs(),
                    prop::option::of(select(&["eb", "mk"][..])),
                    opt_text(),
                ),
            )
        })
        .prop_map(
            |(
                (id, date, time),
                (kind, topics, language, interpreter, duration),
                (referred_to, staff, notes),
            )| {
                Record::Contact(Contact {
                    id,
                    date,
                    time,
                    kind,
                    topics,
                    language,
                    interpreter,
                    duration,
                    referred_to,
                    staff: staff.map(String::from),
                    notes,
                })
            },
        )
}

fn any_record() -> impl Strategy<Value = Record> {
    prop_oneof![
        sponsor(),
        partner(),
        client(),
        appointment(),
        referral(),
        event(),
        contact()
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_valid_record_reads_back_as_written(record in any_record()) {
        let ctx = Context { config: &CONFIG, today: today() };
        let text = crate::store::record_text(&record);
        prop_assert!(crate::store::conflict_markers(&text).is_empty(), "a line looks like a conflict:\n{}", text);
        let (read, problems) = read_record(record.kind(), &text, &ctx, None);
        let errors: Vec<_> = problems.iter().filter(|p| p.severity == Severity::Error).collect();
        prop_assert!(errors.is_empty(), "errors {:?} in\n{}", errors, text);
        prop_assert_eq!(read.as_ref(), Some(&record), "file:\n{}", text);
        prop_assert!(toml::from_str::<toml::Table>(&text).is_ok());
    }
}

/// A client file as a person writes it: comments, odd spacing, a multi-line
/// string, a list and a table at the end.
const HAND_WRITTEN: &str = "# Klientin aus der Sprechstunde\n\
id = \"K-7F3A\"   # Code\n\
first_contact = 2026-01-10\n\
gender =   \"f\"  # laut Angabe\n\
\n\
# Einwilligung liegt vor\n\
consent = 2026-01-10\n\
notes = \"\"\"\n\
mehrzeilig,\n\
mit \"Anführungszeichen\"\"\"\"\n\
languages = [\"ar\",   \"de\"]  # zwei\n\
\n\
# Tabelle am Ende\n\
[extra]\n\
a = 1 # eins\n";

/// The lines a key occupies in [`HAND_WRITTEN`] (first line, line after the
/// last); a new key goes in front of the table.
fn lines_of(key: &str) -> (usize, usize) {
    match key {
        "id" => (1, 2),
        "first_contact" => (2, 3),
        "gender" => (3, 4),
        "consent" => (6, 7),
        "notes" => (7, 10),
        "languages" => (10, 11),
        _ => (11, 11),
    }
}

#[derive(Debug, Clone)]
enum NewValue {
    Str(String),
    Date(NaiveDate),
    List(Vec<String>),
}

fn new_value() -> impl Strategy<Value = NewValue> {
    prop_oneof![
        free_text().prop_map(NewValue::Str),
        any_date().prop_map(NewValue::Date),
        prop::collection::vec(free_text(), 0..3).prop_map(NewValue::List),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_update_changes_only_the_key_it_sets(
        key in select(&["id", "first_contact", "gender", "consent", "notes", "languages", "district", "status"][..]),
        value in new_value(),
    ) {
        let mut doc: DocumentMut = HAND_WRITTEN.parse().unwrap();
        match &value {
            NewValue::Str(s) => set_str(&mut doc, key, s),
            NewValue::Date(d) => set_date(&mut doc, key, *d),
            NewValue::List(items) => set_value(&mut doc, key, write::list_value(items)),
        }
        let out = doc.to_string();
        let lines: Vec<&str> = HAND_WRITTEN.split_inclusive('\n').collect();
        let (first, after) = lines_of(key);
        let prefix = lines[..first].concat();
        let suffix = lines[after..].concat();
        prop_assert!(out.starts_with(&prefix), "lines before `{}` changed:\n{}", key, out);
        prop_assert!(out.ends_with(&suffix), "lines after `{}` changed:\n{}", key, out);
        prop_assert!(out.len() >= prefix.len() + suffix.len(), "{}", out);
        let middle = &out[prefix.len()..out.len() - suffix.len()];
        let old = lines[first..after].concat();
        if let Some(comment) = old.trim_end().rsplit_once("  # ").map(|(_, c)| c) {
            prop_assert!(middle.trim_end().ends_with(&format!("# {comment}")), "comment of `{}` lost: {}", key, middle);
        }
        let parsed: DocumentMut = middle.parse().map_err(|e| TestCaseError::fail(format!("{e}: {middle}")))?;
        prop_assert_eq!(parsed.len(), 1, "{}", middle);
        let item = parsed.get(key).ok_or_else(|| TestCaseError::fail(format!("`{key}` not in {middle}")))?;
        match &value {
            NewValue::Str(s) => prop_assert_eq!(item.as_str(), Some(s.as_str())),
            NewValue::Date(d) => {
                let dt = item.as_datetime().and_then(|dt| dt.date);
                prop_assert_eq!(
                    dt.map(|x| (i32::from(x.year), u32::from(x.month), u32::from(x.day))),
                    Some((d.year(), d.month(), d.day()))
                );
            }
            NewValue::List(items) => {
                let got: Vec<_> = item.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect()).unwrap_or_default();
                prop_assert_eq!(&got, items);
            }
        }
        let again: DocumentMut = out.parse().unwrap();
        let before: DocumentMut = HAND_WRITTEN.parse().unwrap();
        for (k, v) in before.iter() {
            if k != key {
                prop_assert_eq!(again.get(k).map(|i| i.to_string()), Some(v.to_string()));
            }
        }
    }
}

#[test]
fn updating_a_value_keeps_its_comment_and_nothing_else_moves() {
    let mut doc: DocumentMut = HAND_WRITTEN.parse().unwrap();
    set_str(&mut doc, "gender", "d");
    set_date(
        &mut doc,
        "consent",
        NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
    );
    set_value(&mut doc, "district", Value::from("Lindenau"));
    let expected = HAND_WRITTEN
        .replace(
            "gender =   \"f\"  # laut Angabe",
            "gender =   \"d\"  # laut Angabe",
        )
        .replace("consent = 2026-01-10", "consent = 2026-02-01")
        .replace("  # zwei\n", "  # zwei\ndistrict = \"Lindenau\"\n");
    assert_eq!(doc.to_string(), expected);
}
