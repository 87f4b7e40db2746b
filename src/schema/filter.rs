//! The filters of a kind's `list`: one row per filterable key, in the order
//! `--help` shows them. Everything else follows from the key's
//! [`FieldType`]: the flag takes one value of the key (an item of a list
//! key), judged like the key's values — a code of its vocabulary (clap
//! offers the codes), a record of its `Ref` kind found like every lookup,
//! staff of `[staff]`, a topic, an ISO code, a district — and an unknown
//! value is a usage error naming close ones, never an empty list. It keeps
//! the records whose key holds that value (or, for a list, holds it among
//! its items). So a new filterable key is one row here.

use super::{FieldSpec, FieldType, KindSchema, leak};

/// A `list --FLAG VALUE` filter on one key of the kind's schema.
#[derive(Debug, Clone, Copy)]
pub struct Filter {
    /// The key it filters on.
    pub key: &'static str,
    /// The flag without dashes, when it is not the key's flag
    /// (`--topic` for the key `topics`).
    pub flag: Option<&'static str>,
    /// The value's name in `--help` when not the flag's (`CC`, `LANG`).
    pub value_name: Option<&'static str>,
    /// A hidden other name of the flag (`--languages` for `--language`).
    pub alias: Option<&'static str>,
}

impl Filter {
    /// A filter on `key`, its flag the key's.
    pub const fn on(key: &'static str) -> Filter {
        Filter {
            key,
            flag: None,
            value_name: None,
            alias: None,
        }
    }

    /// Named `--flag` instead of the key's flag.
    pub const fn flag(mut self, flag: &'static str) -> Filter {
        self.flag = Some(flag);
        self
    }

    pub const fn value_name(mut self, name: &'static str) -> Filter {
        self.value_name = Some(name);
        self
    }

    pub const fn alias(mut self, alias: &'static str) -> Filter {
        self.alias = Some(alias);
        self
    }

    /// The flag without dashes.
    pub fn flag_name(&self) -> &'static str {
        self.flag
            .unwrap_or_else(|| leak(&self.key.replace('_', "-")))
    }

    /// The id of the flag's argument (`referred_to`), which `help.toml`
    /// names its help by.
    pub fn id(&self) -> &'static str {
        leak(&self.flag_name().replace('-', "_"))
    }

    /// The value's name in `--help`: as given, else the id in capitals.
    pub fn value_name_or_id(&self) -> &'static str {
        self.value_name
            .unwrap_or_else(|| leak(&self.id().to_uppercase()))
    }

    /// The key's spec in `schema`.
    pub fn spec(&self, schema: &KindSchema) -> Option<&'static FieldSpec> {
        schema.field(self.key)
    }
}

/// The type of one value a filter on a key of type `ty` takes: a list
/// key's item type; `None` for types no list filters on (free text,
/// dates, numbers, switches, tables).
pub fn value_type(ty: &FieldType) -> Option<FieldType> {
    match ty {
        FieldType::Code(_)
        | FieldType::Topic
        | FieldType::Language
        | FieldType::Country
        | FieldType::District
        | FieldType::Staff
        | FieldType::Ref(_) => Some(*ty),
        FieldType::Codes(v) => Some(FieldType::Code(*v)),
        FieldType::Topics { .. } => Some(FieldType::Topic),
        FieldType::Languages => Some(FieldType::Language),
        FieldType::Refs(k) => Some(FieldType::Ref(*k)),
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Date
        | FieldType::Time
        | FieldType::Minutes
        | FieldType::Count
        | FieldType::Year
        | FieldType::Bool
        | FieldType::Table(_)
        | FieldType::Tables(_) => None,
    }
}
