//! Consent (SPEC §1.2, §4): the `[[consents]]` entries of a client and what
//! they cover. An entry covers a day from its `date` through its `until`,
//! and not from its `withdrawn` day on; a referral entry covers the partners
//! it lists (every partner when it lists none) except those in `except`.
//! Any one covering entry is enough. A plain `consent = D` stands for two
//! entries, processing and referral, every partner, from D.

use super::codes::ConsentScope;
use chrono::NaiveDate;
use serde::Serialize;

/// One `[[consents]]` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Consent {
    pub date: NaiveDate,
    pub scope: ConsentScope,
    /// Partners a referral consent covers; empty: every partner.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Consent {
    /// The entry a plain `consent = D` stands for, of `scope`.
    pub fn plain(date: NaiveDate, scope: ConsentScope) -> Consent {
        Consent {
            date,
            scope,
            partners: Vec::new(),
            except: Vec::new(),
            until: None,
            withdrawn: None,
            notes: None,
        }
    }

    /// Whether the entry is in force on `day`.
    pub fn covers_day(&self, day: NaiveDate) -> bool {
        self.date <= day
            && self.until.is_none_or(|u| day <= u)
            && self.withdrawn.is_none_or(|w| day < w)
    }

    /// Whether a referral entry names `partner` (ignoring the days).
    pub fn names_partner(&self, partner: &str) -> bool {
        (self.partners.is_empty() || self.partners.iter().any(|p| p == partner))
            && !self.except.iter().any(|p| p == partner)
    }

    /// Whether the entry lets data be passed to `partner` on `day`.
    pub fn covers_referral(&self, partner: &str, day: NaiveDate) -> bool {
        self.scope == ConsentScope::Referral && self.covers_day(day) && self.names_partner(partner)
    }
}

/// Every entry of a client: the `[[consents]]` and those `consent = D` stands for.
pub fn entries(plain: Option<NaiveDate>, consents: &[Consent]) -> Vec<Consent> {
    let mut all: Vec<Consent> = plain
        .into_iter()
        .flat_map(|d| {
            [
                Consent::plain(d, ConsentScope::Processing),
                Consent::plain(d, ConsentScope::Referral),
            ]
        })
        .collect();
    all.extend_from_slice(consents);
    all
}

/// Whether some entry covers a referral to `partner` on `day`.
pub fn referral_covered(
    plain: Option<NaiveDate>,
    consents: &[Consent],
    partner: &str,
    day: NaiveDate,
) -> bool {
    entries(plain, consents)
        .iter()
        .any(|c| c.covers_referral(partner, day))
}

/// The earliest withdrawal of a referral consent that named `partner`, on or
/// before `day`: a referral then is refused unless another entry covers it.
pub fn withdrawn_for(consents: &[Consent], partner: &str, day: NaiveDate) -> Option<NaiveDate> {
    consents
        .iter()
        .filter(|c| c.scope == ConsentScope::Referral)
        .filter(|c| c.partners.is_empty() || c.partners.iter().any(|p| p == partner))
        .filter_map(|c| c.withdrawn)
        .filter(|w| *w <= day)
        .min()
}

/// Entries in force on `today` whose `until` lies within `days` days.
pub fn expiring(consents: &[Consent], today: NaiveDate, days: i64) -> Vec<&Consent> {
    let last = today + chrono::Duration::days(days);
    consents
        .iter()
        .filter(|c| c.covers_day(today) && c.until.is_some_and(|u| u <= last))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn referral(date: &str, partners: &[&str]) -> Consent {
        Consent {
            partners: partners.iter().map(|p| p.to_string()).collect(),
            ..Consent::plain(d(date), ConsentScope::Referral)
        }
    }

    #[test]
    fn an_entry_covers_from_date_through_until_and_not_from_withdrawn() {
        let c = Consent {
            until: Some(d("2026-06-30")),
            withdrawn: Some(d("2026-05-01")),
            ..referral("2026-01-10", &[])
        };
        assert!(!c.covers_day(d("2026-01-09")));
        assert!(c.covers_day(d("2026-01-10")));
        assert!(c.covers_day(d("2026-04-30")));
        assert!(!c.covers_day(d("2026-05-01")));
        let c = Consent {
            withdrawn: None,
            ..c
        };
        assert!(c.covers_day(d("2026-06-30")));
        assert!(!c.covers_day(d("2026-07-01")));
    }

    #[test]
    fn partners_and_except() {
        let only = referral("2026-01-10", &["amt"]);
        assert!(only.covers_referral("amt", d("2026-02-01")));
        assert!(!only.covers_referral("kita", d("2026-02-01")));
        let all_but = Consent {
            except: vec!["amt".into()],
            ..referral("2026-01-10", &[])
        };
        assert!(!all_but.covers_referral("amt", d("2026-02-01")));
        assert!(all_but.covers_referral("kita", d("2026-02-01")));
        let processing = Consent::plain(d("2026-01-10"), ConsentScope::Processing);
        assert!(!processing.covers_referral("kita", d("2026-02-01")));
    }

    #[test]
    fn a_plain_consent_is_two_entries_and_any_entry_is_enough() {
        assert!(referral_covered(
            Some(d("2026-01-10")),
            &[],
            "amt",
            d("2026-01-10")
        ));
        assert!(!referral_covered(
            Some(d("2026-01-10")),
            &[],
            "amt",
            d("2026-01-09")
        ));
        let withdrawn = Consent {
            withdrawn: Some(d("2026-03-01")),
            ..referral("2026-01-10", &[])
        };
        let again = referral("2026-04-01", &["amt"]);
        let both = [withdrawn.clone(), again];
        assert!(!referral_covered(None, &both, "amt", d("2026-03-15")));
        assert!(referral_covered(None, &both, "amt", d("2026-04-01")));
        assert_eq!(
            withdrawn_for(&both, "amt", d("2026-03-15")),
            Some(d("2026-03-01"))
        );
        assert_eq!(withdrawn_for(&both, "amt", d("2026-02-15")), None);
    }

    #[test]
    fn expiring_entries() {
        let c = Consent {
            until: Some(d("2026-12-10")),
            ..referral("2026-01-10", &[])
        };
        let list = [c];
        assert_eq!(expiring(&list, d("2026-11-25"), 30).len(), 1);
        assert_eq!(expiring(&list, d("2026-11-25"), 10).len(), 0);
        assert_eq!(expiring(&list, d("2026-12-11"), 30).len(), 0);
    }
}
