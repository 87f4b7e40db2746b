//! Reading one record file: TOML text → typed record plus every problem found
//! in it, each with the byte span it points at. The keys are judged by the
//! schema (`table`), turned into a typed record (`convert`), then the
//! single-record rules of the rule book run (`crate::rules::single`). Rules
//! that need other records live in `crate::rules::cross`.

use super::fields::{Fields, first_line};
use super::*;
use crate::finding;
pub use crate::i18n::findings::{Code, Msg};
use std::ops::Range;
use toml::de::{DeTable, DeValue};

pub use super::config_read::read_config;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file; `span` is a byte range of the file's text,
/// `code` the finding's name in the catalogue, `message` its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub span: Option<Range<usize>>,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// The finding's arguments (what it is about), to tell findings apart
    /// by something other than their wording.
    pub args: crate::i18n::findings::Args,
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
            problems.push(Problem::error(
                e.span(),
                finding!(
                    "toml-syntax",
                    problem = crate::i18n::toml_errors::localize(&first_line(e.message()))
                ),
            ));
            return (None, problems);
        }
    };
    let root = table.get_ref();
    let (record, values) = read_values(kind, root, ctx, &mut problems);
    problems.extend(crate::rules::single::check(kind, text, &values, ctx));
    check_placement(kind, root, placement, &mut problems);
    (record, problems)
}

/// The schema-driven part of reading: the keys and the typed record.
fn read_values(
    kind: Kind,
    root: &DeTable,
    ctx: &Context,
    problems: &mut Vec<Problem>,
) -> (Option<Record>, super::table::Values) {
    let mut f = Fields::new(root, problems);
    let values = super::table::read_table(&mut f, crate::schema::of(kind).fields, ctx);
    read_import_hash(&mut f);
    f.finish();
    let record = super::convert::to_record(kind, &values);
    (record, values)
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
        f.error(span, finding!("import-hash"));
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
                finding!(
                    "id-invalid",
                    id = id,
                    kind = kind.label(),
                    rule = kind.id_rule()
                ),
            ));
        }
        if let Some(p) = placement
            && p.stem != id
        {
            problems.push(Problem::error(
                Some(v.span()),
                finding!("id-not-file-name", id = id, stem = p.stem),
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
        // Left like this by a move that was stopped half-way (the changed file
        // is still in the old month), or by a date changed by hand: the
        // command below finishes the move; `quartier edit` does too.
        let id = match raw("id").map(|v| v.get_ref()) {
            Some(DeValue::String(id)) if is_valid_id(kind, id) => id.to_string(),
            _ => placement.map_or_else(String::new, |p| p.stem.to_string()),
        };
        problems.push(Problem::error(
            Some(v.span()),
            finding!(
                "date-wrong-month",
                date = date,
                folder = format!("{y:04}/{m:02}"),
                kind = kind.name(),
                id = id,
                target = format!("{}/{:04}/{:02}/", kind.folder(), date.year(), date.month())
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

impl Problem {
    pub fn error(span: Option<Range<usize>>, msg: Msg) -> Problem {
        Problem::new(span, Severity::Error, msg)
    }

    pub fn warning(span: Option<Range<usize>>, msg: Msg) -> Problem {
        Problem::new(span, Severity::Warning, msg)
    }

    pub fn new(span: Option<Range<usize>>, severity: Severity, msg: Msg) -> Problem {
        Problem {
            span,
            severity,
            code: msg.code,
            message: msg.text,
            args: msg.args,
        }
    }
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
