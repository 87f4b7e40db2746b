//! `quartier topics`: the topic codes this office uses, with their labels.

use crate::cli::Globals;
use crate::commands::shared::{print_table, table};
use crate::error::{CommandError, Result};
use crate::model::Lang;
use serde::Serialize;

/// List the topic codes with their German and English labels.
///
/// The built-in codes first, then those `[topics.codes]` in quartier.toml
/// adds. Use the codes with --topics and --topic, e.g. `--topics residence,housing`.
///
/// Example: quartier topics
#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Debug, Serialize)]
struct Topic {
    code: String,
    de: String,
    en: String,
}

pub fn run(_args: Args, globals: &Globals) -> Result<()> {
    let (_store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let topics: Vec<Topic> = config
        .topic_codes()
        .into_iter()
        .map(|code| Topic {
            de: config.topic_label(&code, Lang::De),
            en: config.topic_label(&code, Lang::En),
            code,
        })
        .collect();
    if globals.json {
        let text = serde_json::to_string_pretty(&topics)
            .map_err(|e| CommandError::data(crate::tr!("out.cannot-write-json", error = e)))?;
        println!("{text}");
        return Ok(());
    }
    let mut t = table(
        lang,
        &["ui.heading.code", "ui.heading.german", "ui.heading.english"],
    );
    for topic in topics {
        t.add_row(vec![topic.code, topic.de, topic.en]);
    }
    print_table(t, lang);
    Ok(())
}
