//! `quartier directory`: the partner directory as a printable guide.

use crate::cli::Globals;
use crate::commands::shared::{flag_value, refuse_errors};
use crate::error::{CommandError, Result};
use crate::model::Kind;
use crate::print::directory;
use crate::schema::FieldType;
use crate::store::Scope;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Print the partner directory as a neighbourhood guide (Wegweiser)
///
/// Partners grouped by the topics they help with, each with its kind, the
/// languages it counsels in (as names), address, phone and website — only
/// an organisation's public contact data, never notes or e-mail addresses.
/// A partner appears under every topic it offers; partners without topics
/// come last under "Weitere Anlaufstellen". `--topic` and `--language`
/// narrow the guide ("who helps with housing in Arabic?").
///
/// Format: html (an A4 page to print, self-contained) or md; without
/// --format, html when --out ends in .html or .htm, md otherwise.
///
/// Example: quartier directory --out wegweiser.html
/// Example: quartier directory --topic housing --language ar --format md
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only partners that help with this topic code
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
    /// Only partners that counsel in this language (ISO 639-1)
    #[arg(long, value_name = "LANG")]
    pub language: Option<String>,
    /// html (to print) or md
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to FILE (atomically) and print nothing; `-` is standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Html,
    Md,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.print_lang(&config);
    if let Some(out) = &args.out {
        crate::out::target(out, store.root())?; // refused before any work
    }
    let topic = args
        .topic
        .as_deref()
        .map(|t| flag_value(&FieldType::Topic, "--topic", t, &config))
        .transpose()?;
    let topic = topic.as_deref();
    let language = args
        .language
        .as_deref()
        .map(|l| flag_value(&FieldType::Language, "--language", l, &config))
        .transpose()?;
    let loaded = store.load(&config, &Scope::undated_kinds(&[Kind::Partner]));
    refuse_errors(&loaded)?;
    let partners: Vec<_> = loaded.records.partners.iter().map(|e| &e.record).collect();
    let guide = directory::build(
        &partners,
        &config,
        lang,
        topic,
        language.as_deref(),
        crate::dates::today(),
    );
    if guide.entries() == 0 {
        eprintln!(
            "{}",
            crate::i18n::t_in(lang, "ui.directory.note-no-partner-matches-this")
        );
    }
    let format = args.format.unwrap_or(match &args.out {
        Some(p) if is_html_path(p) => Format::Html,
        _ => Format::Md,
    });
    let text = match format {
        Format::Html => directory::html(&guide, lang),
        Format::Md => directory::md(&guide, lang),
    };
    write_output(args.out.as_deref(), store.root(), &text)
}

fn is_html_path(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Writes `text` to `out` by the rules of `--out` (atomically, never into
/// the records folder except `reports/`), or to standard output.
pub fn write_output(out: Option<&Path>, records: &Path, text: &str) -> Result<()> {
    match out {
        Some(path) => crate::out::write(path, records, text.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(CommandError::data(crate::tr!(
                        "out.cannot-write-output",
                        error = crate::error::IoProblem(&e)
                    )))
                }
                _ => Ok(()),
            }
        }
    }
}
