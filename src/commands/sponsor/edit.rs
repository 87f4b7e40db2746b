//! `quartier sponsor edit`.

use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, date_arg, report_written, set_date, set_opt_str, set_str,
};
use crate::error::Result;
use crate::model::{Field, Kind, SponsorStatus};
use chrono::NaiveDate;

/// Change fields of a sponsor; the rest of the file (comments, order) stays.
/// Without field flags, opens the record in $VISUAL/$EDITOR.
///
/// Example: quartier sponsor edit kinderbuero-west --contact "Projektleitung"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Slug (or a unique end of it)
    pub id: String,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub project: Option<String>,
    #[arg(long)]
    pub field: Option<Field>,
    #[arg(long, value_parser = date_arg)]
    pub start: Option<NaiveDate>,
    #[arg(long, value_parser = date_arg)]
    pub end: Option<NaiveDate>,
    #[arg(long)]
    pub contact: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub status: Option<SponsorStatus>,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Sponsor, &args.id)?;
    let no_flags = args.name.is_none()
        && args.project.is_none()
        && args.field.is_none()
        && args.start.is_none()
        && args.end.is_none()
        && args.contact.is_none()
        && args.email.is_none()
        && args.phone.is_none()
        && args.status.is_none()
        && args.notes.is_none();
    if no_flags {
        return crate::commands::edit::edit_in_editor(
            globals,
            &store,
            &config,
            Kind::Sponsor,
            &id,
            &path,
            &args.commit,
        );
    }
    let (_, path) = store.update(&config, Kind::Sponsor, &path, |doc| {
        set_opt_str(doc, "name", &args.name);
        set_opt_str(doc, "project", &args.project);
        if let Some(f) = args.field {
            set_str(doc, "field", f.code());
        }
        if let Some(d) = args.start {
            set_date(doc, "start", d);
        }
        if let Some(d) = args.end {
            set_date(doc, "end", d);
        }
        set_opt_str(doc, "contact", &args.contact);
        set_opt_str(doc, "email", &args.email);
        set_opt_str(doc, "phone", &args.phone);
        if let Some(s) = args.status {
            set_str(doc, "status", s.code());
        }
        set_opt_str(doc, "notes", &args.notes);
        Ok(())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Sponsor,
            verb: "edit",
            id: &id,
            path: &path,
            moved_from: None,
        },
    )
}
