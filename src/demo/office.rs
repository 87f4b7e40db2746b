//! The office itself: staff, partners, sponsors and the settings file.

use super::*;

impl Generator {
    pub(super) fn new(seed: u64, scale: u32) -> Generator {
        let end = data_end();
        let max_periods = {
            let months = (end.year() - EARLIEST_START.0) * 12 + end.month() as i32
                - EARLIEST_START.1 as i32
                + 1;
            (months as u32 / PERIOD_MONTHS).max(1)
        };
        let periods = ceil_sqrt(scale).min(max_periods);
        let start = month_start(end.year(), end.month()) - Months::new(PERIOD_MONTHS * periods - 1);
        Generator {
            rng: Rng::new(seed),
            density: u64::from(scale) * 1000 / u64::from(periods),
            start,
            end,
            ids: HashSet::new(),
            staff: Vec::new(),
            partners: Vec::new(),
            sponsors: Vec::new(),
            clients: Vec::new(),
            appointments: Vec::new(),
            referrals: Vec::new(),
            events: Vec::new(),
            contacts: Vec::new(),
        }
    }

    /// `n` at one office's density, rounded.
    pub(super) fn dense(&self, n: u64) -> u64 {
        (n * self.density + 500) / 1000
    }

    pub(super) fn dated_id(&mut self, kind: Kind, date: NaiveDate) -> String {
        let prefix = kind.id_prefix().unwrap_or("rec");
        loop {
            let id = format!(
                "{prefix}-{}-{}",
                date.format("%Y%m%d"),
                self.rng.chars(b"abcdefghijklmnopqrstuvwxyz0123456789", 4)
            );
            if self.ids.insert(id.clone()) {
                return id;
            }
        }
    }

    pub(super) fn client_code(&mut self) -> String {
        loop {
            let code = format!(
                "K-{}",
                self.rng.chars(b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6)
            );
            if self.ids.insert(code.clone()) {
                return code;
            }
        }
    }

    pub(super) fn staff(&mut self) {
        for (initials, name, sponsors) in STAFF {
            self.staff.push(Staff {
                initials: initials.to_string(),
                name: name.to_string(),
                sponsors,
            });
        }
        let wanted = self.dense(3).max(3) as usize;
        let mut taken: HashSet<String> = self.staff.iter().map(|s| s.initials.clone()).collect();
        while self.staff.len() < wanted {
            let first = *self.rng.pick(EXTRA_FIRST_NAMES);
            let last = *self.rng.pick(b"ABDFGHKLMNPRSTWZ") as char;
            let base = format!("{}{}", first[..1].to_lowercase(), last.to_ascii_lowercase());
            let initials = (1..)
                .map(|n| {
                    if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}{n}")
                    }
                })
                .find(|i| !taken.contains(i))
                .unwrap_or_default();
            taken.insert(initials.clone());
            let sponsors = self.staff.len() % 3 == 1;
            self.staff.push(Staff {
                initials,
                name: format!("{first} {last}."),
                sponsors,
            });
        }
    }

    pub(super) fn consultant(&mut self) -> String {
        let want_sponsor_staff = self.rng.chance(100);
        let pool: Vec<&Staff> = self
            .staff
            .iter()
            .filter(|s| s.sponsors == want_sponsor_staff)
            .collect();
        self.rng.pick(&pool).initials.clone()
    }

    pub(super) fn sponsor_staff(&mut self) -> String {
        let want_sponsor_staff = !self.rng.chance(150);
        let pool: Vec<&Staff> = self
            .staff
            .iter()
            .filter(|s| s.sponsors == want_sponsor_staff)
            .collect();
        self.rng.pick(&pool).initials.clone()
    }

    pub(super) fn partners(&mut self) {
        for (n, p) in PARTNERS.iter().enumerate() {
            self.partners
                .push(p.record(p.slug.to_string(), p.name.to_string(), 100 + n));
        }
        let extra = (self.dense(PARTNERS.len() as u64) as usize).saturating_sub(PARTNERS.len());
        for i in 0..extra {
            let p = &PARTNERS[i % PARTNERS.len()];
            let copy = i / PARTNERS.len() + 2;
            let district = DISTRICTS[(i + copy) % DISTRICTS.len()];
            self.partners.push(p.record(
                format!("{}-{copy}", p.slug),
                format!("{} (Standort {district})", p.name),
                100 + PARTNERS.len() + i,
            ));
        }
    }

    /// Partners that help with `topic`, preferring those who speak `language`.
    pub(super) fn partner_for(&mut self, topic: &str, language: Option<&str>) -> Option<String> {
        let offering: Vec<&Partner> = self
            .partners
            .iter()
            .filter(|p| p.offers.iter().any(|o| o == topic))
            .collect();
        let speaking: Vec<&Partner> = offering
            .iter()
            .copied()
            .filter(|p| language.is_some_and(|l| p.languages.iter().any(|pl| pl == l)))
            .collect();
        let pool = if !speaking.is_empty() && self.rng.chance(600) {
            speaking
        } else {
            offering
        };
        (!pool.is_empty()).then(|| self.rng.pick(&pool).id.clone())
    }

    pub(super) fn sponsors(&mut self) {
        let mut slugs: HashSet<String> = HashSet::new();
        for s in SPONSORS {
            slugs.insert(s.slug.to_string());
            let start = ymd(s.start.0, s.start.1, s.start.2);
            let end = s.end.map(|(y, m, d)| ymd(y, m, d));
            self.sponsors.push(PlannedSponsor {
                record: Sponsor {
                    end,
                    contact: Some(s.contact.to_string()),
                    notes: (!s.notes.is_empty()).then(|| s.notes.to_string()),
                    ..Sponsor::new(
                        s.slug.to_string(),
                        s.name.to_string(),
                        s.project.to_string(),
                        s.field,
                        start,
                        if end.is_some_and(|e| e <= self.end) {
                            SponsorStatus::Ended
                        } else {
                            SponsorStatus::Active
                        },
                    )
                },
                meetings_until: s.stale_after.map(|(y, m, d)| ymd(y, m, d)),
            });
        }
        // Sponsors run in lanes: one project follows another. Extra lanes are
        // extra offices' worth of projects; earlier projects fill the years
        // before the sample's sponsors started.
        let lanes = self.dense(SPONSORS.len() as u64).max(SPONSORS.len() as u64) as usize;
        for lane in 0..lanes {
            let field = SPONSORS[lane % SPONSORS.len()].field;
            let mut next_start = if lane < SPONSORS.len() {
                ymd(
                    SPONSORS[lane].start.0,
                    SPONSORS[lane].start.1,
                    SPONSORS[lane].start.2,
                )
            } else {
                let start = month_start(self.end.year(), self.end.month())
                    - Months::new(self.rng.range(2, 30) as u32);
                let end = (self.rng.chance(300))
                    .then(|| month_end(2027, 1) + Months::new(self.rng.range(0, 18) as u32));
                self.add_generated_sponsor(field, start, end, &mut slugs);
                start
            };
            while next_start > self.start + Months::new(6) {
                let end = next_start - TimeDelta::days(1);
                let start = month_start(end.year(), end.month())
                    - Months::new(self.rng.range(23, 47) as u32);
                self.add_generated_sponsor(field, start, Some(end), &mut slugs);
                next_start = start;
            }
        }
    }

    pub(super) fn add_generated_sponsor(
        &mut self,
        field: Field,
        start: NaiveDate,
        end: Option<NaiveDate>,
        slugs: &mut HashSet<String>,
    ) {
        let (orgs, projects) = match field {
            Field::YouthEducation => (YOUTH_ORGS, YOUTH_PROJECTS),
            Field::CivicEducation => (CIVIC_ORGS, CIVIC_PROJECTS),
            Field::EmploymentIntegration => (EMPLOYMENT_ORGS, EMPLOYMENT_PROJECTS),
        };
        let (org_slug, org) = *self.rng.pick(orgs);
        let project = *self.rng.pick(projects);
        let base = format!("{org_slug}-{}", start.year());
        let slug = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|s| !slugs.contains(s))
            .unwrap_or_default();
        slugs.insert(slug.clone());
        let ended = end.is_some_and(|e| e <= self.end);
        self.sponsors.push(PlannedSponsor {
            record: Sponsor {
                end,
                contact: Some(self.rng.pick(CONTACT_ROLES).to_string()),
                ..Sponsor::new(
                    slug,
                    org.to_string(),
                    project.to_string(),
                    field,
                    start,
                    if ended {
                        SponsorStatus::Ended
                    } else {
                        SponsorStatus::Active
                    },
                )
            },
            meetings_until: None,
        });
    }

    /// `quartier.toml`: the office, its staff and targets in line with the volume.
    pub(super) fn config_text(&self, seed: u64, scale: u32) -> String {
        let mut staff = String::new();
        for s in &self.staff {
            staff.push_str(&format!("{} = \"{}\"\n", s.initials, s.name));
        }
        let t = |n: u64| self.dense(n);
        format!(
            r#"# Settings of the records folder. See docs/FORMAT.md.
# Synthetic data, made by `quartier demo generate --seed {seed} --scale {scale}`:
# no real people, no real cases.

[office]
name = "Stadtteilmanagement Soziale Integration Leipziger Westen"
operator = "Beispielträger gGmbH"
programme = "ESF Plus 2021–2027, Nachhaltige Soziale Stadtentwicklung"
language = "de"                 # de | en — labels of tables and reports

[area]
name = "Leipziger Westen"
districts = ["Altlindenau", "Lindenau", "Neulindenau", "Leutzsch",
             "Plagwitz", "Kleinzschocher"]

[staff]
# initials used in records = display name
{staff}
[targets.2025]
consultations = {}
unique_clients = {}
new_clients = {}
events = {}
event_participants = {}
sponsor_meetings = {}
referrals = {}

[targets.2026]
consultations = {}
unique_clients = {}
new_clients = {}
events = {}
event_participants = {}
sponsor_meetings = {}
referrals = {}
contacts = {}
organisation_consultations = {}

[sponsors]
stale_after_days = 60           # sponsor without a meeting for longer → flagged

[topics.codes]                  # office-specific topic codes
debts = {{ de = "Schulden", en = "Debts" }}

[git]
auto_commit = false             # true: every writing command commits its file

# The regular consultation hours: `agenda` shows today's, `flyer` prints them.
[[hours]]
day = "friday"
from = 10:00:00
to = 16:00:00
kind = "asylum"                 # walk-in for residents, with interpreters
location = "Stadtteilladen, Merseburger Straße 1"
languages = ["de", "ar", "fa", "uk"]

[[hours]]
day = "tuesday"
from = 10:00:00
to = 16:00:00
kind = "organisation"           # intercultural opening: a sports club as much as a Kita
location = "Stadtteilbüro, Lützner Straße 30"
languages = ["de"]
"#,
            t(420),
            t(150),
            t(110),
            t(12),
            t(450),
            t(60),
            t(80),
            t(450),
            t(160),
            t(110),
            t(14),
            t(400),
            t(60),
            t(90),
            t(220),
            t(30),
        )
    }
}
