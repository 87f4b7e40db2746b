//! [`make`]: the loading plan of a report — which records to read, read them
//! (git looks at the folder meanwhile), and build the report. Every caller
//! (the `report` command, seals, `check`, benches) makes reports through
//! here, so they all read and count the same way.

use super::{Report, ReportKind, Source};
use crate::dates::Period;
use crate::model::{Config, Kind};
use crate::store::{Finding, Store};

/// The report of `period` over the records in `store`, with its `source`.
/// Fails with the errors (paths inside the records folder) of the files the
/// report reads; warnings do not stop a report.
pub fn make(
    store: &Store,
    config: &Config,
    period: Period,
    kind: ReportKind,
) -> Result<Report, Vec<Finding>> {
    // git looks at the folder while the records are read.
    let root = store.root().to_path_buf();
    let source = std::thread::spawn(move || Source::of(&root));
    let built = build_from(store, config, period, kind);
    let source = source.join().unwrap_or_default();
    let mut report = built?;
    report.source = source;
    Ok(report)
}

/// Like [`make`] without asking git: `source` stays empty.
pub fn build_from(
    store: &Store,
    config: &Config,
    period: Period,
    kind: ReportKind,
) -> Result<Report, Vec<Finding>> {
    let (mut loaded, clients) = rayon::join(
        || store.load(config, &super::scope(period, kind, config)),
        || store.id_set(Kind::Client),
    );
    // Of the clients, only those the report counts are read.
    let needed = store.load_ids(
        config,
        Kind::Client,
        super::build::clients_needed(&loaded.records),
    );
    loaded.records.clients = needed.records.clients;
    loaded.findings.extend(needed.findings);
    loaded.findings.sort();
    let client_exists = |id: &str| clients.contains(id);
    let built = errors_of(loaded.findings).and_then(|()| {
        super::build::build_with(&loaded.records, config, period, kind, &client_exists).map_err(
            |findings| {
                findings
                    .into_iter()
                    .map(|mut f| {
                        f.path = store.root().join(&f.path);
                        f
                    })
                    .collect()
            },
        )
    });
    crate::store::drop_in_background(loaded.records);
    built
}

/// The errors among `findings`; warnings do not stop a report.
fn errors_of(findings: Vec<Finding>) -> Result<(), Vec<Finding>> {
    let errors: Vec<Finding> = findings.into_iter().filter(Finding::is_error).collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
