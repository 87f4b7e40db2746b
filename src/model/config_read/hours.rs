//! Reading `[[hours]]` of `quartier.toml`: every entry checked on its own, a
//! bad one reported with its line and left out, the others kept.

use super::Fields;
use crate::model::Code;
use crate::model::hours::{Hours, HoursKind, day_from_code};
use crate::model::iso;
use toml::de::DeValue;

/// The `[[hours]]` entries of the settings file (none when absent).
pub(super) fn read_hours(f: &mut Fields) -> Vec<Hours> {
    let Some(v) = f.take("hours") else {
        return Vec::new();
    };
    let DeValue::Array(items) = v.get_ref() else {
        f.wrong_type("hours", v, &crate::tr!("check.expected.hours"));
        return Vec::new();
    };
    let mut hours = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let DeValue::Table(t) = item.get_ref() else {
            f.wrong_type("hours", item, &crate::tr!("check.expected.hours-entry"));
            continue;
        };
        let entry = f.nested(t, format!("hours[{}].", n + 1), |h| {
            let day_span = h.span_of("day");
            let day = match h.opt_str("day") {
                Some(code) => {
                    let day = day_from_code(&code);
                    if day.is_none() {
                        h.error(
                            day_span,
                            crate::finding!(
                                "hours-weekday",
                                key = format!("{}day", h.prefix),
                                value = code
                            ),
                        );
                    }
                    day
                }
                None => {
                    if day_span.is_none() {
                        h.missing("day", "\"friday\"");
                    }
                    None
                }
            };
            let from = required_time(h, "from", "10:00:00");
            let to = required_time(h, "to", "16:00:00");
            let kind_present = h.span_of("kind").is_some();
            let kind = h.opt_code::<HoursKind>("kind");
            if !kind_present {
                h.missing("kind", &format!("\"{}\"", HoursKind::Asylum.code()));
            }
            let location = h.opt_str("location");
            let languages = h.list("languages");
            let mut bad = false;
            for (code, span) in &languages {
                if !iso::is_language(code) {
                    h.error(Some(span.clone()), crate::model::fields::bad_language(code));
                    bad = true;
                }
            }
            if let (Some(from), Some(to)) = (from, to)
                && from >= to
            {
                let span = h.span_of("to");
                h.error(
                    span,
                    crate::finding!(
                        "hours-reversed",
                        key = format!("{}to", h.prefix),
                        to = to.format("%H:%M"),
                        from = from.format("%H:%M")
                    ),
                );
                return None;
            }
            if bad {
                return None;
            }
            Some(Hours {
                day: day?,
                from: from?,
                to: to?,
                kind: kind?,
                location,
                languages: languages.into_iter().map(|(c, _)| c).collect(),
            })
        });
        hours.extend(entry);
    }
    hours
}

fn required_time(h: &mut Fields, key: &'static str, example: &str) -> Option<chrono::NaiveTime> {
    let present = h.span_of(key).is_some();
    let t = h.opt_time(key);
    if !present {
        h.missing(key, example);
    }
    t
}

#[cfg(test)]
mod tests {
    use crate::model::hours::HoursKind;
    use crate::model::read::read_config;
    use chrono::Weekday;

    const OFFICE: &str = "[office]\nname = \"x\"\n";

    /// The messages of the problems with `code` whose span lies in the
    /// `entry`-th (1-based) `[[hours]]` of `text`, its header included: found
    /// by code and place, never by wording.
    fn messages_at<'p>(
        text: &str,
        problems: &'p [crate::model::read::Problem],
        code: &str,
        entry: usize,
    ) -> Vec<&'p str> {
        problems
            .iter()
            .filter(|p| p.code.as_str() == code)
            .filter(|p| {
                p.span.as_ref().is_some_and(|s| {
                    let headers = text.match_indices("[[hours]]");
                    headers.filter(|(at, _)| *at <= s.start).count() == entry
                })
            })
            .map(|p| p.message.as_str())
            .collect()
    }

    #[test]
    fn two_hours_read_with_their_fields() {
        let text = format!(
            "{OFFICE}[[hours]]\nday = \"friday\"\nfrom = 10:00:00\nto = 16:00:00\nkind = \"asylum\"\nlocation = \"Stadtteilladen\"\nlanguages = [\"de\", \"ar\"]\n\n[[hours]]\nday = \"tuesday\"\nfrom = 10:00:00\nto = 16:00:00\nkind = \"organisation\"\n"
        );
        let (config, problems) = read_config(&text);
        assert!(problems.is_empty(), "{problems:?}");
        let hours = config.unwrap().hours;
        assert_eq!(hours.len(), 2);
        assert_eq!(hours[0].day, Weekday::Fri);
        assert_eq!(hours[0].languages, ["de", "ar"]);
        assert_eq!(hours[0].location.as_deref(), Some("Stadtteilladen"));
        assert_eq!(hours[1].kind, HoursKind::Organisation);
    }

    #[test]
    fn a_bad_entry_is_named_and_left_out_the_good_one_kept() {
        let text = format!(
            "{OFFICE}[[hours]]\nday = \"freitag\"\nfrom = 10:00:00\nto = 16:00:00\nkind = \"asylum\"\n\n[[hours]]\nday = \"monday\"\nfrom = 14:00:00\nto = 12:00:00\nkind = \"asylum\"\n\n[[hours]]\nday = \"tuesday\"\nfrom = 10:00:00\nto = 12:00:00\nkind = \"walk-in\"\nlanguages = [\"arabic\"]\nroom = \"2\"\n\n[[hours]]\nday = \"wednesday\"\nfrom = 09:00:00\nto = 12:00:00\nkind = \"other\"\n"
        );
        let (config, problems) = read_config(&text);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        let weekday = messages_at(&text, &problems, "hours-weekday", 1);
        assert!(
            weekday.iter().any(|m| m.contains("hours[1].day"))
                && messages.iter().any(|m| m.contains("freitag")),
            "{messages:?}"
        );
        let reversed = messages_at(&text, &problems, "hours-reversed", 2);
        assert!(
            reversed.iter().any(|m| m.contains("hours[2].to")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("hours[3].kind") && m.contains("walk-in")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("arabic")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("hours[3].room")),
            "{messages:?}"
        );
        assert!(problems.iter().all(|p| p.span.is_some()), "{problems:?}");
        let hours = config.unwrap().hours;
        assert_eq!(hours.len(), 1, "{hours:?}");
        assert_eq!(hours[0].day, Weekday::Wed);
    }

    #[test]
    fn missing_keys_are_named() {
        let text = format!(
            "{OFFICE}[[hours]]\nday = \"friday\"\nfrom = 10:00:00\nto = 12:00:00\nkind = \"asylum\"\n\n[[hours]]\nlocation = \"Laden\"\n"
        );
        let (_, problems) = read_config(&text);
        // a missing key is placed at its entry's `[[hours]]`
        let missing = messages_at(&text, &problems, "missing-key", 2);
        assert!(messages_at(&text, &problems, "missing-key", 1).is_empty());
        for key in ["day", "from", "to", "kind"] {
            assert!(
                missing
                    .iter()
                    .any(|m| m.contains(&format!("`hours[2].{key}`"))),
                "{key}: {problems:?}"
            );
        }
    }

    #[test]
    fn hours_survive_a_write_and_read_back() {
        let text = format!(
            "{OFFICE}[[hours]]\nday = \"friday\"\nfrom = 10:00:00\nto = 16:00:00\nkind = \"asylum\"\nlanguages = [\"fa\"]\n"
        );
        let (config, _) = read_config(&text);
        let config = config.unwrap();
        let written = toml::to_string(&config).unwrap();
        let (again, problems) = read_config(&written);
        assert!(problems.is_empty(), "{problems:?}\n{written}");
        assert_eq!(again.unwrap(), config);
    }
}
