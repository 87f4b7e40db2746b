//! `quartier man`: the manual pages, one for quartier and one per sub-command.

use crate::cli::{Cli, Globals};
use crate::commands::shared::write_stdout;
use crate::error::{CommandError, Result};
use clap::CommandFactory;
use std::path::{Path, PathBuf};

/// Print the manual page (roff), of quartier or of one sub-command; or
/// write all pages (quartier.1, quartier-partner-list.1, …) into a folder.
/// Needs no records folder.
///
/// Example: quartier man > ~/.local/share/man/man1/quartier.1
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The sub-command whose page to print, e.g. `partner list` [default: quartier's own page]
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
    /// Write every page into this folder instead (e.g. ~/.local/share/man/man1)
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub dir: Option<PathBuf>,
}

pub fn run(args: Args, _globals: &Globals) -> Result<()> {
    let root = crate::i18n::help::localize(
        Cli::command().disable_help_subcommand(true),
        crate::i18n::lang(),
    );
    if let Some(dir) = &args.dir {
        return write_all(&root, dir);
    }
    let mut cmd = root;
    for (i, word) in args.command.iter().enumerate() {
        let found = cmd.find_subcommand(word).cloned();
        cmd = found.ok_or_else(|| {
            let known: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
            CommandError::usage(crate::tr!(
                "man.no-such-command",
                group = std::iter::once("quartier")
                    .chain(args.command[..i].iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(" "),
                word = word,
                known = known.join(", ")
            ))
        })?;
    }
    write_stdout(&render(&cmd)?)
}

fn render(cmd: &clap::Command) -> Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .source(format!("quartier {}", env!("CARGO_PKG_VERSION")))
        .render(&mut page)
        .map_err(|e| CommandError::data(crate::tr!("man.cannot-render", problem = e)))?;
    Ok(headings_in(&String::from_utf8_lossy(&page), crate::i18n::lang()).into_bytes())
}

/// The page with clap_mangen's fixed English section headings (NAME,
/// SYNOPSIS, DESCRIPTION, EXTRA — our examples) in `lang`, upper case as
/// man pages have them.
fn headings_in(page: &str, lang: crate::model::Lang) -> String {
    const HEADINGS: [(&str, &str); 5] = [
        ("NAME", "man.heading.name"),
        ("SYNOPSIS", "man.heading.synopsis"),
        ("DESCRIPTION", "man.heading.description"),
        ("EXTRA", "man.heading.extra"),
        ("SUBCOMMANDS", "man.heading.subcommands"),
    ];
    let commands = crate::i18n::t_in(lang, "help.commands");
    page.lines()
        .map(|line| {
            let Some(heading) = line.strip_prefix(".SH ") else {
                return line.to_string();
            };
            match HEADINGS.iter().find(|(h, _)| *h == heading) {
                Some((_, id)) => format!(".SH {}", crate::i18n::t_in(lang, id)),
                None if heading == commands => format!(".SH {}", commands.to_uppercase()),
                None => line.to_string(),
            }
        })
        .flat_map(|l| [l, "\n".to_string()])
        .collect()
}

/// Writes the page of `cmd` and of every sub-command below it.
fn write_all(cmd: &clap::Command, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|e| CommandError::io(crate::error::IoAction::Create, dir, &e))?;
    let mut written = 0;
    let mut pending = vec![cmd.clone()];
    while let Some(cmd) = pending.pop() {
        pending.extend(cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned());
        let man = clap_mangen::Man::new(cmd.clone());
        let path = dir.join(man.get_filename());
        crate::store::atomic_write(&path, &render(&cmd)?)?;
        written += 1;
    }
    eprintln!(
        "{}",
        crate::tr!("man.written", count = written, dir = dir.display())
    );
    Ok(())
}
