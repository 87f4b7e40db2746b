//! Tests of partner (filled in by the work on it).
