//! Dates, countries and languages as the office reads them (#16): lists,
//! `show` and the agenda print `20.11.2026` in German and `2026-11-20` in
//! English; `show` names a country or language beside its code.

use crate::support::Folder;

fn folder() -> Folder {
    let f = Folder::new();
    f.client(
        "K-1001",
        "origin = \"SY\"\nlanguages = [\"ar\", \"ku\"]\nconsent = 2026-01-10",
    );
    f.write(
        "partners/jobcenter.toml",
        "id = \"jobcenter\"\nname = \"Jobcenter\"\nkind = \"authority\"\n",
    );
    f.write(
        "appointments/2026/11/apt-20261120-ab12.toml",
        "id = \"apt-20261120-ab12\"\ndate = 2026-11-20\ntime = 10:00:00\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-1001\"\nnotes = \"Wohnungssuche besprochen\"\n",
    );
    f.write(
        "appointments/2026/11/apt-20261110-pl01.toml",
        "id = \"apt-20261110-pl01\"\ndate = 2026-11-10\nkind = \"consultation\"\nstatus = \"planned\"\nclient = \"K-1001\"\n",
    );
    f.write(
        "referrals/2026/11/ref-20261120-cd34.toml",
        "id = \"ref-20261120-cd34\"\ndate = 2026-11-20\nclient = \"K-1001\"\npartner = \"jobcenter\"\ntopic = \"employment\"\nfollow_up = 2026-12-04\nstatus = \"open\"\n",
    );
    f
}

#[test]
fn lists_and_show_print_dates_countries_and_languages_as_the_office_reads_them() {
    let f = folder();
    f.run(&["appointment", "list"])
        .ok()
        .has("20.11.2026 10:00")
        .lacks("2026-11-20");
    f.run(&["referral", "list"])
        .ok()
        .has("20.11.2026")
        .has("04.12.2026")
        .lacks("2026-1");
    f.run(&["client", "show", "K-1001"])
        .ok()
        .has("SY — Syrien")
        .has("ar — Arabisch, ku — Kurdisch")
        .has("10.01.2026")
        .has("20.11.2026")
        .lacks("2026-");
    f.run(&["--lang", "en", "client", "show", "K-1001"])
        .ok()
        .has("SY — Syria")
        .has("ar — Arabic")
        .has("2026-01-10")
        .has("2026-11-20");
    f.run(&["--lang", "en", "appointment", "list"])
        .ok()
        .has("2026-11-20 10:00");
}

#[test]
fn search_and_status_name_kinds_as_the_office_does() {
    let f = folder();
    f.run(&["search", "wohnungssuche"])
        .ok()
        .has("Termin")
        .lacks("appointment");
    f.run(&["--lang", "en", "search", "wohnungssuche"])
        .ok()
        .has("appointment");
    f.run(&["status"])
        .ok()
        .has("10.11.2026  Termin")
        .has("apt-20261110-pl01");
}
