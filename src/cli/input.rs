//! Reading documents, shared by every subcommand: a whole input as one
//! document, or a JSON Lines input streamed one document per line.
//!
//! Problems with one document (unreadable file, invalid UTF-8, a bad JSON
//! line) are reported to [`Diagnostics`] and the document is skipped; the
//! caller goes on with the next one.

use crate::config::Input;
use crate::diag::Diagnostics;
use anyhow::Result;
use figcheck::span::line_col;
use figcheck::{Date, Error, ErrorKind};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

/// Reads a whole input as UTF-8 text. `None` when it cannot be read or is
/// not UTF-8; the error is reported to `diag`.
pub fn read_text(input: &Input, diag: &mut Diagnostics) -> Option<String> {
    let bytes = match read_all(input) {
        Ok(b) => b,
        Err(e) => {
            diag.error(format_args!(
                "{}: cannot read: {}",
                input.label(),
                io_message(&e)
            ));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(t) => Some(t),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            diag.error(invalid_utf8(&input.label(), e.as_bytes(), 0, valid, 1));
            None
        }
    }
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
pub fn io_message(e: &io::Error) -> String {
    crate::diag::one_line(&anyhow::Error::new(io::Error::new(e.kind(), e.to_string())))
}

/// One JSON Lines document. Fields other than `id`, `text` and `date` are
/// ignored; `date` is kept raw, for the subcommands that read it.
pub struct Document<'a> {
    /// The raw JSON of the `id`: a string or a number; `None` when absent or null.
    pub id: Option<&'a RawValue>,
    /// The text, unescaped.
    pub text: Cow<'a, str>,
    /// The raw JSON of the `date`, when present and not null.
    date: Option<&'a RawValue>,
    /// The whole line, to locate fields in messages.
    line: &'a str,
}

impl Document<'_> {
    /// The `id` as given: a string, a number exactly as written, or null
    /// when there is none.
    pub fn id_value(&self) -> serde_json::Value {
        self.id
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
            .unwrap_or(serde_json::Value::Null)
    }

    /// The document's `date`, if it has one.
    ///
    /// # Errors
    /// The column (1-based, in chars) of the value and the problem, when the
    /// `date` is not a string holding an ISO date.
    pub fn date(&self) -> Result<Option<Date>, (usize, String)> {
        let Some(raw) = self.date else {
            return Ok(None);
        };
        // The raw value is a slice of the line: its offset locates it.
        let offset = (raw.get().as_ptr() as usize).saturating_sub(self.line.as_ptr() as usize);
        let (_, col) = line_col(self.line, offset);
        match serde_json::from_str::<Text<'_>>(raw.get()) {
            Ok(Text(s)) => match s.parse::<Date>() {
                Ok(d) => Ok(Some(d)),
                Err(e) => Err((col, format!("\"date\": {}", e.kind()))),
            },
            Err(_) => Err((
                col,
                "\"date\" is not a string: expected an ISO date such as \"2025-01-21\" or no \"date\""
                    .to_string(),
            )),
        }
    }
}

/// Streams one JSON Lines input: calls `each(document, line_number)` for
/// every document, in order, as soon as its line is read. Blank lines are
/// skipped; bad lines are reported to `diag` and skipped.
///
/// # Errors
/// Only what `each` returns (an output failure), which ends the input.
pub fn jsonl(
    input: &Input,
    diag: &mut Diagnostics,
    mut each: impl FnMut(&Document<'_>, usize, &mut Diagnostics) -> Result<()>,
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
        match document(line) {
            Ok(doc) => each(&doc, number, diag)?,
            Err((col, problem)) => diag.error(format_args!("{name}:{number}:{col}: {problem}")),
        }
    }
}

/// The fields of a JSON Lines document that figcheck reads; others are ignored.
#[derive(Deserialize)]
struct RawDocument<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
    #[serde(borrow, default)]
    date: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(transparent)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

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
    let date = raw.date.filter(|d| d.get() != "null");
    Ok(Document {
        id,
        text,
        date,
        line,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_and_their_dates() {
        let d = document(r#"{"id": "a", "text": "90%", "date": "2025-01-21", "x": 1}"#)
            .expect("valid document");
        assert_eq!(d.id_value(), serde_json::json!("a"));
        assert_eq!(d.text, "90%");
        assert_eq!(
            d.date().map(|d| d.map(|d| d.to_string())),
            Ok(Some("2025-01-21".into()))
        );

        let d = document(r#"{"id": 7, "text": "x", "date": null}"#).expect("valid document");
        assert_eq!(d.id_value().to_string(), "7");
        assert_eq!(d.date(), Ok(None));

        let d = document(r#"{"text": "x"}"#).expect("valid document");
        assert_eq!(d.id_value(), serde_json::Value::Null);
        assert_eq!(d.date(), Ok(None));
    }

    #[test]
    fn bad_dates_point_at_the_value() {
        let d = document(r#"{"text": "约", "date": "2025-13-01"}"#).expect("valid JSON");
        assert_eq!(
            d.date(),
            Err((
                23,
                "\"date\": invalid date \"2025-13-01\": expected an ISO date YYYY-MM-DD".into()
            ))
        );
        let d = document(r#"{"text": "x", "date": 20250121}"#).expect("valid JSON");
        assert_eq!(
            d.date(),
            Err((
                23,
                "\"date\" is not a string: expected an ISO date such as \"2025-01-21\" or no \"date\""
                    .into()
            ))
        );
    }

    #[test]
    fn bad_lines() {
        let e = document("[1]").err().expect("not an object");
        assert_eq!(e.0, 1);
        assert!(e.1.starts_with("not a JSON object"), "{}", e.1);
        let e = document(r#"{"id": 1, "text": "#).err().expect("broken");
        assert!(e.1.starts_with("invalid JSON"), "{}", e.1);
    }
}
