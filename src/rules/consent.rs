//! The consent rules (SPEC §1.2, §1.3, §4): the dates of a client's
//! `[[consents]]` entries, and whether a referral is covered by one.

use super::single::Input;
use crate::model::consent::{referral_covered, withdrawn_for};
use crate::model::read::Problem;
use crate::model::{Client, Kind, Referral};

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
            format!("`consent` {d} lies in the future"),
        ));
    }
    for (n, e) in i.values.tables("consents").iter().enumerate() {
        let Some(date) = e.date("date") else { continue };
        let at = n + 1;
        if date > today {
            out.push(Problem::error(
                e.span("date"),
                format!("`consents.date` {date} (entry {at}) lies in the future"),
            ));
        }
        for key in ["until", "withdrawn"] {
            if let Some(d) = e.date(key)
                && d < date
            {
                out.push(Problem::error(
                    e.span(key),
                    format!(
                        "`consents.{key}` {d} lies before the entry's `date` {date} (entry {at}): an entry holds from its date on"
                    ),
                ));
            }
        }
    }
}

/// Why a referral is not covered by its client's consent, when it is not:
/// the message, and whether a write may still go through (it may not on or
/// after a withdrawal for that partner, SPEC §4).
pub fn referral_uncovered(r: &Referral, client: &Client) -> Option<(String, bool)> {
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
        (Some(w), _) => format!("withdrew the referral consent for `{}` on {w}", r.partner),
        (None, None) if client.consents.is_empty() => "has no `consent` date".to_string(),
        (None, None) => "has no referral consent (only to the data processing)".to_string(),
        (None, Some(first)) if first > r.date => format!("consented only on {first}"),
        (None, Some(_)) => format!(
            "has no referral consent covering `{}` on that day (expired, withdrawn, or for other partners)",
            r.partner
        ),
    };
    let message = format!(
        "referral passes data of client {} on, but the client {why} (referral dated {}): record the consent with `quartier client consent {} --scope referral` first",
        r.client, r.date, r.client
    );
    Some((message, withdrawn.is_none()))
}
