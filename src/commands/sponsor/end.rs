//! `quartier sponsor end`.

use crate::cli::Globals;
use crate::commands::fields::{Naming, change_record};
use crate::commands::shared::{Change, CommitArg, date_arg, report_written};
use crate::error::Result;
use crate::model::{Kind, Record, SponsorStatus};
use chrono::NaiveDate;

/// Mark a sponsor's project as ended: sets `end` (default today) and
/// `status = "ended"`, keeping the rest of the file as it is.
///
/// Example: quartier sponsor end kinderbuero-west --date 2026-06-30
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Slug (or a unique end of it)
    pub id: String,
    /// Last day of the project [default: today]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Sponsor, &args.id)?;
    let end = args.date.unwrap_or_else(crate::dates::today);
    let named = Naming {
        command: "sponsor end",
        flags: &[("end", "--date")],
    };
    let (_, path) = change_record(&store, &config, Kind::Sponsor, &path, named, |r| {
        if let Record::Sponsor(s) = r {
            s.end = Some(end);
            s.status = SponsorStatus::Ended;
        }
        Ok(())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Sponsor,
            verb: "end",
            id: &id,
            path: &path,
            moved_from: None,
        },
    )
}
