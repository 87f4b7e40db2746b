//! `quartier partner edit`.

use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, check_languages, check_topics, list_items, report_written, set_list,
    set_opt_str, set_or_remove_str, set_str,
};
use crate::error::{CommandError, Result};
use crate::model::{Kind, PartnerKind};

/// Change fields of a partner; the rest of the file (comments, order)
/// stays. A list flag replaces the whole list; an empty value (`--notes ""`,
/// `--offers ""`) removes the field. Without field flags, opens the record in
/// $VISUAL/$EDITOR.
///
/// Example: quartier partner edit mieterverein --languages de,ar,fa
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Slug (or a unique end of it)
    pub id: String,
    /// Name of the organisation
    #[arg(long)]
    pub name: Option<String>,
    /// What kind of organisation it is
    #[arg(long)]
    pub kind: Option<PartnerKind>,
    /// Topic codes it helps with (comma-separated or repeated; replaces the list)
    #[arg(long, value_delimiter = ',', value_name = "TOPIC")]
    pub offers: Option<Vec<String>>,
    /// Languages it counsels in, ISO 639-1 (replaces the list)
    #[arg(long, value_delimiter = ',', value_name = "LANG")]
    pub languages: Option<Vec<String>>,
    /// Postal address of the organisation
    #[arg(long)]
    pub address: Option<String>,
    /// Phone number of the organisation
    #[arg(long)]
    pub phone: Option<String>,
    /// E-mail address of the organisation
    #[arg(long)]
    pub email: Option<String>,
    /// Web address
    #[arg(long)]
    pub website: Option<String>,
    /// Free text
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let offers = args.offers.as_deref().map(list_items);
    if let Some(o) = &offers {
        check_topics(&config, o, "--offers")?;
    }
    let languages = args
        .languages
        .as_deref()
        .map(|l| check_languages(l, "--languages"))
        .transpose()?;
    if args.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(CommandError::usage("--name must not be empty"));
    }
    let (id, path) = store.resolve(Kind::Partner, &args.id)?;
    let no_flags = args.name.is_none()
        && args.kind.is_none()
        && offers.is_none()
        && languages.is_none()
        && args.address.is_none()
        && args.phone.is_none()
        && args.email.is_none()
        && args.website.is_none()
        && args.notes.is_none();
    if no_flags {
        return crate::commands::edit::edit_in_editor(
            globals,
            &store,
            &config,
            Kind::Partner,
            &id,
            &path,
            &args.commit,
        );
    }
    let (_, path) = store.update(&config, Kind::Partner, &path, |doc| {
        set_opt_str(doc, "name", &args.name);
        if let Some(k) = args.kind {
            set_str(doc, "kind", k.code());
        }
        if let Some(o) = &offers {
            set_list(doc, "offers", o);
        }
        if let Some(l) = &languages {
            set_list(doc, "languages", l);
        }
        set_or_remove_str(doc, "address", &args.address);
        set_or_remove_str(doc, "phone", &args.phone);
        set_or_remove_str(doc, "email", &args.email);
        set_or_remove_str(doc, "website", &args.website);
        set_or_remove_str(doc, "notes", &args.notes);
        Ok(())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Partner,
            verb: "edit",
            id: &id,
            path: &path,
            moved_from: None,
        },
    )
}
