//! `figcheck check`: load the ledger, aliases and FX rates, then check every
//! figure of each document against them and write the reports.
//!
//! The three tables are loaded before any document is read. If any of them
//! has a problem, every problem of every table is reported and nothing is
//! checked. After that, problems with one document (unreadable file, invalid
//! UTF-8, a bad JSON line or `date`, a figure too large to represent) are
//! reported and counted, and the run goes on with the next document. Only a
//! failure to write the output stops the run.

use crate::config::{CheckConfig, Format, Input, InputKind};
use crate::diag::{Diagnostics, Sink};
use crate::input;
use anyhow::Result;
use figcheck::report::{json, text};
use figcheck::{Aliases, Checker, Date, Error, FxRates, Ledger, Report, Summary};
use std::fmt::Write as _;
use std::path::Path;

/// What the documents checked so far add up to.
#[derive(Debug, Default)]
pub struct Totals {
    /// Verdict counts over every document checked.
    pub summary: Summary,
    /// Documents checked.
    pub documents: usize,
}

/// Runs the check; problems go to `diag`, verdict counts to `totals` (kept
/// up to date as documents are checked, so that they stand even when the
/// output is closed early).
///
/// # Errors
/// Only output failures: the output file cannot be created or written
/// (including a closed pipe, which the caller treats as the end of the run).
pub fn run(config: &CheckConfig, diag: &mut Diagnostics, totals: &mut Totals) -> Result<()> {
    let Some(checker) = load(config, diag) else {
        return Ok(());
    };
    let mut out = Sink::open(&config.output)?;
    for input in &config.inputs {
        match config.input {
            InputKind::Text => text_input(config, &checker, input, diag, totals, &mut out)?,
            InputKind::Jsonl => jsonl_input(config, &checker, input, diag, totals, &mut out)?,
        }
    }
    if config.format == Format::Text && config.inputs.len() > 1 {
        let mut line = Vec::new();
        text::summary(
            &mut line,
            "total",
            &totals.summary,
            None,
            config.output.color,
        )?;
        line.pop(); // the newline, to go on with the document count
        let mut tail = format!(" in {} {}", totals.documents, documents(totals.documents));
        let failed = config.inputs.len() - totals.documents;
        if failed > 0 {
            let _ = write!(tail, "; {failed} {} not read", documents(failed));
        }
        tail.push('\n');
        out.write(b"\n")?;
        out.write(&line)?;
        out.write(tail.as_bytes())?;
    }
    out.flush()
}

fn documents(n: usize) -> &'static str {
    if n == 1 { "document" } else { "documents" }
}

/// Loads the ledger and the optional aliases and FX tables (absent means
/// empty). Reports every problem of every table; `None` when there was any.
fn load(config: &CheckConfig, diag: &mut Diagnostics) -> Option<Checker> {
    let ledger = Ledger::load(&config.ledger);
    report(&ledger, Ledger::warnings, diag);
    let aliases = optional(config.aliases.as_deref(), Aliases::load);
    report(&aliases, Aliases::warnings, diag);
    let fx = optional(config.fx.as_deref(), FxRates::load);
    report(&fx, FxRates::warnings, diag);
    Some(Checker::new(
        config.extractor.clone(),
        ledger.ok()?,
        aliases.ok()?,
        fx.ok()?,
        config.policy,
    ))
}

fn optional<T: Default>(
    path: Option<&Path>,
    load: impl Fn(&Path) -> Result<T, Vec<Error>>,
) -> Result<T, Vec<Error>> {
    path.map_or_else(|| Ok(T::default()), load)
}

/// Reports a table's warnings when it loaded, every error when it did not.
fn report<T>(loaded: &Result<T, Vec<Error>>, warnings: fn(&T) -> &[Error], diag: &mut Diagnostics) {
    match loaded {
        Ok(t) => {
            for w in warnings(t) {
                diag.notice(w);
            }
        }
        Err(errors) => {
            for e in errors {
                diag.error(message(e));
            }
        }
    }
}

/// The error's message (the library lowercases OS messages like every other one).
fn message(e: &Error) -> String {
    e.to_string()
}

/// One whole input as one document.
fn text_input(
    config: &CheckConfig,
    checker: &Checker,
    input: &Input,
    diag: &mut Diagnostics,
    totals: &mut Totals,
    out: &mut Sink,
) -> Result<()> {
    let Some(text) = input::read_text(input, diag) else {
        return Ok(());
    };
    let label = input.label();
    let report = checker.check(input.id(), &text, config.date);
    for e in &report.errors {
        diag.warning(format_args!("{label}:{e}"));
    }
    let mut buf = Vec::new();
    match config.format {
        Format::Json => json::write(&report, &mut buf)?,
        Format::Text => {
            // A blank line between the reports of several documents.
            if totals.documents > 0 {
                buf.push(b'\n');
            }
            text::write(&report, &label, &text, &mut buf, config.output.color)?;
        }
    }
    add(totals, &report);
    out.write(&buf)
}

/// One JSON Lines input: one document per non-blank line, each report
/// written out as soon as it is made.
fn jsonl_input(
    config: &CheckConfig,
    checker: &Checker,
    input: &Input,
    diag: &mut Diagnostics,
    totals: &mut Totals,
    out: &mut Sink,
) -> Result<()> {
    let name = input.label();
    let mut buf = Vec::new();
    input::jsonl(input, diag, |doc, number, diag| {
        let date: Option<Date> = match doc.date() {
            Ok(d) => d.or(config.date),
            Err((col, problem)) => {
                diag.error(format_args!("{name}:{number}:{col}: {problem}"));
                return Ok(());
            }
        };
        let report = checker.check(doc.id_value(), &doc.text, date);
        for e in &report.errors {
            diag.warning(format_args!("{name}:{number}: in \"text\" at {e}"));
        }
        buf.clear();
        json::write(&report, &mut buf)?;
        add(totals, &report);
        out.write(&buf)
    })
}

fn add(totals: &mut Totals, report: &Report) {
    let (t, s) = (&mut totals.summary, &report.summary);
    t.consistent += s.consistent;
    t.contradicted += s.contradicted;
    t.unverifiable += s.unverifiable;
    totals.documents += 1;
}
