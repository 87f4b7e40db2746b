//! `quartier client consent CODE …` (SPEC §4): records a consent as a
//! `[[consents]]` entry, or its withdrawal (Art. 7(3) GDPR).

use crate::cli::Globals;
use crate::commands::fields::{Naming, change_file};
use crate::commands::shared::{Change, CommitArg, date_arg, report_written, resolve_ref};
use crate::error::{CommandError, Result};
use crate::model::{ConsentScope, Kind};
use chrono::NaiveDate;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

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
    let scope = if args.withdraw {
        args.scope
    } else {
        Some(args.scope.ok_or_else(|| {
            CommandError::usage(crate::i18n::t_in(
                lang,
                "ui.client.consent.scope-processing-referral-is-missing",
            ))
        })?)
    };
    let mut said = String::new();
    // the rule book judges the change (until before the date, privacy in the notes)
    let named = Naming {
        command: "client consent",
        flags: &[
            ("consents.date", "--date"),
            ("consents.until", "--until"),
            ("consents.notes", "--notes"),
            ("consents.partners", "--partner"),
        ],
    };
    let (_, path) = change_file(&store, &config, Kind::Client, &path, named, |doc| {
        if args.withdraw {
            let n = withdraw(doc, date, scope, &partners)?;
            if n == 0 {
                return Err(CommandError::data(format!(
                    "{id}: {} {date}",
                    crate::i18n::t_in(lang, "ui.client.consent.no-consent-to-withdraw-on")
                )));
            }
            said = format!(
                "{n} {}",
                crate::i18n::t_in(lang, "ui.client.consent.consent-s-withdrawn")
            );
        } else {
            let scope = scope.expect("given unless --withdraw");
            let mut t = Table::new();
            t["date"] = date_item(date);
            t["scope"] = toml_edit::value(scope.code());
            if !partners.is_empty() {
                t["partners"] = list_item(&partners);
            }
            if let Some(u) = args.until {
                t["until"] = date_item(u);
            }
            if let Some(n) = &args.notes {
                t["notes"] = toml_edit::value(n.as_str());
            }
            entries(doc).push(t);
            said = format!(
                "{} ({}) {date}",
                crate::i18n::t_in(lang, "ui.client.consent.consent"),
                scope.label(lang)
            );
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

fn date_item(d: NaiveDate) -> Item {
    Item::Value(
        d.to_string()
            .parse::<Value>()
            .expect("a date is a TOML value"),
    )
}

fn list_item(items: &[String]) -> Item {
    let mut a = Array::new();
    for i in items {
        a.push(i.as_str());
    }
    Item::Value(Value::Array(a))
}

/// The `[[consents]]` of the document, made when absent.
fn entries(doc: &mut DocumentMut) -> &mut ArrayOfTables {
    if !doc.contains_key("consents") {
        doc["consents"] = Item::ArrayOfTables(ArrayOfTables::new());
    }
    doc["consents"]
        .as_array_of_tables_mut()
        .expect("consents is an array of tables (the reader checked)")
}

fn get_date(t: &Table, key: &str) -> Option<NaiveDate> {
    t.get(key)
        .and_then(Item::as_value)
        .and_then(Value::as_datetime)
        .and_then(|d| d.to_string().parse().ok())
}

fn get_list(t: &Table, key: &str) -> Vec<String> {
    t.get(key)
        .and_then(Item::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Sets `withdrawn` on every entry of `scope` (both when `None`) that is in
/// force on `day` or starts later; with `partners`, only on referral
/// entries naming one of them, and a new entry from `day` on keeps the
/// consent for the other partners (so that referrals before `day` stay
/// covered — an `except` on the old entry would uncover them). A plain
/// `consent = D` is first replaced by its two entries. Returns how many
/// entries were withdrawn.
fn withdraw(
    doc: &mut DocumentMut,
    day: NaiveDate,
    scope: Option<ConsentScope>,
    partners: &[String],
) -> Result<usize> {
    if let Some(plain) = doc.remove("consent") {
        let d = plain
            .as_value()
            .and_then(Value::as_datetime)
            .map(|d| d.to_string())
            .unwrap_or_default();
        let mut first = Vec::new();
        for s in [ConsentScope::Processing, ConsentScope::Referral] {
            let mut t = Table::new();
            t["date"] = Item::Value(
                d.parse::<Value>()
                    .map_err(|_| CommandError::data(crate::tr!("consent.not-a-date")))?,
            );
            t["scope"] = toml_edit::value(s.code());
            first.push(t);
        }
        let old: Vec<Table> = entries(doc).iter().cloned().collect();
        let list = entries(doc);
        list.clear();
        for t in first.into_iter().chain(old) {
            list.push(t);
        }
    }
    let list = entries(doc);
    let mut added = Vec::new();
    let mut n = 0;
    for t in list.iter_mut() {
        let Some(s) = t
            .get("scope")
            .and_then(Item::as_str)
            .and_then(|s| s.parse::<ConsentScope>().ok())
        else {
            continue;
        };
        let Some(date) = get_date(t, "date") else {
            continue;
        };
        let until = get_date(t, "until");
        let withdrawn = get_date(t, "withdrawn");
        let in_force_or_later = withdrawn.is_none_or(|w| w > day) && until.is_none_or(|u| u >= day);
        if scope.is_some_and(|want| want != s) || !in_force_or_later {
            continue;
        }
        let from = day.max(date);
        if !partners.is_empty() {
            if s != ConsentScope::Referral {
                continue;
            }
            let listed = get_list(t, "partners");
            let except = get_list(t, "except");
            let names =
                |p: &String| (listed.is_empty() || listed.contains(p)) && !except.contains(p);
            if !partners.iter().any(names) {
                continue;
            }
            let mut rest = Table::new();
            rest["date"] = date_item(from);
            rest["scope"] = toml_edit::value(s.code());
            if listed.is_empty() {
                let mut ex = except.clone();
                ex.extend(partners.iter().filter(|p| !except.contains(p)).cloned());
                rest["except"] = list_item(&ex);
                if let Some(u) = until {
                    rest["until"] = date_item(u);
                }
                added.push(rest);
            } else {
                let left: Vec<String> = listed
                    .iter()
                    .filter(|p| !partners.contains(p))
                    .cloned()
                    .collect();
                if !left.is_empty() {
                    rest["partners"] = list_item(&left);
                    if let Some(u) = until {
                        rest["until"] = date_item(u);
                    }
                    added.push(rest);
                }
            }
        }
        t["withdrawn"] = date_item(from);
        n += 1;
    }
    for t in added {
        list.push(t);
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_plain_consent_becomes_two_withdrawn_entries() {
        let mut doc: DocumentMut =
            "id = \"K-1\"\nfirst_contact = 2026-01-10\nconsent = 2026-01-10\n"
                .parse()
                .unwrap();
        assert_eq!(withdraw(&mut doc, d("2026-05-01"), None, &[]).unwrap(), 2);
        assert_eq!(
            doc.to_string(),
            "id = \"K-1\"\nfirst_contact = 2026-01-10\n\n[[consents]]\ndate = 2026-01-10\nscope = \"processing\"\nwithdrawn = 2026-05-01\n\n[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\nwithdrawn = 2026-05-01\n"
        );
    }

    #[test]
    fn withdrawing_one_partner_keeps_the_others_from_that_day() {
        let mut doc: DocumentMut = "id = \"K-1\"\n\n[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\nuntil = 2027-01-09\n".parse().unwrap();
        assert_eq!(
            withdraw(&mut doc, d("2026-05-01"), None, &["amt".into()]).unwrap(),
            1
        );
        assert_eq!(
            doc.to_string(),
            "id = \"K-1\"\n\n[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\nuntil = 2027-01-09\nwithdrawn = 2026-05-01\n\n[[consents]]\ndate = 2026-05-01\nscope = \"referral\"\nexcept = [\"amt\"]\nuntil = 2027-01-09\n"
        );
        // Nothing in force for that partner any more: nothing to withdraw.
        assert_eq!(
            withdraw(&mut doc, d("2026-06-01"), None, &["amt".into()]).unwrap(),
            0
        );
    }

    #[test]
    fn expired_and_other_scopes_are_left_alone() {
        let mut doc: DocumentMut = "id = \"K-1\"\n\n[[consents]]\ndate = 2025-01-10\nscope = \"referral\"\nuntil = 2025-12-31\n\n[[consents]]\ndate = 2026-01-10\nscope = \"processing\"\n".parse().unwrap();
        assert_eq!(
            withdraw(&mut doc, d("2026-05-01"), Some(ConsentScope::Referral), &[]).unwrap(),
            0
        );
        assert_eq!(
            withdraw(
                &mut doc,
                d("2026-05-01"),
                Some(ConsentScope::Processing),
                &[]
            )
            .unwrap(),
            1
        );
    }
}
