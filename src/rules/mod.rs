//! The rule book: every rule about records, each written once, as lists
//! like beancount's validations.
//!
//! - [`single::SINGLE_RULES`] judge one record by itself (dates in the
//!   future, sums, duplicates in a list, unknown staff, privacy …). The
//!   reader runs them, so every path that reads a record applies them.
//! - [`cross::CROSS_RULES`] relate records to each other (duplicate ids,
//!   references, consent, dates before the client's first contact). `check`
//!   runs them over the whole folder; [`validate_write`] runs the ones that
//!   concern the record about to be written.
//!
//! A write is refused exactly when `check --strict` would flag what it
//! writes ([`refuses`]), with the one exception of SPEC §4: a referral
//! without covering consent is written with its warning.

pub mod cross;
pub mod single;

use crate::model::read::{Context, Placement, read_record};
use crate::model::{Config, Kind, Record};
use crate::store::{Finding, Store};
use std::path::Path;

/// Every finding `check --strict` would have for `text` as the record of
/// `kind` at `path` (absolute, below the store's root), given the records
/// already in `store`. The record is returned when it could be read.
pub fn validate_write(
    store: &Store,
    config: &Config,
    kind: Kind,
    text: &str,
    path: &Path,
    placement: Option<Placement>,
) -> (Option<Record>, Vec<Finding>) {
    let ctx = Context {
        config,
        today: crate::dates::today(),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (record, problems) = read_record(kind, text, &ctx, placement);
    let mut findings: Vec<Finding> = problems
        .into_iter()
        .map(|p| crate::store::problem_finding(path, text, p))
        .collect();
    if let Some(r) = &record {
        let look = cross::StoreLookup { store, config };
        for f in cross::for_record(r, &look) {
            findings.push(f.into_finding(path, Some(text)));
        }
    }
    (record, findings)
}

/// Whether these findings stop a write: any error, and any warning but the
/// ones a write tolerates (a referral without covering consent).
pub fn refuses(findings: &[Finding]) -> bool {
    findings
        .iter()
        .any(|f| f.is_error() || !f.tolerated_on_write)
}
