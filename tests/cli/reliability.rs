//! Tests of reliability (filled in by the work on it).
