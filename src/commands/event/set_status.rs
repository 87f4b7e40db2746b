//! `quartier event done|cancel`: the status of an event (and its participant
//! counts), changed in place so that the rest of the file stays as it is.

use super::Counts;
use crate::cli::Globals;
use crate::commands::shared::{Change, CommitArg, Need, load_one, report_written, set_str};
use crate::error::{CommandError, Result};
use crate::model::{EventStatus, Kind, Record};

/// Mark an event as held and record its participants.
///
/// `--total` is needed
/// unless the file has a [participants] table already; counts not given keep
/// their value there (or 0).
///
/// Example: quartier event done m2q8 --total 23 --women 14 --men 9 --migrants 17
#[derive(Debug, clap::Args)]
pub struct DoneArgs {
    /// Event id (or a unique end of it)
    pub id: String,
    #[command(flatten)]
    pub counts: Counts,
    #[command(flatten)]
    pub commit: CommitArg,
}

/// Mark an event as cancelled (`status = "cancelled"`).
///
/// Example: quartier event cancel m2q8
#[derive(Debug, clap::Args)]
pub struct CancelArgs {
    /// Event id (or a unique end of it)
    pub id: String,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn done(args: DoneArgs, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (record, path) = load_one(&store, &config, Kind::Event, &args.id)?;
    let Record::Event(event) = record else {
        unreachable!("resolved an event")
    };
    if event.date > crate::dates::today() {
        return Err(CommandError::usage(format!(
            "{} is dated {}, which lies in the future: it cannot be `done` before it took place ({} was not changed)",
            event.id,
            event.date,
            path.display()
        )));
    }
    let mut counts = args.counts.clone();
    if event.participants.is_none() {
        let mut need = Need::new();
        counts.total = need.parsed("--total", "Teilnehmende insgesamt:", counts.total, |s| {
            s.trim()
                .parse::<u32>()
                .map_err(|_| format!("`{s}` is not a count"))
        })?;
        need.finish()?;
    }
    let participants = counts.resolve(event.participants)?;
    let (_, path) = store.update_record(&config, Kind::Event, &path, |record| {
        if let Record::Event(e) = record {
            e.status = EventStatus::Done;
            e.participants = Some(participants);
        }
        Ok(())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Event,
            verb: "done",
            id: &event.id,
            path: &path,
            moved_from: None,
        },
    )
}

pub fn cancel(args: CancelArgs, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Event, &args.id)?;
    let (_, path) = store.update(&config, Kind::Event, &path, |doc| {
        set_str(doc, "status", EventStatus::Cancelled.code());
        Ok(())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Event,
            verb: "cancel",
            id: &id,
            path: &path,
            moved_from: None,
        },
    )
}
