//! The agenda's section of consents that expire within its days (SPEC §4):
//! time to ask the client whether they agree again.

use crate::commands::shared::date_cell;
use crate::commands::shared::sections::Section;
use crate::model::{ConsentScope, Lang};
use crate::store::Records;
use chrono::NaiveDate;
use serde::Serialize;

/// A consent entry in force today whose `until` falls within the agenda.
#[derive(Debug, Serialize)]
pub struct ExpiringConsent<'a> {
    pub client: &'a str,
    pub scope: ConsentScope,
    pub partners: &'a [String],
    pub until: NaiveDate,
}

/// The consents of `records` in force on `today` that end by `until`, by day.
pub fn expiring<'a>(
    records: &'a Records,
    today: NaiveDate,
    until: NaiveDate,
) -> Vec<ExpiringConsent<'a>> {
    let days = (until - today).num_days();
    let mut out: Vec<ExpiringConsent> = records
        .clients
        .iter()
        .flat_map(|c| {
            crate::model::consent::expiring(&c.consents, today, days)
                .into_iter()
                .filter_map(move |e| {
                    Some(ExpiringConsent {
                        client: &c.id,
                        scope: e.scope,
                        partners: &e.partners,
                        until: e.until?,
                    })
                })
        })
        .collect();
    out.sort_by(|a, b| (a.until, a.client).cmp(&(b.until, b.client)));
    out
}

/// The section: day, client code, scope and partners of each consent.
pub fn section(list: &[ExpiringConsent], lang: Lang) -> Section {
    let mut s = Section::new(
        crate::i18n::t_in(lang, "ui.agenda-consents.consents-about-to-expire-renew"),
        &[
            "ui.heading.until",
            "ui.heading.client",
            "ui.heading.scope",
            "ui.heading.partners",
        ],
    );
    for e in list {
        s.rows.push(vec![
            date_cell(e.until, lang),
            e.client.to_string(),
            e.scope.label(lang).to_string(),
            e.partners.join(", "),
        ]);
    }
    s
}
