//! Reading one record file: TOML text → typed record plus every problem found
//! in it, each with the byte span it points at. Checks that need other records
//! (references, duplicates) live in `check`; this module sees one file.

use super::config::{
    Area, EsfSettings, GitSettings, Office, Regulation, SponsorSettings, TARGET_KEYS, Targets,
    TopicLabels, TopicSettings,
};
use super::*;
use crate::privacy;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

mod deadlines;
mod hours;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file; `span` is a byte range of the file's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub span: Option<Range<usize>>,
    pub severity: Severity,
    pub message: String,
}

/// What a record is read against.
pub struct Context<'a> {
    pub config: &'a Config,
    pub today: NaiveDate,
}

/// Where the file sits, so that its id and date can be checked against it.
#[derive(Debug, Clone, Copy)]
pub struct Placement<'a> {
    pub stem: &'a str,
    /// `YYYY/MM` folder of a dated record.
    pub year_month: Option<(i32, u32)>,
}

pub use super::kind::{is_client_code, is_dated_id, is_slug};

/// Whether `id` is well-formed for records of `kind`.
pub fn is_valid_id(kind: Kind, id: &str) -> bool {
    kind.is_valid_id(id)
}

/// Reads the record of `kind` in `text`. Returns the record when every
/// required field could be read (it may still carry errors), and all problems.
pub fn read_record(
    kind: Kind,
    text: &str,
    ctx: &Context,
    placement: Option<Placement>,
) -> (Option<Record>, Vec<Problem>) {
    let mut problems = Vec::new();
    let table = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem {
                span: e.span(),
                severity: Severity::Error,
                message: format!("TOML syntax: {}", first_line(e.message())),
            });
            return (None, problems);
        }
    };
    let root = table.get_ref();
    let mut f = Fields::new(root, &mut problems);
    let record = match kind {
        Kind::Sponsor => read_sponsor(&mut f, ctx).map(Record::Sponsor),
        Kind::Partner => read_partner(&mut f, ctx).map(Record::Partner),
        Kind::Client => read_client(&mut f, ctx).map(Record::Client),
        Kind::Appointment => read_appointment(&mut f, ctx).map(Record::Appointment),
        Kind::Referral => read_referral(&mut f, ctx).map(Record::Referral),
        Kind::Event => read_event(&mut f, ctx).map(Record::Event),
    };
    read_import_hash(&mut f);
    f.finish();
    check_placement(kind, root, placement, &mut problems);
    (record, problems)
}

/// `import`: the content hash `quartier import` sets on every kind (SPEC §5),
/// 64 lower-case hex digits; nothing else writes it.
fn read_import_hash(f: &mut Fields) {
    let span = f.span_of("import");
    if let Some(h) = f.opt_str("import")
        && !(h.len() == 64
            && h.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    {
        f.error(
            span,
            "`import` must be the 64 hex digits `quartier import` wrote: restore it or remove the line".into(),
        );
    }
}

/// The id against its shape and the file name, the date against the month
/// folder — from the raw values, so that a record missing other fields is
/// still told where it belongs.
fn check_placement(
    kind: Kind,
    root: &DeTable,
    placement: Option<Placement>,
    problems: &mut Vec<Problem>,
) {
    let raw = |key: &str| {
        root.iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    };
    if let Some(v) = raw("id")
        && let DeValue::String(id) = v.get_ref()
        && !id.trim().is_empty()
    {
        if !is_valid_id(kind, id) {
            problems.push(Problem::error(
                Some(v.span()),
                format!(
                    "id `{id}` is not a valid {} id: {}",
                    kind.name(),
                    kind.id_rule()
                ),
            ));
        }
        if let Some(p) = placement
            && p.stem != id
        {
            problems.push(Problem::error(
                Some(v.span()),
                format!(
                    "id `{id}` does not match the file name `{}.toml`: rename the file or fix the id",
                    p.stem
                ),
            ));
        }
    }
    if !kind.is_dated() {
        return;
    }
    if let (
        Some(v),
        Some(Placement {
            year_month: Some((y, m)),
            ..
        }),
    ) = (raw("date"), placement)
        && let Some(date) = plain_date(v.get_ref())
        && (date.year(), date.month()) != (y, m)
    {
        problems.push(Problem::error(
            Some(v.span()),
            format!(
                "date {date} does not belong in folder {y:04}/{m:02}: move the file to {}/{:04}/{:02}/",
                kind.folder(),
                date.year(),
                date.month()
            ),
        ));
    }
}

/// A TOML local date that exists in the calendar.
fn plain_date(v: &DeValue) -> Option<NaiveDate> {
    match v {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let d = dt.date?;
            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        }
        _ => None,
    }
}

use chrono::Datelike;

/// Reads `quartier.toml`. Returns the settings (whatever could be read, with
/// defaults for the rest) unless the TOML itself is broken, and all problems.
pub fn read_config(text: &str) -> (Option<Config>, Vec<Problem>) {
    let mut problems = Vec::new();
    let table = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem::error(
                e.span(),
                format!("TOML syntax: {}", first_line(e.message())),
            ));
            return (None, problems);
        }
    };
    let mut f = Fields::new(table.get_ref(), &mut problems);
    let office = match f.subtable("office") {
        Some(t) => f.nested(t, "office.".into(), read_office),
        None => {
            if f.span_of("office").is_none() {
                f.error(
                    None,
                    "the table [office] is missing: add [office] with name = \"…\"".into(),
                );
            }
            Office {
                name: String::new(),
                operator: String::new(),
                programme: String::new(),
                language: Lang::De,
            }
        }
    };
    let area = f
        .subtable("area")
        .map(|t| f.nested(t, "area.".into(), read_area))
        .unwrap_or_default();
    let staff = f
        .subtable("staff")
        .map(|t| f.nested(t, "staff.".into(), read_staff))
        .unwrap_or_default();
    let targets = f
        .subtable("targets")
        .map(|t| f.nested(t, "targets.".into(), read_targets))
        .unwrap_or_default();
    let sponsors = f
        .subtable("sponsors")
        .map(|t| f.nested(t, "sponsors.".into(), read_sponsor_settings))
        .unwrap_or_default();
    let topics = f
        .subtable("topics")
        .map(|t| f.nested(t, "topics.".into(), read_topic_settings))
        .unwrap_or_default();
    let git = f
        .subtable("git")
        .map(|t| {
            f.nested(t, "git.".into(), |g| GitSettings {
                auto_commit: g.opt_bool("auto_commit"),
            })
        })
        .unwrap_or_default();
    let esf = f
        .subtable("esf")
        .map(|t| f.nested(t, "esf.".into(), read_esf))
        .unwrap_or_default();
    let hours = hours::read_hours(&mut f);
    f.finish();
    let config = Config {
        office,
        area,
        staff,
        targets,
        sponsors,
        topics,
        git,
        esf,
        hours,
    };
    (Some(config), problems)
}

fn read_office(f: &mut Fields) -> Office {
    let name = f.req_str("name").unwrap_or_default();
    let operator = f.opt_str("operator").unwrap_or_default();
    let programme = f.opt_str("programme").unwrap_or_default();
    let span = f.span_of("language");
    let language = match f.opt_str("language") {
        None => Lang::De,
        Some(code) => Lang::from_code(&code).unwrap_or_else(|| {
            f.error(
                span,
                format!("`office.language` = \"{code}\" is not one of de | en"),
            );
            Lang::De
        }),
    };
    Office {
        name,
        operator,
        programme,
        language,
    }
}

fn read_area(f: &mut Fields) -> Area {
    let name = f.opt_str("name").unwrap_or_default();
    let mut seen = BTreeSet::new();
    let mut districts = Vec::new();
    for (d, span) in f.list("districts") {
        if d == "outside" {
            f.error(
                Some(span),
                "`area.districts`: `outside` is reserved for clients living outside the area"
                    .into(),
            );
        } else if !seen.insert(d.clone()) {
            f.error(
                Some(span),
                format!("`area.districts`: `{d}` is listed twice"),
            );
        } else {
            districts.push(d);
        }
    }
    Area { name, districts }
}

fn read_staff(f: &mut Fields) -> BTreeMap<String, String> {
    let mut staff = BTreeMap::new();
    for (initials, _, v) in f.take_all() {
        match v.get_ref() {
            DeValue::String(name) => {
                staff.insert(initials.to_string(), name.to_string());
            }
            _ => f.wrong_type(initials, v, "a name in quotes, e.g. eb = \"E. B.\""),
        }
    }
    staff
}

fn read_targets(f: &mut Fields) -> BTreeMap<String, Targets> {
    let mut targets = BTreeMap::new();
    for (year, span, v) in f.take_all() {
        if year
            .parse::<i32>()
            .map_or(true, |y| !(1900..=9999).contains(&y))
        {
            f.error(
                Some(span),
                format!("[targets.{year}]: the key must be a year such as [targets.2026]"),
            );
            continue;
        }
        let DeValue::Table(t) = v.get_ref() else {
            f.wrong_type(year, v, "a table [targets.YYYY]");
            continue;
        };
        let t = f.nested(t, format!("targets.{year}."), |t| {
            let [
                consultations,
                unique_clients,
                new_clients,
                events,
                event_participants,
                sponsor_meetings,
                referrals,
            ] = TARGET_KEYS.map(|key| t.opt_count(key));
            Targets {
                consultations,
                unique_clients,
                new_clients,
                events,
                event_participants,
                sponsor_meetings,
                referrals,
            }
        });
        targets.insert(year.to_string(), t);
    }
    targets
}

fn read_sponsor_settings(f: &mut Fields) -> SponsorSettings {
    let mut settings = SponsorSettings::default();
    let span = f.span_of("stale_after_days");
    if let Some(days) = f.opt_int("stale_after_days") {
        if days < 1 {
            f.error(
                span,
                format!("`sponsors.stale_after_days` must be at least 1, not {days}"),
            );
        } else {
            settings.stale_after_days = days;
        }
    }
    settings
}

fn read_esf(f: &mut Fields) -> EsfSettings {
    let span = f.span_of("regulation");
    let regulation = match f.opt_str("regulation") {
        None => Regulation::default(),
        Some(code) => Regulation::from_code(&code).unwrap_or_else(|| {
            f.error(
                span,
                format!(
                    "`esf.regulation` = \"{code}\" is not one of 2021/1057 (ESF+, the default) | 1304/2013 (ESF 2014–2020)"
                ),
            );
            Regulation::default()
        }),
    };
    EsfSettings { regulation }
}

fn read_topic_settings(f: &mut Fields) -> TopicSettings {
    let mut codes = BTreeMap::new();
    if let Some(t) = f.subtable("codes") {
        f.nested(t, "topics.codes.".into(), |c| {
            for (code, span, v) in c.take_all() {
                if BuiltinTopic::from_code(code).is_some() {
                    c.error(
                        Some(span),
                        format!("[topics.codes] `{code}` is already a built-in topic; remove it"),
                    );
                    continue;
                }
                if !is_slug(code) {
                    c.error(
                        Some(span),
                        format!("[topics.codes] `{code}` is not a valid code (lower-case letters, digits and `-`)"),
                    );
                    continue;
                }
                let DeValue::Table(labels) = v.get_ref() else {
                    c.wrong_type(code, v, "labels like { de = \"Schulden\", en = \"Debts\" }");
                    continue;
                };
                let labels = c.nested(labels, format!("topics.codes.{code}."), |l| {
                    Some(TopicLabels {
                        de: l.req_str("de")?,
                        en: l.req_str("en")?,
                    })
                });
                if let Some(labels) = labels {
                    codes.insert(code.to_string(), labels);
                }
            }
        });
    }
    TopicSettings { codes }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().trim().to_string()
}

impl Problem {
    pub fn error(span: Option<Range<usize>>, message: impl Into<String>) -> Problem {
        Problem {
            span,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(span: Option<Range<usize>>, message: impl Into<String>) -> Problem {
        Problem {
            span,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

/// Walks the keys of one table, reading each once; what is never asked for is
/// an unknown key.
struct Fields<'t, 'i, 'p> {
    entries: Vec<(&'t str, Range<usize>, &'t Spanned<DeValue<'i>>, bool)>,
    problems: &'p mut Vec<Problem>,
    known: Vec<&'static str>,
    prefix: String,
}

impl<'t, 'i, 'p> Fields<'t, 'i, 'p> {
    fn new(table: &'t DeTable<'i>, problems: &'p mut Vec<Problem>) -> Self {
        let entries = table
            .iter()
            .map(|(k, v)| (k.get_ref().as_ref(), k.span(), v, false))
            .collect();
        Fields {
            entries,
            problems,
            known: Vec::new(),
            prefix: String::new(),
        }
    }

    fn take(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.known.push(key);
        let e = self.entries.iter_mut().find(|e| e.0 == key)?;
        e.3 = true;
        Some(e.2)
    }

    /// Every entry of a table whose keys are free (initials, years, codes).
    fn take_all(&mut self) -> Vec<(&'t str, Range<usize>, &'t Spanned<DeValue<'i>>)> {
        self.entries
            .iter_mut()
            .map(|e| {
                e.3 = true;
                (e.0, e.1.clone(), e.2)
            })
            .collect()
    }

    /// A nested table, e.g. `[office]`.
    fn subtable(&mut self, key: &'static str) -> Option<&'t DeTable<'i>> {
        let v = self.take(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(key, v, &format!("a table [{key}]"));
                None
            }
        }
    }

    /// Reads a nested table with its own keys; its unknown keys are reported.
    fn nested<T>(
        &mut self,
        table: &'t DeTable<'i>,
        prefix: String,
        read: impl FnOnce(&mut Fields<'t, 'i, '_>) -> T,
    ) -> T {
        let mut inner = Fields::new(table, self.problems);
        inner.prefix = prefix;
        let out = read(&mut inner);
        inner.finish();
        out
    }

    fn span_of(&self, key: &str) -> Option<Range<usize>> {
        self.entries.iter().find(|e| e.0 == key).map(|e| e.2.span())
    }

    fn error(&mut self, span: Option<Range<usize>>, message: String) {
        self.problems.push(Problem::error(span, message));
    }

    fn warning(&mut self, span: Option<Range<usize>>, message: String) {
        self.problems.push(Problem::warning(span, message));
    }

    fn wrong_type(&mut self, key: &str, v: &Spanned<DeValue>, expected: &str) {
        self.error(
            Some(v.span()),
            format!(
                "`{}{key}` must be {expected}, not {}",
                self.prefix,
                type_name(v.get_ref())
            ),
        );
    }

    fn missing(&mut self, key: &str, example: &str) {
        self.error(
            None,
            format!(
                "required field `{}{key}` is missing: add a line like `{key} = {example}`",
                self.prefix
            ),
        );
    }

    fn opt_str(&mut self, key: &'static str) -> Option<String> {
        let v = self.take(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(key, v, "a string in quotes");
                None
            }
        }
    }

    /// A required, non-empty string.
    fn req_str(&mut self, key: &'static str) -> Option<String> {
        let span = self.span_of(key);
        match self.opt_str(key) {
            Some(s) if s.trim().is_empty() => {
                self.error(span, format!("`{}{key}` must not be empty", self.prefix));
                None
            }
            Some(s) => Some(s),
            None if span.is_none() => {
                self.missing(key, "\"…\"");
                None
            }
            None => None,
        }
    }

    fn opt_date(&mut self, key: &'static str) -> Option<NaiveDate> {
        let v = self.take(key)?;
        match v.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                let d = dt.date?;
                let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
                if date.is_none() {
                    self.error(
                        Some(v.span()),
                        format!("`{}{key}` = {dt} is not a date that exists", self.prefix),
                    );
                }
                date
            }
            DeValue::String(s) if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() => {
                self.error(
                    Some(v.span()),
                    format!(
                        "`{}{key}` must be a TOML date without quotes: {key} = {s}",
                        self.prefix
                    ),
                );
                None
            }
            _ => {
                self.wrong_type(key, v, "a date like 2026-11-25 (no quotes)");
                None
            }
        }
    }

    fn req_date(&mut self, key: &'static str) -> Option<NaiveDate> {
        let present = self.span_of(key).is_some();
        let d = self.opt_date(key);
        if !present {
            self.missing(key, "2026-11-25");
        }
        d
    }

    fn opt_time(&mut self, key: &'static str) -> Option<NaiveTime> {
        let v = self.take(key)?;
        match v.get_ref() {
            DeValue::Datetime(dt) if dt.date.is_none() && dt.offset.is_none() => {
                let t = dt.time?;
                let time = NaiveTime::from_hms_opt(
                    t.hour.into(),
                    t.minute.into(),
                    t.second.unwrap_or(0).into(),
                );
                if time.is_none() {
                    self.error(
                        Some(v.span()),
                        format!(
                            "`{}{key}` = {dt} is not a time of day: seconds run from 00 to 59",
                            self.prefix
                        ),
                    );
                }
                time
            }
            _ => {
                self.wrong_type(key, v, "a time like 10:30:00 (no quotes)");
                None
            }
        }
    }

    fn opt_int(&mut self, key: &'static str) -> Option<i64> {
        let v = self.take(key)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.error(
                        Some(v.span()),
                        format!("`{}{key}` is too large", self.prefix),
                    );
                    None
                }
            },
            _ => {
                self.wrong_type(key, v, "a whole number");
                None
            }
        }
    }

    /// A count: a whole number ≥ 0, 0 when absent.
    fn count(&mut self, key: &'static str) -> i64 {
        let span = self.span_of(key);
        let n = self.opt_int(key).unwrap_or(0);
        if n < 0 {
            self.error(
                span,
                format!("`{}{key}` must not be negative ({n})", self.prefix),
            );
        }
        n
    }

    /// An optional whole number ≥ 0.
    fn opt_count(&mut self, key: &'static str) -> Option<u64> {
        let span = self.span_of(key);
        let n = self.opt_int(key)?;
        match u64::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                self.error(
                    span,
                    format!("`{}{key}` must not be negative ({n})", self.prefix),
                );
                None
            }
        }
    }

    fn opt_bool(&mut self, key: &'static str) -> bool {
        let Some(v) = self.take(key) else {
            return false;
        };
        match v.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                self.wrong_type(key, v, "true or false");
                false
            }
        }
    }

    fn list(&mut self, key: &'static str) -> Vec<(String, Range<usize>)> {
        let Some(v) = self.take(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => out.push((s.to_string(), item.span())),
                        _ => self.wrong_type(key, item, "a list of strings"),
                    }
                }
                out
            }
            _ => {
                self.wrong_type(key, v, "a list of strings, e.g. [\"a\", \"b\"]");
                Vec::new()
            }
        }
    }

    fn opt_code<C: Code>(&mut self, key: &'static str) -> Option<C> {
        let span = self.span_of(key);
        let s = self.opt_str(key)?;
        let c = C::from_code(&s);
        if c.is_none() {
            self.error(
                span,
                format!(
                    "`{}{key}` = \"{s}\" is not one of {}",
                    self.prefix,
                    C::choices()
                ),
            );
        }
        c
    }

    fn req_code<C: Code>(&mut self, key: &'static str) -> Option<C> {
        let present = self.span_of(key).is_some();
        let c = self.opt_code(key);
        if !present {
            self.missing(key, &format!("\"{}\"", C::ALL[0].code()));
        }
        c
    }

    fn opt_language(&mut self, key: &'static str) -> Option<String> {
        let span = self.span_of(key);
        let s = self.opt_str(key)?;
        if !iso::is_language(&s) {
            self.error(span, bad_language(&s));
        }
        Some(s)
    }

    fn languages(&mut self, key: &'static str) -> Vec<String> {
        let items = self.list(key);
        for (s, span) in &items {
            if !iso::is_language(s) {
                self.error(Some(span.clone()), bad_language(s));
            }
        }
        items.into_iter().map(|(s, _)| s).collect()
    }

    fn topics(&mut self, key: &'static str, ctx: &Context) -> Vec<String> {
        let items = self.list(key);
        for (s, span) in &items {
            if !ctx.config.is_topic(s) {
                self.error(Some(span.clone()), bad_topic(s, ctx));
            }
        }
        items.into_iter().map(|(s, _)| s).collect()
    }

    fn slugs(&mut self, key: &'static str) -> Vec<String> {
        let items = self.list(key);
        for (s, span) in &items {
            if !is_slug(s) {
                self.error(
                    Some(span.clone()),
                    format!("`{key}`: `{s}` is not a valid slug"),
                );
            }
        }
        items.into_iter().map(|(s, _)| s).collect()
    }

    fn notes_privacy(&mut self, key: &'static str, text: &Option<String>) {
        if let Some(text) = text {
            let span = self.span_of(key);
            for hit in privacy::scan(text) {
                self.warning(
                    span.clone(),
                    format!("privacy: `{key}` seems to contain {hit}; records must not hold personal contact data — remove it"),
                );
            }
        }
    }

    fn finish(self) {
        for (key, span, _, used) in &self.entries {
            if !used {
                let hint = suggestion(key, &self.known)
                    .map(|s| format!(" — did you mean `{s}`?"))
                    .unwrap_or_else(|| format!(" (known keys: {})", self.known.join(", ")));
                self.problems.push(Problem::error(
                    Some(span.clone()),
                    format!("unknown key `{}{key}`{hint}", self.prefix),
                ));
            }
        }
    }
}

fn bad_language(s: &str) -> String {
    format!("`{s}` is not an ISO 639-1 language code (two lower-case letters, e.g. \"ar\", \"uk\")")
}

fn bad_topic(s: &str, ctx: &Context) -> String {
    format!(
        "`{s}` is not a topic code; use one of {} or add it under [topics.codes] in quartier.toml",
        ctx.config.topic_codes().join(", ")
    )
}

fn type_name(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date or time",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

use super::similar::suggestion;

fn read_sponsor(f: &mut Fields, ctx: &Context) -> Option<Sponsor> {
    let id = f.req_str("id");
    let name = f.req_str("name");
    let project = f.req_str("project");
    let field = f.req_code::<Field>("field");
    let start = f.req_date("start");
    let end_span = f.span_of("end");
    let end = f.opt_date("end");
    let contact = f.opt_str("contact");
    let email = f.opt_str("email");
    let phone = f.opt_str("phone");
    let status = f
        .opt_code::<SponsorStatus>("status")
        .unwrap_or(SponsorStatus::Active);
    let planned_participants = f.opt_count("planned_participants");
    let continuation = f.opt_code::<Continuation>("continuation");
    let continuation_notes = f.opt_str("continuation_notes");
    let notes = f.opt_str("notes");
    let deadlines = deadlines::read_deadlines(f, ctx);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        f.error(end_span, format!("`end` {e} lies before `start` {s}"));
    }
    Some(Sponsor {
        id: id?,
        name: name?,
        project: project?,
        field: field?,
        start: start?,
        end,
        contact,
        email,
        phone,
        status,
        planned_participants,
        continuation,
        continuation_notes,
        notes,
        deadlines,
    })
}

fn read_partner(f: &mut Fields, ctx: &Context) -> Option<Partner> {
    let id = f.req_str("id");
    let name = f.req_str("name");
    let kind = f.req_code::<PartnerKind>("kind");
    let offers = f.topics("offers", ctx);
    let languages = f.languages("languages");
    Some(Partner {
        address: f.opt_str("address"),
        phone: f.opt_str("phone"),
        email: f.opt_str("email"),
        website: f.opt_str("website"),
        notes: f.opt_str("notes"),
        id: id?,
        name: name?,
        kind: kind?,
        offers,
        languages,
    })
}

fn read_client(f: &mut Fields, ctx: &Context) -> Option<Client> {
    let id = f.req_str("id");
    let first_contact = f.req_date("first_contact");
    let gender = f.opt_code::<Gender>("gender").unwrap_or(Gender::Unknown);
    let by_span = f.span_of("birth_year");
    let birth_year = f.opt_int("birth_year");
    if let Some(y) = birth_year {
        if y > i64::from(ctx.today.year()) {
            f.error(by_span, format!("`birth_year` {y} lies in the future"));
        } else if y < 1900 {
            f.error(
                by_span,
                format!("`birth_year` {y} is not plausible (before 1900)"),
            );
        } else if let Some(first) = first_contact
            && y > i64::from(first.year())
        {
            // The ESF counts the age at first contact (SPEC v2 §3.1).
            f.error(
                by_span,
                format!(
                    "`birth_year` {y} lies after the first contact ({first}): correct one of them"
                ),
            );
        }
    }
    let origin_span = f.span_of("origin");
    let origin = f.opt_str("origin");
    if let Some(o) = &origin
        && !iso::is_country(o)
    {
        f.error(
            origin_span,
            format!("`origin` = \"{o}\" is not an ISO 3166-1 alpha-2 country code (two upper-case letters, e.g. \"SY\", \"UA\")"),
        );
    }
    let languages = f.languages("languages");
    let residence = f
        .opt_code::<Residence>("residence")
        .unwrap_or(Residence::Unknown);
    let district_span = f.span_of("district");
    let district = f.opt_str("district");
    if let Some(d) = &district
        && d != "outside"
        && !ctx.config.in_area(d)
    {
        f.error(
            district_span,
            format!(
                "`district` = \"{d}\" is not a district of the area; use one of {} or \"outside\"",
                ctx.config.area.districts.join(", ")
            ),
        );
    }
    let employment = f
        .opt_code::<Employment>("employment")
        .unwrap_or(Employment::Unknown);
    let consent = f.opt_date("consent");
    let notes = f.opt_str("notes");
    f.notes_privacy("notes", &notes);
    Some(Client {
        id: id?,
        first_contact: first_contact?,
        gender,
        birth_year,
        origin,
        languages,
        residence,
        district,
        employment,
        consent,
        notes,
    })
}

fn done_in_future(f: &mut Fields, ctx: &Context, date: Option<NaiveDate>, what: &str) {
    if let Some(d) = date
        && d > ctx.today
    {
        let span = f.span_of("status");
        f.error(
            span,
            format!(
                "{what} dated {d} is marked `done` but lies in the future: set status = \"planned\""
            ),
        );
    }
}

fn read_appointment(f: &mut Fields, ctx: &Context) -> Option<Appointment> {
    let id = f.req_str("id");
    let date = f.req_date("date");
    let time = f.opt_time("time");
    let duration_span = f.span_of("duration");
    let duration = f.opt_int("duration");
    if let Some(d) = duration
        && d < 0
    {
        f.error(
            duration_span,
            format!("`duration` must not be negative ({d} minutes)"),
        );
    }
    let kind = f.req_code::<AppointmentKind>("kind");
    let status = f.req_code::<AppointmentStatus>("status");
    let staff = f.opt_str("staff");
    let client_span = f.span_of("client");
    let client = f.opt_str("client");
    let sponsor_span = f.span_of("sponsor");
    let sponsor = f.opt_str("sponsor");
    let topics = match kind {
        Some(AppointmentKind::Sponsor) => f.list("topics").into_iter().map(|(s, _)| s).collect(),
        _ => f.topics("topics", ctx),
    };
    let language = f.opt_language("language");
    let interpreter = f.opt_bool("interpreter");
    let family_members = f.count("family_members");
    let notes = f.opt_str("notes");
    f.notes_privacy("notes", &notes);
    match kind {
        Some(AppointmentKind::Consultation) => {
            if client.is_none() && client_span.is_none() {
                f.missing("client", "\"K-7F3A\"");
            }
            if sponsor.is_some() {
                f.error(
                    sponsor_span,
                    "a consultation has a `client`, not a `sponsor`".into(),
                );
            }
        }
        Some(AppointmentKind::Sponsor) => {
            if sponsor.is_none() && sponsor_span.is_none() {
                f.missing("sponsor", "\"sponsor-slug\"");
            }
            if client.is_some() {
                f.error(
                    client_span,
                    "a sponsor meeting has a `sponsor`, not a `client`".into(),
                );
            }
            for (key, present) in [
                ("language", language.is_some()),
                ("interpreter", interpreter),
                ("family_members", family_members != 0),
            ] {
                if present {
                    let span = f.span_of(key);
                    f.error(
                        span,
                        format!(
                            "`{key}` belongs to consultations, not to sponsor meetings: remove it"
                        ),
                    );
                }
            }
        }
        None => {}
    }
    if status == Some(AppointmentStatus::Done) {
        done_in_future(f, ctx, date, "an appointment");
    }
    Some(Appointment {
        id: id?,
        date: date?,
        time,
        duration,
        kind: kind?,
        status: status?,
        staff,
        client,
        sponsor,
        topics,
        language,
        interpreter,
        family_members,
        notes,
    })
}

fn read_referral(f: &mut Fields, ctx: &Context) -> Option<Referral> {
    let id = f.req_str("id");
    let date = f.req_date("date");
    let client = f.req_str("client");
    let partner = f.req_str("partner");
    let topic_span = f.span_of("topic");
    let topic = f.req_str("topic");
    if let Some(t) = &topic
        && !ctx.config.is_topic(t)
    {
        f.error(topic_span, bad_topic(t, ctx));
    }
    let appointment = f.opt_str("appointment");
    let status_span = f.span_of("status");
    let status = f.req_code::<ReferralStatus>("status");
    let follow_up = f.opt_date("follow_up");
    let closed_span = f.span_of("closed");
    let closed = f.opt_date("closed");
    let outcome = f.opt_str("outcome");
    let staff = f.opt_str("staff");
    let notes = f.opt_str("notes");
    f.notes_privacy("notes", &notes);
    f.notes_privacy("outcome", &outcome);
    match (status, closed_span.is_some()) {
        (Some(ReferralStatus::Open), true) => f.error(
            closed_span.clone(),
            "an `open` referral has no `closed` date: remove it or close the referral".into(),
        ),
        (Some(s), false) if s != ReferralStatus::Open => f.error(
            status_span,
            format!("a `{s}` referral needs the date it was closed: add `closed = YYYY-MM-DD`"),
        ),
        _ => {}
    }
    if let (Some(d), Some(c)) = (date, closed) {
        if c < d {
            f.error(
                closed_span.clone(),
                format!("`closed` {c} lies before the referral date {d}"),
            );
        }
        if c > ctx.today {
            f.error(closed_span, format!("`closed` {c} lies in the future"));
        }
    }
    Some(Referral {
        id: id?,
        date: date?,
        client: client?,
        partner: partner?,
        topic: topic?,
        appointment,
        status: status?,
        follow_up,
        closed,
        outcome,
        staff,
        notes,
    })
}

fn read_event(f: &mut Fields, ctx: &Context) -> Option<Event> {
    let id = f.req_str("id");
    let date = f.req_date("date");
    let time = f.opt_time("time");
    let title = f.req_str("title");
    let kind = f.req_code::<EventKind>("kind");
    let status = f.req_code::<EventStatus>("status");
    let topics = f.topics("topics", ctx);
    let location = f.opt_str("location");
    let partners = f.slugs("partners");
    let sponsors = f.slugs("sponsors");
    let languages = f.languages("languages");
    let interpreter = f.opt_bool("interpreter");
    let notes = f.opt_str("notes");
    let participants = match f.take("participants") {
        None => None,
        Some(v) => match v.get_ref() {
            DeValue::Table(t) => {
                let mut inner = Fields::new(t, f.problems);
                inner.prefix = "participants.".to_string();
                let total_present = inner.span_of("total").is_some();
                let p = Participants {
                    total: inner.count("total"),
                    women: inner.count("women"),
                    men: inner.count("men"),
                    diverse: inner.count("diverse"),
                    migrants: inner.count("migrants"),
                };
                if !total_present {
                    inner.missing("total", "25");
                }
                inner.finish();
                Some(p)
            }
            _ => {
                f.wrong_type("participants", v, "a table [participants]");
                None
            }
        },
    };
    let p_span = f.span_of("participants");
    if let Some(p) = participants {
        if p.women + p.men + p.diverse > p.total {
            f.error(
                p_span.clone(),
                format!(
                    "participants do not add up: women + men + diverse = {} is more than total = {}",
                    p.women + p.men + p.diverse,
                    p.total
                ),
            );
        }
        if p.migrants > p.total {
            f.error(
                p_span,
                format!(
                    "participants: migrants = {} is more than total = {}",
                    p.migrants, p.total
                ),
            );
        }
    } else if status == Some(EventStatus::Done) {
        let span = f.span_of("status");
        f.error(
            span,
            "a `done` event needs its participants: add a [participants] table with total, women, men, diverse, migrants".into(),
        );
    }
    if status == Some(EventStatus::Done) {
        done_in_future(f, ctx, date, "an event");
    }
    Some(Event {
        id: id?,
        date: date?,
        time,
        title: title?,
        kind: kind?,
        status: status?,
        topics,
        location,
        partners,
        sponsors,
        languages,
        interpreter,
        notes,
        participants,
    })
}

#[cfg(test)]
mod tests {
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
                planned_participants: Some(120),
                continuation: Some(Continuation::Secured),
                continuation_notes: text.clone(),
                notes: text.clone(),
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
                notes: text.clone(),
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
                topics: vec!["residence".into(), "debts".into()],
                language: Some("ar".into()),
                interpreter: true,
                family_members: 2,
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
                topics: vec!["Verwendungsnachweis".into(), "Zwischenbericht 2026".into()],
                language: None,
                interpreter: false,
                family_members: 0,
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
                notes: text,
                participants: Some(Participants {
                    total: 30,
                    women: 14,
                    men: 12,
                    diverse: 1,
                    migrants: 20,
                }),
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
                planned_participants: None,
                continuation: None,
                continuation_notes: None,
                notes: None,
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
                notes: None,
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
                topics: vec![],
                language: None,
                interpreter: false,
                family_members: 0,
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

    #[test]
    fn config_reads_as_serde_would() {
        for text in [
            super::super::config::DEFAULT_CONFIG,
            "[office]\nname = \"x\"\nlanguage = \"en\"\n[staff]\neb = \"E. B.\"\n[targets.2026]\nconsultations = 300\nnew_clients = 5\n[sponsors]\nstale_after_days = 30\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n[git]\nauto_commit = true\n",
        ] {
            let (config, problems) = read_config(text);
            assert_eq!(problems, vec![]);
            assert_eq!(config, Some(toml::from_str::<Config>(text).unwrap()));
        }
    }

    #[test]
    fn config_problems_have_spans_and_the_rest_is_read() {
        let text = "[office]\nname = \"x\"\nlanguage = \"fr\"\n[area]\ndistricts = [\"A\"]\n[targets.20x6]\nevents = 1\n[sponsor]\nx = 1\n";
        let (config, problems) = read_config(text);
        let config = config.unwrap();
        assert_eq!(config.area.districts, ["A"]);
        let lines: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| {
                let at = p.span.clone().expect("a span").start;
                (text[..at].matches('\n').count() + 1, p.message.as_str())
            })
            .collect();
        assert!(
            lines.iter().any(|(l, m)| *l == 3 && m.contains("de | en")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == 6 && m.contains("must be a year")),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|(l, m)| *l == 8
                && m.contains("unknown key `sponsor`")
                && m.contains("did you mean `sponsors`")),
            "{lines:?}"
        );
    }

    #[test]
    fn missing_office_is_a_problem() {
        let (config, problems) = read_config("[area]\nname = \"x\"\n");
        assert!(config.is_some());
        assert!(problems[0].message.contains("[office] is missing"));
    }
}
