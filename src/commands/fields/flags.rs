//! The `add` and `edit` flags of a record kind, made from its schema: one
//! flag per key (`_` → `-`), parsed by the key's type. `RecordFlags<C>`
//! implements clap's `Args` by hand, so a key added to the schema is a flag
//! of `add` and `edit` without further code.
//!
//! - dates, times and durations go through `crate::dates`;
//! - lists take commas or repetition (`--topics a,b`, `--topics a --topics b`);
//! - booleans are switches (`--interpreter`; `edit` also has `--no-interpreter`);
//! - the keys of a table are flags of their own (`[participants]`: `--total`, `--women`, …);
//! - a sponsor's or partner's slug is `--id` on `add`;
//! - `edit` takes every `add` flag plus `--unset KEY` (repeatable);
//! - an empty value (`--notes ""`) means "remove the key" on `edit`, "not given" on `add`.

use super::help_lang;
use crate::model::{Kind, Lang};
use crate::schema::{DefaultValue, FieldSpec, FieldType};
use chrono::{NaiveDate, NaiveTime};
use clap::builder::TypedValueParser;
use clap::{Arg, ArgAction, ArgMatches, Command};
use std::collections::BTreeMap;
use std::marker::PhantomData;

/// Whether the flags are those of `add` or of `edit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Add,
    Edit,
}

/// Which record kind and command a [`RecordFlags`] is for.
pub trait FlagSet: 'static {
    const KIND: Kind;
    const MODE: Mode;
}

/// One value given on the command line, parsed by its key's type.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    /// `--key ""`: remove the key (edit), nothing (add).
    Empty,
    Text(String),
    Date(NaiveDate),
    Time(NaiveTime),
    Int(i64),
    Bool(bool),
    List(Vec<String>),
}

/// What the record flags of one command line gave: key → value (keys of a
/// table as `table.key`), and the keys to remove.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Given {
    pub values: BTreeMap<String, Raw>,
    pub unset: Vec<String>,
    /// `--ask` (`add` only): a guided form even when nothing required is missing.
    pub ask: bool,
}

impl Given {
    /// Whether any record flag was given.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.unset.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&Raw> {
        self.values.get(key)
    }

    /// The text of `key`, when given and not empty.
    /// (A projection onto one variant, like `let Record::X(x) = r else …`:
    /// a value of another type is no text, whatever variants `Raw` has.)
    pub fn text(&self, key: &str) -> Option<&str> {
        let Some(Raw::Text(s)) = self.values.get(key) else {
            return None;
        };
        Some(s.as_str()).filter(|s| !s.trim().is_empty())
    }

    /// The date of `key`, when given as one (a projection, as [`Given::text`]).
    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        let Some(Raw::Date(d)) = self.values.get(key) else {
            return None;
        };
        Some(*d)
    }

    pub fn set(&mut self, key: &str, value: Raw) {
        self.values.insert(key.to_string(), value);
    }

    pub fn remove(&mut self, key: &str) -> Option<Raw> {
        self.values.remove(key)
    }

    /// Whether any key of the table `table` was given (`participants.…`).
    pub fn any_in(&self, table: &str) -> bool {
        let prefix = format!("{table}.");
        self.values.keys().any(|k| k.starts_with(&prefix))
    }
}

/// The schema-made flags of `C::KIND`'s `add` or `edit`.
pub struct RecordFlags<C> {
    pub given: Given,
    kind: PhantomData<C>,
}

impl<C> std::fmt::Debug for RecordFlags<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.given.fmt(f)
    }
}

impl<C> Clone for RecordFlags<C> {
    fn clone(&self) -> Self {
        RecordFlags {
            given: self.given.clone(),
            kind: PhantomData,
        }
    }
}

impl<C: FlagSet> clap::FromArgMatches for RecordFlags<C> {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        Ok(RecordFlags {
            given: read_matches(C::KIND, C::MODE, m),
            kind: PhantomData,
        })
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        self.given = read_matches(C::KIND, C::MODE, m);
        Ok(())
    }
}

impl<C: FlagSet> clap::Args for RecordFlags<C> {
    fn augment_args(cmd: Command) -> Command {
        augment(cmd, C::KIND, C::MODE, help_lang())
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        augment(cmd, C::KIND, C::MODE, help_lang())
    }
}

/// One flag of the command line and the key it sets.
#[derive(Debug, Clone, Copy)]
pub struct FlagOf {
    /// `birth_year`, or `participants.total` for a key of a table.
    pub key: &'static str,
    /// The flag without dashes: `birth-year`, `total`.
    pub flag: &'static str,
    pub spec: &'static FieldSpec,
}

/// The flags `kind`'s `add` (or `edit`) takes, in schema order.
pub fn flags_of(kind: Kind, mode: Mode) -> Vec<FlagOf> {
    let mut out = Vec::new();
    for f in crate::schema::of(kind).fields().filter(|f| !f.set_by_tool) {
        match f.ty {
            FieldType::Id => {
                // Generated ids have no flag; a slug is given on `add` only
                // (`edit` names the record by its positional id).
                if f.default != DefaultValue::Generated && mode == Mode::Add {
                    out.push(FlagOf {
                        key: f.key,
                        flag: f.flag(),
                        spec: f,
                    });
                }
            }
            FieldType::Table(sub) => {
                for g in sub {
                    out.push(FlagOf {
                        key: nested_key(f.key, g.key),
                        flag: g.flag(),
                        spec: g,
                    });
                }
            }
            // Arrays of tables have commands of their own (deadlines, consents).
            FieldType::Tables(_) => {}
            FieldType::Text
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
            | FieldType::Refs(_) => out.push(FlagOf {
                key: f.key,
                flag: f.flag(),
                spec: f,
            }),
        }
    }
    out
}

/// `table.key`, made once.
fn nested_key(table: &str, key: &str) -> &'static str {
    super::static_str(&format!("{table}.{key}"))
}

/// The `--no-…` switch of a boolean on `edit`.
fn negated(flag: &str) -> &'static str {
    super::static_str(&format!("no-{flag}"))
}

fn value_name(ty: &FieldType) -> &'static str {
    match ty {
        FieldType::Id => "SLUG",
        FieldType::Text | FieldType::FreeText => "TEXT",
        FieldType::Date => "DATE",
        FieldType::Time => "HH:MM",
        FieldType::Minutes => "MIN",
        FieldType::Count => "N",
        FieldType::Year => "YYYY",
        FieldType::Bool => "",
        FieldType::Code(_) | FieldType::Codes(_) => "CODE",
        FieldType::Topic | FieldType::Topics { .. } => "TOPIC",
        FieldType::Language | FieldType::Languages => "LANG",
        FieldType::Country => "CC",
        FieldType::District => "DISTRICT",
        FieldType::Staff => "INITIALS",
        FieldType::Ref(Kind::Client) | FieldType::Refs(Kind::Client) => "CODE",
        FieldType::Ref(_) | FieldType::Refs(_) => "ID",
        FieldType::Table(_) | FieldType::Tables(_) => "",
    }
}

/// The clap value parser of a single value of type `ty`.
fn parser(ty: &FieldType) -> clap::builder::ValueParser {
    use clap::builder::ValueParser;
    match ty {
        FieldType::Date => {
            ValueParser::new(|s: &str| empty_or(s, |s| parse_date(s).map(Raw::Date)))
        }
        FieldType::Time => {
            ValueParser::new(|s: &str| empty_or(s, |s| parse_time(s).map(Raw::Time)))
        }
        FieldType::Minutes => {
            ValueParser::new(|s: &str| empty_or(s, |s| parse_minutes(s).map(Raw::Int)))
        }
        FieldType::Count => {
            ValueParser::new(|s: &str| empty_or(s, |s| parse_count(s).map(Raw::Int)))
        }
        FieldType::Year => ValueParser::new(|s: &str| {
            empty_or(s, |s| {
                s.trim()
                    .parse::<i64>()
                    .map(Raw::Int)
                    .map_err(|_| crate::tr!("input.year-digits", input = s))
            })
        }),
        FieldType::Code(v) => ValueParser::new(
            clap::builder::PossibleValuesParser::new((v.codes)()).map(|s: String| Raw::Text(s)),
        ),
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Bool
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
        | FieldType::Tables(_) => ValueParser::new(|s: &str| {
            Ok::<Raw, String>(if s.trim().is_empty() {
                Raw::Empty
            } else {
                Raw::Text(s.to_string())
            })
        }),
    }
}

fn empty_or(s: &str, parse: impl Fn(&str) -> Result<Raw, String>) -> Result<Raw, String> {
    if s.trim().is_empty() {
        Ok(Raw::Empty)
    } else {
        parse(s)
    }
}

/// A day as people type it (see `crate::dates`).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::dates::parse_date(s).map_err(|e| e.to_string())
}

/// A time as people type it (see `crate::dates`).
pub fn parse_time(s: &str) -> Result<NaiveTime, String> {
    crate::dates::parse_time(s).map_err(|e| e.to_string())
}

/// A length in minutes: 45, 45min, 1h, 1h30, 1:30 (see `crate::dates`).
pub fn parse_minutes(s: &str) -> Result<i64, String> {
    crate::dates::parse_duration(s)
        .map(i64::from)
        .map_err(|e| e.to_string())
}

/// A count ≥ 0.
pub fn parse_count(s: &str) -> Result<i64, String> {
    s.trim()
        .parse::<u32>()
        .map(i64::from)
        .map_err(|_| crate::tr!("input.count", input = s))
}

/// Adds the record flags of `kind` to `cmd`.
pub fn augment(mut cmd: Command, kind: Kind, mode: Mode, lang: Lang) -> Command {
    for f in flags_of(kind, mode) {
        let help = f.spec.help(lang).to_string();
        let arg = Arg::new(f.key).long(f.flag).help(help);
        let arg = match f.spec.ty {
            FieldType::Bool => arg.action(ArgAction::SetTrue),
            ty if ty.is_list() => arg
                .action(ArgAction::Append)
                .value_delimiter(',')
                .value_name(value_name(&ty))
                .num_args(1),
            ty => arg
                .action(ArgAction::Set)
                .value_name(value_name(&ty))
                .value_parser(parser(&ty)),
        };
        cmd = cmd.arg(arg);
        if mode == Mode::Edit && matches!(f.spec.ty, FieldType::Bool) {
            cmd = cmd.arg(
                Arg::new(negated(f.flag))
                    .long(negated(f.flag))
                    .action(ArgAction::SetTrue)
                    .conflicts_with(f.key)
                    .help(crate::tr_in!(
                        lang,
                        "help.negated",
                        field = f.spec.label(lang)
                    )),
            );
        }
    }
    if mode == Mode::Add {
        cmd = cmd.arg(
            Arg::new("ask")
                .long("ask")
                .action(ArgAction::SetTrue)
                .help(crate::i18n::help::arg_help("*", "ask", lang).unwrap_or_default()),
        );
    }
    if mode == Mode::Edit {
        cmd = cmd.arg(
            Arg::new("unset")
                .long("unset")
                .action(ArgAction::Append)
                .value_name("KEY")
                .help(crate::i18n::help::arg_help("*", "unset", lang).unwrap_or_default()),
        );
    }
    cmd
}

/// What the record flags in `m` gave.
pub fn read_matches(kind: Kind, mode: Mode, m: &ArgMatches) -> Given {
    let mut given = Given::default();
    for f in flags_of(kind, mode) {
        match f.spec.ty {
            FieldType::Bool => {
                if m.get_flag(f.key) {
                    given.set(f.key, Raw::Bool(true));
                } else if mode == Mode::Edit && m.get_flag(negated(f.flag)) {
                    given.set(f.key, Raw::Bool(false));
                }
            }
            ty if ty.is_list() => {
                if let Some(items) = m.get_many::<String>(f.key) {
                    let items: Vec<String> = items
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect();
                    given.set(f.key, Raw::List(items));
                } else if m.value_source(f.key) == Some(clap::parser::ValueSource::CommandLine) {
                    given.set(f.key, Raw::List(Vec::new()));
                }
            }
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
            | FieldType::Tables(_) => {
                if let Some(v) = m.get_one::<Raw>(f.key) {
                    given.set(f.key, v.clone());
                }
            }
        }
    }
    if mode == Mode::Add {
        given.ask = m.get_flag("ask");
    }
    if mode == Mode::Edit
        && let Some(keys) = m.get_many::<String>("unset")
    {
        given.unset = keys.map(|k| k.trim().to_string()).collect();
    }
    given
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(kind: Kind, mode: Mode, args: &[&str]) -> Result<Given, clap::Error> {
        let cmd = augment(Command::new("t"), kind, mode, Lang::De);
        let m = cmd.try_get_matches_from(std::iter::once("t").chain(args.iter().copied()))?;
        Ok(read_matches(kind, mode, &m))
    }

    #[test]
    fn flags_parse_by_the_type_of_their_key() {
        let g = parse(
            Kind::Appointment,
            Mode::Add,
            &[
                "--date",
                "2026-11-25",
                "--time",
                "9:30",
                "--duration",
                "45",
                "--topics",
                "residence,housing",
                "--topics",
                "health",
                "--interpreter",
                "--kind",
                "consultation",
            ],
        )
        .unwrap();
        assert_eq!(
            g.get("date"),
            Some(&Raw::Date(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()))
        );
        assert_eq!(g.get("duration"), Some(&Raw::Int(45)));
        assert_eq!(
            g.get("topics"),
            Some(&Raw::List(vec![
                "residence".into(),
                "housing".into(),
                "health".into()
            ]))
        );
        assert_eq!(g.get("interpreter"), Some(&Raw::Bool(true)));
        assert_eq!(g.get("kind"), Some(&Raw::Text("consultation".into())));
        assert!(g.get("notes").is_none());
        assert!(parse(Kind::Appointment, Mode::Add, &["--kind", "visit"]).is_err());
        assert!(parse(Kind::Appointment, Mode::Add, &["--duration", "-5"]).is_err());
        assert!(parse(Kind::Appointment, Mode::Add, &["--date", "2026-02-30"]).is_err());
    }

    #[test]
    fn edit_flags_can_empty_switch_off_and_unset() {
        let g = parse(
            Kind::Appointment,
            Mode::Edit,
            &["--notes", "", "--no-interpreter", "--unset", "time"],
        )
        .unwrap();
        assert_eq!(g.get("notes"), Some(&Raw::Empty));
        assert_eq!(g.get("interpreter"), Some(&Raw::Bool(false)));
        assert_eq!(g.unset, ["time"]);
        assert!(parse(Kind::Appointment, Mode::Add, &["--unset", "time"]).is_err());
    }

    #[test]
    fn table_keys_and_slugs_have_flags_of_their_own() {
        let g = parse(Kind::Event, Mode::Add, &["--total", "12", "--women", "5"]).unwrap();
        assert_eq!(g.get("participants.total"), Some(&Raw::Int(12)));
        assert!(g.any_in("participants"));
        let g = parse(Kind::Sponsor, Mode::Add, &["--id", "lernhaus"]).unwrap();
        assert_eq!(g.text("id"), Some("lernhaus"));
        assert!(parse(Kind::Sponsor, Mode::Edit, &["--id", "lernhaus"]).is_err());
        assert!(parse(Kind::Appointment, Mode::Add, &["--id", "apt-20261125-abcd"]).is_err());
    }
}
