//! The personal settings of the person at this computer:
//! `$XDG_CONFIG_HOME/quartier/config.toml` (default
//! `~/.config/quartier/config.toml`) with `staff = "eb"` (the default
//! `staff` of what they record) and `language = "de"|"en"`. Never in the
//! records folder. A file that cannot be read is named on stderr and left
//! out, so that a typo there never stops the office's work.

use crate::model::Lang;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The personal settings (all optional).
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Personal {
    pub staff: Option<String>,
    pub language: Option<String>,
}

/// The folder of the personal settings.
pub fn dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("quartier"))
}

/// The path of the personal settings file, for messages.
pub fn path_display() -> String {
    dir()
        .map(|d| d.join("config.toml").display().to_string())
        .unwrap_or_else(|| "~/.config/quartier/config.toml".to_string())
}

/// Reads `text` of the file at `path`; a problem is a message naming it.
pub fn parse(text: &str, path: &std::path::Path) -> Result<Personal, String> {
    let unreadable = |problem: String| {
        crate::tr!(
            "personal.unreadable",
            path = path.display(),
            problem = problem
        )
    };
    // syntax, keys and types judged here, so that the message speaks the
    // interface language (serde's own is English)
    let table: toml::Table = toml::from_str(text)
        .map_err(|e| unreadable(crate::i18n::toml_errors::localize(first_line(e.message()))))?;
    for (key, value) in &table {
        if !matches!(key.as_str(), "staff" | "language") {
            return Err(unreadable(crate::tr!("personal.unknown-key", key = key)));
        }
        if !value.is_str() {
            return Err(unreadable(crate::tr!("personal.not-text", key = key)));
        }
    }
    let p: Personal = table
        .try_into()
        .map_err(|e: toml::de::Error| unreadable(e.message().to_string()))?;
    if let Some(l) = &p.language
        && Lang::from_code(l).is_none()
    {
        return Err(crate::tr!(
            "personal.language",
            path = path.display(),
            value = l
        ));
    }
    Ok(p)
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or_default().trim()
}

/// The personal settings, read once (a missing file is no settings).
pub fn get() -> &'static Personal {
    static P: OnceLock<Personal> = OnceLock::new();
    P.get_or_init(|| {
        let Some(path) = dir().map(|d| d.join("config.toml")) else {
            return Personal::default();
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => parse(&text, &path).unwrap_or_else(|e| {
                eprintln!("quartier: {e}");
                Personal::default()
            }),
            Err(_) => Personal::default(),
        }
    })
}

/// The personal staff initials, if set.
pub fn staff() -> Option<String> {
    get().staff.clone().filter(|s| !s.trim().is_empty())
}

/// The personal staff initials as the office's `[staff]` spells them
/// (`staff = "MS"` is `ms`): the default of what a person records and the
/// filter of `agenda --mine`.
pub fn staff_in(config: &crate::model::Config) -> Option<String> {
    staff().map(|s| crate::schema::value::normalise(&crate::schema::FieldType::Staff, &s, config))
}

/// The personal language, if set.
pub fn language() -> Option<Lang> {
    get().language.as_deref().and_then(Lang::from_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_staff_and_language_and_refuses_unknown_keys() {
        let path = std::path::Path::new("/x/config.toml");
        let p = parse("staff = \"eb\"\nlanguage = \"en\"\n", path).unwrap();
        assert_eq!(
            (p.staff.as_deref(), p.language.as_deref()),
            (Some("eb"), Some("en"))
        );
        assert!(
            parse("staf = \"eb\"\n", path)
                .unwrap_err()
                .contains("/x/config.toml")
        );
        assert!(parse("language = \"fr\"\n", path).is_err());
    }

    /// The tests run in German: no English word of the TOML reader or serde.
    #[test]
    fn a_broken_file_is_named_in_german() {
        let path = std::path::Path::new("/x/config.toml");
        assert_eq!(
            parse("staff = 3\n", path).unwrap_err(),
            "/x/config.toml wird nicht beachtet: `staff` muss Text in Anführungszeichen sein (erlaubt sind staff = \"eb\" und language = \"de\" oder \"en\")"
        );
        assert!(
            parse("staf = \"eb\"\n", path)
                .unwrap_err()
                .contains("unbekannter Schlüssel `staf`"),
        );
        assert!(
            parse("staff = eb\n", path)
                .unwrap_err()
                .contains("Text muss in Anführungszeichen stehen"),
        );
    }
}
