//! The declarative schema: one table per record kind, one [`FieldSpec`] per
//! TOML key. Everything that has to know a record's keys — reading and its
//! findings, the rule book, writing (key order), `add`/`edit` flags, guided
//! forms, `show`/`list` labels — takes them from here, so a new key is one
//! new row (plus its typed field in `model`).
//!
//! ```
//! use quartier::model::{Kind, Lang};
//! let f = quartier::schema::of(Kind::Client).field("birth_year").unwrap();
//! assert_eq!(f.flag(), "birth-year");
//! assert_eq!(f.label(Lang::De), "Geburtsjahr");
//! ```
//!
//! The order of the rows is the key order of a written file and the order
//! of the questions of a guided form.

mod appointment;
mod client;
mod contact;
mod event;
pub use event::PARTICIPANTS;
mod filter;
pub use filter::{Filter, value_type};
mod partner;
mod referral;
mod sponsor;
pub mod value;

use crate::model::{Code, Kind, Lang};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The schema of one kind of record.
#[derive(Debug)]
pub struct KindSchema {
    pub kind: Kind,
    /// What one record of this kind is called (singular), German and English.
    pub label_de: &'static str,
    pub label_en: &'static str,
    pub fields: &'static [FieldSpec],
    /// The filters of its `list`, in `--help` order ([`Filter`]).
    pub filters: &'static [Filter],
}

/// The schema of `kind`.
pub fn of(kind: Kind) -> &'static KindSchema {
    match kind {
        Kind::Sponsor => &sponsor::SCHEMA,
        Kind::Partner => &partner::SCHEMA,
        Kind::Client => &client::SCHEMA,
        Kind::Appointment => &appointment::SCHEMA,
        Kind::Referral => &referral::SCHEMA,
        Kind::Event => &event::SCHEMA,
        Kind::Contact => &contact::SCHEMA,
    }
}

/// The schemas of every kind, in the order of [`Kind::ALL`].
pub fn all() -> impl Iterator<Item = &'static KindSchema> {
    Kind::ALL.into_iter().map(of)
}

impl KindSchema {
    /// The fields in file (and prompt) order.
    pub fn fields(&self) -> impl Iterator<Item = &'static FieldSpec> + use<> {
        self.fields.iter()
    }

    /// The field of `key`.
    pub fn field(&self, key: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The keys in file order.
    pub fn keys(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.key).collect()
    }

    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label_de, self.label_en)
    }

    /// The fields that hold free text, which the privacy rule scans.
    pub fn free_text_fields(&self) -> impl Iterator<Item = &'static FieldSpec> + use<> {
        self.fields.iter().filter(|f| f.may_hold_free_text())
    }
}

/// The label of `key` in a record of `kind` (the key itself when unknown),
/// also for keys of nested tables (`participants.total` or just `total`).
pub fn label(kind: Kind, key: &str, lang: Lang) -> &'static str {
    known_label(kind, key, lang).unwrap_or_else(|| leak(key))
}

/// The label of `key` in a record of `kind`, when `kind` has that key
/// (also `participants.total` or just `total`).
pub fn known_label(kind: Kind, key: &str, lang: Lang) -> Option<&'static str> {
    let s = of(kind);
    if let Some(f) = s.field(key) {
        return Some(f.label(lang));
    }
    let (table, inner) = key.split_once('.').unwrap_or(("", key));
    s.fields().find_map(|f| {
        f.ty.subfields()
            .filter(|_| table.is_empty() || table == f.key)
            .and_then(|sub| sub.iter().find(|g| g.key == inner))
            .map(|g| g.label(lang))
    })
}

/// Every key of every kind, nested ones as `table.key`, with its spec — for
/// tests that prove each key has what it needs (labels, help, a flag, a
/// round trip), so that none is forgotten when a key is added.
pub fn every_field() -> Vec<(Kind, String, &'static FieldSpec)> {
    let mut out = Vec::new();
    for s in all() {
        for f in s.fields() {
            out.push((s.kind, f.key.to_string(), f));
            for g in f.ty.subfields().unwrap_or_default() {
                out.push((s.kind, format!("{}.{}", f.key, g.key), g));
            }
        }
    }
    out
}

/// Calls `visit(spec, key, value)` for every key of a record's JSON form
/// (`serde_json::to_value(record)`) that `fields` knows, entering nested
/// tables and arrays of tables (their keys named `table.key`): the one walk
/// of a record guided by its schema.
pub fn visit(
    fields: &[FieldSpec],
    object: &serde_json::Value,
    visit: &mut dyn FnMut(&FieldSpec, &str, &serde_json::Value),
) {
    walk(fields, object, "", visit)
}

fn walk(
    fields: &[FieldSpec],
    object: &serde_json::Value,
    prefix: &str,
    visit: &mut dyn FnMut(&FieldSpec, &str, &serde_json::Value),
) {
    for f in fields {
        let Some(value) = object.get(f.key) else {
            continue;
        };
        let key = format!("{prefix}{}", f.key);
        match (f.ty.subfields(), value) {
            (Some(sub), serde_json::Value::Array(items)) => {
                for item in items {
                    walk(sub, item, &format!("{key}."), visit);
                }
            }
            (Some(sub), _) => walk(sub, value, &format!("{key}."), visit),
            (None, _) => visit(f, &key, value),
        }
    }
}

/// Whether the JSON form `object` of a record with `fields` refers to the
/// record `target`/`id` (`show --json`'s `linked`).
pub fn refers_to_id(
    fields: &[FieldSpec],
    object: &serde_json::Value,
    target: Kind,
    id: &str,
) -> bool {
    let mut hit = false;
    visit(fields, object, &mut |f, _, v| hit |= f.names(v, target, id));
    hit
}

/// Every (kind, id) `record` refers to by its `Ref`/`Refs` keys, nested
/// ones included, in schema order.
pub fn references(record: &crate::model::Record) -> Vec<(Kind, String)> {
    let json = serde_json::to_value(record).expect("a record serializes");
    let mut out = Vec::new();
    visit(of(record.kind()).fields, &json, &mut |f, _, v| {
        if let Some(kind) = f.ty.target() {
            out.extend(ids_in(v).map(|id| (kind, id.to_string())));
        }
    });
    out
}

/// The ids a `Ref` or `Refs` value holds (one id, or a list of them).
fn ids_in(value: &serde_json::Value) -> impl Iterator<Item = &str> {
    value.as_str().into_iter().chain(
        value
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i.as_str()),
    )
}

/// A closed vocabulary of codes (one of the enums of `model::codes`).
#[derive(Clone, Copy)]
pub struct Vocab {
    /// The Rust name of the enum, for messages to developers.
    pub name: &'static str,
    /// Every code, in order.
    pub codes: fn() -> Vec<&'static str>,
    /// The label of a code, `None` when it is not one.
    pub label: fn(&str, Lang) -> Option<&'static str>,
    /// "a | b | c".
    pub choices: fn() -> String,
}

impl std::fmt::Debug for Vocab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Vocab {
    pub fn contains(&self, code: &str) -> bool {
        (self.label)(code, Lang::En).is_some()
    }
}

fn codes_of<C: Code>() -> Vec<&'static str> {
    C::ALL.iter().map(|c| c.code()).collect()
}

fn label_of<C: Code>(code: &str, lang: Lang) -> Option<&'static str> {
    C::from_code(code).map(|c| c.label(lang))
}

/// The vocabulary of the code enum `C`.
pub const fn vocab<C: Code>(name: &'static str) -> Vocab {
    Vocab {
        name,
        codes: codes_of::<C>,
        label: label_of::<C>,
        choices: C::choices,
    }
}

/// What a key holds.
#[derive(Debug, Clone, Copy)]
pub enum FieldType {
    /// The record's id (its scheme comes from the kind table).
    Id,
    /// A plain string that is no free text (a name, a project title, a
    /// sponsor's or partner's contact data).
    Text,
    /// Free text: privacy-scanned on every read and write (SPEC §1.3).
    FreeText,
    /// A TOML local date.
    Date,
    /// A TOML local time.
    Time,
    /// A length in minutes, ≥ 0.
    Minutes,
    /// A count, ≥ 0.
    Count,
    /// A year (birth year): a whole number.
    Year,
    /// true / false.
    Bool,
    /// One code of a vocabulary.
    Code(Vocab),
    /// A list of codes of a vocabulary.
    Codes(Vocab),
    /// One topic code (built in or `[topics.codes]`).
    Topic,
    /// A list of topic codes — or, when `free_words_when` holds, free words
    /// (free text, privacy-scanned), as the topics of sponsor meetings.
    Topics { free_words_when: Option<Cond> },
    /// One ISO 639-1 (or 639-3) language code.
    Language,
    /// A list of language codes.
    Languages,
    /// An ISO 3166-1 alpha-2 country code (`XK`, `XX` too).
    Country,
    /// A district of `[area]`, or `outside`.
    District,
    /// Staff initials of `[staff]` (or `[staff.former]`).
    Staff,
    /// The id of a record of that kind.
    Ref(Kind),
    /// A list of ids of records of that kind.
    Refs(Kind),
    /// A table `[key]` with these keys (event `[participants]`).
    Table(&'static [FieldSpec]),
    /// An array of tables `[[key]]` with these keys (sponsor `[[deadlines]]`).
    Tables(&'static [FieldSpec]),
}

/// What a key holds, by its [`FieldType::nesting`].
#[derive(Debug, Clone, Copy)]
pub enum Nesting {
    /// One value (a scalar or a list).
    Value,
    /// A table `[key]` with these keys.
    Table(&'static [FieldSpec]),
    /// An array of tables `[[key]]` with these keys.
    Tables(&'static [FieldSpec]),
}

impl FieldType {
    /// The kind a `Ref`/`Refs` key refers to.
    pub fn target(&self) -> Option<Kind> {
        match self {
            FieldType::Ref(k) | FieldType::Refs(k) => Some(*k),
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
            | FieldType::Language
            | FieldType::Languages
            | FieldType::Country
            | FieldType::District
            | FieldType::Staff
            | FieldType::Table(_)
            | FieldType::Tables(_) => None,
        }
    }

    /// When the `Topics` of this key are free words (sponsor meetings).
    pub fn free_words_when(&self) -> Option<Cond> {
        match self {
            FieldType::Topics { free_words_when } => *free_words_when,
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
            | FieldType::Language
            | FieldType::Languages
            | FieldType::Country
            | FieldType::District
            | FieldType::Staff
            | FieldType::Ref(_)
            | FieldType::Refs(_)
            | FieldType::Table(_)
            | FieldType::Tables(_) => None,
        }
    }

    /// Whether the key holds one value, a table or an array of tables: the
    /// one place a new type is placed, for every walk that only asks this.
    pub fn nesting(&self) -> Nesting {
        match self {
            FieldType::Table(f) => Nesting::Table(f),
            FieldType::Tables(f) => Nesting::Tables(f),
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
            | FieldType::Language
            | FieldType::Languages
            | FieldType::Country
            | FieldType::District
            | FieldType::Staff
            | FieldType::Ref(_)
            | FieldType::Refs(_) => Nesting::Value,
        }
    }

    /// The keys of a nested table or array of tables.
    pub fn subfields(&self) -> Option<&'static [FieldSpec]> {
        match self.nesting() {
            Nesting::Table(f) | Nesting::Tables(f) => Some(f),
            Nesting::Value => None,
        }
    }

    /// Whether the key holds a list (flags take commas or repetition).
    pub fn is_list(&self) -> bool {
        match self {
            FieldType::Codes(_)
            | FieldType::Topics { .. }
            | FieldType::Languages
            | FieldType::Refs(_) => true,
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
            | FieldType::Topic
            | FieldType::Language
            | FieldType::Country
            | FieldType::District
            | FieldType::Staff
            | FieldType::Ref(_)
            | FieldType::Table(_)
            | FieldType::Tables(_) => false,
        }
    }
}

/// A condition on another key of the same record: `key` holds one of
/// `values` (or, `negate`d, none of them; an absent key holds none).
#[derive(Debug, Clone, Copy)]
pub struct Cond {
    pub key: &'static str,
    pub values: &'static [&'static str],
    pub negate: bool,
}

impl Cond {
    pub const fn is(key: &'static str, values: &'static [&'static str]) -> Cond {
        Cond {
            key,
            values,
            negate: false,
        }
    }

    pub const fn is_not(key: &'static str, values: &'static [&'static str]) -> Cond {
        Cond {
            key,
            values,
            negate: true,
        }
    }

    /// Whether it holds, `value` giving the string value of a key.
    pub fn holds<'a>(&self, value: impl Fn(&str) -> Option<&'a str>) -> bool {
        let hit = value(self.key).is_some_and(|v| self.values.contains(&v));
        hit != self.negate
    }

    /// Whether it can be decided: the key it looks at has a value.
    pub fn decidable<'a>(&self, value: impl Fn(&str) -> Option<&'a str>) -> bool {
        value(self.key).is_some()
    }
}

/// Whether a key must be there.
#[derive(Debug, Clone, Copy)]
pub enum Required {
    Always,
    Never,
    When(Cond),
}

/// What a new record gets when the key is not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultValue {
    /// Nothing: the key stays absent (or, for `Always`, must be given).
    None,
    /// Generated by the tool (ids of clients and dated records).
    Generated,
    /// Today.
    Today,
    /// The personal `staff` of `~/.config/quartier/config.toml`.
    PersonalStaff,
    /// `done` when the record's date is today or earlier, else `planned`.
    DoneWhenPast,
    /// (v2) The current minute when the record is dated today and now
    /// falls in one of the consultation hours (`[[hours]]`), else nothing:
    /// what happens during an hour is recorded as it happens.
    NowDuringHours,
    /// This value (a code, `0`, `false`).
    Value(&'static str),
}

/// One key of a record.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub key: &'static str,
    pub ty: FieldType,
    pub required: Required,
    /// `Some`: the key is only allowed when this holds (a `client` only on consultations).
    pub only_when: Option<Cond>,
    pub default: DefaultValue,
    pub label_de: &'static str,
    pub label_en: &'static str,
    pub help_de: &'static str,
    pub help_en: &'static str,
    /// The line under the key's question when a form offers it as a list
    /// (empty: only the keys that pick): what the choice means, not how a
    /// flag is typed — the codes and commas of the help are for `--help`.
    pub form_help_de: &'static str,
    pub form_help_en: &'static str,
    /// The finding code (findings.toml) when a `Required::When` key is
    /// missing, instead of the generic one; `{key}` and `{value}` (the
    /// condition key's value) are filled in, and it points at the condition's key.
    pub missing_message: Option<&'static str>,
    /// The finding code when an `only_when` key is given where it does not belong.
    pub not_allowed_message: Option<&'static str>,
    /// Set by the tool only (`erased`, by `client erase` and `retention`):
    /// no `add`/`edit` flag, no `--unset`, no question in a form.
    pub set_by_tool: bool,
    /// `Some`: a form asks the key only when this holds (a referral's
    /// `outcome` once it is no longer open); files and flags may hold it
    /// regardless.
    pub asked_when: Option<Cond>,
}

impl FieldSpec {
    /// An optional key without labels; chain the builders below.
    pub const fn new(key: &'static str, ty: FieldType) -> FieldSpec {
        FieldSpec {
            key,
            ty,
            required: Required::Never,
            only_when: None,
            default: DefaultValue::None,
            label_de: "",
            label_en: "",
            help_de: "",
            help_en: "",
            form_help_de: "",
            form_help_en: "",
            missing_message: None,
            not_allowed_message: None,
            set_by_tool: false,
            asked_when: None,
        }
    }

    /// A form asks it only when `cond` holds.
    pub const fn asked_when(mut self, cond: Cond) -> Self {
        self.asked_when = Some(cond);
        self
    }

    /// Only the tool sets it (no flag, no `--unset`, no question).
    pub const fn set_by_tool(mut self) -> Self {
        self.set_by_tool = true;
        self
    }

    pub const fn when_missing(mut self, message: &'static str) -> Self {
        self.missing_message = Some(message);
        self
    }

    pub const fn when_not_allowed(mut self, message: &'static str) -> Self {
        self.not_allowed_message = Some(message);
        self
    }

    pub const fn required(mut self) -> Self {
        self.required = Required::Always;
        self
    }

    pub const fn required_when(mut self, cond: Cond) -> Self {
        self.required = Required::When(cond);
        self
    }

    pub const fn only_when(mut self, cond: Cond) -> Self {
        self.only_when = Some(cond);
        self
    }

    pub const fn default(mut self, default: DefaultValue) -> Self {
        self.default = default;
        self
    }

    pub const fn labels(mut self, de: &'static str, en: &'static str) -> Self {
        self.label_de = de;
        self.label_en = en;
        self
    }

    pub const fn helps(mut self, de: &'static str, en: &'static str) -> Self {
        self.help_de = de;
        self.help_en = en;
        self
    }

    /// What a form's list for this key says under its question.
    pub const fn form_helps(mut self, de: &'static str, en: &'static str) -> Self {
        self.form_help_de = de;
        self.form_help_en = en;
        self
    }

    /// The label in `lang`, as shown by `show`, `list` and forms.
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label_de, self.label_en)
    }

    /// The help line in `lang`, as shown by `--help` and under a typed
    /// question of a form.
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help_de, self.help_en)
    }

    /// The line under a form's list for this key (may be empty).
    pub fn form_help(&self, lang: Lang) -> &'static str {
        lang.pick(self.form_help_de, self.form_help_en)
    }

    /// The command-line flag without dashes: the key with `_` → `-`.
    pub fn flag(&self) -> &'static str {
        leak(&self.key.replace('_', "-"))
    }

    /// Whether the key holds free text in every record (privacy-scanned).
    pub fn is_free_text(&self) -> bool {
        matches!(self.ty, FieldType::FreeText)
    }

    /// Whether this key refers to records of `target` (a `Ref`/`Refs` key,
    /// or a nested table holding one): what `delete`, `client merge` and
    /// `show --json`'s `linked` look for.
    pub fn refers_to(&self, target: Kind) -> bool {
        self.ty.target() == Some(target)
            || self
                .ty
                .subfields()
                .is_some_and(|sub| sub.iter().any(|g| g.refers_to(target)))
    }

    /// Whether `value` (this key's value, as JSON) names the record
    /// `target`/`id`.
    pub fn names(&self, value: &serde_json::Value, target: Kind, id: &str) -> bool {
        self.refers_to(target) && ids_in(value).any(|i| i == id)
    }

    /// Whether the key holds free text in some records (also the topics of
    /// sponsor meetings).
    pub fn may_hold_free_text(&self) -> bool {
        self.is_free_text() || self.ty.free_words_when().is_some()
    }

    /// Whether it must be given in every record.
    pub fn is_always_required(&self) -> bool {
        matches!(self.required, Required::Always)
    }

    /// Whether it must be given in a record whose keys `value` gives.
    pub fn is_required_in<'a>(&self, value: impl Fn(&str) -> Option<&'a str>) -> bool {
        match self.required {
            Required::Always => true,
            Required::Never => false,
            Required::When(c) => c.holds(value),
        }
    }

    /// Whether it may be given in a record whose keys `value` gives.
    pub fn is_allowed_in<'a>(&self, value: impl Fn(&str) -> Option<&'a str>) -> bool {
        self.only_when.is_none_or(|c| c.holds(value))
    }
}

/// A `&'static str` for a string made at run time (flags, unknown keys),
/// made once per distinct string.
fn leak(s: &str) -> &'static str {
    static CACHE: OnceLock<Mutex<HashMap<String, &'static str>>> = OnceLock::new();
    let mut cache = CACHE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(v) = cache.get(s) {
        return v;
    }
    let v: &'static str = Box::leak(s.to_string().into_boxed_str());
    cache.insert(s.to_string(), v);
    v
}

/// Keys every kind words the same way.
pub(crate) mod common {
    use super::*;

    pub const fn notes() -> FieldSpec {
        FieldSpec::new("notes", FieldType::FreeText)
            .labels("Notizen", "Notes")
            .helps(
                "Freitext; keine Namen, Adressen, Telefonnummern oder Geburtsdaten",
                "Free text; no names, addresses, phone numbers or birth dates",
            )
    }

    /// Notes of sponsors and partners: organisations, whose contact data
    /// belongs in their records, so no privacy scan (SPEC §1.3).
    pub const fn org_notes() -> FieldSpec {
        FieldSpec::new("notes", FieldType::Text)
            .labels("Notizen", "Notes")
            .helps("Notizen zur Organisation", "Notes on the organisation")
    }

    pub const fn staff() -> FieldSpec {
        FieldSpec::new("staff", FieldType::Staff)
            .default(DefaultValue::PersonalStaff)
            .labels("Mitarbeiter/in", "Staff")
            .helps(
                "Kürzel der Mitarbeiterin oder des Mitarbeiters (siehe [staff] in quartier.toml)",
                "Initials of the staff member (see [staff] in quartier.toml)",
            )
    }

    pub const fn generated_id() -> FieldSpec {
        FieldSpec::new("id", FieldType::Id)
            .required()
            .default(DefaultValue::Generated)
            .labels("ID", "ID")
            .helps(
                "Wird beim Anlegen vergeben",
                "Given by the tool when the record is added",
            )
    }

    pub const fn date() -> FieldSpec {
        FieldSpec::new("date", FieldType::Date)
            .required()
            .default(DefaultValue::Today)
            .labels("Datum", "Date")
            .helps(
                "Tag: JJJJ-MM-TT, TT.MM.JJJJ, heute, gestern, morgen",
                "Day: YYYY-MM-DD, DD.MM.YYYY, today, yesterday, tomorrow",
            )
    }

    pub const fn time() -> FieldSpec {
        FieldSpec::new("time", FieldType::Time)
            .labels("Uhrzeit", "Time")
            .helps("Beginn, HH:MM", "Start time, HH:MM")
    }

    /// The time of what is often recorded while it happens (contacts,
    /// appointments): during a consultation hour it defaults to now.
    pub const fn time_now_during_hours() -> FieldSpec {
        time().default(DefaultValue::NowDuringHours).helps(
            "Beginn, HH:MM; während einer Sprechzeit (heute) Standard: jetzt",
            "Start time, HH:MM; during a consultation hour (today) default: now",
        )
    }

    pub const fn interpreter() -> FieldSpec {
        FieldSpec::new("interpreter", FieldType::Bool)
            .default(DefaultValue::Value("false"))
            .labels("Dolmetscher/in", "Interpreter")
            .helps(
                "Eine Dolmetscherin oder ein Dolmetscher war dabei",
                "An interpreter took part",
            )
    }
}

#[cfg(test)]
mod tests;
