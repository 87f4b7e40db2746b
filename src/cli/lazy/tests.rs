use super::*;
use clap::CommandFactory;

/// What of a command decides what it accepts, arguments and groups sorted
/// (in the lazy tree the global options come first).
fn accepts(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
    let mut args: Vec<String> = cmd.get_arguments().map(|a| format!("{a:?}")).collect();
    args.sort();
    let mut groups: Vec<String> = cmd.get_groups().map(|g| format!("{g:?}")).collect();
    groups.sort();
    let subs: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
    out.push(format!(
        "{path}: args {args:?} groups {groups:?} subs {subs:?} aliases {:?} \
         required {} else-help {} hidden {} external {} conflicts {} negates {} version {:?} \
         about {:?} long about {:?}",
        cmd.get_all_aliases().collect::<Vec<_>>(),
        cmd.is_subcommand_required_set(),
        cmd.is_arg_required_else_help_set(),
        cmd.is_hide_set(),
        cmd.is_allow_external_subcommands_set(),
        cmd.is_args_conflicts_with_subcommands_set(),
        cmd.is_subcommand_negates_reqs_set(),
        cmd.get_version(),
        cmd.get_about().map(|s| s.to_string()),
        cmd.get_long_about().map(|s| s.to_string()),
    ));
    for s in cmd.get_subcommands() {
        // clap makes the top's `help` tree from the commands as they are
        // before they are built: `quartier help appointment add` is not in
        // the lazy tree, fails there and is parsed again with the whole one
        if path == "quartier" && s.get_name() == "help" {
            continue;
        }
        accepts(s, &format!("{path} {}", s.get_name()), out);
    }
}

#[test]
fn the_lazy_tree_accepts_what_the_whole_tree_accepts() {
    let mut whole = Cli::command();
    whole.build();
    let mut lazy = LazyCli::command();
    lazy.build();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    accepts(&whole, "quartier", &mut a);
    accepts(&lazy, "quartier", &mut b);
    assert!(a.len() > 60, "{} commands", a.len());
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        assert_eq!(a, b);
    }
}

#[test]
fn every_command_is_made_by_its_own_function() {
    let whole = Cli::command();
    let names: Vec<&str> = whole
        .get_subcommands()
        .map(|s| s.get_name())
        .filter(|n| *n != "help")
        .collect();
    let lazy: Vec<&str> = BY_NAME.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, lazy);
}

/// Command lines as the tests and the docs give them, good and bad: both
/// trees read them alike, to the same values or the same kind of error.
#[test]
fn a_start_reads_the_arguments_as_the_whole_tree_does() {
    let lines: &[&str] = &[
        "check",
        "--records r check --strict --json",
        "check --completeness --lang en",
        "--json appointment add --client K-7F3A --commit",
        "appointment add --date today --client K-AB12 --notes x --duration 30",
        "appointment edit apt-20261120-ab12 --date 2026-10-15",
        "appointment list --month 2026-11 --topic wohnen",
        "client new --consent today",
        "client consent 2002 --scope referral --partner kita --date 2026-11-01",
        "referral close cd34 --status done --outcome x",
        "sponsor deadline add lernhaus --date 2026-12-01 --what Bericht",
        "report monthly --month 2026-10 --format json --seal",
        "report yearly --year 2026",
        "sync --keep ab12",
        "sync --abort",
        "git-hook install",
        "import appointment a.csv --rules r.toml --dry-run",
        "edit ab12",
        "delete appointment ab12 --yes",
        "demo generate --scale 2 --seed 7",
        "completions bash",
        "man partner list",
        "init --force dir",
        "event add --date 2026-11-20 --title Workshop --kind workshop",
        "contact add --date 2026-11-03 --kind walk-in --topics housing",
        "agenda --mine",
        "search wohnung",
        "status",
        "topics",
        "log K-7F3A",
        "retention --before 2020-01-01",
        "flyer --languages de,ar --out f.html",
        "directory",
        "--version",
        "--help",
        "appointment --help",
        "help appointment add",
        "",
        "apointment",
        "appointment",
        "appointment add --bogus",
        "check --strict extra",
        "client show",
        "--lang xx check",
        "report monthly --month 2026-13",
    ];
    for line in lines {
        let args: Vec<&str> = std::iter::once("quartier")
            .chain(line.split_whitespace())
            .collect();
        let whole = Cli::command()
            .try_get_matches_from(&args)
            .and_then(|m| Cli::from_arg_matches(&m));
        let lazy = LazyCli::command()
            .try_get_matches_from(&args)
            .and_then(|m| LazyCli::from_arg_matches(&m))
            .map(Cli::from);
        match (whole, lazy) {
            (Ok(w), Ok(l)) => assert_eq!(format!("{w:?}"), format!("{l:?}"), "{line}"),
            (Err(w), Err(l)) => assert_eq!(w.kind(), l.kind(), "{line}"),
            (w, l) => panic!("`{line}`: whole tree {w:?}, lazy tree {l:?}"),
        }
    }
}
