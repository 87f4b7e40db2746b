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
        f.wrong_type(
            "deadlines",
            v,
            "a list of tables [[deadlines]] with kind and due",
        );
        return Vec::new();
    };
    let mut out: Vec<Deadline> = Vec::new();
    let mut seen = BTreeSet::new();
    for (n, item) in items.iter().enumerate() {
        let DeValue::Table(t) = item.get_ref() else {
            f.wrong_type("deadlines", item, "a table [[deadlines]]");
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
                    format!(
                        "`{}done` {day} lies in the future: a deadline is done when it was handed in",
                        d.prefix
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
                format!(
                    "`deadlines[{}]`: the sponsor already has a {} deadline due {}; give each deadline its own kind or due date",
                    n + 1,
                    entry.kind.code(),
                    entry.due
                ),
            );
            continue;
        }
        out.push(entry);
    }
    out
}
