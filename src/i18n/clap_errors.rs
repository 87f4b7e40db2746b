//! clap's own errors (unknown flag, missing value, invalid value, …) in
//! the interface language: the error's kind and context (which flag, which
//! value, what would work) are put into messages of the catalogue. The exit
//! code stays clap's: 2 for a usage error.

use crate::model::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::None | ContextValue::Bool(_) | ContextValue::StyledStrs(_) => None,
        // ContextValue is non-exhaustive.
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// The first line of the error: what went wrong, in `lang`.
fn what(e: &clap::Error, lang: Lang) -> Option<String> {
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    let text = match e.kind() {
        // a word too many is no option: `search a b`
        ErrorKind::UnknownArgument if !arg.starts_with('-') => {
            crate::tr_in!(lang, "clap.extra-argument", arg = arg)
        }
        ErrorKind::UnknownArgument => crate::tr_in!(lang, "clap.unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => crate::tr_in!(
            lang,
            "clap.unknown-command",
            command = string(e, ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            crate::tr_in!(lang, "clap.value-missing", arg = arg)
        }
        ErrorKind::InvalidValue => {
            let mut t = crate::tr_in!(lang, "clap.invalid-value", arg = arg, value = value);
            if let Some(valid) = string(e, ContextKind::ValidValue) {
                t.push_str(&format!(
                    "\n  {}",
                    crate::tr_in!(lang, "clap.possible-values", values = valid)
                ));
            }
            t
        }
        ErrorKind::ValueValidation => {
            let problem = match std::error::Error::source(e) {
                Some(s) if s.downcast_ref::<std::num::ParseIntError>().is_some() => {
                    crate::tr_in!(lang, "clap.not-a-number")
                }
                Some(s) => s.to_string(),
                None => String::new(),
            };
            crate::tr_in!(
                lang,
                "clap.value-refused",
                arg = arg,
                value = value,
                problem = problem
            )
        }
        ErrorKind::MissingRequiredArgument => crate::tr_in!(lang, "clap.missing", args = arg),
        ErrorKind::MissingSubcommand => crate::tr_in!(
            lang,
            "clap.missing-command",
            command = string(e, ContextKind::InvalidSubcommand)?,
            commands = string(e, ContextKind::ValidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => {
            let prior = string(e, ContextKind::PriorArg);
            match prior {
                Some(p) if p == arg => crate::tr_in!(lang, "clap.twice", arg = arg),
                Some(p) => crate::tr_in!(lang, "clap.conflict", arg = arg, other = p),
                None => crate::tr_in!(lang, "clap.conflict-any", arg = arg),
            }
        }
        ErrorKind::TooManyValues => {
            crate::tr_in!(lang, "clap.too-many-values", arg = arg, value = value)
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            crate::tr_in!(lang, "clap.number-of-values", arg = arg)
        }
        ErrorKind::NoEquals => crate::tr_in!(lang, "clap.no-equals", arg = arg),
        ErrorKind::InvalidUtf8 => crate::tr_in!(lang, "clap.invalid-utf8"),
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion
        | ErrorKind::Io
        | ErrorKind::Format => return None,
        _ => return None,
    };
    Some(text)
}

/// The whole message of a usage error in `lang`, or `None` when clap's
/// own output is the right one (help and version, which are no errors,
/// and the help shown for a group called without a command).
pub fn render(e: &clap::Error, lang: Lang) -> Option<String> {
    let mut out = format!("quartier: {}", what(e, lang)?);
    let suggestion = string(e, ContextKind::SuggestedArg)
        .or_else(|| string(e, ContextKind::SuggestedSubcommand))
        .or_else(|| string(e, ContextKind::SuggestedValue));
    if let Some(s) = suggestion {
        out.push_str(&format!(
            "\n  {}",
            crate::tr_in!(lang, "clap.did-you-mean", suggestion = s)
        ));
    }
    if matches!(e.get(ContextKind::Suggested), Some(ContextValue::StyledStrs(s)) if !s.is_empty())
        && e.kind() == ErrorKind::UnknownArgument
    {
        let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
        out.push_str(&format!(
            "\n  {}",
            crate::tr_in!(lang, "clap.as-value", arg = arg)
        ));
    }
    if let Some(usage) = string(e, ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage
            .strip_prefix("Usage:")
            .or_else(|| usage.strip_prefix("Aufruf:"))
            .unwrap_or(usage)
            .trim();
        out.push_str(&format!("\n\n{}: {usage}", super::t_in(lang, "help.usage")));
    }
    out.push_str(&format!("\n\n{}\n", crate::tr_in!(lang, "clap.more")));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(args: &[&str], lang: Lang) -> String {
        let cmd =
            crate::i18n::help::localize(<crate::cli::Cli as clap::CommandFactory>::command(), lang);
        let e = cmd.try_get_matches_from(args).unwrap_err();
        render(&e, lang).unwrap_or_else(|| panic!("{:?} not rendered", e.kind()))
    }

    #[test]
    fn usage_errors_speak_german_and_english() {
        let de = error_of(&["quartier", "client", "new", "--name", "x"], Lang::De);
        assert!(de.contains("unbekannte Option `--name`"), "{de}");
        assert!(de.contains("Aufruf: quartier client new"), "{de}");
        assert!(de.contains("--help"), "{de}");
        let en = error_of(&["quartier", "client", "new", "--name", "x"], Lang::En);
        assert!(en.contains("unknown flag `--name`"), "{en}");
        // a word too many is no unknown option
        let de = error_of(&["quartier", "search", "a", "b"], Lang::De);
        assert!(de.contains("`b` ist hier zu viel"), "{de}");
        assert!(!de.contains("Option"), "{de}");
        let de = error_of(&["quartier", "partner", "lst"], Lang::De);
        assert!(de.contains("unbekannter Befehl `lst`"), "{de}");
        assert!(de.contains("`list`"), "{de}");
        let de = error_of(&["quartier", "agenda", "--format", "pdf"], Lang::De);
        assert!(
            de.contains("`pdf` ist kein möglicher Wert für `--format"),
            "{de}"
        );
        assert!(de.contains("möglich: table, md, ics"), "{de}");
        let de = error_of(&["quartier", "agenda", "--days"], Lang::De);
        assert!(de.contains("braucht einen Wert"), "{de}");
        let de = error_of(&["quartier", "agenda", "--days", "x"], Lang::De);
        assert!(de.contains("`x` geht nicht für `--days"), "{de}");
        assert!(de.contains("keine ganze Zahl"), "{de}");
        let de = error_of(
            &["quartier", "report", "period", "--from", "2026-01-01"],
            Lang::De,
        );
        assert!(de.contains("es fehlt: --to"), "{de}");
        let de = error_of(
            &["quartier", "agenda", "--days", "1", "--days", "2"],
            Lang::De,
        );
        assert!(de.contains("nur einmal"), "{de}");
    }
}
