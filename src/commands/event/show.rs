//! `quartier event show`.

use crate::cli::Globals;
use crate::commands::shared::{load_one, print_record_with, print_show_linked};
use crate::error::Result;
use crate::model::{Kind, Record};

/// Show one event with the names of its partners and sponsors.
///
/// Example: quartier event show m2q8
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Event id (or a unique end of it)
    pub id: String,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let (record, _path) = load_one(&store, &config, Kind::Event, &args.id)?;
    let Record::Event(event) = &record else {
        unreachable!("resolved an event")
    };
    let name_of = |kind: Kind, id: &str| -> Option<String> {
        let record = load_one(&store, &config, kind, id).ok()?.0;
        if let Record::Partner(p) = &record
            && p.id == id
        {
            return Some(p.name.clone());
        }
        if let Record::Sponsor(s) = &record
            && s.id == id
        {
            return Some(format!("{} ({})", s.name, s.project));
        }
        None
    };
    let names = |kind: Kind, ids: &[String]| -> Vec<(String, Option<String>)> {
        ids.iter()
            .map(|id| (id.clone(), name_of(kind, id)))
            .collect()
    };
    let partners = names(Kind::Partner, &event.partners);
    let sponsors = names(Kind::Sponsor, &event.sponsors);
    if globals.json {
        return print_show_linked(&store, &config, &record);
    }
    print_record_with(&record, &config, lang)?;
    for (label, list) in [
        (crate::i18n::t_in(lang, "ui.event.show.partners"), &partners),
        (crate::i18n::t_in(lang, "ui.event.show.sponsors"), &sponsors),
    ] {
        if !list.is_empty() {
            println!("\n{label}:");
            for (id, name) in list {
                println!("  {id}  {}", name.as_deref().unwrap_or("?"));
            }
        }
    }
    Ok(())
}
