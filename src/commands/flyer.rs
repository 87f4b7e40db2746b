//! `quartier flyer`: the consultation hours as a flyer, one page per language.

use crate::cli::Globals;
use crate::commands::directory::write_output;
use crate::commands::shared::list_items;
use crate::error::{CommandError, Result};
use crate::print::flyer;
use std::path::PathBuf;

/// Print the consultation hours as a flyer, one A4 page per language
///
/// The hours come from `[[hours]]` in quartier.toml, the office's name,
/// location, operator and programme as written there. The fixed texts are
/// translated for de, en, ar, fa, ru, uk and tr; Arabic and Farsi pages run
/// right to left. A self-contained HTML file: open it in a browser and print.
///
/// Example: quartier flyer --languages de,ar,fa,uk --out flyer.html
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The page languages, in print order (de, en, ar, fa, ru, uk, tr)
    #[arg(long, value_name = "LANG,…", value_delimiter = ',', required = true)]
    pub languages: Vec<String>,
    /// Write to FILE (atomically) and print nothing; `-` is standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let mut languages: Vec<String> = Vec::new();
    for code in list_items(&args.languages) {
        let code = code.to_ascii_lowercase();
        if !flyer::has_language(&code) {
            return Err(CommandError::usage(crate::tr!(
                "flyer.no-texts-in",
                code = code,
                codes = flyer::language_codes()
            )));
        }
        if !languages.contains(&code) {
            languages.push(code);
        }
    }
    if languages.is_empty() {
        return Err(CommandError::usage(crate::tr!(
            "flyer.no-language",
            codes = flyer::language_codes()
        )));
    }
    let (store, config) = globals.open()?;
    if let Some(out) = &args.out {
        crate::out::target(out, store.root())?; // refused before any work
    }
    if config.hours.is_empty() {
        return Err(CommandError::data(crate::tr!("flyer.no-hours")));
    }
    let text = flyer::html(&config, &languages, &crate::print::language_name_in);
    write_output(args.out.as_deref(), store.root(), &text)
}
