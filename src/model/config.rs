//! `quartier.toml`: the office settings every command reads first.

use super::{BuiltinTopic, Code, Lang};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub office: Office,
    #[serde(default)]
    pub area: Area,
    /// Initials used in records → display name.
    #[serde(default)]
    pub staff: BTreeMap<String, String>,
    /// `[staff.former]`: initials valid in old records, never offered (v2).
    #[serde(skip)]
    pub former_staff: BTreeMap<String, String>,
    /// Yearly targets, keyed by the year as written (`[targets.2026]`).
    #[serde(default)]
    pub targets: BTreeMap<String, Targets>,
    #[serde(default)]
    pub sponsors: SponsorSettings,
    #[serde(default)]
    pub topics: TopicSettings,
    #[serde(default)]
    pub git: GitSettings,
    /// (v2) `[esf]`: which ESF regulation's rules the reports follow.
    #[serde(default)]
    pub esf: EsfSettings,
    /// The regular consultation hours (`[[hours]]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hours: Vec<super::hours::Hours>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub name: String,
    #[serde(default)]
    pub operator: String,
    #[serde(default)]
    pub programme: String,
    #[serde(
        default,
        deserialize_with = "deserialize_lang",
        serialize_with = "serialize_lang"
    )]
    pub language: Lang,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub districts: Vec<String>,
}

/// The figures a year can have a target for (§3.5), in report order.
pub const TARGET_KEYS: [&str; 9] = [
    "consultations",
    "unique_clients",
    "new_clients",
    "events",
    "event_participants",
    "sponsor_meetings",
    "referrals",
    "contacts",
    "organisation_consultations",
];

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    pub consultations: Option<u64>,
    pub unique_clients: Option<u64>,
    pub new_clients: Option<u64>,
    pub events: Option<u64>,
    pub event_participants: Option<u64>,
    pub sponsor_meetings: Option<u64>,
    pub referrals: Option<u64>,
    /// (v2) Short contacts.
    pub contacts: Option<u64>,
    /// (v2) Consultations of organisations.
    pub organisation_consultations: Option<u64>,
}

impl Targets {
    /// The configured targets as (key, target), in the order of [`TARGET_KEYS`].
    pub fn entries(&self) -> Vec<(&'static str, u64)> {
        let values = [
            self.consultations,
            self.unique_clients,
            self.new_clients,
            self.events,
            self.event_participants,
            self.sponsor_meetings,
            self.referrals,
            self.contacts,
            self.organisation_consultations,
        ];
        TARGET_KEYS
            .iter()
            .zip(values)
            .filter_map(|(k, v)| v.map(|v| (*k, v)))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SponsorSettings {
    #[serde(default = "default_stale_after_days")]
    pub stale_after_days: i64,
}

impl Default for SponsorSettings {
    fn default() -> Self {
        SponsorSettings {
            stale_after_days: default_stale_after_days(),
        }
    }
}

fn default_stale_after_days() -> i64 {
    60
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSettings {
    /// Office-specific topic codes with their labels.
    #[serde(default)]
    pub codes: BTreeMap<String, TopicLabels>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TopicLabels {
    pub de: String,
    pub en: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GitSettings {
    /// Commit every record a command writes.
    #[serde(default)]
    pub auto_commit: bool,
}

/// (v2) `[esf]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EsfSettings {
    #[serde(default)]
    pub regulation: Regulation,
}

/// `[esf] regulation`: the ESF regulation whose age bands the reports use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Regulation {
    /// ESF+ 2021–2027, Regulation (EU) 2021/1057 (the default).
    #[default]
    #[serde(rename = "2021/1057")]
    Esf2021,
    /// ESF 2014–2020, Regulation (EU) No 1304/2013.
    #[serde(rename = "1304/2013")]
    Esf2014,
}

impl Regulation {
    pub const ALL: [Regulation; 2] = [Regulation::Esf2021, Regulation::Esf2014];

    /// As written in `quartier.toml`.
    pub fn code(self) -> &'static str {
        match self {
            Regulation::Esf2021 => "2021/1057",
            Regulation::Esf2014 => "1304/2013",
        }
    }

    pub fn from_code(code: &str) -> Option<Regulation> {
        Regulation::ALL.into_iter().find(|r| r.code() == code)
    }
}

impl Config {
    /// The targets configured for `year`, if any.
    pub fn targets_for(&self, year: i32) -> Option<&Targets> {
        self.targets.get(&year.to_string())
    }

    /// Whether `code` is a built-in or office topic code.
    pub fn is_topic(&self, code: &str) -> bool {
        BuiltinTopic::from_code(code).is_some() || self.topics.codes.contains_key(code)
    }

    /// All topic codes, built-in first.
    pub fn topic_codes(&self) -> Vec<String> {
        BuiltinTopic::ALL
            .iter()
            .map(|t| t.code().to_string())
            .chain(self.topics.codes.keys().cloned())
            .collect()
    }

    /// The label of a topic code; unknown codes are shown as they are.
    pub fn topic_label(&self, code: &str, lang: Lang) -> String {
        if let Some(t) = BuiltinTopic::from_code(code) {
            return t.label(lang).to_string();
        }
        match self.topics.codes.get(code) {
            Some(l) => lang.pick(&l.de, &l.en).to_string(),
            None => code.to_string(),
        }
    }

    /// Whether `district` is one of the area's districts.
    pub fn in_area(&self, district: &str) -> bool {
        self.area.districts.iter().any(|d| d == district)
    }

    /// Display name of staff initials (current or former); unknown initials
    /// are shown as they are.
    pub fn staff_name<'a>(&'a self, initials: &'a str) -> &'a str {
        self.staff
            .get(initials)
            .or_else(|| self.former_staff.get(initials))
            .map_or(initials, String::as_str)
    }

    /// Whether the initials are listed under `[staff]` or `[staff.former]`.
    pub fn is_staff(&self, initials: &str) -> bool {
        self.staff.contains_key(initials) || self.former_staff.contains_key(initials)
    }
}

fn deserialize_lang<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
    let s = String::deserialize(d)?;
    Lang::from_code(&s).ok_or_else(|| {
        serde::de::Error::custom(crate::tr!(
            "input.not-a-choice",
            input = s,
            choices = "de | en"
        ))
    })
}

fn serialize_lang<S: serde::Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(lang.code())
}

/// The `quartier.toml` that `quartier init` writes: the Leipziger Westen
/// defaults, commented in German.
pub const DEFAULT_CONFIG: &str = include_str!("quartier.de.toml");

/// The same settings commented in English.
const DEFAULT_CONFIG_EN: &str = include_str!("quartier.en.toml");

/// The template commented in `lang`; every one holds the same settings.
pub fn config_template(lang: Lang) -> &'static str {
    match lang {
        Lang::De => DEFAULT_CONFIG,
        Lang::En => DEFAULT_CONFIG_EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_parses_without_problems() {
        let (c, problems) = crate::model::read::read_config(DEFAULT_CONFIG);
        assert!(problems.is_empty(), "{problems:?}");
        let c = c.unwrap();
        assert_eq!(c.area.districts.len(), 6);
        assert_eq!(c.sponsors.stale_after_days, 60);
        assert!(c.office.programme.starts_with("ESF Plus 2021–2027"));
    }

    /// Every commented example of each template is valid once uncommented,
    /// so a person who follows it gets no finding.
    #[test]
    fn default_config_examples_are_valid_when_uncommented() {
        let key = regex::Regex::new(r"^# (\[|[a-z_]+ +=)").unwrap();
        for lang in [Lang::De, Lang::En] {
            let uncommented: String = config_template(lang)
                .lines()
                .map(|l| if key.is_match(l) { &l[2..] } else { l })
                .flat_map(|l| [l, "\n"])
                .collect();
            assert!(uncommented.contains("\n[esf]") && uncommented.contains("\n[[hours]]"));
            let (c, problems) = crate::model::read::read_config(&uncommented);
            assert!(problems.is_empty(), "{problems:?}\n{uncommented}");
            let c = c.unwrap();
            assert_eq!(c.hours.len(), 1);
            assert!(c.former_staff.contains_key("hk"));
        }
    }

    /// The templates differ in their comments only: the same settings, and
    /// the same lines once comments are taken away.
    #[test]
    fn the_templates_hold_the_same_settings_in_their_language() {
        let read = |text| crate::model::read::read_config(text).0.unwrap();
        assert_eq!(
            read(config_template(Lang::De)),
            read(config_template(Lang::En))
        );
        let settings = |text: &'static str| -> Vec<String> {
            text.lines()
                .map(|l| l.split(" #").next().unwrap().trim_end().to_string())
                .filter(|l| !l.is_empty() && !l.starts_with("# ") || l.starts_with("# ["))
                .map(|l| l.split("  ").next().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            settings(config_template(Lang::De)),
            settings(config_template(Lang::En))
        );
        assert!(config_template(Lang::De).contains("# Kürzel"));
        assert!(config_template(Lang::En).contains("# initials"));
        assert!(!config_template(Lang::De).contains("# initials"));
    }

    #[test]
    fn a_written_config_reads_back_equal() {
        let text = "[office]\nname = \"x\"\nlanguage = \"en\"\n[area]\ndistricts = [\"Lindenau\"]\n[staff]\neb = \"E. B.\"\n[targets.2026]\nconsultations = 300\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n[git]\nauto_commit = true\n";
        for source in [DEFAULT_CONFIG, text] {
            let (config, problems) = crate::model::read::read_config(source);
            assert!(problems.is_empty(), "{problems:?}");
            let written = toml::to_string(&config).unwrap();
            let (again, problems) = crate::model::read::read_config(&written);
            assert!(problems.is_empty(), "{problems:?}\n{written}");
            assert_eq!(again, config, "{written}");
        }
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err =
            toml::from_str::<Config>("[office]\nname = \"x\"\nlanguag = \"de\"\n").unwrap_err();
        assert!(err.to_string().contains("languag"), "{err}");
    }

    #[test]
    fn a_wrong_language_is_refused_in_the_interface_language() {
        // the tests run in German, the default
        let err =
            toml::from_str::<Config>("[office]\nname = \"x\"\nlanguage = \"fr\"\n").unwrap_err();
        assert!(
            err.to_string().contains("`fr` ist keiner von de | en"),
            "{err}"
        );
    }

    #[test]
    fn targets_by_year_and_custom_topics() {
        let c: Config = toml::from_str(
            "[office]\nname = \"x\"\n[targets.2026]\nconsultations = 300\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n",
        )
        .unwrap();
        assert_eq!(
            c.targets_for(2026).unwrap().entries(),
            vec![("consultations", 300)]
        );
        assert!(c.targets_for(2025).is_none());
        assert!(c.is_topic("debts") && c.is_topic("housing") && !c.is_topic("debt"));
        assert_eq!(c.topic_label("debts", Lang::En), "Debts");
    }
}
