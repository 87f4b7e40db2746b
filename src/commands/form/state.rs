//! What a person last used in an `add` — times, durations, staff, answered
//! in a form or given as a flag — to offer it as the default next time. Kept in the personal config folder
//! (`$XDG_CONFIG_HOME/quartier/state.toml`, SPEC §2 "On a terminal"), never
//! in the records; one table per record kind. A file that cannot be read
//! or written costs only the suggestion, never the record.

use crate::commands::fields::{Given, Raw};
use crate::model::Kind;
use crate::schema::{FieldSpec, FieldType};
use std::path::PathBuf;

/// The remembered answers.
#[derive(Debug, Default)]
pub struct State {
    table: toml::Table,
    path: Option<PathBuf>,
}

/// Whether a form remembers the answer to this key.
pub fn remembers(spec: &FieldSpec) -> bool {
    match spec.ty {
        FieldType::Time | FieldType::Minutes | FieldType::Staff => true,
        FieldType::Id
        | FieldType::Text
        | FieldType::FreeText
        | FieldType::Date
        | FieldType::Count
        | FieldType::Year
        | FieldType::Bool
        | FieldType::Code(_)
        | FieldType::Codes(_)
        | FieldType::Topic
        | FieldType::Topics { .. }
        | FieldType::Language
        | FieldType::Languages
        | FieldType::Country
        | FieldType::District
        | FieldType::Ref(_)
        | FieldType::Refs(_)
        | FieldType::Table(_)
        | FieldType::Tables(_) => false,
    }
}

impl State {
    /// Reads the file (a missing or unreadable one is no memory).
    pub fn load() -> State {
        let path = crate::personal::dir().map(|d| d.join("state.toml"));
        let table = path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| t.parse::<toml::Table>().ok())
            .unwrap_or_default();
        State { table, path }
    }

    /// The last answer to `key` of a `kind` form, as typed.
    pub fn get(&self, kind: Kind, key: &str) -> Option<String> {
        let v = self.table.get(kind.name())?.get(key)?;
        match v {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Integer(n) => Some(n.to_string()),
            _ => None,
        }
    }

    pub fn set(&mut self, kind: Kind, key: &str, value: String) {
        let entry = self
            .table
            .entry(kind.name().to_string())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if let toml::Value::Table(t) = entry {
            t.insert(key.to_string(), toml::Value::String(value));
        }
    }

    /// Remembers what a written record of `kind` used (its values as
    /// flags or answers gave them), then saves.
    pub fn remember_written(kind: Kind, given: &Given) {
        let mut state = State::load();
        let mut changed = false;
        for f in crate::schema::of(kind).fields().filter(|f| remembers(f)) {
            match given.get(f.key) {
                None | Some(Raw::Empty) => {}
                Some(raw) => {
                    let lang = crate::i18n::lang();
                    state.set(kind, f.key, super::question::shown(raw, lang));
                    changed = true;
                }
            }
        }
        if changed {
            state.save();
        }
    }

    /// Writes the file atomically (a failure is a note on stderr).
    pub fn save(&self) {
        let Some(path) = &self.path else { return };
        let write = || -> std::io::Result<()> {
            let dir = path.parent().unwrap_or(path);
            std::fs::create_dir_all(dir)?;
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            std::io::Write::write_all(&mut tmp, self.table.to_string().as_bytes())?;
            tmp.persist(path).map_err(|e| e.error)?;
            Ok(())
        };
        if let Err(e) = write() {
            eprintln!(
                "{}",
                crate::tr!(
                    "form.state-unwritable",
                    path = path.display(),
                    problem = crate::error::IoProblem(&e)
                )
            );
        }
    }
}
