//! The synthetic sample: the committed `records/` folder and
//! `quartier demo generate`, which must reproduce it byte for byte.

use crate::support::{Folder, Run, run_in};
use chrono::NaiveDate;
use quartier::model::*;
use quartier::store::{Records, Scope, Store};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The seed the committed `records/` was made with.
const SAMPLE_SEED: &str = "2025";

/// How to rebuild the committed sample after a change to the generator.
const REGENERATE: &str =
    "rm -rf records && cargo run -- demo generate --seed 2025 --scale 1 --out records";

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("records")
}

fn generate(out: &Path, seed: &str, scale: &str) -> Run {
    run_in(
        out.parent().unwrap(),
        &[
            "demo",
            "generate",
            "--seed",
            seed,
            "--scale",
            scale,
            "--out",
            out.to_str().unwrap(),
        ],
        &[],
    )
}

/// Every file below `root` with its bytes.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn load(root: &Path) -> (Config, Records) {
    let store = Store::open(root).unwrap();
    let config = store.config().unwrap();
    let loaded = store.load(&config, &Scope::all());
    assert!(!loaded.has_errors(), "{:?}", loaded.findings);
    (config, loaded.records)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn committed_sample_passes_strict_check() {
    let root = committed();
    run_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["--records", root.to_str().unwrap(), "check", "--strict"],
        &[],
    )
    .ok()
    .has("keine Probleme gefunden");
}

#[test]
fn committed_sample_is_what_the_generator_makes() {
    let tmp = crate::support::tempdir();
    let out = tmp.path().join("records");
    generate(&out, SAMPLE_SEED, "1").ok();
    let fresh = tree(&out);
    let committed = tree(&committed());
    let paths: BTreeSet<&PathBuf> = fresh.keys().chain(committed.keys()).collect();
    let differing: Vec<&&PathBuf> = paths
        .iter()
        .filter(|p| fresh.get(**p) != committed.get(**p))
        .take(10)
        .collect();
    assert!(
        differing.is_empty(),
        "records/ differs from the generator's output in {differing:?}; regenerate it with `{REGENERATE}`"
    );
}

/// The same seed gives the same folder: the committed sample was made by an
/// earlier run (and build) of the generator with [`SAMPLE_SEED`], and
/// `committed_sample_is_what_the_generator_makes` makes it again byte for
/// byte. Another seed gives another folder of the same size.
#[test]
fn same_seed_gives_identical_folders_other_seed_does_not() {
    let tmp = crate::support::tempdir();
    let other = tmp.path().join("other");
    generate(&other, "8", "1")
        .ok()
        .has("Beispiel-Einträge nach");
    let (sample, other) = (tree(&committed()), tree(&other));
    assert!(other.len() > 1000, "{} files", other.len());
    assert!(sample != other, "another seed gave the same folder");
}

/// Scale 2 of the sample's seed against the committed scale 1.
#[test]
fn scale_two_passes_strict_check_and_doubles_the_volume() {
    let tmp = crate::support::tempdir();
    let two = tmp.path().join("two");
    generate(&two, SAMPLE_SEED, "2").ok();
    run_in(
        tmp.path(),
        &["--records", two.to_str().unwrap(), "check", "--strict"],
        &[],
    )
    .ok()
    .has("keine Probleme gefunden");
    let ratio = tree(&two).len() as f64 / tree(&committed()).len() as f64;
    assert!((1.6..2.4).contains(&ratio), "scale 2 / scale 1 = {ratio}");
}

#[test]
fn sample_meets_the_minimum_counts() {
    let (config, r) = load(&committed());
    let fields: BTreeSet<Field> = r.sponsors.iter().map(|s| s.field).collect();
    assert!(r.sponsors.len() >= 6, "{} sponsors", r.sponsors.len());
    assert_eq!(fields.len(), 3, "sponsors in {fields:?}");
    assert!(r.partners.len() >= 15, "{} partners", r.partners.len());
    assert!(
        r.partners
            .iter()
            .all(|p| !p.offers.is_empty() && !p.languages.is_empty()),
        "every partner lists offers and languages"
    );
    assert!(r.clients.len() >= 150, "{} clients", r.clients.len());
    let held_2025 = r
        .appointments
        .iter()
        .filter(|a| {
            a.kind == AppointmentKind::Consultation
                && a.status == AppointmentStatus::Done
                && a.date.format("%Y").to_string() == "2025"
        })
        .count();
    assert!(held_2025 >= 400, "{held_2025} consultations held in 2025");
    let meetings = r
        .appointments
        .iter()
        .filter(|a| a.kind == AppointmentKind::Sponsor)
        .count();
    assert!(meetings >= 60, "{meetings} sponsor meetings");
    assert!(r.referrals.len() >= 120, "{} referrals", r.referrals.len());
    let statuses: BTreeSet<&str> = r.referrals.iter().map(|x| x.status.code()).collect();
    assert_eq!(statuses.len(), ReferralStatus::ALL.len(), "{statuses:?}");
    assert!(r.events.len() >= 10, "{} events", r.events.len());
    let kinds: BTreeSet<&str> = r.events.iter().map(|e| e.kind.code()).collect();
    assert_eq!(kinds.len(), EventKind::ALL.len(), "{kinds:?}");
    assert!(
        r.events
            .iter()
            .any(|e| e.kind == EventKind::Network && !e.sponsors.is_empty())
    );
    assert!(r.events.iter().any(|e| e.status == EventStatus::Cancelled));
    assert!(config.targets_for(2025).is_some() && config.targets_for(2026).is_some());
    assert_eq!(config.area.districts.len(), 6);
    assert!(config.staff.len() >= 3);
}

#[test]
fn sample_clients_are_a_realistic_mix() {
    let (_, r) = load(&committed());
    let origins: BTreeSet<&str> = r
        .clients
        .iter()
        .filter_map(|c| c.origin.as_deref())
        .collect();
    for o in ["SY", "AF", "UA", "IQ", "ER", "TR", "RU", "VN"] {
        assert!(origins.contains(o), "no client from {o}");
    }
    assert!(
        r.clients
            .iter()
            .any(|c| c.district.as_deref() == Some("outside"))
    );
    assert!(r.clients.iter().any(|c| c.district.is_none()));
    assert!(r.clients.iter().any(|c| c.birth_year.is_none()));
    assert!(r.clients.iter().any(|c| c.consent.is_none()));
    let consented = r.clients.iter().filter(|c| c.consent.is_some()).count();
    assert!(
        consented * 10 >= r.clients.len() * 8,
        "most clients consent"
    );
}

#[test]
fn sample_ends_in_october_2026_with_a_stale_and_an_ended_sponsor() {
    let (_, r) = load(&committed());
    let end = date("2026-10-31");
    let ahead = |d: NaiveDate| d > end;
    let booked = |d: NaiveDate| d >= date("2026-12-01") && d <= date("2027-01-31");
    let mut planned_ahead = 0;
    for a in &r.appointments {
        if ahead(a.date) {
            assert!(
                booked(a.date) && a.status == AppointmentStatus::Planned,
                "{a:?}"
            );
            planned_ahead += 1;
        } else {
            assert_ne!(a.status, AppointmentStatus::Planned, "{a:?}");
        }
    }
    for e in &r.events {
        if ahead(e.date) {
            assert!(booked(e.date) && e.status == EventStatus::Planned, "{e:?}");
            planned_ahead += 1;
        }
    }
    assert!(planned_ahead >= 3, "{planned_ahead} planned after the end");
    assert!(r.referrals.iter().all(|x| !ahead(x.date)));
    let open: Vec<_> = r
        .referrals
        .iter()
        .filter(|x| x.status == ReferralStatus::Open)
        .collect();
    assert!(open.iter().all(|x| x.follow_up.is_some()));
    assert!(
        open.iter().any(|x| x.follow_up.unwrap() < end),
        "none overdue"
    );
    assert!(r.clients.iter().all(|c| !ahead(c.first_contact)));

    assert!(
        r.sponsors.iter().any(|s| s.status == SponsorStatus::Ended
            && s.end
                .is_some_and(|e| e >= date("2026-05-01") && e <= date("2026-08-31"))),
        "no sponsor ended mid-2026"
    );
    let last_meeting = |id: &str| {
        r.appointments
            .iter()
            .filter(|a| a.sponsor.as_deref() == Some(id) && a.status == AppointmentStatus::Done)
            .map(|a| a.date)
            .max()
    };
    let stale: Vec<&str> = r
        .sponsors
        .iter()
        .filter(|s| s.runs_on(end))
        .filter(|s| last_meeting(&s.id).is_none_or(|d| (end - d).num_days() > 60))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(stale.len(), 1, "stale sponsors: {stale:?}");
}

#[test]
fn generate_refuses_a_folder_that_is_not_empty() {
    let f = Folder::new();
    generate(f.root(), "1", "1")
        .code(1)
        .has("ist nicht leer")
        .lacks("Beispiel-Einträge nach");
    assert_eq!(f.read("quartier.toml"), crate::support::CONFIG);
    assert!(!f.exists("clients"));
}

#[test]
fn generate_rejects_scale_zero() {
    let tmp = crate::support::tempdir();
    let out = tmp.path().join("out");
    generate(&out, "1", "0").code(2);
    assert!(!out.exists());
}
