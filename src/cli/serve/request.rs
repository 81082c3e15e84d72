//! The body of `POST /api/extract` and `POST /api/check`, read and
//! validated into a [`Job`] before any work is queued.
//!
//! ```text
//! {"text": "…", "date": "2025-01-21", "id": "a1", "currency_hint": "USD",
//!  "ledger": "data/ledger.csv", "companies": ["SoftBank Group"],
//!  "input": "text" | "html",
//!  "format": "json" | "html" | "markdown" | "csv" | "text"}
//! ```
//!
//! `companies` limits a check to those companies of the ledger (claims
//! about others are unverifiable); the names are checked against the
//! request's ledger when the check runs (`Checker::limit`).
//!
//! Only `text` is required. Unknown fields are refused (a misspelt
//! `"curency_hint"` would otherwise be ignored in silence). Every message
//! says where (`request body:LINE:COLUMN` when there is a place), what is
//! wrong, and what was expected.

use crate::config::Format;
use figcheck::{Currency, Date, Error, Extractor};
use serde::Deserialize;

/// Which endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Extract,
    Check,
}

/// How the `text` is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Input {
    /// As it is (plain text or Markdown).
    Text,
    /// As HTML: its visible text is checked.
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FormatField {
    Json,
    Html,
    Markdown,
    Csv,
    Text,
}

/// The fields of a request.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
    text: Option<String>,
    id: Option<serde_json::Value>,
    date: Option<String>,
    currency_hint: Option<String>,
    ledger: Option<String>,
    companies: Option<serde_json::Value>,
    input: Option<Input>,
    format: Option<FormatField>,
}

/// A request, validated.
#[derive(Debug)]
pub struct Job {
    pub kind: Kind,
    pub text: String,
    /// As given: a string, a number, or null.
    pub id: serde_json::Value,
    pub date: Option<Date>,
    /// With the request's currency hint.
    pub extractor: Extractor,
    /// Which of the server's ledgers.
    pub ledger: usize,
    /// The companies of that ledger the check is limited to (none: all).
    pub companies: Vec<String>,
    pub input: Input,
    pub format: Format,
}

impl Job {
    /// The document's name in text and HTML renderings: its id, or "article".
    pub fn label(&self) -> String {
        match &self.id {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => "article".to_string(),
            v => v.to_string(),
        }
    }
}

const EXPECTED: &str = "expected an object such as {\"text\": \"...\"}";
const PLACE: &str = "request body";

/// Reads a request body; `ledgers` are the names a `"ledger"` may give.
///
/// # Errors
/// The message of a 400 answer.
pub fn parse(body: &[u8], kind: Kind, ledgers: &[&str]) -> Result<Job, String> {
    let json = std::str::from_utf8(body)
        .map_err(|e| Error::invalid_utf8(PLACE, body, 0, e.valid_up_to(), 1).to_string())?;
    let first = json.find(|c: char| !c.is_ascii_whitespace());
    match first {
        None => return Err(format!("{PLACE}: empty: {EXPECTED}")),
        Some(i) if !json[i..].starts_with('{') => {
            // Still tell apart broken JSON from well-formed JSON of the wrong shape.
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(json) {
                Err(e) => json_error(json, &e),
                Ok(_) => {
                    let (line, col) = figcheck::span::line_col(json, i);
                    format!("{PLACE}:{line}:{col}: not a JSON object: {EXPECTED}")
                }
            });
        }
        Some(_) => {}
    }
    let b: Body = serde_json::from_str(json).map_err(|e| json_error(json, &e))?;
    let Some(text) = b.text else {
        return Err(format!("{PLACE}: no \"text\" string: {EXPECTED}"));
    };
    let id = match b.id {
        None | Some(serde_json::Value::Null) => serde_json::Value::Null,
        Some(v @ (serde_json::Value::String(_) | serde_json::Value::Number(_))) => v,
        Some(_) => {
            return Err(format!(
                "{PLACE}: \"id\" is not a string or number: expected a string, a number or no \"id\""
            ));
        }
    };
    let date = match b.date {
        None => None,
        Some(d) => Some(
            d.parse::<Date>()
                .map_err(|e| format!("{PLACE}: \"date\": {}", e.kind()))?,
        ),
    };
    let mut extractor = Extractor::builder();
    if let Some(code) = b.currency_hint {
        let c = Currency::from_code(&code)
            .map_err(|e| format!("{PLACE}: \"currency_hint\": {}", e.kind()))?;
        extractor = extractor.currency_hint(c);
    }
    let ledger = match b.ledger {
        None => 0,
        Some(name) => ledgers.iter().position(|l| *l == name).ok_or_else(|| {
            let known: Vec<String> = ledgers.iter().map(|l| format!("{l:?}")).collect();
            format!(
                "{PLACE}: \"ledger\": no ledger {name:?} on this server: expected one of {}",
                known.join(", ")
            )
        })?,
    };
    let companies = match b.companies {
        None | Some(serde_json::Value::Null) => Vec::new(),
        Some(serde_json::Value::Array(names)) => {
            let mut v = Vec::with_capacity(names.len());
            for (i, n) in names.into_iter().enumerate() {
                match n {
                    serde_json::Value::String(s) if !s.trim().is_empty() => v.push(s),
                    serde_json::Value::String(_) => {
                        return Err(format!(
                            "{PLACE}: \"companies\"[{i}]: empty: expected a company name of the ledger"
                        ));
                    }
                    other => {
                        return Err(format!(
                            "{PLACE}: \"companies\"[{i}]: {} is not a string: expected a company name of the ledger",
                            json_kind(&other)
                        ));
                    }
                }
            }
            v
        }
        Some(other) => {
            return Err(format!(
                "{PLACE}: \"companies\": {} is not an array: expected an array of company names such as [\"SoftBank Group\"]",
                json_kind(&other)
            ));
        }
    };
    if kind == Kind::Extract && !companies.is_empty() {
        return Err(format!(
            "{PLACE}: \"companies\": limits a check: expected it only for /api/check"
        ));
    }
    let format = match (kind, b.format.unwrap_or(FormatField::Json)) {
        (_, FormatField::Json) => Format::Json,
        (_, FormatField::Text) => Format::Text,
        (Kind::Check, FormatField::Html) => Format::Html,
        (Kind::Check, FormatField::Markdown) => Format::Markdown,
        (Kind::Check, FormatField::Csv) => Format::Csv,
        (Kind::Extract, f) => {
            return Err(format!(
                "{PLACE}: \"format\": {:?} is a report format, for /api/check: expected \"json\" or \"text\"",
                format!("{f:?}").to_lowercase()
            ));
        }
    };
    Ok(Job {
        kind,
        text,
        id,
        date,
        extractor: extractor.build(),
        ledger,
        companies,
        input: b.input.unwrap_or(Input::Text),
        format,
    })
}

/// "a string", "a number", …: what a JSON value is, for messages.
fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// "request body:LINE:COLUMN: invalid JSON (…): expected …", with the
/// column in chars (serde_json counts bytes).
fn json_error(json: &str, e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let detail = full.strip_suffix(&suffix).unwrap_or(&full);
    let problem = if e.is_data() {
        "invalid request"
    } else {
        "invalid JSON"
    };
    if e.line() == 0 {
        return format!("{PLACE}: {problem} ({detail}): {EXPECTED}");
    }
    let line = json.split('\n').nth(e.line() - 1).unwrap_or("");
    let mut bytes = e.column().saturating_sub(1).min(line.len());
    while !line.is_char_boundary(bytes) {
        bytes -= 1;
    }
    let col = line[..bytes].chars().count() + 1;
    format!(
        "{PLACE}:{}:{col}: {problem} ({detail}): {EXPECTED}",
        e.line()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEDGERS: &[&str] = &["data/ledger.csv", "other.csv"];

    fn job(body: &str) -> Result<Job, String> {
        parse(body.as_bytes(), Kind::Check, LEDGERS)
    }

    fn message(body: &[u8], kind: Kind) -> String {
        match parse(body, kind, LEDGERS) {
            Ok(j) => panic!("accepted: {j:?}"),
            Err(m) => m,
        }
    }

    #[test]
    fn fields_and_defaults() {
        let j = job(r#"{"text": "软银 5000 亿美元"}"#).expect("valid");
        assert_eq!(j.text, "软银 5000 亿美元");
        assert_eq!(j.id, serde_json::Value::Null);
        assert_eq!(j.label(), "article");
        assert_eq!((j.date, j.ledger, j.input), (None, 0, Input::Text));
        assert_eq!(j.format, Format::Json);
        let j = job(
            r#"{"text": "$5", "id": 7.50, "date": "2025-01-21", "currency_hint": "hkd",
                "ledger": "other.csv", "input": "html", "format": "markdown"}"#,
        )
        .expect("valid");
        // the id's number exactly as written
        assert_eq!(j.id.to_string(), "7.50");
        assert_eq!(j.label(), "7.50");
        assert_eq!(j.date.map(|d| d.to_string()).as_deref(), Some("2025-01-21"));
        assert_eq!(
            (j.ledger, j.input, j.format),
            (1, Input::Html, Format::Markdown)
        );
        assert!(j.companies.is_empty());
        let two = job(r#"{"text": "a", "companies": ["SoftBank Group", "Arm Holdings"]}"#)
            .expect("valid");
        assert_eq!(two.companies, ["SoftBank Group", "Arm Holdings"]);
        for none in [
            r#"{"text": "a", "companies": null}"#,
            r#"{"text": "a", "companies": []}"#,
        ] {
            assert!(job(none).expect("valid").companies.is_empty());
        }
        let claims: Vec<_> = j.extractor.claims("$5").flatten().collect();
        assert_eq!(
            claims[0].amount().currency(),
            Currency::from_code("HKD").ok()
        );
        let j = job(r#"{"text": "", "id": "a1", "date": null, "format": "csv"}"#).expect("valid");
        assert_eq!(
            (j.label().as_str(), j.date, j.format),
            ("a1", None, Format::Csv)
        );
    }

    #[test]
    fn bad_bodies_are_named() {
        let m = |b: &str| message(b.as_bytes(), Kind::Check);
        assert_eq!(
            message(b"{\"text\": \"a\xffb\"}", Kind::Check),
            "request body:1:12: invalid UTF-8 at byte 11: expected UTF-8 text"
        );
        assert_eq!(
            m("{\"text\": \"5亿\",\n \"id\": }"),
            "request body:2:8: invalid JSON (expected value): expected an object such as {\"text\": \"...\"}"
        );
        assert_eq!(
            m(r#"{"text": "a""#),
            "request body:1:12: invalid JSON (EOF while parsing an object): expected an object such as {\"text\": \"...\"}"
        );
        assert_eq!(
            m("  [\"text\"]"),
            "request body:1:3: not a JSON object: expected an object such as {\"text\": \"...\"}"
        );
        assert_eq!(
            m(" \n "),
            "request body: empty: expected an object such as {\"text\": \"...\"}"
        );
        assert_eq!(
            m(r#"{"id": 1}"#),
            "request body: no \"text\" string: expected an object such as {\"text\": \"...\"}"
        );
        assert_eq!(
            m(r#"{"text": null}"#),
            "request body: no \"text\" string: expected an object such as {\"text\": \"...\"}"
        );
        assert_eq!(
            m(r#"{"text": 5}"#),
            "request body:1:10: invalid request (invalid type: integer `5`, expected a string): expected an object such as {\"text\": \"...\"}"
        );
        assert_eq!(
            m(r#"{"text": "a", "curency_hint": "USD"}"#),
            "request body:1:28: invalid request (unknown field `curency_hint`, expected one of `text`, `id`, `date`, `currency_hint`, `ledger`, `companies`, `input`, `format`): expected an object such as {\"text\": \"...\"}"
        );
        assert_eq!(
            m(r#"{"text": "a", "date": "2025-02-30"}"#),
            "request body: \"date\": invalid date \"2025-02-30\": expected an ISO date YYYY-MM-DD"
        );
        assert_eq!(
            m(r#"{"text": "a", "id": [1]}"#),
            "request body: \"id\" is not a string or number: expected a string, a number or no \"id\""
        );
        assert_eq!(
            m(r#"{"text": "a", "currency_hint": "XYZ"}"#),
            "request body: \"currency_hint\": unknown currency \"XYZ\": expected an ISO 4217 code such as USD"
        );
        assert_eq!(
            m(r#"{"text": "a", "ledger": "x.csv"}"#),
            "request body: \"ledger\": no ledger \"x.csv\" on this server: expected one of \"data/ledger.csv\", \"other.csv\""
        );
        assert_eq!(
            m(r#"{"text": "a", "companies": "SoftBank Group"}"#),
            "request body: \"companies\": a string is not an array: expected an array of company names such as [\"SoftBank Group\"]"
        );
        assert_eq!(
            m(r#"{"text": "a", "companies": {"name": "x"}}"#),
            "request body: \"companies\": an object is not an array: expected an array of company names such as [\"SoftBank Group\"]"
        );
        assert_eq!(
            m(r#"{"text": "a", "companies": ["SoftBank Group", 7]}"#),
            "request body: \"companies\"[1]: a number is not a string: expected a company name of the ledger"
        );
        assert_eq!(
            m(r#"{"text": "a", "companies": [" "]}"#),
            "request body: \"companies\"[0]: empty: expected a company name of the ledger"
        );
        assert_eq!(
            message(br#"{"text": "a", "companies": ["x"]}"#, Kind::Extract),
            "request body: \"companies\": limits a check: expected it only for /api/check"
        );
        assert!(m(r#"{"text": "a", "format": "pdf"}"#).contains("unknown variant `pdf`"));
        assert_eq!(
            message(br#"{"text": "a", "format": "html"}"#, Kind::Extract),
            "request body: \"format\": \"html\" is a report format, for /api/check: expected \"json\" or \"text\""
        );
        assert!(
            parse(
                br#"{"text": "a", "format": "text"}"#,
                Kind::Extract,
                LEDGERS
            )
            .is_ok()
        );
    }
}
