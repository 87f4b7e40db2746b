//! The command line's help in the interface language: clap's derive gives
//! the structure, this module puts the texts of `help.toml` (keyed by
//! command path and flag id) and of the schema (a record field's help, for
//! the flags named like a field) into the built `Command` tree, with German
//! headings, usage and `[Standard: …]` notes.

use crate::model::{Kind, Lang};
use clap::Command;

/// One text in both languages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Text {
    pub de: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.de,
            Lang::En => self.en,
        }
    }
}

/// The help of one command, as build.rs compiles it from `help.toml`.
#[derive(Debug)]
pub struct StaticHelp {
    /// The command path (`appointment add`, `quartier`, `*`).
    pub path: &'static str,
    pub about: Option<Text>,
    /// The paragraph `--help` shows under the first line.
    pub long: Option<Text>,
    /// A command line, the same in both languages.
    pub example: Option<&'static str>,
    /// Command lines, the same in both languages.
    pub examples: &'static [&'static str],
    /// (flag id, text), sorted by id.
    pub args: &'static [(&'static str, Text)],
}

impl StaticHelp {
    fn arg(&self, id: &str) -> Option<&'static Text> {
        let args: &'static [(&'static str, Text)] = self.args;
        args.binary_search_by(|(k, _)| (*k).cmp(id))
            .ok()
            .map(|i| &args[i].1)
    }
}

/// `help.toml`, sorted by path; a test checks it holds what [`parse_help`] reads.
static TABLE: &[StaticHelp] = include!(concat!(env!("OUT_DIR"), "/help.rs"));

/// The help of command `path`.
fn find(path: &str) -> Option<&'static StaticHelp> {
    TABLE
        .binary_search_by(|h| h.path.cmp(path))
        .ok()
        .map(|i| &TABLE[i])
}

#[cfg(test)]
const HELP: &str = include_str!("help.toml");

/// The help of one command as `help.toml` writes it (the tests' reader).
#[cfg(test)]
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandHelp {
    pub about: Option<super::Entry>,
    /// The paragraph `--help` shows under the first line.
    pub long: Option<super::Entry>,
    /// A command line, the same in both languages.
    pub example: Option<String>,
    /// Command lines, the same in both languages.
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub args: std::collections::BTreeMap<String, super::Entry>,
}

#[cfg(test)]
pub(crate) fn parse_help(
    text: &str,
) -> Result<std::collections::BTreeMap<String, CommandHelp>, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

/// The kind whose record fields the flags of `path` (`appointment add`) set.
fn kind_of(path: &str) -> Option<Kind> {
    let mut words = path.split(' ');
    let first = words.next()?;
    let kind = Kind::ALL.into_iter().find(|k| k.name() == first)?;
    matches!(words.next(), Some("add" | "new" | "edit")).then_some(kind)
}

/// The schema's help of the field flag `id` sets (`participants.total` for
/// a key of a table, `no-interpreter` for the switch that turns one off).
fn schema_help(kind: Kind, id: &str, lang: Lang) -> Option<String> {
    if let Some(flag) = id.strip_prefix("no-")
        && let Some(f) = crate::schema::of(kind).field(&flag.replace('-', "_"))
    {
        return Some(crate::tr_in!(lang, "help.negated", field = f.label(lang)));
    }
    let key = id.replace('-', "_");
    let f = match key.split_once('.') {
        Some((table, sub)) => crate::schema::of(kind)
            .field(table)?
            .ty
            .subfields()?
            .iter()
            .find(|g| g.key == sub)?,
        None => crate::schema::of(kind).field(&key)?,
    };
    [f.help(lang), f.label(lang)]
        .into_iter()
        .find(|t| !t.is_empty())
        .map(str::to_string)
}

/// A `list` filter's help when `help.toml` has none for it: the field it
/// filters on, by the schema's label — so a filter added to the schema is
/// never a flag without help.
fn filter_help(path: &str, id: &str, lang: Lang) -> Option<String> {
    let (kind, sub) = path.split_once(' ')?;
    let schema = crate::schema::of(Kind::from_name(kind).filter(|_| sub == "list")?);
    let filter = schema.filters.iter().find(|f| f.id() == id)?;
    let label = filter.spec(schema)?.label(lang);
    Some(crate::tr_in!(lang, "help.filter", field = label))
}

/// The help of flag `id` of command `path`: its own entry, else the
/// schema's help of the field it sets, else the entry of the group it is in
/// (`sponsor` for `sponsor show`), else the entry every command shares,
/// else, for a `list` filter, one naming the field it filters on.
pub fn arg_help(path: &str, id: &str, lang: Lang) -> Option<String> {
    let entry = |p: &str| find(p).and_then(|c| c.arg(id));
    if let Some(e) = entry(path) {
        return Some(e.get(lang).to_string());
    }
    // `edit ID` names the record: not the schema's `id` ("set on creation").
    let names_record = id == "id" && path.ends_with(" edit");
    if let Some(help) = kind_of(path)
        .filter(|_| !names_record)
        .and_then(|k| schema_help(k, id, lang))
    {
        return Some(help);
    }
    let mut group = path;
    while let Some((parent, _)) = group.rsplit_once(' ') {
        if let Some(e) = entry(parent) {
            return Some(e.get(lang).to_string());
        }
        group = parent;
    }
    entry("*")
        .map(|e| e.get(lang).to_string())
        .or_else(|| filter_help(path, id, lang))
}

/// The "Example:" lines of a command's help.
fn examples_text(h: &StaticHelp, lang: Lang) -> Option<String> {
    let all: Vec<&str> = h
        .example
        .into_iter()
        .chain(h.examples.iter().copied())
        .collect();
    match all.as_slice() {
        [] => None,
        [one] => Some(format!("{}: {one}", heading(lang, "help.example"))),
        many => Some(format!(
            "{}:\n{}",
            heading(lang, "help.examples"),
            many.iter()
                .map(|e| format!("  {e}"))
                .collect::<Vec<_>>()
                .join("\n")
        )),
    }
}

fn heading(lang: Lang, id: &'static str) -> &'static str {
    super::t_in(lang, id)
}

/// The whole command tree, built, with every text in `lang`.
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    cmd.build();
    localize_one(cmd, "", lang)
}

fn localize_one(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let key = if path.is_empty() { "quartier" } else { path };
    let own = find(key).or_else(|| {
        // clap's own `help` sub-command, under every group.
        (cmd.get_name() == "help").then(|| find("help")).flatten()
    });
    if let Some(h) = own {
        if let Some(about) = &h.about {
            cmd = cmd.about(about.get(lang).to_string());
            // The long help is the about and the paragraph, never the
            // (English) doc comment of the code.
            cmd = match &h.long {
                Some(more) => cmd.long_about(format!("{}\n\n{}", about.get(lang), more.get(lang))),
                None => cmd.long_about(clap::builder::Resettable::Reset),
            };
        }
        cmd = match examples_text(h, lang) {
            Some(text) => cmd.after_help(text),
            None => cmd.after_help(clap::builder::Resettable::Reset),
        };
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
                let d = crate::tr_in!(lang, "help.default", values = defaults.join(", "));
                text = format!("{text} {d}");
            }
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if takes && !values.is_empty() && !a.is_hide_possible_values_set() {
                let v = crate::tr_in!(lang, "help.values", values = values.join(", "));
                text = format!("{text} {v}");
            }
            a = a.hide_default_value(true).hide_possible_values(true);
            // the placeholders of values in German (`<DATUM>`, `<ORDNER>`)
            if let Some(names) = a.get_value_names() {
                let german: Vec<clap::builder::Str> = names
                    .iter()
                    .map(|n| {
                        super::lookup(lang, &format!("value-name.{n}"))
                            .map_or_else(|| n.clone(), clap::builder::Str::from)
                    })
                    .collect();
                a = a.value_names(german);
            }
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
        let options = heading(lang, "help.usage-options");
        let command = heading(lang, "help.usage-command");
        let usage = usage
            .replace("[OPTIONS]", &format!("[{options}]"))
            .replace("<COMMAND>", &format!("<{command}>"))
            .replace("[COMMAND]", &format!("[{command}]"));
        cmd = cmd
            .override_usage(usage)
            .subcommand_help_heading(heading(lang, "help.commands"))
            .subcommand_value_name(command)
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
    fn the_compiled_table_is_help_toml() {
        let cat = parse_help(HELP).expect("help.toml reads");
        assert_eq!(TABLE.len(), cat.len());
        assert!(TABLE.windows(2).all(|w| w[0].path < w[1].path), "sorted");
        let text = |e: &crate::i18n::Entry| Text {
            de: e.de.clone().leak(),
            en: e.en.clone().leak(),
        };
        for h in TABLE {
            let c = &cat[h.path];
            assert_eq!(h.about, c.about.as_ref().map(text), "{}", h.path);
            assert_eq!(h.long, c.long.as_ref().map(text), "{}", h.path);
            assert_eq!(h.example, c.example.as_deref(), "{}", h.path);
            assert_eq!(
                h.examples.to_vec(),
                c.examples.iter().map(String::as_str).collect::<Vec<_>>(),
                "{}",
                h.path
            );
            let args: Vec<(&str, Text)> =
                c.args.iter().map(|(k, e)| (k.as_str(), text(e))).collect();
            assert_eq!(h.args, args.as_slice(), "{}", h.path);
        }
    }

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

    /// Every command and group, nested ones included (`client consent`,
    /// `sponsor deadline add`), has an about in both languages in
    /// help.toml, and every argument of every command a help text in both
    /// (its own, the schema's, its group's or the shared one).
    #[test]
    fn every_command_and_every_argument_has_help_in_both_languages() {
        let cmd = crate::cli::Cli::command();
        let mut missing = Vec::new();
        for (path, ids) in paths(&cmd) {
            let key = if path.is_empty() {
                "quartier".to_string()
            } else {
                path.clone()
            };
            if find(&key).and_then(|h| h.about).is_none() {
                missing.push(format!("[\"{key}\".about]"));
            }
            for id in ids {
                for lang in [Lang::De, Lang::En] {
                    if arg_help(&key, &id, lang).is_none_or(|h| h.trim().is_empty()) {
                        missing.push(format!("[\"{key}\".args.{id}] ({lang:?})"));
                    }
                }
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
        // a group's entry serves its commands; a nested table key and a
        // switch-off flag take the schema's words
        assert!(
            arg_help("sponsor show", "id", Lang::En)
                .unwrap()
                .contains("slug")
        );
        assert!(arg_help("event add", "participants.total", Lang::De).is_some());
        assert!(
            arg_help("appointment edit", "no-interpreter", Lang::De)
                .unwrap()
                .contains("aus")
        );
    }

    /// The German help shows no English text of the code: every about,
    /// paragraph and flag text of the localized tree differs from the
    /// English one (or is the same word in both, like a list of codes).
    #[test]
    fn german_help_is_not_the_english_help() {
        let de = localize(crate::cli::Cli::command(), Lang::De);
        let en = localize(crate::cli::Cli::command(), Lang::En);
        fn texts(cmd: &Command, out: &mut Vec<String>) {
            if let Some(a) = cmd.get_about() {
                out.push(a.to_string());
            }
            for a in cmd.get_arguments() {
                out.push(a.get_help().map(|h| h.to_string()).unwrap_or_default());
            }
            // (clap's `help` copies the tree's names for completion only)
            for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                texts(s, out);
            }
        }
        let (mut d, mut e) = (Vec::new(), Vec::new());
        texts(&de, &mut d);
        texts(&en, &mut e);
        assert_eq!(d.len(), e.len());
        let same: Vec<&String> = d
            .iter()
            .zip(&e)
            .filter(|(d, e)| d == e && d.split_whitespace().count() > 4)
            .map(|(d, _)| d)
            .collect();
        assert!(same.is_empty(), "German help in English: {same:#?}");
    }

    #[test]
    fn entries_name_commands_and_flags_that_exist() {
        let cmd = crate::cli::Cli::command();
        let tree = paths(&cmd);
        for h in TABLE {
            let key = h.path;
            if key == "*" || key == "help" {
                continue;
            }
            let path = if key == "quartier" { "" } else { key };
            assert!(
                tree.iter().any(|(p, _)| p == path),
                "help.toml: no command `{key}`"
            );
            // a group's entry may describe the flags of its commands
            let below = |p: &str| p == path || p.starts_with(&format!("{path} "));
            for (id, _) in h.args {
                assert!(
                    tree.iter()
                        .any(|(p, ids)| below(p) && ids.iter().any(|i| i == id)),
                    "help.toml: `{key}` has no flag `{id}`"
                );
            }
        }
    }

    #[test]
    fn every_list_filter_has_help_in_both_languages() {
        for s in crate::schema::all() {
            let path = format!("{} list", s.kind.name());
            for f in s.filters {
                for lang in [Lang::De, Lang::En] {
                    let help = arg_help(&path, f.id(), lang).unwrap_or_default();
                    assert!(
                        !help.trim().is_empty(),
                        "{path} --{}: no help",
                        f.flag_name()
                    );
                }
            }
        }
        // a filter help.toml does not name gets the field it filters on
        assert_eq!(
            filter_help("appointment list", "staff", Lang::De).as_deref(),
            Some("Nur Einträge mit diesem Wert im Feld „Mitarbeiter/in“")
        );
        assert_eq!(filter_help("appointment add", "staff", Lang::De), None);
        assert_eq!(filter_help("appointment list", "notes", Lang::De), None);
    }
}
