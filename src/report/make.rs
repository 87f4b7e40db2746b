//! [`make`]: the loading plan of a report — which records to read, read them
//! (git looks at the folder meanwhile), and build the report. Every caller
//! (the `report` command, seals, `check`, benches) makes reports through
//! here, so they all read and count the same way. [`series`] does the same
//! for `report series`, [`beside`] for the months of a monthly or quarterly
//! workbook.

use super::series::{Beside, By, Series};
use super::{Report, ReportKind, Source};
use crate::dates::Period;
use crate::model::{Config, Kind};
use crate::store::{Finding, Pathspec, Records, Scope, SettledIndex, Store};
use chrono::{Datelike, NaiveDate};
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

/// The year up to `to` beside the year before (the series sheet of a
/// monthly or quarterly workbook), read like [`series`].
pub fn beside(store: &Store, config: &Config, to: NaiveDate) -> Result<Beside, Vec<Finding>> {
    let span = super::series::beside_span(to).unwrap_or(Period { from: to, to });
    let (records, clients) = load(store, config, span, ReportKind::Period)?;
    let built = super::series::beside(&records, to, &|id| clients.contains(id))
        .map_err(|f| in_folder(store, f));
    crate::store::drop_in_background(records);
    built
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
    load_with(store, config, period, kind, None)
}

/// [`load`] with the index of settled referrals `index` (`None`: the
/// folder's own, in the cache folder).
fn load_with(
    store: &Store,
    config: &Config,
    period: Period,
    kind: ReportKind,
    index: Option<Option<SettledIndex>>,
) -> Result<(Records, HashSet<String>), Vec<Finding>> {
    let (mut loaded, clients) = rayon::join(
        || {
            let before = super::counted_from(period, kind);
            let index = index.unwrap_or_else(|| SettledIndex::open(store.root(), before));
            store.load_indexed(config, &super::scope(period, kind, config), index)
        },
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

#[cfg(test)]
mod tests {
    use super::*;

    fn indexed(
        store: &Store,
        config: &Config,
        period: Period,
        kind: ReportKind,
        file: &std::path::Path,
    ) -> (Report, usize) {
        let before = super::super::counted_from(period, kind);
        let index = SettledIndex::at(file.to_path_buf(), before);
        let (records, clients) = load_with(store, config, period, kind, Some(Some(index))).unwrap();
        let report = super::super::build::build_with(
            &records,
            config,
            period,
            kind,
            crate::dates::today(),
            &|id| clients.contains(id),
        )
        .unwrap();
        (report, records.referrals.len())
    }

    #[test]
    fn figures_read_with_the_index_of_settled_referrals_are_those_of_a_full_load() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("records");
        crate::demo::generate(7, 1).write_to(&root).unwrap();
        let store = Store::open(&root).unwrap();
        let config = store.config().unwrap();
        let file = dir.path().join("cache").join("index");
        let full = |period, kind| {
            let all = store.load(&config, &Scope::all());
            assert!(!all.has_errors(), "{:?}", all.findings);
            super::super::build(&all.records, &config, period, kind).unwrap()
        };
        let october = Period::month(2026, 10).unwrap();
        let reports = [
            (october, ReportKind::Monthly),
            (Period::year(2025).unwrap(), ReportKind::Yearly),
            (Period::quarter(2026, 2).unwrap(), ReportKind::Quarterly),
        ];
        for (period, kind) in reports {
            let expected = full(period, kind);
            let (first, read_first) = indexed(&store, &config, period, kind, &file);
            let (second, read_second) = indexed(&store, &config, period, kind, &file);
            assert_eq!(first, expected, "{kind:?}");
            assert_eq!(second, expected, "{kind:?}");
            assert!(read_second <= read_first);
            if kind == ReportKind::Monthly {
                // the first report reads every referral, the next ones less
                assert!(read_second < read_first, "{read_second} of {read_first}");
            }
        }

        // A settled referral changed on disk is read again: closed in October now.
        let all = store.load(&config, &Scope::all());
        let settled = all
            .records
            .referrals
            .iter()
            .find(|r| {
                r.date.year() < 2026
                    && r.closed.is_some_and(|c| c.year() < 2026)
                    && r.status != crate::model::ReferralStatus::Open
            })
            .expect("an old closed referral");
        let path = root.join(&settled.path);
        let closed = settled.closed.unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&format!("closed = {closed}")));
        std::fs::write(
            &path,
            text.replace(&format!("closed = {closed}"), "closed = 2026-10-15"),
        )
        .unwrap();
        let before = full(october, ReportKind::Monthly);
        let (after, _) = indexed(&store, &config, october, ReportKind::Monthly, &file);
        assert_eq!(after, before);
        let (again, _) = indexed(&store, &config, october, ReportKind::Monthly, &file);
        assert_eq!(again, before);
    }
}
