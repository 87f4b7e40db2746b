//! `quartier delete ID`: removes a mistaken record — never one that another
//! record still refers to.

use crate::cli::{Globals, interactive};
use crate::commands::shared::CommitArg;
use crate::error::{CommandError, Result};
use crate::model::Kind;
use crate::schema::{self, FieldSpec};
use crate::store::Store;
use crate::tr;
use serde::Serialize;
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// Delete a record entered by mistake.
///
/// Takes any record's id (or a unique part of it) like `quartier edit`.
/// Refuses while another record refers to it (a referral to its
/// appointment, an event to its partner, …) and names those records. Asks
/// before deleting; without a terminal it needs --yes. An appointment that
/// did not take place is not deleted but marked: `appointment cancel`.
/// Personal data of a client is removed with `client erase`.
///
/// Example: quartier delete x7k2
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Id of any record, or a unique part of it
    pub id: String,
    /// Delete without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
    #[command(flatten)]
    pub commit: CommitArg,
}

/// A record that refers to the one to delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    #[serde(skip)]
    pub record_kind: Kind,
    pub kind: &'static str,
    pub id: String,
    pub path: PathBuf,
    /// The key that holds the reference (`appointment`, `partners`, `consents.partners`).
    pub key: String,
}

#[derive(Serialize)]
struct Deleted<'a> {
    id: &'a str,
    path: String,
    deleted: bool,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let (kind, id, path) = store.resolve_any(&args.id)?;
    let refs = references_to(&store, kind, &id)?;
    if !refs.is_empty() {
        let list: Vec<String> = refs
            .iter()
            .map(|r| {
                format!(
                    "  {} ({} `{}`)",
                    r.path.display(),
                    r.record_kind.label_in(lang),
                    r.key
                )
            })
            .collect();
        let hint = match kind {
            Kind::Client => crate::i18n::t_in(lang, "ui.delete.to-remove-a-person-s"),
            Kind::Sponsor
            | Kind::Partner
            | Kind::Appointment
            | Kind::Referral
            | Kind::Event
            | Kind::Contact => crate::i18n::t_in(lang, "ui.delete.change-or-delete-those-records"),
        };
        return Err(CommandError::data(format!(
            "{} {id}: {}\n{}\n{hint}",
            kind.label_in(lang),
            crate::i18n::t_in(lang, "ui.delete.not-deleted-other-records-refer"),
            list.join("\n")
        )));
    }
    if !args.yes {
        if !interactive() {
            return Err(CommandError::usage(crate::i18n::t_in(
                lang,
                "ui.delete.delete-asks-first-without-a",
            )));
        }
        if !confirm(&format!(
            "{} {id} ({}) {} {} ",
            kind.label_in(lang),
            path.display(),
            crate::i18n::t_in(lang, "ui.delete.really-delete"),
            crate::i18n::t_in(lang, "ui.delete.yes-no-default-no")
        ))? {
            eprintln!("{}", crate::i18n::t_in(lang, "ui.delete.nothing-deleted"));
            return Ok(());
        }
    }
    std::fs::remove_file(&path)
        .map_err(|e| CommandError::io(crate::error::IoAction::Delete, &path, &e))?;
    if globals.json {
        let d = Deleted {
            id: &id,
            path: path.display().to_string(),
            deleted: true,
        };
        println!("{}", serde_json::to_string(&d).unwrap_or_default());
    } else {
        println!(
            "{} {id}\t{}",
            crate::i18n::t_in(lang, "ui.delete.deleted"),
            path.display()
        );
    }
    if args.commit.commit || config.git.auto_commit {
        crate::git::commit_paths(
            store.root(),
            &[path.as_path()],
            &format!("{}: delete {id}", kind.name()),
        )?;
    }
    if kind == Kind::Client && !globals.json {
        eprintln!(
            "{}",
            crate::i18n::t_in(lang, "ui.delete.note-earlier-versions-stay-in")
        );
    }
    Ok(())
}

/// Asks a yes/no question on the terminal; `j`, `ja`, `y` and `yes` mean yes.
fn confirm(question: &str) -> Result<bool> {
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| CommandError::usage(tr!("ui.delete.cannot-read-answer", error = e)))?;
    Ok(matches!(
        line.trim().to_lowercase().as_str(),
        "j" | "ja" | "y" | "yes"
    ))
}

/// Every record with a key that refers to the record `id` of `target`, as
/// the schema declares such keys (`Ref`/`Refs`, nested tables included).
/// Files that cannot be read as TOML are an error: a reference in them
/// could not be seen.
pub fn references_to(store: &Store, target: Kind, id: &str) -> Result<Vec<Reference>> {
    let mut out = Vec::new();
    for s in schema::all() {
        if !s.fields().any(|f| f.refers_to(target)) {
            continue;
        }
        for (record_id, path) in store.list_ids(s.kind) {
            let text = crate::store::read_text(&path).map_err(CommandError::data)?;
            let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
                CommandError::data(tr!(
                    "ui.delete.unreadable",
                    path = path.display(),
                    error = crate::i18n::toml_errors::localize(e.message())
                ))
            })?;
            let mut keys = Vec::new();
            keys_referring(&table, s.fields, target, id, &mut keys);
            for key in keys {
                out.push(Reference {
                    record_kind: s.kind,
                    kind: s.kind.name(),
                    id: record_id.clone(),
                    path: path.clone(),
                    key,
                });
            }
        }
    }
    Ok(out)
}

/// The keys (`table.key` when nested) of a file's `table` that name
/// `target`/`id`, each once — found by the schema's one walk.
fn keys_referring(
    table: &toml::Table,
    fields: &[FieldSpec],
    target: Kind,
    id: &str,
    out: &mut Vec<String>,
) {
    let json = serde_json::to_value(table).unwrap_or_default();
    crate::schema::visit(fields, &json, &mut |f, key, v| {
        if f.names(v, target, id) && !out.iter().any(|k| k == key) {
            out.push(key.to_string());
        }
    });
}
