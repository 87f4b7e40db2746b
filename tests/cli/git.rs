//! Tests of git (filled in by the work on it).
