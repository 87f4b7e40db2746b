//! Turns the text catalogues (`src/i18n/messages.toml` with `report.toml`
//! and `findings.toml`, and `help.toml`)
//! into static Rust data, so that no start of the binary parses TOML for
//! its own texts. The unit tests of `src/i18n` parse the same files at run
//! time and check that the generated tables hold exactly what they read.
//! Unoptimised builds link the binary as a plain (non-PIE) executable, see
//! [`link_unoptimised_bins_without_pie`].

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    link_unoptimised_bins_without_pie();
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    for name in ["messages.toml", "report.toml", "findings.toml", "help.toml"] {
        println!("cargo::rerun-if-changed=src/i18n/{name}");
    }
    let messages = read("src/i18n/messages.toml");
    let report = read("src/i18n/report.toml");
    // the texts of `check`'s findings join the same table
    let findings = read("src/i18n/findings.toml");
    let mut rows = Vec::new();
    flatten(&messages, "", &mut rows);
    flatten(&report, "", &mut rows);
    flatten(&findings, "", &mut rows);
    rows.sort();
    let mut code = String::from("&[\n");
    for (id, de, en) in &rows {
        writeln!(code, "    ({id:?}, {de:?}, {en:?}),").unwrap();
    }
    code.push(']');
    write(&out, "messages.rs", &code);

    let help = read("src/i18n/help.toml");
    let mut code = String::from("&[\n");
    let mut paths: Vec<&String> = help.keys().collect();
    paths.sort();
    for path in paths {
        let entry = &help[path];
        let t = entry
            .as_table()
            .unwrap_or_else(|| panic!("help.toml: `{path}` is no table"));
        let pair = |key: &str| match t.get(key) {
            Some(v) => {
                let (de, en) = both(v, &format!("{path}.{key}"));
                format!("Some(Text {{ de: {de:?}, en: {en:?} }})")
            }
            None => "None".to_string(),
        };
        let example = match t.get("example") {
            Some(v) => format!("Some({:?})", v.as_str().expect("example is a string")),
            None => "None".to_string(),
        };
        let examples: Vec<String> = t
            .get("examples")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .map(|e| format!("{:?}", e.as_str().expect("examples are strings")))
                    .collect()
            })
            .unwrap_or_default();
        let mut args = String::new();
        if let Some(a) = t.get("args").and_then(|a| a.as_table()) {
            let mut ids: Vec<&String> = a.keys().collect();
            ids.sort();
            for id in ids {
                let (de, en) = both(&a[id], &format!("{path}.args.{id}"));
                write!(args, "({id:?}, Text {{ de: {de:?}, en: {en:?} }}), ").unwrap();
            }
        }
        writeln!(
            code,
            "    StaticHelp {{ path: {path:?}, about: {}, long: {}, example: {example}, examples: &[{}], args: &[{args}] }},",
            pair("about"),
            pair("long"),
            examples.join(", ")
        )
        .unwrap();
    }
    code.push(']');
    write(&out, "help.rs", &code);
}

fn read(path: &str) -> toml::Table {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(dir: &str, name: &str, code: &str) {
    std::fs::write(Path::new(dir).join(name), code).unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// The `de` and `en` texts of an entry (the run-time readers judge the rest).
fn both<'a>(v: &'a toml::Value, id: &str) -> (&'a str, &'a str) {
    let get = |lang: &str| {
        v.get(lang)
            .and_then(|s| s.as_str())
            .unwrap_or_else(|| panic!("{id}: no `{lang}` text"))
    };
    (get("de"), get("en"))
}

/// Message ids joined by dots, as `i18n::parse_catalogue` reads them.
fn flatten<'a>(table: &'a toml::Table, prefix: &str, out: &mut Vec<(String, &'a str, &'a str)>) {
    if table.contains_key("de") || table.contains_key("en") {
        let get = |lang: &str| {
            table
                .get(lang)
                .and_then(|s| s.as_str())
                .unwrap_or_else(|| panic!("messages.toml: {prefix}: no `{lang}` text"))
        };
        let (de, en) = (get("de"), get("en"));
        out.push((prefix.to_string(), de, en));
        return;
    }
    for (k, v) in table {
        let id = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        let t = v
            .as_table()
            .unwrap_or_else(|| panic!("messages.toml: {id} is no table"));
        flatten(t, &id, out);
    }
}

/// The test suite starts the debug binary about 2,000 times. As a
/// position-independent executable each start first had the dynamic loader
/// apply 124,000 relocations (a quarter of the start's time, and 400 of its
/// 940 page faults); linked at a fixed address it has none. Only the
/// unoptimised build on Linux with glibc: the release binary keeps PIE
/// (address randomisation). The library, tests and benches are unaffected.
fn link_unoptimised_bins_without_pie() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("OPT_LEVEL") == "0"
        && var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
    {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
