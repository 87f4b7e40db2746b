//! `quartier event edit`.

use super::{Counts, write_participants};
use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, check_languages, check_topics, clean_list, date_arg, remove_key,
    report_written, resolve_ref, set_bool, set_date, set_list, set_opt_str, set_str, set_time,
    time_arg, warn_about,
};
use crate::error::{CommandError, Result};
use crate::model::{EventKind, EventStatus, Kind, Record};
use chrono::{NaiveDate, NaiveTime};

/// Change fields of an event.
///
/// The rest of the file (comments, order) stays.
/// List flags replace the list. A new date moves the file to its month
/// folder. Without field flags, opens the record in $VISUAL/$EDITOR.
///
/// Example: quartier event edit m2q8 --location "Stadtteilladen, Lützner Str. 1" --partners mieterverein
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Event id (or a unique end of it)
    pub id: String,
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    #[arg(long, value_parser = time_arg)]
    pub time: Option<NaiveTime>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub kind: Option<EventKind>,
    #[arg(long)]
    pub status: Option<EventStatus>,
    #[arg(long, value_delimiter = ',')]
    pub topics: Option<Vec<String>>,
    #[arg(long)]
    pub location: Option<String>,
    #[arg(long, value_delimiter = ',')]
    pub partners: Option<Vec<String>>,
    #[arg(long, value_delimiter = ',')]
    pub sponsors: Option<Vec<String>>,
    #[arg(long, value_delimiter = ',')]
    pub languages: Option<Vec<String>>,
    /// Interpreting was offered
    #[arg(long, conflicts_with = "no_interpreter")]
    pub interpreter: bool,
    /// No interpreting
    #[arg(long)]
    pub no_interpreter: bool,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub counts: Counts,
    #[command(flatten)]
    pub commit: CommitArg,
}

impl Args {
    fn has_fields(&self) -> bool {
        self.date.is_some()
            || self.time.is_some()
            || self.title.is_some()
            || self.kind.is_some()
            || self.status.is_some()
            || self.topics.is_some()
            || self.location.is_some()
            || self.partners.is_some()
            || self.sponsors.is_some()
            || self.languages.is_some()
            || self.interpreter
            || self.no_interpreter
            || self.notes.is_some()
            || self.counts.any()
    }
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Event, &args.id)?;
    if !args.has_fields() {
        return crate::commands::edit::edit_in_editor(
            globals,
            &store,
            &config,
            Kind::Event,
            &id,
            &path,
            &args.commit,
        );
    }
    let rel = path.strip_prefix(store.root()).unwrap_or(&path);
    let current = match store.read_file(rel, &config).0 {
        Some(Record::Event(e)) => Some(e),
        _ => None,
    };
    let date = args.date.or(current.as_ref().map(|e| e.date));
    let status = args.status.or(current.as_ref().map(|e| e.status));
    if status == Some(EventStatus::Done)
        && let Some(d) = date
        && d > crate::dates::today()
    {
        return Err(CommandError::usage(format!(
            "an event on {d} lies in the future and cannot be `done`; nothing was changed"
        )));
    }
    let existing = current.as_ref().and_then(|e| e.participants);
    let participants = if args.counts.any() {
        if existing.is_none() && args.counts.total.is_none() {
            return Err(CommandError::usage(
                "participant counts need --total as well",
            ));
        }
        Some(args.counts.resolve(existing)?)
    } else {
        None
    };
    let topics = args.topics.as_deref().map(clean_list);
    if let Some(t) = &topics {
        check_topics(&config, t, "--topics")?;
    }
    let languages = args
        .languages
        .as_deref()
        .map(|l| check_languages(&clean_list(l), "--languages"))
        .transpose()?;
    let refs = |kind, flag, list: &Option<Vec<String>>| -> Result<Option<Vec<String>>> {
        list.as_deref()
            .map(|l| {
                clean_list(l)
                    .iter()
                    .map(|q| resolve_ref(&store, kind, flag, q))
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()
    };
    let partners = refs(Kind::Partner, "--partners", &args.partners)?;
    let sponsors = refs(Kind::Sponsor, "--sponsors", &args.sponsors)?;
    let (_, new_path) = store.update(&config, Kind::Event, &path, |doc| {
        if let Some(d) = args.date {
            set_date(doc, "date", d);
        }
        if let Some(t) = args.time {
            set_time(doc, "time", t);
        }
        set_opt_str(doc, "title", &args.title);
        if let Some(k) = args.kind {
            set_str(doc, "kind", k.code());
        }
        if let Some(s) = args.status {
            set_str(doc, "status", s.code());
        }
        for (key, list) in [
            ("topics", &topics),
            ("partners", &partners),
            ("sponsors", &sponsors),
            ("languages", &languages),
        ] {
            if let Some(l) = list {
                set_list(doc, key, l);
            }
        }
        set_opt_str(doc, "location", &args.location);
        if args.interpreter {
            set_bool(doc, "interpreter", true);
        }
        if args.no_interpreter {
            remove_key(doc, "interpreter");
        }
        set_opt_str(doc, "notes", &args.notes);
        if let Some(p) = &participants {
            write_participants(doc, p);
        }
        Ok(())
    })?;
    warn_about(&store, &config, &new_path);
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Event,
            verb: "edit",
            id: &id,
            path: &new_path,
            moved_from: (new_path != path).then_some(path.as_path()),
        },
    )
}
