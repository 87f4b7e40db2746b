//! `quartier event done|cancel`: the status of an event (and its participant
//! counts), changed in place so that the rest of the file stays as it is.

use super::Counts;
use crate::cli::Globals;
use crate::commands::fields::{Naming, change_record};
use crate::commands::shared::{Change, CommitArg, Need, load_one, report_written};
use crate::error::Result;
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
    let mut counts = args.counts.clone();
    if event.participants.is_none() {
        let mut need = Need::new();
        counts.total = need.parsed("--total", "Teilnehmende insgesamt:", counts.total, |s| {
            s.trim()
                .parse::<u32>()
                .map_err(|_| crate::tr!("input.count", input = s))
        })?;
        need.finish()?;
    }
    let participants = counts.resolve(event.participants);
    // the rule book judges the change (future, counts that do not add up)
    let named = Naming {
        command: "event done",
        flags: &[
            ("participants.total", "--total"),
            ("participants.women", "--women"),
            ("participants.men", "--men"),
            ("participants.diverse", "--diverse"),
            ("participants.migrants", "--migrants"),
        ],
    };
    let (_, path) = change_record(&store, &config, Kind::Event, &path, named, |record| {
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
    let named = Naming {
        command: "event cancel",
        flags: &[],
    };
    let (_, path) = change_record(&store, &config, Kind::Event, &path, named, |record| {
        if let Record::Event(e) = record {
            e.status = EventStatus::Cancelled;
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
            verb: "cancel",
            id: &id,
            path: &path,
            moved_from: None,
        },
    )
}
