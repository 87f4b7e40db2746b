//! The one integration test binary: every test runs the real `quartier`
//! binary on a temporary records folder.

mod support;

mod check;
