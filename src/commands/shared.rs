//! What the record commands have in common: asking for missing fields,
//! printing what was written, committing it, filters and tables.

use crate::cli::{Globals, interactive};
use crate::dates::{Period, parse_date, parse_month, parse_time};
use crate::error::{CommandError, Result};
use crate::model::{Code, Config, Kind, Lang, Record};
use crate::store::{LoadResult, Store};
use chrono::{NaiveDate, NaiveTime};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, Item, Value};

/// clap value parser for `--date`-like flags: YYYY-MM-DD, today, yesterday, tomorrow.
pub fn date_arg(s: &str) -> std::result::Result<NaiveDate, String> {
    parse_date(s)
}

/// clap value parser for `--time`: HH:MM.
pub fn time_arg(s: &str) -> std::result::Result<NaiveTime, String> {
    parse_time(s)
}

/// clap value parser for `--month`: YYYY-MM.
pub fn month_arg(s: &str) -> std::result::Result<Period, String> {
    parse_month(s)
}

/// `--commit`: also commit the touched file.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CommitArg {
    /// Also `git commit` the record this command writes
    #[arg(long)]
    pub commit: bool,
}

/// `--from`, `--to`, `--month` of every `list`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DateFilter {
    /// Only records dated on or after this day (YYYY-MM-DD, today, yesterday)
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Only records dated on or before this day
    #[arg(long, value_parser = date_arg, value_name = "DATE")]
    pub to: Option<NaiveDate>,
    /// Only records of this month (YYYY-MM)
    #[arg(long, value_parser = month_arg, value_name = "YYYY-MM", conflicts_with_all = ["from", "to"])]
    pub month: Option<Period>,
}

impl DateFilter {
    pub fn matches(&self, d: NaiveDate) -> bool {
        if let Some(m) = &self.month {
            return m.contains(d);
        }
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    /// The month folders a listing must read (all when unbounded).
    pub fn month_range(&self) -> crate::store::MonthRange {
        use chrono::Datelike;
        let (from, to) = match &self.month {
            Some(m) => (Some(m.from), Some(m.to)),
            None => (self.from, self.to),
        };
        crate::store::MonthRange {
            from: from.map(|d| (d.year(), d.month())),
            to: to.map(|d| (d.year(), d.month())),
        }
    }
}

/// Collects the required fields of an `add`: on a terminal it asks for each
/// missing one at once; otherwise it notes the missing flags and `finish`
/// fails with all of them (exit 2), so cron never waits for input.
pub struct Need {
    ask: bool,
    missing: Vec<String>,
}

impl Default for Need {
    fn default() -> Self {
        Need::new()
    }
}

impl Need {
    pub fn new() -> Need {
        Need {
            ask: interactive(),
            missing: Vec::new(),
        }
    }

    /// For tests and `--no-input` style callers: never ask.
    pub fn never_ask() -> Need {
        Need {
            ask: false,
            missing: Vec::new(),
        }
    }

    fn prompt_failed(e: inquire::InquireError) -> CommandError {
        match e {
            inquire::InquireError::OperationCanceled
            | inquire::InquireError::OperationInterrupted => {
                CommandError::usage("cancelled; nothing was written")
            }
            other => CommandError::usage(format!("cannot ask for input: {other}")),
        }
    }

    /// A required free text.
    pub fn text(
        &mut self,
        flag: &str,
        question: &str,
        value: Option<String>,
    ) -> Result<Option<String>> {
        match value.filter(|v| !v.trim().is_empty()) {
            Some(v) => Ok(Some(v)),
            None if self.ask => {
                let answer = inquire::Text::new(question)
                    .with_validator(inquire::required!())
                    .prompt()
                    .map_err(Self::prompt_failed)?;
                Ok(Some(answer))
            }
            None => {
                self.missing.push(flag.to_string());
                Ok(None)
            }
        }
    }

    /// A required value parsed from text (dates, numbers).
    pub fn parsed<T>(
        &mut self,
        flag: &str,
        question: &str,
        value: Option<T>,
        parse: impl Fn(&str) -> std::result::Result<T, String> + Clone + 'static,
    ) -> Result<Option<T>> {
        match value {
            Some(v) => Ok(Some(v)),
            None if self.ask => loop {
                let answer = inquire::Text::new(question)
                    .prompt()
                    .map_err(Self::prompt_failed)?;
                match parse(&answer) {
                    Ok(v) => return Ok(Some(v)),
                    Err(e) => eprintln!("{e}"),
                }
            },
            None => {
                self.missing.push(flag.to_string());
                Ok(None)
            }
        }
    }

    /// A required code of a closed vocabulary, offered as a list.
    pub fn code<C: Code + std::fmt::Display>(
        &mut self,
        flag: &str,
        question: &str,
        value: Option<C>,
        lang: Lang,
    ) -> Result<Option<C>> {
        match value {
            Some(v) => Ok(Some(v)),
            None if self.ask => {
                let options: Vec<String> = C::ALL
                    .iter()
                    .map(|c| format!("{} — {}", c.code(), c.label(lang)))
                    .collect();
                let picked = inquire::Select::new(question, options)
                    .raw_prompt()
                    .map_err(Self::prompt_failed)?;
                Ok(Some(C::ALL[picked.index]))
            }
            None => {
                self.missing.push(flag.to_string());
                Ok(None)
            }
        }
    }

    /// A required reference to an existing record, offered as a list.
    pub fn choose(
        &mut self,
        flag: &str,
        question: &str,
        value: Option<String>,
        options: impl FnOnce() -> Vec<String>,
    ) -> Result<Option<String>> {
        match value {
            Some(v) => Ok(Some(v)),
            None if self.ask => {
                let options = options();
                if options.is_empty() {
                    return Err(CommandError::data(format!(
                        "nothing to choose for {flag}: add one first"
                    )));
                }
                let picked = inquire::Select::new(question, options)
                    .prompt()
                    .map_err(Self::prompt_failed)?;
                Ok(Some(
                    picked
                        .split_whitespace()
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                ))
            }
            None => {
                self.missing.push(flag.to_string());
                Ok(None)
            }
        }
    }

    /// Fails (exit 2) naming every missing flag.
    pub fn finish(self) -> Result<()> {
        if self.missing.is_empty() {
            Ok(())
        } else {
            Err(CommandError::usage(format!(
                "missing required {}: {} (no terminal to ask on; pass {})",
                if self.missing.len() == 1 {
                    "flag"
                } else {
                    "flags"
                },
                self.missing.join(", "),
                if self.missing.len() == 1 {
                    "it"
                } else {
                    "them"
                }
            )))
        }
    }
}

/// `{"id": …, "path": …}` of a written record.
#[derive(Serialize)]
struct Written<'a> {
    id: &'a str,
    path: String,
}

/// What a writing command did to one record.
pub struct Change<'a> {
    pub kind: Kind,
    /// `add`, `edit`, `close`, … — the word of the commit message.
    pub verb: &'a str,
    pub id: &'a str,
    pub path: &'a Path,
    /// The record's old file when the change moved it to another month.
    pub moved_from: Option<&'a Path>,
}

/// Prints what a writing command wrote and commits it when asked to.
pub fn report_written(
    globals: &Globals,
    store: &Store,
    config: &Config,
    commit: &CommitArg,
    change: Change,
) -> Result<()> {
    if commit.commit || config.git.auto_commit {
        let mut paths: Vec<&Path> = vec![change.path];
        paths.extend(change.moved_from);
        crate::git::commit_paths(
            store.root(),
            &paths,
            &format!("{}: {} {}", change.kind.name(), change.verb, change.id),
        )?;
    }
    if globals.json {
        let w = Written {
            id: change.id,
            path: change.path.display().to_string(),
        };
        println!("{}", serde_json::to_string(&w).unwrap_or_default());
    } else {
        println!("{}\t{}", change.id, change.path.display());
    }
    Ok(())
}

/// Prints records as a JSON array with their TOML keys.
pub fn print_json<T: Serialize>(items: &[T]) -> Result<()> {
    let text = serde_json::to_string_pretty(items)
        .map_err(|e| CommandError::data(format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// A table: labels picked by language, wrapped to the terminal's width
/// (not wrapped when the output is not a terminal).
pub fn table(lang: Lang, headers: &[(&str, &str)]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(
            headers
                .iter()
                .map(|(de, en)| lang.pick(de, en))
                .collect::<Vec<_>>(),
        );
    t
}

/// Prints a table, or a short line when there is nothing to show.
pub fn print_table(t: Table, lang: Lang) {
    if t.row_count() == 0 {
        println!("{}", lang.pick("(keine Einträge)", "(nothing found)"));
    } else {
        println!("{t}");
    }
}

/// Replaces the value of `key` (keeping its trailing comment) or appends it.
pub fn set_value(doc: &mut DocumentMut, key: &str, value: Value) {
    match doc.get_mut(key) {
        Some(Item::Value(old)) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        _ => {
            doc.insert(key, Item::Value(value));
        }
    }
}

pub fn set_str(doc: &mut DocumentMut, key: &str, value: &str) {
    set_value(doc, key, Value::from(value));
}

pub fn set_date(doc: &mut DocumentMut, key: &str, d: NaiveDate) {
    set_value(doc, key, crate::model::write::date_value(d));
}

pub fn set_opt_str(doc: &mut DocumentMut, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        set_str(doc, key, v);
    }
}

pub fn remove_key(doc: &mut DocumentMut, key: &str) {
    doc.remove(key);
}

/// Reads one record (by id or unique suffix) or fails naming the file.
pub fn load_one(
    store: &Store,
    config: &Config,
    kind: Kind,
    query: &str,
) -> Result<(Record, PathBuf)> {
    let (_, path) = store.resolve(kind, query)?;
    let rel = path
        .strip_prefix(store.root())
        .unwrap_or(&path)
        .to_path_buf();
    let (record, findings) = store.read_file(&rel, config);
    match record {
        Some(r) if !findings.iter().any(|f| f.is_error()) => Ok((r, path)),
        _ => Err(CommandError::data(format!(
            "{}\nfix the file (quartier edit {query}) and try again",
            findings
                .iter()
                .map(|f| f.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ))),
    }
}

/// Fails (exit 1) when `record` refers to records that do not exist.
pub fn check_references(store: &Store, record: &Record) -> Result<()> {
    let mut refs: Vec<(Kind, &str)> = Vec::new();
    match record {
        Record::Appointment(a) => {
            if let Some(c) = &a.client {
                refs.push((Kind::Client, c));
            }
            if let Some(s) = &a.sponsor {
                refs.push((Kind::Sponsor, s));
            }
        }
        Record::Referral(r) => {
            refs.push((Kind::Client, &r.client));
            refs.push((Kind::Partner, &r.partner));
            if let Some(a) = &r.appointment {
                refs.push((Kind::Appointment, a));
            }
        }
        Record::Event(e) => {
            refs.extend(e.partners.iter().map(|p| (Kind::Partner, p.as_str())));
            refs.extend(e.sponsors.iter().map(|s| (Kind::Sponsor, s.as_str())));
        }
        _ => {}
    }
    let missing: Vec<String> = refs
        .into_iter()
        .filter(|(kind, id)| !store.exists(*kind, id))
        .map(|(kind, id)| format!("{} `{id}` does not exist", kind.name()))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(CommandError::data(format!(
            "{}: add it first or fix the id; nothing was written",
            missing.join("; ")
        )))
    }
}

/// Fails with the error findings when records that a command needs are broken.
pub fn refuse_errors(loaded: &LoadResult) -> Result<()> {
    let errors: Vec<String> = loaded
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| f.to_string())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CommandError::data(format!(
            "{}\n{} broken record file(s): fix them (quartier check lists everything), then try again",
            errors.join("\n"),
            errors.len()
        )))
    }
}

/// Label of a record key in the chosen language.
pub fn key_label(key: &str, lang: Lang) -> &str {
    let (de, en) = match key {
        "id" => ("ID", "ID"),
        "name" => ("Name", "Name"),
        "project" => ("Projekt", "Project"),
        "field" => ("Förderbereich", "Field"),
        "start" => ("Beginn", "Start"),
        "end" => ("Ende", "End"),
        "contact" => ("Ansprechpartner", "Contact"),
        "email" => ("E-Mail", "E-mail"),
        "phone" => ("Telefon", "Phone"),
        "status" => ("Status", "Status"),
        "notes" => ("Notizen", "Notes"),
        "kind" => ("Art", "Kind"),
        "offers" => ("Angebote", "Offers"),
        "languages" => ("Sprachen", "Languages"),
        "address" => ("Adresse", "Address"),
        "website" => ("Webseite", "Website"),
        "first_contact" => ("Erstkontakt", "First contact"),
        "gender" => ("Geschlecht", "Gender"),
        "birth_year" => ("Geburtsjahr", "Birth year"),
        "origin" => ("Herkunft", "Origin"),
        "residence" => ("Aufenthaltsstatus", "Residence"),
        "district" => ("Ortsteil", "District"),
        "employment" => ("Erwerbsstatus", "Employment"),
        "consent" => ("Einwilligung", "Consent"),
        "date" => ("Datum", "Date"),
        "time" => ("Uhrzeit", "Time"),
        "duration" => ("Dauer (min)", "Duration (min)"),
        "staff" => ("Mitarbeiter/in", "Staff"),
        "client" => ("Klient/in", "Client"),
        "sponsor" => ("Träger", "Sponsor"),
        "sponsors" => ("Träger", "Sponsors"),
        "partner" => ("Partner", "Partner"),
        "partners" => ("Partner", "Partners"),
        "topics" => ("Themen", "Topics"),
        "topic" => ("Thema", "Topic"),
        "language" => ("Sprache", "Language"),
        "interpreter" => ("Dolmetscher/in", "Interpreter"),
        "family_members" => ("Familienangehörige", "Family members"),
        "appointment" => ("Termin", "Appointment"),
        "follow_up" => ("Wiedervorlage", "Follow-up"),
        "closed" => ("Abgeschlossen", "Closed"),
        "outcome" => ("Ergebnis", "Outcome"),
        "title" => ("Titel", "Title"),
        "location" => ("Ort", "Location"),
        "participants" => ("Teilnehmende", "Participants"),
        other => (other, other),
    };
    lang.pick(de, en)
}

/// Prints one record as a two-column table of its fields.
pub fn print_record(record: &Record, lang: Lang) -> Result<()> {
    let value = serde_json::to_value(record)
        .map_err(|e| CommandError::data(format!("cannot show the record: {e}")))?;
    let mut t = table(lang, &[("Feld", "Field"), ("Wert", "Value")]);
    if let serde_json::Value::Object(map) = value {
        for (key, v) in map {
            let shown = match &v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(", "),
                serde_json::Value::Object(o) => o
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            t.add_row(vec![key_label(&key, lang).to_string(), shown]);
        }
    }
    println!("{t}");
    Ok(())
}

/// The value of `Option<String>` for a table cell.
pub fn cell(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

/// Label of a code in the chosen language.
pub fn label<C: Code>(c: C, lang: Lang) -> &'static str {
    c.label(lang)
}

/// Topic codes checked against the office's topics; exit 2 on an unknown one.
pub fn check_topics(config: &Config, topics: &[String], flag: &str) -> Result<()> {
    for t in topics {
        if !config.is_topic(t) {
            return Err(CommandError::usage(format!(
                "{flag}: `{t}` is not a topic code; use one of {}",
                config.topic_codes().join(", ")
            )));
        }
    }
    Ok(())
}

/// Fails (exit 1) when a referenced record does not exist.
pub fn must_exist(store: &Store, kind: Kind, id: &str) -> Result<String> {
    store.resolve(kind, id).map(|(id, _)| id).map_err(|e| {
        CommandError::data(format!(
            "{} `{id}` does not exist ({}); add it first or check the id",
            kind.name(),
            e.message.lines().next().unwrap_or_default()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_value_keeps_comments_and_order() {
        let mut doc: DocumentMut =
            "# head\nid = \"a\"\nstatus = \"open\"  # still waiting\nnotes = \"x\"\n"
                .parse()
                .unwrap();
        set_str(&mut doc, "status", "done");
        set_date(
            &mut doc,
            "closed",
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        );
        assert_eq!(
            doc.to_string(),
            "# head\nid = \"a\"\nstatus = \"done\"  # still waiting\nnotes = \"x\"\nclosed = 2026-11-01\n"
        );
    }

    #[test]
    fn missing_flags_are_named_together() {
        let mut need = Need::never_ask();
        need.text("--name", "Name?", None).unwrap();
        need.text("--project", "Project?", Some("p".into()))
            .unwrap();
        need.text("--field", "Field?", Some("  ".into())).unwrap();
        let e = need.finish().unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("--name, --field"), "{}", e.message);
    }
}
