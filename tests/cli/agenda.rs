//! Tests of agenda (filled in by the work on it).
