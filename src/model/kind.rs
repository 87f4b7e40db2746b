//! The one table of record kinds: for each kind its name, folder, id scheme
//! and whether it is dated, and the one function that maps (kind, id, date)
//! to the file's place below the records folder.
//!
//! Adding a kind: add a variant to [`Kind`], a row to [`Kind::info`], and
//! follow the compiler — no `match` over `Kind` has a wildcard arm, so every
//! place that must know the new kind fails to compile until it does.

use chrono::{Datelike, NaiveDate};
use std::path::PathBuf;

/// The kinds of record, each with its own folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Sponsor,
    Partner,
    Client,
    Appointment,
    Referral,
    Event,
    Contact,
}

/// How the ids of a kind look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdScheme {
    /// `^[a-z0-9][a-z0-9-]{0,62}$`, chosen by a person (`--id`).
    Slug,
    /// `^K-[0-9A-Z]{4,12}$`, generated.
    ClientCode,
    /// `<prefix>-<YYYYMMDD>-<4 of [a-z0-9]>`, generated from the record's date.
    Dated { prefix: &'static str },
}

/// One row of the kind table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindInfo {
    /// The word used in commands and commit messages.
    pub name: &'static str,
    /// The folder below the records root.
    pub folder: &'static str,
    pub id_scheme: IdScheme,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Sponsor,
        Kind::Partner,
        Kind::Client,
        Kind::Appointment,
        Kind::Referral,
        Kind::Event,
        Kind::Contact,
    ];

    /// The kind table.
    pub const fn info(self) -> KindInfo {
        match self {
            Kind::Sponsor => KindInfo {
                name: "sponsor",
                folder: "sponsors",
                id_scheme: IdScheme::Slug,
            },
            Kind::Partner => KindInfo {
                name: "partner",
                folder: "partners",
                id_scheme: IdScheme::Slug,
            },
            Kind::Client => KindInfo {
                name: "client",
                folder: "clients",
                id_scheme: IdScheme::ClientCode,
            },
            Kind::Appointment => KindInfo {
                name: "appointment",
                folder: "appointments",
                id_scheme: IdScheme::Dated { prefix: "apt" },
            },
            Kind::Referral => KindInfo {
                name: "referral",
                folder: "referrals",
                id_scheme: IdScheme::Dated { prefix: "ref" },
            },
            Kind::Event => KindInfo {
                name: "event",
                folder: "events",
                id_scheme: IdScheme::Dated { prefix: "evt" },
            },
            Kind::Contact => KindInfo {
                name: "contact",
                folder: "contacts",
                id_scheme: IdScheme::Dated { prefix: "con" },
            },
        }
    }

    /// The folder below the records root.
    pub const fn folder(self) -> &'static str {
        self.info().folder
    }

    pub fn from_folder(folder: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.folder() == folder)
    }

    /// The word used in commands and commit messages.
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// What the office calls a record of this kind, in the interface
    /// language (`Klient/in`, `Termin`, …): the word of every sentence a
    /// person reads. [`Kind::name`] stays the word of paths and commands.
    pub fn label(self) -> String {
        self.label_in(crate::i18n::lang())
    }

    /// [`Kind::label`] in `lang`.
    pub fn label_in(self, lang: crate::model::Lang) -> String {
        match self {
            Kind::Sponsor => crate::tr_in!(lang, "kind.sponsor"),
            Kind::Partner => crate::tr_in!(lang, "kind.partner"),
            Kind::Client => crate::tr_in!(lang, "kind.client"),
            Kind::Appointment => crate::tr_in!(lang, "kind.appointment"),
            Kind::Referral => crate::tr_in!(lang, "kind.referral"),
            Kind::Event => crate::tr_in!(lang, "kind.event"),
            Kind::Contact => crate::tr_in!(lang, "kind.contact"),
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub const fn id_scheme(self) -> IdScheme {
        self.info().id_scheme
    }

    /// Dated records live under `<folder>/YYYY/MM/`.
    pub const fn is_dated(self) -> bool {
        match self.id_scheme() {
            IdScheme::Dated { .. } => true,
            IdScheme::Slug | IdScheme::ClientCode => false,
        }
    }

    /// Records a person names (`--id`, a slug): sponsors and partners, whose
    /// records have a `name` to show beside the id.
    pub const fn is_named(self) -> bool {
        match self.id_scheme() {
            IdScheme::Slug => true,
            IdScheme::ClientCode | IdScheme::Dated { .. } => false,
        }
    }

    /// The id prefix of dated records.
    pub const fn id_prefix(self) -> Option<&'static str> {
        match self.id_scheme() {
            IdScheme::Dated { prefix } => Some(prefix),
            IdScheme::Slug | IdScheme::ClientCode => None,
        }
    }

    /// The kind whose ids start with `prefix` (`apt`, `ref`, `evt`, `con`).
    pub fn from_id_prefix(prefix: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.id_prefix() == Some(prefix))
    }

    /// Whether `id` is well-formed for records of this kind.
    pub fn is_valid_id(self, id: &str) -> bool {
        match self.id_scheme() {
            IdScheme::Slug => is_slug(id),
            IdScheme::ClientCode => is_client_code(id),
            IdScheme::Dated { prefix } => is_dated_id(id, prefix),
        }
    }

    /// What a valid id looks like, for messages.
    pub fn id_rule(self) -> String {
        match self.id_scheme() {
            IdScheme::Slug => crate::tr!("check.id-rule.slug"),
            IdScheme::ClientCode => crate::tr!("check.id-rule.client-code"),
            IdScheme::Dated { prefix } => crate::tr!("check.id-rule.dated", prefix = prefix),
        }
    }

    /// The day a dated id names (`apt-20261125-x7k2` → 2026-11-25).
    pub fn date_of_id(self, id: &str) -> Option<NaiveDate> {
        match self.id_scheme() {
            IdScheme::Dated { prefix } => {
                let day = id.strip_prefix(prefix)?.strip_prefix('-')?.get(..8)?;
                NaiveDate::parse_from_str(day, "%Y%m%d").ok()
            }
            IdScheme::Slug | IdScheme::ClientCode => None,
        }
    }

    /// THE place of a record below the records folder:
    /// `<folder>/<id>.toml`, or `<folder>/YYYY/MM/<id>.toml` for dated kinds.
    /// Only a valid id ever becomes a path.
    pub fn relative_path(self, id: &str, date: Option<NaiveDate>) -> Result<PathBuf, PathError> {
        if !self.is_valid_id(id) {
            return Err(PathError::BadId {
                kind: self,
                id: id.to_string(),
            });
        }
        let mut path = PathBuf::from(self.folder());
        if self.is_dated() {
            let date = date.ok_or(PathError::NoDate { kind: self })?;
            path.push(format!("{:04}", date.year()));
            path.push(format!("{:02}", date.month()));
        }
        path.push(format!("{id}.toml"));
        Ok(path)
    }
}

/// Why (kind, id, date) names no place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    #[error("{}", crate::tr!("check.path.bad-id", id = id, kind = kind.label(), rule = kind.id_rule()))]
    BadId { kind: Kind, id: String },
    #[error("{}", crate::tr!("check.path.no-date", kind = kind.label()))]
    NoDate { kind: Kind },
}

/// `^[a-z0-9][a-z0-9-]{0,62}$`
pub fn is_slug(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
}

/// `^K-[0-9A-Z]{4,12}$`
pub fn is_client_code(s: &str) -> bool {
    s.strip_prefix("K-").is_some_and(|rest| {
        (4..=12).contains(&rest.len())
            && rest
                .bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    })
}

/// Whether 8 ASCII digits `YYYYMMDD` are a day of the calendar (what
/// parsing them with `%Y%m%d` says, without reading a format for every file).
fn real_date(digits: &[u8]) -> bool {
    let n = |r: std::ops::Range<usize>| {
        digits[r]
            .iter()
            .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
    };
    NaiveDate::from_ymd_opt(n(0..4) as i32, n(4..6), n(6..8)).is_some()
}

/// `<prefix>-<YYYYMMDD>-<4 of [a-z0-9]>` with a real date.
pub fn is_dated_id(s: &str, prefix: &str) -> bool {
    let Some(rest) = s.strip_prefix(prefix).and_then(|r| r.strip_prefix('-')) else {
        return false;
    };
    let b = rest.as_bytes();
    b.len() == 13
        && b[8] == b'-'
        && b[..8].iter().all(u8::is_ascii_digit)
        && real_date(&b[..8])
        && b[9..]
            .iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_ids_carry_a_day_of_the_calendar() {
        assert!(is_dated_id("apt-20240229-x7k2", "apt"));
        assert!(is_dated_id("ref-00010101-0000", "ref"));
        for bad in [
            "apt-20230229-x7k2",
            "apt-20261301-x7k2",
            "apt-20261000-x7k2",
            "apt-20261032-x7k2",
            "apt-2026101-x7k2",
            "apt-20261001-X7K2",
            "ref-20261001-x7k2",
        ] {
            assert!(!is_dated_id(bad, "apt"), "{bad}");
        }
    }

    #[test]
    fn the_table_is_consistent() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_folder(kind.folder()), Some(kind));
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
            if let Some(p) = kind.id_prefix() {
                assert_eq!(Kind::from_id_prefix(p), Some(kind));
            }
        }
    }

    #[test]
    fn paths_come_from_kind_id_and_date() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(
            Kind::Appointment.relative_path("apt-20260309-x7k2", Some(d)),
            Ok(PathBuf::from("appointments/2026/03/apt-20260309-x7k2.toml"))
        );
        assert_eq!(
            Kind::Client.relative_path("K-7F3A", None),
            Ok(PathBuf::from("clients/K-7F3A.toml"))
        );
        assert!(matches!(
            Kind::Sponsor.relative_path("../x", None),
            Err(PathError::BadId { .. })
        ));
        assert_eq!(
            Kind::Event.relative_path("evt-20260309-x7k2", None),
            Err(PathError::NoDate { kind: Kind::Event })
        );
        assert_eq!(Kind::Referral.date_of_id("ref-20260309-abcd"), Some(d));
        assert_eq!(Kind::Client.date_of_id("K-7F3A"), None);
    }
}
