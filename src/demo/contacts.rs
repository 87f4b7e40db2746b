//! (v2) What the office does without a client code: short contacts (a
//! walk-in at the Friday hour, a phone call, a message) and consultations of
//! organisations on intercultural opening at the Tuesday hour. Drawn after
//! everything else, so the records before them stay as they were.

use super::*;

/// Organisations of the neighbourhood that the office consults on
/// intercultural opening (and that are in the directory).
pub(super) const ORGANISATIONS: &[PartnerSeed] = &[
    PartnerSeed {
        slug: "kita-sonnenblume",
        name: "Kita Sonnenblume",
        kind: PartnerKind::Education,
        offers: &["education", "family"],
        languages: &["de"],
        address: "Leipzig-Lindenau",
        notes: "Städtische Kita; Elternabende auf Anfrage mit Sprachmittlung.",
    },
    PartnerSeed {
        slug: "sv-lindenau",
        name: "SV Lindenau 1848 e.V.",
        kind: PartnerKind::Association,
        offers: &["other"],
        languages: &["de"],
        address: "Leipzig-Lindenau",
        notes: "Sportverein; Schnuppertraining für Kinder und Jugendliche.",
    },
    PartnerSeed {
        slug: "grundschule-plagwitz",
        name: "Grundschule Plagwitz",
        kind: PartnerKind::Education,
        offers: &["education"],
        languages: &["de", "en"],
        address: "Leipzig-Plagwitz",
        notes: "DaZ-Klassen; Sprechzeit der Schulsozialarbeit dienstags.",
    },
    PartnerSeed {
        slug: "stadtteilbibliothek-west",
        name: "Stadtteilbibliothek West",
        kind: PartnerKind::Education,
        offers: &["language", "education"],
        languages: &["de", "en"],
        address: "Leipzig-Neulindenau",
        notes: "Mehrsprachige Vorlesestunden, Lernplätze, Sprachcafé.",
    },
    PartnerSeed {
        slug: "buergeramt-west",
        name: "Bürgeramt Leipzig-West",
        kind: PartnerKind::Authority,
        offers: &["authorities", "housing"],
        languages: &["de"],
        address: "Leipzig-Lindenau",
        notes: "Meldeangelegenheiten nur mit Termin.",
    },
];

const ORGANISATION_TOPICS: &[(&str, u32)] = &[
    ("education", 30),
    ("language", 25),
    ("family", 15),
    ("employment", 10),
    ("health", 5),
];

const ORGANISATION_NOTES: &[&str] = &[
    "Mehrsprachige Aushänge besprochen, Vorlagen zugesagt.",
    "Team möchte eine Fortbildung zu interkultureller Kommunikation.",
    "Sprachmittlung für Elterngespräche: Pool vorgestellt.",
    "Aufnahmeverfahren für neue Mitglieder vereinfachen.",
];

const CONTACT_KINDS: &[(ContactKind, u32)] = &[
    (ContactKind::WalkIn, 45),
    (ContactKind::Phone, 35),
    (ContactKind::Message, 10),
    (ContactKind::Email, 8),
    (ContactKind::Other, 2),
];

const CONTACT_LANGUAGES: &[(Option<&str>, u32)] = &[
    (Some("de"), 20),
    (Some("ar"), 25),
    (Some("fa"), 12),
    (Some("uk"), 15),
    (Some("ru"), 8),
    (Some("tr"), 5),
    (None, 15),
];

const CONTACT_NOTES: &[&str] = &[
    "Wollte wissen, wo es Deutschkurse am Abend gibt.",
    "Frage nach Kitaplatz; auf Kita-Navigator hingewiesen.",
    "Brief vom Amt erklärt; kommt bei Bedarf zur Sprechstunde.",
    "Suche nach Wohnung; Wohnberatung empfohlen.",
    "Kommt Freitag mit Unterlagen wieder.",
];

impl Generator {
    /// The organisations consulted on intercultural opening, appended to the
    /// partner directory.
    pub(super) fn organisation_partners(&mut self) {
        for (n, p) in ORGANISATIONS.iter().enumerate() {
            self.partners
                .push(p.record(p.slug.to_string(), p.name.to_string(), 200 + n));
        }
    }

    /// Consultations of organisations: at the Tuesday hour, a few a month,
    /// the same organisation often coming back; two planned for December.
    pub(super) fn organisation_consultations(&mut self) {
        let slugs: Vec<&str> = ORGANISATIONS.iter().map(|o| o.slug).collect();
        let mut month = self.start;
        while month <= self.end {
            let (y, m) = (month.year(), month.month());
            let mut n = self.rng.around(self.dense(2500));
            if m == 8 {
                n /= 2; // summer holidays
            }
            for _ in 0..n {
                let day = self.weekday_in(y, m, Weekday::Tue);
                if day > self.end || is_closed(day) {
                    continue;
                }
                let status = if self.rng.chance(80) {
                    AppointmentStatus::Cancelled
                } else {
                    AppointmentStatus::Done
                };
                let partner = self.rng.pick(&slugs).to_string();
                self.organisation_consultation(&partner, day, status);
            }
            month = month + Months::new(1);
        }
        for _ in 0..self.dense(2).max(1) {
            let day = self.weekday_in(2026, 12, Weekday::Tue);
            let partner = self.rng.pick(&slugs).to_string();
            self.organisation_consultation(&partner, day, AppointmentStatus::Planned);
        }
    }

    fn organisation_consultation(
        &mut self,
        partner: &str,
        day: NaiveDate,
        status: AppointmentStatus,
    ) {
        let id = self.dated_id(Kind::Appointment, day);
        let mut topics = vec!["intercultural-opening".to_string()];
        if self.rng.chance(600) {
            topics.push(self.rng.weighted(ORGANISATION_TOPICS).to_string());
        }
        let notes = (status == AppointmentStatus::Done && self.rng.chance(250))
            .then(|| self.rng.pick(ORGANISATION_NOTES).to_string());
        let channel = self.rng.chance(150).then_some(Channel::Video);
        let appointment = Appointment {
            time: Some(hm(10 + self.rng.below(5) as u32, 0)),
            duration: Some(*self.rng.pick(&[60, 90, 90, 120])),
            staff: Some(self.sponsor_staff()),
            partner: Some(partner.to_string()),
            topics,
            channel,
            notes,
            ..Appointment::new(id, day, AppointmentKind::Organisation, status)
        };
        self.appointments.push(appointment);
    }

    /// Short contacts: walk-ins mostly at the Friday hour, phone calls and
    /// messages on the other workdays; about half are pointed to a partner.
    pub(super) fn contacts(&mut self) {
        let mut month = self.start;
        while month <= self.end {
            let (y, m) = (month.year(), month.month());
            let n = self
                .rng
                .around(self.dense(18_000) * MONTH_FACTOR[m as usize - 1] / 1000);
            for _ in 0..n {
                let kind = *self.rng.weighted(CONTACT_KINDS);
                let day = match kind {
                    ContactKind::WalkIn => self.weekday_in(y, m, Weekday::Fri),
                    ContactKind::Phone
                    | ContactKind::Email
                    | ContactKind::Message
                    | ContactKind::Other => workday_from(ymd(y, m, self.rng.range(1, 28) as u32)),
                };
                if day > self.end || is_closed(day) || day.month() != m {
                    continue;
                }
                self.contact(kind, day);
            }
            month = month + Months::new(1);
        }
    }

    fn contact(&mut self, kind: ContactKind, day: NaiveDate) {
        let id = self.dated_id(Kind::Contact, day);
        let time = match kind {
            ContactKind::WalkIn => hm(10 + self.rng.below(6) as u32, 15 * self.rng.below(4) as u32),
            ContactKind::Phone | ContactKind::Email | ContactKind::Message | ContactKind::Other => {
                hm(9 + self.rng.below(7) as u32, 5 * self.rng.below(12) as u32)
            }
        };
        let n = if self.rng.chance(250) { 2 } else { 1 };
        let mut topics: Vec<String> = Vec::new();
        while topics.len() < n {
            let t = self.rng.weighted(TOPIC_WEIGHTS).to_string();
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
        let language = self.rng.weighted(CONTACT_LANGUAGES).map(str::to_string);
        let interpreter = kind == ContactKind::WalkIn
            && language.as_deref().is_some_and(|l| l != "de")
            && self.rng.chance(300);
        let mut referred_to = Vec::new();
        if self.rng.chance(500) {
            for topic in topics.clone() {
                if let Some(p) = self.partner_for(&topic, language.as_deref())
                    && !referred_to.contains(&p)
                {
                    referred_to.push(p);
                }
            }
        }
        let notes = self
            .rng
            .chance(120)
            .then(|| self.rng.pick(CONTACT_NOTES).to_string());
        let contact = Contact {
            time: Some(time),
            topics,
            language,
            interpreter,
            duration: Some(*self.rng.pick(&[5, 10, 10, 15, 20, 30])),
            referred_to,
            staff: Some(self.consultant()),
            notes,
            ..Contact::new(id, day, kind)
        };
        self.contacts.push(contact);
    }

    /// A random `weekday` of the month `y`-`m`.
    fn weekday_in(&mut self, y: i32, m: u32, weekday: Weekday) -> NaiveDate {
        let first = ymd(y, m, 1);
        let offset = (7 + weekday.num_days_from_monday() as i64
            - first.weekday().num_days_from_monday() as i64)
            % 7;
        let count = (0..5)
            .filter(|w| days(first, offset + 7 * w).month() == m)
            .count() as i64;
        days(first, offset + 7 * self.rng.range(0, count - 1))
    }
}
