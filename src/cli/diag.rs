//! Diagnostics on stderr and the output sink, shared by every subcommand.

use crate::config::Output;
use anyhow::{Context, Result};
use indicatif::ProgressBar;
use std::fmt::Display;
use std::fs::File;
use std::io::{self, BufWriter, Write};

/// A problem found in a worker thread, reported in input order by the
/// thread that writes the output.
#[derive(Debug, PartialEq, Eq)]
pub enum Message {
    /// See [`Diagnostics::error`].
    Error(String),
    /// See [`Diagnostics::warning`].
    Warning(String),
    /// See [`Diagnostics::notice`].
    Notice(String),
}

/// Reports problems on stderr and counts them for the exit status; with
/// `-q`, the chatter (information lines, notices) is left out, never a
/// problem.
#[derive(Debug)]
pub struct Diagnostics {
    quiet: bool,
    errors: usize,
    /// The progress bar on stderr, if one is drawn: messages go above it.
    bar: Option<ProgressBar>,
}

impl Diagnostics {
    /// Without chatter when `quiet`.
    pub fn new(quiet: bool) -> Self {
        Diagnostics {
            quiet,
            errors: 0,
            bar: None,
        }
    }

    /// Prints above `bar` from now on (none: straight to stderr).
    pub fn above(&mut self, bar: Option<ProgressBar>) {
        self.bar = bar;
    }

    /// A line that is neither a problem nor counted, such as the summary.
    pub fn info(&mut self, message: impl Display) {
        if !self.quiet {
            self.print(format_args!("figcheck: {message}"));
        }
    }

    /// A document that could not be processed.
    pub fn error(&mut self, message: impl Display) {
        self.errors += 1;
        self.print(format_args!("figcheck: {message}"));
    }

    /// A problem inside a document that was otherwise processed; still
    /// counts as an error for the exit status.
    pub fn warning(&mut self, message: impl Display) {
        self.errors += 1;
        self.print(format_args!("figcheck: warning: {message}"));
    }

    /// A warning that does not change the exit status, such as an ignored
    /// ledger column.
    pub fn notice(&mut self, message: impl Display) {
        if !self.quiet {
            self.print(format_args!("figcheck: warning: {message}"));
        }
    }

    /// Reports a message from a worker.
    pub fn report(&mut self, m: Message) {
        match m {
            Message::Error(e) => self.error(e),
            Message::Warning(w) => self.warning(w),
            Message::Notice(n) => self.notice(n),
        }
    }

    /// How many errors and warnings were reported.
    pub fn errors(&self) -> usize {
        self.errors
    }

    fn print(&self, line: std::fmt::Arguments<'_>) {
        // A closed stderr leaves nobody to tell: ignore the failure.
        let print = || {
            let _ = writeln!(io::stderr().lock(), "{line}");
        };
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }
}

/// Opens where the output goes: a file with `-o`, else stdout.
///
/// Standard output is line-buffered, so each document's output reaches the
/// reader as soon as it is written; a file is block-buffered.
///
/// # Errors
/// The output file cannot be created.
fn open_output(output: &Output) -> Result<Box<dyn Write>> {
    match &output.path {
        None => Ok(Box::new(io::stdout().lock())),
        Some(path) => {
            let file = File::create(path)
                .with_context(|| format!("{}: cannot create the output file", path.display()))?;
            Ok(Box::new(BufWriter::new(file)))
        }
    }
}

/// The output stream, named for messages.
pub struct Sink {
    w: Box<dyn Write>,
    name: String,
}

impl Sink {
    /// Opens the output (see [`open_output`]).
    ///
    /// # Errors
    /// The output file cannot be created.
    pub fn open(output: &Output) -> Result<Sink> {
        let mut sink = Sink {
            w: open_output(output)?,
            name: output
                .path
                .as_ref()
                .map_or_else(|| "<stdout>".to_string(), |p| p.display().to_string()),
        };
        if output.bom {
            sink.put("\u{feff}".as_bytes())?;
        }
        Ok(sink)
    }

    /// Writes all of `bytes`.
    ///
    /// # Errors
    /// The output cannot be written (a closed pipe included).
    pub fn put(&mut self, bytes: &[u8]) -> Result<()> {
        self.w
            .write_all(bytes)
            .with_context(|| format!("{}: cannot write", self.name))
    }

    /// Flushes what is buffered.
    ///
    /// # Errors
    /// The output cannot be written (a closed pipe included).
    pub fn finish(&mut self) -> Result<()> {
        self.w
            .flush()
            .with_context(|| format!("{}: cannot write", self.name))
    }
}

/// The output as a plain writer, for renderers that own theirs (CSV, HTML);
/// errors are named by the caller.
impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.w.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.w.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

impl Sink {
    /// The output's name in messages.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// True when `err` comes from writing to a closed pipe (`figcheck ... | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Formats an error chain on one line, `outer: inner: innermost`, with each
/// part starting lowercase (OS messages start uppercase).
pub fn one_line(err: &anyhow::Error) -> String {
    let parts: Vec<String> = err
        .chain()
        .map(|e| lowercase_first(&e.to_string()))
        .collect();
    parts.join(": ")
}

/// `s` with its first letter lowercased, unless it starts an acronym.
pub fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Keep acronyms and names ("JSON", "I/O") as they are.
        Some(c) if c.is_uppercase() && !chars.clone().next().is_some_and(char::is_uppercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_chain() {
        let io = io::Error::new(
            io::ErrorKind::NotFound,
            "No such file or directory (os error 2)",
        );
        let e = anyhow::Error::new(io).context("a.txt: cannot read");
        assert_eq!(
            one_line(&e),
            "a.txt: cannot read: no such file or directory (os error 2)"
        );
    }

    #[test]
    fn lowercase_keeps_acronyms() {
        assert_eq!(lowercase_first("JSON error"), "JSON error");
        assert_eq!(lowercase_first("Is a directory"), "is a directory");
        assert_eq!(lowercase_first(""), "");
    }

    #[test]
    fn broken_pipe_is_found_under_context() {
        let e = anyhow::Error::new(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing");
        assert!(is_broken_pipe(&e));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
