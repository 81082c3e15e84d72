//! `figcheck extract`: read each input, extract its mentions, write them out.
//!
//! Problems with one document (unreadable file, invalid UTF-8, a bad JSON
//! line, a figure too large to represent) are reported and counted, and the
//! run goes on with the next document. Only a failure to write the output
//! stops the run.

use crate::config::{ExtractConfig, Format, Input, InputKind};
use crate::diag::{Diagnostics, Sink};
use crate::{input, json, text};
use anyhow::Result;
use figcheck::span::Positions;
use figcheck::{Claim, Error, Extractor};
use std::fmt::Write as _;

/// Runs the extraction; problems with the documents go to `diag`.
///
/// # Errors
/// Only output failures: the output file cannot be created or written
/// (including a closed pipe, which the caller treats as success).
pub fn run(config: &ExtractConfig, diag: &mut Diagnostics) -> Result<()> {
    let mut out = Sink::open(&config.output)?;
    let several = config.inputs.len() > 1;
    let (mut total, mut read) = (0usize, 0usize);
    for input in &config.inputs {
        match config.input {
            InputKind::Text => {
                // With several inputs, each table gets a heading, and a blank line before it.
                let heading = several.then(|| Heading {
                    label: input.label(),
                    gap: read > 0,
                });
                if let Some(n) = text_input(config, input, heading, diag, &mut out)? {
                    total += n;
                    read += 1;
                }
            }
            InputKind::Jsonl => jsonl_input(config, input, diag, &mut out)?,
        }
    }
    if config.format == Format::Text && several {
        let mut line = format!("\n{total} {} in {read} {}", plural(total), inputs(read));
        let failed = config.inputs.len() - read;
        if failed > 0 {
            let _ = write!(line, "; {failed} {} not read", inputs(failed));
        }
        line.push('\n');
        out.write(line.as_bytes())?;
    }
    out.flush()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "mention" } else { "mentions" }
}

fn inputs(n: usize) -> &'static str {
    if n == 1 { "input" } else { "inputs" }
}

/// The heading of one input's table when there are several inputs.
struct Heading {
    label: String,
    /// A blank line separates it from the table before.
    gap: bool,
}

/// One whole input as one document. Returns its number of mentions, or
/// `None` when it could not be read (the error is reported to `diag`).
fn text_input(
    config: &ExtractConfig,
    input: &Input,
    heading: Option<Heading>,
    diag: &mut Diagnostics,
    out: &mut Sink,
) -> Result<Option<usize>> {
    let Some(text) = input::read_text(input, diag) else {
        return Ok(None);
    };
    let name = input.label();
    let claims = claims(&config.extractor, &text, diag, |e, (line, col)| {
        e.with_path(name.as_str())
            .with_line_col(line, col)
            .to_string()
    });
    match config.format {
        Format::Json => {
            let mut buf = Vec::new();
            json::write_document(&mut buf, &input.id(), &text, &claims);
            out.write(&buf)?;
        }
        Format::Text => {
            let mut buf = String::new();
            if let Some(h) = heading {
                if h.gap {
                    buf.push('\n');
                }
                let _ = if config.output.color {
                    writeln!(buf, "\x1b[1m{}\x1b[0m", h.label)
                } else {
                    writeln!(buf, "{}", h.label)
                };
            }
            text::write_table(&mut buf, &text, &claims, config.output.color);
            out.write(buf.as_bytes())?;
        }
    }
    Ok(Some(claims.len()))
}

/// Extracts the claims of one document. Overflowing figures are reported as
/// warnings, located by `place(error, (line, column))` within the text.
fn claims(
    extractor: &Extractor,
    text: &str,
    diag: &mut Diagnostics,
    place: impl Fn(Error, (usize, usize)) -> String,
) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut positions = Positions::new(text);
    for item in extractor.claims(text) {
        match item {
            Ok(c) => claims.push(c),
            Err(e) => {
                let at = positions.at(e.location().start.unwrap_or(0));
                diag.warning(place(e, at));
            }
        }
    }
    claims
}

/// One JSON Lines input: one document per non-blank line, each written out
/// as soon as it is processed.
fn jsonl_input(
    config: &ExtractConfig,
    input: &Input,
    diag: &mut Diagnostics,
    out: &mut Sink,
) -> Result<()> {
    let name = input.label();
    let mut json_out = Vec::new();
    input::jsonl(input, diag, |doc, number, diag| {
        let claims = claims(&config.extractor, &doc.text, diag, |e, (l, c)| {
            format!("{name}:{number}: in \"text\" at {l}:{c}: {}", e.kind())
        });
        json_out.clear();
        match doc.id {
            Some(id) => json::write_document(&mut json_out, id, &doc.text, &claims),
            None => json::write_document(&mut json_out, &(), &doc.text, &claims),
        }
        out.write(&json_out)
    })
}
