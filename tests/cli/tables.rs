//! Tables in narrow terminals (issue #16): on the committed sample, every
//! table of every list, `show`, `agenda`, `search` and `topics`, in German
//! and English, at 80 and 60 columns (piped, `$COLUMNS`), stays within the
//! width, breaks no heading inside a word and shows ids whole.

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
                for line in out.lines().filter(|l| is_table_line(l)) {
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
fn a_table_too_narrow_for_its_ids_names_the_columns_it_leaves_out() {
    let cwd = tempdir();
    let narrow = run(
        cwd.path(),
        &["appointment".into(), "list".into()],
        "de",
        "60",
    );
    assert!(
        narrow.contains("Zu schmal, nicht gezeigt: ") && narrow.contains("MA"),
        "{narrow}"
    );
    // whole ids and dates of every appointment still shown
    assert!(
        narrow.contains("│ 25.01.2027 14:30 ┆ apt-20270125-nf81 │"),
        "{narrow}"
    );
    for line in narrow.lines() {
        assert!(line.chars().count() <= 60, "{line}");
    }
    let english = run(
        cwd.path(),
        &["appointment".into(), "list".into()],
        "en",
        "60",
    );
    assert!(english.contains("Too narrow, not shown: "), "{english}");
    let wide = run(
        cwd.path(),
        &["appointment".into(), "list".into()],
        "de",
        "200",
    );
    assert!(!wide.contains("Zu schmal"), "{wide}");
    assert!(wide.contains("┆ MA │"), "{wide}");
}
