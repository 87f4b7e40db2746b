//! quartier: plain-text records and ESF activity reports for a neighbourhood
//! management office.
//!
//! Data flows one way: the records folder → [`store`] (find, read, validate,
//! write atomically) → typed [`model`] → pure [`report`] builders → renderers.

pub mod check;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod demo;
pub mod erasure;
pub mod error;
pub mod git;
pub mod i18n;
pub mod ics;
pub mod import;
pub mod model;
pub mod names;
pub mod out;
pub mod par;
pub mod personal;
pub mod print;
pub mod privacy;
pub mod progress;
pub mod report;
pub mod rules;
pub mod schema;
pub mod seal;
pub mod store;
