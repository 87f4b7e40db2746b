//! `quartier completions SHELL`, `quartier man` and the help texts.

use crate::support::{Folder, run_in};

/// A folder that is no records folder: these commands must not need one.
fn nowhere() -> tempfile::TempDir {
    crate::support::tempdir()
}

#[test]
fn bash_completion_knows_the_commands() {
    let dir = nowhere();
    let run = run_in(dir.path(), &["completions", "bash"], &[]);
    run.ok();
    assert!(run.stdout.contains("_quartier()"), "{}", run.stdout);
    for word in [
        "sponsor",
        "report",
        "partner",
        "client",
        "--offers",
        "--first-contact",
    ] {
        assert!(
            run.stdout.contains(word),
            "`{word}` missing from the script"
        );
    }
}

#[test]
fn other_shells_get_scripts_and_unknown_shells_exit_2() {
    let dir = nowhere();
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let run = run_in(dir.path(), &["completions", shell], &[]);
        run.ok();
        assert!(run.stdout.contains("quartier") && run.stdout.contains("partner"));
    }
    run_in(dir.path(), &["completions", "tcsh"], &[])
        .code(2)
        .has("tcsh");
}

#[test]
fn man_renders_a_roff_page() {
    let dir = nowhere();
    let run = run_in(dir.path(), &["--lang", "en", "man"], &[]);
    run.ok();
    let page = &run.stdout;
    assert!(page.contains(".TH quartier 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "`{section}` missing:\n{page}");
    }
    // German by default: the page's texts and headings from the catalogue
    let de = run_in(dir.path(), &["man"], &[]);
    de.ok()
        .has(".SH OPTIONEN")
        .has(".SH BEFEHLE")
        .has(".SH BEZEICHNUNG")
        .has(".SH ÜBERSICHT")
        .has(".SH BESCHREIBUNG")
        .has(".SH BEISPIELE")
        .lacks(".SH NAME")
        .lacks(".SH DESCRIPTION")
        .has("Ablage und ESF");
    assert!(page.contains("quartier\\-partner(1)"), "{page}");
    assert!(page.contains("quartier\\-client(1)"), "{page}");
}

#[test]
fn man_prints_the_page_of_a_sub_command() {
    let dir = nowhere();
    run_in(dir.path(), &["man", "partner", "list"], &[])
        .ok()
        .has(".TH quartier-partner-list 1")
        .has("\\-\\-offers")
        .has("Beispiel: quartier partner list");
    run_in(dir.path(), &["--lang", "en", "man", "partner", "list"], &[])
        .ok()
        .has("Example: quartier partner list");
    run_in(dir.path(), &["man", "partner", "lst"], &[])
        .code(2)
        .has("add, list, show, edit");
}

#[test]
fn man_writes_every_page_into_a_folder() {
    let dir = nowhere();
    let out = dir.path().join("man1");
    run_in(dir.path(), &["man", "--dir", out.to_str().unwrap()], &[]).ok();
    for page in [
        "quartier.1",
        "quartier-partner.1",
        "quartier-partner-list.1",
        "quartier-client-new.1",
        "quartier-sponsor-add.1",
    ] {
        let text =
            std::fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH "), "{page}");
    }
}

/// stdout closed before anything is written (as `| head` does): the process
/// ends quietly, like other Unix tools (SIGPIPE), and never panics.
#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::os::unix::process::ExitStatusExt;
    let dir = nowhere();
    for args in [&["completions", "bash"][..], &["man"], &["--help"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_quartier"))
            .args(args)
            .current_dir(dir.path())
            .stdin(std::process::Stdio::null())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        let quiet_end = out.status.code() == Some(0) || out.status.signal() == Some(libc::SIGPIPE);
        assert!(quiet_end, "{args:?}: {:?} {stderr}", out.status);
    }
}

#[test]
fn help_of_completions_and_man_has_an_example() {
    let f = Folder::new();
    f.run(&["completions", "--help"])
        .ok()
        .has("Beispiel: quartier completions");
    f.run(&["man", "--help"]).ok().has("Beispiel: quartier man");
}
