//! JSON Lines documents: one JSON object per line, with a `text` and,
//! optionally, an `id` and a `date`. This is the corpus format of the
//! command-line program (`--input jsonl`); it lives in the library so that
//! other programs read corpora the same way, and so that it can be fuzzed.
//!
//! Reading a line never panics and never loses it silently: a line is a
//! document, blank, or bad with a message that names the input, the line and
//! the column.
//!
//! ```
//! use figcheck::jsonl::{self, Line};
//! let Line::Doc(doc) = jsonl::line("docs.jsonl", 1, 0, r#"{"id": 7, "text": "5000亿美元"}"#.as_bytes()) else {
//!     panic!("a document")
//! };
//! assert_eq!(doc.text, "5000亿美元");
//! assert_eq!(doc.id_value(), serde_json::json!(7));
//! let Line::Bad(message) = jsonl::line("docs.jsonl", 2, 40, b"{\"text\": 5}") else {
//!     panic!("not a document")
//! };
//! assert_eq!(message, "docs.jsonl:2:1: \"text\" is not a string: expected an object such as {\"id\": 1, \"text\": \"...\"}");
//! ```

use crate::span::line_col;
use crate::{Date, Error};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// One line of a JSON Lines input, read.
pub enum Line<'a> {
    /// Blank (white space only): no document.
    Blank,
    /// A document.
    Doc(Document<'a>),
    /// Not a document: the message, located.
    Bad(String),
}

/// Reads line `number` of the input `name`, which starts at byte `offset`.
pub fn line<'a>(name: &str, number: usize, offset: usize, bytes: &'a [u8]) -> Line<'a> {
    // A byte order mark may start the first line; it is not part of the JSON.
    let bom = if number == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = &bytes[bom..];
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Line::Blank;
    }
    let line = match std::str::from_utf8(bytes) {
        Ok(l) => l,
        Err(e) => {
            let e = Error::invalid_utf8(name, bytes, offset + bom, e.valid_up_to(), number);
            return Line::Bad(e.to_string());
        }
    };
    match document(line) {
        Ok(doc) => Line::Doc(doc),
        Err((col, problem)) => Line::Bad(format!("{name}:{number}:{col}: {problem}")),
    }
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
    fn lines_blank_bom_and_invalid_utf8() {
        assert!(matches!(line("d.jsonl", 3, 40, b" \t "), Line::Blank));
        let Line::Doc(d) = line("d.jsonl", 1, 0, b"\xEF\xBB\xBF{\"text\": \"5%\"}") else {
            panic!("a document after the BOM")
        };
        assert_eq!(d.text, "5%");
        let Line::Bad(m) = line("d.jsonl", 2, 10, b"{\"text\": \"\xff\"}") else {
            panic!("invalid UTF-8")
        };
        assert_eq!(
            m,
            "d.jsonl:2:11: invalid UTF-8 at byte 20: expected UTF-8 text"
        );
        let Line::Bad(m) = line("d.jsonl", 4, 0, b"nope") else {
            panic!("not JSON")
        };
        assert!(m.starts_with("d.jsonl:4:2: invalid JSON"), "{m}");
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
