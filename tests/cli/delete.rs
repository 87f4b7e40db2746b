//! `quartier delete ID`: mistaken records go, referenced ones stay.

use crate::support::Folder;

const APT: &str = "appointments/2026/11/apt-20261120-ab12.toml";
const REF: &str = "referrals/2026/11/ref-20261120-cd34.toml";

fn folder() -> Folder {
    let f = Folder::new();
    f.client("K-1001", "consent = 2026-01-10");
    f.write(
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter\"\nkind = \"authority\"\n",
    );
    f.write(
        APT,
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-1001\"\n",
    );
    f
}

#[test]
fn deletes_an_unreferenced_record_with_yes_and_needs_yes_without_a_terminal() {
    let f = folder();
    f.run(&["delete", "ab12"]).code(2).has("--yes");
    assert!(f.exists(APT));
    f.run(&["delete", "ab12", "--yes"])
        .ok()
        .has("gelöscht")
        .has("apt-20261120-ab12");
    assert!(!f.exists(APT));
    f.run(&["check", "--strict"]).ok();
    f.run(&["delete", "ab12", "--yes"]).code(1);
}

#[test]
fn refuses_while_referenced_and_names_the_referring_records() {
    let f = folder();
    f.write(
        REF,
        "id = \"ref-20261120-cd34\"\ndate = 2026-11-20\nclient = \"K-1001\"\npartner = \"jobcenter\"\ntopic = \"employment\"\nappointment = \"apt-20261120-ab12\"\nstatus = \"open\"\n",
    );
    f.write(
        "events/2026/11/evt-20261110-ef56.toml",
        "id = \"evt-20261110-ef56\"\ndate = 2026-11-10\ntitle = \"Infoabend\"\nkind = \"info\"\nstatus = \"planned\"\npartners = [\"jobcenter\"]\n",
    );
    let before = f.read(APT);
    f.run(&["delete", "ab12", "--yes"])
        .code(1)
        .has("ref-20261120-cd34.toml")
        .has("appointment");
    assert_eq!(f.read(APT), before);
    f.run(&["delete", "jobcenter", "--yes"])
        .code(1)
        .has("ref-20261120-cd34.toml")
        .has("evt-20261110-ef56.toml")
        .has("`partners`");
    f.run(&["delete", "K-1001", "--yes"])
        .code(1)
        .has("apt-20261120-ab12.toml")
        .has("client erase");
    assert!(f.exists("clients/K-1001.toml"));
    // the referral goes first, then its appointment
    f.run(&["delete", "cd34", "--yes"]).ok();
    f.run(&["delete", "ab12", "--yes"]).ok();
    assert!(!f.exists(APT));
}

#[test]
fn an_unreadable_file_that_may_refer_stops_the_delete() {
    let f = folder();
    f.write(
        "referrals/2026/11/ref-20261120-zz99.toml",
        "id = \"ref-2026",
    );
    f.run(&["delete", "ab12", "--yes"])
        .code(1)
        .has("ref-20261120-zz99.toml");
    assert!(f.exists(APT));
}

#[test]
fn a_delete_is_committed_when_asked() {
    let f = folder();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(f.root())
            .args(args)
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "--quiet"]);
    git(&["add", "-A"]);
    git(&["commit", "--quiet", "-m", "start"]);
    f.run_env(
        &["delete", "ab12", "--yes", "--commit"],
        &[
            ("GIT_AUTHOR_NAME", "T"),
            ("GIT_AUTHOR_EMAIL", "t@example.org"),
            ("GIT_COMMITTER_NAME", "T"),
            ("GIT_COMMITTER_EMAIL", "t@example.org"),
        ],
    )
    .ok();
    assert!(git(&["log", "-1", "--format=%s"]).contains("appointment: delete apt-20261120-ab12"));
    assert_eq!(git(&["status", "--porcelain"]), "");
}
