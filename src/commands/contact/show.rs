//! `quartier contact show`.

use crate::cli::Globals;
use crate::commands::shared::{load_one, print_record_with, print_show_linked};
use crate::error::Result;
use crate::model::{Kind, Record};

/// Show one short contact with the names of the partners the person was
/// pointed to.
///
/// Example: quartier contact show x7k2
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Contact id (or a unique end of it)
    pub id: String,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let (record, _path) = load_one(&store, &config, Kind::Contact, &args.id)?;
    let Record::Contact(contact) = &record else {
        unreachable!("resolved a contact")
    };
    if globals.json {
        return print_show_linked(&store, &config, &record);
    }
    let partners: Vec<(String, Option<String>)> = contact
        .referred_to
        .iter()
        .map(|id| {
            let name = load_one(&store, &config, Kind::Partner, id)
                .ok()
                .and_then(|(r, _)| {
                    if let Record::Partner(p) = r {
                        Some(p)
                    } else {
                        None
                    }
                })
                .filter(|p| p.id == *id)
                .map(|p| p.name);
            (id.clone(), name)
        })
        .collect();
    print_record_with(&record, &config, lang)?;
    if !partners.is_empty() {
        println!(
            "\n{}:",
            crate::i18n::t_in(lang, "ui.contact.show.referred-to")
        );
        for (id, name) in &partners {
            println!("  {id}  {}", name.as_deref().unwrap_or("?"));
        }
    }
    Ok(())
}
