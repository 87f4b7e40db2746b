//! `quartier completions SHELL`: shell completion scripts.

use crate::cli::{Cli, Globals};
use crate::commands::shared::write_stdout;
use crate::error::Result;
use crate::model::Lang;
use crate::schema::FieldType;
use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Command, CommandFactory};
use clap_complete::Shell;

/// Print a completion script for your shell. Needs no records folder.
///
/// Example: quartier completions bash > ~/.local/share/bash-completion/completions/quartier
#[derive(Debug, clap::Args)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell
    pub shell: Shell,
}

pub fn run(args: Args, _globals: &Globals) -> Result<()> {
    // Shells that show descriptions (zsh, fish) show them in the interface language.
    let lang = crate::i18n::lang();
    let mut cmd = values_in(crate::i18n::help::localize(Cli::command(), lang), lang);
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "quartier", &mut script);
    write_stdout(&script)
}

/// The tree with the descriptions of every flag's values in `lang`: a
/// code's label (`sponsor`: Trägertermin), or the catalogue's words for the
/// values of the other choices (`[value-help."…"]`, keyed by the English
/// text the code gives them). Only for completion scripts: the values'
/// parsers become plain lists, which this tree never parses with.
pub fn values_in(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = cmd.mut_args(|a| {
        let values = a.get_possible_values();
        if !values.iter().any(|v| v.get_help().is_some()) {
            return a;
        }
        let relabelled: Vec<PossibleValue> = values
            .iter()
            .map(|v| match v.get_help() {
                Some(help) => v
                    .clone()
                    .help(value_help(v.get_name(), &help.to_string(), lang)),
                None => v.clone(),
            })
            .collect();
        a.value_parser(PossibleValuesParser::new(relabelled))
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| values_in(s, lang));
    }
    cmd
}

/// The description of the value `code` whose English one is `english`.
fn value_help(code: &str, english: &str, lang: Lang) -> String {
    if let Some(t) = crate::i18n::lookup(lang, &format!("value-help.{english}")) {
        return t.to_string();
    }
    for (_, _, f) in crate::schema::every_field() {
        let (FieldType::Code(v) | FieldType::Codes(v)) = f.ty else {
            continue;
        };
        if (v.label)(code, Lang::En) == Some(english)
            && let Some(label) = (v.label)(code, lang)
        {
            return label.to_string();
        }
    }
    english.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value description of the German tree is German: no English
    /// description is left that has words of its own in German.
    #[test]
    fn every_value_is_described_in_german() {
        let en = Cli::command();
        let de = values_in(
            crate::i18n::help::localize(Cli::command(), Lang::De),
            Lang::De,
        );
        fn helps(cmd: &Command, out: &mut Vec<(String, String)>) {
            for a in cmd.get_arguments() {
                for v in a.get_possible_values() {
                    if let Some(h) = v.get_help() {
                        out.push((v.get_name().to_string(), h.to_string()));
                    }
                }
            }
            for s in cmd.get_subcommands() {
                helps(s, out);
            }
        }
        let (mut e, mut d) = (Vec::new(), Vec::new());
        helps(&en, &mut e);
        helps(&de, &mut d);
        assert!(e.len() > 50, "{}", e.len());
        let mut english: Vec<String> = d
            .iter()
            .filter(|(code, h)| {
                // the same word in both languages (Workshop, Video) is no English
                e.iter().any(|(c, eh)| c == code && eh == h)
                    && !matches!(h.as_str(), "Workshop" | "Video" | "video")
            })
            .map(|(c, h)| format!("{c}: {h}"))
            .collect();
        english.sort();
        english.dedup();
        assert!(
            english.is_empty(),
            "English in German completions: {english:#?}"
        );
        assert!(d.iter().any(|(c, h)| c == "sponsor" && h == "Trägertermin"));
        assert!(
            d.iter()
                .any(|(c, h)| c == "xlsx" && h.contains("Excel-Arbeitsmappe"))
        );
    }
}
