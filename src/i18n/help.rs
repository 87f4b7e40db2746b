//! The command line's help in the interface language: clap's derive gives
//! the structure, this module puts the texts of `help.toml` (keyed by
//! command path and flag id) and of the schema (a record field's help, for
//! the flags named like a field) into the built `Command` tree, with German
//! headings, usage and `[Standard: …]` notes.

use super::Entry;
use crate::model::{Kind, Lang};
use clap::Command;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const HELP: &str = include_str!("help.toml");

/// The help of one command.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandHelp {
    pub about: Option<Entry>,
    /// The paragraph `--help` shows under the first line.
    pub long: Option<Entry>,
    /// A command line, the same in both languages.
    pub example: Option<String>,
    #[serde(default)]
    pub args: BTreeMap<String, Entry>,
}

pub(crate) fn parse_help(text: &str) -> Result<BTreeMap<String, CommandHelp>, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

fn catalogue() -> &'static BTreeMap<String, CommandHelp> {
    static CAT: OnceLock<BTreeMap<String, CommandHelp>> = OnceLock::new();
    // Part of the binary and checked by the tests below.
    CAT.get_or_init(|| parse_help(HELP).unwrap_or_default())
}

/// The kind whose record fields the flags of `path` (`appointment add`) set.
fn kind_of(path: &str) -> Option<Kind> {
    let mut words = path.split(' ');
    let kind = Kind::from_name(words.next()?)?;
    matches!(words.next(), Some("add" | "new" | "edit")).then_some(kind)
}

/// The help of flag `id` of command `path`: its own entry, else the
/// schema's help of the field it sets, else the entry every command shares.
pub fn arg_help(path: &str, id: &str, lang: Lang) -> Option<String> {
    let cat = catalogue();
    if let Some(e) = cat.get(path).and_then(|c| c.args.get(id)) {
        return Some(e.get(lang).to_string());
    }
    if let Some(kind) = kind_of(path) {
        let key = id.replace('-', "_");
        if let Some(f) = crate::schema::of(kind).field(&key) {
            let help = f.help(lang);
            if !help.is_empty() {
                return Some(help.to_string());
            }
            let label = f.label(lang);
            if !label.is_empty() {
                return Some(label.to_string());
            }
        }
    }
    cat.get("*")
        .and_then(|c| c.args.get(id))
        .map(|e| e.get(lang).to_string())
}

fn heading(lang: Lang, id: &'static str) -> &'static str {
    match super::catalogue().get(id) {
        Some(e) => e.get(lang),
        None => id,
    }
}

/// The whole command tree, built, with every text in `lang`.
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    cmd.build();
    localize_one(cmd, "", lang)
}

fn localize_one(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let key = if path.is_empty() { "quartier" } else { path };
    let cat = catalogue();
    let own = cat.get(key).or_else(|| {
        // clap's own `help` sub-command, under every group.
        (cmd.get_name() == "help")
            .then(|| cat.get("help"))
            .flatten()
    });
    if let Some(h) = own {
        if let Some(about) = &h.about {
            cmd = cmd.about(about.get(lang).to_string());
        }
        let mut long = h
            .about
            .as_ref()
            .map(|a| a.get(lang).to_string())
            .unwrap_or_default();
        if let Some(more) = &h.long {
            long = format!("{long}\n\n{}", more.get(lang));
        }
        // Without a paragraph or example of its own the command keeps its
        // doc comment's (which holds its example).
        if h.long.is_some() || h.example.is_some() {
            cmd = cmd.long_about(long);
        }
        if let Some(ex) = &h.example {
            cmd = cmd.after_help(format!("{}: {ex}", heading(lang, "help.example")));
        }
    }
    let help_key = if cmd.get_name() == "help" {
        "help"
    } else {
        key
    };
    let german = lang == Lang::De;
    let args_heading = heading(lang, "help.arguments");
    let options_heading = heading(lang, "help.options");
    let path_owned = help_key.to_string();
    cmd = cmd.mut_args(|mut a| {
        let id = a.get_id().as_str().to_string();
        let mut text = arg_help(&path_owned, &id, lang)
            .or_else(|| a.get_help().map(|h| h.to_string()))
            .unwrap_or_default();
        if german {
            let takes = a.get_action().takes_values();
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if takes && !defaults.is_empty() && !a.is_hide_default_value_set() {
                text = format!("{text} [Standard: {}]", defaults.join(", "));
            }
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if takes && !values.is_empty() && !a.is_hide_possible_values_set() {
                text = format!("{text} [Werte: {}]", values.join(", "));
            }
            a = a.hide_default_value(true).hide_possible_values(true);
            if a.get_help_heading().is_none() {
                let h = if a.is_positional() {
                    args_heading
                } else {
                    options_heading
                };
                a = a.help_heading(h);
            }
        }
        if id == "help" {
            a = a.long_help(text.clone());
        }
        a.help(text)
    });
    if german {
        let usage = cmd.render_usage().to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let usage = usage
            .replace("[OPTIONS]", "[OPTIONEN]")
            .replace("<COMMAND>", "<BEFEHL>")
            .replace("[COMMAND]", "[BEFEHL]");
        cmd = cmd
            .override_usage(usage)
            .subcommand_help_heading(heading(lang, "help.commands"))
            .subcommand_value_name("BEFEHL")
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
                heading(lang, "help.usage")
            ));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize_one(s, &sub, lang));
    }
    cmd
}

/// Every command path of the tree (`""` for the top) with its flag ids.
pub fn paths(cmd: &Command) -> Vec<(String, Vec<String>)> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        let ids = cmd
            .get_arguments()
            .map(|a| a.get_id().as_str().to_string())
            .collect();
        out.push((path.to_string(), ids));
        for s in cmd.get_subcommands() {
            if s.get_name() == "help" {
                continue;
            }
            let sub = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            walk(s, &sub, out);
        }
    }
    let mut out = Vec::new();
    walk(cmd, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn help_toml_reads_and_has_both_languages() {
        let cat = parse_help(HELP).expect("help.toml reads");
        for (path, h) in &cat {
            for e in h.about.iter().chain(h.long.iter()).chain(h.args.values()) {
                assert!(
                    !e.de.trim().is_empty() && !e.en.trim().is_empty(),
                    "{path}: {e:?}"
                );
            }
        }
    }

    /// Every top-level command has an about in both languages, and every
    /// flag of every command that help.toml or the schema describes has its
    /// text in both. (Sub-commands' own texts are not all in help.toml yet.)
    #[test]
    fn every_top_level_command_has_both_languages() {
        let cmd = crate::cli::Cli::command();
        let cat = catalogue();
        let mut missing = Vec::new();
        for (path, _) in paths(&cmd) {
            if path.contains(' ') {
                continue;
            }
            let key = if path.is_empty() {
                "quartier".to_string()
            } else {
                path.clone()
            };
            if cat.get(&key).and_then(|h| h.about.as_ref()).is_none() {
                missing.push(format!("[\"{key}\".about]"));
            }
        }
        assert!(
            missing.is_empty(),
            "help.toml lacks:\n{}",
            missing.join("\n")
        );
        assert_eq!(
            arg_help("appointment add", "duration", Lang::De).as_deref(),
            Some("Dauer in Minuten")
        );
        assert!(
            arg_help("report monthly", "records", Lang::De)
                .unwrap()
                .contains("Ablageordner")
        );
    }

    #[test]
    fn entries_name_commands_and_flags_that_exist() {
        let cmd = crate::cli::Cli::command();
        let tree = paths(&cmd);
        for (key, h) in catalogue() {
            if key == "*" || key == "help" {
                continue;
            }
            let path = if key == "quartier" { "" } else { key.as_str() };
            let Some((_, ids)) = tree.iter().find(|(p, _)| p == path) else {
                panic!("help.toml: no command `{key}`");
            };
            for id in h.args.keys() {
                assert!(ids.contains(id), "help.toml: `{key}` has no flag `{id}`");
            }
        }
    }
}
