//! The CSV machinery the three tables share: the header (any column order,
//! BOM, duplicate and unknown columns), records read one at a time, and
//! errors located at a record's field (file, line, column).

use crate::error::{Error, ErrorKind};
use crate::span::Positions;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

/// Where a record is: its byte offset in the file's text and its line.
#[derive(Clone, Copy, Debug)]
pub(super) struct At {
    pub(super) pos: usize,
    pub(super) line: usize,
}

/// The header of a CSV file, with helpers for located errors.
pub(super) struct Csv<'a> {
    pub(super) path: &'a str,
    pub(super) text: &'a str,
    /// Column name → index.
    pub(super) cols: HashMap<String, usize>,
    /// The header's names, trimmed and lowercased (to spot a repeated header).
    pub(super) names: Vec<String>,
    pub(super) header_line: usize,
    pub(super) width: usize,
    /// Fields a row needs: up to the last required column (the optional
    /// columns after it may be left off).
    pub(super) min_width: usize,
}

/// The records after the header, read one at a time (a million-row ledger is
/// never held as records, only as the rows made of them).
pub(super) struct Rows<'a> {
    pub(super) rdr: csv::Reader<&'a [u8]>,
    pub(super) rec: csv::StringRecord,
    /// Bytes of byte order mark before the reader's input.
    pub(super) bom: usize,
    pub(super) positions: Positions<'a>,
}

/// 1-based (line, column) of byte `i` of `text`, which is at or after the
/// record at `at` (only the text between them is scanned).
pub(super) fn line_col_after(text: &str, at: At, i: usize) -> (usize, usize) {
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

/// The text with every lone CR outside quoted fields (old Mac line ends,
/// which the CSV reader takes as line ends) made a LF, so that line numbers
/// count them too; a CR inside a quoted field is text and stays. The length
/// and every offset stay the same.
pub(super) fn lone_cr_to_lf(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let lone = |i: usize| b.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', b).any(lone) {
        return Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    // the CSV reader's quoting: a quote opens a field only at its start; in
    // a quoted field "" is a quote and a lone " closes it
    let mut quoted = false;
    let mut field_start = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if quoted {
            if c == b'"' {
                if b.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else {
            match c {
                b'"' if field_start => quoted = true,
                b'\r' if lone(i) => out[i] = b'\n',
                _ => {}
            }
            field_start = matches!(c, b',' | b'\n' | b'\r');
        }
        i += 1;
    }
    // only ASCII bytes changed
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// 1-based (line, column) of the start of field `field` of the record at `at`.
pub(super) fn field_position(text: &str, at: At, field: usize) -> (usize, usize) {
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

/// How many problems of one kind in one file are listed one by one; the
/// rest are counted.
pub(super) const MAX_LISTED: usize = 100;

/// The first [`MAX_LISTED`] of one file's problems, then one that counts
/// the rest (located where the first of them is).
pub(super) fn capped(mut v: Vec<Error>, path: &str) -> Vec<Error> {
    if v.len() <= MAX_LISTED + 1 {
        return v;
    }
    let more = v.len() - MAX_LISTED;
    let at = v[MAX_LISTED].location().clone();
    v.truncate(MAX_LISTED);
    let mut e = Error::new(ErrorKind::MoreProblems {
        more,
        shown: MAX_LISTED,
    })
    .with_path(path);
    if let (Some(l), Some(c)) = (at.line, at.column) {
        e = e.with_line_col(l, c);
    }
    v.push(e);
    v
}

/// What a text that cannot be a comma-separated table looks like, when it
/// plainly is something else: JSON, HTML or XML, a binary file, or a table
/// with another separator.
pub(super) fn not_csv(body: &str) -> Option<&'static str> {
    let head = &body.as_bytes()[..body.len().min(8192)];
    if head.contains(&0) {
        return Some("a binary file");
    }
    let t = body.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        return Some("JSON (an SEC companyfacts file is read as such when its name ends in .json)");
    }
    if t.starts_with('<') {
        return Some("HTML or XML");
    }
    let first = t.lines().next().unwrap_or("");
    if !first.contains(',') {
        if first.contains('\t') {
            return Some("a tab-separated file");
        }
        if first.contains(';') {
            return Some("a ';'-separated file");
        }
    }
    None
}

impl<'a> Csv<'a> {
    pub(super) fn at(&self, kind: ErrorKind, at: At, field: usize) -> Error {
        let (l, c) = field_position(self.text, at, field);
        Error::new(kind).with_path(self.path).with_line_col(l, c)
    }

    /// Reads the header of a CSV text, which must contain `required` (and
    /// may contain `optional`); unknown columns are warned about and ignored.
    /// `None` (with the errors) when the file cannot be read as such a table.
    pub(super) fn read(
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
        // a file that is not a CSV table at all: one error, not one per line
        if let Some(looks_like) = not_csv(body) {
            errors.push(
                Error::new(ErrorKind::NotCsv {
                    looks_like: looks_like.to_string(),
                    expected: expected.clone(),
                })
                .with_path(path)
                .with_line_col(1, 1),
            );
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
        let mut unknown = 0;
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
                unknown += 1;
                if unknown > MAX_LISTED {
                    cols.insert(name, i);
                    continue;
                }
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
        if unknown > MAX_LISTED {
            warnings.push(
                Error::new(ErrorKind::MoreProblems {
                    more: unknown - MAX_LISTED,
                    shown: MAX_LISTED,
                })
                .with_path(path)
                .with_line_col(hdr.line, 1),
            );
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
        let min_width = required
            .iter()
            .filter_map(|r| cols.get(*r))
            .max()
            .map_or(0, |&i| i + 1);
        let csv = Csv {
            path,
            text,
            cols,
            names,
            header_line: hdr.line,
            width: header.len(),
            min_width,
        };
        Some((csv, rows))
    }
}

impl Rows<'_> {
    /// The next record that is not blank, into `self.rec`; `None` at the end
    /// (or, with an error, when the CSV is malformed).
    pub(super) fn next_raw(
        &mut self,
        text: &str,
        path: &str,
        errors: &mut Vec<Error>,
    ) -> Option<At> {
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
    pub(super) fn next(
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
pub(super) fn field<'r>(csv: &Csv, rec: &'r csv::StringRecord, name: &str) -> &'r str {
    csv.cols
        .get(name)
        .and_then(|&i| rec.get(i))
        .map_or("", str::trim)
}

/// Checks the field count of a record; returns false (with an error) when off.
pub(super) fn check_width(
    csv: &Csv,
    rec: &csv::StringRecord,
    at: At,
    errors: &mut Vec<Error>,
) -> bool {
    // trailing optional columns may be left off (a row of 5 fields under a
    // header of 7 whose last 2 are optional); more fields, or fewer than the
    // required columns take, are an error
    if rec.len() > csv.width || rec.len() < csv.min_width {
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
pub(super) fn required<'r>(
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

/// Turns the good-looking fields of `T`'s partial load into a strict one:
/// any error fails the whole table.
pub(super) fn strict<T>(r: Result<(T, Vec<Error>), Vec<Error>>) -> Result<T, crate::error::Errors> {
    match r {
        Ok((t, errors)) if errors.is_empty() => Ok(t),
        Ok((_, errors)) | Err(errors) => Err(crate::error::Errors(errors)),
    }
}

/// An error at the start of line `line` of the file `path`.
pub(super) fn at_line(kind: ErrorKind, path: &str, line: usize) -> Error {
    Error::new(kind).with_path(path).with_line_col(line, 1)
}

pub(super) fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Reads a file's bytes, with a located error when it cannot.
pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| {
        Error::new(ErrorKind::Io {
            // messages are lower case: "no such file or directory (os error 2)"
            message: lowercase_first(&e.to_string()),
        })
        .with_path(path.display().to_string())
    })
}

/// The bytes of the file `name` as UTF-8, with a located error when they
/// are not.
pub(super) fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        Error::invalid_utf8(name, e.as_bytes(), 0, valid, 1)
    })
}

/// Reads a file as UTF-8, with a located error when it is not.
pub(super) fn read_utf8(path: &Path) -> Result<String, Error> {
    utf8(&path.display().to_string(), read_bytes(path)?)
}
