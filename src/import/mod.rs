//! `quartier import`: the office's spreadsheets become records. A sheet
//! ([`sheet`]) is read row by row; the rules file ([`rules`]) maps each row
//! to the keys of one record ([`map`]); the record's text is then checked by
//! the same reader as `check` and `add` (plus the references `add` checks
//! and the privacy scan of every write path), and only rows without errors
//! are written, each through an atomic create. Every imported record holds
//! `import = "<sha256>"`, the hash of its mapped keys and values, so that a
//! second run of the same list recognises the rows it already wrote.

pub mod map;
pub mod rules;
pub mod sheet;

use crate::error::{CommandError, Result};
use crate::model::read::Placement;
use crate::model::{Config, Kind, Lang, Record};
use crate::store::{Finding, Store};
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
    pub lang: Lang,
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
        return Err(CommandError::data(format!(
            "{}: {} {}: {} — {}",
            req.file.display(),
            req.lang.pick(
                "die Regeln nennen Spalten, die es nicht gibt",
                "the rules name columns the file does not have"
            ),
            req.rules.display(),
            missing.join(", "),
            req.lang.pick(
                &format!("Spalten der Datei: {}", sheet.headers.join(", ")),
                &format!("columns of the file: {}", sheet.headers.join(", "))
            )
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
    let mut ready: Vec<Ready> = Vec::new();
    let bar = crate::progress::bar(
        sheet.rows.len() as u64 * if req.dry_run { 1 } else { 2 },
        req.lang.pick("Zeilen prüfen", "checking rows"),
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
            out.diagnostics.push(match req.lang {
                Lang::De => format!(
                    "{file}:{}: warning: gleicher Inhalt wie Zeile {first}: übersprungen",
                    row.number
                ),
                Lang::En => format!(
                    "{file}:{}: warning: same content as row {first}: skipped",
                    row.number
                ),
            });
            continue;
        }
        seen.insert(mapped.hash.clone(), row.number);
        match prepare(store, config, req.kind, &plan, mapped, today, req.lang) {
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
    bar.set_message(req.lang.pick("schreiben", "writing").to_string());
    for r in ready {
        bar.inc(1);
        let path = write_new(store, req.kind, r, today)?;
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
    let unknown: Vec<&str> = targets
        .map(String::as_str)
        .filter(|k| !map::is_importable(req.kind, k))
        .collect();
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
    Err(CommandError::data(match req.lang {
        Lang::De => format!(
            "{}: {} kennt keinen Schlüssel {}: möglich sind {}",
            req.rules.display(),
            req.kind.name(),
            unknown.join(", "),
            keys.join(", ")
        ),
        Lang::En => format!(
            "{}: {} records have no key {}: the keys are {}",
            req.rules.display(),
            req.kind.name(),
            unknown.join(", "),
            keys.join(", ")
        ),
    }))
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
        Kind::Sponsor | Kind::Partner => given.ok_or_else(|| {
            "no `id` (the slug): map a column to `id`, e.g. `Kürzel = \"id\"`".to_string()
        }),
        Kind::Client => match given {
            Some(id) => Ok(id),
            None => fresh(crate::store::new_client_code()),
        },
        Kind::Appointment | Kind::Referral | Kind::Event | Kind::Contact => match (given, date) {
            (Some(id), _) => Ok(id),
            (None, Some(d)) => fresh(crate::store::new_dated_id(kind, d)),
            (None, None) => Err("no `date`: the date cell is empty or not mapped".to_string()),
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

/// Checks one mapped row as `add` checks a record: the reader of `check`,
/// the references, the privacy scan. Returns the row ready to be written and
/// its warnings, or its errors.
fn prepare(
    store: &Store,
    config: &Config,
    kind: Kind,
    plan: &Plan,
    mapped: Mapped,
    today: NaiveDate,
    lang: Lang,
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
    let column_note = |finding: &Finding| -> String {
        let key = finding
            .line
            .and_then(|l| text.lines().nth(l.saturating_sub(1)))
            .and_then(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()));
        let columns = key
            .as_deref()
            .map(|k| plan.columns_of(k))
            .unwrap_or_default();
        if columns.is_empty() {
            String::new()
        } else {
            format!(
                " ({} \"{}\")",
                lang.pick("Spalte", "column"),
                columns.join("\", \"")
            )
        }
    };
    let mut warnings = Vec::new();
    let flagged = privacy_hits(kind, plan, &mapped, lang);
    let record = match store.validate_text(kind, &text, &path, config, Some(placement)) {
        Ok(record) => {
            // validate_text succeeded: only warnings can be left; read them again
            let (_, problems) = crate::model::read::read_record(
                kind,
                &text,
                &crate::model::read::Context { config, today },
                Some(placement),
            );
            for p in problems {
                let f = Finding::warning(
                    &path,
                    p.span.map(|s| crate::store::line_of(&text, s.start)),
                    p.message,
                );
                if !flagged.is_empty() && is_line_of_flagged(&f, &text, &flagged) {
                    continue;
                }
                warnings.push(format!("{}{}", f.message, column_note(&f)));
            }
            Some(record)
        }
        Err(findings) => {
            for f in findings {
                if !f.is_error() && is_line_of_flagged(&f, &text, &flagged) {
                    continue;
                }
                let note = column_note(&f);
                if f.is_error() {
                    errors.push(format!("{}{note}", f.message));
                } else {
                    warnings.push(format!("{}{note}", f.message));
                }
            }
            None
        }
    };
    errors.extend(flagged.iter().map(|(_, m)| m.clone()));
    if let Some(record) = &record {
        if let Err(e) = crate::commands::shared::check_references(store, record) {
            errors.push(e.message);
        }
        if exists_already(store, record) {
            errors.push(format!(
                "{} `{}` {}",
                kind.name(),
                record.id(),
                lang.pick(
                    "gibt es schon: andere Kennung wählen oder die Zeile entfernen",
                    "exists already: choose another id or remove the row"
                )
            ));
        }
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

/// The privacy scan on every text of the row — the free-text fields of 1.3
/// and the codes, which never match — for the kinds the scan covers. Each
/// hit: the key and the error line.
fn privacy_hits(kind: Kind, plan: &Plan, mapped: &Mapped, lang: Lang) -> Vec<(String, String)> {
    let scanned = match kind {
        Kind::Client | Kind::Appointment | Kind::Referral | Kind::Event | Kind::Contact => true,
        Kind::Sponsor | Kind::Partner => false,
    };
    if !scanned {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (key, v) in &mapped.values {
        for text in v.texts() {
            for found in crate::privacy::find(text) {
                let hit = match lang {
                    Lang::De => found.phrase_de(),
                    Lang::En => found.phrase_en(),
                };
                let columns = plan.columns_of(key);
                let place = if columns.is_empty() {
                    format!("`{key}`")
                } else {
                    format!(
                        "`{key}` ({} \"{}\")",
                        lang.pick("Spalte", "column"),
                        columns.join("\", \"")
                    )
                };
                hits.push((
                    key.clone(),
                    match lang {
                        Lang::De => format!("Datenschutz: {place} scheint {hit} zu enthalten; Datensätze sind pseudonym — die Zeile wird nicht importiert, entfernen Sie die Angabe in der Tabelle"),
                        Lang::En => format!("privacy: {place} seems to contain {hit}; records are pseudonymous — the row is not imported, remove it from the sheet"),
                    },
                ));
            }
        }
    }
    hits
}

fn is_line_of_flagged(f: &Finding, text: &str, flagged: &[(String, String)]) -> bool {
    let Some(line) = f.line.and_then(|l| text.lines().nth(l.saturating_sub(1))) else {
        return false;
    };
    let key = line.split_once('=').map(|(k, _)| k.trim()).unwrap_or("");
    flagged.iter().any(|(k, _)| k == key)
}

/// Writes a checked row as a new file; a generated id that another record
/// took meanwhile is drawn again.
fn write_new(store: &Store, kind: Kind, r: Ready, today: NaiveDate) -> Result<PathBuf> {
    let mut path = r.path;
    let mut text = r.text;
    for _ in 0..16 {
        let dir = path.parent().unwrap_or(store.root());
        std::fs::create_dir_all(dir).map_err(|e| CommandError::io("create the folder", dir, &e))?;
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
                return Err(CommandError::data(format!(
                    "row {}: {}: {e}",
                    r.row,
                    path.display()
                )));
            }
        }
    }
    Err(CommandError::data(format!(
        "row {}: could not find a free id for a new {}",
        r.row,
        kind.name()
    )))
}
