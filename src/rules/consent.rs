//! The consent rules (SPEC §1.2, §1.3, §4): the dates of a client's
//! `[[consents]]` entries, and whether a referral is covered by one.

use super::single::Input;
use crate::model::consent::{referral_covered, withdrawn_for};
use crate::model::read::{Msg, Problem};
use crate::model::{Client, Kind, Referral};
use crate::{finding, tr};

/// `until` or `withdrawn` before the entry's `date`, and a consent dated in
/// the future (plain `consent` or an entry's `date`): errors.
pub fn consent_dates(i: &Input, out: &mut Vec<Problem>) {
    if i.kind != Kind::Client {
        return;
    }
    let today = i.ctx.today;
    if let Some(d) = i.values.date("consent")
        && d > today
    {
        out.push(Problem::error(
            i.values.span("consent"),
            finding!("consent-future", date = d),
        ));
    }
    for (n, e) in i.values.tables("consents").iter().enumerate() {
        let Some(date) = e.date("date") else { continue };
        let at = n + 1;
        if date > today {
            out.push(Problem::error(
                e.span("date"),
                finding!("consents-date-future", date = date, n = at),
            ));
        }
        for key in ["until", "withdrawn"] {
            if let Some(d) = e.date(key)
                && d < date
            {
                out.push(Problem::error(
                    e.span(key),
                    finding!(
                        "consents-before-date",
                        key = key,
                        value = d,
                        date = date,
                        n = at
                    ),
                ));
            }
        }
    }
}

/// Why a referral is not covered by its client's consent, when it is not:
/// the message, and whether a write may still go through (it may not on or
/// after a withdrawal for that partner, SPEC §4).
pub fn referral_uncovered(r: &Referral, client: &Client) -> Option<(Msg, bool)> {
    if referral_covered(client.consent, &client.consents, &r.partner, r.date) {
        return None;
    }
    let withdrawn = withdrawn_for(&client.consents, &r.partner, r.date);
    let earliest = crate::model::consent::entries(client.consent, &client.consents)
        .iter()
        .filter(|c| c.scope == crate::model::ConsentScope::Referral)
        .map(|c| c.date)
        .min();
    let why = match (withdrawn, earliest) {
        (Some(w), _) => tr!("check.consent.withdrawn", partner = r.partner, date = w),
        (None, None) if client.consents.is_empty() => tr!("check.consent.no-date"),
        (None, None) => tr!("check.consent.processing-only"),
        (None, Some(first)) if first > r.date => tr!("check.consent.later", date = first),
        (None, Some(_)) => tr!("check.consent.not-covering", partner = r.partner),
    };
    let message = finding!(
        "referral-without-consent",
        client = r.client,
        why = why,
        date = r.date
    );
    Some((message, withdrawn.is_none()))
}
