//! Tests of edit (filled in by the work on it).
