//! The one message catalogue of the interface: every text a person reads
//! (errors, questions, hints, help) in German and English.
//!
//! The texts live in `messages.toml` (one table per message id, keys `de`
//! and `en`, `{name}` placeholders), compiled into the binary. A compact
//! catalogue of our own rather than `fluent`: two languages, no plural
//! rules beyond what a sentence can avoid, and the TOML reader we already
//! have; a test checks that every id has both languages with the same
//! placeholders and that every id the code uses exists.
//!
//! The interface language is decided once, before the command line is
//! parsed ([`crate::cli::main`]), and kept here for the parsers of flag
//! values, which clap calls without any context.

use crate::model::Lang;
#[cfg(test)]
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};

pub mod clap_errors;
pub mod findings;
pub mod help;
pub mod toml_errors;

#[cfg(test)]
const MESSAGES: &str = include_str!("messages.toml");
/// The labels of the reports, a catalogue file of their own (same format).
#[cfg(test)]
const REPORT: &str = include_str!("report.toml");

/// Every catalogue file build.rs compiles into [`TABLE`]; an id is unique across them.
#[cfg(test)]
const FILES: [(&str, &str); 3] = [
    ("messages.toml", MESSAGES),
    ("report.toml", REPORT),
    ("findings.toml", FINDINGS),
];

/// The findings of `check`, the rule book, the store and the reader
/// (`[finding.CODE]`) and the other texts of `check`.
#[cfg(test)]
const FINDINGS: &str = include_str!("findings.toml");

/// Every catalogue file read at run time, as the tests see them.
#[cfg(test)]
fn catalogue() -> HashMap<String, Entry> {
    let mut all = HashMap::new();
    for (name, text) in FILES {
        let cat = parse_catalogue(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (id, e) in cat {
            assert!(
                all.insert(id.clone(), e).is_none(),
                "{name}: `{id}` is in two files"
            );
        }
    }
    all
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// Sets the interface language for the rest of the process.
pub fn set_lang(lang: Lang) {
    LANG.store(
        match lang {
            Lang::De => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The interface language (German until [`set_lang`] says otherwise).
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::En,
        _ => Lang::De,
    }
}

/// One message in both languages.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub de: String,
    pub en: String,
}

impl Entry {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

/// Reads a catalogue text: nested tables, ids joined by dots (the tests'
/// reader of `messages.toml`; the binary holds it compiled, [`TABLE`]).
#[cfg(test)]
pub(crate) fn parse_catalogue(text: &str) -> Result<HashMap<String, Entry>, String> {
    let value: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut out = HashMap::new();
    collect(&value, "", &mut out)?;
    Ok(out)
}

#[cfg(test)]
fn collect(
    table: &toml::Table,
    prefix: &str,
    out: &mut HashMap<String, Entry>,
) -> Result<(), String> {
    let is_entry = table.contains_key("de") || table.contains_key("en");
    if is_entry {
        let entry: Entry = toml::Value::Table(table.clone())
            .try_into()
            .map_err(|e| format!("{prefix}: {e}"))?;
        out.insert(prefix.to_string(), entry);
        return Ok(());
    }
    for (k, v) in table {
        let id = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            toml::Value::Table(t) => collect(t, &id, out)?,
            _ => return Err(format!("{id}: expected a table with `de` and `en`")),
        }
    }
    Ok(())
}

/// `messages.toml` as build.rs compiles it: (id, German, English), sorted
/// by id. A test checks it holds exactly what [`parse_catalogue`] reads.
static TABLE: &[(&str, &str, &str)] = include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The message `id` in `lang`; the id itself when it is missing (a test
/// makes sure none is).
pub fn t_in(lang: Lang, id: &str) -> &str {
    lookup(lang, id).unwrap_or_else(|| id_fallback(id))
}

/// The message `id` in `lang`, when the catalogue has it.
pub(crate) fn lookup(lang: Lang, id: &str) -> Option<&'static str> {
    let i = TABLE.binary_search_by(|(key, _, _)| (*key).cmp(id)).ok()?;
    Some(match lang {
        Lang::De => TABLE[i].1,
        Lang::En => TABLE[i].2,
    })
}

fn id_fallback(id: &str) -> &str {
    id
}

/// The message `id` in the interface language.
pub fn t(id: &str) -> &str {
    t_in(lang(), id)
}

/// Fills the `{name}` placeholders of `text`.
pub fn fill(text: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = text.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// A message of the catalogue in the interface language, placeholders filled:
/// `tr!("input.date", input = s)`.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::t($id).to_string()
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::fill($crate::i18n::t($id), &[$((stringify!($k), &$v as &dyn std::fmt::Display)),+])
    };
}

/// Like [`tr!`] in a given language.
#[macro_export]
macro_rules! tr_in {
    ($lang:expr, $id:literal) => {
        $crate::i18n::t_in($lang, $id).to_string()
    };
    ($lang:expr, $id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::fill($crate::i18n::t_in($lang, $id), &[$((stringify!($k), &$v as &dyn std::fmt::Display)),+])
    };
}

/// The `{name}` placeholders of a text, sorted.
#[cfg(test)]
pub(crate) fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end)
                if after[..end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && end > 0 =>
            {
                out.push(after[..end].to_string());
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether an answer to a yes/no question means yes (`Some(true)`), no, or
/// neither. German answers count in either language.
pub fn yes_no(answer: &str) -> Option<bool> {
    match answer.trim().to_lowercase().as_str() {
        "j" | "ja" | "y" | "yes" => Some(true),
        "n" | "nein" | "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        let cat = catalogue();
        assert!(cat.len() > 5, "{} messages", cat.len());
        for (id, e) in &cat {
            assert!(!e.de.trim().is_empty(), "{id}: no German text");
            assert!(!e.en.trim().is_empty(), "{id}: no English text");
            assert_eq!(
                placeholders(&e.de),
                placeholders(&e.en),
                "{id}: placeholders differ"
            );
        }
    }

    #[test]
    fn the_compiled_table_is_the_catalogue_files() {
        let cat = catalogue();
        assert_eq!(TABLE.len(), cat.len());
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
        for (id, de, en) in TABLE {
            let e = &cat[*id];
            assert_eq!((*de, *en), (e.de.as_str(), e.en.as_str()), "{id}");
            assert_eq!(t_in(Lang::De, id), *de);
            assert_eq!(t_in(Lang::En, id), *en);
        }
        assert_eq!(t_in(Lang::De, "no.such.id"), "no.such.id");
    }

    #[test]
    fn a_missing_language_is_found() {
        assert!(parse_catalogue("[a]\nde = \"x\"\n").is_err());
        assert!(parse_catalogue("[a]\nde = \"x\"\nen = \"y\"\nfr = \"z\"\n").is_err());
    }

    /// Every id the sources pass to `tr!`, `tr_in!`, `i18n::t` or `i18n::t_in` names a message of the catalogue.
    #[test]
    fn every_id_the_code_uses_exists() {
        let cat = catalogue();
        let re = regex::Regex::new(r#"(?:\btr!\(|\btr_in!\([^,)\n]+,\s*|i18n::t\(|i18n::t_in\([^,)\n]+,\s*)"([a-z0-9_.-]+)""#).unwrap();
        // every code passed to `finding!` (or a schema's `when_missing` /
        // `when_not_allowed`) names a `[finding.CODE]` of findings.toml
        let codes = regex::Regex::new(r#"(?:\bfinding!\(|when_missing\(|when_not_allowed\(|Msg::new\(|Msg::new_in\([^,\n]+,)\s*"([a-z0-9_.-]+)""#).unwrap();
        let mut used = 0;
        let mut codes_used = 0;
        for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for cap in re.captures_iter(&text) {
                used += 1;
                assert!(
                    cat.contains_key(&cap[1]),
                    "{}: `{}` is in no catalogue file",
                    entry.path().display(),
                    &cap[1]
                );
            }
            for cap in codes.captures_iter(&text) {
                codes_used += 1;
                assert!(
                    cat.contains_key(&format!("finding.{}", &cap[1])),
                    "{}: finding `{}` is not in findings.toml",
                    entry.path().display(),
                    &cap[1]
                );
            }
        }
        assert!(used > 5, "only {used} uses found");
        assert!(codes_used > 50, "only {codes_used} finding codes found");
        let literal = regex::Regex::new(r#""((?:ui|report)\.[a-z0-9.-]+)""#).unwrap();
        for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
            let entry = entry.unwrap();
            let in_i18n = entry.path().parent().is_some_and(|p| p.ends_with("i18n"));
            if in_i18n || entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for cap in literal.captures_iter(&text) {
                assert!(
                    cat.contains_key(&cap[1]),
                    "{}: `{}` is in no catalogue file",
                    entry.path().display(),
                    &cap[1]
                );
            }
        }
    }

    /// The finding codes a schema names for a missing or misplaced key
    /// (`when_missing`, `when_not_allowed`) exist, with the placeholders the
    /// reader fills (`{key}`, `{value}`) and no others.
    #[test]
    fn the_schema_s_finding_codes_exist() {
        let findings = parse_catalogue(FINDINGS).unwrap();
        let mut seen = 0;
        for (kind, key, spec) in crate::schema::every_field() {
            for code in [spec.missing_message, spec.not_allowed_message]
                .into_iter()
                .flatten()
            {
                seen += 1;
                let e = findings
                    .get(&format!("finding.{code}"))
                    .unwrap_or_else(|| panic!("{}.{key}: no finding `{code}`", kind.name()));
                for p in placeholders(&e.en) {
                    assert!(
                        p == "key" || p == "value",
                        "{code}: {{{p}}} is never filled"
                    );
                }
            }
        }
        assert!(seen >= 8, "{seen}");
    }

    /// Files that may still call `pick` with two string literals: the demo
    /// generator writes record content, and src/model's texts move to their
    /// own catalogue file in another change.
    const PICK_ALLOWED: [&str; 3] = ["src/demo/", "src/model/codes.rs", "src/model/hours.rs"];

    /// The English-only literals of `text`: (byte offset, literal).
    fn english_only_errors(text: &str) -> Vec<(usize, String)> {
        let literal = regex::Regex::new(
            r#"CommandError::(?:usage|data)\(\s*(?:format!\(\s*)?"((?:[^"\\]|\\.)*)""#,
        )
        .unwrap();
        let placeholder = regex::Regex::new(r"\{[^}]*\}|\\n").unwrap();
        let word = regex::Regex::new(r"[A-Za-z]{2,}").unwrap();
        literal
            .captures_iter(text)
            .filter(|c| word.is_match(&placeholder.replace_all(&c[1], "")))
            .map(|c| (c.get(0).unwrap().start(), c[1].to_string()))
            .collect()
    }

    fn sources() -> Vec<(String, String)> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/");
        walkdir::WalkDir::new(format!("{root}src"))
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .map(|p| {
                let rel = p.to_string_lossy().trim_start_matches(root).to_string();
                (rel, std::fs::read_to_string(&p).unwrap())
            })
            .collect()
    }

    #[test]
    fn no_new_inline_de_en_pair() {
        let pair = regex::Regex::new(r#"\.pick\(\s*"(?:[^"\\]|\\.)*"\s*,\s*""#).unwrap();
        let mut found = Vec::new();
        for (path, text) in sources() {
            if PICK_ALLOWED.iter().any(|a| path.starts_with(a)) {
                continue;
            }
            for m in pair.find_iter(&text) {
                let line = text[..m.start()].lines().count();
                found.push(format!("{path}:{line}"));
            }
        }
        assert!(
            found.is_empty(),
            "inline de/en pairs; put them into src/i18n/messages.toml and use tr!/i18n::t_in: {found:?}"
        );
    }

    /// No English-only text in command errors anywhere in src (the demo
    /// generator aside): a literal in `CommandError::usage|data("…")` or
    /// `(format!("…"))` with a word in it outside its `{placeholders}` (a
    /// pure layout such as `"{}\n{}"` of catalogue texts is no English)
    /// fails here.
    #[test]
    fn no_english_only_error_in_commands() {
        let mut found = Vec::new();
        for (path, text) in sources() {
            if path.starts_with("src/demo/") || path.ends_with("tests.rs") {
                continue;
            }
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (at, literal) in english_only_errors(text) {
                let line = text[..at].lines().count();
                found.push(format!("{path}:{line}: {literal}"));
            }
        }
        assert!(
            found.is_empty(),
            "{} English-only errors in src: put the texts into src/i18n/messages.toml and use tr!: {found:?}",
            found.len()
        );
    }

    /// Files whose printed lines need no catalogue: the demo generator's
    /// record content and the privacy corpus's measurements (a test module).
    const PRINT_ALLOWED: [&str; 2] = ["src/demo/", "src/privacy/corpus.rs"];

    /// The literals of `println!`/`eprintln!` in `text` with a word in them
    /// outside `{placeholders}`, `` `commands` `` and the program's name.
    fn english_printed(text: &str) -> Vec<(usize, String)> {
        let literal = regex::Regex::new(r#"e?println!\(\s*"((?:[^"\\]|\\.)*)""#).unwrap();
        let layout = regex::Regex::new(r"`[^`]*`|\{[^}]*\}|\\[nt]|quartier").unwrap();
        let word = regex::Regex::new(r"[A-Za-z]{2,}").unwrap();
        literal
            .captures_iter(text)
            .filter(|c| word.is_match(&layout.replace_all(&c[1], "")))
            .map(|c| (c.get(0).unwrap().start(), c[1].to_string()))
            .collect()
    }

    /// Nothing is printed in one language only: every printed text comes
    /// from the catalogue (`eprintln!("sealed: {}")` was English in German).
    #[test]
    fn no_printed_text_outside_the_catalogue() {
        let mut found = Vec::new();
        for (path, text) in sources() {
            if path.ends_with("tests.rs") || PRINT_ALLOWED.iter().any(|a| path.starts_with(a)) {
                continue;
            }
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (at, literal) in english_printed(code) {
                let line = code[..at].lines().count();
                found.push(format!("{path}:{line}: {literal}"));
            }
        }
        assert!(
            found.is_empty(),
            "printed text outside the catalogue: put it into src/i18n/messages.toml and use tr!: {found:?}"
        );
        let caught = english_printed(
            r#"eprintln!("sealed: {}", p); println!("{}\n  {x}", a); eprintln!("quartier: {}", m); println!("  … {} `quartier check`", t)"#,
        );
        assert_eq!(caught.len(), 1, "{caught:?}");
    }

    #[test]
    fn the_english_only_guard_finds_words_not_layouts() {
        let found = english_only_errors(
            r#"CommandError::data(format!("cannot write JSON: {e}"))
               CommandError::usage("--status must be done")
               CommandError::data(format!("{}\n{}", a, b))
               CommandError::data(format!("{}: {m}", p))
               CommandError::usage(crate::tr!("kind.client"))"#,
        );
        let literals: Vec<&str> = found.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(
            literals,
            ["cannot write JSON: {e}", "--status must be done"]
        );
    }

    #[test]
    fn the_guards_find_what_they_look_for() {
        let text = "x.pick(\"ja\", \"yes\")";
        assert!(
            regex::Regex::new(r#"\.pick\(\s*"(?:[^"\\]|\\.)*"\s*,\s*""#)
                .unwrap()
                .is_match(text)
        );
    }

    #[test]
    fn placeholders_are_found_and_filled() {
        assert_eq!(placeholders("`{input}` {a} {input} {}"), vec!["a", "input"]);
        assert_eq!(fill("{a}-{b}", &[("a", &1), ("b", &"x")]), "1-x");
    }

    #[test]
    fn german_answers_to_yes_no() {
        for y in ["j", "J", "ja", "Ja ", "y", "yes"] {
            assert_eq!(yes_no(y), Some(true), "{y}");
        }
        for n in ["n", "nein", "Nein", "no"] {
            assert_eq!(yes_no(n), Some(false), "{n}");
        }
        assert_eq!(yes_no("vielleicht"), None);
    }
}
