//! `[[hours]]` of `quartier.toml`: the office's regular consultation hours
//! (SPEC §1.1) — walk-in hours for residents on asylum questions, hours for
//! organisations on intercultural opening. `agenda` shows today's, `flyer`
//! prints them, and `contact add` / `appointment add` default their time to
//! now during one.

use super::codes::{Code, Lang};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One regular consultation hour: a weekday, a time span, what it is for,
/// where, and in which languages (besides German) it is held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    #[serde(serialize_with = "ser_day", deserialize_with = "de_day")]
    pub day: Weekday,
    #[serde(serialize_with = "ser_time", deserialize_with = "de_time")]
    pub from: NaiveTime,
    #[serde(serialize_with = "ser_time", deserialize_with = "de_time")]
    pub to: NaiveTime,
    #[serde(serialize_with = "ser_kind", deserialize_with = "de_kind")]
    pub kind: HoursKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
}

impl Hours {
    /// Whether this hour is held on `date`'s weekday.
    pub fn is_on(&self, date: NaiveDate) -> bool {
        date.weekday() == self.day
    }

    /// Whether `time` on `date` lies within this hour (`from` inclusive, `to` exclusive).
    pub fn covers(&self, date: NaiveDate, time: NaiveTime) -> bool {
        self.is_on(date) && self.from <= time && time < self.to
    }

    /// "10:00–16:00".
    pub fn span_text(&self) -> String {
        format!("{}–{}", self.from.format("%H:%M"), self.to.format("%H:%M"))
    }
}

/// What a consultation hour is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HoursKind {
    /// The asylum interface: residents, migrants, with interpreters.
    Asylum,
    /// Organisations on intercultural opening.
    Organisation,
    Other,
}

impl Code for HoursKind {
    const ALL: &'static [Self] = &[HoursKind::Asylum, HoursKind::Organisation, HoursKind::Other];
    fn code(self) -> &'static str {
        match self {
            HoursKind::Asylum => "asylum",
            HoursKind::Organisation => "organisation",
            HoursKind::Other => "other",
        }
    }
    fn label(self, lang: Lang) -> &'static str {
        match self {
            HoursKind::Asylum => lang.pick(
                "Sprechstunde Schnittstelle Asyl",
                "Consultation hour, asylum interface",
            ),
            HoursKind::Organisation => lang.pick(
                "Sprechstunde Interkulturelle Öffnung für Organisationen",
                "Consultation hour for organisations on intercultural opening",
            ),
            HoursKind::Other => lang.pick("Sprechstunde", "Consultation hour"),
        }
    }
}

/// The weekday codes of `day`, Monday first.
pub const DAY_CODES: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

pub fn day_from_code(code: &str) -> Option<Weekday> {
    DAY_CODES.iter().find(|(c, _)| *c == code).map(|(_, d)| *d)
}

pub fn day_code(day: Weekday) -> &'static str {
    DAY_CODES[day.num_days_from_monday() as usize].0
}

/// The weekday's name in the interface language.
pub fn day_label(day: Weekday, lang: Lang) -> &'static str {
    let (de, en) = match day {
        Weekday::Mon => ("Montag", "Monday"),
        Weekday::Tue => ("Dienstag", "Tuesday"),
        Weekday::Wed => ("Mittwoch", "Wednesday"),
        Weekday::Thu => ("Donnerstag", "Thursday"),
        Weekday::Fri => ("Freitag", "Friday"),
        Weekday::Sat => ("Samstag", "Saturday"),
        Weekday::Sun => ("Sonntag", "Sunday"),
    };
    lang.pick(de, en)
}

/// The hours held on `date`, earliest first.
pub fn on(hours: &[Hours], date: NaiveDate) -> Vec<&Hours> {
    let mut out: Vec<&Hours> = hours.iter().filter(|h| h.is_on(date)).collect();
    out.sort_by_key(|h| (h.from, h.to));
    out
}

/// The hour `time` on `date` falls in, if any.
pub fn at(hours: &[Hours], date: NaiveDate, time: NaiveTime) -> Option<&Hours> {
    hours.iter().find(|h| h.covers(date, time))
}

/// The current minute (seconds dropped), as records store times.
pub fn minute(time: NaiveTime) -> NaiveTime {
    NaiveTime::from_hms_opt(time.hour(), time.minute(), 0).unwrap_or(time)
}

fn ser_day<S: Serializer>(day: &Weekday, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(day_code(*day))
}

fn de_day<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
    let s = String::deserialize(d)?;
    day_from_code(&s)
        .ok_or_else(|| serde::de::Error::custom(crate::tr!("input.not-a-weekday", input = s)))
}

fn ser_kind<S: Serializer>(kind: &HoursKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.code())
}

fn de_kind<'de, D: Deserializer<'de>>(d: D) -> Result<HoursKind, D::Error> {
    let s = String::deserialize(d)?;
    HoursKind::from_code(&s).ok_or_else(|| {
        serde::de::Error::custom(crate::tr!(
            "input.not-a-choice",
            input = s,
            choices = HoursKind::choices()
        ))
    })
}

fn ser_time<S: Serializer>(time: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
    let t = toml::value::Datetime {
        date: None,
        time: Some(toml::value::Time {
            hour: time.hour() as u8,
            minute: time.minute() as u8,
            second: Some(time.second() as u8),
            nanosecond: None,
        }),
        offset: None,
    };
    t.serialize(s)
}

fn de_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
    let dt = toml::value::Datetime::deserialize(d)?;
    match (dt.date, dt.time, dt.offset) {
        (None, Some(t), None) => {
            NaiveTime::from_hms_opt(t.hour.into(), t.minute.into(), t.second.unwrap_or(0).into())
                .ok_or_else(|| serde::de::Error::custom(crate::tr!("input.hours-time", input = dt)))
        }
        _ => Err(serde::de::Error::custom(crate::tr!(
            "input.hours-time",
            input = dt
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn friday() -> Hours {
        Hours {
            day: Weekday::Fri,
            from: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            to: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            kind: HoursKind::Asylum,
            location: None,
            languages: vec![],
        }
    }

    #[test]
    fn an_hour_covers_from_up_to_but_not_including_to() {
        let h = friday();
        let fri = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert!(h.covers(fri, t(10, 0)));
        assert!(h.covers(fri, t(15, 59)));
        assert!(!h.covers(fri, t(16, 0)));
        assert!(!h.covers(fri, t(9, 59)));
        assert!(!h.covers(fri.pred_opt().unwrap(), t(11, 0)));
        assert_eq!(h.span_text(), "10:00–16:00");
    }

    #[test]
    fn day_codes_round_trip() {
        for (code, day) in DAY_CODES {
            assert_eq!(day_from_code(code), Some(day));
            assert_eq!(day_code(day), code);
        }
        assert_eq!(day_from_code("Friday"), None);
    }

    #[test]
    fn a_wrong_day_or_kind_is_refused_in_the_interface_language() {
        // the tests run in German, the default
        let read = |day: &str, kind: &str| {
            toml::from_str::<Hours>(&format!(
                "day = \"{day}\"\nfrom = 10:00:00\nto = 16:00:00\nkind = \"{kind}\"\n"
            ))
            .unwrap_err()
            .to_string()
        };
        let day = read("freitag", "asylum");
        assert!(
            day.contains("`freitag` ist kein Wochentag: monday"),
            "{day}"
        );
        let time = toml::from_str::<Hours>(
            "day = \"friday\"\nfrom = 2026-01-01\nto = 16:00:00\nkind = \"asylum\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            time.contains("`2026-01-01` ist keine Uhrzeit wie 10:00:00"),
            "{time}"
        );
        let kind = read("friday", "asyl");
        assert!(
            kind.contains(
                "`asyl` ist keiner von asylum (Sprechstunde Schnittstelle Asyl) | organisation"
            ),
            "{kind}"
        );
    }
}
