//! The crate's error type: an opaque [`Error`] with an [`ErrorKind`] and an
//! optional [`Location`].

use std::fmt;

/// Where an error happened: a byte span in a text, and optionally a file,
/// line and column (1-based, columns counted in chars).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The file or input name, when known.
    pub path: Option<String>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in chars, when known.
    pub column: Option<usize>,
    /// Byte offset of the start of the offending input, when known.
    pub start: Option<usize>,
    /// Byte offset one past the end of the offending input, when known.
    pub end: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(p) = &self.path {
            parts.push(p.clone());
        }
        if let Some(l) = self.line {
            parts.push(l.to_string());
            if let Some(c) = self.column {
                parts.push(c.to_string());
            }
        } else if let Some(s) = self.start {
            parts.push(format!("byte {s}"));
        }
        write!(f, "{}", parts.join(":"))
    }
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input was empty where a figure was expected.
    #[error("empty input: expected a number")]
    Empty,
    /// The input does not start with a number.
    #[error("invalid number {found:?}: expected digits or a Chinese numeral")]
    ExpectedNumber {
        /// The offending input (shortened).
        found: String,
    },
    /// A figure was read but input was left over.
    #[error("unexpected {rest:?} after the number: expected the end of the input")]
    TrailingInput {
        /// What was left over (shortened).
        rest: String,
    },
    /// A grouping separator was not followed by three digits.
    #[error("invalid number {found:?}: expected three digits after ','")]
    DigitAfterSeparator {
        /// The offending input (shortened).
        found: String,
    },
    /// The value does not fit `rust_decimal::Decimal` (about ±7.9e28, 28 places).
    #[error(
        "amount {text:?} is out of range: expected at most 28 significant digits and a magnitude below 7.9e28"
    )]
    Overflow {
        /// The figure as written.
        text: String,
    },
    /// A division by zero in a fraction.
    #[error("fraction {text:?} divides by zero")]
    DivisionByZero {
        /// The figure as written.
        text: String,
    },
    /// A currency code that is not ISO 4217.
    #[error("unknown currency {found:?}: expected an ISO 4217 code such as USD")]
    UnknownCurrency {
        /// The offending code.
        found: String,
    },
    /// A date that is not an ISO date or does not exist.
    #[error("invalid date {found:?}: expected an ISO date YYYY-MM-DD")]
    InvalidDate {
        /// The offending text.
        found: String,
    },
    /// A CSV file without any header row.
    #[error("empty file: expected a header row with columns {expected}")]
    EmptyFile {
        /// The columns the file needs.
        expected: String,
    },
    /// A file read as a CSV table that is something else (JSON, HTML, a
    /// binary file, another separator).
    #[error(
        "not a CSV table: looks like {looks_like}: expected a comma-separated header row with columns {expected}"
    )]
    NotCsv {
        /// What the file looks like.
        looks_like: String,
        /// The columns the file needs.
        expected: String,
    },
    /// More problems in one file than are listed one by one.
    #[error("{more} more problems in this file are not listed (the first {shown} are)")]
    MoreProblems {
        /// Problems not listed.
        more: usize,
        /// Problems listed.
        shown: usize,
    },
    /// A required column is missing from the header.
    #[error("missing column {column:?}: expected columns {expected}")]
    MissingColumn {
        /// The missing column.
        column: String,
        /// The columns the file needs.
        expected: String,
    },
    /// A column appears twice in the header.
    #[error("duplicate column {column:?}: expected each column once")]
    DuplicateColumn {
        /// The repeated column.
        column: String,
    },
    /// A column figcheck does not use (a warning: the column is ignored).
    #[error("unknown column {column:?} is ignored: expected columns {expected}")]
    UnknownColumn {
        /// The column.
        column: String,
        /// The columns figcheck reads.
        expected: String,
    },
    /// A row with more or fewer fields than the header.
    #[error("row has {found} fields: expected {expected} like the header")]
    FieldCount {
        /// Fields in the row.
        found: usize,
        /// Fields in the header.
        expected: usize,
    },
    /// A required field is empty.
    #[error("empty {column}: expected a value")]
    EmptyField {
        /// The column.
        column: String,
    },
    /// An amount that is not an exact decimal.
    #[error("invalid amount {found:?}: expected {expected}")]
    InvalidAmount {
        /// The offending text.
        found: String,
        /// What was expected instead.
        expected: String,
    },
    /// A scale word figcheck does not know.
    #[error("unknown scale {found:?}: expected thousand, million, billion, trillion, 万 or 亿")]
    UnknownScale {
        /// The offending text.
        found: String,
    },
    /// A unit that is neither a currency code nor `%`.
    #[error("unknown unit {found:?}: expected an ISO 4217 code such as USD, or %")]
    UnknownUnit {
        /// The offending text.
        found: String,
    },
    /// Rows give different values for one entity, metric and period (or
    /// one FX pair and date): all of them are left out.
    #[error("rows for {key} disagree (lines {lines}): none of them is used")]
    ConflictingRows {
        /// entity / metric / period, or base/quote / date.
        key: String,
        /// The lines of all the rows for that key.
        lines: String,
    },
    /// One filing gives two values for one figure: neither is used.
    #[error("the {filing} gives {key} twice, as {values}: none of them is used")]
    ConflictingFacts {
        /// entity / metric / period.
        key: String,
        /// The form and accession number.
        filing: String,
        /// The values given.
        values: String,
    },
    /// Two vintages of one filer's companyfacts give different values for
    /// the same filings (a warning: the newer file's are used).
    #[error(
        "{count} values differ from {newer} for the same filings: the newer file's values are used"
    )]
    Superseded {
        /// How many values.
        count: usize,
        /// The newer file.
        newer: String,
    },
    /// A row repeated with the same value (a warning: it is kept once).
    #[error(
        "repeated row for {key} with the same value is kept once: first given on line {first_line}"
    )]
    RepeatedRow {
        /// entity / metric / period, or base/quote / date.
        key: String,
        /// Line of the first row.
        first_line: usize,
    },
    /// The header row again, further down (two files pasted together): a
    /// warning, the row is skipped.
    #[error("repeated header row is skipped: the header is on line {first_line}")]
    RepeatedHeader {
        /// Line of the header.
        first_line: usize,
    },
    /// A company (ledger entity) a check was to be limited to that the
    /// ledger does not hold.
    #[error("no company {name:?} in the ledger: expected one of its companies ({known})")]
    UnknownEntity {
        /// The name as given.
        name: String,
        /// A few of the ledger's entities, quoted, and how many more ("it
        /// has none" for an empty ledger).
        known: String,
    },
    /// An alias kind other than `entity` or `metric`.
    #[error("unknown kind {found:?}: expected entity or metric")]
    UnknownAliasKind {
        /// The offending text.
        found: String,
    },
    /// An FX rate that is not a positive decimal.
    #[error("invalid rate {found:?}: expected a positive decimal")]
    InvalidRate {
        /// The offending text.
        found: String,
    },
    /// The CSV structure itself is broken (e.g. an unterminated quote).
    #[error("malformed CSV: {message}")]
    Csv {
        /// What the CSV reader said.
        message: String,
    },
    /// A file could not be read.
    #[error("cannot read: {message}")]
    Io {
        /// What the OS said.
        message: String,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset}: expected UTF-8 text")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A period whose end comes before its start.
    #[error("period ends {end}, before its start {start}: expected a start on or before the end")]
    EndBeforeStart {
        /// The start as written.
        start: String,
        /// The end as written.
        end: String,
    },
    /// A CIK that is not a number.
    #[error("invalid CIK {found:?}: expected digits such as 320193")]
    InvalidCik {
        /// The offending text.
        found: String,
    },
    /// The JSON text itself is broken (truncated, a missing comma …).
    #[error("malformed JSON: {message}")]
    Json {
        /// What the JSON parser said.
        message: String,
    },
    /// JSON that is not an SEC companyfacts document.
    #[error(
        "not companyfacts JSON: {found}: expected an object with \"cik\", \"entityName\" and \"facts\""
    )]
    NotCompanyfacts {
        /// What was found instead.
        found: String,
    },
    /// One fact of a companyfacts file that cannot be used.
    #[error("fact {at}: {problem}")]
    BadFact {
        /// Where in the JSON: `facts.us-gaap.Revenues.units.USD[3]`.
        at: String,
        /// What is wrong, and what was expected.
        problem: String,
    },
}

/// The error type of figcheck: an [`ErrorKind`] plus where it happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    inner: Box<(ErrorKind, Location)>,
}

impl Error {
    /// The error for invalid UTF-8 in `bytes` of the input `name`, which
    /// start at byte `base` and on line `line` of it, and whose first `valid`
    /// bytes are valid (as `Utf8Error::valid_up_to` says): the offset, line
    /// and column of the first bad byte.
    pub fn invalid_utf8(name: &str, bytes: &[u8], base: usize, valid: usize, line: usize) -> Self {
        let prefix = String::from_utf8_lossy(&bytes[..valid.min(bytes.len())]);
        let (l, c) = crate::span::line_col(&prefix, prefix.len());
        let offset = base + valid;
        Error::at(ErrorKind::InvalidUtf8 { offset }, offset, offset + 1)
            .with_path(name)
            .with_line_col(line + l - 1, c)
    }

    /// Creates an error of `kind` without a location.
    pub fn new(kind: ErrorKind) -> Self {
        Error {
            inner: Box::new((kind, Location::default())),
        }
    }

    /// Creates an error of `kind` covering bytes `start..end` of a text.
    pub fn at(kind: ErrorKind, start: usize, end: usize) -> Self {
        let loc = Location {
            start: Some(start),
            end: Some(end),
            ..Location::default()
        };
        Error {
            inner: Box::new((kind, loc)),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.0
    }

    /// Where it went wrong.
    pub fn location(&self) -> &Location {
        &self.inner.1
    }

    /// Returns the error with its location's file name set.
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.inner.1.path = Some(path.into());
        self
    }

    /// Returns the error with its location's line and column set.
    pub fn with_line_col(mut self, line: usize, column: usize) -> Self {
        self.inner.1.line = Some(line);
        self.inner.1.column = Some(column);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loc = self.location().to_string();
        if loc.is_empty() {
            write!(f, "{}", self.kind())
        } else {
            write!(f, "{loc}: {}", self.kind())
        }
    }
}

impl std::error::Error for Error {}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

/// Shortens `s` to at most 40 chars for messages.
pub(crate) fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_puts_place_first() {
        let e = Error::new(ErrorKind::UnknownCurrency {
            found: "XYZ".into(),
        })
        .with_path("ledger.csv")
        .with_line_col(14, 3);
        assert_eq!(
            e.to_string(),
            "ledger.csv:14:3: unknown currency \"XYZ\": expected an ISO 4217 code such as USD"
        );
        let e = Error::at(ErrorKind::InvalidUtf8 { offset: 7 }, 7, 8);
        assert_eq!(
            e.to_string(),
            "byte 7: invalid UTF-8 at byte 7: expected UTF-8 text"
        );
        assert_eq!(
            Error::new(ErrorKind::Empty).to_string(),
            "empty input: expected a number"
        );
    }

    #[test]
    fn shorten_long_input() {
        assert_eq!(shorten("abc"), "abc");
        assert_eq!(shorten(&"x".repeat(50)).chars().count(), 41);
    }
}

/// Every problem of one input, each located: what the strict loaders
/// ([`crate::Ledger::from_csv`], [`crate::Ledger::load`],
/// [`crate::Aliases::from_csv`], [`crate::FxRates::from_csv`] …) return, one
/// error type usable with `?`. It derefs to the slice of errors; `Display`
/// writes one per line.
///
/// ```
/// fn load() -> Result<figcheck::Ledger, Box<dyn std::error::Error>> {
///     Ok(figcheck::Ledger::from_csv("entity,metric,period,value,unit\nA,cash,2024-13-01,1,USD\n", "l.csv")?)
/// }
/// let e = load().unwrap_err();
/// assert!(e.to_string().starts_with("l.csv:2:"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Errors(pub Vec<Error>);

impl std::ops::Deref for Errors {
    type Target = [Error];
    fn deref(&self) -> &[Error] {
        &self.0
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

impl From<Vec<Error>> for Errors {
    fn from(v: Vec<Error>) -> Errors {
        Errors(v)
    }
}

impl From<Errors> for Vec<Error> {
    fn from(e: Errors) -> Vec<Error> {
        e.0
    }
}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
