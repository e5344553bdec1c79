//! The progress line of `actorgraph build` (on a terminal only, never with `--quiet`) and
//! its warnings, printed as they happen (above the line).
//!
//! The line shows the phase, then while reading the bytes of the inputs read against
//! their total with a percentage and an ETA (a spinner and the bytes alone when stdin is
//! an input, since its length is unknown), documents, words and words/s; in the final
//! phases, what is being done (resolving entities and building the graph, writing
//! outputs), so it never stands still without saying why.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::count;
use actorgraph::corpus::Diagnostic;
use actorgraph::pipeline::{Phase, Progress};

/// The progress line and the warnings of one build.
pub(super) struct Reporter {
    bar: ProgressBar,
    quiet: bool,
    started: Instant,
}

impl Reporter {
    /// A reporter whose line is drawn only on a terminal and without `quiet`; warnings
    /// are printed unless `quiet`.
    pub(super) fn new(quiet: bool, bytes_total: Option<u64>) -> Reporter {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            ProgressBar::with_draw_target(bytes_total, ProgressDrawTarget::stderr())
        };
        let template = if bytes_total.is_some() {
            "{spinner} {prefix} [{elapsed_precise}] [{bar:24}] {percent:>3}% of {total_bytes}, ETA {eta} · {msg}"
        } else {
            "{spinner} {prefix} [{elapsed_precise}] {bytes} · {msg}"
        };
        set_style(&bar, template);
        bar.set_prefix("reading");
        bar.enable_steady_tick(Duration::from_millis(120));
        Reporter {
            bar,
            quiet,
            started: Instant::now(),
        }
    }

    /// Shows `progress` and prints `warnings` above the line.
    pub(super) fn update(&self, progress: Progress, warnings: &[Diagnostic]) {
        for d in warnings {
            self.warn(&format!("warning: {d}"));
        }
        match progress.phase {
            Phase::Reading => {
                let secs = self.started.elapsed().as_secs_f64().max(1e-9);
                self.bar.set_position(progress.bytes_read);
                self.bar.set_message(format!(
                    "{}, {} ({:.0} words/s)",
                    count(progress.documents, "document"),
                    count(progress.words, "word"),
                    progress.words as f64 / secs
                ));
            }
            Phase::Resolving => self.phase(&format!(
                "resolving entities and building the graph of {}",
                count(progress.documents, "document")
            )),
        }
    }

    /// Switches the line to a final phase: a spinner and what is being done.
    pub(super) fn phase(&self, what: &str) {
        set_style(&self.bar, "{spinner} [{elapsed_precise}] {msg}");
        self.bar.set_message(what.to_owned());
    }

    /// Prints one line above the progress line (or alone when there is none).
    pub(super) fn warn(&self, line: &str) {
        if self.quiet {
            return;
        }
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.suspend(|| eprintln!("{line}"));
        }
    }

    /// Clears the line.
    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn set_style(bar: &ProgressBar, template: &str) {
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
}
