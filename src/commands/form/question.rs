//! One field of a form as a question, by its type in the schema: a line
//! (dates, times, counts, codes typed in), a list to pick one from (codes
//! with their labels, records, districts, staff) or a list to pick several
//! from (topics, partners) — with its default, its hints, and what an
//! answer means. Typed answers go through the parsers of the flags.

use super::Form;
use super::ask::Prompt;
use crate::commands::fields::Raw;
use crate::commands::fields::flags::{parse_count, parse_minutes};
use crate::error::Result;
use crate::model::{AppointmentKind, BuiltinTopic, Kind, Lang, Record};
use crate::schema::{DefaultValue, FieldSpec, FieldType};
use chrono::NaiveDate;

/// What an answer meant.
pub enum Outcome {
    /// A value, and the text typed for it (to ask again with it).
    Value(Raw, String),
    /// Enter on an optional field: left out.
    Skip,
    /// `.`: this one and every optional one after it left out.
    SkipRest,
    /// A typed answer that could not be read, with why.
    Wrong(String, String),
    /// "new client" picked from the list.
    NewClient,
}

/// An entry of a list.
#[derive(Clone)]
enum Choice {
    Value(String),
    Skip,
    SkipRest,
    NewClient,
}

/// How a value is shown as a default or typed answer: German dates
/// (25.11.2026), times as 09:30, yes/no as j/n (y/n).
pub fn shown(raw: &Raw, lang: Lang) -> String {
    match raw {
        Raw::Empty => String::new(),
        Raw::Text(s) => s.clone(),
        Raw::Date(d) => d.format("%d.%m.%Y").to_string(),
        Raw::Time(t) => t.format("%H:%M").to_string(),
        Raw::Int(n) => n.to_string(),
        Raw::Bool(b) => lang
            .pick(if *b { "j" } else { "n" }, if *b { "y" } else { "n" })
            .into(),
        Raw::List(items) => items.join(", "),
    }
}

/// A typed answer read by the key's type, as its flag would be.
pub fn parse(spec: &FieldSpec, s: &str) -> std::result::Result<Raw, String> {
    let s = s.trim();
    Ok(match spec.ty {
        FieldType::Date => Raw::Date(crate::dates::parse_date(s).map_err(|e| e.to_string())?),
        FieldType::Time => Raw::Time(crate::dates::parse_time(s).map_err(|e| e.to_string())?),
        FieldType::Minutes => Raw::Int(parse_minutes(s)?),
        FieldType::Count => Raw::Int(parse_count(s)?),
        FieldType::Year => Raw::Int(
            s.parse::<i64>()
                .map_err(|_| crate::tr!("form.year", input = s))?,
        ),
        FieldType::Bool => {
            Raw::Bool(crate::i18n::yes_no(s).ok_or_else(|| crate::tr!("form.yes-no", input = s))?)
        }
        FieldType::Codes(_)
        | FieldType::Topics { .. }
        | FieldType::Languages
        | FieldType::Refs(_) => Raw::List(
            s.split(',')
                .map(|i| i.trim().to_string())
                .filter(|i| !i.is_empty())
                .collect(),
        ),
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Code(_)
        | FieldType::Topic
        | FieldType::Language
        | FieldType::Country
        | FieldType::District
        | FieldType::Staff
        | FieldType::Ref(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => Raw::Text(s.to_string()),
    })
}

/// The short name (slug) a typed name suggests — `Jobcenter West` →
/// `jobcenter-west`, umlauts spelled out — when it differs and is one.
pub fn slug_of(typed: &str) -> Option<String> {
    let mut out = String::new();
    for c in typed.trim().to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    let slug = out.trim_end_matches('-').to_string();
    (slug != typed && crate::model::kind::is_slug(&slug)).then_some(slug)
}

/// The codes a refused answer names (`Afghanistan` → `AF`, `dari, deutsch`
/// → `prs, de`): offered as the default of the question asked again, so
/// that Enter takes what the refusal suggested. `None` when a part names
/// nothing known, or nothing would change.
pub fn codes_of_names(spec: &FieldSpec, typed: &str) -> Option<Raw> {
    use crate::model::iso;
    let language = |item: &str| {
        let code = item.trim().to_ascii_lowercase();
        if iso::is_language(&code) {
            Some(code)
        } else {
            crate::names::language_code(item)
        }
    };
    let suggested = match spec.ty {
        FieldType::Country => Raw::Text(crate::names::country_code(typed)?),
        FieldType::Language => Raw::Text(crate::names::language_code(typed)?),
        FieldType::Languages => Raw::List(
            typed
                .split(',')
                .filter(|i| !i.trim().is_empty())
                .map(language)
                .collect::<Option<Vec<_>>>()?,
        ),
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Date
        | FieldType::Time
        | FieldType::Minutes
        | FieldType::Count
        | FieldType::Year
        | FieldType::Bool
        | FieldType::Code(_)
        | FieldType::Codes(_)
        | FieldType::Topic
        | FieldType::Topics { .. }
        | FieldType::District
        | FieldType::Staff
        | FieldType::Ref(_)
        | FieldType::Refs(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => return None,
    };
    (parse(spec, typed).ok().as_ref() != Some(&suggested)).then_some(suggested)
}

/// A default of the schema (`"false"`, `"0"`, a code) as a value.
pub fn schema_default(spec: &FieldSpec, v: &str) -> Option<Raw> {
    match spec.ty {
        FieldType::Bool => Some(Raw::Bool(v == "true")),
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Date
        | FieldType::Time
        | FieldType::Minutes
        | FieldType::Count
        | FieldType::Year
        | FieldType::Code(_)
        | FieldType::Codes(_)
        | FieldType::Topic
        | FieldType::Topics { .. }
        | FieldType::Language
        | FieldType::Languages
        | FieldType::Country
        | FieldType::District
        | FieldType::Staff
        | FieldType::Ref(_)
        | FieldType::Refs(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => parse(spec, v).ok(),
    }
}

/// `label (code)`, or the label alone when it says the code (`Video`,
/// `Workshop`, English `Housing` — as written, not the bare code).
pub(crate) fn option(label: &str, code: &str) -> String {
    if label.is_empty() {
        code.to_string()
    } else if label.eq_ignore_ascii_case(code) {
        label.to_string()
    } else {
        format!("{label} ({code})")
    }
}

impl Form<'_> {
    /// The value offered for `spec` (Enter takes it): a suggestion of the
    /// command, the schema's default, else the last answer remembered.
    pub(super) fn default_of(&self, spec: &FieldSpec) -> Option<Raw> {
        if let Some(v) = self.suggest.get(spec.key) {
            return Some(v.clone());
        }
        let today = crate::dates::today();
        let remembered = || {
            self.state
                .get(self.kind, spec.key)
                .filter(|_| super::state::remembers(spec))
                .and_then(|s| parse(spec, &s).ok())
        };
        match spec.default {
            DefaultValue::Today => Some(Raw::Date(today)),
            DefaultValue::DoneWhenPast => {
                let day = self.given.date("date").unwrap_or(today);
                Some(Raw::Text(
                    if day <= today { "done" } else { "planned" }.to_string(),
                ))
            }
            DefaultValue::PersonalStaff => crate::personal::staff_in(self.config)
                .map(Raw::Text)
                .or_else(remembered),
            DefaultValue::Value(v) => schema_default(spec, v),
            DefaultValue::None => remembered()
                .or_else(|| self.client_language(spec))
                .or_else(|| self.consultation_offered(spec)),
            DefaultValue::NowDuringHours => {
                let now = crate::dates::now();
                let day = self.given.date("date").unwrap_or(today);
                if day == today && crate::model::hours::at(&self.config.hours, today, now).is_some()
                {
                    Some(Raw::Time(now))
                } else {
                    remembered()
                }
            }
            DefaultValue::Generated => None,
        }
    }

    /// The hint under a question: the field's help and what Enter, `-` and `.` do.
    fn hints(&self, spec: &FieldSpec, required: bool, default: Option<&str>) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !spec.help(self.lang).is_empty() {
            parts.push(spec.help(self.lang).to_string());
        }
        match (required, default) {
            (true, Some(d)) => parts.push(crate::tr!("form.hint-default", value = d)),
            (true, None) => parts.push(crate::tr!("form.hint-required")),
            // a default of the schema means the same as leaving it out
            (false, Some(d)) if matches!(spec.default, DefaultValue::Value(_)) => {
                parts.push(crate::tr!("form.hint-default", value = d))
            }
            (false, Some(d)) => parts.push(crate::tr!("form.hint-default-optional", value = d)),
            (false, None) => parts.push(crate::tr!("form.hint-optional")),
        }
        parts.join(" · ")
    }

    /// Asks `spec` once. `initial`: the text typed before (asked again).
    pub(super) fn ask_one(
        &mut self,
        spec: &'static FieldSpec,
        required: bool,
        initial: Option<String>,
    ) -> Result<Outcome> {
        let default = self.default_of(spec);
        let free_words = spec
            .ty
            .free_words_when()
            .is_some_and(|c| self.view_holds(&c));
        let choices = self.choices(spec, required, default.as_ref());
        let listed = !free_words && choices.as_ref().is_some_and(|c| !c.is_empty());
        if listed && let Some(choices) = choices {
            let mut question = spec.label(self.lang).to_string();
            if spec.ty.is_list() {
                let labels: Vec<String> = choices.iter().map(|(l, _)| l.clone()).collect();
                let prompt = Prompt {
                    question: question.clone(),
                    help: spec.form_help(self.lang).to_string(),
                    ..Prompt::default()
                };
                // what the record is about, ticked (the list starts with it)
                let first = self.topics_first(spec);
                let ticked: Vec<usize> = choices
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, c))| matches!(c, Choice::Value(v) if first.contains(v)))
                    .map(|(i, _)| i)
                    .collect();
                let picked = self.asker.multi(&prompt, &labels, &ticked)?;
                let mut items = Vec::new();
                for i in picked {
                    match &choices[i].1 {
                        Choice::Value(v) => items.push(v.clone()),
                        Choice::SkipRest => self.skip_rest = true,
                        Choice::Skip | Choice::NewClient => {}
                    }
                }
                return Ok(if items.is_empty() {
                    Outcome::Skip
                } else {
                    let typed = items.join(", ");
                    Outcome::Value(Raw::List(items), typed)
                });
            }
            let wanted = initial.or_else(|| default.as_ref().map(|d| shown(d, self.lang)));
            let cursor = choices
                .iter()
                .position(|(_, c)| matches!(c, Choice::Value(v) if Some(v) == wanted.as_ref()))
                .or_else(|| choices.iter().position(|(_, c)| matches!(c, Choice::Skip)))
                .unwrap_or(0);
            if !required {
                question.push_str(&format!(" ({})", crate::i18n::t("form.optional")));
            }
            let labels: Vec<String> = choices.iter().map(|(l, _)| l.clone()).collect();
            // what the choice means (not the flag's codes), then typed as in
            // a line: `-` finds "- keine Angabe", `.` the rest skipped
            let mut help = vec![spec.form_help(self.lang).to_string()];
            if choices.iter().any(|(_, c)| matches!(c, Choice::Skip)) {
                help.push(crate::tr!("form.hint-list-empty"));
            }
            if choices.iter().any(|(_, c)| matches!(c, Choice::SkipRest)) {
                help.push(crate::tr!("form.hint-list-rest"));
            }
            help.retain(|h| !h.is_empty());
            let prompt = Prompt {
                question,
                help: help.join(" · "),
                ..Prompt::default()
            };
            let i = self.asker.select(&prompt, &labels, cursor)?;
            return Ok(match &choices[i].1 {
                Choice::Value(v) => Outcome::Value(Raw::Text(v.clone()), v.clone()),
                Choice::Skip => Outcome::Skip,
                Choice::SkipRest => {
                    self.skip_rest = true;
                    Outcome::SkipRest
                }
                Choice::NewClient => Outcome::NewClient,
            });
        }
        self.ask_line(spec, required, default, initial)
    }

    /// A question answered by typing. A text refused before (a phone number
    /// in the notes) stands in the line again, to be corrected rather than
    /// typed anew; a refused date, time or code does not (Enter would only
    /// repeat it, and the code a name suggests is the default).
    fn ask_line(
        &mut self,
        spec: &'static FieldSpec,
        required: bool,
        default: Option<Raw>,
        refused: Option<String>,
    ) -> Result<Outcome> {
        let initial = refused.filter(|_| matches!(spec.ty, FieldType::Text | FieldType::FreeText));
        let default = default.map(|d| shown(&d, self.lang));
        let mut question = spec.label(self.lang).to_string();
        if matches!(spec.ty, FieldType::Bool) {
            question.push_str(&format!(" ({})", crate::i18n::t("form.yes-no-keys")));
        }
        let prompt = Prompt {
            question,
            help: self.hints(spec, required, default.as_deref()),
            default: default.clone(),
            field: Some(spec),
            initial,
        };
        let answer = self.asker.text(&prompt)?;
        let t = answer.trim();
        Ok(match t {
            "." => {
                self.skip_rest = true;
                Outcome::SkipRest
            }
            "" => Outcome::Skip,
            "-" if !required => Outcome::Skip,
            _ => match parse(spec, t) {
                Ok(raw) => Outcome::Value(raw, t.to_string()),
                Err(e) => Outcome::Wrong(e, t.to_string()),
            },
        })
    }

    /// The entries of a list question, `None` for a typed one.
    fn choices(
        &self,
        spec: &FieldSpec,
        required: bool,
        default: Option<&Raw>,
    ) -> Option<Vec<(String, Choice)>> {
        let lang = self.lang;
        let value =
            |label: &str, code: &str| (option(label, code), Choice::Value(code.to_string()));
        let mut out: Vec<(String, Choice)> = match spec.ty {
            FieldType::Code(v) | FieldType::Codes(v) => (v.codes)()
                .into_iter()
                .map(|c| value((v.label)(c, lang).unwrap_or(c), c))
                .collect(),
            FieldType::Topic | FieldType::Topics { .. } => {
                // what the record is about first, then the rest in order
                let first = self.topics_first(spec);
                let mut codes = self.config.topic_codes();
                codes.sort_by_key(|c| first.iter().position(|f| f == c).unwrap_or(first.len()));
                codes
                    .iter()
                    .map(|c| value(&self.config.topic_label(c, lang), c))
                    .collect()
            }
            FieldType::District => {
                let mut d: Vec<_> = self
                    .config
                    .area
                    .districts
                    .iter()
                    .map(|d| (d.clone(), Choice::Value(d.clone())))
                    .collect();
                d.push(value(crate::i18n::t("form.outside"), "outside"));
                d
            }
            FieldType::Staff if !self.config.staff.is_empty() => self
                .config
                .staff
                .iter()
                .map(|(k, name)| value(name, k))
                .collect(),
            FieldType::Ref(kind) if kind.is_dated() => {
                let recent = self.recent(kind);
                if recent.is_empty() {
                    return None;
                }
                recent
                    .into_iter()
                    .map(|(id, label)| value(&label, &id))
                    .collect()
            }
            FieldType::Ref(kind) | FieldType::Refs(kind) if !kind.is_dated() => {
                let mut r: Vec<_> = self
                    .records(kind)
                    .into_iter()
                    .map(|(id, label)| value(&label, &id))
                    .collect();
                if matches!(spec.ty, FieldType::Ref(Kind::Client)) && self.new_client.is_some() {
                    r.insert(0, (crate::tr!("form.new-client"), Choice::NewClient));
                }
                r
            }
            FieldType::Id
            | FieldType::Text
            | FieldType::FreeText
            | FieldType::Date
            | FieldType::Time
            | FieldType::Minutes
            | FieldType::Count
            | FieldType::Year
            | FieldType::Bool
            | FieldType::Language
            | FieldType::Languages
            | FieldType::Country
            | FieldType::Staff
            | FieldType::Ref(_)
            | FieldType::Refs(_)
            | FieldType::Table(_)
            | FieldType::Tables(_) => return None,
        };
        // a default of the schema means the same as leaving it out; any
        // other (the personal staff, the client's language) can be declined
        let schema_default = default.is_some_and(|d| !matches!(d, Raw::Empty))
            && matches!(spec.default, DefaultValue::Value(_));
        if !required && !spec.ty.is_list() && !schema_default {
            out.insert(0, (crate::tr!("form.skip-option"), Choice::Skip));
        }
        if !required {
            out.push((crate::tr!("form.skip-rest-option"), Choice::SkipRest));
        }
        Some(out)
    }

    /// The records of `kind` to pick from: id and what to show for it (the
    /// name of a sponsor or partner; a client is its code).
    fn records(&self, kind: Kind) -> Vec<(String, String)> {
        let named = kind.is_named();
        self.store
            .list_ids(kind)
            .into_iter()
            .map(|(id, path)| {
                let mut name = String::new();
                if named {
                    let rel = path.strip_prefix(self.store.root()).unwrap_or(&path);
                    let record = self.store.read_file(rel, self.config).0;
                    if let Some(Record::Sponsor(s)) = &record {
                        name = s.name.clone();
                    } else if let Some(Record::Partner(p)) = &record {
                        name = p.name.clone();
                    }
                }
                (id, name)
            })
            .collect()
    }

    /// The client this form is about (a key referring to clients, answered).
    fn client(&self) -> Option<String> {
        let schema = crate::schema::of(self.kind);
        let query = schema
            .fields()
            .filter(|f| matches!(f.ty, FieldType::Ref(Kind::Client)))
            .find_map(|f| self.given.text(f.key))?;
        self.store
            .resolve(Kind::Client, query)
            .ok()
            .map(|(id, _)| id)
    }

    /// The topics a topic list starts with (a list of several: ticked):
    /// `intercultural-opening` for an organisation consultation, which is
    /// what those are about; for a referral, the topics of the appointment
    /// it comes from, else of the client's last consultation up to its day.
    fn topics_first(&self, spec: &FieldSpec) -> Vec<String> {
        if !matches!(spec.ty, FieldType::Topic | FieldType::Topics { .. }) {
            return Vec::new();
        }
        let known = |topics: Vec<String>| -> Vec<String> {
            topics
                .into_iter()
                .filter(|t| self.config.is_topic(t))
                .collect()
        };
        if self.kind == Kind::Appointment
            && self.given.text("kind") == Some(AppointmentKind::Organisation.code())
        {
            return known(vec![BuiltinTopic::InterculturalOpening.code().to_string()]);
        }
        if self.kind != Kind::Referral {
            return Vec::new();
        }
        let read = |path: &std::path::Path| self.appointment_at(path);
        if let Some(query) = self.given.text("appointment") {
            let from = self.store.resolve(Kind::Appointment, query).ok();
            return from
                .and_then(|(_, path)| read(&path))
                .map(|a| known(a.topics))
                .unwrap_or_default();
        }
        self.last_consultation(true)
            .map(|a| known(a.topics))
            .unwrap_or_default()
    }

    /// The client's last consultation up to the record's day (of the year
    /// before it; `with_topics`: the last one with topics): what a referral
    /// most likely comes from.
    fn last_consultation(&self, with_topics: bool) -> Option<crate::model::Appointment> {
        let client = self.client()?;
        let day = self.given.date("date").unwrap_or_else(crate::dates::today);
        // the year up to the day, newest first by the day in the id
        // (apt-YYYYMMDD-…), read until the first of the client's
        let since = day - chrono::Days::new(365);
        let mut ids = self.store.list_ids(Kind::Appointment);
        ids.retain(|(id, _)| {
            let d = id.split('-').nth(1);
            d.and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok())
                .is_some_and(|d| d >= since && d <= day)
        });
        ids.sort_by(|a, b| b.0.cmp(&a.0));
        ids.into_iter()
            .filter_map(|(_, path)| self.appointment_at(&path))
            .find(|a| {
                a.client.as_deref() == Some(client.as_str())
                    && a.kind == AppointmentKind::Consultation
                    && a.date <= day
                    && (!with_topics || !a.topics.is_empty())
            })
    }

    /// The appointment of the file at `path`, when it reads as one.
    fn appointment_at(&self, path: &std::path::Path) -> Option<crate::model::Appointment> {
        let rel = path.strip_prefix(self.store.root()).unwrap_or(path);
        if let Some(Record::Appointment(a)) = self.store.read_file(rel, self.config).0 {
            Some(a)
        } else {
            None
        }
    }

    /// The appointment a referral is offered as coming from: the client's
    /// last consultation (the cursor on it; "- keine Angabe" declines it).
    fn consultation_offered(&self, spec: &FieldSpec) -> Option<Raw> {
        if self.kind != Kind::Referral || !matches!(spec.ty, FieldType::Ref(Kind::Appointment)) {
            return None;
        }
        self.last_consultation(false).map(|a| Raw::Text(a.id))
    }

    /// The language a conversation is offered in: the client's first.
    fn client_language(&self, spec: &FieldSpec) -> Option<Raw> {
        if !matches!(spec.ty, FieldType::Language) {
            return None;
        }
        let (_, path) = self.store.resolve(Kind::Client, &self.client()?).ok()?;
        let rel = path.strip_prefix(self.store.root()).ok()?;
        if let (Some(Record::Client(c)), _) = self.store.read_file(rel, self.config) {
            return c.languages.first().cloned().map(Raw::Text);
        }
        None
    }

    /// Dated records of `kind` of the last 90 days, newest first — of this
    /// form's client when it has one (the consultation a referral came
    /// from) — as id and `date time (id)`; at most 30.
    fn recent(&self, kind: Kind) -> Vec<(String, String)> {
        let today = crate::dates::today();
        let since = today - chrono::Days::new(90);
        let client = self.client();
        let day_of = |id: &str| {
            let digits = id.split('-').nth(1)?;
            NaiveDate::parse_from_str(digits, "%Y%m%d").ok()
        };
        let mut ids = self.store.list_ids(kind);
        ids.retain(|(id, _)| day_of(id).is_some_and(|d| d >= since && d <= today));
        ids.sort_by(|a, b| b.0.split('-').nth(1).cmp(&a.0.split('-').nth(1)));
        let mut out = Vec::new();
        for (id, path) in ids {
            let rel = path.strip_prefix(self.store.root()).unwrap_or(&path);
            let Some(record) = self.store.read_file(rel, self.config).0 else {
                continue;
            };
            let mut label = record
                .date()
                .map(|d| d.format("%d.%m.%Y").to_string())
                .unwrap_or_default();
            if let Record::Appointment(a) = &record {
                if client.is_some() && a.client != client {
                    continue;
                }
                if let Some(t) = a.time {
                    label.push_str(&t.format(" %H:%M").to_string());
                }
            }
            out.push((id, label));
            if out.len() == 30 {
                break;
            }
        }
        out
    }

    /// The day a client made on the spot had first contact: the day of the
    /// record being made, when it has come.
    pub(super) fn record_day(&self) -> Option<NaiveDate> {
        self.given
            .date("date")
            .filter(|d| *d <= crate::dates::today())
    }
}
