//! Walking the keys of one TOML table: typed getters that report wrong
//! types, missing and unknown keys with the byte span they point at. The
//! schema-driven record reader (`table`) and the settings reader
//! (`config_read`) both read through it.

use super::read::{Context, Problem};
use super::similar::suggestion;
use super::*;
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
                self.wrong_type(key, v, &format!("a table [{key}]"));
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
        let mut inner = Fields::new(table, self.problems);
        inner.prefix = prefix;
        let out = read(&mut inner);
        inner.finish();
        out
    }

    pub(crate) fn span_of(&self, key: &str) -> Option<Range<usize>> {
        self.entries.iter().find(|e| e.0 == key).map(|e| e.2.span())
    }

    pub(crate) fn error(&mut self, span: Option<Range<usize>>, message: String) {
        self.problems.push(Problem::error(span, message));
    }

    pub(crate) fn wrong_type(&mut self, key: &str, v: &Spanned<DeValue>, expected: &str) {
        self.error(
            Some(v.span()),
            format!(
                "`{}{key}` must be {expected}, not {}",
                self.prefix,
                type_name(v.get_ref())
            ),
        );
    }

    pub(crate) fn missing(&mut self, key: &str, example: &str) {
        self.error(
            None,
            format!(
                "required field `{}{key}` is missing: add a line like `{key} = {example}`",
                self.prefix
            ),
        );
    }

    pub(crate) fn opt_str(&mut self, key: &'static str) -> Option<String> {
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
    pub(crate) fn req_str(&mut self, key: &'static str) -> Option<String> {
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

    pub(crate) fn opt_date(&mut self, key: &'static str) -> Option<NaiveDate> {
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

    pub(crate) fn opt_int(&mut self, key: &'static str) -> Option<i64> {
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

    /// An optional whole number ≥ 0.
    pub(crate) fn opt_count(&mut self, key: &'static str) -> Option<u64> {
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

    pub(crate) fn opt_bool(&mut self, key: &'static str) -> bool {
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
                format!(
                    "`{}{key}` = \"{s}\" is not one of {}",
                    self.prefix,
                    C::choices()
                ),
            );
        }
        c
    }

    pub(crate) fn finish(self) {
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

pub(crate) fn bad_language(s: &str) -> String {
    format!("`{s}` {}", crate::schema::value::NOT_A_LANGUAGE)
}

pub(crate) fn bad_topic(s: &str, ctx: &Context) -> String {
    let p = crate::schema::value::problem(&crate::schema::FieldType::Topic, s, ctx.config);
    format!("`{s}` {}", p.unwrap_or_default())
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

pub(crate) fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().trim().to_string()
}
