//! One answer per value type to "is this a value of that type?" and "how
//! is it spelt in a file?" — for the reader's findings, the `add`/`edit`
//! flags and the `list` filters alike, so that the three cannot disagree.
//!
//! [`problem`] gives the end of a sentence whose subject names the value
//! (`` `QQ` `` or `` `origin` = "QQ" ``); the caller says which.

use super::FieldType;
use crate::model::{Config, iso};

/// What is wrong with `s` as one value of `ty` (one item of a list type),
/// `None` when nothing is. Types without a vocabulary are never wrong here.
pub fn problem(ty: &FieldType, s: &str, config: &Config) -> Option<String> {
    match ty {
        FieldType::Topic | FieldType::Topics { .. } => (!config.is_topic(s))
            .then(|| crate::tr!("check.value.topic", codes = config.topic_codes().join(", "))),
        FieldType::Language | FieldType::Languages => {
            (!iso::is_language(s)).then(|| crate::tr!("check.value.language"))
        }
        FieldType::Country => (!iso::is_country(s)).then(|| crate::tr!("check.value.country")),
        FieldType::District => (s != "outside" && !config.in_area(s)).then(|| {
            let mut valid = config.area.districts.clone();
            valid.push("outside".to_string());
            let area = if config.area.name.is_empty() {
                crate::tr!("check.value.the-area")
            } else {
                config.area.name.clone()
            };
            crate::tr!(
                "check.value.district",
                area = area,
                districts = valid.join(", ")
            )
        }),
        FieldType::Code(v) | FieldType::Codes(v) => {
            (!v.contains(s)).then(|| crate::tr!("check.value.choice", choices = (v.choices)()))
        }
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Date
        | FieldType::Time
        | FieldType::Minutes
        | FieldType::Count
        | FieldType::Year
        | FieldType::Bool
        | FieldType::Staff
        | FieldType::Ref(_)
        | FieldType::Refs(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => None,
    }
}

/// `s` as a file spells it: trimmed; language codes in lower case, country codes in upper case, a district as `[area]` spells it,
/// initials as `[staff]` (or `[staff.former]`) spells them (`MS` → `ms`).
pub fn normalise(ty: &FieldType, s: &str, config: &Config) -> String {
    let s = s.trim();
    match ty {
        FieldType::Staff => {
            if config.is_staff(s) {
                return s.to_string();
            }
            config
                .staff
                .keys()
                .chain(config.former_staff.keys())
                .find(|k| k.to_lowercase() == s.to_lowercase())
                .cloned()
                .unwrap_or_else(|| s.to_string())
        }
        FieldType::Language | FieldType::Languages => s.to_ascii_lowercase(),
        FieldType::Country => s.to_ascii_uppercase(),
        FieldType::District => {
            if s.eq_ignore_ascii_case("outside") {
                return "outside".to_string();
            }
            config
                .area
                .districts
                .iter()
                .find(|d| d.to_lowercase() == s.to_lowercase())
                .cloned()
                .unwrap_or_else(|| s.to_string())
        }
        FieldType::Topic
        | FieldType::Topics { .. }
        | FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Date
        | FieldType::Time
        | FieldType::Minutes
        | FieldType::Count
        | FieldType::Year
        | FieldType::Bool
        | FieldType::Code(_)
        | FieldType::Codes(_)
        | FieldType::Ref(_)
        | FieldType::Refs(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        toml::from_str(
            "[office]\nname = \"Test\"\n[area]\nname = \"Viertel\"\ndistricts = [\"Lindenau\", \"Plagwitz\"]\n[staff]\neb = \"E. B.\"\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n",
        )
        .unwrap()
    }

    #[test]
    fn initials_are_spelt_as_the_staff_list_spells_them() {
        let mut c = config();
        c.former_staff.insert("hk".into(), "H. K.".into());
        let n = |s| normalise(&FieldType::Staff, s, &c);
        assert_eq!(n("EB"), "eb");
        assert_eq!(n(" Hk "), "hk");
        assert_eq!(n("eb"), "eb");
        // unknown initials stay as typed: the rule book names them
        assert_eq!(n("XY"), "XY");
    }

    #[test]
    fn values_are_normalised_then_judged() {
        let c = config();
        let n = |ty, s| normalise(&ty, s, &c);
        assert_eq!(n(FieldType::Country, " sy "), "SY");
        assert_eq!(n(FieldType::Language, "AR"), "ar");
        assert_eq!(n(FieldType::District, "plagwitz"), "Plagwitz");
        assert_eq!(n(FieldType::District, "Outside"), "outside");
        assert!(problem(&FieldType::Country, "SY", &c).is_none());
        assert!(
            problem(&FieldType::Country, "QQ", &c)
                .unwrap()
                .contains("ISO 3166-1")
        );
        assert!(problem(&FieldType::Language, "arabic", &c).is_some());
        assert!(problem(&FieldType::Topic, "debts", &c).is_none());
        let d = problem(&FieldType::District, "Grünau", &c).unwrap();
        assert!(
            d.contains("von Viertel; verwenden Sie einen von Lindenau, Plagwitz, outside"),
            "{d}"
        );
    }
}
