//! The messages of the TOML reader in the interface language. The `toml`
//! crate speaks English ("string values must be quoted, expected literal
//! string"); `check`, every write and the personal settings show its
//! message, so in German the description and what was expected are looked
//! up in the catalogue (`[toml-error."…"]`, `[toml-expected."…"]` in
//! findings.toml, keyed by the English text). A message the catalogue does
//! not know is shown as the reader wrote it.

use crate::model::Lang;

/// `message` (the reader's, first line) in the interface language.
pub fn localize(message: &str) -> String {
    localize_in(super::lang(), message)
}

/// [`localize`] in `lang` (of the message's first line, the reader's own).
pub fn localize_in(lang: Lang, message: &str) -> String {
    let message = message.lines().next().unwrap_or_default().trim();
    match lang {
        Lang::En => message.to_string(),
        Lang::De => german(message).unwrap_or_else(|| message.to_string()),
    }
}

fn german(message: &str) -> Option<String> {
    if let Some(said) = serde_german(message) {
        return Some(said);
    }
    let (description, expected) = match message.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (message, None),
    };
    let mut out = super::lookup(Lang::De, &format!("toml-error.{description}"))?.to_string();
    if let Some(expected) = expected {
        let items: Vec<String> = expected.split(", ").map(expected_item).collect();
        out.push_str("; ");
        out.push_str(&super::fill(
            super::t_in(Lang::De, "toml-error.expected"),
            &[("items", &items.join(", "))],
        ));
    }
    Some(out)
}

/// serde's messages of a value of the wrong type or a key it does not
/// know, as far as their words are the catalogue's:
/// "invalid type: integer `3`, expected a string" →
/// "falscher Wert: eine Zahl (`3`), erwartet: Text".
fn serde_german(message: &str) -> Option<String> {
    let noun = |english: &str| {
        let english = english.replace("floating point", "float");
        let (word, value) = match english.split_once(' ') {
            Some((w, v)) => (w, Some(v)),
            None => (english.as_str(), None),
        };
        let word = word.trim_start_matches("a ").trim_start_matches("an ");
        let german = super::lookup(Lang::De, &format!("serde-type.{word}"))?;
        Some(match value {
            Some(v) => format!("{german} ({v})"),
            None => german.to_string(),
        })
    };
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (got, want) = rest.split_once(", expected ")?;
        let want = want.trim_start_matches("a ").trim_start_matches("an ");
        return Some(super::fill(
            super::t_in(Lang::De, "serde.invalid-type"),
            &[("got", &noun(got)?), ("want", &noun(want)?)],
        ));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, known) = rest.split_once(", expected ")?;
        let known = known.trim_start_matches("one of ").replace(" or ", ", ");
        return Some(super::fill(
            super::t_in(Lang::De, "serde.unknown-field"),
            &[("field", &field), ("known", &known)],
        ));
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return Some(super::fill(
            super::t_in(Lang::De, "serde.missing-field"),
            &[("field", &field)],
        ));
    }
    None
}

/// One thing the reader expected: a literal (`` `=` ``) as it is, a
/// description by the catalogue.
fn expected_item(item: &str) -> String {
    if item.starts_with('`') || item.starts_with('\'') {
        return item.to_string();
    }
    super::lookup(Lang::De, &format!("toml-expected.{item}"))
        .map_or_else(|| item.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader_message(text: &str) -> String {
        let e = toml::de::DeTable::parse(text).unwrap_err();
        e.message()
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    #[test]
    fn the_reader_s_messages_speak_german() {
        let m = reader_message("first_contact = \n");
        assert_eq!(m, "string values must be quoted, expected literal string");
        assert_eq!(
            localize_in(Lang::De, &m),
            "Text muss in Anführungszeichen stehen; erwartet: Text in Anführungszeichen"
        );
        assert_eq!(localize_in(Lang::En, &m), m);
        let m = reader_message("a = [\"x\" \"y\"]\n");
        assert_eq!(
            localize_in(Lang::De, &m),
            "zwischen den Einträgen der Liste fehlt ein Komma; erwartet: `,`"
        );
        let m = reader_message("a = 1\na = 2\n");
        assert_eq!(localize_in(Lang::De, &m), "doppelter Schlüssel");
    }

    #[test]
    fn serde_s_messages_speak_german() {
        assert_eq!(
            localize_in(Lang::De, "invalid type: integer `3`, expected a string"),
            "falscher Wert: eine Zahl (`3`), erwartet: Text"
        );
        assert_eq!(
            localize_in(
                Lang::De,
                "unknown field `colour`, expected `name` or `language`"
            ),
            "unbekannter Schlüssel `colour`; möglich sind `name`, `language`"
        );
        assert_eq!(
            localize_in(Lang::De, "missing field `name`"),
            "es fehlt der Schlüssel `name`"
        );
        assert_eq!(
            localize_in(Lang::De, "invalid type: floating point `1.5`, expected i64"),
            "falscher Wert: eine Kommazahl (`1.5`), erwartet: eine ganze Zahl"
        );
        // a type the catalogue does not know: as serde said it
        let odd = "invalid type: newtype struct, expected a string";
        assert_eq!(localize_in(Lang::De, odd), odd);
    }

    #[test]
    fn an_unknown_message_is_shown_as_it_is() {
        assert_eq!(localize_in(Lang::De, "something new"), "something new");
    }

    /// Every description and expectation of the catalogue is one the reader
    /// can say: the English side is the key.
    #[test]
    fn the_catalogue_keys_are_their_english_texts() {
        let cat = crate::i18n::parse_catalogue(include_str!("findings.toml")).unwrap();
        let mut seen = 0;
        for (id, e) in &cat {
            for prefix in ["toml-error.", "toml-expected."] {
                if let Some(key) = id.strip_prefix(prefix)
                    && id != "toml-error.expected"
                {
                    assert_eq!(key, e.en, "{id}");
                    seen += 1;
                }
            }
        }
        assert!(seen > 60, "{seen}");
    }
}
