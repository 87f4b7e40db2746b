//! `client consent` (SPEC §4): entries, withdrawal, what `check` and the
//! referral commands make of them, expiring consents in lists and agenda.

use crate::support::Folder;

const REF: &str = "referrals/2026/11/ref-20261105-aa01.toml";

fn office() -> Folder {
    let f = Folder::new();
    for (id, name) in [("amt", "Sozialamt"), ("kita", "Kita Sonnenschein")] {
        f.write(
            &format!("partners/{id}.toml"),
            &format!("id = \"{id}\"\nname = \"{name}\"\nkind = \"authority\"\n"),
        );
    }
    f.client("K-1001", "consent = 2026-01-10");
    f.write(
        REF,
        "id = \"ref-20261105-aa01\"\ndate = 2026-11-05\nclient = \"K-1001\"\npartner = \"amt\"\ntopic = \"benefits\"\nstatus = \"open\"\n",
    );
    f
}

fn refer(f: &Folder, partner: &str, date: &str) -> crate::support::Run {
    f.run(&[
        "referral",
        "add",
        "--client",
        "K-1001",
        "--partner",
        partner,
        "--topic",
        "benefits",
        "--date",
        date,
    ])
}

#[test]
fn an_entry_is_added_with_scope_partners_and_until() {
    let f = office();
    f.english();
    f.client("K-2002", "");
    f.run(&[
        "client",
        "consent",
        "2002",
        "--scope",
        "referral",
        "--partner",
        "kita",
        "--date",
        "2026-11-01",
        "--until",
        "2026-12-10",
    ])
    .ok();
    let text = f.read("clients/K-2002.toml");
    assert!(
        text.trim_end().ends_with("[[consents]]\ndate = 2026-11-01\nscope = \"referral\"\npartners = [\"kita\"]\nuntil = 2026-12-10"),
        "{text}"
    );
    f.run(&["check"]).ok();
    // Covered for kita, not for amt; not after until.
    refer(&f, "kita", "2026-11-20").ok();
    let r = f.run(&[
        "--json",
        "referral",
        "add",
        "--client",
        "K-2002",
        "--partner",
        "amt",
        "--topic",
        "benefits",
        "--date",
        "2026-11-20",
    ]);
    r.ok().has("warning").has("covering `amt`");
    // A scope is needed, --until after --date, partners exist.
    f.run(&["client", "consent", "2002"]).code(2).has("--scope");
    f.run(&[
        "client",
        "consent",
        "2002",
        "--scope",
        "referral",
        "--date",
        "2026-11-10",
        "--until",
        "2026-11-01",
    ])
    .code(2);
    f.run(&[
        "client",
        "consent",
        "2002",
        "--scope",
        "referral",
        "--partner",
        "nope",
    ])
    .code(1);
    f.run(&[
        "client",
        "consent",
        "2002",
        "--scope",
        "processing",
        "--partner",
        "kita",
    ])
    .code(2);
    // Expiring within 30 days of the test day (2026-11-25).
    f.run(&["client", "list", "--consent-expiring", "30"])
        .ok()
        .has("K-2002")
        .lacks("K-1001");
    f.run(&["client", "list", "--consent-expiring", "10"])
        .ok()
        .lacks("K-2002");
    f.run(&["agenda", "--days", "30"])
        .ok()
        .has("Consents about to expire")
        .has("2026-12-10");
}

#[test]
fn a_withdrawal_ends_the_consent_and_refuses_later_referrals() {
    let f = office();
    f.english();
    f.run(&[
        "client",
        "consent",
        "1001",
        "--withdraw",
        "--date",
        "2026-11-10",
    ])
    .ok();
    let text = f.read("clients/K-1001.toml");
    assert!(!text.contains("\nconsent = "), "{text}");
    assert!(
        text.contains(
            "[[consents]]\ndate = 2026-01-10\nscope = \"processing\"\nwithdrawn = 2026-11-10\n"
        ) && text.contains(
            "[[consents]]\ndate = 2026-01-10\nscope = \"referral\"\nwithdrawn = 2026-11-10\n"
        ),
        "{text}"
    );
    // The referral before the withdrawal stays covered.
    f.run(&["check", "--strict"]).ok();
    // A referral on or after it is refused (exit 1), nothing written.
    refer(&f, "amt", "2026-11-10").code(1).has("withdrew");
    refer(&f, "kita", "2026-11-20").code(1);
    assert_eq!(
        std::fs::read_dir(f.path("referrals/2026/11"))
            .unwrap()
            .count(),
        1
    );
    // Moving the old referral past the withdrawal is refused too.
    f.run(&["referral", "edit", "aa01", "--date", "2026-11-12"])
        .code(1);
    // check: a warning, never an error.
    f.write(
        "referrals/2026/11/ref-20261120-bb01.toml",
        "id = \"ref-20261120-bb01\"\ndate = 2026-11-20\nclient = \"K-1001\"\npartner = \"amt\"\ntopic = \"benefits\"\nstatus = \"open\"\n",
    );
    f.run(&["check"])
        .ok()
        .has("warning")
        .has("withdrew the referral consent for `amt` on 2026-11-10");
    // A new consent covers again.
    f.run(&[
        "client",
        "consent",
        "1001",
        "--scope",
        "referral",
        "--date",
        "2026-11-15",
    ])
    .ok();
    refer(&f, "kita", "2026-11-20").ok();
}

#[test]
fn withdrawing_for_one_partner_keeps_the_others() {
    let f = office();
    f.run(&[
        "client",
        "consent",
        "1001",
        "--withdraw",
        "--partner",
        "amt",
        "--date",
        "2026-11-10",
    ])
    .ok();
    let text = f.read("clients/K-1001.toml");
    assert!(
        text.contains("scope = \"processing\"\n\n") || text.contains("scope = \"processing\"\n["),
        "{text}"
    );
    assert!(
        text.contains("date = 2026-11-10\nscope = \"referral\"\nexcept = [\"amt\"]"),
        "{text}"
    );
    refer(&f, "amt", "2026-11-20").code(1);
    refer(&f, "kita", "2026-11-20").ok().lacks("warning");
    f.run(&["check", "--strict"]).ok();
    // Nothing left to withdraw for amt.
    f.run(&[
        "client",
        "consent",
        "1001",
        "--withdraw",
        "--partner",
        "amt",
        "--date",
        "2026-11-20",
    ])
    .code(1);
}

#[test]
fn check_judges_the_dates_of_entries() {
    let f = office();
    f.english();
    f.client(
        "K-3003",
        "\n[[consents]]\ndate = 2026-05-01\nscope = \"referral\"\nuntil = 2026-04-01\nwithdrawn = 2026-04-15\n\n[[consents]]\ndate = 2026-12-01\nscope = \"processing\"\n",
    );
    f.run(&["check"])
        .code(1)
        .has("`consents.until` 2026-04-01 lies before")
        .has("`consents.withdrawn` 2026-04-15 lies before")
        .has("2026-12-01 (entry 2) lies in the future");
}

/// The rule book judges a consent like every write: a phone number in
/// `--notes` is refused naming the flag, and a withdrawal on a file that
/// already holds a privacy finding is refused until the file is fixed;
/// nothing is written either way.
#[test]
fn consent_and_withdrawal_get_the_privacy_verdict() {
    let f = office();
    f.english();
    let before = f.read("clients/K-1001.toml");
    f.run(&[
        "client",
        "consent",
        "1001",
        "--scope",
        "referral",
        "--notes",
        "agreed on the phone, call 0341 1234567",
    ])
    .code(2)
    .has("--notes");
    assert_eq!(f.read("clients/K-1001.toml"), before);
    f.client(
        "K-2002",
        "consent = 2026-01-10\nnotes = \"call 0341 1234567\"",
    );
    let before = f.read("clients/K-2002.toml");
    f.run(&[
        "client",
        "consent",
        "2002",
        "--withdraw",
        "--date",
        "2026-11-10",
    ])
    .code(1);
    assert_eq!(f.read("clients/K-2002.toml"), before);
    f.run(&["check", "--strict"]).code(1);
}
