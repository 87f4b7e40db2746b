//! Tests of report (filled in by the work on it).
