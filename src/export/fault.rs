//! Faults injected for tests, so that CI can check what a kill or a full disk in the
//! middle of writing leaves behind without timing a real kill.
//!
//! Nothing happens unless the environment variable `ACTORGRAPH_FAULT` is set (the tests of
//! `tests/output_folder.rs` and `scripts/kill-test.sh` set it); its value is one of
//!
//! | value | what happens |
//! |---|---|
//! | `kill-after-files:N` | the process sends itself `SIGKILL` once `N` output files are written into the staging folder |
//! | `kill-before-swap` | `SIGKILL` when the staging folder is complete and synced, just before it is swapped in |
//! | `kill-after-swap` | `SIGKILL` right after the swap, before the old folder is removed |
//! | `kill-mid-fallback` | the swap takes the fallback (as `no-exchange`) and `SIGKILL` comes between its two renames |
//! | `no-exchange` | the swap takes the two-rename fallback of systems without an atomic exchange |
//! | `full-disk-at-file:N` | writing the `N`-th output file (from 1) fails as on a full disk |
//!
//! A kill is a real `SIGKILL` (no destructor, no cleanup runs), as `kill -9` would be.

use std::io;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The injected fault, read once from `ACTORGRAPH_FAULT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    None,
    KillAfterFiles(usize),
    KillBeforeSwap,
    KillAfterSwap,
    KillMidFallback,
    NoExchange,
    FullDiskAtFile(usize),
}

pub(crate) fn fault() -> Fault {
    static FAULT: OnceLock<Fault> = OnceLock::new();
    *FAULT.get_or_init(|| {
        std::env::var("ACTORGRAPH_FAULT")
            .ok()
            .map_or(Fault::None, |v| parse(&v))
    })
}

fn parse(value: &str) -> Fault {
    let number = |prefix: &str| value.strip_prefix(prefix).and_then(|n| n.parse().ok());
    match value {
        "kill-before-swap" => Fault::KillBeforeSwap,
        "kill-after-swap" => Fault::KillAfterSwap,
        "kill-mid-fallback" => Fault::KillMidFallback,
        "no-exchange" => Fault::NoExchange,
        _ => {
            if let Some(n) = number("kill-after-files:") {
                Fault::KillAfterFiles(n)
            } else if let Some(n) = number("full-disk-at-file:") {
                Fault::FullDiskAtFile(n)
            } else {
                Fault::None
            }
        }
    }
}

/// Sends `SIGKILL` to this process when `point` is the injected fault.
pub(crate) fn kill_at(point: Fault) {
    if fault() == point {
        kill_now();
    }
}

/// Files started so far by [`before_file`], and finished by [`after_file`].
static STARTED: AtomicUsize = AtomicUsize::new(0);
static FINISHED: AtomicUsize = AtomicUsize::new(0);

/// Called before an output file is written: fails as a full disk would at the chosen file.
pub(crate) fn before_file() -> io::Result<()> {
    if let Fault::FullDiskAtFile(n) = fault()
        && STARTED.fetch_add(1, Ordering::SeqCst) + 1 == n
    {
        return Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "No space left on device (injected by ACTORGRAPH_FAULT)",
        ));
    }
    Ok(())
}

/// Called after an output file is written: kills the process at the chosen count.
pub(crate) fn after_file() {
    if let Fault::KillAfterFiles(n) = fault()
        && FINISHED.fetch_add(1, Ordering::SeqCst) + 1 >= n
    {
        kill_now();
    }
}

#[cfg(unix)]
fn kill_now() {
    let _ = rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::KILL);
    // SIGKILL cannot be caught; should it not arrive, end as abruptly as we can
    std::process::abort();
}

#[cfg(not(unix))]
fn kill_now() {
    std::process::abort();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_and_anything_else_is_no_fault() {
        assert_eq!(parse("kill-after-files:3"), Fault::KillAfterFiles(3));
        assert_eq!(parse("full-disk-at-file:1"), Fault::FullDiskAtFile(1));
        assert_eq!(parse("kill-after-swap"), Fault::KillAfterSwap);
        assert_eq!(parse("no-exchange"), Fault::NoExchange);
        assert_eq!(parse("kill-after-files:x"), Fault::None);
        assert_eq!(parse(""), Fault::None);
    }
}
