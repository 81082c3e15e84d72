//! `figcheck extract`: read each input, extract its mentions, write them out.
//!
//! Problems with one document (unreadable file, invalid UTF-8, a bad JSON
//! line, a figure too large to represent) are reported and counted, and the
//! run goes on with the next document. Only a failure to write the output
//! stops the run.

use crate::config::{ExtractConfig, Format, Input, InputKind};
use crate::diag::{Diagnostics, open_output};
use crate::position::Positions;
use crate::{json, text};
use anyhow::{Context, Result};
use figcheck::span::line_col;
use figcheck::{Claim, Error, ErrorKind, Extractor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};

/// Runs the extraction; problems with the documents go to `diag`.
///
/// # Errors
/// Only output failures: the output file cannot be created or written
/// (including a closed pipe, which the caller treats as success).
pub fn run(config: &ExtractConfig, diag: &mut Diagnostics) -> Result<()> {
    let mut out = Sink {
        w: open_output(&config.output)?,
        name: output_name(config),
    };
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

/// The output stream, named for messages.
struct Sink {
    w: Box<dyn Write>,
    name: String,
}

impl Sink {
    fn write(&mut self, bytes: &[u8]) -> Result<()> {
        self.w
            .write_all(bytes)
            .with_context(|| format!("{}: cannot write", self.name))
    }

    fn flush(&mut self) -> Result<()> {
        self.w
            .flush()
            .with_context(|| format!("{}: cannot write", self.name))
    }
}

fn output_name(config: &ExtractConfig) -> String {
    config
        .output
        .path
        .as_ref()
        .map_or_else(|| "<stdout>".to_string(), |p| p.display().to_string())
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
    let bytes = match read_all(input) {
        Ok(b) => b,
        Err(e) => {
            diag.error(format_args!(
                "{}: cannot read: {}",
                input.label(),
                io_message(&e)
            ));
            return Ok(None);
        }
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            diag.error(invalid_utf8(&input.label(), &bytes, 0, e.valid_up_to(), 1));
            return Ok(None);
        }
    };
    let name = input.label();
    let claims = claims(&config.extractor, text, diag, |e, (line, col)| {
        e.with_path(name.as_str())
            .with_line_col(line, col)
            .to_string()
    });
    match config.format {
        Format::Json => {
            let mut buf = Vec::new();
            json::write_document(&mut buf, &input.id(), text, &claims);
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
            text::write_table(&mut buf, text, &claims, config.output.color);
            out.write(buf.as_bytes())?;
        }
    }
    Ok(Some(claims.len()))
}

fn read_all(input: &Input) -> io::Result<Vec<u8>> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        Input::File(p) => std::fs::read(p),
    }
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

/// The error for invalid UTF-8 in `bytes`, which start at byte `base` and
/// line `line` of the input `name`, and whose first `valid` bytes are valid.
fn invalid_utf8(name: &str, bytes: &[u8], base: usize, valid: usize, line: usize) -> Error {
    // Invariant: `from_utf8` reported the first `valid` bytes as valid UTF-8.
    let prefix = std::str::from_utf8(&bytes[..valid])
        .expect("the prefix before the first bad byte is valid UTF-8");
    let (l, c) = line_col(prefix, prefix.len());
    let offset = base + valid;
    Error::at(ErrorKind::InvalidUtf8 { offset }, offset, offset + 1)
        .with_path(name)
        .with_line_col(line + l - 1, c)
}

/// An I/O error message, starting lowercase like every other message.
fn io_message(e: &io::Error) -> String {
    crate::diag::one_line(&anyhow::Error::new(io::Error::new(e.kind(), e.to_string())))
}

/// The fields of a JSON Lines document that figcheck reads; others are ignored.
#[derive(Deserialize)]
struct RawDocument<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(transparent)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

/// One JSON Lines input: one document per non-blank line, each written out
/// as soon as it is processed.
fn jsonl_input(
    config: &ExtractConfig,
    input: &Input,
    diag: &mut Diagnostics,
    out: &mut Sink,
) -> Result<()> {
    let name = input.label();
    let reader: Box<dyn BufRead> = match input {
        Input::Stdin => Box::new(io::stdin().lock()),
        Input::File(p) => match File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                diag.error(format_args!("{name}: cannot read: {}", io_message(&e)));
                return Ok(());
            }
        },
    };
    let mut lines = Lines {
        reader,
        buf: Vec::new(),
        number: 0,
        offset: 0,
    };
    let mut json_out = Vec::new();
    loop {
        let (number, start) = (lines.number + 1, lines.offset);
        let line = match lines.next() {
            Ok(Some(line)) => line,
            Ok(None) => return Ok(()),
            Err(e) => {
                diag.error(format_args!(
                    "{name}:{number}: cannot read: {}",
                    io_message(&e)
                ));
                return Ok(());
            }
        };
        // A byte order mark may start the first line; it is not part of the JSON.
        let bom = if number == 1 && line.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let line = &line[bom..];
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line = match std::str::from_utf8(line) {
            Ok(l) => l,
            Err(e) => {
                diag.error(invalid_utf8(
                    &name,
                    line,
                    start + bom,
                    e.valid_up_to(),
                    number,
                ));
                continue;
            }
        };
        let doc = match document(line) {
            Ok(d) => d,
            Err((col, problem)) => {
                diag.error(format_args!("{name}:{number}:{col}: {problem}"));
                continue;
            }
        };
        let claims = claims(&config.extractor, &doc.text, diag, |e, (l, c)| {
            format!("{name}:{number}: in \"text\" at {l}:{c}: {}", e.kind())
        });
        json_out.clear();
        match doc.id {
            Some(id) => json::write_document(&mut json_out, id, &doc.text, &claims),
            None => json::write_document(&mut json_out, &(), &doc.text, &claims),
        }
        out.write(&json_out)?;
    }
}

/// A parsed JSON Lines document.
struct Document<'a> {
    id: Option<&'a RawValue>,
    text: Cow<'a, str>,
}

/// Parses one line; on failure, the column (1-based, in chars) and the problem.
fn document(line: &str) -> Result<Document<'_>, (usize, String)> {
    const EXPECTED: &str = "expected an object such as {\"id\": 1, \"text\": \"...\"}";
    let first = line.find(|c: char| !c.is_ascii_whitespace()).unwrap_or(0);
    if !line[first..].starts_with('{') {
        // Still tell apart broken JSON from well-formed JSON of the wrong shape.
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(line) {
            Err(e) => json_error(line, &e),
            Ok(_) => (first + 1, format!("not a JSON object: {EXPECTED}")),
        });
    }
    let raw: RawDocument<'_> = serde_json::from_str(line).map_err(|e| json_error(line, &e))?;
    let text = match raw.text {
        None => return Err((1, format!("no \"text\" field: {EXPECTED}"))),
        Some(t) => match serde_json::from_str::<Text<'_>>(t.get()) {
            Ok(Text(t)) => t,
            Err(_) => return Err((1, format!("\"text\" is not a string: {EXPECTED}"))),
        },
    };
    let id = match raw.id {
        None => None,
        Some(id) if id.get() == "null" => None,
        Some(id)
            if id
                .get()
                .starts_with(|c: char| c == '"' || c == '-' || c.is_ascii_digit()) =>
        {
            Some(id)
        }
        Some(_) => {
            return Err((
                1,
                "\"id\" is not a string or number: expected a string, a number or no \"id\"".into(),
            ));
        }
    };
    Ok(Document { id, text })
}

/// Column (in chars) and message of a serde_json error on `line`.
fn json_error(line: &str, e: &serde_json::Error) -> (usize, String) {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let detail = full.strip_suffix(&suffix).unwrap_or(&full);
    // serde_json counts columns in bytes, 1-based; 0 means no position.
    let (_, col) = line_col(line, e.column().saturating_sub(1));
    let problem = if e.is_data() {
        "invalid document"
    } else {
        "invalid JSON"
    };
    (
        col,
        format!("{problem} ({detail}): expected one JSON object per line"),
    )
}

/// Lines of a reader as bytes, without their line ending, reusing one buffer.
struct Lines {
    reader: Box<dyn BufRead>,
    buf: Vec<u8>,
    /// Lines read so far.
    number: usize,
    /// Byte offset of the next line.
    offset: usize,
}

impl Lines {
    fn next(&mut self) -> io::Result<Option<&[u8]>> {
        self.buf.clear();
        let n = self.reader.read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(None);
        }
        self.number += 1;
        self.offset += n;
        let mut line = &self.buf[..];
        line = line.strip_suffix(b"\n").unwrap_or(line);
        line = line.strip_suffix(b"\r").unwrap_or(line);
        Ok(Some(line))
    }
}
