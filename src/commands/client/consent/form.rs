//! `client consent CODE` on a terminal without `--scope`: the consent
//! asked as a form — the scope (a list with its labels), for a referral
//! consent the partners it covers (several; none: every partner), the day
//! (today offered, German input forms), the last day it holds and how it
//! was given (both optional). What flags gave is not asked. Each answer is
//! judged at once by the rule book on the client as the consent would
//! leave it, and asked again with the reason when refused.

use super::{NAMING, Request};
use crate::commands::fields::write::refusals_of_change;
use crate::commands::fields::{Naming, Raw};
use crate::commands::form::Form;
use crate::commands::form::ask::{Asker, Terminal};
use crate::commands::form::state::State;
use crate::error::Result;
use crate::model::{Config, ConsentScope, Kind, Record};
use crate::schema::{FieldSpec, FieldType};
use crate::store::Store;
use std::path::Path;

/// What was given as flags (not asked again).
pub struct Given {
    pub date: bool,
    pub until: bool,
    pub notes: bool,
}

/// Fills in `request` (its scope missing) by asking on the terminal.
pub fn ask(
    store: &Store,
    config: &Config,
    id: &str,
    path: &Path,
    request: &mut Request,
    given: &Given,
) -> Result<()> {
    let lang = crate::i18n::lang();
    let keys = keys();
    // refusals name an answer by its question, not by its flag
    let labels: Vec<(String, &str)> = keys
        .iter()
        .map(|s| (format!("consents.{}", s.key), s.label(lang)))
        .collect();
    let pairs: Vec<(&str, &str)> = labels.iter().map(|(k, l)| (k.as_str(), *l)).collect();
    let named = Naming {
        command: NAMING.command,
        flags: &pairs,
    };
    // what the rule book says about the client with the consent so far
    let refusals = |r: &Request| -> Result<Vec<String>> {
        if r.scope == Some(ConsentScope::Processing) && !r.partners.is_empty() {
            return Ok(vec![
                crate::i18n::t_in(lang, "ui.client.consent.partner-belongs-to-scope-referral")
                    .to_string(),
            ]);
        }
        refusals_of_change(config, Kind::Client, path, named, |record| {
            if let Record::Client(c) = record {
                r.apply(c, id, lang)?;
            }
            Ok(())
        })
    };
    let spec = |key: &str| {
        keys.iter()
            .find(|s| s.key == key)
            .unwrap_or_else(|| unreachable!("`{key}` is a key of a consent"))
    };
    Terminal.say(&crate::tr!("form.consent-start", code = id));
    let mut state = State::load();
    let mut asker = Terminal;
    let mut form = Form::new(
        Kind::Client,
        Default::default(),
        store,
        config,
        &mut asker,
        &mut state,
    );

    let scope = form.ask_alone(spec("scope"), true, None, &|raw| {
        let mut r = request.clone();
        r.scope = scope_of(raw);
        refusals(&r)
    })?;
    request.scope = scope.as_ref().and_then(scope_of);
    if request.scope == Some(ConsentScope::Referral)
        && request.partners.is_empty()
        && !store.list_ids(Kind::Partner).is_empty()
    {
        let partners = form.ask_alone(spec("partners"), false, None, &|raw| {
            let mut r = request.clone();
            r.partners = list_of(raw);
            refusals(&r)
        })?;
        request.partners = partners.as_ref().map(list_of).unwrap_or_default();
    }
    if !given.date {
        let today = Raw::Date(request.date);
        let date = form.ask_alone(spec("date"), true, Some(today), &|raw| {
            let mut r = request.clone();
            r.date = day_of(raw).unwrap_or(r.date);
            refusals(&r)
        })?;
        if let Some(d) = date.as_ref().and_then(day_of) {
            request.date = d;
        }
    }
    if !given.until {
        let until = form.ask_alone(spec("until"), false, None, &|raw| {
            let mut r = request.clone();
            r.until = day_of(raw);
            refusals(&r)
        })?;
        request.until = until.as_ref().and_then(day_of);
    }
    if !given.notes {
        let notes = form.ask_alone(spec("notes"), false, None, &|raw| {
            let mut r = request.clone();
            r.notes = text_of(raw);
            refusals(&r)
        })?;
        request.notes = notes.as_ref().and_then(text_of);
    }
    Ok(())
}

/// The keys of a `[[consents]]` entry, from the client's schema.
fn keys() -> &'static [FieldSpec] {
    match crate::schema::of(Kind::Client)
        .field("consents")
        .map(|f| f.ty)
    {
        Some(FieldType::Tables(sub)) => sub,
        _ => unreachable!("a client's consents are an array of tables"),
    }
}

fn scope_of(raw: &Raw) -> Option<ConsentScope> {
    let Raw::Text(s) = raw else { return None };
    s.parse().ok()
}

fn list_of(raw: &Raw) -> Vec<String> {
    let Raw::List(items) = raw else {
        return Vec::new();
    };
    items.clone()
}

fn day_of(raw: &Raw) -> Option<chrono::NaiveDate> {
    let Raw::Date(d) = raw else { return None };
    Some(*d)
}

fn text_of(raw: &Raw) -> Option<String> {
    let Raw::Text(s) = raw else { return None };
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}
