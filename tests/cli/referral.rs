//! Tests of referral (filled in by the work on it).
