//! Tests of store (filled in by the work on it).
