//! Tests of sponsor (filled in by the work on it).
