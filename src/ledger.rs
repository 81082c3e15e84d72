//! The ledger of reported figures, entity/metric aliases and FX rates, loaded
//! from CSV files.
//!
//! All three loaders read the whole file, check every row and return every
//! problem at once (file, line and column each), so a user can fix a file in
//! one pass. Nothing is dropped silently: a row is either loaded or reported.

use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::fold::fold;
use crate::normalize::Currency;
use crate::span::Positions;
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

/// What a ledger value is measured in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
#[non_exhaustive]
pub enum Unit {
    /// A currency amount.
    Currency(Currency),
    /// A percentage or ratio, in percent.
    Percent,
}

impl From<Unit> for String {
    fn from(u: Unit) -> String {
        u.to_string()
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unit::Currency(c) => write!(f, "{c}"),
            Unit::Percent => f.write_str("%"),
        }
    }
}

/// One reported figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerRow {
    /// The entity as the ledger names it ("SoftBank Group").
    pub entity: String,
    /// The metric as the ledger names it ("cash and cash equivalents").
    pub metric: String,
    /// As-of or period-end date.
    pub period: Date,
    /// The full value (scale applied), exact.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Currency or percent.
    pub unit: Unit,
    /// Where the figure comes from.
    pub source: Option<String>,
    /// A free note.
    pub note: Option<String>,
    /// Line in the ledger file (1-based).
    pub line: usize,
}

/// Where a record is: its byte offset in the file's text and its line.
#[derive(Clone, Copy, Debug)]
struct At {
    pos: usize,
    line: usize,
}

/// The header of a CSV file, with helpers for located errors.
struct Csv<'a> {
    path: &'a str,
    text: &'a str,
    /// Column name → index.
    cols: HashMap<String, usize>,
    /// The header's names, trimmed and lowercased (to spot a repeated header).
    names: Vec<String>,
    header_line: usize,
    width: usize,
}

/// The records after the header, read one at a time (a million-row ledger is
/// never held as records, only as the rows made of them).
struct Rows<'a> {
    rdr: csv::Reader<&'a [u8]>,
    rec: csv::StringRecord,
    /// Bytes of byte order mark before the reader's input.
    bom: usize,
    positions: Positions<'a>,
}

/// 1-based (line, column) of byte `i` of `text`, which is at or after the
/// record at `at` (only the text between them is scanned).
fn line_col_after(text: &str, at: At, i: usize) -> (usize, usize) {
    let i = i.min(text.len());
    let start = at.pos.min(i);
    let line = at.line + memchr::memchr_iter(b'\n', &text.as_bytes()[start..i]).count();
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..i]).map_or(0, |n| n + 1);
    let mut i = i;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    let mut col = text[line_start.min(i)..i].chars().count() + 1;
    // a byte order mark is not a column
    if line_start == 0 && text.starts_with('\u{feff}') && i >= 3 {
        col -= 1;
    }
    (line, col)
}

/// The text with every lone CR (old Mac line ends, which the CSV reader
/// takes as line ends) made a LF, so that line numbers count them too. The
/// length and every offset stay the same.
fn lone_cr_to_lf(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let lone = |i: usize| b.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', b).any(lone) {
        return Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    for i in memchr::memchr_iter(b'\r', b) {
        if lone(i) {
            out[i] = b'\n';
        }
    }
    // only ASCII bytes changed
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// 1-based (line, column) of the start of field `field` of the record at `at`.
fn field_position(text: &str, at: At, field: usize) -> (usize, usize) {
    let start = at.pos.min(text.len());
    let mut i = start;
    let mut n = 0;
    let mut quoted = false;
    for (j, b) in text.as_bytes()[start..].iter().enumerate() {
        if n == field {
            break;
        }
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => {
                n += 1;
                i = start + j + 1;
            }
            b'\n' if !quoted => break,
            _ => {}
        }
    }
    line_col_after(text, at, i)
}

impl<'a> Csv<'a> {
    fn at(&self, kind: ErrorKind, at: At, field: usize) -> Error {
        let (l, c) = field_position(self.text, at, field);
        Error::new(kind).with_path(self.path).with_line_col(l, c)
    }

    /// Reads the header of a CSV text, which must contain `required` (and
    /// may contain `optional`); unknown columns are warned about and ignored.
    /// `None` (with the errors) when the file cannot be read as such a table.
    fn read(
        text: &'a str,
        path: &'a str,
        required: &[&str],
        optional: &[&str],
        errors: &mut Vec<Error>,
        warnings: &mut Vec<Error>,
    ) -> Option<(Csv<'a>, Rows<'a>)> {
        let expected = required.join(", ");
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let bom = text.len() - body.len();
        let empty = || {
            Error::new(ErrorKind::EmptyFile {
                expected: expected.clone(),
            })
            .with_path(path)
            .with_line_col(1, 1)
        };
        if body.trim().is_empty() {
            errors.push(empty());
            return None;
        }
        let rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(body.as_bytes());
        let mut rows = Rows {
            rdr,
            rec: csv::StringRecord::new(),
            bom,
            positions: Positions::new(text),
        };
        let Some(hdr) = rows.next_raw(text, path, errors) else {
            if errors.is_empty() {
                errors.push(empty());
            }
            return None;
        };
        let header: Vec<String> = rows.rec.iter().map(|f| f.trim().to_string()).collect();
        let mut cols = HashMap::new();
        let mut names = Vec::with_capacity(header.len());
        let mut ok = true;
        let all: Vec<&str> = required.iter().chain(optional).copied().collect();
        for (i, h) in header.iter().enumerate() {
            let name = h.trim_start_matches('\u{feff}').to_ascii_lowercase();
            names.push(name.clone());
            if cols.contains_key(&name) {
                let (l, c) = field_position(text, hdr, i);
                errors.push(
                    Error::new(ErrorKind::DuplicateColumn {
                        column: name.clone(),
                    })
                    .with_path(path)
                    .with_line_col(l, c),
                );
                ok = false;
                continue;
            }
            if !all.contains(&name.as_str()) {
                let (l, c) = field_position(text, hdr, i);
                warnings.push(
                    Error::new(ErrorKind::UnknownColumn {
                        column: name.clone(),
                        expected: all.join(", "),
                    })
                    .with_path(path)
                    .with_line_col(l, c),
                );
            }
            cols.insert(name, i);
        }
        for r in required {
            if !cols.contains_key(*r) {
                errors.push(
                    Error::new(ErrorKind::MissingColumn {
                        column: r.to_string(),
                        expected: expected.clone(),
                    })
                    .with_path(path)
                    .with_line_col(hdr.line, 1),
                );
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let csv = Csv {
            path,
            text,
            cols,
            names,
            header_line: hdr.line,
            width: header.len(),
        };
        Some((csv, rows))
    }
}

impl Rows<'_> {
    /// The next record that is not blank, into `self.rec`; `None` at the end
    /// (or, with an error, when the CSV is malformed).
    fn next_raw(&mut self, text: &str, path: &str, errors: &mut Vec<Error>) -> Option<At> {
        loop {
            match self.rdr.read_record(&mut self.rec) {
                Ok(false) => return None,
                Ok(true) => {
                    if self.rec.iter().all(|f| f.trim().is_empty()) {
                        continue; // a blank line
                    }
                    let mut pos = self.rec.position().map_or(0, |p| p.byte() as usize) + self.bom;
                    // after a CRLF record the reader stands on the '\n'; the record starts after it
                    while text
                        .as_bytes()
                        .get(pos)
                        .is_some_and(|b| *b == b'\r' || *b == b'\n')
                    {
                        pos += 1;
                    }
                    let line = self.positions.at(pos).0;
                    return Some(At { pos, line });
                }
                Err(e) => {
                    let (line, col) = match e.position() {
                        Some(p) => crate::span::line_col(text, p.byte() as usize + self.bom),
                        None => (1, 1),
                    };
                    let message = match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
                        _ => e.to_string(),
                    };
                    errors.push(
                        Error::new(ErrorKind::Csv { message })
                            .with_path(path)
                            .with_line_col(line, col),
                    );
                    return None;
                }
            }
        }
    }

    /// The next data record, into `self.rec`: blank lines are skipped, and so
    /// is a repeat of the header (two files pasted together), with a warning.
    fn next(
        &mut self,
        csv: &Csv,
        errors: &mut Vec<Error>,
        warnings: &mut Vec<Error>,
    ) -> Option<At> {
        loop {
            let at = self.next_raw(csv.text, csv.path, errors)?;
            let repeated_header = self.rec.len() == csv.names.len()
                && self
                    .rec
                    .iter()
                    .zip(&csv.names)
                    .all(|(f, n)| f.trim().eq_ignore_ascii_case(n));
            if repeated_header {
                warnings.push(csv.at(
                    ErrorKind::RepeatedHeader {
                        first_line: csv.header_line,
                    },
                    at,
                    0,
                ));
                continue;
            }
            return Some(at);
        }
    }
}

/// Field `name` of a record, trimmed, or "" when the column is absent.
fn field<'r>(csv: &Csv, rec: &'r csv::StringRecord, name: &str) -> &'r str {
    csv.cols
        .get(name)
        .and_then(|&i| rec.get(i))
        .map_or("", str::trim)
}

/// Checks the field count of a record; returns false (with an error) when off.
fn check_width(csv: &Csv, rec: &csv::StringRecord, at: At, errors: &mut Vec<Error>) -> bool {
    if rec.len() != csv.width {
        errors.push(csv.at(
            ErrorKind::FieldCount {
                found: rec.len(),
                expected: csv.width,
            },
            at,
            0,
        ));
        return false;
    }
    true
}

/// A required non-empty field; records an error when empty.
fn required<'r>(
    csv: &Csv,
    rec: &'r csv::StringRecord,
    at: At,
    name: &str,
    errors: &mut Vec<Error>,
) -> Option<&'r str> {
    let v = field(csv, rec, name);
    if v.is_empty() {
        errors.push(csv.at(
            ErrorKind::EmptyField {
                column: name.to_string(),
            },
            at,
            csv.cols[name],
        ));
        return None;
    }
    Some(v)
}

/// Parses an exact decimal with optional `,` thousands separators, sign and
/// accounting parentheses: "1,234.5", "-12", "(3.5)".
///
/// # Errors
/// [`ErrorKind::InvalidAmount`] saying what was expected.
pub fn parse_decimal(s: &str) -> Result<Decimal, Error> {
    let bad = |expected: &str| {
        Error::new(ErrorKind::InvalidAmount {
            found: s.to_string(),
            expected: expected.to_string(),
        })
    };
    let mut t = s.trim();
    let mut neg = false;
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        neg = true;
        t = inner.trim();
    }
    if let Some(r) = t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
        neg = !neg;
        t = r;
    } else if let Some(r) = t.strip_prefix('+') {
        t = r;
    }
    if t.is_empty() {
        return Err(bad("digits"));
    }
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1 {
        if groups[0].is_empty() || groups[0].len() > 3 {
            return Err(bad("one to three digits before the first ','"));
        }
        if groups[1..].iter().any(|g| g.len() != 3) {
            return Err(bad("three digits after ','"));
        }
    }
    let digits: String = groups.concat();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad("an exact decimal such as 1234.5 or 1,234.5"));
    }
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("digits after '.'"));
        }
    }
    let plain = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    let v = Decimal::from_str_exact(&plain).map_err(|_| bad("at most 28 significant digits"))?;
    Ok(if neg { -v } else { v })
}

/// The multiplier of a ledger `scale` field.
///
/// # Errors
/// [`ErrorKind::UnknownScale`].
pub fn parse_scale(s: &str) -> Result<Decimal, Error> {
    let e = match s.trim().to_ascii_lowercase().as_str() {
        "" | "1" | "unit" | "units" | "one" | "ones" | "个" => 0,
        "thousand" | "thousands" | "k" | "千" => 3,
        "万" | "萬" | "ten thousand" => 4,
        "million" | "millions" | "m" | "mn" | "mln" | "百万" | "百萬" => 6,
        "千万" | "千萬" => 7,
        "亿" | "億" | "hundred million" => 8,
        "billion" | "billions" | "b" | "bn" | "bln" | "十亿" | "十億" => 9,
        "trillion" | "trillions" | "tn" | "万亿" | "萬億" | "兆" => 12,
        _ => {
            return Err(Error::new(ErrorKind::UnknownScale {
                found: s.trim().to_string(),
            }));
        }
    };
    Ok(crate::extract::numeral::pow10(e))
}

/// What is known of a ledger row that could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectedRow {
    /// The entity as written ("" when empty).
    pub entity: String,
    /// The metric as written ("" when empty).
    pub metric: String,
    /// The period, when it could be read.
    pub period: Option<Date>,
    /// Line in the ledger file (1-based).
    pub line: usize,
}

impl RejectedRow {
    fn of(row: &LedgerRow) -> RejectedRow {
        RejectedRow {
            entity: row.entity.clone(),
            metric: row.metric.clone(),
            period: Some(row.period),
            line: row.line,
        }
    }
}

/// Turns the good-looking fields of `T`'s partial load into a strict one:
/// any error fails the whole table.
fn strict<T>(r: Result<(T, Vec<Error>), Vec<Error>>) -> Result<T, Vec<Error>> {
    match r {
        Ok((t, errors)) if errors.is_empty() => Ok(t),
        Ok((_, errors)) | Err(errors) => Err(errors),
    }
}

/// An error at the start of line `line` of the file `path`.
fn at_line(kind: ErrorKind, path: &str, line: usize) -> Error {
    Error::new(kind).with_path(path).with_line_col(line, 1)
}

/// Reads one ledger record; `None` after recording its problems in `errors`.
fn ledger_row(
    csv: &Csv,
    rec: &csv::StringRecord,
    at: At,
    errors: &mut Vec<Error>,
) -> Option<LedgerRow> {
    if !check_width(csv, rec, at, errors) {
        return None;
    }
    let entity = required(csv, rec, at, "entity", errors);
    let metric = required(csv, rec, at, "metric", errors);
    let period = required(csv, rec, at, "period", errors).and_then(|p| match p.parse::<Date>() {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(csv.at(e.kind().clone(), at, csv.cols["period"]));
            None
        }
    });
    let value = required(csv, rec, at, "value", errors).and_then(|v| match parse_decimal(v) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(csv.at(e.kind().clone(), at, csv.cols["value"]));
            None
        }
    });
    let scale = match parse_scale(field(csv, rec, "scale")) {
        Ok(s) => Some(s),
        Err(e) => {
            errors.push(csv.at(e.kind().clone(), at, csv.cols["scale"]));
            None
        }
    };
    let unit = required(csv, rec, at, "unit", errors).and_then(|u| {
        if u == "%" || u.eq_ignore_ascii_case("percent") {
            Some(Unit::Percent)
        } else {
            match Currency::from_code(u) {
                Ok(c) => Some(Unit::Currency(c)),
                Err(e) => {
                    errors.push(csv.at(e.kind().clone(), at, csv.cols["unit"]));
                    None
                }
            }
        }
    });
    let (entity, metric, period, value, scale, unit) =
        (entity?, metric?, period?, value?, scale?, unit?);
    let Some(value) = value.checked_mul(scale) else {
        errors.push(csv.at(
            ErrorKind::Overflow {
                text: field(csv, rec, "value").to_string(),
            },
            at,
            csv.cols["value"],
        ));
        return None;
    };
    let opt = |name: &str| Some(field(csv, rec, name).to_string()).filter(|s| !s.is_empty());
    Some(LedgerRow {
        entity: entity.to_string(),
        metric: metric.to_string(),
        period,
        value,
        unit,
        source: opt("source"),
        note: opt("note"),
        line: at.line,
    })
}

/// Entity and metric names, folded, as small numbers: a million-row ledger
/// names a few thousand things, so rows are indexed by number, and each
/// distinct spelling is folded once.
#[derive(Clone, Debug, Default)]
struct Names {
    /// folded name → id
    folded: HashMap<String, usize>,
    /// name as written → id (while loading; emptied after)
    written: HashMap<String, usize>,
}

impl Names {
    /// The id of a name as written in the file.
    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.written.get(name) {
            return id;
        }
        let next = self.folded.len();
        let id = *self.folded.entry(fold(name)).or_insert(next);
        self.written.insert(name.to_string(), id);
        id
    }

    /// The id of a name, compared folded, if the ledger has it.
    fn get(&self, name: &str) -> Option<usize> {
        self.folded.get(&fold(name)).copied()
    }
}

/// The reported figures, indexed by (entity, metric).
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    rows: Vec<LedgerRow>,
    names: Names,
    /// (entity, metric) → row indices sorted by period
    index: HashMap<(usize, usize), Vec<usize>>,
    /// rows that could not be loaded, in file order
    rejected: Vec<RejectedRow>,
    /// (entity, metric) → indices into `rejected`
    rejected_index: HashMap<(usize, usize), Vec<usize>>,
    warnings: Vec<Error>,
}

const LEDGER_REQUIRED: &[&str] = &["entity", "metric", "period", "value", "unit"];
const LEDGER_OPTIONAL: &[&str] = &["scale", "source", "note"];

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Reads a file as UTF-8, with a located error when it is not.
fn read_utf8(path: &Path) -> Result<String, Error> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Error::new(ErrorKind::Io {
            // messages are lower case: "no such file or directory (os error 2)"
            message: lowercase_first(&e.to_string()),
        })
        .with_path(&name)
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        Error::invalid_utf8(&name, e.as_bytes(), 0, valid, 1)
    })
}

impl Ledger {
    /// Loads a ledger CSV file.
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn load(path: &Path) -> Result<Ledger, Vec<Error>> {
        let text = read_utf8(path).map_err(|e| vec![e])?;
        Ledger::from_csv(&text, &path.display().to_string())
    }

    /// Loads a ledger CSV file, keeping the good rows when some are bad.
    ///
    /// # Errors
    /// When the file cannot be used at all (unreadable, not UTF-8, empty, a
    /// required column missing): every such problem, located.
    pub fn load_partial(path: &Path) -> Result<(Ledger, Vec<Error>), Vec<Error>> {
        let text = read_utf8(path).map_err(|e| vec![e])?;
        Ledger::from_csv_partial(&text, &path.display().to_string())
    }

    /// Parses a ledger from CSV text; `path` names it in errors. Strict: any
    /// bad row fails the whole table (see [`Ledger::from_csv_partial`] to
    /// keep the good rows).
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    ///
    /// ```
    /// use figcheck::Ledger;
    /// let csv = "entity,metric,period,value,unit,scale\nSoftBank Group,cash,2024-09-30,\"3,542,000\",JPY,million\n";
    /// let ledger = Ledger::from_csv(csv, "ledger.csv").map_err(|e| e[0].clone())?;
    /// assert_eq!(ledger.rows()[0].value.to_string(), "3542000000000");
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    pub fn from_csv(text: &str, path: &str) -> Result<Ledger, Vec<Error>> {
        strict(Ledger::from_csv_partial(text, path))
    }

    /// Parses a ledger from CSV text, keeping every good row: the ledger of
    /// the rows that loaded, and an error for each row that did not (file,
    /// line and column). A bad row is never used, and neither is any row
    /// that another row for the same entity, metric and period contradicts;
    /// what is known of them stays in [`Ledger::rejected`], so that a claim
    /// they would have covered can say so.
    ///
    /// # Errors
    /// When the file cannot be used at all (empty, a required column missing
    /// or given twice): every such problem, located.
    ///
    /// ```
    /// use figcheck::Ledger;
    /// let csv = "entity,metric,period,value,unit\nArm,market value,2025-01-21,160000000000,USD\nArm,revenue,2025-01-21,lots,USD\n";
    /// let (ledger, errors) = Ledger::from_csv_partial(csv, "ledger.csv").map_err(|e| e[0].clone())?;
    /// assert_eq!(ledger.rows().len(), 1);
    /// assert_eq!(errors[0].to_string(), "ledger.csv:3:24: invalid amount \"lots\": expected an exact decimal such as 1234.5 or 1,234.5");
    /// assert_eq!(ledger.rejected()[0].line, 3);
    /// # Ok::<(), figcheck::Error>(())
    /// ```
    pub fn from_csv_partial(text: &str, path: &str) -> Result<(Ledger, Vec<Error>), Vec<Error>> {
        let text = &*lone_cr_to_lf(text);
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let Some((csv, mut records)) = Csv::read(
            text,
            path,
            LEDGER_REQUIRED,
            LEDGER_OPTIONAL,
            &mut errors,
            &mut warnings,
        ) else {
            return Err(errors);
        };
        let mut rows: Vec<LedgerRow> = Vec::new();
        let mut rejected: Vec<RejectedRow> = Vec::new();
        let mut names = Names::default();
        // (entity, metric) → its rows
        let mut index: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        while let Some(at) = records.next(&csv, &mut errors, &mut warnings) {
            let rec = &records.rec;
            let before = errors.len();
            let row = ledger_row(&csv, rec, at, &mut errors);
            let Some(row) = row.filter(|_| errors.len() == before) else {
                let period = field(&csv, rec, "period").parse::<Date>().ok();
                rejected.push(RejectedRow {
                    entity: field(&csv, rec, "entity").to_string(),
                    metric: field(&csv, rec, "metric").to_string(),
                    period,
                    line: at.line,
                });
                continue;
            };
            let key = (names.id(&row.entity), names.id(&row.metric));
            index.entry(key).or_default().push(rows.len());
            rows.push(row);
        }
        // rows for the same entity, metric and period: one kept when they
        // agree (a warning for each repeat), none when they disagree (an
        // error for each: which one is right is not for figcheck to guess)
        let mut dropped = vec![false; rows.len()];
        let mut any_dropped = false;
        for v in index.values_mut() {
            v.sort_by_key(|&i| (rows[i].period, rows[i].line));
            for run in v.chunk_by(|&i, &j| rows[i].period == rows[j].period) {
                let Some((&first, rest)) = run.split_first() else {
                    continue;
                };
                if rest.is_empty() {
                    continue;
                }
                any_dropped = true;
                let r0 = &rows[first];
                let key = format!("{} / {} / {}", r0.entity, r0.metric, r0.period);
                let agree = rest
                    .iter()
                    .all(|&i| rows[i].value == r0.value && rows[i].unit == r0.unit);
                if agree {
                    for &i in rest {
                        dropped[i] = true;
                        warnings.push(at_line(
                            ErrorKind::RepeatedRow {
                                key: key.clone(),
                                first_line: r0.line,
                            },
                            path,
                            rows[i].line,
                        ));
                    }
                } else {
                    let lines: Vec<String> =
                        run.iter().map(|&i| rows[i].line.to_string()).collect();
                    for &i in run {
                        dropped[i] = true;
                        rejected.push(RejectedRow::of(&rows[i]));
                        errors.push(at_line(
                            ErrorKind::ConflictingRows {
                                key: key.clone(),
                                lines: lines.join(", "),
                            },
                            path,
                            rows[i].line,
                        ));
                    }
                }
            }
        }
        if any_dropped {
            let mut kept = Vec::with_capacity(rows.len());
            for (row, dropped) in rows.into_iter().zip(&dropped) {
                if !dropped {
                    kept.push(row);
                }
            }
            rows = kept;
            index.clear();
            for (i, r) in rows.iter().enumerate() {
                index
                    .entry((names.id(&r.entity), names.id(&r.metric)))
                    .or_default()
                    .push(i);
            }
            for v in index.values_mut() {
                v.sort_by_key(|&i| rows[i].period);
            }
            // the messages in file order
            errors.sort_by_key(|e| e.location().line);
            warnings.sort_by_key(|e| e.location().line);
            rejected.sort_by_key(|r| r.line);
        }
        let mut rejected_index: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        for (i, r) in rejected.iter().enumerate() {
            rejected_index
                .entry((names.id(&r.entity), names.id(&r.metric)))
                .or_default()
                .push(i);
        }
        names.written = HashMap::new();
        let ledger = Ledger {
            rows,
            names,
            index,
            rejected,
            rejected_index,
            warnings,
        };
        Ok((ledger, errors))
    }

    /// The rows that could not be loaded (see [`Ledger::from_csv_partial`]),
    /// in file order.
    pub fn rejected(&self) -> &[RejectedRow] {
        &self.rejected
    }

    /// The rejected rows for one entity and metric (names compared folded).
    pub fn rejected_for(&self, entity: &str, metric: &str) -> Vec<&RejectedRow> {
        self.key(entity, metric)
            .and_then(|k| self.rejected_index.get(&k))
            .map(|v| v.iter().map(|&i| &self.rejected[i]).collect())
            .unwrap_or_default()
    }

    fn key(&self, entity: &str, metric: &str) -> Option<(usize, usize)> {
        Some((self.names.get(entity)?, self.names.get(metric)?))
    }

    /// All rows, in file order.
    pub fn rows(&self) -> &[LedgerRow] {
        &self.rows
    }

    /// Problems that did not stop loading (unknown columns, repeated identical rows).
    pub fn warnings(&self) -> &[Error] {
        &self.warnings
    }

    /// The rows for one entity and metric (names compared folded), oldest first.
    pub fn series(&self, entity: &str, metric: &str) -> Vec<&LedgerRow> {
        self.key(entity, metric)
            .and_then(|k| self.index.get(&k))
            .map(|v| v.iter().map(|&i| &self.rows[i]).collect())
            .unwrap_or_default()
    }

    /// All rows of one metric for any entity, and of any metric for one entity
    /// are reachable through [`Ledger::rows`]; this lists the distinct entity names.
    pub fn entities(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.rows.iter().map(|r| r.entity.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The distinct metric names.
    pub fn metrics(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.rows.iter().map(|r| r.metric.as_str()).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// Whether an alias names an entity or a metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    /// A company, fund, person or government.
    Entity,
    /// A measured quantity.
    Metric,
}

/// One alias: a surface form and the ledger name it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// Entity or metric.
    pub kind: AliasKind,
    /// The surface form as written in articles ("软银", "cash pile").
    pub alias: String,
    /// The ledger name ("SoftBank Group").
    pub canonical: String,
}

/// Alias table: surface forms of entity and metric names.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    entries: Vec<Alias>,
    warnings: Vec<Error>,
}

impl Aliases {
    /// Loads an aliases CSV file (`kind, alias, canonical`).
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn load(path: &Path) -> Result<Aliases, Vec<Error>> {
        let text = read_utf8(path).map_err(|e| vec![e])?;
        Aliases::from_csv(&text, &path.display().to_string())
    }

    /// Loads an aliases CSV file, keeping the good rows when some are bad.
    ///
    /// # Errors
    /// When the file cannot be used at all: every such problem, located.
    pub fn load_partial(path: &Path) -> Result<(Aliases, Vec<Error>), Vec<Error>> {
        let text = read_utf8(path).map_err(|e| vec![e])?;
        Aliases::from_csv_partial(&text, &path.display().to_string())
    }

    /// Parses an aliases table from CSV text. Strict: any bad row fails the
    /// whole table.
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn from_csv(text: &str, path: &str) -> Result<Aliases, Vec<Error>> {
        strict(Aliases::from_csv_partial(text, path))
    }

    /// Parses an aliases table from CSV text, keeping every good row and
    /// returning an error for each bad one.
    ///
    /// # Errors
    /// When the file cannot be used at all (empty, a required column missing
    /// or given twice): every such problem, located.
    pub fn from_csv_partial(text: &str, path: &str) -> Result<(Aliases, Vec<Error>), Vec<Error>> {
        let text = &*lone_cr_to_lf(text);
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let Some((csv, mut records)) = Csv::read(
            text,
            path,
            &["kind", "alias", "canonical"],
            &[],
            &mut errors,
            &mut warnings,
        ) else {
            return Err(errors);
        };
        let mut entries = Vec::new();
        while let Some(at) = records.next(&csv, &mut errors, &mut warnings) {
            let rec = &records.rec;
            if !check_width(&csv, rec, at, &mut errors) {
                continue;
            }
            let kind = required(&csv, rec, at, "kind", &mut errors).and_then(|k| {
                match k.to_ascii_lowercase().as_str() {
                    "entity" => Some(AliasKind::Entity),
                    "metric" => Some(AliasKind::Metric),
                    _ => {
                        errors.push(csv.at(
                            ErrorKind::UnknownAliasKind {
                                found: k.to_string(),
                            },
                            at,
                            csv.cols["kind"],
                        ));
                        None
                    }
                }
            });
            let alias = required(&csv, rec, at, "alias", &mut errors);
            let canonical = required(&csv, rec, at, "canonical", &mut errors);
            if let (Some(kind), Some(alias), Some(canonical)) = (kind, alias, canonical) {
                entries.push(Alias {
                    kind,
                    alias: alias.to_string(),
                    canonical: canonical.to_string(),
                });
            }
        }
        Ok((Aliases { entries, warnings }, errors))
    }

    /// Adds an alias.
    pub fn push(&mut self, alias: Alias) {
        self.entries.push(alias);
    }

    /// All aliases.
    pub fn entries(&self) -> &[Alias] {
        &self.entries
    }

    /// Problems that did not stop loading.
    pub fn warnings(&self) -> &[Error] {
        &self.warnings
    }
}

/// One FX quote: 1 base = `num / den` quote on `date`. Kept as a fraction so
/// an inverted or crossed rate converts exactly (¥3,578,000m at 143.12 is
/// exactly $25bn, not $24,999,999,999.99…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FxQuote {
    /// The date of the rate used (for a cross, the older leg's).
    pub date: Date,
    /// Numerator of the rate.
    #[serde(with = "rust_decimal::serde::str")]
    pub num: Decimal,
    /// Denominator of the rate.
    #[serde(with = "rust_decimal::serde::str")]
    pub den: Decimal,
}

impl FxQuote {
    /// Units of the quote currency per unit of the base currency (rounded to
    /// 28 significant digits when the fraction does not terminate).
    pub fn rate(&self) -> Decimal {
        self.num.checked_div(self.den).unwrap_or(Decimal::ZERO)
    }

    /// Converts an amount of the base currency into the quote currency.
    pub fn convert(&self, value: Decimal) -> Option<Decimal> {
        value.checked_mul(self.num)?.checked_div(self.den)
    }
}

/// An FX row while loading: date, rate and line.
type FxRow = (Date, Decimal, usize);

/// FX rates by date.
#[derive(Clone, Debug, Default)]
pub struct FxRates {
    /// (base, quote) → (date, rate) sorted by date
    rates: HashMap<(Currency, Currency), Vec<(Date, Decimal)>>,
    warnings: Vec<Error>,
}

impl FxRates {
    /// Loads an FX CSV file (`date, base, quote, rate`).
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn load(path: &Path) -> Result<FxRates, Vec<Error>> {
        let text = read_utf8(path).map_err(|e| vec![e])?;
        FxRates::from_csv(&text, &path.display().to_string())
    }

    /// Loads an FX CSV file, keeping the good rows when some are bad.
    ///
    /// # Errors
    /// When the file cannot be used at all: every such problem, located.
    pub fn load_partial(path: &Path) -> Result<(FxRates, Vec<Error>), Vec<Error>> {
        let text = read_utf8(path).map_err(|e| vec![e])?;
        FxRates::from_csv_partial(&text, &path.display().to_string())
    }

    /// Parses FX rates from CSV text. Strict: any bad row fails the whole
    /// table.
    ///
    /// # Errors
    /// Every problem found, each with file, line and column.
    pub fn from_csv(text: &str, path: &str) -> Result<FxRates, Vec<Error>> {
        strict(FxRates::from_csv_partial(text, path))
    }

    /// Parses FX rates from CSV text, keeping every good row and returning an
    /// error for each bad one. Two different rates for the same pair and date
    /// are both left out.
    ///
    /// # Errors
    /// When the file cannot be used at all (empty, a required column missing
    /// or given twice): every such problem, located.
    pub fn from_csv_partial(text: &str, path: &str) -> Result<(FxRates, Vec<Error>), Vec<Error>> {
        let text = &*lone_cr_to_lf(text);
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let Some((csv, mut records)) = Csv::read(
            text,
            path,
            &["date", "base", "quote", "rate"],
            &[],
            &mut errors,
            &mut warnings,
        ) else {
            return Err(errors);
        };
        let mut fx = FxRates::default();
        // (base, quote) → (date, rate, line) of its rows
        let mut rates: HashMap<(Currency, Currency), Vec<FxRow>> = HashMap::new();
        while let Some(at) = records.next(&csv, &mut errors, &mut warnings) {
            let rec = &records.rec;
            let (line, pos) = (at.line, at);
            if !check_width(&csv, rec, pos, &mut errors) {
                continue;
            }
            let date = required(&csv, rec, pos, "date", &mut errors).and_then(|d| {
                match d.parse::<Date>() {
                    Ok(d) => Some(d),
                    Err(e) => {
                        errors.push(csv.at(e.kind().clone(), pos, csv.cols["date"]));
                        None
                    }
                }
            });
            let cur = |name: &str, errors: &mut Vec<Error>| {
                required(&csv, rec, pos, name, errors).and_then(|c| match Currency::from_code(c) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        errors.push(csv.at(e.kind().clone(), pos, csv.cols[name]));
                        None
                    }
                })
            };
            let base = cur("base", &mut errors);
            let quote = cur("quote", &mut errors);
            let rate = required(&csv, rec, pos, "rate", &mut errors).and_then(|r| {
                match parse_decimal(r) {
                    Ok(d) if d > Decimal::ZERO => Some(d),
                    _ => {
                        errors.push(csv.at(
                            ErrorKind::InvalidRate {
                                found: r.to_string(),
                            },
                            pos,
                            csv.cols["rate"],
                        ));
                        None
                    }
                }
            });
            if let (Some(date), Some(base), Some(quote), Some(rate)) = (date, base, quote, rate) {
                rates
                    .entry((base, quote))
                    .or_default()
                    .push((date, rate, line));
            }
        }
        // rows for the same pair and date: one kept when they agree, none
        // when they disagree (as in the ledger)
        let mut reordered = false;
        for ((base, quote), mut v) in rates {
            v.sort_by_key(|&(d, _, line)| (d, line));
            let mut kept: Vec<(Date, Decimal)> = Vec::with_capacity(v.len());
            for run in v.chunk_by(|a, b| a.0 == b.0) {
                let (date, rate, first_line) = run[0];
                if run.len() == 1 {
                    kept.push((date, rate));
                    continue;
                }
                reordered = true;
                let key = format!("{base}/{quote} / {date}");
                if run.iter().all(|r| r.1 == rate) {
                    kept.push((date, rate));
                    for r in &run[1..] {
                        warnings.push(at_line(
                            ErrorKind::RepeatedRow {
                                key: key.clone(),
                                first_line,
                            },
                            path,
                            r.2,
                        ));
                    }
                } else {
                    let lines: Vec<String> = run.iter().map(|r| r.2.to_string()).collect();
                    for r in run {
                        errors.push(at_line(
                            ErrorKind::ConflictingRows {
                                key: key.clone(),
                                lines: lines.join(", "),
                            },
                            path,
                            r.2,
                        ));
                    }
                }
            }
            if !kept.is_empty() {
                fx.rates.insert((base, quote), kept);
            }
        }
        if reordered {
            // the messages in file order
            errors.sort_by_key(|e| e.location().line);
            warnings.sort_by_key(|e| e.location().line);
        }
        fx.warnings = warnings;
        Ok((fx, errors))
    }

    /// Adds one rate (1 base = rate quote on date).
    pub fn insert(&mut self, date: Date, base: Currency, quote: Currency, rate: Decimal) {
        let v = self.rates.entry((base, quote)).or_default();
        v.push((date, rate));
        v.sort_by_key(|&(d, _)| d);
    }

    /// Problems that did not stop loading.
    pub fn warnings(&self) -> &[Error] {
        &self.warnings
    }

    /// How many rates the table holds.
    pub fn len(&self) -> usize {
        self.rates.values().map(Vec::len).sum()
    }

    /// Whether the table holds no rate.
    pub fn is_empty(&self) -> bool {
        self.rates.is_empty()
    }

    /// Every currency that appears in the table, sorted.
    pub fn currencies(&self) -> Vec<Currency> {
        let mut v: Vec<Currency> = self.rates.keys().flat_map(|&(a, b)| [a, b]).collect();
        v.sort();
        v.dedup();
        v
    }

    fn direct(&self, base: Currency, quote: Currency, on: Date) -> Option<FxQuote> {
        let fwd = self
            .rates
            .get(&(base, quote))
            .and_then(|v| v.iter().rev().find(|(d, _)| *d <= on))
            .map(|&(date, rate)| FxQuote {
                date,
                num: rate,
                den: Decimal::ONE,
            });
        let inv = self
            .rates
            .get(&(quote, base))
            .and_then(|v| v.iter().rev().find(|(d, _)| *d <= on))
            .map(|&(date, rate)| FxQuote {
                date,
                num: Decimal::ONE,
                den: rate,
            });
        match (fwd, inv) {
            (Some(a), Some(b)) => Some(if b.date > a.date { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// The rate to convert `base` into `quote` on `on`: the latest rate on or
    /// before that date, inverted or crossed through a third currency when
    /// needed (the cross's date is the older of its two legs).
    pub fn rate(&self, base: Currency, quote: Currency, on: Date) -> Option<FxQuote> {
        if base == quote {
            return Some(FxQuote {
                date: on,
                num: Decimal::ONE,
                den: Decimal::ONE,
            });
        }
        if let Some(q) = self.direct(base, quote, on) {
            return Some(q);
        }
        // cross through any currency linked to both, preferring USD
        let mut via: Vec<Currency> = self
            .rates
            .keys()
            .flat_map(|&(a, b)| [a, b])
            .filter(|&c| c != base && c != quote)
            .collect();
        via.sort();
        via.dedup();
        via.sort_by_key(|&c| c != Currency::USD);
        for v in via {
            if let (Some(a), Some(b)) = (self.direct(base, v, on), self.direct(v, quote, on)) {
                // a product too small for 28 decimal places rounds to zero: no rate
                if let (Some(num), Some(den)) = (
                    a.num.checked_mul(b.num).filter(|x| !x.is_zero()),
                    a.den.checked_mul(b.den).filter(|x| !x.is_zero()),
                ) {
                    return Some(FxQuote {
                        date: a.date.min(b.date),
                        num,
                        den,
                    });
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msgs(r: Result<Ledger, Vec<Error>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn loads_any_column_order_bom_crlf_and_scale() {
        let csv = "\u{feff}unit,value,period,metric,entity,scale,source\r\nUSD,25,2024-09-30,cash,SoftBank Group,billion,Bloomberg\r\n%,90,2025-01-22,stake in Arm,SoftBank Group,,filings\r\n\r\n";
        let l = Ledger::from_csv(csv, "l.csv").expect("loads");
        assert_eq!(l.rows().len(), 2);
        assert_eq!(l.rows()[0].value.to_string(), "25000000000");
        assert_eq!(l.rows()[0].unit, Unit::Currency(Currency::USD));
        assert_eq!(l.rows()[0].line, 2);
        assert_eq!(l.rows()[1].unit, Unit::Percent);
        assert_eq!(l.series("softbank group", "CASH").len(), 1);
    }

    #[test]
    fn reports_every_bad_row_with_line_and_column() {
        let csv = "entity,metric,period,value,unit\nA,cash,2024-13-01,1,USD\nA,cash,2024-09-30,\"12,3.4\",USD\nA,cash,2024-06-30,5,XYZ\nA,cash,2024-03-31,5\n";
        let m = msgs(Ledger::from_csv(csv, "ledger.csv"));
        assert_eq!(
            m,
            vec![
                "ledger.csv:2:8: invalid date \"2024-13-01\": expected an ISO date YYYY-MM-DD",
                "ledger.csv:3:19: invalid amount \"12,3.4\": expected three digits after ','",
                "ledger.csv:4:21: unknown currency \"XYZ\": expected an ISO 4217 code such as USD",
                "ledger.csv:5:1: row has 4 fields: expected 5 like the header",
            ]
        );
    }

    #[test]
    fn header_problems() {
        assert_eq!(
            msgs(Ledger::from_csv("", "l.csv")),
            vec![
                "l.csv:1:1: empty file: expected a header row with columns entity, metric, period, value, unit"
            ]
        );
        assert_eq!(
            msgs(Ledger::from_csv(
                "entity,metric,period,unit\nA,b,2024-01-01,USD\n",
                "l.csv"
            )),
            vec![
                "l.csv:1:1: missing column \"value\": expected columns entity, metric, period, value, unit"
            ]
        );
        assert_eq!(
            msgs(Ledger::from_csv(
                "entity,metric,period,value,unit,value\n",
                "l.csv"
            )),
            vec!["l.csv:1:33: duplicate column \"value\": expected each column once"]
        );
        let l = Ledger::from_csv(
            "entity,metric,period,value,unit,extra\nA,b,2024-01-01,1,USD,x\n",
            "l.csv",
        )
        .expect("loads");
        assert_eq!(
            l.warnings()[0].to_string(),
            "l.csv:1:33: unknown column \"extra\" is ignored: expected columns entity, metric, period, value, unit, scale, source, note"
        );
    }

    #[test]
    fn duplicate_rows() {
        let csv =
            "entity,metric,period,value,unit\nA,cash,2024-09-30,1,USD\nA,Cash,2024-09-30,2,USD\n";
        assert_eq!(
            msgs(Ledger::from_csv(csv, "l.csv")),
            vec![
                "l.csv:2:1: rows for A / cash / 2024-09-30 disagree (lines 2, 3): none of them is used",
                "l.csv:3:1: rows for A / cash / 2024-09-30 disagree (lines 2, 3): none of them is used",
            ]
        );
        let csv =
            "entity,metric,period,value,unit\nA,cash,2024-09-30,1,USD\nA,cash,2024-09-30,1.0,USD\n";
        let l = Ledger::from_csv(csv, "l.csv").expect("same value loads");
        assert_eq!(l.rows().len(), 1);
        assert_eq!(l.warnings().len(), 1);
        // a repeat of either value is part of the disagreement: every row
        // for the key is named and left out, whatever the order
        for values in [[1, 1, 2], [1, 2, 1], [2, 1, 1]] {
            let csv = format!(
                "entity,metric,period,value,unit\nA,cash,2024-09-30,{},USD\nA,cash,2024-09-30,{},USD\nA,cash,2024-09-30,{},USD\nB,cash,2024-09-30,5,USD\n",
                values[0], values[1], values[2]
            );
            let (l, errors) = Ledger::from_csv_partial(&csv, "l.csv").expect("usable");
            assert_eq!(l.rows().len(), 1, "{values:?}");
            let lines: Vec<Option<usize>> = errors.iter().map(|e| e.location().line).collect();
            assert_eq!(lines, [Some(2), Some(3), Some(4)], "{values:?}");
            let rejected: Vec<usize> = l.rejected().iter().map(|r| r.line).collect();
            assert_eq!(rejected, [2, 3, 4], "{values:?}");
            assert!(l.warnings().is_empty(), "{values:?}");
        }
    }

    #[test]
    fn a_cross_rate_too_small_to_represent_is_no_rate() {
        let fx = FxRates::from_csv(
            "date,base,quote,rate\n2024-09-30,JPY,USD,0.000000000000001\n2024-09-30,USD,EUR,0.000000000000001\n",
            "fx.csv",
        )
        .expect("loads");
        let on: Date = "2024-10-01".parse().expect("a date");
        assert!(fx.rate(Currency::JPY, Currency::EUR, on).is_none());
        assert!(fx.rate(Currency::EUR, Currency::JPY, on).is_none());
        assert!(fx.rate(Currency::JPY, Currency::USD, on).is_some());
    }

    #[test]
    fn old_mac_line_ends_and_a_bom_count_right() {
        let csv = "\u{feff}entity,metric,period,value,unit,bogus\rA,cash,2024-09-30,1,USD,x\rA,debt,2024-09-30,x,USD,y\r";
        let (l, errors) = Ledger::from_csv_partial(csv, "l.csv").expect("usable");
        assert_eq!(l.rows().len(), 1);
        assert_eq!(
            msgs(Err(errors)),
            [
                "l.csv:3:19: invalid amount \"x\": expected an exact decimal such as 1234.5 or 1,234.5"
            ]
        );
        assert_eq!(
            l.warnings()[0].to_string(),
            "l.csv:1:33: unknown column \"bogus\" is ignored: expected columns entity, metric, period, value, unit, scale, source, note"
        );
    }

    #[test]
    fn a_file_of_empty_lines_is_empty() {
        // no memory is reserved per line: 20 million newlines are just empty
        let csv = "entity,metric,period,value,unit\n".to_string() + &"\n".repeat(20_000_000);
        let (l, errors) = Ledger::from_csv_partial(&csv, "l.csv").expect("usable");
        assert!(l.rows().is_empty() && errors.is_empty());
    }

    #[test]
    fn quoted_fields_with_commas_and_newlines() {
        let csv = "entity,metric,period,value,unit,note\n\"Arm, Holdings\",market cap,2025-01-22,\"160,000\",USD,\"two\nlines\"\nB,x,2024-01-01,bad,USD,\n";
        let m = msgs(Ledger::from_csv(csv, "l.csv"));
        assert_eq!(
            m,
            vec![
                "l.csv:4:16: invalid amount \"bad\": expected an exact decimal such as 1234.5 or 1,234.5"
            ]
        );
    }

    #[test]
    fn decimals_are_exact() {
        assert_eq!(
            parse_decimal("1,234.50").map(|d| d.to_string()).ok(),
            Some("1234.50".into())
        );
        assert_eq!(
            parse_decimal("(3.5)").map(|d| d.to_string()).ok(),
            Some("-3.5".into())
        );
        assert_eq!(
            parse_decimal("0.1").map(|d| d.to_string()).ok(),
            Some("0.1".into())
        );
        assert!(parse_decimal("1e5").is_err());
        assert!(parse_decimal("1,2345").is_err());
        assert!(parse_decimal("").is_err());
    }

    #[test]
    fn aliases_and_fx() {
        let a = Aliases::from_csv(
            "kind,alias,canonical\nentity,软银,SoftBank Group\nmetric,市值,market capitalization\n",
            "a.csv",
        )
        .expect("loads");
        assert_eq!(a.entries().len(), 2);
        let e = Aliases::from_csv(
            "kind,alias,canonical\ncompany,软银,SoftBank Group\n",
            "a.csv",
        )
        .expect_err("bad kind");
        assert_eq!(
            e[0].to_string(),
            "a.csv:2:1: unknown kind \"company\": expected entity or metric"
        );
        let fx = FxRates::from_csv("date,base,quote,rate\n2024-09-30,USD,JPY,143.5\n2024-12-31,USD,JPY,157.2\n2024-09-30,EUR,USD,1.1\n", "fx.csv").expect("loads");
        let d = |s: &str| s.parse::<Date>().expect("date");
        assert_eq!(
            fx.rate(Currency::USD, Currency::JPY, d("2024-10-15"))
                .map(|q| q.rate().to_string()),
            Some("143.5".into())
        );
        assert_eq!(
            fx.rate(Currency::USD, Currency::JPY, d("2025-01-01"))
                .map(|q| q.rate().to_string()),
            Some("157.2".into())
        );
        assert!(
            fx.rate(Currency::USD, Currency::JPY, d("2024-01-01"))
                .is_none()
        );
        let inv = fx
            .rate(Currency::JPY, Currency::USD, d("2024-10-01"))
            .expect("inverse");
        assert_eq!(inv.convert(Decimal::new(1435, 1)), Some(Decimal::ONE));
        let cross = fx
            .rate(Currency::EUR, Currency::JPY, d("2024-10-01"))
            .expect("cross");
        assert_eq!(cross.rate().normalize().to_string(), "157.85");
        let bad = FxRates::from_csv("date,base,quote,rate\n2024-09-30,USD,JPY,-1\n", "fx.csv")
            .expect_err("bad rate");
        assert_eq!(
            bad[0].to_string(),
            "fx.csv:2:20: invalid rate \"-1\": expected a positive decimal"
        );
    }
}
