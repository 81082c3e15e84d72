//! Arrow columns built in Rust and handed to pyarrow as buffers (the Arrow
//! columnar format: validity bitmaps, int64 offsets, values), so that no
//! Python object is made per mention. `figcheck/_arrow.py` turns each
//! `(name, kind, length, null_count, validity, buffers)` into a
//! `pyarrow.Array` with `Array.from_buffers`.

use crate::input::Texts;
use crate::{Chars, extractor, plain_error};
use figcheck::span::Positions;
use figcheck::{Bound as QBound, Extractor, Kind, MentionRecord};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

/// A bitmap, least significant bit first.
#[derive(Default)]
pub struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    pub fn push(&mut self, b: bool) {
        if self.len % 8 == 0 {
            self.bytes.push(0);
        }
        if b {
            let last = self.bytes.len() - 1;
            self.bytes[last] |= 1 << (self.len % 8);
        }
        self.len += 1;
    }
}

/// A `large_string` column, nullable.
pub struct Str {
    offsets: Vec<i64>,
    data: Vec<u8>,
    valid: Bits,
    pub(crate) nulls: usize,
}

impl Default for Str {
    fn default() -> Str {
        Str {
            offsets: vec![0],
            data: Vec::new(),
            valid: Bits::default(),
            nulls: 0,
        }
    }
}

impl Str {
    pub fn push(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.data.extend_from_slice(s.as_bytes());
                self.valid.push(true);
            }
            None => {
                self.nulls += 1;
                self.valid.push(false);
            }
        }
        // Invariant: a Vec's length fits in i64.
        self.offsets
            .push(i64::try_from(self.data.len()).expect("buffer length fits in i64"));
    }
}

/// One column of a batch.
pub enum Column {
    Str(Str),
    Int(Vec<i64>),
    Bool(Bits),
}

/// Named columns of equal length.
pub struct Batch {
    pub rows: usize,
    pub columns: Vec<(&'static str, Column)>,
}

fn le_bytes(v: &[i64]) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len() * 8);
    for x in v {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out
}

impl Batch {
    /// `[(name, kind, length, null_count, validity, [buffers])]` for pyarrow.
    pub fn into_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        let rows = self.rows;
        for (name, col) in self.columns {
            let t = match col {
                Column::Str(s) => {
                    let validity = (s.nulls > 0).then(|| PyBytes::new(py, &s.valid.bytes));
                    let offsets = PyBytes::new(py, &le_bytes(&s.offsets));
                    let data = PyBytes::new(py, &s.data);
                    (name, "str", rows, s.nulls, validity, vec![offsets, data])
                }
                Column::Int(v) => {
                    let values = PyBytes::new(py, &le_bytes(&v));
                    (name, "i64", rows, 0, None, vec![values])
                }
                Column::Bool(b) => {
                    let values = PyBytes::new(py, &b.bytes);
                    (name, "bool", rows, 0, None, vec![values])
                }
            };
            out.append(t)?;
        }
        Ok(out)
    }
}

/// The JSON spelling of an enum value (`"money"`), for variants added
/// after this was written.
pub fn json_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => format!("<{e}>"),
    }
}

pub fn kind_name(k: Kind) -> std::borrow::Cow<'static, str> {
    match k {
        Kind::Money => "money".into(),
        Kind::Percent => "percent".into(),
        other => json_name(&other).into(),
    }
}

pub fn bound_name(b: QBound) -> std::borrow::Cow<'static, str> {
    match b {
        QBound::Lower => "lower".into(),
        QBound::Upper => "upper".into(),
        other => json_name(&other).into(),
    }
}

/// The mention columns (the fields of `figcheck extract --format json`,
/// with character offsets), in the JSON's order.
#[derive(Default)]
pub struct Mentions {
    pub doc: Vec<i64>,
    pub kind: Str,
    pub start: Vec<i64>,
    pub end: Vec<i64>,
    pub char_start: Vec<i64>,
    pub char_end: Vec<i64>,
    pub line: Vec<i64>,
    pub column: Vec<i64>,
    pub text: Str,
    pub value: Str,
    pub min: Str,
    pub max: Str,
    pub currency: Str,
    pub approx: Bits,
    pub bound: Str,
    pub inclusive: Bits,
    pub strong: Bits,
    pub points: Bits,
    pub precision: Str,
}

fn int(n: usize) -> i64 {
    // Invariant: offsets and counts of in-memory text fit in i64.
    i64::try_from(n).expect("offset fits in i64")
}

impl Mentions {
    pub fn push(&mut self, doc: i64, r: &MentionRecord, chars: (usize, usize)) {
        self.doc.push(doc);
        self.kind.push(Some(&kind_name(r.kind)));
        self.start.push(int(r.start));
        self.end.push(int(r.end));
        self.char_start.push(int(chars.0));
        self.char_end.push(int(chars.1));
        self.line.push(int(r.line));
        self.column.push(int(r.column));
        self.text.push(Some(&r.text));
        self.value.push(r.value.as_deref());
        self.min.push(r.min.as_deref());
        self.max.push(r.max.as_deref());
        self.currency.push(r.currency.as_ref().map(|c| c.code()));
        self.approx.push(r.approx);
        self.bound.push(r.bound.map(bound_name).as_deref());
        self.inclusive.push(r.inclusive);
        self.strong.push(r.strong);
        self.points.push(r.points);
        self.precision.push(Some(&r.precision));
    }

    pub fn batch(self) -> Batch {
        let rows = self.doc.len();
        use Column::*;
        Batch {
            rows,
            columns: vec![
                ("doc", Int(self.doc)),
                ("kind", Str(self.kind)),
                ("start", Int(self.start)),
                ("end", Int(self.end)),
                ("char_start", Int(self.char_start)),
                ("char_end", Int(self.char_end)),
                ("line", Int(self.line)),
                ("column", Int(self.column)),
                ("text", Str(self.text)),
                ("value", Str(self.value)),
                ("min", Str(self.min)),
                ("max", Str(self.max)),
                ("currency", Str(self.currency)),
                ("approx", Bool(self.approx)),
                ("bound", Str(self.bound)),
                ("inclusive", Bool(self.inclusive)),
                ("strong", Bool(self.strong)),
                ("points", Bool(self.points)),
                ("precision", Str(self.precision)),
            ],
        }
    }
}

/// Extracts every text of `texts`; warnings (figures too large) as
/// `row N: line:column: message`.
fn extract_all(
    extractor: &Extractor,
    texts: &Texts<'_>,
    first: i64,
) -> Result<(Mentions, Vec<String>), String> {
    let mut m = Mentions::default();
    let mut warnings = Vec::new();
    for i in 0..texts.len() {
        let Some(text) = texts.get(i)? else { continue };
        let doc = first + int(i);
        let mut positions = Positions::new(text);
        let mut chars = Chars::new(text);
        let mut warn_positions = Positions::new(text);
        for item in extractor.claims(text) {
            match item {
                Ok(c) => {
                    let s = chars.at(c.span().start());
                    let e = chars.at(c.span().end());
                    let r = MentionRecord::at(text, &c, &mut positions);
                    m.push(doc, &r, (s, e));
                }
                Err(e) => {
                    let (l, c) = warn_positions.at(e.location().start.unwrap_or(0));
                    warnings.push(format!("row {doc}: {l}:{c}: {}", e.kind()));
                }
            }
        }
    }
    Ok((m, warnings))
}

/// `extract_columns(validity, offsets, data, offset, length, first_row,
/// currency_hint)`: the mention columns of one `large_string` array's
/// buffers, and the warnings.
#[pyfunction]
#[pyo3(signature = (validity, offsets, data, offset, length, first_row, currency_hint=None))]
#[allow(clippy::too_many_arguments)]
pub fn extract_columns<'py>(
    py: Python<'py>,
    validity: Option<&[u8]>,
    offsets: &[u8],
    data: &[u8],
    offset: usize,
    length: usize,
    first_row: i64,
    currency_hint: Option<&str>,
) -> PyResult<(Bound<'py, PyList>, Vec<String>)> {
    let extractor = extractor(py, currency_hint)?;
    let texts =
        Texts::new(validity, offsets, data, offset, length).map_err(|e| plain_error(py, e))?;
    let (m, warnings) = py
        .detach(|| extract_all(&extractor, &texts, first_row))
        .map_err(|e| plain_error(py, e))?;
    Ok((m.batch().into_py(py)?, warnings))
}

#[cfg(test)]
mod tests {
    use super::Bits;

    #[test]
    fn bits_are_least_significant_first() {
        let mut b = Bits::default();
        for x in [true, false, true, true, false, false, false, false, true] {
            b.push(x);
        }
        assert_eq!(b.bytes, vec![0b0000_1101, 0b1]);
    }
}
