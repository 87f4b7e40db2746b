//! `quartier import`: records from the office's spreadsheets (see
//! `crate::import` and docs/IMPORT.md).

use crate::cli::Globals;
use crate::error::{CommandError, Result};
use crate::import::{Request, import};
use crate::model::{Kind, Lang};
use std::path::{Path, PathBuf};

/// Import records from a spreadsheet (CSV, .xlsx, .ods)
///
/// A rules file says which column becomes which key (`[columns] Datum =
/// "date"`), which texts become which codes (`[values.topics] "Aufenthalt"
/// = "residence"`), and which keys every record gets (`[constants]`) or gets
/// when its cell is empty (`[defaults]`). Every row is checked like `add`
/// and by the privacy scan; rows with errors are listed as FILE:ROW and not
/// written, the others are written and committed in one commit. A second run
/// of the same file writes nothing again. See docs/IMPORT.md.
///
/// Example: quartier import appointment beratungen-2025.csv --rules beratungen.toml --dry-run
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Kind of record: sponsor, partner, client, appointment, referral, event
    #[arg(value_parser = parse_kind)]
    pub kind: Kind,
    /// The sheet: .csv (`;` or `,`), .xlsx or .ods
    pub file: PathBuf,
    /// The rules file (TOML)
    #[arg(long, value_name = "RULES.toml")]
    pub rules: PathBuf,
    /// Check every row and say what would be written, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_kind(s: &str) -> std::result::Result<Kind, String> {
    let s = s.trim().to_lowercase();
    Kind::ALL
        .into_iter()
        .find(|k| k.name() == s || k.folder() == s)
        .ok_or_else(|| {
            format!(
                "`{s}` is not a kind of record: use one of {}",
                Kind::ALL.map(|k| k.name()).join(", ")
            )
        })
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let req = Request {
        kind: args.kind,
        file: &args.file,
        rules: &args.rules,
        dry_run: args.dry_run,
        lang,
    };
    let out = import(&store, &config, &req)?;
    for line in &out.diagnostics {
        eprintln!("{line}");
    }
    if out.legacy_encoding {
        eprintln!(
            "{}",
            lang.pick(
                "Hinweis: die Datei ist nicht UTF-8 und wurde als Windows-1252 gelesen (wie Excel sie speichert)",
                "note: the file is not UTF-8 and was read as Windows-1252 (as Excel saves it)"
            )
        );
    }
    if !out.unmapped.is_empty() {
        eprintln!(
            "{}: {}",
            lang.pick(
                "nicht übernommene Spalten (in den Regeln nicht zugeordnet)",
                "columns ignored (not mapped by the rules)"
            ),
            out.unmapped.join(", ")
        );
    }
    let name = file_name(&args.file);
    let kind = args.kind.name();
    let committed = if !args.dry_run && !out.written.is_empty() {
        let paths: Vec<&Path> = out.written.iter().map(PathBuf::as_path).collect();
        let message = format!("import: {} {kind} records from {name}", out.written.len());
        Some(crate::git::commit_paths(store.root(), &paths, &message))
    } else {
        None
    };
    let summary = summary(lang, &out, args.dry_run, kind, &name);
    if globals.json {
        println!(
            "{}",
            serde_json::json!({
                "file": args.file,
                "kind": kind,
                "dry_run": args.dry_run,
                "rows": out.rows,
                "written": if args.dry_run { 0 } else { out.written.len() },
                "would_write": out.would_write,
                "already_imported": out.already_imported,
                "repeated": out.repeated,
                "bad_rows": out.bad_rows,
                "unmapped_columns": out.unmapped,
                "paths": out.written,
            })
        );
    } else {
        println!("{summary}");
    }
    if let Some(Err(e)) = committed {
        eprintln!(
            "quartier: {} {}",
            lang.pick(
                "die Datensätze sind geschrieben, aber nicht committet:",
                "the records are written but not committed:"
            ),
            e.message
        );
        return Err(CommandError::silent());
    }
    if out.bad_rows > 0 {
        return Err(CommandError::silent());
    }
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn summary(
    lang: Lang,
    out: &crate::import::Outcome,
    dry_run: bool,
    kind: &str,
    name: &str,
) -> String {
    let mut parts = Vec::new();
    match (lang, dry_run) {
        (Lang::De, true) => parts.push(format!(
            "Probelauf: {} von {} Zeilen aus {name} würden als {kind} geschrieben; nichts wurde geschrieben",
            out.would_write, out.rows
        )),
        (Lang::En, true) => parts.push(format!(
            "dry run: {} of {} rows of {name} would be written as {kind} records; nothing was written",
            out.would_write, out.rows
        )),
        (Lang::De, false) => parts.push(format!(
            "{} von {} Zeilen aus {name} als {kind} geschrieben",
            out.written.len(),
            out.rows
        )),
        (Lang::En, false) => parts.push(format!(
            "wrote {} of {} rows of {name} as {kind} records",
            out.written.len(),
            out.rows
        )),
    }
    if out.already_imported > 0 {
        parts.push(format!(
            "{} {}",
            out.already_imported,
            lang.pick(
                "schon früher importiert (übersprungen)",
                "already imported (skipped)"
            )
        ));
    }
    if out.repeated > 0 {
        parts.push(format!(
            "{} {}",
            out.repeated,
            lang.pick(
                "doppelt in der Datei (übersprungen)",
                "repeated in the file (skipped)"
            )
        ));
    }
    if out.bad_rows > 0 {
        parts.push(match (lang, dry_run) {
            (Lang::De, _) => format!(
                "{} fehlerhafte Zeilen nicht geschrieben (oben aufgelistet): in der Tabelle korrigieren und erneut importieren — schon Geschriebenes wird nicht verdoppelt",
                out.bad_rows
            ),
            (Lang::En, _) => format!(
                "{} bad rows not written (listed above): fix them in the sheet and import again — what was written is not written twice",
                out.bad_rows
            ),
        });
    }
    parts.join("; ")
}
