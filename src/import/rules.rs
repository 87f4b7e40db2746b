//! The rules file of an import: which column becomes which key of the
//! record, which cell texts become which codes, and which keys every
//! imported record gets (constants) or gets when its cell is empty
//! (defaults). Like hledger's CSV rules, it is kept next to the sheet and
//! used again for the next export of the same list.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What can be wrong with a rules file (texts from the catalogue, in the
/// interface language).
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("{}", crate::tr!("import.rules-unreadable", path = .path.display(), problem = crate::error::IoProblem(.source)))]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {message}", .path.display())]
    Syntax { path: PathBuf, message: String },
    #[error("{}", crate::tr!("import.rules-no-columns", path = .path.display()))]
    NoColumns { path: PathBuf },
    #[error("{}", crate::tr!("import.rules-reserved", path = .path.display(), key = .key))]
    Reserved { path: PathBuf, key: String },
    #[error("{}", crate::tr!("import.rules-delimiter", path = .path.display(), given = .given))]
    Delimiter { path: PathBuf, given: String },
}

/// A rules file as written.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Column heading → record key (`participants.total` for a sub-table).
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// Record key → (cell text → value), e.g. German labels to topic codes.
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, String>>,
    /// Keys every record gets, whatever the sheet says.
    #[serde(default)]
    pub constants: BTreeMap<String, toml::Value>,
    /// Keys a record gets when its cell is empty or its column is absent.
    #[serde(default)]
    pub defaults: BTreeMap<String, toml::Value>,
    /// How to read the file.
    #[serde(default)]
    pub options: Options,
}

/// How to read the sheet.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// CSV field separator; detected from the heading line when absent.
    pub delimiter: Option<String>,
    /// Worksheet of an .xlsx/.ods file; the first when absent.
    pub sheet: Option<String>,
}

/// The sections a rules file may have.
const SECTIONS: [&str; 5] = ["columns", "values", "constants", "defaults", "options"];

/// Keys only quartier itself writes.
const RESERVED: [&str; 1] = ["import"];

impl Rules {
    /// Reads and checks a rules file.
    pub fn read(path: &Path) -> Result<Rules, RulesError> {
        let text = crate::store::read_utf8(path).map_err(|source| RulesError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Rules::parse(&text, path)
    }

    /// Parses and checks the text of a rules file named `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Rules, RulesError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // "line N: …" in the interface language: the reader's syntax
        // errors localized, an unknown section named by us (serde's
        // own words are English)
        let line_of = |span: Option<std::ops::Range<usize>>| {
            span.map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            })
        };
        let syntax = |line: usize, problem: String| RulesError::Syntax {
            path: path.to_path_buf(),
            message: crate::tr!("import.rules-syntax", line = line, problem = problem),
        };
        let table = toml::de::DeTable::parse(text).map_err(|e| {
            syntax(
                line_of(e.span()),
                crate::finding!(
                    "toml-syntax",
                    problem = crate::i18n::toml_errors::localize(e.message())
                )
                .to_string(),
            )
        })?;
        for (key, _) in table.get_ref() {
            if !SECTIONS.contains(&key.get_ref().as_ref()) {
                return Err(syntax(
                    line_of(Some(key.span())),
                    crate::tr!(
                        "import.rules-unknown-section",
                        key = key.get_ref(),
                        known = SECTIONS.join("], [")
                    ),
                ));
            }
        }
        let rules: Rules = toml::from_str(text).map_err(|e| {
            syntax(
                line_of(e.span()),
                crate::i18n::toml_errors::localize(e.message()),
            )
        })?;
        if rules.columns.is_empty() {
            return Err(RulesError::NoColumns {
                path: path.to_path_buf(),
            });
        }
        let targets = rules
            .columns
            .values()
            .map(String::as_str)
            .chain(rules.constants.keys().map(String::as_str))
            .chain(rules.defaults.keys().map(String::as_str));
        for key in targets {
            if RESERVED.contains(&key) {
                return Err(RulesError::Reserved {
                    path: path.to_path_buf(),
                    key: key.to_string(),
                });
            }
        }
        if let Some(d) = &rules.options.delimiter
            && d.chars().count() != 1
        {
            return Err(RulesError::Delimiter {
                path: path.to_path_buf(),
                given: d.clone(),
            });
        }
        Ok(rules)
    }

    /// The value a cell text maps to under `[values.KEY]`: exact first, then
    /// ignoring case and surrounding blanks; the text itself when unmapped.
    pub fn map_value<'a>(&'a self, key: &str, text: &'a str) -> &'a str {
        let Some(table) = self.values.get(key) else {
            return text;
        };
        if let Some(v) = table.get(text) {
            return v;
        }
        let wanted = text.trim().to_lowercase();
        table
            .iter()
            .find(|(k, _)| k.trim().to_lowercase() == wanted)
            .map(|(_, v)| v.as_str())
            .unwrap_or(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_values_constants_and_defaults() {
        let r = Rules::parse(
            "[columns]\nDatum = \"date\"\n[values.topics]\nAufenthalt = \"residence\"\n[constants]\nkind = \"consultation\"\n[defaults]\nduration = 45\n",
            Path::new("r.toml"),
        )
        .unwrap();
        assert_eq!(r.columns["Datum"], "date");
        assert_eq!(r.map_value("topics", " aufenthalt "), "residence");
        assert_eq!(r.map_value("topics", "Wohnen"), "Wohnen");
        assert_eq!(r.defaults["duration"].as_integer(), Some(45));
    }

    #[test]
    fn refuses_the_import_key_and_unknown_sections() {
        let e = Rules::parse("[columns]\nX = \"import\"\n", Path::new("r.toml")).unwrap_err();
        assert!(matches!(e, RulesError::Reserved { .. }));
        let e = Rules::parse("[column]\nX = \"date\"\n", Path::new("r.toml")).unwrap_err();
        assert!(matches!(e, RulesError::Syntax { .. }));
        // in German (the tests' language), with the line
        assert_eq!(
            e.to_string(),
            "r.toml: Zeile 1: unbekannter Abschnitt [column]; möglich sind [columns], [values], [constants], [defaults], [options]"
        );
        let e = Rules::parse("[columns\n", Path::new("r.toml")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "r.toml: Zeile 1: TOML-Syntax: die Klammer `[…]` ist nicht geschlossen; erwartet: `]`"
        );
        let e = Rules::parse("[columns]\n", Path::new("r.toml")).unwrap_err();
        assert!(matches!(e, RulesError::NoColumns { .. }));
    }
}
