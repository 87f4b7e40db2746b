//! Synthetic records folders: the embedded sample (`records/`, scale 1) and
//! bigger folders for benchmarks.
//!
//! The same seed and scale always give the same bytes: all randomness comes
//! from a small seeded generator, ids included, and nothing depends on the
//! calendar. Every record is built as a typed model record and written by
//! `model::write`, so it is valid by construction.
//!
//! Scale 1 is one office from January 2025 to October 2026. Scale K holds about
//! K times as many records: it reaches further back in years and adds more
//! offices' worth of work per month, so that months do not get absurdly dense.

use crate::model::write::to_toml;
use crate::model::*;
use chrono::{Datelike, Months, NaiveDate, NaiveTime, TimeDelta, Weekday};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// The seed of the committed sample folder `records/`.
pub const SAMPLE_SEED: u64 = 2025;

/// The largest `--scale`: about a million records.
pub const MAX_SCALE: u32 = 1000;

/// The last day of the data: nothing later is `done`, closed or new, except a
/// few `planned` appointments and events in December and January.
pub fn data_end() -> NaiveDate {
    ymd(2026, 10, 31)
}

/// Months of one sample period (January 2025 to October 2026).
const PERIOD_MONTHS: u32 = 22;

/// No data before this, whatever the scale.
const EARLIEST_START: (i32, u32) = (2000, 1);

/// A generated folder: the settings file and every record.
#[derive(Debug, Clone)]
pub struct Sample {
    pub config: String,
    pub records: Vec<Record>,
}

impl Sample {
    /// Every file of the folder as (path relative to the folder, text).
    pub fn files(&self) -> Vec<(PathBuf, String)> {
        let mut files = vec![
            (
                PathBuf::from(crate::store::CONFIG_FILE),
                self.config.clone(),
            ),
            (
                PathBuf::from(".gitignore"),
                crate::commands::init::GITIGNORE.to_string(),
            ),
        ];
        files.par_extend(
            self.records
                .par_iter()
                .map(|r| (record_path(r), to_toml(r))),
        );
        files
    }

    /// Writes the folder into `dir`, which must not exist or be empty.
    /// Returns how many records were written.
    pub fn write_to(&self, dir: &Path) -> crate::error::Result<usize> {
        use crate::error::CommandError;
        match std::fs::read_dir(dir) {
            Ok(mut entries) => {
                if entries.next().is_some() {
                    return Err(CommandError::data(format!(
                        "{} is not empty; nothing was written: choose a new folder for --out",
                        dir.display()
                    )));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                let what = if dir.is_file() {
                    "use (it is a file, not a folder)"
                } else {
                    "read"
                };
                return Err(CommandError::io(what, dir, &e));
            }
        }
        let files = self.files();
        let folders: BTreeSet<PathBuf> = files
            .iter()
            .filter_map(|(rel, _)| rel.parent().map(|p| dir.join(p)))
            .collect();
        for folder in std::iter::once(dir.to_path_buf()).chain(folders) {
            std::fs::create_dir_all(&folder)
                .map_err(|e| CommandError::io("create", &folder, &e))?;
        }
        files.par_iter().try_for_each(|(rel, text)| {
            let path = dir.join(rel);
            std::fs::write(&path, text).map_err(|e| CommandError::io("write", &path, &e))
        })?;
        Ok(self.records.len())
    }
}

/// Where a record lives below the records folder.
pub fn record_path(record: &Record) -> PathBuf {
    let mut path = PathBuf::from(record.kind().folder());
    if let Some(d) = record.date() {
        path.push(format!("{:04}", d.year()));
        path.push(format!("{:02}", d.month()));
    }
    path.push(format!("{}.toml", record.id()));
    path
}

/// Generates the folder of `seed` at `scale` (1 ..= [`MAX_SCALE`]).
pub fn generate(seed: u64, scale: u32) -> Sample {
    let scale = scale.clamp(1, MAX_SCALE);
    let mut g = Generator::new(seed, scale);
    g.staff();
    g.partners();
    g.sponsors();
    g.consultations();
    g.planned_consultations();
    g.sponsor_meetings();
    g.events();
    let config = g.config_text(seed, scale);
    let mut records = Vec::with_capacity(
        g.sponsors.len()
            + g.partners.len()
            + g.clients.len()
            + g.appointments.len()
            + g.referrals.len()
            + g.events.len(),
    );
    records.extend(g.sponsors.into_iter().map(|s| Record::Sponsor(s.record)));
    records.extend(g.partners.into_iter().map(Record::Partner));
    records.extend(g.clients.into_iter().map(|c| Record::Client(c.record)));
    records.extend(g.appointments.into_iter().map(Record::Appointment));
    records.extend(g.referrals.into_iter().map(Record::Referral));
    records.extend(g.events.into_iter().map(Record::Event));
    Sample { config, records }
}

/// splitmix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5155_4152_5449_4552)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 ..< n (0 when n is 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// lo ..= hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with a probability of `permille` / 1000.
    fn chance(&mut self, permille: u64) -> bool {
        self.below(1000) < permille
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (item, w) in items {
            if x < u64::from(*w) {
                return item;
            }
            x -= u64::from(*w);
        }
        &items[items.len() - 1].0
    }

    /// A whole count whose mean is `mean_milli` / 1000.
    fn around(&mut self, mean_milli: u64) -> u64 {
        let x = self.below(2 * mean_milli + 1);
        x / 1000 + u64::from(self.chance(x % 1000))
    }

    fn chars(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n).map(|_| *self.pick(alphabet) as char).collect()
    }

    /// Up to `n` distinct items, in a random order.
    fn sample<T: Clone>(&mut self, items: &[T], n: usize) -> Vec<T> {
        let mut pool = items.to_vec();
        let n = n.min(pool.len());
        for i in 0..n {
            let j = i + self.below((pool.len() - i) as u64) as usize;
            pool.swap(i, j);
        }
        pool.truncate(n);
        pool
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid calendar date")
}

fn days(d: NaiveDate, n: i64) -> NaiveDate {
    d + TimeDelta::days(n)
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("a valid time")
}

/// Public holidays in Saxony with a fixed date, and the days around Christmas.
fn is_closed(d: NaiveDate) -> bool {
    matches!(
        (d.month(), d.day()),
        (1, 1) | (5, 1) | (10, 3) | (10, 31) | (12, 24) | (12, 25) | (12, 26) | (12, 31)
    )
}

fn is_workday(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_closed(d)
}

/// The first workday on or after `d`.
fn workday_from(mut d: NaiveDate) -> NaiveDate {
    while !is_workday(d) {
        d = days(d, 1);
    }
    d
}

fn month_start(y: i32, m: u32) -> NaiveDate {
    ymd(y, m, 1)
}

fn month_end(y: i32, m: u32) -> NaiveDate {
    month_start(y, m) + Months::new(1) - TimeDelta::days(1)
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

struct Staff {
    initials: String,
    name: String,
    /// Accompanies the project sponsors (most sponsor meetings are theirs).
    sponsors: bool,
}

/// A sponsor and what its meetings should look like.
struct PlannedSponsor {
    record: Sponsor,
    /// No meeting after this day (the sample's "stale" sponsor).
    meetings_until: Option<NaiveDate>,
}

/// A client and what the generator needs to know about them.
struct Person {
    record: Client,
    last_visit: Option<NaiveDate>,
    active_until: NaiveDate,
}

struct Generator {
    rng: Rng,
    /// Offices' worth of work per month, in thousandths.
    density: u64,
    start: NaiveDate,
    end: NaiveDate,
    ids: HashSet<String>,
    staff: Vec<Staff>,
    partners: Vec<Partner>,
    sponsors: Vec<PlannedSponsor>,
    clients: Vec<Person>,
    appointments: Vec<Appointment>,
    referrals: Vec<Referral>,
    events: Vec<Event>,
}

impl Generator {
    fn new(seed: u64, scale: u32) -> Generator {
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
        }
    }

    /// `n` at one office's density, rounded.
    fn dense(&self, n: u64) -> u64 {
        (n * self.density + 500) / 1000
    }

    fn dated_id(&mut self, kind: Kind, date: NaiveDate) -> String {
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

    fn client_code(&mut self) -> String {
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

    fn staff(&mut self) {
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

    fn consultant(&mut self) -> String {
        let want_sponsor_staff = self.rng.chance(100);
        let pool: Vec<&Staff> = self
            .staff
            .iter()
            .filter(|s| s.sponsors == want_sponsor_staff)
            .collect();
        self.rng.pick(&pool).initials.clone()
    }

    fn sponsor_staff(&mut self) -> String {
        let want_sponsor_staff = !self.rng.chance(150);
        let pool: Vec<&Staff> = self
            .staff
            .iter()
            .filter(|s| s.sponsors == want_sponsor_staff)
            .collect();
        self.rng.pick(&pool).initials.clone()
    }

    fn partners(&mut self) {
        for p in PARTNERS {
            self.partners
                .push(p.record(p.slug.to_string(), p.name.to_string()));
        }
        let extra = (self.dense(PARTNERS.len() as u64) as usize).saturating_sub(PARTNERS.len());
        for i in 0..extra {
            let p = &PARTNERS[i % PARTNERS.len()];
            let copy = i / PARTNERS.len() + 2;
            let district = DISTRICTS[(i + copy) % DISTRICTS.len()];
            self.partners.push(p.record(
                format!("{}-{copy}", p.slug),
                format!("{} (Standort {district})", p.name),
            ));
        }
    }

    /// Partners that help with `topic`, preferring those who speak `language`.
    fn partner_for(&mut self, topic: &str, language: Option<&str>) -> Option<String> {
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

    fn sponsors(&mut self) {
        let mut slugs: HashSet<String> = HashSet::new();
        for s in SPONSORS {
            slugs.insert(s.slug.to_string());
            let start = ymd(s.start.0, s.start.1, s.start.2);
            let end = s.end.map(|(y, m, d)| ymd(y, m, d));
            self.sponsors.push(PlannedSponsor {
                record: Sponsor {
                    id: s.slug.to_string(),
                    name: s.name.to_string(),
                    project: s.project.to_string(),
                    field: s.field,
                    start,
                    end,
                    contact: Some(s.contact.to_string()),
                    email: None,
                    phone: None,
                    status: if end.is_some_and(|e| e <= self.end) {
                        SponsorStatus::Ended
                    } else {
                        SponsorStatus::Active
                    },
                    notes: (!s.notes.is_empty()).then(|| s.notes.to_string()),
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

    fn add_generated_sponsor(
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
                id: slug,
                name: org.to_string(),
                project: project.to_string(),
                field,
                start,
                end,
                contact: Some(self.rng.pick(CONTACT_ROLES).to_string()),
                email: None,
                phone: None,
                status: if ended {
                    SponsorStatus::Ended
                } else {
                    SponsorStatus::Active
                },
                notes: None,
            },
            meetings_until: None,
        });
    }

    /// Consultation hours day by day: who comes, about what, and where they
    /// are sent on to.
    fn consultations(&mut self) {
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
    fn visitor(&mut self, day: NaiveDate, pool: &mut Vec<usize>) -> usize {
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

    fn new_client(&mut self, first_contact: NaiveDate) -> usize {
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
        let record = Client {
            id,
            first_contact,
            gender: *r.weighted(GENDERS),
            birth_year,
            origin: origin.code.map(str::to_string),
            languages,
            residence,
            district: r.weighted(CLIENT_DISTRICTS).map(str::to_string),
            employment,
            consent,
            notes: r.chance(180).then(|| r.pick(CLIENT_NOTES).to_string()),
        };
        self.clients.push(Person {
            record,
            last_visit: None,
            active_until,
        });
        self.clients.len() - 1
    }

    fn topics_for(&mut self, client: &Client) -> Vec<String> {
        let mut weights: Vec<(&str, u32)> = TOPIC_WEIGHTS.to_vec();
        let mut boost = |topic: &str, by: u32| {
            if let Some(w) = weights.iter_mut().find(|(t, _)| *t == topic) {
                w.1 += by;
            }
        };
        match client.residence {
            Residence::AsylumSeeker | Residence::Tolerated => boost("residence", 20),
            Residence::EuCitizen | Residence::German => boost("employment", 6),
            _ => {}
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
            _ => {}
        }
        if matches!(client.residence, Residence::EuCitizen | Residence::German) {
            weights.retain(|(t, _)| *t != "residence");
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
    fn conversation(&mut self, client: &Client) -> (Option<String>, bool) {
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

    fn consultation(&mut self, date: NaiveDate, c: usize) {
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
            _ => None,
        };
        let appointment = Appointment {
            id: id.clone(),
            date,
            time: Some(self.consultation_time(date)),
            duration: Some(*self.rng.weighted(&[(30, 40), (45, 25), (60, 25), (90, 10)])),
            kind: AppointmentKind::Consultation,
            status,
            staff: Some(self.consultant()),
            client: Some(client.id.clone()),
            sponsor: None,
            family_members: if self.rng.chance(200) {
                self.rng.range(1, 3)
            } else {
                0
            },
            topics,
            language,
            interpreter,
            notes,
        };
        if status == AppointmentStatus::Done
            && self.rng.chance(190)
            && client.consent.is_some_and(|c| c <= date)
        {
            self.referral(&appointment, &client);
        }
        self.appointments.push(appointment);
    }

    fn consultation_time(&mut self, date: NaiveDate) -> NaiveTime {
        let (from, slots) = match date.weekday() {
            Weekday::Tue => (10, 6),
            Weekday::Thu => (14, 8),
            _ => (9, 12),
        };
        let slot = self.rng.below(slots) as u32;
        hm(from + slot / 2, (slot % 2) * 30)
    }

    fn referral(&mut self, appointment: &Appointment, client: &Client) {
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
            id,
            date,
            client: client.id.clone(),
            partner,
            topic,
            appointment: from_appointment.then(|| appointment.id.clone()),
            status,
            follow_up,
            closed,
            outcome,
            staff: appointment.staff.clone(),
            notes,
        });
    }

    /// A few consultations already booked for December and January.
    fn planned_consultations(&mut self) {
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
                id,
                date,
                time: Some(time),
                duration: Some(*self.rng.pick(&[30, 45, 60])),
                kind: AppointmentKind::Consultation,
                status: AppointmentStatus::Planned,
                staff: Some(staff),
                client: Some(client.id),
                sponsor: None,
                topics,
                language,
                interpreter,
                family_members: 0,
                notes,
            });
        }
    }

    fn sponsor_meetings(&mut self) {
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

    fn sponsor_meeting(
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
            _ => None,
        };
        let appointment = Appointment {
            id,
            date,
            time: Some(*self.rng.pick(&[hm(9, 30), hm(10, 0), hm(13, 0), hm(14, 0)])),
            duration: Some(*self.rng.pick(&[60, 90, 90, 120])),
            kind: AppointmentKind::Sponsor,
            status,
            staff: Some(self.sponsor_staff()),
            client: None,
            sponsor: Some(sponsor.to_string()),
            topics,
            language: None,
            interpreter: false,
            family_members: 0,
            notes,
        };
        self.appointments.push(appointment);
    }

    /// Information events, workshops, network meetings and the yearly
    /// neighbourhood festival, month by month up to January 2027.
    fn events(&mut self) {
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
    fn event_day(&mut self, month: NaiveDate, kind: EventKind) -> NaiveDate {
        let last = month_end(month.year(), month.month()).day() as i64;
        let mut day = days(month, self.rng.range(0, last - 1));
        let step = if day.day() > 20 { -1 } else { 1 };
        let fits = |d: NaiveDate| match kind {
            EventKind::Other => d.weekday() == Weekday::Sat && !is_closed(d),
            _ => is_workday(d),
        };
        while !fits(day) {
            day = days(day, step);
        }
        day
    }

    /// Status and participants of an event on `date`.
    fn outcome(
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

    fn event(&mut self, month: NaiveDate, kind: EventKind, t: EventTemplate, hours: &[u32]) {
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
        if matches!(kind, EventKind::Info | EventKind::Workshop) {
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
            _ => None,
        };
        let id = self.dated_id(Kind::Event, date);
        let hour = *self.rng.pick(hours);
        self.events.push(Event {
            id,
            date,
            time: Some(hm(hour, 0)),
            title: t.title.to_string(),
            kind,
            status,
            topics: strings(t.topics),
            location: Some(self.rng.pick(t.locations).to_string()),
            partners,
            sponsors: Vec::new(),
            languages,
            interpreter,
            notes,
            participants,
        });
    }

    /// The quarterly meeting of the ESF project sponsors running at the time.
    fn sponsor_network(&mut self, month: NaiveDate) {
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
            _ => None,
        };
        let id = self.dated_id(Kind::Event, date);
        self.events.push(Event {
            id,
            date,
            time: Some(hm(10, 0)),
            title: "Netzwerktreffen der ESF-Projektträger im Leipziger Westen".to_string(),
            kind: EventKind::Network,
            status,
            topics: Vec::new(),
            location: Some("Stadtteilbüro Leipziger Westen".to_string()),
            partners: Vec::new(),
            sponsors,
            languages: vec!["de".to_string()],
            interpreter: false,
            notes,
            participants,
        });
    }

    /// `quartier.toml`: the office, its staff and targets in line with the volume.
    fn config_text(&self, seed: u64, scale: u32) -> String {
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

[sponsors]
stale_after_days = 60           # sponsor without a meeting for longer → flagged

[topics.codes]                  # office-specific topic codes
debts = {{ de = "Schulden", en = "Debts" }}

[git]
auto_commit = false             # true: every writing command commits its file
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
        )
    }
}

fn ceil_sqrt(n: u32) -> u32 {
    (1..=n).find(|k| k * k >= n).unwrap_or(1)
}

// ---------------------------------------------------------------------------
// The material the sample is made of.

const DISTRICTS: [&str; 6] = [
    "Altlindenau",
    "Lindenau",
    "Neulindenau",
    "Leutzsch",
    "Plagwitz",
    "Kleinzschocher",
];

const STAFF: [(&str, &str, bool); 3] = [
    ("eb", "Elif B.", false),
    ("mk", "Martin K.", true),
    ("ts", "Tanja S.", false),
];

const EXTRA_FIRST_NAMES: &[&str] = &[
    "Anna", "Jonas", "Leyla", "Paul", "Mira", "Samir", "Katrin", "Felix", "Nadia", "Tom", "Olga",
    "Yusuf", "Jana", "Daniel", "Hanna", "Karim", "Ines", "Robert", "Dilara", "Sven",
];

/// Languages the staff speak without an interpreter.
const STAFF_LANGUAGES: [&str; 4] = ["de", "en", "ru", "ar"];

/// Consultations per month, in thousandths of the average (January first).
const MONTH_FACTOR: [u64; 12] = [
    1000, 1050, 1100, 1000, 1000, 950, 850, 700, 1050, 1100, 1050, 750,
];

struct Origin {
    code: Option<&'static str>,
    languages: &'static [&'static [&'static str]],
    residence: &'static [(Residence, u32)],
}

use Residence as R;

const ORIGINS: &[(Origin, u32)] = &[
    (
        Origin {
            code: Some("SY"),
            languages: &[
                &["ar"],
                &["ar"],
                &["ar", "ku"],
                &["ar", "en"],
                &["ar", "de"],
            ],
            residence: &[
                (R::RecognisedRefugee, 45),
                (R::ResidencePermit, 35),
                (R::AsylumSeeker, 10),
                (R::Tolerated, 5),
                (R::Unknown, 5),
            ],
        },
        20,
    ),
    (
        Origin {
            code: Some("AF"),
            languages: &[&["fa"], &["fa", "ps"], &["ps"], &["fa", "en"]],
            residence: &[
                (R::AsylumSeeker, 35),
                (R::Tolerated, 20),
                (R::RecognisedRefugee, 20),
                (R::ResidencePermit, 20),
                (R::Unknown, 5),
            ],
        },
        14,
    ),
    (
        Origin {
            code: Some("UA"),
            languages: &[
                &["uk", "ru"],
                &["uk"],
                &["ru"],
                &["uk", "en"],
                &["uk", "de"],
            ],
            residence: &[(R::ResidencePermit, 85), (R::Other, 5), (R::Unknown, 10)],
        },
        18,
    ),
    (
        Origin {
            code: Some("IQ"),
            languages: &[&["ar"], &["ku", "ar"], &["ar", "en"]],
            residence: &[
                (R::AsylumSeeker, 25),
                (R::Tolerated, 20),
                (R::RecognisedRefugee, 30),
                (R::ResidencePermit, 20),
                (R::Unknown, 5),
            ],
        },
        7,
    ),
    (
        Origin {
            code: Some("ER"),
            languages: &[&["ti"], &["ti", "ar"], &["ti", "en"]],
            residence: &[
                (R::RecognisedRefugee, 50),
                (R::AsylumSeeker, 30),
                (R::ResidencePermit, 20),
            ],
        },
        5,
    ),
    (
        Origin {
            code: Some("TR"),
            languages: &[&["tr"], &["ku", "tr"], &["tr", "de"]],
            residence: &[
                (R::AsylumSeeker, 50),
                (R::ResidencePermit, 40),
                (R::Unknown, 10),
            ],
        },
        5,
    ),
    (
        Origin {
            code: Some("RU"),
            languages: &[&["ru"], &["ru", "en"]],
            residence: &[
                (R::ResidencePermit, 50),
                (R::AsylumSeeker, 40),
                (R::Other, 10),
            ],
        },
        4,
    ),
    (
        Origin {
            code: Some("VN"),
            languages: &[&["vi"], &["vi", "de"]],
            residence: &[(R::ResidencePermit, 80), (R::Other, 10), (R::Unknown, 10)],
        },
        4,
    ),
    (
        Origin {
            code: Some("IR"),
            languages: &[&["fa"], &["fa", "en"]],
            residence: &[
                (R::AsylumSeeker, 50),
                (R::RecognisedRefugee, 30),
                (R::ResidencePermit, 20),
            ],
        },
        4,
    ),
    (
        Origin {
            code: Some("SO"),
            languages: &[&["so"], &["so", "ar"]],
            residence: &[
                (R::AsylumSeeker, 40),
                (R::Tolerated, 30),
                (R::RecognisedRefugee, 30),
            ],
        },
        2,
    ),
    (
        Origin {
            code: Some("GE"),
            languages: &[&["ka"], &["ka", "ru"]],
            residence: &[(R::AsylumSeeker, 60), (R::Tolerated, 30), (R::Other, 10)],
        },
        2,
    ),
    (
        Origin {
            code: Some("MD"),
            languages: &[&["ro", "ru"]],
            residence: &[(R::ResidencePermit, 60), (R::Other, 40)],
        },
        1,
    ),
    (
        Origin {
            code: Some("PL"),
            languages: &[&["pl"], &["pl", "de"]],
            residence: &[(R::EuCitizen, 1)],
        },
        2,
    ),
    (
        Origin {
            code: Some("RO"),
            languages: &[&["ro"], &["ro", "en"]],
            residence: &[(R::EuCitizen, 1)],
        },
        2,
    ),
    (
        Origin {
            code: Some("BG"),
            languages: &[&["bg"], &["bg", "tr"]],
            residence: &[(R::EuCitizen, 1)],
        },
        2,
    ),
    (
        Origin {
            code: Some("PK"),
            languages: &[&["ur", "en"]],
            residence: &[(R::AsylumSeeker, 60), (R::ResidencePermit, 40)],
        },
        1,
    ),
    (
        Origin {
            code: Some("NG"),
            languages: &[&["en"]],
            residence: &[(R::AsylumSeeker, 60), (R::ResidencePermit, 40)],
        },
        1,
    ),
    (
        Origin {
            code: Some("LB"),
            languages: &[&["ar", "fr"]],
            residence: &[(R::ResidencePermit, 70), (R::AsylumSeeker, 30)],
        },
        1,
    ),
    (
        Origin {
            code: Some("DE"),
            languages: &[&["de"]],
            residence: &[(R::German, 1)],
        },
        3,
    ),
    (
        Origin {
            code: None,
            languages: &[&["de"], &["ar"], &[]],
            residence: &[(R::Unknown, 1)],
        },
        3,
    ),
];

const GENDERS: &[(Gender, u32)] = &[
    (Gender::Female, 48),
    (Gender::Male, 46),
    (Gender::Diverse, 1),
    (Gender::Unknown, 5),
];

const EMPLOYMENT: &[(Employment, u32)] = &[
    (Employment::Employed, 16),
    (Employment::SelfEmployed, 2),
    (Employment::Unemployed, 24),
    (Employment::LongTermUnemployed, 10),
    (Employment::Inactive, 14),
    (Employment::InEducation, 12),
    (Employment::Unknown, 22),
];

const CLIENT_DISTRICTS: &[(Option<&str>, u32)] = &[
    (Some("Altlindenau"), 14),
    (Some("Lindenau"), 20),
    (Some("Neulindenau"), 12),
    (Some("Leutzsch"), 12),
    (Some("Plagwitz"), 12),
    (Some("Kleinzschocher"), 14),
    (Some("outside"), 9),
    (None, 7),
];

const TOPIC_WEIGHTS: &[(&str, u32)] = &[
    ("residence", 14),
    ("language", 12),
    ("employment", 12),
    ("recognition", 5),
    ("education", 9),
    ("housing", 10),
    ("health", 7),
    ("benefits", 13),
    ("family", 7),
    ("authorities", 14),
    ("other", 4),
    ("debts", 3),
];

/// Topics a referral can be about (every one has partners offering it).
const REFERRAL_TOPICS: &[&str] = &[
    "residence",
    "language",
    "employment",
    "recognition",
    "education",
    "housing",
    "health",
    "benefits",
    "family",
    "authorities",
    "other",
    "debts",
];

const CLIENT_NOTES: &[&str] = &[
    "Kommt meist mit der Tochter, die übersetzt.",
    "Bevorzugt Termine am Vormittag wegen der Kinderbetreuung.",
    "Hört schlecht, bitte langsam und deutlich sprechen.",
    "Alleinerziehend, drei Kinder im Grundschulalter.",
    "Arbeitet im Schichtdienst, Termine nur donnerstags möglich.",
    "Eine Schwester wohnt im Stadtteil und hilft bei Terminen.",
    "Ist über den Frauentreff zu uns gekommen.",
    "Wurde vom Jobcenter auf die Sprechstunde hingewiesen.",
    "Möchte von einer Beraterin beraten werden.",
    "Bringt Unterlagen meist vollständig mit.",
    "Lesen geht gut, Schreiben auf Deutsch fällt noch schwer.",
    "Kam zuerst zum Sprachcafé des Nachbarschaftsvereins.",
];

fn topic_notes(topic: &str) -> &'static [&'static str] {
    match topic {
        "residence" => &[
            "Fragen zur Verlängerung der Aufenthaltserlaubnis; Unterlagen für die Ausländerbehörde zusammengestellt.",
            "Stand des Asylverfahrens besprochen, Schreiben des Bundesamts erklärt.",
            "Beratung zur Beschäftigungsduldung und ihren Voraussetzungen.",
            "Termin bei der Ausländerbehörde vorbereitet, Checkliste mitgegeben.",
            "Fragen zur Einbürgerung: Voraussetzungen und Sprachnachweis erklärt.",
        ],
        "language" => &[
            "Sucht einen Integrationskurs mit Kinderbetreuung.",
            "Anmeldung zum B1-Kurs besprochen, Berechtigungsschein liegt vor.",
            "Wartet auf einen Platz im Alphabetisierungskurs.",
            "Möchte nach dem Integrationskurs einen Berufssprachkurs besuchen.",
        ],
        "employment" => &[
            "Lebenslauf gemeinsam überarbeitet, Bewerbung vorbereitet.",
            "Interesse an einer Ausbildung in der Pflege, Wege dorthin besprochen.",
            "Fragen zum Arbeitsvertrag und zur Probezeit.",
            "Sucht Minijob neben dem Sprachkurs.",
        ],
        "recognition" => &[
            "Anerkennung des Pflegeabschlusses: Unterlagen und Übersetzungen besprochen.",
            "Hochschulabschluss als Ingenieurin, Weg zur Anerkennung erklärt.",
            "Zeugnisse liegen nur teilweise vor, Möglichkeiten besprochen.",
        ],
        "education" => &[
            "Sucht Kita-Platz für zwei Kinder, Kita-Portal gemeinsam angesehen.",
            "Schulanmeldung für die Tochter, Vorbereitungsklasse erklärt.",
            "Fragen zum Bildungs- und Teilhabepaket für die Kinder.",
            "Elterngespräch in der Schule vorbereitet.",
        ],
        "housing" => &[
            "Mieterhöhung erhalten, Schreiben gemeinsam gelesen.",
            "Sucht größere Wohnung, Antrag auf Wohnberechtigungsschein besprochen.",
            "Probleme mit Schimmel in der Wohnung, nächste Schritte besprochen.",
            "Nebenkostenabrechnung mit hoher Nachzahlung erklärt.",
        ],
        "health" => &[
            "Sucht eine Hausarztpraxis mit arabischsprachigem Personal.",
            "Fragen zur Krankenversicherung nach der Arbeitsaufnahme.",
            "Psychische Belastung angesprochen, Unterstützung angeboten.",
            "Vorsorgeuntersuchungen für das Baby erklärt.",
        ],
        "benefits" => &[
            "Bescheid des Jobcenters erklärt, Weiterbewilligungsantrag vorbereitet.",
            "Kindergeld und Kinderzuschlag besprochen.",
            "Fragen zum Bürgergeld nach dem Rechtskreiswechsel.",
            "Wohngeldantrag gemeinsam begonnen.",
        ],
        "family" => &[
            "Familiennachzug der Ehefrau: Ablauf und Unterlagen erklärt.",
            "Fragen zu Elternzeit und Elterngeld.",
            "Trennung, Fragen zu Unterhalt und Aufenthalt der Kinder.",
        ],
        "authorities" => &[
            "Behördenpost sortiert und erklärt.",
            "Antrag auf Befreiung vom Rundfunkbeitrag ausgefüllt.",
            "Termin beim Bürgeramt online gebucht.",
            "Widerspruchsfrist besprochen, Schreiben aufgesetzt.",
        ],
        "debts" => &[
            "Mehrere offene Rechnungen, Überblick über die Schulden erstellt.",
            "Mahnung eines Inkassobüros erhalten, Ratenzahlung besprochen.",
        ],
        _ => &[
            "Fragen zum Deutschlandticket und zum Leipzig-Pass.",
            "Sucht einen Sportverein für den Sohn.",
            "Möchte sich ehrenamtlich im Stadtteil engagieren.",
        ],
    }
}

const CANCELLED_NOTES: &[&str] = &[
    "Kurzfristig abgesagt, Kind krank.",
    "Abgesagt wegen eines Termins bei der Ausländerbehörde.",
    "Abgesagt, neuer Termin vereinbart.",
    "Von uns abgesagt, Beraterin erkrankt.",
];

const NO_SHOW_NOTES: &[&str] = &[
    "Nicht erschienen, neuer Termin wird angeboten.",
    "Nicht erschienen.",
];

const PLANNED_NOTES: &[&str] = &[
    "Folgetermin: Unterlagen mitbringen.",
    "Sprachmittlung ist angefragt.",
    "Gemeinsam den Antrag fertig ausfüllen.",
];

const OUTCOME_DONE: &[&str] = &[
    "Termin wahrgenommen, Anliegen geklärt.",
    "Platz im Kurs erhalten.",
    "Antrag gestellt und bewilligt.",
    "Beratung dort begonnen, läuft weiter.",
    "Unterlagen eingereicht, Rückmeldung positiv.",
];

const OUTCOME_FAILED: &[&str] = &[
    "Keine freien Plätze, Warteliste.",
    "Termin kam nicht zustande, Stelle nicht erreichbar.",
    "Dort nicht zuständig, neue Vermittlung nötig.",
    "Wartezeit zu lang, Anliegen ungelöst.",
];

const OUTCOME_WITHDRAWN: &[&str] = &[
    "Klient:in hat das Anliegen selbst geklärt.",
    "Klient:in ist aus Leipzig weggezogen.",
    "Anliegen hat sich erledigt.",
];

const REFERRAL_NOTES: &[&str] = &[
    "Kontakt zur Stelle vorab hergestellt.",
    "Unterlagen mitgegeben.",
    "Sprachmittlung für den Termin angefragt.",
    "Kurzbericht mit Einverständnis weitergegeben.",
];

const SPONSOR_TOPICS: &[&str] = &[
    "Zwischenbericht",
    "Mittelabruf",
    "Teilnehmendengewinnung",
    "Öffentlichkeitsarbeit",
    "Verwendungsnachweis",
    "Kooperation mit Schulen",
    "Netzwerktreffen",
    "Projektanpassung",
    "Indikatoren",
    "Räume",
];

const SPONSOR_NOTES: &[&str] = &[
    "Stand der Teilnehmendenzahlen besprochen; Zwischenbericht wird vorbereitet.",
    "Vor-Ort-Besuch im Projekt, Gruppenangebot angesehen.",
    "Mittelabruf und Belegliste durchgesehen.",
    "Idee für eine gemeinsame Veranstaltung mit dem Frauentreff.",
    "Schwierigkeiten bei der Gewinnung von Teilnehmenden, Kontakte zu Partnern vermittelt.",
    "Indikatoren für den Jahresbericht abgestimmt.",
];

const SPONSOR_CANCELLED_NOTES: &[&str] = &[
    "Vom Träger abgesagt, Projektleitung krank.",
    "Verschoben wegen Ferien.",
];

const SPONSOR_NETWORK_NOTES: &[&str] = &[
    "Austausch zu Teilnehmendengewinnung und gemeinsamer Öffentlichkeitsarbeit.",
    "Vorstellung der neuen Projekte; Termine für das Stadtteilfest abgestimmt.",
    "Schwerpunkt Berichtswesen und Indikatoren im ESF Plus.",
];

const EVENT_CANCELLED_NOTES: &[&str] = &[
    "Abgesagt: Referentin erkrankt.",
    "Abgesagt wegen zu weniger Anmeldungen.",
    "Abgesagt, Raum nicht verfügbar; wird nachgeholt.",
];

const EVENT_LANGUAGES: &[&str] = &["ar", "uk", "fa", "ru", "ti", "tr"];

const CONTACT_ROLES: &[&str] = &["Projektleitung", "Geschäftsführung", "Projektkoordination"];

#[derive(Clone, Copy)]
struct EventTemplate {
    title: &'static str,
    topics: &'static [&'static str],
    locations: &'static [&'static str],
    notes: &'static [&'static str],
}

const ROOMS: &[&str] = &[
    "Stadtteilbüro Leipziger Westen",
    "Nachbarschaftszentrum Lindenau",
    "Stadtteilbibliothek Plagwitz",
    "Gemeindesaal Kleinzschocher",
    "Jugendhaus Leutzsch",
    "Bürgersaal Neulindenau",
];

const INFO_NOTES: &[&str] = &[
    "Rege Beteiligung, viele Nachfragen zu Einzelfällen; Folgetermine in der Sprechstunde vereinbart.",
    "Mit Sprachmittlung; Handout in mehreren Sprachen verteilt.",
    "Gut besucht, vor allem von Familien aus dem Stadtteil.",
    "Referentin der Partnerstelle hat viele Fragen direkt beantwortet.",
];

const INFO_EVENTS: &[EventTemplate] = &[
    EventTemplate {
        title: "Infoabend: Anerkennung ausländischer Berufsabschlüsse",
        topics: &["recognition", "employment"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Kita-Anmeldung in Leipzig – so geht's",
        topics: &["education", "family"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Schule in Sachsen: Informationen für zugewanderte Eltern",
        topics: &["education"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Integrationskurse: Anmeldung, Kosten, Kinderbetreuung",
        topics: &["language"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Wohnungssuche im Leipziger Westen: Wohngeld und Wohnberechtigungsschein",
        topics: &["housing", "benefits"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Gesundheitsversorgung: Krankenversicherung und Arztsuche",
        topics: &["health"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Aufenthaltsrecht aktuell: Einbürgerung und Niederlassungserlaubnis",
        topics: &["residence"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Familiennachzug: Voraussetzungen und Ablauf",
        topics: &["family", "residence"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Arbeit und Ausbildung: Wege in den Leipziger Arbeitsmarkt",
        topics: &["employment"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
    EventTemplate {
        title: "Behördenpost verstehen: Bescheide, Fristen, Widerspruch",
        topics: &["authorities", "benefits"],
        locations: ROOMS,
        notes: INFO_NOTES,
    },
];

const WORKSHOP_NOTES: &[&str] = &[
    "Kleine Gruppe, gut für Fragen; Wiederholung gewünscht.",
    "Teilnehmende haben eigene Unterlagen mitgebracht und bearbeitet.",
    "Mit Kinderbetreuung im Nebenraum.",
];

const WORKSHOPS: &[EventTemplate] = &[
    EventTemplate {
        title: "Workshop Bewerbungstraining",
        topics: &["employment"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
    EventTemplate {
        title: "Workshop: Formulare gemeinsam ausfüllen",
        topics: &["authorities"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
    EventTemplate {
        title: "Elternworkshop: Kinder und Medien",
        topics: &["education", "family"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
    EventTemplate {
        title: "Workshop: Schulden vermeiden, Haushalt planen",
        topics: &["debts", "benefits"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
    EventTemplate {
        title: "Computerkurs: Termine bei Behörden online buchen",
        topics: &["authorities"],
        locations: ROOMS,
        notes: WORKSHOP_NOTES,
    },
];

const OTHER_EVENTS: &[EventTemplate] = &[
    EventTemplate {
        title: "Interkulturelles Stadtteilfest Leipziger Westen",
        topics: &["other"],
        locations: &[
            "Platz vor dem Stadtteilbüro Leipziger Westen",
            "Stadtteilpark Plagwitz",
        ],
        notes: &[
            "Viele Stände der Partner; Beratungsangebote am Infotisch vorgestellt.",
            "Bei gutem Wetter sehr gut besucht, Kinderprogramm vom Jugendhaus.",
        ],
    },
    EventTemplate {
        title: "Tag der offenen Tür im Stadtteilbüro",
        topics: &["other"],
        locations: &["Stadtteilbüro Leipziger Westen"],
        notes: &["Nachbarschaft und Partner haben das Büro kennengelernt."],
    },
    EventTemplate {
        title: "Interkulturelles Frühstück",
        topics: &["other"],
        locations: &["Nachbarschaftszentrum Lindenau"],
        notes: &["Gemeinsam mit dem Frauentreff vorbereitet."],
    },
];

const NETWORK_MIGRATION: EventTemplate = EventTemplate {
    title: "Netzwerktreffen Migration und Asyl im Leipziger Westen",
    topics: &["residence", "authorities"],
    locations: &[
        "Stadtteilbüro Leipziger Westen",
        "Nachbarschaftszentrum Lindenau",
    ],
    notes: &[
        "Austausch über Wartezeiten bei Integrationskursen und Kita-Plätzen.",
        "Neue Angebote der Partner vorgestellt; Wegweiser wird aktualisiert.",
        "Schwerpunkt Wohnraum: gemeinsame Liste von Ansprechstellen abgestimmt.",
    ],
};

struct PartnerSeed {
    slug: &'static str,
    name: &'static str,
    kind: PartnerKind,
    offers: &'static [&'static str],
    languages: &'static [&'static str],
    address: &'static str,
    notes: &'static str,
}

impl PartnerSeed {
    fn record(&self, id: String, name: String) -> Partner {
        Partner {
            id,
            name,
            kind: self.kind,
            offers: strings(self.offers),
            languages: strings(self.languages),
            address: Some(self.address.to_string()),
            phone: None,
            email: None,
            website: None,
            notes: Some(self.notes.to_string()),
        }
    }
}

const PARTNERS: &[PartnerSeed] = &[
    PartnerSeed {
        slug: "jobcenter-west",
        name: "Jobcenter Leipzig, Geschäftsstelle West",
        kind: PartnerKind::Authority,
        offers: &["employment", "benefits", "language"],
        languages: &["de", "en"],
        address: "Leipzig-Lindenau",
        notes: "Termine nur nach Vereinbarung; Eingangszone mit Wartenummern.",
    },
    PartnerSeed {
        slug: "auslaenderbehoerde",
        name: "Ausländerbehörde der Stadt Leipzig",
        kind: PartnerKind::Authority,
        offers: &["residence", "family", "authorities"],
        languages: &["de", "en"],
        address: "Leipzig-Zentrum",
        notes: "Termine über das Online-Portal der Stadt; lange Wartezeiten bei Verlängerungen.",
    },
    PartnerSeed {
        slug: "mbe-west",
        name: "Migrationsberatung für Erwachsene (MBE) im Leipziger Westen",
        kind: PartnerKind::Counselling,
        offers: &[
            "residence",
            "language",
            "employment",
            "recognition",
            "family",
            "authorities",
            "benefits",
        ],
        languages: &["de", "ar", "fa", "ru", "uk", "en"],
        address: "Leipzig-Altlindenau",
        notes: "Offene Sprechstunde dienstags vormittags, sonst mit Termin.",
    },
    PartnerSeed {
        slug: "jmd-leipzig",
        name: "Jugendmigrationsdienst Leipzig",
        kind: PartnerKind::Counselling,
        offers: &["education", "language", "employment", "residence"],
        languages: &["de", "ar", "fa", "en"],
        address: "Leipzig-Lindenau",
        notes: "Für junge Menschen von 12 bis 27 Jahren.",
    },
    PartnerSeed {
        slug: "sprachschule-lindenau",
        name: "Sprachschule am Lindenauer Markt (Integrationskurse)",
        kind: PartnerKind::LanguageCourse,
        offers: &["language"],
        languages: &["de", "en", "ar", "uk"],
        address: "Leipzig-Lindenau",
        notes: "Integrationskurse mit Kinderbetreuung, Alphabetisierungskurse.",
    },
    PartnerSeed {
        slug: "bildungszentrum-west",
        name: "Bildungszentrum West – Integrations- und Berufssprachkurse",
        kind: PartnerKind::LanguageCourse,
        offers: &["language", "employment"],
        languages: &["de", "ru", "uk", "en"],
        address: "Leipzig-Plagwitz",
        notes: "Berufssprachkurse B2 und C1, auch abends.",
    },
    PartnerSeed {
        slug: "ausbildung-und-arbeit",
        name: "Beschäftigungsträger West – Ausbildungs- und Jobvermittlung",
        kind: PartnerKind::Employment,
        offers: &["employment", "recognition"],
        languages: &["de", "en", "ar"],
        address: "Leipzig-Plagwitz",
        notes: "Vermittlung in Praktika und Ausbildung, Bewerbungscoaching.",
    },
    PartnerSeed {
        slug: "anerkennungsberatung",
        name: "Anerkennungs- und Qualifizierungsberatung Leipzig",
        kind: PartnerKind::Counselling,
        offers: &["recognition", "employment"],
        languages: &["de", "en", "ar", "ru", "uk"],
        address: "Leipzig-Zentrum",
        notes: "Beratung zu Anerkennungsverfahren und Anpassungsqualifizierung.",
    },
    PartnerSeed {
        slug: "kita-schule-beratung",
        name: "Kita- und Schulberatung für zugewanderte Familien",
        kind: PartnerKind::Education,
        offers: &["education", "family"],
        languages: &["de", "ar", "uk", "ru"],
        address: "Leipzig-Neulindenau",
        notes: "Hilft bei Kita-Suche, Schulanmeldung und Bildungs- und Teilhabepaket.",
    },
    PartnerSeed {
        slug: "gesundheitslotsen",
        name: "Gesundheitslotsen für Zugewanderte",
        kind: PartnerKind::Health,
        offers: &["health"],
        languages: &["de", "ar", "fa", "ti", "en"],
        address: "Leipzig-Lindenau",
        notes: "Begleitung zu Arztterminen, Vermittlung von Sprachmittlung.",
    },
    PartnerSeed {
        slug: "psychosoziales-zentrum",
        name: "Psychosoziales Zentrum für Geflüchtete",
        kind: PartnerKind::Health,
        offers: &["health", "family"],
        languages: &["de", "ar", "fa", "ku", "en"],
        address: "Leipzig-Zentrum-Süd",
        notes: "Psychosoziale Beratung und Therapie, Wartezeit einplanen.",
    },
    PartnerSeed {
        slug: "wohnhilfe-west",
        name: "Wohnungsnotfallhilfe und Mieterberatung West",
        kind: PartnerKind::Housing,
        offers: &["housing", "benefits"],
        languages: &["de", "en", "ru"],
        address: "Leipzig-Leutzsch",
        notes: "Beratung bei Wohnungssuche, Mietschulden und drohendem Wohnungsverlust.",
    },
    PartnerSeed {
        slug: "rechtsberatung-gefluechtete",
        name: "Rechtsberatung für Geflüchtete (Law Clinic)",
        kind: PartnerKind::Legal,
        offers: &["residence", "family", "authorities"],
        languages: &["de", "en", "fr", "ar", "fa"],
        address: "Leipzig-Zentrum",
        notes: "Kostenlose Beratung im Asyl- und Aufenthaltsrecht, Termine vorab anfragen.",
    },
    PartnerSeed {
        slug: "schuldnerberatung-west",
        name: "Schuldner- und Insolvenzberatung West",
        kind: PartnerKind::Counselling,
        offers: &["debts", "benefits"],
        languages: &["de", "en", "ru"],
        address: "Leipzig-Kleinzschocher",
        notes: "Wartezeit auf einen Ersttermin meist einige Wochen.",
    },
    PartnerSeed {
        slug: "nachbarschaftsverein-lindenau",
        name: "Nachbarschaftsverein Lindenau e. V.",
        kind: PartnerKind::Association,
        offers: &["other", "language", "family"],
        languages: &["de", "ar", "uk", "fa", "en"],
        address: "Leipzig-Lindenau",
        notes: "Sprachcafé mittwochs, Hausaufgabenhilfe, Nachbarschaftsfeste.",
    },
    PartnerSeed {
        slug: "frauentreff-plagwitz",
        name: "Interkultureller Frauentreff Plagwitz e. V.",
        kind: PartnerKind::Association,
        offers: &["family", "education", "other"],
        languages: &["de", "ar", "fa", "ti", "uk"],
        address: "Leipzig-Plagwitz",
        notes: "Offener Treff mit Kinderbetreuung, Deutschkurs für Frauen.",
    },
    PartnerSeed {
        slug: "sprachmittlung-pool",
        name: "Gemeindedolmetschdienst Leipzig",
        kind: PartnerKind::Other,
        offers: &["health", "authorities", "other"],
        languages: &["ar", "fa", "ps", "ti", "uk", "ru", "tr", "ku", "so"],
        address: "Leipzig-Zentrum",
        notes: "Vermittelt Sprachmittlung für Termine bei Ämtern, Schulen und Praxen.",
    },
];

struct SponsorSeed {
    slug: &'static str,
    name: &'static str,
    project: &'static str,
    field: Field,
    start: (i32, u32, u32),
    end: Option<(i32, u32, u32)>,
    contact: &'static str,
    notes: &'static str,
    /// Last day with meetings: makes the sponsor stale at the end of the data.
    stale_after: Option<(i32, u32, u32)>,
}

const SPONSORS: &[SponsorSeed] = &[
    SponsorSeed {
        slug: "kinderhaus-lindenau",
        name: "Kinder- und Jugendhaus Lindenau e. V.",
        project: "Lernwerkstatt Lindenau – Lernförderung für Kinder aus zugewanderten Familien",
        field: Field::YouthEducation,
        start: (2024, 1, 1),
        end: Some((2027, 6, 30)),
        contact: "Projektleitung",
        notes: "Arbeitet eng mit zwei Grundschulen im Stadtteil zusammen.",
        stale_after: None,
    },
    SponsorSeed {
        slug: "jugendwerkstatt-west",
        name: "Jugendwerkstatt Leipziger Westen gGmbH",
        project: "Medienwerkstatt für Jugendliche",
        field: Field::YouthEducation,
        start: (2024, 3, 1),
        end: None,
        contact: "Projektkoordination",
        notes: "",
        stale_after: None,
    },
    SponsorSeed {
        slug: "demokratieladen-plagwitz",
        name: "Demokratieladen Plagwitz e. V.",
        project: "Mitreden im Quartier – politische Bildung für Neuzugewanderte",
        field: Field::CivicEducation,
        start: (2024, 1, 1),
        end: Some((2027, 12, 31)),
        contact: "Geschäftsführung",
        notes: "Veranstaltungen oft mit Sprachmittlung Arabisch und Ukrainisch.",
        stale_after: None,
    },
    SponsorSeed {
        slug: "stadtteilakademie-west",
        name: "Stadtteilakademie West e. V.",
        project: "Quartiersdialoge – Nachbarschaft gestalten",
        field: Field::CivicEducation,
        start: (2025, 4, 1),
        end: None,
        contact: "Projektleitung",
        notes: "Seit dem Sommer schwer erreichbar; Personalwechsel beim Träger.",
        stale_after: Some((2026, 7, 20)),
    },
    SponsorSeed {
        slug: "arbeit-im-quartier",
        name: "Beschäftigungsinitiative Westen gGmbH",
        project: "Brücken in Arbeit – Coaching für Langzeitarbeitslose",
        field: Field::EmploymentIntegration,
        start: (2023, 9, 1),
        end: Some((2027, 8, 31)),
        contact: "Projektleitung",
        notes: "",
        stale_after: None,
    },
    SponsorSeed {
        slug: "frauenbildungswerk-lindenau",
        name: "Frauenbildungswerk Lindenau e. V.",
        project: "Frauen in Arbeit – Berufsorientierung für Migrantinnen",
        field: Field::EmploymentIntegration,
        start: (2024, 1, 1),
        end: Some((2026, 6, 30)),
        contact: "Projektleitung",
        notes: "Projekt planmäßig beendet; Verwendungsnachweis eingereicht.",
        stale_after: None,
    },
    SponsorSeed {
        slug: "ausbildungslotsen-west",
        name: "Ausbildungslotsen Leipzig-West e. V.",
        project: "Lotsen in Ausbildung – Begleitung junger Geflüchteter",
        field: Field::EmploymentIntegration,
        start: (2025, 1, 1),
        end: None,
        contact: "Projektkoordination",
        notes: "",
        stale_after: None,
    },
    SponsorSeed {
        slug: "jugendbeteiligung-kleinzschocher",
        name: "Jugendtreff Kleinzschocher e. V.",
        project: "Jugend macht Stadtteil – Beteiligung in Kleinzschocher",
        field: Field::YouthEducation,
        start: (2026, 2, 1),
        end: None,
        contact: "Projektleitung",
        notes: "Neues Projekt seit Februar 2026.",
        stale_after: None,
    },
];

const YOUTH_ORGS: &[(&str, &str)] = &[
    ("jugendhilfe-west", "Jugendhilfe West e. V."),
    (
        "familienzentrum-leutzsch",
        "Kinder- und Familienzentrum Leutzsch e. V.",
    ),
    ("lernhaus-neulindenau", "Lernhaus Neulindenau gGmbH"),
    ("jugendkultur-plagwitz", "Jugendkulturverein Plagwitz e. V."),
];

const YOUTH_PROJECTS: &[&str] = &[
    "Lernpaten im Quartier",
    "Ferienakademie West",
    "Medienkompetenz für Jugendliche",
    "Sprachförderung am Nachmittag",
];

const CIVIC_ORGS: &[(&str, &str)] = &[
    ("buergerforum-lindenau", "Bürgerforum Lindenau e. V."),
    ("forum-demokratie-west", "Forum Demokratie West e. V."),
    (
        "quartiersrat-kleinzschocher",
        "Quartiersrat Kleinzschocher e. V.",
    ),
];

const CIVIC_PROJECTS: &[&str] = &[
    "Nachbarschaftsdialoge",
    "Demokratie vor Ort",
    "Beteiligungswerkstatt",
    "Stadtteilzeitung von und für Neuzugewanderte",
];

const EMPLOYMENT_ORGS: &[(&str, &str)] = &[
    ("arbeitsladen-west", "Arbeitsladen West gGmbH"),
    (
        "qualifizierungswerk-west",
        "Qualifizierungswerk Leipzig-West gGmbH",
    ),
    ("berufsbruecke", "Berufsbrücke e. V."),
];

const EMPLOYMENT_PROJECTS: &[&str] = &[
    "Wege in Arbeit",
    "Coaching für Alleinerziehende",
    "Sprache und Beruf",
    "Jobcafé im Stadtteil",
];

#[cfg(test)]
mod tests {
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
                    _ => panic!("only appointments and events lie ahead: {r:?}"),
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
}
