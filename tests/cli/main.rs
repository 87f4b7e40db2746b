//! The one integration test binary: every test runs the real `quartier`
//! binary on a temporary records folder.

mod support;

mod agenda;
mod appointment;
mod calendar;
mod channel;
mod check;
mod client;
mod consent;
mod contact;
mod deadlines;
mod delete;
mod duplicates;
mod edit;
mod event;
mod git;
mod help;
mod help_snapshots;
mod hours;
mod import;
mod import_rules;
mod input;
mod language;
mod limit;
mod lookup;
mod lost;
mod out;
mod partner;
mod printed;
mod privacy;
mod referral;
mod reliability;
mod report;
mod report_gaps;
mod report_print;
mod report_v2;
mod safety;
mod sample;
mod scan;
mod search;
mod sponsor;
mod status;
mod store;
mod sync;
mod verdict;
