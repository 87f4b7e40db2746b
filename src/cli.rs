//! The command line: global options, the command tree and the exit codes.

use crate::commands::Command;
use crate::error::{CommandError, Result};
use crate::model::{Config, Lang};
use crate::store::Store;
use clap::Parser;
use std::io::IsTerminal;
use std::path::PathBuf;

mod lazy;

/// Records and ESF activity reports for a neighbourhood management office.
///
/// Example: quartier report monthly --previous
#[derive(Debug, Parser)]
#[command(
    name = "quartier",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct Globals {
    /// The records folder [default: $QUARTIER_RECORDS, else the nearest folder
    /// upwards holding quartier.toml, else ./records]
    #[arg(long, global = true, value_name = "DIR")]
    pub records: Option<PathBuf>,
    /// Print JSON instead of tables and text
    #[arg(long, global = true)]
    pub json: bool,
    /// Language of labels [default: office.language of quartier.toml]
    #[arg(long, global = true, value_name = "de|en")]
    pub lang: Option<Lang>,
}

impl Globals {
    /// The records folder these options point at (it need not exist).
    pub fn records_dir(&self) -> PathBuf {
        let env = std::env::var_os("QUARTIER_RECORDS").map(PathBuf::from);
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        Store::discover(self.records.as_deref(), env.as_deref(), &cwd)
    }

    /// Opens the records folder.
    pub fn store(&self) -> Result<Store> {
        Store::open(self.records_dir())
    }

    /// Opens the records folder and reads its settings.
    pub fn open(&self) -> Result<(Store, Config)> {
        let store = self.store()?;
        let config = store.config_or_fail()?;
        Ok((store, config))
    }

    /// The language of the interface — tables, `show`, lists, questions:
    /// `--lang`, else the personal `language`, else `office.language`
    /// (SPEC §2 "Language"), as [`crate::i18n::lang`] has it for messages.
    pub fn lang(&self, config: &Config) -> Lang {
        self.lang
            .or_else(crate::personal::language)
            .unwrap_or(config.office.language)
    }

    /// The language of what is handed in — reports and `directory`:
    /// `--lang`, else `office.language`; a colleague's personal setting
    /// never changes it.
    pub fn print_lang(&self, config: &Config) -> Lang {
        self.lang.unwrap_or(config.office.language)
    }
}

/// Whether a person sits at the terminal (prompts are allowed only then).
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = lang_from_args(&args)
        .or_else(crate::personal::language)
        .or_else(|| office_language(&args))
        .unwrap_or_default();
    crate::i18n::set_lang(lang);
    // Localizing the whole command tree is nine tenths of a start's work and
    // changes only what clap prints, never what it accepts: arguments that
    // parse need no texts, and only help, version and usage errors (parsed
    // again, alike) are rendered from the localized tree.
    // The command tree is never dropped: freeing its thousands of parts
    // took a fifth of a start's instructions, and the process ends soon
    // after (`std::process::exit` frees nothing either).
    let parse = |command: clap::Command| {
        let command = Box::leak(Box::new(command));
        command
            .try_get_matches_from_mut(&args)
            .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m))
    };
    // First with each command's arguments made only for the command given
    // (`lazy`): the whole tree is built again for what is shown.
    let parsed = {
        let command = Box::leak(Box::new(<lazy::LazyCli as clap::CommandFactory>::command()));
        command
            .try_get_matches_from_mut(&args)
            .and_then(|m| <lazy::LazyCli as clap::FromArgMatches>::from_arg_matches(&m))
            .map(Cli::from)
    }
    .or_else(|_| {
        parse(crate::i18n::help::localize(
            <Cli as clap::CommandFactory>::command(),
            lang,
        ))
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            match crate::i18n::clap_errors::render(&e, lang) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return code;
        }
    };
    match crate::commands::run(cli.command, &cli.globals) {
        Ok(()) => 0,
        Err(e) => report_error(&e),
    }
}

/// `office.language` of the records folder the arguments point at, read
/// leniently (a broken quartier.toml is `check`'s business, not this one's).
fn office_language(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut records = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let Some(s) = a.to_str() else { continue };
        if s == "--" {
            break;
        }
        if s == "--records" {
            records = it.next().map(PathBuf::from);
        } else if let Some(v) = s.strip_prefix("--records=") {
            records = Some(PathBuf::from(v));
        }
    }
    let globals = Globals {
        records,
        json: false,
        lang: None,
    };
    let text = std::fs::read_to_string(globals.records_dir().join("quartier.toml")).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    Lang::from_code(table.get("office")?.get("language")?.as_str()?)
}

/// The value of `--lang de|en` (or `--lang=…`) among the arguments, read
/// before clap parses them so that parsing itself speaks that language.
fn lang_from_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut it = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == "--" {
            return None;
        }
        if a == "--lang" {
            return it.next().and_then(Lang::from_code);
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::from_code(v);
        }
    }
    None
}

fn report_error(e: &CommandError) -> i32 {
    if !e.message.is_empty() {
        eprintln!("quartier: {}", e.message);
    }
    e.exit_code()
}
