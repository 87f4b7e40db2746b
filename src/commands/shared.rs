//! What the record commands have in common: asking for missing fields,
//! printing what was written, committing it, filters and tables.

use crate::cli::{Globals, interactive};
use crate::dates::{InputError, Period, parse_date, parse_duration, parse_month, parse_time};
use crate::error::{CommandError, Result};
use crate::model::{Code, Config, Kind, Lang, Record};
use crate::store::{LoadResult, Store};
use chrono::{NaiveDate, NaiveTime};
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;
use std::path::{Path, PathBuf};
use toml_edit::{DocumentMut, Item, Value};

/// clap value parser for `--date`-like flags: every form of [`parse_date`].
pub fn date_arg(s: &str) -> std::result::Result<NaiveDate, InputError> {
    parse_date(s)
}

/// clap value parser for `--time`: HH:MM, H:MM, H.
pub fn time_arg(s: &str) -> std::result::Result<NaiveTime, InputError> {
    parse_time(s)
}

/// clap value parser for `--month`: YYYY-MM, MM.JJJJ, M/JJJJ.
pub fn month_arg(s: &str) -> std::result::Result<Period, InputError> {
    parse_month(s)
}

/// clap value parser for `--duration`: 45, 45min, 1h, 1:30.
pub fn duration_arg(s: &str) -> std::result::Result<u32, InputError> {
    parse_duration(s)
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
    pub fn parsed<T, E: std::fmt::Display>(
        &mut self,
        flag: &str,
        question: &str,
        value: Option<T>,
        parse: impl Fn(&str) -> std::result::Result<T, E> + Clone + 'static,
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
    // The record is written: say so first, so that a failing commit never hides which file it was.
    if globals.json {
        let w = Written {
            id: change.id,
            path: change.path.display().to_string(),
        };
        println!("{}", serde_json::to_string(&w).unwrap_or_default());
    } else {
        println!("{}\t{}", change.id, change.path.display());
    }
    if commit.commit || config.git.auto_commit {
        let mut paths: Vec<&Path> = vec![change.path];
        paths.extend(change.moved_from);
        crate::git::commit_paths(
            store.root(),
            &paths,
            &format!("{}: {} {}", change.kind.name(), change.verb, change.id),
        )?;
    }
    Ok(())
}

/// Writes generated text to standard output. A reader that stops early
/// (`| head`) is no error; any other write failure is (exit 1).
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CommandError::data(format!(
            "cannot write to standard output: {e}"
        ))),
    }
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

/// Sets a text field; an empty value removes it.
pub fn set_or_remove_str(doc: &mut DocumentMut, key: &str, value: &Option<String>) {
    match value.as_deref().map(str::trim) {
        Some("") => remove_key(doc, key),
        Some(_) => set_opt_str(doc, key, value),
        None => {}
    }
}

/// Sets a list field; an empty list removes it.
pub fn set_list(doc: &mut DocumentMut, key: &str, items: &[String]) {
    if items.is_empty() {
        remove_key(doc, key);
    } else {
        set_value(doc, key, crate::model::write::list_value(items));
    }
}

pub fn set_int(doc: &mut DocumentMut, key: &str, value: i64) {
    set_value(doc, key, Value::from(value));
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

/// Prints one record as a two-column table of its fields, codes with their
/// labels. Office-specific topic codes and staff names need the settings:
/// use [`print_record_with`] where they are at hand.
pub fn print_record(record: &Record, lang: Lang) -> Result<()> {
    print_rows(record_rows(record, None, lang)?, lang);
    Ok(())
}

/// Like [`print_record`], with the office's topic labels and staff names.
pub fn print_record_with(record: &Record, config: &Config, lang: Lang) -> Result<()> {
    print_rows(record_rows(record, Some(config), lang)?, lang);
    Ok(())
}

fn print_rows(rows: Vec<(String, String)>, lang: Lang) {
    let mut t = table(lang, &[("Feld", "Field"), ("Wert", "Value")]);
    for (key, shown) in rows {
        t.add_row(vec![key, shown]);
    }
    println!("{t}");
}

/// The (label, shown value) rows of a record, in the order of its keys.
pub fn record_rows(
    record: &Record,
    config: Option<&Config>,
    lang: Lang,
) -> Result<Vec<(String, String)>> {
    let value = serde_json::to_value(record)
        .map_err(|e| CommandError::data(format!("cannot show the record: {e}")))?;
    let serde_json::Value::Object(map) = value else {
        return Ok(Vec::new());
    };
    Ok(map
        .iter()
        .map(|(key, v)| {
            let shown = shown_value(record, key, v, config, lang);
            (key_label(key, lang).to_string(), shown)
        })
        .collect())
}

/// `code — label` of a code of the vocabulary `C`; anything else as it is.
pub fn code_with_label<C: Code>(code: &str, lang: Lang) -> String {
    match C::from_code(code) {
        Some(c) => format!("{code} — {}", c.label(lang)),
        None => code.to_string(),
    }
}

/// `code — label` of a topic code (built-in, or the office's when `config` is given).
pub fn topic_with_label(code: &str, config: Option<&Config>, lang: Lang) -> String {
    let label = match config {
        Some(c) if c.is_topic(code) => Some(c.topic_label(code, lang)),
        _ => crate::model::BuiltinTopic::from_code(code).map(|t| t.label(lang).to_string()),
    };
    match label {
        Some(l) if l != code => format!("{code} — {l}"),
        _ => code.to_string(),
    }
}

/// Topic codes with their labels, comma-separated (for table cells).
pub fn topics_with_labels(codes: &[String], config: Option<&Config>, lang: Lang) -> String {
    codes
        .iter()
        .map(|c| topic_with_label(c, config, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn shown_value(
    record: &Record,
    key: &str,
    v: &serde_json::Value,
    config: Option<&Config>,
    lang: Lang,
) -> String {
    use crate::model::*;
    use serde_json::Value as J;
    let text = |v: &J| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    let topics = |v: &J| match v {
        J::Array(items) => items
            .iter()
            .map(|i| topic_with_label(&text(i), config, lang))
            .collect::<Vec<_>>()
            .join("\n"),
        other => topic_with_label(&text(other), config, lang),
    };
    let s = text(v);
    match (record, key) {
        (Record::Sponsor(_), "field") => code_with_label::<Field>(&s, lang),
        (Record::Sponsor(_), "status") => code_with_label::<SponsorStatus>(&s, lang),
        (Record::Partner(_), "kind") => code_with_label::<PartnerKind>(&s, lang),
        (Record::Partner(_), "offers") => topics(v),
        (Record::Client(_), "gender") => code_with_label::<Gender>(&s, lang),
        (Record::Client(_), "residence") => code_with_label::<Residence>(&s, lang),
        (Record::Client(_), "employment") => code_with_label::<Employment>(&s, lang),
        (Record::Appointment(_), "kind") => code_with_label::<AppointmentKind>(&s, lang),
        (Record::Appointment(_), "status") => code_with_label::<AppointmentStatus>(&s, lang),
        (Record::Appointment(_) | Record::Event(_), "topics") => topics(v),
        (Record::Referral(_), "status") => code_with_label::<ReferralStatus>(&s, lang),
        (Record::Referral(_), "topic") => topics(v),
        (Record::Event(_), "kind") => code_with_label::<EventKind>(&s, lang),
        (Record::Event(_), "status") => code_with_label::<EventStatus>(&s, lang),
        (_, "staff") => match config.map(|c| c.staff_name(&s)) {
            Some(name) if name != s => format!("{s} — {name}"),
            _ => s,
        },
        (_, "participants") => match v {
            J::Object(o) => o
                .iter()
                .map(|(k, n)| format!("{} {n}", participant_label(k, lang)))
                .collect::<Vec<_>>()
                .join(", "),
            other => text(other),
        },
        _ => match v {
            J::Bool(b) => lang
                .pick(
                    if *b { "ja" } else { "nein" },
                    if *b { "yes" } else { "no" },
                )
                .to_string(),
            J::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(", "),
            other => text(other),
        },
    }
}

fn participant_label(key: &str, lang: Lang) -> &str {
    let (de, en) = match key {
        "total" => ("gesamt", "total"),
        "women" => ("Frauen", "women"),
        "men" => ("Männer", "men"),
        "diverse" => ("divers", "diverse"),
        "migrants" => ("mit Migrationshintergrund", "migrants"),
        other => (other, other),
    };
    lang.pick(de, en)
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

/// The items of a list flag (`--x a,b` or `--x a --x b`): trimmed, empty ones dropped.
pub fn list_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect()
}

/// ISO 639-1 language codes (any case in, lower case out); exit 2 on another.
pub fn check_languages(codes: &[String], flag: &str) -> Result<Vec<String>> {
    list_items(codes)
        .iter()
        .map(|c| check_language(c, flag))
        .collect()
}

/// One ISO 639-1 language code (any case in, lower case out); exit 2 on another.
pub fn check_language(code: &str, flag: &str) -> Result<String> {
    let lower = code.trim().to_ascii_lowercase();
    if crate::model::iso::is_language(&lower) {
        Ok(lower)
    } else {
        Err(CommandError::usage(format!(
            "{flag}: `{code}` is not an ISO 639-1 language code (two letters, e.g. ar, fa, uk, de)"
        )))
    }
}

/// An ISO 3166-1 alpha-2 country code (any case in, upper case out); exit 2 on another.
pub fn check_country(code: &str, flag: &str) -> Result<String> {
    let upper = code.trim().to_ascii_uppercase();
    if crate::model::iso::is_country(&upper) {
        Ok(upper)
    } else {
        Err(CommandError::usage(format!(
            "{flag}: `{code}` is not an ISO 3166-1 alpha-2 country code (two letters, e.g. SY, AF, UA)"
        )))
    }
}

/// A district of `[area]` (any case in, the configured spelling out) or
/// `outside`; exit 2 naming the valid ones otherwise.
pub fn check_district(config: &Config, district: &str, flag: &str) -> Result<String> {
    let wanted = district.trim();
    if wanted.eq_ignore_ascii_case("outside") {
        return Ok("outside".to_string());
    }
    config
        .area
        .districts
        .iter()
        .find(|d| d.to_lowercase() == wanted.to_lowercase())
        .cloned()
        .ok_or_else(|| {
            let mut valid = config.area.districts.clone();
            valid.push("outside".to_string());
            CommandError::usage(format!(
                "{flag}: `{district}` is not a district of {}; use one of {}",
                if config.area.name.is_empty() {
                    "the area"
                } else {
                    &config.area.name
                },
                valid.join(", ")
            ))
        })
}

/// A plausible birth year: from 1900 up to this year; exit 2 otherwise.
pub fn check_birth_year(year: i64) -> Result<()> {
    use chrono::Datelike;
    let this_year = i64::from(crate::dates::today().year());
    if (1900..=this_year).contains(&year) {
        Ok(())
    } else {
        Err(CommandError::usage(format!(
            "--birth-year {year} is not plausible: give a year from 1900 to {this_year}"
        )))
    }
}

/// Refuses free text that holds personal contact data (exit 2): records
/// are pseudonymous, and `check` would warn about it.
pub fn refuse_contact_data(flag: &str, text: &Option<String>) -> Result<()> {
    let Some(text) = text else { return Ok(()) };
    let hits = crate::privacy::scan(text);
    if hits.is_empty() {
        Ok(())
    } else {
        Err(CommandError::usage(format!(
            "privacy: {flag} seems to contain {}; records are pseudonymous and must not hold personal contact data — leave it out; nothing was written",
            hits.join(" and ")
        )))
    }
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

/// A reference given on the command line (`--client`, `--sponsor`, …): the
/// exact id or a unique end of it. Unknown or ambiguous ones fail (exit 1)
/// naming `flag` and listing the candidates or close matches.
pub fn resolve_ref(store: &Store, kind: Kind, flag: &str, query: &str) -> Result<String> {
    let q = query.trim();
    if store.find_exact(kind, q).is_some() {
        return Ok(q.to_string());
    }
    let ids: Vec<String> = store.list_ids(kind).into_iter().map(|(id, _)| id).collect();
    if ids.iter().any(|id| id == q) {
        return Ok(q.to_string());
    }
    let ends: Vec<&String> = ids
        .iter()
        .filter(|id| !q.is_empty() && id.len() > q.len() && id.ends_with(q))
        .collect();
    match ends.as_slice() {
        [one] => return Ok((*one).clone()),
        [] => {}
        many => {
            return Err(CommandError::data(format!(
                "{flag} `{q}` matches {} {}s; give more of the id: {}",
                many.len(),
                kind.name(),
                many.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    let lower = q.to_lowercase();
    let close: Vec<&str> = ids
        .iter()
        .filter(|id| {
            let l = id.to_lowercase();
            (!lower.is_empty() && (l.contains(&lower) || lower.contains(&l)))
                || edit_distance(&l, &lower) <= 2
        })
        .map(String::as_str)
        .take(8)
        .collect();
    let hint = if close.is_empty() {
        format!("`quartier {} list` shows them", kind.name())
    } else {
        format!("did you mean {}?", close.join(", "))
    };
    Err(CommandError::data(format!(
        "{flag}: {} `{q}` does not exist; {hint} Nothing was written.",
        kind.name()
    )))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The id a `list` filter such as `--client` means: a unique end of an
/// existing id becomes that id; an unknown one is kept as typed (old records
/// may refer to it); an ambiguous one fails.
pub fn filter_ref(
    store: &Store,
    kind: Kind,
    flag: &str,
    query: &Option<String>,
) -> Result<Option<String>> {
    match query {
        None => Ok(None),
        Some(q) => match resolve_ref(store, kind, flag, q) {
            Ok(id) => Ok(Some(id)),
            Err(e) if e.message.contains(" matches ") => Err(e),
            Err(_) => Ok(Some(q.trim().to_string())),
        },
    }
}

/// Prints the warnings (e.g. privacy) of a record just written.
pub fn warn_about(store: &Store, config: &Config, path: &Path) {
    let rel = path.strip_prefix(store.root()).unwrap_or(path);
    let (_, findings) = store.read_file(rel, config);
    for f in findings.iter().filter(|f| !f.is_error()) {
        eprintln!("{f}");
    }
}

/// Warns when initials are not listed under [staff] of quartier.toml.
pub fn warn_unknown_staff(config: &Config, staff: &Option<String>) {
    if let Some(s) = staff
        && !config.staff.is_empty()
        && !config.staff.contains_key(s)
    {
        eprintln!(
            "warning: --staff `{s}` is not listed under [staff] in quartier.toml (known: {})",
            config.staff.keys().cloned().collect::<Vec<_>>().join(", ")
        );
    }
}

pub fn set_time(doc: &mut DocumentMut, key: &str, t: NaiveTime) {
    set_value(doc, key, crate::model::write::time_value(t));
}

pub fn set_bool(doc: &mut DocumentMut, key: &str, b: bool) {
    set_value(doc, key, Value::from(b));
}

/// A date as a table cell, with the time when there is one.
pub fn date_time_cell(date: NaiveDate, time: Option<NaiveTime>) -> String {
    match time {
        Some(t) => format!("{date} {}", t.format("%H:%M")),
        None => date.to_string(),
    }
}

/// Ids of `kind`, to choose from on a terminal.
pub fn record_ids(store: &Store, kind: Kind) -> Vec<String> {
    store.list_ids(kind).into_iter().map(|(id, _)| id).collect()
}

/// A list flag's values: trimmed, non-empty, each once, in the order given.
pub fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o == i) {
            out.push(i.to_string());
        }
    }
    out
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

    fn config() -> Config {
        toml::from_str(
            "[office]\nname = \"Test\"\n[area]\nname = \"Viertel\"\ndistricts = [\"Lindenau\", \"Plagwitz\"]\n[staff]\neb = \"E. B.\"\n[topics.codes]\ndebts = { de = \"Schulden\", en = \"Debts\" }\n",
        )
        .unwrap()
    }

    fn row<'a>(rows: &'a [(String, String)], label: &str) -> &'a str {
        &rows
            .iter()
            .find(|(l, _)| l == label)
            .unwrap_or_else(|| panic!("no row {label}: {rows:?}"))
            .1
    }

    #[test]
    fn records_show_codes_with_their_labels() {
        use crate::model::*;
        let sponsor = Record::Sponsor(Sponsor {
            id: "lernhaus".into(),
            name: "Lernhaus".into(),
            project: "Hausaufgaben".into(),
            field: Field::YouthEducation,
            start: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            end: None,
            contact: None,
            email: None,
            phone: None,
            status: SponsorStatus::Active,
            notes: None,
        });
        let rows = record_rows(&sponsor, None, Lang::De).unwrap();
        assert_eq!(
            row(&rows, "Förderbereich"),
            "youth-education — Kinder- und Jugendbildung"
        );
        assert_eq!(row(&rows, "Status"), "active — aktiv");
        assert_eq!(row(&rows, "Beginn"), "2026-01-01");
        let rows = record_rows(&sponsor, None, Lang::En).unwrap();
        assert_eq!(row(&rows, "Field"), "youth-education — Youth education");

        let partner = Record::Partner(Partner {
            id: "p".into(),
            name: "P".into(),
            kind: PartnerKind::Counselling,
            offers: vec!["housing".into(), "debts".into()],
            languages: vec!["ar".into()],
            address: None,
            phone: None,
            email: None,
            website: None,
            notes: None,
        });
        let rows = record_rows(&partner, Some(&config()), Lang::De).unwrap();
        assert_eq!(row(&rows, "Art"), "counselling — Beratungsstelle");
        assert_eq!(row(&rows, "Angebote"), "housing — Wohnen\ndebts — Schulden");
        let rows = record_rows(&partner, None, Lang::De).unwrap();
        assert_eq!(
            row(&rows, "Angebote"),
            "housing — Wohnen\ndebts",
            "office topics need the settings"
        );
    }

    #[test]
    fn appointments_show_staff_names_and_booleans() {
        use crate::model::*;
        let a = Record::Appointment(Appointment {
            id: "apt-20261125-abcd".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            time: None,
            duration: Some(45),
            kind: AppointmentKind::Consultation,
            status: AppointmentStatus::NoShow,
            staff: Some("eb".into()),
            client: Some("K-AAAA".into()),
            sponsor: None,
            topics: vec!["residence".into()],
            language: Some("ar".into()),
            interpreter: true,
            family_members: 2,
            notes: None,
        });
        let rows = record_rows(&a, Some(&config()), Lang::En).unwrap();
        assert_eq!(row(&rows, "Status"), "no-show — no-show");
        assert_eq!(row(&rows, "Kind"), "consultation — Consultation");
        assert_eq!(row(&rows, "Staff"), "eb — E. B.");
        assert_eq!(row(&rows, "Interpreter"), "yes");
        assert_eq!(
            row(&rows, "Topics"),
            "residence — Residence/asylum procedure"
        );
        assert_eq!(row(&rows, "Duration (min)"), "45");
    }

    #[test]
    fn codes_are_checked_and_normalised() {
        let c = config();
        assert_eq!(check_country("sy", "--origin").unwrap(), "SY");
        assert_eq!(check_country("XX", "--origin").unwrap_err().exit_code(), 2);
        assert_eq!(
            check_languages(&["AR".into(), "".into(), " de ".into()], "--languages").unwrap(),
            ["ar", "de"]
        );
        assert_eq!(
            check_language("arabic", "--language")
                .unwrap_err()
                .exit_code(),
            2
        );
        assert_eq!(
            check_district(&c, "plagwitz", "--district").unwrap(),
            "Plagwitz"
        );
        assert_eq!(
            check_district(&c, "Outside", "--district").unwrap(),
            "outside"
        );
        let e = check_district(&c, "Grünau", "--district").unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(
            e.message.contains("Lindenau, Plagwitz, outside"),
            "{}",
            e.message
        );
        assert_eq!(check_birth_year(1899).unwrap_err().exit_code(), 2);
        assert!(check_birth_year(1990).is_ok());
        assert!(refuse_contact_data("--notes", &Some("Kurs ab März".into())).is_ok());
        let e = refuse_contact_data("--notes", &Some("mail a@b.de".into())).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.message.contains("privacy"), "{}", e.message);
    }

    #[test]
    fn empty_values_remove_fields() {
        let mut doc: DocumentMut = "id = \"a\"\nnotes = \"x\"\nlanguages = [\"de\"]\n"
            .parse()
            .unwrap();
        set_or_remove_str(&mut doc, "notes", &Some(" ".into()));
        set_list(&mut doc, "languages", &[]);
        set_or_remove_str(&mut doc, "origin", &None);
        assert_eq!(doc.to_string(), "id = \"a\"\n");
        set_list(&mut doc, "languages", &["ar".to_string()]);
        set_int(&mut doc, "birth_year", 1990);
        assert_eq!(
            doc.to_string(),
            "id = \"a\"\nlanguages = [\"ar\"]\nbirth_year = 1990\n"
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
