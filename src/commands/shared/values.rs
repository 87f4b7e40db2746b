//! Values typed on the command line: judged by the schema's value rules
//! ([`flag_value`]) and list flags cleaned. Free text is the rule book's
//! (its privacy rule judges every write).

use crate::error::{CommandError, Result};
use crate::model::Config;
use crate::schema::FieldType;

/// A value typed for a key of type `ty` (or a filter on one), spelt as a
/// file spells it; exit 2 naming the flag when the schema's judgement
/// ([`crate::schema::value::problem`], the same the reader applies) refuses it.
pub fn flag_value(ty: &FieldType, flag: &str, text: &str, config: &Config) -> Result<String> {
    let v = crate::schema::value::normalise(ty, text, config);
    match crate::schema::value::problem(ty, &v, config) {
        Some(p) => Err(CommandError::usage(format!(
            "{flag}: `{}` {p}{}",
            text.trim(),
            code_of_name(ty, text).unwrap_or_default()
        ))),
        None => Ok(v),
    }
}

/// " — did you mean `ar` (Arabic)?" when a refused language or country is
/// the German or English name of one: records hold codes (SPEC §1.2), and
/// people type names.
fn code_of_name(ty: &FieldType, text: &str) -> Option<String> {
    let lang = crate::i18n::lang();
    let (code, name) = match ty {
        FieldType::Language | FieldType::Languages => {
            let code = crate::names::language_code(text)?;
            let name = crate::names::language(&code, lang);
            (code, name)
        }
        FieldType::Country => {
            let code = crate::names::country_code(text)?;
            let name = crate::names::country(&code, lang);
            (code, name)
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
        | FieldType::Code(_)
        | FieldType::Codes(_)
        | FieldType::Topic
        | FieldType::Topics { .. }
        | FieldType::District
        | FieldType::Staff
        | FieldType::Ref(_)
        | FieldType::Refs(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => return None,
    };
    Some(crate::tr!("input.code-of-name", code = code, name = name))
}

/// The items of a list flag (`--x a,b` or `--x a --x b`): trimmed, empty ones dropped.
pub fn list_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect()
}

/// A list flag's values: trimmed, non-empty, each once, in the order given.
pub fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o == i) {
            out.push(i.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        toml::from_str(
            "[office]\nname = \"Test\"\n[area]\nname = \"Viertel\"\ndistricts = [\"Lindenau\", \"Plagwitz\"]\n",
        )
        .unwrap()
    }

    #[test]
    fn flag_values_are_normalised_or_refused_naming_the_flag() {
        let c = config();
        assert_eq!(
            flag_value(&FieldType::Country, "--origin", "sy", &c).unwrap(),
            "SY"
        );
        let e = flag_value(&FieldType::Country, "--origin", "QQ", &c).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(
            e.message
                .starts_with("--origin: `QQ` ist kein Ländercode nach ISO 3166-1"),
            "{}",
            e.message
        );
        let e = flag_value(&FieldType::District, "--district", "Grünau", &c).unwrap_err();
        assert!(
            e.message.contains("Lindenau, Plagwitz, outside"),
            "{}",
            e.message
        );
    }
}
