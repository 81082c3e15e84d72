//! The progress bar and the closing summary line, both on stderr.
//!
//! The bar (documents, MB, rate, ETA) is drawn only when stderr is a
//! terminal and `-q` is not given; its total is the size of the inputs when
//! it is known without reading them (files and directories, not standard
//! input). The summary line comes at the end when `--summary` says so.

use crate::config::{Corpus, Input};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::Path;
use std::time::{Duration, Instant};

/// What the documents written so far add up to, for the progress bar and
/// the summary.
#[derive(Debug)]
pub struct Meter {
    bar: Option<ProgressBar>,
    started: Instant,
    /// Input bytes of the items written.
    pub bytes: u64,
    /// Documents read and processed.
    pub documents: usize,
    /// Documents (or inputs) that could not be read.
    pub failed: usize,
    /// Mentions (extract) or claims (check) found.
    pub claims: usize,
}

impl Meter {
    /// Starts the clock, and the bar when `corpus.progress`.
    pub fn start(corpus: &Corpus) -> Meter {
        let bar = corpus.progress.then(|| bar(total_size(&corpus.inputs)));
        Meter {
            bar,
            started: Instant::now(),
            bytes: 0,
            documents: 0,
            failed: 0,
            claims: 0,
        }
    }

    /// The bar, to print messages above it.
    pub fn bar(&self) -> Option<ProgressBar> {
        self.bar.clone()
    }

    /// One item written: `bytes` of input, and whether it was a document
    /// (`Some(true)`), could not be read (`Some(false)`) or was neither (a
    /// blank line).
    pub fn add(&mut self, bytes: usize, document: Option<bool>, claims: usize) {
        self.bytes += bytes as u64;
        match document {
            Some(true) => self.documents += 1,
            Some(false) => self.failed += 1,
            None => {}
        }
        self.claims += claims;
        if let Some(bar) = &self.bar {
            bar.set_position(self.bytes);
            bar.set_message(format!("{} {}", self.documents, documents(self.documents)));
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// The summary line: `12 documents, 30 claims (…), 0 errors, 1.2 MB in
    /// 0.1 s (12.0 MB/s)`, with `verdicts` (e.g. "20 consistent, 1
    /// contradicted, 9 unverifiable") after the claims when given.
    pub fn summary(&self, noun: &str, verdicts: Option<String>, errors: usize) -> String {
        let elapsed = self.started.elapsed();
        let mut line = format!(
            "{} {}, {} {}{}",
            self.documents,
            documents(self.documents),
            self.claims,
            plural(noun, self.claims),
            verdicts.map(|v| format!(" ({v})")).unwrap_or_default(),
        );
        if self.failed > 0 {
            line.push_str(&format!(", {} not read", self.failed));
        }
        line.push_str(&format!(
            ", {errors} {}, {} MB in {} s ({} MB/s)",
            plural("error", errors),
            tenths(self.bytes as u128, 100_000),
            tenths(elapsed.as_millis(), 100),
            rate(self.bytes, elapsed),
        ));
        line
    }
}

fn documents(n: usize) -> &'static str {
    if n == 1 { "document" } else { "documents" }
}

fn plural(noun: &str, n: usize) -> String {
    if n == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}

/// `n / (unit × 10)` with one decimal: `tenths(1_234_567, 100_000)` is
/// "1.2" (bytes to MB); integer arithmetic, rounded half up.
fn tenths(n: u128, unit: u128) -> String {
    let t = (n + unit / 2) / unit;
    format!("{}.{}", t / 10, t % 10)
}

/// Megabytes (10^6 bytes) per second, one decimal.
fn rate(bytes: u64, elapsed: Duration) -> String {
    let micros = elapsed.as_micros().max(1);
    // bytes/µs is MB/s; in tenths: bytes × 10 / µs.
    let t = (bytes as u128 * 10 + micros / 2) / micros;
    format!("{}.{}", t / 10, t % 10)
}

/// The size of the inputs, when it is known without reading them.
fn total_size(inputs: &[Input]) -> Option<u64> {
    let mut total = 0;
    for input in inputs {
        match input {
            Input::Stdin => return None,
            Input::File(p) => total += size(p),
        }
    }
    Some(total)
}

fn size(p: &Path) -> u64 {
    match std::fs::metadata(p) {
        Ok(m) if m.is_dir() => std::fs::read_dir(p).map_or(0, |entries| {
            entries
                .flatten()
                .filter(|e| !e.file_name().as_encoded_bytes().starts_with(b"."))
                .filter(|e| {
                    e.file_type()
                        .is_ok_and(|t| !t.is_symlink() || !e.path().is_dir())
                })
                .map(|e| {
                    let path = e.path();
                    if path.is_dir() {
                        size(&path)
                    } else if crate::config::DocKind::in_corpus(&path) {
                        e.metadata().map_or(0, |m| m.len())
                    } else {
                        0
                    }
                })
                .sum()
        }),
        Ok(m) => m.len(),
        Err(_) => 0,
    }
}

fn bar(total: Option<u64>) -> ProgressBar {
    let (bar, template) = match total {
        Some(t) => (
            ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr()),
            "{wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            "{spinner} {bytes} {bytes_per_sec} {elapsed} {msg}",
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_rates() {
        assert_eq!(tenths(1_234_567, 100_000), "1.2");
        assert_eq!(tenths(0, 100_000), "0.0");
        assert_eq!(tenths(1_250, 100), "1.3");
        assert_eq!(rate(10_000_000, Duration::from_secs(2)), "5.0");
        assert_eq!(rate(123, Duration::ZERO), "123.0");
    }

    #[test]
    fn summary_line() {
        let corpus = Corpus {
            inputs: vec![Input::Stdin],
            kind: None,
            jobs: 1,
            progress: false,
            summary: true,
        };
        let mut m = Meter::start(&corpus);
        m.add(1_500_000, Some(true), 3);
        m.add(0, Some(false), 0);
        m.add(10, None, 0);
        let line = m.summary("claim", Some("1 consistent".into()), 1);
        assert!(
            line.starts_with(
                "1 document, 3 claims (1 consistent), 1 not read, 1 error, 1.5 MB in "
            ),
            "{line}"
        );
        assert!(line.ends_with(" MB/s)"), "{line}");
    }
}
