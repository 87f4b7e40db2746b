use super::*;

fn folder(files: &[(&str, &str)]) -> (tempfile::TempDir, Store, Config) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("quartier.toml"), "[office]\nname = \"x\"\n").unwrap();
    for (rel, text) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let config = store.config().unwrap();
    (dir, store, config)
}

#[test]
fn load_ids_reads_the_files_of_the_ids_given_and_nothing_else() {
    let (_dir, store, config) = folder(&[
        (
            "clients/K-AAAA.toml",
            "id = \"K-AAAA\"\nfirst_contact = 2026-01-10\n",
        ),
        (
            "clients/K-BBBB.toml",
            "id = \"K-BBBB\"\nfirst_contact = 2026-01-10\ngendr = \"f\"\n",
        ),
        ("clients/K-CCCC.toml", "this is not read"),
    ]);
    let loaded = store.load_ids(
        &config,
        Kind::Client,
        ["K-AAAA", "K-BBBB", "K-GONE", "../quartier"],
    );
    let ids: Vec<&str> = loaded
        .records
        .clients
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    // As `load` does, a record with errors is kept beside its findings.
    assert_eq!(ids, ["K-AAAA", "K-BBBB"]);
    assert_eq!(loaded.findings.len(), 1, "{:?}", loaded.findings);
    assert!(loaded.findings[0].path.ends_with("clients/K-BBBB.toml"));
    assert!(loaded.findings[0].message.contains("gendr"));
    let mut all: Vec<String> = store.id_set(Kind::Client).into_iter().collect();
    all.sort();
    assert_eq!(all, ["K-AAAA", "K-BBBB", "K-CCCC"]);
}

#[test]
fn a_scope_of_undated_kinds_reads_only_their_folders() {
    let (_dir, store, config) = folder(&[
        (
            "sponsors/lesewelt.toml",
            "id = \"lesewelt\"\nname = \"L\"\nproject = \"P\"\nfield = \"youth-education\"\nstart = 2025-01-01\n",
        ),
        ("clients/K-AAAA.toml", "this is not read"),
    ]);
    let loaded = store.load(&config, &Scope::undated_kinds(&[Kind::Sponsor]));
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    assert_eq!(loaded.records.sponsors.len(), 1);
    assert!(store.load(&config, &Scope::all()).has_errors());
}

#[test]
fn records_with_the_same_id_are_sorted_by_path() {
    let apt = "id = \"apt-20261001-aaaa\"\ndate = 2026-10-01\nkind = \"sponsor\"\nstatus = \"done\"\nsponsor = \"x\"\n";
    let (_dir, store, config) = folder(&[
        ("appointments/2026/10/apt-20261001-aaaa.toml", apt),
        (
            "appointments/2026/10/apt-20261001-bbbb.toml",
            &apt.replace("aaaa", "bbbb"),
        ),
        ("appointments/2026/10/sub/apt-20261001-aaaa.toml", apt),
    ]);
    let loaded = store.load(&config, &Scope::all());
    let paths: Vec<String> = loaded
        .records
        .appointments
        .iter()
        .map(|a| a.path.display().to_string())
        .collect();
    // The file in the sub-folder is in the wrong place and never loaded.
    assert_eq!(
        paths,
        [
            "appointments/2026/10/apt-20261001-aaaa.toml",
            "appointments/2026/10/apt-20261001-bbbb.toml"
        ]
    );
    assert!(
        loaded
            .findings
            .iter()
            .any(|f| f.path.ends_with("sub/apt-20261001-aaaa.toml"))
    );
}

#[test]
fn conflict_markers_are_found_by_line() {
    let t = "id = \"a\"\n<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> theirs\n";
    assert_eq!(conflict_markers(t), vec![2, 4, 6]);
    assert!(conflict_markers("notes = \"=======\"\n").is_empty());
}

#[test]
fn year_month_folders() {
    assert_eq!(parse_year_month("2026", "03"), Some((2026, 3)));
    assert_eq!(parse_year_month("2026", "13"), None);
    assert_eq!(parse_year_month("2026", "3"), None);
    assert_eq!(parse_year_month("..", "03"), None);
}
