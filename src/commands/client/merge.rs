//! `quartier client merge K-A K-B`: one person got two codes; K-B's records
//! move to K-A and K-B goes.

use crate::cli::Globals;
use crate::commands::delete::{Reference, references_to};
use crate::commands::shared::{CommitArg, resolve_ref};
use crate::error::{CommandError, Result};
use crate::model::Kind;
use crate::tr;
use serde::Serialize;
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, Item, Value};

/// Merge two codes of the same person: every record of the second moves to
/// the first.
///
/// Appointments, referrals and every other reference to K-B are changed to
/// K-A; K-A keeps its characteristics (gender, birth year, origin, …),
/// takes the earlier first contact of the two and K-B's consents; then
/// K-B's file is removed. Codes may be typed without `K-` and in lower case.
///
/// Example: quartier client merge K-7F3A K-9X2B
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The code that stays
    pub keep: String,
    /// The code that is merged into it and removed
    pub remove: String,
    #[command(flatten)]
    pub commit: CommitArg,
}

#[derive(Serialize)]
struct Merged {
    kept: String,
    removed: String,
    changed: Vec<String>,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let keep = resolve_ref(&store, Kind::Client, "K-A", &args.keep)?;
    let remove = resolve_ref(&store, Kind::Client, "K-B", &args.remove)?;
    if keep == remove {
        return Err(CommandError::usage(format!(
            "{keep}: {}",
            crate::i18n::t_in(lang, "ui.client.merge.give-two-different-codes")
        )));
    }
    let (keep_path, remove_path) = (client_path(&store, &keep)?, client_path(&store, &remove)?);
    let refs = references_to(&store, Kind::Client, &remove)?;
    let removed_text = crate::store::read_text(&remove_path)
        .map_err(|m| CommandError::data(format!("{}: {m}", remove_path.display())))?;
    let removed: DocumentMut = removed_text.parse().map_err(|e: toml_edit::TomlError| {
        CommandError::data(crate::tr!(
            "merge.unreadable",
            path = remove_path.display(),
            error = crate::i18n::toml_errors::localize(e.message())
        ))
    })?;

    // The client that stays first: then every moved reference points to a
    // client that already holds the consents and first contact it needs.
    let mut changed: Vec<PathBuf> = Vec::new();
    store.update(&config, Kind::Client, &keep_path, |doc| {
        take_over(doc, &removed);
        Ok(())
    })?;
    changed.push(keep_path.clone());
    for (path, kind, keys) in by_file(&refs) {
        let (_, written) = store.update(&config, kind, &path, |doc| {
            for key in &keys {
                replace_ref(doc.as_table_mut(), key, &remove, &keep);
            }
            Ok(())
        })?;
        changed.push(written);
    }
    std::fs::remove_file(&remove_path)
        .map_err(|e| CommandError::io(crate::error::IoAction::Remove, &remove_path, &e))?;
    changed.push(remove_path.clone());

    if globals.json {
        let m = Merged {
            kept: keep.clone(),
            removed: remove.clone(),
            changed: changed.iter().map(|p| p.display().to_string()).collect(),
        };
        println!("{}", serde_json::to_string(&m).unwrap_or_default());
    } else {
        println!(
            "{remove} → {keep}: {} {}",
            refs.len(),
            crate::i18n::t_in(lang, "ui.client.merge.references-moved")
        );
        for p in &changed {
            println!("  {}", p.display());
        }
    }
    if args.commit.commit || config.git.auto_commit {
        let paths: Vec<&Path> = changed.iter().map(PathBuf::as_path).collect();
        crate::git::commit_paths(
            store.root(),
            &paths,
            &format!("client: merge {remove} into {keep}"),
        )?;
    }
    Ok(())
}

fn client_path(store: &crate::store::Store, code: &str) -> Result<PathBuf> {
    store
        .find_exact(Kind::Client, code)
        .ok_or_else(|| CommandError::data(tr!("ui.client.merge.not-found", code = code)))
}

/// The references grouped by file, each file once with its keys.
fn by_file(refs: &[Reference]) -> Vec<(PathBuf, Kind, Vec<String>)> {
    let mut out: Vec<(PathBuf, Kind, Vec<String>)> = Vec::new();
    for r in refs {
        match out.iter_mut().find(|(p, _, _)| *p == r.path) {
            Some((_, _, keys)) => keys.push(r.key.clone()),
            None => out.push((r.path.clone(), r.record_kind, vec![r.key.clone()])),
        }
    }
    out
}

/// K-A takes K-B's earlier first contact and its consents.
fn take_over(doc: &mut DocumentMut, removed: &DocumentMut) {
    let date = |d: &DocumentMut| {
        d.get("first_contact")
            .and_then(Item::as_value)
            .and_then(Value::as_datetime)
            .and_then(|dt| dt.date)
            .map(|d| (d.year, d.month, d.day))
    };
    if let (Some(mine), Some(theirs)) = (date(doc), date(removed))
        && theirs < mine
        && let Some(item) = removed.get("first_contact")
    {
        doc["first_contact"] = item.clone();
    }
    if doc.get("consent").is_none()
        && doc.get("consents").is_none()
        && let Some(consent) = removed.get("consent")
    {
        doc["consent"] = consent.clone();
    }
    if let Some(theirs) = removed.get("consents").and_then(Item::as_array_of_tables) {
        match doc
            .get_mut("consents")
            .and_then(Item::as_array_of_tables_mut)
        {
            Some(mine) => {
                for t in theirs.iter() {
                    mine.push(t.clone());
                }
            }
            None => doc["consents"] = Item::ArrayOfTables(theirs.clone()),
        }
    }
}

/// Replaces `old` by `new` in the string or list of strings at the dotted
/// `key` (through tables and arrays of tables), keeping comments around it.
fn replace_ref(table: &mut toml_edit::Table, key: &str, old: &str, new: &str) {
    let (head, rest) = match key.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (key, None),
    };
    let Some(target) = table.get_mut(head) else {
        return;
    };
    match (rest, target) {
        (None, Item::Value(v)) => replace_in_value(v, old, new),
        (Some(rest), Item::Table(t)) => replace_ref(t, rest, old, new),
        (Some(rest), Item::ArrayOfTables(tables)) => {
            for t in tables.iter_mut() {
                replace_ref(t, rest, old, new);
            }
        }
        _ => {}
    }
}

fn replace_in_value(v: &mut Value, old: &str, new: &str) {
    match v {
        Value::String(s) if s.value() == old => {
            let decor = s.decor().clone();
            let mut fresh = toml_edit::Formatted::new(new.to_string());
            *fresh.decor_mut() = decor;
            *s = fresh;
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                replace_in_value(item, old, new);
            }
        }
        _ => {}
    }
}
