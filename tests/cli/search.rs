//! `quartier search TEXT`: free text, titles and names.

use crate::support::Folder;

#[test]
fn finds_free_text_titles_and_names_case_insensitively() {
    let f = Folder::new();
    f.client(
        "K-1001",
        "consent = 2026-01-10\nnotes = \"Fragen zum Jobcenter-Termin\"",
    );
    f.write(
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter Leipzig\"\nkind = \"authority\"\n",
    );
    f.write(
        "events/2026/11/evt-20261110-ef56.toml",
        "id = \"evt-20261110-ef56\"\ndate = 2026-11-10\ntitle = \"Infoabend Arbeit\"\nkind = \"info\"\nstatus = \"planned\"\nlocation = \"Stadtteilladen\"\n",
    );
    f.write(
        "appointments/2026/11/apt-20261120-ab12.toml",
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-1001\"\nnotes = \"Begleitung zum JOBCENTER besprochen\"\n",
    );
    let json = f.run(&["--json", "search", "jobcenter"]).ok().json();
    let hits = json.as_array().unwrap();
    let ids: Vec<&str> = hits.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["apt-20261120-ab12", "jobcenter", "K-1001"]);
    assert_eq!(hits[0]["key"], "notes");
    assert_eq!(hits[1]["key"], "name");
    f.run(&["search", "stadtteilladen"])
        .ok()
        .has("evt-20261110-ef56")
        .has("Ort");
    f.run(&["search", "Jobcenter", "--kind", "client"])
        .ok()
        .has("K-1001")
        .lacks("apt-20261120-ab12");
    f.run(&["search", "nirgends"]).ok().has("keine Einträge");
    f.run(&["search", "x", "--kind", "klient"]).code(2);
}
