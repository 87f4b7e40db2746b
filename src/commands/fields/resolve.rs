//! From what the flags gave to the TOML values to write, by each key's type:
//! codes normalised (`SY`, `ar`, the configured spelling of a district),
//! references resolved (`7F3A` → `K-7F3A`), lists cleaned, keys that do not
//! belong to the record refused — each error naming its flag. Whether the
//! record as a whole may be written is the rule book's verdict (`write`).

use super::flags::{Given, Raw};
use crate::commands::shared::{clean_list, flag_value, resolve_ref};
use crate::error::{CommandError, Result};
use crate::model::write::{date_value, list_value, time_value};
use crate::model::{Config, Kind};
use crate::schema::{Cond, DefaultValue, FieldSpec, FieldType};
use crate::store::Store;
use std::collections::BTreeMap;
use toml_edit::Value;

/// Key → value to write (`None`: remove the key).
pub type Values = BTreeMap<String, Option<Value>>;

/// The string values of a record's keys, for the conditions of the schema
/// (`only when kind = consultation`): the given ones over the current ones.
pub struct View<'a> {
    pub given: &'a Given,
    pub current: BTreeMap<String, String>,
}

impl View<'_> {
    pub fn get(&self, key: &str) -> Option<&str> {
        match self.given.get(key) {
            Some(Raw::Text(s)) => Some(s.as_str()),
            Some(Raw::Empty) => None,
            Some(_) => None,
            None if self.given.unset.iter().any(|k| k == key) => None,
            None => self.current.get(key).map(String::as_str),
        }
    }

    pub fn holds(&self, cond: &Cond) -> bool {
        cond.holds(|k| self.get(k))
    }
}

/// `--flag` of a key (`participants.total` → `--total`).
pub fn flag_name(key: &str) -> String {
    let last = key.rsplit('.').next().unwrap_or(key);
    format!("--{}", last.replace('_', "-"))
}

/// The spec of `key` (also `table.key`) in `kind`'s schema.
pub fn spec_of(kind: Kind, key: &str) -> Option<&'static FieldSpec> {
    let schema = crate::schema::of(kind);
    match key.split_once('.') {
        None => schema.field(key),
        Some((table, inner)) => schema
            .field(table)?
            .ty
            .subfields()?
            .iter()
            .find(|g| g.key == inner),
    }
}

/// How a refusal names the key it is about: by its flag (`--duration`)
/// for flag input, by the question's label (`Dauer`) in a guided form,
/// which has no flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyNames {
    Flag,
    Label(crate::model::Lang),
}

impl KeyNames {
    /// The name of `key` (also `table.key`) of a record of `kind`.
    pub fn of(self, kind: Kind, key: &str) -> String {
        match self {
            KeyNames::Flag => flag_name(key),
            KeyNames::Label(lang) => crate::schema::label(kind, key, lang).to_string(),
        }
    }
}

/// Checks and normalises every given value. With `whole`, also whether
/// each key belongs to the record (`--language` only on consultations),
/// which can only be told once the required keys are there. Refusals name
/// a key as `naming` says.
pub fn resolve(
    kind: Kind,
    given: &Given,
    view: &View,
    store: &Store,
    config: &Config,
    whole: bool,
    naming: KeyNames,
) -> Result<Values> {
    let mut out = Values::new();
    for (key, raw) in &given.values {
        let Some(spec) = spec_of(kind, key) else {
            continue;
        };
        let flag = naming.of(kind, key);
        if whole
            && let Some(cond) = spec.only_when
            && !matches!(raw, Raw::Empty | Raw::Bool(false))
            && !view.holds(&cond)
        {
            return Err(not_here(kind, &flag, &cond, view));
        }
        let value = value_of(spec, &flag, raw, view, store, config)?;
        if value.is_none() && spec.is_always_required() {
            return Err(CommandError::usage(crate::tr!(
                "writing.flag-empty",
                flag = flag,
                kind = kind.label(),
                key = spec.key
            )));
        }
        out.insert(key.clone(), value);
    }
    for key in &given.unset {
        let Some(spec) = spec_of(kind, key) else {
            return Err(CommandError::usage(crate::tr!(
                "writing.unset-unknown",
                key = key,
                kind = kind.label(),
                keys = crate::schema::of(kind).keys().join(", ")
            )));
        };
        if spec.set_by_tool {
            return Err(CommandError::usage(crate::tr!(
                "writing.unset-by-tool",
                key = key
            )));
        }
        if spec.is_always_required() {
            return Err(CommandError::usage(crate::tr!(
                "writing.unset-required",
                key = key,
                kind = kind.label(),
                flag = flag_name(key)
            )));
        }
        out.insert(key.clone(), None);
    }
    Ok(out)
}

fn not_here(kind: Kind, flag: &str, cond: &Cond, view: &View) -> CommandError {
    let now = view.get(cond.key).unwrap_or("none");
    let values = cond
        .values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(&format!(" {} ", crate::tr!("writing.and")));
    let wanted = if cond.negate {
        crate::tr!(
            "writing.wanted-other",
            kind = kind.label(),
            key = cond.key,
            values = values
        )
    } else {
        crate::tr!(
            "writing.wanted",
            kind = kind.label(),
            key = cond.key,
            values = values
        )
    };
    CommandError::usage(crate::tr!(
        "writing.not-here",
        flag = flag,
        wanted = wanted,
        kind = kind.label(),
        key = cond.key,
        now = now
    ))
}

/// The TOML value of one given value (`None`: remove the key).
fn value_of(
    spec: &FieldSpec,
    flag: &str,
    raw: &Raw,
    view: &View,
    store: &Store,
    config: &Config,
) -> Result<Option<Value>> {
    let text = match raw {
        Raw::Empty => return Ok(None),
        Raw::Date(d) => return Ok(Some(date_value(*d))),
        Raw::Time(t) => return Ok(Some(time_value(*t))),
        // a birth year's plausibility is the rule book's (`rules::single`)
        Raw::Int(n) => return Ok(Some(Value::from(*n))),
        Raw::Bool(true) => return Ok(Some(Value::from(true))),
        Raw::Bool(false) => {
            // `false` where it is the default is left out, as the reader reads it
            let is_default = spec.default == DefaultValue::Value("false");
            return Ok((!is_default).then(|| Value::from(false)));
        }
        Raw::List(items) => return list_of(spec, flag, items, view, store, config),
        Raw::Text(s) => s.as_str(),
    };
    let one = |v: String| Ok(Some(Value::from(v)));
    match spec.ty {
        FieldType::Id => {
            if crate::model::read::is_slug(text) {
                one(text.to_string())
            } else {
                Err(CommandError::usage(crate::tr!(
                    "writing.flag-not-slug",
                    flag = flag,
                    value = text
                )))
            }
        }
        FieldType::Text | FieldType::FreeText | FieldType::Code(_) => one(text.to_string()),
        // `--staff MS` as `[staff]` spells it (`ms`)
        FieldType::Staff => one(crate::schema::value::normalise(&spec.ty, text, config)),
        FieldType::Topic | FieldType::Language | FieldType::Country | FieldType::District => {
            one(flag_value(&spec.ty, flag, text, config)?)
        }
        FieldType::Ref(kind) => one(resolve_ref(store, kind, flag, text)?),
        FieldType::Date
        | FieldType::Time
        | FieldType::Minutes
        | FieldType::Count
        | FieldType::Year
        | FieldType::Bool
        | FieldType::Codes(_)
        | FieldType::Topics { .. }
        | FieldType::Languages
        | FieldType::Refs(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => Err(CommandError::usage(crate::tr!(
            "writing.flag-not-a-value",
            flag = flag,
            value = text
        ))),
    }
}

/// A list value: cleaned (each item once), checked by its type; an empty
/// list removes the key.
fn list_of(
    spec: &FieldSpec,
    flag: &str,
    items: &[String],
    view: &View,
    store: &Store,
    config: &Config,
) -> Result<Option<Value>> {
    let items = clean_list(items);
    if items.is_empty() {
        return Ok(None);
    }
    let items = match spec.ty {
        FieldType::Topics { free_words_when }
            if free_words_when.is_some_and(|c| view.holds(&c)) =>
        {
            items
        }
        FieldType::Topics { .. } | FieldType::Languages | FieldType::Codes(_) => items
            .iter()
            .map(|i| flag_value(&spec.ty, flag, i, config))
            .collect::<Result<Vec<_>>>()?,
        FieldType::Refs(kind) => items
            .iter()
            .map(|q| resolve_ref(store, kind, flag, q))
            .collect::<Result<Vec<_>>>()?,
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
        | FieldType::Tables(_) => items,
    };
    Ok(Some(list_value(&items)))
}
