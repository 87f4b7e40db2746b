//! Reading a sponsor's `[[deadlines]]`: kind and due date required, `done`
//! not in the future and not before… nothing (a deadline may be met early),
//! and no two entries with the same kind and due date.

use super::{Context, Fields};
use crate::model::{Deadline, DeadlineKind};
use std::collections::BTreeSet;
use toml::de::DeValue;

pub(super) fn read_deadlines(f: &mut Fields, ctx: &Context) -> Vec<Deadline> {
    let Some(v) = f.take("deadlines") else {
        return Vec::new();
    };
    let DeValue::Array(items) = v.get_ref() else {
        f.wrong_type("deadlines", v, &crate::tr!("check.expected.deadlines"));
        return Vec::new();
    };
    let mut out: Vec<Deadline> = Vec::new();
    let mut seen = BTreeSet::new();
    for (n, item) in items.iter().enumerate() {
        let DeValue::Table(t) = item.get_ref() else {
            f.wrong_type("deadlines", item, &crate::tr!("check.expected.deadline"));
            continue;
        };
        let span = item.span();
        let entry = f.nested(t, format!("deadlines[{}].", n + 1), |d| {
            let kind = d.req_code::<DeadlineKind>("kind");
            let due = d.req_date("due");
            let done_span = d.span_of("done");
            let done = d.opt_date("done");
            let notes = d.opt_str("notes");
            if let Some(day) = done
                && day > ctx.today
            {
                d.error(
                    done_span,
                    crate::finding!(
                        "deadline-done-future",
                        key = format!("{}done", d.prefix),
                        date = day
                    ),
                );
            }
            Some(Deadline {
                kind: kind?,
                due: due?,
                done,
                notes,
            })
        });
        let Some(entry) = entry else { continue };
        if !seen.insert((entry.kind, entry.due)) {
            f.error(
                Some(span),
                crate::finding!(
                    "deadline-twice",
                    n = n + 1,
                    kind = entry.kind.code(),
                    due = entry.due
                ),
            );
            continue;
        }
        out.push(entry);
    }
    out
}
