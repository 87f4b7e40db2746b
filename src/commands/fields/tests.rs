//! Every key of every kind's schema is a flag of its `add` and its `edit`
//! (read from the real command tree), with help text: a key added to the
//! schema without a way to set it from the command line fails here.

use crate::cli::Cli;
use crate::model::Kind;
use crate::schema::{DefaultValue, FieldType};
use clap::CommandFactory;

/// The long flags of `quartier <kind> <sub>`.
fn longs(kind: Kind, sub: &str) -> Vec<(String, String)> {
    let cli = Cli::command();
    let group = cli
        .find_subcommand(kind.name())
        .unwrap_or_else(|| panic!("no command `{}`", kind.name()));
    let cmd = group
        .find_subcommand(sub)
        .unwrap_or_else(|| panic!("no command `{} {sub}`", kind.name()));
    cmd.get_arguments()
        .filter_map(|a| {
            a.get_long().map(|l| {
                (
                    l.to_string(),
                    a.get_help().map(|h| h.to_string()).unwrap_or_default(),
                )
            })
        })
        .collect()
}

fn add_command(kind: Kind) -> &'static str {
    match kind {
        Kind::Client => "new",
        Kind::Sponsor
        | Kind::Partner
        | Kind::Appointment
        | Kind::Referral
        | Kind::Event
        | Kind::Contact => "add",
    }
}

#[test]
fn every_key_has_a_flag_on_add_and_on_edit() {
    for (kind, key, spec) in crate::schema::every_field() {
        let parent = key.split_once('.').map(|(t, _)| t);
        let in_tables = parent.is_some_and(|t| {
            crate::schema::of(kind)
                .field(t)
                .is_some_and(|f| matches!(f.ty, FieldType::Tables(_)))
        });
        // arrays of tables have commands of their own; a table is set key by key
        if in_tables || matches!(spec.ty, FieldType::Tables(_) | FieldType::Table(_)) {
            continue;
        }
        if spec.set_by_tool {
            for sub in [add_command(kind), "edit"] {
                assert!(
                    !longs(kind, sub).iter().any(|(l, _)| *l == spec.flag()),
                    "`quartier {} {sub}` offers --{} for `{key}`, which only the tool sets",
                    kind.name(),
                    spec.flag()
                );
            }
            continue;
        }
        let flag = spec.flag().to_string();
        for sub in [add_command(kind), "edit"] {
            let is_id = key == "id";
            if is_id && (sub == "edit" || spec.default == DefaultValue::Generated) {
                // an edit names the record by its id; generated ids have no flag
                continue;
            }
            let flags = longs(kind, sub);
            let found = flags.iter().find(|(l, _)| *l == flag);
            let (_, help) = found.unwrap_or_else(|| {
                panic!(
                    "`quartier {} {sub}` has no --{flag} for the key `{key}`",
                    kind.name()
                )
            });
            assert!(
                !help.trim().is_empty(),
                "--{flag} of `{} {sub}` has no help",
                kind.name()
            );
        }
        if matches!(spec.ty, FieldType::Bool) {
            let edit = longs(kind, "edit");
            assert!(
                edit.iter().any(|(l, _)| *l == format!("no-{flag}")),
                "`{} edit` cannot switch off --{flag}",
                kind.name()
            );
        }
    }
    for kind in Kind::ALL {
        assert!(
            longs(kind, "edit").iter().any(|(l, _)| l == "unset"),
            "`{} edit` has no --unset",
            kind.name()
        );
    }
}

#[test]
fn unset_refuses_required_keys() {
    use super::flags::Given;
    use super::resolve::{KeyNames, View, resolve};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("quartier.toml"),
        "[office]\nname = \"T\"\n[area]\nname = \"A\"\ndistricts = [\"L\"]\n",
    )
    .unwrap();
    let store = crate::store::Store::open(dir.path()).unwrap();
    let config = store.config_or_fail().unwrap();
    for s in crate::schema::all() {
        for f in s.fields() {
            let given = Given {
                unset: vec![f.key.to_string()],
                ..Given::default()
            };
            let view = View {
                given: &given,
                current: Default::default(),
            };
            let r = resolve(s.kind, &given, &view, &store, &config, true, KeyNames::Flag);
            assert_eq!(
                r.is_err(),
                f.is_always_required() || f.set_by_tool,
                "--unset {} of a {}",
                f.key,
                s.kind.name()
            );
        }
    }
}
