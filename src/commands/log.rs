//! `quartier log`: the history of one record — who changed it, when, and how
//! the commit called it — from git.

use crate::cli::Globals;
use crate::error::Result;
use crate::git::{LogEntry, Repo};
use crate::model::Lang;
use comfy_table::Table;

/// Show the history of one record: who changed it, when, and how.
///
/// Newest first: date, author and commit message of every commit that changed
/// its file, following moves to another month folder. Takes the id or any
/// unique end of it.
///
/// Example: quartier log x7k2
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The record's id (or a unique end of it, e.g. `x7k2`)
    #[arg(value_name = "ID")]
    pub id: String,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let store = globals.store()?;
    let (_, id, path) = store.resolve_any(&args.id)?;
    let repo = Repo::open(store.root())?;
    let history = repo.history(&path)?;
    let uncommitted = repo.has_uncommitted(&path)?;
    if globals.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&history).unwrap_or_else(|_| "[]".into())
        );
    } else {
        let lang = match store.config() {
            Ok(config) => globals.lang(&config),
            Err(_) => globals.lang.unwrap_or_default(),
        };
        println!("{id}  {}", path.display());
        if !history.is_empty() {
            println!("{}", table(&history, lang));
        }
    }
    if history.is_empty() {
        eprintln!("{}", crate::tr!("log.no-commits", id = id));
    } else if uncommitted {
        eprintln!("{}", crate::tr!("log.uncommitted", id = id));
    }
    Ok(())
}

fn table(history: &[LogEntry], lang: Lang) -> Table {
    let mut t = crate::commands::shared::table(
        lang,
        &[
            "ui.heading.date",
            "ui.heading.author",
            "ui.heading.change",
            "ui.heading.commit",
        ],
    );
    for e in history {
        t.add_row(vec![
            short_date(&e.date),
            e.author.clone(),
            e.subject.clone(),
            e.commit.chars().take(8).collect(),
        ]);
    }
    t
}

/// `2026-11-25T14:03:09+01:00` → `2026-11-25 14:03`.
fn short_date(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time}"),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_shortened_to_the_minute() {
        assert_eq!(short_date("2026-11-25T14:03:09+01:00"), "2026-11-25 14:03");
        assert_eq!(short_date("odd"), "odd");
    }
}
