//! Guided forms (SPEC §2 "On a terminal"), made from the schema of any
//! record kind: every field not given as a flag is asked in schema order —
//! required ones always, optional ones until `.` skips the rest (Enter
//! skips one) — with labels, choices and hints in the interface language,
//! defaults shown (today, the personal staff, the last time and duration
//! used, `done`/`planned` by the day). Each answer is read like its flag
//! and judged at once by the same rule book as the write (`verdict`), and
//! asked again with the reason when refused; the finished record is judged
//! whole and only the fields it is refused for are asked again, so no
//! answer is lost at the end. A form runs only on a terminal.
//!
//! - `ask`: the terminal (inquire) and a scripted asker for tests;
//! - `question`: one field as a question, and what its answer means;
//! - `verdict`: an answer and the finished record before the rule book;
//! - `split`: the counts of a table (`[participants]`), also for `event done`;
//! - `state`: the last times, durations and staff used, in the personal config folder.

pub mod ask;
pub(crate) mod question;
pub mod split;
pub mod state;
mod verdict;

#[cfg(test)]
mod tests;

use crate::cli::Globals;
use crate::commands::fields::Given;
use crate::commands::fields::Raw;
use crate::commands::fields::write::{create_from, fill_defaults, missing_flags};
use crate::commands::shared::CommitArg;
use crate::error::{CommandError, Result};
use crate::model::{Config, Kind, Lang};
use crate::schema::{Cond, DefaultValue, FieldSpec, FieldType};
use crate::store::Store;
use ask::Asker;
use chrono::NaiveDate;
use question::Outcome;
use state::State;
use std::collections::BTreeMap;

/// Makes a client on the spot (from `appointment add`): the asker, the
/// remembered answers and the day of first contact to offer; gives its code.
pub type NewClient<'a> =
    dyn FnMut(&mut dyn Asker, &mut State, Option<NaiveDate>) -> Result<String> + 'a;

/// Whether `add` of `kind` with these flags becomes a form: on a terminal,
/// when a required field is missing, when no field is given at all (a bare
/// `client new` asks rather than write an all-unknown client) or with `--ask`. `--ask` without a
/// terminal is a usage error (nothing ever waits for input there).
pub fn wanted(kind: Kind, given: &Given, config: &Config) -> Result<bool> {
    let terminal = crate::cli::interactive();
    if given.ask && !terminal {
        return Err(CommandError::usage(crate::tr!("form.ask-needs-terminal")));
    }
    if !terminal {
        return Ok(false);
    }
    let mut filled = given.clone();
    fill_defaults(kind, &mut filled, config);
    Ok(given.ask || given.values.is_empty() || !missing_flags(kind, &filled).is_empty())
}

/// The form of an `add` on the terminal: what the flags gave plus the
/// answers, defaults filled, ready for [`create_from`]. A client can be
/// made on the spot where one is asked for; it is written at once, so a
/// form given up afterwards says that the client stays ([`Made`]).
pub fn add(
    globals: &Globals,
    store: &Store,
    config: &Config,
    kind: Kind,
    given: Given,
    commit: &CommitArg,
) -> Result<(Given, Made)> {
    let mut state = State::load();
    let mut asker = ask::Terminal;
    let mut made = Made::default();
    let mut new_client = |asker: &mut dyn Asker, state: &mut State, day: Option<NaiveDate>| {
        asker.say(&crate::tr!("form.new-client-start"));
        let mut form = Form::new(Kind::Client, Given::default(), store, config, asker, state);
        form.intro = false;
        if let Some(d) = day {
            form.suggest.insert("first_contact", Raw::Date(d));
        }
        let given = form.run()?;
        let (record, path) =
            create_from(globals, store, config, Kind::Client, given, commit, "new")?;
        made.clients.push((record.id().to_string(), path));
        Ok(record.id().to_string())
    };
    let mut form = Form::new(kind, given, store, config, &mut asker, &mut state);
    form.new_client = Some(&mut new_client);
    let result = form.run();
    match result {
        Ok(given) => Ok((given, made)),
        Err(e) => Err(made.told(kind, e)),
    }
}

/// The form over a record that exists (`appointment done` on a
/// terminal): the keys of its file at `path`, with `change` over them
/// (`status = "done"`), are given and not asked; the optional keys it
/// lacks are offered as `add` offers them — the same questions, defaults
/// (the client's language, the last duration and time) and checks, each
/// answer judged with the record. Gives the answers alone, for
/// [`change_record_with`](crate::commands::fields::change_record_with);
/// nothing when nothing is missing or the record would be refused anyway.
pub fn fill_in(
    store: &Store,
    config: &Config,
    kind: Kind,
    path: &std::path::Path,
    change: &Given,
) -> Result<Given> {
    let text = crate::store::read_text(path)
        .map_err(|m| CommandError::data(format!("{}: {m}", path.display())))?;
    let Ok(doc) = text.parse::<toml_edit::DocumentMut>() else {
        return Ok(Given::default());
    };
    let mut given = crate::commands::fields::document::given_of(kind, &doc);
    for (k, v) in &change.values {
        given.set(k, v.clone());
    }
    let intro = crate::tr!(
        "form.fill-in",
        what = crate::schema::of(kind).label(crate::i18n::lang()),
        id = doc.get("id").and_then(|i| i.as_str()).unwrap_or_default()
    );
    let mut state = State::load();
    let mut asker = ask::Terminal;
    let form = Form::new(kind, given, store, config, &mut asker, &mut state);
    if !form.passes() {
        return Ok(Given::default());
    }
    form.answers(&intro)
}

/// The clients a form made on the spot (code and file): written already,
/// whatever becomes of the record the form was for.
#[derive(Debug, Default)]
pub struct Made {
    clients: Vec<(String, std::path::PathBuf)>,
}

impl Made {
    /// `e` (the form given up, the record refused) and that the clients
    /// made stay, with how to go on with one or remove it — never a client
    /// left behind unsaid.
    pub fn told(&self, kind: Kind, mut e: CommandError) -> CommandError {
        for (code, path) in &self.clients {
            e.message.push('\n');
            e.message.push_str(&crate::tr!(
                "form.new-client-kept",
                code = code,
                path = path.display(),
                command = kind.name()
            ));
        }
        e
    }
}

/// One form being filled in.
pub struct Form<'a> {
    kind: Kind,
    /// The flags and the answers so far (`Raw::Empty`: left out on purpose).
    given: Given,
    store: &'a Store,
    config: &'a Config,
    lang: Lang,
    asker: &'a mut dyn Asker,
    state: &'a mut State,
    /// `.` was answered: the optional fields left are not asked.
    skip_rest: bool,
    /// Defaults the command offers instead of the schema's.
    suggest: BTreeMap<&'static str, Raw>,
    /// The top-level keys this form asked (the only ones it may ask again).
    asked: Vec<&'static str>,
    new_client: Option<&'a mut NewClient<'a>>,
    /// Notes said already (a referral without consent), said once.
    noted: Vec<String>,
    /// Whether the form starts with the line on what Enter, `.` and Esc do
    /// (not again for a client made within another form).
    intro: bool,
}

impl<'a> Form<'a> {
    pub fn new(
        kind: Kind,
        given: Given,
        store: &'a Store,
        config: &'a Config,
        asker: &'a mut dyn Asker,
        state: &'a mut State,
    ) -> Form<'a> {
        Form {
            kind,
            given,
            store,
            config,
            lang: crate::i18n::lang(),
            asker,
            state,
            skip_rest: false,
            suggest: BTreeMap::new(),
            asked: Vec::new(),
            new_client: None,
            intro: true,
            noted: Vec::new(),
        }
    }

    /// Asks every field it should, then has the whole record judged; gives
    /// the values with the defaults filled in.
    pub fn run(mut self) -> Result<Given> {
        if self.intro {
            let what = crate::schema::of(self.kind).label(self.lang);
            self.asker.say(&crate::tr!("form.start", what = what));
        }
        self.ask_all()?;
        fill_defaults(self.kind, &mut self.given, self.config);
        Ok(self.given)
    }

    /// The form over a record that exists ([`fill_in`]): says `intro` and
    /// asks what the record lacks, when it lacks anything; gives the
    /// answers alone (not what was left empty, nor a default filled in
    /// unasked).
    fn answers(mut self, intro: &str) -> Result<Given> {
        let schema = crate::schema::of(self.kind);
        if !schema.fields().any(|f| self.asks(f)) {
            return Ok(Given::default());
        }
        self.asker.say(intro);
        self.ask_all()?;
        let mut out = Given::default();
        for key in &self.asked {
            let prefix = format!("{key}.");
            for (k, v) in &self.given.values {
                if (k == key || k.starts_with(&prefix)) && !matches!(v, Raw::Empty) {
                    out.set(k, v.clone());
                }
            }
        }
        Ok(out)
    }

    /// Whether the record as given passes the rule book already: a form
    /// over a record that exists asks nothing over one that does not (a
    /// `done` for a day ahead, a file with problems), whose change then
    /// says why it is refused.
    fn passes(&self) -> bool {
        let mut g = self.given.clone();
        fill_defaults(self.kind, &mut g, self.config);
        let naming = crate::commands::fields::resolve::KeyNames::Label(self.lang);
        crate::commands::fields::write::candidate(
            self.kind,
            &g,
            self.store,
            self.config,
            true,
            naming,
        )
        .is_ok_and(|c| self.verdict(&c).is_ok())
    }

    /// Asks every field it should, then has the whole record judged.
    fn ask_all(&mut self) -> Result<()> {
        let schema = crate::schema::of(self.kind);
        for f in schema.fields() {
            if !self.asks(f) {
                continue;
            }
            // after `.`, a required field with a default takes it unasked
            if self.skip_rest
                && !matches!(f.ty, FieldType::Table(_))
                && let Some(d) = self.default_of(f)
            {
                self.given.set(f.key, d);
                continue;
            }
            self.ask_field(f, None)?;
        }
        self.settle()
    }

    fn view_get(&self, key: &str) -> Option<&str> {
        let Some(Raw::Text(s)) = self.given.get(key) else {
            return None;
        };
        Some(s.as_str())
    }

    fn view_holds(&self, cond: &Cond) -> bool {
        cond.holds(|k| self.view_get(k))
    }

    fn required(&self, f: &FieldSpec) -> bool {
        f.is_required_in(|k| self.view_get(k))
    }

    /// Whether the form asks `f` now.
    fn asks(&self, f: &FieldSpec) -> bool {
        if f.default == DefaultValue::Generated
            || f.set_by_tool
            || f.asked_when.is_some_and(|c| !self.view_holds(&c))
        {
            return false;
        }
        match f.ty {
            // arrays of tables have commands of their own (deadlines, consents)
            FieldType::Tables(_) => false,
            // a table only where it is needed (the participants of a held event)
            FieldType::Table(_) => self.required(f) && !self.given.any_in(f.key),
            FieldType::Id
            | FieldType::Text
            | FieldType::FreeText
            | FieldType::Date
            | FieldType::Time
            | FieldType::Minutes
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
            | FieldType::Staff
            | FieldType::Ref(_)
            | FieldType::Refs(_) => {
                self.given.get(f.key).is_none()
                    && f.is_allowed_in(|k| self.view_get(k))
                    && (self.required(f) || !self.skip_rest)
            }
        }
    }

    /// Asks `spec` on its own — a key of an entry of a table (a consent's
    /// scope, partners, day) rather than of the form's record — with the
    /// question, default and reading it has in a form, until its answer
    /// reads and `check` (the rule book on what the answer would make)
    /// gives no more reasons to refuse it. `default`: what Enter takes.
    /// `None`: left out (Enter, `.`, or `.` at a question before).
    pub fn ask_alone(
        &mut self,
        spec: &'static FieldSpec,
        required: bool,
        default: Option<Raw>,
        check: &dyn Fn(&Raw) -> Result<Vec<String>>,
    ) -> Result<Option<Raw>> {
        if self.skip_rest && !required {
            return Ok(None);
        }
        if let Some(d) = default {
            self.suggest.insert(spec.key, d);
        }
        let mut initial = None;
        loop {
            match self.ask_one(spec, required, initial.take())? {
                Outcome::Value(raw, typed) => {
                    let why = check(&raw)?;
                    if why.is_empty() {
                        return Ok(Some(raw));
                    }
                    self.refused(&why);
                    initial = Some(typed);
                }
                Outcome::Wrong(why, typed) => {
                    self.refused(&[why]);
                    initial = Some(typed);
                }
                Outcome::Skip | Outcome::SkipRest if !required => return Ok(None),
                Outcome::Skip | Outcome::SkipRest | Outcome::NewClient => {
                    self.asker
                        .say(&crate::tr!("form.required", what = spec.label(self.lang)));
                }
            }
        }
    }

    /// Asks `f` until an answer passes (or it is left out).
    fn ask_field(&mut self, f: &'static FieldSpec, mut initial: Option<String>) -> Result<()> {
        if !self.asked.contains(&f.key) {
            self.asked.push(f.key);
        }
        if let FieldType::Table(sub) = f.ty {
            return self.ask_table(f, sub);
        }
        loop {
            let required = self.required(f);
            let (raw, typed) = match self.ask_one(f, required, initial.take())? {
                Outcome::Value(raw, typed) => (raw, typed),
                Outcome::NewClient => {
                    let day = self.record_day();
                    let Some(make) = self.new_client.as_mut() else {
                        continue;
                    };
                    let code = make(&mut *self.asker, &mut *self.state, day)?;
                    self.asker
                        .say(&crate::tr!("form.new-client-made", code = code));
                    (Raw::Text(code.clone()), code)
                }
                Outcome::Wrong(why, typed) => {
                    self.refused(&[why]);
                    initial = Some(typed);
                    continue;
                }
                Outcome::SkipRest | Outcome::Skip if !required => {
                    self.given.set(f.key, Raw::Empty);
                    return Ok(());
                }
                Outcome::SkipRest | Outcome::Skip => {
                    self.asker
                        .say(&crate::tr!("form.required", what = f.label(self.lang)));
                    continue;
                }
            };
            let mut with = self.given.clone();
            with.set(f.key, raw.clone());
            match self.judge(&with, Some(f)) {
                Ok(notes) => {
                    for n in notes {
                        if !self.noted.contains(&n) {
                            self.asker.say(&crate::tr!("form.note", text = n));
                            self.noted.push(n);
                        }
                    }
                    self.accept(f, raw);
                    return Ok(());
                }
                Err(why) => {
                    self.refused(&why);
                    // a name typed as a short name: offered as one (Enter takes
                    // it), and as the name
                    if matches!(f.ty, FieldType::Id)
                        && let Some(slug) = question::slug_of(&typed)
                        && !self.store.exists(self.kind, &slug)
                    {
                        self.suggest.insert(f.key, Raw::Text(slug));
                        if crate::schema::of(self.kind).field("name").is_some() {
                            self.suggest
                                .insert("name", Raw::Text(typed.trim().to_string()));
                        }
                    }
                    // a country or language typed by its name: its code offered
                    if let Some(codes) = question::codes_of_names(f, &typed) {
                        self.suggest.insert(f.key, codes);
                    }
                    initial = Some(typed);
                }
            }
        }
    }

    /// Says why an answer was refused.
    fn refused(&mut self, why: &[String]) {
        for w in why {
            self.asker.say(&format!("✗ {w}"));
        }
        self.asker.say(&crate::tr!("form.again"));
    }

    /// Takes a passed answer: a value an optional field has anyway (`false`,
    /// `0`, `in-person`) is left out, as the flags leave it. (Times,
    /// durations and staff are remembered once the record is written.)
    fn accept(&mut self, f: &'static FieldSpec, raw: Raw) {
        let is_default = match f.default {
            DefaultValue::Value(v) => {
                !f.is_always_required() && question::schema_default(f, v).as_ref() == Some(&raw)
            }
            DefaultValue::None
            | DefaultValue::Generated
            | DefaultValue::Today
            | DefaultValue::PersonalStaff
            | DefaultValue::DoneWhenPast
            | DefaultValue::NowDuringHours => false,
        };
        self.given
            .set(f.key, if is_default { Raw::Empty } else { raw });
    }
}
