//! Tests of event (filled in by the work on it).
