//! `quartier import`: records from the office's spreadsheets (see
//! `crate::import` and docs/IMPORT.md).

use crate::cli::Globals;
use crate::error::{CommandError, Result};
use crate::import::{Request, import};
use crate::model::Kind;
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
            crate::tr!(
                "import.not-a-kind",
                input = s,
                kinds = Kind::ALL.map(|k| k.name()).join(", ")
            )
        })
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let req = Request {
        kind: args.kind,
        file: &args.file,
        rules: &args.rules,
        dry_run: args.dry_run,
    };
    let out = import(&store, &config, &req)?;
    for line in &out.diagnostics {
        eprintln!("{line}");
    }
    if out.legacy_encoding {
        eprintln!("{}", crate::tr!("import.legacy-encoding"));
    }
    if !out.unmapped.is_empty() {
        eprintln!(
            "{}",
            crate::tr!("import.unmapped", columns = out.unmapped.join(", "))
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
    let summary = summary(&out, args.dry_run, &args.kind.label(), &name);
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
            "quartier: {}",
            crate::tr!("import.not-committed", problem = e)
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

fn summary(out: &crate::import::Outcome, dry_run: bool, kind: &str, name: &str) -> String {
    let mut parts = vec![if dry_run {
        crate::tr!(
            "import.dry-run",
            count = out.would_write,
            rows = out.rows,
            file = name,
            kind = kind
        )
    } else {
        crate::tr!(
            "import.written",
            count = out.written.len(),
            rows = out.rows,
            file = name,
            kind = kind
        )
    }];
    if out.already_imported > 0 {
        parts.push(crate::tr!("import.already", count = out.already_imported));
    }
    if out.repeated > 0 {
        parts.push(crate::tr!("import.repeated", count = out.repeated));
    }
    if out.bad_rows > 0 {
        parts.push(crate::tr!("import.bad-rows", count = out.bad_rows));
    }
    parts.join("; ")
}
