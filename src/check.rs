//! The checks that need more than one file: duplicate ids, references to
//! records that do not exist, and the consent rule for referrals. Single-file
//! checks happen while reading (`model::read`).

use crate::model::{AppointmentKind, Config, Kind};
use crate::store::{Entry, Finding, LoadResult, Records, Scope, Store};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Reads the whole folder and returns every finding, sorted by file and line.
pub fn check_folder(store: &Store) -> Vec<Finding> {
    let config = match store.config() {
        Ok(c) => c,
        Err(findings) => return findings,
    };
    let LoadResult {
        records,
        mut findings,
    } = store.load(&config, &Scope::all());
    findings.extend(cross_checks(store.root(), &records, &config));
    findings.sort();
    findings.dedup();
    findings
}

/// Findings that relate records to each other.
pub fn cross_checks(root: &Path, records: &Records, _config: &Config) -> Vec<Finding> {
    let mut out = Vec::new();
    duplicates(root, records, &mut out);

    let sponsors: HashSet<&str> = records.sponsors.iter().map(|e| e.id.as_str()).collect();
    let partners: HashSet<&str> = records.partners.iter().map(|e| e.id.as_str()).collect();
    let clients: HashMap<&str, _> = records
        .clients
        .iter()
        .map(|e| (e.id.as_str(), &e.record))
        .collect();
    let appointments: HashSet<&str> = records.appointments.iter().map(|e| e.id.as_str()).collect();

    let missing = |out: &mut Vec<Finding>, path: &Path, what: Kind, id: &str| {
        out.push(Finding::error(
            root.join(path),
            None,
            format!(
                "refers to {} `{id}`, which does not exist: fix the id or add the {} first",
                what.name(),
                what.name()
            ),
        ));
    };

    for a in &records.appointments {
        match a.kind {
            AppointmentKind::Consultation => {
                if let Some(c) = &a.client
                    && !clients.contains_key(c.as_str())
                {
                    missing(&mut out, &a.path, Kind::Client, c);
                }
            }
            AppointmentKind::Sponsor => {
                if let Some(s) = &a.sponsor
                    && !sponsors.contains(s.as_str())
                {
                    missing(&mut out, &a.path, Kind::Sponsor, s);
                }
            }
        }
    }
    for r in &records.referrals {
        match clients.get(r.client.as_str()) {
            None => missing(&mut out, &r.path, Kind::Client, &r.client),
            Some(client) => {
                if client.consent.is_none_or(|c| c > r.date) {
                    let why = match client.consent {
                        None => "has no `consent` date".to_string(),
                        Some(c) => format!("consented only on {c}"),
                    };
                    out.push(Finding::warning(
                        root.join(&r.path),
                        None,
                        format!(
                            "referral passes data of client {} on, but the client {why} (referral dated {}): record the consent in clients/{}.toml first",
                            r.client, r.date, r.client
                        ),
                    ));
                }
            }
        }
        if !partners.contains(r.partner.as_str()) {
            missing(&mut out, &r.path, Kind::Partner, &r.partner);
        }
        if let Some(a) = &r.appointment
            && !appointments.contains(a.as_str())
        {
            missing(&mut out, &r.path, Kind::Appointment, a);
        }
    }
    for e in &records.events {
        for p in &e.partners {
            if !partners.contains(p.as_str()) {
                missing(&mut out, &e.path, Kind::Partner, p);
            }
        }
        for s in &e.sponsors {
            if !sponsors.contains(s.as_str()) {
                missing(&mut out, &e.path, Kind::Sponsor, s);
            }
        }
    }
    out
}

fn duplicates(root: &Path, records: &Records, out: &mut Vec<Finding>) {
    fn scan<T>(root: &Path, entries: &[Entry<T>], id: impl Fn(&T) -> &str, out: &mut Vec<Finding>) {
        let mut seen: HashMap<&str, &Path> = HashMap::new();
        for e in entries {
            let this = id(&e.record);
            if let Some(first) = seen.get(this) {
                out.push(Finding::error(
                    root.join(&e.path),
                    None,
                    format!(
                        "duplicate id `{this}`: {} has the same id; every record needs its own",
                        root.join(first).display()
                    ),
                ));
            } else {
                seen.insert(this, &e.path);
            }
        }
    }
    scan(root, &records.sponsors, |r| &r.id, out);
    scan(root, &records.partners, |r| &r.id, out);
    scan(root, &records.clients, |r| &r.id, out);
    scan(root, &records.appointments, |r| &r.id, out);
    scan(root, &records.referrals, |r| &r.id, out);
    scan(root, &records.events, |r| &r.id, out);
}
