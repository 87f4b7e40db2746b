//! `quartier referral close`.

use super::closed_date;
use crate::cli::Globals;
use crate::commands::fields::{Naming, change_record};
use crate::commands::shared::{Change, CommitArg, Need, date_arg, load_one, report_written};
use crate::error::{CommandError, Result};
use crate::model::{Kind, Record, ReferralStatus};
use chrono::NaiveDate;

/// How a referral ended.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Closing {
    /// The partner took the client on
    Done,
    /// It did not work out
    Failed,
    /// The client or the office withdrew it
    Withdrawn,
}

impl From<Closing> for ReferralStatus {
    fn from(c: Closing) -> ReferralStatus {
        match c {
            Closing::Done => ReferralStatus::Done,
            Closing::Failed => ReferralStatus::Failed,
            Closing::Withdrawn => ReferralStatus::Withdrawn,
        }
    }
}

/// Close an open referral.
///
/// Sets `status`, `closed` (default today; not before
/// the referral, not in the future) and `outcome`, keeping every comment and
/// the layout of the file.
///
/// Example: quartier referral close k3p9 --status done --outcome "Termin beim Jobcenter wahrgenommen"
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Referral id (or a unique end of it)
    pub id: String,
    #[arg(long)]
    pub status: Option<Closing>,
    /// Day it was closed [default: today]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// What came of it
    #[arg(long)]
    pub outcome: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let (record, path) = load_one(&store, &config, Kind::Referral, &args.id)?;
    let Record::Referral(referral) = record else {
        unreachable!("resolved a referral")
    };
    // before any question; again on the text the change is made to
    if referral.status != ReferralStatus::Open {
        return Err(already_closed(&referral));
    }
    // on a terminal, a status picked from the list is followed by the outcome
    let asks_outcome = args.status.is_none() && args.outcome.is_none() && crate::cli::interactive();
    let mut need = Need::new();
    let status = need.choose(
        "--status",
        &crate::tr!("referral.close-question"),
        args.status
            .map(|c| ReferralStatus::from(c).code().to_string()),
        || {
            [
                ReferralStatus::Done,
                ReferralStatus::Failed,
                ReferralStatus::Withdrawn,
            ]
            .iter()
            .map(|s| (s.code().to_string(), s.label(lang).to_string()))
            .collect()
        },
    )?;
    need.finish()?;
    let status = status
        .as_deref()
        .and_then(|s| s.parse::<ReferralStatus>().ok())
        .ok_or_else(|| CommandError::usage(crate::tr!("referral.close-status")))?;
    let closed = closed_date(status, args.date, crate::dates::today())?;
    let outcome = if asks_outcome {
        ask_outcome()?
    } else {
        args.outcome.clone()
    };
    // the rule book judges the change: the closing day, privacy in the outcome
    let named = Naming {
        command: "referral close",
        flags: &[
            ("closed", "--date"),
            ("outcome", "--outcome"),
            ("status", "--status"),
        ],
    };
    let (_, path) = change_record(&store, &config, Kind::Referral, &path, named, |r| {
        if let Record::Referral(r) = r {
            // closed by someone else since it was read above: never closed twice
            if r.status != ReferralStatus::Open {
                return Err(already_closed(r));
            }
            r.status = status;
            r.closed = closed;
            if let Some(o) = &outcome {
                r.outcome = (!o.trim().is_empty()).then(|| o.clone());
            }
        }
        Ok(())
    })?;
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Referral,
            verb: "close",
            id: &referral.id,
            path: &path,
            moved_from: None,
        },
    )
}

/// "already closed", naming how and when.
fn already_closed(referral: &crate::model::Referral) -> CommandError {
    CommandError::data(crate::tr!(
        "referral.already-closed",
        id = referral.id,
        status = referral.status.code(),
        day = referral
            .closed
            .map(|d| d.to_string())
            .unwrap_or_else(|| crate::tr!("referral.unknown-day"))
    ))
}

/// The outcome, asked after the status on a terminal (Enter: none). Personal
/// data in it is refused at once by the same scan as the rule book's privacy
/// rule, the text kept in the line to be corrected; the rule book judges the
/// whole change again before it is written.
fn ask_outcome() -> Result<Option<String>> {
    let lang = crate::i18n::lang();
    let spec = crate::schema::of(Kind::Referral)
        .field("outcome")
        .expect("a referral has an outcome");
    crate::commands::form::ask::marks_in_the_interface_language();
    let question = format!("{} ({})", spec.label(lang), crate::i18n::t("form.optional"));
    let help = format!(
        "{} · {}",
        spec.help(lang),
        crate::tr!("referral.outcome-enter")
    );
    let personal = |text: &str| {
        let found = crate::privacy::scan(text);
        Ok(if found.is_empty() {
            inquire::validator::Validation::Valid
        } else {
            let why = crate::tr!("referral.outcome-personal", hit = found.join(", "));
            inquire::validator::Validation::Invalid(why.into())
        })
    };
    let answer = inquire::Text::new(&question)
        .with_help_message(&help)
        .with_validator(personal)
        .prompt()
        .map_err(|e| match e {
            inquire::InquireError::OperationCanceled
            | inquire::InquireError::OperationInterrupted => {
                CommandError::usage(crate::tr!("form.cancelled"))
            }
            other => CommandError::usage(crate::tr!("form.no-terminal", problem = other)),
        })?;
    Ok(Some(answer.trim().to_string()).filter(|a| !a.is_empty()))
}
