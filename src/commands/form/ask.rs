//! The terminal side of a guided form: one small trait, answered by
//! `inquire` on a terminal ([`Terminal`]) and by a script in the tests
//! ([`Script`]), so the form's logic is tested without a terminal and the
//! pseudo-terminal tests of `tests/cli/forms.rs` only prove the wiring.

use crate::error::{CommandError, Result};

/// One question as the person sees it.
#[derive(Debug, Clone, Default)]
pub struct Prompt {
    /// The label (`Datum`), with a hint of the answers it takes.
    pub question: String,
    /// The line under it: what the field means and which keys do what.
    pub help: String,
    /// What Enter on an empty line answers (shown in brackets).
    pub default: Option<String>,
    /// The field a typed answer is for: the line left on the screen shows
    /// the answer as it was understood (`heute` → 25.11.2026, `1:15` → 75).
    pub field: Option<&'static crate::schema::FieldSpec>,
    /// The text standing in the line already: a refused answer to correct.
    pub initial: Option<String>,
}

/// Asks a person.
pub trait Asker {
    /// A line of text (`default` when Enter was pressed on an empty line).
    fn text(&mut self, p: &Prompt) -> Result<String>;
    /// One of `options` (its index), the cursor starting at `cursor`;
    /// typing filters them.
    fn select(&mut self, p: &Prompt, options: &[String], cursor: usize) -> Result<usize>;
    /// Any of `options` (their indexes), `picked` ticked already (Enter
    /// takes them); typing filters them.
    fn multi(&mut self, p: &Prompt, options: &[String], picked: &[usize]) -> Result<Vec<usize>>;
    /// A line for the person: why an answer was refused, a note.
    fn say(&mut self, line: &str);
}

/// Asks on the terminal through `inquire` (type-to-filter lists, a default
/// in brackets; a list asked again starts on the answer given before).
pub struct Terminal;

/// Esc or Ctrl-C: nothing is written.
fn failed(e: inquire::InquireError) -> CommandError {
    match e {
        inquire::InquireError::OperationCanceled | inquire::InquireError::OperationInterrupted => {
            CommandError::usage(crate::tr!("form.cancelled"))
        }
        other => CommandError::usage(crate::tr!("form.no-terminal", problem = other)),
    }
}

/// inquire's own mark on the line of a question given up with Esc, in the
/// interface language (`<abgebrochen>`, not inquire's `<canceled>`); set
/// once, before the first question.
pub fn marks_in_the_interface_language() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| {
        let mut config = inquire::ui::RenderConfig::default();
        let word = crate::i18n::t("form.cancelled-mark").to_string();
        config.canceled_prompt_indicator.content = Box::leak(word.into_boxed_str());
        inquire::set_global_render_config(config);
    });
}

/// The key hints under a list.
fn list_help(p: &Prompt, id: &str) -> String {
    let keys = crate::i18n::t(id);
    if p.help.is_empty() {
        keys.to_string()
    } else {
        format!("{} · {keys}", p.help)
    }
}

impl Asker for Terminal {
    fn text(&mut self, p: &Prompt) -> Result<String> {
        marks_in_the_interface_language();
        let lang = crate::i18n::lang();
        let field = p.field;
        let understood = move |s: &str| match field {
            Some(f) if !s.trim().is_empty() => super::question::parse(f, s)
                .map(|r| super::question::shown(&r, lang))
                .unwrap_or_else(|_| s.to_string()),
            _ => s.to_string(),
        };
        let mut t = inquire::Text::new(&p.question).with_formatter(&understood);
        if !p.help.is_empty() {
            t = t.with_help_message(&p.help);
        }
        if let Some(d) = &p.default {
            t = t.with_default(d);
        }
        if let Some(i) = &p.initial {
            t = t.with_initial_value(i);
        }
        t.prompt().map_err(failed)
    }

    fn select(&mut self, p: &Prompt, options: &[String], cursor: usize) -> Result<usize> {
        marks_in_the_interface_language();
        let help = list_help(p, "form.keys-select");
        inquire::Select::new(&p.question, options.to_vec())
            .with_starting_cursor(cursor.min(options.len().saturating_sub(1)))
            .with_help_message(&help)
            .with_page_size(8)
            .raw_prompt()
            .map(|o| o.index)
            .map_err(failed)
    }

    fn multi(&mut self, p: &Prompt, options: &[String], picked: &[usize]) -> Result<Vec<usize>> {
        marks_in_the_interface_language();
        let help = list_help(p, "form.keys-multi");
        inquire::MultiSelect::new(&p.question, options.to_vec())
            .with_default(picked)
            .with_help_message(&help)
            .with_page_size(8)
            .raw_prompt()
            .map(|v| v.into_iter().map(|o| o.index).collect())
            .map_err(failed)
    }

    fn say(&mut self, line: &str) {
        eprintln!("{line}");
    }
}

/// Answers from a list, for tests: a text answer as it is (`""` takes the
/// default); a choice by the first option containing the answer (`""`: the
/// cursor); several choices by `|`-separated parts (`""`: the ones ticked
/// already). What was said is kept.
#[derive(Debug, Default)]
pub struct Script {
    pub answers: std::collections::VecDeque<String>,
    pub said: Vec<String>,
    /// Every question asked, in order.
    pub asked: Vec<String>,
    /// The line under each question asked, in the same order.
    pub helps: Vec<String>,
}

impl Script {
    pub fn new(answers: &[&str]) -> Script {
        Script {
            answers: answers.iter().map(|s| s.to_string()).collect(),
            ..Script::default()
        }
    }

    fn next(&mut self, p: &Prompt) -> Result<String> {
        self.asked.push(p.question.clone());
        self.helps.push(p.help.clone());
        self.answers.pop_front().ok_or_else(|| {
            CommandError::usage(crate::tr!("form.script-no-answer", question = p.question))
        })
    }

    fn find(options: &[String], part: &str) -> Result<usize> {
        options
            .iter()
            .position(|o| o.contains(part))
            .ok_or_else(|| {
                CommandError::usage(crate::tr!(
                    "form.script-no-option",
                    part = part,
                    options = options.join(" | ")
                ))
            })
    }
}

impl Asker for Script {
    fn text(&mut self, p: &Prompt) -> Result<String> {
        let a = self.next(p)?;
        Ok(match (&p.default, a.is_empty()) {
            (Some(d), true) => d.clone(),
            _ => a,
        })
    }

    fn select(&mut self, p: &Prompt, options: &[String], cursor: usize) -> Result<usize> {
        let a = self.next(p)?;
        if a.is_empty() {
            return Ok(cursor);
        }
        Script::find(options, &a)
    }

    fn multi(&mut self, p: &Prompt, options: &[String], ticked: &[usize]) -> Result<Vec<usize>> {
        let a = self.next(p)?;
        if a.is_empty() {
            return Ok(ticked.to_vec());
        }
        let mut picked = a
            .split('|')
            .filter(|s| !s.is_empty())
            .map(|s| Script::find(options, s))
            .collect::<Result<Vec<_>>>()?;
        // in the order of the list, as on the terminal
        picked.sort_unstable();
        Ok(picked)
    }

    fn say(&mut self, line: &str) {
        self.said.push(line.to_string());
    }
}
