//! Walking the keys of one TOML table: typed getters that report wrong
//! types, missing and unknown keys with the byte span they point at. The
//! schema-driven record reader (`table`) and the settings reader
//! (`config_read`) both read through it.

use super::read::{Context, Msg, Problem};
use super::similar::suggestion;
use super::*;
use crate::{finding, tr};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Walks the keys of one table, reading each once; what is never asked for is
/// an unknown key.
pub(crate) struct Fields<'t, 'i, 'p> {
    entries: Vec<(&'t str, Range<usize>, &'t Spanned<DeValue<'i>>, bool)>,
    pub(crate) problems: &'p mut Vec<Problem>,
    known: Vec<&'static str>,
    pub(crate) prefix: String,
    /// Where the table is: its header (`[participants]`, `[[hours]]`), or
    /// the start of the file for the top level. A missing key points here.
    at: Range<usize>,
}

impl<'t, 'i, 'p> Fields<'t, 'i, 'p> {
    pub(crate) fn new(table: &'t DeTable<'i>, problems: &'p mut Vec<Problem>) -> Self {
        let entries = table
            .iter()
            .map(|(k, v)| (k.get_ref().as_ref(), k.span(), v, false))
            .collect();
        Fields {
            entries,
            problems,
            known: Vec::new(),
            prefix: String::new(),
            at: 0..0,
        }
    }

    pub(crate) fn take(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.known.push(key);
        let e = self.entries.iter_mut().find(|e| e.0 == key)?;
        e.3 = true;
        Some(e.2)
    }

    /// Every entry of a table whose keys are free (initials, years, codes).
    pub(crate) fn take_all(&mut self) -> Vec<(&'t str, Range<usize>, &'t Spanned<DeValue<'i>>)> {
        self.entries
            .iter_mut()
            .map(|e| {
                e.3 = true;
                (e.0, e.1.clone(), e.2)
            })
            .collect()
    }

    /// A nested table, e.g. `[office]`.
    pub(crate) fn subtable(&mut self, key: &'static str) -> Option<&'t DeTable<'i>> {
        let v = self.take(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(key, v, &tr!("check.expected.table", key = key));
                None
            }
        }
    }

    /// Reads a nested table with its own keys; its unknown keys are reported.
    pub(crate) fn nested<T>(
        &mut self,
        table: &'t DeTable<'i>,
        prefix: String,
        read: impl FnOnce(&mut Fields<'t, 'i, '_>) -> T,
    ) -> T {
        let at = self.span_of_table(table).unwrap_or_else(|| self.at.clone());
        let mut inner = Fields::new(table, self.problems);
        inner.prefix = prefix;
        inner.at = at;
        let out = read(&mut inner);
        inner.finish();
        out
    }

    /// The span of `table` when it is the value of one of these keys or an
    /// entry of an array of tables under one.
    fn span_of_table(&self, table: &DeTable) -> Option<Range<usize>> {
        let this = |v: &Spanned<DeValue>| matches!(v.get_ref(), DeValue::Table(t) if std::ptr::eq(t, table));
        self.entries.iter().find_map(|e| match e.2.get_ref() {
            DeValue::Array(items) => items.iter().find(|i| this(i)).map(|i| i.span()),
            _ if this(e.2) => Some(e.2.span()),
            _ => None,
        })
    }

    pub(crate) fn span_of(&self, key: &str) -> Option<Range<usize>> {
        self.entries.iter().find(|e| e.0 == key).map(|e| e.2.span())
    }

    pub(crate) fn error(&mut self, span: Option<Range<usize>>, msg: Msg) {
        self.problems.push(Problem::error(span, msg));
    }

    /// `expected`: what the key must hold, in the interface language.
    pub(crate) fn wrong_type(&mut self, key: &str, v: &Spanned<DeValue>, expected: &str) {
        self.error(
            Some(v.span()),
            finding!(
                "wrong-type",
                key = format!("{}{key}", self.prefix),
                expected = expected,
                found = type_name(v.get_ref())
            ),
        );
    }

    /// A required key that is not there, placed at its table.
    pub(crate) fn missing(&mut self, key: &str, example: &str) {
        self.error(
            Some(self.at.clone()),
            finding!(
                "missing-key",
                key = format!("{}{key}", self.prefix),
                line = format!("{key} = {example}")
            ),
        );
    }

    fn full(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    pub(crate) fn opt_str(&mut self, key: &'static str) -> Option<String> {
        let v = self.take(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.wrong_type(key, v, &tr!("check.expected.string"));
                None
            }
        }
    }

    /// A required, non-empty string.
    pub(crate) fn req_str(&mut self, key: &'static str) -> Option<String> {
        let span = self.span_of(key);
        match self.opt_str(key) {
            Some(s) if s.trim().is_empty() => {
                self.error(span, finding!("empty", key = self.full(key)));
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

    pub(crate) fn opt_date(&mut self, key: &'static str) -> Option<NaiveDate> {
        let v = self.take(key)?;
        match v.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                let d = dt.date?;
                let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
                if date.is_none() {
                    self.error(
                        Some(v.span()),
                        finding!("no-such-date", key = self.full(key), value = dt),
                    );
                }
                date
            }
            DeValue::String(s) if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() => {
                self.error(
                    Some(v.span()),
                    finding!(
                        "date-in-quotes",
                        key = self.full(key),
                        line = format!("{key} = {s}")
                    ),
                );
                None
            }
            _ => {
                self.wrong_type(key, v, &tr!("check.expected.date"));
                None
            }
        }
    }

    pub(crate) fn opt_time(&mut self, key: &'static str) -> Option<NaiveTime> {
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
                        finding!("no-such-time", key = self.full(key), value = dt),
                    );
                }
                time
            }
            _ => {
                self.wrong_type(key, v, &tr!("check.expected.time"));
                None
            }
        }
    }

    pub(crate) fn opt_int(&mut self, key: &'static str) -> Option<i64> {
        let v = self.take(key)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.error(Some(v.span()), finding!("too-large", key = self.full(key)));
                    None
                }
            },
            _ => {
                self.wrong_type(key, v, &tr!("check.expected.integer"));
                None
            }
        }
    }

    /// An optional whole number ≥ 0.
    pub(crate) fn opt_count(&mut self, key: &'static str) -> Option<u64> {
        let span = self.span_of(key);
        let n = self.opt_int(key)?;
        match u64::try_from(n) {
            Ok(n) => Some(n),
            Err(_) => {
                self.error(span, finding!("negative", key = self.full(key), value = n));
                None
            }
        }
    }

    pub(crate) fn opt_bool(&mut self, key: &'static str) -> bool {
        let Some(v) = self.take(key) else {
            return false;
        };
        match v.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                self.wrong_type(key, v, &tr!("check.expected.bool"));
                false
            }
        }
    }

    pub(crate) fn list(&mut self, key: &'static str) -> Vec<(String, Range<usize>)> {
        let Some(v) = self.take(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => out.push((s.to_string(), item.span())),
                        _ => self.wrong_type(key, item, &tr!("check.expected.strings")),
                    }
                }
                out
            }
            _ => {
                self.wrong_type(key, v, &tr!("check.expected.string-list"));
                Vec::new()
            }
        }
    }

    pub(crate) fn opt_language(&mut self, key: &'static str) -> Option<String> {
        let span = self.span_of(key);
        let s = self.opt_str(key)?;
        if !iso::is_language(&s) {
            self.error(span, bad_language(&s));
        }
        Some(s)
    }

    pub(crate) fn opt_code<C: Code>(&mut self, key: &'static str) -> Option<C> {
        let span = self.span_of(key);
        let s = self.opt_str(key)?;
        let c = C::from_code(&s);
        if c.is_none() {
            self.error(
                span,
                finding!(
                    "not-a-choice",
                    key = self.full(key),
                    value = s,
                    choices = C::choices()
                ),
            );
        }
        c
    }

    pub(crate) fn finish(self) {
        for (key, span, _, used) in &self.entries {
            if !used {
                let full = format!("{}{key}", self.prefix);
                let msg = match suggestion(key, &self.known) {
                    Some(s) => finding!("unknown-key-did-you-mean", key = full, suggestion = s),
                    None => finding!("unknown-key", key = full, known = self.known.join(", ")),
                };
                self.problems.push(Problem::error(Some(span.clone()), msg));
            }
        }
    }
}

pub(crate) fn bad_language(s: &str) -> Msg {
    finding!("not-a-language", value = s)
}

pub(crate) fn bad_topic(s: &str, ctx: &Context) -> Msg {
    finding!(
        "not-a-topic",
        value = s,
        codes = ctx.config.topic_codes().join(", ")
    )
}

fn type_name(v: &DeValue) -> String {
    match v {
        DeValue::String(_) => tr!("check.type.string"),
        DeValue::Integer(_) => tr!("check.type.integer"),
        DeValue::Float(_) => tr!("check.type.float"),
        DeValue::Boolean(_) => tr!("check.type.bool"),
        DeValue::Datetime(_) => tr!("check.type.datetime"),
        DeValue::Array(_) => tr!("check.type.array"),
        DeValue::Table(_) => tr!("check.type.table"),
    }
}

pub(crate) fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().trim().to_string()
}
