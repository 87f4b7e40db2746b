//! Typed records: the office settings and the seven record kinds, as the rest of
//! the program sees them once `store` has read and validated them.

pub mod codes;
pub mod config;
mod config_read;
pub mod consent;
pub mod convert;
pub mod deadline;
mod fields;
pub mod hours;
pub mod iso;
pub mod kind;
pub mod read;
pub mod similar;
pub mod table;
pub mod write;

#[cfg(test)]
mod proptests;

pub use codes::*;
pub use config::{Config, EsfSettings, Regulation};
pub use deadline::{Deadline, DeadlineState};
pub use kind::{IdScheme, Kind, KindInfo, PathError};

use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sponsor {
    pub id: String,
    pub name: String,
    pub project: String,
    pub field: Field,
    pub start: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub status: SponsorStatus,
    /// How many participants the project plans to reach.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned_participants: Option<u64>,
    /// Absent in a file means `open`; written like `status`, its default
    /// included.
    pub continuation: Continuation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuation_notes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// `[[deadlines]]`: what the sponsor has to hand in, and when.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<deadline::Deadline>,
}

impl Sponsor {
    /// A sponsor with its required keys and no optional ones: build others
    /// as `Sponsor { end: …, ..Sponsor::new(…) }`, so a new optional key
    /// changes no caller.
    pub fn new(
        id: String,
        name: String,
        project: String,
        field: Field,
        start: NaiveDate,
        status: SponsorStatus,
    ) -> Sponsor {
        Sponsor {
            id,
            name,
            project,
            field,
            start,
            end: None,
            contact: None,
            email: None,
            phone: None,
            status,
            planned_participants: None,
            continuation: Continuation::Open,
            continuation_notes: None,
            notes: None,
            deadlines: Vec::new(),
        }
    }
}

impl Sponsor {
    /// `continuation` (`open` when the file has none).
    pub fn continuation(&self) -> Continuation {
        self.continuation
    }

    /// Whether the project runs on `day` by its dates (`status` aside).
    pub fn runs_on(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|end| end >= day)
    }

    /// Whether [start, end] overlaps [from, to].
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.start <= to && self.end.is_none_or(|end| end >= from)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: PartnerKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Partner {
    /// A partner with its required keys and no optional ones.
    pub fn new(id: String, name: String, kind: PartnerKind) -> Partner {
        Partner {
            id,
            name,
            kind,
            offers: Vec::new(),
            languages: Vec::new(),
            address: None,
            phone: None,
            email: None,
            website: None,
            notes: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Client {
    pub id: String,
    pub first_contact: NaiveDate,
    pub gender: Gender,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    pub residence: Residence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    pub employment: Employment,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent: Option<NaiveDate>,
    /// (v2) Day of erasure (`client erase`, `retention`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub erased: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// (v2) `[[consents]]` entries.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub consents: Vec<consent::Consent>,
}

impl Client {
    /// A client with its required keys and no optional ones.
    pub fn new(
        id: String,
        first_contact: NaiveDate,
        gender: Gender,
        residence: Residence,
        employment: Employment,
    ) -> Client {
        Client {
            id,
            first_contact,
            gender,
            birth_year: None,
            origin: None,
            languages: Vec::new(),
            residence,
            district: None,
            employment,
            consent: None,
            erased: None,
            notes: None,
            consents: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Appointment {
    pub id: String,
    pub date: NaiveDate,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_time"
    )]
    pub time: Option<NaiveTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i64>,
    pub kind: AppointmentKind,
    pub status: AppointmentStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sponsor: Option<String>,
    /// (v2) The organisation consulted (`kind = organisation`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub interpreter: bool,
    pub family_members: i64,
    /// `None`: in person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Appointment {
    /// An appointment with its required keys and no optional ones (no
    /// client or sponsor either: set the one its kind needs).
    pub fn new(
        id: String,
        date: NaiveDate,
        kind: AppointmentKind,
        status: AppointmentStatus,
    ) -> Appointment {
        Appointment {
            id,
            date,
            time: None,
            duration: None,
            kind,
            status,
            staff: None,
            client: None,
            sponsor: None,
            partner: None,
            topics: Vec::new(),
            language: None,
            interpreter: false,
            family_members: 0,
            channel: None,
            notes: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Referral {
    pub id: String,
    pub date: NaiveDate,
    pub client: String,
    pub partner: String,
    pub topic: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appointment: Option<String>,
    pub status: ReferralStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Referral {
    /// A referral with its required keys and no optional ones.
    pub fn new(
        id: String,
        date: NaiveDate,
        client: String,
        partner: String,
        topic: String,
        status: ReferralStatus,
    ) -> Referral {
        Referral {
            id,
            date,
            client,
            partner,
            topic,
            appointment: None,
            status,
            follow_up: None,
            closed: None,
            outcome: None,
            staff: None,
            notes: None,
        }
    }
}

impl Referral {
    /// Whether the referral was still open at the end of `day`.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.date <= day
            && (self.status == ReferralStatus::Open || self.closed.is_some_and(|c| c > day))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Participants {
    pub total: i64,
    pub women: i64,
    pub men: i64,
    pub diverse: i64,
    pub migrants: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    pub date: NaiveDate,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_time"
    )]
    pub time: Option<NaiveTime>,
    pub title: String,
    pub kind: EventKind,
    pub status: EventStatus,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    pub interpreter: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub participants: Option<Participants>,
}

impl Event {
    /// An event with its required keys and no optional ones.
    pub fn new(
        id: String,
        date: NaiveDate,
        title: String,
        kind: EventKind,
        status: EventStatus,
    ) -> Event {
        Event {
            id,
            date,
            time: None,
            title,
            kind,
            status,
            topics: Vec::new(),
            location: None,
            partners: Vec::new(),
            sponsors: Vec::new(),
            languages: Vec::new(),
            interpreter: false,
            notes: None,
            participants: None,
        }
    }
}

/// (v2) A short contact (walk-in, phone call, message) with someone who is
/// not (yet) a client: no client code, no personal data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    pub id: String,
    pub date: NaiveDate,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_time"
    )]
    pub time: Option<NaiveTime>,
    pub kind: ContactKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub interpreter: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<i64>,
    /// Partners the person was pointed to (no data was passed on).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub referred_to: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Contact {
    /// A contact with its required keys and no optional ones.
    pub fn new(id: String, date: NaiveDate, kind: ContactKind) -> Contact {
        Contact {
            id,
            date,
            time: None,
            kind,
            topics: Vec::new(),
            language: None,
            interpreter: false,
            duration: None,
            referred_to: Vec::new(),
            staff: None,
            notes: None,
        }
    }
}

/// Any one record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    Sponsor(Sponsor),
    Partner(Partner),
    Client(Client),
    Appointment(Appointment),
    Referral(Referral),
    Event(Event),
    Contact(Contact),
}

impl Record {
    pub fn kind(&self) -> Kind {
        match self {
            Record::Sponsor(_) => Kind::Sponsor,
            Record::Partner(_) => Kind::Partner,
            Record::Client(_) => Kind::Client,
            Record::Appointment(_) => Kind::Appointment,
            Record::Referral(_) => Kind::Referral,
            Record::Event(_) => Kind::Event,
            Record::Contact(_) => Kind::Contact,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Record::Sponsor(r) => &r.id,
            Record::Partner(r) => &r.id,
            Record::Client(r) => &r.id,
            Record::Appointment(r) => &r.id,
            Record::Referral(r) => &r.id,
            Record::Event(r) => &r.id,
            Record::Contact(r) => &r.id,
        }
    }

    /// The date that places a dated record in its `YYYY/MM` folder.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Record::Appointment(r) => Some(r.date),
            Record::Referral(r) => Some(r.date),
            Record::Event(r) => Some(r.date),
            Record::Contact(r) => Some(r.date),
            Record::Sponsor(_) | Record::Partner(_) | Record::Client(_) => None,
        }
    }
}

fn serialize_time<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
    match time {
        // seconds only when there are any (times are given as HH:MM)
        Some(t) if t.second() != 0 => s.serialize_str(&t.format("%H:%M:%S").to_string()),
        Some(t) => s.serialize_str(&t.format("%H:%M").to_string()),
        None => s.serialize_none(),
    }
}
