//! What every `list` shares: the filter flags of its kind, made from the
//! schema's filters ([`crate::schema::Filter`]), their values judged by the
//! key's type (an unknown value is exit 2 naming close ones), the reading of
//! the kind's records (only the months the date filters reach) and keeping
//! the records the filters want.

use super::{DateFilter, filter_ref, filter_staff, filter_topic, flag_value, refuse_errors};
use crate::error::Result;
use crate::model::{Config, Kind};
use crate::schema::{FieldType, Filter};
use crate::store::{Entry, LoadResult, Scope, Store};
use clap::{Arg, ArgAction, ArgMatches, Command};
use std::marker::PhantomData;

/// Which kind's filters a [`Filters`] holds.
pub trait FilterSet: 'static {
    const KIND: Kind;
}

/// Declares the marker type of a kind's list filters:
/// `filter_set!(ListFilters = Appointment);`.
#[macro_export]
macro_rules! filter_set {
    ($name:ident = $kind:ident) => {
        #[derive(Debug, Clone, Copy)]
        pub struct $name;
        impl $crate::commands::shared::FilterSet for $name {
            const KIND: $crate::model::Kind = $crate::model::Kind::$kind;
        }
    };
}

/// The schema-made filter flags of `C::KIND`'s `list` and what was given.
pub struct Filters<C> {
    /// (filter, value as typed), in the schema's order.
    pub given: Vec<(&'static Filter, String)>,
    kind: PhantomData<C>,
}

impl<C> std::fmt::Debug for Filters<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.given.fmt(f)
    }
}

impl<C> Clone for Filters<C> {
    fn clone(&self) -> Self {
        Filters {
            given: self.given.clone(),
            kind: PhantomData,
        }
    }
}

impl<C: FilterSet> clap::FromArgMatches for Filters<C> {
    fn from_arg_matches(m: &ArgMatches) -> std::result::Result<Self, clap::Error> {
        Ok(Filters {
            given: given(C::KIND, m),
            kind: PhantomData,
        })
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> std::result::Result<(), clap::Error> {
        self.given = given(C::KIND, m);
        Ok(())
    }
}

impl<C: FilterSet> clap::Args for Filters<C> {
    fn augment_args(cmd: Command) -> Command {
        augment(cmd, C::KIND)
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        augment(cmd, C::KIND)
    }
}

/// The filters of `kind` with the spec of the key each is on.
fn filters_of(kind: Kind) -> impl Iterator<Item = (&'static Filter, FieldType)> {
    let schema = crate::schema::of(kind);
    schema.filters.iter().filter_map(move |f| {
        let ty = crate::schema::value_type(&f.spec(schema)?.ty)?;
        Some((f, ty))
    })
}

/// One flag per filter; its help is `help.toml`'s text of the flag's id
/// (put in when the command tree is localized).
fn augment(mut cmd: Command, kind: Kind) -> Command {
    for (f, ty) in filters_of(kind) {
        let mut arg = Arg::new(f.id())
            .long(f.flag_name())
            .action(ArgAction::Set)
            .value_name(f.value_name_or_id());
        if let Some(alias) = f.alias {
            arg = arg.alias(alias);
        }
        if let FieldType::Code(v) = ty {
            // the codes with their (English) labels, as clap shows an enum's
            let values: Vec<clap::builder::PossibleValue> = (v.codes)()
                .into_iter()
                .map(|c| {
                    let label = (v.label)(c, crate::model::Lang::En).unwrap_or_default();
                    clap::builder::PossibleValue::new(c).help(label)
                })
                .collect();
            arg = arg.value_parser(clap::builder::PossibleValuesParser::new(values));
        }
        cmd = cmd.arg(arg);
    }
    cmd
}

fn given(kind: Kind, m: &ArgMatches) -> Vec<(&'static Filter, String)> {
    filters_of(kind)
        .filter_map(|(f, _)| Some((f, m.get_one::<String>(f.id())?.clone())))
        .collect()
}

/// The values the filters want, each as a file holds it.
#[derive(Debug, Default)]
pub struct Wanted {
    keys: Vec<Want>,
}

#[derive(Debug)]
struct Want {
    key: &'static str,
    value: String,
    /// The key's default, which a record without the key holds
    /// (`channel`: `in-person`).
    default: Option<&'static str>,
}

impl<C: FilterSet> Filters<C> {
    /// Each given value judged by its key's type, as a file spells it: a
    /// record found like every lookup, staff, a topic, an ISO code or a
    /// district; exit 2 naming close values when it is none.
    pub fn wanted(&self, store: &Store, config: &Config) -> Result<Wanted> {
        let schema = crate::schema::of(C::KIND);
        let mut keys = Vec::new();
        for (f, text) in &self.given {
            let Some(ty) = f
                .spec(schema)
                .and_then(|s| crate::schema::value_type(&s.ty))
            else {
                continue;
            };
            let flag = format!("--{}", f.flag_name());
            let value = Some(text.clone());
            let value = match ty {
                FieldType::Ref(kind) => filter_ref(store, kind, &flag, &value)?,
                FieldType::Staff => filter_staff(config, &flag, &value)?,
                FieldType::Topic => filter_topic(config, &flag, &value)?,
                FieldType::Language | FieldType::Country | FieldType::District => {
                    Some(flag_value(&ty, &flag, text, config)?)
                }
                // clap took only codes of the vocabulary
                FieldType::Code(_) => value,
                // no value type of a filter (`schema::value_type`)
                FieldType::Id
                | FieldType::Text
                | FieldType::FreeText
                | FieldType::Date
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
                | FieldType::Tables(_) => value,
            };
            let default = f.spec(schema).and_then(|s| match s.default {
                crate::schema::DefaultValue::Value(v) => Some(v),
                crate::schema::DefaultValue::None
                | crate::schema::DefaultValue::Generated
                | crate::schema::DefaultValue::Today
                | crate::schema::DefaultValue::PersonalStaff
                | crate::schema::DefaultValue::DoneWhenPast
                | crate::schema::DefaultValue::NowDuringHours => None,
            });
            keys.extend(value.map(|value| Want {
                key: f.key,
                value,
                default,
            }));
        }
        Ok(Wanted { keys })
    }
}

impl Wanted {
    /// Whether `record` holds every wanted value: the key's value is it,
    /// or, for a list, one of its items is; a record without the key holds
    /// the key's default.
    pub fn matches<R: serde::Serialize>(&self, record: &R) -> bool {
        if self.keys.is_empty() {
            return true;
        }
        let Ok(json) = serde_json::to_value(record) else {
            return false;
        };
        self.keys.iter().all(|w| match json.get(w.key) {
            Some(serde_json::Value::String(s)) => *s == w.value,
            Some(serde_json::Value::Array(items)) => {
                items.iter().any(|i| i.as_str() == Some(w.value.as_str()))
            }
            None | Some(serde_json::Value::Null) => w.default == Some(w.value.as_str()),
            Some(_) => false,
        })
    }

    /// The records of `entries` the filters want and `also` keeps.
    pub fn keep<'a, R: serde::Serialize>(
        &self,
        entries: &'a [Entry<R>],
        also: impl Fn(&R) -> bool,
    ) -> Vec<&'a R> {
        entries
            .iter()
            .map(|e| &e.record)
            .filter(|r| also(r) && self.matches(*r))
            .collect()
    }
}

/// The records a `list` of `kind` reads: a dated kind only in the months
/// `dates` reach; a folder with errors is refused.
pub fn load_listed(
    store: &Store,
    config: &Config,
    kind: Kind,
    dates: Option<&DateFilter>,
) -> Result<LoadResult> {
    let scope = match dates.filter(|_| kind.is_dated()) {
        Some(d) => Scope::of_months(kind, d.month_range()),
        None => Scope::undated_kinds(&[kind]),
    };
    let loaded = store.load(config, &scope);
    refuse_errors(&loaded)?;
    Ok(loaded)
}
