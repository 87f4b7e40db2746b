//! Reading `quartier.toml` into [`Config`], with every problem and its span.

use super::config::{
    Area, EsfSettings, GitSettings, Office, Regulation, SponsorSettings, TARGET_KEYS, Targets,
    TopicLabels, TopicSettings,
};
use super::fields::{Fields, first_line};
use super::kind::is_slug;
use super::read::Problem;
use super::*;
use crate::{finding, tr};
use std::collections::{BTreeMap, BTreeSet};
use toml::de::{DeTable, DeValue};

mod hours;

/// Reads `quartier.toml`. Returns the settings (whatever could be read, with
/// defaults for the rest) unless the TOML itself is broken, and all problems.
pub fn read_config(text: &str) -> (Option<Config>, Vec<Problem>) {
    let mut problems = Vec::new();
    let table = match DeTable::parse(text) {
        Ok(t) => t,
        Err(e) => {
            problems.push(Problem::error(
                e.span(),
                finding!(
                    "toml-syntax",
                    problem = crate::i18n::toml_errors::localize(&first_line(e.message()))
                ),
            ));
            return (None, problems);
        }
    };
    let mut f = Fields::new(table.get_ref(), &mut problems);
    let office = match f.subtable("office") {
        Some(t) => f.nested(t, "office.".into(), read_office),
        None => {
            if f.span_of("office").is_none() {
                f.error(None, finding!("config-no-office"));
            }
            Office {
                name: String::new(),
                operator: String::new(),
                programme: String::new(),
                language: Lang::De,
            }
        }
    };
    let area = f
        .subtable("area")
        .map(|t| f.nested(t, "area.".into(), read_area))
        .unwrap_or_default();
    let (staff, former_staff) = f
        .subtable("staff")
        .map(|t| f.nested(t, "staff.".into(), read_staff))
        .unwrap_or_default();
    let targets = f
        .subtable("targets")
        .map(|t| f.nested(t, "targets.".into(), read_targets))
        .unwrap_or_default();
    let sponsors = f
        .subtable("sponsors")
        .map(|t| f.nested(t, "sponsors.".into(), read_sponsor_settings))
        .unwrap_or_default();
    let topics = f
        .subtable("topics")
        .map(|t| f.nested(t, "topics.".into(), read_topic_settings))
        .unwrap_or_default();
    let git = f
        .subtable("git")
        .map(|t| {
            f.nested(t, "git.".into(), |g| GitSettings {
                auto_commit: g.opt_bool("auto_commit"),
            })
        })
        .unwrap_or_default();
    let esf = f
        .subtable("esf")
        .map(|t| f.nested(t, "esf.".into(), read_esf))
        .unwrap_or_default();
    let hours = hours::read_hours(&mut f);
    f.finish();
    let config = Config {
        office,
        area,
        staff,
        former_staff,
        targets,
        sponsors,
        topics,
        git,
        esf,
        hours,
    };
    (Some(config), problems)
}

fn read_office(f: &mut Fields) -> Office {
    let name = f.req_str("name").unwrap_or_default();
    let operator = f.opt_str("operator").unwrap_or_default();
    let programme = f.opt_str("programme").unwrap_or_default();
    let span = f.span_of("language");
    let language = match f.opt_str("language") {
        None => Lang::De,
        Some(code) => Lang::from_code(&code).unwrap_or_else(|| {
            f.error(span, finding!("config-language", value = code));
            Lang::De
        }),
    };
    Office {
        name,
        operator,
        programme,
        language,
    }
}

fn read_area(f: &mut Fields) -> Area {
    let name = f.opt_str("name").unwrap_or_default();
    let mut seen = BTreeSet::new();
    let mut districts = Vec::new();
    for (d, span) in f.list("districts") {
        if d == "outside" {
            f.error(Some(span), finding!("config-outside-reserved"));
        } else if !seen.insert(d.clone()) {
            f.error(Some(span), finding!("config-district-twice", value = d));
        } else {
            districts.push(d);
        }
    }
    Area { name, districts }
}

/// `[staff]` (initials → name) and its table `[staff.former]`.
fn read_staff(f: &mut Fields) -> (BTreeMap<String, String>, BTreeMap<String, String>) {
    let mut staff = BTreeMap::new();
    let mut former = BTreeMap::new();
    for (initials, _, v) in f.take_all() {
        match v.get_ref() {
            DeValue::String(name) => {
                staff.insert(initials.to_string(), name.to_string());
            }
            DeValue::Table(t) if initials == "former" => f.nested(t, "staff.former.".into(), |g| {
                for (initials, _, v) in g.take_all() {
                    match v.get_ref() {
                        DeValue::String(name) => {
                            former.insert(initials.to_string(), name.to_string());
                        }
                        _ => g.wrong_type(initials, v, &tr!("check.expected.staff-former")),
                    }
                }
            }),
            _ => f.wrong_type(initials, v, &tr!("check.expected.staff")),
        }
    }
    (staff, former)
}

fn read_targets(f: &mut Fields) -> BTreeMap<String, Targets> {
    let mut targets = BTreeMap::new();
    for (year, span, v) in f.take_all() {
        if year
            .parse::<i32>()
            .map_or(true, |y| !(1900..=9999).contains(&y))
        {
            f.error(Some(span), finding!("config-target-year", value = year));
            continue;
        }
        let DeValue::Table(t) = v.get_ref() else {
            f.wrong_type(year, v, &tr!("check.expected.targets"));
            continue;
        };
        let t = f.nested(t, format!("targets.{year}."), |t| {
            let [
                consultations,
                unique_clients,
                new_clients,
                events,
                event_participants,
                sponsor_meetings,
                referrals,
                contacts,
                organisation_consultations,
            ] = TARGET_KEYS.map(|key| t.opt_count(key));
            Targets {
                consultations,
                unique_clients,
                new_clients,
                events,
                event_participants,
                sponsor_meetings,
                referrals,
                contacts,
                organisation_consultations,
            }
        });
        targets.insert(year.to_string(), t);
    }
    targets
}

fn read_sponsor_settings(f: &mut Fields) -> SponsorSettings {
    let mut settings = SponsorSettings::default();
    let span = f.span_of("stale_after_days");
    if let Some(days) = f.opt_int("stale_after_days") {
        if days < 1 {
            f.error(span, finding!("config-stale-days", value = days));
        } else {
            settings.stale_after_days = days;
        }
    }
    settings
}

fn read_esf(f: &mut Fields) -> EsfSettings {
    let span = f.span_of("regulation");
    let regulation = match f.opt_str("regulation") {
        None => Regulation::default(),
        Some(code) => Regulation::from_code(&code).unwrap_or_else(|| {
            f.error(span, finding!("config-regulation", value = code));
            Regulation::default()
        }),
    };
    EsfSettings { regulation }
}

fn read_topic_settings(f: &mut Fields) -> TopicSettings {
    let mut codes = BTreeMap::new();
    if let Some(t) = f.subtable("codes") {
        f.nested(t, "topics.codes.".into(), |c| {
            for (code, span, v) in c.take_all() {
                if BuiltinTopic::from_code(code).is_some() {
                    c.error(Some(span), finding!("config-topic-builtin", value = code));
                    continue;
                }
                if !is_slug(code) {
                    c.error(Some(span), finding!("config-topic-code", value = code));
                    continue;
                }
                let DeValue::Table(labels) = v.get_ref() else {
                    c.wrong_type(code, v, &tr!("check.expected.topic-labels"));
                    continue;
                };
                let labels = c.nested(labels, format!("topics.codes.{code}."), |l| {
                    Some(TopicLabels {
                        de: l.req_str("de")?,
                        en: l.req_str("en")?,
                    })
                });
                if let Some(labels) = labels {
                    codes.insert(code.to_string(), labels);
                }
            }
        });
    }
    TopicSettings { codes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_reads_as_serde_would() {
        for text in [
            super::super::config::DEFAULT_CONFIG,
            "[office]\nname = \"x\"\nlanguage = \"en\"\n[staff]\neb = \"E. B.\"\n[targets.2026]\nconsultations = 300\nnew_clients = 5\n[sponsors]\nstale_after_days = 30\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n[git]\nauto_commit = true\n",
        ] {
            let (config, problems) = read_config(text);
            assert_eq!(problems, vec![]);
            assert_eq!(config, Some(toml::from_str::<Config>(text).unwrap()));
        }
    }

    #[test]
    fn config_problems_have_spans_and_the_rest_is_read() {
        let text = "[office]\nname = \"x\"\nlanguage = \"fr\"\n[area]\ndistricts = [\"A\"]\n[targets.20x6]\nevents = 1\n[sponsor]\nx = 1\n";
        let (config, problems) = read_config(text);
        let config = config.unwrap();
        assert_eq!(config.area.districts, ["A"]);
        let lines: Vec<(usize, &str, &str)> = problems
            .iter()
            .map(|p| {
                let at = p.span.clone().expect("a span").start;
                (
                    text[..at].matches('\n').count() + 1,
                    p.code.as_str(),
                    p.message.as_str(),
                )
            })
            .collect();
        assert!(
            lines
                .iter()
                .any(|(l, c, _)| *l == 3 && *c == "config-language"),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(l, c, _)| *l == 6 && *c == "config-target-year"),
            "{lines:?}"
        );
        assert!(
            lines.iter().any(|(l, c, m)| *l == 8
                && *c == "unknown-key-did-you-mean"
                && m.contains("`sponsor`")
                && m.contains("`sponsors`")),
            "{lines:?}"
        );
    }

    #[test]
    fn missing_office_is_a_problem() {
        let (config, problems) = read_config("[area]\nname = \"x\"\n");
        assert!(config.is_some());
        assert_eq!(problems[0].code.as_str(), "config-no-office");
    }
}
