//! `quartier event done|cancel`: the status of an event (and its participant
//! counts), changed in place so that the rest of the file stays as it is.

use super::Counts;
use crate::cli::Globals;
use crate::commands::fields::{Naming, change_record};
use crate::commands::shared::{Change, CommitArg, Need, load_one, report_written};
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
    /// On a terminal, ask for the split even when the counts are given or recorded
    #[arg(long)]
    pub ask: bool,
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
    let missing = event.participants.is_none() && counts.total.is_none();
    if args.ask && !crate::cli::interactive() {
        return Err(CommandError::usage(crate::tr!("form.ask-needs-terminal")));
    }
    // a future event is refused below, before anything is asked
    let held = event.date <= crate::dates::today();
    let asked = (args.ask || missing) && held && crate::cli::interactive();
    if asked {
        counts = ask_split(&store, &config, &path, &event, &counts)?;
    }
    if event.participants.is_none() {
        let mut need = Need::new();
        // the question in the interface language: the schema's words for the key
        let question = crate::schema::PARTICIPANTS
            .iter()
            .find(|f| f.key == "total")
            .map(|f| format!("{}:", f.help(crate::i18n::lang())))
            .unwrap_or_default();
        counts.total = need.parsed("--total", &question, counts.total, |s| {
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
    // the form has said it already
    if !asked && let Some(note) = super::ungendered_note(&participants) {
        eprintln!("{note}");
    }
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

/// Asks the participants of a held event on the terminal (the counts given
/// or recorded offered), until the store's verdict on the event as it would
/// be written finds nothing wrong with them.
fn ask_split(
    store: &crate::store::Store,
    config: &crate::model::Config,
    path: &std::path::Path,
    event: &crate::model::Event,
    given: &Counts,
) -> Result<Counts> {
    use crate::commands::form::{ask, split};
    use chrono::Datelike;
    let lang = crate::i18n::lang();
    let base = event.participants.unwrap_or_default();
    let mut previous = split::Counts::new();
    let pairs = [
        ("total", given.total, base.total),
        ("women", given.women, base.women),
        ("men", given.men, base.men),
        ("diverse", given.diverse, base.diverse),
        ("migrants", given.migrants, base.migrants),
    ];
    for (key, flag, recorded) in pairs {
        match (flag, event.participants.is_some()) {
            (Some(n), _) => {
                previous.insert(key, i64::from(n));
            }
            (None, true) => {
                previous.insert(key, recorded);
            }
            (None, false) => {}
        }
    }
    let original = crate::store::read_text(path)
        .map_err(|m| CommandError::data(format!("{}: {m}", path.display())))?;
    let as_counts = |c: &split::Counts| -> Counts {
        let n = |k: &str| c.get(k).and_then(|v| u32::try_from(*v).ok());
        Counts {
            total: n("total"),
            women: n("women"),
            men: n("men"),
            diverse: n("diverse"),
            migrants: n("migrants"),
        }
    };
    // the findings of the held event with these counts (`None`: all 0)
    let findings = |c: Option<&split::Counts>| -> Vec<crate::store::Finding> {
        let Ok(mut doc) = original.parse::<toml_edit::DocumentMut>() else {
            return Vec::new();
        };
        let base = event.participants.unwrap_or_default();
        let p = match c {
            None => crate::model::Participants::default(),
            Some(c) => {
                let counts = as_counts(c);
                let pick = |v: Option<u32>, old: i64| v.map_or(old, i64::from);
                crate::model::Participants {
                    total: pick(counts.total, base.total),
                    women: pick(counts.women, base.women),
                    men: pick(counts.men, base.men),
                    diverse: pick(counts.diverse, base.diverse),
                    migrants: pick(counts.migrants, base.migrants),
                }
            }
        };
        let mut held = event.clone();
        held.status = EventStatus::Done;
        held.participants = Some(p);
        crate::model::write::update_document(&mut doc, &Record::Event(held));
        let placement = crate::model::read::Placement {
            stem: &event.id,
            year_month: Some((event.date.year(), event.date.month())),
        };
        match store.validate_text(Kind::Event, &doc.to_string(), path, config, Some(placement)) {
            Ok(_) => Vec::new(),
            Err(findings) => findings
                .into_iter()
                .filter(|f| !f.tolerated_on_write)
                .collect(),
        }
    };
    // what is wrong with the event anyway is not the split's fault: the
    // command's own verdict names it after the form
    let anyway = findings(None);
    let verdict = |c: &split::Counts| -> Vec<String> {
        findings(Some(c))
            .into_iter()
            .filter(|f| !anyway.iter().any(|a| a.is_same(f)))
            .map(|f| f.said(Kind::Event, lang))
            .collect()
    };
    let table = crate::schema::of(Kind::Event)
        .field("participants")
        .map_or("", |f| f.label(lang));
    let counts = split::ask_until(
        &mut ask::Terminal,
        lang,
        table,
        crate::schema::PARTICIPANTS,
        &previous,
        verdict,
    )?;
    Ok(as_counts(&counts))
}
