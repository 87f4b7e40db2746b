//! Tests of client (filled in by the work on it).
