//! [`make`]: the loading plan of a report — which records to read, read them
//! (git looks at the folder meanwhile), and build the report. Every caller
//! (the `report` command, seals, `check`, benches) makes reports through
//! here, so they all read and count the same way. [`series`] does the same
//! for `report series`.

use super::series::{By, Series};
use super::{Report, ReportKind, Source};
use crate::dates::Period;
use crate::model::{Config, Kind};
use crate::store::{Finding, Pathspec, Records, Scope, Store};
use chrono::Datelike;
use std::collections::HashSet;

/// The report of `period` over the records in `store`, with its `source`
/// and, in a yearly report, the amended seals of the year. Fails with the
/// errors (paths inside the records folder) of the files the report reads;
/// warnings do not stop a report.
pub fn make(
    store: &Store,
    config: &Config,
    period: Period,
    kind: ReportKind,
) -> Result<Report, Vec<Finding>> {
    let scope = super::scope(period, kind, config);
    let (built, source) = with_source(store, &scope, || build_from(store, config, period, kind));
    let mut report = built?;
    report.source = source;
    if kind == ReportKind::Yearly {
        report.amended = Some(crate::seal::amendments(store.root(), period.to.year()));
    }
    Ok(report)
}

/// Like [`make`] without asking git or the seals: `source` stays empty.
pub fn build_from(
    store: &Store,
    config: &Config,
    period: Period,
    kind: ReportKind,
) -> Result<Report, Vec<Finding>> {
    let (records, clients) = load(store, config, period, kind)?;
    let client_exists = |id: &str| clients.contains(id);
    let built = super::build::build_with(
        &records,
        config,
        period,
        kind,
        crate::dates::today(),
        &client_exists,
    )
    .map_err(|f| in_folder(store, f));
    crate::store::drop_in_background(records);
    built
}

/// The series of `year` by `by` (SPEC §3.2), with its `source`.
pub fn series(store: &Store, config: &Config, year: i32, by: By) -> Result<Series, Vec<Finding>> {
    let Some(span) = super::series::span(year) else {
        return Ok(Series {
            year,
            by,
            rows: Vec::new(),
            total: Default::default(),
            previous_year: Default::default(),
            source: Source::default(),
        });
    };
    let scope = super::scope(span, ReportKind::Period, config);
    let (built, source) = with_source(store, &scope, || {
        let (records, clients) = load(store, config, span, ReportKind::Period)?;
        let built = super::series::build(&records, year, by, &|id| clients.contains(id))
            .map_err(|f| in_folder(store, f));
        crate::store::drop_in_background(records);
        built
    });
    let mut series = built?;
    series.source = source;
    Ok(series)
}

/// Runs `work` while git looks at the files `scope` reads (and the clients
/// and seals, which a report reads too).
fn with_source<T>(store: &Store, scope: &Scope, work: impl FnOnce() -> T) -> (T, Source) {
    let root = store.root().to_path_buf();
    let mut paths = scope.pathspecs(&root);
    paths.push(Pathspec::include(Kind::Client.folder().into()));
    paths.push(Pathspec::include(
        std::path::PathBuf::from("reports").join("sealed"),
    ));
    let source = std::thread::spawn(move || Source::of(&root, &paths));
    let out = work();
    (out, source.join().unwrap_or_default())
}

/// The records a report of `period` reads, and the ids of all clients.
fn load(
    store: &Store,
    config: &Config,
    period: Period,
    kind: ReportKind,
) -> Result<(Records, HashSet<String>), Vec<Finding>> {
    let (mut loaded, clients) = rayon::join(
        || store.load(config, &super::scope(period, kind, config)),
        || store.id_set(Kind::Client),
    );
    // Of the clients, only those the report counts are read.
    let needed = store.load_ids(
        config,
        Kind::Client,
        super::build::clients_needed(&loaded.records, period),
    );
    loaded.records.clients = needed.records.clients;
    loaded.findings.extend(needed.findings);
    loaded.findings.sort();
    let errors: Vec<Finding> = loaded
        .findings
        .into_iter()
        .filter(Finding::is_error)
        .collect();
    if errors.is_empty() {
        Ok((loaded.records, clients))
    } else {
        crate::store::drop_in_background(loaded.records);
        Err(errors)
    }
}

/// Findings of the builder name paths inside the records folder.
fn in_folder(store: &Store, findings: Vec<Finding>) -> Vec<Finding> {
    findings
        .into_iter()
        .map(|mut f| {
            f.path = store.root().join(&f.path);
            f
        })
        .collect()
}
