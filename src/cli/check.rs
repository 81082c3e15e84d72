//! `figcheck check`: load the ledger, aliases and FX rates, then check every
//! figure of each document against them and write the reports.
//!
//! The three tables are loaded before any document is read. A bad row is
//! reported (file, line, column) and left out, and the check goes on with
//! the good rows (the exit status is still 2); a table that cannot be used
//! at all (unreadable, empty, a required column missing) is reported and
//! nothing is checked. After that, documents are checked in parallel by the corpus
//! pipeline (`corpus.rs`) and reported in input order; problems with one
//! document (unreadable file, invalid UTF-8, a bad JSON line or `date`, a
//! figure too large to represent) are reported and counted, and the run goes
//! on with the next document. Only a failure to write the output stops the
//! run.

use crate::config::{CheckConfig, FailOn, Format};
use crate::corpus::{self, Item, Outcome, Reading};
use crate::diag::{Diagnostics, Message, Sink};
use crate::html::Visible;
use crate::input;
use crate::json::HtmlSource;
use crate::progress::Meter;
use anyhow::{Context as _, Result};
use figcheck::jsonl::{self, Line};
use figcheck::report::{csv, html, json, markdown, text};
use figcheck::{Aliases, Checker, Date, Error, FxRates, Limit, Report, Summary};
use serde::Serialize;
use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::Path;
use std::sync::Arc;

/// What the documents checked so far add up to.
#[derive(Debug, Default)]
pub struct Totals {
    /// Verdict counts over every document checked.
    pub summary: Summary,
    /// Documents checked.
    pub documents: usize,
}

impl Totals {
    /// Whether the claims so far make the exit status 1.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        let s = &self.summary;
        match fail_on {
            FailOn::Contradicted => s.contradicted > 0,
            FailOn::Unverifiable => s.contradicted + s.unverifiable > 0,
        }
    }
}

/// Runs the check; problems go to `diag`, verdict counts to `totals` (kept
/// up to date as documents are written, so that they stand even when the
/// output is closed early).
///
/// # Errors
/// Only output failures: the output file cannot be created or written
/// (including a closed pipe, which the caller treats as the end of the run).
pub fn run(config: &CheckConfig, diag: &mut Diagnostics, totals: &mut Totals) -> Result<()> {
    let Some(checker) = load(config, diag) else {
        return Ok(());
    };
    let limit = if config.companies.is_empty() {
        None
    } else {
        match checker.limit(&config.companies) {
            Ok(l) => Some(l),
            Err(e) => {
                diag.error(format_args!("--company: {e}"));
                return Ok(());
            }
        }
    };
    let sink = Sink::open(&config.output)?;
    let mut meter = Meter::start(&config.corpus);
    diag.above(meter.bar());
    let result = write_all(config, (checker, limit), sink, diag, totals, &mut meter);
    meter.finish();
    diag.above(None);
    if config.corpus.summary {
        let s = &totals.summary;
        let verdicts = format!(
            "{} consistent, {} contradicted, {} unverifiable",
            s.consistent, s.contradicted, s.unverifiable
        );
        diag.info(meter.summary("claim", Some(verdicts), diag.errors()));
    }
    result
}

/// Where reports go: straight out, or through a renderer that keeps state
/// across documents (the CSV header, the HTML page).
enum Out {
    Plain(Sink),
    Csv(Box<csv::Writer<Sink>>),
    Html(html::Page<Sink>),
}

fn write_all(
    config: &CheckConfig,
    (checker, limit): (Checker, Option<Limit>),
    sink: Sink,
    diag: &mut Diagnostics,
    totals: &mut Totals,
    meter: &mut Meter,
) -> Result<()> {
    let name = sink.name().to_string();
    let cannot_write = || format!("{name}: cannot write");
    let mut out = match config.format {
        Format::Csv => Out::Csv(Box::new(csv::Writer::new(sink))),
        Format::Html => {
            let title = page_title(config);
            Out::Html(html::Page::new(sink, &title).with_context(cannot_write)?)
        }
        _ => Out::Plain(sink),
    };
    let several = config.corpus.several();
    let ctx = Arc::new(Context {
        checker,
        limit,
        format: config.format,
        color: config.output.color,
        date: config.date,
    });
    let reading = Reading {
        inputs: config.corpus.inputs.clone(),
        kind: config.corpus.kind,
        skip: config.output.path.clone(),
    };
    let shared = ctx.clone();
    let process: Arc<dyn Fn(Item) -> Done + Send + Sync> = Arc::new(move |item| ctx.process(item));
    let mut buf = Vec::new();
    corpus::run(
        reading,
        config.corpus.jobs,
        process,
        |outcome: Outcome<Done>| -> Result<()> {
            let done = outcome.unwrap_or_else(|panic| Done::failed(0, Message::Error(panic)));
            // filers of a directory or archive read for this document
            crate::ledgers::report_loads(shared.checker.ledger(), diag, config.verbose);
            for m in done.messages {
                diag.report(m);
            }
            let written = meter.documents;
            let Some(body) = done.body else {
                meter.add(done.bytes, done.document, done.claims);
                return Ok(());
            };
            let (summary, claims) = match &body {
                Body::Stream(doc) => {
                    let gap: &[u8] = match config.format {
                        Format::Text if written > 0 => b"\n",
                        _ => b"",
                    };
                    shared
                        .write_streamed(doc, &mut out, gap, diag)
                        .with_context(cannot_write)?
                }
                _ => (done.summary, done.claims),
            };
            meter.add(done.bytes, done.document, claims);
            let s = &mut totals.summary;
            s.consistent += summary.consistent;
            s.contradicted += summary.contradicted;
            s.unverifiable += summary.unverifiable;
            if done.document == Some(true) {
                totals.documents += 1;
            }
            match (&mut out, body) {
                (Out::Plain(sink), Body::Bytes(bytes)) => {
                    buf.clear();
                    // A blank line (text) or a rule (Markdown) between documents.
                    if written > 0 {
                        match config.format {
                            Format::Text => buf.push(b'\n'),
                            Format::Markdown => buf.extend_from_slice(b"\n---\n\n"),
                            _ => {}
                        }
                    }
                    buf.extend_from_slice(&bytes);
                    sink.put(&buf)
                }
                (Out::Csv(w), Body::Report(report, _)) => {
                    w.write(&report).with_context(cannot_write)
                }
                (Out::Html(page), Body::Report(report, text)) => {
                    page.document(&report, &text).with_context(cannot_write)
                }
                (_, Body::Stream(_)) => Ok(()),
                // Invariant: `Context::process` renders for `config.format`.
                _ => unreachable!("rendered for the output's format"),
            }
        },
    )?;
    crate::ledgers::report_loads(shared.checker.ledger(), diag, config.verbose);
    let (filers, read) = shared.checker.ledger().filers();
    if filers > 0 && config.verbose {
        diag.info(format_args!(
            "read the filings of {read} of the {filers} companies in the ledger directories and archives"
        ));
    }
    let mut sink = match out {
        Out::Plain(sink) => sink,
        Out::Csv(w) => w.finish().with_context(cannot_write)?,
        Out::Html(page) => page.finish().with_context(cannot_write)?,
    };
    if config.format == Format::Text && several {
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
        if meter.failed > 0 {
            let _ = write!(
                tail,
                "; {} {} not read",
                meter.failed,
                documents(meter.failed)
            );
        }
        tail.push('\n');
        sink.put(b"\n")?;
        sink.put(&line)?;
        sink.put(tail.as_bytes())?;
    }
    sink.finish()
}

/// The HTML page's title: the one input's name, or how many there are.
fn page_title(config: &CheckConfig) -> String {
    match config.corpus.inputs.as_slice() {
        [one] => format!("figcheck: {}", one.label()),
        many => format!("figcheck: {} inputs", many.len()),
    }
}

fn documents(n: usize) -> &'static str {
    if n == 1 { "document" } else { "documents" }
}

/// Loads the ledger and the optional aliases and FX tables (absent means
/// empty). Reports every problem of every table; `None` when there was any.
fn load(config: &CheckConfig, diag: &mut Diagnostics) -> Option<Checker> {
    load_tables(
        &Tables {
            ledger: &config.ledger,
            aliases: config.aliases.as_deref(),
            fx: config.fx.as_deref(),
            verbose: config.verbose,
        },
        config.extractor.clone(),
        config.policy,
        diag,
    )
}

/// The table files a checker is built from (`--ledger`, `--aliases`, `--fx`).
pub struct Tables<'a> {
    /// The ledger files, read into one ledger.
    pub ledger: &'a [std::path::PathBuf],
    /// The aliases file, if any.
    pub aliases: Option<&'a Path>,
    /// The FX rates file, if any.
    pub fx: Option<&'a Path>,
    /// Print what each companyfacts file gave.
    pub verbose: bool,
}

/// Loads the ledger and the optional aliases and FX tables (absent means
/// empty) into a checker, as `figcheck check` does. Reports every problem of
/// every table; `None` when a table cannot be used at all.
pub fn load_tables(
    tables: &Tables<'_>,
    extractor: figcheck::Extractor,
    policy: figcheck::Policy,
    diag: &mut Diagnostics,
) -> Option<Checker> {
    let ledger = crate::ledgers::load(tables.ledger, diag, tables.verbose);
    let aliases = optional(
        tables.aliases,
        Aliases::load_partial,
        Aliases::warnings,
        diag,
        |a| a.entries().len(),
    );
    let fx = optional(
        tables.fx,
        FxRates::load_partial,
        FxRates::warnings,
        diag,
        |f| f.len(),
    );
    Some(Checker::new(extractor, ledger?, aliases?, fx?, policy))
}

/// A table, with the errors of its bad rows; or every error of a table that
/// cannot be used.
type Partial<T> = Result<(T, Vec<Error>), Vec<Error>>;

/// A table that need not be given: empty when it is not, else as [`report`].
fn optional<T: Default>(
    path: Option<&Path>,
    load: fn(&Path) -> Partial<T>,
    warnings: fn(&T) -> &[Error],
    diag: &mut Diagnostics,
    rows: fn(&T) -> usize,
) -> Option<T> {
    match path {
        Some(p) => report(p, load(p), warnings, diag, rows),
        None => Some(T::default()),
    }
}

/// Reports a table's warnings and the errors of its bad rows, and says how
/// many rows are used when some were left out; every error of a table that
/// cannot be used at all (then `None`: nothing is checked).
fn report<T>(
    path: &Path,
    loaded: Partial<T>,
    warnings: fn(&T) -> &[Error],
    diag: &mut Diagnostics,
    rows: fn(&T) -> usize,
) -> Option<T> {
    match loaded {
        Ok((table, errors)) => {
            for w in warnings(&table) {
                diag.notice(w);
            }
            for e in &errors {
                diag.error(e);
            }
            if !errors.is_empty() {
                let n = rows(&table);
                diag.info(format_args!(
                    "{}: checking with the {n} good {} only; {}",
                    path.display(),
                    if n == 1 { "row" } else { "rows" },
                    crate::ledgers::left_out(&errors)
                ));
            }
            Some(table)
        }
        Err(errors) => {
            for e in &errors {
                diag.error(e);
            }
            None
        }
    }
}

/// What the worker threads share.
struct Context {
    checker: Checker,
    /// `--company`.
    limit: Option<Limit>,
    format: Format,
    color: bool,
    /// `--date`.
    date: Option<Date>,
}

/// One item, checked.
struct Done {
    /// Input bytes.
    bytes: usize,
    /// A document (`Some(true)`), one that could not be read (`Some(false)`),
    /// or neither (a blank line).
    document: Option<bool>,
    /// Problems, in order.
    messages: Vec<Message>,
    /// The document's verdict counts.
    summary: Summary,
    claims: usize,
    /// The report, when there is a document.
    body: Option<Body>,
}

/// A report, rendered in the worker, or kept for a renderer with state.
enum Body {
    Bytes(Vec<u8>),
    /// For CSV and HTML: the report and the text it is about.
    Report(Box<Report>, String),
    /// A document too large to hold its report: checked by the writer, its
    /// report written claim by claim as it is made.
    Stream(Box<Streamed>),
}

/// A document of at least [`STREAM_BYTES`] of text, to be checked as it is
/// written.
struct Streamed {
    id: serde_json::Value,
    text: String,
    date: Option<Date>,
    /// The document in the text report.
    label: String,
    /// Before an extraction error, and before a note, in messages.
    error_prefix: String,
    note_prefix: String,
}

/// Documents of this much text or more are checked claim by claim as
/// their report is written (JSON, text and CSV), so that a huge document's
/// report (about ten times its size in JSON) is never held whole.
const STREAM_BYTES: usize = 4 << 20;

/// The messages of a report's extraction errors and notes.
/// The errors and notes of a report, for stderr; the note of `--company`
/// (`limit`) is not repeated for each document.
fn messages(
    report: &Report,
    error_prefix: &str,
    note_prefix: &str,
    limit: Option<&Limit>,
) -> Vec<Message> {
    let limited = limit.map(Limit::note);
    report
        .errors
        .iter()
        .map(|e| Message::Warning(format!("{error_prefix}{e}")))
        .chain(
            report
                .notes
                .iter()
                .filter(|n| limited.as_ref() != Some(*n))
                .map(|n| Message::Notice(format!("{note_prefix}{n}"))),
        )
        .collect()
}

impl Done {
    fn failed(bytes: usize, m: Message) -> Done {
        Done {
            bytes,
            document: Some(false),
            messages: vec![m],
            summary: Summary::default(),
            claims: 0,
            body: None,
        }
    }
}

impl Context {
    /// One document's report, limited to `--company` when given.
    fn check(&self, id: impl Into<figcheck::DocId>, text: &str, date: Option<Date>) -> Report {
        let extractor = self.checker.extractor();
        self.checker
            .check_limited(extractor, self.limit.as_ref(), id, text, date)
    }

    fn process(&self, item: Item) -> Done {
        let bytes = item.len();
        match item {
            Item::Unreadable(m) => {
                // "dir/a.txt: cannot read: …": the input is named first
                let name = m.split(": ").next().unwrap_or("<input>").to_string();
                self.not_checked(0, name.as_str(), &name, m)
            }
            Item::Whole { input, kind, bytes } => {
                let len = bytes.len();
                let label = input.label();
                let doc = match input::whole_text(&input, kind, bytes) {
                    Ok(d) => d,
                    Err(e) => return self.not_checked(len, label.as_str(), &label, e.to_string()),
                };
                let (error_prefix, note_prefix) = (format!("{label}:"), format!("{label}: "));
                if doc.html.is_none() && self.streams(doc.text.len()) {
                    return self.stream(
                        len,
                        Streamed {
                            id: input.id().into(),
                            text: doc.text,
                            date: self.date,
                            label,
                            error_prefix,
                            note_prefix,
                        },
                    );
                }
                let report = self.check(input.id(), &doc.text, self.date);
                let messages = messages(&report, &error_prefix, &note_prefix, self.limit.as_ref());
                self.done(len, messages, report, &label, doc.text, doc.html.as_ref())
            }
            Item::Line {
                name,
                number,
                offset,
                bytes: line,
            } => match jsonl::line(&name, number, offset, &line) {
                Line::Blank => Done {
                    bytes,
                    document: None,
                    messages: Vec::new(),
                    summary: Summary::default(),
                    claims: 0,
                    body: None,
                },
                Line::Bad(m) => {
                    let label = format!("{name}[{number}]");
                    self.not_checked(bytes, label.as_str(), &label, m)
                }
                Line::Doc(doc) => {
                    let date = match doc.date() {
                        Ok(d) => d.or(self.date),
                        Err((col, problem)) => {
                            let m = format!("{name}:{number}:{col}: {problem}");
                            let label = format!("{name}[{number}]");
                            return self.not_checked(bytes, doc.id_value(), &label, m);
                        }
                    };
                    let label = format!("{name}[{number}]");
                    let error_prefix = format!("{name}:{number}: in \"text\" at ");
                    let note_prefix = format!("{label}: ");
                    if self.streams(doc.text.len()) {
                        return self.stream(
                            bytes,
                            Streamed {
                                id: doc.id_value(),
                                text: doc.text.into_owned(),
                                date,
                                label,
                                error_prefix,
                                note_prefix,
                            },
                        );
                    }
                    let report = self.check(doc.id_value(), &doc.text, date);
                    let messages =
                        messages(&report, &error_prefix, &note_prefix, self.limit.as_ref());
                    self.done(bytes, messages, report, &label, doc.text.into_owned(), None)
                }
            },
        }
    }

    /// Whether a document of `len` bytes of text is checked as its report
    /// is written.
    fn streams(&self, len: usize) -> bool {
        len >= STREAM_BYTES && matches!(self.format, Format::Json | Format::Text | Format::Csv)
    }

    /// A document left for the writer to check as it writes.
    fn stream(&self, bytes: usize, doc: Streamed) -> Done {
        Done {
            bytes,
            document: Some(true),
            messages: Vec::new(),
            summary: Summary::default(),
            claims: 0,
            body: Some(Body::Stream(Box::new(doc))),
        }
    }

    /// Checks `doc`, writing its report to `out` claim by claim; its
    /// messages go to `diag` before the report, as for other documents.
    /// Returns the verdict counts and the number of claims.
    fn write_streamed(
        &self,
        doc: &Streamed,
        out: &mut Out,
        gap: &[u8],
        diag: &mut Diagnostics,
    ) -> io::Result<(Summary, usize)> {
        let mut checking = self.checker.checking(doc.id.clone(), &doc.text, doc.date);
        if let Some(l) = &self.limit {
            checking = checking.limited_to(l);
        }
        for m in messages(
            checking.report(),
            &doc.error_prefix,
            &doc.note_prefix,
            self.limit.as_ref(),
        ) {
            diag.report(m);
        }
        let options = text::Options {
            label: &doc.label,
            text: &doc.text,
            color: self.color,
        };
        let mut claims = 0;
        let report = match out {
            Out::Plain(sink) => {
                let mut w = io::BufWriter::with_capacity(1 << 18, sink);
                w.write_all(gap)?;
                let report = if self.format == Format::Json {
                    let mut stream = json::Stream::begin(checking.report(), &mut w)?;
                    for c in checking.by_ref() {
                        stream.claim(&c, &mut w)?;
                        claims += 1;
                    }
                    let report = checking.finish();
                    stream.end(&report, &mut w)?;
                    report
                } else {
                    for c in checking.by_ref() {
                        text::write_claim(&c, &options, &mut w)?;
                        claims += 1;
                    }
                    let report = checking.finish();
                    text::write_end(&report, &options, &mut w)?;
                    report
                };
                w.flush()?;
                report
            }
            Out::Csv(w) => {
                while let Some(c) = checking.next() {
                    w.write_claim(checking.report(), &c)?;
                    claims += 1;
                }
                checking.finish()
            }
            // Invariant: `Context::streams` streams JSON, text and CSV only.
            Out::Html(_) => unreachable!("HTML reports are not streamed"),
        };
        Ok((report.summary, claims))
    }

    /// A document that could not be checked: named, with why, in the
    /// report of every format (and on stderr).
    fn not_checked(
        &self,
        bytes: usize,
        id: impl Into<serde_json::Value>,
        label: &str,
        why: String,
    ) -> Done {
        let report = Report::not_checked(id, why.clone());
        let mut d = self.done(
            bytes,
            vec![Message::Error(why)],
            report,
            label,
            String::new(),
            None,
        );
        d.document = Some(false);
        d
    }

    /// Renders `report` of `text` for the output format.
    fn done(
        &self,
        bytes: usize,
        messages: Vec<Message>,
        report: Report,
        label: &str,
        text: String,
        html: Option<&Visible>,
    ) -> Done {
        let (summary, claims) = (report.summary, report.claims.len());
        let body = match self.format {
            Format::Csv | Format::Html => Body::Report(Box::new(report), text),
            format => Body::Bytes(render(
                format,
                &report,
                &Rendering {
                    label,
                    text: &text,
                    html,
                    color: self.color,
                },
            )),
        };
        Done {
            bytes,
            document: Some(true),
            messages,
            summary,
            claims,
            body: Some(body),
        }
    }
}

/// What a report is rendered with besides itself.
pub struct Rendering<'a> {
    /// The document's name, for the text format and the HTML page's title.
    pub label: &'a str,
    /// The text the report's spans are in (the visible text of HTML).
    pub text: &'a str,
    /// For an HTML document: the map back to its source.
    pub html: Option<&'a Visible>,
    /// Color the text format.
    pub color: bool,
}

/// Renders the report of one document in `format`, exactly as `figcheck
/// check --format FORMAT` writes it for that one document: a JSON line,
/// Markdown, text, CSV with its header, or a whole HTML page titled
/// "figcheck: LABEL".
pub fn render(format: Format, report: &Report, r: &Rendering<'_>) -> Vec<u8> {
    // about 1.5 KB a claim in JSON: reserved once, not grown by doubling
    let mut buf = Vec::with_capacity(256 + report.claims.len() * 1536);
    let written = match format {
        Format::Json => match r.html {
            Some(v) => json_line(report, v, &mut buf),
            None => json::append_line(report, &mut buf),
        },
        Format::Markdown => markdown::write(report, &mut buf),
        Format::Text => text::write(
            report,
            &text::Options {
                label: r.label,
                text: r.text,
                color: r.color,
            },
            &mut buf,
        ),
        Format::Csv => {
            let mut w = csv::Writer::new(buf);
            return in_memory(w.write(report).and_then(|()| w.finish()));
        }
        Format::Html => {
            let title = format!("figcheck: {}", r.label);
            return in_memory(html::Page::new(buf, &title).and_then(|mut page| {
                page.document(report, r.text)?;
                page.finish()
            }));
        }
    };
    expect_in_memory(written);
    buf
}

/// What a renderer with state wrote into memory.
fn in_memory(r: io::Result<Vec<u8>>) -> Vec<u8> {
    // Invariant: the renderers write plain data, and a Vec accepts it all.
    r.expect("rendering into memory never fails")
}

/// The JSON line of the report of an HTML document: the report's fields,
/// then `text_source` and `html_spans` (see `json.rs`).
fn json_line(report: &Report, visible: &Visible, out: &mut Vec<u8>) -> io::Result<()> {
    #[derive(Serialize)]
    struct WithSource<'a> {
        #[serde(flatten)]
        report: &'a Report,
        #[serde(flatten)]
        source: HtmlSource,
    }
    let source = HtmlSource::new(
        visible,
        report
            .claims
            .iter()
            .map(|c| (c.mention.start, c.mention.end)),
    );
    json::append(out, &WithSource { report, source }).map_err(io::Error::other)?;
    out.push(b'\n');
    Ok(())
}

/// Rendering into a `Vec` only fails on a renderer's bug.
fn expect_in_memory(r: io::Result<()>) {
    // Invariant: the renderers write plain data, and a Vec accepts it all.
    r.expect("rendering into memory never fails");
}
