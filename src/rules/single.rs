//! The rules that judge one record by itself. Each is one function in
//! [`SINGLE_RULES`]; the reader (`model::read::read_record`) runs them all
//! after the schema has judged the types, so `check`, every write path and
//! the reports' loading see the same findings.

use crate::finding;
use crate::model::read::{Context, Msg, Problem};
use crate::model::table::Values;
use crate::model::{AppointmentStatus, DeadlineKind, EventStatus, Kind};
use crate::schema::{self, FieldType};
use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// What a single-record rule looks at: the values as read (with spans),
/// whatever could be read even when other keys are missing.
pub struct Input<'a> {
    pub kind: Kind,
    /// The record's TOML text (for what is not a value: its comments).
    pub raw: &'a str,
    pub values: &'a Values,
    pub ctx: &'a Context<'a>,
}

/// One rule: its name (for ARCHITECTURE.md and tests) and its check.
pub struct SingleRule {
    pub name: &'static str,
    pub check: fn(&Input, &mut Vec<Problem>),
}

/// Every single-record rule, in the order their findings are listed.
pub static SINGLE_RULES: &[SingleRule] = &[
    SingleRule {
        name: "sponsor end before start",
        check: end_before_start,
    },
    SingleRule {
        name: "sponsor deadline done in the future",
        check: deadline_done_in_future,
    },
    SingleRule {
        name: "two sponsor deadlines with the same kind and due date",
        check: deadline_listed_twice,
    },
    SingleRule {
        name: "birth year in the future, implausible, or after first contact",
        check: birth_year,
    },
    SingleRule {
        name: "first contact in the future",
        check: first_contact_in_future,
    },
    SingleRule {
        name: "contact dated in the future",
        check: contact_in_future,
    },
    SingleRule {
        name: "done appointment or event dated in the future",
        check: done_in_future,
    },
    SingleRule {
        name: "referral closed before its date or in the future",
        check: closed_dates,
    },
    SingleRule {
        name: "referral follow-up before its date (warning)",
        check: follow_up_before_date,
    },
    SingleRule {
        name: "participants add up (checked arithmetic)",
        check: participants_add_up,
    },
    SingleRule {
        name: "a topic, language or slug listed twice (warning)",
        check: listed_twice,
    },
    SingleRule {
        name: "staff initials not in [staff] or [staff.former] (warning)",
        check: unknown_staff,
    },
    SingleRule {
        name: "personal data in free text (warning)",
        check: privacy,
    },
    SingleRule {
        name: "personal data in a TOML comment (warning)",
        check: privacy_in_comments,
    },
    SingleRule {
        name: "consent dated in the future; a consent entry's until or withdrawn before its date",
        check: super::consent::consent_dates,
    },
];

/// Runs every single-record rule.
pub fn check(kind: Kind, raw: &str, values: &Values, ctx: &Context) -> Vec<Problem> {
    let input = Input {
        kind,
        raw,
        values,
        ctx,
    };
    let mut out = Vec::new();
    for rule in SINGLE_RULES {
        (rule.check)(&input, &mut out);
    }
    out
}

fn end_before_start(i: &Input, out: &mut Vec<Problem>) {
    let v = i.values;
    if i.kind == Kind::Sponsor
        && let (Some(s), Some(e)) = (v.date("start"), v.date("end"))
        && e < s
    {
        out.push(Problem::error(
            v.span("end"),
            finding!("end-before-start", end = e, start = s),
        ));
    }
}

/// The sponsor's `[[deadlines]]` entries (none for other kinds) with their
/// number in the file's array and where they are.
fn deadline_entries<'a>(
    i: &Input<'a>,
) -> impl Iterator<Item = (usize, Option<Range<usize>>, &'a Values)> {
    let entries = match i.kind {
        Kind::Sponsor => i.values.tables("deadlines"),
        Kind::Partner
        | Kind::Client
        | Kind::Appointment
        | Kind::Referral
        | Kind::Event
        | Kind::Contact => &[],
    };
    entries.iter().enumerate().map(|(n, e)| match &e.entry {
        Some((at, span)) => (*at, Some(span.clone()), e),
        None => (n + 1, None, e),
    })
}

/// A deadline is done when it was handed in, which cannot be after today
/// (it may be before its due date: met early).
fn deadline_done_in_future(i: &Input, out: &mut Vec<Problem>) {
    for (n, _, e) in deadline_entries(i) {
        if let Some(day) = e.date("done")
            && day > i.ctx.today
        {
            out.push(Problem::error(
                e.span("done"),
                finding!(
                    "deadline-done-future",
                    key = format!("deadlines[{n}].done"),
                    date = day
                ),
            ));
        }
    }
}

/// A deadline is named by its kind and due date (`sponsor deadline done`),
/// so two entries may not share both.
fn deadline_listed_twice(i: &Input, out: &mut Vec<Problem>) {
    let mut seen: Vec<(DeadlineKind, NaiveDate)> = Vec::new();
    for (n, span, e) in deadline_entries(i) {
        let (Some(kind), Some(due)) = (e.code::<DeadlineKind>("kind"), e.date("due")) else {
            continue;
        };
        if seen.contains(&(kind, due)) {
            out.push(Problem::error(
                span,
                finding!("deadline-twice", n = n, kind = kind.code(), due = due),
            ));
        } else {
            seen.push((kind, due));
        }
    }
}

fn birth_year(i: &Input, out: &mut Vec<Problem>) {
    let v = i.values;
    if i.kind != Kind::Client {
        return;
    }
    let Some(y) = v.int("birth_year") else {
        return;
    };
    let span = v.span("birth_year");
    if y > i64::from(i.ctx.today.year()) {
        out.push(Problem::error(
            span,
            finding!("birth-year-future", year = y),
        ));
    } else if y < 1900 {
        out.push(Problem::error(
            span,
            finding!("birth-year-implausible", year = y),
        ));
    } else if let Some(first) = v.date("first_contact")
        && y > i64::from(first.year())
    {
        out.push(Problem::error(
            span,
            // the ESF counts the age at first contact (SPEC v2 §3.1)
            finding!(
                "birth-year-after-first-contact",
                year = y,
                first_contact = first
            ),
        ));
    }
}

fn first_contact_in_future(i: &Input, out: &mut Vec<Problem>) {
    let v = i.values;
    if i.kind == Kind::Client
        && let Some(d) = v.date("first_contact")
        && d > i.ctx.today
    {
        out.push(Problem::error(
            v.span("first_contact"),
            finding!("first-contact-future", date = d),
        ));
    }
}

/// A short contact records what happened: it has no `planned` state, so
/// one dated after today is a typo (SPEC §1.3).
fn contact_in_future(i: &Input, out: &mut Vec<Problem>) {
    let v = i.values;
    if i.kind == Kind::Contact
        && let Some(d) = v.date("date")
        && d > i.ctx.today
    {
        out.push(Problem::error(
            v.span("date"),
            finding!("contact-future", date = d),
        ));
    }
}

fn done_in_future(i: &Input, out: &mut Vec<Problem>) {
    let v = i.values;
    let code = match i.kind {
        Kind::Appointment if v.code("status") == Some(AppointmentStatus::Done) => {
            "appointment-done-future"
        }
        Kind::Event if v.code("status") == Some(EventStatus::Done) => "event-done-future",
        Kind::Appointment
        | Kind::Event
        | Kind::Sponsor
        | Kind::Partner
        | Kind::Client
        | Kind::Referral
        | Kind::Contact => return,
    };
    if let Some(d) = v.date("date")
        && d > i.ctx.today
    {
        out.push(Problem::error(
            v.span("status"),
            Msg::new(code, &[("date", &d)]),
        ));
    }
}

fn closed_dates(i: &Input, out: &mut Vec<Problem>) {
    let v = i.values;
    if i.kind != Kind::Referral {
        return;
    }
    if let (Some(d), Some(c)) = (v.date("date"), v.date("closed")) {
        if c < d {
            out.push(Problem::error(
                v.span("closed"),
                finding!("closed-before-date", closed = c, date = d),
            ));
        }
        if c > i.ctx.today {
            out.push(Problem::error(
                v.span("closed"),
                finding!("closed-future", closed = c),
            ));
        }
    }
}

/// A follow-up day before the referral itself: a typo `referral add` and
/// `edit` refused before the rule book had it, so a warning (`--strict`
/// and every write refuse it) rather than an error in folders that hold one.
fn follow_up_before_date(i: &Input, out: &mut Vec<Problem>) {
    let v = i.values;
    if i.kind != Kind::Referral {
        return;
    }
    if let (Some(d), Some(f)) = (v.date("date"), v.date("follow_up"))
        && f < d
    {
        out.push(Problem::warning(
            v.span("follow_up"),
            finding!("follow-up-before-date", follow_up = f, date = d),
        ));
    }
}

/// `women + men + diverse ≤ total`, `migrants ≤ total` — summed in i128,
/// so no count, however large, wraps around.
fn participants_add_up(i: &Input, out: &mut Vec<Problem>) {
    let v = i.values;
    if i.kind != Kind::Event {
        return;
    }
    let Some(p) = v.table("participants") else {
        return;
    };
    let n = |k: &str| i128::from(p.int(k).unwrap_or(0));
    let (total, parts) = (n("total"), n("women") + n("men") + n("diverse"));
    let span = v.span("participants");
    if parts > total {
        out.push(Problem::error(
            span.clone(),
            finding!("participants-sum", parts = parts, total = total),
        ));
    }
    if n("migrants") > total {
        out.push(Problem::error(
            span,
            finding!(
                "participants-migrants",
                migrants = n("migrants"),
                total = total
            ),
        ));
    }
}

/// The same code or slug twice in one list says nothing more and is most
/// likely a slip.
fn listed_twice(i: &Input, out: &mut Vec<Problem>) {
    for spec in schema::of(i.kind).fields() {
        if !spec.ty.is_list() {
            continue;
        }
        let items = i.values.items(spec.key);
        for (n, (s, span)) in items.iter().enumerate() {
            if items[..n].iter().any(|(t, _)| t == s) {
                out.push(Problem::warning(
                    Some(span.clone()),
                    finding!("listed-twice", key = spec.key, value = s),
                ));
            }
        }
    }
}

/// Initials must be known as staff, now or formerly — unless the office has
/// listed no staff at all.
fn unknown_staff(i: &Input, out: &mut Vec<Problem>) {
    let config = i.ctx.config;
    if config.staff.is_empty() && config.former_staff.is_empty() {
        return;
    }
    for spec in schema::of(i.kind).fields() {
        if !matches!(spec.ty, FieldType::Staff) {
            continue;
        }
        if let Some(s) = i.values.str(spec.key)
            && !config.is_staff(s)
        {
            out.push(Problem::warning(
                i.values.span(spec.key),
                finding!(
                    "unknown-staff",
                    key = spec.key,
                    value = s,
                    known = config.staff.keys().cloned().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
}

/// Every free-text key of the schema (nested ones too), and topics where
/// they are free words, is scanned for personal data.
fn privacy(i: &Input, out: &mut Vec<Problem>) {
    scan_table(i.values, "", out);
}

/// A comment is free text too: a person writing the file by hand (or in
/// `quartier edit`) may note a phone number there. Only for the kinds SPEC
/// §1.3 scans, never sponsors and partners (their contact data is wanted).
fn privacy_in_comments(i: &Input, out: &mut Vec<Problem>) {
    if !crate::privacy::is_scanned(i.kind) {
        return;
    }
    let comments = crate::privacy::toml_comments(i.raw);
    if comments.is_empty() {
        return;
    }
    let mut line_end = Vec::new();
    let mut offset = 0;
    for line in i.raw.split_inclusive('\n') {
        offset += line.len();
        line_end.push(offset - (line.len() - line.trim_end_matches(['\r', '\n']).len()));
    }
    for c in comments {
        let end = line_end.get(c.line - 1).copied().unwrap_or(i.raw.len());
        let span = end.saturating_sub(c.text.len() + 1)..end;
        for hit in crate::privacy::scan(&c.text) {
            out.push(Problem::warning(
                Some(span.clone()),
                finding!("privacy-comment", hit = hit),
            ));
        }
    }
}

fn scan_table(v: &Values, prefix: &str, out: &mut Vec<Problem>) {
    for spec in v.fields {
        let text = match spec.ty {
            FieldType::FreeText => v.string(spec.key),
            FieldType::Topics {
                free_words_when: Some(c),
            } if v.holds(&c) => Some(v.list(spec.key).join(", ")),
            FieldType::Table(_) => {
                if let Some(t) = v.table(spec.key) {
                    scan_table(t, &format!("{prefix}{}.", spec.key), out);
                }
                None
            }
            FieldType::Tables(_) => {
                for t in v.tables(spec.key) {
                    scan_table(t, &format!("{prefix}{}.", spec.key), out);
                }
                None
            }
            // not free text, or topics that are codes in this record
            FieldType::Topics { .. }
            | FieldType::Id
            | FieldType::Text
            | FieldType::Staff
            | FieldType::Ref(_)
            | FieldType::Topic
            | FieldType::Language
            | FieldType::Country
            | FieldType::District
            | FieldType::Code(_)
            | FieldType::Codes(_)
            | FieldType::Date
            | FieldType::Time
            | FieldType::Minutes
            | FieldType::Count
            | FieldType::Year
            | FieldType::Bool
            | FieldType::Languages
            | FieldType::Refs(_) => None,
        };
        let Some(text) = text else { continue };
        for hit in crate::privacy::scan(&text) {
            out.push(Problem::warning(
                v.span(spec.key),
                finding!(
                    "privacy-field",
                    key = format!("{prefix}{}", spec.key),
                    hit = hit
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::read::{Context, read_record};
    use crate::model::{Config, DeadlineKind, Record};
    use chrono::NaiveDate;

    /// Each deadline finding once, numbered as in the file and on the line
    /// it is about; the record keeps the first of two same deadlines.
    #[test]
    fn deadlines_are_read_by_the_schema_and_judged_by_the_rule_book() {
        let config: Config = toml::from_str("[office]\nname = \"x\"\n").unwrap();
        let ctx = Context {
            config: &config,
            today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        };
        let text = "id = \"s\"\nname = \"S\"\nproject = \"P\"\nfield = \"youth-education\"\nstart = 2026-01-01\n\n[[deadlines]]\nkind = \"sachbericht\"\ndue = 2026-06-30\n\n[[deadlines]]\nkind = \"sachbericht\"\ndue = 2026-06-30\ndone = 2026-12-24\n\n[[deadlines]]\nkind = \"mittelabruf\"\ndue = 2026-12-15\ndone = 2026-11-01\n";
        let (record, problems) = read_record(crate::model::Kind::Sponsor, text, &ctx, None);
        let line = |p: &crate::model::read::Problem| {
            text[..p.span.clone().unwrap().start].matches('\n').count() + 1
        };
        let found: Vec<(usize, &str, &str)> = problems
            .iter()
            .map(|p| (line(p), p.code.as_str(), p.message.as_str()))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found.iter().any(|(l, c, m)| *l == 11
                && *c == "deadline-twice"
                && m.starts_with("`deadlines[2]`")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|(l, c, m)| *l == 14
                && *c == "deadline-done-future"
                && m.starts_with("`deadlines[2].done` 2026-12-24")),
            "{found:?}"
        );
        let Some(Record::Sponsor(s)) = record else {
            panic!("no sponsor: {problems:?}")
        };
        let kept: Vec<_> = s.deadlines.iter().map(|d| (d.kind, d.done)).collect();
        assert_eq!(
            kept,
            [
                (DeadlineKind::Sachbericht, None),
                (
                    DeadlineKind::Mittelabruf,
                    NaiveDate::from_ymd_opt(2026, 11, 1)
                )
            ]
        );
    }
}
