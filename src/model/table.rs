//! The generic record reader: one TOML table read against the
//! [`FieldSpec`]s of its kind's schema. Types, vocabularies, ISO codes,
//! topic codes, required and conditional keys and unknown keys are all
//! judged here from the schema alone; what is read is kept as [`Values`]
//! with the span of every key, for the typed conversion (`convert`) and the
//! rule book (`crate::rules`).

use super::fields::{Fields, bad_topic};
use super::kind::is_slug;
use super::read::{Context, Msg};
use super::*;
use crate::{finding, tr};

/// The largest count (participants, family members) or length in minutes a
/// record may hold: far above anything real, and small enough that no sum
/// over any number of records a report reads can overflow (SPEC §1.3: sums
/// computed without overflow). A count of i64::MAX used to pass `check
/// --strict` and make report totals saturate.
pub const MAX_AMOUNT: i64 = 1_000_000;
use crate::schema::{Cond, DefaultValue, FieldSpec, FieldType, Required, value};
use std::ops::Range;
use toml::de::DeValue;

/// One value as read.
#[derive(Debug, Clone)]
pub enum Val {
    Str(String),
    Date(NaiveDate),
    Time(NaiveTime),
    Int(i64),
    Bool(bool),
    /// A list of strings, each with its span.
    List(Vec<(String, Range<usize>)>),
    Table(Values),
    Tables(Vec<Values>),
}

/// A key that is present in the file.
#[derive(Debug, Clone)]
pub struct Slot {
    pub key: &'static str,
    /// Where its value is.
    pub span: Range<usize>,
    /// `None` when the value could not be read (a finding says why).
    pub val: Option<Val>,
}

/// What one table of a record file holds, key by key, in schema order.
#[derive(Debug, Clone)]
pub struct Values {
    pub fields: &'static [FieldSpec],
    pub slots: Vec<Slot>,
    /// For an entry of an array of tables (`[[deadlines]]`): its number in
    /// the array, counted from 1 as in the file, and where the entry is — a
    /// rule about the entry as a whole names and points at it.
    pub entry: Option<(usize, Range<usize>)>,
}

impl Values {
    fn slot(&self, key: &str) -> Option<&Slot> {
        self.slots.iter().find(|s| s.key == key)
    }

    fn val(&self, key: &str) -> Option<&Val> {
        self.slot(key)?.val.as_ref()
    }

    /// Whether the key is in the file (readable or not).
    pub fn present(&self, key: &str) -> bool {
        self.slot(key).is_some()
    }

    /// The span of the key's value.
    pub fn span(&self, key: &str) -> Option<Range<usize>> {
        self.slot(key).map(|s| s.span.clone())
    }

    // The accessors below each take the one variant of their type: a key
    // whose value is of another type was reported (`wrong-type`) when it was
    // read and has no value of this type, whatever other variants `Val` has
    // (a projection, like `let Record::X(x) = r else …`; no dispatch over
    // variants).

    pub fn str(&self, key: &str) -> Option<&str> {
        let Val::Str(s) = self.val(key)? else {
            return None;
        };
        Some(s)
    }

    pub fn string(&self, key: &str) -> Option<String> {
        self.str(key).map(str::to_string)
    }

    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        let Val::Date(d) = self.val(key)? else {
            return None;
        };
        Some(*d)
    }

    pub fn time(&self, key: &str) -> Option<NaiveTime> {
        let Val::Time(t) = self.val(key)? else {
            return None;
        };
        Some(*t)
    }

    pub fn int(&self, key: &str) -> Option<i64> {
        let Val::Int(n) = self.val(key)? else {
            return None;
        };
        Some(*n)
    }

    /// A boolean; absent or unreadable is `false`.
    pub fn flag(&self, key: &str) -> bool {
        matches!(self.val(key), Some(Val::Bool(true)))
    }

    /// The items of a list with their spans; absent is empty.
    pub fn items(&self, key: &str) -> &[(String, Range<usize>)] {
        let Some(Val::List(items)) = self.val(key) else {
            return &[];
        };
        items
    }

    /// The items of a list; absent is empty.
    pub fn list(&self, key: &str) -> Vec<String> {
        self.items(key).iter().map(|(s, _)| s.clone()).collect()
    }

    pub fn table(&self, key: &str) -> Option<&Values> {
        let Val::Table(t) = self.val(key)? else {
            return None;
        };
        Some(t)
    }

    pub fn tables(&self, key: &str) -> &[Values] {
        let Some(Val::Tables(t)) = self.val(key) else {
            return &[];
        };
        t
    }

    /// A code of the vocabulary `C`; `None` when absent or not one of them.
    pub fn code<C: Code>(&self, key: &str) -> Option<C> {
        self.str(key).and_then(C::from_code)
    }

    /// A code, or the schema's default when absent or unreadable.
    pub fn code_or_default<C: Code>(&self, key: &str) -> Option<C> {
        self.code(key).or_else(|| {
            let spec = self.fields.iter().find(|f| f.key == key)?;
            match spec.default {
                DefaultValue::Value(v) => C::from_code(v),
                DefaultValue::None
                | DefaultValue::Generated
                | DefaultValue::Today
                | DefaultValue::PersonalStaff
                | DefaultValue::NowDuringHours
                | DefaultValue::DoneWhenPast => None,
            }
        })
    }

    /// Whether a condition on this table's keys holds.
    pub fn holds(&self, cond: &Cond) -> bool {
        cond.holds(|k| self.str(k))
    }

    /// Whether a condition can be decided (its key has a readable value).
    pub fn decides(&self, cond: &Cond) -> bool {
        cond.decidable(|k| self.str(k))
    }
}

/// Reads the table `f` walks against `fields`; every problem goes to `f`.
pub(crate) fn read_table(f: &mut Fields, fields: &'static [FieldSpec], ctx: &Context) -> Values {
    let mut slots = Vec::new();
    for spec in fields {
        if let Some(span) = f.span_of(spec.key) {
            let val = read_value(f, spec, ctx);
            slots.push(Slot {
                key: spec.key,
                span,
                val,
            });
        } else {
            // asked for, so that unknown keys are told the known ones
            f.take(spec.key);
        }
    }
    let values = Values {
        fields,
        slots,
        entry: None,
    };
    for spec in fields {
        conditions(f, spec, &values, ctx);
    }
    values
}

/// The value of a present key, judged by its type.
fn read_value(f: &mut Fields, spec: &FieldSpec, ctx: &Context) -> Option<Val> {
    let key = spec.key;
    let span = f.span_of(key);
    let string = |f: &mut Fields| -> Option<String> {
        let s = f.opt_str(key)?;
        if spec.is_always_required() && s.trim().is_empty() {
            f.error(
                span.clone(),
                finding!("empty", key = format!("{}{key}", f.prefix)),
            );
            return None;
        }
        Some(s)
    };
    match spec.ty {
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Staff
        | FieldType::Ref(_) => string(f).map(Val::Str),
        FieldType::Topic => {
            let s = string(f)?;
            if !ctx.config.is_topic(&s) {
                f.error(span, bad_topic(&s, ctx));
            }
            Some(Val::Str(s))
        }
        FieldType::Language => f.opt_language(key).map(Val::Str),
        FieldType::Country | FieldType::District => {
            let s = f.opt_str(key)?;
            if let Some(p) = value::problem(&spec.ty, &s, ctx.config) {
                f.error(
                    span,
                    finding!("bad-value", key = key, value = s, problem = p),
                );
            }
            Some(Val::Str(s))
        }
        FieldType::Code(vocab) => {
            let s = f.opt_str(key)?;
            if vocab.contains(&s) {
                Some(Val::Str(s))
            } else {
                f.error(
                    span,
                    finding!(
                        "not-a-choice",
                        key = format!("{}{key}", f.prefix),
                        value = s,
                        choices = (vocab.choices)()
                    ),
                );
                None
            }
        }
        FieldType::Codes(vocab) => {
            let items = f.list(key);
            for (s, at) in &items {
                if !vocab.contains(s) {
                    f.error(
                        Some(at.clone()),
                        finding!(
                            "item-not-a-choice",
                            key = format!("{}{key}", f.prefix),
                            value = s,
                            choices = (vocab.choices)()
                        ),
                    );
                }
            }
            Some(Val::List(items))
        }
        FieldType::Date => f.opt_date(key).map(Val::Date),
        FieldType::Time => f.opt_time(key).map(Val::Time),
        FieldType::Minutes => {
            let n = f.opt_int(key)?;
            if n < 0 {
                f.error(
                    span,
                    finding!(
                        "negative-minutes",
                        key = format!("{}{key}", f.prefix),
                        value = n
                    ),
                );
            } else if n > MAX_AMOUNT {
                f.error(
                    span,
                    finding!(
                        "implausible-minutes",
                        key = format!("{}{key}", f.prefix),
                        value = n,
                        max = MAX_AMOUNT
                    ),
                );
            }
            Some(Val::Int(n))
        }
        FieldType::Count => {
            let n = f.opt_int(key)?;
            if n < 0 {
                f.error(
                    span,
                    finding!("negative", key = format!("{}{key}", f.prefix), value = n),
                );
            } else if n > MAX_AMOUNT {
                f.error(
                    span,
                    finding!(
                        "implausible-count",
                        key = format!("{}{key}", f.prefix),
                        value = n,
                        max = MAX_AMOUNT
                    ),
                );
            }
            Some(Val::Int(n))
        }
        FieldType::Year => f.opt_int(key).map(Val::Int),
        FieldType::Bool => {
            let v = f.take(key)?;
            match v.get_ref() {
                DeValue::Boolean(b) => Some(Val::Bool(*b)),
                _ => {
                    f.wrong_type(key, v, &tr!("check.expected.bool"));
                    None
                }
            }
        }
        // judged in `conditions`: whether they are topic codes depends on another key
        FieldType::Topics { .. } => Some(Val::List(f.list(key))),
        FieldType::Languages => {
            let items = f.list(key);
            for (s, at) in &items {
                if !iso::is_language(s) {
                    f.error(Some(at.clone()), super::fields::bad_language(s));
                }
            }
            Some(Val::List(items))
        }
        FieldType::Refs(_) => {
            let items = f.list(key);
            for (s, at) in &items {
                if !is_slug(s) {
                    f.error(
                        Some(at.clone()),
                        finding!("not-a-slug", key = key, value = s),
                    );
                }
            }
            Some(Val::List(items))
        }
        FieldType::Table(sub) => {
            let v = f.take(key)?;
            match v.get_ref() {
                DeValue::Table(t) => Some(Val::Table(f.nested(
                    t,
                    format!("{}{key}.", f.prefix),
                    |inner| read_table(inner, sub, ctx),
                ))),
                _ => {
                    f.wrong_type(key, v, &tr!("check.expected.table", key = key));
                    None
                }
            }
        }
        FieldType::Tables(sub) => {
            let v = f.take(key)?;
            let DeValue::Array(items) = v.get_ref() else {
                f.wrong_type(key, v, &tr!("check.expected.tables", key = key));
                return None;
            };
            let mut out = Vec::new();
            for (n, item) in items.iter().enumerate() {
                match item.get_ref() {
                    DeValue::Table(t) => {
                        let prefix = format!("{}{key}[{}].", f.prefix, n + 1);
                        let mut entry = f.nested(t, prefix, |inner| read_table(inner, sub, ctx));
                        entry.entry = Some((n + 1, item.span()));
                        out.push(entry);
                    }
                    _ => f.wrong_type(key, item, &tr!("check.expected.tables", key = key)),
                }
            }
            Some(Val::Tables(out))
        }
    }
}

/// Required keys, keys that only belong to some records, and topics that
/// are codes only in some records — judged once every key is read.
fn conditions(f: &mut Fields, spec: &FieldSpec, values: &Values, ctx: &Context) {
    let key = spec.key;
    let present = values.present(key);
    match spec.required {
        Required::Always if !present => f.missing(key, &example(spec)),
        Required::When(cond) if !present && values.decides(&cond) && values.holds(&cond) => {
            match spec.missing_message {
                Some(code) => {
                    let value = values.str(cond.key).unwrap_or_default();
                    f.error(
                        values.span(cond.key),
                        Msg::new(code, &[("key", &key), ("value", &value)]),
                    );
                }
                None => f.missing(key, &example(spec)),
            }
        }
        Required::Always | Required::When(_) | Required::Never => {}
    }
    if let Some(cond) = spec.only_when
        && present
        && values.decides(&cond)
        && !values.holds(&cond)
        && !is_default(spec, values)
    {
        let value = values.str(cond.key).unwrap_or_default();
        let code = spec.not_allowed_message.unwrap_or("not-allowed");
        f.error(
            values.span(key),
            Msg::new(code, &[("key", &key), ("value", &value)]),
        );
    }
    if let FieldType::Topics { free_words_when } = spec.ty {
        let free_words = free_words_when.is_some_and(|c| values.holds(&c));
        if !free_words {
            for (s, at) in values.items(key) {
                if !ctx.config.is_topic(s) {
                    f.error(Some(at.clone()), bad_topic(s, ctx));
                }
            }
        }
    }
}

/// Whether a present key holds no more than its default (`interpreter =
/// false`, `family_members = 0`), which is never out of place.
fn is_default(spec: &FieldSpec, values: &Values) -> bool {
    let DefaultValue::Value(default) = spec.default else {
        return false;
    };
    match values.val(spec.key) {
        Some(Val::Bool(b)) => b.to_string() == default,
        Some(Val::Int(n)) => n.to_string() == default,
        Some(Val::Str(s)) => s == default,
        // no schema default is a date, a time, a list or a table
        Some(Val::Date(_) | Val::Time(_) | Val::List(_) | Val::Table(_) | Val::Tables(_))
        | None => false,
    }
}

/// What a line of a missing key could look like.
fn example(spec: &FieldSpec) -> String {
    match spec.ty {
        FieldType::Date => "2026-11-25".into(),
        FieldType::Time => "10:30:00".into(),
        FieldType::Minutes | FieldType::Count => "25".into(),
        FieldType::Year => "1990".into(),
        FieldType::Bool => "true".into(),
        FieldType::Code(v) => format!("\"{}\"", (v.codes)().first().copied().unwrap_or("…")),
        FieldType::Ref(kind) => match kind.id_scheme() {
            IdScheme::Slug => format!("\"{}-slug\"", kind.name()),
            IdScheme::ClientCode => "\"K-7F3A\"".into(),
            IdScheme::Dated { prefix } => format!("\"{prefix}-20261125-x7k2\""),
        },
        FieldType::Codes(_)
        | FieldType::Topics { .. }
        | FieldType::Languages
        | FieldType::Refs(_) => "[\"…\"]".into(),
        FieldType::Table(_) => tr!("check.example.table", key = spec.key),
        FieldType::Tables(_) => tr!("check.example.tables", key = spec.key),
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Staff
        | FieldType::Topic
        | FieldType::Language
        | FieldType::Country
        | FieldType::District => "\"…\"".into(),
    }
}
