//! Consultation hours day by day: clients, their consultations and referrals.

use super::*;

impl Generator {
    /// Consultation hours day by day: who comes, about what, and where they
    /// are sent on to.
    pub(super) fn consultations(&mut self) {
        let mut pool: Vec<usize> = Vec::new();
        let mut day = self.start;
        while day <= self.end {
            if is_workday(day) {
                let rate = match day.weekday() {
                    Weekday::Mon => 1200,
                    Weekday::Tue | Weekday::Thu => 3600,
                    Weekday::Wed => 1400,
                    _ => 700,
                };
                let season = MONTH_FACTOR[day.month0() as usize];
                let growth = if day.year() >= 2026 { 1060 } else { 1000 };
                let mean = rate * season / 1000 * growth / 1000 * self.density / 1000;
                for _ in 0..self.rng.around(mean) {
                    let client = self.visitor(day, &mut pool);
                    self.consultation(day, client);
                }
            }
            day = days(day, 1);
        }
    }

    /// Who comes on `day`: a returning client, or a new one.
    pub(super) fn visitor(&mut self, day: NaiveDate, pool: &mut Vec<usize>) -> usize {
        if !self.rng.chance(220) {
            for _ in 0..4 {
                if pool.is_empty() {
                    break;
                }
                let i = self.rng.below(pool.len() as u64) as usize;
                let c = pool[i];
                if self.clients[c].active_until < day {
                    pool.swap_remove(i);
                    continue;
                }
                if self.clients[c].last_visit != Some(day) {
                    return c;
                }
            }
        }
        let c = self.new_client(day);
        pool.push(c);
        c
    }

    pub(super) fn new_client(&mut self, first_contact: NaiveDate) -> usize {
        let id = self.client_code();
        let r = &mut self.rng;
        let origin = r.weighted(ORIGINS);
        let languages = strings(r.pick::<&[&str]>(origin.languages));
        let residence = *r.weighted(origin.residence);
        let age = match r.below(100) {
            0..5 => r.range(14, 17),
            5..35 => r.range(18, 29),
            35..87 => r.range(30, 54),
            _ => r.range(55, 76),
        };
        let birth_year = (!r.chance(100)).then(|| i64::from(first_contact.year()) - age);
        let employment = if age < 18 {
            Employment::InEducation
        } else if residence == Residence::AsylumSeeker && r.chance(600) {
            *r.pick(&[Employment::Inactive, Employment::Unknown])
        } else {
            *r.weighted(EMPLOYMENT)
        };
        let consent = match r.below(100) {
            0..88 => Some(first_contact),
            88..95 => Some(days(first_contact, r.range(7, 60))).filter(|c| *c <= self.end),
            _ => None,
        };
        let active_until = match r.below(100) {
            0..30 => first_contact,
            30..65 => days(first_contact, r.range(30, 120)),
            _ => days(first_contact, r.range(120, 420)),
        };
        // drawn in this order, so that the sample stays the same
        let gender = *r.weighted(GENDERS);
        let district = r.weighted(CLIENT_DISTRICTS).map(str::to_string);
        let notes = r.chance(180).then(|| r.pick(CLIENT_NOTES).to_string());
        let record = Client {
            birth_year,
            origin: origin.code.map(str::to_string),
            languages,
            district,
            consent,
            notes,
            ..Client::new(id, first_contact, gender, residence, employment)
        };
        self.clients.push(Person {
            record,
            last_visit: None,
            active_until,
        });
        self.clients.len() - 1
    }

    pub(super) fn topics_for(&mut self, client: &Client) -> Vec<String> {
        let mut weights: Vec<(&str, u32)> = TOPIC_WEIGHTS.to_vec();
        let mut boost = |topic: &str, by: u32| {
            if let Some(w) = weights.iter_mut().find(|(t, _)| *t == topic) {
                w.1 += by;
            }
        };
        match client.residence {
            Residence::AsylumSeeker | Residence::Tolerated => boost("residence", 20),
            Residence::EuCitizen | Residence::German => boost("employment", 6),
            Residence::ResidencePermit
            | Residence::RecognisedRefugee
            | Residence::Other
            | Residence::Unknown => {}
        }
        match client.employment {
            Employment::Unemployed | Employment::LongTermUnemployed => {
                boost("employment", 8);
                boost("benefits", 6);
            }
            Employment::InEducation => {
                boost("education", 8);
                boost("language", 6);
            }
            Employment::Employed
            | Employment::SelfEmployed
            | Employment::Inactive
            | Employment::Unknown => {}
        }
        match client.residence {
            Residence::EuCitizen | Residence::German => {
                weights.retain(|(t, _)| *t != "residence");
            }
            Residence::AsylumSeeker
            | Residence::Tolerated
            | Residence::ResidencePermit
            | Residence::RecognisedRefugee
            | Residence::Other
            | Residence::Unknown => {}
        }
        let n = match self.rng.below(100) {
            0..55 => 1,
            55..90 => 2,
            _ => 3,
        };
        let mut topics = Vec::new();
        while topics.len() < n {
            let t = self.rng.weighted(&weights).to_string();
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
        topics
    }

    /// The language of a conversation, and whether an interpreter helped.
    pub(super) fn conversation(&mut self, client: &Client) -> (Option<String>, bool) {
        if self.rng.chance(40) {
            return (None, false);
        }
        let speaks = |l: &str| client.languages.iter().any(|c| c == l);
        if speaks("de") && self.rng.chance(700) {
            return (Some("de".into()), false);
        }
        // English only when nothing closer is shared.
        let english = self.rng.chance(300);
        let shared: Vec<&String> = client
            .languages
            .iter()
            .filter(|l| STAFF_LANGUAGES.contains(&l.as_str()) && (english || *l != "en"))
            .collect();
        if !shared.is_empty() && self.rng.chance(600) {
            return (Some(self.rng.pick(&shared).to_string()), false);
        }
        match client.languages.first() {
            Some(main) if main != "de" && self.rng.chance(550) => (Some(main.clone()), true),
            _ => (Some("de".into()), false),
        }
    }

    pub(super) fn consultation(&mut self, date: NaiveDate, c: usize) {
        self.clients[c].last_visit = Some(date);
        let client = self.clients[c].record.clone();
        let status = match self.rng.below(100) {
            0..91 => AppointmentStatus::Done,
            91..96 => AppointmentStatus::Cancelled,
            _ => AppointmentStatus::NoShow,
        };
        let id = self.dated_id(Kind::Appointment, date);
        let topics = self.topics_for(&client);
        let (language, interpreter) = self.conversation(&client);
        let notes = match status {
            AppointmentStatus::Done if self.rng.chance(280) => {
                Some(self.rng.pick(topic_notes(&topics[0])).to_string())
            }
            AppointmentStatus::Cancelled => Some(self.rng.pick(CANCELLED_NOTES).to_string()),
            AppointmentStatus::NoShow if self.rng.chance(600) => {
                Some(self.rng.pick(NO_SHOW_NOTES).to_string())
            }
            AppointmentStatus::Planned | AppointmentStatus::Done | AppointmentStatus::NoShow => {
                None
            }
        };
        let appointment = Appointment {
            time: Some(self.consultation_time(date)),
            duration: Some(*self.rng.weighted(&[(30, 40), (45, 25), (60, 25), (90, 10)])),
            staff: Some(self.consultant()),
            client: Some(client.id.clone()),
            family_members: if self.rng.chance(200) {
                self.rng.range(1, 3)
            } else {
                0
            },
            topics,
            language,
            interpreter,
            notes,
            ..Appointment::new(id.clone(), date, AppointmentKind::Consultation, status)
        };
        if status == AppointmentStatus::Done
            && self.rng.chance(190)
            && client.consent.is_some_and(|c| c <= date)
        {
            self.referral(&appointment, &client);
        }
        self.appointments.push(appointment);
    }

    pub(super) fn consultation_time(&mut self, date: NaiveDate) -> NaiveTime {
        let (from, slots) = match date.weekday() {
            Weekday::Tue => (10, 6),
            Weekday::Thu => (14, 8),
            _ => (9, 12),
        };
        let slot = self.rng.below(slots) as u32;
        hm(from + slot / 2, (slot % 2) * 30)
    }

    pub(super) fn referral(&mut self, appointment: &Appointment, client: &Client) {
        let language = appointment
            .language
            .as_deref()
            .or(client.languages.first().map(String::as_str));
        let mut topics = appointment.topics.clone();
        topics.retain(|t| REFERRAL_TOPICS.contains(&t.as_str()));
        let Some(topic) = topics.first().cloned() else {
            return;
        };
        let Some(partner) = self.partner_for(&topic, language) else {
            return;
        };
        let from_appointment = !self.rng.chance(80);
        let date = if from_appointment {
            appointment.date
        } else {
            workday_from(days(appointment.date, self.rng.range(1, 5))).min(self.end)
        };
        let age = (self.end - date).num_days();
        let status = if age < 3 {
            ReferralStatus::Open
        } else if age < 21 {
            *self.rng.weighted(&[
                (ReferralStatus::Open, 80),
                (ReferralStatus::Done, 15),
                (ReferralStatus::Withdrawn, 5),
            ])
        } else {
            *self.rng.weighted(&[
                (ReferralStatus::Done, 66),
                (ReferralStatus::Failed, 14),
                (ReferralStatus::Withdrawn, 9),
                (ReferralStatus::Open, 11),
            ])
        };
        let closed =
            (status != ReferralStatus::Open).then(|| days(date, self.rng.range(2, age.min(120))));
        let follow_up = match closed {
            // Long-open referrals mostly had their follow-up moved on; some were forgotten.
            None if age > 60 && self.rng.chance(600) => {
                Some(days(self.end, self.rng.range(-10, 30)).max(days(date, 14)))
            }
            None => Some(days(date, self.rng.range(14, 42))),
            Some(closed) => Some(days(date, self.rng.range(7, 21)))
                .filter(|f| *f <= closed && self.rng.chance(600)),
        };
        let outcome = match status {
            ReferralStatus::Open => None,
            ReferralStatus::Done => Some(self.rng.pick(OUTCOME_DONE).to_string()),
            ReferralStatus::Failed => Some(self.rng.pick(OUTCOME_FAILED).to_string()),
            ReferralStatus::Withdrawn => Some(self.rng.pick(OUTCOME_WITHDRAWN).to_string()),
        };
        let id = self.dated_id(Kind::Referral, date);
        let notes = self
            .rng
            .chance(300)
            .then(|| self.rng.pick(REFERRAL_NOTES).to_string());
        self.referrals.push(Referral {
            appointment: from_appointment.then(|| appointment.id.clone()),
            follow_up,
            closed,
            outcome,
            staff: appointment.staff.clone(),
            notes,
            ..Referral::new(id, date, client.id.clone(), partner, topic, status)
        });
    }

    /// A few consultations already booked for December and January.
    pub(super) fn planned_consultations(&mut self) {
        let recent: Vec<usize> = (0..self.clients.len())
            .filter(|&c| {
                let p = &self.clients[c];
                p.last_visit.is_some_and(|v| (self.end - v).num_days() < 90)
            })
            .collect();
        if recent.is_empty() {
            return;
        }
        let n = self.dense(8).max(1);
        let from = ymd(2026, 12, 1);
        for _ in 0..n {
            let c = *self.rng.pick(&recent);
            let date = workday_from(days(from, self.rng.range(0, 55)));
            let client = self.clients[c].record.clone();
            let id = self.dated_id(Kind::Appointment, date);
            let topics = self.topics_for(&client);
            let (language, interpreter) = self.conversation(&client);
            let time = self.consultation_time(date);
            let staff = self.consultant();
            let notes = self
                .rng
                .chance(400)
                .then(|| self.rng.pick(PLANNED_NOTES).to_string());
            self.appointments.push(Appointment {
                time: Some(time),
                duration: Some(*self.rng.pick(&[30, 45, 60])),
                staff: Some(staff),
                client: Some(client.id),
                topics,
                language,
                interpreter,
                notes,
                ..Appointment::new(
                    id,
                    date,
                    AppointmentKind::Consultation,
                    AppointmentStatus::Planned,
                )
            });
        }
    }
}
