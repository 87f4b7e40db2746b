//! Asking for the required fields an `add` lacks: on a terminal one
//! question each, without one a single usage error naming every missing flag.

use crate::cli::interactive;
use crate::error::{CommandError, Result};
use crate::model::{Code, Lang};
use crate::tr;

/// Collects the required fields of an `add`: on a terminal it asks for each
/// missing one at once; otherwise it notes the missing flags and `finish`
/// fails with all of them (exit 2), so cron never waits for input.
pub struct Need {
    ask: bool,
    missing: Vec<String>,
}

impl Default for Need {
    fn default() -> Self {
        Need::new()
    }
}

impl Need {
    pub fn new() -> Need {
        Need {
            ask: interactive(),
            missing: Vec::new(),
        }
    }

    /// For tests and `--no-input` style callers: never ask.
    pub fn never_ask() -> Need {
        Need {
            ask: false,
            missing: Vec::new(),
        }
    }

    fn prompt_failed(e: inquire::InquireError) -> CommandError {
        match e {
            inquire::InquireError::OperationCanceled
            | inquire::InquireError::OperationInterrupted => {
                CommandError::usage(tr!("ui.prompt.cancelled"))
            }
            other => CommandError::usage(tr!("ui.prompt.cannot-ask", error = other)),
        }
    }

    /// A required free text.
    pub fn text(
        &mut self,
        flag: &str,
        question: &str,
        value: Option<String>,
    ) -> Result<Option<String>> {
        match value.filter(|v| !v.trim().is_empty()) {
            Some(v) => Ok(Some(v)),
            None if self.ask => {
                let answer = inquire::Text::new(question)
                    .with_validator(inquire::required!(crate::tr!("form.answer-required")))
                    .prompt()
                    .map_err(Self::prompt_failed)?;
                Ok(Some(answer))
            }
            None => {
                self.missing.push(flag.to_string());
                Ok(None)
            }
        }
    }

    /// A required value parsed from text (dates, numbers).
    pub fn parsed<T, E: std::fmt::Display>(
        &mut self,
        flag: &str,
        question: &str,
        value: Option<T>,
        parse: impl Fn(&str) -> std::result::Result<T, E> + Clone + 'static,
    ) -> Result<Option<T>> {
        match value {
            Some(v) => Ok(Some(v)),
            None if self.ask => loop {
                let answer = inquire::Text::new(question)
                    .prompt()
                    .map_err(Self::prompt_failed)?;
                match parse(&answer) {
                    Ok(v) => return Ok(Some(v)),
                    Err(e) => eprintln!("{e}"),
                }
            },
            None => {
                self.missing.push(flag.to_string());
                Ok(None)
            }
        }
    }

    /// A required code of a closed vocabulary, offered as a list.
    pub fn code<C: Code + std::fmt::Display>(
        &mut self,
        flag: &str,
        question: &str,
        value: Option<C>,
        lang: Lang,
    ) -> Result<Option<C>> {
        match value {
            Some(v) => Ok(Some(v)),
            None if self.ask => {
                let options: Vec<String> = C::ALL
                    .iter()
                    .map(|c| format!("{} — {}", c.code(), c.label(lang)))
                    .collect();
                let picked = inquire::Select::new(question, options)
                    .with_help_message(crate::i18n::t("form.keys-select"))
                    .raw_prompt()
                    .map_err(Self::prompt_failed)?;
                Ok(Some(C::ALL[picked.index]))
            }
            None => {
                self.missing.push(flag.to_string());
                Ok(None)
            }
        }
    }

    /// A required value picked from a list of (value, label), shown as the
    /// forms show a choice — `erfolgreich (done)` — with the keys in the
    /// interface language.
    pub fn choose(
        &mut self,
        flag: &str,
        question: &str,
        value: Option<String>,
        options: impl FnOnce() -> Vec<(String, String)>,
    ) -> Result<Option<String>> {
        match value {
            Some(v) => Ok(Some(v)),
            None if self.ask => {
                let options = options();
                if options.is_empty() {
                    return Err(CommandError::data(tr!(
                        "ui.prompt.nothing-to-choose",
                        flag = flag
                    )));
                }
                crate::commands::form::ask::marks_in_the_interface_language();
                let shown: Vec<String> = options
                    .iter()
                    .map(|(v, label)| crate::commands::form::question::option(label, v))
                    .collect();
                let picked = inquire::Select::new(question, shown)
                    .with_help_message(crate::i18n::t("form.keys-select"))
                    .raw_prompt()
                    .map_err(Self::prompt_failed)?;
                Ok(Some(options[picked.index].0.clone()))
            }
            None => {
                self.missing.push(flag.to_string());
                Ok(None)
            }
        }
    }

    /// Notes `flag` as missing.
    pub fn note(&mut self, flag: &str) {
        self.missing.push(flag.to_string());
    }

    /// Fails (exit 2) naming every missing flag.
    pub fn finish(self) -> Result<()> {
        if self.missing.is_empty() {
            Ok(())
        } else {
            Err(CommandError::usage(if self.missing.len() == 1 {
                crate::tr!("prompt.missing-flag", flags = self.missing.join(", "))
            } else {
                crate::tr!("prompt.missing-flags", flags = self.missing.join(", "))
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_flags_are_named_together() {
        let mut need = Need::never_ask();
        need.text("--name", "Name?", None).unwrap();
        need.text("--project", "Project?", Some("p".into()))
            .unwrap();
        need.text("--field", "Field?", Some("  ".into())).unwrap();
        let e = need.finish().unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("--name, --field"), "{}", e.message);
    }
}
