//! `quartier sponsor add|list|show|edit|end`.

use crate::support::Folder;

const ADD: &[&str] = &[
    "sponsor",
    "add",
    "--id",
    "kinderbuero-west",
    "--name",
    "Kinderbüro West e.V.",
    "--project",
    "Lernwerkstatt",
    "--field",
    "youth-education",
    "--start",
    "2026-01-01",
];

#[test]
fn add_writes_a_valid_record_and_prints_id_and_path() {
    let f = Folder::new();
    f.run(ADD)
        .ok()
        .has("kinderbuero-west")
        .has("sponsors/kinderbuero-west.toml");
    assert!(
        f.read("sponsors/kinderbuero-west.toml")
            .contains("field = \"youth-education\"")
    );
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn add_with_json_prints_id_and_path_object() {
    let f = Folder::new();
    let mut args = vec!["--json"];
    args.extend_from_slice(ADD);
    let v = f.run(&args).ok().json();
    assert_eq!(v["id"], "kinderbuero-west");
    assert!(
        v["path"]
            .as_str()
            .unwrap()
            .ends_with("sponsors/kinderbuero-west.toml")
    );
}

#[test]
fn add_without_terminal_names_every_missing_flag() {
    let f = Folder::new();
    f.run(&["sponsor", "add", "--name", "X"])
        .code(2)
        .has("--id")
        .has("--project")
        .has("--field")
        .has("--start");
    assert!(!f.exists("sponsors"));
}

#[test]
fn add_refuses_a_slug_that_exists_or_escapes() {
    let f = Folder::new();
    f.english();
    f.run(ADD).ok();
    let before = f.read("sponsors/kinderbuero-west.toml");
    f.run(ADD).code(1).has("exists already");
    assert_eq!(f.read("sponsors/kinderbuero-west.toml"), before);
    let mut bad = ADD.to_vec();
    bad[3] = "../../etc/x";
    f.run(&bad).code(2).has("not a valid slug");
}

#[test]
fn end_keeps_comments_and_sets_end_and_status() {
    let f = Folder::new();
    f.write(
        "sponsors/lernhaus.toml",
        "# Träger seit 2025\nid = \"lernhaus\"\nname = \"Lernhaus e.V.\"\nproject = \"Hausaufgabenhilfe\"\nfield = \"youth-education\"  # Bereich 1\nstart = 2025-01-01\nstatus = \"active\"\n",
    );
    f.run(&["sponsor", "end", "haus", "--date", "2026-06-30"])
        .ok();
    let text = f.read("sponsors/lernhaus.toml");
    assert!(text.starts_with("# Träger seit 2025\n"), "{text}");
    assert!(
        text.contains("field = \"youth-education\"  # Bereich 1\n"),
        "{text}"
    );
    assert!(text.contains("status = \"ended\""), "{text}");
    assert!(text.contains("end = 2026-06-30"), "{text}");
    f.run(&["check", "--strict"]).ok();
}

#[test]
fn list_filters_and_prints_json_with_toml_keys() {
    let f = Folder::new();
    f.run(ADD).ok();
    f.write(
        "sponsors/demokratie.toml",
        "id = \"demokratie\"\nname = \"Demokratie e.V.\"\nproject = \"Dialog\"\nfield = \"civic-education\"\nstart = 2026-03-01\n",
    );
    let all = f.run(&["--json", "sponsor", "list"]).ok().json();
    let ids: Vec<_> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["demokratie", "kinderbuero-west"],
        "newest start first"
    );
    let civic = f
        .run(&["--json", "sponsor", "list", "--field", "civic-education"])
        .ok()
        .json();
    assert_eq!(civic.as_array().unwrap().len(), 1);
    f.run(&["sponsor", "list", "--lang", "en"])
        .ok()
        .has("Project")
        .has("Youth education");
    f.run(&["sponsor", "list"]).ok().has("Projekt");
}

/// The two keys of a sponsor with a default, `status` and `continuation`,
/// are written alike when not given: with their default.
#[test]
fn add_writes_status_and_continuation_alike_with_their_defaults() {
    let f = Folder::new();
    f.run(ADD).ok();
    let text = f.read("sponsors/kinderbuero-west.toml");
    assert!(
        text.ends_with("start = 2026-01-01\nstatus = \"active\"\ncontinuation = \"open\"\n"),
        "{text}"
    );
    let v = f.run(&["--json", "sponsor", "list"]).ok().json();
    assert_eq!(v[0]["continuation"], "open");
    f.run(&["check", "--strict"]).ok();
}
