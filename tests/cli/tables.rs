//! Tables in narrow terminals (issue #16): on the committed sample, every
//! table of every list, `show`, `agenda`, `search` and `topics`, in German
//! and English, at 80 and 60 columns (piped, `$COLUMNS`), breaks no heading
//! inside a word and shows ids whole; those whose whole ids, dates and
//! labels fit stay within the width (the others are wider: ids are never
//! cut, see `fits`).

use crate::support::{run_in, tempdir};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

const LISTS: &[&str] = &[
    "sponsor",
    "partner",
    "client",
    "appointment",
    "referral",
    "event",
    "contact",
];

/// Every command with tables, and the ids of the sample's records shown.
fn commands(ids: &BTreeSet<String>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = LISTS
        .iter()
        .map(|k| vec![k.to_string(), "list".into()])
        .collect();
    for args in [
        &["agenda"][..],
        &["search", "Wohnung"],
        &["search", "housing"],
        &["topics"],
    ] {
        out.push(args.iter().map(|s| s.to_string()).collect());
    }
    for (kind, id) in [
        ("sponsor", "jugendbeteiligung-kleinzschocher"),
        ("partner", "mbe-west"),
        ("client", "K-4PT5AH"),
        ("appointment", "apt-20261023-cchq"),
        ("referral", "ref-20261030-77jl"),
        ("event", "evt-20270112-6cyc"),
        ("contact", "con-20261030-0pwp"),
    ] {
        assert!(ids.contains(id), "{id} is no longer in the sample");
        out.push(vec![kind.into(), "show".into(), id.into()]);
    }
    out
}

/// Whether the sample's table of `args` can fit `width` without cutting an
/// id, a date or a label (the others are wider than 80: a 32-character
/// sponsor slug next to a date, an id and labels).
fn fits(args: &[String], width: usize) -> bool {
    let first = args.first().map(String::as_str).unwrap_or("");
    let second = args.get(1).map(String::as_str).unwrap_or("");
    match (first, second) {
        ("search" | "topics", _) => true,
        ("sponsor" | "partner" | "contact", "list") => width >= 80,
        ("client" | "appointment" | "referral" | "event", "list") | ("agenda", _) => false,
        ("client", "show") => false,
        ("partner", "show") => width >= 80,
        (_, "show") => true,
        _ => false,
    }
}

fn run(cwd: &Path, args: &[String], lang: &str, columns: &str) -> String {
    let records = sample();
    let mut full = vec!["--records", records.to_str().unwrap(), "--lang", lang];
    full.extend(args.iter().map(String::as_str));
    let r = run_in(
        cwd,
        &full,
        &[("COLUMNS", columns), ("QUARTIER_TODAY", "2026-12-03")],
    );
    assert_eq!(r.code, 0, "{full:?}: {}", r.stderr);
    r.stdout
}

fn sample_ids(cwd: &Path) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for kind in LISTS {
        let text = run(
            cwd,
            &[kind.to_string(), "list".into(), "--json".into()],
            "de",
            "80",
        );
        let list: Value = serde_json::from_str(&text).unwrap();
        for r in list.as_array().unwrap() {
            ids.insert(r["id"].as_str().unwrap().to_string());
        }
    }
    ids
}

/// A table's lines: they start with a frame character.
fn is_table_line(line: &str) -> bool {
    line.starts_with(['┌', '│', '╞', '├', '└'])
}

/// The cells of a table row (`│ a ┆ b │`).
fn cells(line: &str) -> Vec<String> {
    line.trim_matches('│')
        .split('┆')
        .map(|c| c.trim().to_string())
        .collect()
}

/// The tables of an output: per table, its heading lines' cells and its rows' cells.
type Grid = Vec<Vec<String>>;
fn tables(out: &str) -> Vec<(Grid, Grid)> {
    let mut found = Vec::new();
    let mut lines = out.lines().peekable();
    while let Some(line) = lines.next() {
        if !line.starts_with('┌') {
            continue;
        }
        let (mut head, mut rows) = (Vec::new(), Vec::new());
        let mut in_head = true;
        for l in lines.by_ref() {
            if l.starts_with('└') {
                break;
            }
            if l.starts_with('╞') {
                in_head = false;
            } else if l.starts_with('│') {
                if in_head {
                    head.push(cells(l));
                } else {
                    rows.push(cells(l));
                }
            }
        }
        found.push((head, rows));
    }
    found
}

/// The words of every heading, as a wide terminal shows them (one line each).
fn heading_words(cwd: &Path, cmds: &[Vec<String>], lang: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for args in cmds {
        for (head, _) in tables(&run(cwd, args, lang, "400")) {
            assert_eq!(
                head.len(),
                1,
                "{args:?} wraps a heading at 400 columns: {head:?}"
            );
            for cell in &head[0] {
                words.extend(cell.split_whitespace().map(str::to_string));
            }
        }
    }
    words
}

#[test]
fn tables_fit_80_and_60_columns_without_splitting_heading_words_or_ids() {
    let cwd = tempdir();
    let ids = sample_ids(cwd.path());
    let cmds = commands(&ids);
    for lang in ["de", "en"] {
        let words = heading_words(cwd.path(), &cmds, lang);
        assert!(words.contains(if lang == "de" {
            "Organisation"
        } else {
            "Languages"
        }));
        for width in [80usize, 60] {
            for args in &cmds {
                let out = run(cwd.path(), args, lang, &width.to_string());
                let what = format!("{args:?} --lang {lang} at {width}");
                let lines = out.lines().filter(|l| is_table_line(l));
                for line in lines.filter(|_| fits(args, width)) {
                    assert!(
                        line.chars().count() <= width,
                        "{what}: a line of {} columns:\n{line}\n{out}",
                        line.chars().count()
                    );
                }
                let shown = tables(&out);
                assert!(!shown.is_empty(), "{what}: no table\n{out}");
                for (head, rows) in shown {
                    for cell in head.iter().flatten() {
                        for w in cell.split_whitespace() {
                            assert!(
                                words.contains(w),
                                "{what}: heading word {w:?} is a broken word\n{out}"
                            );
                        }
                    }
                    for cell in rows.iter().flatten() {
                        let looks_like_id = cell.starts_with("K-")
                            || ["apt-", "ref-", "evt-", "con-"]
                                .iter()
                                .any(|p| cell.starts_with(p));
                        if looks_like_id && !cell.contains(' ') {
                            assert!(ids.contains(cell), "{what}: id {cell:?} is cut\n{out}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_table_fitted_by_leaving_out_text_columns_names_them() {
    let cwd = tempdir();
    let list = ["partner".to_string(), "list".into()];
    let narrow = run(cwd.path(), &list, "de", "80");
    assert!(
        narrow.contains("Zu schmal, nicht gezeigt: Name, Angebote, Sprachen"),
        "{narrow}"
    );
    // the ids, kinds and phone numbers are all still shown, whole
    assert!(narrow.contains("│ mbe-west "), "{narrow}");
    assert!(narrow.contains("┆ 030 23125 102 │"), "{narrow}");
    for line in narrow.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    let english = run(cwd.path(), &list, "en", "80");
    assert!(
        english.contains("Too narrow, not shown: Offers, Languages (a wider"),
        "{english}"
    );
    let wide = run(cwd.path(), &list, "de", "200");
    assert!(!wide.contains("Zu schmal"), "{wide}");
    assert!(wide.contains("┆ Sprachen "), "{wide}");
}
