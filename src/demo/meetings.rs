//! Sponsor meetings and events: information events, workshops, network meetings.

use super::*;

impl Generator {
    pub(super) fn sponsor_meetings(&mut self) {
        for s in 0..self.sponsors.len() {
            let sponsor = self.sponsors[s].record.clone();
            let until = sponsor
                .end
                .unwrap_or(self.end)
                .min(self.end)
                .min(self.sponsors[s].meetings_until.unwrap_or(self.end));
            let from = sponsor.start.max(self.start);
            if from > until {
                continue;
            }
            let mut day = workday_from(days(from, self.rng.range(5, 25)));
            let mut last_done: Option<NaiveDate> = None;
            let mut first = sponsor.start >= self.start;
            while day <= until {
                let status = if self.rng.chance(80) {
                    AppointmentStatus::Cancelled
                } else {
                    last_done = Some(day);
                    AppointmentStatus::Done
                };
                let topics = if first {
                    vec!["Auftaktgespräch".to_string(), "Projektplanung".to_string()]
                } else {
                    {
                        let n = self.rng.range(1, 2) as usize;
                        strings(&self.rng.sample(SPONSOR_TOPICS, n))
                    }
                };
                first = false;
                self.sponsor_meeting(&sponsor.id, day, status, topics);
                day = workday_from(days(day, self.rng.range(21, 49)));
            }
            let stale = self.sponsors[s].meetings_until.is_some();
            if let Some(end) = sponsor.end.filter(|e| *e <= self.end) {
                // A closing meeting shortly before the project ends.
                if last_done.is_none_or(|d| d < days(end, -25)) && end >= self.start {
                    let day = workday_from(days(end, -self.rng.range(10, 20)));
                    let topics = strings(&["Abschlussgespräch", "Verwendungsnachweis"]);
                    self.sponsor_meeting(&sponsor.id, day, AppointmentStatus::Done, topics);
                }
            } else if !stale && sponsor.start <= self.end {
                if last_done.is_none_or(|d| d < days(self.end, -45)) {
                    let day = workday_from(days(self.end, -self.rng.range(12, 28)));
                    let topics = strings(&self.rng.sample(SPONSOR_TOPICS, 1));
                    self.sponsor_meeting(&sponsor.id, day, AppointmentStatus::Done, topics);
                }
                if self.rng.chance(450) {
                    let day = workday_from(days(ymd(2026, 12, 1), self.rng.range(0, 55)));
                    let topics = strings(&["Jahresplanung"]);
                    self.sponsor_meeting(&sponsor.id, day, AppointmentStatus::Planned, topics);
                }
            }
        }
    }

    pub(super) fn sponsor_meeting(
        &mut self,
        sponsor: &str,
        date: NaiveDate,
        status: AppointmentStatus,
        topics: Vec<String>,
    ) {
        let id = self.dated_id(Kind::Appointment, date);
        let notes = match status {
            AppointmentStatus::Done if self.rng.chance(400) => {
                Some(self.rng.pick(SPONSOR_NOTES).to_string())
            }
            AppointmentStatus::Cancelled => {
                Some(self.rng.pick(SPONSOR_CANCELLED_NOTES).to_string())
            }
            AppointmentStatus::Planned | AppointmentStatus::Done | AppointmentStatus::NoShow => {
                None
            }
        };
        let appointment = Appointment {
            time: Some(*self.rng.pick(&[hm(9, 30), hm(10, 0), hm(13, 0), hm(14, 0)])),
            duration: Some(*self.rng.pick(&[60, 90, 90, 120])),
            staff: Some(self.sponsor_staff()),
            sponsor: Some(sponsor.to_string()),
            partner: None,
            topics,
            notes,
            ..Appointment::new(id, date, AppointmentKind::Sponsor, status)
        };
        self.appointments.push(appointment);
    }

    /// Information events, workshops, network meetings and the yearly
    /// neighbourhood festival, month by month up to January 2027.
    pub(super) fn events(&mut self) {
        let mut month = self.start;
        let last = ymd(2027, 1, 1);
        while month <= last {
            let (y, m) = (month.year(), month.month());
            let future = month > self.end;
            let booked_ahead = future && (y, m) != (2026, 11);
            if !future || booked_ahead {
                let mut info = self.rng.around(self.dense(650));
                if (y, m) == (2027, 1) {
                    info = info.max(1);
                }
                for _ in 0..info {
                    let t = *self.rng.pick(INFO_EVENTS);
                    self.event(month, EventKind::Info, t, &[17, 18]);
                }
                for _ in 0..self.rng.around(self.dense(250)) {
                    let t = *self.rng.pick(WORKSHOPS);
                    self.event(month, EventKind::Workshop, t, &[10, 14, 15]);
                }
                let mut other = self.rng.around(self.dense(80));
                if m == 6 {
                    other += self.dense(1).max(1);
                }
                for _ in 0..other {
                    let t = *self.rng.pick(OTHER_EVENTS);
                    self.event(month, EventKind::Other, t, &[11, 15]);
                }
                if m % 3 == 0 {
                    for _ in 0..self.dense(1).max(1) {
                        self.sponsor_network(month);
                    }
                }
                if m == 5 || m == 11 {
                    for _ in 0..self.dense(1).max(1) {
                        self.event(month, EventKind::Network, NETWORK_MIGRATION, &[10]);
                    }
                }
            }
            month = month + Months::new(1);
        }
    }

    /// A day in the month of `month` for an event: a workday, or a Saturday
    /// for festivals and open days.
    pub(super) fn event_day(&mut self, month: NaiveDate, kind: EventKind) -> NaiveDate {
        let last = month_end(month.year(), month.month()).day() as i64;
        let mut day = days(month, self.rng.range(0, last - 1));
        let step = if day.day() > 20 { -1 } else { 1 };
        let fits = |d: NaiveDate| match kind {
            EventKind::Other => d.weekday() == Weekday::Sat && !is_closed(d),
            EventKind::Info | EventKind::Network | EventKind::Workshop => is_workday(d),
        };
        while !fits(day) {
            day = days(day, step);
        }
        day
    }

    /// Status and participants of an event on `date`.
    pub(super) fn outcome(
        &mut self,
        date: NaiveDate,
        total: (i64, i64),
        migrants: (i64, i64),
    ) -> (EventStatus, Option<Participants>) {
        if date > self.end {
            return (EventStatus::Planned, None);
        }
        if self.rng.chance(80) {
            return (EventStatus::Cancelled, None);
        }
        let total = self.rng.range(total.0, total.1);
        let diverse = i64::from(self.rng.chance(60)).min(total);
        let unknown = if self.rng.chance(200) {
            self.rng.range(1, 3).min(total - diverse)
        } else {
            0
        };
        let known = total - diverse - unknown;
        let women = known * self.rng.range(35, 70) / 100;
        let migrant_share = self.rng.range(migrants.0, migrants.1);
        (
            EventStatus::Done,
            Some(Participants {
                total,
                women,
                men: known - women,
                diverse,
                migrants: total * migrant_share / 100,
            }),
        )
    }

    pub(super) fn event(
        &mut self,
        month: NaiveDate,
        kind: EventKind,
        t: EventTemplate,
        hours: &[u32],
    ) {
        let date = self.event_day(month, kind);
        let (totals, migrants) = match kind {
            EventKind::Info => ((10, 40), (60, 95)),
            EventKind::Workshop => ((6, 18), (50, 90)),
            EventKind::Other => ((40, 160), (35, 70)),
            EventKind::Network => ((8, 20), (5, 30)),
        };
        let (status, participants) = self.outcome(date, totals, migrants);
        let mut partners = Vec::new();
        let wanted = if kind == EventKind::Network {
            self.rng.range(5, 8)
        } else {
            self.rng.range(0, 2)
        };
        for _ in 0..wanted {
            let topic = if kind == EventKind::Network {
                self.rng.pick(REFERRAL_TOPICS).to_string()
            } else {
                self.rng.pick(t.topics).to_string()
            };
            if let Some(p) = self.partner_for(&topic, None)
                && !partners.contains(&p)
            {
                partners.push(p);
            }
        }
        partners.sort();
        let mut languages = vec!["de".to_string()];
        let multilingual = match kind {
            EventKind::Info | EventKind::Workshop => true,
            EventKind::Network | EventKind::Other => false,
        };
        if multilingual {
            let n = self.rng.range(0, 3) as usize;
            languages.extend(
                self.rng
                    .sample(EVENT_LANGUAGES, n)
                    .into_iter()
                    .map(str::to_string),
            );
        }
        let interpreter = languages.len() > 1 && self.rng.chance(700);
        let notes = match status {
            EventStatus::Done if self.rng.chance(500) => Some(self.rng.pick(t.notes).to_string()),
            EventStatus::Cancelled => Some(self.rng.pick(EVENT_CANCELLED_NOTES).to_string()),
            EventStatus::Planned | EventStatus::Done => None,
        };
        let id = self.dated_id(Kind::Event, date);
        let hour = *self.rng.pick(hours);
        self.events.push(Event {
            time: Some(hm(hour, 0)),
            topics: strings(t.topics),
            location: Some(self.rng.pick(t.locations).to_string()),
            partners,
            languages,
            interpreter,
            notes,
            participants,
            ..Event::new(id, date, t.title.to_string(), kind, status)
        });
    }

    /// The quarterly meeting of the ESF project sponsors running at the time.
    pub(super) fn sponsor_network(&mut self, month: NaiveDate) {
        let date = self.event_day(month, EventKind::Network);
        let running: Vec<String> = self
            .sponsors
            .iter()
            .filter(|s| s.record.runs_on(date))
            .map(|s| s.record.id.clone())
            .collect();
        let mut sponsors = self.rng.sample(&running, 10);
        sponsors.sort();
        let base = sponsors.len() as i64;
        let (status, participants) = self.outcome(date, (base + 3, base * 2 + 5), (5, 30));
        let notes = match status {
            EventStatus::Done if self.rng.chance(600) => {
                Some(self.rng.pick(SPONSOR_NETWORK_NOTES).to_string())
            }
            EventStatus::Cancelled => Some(self.rng.pick(EVENT_CANCELLED_NOTES).to_string()),
            EventStatus::Planned | EventStatus::Done => None,
        };
        let id = self.dated_id(Kind::Event, date);
        self.events.push(Event {
            time: Some(hm(10, 0)),
            location: Some("Stadtteilbüro Leipziger Westen".to_string()),
            sponsors,
            languages: vec!["de".to_string()],
            notes,
            participants,
            ..Event::new(
                id,
                date,
                "Netzwerktreffen der ESF-Projektträger im Leipziger Westen".to_string(),
                EventKind::Network,
                status,
            )
        });
    }
}
