//! The one `add` path and the one `edit` path of every record kind:
//! flags → values → TOML document → the rule book's verdict → the store's
//! atomic write → what was written (and the commit). A write is refused
//! exactly when `check --strict` would flag what it writes: from flags with
//! exit 2 naming the flag, from a file (`quartier edit`) with exit 1.

use super::document::{apply, fresh, keys_by_line};
use super::flags::{Given, Raw};
use super::resolve::{KeyNames, View, flag_name, resolve};
use crate::cli::Globals;
use crate::commands::shared::{Change, CommitArg, Need, check_references, report_written};
use crate::error::{CommandError, Result};
use crate::model::read::{Context, Severity, read_record};
use crate::model::{Config, Kind, Record};
use crate::schema::{DefaultValue, FieldType};
use crate::store::{Finding, Store};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml_edit::DocumentMut;

/// A new record from flags.
pub struct AddRequest<'a> {
    pub kind: Kind,
    pub given: Given,
    pub commit: &'a CommitArg,
    /// The word of the commit message: `add`, `new`.
    pub verb: &'a str,
}

/// Changes of an existing record from flags.
pub struct EditRequest<'a> {
    pub kind: Kind,
    /// The id as typed (or a unique end of it).
    pub query: &'a str,
    pub given: Given,
    pub commit: &'a CommitArg,
}

/// Fills the defaults of the schema that need no question: today's date,
/// `done`/`planned` by the date, fixed values of required keys, now during
/// a consultation hour.
pub(crate) fn fill_defaults(kind: Kind, given: &mut Given, config: &Config) {
    let today = crate::dates::today();
    for f in crate::schema::of(kind).fields() {
        if given.get(f.key).is_some() {
            continue;
        }
        match f.default {
            DefaultValue::Today => given.set(f.key, Raw::Date(today)),
            DefaultValue::DoneWhenPast => {
                let day = given.date("date").unwrap_or(today);
                let status = if day <= today { "done" } else { "planned" };
                given.set(f.key, Raw::Text(status.to_string()));
            }
            DefaultValue::Value(v) if f.is_always_required() => {
                given.set(f.key, Raw::Text(v.to_string()))
            }
            DefaultValue::PersonalStaff => {
                if let Some(staff) = crate::personal::staff_in(config) {
                    given.set(f.key, Raw::Text(staff));
                }
            }
            DefaultValue::NowDuringHours => {
                let now = crate::dates::now();
                if given.date("date").unwrap_or(today) == today
                    && crate::model::hours::at(&config.hours, today, now).is_some()
                {
                    given.set(f.key, Raw::Time(now));
                }
            }
            DefaultValue::Value(_) | DefaultValue::None | DefaultValue::Generated => {}
        }
    }
}

/// Whether a given value counts as not given (absent, empty).
pub(crate) fn is_missing(raw: Option<&Raw>) -> bool {
    match raw {
        None | Some(Raw::Empty) => true,
        Some(Raw::Text(s)) => s.trim().is_empty(),
        Some(_) => false,
    }
}

/// The flags of every required key (in schema order) that `given` lacks.
pub(crate) fn missing_flags(kind: Kind, given: &Given) -> Vec<String> {
    let view = View {
        given,
        current: BTreeMap::new(),
    };
    let mut out = Vec::new();
    for f in crate::schema::of(kind).fields() {
        if f.default == DefaultValue::Generated || !f.is_required_in(|k| view.get(k)) {
            continue;
        }
        match f.ty.subfields() {
            Some(sub) => {
                for g in sub.iter().filter(|g| g.is_always_required()) {
                    let key = format!("{}.{}", f.key, g.key);
                    if given.get(&key).is_none() {
                        out.push(flag_name(&key));
                    }
                }
            }
            None => {
                if is_missing(given.get(f.key)) {
                    out.push(flag_name(f.key));
                }
            }
        }
    }
    out
}

/// Writes a new record from flags — on a terminal through a guided form
/// when a required field is missing or `--ask` asks for one; refuses it
/// (exit 2, naming the flags) when `check --strict` would flag it.
pub fn add_record(
    globals: &Globals,
    store: &Store,
    config: &Config,
    req: AddRequest,
) -> Result<(Record, PathBuf)> {
    let kind = req.kind;
    let mut given = req.given;
    // what was given is checked before anything is asked for
    let view = View {
        given: &given,
        current: BTreeMap::new(),
    };
    resolve(kind, &given, &view, store, config, false, KeyNames::Flag)?;
    let mut made = crate::commands::form::Made::default();
    let asked = crate::commands::form::wanted(kind, &given, config)?;
    if asked {
        (given, made) =
            crate::commands::form::add(globals, store, config, kind, given, req.commit)?;
    } else {
        fill_defaults(kind, &mut given, config);
        let mut need = Need::never_ask();
        for flag in missing_flags(kind, &given) {
            need.note(&flag);
        }
        need.finish()?;
    }
    let remembered = given.clone();
    let written = create_from(globals, store, config, kind, given, req.commit, req.verb)
        .map_err(|e| made.told(kind, e))?;
    // by flag or by answer: the last time, duration and staff used (SPEC §2)
    crate::commands::form::state::State::remember_written(kind, &remembered);
    // the notes a form says after its answers, for flag input
    if !asked
        && let Record::Event(e) = &written.0
        && let Some(note) = e
            .participants
            .as_ref()
            .and_then(crate::commands::event::ungendered_note)
    {
        eprintln!("{note}");
    }
    Ok(written)
}

/// A record of `kind` as it would be written from `given` (defaults
/// filled): its text, its path and id (a fresh id when it has none yet).
pub(crate) struct Candidate {
    pub text: String,
    pub id: String,
    pub path: PathBuf,
    pub date: Option<chrono::NaiveDate>,
}

/// The candidate record of `given`; `whole` also refuses keys that do not
/// belong to it (see [`resolve`]), naming them as `naming` says.
pub(crate) fn candidate(
    kind: Kind,
    given: &Given,
    store: &Store,
    config: &Config,
    whole: bool,
    naming: KeyNames,
) -> Result<Candidate> {
    let view = View {
        given,
        current: BTreeMap::new(),
    };
    let mut values = resolve(kind, given, &view, store, config, whole, naming)?;
    let date = given.date("date");
    let id_is_generated = crate::schema::of(kind)
        .field("id")
        .is_some_and(|f| f.default == DefaultValue::Generated);
    let id = if id_is_generated {
        match (kind.is_dated(), date) {
            (true, Some(d)) => crate::store::new_dated_id(kind, d)?,
            (true, None) => {
                return Err(CommandError::usage(crate::tr!("writing.date-flag-needed")));
            }
            (false, _) => crate::store::new_client_code()?,
        }
    } else {
        given.text("id").unwrap_or("new").to_string()
    };
    values.insert("id".into(), Some(toml_edit::Value::from(id.clone())));
    let text = fresh(kind, &values).to_string();
    let path = store.path_for(kind, &id, date.filter(|_| kind.is_dated()))?;
    Ok(Candidate {
        text,
        id,
        path,
        date,
    })
}

/// Writes the record `given` holds (complete, defaults filled): the rule
/// book's verdict, the store's atomic write, what was written and the commit.
pub(crate) fn create_from(
    globals: &Globals,
    store: &Store,
    config: &Config,
    kind: Kind,
    given: Given,
    commit: &CommitArg,
    verb: &str,
) -> Result<(Record, PathBuf)> {
    let text = candidate(kind, &given, store, config, true, KeyNames::Flag)?.text;
    let record = judge_flags(kind, &text, None, config, &flag_name)?;
    check_references(store, &record)?;
    let slug = record.id().to_string();
    let (record, path) = store.create(config, kind, record.date(), |fresh_id| {
        with_id(record.clone(), fresh_id.unwrap_or_else(|| slug.clone()))
    })?;
    report_written(
        globals,
        store,
        config,
        commit,
        Change {
            kind,
            verb,
            id: record.id(),
            path: &path,
            moved_from: None,
        },
    )?;
    Ok((record, path))
}

/// Changes a record from flags, keeping the rest of its file; without
/// record flags opens it in the editor. `adjust` is the kind's own logic
/// (what a status change implies), given the record as it is.
pub fn edit_record(
    globals: &Globals,
    store: &Store,
    config: &Config,
    req: EditRequest,
    adjust: impl FnOnce(&mut Given, Option<&Record>) -> Result<()>,
) -> Result<Option<Record>> {
    let kind = req.kind;
    let (id, path) = store.resolve(kind, req.query)?;
    let mut given = req.given;
    if given.is_empty() {
        crate::commands::edit::edit_in_editor(
            globals, store, config, kind, &id, &path, req.commit,
        )?;
        return Ok(None);
    }
    let original = crate::store::read_text(&path)
        .map_err(|m| CommandError::data(format!("{}: {m}", path.display())))?;
    let current_doc: Option<DocumentMut> = original.parse().ok();
    let (current, before) = read_with_findings(kind, &original, config);
    adjust(&mut given, current.as_ref())
        .map_err(|e| crate::store::stale_or(&path, &original, e))?;
    let view = View {
        given: &given,
        current: string_values(current_doc.as_ref()),
    };
    let values = resolve(kind, &given, &view, store, config, true, KeyNames::Flag)
        .map_err(|e| crate::store::stale_or(&path, &original, e))?;
    // every decision above was taken on `original`: the change is applied to
    // it and the compare-and-swap guards it
    let (record, new_path) = store.update_read(config, kind, &path, &original, |doc| {
        apply(doc, &values);
        let record = judge_flags(kind, &doc.to_string(), Some(&before), config, &flag_name)?;
        check_references(store, &record)
    })?;
    report_written(
        globals,
        store,
        config,
        req.commit,
        Change {
            kind,
            verb: "edit",
            id: &id,
            path: &new_path,
            moved_from: (new_path != path).then_some(path.as_path()),
        },
    )?;
    Ok(Some(record))
}

/// A status command's change (`appointment done`, `event done`, `referral
/// close`, `sponsor end`, `sponsor deadline`, `client consent` …): `change`
/// edits the typed record, which the schema-driven writer puts back into
/// the file (comments stay), judged exactly like a change from `edit`
/// flags: what `check --strict` would newly flag refuses it with exit 2,
/// naming the flag `flags` gives for the key (else `command`); problems the
/// file had before are a data error (exit 1). No command checks a rule of
/// its own.
pub fn change_record(
    store: &Store,
    config: &Config,
    kind: Kind,
    path: &Path,
    named: Naming,
    change: impl FnOnce(&mut Record) -> Result<()>,
) -> Result<(Record, PathBuf)> {
    change_record_with(store, config, kind, path, named, &Given::default(), change)
}

/// [`change_record`] that also writes `answers` (a form's answers over the
/// record, `appointment done` on a terminal) as `edit` writes its flags,
/// in the same change: one compare-and-swap, one verdict.
pub fn change_record_with(
    store: &Store,
    config: &Config,
    kind: Kind,
    path: &Path,
    named: Naming,
    answers: &Given,
    change: impl FnOnce(&mut Record) -> Result<()>,
) -> Result<(Record, PathBuf)> {
    // one read: the answers, the findings before and the change all go by it
    let original = crate::store::read_text(path)
        .map_err(|m| CommandError::data(format!("{}: {m}", path.display())))?;
    let values = if answers.is_empty() {
        super::resolve::Values::new()
    } else {
        let current_doc: Option<DocumentMut> = original.parse().ok();
        let view = View {
            given: answers,
            current: string_values(current_doc.as_ref()),
        };
        let lang = crate::i18n::lang();
        resolve(
            kind,
            answers,
            &view,
            store,
            config,
            true,
            KeyNames::Label(lang),
        )
        .map_err(|e| crate::store::stale_or(path, &original, e))?
    };
    change_file(store, config, kind, path, &original, named, |doc| {
        // keys new to the file are appended in schema order, as `add` writes them
        for f in crate::schema::of(kind).fields() {
            let table = format!("{}.", f.key);
            let one: super::resolve::Values = values
                .iter()
                .filter(|(k, _)| *k == f.key || k.starts_with(&table))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            apply(doc, &one);
        }
        change_typed(doc, kind, path, config, change)
    })
}

/// `change` on the record `doc` holds, put back into `doc`.
fn change_typed(
    doc: &mut DocumentMut,
    kind: Kind,
    path: &Path,
    config: &Config,
    change: impl FnOnce(&mut Record) -> Result<()>,
) -> Result<()> {
    let (record, _) = read_with_findings(kind, &doc.to_string(), config);
    let mut record = record.ok_or_else(|| {
        CommandError::data(crate::tr!(
            "writing.unreadable",
            path = path.display(),
            kind = kind.label()
        ))
    })?;
    change(&mut record)?;
    crate::model::write::update_document(doc, &record);
    Ok(())
}

/// What [`change_record`] would refuse `change` for, nothing written: the
/// findings it would newly bring, each naming what caused it as `named`
/// says (a form judging an answer at once: `client consent` on a
/// terminal). Empty: it would pass.
pub fn refusals_of_change(
    config: &Config,
    kind: Kind,
    path: &Path,
    named: Naming,
    change: impl FnOnce(&mut Record) -> Result<()>,
) -> Result<Vec<String>> {
    let original = crate::store::read_text(path)
        .map_err(|m| CommandError::data(format!("{}: {m}", path.display())))?;
    let (_, before) = read_with_findings(kind, &original, config);
    let Ok(mut doc) = original.parse::<DocumentMut>() else {
        // the change itself says what is wrong with the file
        return Ok(Vec::new());
    };
    change_typed(&mut doc, kind, path, config, change)?;
    let text = doc.to_string();
    let (_, findings) = read_with_findings(kind, &text, config);
    let new: Vec<&Finding> = findings
        .iter()
        .filter(|f| !before.iter().any(|o| o.is_same(f)))
        .collect();
    Ok(said(kind, &new, &keys_by_line(&text), &|key| {
        named.name(key)
    }))
}

/// Findings as a write's refusal says them: what caused each (`name` of
/// the key it points at), `strict:` before a warning; each as a person
/// typing flags is told it (keys by label, days as the office reads them:
/// [`Finding::said`]).
fn said(
    kind: Kind,
    new: &[&Finding],
    lines: &BTreeMap<usize, String>,
    name: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let lang = crate::i18n::lang();
    new.iter()
        .map(|f| {
            let what = match f.severity {
                Severity::Error => String::new(),
                Severity::Warning => format!("{} ", crate::tr!("writing.strict")),
            };
            match f.key_line().and_then(|l| lines.get(&l)) {
                Some(key) => format!("{}: {what}{}", name(key), f.said(kind, lang)),
                None => format!("{what}{}", f.said(kind, lang)),
            }
        })
        .collect()
}

/// [`change_record`]'s verdict over a change of the document.
fn change_file(
    store: &Store,
    config: &Config,
    kind: Kind,
    path: &Path,
    original: &str,
    named: Naming,
    change: impl FnOnce(&mut DocumentMut) -> Result<()>,
) -> Result<(Record, PathBuf)> {
    // `before` and the change are of the one text the compare-and-swap guards
    let (_, before) = read_with_findings(kind, original, config);
    let name = |key: &str| named.name(key);
    store.update_read(config, kind, path, original, |doc| {
        change(doc)?;
        let record = judge_flags(kind, &doc.to_string(), Some(&before), config, &name)?;
        check_references(store, &record)
    })
}

/// How a status command's findings name what caused them: the flag of a
/// key (`closed` → `--date`), else the command itself.
#[derive(Clone, Copy)]
pub struct Naming<'a> {
    pub command: &'a str,
    pub flags: &'a [(&'a str, &'a str)],
}

impl Naming<'_> {
    fn name(&self, key: &str) -> String {
        self.flags
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(self.command, |(_, f)| f)
            .to_string()
    }
}

/// The string values of the top-level keys of a file.
fn string_values(doc: Option<&DocumentMut>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(doc) = doc {
        for (k, item) in doc.iter() {
            if let Some(s) = item.as_str() {
                out.insert(k.to_string(), s.to_string());
            }
        }
    }
    out
}

/// A record and what `check --strict` says about it on its own.
fn read_with_findings(kind: Kind, text: &str, config: &Config) -> (Option<Record>, Vec<Finding>) {
    let ctx = Context {
        config,
        today: crate::dates::today(),
    };
    let (record, problems) = read_record(kind, text, &ctx, None);
    let findings = problems
        .into_iter()
        .map(|p| crate::store::problem_finding(&PathBuf::new(), text, p))
        .collect();
    (record, findings)
}

/// The verdict on a record written from flags: every finding `check
/// --strict` would report refuses it. A finding the flags brought in is a
/// usage error (exit 2) naming the flag; one the file had before (`before`,
/// the same code about the same key with the same values: [`Finding::is_same`],
/// never the wording) is a data error (exit 1) that says to fix the file.
fn judge_flags(
    kind: Kind,
    text: &str,
    before: Option<&[Finding]>,
    config: &Config,
    name: &dyn Fn(&str) -> String,
) -> Result<Record> {
    let (record, findings) = read_with_findings(kind, text, config);
    let lines = keys_by_line(text);
    let (old, new): (Vec<&Finding>, Vec<&Finding>) = findings
        .iter()
        .partition(|f| before.is_some_and(|b| b.iter().any(|o| o.is_same(f))));
    if !new.is_empty() {
        let said = said(kind, &new, &lines, name);
        return Err(CommandError::usage(format!(
            "{}\n{}",
            said.join("\n"),
            crate::tr!("writing.nothing-written")
        )));
    }
    if !old.is_empty() {
        return Err(CommandError::data(format!(
            "{}\n{}",
            old.iter()
                .map(|f| match f.line {
                    Some(l) => crate::tr!("writing.at-line", line = l, message = f.message),
                    None => f.message.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            crate::tr!("writing.problems-already", kind = kind.label())
        )));
    }
    record.ok_or_else(|| CommandError::data(crate::tr!("writing.not-read", kind = kind.label())))
}

/// The verdict on a record file a person edited (`quartier edit`): what
/// `check --strict` would report refuses it (exit 1), naming file and line.
pub fn judge_file(kind: Kind, path: &Path, text: &str, config: &Config) -> Result<()> {
    let (_, findings) = read_with_findings(kind, text, config);
    if findings.is_empty() {
        return Ok(());
    }
    Err(CommandError::data(
        findings
            .into_iter()
            .map(|f| {
                Finding {
                    path: path.to_path_buf(),
                    severity: Severity::Error,
                    ..f
                }
                .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n"),
    ))
}

/// `record` with the id `id` (a fresh id of a new record).
fn with_id(mut record: Record, id: String) -> Record {
    match &mut record {
        Record::Sponsor(r) => r.id = id,
        Record::Partner(r) => r.id = id,
        Record::Client(r) => r.id = id,
        Record::Appointment(r) => r.id = id,
        Record::Referral(r) => r.id = id,
        Record::Event(r) => r.id = id,
        Record::Contact(r) => r.id = id,
    }
    record
}

/// Whether a schema key is a table whose keys are flags (`[participants]`).
pub fn is_table(kind: Kind, key: &str) -> bool {
    crate::schema::of(kind)
        .field(key)
        .is_some_and(|f| matches!(f.ty, FieldType::Table(_)))
}

#[cfg(test)]
#[path = "stale_tests.rs"]
mod stale_tests;
