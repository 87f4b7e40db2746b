//! `quartier import`: the office's spreadsheets become records. A sheet
//! ([`sheet`]) is read row by row; the rules file ([`rules`]) maps each row
//! to the keys of one record ([`map`]); the record's text is then judged by
//! the rule book exactly like any other write ([`crate::rules::validate_write`]
//! through [`Store::judge_text`]): a row is refused exactly when `check
//! --strict` would flag the record it gives (the one warning a write
//! tolerates, a referral without covering consent, is listed and written).
//! Only rows without errors are written, each through an atomic create. Every imported record holds
//! `import = "<sha256>"`, the hash of its mapped keys and values, so that a
//! second run of the same list recognises the rows it already wrote.

pub mod map;
pub mod rules;
pub mod sheet;

use crate::error::{CommandError, Result};
use crate::model::read::Placement;
use crate::model::{Config, Kind, Lang, Record};
use crate::store::Store;
use chrono::{Datelike, NaiveDate};
use map::{Mapped, Plan, Val};
use rules::Rules;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, Item, Table, value};

/// What to import.
pub struct Request<'a> {
    pub kind: Kind,
    pub file: &'a Path,
    pub rules: &'a Path,
    pub dry_run: bool,
}

/// A row ready to be written.
struct Ready {
    row: u64,
    mapped: Mapped,
    path: PathBuf,
    text: String,
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Default)]
pub struct Outcome {
    /// Lines `FILE:ROW: error|warning: …`, in row order.
    pub diagnostics: Vec<String>,
    /// Rows with errors: listed, nothing of them written.
    pub bad_rows: usize,
    /// Rows whose hash a record of this kind already holds.
    pub already_imported: usize,
    /// Rows with the same content as an earlier row of the same file.
    pub repeated: usize,
    /// Records written (in a dry run: that would be written).
    pub written: Vec<PathBuf>,
    /// How many records a dry run would write.
    pub would_write: usize,
    /// Headings of the sheet that no rule maps.
    pub unmapped: Vec<String>,
    /// Rows read from the sheet.
    pub rows: usize,
    /// The sheet was not UTF-8 and was read as Windows-1252.
    pub legacy_encoding: bool,
}

/// Reads, checks and (unless a dry run) writes; commits nothing.
pub fn import(store: &Store, config: &Config, req: &Request) -> Result<Outcome> {
    let rules = Rules::read(req.rules).map_err(|e| CommandError::data(e.to_string()))?;
    refuse_unknown_keys(&rules, req)?;
    let delimiter = rules.options.delimiter.as_ref().and_then(|d| {
        let b = d.as_bytes();
        (b.len() == 1).then(|| b[0])
    });
    let sheet = sheet::read(req.file, delimiter, rules.options.sheet.as_deref())
        .map_err(|e| CommandError::data(e.to_string()))?;
    let (plan, missing) = Plan::new(&rules, &sheet, req.kind);
    if !missing.is_empty() {
        return Err(CommandError::data(crate::tr!(
            "import.missing-columns",
            file = req.file.display(),
            rules = req.rules.display(),
            missing = missing.join(", "),
            headers = sheet.headers.join(", ")
        )));
    }
    let mut out = Outcome {
        unmapped: plan
            .unmapped(&sheet)
            .into_iter()
            .map(String::from)
            .collect(),
        rows: sheet.rows.len(),
        legacy_encoding: sheet.legacy_encoding,
        ..Outcome::default()
    };
    let known = existing_hashes(store, req.kind);
    let today = crate::dates::today();
    let file = req.file.display().to_string();
    let mut seen: HashMap<String, u64> = HashMap::new();
    // ids the sheet gives (slugs, client codes): each once
    let mut ids: HashMap<String, u64> = HashMap::new();
    let mut ready: Vec<Ready> = Vec::new();
    let bar = crate::progress::bar(
        sheet.rows.len() as u64 * if req.dry_run { 1 } else { 2 },
        &crate::tr!("import.checking"),
    );
    for row in &sheet.rows {
        bar.inc(1);
        let mapped = plan.map(&rules, &sheet, row);
        if known.contains(&mapped.hash) {
            out.already_imported += 1;
            continue;
        }
        if let Some(first) = seen.get(&mapped.hash) {
            out.repeated += 1;
            out.diagnostics.push(format!(
                "{file}:{}: warning: {}",
                row.number,
                crate::tr!("import.repeated-row", first = first)
            ));
            continue;
        }
        seen.insert(mapped.hash.clone(), row.number);
        if let Some(Val::Text(id)) = mapped.get("id") {
            if let Some(first) = ids.get(id) {
                out.bad_rows += 1;
                out.diagnostics.push(format!(
                    "{file}:{}: error: {}{}",
                    row.number,
                    crate::tr!("import.same-id", id = id, first = first),
                    column_note(&plan, "id")
                ));
                continue;
            }
            ids.insert(id.clone(), row.number);
        }
        match prepare(store, config, req.kind, &plan, mapped, today) {
            Ok((r, warnings)) => {
                out.diagnostics.extend(
                    warnings
                        .into_iter()
                        .map(|w| format!("{file}:{}: warning: {w}", row.number)),
                );
                ready.push(Ready {
                    row: row.number,
                    ..r
                });
            }
            Err(errors) => {
                out.bad_rows += 1;
                out.diagnostics.extend(
                    errors
                        .into_iter()
                        .map(|e| format!("{file}:{}: error: {e}", row.number)),
                );
            }
        }
    }
    if req.dry_run {
        bar.finish_and_clear();
        out.would_write = ready.len();
        return Ok(out);
    }
    bar.set_message(crate::tr!("import.writing"));
    // all at once (two syncs, not two per record); a path taken meanwhile
    // or any other failure is tried again alone, with a fresh id if it has one
    let files: Vec<(&Path, &[u8])> = ready
        .iter()
        .map(|r| (r.path.as_path(), r.text.as_bytes()))
        .collect();
    let created = store.create_new_files(&files);
    for (r, result) in ready.into_iter().zip(created) {
        bar.inc(1);
        let path = match result {
            Ok(()) => r.path,
            Err(_) => write_new(store, req.kind, r, today)?,
        };
        out.written.push(path);
    }
    bar.finish_and_clear();
    Ok(out)
}

/// Fails when the rules name a key that records of the kind do not have:
/// better once, naming the rules file, than once per row.
fn refuse_unknown_keys(rules: &Rules, req: &Request) -> Result<()> {
    let targets = rules
        .columns
        .values()
        .chain(rules.constants.keys())
        .chain(rules.defaults.keys())
        .chain(rules.values.keys());
    let mut unknown: Vec<&str> = Vec::new();
    for key in targets.map(String::as_str) {
        if !map::is_importable(req.kind, key) && !unknown.contains(&key) {
            unknown.push(key);
        }
    }
    if unknown.is_empty() {
        return Ok(());
    }
    let keys: Vec<String> = crate::schema::of(req.kind)
        .fields()
        .flat_map(|f| match f.ty.subfields() {
            Some(sub) if matches!(f.ty, crate::schema::FieldType::Table(_)) => {
                sub.iter().map(|s| format!("{}.{}", f.key, s.key)).collect()
            }
            Some(_) => Vec::new(),
            None => vec![f.key.to_string()],
        })
        .collect();
    Err(CommandError::data(crate::tr!(
        "import.unknown-key",
        rules = req.rules.display(),
        kind = req.kind.label(),
        keys = unknown.join(", "),
        known = keys.join(", ")
    )))
}

/// The `import` hashes the records of `kind` hold already.
fn existing_hashes(store: &Store, kind: Kind) -> HashSet<String> {
    let dir = store.root().join(kind.folder());
    let mut hashes = HashSet::new();
    for entry in walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
    {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        if !text.contains("import") {
            continue;
        }
        if let Ok(table) = text.parse::<toml::Table>()
            && let Some(toml::Value::String(h)) = table.get("import")
        {
            hashes.insert(h.clone());
        }
    }
    hashes
}

/// A new id for a record of `kind` mapped to `values`.
fn new_id(kind: Kind, mapped: &Mapped) -> std::result::Result<String, String> {
    let given = match mapped.get("id") {
        Some(Val::Text(id)) => Some(id.clone()),
        _ => None,
    };
    let date = match mapped.get("date") {
        Some(Val::Date(d)) => Some(*d),
        _ => None,
    };
    let fresh = |r: Result<String>| r.map_err(|e| e.message);
    match kind {
        Kind::Sponsor | Kind::Partner => given.ok_or_else(|| crate::tr!("import.no-slug")),
        Kind::Client => match given {
            Some(id) => Ok(id),
            None => fresh(crate::store::new_client_code()),
        },
        Kind::Appointment | Kind::Referral | Kind::Event | Kind::Contact => match (given, date) {
            (Some(id), _) => Ok(id),
            (None, Some(d)) => fresh(crate::store::new_dated_id(kind, d)),
            (None, None) => Err(crate::tr!("import.no-date")),
        },
    }
}

/// The status `add` gives when none is set: `done` for a day that has
/// come, `planned` for one ahead; a referral starts `open`.
fn default_status(kind: Kind, mapped: &Mapped, today: NaiveDate) -> Option<&'static str> {
    let date = match mapped.get("date") {
        Some(Val::Date(d)) => Some(*d),
        _ => None,
    };
    match kind {
        Kind::Appointment | Kind::Event => {
            date.map(|d| if d <= today { "done" } else { "planned" })
        }
        Kind::Referral => Some("open"),
        Kind::Sponsor | Kind::Partner | Kind::Client | Kind::Contact => None,
    }
}

/// The record file's text: `id` first, the mapped keys, the status `add`
/// would give, and `import` last.
fn record_text(id: &str, mapped: &Mapped, status: Option<&str>) -> String {
    let mut doc = DocumentMut::new();
    doc.insert("id", value(id));
    let mut sub: Vec<(String, String, Val)> = Vec::new();
    for (key, v) in &mapped.values {
        if key == "id" {
            continue;
        }
        if let Some((table, inner)) = key.split_once('.') {
            sub.push((table.to_string(), inner.to_string(), v.clone()));
            continue;
        }
        doc.insert(key, Item::Value(toml_value(v)));
    }
    if let Some(s) = status
        && !doc.contains_key("status")
    {
        doc.insert("status", value(s));
    }
    doc.insert("import", value(mapped.hash.as_str()));
    for (table, inner, v) in sub {
        let t = doc
            .entry(&table)
            .or_insert_with(|| Item::Table(Table::new()));
        if let Some(t) = t.as_table_mut() {
            t.insert(&inner, Item::Value(toml_value(&v)));
        }
    }
    doc.to_string()
}

fn toml_value(v: &Val) -> toml_edit::Value {
    match v {
        Val::Text(s) => s.as_str().into(),
        Val::Date(d) => crate::model::write::date_value(*d),
        Val::Time(t) => crate::model::write::time_value(*t),
        Val::Int(i) => (*i).into(),
        Val::Bool(b) => (*b).into(),
        Val::List(items) => items
            .iter()
            .map(String::as_str)
            .collect::<toml_edit::Array>()
            .into(),
    }
}

/// ` (Spalte "Bemerkung")`: the columns that feed `key`, or nothing.
fn column_note(plan: &Plan, key: &str) -> String {
    let columns = plan.columns_of(key);
    if columns.is_empty() {
        String::new()
    } else {
        format!(
            " ({} \"{}\")",
            crate::tr!("import.column"),
            columns.join("\", \"")
        )
    }
}

/// The key whose line (1-based) of the record text `line` is.
fn key_at(text: &str, line: Option<usize>) -> Option<String> {
    let l = text.lines().nth(line?.checked_sub(1)?)?;
    let (key, _) = l.split_once('=')?;
    Some(key.trim().to_string())
}

/// Judges one mapped row as any write is judged: the rule book over the
/// record text it gives, with the records of the folder
/// ([`Store::judge_text`]). Returns the row ready to be written and the
/// warnings a write tolerates, or the row's errors — every finding `check
/// --strict` would have, each with the column it came from.
fn prepare(
    store: &Store,
    config: &Config,
    kind: Kind,
    plan: &Plan,
    mapped: Mapped,
    today: NaiveDate,
) -> std::result::Result<(Ready, Vec<String>), Vec<String>> {
    let mut errors = mapped.problems.clone();
    let id = match new_id(kind, &mapped) {
        Ok(id) => id,
        Err(e) => {
            // an unreadable date cell is named already
            if errors.is_empty() {
                errors.push(e);
            }
            return Err(errors);
        }
    };
    let date = match mapped.get("date") {
        Some(Val::Date(d)) if kind.is_dated() => Some(*d),
        _ => None,
    };
    let path = match store.path_for(kind, &id, date) {
        Ok(p) => p,
        Err(e) => {
            errors.push(e.message);
            return Err(errors);
        }
    };
    let text = record_text(&id, &mapped, default_status(kind, &mapped, today));
    let placement = Placement {
        stem: &id,
        year_month: date.map(|d| (d.year(), d.month())),
    };
    let (record, findings) = store.judge_text(kind, &text, &path, config, Some(placement));
    let mut warnings = Vec::new();
    let mut privacy_said: HashSet<String> = HashSet::new();
    for f in &findings {
        let key = key_at(&text, f.key_line());
        // contact data in free text: said once per key, in the words of an import
        if let Some(k) = &key
            && let Some(lines) = privacy_lines(kind, plan, &mapped, k)
        {
            if privacy_said.insert(k.clone()) {
                errors.extend(lines);
            }
            continue;
        }
        let line = format!(
            "{}{}",
            f.message,
            key.as_deref()
                .map(|k| column_note(plan, k))
                .unwrap_or_default()
        );
        if !f.is_error() && f.tolerated_on_write {
            warnings.push(line);
        } else {
            errors.push(line);
        }
    }
    match &record {
        Some(r) if exists_already(store, r) => errors.push(crate::tr!(
            "import.exists",
            kind = kind.label(),
            id = r.id()
        )),
        Some(_) => {}
        // unreadable: the findings say why
        None if errors.is_empty() => errors.extend(findings.iter().map(|f| f.message.clone())),
        None => {}
    }
    if errors.is_empty() {
        Ok((
            Ready {
                row: 0,
                mapped,
                path,
                text,
            },
            warnings,
        ))
    } else {
        Err(errors)
    }
}

/// A record whose id was given in the sheet and is taken.
fn exists_already(store: &Store, record: &Record) -> bool {
    match record {
        Record::Sponsor(_) | Record::Partner(_) | Record::Client(_) => {
            store.exists(record.kind(), record.id())
        }
        Record::Appointment(_) | Record::Referral(_) | Record::Event(_) | Record::Contact(_) => {
            false
        }
    }
}

/// The privacy lines for `key` of the row when `key` is one the privacy
/// scan of the rule book reads (SPEC §1.3) and its value holds contact
/// data; `None` otherwise. Only called for keys the rule book flagged, so
/// the verdict stays the rule book's; this only words it for the sheet.
fn privacy_lines(kind: Kind, plan: &Plan, mapped: &Mapped, key: &str) -> Option<Vec<String>> {
    let free = crate::schema::of(kind)
        .free_text_fields()
        .any(|f| f.key == key);
    if !free {
        return None;
    }
    let lang = crate::i18n::lang();
    let place = format!("`{key}`{}", column_note(plan, key));
    let lines: Vec<String> = mapped
        .get(key)?
        .texts()
        .into_iter()
        .flat_map(crate::privacy::find)
        .map(|found| {
            let hit = match lang {
                Lang::De => found.phrase_de(),
                Lang::En => found.phrase_en(),
            };
            crate::tr!("import.privacy", place = place, hit = hit)
        })
        .collect();
    (!lines.is_empty()).then_some(lines)
}

/// Writes a checked row as a new file; a generated id that another record
/// took meanwhile is drawn again.
fn write_new(store: &Store, kind: Kind, r: Ready, today: NaiveDate) -> Result<PathBuf> {
    let mut path = r.path;
    let mut text = r.text;
    for _ in 0..16 {
        let dir = path.parent().unwrap_or(store.root());
        std::fs::create_dir_all(dir)
            .map_err(|e| CommandError::io(crate::error::IoAction::CreateFolder, dir, &e))?;
        match store.create_new_file(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(e)
                if e.kind() == std::io::ErrorKind::AlreadyExists
                    && r.mapped.get("id").is_none() =>
            {
                let id = new_id(kind, &r.mapped).map_err(CommandError::data)?;
                let date = match r.mapped.get("date") {
                    Some(Val::Date(d)) if kind.is_dated() => Some(*d),
                    _ => None,
                };
                path = store.path_for(kind, &id, date)?;
                text = record_text(&id, &r.mapped, default_status(kind, &r.mapped, today));
            }
            Err(e) => {
                return Err(CommandError::data(crate::tr!(
                    "import.write-failed",
                    row = r.row,
                    path = path.display(),
                    problem = e
                )));
            }
        }
    }
    Err(CommandError::data(crate::tr!(
        "import.no-free-id",
        row = r.row,
        kind = kind.label()
    )))
}
