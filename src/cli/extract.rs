//! `figcheck extract`: read each document, extract its mentions, write them out.
//!
//! Documents are processed in parallel by the corpus pipeline (`corpus.rs`)
//! and written in input order. Problems with one document (unreadable file,
//! invalid UTF-8, a bad JSON line, a figure too large to represent) are
//! reported and counted, and the run goes on with the next document. Only a
//! failure to write the output stops the run.

use crate::config::{ExtractConfig, Format};
use crate::corpus::{self, Item, Outcome, Reading};
use crate::diag::{Diagnostics, Message, Sink};
use crate::input;
use crate::progress::Meter;
use crate::{json, text};
use anyhow::Result;
use figcheck::jsonl::{self, Line};
use figcheck::span::Positions;
use figcheck::{Claim, Error, Extractor};
use std::fmt::Write as _;
use std::sync::Arc;

/// Runs the extraction; problems with the documents go to `diag`.
///
/// # Errors
/// Only output failures: the output file cannot be created or written
/// (including a closed pipe, which the caller treats as success).
pub fn run(config: &ExtractConfig, diag: &mut Diagnostics) -> Result<()> {
    let mut out = Sink::open(&config.output)?;
    let mut meter = Meter::start(&config.corpus);
    diag.above(meter.bar());
    let result = write_all(config, diag, &mut out, &mut meter);
    meter.finish();
    diag.above(None);
    if config.corpus.summary {
        diag.info(meter.summary("mention", None, diag.errors()));
    }
    result
}

fn write_all(
    config: &ExtractConfig,
    diag: &mut Diagnostics,
    out: &mut Sink,
    meter: &mut Meter,
) -> Result<()> {
    let several = config.corpus.several();
    let ctx = Arc::new(Context {
        extractor: config.extractor.clone(),
        format: config.format,
        color: config.output.color,
    });
    let reading = Reading {
        inputs: config.corpus.inputs.clone(),
        kind: config.corpus.kind,
        skip: config.output.path.clone(),
    };
    let process: Arc<dyn Fn(Item) -> Done + Send + Sync> = Arc::new(move |item| ctx.process(item));
    let mut buf = Vec::new();
    corpus::run(
        reading,
        config.corpus.jobs,
        process,
        |outcome: Outcome<Done>| {
            let done = outcome.unwrap_or_else(|panic| Done::failed(0, Message::Error(panic)));
            for m in done.messages {
                diag.report(m);
            }
            let written = meter.documents;
            meter.add(done.bytes, done.document, done.mentions);
            if done.document != Some(true) {
                return Ok(());
            }
            buf.clear();
            // With several documents, each table gets a heading, and a blank line before it.
            if config.format == Format::Text && several {
                if written > 0 {
                    buf.push(b'\n');
                }
                let heading = if config.output.color {
                    format!("\x1b[1m{}\x1b[0m\n", done.label)
                } else {
                    format!("{}\n", done.label)
                };
                buf.extend_from_slice(heading.as_bytes());
            }
            buf.extend_from_slice(&done.body);
            out.put(&buf)
        },
    )?;
    if config.format == Format::Text && several {
        let (total, read) = (meter.claims, meter.documents);
        let mut line = format!("\n{total} {} in {read} {}", plural(total), inputs(read));
        if meter.failed > 0 {
            let _ = write!(line, "; {} {} not read", meter.failed, inputs(meter.failed));
        }
        line.push('\n');
        out.put(line.as_bytes())?;
    }
    out.finish()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "mention" } else { "mentions" }
}

fn inputs(n: usize) -> &'static str {
    if n == 1 { "input" } else { "inputs" }
}

/// What the worker threads share.
struct Context {
    extractor: Extractor,
    format: Format,
    color: bool,
}

/// One item, processed.
struct Done {
    /// Input bytes.
    bytes: usize,
    /// A document (`Some(true)`), one that could not be read (`Some(false)`),
    /// or neither (a blank line).
    document: Option<bool>,
    /// Problems, in order.
    messages: Vec<Message>,
    mentions: usize,
    /// The heading of a text table.
    label: String,
    /// The rendered output.
    body: Vec<u8>,
}

impl Done {
    fn failed(bytes: usize, m: Message) -> Done {
        Done {
            bytes,
            document: Some(false),
            messages: vec![m],
            mentions: 0,
            label: String::new(),
            body: Vec::new(),
        }
    }
}

impl Context {
    fn process(&self, item: Item) -> Done {
        let bytes = item.len();
        match item {
            Item::Unreadable(m) => Done::failed(0, Message::Error(m)),
            Item::Whole { input, kind, bytes } => {
                let len = bytes.len();
                let label = input.label();
                let doc = match input::whole_text(&input, kind, bytes) {
                    Ok(d) => d,
                    Err(e) => return Done::failed(len, Message::Error(e.to_string())),
                };
                let mut messages = Vec::new();
                let claims = claims(&self.extractor, &doc.text, &mut messages, |e, (l, c)| {
                    e.with_path(label.as_str()).with_line_col(l, c).to_string()
                });
                let body = self.render(&input.id(), &doc.text, &claims, doc.html.as_ref());
                Done {
                    bytes: len,
                    document: Some(true),
                    messages,
                    mentions: claims.len(),
                    label,
                    body,
                }
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
                    mentions: 0,
                    label: String::new(),
                    body: Vec::new(),
                },
                Line::Bad(m) => Done::failed(bytes, Message::Error(m)),
                Line::Doc(doc) => {
                    let mut messages = Vec::new();
                    let claims = claims(&self.extractor, &doc.text, &mut messages, |e, (l, c)| {
                        format!("{name}:{number}: in \"text\" at {l}:{c}: {}", e.kind())
                    });
                    let body = match doc.id {
                        Some(id) => self.render(id, &doc.text, &claims, None),
                        None => self.render(&(), &doc.text, &claims, None),
                    };
                    Done {
                        bytes,
                        document: Some(true),
                        messages,
                        mentions: claims.len(),
                        label: format!("{name}[{number}]"),
                        body,
                    }
                }
            },
        }
    }

    fn render<I: serde::Serialize + ?Sized>(
        &self,
        id: &I,
        text: &str,
        claims: &[Claim],
        html: Option<&crate::html::Visible>,
    ) -> Vec<u8> {
        match self.format {
            Format::Text => {
                let mut s = String::new();
                text::write_table(&mut s, text, claims, self.color);
                s.into_bytes()
            }
            // Only text and JSON are offered for extract.
            _ => {
                let mut buf = Vec::new();
                json::write_document(&mut buf, id, text, claims, html);
                buf
            }
        }
    }
}

/// The output of `figcheck extract --format FORMAT` for one document
/// (`id` as its JSON gives it), and the warnings about its figures that
/// could not be read, located by `label:line:column`. (The web app's.)
#[cfg(feature = "serve")]
pub fn render_one<I: serde::Serialize + ?Sized>(
    extractor: &Extractor,
    format: Format,
    id: &I,
    text: &str,
    html: Option<&crate::html::Visible>,
    label: &str,
) -> (Vec<u8>, Vec<String>) {
    let mut messages = Vec::new();
    let claims = claims(extractor, text, &mut messages, |e, (l, c)| {
        e.with_path(label).with_line_col(l, c).to_string()
    });
    let ctx = Context {
        extractor: extractor.clone(),
        format,
        color: false,
    };
    let warnings = messages
        .into_iter()
        .map(|m| match m {
            Message::Error(s) | Message::Warning(s) | Message::Notice(s) => s,
        })
        .collect();
    (ctx.render(id, text, &claims, html), warnings)
}

/// Extracts the claims of one document. Overflowing figures are warnings,
/// located by `place(error, (line, column))` within the text.
fn claims(
    extractor: &Extractor,
    text: &str,
    messages: &mut Vec<Message>,
    place: impl Fn(Error, (usize, usize)) -> String,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut positions = Positions::new(text);
    for item in extractor.claims(text) {
        match item {
            Ok(c) => claims.push(c),
            Err(e) => {
                let at = positions.at(e.location().start.unwrap_or(0));
                messages.push(Message::Warning(place(e, at)));
            }
        }
    }
    claims
}
