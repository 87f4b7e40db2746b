//! `quartier client consent CODE …` (SPEC §4): records a consent as a
//! `[[consents]]` entry, or its withdrawal (Art. 7(3) GDPR); on a
//! terminal without `--scope`, asked as a form (`form`).

mod form;

use crate::cli::Globals;
use crate::commands::fields::{Naming, change_record};
use crate::commands::shared::{Change, CommitArg, date_arg, report_written, resolve_ref};
use crate::error::{CommandError, Result};
use crate::model::consent::Consent;
use crate::model::{Client, ConsentScope, Kind, Lang, Record};
use chrono::NaiveDate;

/// Record a client's consent, or its withdrawal.
///
/// A consent is an entry with a scope — processing (the data processing)
/// or referral (passing data on to partners) — from --date (today) through
/// --until (open); a referral consent may name the partners it covers
/// (--partner, repeated; none: every partner). --withdraw ends, from --date
/// on, every entry of --scope (both when omitted) in force on that day or
/// starting later; with --partner only for those partners (the consent for
/// the others goes on). A referral dated on or after a withdrawal is then
/// refused unless another consent covers it.
///
/// Example: quartier client consent 7F3A2B --scope referral --partner jobcenter --until 2027-06-30
/// Example: quartier client consent 7F3A2B --withdraw --date today
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Client code (K-… or a unique part of it)
    pub code: String,
    /// processing | referral (required unless --withdraw)
    #[arg(long, value_enum)]
    pub scope: Option<ConsentScope>,
    /// Partner (slug) the referral consent covers; repeat for more
    #[arg(long = "partner", value_name = "SLUG")]
    pub partners: Vec<String>,
    /// Day of the consent or of the withdrawal [default: today]
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// Last day the consent holds
    #[arg(long, value_parser = date_arg, value_name = "DATE", conflicts_with = "withdraw")]
    pub until: Option<NaiveDate>,
    /// Withdraw the consent from --date on
    #[arg(long)]
    pub withdraw: bool,
    /// How the consent was given (no names or contact data)
    #[arg(long, conflicts_with = "withdraw")]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let date = args.date.unwrap_or_else(crate::dates::today);
    if !args.partners.is_empty() && args.scope == Some(ConsentScope::Processing) {
        return Err(CommandError::usage(crate::i18n::t_in(
            lang,
            "ui.client.consent.partner-belongs-to-scope-referral",
        )));
    }
    let partners = args
        .partners
        .iter()
        .map(|p| resolve_ref(&store, Kind::Partner, "--partner", p))
        .collect::<Result<Vec<String>>>()?;
    let (id, path) = store.resolve(Kind::Client, &args.code)?;
    let mut request = Request {
        date,
        scope: args.scope,
        partners,
        until: args.until,
        notes: args.notes.clone(),
        withdraw: args.withdraw,
    };
    // the one flag people had to type: on a terminal it is asked
    if request.scope.is_none() && !request.withdraw && crate::cli::interactive() {
        let given = form::Given {
            date: args.date.is_some(),
            until: args.until.is_some(),
            notes: args.notes.is_some(),
        };
        form::ask(&store, &config, &id, &path, &mut request, &given)?;
    }
    let mut said = String::new();
    let (_, path) = change_record(&store, &config, Kind::Client, &path, NAMING, |record| {
        // read as a client: change_record reads the file as `Kind::Client`
        if let Record::Client(client) = record {
            said = request.apply(client, &id, lang)?;
        }
        Ok(())
    })?;
    if !globals.json {
        eprintln!("{id}: {said}");
    }
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Client,
            verb: if args.withdraw {
                "consent withdrawn"
            } else {
                "consent"
            },
            id: &id,
            path: &path,
            moved_from: None,
        },
    )
}

/// How the rule book's findings name what caused them: the flag of a key.
const NAMING: Naming = Naming {
    command: "client consent",
    flags: &[
        ("consents.date", "--date"),
        ("consents.until", "--until"),
        ("consents.notes", "--notes"),
        ("consents.partners", "--partner"),
    ],
};

/// What `client consent` was asked to do, typed.
#[derive(Clone)]
struct Request {
    date: NaiveDate,
    /// `None`: both scopes (only with `withdraw`).
    scope: Option<ConsentScope>,
    partners: Vec<String>,
    until: Option<NaiveDate>,
    notes: Option<String>,
    withdraw: bool,
}

impl Request {
    /// Changes the client's consents; returns what to tell the person.
    fn apply(&self, client: &mut Client, id: &str, lang: Lang) -> Result<String> {
        let date = self.date;
        if self.withdraw {
            let n = withdraw(client, date, self.scope, &self.partners);
            if n == 0 {
                return Err(CommandError::data(format!(
                    "{id}: {} {}",
                    crate::i18n::t_in(lang, "ui.client.consent.no-consent-to-withdraw-on"),
                    crate::report::labels::date(date, lang)
                )));
            }
            return Ok(format!(
                "{n} {}",
                crate::i18n::t_in(lang, "ui.client.consent.consent-s-withdrawn")
            ));
        }
        let scope = self.scope.ok_or_else(|| {
            CommandError::usage(crate::i18n::t_in(
                lang,
                "ui.client.consent.scope-processing-referral-is-missing",
            ))
        })?;
        client.consents.push(Consent {
            partners: self.partners.clone(),
            until: self.until,
            notes: self.notes.clone(),
            ..Consent::plain(date, scope)
        });
        Ok(crate::tr_in!(
            lang,
            "ui.client.consent.recorded",
            date = crate::report::labels::date(date, lang),
            scope = scope.label(lang)
        ))
    }
}

/// Sets `withdrawn` on every entry of `scope` (both when `None`) that is in
/// force on `day` or starts later; with `partners`, only on referral
/// entries naming one of them, and a new entry from `day` on keeps the
/// consent for the other partners (so that referrals before `day` stay
/// covered — an `except` on the old entry would uncover them). A plain
/// `consent = D` is first replaced by its two entries. Returns how many
/// entries were withdrawn.
fn withdraw(
    client: &mut Client,
    day: NaiveDate,
    scope: Option<ConsentScope>,
    partners: &[String],
) -> usize {
    if let Some(d) = client.consent.take() {
        let plain =
            [ConsentScope::Processing, ConsentScope::Referral].map(|s| Consent::plain(d, s));
        client.consents.splice(0..0, plain);
    }
    let mut added = Vec::new();
    let mut n = 0;
    for c in &mut client.consents {
        let in_force_or_later =
            c.withdrawn.is_none_or(|w| w > day) && c.until.is_none_or(|u| u >= day);
        if scope.is_some_and(|want| want != c.scope) || !in_force_or_later {
            continue;
        }
        let from = day.max(c.date);
        if !partners.is_empty() {
            if c.scope != ConsentScope::Referral {
                continue;
            }
            let names = |p: &String| {
                (c.partners.is_empty() || c.partners.contains(p)) && !c.except.contains(p)
            };
            if !partners.iter().any(names) {
                continue;
            }
            let rest = Consent {
                until: c.until,
                ..Consent::plain(from, c.scope)
            };
            if c.partners.is_empty() {
                let mut except = c.except.clone();
                except.extend(partners.iter().filter(|p| !c.except.contains(p)).cloned());
                added.push(Consent { except, ..rest });
            } else {
                let left: Vec<String> = c
                    .partners
                    .iter()
                    .filter(|p| !partners.contains(p))
                    .cloned()
                    .collect();
                if !left.is_empty() {
                    added.push(Consent {
                        partners: left,
                        ..rest
                    });
                }
            }
        }
        c.withdrawn = Some(from);
        n += 1;
    }
    client.consents.extend(added);
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use std::path::PathBuf;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A records folder holding the partner `amt` and `clients/K-1001.toml` with `text`.
    fn folder(text: &str) -> (tempfile::TempDir, Store, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join("quartier.toml"),
            "[office]\nname = \"x\"\n",
        )
        .unwrap();
        std::fs::create_dir(root.path().join("clients")).unwrap();
        std::fs::create_dir(root.path().join("partners")).unwrap();
        std::fs::write(
            root.path().join("partners/amt.toml"),
            "id = \"amt\"\nname = \"Sozialamt\"\nkind = \"authority\"\n",
        )
        .unwrap();
        let p = root.path().join("clients/K-1001.toml");
        std::fs::write(&p, text).unwrap();
        let store = Store::open(root.path()).unwrap();
        (root, store, p)
    }

    const CLIENT: &str = "id = \"K-1001\"\nfirst_contact = 2026-01-10\ngender = \"f\"\nresidence = \"german\"\nemployment = \"employed\"\n";

    fn withdrawal(date: &str, scope: Option<ConsentScope>, partners: &[&str]) -> Request {
        Request {
            date: d(date),
            scope,
            partners: partners.iter().map(|p| p.to_string()).collect(),
            until: None,
            notes: None,
            withdraw: true,
        }
    }

    /// `request` through the typed store path, as `run` does it.
    fn save(text: &str, request: &Request) -> (Result<(Record, PathBuf)>, String) {
        let (_root, store, p) = folder(text);
        let config = store.config().unwrap();
        let r = change_record(&store, &config, Kind::Client, &p, NAMING, |record| {
            let Record::Client(c) = record else {
                unreachable!("a client file")
            };
            request.apply(c, "K-1001", Lang::En).map(|_| ())
        });
        (r, std::fs::read_to_string(&p).unwrap())
    }

    #[test]
    fn a_plain_consent_becomes_two_withdrawn_entries() {
        let (r, text) = save(
            &format!("{CLIENT}consent = 2026-01-10\n"),
            &withdrawal("2026-05-01", None, &[]),
        );
        r.unwrap();
        assert_eq!(
            text,
            format!(
                "{CLIENT}\n[[consents]]\ndate = 2026-01-10\nscope = \"processing\"\nwithdrawn = 2026-05-01\n\n[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\nwithdrawn = 2026-05-01\n"
            )
        );
    }

    #[test]
    fn withdrawing_one_partner_keeps_the_others_from_that_day() {
        let file = format!(
            "{CLIENT}\n[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\nuntil = 2027-01-09\n"
        );
        let (r, text) = save(&file, &withdrawal("2026-05-01", None, &["amt"]));
        r.unwrap();
        assert_eq!(
            text,
            format!(
                "{CLIENT}\n[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\nuntil = 2027-01-09\nwithdrawn = 2026-05-01\n\n[[consents]]\ndate = 2026-05-01\nscope = \"referral\"\nexcept = [\"amt\"]\nuntil = 2027-01-09\n"
            )
        );
        // Nothing in force for that partner any more: nothing to withdraw, nothing written.
        let (r, again) = save(&text, &withdrawal("2026-06-01", None, &["amt"]));
        assert_eq!(r.unwrap_err().exit_code(), 1);
        assert_eq!(again, text);
    }

    #[test]
    fn expired_and_other_scopes_are_left_alone() {
        let mut c = Client::new(
            "K-1001".into(),
            d("2025-01-10"),
            crate::model::Gender::Female,
            crate::model::Residence::German,
            crate::model::Employment::Employed,
        );
        c.consents = vec![
            Consent {
                until: Some(d("2025-12-31")),
                ..Consent::plain(d("2025-01-10"), ConsentScope::Referral)
            },
            Consent::plain(d("2026-01-10"), ConsentScope::Processing),
        ];
        let day = d("2026-05-01");
        assert_eq!(withdraw(&mut c, day, Some(ConsentScope::Referral), &[]), 0);
        assert_eq!(
            withdraw(&mut c, day, Some(ConsentScope::Processing), &[]),
            1
        );
        assert_eq!(c.consents[0].withdrawn, None);
        assert_eq!(c.consents[1].withdrawn, Some(day));
    }

    /// A withdrawal judged on what was read, while someone else saved the
    /// file, is refused as changed meanwhile; the other change stays.
    #[test]
    fn a_withdrawal_on_a_file_changed_meanwhile_is_refused() {
        let (_root, store, p) = folder(&format!("{CLIENT}consent = 2026-01-10\n"));
        let config = store.config().unwrap();
        let meanwhile = format!("{CLIENT}consent = 2026-01-10\nbirth_year = 1980\n");
        let request = withdrawal("2026-05-01", None, &[]);
        let e = change_record(&store, &config, Kind::Client, &p, NAMING, |record| {
            std::fs::write(&p, &meanwhile).unwrap();
            let Record::Client(c) = record else {
                unreachable!("a client file")
            };
            request.apply(c, "K-1001", Lang::En).map(|_| ())
        })
        .unwrap_err();
        assert!(e.is_changed_meanwhile(), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), meanwhile);
    }
}
