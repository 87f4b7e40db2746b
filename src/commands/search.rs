//! `quartier search TEXT`: the records whose free text, title or name holds
//! a piece of text.

use crate::cli::Globals;
use crate::commands::shared::{print_table, table};
use crate::error::{CommandError, Result};
use crate::model::Kind;
use crate::schema::{self, FieldSpec, FieldType};
use crate::tr;
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;

/// Find records whose notes, outcome, title, location, topics of sponsor
/// meetings, names or project titles hold TEXT.
///
/// Upper and lower case do not matter. Newest records first.
///
/// Example: quartier search Jobcenter
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text to look for
    pub text: String,
    /// Only records of this kind (sponsor, partner, client, appointment, referral, event)
    #[arg(long, value_parser = kind_arg)]
    pub kind: Option<Kind>,
}

fn kind_arg(s: &str) -> std::result::Result<Kind, String> {
    Kind::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        tr!("ui.search.no-kind", input = s, kinds = names.join(", "))
    })
}

/// One key of one record that holds the text.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    #[serde(skip)]
    pub record_kind: Kind,
    pub kind: &'static str,
    pub id: String,
    pub path: PathBuf,
    pub key: String,
    pub text: String,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let needle = args.text.trim().to_lowercase();
    if needle.is_empty() {
        return Err(CommandError::usage(crate::i18n::t_in(
            lang,
            "ui.search.search-needs-a-text-e",
        )));
    }
    let files: Vec<(Kind, String, PathBuf)> = Kind::ALL
        .into_iter()
        .filter(|k| args.kind.is_none_or(|only| only == *k))
        .flat_map(|k| {
            store
                .list_ids(k)
                .into_iter()
                .map(move |(id, path)| (k, id, path))
        })
        .collect();
    let mut hits: Vec<Hit> = files
        .par_iter()
        .flat_map_iter(|(kind, id, path)| {
            let table: Option<toml::Table> = crate::store::read_text(path)
                .ok()
                .and_then(|t| t.parse().ok());
            let mut found = Vec::new();
            if let Some(table) = table {
                search_table(
                    &table,
                    schema::of(*kind).fields,
                    &needle,
                    &mut |key, text| {
                        found.push(Hit {
                            record_kind: *kind,
                            kind: kind.name(),
                            id: id.clone(),
                            path: path.clone(),
                            key,
                            text,
                        });
                    },
                );
            }
            found
        })
        .collect();
    // Dated records newest first, then the others by kind and id.
    hits.sort_by_key(|h| {
        let date = if h.record_kind.is_dated() {
            h.record_kind.date_of_id(&h.id)
        } else {
            None
        };
        (
            std::cmp::Reverse(date),
            h.record_kind,
            h.id.clone(),
            h.key.clone(),
        )
    });
    if globals.json {
        let text = serde_json::to_string_pretty(&hits)
            .map_err(|e| CommandError::data(crate::tr!("out.cannot-write-json", error = e)))?;
        println!("{text}");
        return Ok(());
    }
    let mut t = table(
        lang,
        &[
            "ui.heading.kind",
            "ui.heading.id-2",
            "ui.heading.field",
            "ui.heading.text",
        ],
    );
    for h in &hits {
        t.add_row(vec![
            h.record_kind.label_in(lang),
            h.id.clone(),
            schema::label(h.record_kind, &h.key, lang).to_string(),
            excerpt(&h.text, &needle),
        ]);
    }
    print_table(t, lang);
    Ok(())
}

/// Whether a key holds text a person wrote or a name: what `search` looks in.
fn searched(f: &FieldSpec) -> bool {
    match f.ty {
        FieldType::Text | FieldType::FreeText => true,
        // the free words of sponsor meetings
        FieldType::Topics { .. } => f.may_hold_free_text(),
        FieldType::Id
        | FieldType::Date
        | FieldType::Time
        | FieldType::Minutes
        | FieldType::Count
        | FieldType::Year
        | FieldType::Bool
        | FieldType::Code(_)
        | FieldType::Codes(_)
        | FieldType::Topic
        | FieldType::Language
        | FieldType::Languages
        | FieldType::Country
        | FieldType::District
        | FieldType::Staff
        | FieldType::Ref(_)
        | FieldType::Refs(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => false,
    }
}

/// Calls `hit(key, text)` for every searched key of a file's `table`
/// whose text holds `needle` — found by the schema's one walk.
fn search_table(
    table: &toml::Table,
    fields: &[FieldSpec],
    needle: &str,
    hit: &mut dyn FnMut(String, String),
) {
    let json = serde_json::to_value(table).unwrap_or_default();
    crate::schema::visit(fields, &json, &mut |f, key, value| {
        if !searched(f) {
            return;
        }
        let texts: Vec<&str> = match value {
            serde_json::Value::Array(items) => items.iter().filter_map(|i| i.as_str()).collect(),
            v => v.as_str().into_iter().collect(),
        };
        for text in texts {
            if text.to_lowercase().contains(needle) {
                hit(key.to_string(), text.to_string());
            }
        }
    });
}

/// At most about 60 characters of `text` around the first place of `needle`.
fn excerpt(text: &str, needle: &str) -> String {
    const WIDTH: usize = 60;
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let chars: Vec<char> = flat.chars().collect();
    if chars.len() <= WIDTH {
        return flat;
    }
    let lower: Vec<char> = flat.to_lowercase().chars().collect();
    let n: Vec<char> = needle.chars().collect();
    let at = (0..lower.len().saturating_sub(n.len()))
        .find(|&i| lower[i..].starts_with(&n))
        .unwrap_or(0);
    let start = at.saturating_sub(WIDTH / 3).min(chars.len() - WIDTH);
    let mut out: String = chars[start..start + WIDTH].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if start + WIDTH < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_keep_the_hit_in_view() {
        let text = format!("{}Jobcenter Leipzig{}", "a".repeat(100), "b".repeat(100));
        let e = excerpt(&text, "jobcenter");
        assert!(e.contains("Jobcenter"), "{e}");
        assert!(e.starts_with('…') && e.ends_with('…'));
        assert_eq!(excerpt("kurz", "kurz"), "kurz");
    }
}
