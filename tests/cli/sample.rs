//! Tests of sample (filled in by the work on it).
