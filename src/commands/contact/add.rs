//! `quartier contact add`.

use super::AddFlags;
use crate::cli::Globals;
use crate::commands::fields::{AddRequest, RecordFlags, add_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::{Config, Contact, Kind, Record};
use crate::store::{MonthRange, Scope, Store};
use chrono::Datelike;

/// Record a short contact: a walk-in, a phone call, a message.
///
/// No client code and no personal data: for someone who comes
/// back for counselling, use `quartier client new` and `appointment add`.
/// `--referred-to` names the partners the person was pointed to (nothing
/// was passed on, so no consent is needed). The date is today unless given.
///
/// Example: quartier contact add --kind walk-in --topics residence,housing --language ar --referred-to auslaenderbehoerde --duration 10
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub fields: RecordFlags<AddFlags>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (record, _) = add_record(
        globals,
        &store,
        &config,
        AddRequest {
            kind: Kind::Contact,
            given: args.fields.given,
            commit: &args.commit,
            verb: "add",
        },
    )?;
    if let Record::Contact(c) = &record {
        warn_twins(&store, &config, c);
    }
    Ok(())
}

/// Other short contacts of `new`'s day and time with its kind, topics and
/// language: the same contact typed twice, as far as a record without a
/// client can tell.
fn twins_of(store: &Store, config: &Config, new: &Contact) -> Vec<String> {
    let Some(time) = new.time else {
        return Vec::new();
    };
    let ym = Some((new.date.year(), new.date.month()));
    let scope = Scope {
        contacts: vec![MonthRange { from: ym, to: ym }],
        ..Scope::default()
    };
    store
        .load(config, &scope)
        .records
        .contacts
        .iter()
        .map(|e| &e.record)
        .filter(|c| {
            c.id != new.id
                && c.date == new.date
                && c.time == Some(time)
                && c.kind == new.kind
                && c.topics == new.topics
                && c.language == new.language
        })
        .map(|c| c.id.clone())
        .collect()
}

/// Says that a contact just written looks like one already recorded (it
/// stays written: two people may come at the same minute).
fn warn_twins(store: &Store, config: &Config, new: &Contact) {
    let same = twins_of(store, config, new);
    if same.is_empty() {
        return;
    }
    eprintln!(
        "{}",
        crate::tr!(
            "duplicates.contact-warning",
            date = new.date.format("%d.%m.%Y"),
            time = new
                .time
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
            ids = same.join(", "),
            id = new.id
        )
    );
}
