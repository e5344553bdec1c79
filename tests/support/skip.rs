//! Checks that cannot run here (no `../shared`, a client not installed) say so.
//!
//! The tests that need `../shared` or an interop client are `#[ignore]`d with the reason,
//! so plain `cargo test` lists them as ignored and counts them in its summary;
//! `cargo test -- --include-ignored` runs them. When what one needs is missing even then,
//! it prints `skipped: <why>` and passes, unless `ACTORGRAPH_REQUIRE_ALL=1` (set by
//! `.ci/run` where `../shared` is present), under which a skip is a failure, so CI never
//! skips a check silently ([`optional`] checks excepted).

/// Reports a check that cannot run: a failure under `ACTORGRAPH_REQUIRE_ALL=1`.
pub fn skip(why: &str) {
    if std::env::var_os("ACTORGRAPH_REQUIRE_ALL").is_some_and(|v| v == "1") {
        panic!("a required check cannot run (ACTORGRAPH_REQUIRE_ALL=1): {why}");
    }
    eprintln!("skipped: {why}");
}

/// Reports an optional check that cannot run (one interop client of several: CI runs every
/// client again through `scripts/interop.sh`); never a failure.
#[allow(dead_code)] // only interop.rs has optional checks
pub fn optional(why: &str) {
    eprintln!("skipped: {why}");
}
