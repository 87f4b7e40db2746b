//! Snapshots of `--help` of every command, German and English. The list
//! of commands comes from walking clap's command tree, so a new command
//! gets its snapshots without a line here (`cargo insta review` accepts
//! them).

use crate::support::run_in;
use quartier::i18n::help::{localize, paths};
use quartier::model::Lang;

fn tree(lang: Lang) -> clap::Command {
    let cmd = <quartier::cli::Cli as clap::CommandFactory>::command().term_width(100);
    localize(cmd, lang)
}

/// The long help (`--help`) of the command at `path` in `tree`.
fn help_of(tree: &mut clap::Command, path: &str) -> String {
    let mut cmd = tree;
    for word in path.split(' ').filter(|w| !w.is_empty()) {
        cmd = cmd
            .find_subcommand_mut(word)
            .unwrap_or_else(|| panic!("no command `{path}`"));
    }
    cmd.render_long_help().to_string()
}

#[test]
fn help_of_every_command_in_german_and_english() {
    let commands = paths(&<quartier::cli::Cli as clap::CommandFactory>::command());
    assert!(commands.len() > 60, "{} commands", commands.len());
    for (lang, code) in [(Lang::De, "de"), (Lang::En, "en")] {
        let mut t = tree(lang);
        for (path, _) in &commands {
            let name = if path.is_empty() {
                "quartier".to_string()
            } else {
                path.replace(' ', "-")
            };
            insta::assert_snapshot!(format!("{code}-{name}"), help_of(&mut t, path));
        }
    }
}

/// The snapshots show what the binary prints: `--help` of the real
/// program, piped, is the same text.
#[test]
fn the_binary_prints_the_snapshotted_help() {
    let dir = crate::support::tempdir();
    for (lang, args) in [
        (Lang::De, &["sponsor", "deadline", "add", "--help"][..]),
        (
            Lang::En,
            &["--lang", "en", "appointment", "add", "--help"][..],
        ),
    ] {
        let run = run_in(dir.path(), args, &[]);
        run.ok();
        let path: Vec<&str> = args
            .iter()
            .copied()
            .filter(|a| !a.starts_with("--") && *a != "en")
            .collect();
        assert_eq!(run.stdout, help_of(&mut tree(lang), &path.join(" ")));
    }
}
