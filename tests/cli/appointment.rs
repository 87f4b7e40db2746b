//! Tests of appointment (filled in by the work on it).
